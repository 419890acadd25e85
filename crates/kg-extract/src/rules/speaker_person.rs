//! **speaker_person** — persons quoted as speakers: the subject of "said", "told",
//! "added" and the like, or named right after "said".
//!
//! Matches: two to four capitalised tokens right before a speech verb, or right after
//! "said"/"says" at the end of a quotation.
//! Example: "“We are ready,” said Tiko Abashidze." → person Tiko Abashidze.
//! Known false positives: a media outlet or a body not in the gazetteers ("Current
//! Affairs Desk said") when it looks like a name.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::names::{name_at, person_for_name};

pub const RULE: Rule = Rule { name: "speaker_person", apply, triggers: &[] };

static SPEECH: crate::text::WordSet = crate::text::WordSet::new(&[
    "said", "says", "told", "added", "asked", "wrote", "stated", "noted", "tweeted", "posted", "warned", "stressed",
    "insisted",
]);

fn apply(a: &mut Analysis) {
    let mut i = 0;
    while i < a.toks.len() {
        let t = a.toks[i];
        if !t.is_cap || a.mention_at_tok(i).is_some() {
            i += 1;
            continue;
        }
        let Some((span, next)) = name_at(a, i, 4) else {
            i += 1;
            continue;
        };
        let multi = next > i + 1;
        let before_verb = SPEECH.contains(a.lower(next));
        let after_verb = i > 0 && matches!(a.lower(i - 1), "said" | "says") && matches!(a.word(next), "." | "," | "");
        if multi && (before_verb || after_verb) {
            let Some(person) = person_for_name(a, span, None) else { continue };
            a.add_mention(person, span, RULE.name, Form::Name);
        }
        i = next;
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extract};

    #[test]
    fn a_quoted_speaker_is_the_person_named_before() {
        let x = extract("Oksana Petrenko, head of the commission, spoke. \"No,\" Petrenko told Reuters.", "2025-03-01");
        assert_eq!(crate::test_support::mentions_of(&x, "person:oksana-petrenko"), 2);
        assert!(!entities(&x).iter().any(|e| e == "person:reuters"));
    }

    #[test]
    fn speakers_before_and_after_the_verb() {
        let x =
            extract("Tiko Abashidze told reporters it was over. \"We are ready,\" said Gela Dolidze.", "2025-03-01");
        let e = entities(&x);
        assert!(e.contains(&"person:tiko-abashidze".to_string()), "{e:?}");
        assert!(e.contains(&"person:gela-dolidze".to_string()), "{e:?}");
    }
}
