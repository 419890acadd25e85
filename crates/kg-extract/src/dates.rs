//! Dates in news text, absolute ("May 16", "March 2022", "16 May 2025") or relative to
//! the publication date ("Tuesday", "last week", "today").

mod anchored;
mod bare_month;
mod relative;
mod scan;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::Span;

use anchored::DateMatch;
use relative::{anchor_year, looks_ahead, relative, weekday};
use scan::{matches, Group};

/// A date known to the day, the month or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateValue {
    /// The day of a calendar date.
    pub fn from_date(d: NaiveDate) -> Self {
        DateValue::day(d)
    }

    fn day(d: NaiveDate) -> Self {
        DateValue { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }

    fn month(d: NaiveDate) -> Self {
        DateValue { year: d.year(), month: Some(d.month()), day: None }
    }

    /// Whether two dates can name the same day: equal where both are known.
    pub fn compatible(self, other: DateValue) -> bool {
        self.year == other.year
            && (self.month.is_none() || other.month.is_none() || self.month == other.month)
            && (self.day.is_none() || other.day.is_none() || self.day == other.day)
    }

    /// How many calendar months this date lies before `published` (a date without a
    /// month counts as its December; 0 for one in the same month or after).
    pub fn months_before(self, published: NaiveDate) -> i64 {
        let months = |year: i32, month: u32| i64::from(year) * 12 + i64::from(month);
        (months(published.year(), published.month()) - months(self.year, self.month.unwrap_or(12))).max(0)
    }

    /// More precise of two compatible dates.
    pub fn finer(self, other: DateValue) -> DateValue {
        let precision = |d: DateValue| d.month.is_some() as u8 + d.day.is_some() as u8;
        if precision(other) > precision(self) {
            other
        } else {
            self
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A date expression found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub value: DateValue,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(name: &str) -> Option<u32> {
    // Compared ignoring ASCII case: no lower-case copy per match.
    let prefix = name.get(..3)?;
    MONTHS.iter().position(|m| m[..3].eq_ignore_ascii_case(prefix)).map(|i| i as u32 + 1)
}

/// Finds the date expressions of a text. Relative ones need the publication date.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found: Vec<DateMention> = matches(text)
        .into_iter()
        .filter_map(|m| Some(DateMention { span: m.span, value: value(text, &m, published)? }))
        .collect();
    bare_month::add_bare_months(text, published, &mut found);
    join_ranges(text, &mut found);
    join_weekdays(text, &mut found);
    found
}

/// "on Saturday, April 12", "Sunday (May 11)": a weekday before the date it falls on is
/// one date, the one written out (a wire's weekday is counted from the day it files,
/// its date is not).
fn join_weekdays(text: &str, found: &mut Vec<DateMention>) {
    let mut k = 0;
    while k + 1 < found.len() {
        let (first, second) = (found[k], found[k + 1]);
        // The weekday's span may hold its preposition: "on Saturday".
        let last_word = text.get(first.span.start..first.span.end).and_then(|w| w.split(' ').next_back());
        let is_weekday = last_word.and_then(relative::weekday).is_some();
        let between = text.get(first.span.end..second.span.start).unwrap_or("x");
        if is_weekday && second.value.day.is_some() && matches!(between, " " | ", " | " (" | ", the ") {
            found[k] = DateMention { span: Span::new(first.span.start, second.span.end), value: second.value };
            found.remove(k + 1);
        }
        k += 1;
    }
}

/// "from 25 October to 2 November 2022": one stretch of time, dated by what its ends
/// share (the year, or the month), and not by its first day. The first end takes the
/// year of the second when it has none of its own ("25 October" read against the
/// publication date).
fn join_ranges(text: &str, found: &mut Vec<DateMention>) {
    let mut out: Vec<DateMention> = Vec::with_capacity(found.len());
    let mut k = 0;
    while k < found.len() {
        let first = found[k];
        let Some(&second) = found.get(k + 1) else {
            out.push(first);
            break;
        };
        let between = text.get(first.span.end..second.span.start).unwrap_or("").trim();
        let before = text.get(..first.span.start).unwrap_or("").trim_end();
        let opened = before.ends_with("from") || before.ends_with("From") || before.ends_with("between");
        let joined = matches!(between, "to" | "until" | "till" | "through" | "and" | "-" | "\u{2013}");
        let (a, b) = (first.value, second.value);
        if !(opened && joined && a.month.is_some() && b.month.is_some()) {
            out.push(first);
            k += 1;
            continue;
        }
        let value = if a.month == b.month && a.year == b.year {
            DateValue { day: None, ..b }
        } else {
            DateValue { year: b.year, month: None, day: None }
        };
        out.push(DateMention { span: Span::new(first.span.start, second.span.end), value });
        k += 2;
    }
    *found = out;
}

/// The date a match names.
fn value(text: &str, m: &DateMatch, published: Option<NaiveDate>) -> Option<DateValue> {
    let group = |g: Group| m.group(g).and_then(|(start, end)| text.get(start..end));
    let num = |g: Group| group(g).and_then(|m| m.parse::<u32>().ok());
    if let Some(m) = group(Group::DmMonth) {
        match (month_number(m), num(Group::DmDay), num(Group::DmYear)) {
            (Some(mo), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateValue::day),
            (Some(mo), Some(d), None) => anchor_year(mo, d, published),
            _ => None,
        }
    } else if let Some(m) = group(Group::MdMonth) {
        let ranged = group(Group::MdRange).is_some();
        let value = match (month_number(m), num(Group::MdDay), num(Group::MdYear)) {
            (Some(mo), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateValue::day),
            (Some(mo), Some(d), None) => anchor_year(mo, d, published),
            _ => None,
        };
        // Talks over several days are dated by their month.
        value.map(|v| if ranged { DateValue { day: None, ..v } } else { v })
    } else if let Some(m) = group(Group::MyMonth) {
        month_number(m).zip(num(Group::MyYear)).map(|(mo, y)| DateValue { year: y as i32, month: Some(mo), day: None })
    } else if let Some(y) = num(Group::YYear) {
        Some(DateValue { year: y as i32, month: None, day: None })
    } else if let Some(w) = group(Group::Weekday) {
        let ahead = looks_ahead(text, m.span.start);
        published.zip(weekday(w)).and_then(|(p, wd)| {
            let (from, to) = (p.weekday().num_days_from_monday(), wd.num_days_from_monday());
            if ahead {
                p.checked_add_days(Days::new(((7 + to - from) % 7) as u64)).map(DateValue::day)
            } else {
                p.checked_sub_days(Days::new(((7 + from - to) % 7) as u64)).map(DateValue::day)
            }
        })
    } else {
        group(Group::Rel).and_then(|r| published.and_then(|p| relative(&r.to_ascii_lowercase(), p)))
    }
}
