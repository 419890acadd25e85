use std::collections::HashMap;

use std::ops::ControlFlow;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::first_word::FirstWordIndex;

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
pub struct NameHit<'g> {
    pub span: Span,
    /// Every entry with this exact surface form; the extractor disambiguates.
    pub targets: &'g [Target],
}

/// Case-sensitive, leftmost-longest matcher over every name in the gazetteers.
#[derive(Debug)]
pub struct NameMatcher {
    index: FirstWordIndex,
    /// The same names as an automaton, built only for [`NameMatcher::scan_count`].
    ac: std::sync::OnceLock<Option<AhoCorasick>>,
    targets: Vec<Vec<Target>>,
}

fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let ascii = deunicode::deunicode(name);
    if ascii != name && !ascii.is_empty() {
        out.push(ascii);
    }
    // "Tamim bin Hamad Al Thani" is also written "Al-Thani": the article joined by a
    // hyphen.
    if name.contains(" Al ") {
        let joined: Vec<String> = out.iter().map(|v| v.replace(" Al ", " Al-")).collect();
        out.extend(joined);
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
        let index = FirstWordIndex::new(patterns.iter().map(|(p, _)| p.as_str()), false);
        NameMatcher { index, ac: std::sync::OnceLock::new(), targets: patterns.into_iter().map(|(_, t)| t).collect() }
    }

    /// Matches of a bare unanchored scan with an automaton of these names (no boundary
    /// checks): the ceiling for throughput benchmarks.
    pub fn scan_count(&self, text: &str) -> usize {
        let ac = self.ac.get_or_init(|| bare_automaton(self.index.phrases(), false));
        ac.as_ref().map_or(0, |ac| ac.find_iter(text).count())
    }

    /// All names in `text` that start and end on word boundaries.
    pub fn find(&self, text: &str) -> Vec<NameHit<'_>> {
        self.index
            .find(text)
            .into_iter()
            .map(|(pattern, span)| NameHit { span, targets: &self.targets[pattern] })
            .collect()
    }

    /// Whether `text` holds a name, as [`NameMatcher::find`] finds them.
    pub fn is_found(&self, text: &str) -> bool {
        self.first(text).is_some()
    }

    /// The targets of the name that is the whole of `text`, if the first that
    /// [`NameMatcher::find`] finds there is.
    pub fn whole(&self, text: &str) -> Option<&[Target]> {
        self.first(text).filter(|h| h.span == Span::new(0, text.len())).map(|h| h.targets)
    }

    /// The first name [`NameMatcher::find`] finds in `text`, without looking further.
    fn first(&self, text: &str) -> Option<NameHit<'_>> {
        let mut first = None;
        FirstWordIndex::walk([&self.index], text, |_, pattern, span| {
            first = Some(NameHit { span, targets: &self.targets[pattern] });
            ControlFlow::Break(())
        });
        first
    }
}

/// Case-insensitive matcher over titles and their plurals.
#[derive(Debug)]
pub struct TitleMatcher {
    index: FirstWordIndex,
    /// The same titles as an automaton, built only for [`TitleMatcher::scan_count`].
    ac: std::sync::OnceLock<Option<AhoCorasick>>,
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
        let index = FirstWordIndex::new(patterns.iter().map(|(p, _)| p.as_str()), true);
        TitleMatcher { index, ac: std::sync::OnceLock::new(), targets: patterns.into_iter().map(|(_, t)| t).collect() }
    }

    /// Matches of a bare unanchored scan with this automaton (no boundary checks): the
    /// ceiling for throughput benchmarks.
    pub fn scan_count(&self, text: &str) -> usize {
        let ac = self.ac.get_or_init(|| bare_automaton(self.index.phrases(), true));
        ac.as_ref().map_or(0, |ac| ac.find_iter(text).count())
    }

    pub fn find(&self, text: &str) -> Vec<TitleHit> {
        self.index
            .find(text)
            .into_iter()
            .map(|(pattern, span)| {
                let (title, plural) = self.targets[pattern];
                TitleHit { span, title, plural }
            })
            .collect()
    }
}

/// The names and the titles in `text`, as [`NameMatcher::find`] and
/// [`TitleMatcher::find`] find them, in one pass over its words, into `name_hits` and
/// `title_hits` (cleared first).
pub(super) fn find_names_and_titles<'g>(
    names: &'g NameMatcher,
    titles: &TitleMatcher,
    text: &str,
    name_hits: &mut Vec<NameHit<'g>>,
    title_hits: &mut Vec<TitleHit>,
) {
    // Room for a name every sixty-four bytes and a title every two hundred and fifty,
    // about what news has: most texts need no regrowth. Bounded for huge texts.
    name_hits.clear();
    name_hits.reserve((text.len() / 64).clamp(8, 4096));
    title_hits.clear();
    title_hits.reserve((text.len() / 256).clamp(4, 1024));
    FirstWordIndex::walk([&names.index, &titles.index], text, |k, pattern, span| {
        if k == 0 {
            name_hits.push(NameHit { span, targets: &names.targets[pattern] });
        } else {
            let (title, plural) = titles.targets[pattern];
            title_hits.push(TitleHit { span, title, plural });
        }
        ControlFlow::Continue(())
    });
}

/// A plain leftmost-longest automaton over the patterns, for the bare scan that
/// benchmarks measure kg against: a contiguous NFA for the many names, a DFA (small
/// for a thousand titles) for the titles.
fn bare_automaton<'p>(patterns: impl Iterator<Item = &'p str>, ascii_case_insensitive: bool) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(ascii_case_insensitive)
        .kind(ascii_case_insensitive.then_some(AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
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

    #[test]
    fn the_arabic_article_may_be_hyphenated() {
        let p = KnownPerson { name: "Khalid bin Nasser Al Saud".into(), aliases: vec![], female: None, terms: vec![] };
        let m = NameMatcher::build(&[], &[], &[], &[], &[p]);
        let text = "Khalid bin Nasser Al-Saud said";
        let found: Vec<&str> = m.find(text).iter().map(|h| &text[h.span.start..h.span.end]).collect();
        assert_eq!(found, ["Khalid bin Nasser Al-Saud"]);
    }
}
