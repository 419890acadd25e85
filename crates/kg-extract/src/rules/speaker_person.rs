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
use crate::names::{name_at, name_continues_after, person_for_name};

pub const RULE: Rule = Rule { name: "speaker_person", apply, triggers: SPEECH_WORDS };

/// The speech verbs. Declared as the rule's trigger words although a match starts at
/// the name: the analysis then marks them, and a sentence without one is passed over
/// without parsing its names.
const SPEECH_WORDS: &[&str] = &[
    "said", "says", "told", "added", "asked", "wrote", "stated", "noted", "tweeted", "posted", "warned", "stressed",
    "insisted",
];

static SPEECH: crate::text::WordSet = crate::text::WordSet::new(SPEECH_WORDS);

fn apply(a: &mut Analysis) {
    // The sentence of token `i` (sentences cover the tokens in order), and whether a
    // speech verb is among its tokens or the one after it, once asked.
    let mut s = 0;
    let mut speech: Option<bool> = None;
    // The speech verbs (the rule's trigger words), in text order: a sentence is asked
    // whether it has one by a search of them, not a look at each of its tokens.
    let speech_toks = a.triggered_by(super::trigger_bit(RULE.name));
    let mut i = 0;
    // A name starts capitalised: the other tokens are passed over unread.
    let mut cursor = 0;
    while let Some(next) = a.next_name_tok(i, &mut cursor) {
        i = next;
        let t = a.toks[i];
        if !t.is_cap || a.mention_at_tok(i).is_some() || !name_continues_after(a, i) {
            i += 1;
            continue;
        }
        // A name ends inside its sentence, so the verb after it is at most the first
        // token of the next; "said" before it is in the sentence unless the name opens
        // it. Skipping by one token rather than past the name changes nothing where no
        // name can match.
        while a.sents.get(s).is_some_and(|x| x.tokens.end <= i) {
            s += 1;
            speech = None;
        }
        let speech_in_sentence = *speech.get_or_insert_with(|| {
            // The first speech verb from the sentence's start: whether it is in it.
            a.sents.get(s).is_none_or(|x| {
                let k = speech_toks.partition_point(|&k| k < x.tokens.start);
                speech_toks.get(k).is_some_and(|&k| k <= x.tokens.end)
            })
        });
        let said_before = i > 0 && matches!(a.lower(i - 1), "said" | "says");
        if !speech_in_sentence && !said_before {
            i += 1;
            continue;
        }
        let Some((span, next)) = name_at(a, i, 4) else {
            i += 1;
            continue;
        };
        let multi = next > i + 1;
        let before_verb = SPEECH.contains(a.lower(next));
        let after_verb = said_before && matches!(a.word(next), "." | "," | "");
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
