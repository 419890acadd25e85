//! Every export format, loaded by the tool people use it with.
//!
//! kg extracts the dev corpus (`../shared/corpus/dev/*.txt`, each with the date of its
//! gold file) and the sample article to JSON, then `kg export` converts each graph to
//! every format, and each file is loaded by its real consumer: Graphviz `dot -Tsvg`;
//! networkx `node_link_graph` (`edges=` and `links=`), `read_graphml`, `read_gexf` and
//! `cytoscape_graph`; igraph `Graph.Read_GraphML`. Node and edge counts, labels and
//! relations must come back as kg wrote them. The Neo4j CSV files and the Cypher script
//! are checked against the documented syntax (no Neo4j server is available), the
//! Mermaid chart against Mermaid's escaping rules. A graph of hostile labels (quotes,
//! backslashes, newlines, `<&>`, `-->`, `end`, non-Latin scripts) goes through every
//! format and must be read back exactly.
//!
//! A missing consumer (dot, python3, networkx >= 3.4, igraph, the corpus) is skipped
//! with a printed note, unless `CI` is set: then it fails. The python on PATH is used;
//! `.ci/run` puts a virtual environment with networkx and igraph first on PATH.

mod formats {
    pub mod consumers;
    pub mod hostile;
    pub mod syntax;
}

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use formats::consumers::{self, Python};
use formats::syntax;
use serde_json::Value;

/// A graph as kg's own JSON says it is: what every consumer must read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// id → (label, type, title)
    pub nodes: BTreeMap<String, (String, String, Option<String>)>,
    /// (source, target, relation, key), sorted
    pub edges: Vec<(String, String, String, String)>,
}

impl Expected {
    pub fn from_json(path: &Path) -> Expected {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let s = |v: &Value, k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k:?} missing in {v}")).to_string();
        let nodes = v["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| {
                let title = n["attributes"]["title"].as_str().map(String::from);
                (s(n, "id"), (s(n, "label"), s(n, "type"), title))
            })
            .collect();
        let mut edges: Vec<_> = v["edges"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (s(e, "source"), s(e, "target"), s(e, "relation"), s(e, "key")))
            .collect();
        edges.sort();
        Expected { nodes, edges }
    }

    pub fn labels(&self) -> BTreeMap<String, String> {
        self.nodes.iter().map(|(id, (label, _, _))| (id.clone(), label.clone())).collect()
    }

    pub fn relations(&self) -> Vec<String> {
        let mut r: Vec<String> = self.edges.iter().map(|e| e.2.clone()).collect();
        r.sort();
        r
    }
}

/// Fails under CI, otherwise explains why the check was skipped.
pub fn skip(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is required when CI is set");
    }
    eprintln!("SKIPPED: {what} is not available; set CI=1 to make this a failure");
}

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("formats-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

pub fn kg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("run kg")
}

pub fn kg_ok(args: &[&str]) -> Vec<u8> {
    let out = kg(args);
    assert!(out.status.success(), "kg {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The file extension of each exported format (neo4j is a folder).
pub const FORMATS: [(&str, &str); 8] = [
    ("node-link", "nodelink.json"),
    ("graphml", "graphml"),
    ("gexf", "gexf"),
    ("cytoscape", "cyjs"),
    ("dot", "dot"),
    ("mermaid", "mmd"),
    ("cypher", "cypher"),
    ("neo4j", "neo4j"),
];

/// Exports `json` to every format into `dir`, named `<stem>.<ext>`.
pub fn export_all(json: &Path, dir: &Path, stem: &str) -> BTreeMap<&'static str, PathBuf> {
    FORMATS
        .iter()
        .map(|(format, ext)| {
            let out = dir.join(format!("{stem}.{ext}"));
            kg_ok(&["export", p(json), "--format", format, "-o", p(&out)]);
            (*format, out)
        })
        .collect()
}

/// Loads every exported file in its consumer and compares with `expected`.
pub fn check_all(name: &str, expected: &Expected, files: &BTreeMap<&str, PathBuf>, python: &Python) {
    consumers::check_dot(name, expected, &files["dot"]);
    python.check(name, expected, files);
    syntax::check_neo4j(name, expected, &files["neo4j"]);
    syntax::check_cypher(name, expected, &files["cypher"]);
    syntax::check_mermaid(name, expected, &files["mermaid"]);
}

/// (name, article, date) for the dev corpus (dates from the gold files) and the sample.
fn articles() -> Vec<(String, PathBuf, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![("sample".to_string(), root.join("examples/istanbul-talks.txt"), "2025-05-15".to_string())];
    let corpus = root.join("../shared/corpus/dev");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        skip(&format!("the dev corpus {}", corpus.display()));
        return out;
    };
    let mut golds: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    for gold in golds {
        let text = std::fs::read_to_string(&gold).expect("read gold file");
        let v: Value = serde_json::from_str(&text).expect("gold file is JSON");
        let name = gold.file_name().map(|n| n.to_string_lossy().replace(".gold.json", "")).unwrap_or_default();
        let article = corpus.join(format!("{name}.txt"));
        let date = v["date"].as_str().expect("gold file has a date").to_string();
        if article.exists() {
            out.push((name, article, date));
        }
    }
    assert!(out.len() > 1 || std::env::var_os("CI").is_none(), "no dev corpus article found");
    out
}

