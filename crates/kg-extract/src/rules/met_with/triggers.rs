//! The wordings of met_with: which tokens say that two persons met, and whether the
//! persons met are named after them ("met X", "held talks with X", "was greeted by
//! X") or are the coordinated subjects ("A and B held talks", "A and B shook hands").

use crate::analysis::Analysis;
use crate::model::EntityKind;

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
pub(super) const TRIGGERS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "talks",
    "negotiations",
    "meetings",
    "summit",
    "hosted",
    "hosts",
    "host",
    "hosting",
    "received",
    "receives",
    "welcomed",
    "welcomes",
    "greeted",
    "greets",
    "held",
    "hold",
    "holds",
    "holding",
    "had",
    "has",
    "have",
    "having",
    "sat",
    "seated",
    "sitting",
    "sit",
    "sits",
    "convenes",
    "convened",
    "convene",
    "between",
    "shook",
    "shake",
    "shakes",
    "shaking",
    "dined",
    "dines",
    "dine",
    "called",
    "calls",
    "call",
    "calling",
    "spoke",
    "speaks",
    "speak",
    "speaking",
    "talked",
    "talking",
    "flanked",
    "signed",
    "spent",
    "spends",
    "spend",
    "spending",
];

/// A trigger found at a token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Trigger {
    /// How many tokens it spans; the persons met follow its last token.
    pub len: usize,
    /// Whether the persons met may be named after it.
    pub objects: bool,
    /// Whether, with no one named after it, its coordinated subjects met each other.
    pub mutual: bool,
    /// "called on X": a courtesy call, unless X is urged "to" or "for" something.
    pub urging: bool,
}

impl Trigger {
    fn transitive(len: usize) -> Self {
        Trigger { len, objects: true, mutual: false, urging: false }
    }
    fn reciprocal(len: usize) -> Self {
        Trigger { len, objects: false, mutual: true, urging: false }
    }
}

/// Meeting nouns that "held" and "had" take ("held a summit", "had dinner").
fn held_noun(w: &str) -> bool {
    // "held a conversation" is in person unless a medium stands before it ("phone").
    matches!(
        w,
        "talks" | "meeting" | "meetings" | "negotiations" | "summit" | "discussions" | "consultations" | "conversation"
    )
}

fn had_noun(w: &str) -> bool {
    matches!(w, "dinner" | "lunch" | "breakfast" | "meal" | "talks" | "meeting" | "meetings" | "discussions")
}

/// Words that may stand between "held"/"had" and the meeting noun: determiners and
/// modifiers ("held their first direct talks", "held months of talks", "had a working
/// lunch"). A participle ("had planned a meeting") or a medium ("phone talks") may not.
fn filler(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && (w.contains('-') || !w.ends_with("ed"))
        && !matches!(
            w,
            "phone"
                | "telephone"
                | "video"
                | "virtual"
                | "online"
                | "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "who"
                | "with"
                | "to"
                | "for"
                | "on"
                | "in"
                | "at"
                | "by"
                | "no"
                | "not"
                | "never"
                | "been"
                | "be"
        )
}

/// "talks on the war in Ukraine with X", "a meeting in Lima with X": the token of
/// "with" after a topic or a place, if any.
fn topic_with(a: &Analysis, noun: usize) -> Option<usize> {
    let place = || a.toks.get(noun + 2).is_some_and(|t| t.is_cap) || a.lower(noun + 2) == "the";
    if !(matches!(a.lower(noun + 1), "on" | "about" | "over") || (matches!(a.lower(noun + 1), "in" | "at") && place()))
    {
        return None;
    }
    (noun + 2..noun + 12).find(|&k| a.lower(k) == "with").filter(|&with| {
        (noun + 2..with).all(|k| {
            let t = &a.toks[k];
            t.is_word && !crate::clause::finite_verb_at(a, k) && !matches!(a.lower(k), "and" | "but")
        })
    })
}

/// "held (their first direct) talks (on X) (with)", "had (a working) lunch (with)",
/// "held the 16th Japan-India Strategic Dialogue with X" (a meeting named at length).
fn held(a: &Analysis, i: usize, noun_ok: fn(&str) -> bool) -> Option<Trigger> {
    if let Some(with) = named_meeting_with(a, i) {
        return Some(Trigger::transitive(with + 1 - i));
    }
    // "he and Premier Li held the Annual Leaders' Meeting": the subjects met at it.
    if let Some(m) = named_meeting_after(a, i) {
        return Some(Trigger::reciprocal(a.tok_at(m.span.end) - i));
    }
    let noun = (i + 1..i + 6).take_while(|&k| k < a.toks.len()).find(|&k| noun_ok(a.lower(k)))?;
    if !(i + 1..noun).all(|k| filler(a.lower(k))) {
        return None;
    }
    if a.lower(noun + 1) == "with" {
        return Some(Trigger::transitive(noun + 2 - i));
    }
    // "held a meeting here with X".
    if matches!(a.lower(noun + 1), "here" | "there") && a.lower(noun + 2) == "with" {
        return Some(Trigger::transitive(noun + 3 - i));
    }
    if let Some(with) = topic_with(a, noun) {
        return Some(Trigger::transitive(with + 1 - i));
    }
    Some(Trigger::reciprocal(noun + 1 - i))
}

