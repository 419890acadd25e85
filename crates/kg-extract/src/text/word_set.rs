//! Constant word lists asked "is this word in you?" once per token by several rules:
//! a hash set built on first use instead of a scan of the list.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

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

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.set.get().unwrap_or_else(|| self.init()).contains(word)
    }

    /// The set, built on first use. Out of line: the lookup itself needs no stack frame.
    #[cold]
    #[inline(never)]
    fn init(&self) -> &Words {
        self.set.get_or_init(|| Words::new(self.words.iter().copied()))
    }
}

/// A set of words, each with bits of its own (what the words are to the caller: the
/// rules they trigger). Words of up to eight bytes (nearly all of them, and nearly
/// every token asked) are kept as integers in a small open-addressed table: a lookup
/// is a multiply and a compare or two, without hashing the bytes, behind a bit per
/// (first byte, length) that turns most other words away first; a pass over every
/// token of a text asks a bit per hash of the word instead ([`Words::bits_in`]).
/// Longer words are in a hash map behind that bit and one per (last byte, length),
/// which answer most "no"s without hashing.
#[derive(Debug)]
pub struct Words {
    /// (word packed little-endian, its length, its bits) of the short words; length 0
    /// marks an empty slot. A power of two at least four times the words, so that a
    /// probe for a word that is absent (most are) soon meets an empty slot.
    short: Box<[(u64, u32, u32)]>,
    /// Bits of a packed word that pick its first slot.
    shift: u32,
    /// A bit per hash of a packed short word ([`filter_bit`]), set for the words of
    /// the set: with some thirty bits per word, a word that is absent finds its bit
    /// clear nineteen times in twenty (see [`Words::bits_in`]).
    filter: Box<[u64]>,
    filter_shift: u32,
    /// The bits of the empty word.
    empty: u32,
    /// The words longer than eight bytes, asked as bytes.
    long: FxHashMap<&'static [u8], u32>,
    /// Indexed by first byte, then by last byte: a bit per length of the words
    /// with that byte there ([`shape_bit`]), short or long for the first byte, long
    /// only for the last.
    shapes: Box<[[u32; 256]; 2]>,
}

impl Words {
    pub fn new(words: impl Iterator<Item = &'static str>) -> Self {
        Words::with_bits(words.map(|w| (w, 1)))
    }

    /// Words with their bits, which should not be 0 (a word without bits is absent);
    /// a word given twice has the bits of both.
    pub fn with_bits(words: impl Iterator<Item = (&'static str, u32)>) -> Self {
        let mut shapes = Box::new([[0u32; 256]; 2]);
        let (mut short, mut long, mut empty) = (FxHashMap::default(), FxHashMap::default(), 0);
        for (w, bits) in words.map(|(w, bits)| (w.as_bytes(), bits)) {
            match w.len() {
                0 => empty |= bits,
                1..=8 => *short.entry((pack(w), w.len() as u32)).or_insert(0) |= bits,
                _ => *long.entry(w).or_insert(0) |= bits,
            }
        }
        for &(key, len) in short.keys() {
            shapes[0][(key & 0xff) as usize] |= shape_bit(len as usize);
            shapes[1][(key >> (8 * (len - 1)) & 0xff) as usize] |= shape_bit(len as usize);
        }
        for w in long.keys() {
            if let (Some(&first), Some(&last)) = (w.first(), w.last()) {
                shapes[0][usize::from(first)] |= shape_bit(w.len());
                shapes[1][usize::from(last)] |= shape_bit(w.len());
            }
        }
        let bits = (short.len() * 4).max(2).next_power_of_two().trailing_zeros();
        let mut table = vec![(0u64, 0u32, 0u32); 1 << bits].into_boxed_slice();
        let shift = 64 - bits;
        for (&(key, len), &value) in &short {
            let mut i = slot(key, shift);
            while table[i].1 != 0 {
                i = (i + 1) & (table.len() - 1);
            }
            table[i] = (key, len, value);
        }
        let filter_bits = (short.len() * 32).max(64).next_power_of_two().trailing_zeros();
        let mut filter = vec![0u64; 1 << (filter_bits - 6)].into_boxed_slice();
        let filter_shift = 64 - filter_bits;
        for &(key, _) in short.keys() {
            let bit = filter_bit(key, filter_shift);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Words { short: table, shift, filter, filter_shift, empty, long, shapes }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.bits_of(word.as_bytes()) != 0
    }

    /// Whether the set holds the word spelt by `word`.
    #[inline]
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        self.bits_of(word) != 0
    }

    /// The bits of the word spelt by `word`: 0 if the set lacks it.
    #[inline]
    pub fn bits_of(&self, word: &[u8]) -> u32 {
        match word {
            [] => self.empty,
            [first, .., last] if word.len() > 8 => {
                if !self.may_hold(*first, *last, word.len()) {
                    return 0;
                }
                self.long.get(word).copied().unwrap_or(0)
            }
            [first, ..] if !self.may_hold(*first, word.last().copied().unwrap_or(*first), word.len()) => 0,
            _ => self.short_bits(pack(word), word.len() as u32),
        }
    }

    /// Whether a word of `len` bytes from `first` to `last` may be in the set, by the
    /// bits of [`Words::shapes`].
    #[inline]
    fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        self.shapes[0][usize::from(first)] & self.shapes[1][usize::from(last)] & shape_bit(len) != 0
    }

