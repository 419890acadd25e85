//! Which person of a clause is the subject of its verb, and where a list of persons
//! ends: the nearest clause's subject ("whose aide X", "Y's envoy X", "officials said
//! X would meet", "A met B, and C met D"), and ", and C visited" as a new clause.

use super::{is_comma, persons_in, relative_segments_from};
use crate::analysis::Analysis;
use crate::model::Span;

/// "Obama, whose secretary of state Kerry held talks": the verb sits in a relative
/// clause opened by "whose", and its subject is the possessed person, not the head.
pub(super) fn whose_subject(a: &Analysis, start: usize, tok: usize, quoted: bool) -> Option<(usize, Span)> {
    // The last relative clause still open at the verb, found without a list of them.
    let (open, _) = relative_segments_from(a, start, tok).filter(|&(_, close)| close >= tok).last()?;
    if a.lower(open + 1) != "whose" {
        return None;
    }
    persons_in(a, open + 2, tok, quoted).first().copied()
}

/// Reporting verbs: what follows them is another clause with its own subject.
fn is_reporting(w: &str) -> bool {
    matches!(w, "said" | "says" | "added" | "announced" | "stated" | "insisted" | "noted" | "confirmed" | "reported")
}

/// Words that show a finite verb: a subject before them has its own clause.
pub(crate) fn is_finite_verb(w: &str) -> bool {
    let w = w.as_bytes();
    (w.len() >= 4 && w.ends_with(b"ed") && w.iter().all(u8::is_ascii_lowercase))
        || matches!(
            w,
            b"said"
                | b"says"
                | b"met"
                | b"meets"
                | b"was"
                | b"is"
                | b"were"
                | b"are"
                | b"has"
                | b"had"
                | b"have"
                | b"will"
                | b"would"
                | b"held"
                | b"told"
                | b"spoke"
                | b"went"
                | b"came"
                | b"left"
                | b"took"
                | b"gave"
                | b"made"
                | b"can"
                | b"could"
                | b"may"
                | b"might"
                | b"shook"
                | b"sat"
                // Irregular pasts: "held talks with X and laid a wreath in Bucha".
                | b"laid"
                | b"flew"
                | b"began"
                | b"sent"
                | b"brought"
                | b"led"
                | b"paid"
                | b"spent"
                | b"stood"
                | b"struck"
                | b"became"
                | b"knew"
                | b"saw"
                | b"sought"
                | b"wrote"
                | b"won"
                | b"kept"
                | b"drove"
                | b"rose"
                | b"broke"
                | b"chose"
                | b"swore"
        )
}

/// Whether token `k` is a finite verb: "May" the month is not "may".
pub(crate) fn finite_verb_at(a: &Analysis, k: usize) -> bool {
    a.toks.get(k).is_some_and(|t| !t.is_cap) && is_finite_verb(a.lower(k))
}

/// Of the persons before the verb, the subject of the nearest clause.
pub(super) fn nearest_subject(
    a: &Analysis,
    candidates: &[(usize, Span)],
    start: usize,
    tok: usize,
) -> Option<(usize, Span)> {
    let mut from = 0;
    for k in 1..candidates.len() {
        let (prev_end, at) = (a.tok_at(candidates[k - 1].1.end), a.tok_at(candidates[k].1.start));
        // "said Witkoff would meet": a reported clause has its own subject.
        let reported = (a.tok_at(candidates[from].1.end)..at).any(|j| is_reporting(a.lower(j)));
        // "A met B on Monday, and C met D", "A cancelled plans to attend, and C sent
        // D": ", and" with a verb on both sides.
        let verb_next = finite_verb_at(a, a.tok_at(candidates[k].1.end));
        let new_clause = verb_next
            && (prev_end..at)
                .find(|&j| is_comma(a, j) && matches!(a.lower(j + 1), "and" | "but"))
                .is_some_and(|comma| (start..comma).any(|j| finite_verb_at(a, j)));
        // "A held talks with B, the first since C held talks with D": so does a
        // subordinate clause once the main clause has had its verb.
        let subordinate = verb_next && opens_subordinate(a, start, prev_end, at);
        // "While Xi was in the Kremlin, Kishida made a visit to Kyiv": after a fronted
        // subordinate clause, the main clause's subject follows its comma.
        // So after "The day after he left,": the subordinator right before the first
        // person.
        let opener = |j: usize| {
            matches!(
                a.lower(j),
                "while" | "when" | "as" | "after" | "before" | "although" | "though" | "because" | "if" | "once"
            )
        };
        let first_at = a.tok_at(candidates[from].1.start);
        let fronted = (verb_next || coordinated_before_verb(a, candidates, k))
            && k == from + 1
            && (opener(start) || first_at > start && opener(first_at - 1))
            && (prev_end..at).any(|j| is_comma(a, j));
        if reported || new_clause || subordinate || fronted {
            from = k;
        }
    }
    // "A held talks with B, the first since <someone not named> held talks": the
    // subordinate clause's subject is none of the persons before it.
    let last_end = a.tok_at(candidates.last()?.1.end);
    if opens_subordinate(a, start, last_end, tok) {
        return None;
    }
    // "Trump's envoy, retired General Kellogg, met": the possessor is not the subject.
    while from + 1 < candidates.len() && possessor_of_next(a, candidates[from].1, candidates[from + 1].1, tok) {
        from += 1;
    }
    candidates.get(from).copied()
}

