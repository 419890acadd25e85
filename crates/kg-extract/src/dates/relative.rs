//! Dates read against the publication date: a month and day without a year, a weekday
//! (the past one, or the coming one in a clause about the future), and relative phrases
//! such as "last week" and "today".

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::DateValue;

/// Resolves a month and day without a year against the publication date: the nearest
/// year that puts it no more than ~10 months after publication.
pub(super) fn anchor_year(month: u32, day: u32, published: Option<NaiveDate>) -> Option<DateValue> {
    let published = published?;
    let mut year = published.year();
    let candidate = NaiveDate::from_ymd_opt(year, month, day)?;
    if candidate > published.checked_add_days(Days::new(300))? {
        year -= 1;
    }
    NaiveDate::from_ymd_opt(year, month, day).map(DateValue::day)
}

pub(super) fn weekday(name: &str) -> Option<Weekday> {
    name.parse::<Weekday>().ok()
}

/// Verbs in the past that tell a clause is about what happened.
#[rustfmt::skip]
const PAST: &[&str] = &[
    "met", "said", "says", "told", "was", "were", "had", "did", "held", "spoke", "came", "took", "left",
    "began", "went", "flew", "saw", "gave", "made",
];

/// Whether a weekday at `at` is still to come: its clause speaks of the future or of a
/// plan ("will travel to Washington on Monday", "is due to ... on Tuesday", "planned
/// for Wednesday", "ahead of a summit on Sunday", "next Friday"). Read back word by
/// word to the sentence start or to a verb in the past ("met", "said", "arrived"):
/// "said he would meet X on Thursday" looks ahead, "met X on Thursday" does not.
pub(super) fn looks_ahead(text: &str, at: usize) -> bool {
    ahead(text, at) != Ahead::No
}

/// How a clause looks at a date: not ahead, ahead of now, or ahead of a past moment
/// ("said in July that he would visit in August").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ahead {
    No,
    Yes,
    FromThePast,
}

/// [`looks_ahead`], telling "would" (the future of a past moment) apart.
pub(super) fn ahead(text: &str, at: usize) -> Ahead {
    let head = text.get(..at).unwrap_or("");
    let start = head.rfind(['.', ';', '!', '?', '\n']).map_or(0, |i| i + 1);
    let words: Vec<String> = head[start..]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let n = words.len();
    for k in (n.saturating_sub(16)..n).rev() {
        let (w, after) = (words[k].as_str(), words.get(k + 1).map_or("", String::as_str));
        let before = if k > 0 { words[k - 1].as_str() } else { "" };
        if k + 1 == n && matches!(w, "next" | "coming") {
            return Ahead::Yes;
        }
        if k + 1 == n && matches!(w, "last" | "past" | "previous") {
            return Ahead::No;
        }
        if w == "would" {
            return Ahead::FromThePast;
        }
        let plan = matches!(w, "will" | "shall" | "due" | "scheduled" | "planned" | "expected" | "set")
            || (w == "to" && matches!(before, "is" | "are"));
        if plan || (w == "ahead" && after == "of") || w.ends_with("'ll") || w.ends_with("\u{2019}ll") {
            return Ahead::Yes;
        }
        // "will be held on Monday": a participle after "be" is no past tense.
        let past = PAST.contains(&w) || (w.ends_with("ed") && w.len() > 4);
        if past && !matches!(before, "be" | "been" | "being") {
            return Ahead::No;
        }
    }
    // "On Saturday, el-Sisi is to host a summit": a date that opens its sentence takes
    // the tense of the clause after it.
    if n <= 1 && fronted_looks_ahead(text.get(at..).unwrap_or("")) {
        Ahead::Yes
    } else {
        Ahead::No
    }
}

/// Whether the clause after a fronted date (its first word is the date's) speaks of the
/// future, read up to its first verb in the past.
fn fronted_looks_ahead(rest: &str) -> bool {
    let end = rest.find(['.', ';', '!', '?', '\n']).unwrap_or(rest.len());
    let words: Vec<String> = rest[..end]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .take(12)
        .map(str::to_ascii_lowercase)
        .collect();
    let mut before = "";
    for w in &words {
        let w = w.as_str();
        if matches!(w, "will" | "shall" | "due" | "scheduled" | "expected")
            || (w == "to" && matches!(before, "is" | "are"))
        {
            return true;
        }
        if w.ends_with("ed") && w.len() > 4 || PAST.contains(&w) {
            return false;
        }
        before = w;
    }
    false
}

pub(super) fn relative(phrase: &str, p: NaiveDate) -> Option<DateValue> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    match words.as_slice() {
        ["today"] | ["earlier", "in", "the", "day"] => Some(DateValue::day(p)),
        ["yesterday"] => p.checked_sub_days(Days::new(1)).map(DateValue::day),
        ["tomorrow"] => p.checked_add_days(Days::new(1)).map(DateValue::day),
        ["last", "week"] => p.checked_sub_days(Days::new(7)).map(DateValue::month),
        ["earlier", "this", "month"] | ["this", "month"] | ["this", "week"] => Some(DateValue::month(p)),
        ["last", "month"] => p.checked_sub_months(Months::new(1)).map(DateValue::month),
        ["this", "year"] | ["earlier", "this", "year"] => Some(DateValue { year: p.year(), month: None, day: None }),
        ["last", "year"] => Some(DateValue { year: p.year() - 1, month: None, day: None }),
        ["next", "year"] => Some(DateValue { year: p.year() + 1, month: None, day: None }),
        _ => None,
    }
}
