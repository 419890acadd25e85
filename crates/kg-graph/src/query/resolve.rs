//! Names as a person types them.
//!
//! A name finds a node, from the most to the least exact match (the first tier with a
//! match decides):
//!
//! 0. its id (`person:vladimir-putin`);
//! 1. its label, an alias, or the name part of its id, in any case, with or without
//!    accents and punctuation ("erdogan", "Erdoğan", "vladimir-putin");
//! 2. the same up to transliteration: "Zelensky", "Zelenskiy" and "Zelenskyy" are one
//!    name (y/i, doubled vowels, -iy/-ij endings, kh/h, w/v) — but a doubled consonant
//!    is a typo, not a spelling;
//! 3. every word typed is a word of the label or of one alias, up to transliteration:
//!    "Fidan" finds Hakan Fidan, "Istanbul" finds the talks in Istanbul when only
//!    meetings are asked for.
//!
//! Two or more nodes in the deciding tier make the name ambiguous. No match at all
//! gives [`NameError::Unknown`] with the closest labels by edit distance.

use std::fmt;

use kg_extract::EntityKind;

use super::names::{names, slug_into, Query, Scratch, WORDS};
use super::NodeRef;
use crate::{Graph, Node};

/// Why a name did not find exactly one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Nothing has that name; the closest labels, best first.
    Unknown { name: String, suggestions: Vec<NodeRef> },
    /// Several nodes answer to the name equally well.
    Ambiguous { name: String, candidates: Vec<NodeRef> },
    /// The name is known, but not as any of the kinds the question asks for.
    WrongKind { name: String, found: Vec<NodeRef>, wanted: Vec<EntityKind> },
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Unknown { name, suggestions } => {
                write!(f, "no entity named {name:?}")?;
                if !suggestions.is_empty() {
                    let labels: Vec<String> = suggestions.iter().map(|s| s.label.clone()).collect();
                    write!(f, "; did you mean {}?", or_list(&labels))?;
                }
                Ok(())
            }
            NameError::Ambiguous { name, candidates } => {
                let list: Vec<String> = candidates.iter().map(|c| format!("{} ({})", c.label, c.id)).collect();
                write!(f, "{name:?} is ambiguous: it may be {}; give the full name or the id", or_list(&list))
            }
            NameError::WrongKind { name, found, wanted } => {
                let list: Vec<String> =
                    found.iter().map(|c| format!("the {} {} ({})", c.kind, c.label, c.id)).collect();
                let wanted: Vec<String> = wanted.iter().map(|k| k.to_string()).collect();
                write!(f, "{name:?} is {}, not a {}", or_list(&list), or_list(&wanted))
            }
        }
    }
}

impl std::error::Error for NameError {}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The node `name` refers to, among nodes of `kinds` (all kinds when empty).
pub fn resolve<'g>(graph: &'g Graph, name: &str, kinds: &[EntityKind]) -> Result<&'g Node, NameError> {
    let (wanted, other) = candidates(graph, name, kinds);
    match wanted.as_slice() {
        [one] => Ok(one),
        [] if !other.is_empty() => Err(NameError::WrongKind {
            name: name.to_string(),
            found: other.into_iter().map(NodeRef::of).collect(),
            wanted: kinds.to_vec(),
        }),
        [] => {
            let suggestions = suggestions(graph, name, kinds, 3).into_iter().map(NodeRef::of).collect();
            Err(NameError::Unknown { name: name.to_string(), suggestions })
        }
        many => Err(NameError::Ambiguous {
            name: name.to_string(),
            candidates: many.iter().map(|n| NodeRef::of(n)).collect(),
        }),
    }
}

/// In one pass over the graph: the nodes of `kinds` in the best tier that `name`
/// matches, and the best matches among the other kinds, each in id order.
fn candidates<'g>(graph: &'g Graph, name: &str, kinds: &[EntityKind]) -> (Vec<&'g Node>, Vec<&'g Node>) {
    let query = Query::new(name);
    let mut scratch = Scratch::default();
    let mut wanted = (u8::MAX, Vec::new());
    let mut other = (u8::MAX, Vec::new());
    if query.slug.is_empty() {
        return (wanted.1, other.1);
    }
    for node in graph.nodes() {
        let best = if kinds.is_empty() || kinds.contains(&node.kind) { &mut wanted } else { &mut other };
        let Some(tier) = query.tier(node, best.0, &mut scratch) else { continue };
        if tier < best.0 {
            *best = (tier, Vec::new());
        }
        best.1.push(node);
    }
    (wanted.1, other.1)
}

