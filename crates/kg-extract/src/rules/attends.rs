//! **attends** — persons taking part in a meeting, with the status the wording gives.
//!
//! Matches: "attend", "take part in", "participate in", "chaired", "presided (over)", "hosted",
//! "convened", "sat in on", "speaking at", "joined", "arrived for", "travelled to",
//! "arrived in (flew to) <place> <date> for",
//! "opened", "closed", "wrapped up", "addressed" followed by a meeting; "on the
//! sidelines of" a meeting; "hosted A and B for <meeting>" (all of them); "<meeting>
//! between A and B"; persons named right before
//! "at <meeting>" ("discussed by A and B at the summit"); the subject of a verb of
//! speaking or signing done "at <meeting>" ("Xi said at the summit", "signed the deal
//! at a ceremony") or right "after" it ("agreed after twelve hours of talks"); and those
//! "together with" or "along with" the subject
//! ("participated in the summit, together with A and B"); who "signed" (or by whom
//! something "was signed") next to a signing ceremony told in that or the sentence
//! before. A refusal ("decided not to
//! attend"), a condition or a proposal gives the edge that status, so it stays out of
//! the default graph. An "attend" with no meeting after it (or "hosted the talks" where
//! "the talks" is no mention) refers to the meeting of its sentence, else of the
//! previous sentence of its paragraph (of the same kind for a noun), and never to a
//! long-past one for a refusal or a plan; otherwise to none. Taking part "by video" or
//! "virtually" is no attendance. The passive ("attended by") is read by
//! `attendance_frames`.
//! Example: "Amos Kiprono chaired the summit in Nairobi." → Kiprono attends it.
//! Known false positives: "at the summit" after a person who only commented on it.

mod after_talks;
mod context;
mod hosted;
mod said_at;
mod signers;
#[cfg(test)]
mod tests;
mod triggers;

use super::Rule;
use crate::analysis::Analysis;
use crate::clause::{clause_of, persons_in, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Span, Status};
use context::definite_noun;
pub(super) use context::{meeting_in_context, principal_meeting};
use triggers::{object_only, trigger, TRIGGERS};

pub const RULE: Rule = Rule { name: "attends", apply, triggers: TRIGGERS };

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        // No verb pattern starts with "at", the commonest trigger.
        if a.lower(i) == "at" {
            persons_at(a, i);
        } else if matches!(a.lower(i), "after" | "following") {
            after_talks::agreed_after(a, i, RULE.name);
        } else if a.lower(i) == "between" {
            between(a, i);
        } else if matches!(a.lower(i), "signed" | "signs") {
            signers::signers_attend(a, i, RULE.name);
        } else if let Some(len) = trigger(a, i) {
            if !(matches!(a.lower(i), "hosted" | "hosts") && hosted::hosted_for(a, i, RULE.name)) {
                verb(a, i, len);
            }
        }
    }
}

/// The meeting named right after the trigger in its clause.
fn meeting_after(a: &Analysis, last: usize, clause_end: usize) -> Option<(usize, Span)> {
    (last + 1..clause_end.min(last + 8)).find_map(|k| {
        let m = a.mention_at_tok(k)?;
        (m.kind == EntityKind::Meeting).then_some((m.ent, m.span))
    })
}

