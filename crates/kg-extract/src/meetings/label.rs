//! What a meeting is called once all its mentions are in: its name, the noun it was
//! called by with its place, or the names of the two who met.

use crate::analysis::{Analysis, MeetingClass, MeetingInfo};
use crate::model::EntityKind;
use crate::text::strip_all;

/// The label of a meeting once all its mentions are in: its name, or what it was
/// called with its place.
pub fn meeting_label(a: &Analysis, ent: usize) -> String {
    let e = &a.ents[ent];
    let Some(info) = &e.meeting else {
        return e.label.clone();
    };
    if let Some(name) = &info.name {
        return name.clone();
    }
    // `strip_all`, not `trim_start_matches`, which sets up a substring searcher for
    // each prefix of each meeting.
    let label = without_time_possessive(&e.label).trim_start_matches(['\'', '\u{2019}']);
    let mut label = strip_all(strip_all(strip_all(label, "s "), "the "), "The ").trim().to_string();
    if label.is_empty() {
        let visitor = info.visitor.filter(|_| info.class == Some(MeetingClass::Visit) && place_shared(a, ent, info));
        if let Some(v) = visitor {
            // "Scholz's visit to Israel", when another meeting is placed there too.
            label = format!("{}'s visit", short_name(&a.ents[v]));
        } else if let Some(pair) = pair_label(a, ent, info) {
            return pair;
        } else {
            label = match info.class {
                Some(MeetingClass::Talks) => "talks".into(),
                Some(MeetingClass::Visit) => "visit".into(),
                Some(MeetingClass::Ceremony) => "ceremony".into(),
                _ => info.noun.unwrap_or("meeting").into(),
            };
        }
    }
    // "a meeting of ASEAN and U.S. foreign ministers", told nowhere: "ASEAN meeting".
    if let Some(org) = info.org.filter(|_| info.place.is_none() && !label.contains(char::is_uppercase)) {
        // Joined, not `format!`ted: the formatting machinery cost more than the label.
        label = [short_org(&a.ents[org]), " ", &label].concat();
    }
    if let Some(p) = info.place {
        let place = &a.ents[p].label;
        if !label.contains(place.as_str()) {
            // One visits or travels "to" a place, meets "in" it.
            let to = if info.class == Some(MeetingClass::Visit) { "to" } else { "in" };
            // "in the Oval Office", "at the Kremlin": a building takes the article news
            // gives it.
            let building = a.ents[p].attrs.get("kind").is_some_and(|k| k == "building");
            let the = if building && !place.starts_with("The ") { "the " } else { "" };
            label = [label.as_str(), " ", to, " ", the, place].concat();
        }
    }
    label
}

/// "G7 leaders' summit" of "next month's G7 leaders' summit": a time named as the
/// possessor is no part of a meeting's name.
fn without_time_possessive(label: &str) -> &str {
    let rest = ["next ", "last ", "this ", "Next ", "Last ", "This "]
        .iter()
        .find_map(|w| label.strip_prefix(w))
        .unwrap_or(label);
    ["year", "month", "week"]
        .iter()
        .find_map(|w| {
            let after = rest.strip_prefix(w)?;
            after.strip_prefix("'s ").or_else(|| after.strip_prefix("\u{2019}s "))
        })
        .unwrap_or(label)
}

/// "Zelenskyy–Mohammed bin Salman meeting", as news names a meeting of two: a meeting
/// told only as "A met B in X", when another meeting of the article is held in X too
/// (the talks there), so that "meeting in Jeddah" would not say which.
fn pair_label(a: &Analysis, ent: usize, info: &MeetingInfo) -> Option<String> {
    let persons: Vec<usize> =
        info.participants.iter().copied().filter(|&p| a.ents[p].kind == EntityKind::Person).collect();
    let [p, q] = persons[..] else { return None };
    place_shared(a, ent, info).then(|| format!("{}\u{2013}{} meeting", short_name(&a.ents[p]), short_name(&a.ents[q])))
}

/// Whether another meeting of the article is held where this one is.
fn place_shared(a: &Analysis, ent: usize, info: &MeetingInfo) -> bool {
    info.place.is_some_and(|place| {
        a.ents.iter().enumerate().any(|(i, e)| i != ent && e.meeting.as_ref().is_some_and(|m| m.place == Some(place)))
    })
}

/// The surname of a person as the text used it: the end of the full name ("Starmer",
/// "von der Leyen"), else a word of it ("Xi" of "Xi Jinping"); failing those, the last
/// word of the full name. An Arabic name with "bin" or "Al" stays whole ("Mohammed bin
/// Salman"), its last word is no surname.
fn short_name(person: &crate::analysis::Ent) -> &str {
    let label = person.label.as_str();
    let words: Vec<&str> = label.split_whitespace().collect();
    let ends = |s: &&String| {
        s.len() < label.len() && label.ends_with(s.as_str()) && label[..label.len() - s.len()].ends_with(' ')
    };
    if let Some(used) = person.aliases.iter().filter(ends).max_by_key(|s| s.len()) {
        return used;
    }
    if let Some(used) = person.aliases.iter().find(|s| words.len() > 1 && words.contains(&s.as_str())) {
        return used;
    }
    let patronymic = words.iter().any(|w| matches!(*w, "bin" | "bint" | "ibn" | "Al" | "Bin"));
    match words.last() {
        Some(last) if !patronymic && words.len() > 1 => last,
        _ => label,
    }
}

/// How news names an organisation in a meeting's name: its acronym if it has one
/// ("ASEAN summit"), else its name.
fn short_org(org: &crate::analysis::Ent) -> &str {
    let acronym = |s: &&String| s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    org.aliases.iter().filter(acronym).min_by_key(|s| s.len()).map_or(org.label.as_str(), |s| s.as_str())
}
