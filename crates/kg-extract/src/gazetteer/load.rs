use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::NaiveDate;

use super::{
    City, Country, Gazetteer, KnownPerson, NameMatcher, Org, Place, Role, Term, Title, TitleCategory, TitleMatcher,
};
use crate::text::fold;

/// Which table a gazetteer file feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Countries,
    Cities,
    Places,
    Organizations,
    Titles,
    Officials,
    GivenNames,
}

impl SourceKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "countries" => SourceKind::Countries,
            "cities" => SourceKind::Cities,
            "places" => SourceKind::Places,
            "organizations" | "organisations" | "orgs" => SourceKind::Organizations,
            "titles" => SourceKind::Titles,
            "officials" => SourceKind::Officials,
            "given-names" | "given_names" => SourceKind::GivenNames,
            _ => return None,
        })
    }
}

/// A gazetteer file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GazetteerError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

macro_rules! data {
    ($kind:ident, $file:literal) => {
        (SourceKind::$kind, $file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $file)))
    };
}

pub(super) const BUILTIN: &[(SourceKind, &str, &str)] = &[
    data!(Countries, "countries.tsv"),
    data!(Cities, "cities.tsv"),
    data!(Places, "places.tsv"),
    data!(Organizations, "organizations.tsv"),
    data!(Titles, "titles.tsv"),
    data!(Officials, "officials/europe_americas_igo.tsv"),
    data!(Officials, "officials/africa_asia_oceania.tsv"),
    data!(GivenNames, "given_names.txt"),
];

fn list(field: &str) -> Vec<String> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

