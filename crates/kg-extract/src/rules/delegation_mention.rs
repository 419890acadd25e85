//! **delegation_mention** — delegations and negotiating teams, with the country or
//! organisation they represent.
//!
//! Matches: "the Russian delegation", "Russia's delegation", "a delegation from
//! Ukraine", "the Ukrainian negotiating team", "the negotiating team Moscow sent", "the
//! U.S. side is led by",
//! "the EU delegation"; a bare "the delegation" refers to the last one named; a
//! delegation of each country listed in "the Armenian and Azerbaijani delegations" and
//! "delegations from Russia and Ukraine". A
//! leader's delegation ("Kim's delegation") is read by `leader_delegation`, once
//! persons are known.
//! Example: "Kyiv's delegation arrived on Monday." → delegation of Ukraine.
//! Known false positives: a delegation of a country's parliament or business people is
//! taken as the country's negotiating team.

mod listed;

use super::Rule;
use crate::analysis::{Analysis, Ent, Form};
use crate::model::{EntityKind, Span};

pub const RULE: Rule = Rule { name: "delegation_mention", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["delegation", "delegations", "team", "side"];

/// Adjectives allowed between the country and the noun: "Russian high-level delegation".
const ADJECTIVES: &[&str] = &[
    "negotiating",
    "high-level",
    "low-level",
    "official",
    "peace",
    "government",
    "technical",
    "senior",
    "military",
    "facilitation",
    "mediation",
];

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        let w = a.lower(i);
        let (head_start, head_end) = match w {
            "delegation" => (i, i),
            "team" if a.lower(i.wrapping_sub(1)) == "negotiating" => (i - 1, i),
            // "the U.S. team, headed by ...": a country's team in talks.
            "team" if negotiation_context(a, i) => (i, i),
            // "The U.S. side is led by Steve Witkoff": a side someone leads.
            "side" if led_next(a, i) => (i, i),
            "delegations" => {
                listed::coordinated(a, i);
                continue;
            }
            _ => continue,
        };
        if a.mention_at_tok(head_start).is_some() {
            continue;
        }
        let represented =
            before(a, head_start).or_else(|| after(a, head_end)).or_else(|| government_delegation(a, head_start));
        let end = a.toks[head_end].span.end;
        match represented {
            Some((ent, from)) => {
                // The country keeps its own mention; the delegation's is the noun.
                let Some(represented) = represented_by(a, ent) else {
                    continue;
                };
                let d = delegation_of(a, represented);
                let span = Span::new(a.toks[head_start].span.start, end);
                a.add_mention(d, span, RULE.name, Form::Anaphor);
                // "the ELN delegation" of the National Liberation Army: the words the
                // story calls it by, since a body's name is often an acronym.
                if a.ents[represented].kind == EntityKind::Organization && from < span.start {
                    let surface = a.text[from..end].to_string();
                    if surface != a.ents[d].label {
                        a.ents[d].aliases.insert(surface);
                    }
                }
            }
            None if head_start > 0 && a.lower(head_start - 1) == "the" => {
                // "the delegation": the one named last.
                let at = a.toks[head_start].span.start;
                let last = a
                    .mentions
                    .iter()
                    .filter(|m| m.span.start < at && m.kind == EntityKind::Delegation)
                    .max_by_key(|m| m.span.start)
                    .map(|m| m.ent);
                if let Some(d) = last {
                    a.add_mention(d, Span::new(a.toks[head_start - 1].span.start, end), RULE.name, Form::Anaphor);
                }
            }
            None => {}
        }
    }
}

/// Whether "(is/was) led by" or "(is/was) headed by" follows token `i`.
fn led_next(a: &Analysis, i: usize) -> bool {
    let k = if matches!(a.lower(i + 1), "is" | "was" | "will") { i + 2 } else { i + 1 };
    let k = if a.lower(k) == "be" { k + 1 } else { k };
    matches!(a.lower(k), "led" | "headed") && a.lower(k + 1) == "by"
}

/// A sentence about leading or negotiating: where "team" means a delegation.
fn negotiation_context(a: &Analysis, i: usize) -> bool {
    let sent = &a.sents[a.sent_of(a.toks[i].span.start)];
    sent.tokens.clone().any(|k| {
        let w = a.lower(k);
        matches!(w, "led" | "headed" | "talks" | "negotiations" | "negotiators" | "negotiating" | "delegation")
    })
}

