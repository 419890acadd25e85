//! The report: per-document and overall precision / recall / F1 (score.py's `prf()`
//! and totals), printed as score.py prints it, as a table or as JSON.

use std::fmt::Write as _;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::gold::GoldDoc;
use super::norm::{ENTITY_TYPES, RELATIONS};
use super::py;
use super::score::{failed_counts, score_doc, zero_counts, Counts, DocScores, TypeCounts};

/// Counts with their precision, recall and F1, rounded to 4 places as score.py does.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(c: Counts) -> Self {
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let p = ratio(c.tp, c.tp + c.fp);
        let r = ratio(c.tp, c.tp + c.fn_);
        let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { tp: c.tp, fp: c.fp, fn_: c.fn_, precision: round(p, 4), recall: round(r, 4), f1: round(f, 4) }
    }

    fn counted(&self) -> bool {
        self.tp + self.fp + self.fn_ > 0
    }
}

/// Python's `round(x, places)`: correctly rounded, ties to even, on the binary value.
fn round(x: f64, places: usize) -> f64 {
    format!("{x:.places$}").parse().unwrap_or(x)
}

/// One document in the report.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DocReport {
    Scored {
        entities: Prf,
        entity_types: TypeCounts,
        relations: Prf,
        relation_types: TypeCounts,
        negatives_violated: Vec<String>,
        ignored_edges: usize,
        misses: Vec<String>,
        spurious: Vec<String>,
    },
    /// The system failed (or its output could not be read): everything required missed.
    Failed { error: String, entities: Prf, relations: Prf },
}

impl DocReport {
    fn totals(&self) -> (&Prf, &Prf) {
        match self {
            DocReport::Scored { entities, relations, .. } | DocReport::Failed { entities, relations, .. } => {
                (entities, relations)
            }
        }
    }
}

/// Documents by name, in the order first scored (a repeated name keeps its place and
/// takes the later result, as a Python dict does).
#[derive(Debug, Clone, Default)]
pub struct Documents(pub Vec<(String, DocReport)>);

impl Serialize for Documents {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, doc) in &self.0 {
            map.serialize_entry(name, doc)?;
        }
        map.end()
    }
}

/// The whole report, with score.py's `--json` structure.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: Documents,
    pub entities: Prf,
    pub relations: Prf,
    pub entity_types: std::collections::BTreeMap<&'static str, Prf>,
    pub relation_types: std::collections::BTreeMap<&'static str, Prf>,
    /// How many edges contradict the text, over all documents.
    pub negatives_violated: usize,
}

/// Scores every gold document against what `system` returns for it (its node-link
/// JSON, or an error message that makes the document score zero).
pub fn evaluate(docs: &[GoldDoc], mut system: impl FnMut(&GoldDoc) -> Result<serde_json::Value, String>) -> Report {
    let (mut ents, mut rels) = (Counts::default(), Counts::default());
    let mut types = zero_counts(&ENTITY_TYPES);
    let mut rel_types = zero_counts(&RELATIONS);
    let mut negatives = 0;
    let mut documents = Documents::default();
    for doc in docs {
        let result = system(doc).and_then(|data| score_doc(doc, &data));
        let report = match result {
            Ok(s) => {
                ents.add(&s.entities);
                rels.add(&s.relations);
                add_all(&mut types, &s.entity_types);
                add_all(&mut rel_types, &s.relation_types);
                negatives += s.negatives_violated.len();
                scored(s)
            }
            Err(error) => {
                let (e, r) = failed_counts(doc);
                ents.add(&e);
                rels.add(&r);
                DocReport::Failed { error, entities: Prf::new(e), relations: Prf::new(r) }
            }
        };
        match documents.0.iter_mut().find(|(name, _)| *name == doc.name) {
            Some(slot) => slot.1 = report,
            None => documents.0.push((doc.name.clone(), report)),
        }
    }
    let prfs = |t: TypeCounts| t.into_iter().map(|(k, v)| (k, Prf::new(v))).collect();
    Report {
        documents,
        entities: Prf::new(ents),
        relations: Prf::new(rels),
        entity_types: prfs(types),
        relation_types: prfs(rel_types),
        negatives_violated: negatives,
    }
}

fn add_all(total: &mut TypeCounts, part: &TypeCounts) {
    for (name, counts) in part {
        total.entry(name).or_default().add(counts);
    }
}

