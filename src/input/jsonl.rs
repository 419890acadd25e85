//! JSON Lines: one article per line, read one line at a time.
//!
//! Each line is a JSON object. The article is the string field `text`; `title`, when
//! present, is put before it (`title`, a blank line, `text`), so that names in headlines
//! count and byte offsets are into that combined text. `id` (a string or a number) names
//! the document; without it the id is `<file id>:<line number>`. `date` (`YYYY-MM-DD`, or
//! an RFC 3339 timestamp whose date part is used) is the publication date; without it, or
//! when it cannot be read (a warning), `--date` applies. The four field names can be
//! changed with `--id-field`, `--date-field`, `--title-field` and `--text-field`.
//!
//! A line that is not a JSON object with a string `text` is skipped with a warning that
//! gives its file and line number; blank lines are skipped silently; a line longer than
//! [`super::MAX_LINE_BYTES`] is skipped with a warning without being held in memory. After
//! [`MAX_LINE_WARNINGS`] warnings in one file, the rest are counted and reported once at
//! its end. A file with nothing but blank lines is empty: a warning, no document.

use std::io::{self, BufRead, Read};

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use kg_extract::Document;
use serde_json::{Map, Value};

use super::decode::lossy_utf8;
use super::{warn, Fields};

/// Warnings printed per file before the rest are only counted.
pub const MAX_LINE_WARNINGS: usize = 10;

/// A line buffer larger than this is given back after its line rather than kept for
/// the next: one long line does not hold its memory for the rest of the file.
const KEEP_LINE_BYTES: usize = 1 << 20;

/// Reads documents from a JSON Lines stream.
pub struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    /// How messages name the file.
    name: String,
    /// The id of the file, the base of the ids of lines without one.
    base: String,
    fields: Fields,
    date: Option<NaiveDate>,
    max_line: usize,
    /// The bytes of the current line: one buffer, line after line, rather than one
    /// grown from nothing for each.
    buf: Vec<u8>,
    line: usize,
    /// Lines that were not blank.
    records: usize,
    warned: usize,
    suppressed: usize,
    done: bool,
}

impl std::fmt::Debug for JsonlReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlReader").field("name", &self.name).field("line", &self.line).finish_non_exhaustive()
    }
}

/// What reading one line gave.
enum Line {
    End,
    /// In [`JsonlReader::buf`].
    Text,
    TooLong,
}

impl JsonlReader {
    /// Reads `reader` (positioned after any byte-order mark), named `name` in messages.
    pub fn new(
        reader: Box<dyn BufRead + Send>,
        name: String,
        base: String,
        fields: Fields,
        date: Option<NaiveDate>,
        max_line: usize,
    ) -> Self {
        JsonlReader {
            reader,
            name,
            base,
            fields,
            date,
            max_line,
            buf: Vec::new(),
            line: 0,
            records: 0,
            warned: 0,
            suppressed: 0,
            done: false,
        }
    }

    /// The next document, an error that ends the file, or `None` at its end.
    pub fn next_document(&mut self) -> Option<Result<Document>> {
        while !self.done {
            let line = match self.read_line() {
                Ok(line) => line,
                Err(e) => {
                    self.done = true;
                    return Some(Err(anyhow!("cannot read {}:{}: {e}", self.name, self.line + 1)));
                }
            };
            self.line += 1;
            match line {
                Line::End => {
                    self.done = true;
                    if self.records == 0 && self.warned == 0 {
                        warn(format_args!("{}: empty, skipped", self.name));
                    }
                    if self.suppressed > 0 {
                        warn(format_args!("{}: {} more line(s) with problems not shown", self.name, self.suppressed));
                    }
                }
                Line::TooLong => {
                    let limit = super::size(self.max_line);
                    self.line_warning(format_args!("longer than {limit}, skipped"));
                }
                Line::Text => {
                    let bytes = std::mem::take(&mut self.buf);
                    let (doc, mut buf) = self.parse(bytes);
                    if buf.capacity() <= KEEP_LINE_BYTES {
                        buf.clear();
                        self.buf = buf;
                    }
                    if let Some(doc) = doc {
                        return Some(Ok(doc));
                    }
                }
            }
        }
        None
    }

    /// Reads one line (without its end) of at most `max_line` bytes, skipping longer ones.
    fn read_line(&mut self) -> io::Result<Line> {
        let buf = &mut self.buf;
        buf.clear();
        let limit = self.max_line as u64 + 1;
        let n = (&mut self.reader).take(limit).read_until(b'\n', buf)?;
        if n == 0 {
            return Ok(Line::End);
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        } else if buf.len() > self.max_line {
            // Skip the rest of the line without keeping it.
            loop {
                let available = self.reader.fill_buf()?;
                if available.is_empty() {
                    break;
                }
                match available.iter().position(|&b| b == b'\n') {
                    Some(p) => {
                        self.reader.consume(p + 1);
                        break;
                    }
                    None => {
                        let n = available.len();
                        self.reader.consume(n);
                    }
                }
            }
            return Ok(Line::TooLong);
        }
        Ok(Line::Text)
    }

    /// The document on one line, or `None` (with a warning unless the line is blank),
    /// with the line's memory for the next line.
    fn parse(&mut self, bytes: Vec<u8>) -> (Option<Document>, Vec<u8>) {
        let (text, bad) = lossy_utf8(bytes);
        if bad > 0 {
            self.line_warning(format_args!("invalid UTF-8: {bad} bad byte(s) replaced with U+FFFD"));
        }
        let doc = self.parse_line(&text);
        (doc, text.into_bytes())
    }