/// The country or organisation named right before the noun, across adjectives and a
/// possessive: "the Russian delegation", "Russia's delegation". Returns the entity and
/// where the delegation's mention starts.
fn before(a: &Analysis, head: usize) -> Option<(usize, usize)> {
    let mut k = head;
    while k > 0 && ADJECTIVES.contains(&a.lower(k - 1)) {
        k -= 1;
    }
    if k > 0 && matches!(a.word(k - 1), "'s" | "\u{2019}s") {
        k -= 1;
    }
    let prev = k.checked_sub(1)?;
    let m = a.mention_at_tok(prev)?;
    sender(a, m.ent).map(|e| (e, m.span.start))
}

/// "the government delegation", in a story of talks between a government and its
/// opposition: the country whose government the text named last before it
/// ("Venezuela's government", "the Colombian government", "the government of Sudan").
fn government_delegation(a: &Analysis, head: usize) -> Option<(usize, usize)> {
    // "the government's negotiating team", past the adjectives and the possessive.
    let mut head = head;
    while head > 0 && ADJECTIVES.contains(&a.lower(head - 1)) && a.lower(head - 1) != "government" {
        head -= 1;
    }
    if head > 0 && matches!(a.word(head - 1), "'s" | "\u{2019}s") {
        head -= 1;
    }
    if head < 2 || a.lower(head - 1) != "government" {
        return None;
    }
    let start = a.toks[head - 1].span.start;
    // A bounded walk back keeps long documents linear.
    (head.saturating_sub(2000)..head - 1).rev().filter(|&k| a.lower(k) == "government").find_map(|k| {
        let before =
            if k > 0 && matches!(a.word(k - 1), "'s" | "\u{2019}s") { k.checked_sub(2) } else { k.checked_sub(1) };
        let country = |m: Option<&crate::analysis::MentionRec>| {
            m.map(|m| m.ent).filter(|&e| a.ents[e].kind == EntityKind::Country)
        };
        let of = (a.lower(k + 1) == "of").then(|| a.mention_at_tok(k + 2)).flatten();
        country(before.and_then(|b| a.mention_at_tok(b))).or_else(|| country(of)).map(|e| (e, start))
    })
}

/// "a delegation from Ukraine", "the negotiating team Moscow sent".
fn after(a: &Analysis, head: usize) -> Option<(usize, usize)> {
    let next = head + 1;
    let start = |a: &Analysis| a.toks[head].span.start;
    match a.lower(next) {
        "of" | "from" => {
            // "the delegation of the Government of Ethiopia": the country it governs.
            let mut k = next + 1;
            if a.lower(k) == "the" && a.lower(k + 1) == "government" && a.lower(k + 2) == "of" {
                k += 3;
            }
            // "the delegation of the United States": the article is not the country's.
            let m = match a.mention_at(a.toks.get(k)?.span.start) {
                None if a.lower(k) == "the" => a.mention_at(a.toks.get(k + 1)?.span.start)?,
                m => m?,
            };
            sender(a, m.ent).map(|e| (e, start(a)))
        }
        _ => {
            let m = a.mention_at(a.toks.get(next)?.span.start)?;
            let verb = a.lower(a.tok_at(m.span.end));
            if matches!(verb, "sent" | "sends" | "dispatched" | "has") {
                sender(a, m.ent).map(|e| (e, start(a)))
            } else {
                None
            }
        }
    }
}

/// Whether the entity can send a delegation: a country, an organisation, a capital.
fn sender(a: &Analysis, ent: usize) -> Option<usize> {
    let e = &a.ents[ent];
    match e.kind {
        EntityKind::Country | EntityKind::Organization => Some(ent),
        EntityKind::Location => capital_of(a, ent).map(|_| ent),
        _ => None,
    }
}

fn capital_of(a: &Analysis, ent: usize) -> Option<usize> {
    let e = &a.ents[ent];
    let with_iso = a.gaz.countries_with_iso(e.iso.as_deref()?);
    with_iso.iter().copied().find(|&c| a.gaz.countries[c].capital == e.label)
}

/// Countries and organisations send delegations; a capital stands for its country.
fn represented_by(a: &mut Analysis, ent: usize) -> Option<usize> {
    match a.ents[ent].kind {
        EntityKind::Country | EntityKind::Organization => Some(ent),
        EntityKind::Location => {
            let country = a.gaz_entity(crate::gazetteer::Target::Country(capital_of(a, ent)?));
            let capital = a.ents[ent].label.clone();
            a.ents[country].aliases.insert(capital);
            Some(country)
        }
        _ => None,
    }
}

