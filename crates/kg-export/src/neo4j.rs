//! Neo4j bulk-import CSV: a folder with `nodes.csv` and `relationships.csv` in the header
//! format of `neo4j-admin database import full`:
//!
//! ```text
//! id:ID,name,:LABEL,type,aliases:string[],date,iso,title
//! person:hakan-fidan,Hakan Fidan,Person,person,Fidan,,,Foreign Minister
//!
//! :START_ID,:END_ID,:TYPE,key,status,count:int,evidence,docs:string[]
//! person:hakan-fidan,country:tr,OFFICIAL_OF,official_of,occurred,1,"Turkish ...",a.txt
//! ```
//!
//! `:LABEL` is the entity type capitalised (`Person`, `Country`, `Organization`,
//! `Location`, `Delegation`, `Meeting`), `:TYPE` the relation in upper case
//! (`MET_WITH`). Every entity and relation attribute gets a column, its name reduced to
//! letters, digits and `_`; a missing value is an empty field, which neo4j-admin leaves
//! unset. Fields are quoted when needed, with `""` for a quote (RFC 4180, neo4j-admin's
//! default). Arrays use neo4j-admin's default delimiter `;`, which has no escape: a `;`
//! inside an alias or a document name is written as `,`. Evidence sentences can span
//! lines, so import with `--multiline-fields=true`:
//!
//! ```sh
//! neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
//!     --multiline-fields=true neo4j
//! ```

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

use kg_extract::{EntityKind, RelationKind};
use kg_graph::Graph;

use crate::props::{edge_value, node_value, Kind, Schema, Value};

/// The name of the node file in the folder [`write_neo4j`] writes.
pub const NODES_FILE: &str = "nodes.csv";
/// The name of the relationship file in the folder [`write_neo4j`] writes.
pub const RELATIONSHIPS_FILE: &str = "relationships.csv";

/// The Neo4j label of an entity type: `Person`, `Country`...
pub fn neo4j_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Country => "Country",
        EntityKind::Organization => "Organization",
        EntityKind::Location => "Location",
        EntityKind::Delegation => "Delegation",
        EntityKind::Meeting => "Meeting",
    }
}

/// The Neo4j relationship type of a relation: `MET_WITH`, `LEADS_DELEGATION`...
pub fn neo4j_type(relation: RelationKind) -> String {
    relation.as_str().to_ascii_uppercase()
}

/// Writes `nodes.csv` and `relationships.csv` into `dir`, creating it when needed.
pub fn write_neo4j(graph: &Graph, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(NODES_FILE), to_neo4j_nodes(graph))?;
    std::fs::write(dir.join(RELATIONSHIPS_FILE), to_neo4j_relationships(graph))
}

/// The contents of `nodes.csv`.
pub fn to_neo4j_nodes(graph: &Graph) -> String {
    let schema = Schema::of(graph);
    let columns: Vec<_> = schema.node.iter().filter(|c| c.name != "label").collect();
    let mut taken: BTreeSet<String> = ["id", "name"].into_iter().map(String::from).collect();
    let names: Vec<Option<String>> = columns.iter().map(|c| header_name(&c.name, c.kind, &mut taken)).collect();

    let mut header = vec!["id:ID".to_string(), "name".to_string(), ":LABEL".to_string()];
    header.extend(names.iter().flatten().cloned());
    let mut rows = vec![header];
    for node in graph.nodes() {
        let mut row = vec![node.id.clone(), node.label.clone(), neo4j_label(node.kind).to_string()];
        for (column, name) in columns.iter().zip(&names) {
            if name.is_some() {
                row.push(node_value(node, &column.name).map(field).unwrap_or_default());
            }
        }
        rows.push(row);
    }
    csv_text(rows)
}

/// The contents of `relationships.csv`.
pub fn to_neo4j_relationships(graph: &Graph) -> String {
    let schema = Schema::of(graph);
    let mut taken = BTreeSet::new();
    let names: Vec<Option<String>> = schema.edge.iter().map(|c| header_name(&c.name, c.kind, &mut taken)).collect();

    let mut header = vec![":START_ID".to_string(), ":END_ID".to_string(), ":TYPE".to_string()];
    header.extend(names.iter().flatten().cloned());
    let mut rows = vec![header];
    for (source, target, edge) in graph.edges() {
        let mut row = vec![source.id.clone(), target.id.clone(), neo4j_type(edge.relation)];
        for (column, name) in schema.edge.iter().zip(&names) {
            if name.is_some() {
                row.push(edge_value(edge, &column.name).map(field).unwrap_or_default());
            }
        }
        rows.push(row);
    }
    csv_text(rows)
}

/// A property name fit for a header (`a-b` → `a_b`) with its type suffix, or `None`
/// when another column already has that name.
fn header_name(name: &str, kind: Kind, taken: &mut BTreeSet<String>) -> Option<String> {
    let clean: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if !taken.insert(clean.clone()) {
        return None;
    }
    Some(match kind {
        Kind::Str => clean,
        Kind::Int => format!("{clean}:int"),
        Kind::List => format!("{clean}:string[]"),
    })
}

/// One CSV field: arrays joined with `;` (a `;` inside an item becomes `,`).
fn field(value: Value<'_>) -> String {
    match value {
        Value::List(items) => items.iter().map(|i| i.replace(';', ",")).collect::<Vec<_>>().join(";"),
        other => other.joined(),
    }
}

/// The rows as CSV: `\n` line ends, fields quoted only when needed.
fn csv_text(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        let g = fixture::graph();
        insta::assert_snapshot!(format!("{}\n{}", to_neo4j_nodes(&g), to_neo4j_relationships(&g)));
    }

    #[test]
    fn headers_follow_neo4j_admin() {
        let g = fixture::graph();
        let nodes = to_neo4j_nodes(&g);
        assert_eq!(nodes.lines().next(), Some("id:ID,name,:LABEL,type,aliases:string[],date,iso,title"));
        let rels = to_neo4j_relationships(&g);
        assert_eq!(
            rels.lines().next(),
            Some(":START_ID,:END_ID,:TYPE,key,relation,status,count:int,evidence,docs:string[],venue")
        );
        assert!(rels.contains(",MET_WITH,met_with:planned,met_with,planned,1,"));
    }

    #[test]
    fn header_names_are_cleaned_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(header_name("a-b:c", Kind::Str, &mut taken).as_deref(), Some("a_b_c"));
        assert_eq!(header_name("a_b_c", Kind::Str, &mut taken), None);
        assert_eq!(header_name("n", Kind::Int, &mut taken).as_deref(), Some("n:int"));
        assert_eq!(field(Value::List(vec!["a;b", "c"])), "a,b;c");
    }

    #[test]
    fn writes_a_folder() {
        let dir = std::env::temp_dir().join(format!("kg-neo4j-test-{}", std::process::id()));
        write_neo4j(&fixture::graph(), &dir.join("sub")).expect("write folder");
        let nodes = std::fs::read_to_string(dir.join("sub").join(NODES_FILE)).expect("nodes.csv");
        assert_eq!(nodes.lines().count(), 1 + fixture::graph().node_count());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
