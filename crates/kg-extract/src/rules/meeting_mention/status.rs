//! Whether a meeting took place, from the words of its own clause: the cues read in
//! one pass, and the status they give (cancelled, proposed, planned or held).

use crate::analysis::Analysis;
use crate::model::Status;

/// What the words of a meeting noun's clause say, read in one pass: a verb of
/// attendance before the noun, "ago" anywhere, and the cues of `meeting_status` after it.
#[derive(Default)]
pub(super) struct ClauseCues {
    pub(super) attendance: bool,
    pub(super) ago: bool,
    cancelled: bool,
    planned: bool,
    /// "the next round might not be held in Muscat", "could take place in Rome": a
    /// meeting only spoken of.
    hedged: bool,
}

pub(super) fn clause_cues(a: &Analysis, clause_start: usize, i: usize, clause_end: usize) -> ClauseCues {
    let mut cues = ClauseCues::default();
    let mut prev = "";
    for k in clause_start..clause_end {
        let w = a.lower(k);
        // Most words of a clause are none of the cues: one lookup tells, where the
        // tests below compared each word with every cue.
        if !CUE_WORDS.contains(w) {
            if k > i + 1 && matches!(a.lower(k + 1), "that" | "which") && super::nouns::class_of(w).is_some() {
                break;
            }
            if k > i {
                prev = w;
            }
            continue;
        }
        // "was over faster than anyone had expected", "went ahead as planned": a
        // comparison, not the meeting's plan.
        if w == "than" && k > i {
            break;
        }
        // "Biden's trip to Israel, and the Amman summit that never happened": the
        // relative clause of another meeting noun is that meeting's.
        if k > i + 1 && super::nouns::class_of(w).is_some() && matches!(a.lower(k + 1), "that" | "which") {
            break;
        }
        if prev == "as" && matches!(w, "expected" | "planned" | "scheduled") {
            prev = w;
            continue;
        }
        cues.ago |= w == "ago";
        if k < i {
            // "called off the meeting with the Russian leader", "shelved the visit": a
            // verb of calling off whose object the noun heads.
            let calls_off = calls_off(w) || (k > 0 && matches!(a.lower(k - 1), "called" | "put") && w == "off");
            cues.cancelled |= calls_off && i - k <= 4 && !(k + 1..i).any(|j| crate::clause::is_comma(a, j));
            cues.attendance |= matches!(
                w,
                "attend"
                    | "attends"
                    | "attending"
                    | "join"
                    | "joining"
                    | "travel"
                    | "go"
                    | "part"
                    | "skipped"
                    | "skip"
                    | "boycotted"
                    | "missed"
            );
        } else if k > i {
            // A summit that "collapsed" or "failed to produce a deal" took place (as in
            // `met_with::after_status`); one that "failed to take place" did not.
            let failed_to_happen = w == "failed"
                && a.lower(k + 1) == "to"
                && matches!(a.lower(k + 2), "take" | "happen" | "materialise" | "materialize" | "go");
            // "a meeting planned between the two ... never took place".
            let never_held = w == "never"
                && matches!(a.lower(k + 1), "took" | "happened" | "materialised" | "materialized" | "came");
            // "the visit did not take place", "the meeting was not held".
            let did_not_happen = w == "not"
                && (matches!(prev, "did" | "does" | "has" | "have")
                    && matches!(
                        a.lower(k + 1),
                        "take" | "happen" | "taken" | "happened" | "materialise" | "materialize"
                    )
                    || matches!(prev, "was" | "were") && a.lower(k + 1) == "held");
            // "the summit is off", "was quietly shelved", "was put off".
            let off = w == "off" && matches!(prev, "is" | "was" | "are" | "were" | "put" | "now");
            cues.cancelled |= calls_off(w)
                || off
                || failed_to_happen
                || never_held
                || did_not_happen
                || (prev == "called" && w == "off");
            // "is set to open", "set for June", not "set the tone".
            let set_for = w == "set" && matches!(a.lower(k + 1), "to" | "for");
            // "is being arranged": a meeting in preparation.
            let in_the_making = prev == "being" && matches!(w, "arranged" | "prepared" | "organised" | "organized");
            // "a visit ... remains on the agenda".
            let on_the_agenda = w == "agenda" && prev == "the";
            cues.hedged |= matches!(w, "might" | "could" | "may")
                && (k + 1..k + 4).any(|j| matches!(a.lower(j), "held" | "happen" | "place" | "convene" | "resume"));
            cues.planned |= set_for
                || in_the_making
                || on_the_agenda
                || matches!(
                    w,
                    "will" | "scheduled" | "expected" | "due" | "planned" | "slated" | "pencilled" | "penciled"
                );
            prev = w;
        }
    }
    // "he is due to attend a forum and to hold talks with Xi", "will hold talks": the
    // verb before the noun is still to come. Near it, with no comma between ("he will
    // not meet Putin, and the law rules out talks" is another verb's).
    let sent_start = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
    cues.planned |=
        (sent_start.max(i.saturating_sub(16))..i).rev().take_while(|&k| !crate::clause::is_comma(a, k)).any(|k| {
            let w = a.lower(k);
            matches!(w, "will" | "'ll")
                || matches!(w, "due" | "set" | "scheduled" | "expected" | "to")
                    && k > 0
                    && matches!(a.lower(k - 1), "is" | "are")
        });
    cues
}