/// For "held" at `i`: the "with" right after a meeting mention that follows "held (the)"
/// ("held the Japan-U.S. Security Consultative Committee in Tokyo with X").
fn named_meeting_with(a: &Analysis, i: usize) -> Option<usize> {
    let m = named_meeting_after(a, i)?;
    // Past the meeting's own words (a bracketed short name, "in Tokyo") to "with".
    let after = a.tok_at(m.span.end);
    (after..(after + 8).min(a.toks.len()))
        .take_while(|&k| !crate::clause::finite_verb_at(a, k))
        .find(|&k| a.lower(k) == "with")
}

/// The meeting named at length right after "held (the)" at `i`: its mention is its head
/// noun, after the capitalised words of its name.
fn named_meeting_after(a: &Analysis, i: usize) -> Option<crate::analysis::MentionRec> {
    let start = if a.lower(i + 1) == "the" { i + 2 } else { i + 1 };
    (start..start + 10)
        .take_while(|&k| {
            a.toks.get(k).is_some_and(|t| t.is_cap || !t.is_word || a.word(k).starts_with(char::is_numeric))
        })
        .find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Meeting))
        .cloned()
}

/// "at their (first bilateral) meeting", "during their talks": a meeting the subjects
/// had, not one they plan ("their next meeting", "their proposed talks").
fn their_meeting(a: &Analysis, noun: usize) -> bool {
    let Some(their) = (noun.saturating_sub(3)..noun).rev().find(|&k| a.lower(k) == "their") else {
        return false;
    };
    their > 0
        && matches!(a.lower(their - 1), "at" | "during" | "in" | "after" | "following")
        && (their + 1..noun).all(|k| {
            let w = a.lower(k);
            filler(w) && !matches!(w, "next" | "upcoming" | "future" | "possible" | "potential" | "prospective")
        })
}

fn was(w: &str) -> bool {
    matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be")
}

