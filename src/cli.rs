//! Command-line arguments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "kg", version, about = "Turn diplomatic news articles into a knowledge graph")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities and relations from articles and write one graph.
    Extract(ExtractArgs),
    /// Score kg (or any command) against gold annotations.
    Eval(EvalArgs),
    /// List the extraction rules in the order they run.
    Rules,
    /// Ask the graph a question: who met whom, delegations, officials, paths.
    Query(crate::commands::query::QueryArgs),
    /// Convert a graph JSON written by kg to another format.
    Export(crate::commands::export::ExportArgs),
    /// Draw a graph (or the graph of articles) with Graphviz.
    Render(crate::commands::render::RenderArgs),
    /// Merge graphs produced separately into one.
    Merge(crate::commands::merge::MergeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable summary (the default on a terminal).
    Text,
    /// Node-link JSON, loadable by networkx (the default when piped).
    Json,
    /// Graphviz DOT.
    Dot,
    /// networkx node-link JSON with both `edges` and `links` (networkx 3.4 to 3.6).
    NodeLink,
    /// GraphML (Gephi, yEd, Cytoscape, networkx, igraph).
    Graphml,
    /// GEXF 1.3 (Gephi, networkx).
    Gexf,
    /// Cytoscape.js elements JSON (Cytoscape, Cytoscape.js, networkx).
    Cytoscape,
    /// A folder with nodes.csv and relationships.csv for neo4j-admin import (needs -o DIR).
    Neo4j,
    /// A Cypher script of MERGE statements (cypher-shell).
    Cypher,
    /// A Mermaid flowchart (Markdown on GitHub and GitLab).
    Mermaid,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: crate::input::InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Keep relations that did not happen (proposed, declined, cancelled,
    /// hypothetical, alleged), each with its status.
    #[arg(long)]
    pub all_statuses: bool,
    /// Extra gazetteer file, as KIND=FILE (kinds: countries, cities, places,
    /// organizations, titles, officials, given-names). Repeatable.
    #[arg(long = "gazetteer", value_name = "KIND=FILE")]
    pub gazetteers: Vec<String>,
    /// Add the articles to this graph (created when missing) and write it back in
    /// place; the old graph stays intact if anything fails.
    #[arg(long, value_name = "GRAPH.json", conflicts_with = "per_document")]
    pub into: Option<PathBuf>,
    /// One graph per article, one JSON object per line (JSON Lines): the map step of
    /// a distributed run; `kg merge` is the reduce.
    #[arg(long)]
    pub per_document: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Folder of `<doc>.gold.json` files (or one file).
    #[arg(long)]
    pub gold: PathBuf,
    /// Command to score, with {text} and {date} filled in per document; by default kg
    /// itself is run in-process.
    #[arg(long)]
    pub cmd: Option<String>,
    /// List every miss and every spurious node or edge.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Parses a `--date` value.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}
