//! The person a name found in the text refers to: a full name, the last words of a
//! person's name, a bare surname, or the first name of an Arabic name given in full.

use super::is_particle_name;
use crate::analysis::Analysis;
use crate::model::Span;
use crate::surname_key::{known_by_first_name, known_by_key, known_by_surname, persons_with_key, WordKey};

/// The person a name found in the text refers to: a full name finds or creates its
/// person, and the last words of a person's name are that person ("Kayikwamba
/// Wagner" for Thérèse Kayikwamba Wagner); a bare surname resolves to a person of the
/// document, else to the one known office holder of that surname (preferring one
/// whose office matches `title`), else starts a new person. After a title, a bare
/// word may be the first name of an Arabic name already given in full: "Sheikh
/// Tamim", "Prince Faisal" (such names are shortened to the first name, not to the
/// last).
pub fn person_for_name(a: &mut Analysis, span: Span, title: Option<&str>) -> Option<usize> {
    let (name, nickname) = super::nickname::without_nickname(a.slice(span));
    if name.contains(' ') {
        if let Some(p) = person_ending_with(a, &name) {
            return Some(p);
        }
        if let Some(known) = office_holder_in_full(a, &name) {
            let p = a.gaz_entity(crate::gazetteer::Target::Person(known));
            a.ents[p].aliases.insert(name.to_string());
            return Some(p);
        }
        let p = a.person_named(&name);
        if let Some(nick) = nickname {
            a.ents[p].aliases.insert(nick.to_string());
        }
        return Some(p);
    }
    // The word folded and transliterated once, for the persons of the document and
    // the office holders alike.
    let key = WordKey::new(&name);
    let in_doc = key.as_ref().map_or_else(Vec::new, |k| persons_with_key(a, k));
    if in_doc.len() > 1 {
        // Two people share the surname: only the title can tell them apart.
        return one_with_title(a, in_doc, title);
    }
    if let [one] = in_doc.as_slice() {
        return Some(*one);
    }
    if let Some(title) = title {
        let firsts = first_name_of(a, &name, true);
        if !firsts.is_empty() {
            return one_with_title(a, firsts, Some(title));
        }
        // "Dr Debretsion" for Debretsion Gebremichael, "Prime Minister Abiy": names
        // shortened to the first, as Ethiopian and Eritrean ones are; only when one
        // person of the document fits, as no surname did, and the word is no given
        // name of the kind a family name follows ("Princess Anna" is not Anna Novak).
        if let [one] = first_name_of(a, &name, false)[..] {
            // "Sir Keir", "Dame Judi": these honorifics go with the first name.
            let first_name_honorific = matches!(title, "Sir" | "Dame");
            if (first_name_honorific || !a.gaz.is_given_name(&name))
                && key.as_ref().and_then(|k| known_by_key(a, k, Some(title))).is_none()
            {
                return Some(one);
            }
        }
    }
    if let Some(known) = key.as_ref().and_then(|k| known_by_key(a, k, title)) {
        return Some(a.gaz_entity(crate::gazetteer::Target::Person(known)));
    }
    if let Some(known) = title.filter(|t| matches!(*t, "Sir" | "Dame")).and_then(|_| known_by_first_name(a, &name)) {
        return Some(a.gaz_entity(crate::gazetteer::Target::Person(known)));
    }
    Some(a.person_named(&name))
}

/// "Félix-Antoine Tshisekedi Tshilombo" for the office holder the gazetteer calls
/// "Félix Tshisekedi": a name of three words or more with the holder's surname among
/// its later words and the holder's first name opening its first (before a hyphen too).
fn office_holder_in_full(a: &Analysis, name: &str) -> Option<usize> {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 3 {
        return None;
    }
    let first = words[0].split('-').next().unwrap_or(words[0]);
    words[1..].iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).find_map(|&w| {
        let k = known_by_surname(a, w, None)?;
        let known = a.gaz.persons[k].name.as_str();
        let mut parts = known.split(' ');
        (parts.next() == Some(first) && parts.next_back() == Some(w)).then_some(k)
    })
}

