//! Constant word lists asked "is this word in you?" once per token by several rules:
//! a hash set built on first use instead of a scan of the list.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

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

/// A set of words that answers most "no"s without hashing: a bit per (first byte,
/// length) and one per (last byte, length) say whether any word of the set has that
/// shape ("the" and "said" share their first byte and length with some trigger word,
/// but not their last).
#[derive(Debug)]
pub struct Words {
    /// The words' bytes, so that a token lowered into a byte buffer is asked as it is.
    set: FxHashSet<&'static [u8]>,
    /// Indexed by first byte, then by last byte.
    shapes: Box<[[u32; 256]; 2]>,
}

impl Words {
    pub fn new(words: impl Iterator<Item = &'static str>) -> Self {
        let mut shapes = Box::new([[0u32; 256]; 2]);
        let set: FxHashSet<&'static [u8]> = words.map(str::as_bytes).collect();
        for w in &set {
            if let (Some(&first), Some(&last)) = (w.first(), w.last()) {
                shapes[0][usize::from(first)] |= shape_bit(w.len());
                shapes[1][usize::from(last)] |= shape_bit(w.len());
            }
        }
        Words { set, shapes }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Whether the set holds the word spelt by `word`.
    #[inline]
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else { return self.set.contains(word) };
        let bit = shape_bit(word.len());
        self.shapes[0][usize::from(first)] & self.shapes[1][usize::from(last)] & bit != 0 && self.set.contains(word)
    }
}

fn shape_bit(len: usize) -> u32 {
    1 << len.min(31)
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    static SET: WordSet = WordSet::new(&["talks", "summit"]);

    #[test]
    fn membership_is_exact() {
        assert!(SET.contains("talks"));
        assert!(!SET.contains("Talks") && !SET.contains("talk") && !SET.contains(""));
        let long = super::Words::new(["a".repeat(40).leak() as &'static str].into_iter());
        assert!(long.contains(&"a".repeat(40)) && !long.contains(&"a".repeat(35)));
    }
}
