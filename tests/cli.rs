//! End-to-end tests of the `kg` binary on the sample article
//! (examples/istanbul-talks.txt, published 2025-05-15).
//!
//! Tests that need outside tools (python3 with networkx, Graphviz `dot`) print a note
//! and pass when the tool is missing, unless the `CI` environment variable is set, in
//! which case they fail: `.ci/run` installs both.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const DATE: &str = "2025-05-15";

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/istanbul-talks.txt")
}

fn sample_text() -> String {
    std::fs::read_to_string(sample_path()).expect("read the sample article")
}

/// Runs `kg` with `args`, feeding `stdin` (or nothing) to it.
fn kg(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn kg");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input).expect("write kg's standard input");
    }
    child.wait_with_output().expect("wait for kg")
}

/// Runs `kg` and insists that it succeeded.
fn kg_ok(args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    let out = kg(args, stdin);
    assert!(
        out.status.success(),
        "kg {args:?} failed with {}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `kg extract SAMPLE --date 2025-05-15 --format FORMAT [extra...]`, as text.
fn extract_sample(format: &str, extra: &[&str]) -> String {
    let path = sample_path();
    let path = path.to_str().expect("UTF-8 path");
    let mut args = vec!["extract", path, "--date", DATE, "--format", format];
    args.extend_from_slice(extra);
    String::from_utf8(kg_ok(&args, None)).expect("kg writes UTF-8")
}

fn sample_json(extra: &[&str]) -> Value {
    serde_json::from_str(&extract_sample("json", extra)).expect("kg writes valid JSON")
}

fn array<'a>(graph: &'a Value, key: &str) -> &'a Vec<Value> {
    graph[key].as_array().unwrap_or_else(|| panic!("{key:?} is not an array in {graph}"))
}

fn edges(graph: &Value) -> &Vec<Value> {
    array(graph, "edges")
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key:?} is not a string in {v}"))
}

/// Edges of `relation` whose source is `source` (any target).
fn edges_from<'a>(graph: &'a Value, source: &str, relation: &str) -> Vec<&'a Value> {
    edges(graph).iter().filter(|e| str_field(e, "source") == source && str_field(e, "relation") == relation).collect()
}

/// Every edge as `source -[key]-> target`, for failure messages.
fn describe_edges(graph: &Value) -> String {
    edges(graph)
        .iter()
        .map(|e| format!("  {} -[{}]-> {}\n", str_field(e, "source"), str_field(e, "key"), str_field(e, "target")))
        .collect()
}

/// Whether the tool `program` runs (checked with `check_args`); when it does not, the
/// test is skipped with a note, or fails when `CI` is set.
fn tool_available(program: &str, check_args: &[&str], what: &str) -> bool {
    let ok = Command::new(program)
        .args(check_args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "{what} is required when CI is set (.ci/run installs it)");
        eprintln!("note: skipping, {what} is not available");
    }
    ok
}

