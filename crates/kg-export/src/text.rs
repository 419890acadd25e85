//! A plain-text summary of a graph, for terminals and reviews.
//!
//! ```text
//! Persons (2)
//!   Hakan Fidan — Foreign Minister [person:hakan-fidan]
//!
//! Relations (1)
//!   Hakan Fidan -[met_with]-> Marco Rubio
//!     "Fidan and Rubio met again on Friday." [b.txt#0 met_with-rule]
//! ```

use std::fmt::Write as _;

use kg_extract::{EntityKind, Status};
use kg_graph::Graph;

/// Evidence sentences longer than this many characters are cut, with an ellipsis.
pub const EVIDENCE_WIDTH: usize = 100;

/// The summary: one section per entity kind that has entities (in [`EntityKind::ALL`]
/// order, entities in id order), then every relation in edge key order with its first
/// piece of evidence.
pub fn to_text(graph: &Graph) -> String {
    let mut out = String::new();
    for kind in EntityKind::ALL {
        let nodes: Vec<_> = graph.nodes().filter(|n| n.kind == kind).collect();
        if nodes.is_empty() {
            continue;
        }
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{} ({})", heading(kind), nodes.len());
        for node in nodes {
            out.push_str("  ");
            out.push_str(&one_line(&node.label));
            if let Some(title) = node.attributes.get("title").map(|t| one_line(t)) {
                if !title.is_empty() {
                    out.push_str(" — ");
                    out.push_str(&title);
                }
            }
            let _ = writeln!(out, " [{}]", one_line(&node.id));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "Relations ({})", graph.edge_count());
    for (source, target, edge) in graph.edges() {
        let _ = write!(out, "  {} -[{}]-> {}", one_line(&source.label), edge.relation, one_line(&target.label));
        if edge.status != Status::Occurred {
            let _ = write!(out, "  ({})", edge.status);
        }
        out.push('\n');
        if let Some(ev) = edge.evidence.first() {
            let _ = write!(
                out,
                "    \"{}\" [{}#{} {}]",
                shorten(&one_line(&ev.text), EVIDENCE_WIDTH),
                one_line(&ev.doc),
                ev.sentence,
                one_line(&ev.rule)
            );
            if edge.count > 1 {
                let _ = write!(out, " (+{} more)", edge.count - 1);
            }
            out.push('\n');
        }
    }
    out
}

fn heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Persons",
        EntityKind::Country => "Countries",
        EntityKind::Organization => "Organizations",
        EntityKind::Location => "Locations",
        EntityKind::Delegation => "Delegations",
        EntityKind::Meeting => "Meetings",
    }
}

/// Collapses every run of whitespace (including line breaks) and control characters
/// to a single space and trims, so one item stays on one line.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// At most `max` characters of `text`: when longer, the first `max - 1` characters
/// (trailing spaces dropped) followed by `…`. Cuts on char boundaries.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let keep = max.saturating_sub(1);
    let cut = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let mut out = text[..cut].trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_text(&fixture::graph()));
    }

    #[test]
    fn shorten_cuts_on_char_boundaries() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("exactly10!", 10), "exactly10!");
        assert_eq!(shorten("abcdefghijk", 5), "abcd…");
        // Multi-byte characters around the cut must not panic.
        assert_eq!(shorten("ÄÖÜßéèàç", 4), "ÄÖÜ…");
        assert_eq!(shorten("北京上海广州深圳", 3), "北京…");
        assert_eq!(shorten("ab cd", 4), "ab…");
        assert_eq!(shorten("abc", 0), "…");
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  a\n b\r\n\tc\0d  "), "a b c d");
        assert_eq!(one_line(""), "");
    }

    #[test]
    fn empty_graph() {
        assert_eq!(to_text(&Graph::new()), "Relations (0)\n");
    }
}
