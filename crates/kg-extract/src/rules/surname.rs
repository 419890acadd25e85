//! **surname** — later, shorter references to a person already named: the surname,
//! another transliteration of it, or a known office holder's surname.
//!
//! Matches: a capitalised word that is the surname of exactly one person of the
//! document ("Zelenskyy", "Zelensky", "Zelenskiy" for Volodymyr Zelenskyy; "Erdogan"
//! for Erdoğan), with one typo allowed in long names; failing that, the surname of
//! exactly one office holder in office on the publication date.
//! Example: "Maria Santos arrived. Santos met the minister." → both mentions are
//! Maria Santos.
//! Known false positives: two people sharing a surname when only one was named in
//! full; a place named like a person ("Lincoln").

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::gazetteer::Target;
use crate::names::{is_function_word, is_particle_name_at};
use crate::surname_key::{each_surname_key, known_by_key, WordKey};
use rustc_hash::FxHashMap;

pub const RULE: Rule = Rule { name: "surname", apply, triggers: &[] };

/// How many persons of the document a word may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SurnameMatch {
    Nobody,
    One(usize),
    Several,
}

/// The surname keys of the document's persons, by folded form and by transliteration:
/// a word is looked up rather than compared with every person. Within this rule
/// persons only gain keys (new persons, new aliases), so the index only grows.
struct PersonKeys {
    by_fold: FxHashMap<String, Listed>,
    by_translit: FxHashMap<String, Listed>,
    /// Transliterations long enough for a word to match them with a typo.
    long: Vec<(String, usize)>,
    /// The lengths of those (a bit each, up to 63) by their first byte, for an ASCII
    /// one: a word matches only one of its first letter and about its length, which
    /// most words have none of, and the scan of `long` is then spared.
    long_shapes: [u64; 128],
}

impl PersonKeys {
    fn add(&mut self, a: &Analysis, p: usize) {
        // A person is added again each time it gains an alias: its old keys are
        // already in, and listing them twice would only make `find` slower.
        each_surname_key(a, p, |fold, translit| self.add_key(fold, translit, p));
    }

    fn add_key(&mut self, fold: &str, translit: &str, p: usize) {
        note_key(&mut self.by_fold, fold, p);
        // `WordKey::near` needs a word of seven letters, one more at most.
        if note_key(&mut self.by_translit, translit, p) && translit.len() >= 6 {
            self.long.push((translit.to_string(), p));
            match translit.as_bytes().first() {
                Some(&b) if b < 128 => self.long_shapes[usize::from(b)] |= length_bit(translit.len()),
                // A word that starts with no ASCII letter is compared with every one.
                _ => self.long_shapes.fill(u64::MAX),
            }
        }
    }

    fn find(&self, key: &WordKey) -> SurnameMatch {
        let mut found = SurnameMatch::Nobody;
        self.each_match(key, |p| {
            found = match found {
                SurnameMatch::Nobody => SurnameMatch::One(p),
                SurnameMatch::One(q) if q == p => found,
                _ => SurnameMatch::Several,
            }
        });
        found
    }

    /// Calls `note` with each person whose keys `key` matches (a person may come twice).
    fn each_match(&self, key: &WordKey, mut note: impl FnMut(usize)) {
        self.by_fold.get(key.folded()).map_or(&[][..], Listed::persons).iter().for_each(|&p| note(p));
        if key.folded().len() < 3 {
            // Two letters are matched as written: "Yi" is no spelling of "Xi".
            return;
        }
        self.by_translit.get(key.translit()).map_or(&[][..], Listed::persons).iter().for_each(|&p| note(p));
        let len = key.translit().len();
        let near_lengths = length_bit(len.saturating_sub(1)) | length_bit(len) | length_bit(len + 1);
        let shapes = key
            .translit()
            .as_bytes()
            .first()
            .map_or(u64::MAX, |&b| self.long_shapes.get(usize::from(b)).copied().unwrap_or(u64::MAX));
        if len >= 7 && shapes & near_lengths != 0 {
            // The length is compared here, before the call: most keys differ in it.
            self.long.iter().filter(|(t, _)| t.len().abs_diff(len) <= 1 && key.near(t)).for_each(|&(_, p)| note(p));
        }
    }
}

