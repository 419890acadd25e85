//! **attendance_frames** — who took part in a meeting, told by the meeting or by a list
//! rather than by an attendance verb with the person as subject.
//!
//! Matches:
//! - the passive: "<meeting>, attended by A, B and C", "hosted by A and B",
//!   "co-chaired by A and B", "convened by A", "attended by dozens of leaders,
//!   including A and B";
//! - "<meeting> brought together A, B and C"; "hosted the ceremony at X, where A and B
//!   signed": the subjects of a "where" clause after the meeting;
//! - lists: "Leaders who attended (the summit) included A, B and C", "A and B were
//!   among those in the room / among those attending";
//! - company: "A was joined by B and C", "A was accompanied by B", "A brought B and C"
//!   — all of them attend the meeting being told; "A travelled with B (alongside C)",
//!   "A accompanied B" — A (and C) attend the meeting B attends (`travel.rs`);
//! - "delegations are taking part, among them A, B and C", "Among those taking part were
//!   A and B";
//! - presence told with "to be": "Also present were A and B", "Also at the table were A
//!   and B", "A and B were present", and the host in apposition, "A, host of the
//!   summit," (`presence.rs`);
//! - a readout's list after a colon, names with their offices between semicolons: "were
//!   joined in the meeting by their advisers: A, Director of X; B, ...; and C"; or one
//!   to a line, after bullets (`bullets.rs`);
//! - meetings coverage: three or more paragraphs opening "A, Minister of X, said"
//!   (`speakers.rs`);
//! - a country's envoy: "Turkey sent Foreign Minister A", "India is represented by A",
//!   "Saudi Arabia, which ..., was represented by A"; a leader's envoy sent in their
//!   place: "Putin sent Foreign Minister A to lead Russia's delegation", "who sent his
//!   foreign minister, A".
//!
//! A list or company that names no meeting refers to the meeting of its sentence or of
//! the previous one in its paragraph, else — if the attendance took place — to the
//! meeting the article is about (`attends::principal_meeting`).
//! Example: "The summit in Nairobi was attended by Anna Brown and Tom Price." → both
//! attend the summit.
//! Known false positives: "A brought B" in a sense other than company ("brought B to
//! power") when a meeting is in context.

use super::attends::{meeting_in_context, principal_meeting};
use super::Rule;
use crate::analysis::Analysis;
use crate::clause::{clause_of, objects_after, persons_in, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Span, Status};

pub const RULE: Rule = Rule { name: "attendance_frames", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &[
    "by",
    "included",
    "include",
    "includes",
    "among",
    "brought",
    "brings",
    "together",
    "sent",
    "sends",
    "where",
    "present",
    "table",
    "side",
    "attendance",
    "travelled",
    "traveled",
    "accompanied",
    "host",
];

/// Verbs whose passive names participants of the meeting before them.
const MEETING_PASSIVE: &[&str] =
    &["attended", "hosted", "chaired", "co-chaired", "co-hosted", "convened", "witnessed", "presided"];
/// Verbs whose passive adds company to the subject.
const COMPANY_PASSIVE: &[&str] = &["joined", "accompanied"];
/// Words that say a list is of those present.
const PRESENCE: &[&str] = &[
    "attend",
    "attended",
    "attending",
    "attendees",
    "participants",
    "participated",
    "present",
    "attendance",
    "room",
    "guests",
    "mourners",
];
/// Events that are no meeting of the parties: a list of those at one is no list of
/// those at the meeting.
const OTHER_EVENTS: &[&str] = &["dinner", "banquet", "lunch", "luncheon", "breakfast", "reception", "party", "wedding"];
/// Who is sent when a list after "sent" is of those present: "sent their top leaders,
/// among them A and B" (not "sent letters to officials, among them").
const SENT_IN_PERSON: &[&str] = &["leaders", "delegations", "delegates", "envoys", "ministers", "representatives"];

/// Whether the words `from..to` say that the list after them is of those present.
fn tells_presence(a: &Analysis, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        let w = a.lower(k);
        PRESENCE.contains(&w)
            || (w == "part" && k > 0 && matches!(a.lower(k - 1), "take" | "takes" | "taking" | "took"))
            || (matches!(w, "sent" | "sends") && (k + 1..to.min(k + 5)).any(|j| SENT_IN_PERSON.contains(&a.lower(j))))
    })
}

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        match a.lower(i) {
            "by" => passive(a, i),
            "included" | "include" | "includes" => lists::list_included(a, i),
            "among" if matches!(a.lower(i + 1), "them" | "whom") => lists::among_them(a, i),
            "among" => lists::among(a, i),
            "sent" | "sends" => envoy::envoy_sent(a, i),
            "where" => where_clause(a, i),
            "present" | "table" | "side" | "attendance" | "host" => presence::presence(a, i, RULE.name),
            "travelled" | "traveled" if a.lower(i + 1) == "with" => travel::travelled_with(a, i),
            // The active: "A accompanied the president" (the passive is read at "by").
            "accompanied" if i > 0 && !matches!(a.lower(i - 1), "was" | "were" | "been" | "be" | "is" | "are") => {
                travel::travelled_with(a, i)
            }
            "together" if i > 0 && matches!(a.lower(i - 1), "brought" | "brings") => brought_together(a, i),
            // "brought up", "brought back" are not company: a name or its determiner follows.
            "brought" | "brings"
                if a.toks.get(i + 1).is_some_and(|t| t.is_cap)
                    || matches!(a.lower(i + 1), "his" | "her" | "their" | "along") =>
            {
                company_brought(a, i)
            }
            _ => {}
        }
    }
    speakers::speakers(a);
}

