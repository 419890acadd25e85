//! How many of a sorted list of byte offsets lie below a byte of a text: the question
//! `partition_point` answers over the tokens or sentences in a logarithm, which the
//! rules ask tens of thousands of times per megabyte (the token at a byte, the
//! sentence of a byte). A table made in one pass answers it from the nearest block
//! of sixteen bytes below, and a step or two over the keys from there.

/// Bytes per entry of [`CountBelow::blocks`]: news has about three tokens in sixteen
/// bytes, so a lookup steps over as many keys at most, and the table is a sixteenth
/// of the text's length in words.
const BLOCK: usize = 16;

/// For each block of [`BLOCK`] bytes of a text, how many keys lie below its start.
#[derive(Debug, Default)]
pub(crate) struct CountBelow {
    blocks: Vec<u32>,
}

impl CountBelow {
    /// The table for `keys`, in ascending order; what it held is cleared first.
    /// Offsets past the last key need no block: below them are all the keys.
    pub(crate) fn reset(&mut self, keys: impl DoubleEndedIterator<Item = usize> + Clone) {
        self.blocks.clear();
        let Some(last) = keys.clone().next_back() else { return };
        // Each key writes its count plus one to the block after its own: the last key
        // of a block writes what every block after it up to the next key's holds, which
        // a running maximum then carries over the blocks no key wrote. No branch per
        // key, where a loop of pushes per key mispredicted every block crossed.
        self.blocks.resize(last / BLOCK + 2, 0);
        for (i, key) in keys.enumerate() {
            if let Some(block) = self.blocks.get_mut(key / BLOCK + 1) {
                *block = i as u32 + 1;
            }
        }
        let mut max = 0;
        for block in &mut self.blocks {
            max = max.max(*block);
            *block = max;
        }
        self.blocks.pop();
    }

    /// How many of the `n` keys of [`CountBelow::reset`] are below `at`:
    /// `partition_point(|k| k < at)` over them.
    #[inline]
    pub(crate) fn below(&self, at: usize, n: usize, key: impl Fn(usize) -> usize) -> usize {
        let Some(&from) = self.blocks.get(at / BLOCK) else { return n };
        let mut k = from as usize;
        while k < n && key(k) < at {
            k += 1;
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::CountBelow;

    proptest::proptest! {
        /// Against `partition_point`, at every offset and past the last key.
        #[test]
        fn counts_are_the_partition_points(
            steps in proptest::collection::vec(0usize..40, 0..40),
            first in 0usize..20,
        ) {
            // Ascending, with equal keys (sentences share no end, but the table
            // does not need them apart).
            let keys: Vec<usize> = steps.iter().scan(first, |k, s| { *k += s; Some(*k) }).collect();
            let mut table = CountBelow::default();
            table.reset([5, 70, 900].into_iter());
            table.reset(keys.iter().copied());
            let past = keys.last().map_or(first, |&k| k) + 40;
            for at in 0..past {
                let want = keys.partition_point(|&k| k < at);
                proptest::prop_assert_eq!(table.below(at, keys.len(), |i| keys[i]), want, "at {}", at);
            }
        }
    }
}
