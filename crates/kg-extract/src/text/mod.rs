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
pub use recase::recased;
pub use segment::{segment, segment_into, Sentence, Token, MAX_SENTENCE_BYTES, MAX_SENTENCE_TOKENS};
pub use unwrap::unwrapped;
pub use word_set::{WordSet, Words};

/// Whether a word is an ordinal: "5th", "21st", "fifth", "twenty-first".
pub fn is_ordinal(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return matches!(&w[digits..], "st" | "nd" | "rd" | "th");
    }
    let last = w.rsplit('-').next().unwrap_or(&w);
    matches!(
        last,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "thirteenth"
            | "fourteenth"
            | "fifteenth"
            | "sixteenth"
            | "seventeenth"
            | "eighteenth"
            | "nineteenth"
            | "twentieth"
            | "thirtieth"
    )
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
    }
}
