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
pub use model::{Document, Entity, EntityKind, Evidence, Extraction, Mention, Relation, RelationKind, Span, Status};

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

    /// The extractions of `docs`, in order, each as [`Extractor::extract`] gives it.
    ///
    /// Faster than one document after another: the gazetteers' tables, which the rules
    /// push out of the cache, are walked for every text of the batch at once, while
    /// they are in it. A batch of a few dozen documents gets nearly all of that.
    pub fn extract_batch(&self, docs: &[Document]) -> Vec<Extraction> {
        let read: Vec<Reading> = docs.iter().map(Reading::of).collect();
        let found: Vec<analysis::Found<'g>> =
            docs.iter().zip(&read).map(|(doc, r)| self.gazetteer.find_names_and_titles(&r.doc(doc).text)).collect();
        docs.iter()
            .zip(read)
            .zip(found)
            .map(|((doc, r), found)| self.run_read(doc, r, Some(found), None, None))
            .collect()
    }

    fn run(&self, doc: &Document, timings: Option<&mut BTreeMap<&'static str, Duration>>) -> Extraction {
        let clock = timings.is_some().then(Instant::now);
        self.run_read(doc, Reading::of(doc), None, timings, clock)
    }

    /// The extraction of `doc`, read as `read`, with the names and titles of its text
    /// if they were `found` already.
    fn run_read(
        &self,
        doc: &Document,
        read: Reading,
        found: Option<analysis::Found<'g>>,
        mut timings: Option<&mut BTreeMap<&'static str, Duration>>,
        mut clock: Option<Instant>,
    ) -> Extraction {
        let mut lap = |stage: &'static str, timings: &mut Option<&mut BTreeMap<&'static str, Duration>>| {
            if let (Some(timings), Some(clock)) = (timings.as_deref_mut(), clock.as_mut()) {
                let now = Instant::now();
                *timings.entry(stage).or_default() += now - *clock;
                *clock = now;
            }
        };
        let original = doc;
        let doc = read.doc(doc);
        let mut scratch = SCRATCH.with_borrow_mut(std::mem::take);
        // The lowered text the analysis borrows, kept with the rest of its memory.
        let mut lower = scratch.take_lower_text();
        let mut a = analysis::Analysis::with_scratch(self.gazetteer, doc, &mut lower, scratch, found);
        lap("analysis", &mut timings);
        for rule in rules::RULES {
            (rule.apply)(&mut a);
            lap(rule.name, &mut timings);
        }
        let mut x = finish::finish(&mut a, self.mentions);
        if let Some(offsets) = &read.offsets {
            offsets.restore(&mut x, &original.text, &a.sents);
        }
        let mut scratch = a.into_scratch();
        scratch.keep_lower_text(lower);
        SCRATCH.with_borrow_mut(|s| *s = scratch);
        lap("finish", &mut timings);
        x
    }
}

/// A document as the rules read it (see [`text::reading`]).
struct Reading {
    /// The text read, when it is not the article's own.
    read: Option<Document>,
    /// The map from the read text's offsets to the article's.
    offsets: Option<text::OffsetMap>,
}

impl Reading {
    /// Text typeset otherwise than news (hard-wrapped, names in capitals, runs of
    /// blanks) is read as news; every offset found is mapped back to the article's.
    fn of(doc: &Document) -> Self {
        match text::reading(&doc.text) {
            Some((text, offsets)) => {
                Reading { read: Some(Document { text, id: doc.id.clone(), date: doc.date }), offsets: Some(offsets) }
            }
            None => Reading { read: None, offsets: None },
        }
    }

    /// The document read: `doc` itself, or its reading.
    fn doc<'d>(&'d self, doc: &'d Document) -> &'d Document {
        self.read.as_ref().unwrap_or(doc)
    }
}

thread_local! {
    /// The memory of this thread's last analysis, for its next one. Taken out while a
    /// document is analysed, so a panic in a rule only loses it.
    static SCRATCH: std::cell::RefCell<analysis::Scratch> = std::cell::RefCell::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_is_its_documents_one_by_one() {
        let texts = [
            "Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Ankara on Monday.",
            // Read otherwise than as written: runs of blanks, a name in capitals.
            "ANTONY BLINKEN, Secretary of State of the United States, said  the  talks in Geneva went well.",
            "",
            "President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris.",
        ];
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t, None)).collect();
        let extractor = Extractor::builtin();
        let one_by_one: Vec<Extraction> = docs.iter().map(|d| extractor.extract(d)).collect();
        assert_eq!(extractor.extract_batch(&docs), one_by_one);
        assert!(extractor.extract_batch(&[]).is_empty());
    }
}
