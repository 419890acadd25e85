//! Name normalisation and type names: score.py's `norm()`, `node_type()` and its fixed
//! vocabularies (entity types, type synonyms, relation names).

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// The entity types score.py counts, sorted (the order its report prints them in).
pub const ENTITY_TYPES: [&str; 6] = ["country", "delegation", "location", "meeting", "organization", "person"];

/// The relation names score.py counts, sorted; edges with other names are ignored.
pub const RELATIONS: [&str; 8] =
    ["attends", "held_in", "leads_delegation", "located_in", "member_of", "met_with", "official_of", "represents"];

/// Relations whose direction does not matter.
pub const SYMMETRIC: [&str; 1] = ["met_with"];

/// Other names systems use for the entity types.
const TYPE_SYNONYMS: [(&str, &str); 15] = [
    ("official", "person"),
    ("per", "person"),
    ("people", "person"),
    ("org", "organization"),
    ("organisation", "organization"),
    ("place", "location"),
    ("city", "location"),
    ("loc", "location"),
    ("geo", "location"),
    ("event", "meeting"),
    ("talks", "meeting"),
    ("summit", "meeting"),
    ("nation", "country"),
    ("gpe", "country"),
    ("state", "country"),
];

/// score.py's `norm()`: compatibility-decomposed, accents dropped, lower case, curly
/// quotes straightened, possessive `'s` dropped, every run of characters other than
/// `a-z0-9` made one space, trimmed, and a leading "the", "a" or "an" dropped.
pub fn norm(s: &str) -> String {
    let bare: String = s.nfkd().filter(|&c| canonical_combining_class(c) == 0).collect();
    let lower: Vec<char> = bare
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect();

    // re.sub(r"'s\b", "", s)
    let mut kept = Vec::with_capacity(lower.len());
    let mut i = 0;
    while i < lower.len() {
        let possessive =
            lower[i] == '\'' && lower.get(i + 1) == Some(&'s') && !matches!(lower.get(i + 2), Some(&c) if is_word(c));
        if possessive {
            i += 2;
        } else {
            kept.push(lower[i]);
            i += 1;
        }
    }

    // re.sub(r"[^a-z0-9]+", " ", s).strip()
    let mut out = String::with_capacity(kept.len());
    let mut gap = false;
    for c in kept {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }

    // re.sub(r"^(the|a|an) ", "", s)
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = out.strip_prefix(article) {
            return rest.to_string();
        }
    }
    out
}

/// A word character of Python's `re` on text: alphanumeric (letters and numbers, not
/// marks) or `_`.
fn is_word(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_combining_mark(c))
}

/// score.py's `node_type()`: trimmed, lower case, synonyms mapped to the type names.
pub fn node_type(t: &str) -> String {
    let t = t.trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)).to_lowercase();
    TYPE_SYNONYMS.iter().find(|(from, _)| *from == t).map_or(t, |(_, to)| (*to).to_string())
}

pub fn is_entity_type(t: &str) -> bool {
    ENTITY_TYPES.contains(&t)
}

pub fn is_relation(r: &str) -> bool {
    RELATIONS.contains(&r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_matches_score_py() {
        // expected values computed with score.py's norm()
        let cases = [
            ("Volodymyr Zelenskyy", "volodymyr zelenskyy"),
            ("the Ukrainian leader", "ukrainian leader"),
            ("The  U.S.", "u s"),
            ("an envoy", "envoy"),
            ("A", "a"),
            ("the", "the"),
            ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
            ("Zelenskyy\u{2019}s office", "zelenskyy office"),
            ("Trump's", "trump"),
            ("Trump'sX", "trump sx"),
            ("it's_x", "it s x"),
            ("ＡＢＣ ﬁ", "abc fi"),
            ("Москва", ""),
            ("Łukasz Ørsted", "ukasz rsted"),
            ("  --Kyiv--  ", "kyiv"),
            ("The the Hague", "the hague"),
            ("Straße", "stra e"),
            ("O'Brien", "o brien"),
            ("x's\u{0301}", "x"),
            ("x's\u{093e}", "x"),
            ("x'sé", "x se"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(norm(input), want, "norm({input:?})");
        }
    }

    #[test]
    fn node_types_map_synonyms() {
        assert_eq!(node_type(" GPE "), "country");
        assert_eq!(node_type("Official"), "person");
        assert_eq!(node_type("organisation"), "organization");
        assert_eq!(node_type("Talks\x1f"), "meeting");
        assert_eq!(node_type("thing"), "thing");
    }
}
