//! The wordings of attends: which tokens start an attendance pattern, and how long the
//! pattern is ("took part in", "stayed away", "on the sidelines of").

use crate::analysis::Analysis;

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
pub(super) const TRIGGERS: &[&str] = &[
    "attend",
    "attends",
    "attended",
    "attending",
    "take",
    "takes",
    "took",
    "taking",
    "participate",
    "participates",
    "participated",
    "participating",
    "chaired",
    "chairs",
    "chairing",
    "chair",
    "hosted",
    "hosts",
    "skipped",
    "skips",
    "skip",
    "boycotted",
    "boycotts",
    "missed",
    "speaking",
    "spoke",
    "speaks",
    "joined",
    "joins",
    "join",
    "arrived",
    "arrives",
    "flew",
    "flies",
    "spent",
    "spends",
    "landed",
    "lands",
    "travelled",
    "traveled",
    "traveling",
    "travelling",
    "went",
    "go",
    "going",
    "sidelines",
    "margins",
    "at",
    "after",
    "following",
    "convened",
    "convenes",
    "convene",
    "sat",
    "sits",
    "sit",
    "between",
    "signed",
    "signs",
    "opened",
    "opening",
    "opens",
    "closed",
    "closing",
    "closes",
    "wrapped",
    "addressed",
    "addressing",
    "addresses",
    "hosting",
    "presided",
    "presides",
    "presiding",
    "stayed",
    "stays",
    "told",
    "tells",
];

/// Length of the trigger starting at token `i`.
pub(super) fn trigger(a: &Analysis, i: usize) -> Option<usize> {
    let w = a.lower(i);
    let n1 = a.lower(i + 1);
    let n2 = a.lower(i + 2);
    // "arrived in New Delhi on Monday for the annual summit", "spent six hours on the
    // ground in New Delhi for the summit": the journey's purpose, past its place and date.
    let purpose = match (w, n1) {
        ("arrived" | "arrives" | "flew" | "flies" | "landed" | "lands" | "travelled" | "traveled", "in" | "to") => {
            purpose_for(a, i + 2, 8)
        }
        ("spent" | "spends", _) => purpose_for(a, i + 1, 12),
        _ => None,
    };
    if let Some(for_tok) = purpose {
        return Some(for_tok + 1 - i);
    }
    Some(match (w, n1, n2) {
        ("attend" | "attends" | "attended" | "attending", _, _) => 1,
        ("take" | "takes" | "took" | "taking", "part", "in") => 3,
        ("participate" | "participates" | "participated" | "participating", "in", _) => 2,
        // "Blinken also participated.": the meeting of the context.
        ("participated" | "participate", _, _) => 1,
        ("chaired" | "chairs" | "chairing" | "chair" | "hosted" | "hosts", _, _) => 1,
        ("presided" | "presides" | "presiding", "over", _) => 2,
        // "Prime Minister Anwar presided.": the meeting of the context.
        ("presided" | "presides" | "presiding", _, _) => 1,
        ("skipped" | "skips" | "skip" | "boycotted" | "boycotts" | "missed", _, _) => 1,
        // "Putin stayed away (from the summit)."
        ("stayed" | "stays", "away", _) => 2,
        // "Hegseth stayed for Thursday's meeting of NATO defence ministers."
        ("stayed" | "stays", "for", _) => 2,
        ("speaking" | "spoke" | "speaks", "at", _) => 2,
        ("joined" | "joins" | "join", _, _) => 1,
        ("arrived" | "arrives", "for", _) => 2,
        ("travelled" | "traveled" | "traveling" | "travelling" | "went" | "go" | "going", "to", _) => 2,
        ("sidelines" | "margins", "of", _) => 2,
        ("convened" | "convenes" | "convene", _, _) => 1,
        ("sat" | "sits" | "sit", "in", "on") => 3,
        // Who opens, closes or addresses a meeting is there ("Lula, opening the
        // two-day meeting"; "Carney wrapped up the summit").
        (w, _, _) if object_only(w) && w != "wrapped" => 1,
        ("wrapped", "up", _) => 2,
        _ => return None,
    })
}

/// The "for" of a journey's purpose within `within` words from token `from`, past a
/// place and a date and before any comma or verb.
fn purpose_for(a: &Analysis, from: usize, within: usize) -> Option<usize> {
    (from..from + within)
        .take_while(|&k| k < a.toks.len() && !crate::clause::is_comma(a, k) && !crate::clause::finite_verb_at(a, k))
        .find(|&k| a.lower(k) == "for")
}

/// Verbs that say their subject was present only when the meeting is their object.
pub(super) fn object_only(w: &str) -> bool {
    matches!(
        w,
        // "told the summit that ...": who speaks to a meeting is at it.
        "told"
            | "tells"
            | "opened"
            | "opening"
            | "opens"
            | "closed"
            | "closing"
            | "closes"
            | "wrapped"
            | "addressed"
            | "addressing"
            | "addresses"
            | "hosting"
    )
}
