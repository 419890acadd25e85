//! Sentences and tokens, with byte offsets into the original text.
//!
//! A token is a word (letters, digits, inner hyphens and apostrophes, abbreviation dots), a
//! possessive `'s`, a run of dots, or one punctuation character. A sentence ends after `.`,
//! `!`, `?` or `…` followed by a capital, a digit or an opening quote, after a closing quote
//! that follows one of those, and at every line break.
//!
//! Most news text is ASCII: every byte below 0x80 is classified through one table
//! ([`CLASS`]), and characters are decoded only at non-ASCII bytes and at the few ASCII
//! ones (`-`, `'`, `.`) whose meaning depends on their neighbours. Sentences are found
//! afterwards by visiting only the tokens where one can end: punctuation and line breaks.
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

/// A blank other than a line break: space, tab, carriage return, vertical tab, form feed.
const BLANK: u8 = 1;
const LINE_BREAK: u8 = 2;
/// An ASCII letter or digit (`char::is_alphanumeric` of an ASCII byte).
const ALNUM: u8 = 4;
const UPPER: u8 = 8;
/// `-`, `'` or `.`: goes on with a word or not depending on what surrounds it.
const JOINER: u8 = 16;
/// A byte of a multi-byte character: decoded to be classified.
const WIDE: u8 = 32;

/// The class of every byte; ASCII punctuation and control characters have none. The
/// tests check it against the `char` predicates it stands for.
static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = match b {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => BLANK,
            b'\n' => LINE_BREAK,
            b'A'..=b'Z' => ALNUM | UPPER,
            b'a'..=b'z' | b'0'..=b'9' => ALNUM,
            b'-' | b'\'' | b'.' => JOINER,
            0x80.. => WIDE,
            _ => 0,
        };
        i += 1;
    }
    table
}

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// `char::is_alphanumeric`, answered at once for the dashes, quotes and ellipsis of
/// news text (U+2010 to U+2027 are all punctuation), whose lookup is slow.
fn is_alnum(c: char) -> bool {
    !('\u{2010}'..='\u{2027}').contains(&c) && c.is_alphanumeric()
}

/// Whether the character at byte `at` (if any) is a letter or digit.
fn alnum_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b < 0x80 => class(b) & ALNUM != 0,
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()).is_some_and(is_alnum),
        None => false,
    }
}

/// The end of the word starting at `start`, whose first character is a letter or digit,
/// read on from byte `at`, where its ASCII letters and digits end.
fn word_end(text: &str, start: usize, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Of the other ASCII characters only a hyphen, an apostrophe or a dot can go on
        // with the word: a space or a comma ends it without decoding what follows.
        let Some(&b) = bytes.get(at) else { return at };
        if class(b) & (JOINER | WIDE) == 0 {
            return at;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { return at };
        let len = c.len_utf8();
        let joins = alnum_at(text, at + len);
        if is_alnum(c) || ((c == '-' || c == '\u{2010}') && joins) {
            at = alnum_run(bytes, at + len);
            continue;
        }
        if (c == '\'' || c == '\u{2019}') && joins {
            // A possessive 's (or bare s) is its own token: "Putin's" -> "Putin" "'s".
            if bytes.get(at + len) == Some(&b's') && !alnum_at(text, at + len + 1) {
                return at;
            }
            at = alnum_run(bytes, at + len);
            continue;
        }
        if c == '.' {
            let word = &text[start..at];
            let mut chars = word.chars();
            let single_letter = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
            let dotted = word.len() <= 6 && word.contains('.');
            if single_letter || dotted || ABBREVIATIONS.contains(word) {
                // "U.S." continues with the next letter; "Mr." stops.
                if !(single_letter || dotted) || !joins {
                    return at + 1;
                }
                at = alnum_run(bytes, at + 1);
                continue;
            }
        }
        return at;
    }
}

