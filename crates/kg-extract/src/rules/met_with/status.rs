//! The status the wording gives a meeting told by a verb: "were cancelled" after the
//! names, the base form "to meet", the present "meets".

use crate::analysis::Analysis;
use crate::clause::clause_of;
use crate::modality::journey_for;
use crate::model::Status;

/// The status a clause gives its subject after the fact: "were cancelled", "will take
/// place", "was proposed". Talks that "collapsed", "broke down", "failed" or "ended
/// without a deal" took place; only "failed to take place" says they did not.
pub fn after_status(a: &Analysis, from: usize, to: usize) -> Status {
    let words: Vec<&str> = (from..to.min(a.toks.len())).map(|k| a.lower(k)).collect();
    // The first cue decides: "collapsed ... before a planned signing" took place.
    for (k, w) in words.iter().enumerate() {
        let next = words.get(k + 1).copied().unwrap_or("");
        match *w {
            "cancelled" | "canceled" | "postponed" | "scrapped" | "abandoned" => return Status::Cancelled,
            "called" if next == "off" => return Status::Cancelled,
            "failed"
                if next == "to"
                    && matches!(
                        words.get(k + 2).copied(),
                        Some("take" | "materialise" | "materialize" | "happen" | "occur")
                    ) =>
            {
                return Status::Cancelled
            }
            "collapsed" | "failed" | "broke" | "ended" | "stalled" | "lasted" | "took" | "produced" | "began" => {
                return Status::Occurred
            }
            "proposed" | "suggested" | "possible" | "could" | "might" | "may" | "floated" | "mooted" | "touted" => {
                return Status::Proposed
            }
            "will" | "would" | "planned" | "scheduled" | "expected" | "set" => return Status::Planned,
            _ => {}
        }
    }
    Status::Occurred
}

/// The base form of the verb ("to meet", "will meet") is never a past meeting.
pub(super) fn tense(a: &Analysis, i: usize, status: Status) -> Status {
    if status != Status::Occurred {
        return status;
    }
    match a.lower(i) {
        "meet" | "host" | "sit" | "hold" | "convene" | "have" | "shake" | "call" | "speak" | "dine" | "greet"
            if i > 0 && a.lower(i - 1) == "to" && !journey_for(a, clause_of(a, i).0, i) =>
        {
            Status::Proposed
        }
        _ => status,
    }
}

pub(super) fn present_tense(a: &Analysis, i: usize) -> bool {
    matches!(a.lower(i), "meets" | "hosts" | "convenes" | "receives" | "welcomes" | "holds" | "sits")
}

/// "There were reports that A and B met in a hotel. ... B has never met A.": a denial
/// of any meeting of the two refutes the reported one, which leaves the graph. A
/// meeting told as fact stays whatever is denied ("A met B in 2019 but has not met him
/// since").
pub(super) fn drop_refuted_reports(a: &mut Analysis) {
    use crate::model::RelationKind;
    fn words<'t>(a: &'t Analysis, sent: usize) -> Vec<&'t str> {
        a.sents[sent].tokens.clone().map(|k| a.lower(k)).collect()
    }
    let denial = |w: &[&str]| {
        !w.contains(&"since")
            && (w.contains(&"never")
                || w.windows(2).any(|p| p == ["not", "once"])
                || w.windows(3).any(|t| {
                    matches!(t, [_, "not", "met" | "meet"] | ["hasn't" | "haven't" | "didn't", "met" | "meet", _])
                }))
    };
    let reported = |w: &[&str]| {
        w.iter().any(|w| {
            matches!(
                *w,
                "reports" | "reported" | "reportedly" | "allegedly" | "rumours" | "rumors" | "rumoured" | "rumored"
            )
        })
    };
    let denied: Vec<(usize, usize)> = a
        .rels
        .iter()
        .filter(|r| r.kind == RelationKind::MetWith && r.status == Status::Declined && denial(&words(a, r.sent)))
        .map(|r| (r.src, r.dst))
        .collect();
    if denied.is_empty() {
        return;
    }
    let refuted: Vec<bool> = a
        .rels
        .iter()
        .map(|r| {
            r.kind == RelationKind::MetWith
                && r.status == Status::Occurred
                && denied.iter().any(|&(s, d)| (s, d) == (r.src, r.dst) || (d, s) == (r.src, r.dst))
                && reported(&words(a, r.sent))
        })
        .collect();
    let mut k = 0;
    a.rels.retain(|_| {
        k += 1;
        !refuted[k - 1]
    });
}