/// The bit of a length in `PersonKeys::long_shapes`: the last bit stands for every
/// length from 63 on.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// The persons listed under one key: nearly always one, which needs no list of its own
/// (a list for every key was half the allocations of the rule).
enum Listed {
    One(usize),
    Many(Vec<usize>),
}

impl Listed {
    fn persons(&self) -> &[usize] {
        match self {
            Listed::One(p) => std::slice::from_ref(p),
            Listed::Many(ps) => ps,
        }
    }

    fn push(&mut self, p: usize) {
        match self {
            Listed::One(q) => *self = Listed::Many(vec![*q, p]),
            Listed::Many(ps) => ps.push(p),
        }
    }
}

/// Lists person `p` under `key` unless it is already; whether it was new.
fn note_key(map: &mut FxHashMap<String, Listed>, key: &str, p: usize) -> bool {
    match map.get_mut(key) {
        Some(listed) if listed.persons().contains(&p) => false,
        Some(listed) => {
            listed.push(p);
            true
        }
        None => {
            map.insert(key.to_string(), Listed::One(p));
            true
        }
    }
}

/// What one capitalised word of the document was found to name. A name recurs, so
/// each word is folded, transliterated and looked up once.
struct WordInfo {
    /// `None`: the word is no candidate surname.
    key: Option<WordKey>,
    /// The persons it matched, and the `generation` of the persons matched against.
    persons: Option<(u32, SurnameMatch)>,
    /// The office holder it names; depends on the word alone.
    known: Option<Option<usize>>,
}

fn apply(a: &mut Analysis) {
    // Sized for the words the rule can meet (capitalised ones, at most one entry each),
    // and for a few keys per person: growing from empty rehashed each table several
    // times per document, moving entries that are large.
    let room = a.name_tok_count().min(4096);
    let mut words: FxHashMap<&str, WordInfo> = FxHashMap::with_capacity_and_hasher(room, Default::default());
    let keys = (4 * a.persons.len()).clamp(16, 1024);
    let mut index = PersonKeys {
        by_fold: FxHashMap::with_capacity_and_hasher(keys, Default::default()),
        by_translit: FxHashMap::with_capacity_and_hasher(keys, Default::default()),
        long: Vec::new(),
        long_shapes: [0; 128],
    };
    for &p in &a.persons {
        index.add(a, p);
    }
    // Bumped whenever a person is added or gains an alias: the matches found before
    // may no longer hold.
    let mut generation = 0u32;
    // `Analysis::title_at` for tokens in text order: a cursor into the titles, which
    // are in text order, rather than a search for each word.
    let mut title = 0;
    // `Analysis::sent_of` by the same kind of cursor: tokens start in text order.
    let mut sent = 0;
    // And `Analysis::date_covering`: the first date that ends after the token starts.
    let mut date = 0;
    // The tokens that are not capitalised, nor particle names, are passed over unread.
    let (mut cursor, mut from) = (0, 0);
    while let Some(i) = a.next_name_tok(from, &mut cursor) {
        from = i + 1;
        let t = a.toks[i];
        if !t.is_word || !(t.is_cap || is_particle_name_at(a, i)) || a.mention_at_tok(i).is_some() {
            continue;
        }
        // "on Friday", "in May": a word of a date is no name.
        while a.dates.get(date).is_some_and(|d| d.span.end <= t.span.start) {
            date += 1;
        }
        if a.dates.get(date).is_some_and(|d| d.span.contains(t.span)) {
            continue;
        }
        while a.title_hits.get(title).is_some_and(|h| h.span.end <= t.span.start) {
            title += 1;
        }
        if a.title_hits.get(title).is_some_and(|h| h.span.overlaps(t.span)) {
            continue;
        }
        let word = a.word(i);
        let info =
            words.entry(word).or_insert_with(|| WordInfo { key: candidate_key(word), persons: None, known: None });
        let Some(key) = &info.key else { continue };
        let found = match info.persons {
            Some((g, found)) if g == generation => found,
            _ => {
                let found = index.find(key);
                info.persons = Some((generation, found));
                found
            }
        };
        let persons_before = a.persons.len();
        let person = match found {
            SurnameMatch::One(one) => Some(one),
            // Two-letter surnames ("Xi", "Wu") only name a person of the document.
            SurnameMatch::Nobody if word.len() < 3 => None,
            SurnameMatch::Nobody => {
                // Only famous office holders are known by surname alone, and never a
                // word that opens a sentence.
                while a.sents.get(sent).is_some_and(|s| s.span.end <= t.span.start) {
                    sent += 1;
                }
                let sentence_start = a.sents[sent.min(a.sents.len() - 1)].tokens.start == i;
                // A prime minister named Friday is only known by his full name: no day,
                // month or function word is a bare surname.
                if sentence_start && !followed_by_verb(a, i) || crate::names::is_function_word(word) {
                    None
                } else {
                    let known = *info.known.get_or_insert_with(|| known_by_key(a, key, None));
                    known.map(|k| a.gaz_entity(Target::Person(k)))
                }
            }
            // "William Ruto ... Ruto led ... First Lady Rachel Ruto": the one of them
            // named before the word.
            SurnameMatch::Several => named_before(a, &index, key, t.span.start),
        };
        if let Some(p) = person {
            let aliases_before = a.ents[p].aliases.len();
            a.add_mention(p, t.span, RULE.name, Form::Surname);
            if a.ents[p].aliases.len() != aliases_before {
                // The new alias is this word, and the label is unchanged: the person's
                // keys gained at most the word's own, which is `key`. Computing all of
                // them again cost more than the rest of the rule.
                index.add_key(key.folded(), key.translit(), p);
                generation += 1;
            }
        }
        if a.persons.len() != persons_before {
            for k in persons_before..a.persons.len() {
                index.add(a, a.persons[k]);
            }
            generation += 1;
        }
    }
}

