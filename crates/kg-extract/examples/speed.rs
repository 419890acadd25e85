//! Scratch timing harness (not committed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use kg_extract::{Document, Extractor, Gazetteer};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb: f64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10.0);
    let iters: usize = std::env::var("ITERS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut arts = Vec::new();
    for d in ["examples", "../shared/corpus/dev"] {
        let mut ps: Vec<_> = std::fs::read_dir(d).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        ps.sort();
        for p in ps {
            if p.extension().is_some_and(|e| e == "txt") {
                arts.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut texts = Vec::new();
    let mut n = 0;
    let mut i = 0;
    while (n as f64) < mb * 1048576.0 {
        let t = arts[i % arts.len()].clone();
        n += t.len();
        texts.push(t);
        i += 1;
    }
    let t0 = Instant::now();
    let gaz = Gazetteer::builtin();
    println!("gazetteer build {:.3}s", t0.elapsed().as_secs_f64());
    let only_extract = args.get(2).is_some();
    if args.get(2).map(String::as_str) == Some("seg") {
        let t0 = Instant::now();
        let mut h = 0;
        for _ in 0..iters {
            for t in &texts {
                h += kg_extract::text::segment(t).1.len();
            }
        }
        let s = t0.elapsed().as_secs_f64();
        println!("segment: {:.1} MB/s ({h})", (n * iters) as f64 / 1e6 / s);
        let t0 = Instant::now();
        let mut h = 0;
        for _ in 0..iters {
            for t in &texts {
                h += kg_extract::dates::find_dates(t, None).len();
            }
        }
        let s = t0.elapsed().as_secs_f64();
        println!("dates: {:.1} MB/s ({h})", (n * iters) as f64 / 1e6 / s);
        return;
    }
    if !only_extract {
        let t0 = Instant::now();
        let mut h = 0;
        for t in &texts {
            h += gaz.names().find(t).len();
        }
        let s = t0.elapsed().as_secs_f64();
        println!("names find: {:.1} MB/s ({h})", n as f64 / 1e6 / s);
        let t0 = Instant::now();
        let mut h = 0;
        for t in &texts {
            h += gaz.title_matcher().find(t).len();
        }
        let s = t0.elapsed().as_secs_f64();
        println!("titles find: {:.1} MB/s ({h})", n as f64 / 1e6 / s);
        let t0 = Instant::now();
        let mut h = 0;
        for t in &texts {
            h += gaz.names().scan_count(t) + gaz.title_matcher().scan_count(t);
        }
        let s = t0.elapsed().as_secs_f64();
        println!("bare scan both: {:.1} MB/s ({h})", n as f64 / 1e6 / s);
    }
    let ex = Extractor::new(gaz).with_mentions(false);
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), t.clone(), "2025-05-15".parse().ok()))
        .collect();
    let mut best = f64::MAX;
    let mut h = 0;
    for _ in 0..iters {
        let t0 = Instant::now();
        h = 0;
        for d in &docs {
            h += ex.extract(d).relations.len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    if std::env::var("RULES").is_ok() {
        let mut tm = std::collections::BTreeMap::new();
        for _ in 0..3 {
            for d in &docs {
                ex.extract_timed(d, &mut tm);
            }
        }
        let n = n * 3;
        let total: f64 = tm.values().map(|d| d.as_secs_f64()).sum();
        let mut v: Vec<_> = tm.into_iter().collect();
        v.sort_by_key(|(_, d)| std::cmp::Reverse(*d));
        for (k, d) in v {
            println!(
                "{:>20} {:5.1}% {:7.1} ns/byte",
                k,
                100.0 * d.as_secs_f64() / total,
                d.as_secs_f64() * 1e9 / n as f64
            );
        }
    }
    println!("extract: best of 5 {:.2} MB/s ({h})", n as f64 / 1e6 / best);
}
