//! **met_with** — two persons who met, with the status the wording gives the meeting.
//!
//! Matches: "A met (with) B", "A held (their first direct) talks (on X) with B", "A
//! held a three-way meeting (here) with B and C" (B and C met too), "A, flanked by B
//! and C", "A and B agreed at their bilateral meeting", "the two leaders met" (the only
//! two persons named just before),
//! "A hosted B", "A received B", "A was greeted (at the airport) by B", "A sat down with
//! B", "A, seated beside B", "A shook hands with B", "A had dinner with B", "A called on B", "A convenes with
//! B", "A ... after meeting B", "after a meeting with B", "a meeting between A and B",
//! "In talks (with B) at X, A (and C) agreed" (`fronted`);
//! with no one named after the verb, "A and B met / held talks / shook hands / spoke
//! directly" pairs the coordinated subjects. Every subject meets every object ("A and
//! B met C and D"); the subject is that of the nearest clause (relative clauses
//! skipped, "whose aide X", "Y's envoy X", "officials said X would meet"; pronouns
//! resolved); the objects are the persons right after the verb, up to a new clause
//! ("met A on Monday, and B visited"). Negation, refusal, proposals ("floated",
//! "no such meeting"), conditions and plans give the edge another status; only
//! occurred meetings appear by default. A meeting that collapsed or failed did take
//! place. When the clause names a place, the meeting becomes a node that both attend.
//! Example: "Ruto met with Museveni in Nairobi on Tuesday." → Ruto met_with Museveni;
//! a meeting in Nairobi on that date.
//! Known false positives: "called on X" followed by an object other than "to"/"for"
//! ("called on X over the strikes") is read as a visit; "spoke directly" on a call
//! the sentence does not name as one.

use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::clause::{clause_of, finite_verb_at, is_comma, objects_after, subjects_of};
use crate::meetings::{date_in, place_after, record_gathering, Gathering};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Span, Status};

mod fronted;
mod status;
mod the_two;
mod triggers;

use status::{after_status, present_tense, tense};
use triggers::{trigger, Trigger, TRIGGERS};

pub const RULE: Rule = Rule { name: "met_with", apply, triggers: TRIGGERS };

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if matches!(a.lower(i), "talks" | "meeting" | "meetings" | "negotiations") {
            fronted::fronted(a, i);
        }
        if let Some(t) = trigger(a, i) {
            verb(a, i, t);
        } else if a.lower(i) == "between" && i > 0 && matches!(a.lower(i - 1), "meeting" | "talks") {
            between(a, i);
        }
    }
    status::drop_refuted_reports(a);
}

/// Whether the words from `from` to `to` say the exchange was remote ("by phone").
fn remote(a: &Analysis, from: usize, to: usize) -> bool {
    (from..to.min(a.toks.len()))
        .any(|k| matches!(a.lower(k), "phone" | "telephone" | "videoconference" | "video" | "virtually" | "videolink"))
}

/// "... but there can be no such meeting": a later clause denies the meeting.
fn no_such_meeting(a: &Analysis, after: usize) -> bool {
    let sent = a.sent_of(a.toks[after.min(a.toks.len() - 1)].span.start);
    // The rest of the sentence, and the start of the next one ("No such meeting has
    // been scheduled.").
    let end = a.sents.get(sent + 1).map_or(a.sents[sent].tokens.end, |s| s.tokens.start + 3);
    (after..end.min(a.toks.len())).any(|k| {
        a.lower(k) == "no"
            && a.lower(k + 1) == "such"
            && (k + 2..k + 4).any(|j| matches!(a.lower(j), "meeting" | "meetings" | "talks" | "summit" | "encounter"))
    })
}

/// The status of a meeting told at `i`, with what later words of the sentence say.
fn with_later_words(a: &Analysis, status: Status, after: usize) -> Status {
    if matches!(status, Status::Occurred | Status::Planned) && no_such_meeting(a, after) {
        Status::Proposed
    } else {
        status
    }
}

