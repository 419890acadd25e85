use std::collections::{BTreeMap, BTreeSet};

use kg_extract::{Entity, EntityKind, Evidence, Extraction, Relation, RelationKind, Status};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

/// An entity as the graph knows it, merged from every document that names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub attributes: BTreeMap<String, String>,
}

/// Evidence kept per edge: the first this many pieces in evidence order. `count` still
/// counts every piece; the cap bounds memory on a large archive.
pub const MAX_EVIDENCE: usize = 32;

/// A relation between two nodes with (a bounded sample of) the evidence found for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub relation: RelationKind,
    pub status: Status,
    pub attributes: BTreeMap<String, String>,
    /// Sorted and deduplicated, at most [`MAX_EVIDENCE`], so output does not depend on
    /// input order.
    pub evidence: Vec<Evidence>,
    /// How many pieces of evidence support the edge (more than `evidence` holds when
    /// the cap was reached).
    pub count: usize,
    /// Earliest and latest publication date among the evidence.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

impl Edge {
    /// An edge supported by one piece of evidence.
    pub fn new(
        relation: RelationKind,
        status: Status,
        attributes: BTreeMap<String, String>,
        evidence: Evidence,
    ) -> Self {
        let date = evidence.date.clone();
        Edge {
            relation,
            status,
            attributes,
            evidence: vec![evidence],
            count: 1,
            first_date: date.clone(),
            last_date: date,
        }
    }

    /// Merges another edge with the same key. Commutative and associative, so a graph
    /// does not depend on the order its parts arrive in.
    fn absorb(&mut self, other: Edge) {
        merge_attributes(&mut self.attributes, other.attributes);
        let mut added = 0;
        for ev in other.evidence {
            if let Err(pos) = self.evidence.binary_search(&ev) {
                self.evidence.insert(pos, ev);
                added += 1;
            }
        }
        // Beyond the cap the evidence lists are samples: add the counts.
        let exact = self.evidence.len() <= MAX_EVIDENCE && other.count <= MAX_EVIDENCE;
        self.count = if exact { self.evidence.len() } else { self.count + other.count.max(added) };
        self.evidence.truncate(MAX_EVIDENCE);
        self.first_date = min_opt(self.first_date.take(), other.first_date);
        self.last_date = max_opt(self.last_date.take(), other.last_date);
    }
}

fn min_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// Order-independent union of attribute maps: on a conflict the smaller value wins.
fn merge_attributes(into: &mut BTreeMap<String, String>, from: BTreeMap<String, String>) {
    for (k, v) in from {
        match into.get_mut(&k) {
            Some(have) if v < *have => *have = v,
            Some(_) => {}
            None => {
                into.insert(k, v);
            }
        }
    }
}

type Key = (String, RelationKind, String, Status);

/// The knowledge graph: a petgraph `StableDiGraph` plus id indexes.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: StableDiGraph<Node, Edge>,
    nodes: BTreeMap<String, NodeIndex>,
    edges: BTreeMap<Key, EdgeIndex>,
}

impl Graph {
    pub fn new() -> Self {
        Graph::default()
    }

    /// Adds every entity and relation of one document.
    pub fn add_extraction(&mut self, extraction: &Extraction) {
        self.add_extraction_owned(Extraction {
            entities: extraction.entities.clone(),
            relations: extraction.relations.clone(),
            ..Extraction::default()
        });
    }

    /// [`Graph::add_extraction`], taking the extraction: nothing is copied, which is
    /// what a pipeline that is done with the extraction wants.
    pub fn add_extraction_owned(&mut self, extraction: Extraction) {
        for entity in extraction.entities {
            self.add_node(Node {
                id: entity.id,
                kind: entity.kind,
                label: entity.label,
                aliases: entity.aliases,
                attributes: entity.attributes,
            });
        }
        for r in extraction.relations {
            let edge = Edge::new(r.kind, r.status, r.attributes, r.evidence);
            self.add_edge_owned(r.source, r.target, edge);
        }
    }

