//! The working state of one document while the rules run: tokens, the entity arena,
//! mentions, facts and relations. Rules read and extend it; `finish` turns it into an
//! [`Extraction`] with stable ids.

use std::collections::{BTreeMap, BTreeSet};

use crate::dates::{find_dates, DateMention, DateValue};
use crate::gazetteer::{Gazetteer, Target, TitleCategory, TitleHit};
use crate::mention_index::MentionIndex;
use crate::model::{Document, EntityKind, RelationKind, Span, Status};
use crate::text::{fold, segment, Sentence, Token};

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    Surname,
    Demonym,
    Pronoun,
    RoleNoun,
    /// A bare reference such as "the delegation" or "the talks".
    Anaphor,
}

#[derive(Debug, Clone)]
pub struct MentionRec {
    pub ent: usize,
    pub span: Span,
    pub sent: usize,
    pub rule: &'static str,
    pub form: Form,
}

/// The classes of meeting that may corefer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MeetingClass {
    Talks,
    Meeting,
    Visit,
}

impl MeetingClass {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingClass::Talks => "talks",
            MeetingClass::Meeting => "meeting",
            MeetingClass::Visit => "visit",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MeetingInfo {
    pub class: Option<MeetingClass>,
    pub name: Option<String>,
    pub org: Option<usize>,
    pub place: Option<usize>,
    pub date: Option<DateValue>,
    pub participants: BTreeSet<usize>,
    pub status: Status,
    /// Told as past ("the last round of talks ... years ago"): not an upcoming meeting.
    pub past: bool,
}

#[derive(Debug, Clone)]
pub struct Ent {
    pub kind: EntityKind,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub attrs: BTreeMap<String, String>,
    pub gaz: Option<Target>,
    /// Country code: of a country, of the country a city or body belongs to, of the
    /// country a delegation represents.
    pub iso: Option<String>,
    /// Known-official index for persons found in the gazetteer.
    pub known: Option<usize>,
    pub female: Option<bool>,
    pub meeting: Option<MeetingInfo>,
    /// For delegations: the entity (country or organisation) represented.
    pub represents: Option<usize>,
    /// The id key; filled by `finish`.
    pub key: String,
}

impl Ent {
    pub fn new(kind: EntityKind, label: impl Into<String>) -> Self {
        Ent {
            kind,
            label: label.into(),
            aliases: BTreeSet::new(),
            attrs: BTreeMap::new(),
            gaz: None,
            iso: None,
            known: None,
            female: None,
            meeting: None,
            represents: None,
            key: String::new(),
        }
    }
}

/// The keys a person's surname can be matched by, and what they were computed from.
#[derive(Debug, Clone)]
pub struct SurnameKeys {
    pub label_len: usize,
    pub alias_count: usize,
    /// (folded, transliteration key) of the surname and of one-word aliases.
    pub keys: Vec<(String, String)>,
}

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
    pub ents: Vec<Ent>,
    pub mentions: Vec<MentionRec>,
    pub titles: Vec<TitleFact>,
    /// Positions of the mentions; kept in step with `mentions`.
    index: MentionIndex,
    /// Lower-case forms of every token, one after another: token `i` is
    /// `lower_text[lower_ends[i - 1]..lower_ends[i]]`. One buffer rather than a string
    /// per token, since every token needs one.
    lower_text: String,
    lower_ends: Vec<usize>,
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
    /// Whether each token is inside a quotation.
    tok_quoted: Vec<bool>,
    /// Whether each token is the trigger word of some rule.
    tok_trigger: Vec<bool>,
    /// The clause of each token once asked for (`u32::MAX` until then).
    pub(crate) clause_cache: std::cell::RefCell<Vec<(u32, u32)>>,
}

