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
use crate::analysis::Analysis;
use crate::gazetteer::Role;
use crate::model::{EntityKind, RelationKind, Span, Status};

pub const RULE: Rule = Rule { name: "known_office", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let Some(date) = a.doc.date else { return };
    let first_mentions = a.first_mentions();
    for p in 0..a.ents.len() {
        let Some(known) = a.ents[p].known else {
            continue;
        };
        let Some(first) = first_mentions.get(p).copied().flatten() else {
            continue;
        };
        let terms: Vec<usize> = a.gaz.persons[known].terms.clone();
        for t in terms {
            let term = &a.gaz.terms[t];
            if !term.covers(date) || matches!(term.role, Role::Deputy | Role::Other) {
                continue;
            }
            let target = a.ents.iter().position(|e| match e.kind {
                EntityKind::Country => e.iso.as_deref() == Some(term.target.as_str()),
                EntityKind::Organization => e.key == crate::text::slug(&term.target),
                _ => false,
            });
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

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn head_of_state_by_date() {
        let x = extract("President Macron spoke about France.", "2025-03-01");
        assert!(has_edge(&x, "person:emmanuel-macron", "official_of", "country:fr"));
        let x = extract("President Macron spoke about France.", "2016-03-01");
        assert!(!has_edge(&x, "person:emmanuel-macron", "official_of", "country:fr"));
    }
}
