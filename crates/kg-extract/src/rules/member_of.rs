//! **member_of** — members of a delegation.
//!
//! Matches: "A would be among the negotiators", "A is (also) named as a negotiator",
//! "A is a member of the delegation", "the delegation includes A, B and C",
//! "negotiators A and B", "a delegation of 50 executives, among them A and B", "led a
//! delegation: A, B and C". The
//! delegation is the one named in the sentence, else the last one named — of the
//! person's own country when the article gives it.
//! Example: "Tanzania's delegation arrived. Deputy Minister Juma Said is among the
//! negotiators." → Juma Said member of the Tanzanian delegation.
//! Known false positives: negotiators of a different round or side when the article
//! switches sides without naming the delegation.

use super::Rule;
use crate::analysis::Analysis;
use crate::clause::{objects_after, subject_of};
use crate::model::{EntityKind, RelationKind, Span, Status};

pub const RULE: Rule = Rule { name: "member_of", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &[
    "among",
    "named",
    "is",
    "was",
    "are",
    "included",
    "includes",
    "include",
    "including",
    "comprises",
    "comprised",
    "made",
    "negotiators",
    "negotiator",
    "members",
    "member",
    "delegates",
    "delegate",
    "delegation",
];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        let w = a.lower(i);
        let n1 = a.lower(i + 1);
        let member_noun =
            |x: &str| matches!(x, "negotiators" | "negotiator" | "members" | "member" | "delegates" | "delegate");
        // Subject-side patterns: the person precedes the trigger. The words after the
        // second are read only when the first two fit.
        let subject_side = match w {
            "among" => n1 == "the" && member_noun(a.lower(i + 2)) || member_noun(n1),
            "named" => n1 == "as" && (member_noun(a.lower(i + 2)) || member_noun(a.lower(i + 3))),
            "is" | "was" | "are" => n1 == "a" && member_noun(a.lower(i + 2)) && a.lower(i + 3) == "of",
            _ => false,
        };
        if subject_side {
            if let Some((p, pspan)) = subject_of(a, i) {
                if let Some(d) = delegation_for(a, i, p) {
                    a.add_rel(RelationKind::MemberOf, p, d, Status::Occurred, pspan.cover(a.toks[i].span), RULE.name);
                }
            }
            continue;
        }
        // Object-side patterns: "the delegation includes A, B", "negotiators A and B".
        // "The delegation included A", not "with the American delegation on one side
        // and Chinese officials, including A": no other group of people lies between.
        let delegation_before = || {
            let sent = a.sent_of(a.toks[i].span.start);
            let sent_start = a.sents[sent].tokens.start;
            // "The delegation, led by X, ... . It included A; B; and C": "It" is the
            // delegation the sentence before was about.
            let it = i > sent_start && (sent_start..i).all(|k| matches!(a.lower(k), "it" | "also"));
            if it && sent > 0 {
                let prev = &a.sents[sent - 1].tokens;
                let opens = (prev.start..(prev.start + 4).min(prev.end))
                    .any(|k| a.mention_at_tok(k).is_some_and(|m| m.kind == EntityKind::Delegation));
                if opens {
                    return true;
                }
            }
            let Some(d) =
                (sent_start..i).rev().find(|&k| a.mention_at_tok(k).is_some_and(|m| m.kind == EntityKind::Delegation))
            else {
                return false;
            };
            let represented = a.mention_at_tok(d).and_then(|m| a.ents[m.ent].represents);
            !(d + 1..i).any(|k| {
                matches!(a.lower(k), "officials" | "leaders" | "ministers" | "diplomats" | "side")
                    || a.mention_at_tok(k).is_some_and(|m| m.kind == EntityKind::Country && Some(m.ent) != represented)
            })
        };
        // "was made up of A, B and C".
        let made_up = w == "made" && n1 == "up" && a.lower(i + 2) == "of";
        // "a business delegation of some 50 executives, among them A and B".
        let among_them = w == "among" && matches!(n1, "them" | "whom");
        let object_side = (matches!(w, "included" | "includes" | "include" | "including" | "comprises" | "comprised")
            || made_up
            || among_them)
            && delegation_before()
            || (member_noun(w) && a.toks.get(i + 1).is_some_and(|t| t.is_cap || a.word(i + 1) == ":"))
            // "led a small delegation: A, B and C".
            || (w == "delegation" && a.word(i + 1) == ":");
        if object_side {
            // "named its negotiators: A, B and C" — the list after the colon.
            let from = if a.word(i + 1) == ":" {
                i + 1
            } else if made_up {
                i + 2
            } else if among_them {
                i + 1
            } else {
                i
            };
            // A list with offices between semicolons is read as attendance lists are.
            let listed = super::attendance_frames::list_after(a, from);
            let objects = if listed.is_empty() { objects_after(a, from) } else { listed };
            let trigger_sent = a.sent_of(a.toks[i].span.start);
            for (p, pspan) in objects {
                // An item on a bullet line of its own is told by that line.
                let span = if a.sent_of(pspan.start) == trigger_sent { a.toks[i].span.cover(pspan) } else { pspan };
                if let Some(d) = delegation_for(a, i, p) {
                    a.add_rel(RelationKind::MemberOf, p, d, Status::Occurred, span, RULE.name);
                }
            }
        }
    }
}