fn verb(a: &mut Analysis, i: usize, len: usize) {
    let last = i + len - 1;
    // "attended by A and B", "hosted by A": the passive, read by attendance_frames.
    if a.lower(last + 1) == "by" {
        return;
    }
    // "thanked South Africa for hosting the talks": the reason for thanks, whose doer
    // is the one thanked (a government, often), not the clause's subject.
    if i > 0 && a.lower(i - 1) == "for" && a.lower(i).ends_with("ing") {
        return;
    }
    let bare_attend = matches!(
        a.lower(i),
        "attend"
            | "attends"
            | "attended"
            | "attending"
            | "participate"
            | "participated"
            | "presided"
            | "stayed"
            | "stays"
    );
    // "hosted the talks" where "the talks" is no mention of its own: the meeting of that
    // kind the context names.
    let noun = definite_noun(a, last + 1);
    // "while Matsuno joined on the Japanese side": the meeting of the context.
    let side_join = matches!(a.lower(i), "joined" | "joins")
        && a.lower(last + 1) == "on"
        && a.lower(last + 2) == "the"
        && (last + 3..last + 5).any(|k| a.lower(k) == "side");
    // "the meeting of South American presidents that Lula hosted": the meeting the
    // relative clause is about.
    let relative = || {
        (len == 1 && !bare_attend && meeting_after(a, last, usize::MAX).is_none())
            .then(|| context::relative_meeting(a, i))
            .flatten()
    };
    let relative = relative();
    // Most triggers ("joined", "went to") name no meeting: skip them before finding the clause.
    if !bare_attend
        && !side_join
        && noun.is_none()
        && relative.is_none()
        && meeting_after(a, last, usize::MAX).is_none()
    {
        return;
    }
    let (_, clause_end) = clause_of(a, i);
    let mut subjects = subjects_of(a, i);
    // "After attending the NATO summit in Washington, he flew to Florida": the subject
    // of the clause the participle opens.
    if subjects.is_empty() && i > 0 && a.lower(i).ends_with("ing") && matches!(a.lower(i - 1), "after" | "while") {
        subjects = context::fronted_subject(a, i).into_iter().collect();
    }
    let Some(&(_, subject_span)) = subjects.first() else { return };
    // "skipped the summit" is a refusal in the verb itself.
    let refusal = matches!(a.lower(i), "skipped" | "skips" | "skip" | "boycotted" | "boycotts" | "missed")
        || (matches!(a.lower(i), "stayed" | "stays") && a.lower(i + 1) == "away");
    let mut status = if refusal { Status::Declined } else { status_at(a, i, Some(subject_span)) };
    let meeting = match meeting_after(a, last, clause_end).or(relative) {
        Some(m) => m,
        // ... else, for one that took place, the meeting the article is about: "the
        // talks" refer to talks told before, in another paragraph too.
        None if noun.is_some() => {
            let principal = || {
                let m = (status == Status::Occurred).then(|| principal_meeting(a, a.toks[i].span.start)).flatten();
                m.filter(|&m| context::of_kind(a, m, noun))
            };
            match meeting_in_context(a, i, noun, status).or_else(principal) {
                Some(m) => (m, a.toks[last + 2].span),
                None => return,
            }
        }
        None if side_join => match meeting_in_context(a, i, None, status) {
            Some(m) => (m, a.toks[i].span),
            None => return,
        },
        // "decided not to attend." — an attendance with nothing after it.
        None if bare_attend
            && !a
                .toks
                .get(last + 1)
                // "attended as a guest": no object either.
                .is_some_and(|t| t.is_word && !matches!(a.lower(last + 1), "and" | "but" | "or" | "as")) =>
        {
            // "Putin stayed away.": the meeting the story is about, however far back.
            let principal = || refusal.then(|| principal_meeting(a, a.toks[i].span.start)).flatten();
            match meeting_in_context(a, i, None, status).or_else(principal) {
                Some(m) => (m, a.toks[i].span),
                None => return,
            }
        }
        None => return,
    };
    // "addressed the summit by video", "took part virtually": not there in person.
    if remote(a, last + 1, clause_end) {
        return;
    }
    // "opened the summit", not "closed the border before the summit": these verbs
    // tell presence only with the meeting as their object.
    if object_only(a.lower(i)) && !is_object(a, last, meeting.1) {
        return;
    }
    // "told the Nordic summit", not "told reporters the summit failed": the meeting
    // right after, past its determiner and the capitals of its name.
    if matches!(a.lower(i), "told" | "tells")
        && !(i + 1..a.tok_at(meeting.1.start)).all(|k| a.lower(k) == "the" || a.toks[k].is_cap)
    {
        return;
    }
    // "A summit with X on the sidelines of the G7 summit is being arranged": the noun
    // "sidelines" sits in the subject, and the verb after the meeting tells its status.
    if status == Status::Occurred && matches!(a.lower(i), "sidelines" | "margins") {
        status = crate::modality::status_after(a, a.tok_at(meeting.1.end), clause_end).unwrap_or(status);
    }
    let span = subject_span.cover(meeting.1);
    if status == Status::Occurred && matches!(a.lower(i), "hosted" | "hosts" | "hosting") {
        // Not a bare title ("the Prime Minister hosted"): whom it stands for is the
        // least sure of the article's references, and a host meets every guest.
        let bare_title = |s: Span| {
            let words = a.slice(s).to_ascii_lowercase();
            words.strip_prefix("the ").is_some_and(crate::text::is_bare_office)
        };
        let host = subjects.iter().find(|&&(p, s)| a.ents[p].kind == EntityKind::Person && !bare_title(s)).map(|s| s.0);
        if let Some(info) = a.ents[meeting.0].meeting.as_mut() {
            info.host = info.host.or(host);
        }
    }
    for (subject, _) in subjects {
        a.add_rel(RelationKind::Attends, subject, meeting.0, status, span, RULE.name);
    }
    // "participated in the summit ..., together with A and B": company at it too.
    let with = (a.tok_at(meeting.1.end)..clause_end.min(a.tok_at(meeting.1.end) + 12))
        .find(|&k| matches!(a.lower(k), "together" | "along") && a.lower(k + 1) == "with");
    if let Some(k) = with {
        let company = super::attendance_frames::list_after(a, k + 1);
        for (p, s) in company {
            a.add_rel(RelationKind::Attends, p, meeting.0, status, a.toks[k].span.cover(s), RULE.name);
        }
    }
}