#[test]
fn corpus_graphs_load_in_every_consumer() {
    let dir = scratch("corpus");
    let python = Python::detect();
    for (name, article, date) in articles() {
        let json = dir.join(format!("{name}.json"));
        kg_ok(&["extract", p(&article), "--date", &date, "--format", "json", "-o", p(&json)]);
        let expected = Expected::from_json(&json);
        assert!(!expected.nodes.is_empty(), "{name}: kg found nothing");
        let files = export_all(&json, &dir, &name);
        check_all(&name, &expected, &files, &python);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extract_writes_every_format_as_export_does() {
    let dir = scratch("extract");
    let article = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/istanbul-talks.txt");
    let json = dir.join("sample.json");
    kg_ok(&["extract", p(&article), "--date", "2025-05-15", "-o", p(&json)]);
    let exported = export_all(&json, &dir, "exported");
    for (format, ext) in FORMATS {
        let direct = dir.join(format!("direct.{ext}"));
        kg_ok(&["extract", p(&article), "--date", "2025-05-15", "--format", format, "-o", p(&direct)]);
        if format == "neo4j" {
            for file in ["nodes.csv", "relationships.csv"] {
                let a = std::fs::read(direct.join(file)).expect("extract wrote the file");
                assert_eq!(a, std::fs::read(exported[format].join(file)).expect("export wrote it"), "{file}");
            }
        } else {
            let a = std::fs::read(&direct).expect("extract wrote the file");
            assert_eq!(a, std::fs::read(&exported[format]).expect("export wrote it"), "--format {format}");
        }
    }
    let out = kg(&["extract", p(&article), "--date", "2025-05-15", "--format", "neo4j"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
    let out = kg(&["export", p(&json), "--format", "neo4j"]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_labels_round_trip_in_every_format() {
    let dir = scratch("hostile");
    let raw = dir.join("raw.json");
    std::fs::write(&raw, formats::hostile::graph_json()).expect("write hostile graph");
    // kg's own JSON of the graph, with edge keys and symmetric edges in kg's order.
    let json = dir.join("hostile.json");
    kg_ok(&["export", p(&raw), "--format", "json", "-o", p(&json)]);
    let expected = Expected::from_json(&json);
    assert_eq!(expected.nodes.len(), formats::hostile::NODES.len());
    assert_eq!(expected.edges.len(), formats::hostile::EDGES.len());
    let files = export_all(&json, &dir, "hostile");
    check_all("hostile", &expected, &files, &Python::detect());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_mermaid_and_cypher_snapshots() {
    let dir = scratch("snapshots");
    let json = dir.join("hostile.json");
    std::fs::write(&json, formats::hostile::graph_json()).expect("write hostile graph");
    for format in ["mermaid", "cypher"] {
        let out = String::from_utf8(kg_ok(&["export", p(&json), "--format", format])).expect("UTF-8");
        insta::assert_snapshot!(format!("hostile_{}", format), out);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_draws_svg_and_png_with_graphviz() {
    if !consumers::has_dot() {
        return skip("Graphviz `dot`");
    }
    let dir = scratch("render");
    let article = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/istanbul-talks.txt");
    let json = dir.join("sample.json");
    kg_ok(&["extract", p(&article), "--date", "2025-05-15", "-o", p(&json)]);
    let expected = Expected::from_json(&json);

    let svg = dir.join("who.svg");
    kg_ok(&["render", p(&json), "-o", p(&svg)]);
    consumers::check_who_met_whom_svg(&expected, &std::fs::read_to_string(&svg).expect("SVG written"));
    let from_article = dir.join("article.svg");
    kg_ok(&["render", p(&article), "--date", "2025-05-15", "-o", p(&from_article)]);
    assert_eq!(std::fs::read(&svg).ok(), std::fs::read(&from_article).ok(), "same graph, same picture");

    let png = dir.join("full.PNG");
    kg_ok(&["render", p(&json), "--layout", "full", "-o", p(&png)]);
    let bytes = std::fs::read(&png).expect("PNG written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");

    let out = kg(&["render", p(&json), "-o", p(&dir.join("x.pdf"))]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_without_graphviz_says_how_to_install_it() {
    let dir = scratch("nodot");
    let json = dir.join("g.json");
    std::fs::write(&json, formats::hostile::graph_json()).expect("write graph");
    let out = Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["render", p(&json), "-o", p(&dir.join("g.svg"))])
        .env("PATH", &dir)
        .output()
        .expect("run kg");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("apt-get install graphviz") && err.contains("brew install graphviz"), "{err}");
    assert!(!dir.join("g.svg").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