impl<'a> Analysis<'a> {
    pub fn new(gaz: &'a Gazetteer, doc: &'a Document) -> Self {
        let text = doc.text.as_str();
        let (sents, toks) = segment(text);
        let index = MentionIndex::new(&toks);
        let (lower_text, lower_ends, tok_trigger) = lower_case_tokens(text, &toks);
        let quotes = find_quotes(text);
        let tok_quoted = quoted_tokens(&quotes, &toks);
        let clause_cache = std::cell::RefCell::new(vec![(u32::MAX, u32::MAX); toks.len()]);
        let dates = find_dates(text, doc.date);
        let title_hits = gaz.title_matcher().find(text);
        Analysis {
            gaz,
            doc,
            text,
            dates,
            quotes,
            tok_quoted,
            tok_trigger,
            clause_cache,
            title_hits,
            toks,
            sents,
            ents: Vec::new(),
            mentions: Vec::new(),
            index,
            lower_text,
            lower_ends,
            surname_keys: Default::default(),
            by_gaz: Default::default(),
            persons: Vec::new(),
            titles: Vec::new(),
            phrases: Vec::new(),
            rels: Vec::new(),
        }
    }

    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn word(&self, tok: usize) -> &'a str {
        self.toks.get(tok).map_or("", |t| self.slice(t.span))
    }

    /// Lower-case word at `tok`, or "" past the end.
    pub fn lower(&self, tok: usize) -> &str {
        nth_lower(&self.lower_text, &self.lower_ends, tok)
    }

    /// Index of the token starting at or after byte `at`.
    pub fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    /// Index of the last token ending at or before byte `at`, if any.
    pub fn tok_before(&self, at: usize) -> Option<usize> {
        self.toks.partition_point(|t| t.span.end <= at).checked_sub(1)
    }

    pub fn sent_of(&self, at: usize) -> usize {
        self.sents.partition_point(|s| s.span.end <= at).min(self.sents.len().saturating_sub(1))
    }

    pub fn in_quote(&self, span: Span) -> bool {
        in_quote(&self.quotes, span)
    }

    /// Whether token `tok` is a trigger word of some rule (`Rule::triggers`): rules
    /// that scan for their trigger words pass over the tokens that are none.
    pub fn may_trigger(&self, tok: usize) -> bool {
        self.tok_trigger.get(tok).copied().unwrap_or(false)
    }

    /// Whether token `tok` is inside a quotation.
    pub fn tok_in_quote(&self, tok: usize) -> bool {
        self.tok_quoted.get(tok).copied().unwrap_or(false)
    }

    /// The mention whose span covers byte `at`, if any (the earliest recorded).
    pub fn mention_at(&self, at: usize) -> Option<&MentionRec> {
        self.index.covering(at, &self.mentions).map(|i| &self.mentions[i])
    }

    /// The mention covering the start of token `tok` (the earliest recorded).
    pub fn mention_at_tok(&self, tok: usize) -> Option<&MentionRec> {
        self.index.covering_tok(tok).map(|i| &self.mentions[i])
    }

    /// The mentions starting exactly at byte `start`.
    pub fn mentions_starting(&self, start: usize) -> impl Iterator<Item = &MentionRec> + '_ {
        self.index.starting(start).map(|i| &self.mentions[i])
    }

    /// The mentions ending exactly at byte `end`.
    pub fn mentions_ending(&self, end: usize) -> impl Iterator<Item = &MentionRec> + '_ {
        self.index.ending(end).map(|i| &self.mentions[i])
    }

    /// Mentions starting before byte `at`, nearest first.
    pub fn mentions_before(&self, at: usize) -> impl Iterator<Item = &MentionRec> + '_ {
        self.index.starting_before(at).map(|i| &self.mentions[i])
    }

    /// Mentions starting inside a span, in text order.
    pub fn mentions_within(&self, span: Span) -> impl Iterator<Item = &MentionRec> + '_ {
        self.index.starting_within(span).map(|i| &self.mentions[i])
    }

    /// Whether a title word overlaps the span.
    pub fn title_at(&self, span: Span) -> bool {
        let i = self.title_hits.partition_point(|t| t.span.end <= span.start);
        self.title_hits.get(i).is_some_and(|t| t.span.overlaps(span))
    }

    pub fn covered(&self, span: Span) -> bool {
        self.index.any_overlapping(span, &self.mentions)
    }

    /// Mentions overlapping `span`, in the order they were recorded.
    pub fn mentions_overlapping(&self, span: Span) -> Vec<&MentionRec> {
        let mut ids: Vec<usize> = self.index.overlapping(span, &self.mentions).collect();
        ids.sort_unstable();
        ids.into_iter().map(|i| &self.mentions[i]).collect()
    }

    /// The earliest span of each entity's mentions (`None` if it has none): one pass,
    /// for rules that ask it of every entity.
    pub fn first_mentions(&self) -> Vec<Option<Span>> {
        let mut first: Vec<Option<Span>> = vec![None; self.ents.len()];
        for m in &self.mentions {
            if let Some(slot) = first.get_mut(m.ent) {
                *slot = Some(slot.map_or(m.span, |s| s.min(m.span)));
            }
        }
        first
    }

    /// Mentions of a sentence in text order.
    pub fn mentions_in(&self, sent: usize) -> Vec<&MentionRec> {
        let Some(s) = self.sents.get(sent) else { return Vec::new() };
        let mut v: Vec<&MentionRec> = self.mentions_within(s.span).collect();
        v.sort_by_key(|m| m.span);
        v
    }

    /// Removes the mentions inside `span` (a longer name swallowed them).
    pub fn remove_mentions_within(&mut self, span: Span) {
        // Rebuilding the index costs a pass over every mention: only when needed.
        if self.mentions_within(span).any(|m| span.contains(m.span)) {
            self.mentions.retain(|m| !span.contains(m.span));
            self.index.rebuild(&self.mentions);
        }
    }

    /// Records a mention unless one already overlaps it (earlier rules win).
    pub fn add_mention(&mut self, ent: usize, span: Span, rule: &'static str, form: Form) -> bool {
        if self.covered(span) {
            return false;
        }
        let surface = self.slice(span).trim();
        let e = &mut self.ents[ent];
        if matches!(form, Form::Name | Form::Surname)
            && !surface.is_empty()
            && surface != e.label
            && !e.aliases.contains(surface)
        {
            e.aliases.insert(surface.to_string());
        }
        let sent = self.sent_of(span.start);
        self.index.insert(self.mentions.len(), span);
        self.mentions.push(MentionRec { ent, span, sent, rule, form });
        true
    }

    /// Records a mention inside another ("Russia" in "Russia's Foreign Ministry"):
    /// the country is named even though the longer name won.
    pub fn add_nested_mention(&mut self, ent: usize, span: Span, rule: &'static str, form: Form) {
        let sent = self.sent_of(span.start);
        if !self.mentions_starting(span.start).any(|m| m.ent == ent && m.span == span) {
            self.index.insert(self.mentions.len(), span);
            self.mentions.push(MentionRec { ent, span, sent, rule, form });
        }
    }

    pub fn new_entity(&mut self, ent: Ent) -> usize {
        if let Some(t) = ent.gaz {
            self.by_gaz.insert(t, self.ents.len());
        }
        if ent.kind == EntityKind::Person {
            self.persons.push(self.ents.len());
        }
        self.ents.push(ent);
        self.ents.len() - 1
    }

    /// The entity for a gazetteer target, created on first use.
    pub fn gaz_entity(&mut self, target: Target) -> usize {
        let target = match target {
            Target::Demonym(i) => Target::Country(i),
            t => t,
        };
        if let Some(&i) = self.by_gaz.get(&target) {
            return i;
        }
        let g = self.gaz;
        let mut ent = match target {
            Target::Country(i) | Target::Demonym(i) => {
                let c = &g.countries[i];
                let mut e = Ent::new(EntityKind::Country, &c.name);
                e.iso = Some(c.iso.clone());
                e.attrs.insert("iso".into(), c.iso.clone());
                e
            }
            Target::City(i) => {
                let c = &g.cities[i];
                let mut e = Ent::new(EntityKind::Location, &c.name);
                e.iso = Some(c.iso.clone());
                e.attrs.insert("country".into(), c.iso.clone());
                e
            }
            Target::Place(i) => {
                let p = &g.places[i];
                let mut e = Ent::new(EntityKind::Location, &p.name);
                e.iso.clone_from(&p.iso);
                if let Some(iso) = &p.iso {
                    e.attrs.insert("country".into(), iso.clone());
                }
                e.attrs.insert("kind".into(), p.kind.clone());
                e
            }
            Target::Org(i) => {
                let o = &g.orgs[i];
                let mut e = Ent::new(EntityKind::Organization, &o.name);
                e.iso.clone_from(&o.country);
                e.key = crate::text::slug(&o.key);
                if !o.kind.is_empty() {
                    e.attrs.insert("kind".into(), o.kind.clone());
                }
                e
            }
            Target::Person(i) => {
                let p = &g.persons[i];
                let mut e = Ent::new(EntityKind::Person, &p.name);
                e.known = Some(i);
                e.female = p.female;
                e
            }
        };
        ent.gaz = Some(target);
        self.new_entity(ent)
    }

    /// Finds or creates the person with this full name.
    pub fn person_named(&mut self, name: &str) -> usize {
        let key = fold(name);
        let ents = &self.ents;
        if let Some(&i) = self
            .persons
            .iter()
            .find(|&&i| folds_to(&ents[i].label, &key) || ents[i].aliases.iter().any(|a| folds_to(a, &key)))
        {
            return i;
        }
        // A later full name completes an earlier bare surname ("Trump", then "Donald Trump").
        let last = key.rsplit(' ').next().unwrap_or(&key).to_string();
        if key.contains(' ') {
            let ents = &self.ents;
            if let Some(&i) = self.persons.iter().find(|&&i| {
                let e = &ents[i];
                e.known.is_none() && !e.label.contains(' ') && folds_to(&e.label, &last)
            }) {
                let old = std::mem::replace(&mut self.ents[i].label, name.to_string());
                self.ents[i].aliases.insert(old);
                return i;
            }
        }
        self.new_entity(Ent::new(EntityKind::Person, name))
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

/// `fold(s) == folded` for a `folded` that `fold` made (lower-case ASCII): an ASCII
/// `s` is compared ignoring case, without a folded copy. `person_named` compares
/// with every person's label and alias.
pub(crate) fn folds_to(s: &str, folded: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(folded)
    } else {
        fold(s) == folded
    }
}

