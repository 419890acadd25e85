//! Personal names in running text: runs of capitalised tokens with name particles,
//! and matching of a surname or a transliteration to a person already named.

use crate::analysis::{Analysis, SurnameKeys};
use crate::model::Span;
use crate::text::fold;

/// Lower-case particles inside names: "Ursula von der Leyen", "Mohammed bin Salman".
static PARTICLES: crate::text::WordSet = crate::text::WordSet::new(&[
    "von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "bin", "bint", "ibn", "al", "el",
    "la", "le", "ben",
]);

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

/// A bare word, folded and transliterated once.
pub struct WordKey {
    fold: String,
    translit: String,
}

impl WordKey {
    pub fn new(word: &str) -> Option<WordKey> {
        let fold = fold(word);
        (fold.len() >= 2).then(|| WordKey { translit: crate::text::translit_key_of_folded(&fold), fold })
    }

    pub fn folded(&self) -> &str {
        &self.fold
    }

    pub fn translit(&self) -> &str {
        &self.translit
    }

    /// Whether the word is a typo of the transliteration key `t`: long names only.
    pub fn near(&self, t: &str) -> bool {
        self.translit.len() >= 7
            && self.translit.len().abs_diff(t.len()) <= 1
            && self.translit.chars().next() == t.chars().next()
            && within_one_edit(&self.translit, t)
    }

    fn matches(&self, keys: &[(String, String)]) -> bool {
        keys.iter().any(|(f, t)| *f == self.fold || *t == self.translit || self.near(t))
    }
}

/// `strsim::damerau_levenshtein(x, y) <= 1` without its tables: every surname is
/// compared with every person, and transliteration keys are ASCII.
fn within_one_edit(x: &str, y: &str) -> bool {
    if !x.is_ascii() || !y.is_ascii() {
        return strsim::damerau_levenshtein(x, y) <= 1;
    }
    let (x, y) = (x.as_bytes(), y.as_bytes());
    let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
    let Some(p) = short.iter().zip(long).position(|(a, b)| a != b) else {
        // One is a prefix of the other.
        return long.len() - short.len() <= 1;
    };
    match long.len() - short.len() {
        0 => {
            long[p + 1..] == short[p + 1..]
                || (p + 1 < long.len()
                    && long[p] == short[p + 1]
                    && long[p + 1] == short[p]
                    && long[p + 2..] == short[p + 2..])
        }
        1 => long[p + 1..] == short[p..],
        _ => false,
    }
}

fn keys_of<'s>(label: &'s str, aliases: impl Iterator<Item = &'s str>) -> Vec<(String, String)> {
    let last = label.rsplit(' ').next().unwrap_or(label);
    std::iter::once(last)
        .chain(aliases.filter(|a| !a.contains(' ')))
        .map(|c| {
            let f = fold(c);
            let t = crate::text::translit_key_of_folded(&f);
            (f, t)
        })
        .collect()
}

/// The persons already in the document that a bare word may refer to.
pub fn persons_with_surname(a: &Analysis, word: &str) -> Vec<usize> {
    WordKey::new(word).map_or_else(Vec::new, |key| persons_with_key(a, &key))
}

/// [`persons_with_surname`] for a word already folded and transliterated.
pub fn persons_with_key(a: &Analysis, key: &WordKey) -> Vec<usize> {
    let mut cache = a.surname_keys.borrow_mut();
    a.persons.iter().copied().filter(|&i| person_matches(a, &mut cache, i, key)).collect()
}

/// Whether person `i` may be called `key`.
fn person_matches(a: &Analysis, cache: &mut Vec<Option<SurnameKeys>>, i: usize, key: &WordKey) -> bool {
    key.matches(fresh_keys(a, cache, i))
}

/// Calls `f` with each surname key (folded, transliteration) of person `i`.
pub fn each_surname_key(a: &Analysis, i: usize, mut f: impl FnMut(&str, &str)) {
    let mut cache = a.surname_keys.borrow_mut();
    for (fold, translit) in fresh_keys(a, &mut cache, i) {
        f(fold, translit);
    }
}

