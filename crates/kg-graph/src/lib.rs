//! kg-graph owns the knowledge-graph model: one node per real-world entity across all
//! documents (merged by stable id), one edge per (source, relation, target, status)
//! with the evidence of every document that supports it.

mod graph;

pub use graph::{Edge, Graph, Node};
