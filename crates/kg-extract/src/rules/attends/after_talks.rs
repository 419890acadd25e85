//! "A and B agreed on Saturday after twelve hours of talks", "Kerr said after the
//! talks": who did what the talks led to, right after them, took part in them.

use super::said_at::{acted_before, DONE_THERE};
use crate::analysis::Analysis;
use crate::clause::clause_of;
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind};

/// Outcomes of talks, beside the acts done in person of `DONE_THERE`.
const OUTCOMES: &[&str] = &["agreed", "agree", "agrees", "emerged", "reached", "concluded"];

/// For "after"/"following" at token `after`: the persons whose act of the clause
/// follows the talks mentioned right after it attend them.
pub(super) fn agreed_after(a: &mut Analysis, after: usize, rule: &'static str) {
    // The talks: right after "after" ("after talks", "after the talks") or after a
    // length of them ("after almost twelve hours of talks").
    let Some((meeting, mspan)) = (after + 1..after + 8).find_map(|k| {
        let m = a.mention_at_tok(k)?;
        (m.kind == EntityKind::Meeting).then_some((m.ent, m.span))
    }) else {
        return;
    };
    let head = a.tok_at(mspan.start);
    let right_after = (after + 1..head).all(|k| matches!(a.lower(k), "the" | "their" | "his" | "her"));
    if !right_after && !crate::rules::meeting_mention::after_hours_of(a, head) {
        return;
    }
    let (clause_start, _) = clause_of(a, after);
    let Some((subjects, verb)) =
        acted_before(a, after, clause_start, 12, |w| DONE_THERE.contains(&w) || OUTCOMES.contains(&w))
    else {
        return;
    };
    let first = subjects[0].1;
    let status = status_at(a, verb, Some(first));
    for (p, s) in subjects {
        a.add_rel(RelationKind::Attends, p, meeting, status, s.cover(mspan), rule);
    }
}
