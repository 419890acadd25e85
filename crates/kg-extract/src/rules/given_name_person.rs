//! **given_name_person** — persons named without a title, recognised by a common given
//! name followed by capitalised words.
//!
//! Matches: a given name from `data/given_names.txt` followed by one to three
//! capitalised tokens (with particles such as "von der").
//! Example: "Talks were led by Keith Lawson and Maria Santos." → two persons.
//! Known false positives: organisations or places named after people ("Rafael Nadal
//! Academy" when "Academy" is unknown); given names that are also words at a sentence
//! start.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::names::{name_at, name_continues_after, person_for_name};

pub const RULE: Rule = Rule { name: "given_name_person", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    let mut i = 0;
    while i < a.toks.len() {
        let t = a.toks[i];
        // The given-name lookup hashes the word: asked last, of the capitalised words
        // that can start a name of two words or more.
        if t.is_cap && a.mention_at_tok(i).is_none() && name_continues_after(a, i) && a.gaz.is_given_name(a.word(i)) {
            if let Some((span, next)) = name_at(a, i, 4) {
                if next > i + 1 {
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

    #[test]
    fn a_given_name_alone_is_not_a_person() {
        let x = extract("Keith arrived.", "2025-03-01");
        assert!(!entities(&x).iter().any(|e| e.starts_with("person:")));
    }
}
