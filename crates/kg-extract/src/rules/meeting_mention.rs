//! **meeting_mention** — talks, meetings, summits, negotiations and visits, with the
//! organiser, place, date and status the sentence gives them.
//!
//! Matches: "talks", "negotiations", "meeting", "summit", "conference", "visit" and
//! "trip" (as nouns, a trip only "to" a place), "signing ceremony", "gathering" (only
//! with a place and a date), and named events ("Munich Security Conference", "NATO
//! Summit"); not "news/press conference". Attributes
//! come from the noun phrase ("NATO foreign ministers' meeting", "the November 2023
//! Woodside Summit", "Istanbul talks") and the rest of its clause ("in Doha on June
//! 3", "between A and B"). A mention that says nothing new refers to the last
//! compatible meeting.
//! Example: "Peace talks will take place in Doha on June 3. The talks ..." → one
//! meeting, planned, held in Doha, dated June 3.
//! Known false positives: a generic use ("talks are the only way") that follows a
//! specific meeting is taken as a reference to it; talks "after N hours of" which a
//! proposal came are taken as held even in a clause about the future without "will".

mod context;

use super::Rule;
use crate::analysis::{Analysis, MeetingClass, MeetingInfo};
use crate::clause::{clause_of, persons_in};
use crate::meetings::{date_in, place_after, resolve_meeting};
use crate::model::{EntityKind, Span, Status};
pub use context::visit_destination;
use context::{after_hours_of, day_before, purpose_place, where_place};

pub const RULE: Rule = Rule { name: "meeting_mention", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] =
    &["talks", "negotiations", "meeting", "summit", "conference", "visit", "trip", "gathering", "ceremony"];

fn class_of(word: &str) -> Option<MeetingClass> {
    Some(match word {
        "talks" | "negotiations" => MeetingClass::Talks,
        "meeting" | "summit" | "conference" | "gathering" | "ceremony" => MeetingClass::Meeting,
        "visit" | "trip" => MeetingClass::Visit,
        _ => return None,
    })
}

/// Nouns of the list that name no diplomatic meeting in some phrases: "a news
/// conference" is someone speaking to reporters, a ceremony other than a signing is
/// no meeting of the parties.
fn not_a_meeting(a: &Analysis, i: usize, lower: &str) -> bool {
    let prev = if i > 0 { a.lower(i - 1) } else { "" };
    match lower {
        "conference" => matches!(prev, "news" | "press" | "video" | "phone"),
        "ceremony" => prev != "signing",
        _ => false,
    }
}

fn apply(a: &mut Analysis) {
    for i in 0..a.toks.len() {
        if !a.may_trigger(i) {
            continue;
        }
        let lower = a.lower(i);
        let Some(class) = class_of(lower) else {
            continue;
        };
        if a.mention_at_tok(i).is_some() || is_verb_use(a, i, lower) || not_a_meeting(a, i, lower) {
            continue;
        }
        let (np_start, name, org, place_before, date_before) = noun_phrase(a, i);
        let (clause_start, clause_end) = clause_of(a, i);
        // "Rubio, who sat in on the meeting in Riyadh, said he would meet ... on
        // Thursday": a meeting inside a relative clause takes its place and date there.
        let sent = &a.sents[a.sent_of(a.toks[i].span.start)].tokens;
        let clause_end = crate::clause::relative_segments(a, sent.start, sent.end)
            .into_iter()
            .find(|&(s, e)| s < i && i < e)
            .map_or(clause_end, |(_, e)| e);
        let mut info = MeetingInfo { class: Some(class), name, org, ..MeetingInfo::default() };
        info.org = info.org.or_else(|| org_after(a, i));
        info.place = if class == MeetingClass::Visit {
            // "a visit to Russia since the war in Ukraine began": only the destination;
            // a trip is "to" a place ("end the trip in Abu Dhabi" is its last stop).
            visit_destination(a, i).filter(|_| lower != "trip" || a.lower(i + 1) == "to")
        } else {
            place_before
                .or_else(|| where_place(a, clause_start))
                .or_else(|| place_after(a, i + 1, clause_end))
                .or_else(|| purpose_place(a, np_start))
        };
        info.date = date_before.or_else(|| date_in(a, i + 1, clause_end)).or_else(|| day_before(a, np_start));
        if a.lower(i + 1) == "between" {
            let ps = persons_in(a, i + 2, clause_end, false);
            info.participants = ps.iter().take(4).map(|&(e, _)| e).collect();
        }
        // Visits to a whole region are trips, not meetings.
        if class == MeetingClass::Visit && info.place.is_none() {
            continue;
        }
        // "a gathering" is a meeting only where and when it is told.
        if lower == "gathering" && (info.place.is_none() || info.date.is_none()) {
            continue;
        }
        // A bare "talks" is generic ("called for direct talks"); only a definite one
        // ("the talks", "Monday's talks") refers back to a meeting.
        let specific = info.name.is_some() || info.org.is_some() || info.place.is_some();
        let says_something = specific || info.date.is_some() || !info.participants.is_empty();
        let definite = np_start > 0
            && matches!(a.lower(np_start - 1), "the" | "this" | "these" | "those" | "its" | "their" | "his" | "her")
            || matches!(a.lower(np_start), "the" | "this" | "these" | "those")
            || (np_start..i).any(|k| matches!(a.word(k), "'s" | "\u{2019}s"));
        if !says_something && !definite {
            continue;
        }
        // The mention is kept: only now is its status read.
        let cues = clause_cues(a, clause_start, i, clause_end);
        info.status = meeting_status(a, np_start, i, &cues, info.date);
        // "rejected a proposal to hold a summit": the clause speaks of the meeting
        // itself, unless its verb is someone's attendance ("is not expected to attend").
        if info.status == Status::Occurred && !cues.attendance {
            let clause = crate::modality::status_at(a, np_start, None);
            // "ready to accept a proposal after eight hours of talks": the talks the
            // proposal follows have been held, whatever the clause says of the proposal.
            if !(clause == Status::Proposed && after_hours_of(a, np_start)) {
                info.status = clause;
            }
        }
        info.past = (np_start.saturating_sub(2)..i)
            .any(|k| matches!(a.lower(k), "last" | "previous" | "earlier" | "former" | "past"))
            || cues.ago;
        let np = Span::new(a.toks[np_start].span.start, a.toks[i].span.end);
        // The mention is the head noun: names inside the phrase keep their own mentions.
        let span = a.toks[i].span;
        let surface =
            if specific { strip_all(strip_all(a.slice(np), "the "), "The ").to_string() } else { String::new() };
        resolve_meeting(a, info, span, &surface, RULE.name);
    }
}

