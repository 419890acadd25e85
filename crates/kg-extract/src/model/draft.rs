//! An extraction whose evidence is not written out yet.
//!
//! A graph keeps at most a few dozen pieces of evidence per edge, and most relations
//! of a corpus are of an edge already full: on 12 MB of news 59,687 relations reach the
//! graph and 5,881 pieces stay in it. Each piece an [`Extraction`] holds copies the
//! document's id, its date, the rule's name and the whole sentence, to be freed at
//! once. A [`Draft`] says where each piece is instead, and whoever reads it copies only
//! the pieces it keeps ([`Origin::evidence`]) — or all of them
//! ([`Draft::into_extraction`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{
    default_visible, hidden_by_default, Entity, EvidenceRef, Extraction, Mention, Relation, RelationKind, Span, Status,
};

/// What all the evidence of one document shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin<'d> {
    /// The document's id.
    pub doc: &'d str,
    /// The article as written, of which evidence sentences are spans.
    pub text: &'d str,
    /// Publication date of the document, when known (YYYY-MM-DD).
    pub date: Option<String>,
}

impl Origin<'_> {
    /// The evidence at `at`, borrowed from this origin and `at`.
    pub fn evidence<'a>(&'a self, at: &EvidenceAt) -> EvidenceRef<'a> {
        EvidenceRef {
            doc: self.doc,
            sentence: at.sentence,
            start: at.start,
            end: at.end,
            rule: at.rule,
            text: self.text.get(at.text.start..at.text.end).unwrap_or(""),
            date: self.date.as_deref(),
        }
    }
}

/// A piece of evidence less what its [`Origin`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceAt {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub rule: &'static str,
    /// The sentence, as a span of the article.
    pub text: Span,
}

/// A [`Relation`] between two entities of its draft, given by index, with its evidence
/// in the draft's origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRelation {
    pub kind: RelationKind,
    /// Index of the source in the draft's entities.
    pub source: usize,
    /// Index of the target in the draft's entities.
    pub target: usize,
    pub status: Status,
    pub attributes: BTreeMap<String, String>,
    pub evidence: EvidenceAt,
}

/// Everything extracted from one document, as an [`Extraction`] has it but for the
/// evidence; see the module documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft<'d> {
    pub origin: Origin<'d>,
    pub date: Option<NaiveDate>,
    /// Sorted by id, each id once.
    pub entities: Vec<Entity>,
    /// Sorted by span.
    pub mentions: Vec<Mention>,
    pub relations: Vec<DraftRelation>,
}

impl Draft<'_> {
    /// The extraction, every piece of evidence written out.
    pub fn into_extraction(self) -> Extraction {
        let Draft { origin, date, entities, mentions, relations } = self;
        let id = |e: usize| entities.get(e).map_or("", |x| x.id.as_str());
        let relations = relations
            .into_iter()
            .map(|r| Relation {
                kind: r.kind,
                source: id(r.source).to_string(),
                target: id(r.target).to_string(),
                status: r.status,
                attributes: r.attributes,
                evidence: origin.evidence(&r.evidence).into(),
            })
            .collect();
        Extraction { doc: origin.doc.to_string(), date, entities, mentions, relations }
    }

    /// [`Extraction::default_view`] of the draft.
    pub fn default_view(mut self) -> Self {
        let hidden: Vec<bool> = self.entities.iter().map(hidden_by_default).collect();
        let is_hidden = |e: usize| hidden.get(e).copied().unwrap_or(false);
        self.relations.retain(|r| default_visible(r.kind, r.status) && !is_hidden(r.source) && !is_hidden(r.target));
        if !hidden.contains(&true) {
            return self;
        }
        let ids: Vec<&str> =
            self.entities.iter().zip(&hidden).filter(|(_, &h)| h).map(|(e, _)| e.id.as_str()).collect();
        self.mentions.retain(|m| !ids.contains(&m.entity.as_str()));
        // The entities that stay move up over those that go.
        let mut at = Vec::with_capacity(hidden.len());
        let mut kept = 0;
        for &h in &hidden {
            at.push(kept);
            kept += usize::from(!h);
        }
        for r in &mut self.relations {
            r.source = at.get(r.source).copied().unwrap_or(usize::MAX);
            r.target = at.get(r.target).copied().unwrap_or(usize::MAX);
        }
        let mut flags = hidden.iter();
        self.entities.retain(|_| flags.next() == Some(&false));
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Evidence;
    use crate::{Document, Extractor};

    proptest::proptest! {
        #[test]
        fn borrowed_evidence_orders_as_evidence(
            x in (0..3usize, "[ab]{0,2}", "[ab]{0,2}", proptest::option::of("[12]{0,2}")),
            y in (0..3usize, "[ab]{0,2}", "[ab]{0,2}", proptest::option::of("[12]{0,2}")),
        ) {
            let ev = |(n, doc, text, date): (usize, String, String, Option<String>)| Evidence {
                doc, sentence: n, start: n % 2, end: 2, rule: text.clone(), text, date,
            };
            let (x, y) = (ev(x), ev(y));
            proptest::prop_assert_eq!(x.view().cmp(&y.view()), x.cmp(&y));
            proptest::prop_assert_eq!(Evidence::from(x.view()), x);
        }
    }

    #[test]
    fn a_default_view_of_a_draft_is_that_of_its_extraction() {
        let texts = [
            "Anna Brown met Ivan Petrov in Oslo. A summit in Rome was proposed but never held; Brown refused to attend it.",
            // Read otherwise than as written: a doubled space.
            "Turkish Foreign Minister Hakan  Fidan met Sergey Lavrov in Ankara. A planned visit to Kyiv was cancelled.",
        ];
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t, None)).collect();
        for draft in Extractor::builtin().extract_drafts(&docs) {
            let whole = draft.clone().into_extraction();
            assert_eq!(draft.default_view().into_extraction(), whole.default_view());
        }
    }
}
