//! Matching of phrases at word starts through a hash of each phrase's first word,
//! exactly or ignoring ASCII case.
//!
//! Names and titles must start at a word start, so an automaton would be asked at
//! every (capitalised) word; with tens of thousands of names its states fall out of
//! the cache between calls, and each word costs several cache misses. A hash of the
//! word at hand finds the few phrases that can start there with one lookup. The
//! matches are those of a leftmost-longest automaton that keeps only matches on word
//! boundaries: at each word start, the longest phrase that matches, kept only if it
//! ends on a boundary (or with a dot: "U.S.").

use rustc_hash::FxHashMap;

use crate::model::Span;

/// A phrase that may start at a word, with up to eight bytes that follow its first
/// word: comparing those (one integer) rules out most phrases of a first word without
/// touching their bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    next_len: u8,
    next: u64,
    phrase: u32,
}

/// The phrases that start with one first word: a range of [`FirstWordIndex::candidates`],
/// sorted by (`next_len`, `next`, phrase).
#[derive(Debug, Default, Clone, Copy)]
struct Bucket {
    start: u32,
    len: u32,
}

/// Everything lives in a few flat arrays: a lookup touches the hash table, one run of
/// candidates and the bytes of the phrases compared, not a chain of heap objects.
#[derive(Debug, Default)]
pub struct FirstWordIndex {
    /// Every phrase's bytes, one after another (ASCII lower-case when case is ignored).
    bytes: String,
    /// End of each phrase in `bytes`.
    ends: Vec<u32>,
    ignore_case: bool,
    /// Hash of a first word -> the phrases starting with it.
    by_first: FxHashMap<u64, Bucket>,
    /// Phrases that do not start with a letter or digit; tried at every boundary.
    odd: Bucket,
    candidates: Vec<Candidate>,
    /// Bytes some phrase starts with (in either case when case is ignored): most
    /// words of a text are passed over on their first byte.
    starts: Vec<bool>,
    /// A bit per pair of first two bytes (folded when case is ignored), so that most
    /// other words are passed over without touching the larger hash table.
    pairs: Vec<u64>,
}

impl FirstWordIndex {
    /// An index over `phrases`; the index of a match is the phrase's position.
    pub fn new<'p>(phrases: impl Iterator<Item = &'p str>, ignore_case: bool) -> Self {
        let mut index = FirstWordIndex {
            ignore_case,
            starts: vec![false; 256],
            pairs: vec![0; 65536 / 64],
            ..FirstWordIndex::default()
        };
        // (first-word hash or None for odd phrases, candidate), grouped below.
        let mut keyed: Vec<(Option<u64>, Candidate)> = Vec::new();
        for p in phrases {
            let phrase = if ignore_case { p.to_ascii_lowercase() } else { p.to_string() };
            let bytes = phrase.as_bytes();
            match bytes {
                [a, b, ..] => set_pair(&mut index.pairs, pair(*a, *b, ignore_case)),
                // A one-byte phrase may be followed by anything.
                [a] => (0..=255).for_each(|b| set_pair(&mut index.pairs, pair(*a, b, ignore_case))),
                [] => continue,
            }
            let first = bytes[0];
            index.starts[usize::from(first)] = true;
            if ignore_case {
                index.starts[usize::from(first.to_ascii_uppercase())] = true;
            }
            let len = word_len(&phrase);
            let rest = &bytes[len..];
            let next_len = rest.len().min(8);
            let candidate =
                Candidate { next_len: next_len as u8, next: pack(&rest[..next_len]), phrase: index.ends.len() as u32 };
            keyed.push(((len > 0).then(|| hash(&bytes[..len], false)), candidate));
            index.bytes.push_str(&phrase);
            index.ends.push(index.bytes.len() as u32);
        }
        keyed.sort_unstable();
        for group in keyed.chunk_by(|x, y| x.0 == y.0) {
            let bucket = Bucket { start: index.candidates.len() as u32, len: group.len() as u32 };
            index.candidates.extend(group.iter().map(|(_, c)| *c));
            match group[0].0 {
                Some(key) => {
                    index.by_first.insert(key, bucket);
                }
                None => index.odd = bucket,
            }
        }
        index
    }

    /// Phrase `i`.
    fn phrase(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.bytes[start..self.ends[i] as usize]
    }

    /// (phrase index, span) of every match, in text order.
    pub fn find(&self, text: &str) -> Vec<(usize, Span)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let b = bytes[at];
            // Continuation bytes never start a phrase; a boundary precedes the start.
            if (0x80..0xc0).contains(&b) || !starts_word(text, at) {
                at += 1;
                continue;
            }
            let second = bytes.get(at + 1).copied().unwrap_or(0);
            if !self.starts[usize::from(b)] || !has_pair(&self.pairs, pair(b, second, self.ignore_case)) {
                at += word_len_at(text, at).max(1);
                continue;
            }
            let len = word_len_at(text, at);
            let bucket = if len == 0 {
                Some(self.odd)
            } else {
                self.by_first.get(&hash(&bytes[at..at + len], self.ignore_case)).copied()
            };
            let Some(bucket) = bucket else {
                // The rest of the word cannot start a phrase.
                at += len.max(1);
                continue;
            };
            let after = &bytes[at + len..];
            let next = pack_folded(&after[..after.len().min(8)], self.ignore_case);
            // A scan of the first word's candidates: even "minister", which starts two
            // hundred titles, costs less so than a binary search per length (measured).
            // Among equally long matches the last in candidate order wins.
            let candidates = self.candidates[bucket.start as usize..(bucket.start + bucket.len) as usize]
                .iter()
                .filter(|c| usize::from(c.next_len) <= after.len() && next & mask(c.next_len) == c.next);
            let longest = candidates
                .map(|c| (c.phrase as usize, self.phrase(c.phrase as usize)))
                .filter(|(_, p)| {
                    bytes.get(at..at + p.len()).is_some_and(|s| {
                        if self.ignore_case {
                            s.eq_ignore_ascii_case(p.as_bytes())
                        } else {
                            s == p.as_bytes()
                        }
                    })
                })
                .max_by_key(|(_, p)| p.len());
            match longest {
                Some((i, p)) if ends_word(text, at + p.len()) || p.ends_with('.') => {
                    out.push((i, Span::new(at, at + p.len())));
                    at += p.len();
                }
                // The rest of the word cannot start a phrase.
                _ => at += len.max(1),
            }
        }
        out
    }

    /// The phrases, in the order given (ASCII lower-case when case is ignored).
    pub fn phrases(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.phrase(i))
    }
}

