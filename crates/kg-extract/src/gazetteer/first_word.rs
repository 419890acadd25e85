//! Matching of phrases at word starts through each phrase's first word, exactly or
//! ignoring ASCII case.
//!
//! Names and titles must start at a word start, so an automaton would be asked at
//! every (capitalised) word; with tens of thousands of names its states fall out of
//! the cache between calls, and each word costs several cache misses. The word at hand
//! finds the few phrases that can start there with one lookup in a hash table. The
//! matches are those of a leftmost-longest automaton that keeps only matches on word
//! boundaries: at each word start, the longest phrase that matches, kept only if it
//! ends on a boundary (or with a dot: "U.S.").
//!
//! A text's words are read eight bytes at a time ([`words`]); those eight bytes are
//! also the key of the table. The phrases of one first word share a bucket that holds
//! the word, compared once; each phrase keeps the (up to) eight bytes that follow the
//! word in an integer, which decides most phrases without touching their bytes.

mod table;
mod walk;

use super::words::{self, MASKS};
use table::BucketTable;

/// A phrase that starts with its bucket's first word.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// Up to eight bytes that follow the first word, as [`words::pack`] packs them.
    next: u64,
    /// The bytes of `next` that hold the phrase: `MASKS[rest_len.min(8)]`, kept to
    /// spare the scan a lookup per candidate.
    mask: u64,
    phrase: u32,
    /// Byte length of the phrase after its first word: a phrase whose rest is no
    /// longer than eight bytes is decided by `next` alone.
    rest_len: u32,
}

/// The phrases that start with one first word: a range of [`FirstWordIndex::candidates`],
/// sorted by (bytes in `next`, `next`, phrase).
#[derive(Debug, Default, Clone, Copy)]
struct Bucket {
    /// The first eight bytes of the first word or fewer, packed (folded when case is
    /// ignored).
    head: u64,
    /// The bytes of the first word past its first eight, in [`FirstWordIndex::tails`].
    tail: u32,
    word_len: u32,
    start: u32,
    len: u32,
}

/// Everything lives in a few flat arrays: a lookup touches the prefilters, one entry of
/// the table, one bucket, one run of candidates and rarely the bytes of a phrase.
#[derive(Debug)]
pub struct FirstWordIndex {
    /// Every phrase's bytes, one after another (ASCII lower-case when case is ignored).
    bytes: String,
    /// End of each phrase in `bytes`.
    ends: Vec<u32>,
    ignore_case: bool,
    /// The bucket of each first word, by (head, word length); more than one bucket has
    /// those only for first words longer than eight bytes that differ after the eighth.
    table: BucketTable,
    tails: Vec<u8>,
    /// Phrases that do not start with a letter or digit; tried at every boundary.
    odd: Bucket,
    candidates: Vec<Candidate>,
    /// A bit per pair of first two bytes (in every case when case is ignored): most
    /// words of a text are passed over on it, without a look at the larger table.
    pairs: Box<[u64; 1024]>,
    /// A bit per hash of a first word's (head, length): most words that pass `pairs`
    /// ("The", "He", "Minsk") start no phrase, and one bit turns them away for less
    /// than a probe of `by_head` costs.
    heads: Box<[u64; HEAD_WORDS]>,
}

/// Words of [`FirstWordIndex::heads`]: 2^17 bits keep the share of other words that
/// pass under a tenth for the tens of thousands of names' first words.
const HEAD_BITS: u32 = 17;
const HEAD_WORDS: usize = 1 << (HEAD_BITS - 6);

fn head_bit(head: u64, len: u32) -> usize {
    ((head ^ u64::from(len)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - HEAD_BITS)) as usize
}

