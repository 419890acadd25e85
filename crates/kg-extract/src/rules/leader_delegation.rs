//! **leader_delegation** — a delegation named by the leader who brought it.
//!
//! Matches: "Kim's delegation", "Zelenskyy's negotiating team", "led his country's
//! delegation", "Zelenskyy and his delegation" (the clause's subject), where the
//! person's country is told by the article ("North Korean leader Kim Jong Un", "the head of Ukraine's presidential
//! office") or known from the table of office holders at the story's date.
//! A leader's own delegation ("Kim's", "his") is one the leader heads.
//! Example: "Kenyan President Amos Kiprono arrived. Kiprono's delegation included two
//! ministers." → the Kenyan delegation, which Kiprono leads.
//! Known false positives: a person who leads a delegation of another body than their
//! country's (a party, a parliament) gives the country's delegation.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::model::{EntityKind, RelationKind, Span, Status};

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
        // "Zelenskyy and his delegation": the delegation of the person "his" stands for,
        // the subject of its clause.
        if matches!(a.lower(head - 1), "his" | "her") {
            // "the Ukrainian leader and his delegation": the person just before "and".
            let coordinated = (head >= 3 && a.lower(head - 2) == "and")
                .then(|| a.mentions_ending(a.toks[head - 3].span.end).find(|m| m.kind == EntityKind::Person))
                .flatten()
                .map(|m| m.ent);
            let leader = coordinated.or_else(|| crate::clause::subjects_of(a, head - 1).first().map(|&(e, _)| e));
            let female = a.lower(head - 1) == "her";
            if let Some(leader) = leader.filter(|&p| a.ents[p].female.is_none_or(|f| f == female)) {
                let span = Span::new(a.toks[head - 1].span.start, a.toks[i].span.end);
                add_delegation_of(a, leader, span, true);
            }
            continue;
        }
        // "Macron brought a business delegation", "at the head of a large delegation":
        // the delegation the clause's subject brings is that of their country.
        if let Some(verb) = brought(a, head) {
            let leader = crate::clause::subjects_of(a, verb).first().map(|&(e, _)| e);
            if let Some(leader) = leader {
                add_delegation_of(a, leader, Span::new(a.toks[head].span.start, a.toks[i].span.end), false);
            }
            continue;
        }
        let Some(apostrophe) = head.checked_sub(1).filter(|&k| matches!(a.word(k), "'s" | "\u{2019}s")) else {
            continue;
        };
        // "led his country's delegation": the country of the clause's subject.
        let own_country = apostrophe >= 2
            && a.lower(apostrophe - 1) == "country"
            && matches!(a.lower(apostrophe - 2), "his" | "her" | "their");
        let leader = if own_country {
            crate::clause::subjects_of(a, apostrophe - 2).first().map(|&(e, _)| e)
        } else {
            apostrophe.checked_sub(1).and_then(|k| a.mention_at_tok(k)).map(|m| m.ent)
        };
        let Some(leader) = leader else {
            continue;
        };
        let start = if own_country { apostrophe - 1 } else { head };
        // "Kim's delegation" is the one Kim heads; "his country's delegation" says less.
        let possessor_leads = !own_country;
        add_delegation_of(a, leader, Span::new(a.toks[start].span.start, a.toks[i].span.end), possessor_leads);
    }
}

