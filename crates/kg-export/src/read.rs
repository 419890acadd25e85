//! Reading a kg JSON graph back: the inverse of [`crate::json`], for merging graphs,
//! querying them and converting them to other formats. Errors name the line and column
//! of the problem.

use std::collections::{BTreeMap, BTreeSet};

use kg_extract::{EntityKind, Evidence, RelationKind, Status};
use kg_graph::{Edge, Graph, Node};
use serde::Deserialize;

use crate::json::GraphMeta;

/// A graph file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("line {line}, column {column}: {message}")]
    Syntax { line: usize, column: usize, message: String },
    #[error("edge {index} ({source_id} -> {target}): {message}")]
    Edge { index: usize, source_id: String, target: String, message: String },
}

#[derive(Deserialize)]
struct FileGraph {
    #[serde(default)]
    graph: FileMeta,
    nodes: Vec<FileNode>,
    #[serde(alias = "links")]
    edges: Vec<FileEdge>,
}

#[derive(Deserialize, Default)]
struct FileMeta {
    #[serde(default)]
    generator: String,
    #[serde(default)]
    documents: Vec<String>,
}

#[derive(Deserialize)]
struct FileNode {
    id: String,
    #[serde(rename = "type")]
    kind: EntityKind,
    label: String,
    #[serde(default)]
    aliases: BTreeSet<String>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct FileEdge {
    source: String,
    target: String,
    relation: RelationKind,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    #[serde(default)]
    evidence: Vec<Evidence>,
    #[serde(default)]
    count: usize,
    #[serde(default)]
    first_date: Option<String>,
    #[serde(default)]
    last_date: Option<String>,
}

/// Parses a JSON graph written by kg (or by another tool in the same shape).
pub fn read_graph(text: &str) -> Result<(Graph, GraphMeta), ReadError> {
    let file: FileGraph = serde_json::from_str(text).map_err(|e| ReadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
    })?;
    let mut graph = Graph::new();
    for n in file.nodes {
        graph.add_node(Node { id: n.id, kind: n.kind, label: n.label, aliases: n.aliases, attributes: n.attributes });
    }
    for (index, e) in file.edges.into_iter().enumerate() {
        let count = e.count.max(e.evidence.len());
        let edge = Edge {
            relation: e.relation,
            status: e.status,
            attributes: e.attributes,
            evidence: e.evidence,
            count,
            first_date: e.first_date,
            last_date: e.last_date,
        };
        if !graph.add_edge(&e.source, &e.target, edge) {
            return Err(ReadError::Edge {
                index,
                source_id: e.source,
                target: e.target,
                message: "an endpoint is not among the nodes".into(),
            });
        }
    }
    Ok((graph, GraphMeta { generator: file.graph.generator, documents: file.graph.documents }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::json::to_json_value;

    #[test]
    fn round_trip() {
        let g = fixture::graph();
        let meta = GraphMeta { generator: "kg".into(), documents: vec!["a".into()] };
        let text = to_json_value(&g, &meta).to_string();
        let (back, back_meta) = read_graph(&text).expect("reads its own output");
        assert_eq!(to_json_value(&back, &back_meta), to_json_value(&g, &meta));
    }

    #[test]
    fn errors_name_line_and_column() {
        let err = read_graph("{\n  \"nodes\": [\n    {\"id\": 1}\n").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("line 3, column"), "{err}");
        let err = read_graph(r#"{"nodes": [], "edges": [{"source": "a", "target": "b", "relation": "met_with"}]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("endpoint"), "{err}");
    }
}
