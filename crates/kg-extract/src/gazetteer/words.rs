//! Words as the gazetteer matchers see them: a word is a run of alphanumeric chars
//! and starts at any such char not preceded by one (so "minister" starts a word in
//! "vice-minister", unlike the tokenizer's tokens).
//!
//! Both matchers pass over every word of every text, so ASCII is classified eight
//! bytes at a time in one integer (no per-byte loop or table for the usual word);
//! only a byte of a multi-byte char sends the scan to the Unicode tables.

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes from `at`, little-endian, zero past the end of the text (a zero
/// byte is no letter or digit, so it ends a word).
#[inline]
pub(super) fn load(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => load_last(bytes, at),
    }
}

/// [`load`] within eight bytes of the end. Out of line: inlined, its loop's set-up
/// was hoisted to the top of the matchers' walk and paid at every position.
#[cold]
#[inline(never)]
fn load_last(bytes: &[u8], at: usize) -> u64 {
    pack(bytes.get(at..).unwrap_or_default())
}

/// Up to eight bytes, little-endian, in a word.
pub(super) fn pack(bytes: &[u8]) -> u64 {
    bytes.iter().take(8).rev().fold(0, |v, &b| v << 8 | u64::from(b))
}

/// The high bit of each byte of `x` that lies in `lo..=hi`, for bytes below 0x80:
/// the sums stay within their byte.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    (x + ONES * u64::from(0x80 - lo)) & !(x + ONES * u64::from(0x7f - hi)) & HIGH
}

/// The high bit of each byte that is an ASCII letter or digit.
#[inline]
fn alnum(x: u64) -> u64 {
    let low = x & !HIGH;
    (in_range(low, b'0', b'9') | in_range(low | 0x2020_2020_2020_2020, b'a', b'z')) & !x
}

/// ASCII lower case of each byte, as [`u8::to_ascii_lowercase`].
#[inline]
pub(super) fn lower(x: u64) -> u64 {
    x | (in_range(x & !HIGH, b'A', b'Z') & !x) >> 2
}

