//! **gazetteer_names** — names the gazetteers know: countries and their demonyms,
//! cities, regions and buildings, organisations, and known office holders.
//!
//! Matches: leftmost-longest, case-sensitive, on token boundaries.
//! Example: "Turkish President Recep Tayyip Erdogan met NATO officials in Ankara."
//! → Turkey (demonym), Erdoğan (known official), NATO, Ankara.
//! A given name that is also a city ("Hassan", "Salem") before a capitalised word
//! outside the gazetteers is left to the person rules: "Egypt's intelligence chief,
//! Hassan Rashad" names a man, not the Indian city; "in Hassan District" stays a place.
//! Nor is a town right after a given name ("Yury Borisov") a place, nor one that starts
//! the name of a hotel or an event ("the Shangri-La Hotel", "the Shangri-La Dialogue"),
//! nor a small town inside a longer name ("the Miraflores Palace", "Lok Kalyan Marg").
//! Known false positives: a city that shares a name with a person ("Lincoln") when the
//! data does not exclude it; a demonym used for a language ("in Russian"); a small town
//! inside a longer name in a story that names the town's country ("the Basilica of
//! Santa Maria Maggiore" in a story that names Brazil).

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::gazetteer::Target;

pub const RULE: Rule = Rule { name: "gazetteer_names", apply, triggers: &[] };

/// Whether the name at `span` is the subject of the verb right after it, or a
/// possessor ("the White House's").
fn acts(a: &Analysis, span: crate::model::Span) -> bool {
    let next = a.tok_at(span.end);
    // Not "Reaction on Parliament Hill was mixed": after a preposition, a place.
    let placed = preposition_before(a, span)
        .is_some_and(|(p, _)| matches!(p, "on" | "in" | "at" | "to" | "from" | "into" | "near" | "outside" | "inside"));
    !placed && (crate::clause::finite_verb_at(a, next) || matches!(a.word(next), "'s" | "\u{2019}s"))
}

/// The word right before the name at `span`, past a "the" (and whether there was one).
fn preposition_before<'a>(a: &'a Analysis, span: crate::model::Span) -> Option<(&'a str, bool)> {
    let t = a.tok_at(span.start);
    let the = t > 0 && a.lower(t - 1) == "the";
    let k = if the { t - 1 } else { t };
    (k > 0).then(|| (a.lower(k - 1), the))
}

/// The organisation named like building `p`: the office that works there.
fn office_in(a: &mut Analysis, p: usize) -> usize {
    let place = &a.gaz.places[p];
    let office = super::org_pattern::org_named(a, &place.name);
    if a.ents[office].iso.is_none() {
        a.ents[office].iso.clone_from(&a.gaz.places[p].iso);
    }
    office
}

/// Whether the name at `span` follows "in the", "at the" or "inside the".
fn at_the(a: &Analysis, span: crate::model::Span) -> bool {
    matches!(preposition_before(a, span), Some(("in" | "at" | "inside", true)))
}

/// Preference among entries that share one surface form.
fn rank(t: &Target) -> u8 {
    match t {
        Target::Person(_) => 0,
        Target::Org(_) => 1,
        Target::Country(_) => 2,
        Target::Demonym(_) => 3,
        Target::Place(_) => 4,
        Target::City(_) => 5,
    }
}