/// The delegation the members belong to: named in the sentence, else the last named —
/// preferring the delegation of the person's own country.
fn delegation_for(a: &Analysis, i: usize, person: usize) -> Option<usize> {
    let sent = a.sent_of(a.toks[i].span.start);
    let own_country: Vec<usize> =
        a.titles.iter().filter(|t| t.person == person).filter_map(|t| t.affiliation).collect();
    let delegations: Vec<(usize, Span)> = a
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Delegation && a.sent_of(m.span.start) <= sent)
        .map(|m| (m.ent, m.span))
        .collect();
    if let Some(&(d, _)) =
        delegations.iter().rev().find(|(d, _)| a.ents[*d].represents.is_some_and(|r| own_country.contains(&r)))
    {
        return Some(d);
    }
    // "The Russian delegation included A; the Ukrainian delegation included B": the
    // one named before the trigger, nearest first.
    let at = a.toks[i].span.start;
    let in_sentence = |&&(_, s): &&(usize, Span)| a.sent_of(s.start) == sent;
    let before = delegations.iter().rev().filter(in_sentence).find(|(_, s)| s.end <= at);
    if let Some(&(d, _)) = before.or_else(|| delegations.iter().rev().find(in_sentence)) {
        return Some(d);
    }
    delegations.last().map(|&(d, _)| d)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    /// "A and B, as well as C": C is a member too.
    #[test]
    fn a_list_joined_by_as_well_as() {
        let x = extract(
            "The Kenyan delegation included Joseph Kamau and Peter Otieno, as well as Mary Akinyi, a senior adviser.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:mary-akinyi", "member_of", "delegation:ke"), "{:?}", x.relations);
    }

    #[test]
    fn among_the_negotiators() {
        let x = extract(
            "Tanzania's delegation arrived on Monday. Deputy Minister Juma Mwinyi would be among the negotiators.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:juma-mwinyi", "member_of", "delegation:tz"));
    }

    #[test]
    fn a_list_after_a_colon() {
        let x = extract(
            "The Kenyan delegation was announced. It named its negotiators: Joseph Kamau, Peter Otieno and Mary Akinyi.",
            "2025-03-05",
        );
        for p in ["person:joseph-kamau", "person:peter-otieno", "person:mary-akinyi"] {
            assert!(has_edge(&x, p, "member_of", "delegation:ke"), "{p}");
        }
        let x = extract(
            "Kenyan President Amos Kiprono led a deliberately small delegation: Joseph Kamau and Peter Otieno.",
            "2025-03-05",
        );
        for p in ["person:joseph-kamau", "person:peter-otieno"] {
            assert!(has_edge(&x, p, "member_of", "delegation:ke"), "{p}: {:?}", x.relations);
        }
        assert!(has_edge(&x, "person:amos-kiprono", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
    }

    #[test]
    fn it_included_a_list_with_offices() {
        let x = extract(
            "The Kenyan delegation, led by President Amos Kiprono, arrived on Monday. It included Foreign Minister Anna Brown, who is also a party leader; Trade, Industry and Competition Minister Tom Price; and Peter Mwangi, the special envoy.",
            "2025-03-05",
        );
        for p in ["person:anna-brown", "person:tom-price", "person:peter-mwangi"] {
            assert!(has_edge(&x, p, "member_of", "delegation:ke"), "{p}: {:?}", x.relations);
        }
        // A clause after the semicolon is no item of the list.
        let x = extract(
            "The Kenyan delegation included Foreign Minister Anna Brown; Foreign Minister Tom Price sat on the other side.",
            "2025-03-05",
        );
        assert!(!has_edge(&x, "person:tom-price", "member_of", "delegation:ke"), "{:?}", x.relations);
    }

    #[test]
    fn among_them() {
        let x = extract(
            "The Kenyan delegation of some 50 executives, among them Joseph Kamau and Peter Otieno, arrived.",
            "2025-03-05",
        );
        for p in ["person:joseph-kamau", "person:peter-otieno"] {
            assert!(has_edge(&x, p, "member_of", "delegation:ke"), "{p}: {:?}", x.relations);
        }
    }

    #[test]
    fn made_up_of() {
        let x = extract(
            "The Kenyan delegation at the talks was made up of Foreign Minister Joseph Kamau and Peter Otieno.",
            "2025-03-05",
        );
        for p in ["person:joseph-kamau", "person:peter-otieno"] {
            assert!(has_edge(&x, p, "member_of", "delegation:ke"), "{p}: {:?}", x.relations);
        }
    }

    #[test]
    fn another_group_is_no_delegation() {
        let x = extract(
            "The Kenyan delegation sat on one side and Tanzanian officials, including Juma Mwinyi, on the other.",
            "2025-03-05",
        );
        assert!(!has_edge(&x, "person:juma-mwinyi", "member_of", "delegation:ke"), "{:?}", x.relations);
    }

    #[test]
    fn each_delegation_its_own_list() {
        let x = extract(
            "The Kenyan delegation also included Ambassador Peter Otieno; the Tanzanian delegation included Minister Juma Mwinyi.",
            "2025-03-05",
        );
        assert!(has_edge(&x, "person:peter-otieno", "member_of", "delegation:ke"), "{:?}", x.relations);
        assert!(has_edge(&x, "person:juma-mwinyi", "member_of", "delegation:tz"), "{:?}", x.relations);
    }

    #[test]
    fn named_as_a_negotiator() {
        let x = extract("The Kenyan delegation was announced. Grace Wanjiru, director of the Central Bank, is also named as a negotiator.", "2025-03-05");
        assert!(has_edge(&x, "person:grace-wanjiru", "member_of", "delegation:ke"));
    }
}