/// "When X opened the summit, A and B were at the table": whether the candidate at `k`
/// opens a list of names joined by "and" or commas alone that a finite verb follows.
fn coordinated_before_verb(a: &Analysis, candidates: &[(usize, Span)], k: usize) -> bool {
    let mut last = k;
    while let Some(next) = candidates.get(last + 1) {
        let gap = a.text.get(candidates[last].1.end..next.1.start).unwrap_or("").trim();
        if !matches!(gap, "and" | "," | ", and") {
            break;
        }
        last += 1;
    }
    last > k && finite_verb_at(a, a.tok_at(candidates[last].1.end))
}

/// Whether a subordinate clause opens between tokens `from` and `to` after the main
/// clause (from `start`) has had its verb.
fn opens_subordinate(a: &Analysis, start: usize, from: usize, to: usize) -> bool {
    (from..to)
        .find(|&j| {
            matches!(a.lower(j), "since" | "when" | "while" | "because" | "although" | "though" | "until")
                // "since 2016", "until March": a preposition before a date, no clause.
                && !(matches!(a.lower(j), "since" | "until")
                    && a.toks.get(j + 1).is_some_and(|t| a.date_covering(t.span).is_some()))
        })
        .is_some_and(|j| (start..j).any(|v| finite_verb_at(a, v)))
}

/// Whether a mention is followed by "'s": "Trump's envoy".
pub(crate) fn is_possessor(a: &Analysis, span: Span) -> bool {
    matches!(a.word(a.tok_at(span.end)), "'s" | "\u{2019}s")
}

/// Whether a person mention is the possessor in a noun phrase that names the next
/// person ("Putin's aide Ushakov", "Trump's envoy, retired General Kellogg").
pub(crate) fn possessor_of_next(a: &Analysis, this: Span, next: Span, limit: usize) -> bool {
    if !is_possessor(a, this) {
        return false;
    }
    let after = a.tok_at(this.end);
    let next_tok = a.tok_at(next.start);
    next_tok <= limit
        && next_tok <= after + 9
        && (after + 1..next_tok).all(|j| {
            !matches!(
                a.lower(j),
                "and"
                    | "or"
                    | "with"
                    | "to"
                    | "for"
                    | "of"
                    | "by"
                    | "in"
                    | "on"
                    | "at"
                    | "between"
                    | "."
                    | "meeting"
                    | "meetings"
                    | "talks"
                    | "summit"
                    | "visit"
                    | "trip"
                    | "call"
            )
        })
}

/// ", and B visited": a person after ", and" followed by a verb is a new subject.
pub(super) fn starts_clause(a: &Analysis, from: usize, next: Span) -> bool {
    let gap = a.text.get(from..next.start).unwrap_or("");
    (gap.contains(", and ") || gap.contains(", but ")) && finite_verb_at(a, a.tok_at(next.end))
}

/// Words that open an adverbial ("on Monday", "at the White House"): after one, a
/// comma closes the clause rather than an appositive.
pub(super) fn opens_adverbial(w: &str) -> bool {
    matches!(
        w,
        "at" | "in"
            | "on"
            | "for"
            | "during"
            | "after"
            | "before"
            | "with"
            | "from"
            | "to"
            | "over"
            | "by"
            | "last"
            | "this"
            | "next"
            | "earlier"
            | "later"
            | "then"
            | "when"
            | "where"
            | "who"
            | "which"
            | "while"
    )
}
