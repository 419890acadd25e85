//! Travelling company: "Foreign Minister A also travelled with the president", "A, who
//! travelled with Biden alongside B", "A accompanied the president" — A (and B) attend
//! the meeting the one they travelled with attends.

use super::{add_all, list_after, meeting_for, RULE};
use crate::analysis::Analysis;
use crate::clause::{clause_of, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Status};

/// The pattern at token `i` ("travelled with", or the active "accompanied").
pub(super) fn travelled_with(a: &mut Analysis, i: usize) {
    let subjects: Vec<_> =
        subjects_of(a, i).into_iter().filter(|&(p, _)| a.ents[p].kind == EntityKind::Person).collect();
    let Some(&(_, subject_span)) = subjects.first() else { return };
    let object_at = if a.lower(i) == "accompanied" { i } else { i + 1 };
    let Some(&(host, host_span)) = list_after(a, object_at).first() else { return };
    if a.tok_at(host_span.start) > object_at + 4 {
        return;
    }
    let status = status_at(a, i, Some(subject_span));
    if status != Status::Occurred {
        return;
    }
    // "... alongside deputy chief of staff B": more company.
    let (_, end) = clause_of(a, i);
    let after_host = a.tok_at(host_span.end);
    let mut company = subjects;
    if let Some(k) = (after_host..end.min(after_host + 3)).find(|&k| matches!(a.lower(k), "alongside" | "with")) {
        company.extend(list_after(a, k));
    }
    company.retain(|&(p, _)| p != host);
    let Some(meeting) = hosts_meeting(a, host, i).or_else(|| meeting_for(a, object_at + 1, end, i, status)) else {
        return;
    };
    // "accompanied Xi to the Col du Tourmalet": a journey to somewhere else than the
    // meeting's place is no part of it.
    if a.lower(after_host) == "to" && !to_the_meetings_place(a, after_host + 1, meeting) {
        return;
    }
    add_all(a, &company, meeting, status, a.toks[i].span, RULE.name);
}

/// Whether the destination named at token `k` (past "the") is the meeting itself or its
/// place.
fn to_the_meetings_place(a: &Analysis, k: usize, meeting: usize) -> bool {
    let k = if a.lower(k) == "the" { k + 1 } else { k };
    let Some(m) = a.mention_at_tok(k) else { return false };
    m.ent == meeting || a.ents[meeting].meeting.as_ref().is_some_and(|info| info.place == Some(m.ent))
}

/// The meeting `host` attends that was told last before token `i`.
fn hosts_meeting(a: &Analysis, host: usize, i: usize) -> Option<usize> {
    let at = a.toks[i].span.start;
    let attended: Vec<usize> = a
        .rels
        .iter()
        .filter(|r| r.kind == RelationKind::Attends && r.src == host && r.status == Status::Occurred)
        .map(|r| r.dst)
        .collect();
    a.mentions
        .iter()
        .filter(|m| m.span.end <= at && attended.contains(&m.ent))
        .max_by_key(|m| m.span.start)
        .map(|m| m.ent)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn company_on_the_trip() {
        let text = "President Anna Brown arrived in Oslo on Monday for a three-day state visit. Foreign Minister \
                    Tom Price, who travelled with Brown alongside adviser Ivan Petrov, told reporters the talks went well.";
        let x = extract(text, "2025-03-05");
        let visit = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, "person:anna-brown", "attends", &visit), "{:?}", x.relations);
        for p in ["person:tom-price", "person:ivan-petrov"] {
            assert!(has_edge(&x, p, "attends", &visit), "{p}: {:?}", x.relations);
        }
    }

    /// Company on a journey elsewhere is no attendance of the host's meeting.
    #[test]
    fn company_to_another_place() {
        let text = "President Anna Brown held talks in Oslo on Monday. Tom Price then accompanied Brown to the \
                    Lofoten Islands for a walk.";
        let x = extract(text, "2025-03-05");
        let talks = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(!has_edge(&x, "person:tom-price", "attends", &talks), "{:?}", x.relations);
    }
}
