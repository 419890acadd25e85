//! kg-export owns every way a kg [`Graph`](kg_graph::Graph) leaves the program, one module
//! (and one function) per format:
//!
//! | module | function | read by |
//! |---|---|---|
//! | [`json`] | [`write_json`] | kg itself (`kg export`, `kg query`...); networkx `node_link_graph(data, edges="edges")` |
//! | [`nodelink`] | [`to_node_link`] | networkx 3.4–3.6 `node_link_graph` (both `edges` and `links`) |
//! | [`graphml`] | [`to_graphml`] | Gephi, yEd, Cytoscape, networkx `read_graphml`, igraph `Graph.Read_GraphML` |
//! | [`gexf`] | [`to_gexf`] | Gephi, networkx `read_gexf` |
//! | [`cytoscape`] | [`to_cytoscape`] | Cytoscape, Cytoscape.js, networkx `cytoscape_graph` |
//! | [`neo4j`] | [`write_neo4j`] | `neo4j-admin database import full` |
//! | [`cypher`] | [`to_cypher`] | `cypher-shell`, Neo4j Browser |
//! | [`mermaid`] | [`to_mermaid`] | GitHub and GitLab Markdown, Mermaid |
//! | [`dot`] | [`to_dot`] | Graphviz `dot` |
//! | [`who_met_whom`] | [`to_dot_who_met_whom`] | Graphviz `dot` (the `kg render` layout) |
//! | [`text`] | [`to_text`] | people, in a terminal |
//!
//! [`read`] reads kg's JSON back. All writers are pure functions of the graph (plus
//! [`GraphMeta`] for the JSON formats) and produce byte-identical output for the same
//! graph: nodes come in id order, edges in key order, and map keys are sorted.

pub mod cypher;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod mermaid;
pub mod neo4j;
pub mod nodelink;
pub mod read;
pub mod text;
pub mod who_met_whom;

mod props;
mod xml;

#[cfg(test)]
mod fixture;

pub use cypher::to_cypher;
pub use cytoscape::to_cytoscape;
pub use dot::to_dot;
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use json::{edge_key, to_json_value, write_json, GraphMeta};
pub use mermaid::to_mermaid;
pub use neo4j::{to_neo4j_nodes, to_neo4j_relationships, write_neo4j};
pub use nodelink::to_node_link;
pub use read::{read_graph, ReadError};
pub use text::to_text;
pub use who_met_whom::to_dot_who_met_whom;
