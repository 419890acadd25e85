//! Helpers for `tests/input.rs`: temporary folders, running `kg`, reading its graph.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// An article the built-in gazetteers know everything in.
pub const ARTICLE: &str = "Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergey Lavrov in \
                           Ankara on Tuesday.\nThe two ministers discussed the war in Ukraine.\n";

/// A folder under the system's temporary folder, removed (with its content) on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("kg-input-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `name` (folders created), returning the path as a string.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, bytes).expect("write a fixture");
        path.to_str().expect("UTF-8 temporary path").to_string()
    }

    pub fn join(&self, name: &str) -> String {
        self.0.join(name).to_str().expect("UTF-8 temporary path").to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `kg` with `args` (and `stdin`, or nothing), through `wrapper` when given.
pub fn kg_via(wrapper: &[&str], args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = match wrapper.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(env!("CARGO_BIN_EXE_kg"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_kg")),
    };
    cmd.args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn kg");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // kg may stop reading early on an error; a broken pipe is not a test failure.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("wait for kg")
}

pub fn kg(args: &[&str], stdin: Option<&[u8]>) -> Output {
    kg_via(&[], args, stdin)
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit status and that kg did not panic; returns standard error.
pub fn expect_status(out: &Output, code: i32) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "exit status; stderr:\n{err}");
    assert!(!err.contains("panicked"), "kg panicked:\n{err}");
    err
}

/// Asserts success and parses the JSON graph kg wrote.
pub fn graph(out: &Output) -> Value {
    expect_status(out, 0);
    serde_json::from_slice(&out.stdout).expect("kg writes valid JSON")
}

/// Asserts a failure (status 2, no output, no panic); returns standard error.
pub fn failure(out: &Output) -> String {
    let err = expect_status(out, 2);
    assert!(out.stdout.is_empty(), "wrote output despite the error");
    assert_eq!(err.lines().count(), 1, "not a one-line message:\n{err}");
    err
}

/// The graph's document ids, sorted (the order in which they were read is tested in
/// `src/input/files.rs`).
pub fn documents(g: &Value) -> Vec<String> {
    let mut ids: Vec<String> = g["graph"]["documents"]
        .as_array()
        .expect("graph.documents")
        .iter()
        .map(|d| d.as_str().expect("id").into())
        .collect();
    ids.sort();
    ids
}

pub fn node_ids(g: &Value) -> BTreeSet<String> {
    g["nodes"].as_array().expect("nodes").iter().map(|n| n["id"].as_str().expect("node id").to_string()).collect()
}

/// (source, relation, target) of every edge.
pub fn edges(g: &Value) -> BTreeSet<(String, String, String)> {
    let s = |e: &Value, k: &str| e[k].as_str().expect("edge field").to_string();
    g["edges"].as_array().expect("edges").iter().map(|e| (s(e, "source"), s(e, "relation"), s(e, "target"))).collect()
}

/// Every evidence record: (doc, start, end, sentence text).
pub fn evidence(g: &Value) -> Vec<(String, usize, usize, String)> {
    let mut all = Vec::new();
    for e in g["edges"].as_array().expect("edges") {
        for ev in e["evidence"].as_array().expect("evidence") {
            let n = |k: &str| ev[k].as_u64().expect("offset") as usize;
            let s = |k: &str| ev[k].as_str().expect("string").to_string();
            all.push((s("doc"), n("start"), n("end"), s("text")));
        }
    }
    all
}

/// Asserts that every evidence span of `doc` slices `text` on character boundaries, inside
/// its sentence.
pub fn assert_spans_slice(g: &Value, doc: &str, text: &str) {
    let ev: Vec<_> = evidence(g).into_iter().filter(|e| e.0 == doc).collect();
    assert!(!ev.is_empty(), "no evidence from {doc}");
    for (_, start, end, sentence) in ev {
        let words = text.get(start..end).unwrap_or_else(|| panic!("{start}..{end} does not slice the text"));
        assert!(sentence.contains(words), "{words:?} is not in its sentence {sentence:?}");
    }
}

/// Whether this process runs as root (so file permissions do not stop it).
pub fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
