//! **leader_delegation** — a delegation named by the leader who brought it.
//!
//! Matches: "Kim's delegation", "Zelenskyy's negotiating team", where the person's
//! country is told by the article ("North Korean leader Kim Jong Un") or known from the
//! table of office holders at the story's date.
//! Example: "Kenyan President Amos Kiprono arrived. Kiprono's delegation included two
//! ministers." → the Kenyan delegation.
//! Known false positives: a person who leads a delegation of another body than their
//! country's (a party, a parliament) gives the country's delegation.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::model::{EntityKind, Span};

pub const RULE: Rule = Rule { name: "leader_delegation", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["delegation", "team"];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if i < 2 || a.mention_at_tok(i).is_some() {
            continue;
        }
        let head = match a.lower(i) {
            "delegation" => i,
            "team" if a.lower(i - 1) == "negotiating" => i - 1,
            _ => continue,
        };
        let Some(apostrophe) = head.checked_sub(1).filter(|&k| matches!(a.word(k), "'s" | "\u{2019}s")) else {
            continue;
        };
        let Some(leader) = apostrophe.checked_sub(1).and_then(|k| a.mention_at_tok(k)).map(|m| m.ent) else {
            continue;
        };
        if a.ents[leader].kind != EntityKind::Person {
            continue;
        }
        let country = match leader_country(a, leader) {
            Some(Ok(country)) => country,
            Some(Err(index)) => a.gaz_entity(crate::gazetteer::Target::Country(index)),
            None => continue,
        };
        let d = super::delegation_mention::delegation_of(a, country);
        let span = Span::new(a.toks[head].span.start, a.toks[i].span.end);
        a.add_mention(d, span, RULE.name, Form::Anaphor);
    }
}

/// The country a person leads or serves, told by the article ("North Korean leader
/// Kim") or known from the table of office holders at the story's date: as an entity,
/// or as the index of a gazetteer country.
fn leader_country(a: &Analysis, person: usize) -> Option<Result<usize, usize>> {
    let told = a
        .titles
        .iter()
        .filter(|t| t.person == person && !t.former)
        .filter_map(|t| t.affiliation)
        .find(|&c| a.ents[c].kind == EntityKind::Country);
    if let Some(c) = told {
        return Some(Ok(c));
    }
    let (known, date) = (a.ents[person].known?, a.doc.date?);
    let term = a.gaz.persons[known].terms.iter().map(|&t| &a.gaz.terms[t]).find(|t| t.covers(date))?;
    a.gaz.countries.iter().position(|c| c.iso == term.target).map(Err)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn a_leaders_delegation_is_their_countrys() {
        let text = "Kenyan President Amos Kiprono arrived on Monday. Kiprono's delegation included Foreign Minister Joseph Kamau.";
        let x = extract(text, "2025-05-15");
        assert!(has_edge(&x, "delegation:ke", "represents", "country:ke"), "{:?}", x.relations);
        assert!(has_edge(&x, "person:joseph-kamau", "member_of", "delegation:ke"), "{:?}", x.relations);
    }
}
