//! A news archive, not one article: graphs merged from parts equal one run over all
//! the articles, whatever the order of the parts; one person named differently in two
//! articles is one node; `--into` adds articles to an existing graph; any number of
//! threads builds the one-thread graph; an article read twice in one run counts once.

use std::path::{Path, PathBuf};
use std::process::Command;

fn kg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kg"))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kg-merge-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd.output().expect("kg runs");
    assert!(out.status.success(), "kg failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// The dev corpus as JSON Lines with each article's date, or the sample article alone
/// when the shared corpus is not beside the repository.
fn corpus_jsonl(dir: &Path) -> PathBuf {
    let path = dir.join("corpus.jsonl");
    let mut lines = String::new();
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dev)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
                .collect()
        })
        .unwrap_or_default();
    golds.sort();
    for gold in &golds {
        let g: serde_json::Value = serde_json::from_slice(&std::fs::read(gold).expect("gold")).expect("gold json");
        let text = std::fs::read_to_string(dev.join(g["text"].as_str().unwrap_or_default())).expect("article");
        lines.push_str(&serde_json::json!({"id": g["doc"], "date": g["date"], "text": text}).to_string());
        lines.push('\n');
    }
    if golds.is_empty() {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/istanbul-talks.txt"))
            .expect("sample");
        lines = serde_json::json!({"id": "istanbul-talks", "date": "2025-05-15", "text": text}).to_string() + "\n";
    }
    std::fs::write(&path, lines).expect("write corpus");
    path
}

#[test]
fn merging_per_document_graphs_equals_one_run_in_any_order() {
    let dir = temp_dir("order");
    let corpus = corpus_jsonl(&dir);
    let single = run(kg().arg("extract").arg(&corpus).args(["--format", "json"]));
    let parts = run(kg().arg("extract").arg(&corpus).arg("--per-document"));
    let lines: Vec<&str> = std::str::from_utf8(&parts).expect("utf-8").lines().collect();
    assert!(!lines.is_empty());
    // Every order of the parts, as separate files, merges to the same bytes.
    let files: Vec<PathBuf> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let p = dir.join(format!("part{i}.json"));
            std::fs::write(&p, line).expect("write part");
            p
        })
        .collect();
    for order in permutations(files.len()).into_iter().take(24) {
        let mut cmd = kg();
        cmd.arg("merge");
        for i in order {
            cmd.arg(&files[i]);
        }
        assert_eq!(run(&mut cmd), single, "merge differs from the single run");
    }
    // And as JSON Lines on standard input.
    let merged =
        run(kg().args(["merge", "-"]).stdin(std::fs::File::open(write(&dir, "parts.jsonl", &parts)).expect("open")));
    assert_eq!(merged, single);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

/// All orders of 0..n (Heap's algorithm).
fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn heap(k: usize, items: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k <= 1 {
            out.push(items.clone());
            return;
        }
        for i in 0..k {
            heap(k - 1, items, out);
            let j = if k % 2 == 0 { i } else { 0 };
            items.swap(j, k - 1);
        }
    }
    let mut out = Vec::new();
    heap(n, &mut (0..n).collect(), &mut out);
    out
}

fn graph(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("graph json")
}

fn person_ids(g: &serde_json::Value) -> Vec<String> {
    g["nodes"]
        .as_array()
        .map(|ns| {
            ns.iter().filter(|n| n["type"] == "person").filter_map(|n| n["id"].as_str().map(String::from)).collect()
        })
        .unwrap_or_default()
}

#[test]
fn one_person_named_two_ways_in_two_articles_is_one_node() {
    let dir = temp_dir("names");
    let a =
        write(&dir, "a.txt", b"Kenyan Foreign Minister Musalia Mudavadi met Ugandan officials in Nairobi on Monday.");
    let b = write(&dir, "b.txt", b"Foreign Minister Mudavadi said on Friday that the talks would resume.");
    let g = graph(&run(kg().arg("extract").arg(&a).arg(&b).args(["--date", "2024-06-07", "--format", "json"])));
    let persons = person_ids(&g);
    assert_eq!(persons.iter().filter(|p| p.contains("mudavadi")).count(), 1, "{persons:?}");
    // The evidence of both articles is on the one node's edges or aliases.
    let node = g["nodes"].as_array().and_then(|ns| ns.iter().find(|n| n["id"] == "person:musalia-mudavadi"));
    assert!(node.is_some(), "{persons:?}");
}

