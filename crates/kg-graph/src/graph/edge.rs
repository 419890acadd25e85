//! Edges and how two reports of one edge merge.

use std::cmp::Ordering;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use kg_extract::{Evidence, EvidenceRef, RelationKind, Status};
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

    /// Merges one piece of evidence with its relation's attributes: what absorbing
    /// `Edge::new(relation, status, attributes, evidence)` does, without building that
    /// edge. On an edge that holds [`MAX_EVIDENCE`] pieces, all smaller than the new
    /// one (a corpus read in date order makes most edges so), the piece is counted and
    /// its date at most copied into `first_date` or `last_date`; a borrowed piece
    /// ([`EvidenceRef`]) is copied only if it is kept.
    pub(super) fn absorb_one(&mut self, attributes: BTreeMap<String, String>, evidence: impl Piece) {
        merge_attributes(&mut self.attributes, attributes);
        let view = evidence.view();
        let (earlier, later) = match view.date {
            Some(d) => (
                self.first_date.as_deref().is_none_or(|first| d < first),
                self.last_date.as_deref().is_none_or(|last| d > last),
            ),
            None => (false, false),
        };
        if let Some(date) = view.date {
            if earlier {
                set_date(&mut self.first_date, date);
            }
            if later {
                set_date(&mut self.last_date, date);
            }
        }
        let before = self.evidence.len();
        let added = match place(&self.evidence, view) {
            Place::Held => 0,
            Place::Beyond => 1,
            Place::At(pos) => {
                if self.evidence.len() >= MAX_EVIDENCE {
                    // Dropped before the insertion, which then needs no room beyond the cap.
                    self.evidence.truncate(MAX_EVIDENCE - 1);
                }
                self.evidence.insert(pos, evidence.into_evidence());
                1
            }
        };
        let union = before + added;
        self.count = if union <= MAX_EVIDENCE { union } else { self.count + 1 };
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
        return match place(mine, ev.view()) {
            Place::Held => 0,
            Place::Beyond => 1,
            Place::At(pos) => {
                if mine.len() >= MAX_EVIDENCE {
                    mine.truncate(MAX_EVIDENCE - 1);
                }
                mine.insert(pos, ev);
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

/// Where one piece of evidence goes in a sorted, capped list.
enum Place {
    /// The list holds it already.
    Held,
    /// It sorts after the last of a full list: counted, not kept.
    Beyond,
    /// It is kept at this index.
    At(usize),
}

fn place(list: &[Evidence], ev: EvidenceRef<'_>) -> Place {
    // A full list whose last piece is smaller needs one comparison, not a search.
    if list.len() >= MAX_EVIDENCE && list.last().is_some_and(|last| last.view() < ev) {
        return Place::Beyond;
    }
    match list.binary_search_by(|x| x.view().cmp(&ev)) {
        Ok(_) => Place::Held,
        Err(pos) if pos < MAX_EVIDENCE => Place::At(pos),
        Err(_) => Place::Beyond,
    }
}

/// A piece of evidence for [`Edge::absorb_one`]: owned, or borrowed and copied if kept.
pub(super) trait Piece {
    fn view(&self) -> EvidenceRef<'_>;
    fn into_evidence(self) -> Evidence;
}

impl Piece for Evidence {
    fn view(&self) -> EvidenceRef<'_> {
        Evidence::view(self)
    }

    fn into_evidence(self) -> Evidence {
        self
    }
}

impl Piece for EvidenceRef<'_> {
    fn view(&self) -> EvidenceRef<'_> {
        *self
    }

    fn into_evidence(self) -> Evidence {
        self.into()
    }
}

/// Sets `slot` to `date`, in the room it has: a corpus read in date order moves an
/// edge's last date with every new document.
fn set_date(slot: &mut Option<String>, date: &str) {
    match slot {
        Some(have) => date.clone_into(have),
        None => *slot = Some(date.to_string()),
    }
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
    if from.is_empty() {
        return;
    }
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

    /// Pseudo-random pieces: few documents, sentences and dates, so that duplicates,
    /// ties and full lists all occur.
    fn pieces(seed: u64, n: usize) -> Vec<(BTreeMap<String, String>, Evidence)> {
        let mut state = seed;
        let mut next = move |m: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        (0..n)
            .map(|_| {
                let mut e = ev(&format!("d{:02}", next(60)));
                e.sentence = next(3) as usize;
                e.date = match next(5) {
                    0 => None,
                    d => Some(format!("2025-05-1{d}")),
                };
                let attrs = (0..next(3)).map(|k| (format!("k{k}"), format!("v{}", next(3)))).collect();
                (attrs, e)
            })
            .collect()
    }

    #[test]
    fn absorbing_one_piece_equals_absorbing_its_edge() {
        for seed in 0..200 {
            let mut pieces = pieces(seed, 10 + (seed as usize % 90)).into_iter();
            let Some((attrs, first)) = pieces.next() else { continue };
            let mut one = Edge::new(RelationKind::MetWith, Status::Occurred, attrs, first);
            one.normalize();
            let mut whole = one.clone();
            let mut borrowed = one.clone();
            for (attrs, e) in pieces {
                whole.absorb(Edge::new(RelationKind::MetWith, Status::Occurred, attrs.clone(), e.clone()));
                borrowed.absorb_one(attrs.clone(), e.view());
                one.absorb_one(attrs, e);
                assert_eq!(one, whole, "seed {seed}");
                assert_eq!(borrowed, whole, "seed {seed}");
            }
        }
    }
}