/// The end of the run of ASCII letters and digits at `at`: the bulk of every word.
fn alnum_run(bytes: &[u8], mut at: usize) -> usize {
    // Eight bytes at a time while eight remain: most words end within the first eight.
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let others = !alnum_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if others != 0 {
            return at + others.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest.iter().position(|&b| class(b) & ALNUM == 0).unwrap_or(rest.len())
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = LOW_BITS * 0x80;

/// The high bit of each of the eight bytes of `x` that is an ASCII letter or digit.
fn alnum_bytes(x: u64) -> u64 {
    between(x | (LOW_BITS * 0x20), b'a' - 1, b'z' + 1) | between(x, b'0' - 1, b'9' + 1)
}

/// The high bit of each byte of `x` strictly between `lo` and `hi` (both ASCII): with
/// seven-bit bytes, neither sum nor difference carries into the next byte.
fn between(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & (LOW_BITS * 0x7f);
    (LOW_BITS * (127 + u64::from(hi)) - low7) & (low7 + LOW_BITS * (127 - u64::from(lo))) & !x & HIGH_BITS
}

/// The token at `pos`, whose first byte `b` is not an ASCII letter or digit; or, for
/// white space, whether it breaks the line and its length.
fn other_token(text: &str, pos: usize, b: u8) -> Result<Token, (bool, usize)> {
    let bytes = text.as_bytes();
    let token = |end: usize, is_word: bool, is_cap: bool| Ok(Token { span: Span::new(pos, end), is_word, is_cap });
    if b < 0x80 {
        return match b {
            b'\n' => Err((true, 1)),
            _ if class(b) & BLANK != 0 => Err((false, 1)),
            b'\'' if bytes.get(pos + 1) == Some(&b's') => token(pos + 2, true, false),
            b'.' => token(pos + bytes[pos..].iter().take_while(|&&d| d == b'.').count(), false, false),
            _ => token(pos + 1, false, false),
        };
    }
    let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else { return Err((false, bytes.len() - pos)) };
    let len = c.len_utf8();
    if c.is_whitespace() {
        Err((c == '\u{2029}', len))
    } else if is_alnum(c) {
        token(word_end(text, pos, alnum_run(bytes, pos + len)), true, c.is_uppercase())
    } else if c == '\u{2019}' && bytes.get(pos + len) == Some(&b's') {
        token(pos + len + 1, true, false)
    } else {
        token(pos + len, false, false)
    }
}

/// Splits text into sentences and tokens. Offsets are bytes into `text`.
pub fn segment(text: &str) -> (Vec<Sentence>, Vec<Token>) {
    let (mut sents, mut tokens) = (Vec::new(), Vec::new());
    segment_into(text, &mut sents, &mut tokens);
    (sents, tokens)
}

/// [`segment`] into `sents` and `tokens`, which are cleared first: a caller that
/// segments text after text keeps their memory instead of allocating it again.
pub fn segment_into(text: &str, sents: &mut Vec<Sentence>, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    // News text has a token every five or six bytes, and a punctuation mark every forty
    // or so: reserving that much spares the vectors their regrowth.
    tokens.clear();
    tokens.reserve(text.len() / 5 + 1);
    // Where a sentence may end: after the punctuation tokens, and before the tokens that
    // follow a line break.
    let mut marks = Vec::with_capacity(text.len() / 32 + 1);
    let mut breaks = Vec::new();
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        let flags = class(b);
        let token = if flags & ALNUM != 0 {
            let end = match alnum_run(bytes, pos + 1) {
                run if bytes.get(run).is_some_and(|&n| class(n) & (JOINER | WIDE) != 0) => word_end(text, pos, run),
                run => run,
            };
            Token { span: Span::new(pos, end), is_word: true, is_cap: flags & UPPER != 0 }
        } else if flags & BLANK != 0 {
            pos += 1;
            continue;
        } else {
            let token = match other_token(text, pos, b) {
                Ok(token) => token,
                Err((line_break, len)) => {
                    if line_break && !tokens.is_empty() && breaks.last() != Some(&tokens.len()) {
                        breaks.push(tokens.len());
                    }
                    pos += len;
                    continue;
                }
            };
            if !token.is_word {
                marks.push(tokens.len());
            }
            token
        };
        pos = token.span.end;
        tokens.push(token);
    }
    sentences(sents, text, tokens, &marks, &breaks);
}

/// The sentences of `tokens`, given the punctuation tokens (`marks`) and the tokens after
/// a line break (`breaks`), both in order: only there can a sentence end, other than at
/// the long-sentence limit.
fn sentences(out: &mut Vec<Sentence>, text: &str, tokens: &[Token], marks: &[usize], breaks: &[usize]) {
    out.clear();
    out.reserve(marks.len() / 2 + breaks.len() + 1);
    let Some(last) = tokens.len().checked_sub(1) else { return };
    let (mut marks, mut breaks) = (marks.iter().copied().peekable(), breaks.iter().map(|&b| b - 1).peekable());
    let mut first = 0;
    loop {
        let (mark, line_break) = (marks.peek().copied(), breaks.peek().copied());
        let Some(i) = mark.into_iter().chain(line_break).min().filter(|&i| i < last) else { break };
        marks.next_if_eq(&i);
        let line_break = breaks.next_if_eq(&i).is_some();
        if line_break || ends_sentence(text, tokens, i) {
            first = close(out, text, tokens, first, i);
        }
    }
    close(out, text, tokens, first, last);
}

/// Records the sentences `first..=last` ends with, `last` being the first token after
/// `first` that ends a sentence, and returns the first token after it. The sentence is
/// split first where it reaches the long-sentence limit: adding a token never makes a
/// sentence shorter, so one test of its whole length says whether that happens.
fn close(out: &mut Vec<Sentence>, text: &str, tokens: &[Token], mut first: usize, last: usize) -> usize {
    let overflows = |first: usize, next: usize| {
        next - first >= MAX_SENTENCE_TOKENS || tokens[next].span.end - tokens[first].span.start > MAX_SENTENCE_BYTES
    };
    let mut sentence = |first: usize, last: usize| {
        out.push(Sentence {
            span: Span::new(tokens[first].span.start, tokens[last].span.end),
            tokens: first..last + 1,
        });
        last + 1
    };
    if last > first && overflows(first, last) {
        // Where the limit is reached, token by token: a split restarts the count.
        let start = first;
        for k in start..last {
            if overflows(first, k + 1) {
                first = sentence(first, soft_break(text, tokens, first, k));
            }
        }
    }
    sentence(first, last)
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
mod tests;
