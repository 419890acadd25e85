//! **met_with** — two persons who met, with the status the wording gives the meeting.
//!
//! Matches: "A met (with) B", "A held talks with B", "A hosted B", "A received B",
//! "A sat down with B", "A convenes with B", "A ... after meeting B", "after a meeting
//! with B", "a meeting between A and B"; the subject is the first person of the clause
//! (relative clauses skipped, pronouns resolved), the objects are the persons right
//! after the verb ("hosted A and B"). Negation, refusal, proposals, conditions and
//! plans give the edge another status; only occurred meetings appear by default. When
//! the clause names a place, the meeting becomes a node that both attend.
//! Example: "Ruto met with Museveni in Nairobi on Tuesday." → Ruto met_with Museveni;
//! a meeting in Nairobi on that date.
//! Known false positives: "met" in a subordinate clause whose subject is not the first
//! person of the clause ("Ruto said Museveni met Kagame").

use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::clause::{clause_of, objects_after, subject_of, subjects_of};
use crate::meetings::{date_in, place_after, record_gathering, Gathering};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Span, Status};

pub const RULE: Rule = Rule { name: "met_with", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "talks",
    "negotiations",
    "meetings",
    "hosted",
    "hosts",
    "host",
    "hosting",
    "received",
    "receives",
    "welcomed",
    "welcomes",
    "held",
    "hold",
    "holds",
    "holding",
    "sat",
    "sit",
    "sits",
    "convenes",
    "convened",
    "convene",
    "between",
];

/// How many tokens the trigger spans, if token `i` starts one.
fn trigger(a: &Analysis, i: usize) -> Option<usize> {
    let w = a.lower(i);
    let next = a.lower(i + 1);
    let next_is_person = || a.mention_at_tok(i + 1).is_some_and(|m| a.ents[m.ent].kind == EntityKind::Person);
    match w {
        "met" | "meet" | "meets" => Some(if next == "with" { 2 } else { 1 }),
        "meeting" if next == "with" || next_is_person() => Some(if next == "with" { 2 } else { 1 }),
        // "Saturday's talks with X": the talks of the clause's subject.
        "talks" | "negotiations" | "meetings"
            if next == "with" && !matches!(a.lower(i.wrapping_sub(1)), "held" | "hold" | "holds" | "holding") =>
        {
            Some(2)
        }
        "hosted" | "hosts" | "host" | "hosting" | "received" | "receives" | "welcomed" | "welcomes"
            if a.toks.get(i + 1).is_some_and(|t| t.is_cap) || next_is_person() =>
        {
            Some(1)
        }
        "held" | "hold" | "holds" | "holding" if next == "talks" && a.lower(i + 2) == "with" => Some(3),
        "sat" | "sit" | "sits" if next == "down" && a.lower(i + 2) == "with" => Some(3),
        "convenes" | "convened" | "convene" if next == "with" => Some(2),
        _ => None,
    }
}

fn apply(a: &mut Analysis) {
    for i in 0..a.toks.len() {
        if !a.may_trigger(i) {
            continue;
        }
        if let Some(len) = trigger(a, i) {
            verb(a, i, len);
        } else if a.lower(i) == "between" && i > 0 && matches!(a.lower(i - 1), "meeting" | "talks") {
            between(a, i);
        }
    }
}

