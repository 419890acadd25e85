//! Checks against documented syntax, for the formats whose consumer cannot run here:
//! neo4j-admin's CSV import headers (RFC 4180 fields), Cypher string literals and
//! statements, and Mermaid's flowchart ids and label entity codes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::Expected;

/// Strict RFC 4180 with `\n` line ends: quoted fields double their quotes; a quote may
/// not appear in an unquoted field.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut fresh = true; // at the start of a field
    while let Some(c) = chars.next() {
        match c {
            '"' if fresh => {
                loop {
                    match chars.next() {
                        None => panic!("unterminated quoted field"),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                    }
                }
                assert!(matches!(chars.peek(), Some(',' | '\n') | None), "text after a closing quote");
                fresh = false;
            }
            '"' => panic!("quote inside an unquoted field: {field:?}"),
            '\r' => panic!("carriage return outside quotes"),
            ',' => {
                row.push(std::mem::take(&mut field));
                fresh = true;
            }
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                fresh = true;
            }
            c => {
                field.push(c);
                fresh = false;
            }
        }
    }
    assert!(row.is_empty() && field.is_empty(), "the last line has no line end");
    rows
}

/// `name`, `name:int` or `name:string[]`, name an identifier.
fn valid_property_header(h: &str) -> bool {
    let name = h.strip_suffix(":int").or_else(|| h.strip_suffix(":string[]")).unwrap_or(h);
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

pub fn check_neo4j(name: &str, expected: &Expected, dir: &Path) {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("{name}: {f}: {e}"));
    let nodes = parse_csv(&read("nodes.csv"));
    let header = &nodes[0];
    assert_eq!(header[..3], ["id:ID", "name", ":LABEL"], "{name}: nodes.csv header");
    assert!(header[3..].iter().all(|h| valid_property_header(h)), "{name}: bad header {header:?}");
    assert_eq!(nodes.len() - 1, expected.nodes.len(), "{name}: node rows");
    for row in &nodes[1..] {
        assert_eq!(row.len(), header.len(), "{name}: ragged row {row:?}");
        let (label, kind, _) = &expected.nodes[&row[0]];
        assert_eq!((&row[1], &row[2]), (label, &capitalised(kind)), "{name}: node {}", row[0]);
    }

    let rels = parse_csv(&read("relationships.csv"));
    let header = &rels[0];
    assert_eq!(header[..3], [":START_ID", ":END_ID", ":TYPE"], "{name}: relationships.csv header");
    assert!(header[3..].iter().all(|h| valid_property_header(h)), "{name}: bad header {header:?}");
    let key = header.iter().position(|h| h == "key").expect("a key column");
    let mut got: Vec<_> = rels[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "{name}: ragged row {r:?}");
            assert!(r[2].chars().all(|c| c.is_ascii_uppercase() || c == '_'), "{name}: type {}", r[2]);
            (r[0].clone(), r[1].clone(), r[2].to_ascii_lowercase(), r[key].clone())
        })
        .collect();
    got.sort();
    assert_eq!(got, expected.edges, "{name}: relationships");
}

/// One token of a Cypher statement: code, or a string literal (decoded).
#[derive(Debug, PartialEq)]
enum Tok {
    Code(String),
    Str(String),
}

/// Splits a script into statements, decoding string literals and rejecting anything
/// outside the documented escapes, parameters (`$`) and double-quoted strings.
fn lex_cypher(script: &str) -> Vec<Vec<Tok>> {
    let mut statements = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut code = String::new();
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if code.trim().is_empty() && toks.is_empty() && chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                code.clear();
            }
            '\'' => {
                toks.push(Tok::Code(std::mem::take(&mut code)));
                let mut s = String::new();
                loop {
                    match chars.next().expect("unterminated string literal") {
                        '\'' => break,
                        '\\' => match chars.next().expect("escape at the end") {
                            '\\' => s.push('\\'),
                            '\'' => s.push('\''),
                            '"' => s.push('"'),
                            'n' => s.push('\n'),
                            'r' => s.push('\r'),
                            't' => s.push('\t'),
                            'b' => s.push('\u{8}'),
                            'f' => s.push('\u{c}'),
                            'u' => {
                                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                                let n = u32::from_str_radix(&hex, 16).expect("\\u with 4 hex digits");
                                s.push(char::from_u32(n).expect("a character"));
                            }
                            other => panic!("invalid Cypher escape \\{other}"),
                        },
                        c if c.is_control() => panic!("raw control character {c:?} in a string literal"),
                        c => s.push(c),
                    }
                }
                toks.push(Tok::Str(s));
            }
            '`' => {
                // A quoted name: anything up to the closing backtick, `` for a backtick.
                code.push('`');
                loop {
                    match chars.next().expect("unterminated `name`") {
                        '`' if chars.peek() == Some(&'`') => {
                            chars.next();
                            code.push_str("``");
                        }
                        '`' => break,
                        c if c.is_control() => panic!("control character in a `name`"),
                        c => code.push(c),
                    }
                }
                code.push('`');
            }
            '"' => panic!("double-quoted string outside a literal"),
            '$' => panic!("a parameter: statements must be parameter-free"),
            ';' => {
                toks.push(Tok::Code(std::mem::take(&mut code)));
                toks.retain(|t| *t != Tok::Code(String::new()));
                statements.push(std::mem::take(&mut toks));
                assert!(matches!(chars.next(), Some('\n') | None), "one statement per line");
            }
            '\n' => panic!("line break inside a statement"),
            c => code.push(c),
        }
    }
    assert!(code.trim().is_empty() && toks.is_empty(), "unterminated statement: {code:?}");
    statements
}

