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

#[derive(Debug, Default)]
pub struct FirstWordIndex {
    /// Phrases, ASCII lower-case when case is ignored.
    phrases: Vec<String>,
    ignore_case: bool,
    /// Hash of a first word -> phrases starting with it, longest first.
    by_first: FxHashMap<u64, Vec<u32>>,
    /// Phrases that do not start with a letter or digit; tried at every boundary.
    odd: Vec<u32>,
    /// Bytes some phrase starts with (in either case when case is ignored): most
    /// words of a text are passed over on their first byte.
    starts: Vec<bool>,
}

impl FirstWordIndex {
    /// An index over `phrases`; the index of a match is the phrase's position.
    pub fn new<'p>(phrases: impl Iterator<Item = &'p str>, ignore_case: bool) -> Self {
        let mut index = FirstWordIndex { ignore_case, starts: vec![false; 256], ..FirstWordIndex::default() };
        for p in phrases {
            if let Some(&b) = p.as_bytes().first() {
                index.starts[usize::from(b)] = true;
                if ignore_case {
                    index.starts[usize::from(b.to_ascii_lowercase())] = true;
                    index.starts[usize::from(b.to_ascii_uppercase())] = true;
                }
            }
            let n = index.phrases.len() as u32;
            index.phrases.push(if ignore_case { p.to_ascii_lowercase() } else { p.to_string() });
            match word_len(p) {
                0 => index.odd.push(n),
                len => {
                    let key = hash(&p.as_bytes()[..len], ignore_case);
                    index.by_first.entry(key).or_default().push(n);
                }
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
            if !self.starts[usize::from(b)] {
                at += word_len(&text[at..]).max(1);
                continue;
            }
            let len = word_len(&text[at..]);
            let candidates = if len == 0 { &self.odd } else { self.candidates(&bytes[at..at + len]) };
            let longest = candidates.iter().map(|&i| (i as usize, &self.phrases[i as usize])).find(|(_, p)| {
                bytes.get(at..at + p.len()).is_some_and(|s| {
                    if self.ignore_case {
                        s.eq_ignore_ascii_case(p.as_bytes())
                    } else {
                        s == p.as_bytes()
                    }
                })
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
        self.by_first.get(&hash(word, self.ignore_case)).map_or(&[], Vec::as_slice)
    }

    /// The phrases, in the order given (ASCII lower-case when case is ignored).
    pub fn phrases(&self) -> &[String] {
        &self.phrases
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
}