fn opt(field: &str) -> Option<String> {
    let f = field.trim();
    (!f.is_empty()).then(|| f.to_string())
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day of the period.
fn parse_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    let month: Option<u32> = parts.get(1).map(|m| m.parse().ok()).unwrap_or(None);
    let day: Option<u32> = parts.get(2).map(|d| d.parse().ok()).unwrap_or(None);
    match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
        (Some(m), None) if end => {
            let (ny, nm) = if m == 12 { (year + 1, 1) } else { (year, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
        }
        (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1),
        (None, _) if end => NaiveDate::from_ymd_opt(year, 12, 31),
        (None, _) => NaiveDate::from_ymd_opt(year, 1, 1),
    }
}

#[derive(Default)]
pub(super) struct Parsed {
    countries: Vec<Country>,
    cities: Vec<City>,
    places: Vec<Place>,
    orgs: Vec<Org>,
    titles: Vec<Title>,
    persons: Vec<KnownPerson>,
    person_index: HashMap<String, usize>,
    terms: Vec<Term>,
    given_names: HashSet<String>,
}

impl Parsed {
    pub(super) fn parse(&mut self, kind: SourceKind, file: &str, text: &str) -> Result<(), GazetteerError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| GazetteerError { file: file.to_string(), line: i + 1, message };
            let f: Vec<&str> = line.split('\t').collect();
            let need = |n: usize| {
                if f.len() < n {
                    Err(err(format!("expected {n} tab-separated fields, found {}", f.len())))
                } else {
                    Ok(())
                }
            };
            match kind {
                SourceKind::Countries => {
                    need(2)?;
                    self.countries.push(Country {
                        iso: f[0].trim().to_ascii_uppercase(),
                        name: f[1].trim().to_string(),
                        aliases: f.get(2).map(|s| list(s)).unwrap_or_default(),
                        demonyms: f.get(3).map(|s| list(s)).unwrap_or_default(),
                        capital: f.get(4).map(|s| s.trim().to_string()).unwrap_or_default(),
                    });
                }
                SourceKind::Cities => {
                    need(2)?;
                    self.cities.push(City {
                        name: f[0].trim().to_string(),
                        iso: f[1].trim().to_ascii_uppercase(),
                        population: f.get(2).and_then(|p| p.trim().parse().ok()).unwrap_or(0),
                        aliases: f.get(3).map(|s| list(s)).unwrap_or_default(),
                        capital: f.get(4).is_some_and(|c| c.trim() == "1"),
                    });
                }
                SourceKind::Places => {
                    need(2)?;
                    self.places.push(Place {
                        name: f[0].trim().to_string(),
                        kind: f[1].trim().to_string(),
                        iso: f.get(2).and_then(|s| opt(s)),
                        aliases: f.get(3).map(|s| list(s)).unwrap_or_default(),
                        city: f.get(4).and_then(|s| opt(s)),
                    });
                }
                SourceKind::Organizations => {
                    need(2)?;
                    self.orgs.push(Org {
                        key: f[0].trim().to_string(),
                        name: f[1].trim().to_string(),
                        acronyms: f.get(2).map(|s| list(s)).unwrap_or_default(),
                        aliases: f.get(3).map(|s| list(s)).unwrap_or_default(),
                        kind: f.get(4).map(|s| s.trim().to_string()).unwrap_or_default(),
                        country: f.get(5).and_then(|s| opt(s)).map(|s| s.to_ascii_uppercase()),
                    });
                }
                SourceKind::Titles => {
                    need(2)?;
                    let category = TitleCategory::parse(f[1].trim())
                        .ok_or_else(|| err(format!("unknown title category {:?}", f[1])))?;
                    let title = f[0].trim().to_string();
                    self.titles.push(Title {
                        canonical: f.get(2).and_then(|s| opt(s)).unwrap_or_else(|| title.clone()),
                        plural: f.get(3).and_then(|s| opt(s)),
                        title,
                        category,
                    });
                }
                SourceKind::Officials => {
                    need(6)?;
                    let name = f[0].trim().to_string();
                    let role = Role::parse(f[4].trim()).ok_or_else(|| err(format!("unknown role {:?}", f[4])))?;
                    let start = parse_date(f[5], false).ok_or_else(|| err(format!("bad start date {:?}", f[5])))?;
                    let end = match f.get(6).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                        Some(e) => Some(parse_date(e, true).ok_or_else(|| err(format!("bad end date {e:?}")))?),
                        None => None,
                    };
                    let female = match f.get(7).map(|s| s.trim()) {
                        Some("f") => Some(true),
                        Some("m") => Some(false),
                        _ => None,
                    };
                    let key = fold(&name);
                    let person = *self.person_index.entry(key).or_insert_with(|| {
                        self.persons.push(KnownPerson {
                            name: name.clone(),
                            aliases: Vec::new(),
                            female,
                            terms: Vec::new(),
                        });
                        self.persons.len() - 1
                    });
                    for alias in list(f[1]) {
                        if !self.persons[person].aliases.contains(&alias) {
                            self.persons[person].aliases.push(alias);
                        }
                    }
                    self.terms.push(Term {
                        person,
                        target: f[2].trim().to_string(),
                        title: f[3].trim().to_string(),
                        role,
                        start,
                        end,
                    });
                    let term = self.terms.len() - 1;
                    self.persons[person].terms.push(term);
                }
                SourceKind::GivenNames => {
                    self.given_names.insert(fold(line.trim()));
                }
            }
        }
        Ok(())
    }

    pub(super) fn finish(self) -> Gazetteer {
        let names = NameMatcher::build(&self.countries, &self.cities, &self.places, &self.orgs, &self.persons);
        let title_matcher = TitleMatcher::build(&self.titles);
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in self.persons.iter().enumerate() {
            let last = p.name.rsplit(' ').next().unwrap_or(&p.name);
            let singles = p.aliases.iter().filter(|a| !a.contains(' ')).map(String::as_str);
            for word in std::iter::once(last).chain(singles) {
                let slot = surnames.entry(crate::names::translit_key(word)).or_default();
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        // Rules look countries up by code while reading each document: an index, not a
        // scan comparing every country's code.
        let mut by_iso: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, c) in self.countries.iter().enumerate() {
            by_iso.entry(c.iso.clone()).or_default().push(i);
        }
        Gazetteer {
            by_iso,
            countries: self.countries,
            cities: self.cities,
            places: self.places,
            orgs: self.orgs,
            titles: self.titles,
            persons: self.persons,
            terms: self.terms,
            given_names: self.given_names,
            names,
            title_matcher,
            surnames,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_terms() {
        let cases = [
            ("2024-10-01", false, "2024-10-01"),
            ("2024-10", false, "2024-10-01"),
            ("2024-02", true, "2024-02-29"),
            ("2019", true, "2019-12-31"),
        ];
        for (input, end, want) in cases {
            assert_eq!(parse_date(input, end).map(|d| d.to_string()).as_deref(), Some(want));
        }
        assert_eq!(parse_date("soon", false), None);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let mut p = Parsed::default();
        let e = p
            .parse(SourceKind::Officials, "mine.tsv", "#header\nA B\tx\tUS\tPresident\tking\t2020\t\tm\n")
            .err()
            .map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("mine.tsv:2: unknown role \"king\""));
    }
}
