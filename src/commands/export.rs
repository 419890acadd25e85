//! `kg export GRAPH.json --format F [-o PATH]`: converts a graph JSON written by kg into
//! another format (see `docs/formats.md` for the tool that reads each one). `neo4j`
//! writes a folder, so it needs `-o DIR`. [`write_graph`] is also how `kg extract` writes
//! its graph in any format.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kg_export::neo4j::{NODES_FILE, RELATIONSHIPS_FILE};
use kg_export::GraphMeta;
use kg_graph::Graph;

use crate::cli::Format;
use crate::commands::extract::render;
use crate::output::{write_atomic, write_output};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A graph JSON written by `kg extract --format json`.
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Format,
    /// Write to this file instead of standard output; for `neo4j`, the folder to write
    /// nodes.csv and relationships.csv into.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let (graph, meta) = crate::source::read_graph_file(&args.graph)?;
    write_graph(&graph, &meta, args.format, args.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `graph` in `format` to `output` (standard output when `None`), or for `neo4j`
/// into the folder `output`. Files are replaced atomically.
pub fn write_graph(graph: &Graph, meta: &GraphMeta, format: Format, output: Option<&Path>) -> Result<()> {
    if format == Format::Neo4j {
        let Some(dir) = output else {
            bail!("--format neo4j writes a folder ({NODES_FILE}, {RELATIONSHIPS_FILE}): give it with -o DIR");
        };
        return write_neo4j_folder(graph, dir);
    }
    let text = render(graph, meta, format)?;
    write_output(output, text.as_bytes())
}

/// `nodes.csv` and `relationships.csv` in `dir`, which is created when missing.
fn write_neo4j_folder(graph: &Graph, dir: &Path) -> Result<()> {
    if dir.is_file() {
        bail!("{} is a file; --format neo4j writes a folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create folder {}", dir.display()))?;
    write_atomic(&dir.join(NODES_FILE), kg_export::to_neo4j_nodes(graph).as_bytes())?;
    write_atomic(&dir.join(RELATIONSHIPS_FILE), kg_export::to_neo4j_relationships(graph).as_bytes())
}
