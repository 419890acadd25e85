//! Node-link JSON, the contract with other tools.
//!
//! The document has the shape networkx 3.x reads with
//! `nx.node_link_graph(data, edges="edges")`:
//!
//! ```json
//! {"directed": true, "multigraph": true,
//!  "graph": {"generator": "kg 0.1.0", "documents": ["a.txt"]},
//!  "nodes": [{"id": "...", "type": "person", "label": "...", "aliases": [], "attributes": {}}],
//!  "edges": [{"source": "...", "target": "...", "key": "met_with", "relation": "met_with",
//!             "status": "occurred", "attributes": {}, "count": 1,
//!             "evidence": [{"doc": "...", "sentence": 0, "start": 0, "end": 9,
//!                           "rule": "...", "text": "..."}]}]}
//! ```
//!
//! An edge `key` is the relation name, suffixed with `:<status>` when the status is not
//! `occurred`; it is unique among the edges between one ordered pair of nodes. Object
//! keys are written in sorted order (serde_json's default `Map`), so output is
//! deterministic.

use std::collections::BTreeMap;
use std::io;

use kg_extract::{Evidence, Status};
use kg_graph::{Edge, Graph, Node};
use serde_json::{Map, Value};

/// Graph-level metadata written under `"graph"`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphMeta {
    /// What produced the file, e.g. `"kg 0.1.0"`.
    pub generator: String,
    /// Ids of the documents the graph was built from.
    pub documents: Vec<String>,
}

/// The node-link JSON document for `graph`.
pub fn to_json_value(graph: &Graph, meta: &GraphMeta) -> Value {
    let mut graph_attrs = Map::new();
    graph_attrs.insert("generator".into(), meta.generator.clone().into());
    graph_attrs.insert("documents".into(), strings(&meta.documents));

    let mut doc = Map::new();
    doc.insert("directed".into(), true.into());
    doc.insert("multigraph".into(), true.into());
    doc.insert("graph".into(), Value::Object(graph_attrs));
    doc.insert("nodes".into(), graph.nodes().map(node_value).collect());
    doc.insert("edges".into(), graph.edges().map(|(s, t, e)| edge_value(s, t, e)).collect());
    Value::Object(doc)
}

/// Writes [`to_json_value`] pretty-printed (2-space indent) with a trailing newline.
pub fn write_json<W: io::Write>(graph: &Graph, meta: &GraphMeta, mut w: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, &to_json_value(graph, meta))?;
    w.write_all(b"\n")
}

/// The multigraph key of an edge: `relation`, or `relation:status` unless it occurred.
pub fn edge_key(edge: &Edge) -> String {
    if edge.status == Status::Occurred {
        edge.relation.as_str().to_string()
    } else {
        format!("{}:{}", edge.relation, edge.status)
    }
}

fn node_value(node: &Node) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), node.id.clone().into());
    m.insert("type".into(), node.kind.as_str().into());
    m.insert("label".into(), node.label.clone().into());
    m.insert("aliases".into(), strings(&node.aliases));
    m.insert("attributes".into(), string_map(&node.attributes));
    Value::Object(m)
}

fn edge_value(source: &Node, target: &Node, edge: &Edge) -> Value {
    let mut m = Map::new();
    m.insert("source".into(), source.id.clone().into());
    m.insert("target".into(), target.id.clone().into());
    m.insert("key".into(), edge_key(edge).into());
    m.insert("relation".into(), edge.relation.as_str().into());
    m.insert("status".into(), edge.status.as_str().into());
    m.insert("attributes".into(), string_map(&edge.attributes));
    m.insert("count".into(), edge.count.into());
    if let Some(d) = &edge.first_date {
        m.insert("first_date".into(), d.clone().into());
    }
    if let Some(d) = &edge.last_date {
        m.insert("last_date".into(), d.clone().into());
    }
    m.insert("evidence".into(), edge.evidence.iter().map(evidence_value).collect());
    Value::Object(m)
}

pub(crate) fn evidence_value(ev: &Evidence) -> Value {
    let mut m = Map::new();
    m.insert("doc".into(), ev.doc.clone().into());
    m.insert("sentence".into(), ev.sentence.into());
    m.insert("start".into(), ev.start.into());
    m.insert("end".into(), ev.end.into());
    m.insert("rule".into(), ev.rule.clone().into());
    m.insert("text".into(), ev.text.clone().into());
    if let Some(d) = &ev.date {
        m.insert("date".into(), d.clone().into());
    }
    Value::Object(m)
}

fn strings<'a>(items: impl IntoIterator<Item = &'a String>) -> Value {
    items.into_iter().map(|s| Value::String(s.clone())).collect()
}

fn string_map(map: &BTreeMap<String, String>) -> Value {
    Value::Object(map.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    fn meta() -> GraphMeta {
        GraphMeta { generator: "kg 0.1.0".into(), documents: vec!["istanbul.txt".into(), "riyadh.txt".into()] }
    }

    #[test]
    fn snapshot() {
        let mut out = Vec::new();
        write_json(&fixture::graph(), &meta(), &mut out).expect("write to Vec");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.ends_with("}\n"));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn written_text_is_the_value() {
        let g = fixture::graph();
        let mut out = Vec::new();
        write_json(&g, &meta(), &mut out).expect("write to Vec");
        let back: Value = serde_json::from_slice(&out).expect("valid JSON");
        assert_eq!(back, to_json_value(&g, &meta()));
    }

    #[test]
    fn keys_name_relation_and_non_default_status() {
        let v = to_json_value(&fixture::graph(), &GraphMeta::default());
        let keys: Vec<&str> =
            v["edges"].as_array().expect("edges array").iter().filter_map(|e| e["key"].as_str()).collect();
        assert!(keys.contains(&"met_with"));
        assert!(keys.contains(&"met_with:planned"));
        for e in v["edges"].as_array().expect("edges array") {
            assert_eq!(e["count"].as_u64(), e["evidence"].as_array().map(|a| a.len() as u64));
        }
    }

    #[test]
    fn empty_graph_is_a_valid_document() {
        let v = to_json_value(&Graph::new(), &GraphMeta::default());
        assert_eq!(v["directed"], Value::Bool(true));
        assert_eq!(v["multigraph"], Value::Bool(true));
        assert_eq!(v["nodes"], Value::Array(vec![]));
        assert_eq!(v["edges"], Value::Array(vec![]));
        assert_eq!(v["graph"]["generator"], Value::String(String::new()));
    }
}