/// The verb before "by", with a hyphenated prefix joined ("co-chaired").
fn verb_before(a: &Analysis, by: usize) -> Option<String> {
    let v = by.checked_sub(1)?;
    let w = a.lower(v);
    if v >= 2 && a.lower(v - 1) == "-" && a.lower(v - 2) == "co" {
        return Some(format!("co-{w}"));
    }
    Some(w.to_string())
}

/// The persons listed right after `tok` ("by A, B and C", "included A and B", "by
/// dozens of leaders, including A and B"): the list must start close, after title
/// words or a quantity that "including" or "such as" closes.
pub(super) fn list_after(a: &Analysis, tok: usize) -> Vec<(usize, Span)> {
    // "joined by their advisers: A, B and C": the list starts after the colon.
    let sent_end = a.sents[a.sent_of(a.toks[tok].span.start)].tokens.end;
    // Up to the colon, no verb: "brought together eleven of the twelve heads of
    // state: A, B ...", not "did not get the meeting he had hoped for: X sent Y".
    let tok = (tok + 1..tok + 12)
        .take_while(|&k| k < sent_end && !crate::clause::finite_verb_at(a, k))
        .find(|&k| a.word(k) == ":")
        .unwrap_or(tok);
    if a.word(tok) == ":" {
        let items = bullets::bullet_items(a, tok);
        if !items.is_empty() {
            return items;
        }
    }
    let (_, end) = clause_of(a, tok);
    let found = persons_in(a, tok + 1, end, a.tok_in_quote(tok));
    let Some(&(_, first)) = found.first() else { return Vec::new() };
    let first_tok = a.tok_at(first.start);
    let gap: Vec<&str> = (tok + 1..first_tok).map(|k| a.lower(k)).collect();
    let intro = gap.iter().rposition(|w| matches!(*w, "including" | "as" | "them"));
    let head = intro.map_or(&gap[..], |k| &gap[k + 1..]);
    let close = head.len() <= 6 && !head.contains(&",") && (intro.is_some() || gap.len() <= 6);
    let quantity_ok = intro.is_none_or(|k| k <= 8 && !gap[..k].iter().any(|w| matches!(*w, "who" | "which" | ";")));
    if !(close && quantity_ok) {
        return Vec::new();
    }
    // The list itself is read as objects are: coordinated names, with their titles.
    let mut out = objects_after(a, tok);
    // A readout's list of names with their offices: "A, Director of X; B, Minister of
    // Y; and C, Secretary General of Z".
    while let Some(&(_, last)) = out.last() {
        let from = a.tok_at(last.end);
        // Up to the semicolon, no verb but in a relative clause on the item ("A, who is
        // also the party's leader; B").
        let mut relative = false;
        let Some(semi) = (from..sent_end.min(from + 25))
            .take_while(|&k| {
                relative |= matches!(a.lower(k), "who" | "which" | "whose");
                relative || !crate::clause::finite_verb_at(a, k)
            })
            .find(|&k| a.word(k) == ";")
        else {
            break;
        };
        let next = if a.lower(semi + 1) == "and" { semi + 2 } else { semi + 1 };
        // "; Trade, Industry and Competition Minister Parks Tau": past the office's words.
        let title_word = |k: usize| {
            a.toks[k].is_cap || a.word(k) == "," || matches!(a.lower(k), "and" | "of" | "in" | "the" | "for")
        };
        let Some(m) = (next..sent_end.min(next + 9))
            .take_while(|&k| a.mention_at_tok(k).is_some() || title_word(k))
            .find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Person))
        else {
            break;
        };
        // "...; Foreign Minister Lavrov and Manturov sat on the Russian side": a clause of
        // its own, with a verb, is no item of the list.
        // (A relative clause describes the item: "B, who is also the party's leader;").
        let item_end = (a.tok_at(m.span.end)..sent_end)
            .find(|&k| a.word(k) == ";" || matches!(a.lower(k), "who" | "which" | "whose"))
            .unwrap_or(sent_end);
        if (a.tok_at(m.span.end)..item_end).any(|k| crate::clause::finite_verb_at(a, k)) {
            break;
        }
        if out.iter().any(|&(e, _)| e == m.ent) {
            break;
        }
        out.push((m.ent, m.span));
    }
    out
}

