//! The working state of one document while the rules run: tokens, the entity arena,
//! mentions, facts and relations. Rules read and extend it; `finish` turns it into an
//! [`Extraction`] with stable ids.

mod entities;
mod mentions;
mod scratch;
mod tokens;

use std::collections::BTreeMap;

use crate::dates::{find_dates, DateMention};
use crate::gazetteer::{Gazetteer, NameHit, Target, TitleCategory, TitleHit};
use crate::mention_index::MentionIndex;
use crate::model::{Document, RelationKind, Span, Status};
use crate::text::{segment_into, Sentence, Token};

pub(crate) use entities::folds_to;
pub use entities::{Ent, MeetingClass, MeetingInfo, SurnameKeys};
pub use mentions::{Form, MentionRec};
pub use scratch::Scratch;
use tokens::{by_rule, find_quotes, lower_case_tokens, name_tokens, quoted_tokens};

/// The gazetteers' names and titles in a text (see [`Analysis::with_scratch`]).
pub type Found<'g> = (Vec<NameHit<'g>>, Vec<TitleHit>);

/// A title attached to a person: "Turkish Foreign Minister", "director of the GRU".
#[derive(Debug, Clone)]
pub struct TitleFact {
    pub person: usize,
    pub title: String,
    pub category: TitleCategory,
    pub affiliation: Option<usize>,
    pub former: bool,
    pub span: Span,
    pub sent: usize,
    pub rule: &'static str,
}

#[derive(Debug, Clone)]
pub struct Rel {
    pub kind: RelationKind,
    pub src: usize,
    pub dst: usize,
    pub status: Status,
    pub attrs: BTreeMap<String, String>,
    pub span: Span,
    pub sent: usize,
    pub rule: &'static str,
}

/// Per-document state shared by the rules.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub gaz: &'a Gazetteer,
    pub doc: &'a Document,
    pub text: &'a str,
    pub sents: Vec<Sentence>,
    pub toks: Vec<Token>,
    pub dates: Vec<DateMention>,
    /// Byte spans inside quotation marks.
    pub quotes: Vec<Span>,
    /// Titles found by the gazetteer's title matcher.
    pub title_hits: Vec<TitleHit>,
    /// Names found by the gazetteer's name matcher, in text order: found with the
    /// titles, in the same pass over the words.
    pub name_hits: Vec<NameHit<'a>>,
    pub ents: Vec<Ent>,
    pub mentions: Vec<MentionRec>,
    pub titles: Vec<TitleFact>,
    /// Positions of the mentions; kept in step with `mentions`.
    index: MentionIndex,
    /// Lower-case forms of every token, slices of the lowered text (see
    /// [`Analysis::with_scratch`]): the text with its ASCII letters lowered, where an
    /// ASCII token's form is at its own span, followed by the forms of the other
    /// tokens. One pass over the text lowers most tokens, and no token needs a string
    /// of its own; a slice made once per token spares each of the rules' many asks its
    /// bounds and char-boundary checks.
    lower_words: Vec<&'a str>,
    /// The spans of `lower_words` in the lowered text: kept for their memory only.
    lower_spans: Vec<Span>,
    /// The sentences ending before each block of bytes: [`Analysis::sent_of`]
    /// without a search of the sentences.
    sents_below: crate::positions::CountBelow,
    /// Surname keys (folded, transliteration) of each person, with the label and
    /// alias counts they were computed for: recomputed only when those change.
    /// Indexed by entity.
    pub(crate) surname_keys: std::cell::RefCell<Vec<Option<SurnameKeys>>>,
    /// Entities by the gazetteer entry they stand for.
    by_gaz: rustc_hash::FxHashMap<Target, usize>,
    /// The person entities, in creation order.
    pub persons: Vec<usize>,
    /// Title phrases, found once the names they qualify are known.
    pub phrases: Vec<crate::title_phrase::TitlePhrase>,
    pub rels: Vec<Rel>,
    /// The city of a wire story's dateline and the sentence it opens, once the
    /// `dateline` rule has found it.
    pub dateline: Option<(usize, usize)>,
    /// The head tokens of bare meeting mentions told as called off ("the summit is
    /// off"): a plan that a later rule reads just before one is called off by it.
    pub called_off: Vec<usize>,
    /// Where the items of a news-in-brief roundup start, each at a dateline of its own
    /// (empty for a story with one dateline or none).
    pub item_starts: Vec<usize>,
    /// Whether each token is inside a quotation.
    tok_quoted: Vec<bool>,
    /// The tokens a name can start with or be (see `Analysis::next_name_tok`).
    name_toks: Vec<u32>,
    /// The rules each token is a trigger word of, as `rules::trigger_bit`s.
    tok_rules: Vec<u32>,
    /// The tokens that are trigger words of each rule, rule after rule (in `RULES`
    /// order), each rule's in text order: rule `r`'s are `rule_starts[r]..rule_starts[r + 1]`.
    trigger_toks: Vec<u32>,
    rule_starts: [u32; 33],
    /// The clause of each token once asked for, as its start (high half) and its end
    /// plus one (low half); 0 until then, so that filling the vector is a plain
    /// zeroing.
    pub(crate) clause_cache: std::cell::RefCell<Vec<u64>>,
    /// The clause bits of each token once asked for (`clause::UNKNOWN` until then):
    /// clause walks pass over the same words again and again.
    pub(crate) clause_flags: Vec<std::cell::Cell<u8>>,
}

