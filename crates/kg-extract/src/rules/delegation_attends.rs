//! **delegation_attends** — a delegation attends the talks it was sent to.
//!
//! Matches: every delegation of the document; its meeting is the talks named in the
//! same sentence, else the last talks named before it, else the talks the document
//! names most often.
//! Example: "Talks open in Geneva on Friday. The Swiss delegation arrived." → the Swiss
//! delegation attends the Geneva talks.
//! Known false positives: an article about two rounds of talks assigns a delegation to
//! the round named nearest to it.

use std::collections::BTreeMap;

use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "delegation_attends", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let is_talks = |a: &Analysis, e: usize| {
        a.ents[e].meeting.as_ref().is_some_and(|m| m.class == Some(MeetingClass::Talks) || m.class.is_none())
    };
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in &a.mentions {
        if a.ents[m.ent].kind == EntityKind::Meeting && is_talks(a, m.ent) {
            *counts.entry(m.ent).or_default() += 1;
        }
    }
    let salient = counts.iter().max_by_key(|(e, c)| (**c, std::cmp::Reverse(**e))).map(|(e, _)| *e);
    let delegations: Vec<usize> = (0..a.ents.len()).filter(|&e| a.ents[e].kind == EntityKind::Delegation).collect();
    for d in delegations {
        let Some(first) = a.mentions.iter().filter(|m| m.ent == d).min_by_key(|m| m.span.start).cloned() else {
            continue;
        };
        let nearest = a
            .mentions
            .iter()
            .filter(|m| a.ents[m.ent].kind == EntityKind::Meeting && is_talks(a, m.ent))
            .filter(|m| m.sent == first.sent || m.span.start < first.span.start)
            .max_by_key(|m| (m.sent == first.sent, m.span.start))
            .map(|m| m.ent);
        let Some(meeting) = nearest.or(salient) else {
            continue;
        };
        let status = match a.ents[meeting].meeting.as_ref().map(|m| m.status) {
            Some(Status::Occurred) => Status::Occurred,
            _ => Status::Planned,
        };
        a.add_rel(RelationKind::Attends, d, meeting, status, first.span, RULE.name);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn delegation_attends_the_talks() {
        let x = extract("Talks open in Geneva on Friday. The Swiss delegation arrived.", "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        let d = x.entities.iter().find(|e| e.id.starts_with("delegation:ch")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &d, "attends", &m), "{:?}", x.relations);
    }
}
