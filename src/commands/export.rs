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
    if format == Format::Json {
        // Written as bytes: serde_json writes only UTF-8, so the copy into a String
        // `render` makes would be a second pass over the whole output for nothing.
        let mut buf = Vec::with_capacity(json_size_hint(graph));
        kg_export::write_json(graph, meta, &mut buf).context("serialising JSON")?;
        return write_output(output, &buf);
    }
    let text = render(graph, meta, format)?;
    write_output(output, text.as_bytes())
}

/// About the size of a graph's JSON, so its buffer is not grown (and copied) a dozen
/// times: the evidence sentences are most of it.
fn json_size_hint(graph: &Graph) -> usize {
    graph.edges().map(|(_, _, e)| e.evidence.iter().map(|ev| ev.text.len() + 320).sum::<usize>() + 512).sum::<usize>()
        + graph.node_count() * 256
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
