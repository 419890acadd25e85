//! The extraction pipeline over a stream of documents: batches of documents are
//! extracted in parallel (rayon) and merged into one graph, so memory grows with the
//! graph and one batch, not with the corpus. A progress line on standard error, when
//! it is a terminal, shows documents/s and MB/s.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use kg_extract::{Document, Extraction, Extractor};
use kg_graph::Graph;
use rayon::prelude::*;

/// Documents extracted together: enough to keep every core busy, few enough to bound
/// memory.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

/// Extracts one document as the graph shows it by default, or with every status.
pub fn extract_one(extractor: &Extractor<'_>, doc: &Document, all_statuses: bool) -> Extraction {
    let x = extractor.extract(doc);
    if all_statuses {
        x
    } else {
        x.default_view()
    }
}

/// Counts documents and bytes for the progress line.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    docs: u64,
    bytes: u64,
}

impl Progress {
    fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar, started: Instant::now(), docs: 0, bytes: 0 }
    }

    fn add(&mut self, docs: &[Document]) {
        self.docs += docs.len() as u64;
        self.bytes += docs.iter().map(|d| d.text.len() as u64).sum::<u64>();
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} documents, {:.1} MB — {:.0} documents/s, {:.2} MB/s",
                self.docs,
                self.bytes as f64 / 1e6,
                self.docs as f64 / secs,
                self.bytes as f64 / 1e6 / secs
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Reads the stream in batches and hands each batch's extractions, in input order, to
/// `sink`. Stops at the first error of the stream.
///
/// With one thread everything runs in turn on the calling thread. With more, three
/// stages overlap: this thread reads batch k+1 and merges batch k-1 while rayon's pool
/// extracts batch k, so the sequential parts (reading, merging) do not leave the
/// extraction threads idle. At most a few batches are in memory at once.
pub fn for_each_extraction(
    extractor: &Extractor<'_>,
    docs: impl Iterator<Item = Result<Document>>,
    all_statuses: bool,
    mut sink: impl FnMut(&Document, Extraction) -> Result<()>,
) -> Result<usize> {
    let mut progress = Progress::new();
    let mut batches = Batches { docs, failed: None };
    let mut total = 0;
    let mut deliver = |batch: Vec<Document>, results: Vec<Extraction>, progress: &mut Progress| -> Result<()> {
        progress.add(&batch);
        total += batch.len();
        for (doc, x) in batch.iter().zip(results) {
            sink(doc, x)?;
        }
        Ok(())
    };
    if rayon::current_num_threads() <= 1 {
        // One document at a time: its extraction is merged while still in the cache.
        while let Some(doc) = batches.next_doc() {
            let x = extract_one(extractor, &doc, all_statuses);
            deliver(vec![doc], vec![x], &mut progress)?;
        }
    } else {
        std::thread::scope(|scope| -> Result<()> {
            let (to_extract, batches_in) = std::sync::mpsc::sync_channel::<Vec<Document>>(1);
            let (to_merge, extracted) = std::sync::mpsc::sync_channel::<(Vec<Document>, Vec<Extraction>)>(1);
            scope.spawn(move || {
                for batch in batches_in {
                    let results = batch.par_iter().map(|d| extract_one(extractor, d, all_statuses)).collect();
                    if to_merge.send((batch, results)).is_err() {
                        break;
                    }
                }
            });
            let mut in_flight = 0;
            while let Some(batch) = batches.next_batch() {
                if to_extract.send(batch).is_err() {
                    break;
                }
                in_flight += 1;
                if in_flight > 1 {
                    let Ok((batch, results)) = extracted.recv() else { break };
                    in_flight -= 1;
                    // On a sink error the channels close as this scope ends.
                    deliver(batch, results, &mut progress)?;
                }
            }
            drop(to_extract);
            for (batch, results) in extracted {
                deliver(batch, results, &mut progress)?;
            }
            Ok(())
        })?;
    }
    if let Some(e) = batches.failed {
        return Err(e);
    }
    progress.finish();
    Ok(total)
}

/// The input stream cut into batches of at most [`BATCH_DOCS`] documents or
/// [`BATCH_BYTES`] bytes; the first read error ends it and is kept.
struct Batches<I> {
    docs: I,
    failed: Option<anyhow::Error>,
}

impl<I: Iterator<Item = Result<Document>>> Batches<I> {
    fn next_doc(&mut self) -> Option<Document> {
        if self.failed.is_some() {
            return None;
        }
        match self.docs.next()? {
            Ok(doc) => Some(doc),
            Err(e) => {
                self.failed = Some(e);
                None
            }
        }
    }

    fn next_batch(&mut self) -> Option<Vec<Document>> {
        if self.failed.is_some() {
            return None;
        }
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
            match self.docs.next() {
                Some(Ok(doc)) => {
                    bytes += doc.text.len();
                    batch.push(doc);
                }
                Some(Err(e)) => {
                    self.failed = Some(e);
                    break;
                }
                None => break,
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}

/// Extracts the stream into `graph` and returns the ids of the documents read.
pub fn extract_into(
    graph: &mut Graph,
    extractor: &Extractor<'_>,
    docs: impl Iterator<Item = Result<Document>>,
    all_statuses: bool,
) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for_each_extraction(extractor, docs, all_statuses, |doc, x| {
        graph.add_extraction_owned(x);
        ids.push(doc.id.clone());
        Ok(())
    })?;
    graph.resolve();
    Ok(ids)
}
