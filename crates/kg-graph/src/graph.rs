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

/// A relation between two nodes with all the evidence found for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub relation: RelationKind,
    pub status: Status,
    pub attributes: BTreeMap<String, String>,
    /// Sorted and deduplicated, so output does not depend on input order.
    pub evidence: Vec<Evidence>,
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
        for entity in &extraction.entities {
            self.add_entity(entity);
        }
        for relation in &extraction.relations {
            self.add_relation(relation);
        }
    }

    /// Adds an entity, or merges its aliases and attributes into the node with its id.
    pub fn add_entity(&mut self, entity: &Entity) -> NodeIndex {
        if let Some(&ix) = self.nodes.get(&entity.id) {
            let node = &mut self.inner[ix];
            node.aliases.extend(entity.aliases.iter().cloned());
            for (k, v) in &entity.attributes {
                node.attributes.entry(k.clone()).or_insert_with(|| v.clone());
            }
            node.aliases.remove(&node.label);
            return ix;
        }
        let node = Node {
            id: entity.id.clone(),
            kind: entity.kind,
            label: entity.label.clone(),
            aliases: entity.aliases.clone(),
            attributes: entity.attributes.clone(),
        };
        let ix = self.inner.add_node(node);
        self.nodes.insert(entity.id.clone(), ix);
        ix
    }

    /// Adds a relation; both endpoints must have been added. Returns false (and adds
    /// nothing) when one is missing.
    pub fn add_relation(&mut self, relation: &Relation) -> bool {
        let (mut source, mut target) = (relation.source.clone(), relation.target.clone());
        if relation.kind.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        let (Some(&s), Some(&t)) = (self.nodes.get(&source), self.nodes.get(&target)) else {
            return false;
        };
        let key = (source, relation.kind, target, relation.status);
        if let Some(&ix) = self.edges.get(&key) {
            let edge = &mut self.inner[ix];
            for (k, v) in &relation.attributes {
                edge.attributes.entry(k.clone()).or_insert_with(|| v.clone());
            }
            if let Err(pos) = edge.evidence.binary_search(&relation.evidence) {
                edge.evidence.insert(pos, relation.evidence.clone());
            }
            return true;
        }
        let edge = Edge {
            relation: relation.kind,
            status: relation.status,
            attributes: relation.attributes.clone(),
            evidence: vec![relation.evidence.clone()],
        };
        let ix = self.inner.add_edge(s, t, edge);
        self.edges.insert(key, ix);
        true
    }

    /// Adds a node as read from a graph file, merging it into the node with its id.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        let entity = Entity {
            id: node.id,
            kind: node.kind,
            label: node.label,
            aliases: node.aliases,
            attributes: node.attributes,
        };
        self.add_entity(&entity)
    }

    /// Adds an edge as read from a graph file, merging attributes and evidence into the
    /// edge with the same key. Returns false when an endpoint is unknown.
    pub fn add_edge(&mut self, source: &str, target: &str, edge: Edge) -> bool {
        let (mut source, mut target) = (source.to_string(), target.to_string());
        if edge.relation.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        let (Some(&s), Some(&t)) = (self.nodes.get(&source), self.nodes.get(&target)) else {
            return false;
        };
        let key = (source, edge.relation, target, edge.status);
        if let Some(&ix) = self.edges.get(&key) {
            let have = &mut self.inner[ix];
            for (k, v) in edge.attributes {
                have.attributes.entry(k).or_insert(v);
            }
            for ev in edge.evidence {
                if let Err(pos) = have.evidence.binary_search(&ev) {
                    have.evidence.insert(pos, ev);
                }
            }
            return true;
        }
        let mut edge = edge;
        edge.evidence.sort();
        edge.evidence.dedup();
        let ix = self.inner.add_edge(s, t, edge);
        self.edges.insert(key, ix);
        true
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
