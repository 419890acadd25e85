//! Sentences and tokens, with byte offsets into the original text.
//!
//! A token is a word (letters, digits, inner hyphens and apostrophes, abbreviation dots), a
//! possessive `'s`, a run of dots, or one punctuation character. A sentence ends after `.`,
//! `!`, `?` or `…` followed by a capital, a digit or an opening quote, after a closing quote
//! that follows one of those, and at every line break.
//!
//! # The long-sentence limit
//!
//! Text without punctuation or line breaks (a 100 MB dump, a table flattened into one
//! line, hostile input) would otherwise be one sentence, and the rules work sentence by
//! sentence: their cost grows faster than linearly with the length of a sentence, and every
//! piece of evidence carries the whole sentence. So no sentence is longer than
//! [`MAX_SENTENCE_TOKENS`] tokens (1,000) or spans more than [`MAX_SENTENCE_BYTES`] bytes
//! (16 KiB); only a single token longer than that can make a longer sentence. A sentence
//! that reaches either limit is split after the last comma, semicolon, colon or dash in
//! its final quarter when there is one, and otherwise just before the token that would
//! overflow it. Real sentences in news are far below both limits (a long one has 60
//! tokens), so the limit only changes text that has no sentences to speak of.

use std::ops::Range;

use crate::model::Span;

/// One token: a word (letters, digits, inner hyphens and apostrophes, abbreviation
/// dots), a possessive `'s`, or a single punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub is_word: bool,
    /// The first character is an upper-case letter.
    pub is_cap: bool,
}

/// One sentence: its byte span and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// The most tokens one sentence holds; see the module documentation.
pub const MAX_SENTENCE_TOKENS: usize = 1_000;

/// The most bytes one sentence spans, unless it is a single token; see the module
/// documentation.
pub const MAX_SENTENCE_BYTES: usize = 16 * 1024;

/// Abbreviations whose trailing dot does not end a sentence.
static ABBREVIATIONS: crate::text::WordSet = crate::text::WordSet::new(&[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Jr", "Sr", "Prof", "Capt", "Maj", "Sgt",
    "Adm", "Rev", "Hon", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Aug",
    "Sept", "Sep", "Oct", "Nov", "Dec", "approx", "Pres", "Amb",
]);

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    let mut end = start;
    while at < bytes.len() {
        // Most words are ASCII letters: no decoding needed.
        if bytes[at].is_ascii_alphanumeric() {
            at += 1;
            end = at;
            continue;
        }
        // Of the other ASCII characters only a hyphen, an apostrophe or a dot can go on
        // with the word: a space or a comma ends it without decoding what follows.
        if bytes[at].is_ascii() && !matches!(bytes[at], b'-' | b'\'' | b'.') {
            break;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            at += len;
            end = at;
            continue;
        }
        let joins = text[at + len..].chars().next().is_some_and(char::is_alphanumeric);
        if (c == '-' || c == '\u{2010}') && joins {
            at += len;
            end = at;
            continue;
        }
        if is_apostrophe(c) && joins {
            // A possessive 's (or bare s) is its own token: "Putin's" -> "Putin" "'s".
            let rest = &text[at + len..];
            let possessive = rest.starts_with('s') && !rest[1..].chars().next().is_some_and(|n| n.is_alphanumeric());
            if possessive {
                break;
            }
            at += len;
            end = at;
            continue;
        }
        if c == '.' {
            let word = &text[start..end];
            let single_letter = word.chars().count() == 1 && word.chars().all(|w| w.is_uppercase());
            let dotted = word.contains('.') && word.len() <= 6;
            if single_letter || dotted || ABBREVIATIONS.contains(word) {
                end = at + 1;
                // "U.S." continues with the next letter; "Mr." stops.
                if !(single_letter || dotted) || !joins {
                    break;
                }
                at += 1;
                continue;
            }
        }
        break;
    }
    end.min(bytes.len())
}

/// Splits text into sentences and tokens. Offsets are bytes into `text`.
pub fn segment(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut newline_before = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    let mut saw_newline = false;
    let bytes = text.as_bytes();
    while pos < text.len() {
        if matches!(bytes[pos], b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
            pos += 1;
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            saw_newline |= c == '\n' || c == '\u{2029}';
            pos += c.len_utf8();
            continue;
        }
        let (end, is_word) = if c.is_alphanumeric() {
            (word_end(text, pos), true)
        } else if is_apostrophe(c) && text[pos + c.len_utf8()..].starts_with('s') {
            (pos + c.len_utf8() + 1, true)
        } else if c == '.' {
            let run = text[pos..].chars().take_while(|&d| d == '.').count();
            (pos + run, false)
        } else {
            (pos + c.len_utf8(), false)
        };
        let end = end.max(pos + c.len_utf8());
        tokens.push(Token { span: Span::new(pos, end), is_word, is_cap: c.is_uppercase() });
        newline_before.push(saw_newline);
        saw_newline = false;
        pos = end;
    }

    let mut sentences = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let boundary_after = i + 1 == tokens.len() || newline_before[i + 1] || ends_sentence(text, &tokens, i);
        if boundary_after {
            sentences
                .push(Sentence { span: Span::new(tokens[first].span.start, tokens[i].span.end), tokens: first..i + 1 });
            first = i + 1;
        } else if overflows(&tokens, first, i + 1) {
            let last = soft_break(text, &tokens, first, i);
            sentences.push(Sentence {
                span: Span::new(tokens[first].span.start, tokens[last].span.end),
                tokens: first..last + 1,
            });
            first = last + 1;
        }
    }
    (sentences, tokens)
}