    /// Adds every node and edge of `part`, as if its documents had been added here.
    pub fn absorb(&mut self, mut part: Graph) {
        // Taken out of `part`, not copied: edges first, since removing a node would
        // remove its edges.
        let mut edges = Vec::with_capacity(part.edges.len());
        for ((source, _, target, _), ix) in std::mem::take(&mut part.edges) {
            if let Some(edge) = part.inner.remove_edge(ix) {
                edges.push((source, target, edge));
            }
        }
        for (_, ix) in std::mem::take(&mut part.nodes) {
            if let Some(node) = part.inner.remove_node(ix) {
                self.add_node(node);
            }
        }
        for (source, target, edge) in edges {
            self.add_edge_owned(source, target, edge);
        }
    }

    /// Adds an entity, or merges it into the node with its id.
    pub fn add_entity(&mut self, entity: &Entity) -> NodeIndex {
        self.add_node(Node {
            id: entity.id.clone(),
            kind: entity.kind,
            label: entity.label.clone(),
            aliases: entity.aliases.clone(),
            attributes: entity.attributes.clone(),
        })
    }

    /// Adds a relation; both endpoints must have been added. Returns false (and adds
    /// nothing) when one is missing.
    pub fn add_relation(&mut self, relation: &Relation) -> bool {
        let edge = Edge::new(relation.kind, relation.status, relation.attributes.clone(), relation.evidence.clone());
        self.add_edge(&relation.source, &relation.target, edge)
    }

