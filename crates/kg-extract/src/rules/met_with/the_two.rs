//! "The two leaders", "the two men": the pair a plural subject stands for.

use crate::analysis::Analysis;
use crate::clause::clause_of;
use crate::model::{EntityKind, Span};

/// "The two leaders met for three hours": the two persons "the two leaders" stands for,
/// the only two the sentence named before it, else the only two of the sentence before
/// in its paragraph; both with the span of the phrase.
pub(super) fn the_two(a: &Analysis, verb: usize) -> Option<Vec<(usize, Span)>> {
    let (clause_start, _) = clause_of(a, verb);
    let two = (clause_start..verb).find(|&k| {
        a.lower(k) == "two"
            && k > 0
            && a.lower(k - 1) == "the"
            && matches!(a.lower(k + 1), "leaders" | "men" | "women" | "presidents" | "ministers" | "sides")
    })?;
    let phrase = a.toks[two - 1].span.cover(a.toks[two + 1].span);
    let sent = a.sent_of(phrase.start);
    let distinct = |s: usize, before: usize| {
        let mut found: Vec<usize> = Vec::new();
        for m in a.mentions_in(s) {
            if m.span.end <= before && a.ents[m.ent].kind == EntityKind::Person && !found.contains(&m.ent) {
                found.push(m.ent);
            }
        }
        found
    };
    let mut pair = distinct(sent, phrase.start);
    if pair.is_empty() && sent > 0 {
        let gap = a.text.get(a.sents[sent - 1].span.end..a.sents[sent].span.start).unwrap_or("\n");
        if !gap.contains('\n') {
            pair = distinct(sent - 1, usize::MAX);
        }
    }
    (pair.len() == 2).then(|| pair.into_iter().map(|p| (p, phrase)).collect())
}
