//! `kg eval` end to end: its report must be score.py's, line for line, on the dev
//! corpus; a hand-made gold/system pair checks the counting rules (duplicates, optional
//! items, negatives, the surname fallback, second-pass delegations and meetings).
//!
//! The comparisons with score.py need `../shared` and `python3`; without them they are
//! skipped with a note, except under CI (env `CI` set), where they fail.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const KG: &str = env!("CARGO_BIN_EXE_kg");

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Whether score.py can run here; says why not (or fails under CI).
fn scorer_available(test: &str) -> bool {
    let script = shared().join("eval/score.py");
    let python = Command::new("python3").arg("--version").output();
    let missing = if !script.is_file() {
        Some(format!("{} is absent", script.display()))
    } else if !python.is_ok_and(|o| o.status.success()) {
        Some("python3 is missing".to_string())
    } else {
        None
    };
    match missing {
        None => true,
        Some(why) if std::env::var_os("CI").is_some() => panic!("{test}: {why} under CI"),
        Some(why) => {
            // straight to stderr: the test harness would swallow eprintln!
            let _ = writeln!(std::io::stderr(), "note: {test} skipped: {why}");
            false
        }
    }
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("command runs");
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn kg_eval(gold: &Path, extra: &[&str]) -> Output {
    run(Command::new(KG).arg("eval").arg("--gold").arg(gold).args(extra))
}

fn score_py(gold: &Path, cmd: &str, extra: &[&str]) -> Output {
    run(Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg("--gold")
        .arg(gold)
        .arg("--cmd")
        .arg(cmd)
        .args(extra))
}

/// score.py prints relation misses in set order, which Python varies from run to run.
fn sorted_misses(mut report: Value) -> Value {
    if let Some(docs) = report["documents"].as_object_mut() {
        for doc in docs.values_mut() {
            if let Some(misses) = doc.get_mut("misses").and_then(Value::as_array_mut) {
                misses.sort_by_key(|m| m.as_str().unwrap_or_default().to_string());
            }
        }
    }
    report
}

fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines
}

#[test]
fn dev_corpus_report_equals_score_py() {
    if !scorer_available("dev_corpus_report_equals_score_py") {
        return;
    }
    let gold = shared().join("corpus/dev");
    let kg_cmd = format!("'{KG}' extract {{text}} --date {{date}} --format json");

    let ours = stdout(&kg_eval(&gold, &[]));
    let theirs = stdout(&score_py(&gold, &kg_cmd, &[]));
    assert_eq!(ours, theirs, "kg eval and score.py disagree");
    assert!(ours.contains("relations that contradict the text: "));

    // the same through --cmd
    let via_cmd = stdout(&kg_eval(&gold, &["--cmd", &kg_cmd]));
    assert_eq!(via_cmd, theirs);

    let ours = stdout(&kg_eval(&gold, &["-v"]));
    let theirs = stdout(&score_py(&gold, &kg_cmd, &["-v"]));
    assert_eq!(sorted_lines(&ours), sorted_lines(&theirs));

    let parse = |out: &Output| -> Value { serde_json::from_slice(&out.stdout).expect("JSON") };
    let ours = parse(&kg_eval(&gold, &["--json"]));
    let theirs = parse(&score_py(&gold, &kg_cmd, &["--json"]));
    assert_eq!(sorted_misses(ours), sorted_misses(theirs));
}

const HANDMADE_GOLD: &str = r#"{"doc": "handmade", "text": "handmade.system.json", "date": "2025-05-16",
 "entities": [
  {"key": "zelenskyy", "type": "person", "name": "Volodymyr Zelenskyy", "aliases": ["Zelenskyy"]},
  {"key": "erdogan", "type": "person", "name": "Recep Tayyip Erdoğan", "aliases": ["Erdogan"]},
  {"key": "putin", "type": "person", "name": "Vladimir Putin", "aliases": ["Putin"]},
  {"key": "fidan", "type": "person", "name": "Hakan Fidan", "aliases": ["Fidan"]},
  {"key": "ua", "type": "country", "name": "Ukraine", "iso": "UA", "aliases": ["Ukrainian"]},
  {"key": "ru", "type": "country", "name": "Russia", "iso": "RU", "aliases": []},
  {"key": "istanbul", "type": "location", "name": "Istanbul", "aliases": []},
  {"key": "ankara", "type": "location", "name": "Ankara", "optional": true, "aliases": []},
  {"key": "del-ua", "type": "delegation", "name": "Ukrainian delegation", "country": "ua", "aliases": []},
  {"key": "talks", "type": "meeting", "name": "Istanbul talks", "location": "istanbul", "date": "2025-05-16", "aliases": []}
 ],
 "relations": [
  {"source": "zelenskyy", "relation": "official_of", "target": "ua"},
  {"source": "putin", "relation": "official_of", "target": "ru"},
  {"source": "zelenskyy", "relation": "met_with", "target": "erdogan"},
  {"source": "fidan", "relation": "met_with", "target": "zelenskyy"},
  {"source": "del-ua", "relation": "represents", "target": "ua"},
  {"source": "talks", "relation": "held_in", "target": "istanbul"},
  {"source": "del-ua", "relation": "attends", "target": "talks"},
  {"source": "erdogan", "relation": "attends", "target": "talks", "optional": true}
 ],
 "negatives": [
  {"source": "putin", "relation": "attends", "target": "talks", "why": "declined"}
 ]}"#;

