//! The walks over an index's token lists: one list, the lists before a position
//! (nearest first), and the lists inside a span (in text order), with the
//! off-boundary starts merged in by position.

use super::{MentionIndex, NONE};

/// A list linked through `next`.
pub(super) struct Linked<'s> {
    pub(super) next: &'s [u32],
    pub(super) cur: u32,
}

impl Iterator for Linked<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let i = self.cur;
        if i == NONE {
            return None;
        }
        self.cur = self.next[i as usize];
        Some(i as usize)
    }
}

/// Walks the token lists backwards from `tok`, each list from its end, with the
/// off-boundary starts merged in by position.
pub(super) struct Before<'s, I: Iterator<Item = &'s (usize, usize)>> {
    pub(super) ix: &'s MentionIndex,
    pub(super) tok: usize,
    pub(super) cur: u32,
    pub(super) pos: usize,
    pub(super) odd: std::iter::Peekable<I>,
}

impl<'s, I: Iterator<Item = &'s (usize, usize)>> Iterator for Before<'s, I> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            if self.cur != NONE {
                if let Some(&&(p, i)) = self.odd.peek() {
                    if p > self.pos {
                        self.odd.next();
                        return Some(i);
                    }
                }
                let i = self.cur;
                self.cur = self.ix.prev_start[i as usize];
                return Some(i as usize);
            }
            // Most tokens start no mention: skipped 64 at a time on their bits.
            let Some(t) = self.ix.prev_marked(self.tok) else {
                self.tok = 0;
                return self.odd.next().map(|&(_, i)| i);
            };
            self.tok = t;
            self.cur = self.ix.start_last[t];
            self.pos = self.ix.tok_starts[t];
        }
    }
}

/// Walks the token lists forwards over `tok..end_tok`, with the off-boundary
/// starts merged in by position.
pub(super) struct Within<'s, I: Iterator<Item = &'s (usize, usize)>> {
    pub(super) ix: &'s MentionIndex,
    pub(super) tok: usize,
    pub(super) end_tok: usize,
    pub(super) cur: u32,
    pub(super) pos: usize,
    pub(super) odd: Option<std::iter::Peekable<I>>,
}

impl<'s, I: Iterator<Item = &'s (usize, usize)>> Iterator for Within<'s, I> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            if self.cur != NONE {
                if let Some(&&(p, i)) = self.odd.as_mut().and_then(|o| o.peek()) {
                    if p < self.pos {
                        self.odd.as_mut().and_then(|o| o.next());
                        return Some(i);
                    }
                }
                let i = self.cur;
                self.cur = self.ix.next_start[i as usize];
                return Some(i as usize);
            }
            let Some(t) = self.ix.next_marked(self.tok, self.end_tok) else {
                self.tok = self.end_tok;
                return self.odd.as_mut().and_then(|o| o.next()).map(|&(_, i)| i);
            };
            self.cur = self.ix.start_first[t];
            self.pos = self.ix.tok_starts[t];
            self.tok = t + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MentionIndex;

    proptest::proptest! {
        /// The marked tokens found by their bits are those a scan of the lists finds.
        #[test]
        fn marked_tokens_are_found_as_a_scan_finds_them(
            marked in proptest::collection::vec(proptest::prelude::any::<bool>(), 0..300),
            from in 0usize..320,
            to in 0usize..320,
        ) {
            let mut ix = MentionIndex { starts_at: vec![0; marked.len().div_ceil(64)], ..MentionIndex::default() };
            for (t, _) in marked.iter().enumerate().filter(|(_, &m)| m) {
                ix.starts_at[t / 64] |= 1 << (t % 64);
            }
            let to = to.min(marked.len());
            let next = (from..to).find(|&t| marked[t]);
            proptest::prop_assert_eq!(ix.next_marked(from, to), next);
            let before = from.min(marked.len());
            proptest::prop_assert_eq!(ix.prev_marked(before), (0..before).rev().find(|&t| marked[t]));
        }
    }
}