/// The surname keys of person `i`, computed again when its label or aliases changed
/// since they were last computed.
fn fresh_keys<'c>(a: &Analysis, cache: &'c mut Vec<Option<SurnameKeys>>, i: usize) -> &'c [(String, String)] {
    let e = &a.ents[i];
    if cache.len() <= i {
        cache.resize(i + 1, None);
    }
    let slot = &mut cache[i];
    let fresh = slot.as_ref().is_some_and(|k| k.label_len == e.label.len() && k.alias_count == e.aliases.len());
    if !fresh {
        let known = e.known.map(|k| a.gaz.persons[k].aliases.as_slice()).unwrap_or_default();
        let keys = keys_of(&e.label, known.iter().chain(e.aliases.iter()).map(String::as_str));
        *slot = Some(SurnameKeys { label_len: e.label.len(), alias_count: e.aliases.len(), keys });
    }
    slot.as_ref().map_or(&[], |k| k.keys.as_slice())
}

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

/// The one office holder, in office at the document's date, with this surname.
pub fn known_by_surname(a: &Analysis, word: &str, title: Option<&str>) -> Option<usize> {
    // A word that folds to less than two letters matches no surname.
    WordKey::new(word).and_then(|key| known_by_key(a, &key, title))
}

/// [`known_by_surname`] for a word already folded and transliterated.
pub fn known_by_key(a: &Analysis, key: &WordKey, title: Option<&str>) -> Option<usize> {
    let date = a.doc.date;
    let mut hits: Vec<usize> = a
        .gaz
        .persons_by_surname(&key.translit)
        .iter()
        .map(|&i| (i, &a.gaz.persons[i]))
        .filter(|(_, p)| key.matches(&keys_of(&p.name, p.aliases.iter().map(String::as_str))))
        .filter(|(_, p)| p.terms.iter().any(|&t| date.is_none_or(|d| a.gaz.terms[t].covers(d))))
        .map(|(i, _)| i)
        .collect();
    if hits.len() > 1 {
        if let Some(title) = title {
            let t = title.to_lowercase();
            hits.retain(|&i| {
                a.gaz.persons[i].terms.iter().any(|&k| {
                    let term = &a.gaz.terms[k];
                    date.is_none_or(|d| term.covers(d)) && t.contains(&term.title.to_lowercase())
                })
            });
        }
    }
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a bare word refers to a person with this full name: the surname (or,
    /// for family-name-first names listed as aliases, the family name), allowing
    /// transliteration and one typo in long names.
    fn surname_matches(word: &str, label: &str, aliases: &[&str]) -> bool {
        let keys = keys_of(label, aliases.iter().copied());
        WordKey::new(word).is_some_and(|w| w.matches(&keys))
    }

    #[test]
    fn one_edit_agrees_with_damerau_levenshtein() {
        let words = [
            "zelenskyy",
            "zelensky",
            "zelenksyy",
            "zelenskiy",
            "zlenskyy",
            "zelenskyyy",
            "yzelensky",
            "",
            "a",
            "ab",
            "ba",
        ];
        for x in words {
            for y in words {
                assert_eq!(within_one_edit(x, y), strsim::damerau_levenshtein(x, y) <= 1, "{x} {y}");
            }
        }
    }

    #[test]
    fn transliterations_share_a_key() {
        for (a, b) in
            [("Zelenskyy", "Zelensky"), ("Zelenskiy", "Zelenskyi"), ("Erdoğan", "Erdogan"), ("Medinskiy", "Medinsky")]
        {
            assert_eq!(translit_key(a), translit_key(b), "{a} {b}");
        }
        assert_ne!(translit_key("Lavrov"), translit_key("Lavrova"));
    }

    #[test]
    fn surnames_match_full_names() {
        assert!(surname_matches("Zelenkyy", "Volodymyr Zelenskyy", &[]));
        assert!(surname_matches("Erdoğan", "Recep Tayyip Erdogan", &[]));
        assert!(surname_matches("Wang", "Wang Yi", &["Wang"]));
        assert!(!surname_matches("Putin", "Vladimir Medinsky", &[]));
        assert!(!surname_matches("Kim", "Kimberly Smith", &[]));
    }
}