/// The low `n` bytes of a word, for `n` up to 8.
pub(super) const MASKS: [u64; 9] = {
    let mut m = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        m[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    m
};

/// Number of ASCII letters and digits from `at`.
#[inline]
fn ascii_run(bytes: &[u8], mut at: usize) -> usize {
    let from = at;
    loop {
        let stop = !alnum(load(bytes, at)) & HIGH;
        if stop != 0 {
            return at - from + stop.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
}

/// `char::is_alphanumeric` of a char past ASCII, answered at once for the dashes,
/// quotation marks and ellipsis of news text (U+2010 to U+2027 are all punctuation),
/// whose lookup in the Unicode tables is slow.
#[inline]
fn is_alnum(c: char) -> bool {
    !('\u{2010}'..='\u{2027}').contains(&c) && c.is_alphanumeric()
}

/// End of the run of alphanumeric chars from `at`, a char boundary.
#[inline]
pub(super) fn word_end(text: &str, at: usize) -> usize {
    let end = at + ascii_run(text.as_bytes(), at);
    if text.as_bytes().get(end).is_none_or(u8::is_ascii) {
        end
    } else {
        wide_word_end(text, end)
    }
}

/// [`word_end`] from a byte of a multi-byte char.
#[cold]
fn wide_word_end(text: &str, mut at: usize) -> usize {
    loop {
        match text.get(at..).and_then(|s| s.chars().next()) {
            Some(c) if is_alnum(c) => at += c.len_utf8(),
            _ => return at,
        }
        at += ascii_run(text.as_bytes(), at);
        if text.as_bytes().get(at).is_none_or(u8::is_ascii) {
            return at;
        }
    }
}

/// The end of the word from `at` (`at` itself if no word starts there) and its first
/// eight bytes or fewer, ASCII-folded when case is ignored (as [`pack`] packs them).
/// Inlined into the matchers' walk, where its constants stay in registers.
#[inline(always)]
pub(super) fn word_at(text: &str, at: usize, ignore_case: bool) -> (usize, u64) {
    let bytes = text.as_bytes();
    let x = load(bytes, at);
    let stop = !alnum(x) & HIGH;
    let mut end = at + if stop != 0 { stop.trailing_zeros() as usize / 8 } else { 8 + ascii_run(bytes, at + 8) };
    // The bytes before the first that is no ASCII letter or digit, from that byte's
    // own bit (all eight when there is none): `MASKS[(end - at).min(8)]` without its
    // load, for the words that end in ASCII (nearly all).
    let mut mask = ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1);
    if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        end = wide_word_end(text, end);
        mask = MASKS[(end - at).min(8)];
    }
    let head = x & mask;
    (end, if ignore_case { lower(head) } else { head })
}

/// Past the word at `at` and the char that ends it, which starts no phrase either, or
/// past the one char at `at` if it is no letter or digit.
#[inline]
pub(super) fn skip(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes[at] {
        b if b.is_ascii_alphanumeric() => past_word(text, word_end(text, at + 1)),
        b if b.is_ascii() => at + 1,
        _ => match text.get(at..).and_then(|s| s.chars().next()) {
            Some(c) if is_alnum(c) => past_word(text, word_end(text, at + c.len_utf8())),
            Some(c) => at + c.len_utf8(),
            None => at + 1,
        },
    }
}

/// Past the char at `end`, the end of a word: it follows a letter or digit, so no
/// phrase starts there.
#[inline]
pub(super) fn past_word(text: &str, end: usize) -> usize {
    match text.as_bytes().get(end) {
        None => end,
        Some(b) if b.is_ascii() => end + 1,
        Some(_) => end + text.get(end..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8),
    }
}

/// Whether no letter or digit follows `at`.
pub(super) fn ends_word(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => true,
        // An ASCII byte is told without decoding a char.
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[at..].chars().next().is_some_and(is_alnum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_mixed_scripts() {
        let text = "vice-minister \u{c9}lys\u{e9}e2 \u{2014}x caf\u{e9}\u{2014} Internationally";
        let starts = [0, 5, 14, 27, 29, 38];
        let ends = [4, 13, 23, 28, 34, 53];
        for (s, e) in starts.iter().zip(ends) {
            assert_eq!(word_end(text, *s), e);
            let head = &text.as_bytes()[*s..e.min(s + 8)];
            assert_eq!(word_at(text, *s, false), (e, pack(head)));
            assert_eq!(word_at(text, *s, true), (e, pack(&head.to_ascii_lowercase())));
        }
        // No word starts at a dash.
        assert_eq!(word_at(text, 24, false).0, 24);
        for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
            assert_eq!(ends_word(text, at), !text[at..].chars().next().is_some_and(char::is_alphanumeric), "{at}");
        }
        assert_eq!(word_at(text, 4, false).0, 4);
    }

    #[test]
    fn the_punctuation_shortcut_is_the_char_predicate() {
        for c in ('\u{80}'..='\u{3000}').chain(['\u{1f600}']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn eight_bytes_at_once_as_one_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let x = (0x41u64 * ONES) & !(0xff << (8 * at)) | u64::from(b) << (8 * at);
                let bytes = x.to_le_bytes();
                let want = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                assert_eq!(ascii_run(&bytes, 0), want, "{b:#x} at {at}");
                assert_eq!(lower(x), pack(&bytes.to_ascii_lowercase()), "{b:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        /// The head `word_at` gives is the word's first eight bytes or fewer, as `pack`
        /// packs them, at every position of text mixing ASCII and wider chars.
        #[test]
        fn heads_are_the_packed_first_bytes(text in "[aZ9 ,.\u{e9}\u{2014}\u{4e2d}]{0,24}") {
            for at in (0..text.len()).filter(|&at| text.is_char_boundary(at)) {
                let (end, head) = word_at(&text, at, false);
                proptest::prop_assert_eq!(end, word_end(&text, at));
                proptest::prop_assert_eq!(head, pack(&text.as_bytes()[at..end.min(at + 8)]));
            }
        }
    }
}