#[test]
fn into_adds_articles_to_an_existing_graph() {
    let dir = temp_dir("into");
    let a = write(
        &dir,
        "a.txt",
        b"Turkish Foreign Minister Hakan Fidan met Egyptian Foreign Minister Badr Abdelatty in Ankara.",
    );
    let b = write(&dir, "b.txt", b"Fidan later met Ukrainian Foreign Minister Andrii Sybiha in Kyiv.");
    let store = dir.join("all.json");
    run(kg().arg("extract").arg(&a).args(["--date", "2025-02-04", "--into"]).arg(&store));
    run(kg().arg("extract").arg(&b).args(["--date", "2025-02-04", "--into"]).arg(&store));
    let incremental = graph(&std::fs::read(&store).expect("store"));
    let once = graph(&run(kg().arg("extract").arg(&a).arg(&b).args(["--date", "2025-02-04", "--format", "json"])));
    assert_eq!(incremental["nodes"], once["nodes"]);
    assert_eq!(incremental["edges"], once["edges"]);
    // A failing run leaves the stored graph as it was.
    let before = std::fs::read(&store).expect("store");
    let out = kg().arg("extract").arg(dir.join("missing.txt")).arg("--into").arg(&store).output().expect("kg runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&store).expect("store"), before);
}

/// Some 300 documents of the dev corpus under new ids, one day apart, as JSON Lines:
/// many shares of documents for the workers.
fn many_documents(dir: &Path) -> String {
    let corpus = std::fs::read_to_string(corpus_jsonl(dir)).expect("corpus");
    let articles: Vec<serde_json::Value> =
        corpus.lines().map(|l| serde_json::from_str(l).expect("corpus line")).collect();
    let mut lines = String::new();
    for n in 0..300 / articles.len().max(1) + 1 {
        for a in &articles {
            let mut a = a.clone();
            a["id"] = format!("{}-{n}", a["id"].as_str().unwrap_or("doc")).into();
            a["date"] = day_of_2025(n).into();
            lines.push_str(&a.to_string());
            lines.push('\n');
        }
    }
    lines
}

/// Several threads take shares of the documents and merge them into the graph as they
/// finish, in an order that varies from run to run: the graph is still the one a single
/// thread builds.
#[test]
fn every_thread_count_builds_the_one_thread_graph() {
    let dir = temp_dir("threads");
    let path = write(&dir, "many.jsonl", many_documents(&dir).as_bytes());
    let with = |threads: &str| run(kg().arg("extract").arg(&path).args(["--format", "json", "--threads", threads]));
    let one = with("1");
    for threads in ["2", "3"] {
        assert!(with(threads) == one, "--threads {threads} differs from --threads 1");
    }
}

/// An article read twice in one run (a repeated line) is counted once: its evidence past
/// the pieces an edge stores would otherwise count twice, by an amount that depended on
/// the number of threads.
#[test]
fn a_document_read_twice_counts_once() {
    let dir = temp_dir("twice");
    let lines = many_documents(&dir);
    let once = write(&dir, "once.jsonl", lines.as_bytes());
    let repeat: String = lines.lines().take(40).map(|l| format!("{l}\n")).collect();
    let twice = write(&dir, "twice.jsonl", format!("{lines}{repeat}").as_bytes());
    let want = run(kg().arg("extract").arg(&once).args(["--format", "json", "--threads", "1"]));
    for threads in ["1", "2"] {
        let out = kg().arg("extract").arg(&twice).args(["--format", "json", "--threads", threads]).output();
        let out = out.expect("kg runs");
        assert!(out.status.success());
        assert!(out.stdout == want, "--threads {threads}: a repeated document changed the graph");
        assert!(String::from_utf8_lossy(&out.stderr).contains("was read before, skipped"));
    }
}

/// Day `n` of 2025 as YYYY-MM-DD (months of 28 days are enough for distinct dates).
fn day_of_2025(n: usize) -> String {
    format!("2025-{:02}-{:02}", n / 28 % 12 + 1, n % 28 + 1)
}
