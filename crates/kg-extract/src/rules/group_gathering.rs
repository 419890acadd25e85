//! **group_gathering** — a meeting told by the group that gathered, not by a meeting
//! noun or by named persons.
//!
//! Matches: "<officials, advisers, leaders, ministers, envoys, delegations ...>
//! gathered / met / convened / assembled in (or at) <place>" (or a headline's "meet",
//! "gather"), with the date and status
//! of its clause. The meeting it makes is what a later bare "the meeting" or "the
//! talks" refers to.
//! Example: "Security advisers from 40 countries gathered in Nairobi on Saturday." → a
//! meeting held in Nairobi that day.
//! Known false positives: a group gathering for something other than talks ("officials
//! gathered in Nairobi for the funeral") is taken as a meeting.

use super::Rule;
use crate::analysis::{Analysis, MeetingInfo};
use crate::clause::clause_of;
use crate::meetings::{date_in, place_after, resolve_meeting};
use crate::modality::status_at;
use crate::model::{EntityKind, Span};

pub const RULE: Rule = Rule { name: "group_gathering", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
// The present is a headline's past: "Leaders meet in Nairobi".
const TRIGGERS: &[&str] = &["gathered", "convened", "met", "assembled", "meet", "gather"];

/// Plural nouns of people who meet on behalf of their governments.
const GROUPS: &[&str] = &[
    "officials",
    "advisers",
    "advisors",
    "leaders",
    "presidents",
    "ministers",
    "diplomats",
    "envoys",
    "negotiators",
    "delegations",
    "delegates",
    "representatives",
    "mediators",
];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if i == 0 {
            continue;
        }
        if !matches!(a.lower(i + 1), "in" | "at") {
            continue;
        }
        let (clause_start, clause_end) = clause_of(a, i);
        // The subject is a group, and no person: "A and B met in X" is met_with's.
        let from = clause_start.max(i.saturating_sub(12));
        let group = (from..i).any(|k| GROUPS.contains(&a.lower(k)));
        let person = (from..i).any(|k| a.mention_at_tok(k).is_some_and(|m| m.kind == EntityKind::Person));
        if !group || person {
            continue;
        }
        let Some(place) = place_after(a, i + 1, clause_end) else { continue };
        let info = MeetingInfo {
            place: Some(place),
            date: date_in(a, i + 1, clause_end),
            status: status_at(a, i, None),
            ..MeetingInfo::default()
        };
        resolve_meeting(a, info, Span::new(a.toks[i].span.start, a.toks[i].span.end), "", RULE.name);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn a_group_that_gathered_somewhere_met_there() {
        let text =
            "Security advisers from 40 countries gathered in Nairobi on Saturday. The talks ended without a statement.";
        let x = extract(text, "2025-03-05");
        let meetings: Vec<_> = x.entities.iter().filter(|e| e.id.starts_with("meeting:")).collect();
        assert_eq!(meetings.len(), 1, "{meetings:?}");
        assert!(has_edge(&x, &meetings[0].id, "held_in", "location:nairobi"), "{:?}", x.relations);
        // A headline's present tells what happened.
        let x = extract("African presidents meet in Nairobi\n\nThe summit opened on Monday.", "2025-03-05");
        assert!(x.relations.iter().any(|r| r.kind == crate::model::RelationKind::HeldIn), "{:?}", x.relations);
        // Named persons are met_with's, not a group's.
        let x = extract("Anna Brown and Tom Price met in Nairobi on Saturday.", "2025-03-05");
        assert!(x.relations.iter().all(|r| r.evidence.rule != "group_gathering"), "{:?}", x.relations);
    }
}
