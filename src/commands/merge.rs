//! `kg merge`: graphs produced separately (on other machines, on other days, or one
//! per document by `kg extract --per-document`) into the graph one run over all their
//! articles would give. The result does not depend on the order of the inputs.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use kg_export::GraphMeta;
use kg_graph::Graph;

use crate::cli::Format;

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Graph files: kg JSON, or JSON Lines of graphs (one per line, as written by
    /// `kg extract --per-document`); `-` reads JSON Lines from standard input.
    #[arg(required = true)]
    pub graphs: Vec<PathBuf>,
    /// Write here (atomically) instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Output format (default: json).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: &MergeArgs) -> Result<ExitCode> {
    let mut graph = Graph::new();
    let mut documents = Vec::new();
    for path in &args.graphs {
        let is_lines = path.as_os_str() == "-" || path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        if is_lines {
            merge_lines(path, &mut graph, &mut documents)?;
        } else {
            let (g, meta) = crate::source::read_graph_file(path)?;
            graph.absorb(g);
            documents.extend(meta.documents);
        }
    }
    graph.resolve();
    documents.sort();
    documents.dedup();
    let meta = GraphMeta { generator: super::extract::generator(), documents };
    crate::commands::export::write_graph(&graph, &meta, args.format.unwrap_or(Format::Json), args.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

fn merge_lines(path: &std::path::Path, graph: &mut Graph, documents: &mut Vec<String>) -> Result<()> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        Box::new(BufReader::new(file))
    };
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: cannot read", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let (g, meta) =
            kg_export::read_graph(&line).with_context(|| format!("{}:{}: not a kg graph", path.display(), i + 1))?;
        graph.absorb(g);
        documents.extend(meta.documents);
    }
    Ok(())
}
