//! A small graph shaped like the sample article's (the May 2025 Istanbul talks), for
//! the unit tests of the questions.

use std::collections::BTreeMap;

use kg_extract::{Entity, EntityKind, Evidence, Relation, RelationKind, Status};

use crate::Graph;

use EntityKind::{Country, Delegation, Location, Meeting, Person};
use RelationKind::{Attends, HeldIn, LeadsDelegation, LocatedIn, MemberOf, MetWith, OfficialOf, Represents};

const RU_DEL: &str = "delegation:ru@meeting:talks-istanbul@2025-05-16";
const UA_DEL: &str = "delegation:ua@meeting:talks-istanbul@2025-05-16";
const TALKS: &str = "meeting:talks-istanbul@2025-05-16";

/// id, kind, label, aliases, attributes.
type NodeRow<'a> = (&'a str, EntityKind, &'a str, &'a [&'a str], &'a [(&'a str, &'a str)]);
/// source, relation, target, status, attributes.
type EdgeRow<'a> = (&'a str, RelationKind, &'a str, Status, &'a [(&'a str, &'a str)]);

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

pub(crate) fn sample() -> Graph {
    let mut g = Graph::new();
    let nodes: &[NodeRow] = &[
        (
            "person:volodymyr-zelenskyy",
            Person,
            "Volodymyr Zelenskyy",
            &["Zelenskyy", "Ukrainian leader"],
            &[("title", "President")],
        ),
        ("person:recep-tayyip-erdogan", Person, "Recep Tayyip Erdoğan", &["Erdogan", "Recep Tayyip Erdogan"], &[]),
        ("person:vladimir-putin", Person, "Vladimir Putin", &["Putin"], &[("title", "President")]),
        ("person:vladimir-medinsky", Person, "Vladimir Medinsky", &["Medinsky"], &[]),
        ("person:aleksandr-fomin", Person, "Aleksandr Fomin", &[], &[]),
        ("person:igor-kostyukov", Person, "Igor Kostyukov", &["Kostyukov"], &[]),
        ("person:rustem-umerov", Person, "Rustem Umerov", &[], &[("title", "Defense Minister")]),
        ("person:hakan-fidan", Person, "Hakan Fidan", &[], &[]),
        ("person:marco-rubio", Person, "Marco Rubio", &["Rubio"], &[]),
        ("person:andrii-sybiha", Person, "Andrii Sybiha", &["Sybiha"], &[]),
        ("country:ru", Country, "Russia", &[], &[("iso", "RU")]),
        ("country:ua", Country, "Ukraine", &[], &[("iso", "UA")]),
        ("country:tr", Country, "Turkey", &[], &[("iso", "TR")]),
        ("location:istanbul", Location, "Istanbul", &[], &[("country", "TR")]),
        ("location:ankara", Location, "Ankara", &["Turkish capital"], &[("country", "TR")]),
        ("location:antalya", Location, "Antalya", &[], &[("country", "TR")]),
        (
            TALKS,
            Meeting,
            "direct peace talks in Istanbul",
            &["talks"],
            &[("date", "2025-05-16"), ("status", "occurred")],
        ),
        ("meeting:meeting-ankara", Meeting, "meeting in Ankara", &[], &[("status", "occurred")]),
        ("meeting:nato-meeting-antalya@2025-05-15", Meeting, "NATO meeting in Antalya", &[], &[("date", "2025-05-15")]),
        ("meeting:face-to-face", Meeting, "face-to-face meeting", &[], &[("status", "declined")]),
        (RU_DEL, Delegation, "Russian delegation", &[], &[("country", "RU")]),
        (UA_DEL, Delegation, "Ukrainian delegation", &[], &[("country", "UA")]),
    ];
    for (id, kind, label, aliases, attributes) in nodes {
        g.add_entity(&Entity {
            id: id.to_string(),
            kind: *kind,
            label: label.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            attributes: map(attributes),
        });
    }
    let occurred = Status::Occurred;
    let edges: &[EdgeRow] = &[
        ("person:recep-tayyip-erdogan", MetWith, "person:volodymyr-zelenskyy", occurred, &[("place", "Ankara")]),
        ("person:vladimir-putin", MetWith, "person:volodymyr-zelenskyy", Status::Declined, &[]),
        ("person:hakan-fidan", MetWith, "person:vladimir-medinsky", occurred, &[]),
        (
            "person:andrii-sybiha",
            MetWith,
            "person:marco-rubio",
            occurred,
            &[("date", "2025-05-15"), ("place", "Antalya")],
        ),
        ("person:recep-tayyip-erdogan", Attends, "meeting:meeting-ankara", occurred, &[]),
        ("person:volodymyr-zelenskyy", Attends, "meeting:meeting-ankara", occurred, &[]),
        ("person:andrii-sybiha", Attends, "meeting:nato-meeting-antalya@2025-05-15", occurred, &[]),
        ("person:marco-rubio", Attends, "meeting:nato-meeting-antalya@2025-05-15", occurred, &[]),
        ("person:vladimir-putin", Attends, "meeting:face-to-face", Status::Declined, &[]),
        ("meeting:meeting-ankara", HeldIn, "location:ankara", occurred, &[]),
        ("meeting:nato-meeting-antalya@2025-05-15", HeldIn, "location:antalya", occurred, &[]),
        (TALKS, HeldIn, "location:istanbul", occurred, &[]),
        ("location:istanbul", LocatedIn, "country:tr", occurred, &[]),
        ("location:ankara", LocatedIn, "country:tr", occurred, &[]),
        (RU_DEL, Represents, "country:ru", occurred, &[]),
        (UA_DEL, Represents, "country:ua", occurred, &[]),
        (RU_DEL, Attends, TALKS, occurred, &[]),
        (UA_DEL, Attends, TALKS, occurred, &[]),
        ("person:vladimir-medinsky", LeadsDelegation, RU_DEL, occurred, &[]),
        ("person:aleksandr-fomin", MemberOf, RU_DEL, occurred, &[]),
        ("person:igor-kostyukov", MemberOf, RU_DEL, occurred, &[]),
        ("person:rustem-umerov", LeadsDelegation, UA_DEL, occurred, &[]),
        ("person:hakan-fidan", OfficialOf, "country:tr", occurred, &[("title", "Foreign Minister")]),
        ("person:vladimir-putin", OfficialOf, "country:ru", occurred, &[("title", "President")]),
        ("person:volodymyr-zelenskyy", OfficialOf, "country:ua", occurred, &[]),
        ("person:rustem-umerov", OfficialOf, "country:ua", occurred, &[]),
    ];
    for (i, (source, kind, target, status, attributes)) in edges.iter().enumerate() {
        g.add_relation(&Relation {
            kind: *kind,
            source: source.to_string(),
            target: target.to_string(),
            status: *status,
            attributes: map(attributes),
            evidence: Evidence {
                doc: "sample".into(),
                sentence: i,
                start: 0,
                end: 1,
                rule: "fixture".into(),
                text: format!("sentence {i}"),
                date: None,
            },
        });
    }
    g
}
