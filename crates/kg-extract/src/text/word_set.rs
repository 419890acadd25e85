//! Constant word lists asked "is this word in you?" once per token by several rules:
//! a hash table built on first use instead of a scan of the list.

use std::sync::OnceLock;

/// A constant list of words with constant-time membership.
#[derive(Debug)]
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<Words>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, set: OnceLock::new() }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| Words::new(self.words.iter().copied())).contains(word)
    }
}

/// A set of words, asked about every token of a document: an open-addressing table of
/// (key, length) pairs, at most an eighth full, so that most questions end at their
/// first slot. The key of a word of up to seven bytes is the word itself, packed into an
/// integer from at most two loads: such a word costs one multiplication and one
/// comparison, with no hashing of its bytes one by one and no string comparison. Longer
/// words compare their bytes once their key matches.
#[derive(Debug)]
pub struct Words {
    /// (key, length + 1, index into `words`); a length of 0 marks an empty slot.
    slots: Vec<(u64, u32, u32)>,
    words: Vec<&'static str>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
}

impl Words {
    pub fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let mut list: Vec<&'static str> = words.collect();
        list.sort_unstable();
        list.dedup();
        let bits = (list.len() * 8).next_power_of_two().max(8).trailing_zeros();
        let mut set =
            Words { slots: vec![(0, 0, 0); 1 << bits], words: Vec::with_capacity(list.len()), shift: 64 - bits };
        for word in list {
            let (key, len) = (key(word.as_bytes()), slot_len(word.as_bytes()));
            let mut at = set.home(key, len);
            while set.slots[at].1 != 0 {
                at = set.next(at);
            }
            set.slots[at] = (key, len, set.words.len() as u32);
            set.words.push(word);
        }
        set
    }

    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Whether the set holds the word spelt by `word` (so `false` for bytes that are not
    /// UTF-8).
    #[inline]
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        if word.len() >= 8 {
            return self.contains_long(word);
        }
        let (key, len) = (key(word), slot_len(word));
        let mut at = self.home(key, len);
        loop {
            match self.slots.get(at) {
                Some(&(k, l, _)) if l != 0 && (k != key || l != len) => at = self.next(at),
                slot => return slot.is_some_and(|&(_, l, _)| l != 0),
            }
        }
    }

    /// `contains_bytes` for a word of eight bytes or more, whose key does not say which.
    #[inline(never)]
    fn contains_long(&self, word: &[u8]) -> bool {
        let (key, len) = (key(word), slot_len(word));
        let mut at = self.home(key, len);
        while let Some(&(k, l, i)) = self.slots.get(at).filter(|s| s.1 != 0) {
            if k == key && l == len && self.words.get(i as usize).is_some_and(|w| w.as_bytes() == word) {
                return true;
            }
            at = self.next(at);
        }
        false
    }

    /// The slot where the search for a word with this key and length starts.
    fn home(&self, key: u64, len: u32) -> usize {
        // Fibonacci hashing: the top bits of the product depend on every bit of the key.
        (key.wrapping_add(u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn next(&self, at: usize) -> usize {
        (at + 1) & (self.slots.len() - 1)
    }
}

/// The length recorded in a slot: one more than the word's, saturated (a word of four
/// billion bytes is not in a list of words), so that 0 marks an empty slot.
fn slot_len(word: &[u8]) -> u32 {
    u32::try_from(word.len()).map_or(u32::MAX, |n| n.saturating_add(1))
}

/// The word itself when shorter than eight bytes (two overlapping loads cover all of
/// them, and together with the length say which word it is); else a mix of its first and
/// last eight bytes.
fn key(word: &[u8]) -> u64 {
    let n = word.len();
    if let (Some(head), Some(tail)) = (word.first_chunk::<8>(), word.last_chunk::<8>()) {
        u64::from_le_bytes(*head) ^ u64::from_le_bytes(*tail).rotate_left(29)
    } else if let (Some(head), Some(tail)) = (word.first_chunk::<4>(), word.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32
    } else {
        // One to three bytes: the first, the middle and the last cover them.
        let byte = |i: usize| word.get(i).map_or(0, |&b| u64::from(b));
        if n == 0 {
            0
        } else {
            byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{WordSet, Words};

    static SET: WordSet = WordSet::new(&["talks", "summit"]);

    #[test]
    fn membership_is_exact() {
        assert!(SET.contains("talks"));
        assert!(!SET.contains("Talks") && !SET.contains("talk") && !SET.contains(""));
        let long = Words::new(["a".repeat(40).leak() as &'static str].into_iter());
        assert!(long.contains(&"a".repeat(40)) && !long.contains(&"a".repeat(35)));
        let empty = Words::new(["", "a"].into_iter());
        assert!(empty.contains("") && empty.contains("a") && !empty.contains("b"));
    }

    /// Words from a small alphabet, so that members, near misses (one letter or the
    /// length off) and words sharing their first and last eight bytes are all common.
    fn word() -> impl proptest::strategy::Strategy<Value = String> {
        "[abé]{0,20}"
    }

    proptest::proptest! {
        #[test]
        fn membership_is_that_of_a_hash_set(
            members in proptest::collection::vec(word(), 0..60),
            asked in proptest::collection::vec(word(), 0..60),
        ) {
            let leaked: Vec<&'static str> = members.iter().map(|w| &*w.clone().leak()).collect();
            let set = Words::new(leaked.iter().copied());
            let reference: std::collections::HashSet<&str> = leaked.iter().copied().collect();
            for w in members.iter().chain(&asked) {
                proptest::prop_assert_eq!(set.contains(w), reference.contains(w.as_str()), "{:?} in {:?}", w, members);
            }
        }
    }
}
