//! **pronoun** — "he" and "she" as the subject of a clause, resolved to the most recent
//! compatible subject.
//!
//! Matches: "He"/"She" (and "he"/"she" after a comma or "and"); the antecedent is the
//! traveller of "X's visit to Y, where he ...", else the first person of the same
//! sentence before the pronoun, else the first person of the
//! previous sentence, with gender checked when known; a possessor ("Trump's adviser
//! Kushner") only when the sentence names nobody else.
//! Example: "Amina Odhiambo arrived in Nairobi. She met the envoy." → She = Odhiambo.
//! Members of a list ("a team that included A and B") are skipped.
//! Known false positives: a pronoun that refers to someone mentioned later in a long
//! sentence, or to the speaker of a quotation.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::model::{EntityKind, Span};

pub const RULE: Rule = Rule { name: "pronoun", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["he", "she", "him", "her"];

/// Verbs of receiving a visitor, whose object pronoun is the visitor: "Zelensky
/// received him at his office".
const RECEIVING: &[&str] = &["received", "receives", "welcomed", "welcomes", "hosted", "hosts", "greeted", "greets"];

fn apply(a: &mut Analysis) {
    // Only "he", "she", "him" and "her" trigger the rule: the other tokens are never
    // visited.
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        let female = match a.lower(i) {
            "he" => false,
            "she" => true,
            "him" => {
                object(a, i, false);
                continue;
            }
            "her" => {
                object(a, i, true);
                continue;
            }
            _ => continue,
        };
        let span = a.toks[i].span;
        if a.in_quote(span) {
            continue;
        }
        let sent = a.sent_of(span.start);
        // A capital "He" inside a sentence is a name ("a delegation that included He and
        // Wang Yi"), unless a quotation or a colon opens a clause there.
        if a.toks[i].is_cap
            && a.sents[sent].tokens.start != i
            && !(a.word(i - 1) == ":" || crate::clause::is_quote_mark(a, i - 1))
        {
            continue;
        }
        // A possessor ("Trump's son-in-law Jared Kushner ... He") is no antecedent
        // while the sentence names someone else.
        let possessor =
            |m: Span| a.text.get(m.end..).is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
        let candidates = |s: usize| -> Option<usize> {
            // In the order of `Analysis::mentions_in`, sorting only the persons: a stable
            // sort of those kept orders them as the sort of all did.
            let mut persons: Vec<(usize, Span)> = sentence_mentions(a, s)
                .filter(|m| m.span.start < span.start || s != sent)
                .filter(|m| m.kind == EntityKind::Person && !a.in_quote(m.span) && !listed(a, m.span))
                .filter(|m| a.ents[m.ent].female.is_none_or(|f| f == female))
                .map(|m| (m.ent, m.span))
                .collect();
            persons.sort_by_key(|&(_, m)| m);
            persons.iter().find(|&&(_, m)| !possessor(m)).or(persons.first()).map(|&(e, _)| e)
        };
        // "Before Xi, he spent the day with Wang": a person of the phrase that opens the
        // sentence, before the pronoun's comma, is not what the pronoun stands for.
        let sent_start = a.sents[sent].tokens.start;
        let fronted = i > sent_start
            && crate::clause::is_comma(a, i - 1)
            && !(sent_start..i - 1).any(|k| crate::clause::finite_verb_at(a, k) || crate::clause::is_comma(a, k));
        let mut antecedent = if fronted { None } else { traveller_before_where(a, i).or_else(|| candidates(sent)) };
        // Else the sentences before, back to the first that names anyone (three at most:
        // a transcript's short turns name nobody).
        for back in 1..=3.min(sent) {
            if antecedent.is_some() {
                break;
            }
            antecedent = candidates(sent - back);
            let names_anyone =
                sentence_mentions(a, sent - back).any(|m| m.kind == EntityKind::Person && !listed(a, m.span));
            if names_anyone {
                break;
            }
        }
        // A paragraph opened by "He" (or "Out of office, he") goes on with the story's
        // protagonist, not with whoever the last paragraph named last.
        let opens_paragraph = antecedent
            .is_some_and(|p| !(sent_start..i).any(|k| a.mention_at_tok(k).is_some_and(|m| m.ent == p)))
            && sent > 0
            && a.previous_in_paragraph(sent).is_none();
        if opens_paragraph {
            antecedent = protagonist(a, span.start, female).or(antecedent);
        }
        if let Some(p) = antecedent {
            a.add_mention(p, span, RULE.name, Form::Pronoun);
        }
    }
}