/// `s.trim_start_matches(prefix)`, without setting up a substring searcher.
fn strip_all<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

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

/// What the words of a meeting noun's clause say, read in one pass: a verb of
/// attendance before the noun, "ago" anywhere, and the cues of `meeting_status` after it.
#[derive(Default)]
struct ClauseCues {
    attendance: bool,
    ago: bool,
    cancelled: bool,
    planned: bool,
}

fn clause_cues(a: &Analysis, clause_start: usize, i: usize, clause_end: usize) -> ClauseCues {
    let mut cues = ClauseCues::default();
    let mut prev = "";
    for k in clause_start..clause_end {
        let w = a.lower(k);
        cues.ago |= w == "ago";
        if k < i {
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
            cues.cancelled |= matches!(w, "cancelled" | "canceled" | "postponed" | "scrapped" | "collapsed" | "failed")
                || (prev == "called" && w == "off");
            cues.planned |= matches!(w, "will" | "set" | "scheduled" | "expected" | "due" | "planned");
            prev = w;
        }
    }
    cues
}

/// Whether the meeting itself took place, from its own words: "proposed talks",
/// "the summit was cancelled", "talks are set to take place", or a date after
/// publication. Who attends it is another matter (read by `attends`).
fn meeting_status(
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
    if before.clone().any(|k| matches!(a.lower(k), "proposed" | "possible" | "potential" | "hypothetical")) {
        return Status::Proposed;
    }
    let future = matches!((date, a.doc.date), (Some(d), Some(p)) if d > crate::dates::DateValue::from_date(p) && d.day.is_some());
    if future
        || cues.planned
        || before.into_iter().any(|k| matches!(a.lower(k), "planned" | "upcoming" | "next" | "scheduled"))
    {
        return Status::Planned;
    }
    Status::Occurred
}

/// "after meeting X", "meeting with": the verb "meet", not the noun.
fn is_verb_use(a: &Analysis, i: usize, lower: &str) -> bool {
    let next_is_person = a.mention_at_tok(i + 1).is_some_and(|m| a.ents[m.ent].kind == EntityKind::Person);
    let prev = if i > 0 { a.lower(i - 1) } else { "" };
    match lower {
        // "looks forward to meeting Prime Minister Kishida": the verb.
        "meeting" => {
            let next_cap = a.toks.get(i + 1).is_some_and(|t| t.is_cap && t.is_word);
            (next_is_person || next_cap)
                && !matches!(prev, "a" | "the" | "his" | "her" | "their" | "its" | "'s" | "\u{2019}s")
        }
        "visit" => matches!(prev, "to" | "will" | "would" | "could" | "may" | "might") || next_is_person,
        _ => false,
    }
}