fn verb(a: &mut Analysis, i: usize, len: usize) {
    let last = i + len - 1;
    let objects = objects_after(a, last);
    let Some(&(_, first_span)) = objects.first() else {
        mutual(a, i, last);
        return;
    };
    // The object must follow closely: "met on May 14 with X" allows a date between.
    if a.tok_at(first_span.start) > last + 30 {
        return;
    }
    // "plans for Putin to meet Macron": the person before "to" is the subject.
    let infinitive_subject = (i >= 2 && a.lower(i - 1) == "to")
        .then(|| a.mentions_ending(a.toks[i - 2].span.end).find(|m| a.ents[m.ent].kind == EntityKind::Person))
        .flatten()
        .map(|m| (m.ent, m.span));
    let Some((subject, subject_span)) = infinitive_subject.or_else(|| subject_of(a, i)) else {
        return;
    };
    let status = tense(a, i, status_at(a, i, Some(subject_span)));
    let span = subject_span.cover(a.toks[last].span).cover(objects.last().map_or(first_span, |o| o.1));
    let mut participants = vec![subject];
    for &(obj, _) in &objects {
        if obj != subject {
            a.add_rel(RelationKind::MetWith, subject, obj, status, span, RULE.name);
            participants.push(obj);
        }
    }
    let (_, clause_end) = clause_of(a, i);
    let after_objects = a.tok_at(objects.last().map_or(first_span, |o| o.1).end);
    // The place must follow the objects closely, not sit in an appositive after them.
    let near_end = (after_objects..clause_end.min(after_objects + 9))
        .find(|&k| a.word(k) == ",")
        .unwrap_or(clause_end.min(after_objects + 9));
    let place =
        place_after(a, after_objects, near_end).or_else(|| place_after(a, last + 1, a.tok_at(first_span.start)));
    let date = date_in(a, clause_of(a, i).0, clause_end)
        .or_else(|| a.doc.date.filter(|_| present_tense(a, i)).map(crate::dates::DateValue::from_date));
    // "held talks with": the talks named in the clause are the meeting.
    let clause_start = a.tok_at(subject_span.start).max(clause_of(a, i).0);
    let clause_span = Span::new(a.toks[clause_start].span.start, a.toks[clause_end - 1].span.end);
    let named = a
        .mentions_within(clause_span)
        .filter(|m| a.ents[m.ent].kind == EntityKind::Meeting)
        .find(|m| {
            let t = a.tok_at(m.span.start);
            // A meeting "on the sidelines of" a summit is its own meeting.
            !(t.saturating_sub(10)..t).any(|k| a.lower(k) == "sidelines")
                && !participants.iter().any(|&p| crate::meetings::stayed_away(a, m.ent, p))
                && !crate::clause::relative_segments(a, clause_start, clause_end).iter().any(|&(s, e)| s < t && t < e)
        })
        .map(|m| m.ent);
    if let Some(m) = named {
        let finer = place.filter(|&p| {
            let have = a.ents[m].meeting.as_ref().and_then(|x| x.place);
            have.is_none_or(|h| a.ents[h].kind == EntityKind::Country && a.ents[p].iso == a.ents[h].iso)
        });
        if let Some(info) = a.ents[m].meeting.as_mut() {
            info.place = finer.or(info.place);
            info.date = info.date.or(date);
            info.participants.extend(participants.iter().copied());
        }
        for p in participants {
            a.add_rel(RelationKind::Attends, p, m, status, span, RULE.name);
        }
    } else if place.is_some() {
        let trigger = a.toks[i].span;
        let g = Gathering {
            class: MeetingClass::Meeting,
            place,
            date,
            participants: &participants,
            status,
            trigger,
            evidence: span,
        };
        record_gathering(a, g, RULE.name);
    }
}

/// Every two of these persons met.
fn met_pairwise(a: &mut Analysis, persons: &[(usize, Span)], status: Status, span: Span) {
    for (x, &(p, _)) in persons.iter().enumerate() {
        for &(q, _) in &persons[x + 1..] {
            a.add_rel(RelationKind::MetWith, p, q, status, span, RULE.name);
        }
    }
}

/// "A and B met (on Wednesday near San Francisco)": every pair of the subjects met.
fn mutual(a: &mut Analysis, i: usize, last: usize) {
    if !matches!(a.lower(i), "met" | "meet" | "meets") {
        return;
    }
    let subjects = subjects_of(a, i);
    if subjects.len() < 2 {
        return;
    }
    let status = tense(a, i, status_at(a, i, Some(subjects[0].1)));
    let span = subjects[0].1.cover(a.toks[last].span);
    met_pairwise(a, &subjects, status, span);
    let (clause_start, clause_end) = clause_of(a, i);
    let near_end = clause_end.min(last + 12);
    let Some(place) = place_after(a, last + 1, near_end) else { return };
    let participants: Vec<usize> = subjects.iter().map(|s| s.0).collect();
    let date = date_in(a, clause_start, clause_end);
    let trigger = a.toks[i].span;
    let g = Gathering {
        class: MeetingClass::Meeting,
        place: Some(place),
        date,
        participants: &participants,
        status,
        trigger,
        evidence: span,
    };
    record_gathering(a, g, RULE.name);
}

