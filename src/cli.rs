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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable summary (the default on a terminal).
    Text,
    /// Node-link JSON, loadable by networkx (the default when piped).
    Json,
    /// Graphviz DOT.
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Articles to read; `-` or none reads standard input.
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD): anchors "on Tuesday", "May 16", "last week".
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Keep relations that did not happen (proposed, declined, cancelled,
    /// hypothetical), each with its status.
    #[arg(long)]
    pub all_statuses: bool,
    /// Extra gazetteer file, as KIND=FILE (kinds: countries, cities, places,
    /// organizations, titles, officials, given-names). Repeatable.
    #[arg(long = "gazetteer", value_name = "KIND=FILE")]
    pub gazetteers: Vec<String>,
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

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}
