//! **held_in** — where a meeting takes place.
//!
//! Matches: every meeting whose mentions gave a place ("talks in Doha", "hosted ... at
//! the White House", "Istanbul talks"); the city when one is named, else the country.
//! A meeting in a building the gazetteer places in a city is held in that city too,
//! when the article names the city ("talks in the Great Hall of the People" in a story
//! from Beijing); one in a city-state is held in its city too ("in Singapore").
//! Example: "Peace talks open in Doha." → held_in Doha.
//! Known false positives: a place in the same clause that is where someone said
//! something, not where the meeting is.

use super::Rule;
use crate::analysis::Analysis;
use crate::gazetteer::Target;
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "held_in", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let first = a.first_mentions();
    for m in 0..a.ents.len() {
        // Only the place and status are read: the meeting is not copied.
        let Some((place, told)) = a.ents[m].meeting.as_ref().and_then(|info| Some((info.place?, info.status))) else {
            continue;
        };
        let Some(span) = first.get(m).copied().flatten() else {
            continue;
        };
        let status = if told == Status::Occurred { Status::Occurred } else { Status::Planned };
        a.add_rel(RelationKind::HeldIn, m, place, status, span, RULE.name);
        if let Some(city) = city_of_building(a, place).or_else(|| city_of_city_state(a, place)) {
            a.add_rel(RelationKind::HeldIn, m, city, status, span, RULE.name);
        }
    }
}

/// "the Shangri-La Dialogue in Singapore": a meeting in a city-state is held in its city
/// too, the place the country's name also stands for.
fn city_of_city_state(a: &mut Analysis, place: usize) -> Option<usize> {
    let Some(Target::Country(c)) = a.ents[place].gaz else { return None };
    let country = &a.gaz.countries[c];
    if country.capital != country.name {
        return None;
    }
    let (name, iso) = (country.name.clone(), country.iso.clone());
    let existing = (0..a.ents.len()).find(|&e| {
        a.ents[e].kind == EntityKind::Location && a.ents[e].label == name && a.ents[e].iso.as_deref() == Some(&iso)
    });
    if existing.is_some() {
        return existing;
    }
    // The city is named by the country's own mentions: "Singapore" is both.
    let named: Vec<crate::model::Span> = a.mentions.iter().filter(|m| m.ent == place).map(|m| m.span).collect();
    if named.is_empty() {
        return None;
    }
    let mut city = crate::analysis::Ent::new(EntityKind::Location, name);
    city.attrs.insert("country".into(), iso.clone());
    city.iso = Some(iso);
    let e = a.new_entity(city);
    for span in named {
        a.add_nested_mention(e, span, RULE.name, crate::analysis::Form::Name);
    }
    Some(e)
}

/// The city entity of the article that building `place` stands in.
fn city_of_building(a: &Analysis, place: usize) -> Option<usize> {
    let Some(Target::Place(p)) = a.ents[place].gaz else { return None };
    let city = a.gaz.places[p].city.as_deref()?;
    (0..a.ents.len()).find(|&e| {
        a.ents[e].kind == EntityKind::Location
            && matches!(a.ents[e].gaz, Some(Target::City(_)))
            && a.ents[e].label == city
            && a.ents[e].iso == a.ents[place].iso
    })
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    /// A city-state's name is its city's too.
    #[test]
    fn a_meeting_in_a_city_state_is_held_in_its_city() {
        let x = extract("Defence ministers met at the Lakeside Dialogue in Singapore on Saturday.", "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &m, "held_in", "location:singapore"), "{:?}", x.relations);
        assert!(has_edge(&x, &m, "held_in", "country:sg"), "{:?}", x.relations);
    }

    #[test]
    fn a_meeting_in_a_building_is_held_in_its_city_when_the_story_names_it() {
        let text =
            "Anna Brown arrived in Beijing on Friday. She held talks with Tom Price at the Great Hall of the People.";
        let x = extract(text, "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &m, "held_in", "location:beijing"), "{:?}", x.relations);
        assert!(has_edge(&x, &m, "held_in", "location:great-hall-of-the-people"), "{:?}", x.relations);
        // Without the city in the text, only the building.
        let x = extract("Anna Brown held talks with Tom Price at the Great Hall of the People.", "2025-03-05");
        assert!(!x.entities.iter().any(|e| e.id == "location:beijing"), "{:?}", x.entities);
    }
}
