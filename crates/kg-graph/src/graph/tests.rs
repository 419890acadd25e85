use kg_extract::{EntityKind, Evidence};

use super::*;

fn entity(id: &str, kind: EntityKind, alias: &str) -> Entity {
    Entity {
        id: id.into(),
        kind,
        label: id.split(':').nth(1).unwrap_or(id).into(),
        aliases: [alias.to_string()].into_iter().collect(),
        attributes: BTreeMap::new(),
    }
}

fn relation(s: &str, kind: RelationKind, t: &str, doc: &str) -> Relation {
    Relation {
        kind,
        source: s.into(),
        target: t.into(),
        status: Status::Occurred,
        attributes: BTreeMap::new(),
        evidence: Evidence {
            doc: doc.into(),
            sentence: 0,
            start: 0,
            end: 1,
            rule: "test".into(),
            text: "x".into(),
            date: None,
        },
    }
}

#[test]
fn merges_nodes_by_id_and_edges_by_key() {
    let mut g = Graph::new();
    let a = Extraction {
        doc: "a".into(),
        entities: vec![entity("person:x-y", EntityKind::Person, "Y"), entity("person:z", EntityKind::Person, "Z")],
        relations: vec![relation("person:z", RelationKind::MetWith, "person:x-y", "a")],
        ..Extraction::default()
    };
    let b = Extraction {
        doc: "b".into(),
        entities: vec![entity("person:x-y", EntityKind::Person, "Mr Y"), entity("person:z", EntityKind::Person, "Z")],
        relations: vec![relation("person:x-y", RelationKind::MetWith, "person:z", "b")],
        ..Extraction::default()
    };
    g.add_extraction(&a);
    g.add_extraction(&b);
    assert_eq!(g.node_count(), 2);
    assert_eq!(g.edge_count(), 1);
    let (s, t, e) = g.edges().next().expect("one edge");
    assert_eq!((s.id.as_str(), t.id.as_str()), ("person:x-y", "person:z"));
    assert_eq!(e.evidence.len(), 2);
    assert_eq!(g.node("person:x-y").map(|n| n.aliases.len()), Some(2));
}

#[test]
fn relation_to_unknown_node_is_refused() {
    let mut g = Graph::new();
    assert!(!g.add_relation(&relation("person:a", RelationKind::MetWith, "person:b", "d")));
}

#[test]
fn a_draft_adds_what_its_extraction_adds() {
    let texts = [
        "Anna Brown met Ivan Petrov in Oslo on Monday. Petrov met Brown again in Rome.",
        "Ivan Petrov met Anna Brown in Oslo. A summit in Rome was proposed; Brown met Petrov there.",
        // Read otherwise than as written: a doubled space.
        "Turkish Foreign Minister Hakan  Fidan met Sergey Lavrov in Ankara. Lavrov met Anna Brown.",
    ];
    let docs: Vec<kg_extract::Document> = (0..3 * MAX_EVIDENCE)
        .map(|i| kg_extract::Document::new(format!("d{:03}", i % 70), texts[i % 3], None))
        .collect();
    let extractor = kg_extract::Extractor::builtin().with_mentions(false);
    let (mut drafts, mut whole) = (Graph::new(), Graph::new());
    for draft in extractor.extract_drafts(&docs) {
        whole.add_extraction_owned(draft.clone().into_extraction().default_view());
        drafts.add_draft(draft.default_view());
    }
    assert!(whole.edges().any(|(_, _, e)| e.count > MAX_EVIDENCE));
    assert!(whole.nodes().eq(drafts.nodes()));
    assert!(whole.edges().eq(drafts.edges()));
}
