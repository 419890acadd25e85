//! A Cypher script for Neo4j (or Memgraph), run with `cypher-shell -f graph.cypher`.
//!
//! Every statement is parameter-free (all values are literals) and idempotent, so the
//! script can be run again or after another graph's script; graphs merge by entity id:
//!
//! ```cypher
//! CREATE CONSTRAINT kg_person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
//! MERGE (n:Person {id: 'person:hakan-fidan'}) SET n.name = 'Hakan Fidan', n.type = 'person', n.aliases = ['Fidan'], n.title = 'Foreign Minister';
//! MATCH (a:Person {id: 'person:hakan-fidan'}) MATCH (b:Country {id: 'country:tr'}) MERGE (a)-[r:OFFICIAL_OF {key: 'official_of'}]->(b) SET r.status = 'occurred', r.count = 1, r.evidence = '...', r.docs = ['a.txt'];
//! ```
//!
//! Labels and relationship types are those of [`crate::neo4j`]. Every string is a
//! single-quoted literal escaped by [`string_literal`]; property names that are not
//! plain identifiers are quoted with backticks. Relationships merge on their `key`
//! (relation, plus status unless it occurred), so a planned meeting and one that
//! occurred stay two relationships.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use kg_graph::Graph;

use crate::neo4j::{neo4j_label, neo4j_type};
use crate::props::{edge_value, node_value, Schema, Value};

/// The graph as a Cypher script, one statement per line.
pub fn to_cypher(graph: &Graph) -> String {
    let schema = Schema::of(graph);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// kg graph: {} nodes, {} relationships. Run with: cypher-shell -f FILE",
        graph.node_count(),
        graph.edge_count()
    );
    let kinds: BTreeSet<&str> = graph.nodes().map(|n| neo4j_label(n.kind)).collect();
    for label in kinds {
        let _ = writeln!(
            out,
            "CREATE CONSTRAINT kg_{}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;",
            label.to_ascii_lowercase()
        );
    }
    for node in graph.nodes() {
        let _ = write!(
            out,
            "MERGE (n:{} {{id: {}}}) SET n.name = {}",
            neo4j_label(node.kind),
            string_literal(&node.id),
            string_literal(&node.label)
        );
        for column in schema.node.iter().filter(|c| c.name != "label") {
            if let Some(value) = node_value(node, &column.name).and_then(literal) {
                let _ = write!(out, ", n.{} = {value}", property_name(&column.name));
            }
        }
        out.push_str(";\n");
    }
    for (source, target, edge) in graph.edges() {
        let _ = write!(
            out,
            "MATCH (a:{} {{id: {}}}) MATCH (b:{} {{id: {}}}) MERGE (a)-[r:{} {{key: {}}}]->(b) SET ",
            neo4j_label(source.kind),
            string_literal(&source.id),
            neo4j_label(target.kind),
            string_literal(&target.id),
            neo4j_type(edge.relation),
            string_literal(&crate::json::edge_key(edge)),
        );
        let mut first = true;
        for column in schema.edge.iter().filter(|c| c.name != "key") {
            if let Some(value) = edge_value(edge, &column.name).and_then(literal) {
                let _ = write!(out, "{}r.{} = {value}", if first { "" } else { ", " }, property_name(&column.name));
                first = false;
            }
        }
        out.push_str(";\n");
    }
    out
}

/// A Cypher literal for a property value; `None` for an empty list, which Neo4j cannot
/// store with a type.
fn literal(value: Value<'_>) -> Option<String> {
    Some(match value {
        Value::Str(s) => string_literal(s),
        Value::Owned(s) => string_literal(&s),
        Value::Int(n) => n.to_string(),
        Value::List(items) if items.is_empty() => return None,
        Value::List(items) => format!("[{}]", items.iter().map(|i| string_literal(i)).collect::<Vec<_>>().join(", ")),
    })
}

/// `text` as a single-quoted Cypher string literal: `\` → `\\`, `'` → `\'`, line
/// breaks, tabs, backspace and form feed as `\n`, `\r`, `\t`, `\b`, `\f`, any other
/// control character as `\uXXXX`. Everything else, including non-Latin scripts, is
/// written as is.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A property name: as is when it is a plain identifier, otherwise in backticks (with
/// backticks doubled).
fn property_name(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_cypher(&fixture::graph()));
    }

    #[test]
    fn string_literals_are_escaped() {
        assert_eq!(string_literal(r#"O'Neil "x" \n"#), r#"'O\'Neil "x" \\n'"#);
        assert_eq!(string_literal("a\nb\r\tc\u{1}"), r"'a\nb\r\tc\u0001'");
        assert_eq!(string_literal("王毅 --> end"), "'王毅 --> end'");
    }

    #[test]
    fn property_names_are_quoted_when_needed() {
        assert_eq!(property_name("title"), "title");
        assert_eq!(property_name("a-b"), "`a-b`");
        assert_eq!(property_name("we`ird"), "`we``ird`");
        assert_eq!(property_name("1st"), "`1st`");
    }

    #[test]
    fn one_statement_per_node_and_relationship() {
        let g = fixture::graph();
        let script = to_cypher(&g);
        assert_eq!(script.lines().filter(|l| l.starts_with("MERGE (n:")).count(), g.node_count());
        assert_eq!(script.lines().filter(|l| l.starts_with("MATCH (a:")).count(), g.edge_count());
        assert!(script.lines().skip(1).all(|l| l.ends_with(';')));
        assert!(!script.contains('$'));
    }
}
