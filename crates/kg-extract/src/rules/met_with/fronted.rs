//! A meeting told in a phrase that opens the sentence: "In talks at the prime
//! minister's office, Ishiba and Lee confirmed ...", "In a meeting with Xi on Monday,
//! Biden raised ...", "At the Korea-Japan summit meeting, Yoon and Kishida welcomed ...". The subjects of the main clause held it: with the persons after
//! "with", or with each other when no one follows.

use super::{met_pairwise, RULE};
use crate::analysis::Analysis;
use crate::clause::{finite_verb_at, is_comma, objects_after, relative_segments};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind};

/// For the meeting noun at `i` ("talks", "meeting"), when it sits in a phrase that
/// opens its sentence with "In" or "At".
pub(super) fn fronted(a: &mut Analysis, i: usize) {
    let sent = a.sents[a.sent_of(a.toks[i].span.start)].tokens.clone();
    // "In (a|their) (first|bilateral) talks", "At the Korea-Japan summit meeting": a few
    // modifiers, or a name, at most.
    if i < sent.start + 1 || i > sent.start + 6 || !matches!(a.word(sent.start), "In" | "At") {
        return;
    }
    if !(sent.start + 1..i).all(|k| a.toks[k].is_word && !finite_verb_at(a, k)) {
        return;
    }
    let Some(comma) = (i + 1..sent.end.min(i + 25)).find(|&k| is_comma(a, k)) else { return };
    if (i + 1..comma).any(|k| finite_verb_at(a, k)) {
        return;
    }
    // "At the summit meeting, held earlier that day, A and B": past a participle's
    // phrase on the meeting.
    let comma = if participle_at(a, comma + 1) {
        match (comma + 2..sent.end.min(comma + 12)).find(|&k| is_comma(a, k)) {
            Some(second) => second,
            None => return,
        }
    } else {
        comma
    };
    // The persons right after the phrase, and their verb past a relative clause on
    // them ("Lee, who is on his first trip, confirmed").
    let subjects: Vec<_> =
        objects_after(a, comma).into_iter().filter(|&(e, _)| a.ents[e].kind == EntityKind::Person).collect();
    let (Some(&(_, first)), Some(&(_, last))) = (subjects.first(), subjects.last()) else { return };
    // Right after the comma, past a title at most ("Prime Minister Ishiba").
    if a.tok_at(first.start) > comma + 5 {
        return;
    }
    let after = a.tok_at(last.end);
    let relative = relative_segments(a, after.saturating_sub(1), sent.end);
    let in_relative = |k: usize| relative.iter().any(|&(s, e)| s <= k && k < e);
    let Some(verb) = (after..sent.end).find(|&k| finite_verb_at(a, k) && !in_relative(k)) else { return };
    let objects: Vec<_> = if a.lower(i + 1) == "with" {
        objects_after(a, i + 1).into_iter().filter(|&(_, s)| a.tok_at(s.end) <= comma).collect()
    } else {
        Vec::new()
    };
    // Read past the verb, so that a modal ("will discuss") counts.
    let status = status_at(a, verb + 1, Some(first));
    let span = a.toks[sent.start].span.cover(first);
    if objects.is_empty() {
        if subjects.len() < 2 {
            return;
        }
        met_pairwise(a, &subjects, status, span);
    } else {
        for &(s, _) in &subjects {
            for &(o, _) in objects.iter().filter(|&&(o, _)| o != s) {
                a.add_rel(RelationKind::MetWith, s, o, status, span, RULE.name);
            }
        }
    }
    let meeting = a.mention_at_tok(i).map(|m| m.ent).filter(|&m| a.ents[m].kind == EntityKind::Meeting);
    if let Some(m) = meeting {
        for &(p, _) in subjects.iter().chain(&objects) {
            a.add_rel(RelationKind::Attends, p, m, status, span, RULE.name);
        }
    }
}

/// A past participle in lower case: "held", "hosted".
fn participle_at(a: &Analysis, k: usize) -> bool {
    let w = a.lower(k);
    a.toks.get(k).is_some_and(|t| !t.is_cap) && (w.ends_with("ed") || matches!(w, "held" | "led" | "begun" | "run"))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn the_subjects_held_the_talks_of_the_opening_phrase() {
        let x = extract(
            "In talks in Nairobi on Monday, Amos Kiprono and Paul Okello agreed to reopen the border.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"), "{:?}", x.relations);
        let talks = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, "person:paul-okello", "attends", &talks), "{:?}", x.relations);
        let x = extract(
            "In talks in Nairobi, Amos Kiprono and Paul Okello, who is on his first trip abroad, agreed on the border.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"), "{:?}", x.relations);
        let x = extract(
            "At the Kenya-Uganda summit meeting, held earlier that day, Amos Kiprono and Paul Okello agreed on the border.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"), "{:?}", x.relations);
        let x = extract("In a meeting with Paul Okello, Amos Kiprono raised the border.", "2025-03-05");
        assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"), "{:?}", x.relations);
    }

    #[test]
    fn not_a_plan_nor_one_person_alone() {
        for text in [
            "In talks next week, Amos Kiprono and Paul Okello will discuss the border.",
            "In talks in Nairobi, Amos Kiprono raised the border.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(!x.relations.iter().any(|r| r.kind.as_str() == "met_with"), "{text}: {:?}", x.relations);
        }
    }
}