fn code(t: Option<&Tok>) -> &str {
    match t {
        Some(Tok::Code(c)) => c,
        other => panic!("expected code, got {other:?}"),
    }
}

fn string(t: Option<&Tok>) -> &str {
    match t {
        Some(Tok::Str(s)) => s,
        other => panic!("expected a string literal, got {other:?}"),
    }
}

pub fn check_cypher(name: &str, expected: &Expected, path: &Path) {
    let script = std::fs::read_to_string(path).expect("read the Cypher script");
    let (mut nodes, mut edges) = (BTreeMap::new(), Vec::new());
    for st in lex_cypher(&script) {
        let head = code(st.first());
        if head.starts_with("CREATE CONSTRAINT kg_") {
            assert!(head.contains(" IF NOT EXISTS FOR (n:") && head.ends_with(") REQUIRE n.id IS UNIQUE"), "{head}");
            assert_eq!(st.len(), 1);
        } else if let Some(label) = head.strip_prefix("MERGE (n:") {
            let label = label.strip_suffix(" {id: ").expect("MERGE (n:Label {id: '...'})");
            let id = string(st.get(1)).to_string();
            assert_eq!(code(st.get(2)), "}) SET n.name = ");
            let (want_label, kind, _) = &expected.nodes[&id];
            assert_eq!(label, capitalised(kind), "{name}: label of {id}");
            assert_eq!(string(st.get(3)), want_label, "{name}: name of {id}");
            assert!(nodes.insert(id, ()).is_none(), "{name}: node merged twice");
        } else if head.starts_with("MATCH (a:") && head.ends_with(" {id: ") {
            let source = string(st.get(1)).to_string();
            let middle = code(st.get(2));
            assert!(middle.starts_with("}) MATCH (b:") && middle.ends_with(" {id: "), "{middle}");
            let target = string(st.get(3)).to_string();
            let merge = code(st.get(4));
            let ty = merge.strip_prefix("}) MERGE (a)-[r:").and_then(|m| m.strip_suffix(" {key: ")).expect(merge);
            let key = string(st.get(5)).to_string();
            assert!(code(st.get(6)).starts_with("}]->(b) SET r.relation = "));
            edges.push((source, target, ty.to_ascii_lowercase(), key));
        } else {
            panic!("{name}: unexpected statement {st:?}");
        }
    }
    assert_eq!(nodes.len(), expected.nodes.len(), "{name}: node statements");
    edges.sort();
    assert_eq!(edges, expected.edges, "{name}: relationship statements");
}

/// Decodes a Mermaid label: `<br>` and `#name;` / `#NNN;` entity codes. Outside them,
/// nothing Mermaid could read as syntax may appear.
fn decode_mermaid(label: &str) -> String {
    let text = label.replace("<br>", "\n");
    let raw = |segment: &str| {
        assert!(!segment.contains(['"', '<', '>', ':', ';', '`', '#']), "unescaped text in {label:?}");
        segment.to_string()
    };
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(hash) = rest.find('#') {
        out.push_str(&raw(&rest[..hash]));
        rest = &rest[hash..];
        let semi = rest.find(';').unwrap_or_else(|| panic!("# without an entity code in {label:?}"));
        let code = &rest[1..semi];
        out.push(match code {
            "quot" => '"',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            n => n.parse().ok().and_then(char::from_u32).unwrap_or_else(|| panic!("bad entity #{n}; in {label:?}")),
        });
        rest = &rest[semi + 1..];
    }
    out.push_str(&raw(rest));
    out
}

pub fn check_mermaid(name: &str, expected: &Expected, path: &Path) {
    let chart = std::fs::read_to_string(path).expect("read the Mermaid chart");
    let mut lines = chart.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let is_id = |s: &str| s.strip_prefix('n').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    let (mut ids, mut labels, mut edges) = (BTreeMap::new(), BTreeMap::new(), 0);
    for line in lines {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("%% ") {
            let (id, entity) = comment.split_once(" = ").expect("%% nK = entity id");
            ids.insert(id.to_string(), entity.to_string());
        } else if let Some((id, rest)) = line.split_once("[\"") {
            assert!(is_id(id), "{name}: node id {id:?}");
            let inner = rest.strip_suffix("\"]").expect("a label ends with \"]");
            assert!(!inner.contains('"') && !inner.contains(['\n', '\r', '\t']), "{name}: unescaped label {inner:?}");
            labels.insert(ids[id].clone(), decode_mermaid(inner));
        } else if line.starts_with("classDef ") || line.starts_with("class ") {
            continue;
        } else {
            let parse = || {
                let (from, rest) = line.split_once(' ')?;
                let (arrow, rest) = rest.split_once("|\"")?;
                let (label, to) = rest.rsplit_once("\"| ")?;
                Some((from, arrow, label, to))
            };
            let (from, arrow, label, to) = parse().unwrap_or_else(|| panic!("{name}: unexpected line {line:?}"));
            assert!(["---", "-.-", "-->", "-.->"].contains(&arrow), "{name}: arrow {arrow}");
            assert!(is_id(from) && is_id(to), "{name}: edge {line:?}");
            decode_mermaid(label);
            edges += 1;
        }
    }
    let want: BTreeMap<String, String> = expected
        .nodes
        .iter()
        .map(|(id, (l, _, _))| (id.clone(), if l.is_empty() { id.clone() } else { l.clone() }))
        .collect();
    assert_eq!(labels, want, "{name}: Mermaid labels decode back");
    assert_eq!(edges, expected.edges.len(), "{name}: Mermaid edges");
}
