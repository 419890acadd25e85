use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

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
    ac: Option<BoundedAc>,
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
        let ac = BoundedAc::build(patterns.iter().map(|(p, _)| p.as_str()), false);
        NameMatcher { ac, targets: patterns.into_iter().map(|(_, t)| t).collect() }
    }

    /// Matches of a bare unanchored scan with this automaton (no boundary checks): the
    /// ceiling for throughput benchmarks.
    pub fn scan_count(&self, text: &str) -> usize {
        self.ac.as_ref().map_or(0, |ac| ac.scan_count(text))
    }

    /// All names in `text` that start and end on word boundaries.
    pub fn find(&self, text: &str) -> Vec<NameHit<'_>> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        ac.matches(text).map(|(pattern, span)| NameHit { span, targets: &self.targets[pattern] }).collect()
    }
}

/// Case-insensitive matcher over titles and their plurals.
#[derive(Debug)]
pub struct TitleMatcher {
    index: super::first_word::FirstWordIndex,
    /// The same titles as an automaton, built only for [`TitleMatcher::scan_count`].
    ac: std::sync::OnceLock<Option<BoundedAc>>,
    patterns: Vec<String>,
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
        let index = super::first_word::FirstWordIndex::new(patterns.iter().map(|(p, _)| p.as_str()));
        let (patterns, targets) = patterns.into_iter().unzip();
        TitleMatcher { index, ac: std::sync::OnceLock::new(), patterns, targets }
    }

    /// Matches of a bare unanchored scan with this automaton (no boundary checks): the
    /// ceiling for throughput benchmarks.
    pub fn scan_count(&self, text: &str) -> usize {
        let ac = self.ac.get_or_init(|| BoundedAc::build(self.patterns.iter().map(String::as_str), true));
        ac.as_ref().map_or(0, |ac| ac.scan_count(text))
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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// An automaton whose matches must start and end on word boundaries.
///
/// Case-sensitive names start at few places in news text (capitalised words), so it
/// tries an anchored match only where a pattern can begin: at a byte that starts some
/// pattern, after a non-word character — several times faster than an unanchored
/// scan, with the same matches. (Titles, which can start at nearly any word, are
/// matched by [`super::first_word::FirstWordIndex`]; their automaton serves only the
/// benchmark's bare scan.)
#[derive(Debug)]
struct BoundedAc {
    ac: AhoCorasick,
    /// Bytes some pattern starts with.
    starts: [bool; 256],
    /// Pairs of bytes some pattern starts with (a bit per pair): "the" starts only
    /// "the Hague"-like names, but "to" and "an" start none.
    pairs: Vec<u64>,
}

impl BoundedAc {
    fn build<'p>(patterns: impl Iterator<Item = &'p str> + Clone, ascii_case_insensitive: bool) -> Option<Self> {
        let mut starts = [false; 256];
        let mut pairs = vec![0u64; 65536 / 64];
        for p in patterns.clone() {
            // Every pattern is at least two bytes long (see `NameMatcher::build`); a
            // shorter one would match at any byte it starts with.
            let pair = match p.as_bytes() {
                [a, b, ..] => usize::from(*a) << 8 | usize::from(*b),
                _ => {
                    pairs.iter_mut().for_each(|w| *w = u64::MAX);
                    0
                }
            };
            pairs[pair / 64] |= 1 << (pair % 64);
            if let Some(&b) = p.as_bytes().first() {
                starts[usize::from(b)] = true;
                if ascii_case_insensitive {
                    starts[usize::from(b.to_ascii_lowercase())] = true;
                    starts[usize::from(b.to_ascii_uppercase())] = true;
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(ascii_case_insensitive)
            .start_kind(StartKind::Both)
            // The bare scan of titles is fastest with a DFA (small for a thousand
            // titles); the names are too many for one.
            .kind(ascii_case_insensitive.then_some(AhoCorasickKind::DFA))
            .build(patterns)
            .ok()?;
        Some(BoundedAc { ac, starts, pairs })
    }

    /// Leftmost-longest matches whose ends sit on word boundaries. A match that fails
    /// the end check does not hide a valid match starting later inside it.
    fn matches<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, Span)> + 'a {
        let bytes = text.as_bytes();
        let mut pos = 0;
        std::iter::from_fn(move || {
            while pos < bytes.len() {
                let at = pos;
                pos += 1;
                // Pattern starts are never UTF-8 continuation bytes, so `at` is a char
                // boundary whenever the table lets it through.
                if !self.starts[usize::from(bytes[at])] || !starts_word(text, at) {
                    continue;
                }
                let pair = usize::from(bytes[at]) << 8 | usize::from(bytes.get(at + 1).copied().unwrap_or(0));
                if self.pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                    continue;
                }
                let Some(m) = self.ac.find(Input::new(text).range(at..).anchored(Anchored::Yes)) else { continue };
                let after_ok = !text[m.end()..].chars().next().is_some_and(is_word_char);
                // A pattern ending in "." ("U.S.") may be followed by anything.
                if after_ok || text[..m.end()].ends_with('.') {
                    pos = m.end();
                    return Some((m.pattern().as_usize(), Span::new(m.start(), m.end())));
                }
            }
            None
        })
    }

    /// Number of matches of a plain unanchored leftmost-longest scan, with no word
    /// boundary checks: the ceiling the throughput benchmark measures kg against.
    fn scan_count(&self, text: &str) -> usize {
        self.ac.find_iter(text).count()
    }
}

/// Whether no word character precedes byte `at`.
fn starts_word(text: &str, at: usize) -> bool {
    match text.as_bytes()[..at].last() {
        None => true,
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..at].chars().next_back().is_some_and(is_word_char),
    }
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
