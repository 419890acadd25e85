//! Who signs at a signing ceremony told in the same or the sentence before: "Israel
//! signed the accords at a White House ceremony. Netanyahu, Abdullah and Al Zayani
//! signed the documents", "The agreement was signed by A and by B at a ceremony", and
//! those who "looked on" as it was.
//! Signing an accord is done in person, where the ceremony is; a signature "by
//! letter" or with a meeting of its own in the clause is read elsewhere.

use crate::analysis::{Analysis, MeetingClass};
use crate::clause::{clause_of, subjects_of};
use crate::meetings::is_called;
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Span, Status};

/// The persons who signed at token `i` ("signed", "signs") attend the signing ceremony
/// of their sentence or the one before.
pub(super) fn signers_attend(a: &mut Analysis, i: usize, rule: &'static str) {
    let sent = a.sent_of(a.toks[i].span.start);
    let Some((ceremony, cspan)) = ceremony_near(a, sent) else { return };
    let (_, clause_end) = clause_of(a, i);
    // A meeting of its own in the clause ("signed it at the summit") is read by `at`.
    let own_meeting = (i + 1..clause_end)
        .filter_map(|k| a.mention_at_tok(k))
        .any(|m| m.kind == EntityKind::Meeting && m.ent != ceremony);
    if own_meeting {
        return;
    }
    let passive = i > 0 && matches!(a.lower(i - 1), "was" | "were" | "been" | "is" | "are");
    let persons: Vec<(usize, Span)> = if passive {
        // "signed on behalf of X by A and on behalf of Y by B".
        let sent_end = a.sents[sent].tokens.end;
        (i + 1..sent_end)
            .filter(|&k| a.lower(k) == "by" && !matches!(a.lower(k.saturating_sub(1)), "witnessed" | "followed"))
            .flat_map(|k| super::super::attendance_frames::list_after(a, k))
            .collect()
    } else {
        subjects_of(a, i).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person).collect()
    };
    // "..., as A, B and C looked on": the onlookers were there too.
    let mut persons = persons;
    let sent_end = a.sents[sent].tokens.end;
    if let Some(as_tok) = (i + 1..sent_end).find(|&k| {
        a.lower(k) == "as"
            && (k + 2..sent_end.min(k + 30))
                .any(|j| matches!(a.lower(j), "look" | "looked" | "looks") && a.lower(j + 1) == "on")
    }) {
        persons.extend(
            crate::clause::objects_after(a, as_tok).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person),
        );
    }
    let Some(&(_, first)) = persons.first() else { return };
    let status = if passive { status_at(a, i, None) } else { status_at(a, i, Some(first)) };
    if status != Status::Occurred {
        return;
    }
    // The evidence stays in the signers' sentence (the ceremony may be told before it).
    let anchor = if a.sent_of(cspan.start) == sent { cspan } else { a.toks[i].span };
    for (p, s) in persons {
        a.add_rel(RelationKind::Attends, p, ceremony, Status::Occurred, s.cover(anchor), rule);
    }
}

/// A ceremony that took place, mentioned in sentence `sent` or the one before.
fn ceremony_near(a: &Analysis, sent: usize) -> Option<(usize, Span)> {
    (sent.saturating_sub(1)..=sent).rev().find_map(|s| {
        a.mentions_in(s).into_iter().find_map(|m| {
            let e = &a.ents[m.ent];
            let held = e.meeting.as_ref().is_some_and(|x| x.status == Status::Occurred);
            let ceremony = e.meeting.as_ref().is_some_and(|x| x.class == Some(MeetingClass::Ceremony));
            (e.kind == EntityKind::Meeting && held && (ceremony || is_called(e, "ceremony"))).then_some((m.ent, m.span))
        })
    })
}
