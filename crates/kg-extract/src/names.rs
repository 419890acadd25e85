//! Personal names in running text: runs of capitalised tokens with name particles,
//! and the person a name refers to (a bare surname is matched by `surname_key`).

mod nickname;
mod person;
mod words;

use crate::analysis::Analysis;
use crate::model::Span;

pub use person::person_for_name;
use words::{NOT_NAME, THING_HEADS};

/// Lower-case particles inside names: "Ursula von der Leyen", "Mohammed bin Salman".
static PARTICLES: crate::text::WordSet = crate::text::WordSet::new(PARTICLE_WORDS);
const PARTICLE_WORDS: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "bin", "bint", "ibn", "abu",
    "al", "el", "la", "le", "ben",
];
// `is_particle` turns away the words of other lengths and first letters.
const _: () = {
    let mut i = 0;
    while i < PARTICLE_WORDS.len() {
        let w = PARTICLE_WORDS[i].as_bytes();
        assert!(w.len() >= 2 && w.len() <= 5 && may_start_particle(w[0]));
        i += 1;
    }
};

/// Arabic articles and kinship words written joined to the next name by a hyphen:
/// "al-Hayya", "el-Sisi", "ash-Shara", "bin-Zayed".
const HYPHEN_PARTICLE_WORDS: &[&str] =
    &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn", "abu", "bint"];
static HYPHEN_PARTICLES: crate::text::WordSet = crate::text::WordSet::new(HYPHEN_PARTICLE_WORDS);

/// The bytes a hyphen particle starts with: most lower-case words start otherwise.
const PARTICLE_STARTS: [bool; 256] = {
    let mut starts = [false; 256];
    let mut i = 0;
    while i < HYPHEN_PARTICLE_WORDS.len() {
        starts[HYPHEN_PARTICLE_WORDS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    starts
};

/// Whether a word is a lower-case particle joined to a capitalised name: "al-Aiban",
/// "el-Sisi". Such a word ends or continues a name as a capitalised word does ("Musaed
/// al-Aiban"), and is a surname of its own ("al-Hayya said").
#[inline]
pub fn is_particle_name(w: &str) -> bool {
    // Asked of every lower-case word: most are shorter than a particle, its hyphen and
    // two letters, or start with no particle's letter, and are turned away here.
    w.len() >= 4 && PARTICLE_STARTS[usize::from(w.as_bytes()[0])] && joins_particle(w)
}

/// [`is_particle_name`] of the word of token `i`, turning most words away on their
/// length and first byte before the word is sliced out of the text.
#[inline]
pub fn is_particle_name_at(a: &Analysis, i: usize) -> bool {
    a.toks.get(i).is_some_and(|t| is_particle_name_in(a.text, t.span))
}

/// [`is_particle_name`] of the word at `span` of `text`, as [`is_particle_name_at`] asks it.
#[inline]
pub fn is_particle_name_in(text: &str, span: Span) -> bool {
    span.end.saturating_sub(span.start) >= 4
        && text.as_bytes().get(span.start).is_some_and(|&b| PARTICLE_STARTS[usize::from(b)])
        && is_particle_name(text.get(span.start..span.end).unwrap_or(""))
}

fn joins_particle(w: &str) -> bool {
    // The particles are at most four letters, so the hyphen is looked for among the
    // first five bytes only.
    let Some(at) = w.bytes().take(5).position(|b| b == b'-') else { return false };
    let (Some(particle), Some(rest)) = (w.get(..at), w.get(at + 1..)) else { return false };
    HYPHEN_PARTICLES.contains(particle)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().skip(1).any(char::is_lowercase)
}

/// Whether a word that can continue a name follows token `i` after one space: a name
/// of two words or more starting at `i` needs one, capitalised or a particle ("von",
/// "bin", "al-Aiban"), as `name_at` reads them. A cheap test before the costly lookups.
pub fn name_continues_after(a: &Analysis, i: usize) -> bool {
    a.toks
        .get(i + 1)
        .is_some_and(|n| n.is_word && (n.is_cap || is_particle(a.word(i + 1)) || is_particle_name_at(a, i + 1)))
        && adjacent(a, i + 1)
}

/// Whether `w` is one of [`PARTICLES`], which are two to five bytes long and start
/// with one of a few letters: most words are told by those, without a lookup.
fn is_particle(w: &str) -> bool {
    (2..=5).contains(&w.len()) && may_start_particle(w.as_bytes()[0]) && PARTICLES.contains(w)
}

const fn may_start_particle(b: u8) -> bool {
    matches!(b, b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b'v')
}

/// Capitalised function words, weekdays and months: never part of a name.
pub fn is_function_word(w: &str) -> bool {
    NOT_NAME.contains(w)
}

/// Whether the token can be part of a personal name.
fn name_token(a: &Analysis, tok: usize) -> bool {
    let Some(t) = a.toks.get(tok) else {
        return false;
    };
    if !t.is_word {
        return false;
    }
    let w = a.word(tok);
    if !t.is_cap && !is_particle_name(w) {
        return false;
    }
    // The cheapest test first: many capitalised words are names already found.
    if a.mention_at_tok(tok).is_some() || NOT_NAME.contains(w) || THING_HEADS.contains(w) {
        return false;
    }
    // "Prince Badr bin Sultan": after "bin", a title word is a father's name.
    if a.title_at(t.span) && !(tok > 0 && matches!(a.word(tok - 1), "bin" | "bint" | "ibn")) {
        return false;
    }
    // All-caps words are acronyms ("NATO"), not names; initials ("J.") are fine. Nor is
    // a word with an acronym joined to it ("Non-NATO", "Pro-EU", "Anti-ISIS"). A word
    // of one part with a lower-case second letter ("Putin") is none.
    let bytes = w.as_bytes();
    let plain = bytes.get(1).is_some_and(u8::is_ascii_lowercase) && !bytes.contains(&b'-');
    plain || !w.split('-').any(is_acronym)
}

/// "Theresa May": a month as the surname after a first name, where no day or year
/// follows it ("May 2018").
fn month_surname(a: &Analysis, tok: usize) -> bool {
    a.word(tok) == "May"
        && !a.toks.get(tok + 1).is_some_and(|_| a.word(tok + 1).starts_with(|c: char| c.is_ascii_digit()))
}

/// "NATO", "EU": two letters or more, all capitals, without the dots of initials.
fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase) && !w.contains('.')
}

