//! networkx node-link JSON (`--format node-link`), flattened for networkx users.
//!
//! Unlike kg's own [`crate::json`], entity and relation attributes are properties of
//! their own (`G.nodes[n]["title"]`, not `G.nodes[n]["attributes"]["title"]`), and the
//! relation list is written twice, under `edges` and under `links`, so that both
//! networkx 3.6 (`nx.node_link_graph(data)`, which reads `edges`) and networkx 3.4/3.5
//! (which read `links` unless told `edges="edges"`) load it. The graph is directed and a
//! multigraph; edge `key`s are unique between two nodes.
//!
//! ```json
//! {"directed": true, "multigraph": true,
//!  "graph": {"generator": "kg 0.1.0", "documents": ["a.txt"]},
//!  "nodes": [{"id": "person:hakan-fidan", "label": "Hakan Fidan", "type": "person",
//!             "aliases": ["Fidan"], "title": "Foreign Minister"}],
//!  "edges": [{"source": "...", "target": "...", "key": "met_with", "relation": "met_with",
//!             "status": "occurred", "count": 1, "docs": ["a.txt"],
//!             "evidence": [{"doc": "a.txt", "sentence": 0, "start": 0, "end": 9,
//!                           "rule": "...", "text": "..."}]}],
//!  "links": ["... the same as edges ..."]}
//! ```

use kg_graph::Graph;
use serde_json::{Map, Value};

use crate::json::{evidence_value, GraphMeta};
use crate::props::{self, Schema};

/// The node-link document, pretty-printed, with a trailing newline.
pub fn to_node_link(graph: &Graph, meta: &GraphMeta) -> String {
    let mut text = serde_json::to_string_pretty(&to_node_link_value(graph, meta)).unwrap_or_default();
    text.push('\n');
    text
}

/// The node-link document as a JSON value.
pub fn to_node_link_value(graph: &Graph, meta: &GraphMeta) -> Value {
    let schema = Schema::of(graph);
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|node| {
            let mut m = Map::new();
            m.insert("id".into(), node.id.clone().into());
            for column in &schema.node {
                if let Some(value) = props::node_value(node, &column.name) {
                    m.insert(column.name.clone(), value.to_json());
                }
            }
            Value::Object(m)
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .map(|(source, target, edge)| {
            let mut m = Map::new();
            m.insert("source".into(), source.id.clone().into());
            m.insert("target".into(), target.id.clone().into());
            for column in &schema.edge {
                if column.name == "evidence" {
                    m.insert("evidence".into(), edge.evidence.iter().map(evidence_value).collect());
                } else if let Some(value) = props::edge_value(edge, &column.name) {
                    m.insert(column.name.clone(), value.to_json());
                }
            }
            Value::Object(m)
        })
        .collect();

    let mut graph_attrs = Map::new();
    graph_attrs.insert("generator".into(), meta.generator.clone().into());
    graph_attrs.insert("documents".into(), meta.documents.iter().map(|d| Value::from(d.as_str())).collect());
    let mut doc = Map::new();
    doc.insert("directed".into(), true.into());
    doc.insert("multigraph".into(), true.into());
    doc.insert("graph".into(), Value::Object(graph_attrs));
    doc.insert("nodes".into(), Value::Array(nodes));
    doc.insert("links".into(), Value::Array(edges.clone()));
    doc.insert("edges".into(), Value::Array(edges));
    Value::Object(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        let meta = GraphMeta { generator: "kg 0.1.0".into(), documents: vec!["a.txt".into(), "b.txt".into()] };
        insta::assert_snapshot!(to_node_link(&fixture::graph(), &meta));
    }

    #[test]
    fn edges_and_links_are_the_same_flat_list() {
        let g = fixture::graph();
        let v = to_node_link_value(&g, &GraphMeta::default());
        assert_eq!(v["edges"], v["links"]);
        assert_eq!(v["edges"].as_array().map(Vec::len), Some(g.edge_count()));
        let fidan = v["nodes"].as_array().into_iter().flatten().find(|n| n["id"] == "person:hakan-fidan");
        assert_eq!(fidan.map(|n| &n["title"]), Some(&Value::from("Foreign Minister")));
        let held_in = v["edges"].as_array().into_iter().flatten().find(|e| e["relation"] == "held_in");
        assert_eq!(held_in.map(|e| &e["venue"]), Some(&Value::from("Dolmabahçe Palace")));
    }
}
