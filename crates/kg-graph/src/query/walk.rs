//! Walking the graph with edges taken in either direction: `neighbors` is the
//! neighbourhood of a node to a depth (its ego network), `path` the shortest chain of
//! relations between two nodes, found by petgraph's A* over an undirected, filtered
//! view of the graph.

use std::collections::HashSet;

use kg_extract::{Evidence, RelationKind, Status};
use petgraph::algo::astar;
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeFiltered, EdgeRef, NodeIndexable, UndirectedAdaptor};
use serde::Serialize;

use super::{visible_edges_of, Answer, EdgeKey, NodeRef, Options, Parts};
use crate::{Edge, Graph, Node};

/// One edge of a neighbourhood, as stored (source to target).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// How many hops from the starting node the edge was reached at (1 = touches it).
    pub depth: usize,
    pub source: NodeRef,
    pub relation: RelationKind,
    pub status: Status,
    pub target: NodeRef,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Step {
    const COLUMNS: &'static [&'static str] = &["depth", "source", "relation", "target"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.depth.to_string(),
            self.source.label.clone(),
            relation_cell(self.relation, self.status),
            self.target.label.clone(),
        ]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// The edges within `depth` hops of `start`, following only `relations` (all when
/// empty), ordered by depth, then by source, relation and target.
pub fn neighbors(graph: &Graph, start: &Node, relations: &[RelationKind], depth: usize, opts: Options) -> Vec<Step> {
    let mut seen_nodes: HashSet<&str> = HashSet::from([start.id.as_str()]);
    let mut seen_edges: HashSet<EdgeKey> = HashSet::new();
    let mut frontier = vec![start];
    let mut out = Vec::new();
    for hop in 1..=depth {
        let mut next = Vec::new();
        for node in frontier {
            for (s, t, e) in visible_edges_of(graph, &node.id, opts) {
                if !relations.is_empty() && !relations.contains(&e.relation) {
                    continue;
                }
                let key = EdgeKey::of(s, t, e);
                if !seen_edges.insert(key.clone()) {
                    continue;
                }
                let other = if s.id == node.id { t } else { s };
                if seen_nodes.insert(other.id.as_str()) {
                    next.push(other);
                }
                out.push(Step {
                    depth: hop,
                    source: NodeRef::of(s),
                    relation: e.relation,
                    status: e.status,
                    target: NodeRef::of(t),
                    evidence: e.evidence.clone(),
                    parts: Parts { nodes: Vec::new(), edges: vec![key] },
                });
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    out.sort_by(|a, b| {
        (a.depth, &a.source.label, a.relation, &a.target.label).cmp(&(
            b.depth,
            &b.source.label,
            b.relation,
            &b.target.label,
        ))
    });
    out
}

/// One link of a chain, in the order the chain walks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    pub step: usize,
    pub from: NodeRef,
    pub relation: RelationKind,
    pub status: Status,
    /// Whether the stored edge points from `from` to `to` (false: it is walked backwards).
    pub forward: bool,
    pub to: NodeRef,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for PathStep {
    const COLUMNS: &'static [&'static str] = &["step", "from", "relation", "to"];

    fn cells(&self) -> Vec<String> {
        let name = relation_cell(self.relation, self.status);
        let arrow = if self.relation.is_symmetric() {
            format!("-[{name}]-")
        } else if self.forward {
            format!("-[{name}]->")
        } else {
            format!("<-[{name}]-")
        };
        vec![self.step.to_string(), self.from.label.clone(), arrow, self.to.label.clone()]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// The shortest chain of relations from `from` to `to`, edges taken in either
/// direction, following only `relations` (all when empty). Empty when there is none
/// or when both are the same node.
///
/// Shortest counts hops; among chains of equal length, the one with fewest links
/// through a country, an organisation or a place ([`is_weak`]) wins, so two persons
/// are connected through the talks they attended rather than through their countries.
pub fn path(graph: &Graph, from: &Node, to: &Node, relations: &[RelationKind], opts: Options) -> Vec<PathStep> {
    let pg = graph.petgraph();
    let index_of = |id: &str| pg.node_indices().find(|&ix| pg[ix].id == id);
    let (Some(start), Some(goal)) = (index_of(&from.id), index_of(&to.id)) else {
        return Vec::new();
    };
    let mut shown = vec![false; pg.node_bound()];
    for ix in pg.node_indices() {
        shown[ix.index()] = opts.shows_node(&pg[ix]);
    }
    let allowed = |s: NodeIndex, t: NodeIndex, e: &Edge| {
        (relations.is_empty() || relations.contains(&e.relation))
            && opts.shows(e)
            && shown.get(s.index()).copied().unwrap_or(false)
            && shown.get(t.index()).copied().unwrap_or(false)
    };
    let view = EdgeFiltered::from_fn(UndirectedAdaptor(pg), |e| allowed(e.source(), e.target(), e.weight()));
    let cost = |e: &Edge| HOP + u64::from(is_weak(e.relation));
    let Some((_, nodes)) = astar(&view, start, |n| n == goal, |e| cost(e.weight()), |_| 0) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, pair) in nodes.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let forward = pg.edges_connecting(a, b).map(|e| (e, true));
        let backward = pg.edges_connecting(b, a).map(|e| (e, false));
        let best = forward
            .chain(backward)
            .filter(|(e, _)| allowed(e.source(), e.target(), e.weight()))
            .min_by_key(|(e, fwd)| (e.weight().relation, e.weight().status, !fwd));
        let Some((e, forward)) = best else {
            return Vec::new();
        };
        let (s, t, edge) = (&pg[e.source()], &pg[e.target()], e.weight());
        out.push(PathStep {
            step: i + 1,
            from: NodeRef::of(&pg[a]),
            relation: edge.relation,
            status: edge.status,
            forward,
            to: NodeRef::of(&pg[b]),
            evidence: edge.evidence.clone(),
            parts: Parts { nodes: Vec::new(), edges: vec![EdgeKey::of(s, t, edge)] },
        });
    }
    out
}

/// The cost of one hop; a weak link adds 1, so it only ever breaks ties.
const HOP: u64 = 1 << 20;

/// Relations that link to hubs (a country has every one of its officials) and so say
/// little about how two persons are connected.
fn is_weak(relation: RelationKind) -> bool {
    matches!(
        relation,
        RelationKind::OfficialOf | RelationKind::Represents | RelationKind::LocatedIn | RelationKind::HeldIn
    )
}

/// The relation name, with its status when it did not occur.
fn relation_cell(relation: RelationKind, status: Status) -> String {
    if status == Status::Occurred {
        relation.to_string()
    } else {
        format!("{relation} ({status})")
    }
}
