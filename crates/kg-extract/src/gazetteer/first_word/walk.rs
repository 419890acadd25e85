//! The walk over the words of a text that finds the phrases of one or more indexes.

use std::ops::ControlFlow;

use super::{has_pair, pair, FirstWordIndex};
use crate::gazetteer::words;
use crate::model::Span;

impl FirstWordIndex {
    /// (phrase index, span) of every match, in text order.
    pub fn find(&self, text: &str) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        Self::walk([self], text, |_, i, span| {
            out.push((i, span));
            ControlFlow::Continue(())
        });
        out
    }

    /// The matches of several indexes in one pass over the words of `text`: each
    /// index's matches, in text order, are given to `on_match` with the index's place
    /// in `indexes`, as [`FirstWordIndex::find`] finds them, until it breaks.
    ///
    /// Every index looks for phrases at the same positions, the char boundaries not
    /// just after a letter or digit, from the end of its last match on: the walk over
    /// those positions, which costs more than most lookups, is done once for all.
    pub fn walk<const N: usize>(
        indexes: [&Self; N],
        text: &str,
        mut on_match: impl FnMut(usize, usize, Span) -> ControlFlow<()>,
    ) {
        let bytes = text.as_bytes();
        // Where each index looks again: the end of its last match.
        let mut from = [0; N];
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            let pair = pair(b, bytes.get(at + 1).copied().unwrap_or(0));
            // The indexes that may find a phrase here; most positions have none, and the
            // word is read only for the others.
            let live = std::array::from_fn::<bool, N, _>(|k| at >= from[k] && has_pair(&indexes[k].pairs, pair));
            if !live.contains(&true) {
                at = words::skip(text, at);
                continue;
            }
            // The end of the word at `at` (`at` if none starts there) and its raw head.
            let (end, head) = words::word_at(text, at, false);
            for (k, index) in indexes.iter().enumerate().filter(|&(k, _)| live[k]) {
                // Most words start no phrase of the index, which one bit tells here.
                let head = if index.ignore_case { words::lower(head) } else { head };
                if end > at && !index.may_start(head, end - at) {
                    continue;
                }
                if let Some((i, stop)) = index.match_at(text, at, end, head) {
                    if on_match(k, i, Span::new(at, stop)).is_break() {
                        return;
                    }
                    from[k] = stop;
                }
            }
            // Past the word and the char that ends it, or past the char at `at`.
            at = if end > at { words::past_word(text, end) } else { words::skip(text, at) };
        }
    }
}
