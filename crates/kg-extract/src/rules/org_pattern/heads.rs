//! The head nouns of organisation and venue names, and where in a document they are: a
//! run of capitalised words makes an organisation or a venue only if it holds one, and
//! most sentences hold none, so the rule passes over them without reading their runs.

use crate::analysis::Analysis;
use crate::model::Span;

const HEAD_WORDS: &[&str] = &[
    "Ministry",
    "Office",
    "Directorate",
    "Commission",
    "Council",
    "Committee",
    "Party",
    "Agency",
    "Department",
    "Bureau",
    "Service",
    "Forces",
    "Army",
    "Navy",
    "Guard",
    "Court",
    "Parliament",
    "Assembly",
    "Bank",
    "Fund",
    "Organization",
    "Organisation",
    "Union",
    "Alliance",
    "Institute",
    "Administration",
    "Cabinet",
    "Secretariat",
    "Staff",
    "Command",
    "Corps",
    "Front",
    "Movement",
    "Foundation",
    "Association",
    "Authority",
    "Inspectorate",
    "Politburo",
    "Duma",
    "Senate",
    "Congress",
    // "the opposition Unitary Platform", "the Carter Center".
    "Platform",
    "Coalition",
    "Center",
    "Centre",
];

pub(super) static HEADS: crate::text::WordSet = crate::text::WordSet::new(HEAD_WORDS);

/// The head nouns of the names of venues: "the Itamaraty Palace", "Mimi Castle",
/// "Lukiskes Square". (Not "University" or "Museum", which news also uses for bodies.)
const VENUE_WORDS: &[&str] = &[
    "Palace",
    "Castle",
    "Square",
    "Airport",
    "Hotel",
    "Monastery",
    "Basilica",
    "Cathedral",
    "Mansion",
    "Cemetery",
    "Island",
    "Gardens",
    "Stadium",
    "Resort",
    "Villa",
    "Guesthouse",
    "Abbey",
    "Fortress",
    "Lodge",
];

pub(crate) static VENUES: crate::text::WordSet = crate::text::WordSet::new(VENUE_WORDS);

/// A bit per length (up to 15) of the head nouns of bodies and venues, by first byte:
/// most capitalised words ("Putin", "The", "Moscow") are turned away by it before a
/// lookup.
static SHAPES: [u16; 128] = {
    let mut shapes = [0u16; 128];
    let mut i = 0;
    while i < HEAD_WORDS.len() {
        let w = HEAD_WORDS[i].as_bytes();
        shapes[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    let mut i = 0;
    while i < VENUE_WORDS.len() {
        let w = VENUE_WORDS[i].as_bytes();
        shapes[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    shapes
};

/// Whether `w` may be a head noun, by its first byte and length.
fn may_be_head(w: &[u8]) -> bool {
    w.first().is_some_and(|&b| b < 128 && w.len() < 16 && SHAPES[usize::from(b)] & 1 << w.len() != 0)
}
/// The tokens of a document that are head nouns, in text order, with a cursor.
pub(super) struct Heads {
    toks: Vec<usize>,
    next: usize,
}

impl Heads {
    /// The head nouns of `a`: capitalised words, so among its name tokens.
    pub(super) fn of(a: &Analysis) -> Self {
        let toks = a
            .name_toks()
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| {
                // Most capitalised words are no head noun by their first byte and
                // length, told from the bytes: the word is sliced only for the others.
                let bytes = a.toks.get(i).and_then(|t| a.text.as_bytes().get(t.span.start..t.span.end));
                bytes.is_some_and(may_be_head) && {
                    let w = a.word(i);
                    HEADS.contains(w) || VENUES.contains(w)
                }
            })
            .collect();
        Heads { toks, next: 0 }
    }

    /// Whether no run of capitalised words that starts at token `i` or later, before
    /// `sent_end` (the end of its sentence), can hold a head noun: none lies in
    /// `i..sent_end`, and no mention carries a run past the sentence's end. Asked with
    /// `i` never going back.
    pub(super) fn none_reachable(&mut self, a: &Analysis, i: usize, sent_end: usize) -> bool {
        while self.toks.get(self.next).is_some_and(|&h| h < i) {
            self.next += 1;
        }
        if self.toks.get(self.next).is_some_and(|&h| h < sent_end) {
            return false;
        }
        // A run steps over a mention whole: one that starts inside the sentence and
        // ends past it takes the run into the next sentence. (A mention that started
        // before `i` covers `i`, where no run starts.)
        let Some(next) = a.toks.get(sent_end) else { return true };
        a.mention_at_tok(sent_end).is_none() || {
            let from = a.toks[i].span.start;
            !a.mentions_within(Span::new(from, next.span.start)).any(|m| m.span.end > next.span.start)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_filter_lets_every_head_through() {
        for w in HEAD_WORDS {
            assert!(may_be_head(w.as_bytes()) && HEADS.contains(w), "{w}");
        }
        for w in VENUE_WORDS {
            assert!(may_be_head(w.as_bytes()) && VENUES.contains(w), "{w}");
        }
        assert!(!may_be_head(b"Moscow") && !may_be_head(b"") && !may_be_head("\u{c9}lys\u{e9}e".as_bytes()));
    }
}
