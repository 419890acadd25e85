//! The date pattern of `scan::pattern`, matched by hand at one position: what the
//! anchored regex search found there, groups and all, for a text whose only digits are
//! ASCII ones (`scan::candidates` sends other texts to the regex).
//!
//! The regex's search (a bounded backtracker) cost several thousand instructions per
//! candidate position, more than the rest of the date scan. Every piece of the pattern
//! is a literal, a class or an optional part, so its leftmost-first backtracking is a
//! handful of choices tried in the regex's order: an optional part present before
//! absent, two digits before one. A `\s+` or `\s*` is always followed by something
//! other than white space, so only its longest run can match. A test compares this
//! with the regex on generated texts.

use super::scan::Group;
use crate::model::Span;

/// One match of the date pattern: its span and the byte range of each group that took
/// part, indexed by [`Group`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub(super) span: Span,
    pub(super) groups: [Option<(usize, usize)>; 13],
}

impl DateMatch {
    pub(super) fn group(&self, g: Group) -> Option<(usize, usize)> {
        self.groups[g as usize]
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The relative phrases, in the pattern's order; a word's first letter may be either
/// case where the pattern says so (`[Tt]oday`), marked by a leading `^`.
const RELATIVE: &[&[&str]] = &[
    &["^today"],
    &["^yesterday"],
    &["^tomorrow"],
    &["last", "week"],
    &["earlier", "this", "month"],
    &["this", "month"],
    &["last", "month"],
    &["earlier", "in", "the", "day"],
    &["this", "week"],
    &["earlier", "this", "year"],
    &["this", "year"],
    &["last", "year"],
    &["next", "year"],
];

/// `(?-u:\w)` of the byte at `at` (none past either end).
fn word_byte(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `(?-u:\b)` at `at`.
fn boundary(bytes: &[u8], at: usize) -> bool {
    let before = at.checked_sub(1).is_some_and(|p| word_byte(bytes, p));
    before != word_byte(bytes, at)
}

/// The end of the longest run of white space (`\s`) from `at`.
fn blanks(text: &str, mut at: usize) -> usize {
    loop {
        match text.as_bytes().get(at) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => at += 1,
            Some(&b) if b >= 0x80 => match text.get(at..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_whitespace() => at += c.len_utf8(),
                _ => return at,
            },
            _ => return at,
        }
    }
}

/// `\s+` from `at`: the end of the run, if there is one.
fn blanks1(text: &str, at: usize) -> Option<usize> {
    Some(blanks(text, at)).filter(|&end| end > at)
}

/// The end of `n` ASCII digits from `at`, if there are that many.
fn digits(bytes: &[u8], at: usize, n: usize) -> Option<usize> {
    bytes.get(at..at + n).filter(|d| d.iter().all(u8::is_ascii_digit)).map(|_| at + n)
}

/// The end of the literal `lit` at `at`.
fn literal(bytes: &[u8], at: usize, lit: &str) -> Option<usize> {
    bytes.get(at..).filter(|rest| rest.starts_with(lit.as_bytes())).map(|_| at + lit.len())
}

/// The end of the first of `words` found at `at`: no two of them start one text.
fn one_of(bytes: &[u8], at: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| literal(bytes, at, w))
}

/// The date that the pattern matches from `s`, a char boundary, anchored there.
pub(super) fn match_at(text: &str, s: usize) -> Option<DateMatch> {
    let bytes = text.as_bytes();
    if !boundary(bytes, s) {
        return None;
    }
    let mut groups = [None; 13];
    let mut found = |end: usize, set: &[(Group, (usize, usize))]| {
        for &(g, range) in set {
            groups[g as usize] = Some(range);
        }
        Some(end)
    };
    let end = day_month(text, s, &mut found)
        .or_else(|| month_day(text, s, &mut found))
        .or_else(|| {
            // MONTH \s+ \d{4} \b
            let month = one_of(bytes, s, MONTHS)?;
            let year = blanks1(text, month)?;
            let end = digits(bytes, year, 4).filter(|&e| boundary(bytes, e))?;
            found(end, &[(Group::MyMonth, (s, month)), (Group::MyYear, (year, end))])
        })
        .or_else(|| {
            // (?:in|since|until) \s+ (?:19|20)\d{2} \b
            let year = blanks1(text, one_of(bytes, s, &["in", "since", "until"])?)?;
            one_of(bytes, year, &["19", "20"])?;
            let end = digits(bytes, year, 4).filter(|&e| boundary(bytes, e))?;
            found(end, &[(Group::YYear, (year, end))])
        })
        .or_else(|| {
            // (?:on \s+)? WEEKDAY \b
            let after_on = literal(bytes, s, "on").and_then(|on| blanks1(text, on));
            let weekday = |at: usize| one_of(bytes, at, WEEKDAYS).filter(|&e| boundary(bytes, e)).map(|e| (at, e));
            let (from, end) = after_on.and_then(weekday).or_else(|| weekday(s))?;
            found(end, &[(Group::Weekday, (from, end))])
        })
        .or_else(|| {
            let end = RELATIVE.iter().find_map(|words| relative_at(text, s, words))?;
            found(end, &[(Group::Rel, (s, end))])
        })?;
    groups[0] = Some((s, end));
    Some(DateMatch { span: Span::new(s, end), groups })
}

/// `DAY \s+ MONTH (?:,? \s+ YEAR)? \b`, with the day's two digits tried before one.
fn day_month(
    text: &str,
    s: usize,
    found: &mut impl FnMut(usize, &[(Group, (usize, usize))]) -> Option<usize>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    [2, 1].into_iter().find_map(|n| {
        let day = digits(bytes, s, n)?;
        let month_at = blanks1(text, day)?;
        let month = one_of(bytes, month_at, MONTHS)?;
        let groups = [(Group::DmDay, (s, day)), (Group::DmMonth, (month_at, month))];
        // The year: after a comma, or not.
        let comma = literal(bytes, month, ",").unwrap_or(month);
        let year = blanks1(text, comma).and_then(|y| Some((y, digits(bytes, y, 4)?)));
        match year.filter(|&(_, e)| boundary(bytes, e)) {
            Some((y, e)) => found(e, &[groups[0], groups[1], (Group::DmYear, (y, e))]),
            None => boundary(bytes, month).then(|| found(month, &groups)).flatten(),
        }
    })
}

/// `MONTH \s+ DAY (?:st|nd|rd|th)? (\s* [-–] \s* \d{1,2})? (?:, \s* YEAR)? \b`, each
/// optional part tried present first, each count of digits longest first.
fn month_day(
    text: &str,
    s: usize,
    found: &mut impl FnMut(usize, &[(Group, (usize, usize))]) -> Option<usize>,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let month = one_of(bytes, s, MONTHS)?;
    let day_at = blanks1(text, month)?;
    for n in [2, 1] {
        let Some(day) = digits(bytes, day_at, n) else { continue };
        let suffixed = one_of(bytes, day, &["st", "nd", "rd", "th"]);
        for after_day in suffixed.into_iter().chain([day]) {
            // The ends of the range, two digits before one, then none.
            let dash = blanks(text, after_day);
            let dash_end = one_of(bytes, dash, &["-", "\u{2013}"]).map(|d| blanks(text, d));
            let range_ends = [2, 1].map(|m| dash_end.and_then(|d| digits(bytes, d, m)));
            for range_end in range_ends.into_iter().flatten().map(Some).chain([None]) {
                let before_year = range_end.unwrap_or(after_day);
                let year = literal(bytes, before_year, ",").map(|c| blanks(text, c));
                let year = year.and_then(|y| Some((y, digits(bytes, y, 4)?))).filter(|&(_, e)| boundary(bytes, e));
                let end = year.map_or(before_year, |(_, e)| e);
                if year.is_none() && !boundary(bytes, end) {
                    continue;
                }
                let (month, day) = ((Group::MdMonth, (s, month)), (Group::MdDay, (day_at, day)));
                let range = range_end.map(|r| (Group::MdRange, (after_day, r)));
                // The groups that took part, in an array: no allocation per match.
                let mut set = [month; 4];
                let mut n = 0;
                for part in [Some(month), Some(day), range, year.map(|y| (Group::MdYear, y))].into_iter().flatten() {
                    set[n] = part;
                    n += 1;
                }
                return found(end, &set[..n]);
            }
        }
    }
    None
}

/// The end of the relative phrase `words` (separated by `\s+`) at `s`, when a word
/// boundary follows it.
fn relative_at(text: &str, s: usize, words: &[&str]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = s;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            at = blanks1(text, at)?;
        }
        at = match w.strip_prefix('^') {
            // Either case of the first letter, the rest as written.
            Some(w) => {
                bytes.get(at).filter(|b| b.to_ascii_lowercase() == w.as_bytes()[0])?;
                literal(bytes, at + 1, &w[1..])?
            }
            None => literal(bytes, at, w)?,
        };
    }
    boundary(bytes, at).then_some(at)
}