impl FirstWordIndex {
    /// An index over `phrases`; the index of a match is the phrase's position.
    pub fn new<'p>(phrases: impl Iterator<Item = &'p str>, ignore_case: bool) -> Self {
        let mut index = FirstWordIndex {
            bytes: String::new(),
            ends: Vec::new(),
            ignore_case,
            table: BucketTable::new(&[]),
            tails: Vec::new(),
            odd: Bucket::default(),
            candidates: Vec::new(),
            pairs: Box::new([0; 1024]),
            heads: Box::new([0; HEAD_WORDS]),
        };
        // (first word, candidate), grouped below.
        let mut keyed: Vec<(&[u8], Candidate)> = Vec::new();
        let folded: Vec<String> =
            phrases.map(|p| if ignore_case { p.to_ascii_lowercase() } else { p.to_string() }).collect();
        for (i, phrase) in folded.iter().enumerate() {
            let bytes = phrase.as_bytes();
            match bytes {
                [a, b, ..] => set_pairs(&mut index.pairs, *a, Some(*b), ignore_case),
                // A one-byte phrase may be followed by anything.
                [a] => set_pairs(&mut index.pairs, *a, None, ignore_case),
                [] => {}
            }
            index.bytes.push_str(phrase);
            index.ends.push(index.bytes.len() as u32);
            if bytes.is_empty() {
                continue;
            }
            let len = words::word_end(phrase, 0);
            let rest = &bytes[len..];
            let candidate = Candidate {
                next: words::pack(rest),
                mask: MASKS[rest.len().min(8)],
                phrase: i as u32,
                rest_len: rest.len() as u32,
            };
            keyed.push((&bytes[..len], candidate));
        }
        keyed.sort_unstable_by_key(|(word, c)| (*word, c.rest_len.min(8), c.next, c.phrase));
        let mut buckets = Vec::new();
        for group in keyed.chunk_by(|x, y| x.0 == y.0) {
            let word = group[0].0;
            let bucket = Bucket {
                head: words::pack(word),
                tail: index.tails.len() as u32,
                word_len: word.len() as u32,
                start: index.candidates.len() as u32,
                len: group.len() as u32,
            };
            index.tails.extend(word.iter().skip(8));
            index.candidates.extend(group.iter().map(|(_, c)| *c));
            if word.is_empty() {
                index.odd = bucket;
            } else {
                buckets.push(bucket);
            }
        }
        for b in &buckets {
            let bit = head_bit(b.head, b.word_len);
            index.heads[bit / 64] |= 1 << (bit % 64);
        }
        index.table = BucketTable::new(&buckets);
        index
    }

    /// Phrase `i`.
    fn phrase(&self, i: usize) -> &str {
        &self.bytes[self.phrase_start(i)..self.ends[i] as usize]
    }

    fn phrase_start(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |p| self.ends[p] as usize)
    }

    /// Whether a first word of `len` bytes whose folded head is `head` may start a
    /// phrase: the bit of [`FirstWordIndex::heads`], asked before the call to
    /// [`FirstWordIndex::match_at`] (which most words do not pass) is paid.
    #[inline(always)]
    fn may_start(&self, head: u64, len: usize) -> bool {
        let bit = head_bit(head, len as u32);
        self.heads[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The bucket of the first word `word` of a text, whose folded head is `head` and
    /// passed [`FirstWordIndex::may_start`].
    #[inline]
    fn bucket(&self, head: u64, word: &[u8]) -> Option<Bucket> {
        let tail = word.get(8..).unwrap_or_default();
        self.table.find(head, word.len() as u32, |b| {
            // Most words have no tail: no call to `memcmp` for nothing (measured).
            if tail.is_empty() {
                return true;
            }
            let own = &self.tails[b.tail as usize..b.tail as usize + tail.len()];
            own == tail || self.ignore_case && own.eq_ignore_ascii_case(tail)
        })
    }

    /// The phrase that matches at `at`, where the text's word ends at `end` (`at` if
    /// none starts there) with the first eight bytes `head` (folded when case is
    /// ignored), which passed [`FirstWordIndex::may_start`].
    #[inline(never)]
    fn match_at(&self, text: &str, at: usize, end: usize, head: u64) -> Option<(usize, usize)> {
        let bucket = if end == at { self.odd } else { self.bucket(head, &text.as_bytes()[at..end])? };
        let (i, stop) = self.longest(bucket, text, end)?;
        (words::ends_word(text, stop) || text.as_bytes()[stop - 1] == b'.').then_some((i, stop))
    }

    /// The longest phrase of `bucket` that the text from the end of its first word,
    /// `from`, continues, with the end of the phrase in the text. Among equally long
    /// ones the last in candidate order wins.
    #[inline]
    fn longest(&self, bucket: Bucket, text: &str, from: usize) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let avail = (bytes.len() - from).min(8);
        let next = words::load(bytes, from);
        let next = if self.ignore_case { words::lower(next) } else { next };
        // A scan of the first word's candidates: even "minister", which starts two
        // hundred titles, costs less so than a binary search per length (measured).
        let mut best: Option<&Candidate> = None;
        for c in &self.candidates[bucket.start as usize..(bucket.start + bucket.len) as usize] {
            // Most candidates differ in their first bytes, which one test tells.
            if next & c.mask != c.next
                || c.rest_len.min(8) as usize > avail
                || best.is_some_and(|b| b.rest_len > c.rest_len)
            {
                continue;
            }
            if c.rest_len > 8 {
                let start = self.phrase_start(c.phrase as usize) + bucket.word_len as usize + 8;
                let own = &self.bytes.as_bytes()[start..self.ends[c.phrase as usize] as usize];
                let Some(seen) = bytes.get(from + 8..from + c.rest_len as usize) else { continue };
                if seen != own && !(self.ignore_case && seen.eq_ignore_ascii_case(own)) {
                    continue;
                }
            }
            best = Some(c);
        }
        best.map(|c| (c.phrase as usize, from + c.rest_len as usize))
    }

    /// The phrases, in the order given (ASCII lower-case when case is ignored).
    pub fn phrases(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.phrase(i))
    }
}

fn pair(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// Sets the pair of first bytes `a`, `b` (`None`: any second byte), in either case
/// when case is ignored: the text's bytes are then looked up as they are.
fn set_pairs(bits: &mut [u64; 1024], a: u8, b: Option<u8>, ignore_case: bool) {
    let cases = |x: u8| if ignore_case { [x.to_ascii_lowercase(), x.to_ascii_uppercase()] } else { [x, x] };
    let seconds: Vec<u8> = match b {
        Some(b) => cases(b).to_vec(),
        None => (0..=255).collect(),
    };
    for x in cases(a) {
        for &y in &seconds {
            let p = pair(x, y);
            bits[p / 64] |= 1 << (p % 64);
        }
    }
}

fn has_pair(bits: &[u64; 1024], pair: usize) -> bool {
    bits[pair / 64] & (1 << (pair % 64)) != 0
}

#[cfg(test)]
mod tests;
