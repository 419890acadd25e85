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
    let f: Vec<char> = fold(name).chars().collect();
    let mut out = String::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        let next = f.get(i + 1).copied();
        let c = match (f[i], next) {
            ('k', Some('h')) | ('o', Some('u')) => {
                i += 1;
                if f[i - 1] == 'k' {
                    'h'
                } else {
                    'u'
                }
            }
            ('t', Some('s')) => {
                i += 1;
                'c'
            }
            ('w', _) => 'v',
            ('y', _) => 'i',
            // A final "-ij" is "-i" ("Medinskij").
            ('j', None) if out.ends_with('i') => {
                i += 1;
                continue;
            }
            (c, _) => c,
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
