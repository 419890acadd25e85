//! Where a graph comes from: a JSON graph written by kg, or articles extracted on the fly.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use kg_export::GraphMeta;
use kg_extract::Extractor;
use kg_graph::Graph;

use crate::commands::extract::build_graph;
use crate::input::read_documents;

/// Whether a path names a kg graph (by its `.json` extension) rather than an article.
pub fn is_graph_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Reads one graph file, with the file named in any error.
pub fn read_graph_file(path: &Path) -> Result<(Graph, GraphMeta)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    kg_export::read_graph(&text).with_context(|| format!("{}: not a kg graph", path.display()))
}

/// The graph of `paths`: one graph JSON, or articles (extracted with the default view).
pub fn load(paths: &[PathBuf], date: Option<NaiveDate>) -> Result<(Graph, GraphMeta)> {
    if let [one] = paths {
        if is_graph_file(one) {
            return read_graph_file(one);
        }
    }
    let docs = read_documents(paths, date)?;
    let graph = build_graph(&Extractor::builtin().with_mentions(false), &docs, false);
    let meta = GraphMeta {
        generator: format!("kg {}", env!("CARGO_PKG_VERSION")),
        documents: docs.iter().map(|d| d.id.clone()).collect(),
    };
    Ok((graph, meta))
}
