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
pub fn for_each_extraction(
    extractor: &Extractor<'_>,
    docs: impl Iterator<Item = Result<Document>>,
    all_statuses: bool,
    mut sink: impl FnMut(&Document, Extraction) -> Result<()>,
) -> Result<usize> {
    let mut progress = Progress::new();
    let mut batch: Vec<Document> = Vec::new();
    let mut batch_bytes = 0;
    let mut total = 0;
    let mut flush = |batch: &mut Vec<Document>, progress: &mut Progress| -> Result<()> {
        let results: Vec<Extraction> = batch.par_iter().map(|d| extract_one(extractor, d, all_statuses)).collect();
        for (doc, x) in batch.iter().zip(results) {
            sink(doc, x)?;
        }
        progress.add(batch);
        total += batch.len();
        batch.clear();
        Ok(())
    };
    for doc in docs {
        let doc = doc?;
        batch_bytes += doc.text.len();
        batch.push(doc);
        if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
            flush(&mut batch, &mut progress)?;
            batch_bytes = 0;
        }
    }
    flush(&mut batch, &mut progress)?;
    progress.finish();
    Ok(total)
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
        graph.add_extraction(&x);
        ids.push(doc.id.clone());
        Ok(())
    })?;
    graph.resolve();
    Ok(ids)
}