fn apply(a: &mut Analysis) {
    // Taken for the loop, which adds mentions, and put back after it.
    let hits = std::mem::take(&mut a.name_hits);
    // Countries named anywhere help choose between cities of one name.
    let gaz = a.gaz;
    let named_countries: Vec<&str> = hits
        .iter()
        .flat_map(|h| h.targets.iter())
        .filter_map(|t| match t {
            Target::Country(i) | Target::Demonym(i) => Some(gaz.countries[*i].iso.as_str()),
            _ => None,
        })
        .collect();
    // Where names start, asked of small towns only: made for the first one (most
    // documents have none, and hashing every start cost more than the rest of the rule).
    let starts: std::cell::OnceCell<rustc_hash::FxHashSet<usize>> = std::cell::OnceCell::new();
    for hit in &hits {
        // "talks in the Kremlin", "dinner at the Élysée": after "in/at the", a body's
        // seat is the building. Only a building asks (the words before every name
        // were read for it, at a cost above the rest of the choice).
        let seat = hit.targets.iter().any(|t| matches!(t, Target::Place(_))) && at_the(a, hit.span);
        let best = hit.targets.iter().min_by_key(|t| {
            let city_penalty = match t {
                Target::City(i) => u8::from(!named_countries.contains(&gaz.cities[*i].iso.as_str())),
                _ => 0,
            };
            let rank = if seat && matches!(t, Target::Place(_)) { 0 } else { rank(t) };
            (rank, city_penalty, **t)
        });
        let Some(&target) = best else { continue };
        // "the Shangri-La Hotel", "the Shangri-La Dialogue": a town's name that starts
        // the name of a hotel or an event names no town.
        if matches!(target, Target::City(_)) && names_a_venue(a, hit.span) {
            continue;
        }
        if let Target::City(c) = target {
            let small = !a.gaz.cities[c].capital;
            let country_named = named_countries.contains(&gaz.cities[c].iso.as_str());
            let starts = || starts.get_or_init(|| hits.iter().map(|h| h.span.start).collect());
            if small
                && (given_name_before_surname(a, hit.span, starts())
                    || surname_after_given_name(a, hit.span)
                    || surname_after_title(a, hit.span)
                    || tail_of_a_known_name(a, hit.span, &hits)
                    || inside_a_longer_name(a, hit.span, starts(), country_named))
            {
                continue;
            }
        }
        // "Prince Abdulaziz bin Salman": an alias that starts with a patronymic ("bin
        // Salman") after a capitalised name is the tail of another person's name.
        if matches!(target, Target::Person(_)) && patronymic_tail(a, hit.span) {
            continue;
        }
        if matches!(target, Target::Demonym(_)) && (part_of_a_name(a, hit.span) || of_a_region(a, hit.span)) {
            continue;
        }
        // "The White House had kept up the pretence", "Downing Street said": a building
        // that acts is the office working in it.
        if let Target::Place(p) = target {
            if !seat && a.gaz.places[p].kind == "building" && acts(a, hit.span) {
                let body = office_in(a, p);
                a.add_mention(body, hit.span, RULE.name, Form::Name);
                continue;
            }
        }
        let form = if matches!(target, Target::Demonym(_)) { Form::Demonym } else { Form::Name };
        let ent = a.gaz_entity(target);
        a.add_mention(ent, hit.span, RULE.name, form);
        // "Russia's Foreign Ministry" names Russia; "Turkish Airlines" or "the South China
        // Sea" do not name a state.
        if let Target::Org(o) = target {
            if matches!(a.gaz.orgs[o].kind.as_str(), "gov" | "military" | "party") {
                nested_countries(a, hit.span);
            }
        }
    }
    a.name_hits = hits;
}

/// Whether the name at `span` opens with a lower-case particle ("bin Salman", "al-Thani")
/// right after a capitalised word.
fn patronymic_tail(a: &Analysis, span: crate::model::Span) -> bool {
    let at = a.tok_at(span.start);
    a.slice(span).starts_with(|c: char| c.is_lowercase())
        && at > 0
        && a.toks[at - 1].is_cap
        && a.toks[at - 1].is_word
        && a.toks[at - 1].span.end + 1 == span.start
}

/// "Turkish Airlines", "French Riviera": a demonym that starts a proper name which is
/// neither a title ("Turkish President") nor a known name names no state.
fn part_of_a_name(a: &Analysis, span: crate::model::Span) -> bool {
    if a.text.get(span.end..span.end + 1) != Some(" ") {
        return false;
    }
    let next = a.tok_at(span.end + 1);
    let Some(t) = a.toks.get(next) else { return false };
    // "Kenyan Defence Cabinet Secretary": a portfolio before a title is no name. Asked
    // last: most demonyms are followed by no capitalised word.
    let titled = || {
        (next + 1..next + 4)
            .take_while(|&k| a.toks.get(k).is_some_and(|t| t.is_word && t.is_cap))
            .any(|k| a.title_at(a.toks[k].span))
    };
    t.is_word
        && t.is_cap
        && !a.title_at(t.span)
        && !titled()
        && !crate::names::is_function_word(a.word(next))
        && !a.gaz.names().is_found(a.word(next))
}

/// Whether the demonym at `span` is the second half of a region's adjective: "South
/// American presidents", "Latin American leaders", "Pan-American". A country's own
/// two-word demonym ("South Korean", "South African") is a longer gazetteer match and
/// never gets here.
fn of_a_region(a: &Analysis, span: crate::model::Span) -> bool {
    let at = a.tok_at(span.start);
    at > 0
        && matches!(a.text.get(span.start - 1..span.start), Some(" " | "-"))
        && a.toks[at - 1].span.end + 1 == span.start
        && matches!(
            a.word(at - 1),
            "South"
                | "North"
                | "East"
                | "West"
                | "Central"
                | "Latin"
                | "Pan"
                | "Southeast"
                | "Northeast"
                | "Southwest"
                | "Northwest"
                | "Southern"
                | "Northern"
                | "Eastern"
                | "Western"
        )
}