/// [`word_len`] of the text from `at`, without decoding ASCII words.
#[inline]
fn word_len_at(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end < bytes.len() && !bytes[end].is_ascii() {
        word_len(&text[at..])
    } else {
        end - at
    }
}

/// Byte length of the leading run of letters and digits.
fn word_len(s: &str) -> usize {
    let ascii = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    match s[ascii..].chars().next() {
        Some(c) if !c.is_ascii() && c.is_alphanumeric() => {
            ascii + s[ascii..].char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(s.len() - ascii, |(i, _)| i)
        }
        _ => ascii,
    }
}

fn pair(a: u8, b: u8, ignore_case: bool) -> usize {
    let fold = |x: u8| if ignore_case { x.to_ascii_lowercase() } else { x };
    usize::from(fold(a)) << 8 | usize::from(fold(b))
}

fn set_pair(bits: &mut [u64], pair: usize) {
    bits[pair / 64] |= 1 << (pair % 64);
}

fn has_pair(bits: &[u64], pair: usize) -> bool {
    bits[pair / 64] & (1 << (pair % 64)) != 0
}

/// Up to eight bytes, little-endian, in a word.
fn pack(bytes: &[u8]) -> u64 {
    pack_folded(bytes, false)
}

fn pack_folded(bytes: &[u8], ignore_case: bool) -> u64 {
    bytes.iter().rev().fold(0, |v, &b| v << 8 | u64::from(if ignore_case { b.to_ascii_lowercase() } else { b }))
}

/// The low `len` bytes.
fn mask(len: u8) -> u64 {
    if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * u32::from(len))) - 1
    }
}