/// The person the story is about, by the mentions before byte `at`: named at least
/// three times and twice as often as anyone else, of the pronoun's gender.
fn protagonist(a: &Analysis, at: usize, female: bool) -> Option<usize> {
    // Counted by entity number, not hashed; the first of the ranking by (count,
    // entity), highest first, and the count after it are found in one pass.
    let mut counts = vec![0usize; a.ents.len()];
    for m in a.mentions_before(at).take(2048) {
        if m.kind == EntityKind::Person {
            if let Some(n) = counts.get_mut(m.ent) {
                *n += 1;
            }
        }
    }
    let (mut first, mut second): (Option<(usize, usize)>, usize) = (None, 0);
    for (e, &n) in counts.iter().enumerate().filter(|&(_, &n)| n > 0) {
        match first {
            Some(top) if (n, e) < top => second = second.max(n),
            _ => {
                second = second.max(first.map_or(0, |(n, _)| n));
                first = Some((n, e));
            }
        }
    }
    let (n, e) = first?;
    (n >= 3 && n >= 2 * second && a.ents[e].female.is_none_or(|f| f == female)).then_some(e)
}

/// "a mediation team that included A and B": the members of a list another noun
/// governs are no antecedents of the next sentence's "he", which goes on with the
/// story's subject.
fn listed(a: &Analysis, m: Span) -> bool {
    let t = a.tok_at(m.start);
    (t.saturating_sub(6)..t)
        .rev()
        .take_while(|&k| !crate::clause::is_comma(a, k) && a.word(k) != ".")
        .any(|k| matches!(a.lower(k), "included" | "including" | "includes" | "include"))
}

/// The mentions of sentence `s` that `Analysis::mentions_in` gives, unsorted (in text
/// order but for mentions that start together), without collecting them.
fn sentence_mentions<'m>(a: &'m Analysis, s: usize) -> impl Iterator<Item = &'m crate::analysis::MentionRec> + 'm {
    let sentence = a.sents.get(s);
    // A sentence spans its tokens; those of one without valid tokens are found by its span.
    let by_tokens = sentence.filter(|x| !x.tokens.is_empty() && x.tokens.end <= a.toks.len());
    let by_span = sentence.filter(|_| by_tokens.is_none());
    let within_toks = by_tokens.map(|x| a.mentions_within_toks(x.tokens.start, x.tokens.end));
    let within = by_span.map(|x| a.mentions_within(x.span));
    within_toks.into_iter().flatten().chain(within.into_iter().flatten())
}

/// "the Prime Minister's visits to Moscow in July, where he held talks with Putin": a
/// pronoun opening a "where" clause on a journey is the traveller, the possessor of the
/// journey's noun in the same sentence.
fn traveller_before_where(a: &Analysis, i: usize) -> Option<usize> {
    if i == 0 || a.lower(i - 1) != "where" {
        return None;
    }
    let sent_start = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
    (sent_start + 1..i.saturating_sub(1)).rev().find_map(|k| {
        if !matches!(a.lower(k), "visit" | "visits" | "trip" | "trips" | "journey" | "tour") {
            return None;
        }
        let owner = k.checked_sub(1).filter(|&o| matches!(a.word(o), "'s" | "\u{2019}s"))?;
        let m = a.mentions_ending(a.toks[owner].span.start).find(|m| m.kind == EntityKind::Person)?;
        Some(m.ent)
    })
}

/// "welcomed her at the palace", not "welcomed her counterpart" (a possessive): "her" at
/// token `i` is an object when no word follows it but a preposition, an adverb of place
/// or "and".
pub(super) fn her_is_object(a: &Analysis, i: usize) -> bool {
    !a.toks.get(i + 1).is_some_and(|t| t.is_word)
        || matches!(a.lower(i + 1), "at" | "in" | "on" | "there" | "here" | "to" | "with" | "and" | "for" | "during")
}