/// Whether the name at `span` is followed by a capitalised noun that makes it the name
/// of a venue, an event or a text of its own ("the Rome Statute", "the Minsk
/// Agreements").
fn names_a_venue(a: &Analysis, span: crate::model::Span) -> bool {
    let next = a.tok_at(span.end);
    a.toks.get(next).is_some_and(|t| t.span.start == span.end + 1 && t.is_cap)
        && matches!(
            a.word(next),
            "Hotel"
                | "Hotels"
                | "Dialogue"
                | "Airport"
                | "Stadium"
                | "University"
                | "Statute"
                | "Agreement"
                | "Agreements"
                | "Accord"
                | "Accords"
                | "Convention"
                | "Conventions"
                | "Protocol"
                | "Charter"
                | "Principles"
        )
}

/// "Hassan Rashad": a one-word name that is a given name, followed by a capitalised
/// word that starts no known name, after no word that introduces a place ("in Hassan").
fn given_name_before_surname(a: &Analysis, span: crate::model::Span, starts: &rustc_hash::FxHashSet<usize>) -> bool {
    let word = a.slice(span);
    if word.contains(' ') || !a.gaz.is_given_name(word) || a.text.get(span.end..span.end + 1) != Some(" ") {
        return false;
    }
    let at = a.tok_at(span.start);
    if at > 0 && matches!(a.lower(at - 1), "in" | "at" | "from" | "to" | "near" | "outside" | "of" | "into") {
        return false;
    }
    let next = at + 1;
    let Some(t) = a.toks.get(next) else { return false };
    t.is_word
        && t.span.start == span.end + 1
        && (t.is_cap || crate::names::is_particle_name(a.word(next)))
        && !starts.contains(&t.span.start)
        && !a.title_at(t.span)
        && !crate::names::is_function_word(a.word(next))
}

/// "the Miraflores Palace", "Lok Kalyan Marg": a town's name that a capitalised word
/// outside the gazetteers continues is part of a longer name (a palace, a street, a
/// church): always before a venue's noun, and otherwise where the story names no
/// country of that town or where a capitalised word also opens the name. An event after the town ("the Hiroshima Summit") is held
/// there, so it keeps the town.
fn inside_a_longer_name(
    a: &Analysis,
    span: crate::model::Span,
    starts: &rustc_hash::FxHashSet<usize>,
    country_named: bool,
) -> bool {
    let at = a.tok_at(span.start);
    let next = a.tok_at(span.end);
    let name_word = |k: usize| {
        a.toks.get(k).is_some_and(|t| t.is_word && t.is_cap)
            && !starts.contains(&a.toks[k].span.start)
            && !a.title_at(a.toks[k].span)
            && !crate::names::is_function_word(a.word(k))
    };
    let continued = a.toks.get(next).is_some_and(|t| t.span.start == span.end + 1)
        && name_word(next)
        && !EVENT_NOUNS.contains(a.word(next));
    if !continued {
        return false;
    }
    // "the Miraflores Palace": a venue's name, whichever country the story names.
    if super::org_pattern::VENUES.contains(a.word(next)) {
        return true;
    }
    let opened = at > 0
        && a.toks[at - 1].span.end + 1 == span.start
        && name_word(at - 1)
        && a.sents.get(a.sent_of(span.start)).is_some_and(|s| s.tokens.start < at - 1);
    !country_named || opened
}

/// Nouns after a town's name that make an event held in that town.
static EVENT_NOUNS: crate::text::WordSet = crate::text::WordSet::new(&[
    "Summit",
    "Talks",
    "Conference",
    "Forum",
    "Dialogue",
    "Process",
    "Format",
    "Declaration",
    "Meeting",
    "Meetings",
    "Round",
    "Games",
    "Olympics",
    "Communique",
    "Communiqué",
    "Consultations",
    "Negotiations",
    "Ceasefire",
    "Peace",
]);

/// "I thank Senator Birmingham": a one-word town right after a person's title is the
/// surname.
fn surname_after_title(a: &Analysis, span: crate::model::Span) -> bool {
    let at = a.tok_at(span.start);
    at > 0 && !a.slice(span).contains(' ') && a.toks[at - 1].is_cap && a.title_at(a.toks[at - 1].span)
}