/// Every node that `text` names or that has it inside a name or its id, with the tier
/// of the match (0 to 3 as for [`resolve`], 4 for text inside a name), best first, then
/// by label.
pub(crate) fn ranked<'g>(graph: &'g Graph, text: &str) -> Vec<(u8, &'g Node)> {
    let query = Query::new(text);
    if query.slug.is_empty() {
        return Vec::new();
    }
    let mut scratch = Scratch::default();
    let mut out: Vec<(u8, &Node)> = graph
        .nodes()
        .filter_map(|node| {
            let tier = query.tier(node, WORDS, &mut scratch);
            let tier = tier.or_else(|| query.is_inside(node, &mut scratch).then_some(WORDS + 1))?;
            Some((tier, node))
        })
        .collect();
    out.sort_by(|a, b| (a.0, &a.1.label, &a.1.id).cmp(&(b.0, &b.1.label, &b.1.id)));
    out
}

/// Up to `limit` nodes of `kinds` (all when empty) whose label, alias or a word of one
/// is closest to `name` by edit distance (transpositions count one), within a third of
/// its length (at least one edit); closest first, then by label.
pub fn suggestions<'g>(graph: &'g Graph, name: &str, kinds: &[EntityKind], limit: usize) -> Vec<&'g Node> {
    let query = Query::new(name);
    if query.slug.is_empty() {
        return Vec::new();
    }
    let one_word = !query.slug.contains('-');
    let max = (query.slug.len() / 3).max(1);
    let mut scratch = Scratch::default();
    let mut scored: Vec<(usize, &Node)> = Vec::new();
    for node in graph.nodes().filter(|n| kinds.is_empty() || kinds.contains(&n.kind)) {
        let mut best = usize::MAX;
        for name in names(node) {
            slug_into(name, &mut scratch.slug);
            best = best.min(distance(&query.slug, &scratch.slug, max));
            if one_word {
                for word in scratch.slug.split('-') {
                    best = best.min(distance(&query.slug, word, max));
                }
            }
        }
        if best <= max {
            scored.push((best, node));
        }
    }
    scored.sort_by(|a, b| (a.0, &a.1.label, &a.1.id).cmp(&(b.0, &b.1.label, &b.1.id)));
    scored.into_iter().take(limit).map(|(_, n)| n).collect()
}

/// Edit distance, or `usize::MAX` when the lengths alone rule out `max` or fewer edits.
fn distance(a: &str, b: &str, max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return usize::MAX;
    }
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::fixture::sample;

    fn id(r: Result<&Node, NameError>) -> String {
        r.map(|n| n.id.clone()).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn resolves_as_a_person_types() {
        let g = sample();
        for (name, want) in [
            ("person:volodymyr-zelenskyy", "person:volodymyr-zelenskyy"),
            ("Volodymyr Zelenskyy", "person:volodymyr-zelenskyy"),
            ("zelenskyy", "person:volodymyr-zelenskyy"),
            ("Zelensky", "person:volodymyr-zelenskyy"),
            ("ZELENSKIY", "person:volodymyr-zelenskyy"),
            ("erdogan", "person:recep-tayyip-erdogan"),
            ("Erdoğan", "person:recep-tayyip-erdogan"),
            ("Fidan", "person:hakan-fidan"),
            ("hakan  fidan", "person:hakan-fidan"),
            ("vladimir-putin", "person:vladimir-putin"),
            ("russia", "country:ru"),
        ] {
            assert_eq!(id(resolve(&g, name, &[])), want, "{name}");
        }
    }

    #[test]
    fn kinds_narrow_the_search() {
        let g = sample();
        assert_eq!(id(resolve(&g, "Istanbul", &[])), "location:istanbul");
        assert_eq!(id(resolve(&g, "Istanbul", &[EntityKind::Meeting])), "meeting:talks-istanbul@2025-05-16");
        let err = resolve(&g, "Russia", &[EntityKind::Person]).map(|n| n.id.clone());
        assert!(matches!(err, Err(NameError::WrongKind { .. })), "{err:?}");
    }

    #[test]
    fn typos_get_suggestions() {
        let g = sample();
        let err = resolve(&g, "Zelenskky", &[EntityKind::Person]).map(|n| n.id.clone());
        let Err(e @ NameError::Unknown { .. }) = err else { panic!("expected unknown, got {err:?}") };
        assert_eq!(e.to_string(), "no entity named \"Zelenskky\"; did you mean Volodymyr Zelenskyy?");
        let err = resolve(&g, "qqqqqqqq", &[]).map(|n| n.id.clone());
        assert_eq!(err.map_err(|e| e.to_string()), Err("no entity named \"qqqqqqqq\"".to_string()));
    }

    #[test]
    fn ambiguous_names_list_candidates() {
        let g = sample();
        let err = resolve(&g, "Vladimir", &[]).map(|n| n.id.clone()).map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err("\"Vladimir\" is ambiguous: it may be Vladimir Medinsky (person:vladimir-medinsky) or \
                 Vladimir Putin (person:vladimir-putin); give the full name or the id"
                .to_string())
        );
    }
}
