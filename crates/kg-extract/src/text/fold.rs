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

/// A spelling key that survives transliteration: Zelenskyy, Zelensky and Zelenskiy
/// share one.
pub fn translit_key(name: &str) -> String {
    translit_key_of_folded(&fold(name))
}

/// [`translit_key`] of a string already passed through [`fold`].
pub fn translit_key_of_folded(folded: &str) -> String {
    let f = folded.as_bytes();
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        // `fold` gives ASCII, but a caller's string may not be: copy other characters.
        if !f[i].is_ascii() {
            let c = folded[i..].chars().next().unwrap_or('\u{fffd}');
            out.push(c);
            i += c.len_utf8().max(1);
            continue;
        }
        let next = f.get(i + 1).copied();
        let c = match (f[i], next) {
            (b'k', Some(b'h')) => {
                i += 1;
                'h'
            }
            (b'o', Some(b'u')) => {
                i += 1;
                'u'
            }
            (b't', Some(b's')) => {
                i += 1;
                'c'
            }
            (b'w', _) => 'v',
            (b'y', _) => 'i',
            // A final "-ij" is "-i" ("Medinskij").
            (b'j', None) if out.ends_with('i') => {
                i += 1;
                continue;
            }
            (c, _) => char::from(c),
        };
        if !out.ends_with(c) {
            out.push(c);
        }
        i += 1;
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
