//! News-in-brief roundups: items that each open with a dateline of their own ("ATHENS —
//! ..." after "NEW DELHI — ..."). A bare "the summit" of one item does not refer to a
//! meeting told only in another (see `meetings::recent_compatible`).

use crate::analysis::Analysis;
use crate::model::Span;

/// The byte offsets of the lines that open with a dateline of a known city, when the
/// text has two or more of them; empty otherwise.
pub(super) fn item_starts(a: &Analysis) -> Vec<usize> {
    let bytes = a.text.as_bytes();
    // The lines shaped as datelines, with their city and the rest.
    let mut shaped: Vec<(usize, Span, Span)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n + 1);
        let line = a.text.get(at..end).unwrap_or("");
        if let Some((c, r, _)) = super::dateline(line) {
            shaped.push((at, Span::new(at + c.start, at + c.end), Span::new(at + r.start, at + r.end)));
        }
        at = end;
    }
    // The city is looked up only when two lines or more could be items: a story has
    // one dateline, whose city `apply` looks up anyway.
    if shaped.len() < 2 {
        return Vec::new();
    }
    // Whether a city is known depends on its capitals alone (the rest of the line only
    // chooses among cities of one name), and a transcript repeats its speakers'
    // labels ("BLINKEN:"): each is looked up once.
    let mut known: Vec<(&str, bool)> = Vec::new();
    let starts: Vec<usize> = shaped
        .into_iter()
        .filter(|&(_, city, rest)| {
            let caps = a.text.get(city.start..city.end).unwrap_or("");
            if let Some(&(_, k)) = known.iter().find(|(c, _)| *c == caps) {
                return k;
            }
            let k = super::known_city(a, city, rest).is_some();
            known.push((caps, k));
            k
        })
        .map(|(at, ..)| at)
        .collect();
    if starts.len() < 2 {
        return Vec::new();
    }
    starts
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    /// "the summit" in a brief filed from another city is not the summit of the item
    /// before it.
    #[test]
    fn a_bare_summit_stays_in_its_item() {
        let text = "ROME — Anna Brown did not travel to the G20 summit in Rome.\n\
                    OSLO — Hours before the summit, Tom Price received Ivan Petrov for talks.";
        let x = extract(text, "2025-03-05");
        let g20 = x.entities.iter().find(|e| e.id.contains("rome")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(!has_edge(&x, "person:tom-price", "attends", &g20), "{:?}", x.relations);
    }
}
