//! [`DocumentStream`]: the inputs planned by [`super::files`], read one at a time.

use std::collections::VecDeque;
use std::io::{BufReader, Cursor, Read};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use kg_extract::Document;

use super::decode::{lossy_utf8, read_head, sniff, Sniff, Utf16Reader, SNIFF_BYTES};
use super::files::{io_error, Entry};
use super::jsonl::JsonlReader;
use super::text::{split_text, TextParts};
use super::{html, size, warn, Fields, InputFormat, MAX_RECORD_BYTES};

/// Documents read one at a time, in the order of the inputs (directories in name order).
/// `Send`, so that it can feed a thread pool.
#[derive(Debug)]
pub struct DocumentStream {
    entries: VecDeque<Entry>,
    current: Option<Current>,
    /// Parts of a document split in memory, not yet handed out.
    ready: VecDeque<Document>,
    fields: Fields,
    date: Option<NaiveDate>,
    max_document: usize,
}

/// The input being read.
#[derive(Debug)]
enum Current {
    Jsonl { reader: JsonlReader, name: String, bad_utf16: Arc<AtomicUsize> },
    Text { parts: TextParts, entry: Entry, part: usize, yielded: bool, bad_utf16: Arc<AtomicUsize> },
}

impl Iterator for DocumentStream {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(doc) = self.ready.pop_front() {
                return Some(Ok(doc));
            }
            match self.current.as_mut() {
                Some(Current::Jsonl { reader, .. }) => match reader.next_document() {
                    Some(Ok(doc)) => {
                        let name = format!("{} (id {})", self.current_name(), doc.id);
                        self.queue_parts(doc, &name);
                        continue;
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.close(),
                },
                Some(Current::Text { .. }) => match self.next_text_part() {
                    Ok(Some(doc)) => return Some(Ok(doc)),
                    Ok(None) => self.close(),
                    Err(e) => {
                        self.current = None;
                        return Some(Err(e));
                    }
                },
                None => {
                    let entry = self.entries.pop_front()?;
                    if let Err(e) = self.open(entry) {
                        return Some(Err(e));
                    }
                }
            }
        }
    }
}

impl DocumentStream {
    /// Reads `entries` in order; documents get `date` unless a JSON line gives one, and
    /// texts longer than `max_document` bytes are read in parts.
    pub(super) fn new(entries: Vec<Entry>, fields: Fields, date: Option<NaiveDate>, max_document: usize) -> Self {
        DocumentStream { entries: entries.into(), current: None, ready: VecDeque::new(), fields, date, max_document }
    }