/// Of the persons `key` matches, the one mentioned before byte `at`; of several, the
/// one named first, in a sentence before any other's, as a story names its principal
/// first and tells a namesake by the full name ("Anna Novak and Petr Novak arrived.
/// Novak spoke." names neither). The walk back is bounded, to keep long documents
/// linear.
fn named_before(a: &Analysis, index: &PersonKeys, key: &WordKey, at: usize) -> Option<usize> {
    let mut candidates = Vec::new();
    index.each_match(key, |p| {
        if !candidates.contains(&p) {
            candidates.push(p);
        }
    });
    // The sentence of each candidate's earliest mention within the walk: the walk goes
    // back, so each mention seen is earlier than the last.
    let mut first: Vec<Option<usize>> = vec![None; candidates.len()];
    for m in a.mentions_before(at).take(4096) {
        if let Some(k) = candidates.iter().position(|&c| c == m.ent) {
            first[k] = Some(m.sent);
        }
    }
    let earliest = first.iter().flatten().min()?;
    let mut named_there = candidates.iter().zip(&first).filter(|(_, s)| *s == &Some(*earliest));
    match (named_there.next(), named_there.next()) {
        (Some((&p, _)), None) => Some(p),
        _ => None,
    }
}

/// The key of a word that may be a surname: two letters or more ("Xi", "Wu"), not all
/// capitals, in Latin script, and no function word ("He", "It", "No": "He Lifeng" is
/// named in full, never by the pronoun's spelling).
fn candidate_key(word: &str) -> Option<WordKey> {
    // An ASCII word, as most are, is told by its bytes: its letters are Latin, and a
    // character is lower-case when its byte is.
    let shaped = if word.is_ascii() {
        word.len() >= 2 && word.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        word.chars().count() >= 2 && word.chars().any(char::is_lowercase) && latin(word)
    };
    if !shaped || (word.len() == 2 && (is_function_word(word) || SHORT_WORDS.contains(word))) {
        return None;
    }
    WordKey::new(word)
}

