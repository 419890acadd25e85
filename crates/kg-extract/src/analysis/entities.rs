//! The entity arena: entities with what rules learn of them (a meeting's class and
//! details, surname keys), created from gazetteer entries or found by name.

use std::collections::{BTreeMap, BTreeSet};

use super::Analysis;
use crate::dates::DateValue;
use crate::gazetteer::Target;
use crate::model::{EntityKind, Status};
use crate::text::fold;

/// The classes of meeting that may corefer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MeetingClass {
    Talks,
    Meeting,
    Visit,
    /// A signing ceremony: an event of its own, never the talks or the summit around it.
    Ceremony,
}

impl MeetingClass {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingClass::Talks => "talks",
            MeetingClass::Meeting => "meeting",
            MeetingClass::Visit => "visit",
            MeetingClass::Ceremony => "ceremony",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MeetingInfo {
    pub class: Option<MeetingClass>,
    pub name: Option<String>,
    pub org: Option<usize>,
    pub place: Option<usize>,
    pub date: Option<DateValue>,
    pub participants: BTreeSet<usize>,
    pub status: Status,
    /// Told as past ("the last round of talks ... years ago"): not an upcoming meeting.
    pub past: bool,
    /// Of a visit: the person paying it ("Modi's trip", "on his first visit"), which
    /// tells one person's visit from another's to the same country.
    pub visitor: Option<usize>,
    /// Told with "a"/"an" ("went to Brussels for a NATO summit"): a new meeting, never
    /// the story's own summit told again by its organiser.
    pub indefinite: bool,
    /// "summit" or "conference" when a mention called it so: what a meeting only ever
    /// called "the summit" is labelled by.
    pub noun: Option<&'static str>,
    /// "the fifth round", "the 38th summit": meetings of other numbers are other
    /// meetings.
    pub ordinal: Option<u32>,
    /// The person who hosted it ("the meeting that Lula hosted"): who met each guest.
    pub host: Option<usize>,
}

impl MeetingInfo {
    /// A reference that tells nothing of the meeting ("the summit"): no name, place,
    /// date or participants.
    pub fn is_bare(&self) -> bool {
        self.name.is_none() && self.place.is_none() && self.date.is_none() && self.participants.is_empty()
    }
}

#[derive(Debug, Clone)]
pub struct Ent {
    pub kind: EntityKind,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub attrs: BTreeMap<String, String>,
    pub gaz: Option<Target>,
    /// Country code: of a country, of the country a city or body belongs to, of the
    /// country a delegation represents.
    pub iso: Option<String>,
    /// Known-official index for persons found in the gazetteer.
    pub known: Option<usize>,
    pub female: Option<bool>,
    pub meeting: Option<MeetingInfo>,
    /// For delegations: the entity (country or organisation) represented.
    pub represents: Option<usize>,
    /// The id key; filled by `finish`.
    pub key: String,
}

impl Ent {
    pub fn new(kind: EntityKind, label: impl Into<String>) -> Self {
        Ent {
            kind,
            label: label.into(),
            aliases: BTreeSet::new(),
            attrs: BTreeMap::new(),
            gaz: None,
            iso: None,
            known: None,
            female: None,
            meeting: None,
            represents: None,
            key: String::new(),
        }
    }
}

/// The keys a person's surname can be matched by, and what they were computed from.
#[derive(Debug, Clone)]
pub struct SurnameKeys {
    pub label_len: usize,
    pub alias_count: usize,
    /// (folded, transliteration key) of the surname and of one-word aliases.
    pub keys: Vec<(String, String)>,
}

impl<'a> Analysis<'a> {
    pub fn new_entity(&mut self, ent: Ent) -> usize {
        if let Some(t) = ent.gaz {
            self.by_gaz.insert(t, self.ents.len());
        }
        if ent.kind == EntityKind::Person {
            self.persons.push(self.ents.len());
        }
        self.ents.push(ent);
        self.ents.len() - 1
    }

    /// The entity for a gazetteer target, created on first use.
    pub fn gaz_entity(&mut self, target: Target) -> usize {
        let target = match target {
            Target::Demonym(i) => Target::Country(i),
            t => t,
        };
        if let Some(&i) = self.by_gaz.get(&target) {
            return i;
        }
        let g = self.gaz;
        let mut ent = match target {
            Target::Country(i) | Target::Demonym(i) => {
                let c = &g.countries[i];
                let mut e = Ent::new(EntityKind::Country, &c.name);
                e.iso = Some(c.iso.clone());
                e.attrs.insert("iso".into(), c.iso.clone());
                e
            }
            Target::City(i) => {
                let c = &g.cities[i];
                let mut e = Ent::new(EntityKind::Location, &c.name);
                e.iso = Some(c.iso.clone());
                e.attrs.insert("country".into(), c.iso.clone());
                e
            }
            Target::Place(i) => {
                let p = &g.places[i];
                let mut e = Ent::new(EntityKind::Location, &p.name);
                e.iso.clone_from(&p.iso);
                if let Some(iso) = &p.iso {
                    e.attrs.insert("country".into(), iso.clone());
                }
                e.attrs.insert("kind".into(), p.kind.clone());
                e
            }
            Target::Org(i) => {
                let o = &g.orgs[i];
                let mut e = Ent::new(EntityKind::Organization, &o.name);
                e.iso.clone_from(&o.country);
                e.key = crate::text::slug(&o.key);
                if !o.kind.is_empty() {
                    e.attrs.insert("kind".into(), o.kind.clone());
                }
                e
            }
            Target::Person(i) => {
                let p = &g.persons[i];
                let mut e = Ent::new(EntityKind::Person, &p.name);
                e.known = Some(i);
                e.female = p.female;
                e
            }
        };
        ent.gaz = Some(target);
        self.new_entity(ent)
    }

    /// Finds or creates the person with this full name.
    pub fn person_named(&mut self, name: &str) -> usize {
        let key = fold(name);
        let ents = &self.ents;
        if let Some(&i) = self
            .persons
            .iter()
            .find(|&&i| folds_to(&ents[i].label, &key) || ents[i].aliases.iter().any(|a| folds_to(a, &key)))
        {
            return i;
        }
        // A later full name completes an earlier bare surname ("Trump", then "Donald Trump").
        let last = key.rsplit(' ').next().unwrap_or(&key).to_string();
        if key.contains(' ') {
            let ents = &self.ents;
            if let Some(&i) = self.persons.iter().find(|&&i| {
                let e = &ents[i];
                e.known.is_none() && !e.label.contains(' ') && folds_to(&e.label, &last)
            }) {
                let old = std::mem::replace(&mut self.ents[i].label, name.to_string());
                self.ents[i].aliases.insert(old);
                return i;
            }
        }
        self.new_entity(Ent::new(EntityKind::Person, name))
    }
}

/// `fold(s) == folded` for a `folded` that `fold` made (lower-case ASCII): an ASCII
/// `s` is compared ignoring case, without a folded copy. `person_named` compares
/// with every person's label and alias.
pub(crate) fn folds_to(s: &str, folded: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(folded)
    } else {
        fold(s) == folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_to_agrees_with_fold() {
        let words = ["Erdoğan", "erdogan", "ERDOGAN", "Erdogan ", "O’Brien", "o'brien", "", "Wáng Yi", "wang yi"];
        for s in words {
            for t in words {
                let folded = fold(t);
                assert_eq!(folds_to(s, &folded), fold(s) == folded, "{s} {t}");
            }
        }
    }
}