    /// Starts reading `entry`: skips it if binary, reads an HTML page whole, or sets up
    /// the reader of a text or JSON Lines input.
    fn open(&mut self, entry: Entry) -> Result<()> {
        let name = entry.name();
        let read_err = |e: std::io::Error| match &entry.path {
            Some(path) => io_error(path, &e),
            None => anyhow!("cannot read standard input: {e}"),
        };
        let mut raw: Box<dyn Read + Send> = match &entry.path {
            Some(path) => Box::new(std::fs::File::open(path).map_err(read_err)?),
            None => Box::new(std::io::stdin()),
        };
        let head = read_head(&mut raw, SNIFF_BYTES).map_err(read_err)?;
        let bad_utf16 = Arc::new(AtomicUsize::new(0));
        let mut decoded: Box<dyn Read + Send> = match sniff(&head) {
            Sniff::Binary(what) => {
                warn(format_args!("{name}: {what}, skipped"));
                return Ok(());
            }
            Sniff::Utf8 { bom } => Box::new(Cursor::new(head[bom..].to_vec()).chain(raw)),
            Sniff::Utf16 { big_endian } => {
                let inner = Cursor::new(head[2..].to_vec()).chain(raw);
                Box::new(Utf16Reader::new(inner, big_endian, bad_utf16.clone()))
            }
        };
        let mut format = entry.format;
        if format == InputFormat::Auto {
            let start = read_head(&mut decoded, 1024).map_err(read_err)?;
            format = by_content(&start);
            decoded = Box::new(Cursor::new(start).chain(decoded));
        }
        match format {
            InputFormat::Jsonl => {
                let reader = Box::new(BufReader::with_capacity(64 * 1024, decoded));
                let reader =
                    JsonlReader::new(reader, name.clone(), entry.id, self.fields.clone(), self.date, MAX_RECORD_BYTES);
                self.current = Some(Current::Jsonl { reader, name, bad_utf16 });
            }
            InputFormat::Html => {
                let mut bytes = Vec::new();
                decoded.take(MAX_RECORD_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(read_err)?;
                report_utf16(&name, &bad_utf16);
                if bytes.is_empty() {
                    warn(format_args!("{name}: empty, skipped"));
                    return Ok(());
                }
                if bytes.len() > MAX_RECORD_BYTES {
                    warn(format_args!("{name}: an HTML page larger than {}, skipped", size(MAX_RECORD_BYTES)));
                    return Ok(());
                }
                let (page, bad) = lossy_utf8(bytes);
                report_bad_utf8(&name, bad);
                let stripped = html::strip(&page);
                if stripped.trim().is_empty() {
                    warn(format_args!("{name}: no text once the HTML tags are removed, skipped"));
                    return Ok(());
                }
                self.queue_parts(Document::new(entry.id, stripped, self.date), &name);
            }
            InputFormat::Text | InputFormat::Markdown | InputFormat::Auto => {
                let parts = TextParts::new(Box::new(BufReader::with_capacity(64 * 1024, decoded)), self.max_document);
                self.current = Some(Current::Text { parts, entry, part: 0, yielded: false, bad_utf16 });
            }
        }
        Ok(())
    }

    /// The next part of the text being read, `None` at its end.
    fn next_text_part(&mut self) -> Result<Option<Document>> {
        let Some(Current::Text { parts, entry, part, yielded, .. }) = self.current.as_mut() else {
            return Ok(None);
        };
        let name = entry.name();
        loop {
            let next = parts.next_part().map_err(|e| match &entry.path {
                Some(path) => io_error(path, &e),
                None => anyhow!("cannot read standard input: {e}"),
            })?;
            let Some((bytes, last)) = next else {
                if *part == 0 {
                    warn(format_args!("{name}: empty, skipped"));
                } else if !*yielded {
                    warn(format_args!("{name}: only white space, skipped"));
                }
                return Ok(None);
            };
            *part += 1;
            let (text, bad) = lossy_utf8(bytes);
            let label = if *part == 1 { name.clone() } else { format!("{name} (part {part})") };
            report_bad_utf8(&label, bad);
            if *part == 1 && !last {
                warn(format_args!(
                    "{name}: larger than {}, read as several documents ({id}, {id}#2, ...) cut at paragraph breaks where possible",
                    size(self.max_document),
                    id = entry.id
                ));
            }
            if text.trim().is_empty() {
                // A part of white space only: nothing to extract, on to the next.
                continue;
            }
            *yielded = true;
            let id = if *part == 1 { entry.id.clone() } else { format!("{}#{part}", entry.id) };
            let text = if entry.format == InputFormat::Markdown { super::markdown::blank(text) } else { text };
            return Ok(Some(Document::new(id, text, self.date)));
        }
    }

    /// Queues `doc`, split into parts when it is too large.
    fn queue_parts(&mut self, doc: Document, name: &str) {
        if doc.text.len() <= self.max_document {
            self.ready.push_back(doc);
            return;
        }
        warn(format_args!(
            "{name}: larger than {}, read as several documents ({id}, {id}#2, ...) cut at paragraph breaks where possible",
            size(self.max_document),
            id = doc.id
        ));
        for (k, text) in split_text(doc.text, self.max_document).into_iter().enumerate() {
            let id = if k == 0 { doc.id.clone() } else { format!("{}#{}", doc.id, k + 1) };
            self.ready.push_back(Document::new(id, text, doc.date));
        }
    }

    fn current_name(&self) -> String {
        match &self.current {
            Some(Current::Jsonl { name, .. }) => name.clone(),
            Some(Current::Text { entry, .. }) => entry.name(),
            None => String::new(),
        }
    }

    /// Ends the current input, reporting invalid UTF-16 once.
    fn close(&mut self) {
        match self.current.take() {
            Some(Current::Jsonl { name, bad_utf16, .. }) => report_utf16(&name, &bad_utf16),
            Some(Current::Text { entry, bad_utf16, .. }) => report_utf16(&entry.name(), &bad_utf16),
            None => {}
        }
    }
}

/// The format of an input of unknown kind, from its first bytes (after any byte-order
/// mark).
fn by_content(start: &[u8]) -> InputFormat {
    let text = String::from_utf8_lossy(start);
    if text.trim_start().starts_with('{') {
        InputFormat::Jsonl
    } else if html::looks_like_html(&text) {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

fn report_bad_utf8(name: &str, bad: usize) {
    if bad > 0 {
        warn(format_args!("{name}: invalid UTF-8: {bad} bad byte(s) replaced with U+FFFD"));
    }
}

fn report_utf16(name: &str, bad: &AtomicUsize) {
    let bad = bad.load(Ordering::Relaxed);
    if bad > 0 {
        warn(format_args!("{name}: invalid UTF-16: {bad} unpaired surrogate(s) or odd byte(s) replaced with U+FFFD"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_can_feed_a_thread_pool() {
        fn is_send<T: Send>() {}
        is_send::<DocumentStream>();
    }

    #[test]
    fn recognises_formats_by_content() {
        assert_eq!(by_content(b"  {\"text\": \"a\"}"), InputFormat::Jsonl);
        assert_eq!(by_content(b"<!doctype html><p>a"), InputFormat::Html);
        assert_eq!(by_content(b"Fidan met Lavrov."), InputFormat::Text);
        assert_eq!(by_content(b""), InputFormat::Text);
    }
}
