//! **visit** — a person visiting a place: a meeting held there.
//!
//! Matches: "A visited X" (X a city or country), "A visited B in X" (B a person: A met
//! B in X). The visit is a meeting held in X that A (and B) attend; the status comes
//! from the wording ("will visit" is planned, and a planned visit is no `met_with`).
//! Example: "Prime Minister Anna Brown visited Nairobi on Monday." → a visit held in
//! Nairobi, attended by Brown.
//! Known false positives: "visited" in a past-career sense ("she had visited Kyiv many
//! times").

use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::clause::{clause_of, objects_after, subject_of};
use crate::meetings::{date_in, place_after, record_gathering, Gathering};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "visit", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["visited", "visits", "visit", "visiting"];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if !matches!(a.lower(i), "visited" | "visits" | "visit" | "visiting") {
            continue;
        }
        // The noun ("a visit to") is read by meeting_mention.
        if i > 0
            && matches!(a.lower(i - 1), "a" | "an" | "the" | "his" | "her" | "their" | "first" | "official" | "state")
        {
            continue;
        }
        let (clause_start, clause_end) = clause_of(a, i);
        let Some((subject, subject_span)) = subject_of(a, i) else {
            continue;
        };
        let mut status = status_at(a, i, Some(subject_span));
        // "... would visit Türkiye in August. The Kremlin never confirmed the trip, and
        // the visit did not take place."
        if status == Status::Planned && called_off_later(a, i) {
            status = Status::Cancelled;
        }
        let host = objects_after(a, i).first().copied().filter(|(_, s)| a.tok_at(s.start) <= i + 4);
        let direct = a
            .toks
            .get(i + 1)
            .and_then(|t| a.mention_at(t.span.start))
            .filter(|m| matches!(m.kind, EntityKind::Location | EntityKind::Country))
            .map(|m| m.ent);
        let place = direct
            .or_else(|| host.and_then(|(_, s)| place_after(a, a.tok_at(s.end), clause_end.min(a.tok_at(s.end) + 4))));
        let Some(place) = place else { continue };
        if a.ents[place].attrs.get("kind").is_some_and(|k| k == "continent" || k == "region") {
            continue;
        }
        let mut participants = vec![subject];
        let span = subject_span.cover(a.toks[i].span);
        if let Some((h, hspan)) = host {
            a.add_rel(RelationKind::MetWith, subject, h, status, span.cover(hspan), RULE.name);
            participants.push(h);
        }
        // "said in July that Putin would visit Türkiye in August": the date after the
        // verb is the visit's; one before it only when none follows.
        let date = date_in(a, i, clause_end).or_else(|| date_in(a, clause_start, i));
        let trigger = a.toks[i].span;
        let g = Gathering {
            visitor: Some(subject),
            class: MeetingClass::Visit,
            place: Some(place),
            date,
            participants: &participants,
            status,
            trigger,
            evidence: span,
        };
        record_gathering(a, g, RULE.name);
    }
}

/// Whether one of the two sentences after the verb at `i` tells "the visit" (or "the
/// trip") called off.
fn called_off_later(a: &Analysis, i: usize) -> bool {
    let sent = a.sent_of(a.toks[i].span.start);
    let Some(last) = a.sents.get((sent + 2).min(a.sents.len() - 1)) else { return false };
    (i + 1..last.tokens.end).any(|k| {
        matches!(a.lower(k), "visit" | "trip")
            && matches!(a.lower(k - 1), "the" | "that" | "this")
            && super::meeting_mention::told_called_off(a, k)
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn a_visit_is_a_meeting_in_the_place() {
        let x = extract("Kenyan President Amos Kiprono visited Kampala on Monday.", "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &m, "held_in", "location:kampala"), "{:?}", x.entities);
        assert!(has_edge(&x, "person:amos-kiprono", "attends", &m));
    }

    /// Two visitors' visits to one country are two visits.
    #[test]
    fn another_visitors_visit_stays_apart() {
        let x = extract(
            "Foreign Minister Anna Brown's wartime trip to Kenya lasted a day. On Monday, Chancellor Tom Price visited Kenya.",
            "2025-03-05",
        );
        let visits = x.entities.iter().filter(|e| e.id.starts_with("meeting:")).count();
        assert_eq!(visits, 2, "{:?}", x.entities);
        let labels: Vec<&str> =
            x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.label.as_str()).collect();
        assert!(labels.contains(&"Price's visit to Kenya"), "{labels:?}");
        assert!(!x
            .relations
            .iter()
            .any(|r| r.source == "person:anna-brown" && r.kind.as_str() == "attends" && r.target.contains("03-03")));
    }

    #[test]
    fn a_planned_visit_is_no_fact() {
        let x = extract("Amos Kiprono will visit Paul Okello in Kampala next week.", "2025-03-05");
        assert!(!has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"));
    }

    #[test]
    fn a_planned_visit_later_told_called_off() {
        let text = "Anna Brown said in July that Tom Price would visit Kenya in August. The trip was never confirmed, \
                    and the visit did not take place. A visit by Price to Kenya \"remains on the agenda\", her \
                    office said.";
        let x = crate::test_support::extract(text, "2023-09-04");
        assert!(!x.relations.iter().any(|r| r.kind.as_str() == "attends"), "{:?}", x.relations);
        let all = crate::test_support::extract_all(text, "2023-09-04");
        let visit = all.entities.iter().find(|e| e.id.starts_with("meeting:visit-kenya")).map(|e| e.id.clone());
        // The August the plan was for, not the next one.
        assert_eq!(visit.as_deref(), Some("meeting:visit-kenya@2023-08"), "{:?}", all.entities);
    }
}
