//! The extraction pipeline over a stream of documents: batches of documents are
//! extracted in parallel (rayon) and merged into one graph, so memory grows with the
//! graph and one batch, not with the corpus. A progress line on standard error, when
//! it is a terminal, shows documents/s and MB/s.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TrySendError};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use kg_extract::{Document, Draft, Extraction, Extractor};
use kg_graph::Graph;
use rayon::prelude::*;

/// Documents extracted together: enough to keep every core busy, few enough to bound
/// memory.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 16 << 20;
/// Documents a worker of [`extract_into`] (or its one thread) takes at a time: enough
/// that merging a share's graph into the run's graph is cheap next to extracting it,
/// few enough that the workers' turns at the lock spread out; and extracted together,
/// stage by stage (`Extractor::extract_batch`): 8 documents a share extract about 15%
/// slower than 32, and 64 about 3% faster than 32 in the release build (LTO), 128 and 256
/// slower again (BENCHMARKS.md, sixteenth session).
const SHARE_DOCS: usize = 64;
const SHARE_BYTES: usize = 1 << 20;
/// Shares queued for the workers, per worker: enough that none waits for the reader.
const QUEUED_SHARES_PER_THREAD: usize = 4;

/// The extraction of each document of a share, in order, as the graph shows it by
/// default or with every status: extracted together, which is faster (see
/// [`Extractor::extract_batch`]), as drafts (whose evidence a graph copies only if it
/// keeps it).
fn extract_share<'d>(extractor: &Extractor<'_>, share: &'d [Document], all_statuses: bool) -> Vec<Draft<'d>> {
    extractor.extract_drafts(share).into_iter().map(|x| view(x, all_statuses)).collect()
}

/// [`extract_share`] of every document, in order, a share at a time.
pub fn extract_all<'d>(
    extractor: &'d Extractor<'_>,
    docs: &'d [Document],
    all_statuses: bool,
) -> impl Iterator<Item = Draft<'d>> + 'd {
    docs.chunks(SHARE_DOCS).flat_map(move |share| extract_share(extractor, share, all_statuses))
}

/// The extraction as the graph shows it by default, or with every status.
fn view(x: Draft<'_>, all_statuses: bool) -> Draft<'_> {
    if all_statuses {
        x
    } else {
        x.default_view()
    }
}

/// Counts documents and bytes for the progress line, as they are extracted (not as they
/// are read: the reader runs ahead of the workers by a queue). Shared by the workers.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    docs: AtomicU64,
    bytes: AtomicU64,
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
        Progress { bar, started: Instant::now(), docs: AtomicU64::new(0), bytes: AtomicU64::new(0) }
    }

    fn add(&self, docs: &[Document]) {
        let added = docs.iter().map(|d| d.text.len() as u64).sum::<u64>();
        let docs = self.docs.fetch_add(docs.len() as u64, Ordering::Relaxed) + docs.len() as u64;
        let bytes = self.bytes.fetch_add(added, Ordering::Relaxed) + added;
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{} documents, {:.1} MB — {:.0} documents/s, {:.2} MB/s",
                docs,
                bytes as f64 / 1e6,
                docs as f64 / secs,
                bytes as f64 / 1e6 / secs
            ));
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Reads the stream and hands every document's extraction, in input order, to `sink`.
/// Stops at the first error of the stream.
///
/// With one thread everything runs in turn on the calling thread, document by document.
/// With more, see [`pipelined`].
pub fn for_each_extraction(
    extractor: &Extractor<'_>,
    docs: impl Iterator<Item = Result<Document>>,
    all_statuses: bool,
    mut sink: impl FnMut(&Document, Extraction) -> Result<()>,
) -> Result<usize> {
    let mut batches = Batches { docs, failed: None };
    let progress = Progress::new();
    let mut total = 0;
    if rayon::current_num_threads() <= 1 {
        shares_in_turn(&mut batches, &progress, extractor, all_statuses, |share, xs| {
            total += share.len();
            share.iter().zip(xs).try_for_each(|(doc, x)| sink(doc, x.into_extraction()))
        })?;
    } else {
        let extract = |batch: &[Document]| -> Vec<Extraction> {
            let extractions =
                |share| extract_share(extractor, share, all_statuses).into_iter().map(Draft::into_extraction);
            batch.par_chunks(SHARE_DOCS).flat_map_iter(extractions).collect()
        };
        pipelined(&mut batches, &progress, extract, |batch, results| {
            total += batch.len();
            batch.iter().zip(results).try_for_each(|(doc, x)| sink(doc, x))
        })?;
    }
    batches.finish(progress).map(|()| total)
}

/// With one thread: a share of documents at a time, extracted together on this
/// thread, its drafts handed to `take` while still in the cache.
fn shares_in_turn<I: Iterator<Item = Result<Document>>>(
    batches: &mut Batches<I>,
    progress: &Progress,
    extractor: &Extractor<'_>,
    all_statuses: bool,
    mut take: impl for<'d> FnMut(&'d [Document], Vec<Draft<'d>>) -> Result<()>,
) -> Result<()> {
    while let Some(share) = batches.next_share() {
        let xs = extract_share(extractor, &share, all_statuses);
        progress.add(&share);
        take(&share, xs)?;
    }
    Ok(())
}

