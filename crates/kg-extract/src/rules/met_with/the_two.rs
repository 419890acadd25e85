//! "The two leaders", "the two men", "the three leaders": the persons a plural subject
//! stands for.

use crate::analysis::Analysis;
use crate::clause::clause_of;
use crate::model::{EntityKind, Span};

/// "The two leaders met for three hours": the two persons "the two leaders" stands for,
/// the only two the sentence named before it, else the only two of the sentence before
/// (for three or four, of the last paragraph when the phrase opens one); all with the
/// span of the phrase.
/// The same for three and four.
pub(super) fn the_two(a: &Analysis, verb: usize) -> Option<Vec<(usize, Span)>> {
    let (clause_start, _) = clause_of(a, verb);
    let count = |w: &str| match w {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    };
    let two = (clause_start..verb).find(|&k| {
        count(a.lower(k)).is_some()
            && k > 0
            && a.lower(k - 1) == "the"
            && matches!(a.lower(k + 1), "leaders" | "men" | "women" | "presidents" | "ministers" | "sides")
    })?;
    let n = count(a.lower(two))?;
    let phrase = a.toks[two - 1].span.cover(a.toks[two + 1].span);
    let sent = a.sent_of(phrase.start);
    let distinct = |s: usize, before: usize| {
        let mut found: Vec<usize> = Vec::new();
        for m in a.mentions_in(s) {
            if m.span.end <= before && m.kind == EntityKind::Person && !found.contains(&m.ent) {
                found.push(m.ent);
            }
        }
        found
    };
    let mut pair = distinct(sent, phrase.start);
    if pair.is_empty() && sent > 0 {
        let gap = a.text.get(a.sents[sent - 1].span.end..a.sents[sent].span.start).unwrap_or("\n");
        // Across a paragraph break only for three or four, from the phrase that opens
        // the new paragraph: the persons of the paragraph before are more often a
        // pair than the story's own two.
        let opens = n > 2 && a.sents[sent].tokens.start == two - 1;
        if !gap.contains('\n') || opens {
            pair = distinct(sent - 1, usize::MAX);
        }
    }
    (pair.len() == n).then(|| pair.into_iter().map(|p| (p, phrase)).collect())
}

/// "The King and Queen Camilla landed on Tuesday. The President welcomed them": the
/// persons "them" at token `tok` stands for, the two or more persons coordinated as the
/// subject of the sentence before, with the span of the pronoun.
pub(super) fn them(a: &Analysis, tok: usize) -> Option<Vec<(usize, Span)>> {
    let sent = a.sent_of(a.toks[tok].span.start);
    let before = a.sents.get(sent.checked_sub(1)?)?.tokens.clone();
    let verb = before.clone().find(|&k| crate::clause::finite_verb_at(a, k))?;
    let subjects = crate::clause::subjects_of(a, verb);
    let persons = subjects.iter().all(|&(e, _)| a.ents[e].kind == EntityKind::Person);
    (subjects.len() >= 2 && persons).then(|| subjects.iter().map(|&(e, _)| (e, a.toks[tok].span)).collect())
}
