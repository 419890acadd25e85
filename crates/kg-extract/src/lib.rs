//! kg-extract owns the first stage of kg: from the text of one article to typed entity
//! mentions and relations, each carrying byte offsets into the article and the name of
//! the rule that produced it.
//!
//! ```
//! use kg_extract::{Document, Extractor};
//!
//! let extractor = Extractor::builtin();
//! let doc = Document::new("a", "Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Ankara.", None);
//! let x = extractor.extract(&doc);
//! assert!(x.entities.iter().any(|e| e.id == "person:hakan-fidan"));
//! ```

mod analysis;
mod batch;
mod clause;
pub mod dates;
mod finish;
pub mod gazetteer;
mod meetings;
mod mention_index;
mod modality;
pub mod model;
mod names;
mod positions;
pub mod rules;
mod surname_key;
pub mod text;
mod title_phrase;

#[cfg(test)]
mod test_support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

pub use gazetteer::{Gazetteer, GazetteerBuilder, GazetteerError, SourceKind};
pub use model::{
    Document, Draft, DraftRelation, Entity, EntityKind, Evidence, EvidenceAt, EvidenceRef, Extraction, Mention, Origin,
    Relation, RelationKind, Span, Status,
};

/// Runs the rules of [`rules::RULES`] over documents with one gazetteer.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'g> {
    gazetteer: &'g Gazetteer,
    mentions: bool,
}

impl Extractor<'static> {
    /// An extractor over the gazetteer compiled into kg.
    pub fn builtin() -> Self {
        Extractor::new(Gazetteer::builtin())
    }
}

impl<'g> Extractor<'g> {
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Extractor { gazetteer, mentions: true }
    }

    /// Whether extractions list their mentions (the default). A pipeline that only
    /// builds a graph turns them off: they are most of what an extraction allocates.
    pub fn with_mentions(self, mentions: bool) -> Self {
        Extractor { mentions, ..self }
    }

    /// Extracts every entity and relation of one document, whatever its status.
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.run(doc, None)
    }

    /// [`Extractor::extract`], adding the time each stage took to `timings` (keyed by
    /// rule name, plus `analysis` for tokens, dates and titles and `finish` for ids and
    /// evidence): what a profile of the rules needs.
    pub fn extract_timed(&self, doc: &Document, timings: &mut BTreeMap<&'static str, Duration>) -> Extraction {
        self.run(doc, Some(timings))
    }

    /// The extractions of `docs`, in order, each as [`Extractor::extract`] gives it,
    /// and faster than one document after another: see [`batch`].
    pub fn extract_batch(&self, docs: &[Document]) -> Vec<Extraction> {
        self.extract_drafts(docs).into_iter().map(Draft::into_extraction).collect()
    }

    /// [`Extractor::extract_batch`] as drafts: for a reader that keeps only some of
    /// the evidence, like a graph (see [`Draft`]).
    pub fn extract_drafts<'d>(&self, docs: &'d [Document]) -> Vec<Draft<'d>> {
        batch::extract_batch(self.gazetteer, self.mentions, docs)
    }

    fn run(&self, doc: &Document, mut timings: Option<&mut BTreeMap<&'static str, Duration>>) -> Extraction {
        let mut clock = timings.is_some().then(Instant::now);
        let mut lap = |stage: &'static str, timings: &mut Option<&mut BTreeMap<&'static str, Duration>>| {
            if let (Some(timings), Some(clock)) = (timings.as_deref_mut(), clock.as_mut()) {
                let now = Instant::now();
                *timings.entry(stage).or_default() += now - *clock;
                *clock = now;
            }
        };
        let read = batch::Reading::of(doc);
        let mut scratch = batch::take_scratch();
        // The lowered text the analysis borrows, kept with the rest of its memory.
        let mut lower = scratch.take_lower_text();
        let mut a = analysis::Analysis::with_scratch(self.gazetteer, read.doc(doc), &mut lower, scratch, None);
        lap("analysis", &mut timings);
        for rule in rules::RULES {
            (rule.apply)(&mut a);
            lap(rule.name, &mut timings);
        }
        let x = read.finish(&mut a, doc, self.mentions).into_extraction();
        let mut scratch = a.into_scratch();
        scratch.keep_lower_text(lower);
        batch::keep_scratch(scratch);
        lap("finish", &mut timings);
        x
    }
}
