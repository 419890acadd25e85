//! Hard-wrapped text: line breaks that only wrap a paragraph.
//!
//! Plain-text archives (wire feeds, e-mail, text taken out of PDF files) break every
//! line at about 70 characters. Every line break ends a sentence for the segmenter,
//! which is right for headlines, bylines and lists, but would cut "Turkish Foreign
//! Minister\nHakan Fidan" in two. So a document whose lines are wrapped at one width
//! is read with the breaks inside its paragraphs as spaces: one byte for one byte, so
//! every offset into the text read is an offset into the original.
//!
//! What counts as wrapped: at least six lines; the longest lines (the 90th percentile)
//! between 40 and 120 characters; hardly any line much longer; and most lines followed
//! by another line of text. A break is joined when the line before it reaches
//! three-fifths of that width (a short line ends a paragraph, a headline or a list item)
//! and the line after it is text, not a blank line or a new list item.
//!
//! Known misses: a paragraph whose last line happens to be long is joined to the next
//! when no blank line separates them; a word hyphenated at the end of a line stays two.
//! A break after a trailing space or a carriage return ("\r\n") leaves two blanks
//! between the words, which [`super::compacted`] then reads as one.

/// The fewest lines a wrapped document has: fewer say nothing of a width.
const MIN_LINES: usize = 6;

/// The text with the line breaks inside its paragraphs made spaces, if it is
/// hard-wrapped; `None` for text of long lines (the common case, answered from the
/// number of line breaks alone).
pub fn unwrapped(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let breaks = memchr::memchr_iter(b'\n', bytes).count();
    if breaks + 1 < MIN_LINES || text.len() / (breaks + 1) > 120 {
        return None;
    }
    let lines: Vec<(usize, usize)> = line_spans(text).collect();
    let width = wrap_width(text, &lines)?;
    let full = width * 3 / 5;
    let mut out: Option<Vec<u8>> = None;
    for pair in lines.windows(2) {
        let ((start, end), (next_start, next_end)) = (pair[0], pair[1]);
        let this = text[start..end].trim_end();
        let next = text[next_start..next_end].trim();
        if this.chars().count() >= full && !next.is_empty() && !opens_item(next) {
            // The break is the byte at `end` (a `\r` before it is a blank already).
            out.get_or_insert_with(|| bytes.to_vec())[end] = b' ';
        }
    }
    // Only ASCII newlines were replaced by ASCII spaces, so the bytes stay UTF-8.
    out.and_then(|b| String::from_utf8(b).ok())
}

/// Each line's byte range, without its `\n`.
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let span = (start, start + line.len());
        start += line.len() + 1;
        span
    })
}

/// The width the text is wrapped at, in characters, if it is wrapped.
fn wrap_width(text: &str, lines: &[(usize, usize)]) -> Option<usize> {
    let lens: Vec<usize> = lines.iter().map(|&(s, e)| text[s..e].trim_end().chars().count()).collect();
    let mut filled: Vec<usize> = lens.iter().copied().filter(|&n| n > 0).collect();
    if filled.len() < MIN_LINES {
        return None;
    }
    filled.sort_unstable();
    let width = filled[filled.len() * 9 / 10];
    if !(40..=120).contains(&width) {
        return None;
    }
    let too_long = filled.iter().filter(|&&n| n > width + width / 5).count();
    // A line followed by another line of text: most lines of a wrapped paragraph.
    let followed = lens.windows(2).filter(|w| w[0] > 0 && w[1] > 0).count();
    (too_long * 50 <= filled.len() && followed * 2 >= filled.len()).then_some(width)
}

/// Whether a line opens a list item: "- ", "* ", "• ", "1. ", "2) ".
fn opens_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    ["- ", "* ", "• ", "– ", "— "].iter().any(|b| line.starts_with(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "Talks in Oslo\n\
        \n\
        Turkish Foreign Minister Hakan Fidan met his Greek counterpart in\n\
        Oslo on Monday, the first meeting of the two ministers since the\n\
        spring, and said afterwards that both sides wanted to keep talking.\n\
        \n\
        Fidan, who arrived from Ankara on Sunday evening, told reporters\n\
        that the talks had been frank and that a second round was likely\n\
        before the end of the year.\n\
        The list:\n\
        - one item that is long enough to be a wrapped line of the text\n\
        - another item\n";

    #[test]
    fn breaks_inside_paragraphs_become_spaces() {
        let joined = unwrapped(WRAPPED).unwrap_or_default();
        assert_eq!(joined.len(), WRAPPED.len());
        assert!(joined.contains("counterpart in Oslo on Monday"));
        assert!(joined.contains("Talks in Oslo\n\nTurkish"), "a headline keeps its break");
        assert!(joined.contains("talking.\n\nFidan"), "a blank line is a paragraph");
        assert!(
            joined.contains("likely before the end of the year.\nThe list:\n- one"),
            "a short line ends its paragraph"
        );
        assert!(joined.contains("of the text\n- another"), "a list item starts a line");
    }

    #[test]
    fn a_wrapped_name_and_title_are_read_whole() {
        let x = crate::test_support::extract(WRAPPED, "2025-03-05");
        assert!(
            crate::test_support::has_edge(&x, "person:hakan-fidan", "official_of", "country:tr"),
            "{:?}",
            x.relations
        );
        // Spans are into the original text.
        let fidan = x.mentions.iter().find(|m| m.entity == "person:hakan-fidan").map(|m| m.span);
        assert_eq!(fidan.map(|s| &WRAPPED[s.start..s.end]), Some("Hakan Fidan"));
    }

    #[test]
    fn text_of_long_lines_is_not_wrapped() {
        let long = "A paragraph of one long line that goes on and on about talks in Oslo. ".repeat(5);
        let text = format!("Headline\n{long}\n{long}\n{long}\n{long}\n{long}\n{long}\n");
        assert_eq!(unwrapped(&text), None);
        assert_eq!(unwrapped("Short\nlines\nof\na\nlist\nonly\n"), None);
    }
}
