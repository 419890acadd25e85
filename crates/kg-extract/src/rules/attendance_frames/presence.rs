//! Presence told with "to be": "Also present were A and B", "Also at the table were A
//! and B", "A and B were present". They attend the meeting the clause names, or the
//! one of its context.

use super::{add_all, list_after, meeting_for};
use crate::analysis::Analysis;
use crate::clause::subjects_of;
use crate::modality::status_at;
use crate::model::{EntityKind, Span};

/// For "present" or "table" at token `i`: the persons the sentence says were there.
pub(super) fn presence(a: &mut Analysis, i: usize, rule: &'static str) {
    let be = |k: usize| matches!(a.lower(k), "were" | "was");
    let persons: Vec<(usize, Span)> = if a.lower(i) == "table" {
        // "Also at the table were A and B".
        if !(i >= 2 && a.lower(i - 1) == "the" && a.lower(i - 2) == "at" && be(i + 1)) {
            return;
        }
        list_after(a, i + 1)
    } else if let Some(verb) = (i + 1..i + 6).find(|&k| be(k)) {
        // "Also present (at the talks) were A and B": the words between name the meeting.
        if (i + 1..verb).any(|k| a.word(k) == "," || crate::clause::finite_verb_at(a, k)) {
            return;
        }
        list_after(a, verb)
    } else if i >= 1 && (be(i - 1) || (i >= 2 && be(i - 2) && a.lower(i - 1) == "also")) {
        // "A and B were present".
        let verb = if be(i - 1) { i - 1 } else { i - 2 };
        subjects_of(a, verb)
    } else {
        return;
    };
    let persons: Vec<(usize, Span)> =
        persons.into_iter().filter(|&(p, _)| a.ents[p].kind == EntityKind::Person).collect();
    let Some(&(_, first)) = persons.first() else { return };
    let status = status_at(a, i, Some(first));
    let sent = &a.sents[a.sent_of(a.toks[i].span.start)];
    let Some(meeting) = meeting_for(a, sent.tokens.start, sent.tokens.end, i, status) else { return };
    add_all(a, &persons, meeting, status, a.toks[i].span, rule);
}