    /// Adds a node, or merges it into the node with its id: aliases are united, the
    /// smaller label wins (the other becomes an alias), attributes merge
    /// order-independently.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&node.id) {
            let have = &mut self.inner[ix];
            have.aliases.extend(node.aliases);
            if node.label < have.label {
                let old = std::mem::replace(&mut have.label, node.label);
                have.aliases.insert(old);
            } else if node.label != have.label {
                have.aliases.insert(node.label);
            }
            merge_attributes(&mut have.attributes, node.attributes);
            let label = have.label.clone();
            have.aliases.remove(&label);
            return ix;
        }
        let id = node.id.clone();
        let ix = self.inner.add_node(node);
        self.nodes.insert(id, ix);
        ix
    }

    /// Adds an edge, merging it into the edge with the same (source, relation,
    /// target, status). Returns false when an endpoint is unknown.
    pub fn add_edge(&mut self, source: &str, target: &str, edge: Edge) -> bool {
        self.add_edge_owned(source.to_string(), target.to_string(), edge)
    }

    /// [`Graph::add_edge`] with the ids given by value.
    fn add_edge_owned(&mut self, mut source: String, mut target: String, edge: Edge) -> bool {
        if edge.relation.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        if source == target {
            return false;
        }
        let (Some(&s), Some(&t)) = (self.nodes.get(&source), self.nodes.get(&target)) else {
            return false;
        };
        let key = (source, edge.relation, target, edge.status);
        if let Some(&ix) = self.edges.get(&key) {
            self.inner[ix].absorb(edge);
            return true;
        }
        let mut edge = edge;
        edge.evidence.sort();
        edge.evidence.dedup();
        edge.count = edge.count.max(edge.evidence.len());
        edge.evidence.truncate(MAX_EVIDENCE);
        let ix = self.inner.add_edge(s, t, edge);
        self.edges.insert(key, ix);
        true
    }

    /// Moves every edge of node `from` to node `into` and merges the nodes; `from`
    /// disappears. Used by corpus-level resolution.
    pub fn merge_nodes(&mut self, from: &str, into: &str) {
        if from == into {
            return;
        }
        let Some(&fx) = self.nodes.get(from) else { return };
        // The edges at the node, from the graph's adjacency (not a scan of every edge:
        // corpus resolution merges thousands of nodes), in key order as before.
        let mut moved: Vec<(Key, EdgeIndex)> = self
            .inner
            .edges_directed(fx, petgraph::Direction::Outgoing)
            .chain(self.inner.edges_directed(fx, petgraph::Direction::Incoming))
            .map(|e| {
                let (s, t) = (&self.inner[e.source()], &self.inner[e.target()]);
                ((s.id.clone(), e.weight().relation, t.id.clone(), e.weight().status), e.id())
            })
            .collect();
        moved.sort();
        moved.dedup();
        let mut edges = Vec::new();
        for (key, ix) in moved {
            self.edges.remove(&key);
            if let Some(edge) = self.inner.remove_edge(ix) {
                let s = if key.0 == from { into.to_string() } else { key.0.clone() };
                let t = if key.2 == from { into.to_string() } else { key.2.clone() };
                edges.push((s, t, edge));
            }
        }
        self.nodes.remove(from);
        let into_label = self.node(into).map(|n| n.label.clone());
        if let Some(mut node) = self.inner.remove_node(fx) {
            node.id = into.to_string();
            // The node merged into keeps its label; the other's becomes an alias.
            if let Some(label) = into_label {
                let old = std::mem::replace(&mut node.label, label);
                node.aliases.insert(old);
            }
            if self.nodes.contains_key(into) {
                self.add_node(node);
            } else {
                let id = node.id.clone();
                let ix = self.inner.add_node(node);
                self.nodes.insert(id, ix);
            }
        }
        for (s, t, edge) in edges {
            self.add_edge(&s, &t, edge);
        }
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id).map(|&ix| &self.inner[ix])
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.nodes.values().map(move |&ix| &self.inner[ix])
    }

    /// Edges as (source, target, edge), ordered by (source, relation, target, status).
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> + '_ {
        self.edges.values().filter_map(move |&ix| {
            let (s, t) = self.inner.edge_endpoints(ix)?;
            Some((&self.inner[s], &self.inner[t], &self.inner[ix]))
        })
    }

    /// Edges leaving or entering the node with this id, in key order.
    pub fn edges_of<'a>(&'a self, id: &str) -> Vec<(&'a Node, &'a Node, &'a Edge)> {
        let Some(&ix) = self.nodes.get(id) else {
            return Vec::new();
        };
        let mut out: Vec<_> = self
            .inner
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .chain(self.inner.edges_directed(ix, petgraph::Direction::Incoming))
            .map(|e| (&self.inner[e.source()], &self.inner[e.target()], e.weight()))
            .collect();
        out.sort_by(|a, b| (&a.0.id, a.2.relation, &a.1.id).cmp(&(&b.0.id, b.2.relation, &b.1.id)));
        out
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge> {
        &self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, kind: EntityKind, alias: &str) -> Entity {
        Entity {
            id: id.into(),
            kind,
            label: id.split(':').nth(1).unwrap_or(id).into(),
            aliases: [alias.to_string()].into_iter().collect(),
            attributes: BTreeMap::new(),
        }
    }

    fn relation(s: &str, kind: RelationKind, t: &str, doc: &str) -> Relation {
        Relation {
            kind,
            source: s.into(),
            target: t.into(),
            status: Status::Occurred,
            attributes: BTreeMap::new(),
            evidence: Evidence {
                doc: doc.into(),
                sentence: 0,
                start: 0,
                end: 1,
                rule: "test".into(),
                text: "x".into(),
                date: None,
            },
        }
    }

    #[test]
    fn merges_nodes_by_id_and_edges_by_key() {
        let mut g = Graph::new();
        let a = Extraction {
            doc: "a".into(),
            entities: vec![entity("person:x-y", EntityKind::Person, "Y"), entity("person:z", EntityKind::Person, "Z")],
            relations: vec![relation("person:z", RelationKind::MetWith, "person:x-y", "a")],
            ..Extraction::default()
        };
        let b = Extraction {
            doc: "b".into(),
            entities: vec![
                entity("person:x-y", EntityKind::Person, "Mr Y"),
                entity("person:z", EntityKind::Person, "Z"),
            ],
            relations: vec![relation("person:x-y", RelationKind::MetWith, "person:z", "b")],
            ..Extraction::default()
        };
        g.add_extraction(&a);
        g.add_extraction(&b);
        assert_eq!(g.node_count(), 2);
        assert_eq!(g.edge_count(), 1);
        let (s, t, e) = g.edges().next().expect("one edge");
        assert_eq!((s.id.as_str(), t.id.as_str()), ("person:x-y", "person:z"));
        assert_eq!(e.evidence.len(), 2);
        assert_eq!(g.node("person:x-y").map(|n| n.aliases.len()), Some(2));
    }

    #[test]
    fn relation_to_unknown_node_is_refused() {
        let mut g = Graph::new();
        assert!(!g.add_relation(&relation("person:a", RelationKind::MetWith, "person:b", "d")));
    }
}
