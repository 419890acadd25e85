//! **held_in** — where a meeting takes place.
//!
//! Matches: every meeting whose mentions gave a place ("talks in Doha", "hosted ... at
//! the White House", "Istanbul talks"); the city when one is named, else the country.
//! Example: "Peace talks open in Doha." → held_in Doha.
//! Known false positives: a place in the same clause that is where someone said
//! something, not where the meeting is.

use super::Rule;
use crate::analysis::Analysis;
use crate::model::{RelationKind, Status};

pub const RULE: Rule = Rule { name: "held_in", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let first = a.first_mentions();
    for m in 0..a.ents.len() {
        let Some(info) = a.ents[m].meeting.clone() else {
            continue;
        };
        let Some(place) = info.place else { continue };
        let Some(span) = first.get(m).copied().flatten() else {
            continue;
        };
        let status = if info.status == Status::Occurred { Status::Occurred } else { Status::Planned };
        a.add_rel(RelationKind::HeldIn, m, place, status, span, RULE.name);
    }
}