/// The delegation of a country or organisation, created on first use.
pub(super) fn delegation_of(a: &mut Analysis, represented: usize) -> usize {
    if let Some(i) = a.ents.iter().position(|e| e.kind == EntityKind::Delegation && e.represents == Some(represented)) {
        return i;
    }
    let r = &a.ents[represented];
    let demonym = r
        .iso
        .as_ref()
        .filter(|_| r.kind == EntityKind::Country)
        .and_then(|iso| a.gaz.countries_with_iso(iso).first().map(|&c| &a.gaz.countries[c]))
        .and_then(|c| c.demonyms.first().cloned());
    let label = format!("{} delegation", demonym.unwrap_or_else(|| r.label.clone()));
    let mut e = Ent::new(EntityKind::Delegation, label);
    e.represents = Some(represented);
    e.iso.clone_from(&r.iso);
    a.new_entity(e)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extract, has_edge};

    /// An organisation's delegation keeps the words the story calls it by.
    #[test]
    fn an_organisations_delegation_keeps_its_acronym() {
        let x = extract("The AfDB delegation, led by Anna Brown, arrived in Oslo for talks.", "2025-03-01");
        let d = x.entities.iter().find(|e| e.id.starts_with("delegation:afdb")).map(|e| e.aliases.clone());
        assert!(d.is_some_and(|al| al.iter().any(|s| s == "AfDB delegation")), "{:?}", x.entities);
    }

    #[test]
    fn delegations_by_demonym_possessive_and_capital() {
        let cases = [
            ("The Russian delegation arrived.", "delegation:ru"),
            ("Ukraine's delegation arrived.", "delegation:ua"),
            ("A delegation from Turkey arrived.", "delegation:tr"),
            ("The delegation of the Government of Kenya arrived.", "delegation:ke"),
            ("Officials described the negotiating team Moscow sent.", "delegation:ru"),
            ("The Turkish side is led by Anna Brown.", "delegation:tr"),
        ];
        for (text, want) in cases {
            let x = extract(text, "2025-05-15");
            assert!(entities(&x).iter().any(|e| e.starts_with(want)), "{text}: {:?}", entities(&x));
            assert!(has_edge(&x, want, "represents", &format!("country:{}", &want[11..])), "{text}");
        }
    }

    #[test]
    fn a_delegation_of_each_country_listed() {
        let cases = [
            ("The Kenyan and Ghanaian delegations arrived.", &["delegation:ke", "delegation:gh"][..]),
            (
                "The Peruvian, Chilean and Bolivian negotiating delegations arrived.",
                &["delegation:pe", "delegation:cl", "delegation:bo"],
            ),
            ("Delegations from Kenya and Ghana arrived.", &["delegation:ke", "delegation:gh"]),
            ("Delegations of Peru, Chile and Bolivia arrived.", &["delegation:pe", "delegation:cl", "delegation:bo"]),
        ];
        for (text, want) in cases {
            let x = extract(text, "2025-05-15");
            for d in want {
                assert!(has_edge(&x, d, "represents", &format!("country:{}", &d[11..])), "{text}: {:?}", entities(&x));
            }
        }
    }

    /// A list is joined by "and": a comma alone joins nothing, and one country's
    /// delegations may be many.
    #[test]
    fn no_delegations_without_a_list() {
        for text in [
            "In Nairobi, Ghanaian delegations arrived.",
            "The Ghanaian delegations arrived.",
            "Delegations from Ghana, the ministry said, arrived.",
        ] {
            let x = extract(text, "2025-05-15");
            assert!(!entities(&x).iter().any(|e| e.starts_with("delegation:")), "{text}: {:?}", entities(&x));
        }
    }

    #[test]
    fn a_side_no_one_leads_is_no_delegation() {
        let x = extract("The Turkish side said the talks were useful.", "2025-05-15");
        assert!(!entities(&x).iter().any(|e| e.starts_with("delegation:")), "{:?}", entities(&x));
    }

    #[test]
    fn the_government_delegation_and_a_facilitation_team() {
        let x = crate::test_support::extract(
            "Venezuela's government and the opposition signed a deal. The government delegation was headed by \
             Jorge Ramos. The Norwegian facilitation team was led by Dag Olsen.",
            "2023-10-18",
        );
        assert!(
            crate::test_support::has_edge(&x, "person:jorge-ramos", "leads_delegation", "delegation:ve"),
            "{:?}",
            x.relations
        );
        assert!(
            crate::test_support::has_edge(&x, "person:dag-olsen", "leads_delegation", "delegation:no"),
            "{:?}",
            x.relations
        );
        let x = extract(
            "Kenya's government and the rebels resumed talks. The government's negotiating team is led by Jorge Ramos.",
            "2023-10-18",
        );
        assert!(has_edge(&x, "person:jorge-ramos", "leads_delegation", "delegation:ke"), "{:?}", x.relations);
    }
}