/// Pipes `input` through `program args...` and returns its standard output.
fn pipe_through(program: &str, args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {program}: {e}"));
    child.stdin.take().expect("stdin is piped").write_all(input).unwrap_or_else(|e| panic!("write to {program}: {e}"));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("wait for {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed with {}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

// ---------------------------------------------------------------------------------
// Facts extracted from the sample article

#[test]
fn umerov_leads_the_ukrainian_delegation() {
    let g = sample_json(&[]);
    let led = edges_from(&g, "person:rustem-umerov", "leads_delegation");
    assert!(
        led.iter().any(|e| str_field(e, "target").starts_with("delegation:ua")),
        "expected person:rustem-umerov -[leads_delegation]-> delegation:ua...; edges:\n{}",
        describe_edges(&g)
    );
}

/// The Russian delegation Vladimir Medinsky leads.
fn medinsky_delegation(g: &Value) -> String {
    let led = edges_from(g, "person:vladimir-medinsky", "leads_delegation");
    let targets: Vec<&str> =
        led.iter().map(|e| str_field(e, "target")).filter(|t| t.starts_with("delegation:ru")).collect();
    assert!(
        !targets.is_empty(),
        "expected person:vladimir-medinsky -[leads_delegation]-> delegation:ru...; edges:\n{}",
        describe_edges(g)
    );
    targets[0].to_string()
}

#[test]
fn medinsky_leads_the_russian_delegation() {
    let g = sample_json(&[]);
    medinsky_delegation(&g);
}

#[test]
fn fomin_and_kostyukov_are_members_of_the_russian_delegation() {
    let g = sample_json(&[]);
    let russian = medinsky_delegation(&g);
    for person in ["person:aleksandr-fomin", "person:igor-kostyukov"] {
        let targets: Vec<&str> = edges_from(&g, person, "member_of").iter().map(|e| str_field(e, "target")).collect();
        assert!(
            targets.contains(&russian.as_str()),
            "expected {person} -[member_of]-> {russian} (the delegation Medinsky leads), \
             found member_of {targets:?}; edges:\n{}",
            describe_edges(&g)
        );
    }
}

#[test]
fn zelenskyy_met_with_erdogan() {
    let g = sample_json(&[]);
    let (z, e) = ("person:volodymyr-zelenskyy", "person:recep-tayyip-erdogan");
    let found = edges(&g).iter().any(|edge| {
        let (s, t) = (str_field(edge, "source"), str_field(edge, "target"));
        str_field(edge, "relation") == "met_with" && ((s == z && t == e) || (s == e && t == z))
    });
    assert!(found, "expected {z} -[met_with]- {e} in either direction; edges:\n{}", describe_edges(&g));
}

#[test]
fn putin_neither_attends_nor_meets_by_default() {
    let g = sample_json(&[]);
    let putin = "person:vladimir-putin";
    let wrong: Vec<String> = edges(&g)
        .iter()
        .filter(|e| {
            let rel = str_field(e, "relation");
            (rel == "attends" || rel == "met_with")
                && (str_field(e, "source") == putin || str_field(e, "target") == putin)
        })
        .map(|e| {
            format!(
                "{} -[{}]-> {} ({})",
                str_field(e, "source"),
                str_field(e, "relation"),
                str_field(e, "target"),
                str_field(e, "status")
            )
        })
        .collect();
    assert!(wrong.is_empty(), "Putin declined to attend and met no one, but the default graph has {wrong:#?}");
}

#[test]
fn putin_declined_attendance_appears_with_all_statuses() {
    let g = sample_json(&["--all-statuses"]);
    let attends = edges_from(&g, "person:vladimir-putin", "attends");
    assert!(
        attends.iter().any(|e| str_field(e, "status") != "occurred"),
        "expected person:vladimir-putin -[attends]-> ... with a non-occurred status \
         (e.g. declined) under --all-statuses, found {attends:#?}"
    );
}

/// Every edge carries evidence, and each evidence span lies in its sentence.
fn check_evidence(g: &Value) {
    let article = sample_text();
    let documents: Vec<&str> =
        array(&g["graph"], "documents").iter().map(|d| d.as_str().expect("document ids are strings")).collect();
    assert!(!edges(g).is_empty(), "no edges at all");
    for edge in edges(g) {
        let name =
            format!("{} -[{}]-> {}", str_field(edge, "source"), str_field(edge, "key"), str_field(edge, "target"));
        let evidence = array(edge, "evidence");
        assert!(!evidence.is_empty(), "{name}: no evidence");
        assert_eq!(
            edge["count"].as_u64(),
            Some(evidence.len() as u64),
            "{name}: count is not the number of evidence items"
        );
        for ev in evidence {
            let doc = str_field(ev, "doc");
            assert!(
                documents.contains(&doc),
                "{name}: evidence doc {doc:?} is not among the graph's documents {documents:?}"
            );
            assert!(ev["sentence"].is_u64(), "{name}: bad sentence in {ev}");
            let start = ev["start"].as_u64().expect("start is an integer") as usize;
            let end = ev["end"].as_u64().expect("end is an integer") as usize;
            assert!(start < end, "{name}: empty or inverted span in {ev}");
            assert!(!str_field(ev, "rule").is_empty(), "{name}: empty rule in {ev}");
            let sentence = str_field(ev, "text");
            assert!(!sentence.is_empty(), "{name}: empty text in {ev}");
            let span = article.get(start..end).unwrap_or_else(|| {
                panic!("{name}: {start}..{end} is not a UTF-8 span of the article ({} bytes)", article.len())
            });
            assert!(
                sentence.contains(span),
                "{name}: article[{start}..{end}] = {span:?} is not in the evidence sentence {sentence:?}"
            );
        }
    }
}

#[test]
fn every_edge_has_evidence_within_its_sentence() {
    check_evidence(&sample_json(&[]));
}

#[test]
fn every_edge_has_evidence_within_its_sentence_all_statuses() {
    check_evidence(&sample_json(&["--all-statuses"]));
}

// ---------------------------------------------------------------------------------
// Output formats

#[test]
fn json_loads_in_networkx() {
    // `edges=` arrived in networkx 3.4.
    let check = "import inspect, sys, networkx as nx; \
                 sys.exit('edges' not in inspect.signature(nx.node_link_graph).parameters)";
    if !tool_available("python3", &["-c", check], "python3 with networkx >= 3.4") {
        return;
    }
    let json = extract_sample("json", &[]);
    let g: Value = serde_json::from_str(&json).expect("valid JSON");
    let script = "import json,sys,networkx as nx; \
                  g=nx.node_link_graph(json.load(sys.stdin), edges=\"edges\"); \
                  print(g.number_of_nodes(), g.number_of_edges())";
    let out = pipe_through("python3", &["-c", script], json.as_bytes());
    let out = String::from_utf8(out).expect("UTF-8 from python");
    let expected = format!("{} {}", array(&g, "nodes").len(), edges(&g).len());
    assert_eq!(out.trim(), expected, "networkx counts (nodes edges)");
}

#[test]
fn dot_renders_with_graphviz() {
    if !tool_available("dot", &["-V"], "Graphviz dot") {
        return;
    }
    let dot = extract_sample("dot", &[]);
    let svg = pipe_through("dot", &["-Tsvg"], dot.as_bytes());
    let svg = String::from_utf8(svg).expect("UTF-8 SVG");
    assert!(svg.contains("<svg"), "dot did not write SVG:\n{svg}");
    assert!(svg.contains("Zelenskyy"), "the SVG does not mention Zelenskyy");
}

#[test]
fn json_output_is_deterministic() {
    let first = extract_sample("json", &[]);
    let second = extract_sample("json", &[]);
    assert!(first == second, "two runs on the same article gave different JSON");
}

#[test]
fn output_file_matches_standard_output() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("kg-cli-output-{}.json", std::process::id()));
    let path_str = path.to_str().expect("UTF-8 path");
    let written = extract_sample("json", &["-o", path_str]);
    assert!(written.is_empty(), "-o also wrote to standard output");
    let file = std::fs::read_to_string(&path).expect("read the -o file");
    let _ = std::fs::remove_file(&path);
    assert_eq!(file, extract_sample("json", &[]));
}

