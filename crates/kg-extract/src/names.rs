//! Personal names in running text: runs of capitalised tokens with name particles,
//! and the person a name refers to (a bare surname is matched by `surname_key`).

use crate::analysis::Analysis;
use crate::model::Span;
use crate::surname_key::{known_by_surname, persons_with_surname};

/// Lower-case particles inside names: "Ursula von der Leyen", "Mohammed bin Salman".
static PARTICLES: crate::text::WordSet = crate::text::WordSet::new(&[
    "von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "bin", "bint", "ibn", "al", "el",
    "la", "le", "ben",
]);

/// Whether a word that can continue a name follows token `i` after one space: a name
/// of two words or more starting at `i` needs one, capitalised or a particle ("von",
/// "bin"), as `name_at` reads them. A cheap test before the costly lookups.
pub fn name_continues_after(a: &Analysis, i: usize) -> bool {
    a.toks.get(i + 1).is_some_and(|n| n.is_word && (n.is_cap || PARTICLES.contains(a.word(i + 1))))
        && adjacent(a, i + 1)
}

/// Capitalised words that never start or continue a personal name.
static NOT_NAME: crate::text::WordSet = crate::text::WordSet::new(&[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "As",
    "After",
    "Before",
    "With",
    "When",
    "While",
    "If",
    "For",
    "From",
    "To",
    "By",
    "Of",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sir",
    "Dame",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Meanwhile",
    "However",
    "Also",
    "Both",
    "Neither",
    "Nor",
    "Under",
    "Over",
    "Since",
    "Until",
    "Despite",
    "During",
    "Among",
    "Between",
    "Without",
    "According",
    "Speaking",
    "Asked",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Many",
    "Some",
    "All",
    "No",
    "Yes",
    "Not",
    "So",
    "Then",
    "Now",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Your",
    "My",
    "Every",
    "Each",
    "Any",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "SEE",
    "ALSO",
]);

/// Capitalised nouns that end names of things, not of people: "Abraham Accords",
/// "Marshall Plan", "Nelson Mandela Foundation".
static THING_HEADS: crate::text::WordSet = crate::text::WordSet::new(&[
    "Accords",
    "Accord",
    "Agreement",
    "Treaty",
    "Doctrine",
    "Plan",
    "Act",
    "Declaration",
    "Summit",
    "Talks",
    "Conference",
    "Forum",
    "Initiative",
    "Foundation",
    "Institute",
    "University",
    "Airport",
    "Square",
    "Street",
    "Avenue",
    "Bridge",
    "Hotel",
    "Palace",
    "Center",
    "Centre",
    "Hall",
    "Prize",
    "Award",
    "Stadium",
    "Group",
    "Corporation",
    "Company",
    "Memorial",
    "Line",
    "Protocol",
    "Process",
    "Format",
    "Statement",
    "Report",
    "Road",
    "Park",
    "Station",
    "Port",
    "Canal",
]);

/// Capitalised function words, weekdays and months: never part of a name.
pub fn is_function_word(w: &str) -> bool {
    NOT_NAME.contains(w)
}

/// Whether the token can be part of a personal name.
fn name_token(a: &Analysis, tok: usize) -> bool {
    let Some(t) = a.toks.get(tok) else {
        return false;
    };
    if !t.is_word || !t.is_cap {
        return false;
    }
    let w = a.word(tok);
    if NOT_NAME.contains(w) || THING_HEADS.contains(w) || a.mention_at_tok(tok).is_some() || a.title_at(t.span) {
        return false;
    }
    // All-caps words are acronyms ("NATO"), not names; initials ("J.") are fine.
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let acronym = letters.clone().nth(1).is_some() && letters.all(char::is_uppercase) && !w.contains('.');
    !acronym
}

/// The name starting at token `tok`: up to `max` capitalised tokens, with particles
/// and initials between them. Returns its span and the token after it.
pub fn name_at(a: &Analysis, tok: usize, max: usize) -> Option<(Span, usize)> {
    if !name_token(a, tok) || a.word(tok).ends_with('.') {
        return None;
    }
    let sent_end = a.sents[a.sent_of(a.toks[tok].span.start)].tokens.end;
    let mut end = tok + 1;
    let mut count = 1;
    let mut i = tok + 1;
    while i < sent_end && count < max {
        let w = a.word(i);
        if name_token(a, i) && adjacent(a, i) {
            end = i + 1;
            count += 1;
            i += 1;
        } else if PARTICLES.contains(w) && adjacent(a, i) {
            // "von der Leyen": particles until the next capitalised word.
            let mut k = i;
            while k < sent_end && PARTICLES.contains(a.word(k)) && adjacent(a, k) {
                k += 1;
            }
            if k < sent_end && name_token(a, k) && adjacent(a, k) {
                i = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // "Abraham Accords": a name of a thing, not of a person.
    if a.toks.get(end).is_some_and(|t| t.is_cap) && THING_HEADS.contains(a.word(end)) && adjacent(a, end) {
        return None;
    }
    // A name does not end on an initial.
    while end > tok + 1 && a.word(end - 1).ends_with('.') {
        end -= 1;
    }
    Some((Span::new(a.toks[tok].span.start, a.toks[end - 1].span.end), end))
}

/// Tokens of one name are separated by a single space, not by punctuation or lines.
fn adjacent(a: &Analysis, tok: usize) -> bool {
    let gap = a.text.get(a.toks[tok - 1].span.end..a.toks[tok].span.start).unwrap_or("");
    gap == " "
}

pub use crate::text::translit_key;

/// The person a name found in the text refers to: a full name finds or creates its
/// person; a bare surname resolves to a person of the document, else to the one known
/// office holder of that surname (preferring one whose office matches `title`), else
/// starts a new person.
pub fn person_for_name(a: &mut Analysis, span: Span, title: Option<&str>) -> Option<usize> {
    let name = a.slice(span).to_string();
    if name.contains(' ') {
        return Some(a.person_named(&name));
    }
    let mut in_doc = persons_with_surname(a, &name);
    if in_doc.len() > 1 {
        // Two people share the surname: only the title can tell them apart.
        let wanted = title.map(str::to_lowercase);
        in_doc.retain(|&p| a.titles.iter().any(|t| t.person == p && Some(t.title.to_lowercase()) == wanted));
        return match in_doc.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
    }
    if let [one] = in_doc.as_slice() {
        return Some(*one);
    }
    if let Some(known) = known_by_surname(a, &name, title) {
        return Some(a.gaz_entity(crate::gazetteer::Target::Person(known)));
    }
    Some(a.person_named(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        for (a, b) in
            [("Zelenskyy", "Zelensky"), ("Zelenskiy", "Zelenskyi"), ("Erdoğan", "Erdogan"), ("Medinskiy", "Medinsky")]
        {
            assert_eq!(translit_key(a), translit_key(b), "{a} {b}");
        }
        assert_ne!(translit_key("Lavrov"), translit_key("Lavrova"));
    }
}