/// The one of `persons` whose title in the article (or, for a known office holder,
/// whose office) is `title`; the only one if there is one.
fn one_with_title(a: &Analysis, mut persons: Vec<usize>, title: Option<&str>) -> Option<usize> {
    if persons.len() > 1 {
        let wanted = title.map(str::to_lowercase);
        persons.retain(|&p| {
            let Some(wanted) = wanted.as_deref() else { return false };
            a.titles.iter().any(|t| t.person == p && t.title.to_lowercase() == wanted)
                || a.ents[p].known.is_some_and(|k| {
                    a.gaz.persons[k].terms.iter().any(|&t| a.gaz.terms[t].title.to_lowercase() == wanted)
                })
        });
    }
    match persons.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Words that mark an Arabic full name: "Mohammed bin Salman", "Tamim bin Hamad Al
/// Thani", "Khalil al-Hayya".
fn is_arabic_name(name: &str) -> bool {
    name.split(' ').skip(1).any(|w| matches!(w, "bin" | "bint" | "ibn" | "Al" | "Al-") || is_particle_name(w))
}

/// The persons of the document with a name of two words or more (an Arabic one, if
/// `arabic`) whose first word is `word` (by its folded form).
fn first_name_of(a: &Analysis, word: &str, arabic: bool) -> Vec<usize> {
    let key = crate::text::fold(word);
    let first_is = |name: &str| {
        name.split_once(' ').is_some_and(|(first, _)| crate::text::fold(first) == key)
            && (!arabic || is_arabic_name(name))
    };
    a.persons
        .iter()
        .copied()
        .filter(|&p| {
            let e = &a.ents[p];
            first_is(&e.label) || e.aliases.iter().any(|n| first_is(n))
        })
        .collect()
}

/// The one person of the document whose name (label or alias) ends with the words of
/// `name`: "Kayikwamba Wagner", "Al Thani" said alone.
fn person_ending_with(a: &Analysis, name: &str) -> Option<usize> {
    let key = crate::text::fold(name);
    let words = name.split(' ').count();
    // An ASCII tail folds to `key` only if it is `key` but for case: as long, and with
    // as many spaces, which must then be those of `words`.
    let key_spaces_fit = key.bytes().filter(|&b| b == b' ').count() + 1 == words;
    // Its last words, as many as `name` has, of a longer name: compared without a
    // folded copy of every name of every person, for every name asked about. An ASCII
    // name is compared at its last `key.len()` bytes, without a search for spaces.
    let ends = |full: &str| {
        if full.is_ascii() {
            let Some(at) = full.len().checked_sub(key.len() + 1) else { return false };
            return key_spaces_fit
                && full.as_bytes()[at] == b' '
                && full.as_bytes()[at + 1..].eq_ignore_ascii_case(key.as_bytes());
        }
        full.rmatch_indices(' ')
            .nth(words - 1)
            .and_then(|(at, _)| full.get(at + 1..))
            .is_some_and(|tail| crate::analysis::folds_to(tail, &key))
    };
    let mut found = None;
    for &p in &a.persons {
        let e = &a.ents[p];
        if crate::analysis::folds_to(&e.label, &key) || e.aliases.iter().any(|n| crate::analysis::folds_to(n, &key)) {
            // The name itself is a person's.
            return None;
        }
        let known = e.known.map(|k| a.gaz.persons[k].aliases.as_slice()).unwrap_or_default();
        if ends(&e.label) || e.aliases.iter().chain(known).any(|n| ends(n)) {
            if found.is_some_and(|f| f != p) {
                return None;
            }
            found = Some(p);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::test_support::entities;

    /// "Dr Tesfaye" after "Tesfaye Bekele": a name shortened to its first word, after a
    /// title, when one person of the document fits.
    #[test]
    fn a_titled_first_name_is_the_full_name_given_before() {
        let x = crate::test_support::extract(
            "Dr Tesfaye Bekele, chairman of the front, spoke. Observers thanked Dr Tesfaye.",
            "2025-03-05",
        );
        let persons: Vec<String> = entities(&x).into_iter().filter(|e| e.starts_with("person:")).collect();
        assert_eq!(persons, ["person:tesfaye-bekele"]);
        let x = crate::test_support::extract("Prime Minister Anna Novak spoke. Sir Anna added a word.", "2025-03-05");
        let persons: Vec<String> = entities(&x).into_iter().filter(|e| e.starts_with("person:")).collect();
        assert_eq!(persons, ["person:anna-novak"]);
    }

    /// "Sir Keir" alone, in a story that never gives his surname: the one office holder
    /// of the day with that first name; not before he took office.
    #[test]
    fn a_knight_by_first_name_is_the_office_holder() {
        let persons = |date| {
            let x = crate::test_support::extract("Sir Keir spoke to reporters.", date);
            entities(&x).into_iter().filter(|e| e.starts_with("person:")).collect::<Vec<_>>()
        };
        assert_eq!(persons("2025-03-05"), ["person:keir-starmer"]);
        assert_eq!(persons("2019-03-05"), ["person:keir"]);
    }

    /// A full name longer than the office-holder table's is that holder: "Keir Rodney
    /// Starmer" for Keir Starmer, in office; not before.
    #[test]
    fn an_office_holder_named_in_full() {
        let persons = |date| {
            let x = crate::test_support::extract("Keir Rodney Starmer spoke to reporters.", date);
            entities(&x).into_iter().filter(|e| e.starts_with("person:")).collect::<Vec<_>>()
        };
        assert_eq!(persons("2025-03-05"), ["person:keir-starmer"]);
        assert_eq!(persons("2019-03-05"), ["person:keir-rodney-starmer"]);
    }

    /// A nickname in quotes inside a name is read past, and kept as an alias.
    #[test]
    fn a_quoted_nickname_inside_a_name() {
        let x = crate::test_support::extract("Former President Jose \"Pepe\" Morales spoke on Monday.", "2025-03-05");
        let persons: Vec<String> = entities(&x).into_iter().filter(|e| e.starts_with("person:")).collect();
        assert_eq!(persons, ["person:jose-morales"]);
    }
}
