//! **titled_person** — persons introduced by a title: the way journalists name an
//! official the first time.
//!
//! Matches: a title phrase (with its country or organisation) followed by a name, a
//! plural title followed by a list of names, and chains of titles before one name; a
//! title with no country of its own takes the one after the name ("President X of
//! Kenya"), unless it is a legislator's or governor's (a constituency).
//! Example: "Turkish Foreign Minister Hakan Fidan", "envoys Steve Witkoff and Keith
//! Kellogg", "Party Secretary, Director of the Office, and Foreign Minister Wang Yi",
//! "political scientist Natalia Shavshukova" (an occupation: no office).
//! Known false positives: a capitalised word after a title that is not a name
//! ("President Obama Foundation" when the foundation is unknown).

use super::Rule;
use crate::analysis::{Analysis, Form, TitleFact};
use crate::gazetteer::TitleCategory;
use crate::model::{EntityKind, RelationKind, Span, Status};
use crate::names::{name_after_title, person_for_name};
use crate::title_phrase::{title_phrases, TitlePhrase};

pub const RULE: Rule = Rule { name: "titled_person", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    // The phrases stay out of the analysis while persons are added, so that none is
    // cloned; the later rules find them there.
    let phrases = title_phrases(a);
    // One list for every phrase, emptied after each: most phrases name nobody.
    let mut persons = Vec::new();
    for (pi, p) in phrases.iter().enumerate() {
        let mut at = p.span.end;
        while let Some(person) = person_right_after(a, at, p.title.as_str()) {
            persons.push(person);
            at = person.1.end;
            if !p.plural {
                break;
            }
            // "envoys A, B and C"
            let rest = a.text.get(at..).unwrap_or("");
            let skip = [", and ", " and ", ", "].iter().find(|s| rest.starts_with(**s)).map_or(0, |s| s.len());
            if skip == 0 {
                break;
            }
            at += skip - 1;
        }
        for (person, span) in persons.drain(..) {
            let chain = chain_before(a, &phrases, pi);
            for q in std::iter::once(pi).chain(chain) {
                match of_after_name(a, &phrases[q], span) {
                    Some(p) => record(a, person, &p, RULE.name),
                    None => record(a, person, &phrases[q], RULE.name),
                }
            }
        }
    }
    a.phrases = phrases;
}

/// The person named right after byte `at` (after one space): an existing person
/// mention, or a name parsed there.
fn person_right_after(a: &mut Analysis, at: usize, title: &str) -> Option<(usize, Span)> {
    if a.text.get(at..at + 1) != Some(" ") {
        return None;
    }
    let tok = a.tok_at(at + 1);
    let start = a.toks.get(tok)?.span.start;
    let town = match a.mentions_starting(start).next() {
        Some(m) if m.kind == EntityKind::Person => return Some((m.ent, m.span)),
        // "Defence Secretary Aden Duale": a town's name that opens a longer name.
        Some(m) if m.kind == EntityKind::Location => Some(m.span),
        Some(_) => return None,
        None => None,
    };
    let (span, _) = name_after_title(a, tok, 4)?;
    if town.is_some_and(|t| t.end >= span.end) {
        return None;
    }
    let person = person_for_name(a, span, Some(title))?;
    // "President George W. Bush": a town read as part of the name is no town here.
    a.remove_mentions_within(span);
    let form = if a.slice(span).contains(' ') { Form::Name } else { Form::Surname };
    a.add_mention(person, span, RULE.name, form);
    Some((person, span))
}

/// "President Anna Brown of Kenya", "Prime Minister X of the Palestinian Authority": a
/// title with no country or body of its own takes the one named right after the name.
fn of_after_name(a: &Analysis, p: &TitlePhrase, name: Span) -> Option<TitlePhrase> {
    if p.affiliation.is_some() || !p.category.is_office() || a.text.get(name.end..name.end + 4) != Some(" of ") {
        return None;
    }
    // "Senator Sam Nunn of Georgia", "Governor X of Texas": a constituency, not a state.
    let title = p.title.to_ascii_lowercase();
    let constituency = title.split_whitespace().any(|t| {
        matches!(t, "senator" | "representative" | "rep." | "governor" | "mayor" | "lawmaker" | "mp")
            || t.starts_with("congress")
    });
    if constituency {
        return None;
    }
    let mut k = a.tok_at(name.end + 4);
    if a.lower(k) == "the" {
        k += 1;
    }
    let m = a.mention_at_tok(k).filter(|m| a.toks[k].span.start == m.span.start)?;
    if !matches!(m.kind, EntityKind::Country | EntityKind::Organization) {
        return None;
    }
    Some(TitlePhrase { span: p.span.cover(m.span), affiliation: Some(m.ent), ..p.clone() })
}

