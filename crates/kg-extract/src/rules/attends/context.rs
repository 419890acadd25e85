//! Which meeting an attendance refers to when its words name none: the meeting of its
//! context ("decided not to attend"), or the meeting the article is about.

use crate::analysis::Analysis;
use crate::model::{EntityKind, Status};

/// The meeting noun right after a verb ("the talks", "the summit"), when it names no
/// meeting mention of its own: its kind.
pub(super) fn definite_noun(a: &Analysis, k: usize) -> Option<&'static str> {
    // "attended only Saturday's sessions": a day's possessive is a determiner too.
    let k = if a.lower(k) == "only" { k + 1 } else { k };
    let day = |w: &str| {
        matches!(
            w,
            "today" | "yesterday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
    };
    let k = if day(a.lower(k)) && matches!(a.word(k + 1), "'s" | "\u{2019}s") { k + 1 } else { k };
    if !matches!(a.lower(k), "the" | "this" | "these" | "those" | "'s" | "\u{2019}s")
        || a.mention_at_tok(k + 1).is_some()
    {
        return None;
    }
    // "the expanded talks", "the restricted-format talks": modifiers before the noun.
    // "this morning's session": a time of day and its possessive.
    let noun = (k + 1..k + 4).find(|&j| noun_class(a.lower(j)).is_some())?;
    let modifiers = (k + 1..noun).all(|j| {
        let t = &a.toks[j];
        // After a determiner, "expanded" is a participle, not a verb.
        (t.is_word && !t.is_cap && a.mention_at_tok(j).is_none() && !matches!(a.lower(j), "and" | "or" | "of"))
            || matches!(a.word(j), "'s" | "\u{2019}s")
    });
    modifiers.then(|| noun_class(a.lower(noun))).flatten()
}

/// The kind of meeting a head noun names; "met" and "meet" are how gatherings are told.
fn noun_class(w: &str) -> Option<&'static str> {
    Some(match w {
        "talks" | "negotiations" | "discussions" => "talks",
        // "on the sidelines of the forum": the named forum or dialogue of the context.
        "summit" | "conference" | "forum" | "dialogue" => "summit",
        // "joined the conversation": any gathering of the context but a visit.
        // "chaired this morning's session": a sitting of the meeting of the context.
        // "took part in the bloc's meetings with its partners": the sittings of it.
        "meeting" | "met" | "meet" | "meets" | "conversation" | "session" | "meetings" | "sessions" => "meeting",
        "visit" | "visited" | "visiting" => "visit",
        _ => return None,
    })
}

/// Whether an attendance with `status` can be at meeting `m`: a planned or refused one
/// is not at a meeting long past, nor one that took place at a meeting that did not.
fn fits(a: &Analysis, m: usize, status: Status) -> bool {
    let Some(info) = a.ents[m].meeting.as_ref() else { return false };
    // Months back, not days: a weekday may be read a week off.
    let long_past = info.past || matches!((info.date, a.doc.date), (Some(d), Some(p)) if d.months_before(p) >= 2);
    // "next year's summit in Rio": no one has attended a meeting of a later month.
    let to_come = matches!((info.date, a.doc.date), (Some(d), Some(p))
        if (d.year, d.month.unwrap_or(1)) > (chrono::Datelike::year(&p), chrono::Datelike::month(&p)));
    match status {
        Status::Occurred => info.status.is_default_visible() && !to_come,
        // A refusal or a plan told without its meeting is about one to come or going on.
        _ => !long_past,
    }
}

/// Whether entity `m` is a meeting named with a noun of the kind `noun` (any kind for
/// none).
pub(super) fn of_kind(a: &Analysis, m: usize, noun: Option<&str>) -> bool {
    // "attended the meeting" after "talks were held": "meeting" is any gathering but a
    // visit.
    let any_gathering = noun == Some("meeting")
        && a.ents[m].meeting.as_ref().is_some_and(|i| i.class != Some(crate::analysis::MeetingClass::Visit));
    a.ents[m].kind == EntityKind::Meeting
        && (any_gathering
            || noun.is_none_or(|n| {
                a.mentions.iter().any(|x| x.ent == m && noun_class(a.lower(a.tok_at(x.span.start))) == Some(n))
            }))
}