fn verb(a: &mut Analysis, i: usize, t: Trigger) {
    let last = i + t.len - 1;
    let objects = if t.objects { objects_after(a, last) } else { Vec::new() };
    // The first object must belong to this clause: not "met in Vienna, and C said".
    let new_clause = |s: Span| {
        (last + 1..a.tok_at(s.start)).any(|k| is_comma(a, k) && matches!(a.lower(k + 1), "and" | "but"))
            && finite_verb_at(a, a.tok_at(s.end))
    };
    // Nor a person of a clause tacked on after a comma ("met in San Diego, months after
    // it was announced by Biden"): an agent after "by" is nobody met, unless the verb is
    // the passive ("was met at the airport by Manturov").
    let passive = i > 0 && matches!(a.lower(i - 1), "was" | "were" | "been" | "is" | "are" | "be");
    // Nor a person of a relative clause on the thing the verb names ("ended talks with
    // Canada over an advertisement that quoted Reagan").
    let later_clause = |s: Span| {
        let gap = last + 1..a.tok_at(s.start);
        !passive && gap.clone().any(|k| a.lower(k) == "by")
            || gap.clone().any(|k| matches!(a.lower(k), "that" | "which") && finite_verb_at(a, k + 1))
            || gap.clone().any(|k| is_comma(a, k))
                && gap.into_iter().any(|k| matches!(a.lower(k), "after" | "before" | "when" | "while" | "since"))
    };
    // "held talks with him on Tuesday, also declined Mr Trump's invitation": an object
    // pronoun no rule resolved is someone unknown, not the next person named.
    let pronoun = match a.lower(last + 1) {
        "him" | "them" => true,
        "her" => super::pronoun::her_is_object(a, last + 1),
        _ => false,
    };
    let unresolved = pronoun && a.mention_at_tok(last + 1).is_none();
    // "welcomed them": the persons of the sentence before.
    let plural = (unresolved && a.lower(last + 1) == "them").then(|| the_two::them(a, last + 1)).flatten();
    let mut objects = if let Some(them) = plural {
        them
    } else if unresolved || objects.first().is_some_and(|&(_, s)| new_clause(s) || later_clause(s)) {
        Vec::new()
    } else {
        objects
    };
    // "held separate talks with Zelensky and then with Putin": a second "with".
    if let Some(&(_, last_object)) =
        objects.last().filter(|_| a.lower(last).ends_with("with") || a.lower(last) == "with")
    {
        let k = a.tok_at(last_object.end);
        let with =
            if a.lower(k) == "and" && matches!(a.lower(k + 1), "then" | "later" | "also") { k + 2 } else { k + 1 };
        if a.lower(k) == "and" && a.lower(with) == "with" {
            objects.extend(objects_after(a, with));
        }
    }
    let Some(&(_, first_span)) = objects.first() else {
        if t.mutual {
            mutual(a, i, last);
        }
        return;
    };
    // The object must follow closely: "met on May 14 with X" allows a date between.
    if a.tok_at(first_span.start) > last + 30 {
        return;
    }
    let objects_end = objects.last().map_or(first_span, |o| o.1).end;
    let after_objects = a.tok_at(objects_end);
    // "called on X to end the war": urging, not a call in person.
    if t.urging && matches!(a.lower(after_objects), "to" | "for" | "not") {
        return;
    }
    if remote(a, i.saturating_sub(2), after_objects + 4) {
        return;
    }
    // "plans for Putin to meet Macron": the person before "to" is the subject.
    let infinitive_subject = (i >= 2 && a.lower(i - 1) == "to")
        .then(|| a.mentions_ending(a.toks[i - 2].span.end).find(|m| m.kind == EntityKind::Person))
        .flatten()
        .map(|m| (m.ent, m.span));
    let mut subjects = match infinitive_subject {
        Some(s) => vec![s],
        None => subjects_of(a, i),
    };
    // "Modi became the first leader to visit Ukraine since the two countries established
    // relations, holding talks with Zelenskyy": a participle after a comma is the
    // sentence's subject's, past a clause in between that names no one.
    if subjects.is_empty() && a.lower(i).ends_with("ing") && i > 0 && crate::clause::is_comma(a, i - 1) {
        let sent = a.sents[a.sent_of(a.toks[i].span.start)].tokens.clone();
        if let Some(main) = (sent.start..i).find(|&k| finite_verb_at(a, k)) {
            subjects =
                subjects_of(a, main).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person).collect();
        }
    }
    // "Witkoff, Trump's special envoy, spent three hours with Putin": the possessor of
    // the subject did not meet; the possessor of the meeting noun itself did
    // ("Carney's first meeting with Trump").
    let noun = matches!(a.lower(i), "meeting" | "meetings" | "talks" | "visit" | "summit");
    subjects.retain(|&(_, s)| !crate::clause::is_possessor(a, s) || (noun && a.tok_at(s.end) + 4 >= i));
    // "talks with Xi ..., a lunch with him, and a meeting with Li": whoever a noun's
    // talks are with is not the one who holds the next.
    if noun {
        // Past the person's title: "talks with state and party leader Xi".
        let object_of_with = |s: Span| {
            let first = a.tok_at(s.start);
            (first.saturating_sub(5)..first)
                .rev()
                .take_while(|&k| !is_comma(a, k) && a.mention_at_tok(k).is_none() && !finite_verb_at(a, k))
                .any(|k| matches!(a.lower(k), "with" | "to" | "by"))
        };
        // The noun's possessor holds it ("opened with Biden's meeting with Xi"), and so
        // does the antecedent of "who" ("announced by Blinken, who spent hours in talks
        // with Netanyahu").
        let antecedent = |s: Span| {
            let after = a.tok_at(s.end);
            a.lower(after) == "who" || (is_comma(a, after) && a.lower(after + 1) == "who")
        };
        subjects.retain(|&(_, s)| crate::clause::is_possessor(a, s) || antecedent(s) || !object_of_with(s));
    }
    if noun && (!possessive_pronoun_is_clear(a, i) || subjects.len() > 1 && in_time_adverbial(a, i)) {
        return;
    }
    let Some(&(_, subject_span)) = subjects.first() else {
        return;
    };
    let status = tense(a, i, status_at(a, i, Some(subject_span)));
    let status = with_later_words(a, status, after_objects);
    let span = subject_span.cover(a.toks[last].span).cover(objects.last().map_or(first_span, |o| o.1));
    let mut participants: Vec<usize> = subjects.iter().map(|s| s.0).collect();
    for &(subject, _) in &subjects {
        for &(obj, _) in &objects {
            if obj != subject && !subjects.iter().any(|s| s.0 == obj) {
                a.add_rel(RelationKind::MetWith, subject, obj, status, span, RULE.name);
            }
        }
    }
    // "held a three-way meeting with A and B", "flanked by A and B", "signed the pact
    // with A and B": A and B met each other too.
    if (i..last).any(|k| is_multilateral(a.lower(k)) || matches!(a.lower(k), "flanked" | "signed")) {
        met_pairwise(a, &objects, status, span);
    }
    // "A and B met in the presence of C": C was there, and A and B met each other.
    let witnessed = objects.first().is_some_and(|&(_, s)| {
        let k = a.tok_at(s.start);
        (k.saturating_sub(4)..k).any(|j| a.lower(j) == "presence")
    });
    if witnessed {
        met_pairwise(a, &subjects, status, span);
    }
    // A claimed meeting is kept as the claim between the two, but places nobody at
    // the summit it is said to have happened beside; nor does one denied "at the
    // summit" make the summit a meeting that did not take place.
    let at_a_gathering = || {
        let sent_end = a.sents[a.sent_of(a.toks[i].span.start)].tokens.end;
        (after_objects..crate::clause::words_ahead(a, after_objects, sent_end, 6))
            .any(|k| matches!(a.lower(k), "summit" | "conference" | "forum" | "assembly" | "talks" | "sidelines"))
    };
    if status == Status::Alleged || (status == Status::Declined && at_a_gathering()) {
        return;
    }
    for &(obj, _) in &objects {
        if !participants.contains(&obj) {
            participants.push(obj);
        }
    }
    let (_, clause_end) = clause_of(a, i);
    // The place must follow the objects closely, not sit in an appositive after them.
    // Nor after another verb: "greeted by X and then addressed the Knesset in Jerusalem".
    let window = crate::clause::words_ahead(a, after_objects, clause_end, 9);
    // Nor after "before" or "after": "flies to Tokyo for talks with A, before arriving in
    // Manila" puts the talks in Tokyo.
    let near_end = (after_objects..window)
        .find(|&k| a.word(k) == "," || matches!(a.lower(k), "then" | "before" | "after") || finite_verb_at(a, k))
        .unwrap_or(window);
    let place = place_after(a, after_objects, near_end)
        .or_else(|| place_after(a, last + 1, a.tok_at(first_span.start)))
        .or_else(|| crate::meetings::there_place(a, i, near_end));
    let place = place.map(|p| finer_place(a, p, after_objects, clause_end));
    // "held talks with A on the sidelines, and is due to hold talks with B in Beijing",
    // "the first meeting since their talks in Beijing": the talks of another verb or
    // clause after the objects are that clause's.
    let own_end = (after_objects..clause_end)
        .find(|&k| {
            finite_verb_at(a, k)
                || matches!(a.lower(k), "since" | "when" | "while" | "until" | "because" | "although" | "though")
                || (matches!(a.lower(k), "and" | "but") && (finite_verb_at(a, k + 1) || finite_verb_at(a, k + 2)))
                // "is scheduled to meet A, B and C, and to attend a summit": the
                // summit is the second verb's.
                || (a.lower(k) == "and" && a.lower(k + 1) == "to" && k > 0 && crate::clause::is_comma(a, k - 1))
        })
        .unwrap_or(clause_end);
    let date = date_in(a, clause_of(a, i).0, own_end)
        .or_else(|| a.doc.date.filter(|_| present_tense(a, i)).map(crate::dates::DateValue::from_date));
    // "KUALA LUMPUR (AP) - A met B on Thursday": where the story was filed from.
    let place = match status {
        Status::Occurred => super::dateline::lead_place(a, i, place, date, true).or(place),
        _ => place,
    };
    // "held talks with": the talks named in the clause are the meeting.
    let clause_start = a.tok_at(subject_span.start).max(clause_of(a, i).0);
    let named = a
        .mentions_within_toks(clause_start, own_end.max(clause_start + 1))
        // A meeting another verb of the clause recorded is that verb's ("met X at the
        // White House and had dinner with Y that evening").
        .filter(|m| m.kind == EntityKind::Meeting && m.rule != RULE.name)
        .find(|m| {
            let t = a.tok_at(m.span.start);
            // A meeting "on the sidelines (margins) of" a summit is its own meeting.
            !(t.saturating_sub(16)..t).any(|k| matches!(a.lower(k), "sidelines" | "margins"))
                && !crate::meetings::stayed_away(a, m.ent, participants.iter().copied(), m.span.start)
                && !crate::clause::relative_segments_from(a, clause_start, clause_end).any(|(s, e)| s < t && t < e)
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
        // A visit is the visitor's: "on his first visit to India, Vance was received by
        // Modi" does not make the host a participant of the visit.
        let visit = a.ents[m].meeting.as_ref().filter(|i| i.class == Some(MeetingClass::Visit));
        let visitor = visit.map(|i| i.visitor);
        for p in participants {
            let guest = match visitor {
                None => true,
                Some(Some(v)) => p == v,
                Some(None) => subjects.iter().any(|s| s.0 == p),
            };
            if guest {
                a.add_rel(RelationKind::Attends, p, m, status, span, RULE.name);
            }
        }
    } else if place.is_some() {
        let trigger = a.toks[i].span;
        let g = Gathering {
            visitor: None,
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

/// "in Turkey on Thursday on the sidelines of a meeting in Antalya": a city of the
/// country named later in the clause is where they meet.
fn finer_place(a: &Analysis, place: usize, from: usize, to: usize) -> usize {
    let country = &a.ents[place];
    if country.kind != EntityKind::Country || country.iso.is_none() || from >= to.min(a.toks.len()) {
        return place;
    }
    a.mentions_within_toks(from, to.min(a.toks.len()))
        .find(|m| {
            let e = &a.ents[m.ent];
            let t = a.tok_at(m.span.start);
            e.kind == EntityKind::Location
                && e.iso == country.iso
                && t > 0
                && matches!(a.lower(t - 1), "in" | "at")
                && !e.attrs.get("kind").is_some_and(|k| k == "continent" || k == "region")
        })
        .map_or(place, |m| m.ent)
}

/// A meeting of three or four sides, whose guests met each other as well as the host.
fn is_multilateral(w: &str) -> bool {
    matches!(
        w,
        "three-way" | "trilateral" | "three-party" | "four-way" | "quadrilateral" | "three-nation" | "four-nation"
    )
}

/// For a meeting noun at `i`: whether "his" or "her" before it ("his second meeting
/// with Trump"), if there, can only be one person: the one person the sentence names
/// before it. "Putin and Kim held talks, two months after his meeting with Trump" does
/// not say whose meeting that was.
fn possessive_pronoun_is_clear(a: &Analysis, i: usize) -> bool {
    let Some(k) = (i.saturating_sub(3)..i).rev().find(|&k| matches!(a.lower(k), "his" | "her")) else {
        return true;
    };
    if !(k + 1..i).all(|j| crate::text::is_ordinal(a.word(j)) || matches!(a.lower(j), "last" | "latest" | "own")) {
        return true;
    }
    if a.mention_at_tok(k).is_some_and(|m| m.kind == EntityKind::Person) {
        return true;
    }
    let sent = a.sents[a.sent_of(a.toks[k].span.start)].tokens.start;
    let mut persons = crate::clause::persons_in(a, sent, k, false).into_iter().map(|(e, _)| e).collect::<Vec<_>>();
    persons.sort_unstable();
    persons.dedup();
    persons.len() == 1
}

/// Whether the meeting noun at `i` is told as another time than its clause's event:
/// "A and B held talks on Monday, two months after a meeting with C" (which of them met
/// C, the words do not say).
fn in_time_adverbial(a: &Analysis, i: usize) -> bool {
    (i.saturating_sub(6)..i)
        .rev()
        .take_while(|&k| !is_comma(a, k))
        .any(|k| matches!(a.lower(k), "after" | "before" | "since") && k > 0)
}

/// Every two of these persons met.
fn met_pairwise(a: &mut Analysis, persons: &[(usize, Span)], status: Status, span: Span) {
    for (x, &(p, _)) in persons.iter().enumerate() {
        for &(q, _) in &persons[x + 1..] {
            a.add_rel(RelationKind::MetWith, p, q, status, span, RULE.name);
        }
    }
}

/// "A and B met (on Wednesday near San Francisco)", "A and B held talks": every pair
/// of the subjects met.
fn mutual(a: &mut Analysis, i: usize, last: usize) {
    let mut subjects = subjects_of(a, i);
    // "The three leaders met ..., after it was announced by Biden": the phrase is the
    // subject, whatever person a later "by" names.
    if subjects.len() < 2 {
        if let Some(group) = the_two::the_two(a, i) {
            subjects = group;
        }
    }
    if subjects.len() < 2 || remote(a, i, last + 6) {
        return;
    }
    let status = tense(a, i, status_at(a, i, Some(subjects[0].1)));
    let status = with_later_words(a, status, last + 1);
    let span = subjects[0].1.cover(a.toks[last].span);
    met_pairwise(a, &subjects, status, span);
    if status == Status::Alleged {
        return;
    }
    let (clause_start, clause_end) = clause_of(a, i);
    let near_end = clause_end.min(last + 12);
    let participants: Vec<usize> = subjects.iter().map(|s| s.0).collect();
    // "where the two leaders held a bilateral meeting in the Oval Office": the meeting
    // the noun already names is theirs.
    if let Some(m) = a.mention_at_tok(last).map(|m| m.ent).filter(|&m| a.ents[m].kind == EntityKind::Meeting) {
        for &p in &participants {
            a.add_rel(RelationKind::Attends, p, m, status, span, RULE.name);
        }
        return;
    }
    let Some(place) = place_after(a, last + 1, near_end) else { return };
    let date = date_in(a, clause_start, clause_end);
    let trigger = a.toks[i].span;
    let g = Gathering {
        visitor: None,
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
    let status = with_later_words(a, status, after_names);
    let span = a.toks[i - 1].span.cover(persons[persons.len() - 1].1);
    met_pairwise(a, &persons, status, span);
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_subjects;
