//! **leads_delegation** — who heads a delegation.
//!
//! Matches: "A will lead / leads / led / is heading the X delegation", "the delegation
//! will be led by A", "headed by A", "A, who heads the delegation" (titles such as
//! "head of Russia's delegation" are handled where the title is read); "the Armenian
//! and Azerbaijani delegations, led by A and B (respectively)": each by the one in its
//! place.
//! Example: "Foreign Minister Amina Odhiambo will lead the Kenyan delegation." →
//! Odhiambo leads the delegation of Kenya.
//! Known false positives: "led" in another sense near a delegation ("the talks led by
//! the delegation's host").

use super::Rule;
use crate::analysis::Analysis;
use crate::clause::{objects_after, subject_of};
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "leads_delegation", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["lead", "leads", "led", "leading", "head", "heads", "headed", "heading"];

fn delegation_at(a: &Analysis, from: usize, to: usize) -> Option<(usize, crate::model::Span)> {
    (from..to.min(a.toks.len())).find_map(|k| {
        let m = a.mention_at_tok(k)?;
        (m.kind == EntityKind::Delegation).then_some((m.ent, m.span))
    })
}

/// The delegations of one coordinated phrase that ends before token `to` and starts at
/// or after `from` ("the Armenian and Azerbaijani delegations", "delegations from Russia
/// and Ukraine"), in the order written; empty unless there are two or more.
fn listed_delegations(a: &Analysis, from: usize, to: usize) -> Vec<(usize, crate::model::Span)> {
    let mut out: Vec<(usize, crate::model::Span)> = Vec::new();
    for k in from..to.min(a.toks.len()) {
        for m in a.mentions_starting(a.toks[k].span.start) {
            if m.kind == EntityKind::Delegation && !out.iter().any(|&(d, _)| d == m.ent) {
                out.push((m.ent, m.span));
            }
        }
    }
    out.sort_by_key(|&(_, s)| (s.start, s.end));
    // One phrase: the mentions share the noun, at their end or at their start.
    let shared = |f: fn(&crate::model::Span) -> usize| out.windows(2).all(|w| f(&w[0].1) == f(&w[1].1));
    if out.len() < 2 || !(shared(|s| s.end) || shared(|s| s.start)) {
        out.clear();
    }
    out
}

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        let w = a.lower(i);
        let active = matches!(w, "lead" | "leads" | "led" | "leading" | "head" | "heads" | "headed" | "heading");
        if !active {
            continue;
        }
        // The delegation is in the trigger's sentence.
        let sentence = a.sents[a.sent_of(a.toks[i].span.start)].tokens.clone();
        if a.lower(i + 1) == "by" {
            // "the delegation (will be) led by A"
            // "the delegation of the Government of Ethiopia was led by": the head noun
            // may stand a few words before.
            let before = i.saturating_sub(9).max(sentence.start);
            let Some((d, dspan)) = delegation_at(a, before, i) else {
                continue;
            };
            // "headed by A and B": co-heads, named right after "by" (not "led by the Prime
            // Minister, included A and B": the members after the next verb).
            let heads = objects_after(a, i + 1);
            let near = heads.first().is_some_and(|&(_, s)| {
                let first = a.tok_at(s.start);
                // "headed by the Minister of Culture, Olga Lyubimova": a title in
                // apposition before the name.
                let titled = first <= i + 10
                    && first >= i + 4
                    && crate::clause::is_comma(a, first - 1)
                    && a.title_at(a.toks[i + 2].span.cover(a.toks[first - 2].span));
                (first <= i + 5 || titled) && !(i + 2..first).any(|k| crate::clause::finite_verb_at(a, k))
            });
            // "headed by A, with B among its members": B is a member.
            let heads: Vec<_> =
                heads.into_iter().filter(|&(_, s)| near && a.lower(a.tok_at(s.end)) != "among").collect();
            let listed = listed_delegations(a, before, i);
            if listed.len() >= 2 {
                // "led by A and B (respectively)": one each, in order, unless the head
                // is known to serve another country.
                if listed.len() == heads.len() {
                    for (&(d, dspan), &(p, pspan)) in listed.iter().zip(&heads) {
                        if a.ents[p].iso.as_ref().is_none_or(|iso| a.ents[d].iso.as_ref() == Some(iso)) {
                            a.add_rel(
                                RelationKind::LeadsDelegation,
                                p,
                                d,
                                Status::Occurred,
                                dspan.cover(pspan),
                                RULE.name,
                            );
                        }
                    }
                }
                continue;
            }
            for (p, pspan) in heads {
                a.add_rel(RelationKind::LeadsDelegation, p, d, Status::Occurred, dspan.cover(pspan), RULE.name);
            }
        // "led a high-powered Kenyan delegation": up to two words before the country.
        } else if let Some((d, dspan)) = delegation_at(a, i + 1, (i + 5).min(sentence.end)) {
            // "A will lead the X delegation"; "sent B to lead Russia's delegation": the
            // person before "to" leads, not the one who sent them.
            let infinitive = (i >= 2 && a.lower(i - 1) == "to")
                .then(|| a.mentions_ending(a.toks[i - 2].span.end).find(|m| m.kind == EntityKind::Person))
                .flatten()
                .map(|m| (m.ent, m.span));
            if let Some((p, pspan)) = infinitive.or_else(|| subject_of(a, i)) {
                a.add_rel(RelationKind::LeadsDelegation, p, d, Status::Occurred, pspan.cover(dspan), RULE.name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    /// "led by A and B respectively": each delegation of the list by the one in its place.
    #[test]
    fn listed_delegations_led_in_order() {
        for text in [
            "The Kenyan and Ghanaian delegations, led by Amina Odhiambo and Kofi Mensah respectively, arrived.",
            "Delegations from Kenya and Ghana, led by Amina Odhiambo and Kofi Mensah, respectively, arrived.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(
                has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:ke"),
                "{text}: {:?}",
                x.relations
            );
            assert!(
                has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:gh"),
                "{text}: {:?}",
                x.relations
            );
            assert!(!has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:gh"), "{text}");
        }
        // As many heads as delegations, or none is paired.
        let x = extract("The Kenyan and Ghanaian delegations, led by Amina Odhiambo, arrived.", "2025-03-05");
        assert!(
            !x.relations.iter().any(|r| r.kind == crate::model::RelationKind::LeadsDelegation),
            "{:?}",
            x.relations
        );
    }

    #[test]
    fn a_long_delegation_phrase_before_led_by() {
        let x = extract("The delegation of the Government of Ghana was led by Kofi Mensah.", "2025-03-05");
        assert!(has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
    }

    /// "led by A, adviser to Prime Minister B": B is no leader.
    #[test]
    fn the_one_a_title_serves_is_no_leader() {
        let x = extract(
            "The Ghanaian delegation was led by Kofi Mensah, National Security Adviser to President Ama Owusu.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:ama-owusu", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
        let x = extract(
            "The Ghanaian team was headed by its spokesman, Kofi Mensah, with General Ama Owusu among its members.",
            "2025-03-05",
        );
        assert!(!has_edge(&x, "person:ama-owusu", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
    }

    /// "headed by A and includes B": B is no leader.
    #[test]
    fn a_member_after_includes_is_no_leader() {
        let x =
            extract("The Ghanaian delegation is headed by Kofi Mensah and includes commander Ama Owusu.", "2025-03-05");
        assert!(has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:ama-owusu", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
    }

    #[test]
    fn the_delegation_is_in_the_sentence_of_the_verb() {
        let x = extract("Amina Odhiambo led\nthe Kenyan delegation arrived.", "2025-03-05");
        assert!(!has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
    }

    #[test]
    fn a_title_in_apposition_before_the_head() {
        let x = extract("The delegation of Kenya was headed by the Minister of Culture, Anna Wanjiru.", "2025-03-05");
        assert!(has_edge(&x, "person:anna-wanjiru", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
        let x = extract("The delegation of the United States was led by Tom Price.", "2025-03-05");
        assert!(has_edge(&x, "person:tom-price", "leads_delegation", "delegation:us"), "{:?}", x.relations);
    }

    #[test]
    fn active_and_passive() {
        let x = extract("Foreign Minister Amina Odhiambo will lead the Kenyan delegation.", "2025-03-05");
        assert!(has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:ke"));
        let x = extract("Ghana's delegation arrived. The delegation will be led by Kofi Mensah.", "2025-03-05");
        assert!(has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:gh"));
        let x = extract("Amina Odhiambo sent Foreign Minister Kofi Mensah to lead Ghana's delegation.", "2025-03-05");
        assert!(has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:gh"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:gh"));
    }

    #[test]
    fn a_delegation_with_adjectives() {
        let x = crate::test_support::extract(
            "President Amina Odhiambo led a high-powered Kenyan delegation.",
            "2025-03-05",
        );
        assert!(
            crate::test_support::has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:ke"),
            "{:?}",
            x.relations
        );
    }

    #[test]
    fn members_after_the_next_verb_are_no_heads() {
        let x = extract(
            "Amina Odhiambo arrived. The Kenyan delegation, led by the minister, included Kofi Mensah and Tom Price.",
            "2025-03-05",
        );
        assert!(!has_edge(&x, "person:kofi-mensah", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
        assert!(has_edge(&x, "person:kofi-mensah", "member_of", "delegation:ke"), "{:?}", x.relations);
    }
}