/// Three stages that overlap: this thread reads batch k+1 and hands batch k-1's result
/// to `deliver` while rayon's pool works on batch k (`work`), so the sequential parts
/// (reading, merging) do not leave the pool idle. At most three batches are in memory.
fn pipelined<I, R>(
    batches: &mut Batches<I>,
    progress: &Progress,
    work: impl Fn(&[Document]) -> R + Sync,
    mut deliver: impl FnMut(&[Document], R) -> Result<()>,
) -> Result<()>
where
    I: Iterator<Item = Result<Document>>,
    R: Send,
{
    std::thread::scope(|scope| -> Result<()> {
        let (to_work, batches_in) = std::sync::mpsc::sync_channel::<Vec<Document>>(1);
        let (to_deliver, done) = std::sync::mpsc::sync_channel::<(Vec<Document>, R)>(1);
        let work = &work;
        scope.spawn(move || {
            for batch in batches_in {
                let result = work(&batch);
                if to_deliver.send((batch, result)).is_err() {
                    break;
                }
            }
        });
        let mut in_flight = 0;
        while let Some(batch) = batches.next_batch() {
            if to_work.send(batch).is_err() {
                break;
            }
            in_flight += 1;
            if in_flight > 1 {
                let Ok((batch, result)) = done.recv() else { break };
                in_flight -= 1;
                progress.add(&batch);
                // On an error the channels close as this scope ends.
                deliver(&batch, result)?;
            }
        }
        drop(to_work);
        for (batch, result) in done {
            progress.add(&batch);
            deliver(&batch, result)?;
        }
        Ok(())
    })
}

/// The input stream cut into batches of at most [`BATCH_DOCS`] documents or
/// [`BATCH_BYTES`] bytes; the first read error ends it and is kept.
struct Batches<I> {
    docs: I,
    failed: Option<anyhow::Error>,
}

impl<I: Iterator<Item = Result<Document>>> Batches<I> {
    /// The stream's error, if it had one; else the progress line is cleared.
    fn finish(self, progress: Progress) -> Result<()> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        progress.finish();
        Ok(())
    }

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
        self.take(BATCH_DOCS, BATCH_BYTES)
    }

    fn next_share(&mut self) -> Option<Vec<Document>> {
        self.take(SHARE_DOCS, SHARE_BYTES)
    }

    /// The next documents, up to `docs` of them or until they hold `bytes` bytes.
    fn take(&mut self, docs: usize, bytes: usize) -> Option<Vec<Document>> {
        let mut batch = Vec::new();
        let mut size = 0;
        while batch.len() < docs && size < bytes {
            let Some(doc) = self.next_doc() else { break };
            size += doc.text.len();
            batch.push(doc);
        }
        (!batch.is_empty()).then_some(batch)
    }
}

/// Extracts the stream into `graph` and returns the ids of the documents read.
///
/// With more than one thread, this thread reads the stream into shares of a few
/// documents and queues them (a bounded queue: memory holds the graph and a few shares),
/// and extracts a share itself when the queue is full; each of rayon's workers (one
/// fewer than its threads) takes the next share, extracts it into a small graph and
/// merges that, under a lock, into `graph`. There is no batch to wait for: a worker
/// that is done takes the next share. Shares are small enough that workers seldom meet
/// at the lock. Merging is order-independent, so the graph is the one a single thread
/// builds.
pub fn extract_into(
    graph: &mut Graph,
    extractor: &Extractor<'_>,
    docs: impl Iterator<Item = Result<Document>>,
    all_statuses: bool,
) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    if rayon::current_num_threads() <= 1 {
        // The drafts go into the graph as they are, their evidence not written out.
        let mut batches = Batches { docs, failed: None };
        let progress = Progress::new();
        shares_in_turn(&mut batches, &progress, extractor, all_statuses, |share, xs| {
            xs.into_iter().for_each(|x| graph.add_draft(x));
            ids.extend(share.iter().map(|d| d.id.clone()));
            Ok(())
        })?;
        batches.finish(progress)?;
    } else {
        let mut batches = Batches { docs, failed: None };
        let progress = Progress::new();
        // The reading thread extracts too, whenever the queue is full: with a worker
        // less, as many threads compute as there are cores, and reading is not a third
        // thread competing with two workers for two cores.
        let workers = rayon::current_num_threads() - 1;
        let shared = Mutex::new(std::mem::replace(graph, Graph::new()));
        let extract_and_merge = |share: &[Document]| {
            let mut part = Graph::new();
            for x in extract_share(extractor, share, all_statuses) {
                part.add_draft(x);
            }
            progress.add(share);
            shared.lock().unwrap_or_else(PoisonError::into_inner).absorb(part);
        };
        let (to_workers, shares) = std::sync::mpsc::sync_channel::<Vec<Document>>(QUEUED_SHARES_PER_THREAD * workers);
        let shares = Mutex::new(Some(shares));
        rayon::in_place_scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|_| loop {
                    let _closer = CloseOnPanic(&shares);
                    // The guard is dropped before the share is worked on.
                    let next = shares.lock().unwrap_or_else(PoisonError::into_inner).as_ref().map(Receiver::recv);
                    let Some(Ok(share)) = next else { break };
                    extract_and_merge(&share);
                });
            }
            while let Some(share) = batches.next_share() {
                ids.extend(share.iter().map(|d| d.id.clone()));
                match to_workers.try_send(share) {
                    Ok(()) => {}
                    Err(TrySendError::Full(share)) => extract_and_merge(&share),
                    Err(TrySendError::Disconnected(_)) => break,
                }
            }
            drop(to_workers);
        });
        *graph = shared.into_inner().unwrap_or_else(PoisonError::into_inner);
        batches.finish(progress)?;
    }
    graph.resolve();
    Ok(ids)
}

/// Closes the workers' queue if a worker panics, so that the reader's next send fails
/// instead of waiting forever for a worker, and the panic reaches the caller.
struct CloseOnPanic<'a, T>(&'a Mutex<Option<Receiver<T>>>);

impl<T> Drop for CloseOnPanic<'_, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            *self.0.lock().unwrap_or_else(PoisonError::into_inner) = None;
        }
    }
}