/// p1: surname fallback; p3: a duplicate of p2; c2: ISO code; l2: optional; l3:
/// spurious; d1 and m1: found by their represents / held_in edges; p2 -> m1: optional;
/// p4 -> m1: a negative; "mentions": ignored; the repeated edge counts once.
const HANDMADE_SYSTEM: &str = r#"{"nodes": [
  {"id": "p1", "type": "person", "label": "Volodimir Zelenskyy"},
  {"id": "p2", "type": "official", "label": "Erdoğan"},
  {"id": "p3", "type": "person", "label": "President Erdogan"},
  {"id": "p4", "type": "person", "label": "Vladimir Putin"},
  {"id": "c1", "type": "country", "label": "Ukraine", "attributes": {"iso": "UA"}},
  {"id": "c2", "type": "country", "label": "Russian Federation", "attributes": {"iso": "ru"}},
  {"id": "l1", "type": "location", "label": "Istanbul"},
  {"id": "l2", "type": "location", "label": "Ankara"},
  {"id": "l3", "type": "location", "label": "Kyiv"},
  {"id": "d1", "type": "delegation", "label": "Kyiv's team"},
  {"id": "m1", "type": "meeting", "label": "talks in Türkiye", "attributes": {"date": "2025-05-16"}}
 ],
 "links": [
  {"source": "p1", "target": "c1", "relation": "official_of"},
  {"source": "p4", "target": "c2", "relation": "official_of"},
  {"source": "p2", "target": "p1", "relation": "met_with"},
  {"source": "p3", "target": "p1", "relation": "met_with"},
  {"source": "d1", "target": "c1", "relation": "represents"},
  {"source": "m1", "target": "l1", "relation": "held_in"},
  {"source": "d1", "target": "m1", "relation": "attends"},
  {"source": "p2", "target": "m1", "relation": "attends"},
  {"source": "p4", "target": "m1", "relation": "attends"},
  {"source": "p1", "target": "d1", "relation": "member_of"},
  {"source": "p1", "target": "c1", "relation": "mentions"},
  {"source": "p1", "target": "l3", "relation": "official_of"},
  {"source": "p1", "target": "l3", "relation": "official_of"}
 ]}"#;

const HANDMADE_REPORT: &str = "\
document   entity P      R     F1   relation P      R     F1
handmade      0.800  0.889  0.842        0.667  0.857  0.750
    missed   entity person: Hakan Fidan
    missed   relation Hakan Fidan -[met_with]-> Volodymyr Zelenskyy
    spurious duplicate person: President Erdogan (same as Erdoğan)
    spurious node location: Kyiv
    spurious edge Vladimir Putin -[attends]-> talks in Türkiye
    spurious edge Volodimir Zelenskyy -[member_of]-> Kyiv's team
    spurious edge Volodimir Zelenskyy -[official_of]-> Kyiv
    CONTRADICTS TEXT Vladimir Putin -[attends]-> talks in Türkiye
ALL           0.800  0.889  0.842        0.667  0.857  0.750
per entity type:  country 1.00  delegation 1.00  location 0.67  meeting 1.00  organization -  person 0.75
per relation:     attends 0.67  held_in 1.00  leads_delegation -  located_in -  member_of 0.00  met_with 0.67  official_of 0.80  represents 1.00
relations that contradict the text: 1
entity F1 0.842  relation F1 0.750
";

/// A fresh folder under the test target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn handmade() -> PathBuf {
    let dir = scratch("eval-handmade");
    std::fs::write(dir.join("handmade.gold.json"), HANDMADE_GOLD).expect("write gold");
    std::fs::write(dir.join("handmade.system.json"), HANDMADE_SYSTEM).expect("write system");
    dir
}

