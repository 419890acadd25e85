use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

use super::{City, Country, KnownPerson, Org, Place, Title};
use crate::model::Span;

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Country(usize),
    Demonym(usize),
    City(usize),
    Place(usize),
    Org(usize),
    Person(usize),
}

/// A gazetteer name found in text, on token boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    pub span: Span,
    /// Every entry with this exact surface form; the extractor disambiguates.
    pub targets: Vec<Target>,
}

/// Case-sensitive, leftmost-longest matcher over every name in the gazetteers.
#[derive(Debug)]
pub struct NameMatcher {
    ac: Option<AhoCorasick>,
    targets: Vec<Vec<Target>>,
}

fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let ascii = deunicode::deunicode(name);
    if ascii != name && !ascii.is_empty() {
        out.push(ascii);
    }
    out
}

impl NameMatcher {
    pub(super) fn build(
        countries: &[Country],
        cities: &[City],
        places: &[Place],
        orgs: &[Org],
        persons: &[KnownPerson],
    ) -> Self {
        let mut by_pattern: HashMap<String, Vec<Target>> = HashMap::new();
        let mut add = |name: &str, t: Target| {
            if name.chars().count() < 2 {
                return;
            }
            for v in variants(name) {
                let slot = by_pattern.entry(v).or_default();
                if !slot.contains(&t) {
                    slot.push(t);
                }
            }
        };
        for (i, c) in countries.iter().enumerate() {
            add(&c.name, Target::Country(i));
            c.aliases.iter().for_each(|a| add(a, Target::Country(i)));
            c.demonyms.iter().for_each(|d| add(d, Target::Demonym(i)));
        }
        for (i, c) in cities.iter().enumerate() {
            add(&c.name, Target::City(i));
            c.aliases.iter().for_each(|a| add(a, Target::City(i)));
        }
        for (i, p) in places.iter().enumerate() {
            add(&p.name, Target::Place(i));
            p.aliases.iter().for_each(|a| add(a, Target::Place(i)));
        }
        for (i, o) in orgs.iter().enumerate() {
            add(&o.name, Target::Org(i));
            o.acronyms.iter().chain(&o.aliases).for_each(|a| add(a, Target::Org(i)));
        }
        for (i, p) in persons.iter().enumerate() {
            add(&p.name, Target::Person(i));
            p.aliases.iter().filter(|a| a.contains(' ')).for_each(|a| add(a, Target::Person(i)));
        }
        let mut patterns: Vec<(String, Vec<Target>)> = by_pattern.into_iter().collect();
        patterns.sort();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p))
            .ok();
        NameMatcher { ac, targets: patterns.into_iter().map(|(_, t)| t).collect() }
    }

    /// All names in `text` that start and end on word boundaries.
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        bounded_matches(ac, text)
            .map(|(pattern, span)| NameHit { span, targets: self.targets[pattern].clone() })
            .collect()
    }
}

/// Case-insensitive matcher over titles and their plurals.
#[derive(Debug)]
pub struct TitleMatcher {
    ac: Option<AhoCorasick>,
    /// Pattern -> (title index, is plural).
    targets: Vec<(usize, bool)>,
}

/// A title found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleHit {
    pub span: Span,
    pub title: usize,
    pub plural: bool,
}

impl TitleMatcher {
    pub(super) fn build(titles: &[Title]) -> Self {
        let mut seen: HashMap<String, (usize, bool)> = HashMap::new();
        for (i, t) in titles.iter().enumerate() {
            seen.entry(t.title.to_lowercase()).or_insert((i, false));
            if let Some(p) = &t.plural {
                seen.entry(p.to_lowercase()).or_insert((i, true));
            }
        }
        let mut patterns: Vec<(String, (usize, bool))> = seen.into_iter().collect();
        patterns.sort();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|(p, _)| p))
            .ok();
        TitleMatcher { ac, targets: patterns.into_iter().map(|(_, t)| t).collect() }
    }

    pub fn find(&self, text: &str) -> Vec<TitleHit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        bounded_matches(ac, text)
            .map(|(pattern, span)| {
                let (title, plural) = self.targets[pattern];
                TitleHit { span, title, plural }
            })
            .collect()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Leftmost-longest matches whose ends sit on word boundaries. A match that fails the
/// check does not hide a valid match starting inside it.
fn bounded_matches<'a>(ac: &'a AhoCorasick, text: &'a str) -> impl Iterator<Item = (usize, Span)> + 'a {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < text.len() {
            let m = ac.find(Input::new(text).range(pos..))?;
            let before_ok = !text[..m.start()].chars().next_back().is_some_and(is_word_char);
            let after_ok = !text[m.end()..].chars().next().is_some_and(is_word_char);
            // A pattern ending in "." ("U.S.") may be followed by anything.
            if before_ok && (after_ok || text[..m.end()].ends_with('.')) {
                pos = m.end();
                return Some((m.pattern().as_usize(), Span::new(m.start(), m.end())));
            }
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(iso: &str, name: &str, demonym: &str) -> Country {
        Country {
            iso: iso.into(),
            name: name.into(),
            aliases: vec![],
            demonyms: vec![demonym.into()],
            capital: String::new(),
        }
    }

    #[test]
    fn matches_on_token_boundaries_only() {
        let countries = [
            country("IR", "Iran", "Iranian"),
            country("NE", "Niger", "Nigerien"),
            country("NG", "Nigeria", "Nigerian"),
        ];
        let m = NameMatcher::build(&countries, &[], &[], &[], &[]);
        let text = "Irani dishes; Iran, Nigeria and Niger. Iranian-backed.";
        let found: Vec<&str> = m.find(text).iter().map(|h| &text[h.span.start..h.span.end]).collect();
        assert_eq!(found, ["Iran", "Nigeria", "Niger", "Iranian"]);
    }

    #[test]
    fn ascii_variants_are_added() {
        let p = KnownPerson { name: "Recep Tayyip Erdoğan".into(), aliases: vec![], female: None, terms: vec![] };
        let m = NameMatcher::build(&[], &[], &[], &[], &[p]);
        assert_eq!(m.find("Recep Tayyip Erdogan said").len(), 1);
    }
}
