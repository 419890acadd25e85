//! HTML character references: the named ones news pages use, and numeric ones.
//!
//! The names are those of HTML 4 (Latin-1, punctuation, symbols) plus the HTML 5 names of
//! the Latin Extended-A letters in European names (`&scaron;`, `&Gbreve;`, `&lstrok;`...).
//! Invisible formatting characters (soft hyphen, zero-width joiners, direction marks)
//! decode to nothing, so that "Zelen&shy;sky" stays one word. Unknown names are left as
//! written, as browsers do.

/// Latin-1 names, for U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Other names and their characters.
const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("Amacr", '\u{100}'),
    ("amacr", '\u{101}'),
    ("Abreve", '\u{102}'),
    ("abreve", '\u{103}'),
    ("Aogon", '\u{104}'),
    ("aogon", '\u{105}'),
    ("Cacute", '\u{106}'),
    ("cacute", '\u{107}'),
    ("Ccaron", '\u{10c}'),
    ("ccaron", '\u{10d}'),
    ("Dcaron", '\u{10e}'),
    ("dcaron", '\u{10f}'),
    ("Dstrok", '\u{110}'),
    ("dstrok", '\u{111}'),
    ("Emacr", '\u{112}'),
    ("emacr", '\u{113}'),
    ("Eogon", '\u{118}'),
    ("eogon", '\u{119}'),
    ("Ecaron", '\u{11a}'),
    ("ecaron", '\u{11b}'),
    ("Gbreve", '\u{11e}'),
    ("gbreve", '\u{11f}'),
    ("Idot", '\u{130}'),
    ("imath", '\u{131}'),
    ("inodot", '\u{131}'),
    ("Lstrok", '\u{141}'),
    ("lstrok", '\u{142}'),
    ("Nacute", '\u{143}'),
    ("nacute", '\u{144}'),
    ("Ncaron", '\u{147}'),
    ("ncaron", '\u{148}'),
    ("Odblac", '\u{150}'),
    ("odblac", '\u{151}'),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Rcaron", '\u{158}'),
    ("rcaron", '\u{159}'),
    ("Sacute", '\u{15a}'),
    ("sacute", '\u{15b}'),
    ("Scedil", '\u{15e}'),
    ("scedil", '\u{15f}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Tcedil", '\u{162}'),
    ("tcedil", '\u{163}'),
    ("Uring", '\u{16e}'),
    ("uring", '\u{16f}'),
    ("Udblac", '\u{170}'),
    ("udblac", '\u{171}'),
    ("Yuml", '\u{178}'),
    ("Zacute", '\u{179}'),
    ("zacute", '\u{17a}'),
    ("Zdot", '\u{17b}'),
    ("zdot", '\u{17c}'),
    ("Zcaron", '\u{17d}'),
    ("zcaron", '\u{17e}'),
    ("fnof", '\u{192}'),
    ("circ", '\u{2c6}'),
    ("tilde", '\u{2dc}'),
    ("ensp", ' '),
    ("emsp", ' '),
    ("thinsp", ' '),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("bull", '\u{2022}'),
    ("hellip", '\u{2026}'),
    ("permil", '\u{2030}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("oline", '\u{203e}'),
    ("euro", '\u{20ac}'),
    ("trade", '\u{2122}'),
    ("minus", '\u{2212}'),
];

/// Names that decode to nothing.
const INVISIBLE: &[&str] = &["shy", "zwnj", "zwj", "lrm", "rlm"];

/// Windows-1252 characters for the C1 code points 0x80 to 0x9F, which pages written on
/// Windows use in numeric references (`&#146;` for a right single quote), as browsers read
/// them. `None`: the code point itself.
const C1: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{2c6}'),
    Some('\u{2030}'),
    Some('\u{160}'),
    Some('\u{2039}'),
    Some('\u{152}'),
    None,
    Some('\u{17d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{2dc}'),
    Some('\u{2122}'),
    Some('\u{161}'),
    Some('\u{203a}'),
    Some('\u{153}'),
    None,
    Some('\u{17e}'),
    Some('\u{178}'),
];

/// What a named reference (`name` without `&` and `;`) stands for: `Some(None)` for the
/// invisible ones, `None` when the name is unknown.
pub fn named(name: &str) -> Option<Option<char>> {
    if INVISIBLE.contains(&name) {
        return Some(None);
    }
    if let Some(i) = LATIN1.iter().position(|&n| n == name) {
        // `i` < 96, so the code point is in U+00A0..=U+00FF.
        return Some(char::from_u32(0xA0 + i as u32));
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|&(_, c)| Some(c))
}

/// The character of a numeric reference: U+FFFD for NUL, surrogates and values beyond
/// Unicode, Windows-1252 for the C1 range.
pub fn numeric(value: u32) -> char {
    match value {
        0x80..=0x9F => C1[(value - 0x80) as usize].or(char::from_u32(value)).unwrap_or(char::REPLACEMENT_CHARACTER),
        0 => char::REPLACEMENT_CHARACTER,
        _ => char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(named("eacute"), Some(Some('é')));
        assert_eq!(named("nbsp"), Some(Some('\u{a0}')));
        assert_eq!(named("yuml"), Some(Some('ÿ')));
        assert_eq!(named("gbreve"), Some(Some('ğ')));
        assert_eq!(named("shy"), Some(None));
        assert_eq!(named("bogus"), None);
        assert_eq!(numeric(0x2019), '\u{2019}');
        assert_eq!(numeric(146), '\u{2019}');
        assert_eq!(numeric(0x81), '\u{81}');
        assert_eq!(numeric(0xD800), '\u{fffd}');
        assert_eq!(numeric(0x11_0000), '\u{fffd}');
        assert_eq!(numeric(0), '\u{fffd}');
    }
}
