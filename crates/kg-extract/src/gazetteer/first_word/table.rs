//! The buckets of an index's first words in one open-addressed table. A word's bucket
//! is in the slot its hash names or in one of the next few: a lookup reads one cache
//! line, or two, where a hash map from first words to bucket numbers, followed by the
//! bucket, read three or four (control bytes, slot, bucket), each a miss in tables of
//! tens of thousands of words.

use super::Bucket;

#[derive(Debug)]
pub(super) struct BucketTable {
    /// A power of two of slots, at most half of them used; an empty slot has a
    /// `word_len` of 0, which no first word has.
    slots: Box<[Bucket]>,
    /// Log2 of the number of slots.
    bits: u32,
}

/// The slot a first word of `len` bytes whose head is `head` hashes to, among `1 << bits`.
#[inline]
fn home(head: u64, len: u32, bits: u32) -> usize {
    ((head ^ u64::from(len)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

impl BucketTable {
    pub(super) fn new(buckets: &[Bucket]) -> Self {
        // At least two slots, so that the shift in `home` stays below 64.
        let size = (buckets.len() * 2).next_power_of_two().max(2);
        let bits = size.trailing_zeros();
        let mut slots = vec![Bucket::default(); size].into_boxed_slice();
        for b in buckets.iter().filter(|b| b.word_len > 0) {
            let mut i = home(b.head, b.word_len, bits);
            while slots[i].word_len != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = *b;
        }
        BucketTable { slots, bits }
    }

    /// The bucket of the first word of `len` bytes whose head is `head` for which
    /// `same_tail` holds (the bytes past the eighth are compared by the caller). At
    /// most one holds: first words are distinct.
    #[inline]
    pub(super) fn find(&self, head: u64, len: u32, same_tail: impl Fn(&Bucket) -> bool) -> Option<Bucket> {
        let last = self.slots.len() - 1;
        let mut i = home(head, len, self.bits);
        loop {
            // Half the slots are empty, so the probe ends.
            let b = self.slots.get(i)?;
            if b.word_len == 0 {
                return None;
            }
            if b.head == head && b.word_len == len && same_tail(b) {
                return Some(*b);
            }
            i = (i + 1) & last;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bucket_is_found_and_no_other() {
        let buckets: Vec<Bucket> = (0..1000u32)
            .map(|i| Bucket { head: u64::from(i % 37), tail: i, word_len: 1 + i % 11, start: i, len: 1 })
            .collect();
        let table = BucketTable::new(&buckets);
        for b in &buckets {
            let found = table.find(b.head, b.word_len, |c| c.tail == b.tail);
            assert_eq!(found.map(|c| c.start), Some(b.start));
        }
        assert!(table.find(40, 1, |_| true).is_none());
        assert!(table.find(0, 1, |c| c.tail == 5000).is_none());
        assert!(BucketTable::new(&[]).find(0, 1, |_| true).is_none());
    }
}
