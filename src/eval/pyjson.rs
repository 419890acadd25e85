//! Where and why Python's `json.loads` rejects a text: score.py shows that message for a
//! command whose output is not JSON, so `kg eval` finds the same first error (same
//! wording, line, column and character offset) by scanning as Python's decoder does.

/// Python's JSON error message for `s`, or `None` where Python would accept it.
pub fn loads_error(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let (msg, pos) = check(&chars).err()?;
    let before = &chars[..pos.min(chars.len())];
    let line = before.iter().filter(|&&c| c == '\n').count() + 1;
    let column = pos - before.iter().rposition(|&c| c == '\n').map_or(0, |i| i + 1) + 1;
    Some(format!("{msg}: line {line} column {column} (char {pos})"))
}

type Scan = Result<usize, (&'static str, usize)>;

fn check(s: &[char]) -> Result<(), (&'static str, usize)> {
    if s.first() == Some(&'\u{feff}') {
        return Err(("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0));
    }
    let end = value(s, ws(s, 0))?;
    let end = ws(s, end);
    if end != s.len() {
        return Err(("Extra data", end));
    }
    Ok(())
}

fn ws(s: &[char], mut i: usize) -> usize {
    while matches!(s.get(i), Some(' ' | '\t' | '\n' | '\r')) {
        i += 1;
    }
    i
}

fn starts(s: &[char], i: usize, word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    s.get(i..i + w.len()) == Some(w.as_slice())
}

/// One value at `i`: the index after it.
fn value(s: &[char], i: usize) -> Scan {
    const EXPECTING: &str = "Expecting value";
    match s.get(i) {
        None => Err((EXPECTING, i)),
        Some('"') => string(s, i + 1),
        Some('{') => object(s, i + 1),
        Some('[') => array(s, i + 1),
        Some(_) => {
            for word in ["null", "true", "false", "NaN", "Infinity", "-Infinity"] {
                if starts(s, i, word) {
                    return Ok(i + word.chars().count());
                }
            }
            number(s, i).ok_or((EXPECTING, i))
        }
    }
}

/// `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`
fn number(s: &[char], i: usize) -> Option<usize> {
    let digits = |mut j: usize| {
        let from = j;
        while s.get(j).is_some_and(char::is_ascii_digit) {
            j += 1;
        }
        (j > from).then_some(j)
    };
    let mut j = i + usize::from(s.get(i) == Some(&'-'));
    j = match s.get(j) {
        Some('0') => j + 1,
        Some('1'..='9') => digits(j)?,
        _ => return None,
    };
    if s.get(j) == Some(&'.') {
        if let Some(k) = digits(j + 1) {
            j = k;
        }
    }
    if matches!(s.get(j), Some('e' | 'E')) {
        let sign = usize::from(matches!(s.get(j + 1), Some('+' | '-')));
        if let Some(k) = digits(j + 1 + sign) {
            j = k;
        }
    }
    Some(j)
}

/// A string whose opening quote is at `i - 1`.
fn string(s: &[char], i: usize) -> Scan {
    let begin = i - 1;
    let unterminated = ("Unterminated string starting at", begin);
    let mut j = i;
    loop {
        match s.get(j) {
            None => return Err(unterminated),
            Some('"') => return Ok(j + 1),
            Some('\\') => match s.get(j + 1) {
                None => return Err(unterminated),
                Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') => j += 2,
                Some('u') => {
                    let unit = hex_escape(s, j)?;
                    j += 6;
                    // a high surrogate takes the next \u escape with it
                    let high = (0xd800..0xdc00).contains(&unit);
                    if high && s.get(j) == Some(&'\\') && s.get(j + 1) == Some(&'u') {
                        hex_escape(s, j)?;
                        j += 6;
                    }
                }
                Some(_) => return Err(("Invalid \\escape", j)),
            },
            Some(&c) if (c as u32) < 0x20 => return Err(("Invalid control character at", j)),
            Some(_) => j += 1,
        }
    }
}

/// The code unit of the `\uXXXX` escape whose backslash is at `j`; Python wants a
/// character after it.
fn hex_escape(s: &[char], j: usize) -> Result<u32, (&'static str, usize)> {
    let invalid = ("Invalid \\uXXXX escape", j + 1);
    if j + 6 >= s.len() {
        return Err(invalid);
    }
    let hex: String = s[j + 2..j + 6].iter().collect();
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid);
    }
    u32::from_str_radix(&hex, 16).map_err(|_| invalid)
}

/// An object whose `{` is at `i - 1`.
fn object(s: &[char], i: usize) -> Scan {
    const NAME: &str = "Expecting property name enclosed in double quotes";
    let mut end = ws(s, i);
    match s.get(end) {
        Some('}') => return Ok(end + 1),
        Some('"') => {}
        _ => return Err((NAME, end)),
    }
    end += 1;
    loop {
        end = ws(s, string(s, end)?);
        if s.get(end) != Some(&':') {
            return Err(("Expecting ':' delimiter", end));
        }
        end = ws(s, value(s, ws(s, end + 1))?);
        match s.get(end) {
            Some('}') => return Ok(end + 1),
            Some(',') => {}
            _ => return Err(("Expecting ',' delimiter", end)),
        }
        end = ws(s, end + 1);
        if s.get(end) != Some(&'"') {
            return Err((NAME, end));
        }
        end += 1;
    }
}

/// An array whose `[` is at `i - 1`.
fn array(s: &[char], i: usize) -> Scan {
    let mut end = ws(s, i);
    if s.get(end) == Some(&']') {
        return Ok(end + 1);
    }
    loop {
        end = ws(s, value(s, end)?);
        match s.get(end) {
            Some(']') => return Ok(end + 1),
            Some(',') => {}
            _ => return Err(("Expecting ',' delimiter", end)),
        }
        end = ws(s, end + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::loads_error;

    #[test]
    fn messages_match_python() {
        // expected values are Python 3's json.loads messages
        let cases = [
            ("", "Expecting value: line 1 column 1 (char 0)"),
            ("  \n ", "Expecting value: line 2 column 2 (char 4)"),
            ("kg: error", "Expecting value: line 1 column 1 (char 0)"),
            ("{} {}", "Extra data: line 1 column 4 (char 3)"),
            ("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
            ("{\"a\": 1,}", "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)"),
            ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            ("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
            ("\"a\\x\"", "Invalid \\escape: line 1 column 3 (char 2)"),
            ("\"\\u12g4\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
            ("\"a\nb\"", "Invalid control character at: line 1 column 3 (char 2)"),
            ("-", "Expecting value: line 1 column 1 (char 0)"),
            ("\"\\u00e9", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"),
            ("\"\\ud83d\\u12\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"),
            ("\"\\ud83d\\x\"", "Invalid \\escape: line 1 column 8 (char 7)"),
            ("01", "Extra data: line 1 column 2 (char 1)"),
        ];
        for (text, want) in cases {
            assert_eq!(loads_error(text).as_deref(), Some(want), "{text:?}");
        }
        assert_eq!(loads_error("{\"a\": [1, 2.5e3, null, NaN]}"), None);
    }
}
