//! Reading articles from files and standard input.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use kg_extract::Document;

/// Where articles come from, and what their publication date is.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// Articles to read; `-` or none reads standard input.
    pub files: Vec<std::path::PathBuf>,
    /// Publication date (YYYY-MM-DD): anchors "on Tuesday", "May 16", "last week".
    #[arg(long, value_parser = crate::cli::parse_date)]
    pub date: Option<NaiveDate>,
}

/// Reads the named files (or standard input for none or `-`) as documents.
pub fn read_documents(files: &[std::path::PathBuf], date: Option<NaiveDate>) -> Result<Vec<Document>> {
    if files.is_empty() || (files.len() == 1 && files[0] == Path::new("-")) {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
        return Ok(vec![Document::new("stdin", decode(&bytes, "standard input"), date)]);
    }
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok(Document::new(doc_id(path), decode(&bytes, &path.display().to_string()), date))
        })
        .collect()
}

/// The id of a document read from a file: its name without extension.
fn doc_id(path: &Path) -> String {
    path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}

/// UTF-8 text with a BOM removed; invalid bytes are replaced, with a warning.
fn decode(bytes: &[u8], name: &str) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{fffd}').count();
            eprintln!("kg: warning: {name}: invalid UTF-8, {bad} sequence(s) replaced");
            text
        }
    }
}