/// "him"/"her" right after a verb of receiving: the person of the sentence named before
/// it who is not the verb's subject, else the first person of the sentence before.
fn object(a: &mut Analysis, i: usize, female: bool) {
    if i == 0 || !RECEIVING.contains(&a.lower(i - 1)) {
        return;
    }
    if female && !her_is_object(a, i) {
        return;
    }
    let span = a.toks[i].span;
    if a.in_quote(span) {
        return;
    }
    let subjects: Vec<usize> = crate::clause::subjects_of(a, i - 1).into_iter().map(|(e, _)| e).collect();
    let sent = a.sent_of(span.start);
    let fits = |a: &Analysis, e: usize| {
        a.ents[e].kind == EntityKind::Person && !subjects.contains(&e) && a.ents[e].female.is_none_or(|f| f == female)
    };
    let here =
        a.mentions_in(sent).into_iter().filter(|m| m.span.end <= span.start && fits(a, m.ent)).map(|m| m.ent).last();
    let before = || {
        let s = sent.checked_sub(1)?;
        a.mentions_in(s).into_iter().find(|m| fits(a, m.ent) && !a.in_quote(m.span)).map(|m| m.ent)
    };
    if let Some(p) = here.or_else(before) {
        a.add_mention(p, span, RULE.name, Form::Pronoun);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn pronoun_subject_of_the_next_sentence() {
        let x = extract("Amina Odhiambo arrived in Nairobi. She met with Tom Price in the city.", "2025-03-01");
        assert!(has_edge(&x, "person:amina-odhiambo", "met_with", "person:tom-price"));
    }

    /// A paragraph that opens with "he" goes on with the story's protagonist; members of
    /// a list are no antecedents.
    #[test]
    fn a_new_paragraph_goes_on_with_the_protagonist() {
        let x = extract(
            "Ivan Petrov became foreign minister in 2019. Petrov led talks in Oslo. Petrov later chaired a panel.\n\n\
             The Danish envoy, Tom Price, took part; Karl Berg refused to attend.\n\n\
             Out of office, he flew to Bergen and met Olga Smirnova.",
            "2025-03-01",
        );
        assert!(has_edge(&x, "person:ivan-petrov", "met_with", "person:olga-smirnova"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:karl-berg", "met_with", "person:olga-smirnova"), "{:?}", x.relations);
        let x = extract(
            "Ivan Petrov flew to Oslo with a team that included Tom Price. He met Olga Smirnova there.",
            "2025-03-01",
        );
        assert!(has_edge(&x, "person:ivan-petrov", "met_with", "person:olga-smirnova"), "{:?}", x.relations);
    }

    #[test]
    fn possessor_is_no_antecedent() {
        let x =
            extract("Anna Brown's chief adviser, Tom Price, flew to Nairobi. He met Paul Kamau there.", "2025-03-01");
        assert!(has_edge(&x, "person:tom-price", "met_with", "person:paul-kamau"));
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:paul-kamau"));
    }

    /// "A praised B's visit to Oslo, where he met C": he is the traveller B.
    #[test]
    fn the_traveller_of_a_where_clause() {
        let x = extract(
            "President Anna Brown praised Tom Price's visit to Oslo in May, where he met Ivan Petrov.",
            "2025-03-01",
        );
        assert!(has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    }

    #[test]
    fn object_of_a_verb_of_receiving() {
        for text in [
            "Prime Minister Tom Price was in Oslo on Tuesday, and President Anna Brown received him at her office.",
            "Tom Price flew to Oslo. President Anna Brown received him there.",
        ] {
            let x = extract(text, "2025-03-01");
            assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{text}: {:?}", x.relations);
        }
        // "her" before a noun is a possessive.
        let x = extract("Anna Brown met Tom Price. Mary Lee welcomed her counterpart.", "2025-03-01");
        assert!(!has_edge(&x, "person:mary-lee", "met_with", "person:anna-brown"));
    }

    #[test]
    fn not_the_person_of_a_fronted_phrase_and_back_past_sentences_naming_nobody() {
        let x = extract(
            "Tom Price met Anna Brown in Oslo. It was a warm tone. Before Brown, he spent the day with Ivan Petrov.",
            "2025-03-01",
        );
        assert!(has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    }
}