/// Capitalised two-letter words that open sentences and are no surname.
static SHORT_WORDS: crate::text::WordSet = crate::text::WordSet::new(&[
    "Us", "Do", "Go", "Is", "Be", "Me", "Oh", "Ok", "Up", "Mr", "Ms", "Dr", "St", "Jr", "Sr",
]);

/// Names are matched in Latin script: "России" folds to "Rossii", which is no
/// surname "Rossi".
fn latin(word: &str) -> bool {
    word.chars().all(|c| {
        !c.is_alphabetic()
            || c.is_ascii()
            || ('\u{c0}'..='\u{24f}').contains(&c)
            || ('\u{1e00}'..='\u{1eff}').contains(&c)
    })
}

fn followed_by_verb(a: &Analysis, i: usize) -> bool {
    // "Putin spoke", "Rubio arrived": a lower-case word after the name.
    if a.toks.get(i + 1).is_some_and(|t| t.is_word && !t.is_cap) {
        return true;
    }
    matches!(
        a.lower(i + 1),
        "said" | "says" | "told" | "met" | "has" | "had" | "is" | "was" | "will" | "'s" | "\u{2019}s"
    )
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, mentions_of};

    /// An office holder whose surname is a day of the week is not every "Friday".
    #[test]
    fn a_day_is_no_office_holder() {
        for text in ["The talks ended on Friday.", "The envoy left. Friday brought no news."] {
            let x = extract(text, "2025-12-10");
            assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{text}: {:?}", x.entities);
        }
    }

    #[test]
    fn accents_do_not_split_a_person() {
        let x = extract("Mehmet Yılmaz spoke. Later Yilmaz and Yılmaz left.", "2025-03-01");
        assert_eq!(mentions_of(&x, "person:mehmet-yilmaz"), 3);
    }

    #[test]
    fn a_shared_surname_is_not_merged_without_evidence() {
        let x = extract("Anna Novak and Petr Novak arrived. Novak spoke.", "2025-03-01");
        assert_eq!(mentions_of(&x, "person:anna-novak") + mentions_of(&x, "person:petr-novak"), 2);
    }

    #[test]
    fn surnames_and_transliterations_resolve_to_one_person() {
        let x = extract("Oleksandr Kovalenkyy arrived. Later Kovalenko and Kovalenkiy spoke.", "2025-03-01");
        assert_eq!(mentions_of(&x, "person:oleksandr-kovalenkyy"), 3);
    }

    #[test]
    fn two_letter_surnames_of_a_person_named_before() {
        let cases = [
            ("Chinese envoy Wu Jianguo arrived in Berlin. Wu met the chancellor.", "person:wu-jianguo", 2),
            ("Nora Li arrived in Berlin. Li met the chancellor.", "person:nora-li", 2),
        ];
        for (text, id, n) in cases {
            assert_eq!(mentions_of(&extract(text, "2025-03-01"), id), n, "{text}");
        }
        // Nobody of that name before: no person; "He" is never a surname.
        let x = extract("Wu met the chancellor in Berlin.", "2025-03-01");
        assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{:?}", x.entities);
        let x = extract("Vice Premier He Xiaoming arrived. He met the chancellor.", "2025-03-01");
        assert!(x.mentions.iter().filter(|m| m.entity == "person:he-xiaoming").all(|m| m.rule != "surname"));
    }

    #[test]
    fn the_last_two_words_of_a_name_are_its_person() {
        let x = extract("Foreign Minister Marta Kovacs Wagner arrived. Kovacs Wagner said little.", "2025-03-01");
        assert_eq!(mentions_of(&x, "person:marta-kovacs-wagner"), 2);
        assert!(!x.entities.iter().any(|e| e.id == "person:kovacs-wagner"), "{:?}", x.entities);
    }

    #[test]
    fn namesakes_by_the_one_named_first() {
        let x = crate::test_support::extract(
            "President Amos Kiprono arrived. Kiprono led the delegation. Later Mary Kiprono joined. Kiprono spoke.",
            "2025-03-01",
        );
        assert_eq!(crate::test_support::mentions_of(&x, "person:amos-kiprono"), 3);
        assert_eq!(crate::test_support::mentions_of(&x, "person:mary-kiprono"), 1);
    }
}
