//! The flat properties of nodes and edges, shared by the writers whose consumers want one
//! value per named column (GraphML, GEXF, Cytoscape, Neo4j, Cypher, node-link).
//!
//! A node has `label`, `type` and `aliases`, then one property per entity attribute
//! (`title`, `iso`, `date`, `status`...). An edge has `key` (see [`crate::edge_key`]),
//! `relation`, `status`, `count` (pieces of evidence), `evidence` (the first evidence
//! sentence) and `docs` (the documents of its evidence, in order, without repeats), then
//! one property per relation attribute. An attribute whose name is taken by a fixed
//! property (or by a name a format reserves, such as `id`, `name`, `source`) is left out.
//! The [`Schema`] of a graph lists every property name in a fixed order: the fixed ones,
//! then the attribute names in sorted order.

use std::collections::BTreeSet;

use kg_graph::{Edge, Graph, Node};

use crate::json::edge_key;

/// What a property holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    Int,
    List,
}

/// One property value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    Str(&'a str),
    Owned(String),
    Int(usize),
    List(Vec<&'a str>),
}

impl Value<'_> {
    /// The value as one string; list items are joined with `"; "`.
    pub(crate) fn joined(&self) -> String {
        match self {
            Value::Str(s) => (*s).to_string(),
            Value::Owned(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::List(items) => items.join("; "),
        }
    }

    /// The value as JSON: a string, a number or an array of strings.
    pub(crate) fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Str(s) => (*s).into(),
            Value::Owned(s) => s.as_str().into(),
            Value::Int(n) => (*n).into(),
            Value::List(items) => items.iter().map(|s| serde_json::Value::from(*s)).collect(),
        }
    }
}

/// A named property and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) name: String,
    pub(crate) kind: Kind,
}

/// The node and edge property names of one graph.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub(crate) node: Vec<Column>,
    pub(crate) edge: Vec<Column>,
}

const NODE_FIXED: [(&str, Kind); 3] = [("label", Kind::Str), ("type", Kind::Str), ("aliases", Kind::List)];
const EDGE_FIXED: [(&str, Kind); 6] = [
    ("key", Kind::Str),
    ("relation", Kind::Str),
    ("status", Kind::Str),
    ("count", Kind::Int),
    ("evidence", Kind::Str),
    ("docs", Kind::List),
];
/// Names some format uses for something else; attributes with these names are dropped.
const RESERVED: [&str; 8] = ["id", "name", "value", "source", "target", "label", "weight", "interaction"];

fn allowed(name: &str, fixed: &[(&str, Kind)]) -> bool {
    !name.is_empty() && !RESERVED.contains(&name) && !fixed.iter().any(|(f, _)| *f == name)
}

impl Schema {
    pub(crate) fn of(graph: &Graph) -> Schema {
        let node_attrs: BTreeSet<&str> = graph
            .nodes()
            .flat_map(|n| n.attributes.keys().map(String::as_str))
            .filter(|k| allowed(k, &NODE_FIXED))
            .collect();
        let edge_attrs: BTreeSet<&str> = graph
            .edges()
            .flat_map(|(_, _, e)| e.attributes.keys().map(String::as_str))
            .filter(|k| allowed(k, &EDGE_FIXED))
            .collect();
        let column = |(name, kind): (&str, Kind)| Column { name: name.to_string(), kind };
        Schema {
            node: NODE_FIXED.into_iter().chain(node_attrs.into_iter().map(|a| (a, Kind::Str))).map(column).collect(),
            edge: EDGE_FIXED.into_iter().chain(edge_attrs.into_iter().map(|a| (a, Kind::Str))).map(column).collect(),
        }
    }
}

/// The value of node property `name`, or `None` when the node has no such attribute.
pub(crate) fn node_value<'a>(node: &'a Node, name: &str) -> Option<Value<'a>> {
    match name {
        "label" => Some(Value::Str(&node.label)),
        "type" => Some(Value::Str(node.kind.as_str())),
        "aliases" => Some(Value::List(node.aliases.iter().map(String::as_str).collect())),
        _ => node.attributes.get(name).map(|v| Value::Str(v)),
    }
}

/// The value of edge property `name`, or `None` when the edge has no such attribute.
pub(crate) fn edge_value<'a>(edge: &'a Edge, name: &str) -> Option<Value<'a>> {
    match name {
        "key" => Some(Value::Owned(edge_key(edge))),
        "relation" => Some(Value::Str(edge.relation.as_str())),
        "status" => Some(Value::Str(edge.status.as_str())),
        "count" => Some(Value::Int(edge.count)),
        "evidence" => Some(Value::Str(edge.evidence.first().map_or("", |e| e.text.as_str()))),
        "docs" => {
            let mut docs: Vec<&str> = Vec::new();
            for ev in &edge.evidence {
                if !docs.contains(&ev.doc.as_str()) {
                    docs.push(&ev.doc);
                }
            }
            Some(Value::List(docs))
        }
        _ => edge.attributes.get(name).map(|v| Value::Str(v)),
    }
}

/// The label shown for an edge: the relation, with the status in brackets unless it
/// occurred (`met_with (planned)`).
pub(crate) fn edge_label(edge: &Edge) -> String {
    if edge.status == kg_extract::Status::Occurred {
        edge.relation.as_str().to_string()
    } else {
        format!("{} ({})", edge.relation, edge.status)
    }
}

/// Ids for edges (`e0`, `e1`... in edge order) that differ from every node id, for the
/// formats where nodes and edges share one id space.
pub(crate) fn edge_ids(graph: &Graph) -> Vec<String> {
    let prefix = edge_id_prefix(graph);
    (0..graph.edge_count()).map(|i| format!("{prefix}{i}")).collect()
}

/// `e`, followed by as many `_` as it takes for no node id to be the prefix and digits.
fn edge_id_prefix(graph: &Graph) -> String {
    let mut prefix = String::from("e");
    while graph.nodes().any(|n| {
        n.id.strip_prefix(prefix.as_str())
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
    }) {
        prefix.push('_');
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn schema_lists_fixed_then_sorted_attributes() {
        let s = Schema::of(&fixture::graph());
        let names: Vec<&str> = s.node.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["label", "type", "aliases", "date", "iso", "title"]);
        let names: Vec<&str> = s.edge.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["key", "relation", "status", "count", "evidence", "docs", "venue"]);
    }

    #[test]
    fn edge_ids_avoid_node_ids() {
        let mut g = Graph::new();
        assert_eq!(edge_id_prefix(&g), "e");
        for id in ["e0", "e_7", "e__x"] {
            g.add_node(Node {
                id: id.into(),
                kind: kg_extract::EntityKind::Person,
                label: id.into(),
                aliases: BTreeSet::new(),
                attributes: Default::default(),
            });
        }
        assert_eq!(edge_id_prefix(&g), "e__");
        let ids = edge_ids(&fixture::graph());
        assert_eq!(ids.first().map(String::as_str), Some("e0"));
        assert_eq!(ids.len(), fixture::graph().edge_count());
    }
}
