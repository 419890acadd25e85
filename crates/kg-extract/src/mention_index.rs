//! Position indexes over a document's mentions, so that "which mention covers this
//! byte" costs a logarithm, not a scan: long documents stay linear.
//!
//! Nearly every mention starts at a token start and ends at a token end, so the
//! mentions are kept in lists per token (linked through per-mention arrays: no
//! allocation per token or per mention). The rare spans off those boundaries go to
//! ordered sets, merged in by position where an order is promised.

use std::collections::BTreeSet;

use crate::analysis::MentionRec;
use crate::model::Span;
use crate::positions::CountBelow;
use crate::text::Token;

mod walks;

use walks::{Before, Linked, Within};

const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct MentionIndex {
    tok_starts: Vec<usize>,
    /// The tokens starting before each block of bytes: [`MentionIndex::first_tok`]
    /// without a search of `tok_starts`.
    starts_below: CountBelow,
    tok_ends: Vec<usize>,
    /// The first mention covering each token start (index + 1; 0 for none): the
    /// common question "is this token in a mention" answered without a search.
    tok_cover: Vec<u32>,
    /// Per token, the first and last mention starting at its start; per mention,
    /// the next and previous one with that start, in recording order.
    start_first: Vec<u32>,
    start_last: Vec<u32>,
    next_start: Vec<u32>,
    prev_start: Vec<u32>,
    /// A bit per token: whether some mention starts at its start (its `start_first`
    /// is set). The walks over the token lists skip the tokens without one 64 at a
    /// time, where a scan of `start_first` went token by token.
    starts_at: Vec<u64>,
    /// The same by token end, forwards only.
    end_first: Vec<u32>,
    end_last: Vec<u32>,
    next_end: Vec<u32>,
    /// (offset, mention index) of the spans off token boundaries.
    odd_start: BTreeSet<(usize, usize)>,
    odd_end: BTreeSet<(usize, usize)>,
    /// The longest mention, bounding how far back a covering mention can start.
    max_len: usize,
}

/// Appends `idx` to the list whose ends are `first`/`last`, linked through `next`
/// (and `prev` when given).
fn push_link(first: &mut u32, last: &mut u32, next: &mut [u32], prev: Option<&mut [u32]>, idx: u32) {
    if *last == NONE {
        *first = idx;
    } else {
        next[*last as usize] = idx;
        if let Some(prev) = prev {
            prev[idx as usize] = *last;
        }
    }
    *last = idx;
}

impl MentionIndex {
    /// Empties the index and sets it over the tokens `toks`, with room for `mentions`
    /// mentions: the memory of the last document's index serves the next one.
    pub fn reset(&mut self, toks: &[Token], mentions: usize) {
        let n = toks.len();
        for v in [&mut self.next_start, &mut self.prev_start, &mut self.next_end] {
            v.clear();
            v.reserve(mentions);
        }
        self.tok_starts.clear();
        self.tok_starts.extend(toks.iter().map(|t| t.span.start));
        self.starts_below.reset(self.tok_starts.iter().copied());
        self.tok_ends.clear();
        self.tok_ends.extend(toks.iter().map(|t| t.span.end));
        self.tok_cover.clear();
        self.tok_cover.resize(n, 0);
        self.starts_at.clear();
        self.starts_at.resize(n.div_ceil(64), 0);
        for v in [&mut self.start_first, &mut self.start_last, &mut self.end_first, &mut self.end_last] {
            v.clear();
            v.resize(n, NONE);
        }
        self.odd_start.clear();
        self.odd_end.clear();
        self.max_len = 0;
    }

    pub fn insert(&mut self, idx: usize, span: Span) {
        self.insert_from(self.first_tok(span.start), idx, span);
    }

    /// The first token starting at or after byte `at`: where [`MentionIndex::insert_from`]
    /// and [`MentionIndex::any_overlapping_from`] start for a span from `at`, found once
    /// for both.
    pub fn first_tok(&self, at: usize) -> usize {
        let starts = &self.tok_starts;
        self.starts_below.below(at, starts.len(), |i| starts[i])
    }

