//! A small hand-built graph shared by the snapshot tests of every writer.

use std::collections::BTreeMap;

use kg_extract::{Entity, EntityKind, Evidence, Relation, RelationKind, Status};
use kg_graph::Graph;

const S1: &str = "Turkish Foreign Minister Hakan Fidan met U.S. Secretary of State Marco Rubio in \
                  Istanbul on Thursday, his office said in a statement released late in the evening.";
const S2: &str = "Fidan and Rubio met again on Friday.";
const S3: &str = "The two ministers are expected to meet next month in Ankara — officials said.";
const S4: &str = "Rubio led the U.S. delegation to the Istanbul talks.";
const S5: &str = "The talks were held at the Dolmabahçe Palace in Istanbul.";

fn entity(id: &str, kind: EntityKind, label: &str, aliases: &[&str], attrs: &[(&str, &str)]) -> Entity {
    Entity {
        id: id.into(),
        kind,
        label: label.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        attributes: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

fn rel(
    source: &str,
    kind: RelationKind,
    target: &str,
    status: Status,
    doc: &str,
    sentence: usize,
    text: &str,
) -> Relation {
    Relation {
        kind,
        source: source.into(),
        target: target.into(),
        status,
        attributes: BTreeMap::new(),
        evidence: Evidence {
            doc: doc.into(),
            sentence,
            start: 0,
            end: text.len(),
            rule: format!("{kind}-rule"),
            text: text.into(),
            date: None,
        },
    }
}

/// Six nodes of six different kinds, seven edges including a `met_with` with two pieces
/// of evidence and a planned `met_with`.
pub(crate) fn graph() -> Graph {
    use EntityKind::*;
    use RelationKind::*;
    let mut g = Graph::new();
    for e in [
        entity("person:hakan-fidan", Person, "Hakan Fidan", &["Fidan"], &[("title", "Foreign Minister")]),
        entity("person:marco-rubio", Person, "Marco Rubio", &["Rubio"], &[("title", "Secretary of State")]),
        entity("country:tr", Country, "Türkiye", &["Turkey"], &[("iso", "TR")]),
        entity("delegation:us", Delegation, "U.S. delegation", &[], &[]),
        entity("meeting:istanbul-talks", Meeting, "Istanbul talks", &[], &[("date", "2025-05-15")]),
        entity("location:istanbul", Location, "Istanbul", &[], &[]),
    ] {
        g.add_entity(&e);
    }
    let mut with_attr = rel("meeting:istanbul-talks", HeldIn, "location:istanbul", Status::Occurred, "b.txt", 2, S5);
    with_attr.attributes.insert("venue".into(), "Dolmabahçe Palace".into());
    for r in [
        rel("person:marco-rubio", MetWith, "person:hakan-fidan", Status::Occurred, "a.txt", 0, S1),
        rel("person:hakan-fidan", MetWith, "person:marco-rubio", Status::Occurred, "b.txt", 0, S2),
        rel("person:hakan-fidan", MetWith, "person:marco-rubio", Status::Planned, "b.txt", 3, S3),
        rel("person:hakan-fidan", OfficialOf, "country:tr", Status::Occurred, "a.txt", 0, S1),
        rel("person:marco-rubio", LeadsDelegation, "delegation:us", Status::Occurred, "b.txt", 1, S4),
        rel("delegation:us", Attends, "meeting:istanbul-talks", Status::Occurred, "b.txt", 1, S4),
        with_attr,
        rel("location:istanbul", LocatedIn, "country:tr", Status::Occurred, "b.txt", 2, S5),
    ] {
        assert!(g.add_relation(&r), "fixture relation must connect known nodes");
    }
    g
}
