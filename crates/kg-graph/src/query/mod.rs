//! Questions asked of a [`Graph`]: whom a person met, the delegations and who leads
//! them, who holds which office, which meetings took place where and with whom, the
//! neighbourhood of a node, the shortest chain of relations between two nodes, the
//! relations of a type, and entity lookup.
//!
//! Names are resolved the way a person types them ([`resolve`]): label, alias or id, in
//! any case, with or without accents, a surname alone, another transliteration; an
//! unknown name comes back with the closest labels as suggestions.
//!
//! Every question is a function of the graph returning a list of answers. Each answer
//! type implements [`Answer`]: its table cells, the evidence behind it and the
//! [`Parts`] of the graph it rests on, from which [`subgraph`] builds a [`Graph`] of just
//! the answer, ready for any writer (a diagram of one person's meetings, say).

mod dates;
mod lookup;
mod meet;
mod names;
mod org;
mod resolve;
mod walk;

use std::collections::{BTreeSet, HashMap};

use kg_extract::{EntityKind, Evidence, RelationKind, Status};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use crate::{Edge, Graph, Node};

pub use dates::{BadDate, DateRange, DateSpan, Day};
pub use lookup::{find, relations, Found, Relation};
pub use meet::{meetings, met, Meeting, Met, Participant};
pub use org::{delegations, officials, Delegation, Official};
pub use resolve::{resolve, suggestions, NameError};
pub use walk::{neighbors, path, PathStep, Step};

/// A node as an answer names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NodeRef {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub label: String,
}

impl NodeRef {
    pub fn of(node: &Node) -> Self {
        NodeRef { id: node.id.clone(), kind: node.kind, label: node.label.clone() }
    }
}

/// One edge of the graph, named by its key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EdgeKey {
    pub source: String,
    pub relation: RelationKind,
    pub target: String,
    pub status: Status,
}

impl EdgeKey {
    pub fn of(source: &Node, target: &Node, edge: &Edge) -> Self {
        EdgeKey { source: source.id.clone(), relation: edge.relation, target: target.id.clone(), status: edge.status }
    }
}

/// The nodes and edges of the graph that an answer rests on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    /// Nodes to show even when no edge of the answer touches them.
    pub nodes: Vec<String>,
    pub edges: Vec<EdgeKey>,
}

impl Parts {
    fn node(&mut self, id: &str) {
        self.nodes.push(id.to_string());
    }

    fn edge(&mut self, source: &Node, target: &Node, edge: &Edge) {
        self.edges.push(EdgeKey::of(source, target, edge));
    }
}

/// One row of the answer to a question.
pub trait Answer: Serialize {
    /// Column names, in the order of [`Answer::cells`].
    const COLUMNS: &'static [&'static str];
    /// The row as text, one cell per column.
    fn cells(&self) -> Vec<String>;
    /// The sentences that support the row, sorted.
    fn evidence(&self) -> &[Evidence];
    /// What of the graph the row rests on.
    fn parts(&self) -> &Parts;
}

/// Which statuses a question sees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Also relations and meetings that did not happen (proposed, declined, cancelled,
    /// hypothetical) and planned meetings between persons, when the graph has them.
    pub all_statuses: bool,
}

impl Options {
    /// Whether an edge counts: by default facts, and firm plans except a planned
    /// `met_with` (the rule of the default extraction view).
    pub fn shows(&self, edge: &Edge) -> bool {
        self.all_statuses
            || match edge.status {
                Status::Occurred => true,
                Status::Planned => edge.relation != RelationKind::MetWith,
                _ => false,
            }
    }

    /// Whether a node counts: meetings whose own status is not a fact or a plan are
    /// hidden by default.
    pub fn shows_node(&self, node: &Node) -> bool {
        self.all_statuses
            || node.kind != EntityKind::Meeting
            || node.attributes.get("status").is_none_or(|s| matches!(s.as_str(), "occurred" | "planned"))
    }
}

/// Parses a relation name as typed: `met_with`, `met-with`, `MET_WITH`.
pub fn parse_relation(name: &str) -> Option<RelationKind> {
    let name = name.trim().to_ascii_lowercase().replace('-', "_");
    RelationKind::ALL.into_iter().find(|r| r.as_str() == name)
}

/// The graph of just the answers: the nodes and edges they rest on, with all their
/// attributes and evidence, so any writer can draw it.
pub fn subgraph<A: Answer>(graph: &Graph, answers: &[A]) -> Graph {
    let mut nodes = BTreeSet::new();
    let mut edges = BTreeSet::new();
    for answer in answers {
        let parts = answer.parts();
        nodes.extend(parts.nodes.iter().map(String::as_str));
        for key in &parts.edges {
            nodes.insert(&key.source);
            nodes.insert(&key.target);
            edges.insert(key);
        }
    }
    let mut out = Graph::new();
    for id in nodes {
        if let Some(node) = graph.node(id) {
            out.add_node(node.clone());
        }
    }
    for key in edges {
        let found = graph.edges_of(&key.source).into_iter().find(|(s, t, e)| EdgeKey::of(s, t, e) == *key);
        if let Some((_, _, edge)) = found {
            out.add_edge(&key.source, &key.target, edge.clone());
        }
    }
    out
}

/// The edges of a node that `opts` shows, between nodes it shows, in key order.
fn visible_edges_of<'g>(graph: &'g Graph, id: &str, opts: Options) -> Vec<(&'g Node, &'g Node, &'g Edge)> {
    graph
        .edges_of(id)
        .into_iter()
        .filter(|(s, t, e)| opts.shows(e) && opts.shows_node(s) && opts.shows_node(t))
        .collect()
}

/// Where questions read the edges of a node: [`Graph::edges_of`] (key order, one id
/// lookup, right for a few nodes), or, for questions over the whole graph, an id index
/// built once and petgraph's adjacency lists (no sorting; callers sort what they keep).
struct EdgeSource<'g> {
    graph: &'g Graph,
    opts: Options,
    index: Option<HashMap<&'g str, NodeIndex>>,
}

impl<'g> EdgeSource<'g> {
    fn sorted(graph: &'g Graph, opts: Options) -> Self {
        EdgeSource { graph, opts, index: None }
    }

    fn indexed(graph: &'g Graph, opts: Options) -> Self {
        let pg = graph.petgraph();
        let index = pg.node_indices().map(|ix| (pg[ix].id.as_str(), ix)).collect();
        EdgeSource { graph, opts, index: Some(index) }
    }

    /// The visible edges leaving or entering the node with this id.
    fn of(&self, id: &str) -> Vec<(&'g Node, &'g Node, &'g Edge)> {
        let Some(index) = &self.index else {
            return visible_edges_of(self.graph, id, self.opts);
        };
        let Some(&ix) = index.get(id) else {
            return Vec::new();
        };
        let pg = self.graph.petgraph();
        pg.edges_directed(ix, Direction::Outgoing)
            .chain(pg.edges_directed(ix, Direction::Incoming))
            .map(|e| (&pg[e.source()], &pg[e.target()], e.weight()))
            .filter(|(s, t, e)| self.opts.shows(e) && self.opts.shows_node(s) && self.opts.shows_node(t))
            .collect()
    }
}

/// Adds `more` to the sorted, deduplicated `evidence`.
fn add_evidence(evidence: &mut Vec<Evidence>, more: &[Evidence]) {
    evidence.extend_from_slice(more);
    evidence.sort();
    evidence.dedup();
}

/// Labels joined for a table cell.
fn join_labels<'a>(refs: impl IntoIterator<Item = &'a NodeRef>) -> String {
    refs.into_iter().map(|r| r.label.as_str()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
