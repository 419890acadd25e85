//! **represents** — a delegation represents the country or organisation that sent it.
//!
//! Matches: every delegation found by `delegation_mention`.
//! Example: "the Ukrainian delegation" → represents Ukraine.
//! Known false positives: none beyond those of `delegation_mention`.

use super::Rule;
use crate::analysis::Analysis;
use crate::model::{RelationKind, Status};

pub const RULE: Rule = Rule { name: "represents", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let first = a.first_mentions();
    for d in 0..a.ents.len() {
        let Some(r) = a.ents[d].represents else {
            continue;
        };
        let Some(span) = first.get(d).copied().flatten() else {
            continue;
        };
        a.add_rel(RelationKind::Represents, d, r, Status::Occurred, span, RULE.name);
    }
}
