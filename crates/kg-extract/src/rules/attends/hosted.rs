//! "Trump hosted Aliyev and Pashinyan for the signing ceremony", "Austin hosted his
//! Australian and Japanese counterparts, A and B, for a four-way meeting": the host and
//! the guests hosted "for" a meeting all attend it, and the host met each guest.

use crate::analysis::Analysis;
use crate::clause::{objects_after, subjects_of};
use crate::modality::status_at;
use crate::model::RelationKind;

/// For "hosted" at token `i`: whether it hosted guests "for" a meeting; if so, the
/// host and the guests attend it.
pub(super) fn hosted_for(a: &mut Analysis, i: usize, rule: &'static str) -> bool {
    let guests = objects_after(a, i);
    let (Some(&(_, first)), Some(&(_, last))) = (guests.first(), guests.last()) else { return false };
    // The guests are the verb's object: at most a title between, or the phrase they
    // stand in apposition to ("his Australian and Japanese counterparts, A and B,").
    let first_tok = a.tok_at(first.start);
    let apposition = first_tok <= i + 10
        && crate::clause::is_comma(a, first_tok - 1)
        && (i + 1..first_tok).any(|k| matches!(a.lower(k), "counterparts" | "counterpart" | "guests"));
    if first_tok > i + 4 && !apposition {
        return false;
    }
    let mut after = a.tok_at(last.end);
    if crate::clause::is_comma(a, after) {
        after += 1;
    }
    if a.lower(after) != "for" {
        return false;
    }
    let Some(meeting) = super::meeting_after(a, after, a.toks.len()) else { return false };
    let hosts = subjects_of(a, i);
    let Some(&(_, host_span)) = hosts.first() else { return false };
    let status = status_at(a, i, Some(host_span));
    let host = hosts[0].0;
    for &(p, s) in hosts.iter().chain(&guests) {
        a.add_rel(RelationKind::Attends, p, meeting.0, status, s.cover(meeting.1), rule);
    }
    // Host and guest met.
    for &(g, s) in &guests {
        if g != host {
            a.add_rel(RelationKind::MetWith, host, g, status, host_span.cover(s), rule);
        }
    }
    true
}
