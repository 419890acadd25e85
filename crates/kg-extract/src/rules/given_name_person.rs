//! **given_name_person** — persons named without a title, recognised by a common given
//! name followed by capitalised words.
//!
//! Matches: a given name from `data/given_names.txt` followed by one to three
//! capitalised tokens (with particles such as "von der").
//! Example: "Talks were led by Keith Lawson and Maria Santos." → two persons.
//! A name without a known given name is a person's too when the story goes on with
//! ", who" or ", whose" ("Wanjira Mathai, whose mother ...").
//! Not a place that a place noun introduces or follows ("the town of Dong Dang", "Dong
//! Nai province").
//! Known false positives: organisations or places named after people ("Rafael Nadal
//! Academy" when "Academy" is unknown); given names that are also words at a sentence
//! start.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::names::{name_at, name_continues_after, person_for_name};

pub const RULE: Rule = Rule { name: "given_name_person", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let mut i = 0;
    // A name starts capitalised: the other tokens are passed over unread.
    let mut cursor = 0;
    while let Some(next) = a.next_name_tok(i, &mut cursor) {
        i = next;
        let t = a.toks[i];
        // The given-name lookup hashes the word: asked last, of the capitalised words
        // that can start a name of two words or more.
        if !(t.is_cap && a.mention_at_tok(i).is_none() && name_continues_after(a, i)) {
            i += 1;
            continue;
        }
        // Or a name the story goes on about with ", who" or ", whose" ("Wanjira Mathai,
        // whose mother ..."), asked only where such a comma is near.
        let near = who_near(a, i);
        if near || a.gaz.is_given_name(a.word(i)) {
            if let Some((span, next)) = name_at(a, i, 4) {
                // Without a ", who" near, the given name was what let it through.
                let named = !near || who_at(a, next) && !after_the(a, i) || a.gaz.is_given_name(a.word(i));
                if next > i + 1 && !names_a_place(a, i, next) && named {
                    let Some(person) = person_for_name(a, span, None) else { continue };
                    a.add_mention(person, span, RULE.name, Form::Name);
                    i = next;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Whether ", who" or ", whose" follows within a name's length of token `i`.
fn who_near(a: &Analysis, i: usize) -> bool {
    (i + 2..i + 5).any(|k| who_at(a, k))
}

/// Whether ", who" or ", whose" starts at token `k`.
fn who_at(a: &Analysis, k: usize) -> bool {
    crate::clause::is_comma(a, k) && matches!(a.lower(k + 1), "who" | "whose")
}

/// "the Mau Mau, who": after "the", a group's name, not a person's; nor the tail of a
/// longer capitalised run ("the Supreme Pontiff Francis, who").
fn after_the(a: &Analysis, i: usize) -> bool {
    i > 0 && (a.lower(i - 1) == "the" || a.toks[i - 1].is_cap && a.toks[i - 1].is_word)
}

/// "the border town of Dong Dang", "Dong Nai province": a name that a place noun
/// introduces or follows names a place.
fn names_a_place(a: &Analysis, first: usize, next: usize) -> bool {
    const PLACES: &[&str] =
        &["town", "city", "village", "province", "district", "county", "region", "prefecture", "port"];
    let after = PLACES.contains(&a.lower(next)) && !a.toks.get(next).is_some_and(|t| t.is_cap);
    let before = first >= 2 && a.lower(first - 1) == "of" && PLACES.contains(&a.lower(first - 2));
    after || before
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extract};

    #[test]
    fn given_name_and_surname() {
        let x = extract("Talks were led by Keith Lawson and Ursula von der Brandt.", "2025-03-01");
        let e = entities(&x);
        assert!(e.contains(&"person:keith-lawson".to_string()), "{e:?}");
        assert!(e.contains(&"person:ursula-von-der-brandt".to_string()), "{e:?}");
    }

    /// A name the story goes on about with ", who" is a person's, without a given name
    /// the list knows; not after "the".
    #[test]
    fn a_name_before_who() {
        let x = extract("He planted a tree with Wanjiku Kamau, whose mother won the prize.", "2025-03-01");
        assert!(entities(&x).contains(&"person:wanjiku-kamau".to_string()), "{:?}", entities(&x));
        let x = extract("He praised the Mau Mau, who fought the colonial army.", "2025-03-01");
        assert!(!entities(&x).iter().any(|e| e.starts_with("person:")), "{:?}", entities(&x));
    }

    /// A name a place noun introduces or follows is a place's.
    #[test]
    fn a_place_named_like_a_person() {
        for text in ["They crossed at the border town of Keith Lawson.", "The base is in Keith Lawson province."] {
            let x = extract(text, "2025-03-01");
            assert!(!entities(&x).iter().any(|e| e.starts_with("person:")), "{text}: {:?}", entities(&x));
        }
    }

    #[test]
    fn a_given_name_alone_is_not_a_person() {
        let x = extract("Keith arrived.", "2025-03-01");
        assert!(!entities(&x).iter().any(|e| e.starts_with("person:")));
    }

    #[test]
    fn names_run_through_lower_case_particles() {
        let cases = [
            ("Talks were chaired by Samir al-Khouri in Amman.", "person:samir-al-khouri"),
            ("Talks were chaired by Faris bin Nasser Al Harthy.", "person:faris-bin-nasser-al-harthy"),
            ("Talks were chaired by Rania bint Saleh yesterday.", "person:rania-bint-saleh"),
            ("Talks were chaired by Pieter van der Berg.", "person:pieter-van-der-berg"),
        ];
        for (text, want) in cases {
            let e = entities(&extract(text, "2025-03-01"));
            assert!(e.contains(&want.to_string()), "{text}: {e:?}");
        }
        // The particle name alone is the same person later.
        let x = extract("Samir al-Khouri arrived. Reporters said al-Khouri left early.", "2025-03-01");
        assert_eq!(crate::test_support::mentions_of(&x, "person:samir-al-khouri"), 2);
    }

    #[test]
    fn a_town_after_a_given_name_is_a_surname() {
        let e = entities(&extract("The delegation included space agency chief Yury Borisov.", "2025-03-01"));
        assert!(e.contains(&"person:yury-borisov".to_string()), "{e:?}");
        assert!(!e.iter().any(|id| id.starts_with("location:borisov")), "{e:?}");
        let e = entities(&extract("Talks were held in Borisov on Monday.", "2025-03-01"));
        assert!(e.iter().any(|id| id.starts_with("location:borisov")), "{e:?}");
    }

    #[test]
    fn a_given_name_that_is_a_city_names_a_person_before_a_surname() {
        let x = extract("Egypt's spy chief, Salem Haddad, met the envoys.", "2025-03-01");
        let e = entities(&x);
        assert!(e.contains(&"person:salem-haddad".to_string()), "{e:?}");
        assert!(!e.iter().any(|id| id.starts_with("location:salem")), "{e:?}");
        // After "in", or before a known name, it stays the city.
        for text in ["Talks were held in Salem on Monday.", "Salem Egypt ties grew."] {
            let e = entities(&extract(text, "2025-03-01"));
            assert!(!e.iter().any(|id| id.starts_with("person:")), "{text}: {e:?}");
        }
    }

    #[test]
    fn a_word_joined_to_an_acronym_is_no_name() {
        let x = extract("Ottawa named Chile a Major Non-NATO Ally on Friday.", "2025-03-01");
        assert!(!entities(&x).iter().any(|e| e.starts_with("person:")), "{:?}", entities(&x));
    }
}