impl<'a> Analysis<'a> {
    /// The analysis of `doc`, whose lowered text goes to `lower` (cleared first).
    pub fn new(gaz: &'a Gazetteer, doc: &'a Document, lower: &'a mut String) -> Self {
        Analysis::with_scratch(gaz, doc, lower, Scratch::default(), None)
    }

    /// The analysis of `doc` in the memory of an earlier one (see [`Scratch`]). The
    /// lower-case text of the tokens is written to `lower` (cleared first), which the
    /// analysis borrows: the caller keeps it, and its memory, for the next document
    /// (see [`Scratch::take_lower_text`]). The gazetteers' names and titles in the
    /// text are `found` if given, as [`Gazetteer::find_names_and_titles`] finds them.
    pub fn with_scratch(
        gaz: &'a Gazetteer,
        doc: &'a Document,
        lower: &'a mut String,
        scratch: Scratch,
        found: Option<Found<'a>>,
    ) -> Self {
        let Scratch {
            mut sents,
            mut toks,
            mut quotes,
            mut title_hits,
            name_hits,
            mut ents,
            mut mentions,
            titles,
            mut index,
            lower_text: _,
            lower_words,
            mut lower_spans,
            mut sents_below,
            surname_keys,
            by_gaz,
            persons,
            phrases,
            rels,
            mut tok_quoted,
            mut name_toks,
            mut tok_rules,
            mut trigger_toks,
            mut clause_cache,
            mut clause_flags,
        } = scratch;
        let text = doc.text.as_str();
        segment_into(text, &mut sents, &mut toks);
        // A sentence is not empty: it ends after its first byte.
        sents_below.reset(sents.iter().map(|s| s.span.end - 1));
        // News has a mention every forty bytes or so and an entity every hundred and
        // forty: room for that many spares the vectors most of their regrowth (an
        // entity is large to copy). Bounded, so that a huge text reserves no more than
        // a long article needs at first.
        let (mention_room, ent_room) = ((text.len() / 40).clamp(16, 4096), (text.len() / 140).clamp(8, 1024));
        mentions.reserve(mention_room);
        ents.reserve(ent_room);
        index.reset(&toks, mention_room);
        lower_case_tokens(text, &toks, lower, &mut lower_spans, &mut tok_rules);
        let lower: &'a str = lower;
        let mut lower_words = scratch::recycle(lower_words);
        lower_words.extend(lower_spans.iter().map(|s| lower.get(s.start..s.end).unwrap_or("")));
        name_tokens(text, &toks, &mut name_toks);
        let rule_starts = by_rule(&tok_rules, &mut trigger_toks);
        find_quotes(&mut quotes, text);
        quoted_tokens(&mut tok_quoted, &quotes, &toks);
        clause_cache.clear();
        clause_cache.resize(toks.len(), 0);
        clause_flags.clear();
        clause_flags.resize(toks.len(), std::cell::Cell::new(crate::clause::UNKNOWN));
        let dates = find_dates(text, doc.date);
        let name_hits = match found {
            Some((names, titles)) => {
                title_hits = titles;
                names
            }
            None => {
                let mut name_hits = scratch::recycle(name_hits);
                gaz.find_names_and_titles_into(text, &mut name_hits, &mut title_hits);
                name_hits
            }
        };
        Analysis {
            gaz,
            doc,
            text,
            dates,
            quotes,
            tok_quoted,
            name_toks,
            tok_rules,
            trigger_toks,
            rule_starts,
            clause_cache: std::cell::RefCell::new(clause_cache),
            clause_flags,
            title_hits,
            name_hits,
            toks,
            sents,
            ents,
            mentions,
            index,
            lower_words,
            lower_spans,
            sents_below,
            surname_keys: std::cell::RefCell::new(surname_keys),
            by_gaz,
            persons,
            titles,
            phrases,
            rels,
            dateline: None,
            called_off: Vec::new(),
            item_starts: Vec::new(),
        }
    }

    pub fn add_rel(
        &mut self,
        kind: RelationKind,
        src: usize,
        dst: usize,
        status: Status,
        span: Span,
        rule: &'static str,
    ) {
        if src == dst {
            return;
        }
        let sent = self.sent_of(span.start);
        // The words of a relation lie in one sentence, which its evidence quotes: a span
        // running into the next one comes from a pattern read across a line break or a
        // cut ("declined to meet\nwith X") and is not evidence of anything.
        if self.sents.get(sent).is_some_and(|s| span.end > s.span.end) {
            return;
        }
        let dup = self.rels.iter().any(|r| {
            r.kind == kind
                && r.status == status
                && ((r.src, r.dst) == (src, dst) || (kind.is_symmetric() && (r.src, r.dst) == (dst, src)))
        });
        if !dup {
            self.rels.push(Rel { kind, src, dst, status, attrs: BTreeMap::new(), span, sent, rule });
        }
    }

    /// The date whose words cover `span`, if any.
    pub fn date_covering(&self, span: Span) -> Option<&DateMention> {
        let i = self.dates.partition_point(|d| d.span.end <= span.start);
        self.dates.get(i).filter(|d| d.span.contains(span))
    }

    /// The date expressions inside a byte range.
    pub fn dates_in(&self, span: Span) -> impl Iterator<Item = &DateMention> + '_ {
        // Dates are in text order and do not overlap: those inside `span` are a run.
        let from = self.dates.partition_point(|d| d.span.start < span.start);
        self.dates[from..].iter().take_while(move |d| d.span.start < span.end).filter(move |d| span.contains(d.span))
    }
}