/// The meeting named last before `tok` in its sentence.
pub(super) fn meeting_before(a: &Analysis, tok: usize) -> Option<(usize, Span)> {
    let at = a.toks[tok].span.start;
    let sent = a.sent_of(at);
    a.mentions_in(sent)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Meeting && m.span.end <= at)
        .max_by_key(|m| m.span.start)
        .map(|m| (m.ent, m.span))
}

/// A meeting named in the clause between two tokens, or the one of the context.
pub(super) fn meeting_for(a: &Analysis, from: usize, to: usize, anchor: usize, status: Status) -> Option<usize> {
    named_meeting(a, from, to).or_else(|| meeting_in_context(a, anchor, None, status)).or_else(|| {
        if status == Status::Occurred {
            principal_meeting(a, a.toks[anchor].span.start)
        } else {
            None
        }
    })
}

/// The first meeting mentioned in tokens `from..to`.
pub(super) fn named_meeting(a: &Analysis, from: usize, to: usize) -> Option<usize> {
    (from..to).find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Meeting)).map(|m| m.ent)
}

/// Each person attends the meeting, with evidence from the person to the anchor.
pub(super) fn add_all(
    a: &mut Analysis,
    persons: &[(usize, Span)],
    meeting: usize,
    status: Status,
    anchor: Span,
    rule: &'static str,
) {
    for &(p, s) in persons {
        let span = if s.start < anchor.start { s.cover(anchor) } else { anchor.cover(s) };
        a.add_rel(RelationKind::Attends, p, meeting, status, span, rule);
    }
}

