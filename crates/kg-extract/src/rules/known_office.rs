//! **known_office** — offices the article does not spell out but dated knowledge gives:
//! a head of state, head of government, foreign or defence minister, or head of an
//! international organisation, in office on the publication date.
//!
//! Matches: a person of the document found in the office-holder table whose term
//! covers the publication date, when the country or organisation of the office is
//! named in the same article.
//! Example: "President Macron met the Italian delegation in France." (2025) → Emmanuel
//! Macron official_of France, title "President".
//! Known false positives: none known from the wording; a wrong row in the table gives
//! a wrong office.

use super::Rule;
use crate::analysis::{Analysis, Ent};
use crate::gazetteer::{Role, Term};
use crate::model::{EntityKind, RelationKind, Span, Status};

pub const RULE: Rule = Rule { name: "known_office", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let Some(date) = a.doc.date else { return };
    let first_mentions = a.first_mentions();
    // The gazetteer outlives the analysis: its terms are read while the analysis changes.
    let g = a.gaz;
    // The mentions do not change here: the countries and bodies the article names, and
    // the mentions of each office holder, are read once for
    // all the persons (each was a pass over every mention, for each person and office).
    let is_body = |e: usize| matches!(a.ents[e].kind, EntityKind::Country | EntityKind::Organization);
    let all_bodies: Vec<usize> = (0..a.ents.len()).filter(|&e| is_body(e)).collect();
    let bodies: Vec<usize> = all_bodies.iter().copied().filter(|&e| first_mentions[e].is_some()).collect();
    // (Office holders are persons: the mention's kind turns the others away before
    // the entity is read. Only `any` asks of a person's mentions: their order is free.)
    let mut held: Vec<(usize, Span)> = a
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && a.ents[m.ent].known.is_some())
        .map(|m| (m.ent, m.span))
        .collect();
    held.sort_unstable_by_key(|&(e, _)| e);
    let mut scratch = Scratch { bodies, held, ..Scratch::default() };
    for p in 0..a.ents.len() {
        let Some(known) = a.ents[p].known else {
            continue;
        };
        let Some(first) = first_mentions.get(p).copied().flatten() else {
            continue;
        };
        let terms = &g.persons[known].terms;
        if let Some(t) = main_term(a, p, terms, date, &mut scratch) {
            let title = g.terms[t].title.clone();
            a.ents[p].attrs.insert("title".into(), title);
        }
        for &t in terms {
            let term = &g.terms[t];
            if !term.covers(date) || matches!(term.role, Role::Deputy | Role::Other) {
                continue;
            }
            // The organisation's key is made once, not for each organisation asked.
            let key = std::cell::OnceCell::new();
            // The first entity that is the office's country or body (no other kind is).
            let target = all_bodies.iter().copied().find(|&e| is_office_target(&a.ents[e], term, &key));
            let Some(target) = target else { continue };
            if first_mentions.get(target).copied().flatten().is_none() {
                continue;
            }
            // The article's own title for this office, when it gave one, wins.
            if a.rels.iter().any(|r| r.kind == RelationKind::OfficialOf && r.src == p && r.dst == target) {
                continue;
            }
            let title = term.title.clone();
            a.add_rel(
                RelationKind::OfficialOf,
                p,
                target,
                Status::Occurred,
                Span::new(first.start, first.end),
                RULE.name,
            );
            if let Some(r) = a.rels.last_mut() {
                r.attrs.insert("title".into(), title);
            }
        }
    }
}

