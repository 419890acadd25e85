//! Position indexes over a document's mentions, so that "which mention covers this
//! byte" costs a logarithm, not a scan: long documents stay linear.

use std::collections::BTreeSet;

use crate::analysis::MentionRec;
use crate::model::Span;

#[derive(Debug, Default)]
pub struct MentionIndex {
    /// Start offset of every token, and the first mention covering that start
    /// (index + 1; 0 for none): the common question "is this token in a mention"
    /// answered without a search.
    tok_starts: Vec<usize>,
    tok_cover: Vec<u32>,
    /// (offset, mention index): ordered by offset, then by recording order, with no
    /// allocation per offset.
    by_start: BTreeSet<(usize, usize)>,
    by_end: BTreeSet<(usize, usize)>,
    /// The longest mention, bounding how far back a covering mention can start.
    max_len: usize,
}

impl MentionIndex {
    pub fn new(tok_starts: Vec<usize>) -> Self {
        let n = tok_starts.len();
        MentionIndex { tok_starts, tok_cover: vec![0; n], ..MentionIndex::default() }
    }

    pub fn insert(&mut self, idx: usize, span: Span) {
        let first = self.tok_starts.partition_point(|&s| s < span.start);
        for t in first..self.tok_starts.len() {
            if self.tok_starts[t] >= span.end {
                break;
            }
            if self.tok_cover[t] == 0 {
                self.tok_cover[t] = idx as u32 + 1;
            }
        }
        self.by_start.insert((span.start, idx));
        self.by_end.insert((span.end, idx));
        self.max_len = self.max_len.max(span.len());
    }

    pub fn rebuild(&mut self, mentions: &[MentionRec]) {
        *self = MentionIndex::new(std::mem::take(&mut self.tok_starts));
        for (i, m) in mentions.iter().enumerate() {
            self.insert(i, m.span);
        }
    }

    /// Indexes of the mentions overlapping `span`, in no particular order.
    pub fn overlapping<'s>(&'s self, span: Span, mentions: &'s [MentionRec]) -> impl Iterator<Item = usize> + 's {
        let from = span.start.saturating_sub(self.max_len);
        self.by_start
            .range((from, 0)..(span.end.max(span.start + 1), 0))
            .map(|&(_, i)| i)
            .filter(move |&i| mentions[i].span.overlaps(span) || (span.is_empty() && mentions[i].span.contains(span)))
    }

    /// The earliest-recorded mention covering the start of token `tok`.
    pub fn covering_tok(&self, tok: usize) -> Option<usize> {
        self.tok_cover.get(tok).and_then(|c| c.checked_sub(1)).map(|i| i as usize)
    }

    /// The earliest-recorded mention covering byte `at`.
    pub fn covering(&self, at: usize, mentions: &[MentionRec]) -> Option<usize> {
        if let Ok(t) = self.tok_starts.binary_search(&at) {
            return self.tok_cover[t].checked_sub(1).map(|i| i as usize);
        }
        let from = at.saturating_sub(self.max_len);
        self.by_start
            .range((from, 0)..=(at, usize::MAX))
            .map(|&(_, i)| i)
            .filter(|&i| mentions[i].span.start <= at && at < mentions[i].span.end)
            .min()
    }

    /// Mentions starting at `start`, in recording order.
    pub fn starting(&self, start: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_start.range((start, 0)..=(start, usize::MAX)).map(|&(_, i)| i)
    }

    /// Mentions ending at `end`, in recording order.
    pub fn ending(&self, end: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_end.range((end, 0)..=(end, usize::MAX)).map(|&(_, i)| i)
    }

    /// Mentions starting before byte `at`, nearest first (the later recorded first
    /// among mentions with one start).
    pub fn starting_before(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_start.range(..(at, 0)).rev().map(|&(_, i)| i)
    }

    /// Mentions starting inside `span`, in text order.
    pub fn starting_within(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        self.by_start.range((span.start, 0)..(span.end, 0)).map(|&(_, i)| i)
    }
}
