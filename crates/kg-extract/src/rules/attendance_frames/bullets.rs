//! Lists set out as bullet lines after a colon, as readouts and press releases print
//! delegations: "The delegation comprised:\n- Mr A, Minister of X;\n- Ms B, ...".

use crate::analysis::Analysis;
use crate::model::{EntityKind, Span};

/// The first person of each bullet line ("- ", "• ", "* ", "1. ") that follows the colon
/// at token `colon` on lines of their own; empty when the colon does not end its line.
pub(super) fn bullet_items(a: &Analysis, colon: usize) -> Vec<(usize, Span)> {
    let text = a.text;
    let mut pos = a.toks[colon].span.end;
    let Some(newline) = text[pos..].find('\n') else { return Vec::new() };
    if !text[pos..pos + newline].trim().is_empty() {
        return Vec::new();
    }
    pos += newline + 1;
    let mut out: Vec<(usize, Span)> = Vec::new();
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |k| pos + k);
        if !is_bullet(text[pos..line_end].trim_start()) {
            break;
        }
        let first = a
            .mentions_within(Span::new(pos, line_end))
            .filter(|m| m.kind == EntityKind::Person)
            .min_by_key(|m| m.span.start);
        if let Some(m) = first {
            if !out.iter().any(|&(e, _)| e == m.ent) {
                out.push((m.ent, m.span));
            }
        }
        pos = line_end + 1;
    }
    out
}

/// Whether a line opens with a bullet or an item number ("3.", "3)").
fn is_bullet(line: &str) -> bool {
    if line.starts_with(['-', '\u{2022}', '*', '\u{2013}', '\u{2014}', '\u{b7}']) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 2 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn a_delegation_set_out_line_by_line() {
        let text = "The Kenyan delegation, led by President Amos Kiprono, comprised:\n\
                    - Ms Anna Brown, Minister of Foreign Affairs;\n\
                    - Mr Tom Price, Minister of Trade.\n\
                    The talks began on Monday.";
        let x = extract(text, "2025-03-05");
        for p in ["person:anna-brown", "person:tom-price"] {
            assert!(has_edge(&x, p, "member_of", "delegation:ke"), "{p}: {:?}", x.relations);
        }
    }

    #[test]
    fn bullets_and_numbers() {
        for (line, want) in [("- A", true), ("\u{2022} A", true), ("12. A", true), ("3) A", true), ("2025. A", false)] {
            assert_eq!(super::is_bullet(line), want, "{line}");
        }
    }
}