    fn parse_line(&mut self, text: &str) -> Option<Document> {
        let line = text.trim();
        if line.is_empty() {
            return None;
        }
        self.records += 1;
        let mut object: Map<String, Value> = match serde_json::from_str(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                self.line_warning(format_args!("not a JSON object, skipped"));
                return None;
            }
            Err(e) => {
                let message = e.to_string();
                let message = message.split(" at line ").next().unwrap_or_default();
                self.line_warning(format_args!("malformed JSON ({message} at column {}), skipped", e.column()));
                return None;
            }
        };
        // The field names are copied only for a warning: most lines have none.
        let body = match object.remove(&self.fields.text) {
            Some(Value::String(s)) => s,
            None | Some(Value::Null) => {
                let name = self.fields.text.clone();
                self.line_warning(format_args!("no {name:?} field, skipped"));
                return None;
            }
            Some(_) => {
                let name = self.fields.text.clone();
                self.line_warning(format_args!("field {name:?} is not a string, skipped"));
                return None;
            }
        };
        let title = match object.get(&self.fields.title) {
            Some(Value::String(s)) => s.trim(),
            None | Some(Value::Null) => "",
            Some(_) => {
                let name = self.fields.title.clone();
                self.line_warning(format_args!("field {name:?} is not a string, ignored"));
                ""
            }
        };
        let text = if title.is_empty() { body } else { format!("{title}\n\n{body}") };
        if text.trim().is_empty() {
            self.line_warning(format_args!("no text, skipped"));
            return None;
        }
        // Made only for a line without an id.
        let default_id = |r: &Self| format!("{}:{}", r.base, r.line);
        let id = match object.get(&self.fields.id) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null | Value::String(_)) => default_id(self),
            Some(_) => {
                let default_id = default_id(self);
                let name = self.fields.id.clone();
                self.line_warning(format_args!("field {name:?} is not a string or a number, id {default_id} used"));
                default_id
            }
        };
        let date = match object.get(&self.fields.date) {
            None | Some(Value::Null) => self.date,
            Some(Value::String(s)) if s.trim().is_empty() => self.date,
            Some(value) => match value.as_str().and_then(parse_date) {
                Some(date) => Some(date),
                None => {
                    let fallback = if self.date.is_some() { "--date used" } else { "no date" };
                    self.line_warning(format_args!("date {value} is not YYYY-MM-DD, {fallback}"));
                    self.date
                }
            },
        };
        Some(Document::new(id, text, date))
    }

    /// Prints a warning about the current line, or counts it once there were many.
    fn line_warning(&mut self, message: std::fmt::Arguments<'_>) {
        if self.warned < MAX_LINE_WARNINGS {
            self.warned += 1;
            warn(format_args!("{}:{}: {message}", self.name, self.line));
        } else {
            self.suppressed += 1;
        }
    }
}

/// A date written `YYYY-MM-DD`, alone or at the start of a timestamp (`T` or a space after).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let rest = s.get(10..)?;
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str, max_line: usize) -> Vec<Document> {
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(input.as_bytes().to_vec()));
        let fallback = NaiveDate::from_ymd_opt(2025, 1, 1);
        let mut r = JsonlReader::new(reader, "t.jsonl".into(), "t".into(), Fields::default(), fallback, max_line);
        std::iter::from_fn(|| r.next_document()).map(|d| d.expect("no I/O error")).collect()
    }

    #[test]
    fn reads_fields_and_skips_bad_lines() {
        let input = concat!(
            "{\"id\": \"a\", \"date\": \"2025-05-16\", \"title\": \"Talks\", \"text\": \"Fidan met Lavrov.\"}\n",
            "{\"text\": \"No id, no date.\"}\r\n",
            "{\"id\": 7, \"text\": \"Numeric id\", \"date\": \"2025-05-17T10:00:00Z\"}\n",
            "\n",
            "{\"id\": \"broken\", \"text\": \n",
            "[1, 2]\n",
            "{\"id\": \"x\", \"text\": 5}\n",
            "{\"id\": \"d\", \"text\": \"Bad date\", \"date\": \"May 16\"}\n",
            "{\"id\": \"last\", \"text\": \"No newline at the end\"}",
        );
        let docs = read(input, 1 << 20);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "t:2", "7", "d", "last"]);
        assert_eq!(docs[0].text, "Talks\n\nFidan met Lavrov.");
        assert_eq!(docs[0].date, NaiveDate::from_ymd_opt(2025, 5, 16));
        assert_eq!(docs[1].date, NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(docs[2].date, NaiveDate::from_ymd_opt(2025, 5, 17));
        assert_eq!(docs[3].date, NaiveDate::from_ymd_opt(2025, 1, 1));
    }

    #[test]
    fn skips_over_long_lines_and_reads_on() {
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(500));
        let input = format!("{long}{{\"id\": \"after\", \"text\": \"ok\"}}\n{long}");
        let docs = read(&input, 100);
        assert_eq!(docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["after"]);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-05-16"), NaiveDate::from_ymd_opt(2025, 5, 16));
        assert_eq!(parse_date(" 2025-05-16 12:00 "), NaiveDate::from_ymd_opt(2025, 5, 16));
        assert_eq!(parse_date("2025-05-160"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("16 May 2025"), None);
        assert_eq!(parse_date("2025-05-1é"), None);
    }
}
