//! Whether two person mentions are items of one list ("A, B and C", "A and his
//! counterpart B"), or the text between them starts something else.

use super::nearest::{is_finite_verb, opens_adverbial};
use crate::analysis::Analysis;
use crate::model::Span;

/// A word of "four times", "twice", "once".
fn is_count_of_times(w: &str) -> bool {
    matches!(
        w,
        "once"
            | "twice"
            | "times"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "several"
            | "many"
    ) || w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `word` (ASCII, starting with no blank) is one of the words of `text` split
/// at blanks, as `split_whitespace` gives them: its occurrences found by their first
/// byte, each with a blank or an end on both sides.
fn has_word(text: &str, word: &[u8]) -> bool {
    let Some(&first) = word.first() else { return false };
    memchr::memchr_iter(first, text.as_bytes()).any(|i| {
        let end = i + word.len();
        text.as_bytes().get(i..end) == Some(word)
            && text.get(..i).is_some_and(|before| before.chars().next_back().is_none_or(char::is_whitespace))
            && text.get(end..).is_some_and(|after| after.chars().next().is_none_or(char::is_whitespace))
    })
}

/// Whether the text between two person mentions only joins them: commas, "and",
/// appositives ("Lavrov, Russia's foreign minister, and Ushakov"), and the titles and
/// modifiers that introduce the second ("and national security adviser Waltz").
pub(super) fn coordinated(a: &Analysis, from: usize, to: usize) -> bool {
    let gap = a.text.get(from..to).unwrap_or("");
    // A full stop inside one sentence is an abbreviation ("U.S. envoy", "Mr.").
    if gap.len() > 160 || gap.contains('.') && a.sent_of(from) != a.sent_of(to) || gap.contains(';') {
        return false;
    }
    let has_join = gap.contains(',') || has_word(gap, b"and") || has_word(gap, b"&");
    if !has_join {
        return false;
    }
    // Before the last comma, only appositives: an adverbial or a verb there ends the
    // list ("met Trump at the White House on Monday, and Starmer ...").
    let mut pieces: Vec<&str> = gap.split(',').collect();
    let tail_piece = pieces.pop().unwrap_or("");
    for (n, piece) in pieces.iter().enumerate() {
        let mut words = piece.split_whitespace();
        let first = words.next().map(str::to_lowercase);
        let second = words.next();
        // "A, on his first trip to Asia, and B": an aside on the item before, between
        // commas, is no adverbial of the clause.
        let aside = n > 0 && second.is_some_and(|w| matches!(w, "his" | "her" | "their"));
        // "held talks with A, as did his counterparts, B and C": a comparison names
        // others who did the same, not more of the verb's objects.
        let as_did = first.as_deref() == Some("as")
            && second.is_some_and(|w| matches!(w, "did" | "do" | "does" | "had" | "has" | "have" | "was" | "were"));
        if as_did {
            return false;
        }
        if (first.is_some_and(|w| opens_adverbial(&w)) && !aside)
            || piece.split_whitespace().any(|w| w != "and" && is_finite_verb(w))
        {
            return false;
        }
    }
    // "headed by A and includes commander B": a verb after the join starts a predicate
    // of its own.
    if tail_piece
        .split_whitespace()
        .any(|w| w != "and" && (is_finite_verb(w) || matches!(w, "includes" | "include" | "comprises" | "comprise")))
    {
        return false;
    }
    // "A, National Security Adviser to Prime Minister B": the one a title serves is
    // no second item of the list.
    let tail_words = || tail_piece.split_whitespace();
    if !tail_words().any(|w| matches!(w, "and" | "&")) && tail_words().any(|w| w == "to") {
        return false;
    }
    // After the join, only capitalised words (titles, demonyms), title words, or the
    // words of a title ("national security adviser", "his foreign policy aide").
    let (mut title_words, mut determiner, mut modifiers) = (false, false, 0);
    // "held talks with A, with B and with C": the preposition repeated for each item.
    let repeated_with = matches!(tail_piece.split_whitespace().next(), Some("with"))
        || tail_piece.trim_start().starts_with("and with ");
    // "A and B, as well as C": a join of its own.
    let as_well_as = tail_piece.trim_start().starts_with("as well as ");
    let tail_start = to - tail_piece.len();
    for w in tail_piece.split_whitespace() {
        // Where the word lies in the text: a subslice of the tail, at its own offset
        // (the first occurrence after the word before, which a search found).
        let offset = tail_start + (w.as_ptr() as usize - tail_piece.as_ptr() as usize);
        let span = Span::new(offset, offset + w.len());
        // "Pompeo and acting White House chief of staff Mick Mulvaney": words that
        // qualify a title are part of it.
        let plain = w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "and" | "&" | "of" | "to" | "for" | "his" | "her" | "their")
            || matches!(w, "acting" | "senior" | "outgoing" | "incoming" | "interim")
            // "Ruto and his American counterpart Joe Biden", "Putin and North Korean
            // leader Kim Jong Un": words news puts before a name as a title.
            || matches!(w, "counterpart" | "counterparts" | "leader")
            // "has met Xi four times and Moon three times": how often, not who.
            || is_count_of_times(w)
            || (repeated_with && w == "with")
            || (as_well_as && matches!(w, "as" | "well"));
        determiner |= matches!(w, "the" | "a" | "an");
        if !plain && !matches!(w, "the") {
            // "and presidential aide Usov": a modifier the title list lacks, if a title
            // word follows it.
            if !a.title_at(span) {
                modifiers += 1;
                if modifiers > 2 {
                    return false;
                }
                continue;
            }
            modifiers = 0;
            title_words = true;
        }
    }
    if modifiers > 0 {
        return false;
    }
    // "Yermak, the head of Zelenskyy's office": an appositive, not a second person.
    !(title_words && determiner && !tail_piece.trim_start().starts_with("and "))
}
