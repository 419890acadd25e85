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
///
/// The document is streamed from the graph, never built as a [`Value`]: a graph with
/// millions of pieces of evidence would need several times its size in memory.
pub fn write_json<W: io::Write>(graph: &Graph, meta: &GraphMeta, mut w: W) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut w, &stream::Document::new(graph, meta))?;
    w.write_all(b"\n")
}

/// Borrowing mirrors of the document, fields in the sorted order the [`Value`] form
/// writes them.
mod stream {
    use std::collections::{BTreeMap, BTreeSet};

    use kg_extract::Evidence;
    use kg_graph::{Edge, Graph, Node};
    use serde::{Serialize, Serializer};

    use super::GraphMeta;

    #[derive(Serialize)]
    pub struct Document<'a> {
        directed: bool,
        edges: Edges<'a>,
        graph: Meta<'a>,
        multigraph: bool,
        nodes: Nodes<'a>,
    }

    impl<'a> Document<'a> {
        pub fn new(graph: &'a Graph, meta: &'a GraphMeta) -> Self {
            Document {
                directed: true,
                edges: Edges(graph),
                graph: Meta { documents: &meta.documents, generator: &meta.generator },
                multigraph: true,
                nodes: Nodes(graph),
            }
        }
    }

    #[derive(Serialize)]
    struct Meta<'a> {
        documents: &'a [String],
        generator: &'a str,
    }

    struct Nodes<'a>(&'a Graph);

    impl Serialize for Nodes<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.nodes().map(NodeOut::new))
        }
    }

    #[derive(Serialize)]
    struct NodeOut<'a> {
        aliases: &'a BTreeSet<String>,
        attributes: &'a BTreeMap<String, String>,
        id: &'a str,
        label: &'a str,
        #[serde(rename = "type")]
        kind: &'static str,
    }

    impl<'a> NodeOut<'a> {
        fn new(n: &'a Node) -> Self {
            NodeOut {
                aliases: &n.aliases,
                attributes: &n.attributes,
                id: &n.id,
                label: &n.label,
                kind: n.kind.as_str(),
            }
        }
    }

    struct Edges<'a>(&'a Graph);

    impl Serialize for Edges<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.edges().map(|(source, target, e)| EdgeOut::new(source, target, e)))
        }
    }

    #[derive(Serialize)]
    struct EdgeOut<'a> {
        attributes: &'a BTreeMap<String, String>,
        count: usize,
        evidence: Vec<EvidenceOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        first_date: Option<&'a str>,
        key: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        last_date: Option<&'a str>,
        relation: &'static str,
        source: &'a str,
        status: &'static str,
        target: &'a str,
    }

    impl<'a> EdgeOut<'a> {
        fn new(source: &'a Node, target: &'a Node, e: &'a Edge) -> Self {
            EdgeOut {
                attributes: &e.attributes,
                count: e.count,
                evidence: e.evidence.iter().map(EvidenceOut::new).collect(),
                first_date: e.first_date.as_deref(),
                key: super::edge_key(e),
                last_date: e.last_date.as_deref(),
                relation: e.relation.as_str(),
                source: &source.id,
                status: e.status.as_str(),
                target: &target.id,
            }
        }
    }

    #[derive(Serialize)]
    struct EvidenceOut<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<&'a str>,
        doc: &'a str,
        end: usize,
        rule: &'a str,
        sentence: usize,
        start: usize,
        text: &'a str,
    }

    impl<'a> EvidenceOut<'a> {
        fn new(ev: &'a Evidence) -> Self {
            EvidenceOut {
                date: ev.date.as_deref(),
                doc: &ev.doc,
                end: ev.end,
                rule: &ev.rule,
                sentence: ev.sentence,
                start: ev.start,
                text: &ev.text,
            }
        }
    }
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
        // Streamed and built forms are the same text, byte for byte.
        let built = serde_json::to_string_pretty(&to_json_value(&g, &meta())).expect("serialise") + "\n";
        assert_eq!(String::from_utf8(out).expect("utf-8"), built);
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
