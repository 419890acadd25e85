//! `kg eval`: scores kg (run in-process) or any command against gold annotations, with
//! the rules and the output of the shared scorer (score.py). The rules live in
//! [`crate::eval`]; this module reads the arguments, supplies each document's graph and
//! prints the report.

use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDate;
use kg_export::GraphMeta;
use kg_extract::Extractor;
use serde_json::Value;

use super::extract::build_graph;
use crate::cli::EvalArgs;
use crate::eval::{self, GoldDoc};
use crate::input::read_documents;

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    let docs = eval::gold_files(&args.gold)?.iter().map(|path| GoldDoc::load(path)).collect::<Result<Vec<_>>>()?;
    let report = match &args.cmd {
        Some(template) => eval::evaluate(&docs, |doc| eval::command::run(template, doc)),
        None => {
            let extractor = Extractor::builtin().with_mentions(false);
            eval::evaluate(&docs, |doc| extract_in_process(&extractor, doc).map_err(|e| format!("{e:#}")))
        }
    };
    let out = if args.json {
        eval::to_json(&report).context("serialising the report")?
    } else {
        eval::to_text(&report, args.verbose)
    };
    std::io::stdout().lock().write_all(out.as_bytes()).context("writing standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The graph `kg extract TEXT --date DATE --format json` writes for the document (no
/// date when the gold file gives none).
fn extract_in_process(extractor: &Extractor<'_>, doc: &GoldDoc) -> Result<Value> {
    let date = match doc.date.as_str() {
        "" => None,
        d => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .with_context(|| format!("date {d:?} of {}: expected YYYY-MM-DD", doc.name))?,
        ),
    };
    let docs = read_documents(&[doc.text.clone().into()], date)?;
    let graph = std::panic::catch_unwind(AssertUnwindSafe(|| build_graph(extractor, &docs, false)))
        .map_err(|panic| anyhow!("kg panicked on {}: {}", doc.text, panic_text(&*panic)))?;
    let meta = GraphMeta {
        generator: format!("kg {}", env!("CARGO_PKG_VERSION")),
        documents: docs.iter().map(|d| d.id.clone()).collect(),
    };
    Ok(kg_export::to_json_value(&graph, &meta))
}

/// The message of a panic: a panic scores its document zero, as a crashing command
/// would under `--cmd`.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
