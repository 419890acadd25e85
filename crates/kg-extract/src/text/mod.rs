//! Text analysis that later stages share: sentences and tokens with byte offsets into
//! the original article, accent folding and slugs.

mod compact;
mod fold;
mod reading;
mod recase;
mod segment;
mod unwrap;
mod word_set;

pub use compact::{compacted, OffsetMap};
pub use fold::{fold, push_slug, slug, translit_key, translit_key_of_folded};
pub use reading::reading;
pub use recase::{is_bare_office, opens_office, recased};
pub use segment::{segment, segment_into, Sentence, Token, MAX_SENTENCE_BYTES, MAX_SENTENCE_TOKENS};
pub use unwrap::unwrapped;
pub use word_set::{WordSet, Words};

/// `s` without every leading `prefix`, as `trim_start_matches` gives it (which sets up
/// a substring searcher on each call).
pub(crate) fn strip_all<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// Whether a word is an ordinal: "5th", "21st", "fifth", "twenty-first".
pub fn is_ordinal(word: &str) -> bool {
    ordinal_value(word).is_some()
}

/// The number an ordinal stands for: "5th" 5, "Fifth" 5, "twenty-first" 21.
pub fn ordinal_value(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    // Every ordinal ends so ("first", "2nd", "twenty-third", "40th"): other words, most
    // of those asked, are turned away before the lower-case copy.
    let suffix = word.as_bytes().last_chunk::<2>().map(|&[x, y]| [x.to_ascii_lowercase(), y.to_ascii_lowercase()]);
    if !matches!(suffix, Some([b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h'])) {
        return None;
    }
    let w = word.to_ascii_lowercase();
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return matches!(&w[digits..], "st" | "nd" | "rd" | "th").then(|| w[..digits].parse().ok()).flatten();
    }
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|i| i as u32 + 1);
    match w.split_once('-') {
        Some((tens, u)) => {
            let t = TENS.iter().position(|x| *x == tens)? as u32;
            unit(u).filter(|&n| n < 10).map(|n| 20 + 10 * t + n)
        }
        None if w == "thirtieth" => Some(30),
        None => unit(&w),
    }
}

#[cfg(test)]
mod ordinal_tests {
    #[test]
    fn ordinals() {
        for (w, want) in [
            ("5th", true),
            ("21st", true),
            ("Fifth", true),
            ("twenty-first", true),
            ("5", false),
            ("firsthand", false),
            ("month", false),
        ] {
            assert_eq!(super::is_ordinal(w), want, "{w}");
        }
        for (w, n) in [("5th", 5), ("Fifth", 5), ("twenty-first", 21), ("thirtieth", 30), ("first", 1)] {
            assert_eq!(super::ordinal_value(w), Some(n), "{w}");
        }
    }
}
