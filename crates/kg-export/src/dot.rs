//! Graphviz DOT output, written with the `dot-writer` crate.
//!
//! Nodes get generated ids `n0, n1, ...` (in node id order) and carry the entity id in
//! their `tooltip`, so no entity id ever has to be a valid DOT identifier. Every
//! quoted value goes through [`escape`], because `dot-writer` writes quoted attribute
//! values verbatim.

use std::collections::BTreeMap;

use dot_writer::{Attributes, DotWriter, RankDirection, Style};
use kg_extract::{EntityKind, RelationKind, Status};
use kg_graph::{Graph, Node};

/// The graph as a Graphviz digraph (`rankdir=LR`), ready for `dot -Tsvg`.
///
/// Nodes are shaped and filled by entity kind; persons show their `title` attribute on
/// a second line. Edges are labelled with the relation name (plus the status when it is
/// not `occurred`, in which case the edge is dashed); `met_with` edges have no arrow.
pub fn to_dot(graph: &Graph) -> String {
    let mut bytes = Vec::new();
    {
        let mut writer = DotWriter::from(&mut bytes);
        writer.set_pretty_print(true);
        let mut digraph = writer.digraph();
        digraph.set_rank_direction(RankDirection::LeftRight);
        digraph.node_attributes().set_style(Style::Filled).set("fontsize", "12", false);
        digraph.edge_attributes().set("fontsize", "10", false).set("color", "#555555", true);

        let mut ids: BTreeMap<&str, String> = BTreeMap::new();
        for (i, node) in graph.nodes().enumerate() {
            let dot_id = format!("n{i}");
            let (shape, fill) = look(node.kind);
            digraph
                .node_named(dot_id.as_str())
                .set_label(&node_label(node))
                .set("shape", shape, false)
                .set("fillcolor", fill, true)
                .set("tooltip", &escape(&node.id), true);
            ids.insert(node.id.as_str(), dot_id);
        }

        for (source, target, edge) in graph.edges() {
            let (Some(s), Some(t)) = (ids.get(source.id.as_str()), ids.get(target.id.as_str())) else {
                continue;
            };
            let mut label = edge.relation.as_str().to_string();
            if edge.status != Status::Occurred {
                label.push_str(" (");
                label.push_str(edge.status.as_str());
                label.push(')');
            }
            let mut attrs = digraph.edge(s, t).attributes();
            attrs.set_label(&escape(&label));
            if edge.relation == RelationKind::MetWith {
                attrs.set("dir", "none", false);
            }
            if edge.status != Status::Occurred {
                attrs.set_style(Style::Dashed);
            }
        }
    }
    // Everything written is UTF-8 (escaped Rust strings and ASCII syntax).
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Shape and fill colour of a node of this kind.
pub(crate) fn look(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#ffd8a8"),
        EntityKind::Country => ("box", "#a5d8ff"),
        EntityKind::Organization => ("box3d", "#b2f2bb"),
        EntityKind::Location => ("house", "#ffec99"),
        EntityKind::Delegation => ("folder", "#d0bfff"),
        EntityKind::Meeting => ("doubleoctagon", "#ffc9c9"),
    }
}

/// The escaped label of a node: its label (or id when the label is empty), and for
/// persons with a title, the title on a second line.
pub(crate) fn node_label(node: &Node) -> String {
    let main = if node.label.trim().is_empty() { &node.id } else { &node.label };
    let mut label = escape(main);
    if node.kind == EntityKind::Person {
        if let Some(title) = node.attributes.get("title").filter(|t| !t.trim().is_empty()) {
            label.push_str("\\n");
            label.push_str(&escape(title));
        }
    }
    label
}

/// Escapes text for a double-quoted DOT string used as an escString (labels,
/// tooltips), so that Graphviz renders it literally:
///
/// * `\` → `\\` (otherwise `\n`, `\N`, `\G`, `\l`... would be interpreted),
/// * `"` → `\"`,
/// * line breaks (`\r\n`, `\n`, `\r`) → `\n` (a centred line break),
/// * `&` → `&amp;` (Graphviz decodes HTML entities such as `&#x41;` in labels),
/// * other control characters → a space.
///
/// `<` and `>` need no escaping inside quotes; non-Latin scripts pass through.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_dot(&fixture::graph()));
    }

    #[test]
    fn escapes_dot_metacharacters() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape("AT&T <b>"), "AT&amp;T <b>");
        assert_eq!(escape("tab\tnul\0"), "tab nul ");
        assert_eq!(escape("Москва 北京 الرياض"), "Москва 北京 الرياض");
        assert_eq!(escape(""), "");
        assert_eq!(escape("\\"), "\\\\");
    }

    #[test]
    fn empty_graph_is_an_empty_digraph() {
        let dot = to_dot(&Graph::new());
        assert!(dot.starts_with("digraph {"));
        assert!(dot.trim_end().ends_with('}'));
        assert!(!dot.contains("->"));
    }

    #[test]
    fn met_with_is_undirected_and_planned_is_dashed() {
        let dot = to_dot(&fixture::graph());
        let planned = dot.lines().find(|l| l.contains("met_with (planned)")).expect("planned met_with edge");
        assert!(planned.contains("dir=none"));
        assert!(planned.contains("style=\"dashed\""));
        let occurred = dot.lines().find(|l| l.contains("label=\"met_with\"")).expect("occurred met_with edge");
        assert!(!occurred.contains("dashed"));
    }
}
