//! End-to-end throughput of kg over a news archive, with the ceiling it is measured
//! against: a bare aho-corasick scan of the same gazetteers over the same text.
//!
//! `cargo bench --bench throughput` builds a corpus of at least 50 MB (overridable
//! with KG_BENCH_MB) from the articles in `examples/` and `../shared/corpus/dev`, writes
//! it as JSON Lines to a temporary file, and runs, for one thread and for all cores,
//! the whole path: read the JSON Lines, extract, resolve, merge, write the JSON graph.
//! It prints MB/s, words/s and peak resident memory. Results go in BENCHMARKS.md.
//!
//! Each copy of an article gets a new id and a publication date one day later (over a
//! year), so meetings, dates and evidence keep accruing as in a real archive.
//! `KG_BENCH_MB=1024` gives the 1 GB run of the memory figure;
//! `KG_BENCH_THREADS=1` measures one thread only.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("examples"), root.join("../shared/corpus/dev")] {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt") {
                if let Ok(text) = std::fs::read_to_string(&p) {
                    out.push((p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(), text));
                }
            }
        }
    }
    out
}

fn build_corpus(path: &Path, min_bytes: usize) -> (usize, usize, usize) {
    let arts = articles();
    assert!(!arts.is_empty(), "no articles found");
    let mut text_bytes = 0;
    let mut words = 0;
    let mut docs = 0;
    let mut out = String::new();
    let mut i = 0;
    while text_bytes < min_bytes {
        let (name, text) = &arts[i % arts.len()];
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new((i / arts.len() % 365) as u64)))
            .map(|d| d.to_string());
        let line = serde_json::json!({"id": format!("{name}-{i}"), "date": date, "text": text});
        out.push_str(&line.to_string());
        out.push('\n');
        text_bytes += text.len();
        words += text.split_whitespace().count();
        docs += 1;
        i += 1;
    }
    std::fs::write(path, out).expect("write corpus");
    (text_bytes, words, docs)
}

/// Seconds `kg extract` takes on one file, best of three.
fn time_file(path: &Path) -> f64 {
    let kg = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/kg");
    (0..3)
        .map(|_| {
            let started = Instant::now();
            let ok = Command::new(&kg)
                .arg("extract")
                .arg(path)
                .args(["--date", "2025-05-15", "--format", "json"])
                .stdout(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "kg failed on {}", path.display());
            started.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

/// How the cost of one document grows with its length, and with the length of its
/// sentences: linear means ratios near 4 (four times the text) and 1 (the same text).
fn scaling(dir: &Path) {
    let article = "Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergey Lavrov in \
                   Ankara on Tuesday.\nThe two ministers discussed the war in Ukraine.\n";
    // One document of `copies` copies of `text`, then of four times as many: linear cost
    // is a ratio near 4.
    let dense = |what: &str, text: &str, copies: usize| {
        let time = |copies: usize| {
            let path = dir.join(format!("dense-{copies}.txt"));
            std::fs::write(&path, text.repeat(copies)).expect("write dense article");
            time_file(&path)
        };
        let (small, large) = (time(copies), time(4 * copies));
        println!(
            "one document of {} KB{what}: {small:.2} s; of {} KB: {large:.2} s ({:.1}x the time for 4x the text)",
            text.len() * copies / 1024,
            text.len() * 4 * copies / 1024,
            large / small
        );
    };
    dense("", article, 1_000);
    // Dates and meeting words in every sentence: rules that look up a date by position.
    let dated = "On May 5, 2025 the talks in Ankara began. The meeting on June 3 followed the summit of \
                 May 7, and talks resumed on 4 July 2025.\n";
    dense(" dense with dates", dated, 750);
    let filler = ["the", "talks", "would", "continue", "while", "officials", "said", "that", "delegations", "were"];
    let words: Vec<&str> = (0..60_000).map(|i| if i % 97 == 0 { "Lavrov" } else { filler[i % filler.len()] }).collect();
    let sentences = |per_sentence: usize| {
        let text: Vec<String> = words.chunks(per_sentence).map(|c| c.join(" ")).collect();
        let path = dir.join(format!("sentences-{per_sentence}.txt"));
        std::fs::write(&path, text.join("\n")).expect("write sentences");
        time_file(&path)
    };
    let (short, long) = (sentences(100), sentences(1_000));
    println!(
        "60,000 words in sentences of 100 tokens: {short:.2} s; of 1,000 tokens: {long:.2} s ({:.1}x)",
        long / short
    );
}

/// Runs kg and returns (seconds, peak RSS in MB) read from GNU time's report.
fn run_kg(corpus: &Path, threads: usize, out: &Path) -> (f64, f64) {
    let kg = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/kg");
    let started = Instant::now();
    let report = std::env::temp_dir().join("kg-bench-time.txt");
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(&report)
        .arg(&kg)
        .arg("extract")
        .arg(corpus)
        .args(["--threads", &threads.to_string(), "--format", "json", "-o"])
        .arg(out)
        .status();
    let secs = started.elapsed().as_secs_f64();
    let rss_kb: f64 = match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(&report).ok().and_then(|t| t.trim().lines().last()?.parse().ok()).unwrap_or(0.0)
        }
        _ => {
            // Without GNU time, run kg directly and report no memory figure.
            let started = Instant::now();
            let ok = Command::new(&kg)
                .arg("extract")
                .arg(corpus)
                .args(["--threads", &threads.to_string(), "--format", "json", "-o"])
                .arg(out)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "kg failed");
            return (started.elapsed().as_secs_f64(), f64::NAN);
        }
    };
    (secs, rss_kb / 1024.0)
}

