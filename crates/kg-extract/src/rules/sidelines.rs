//! **sidelines** — "met on the sidelines", with no summit named: the sidelines of the
//! summit the story is about.
//!
//! Matches: "on the sidelines" or "on the margins" not followed by "of"; the persons
//! of the clause's subject attend the summit or conference the story has told most
//! often so far, when it took place. Also "on the last (first, opening ...) day of
//! <meeting>": the clause's subjects attend that meeting.
//! Example: "The summit in Nairobi opened on Monday. Anna Brown and Tom Price met on
//! the sidelines." → Brown and Price attend the Nairobi summit.
//! Known false positives: sidelines of a meeting other than the story's summit that
//! the text left unnamed ("at a forum in Davos last year, on the sidelines").

use super::attends::principal_meeting;
use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::clause::subjects_of;
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "sidelines", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["sidelines", "margins", "day"];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if a.lower(i) == "day" {
            day_of(a, i);
            continue;
        }
        if i < 2 || a.lower(i - 1) != "the" || a.lower(i - 2) != "on" || a.lower(i + 1) == "of" {
            continue;
        }
        let Some(summit) = principal_meeting(a, a.toks[i].span.start) else { continue };
        if a.ents[summit].meeting.as_ref().is_none_or(|m| m.class != Some(MeetingClass::Meeting)) {
            continue;
        }
        subjects_attend(a, i, summit);
    }
}

/// The persons of the clause's subject at token `i` attend `meeting`, when the clause
/// tells it as fact.
fn subjects_attend(a: &mut Analysis, i: usize, meeting: usize) {
    let subjects: Vec<_> =
        subjects_of(a, i).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person).collect();
    let Some(&(_, first)) = subjects.first() else { return };
    let status = status_at(a, i, Some(first));
    if status != Status::Occurred {
        return;
    }
    for (p, span) in subjects {
        a.add_rel(RelationKind::Attends, p, meeting, status, span.cover(a.toks[i].span), RULE.name);
    }
}

/// "stood with Zelensky on the last day of the summit": the clause's subjects were at
/// the meeting named after "of".
fn day_of(a: &mut Analysis, i: usize) {
    let which = |w: &str| matches!(w, "first" | "second" | "third" | "last" | "final" | "opening" | "closing");
    if i < 3 || a.lower(i + 1) != "of" || !which(a.lower(i - 1)) || a.lower(i - 2) != "the" || a.lower(i - 3) != "on" {
        return;
    }
    let Some(meeting) = (i + 2..(i + 8).min(a.toks.len()))
        .find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Meeting).map(|m| m.ent))
    else {
        return;
    };
    subjects_attend(a, i, meeting);
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    fn summit(x: &crate::Extraction) -> String {
        x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default()
    }

    #[test]
    fn on_the_last_day_of_the_summit() {
        let text = "The summit in Nairobi opened on Monday. Anna Brown and Tom Price stood together on the last \
                    day of the summit.";
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "attends", &summit(&x)), "{:?}", x.relations);
        assert!(has_edge(&x, "person:tom-price", "attends", &summit(&x)), "{:?}", x.relations);
    }

    #[test]
    fn the_sidelines_of_the_storys_summit() {
        let text = "The summit in Nairobi opened on Monday. Anna Brown and Tom Price met on the sidelines.";
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "attends", &summit(&x)), "{:?}", x.relations);
        assert!(has_edge(&x, "person:tom-price", "attends", &summit(&x)), "{:?}", x.relations);
    }

    #[test]
    fn sidelines_of_a_named_meeting_or_to_come_are_not_read_here() {
        let text = "The summit in Nairobi opened on Monday. Anna Brown will meet Tom Price on the sidelines.";
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "attends", &summit(&x)), "{:?}", x.relations);
    }
}
