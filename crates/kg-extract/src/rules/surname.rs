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
use crate::names::{known_by_surname, persons_with_key, WordKey};

pub const RULE: Rule = Rule { name: "surname", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    // A name recurs: fold and transliterate each word once.
    let mut keys: rustc_hash::FxHashMap<&str, Option<WordKey>> = Default::default();
    for i in 0..a.toks.len() {
        let t = a.toks[i];
        if !t.is_word || !t.is_cap || a.mention_at_tok(i).is_some() || a.title_at(t.span) {
            continue;
        }
        let word = a.word(i);
        if word.chars().count() < 3 || word.chars().all(|c| !c.is_lowercase()) || !latin(word) {
            continue;
        }
        let found = match keys.entry(word).or_insert_with(|| WordKey::new(word)) {
            Some(key) => persons_with_key(a, key),
            None => Vec::new(),
        };
        let person = match found.as_slice() {
            [one] => Some(*one),
            [] => {
                // Only famous office holders are known by surname alone, and never a
                // word that opens a sentence.
                let sentence_start = a.sents[a.sent_of(t.span.start)].tokens.start == i;
                if sentence_start && !followed_by_verb(a, i) {
                    None
                } else {
                    known_by_surname(a, word, None).map(|k| a.gaz_entity(Target::Person(k)))
                }
            }
            _ => None,
        };
        if let Some(p) = person {
            a.add_mention(p, t.span, RULE.name, Form::Surname);
        }
    }
}

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
}