fn passive(a: &mut Analysis, by: usize) {
    let Some(mut verb) = verb_before(a, by) else { return };
    // "were joined in the trilateral meeting by": a place phrase between verb and "by".
    if let Some(k) = (by.saturating_sub(6)..by.saturating_sub(1)).find(|&k| {
        COMPANY_PASSIVE.contains(&a.lower(k)) && a.lower(k + 1) == "in" && (k + 2..by).all(|j| a.toks[j].is_word)
    }) {
        verb = a.lower(k).to_string();
    }
    if MEETING_PASSIVE.contains(&verb.as_str()) {
        let Some((meeting, mspan)) = meeting_before(a, by) else { return };
        let persons = list_after(a, by);
        if persons.is_empty() {
            return;
        }
        let status = status_at(a, by - 1, None);
        add_all(a, &persons, meeting, status, mspan, RULE.name);
    } else if verb == "represented" {
        // "India is represented by A": the envoy of a country or body.
        if envoy::sender_before(a, by - 1) {
            envoy::envoys_attend(a, by);
        }
    } else if COMPANY_PASSIVE.contains(&verb.as_str()) {
        // "The G7 leaders were joined by guests including A and B": the company
        // attends even when those it joined are no named persons.
        let subjects = subjects_of(a, by - 1);
        let mut persons = list_after(a, by);
        if persons.is_empty() {
            return;
        }
        let status = status_at(a, by - 1, subjects.first().map(|&(_, s)| s));
        let (_, end) = clause_of(a, by);
        let Some(meeting) = meeting_for(a, by + 1, end, by, status) else { return };
        persons.extend(subjects);
        add_all(a, &persons, meeting, status, a.toks[by].span, RULE.name);
    }
}

/// "A brought B and C" — company at the meeting being told.
fn company_brought(a: &mut Analysis, i: usize) {
    let subjects = subjects_of(a, i);
    let Some(&(_, subject_span)) = subjects.first() else { return };
    // Only persons right after the verb, past their titles.
    let mut persons = list_after(a, i);
    if persons.is_empty() || a.tok_at(persons[0].1.start) > i + 6 {
        return;
    }
    let status = status_at(a, i, Some(subject_span));
    let (_, end) = clause_of(a, i);
    let Some(meeting) = meeting_for(a, i + 1, end, i, status) else { return };
    persons.extend(subjects);
    add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
}

/// "<meeting> brought together A, B and C"; also "Tuesday's retreat, the first
/// gathering of its kind, brought together ...", "It brought together ...": an event
/// word that is no meeting of its own is the story's meeting.
fn brought_together(a: &mut Analysis, i: usize) {
    let persons = list_after(a, i);
    if persons.is_empty() {
        return;
    }
    let status = status_at(a, i - 1, None);
    if let Some((meeting, mspan)) = meeting_before(a, i) {
        add_all(a, &persons, meeting, status, mspan, RULE.name);
        return;
    }
    let first = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
    let Some(subject) = (first..i - 1).find(|&k| EVENT_SUBJECTS.contains(&a.lower(k))) else { return };
    if (first..i - 1).any(|k| crate::clause::finite_verb_at(a, k)) {
        return;
    }
    let Some(meeting) = meeting_for(a, first, i, i, status) else { return };
    add_all(a, &persons, meeting, status, a.toks[subject].span, RULE.name);
}

/// Words for an event that, as the subject of "brought together", stand for the
/// story's meeting.
const EVENT_SUBJECTS: &[&str] = &["it", "retreat", "gathering", "session", "event", "meeting", "talks", "forum"];

/// "Rubio hosted the signing ceremony at the State Department, where A and B put their
/// names to the accord": the subjects of a "where" clause after a meeting are at it.
fn where_clause(a: &mut Analysis, i: usize) {
    if i == 0 || !crate::clause::is_comma(a, i - 1) {
        return;
    }
    let Some((meeting, mspan)) = meeting_before(a, i) else { return };
    if a.ents[meeting].meeting.as_ref().is_none_or(|m| m.status != Status::Occurred) {
        return;
    }
    let sent_end = a.sents[a.sent_of(a.toks[i].span.start)].tokens.end;
    let Some(verb) = (i + 1..sent_end).find(|&k| crate::clause::finite_verb_at(a, k)) else { return };
    let persons = persons_in(a, i + 1, verb, false);
    if persons.is_empty() {
        return;
    }
    let status = status_at(a, verb, Some(persons[0].1));
    add_all(a, &persons, meeting, status, mspan, RULE.name);
}

mod bullets;
mod envoy;
mod lists;
mod presence;
mod speakers;
#[cfg(test)]
mod tests;
mod travel;
