//! Edges and how two reports of one edge merge.

use std::cmp::Ordering;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use kg_extract::{Evidence, RelationKind, Status};
use serde::{Deserialize, Serialize};

/// Evidence kept per edge: the first this many pieces in evidence order. `count` still
/// counts every piece; the cap bounds memory on a large archive.
pub const MAX_EVIDENCE: usize = 32;

/// A relation between two nodes with (a bounded sample of) the evidence found for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    pub relation: RelationKind,
    pub status: Status,
    pub attributes: BTreeMap<String, String>,
    /// Sorted and deduplicated, at most [`MAX_EVIDENCE`], so output does not depend on
    /// input order.
    pub evidence: Vec<Evidence>,
    /// How many pieces of evidence support the edge (more than `evidence` holds when
    /// the cap was reached).
    pub count: usize,
    /// Earliest and latest publication date among the evidence.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

impl Edge {
    /// An edge supported by one piece of evidence.
    pub fn new(
        relation: RelationKind,
        status: Status,
        attributes: BTreeMap<String, String>,
        evidence: Evidence,
    ) -> Self {
        let date = evidence.date.clone();
        Edge {
            relation,
            status,
            attributes,
            evidence: vec![evidence],
            count: 1,
            first_date: date.clone(),
            last_date: date,
        }
    }

    /// Makes the evidence what an edge of a graph holds: sorted, deduplicated, capped.
    pub(super) fn normalize(&mut self) {
        sort_evidence(&mut self.evidence);
        self.count = self.count.max(self.evidence.len());
        self.evidence.truncate(MAX_EVIDENCE);
    }

    /// Merges another edge with the same key. Commutative and associative, so a graph
    /// does not depend on the order its parts arrive in.
    pub(super) fn absorb(&mut self, other: Edge) {
        merge_attributes(&mut self.attributes, other.attributes);
        let before = self.evidence.len();
        let added = merge_evidence(&mut self.evidence, other.evidence);
        // Beyond the cap the evidence lists are samples: add the counts.
        let union = before + added;
        let exact = union <= MAX_EVIDENCE && other.count <= MAX_EVIDENCE;
        self.count = if exact { union } else { self.count + other.count.max(added) };
        self.first_date = min_opt(self.first_date.take(), other.first_date);
        self.last_date = max_opt(self.last_date.take(), other.last_date);
    }

    /// The edge, leaving an empty one with the same key in its place (which costs no
    /// allocation, unlike removing it from a graph).
    pub(super) fn take(&mut self) -> Edge {
        Edge {
            relation: self.relation,
            status: self.status,
            attributes: std::mem::take(&mut self.attributes),
            evidence: std::mem::take(&mut self.evidence),
            count: self.count,
            first_date: self.first_date.take(),
            last_date: self.last_date.take(),
        }
    }
}

/// Sorts and deduplicates, skipping the sort for a list that already is (an edge from
/// another graph, or of one piece).
fn sort_evidence(evidence: &mut Vec<Evidence>) {
    if !evidence.windows(2).all(|w| w[0] < w[1]) {
        evidence.sort();
        evidence.dedup();
    }
}

/// Unites `theirs` into `mine` (sorted, deduplicated, at most [`MAX_EVIDENCE`]) keeping
/// the smallest [`MAX_EVIDENCE`]; returns how many of `theirs` `mine` did not hold.
fn merge_evidence(mine: &mut Vec<Evidence>, mut theirs: Vec<Evidence>) -> usize {
    if theirs.len() == 1 {
        // One document's piece, the common case: past the end of a full list it is
        // counted, not stored.
        let Some(ev) = theirs.pop() else { return 0 };
        return match mine.binary_search(&ev) {
            Ok(_) => 0,
            Err(pos) => {
                if pos < MAX_EVIDENCE {
                    mine.insert(pos, ev);
                    mine.truncate(MAX_EVIDENCE);
                }
                1
            }
        };
    }
    sort_evidence(&mut theirs);
    // One pass over both sorted lists instead of an insertion per piece.
    let mut merged = Vec::with_capacity((mine.len() + theirs.len()).min(MAX_EVIDENCE));
    let mut added = 0;
    let mut a = std::mem::take(mine).into_iter().peekable();
    let mut b = theirs.into_iter().peekable();
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.cmp(y) {
                Ordering::Less => a.next(),
                Ordering::Greater => {
                    added += 1;
                    b.next()
                }
                Ordering::Equal => {
                    b.next();
                    a.next()
                }
            },
            (Some(_), None) => a.next(),
            (None, Some(_)) => {
                added += 1;
                b.next()
            }
            (None, None) => break,
        };
        if merged.len() < MAX_EVIDENCE {
            merged.extend(next);
        }
    }
    *mine = merged;
    added
}

fn min_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_opt(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// Order-independent union of attribute maps: on a conflict the smaller value wins.
pub(super) fn merge_attributes(into: &mut BTreeMap<String, String>, from: BTreeMap<String, String>) {
    if into.is_empty() {
        *into = from;
        return;
    }
    for (k, v) in from {
        match into.entry(k) {
            Entry::Vacant(slot) => {
                slot.insert(v);
            }
            Entry::Occupied(mut have) => {
                if v < *have.get() {
                    have.insert(v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(doc: &str) -> Evidence {
        Evidence { doc: doc.into(), sentence: 0, start: 0, end: 1, rule: "t".into(), text: "x".into(), date: None }
    }

    fn edge(docs: &[String]) -> Edge {
        let mut e = Edge::new(RelationKind::MetWith, Status::Occurred, BTreeMap::new(), ev(&docs[0]));
        e.evidence = docs.iter().map(|d| ev(d)).collect();
        e.normalize();
        e
    }

    /// The insert-each-then-truncate merge this module replaced: its evidence and count.
    fn reference(mine: &Edge, other: &Edge) -> (Vec<Evidence>, usize) {
        let mut evidence = mine.evidence.clone();
        let mut added = 0;
        for e in &other.evidence {
            if let Err(pos) = evidence.binary_search(e) {
                evidence.insert(pos, e.clone());
                added += 1;
            }
        }
        let exact = evidence.len() <= MAX_EVIDENCE && other.count <= MAX_EVIDENCE;
        let count = if exact { evidence.len() } else { mine.count + other.count.max(added) };
        evidence.truncate(MAX_EVIDENCE);
        (evidence, count)
    }

    #[test]
    fn merging_evidence_matches_inserting_each_piece() {
        let docs = |range: std::ops::Range<usize>, step: usize| -> Vec<String> {
            range.step_by(step).map(|n| format!("d{n:03}")).collect()
        };
        let cases = [
            (docs(0..40, 1), docs(35..45, 1)),
            (docs(0..64, 2), docs(1..10, 2)),
            (docs(0..32, 1), docs(0..1, 1)),
            (docs(0..32, 1), docs(50..51, 1)),
            (docs(0..32, 1), docs(10..11, 1)),
            (docs(5..9, 1), docs(0..70, 3)),
            (docs(0..3, 1), docs(0..3, 1)),
        ];
        for (a, b) in cases {
            for (x, y) in [(&a, &b), (&b, &a)] {
                let (mut mine, other) = (edge(x), edge(y));
                let want = reference(&mine, &other);
                mine.absorb(other);
                assert_eq!((mine.evidence, mine.count), want);
            }
        }
    }
}
