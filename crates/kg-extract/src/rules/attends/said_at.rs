//! "Xi said at the summit", "A and B signed the deal at a ceremony": the subject of a
//! verb of speaking or signing done "at" a meeting was there; so is the subject of a
//! sentence that opens "At the summit, ...", and whom they addressed there.

use crate::analysis::Analysis;
use crate::clause::{finite_verb_at, is_comma, subjects_of};
use crate::model::{EntityKind, Span};

/// Verbs done in person where they are done: who does them "at" a meeting is at it.
pub(super) const DONE_THERE: &[&str] = &[
    "signed",
    "sign",
    "signs",
    "said",
    "says",
    "told",
    "tells",
    "announced",
    "announces",
    "pledged",
    "unveiled",
    "declared",
    "urged",
    "warned",
    "shook",
    "posed",
    "delivered",
    // "represented India at the East Asia Summit".
    "represented",
];

/// Words that put the meeting after "at" outside the place of the act: "at a news
/// conference after the summit".
const NOT_THE_PLACE: &[&str] =
    &["after", "before", "following", "ahead", "of", "on", "about", "over", "since", "for", "to"];

/// For "at" at token `at` before the meeting mentioned at `meeting`: the persons whose
/// act of `DONE_THERE` took place there, with the verb's token.
pub(super) fn subjects_done_at(
    a: &Analysis,
    at: usize,
    meeting: Span,
    clause_start: usize,
) -> Option<(Vec<(usize, Span)>, usize)> {
    let head = a.tok_at(meeting.start);
    if (at + 1..head).any(|k| NOT_THE_PLACE.contains(&a.lower(k)) || is_comma(a, k)) {
        return None;
    }
    acted_before(a, at, clause_start, 5, |w| DONE_THERE.contains(&w))
}

/// The persons who did, by the last finite verb before token `tok` in its clause (no
/// comma after it, at most `gap` words before `tok`), an act `act` accepts; with the
/// verb's token. "said that discussions at the summit had covered": what follows "that"
/// belongs to what was said, so a verb before it does not count.
pub(super) fn acted_before(
    a: &Analysis,
    tok: usize,
    clause_start: usize,
    gap: usize,
    act: impl Fn(&str) -> bool,
) -> Option<(Vec<(usize, Span)>, usize)> {
    let verb = (clause_start..tok).rev().take(12).find(|&k| finite_verb_at(a, k) || is_comma(a, k))?;
    if is_comma(a, verb) || !act(a.lower(verb)) {
        return None;
    }
    if tok > verb + gap || (verb + 1..tok).any(|k| matches!(a.lower(k), "that" | "which" | "who" | "whether" | "if")) {
        return None;
    }
    let subjects: Vec<_> =
        subjects_of(a, verb).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person).collect();
    (!subjects.is_empty()).then_some((subjects, verb))
}

/// Verbs whose object was addressed in person where the act took place.
const ADDRESSED: &[&str] =
    &["told", "pressed", "urged", "asked", "assured", "warned", "thanked", "briefed", "congratulated"];

/// "At a strategic dialogue in Brussels on July 2, the EU's foreign policy chief, Kaja
/// Kallas, pressed Foreign Minister Wang Yi": for "at" at token `at` opening its
/// sentence (after a date at most), the subject of the clause after the meeting's
/// comma and, for a verb of addressing, its objects; with the verb's token.
pub(super) fn fronted_at(a: &Analysis, at: usize, meeting: Span) -> Option<(Vec<(usize, Span)>, usize)> {
    let sent = &a.sents[a.sent_of(a.toks[at].span.start)];
    let opens = (sent.tokens.start..at)
        .all(|k| is_comma(a, k) || a.lower(k) == "on" || a.date_covering(a.toks[k].span).is_some());
    if !opens {
        return None;
    }
    let end = sent.tokens.end;
    let comma = (a.tok_at(meeting.end)..end.min(a.tok_at(meeting.end) + 8)).find(|&k| is_comma(a, k))?;
    let verb = (comma + 1..end.min(comma + 16)).find(|&k| finite_verb_at(a, k))?;
    // The subject: the last person named before the verb ("the EU's foreign policy
    // chief, Kaja Kallas, pressed").
    let subject = (comma + 1..verb).rev().find_map(|k| {
        let m = a.mention_at_tok(k)?;
        (m.kind == EntityKind::Person).then_some((m.ent, m.span))
    })?;
    let mut persons = vec![subject];
    if ADDRESSED.contains(&a.lower(verb)) {
        persons.extend(crate::clause::objects_after(a, verb).into_iter().filter(|o| o.0 != subject.0));
    }
    Some((persons, verb))
}