/// The office that names the person when the article gives none with a country: the
/// one whose title the article writes before the person's name ("Crown Prince
/// Mohammed bin Salman", though he is also Prime Minister), else one whose country or
/// organisation the article names, the highest first (Emmanuel Macron is President of
/// France before he is Co-Prince of Andorra), else the first in the table.
fn main_term(a: &Analysis, p: usize, terms: &[usize], date: chrono::NaiveDate, scratch: &mut Scratch) -> Option<usize> {
    let Scratch { covering, opening, bodies, held } = scratch;
    covering.clear();
    covering.extend(terms.iter().copied().filter(|&t| a.gaz.terms[t].covers(date)));
    // The person's mentions.
    let from = held.partition_point(|&(e, _)| e < p);
    let spans = held[from..].iter().take_while(|&&(e, _)| e == p).map(|&(_, s)| s);
    let mut written = |t: usize| {
        // The lower-case title and a space, in one buffer kept from office to office.
        let title = &a.gaz.terms[t].title;
        opening.clear();
        if title.is_ascii() {
            opening.extend(title.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            opening.push_str(&title.to_lowercase());
        }
        opening.push(' ');
        let (opening, title) = (opening.as_str(), &opening[..opening.len() - 1]);
        spans.clone().any(|m| {
            // The last title starting before the name, ending at it or inside it
            // ("Crown Prince" over the alias "Prince Mohammed bin Salman").
            let i = a.title_hits.partition_point(|h| h.span.start < m.start);
            a.title_hits[..i].last().is_some_and(|h| {
                h.span.end + 1 >= m.start && lowered_ends_with(&a.gaz.titles[h.title].canonical, title)
            }) || lowered_starts_with(a.slice(m), opening)
        })
    };
    if let Some(&t) = covering.iter().find(|&&t| written(t)) {
        return Some(t);
    }
    let named = |t: usize| {
        let term = &a.gaz.terms[t];
        let key = std::cell::OnceCell::new();
        bodies.iter().any(|&e| is_office_target(&a.ents[e], term, &key))
    };
    let rank = |t: usize| match a.gaz.terms[t].role {
        Role::HeadOfState => 0,
        Role::HeadOfGovernment => 1,
        Role::ForeignMinister => 2,
        Role::DefenseMinister => 3,
        Role::OrgHead => 4,
        Role::Deputy => 5,
        Role::Other => 6,
    };
    covering.iter().copied().filter(|&t| named(t)).min_by_key(|&t| rank(t)).or_else(|| covering.first().copied())
}

/// What [`main_term`] reads of the document, and the buffers it fills anew for each
/// person.
#[derive(Default)]
struct Scratch {
    covering: Vec<usize>,
    opening: String,
    /// The countries and organisations mentioned.
    bodies: Vec<usize>,
    /// (person, span) of the mentions of office holders, by person (in no order within).
    held: Vec<(usize, Span)>,
}

/// `s.to_lowercase().ends_with(suffix)` for a lower-case `suffix`, without the copy
/// when `s` is ASCII (asked for every mention of every office holder).
fn lowered_ends_with(s: &str, suffix: &str) -> bool {
    if s.is_ascii() {
        s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    } else {
        s.to_lowercase().ends_with(suffix)
    }
}

/// Whether entity `e` is the country or organisation of the office `term`; `key` holds
/// the organisation's key, made the first time an organisation asks.
pub(super) fn is_office_target(e: &Ent, term: &Term, key: &std::cell::OnceCell<String>) -> bool {
    match e.kind {
        EntityKind::Country => e.iso.as_deref() == Some(term.target.as_str()),
        EntityKind::Organization => e.key == *key.get_or_init(|| crate::text::slug(&term.target)),
        _ => false,
    }
}

/// `s.to_lowercase().starts_with(prefix)` for a lower-case `prefix`, as
/// [`lowered_ends_with`].
fn lowered_starts_with(s: &str, prefix: &str) -> bool {
    if s.is_ascii() {
        s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        s.to_lowercase().starts_with(prefix)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge, person_title};

    #[test]
    fn the_title_names_the_office() {
        let cases: &[(&str, &str)] = &[
            ("Crown Prince Mohammed bin Salman spoke about Saudi Arabia.", "Crown Prince"),
            ("Emmanuel Macron spoke about France.", "President"),
        ];
        for (text, want) in cases {
            let x = extract(text, "2025-03-01");
            let p = if text.contains("Macron") { "person:emmanuel-macron" } else { "person:mohammed-bin-salman" };
            assert_eq!(person_title(&x, p).as_deref(), Some(*want), "{text}");
        }
    }

    #[test]
    fn lowered_affixes_are_those_of_the_lower_case_copy() {
        let words = ["Crown Prince", "crown prince ", "PRINCE", "prince", "Émir", "émir", "", "ÉMIR Tamim", "é"];
        for s in words {
            for t in words.map(str::to_lowercase) {
                assert_eq!(super::lowered_ends_with(s, &t), s.to_lowercase().ends_with(&t), "{s} {t}");
                assert_eq!(super::lowered_starts_with(s, &t), s.to_lowercase().starts_with(&t), "{s} {t}");
            }
        }
    }

    #[test]
    fn head_of_state_by_date() {
        let x = extract("President Macron spoke about France.", "2025-03-01");
        assert!(has_edge(&x, "person:emmanuel-macron", "official_of", "country:fr"));
        let x = extract("President Macron spoke about France.", "2016-03-01");
        assert!(!has_edge(&x, "person:emmanuel-macron", "official_of", "country:fr"));
    }
}
