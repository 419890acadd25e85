//! Reading articles: files, directories, JSON Lines and standard input, one document at
//! a time.
//!
//! [`documents`] plans the inputs (checking that every path named exists and every
//! directory holds articles, so that such mistakes fail before any work is done) and
//! returns a [`DocumentStream`], which reads one file, one part of a large file or one
//! JSON line at a time. Problems that leave the rest readable are warnings on standard
//! error (`kg: warning: ...`): binary files, invalid UTF-8 (with the count of bad bytes),
//! empty files, malformed JSON lines (with file and line number). Problems that make the
//! result wrong are errors, one line naming the file: a missing or unreadable file, a
//! directory without articles.
//!
//! Text handling ([`decode`]): a UTF-8 byte-order mark is dropped (offsets count from the
//! byte after it), UTF-16 with a byte-order mark is decoded, line ends (CRLF included) are
//! kept as they are, so spans are byte offsets into the text as decoded. HTML is reduced
//! to its text ([`html`]), Markdown to the text it shows with its offsets kept
//! ([`markdown`]); JSON Lines are described in [`jsonl`]; dumps larger than
//! [`MAX_DOCUMENT_BYTES`] are read in parts ([`text`]). An empty file (or one with only
//! white space) gives a warning and no document.
//!
//! `docs/robustness.md` lists every input class and what kg does with it.

mod decode;
mod entities;
mod files;
mod html;
mod jsonl;
mod markdown;
mod stream;
mod text;

use std::fmt;
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use kg_extract::Document;

pub use self::stream::DocumentStream;

/// The most bytes of text in one document; longer texts are read as several parts. News
/// articles are 2 to 100 KB; a text of more than 1 MiB is a dump or a mistake, and the
/// extraction's working state (about 20 bytes per byte of text) and the cost of
/// within-document resolution grow with the size of a document.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// The most bytes held at once for one JSON line or one HTML page; longer ones are
/// skipped with a warning.
pub const MAX_RECORD_BYTES: usize = 256 * 1024 * 1024;

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// By extension (.txt, .md, .markdown, .html, .htm, .jsonl, .ndjson); for standard input and other
    /// files, by content: JSON Lines if it starts with `{`, HTML if with `<!DOCTYPE html` or
    /// `<html`, text otherwise.
    #[default]
    Auto,
    /// Plain text, as it is.
    Text,
    /// Markdown: the text it shows, its markup read as spaces (offsets stay the file's).
    Markdown,
    /// HTML: the text without its tags.
    Html,
    /// JSON Lines: one article per line.
    Jsonl,
}

/// Where articles come from, and what their publication date is.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Articles: files, directories (searched recursively for .txt, .md, .html and .jsonl
    /// files), `-` for standard input, which is also read when no file is named.
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD): anchors "on Tuesday", "May 16", "last week". A JSON
    /// Lines date field takes precedence.
    #[arg(long, value_parser = crate::cli::parse_date)]
    pub date: Option<NaiveDate>,
    /// How to read the inputs: by extension and content, or all as one format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// JSON Lines: the field with a document's id (a string or a number; default: the
    /// file's id and the line number, `news:12`).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSON Lines: the field with a document's date (YYYY-MM-DD, or a timestamp starting
    /// with one).
    #[arg(long, value_name = "NAME", default_value = "date")]
    pub date_field: String,
    /// JSON Lines: the field with a document's title, read before its text.
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// JSON Lines: the field with a document's text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
}

impl Default for InputArgs {
    fn default() -> Self {
        let fields = Fields::default();
        InputArgs {
            files: Vec::new(),
            date: None,
            input_format: InputFormat::Auto,
            id_field: fields.id,
            date_field: fields.date,
            title_field: fields.title,
            text_field: fields.text,
        }
    }
}

/// The names of the JSON Lines fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub date: String,
    pub title: String,
    pub text: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { id: "id".into(), date: "date".into(), title: "title".into(), text: "text".into() }
    }
}

/// A size for messages: `1 MiB`, `256 MiB`, or bytes.
pub(crate) fn size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Prints a warning on standard error.
pub(crate) fn warn(message: fmt::Arguments<'_>) {
    eprintln!("kg: warning: {message}");
}

/// Reads the named files (or standard input for none or `-`) as documents, all at once.
pub fn read_documents(files: &[PathBuf], date: Option<NaiveDate>) -> Result<Vec<Document>> {
    documents(&InputArgs { files: files.to_vec(), date, ..InputArgs::default() })?.collect()
}

/// The documents of `args`, read one at a time.
///
/// Fails at once when a path does not exist, cannot be opened, or is a directory without
/// articles. The stream then yields each document, or an error that names the file (and
/// line) for a problem met while reading; it goes on with the next input after an error,
/// but callers should stop there, as `kg` does.
pub fn documents(args: &InputArgs) -> Result<DocumentStream> {
    let entries = files::plan(&args.files, args.input_format)?;
    let fields = Fields {
        id: args.id_field.clone(),
        date: args.date_field.clone(),
        title: args.title_field.clone(),
        text: args.text_field.clone(),
    };
    Ok(DocumentStream::new(entries, fields, args.date, MAX_DOCUMENT_BYTES))
}
