//! A node of the graph: an entity as merged from every document that names it.

use std::collections::{BTreeMap, BTreeSet};

use kg_extract::{Entity, EntityKind};
use serde::{Deserialize, Serialize};

use super::edge::merge_attributes;

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

impl From<Entity> for Node {
    fn from(entity: Entity) -> Self {
        let Entity { id, kind, label, aliases, attributes } = entity;
        Node { id, kind, label, aliases, attributes }
    }
}

impl Node {
    /// The node, leaving an empty one in its place (no allocation, unlike removing it
    /// from a graph).
    pub(super) fn take(&mut self) -> Node {
        Node {
            id: std::mem::take(&mut self.id),
            kind: self.kind,
            label: std::mem::take(&mut self.label),
            aliases: std::mem::take(&mut self.aliases),
            attributes: std::mem::take(&mut self.attributes),
        }
    }

    /// Merges `node`, which has the same id: aliases are united, the smaller label wins
    /// (the other becomes an alias), attributes merge order-independently.
    pub(super) fn merge(&mut self, node: Node) {
        let Node { label, aliases, attributes, .. } = node;
        if self.aliases.is_empty() {
            self.aliases = aliases;
        } else {
            self.aliases.extend(aliases);
        }
        match label.cmp(&self.label) {
            std::cmp::Ordering::Less => {
                let old = std::mem::replace(&mut self.label, label);
                self.aliases.insert(old);
            }
            std::cmp::Ordering::Greater => {
                self.aliases.insert(label);
            }
            std::cmp::Ordering::Equal => {}
        }
        merge_attributes(&mut self.attributes, attributes);
        self.aliases.remove(self.label.as_str());
    }
}