fn in_quote(quotes: &[Span], span: Span) -> bool {
    // Quotations are disjoint and in text order.
    let i = quotes.partition_point(|q| q.end <= span.start);
    quotes.get(i).is_some_and(|q| q.contains(span))
}

/// Whether each token lies inside a quotation: inside the first quotation (in the
/// order of `quotes`) that ends after the token starts. Quotations of both kinds may
/// nest, so that need not be the one the token is in. The tokens of each quotation are
/// found by a search: the tokens outside quotations, most of them, cost nothing.
fn quoted_tokens(quotes: &[Span], toks: &[Token]) -> Vec<bool> {
    let mut quoted = vec![false; toks.len()];
    // The tokens starting before the end of an earlier quotation belong to that one.
    let mut passed = 0;
    for q in quotes {
        let first = toks.partition_point(|t| t.span.start < q.start.max(passed));
        // Tokens are in order and do not overlap: once one ends past the quotation, so
        // do all after it.
        for (flag, t) in quoted[first..].iter_mut().zip(&toks[first..]) {
            if t.span.end > q.end {
                break;
            }
            *flag = true;
        }
        passed = passed.max(q.end);
    }
    quoted
}

/// Token `i`'s lower-case form in the buffer of [`lower_case_tokens`], or "".
fn nth_lower<'t>(lower_text: &'t str, lower_ends: &[usize], i: usize) -> &'t str {
    let Some(&end) = lower_ends.get(i) else { return "" };
    let start = i.checked_sub(1).map_or(0, |p| lower_ends[p]);
    lower_text.get(start..end).unwrap_or("")
}

