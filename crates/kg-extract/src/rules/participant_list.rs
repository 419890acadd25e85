//! **participant_list** — who took part in a summit, told as members of a group of
//! people placed at it ("leaders at the summit", "G7 leaders, among them ...").
//!
//! Matches:
//! - "Leaders at the summit included A, B and C", "Guests at the G20 summit include A";
//! - "A, B and C were among the leaders at the summit"; "Among the leaders in Rio were A
//!   and B", where Rio is the place of the meeting being told; "A is one of few leaders
//!   at the summit";
//! - "an emergency meeting of G7 leaders, among them A and B";
//! - "The summit drew leaders from 36 countries, including A and B" ("drew",
//!   "attracted");
//! - "A and B were at the (negotiating) table (along with C)", "A and B joined C at the
//!   table": at the meeting being told.
//!
//! `attendance_frames` reads the lists that a word of presence introduces ("those
//! attending", "taking part, among them"); this rule reads those that a group placed at
//! a meeting introduces.
//! Example: "Leaders at the summit in Nairobi included Anna Brown and Tom Price." → both
//! attend the summit.
//! Known false positives: a group at one meeting whose list names people of another
//! ("critics at the summit included ...": "critics" is no group of participants, so it
//! is not read; a group noun used so would be).

use super::attendance_frames::{add_all, list_after, meeting_before, meeting_for};
use super::Rule;
use crate::analysis::Analysis;
use crate::clause::{clause_of, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, Status};

pub const RULE: Rule = Rule { name: "participant_list", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["included", "include", "includes", "among", "drew", "draws", "attracted", "table", "one"];

/// Nouns for the people who take part in a gathering.
const GROUP: &[&str] = &[
    "leaders",
    "heads",
    "guests",
    "participants",
    "delegates",
    "dignitaries",
    "mourners",
    "attendees",
    "presidents",
    "ministers",
    "envoys",
    "officials",
];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        match a.lower(i) {
            "included" | "include" | "includes" => group_included(a, i),
            "among" if matches!(a.lower(i + 1), "them" | "whom") => group_among_them(a, i),
            "among" => among_group(a, i),
            // "A is one of few Latin American leaders at the summit".
            "one" if a.lower(i + 1) == "of" => among_group(a, i + 1),
            "drew" | "draws" | "attracted" => meeting_drew(a, i),
            "table" => at_the_table(a, i),
            _ => {}
        }
    }
}

/// The meeting a group noun in `from..to` is placed at: "leaders at the summit",
/// "guests to the G20 summit", "leaders in Rio" (the place of the meeting being told),
/// or "a meeting (in Bali) of G7 leaders" with the meeting before the group.
fn group_meeting(a: &Analysis, from: usize, to: usize, anchor: usize, status: Status) -> Option<usize> {
    let meeting_at = |k: usize| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Meeting);
    for k in (from..to).filter(|&k| GROUP.contains(&a.lower(k))) {
        let prep = k + 1;
        if matches!(a.lower(prep), "at" | "to" | "of" | "in" | "attending") {
            if let Some(m) = (prep + 1..(prep + 5).min(to)).find_map(meeting_at) {
                return Some(m.ent);
            }
            if a.lower(prep) == "in" {
                let place = a.mention_at_tok(prep + 1).map(|m| m.ent);
                let told = meeting_for(a, prep, prep, anchor, status);
                if let (Some(place), Some(told)) = (place, told) {
                    if a.ents[told].meeting.as_ref().is_some_and(|i| i.place == Some(place)) {
                        return Some(told);
                    }
                }
            }
        }
        // "an emergency meeting in Bali of G7 and NATO leaders"; a group noun without
        // it leaves the later ones of the range to be tried.
        let Some(of) = (k.saturating_sub(5)..k).rev().find(|&j| a.lower(j) == "of") else { continue };
        if let Some(m) = (of.saturating_sub(5).max(from)..of).rev().find_map(meeting_at) {
            return Some(m.ent);
        }
    }
    None
}

/// "Leaders at the summit included A, B and C".
fn group_included(a: &mut Analysis, i: usize) {
    let sent = a.sent_of(a.toks[i].span.start);
    let start = a.sents[sent].tokens.start.max(i.saturating_sub(12));
    let status = status_at(a, i, None);
    let Some(meeting) = group_meeting(a, start, i, i, status) else { return };
    let persons = list_after(a, i);
    add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
}

/// "an emergency meeting of G7 leaders, among them A and B".
fn group_among_them(a: &mut Analysis, i: usize) {
    let sent = a.sent_of(a.toks[i].span.start);
    let start = a.sents[sent].tokens.start.max(i.saturating_sub(15));
    let status = status_at(a, i, None);
    let Some(meeting) = group_meeting(a, start, i, i, status) else { return };
    let persons = list_after(a, i + 1);
    add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
}

/// "A and B were among the leaders at the summit"; "Among the leaders in Rio were A
/// and B"; "A is one of few leaders at the summit" (`i` at "of").
fn among_group(a: &mut Analysis, i: usize) {
    if !matches!(a.lower(i + 1), "the" | "other" | "few" | "several" | "only") {
        return;
    }
    let (_, end) = clause_of(a, i);
    if let Some(were) = (i + 2..(i + 9).min(end)).find(|&k| matches!(a.lower(k), "were" | "are")) {
        let status = status_at(a, were, None);
        let Some(meeting) = group_meeting(a, i + 1, were, i, status) else { return };
        let persons = list_after(a, were);
        if persons.first().is_some_and(|&(_, s)| a.tok_at(s.start) <= were + 6) {
            add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
        }
        return;
    }
    let subjects = subjects_of(a, i);
    let Some(&(_, subject_span)) = subjects.first() else { return };
    let status = status_at(a, i, Some(subject_span));
    let Some(meeting) = group_meeting(a, i + 1, end.min(i + 10), i, status) else { return };
    add_all(a, &subjects, meeting, status, a.toks[i].span, RULE.name);
}