/// The meeting an attendance that names none refers to: the nearest named before it
/// in its sentence, else after it in its sentence, else the last one of the previous
/// sentence of its paragraph. With `noun` ("the summit"), only a meeting named with a
/// noun of that kind. Another paragraph, or a meeting that cannot be the one (a past
/// meeting for a planned attendance), gives none.
pub(crate) fn meeting_in_context(a: &Analysis, tok: usize, noun: Option<&str>, status: Status) -> Option<usize> {
    let at = a.toks[tok].span.start;
    let sent = a.sent_of(at);
    // Not a meeting of a relative clause the attendance is outside of ("opened the
    // session after Algeria, which had held the presidency since the Algiers summit,
    // handed it over").
    let toks = a.sents[sent].tokens.clone();
    let relatives = crate::clause::relative_segments(a, toks.start, toks.end);
    let aside = |m: &crate::analysis::MentionRec| {
        let t = a.tok_at(m.span.start);
        relatives.iter().any(|&(s, e)| s < t && t < e && !(s < tok && tok < e))
    };
    let of_kind = |m: &crate::analysis::MentionRec| of_kind(a, m.ent, noun) && !aside(m);
    let here = a.mentions_in(sent);
    let before = here.iter().filter(|m| m.span.end <= at && of_kind(m)).max_by_key(|m| m.span.start);
    let after = || here.iter().filter(|m| m.span.start > at && of_kind(m)).min_by_key(|m| m.span.start);
    let previous = || {
        let prev = a.previous_in_paragraph(sent)?;
        a.mentions_in(prev).into_iter().filter(|m| of_kind(m)).max_by_key(|m| m.span.start).map(|m| m.ent)
    };
    let found = before.or_else(after).map(|m| m.ent).or_else(previous)?;
    fits(a, found, status).then_some(found)
}

/// The meeting an article is about, as told before byte `before`: of those that took
/// place and are not long past, the one named most often (the first named, on a tie).
/// What a participant list told without its meeting ("Leaders who did attend included
/// ...") refers to; a meeting the story comes to only later is not yet its subject.
pub(crate) fn principal_meeting(a: &Analysis, before: usize) -> Option<usize> {
    let mut counts: std::collections::BTreeMap<usize, (usize, std::cmp::Reverse<usize>)> = Default::default();
    for m in a.mentions.iter().filter(|m| m.span.start < before) {
        if m.kind == EntityKind::Meeting {
            let e = counts.entry(m.ent).or_insert((0, std::cmp::Reverse(m.span.start)));
            e.0 += 1;
            e.1 = e.1.max(std::cmp::Reverse(m.span.start));
        }
    }
    counts
        .into_iter()
        .filter(|&(m, _)| {
            a.ents[m].meeting.as_ref().is_some_and(|i| i.status == Status::Occurred) && fits(a, m, Status::Planned)
        })
        .max_by_key(|&(_, c)| c)
        .map(|(m, _)| m)
}

/// For a participle at token `i` that opens its sentence's first clause ("After
/// attending the summit, he flew home"): the person who opens the clause after the
/// next comma.
pub(super) fn fronted_subject(a: &Analysis, i: usize) -> Option<(usize, crate::model::Span)> {
    let sent_end = a.sents[a.sent_of(a.toks[i].span.start)].tokens.end;
    let comma = (i + 1..sent_end.min(i + 15)).find(|&k| crate::clause::is_comma(a, k))?;
    let m = a.mention_at_tok(comma + 1)?;
    (m.kind == EntityKind::Person).then_some((m.ent, m.span))
}

/// "the meeting of South American presidents that Lula hosted", "the summit, which Xi
/// attended": for the verb at token `i` whose object is a relative pronoun, the meeting
/// named just before that pronoun, with its span.
pub(super) fn relative_meeting(a: &Analysis, i: usize) -> Option<(usize, crate::model::Span)> {
    let first = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
    let that = (i.saturating_sub(8).max(first)..i).rev().find(|&k| matches!(a.lower(k), "that" | "which"))?;
    if (that + 1..i).any(|k| crate::clause::finite_verb_at(a, k)) {
        return None;
    }
    (that.saturating_sub(6).max(first)..that)
        .rev()
        .take_while(|&k| !crate::clause::finite_verb_at(a, k))
        .find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Meeting))
        .map(|m| (m.ent, m.span))
}