/// The lower-case forms of the tokens (see `Analysis::lower_text`), and whether each
/// is a trigger word: one pass, while the word is at hand.
fn lower_case_tokens(text: &str, toks: &[Token]) -> (String, Vec<usize>, Vec<bool>) {
    let triggers = crate::rules::trigger_words();
    // Bytes: an ASCII word is lowered as it is copied, in one loop without the char
    // boundary checks of a `String`; the whole is checked to be UTF-8 once at the end
    // (it is: ASCII words, and the `to_lowercase` of the others).
    let mut lower = Vec::with_capacity(text.len());
    let mut ends = Vec::with_capacity(toks.len());
    let mut trigger = Vec::with_capacity(toks.len());
    for t in toks {
        let word = text.as_bytes().get(t.span.start..t.span.end).unwrap_or_default();
        let start = lower.len();
        if word.is_ascii() {
            lower.extend(word.iter().map(u8::to_ascii_lowercase));
        } else {
            let word = text.get(t.span.start..t.span.end).unwrap_or("");
            lower.extend_from_slice(word.to_lowercase().as_bytes());
        }
        ends.push(lower.len());
        trigger.push(triggers.contains_bytes(&lower[start..]));
    }
    let lower = String::from_utf8(lower).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (lower, ends, trigger)
}

