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
        // A place never mentioned is passed before its country is looked for (a scan of
        // the entities), and its code is read in place, not copied.
        let Some(span) = first.get(l).copied().flatten() else {
            continue;
        };
        let Some(iso) = a.ents[l].iso.as_deref() else {
            continue;
        };
        let Some(country) = a.ents.iter().position(|e| e.kind == EntityKind::Country && e.iso.as_deref() == Some(iso))
        else {
            continue;
        };
        if first.get(country).copied().flatten().is_none() {
            continue;
        }
        a.add_rel(RelationKind::LocatedIn, l, country, Status::Occurred, span, RULE.name);
    }
}
