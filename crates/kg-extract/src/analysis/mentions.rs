//! Mention bookkeeping: how a mention names its entity, and the recording and
//! position lookups of an analysis's mentions (kept in step with its index).

use super::Analysis;
use crate::model::Span;

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
        // Where the span starts among the tokens, for both the test and the insertion.
        let first = self.index.first_tok(span.start);
        if self.index.any_overlapping_from(first, span, &self.mentions) {
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
        self.index.insert_from(first, self.mentions.len(), span);
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
}
