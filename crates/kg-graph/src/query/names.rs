//! Comparable forms of names, computed into reused buffers so that matching a name
//! against every node of a large graph allocates nothing per node.
//!
//! * the slug: folded like `kg_extract::text::slug` (accents off, lower case, every run
//!   of other characters one `-`): "Erdoğan" and "erdogan" have one slug;
//! * the transliteration key of a slug: kh→h, w→v, y→i, a run of i one i, a final
//!   -ij one i: "Zelensky", "Zelenskiy" and "Zelenskyy" share one; a doubled
//!   consonant is kept, so "Zelenskky" (a typo) does not.

use kg_extract::text::fold;

use crate::Node;

/// Matching tiers, best first; see [`super::resolve`].
pub(crate) const ID: u8 = 0;
pub(crate) const NAME: u8 = 1;
pub(crate) const SPELLING: u8 = 2;
pub(crate) const WORDS: u8 = 3;

/// Writes the slug of `name` into `out`.
pub(crate) fn slug_into(name: &str, out: &mut String) {
    out.clear();
    let mut buf = [0u8; 4];
    for c in name.chars() {
        if c.is_ascii() {
            push_slug(c, out);
        } else {
            for f in fold(c.encode_utf8(&mut buf)).chars() {
                push_slug(f, out);
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
}

fn push_slug(c: char, out: &mut String) {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
    } else if !out.is_empty() && !out.ends_with('-') {
        out.push('-');
    }
}

/// Writes the transliteration key of a slug (or of one word of it) into `out`.
pub(crate) fn translit_into(slug: &str, out: &mut String) {
    out.clear();
    let b = slug.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let mut c = b[i];
        if c == b'k' && b.get(i + 1) == Some(&b'h') {
            c = b'h';
            i += 1;
        } else if c == b'w' {
            c = b'v';
        } else if c == b'y' {
            c = b'i';
        }
        i += 1;
        let word_end = i == b.len() || b[i] == b'-';
        let skip = (c == b'i' && out.ends_with('i')) || (c == b'j' && word_end && out.ends_with('i'));
        if !skip {
            out.push(char::from(c));
        }
    }
}

/// The transliteration key of a slug.
pub(crate) fn translit_key(slug: &str) -> String {
    let mut out = String::new();
    translit_into(slug, &mut out);
    out
}

/// The name part of an id: `vladimir-putin` in `person:vladimir-putin`, `talks-istanbul`
/// in `meeting:talks-istanbul@2025-05-16`.
fn local_id(id: &str) -> &str {
    let b = id.as_bytes();
    let start = b.iter().position(|&c| c == b':').map_or(0, |i| i + 1);
    let end = b[start..].iter().position(|&c| c == b'@').map_or(b.len(), |i| start + i);
    id.get(start..end).unwrap_or(id)
}

/// The label and aliases of a node.
pub(crate) fn names(node: &Node) -> impl Iterator<Item = &str> {
    std::iter::once(node.label.as_str()).chain(node.aliases.iter().map(String::as_str))
}

/// Buffers reused from node to node.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) slug: String,
    key: String,
    word: String,
}

/// A typed name in its comparable forms.
#[derive(Debug)]
pub(crate) struct Query {
    raw: String,
    pub(crate) slug: String,
    key: String,
    word_keys: Vec<String>,
}

impl Query {
    pub(crate) fn new(name: &str) -> Self {
        let mut slug = String::new();
        slug_into(name, &mut slug);
        let word_keys = slug.split('-').filter(|w| !w.is_empty()).map(translit_key).take(64).collect();
        Query { raw: name.trim().to_string(), key: translit_key(&slug), slug, word_keys }
    }

    /// The best tier at which the node matches, if it is `worst` or better.
    pub(crate) fn tier(&self, node: &Node, worst: u8, s: &mut Scratch) -> Option<u8> {
        if node.id == self.raw || node.id.eq_ignore_ascii_case(&self.raw) {
            return Some(ID);
        }
        if local_id(&node.id) == self.slug {
            return Some(NAME);
        }
        let mut best = None;
        for name in names(node) {
            slug_into(name, &mut s.slug);
            if s.slug == self.slug {
                return Some(NAME);
            }
            if worst < SPELLING || best == Some(SPELLING) {
                continue;
            }
            translit_into(&s.slug, &mut s.key);
            if s.key == self.key {
                best = Some(SPELLING);
                continue;
            }
            if worst < WORDS || best.is_some() || self.word_keys.is_empty() {
                continue;
            }
            let mut matched = 0u64;
            for word in s.slug.split('-') {
                translit_into(word, &mut s.word);
                for (i, key) in self.word_keys.iter().enumerate() {
                    if *key == s.word {
                        matched |= 1 << i;
                    }
                }
            }
            if matched.count_ones() as usize == self.word_keys.len() {
                best = Some(WORDS);
            }
        }
        best
    }

    /// Whether the typed text is inside the node's id or the slug of one of its names.
    pub(crate) fn is_inside(&self, node: &Node, s: &mut Scratch) -> bool {
        node.id.contains(&self.slug)
            || names(node).any(|n| {
                slug_into(n, &mut s.slug);
                s.slug.contains(&self.slug)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_as_kg_extract_does() {
        let mut out = String::new();
        for name in ["Recep Tayyip Erdoğan", "  NATO's  summit! ", "O’Brien", "Linas Linkevičius", "", "Türkiye"] {
            slug_into(name, &mut out);
            assert_eq!(out, kg_extract::text::slug(name), "{name}");
        }
    }

    #[test]
    fn transliteration_keys() {
        assert_eq!(translit_key("zelenskyy"), translit_key("zelensky"));
        assert_eq!(translit_key("zelenskiy"), translit_key("zelensky"));
        assert_eq!(translit_key("andrij-sybiha"), translit_key("andrii-sybiha"));
        assert_eq!(translit_key("khodorkovsky"), translit_key("hodorkovski"));
        assert_ne!(translit_key("zelenskky"), translit_key("zelenskyy"));
        assert_eq!(translit_key("zelenskyy"), "zelenski");
    }
}
