//! Extraction of several documents at once ([`extract_batch`]), and the memory of
//! analyses that a thread keeps from one document, or one batch, to the next.
//!
//! One document after another, each stage (the gazetteer walk, then every rule in
//! turn) finds the processor's caches full of the stage before: the rules' code, which
//! is far larger than the instruction cache, their word tables and the gazetteers'
//! tables of tens of thousands of first words are fetched again for every document.
//! A batch runs each stage over all of its documents before the next stage, while its
//! code and tables are in the caches: the gazetteers are walked for every text, then
//! the analyses are made, then each rule runs over every analysis. One thread extracts
//! about a third faster so (measured: 32 and 64 news articles a batch, 64 a little
//! faster; the documents' own analyses, held all at once, crowd the caches by 128).

use std::cell::RefCell;

use crate::analysis::{Analysis, Found, Scratch};
use crate::gazetteer::Gazetteer;
use crate::model::{Document, Draft};
use crate::{finish, rules, text};

/// The most tokens the analyses a thread keeps for later documents may have room for,
/// all together: about 600 KB of news (some 12 MB of memory), whatever the documents
/// were. Past it, the memory of an analysis is given back.
const KEEP_TOKENS: usize = 128 << 10;

thread_local! {
    /// The memory of this thread's last analyses, for its next ones. Taken out while
    /// documents are analysed, so a panic in a rule only loses it.
    static SCRATCH: RefCell<Vec<Scratch>> = RefCell::default();
}

/// The memory for one analysis: kept from an earlier one if there is any.
pub(crate) fn take_scratch() -> Scratch {
    SCRATCH.with_borrow_mut(Vec::pop).unwrap_or_default()
}

/// Keeps the memory of an analysis for a later one.
pub(crate) fn keep_scratch(scratch: Scratch) {
    SCRATCH.with_borrow_mut(|kept| keep(kept, scratch));
}

/// Adds `scratch` to `kept` unless their room would then pass [`KEEP_TOKENS`].
fn keep(kept: &mut Vec<Scratch>, scratch: Scratch) {
    let room: usize = kept.iter().map(Scratch::token_room).sum();
    if room + scratch.token_room() <= KEEP_TOKENS {
        kept.push(scratch);
    }
}

/// The drafts of the extractions of `docs`, in order, each as `Extractor::extract`
/// gives it; see the module documentation.
pub(crate) fn extract_batch<'g, 'd>(gaz: &'g Gazetteer, mentions: bool, docs: &'d [Document]) -> Vec<Draft<'d>> {
    let read: Vec<Reading> = docs.iter().map(Reading::of).collect();
    let found: Vec<Found<'g>> =
        docs.iter().zip(&read).map(|(doc, r)| gaz.find_names_and_titles(&r.doc(doc).text)).collect();
    let mut scratches: Vec<Scratch> = SCRATCH.with_borrow_mut(std::mem::take);
    scratches.resize_with(docs.len().max(scratches.len()), Scratch::default);
    // The lowered texts the analyses borrow, kept with the rest of their memory.
    let mut lowers: Vec<String> = scratches.iter_mut().map(Scratch::take_lower_text).collect();
    let mut analyses: Vec<Analysis<'_>> = docs
        .iter()
        .zip(&read)
        .zip(found)
        .zip(lowers.iter_mut())
        .zip(scratches.drain(..docs.len()))
        .map(|((((doc, r), found), lower), scratch)| {
            Analysis::with_scratch(gaz, r.doc(doc), lower, scratch, Some(found))
        })
        .collect();
    for rule in rules::RULES {
        for a in &mut analyses {
            (rule.apply)(a);
        }
    }
    let mut out = Vec::with_capacity(docs.len());
    let mut kept = Vec::with_capacity(docs.len() + scratches.len());
    for ((mut a, doc), r) in analyses.into_iter().zip(docs).zip(&read) {
        out.push(r.finish(&mut a, doc, mentions));
        kept.push(a.into_scratch());
    }
    // The spares that were not needed keep their lowered texts too.
    kept.append(&mut scratches);
    SCRATCH.with_borrow_mut(|k| {
        for (mut scratch, lower) in kept.into_iter().zip(lowers) {
            scratch.keep_lower_text(lower);
            keep(k, scratch);
        }
    });
    out
}

/// A document as the rules read it (see [`text::reading`]).
pub(crate) struct Reading {
    /// The text read, when it is not the article's own.
    read: Option<Document>,
    /// The map from the read text's offsets to the article's.
    offsets: Option<text::OffsetMap>,
}

impl Reading {
    /// Text typeset otherwise than news (hard-wrapped, names in capitals, runs of
    /// blanks) is read as news; every offset found is mapped back to the article's.
    pub(crate) fn of(doc: &Document) -> Self {
        match text::reading(&doc.text) {
            Some((text, offsets)) => {
                Reading { read: Some(Document { text, id: doc.id.clone(), date: doc.date }), offsets: Some(offsets) }
            }
            None => Reading { read: None, offsets: None },
        }
    }

    /// The document read: `doc` itself, or its reading.
    pub(crate) fn doc<'d>(&'d self, doc: &'d Document) -> &'d Document {
        self.read.as_ref().unwrap_or(doc)
    }

    /// The draft of the analysis `a` of this reading of `original`, its offsets and
    /// evidence the article's own.
    pub(crate) fn finish<'d>(&self, a: &mut Analysis, original: &'d Document, mentions: bool) -> Draft<'d> {
        let mut x = finish::draft(a, original, mentions);
        if let Some(offsets) = &self.offsets {
            offsets.restore(&mut x);
        }
        x
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extraction, Extractor};

    #[test]
    fn a_batch_is_its_documents_one_by_one() {
        let texts = [
            "Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Ankara on Monday.",
            // Read otherwise than as written: runs of blanks, a name in capitals.
            "ANTONY BLINKEN, Secretary of State of the United States, said  the  talks in Geneva went well.",
            "",
            "President Emmanuel Macron hosted Chancellor Olaf Scholz in Paris.",
            "Xi Jinping met Vladimir Putin in Moscow. Putin said the talks were good.",
        ];
        let docs: Vec<Document> =
            texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t, None)).collect();
        let extractor = Extractor::builtin();
        let one_by_one: Vec<Extraction> = docs.iter().map(|d| extractor.extract(d)).collect();
        // Batches of every size, one after another (so with memory kept from the one
        // before), in both orders.
        for n in 1..=docs.len() {
            let mut batched: Vec<Extraction> = docs.chunks(n).flat_map(|c| extractor.extract_batch(c)).collect();
            assert_eq!(batched, one_by_one, "batches of {n}");
            let rev: Vec<Document> = docs.iter().rev().cloned().collect();
            batched = rev.chunks(n).flat_map(|c| extractor.extract_batch(c)).collect();
            batched.reverse();
            assert_eq!(batched, one_by_one, "batches of {n}, reversed");
        }
        assert!(extractor.extract_batch(&[]).is_empty());
    }
}
