//! **co_attendance** — the two persons of a two-person meeting met each other.
//!
//! Matches: a meeting that took place and that exactly two persons attend ("as
//! discussed by A and B at the summit"). Larger meetings give no `met_with`: sitting
//! in one room is not meeting each other.
//! Example: "The plan was discussed by Anna Brown and Tom Price at the 2023 Lakeside
//! Summit." → Brown met_with Price.
//! Only attendance read by `attends` counts: co-hosts or two names of a list
//! ("hosted by A and B") are not said to have met.
//! An organisation's meeting ("the ASEAN Summit") gives none, however few of its
//! leaders the article names. The host of a meeting ("the summit that A hosted") met
//! each person who attended it.
//! Known false positives: two speakers at a large conference that the article names
//! alone.

use std::collections::BTreeSet;

use super::Rule;
use crate::analysis::Analysis;
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "co_attendance", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    for m in 0..a.ents.len() {
        // An organisation's meeting ("the ASEAN Summit", "the NATO summit") is
        // multilateral however few of its leaders the article names.
        if a.ents[m].kind != EntityKind::Meeting
            || a.ents[m].meeting.as_ref().is_some_and(|i| i.status != Status::Occurred || i.org.is_some())
        {
            continue;
        }
        let attendees: Vec<&crate::analysis::Rel> = a
            .rels
            .iter()
            .filter(|r| {
                r.kind == RelationKind::Attends
                    && r.dst == m
                    && r.status == Status::Occurred
                    && a.ents[r.src].kind == EntityKind::Person
            })
            .collect();
        let persons: BTreeSet<usize> = attendees.iter().map(|r| r.src).collect();
        // "the meeting of South American presidents that Lula hosted": the host met
        // each guest (not so at an organisation's summit, nor on a visit, whose host is
        // read by `visitor`).
        let info = a.ents[m].meeting.as_ref();
        let host = info
            .filter(|i| i.class != Some(crate::analysis::MeetingClass::Visit))
            .and_then(|i| i.host)
            .filter(|h| persons.contains(h));
        if let Some(h) = host {
            let guests: Vec<(usize, crate::model::Span)> =
                attendees.iter().filter(|r| r.src != h).map(|r| (r.src, r.span)).collect();
            for (g, span) in guests {
                a.add_rel(RelationKind::MetWith, h, g, Status::Occurred, span, RULE.name);
            }
            continue;
        }
        // Named together ("A and B at the summit"), not found there separately; two
        // hosts or two names of a participant list did not meet for all that.
        let sentences: BTreeSet<usize> = attendees.iter().map(|r| r.sent).collect();
        if persons.len() != 2 || sentences.len() != 1 || attendees.iter().any(|r| r.rule != "attends") {
            continue;
        }
        let span = attendees.iter().map(|r| r.span).fold(attendees[0].span, |x, y| x.cover(y));
        let p: Vec<usize> = persons.into_iter().collect();
        a.add_rel(RelationKind::MetWith, p[0], p[1], Status::Occurred, span, RULE.name);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn two_attendees_met() {
        let x =
            extract("The plan was discussed by Anna Brown and Tom Price at the 2023 Lakeside Summit.", "2024-08-28");
        assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"));
    }

    #[test]
    fn two_leaders_at_an_organisations_summit_did_not_meet() {
        let x = extract(
            "The ASEAN summit opened in Kuala Lumpur on Monday. Anna Brown and Tom Price took part in the summit.",
            "2024-08-28",
        );
        assert!(
            x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == "person:anna-brown"),
            "{:?}",
            x.relations
        );
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"));
    }

    #[test]
    fn the_host_met_each_guest() {
        let text = "The summit of African presidents that Anna Brown hosted in Nairobi on Monday brought \
                    together Tom Price, Paul Okello and Mary Wanjiru.";
        let x = extract(text, "2025-03-05");
        for guest in ["person:tom-price", "person:paul-okello", "person:mary-wanjiru"] {
            assert!(has_edge(&x, "person:anna-brown", "met_with", guest), "{guest}: {:?}", x.relations);
        }
        assert!(!has_edge(&x, "person:tom-price", "met_with", "person:paul-okello"));
        // A host told only by a bare title is left alone.
        let text = "Prime Minister Anna Brown spoke. The Prime Minister hosted a summit in Nairobi on Monday, \
                    attended by Tom Price and Paul Okello.";
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    }

    #[test]
    fn two_hosts_did_not_meet() {
        let x = extract("The talks in Vienna were hosted by Anna Brown and Tom Price.", "2024-08-28");
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"));
    }
}
