//! Names printed in capitals before their office: the style of UN meetings coverage
//! and of many official summaries.
//!
//! "ANTONY BLINKEN, Secretary of State of the United States, said ..." names a person
//! whom the gazetteers and the name patterns, which read names in title case, would not
//! see. Such a name is read in title case ("Antony Blinken"), letter for letter, so the
//! text keeps its length and every offset found in it is an offset into the original.
//!
//! What counts: at the start of a line, two to six words in capitals (initials and
//! lower-case particles such as "bin" or "al" among them), then a comma and an office
//! ("Secretary", "Minister", "Prosecutor", "President", "Ambassador", ...). A headline
//! in capitals, a dateline ("NEW YORK, Sept. 22 -") or a speaker's label
//! ("SECRETARY BLINKEN:") is not followed by an office and stays as written.
//!
//! Known misses: a name in capitals in the middle of a sentence; a capital letter
//! whose small letter is written with a different number of bytes stays a capital.

/// Words that open an office after the comma.
const OFFICES: &[&str] = &[
    "Acting",
    "Ambassador",
    "Assistant",
    "Chair",
    "Chairman",
    "Chairperson",
    "Chancellor",
    "Chief",
    "Commissioner",
    "Crown",
    "Deputy",
    "Director",
    "Director-General",
    "Emir",
    "Envoy",
    "Executive",
    "Federal",
    "First",
    "Foreign",
    "General",
    "Governor",
    "Head",
    "High",
    "King",
    "Member",
    "Minister",
    "Parliamentary",
    "Permanent",
    "President",
    "Prime",
    "Prosecutor",
    "Queen",
    "Representative",
    "Secretary",
    "Secretary-General",
    "Senator",
    "Special",
    "State",
    "Under-Secretary-General",
    "Vice",
    "Vice-President",
];

/// Lower-case words inside a name in capitals: "MOHAMMED bin ABDULRAHMAN".
const PARTICLES: &[&str] =
    &["bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "del", "van", "von", "der", "la", "le"];

/// The text with every name in capitals before an office in title case; `None` when
/// there is none (the common case, answered by looking at each line's first bytes).
pub fn recased(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    // Every line is asked, but few open with two capitals: only those are cut out.
    // The line breaks are found by memchr (`split` searched for them byte by byte).
    let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1));
    for start in starts {
        if !bytes.get(start..start + 2).is_some_and(|two| two.iter().all(u8::is_ascii_uppercase)) {
            continue;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |n| start + n);
        if let Some(len) = text.get(start..end).and_then(caps_name) {
            let bytes = out.get_or_insert_with(|| text.as_bytes().to_vec());
            title_case(&mut bytes[start..start + len]);
        }
    }
    // Only letters were replaced, each by a letter of the same length.
    out.and_then(|b| String::from_utf8(b).ok())
}

/// The length of the name in capitals that opens `line`, if an office follows it.
fn caps_name(line: &str) -> Option<usize> {
    if line.len() < 8 || !line.as_bytes()[..2].iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    // Within the first 60 bytes: a paragraph is not searched to its end.
    let head = &line.as_bytes()[..line.len().min(62)];
    let comma = memchr::memmem::find(head, b", ")?;
    if comma > 60 {
        return None;
    }
    let name = &line[..comma];
    let words: Vec<&str> = name.split(' ').collect();
    let caps = |w: &str| {
        w.chars().any(char::is_alphabetic)
            && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
    };
    let in_caps = words.iter().filter(|w| caps(w)).count();
    let letters_in_caps =
        words.iter().filter(|w| caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    if !(2..=6).contains(&words.len())
        || letters_in_caps == 0
        || in_caps < 2
        || !words.iter().all(|w| caps(w) || PARTICLES.contains(w))
    {
        return None;
    }
    let after = &line[comma + 2..];
    let office = after.split([' ', ',']).next()?;
    opens_office(office).then_some(comma)
}

/// Whether a word opens an office when it follows a name and a comma without an
/// article: "Secretary", "Minister", "Prosecutor", "President" and the like.
pub fn opens_office(word: &str) -> bool {
    OFFICES.contains(&word)
}

/// Whether lower-case words are an office alone, as "the prime minister" or "the
/// president" refer to someone: no country, no name.
pub fn is_bare_office(words: &str) -> bool {
    matches!(
        words,
        "prime minister" | "president" | "chancellor" | "premier" | "king" | "queen" | "foreign minister" | "minister"
    )
}

/// Each word in `bytes` in title case: its first letter, and a letter after a hyphen
/// or an apostrophe, stay capitals. A letter whose small form has another length
/// stays as it is.
fn title_case(bytes: &mut [u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text.chars() {
        let lower = c.to_lowercase().collect::<String>();
        if word_start || !c.is_uppercase() || lower.len() != c.len_utf8() {
            out.push(c);
        } else {
            out.push_str(&lower);
        }
        word_start = matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.');
    }
    if out.len() == bytes.len() {
        bytes.copy_from_slice(out.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_before_an_office() {
        for (line, want) in [
            ("ANTONY BLINKEN, Secretary of State of the United States, said", Some("Antony Blinken")),
            ("KARIM A. A. KHAN, Prosecutor of the Court, said", Some("Karim A. A. Khan")),
            ("ANTÓNIO GUTERRES, Secretary-General of the United Nations, said", Some("António Guterres")),
            (
                "SHEIKH MOHAMMED bin ABDULRAHMAN AL-THANI, Prime Minister of Qatar",
                Some("Sheikh Mohammed bin Abdulrahman Al-Thani"),
            ),
            ("NEW YORK, Sept. 22 (Reuters) - Talks ended.", None),
            ("SECRETARY BLINKEN: Thank you, Mevlut.", None),
            ("PUTIN AND XI MEET, Officials say", None),
            ("BLINKEN, Secretary of State, said", None),
            ("Antony Blinken, Secretary of State, said", None),
        ] {
            let got = recased(line);
            let name = got.as_deref().map(|t| &t[..t.find(',').unwrap_or(0)]);
            assert_eq!(name, want, "{line}");
            if let Some(t) = &got {
                assert_eq!(t.len(), line.len());
            }
        }
    }

    #[test]
    fn the_person_is_read_with_offsets_into_the_original() {
        let text = "The Council met in New York.\nWANG YI, State Councillor and Minister for Foreign Affairs of China, said talks were needed.\n";
        let x = crate::test_support::extract(text, "2022-09-22");
        let wang = x.mentions.iter().find(|m| m.entity == "person:wang-yi").map(|m| m.span);
        assert_eq!(wang.map(|s| &text[s.start..s.end]), Some("WANG YI"));
    }
}
