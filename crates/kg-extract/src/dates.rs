//! Dates in news text, absolute ("May 16", "March 2022", "16 May 2025") or relative to
//! the publication date ("Tuesday", "last week", "today").

use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;

use crate::model::Span;

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
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    MONTHS.iter().position(|m| m.starts_with(prefix)).map(|i| i as u32 + 1)
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";
        let src = format!(
            r"(?x)
            (?-u:\b)(?P<dm_day>\d{{1,2}})\s+(?P<dm_month>{month})(?:,?\s+(?P<dm_year>\d{{4}}))?(?-u:\b)
            | (?-u:\b)(?P<md_month>{month})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?P<md_range>\s*[-–]\s*\d{{1,2}})?(?:,\s*(?P<md_year>\d{{4}}))?(?-u:\b)
            | (?-u:\b)(?P<my_month>{month})\s+(?P<my_year>\d{{4}})(?-u:\b)
            | (?-u:\b)(?:in|since|until)\s+(?P<y_year>(?:19|20)\d{{2}})(?-u:\b)
            | (?-u:\b)(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
            | (?-u:\b)(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow|last\s+week|earlier\s+this\s+month|this\s+month|last\s+month|earlier\s+in\s+the\s+day|this\s+week)(?-u:\b)
            "
        );
        #[allow(clippy::unwrap_used)] // a constant pattern, checked by the tests
        Regex::new(&src).unwrap()
    })
}

/// Resolves a month and day without a year against the publication date: the nearest
/// year that puts it no more than ~10 months after publication.
fn anchor_year(month: u32, day: u32, published: Option<NaiveDate>) -> Option<DateValue> {
    let published = published?;
    let mut year = published.year();
    let candidate = NaiveDate::from_ymd_opt(year, month, day)?;
    if candidate > published.checked_add_days(Days::new(300))? {
        year -= 1;
    }
    NaiveDate::from_ymd_opt(year, month, day).map(DateValue::day)
}

fn weekday(name: &str) -> Option<Weekday> {
    name.parse::<Weekday>().ok()
}

/// Finds the date expressions of a text. Relative ones need the publication date.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    // Finding matches needs no captures and runs on the fast DFA; the captures are read
    // again on the matched words only.
    for found in pattern().find_iter(text) {
        let Some(caps) = pattern().captures(found.as_str()) else { continue };
        let span = Span::new(found.start(), found.end());
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let value = if let Some(m) = caps.name("dm_month") {
            let (month, day) = (month_number(m.as_str()), num("dm_day"));
            match (month, day, num("dm_year")) {
                (Some(mo), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateValue::day),
                (Some(mo), Some(d), None) => anchor_year(mo, d, published),
                _ => None,
            }
        } else if let Some(m) = caps.name("md_month") {
            let (month, day) = (month_number(m.as_str()), num("md_day"));
            let ranged = caps.name("md_range").is_some();
            let value = match (month, day, num("md_year")) {
                (Some(mo), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateValue::day),
                (Some(mo), Some(d), None) => anchor_year(mo, d, published),
                _ => None,
            };
            // Talks over several days are dated by their month.
            value.map(|v| if ranged { DateValue { day: None, ..v } } else { v })
        } else if let Some(m) = caps.name("my_month") {
            month_number(m.as_str()).zip(num("my_year")).map(|(mo, y)| DateValue {
                year: y as i32,
                month: Some(mo),
                day: None,
            })
        } else if let Some(y) = num("y_year") {
            Some(DateValue { year: y as i32, month: None, day: None })
        } else if let Some(w) = caps.name("weekday") {
            published.zip(weekday(w.as_str())).and_then(|(p, wd)| {
                let back = (7 + p.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                p.checked_sub_days(Days::new(back as u64)).map(DateValue::day)
            })
        } else if let Some(r) = caps.name("rel") {
            published.and_then(|p| relative(&r.as_str().to_ascii_lowercase(), p))
        } else {
            None
        };
        if let Some(value) = value {
            out.push(DateMention { span, value });
        }
    }
    out
}

fn relative(phrase: &str, p: NaiveDate) -> Option<DateValue> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    match words.as_slice() {
        ["today"] | ["earlier", "in", "the", "day"] => Some(DateValue::day(p)),
        ["yesterday"] => p.checked_sub_days(Days::new(1)).map(DateValue::day),
        ["tomorrow"] => p.checked_add_days(Days::new(1)).map(DateValue::day),
        ["last", "week"] => p.checked_sub_days(Days::new(7)).map(DateValue::month),
        ["earlier", "this", "month"] | ["this", "month"] | ["this", "week"] => Some(DateValue::month(p)),
        ["last", "month"] => p.checked_sub_months(Months::new(1)).map(DateValue::month),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<String> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        find_dates(text, p).iter().map(|d| d.value.to_string()).collect()
    }

    #[test]
    fn resolves_absolute_and_relative_dates() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("The envoys meet on June 3.", "2024-05-30", &["2024-06-03"]),
            ("They met on December 20.", "2025-01-10", &["2024-12-20"]),
            ("Talks ran on October 2-4 in Doha.", "2023-10-05", &["2023-10"]),
            ("Agreed in March 2019 and signed on 5 April 2020.", "2024-01-01", &["2019-03", "2020-04-05"]),
            ("The ministers spoke on Tuesday.", "2025-05-15", &["2025-05-13"]),
            ("Today the two leaders signed it; talks last week failed.", "2025-08-08", &["2025-08-08", "2025-08"]),
            ("The deal was struck in 2015.", "2025-08-08", &["2015"]),
        ];
        for (text, published, want) in cases {
            assert_eq!(dates(text, published), *want, "{text}");
        }
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        let found = find_dates("They met on Tuesday and on May 2.", None);
        assert!(found.is_empty());
    }

    #[test]
    fn compatibility() {
        let day = DateValue { year: 2024, month: Some(8), day: Some(27) };
        let month = DateValue { year: 2024, month: Some(8), day: None };
        assert!(day.compatible(month) && month.compatible(day));
        assert_eq!(month.finer(day), day);
        assert!(!day.compatible(DateValue { year: 2024, month: Some(9), day: None }));
    }
}