/// Node ids and `(source, key, target)` of every edge: the graph without document ids.
fn shape(g: &Value) -> (BTreeSet<String>, BTreeSet<(String, String, String)>) {
    let nodes = array(g, "nodes").iter().map(|n| str_field(n, "id").to_string()).collect();
    let edges = edges(g)
        .iter()
        .map(|e| {
            (str_field(e, "source").to_string(), str_field(e, "key").to_string(), str_field(e, "target").to_string())
        })
        .collect();
    (nodes, edges)
}

#[test]
fn standard_input_gives_the_same_graph() {
    let from_file = shape(&sample_json(&[]));
    let text = sample_text();
    for args in [
        &["extract", "-", "--date", DATE, "--format", "json"][..],
        &["extract", "--date", DATE, "--format", "json"][..],
    ] {
        let out = kg_ok(args, Some(text.as_bytes()));
        let g: Value = serde_json::from_slice(&out).expect("valid JSON");
        let from_stdin = shape(&g);
        assert_eq!(from_stdin.0, from_file.0, "kg {args:?}: node ids differ");
        assert_eq!(from_stdin.1, from_file.1, "kg {args:?}: edges differ");
    }
}

// ---------------------------------------------------------------------------------
// Errors and other commands

#[test]
fn missing_file_is_an_error_naming_it() {
    let missing = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/no-such-article.txt");
    let out = kg(&["extract", missing.to_str().expect("UTF-8 path"), "--date", DATE, "--format", "json"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{stderr}");
    assert!(stderr.contains("no-such-article.txt"), "stderr does not name the missing file:\n{stderr}");
    assert!(out.stdout.is_empty(), "wrote output despite the error");
}

#[test]
fn bad_date_is_a_usage_error() {
    let path = sample_path();
    let out = kg(&["extract", path.to_str().expect("UTF-8 path"), "--date", "notadate"], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{stderr}");
    assert!(stderr.contains("notadate"), "stderr does not quote the bad date:\n{stderr}");
    assert!(out.stdout.is_empty(), "wrote output despite the error");
}

#[test]
fn unknown_gazetteer_kind_is_an_error() {
    let path = sample_path();
    let out = kg(
        &["extract", path.to_str().expect("UTF-8 path"), "--date", DATE, "--format", "json", "--gazetteer", "bogus=x"],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr:\n{stderr}");
    assert!(
        stderr.contains("--gazetteer") && stderr.contains("bogus"),
        "stderr does not name the option and the bad kind:\n{stderr}"
    );
    assert!(
        stderr.contains("countries") && stderr.contains("officials"),
        "stderr does not list the valid kinds:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "kg panicked:\n{stderr}");
    assert!(out.stdout.is_empty(), "wrote output despite the error");
}

#[test]
fn rules_lists_one_name_per_line() {
    let out = String::from_utf8(kg_ok(&["rules"], None)).expect("UTF-8");
    let names: Vec<&str> = out.lines().collect();
    assert!(!names.is_empty(), "kg rules printed nothing");
    for name in &names {
        assert!(!name.is_empty() && !name.contains(char::is_whitespace), "not a bare rule name: {name:?}");
    }
    for expected in ["met_with", "official_of"] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
}

// ---------------------------------------------------------------------------------
// Snapshots (re-accept with `INSTA_UPDATE=always cargo test --test cli snapshot_`
// or `cargo insta review` when extraction changes)

#[test]
fn snapshot_text() {
    insta::assert_snapshot!(extract_sample("text", &[]));
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!(extract_sample("json", &[]));
}
