//! GraphML, for Gephi, yEd, Cytoscape, networkx (`nx.read_graphml`) and igraph
//! (`Graph.Read_GraphML`), written with quick-xml.
//!
//! Every property is declared as a `<key>` with `attr.name` and `attr.type`: for nodes
//! `label` (Gephi and yEd take the node label from it), `type`, `aliases` (joined with
//! `"; "`) and one key per entity attribute (`title`, `date`, `iso`...); for edges
//! `label` (the relation, with its status when it did not occur), `key`, `relation`,
//! `status`, `count` (`int`: pieces of evidence), `evidence` (the first sentence), `docs`
//! and the relation attributes. Node ids are the entity ids. Edges get ids `e0, e1...`,
//! so parallel edges (a `met_with` that occurred and one that was planned) stay apart;
//! networkx uses them as the multigraph keys.
//!
//! ```xml
//! <graph id="kg" edgedefault="directed">
//!   <node id="person:hakan-fidan">
//!     <data key="d0">Hakan Fidan</data>
//! ```

use kg_graph::Graph;

use crate::props::{edge_ids, edge_label, edge_value, node_value, Kind, Schema};
use crate::xml::Doc;

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The graph as a GraphML document.
pub fn to_graphml(graph: &Graph) -> String {
    let schema = Schema::of(graph);
    let mut doc = Doc::new();
    doc.open(
        "graphml",
        &[
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
        ],
    );

    // Key ids: d0, d1... for node properties, then edge `label` and edge properties.
    let node_keys: Vec<(String, &str, Kind)> =
        schema.node.iter().enumerate().map(|(i, c)| (format!("d{i}"), c.name.as_str(), c.kind)).collect();
    let edge_keys: Vec<(String, &str, Kind)> = std::iter::once(("label", Kind::Str))
        .chain(schema.edge.iter().map(|c| (c.name.as_str(), c.kind)))
        .enumerate()
        .map(|(i, (name, kind))| (format!("d{}", node_keys.len() + i), name, kind))
        .collect();
    for (target, keys) in [("node", &node_keys), ("edge", &edge_keys)] {
        for (id, name, kind) in keys {
            let ty = if *kind == Kind::Int { "int" } else { "string" };
            doc.empty("key", &[("id", id), ("for", target), ("attr.name", name), ("attr.type", ty)]);
        }
    }

    doc.open("graph", &[("id", "kg"), ("edgedefault", "directed")]);
    for node in graph.nodes() {
        doc.open("node", &[("id", &node.id)]);
        for (key, name, _) in &node_keys {
            if let Some(value) = node_value(node, name) {
                doc.text("data", &[("key", key)], &value.joined());
            }
        }
        doc.close("node");
    }
    for ((source, target, edge), id) in graph.edges().zip(edge_ids(graph)) {
        doc.open("edge", &[("id", &id), ("source", &source.id), ("target", &target.id)]);
        for (key, name, _) in &edge_keys {
            let value =
                if *name == "label" { Some(edge_label(edge)) } else { edge_value(edge, name).map(|v| v.joined()) };
            if let Some(value) = value {
                doc.text("data", &[("key", key)], &value);
            }
        }
        doc.close("edge");
    }
    doc.close("graph");
    doc.close("graphml");
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_graphml(&fixture::graph()));
    }

    #[test]
    fn declares_typed_keys_including_label() {
        let xml = to_graphml(&fixture::graph());
        assert!(xml.contains(r#"<key id="d0" for="node" attr.name="label" attr.type="string"/>"#));
        assert!(xml.contains(r#"for="edge" attr.name="count" attr.type="int"/>"#));
        assert!(xml.contains(r#"for="node" attr.name="title" attr.type="string"/>"#));
    }

    #[test]
    fn parallel_edges_have_their_own_ids() {
        let g = fixture::graph();
        let xml = to_graphml(&g);
        assert_eq!(xml.matches("<edge id=\"e").count(), g.edge_count());
        assert_eq!(xml.matches(r#"source="person:hakan-fidan" target="person:marco-rubio""#).count(), 2);
    }

    #[test]
    fn empty_graph_is_a_valid_document() {
        let xml = to_graphml(&Graph::new());
        assert!(xml.contains("<graph id=\"kg\" edgedefault=\"directed\">"));
        assert!(xml.ends_with("</graphml>\n"));
    }
}