/// "Bagheri Kani" after "Ali Bagheri Kani": a town that ends, with the word before it,
/// the name of a known person the story names is that person's surname.
fn tail_of_a_known_name(a: &Analysis, span: crate::model::Span, hits: &[crate::gazetteer::NameHit]) -> bool {
    let at = a.tok_at(span.start);
    if at == 0 || !a.toks[at - 1].is_cap || a.text.get(span.start - 1..span.start) != Some(" ") {
        return false;
    }
    let tail = &a.text[a.toks[at - 1].span.start..span.end];
    hits.iter().any(|h| {
        h.span != span
            && h.targets.iter().any(|t| matches!(t, Target::Person(_)))
            && a.slice(h.span).strip_suffix(tail).is_some_and(|head| head.ends_with(' '))
    })
}

/// "Yury Borisov": a one-word town right after a capitalised given name is the surname
/// (Borisov, Belarus), unless the given name follows a word that introduces a place
/// ("in Santa Cruz").
fn surname_after_given_name(a: &Analysis, span: crate::model::Span) -> bool {
    let at = a.tok_at(span.start);
    if a.slice(span).contains(' ') || at == 0 || a.text.get(span.start - 1..span.start) != Some(" ") {
        return false;
    }
    // Past middle initials: "George W. Bush".
    let mut g = at - 1;
    for _ in 0..4 {
        let initial = a.word(g).len() == 1 && a.toks[g].is_cap || a.word(g) == "." && g > 0 && a.word(g - 1).len() == 1;
        let initial_dot = a.word(g).len() == 2 && a.word(g).ends_with('.') && a.toks[g].is_cap;
        if g == 0 || !(initial || initial_dot) {
            break;
        }
        g -= 1;
    }
    let given = &a.toks[g];
    let place_word = g >= 1 && matches!(a.lower(g - 1), "in" | "at" | "from" | "to" | "near" | "outside" | "of");
    given.is_word && given.is_cap && !place_word && a.gaz.is_given_name(a.word(g))
}