/// Every word [`clause_cues`] reads a cue from (the nouns that end a clause's reach
/// apart): any other word only passes.
static CUE_WORDS: crate::text::WordSet = crate::text::WordSet::new(&[
    "than",
    "ago",
    "expected",
    "planned",
    "scheduled",
    "cancelled",
    "canceled",
    "postponed",
    "scrapped",
    "shelved",
    "axed",
    "off",
    "attend",
    "attends",
    "attending",
    "join",
    "joining",
    "travel",
    "go",
    "part",
    "skipped",
    "skip",
    "boycotted",
    "missed",
    "failed",
    "never",
    "not",
    "set",
    "arranged",
    "prepared",
    "organised",
    "organized",
    "agenda",
    "might",
    "could",
    "may",
    "will",
    "due",
    "slated",
    "pencilled",
    "penciled",
]);

/// Words that call a meeting off, before its noun ("shelved the visit") or after it
/// ("the summit was cancelled").
fn calls_off(w: &str) -> bool {
    matches!(w, "cancelled" | "canceled" | "postponed" | "scrapped" | "shelved" | "axed")
}

/// Whether the clause of the meeting noun at token `i` tells it called off ("the visit
/// did not take place", "the trip was cancelled").
pub(in crate::rules) fn told_called_off(a: &Analysis, i: usize) -> bool {
    let (start, end) = crate::clause::clause_of(a, i);
    clause_cues(a, start, i, end).cancelled
}

/// Whether the meeting itself took place, from its own words: "proposed talks",
/// "the summit was cancelled", "talks are set to take place", or a date after
/// publication. Who attends it is another matter (read by `attends`).
pub(super) fn meeting_status(
    a: &Analysis,
    np_start: usize,
    i: usize,
    cues: &ClauseCues,
    date: Option<crate::dates::DateValue>,
) -> Status {
    let before = np_start.saturating_sub(1)..i;
    if cues.cancelled {
        return Status::Cancelled;
    }
    if cues.hedged {
        return Status::Proposed;
    }
    // "a promise of further trade talks": talks still to be held.
    let promised =
        np_start >= 2 && a.lower(np_start - 1) == "of" && matches!(a.lower(np_start - 2), "promise" | "prospect");
    if promised
        || before
            .clone()
            .any(|k| matches!(a.lower(k), "proposed" | "possible" | "potential" | "hypothetical" | "further"))
    {
        return Status::Proposed;
    }
    // "saw no sign that any meeting between Kim and Trump was being prepared": no one
    // meeting.
    // "No public visit by the crown prince to Israel has been scheduled", "no meeting
    // between them is planned": none at all.
    if np_start > 0 && matches!(a.lower(np_start - 1), "any" | "no") || matches!(a.lower(np_start), "any" | "no") {
        return Status::Hypothetical;
    }
    // After publication: a later day, a later month, or a later year ("next year's
    // summit").
    let future = matches!((date, a.doc.date), (Some(d), Some(p)) if {
        let p = crate::dates::DateValue::from_date(p);
        match (d.month, d.day) {
            (_, Some(_)) => d > p,
            (Some(m), None) => (d.year, m) > (p.year, p.month.unwrap_or(12)),
            (None, None) => d.year > p.year,
        }
    });
    if future
        || cues.planned
        || before.into_iter().any(|k| matches!(a.lower(k), "planned" | "upcoming" | "next" | "scheduled"))
    {
        return Status::Planned;
    }
    Status::Occurred
}
