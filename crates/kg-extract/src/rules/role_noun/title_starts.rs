//! Where the analysis's titles start, by token, for the rule's many asks.

use crate::analysis::Analysis;

/// The tokens at whose start the first title found there starts, not a plural one: a
/// bit each. "the" is a trigger, and most are followed by no title, which the bit tells
/// without a search of the titles. (The titles are the analysis's, fixed before the rules.)
pub(super) struct TitleStarts(Vec<u64>);

impl TitleStarts {
    pub(super) fn of(a: &Analysis) -> Self {
        let mut bits = vec![0u64; a.toks.len().div_ceil(64)];
        let mut prev = None;
        for hit in &a.title_hits {
            // Of hits starting together, a search finds the first.
            if prev == Some(hit.span.start) {
                continue;
            }
            prev = Some(hit.span.start);
            let k = a.tok_at(hit.span.start);
            if !hit.plural && a.toks.get(k).is_some_and(|t| t.span.start == hit.span.start) {
                if let Some(word) = bits.get_mut(k / 64) {
                    *word |= 1 << (k % 64);
                }
            }
        }
        TitleStarts(bits)
    }

    /// Whether a title may start at token `k` (if not, none does).
    pub(super) fn may_start(&self, k: usize) -> bool {
        self.0.get(k / 64).is_some_and(|w| w & (1 << (k % 64)) != 0)
    }
}
