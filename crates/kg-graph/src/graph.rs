//! The graph: nodes keyed by their stable ids, edges by (source, target, relation,
//! status), with the merging of extractions and of other graphs into it.

mod edge;
mod node;
#[cfg(test)]
mod tests;

use std::collections::hash_map::Entry;
use std::collections::BTreeMap;

use kg_extract::{Draft, Entity, Extraction, Relation, RelationKind, Status};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, NodeIndexable};

use edge::Piece;
pub use edge::{Edge, MAX_EVIDENCE};
pub use node::Node;

/// Id indexes, never iterated (so their order cannot reach the output): the fast hash
/// suits their keys, kg's own ids.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

type Key = (String, RelationKind, String, Status);

/// An edge's key by node index: what lookups use, as comparing ids is what merging
/// graphs spent its time on.
type IxKey = (NodeIndex, RelationKind, NodeIndex, Status);

/// The knowledge graph: a petgraph `StableDiGraph` plus id indexes. The ordered maps
/// give the id order output is in; the hashed ones answer lookups.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: StableDiGraph<Node, Edge>,
    nodes: BTreeMap<String, NodeIndex>,
    edges: BTreeMap<Key, EdgeIndex>,
    node_ix: FxMap<String, NodeIndex>,
    edge_ix: FxMap<IxKey, EdgeIndex>,
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
            self.add_node(Node::from(entity));
        }
        for r in extraction.relations {
            self.add_relation_owned(r);
        }
    }

    /// [`Graph::add_extraction_owned`] of the draft's extraction, which copies the
    /// evidence only of the edges that keep it (most pieces are counted, not kept).
    pub fn add_draft(&mut self, draft: Draft<'_>) {
        let Draft { origin, entities, relations, .. } = draft;
        let at: Vec<NodeIndex> = entities.into_iter().map(|e| self.add_node(Node::from(e))).collect();
        for r in relations {
            let (Some(&s), Some(&t)) = (at.get(r.source), at.get(r.target)) else { continue };
            // As `endpoints` orients ids, by index.
            let (s, t) = if r.kind.is_symmetric() && self.inner[t].id < self.inner[s].id { (t, s) } else { (s, t) };
            if s == t {
                continue;
            }
            self.add_piece(s, t, r.kind, r.status, r.attributes, origin.evidence(&r.evidence));
        }
    }

    /// [`Graph::add_relation`] by value. A relation whose edge exists is merged into it
    /// piece by piece ([`Edge::absorb_one`]) rather than made an edge first.
    fn add_relation_owned(&mut self, r: Relation) {
        let Relation { kind, source, target, status, attributes, evidence } = r;
        let Some((s, t, _, _)) = self.endpoints(kind, source, target) else { return };
        self.add_piece(s, t, kind, status, attributes, evidence);
    }

    /// Merges one relation between nodes `s` and `t` (oriented, distinct) into its
    /// edge piece by piece ([`Edge::absorb_one`]), or makes the edge, whose ids are
    /// copied from the nodes.
    fn add_piece(
        &mut self,
        s: NodeIndex,
        t: NodeIndex,
        kind: RelationKind,
        status: Status,
        attributes: BTreeMap<String, String>,
        evidence: impl Piece,
    ) {
        match self.edge_ix.get(&(s, kind, t, status)) {
            Some(&ix) => self.inner[ix].absorb_one(attributes, evidence),
            None => {
                let (source, target) = (self.inner[s].id.clone(), self.inner[t].id.clone());
                self.add_edge_at(s, t, source, target, Edge::new(kind, status, attributes, evidence.into_evidence()));
            }
        }
    }

    /// Adds every node and edge of `part`, as if its documents had been added here.
    pub fn absorb(&mut self, mut part: Graph) {
        // Weights are taken out of `part`, not removed from it (which would unlink
        // them one by one) nor copied. Nodes in id order, then edges in key order, as
        // they always were added.
        let mut here: Vec<Option<NodeIndex>> = vec![None; part.inner.node_bound()];
        for (_, ix) in std::mem::take(&mut part.nodes) {
            if let Some(node) = part.inner.node_weight_mut(ix) {
                let at = self.add_node(node.take());
                if let Some(slot) = here.get_mut(ix.index()) {
                    *slot = Some(at);
                }
            }
        }
        for ((source, _, target, _), ix) in std::mem::take(&mut part.edges) {
            let Some((s, t)) = part.inner.edge_endpoints(ix) else { continue };
            let Some(edge) = part.inner.edge_weight_mut(ix).map(Edge::take) else { continue };
            let at = |n: NodeIndex| here.get(n.index()).copied().flatten();
            match (at(s), at(t)) {
                // The part's key is already oriented, and its ids are the same here.
                (Some(s), Some(t)) => self.add_edge_at(s, t, source, target, edge),
                _ => {
                    self.add_edge_owned(source, target, edge);
                }
            }
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
        if let Some(&ix) = self.node_ix.get(node.id.as_str()) {
            self.inner[ix].merge(node);
            return ix;
        }
        self.insert_node(node)
    }

    /// Adds a node whose id is not in the graph.
    fn insert_node(&mut self, node: Node) -> NodeIndex {
        let id = node.id.clone();
        let ix = self.inner.add_node(node);
        self.nodes.insert(id.clone(), ix);
        self.node_ix.insert(id, ix);
        ix
    }

    /// Adds an edge, merging it into the edge with the same (source, relation,
    /// target, status). Returns false when an endpoint is unknown.
    pub fn add_edge(&mut self, source: &str, target: &str, edge: Edge) -> bool {
        self.add_edge_owned(source.to_string(), target.to_string(), edge)
    }

    /// [`Graph::add_edge`] with the ids given by value.
    fn add_edge_owned(&mut self, source: String, target: String, edge: Edge) -> bool {
        let Some((s, t, source, target)) = self.endpoints(edge.relation, source, target) else { return false };
        self.add_edge_at(s, t, source, target, edge);
        true
    }

    /// The nodes of an edge of `kind` from `source` to `target`, with the ids oriented
    /// as the edge's key has them (a symmetric relation from the smaller id); `None`
    /// for a loop or an id that is no node.
    fn endpoints(
        &self,
        kind: RelationKind,
        mut source: String,
        mut target: String,
    ) -> Option<(NodeIndex, NodeIndex, String, String)> {
        if kind.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        if source == target {
            return None;
        }
        let s = *self.node_ix.get(source.as_str())?;
        let t = *self.node_ix.get(target.as_str())?;
        Some((s, t, source, target))
    }

    /// Adds an edge between nodes `s` and `t`, whose ids are `source` and `target`
    /// (oriented, distinct), or merges it into the edge with its key.
    fn add_edge_at(&mut self, s: NodeIndex, t: NodeIndex, source: String, target: String, mut edge: Edge) {
        match self.edge_ix.entry((s, edge.relation, t, edge.status)) {
            Entry::Occupied(have) => self.inner[*have.get()].absorb(edge),
            Entry::Vacant(slot) => {
                edge.normalize();
                let key = (source, edge.relation, target, edge.status);
                let ix = self.inner.add_edge(s, t, edge);
                slot.insert(ix);
                self.edges.insert(key, ix);
            }
        }
    }

    /// Moves every edge of node `from` to node `into` and merges the nodes; `from`
    /// disappears. Used by corpus-level resolution.
    pub fn merge_nodes(&mut self, from: &str, into: &str) {
        if from == into {
            return;
        }
        let Some(&fx) = self.node_ix.get(from) else { return };
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
            if let Some((s, t)) = self.inner.edge_endpoints(ix) {
                self.edge_ix.remove(&(s, key.1, t, key.3));
            }
            if let Some(edge) = self.inner.remove_edge(ix) {
                let s = if key.0 == from { into.to_string() } else { key.0.clone() };
                let t = if key.2 == from { into.to_string() } else { key.2.clone() };
                edges.push((s, t, edge));
            }
        }
        self.nodes.remove(from);
        self.node_ix.remove(from);
        let into_label = self.node(into).map(|n| n.label.clone());
        if let Some(mut node) = self.inner.remove_node(fx) {
            node.id = into.to_string();
            // The node merged into keeps its label; the other's becomes an alias.
            if let Some(label) = into_label {
                let old = std::mem::replace(&mut node.label, label);
                node.aliases.insert(old);
            }
            if self.node_ix.contains_key(into) {
                self.add_node(node);
            } else {
                self.insert_node(node);
            }
        }
        for (s, t, edge) in edges {
            self.add_edge(&s, &t, edge);
        }
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_ix.get(id).map(|&ix| &self.inner[ix])
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
        let Some(&ix) = self.node_ix.get(id) else {
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
