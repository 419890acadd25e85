//! Lists of those present: "Leaders who attended included A, B and C", "About 100
//! delegations are taking part, among them A and B", "Among those taking part were A
//! and B", "A and B were among those in the room".

use super::{add_all, list_after, meeting_for, presence, tells_presence, OTHER_EVENTS, PRESENCE, RULE};
use crate::analysis::Analysis;
use crate::clause::{clause_of, subjects_of};
use crate::modality::status_at;

/// "Leaders who attended (the summit) included A, B and C".
pub(super) fn list_included(a: &mut Analysis, i: usize) {
    // "Guests at the dinner included": those at another kind of event.
    listed_present(a, i, i, true);
}

/// "About 100 delegations are taking part, among them A, B and C".
pub(super) fn among_them(a: &mut Analysis, i: usize) {
    listed_present(a, i, i + 1, false);
}

/// The persons listed after token `list_at` attend the sentence's meeting, when the
/// dozen words before `i` tell presence (and, with `not_other_event`, name no dinner or
/// reception).
fn listed_present(a: &mut Analysis, i: usize, list_at: usize, not_other_event: bool) {
    let sent = a.sent_of(a.toks[i].span.start);
    let start = a.sents[sent].tokens.start.max(i.saturating_sub(12));
    let other_event = || (start..i).any(|k| OTHER_EVENTS.contains(&a.lower(k)));
    if !tells_presence(a, start, i) || (not_other_event && other_event()) {
        return;
    }
    let persons = list_after(a, list_at);
    if persons.is_empty() {
        return;
    }
    let status = status_at(a, i, None);
    let Some(meeting) = meeting_for(a, start, i, i, status).filter(|&m| presence::fits(a, start, i, m)) else {
        return;
    };
    add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
}

/// "A and B were among those in the room / among those attending (the summit)"; with
/// the list last, "Among those taking part were A, B and C".
pub(super) fn among(a: &mut Analysis, i: usize) {
    let present = |k: usize| {
        PRESENCE.contains(&a.lower(k)) || (a.lower(k) == "part" && matches!(a.lower(k - 1), "taking" | "took"))
    };
    if !matches!(a.lower(i + 1), "those" | "the") || !(i + 2..i + 6).any(present) {
        return;
    }
    if let Some(were) = (i + 2..i + 7).find(|&k| matches!(a.lower(k), "were" | "are")) {
        let persons = list_after(a, were);
        if !persons.is_empty() && a.tok_at(persons[0].1.start) <= were + 6 {
            let status = status_at(a, were, None);
            let Some(meeting) = meeting_for(a, i + 1, were, i, status).filter(|&m| presence::fits(a, i + 1, were, m))
            else {
                return;
            };
            add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
            return;
        }
    }
    let subjects = subjects_of(a, i);
    let Some(&(_, subject_span)) = subjects.first() else { return };
    let status = status_at(a, i, Some(subject_span));
    let (_, end) = clause_of(a, i);
    let Some(meeting) = meeting_for(a, i + 1, end.min(i + 10), i, status) else { return };
    add_all(a, &subjects, meeting, status, a.toks[i].span, RULE.name);
}