#[test]
fn handmade_pair_counts_every_rule() {
    let dir = handmade();
    let out = kg_eval(&dir, &["--cmd", "cat {text}", "-v"]);
    assert_eq!(stdout(&out), HANDMADE_REPORT);

    let report: Value =
        serde_json::from_slice(&kg_eval(&dir, &["--cmd", "cat {text}", "--json"]).stdout).expect("JSON report");
    let doc = &report["documents"]["handmade"];
    assert_eq!(doc["entities"]["tp"], 8);
    assert_eq!(doc["entities"]["fp"], 2); // the duplicate and Kyiv
    assert_eq!(doc["entities"]["fn"], 1);
    assert_eq!(doc["entities"]["f1"], 0.8421);
    assert_eq!(doc["relations"]["tp"], 6);
    assert_eq!(doc["relations"]["fp"], 3);
    assert_eq!(doc["relations"]["fn"], 1);
    assert_eq!(doc["ignored_edges"], 1);
    assert_eq!(report["negatives_violated"], 1);
    assert_eq!(report["relation_types"]["met_with"]["tp"], 1);
}

#[test]
fn handmade_pair_equals_score_py() {
    if !scorer_available("handmade_pair_equals_score_py") {
        return;
    }
    let dir = handmade();
    for extra in [&[][..], &["-v"][..]] {
        let mut args = vec!["--cmd", "cat {text}"];
        args.extend_from_slice(extra);
        let ours = stdout(&kg_eval(&dir, &args));
        let theirs = stdout(&score_py(&dir, "cat {text}", extra));
        assert_eq!(ours, theirs);
    }
}

#[test]
fn failing_command_scores_zero_with_its_error() {
    let dir = handmade();
    let out = kg_eval(&dir, &["--cmd", "echo oops >&2; exit 3"]);
    let text = stdout(&out);
    assert!(
        text.contains("handmade      0.000  0.000  0.000        0.000  0.000  0.000   ERROR: command failed (3): echo oops >&2; exit 3"),
        "{text}"
    );
    assert!(text.ends_with("entity F1 0.000  relation F1 0.000\n"));

    let out = kg_eval(&dir, &["--cmd", "echo not json"]);
    assert!(stdout(&out).contains("ERROR: Expecting value: line 1 column 1 (char 0)"));
}

#[test]
fn missing_gold_folder_is_an_error_naming_it() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-gold");
    let out = Command::new(KG).args(["eval", "--gold"]).arg(&missing).output().expect("kg runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&missing.display().to_string()), "{err}");

    let empty = scratch("eval-empty");
    let out = Command::new(KG).args(["eval", "--gold"]).arg(&empty).output().expect("kg runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no *.gold.json under"));
}

/// The developers' own articles (`tests/heldout`, see its README), scored in-process:
/// no relation may contradict the text, and relation F1
/// may not fall below what it was when they were added (a rule change that costs
/// articles other than the dev corpus shows here).
#[test]
fn heldout_articles_keep_their_scores() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/heldout");
    // (set, relation F1 floor, contradictions known).
    for (set, floor, known) in [
        ("russia-ukraine", 0.92, 0),
        ("middle-east", 0.89, 0),
        ("asia-africa", 0.82, 0),
        ("summits-2025", 0.80, 0),
        ("visits-and-summits-2024", 0.71, 0),
        ("talks-2023", 0.76, 0),
        ("visits-2022-2024", 0.84, 0),
        // Its gold keeps the July 13 "military delegations from Russia and Ukraine" apart
        // from the delegations at the signing; kg has one delegation per country (see the
        // held-out README, seventeenth session).
        ("talks-and-visits-2019-2025", 0.74, 1),
        ("accords-and-summits-2020-2025", 0.73, 0),
        ("diplomacy-2021-2025", 0.77, 0),
        ("encounters-2022-2024", 0.79, 0),
        ("bilaterals-2022-2025", 0.78, 0),
        ("missions-2022-2025", 0.75, 0),
        ("meetings-2022-2025", 0.78, 0),
        ("envoys-2022-2025", 0.78, 0),
        ("gatherings-2019-2025", 0.73, 0),
        ("rounds-2020-2025", 0.66, 0),
        ("channels-2018-2025", 0.72, 0),
        ("exchanges-2018-2025", 0.68, 0),
        ("negotiations-2019-2025", 0.64, 0),
        ("state-visits-2019-2025", 0.65, 0),
        ("records-2017-2025", 0.66, 0),
        ("regions-2018-2025", 0.66, 0),
    ] {
        let report: Value = serde_json::from_slice(&kg_eval(&root.join(set), &["--json"]).stdout).expect("JSON report");
        let f1 = report["relations"]["f1"].as_f64().expect("relation F1");
        let violated = report["negatives_violated"].as_u64().expect("negatives_violated");
        assert!(violated <= known, "{set}: {violated} relations contradict the text (known: {known})");
        assert!(f1 >= floor, "{set}: relation F1 {f1} fell below {floor}");
    }
}