/// The noun phrase before the trigger: its first token, a capitalised name ("Woodside
/// Summit"), an organiser ("NATO foreign ministers' meeting"), a place ("Istanbul
/// talks") and a date ("the November 2023 summit").
#[allow(clippy::type_complexity)]
fn noun_phrase(
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
        if let Some(m) = a.mention_at_tok(prev) {
            match a.ents[m.ent].kind {
                EntityKind::Organization => org = org.or(Some(m.ent)),
                EntityKind::Location => place = place.or(Some(m.ent)),
                _ => {}
            }
            if !matches!(a.ents[m.ent].kind, EntityKind::Organization | EntityKind::Location) {
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
        let lower_ok = !t.is_cap && t.is_word && np_modifier(w);
        let possessive = matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}");
        let cap_name = cap_run && t.is_cap && t.is_word && !crate::names::is_function_word(w);
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
    let name = (trigger_cap && name_start < i && !headline && !participle)
        .then(|| a.slice(Span::new(a.toks[name_start].span.start, a.toks[i].span.end)).to_string())
        .filter(|n| n.split_whitespace().count() >= 2 && !n.contains(','));
    (start, name, org, place, date)
}

/// "a meeting of foreign ministers from the military alliance": the organiser after.
fn org_after(a: &Analysis, i: usize) -> Option<usize> {
    if !matches!(a.lower(i + 1), "of") {
        return None;
    }
    for k in i + 2..(i + 8).min(a.toks.len()) {
        if a.word(k) == "," || a.word(k) == "." {
            return None;
        }
        if let Some(m) = a.mention_at_tok(k) {
            if a.ents[m.ent].kind == EntityKind::Organization && matches!(a.lower(k - 1), "from" | "of" | "the") {
                return Some(m.ent);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge, meeting_date};

    #[test]
    fn talks_with_place_and_date_then_a_bare_reference() {
        let x =
            extract("Peace talks will take place in Doha on June 3. The talks are expected to be hard.", "2024-05-30");
        let meetings: Vec<_> = x.entities.iter().filter(|e| e.id.starts_with("meeting:")).collect();
        assert_eq!(meetings.len(), 1, "{meetings:?}");
        assert!(has_edge(&x, &meetings[0].id, "held_in", "location:doha"));
        assert_eq!(meeting_date(&x, &meetings[0].id).as_deref(), Some("2024-06-03"));
    }

    fn meetings(x: &crate::model::Extraction) -> Vec<String> {
        x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).collect()
    }

    /// Nouns that make a meeting only in some phrases, and those they make none in.
    #[test]
    fn meeting_nouns() {
        let cases: &[(&str, usize)] = &[
            ("Anna Brown told a news conference in Oslo that the plan was dead.", 0),
            ("The press conference in Oslo was cancelled.", 0),
            ("A wreath-laying ceremony in Oslo opened the day.", 0),
            ("A signing ceremony in Oslo on Monday sealed the deal.", 1),
            ("A gathering of envoys in Oslo on Monday ended without a deal.", 1),
            ("A gathering of envoys in Oslo ended without a deal.", 0),
            ("The visit followed Anna Brown's historic trip to Oslo.", 1),
            ("She will end the trip in Bergen on Friday.", 0),
            ("Envoys met for the 24th round of talks in Oslo on Monday.", 1),
        ];
        for (text, want) in cases {
            let x = extract(text, "2025-03-05");
            assert_eq!(meetings(&x).len(), *want, "{text}: {:?}", meetings(&x));
        }
    }

    /// Dates read around a meeting noun: the day before the clause's date for "a day
    /// after", a coming weekday when the clause speaks of a plan, and none from a
    /// relative clause's neighbour.
    #[test]
    fn meeting_dates() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "On Wednesday, a day after talks in Oslo, Anna Brown flew home.",
                "meeting:talks-oslo",
                Some("2025-03-04"),
            ),
            ("Anna Brown will attend a summit in Oslo on Monday.", "meeting:meeting-oslo", Some("2025-03-10")),
            ("Talks in Oslo are scheduled for Saturday.", "meeting:talks-oslo", Some("2025-03-08")),
            (
                "Anna Brown, who attended the summit in Oslo, said she would meet Ivan Petrov in Bergen on Friday.",
                "meeting:meeting-oslo",
                None,
            ),
        ];
        for (text, id, want) in cases {
            let x = extract(text, "2025-03-06");
            let found = x.entities.iter().find(|e| e.id == *id || e.id.starts_with(&format!("{id}@")));
            assert!(found.is_some(), "{text}: {:?}", meetings(&x));
            let date = found.and_then(|e| e.attributes.get("date")).map(String::as_str);
            assert_eq!(date, *want, "{text}");
        }
    }

    /// Talks that something follows took place, whatever is said of the thing; talks
    /// only offered did not.
    #[test]
    fn talks_that_a_proposal_follows() {
        let x =
            extract("Norway said it was ready to accept a proposal after eight hours of talks in Oslo.", "2025-03-05");
        assert_eq!(meetings(&x).len(), 1, "{:?}", meetings(&x));
        let x = extract("Norway said it was ready to hold talks in Oslo.", "2025-03-05");
        assert!(meetings(&x).is_empty(), "{:?}", meetings(&x));
    }

    #[test]
    fn named_summit_with_a_date_before_it() {
        let x = extract("They spoke at the November 2023 Lakeside Summit.", "2024-08-28");
        let m = x.entities.iter().find(|e| e.label == "Lakeside Summit");
        assert!(m.is_some(), "{:?}", x.entities);
        assert_eq!(m.and_then(|m| m.attributes.get("date")).map(String::as_str), Some("2023-11"));
    }
}
