//! Gazetteers: what kg knows before it reads an article. The TSV files under `data/`
//! are compiled into the binary; users may add their own files of the same formats.

mod first_word;
mod load;
mod matcher;
mod words;

use rustc_hash::FxHashSet as HashSet;

use chrono::NaiveDate;

pub use load::{GazetteerError, SourceKind};
pub use matcher::{NameHit, NameMatcher, Target, TitleHit, TitleMatcher};

/// A sovereign state (or commonly named territory).
#[derive(Debug, Clone)]
pub struct Country {
    pub iso: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: String,
}

#[derive(Debug, Clone)]
pub struct City {
    pub name: String,
    pub iso: String,
    pub population: u64,
    pub aliases: Vec<String>,
    pub capital: bool,
}

/// A named region, sea, strait, building...
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub kind: String,
    pub iso: Option<String>,
    pub aliases: Vec<String>,
    /// The city a building stands in ("Great Hall of the People" → Beijing).
    pub city: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub key: String,
    pub name: String,
    pub acronyms: Vec<String>,
    pub aliases: Vec<String>,
    pub kind: String,
    pub country: Option<String>,
}

/// What a title says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleCategory {
    HeadOfState,
    HeadOfGovernment,
    Minister,
    Diplomat,
    Official,
    Military,
    Royal,
    Honorific,
    Occupation,
}

impl TitleCategory {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "head_of_state" => TitleCategory::HeadOfState,
            "head_of_government" => TitleCategory::HeadOfGovernment,
            "minister" => TitleCategory::Minister,
            "diplomat" => TitleCategory::Diplomat,
            "official" => TitleCategory::Official,
            "military" => TitleCategory::Military,
            "royal" => TitleCategory::Royal,
            "honorific" => TitleCategory::Honorific,
            "occupation" => TitleCategory::Occupation,
            _ => return None,
        })
    }

    /// Titles that make their holder an official of a country or organisation.
    pub fn is_office(self) -> bool {
        !matches!(self, TitleCategory::Honorific | TitleCategory::Occupation)
    }

    pub fn is_leader(self) -> bool {
        matches!(self, TitleCategory::HeadOfState | TitleCategory::HeadOfGovernment)
    }
}

#[derive(Debug, Clone)]
pub struct Title {
    pub title: String,
    pub category: TitleCategory,
    pub canonical: String,
    pub plural: Option<String>,
}

/// The kind of office a known official held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenseMinister,
    OrgHead,
    Deputy,
    Other,
}

impl Role {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "head_of_state" => Role::HeadOfState,
            "head_of_government" => Role::HeadOfGovernment,
            "foreign_minister" => Role::ForeignMinister,
            "defense_minister" => Role::DefenseMinister,
            "org_head" => Role::OrgHead,
            "deputy" => Role::Deputy,
            "other" => Role::Other,
            _ => return None,
        })
    }

    pub fn is_leader(self) -> bool {
        matches!(self, Role::HeadOfState | Role::HeadOfGovernment)
    }
}

/// One office held by a known person over a period.
#[derive(Debug, Clone)]
pub struct Term {
    /// Index into [`Gazetteer::persons`].
    pub person: usize,
    /// ISO code of a country or key of an organisation.
    pub target: String,
    pub title: String,
    pub role: Role,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Term {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
}

#[derive(Debug, Clone)]
pub struct KnownPerson {
    pub name: String,
    pub aliases: Vec<String>,
    pub female: Option<bool>,
    /// Indexes into [`Gazetteer::terms`].
    pub terms: Vec<usize>,
}

/// Everything kg knows before reading: countries, places, organisations, titles,
/// office holders and given names, with matchers built over them.
#[derive(Debug)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    pub cities: Vec<City>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub titles: Vec<Title>,
    pub persons: Vec<KnownPerson>,
    pub terms: Vec<Term>,
    /// Folded given names.
    pub given_names: HashSet<String>,
    names: NameMatcher,
    title_matcher: TitleMatcher,
    /// Known persons by the transliteration key of their surname (and of one-word
    /// aliases such as a family name written first).
    surnames: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Countries by their code as written, in list order.
    by_iso: rustc_hash::FxHashMap<String, Vec<usize>>,
}

impl Gazetteer {
    pub fn names(&self) -> &NameMatcher {
        &self.names
    }

    pub fn title_matcher(&self) -> &TitleMatcher {
        &self.title_matcher
    }

    /// The names and the titles in `text`, in one pass over its words.
    pub fn find_names_and_titles(&self, text: &str) -> (Vec<NameHit<'_>>, Vec<TitleHit>) {
        let (mut names, mut titles) = (Vec::new(), Vec::new());
        self.find_names_and_titles_into(text, &mut names, &mut titles);
        (names, titles)
    }

    /// [`Gazetteer::find_names_and_titles`] into `names` and `titles`, which are
    /// cleared first: their memory serves text after text.
    pub fn find_names_and_titles_into<'g>(
        &'g self,
        text: &str,
        names: &mut Vec<NameHit<'g>>,
        titles: &mut Vec<TitleHit>,
    ) {
        matcher::find_names_and_titles(&self.names, &self.title_matcher, text, names, titles)
    }

    pub fn country_by_iso(&self, iso: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.iso.eq_ignore_ascii_case(iso))
    }

    /// The countries whose code is `iso` exactly (case counts), in list order: what
    /// `countries.iter().position(|c| c.iso == iso)` and its like find, found by hash.
    pub fn countries_with_iso(&self, iso: &str) -> &[usize] {
        self.by_iso.get(iso).map_or(&[], Vec::as_slice)
    }

    pub fn org_by_key(&self, key: &str) -> Option<usize> {
        self.orgs.iter().position(|o| o.key == key)
    }

    /// Known persons whose surname has this transliteration key.
    pub fn persons_by_surname(&self, key: &str) -> &[usize] {
        self.surnames.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        // `fold` of an ASCII word is its lower case: asked of every capitalised word, so
        // without allocating when the word is short and ASCII.
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| self.given_names.contains(w))
            }
            _ => self.given_names.contains(&crate::text::fold(word)),
        }
    }

    /// The terms in force on `date` (or any term when no date is known).
    pub fn terms_on(&self, date: Option<NaiveDate>) -> impl Iterator<Item = &Term> + '_ {
        self.terms.iter().filter(move |t| date.is_none_or(|d| t.covers(d)))
    }
}

/// Builds a [`Gazetteer`] from the built-in data and any user files.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    sources: Vec<(SourceKind, String, String)>,
}

impl GazetteerBuilder {
    /// A builder holding the data compiled into kg.
    pub fn with_builtin() -> Self {
        let mut b = GazetteerBuilder::default();
        for (kind, name, text) in load::BUILTIN {
            b.sources.push((*kind, (*name).to_string(), (*text).to_string()));
        }
        b
    }

    /// Adds a user file; `name` is used in error messages.
    pub fn add(&mut self, kind: SourceKind, name: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.sources.push((kind, name.into(), text.into()));
        self
    }

    pub fn build(&self) -> Result<Gazetteer, GazetteerError> {
        let mut g = load::Parsed::default();
        for (kind, name, text) in &self.sources {
            g.parse(*kind, name, text)?;
        }
        Ok(g.finish())
    }
}

impl Gazetteer {
    /// The built-in gazetteer, parsed once per process.
    pub fn builtin() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| {
            // The built-in files are checked by the test suite; a failure here is a bug.
            #[allow(clippy::expect_used)]
            GazetteerBuilder::with_builtin().build().expect("built-in gazetteer parses")
        })
    }
}