/// A plain unanchored leftmost-longest scan with the automata of every name and title
/// kg knows (a contiguous NFA for the names, a DFA for the titles), no boundary checks.
fn bare_scan(corpus_texts: &[String]) -> f64 {
    let gaz = kg_extract::Gazetteer::builtin();
    // Build the automata before the clock starts.
    std::hint::black_box(gaz.names().scan_count("x") + gaz.title_matcher().scan_count("x"));
    let started = Instant::now();
    let mut hits = 0usize;
    for t in corpus_texts {
        hits += gaz.names().scan_count(t);
        hits += gaz.title_matcher().scan_count(t);
    }
    std::hint::black_box(hits);
    started.elapsed().as_secs_f64()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let mb: usize = std::env::var("KG_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let dir = std::env::temp_dir().join(format!("kg-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let corpus = dir.join("corpus.jsonl");
    let (bytes, words, docs) = build_corpus(&corpus, mb << 20);
    let build = Command::new("cargo").args(["build", "--release", "--quiet", "--bin", "kg"]).status();
    assert!(build.is_ok_and(|s| s.success()), "cargo build --release failed");
    println!(
        "corpus: {docs} documents, {:.1} MB of text, {words} words (JSON Lines at {})",
        bytes as f64 / 1e6,
        corpus.display()
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut single = 0.0;
    let threads_to_run = match std::env::var("KG_BENCH_THREADS").ok().and_then(|v| v.parse().ok()) {
        Some(n) => vec![n],
        None => vec![1, cores],
    };
    for threads in threads_to_run {
        let (secs, rss) = run_kg(&corpus, threads, &dir.join(format!("graph-{threads}.json")));
        let mbs = bytes as f64 / 1e6 / secs;
        if threads == 1 {
            single = mbs;
        }
        println!(
            "kg extract, {threads} thread(s): {secs:.2} s, {mbs:.2} MB/s, {:.0} words/s, peak RSS {rss:.0} MB{}",
            words as f64 / secs,
            if threads > 1 && single > 0.0 { format!(", {:.2}x one thread", mbs / single) } else { String::new() }
        );
    }
    let texts: Vec<String> = articles().into_iter().map(|(_, t)| t).collect();
    let reps = (bytes / texts.iter().map(String::len).sum::<usize>().max(1)).max(1);
    let all: Vec<String> = (0..reps).flat_map(|_| texts.iter().cloned()).collect();
    let secs = bare_scan(&all);
    let scanned: usize = all.iter().map(String::len).sum();
    let ceiling = scanned as f64 / 1e6 / secs;
    let share = if single > 0.0 {
        format!("; kg end to end on one thread is {:.1}% of it", single / ceiling * 100.0)
    } else {
        String::new()
    };
    println!("bare aho-corasick scan (names + titles), 1 thread: {ceiling:.2} MB/s{share}");
    scaling(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}