/// "a meeting between A and B".
fn between(a: &mut Analysis, i: usize) {
    let persons = objects_after(a, i);
    if persons.len() < 2 {
        return;
    }
    let mut status = status_at(a, i - 1, None);
    // "Talks between A and B were cancelled": what the clause says after the names.
    let (_, clause_end) = clause_of(a, i);
    let after_names = a.tok_at(persons[persons.len() - 1].1.end);
    if status == Status::Occurred {
        status = after_status(a, after_names, clause_end);
    }
    let span = a.toks[i - 1].span.cover(persons[persons.len() - 1].1);
    met_pairwise(a, &persons, status, span);
}

/// The status a clause gives its subject after the fact: "were cancelled", "collapsed",
/// "will take place", "was proposed".
pub fn after_status(a: &Analysis, from: usize, to: usize) -> Status {
    let words: Vec<&str> = (from..to.min(a.toks.len())).map(|k| a.lower(k)).collect();
    let any = |cues: &[&str]| words.iter().any(|w| cues.contains(w));
    if any(&["cancelled", "canceled", "postponed", "scrapped", "collapsed", "failed", "abandoned"])
        || words.windows(2).any(|w| w[0] == "called" && w[1] == "off")
    {
        Status::Cancelled
    } else if any(&["proposed", "suggested", "possible", "could", "might", "may"]) {
        Status::Proposed
    } else if any(&["will", "would", "planned", "scheduled", "expected", "set"]) {
        Status::Planned
    } else {
        Status::Occurred
    }
}

/// The base form of the verb ("to meet", "will meet") is never a past meeting.
fn tense(a: &Analysis, i: usize, status: Status) -> Status {
    if status != Status::Occurred {
        return status;
    }
    match a.lower(i) {
        "meet" | "host" | "sit" | "hold" | "convene" if i > 0 && a.lower(i - 1) == "to" => Status::Proposed,
        _ => status,
    }
}

fn present_tense(a: &Analysis, i: usize) -> bool {
    matches!(a.lower(i), "meets" | "hosts" | "convenes" | "receives" | "welcomes" | "holds" | "sits")
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, extract_all, has_edge};

    #[test]
    fn a_pattern_is_not_read_across_a_line_break() {
        let x = extract_all("Farid Osman declined to meet\nwith Greta Lind in Oslo.", "2025-03-05");
        assert!(!x.relations.iter().any(|r| r.kind == crate::RelationKind::MetWith), "{:?}", x.relations);
    }

    #[test]
    fn met_and_hosted_make_edges_and_a_meeting() {
        let x = extract("Kenyan President Amos Kiprono hosted Tanzanian President Rose Mwakasege and Ugandan President Paul Okello at State House in Nairobi.", "2025-03-01");
        assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:rose-mwakasege"));
        assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"));
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, "person:paul-okello", "attends", &m), "{:?}", x.entities);
    }

    #[test]
    fn other_ways_to_say_they_met() {
        let cases = [
            "Anna Brown sat down with Ivan Petrov in Geneva.",
            "Anna Brown held talks with Ivan Petrov on Monday.",
            "Anna Brown met Ivan Petrov on the sidelines of the summit.",
            "A meeting between Anna Brown and Ivan Petrov took place in Vienna.",
            "Anna Brown and Ivan Petrov met in Vienna on Monday.",
            "Anna Brown received Ivan Petrov in Ankara.",
        ];
        for text in cases {
            let x = extract(text, "2025-03-05");
            assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
        }
    }

    #[test]
    fn cancelled_and_denied_meetings_are_not_meetings() {
        for text in
            ["Talks between Anna Brown and Ivan Petrov were cancelled.", "Anna Brown denied meeting Ivan Petrov."]
        {
            let x = extract(text, "2025-03-05");
            assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
        }
    }

    #[test]
    fn relative_clause_does_not_steal_the_subject() {
        let x = extract("Anna Brown, who was due to see Tom Price, met with Ivan Petrov on Monday.", "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"));
        assert!(!has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"));
    }

    #[test]
    fn refusals_plans_and_hypotheticals_are_not_meetings() {
        for text in [
            "Anna Brown refused to meet Ivan Petrov.",
            "Anna Brown will meet Ivan Petrov next week.",
            "Nothing will change until Anna Brown and Ivan Petrov meet.",
            "Anna Brown offered to meet Ivan Petrov face-to-face.",
            "Anna Brown said she would only meet Ivan Petrov.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
        }
        let all = extract_all("Anna Brown refused to meet Ivan Petrov.", "2025-03-05");
        assert!(all.relations.iter().any(|r| r.kind.as_str() == "met_with" && r.status.as_str() == "declined"));
    }
}