/// The trigger starting at token `i`, if any.
pub(super) fn trigger(a: &Analysis, i: usize) -> Option<Trigger> {
    let w = a.lower(i);
    let next = a.lower(i + 1);
    let prev = if i > 0 { a.lower(i - 1) } else { "" };
    let next_is_person = || a.mention_at_tok(i + 1).is_some_and(|m| m.kind == EntityKind::Person);
    // "held talks with X": the trigger at "held" already covers the noun.
    let held_before = || {
        (i.saturating_sub(5)..i).any(|k| {
            let t = match a.lower(k) {
                "held" | "hold" | "holds" | "holding" => held(a, k, held_noun),
                "had" | "has" | "have" | "having" => held(a, k, had_noun),
                _ => None,
            };
            t.is_some_and(|t| k + t.len > i)
        })
    };
    match w {
        "met" | "meet" | "meets" => {
            Some(Trigger { len: if next == "with" { 2 } else { 1 }, objects: true, mutual: true, urging: false })
        }
        "meeting" if (next == "with" || next_is_person()) && !held_before() => {
            Some(Trigger::transitive(if next == "with" { 2 } else { 1 }))
        }
        // "A and B agreed at their bilateral meeting": the coordinated subjects met.
        "talks" | "negotiations" | "meetings" | "meeting" if next != "with" && their_meeting(a, i) => {
            Some(Trigger::reciprocal(1))
        }
        // "Trump's second summit with Kim": a summit with a person is a meeting with them.
        "summit" if next == "with" && a.mention_at_tok(i + 2).is_some() && !held_before() => {
            Some(Trigger::transitive(2))
        }
        // "Saturday's talks with X", "talks on trade with X": the talks of the clause's subject.
        "talks" | "negotiations" | "meetings" | "meeting" if !held_before() => {
            if next == "with" {
                Some(Trigger::transitive(2))
            } else {
                topic_with(a, i).map(|with| Trigger::transitive(with + 1 - i))
            }
        }
        // "was greeted (at the airport) by X": the persons after "by".
        "hosted" | "hosts" | "host" | "hosting" | "received" | "receives" | "welcomed" | "welcomes" | "greeted"
        | "greets"
            if was(prev) =>
        {
            let by = (i + 1..i + 8).take_while(|&k| !crate::clause::is_comma(a, k)).find(|&k| a.lower(k) == "by")?;
            Some(Trigger::transitive(by + 1 - i))
        }
        "hosted" | "hosts" | "host" | "hosting" | "received" | "receives" | "welcomed" | "welcomes" | "greeted"
        | "greets"
            // "welcomed them": the persons of the sentence before (see `the_two::them`).
            if a.toks.get(i + 1).is_some_and(|t| t.is_cap) || next_is_person() || next == "them" =>
        {
            Some(Trigger::transitive(1))
        }
        "held" | "hold" | "holds" | "holding" => held(a, i, held_noun),
        "had" | "has" | "have" | "having" => held(a, i, had_noun),
        "sat" | "sit" | "sits" if next == "down" && a.lower(i + 2) == "with" => Some(Trigger::transitive(3)),
        // "A and B sat down for talks".
        "sat" | "sit" | "sits"
            if next == "down" && a.lower(i + 2) == "for" && matches!(a.lower(i + 3), "talks" | "a" | "their") =>
        {
            let noun = (i + 3..i + 6).find(|&k| held_noun(a.lower(k)))?;
            Some(if a.lower(noun + 1) == "with" {
                Trigger::transitive(noun + 2 - i)
            } else {
                Trigger::reciprocal(noun + 1 - i)
            })
        }
        // "Ramaphosa, seated beside the president, did not raise his voice": side by side.
        "sat" | "seated" | "sitting" if matches!(next, "beside" | "alongside") => Some(Trigger::transitive(2)),
        "sat" | "seated" | "sitting" if next == "next" && a.lower(i + 2) == "to" => Some(Trigger::transitive(3)),
        // "Anwar, flanked by Hun Manet and Phumtham, told reporters": side by side.
        "flanked" if next == "by" => Some(Trigger::transitive(2)),
        "convenes" | "convened" | "convene" if next == "with" => Some(Trigger::transitive(2)),
        "dined" | "dines" | "dine" if next == "with" => Some(Trigger::transitive(2)),
        "shook" | "shake" | "shakes" | "shaking" if next == "hands" => {
            Some(if a.lower(i + 2) == "with" { Trigger::transitive(3) } else { Trigger::reciprocal(2) })
        }
        // "Xi and Putin signed a joint statement": leaders sign together where they meet
        // (not "signed separate deals", nor a letter signed apart).
        "signed" => {
            let noun = (i + 1..i + 7).find(|&k| crate::rules::meeting_mention::is_accord(a.lower(k)))?;
            let apart = (i + 1..noun).any(|k| matches!(a.lower(k), "separate" | "separately" | "letter"));
            // "the security and defence partnership": an "and" inside the accord's name.
            let word =
                |k: usize| filler(a.lower(k)) || (a.lower(k) == "and" && !crate::clause::finite_verb_at(a, k + 1));
            if apart || !(i + 1..noun).all(word) {
                return None;
            }
            // "signed a joint statement (at the summit) with A and B": the co-signers.
            let with = (noun + 1..noun + 8)
                .take_while(|&k| a.toks.get(k).is_some_and(|t| t.is_word) && !crate::clause::finite_verb_at(a, k))
                .find(|&k| a.lower(k) == "with");
            Some(with.map_or(Trigger::reciprocal(1), |w| Trigger::transitive(w + 1 - i)))
        }
        // "spent some three hours with Putin", "spent the afternoon with X".
        "spent" | "spends" | "spend" | "spending" => {
            let with = (i + 1..i + 7).find(|&k| a.lower(k) == "with")?;
            let timed = (i + 1..with).any(|k| {
                matches!(
                    a.lower(k),
                    "hour"
                        | "hours"
                        | "minutes"
                        | "day"
                        | "days"
                        | "afternoon"
                        | "morning"
                        | "evening"
                        | "night"
                        | "time"
                )
            });
            (timed && (i + 1..with).all(|k| filler(a.lower(k)))).then(|| Trigger::transitive(with + 1 - i))
        }
        // "paid a courtesy call on the Prime Minister".
        "call" | "calls" if prev == "courtesy" && next == "on" => Some(Trigger::transitive(2)),
        // "called on the prime minister": a courtesy call in diplomatic English.
        "called" | "calls" | "call" | "calling" if next == "on" && a.toks.get(i + 2).is_some_and(|t| t.is_cap) => {
            Some(Trigger { len: 2, objects: true, mutual: false, urging: true })
        }
        // "spoke directly": in person, unlike a bare "spoke with" (often a phone call).
        "spoke" | "speaks" | "speak" | "speaking" | "talked" | "talking" => {
            let len = match (next, a.lower(i + 2)) {
                ("directly" | "face-to-face", _) => 2,
                ("in", "person") => 3,
                _ => return None,
            };
            Some(if a.lower(i + len) == "with" { Trigger::transitive(len + 1) } else { Trigger::reciprocal(len) })
        }
        _ => None,
    }
}
