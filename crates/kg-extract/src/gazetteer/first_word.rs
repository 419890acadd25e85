//! Case-insensitive (ASCII) matching of phrases at word starts, through a hash of each
//! phrase's first word.
//!
//! Titles can start at nearly every word of a text, so an automaton is asked at every
//! word; on a whole article its tables fall out of the cache between calls. A hash
//! of the word at hand finds the few titles that can start there in a table that
//! stays small. The matches are those of a leftmost-longest automaton that keeps only
//! matches on word boundaries: at each word start, the longest phrase that matches,
//! kept only if it ends on a boundary (or with a dot: "U.S.").

use rustc_hash::FxHashMap;

use crate::model::Span;

#[derive(Debug, Default)]
pub struct FirstWordIndex {
    /// Phrases, ASCII lower-case.
    phrases: Vec<String>,
    /// Hash of a first word -> phrases starting with it, longest first.
    by_first: FxHashMap<u64, Vec<u32>>,
    /// Phrases that do not start with a letter or digit; tried at every boundary.
    odd: Vec<u32>,
}

impl FirstWordIndex {
    pub fn new<'p>(phrases: impl Iterator<Item = &'p str>) -> Self {
        let mut index = FirstWordIndex::default();
        for p in phrases {
            let n = index.phrases.len() as u32;
            index.phrases.push(p.to_ascii_lowercase());
            match word_len(p) {
                0 => index.odd.push(n),
                len => index.by_first.entry(hash_lower(&p.as_bytes()[..len])).or_default().push(n),
            }
        }
        let phrases = &index.phrases;
        for list in index.by_first.values_mut().chain(std::iter::once(&mut index.odd)) {
            list.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].len()));
        }
        index
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
            let len = word_len(&text[at..]);
            let candidates = if len == 0 { &self.odd } else { self.candidates(&bytes[at..at + len]) };
            let longest = candidates.iter().map(|&i| (i as usize, &self.phrases[i as usize])).find(|(_, p)| {
                bytes.get(at..at + p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p.as_bytes()))
            });
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

    fn candidates(&self, word: &[u8]) -> &[u32] {
        self.by_first.get(&hash_lower(word)).map_or(&[], Vec::as_slice)
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

fn hash_lower(word: &[u8]) -> u64 {
    word.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, &b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3))
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
        let index = FirstWordIndex::new(phrases.iter().copied());
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
}
