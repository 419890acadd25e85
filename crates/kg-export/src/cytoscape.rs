//! Cytoscape.js elements JSON, for Cytoscape (File › Import › Network from File),
//! Cytoscape.js (`cy.add(doc.elements)`) and networkx (`nx.cytoscape_graph`).
//!
//! ```json
//! {"data": {"name": "kg"}, "directed": true, "multigraph": true,
//!  "elements": {
//!    "nodes": [{"data": {"id": "person:hakan-fidan", "value": "person:hakan-fidan",
//!                        "name": "Hakan Fidan", "label": "Hakan Fidan", "type": "person",
//!                        "aliases": ["Fidan"], "title": "Foreign Minister"}}],
//!    "edges": [{"data": {"id": "e0", "source": "...", "target": "...",
//!                        "key": "met_with", "relation": "met_with", "interaction": "met_with",
//!                        "status": "occurred", "label": "met_with", "count": 2,
//!                        "evidence": "...", "docs": ["a.txt"]}}]}}
//! ```
//!
//! networkx needs the top-level `data`, `directed` and `multigraph`, and each node's
//! `value` (its networkx node, here the entity id, as `id` is for Cytoscape) and `name`;
//! edges carry `key`, unique between two nodes, for the multigraph. Edge ids (`e0, e1...`)
//! never equal a node id, as Cytoscape.js wants. Cytoscape desktop reads `interaction`
//! as the edge type.

use kg_graph::Graph;
use serde_json::{Map, Value};

use crate::props::{self, edge_ids, edge_label, Schema};

/// The graph as a Cytoscape.js elements JSON document, pretty-printed, with a trailing
/// newline.
pub fn to_cytoscape(graph: &Graph) -> String {
    let mut text = serde_json::to_string_pretty(&to_cytoscape_value(graph)).unwrap_or_default();
    text.push('\n');
    text
}

/// The Cytoscape.js elements document as a JSON value.
pub fn to_cytoscape_value(graph: &Graph) -> Value {
    let schema = Schema::of(graph);
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|node| {
            let mut data = Map::new();
            data.insert("id".into(), node.id.clone().into());
            data.insert("value".into(), node.id.clone().into());
            data.insert("name".into(), node.label.clone().into());
            for column in &schema.node {
                if let Some(value) = props::node_value(node, &column.name) {
                    data.insert(column.name.clone(), value.to_json());
                }
            }
            element(data)
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .zip(edge_ids(graph))
        .map(|((source, target, edge), id)| {
            let mut data = Map::new();
            data.insert("id".into(), id.into());
            data.insert("source".into(), source.id.clone().into());
            data.insert("target".into(), target.id.clone().into());
            data.insert("interaction".into(), edge.relation.as_str().into());
            data.insert("label".into(), edge_label(edge).into());
            for column in &schema.edge {
                if let Some(value) = props::edge_value(edge, &column.name) {
                    data.insert(column.name.clone(), value.to_json());
                }
            }
            element(data)
        })
        .collect();

    let mut elements = Map::new();
    elements.insert("nodes".into(), Value::Array(nodes));
    elements.insert("edges".into(), Value::Array(edges));
    let mut graph_data = Map::new();
    graph_data.insert("name".into(), "kg".into());
    let mut doc = Map::new();
    doc.insert("data".into(), Value::Object(graph_data));
    doc.insert("directed".into(), true.into());
    doc.insert("multigraph".into(), true.into());
    doc.insert("elements".into(), Value::Object(elements));
    Value::Object(doc)
}

fn element(data: Map<String, Value>) -> Value {
    let mut m = Map::new();
    m.insert("data".into(), Value::Object(data));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_cytoscape(&fixture::graph()));
    }

    #[test]
    fn has_what_networkx_needs() {
        let g = fixture::graph();
        let v = to_cytoscape_value(&g);
        assert_eq!(v["directed"], Value::Bool(true));
        assert_eq!(v["multigraph"], Value::Bool(true));
        assert!(v["data"].is_object());
        let nodes = v["elements"]["nodes"].as_array().map_or(0, Vec::len);
        let edges = v["elements"]["edges"].as_array().map_or(0, Vec::len);
        assert_eq!((nodes, edges), (g.node_count(), g.edge_count()));
        for n in v["elements"]["nodes"].as_array().into_iter().flatten() {
            assert_eq!(n["data"]["id"], n["data"]["value"]);
            assert!(n["data"]["name"].is_string());
        }
        for e in v["elements"]["edges"].as_array().into_iter().flatten() {
            assert!(e["data"]["key"].is_string());
        }
    }
}
