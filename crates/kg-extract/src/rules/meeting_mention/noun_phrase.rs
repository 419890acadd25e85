//! The noun phrase of a meeting noun: the words that may modify it, and the name,
//! organiser, place and date the phrase gives ("the November 2023 Woodside Summit",
//! "NATO foreign ministers' meeting"), or the organiser after it ("a meeting of").

use crate::analysis::Analysis;
use crate::model::{EntityKind, Span};

/// Lower-case words that may modify a meeting noun inside its noun phrase; verbs,
/// function words and participles end the phrase.
fn np_modifier(w: &str) -> bool {
    static STOP: crate::text::WordSet = crate::text::WordSet::new(&[
        "the",
        "a",
        "an",
        "of",
        "in",
        "at",
        "on",
        "and",
        "or",
        "for",
        "to",
        "with",
        "by",
        "after",
        "before",
        "during",
        "held",
        "hold",
        "holds",
        "holding",
        "have",
        "has",
        "had",
        "said",
        "says",
        "say",
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "began",
        "begin",
        "begins",
        "start",
        "starts",
        "resume",
        "resumes",
        "attend",
        "attends",
        "join",
        "joins",
        "host",
        "hosts",
        // Verbs of the clause, not modifiers: "after hosting talks", "attending
        // talks".
        "hosting",
        "attending",
        "joining",
        "chairing",
        "convening",
        "skipping",
        "boycotting",
        "following",
        "including",
        "chair",
        "chairs",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "first",
        "second",
        "third",
        "fourth",
        "next",
        "last",
        "new",
        "latest",
        "such",
        "any",
        "no",
        "not",
        "more",
        "than",
        "since",
        "from",
        "as",
        "into",
        "about",
        "between",
        "ahead",
        "amid",
        "while",
        "where",
        "when",
        "which",
        "who",
        "whose",
        "it",
        "they",
        "we",
        "he",
        "she",
        "there",
        "so",
        "but",
        "if",
        "over",
        "called",
        "call",
        "calls",
        "proposed",
        "propose",
        "set",
        "upcoming",
        "possible",
        "potential",
        "planned",
    ]);
    !STOP.contains(w)
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
}

