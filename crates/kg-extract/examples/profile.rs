//! Where extraction spends its time, stage by stage (the analysis, each rule, ids and
//! evidence), over the bundled and dev-corpus articles repeated to a size:
//!
//! ```text
//! cargo run --release -p kg-extract --example profile -- [MB]
//! ```
//!
//! Run from the repository root. Throughput of the whole pipeline is measured by
//! `cargo bench --bench throughput`; this says which stage to look at.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use kg_extract::{Document, Extractor};

// As in the `kg` binary, whose allocator the figures should reflect.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn articles() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["examples", "../shared/corpus/dev"] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        out.extend(
            paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok()),
        );
    }
    out
}

fn main() {
    let mb: f64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(4.0);
    let articles = articles();
    if articles.is_empty() {
        eprintln!("no articles found: run from the repository root");
        std::process::exit(2);
    }
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 15);
    let mut docs = Vec::new();
    let mut bytes = 0;
    while (bytes as f64) < mb * 1e6 {
        let text = &articles[docs.len() % articles.len()];
        bytes += text.len();
        docs.push(Document::new(format!("doc-{}", docs.len()), text.clone(), date));
    }
    let extractor = Extractor::builtin().with_mentions(false);
    let mut stages: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let started = Instant::now();
    for doc in &docs {
        extractor.extract_timed(doc, &mut stages);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB: {:.2} s, {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
    // The pipeline extracts shares of documents stage by stage (`extract_batch`),
    // which the per-stage times above, one document after another, do not show.
    let started = Instant::now();
    for share in docs.chunks(64) {
        extractor.extract_batch(share);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "in shares of 64 documents, as the pipeline extracts: {:.2} s, {:.2} MB/s",
        secs,
        bytes as f64 / 1e6 / secs
    );
    let total: f64 = stages.values().map(Duration::as_secs_f64).sum();
    let mut by_time: Vec<_> = stages.into_iter().collect();
    by_time.sort_by_key(|&(_, d)| std::cmp::Reverse(d));
    for (stage, d) in by_time {
        let s = d.as_secs_f64();
        println!("{stage:>20} {:5.1}% {:7.1} ns/byte", 100.0 * s / total, s * 1e9 / bytes as f64);
    }
}