/// Title phrases chained before phrase `pi` by commas and "and".
fn chain_before(a: &Analysis, phrases: &[TitlePhrase], pi: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut current = pi;
    'walk: loop {
        let start = phrases[current].span.start;
        // Phrases are in text order: only those ending just before can chain.
        for q in (0..current).rev().take_while(|&q| phrases[q].span.end + 8 >= start) {
            // "Pakistan's army chief General Asim Munir" is read as "army chief" and
            // "chief General": phrases that overlap are one chain.
            let overlap = phrases[q].span.end > start && phrases[q].span.start < start;
            let gap = if overlap { " " } else { a.text.get(phrases[q].span.end..start).unwrap_or("x") };
            // "Prime Minister Shri Narendra Modi": an honorific between title and name.
            let honorific = phrases[current].category == TitleCategory::Honorific;
            // "Pakistan's army chief General Asim Munir", "Saudi Foreign Minister Prince
            // Faisal": so is a bare rank or royal style.
            let rank = matches!(phrases[current].category, TitleCategory::Military | TitleCategory::Royal)
                && phrases[current].affiliation.is_none();
            let honorific_next = gap == " " && (honorific || rank);
            // "Abiy, Prime Minister of Ethiopia, and Dr Debretsion": an honorific after
            // "and" opens the next person, not another title of this one.
            if (matches!(gap, ", " | ", and " | " and ") && !honorific) || honorific_next {
                out.push(q);
                current = q;
                continue 'walk;
            }
        }
        break;
    }
    out
}

