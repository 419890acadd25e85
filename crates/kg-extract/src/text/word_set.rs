//! Constant word lists asked "is this word in you?" once per token by several rules:
//! a hash set built on first use instead of a scan of the list.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A constant list of words with constant-time membership.
#[derive(Debug)]
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, set: OnceLock::new() }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    static SET: WordSet = WordSet::new(&["talks", "summit"]);

    #[test]
    fn membership_is_exact() {
        assert!(SET.contains("talks"));
        assert!(!SET.contains("Talks") && !SET.contains("talk") && !SET.contains(""));
    }
}
