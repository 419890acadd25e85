//! Presence told with "to be": "Also present were A and B", "Also at the table were A
//! and B", "A and B are at the table", "A and B were present", "On the UK side is A",
//! "with A and B in attendance", and the host in apposition: "A, host of the meeting,".
//! They attend the meeting the clause names, or the one of its context.

use super::{add_all, list_after, meeting_for};
use crate::analysis::{Analysis, MeetingClass};
use crate::clause::{objects_after, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, Span};

/// For "present", "table", "side" or "attendance" at token `i`: the persons the sentence says were
/// there.
pub(super) fn presence(a: &mut Analysis, i: usize, rule: &'static str) {
    let be = |k: usize| matches!(a.lower(k), "were" | "was");
    let at_the = i >= 2 && a.lower(i - 1) == "the" && a.lower(i - 2) == "at";
    let persons: Vec<(usize, Span)> = if a.lower(i) == "host" {
        // "Lula, host of the meeting, received ...": the host was there.
        let comma = if i >= 1 && a.lower(i - 1) == "the" { i.saturating_sub(2) } else { i.saturating_sub(1) };
        if a.lower(i + 1) != "of" || comma == 0 || !crate::clause::is_comma(a, comma) {
            return;
        }
        a.mentions_ending(a.toks[comma - 1].span.end)
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.ent, m.span))
            .take(1)
            .collect()
    } else if a.lower(i) == "side" {
        // "On the UK side is A; on the EU side is B".
        let opens = (i.saturating_sub(4)..i).any(|k| a.lower(k) == "on" && a.lower(k + 1) == "the");
        if !opens || !matches!(a.lower(i + 1), "is" | "are" | "was" | "were") {
            return;
        }
        list_after(a, i + 1)
    } else if a.lower(i) == "table" {
        if at_the && be(i + 1) {
            // "Also at the table were A and B".
            list_after(a, i + 1)
        } else if at_the && i >= 3 && matches!(a.lower(i - 3), "are" | "were" | "is" | "was") {
            // "Sir Keir and the two EU presidents are at the table".
            subjects_of(a, i - 3)
        } else {
            return;
        }
    } else if a.lower(i) == "attendance" {
        // "hosted the summit, with Kishida and Li in attendance".
        if i < 1 || a.lower(i - 1) != "in" {
            return;
        }
        let sent_start = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
        let Some(with) = (sent_start.max(i.saturating_sub(40))..i - 1)
            .rev()
            .take_while(|&k| !crate::clause::finite_verb_at(a, k))
            .find(|&k| a.lower(k) == "with")
        else {
            return;
        };
        objects_after(a, with).into_iter().filter(|&(_, s)| a.tok_at(s.end) < i).collect()
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

/// Whether the meeting `meeting` is one those named by the words `from..to` are at:
/// mourners are at a funeral, not at the talks the story told last.
pub(super) fn fits(a: &Analysis, from: usize, to: usize, meeting: usize) -> bool {
    !(from..to).any(|k| a.lower(k) == "mourners")
        || a.ents[meeting].meeting.as_ref().is_some_and(|m| m.class == Some(MeetingClass::Ceremony))
}
