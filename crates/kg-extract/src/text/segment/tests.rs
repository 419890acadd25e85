//! Segmentation tests, and the char-by-char segmenter the table-driven one replaced,
//! kept as the reference it is compared with on random text.

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn reference_word_end(text: &str, start: usize) -> usize {
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

/// The segmenter as it was before the byte classes: a char decoded at every token
/// start, and sentences found in a second pass over the tokens.
fn reference(text: &str) -> (Vec<Sentence>, Vec<Token>) {
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
            (reference_word_end(text, pos), true)
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
        } else if i + 1 - first >= MAX_SENTENCE_TOKENS
            || tokens[i + 1].span.end - tokens[first].span.start > MAX_SENTENCE_BYTES
        {
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

#[test]
fn byte_classes_are_the_char_predicates() {
    for b in 0..=0x7fu8 {
        let c = char::from(b);
        let blank = matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c);
        assert_eq!(class(b) & BLANK != 0, blank, "{b:#x}");
        assert_eq!(class(b) & (BLANK | LINE_BREAK) != 0, c.is_whitespace(), "{b:#x}");
        assert_eq!(class(b) & ALNUM != 0, c.is_alphanumeric(), "{b:#x}");
        assert_eq!(class(b) & UPPER != 0, c.is_uppercase(), "{b:#x}");
        assert_eq!(class(b) & JOINER != 0, matches!(c, '-' | '\'' | '.'), "{b:#x}");
        assert_eq!(class(b) & WIDE, 0, "{b:#x}");
    }
    assert!((0x80..=0xffu8).all(|b| class(b) == WIDE));
}

#[test]
fn alnum_shortcut_is_the_char_predicate() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
    }
}

#[test]
fn eight_bytes_at_a_time_are_classified_as_one() {
    for b in 0..=0xffu8 {
        for at in 0..8 {
            let mut chunk = *b"aZ09zA9m";
            chunk[at] = b;
            let want = chunk.iter().enumerate().filter(|(_, &c)| class(c) & ALNUM != 0);
            let want = want.fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
            assert_eq!(alnum_bytes(u64::from_le_bytes(chunk)) & HIGH_BITS, want, "{b:#x} at {at}");
        }
    }
}

proptest::proptest! {
    #[test]
    fn alnum_runs_end_where_the_table_says(bytes in proptest::collection::vec(proptest::sample::select(b"aZ09.- \x80\xff\x7f@[`{/:".to_vec()), 0..40), at in 0usize..40) {
        let want = at + bytes.get(at..).unwrap_or_default().iter().take_while(|&&b| class(b) & ALNUM != 0).count();
        proptest::prop_assert_eq!(alnum_run(&bytes, at), want);
    }
}

/// Pieces that exercise every branch: abbreviations, initials, possessives, inner
/// hyphens and apostrophes, dots, quotes, blanks and line breaks of every kind, and
/// letters, digits and punctuation beyond ASCII.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "a", "Z", "word", "Kyiv", "42", "x1", "s", "S", "U", "Mr", "Ms", "etc", "approx", "Sept", "No", "U.S", "A.B.C.D",
    "'", "'s", "\u{2019}", "\u{2019}s", "-", "\u{2010}", "\u{2013}", "\u{2014}", ".", "..", "...", "\u{2026}", ",", ";",
    ":", "!", "?", "\"", "\u{201c}", "\u{201d}", "(", ")", "[", "]", "_", "#", "\u{0}", "\u{1f}", " ", "  ", "\t", "\n",
    "\r\n", "\u{b}", "\u{c}", "\u{a0}", "\u{85}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{e9}", "\u{c9}", "Erdo\u{11f}an",
    "\u{416}", "\u{436}", "\u{4e2d}", "\u{663}", "\u{bd}", "\u{1d400}", "\u{1f600}", "\u{301}", "\u{1c5}",
];

fn pieces(max: usize) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    proptest::collection::vec(proptest::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

proptest::proptest! {
    #[test]
    fn fast_path_is_the_reference(text in pieces(60)) {
        proptest::prop_assert_eq!(segment(&text), reference(&text), "text {:?}", text);
    }

    #[test]
    fn fast_path_is_the_reference_on_any_text(text in "\\PC{0,80}") {
        proptest::prop_assert_eq!(segment(&text), reference(&text), "text {:?}", text);
    }

    /// Repeated pieces: long enough for the long-sentence limit to split sentences.
    #[test]
    fn fast_path_is_the_reference_on_long_text(text in pieces(30), times in 1usize..300) {
        let text = text.repeat(times);
        proptest::prop_assert_eq!(segment(&text), reference(&text), "text {:?} x{}", &text[..text.len() / times], times);
    }
}
