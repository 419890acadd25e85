//! Partial dates as kg writes them (`2025`, `2025-05`, `2025-05-16`) and the
//! `--since`/`--until` window of a question. A partial date stands for every day it
//! covers: "since 2025-05" starts on May 1, "until 2025-05" ends on May 31, and a
//! meeting dated "2022-03" is inside any window that overlaps March 2022.

use std::fmt;

/// (year, month, day).
pub type Day = (u32, u32, u32);

/// The days a partial date covers, first and last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    /// (year, month, day) of the first day.
    pub first: Day,
    /// (year, month, day) of the last day; a month's last day is written 31.
    pub last: Day,
}

impl DateSpan {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<DateSpan> {
        let mut parts = s.trim().split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = parts.next().map(|m| m.parse::<u32>().ok().filter(|m| (1..=12).contains(m)));
        let day = parts.next().map(|d| d.parse::<u32>().ok().filter(|d| (1..=31).contains(d)));
        if parts.next().is_some() {
            return None;
        }
        Some(match (month, day) {
            (None, _) => DateSpan { first: (year, 1, 1), last: (year, 12, 31) },
            (Some(m), None) => {
                let m = m?;
                DateSpan { first: (year, m, 1), last: (year, m, 31) }
            }
            (Some(m), Some(d)) => {
                let day: Day = (year, m?, d?);
                DateSpan { first: day, last: day }
            }
        })
    }
}

/// The window of dates a question asks about; open on a side without a bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<DateSpan>,
    pub until: Option<DateSpan>,
}

/// A bound that is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate(pub String);

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", self.0)
    }
}

impl std::error::Error for BadDate {}

impl DateRange {
    /// The window between two optional bounds, each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(since: Option<&str>, until: Option<&str>) -> Result<DateRange, BadDate> {
        let bound = |s: Option<&str>| s.map(|s| DateSpan::parse(s).ok_or_else(|| BadDate(s.to_string()))).transpose();
        Ok(DateRange { since: bound(since)?, until: bound(until)? })
    }

    /// Whether the window has any bound.
    pub fn is_bounded(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether an event with this date may fall inside the window. Without a bound
    /// everything does; with one, an undated event does not.
    pub fn admits(&self, date: Option<&str>) -> bool {
        if !self.is_bounded() {
            return true;
        }
        let Some(span) = date.and_then(DateSpan::parse) else {
            return false;
        };
        self.since.is_none_or(|s| span.last >= s.first) && self.until.is_none_or(|u| span.first <= u.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_cover_their_days() {
        let may = DateRange::parse(Some("2025-05"), Some("2025-05")).expect("valid");
        assert!(may.admits(Some("2025-05-16")));
        assert!(may.admits(Some("2025-05")));
        assert!(may.admits(Some("2025")));
        assert!(!may.admits(Some("2025-06-01")));
        assert!(!may.admits(Some("2022-03")));
        assert!(!may.admits(None));
        assert!(DateRange::default().admits(None));
        let since = DateRange::parse(Some("2025-05-16"), None).expect("valid");
        assert!(since.admits(Some("2025-05-16")) && !since.admits(Some("2025-05-15")));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in ["May", "2025-13", "2025-05-32", "25-05-01", "2025-05-01-01", ""] {
            assert!(DateRange::parse(Some(bad), None).is_err(), "{bad}");
        }
    }
}