/// "The summit in Kazan drew leaders from 36 countries, including A and B".
fn meeting_drew(a: &mut Analysis, i: usize) {
    let Some((meeting, mspan)) = meeting_before(a, i) else { return };
    let persons = list_after(a, i);
    let status = status_at(a, i, None);
    add_all(a, &persons, meeting, status, mspan, RULE.name);
}

/// "When the host opened the summit, A and B were at the table along with C".
fn at_the_table(a: &mut Analysis, i: usize) {
    let Some(mut k) = i.checked_sub(1) else { return };
    if k > 0 && a.lower(k) == "negotiating" {
        k -= 1;
    }
    if k < 2 || a.lower(k) != "the" || a.lower(k - 1) != "at" {
        return;
    }
    let mut verb = k - 2;
    // "joined Trump at the table": past the person joined, who is at it too.
    let joined = (verb.saturating_sub(4)..=verb).rev().find(|&v| matches!(a.lower(v), "joined" | "join" | "joins"));
    if let Some(v) = joined.filter(|&v| a.mention_at_tok(v + 1).is_some()) {
        verb = v;
    } else if !matches!(a.lower(verb), "were" | "was" | "sat") {
        return;
    }
    let mut persons: Vec<_> =
        subjects_of(a, verb).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person).collect();
    let Some(&(_, subject_span)) = persons.first() else { return };
    if a.lower(i + 1) == "along" && a.lower(i + 2) == "with" {
        persons.extend(list_after(a, i + 2));
    }
    if joined.is_some_and(|v| v == verb) {
        persons.extend(list_after(a, verb).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person));
    }
    let status = status_at(a, verb, Some(subject_span));
    let (_, end) = clause_of(a, i);
    let Some(meeting) = meeting_for(a, i + 1, end, verb, status) else { return };
    add_all(a, &persons, meeting, status, a.toks[i].span, RULE.name);
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn groups_at_a_meeting_list_its_participants() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The summit in Nairobi opened on Monday. Leaders at the summit included Anna Brown and Tom Price.",
                &["anna-brown", "tom-price"],
            ),
            (
                "The summit in Nairobi opened on Monday. Anna Brown is one of few African leaders at the summit.",
                &["anna-brown"],
            ),
            (
                "The summit in Nairobi opened on Monday. Anna Brown and Tom Price were among the leaders at the summit.",
                &["anna-brown", "tom-price"],
            ),
            (
                "The summit in Nairobi opened on Monday. Among the leaders in Nairobi were Anna Brown and Tom Price.",
                &["anna-brown", "tom-price"],
            ),
            (
                "Amos Kiprono convened an emergency meeting in Nairobi of regional leaders, among them Anna Brown and Tom Price.",
                &["amos-kiprono", "anna-brown", "tom-price"],
            ),
            (
                "The summit in Nairobi drew leaders from 30 countries, including Anna Brown and Tom Price.",
                &["anna-brown", "tom-price"],
            ),
            (
                "The summit in Nairobi opened on Monday. When Amos Kiprono opened it, Anna Brown was at the table along with Tom Price.",
                &["anna-brown", "tom-price"],
            ),
            (
                // A first group noun placed nowhere does not end the search.
                "The summit in Nairobi opened on Monday. Officials said leaders at the summit included Anna Brown and Tom Price.",
                &["anna-brown", "tom-price"],
            ),
            (
                // Those at a funeral are its mourners.
                "The funeral was held in Nairobi on Monday. Among the mourners were Anna Brown and Tom Price.",
                &["anna-brown", "tom-price"],
            ),
            (
                "The summit in Nairobi opened on Monday. Anna Brown and Ivan Petrov joined Tom Price at the table.",
                &["anna-brown", "ivan-petrov", "tom-price"],
            ),
        ];
        for (text, persons) in cases {
            let x = extract(text, "2025-03-03");
            let meeting = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone());
            let meeting = meeting.unwrap_or_default();
            for p in *persons {
                assert!(has_edge(&x, &format!("person:{p}"), "attends", &meeting), "{text}: {p} {:?}", x.relations);
            }
        }
    }

    #[test]
    fn groups_elsewhere_list_no_participants() {
        let cases = [
            "The summit in Nairobi opened on Monday. Critics of the summit included Anna Brown and Tom Price.",
            "The summit in Nairobi opened on Monday. Anna Brown was among the critics of the summit.",
            "The summit in Nairobi opened on Monday. Europe wants Anna Brown to be at the table.",
            // A trigger word at the start of the text.
            "Table tennis drew Anna Brown to Nairobi.",
        ];
        for text in cases {
            let x = extract(text, "2025-03-03");
            assert!(
                !x.relations.iter().any(|r| r.kind == crate::model::RelationKind::Attends
                    && r.source == "person:anna-brown"
                    && r.evidence.rule == super::RULE.name),
                "{text}: {:?}",
                x.relations
            );
        }
    }
}
