//! **official_of** — the office a person holds, from the titles the article gives.
//!
//! Matches: every title read with its country or organisation ("Turkish Foreign
//! Minister", "director of the Central Bank", "NATO Secretary-General"); occupations
//! ("political scientist") and former offices ("former President") give none.
//! Example: "Georgian Foreign Minister Nino Beridze" → Beridze official_of Georgia,
//! title "Foreign Minister".
//! An office the dated office-holder table says the person had left before the
//! publication date is a former one, however the text words it: a 2023 fact-check
//! quoting the caption "Brazil's President Jair Bolsonaro", an obituary's "then
//! Secretary-General Annan".
//! Known false positives: a title borrowed in a comparison ("Georgia's Bismarck").

use super::Rule;
use crate::analysis::Analysis;
use crate::model::{RelationKind, Status};

pub const RULE: Rule = Rule { name: "official_of", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    // Adding a relation leaves the titles as they are: each is read in place, and its
    // words copied only for a relation made (copying them all was this rule's cost).
    for i in 0..a.titles.len() {
        let f = &a.titles[i];
        let Some(aff) = f.affiliation else { continue };
        if f.former || !f.category.is_office() || left_before(a, f.person, aff, &f.title) {
            continue;
        }
        let (person, span, rule) = (f.person, f.span, f.rule);
        let before = a.rels.len();
        a.add_rel(RelationKind::OfficialOf, person, aff, Status::Occurred, span, rule);
        if a.rels.len() > before {
            let title = a.titles[i].title.clone();
            if let Some(r) = a.rels.last_mut() {
                r.attrs.insert("title".into(), title);
                r.rule = RULE.name;
            }
        }
    }
}

/// Whether the office-holder table has `person` in an office called `title` of `aff`
/// that ended before the publication date, and in no office of `aff` on that date.
fn left_before(a: &Analysis, person: usize, aff: usize, title: &str) -> bool {
    let (Some(date), Some(known)) = (a.doc.date, a.ents[person].known) else { return false };
    let (mut ended, mut holds) = (false, false);
    for &t in &a.gaz.persons[known].terms {
        let term = &a.gaz.terms[t];
        if !super::known_office::is_office_target(&a.ents[aff], term, &std::cell::OnceCell::new()) {
            continue;
        }
        holds |= term.covers(date);
        // "President" and "President", "Foreign Minister" and "Minister": one office.
        let same = ends_with_ignoring_case(&term.title, title) || ends_with_ignoring_case(title, &term.title);
        ended |= same && term.end.is_some_and(|e| e < date);
    }
    ended && !holds
}

fn ends_with_ignoring_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    /// A body's portfolio title, in either case; not the words of a sentence before a
    /// capitalised title.
    #[test]
    fn a_bodys_portfolio_title() {
        for text in ["EU trade commissioner Anna Brown spoke.", "EU Trade Commissioner Anna Brown spoke."] {
            let x = extract(text, "2025-03-01");
            assert!(has_edge(&x, "person:anna-brown", "official_of", "organization:eu"), "{text}: {:?}", x.relations);
        }
        let x = extract("The NATO statement said Deputy Defence Minister Anna Brown would attend.", "2025-03-01");
        assert!(!has_edge(&x, "person:anna-brown", "official_of", "organization:nato"), "{:?}", x.relations);
    }

    /// A plural name's possessive takes the apostrophe alone.
    #[test]
    fn a_title_after_a_plural_possessive() {
        let x = extract("Anna Brown, the Philippines' minister of energy, spoke.", "2025-03-01");
        assert!(has_edge(&x, "person:anna-brown", "official_of", "country:ph"), "{:?}", x.relations);
    }

    #[test]
    fn former_offices_are_not_current() {
        let x = extract("Former Georgian President Nino Beridze spoke.", "2025-03-01");
        assert!(!has_edge(&x, "person:nino-beridze", "official_of", "country:ge"));
        let x = extract("Lord Tom Price, Britain's ambassador in Oslo until last week, was sacked.", "2025-03-01");
        assert!(!has_edge(&x, "person:tom-price", "official_of", "country:gb"), "{:?}", x.relations);
        let x = extract("Tom Price, Britain's ambassador in Oslo, stays until June.", "2025-03-01");
        assert!(has_edge(&x, "person:tom-price", "official_of", "country:gb"), "{:?}", x.relations);
    }

    /// The table's dates decide: an office left before the story is a former one.
    #[test]
    fn an_office_left_before_the_story_is_former() {
        let text = "The caption names Brazil's President Jair Bolsonaro.";
        let x = extract(text, "2020-06-01");
        assert!(has_edge(&x, "person:jair-bolsonaro", "official_of", "country:br"), "{:?}", x.relations);
        let x = extract(text, "2024-06-01");
        assert!(!has_edge(&x, "person:jair-bolsonaro", "official_of", "country:br"), "{:?}", x.relations);
    }
}
