//! Unit tests of the questions on the fixture graph.

use super::fixture::sample;
use super::*;
use crate::Graph;

fn node<'g>(g: &'g Graph, name: &str) -> &'g Node {
    resolve(g, name, &[]).unwrap_or_else(|e| panic!("{e}"))
}

fn labels<A: Answer>(answers: &[A], column: usize) -> Vec<String> {
    answers.iter().map(|a| a.cells()[column].clone()).collect()
}

#[test]
fn met_lists_whom_a_person_met_with_place_and_meeting() {
    let g = sample();
    let rows = met(&g, Some(node(&g, "Zelenskyy")), &DateRange::default(), Options::default());
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].cells(), ["Volodymyr Zelenskyy", "Recep Tayyip Erdoğan", "", "Ankara", "meeting in Ankara"]);
    assert_eq!(rows[0].evidence.len(), 1);
    let all = Options { all_statuses: true };
    let rows = met(&g, Some(node(&g, "Zelenskyy")), &DateRange::default(), all);
    assert_eq!(labels(&rows, 1), ["Recep Tayyip Erdoğan", "Vladimir Putin (declined)"]);
}

#[test]
fn met_fills_the_date_and_filters_by_it() {
    let g = sample();
    let may = DateRange::parse(Some("2025-05"), Some("2025-05")).expect("valid");
    let rows = met(&g, None, &may, Options::default());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].cells(), ["Andrii Sybiha", "Marco Rubio", "2025-05-15", "Antalya", "NATO meeting in Antalya"]);
    let every = met(&g, None, &DateRange::default(), Options::default());
    assert_eq!(labels(&every, 0), ["Andrii Sybiha", "Hakan Fidan", "Recep Tayyip Erdoğan"]);
}

#[test]
fn delegations_have_heads_and_members() {
    let g = sample();
    let rows = delegations(&g, None, Options::default());
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0].cells(),
        [
            "Russian delegation",
            "Russia",
            "direct peace talks in Istanbul",
            "Vladimir Medinsky",
            "Aleksandr Fomin, Igor Kostyukov"
        ]
    );
    let ua = delegations(&g, Some(node(&g, "Ukraine")), Options::default());
    assert_eq!(labels(&ua, 3), ["Rustem Umerov"]);
    let talks = resolve(&g, "Istanbul", &[EntityKind::Meeting, EntityKind::Country]).expect("talks");
    assert_eq!(delegations(&g, Some(talks), Options::default()).len(), 2);
}

#[test]
fn officials_with_titles() {
    let g = sample();
    let rows = officials(&g, Some(node(&g, "Ukraine")), Options::default());
    assert_eq!(labels(&rows, 0), ["Rustem Umerov", "Volodymyr Zelenskyy"]);
    assert_eq!(labels(&rows, 1), ["Defense Minister", "President"]);
    assert_eq!(officials(&g, None, Options::default()).len(), 4);
}

#[test]
fn meetings_by_place_and_participant() {
    let g = sample();
    let all = meetings(&g, None, None, Options::default());
    assert_eq!(labels(&all, 0), ["NATO meeting in Antalya", "direct peace talks in Istanbul", "meeting in Ankara"]);
    let talks = &all[1];
    assert_eq!(
        talks.cells()[4],
        "Aleksandr Fomin, Igor Kostyukov, Rustem Umerov, Vladimir Medinsky",
        "persons through their delegations"
    );
    let in_turkey = meetings(&g, Some(node(&g, "Turkey")), None, Options::default());
    assert_eq!(in_turkey.len(), 3);
    let with = meetings(&g, None, Some(node(&g, "Medinsky")), Options::default());
    assert_eq!(labels(&with, 0), ["direct peace talks in Istanbul"]);
    let with_russia = meetings(&g, None, Some(node(&g, "Russia")), Options::default());
    assert_eq!(with_russia.len(), 1);
    let declined = meetings(&g, None, Some(node(&g, "Putin")), Options { all_statuses: true });
    assert_eq!(labels(&declined, 3), ["declined"]);
    assert_eq!(labels(&declined, 4), ["Vladimir Putin (declined)"]);
}

#[test]
fn neighbors_to_a_depth_and_by_relation() {
    let g = sample();
    let start = node(&g, "Medinsky");
    let one = neighbors(&g, start, &[], 1, Options::default());
    assert_eq!(labels(&one, 2), ["met_with", "leads_delegation"], "by source: Hakan Fidan, then Medinsky");
    let two = neighbors(&g, start, &[], 2, Options::default());
    assert!(two.iter().any(|s| s.depth == 2 && s.source.label == "Aleksandr Fomin"), "{two:?}");
    let only = neighbors(&g, start, &[RelationKind::MetWith], 3, Options::default());
    assert_eq!(only.len(), 1);
}

#[test]
fn path_walks_edges_both_ways() {
    let g = sample();
    let steps = path(&g, node(&g, "Fidan"), node(&g, "Umerov"), &[], Options::default());
    assert!(!steps.is_empty());
    assert_eq!(steps.first().map(|s| s.from.label.as_str()), Some("Hakan Fidan"));
    assert_eq!(steps.last().map(|s| s.to.label.as_str()), Some("Rustem Umerov"));
    for pair in steps.windows(2) {
        assert_eq!(pair[0].to, pair[1].from);
    }
    let none = path(&g, node(&g, "Fidan"), node(&g, "Umerov"), &[RelationKind::MetWith], Options::default());
    assert!(none.is_empty());
    let back = path(&g, node(&g, "Fomin"), node(&g, "Medinsky"), &[], Options::default());
    assert_eq!(
        back.iter().map(|s| s.cells()[2].clone()).collect::<Vec<_>>(),
        ["-[member_of]->", "<-[leads_delegation]-"]
    );
}

#[test]
fn relations_and_find() {
    let g = sample();
    assert_eq!(relations(&g, &[RelationKind::LeadsDelegation], Options::default()).len(), 2);
    assert_eq!(relations(&g, &[RelationKind::MetWith], Options { all_statuses: true }).len(), 4);
    let found = find(&g, "vladimir", Options::default());
    assert_eq!(labels(&found, 2), ["Vladimir Medinsky", "Vladimir Putin"]);
    let found = find(&g, "ist", Options::default());
    assert!(found.iter().any(|f| f.node.id == "location:istanbul"));
    assert_eq!(parse_relation("met-with"), Some(RelationKind::MetWith));
    assert_eq!(parse_relation("knows"), None);
}

#[test]
fn subgraph_holds_just_the_answer() {
    let g = sample();
    let rows = met(&g, Some(node(&g, "Zelenskyy")), &DateRange::default(), Options::default());
    let sub = subgraph(&g, &rows);
    let ids: Vec<&str> = sub.nodes().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["location:ankara", "meeting:meeting-ankara", "person:recep-tayyip-erdogan", "person:volodymyr-zelenskyy"]
    );
    assert_eq!(sub.edge_count(), 4, "met_with, two attends, held_in");
}