/// The name starting at token `tok`: up to `max` capitalised tokens, with particles
/// and initials between them. Returns its span and the token after it.
pub fn name_at(a: &Analysis, tok: usize, max: usize) -> Option<(Span, usize)> {
    name_within(a, tok, max, false)
}

/// [`name_at`]; with `towns`, a town's name is read as a name word next to others
/// ("Defence Secretary Aden Duale", "President George W. Bush"), as only a title
/// before it can tell.
fn name_within(a: &Analysis, tok: usize, max: usize, towns: bool) -> Option<(Span, usize)> {
    let town = |i: usize| {
        towns
            && a.toks.get(i).is_some_and(|t| t.is_cap)
            && a.mention_at_tok(i)
                .is_some_and(|m| m.kind == crate::model::EntityKind::Location && a.tok_at(m.span.end) == i + 1)
    };
    let first_town = town(tok) && name_token(a, tok + 1) && adjacent(a, tok + 1);
    if !(name_token(a, tok) || first_town) || a.word(tok).ends_with('.') {
        return None;
    }
    let sent_end = a.sents[a.sent_of(a.toks[tok].span.start)].tokens.end;
    let mut end = tok + 1;
    let mut count = 1;
    let mut i = tok + 1;
    while i < sent_end && count < max {
        let w = a.word(i);
        if (name_token(a, i) || month_surname(a, i) || town(i)) && adjacent(a, i) {
            end = i + 1;
            count += 1;
            i += 1;
        } else if nickname::nickname_at(a, i, sent_end) {
            // José "Pepe" Mujica: the nickname in quotes is read past.
            i += 3;
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

/// The name starting at token `tok` right after a title: [`name_at`], and also a
/// Chinese name whose family name is spelt like a pronoun ("Vice Premier He Lifeng"):
/// "He" opens a name only there, and only before a capitalised name word.
pub fn name_after_title(a: &Analysis, tok: usize, max: usize) -> Option<(Span, usize)> {
    if a.word(tok) == "He" && a.toks.get(tok + 1).is_some_and(|t| t.is_cap) && adjacent(a, tok + 1) {
        let (rest, next) = name_at(a, tok + 1, max.saturating_sub(1).max(1))?;
        // "He Lifeng", not "He Said" in a headline: one given name of Chinese form.
        if next == tok + 2 && !a.gaz.is_given_name(a.word(tok + 1)) {
            return Some((Span::new(a.toks[tok].span.start, rest.end), next));
        }
        return None;
    }
    name_within(a, tok, max, true)
}

/// Tokens of one name are separated by a single space, not by punctuation or lines.
fn adjacent(a: &Analysis, tok: usize) -> bool {
    // One space byte between them: a slice of the text is not needed to tell.
    let (end, start) = (a.toks[tok - 1].span.end, a.toks[tok].span.start);
    start == end + 1 && a.text.as_bytes().get(end) == Some(&b' ')
}

pub use crate::text::translit_key;

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

    /// "the Ronald Reagan Presidential Library" is a building, not a person.
    #[test]
    fn a_library_named_after_a_person_is_no_person() {
        let x =
            crate::test_support::extract("They met at the Walter Brennan Presidential Library in Ohio.", "2025-03-05");
        assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{:?}", x.entities);
    }

    /// A title word after "bin" is the father's name: "Prince Khalid bin Sultan".
    /// A title before a common noun of a body or an event names no one: "General Bank",
    /// "the General Congregations", "the General Debate".
    #[test]
    fn a_title_before_a_common_noun_is_no_person() {
        for text in
            ["Sanctions hit General Bank.", "The General Congregations met.", "She will address the General Debate."]
        {
            let x = crate::test_support::extract(text, "2025-03-05");
            assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{text}: {:?}", x.entities);
        }
    }

    #[test]
    fn a_title_word_after_bin_is_a_name() {
        let x = crate::test_support::extract("Prince Faris bin Sultan received the envoy.", "2025-03-05");
        assert!(x.entities.iter().any(|e| e.id == "person:faris-bin-sultan"), "{:?}", x.entities);
    }
}
