//! Modality: what the wording of a clause says about whether its event happened —
//! declined, cancelled, hypothetical, proposed, planned, or occurred.

use crate::analysis::Analysis;
use crate::clause::{clause_of, is_comma, relative_segments_from};
use crate::model::{Span, Status};

// Words that give an event its status, by status; see `status_at`.
const DECLINE_CUES: &[&str] = &[
    "declined",
    "declines",
    "refused",
    "refuses",
    "rejected",
    "rejects",
    "shunned",
    "snubbed",
    "boycotted",
    "skipped",
    "skip",
    "skips",
    "missed",
    "denied",
    "denies",
    "deny",
];
const CANCEL_CUES: &[&str] = &[
    "cancelled",
    "canceled",
    "cancelling",
    "canceling",
    "cancels",
    "postponed",
    "postponing",
    "dashed",
    "scrapped",
    "scrapping",
    "lack",
    "abandoned",
    "abandoning",
];
const CONDITION_CUES: &[&str] = &["if", "unless", "until", "could", "might", "whether", "should", "hypothetical"];
const PROPOSAL_CUES: &[&str] = &[
    "offer",
    "offered",
    "offers",
    "proposed",
    "proposes",
    "propose",
    "proposal",
    "invited",
    "invitation",
    "invites",
    "challenged",
    "prepared",
    "ready",
    "willing",
    "wants",
    "want",
    "wanted",
    "hopes",
    "hope",
    "hoped",
    "seeks",
    "sought",
    "urged",
    "urges",
    "idea",
    "interest",
    "possible",
    "potential",
    "push",
    "pushed",
    "calls",
    "called",
    "asked",
    "demanded",
    "suggested",
    // "floated a meeting", "a summit was mooted": a proposal reported, not an event.
    "floated",
    "floating",
    "floats",
    "mooted",
    "touted",
];
const PLAN_CUES: &[&str] = &[
    "will",
    "slated",
    "pencilled",
    "penciled",
    "'ll",
    "shall",
    "set",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "planning",
    "upcoming",
    "due",
    "would",
    "going",
    "ahead",
    "forward",
];

// What a word may say in `status_at`, as bits: a word can say several things
// ("would" plans, "called" proposes and starts "called off").
const NEGATION: u32 = 1;
const DECLINE: u32 = 1 << 1;
const CANCEL: u32 = 1 << 2;
const CONDITION: u32 = 1 << 3;
const PROPOSAL: u32 = 1 << 4;
const PLAN: u32 = 1 << 5;
const WOULD: u32 = 1 << 6;
const REPORTED: u32 = 1 << 7;
const RULED: u32 = 1 << 8;
const OUT: u32 = 1 << 9;
const CALLED: u32 = 1 << 10;
const OFF: u32 = 1 << 11;
/// "was", "were", "been": with a `PLANNED_PART` after it, a plan that was.
const WAS: u32 = 1 << 12;
const PLANNED_PART: u32 = 1 << 13;
const TO: u32 = 1 << 14;
/// "agreed", "decided": with "to" after it, an event still to come ("agreed to convene
/// a summit"), but not alone ("agreed at their meeting").
const COMMIT: u32 = 1 << 15;