    /// [`MentionIndex::insert`], given the [`MentionIndex::first_tok`] of the span's start.
    pub fn insert_from(&mut self, first: usize, idx: usize, span: Span) {
        // Mentions come in recording order: one push each, cheaper than `resize`.
        while self.next_start.len() <= idx {
            self.next_start.push(NONE);
            self.prev_start.push(NONE);
            self.next_end.push(NONE);
        }
        let id = idx as u32;
        let mut t = first;
        while t < self.tok_starts.len() && self.tok_starts[t] < span.end {
            if self.tok_cover[t] == 0 {
                self.tok_cover[t] = id + 1;
            }
            t += 1;
        }
        if self.tok_starts.get(first) == Some(&span.start) {
            let (f, l) = (&mut self.start_first[first], &mut self.start_last[first]);
            push_link(f, l, &mut self.next_start, Some(&mut self.prev_start), id);
            if let Some(word) = self.starts_at.get_mut(first / 64) {
                *word |= 1 << (first % 64);
            }
        } else {
            self.odd_start.insert((span.start, idx));
        }
        // `t` is now the first token starting at or after the end, so only the one
        // before it can end there.
        let end_tok = if span.end >= span.start {
            t.checked_sub(1).filter(|&e| self.tok_ends[e] == span.end)
        } else {
            self.end_tok(span.end)
        };
        match end_tok {
            Some(e) => {
                let (f, l) = (&mut self.end_first[e], &mut self.end_last[e]);
                push_link(f, l, &mut self.next_end, None, id);
            }
            None => {
                self.odd_end.insert((span.end, idx));
            }
        }
        self.max_len = self.max_len.max(span.len());
    }

    /// The first token of `from..to` at whose start a mention starts.
    fn next_marked(&self, from: usize, to: usize) -> Option<usize> {
        if from >= to {
            return None;
        }
        let mut w = from / 64;
        let mut bits = self.starts_at.get(w)? & (u64::MAX << (from % 64));
        loop {
            if bits != 0 {
                let t = w * 64 + bits.trailing_zeros() as usize;
                return (t < to).then_some(t);
            }
            w += 1;
            if w * 64 >= to {
                return None;
            }
            bits = *self.starts_at.get(w)?;
        }
    }

    /// The last token before `before` at whose start a mention starts.
    fn prev_marked(&self, before: usize) -> Option<usize> {
        let last = before.checked_sub(1)?;
        let mut w = last / 64;
        let mut bits = self.starts_at.get(w)? & (u64::MAX >> (63 - last % 64));
        loop {
            if bits != 0 {
                return Some(w * 64 + 63 - bits.leading_zeros() as usize);
            }
            w = w.checked_sub(1)?;
            bits = *self.starts_at.get(w)?;
        }
    }

    /// The token whose list holds the mentions starting at `start`, if any.
    fn start_tok(&self, start: usize) -> Option<usize> {
        self.start_tok_from(self.first_tok(start), start)
    }

    /// [`MentionIndex::start_tok`], given the [`MentionIndex::first_tok`] of `start`.
    fn start_tok_from(&self, first: usize, start: usize) -> Option<usize> {
        (self.tok_starts.get(first) == Some(&start)).then_some(first)
    }

    /// The token whose list holds the mentions ending at `end`, if any: the last
    /// one starting before it.
    fn end_tok(&self, end: usize) -> Option<usize> {
        self.first_tok(end).checked_sub(1).filter(|&e| self.tok_ends[e] == end)
    }

    /// The index of `mentions` from scratch: what [`MentionIndex::unindex`] and
    /// [`MentionIndex::reindex`] are tested against.
    #[cfg(test)]
    pub fn rebuild(&mut self, mentions: &[MentionRec]) {
        self.tok_cover.fill(0);
        self.starts_at.fill(0);
        for v in [&mut self.start_first, &mut self.start_last, &mut self.end_first, &mut self.end_last] {
            v.fill(NONE);
        }
        self.reindex(mentions);
    }

    /// Clears the token entries of `old`, the mentions the index holds, for a
    /// [`MentionIndex::reindex`] of what is kept of them: a removal in a long text
    /// clears a few tokens where [`MentionIndex::rebuild`] fills every list over
    /// them all.
    pub fn unindex(&mut self, old: &[MentionRec]) {
        for m in old {
            let (span, first) = (m.span, self.first_tok(m.span.start));
            // The tokens, start and end `insert_from` marks for the span.
            let mut t = first;
            while t < self.tok_starts.len() && self.tok_starts[t] < span.end {
                self.tok_cover[t] = 0;
                t += 1;
            }
            if self.tok_starts.get(first) == Some(&span.start) {
                self.start_first[first] = NONE;
                self.start_last[first] = NONE;
                if let Some(word) = self.starts_at.get_mut(first / 64) {
                    *word &= !(1 << (first % 64));
                }
            }
            let end_tok = if span.end >= span.start {
                t.checked_sub(1).filter(|&e| self.tok_ends[e] == span.end)
            } else {
                self.end_tok(span.end)
            };
            if let Some(e) = end_tok {
                self.end_first[e] = NONE;
                self.end_last[e] = NONE;
            }
        }
    }

    /// Indexes `mentions` afresh, the token entries already cleared.
    pub fn reindex(&mut self, mentions: &[MentionRec]) {
        self.next_start.clear();
        self.prev_start.clear();
        self.next_end.clear();
        self.odd_start.clear();
        self.odd_end.clear();
        self.max_len = 0;
        for (i, m) in mentions.iter().enumerate() {
            self.insert(i, m.span);
        }
    }