/// Whether adding token `next` to the sentence that starts at token `first` would break
/// the long-sentence limit.
fn overflows(tokens: &[Token], first: usize, next: usize) -> bool {
    next - first >= MAX_SENTENCE_TOKENS || tokens[next].span.end - tokens[first].span.start > MAX_SENTENCE_BYTES
}

/// Where to end an over-long sentence `first..=last`: after the last comma, semicolon,
/// colon or dash in its final quarter, or else at `last`.
fn soft_break(text: &str, tokens: &[Token], first: usize, last: usize) -> usize {
    let floor = first + (last - first) * 3 / 4;
    (floor..last)
        .rev()
        .find(|&k| {
            let t = tokens[k];
            !t.is_word && matches!(&text[t.span.start..t.span.end], "," | ";" | ":" | "\u{2013}" | "\u{2014}" | "-")
        })
        .unwrap_or(last)
}

fn is_closing(s: &str) -> bool {
    matches!(s, "\"" | "\u{201d}" | "\u{2019}" | ")" | "]" | "'")
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    // Words end no sentence; only punctuation does (a dotted abbreviation is a word
    // whose dot does not end one).
    if tokens[i].is_word {
        return false;
    }
    let here = &text[tokens[i].span.start..tokens[i].span.end];
    let next = &text[tokens[i + 1].span.start..tokens[i + 1].span.end];
    let terminal = here.starts_with('.') || here == "!" || here == "?" || here == "\u{2026}";
    if terminal {
        // A closing quote right after belongs to this sentence; a straight quote after
        // a blank opens the next one.
        let blank_between = tokens[i].span.end < tokens[i + 1].span.start;
        if is_closing(next) && !(next == "\"" && blank_between) {
            return false;
        }
        let next_char = next.chars().next().unwrap_or(' ');
        return next_char.is_uppercase() || next_char.is_ascii_digit() || matches!(next, "\"" | "\u{201c}" | "(");
    }
    let attached = i > 0 && tokens[i - 1].span.end == tokens[i].span.start;
    if attached && is_closing(here) {
        let prev = &text[tokens[i - 1].span.start..tokens[i - 1].span.end];
        if prev.starts_with('.') || prev == "!" || prev == "?" {
            let next_char = next.chars().next().unwrap_or(' ');
            return next_char.is_uppercase() || matches!(next, "\"" | "\u{201c}");
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        segment(text).1.iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        segment(text).0.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(
            words("Mr. Smith's U.S. visit, face-to-face."),
            ["Mr.", "Smith", "'s", "U.S.", "visit", ",", "face-to-face", "."]
        );
        assert_eq!(words("don’t Erdoğan’s"), ["don’t", "Erdoğan", "’s"]);
    }

    #[test]
    fn splits_sentences_but_not_after_titles_or_inside_ellipses() {
        assert_eq!(
            sentences("Mr. Lee met Ms. Park. \"We agreed.\" Then...they left.\nNew line"),
            ["Mr. Lee met Ms. Park.", "\"We agreed.\"", "Then...they left.", "New line"]
        );
    }

    #[test]
    fn over_long_sentences_are_split() {
        // No punctuation at all: split every MAX_SENTENCE_TOKENS tokens.
        let text = "word ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let (sents, tokens) = segment(&text);
        assert_eq!(tokens.len(), MAX_SENTENCE_TOKENS * 2 + 10);
        let lens: Vec<usize> = sents.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lens, [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 10]);

        // A comma in the last quarter is preferred to a hard cut.
        let mut text = "word ".repeat(MAX_SENTENCE_TOKENS - 100);
        text.push_str("Kyiv, ");
        text.push_str(&"word ".repeat(300));
        let sents = sentences(&text);
        assert!(sents[0].ends_with("Kyiv,"), "{:?}", &sents[0][sents[0].len() - 20..]);

        // Long tokens: the byte limit applies, but one token is never cut.
        let long = format!("{} ", "x".repeat(MAX_SENTENCE_BYTES / 3));
        let text = long.repeat(7);
        let sents = segment(&text).0;
        assert!(sents.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES), "{:?}", sents);
        assert_eq!(sents.iter().map(|s| s.tokens.len()).sum::<usize>(), 7);
        let huge = "y".repeat(MAX_SENTENCE_BYTES * 2);
        assert_eq!(segment(&huge).0.len(), 1);

        // Every sentence still starts and ends on a token, in order, covering all tokens.
        let (sents, tokens) = segment(&text);
        assert_eq!(sents.last().map(|s| s.tokens.end), Some(tokens.len()));
        assert!(sents.windows(2).all(|w| w[0].tokens.end == w[1].tokens.start));
    }

    #[test]
    fn spans_are_byte_offsets_into_the_original() {
        let text = "Tür kiye — ok";
        for t in segment(text).1 {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}