/// The noun phrase before the trigger: its first token, a capitalised name ("Woodside
/// Summit"), an organiser ("NATO foreign ministers' meeting"), a place ("Istanbul
/// talks") and a date ("the November 2023 summit").
#[allow(clippy::type_complexity)]
pub(super) fn noun_phrase(
    a: &Analysis,
    i: usize,
) -> (usize, Option<String>, Option<usize>, Option<usize>, Option<crate::dates::DateValue>) {
    let sent_start = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
    let (mut start, mut org, mut place, mut date) = (i, None, None, None);
    let trigger_cap = a.toks[i].is_cap;
    let mut cap_run = trigger_cap;
    let mut name_start = i;
    let mut k = i;
    while k > sent_start && i - k < 6 {
        let prev = k - 1;
        let w = a.word(prev);
        let t = a.toks[prev];
        // "the first UK-EU summit", "the China-Arab States Summit": a compound of the
        // two sides is part of the phrase, and its country no place of the meeting.
        let compound =
            a.mention_at_tok(prev).filter(|m| m.span.end < t.span.end && w.contains(['-', '\u{2013}'])).map(|m| m.ent);
        if let Some(side) = compound {
            if a.ents[side].kind == EntityKind::Organization {
                org = org.or(Some(side));
            }
            k = prev;
            start = k;
            if cap_run {
                name_start = k;
            }
            continue;
        }
        if let Some(m) = a.mention_at_tok(prev) {
            match m.kind {
                EntityKind::Organization => org = org.or(Some(m.ent)),
                // "the East Asia Summit": a region in a name is not its place.
                EntityKind::Location if !crate::meetings::is_vague(&a.ents[m.ent]) => place = place.or(Some(m.ent)),
                _ => {}
            }
            if !matches!(m.kind, EntityKind::Organization | EntityKind::Location) {
                break;
            }
            k = a.tok_at(m.span.start);
            start = k;
            if cap_run {
                name_start = k;
            }
            continue;
        }
        if let Some(d) = a.date_covering(t.span) {
            // A date ends the phrase: it dates the meeting but is no part of its name.
            date = Some(d.value);
            break;
        }
        // "the 2019 summit": a bare year before the noun (no date alone, since a
        // number of four digits is often no year) dates it, and ends the phrase. The
        // story's own year tells no more than "the summit".
        if let Some(year) = modifier_year(w) {
            let this_year = a.doc.date.is_some_and(|p| chrono::Datelike::year(&p) == year);
            date = (!this_year).then_some(crate::dates::DateValue { year, month: None, day: None });
            break;
        }
        let lower_ok = !t.is_cap && t.is_word && np_modifier(w);
        let possessive = matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}");
        let cap_name = cap_run && t.is_cap && t.is_word && !crate::names::is_function_word(w);
        // "Trilateral Leaders' Summit", "Foreign Ministers' Meeting": a possessive inside
        // a capitalised name is part of it.
        let name_possessive = possessive && cap_run && prev > 0 && a.toks[prev - 1].is_cap && a.toks[prev - 1].is_word;
        if name_possessive {
            k = prev;
            start = k;
            continue;
        }
        // "Heads of Government Meeting", "Council of Foreign Ministers": "of" between
        // capitals inside a name.
        let name_of = w == "of" && cap_run && prev > sent_start && a.toks[prev - 1].is_cap && a.toks[prev - 1].is_word;
        if name_of {
            k = prev;
            start = k;
            continue;
        }
        if lower_ok || possessive || cap_name {
            if cap_name {
                name_start = prev;
            } else {
                cap_run = false;
            }
            k = prev;
            start = k;
        } else {
            break;
        }
    }
    // Headline case ("Proposed Talks In Turkey") names nothing.
    let headline = a.toks.get(i + 1).is_some_and(|t| t.is_cap && crate::names::is_function_word(a.word(i + 1)));
    let participle = name_start < i && {
        let w = a.lower(name_start);
        w.ends_with("ed") || w.ends_with("ing")
    };
    // "the 5th High-Level Cooperation Council": the number tells one session from another.
    let session = matches!(a.lower(i), "council" | "committee")
        && name_start > 0
        && crate::text::is_ordinal(a.word(name_start - 1));
    let name_from = if session { name_start - 1 } else { name_start };
    let name = (trigger_cap && name_start < i && !headline && !participle)
        .then(|| a.slice(Span::new(a.toks[name_from].span.start, a.toks[i].span.end)))
        // An organisation named with its article ("the Commonwealth") opens the name.
        .map(|n| n.strip_prefix("the ").unwrap_or(n).to_string())
        .filter(|n| n.split_whitespace().count() >= 2 && !n.contains(','));
    (start, name, org, place, date)
}

/// A year of four digits, 1900–2099, as a noun's modifier ("the 2019 summit").
fn modifier_year(w: &str) -> Option<i32> {
    let b = w.as_bytes();
    let digits = b.len() == 4 && b.iter().all(u8::is_ascii_digit) && matches!(&b[..2], b"19" | b"20");
    digits.then(|| w.parse().ok()).flatten()
}

/// "a meeting of foreign ministers from the military alliance": the organiser after.
pub(super) fn org_after(a: &Analysis, i: usize) -> Option<usize> {
    if !matches!(a.lower(i + 1), "of") {
        return None;
    }
    for k in i + 2..(i + 8).min(a.toks.len()) {
        if a.word(k) == "," || a.word(k) == "." {
            return None;
        }
        if let Some(m) = a.mention_at_tok(k) {
            if m.kind == EntityKind::Organization && matches!(a.lower(k - 1), "from" | "of" | "the") {
                return Some(m.ent);
            }
        }
    }
    None
}