    /// Indexes of the mentions overlapping `span`, in no particular order.
    pub fn overlapping<'s>(&'s self, span: Span, mentions: &'s [MentionRec]) -> impl Iterator<Item = usize> + 's {
        let from = span.start.saturating_sub(self.max_len);
        self.starting_within(Span::new(from, span.end.max(span.start + 1)))
            .filter(move |&i| mentions[i].span.overlaps(span) || (span.is_empty() && mentions[i].span.contains(span)))
    }

    /// Whether some mention overlaps `span`, as `overlapping(..).next().is_some()`.
    pub fn any_overlapping(&self, span: Span, mentions: &[MentionRec]) -> bool {
        self.any_overlapping_from(self.first_tok(span.start), span, mentions)
    }

    /// [`MentionIndex::any_overlapping`], given the [`MentionIndex::first_tok`] of the
    /// span's start.
    pub fn any_overlapping_from(&self, first: usize, span: Span, mentions: &[MentionRec]) -> bool {
        match self.start_tok_from(first, span.start) {
            // A mention starting before a token start overlaps a span from there iff it
            // covers that start, which `tok_cover` records: no look back needed.
            Some(t) if span.end > span.start => {
                if self.tok_cover[t] != 0 {
                    return true;
                }
                let overlaps = |i: usize| mentions[i].span.overlaps(span);
                let mut k = t;
                while self.tok_starts.get(k).is_some_and(|&s| s < span.end) {
                    if (Linked { next: &self.next_start, cur: self.start_first[k] }).any(overlaps) {
                        return true;
                    }
                    k += 1;
                }
                !self.odd_start.is_empty()
                    && self.odd_start.range((span.start, 0)..(span.end, 0)).any(|&(_, i)| overlaps(i))
            }
            _ => self.overlapping(span, mentions).next().is_some(),
        }
    }

    /// The earliest-recorded mention covering the start of token `tok`.
    pub fn covering_tok(&self, tok: usize) -> Option<usize> {
        self.tok_cover.get(tok).and_then(|c| c.checked_sub(1)).map(|i| i as usize)
    }

    /// The earliest-recorded mention covering byte `at`.
    pub fn covering(&self, at: usize, mentions: &[MentionRec]) -> Option<usize> {
        if let Some(t) = self.start_tok(at) {
            return self.tok_cover[t].checked_sub(1).map(|i| i as usize);
        }
        let from = at.saturating_sub(self.max_len);
        self.starting_within(Span::new(from, at + 1))
            .filter(|&i| mentions[i].span.start <= at && at < mentions[i].span.end)
            .min()
    }

    /// Mentions starting at `start`, in recording order.
    pub fn starting(&self, start: usize) -> impl Iterator<Item = usize> + '_ {
        let (head, odd) = match self.start_tok(start) {
            Some(t) => (self.start_first[t], None),
            None => (NONE, Some(self.odd_start.range((start, 0)..=(start, usize::MAX)))),
        };
        Linked { next: &self.next_start, cur: head }.chain(odd.into_iter().flatten().map(|&(_, i)| i))
    }

    /// Mentions ending at `end`, in recording order.
    pub fn ending(&self, end: usize) -> impl Iterator<Item = usize> + '_ {
        let (head, odd) = match self.end_tok(end) {
            Some(t) => (self.end_first[t], None),
            None => (NONE, Some(self.odd_end.range((end, 0)..=(end, usize::MAX)))),
        };
        Linked { next: &self.next_end, cur: head }.chain(odd.into_iter().flatten().map(|&(_, i)| i))
    }

    /// Mentions starting before byte `at`, nearest first (the later recorded first
    /// among mentions with one start).
    pub fn starting_before(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        Before {
            ix: self,
            tok: self.first_tok(at),
            cur: NONE,
            pos: 0,
            odd: self.odd_start.range(..(at, 0)).rev().peekable(),
        }
    }

    /// Mentions starting inside `span`, in text order.
    pub fn starting_within(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let tok = self.first_tok(span.start);
        let end_tok = if span.end > span.start { self.first_tok(span.end) } else { tok };
        self.starting_within_toks(tok, end_tok, span)
    }

    /// [`MentionIndex::starting_within`] of `span`, given the tokens that start inside
    /// it, `tok..end_tok`: callers that hold a range of tokens spare the two searches.
    pub fn starting_within_toks(&self, tok: usize, end_tok: usize, span: Span) -> impl Iterator<Item = usize> + '_ {
        let odd = (!self.odd_start.is_empty() && span.end > span.start)
            .then(|| self.odd_start.range((span.start, 0)..(span.end, 0)).peekable());
        Within { ix: self, tok, end_tok, cur: NONE, pos: 0, odd }
    }
}