/// The bits of every cue word: one lookup per word of the stretch `status_at` reads,
/// which every rule asks of long clauses.
fn cue_bits(w: &str) -> u32 {
    /// The cue words' bits, and a bit per (first byte, length) of a cue word, which
    /// answers most words without hashing them.
    type Cues = (rustc_hash::FxHashMap<&'static str, u32>, Vec<u32>);
    static CUES: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    let (bits, shapes) = CUES.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        let groups: [(&[&'static str], u32); 15] = [
            (&["not", "never", "neither", "nor", "no"], NEGATION),
            (DECLINE_CUES, DECLINE),
            (CANCEL_CUES, CANCEL),
            (CONDITION_CUES, CONDITION),
            (PROPOSAL_CUES, PROPOSAL),
            (PLAN_CUES, PLAN),
            (&["would"], WOULD),
            (&["said", "says", "told", "adding", "added", "announced", "indicated", "stated", "confirmed"], REPORTED),
            (&["ruled"], RULED),
            (&["out"], OUT),
            (&["called"], CALLED),
            (&["off"], OFF),
            (&["was", "were", "been"], WAS),
            (&["scheduled", "expected", "set", "supposed", "due"], PLANNED_PART),
            (&["agreed", "agree", "agrees", "decided", "committed", "pledged", "vowed", "promised"], COMMIT),
        ];
        for (words, bit) in groups {
            for w in words {
                *m.entry(*w).or_insert(0) |= bit;
            }
        }
        m.insert("to", TO);
        let mut shapes = vec![0u32; 256];
        for w in m.keys() {
            if let Some(&b) = w.as_bytes().first() {
                shapes[usize::from(b)] |= 1 << w.len().min(31);
            }
        }
        (m, shapes)
    });
    let shape = w.as_bytes().first().map_or(0, |&b| shapes[usize::from(b)]);
    let found = if shape & (1 << w.len().min(31)) != 0 { bits.get(w).copied().unwrap_or(0) } else { 0 };
    if w.ends_with("n't") {
        found | NEGATION
    } else {
        found
    }
}

/// Status of the event named at `tok`, read from the words between its subject (or
/// the clause start) and the trigger, and from the trigger itself.
pub fn status_at(a: &Analysis, tok: usize, subject: Option<Span>) -> Status {
    let (start, _) = clause_of(a, tok);
    // From the subject's own stretch of the clause: "..., X said after meeting Y" does
    // not inherit the modality of what comes before the comma.
    let from = subject.map_or(start, |s| {
        let subject_tok = a.tok_at(s.start);
        (start..subject_tok).rev().find(|&i| is_comma(a, i)).map_or(start, |c| c + 1)
    });
    // "Albanese skipped the summit and sent Marles in his place": a second verb in the
    // past, joined by "and" or "but", tells an event of its own; the refusal or plan of
    // the first does not carry over ("will attend and speak" still does: no past).
    let from = if tok > from && matches!(a.lower(tok - 1), "and" | "but") && past_finite(a.lower(tok)) {
        tok - 1
    } else {
        from
    };
    // The relative clauses in order, passed with a cursor as the walk below goes on.
    let mut skip = relative_segments_from(a, from, tok).peekable();
    // "ready to accept a proposal for a ceasefire, after eight hours of talks": a
    // comma and "after" open an adverbial of its own, whose event (the talks) the
    // stance words before it do not govern; tense and conditions still carry over.
    let adverbial = (from..tok)
        .rev()
        .find(|&i| is_comma(a, i) && matches!(a.lower(i + 1), "after" | "following" | "amid"))
        .map_or(from, |c| c + 1);
    // One pass gathers what the words say; the order of the tests below decides.
    let (mut any, mut prev, mut last) = (0u32, 0u32, None);
    let (mut ruled_out, mut called_off, mut past_plan, mut commit_to) = (false, false, false, false);
    for i in from..tok {
        while skip.next_if(|&(_, e)| e <= i).is_some() {}
        if skip.peek().is_some_and(|&(s, _)| s <= i) {
            continue;
        }
        let w = a.lower(i);
        // `contains` with a non-ASCII char runs a substring search: test ASCII first.
        let mut bits =
            if !w.is_ascii() && w.contains('\u{2019}') { cue_bits(&w.replace('\u{2019}', "'")) } else { cue_bits(w) };
        if i < adverbial {
            bits &= PLAN | WOULD | CONDITION | REPORTED;
        }
        // "set to meet", "set for June"; not "set the tone". Nor "as expected",
        // "sooner than planned": a comparison with the plan.
        // "is to host", "are to meet": a plan; "was to visit": a plan of the past, which
        // may not have been kept (as "was scheduled to").
        // "is due to attend": the same plan.
        if matches!(w, "to" | "due") && i > from && matches!(a.lower(i - 1), "is" | "are") {
            bits |= PLAN;
        }
        past_plan |= w == "to" && i > from && matches!(a.lower(i - 1), "was" | "were");
        // Asked only of a word with a bit to clear: the words around the others are not
        // read (most words of a clause have none).
        if bits & (PLAN | PLANNED_PART) != 0 {
            let compared = i > 0 && matches!(a.lower(i - 1), "as" | "than")
                || i > 2 && (i - 3..i - 1).any(|k| a.lower(k) == "than");
            if w == "set" && !matches!(a.lower(i + 1), "to" | "for") || compared {
                bits &= !(PLAN | PLANNED_PART);
            }
        }
        ruled_out |= prev & RULED != 0 && bits & OUT != 0;
        called_off |= prev & CALLED != 0 && bits & OFF != 0;
        past_plan |= prev & WAS != 0 && bits & PLANNED_PART != 0;
        commit_to |= prev & COMMIT != 0 && bits & TO != 0;
        any |= bits;
        prev = bits;
        last = Some(bits);
    }
    let trigger = a.lower(tok);
    if any & (NEGATION | DECLINE) != 0 || ruled_out {
        return Status::Declined;
    }
    if any & CANCEL != 0 || called_off {
        return Status::Cancelled;
    }
    if any & CONDITION != 0 || (any & WOULD != 0 && any & REPORTED == 0) {
        return Status::Hypothetical;
    }
    if any & PROPOSAL != 0 || past_plan {
        return Status::Proposed;
    }
    if any & PLAN != 0 || commit_to {
        return Status::Planned;
    }
    // A bare infinitive ("to meet") is an intention, not an event; but a journey told
    // as done, for that purpose ("flew to Beijing on Sunday to meet Xi"), is how news
    // tells the meeting itself.
    if last.is_some_and(|bits| bits & TO != 0)
        && matches!(trigger, "meet" | "attend" | "host" | "visit" | "hold" | "take" | "participate" | "join")
        && !journey_for(a, from, tok)
    {
        return Status::Proposed;
    }
    if asked(a, tok) {
        return Status::Proposed;
    }
    if alleged(a, tok) {
        return Status::Alleged;
    }
    Status::Occurred
}

/// "CLAIM: Putin flew to Johannesburg and met Ramaphosa", "Posts shared on X say that
/// he met Xi", "Some versions add that ...", "allegedly met": an event told as
/// somebody's unverified claim, as fact-checks and rumour stories tell it. Read over
/// the sentence up to the trigger, since a claim's source often sits before commas.
/// Claims by officials ("Lavrov said the talks were useful") are news, not hearsay:
/// only sources that are rumour by nature, or the words of claiming, count.
fn alleged(a: &Analysis, tok: usize) -> bool {
    let first = a.sents[a.sent_of(a.toks[tok].span.start)].tokens.start;
    // A fact-check's label: "CLAIM: ...".
    if a.lower(first) == "claim" && a.word(first + 1) == ":" {
        return true;
    }
    let mut hearsay = false;
    for k in first..tok {
        match a.lower(k) {
            "allegedly" | "purportedly" | "supposedly" | "rumoured" | "rumored" => return true,
            "posts" | "rumours" | "rumors" | "versions" => hearsay = true,
            "that"
                if k > first
                    && matches!(
                        a.lower(k - 1),
                        "claim" | "claims" | "claimed" | "alleged" | "alleges" | "rumours" | "rumors"
                    ) =>
            {
                return true
            }
            "say" | "says" | "said" | "add" | "adds" | "added" | "claim" | "claims" | "claimed" | "suggest"
            | "suggests" | "suggested" | "allege" | "alleges" | "alleged"
                if hearsay =>
            {
                return true
            }
            _ => {}
        }
    }
    false
}

/// "And the meeting between Rubio and Lavrov?": a question without a verb asks whether
/// the event happened, rather than telling it. A question with a verb often presupposes
/// its event ("When do Biden and Xi meet again?", "Can the minister update the Senate on
/// the Prime Minister's visit?"), so only the verbless one is read so.
fn asked(a: &Analysis, tok: usize) -> bool {
    let sent = &a.sents[a.sent_of(a.toks[tok].span.start)];
    let toks = sent.tokens.clone();
    let last = toks.clone().rev().find(|&k| !crate::clause::is_quote_mark(a, k));
    last.is_some_and(|k| a.word(k) == "?")
        && !toks.into_iter().any(|k| {
            crate::clause::finite_verb_at(a, k)
                || matches!(
                    a.lower(k),
                    "did"
                        | "do"
                        | "does"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "should"
                        | "may"
                        | "might"
                )
        })
}

/// A journey in the simple past between `from` and the infinitive at `tok`, in one
/// stretch without a comma: "went to the White House to meet".
pub fn journey_for(a: &Analysis, from: usize, tok: usize) -> bool {
    // The journey has a destination of its own: not "came out to meet".
    let marker = tok.saturating_sub(1);
    (from..marker).rev().take_while(|&k| !is_comma(a, k)).any(|k| {
        matches!(a.lower(k), "flew" | "travelled" | "traveled" | "went" | "came" | "arrived" | "headed" | "journeyed")
            && k + 1 < marker
            && matches!(a.lower(k + 1), "to" | "into" | "in")
    })
}

/// A verb in the simple past: "-ed", or one of the irregular verbs of meeting news.
fn past_finite(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(w, "sent" | "met" | "held" | "went" | "took" | "spoke" | "came" | "flew" | "left" | "gave" | "made")
}

/// What the words after an event's noun say of it, when the noun sits in the subject
/// ("a summit with X on the sidelines of Y is being arranged", "... was called off"):
/// `Some(status)` for a plan or a cancellation told between tokens `from` and `to`.
pub fn status_after(a: &Analysis, from: usize, to: usize) -> Option<Status> {
    let mut prev = "";
    for k in from..to {
        let w = a.lower(k);
        if matches!(w, "cancelled" | "canceled" | "postponed" | "scrapped") || (prev == "called" && w == "off") {
            return Some(Status::Cancelled);
        }
        let in_the_making = prev == "being" && matches!(w, "arranged" | "prepared" | "organised" | "organized");
        let set_for = w == "set" && matches!(a.lower(k + 1), "to" | "for");
        if in_the_making || set_for || matches!(w, "will" | "scheduled" | "expected" | "due" | "planned") {
            return Some(Status::Planned);
        }
        prev = w;
    }
    None
}

#[cfg(test)]
mod tests;