/// Records the title of a person, and the delegation it says they lead.
pub fn record(a: &mut Analysis, person: usize, p: &TitlePhrase, rule: &'static str) {
    let sent = a.sent_of(p.span.start);
    if p.category != TitleCategory::Honorific {
        a.titles.push(TitleFact {
            person,
            title: p.title.clone(),
            category: p.category,
            affiliation: p.affiliation,
            former: p.former,
            span: p.span,
            sent,
            rule,
        });
    }
    if let Some(d) = p.delegation {
        a.add_rel(RelationKind::LeadsDelegation, person, d, Status::Occurred, p.span, rule);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge, mentions_of, person_title};

    #[test]
    fn title_and_name() {
        let x = extract("Georgian Foreign Minister Nino Beridze arrived in Baku.", "2025-03-01");
        assert!(has_edge(&x, "person:nino-beridze", "official_of", "country:ge"));
        assert_eq!(person_title(&x, "person:nino-beridze").as_deref(), Some("Foreign Minister"));
    }

    /// A rank between a title and the name ("army chief General X") leaves the title
    /// the name's, not the appositive of the name before the comma.
    #[test]
    fn title_rank_and_name() {
        let x =
            extract("She spoke to Tom Price, Kenya's army chief General Amos Kiprono, and Anna Brown.", "2025-03-01");
        assert!(has_edge(&x, "person:amos-kiprono", "official_of", "country:ke"), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:tom-price", "official_of", "country:ke"), "{:?}", x.relations);
    }

    /// "President X of Kenya": the country after the name; not a senator's state.
    #[test]
    fn title_name_of_country() {
        let x = extract("President Amos Kiprono of Kenya spoke on Monday.", "2025-03-01");
        assert!(has_edge(&x, "person:amos-kiprono", "official_of", "country:ke"), "{:?}", x.relations);
        let x = extract("Senator Amos Kiprono of Georgia spoke on Monday.", "2025-03-01");
        assert!(!has_edge(&x, "person:amos-kiprono", "official_of", "country:ge"), "{:?}", x.relations);
    }

    #[test]
    fn title_honorific_and_name() {
        let x = extract("Prime Minister Shri Arun Mehta arrived in Tokyo.", "2025-03-01");
        assert_eq!(person_title(&x, "person:arun-mehta").as_deref(), Some("Prime Minister"));
        assert!(!x.entities.iter().any(|e| e.id == "person:shri"), "{:?}", x.entities);
    }

    #[test]
    fn plural_title_with_a_list() {
        let x = extract("The US sent envoys Anna Brown and Tom Price to the talks.", "2025-03-01");
        assert!(person_title(&x, "person:anna-brown").is_some());
        assert!(person_title(&x, "person:tom-price").is_some());
    }

    #[test]
    fn occupation_is_a_title_but_not_an_office() {
        let x = extract("Polish political scientist Jan Nowak said little.", "2025-03-01");
        assert_eq!(person_title(&x, "person:jan-nowak").as_deref(), Some("political scientist"));
        assert!(!has_edge(&x, "person:jan-nowak", "official_of", "country:pl"));
    }

    #[test]
    fn a_rank_before_the_name_of_a_body_is_no_person() {
        for text in [
            "The two countries' General Border Committee met in Dhaka.",
            "Colonel Staff Committee officers met in Dhaka.",
        ] {
            let x = extract(text, "2025-03-01");
            assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{text}: {:?}", x.entities);
        }
    }

    #[test]
    fn a_chinese_family_name_spelt_like_a_pronoun() {
        let x = extract("Chinese Vice Premier He Xiaoming arrived in Geneva. He said talks went well.", "2025-03-01");
        assert_eq!(person_title(&x, "person:he-xiaoming").as_deref(), Some("Vice Premier"));
        // Without a title "He" is the pronoun.
        let x = extract("He Said It is a song.", "2025-03-01");
        assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{:?}", x.entities);
    }

    #[test]
    fn a_title_and_a_first_name_for_an_arabic_name_given_in_full() {
        let x = extract(
            "Foreign Minister Faris bin Nasser Al Harthy arrived in Muscat. Later Sheikh Faris met the envoy.",
            "2025-03-01",
        );
        assert_eq!(mentions_of(&x, "person:faris-bin-nasser-al-harthy"), 2);
        assert!(!x.entities.iter().any(|e| e.id == "person:faris"), "{:?}", x.entities);
        // Two of that first name: the title must tell them apart, or nobody is meant.
        let x = extract("Faris bin Nasser and Faris bin Khalid arrived. Sheikh Faris spoke.", "2025-03-01");
        assert_eq!(mentions_of(&x, "person:faris-bin-nasser") + mentions_of(&x, "person:faris-bin-khalid"), 2);
        // A name that is not Arabic is not shortened to its first name.
        let x = extract("Minister Anna Novak arrived. Princess Anna spoke.", "2025-03-01");
        assert_eq!(mentions_of(&x, "person:anna-novak"), 1);
    }

    #[test]
    fn an_honorific_after_and_opens_another_person() {
        let x = extract("They thanked Tom Price, Prime Minister of Kenya, and Dr Paul Kamau.", "2025-03-01");
        assert_eq!(person_title(&x, "person:paul-kamau"), None);
        assert!(!has_edge(&x, "person:paul-kamau", "official_of", "country:ke"));
    }

    #[test]
    fn a_former_title_is_not_the_person_s_title() {
        let x = extract("The envoy of then President-elect Lena Moss spoke.", "2025-03-01");
        assert_eq!(person_title(&x, "person:lena-moss"), None);
        assert!(!has_edge(&x, "person:lena-moss", "official_of", "country:us"));
    }

    #[test]
    fn a_town_inside_a_titled_name() {
        // "Bush" and "Aden" are towns of the gazetteer; after a title they are names.
        let x = crate::test_support::extract("U.S. President George W. Bush spoke on Monday.", "2008-03-01");
        assert!(
            crate::test_support::entities(&x).iter().any(|e| e == "person:george-w-bush"),
            "{:?}",
            crate::test_support::entities(&x)
        );
        assert!(!x.entities.iter().any(|e| e.id.starts_with("location:")), "{:?}", crate::test_support::entities(&x));
        let x = crate::test_support::extract("Defence Cabinet Secretary Aden Duale spoke on Monday.", "2024-05-24");
        assert!(
            crate::test_support::entities(&x).iter().any(|e| e == "person:aden-duale"),
            "{:?}",
            crate::test_support::entities(&x)
        );
    }
}