/// FNV-1a of the word, ASCII-folded when case is ignored. Equal hashes are checked
/// against the phrase itself, so a collision costs a comparison, not a wrong match.
fn hash(word: &[u8], ignore_case: bool) -> u64 {
    word.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, &b| {
        let b = if ignore_case { b.to_ascii_lowercase() } else { b };
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn starts_word(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => true,
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..at].chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::FirstWordIndex;

    fn found(phrases: &[&str], text: &str) -> Vec<String> {
        let index = FirstWordIndex::new(phrases.iter().copied(), true);
        index.find(text).into_iter().map(|(_, s)| text[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn longest_phrase_at_each_word_start() {
        let phrases = ["minister", "foreign minister", "head", "head of state", "U.S. envoy"];
        let cases: &[(&str, &[&str])] = &[
            ("The Foreign Minister and the head of state met.", &["Foreign Minister", "head of state"]),
            ("Ministers administered ahead of the headcount.", &[]),
            ("A vice-minister and the u.s. envoy", &["minister", "u.s. envoy"]),
            // The longest match fails the boundary: no shorter one is tried there.
            ("head of stateless people", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(&phrases, text), *want, "{text}");
        }
    }

    #[test]
    fn exact_case_when_asked() {
        let index = FirstWordIndex::new(["Iran", "Niger", "Nigeria", "'Aisake Eke"].into_iter(), false);
        let text = "Irani dishes; Iran, Nigeria and niger. 'Aisake Eke spoke.";
        let found: Vec<&str> = index.find(text).iter().map(|(_, s)| &text[s.start..s.end]).collect();
        assert_eq!(found, ["Iran", "Nigeria", "'Aisake Eke"]);
    }

    /// The matches of a leftmost-longest automaton that keeps only matches on word
    /// boundaries (what the gazetteers used before this index), as the reference.
    fn reference(phrases: &[String], ignore_case: bool, text: &str) -> Vec<(usize, (usize, usize))> {
        let Ok(ac) = aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ignore_case)
            .build(phrases)
        else {
            return Vec::new();
        };
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = ac.find(aho_corasick::Input::new(text).range(pos..)) else { break };
            let before_ok = !word(text[..m.start()].chars().next_back());
            let after_ok = !word(text[m.end()..].chars().next()) || text[..m.end()].ends_with('.');
            if before_ok && after_ok {
                out.push((m.pattern().as_usize(), (m.start(), m.end())));
                pos = m.end();
            } else {
                pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    #[test]
    fn many_phrases_of_one_first_word() {
        let mut phrases: Vec<String> = (0..40).map(|i| format!("minister of t{i}")).collect();
        phrases.extend(["minister".into(), "minister of t1 and t2".into(), "minister of".into()]);
        let text = "The minister of t7, the Minister of t1 and t2, a minister of t39x, minister of t40 and ministers.";
        for ignore_case in [false, true] {
            let index = FirstWordIndex::new(phrases.iter().map(String::as_str), ignore_case);
            let found: Vec<(usize, (usize, usize))> =
                index.find(text).into_iter().map(|(i, s)| (i, (s.start, s.end))).collect();
            assert_eq!(found, reference(&phrases, ignore_case, text), "ignore_case {ignore_case}");
        }
    }

    const VOCABULARY: &[&str] = &[
        "Niger",
        "Nigeria",
        "minister",
        "Foreign Minister",
        "foreign minister of",
        "U.S.",
        "U.S. envoy",
        "vice",
        "vice-president",
        "'Aisake Eke",
        "Ab",
        "Abc",
        "abc d",
        "\u{c9}lys\u{e9}e",
        "New",
        "New York",
        "New Delhi",
        "the Hague",
        "head",
        "head of state",
        "x",
    ];
    const GLUE: &[&str] = &[" ", "  ", "-", ".", ",", "'", "\u{e9}", "\n", "", "s", "2"];

    proptest::proptest! {
        #[test]
        fn matches_what_a_bounded_automaton_matches(
            phrases in proptest::collection::btree_set(proptest::sample::select(VOCABULARY), 1..10),
            pieces in proptest::collection::vec((proptest::sample::select(VOCABULARY), proptest::sample::select(GLUE), 0..3u8), 0..24),
            ignore_case: bool,
        ) {
            let phrases: Vec<String> = phrases.into_iter().map(str::to_string).collect();
            let text: String = pieces
                .iter()
                .map(|(w, glue, case)| {
                    let w = match case { 1 => w.to_ascii_uppercase(), 2 => w.to_ascii_lowercase(), _ => w.to_string() };
                    format!("{w}{glue}")
                })
                .collect();
            let index = FirstWordIndex::new(phrases.iter().map(String::as_str), ignore_case);
            let found: Vec<(usize, (usize, usize))> =
                index.find(&text).into_iter().map(|(i, s)| (i, (s.start, s.end))).collect();
            // Phrases equal but for case are one pattern to the automaton: compare spans.
            let spans = |v: &[(usize, (usize, usize))]| v.iter().map(|&(_, s)| s).collect::<Vec<_>>();
            proptest::prop_assert_eq!(spans(&found), spans(&reference(&phrases, ignore_case, &text)), "text {:?}", text);
        }
    }
}
