//! Listing and lookup: `relations` lists the edges of some types, `find` the entities
//! whose name matches what was typed, best match first.

use std::collections::BTreeMap;

use kg_extract::{Evidence, RelationKind, Status};
use serde::Serialize;

use super::resolve::ranked;
use super::{Answer, EdgeKey, NodeRef, Options, Parts};
use crate::Graph;

/// One edge of the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub source: NodeRef,
    pub relation: RelationKind,
    pub target: NodeRef,
    pub status: Status,
    pub attributes: BTreeMap<String, String>,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Relation {
    const COLUMNS: &'static [&'static str] = &["source", "relation", "target", "status", "attributes"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.source.label.clone(),
            self.relation.to_string(),
            self.target.label.clone(),
            self.status.to_string(),
            key_values(&self.attributes),
        ]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// Every edge of one of `types` (all when empty), in key order.
pub fn relations(graph: &Graph, types: &[RelationKind], opts: Options) -> Vec<Relation> {
    graph
        .edges()
        .filter(|(s, t, e)| opts.shows(e) && opts.shows_node(s) && opts.shows_node(t))
        .filter(|(_, _, e)| types.is_empty() || types.contains(&e.relation))
        .map(|(s, t, e)| Relation {
            source: NodeRef::of(s),
            relation: e.relation,
            target: NodeRef::of(t),
            status: e.status,
            attributes: e.attributes.clone(),
            evidence: e.evidence.clone(),
            parts: Parts { nodes: Vec::new(), edges: vec![EdgeKey::of(s, t, e)] },
        })
        .collect()
}

/// An entity found by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    #[serde(flatten)]
    pub node: NodeRef,
    pub aliases: Vec<String>,
    pub attributes: BTreeMap<String, String>,
    /// How the text matched: `id`, `name`, `spelling`, `words` or `text`.
    #[serde(rename = "match")]
    pub matched: &'static str,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Found {
    const COLUMNS: &'static [&'static str] = &["id", "type", "label", "aliases", "attributes"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.node.id.clone(),
            self.node.kind.to_string(),
            self.node.label.clone(),
            self.aliases.join(", "),
            key_values(&self.attributes),
        ]
    }

    fn evidence(&self) -> &[Evidence] {
        &[]
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// The entities `text` names, or that have it inside a name or their id: the way
/// [`resolve`](super::resolve) would find them first, then text matches, by label.
pub fn find(graph: &Graph, text: &str, opts: Options) -> Vec<Found> {
    ranked(graph, text)
        .into_iter()
        .filter(|(_, node)| opts.shows_node(node))
        .map(|(tier, node)| Found {
            node: NodeRef::of(node),
            aliases: node.aliases.iter().cloned().collect(),
            attributes: node.attributes.clone(),
            matched: ["id", "name", "spelling", "words", "text"].get(usize::from(tier)).copied().unwrap_or("text"),
            parts: Parts { nodes: vec![node.id.clone()], edges: Vec::new() },
        })
        .collect()
}

/// `k=v` pairs for a table cell.
fn key_values(map: &BTreeMap<String, String>) -> String {
    map.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
}
