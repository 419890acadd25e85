//! Runs of blanks read as one space, with a map back to the original offsets.
//!
//! Names, titles and gazetteer phrases are matched with one space between their words,
//! as news is typeset. Text that reaches kg another way has more: two spaces after a
//! full stop, columns padded with spaces, a line wrapped after a trailing space (`fold
//! -s`, e-mail's "format=flowed") or before a `\r\n`, which [`super::unwrapped`] can
//! only turn into two blanks; and pages taken out of HTML put a non-breaking space
//! between a title and a name ("Sergei&nbsp;Lavrov"). Such a document is read with every
//! run of blanks longer than one byte (spaces, tabs, carriage returns, no-break, thin
//! and other typographic spaces) as one space, and every offset found in that reading is
//! mapped back, so evidence still points into the original.
//!
//! Known misses: a single tab between two words stays a tab.

use crate::model::{Draft, Span};

/// Where the compact reading's offsets lie in the original text.
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// (offset in the compact text just after a collapsed run, bytes removed up to
    /// there), by offset.
    shifts: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original offset of a compact offset. An offset at a collapsed run's space
    /// is the run's start; one just after it, the run's end.
    pub fn original(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|&(from, _)| from <= at);
        at + if i == 0 { 0 } else { self.shifts[i - 1].1 }
    }

    pub fn span(&self, span: Span) -> Span {
        Span::new(self.original(span.start), self.original(span.end))
    }

    /// Every offset of a draft made from the compact text made an offset into the
    /// original, evidence sentences included.
    pub fn restore(&self, x: &mut Draft<'_>) {
        for m in &mut x.mentions {
            m.span = self.span(m.span);
        }
        for r in &mut x.relations {
            let ev = &mut r.evidence;
            let span = self.span(Span::new(ev.start, ev.end));
            (ev.start, ev.end) = (span.start, span.end);
            ev.text = self.span(ev.text);
        }
    }
}

/// The length of the blank at byte `at`: 0 for none.
fn blank_len(bytes: &[u8], at: usize) -> usize {
    match bytes[at] {
        b' ' | b'\t' | b'\r' => 1,
        // U+00A0 no-break space.
        0xc2 if bytes.get(at + 1) == Some(&0xa0) => 2,
        // U+2002 to U+200A (en, em, thin, hair... spaces) and U+202F narrow no-break space.
        0xe2 if bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0x82..=0x8a | 0xaf)) => 3,
        _ => 0,
    }
}

/// The text with each run of blanks longer than a byte made one space, and the map
/// back; `None` when it has no such run (the common case, answered by fast scans).
pub fn compacted(text: &str) -> Option<(String, OffsetMap)> {
    let bytes = text.as_bytes();
    let blank_next_to = |at: usize| {
        bytes.get(at + 1).is_some_and(|_| blank_len(bytes, at + 1) > 0) || (at > 0 && blank_len(bytes, at - 1) == 1)
    };
    let has_run = memchr::memmem::find(bytes, b"  ").is_some()
        || memchr::memmem::find(bytes, "\u{a0}".as_bytes()).is_some()
        || memchr::memchr2_iter(b'\t', b'\r', bytes).any(blank_next_to)
        // Curly quotes and dashes begin with these bytes too: most news has them.
        || memchr::memmem::find_iter(bytes, b"\xe2\x80").any(|at| blank_len(bytes, at) == 3);
    if !has_run {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut map = OffsetMap::default();
    let mut copied = 0;
    for (start, end) in runs(bytes) {
        out.extend_from_slice(&bytes[copied..start]);
        out.push(b' ');
        copied = end;
        map.shifts.push((out.len(), end - out.len()));
    }
    out.extend_from_slice(&bytes[copied..]);
    // Only ASCII blanks were removed or replaced, so the bytes stay UTF-8.
    String::from_utf8(out).ok().map(|text| (text, map))
}

/// Each run of blanks longer than a byte, as a byte range.
fn runs(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let first = blank_len(bytes, at);
            if first == 0 {
                at += 1;
                continue;
            }
            let start = at;
            at += first;
            while at < bytes.len() {
                match blank_len(bytes, at) {
                    0 => break,
                    n => at += n,
                }
            }
            if at - start >= 2 {
                return Some((start, at));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_one_space_and_offsets_map_back() {
        let text = "Foreign Minister  Sergei \t Lavrov said.  He left.";
        let Some((compact, map)) = compacted(text) else { panic!("no run found") };
        assert_eq!(compact, "Foreign Minister Sergei Lavrov said. He left.");
        for word in ["Foreign", "Sergei", "Lavrov", "He", "left."] {
            let c = compact.find(word).unwrap_or_default();
            let span = map.span(Span::new(c, c + word.len()));
            assert_eq!(&text[span.start..span.end], word);
        }
        let whole = map.span(Span::new(0, compact.len()));
        assert_eq!((whole.start, whole.end), (0, text.len()));
    }

    #[test]
    fn typographic_spaces_are_blanks() {
        let text = "Minister Sergei\u{a0}Lavrov met\u{2009}\u{a0} them on 7\u{202f}March in\u{2003}Oslo.";
        let Some((compact, map)) = compacted(text) else { panic!("no run found") };
        assert_eq!(compact, "Minister Sergei Lavrov met them on 7 March in Oslo.");
        let c = compact.find("Lavrov met them").unwrap_or_default();
        let span = map.span(Span::new(c, c + "Lavrov met them".len()));
        assert_eq!(&text[span.start..span.end], "Lavrov met\u{2009}\u{a0} them");
        // Curly quotes and dashes share the spaces' first bytes and are not blanks.
        assert!(compacted("\u{201c}Talks\u{201d} \u{2014} and \u{2018}more\u{2019}.").is_none());
    }

    proptest::proptest! {
        #[test]
        fn the_fast_scans_find_every_run(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![" ", "\t", "\r", "\n", "\u{a0}", "\u{2009}", "\u{201c}", "\u{2014}", "a", "Oslo"]),
                0..12,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(compacted(&text).is_some(), runs(text.as_bytes()).next().is_some());
            if let Some((compact, map)) = compacted(&text) {
                proptest::prop_assert_eq!(map.original(compact.len()), text.len());
            }
        }
    }

    #[test]
    fn single_blanks_and_crlf_are_left_alone() {
        assert!(compacted("One space each.\r\nA new line.\r\n").is_none());
        assert!(compacted("A\ttab.").is_none());
    }

    #[test]
    fn a_name_across_a_doubled_space_is_read_whole() {
        let text = "Russian Foreign Minister Sergei  Lavrov met the Turkish Foreign Minister in  Antalya.";
        let x = crate::test_support::extract(text, "2025-03-05");
        let lavrov = x.mentions.iter().find(|m| m.entity.ends_with("lavrov")).map(|m| m.span);
        assert_eq!(lavrov.map(|s| &text[s.start..s.end]), Some("Sergei  Lavrov"));
        assert!(x.entities.iter().all(|e| e.id != "person:sergei"), "{:?}", x.entities);
        assert!(x.entities.iter().any(|e| e.id == "location:antalya"));
    }
}
