//! kg-export owns every way a kg [`Graph`](kg_graph::Graph) leaves the program:
//!
//! * [`json`]: the node-link JSON document that other tools consume; it loads unchanged
//!   with Python networkx 3.x `nx.node_link_graph(data, edges="edges")`.
//! * [`dot`]: a Graphviz digraph, escaped so that `dot -Tsvg` accepts any label.
//! * [`text`]: a readable plain-text summary for terminals and reviews.
//!
//! All writers are pure functions of the graph (plus [`GraphMeta`] for JSON) and
//! produce byte-identical output for the same graph: nodes come in id order, edges in
//! key order, and map keys are sorted.

pub mod dot;
pub mod json;
pub mod read;
pub mod text;

#[cfg(test)]
mod fixture;

pub use dot::to_dot;
pub use json::{edge_key, to_json_value, write_json, GraphMeta};
pub use read::{read_graph, ReadError};
pub use text::to_text;
