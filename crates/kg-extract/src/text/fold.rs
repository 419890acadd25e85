/// Lower-case ASCII form used to compare names: accents removed, curly quotes
/// straightened, so "Erdoğan" and "Erdogan" compare equal.
pub fn fold(s: &str) -> String {
    // Most names are ASCII: only the case changes, in one pass.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
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
    // `fold` gives ASCII: the slug is made in its buffer, byte by byte.
    let mut out = fold(s).into_bytes();
    let mut len = 0;
    for i in 0..out.len() {
        let b = out[i];
        if b.is_ascii_alphanumeric() {
            out[len] = b;
            len += 1;
        } else if len > 0 && out[len - 1] != b'-' {
            out[len] = b'-';
            len += 1;
        }
    }
    while len > 0 && out[len - 1] == b'-' {
        len -= 1;
    }
    out.truncate(len);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A spelling key that survives transliteration: Zelenskyy, Zelensky and Zelenskiy
/// share one.
pub fn translit_key(name: &str) -> String {
    translit_key_of_folded(&fold(name))
}

/// [`translit_key`] of a string already passed through [`fold`].
///
/// Works on bytes and keeps the last byte pushed at hand: it runs for every word a
/// surname key is made of. Non-ASCII characters (a caller's string may have some) are
/// copied as they are, never merged with a neighbour.
pub fn translit_key_of_folded(folded: &str) -> String {
    /// `last` when nothing was pushed, or a non-ASCII character was: no ASCII byte.
    const NONE: u8 = 0xFF;
    let f = folded.as_bytes();
    let mut out = String::with_capacity(f.len());
    let mut last = NONE;
    let mut i = 0;
    while let Some(&b) = f.get(i) {
        if !b.is_ascii() {
            let c = folded.get(i..).and_then(|rest| rest.chars().next()).unwrap_or('\u{fffd}');
            out.push(c);
            last = NONE;
            i += c.len_utf8();
            continue;
        }
        // No rule looks for a NUL after a letter: it stands for the end here.
        let next = f.get(i + 1).copied().unwrap_or(0);
        let mut step = 1;
        let c = match b {
            b'k' if next == b'h' => {
                step = 2;
                b'h'
            }
            b'o' if next == b'u' => {
                step = 2;
                b'u'
            }
            b't' if next == b's' => {
                step = 2;
                b'c'
            }
            b'w' => b'v',
            b'y' => b'i',
            // A final "-ij" is "-i" ("Medinskij").
            b'j' if i + 1 == f.len() && last == b'i' => break,
            _ => b,
        };
        if c != last {
            out.push(char::from(c));
            last = c;
        }
        i += step;
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

    /// The char-by-char implementation `translit_key_of_folded` replaced.
    fn translit_reference(folded: &str) -> String {
        let f = folded.as_bytes();
        let mut out = String::with_capacity(f.len());
        let mut i = 0;
        while i < f.len() {
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

    #[test]
    fn translit_keys() {
        for (input, want) in [("zelenskyy", "zelenski"), ("medinskij", "medinski"), ("khoutsw", "hucv"), ("", "")] {
            assert_eq!(translit_key_of_folded(input), want);
        }
    }

    /// The char-by-char `slug` the in-place one replaced.
    fn slug_reference(s: &str) -> String {
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

    proptest::proptest! {
        #[test]
        fn slug_matches_reference(s in "[aZ9 ,'’ğé–-]{0,12}") {
            proptest::prop_assert_eq!(slug(&s), slug_reference(&s));
        }

        #[test]
        fn translit_matches_reference(s in "[khoutswyjiaé'ğ -]{0,12}") {
            proptest::prop_assert_eq!(translit_key_of_folded(&s), translit_reference(&s));
        }
    }
}
