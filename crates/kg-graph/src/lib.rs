//! kg-graph owns the knowledge-graph model: one node per real-world entity across all
//! documents (merged by stable id), one edge per (source, relation, target, status)
//! with the evidence of every document that supports it.
//!
//! [`query`] answers questions about a graph (who met whom, delegations, officials,
//! meetings, neighbourhoods, paths) and builds the sub-graph of an answer.

mod graph;
pub mod query;
mod resolve;

pub use graph::{Edge, Graph, Node, MAX_EVIDENCE};
