//! "The leaders signed a declaration at the White House on Friday": a dated signing at a
//! place is a signing ceremony there, even with no noun for it; a later "the signing
//! ceremony" refers to it.

use crate::analysis::{Analysis, MeetingClass, MeetingInfo};
use crate::clause::clause_of;
use crate::meetings::{date_in, resolve_meeting};
use crate::model::{EntityKind, Status};

/// For "signed" at token `i`: records the signing ceremony its clause tells, if what
/// was signed is an accord, the clause gives a place ("at" a place, "in" a town) and a date, tells it
/// as done, and names no meeting of its own ("signed it at the summit", "at a ceremony" are read elsewhere).
pub(super) fn signing_event(a: &mut Analysis, i: usize, rule: &'static str) {
    let (_, clause_end) = clause_of(a, i);
    let end = clause_end.min(i + 12);
    let names_a_meeting = (i + 1..clause_end)
        .any(|k| a.lower(k) == "ceremony" || a.mention_at_tok(k).is_some_and(|m| m.kind == EntityKind::Meeting));
    if names_a_meeting {
        return;
    }
    // An accord between parties, not "signed an executive order at the White House".
    let accord = (i + 1..end).any(|k| is_accord(a.lower(k)));
    if !accord {
        return;
    }
    // "at the White House", or "in Tunis" (a city, not a country: "signed in Ukraine" is
    // no one place).
    let Some(place) = (i + 1..end).filter(|&k| matches!(a.lower(k), "at" | "in")).find_map(|k| {
        let first = if a.lower(k + 1) == "the" { k + 2 } else { k + 1 };
        a.mention_at_tok(first).filter(|m| m.kind == EntityKind::Location).map(|m| m.ent)
    }) else {
        return;
    };
    // The date may open the clause: "The EU and Tunisia on Sunday signed ...".
    let (clause_start, _) = clause_of(a, i);
    let Some(date) = date_in(a, i + 1, clause_end).or_else(|| date_in(a, clause_start, i)) else { return };
    if crate::modality::status_at(a, i, None) != Status::Occurred {
        return;
    }
    let info = MeetingInfo {
        class: Some(MeetingClass::Ceremony),
        place: Some(place),
        date: Some(date),
        status: Status::Occurred,
        ..MeetingInfo::default()
    };
    resolve_meeting(a, info, a.toks[i].span, "", rule);
}

/// Nouns for an accord between parties, which is signed in person: "a declaration", "the
/// agreements", "a joint statement".
pub(in crate::rules) fn is_accord(w: &str) -> bool {
    matches!(
        w,
        "declaration"
            | "agreement"
            | "agreements"
            | "accord"
            | "accords"
            | "treaty"
            | "deal"
            | "deals"
            | "memorandum"
            | "pact"
            | "protocol"
            | "communique"
            | "ceasefire"
            | "truce"
            | "statement"
            | "documents"
            | "partnership"
            | "charter"
    )
}
