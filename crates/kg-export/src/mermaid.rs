//! Mermaid flowcharts, for Markdown on GitHub and GitLab, Notion, Obsidian and the
//! Mermaid live editor:
//!
//! ````markdown
//! ```mermaid
//! flowchart LR
//!   %% n0 = person:hakan-fidan
//!   n0["Hakan Fidan"]
//!   n0 ---|"met_with"| n1
//!   n0 -.->|"official_of (planned)"| n2
//!   classDef person fill:#ffd8a8,stroke:#555555
//!   class n0,n1 person
//! ```
//! ````
//!
//! Node ids are generated (`n0, n1...` in entity id order), so no entity id has to be a
//! valid Mermaid id and none collides with a keyword such as `end`, `graph` or
//! `subgraph`; a comment maps each back to its entity id. Labels are always quoted and
//! escaped by [`escape`] with Mermaid's entity codes (`#quot;`, `#35;`), so quotes,
//! `-->`, `end`, `;`, brackets and markup inside a label are plain text. `met_with` edges
//! have no arrowhead; relations that did not occur are dotted. Classes colour nodes by
//! entity type.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use kg_extract::{EntityKind, RelationKind, Status};
use kg_graph::Graph;

use crate::props::edge_label;

/// The graph as a Mermaid flowchart (without the Markdown fence).
pub fn to_mermaid(graph: &Graph) -> String {
    let mut out = String::from("flowchart LR\n");
    let mut ids: BTreeMap<&str, String> = BTreeMap::new();
    let mut classes: BTreeMap<EntityKind, Vec<String>> = BTreeMap::new();
    for (i, node) in graph.nodes().enumerate() {
        let id = format!("n{i}");
        let _ = writeln!(out, "  %% {id} = {}", comment(&node.id));
        let shown = if node.label.is_empty() { &node.id } else { &node.label };
        let _ = writeln!(out, "  {id}[\"{}\"]", escape(shown));
        classes.entry(node.kind).or_default().push(id.clone());
        ids.insert(node.id.as_str(), id);
    }
    for (source, target, edge) in graph.edges() {
        let (Some(s), Some(t)) = (ids.get(source.id.as_str()), ids.get(target.id.as_str())) else {
            continue;
        };
        let arrow = match (edge.relation == RelationKind::MetWith, edge.status == Status::Occurred) {
            (true, true) => "---",
            (true, false) => "-.-",
            (false, true) => "-->",
            (false, false) => "-.->",
        };
        let _ = writeln!(out, "  {s} {arrow}|\"{}\"| {t}", escape(&edge_label(edge)));
    }
    for (kind, members) in &classes {
        let _ = writeln!(out, "  classDef {} fill:{},stroke:#555555", kind.as_str(), fill(*kind));
        let _ = writeln!(out, "  class {} {}", members.join(","), kind.as_str());
    }
    out
}

/// Escapes text for a double-quoted Mermaid label. Mermaid decodes `#name;` and `#NNN;`
/// entity codes in labels (before parsing, so nothing escaped can end the string) and
/// renders labels as HTML:
///
/// * `"` → `#quot;`, `#` → `#35;` (so a literal `#quot;` stays literal), `&` → `#amp;`,
///   `<` → `#lt;`, `>` → `#gt;` (so `-->` and markup are text);
/// * `:` → `#58;` and `;` → `#59;` (Mermaid's entity pre-pass treats lines with
///   `style…:…#…;` specially), `` ` `` → `#96;` (a leading backtick would start a
///   Markdown string), `¶` → `#182;` and `ﬂ` → `#64258;` (Mermaid's own placeholders);
/// * a line break → `<br>` (`\r` → `#13;`), other control characters → `#NNN;`.
///
/// Every other character, including non-Latin scripts, is written as is.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' => out.push_str("<br>"),
            ':' | ';' | '`' | '¶' | 'ﬂ' | '\r' => {
                let _ = write!(out, "#{};", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for a `%%` comment: kept on one line.
fn comment(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Fill colour by entity type (the palette of the DOT writer).
fn fill(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "#ffd8a8",
        EntityKind::Country => "#a5d8ff",
        EntityKind::Organization => "#b2f2bb",
        EntityKind::Location => "#ffec99",
        EntityKind::Delegation => "#d0bfff",
        EntityKind::Meeting => "#ffc9c9",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_mermaid(&fixture::graph()));
    }

    #[test]
    fn escapes_everything_mermaid_would_read() {
        assert_eq!(escape(r#"say "hi""#), "say #quot;hi#quot;");
        assert_eq!(escape("a --> b; end"), "a --#gt; b#59; end");
        assert_eq!(escape("<b>AT&T</b> #quot;"), "#lt;b#gt;AT#amp;T#lt;/b#gt; #35;quot#59;");
        assert_eq!(escape("one\ntwo\r\nthree"), "one<br>two#13;<br>three");
        assert_eq!(escape("`md` style:x"), "#96;md#96; style#58;x");
        assert_eq!(escape("Москва 北京 الرياض"), "Москва 北京 الرياض");
    }

    #[test]
    fn ids_are_generated_and_labels_quoted() {
        let g = fixture::graph();
        let chart = to_mermaid(&g);
        assert!(chart.starts_with("flowchart LR\n"));
        for i in 0..g.node_count() {
            assert!(chart.contains(&format!("\n  n{i}[\"")));
        }
        assert!(chart.contains("---|\"met_with\"|"));
        assert!(chart.contains("-.-|\"met_with (planned)\"|"));
        assert!(!chart.contains("person:hakan-fidan\"]"));
    }
}
