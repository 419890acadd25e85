//! What a clause walk asks of each token, found once per token: a boundary, an opener,
//! a comma, a quotation mark, a relative pronoun (as bits); and the comma and bracket
//! tests the walk and the rules share.

use crate::analysis::Analysis;

/// Whether a (lower-case) byte starts an opener or a relative pronoun: asked of every
/// word a clause scan passes, it turns most away before any comparison.
pub(super) fn may_open(first: u8) -> bool {
    matches!(first, b'a' | b'b' | b'e' | b's' | b't' | b'w')
}

/// Words that open a new clause; the clause includes them.
pub(super) fn is_opener(w: &str) -> bool {
    w.as_bytes().first().copied().is_some_and(may_open)
        && (3..=8).contains(&w.len())
        && matches!(
            w,
            "but"
                | "while"
                | "whereas"
                | "though"
                | "although"
                | "when"
                | "where"
                | "whether"
                | "because"
                | "who"
                | "which"
                | "saying"
                | "adding"
                | "even"
        )
}

// What a clause walk asks of a word, as bits: one look at the word answers all the
// questions, where each used to slice it and compare strings again.
pub(super) const BOUNDARY: u8 = 1;
pub(super) const OPENER: u8 = 1 << 1;
pub(super) const COMMA: u8 = 1 << 2;
/// A quotation mark: a walk passes it whichever side of the quotation it is on.
pub(super) const QUOTE_MARK: u8 = 1 << 3;
/// "who", "which", "whose", "whom", "where": may open a relative clause after a comma.
pub(super) const RELATIVE: u8 = 1 << 4;
/// "who", "which": an opener that may open a parenthesis.
pub(super) const WHO_WHICH: u8 = 1 << 5;

/// No bit is this: the bits of a token not asked for yet.
pub(crate) const UNKNOWN: u8 = 0xFF;

/// The bits of token `i` (none past the end), found once per token.
#[inline]
pub(super) fn flags(a: &Analysis, i: usize) -> u8 {
    let Some(cell) = a.clause_flags.get(i) else { return 0 };
    match cell.get() {
        UNKNOWN => {
            let f = token_flags(a, i);
            cell.set(f);
            f
        }
        f => f,
    }
}

/// [`flags`] read from the word.
#[inline(never)]
fn token_flags(a: &Analysis, i: usize) -> u8 {
    // Most words have no bit, which the first byte and length of the lower-case word
    // tell ("" past the end has none).
    let w = a.lower(i);
    let (Some(&first), true) = (w.as_bytes().first(), may_flag(w.as_bytes())) else { return 0 };
    // Lower-casing leaves punctuation as it is.
    if matches!(first, b'(' | b')') && short_parenthesis(a, i) {
        return 0;
    }
    // "at 16:30 at the palace": the colon of a clock time breaks no clause.
    if first == b':' && clock_colon(a, i) {
        return 0;
    }
    word_flags(w)
}

/// Whether a lower-case word may have a bit, by its first byte and length, and by its
/// second byte when it starts with 'w' (every such word starts "wh"): "the", "and",
/// "said", "with" are turned away before any comparison.
fn may_flag(w: &[u8]) -> bool {
    /// A bit per length (1 to 8) of the words with a bit, by first byte.
    const SHAPES: [u16; 256] = {
        let words: [&[u8]; 24] = [
            b",",
            b";",
            b":",
            b"(",
            b")",
            b"\"",
            "\u{2014}".as_bytes(),
            "\u{201c}".as_bytes(),
            b"but",
            b"while",
            b"whereas",
            b"though",
            b"although",
            b"when",
            b"where",
            b"whether",
            b"because",
            b"who",
            b"which",
            b"saying",
            b"adding",
            b"even",
            b"whose",
            b"whom",
        ];
        let mut shapes = [0u16; 256];
        let mut k = 0;
        while k < words.len() {
            shapes[words[k][0] as usize] |= 1 << words[k].len();
            k += 1;
        }
        shapes
    };
    match w {
        [b'w', second, ..] if *second != b'h' => false,
        [first, ..] => w.len() <= 8 && SHAPES[usize::from(*first)] & 1 << w.len() != 0,
        [] => false,
    }
}

/// Whether the colon at token `i` sits between digits with no space ("16:30").
fn clock_colon(a: &Analysis, i: usize) -> bool {
    let bytes = a.text.as_bytes();
    let t = a.toks[i].span;
    t.start > 0 && bytes[t.start - 1].is_ascii_digit() && bytes.get(t.end).is_some_and(u8::is_ascii_digit)
}

/// The token `n` words after `from` (at most `to`), a name or a short bracket counted
/// as one word: "Xi of the People's Republic of China (PRC) at the estate in Woodside"
/// is as close to its place as "Xi of China at the estate in Woodside".
pub(crate) fn words_ahead(a: &Analysis, from: usize, to: usize, n: usize) -> usize {
    let (mut k, mut count) = (from, 0);
    while k < to && count < n {
        k = match a.mention_at_tok(k) {
            Some(m) => a.tok_at(m.span.end).max(k + 1),
            None if a.word(k) == "(" && short_parenthesis(a, k) => {
                (k + 1..to).find(|&j| a.word(j) == ")").map_or(k + 1, |j| j + 1)
            }
            None => k + 1,
        };
        count += 1;
    }
    k.min(to)
}

/// "President Xi of the People's Republic of China (PRC) in Woodside": an acronym or a
/// word or two in brackets is part of the clause, not a break in it.
pub(super) fn short_parenthesis(a: &Analysis, i: usize) -> bool {
    let is = |k: usize, c: &str| a.toks.get(k).is_some_and(|_| a.word(k) == c);
    if a.word(i) == "(" {
        is(i + 2, ")") || is(i + 3, ")")
    } else {
        (i >= 2 && is(i - 2, "(")) || (i >= 3 && is(i - 3, "("))
    }
}

/// The bits of a lower-case word.
fn word_flags(w: &str) -> u8 {
    match w.as_bytes() {
        [b','] => COMMA,
        [b';' | b':' | b'(' | b')'] => BOUNDARY,
        // Lower-casing leaves quotation marks and dashes as they are.
        [b'"'] => QUOTE_MARK,
        [0xE2, ..] => match w {
            "\u{2014}" | "\u{2013}" => BOUNDARY,
            "\u{201c}" | "\u{201d}" => QUOTE_MARK,
            _ => 0,
        },
        [first, ..] if may_open(*first) => {
            let opener = if is_opener(w) { OPENER } else { 0 };
            opener
                | match w {
                    "who" | "which" => RELATIVE | WHO_WHICH,
                    "whose" | "whom" | "where" => RELATIVE,
                    _ => 0,
                }
        }
        _ => 0,
    }
}

/// Whether token `i` is a quotation mark (straight or curly double).
pub(crate) fn is_quote_mark(a: &Analysis, i: usize) -> bool {
    word_flags(a.lower(i)) & QUOTE_MARK != 0
}

/// Whether token `i` is a comma.
pub(crate) fn is_comma(a: &Analysis, i: usize) -> bool {
    // The lower-case form is at hand in one load; no other token lowers to a comma.
    a.lower(i) == ","
}
