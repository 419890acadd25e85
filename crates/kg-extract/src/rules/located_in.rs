//! **located_in** — a city, region or building lies in a country named in the article.
//!
//! Matches: every location of the document whose gazetteer entry names its country,
//! when that country is also mentioned.
//! Example: "They met in Ankara, Turkey." → Ankara located_in Turkey.
//! Known false positives: none from the text; the gazetteer decides.

use super::Rule;
use crate::analysis::Analysis;
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "located_in", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let first = a.first_mentions();
    for l in 0..a.ents.len() {
        if a.ents[l].kind != EntityKind::Location {
            continue;
        }
        let Some(iso) = a.ents[l].iso.clone() else {
            continue;
        };
        let Some(country) = a.ents.iter().position(|e| e.kind == EntityKind::Country && e.iso.as_ref() == Some(&iso))
        else {
            continue;
        };
        let (Some(span), Some(_)) = (first.get(l).copied().flatten(), first.get(country).copied().flatten()) else {
            continue;
        };
        a.add_rel(RelationKind::LocatedIn, l, country, Status::Occurred, span, RULE.name);
    }
}
