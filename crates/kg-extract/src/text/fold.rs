/// Lower-case ASCII form used to compare names: accents removed, curly quotes
/// straightened, so "Erdoğan" and "Erdogan" compare equal.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\u{2019}' || c == '\u{2018}' {
            out.push('\'');
        } else {
            out.push_str(&deunicode::deunicode_char(c).unwrap_or("").to_ascii_lowercase());
        }
    }
    out
}

/// Id-safe form of a name: folded, runs of anything but letters and digits become `-`.
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_quotes() {
        for (input, want) in [("Erdoğan", "erdogan"), ("Türkiye", "turkiye"), ("O’Brien", "o'brien")] {
            assert_eq!(fold(input), want);
        }
    }

    #[test]
    fn slugs() {
        for (input, want) in [
            ("Vladimir Putin", "vladimir-putin"),
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("  NATO's  summit! ", "nato-s-summit"),
            ("", ""),
        ] {
            assert_eq!(slug(input), want);
        }
    }
}
