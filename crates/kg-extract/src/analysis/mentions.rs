//! Mention bookkeeping: how a mention names its entity, and the recording and
//! position lookups of an analysis's mentions (kept in step with its index).

use super::Analysis;
use crate::model::{EntityKind, Span};

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
    /// The entity's kind, which never changes: a walk over mentions that keeps one
    /// kind reads it here, not from the entity (a load from another part of memory).
    pub kind: EntityKind,
}

impl<'a> Analysis<'a> {
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

    pub fn covered(&self, span: Span) -> bool {
        self.index.any_overlapping(span, &self.mentions)
    }

    /// Mentions overlapping `span`, each with its place in the order they were recorded
    /// (its index in `mentions`); in no particular order, for callers that need no list.
    pub fn mentions_overlapping(&self, span: Span) -> impl Iterator<Item = (usize, &MentionRec)> + '_ {
        self.index.overlapping(span, &self.mentions).map(|i| (i, &self.mentions[i]))
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

    /// Mentions starting inside the tokens `from..to` (`from < to <= toks.len()`), in
    /// text order: [`Analysis::mentions_within`] of their span, whose tokens are known.
    pub fn mentions_within_toks(&self, from: usize, to: usize) -> impl Iterator<Item = &MentionRec> + '_ {
        // Tokens do not overlap and are not empty: those starting inside the span from
        // the start of `from` to the end of `to - 1` are `from..to`.
        let span = Span::new(self.toks[from].span.start, self.toks[to - 1].span.end);
        self.index.starting_within_toks(from, to, span).map(|i| &self.mentions[i])
    }

    /// Mentions of a sentence in text order.
    pub fn mentions_in(&self, sent: usize) -> Vec<&MentionRec> {
        let Some(s) = self.sents.get(sent) else { return Vec::new() };
        let mut v: Vec<&MentionRec> = if s.tokens.is_empty() || s.tokens.end > self.toks.len() {
            self.mentions_within(s.span).collect()
        } else {
            // A sentence spans its tokens.
            self.mentions_within_toks(s.tokens.start, s.tokens.end).collect()
        };
        v.sort_by_key(|m| m.span);
        v
    }

    /// Removes the mentions inside `span` (a longer name swallowed them).
    pub fn remove_mentions_within(&mut self, span: Span) {
        // Rebuilding the index costs a pass over every mention: only when needed.
        if self.mentions_within(span).any(|m| span.contains(m.span)) {
            // The entries of the mentions before the removal are cleared: the kept
            // ones are indexed again under their new places.
            self.index.unindex(&self.mentions);
            self.mentions.retain(|m| !span.contains(m.span));
            self.index.reindex(&self.mentions);
        }
    }

    /// Records a mention unless one already overlaps it (earlier rules win).
    pub fn add_mention(&mut self, ent: usize, span: Span, rule: &'static str, form: Form) -> bool {
        // Where the span starts among the tokens, for both the test and the insertion.
        let first = self.index.first_tok(span.start);
        if self.index.any_overlapping_from(first, span, &self.mentions) {
            return false;
        }
        if matches!(form, Form::Name | Form::Surname) {
            let surface = trimmed(self.slice(span));
            let e = &mut self.ents[ent];
            if !surface.is_empty() && surface != e.label && !e.aliases.contains(surface) {
                e.aliases.insert(surface.to_string());
            }
        }
        let sent = self.sent_of(span.start);
        self.index.insert_from(first, self.mentions.len(), span);
        let kind = self.ents[ent].kind;
        self.mentions.push(MentionRec { ent, span, sent, rule, form, kind });
        true
    }

    /// Records a mention inside another ("Russia" in "Russia's Foreign Ministry"):
    /// the country is named even though the longer name won.
    pub fn add_nested_mention(&mut self, ent: usize, span: Span, rule: &'static str, form: Form) {
        let sent = self.sent_of(span.start);
        if !self.mentions_starting(span.start).any(|m| m.ent == ent && m.span == span) {
            self.index.insert(self.mentions.len(), span);
            let kind = self.ents[ent].kind;
            self.mentions.push(MentionRec { ent, span, sent, rule, form, kind });
        }
    }
}

/// `s.trim()`: a name's span starts and ends on a letter, told from its first and
/// last bytes without decoding chars at both ends.
fn trimmed(s: &str) -> &str {
    let edge = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    if edge(s.as_bytes().first()) && edge(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Analysis;
    use crate::gazetteer::Gazetteer;
    use crate::model::{Document, Span};

    /// The mentions of a range of tokens are those of the span they cover, for every
    /// range, with names that span several tokens and mentions off token boundaries.
    #[test]
    fn mentions_of_a_token_range_are_those_of_its_span() {
        let text = "Turkish President Recep Tayyip Erdogan met NATO chief Mark Rutte in Ankara. \
                    Erdogan's aides, in the U.S.-led talks, said Rutte's visit to Washington D.C. went well.";
        let doc = Document::new("t", text, None);
        let mut lower = String::new();
        let mut a = Analysis::new(Gazetteer::builtin(), &doc, &mut lower);
        for rule in crate::rules::RULES {
            (rule.apply)(&mut a);
        }
        // One mention that starts and ends inside tokens.
        let odd = Span::new(a.toks[3].span.start + 1, a.toks[5].span.end - 1);
        a.add_nested_mention(0, odd, "test", super::Form::Name);
        assert!(a.mentions.iter().any(|m| m.span == odd));
        // A removal leaves the index a rebuild from scratch makes.
        let swallowed = Span::new(a.toks[0].span.start, a.toks[4].span.end);
        let before = a.mentions.len();
        a.remove_mentions_within(swallowed);
        assert!(a.mentions.len() < before);
        let kept = format!("{:?}", a.index);
        a.index.rebuild(&a.mentions);
        assert_eq!(format!("{:?}", a.index), kept);
        let n = a.toks.len();
        for from in 0..n {
            for to in from + 1..=n {
                let span = Span::new(a.toks[from].span.start, a.toks[to - 1].span.end);
                let want: Vec<Span> = a.mentions_within(span).map(|m| m.span).collect();
                let got: Vec<Span> = a.mentions_within_toks(from, to).map(|m| m.span).collect();
                assert_eq!(got, want, "tokens {from}..{to}");
            }
        }
    }
}