/// Spans between matching quotation marks, per paragraph: curly pairs, and straight
/// double quotes taken two by two.
fn find_quotes(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut open_curly, mut open_straight): (Option<usize>, Option<usize>) = (None, None);
    // Only three bytes matter: `"`, the lead byte of curly quotes and the line break;
    // memchr skips the prose between them.
    for at in memchr::memchr3_iter(b'"', 0xE2, b'\n', bytes) {
        match (bytes[at], bytes.get(at + 1..at + 3)) {
            (b'\n', _) => (open_curly, open_straight) = (None, None),
            (b'"', _) => match open_straight.take() {
                Some(s) => out.push(Span::new(s, at + 1)),
                None => open_straight = Some(at),
            },
            // U+201C and U+201D.
            (_, Some([0x80, 0x9C])) => open_curly = Some(at),
            (_, Some([0x80, 0x9D])) => {
                if let Some(s) = open_curly.take() {
                    out.push(Span::new(s, at + 3));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_to_agrees_with_fold() {
        let words = ["Erdoğan", "erdogan", "ERDOGAN", "Erdogan ", "O’Brien", "o'brien", "", "Wáng Yi", "wang yi"];
        for s in words {
            for t in words {
                let folded = fold(t);
                assert_eq!(folds_to(s, &folded), fold(s) == folded, "{s} {t}");
            }
        }
    }

    proptest::proptest! {
        /// `quoted_tokens` against the walk it replaced, on nested and crossing quotations.
        #[test]
        fn quoted_tokens_are_those_of_the_walk(text in "[a \"\u{201c}\u{201d}\n]{0,60}") {
            let toks = segment(&text).1;
            let quotes = find_quotes(&text);
            let mut q = 0;
            let walk: Vec<bool> = toks
                .iter()
                .map(|t| {
                    while quotes.get(q).is_some_and(|s| s.end <= t.span.start) {
                        q += 1;
                    }
                    quotes.get(q).is_some_and(|s| s.contains(t.span))
                })
                .collect();
            proptest::prop_assert_eq!(quoted_tokens(&quotes, &toks), walk);
        }
    }

    #[test]
    fn quotes_pair_within_a_paragraph() {
        let text = "He said \"yes\" and “no”.\n\"open";
        let q: Vec<&str> = find_quotes(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(q, ["\"yes\"", "“no”"]);
    }
}
