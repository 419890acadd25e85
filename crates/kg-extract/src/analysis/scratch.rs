//! The memory of an analysis, kept from one document for the next: a thread that
//! extracts document after document would otherwise allocate (and the system zero)
//! the same large buffers for each, and free them at its end.

use std::cell::Cell;

use super::{Analysis, Ent, MentionRec, Rel, SurnameKeys, TitleFact};
use crate::gazetteer::{NameHit, Target, TitleHit};
use crate::mention_index::MentionIndex;
use crate::model::Span;
use crate::text::{Sentence, Token};
use crate::title_phrase::TitlePhrase;

/// Texts longer than this give their memory back rather than keep it: what a thread
/// holds between documents stays bounded (a few megabytes) whatever it has read.
const KEEP_TEXT_BYTES: usize = 256 << 10;

/// The buffers of an [`Analysis`], empty, with the capacity the last document needed.
#[derive(Debug, Default)]
pub struct Scratch {
    pub(super) sents: Vec<Sentence>,
    pub(super) toks: Vec<Token>,
    pub(super) quotes: Vec<Span>,
    pub(super) title_hits: Vec<TitleHit>,
    /// Empty, so the lifetime is only what a `Scratch` can name; see [`recycle`].
    pub(super) name_hits: Vec<NameHit<'static>>,
    pub(super) ents: Vec<Ent>,
    pub(super) mentions: Vec<MentionRec>,
    pub(super) titles: Vec<TitleFact>,
    pub(super) index: MentionIndex,
    /// Not the analysis's own (it borrows the lowered text): taken out and given back
    /// by the caller ([`Scratch::take_lower_text`]).
    pub(super) lower_text: String,
    pub(super) lower_words: Vec<&'static str>,
    pub(super) lower_spans: Vec<Span>,
    pub(super) sents_below: crate::positions::CountBelow,
    pub(super) surname_keys: Vec<Option<SurnameKeys>>,
    pub(super) by_gaz: rustc_hash::FxHashMap<Target, usize>,
    pub(super) persons: Vec<usize>,
    pub(super) phrases: Vec<TitlePhrase>,
    pub(super) rels: Vec<Rel>,
    pub(super) tok_quoted: Vec<bool>,
    pub(super) name_toks: Vec<u32>,
    pub(super) tok_rules: Vec<u32>,
    pub(super) trigger_toks: Vec<u32>,
    pub(super) clause_cache: Vec<u64>,
    pub(super) clause_flags: Vec<Cell<u8>>,
}

impl<'a> Analysis<'a> {
    /// The analysis's memory, emptied, for the next document; none if the text was
    /// long (see [`KEEP_TEXT_BYTES`]).
    pub fn into_scratch(self) -> Scratch {
        if self.text.len() > KEEP_TEXT_BYTES {
            return Scratch::default();
        }
        let Analysis {
            mut sents,
            mut toks,
            mut quotes,
            mut title_hits,
            name_hits,
            mut ents,
            mut mentions,
            mut titles,
            index,
            lower_words,
            mut lower_spans,
            sents_below,
            surname_keys,
            mut by_gaz,
            mut persons,
            mut phrases,
            mut rels,
            mut tok_quoted,
            mut name_toks,
            mut tok_rules,
            mut trigger_toks,
            clause_cache,
            mut clause_flags,
            ..
        } = self;
        let (mut surname_keys, mut clause_cache) = (surname_keys.into_inner(), clause_cache.into_inner());
        // Cleared here, so that what they own is dropped now, not at the next document.
        tok_rules.clear();
        sents.clear();
        toks.clear();
        quotes.clear();
        title_hits.clear();
        ents.clear();
        mentions.clear();
        titles.clear();
        lower_spans.clear();
        surname_keys.clear();
        by_gaz.clear();
        persons.clear();
        phrases.clear();
        rels.clear();
        tok_quoted.clear();
        name_toks.clear();
        trigger_toks.clear();
        clause_cache.clear();
        clause_flags.clear();
        Scratch {
            sents,
            toks,
            quotes,
            title_hits,
            name_hits: recycle(name_hits),
            ents,
            mentions,
            titles,
            index,
            lower_text: String::new(),
            lower_words: recycle(lower_words),
            lower_spans,
            sents_below,
            surname_keys,
            by_gaz,
            persons,
            phrases,
            rels,
            tok_quoted,
            name_toks,
            tok_rules,
            trigger_toks,
            clause_cache,
            clause_flags,
        }
    }
}

impl Scratch {
    /// How many tokens this memory has room for: what the memory of an analysis
    /// grows with.
    pub fn token_room(&self) -> usize {
        self.toks.capacity()
    }

    /// The buffer for the lowered text of the next analysis, which borrows it (see
    /// [`Analysis::with_scratch`]).
    pub fn take_lower_text(&mut self) -> String {
        std::mem::take(&mut self.lower_text)
    }

    /// Keeps the buffer of [`Scratch::take_lower_text`] once its analysis is over,
    /// unless it is as large as the texts whose memory is given back.
    pub fn keep_lower_text(&mut self, mut lower: String) {
        if lower.capacity() <= 2 * KEEP_TEXT_BYTES {
            lower.clear();
            self.lower_text = lower;
        }
    }
}

/// An empty vector of `U` on the memory of `v`. The standard library collects a
/// vector's own iterator into the same allocation when the element layouts agree, as
/// they do for one type at two lifetimes; where they do not, this allocates afresh.
pub(super) fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recycling_keeps_the_memory_of_one_type_at_two_lifetimes() {
        let text = String::from("a");
        let mut v: Vec<&str> = Vec::with_capacity(100);
        v.push(&text);
        let w: Vec<&'static str> = recycle(v);
        assert!(w.is_empty() && w.capacity() >= 100);
    }

    #[test]
    fn a_reused_analysis_is_a_fresh_one() {
        let gaz = crate::Gazetteer::builtin();
        let docs = [
            "Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Ankara on Monday.",
            "President Volodymyr Zelenskyy said \"we are ready\" before talks in Istanbul.",
            "Short.",
        ];
        let mut scratch = Scratch::default();
        for text in docs.iter().chain(docs.iter().rev()) {
            let doc = crate::Document::new("d", *text, None);
            let extract = |a: &mut Analysis| {
                for rule in crate::rules::RULES {
                    (rule.apply)(a);
                }
                crate::finish::finish(a, true)
            };
            let mut fresh_lower = String::new();
            let fresh = extract(&mut Analysis::new(gaz, &doc, &mut fresh_lower));
            let mut lower = scratch.take_lower_text();
            let mut a = Analysis::with_scratch(gaz, &doc, &mut lower, scratch, None);
            let reused = extract(&mut a);
            scratch = a.into_scratch();
            scratch.keep_lower_text(lower);
            assert_eq!(format!("{fresh:?}"), format!("{reused:?}"));
        }
    }
}