fn scored(s: DocScores) -> DocReport {
    DocReport::Scored {
        entities: Prf::new(s.entities),
        entity_types: s.entity_types,
        relations: Prf::new(s.relations),
        relation_types: s.relation_types,
        negatives_violated: s.negatives_violated,
        ignored_edges: s.ignored_edges,
        misses: s.misses,
        spurious: s.spurious,
    }
}

/// A figure as score.py prints it: the 4-place value printed to `places`.
fn fig(x: f64, places: usize) -> String {
    format!("{x:.places$}")
}

fn row(name: &str, w: usize, e: &Prf, r: &Prf) -> String {
    format!(
        "{name:<w$} {:>8} {:>6} {:>6}   {:>10} {:>6} {:>6}",
        fig(e.precision, 3),
        fig(e.recall, 3),
        fig(e.f1, 3),
        fig(r.precision, 3),
        fig(r.recall, 3),
        fig(r.f1, 3),
    )
}

/// The table score.py prints; `verbose` adds every miss, spurious item and
/// contradiction under its document.
pub fn to_text(report: &Report, verbose: bool) -> String {
    let w = report.documents.0.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<w$} {:>8} {:>6} {:>6}   {:>10} {:>6} {:>6}",
        "document", "entity P", "R", "F1", "relation P", "R", "F1"
    );
    for (name, doc) in &report.documents.0 {
        let (e, r) = doc.totals();
        out.push_str(&row(name, w, e, r));
        match doc {
            DocReport::Failed { error, .. } => {
                let _ = writeln!(out, "   ERROR: {}", py::first_line(error));
            }
            DocReport::Scored { misses, spurious, negatives_violated, .. } => {
                out.push('\n');
                if verbose {
                    for m in misses {
                        let _ = writeln!(out, "    missed   {m}");
                    }
                    for s in spurious {
                        let _ = writeln!(out, "    spurious {s}");
                    }
                    for h in negatives_violated {
                        let _ = writeln!(out, "    CONTRADICTS TEXT {h}");
                    }
                }
            }
        }
    }
    let _ = writeln!(out, "{}", row("ALL", w, &report.entities, &report.relations));
    let cells = |t: &std::collections::BTreeMap<&'static str, Prf>| {
        t.iter()
            .map(|(name, v)| {
                let cell = if v.counted() { fig(v.f1, 2) } else { "-".into() };
                format!("{name} {cell}")
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    let _ = writeln!(out, "per entity type:  {}", cells(&report.entity_types));
    let _ = writeln!(out, "per relation:     {}", cells(&report.relation_types));
    let _ = writeln!(out, "relations that contradict the text: {}", report.negatives_violated);
    let _ = writeln!(out, "entity F1 {}  relation F1 {}", fig(report.entities.f1, 3), fig(report.relations.f1, 3));
    out
}

/// The report as score.py's `json.dumps(report, indent=1)`: one-space indent and
/// non-ASCII text escaped.
pub fn to_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, AsciiPretty::default());
    report.serialize(&mut ser)?;
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    text.push('\n');
    Ok(text)
}

/// serde_json's pretty printer with one-space indent and Python's `ensure_ascii`.
#[derive(Debug)]
struct AsciiPretty(serde_json::ser::PrettyFormatter<'static>);

impl Default for AsciiPretty {
    fn default() -> Self {
        AsciiPretty(serde_json::ser::PrettyFormatter::with_indent(b" "))
    }
}

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl serde_json::ser::Formatter for AsciiPretty {
    delegate!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        begin_object_value(),
        end_object_value(),
    );

    fn write_string_fragment<W: ?Sized + std::io::Write>(&mut self, w: &mut W, fragment: &str) -> std::io::Result<()> {
        let mut units = [0u16; 2];
        for c in fragment.chars() {
            if c.is_ascii() && c != '\x7f' {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_rounds_like_python() {
        let p = Prf::new(Counts { tp: 1, fp: 31, fn_: 0 });
        assert_eq!(p.precision, 0.0312); // round(1/32, 4): ties to even
        assert_eq!(p.recall, 1.0);
        assert_eq!(fig(p.f1, 3), "0.061");
        let none = Prf::new(Counts::default());
        assert_eq!((none.precision, none.f1), (0.0, 0.0));
    }

    #[test]
    fn json_escapes_non_ascii() {
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, AsciiPretty::default());
        vec!["Erdoğan 😀"].serialize(&mut ser).expect("serialises");
        assert_eq!(String::from_utf8_lossy(&buf), "[\n \"Erdo\\u011fan \\ud83d\\ude00\"\n]");
    }
}