    /// [`Words::bits_of`] of `buf[start..end]` (of the empty word if that is out of
    /// bounds, as `get(..).unwrap_or_default()` gives). A short word with eight bytes
    /// of `buf` from its start is read in one load, not packed byte by byte: what a
    /// pass over every token of a text asks. Such a word is turned away by the bit of
    /// [`Words::filter`], not by its shape: nearly every word that passes is then in
    /// the set, and the branch on each test goes the same way for most tokens, where
    /// those on the shape (four in ten turned away) and then on the slot (a hit, an
    /// empty slot or another word) were mispredicted at one token in two or three.
    #[inline]
    pub fn bits_in(&self, buf: &[u8], start: usize, end: usize) -> u32 {
        let len = end.wrapping_sub(start);
        if (1..=8).contains(&len) {
            if let Some(eight) = buf.get(start..).and_then(<[u8]>::first_chunk::<8>) {
                let key = u64::from_le_bytes(*eight) & (u64::MAX >> (64 - 8 * len));
                let bit = filter_bit(key, self.filter_shift);
                if self.filter.get(bit / 64).is_none_or(|&w| w >> (bit % 64) & 1 == 0) {
                    return 0;
                }
                return self.short_bits(key, len as u32);
            }
        }
        self.bits_of(buf.get(start..end).unwrap_or_default())
    }

    /// The bits of the short word packed as `key`, of `len` bytes (1 to 8).
    #[inline]
    fn short_bits(&self, key: u64, len: u32) -> u32 {
        let mut i = slot(key, self.shift);
        loop {
            match self.short.get(i) {
                Some(&(k, l, bits)) if l == len && k == key => return bits,
                Some(&(_, 0, _)) | None => return 0,
                Some(_) => i = (i + 1) & (self.short.len() - 1),
            }
        }
    }
}

/// The bit of [`Words::filter`] of a packed short word, of `64 - shift` bits.
#[inline]
fn filter_bit(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// The first slot of a packed short word in a table of `64 - shift` bits.
#[inline]
fn slot(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// One to eight bytes as one integer, little-endian, read as at most three loads:
/// the overlapping loads put the same byte at the same place.
#[inline]
fn pack(w: &[u8]) -> u64 {
    let n = w.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]]));
        let hi = u64::from(u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]));
        lo | hi << (8 * (n - 4))
    } else if let (Some(&a), Some(&b), Some(&c)) = (w.first(), w.get(n / 2), w.last()) {
        u64::from(a) | u64::from(b) << (8 * (n / 2)) | u64::from(c) << (8 * (n - 1))
    } else {
        0
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

    #[test]
    fn bits_of_a_word_given_twice_are_joined() {
        let long = "abcdefghij";
        let words = super::Words::with_bits([("in", 1), ("at", 2), ("in", 4), (long, 8), (long, 16)].into_iter());
        assert_eq!(words.bits_of(b"in"), 5);
        assert_eq!(words.bits_of(b"at"), 2);
        assert_eq!(words.bits_of(long.as_bytes()), 24);
        assert_eq!(words.bits_of(b"on"), 0);
    }

    proptest::proptest! {
        /// Membership as a plain set of the words has it, for words of every length
        /// around the eight bytes of the short table.
        #[test]
        fn membership_is_that_of_a_set(
            words in proptest::collection::vec("[ab\\x00]{0,10}", 0..12),
            asked in proptest::collection::vec("[ab\\x00]{0,10}", 0..12),
        ) {
            let words: Vec<&'static str> = words.into_iter().map(|w| &*w.leak()).collect();
            let set = super::Words::new(words.iter().copied());
            for w in words.iter().copied().chain(asked.iter().map(String::as_str)) {
                proptest::prop_assert_eq!(set.contains(w), words.contains(&w), "{:?}", w);
            }
            // Read in place from a buffer, the last words close to its end.
            let buf = asked.concat();
            let mut start = 0;
            for w in &asked {
                let end = start + w.len();
                proptest::prop_assert_eq!(set.bits_in(buf.as_bytes(), start, end), set.bits_of(w.as_bytes()));
                start = end;
            }
            // Out of bounds, the empty word is asked.
            proptest::prop_assert_eq!(set.bits_in(buf.as_bytes(), buf.len(), buf.len() + 3), set.bits_of(b""));
        }
    }
}
