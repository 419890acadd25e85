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