/// Countries named inside a longer name: "Russia's Foreign Ministry", "Ukrainian
/// Armed Forces".
fn nested_countries(a: &mut Analysis, span: crate::model::Span) {
    let inner = a.slice(span);
    // Leftmost-longest would find the whole name again; without its last character
    // only the names inside it remain.
    let Some((cut, _)) = inner.char_indices().next_back() else { return };
    for hit in a.gaz.names().find(&inner[..cut]) {
        let Some(&t) = hit.targets.iter().find(|t| matches!(t, Target::Country(_) | Target::Demonym(_))) else {
            continue;
        };
        let ent = a.gaz_entity(t);
        let at = crate::model::Span::new(span.start + hit.span.start, span.start + hit.span.end);
        a.add_nested_mention(ent, at, RULE.name, crate::analysis::Form::Demonym);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extract, has_edge};

    /// A building that acts is the office in it; one where things happen is a place.
    #[test]
    fn a_building_that_acts_is_an_office() {
        let x = extract("The White House had kept the trip secret.", "2025-03-05");
        assert!(x.entities.iter().any(|e| e.id == "organization:white-house"), "{:?}", x.entities);
        let x = extract("Talks at the White House ended on Monday.", "2025-03-05");
        assert!(x.entities.iter().any(|e| e.id == "location:white-house"), "{:?}", x.entities);
    }

    /// "South American", "Latin American": a region, not the United States; "South
    /// Korean" is South Korea's own.
    #[test]
    fn a_regions_adjective_names_no_country() {
        for text in ["South American presidents met.", "Latin American and North American leaders met."] {
            let x = extract(text, "2025-03-05");
            assert!(!entities(&x).contains(&"country:us".to_string()), "{text}: {:?}", entities(&x));
        }
        let x = extract("South Korean and American diplomats met.", "2025-03-05");
        assert!(entities(&x).contains(&"country:kr".to_string()) && entities(&x).contains(&"country:us".to_string()));
    }

    /// A city that names a treaty is no place: "the Rome Statute".
    #[test]
    fn a_city_naming_a_treaty_is_no_place() {
        for text in ["Mongolia is a party to the Rome Statute.", "The Minsk Agreements failed."] {
            let x = extract(text, "2025-03-05");
            assert!(!x.entities.iter().any(|e| e.id.starts_with("location:")), "{text}: {:?}", x.entities);
        }
    }

    /// "bin Salman" after another given name is the tail of that person's name, not the
    /// crown prince known by it; a royal style between title and name keeps the title.
    #[test]
    fn a_patronymic_after_another_given_name() {
        let x = extract("Saudi Defence Minister Prince Khalid bin Salman spoke.", "2025-03-05");
        assert!(!entities(&x).contains(&"person:mohammed-bin-salman".to_string()), "{:?}", entities(&x));
        assert!(has_edge(&x, "person:khalid-bin-salman", "official_of", "country:sa"), "{:?}", x.relations);
    }

    /// A town's name inside a longer name (a palace, a street) is no place; before
    /// an event's noun, the town is where it is held.
    #[test]
    fn a_town_inside_a_longer_name_is_no_place() {
        for (text, town) in [
            ("Japan's envoy met him at the Kobe Palace on Monday.", false),
            ("The prime minister lives at 7 Old Bergen Lane in Oslo.", false),
            ("Poland hosted the Gdynia Summit on Monday.", true),
            ("Japan's envoy flew to Kobe on Monday.", true),
        ] {
            let x = extract(text, "2025-03-05");
            let found = x
                .entities
                .iter()
                .any(|e| ["location:kobe", "location:bergen", "location:gdynia"].contains(&e.id.as_str()));
            assert_eq!(found, town, "{text}: {:?}", entities(&x));
        }
    }

    /// A town that ends a known person's name, with the word before it, is the
    /// surname.
    #[test]
    fn a_town_ending_a_named_persons_name() {
        let x = extract("Ali Bagheri Kani arrived in Vienna. Bagheri Kani spoke first.", "2022-03-05");
        assert!(!entities(&x).contains(&"location:kani".to_string()), "{:?}", entities(&x));
    }

    /// A town right after a title is a surname: "Senator Birmingham".
    #[test]
    fn a_town_after_a_title_is_a_surname() {
        let x = extract("I thank Senator Birmingham for the question.", "2025-03-05");
        assert!(!x.entities.iter().any(|e| e.id == "location:birmingham"), "{:?}", x.entities);
    }

    /// A town after a given name and a middle initial is a surname: "George W. Bush".
    #[test]
    fn a_town_after_a_middle_initial_is_a_surname() {
        let x = extract("Walter J. Bush came to Kyiv in 2008.", "2025-03-05");
        assert!(!x.entities.iter().any(|e| e.id.starts_with("location:b")), "{:?}", x.entities);
    }

    /// "The Kremlin said" is the body; "talks in the Kremlin" are held in the building,
    /// and so in Moscow.
    #[test]
    fn a_body_after_in_the_is_its_building() {
        let x = extract("The Kremlin said nothing.", "2025-03-05");
        assert!(x.entities.iter().any(|e| e.id == "organization:kremlin"), "{:?}", x.entities);
        let x = extract(
            "Anna Brown arrived in Moscow on Monday. She held talks with Tom Price in the Kremlin.",
            "2025-03-05",
        );
        assert!(
            x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.target == "location:moscow"),
            "{:?}",
            x.relations
        );
    }

    #[test]
    fn demonyms_inside_other_names_name_no_state() {
        let x = extract("Turkish Airlines flew over the Indian Ocean; Polish President spoke.", "2025-05-15");
        let found = entities(&x);
        assert!(!found.iter().any(|e| e == "country:tr" || e == "country:in"), "{found:?}");
        assert!(found.iter().any(|e| e == "country:pl"), "{found:?}");
    }

    #[test]
    fn finds_countries_demonyms_cities_and_orgs() {
        let x = extract("Turkish officials met NATO envoys in Ankara and Iranian diplomats.", "2025-05-15");
        let found = entities(&x);
        for want in ["country:tr", "country:ir", "organization:nato", "location:ankara"] {
            assert!(found.iter().any(|id| id == want), "{want} missing from {found:?}");
        }
    }

    #[test]
    fn british_spelling_of_an_acronym_and_a_hyphenated_prefix() {
        for text in ["Kenya became a major non-Nato ally.", "Nato leaders met in The Hague."] {
            let x = crate::test_support::extract(text, "2025-03-01");
            assert!(
                crate::test_support::entities(&x).iter().any(|e| e == "organization:nato"),
                "{text}: {:?}",
                crate::test_support::entities(&x)
            );
            assert!(!crate::test_support::entities(&x).iter().any(|e| e.starts_with("person:")), "{text}");
        }
    }

    #[test]
    fn a_town_after_a_family_name_is_the_given_name() {
        // "Jining" is a town; after the family name "Chen" it is the rest of a name.
        let x =
            crate::test_support::extract("Tom Hill met Chen Jining, the party secretary, on Thursday.", "2024-04-26");
        let ids = crate::test_support::entities(&x);
        assert!(ids.iter().any(|e| e == "person:chen-jining"), "{ids:?}");
        assert!(!ids.iter().any(|e| e.starts_with("location:")), "{ids:?}");
    }
}