/// For "a (business) delegation" at `head` brought by the clause's subject ("brought",
/// "led", "headed", "accompanied by", "arrived with", "at the head of"): the token of
/// the verb or preposition.
fn brought(a: &Analysis, head: usize) -> Option<usize> {
    let mut k = head.checked_sub(1)?;
    for _ in 0..3 {
        if matches!(a.lower(k), "a" | "an") {
            break;
        }
        let w = a.lower(k);
        // "a deliberately small delegation": an adverb before the adjective too.
        let modifier = !a.toks[k].is_cap
            && a.toks[k].is_word
            && (w.ends_with("-level")
                || (w.len() > 4 && w.ends_with("ly"))
                || w.ends_with("-member")
                || matches!(
                    w,
                    "business"
                        | "trade"
                        | "large"
                        | "small"
                        | "big"
                        | "sizeable"
                        | "high-powered"
                        | "ministerial"
                        | "official"
                        | "economic"
                ));
        if !modifier {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    if !matches!(a.lower(k), "a" | "an") {
        return None;
    }
    let verb = k.checked_sub(1)?;
    match a.lower(verb) {
        "brought" | "brings" | "bringing" | "led" | "leads" | "leading" | "headed" | "heads" | "heading" => Some(verb),
        "by" if verb > 0 && matches!(a.lower(verb - 1), "accompanied" | "joined") => Some(verb - 1),
        "with" if verb > 0 && matches!(a.lower(verb - 1), "arrived" | "travelled" | "traveled" | "came") => {
            Some(verb - 1)
        }
        "of" if verb > 1 && a.lower(verb - 1) == "head" => Some(verb - 1),
        _ => None,
    }
}

/// The words at `span` name the delegation of the country `leader` leads or serves;
/// with `leads`, one the person heads.
fn add_delegation_of(a: &mut Analysis, leader: usize, span: Span, leads: bool) {
    if a.ents[leader].kind != EntityKind::Person {
        return;
    }
    let country = match leader_country(a, leader) {
        Some(Ok(country)) => country,
        Some(Err(index)) => a.gaz_entity(crate::gazetteer::Target::Country(index)),
        None => return,
    };
    let d = super::delegation_mention::delegation_of(a, country);
    a.add_mention(d, span, RULE.name, Form::Anaphor);
    if leads {
        a.add_rel(RelationKind::LeadsDelegation, leader, d, Status::Occurred, span, RULE.name);
    }
}

/// The country a person leads or serves, told by the article ("North Korean leader
/// Kim") or known from the table of office holders at the story's date: as an entity,
/// or as the index of a gazetteer country.
pub(super) fn leader_country(a: &Analysis, person: usize) -> Option<Result<usize, usize>> {
    let told = a
        .titles
        .iter()
        .filter(|t| t.person == person && !t.former)
        .filter_map(|t| t.affiliation)
        .find(|&c| a.ents[c].kind == EntityKind::Country);
    if let Some(c) = told {
        return Some(Ok(c));
    }
    // "the head of Ukraine's presidential office": the country of the body served.
    let body_country = a
        .titles
        .iter()
        .filter(|t| t.person == person && !t.former)
        .filter_map(|t| t.affiliation)
        .find_map(|o| a.ents[o].iso.as_deref().filter(|_| a.ents[o].kind == EntityKind::Organization));
    if let Some(&index) = body_country.and_then(|iso| a.gaz.countries_with_iso(iso).first()) {
        return Some(Err(index));
    }
    let (known, date) = (a.ents[person].known?, a.doc.date?);
    let term = a.gaz.persons[known].terms.iter().map(|&t| &a.gaz.terms[t]).find(|t| t.covers(date))?;
    a.gaz.countries_with_iso(&term.target).first().copied().map(Err)
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
        assert!(has_edge(&x, "person:amos-kiprono", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
    }

    #[test]
    fn a_delegation_a_leader_brought() {
        for text in [
            "Kenyan President Amos Kiprono arrived in Oslo. Kiprono brought a business delegation of 50 executives.",
            "Kenyan President Amos Kiprono arrived in Oslo. He was accompanied by a large delegation.",
            "Kenyan President Amos Kiprono is paying a visit to Oslo at the head of a large delegation.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(x.entities.iter().any(|e| e.id.starts_with("delegation:ke")), "{text}: {:?}", x.entities);
        }
    }

    #[test]
    fn his_delegation() {
        let text = "Kenyan President Amos Kiprono and his delegation were told to leave.";
        let x = extract(text, "2025-05-15");
        assert!(has_edge(&x, "delegation:ke", "represents", "country:ke"), "{:?}", x.relations);
        assert!(has_edge(&x, "person:amos-kiprono", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
        // The person just before "and", not the subject of the sentence.
        let text = "Tom Price's talks with Kenyan President Amos Kiprono failed, and the Kenyan leader and his \
                    delegation were told to leave.";
        let x = extract(text, "2025-05-15");
        assert!(has_edge(&x, "person:amos-kiprono", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
        assert!(!x.relations.iter().any(|r| r.source == "person:tom-price" && r.kind.as_str() == "leads_delegation"));
    }

    #[test]
    fn his_countrys_delegation() {
        let text = "Kenyan Foreign Minister Joseph Kamau led his country's delegation at the talks in Geneva.";
        let x = extract(text, "2025-05-15");
        assert!(has_edge(&x, "person:joseph-kamau", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
    }
}