/// Whether tokens `from..to` say the part was taken from afar ("by video", "via video
/// link", "virtually", "remotely", "online").
fn remote(a: &Analysis, from: usize, to: usize) -> bool {
    (from..to)
        .any(|k| matches!(a.lower(k), "video" | "videolink" | "videoconference" | "virtually" | "remotely" | "online"))
}

/// Whether the meeting mentioned at `m` is the object of the verb ending at token
/// `last`: only its determiner and modifiers lie between.
fn is_object(a: &Analysis, last: usize, m: Span) -> bool {
    let head = a.tok_at(m.start);
    head <= last + 6
        && (last + 1..head).all(|k| {
            !matches!(
                a.lower(k),
                "," | ";" | "to" | "for" | "before" | "after" | "ahead" | "during" | "with" | "on" | "at" | "in"
            )
        })
}

/// "discussed by A and B at the summit": persons right before "at <meeting>".
fn persons_at(a: &mut Analysis, i: usize) {
    if meeting_after(a, i, usize::MAX).is_none() {
        return;
    }
    let (clause_start, clause_end) = clause_of(a, i);
    let Some((meeting, mspan)) = meeting_after(a, i, clause_end) else {
        return;
    };
    if a.tok_at(mspan.start) > i + 7 {
        return;
    }
    let persons = persons_in(a, clause_start, i, false);
    // Only the list that ends right before "at"; else the subject of a verb done there.
    let right_before = persons
        .last()
        .filter(|&&(_, s)| a.text.get(s.end..a.toks[i].span.start).is_some_and(|gap| gap.trim().is_empty()));
    let Some(&(_, last_span)) = right_before else {
        if let Some((subjects, verb)) = said_at::subjects_done_at(a, i, mspan, clause_start) {
            let status = status_at(a, verb, Some(subjects[0].1));
            for (p, s) in subjects {
                a.add_rel(RelationKind::Attends, p, meeting, status, s.cover(mspan), RULE.name);
            }
            // "signed the pact at the summit with A and B": they signed it there too.
            let after = a.tok_at(mspan.end);
            if a.lower(after) == "with" {
                for (p, s) in super::attendance_frames::list_after(a, after) {
                    a.add_rel(RelationKind::Attends, p, meeting, status, mspan.cover(s), RULE.name);
                }
            }
        } else if let Some((persons, verb)) = said_at::fronted_at(a, i, mspan) {
            // "At the summit, Kallas pressed Wang Yi": who acts and who is addressed.
            let status = status_at(a, verb, Some(persons[0].1));
            for (p, s) in persons {
                a.add_rel(RelationKind::Attends, p, meeting, status, mspan.cover(s), RULE.name);
            }
        }
        return;
    };
    let status = status_at(a, i, Some(last_span));
    let list: Vec<(usize, Span)> = persons
        .iter()
        .rev()
        .scan(last_span.end + 1, |next_start, &(p, s)| {
            let gap = a.text.get(s.end..*next_start).unwrap_or("");
            let joined =
                *next_start == last_span.end + 1 || gap.len() < 40 && (gap.contains(" and ") || gap.contains(", "));
            *next_start = s.start;
            joined.then_some((p, s))
        })
        .collect();
    if list.last().is_some_and(|&(_, s)| stood_in_for(a, s)) {
        return;
    }
    for (p, s) in list {
        a.add_rel(RelationKind::Attends, p, meeting, status, s.cover(mspan), RULE.name);
    }
}

/// "Harris stood in for President Biden at the summit", "on behalf of": the person
/// named is the one who was not there.
fn stood_in_for(a: &Analysis, person: Span) -> bool {
    // Past the person's title: "for President Joe Biden".
    let Some(mut k) = a.tok_before(person.start) else { return false };
    while k > 0 && a.toks[k].is_cap {
        k -= 1;
    }
    let before = if k > 0 { a.lower(k - 1) } else { "" };
    match a.lower(k) {
        "for" => matches!(before, "in" | "deputised" | "deputized" | "deputising" | "deputizing" | "substituted"),
        "of" => matches!(before, "instead" | "behalf" | "place"),
        _ => matches!(a.lower(k), "replacing" | "representing"),
    }
}

/// "a meeting between A and B" → both attend it, with the status the meeting has.
fn between(a: &mut Analysis, i: usize) {
    let Some(m) = i.checked_sub(1).and_then(|k| a.mention_at_tok(k)) else { return };
    if m.kind != EntityKind::Meeting {
        return;
    }
    let (meeting, mspan) = (m.ent, m.span);
    let persons = crate::clause::objects_after(a, i);
    if persons.len() < 2 || a.tok_at(persons[0].1.start) > i + 6 {
        return;
    }
    let said = status_at(a, i - 1, None);
    let status = match a.ents[meeting].meeting.as_ref().map(|x| x.status) {
        Some(s) if said == Status::Occurred => s,
        _ => said,
    };
    for (p, s) in persons {
        a.add_rel(RelationKind::Attends, p, meeting, status, mspan.cover(s), RULE.name);
    }
}
