//! Dates in news text, absolute ("May 16", "March 2022", "16 May 2025") or relative to
//! the publication date ("Tuesday", "last week", "today").

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

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

/// The date pattern. A match starts at a word start; `candidates` finds every word
/// start where one can.
fn pattern() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
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
        // A constant pattern: the tests would fail without it.
        Regex::new(&src).ok()
    })
    .as_ref()
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
    let Some(re) = pattern() else { return Vec::new() };
    matches(re, text)
        .into_iter()
        .filter_map(|caps| {
            let m = caps.get_match()?;
            Some(DateMention { span: Span::new(m.start(), m.end()), value: value(text, &caps, published)? })
        })
        .collect()
}

/// The pattern's matches, leftmost-first and not overlapping: what a scan of the whole
/// text finds. A whole-text scan gets no help from a literal prefilter (matches may
/// start with "in", "on" or any digit) and costs more than the rest of a document's
/// analysis, so the pattern is tried, anchored, only where `candidates` says a match
/// can start.
fn matches(re: &Regex, text: &str) -> Vec<Captures> {
    let Some(starts) = candidates(text) else {
        return re.captures_iter(text).collect();
    };
    let mut out: Vec<Captures> = Vec::new();
    let mut from = 0;
    let mut caps = re.create_captures();
    for s in starts.into_iter().filter(|&s| s <= text.len()) {
        if s < from {
            continue;
        }
        re.search_captures(&Input::new(text).range(s..).anchored(Anchored::Yes), &mut caps);
        if let Some(m) = caps.get_match() {
            from = m.end();
            out.push(std::mem::replace(&mut caps, re.create_captures()));
        }
    }
    out
}

/// Words that end every date expression without digits: weekdays and the relative
/// phrases. Rare enough for the automaton's vector prefilter, unlike "in" or "on".
fn anchors() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(["day", "week", "month", "morrow"]).ok()
    })
    .as_ref()
}

/// Leading bytes of the non-ASCII characters that `\d` accepts.
fn may_lead_digit(b: u8) -> bool {
    matches!(b, 0xD9 | 0xDB | 0xDF | 0xE0 | 0xE1 | 0xEA | 0xEF | 0xF0..=0xF4)
}

/// `(?-u:\w)`: what the pattern's ASCII word boundaries see as a word character.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Every word start where a match may begin, in order: each word of digits (a day or a
/// year), and the word before it ("in 2020", "May 5", "Jan. 5"); each word holding an
/// `anchors()` word and the three words before it ("on Tuesday", "earlier in the
/// day"). None when the text has digits other than ASCII ones, which `\d` also takes.
fn candidates(text: &str) -> Option<Vec<usize>> {
    let bytes = text.as_bytes();
    let word_start = |i: usize| i.checked_sub(1).and_then(|j| bytes.get(j)).is_none_or(|&b| !is_word(b));
    let word_chars = |c: char| c.is_ascii() && is_word(c as u8);
    // The start of the word before `i`, across white space and, after "Jan", a dot.
    let before = |i: usize| {
        let head = text.get(..i)?;
        let gap = head.trim_end_matches(char::is_whitespace);
        let gap = (gap.len() < head.len()).then_some(gap)?;
        Some(gap.strip_suffix('.').unwrap_or(gap).trim_end_matches(word_chars).len())
    };
    let mut out = Vec::new();
    // Most 32-byte stretches of prose hold no digit: the test of a whole chunk compiles
    // to vector code. 0xE2 leads curly quotes and dashes, common and never a digit.
    let flag = |b: u8| u8::from(b.is_ascii_digit()) | u8::from(b >= 0xD9 && b != 0xE2);
    for (n, chunk) in bytes.chunks(32).enumerate() {
        if chunk.iter().fold(0, |any, &b| any | flag(b)) == 0 {
            continue;
        }
        for (i, &b) in chunk.iter().enumerate().map(|(i, b)| (n * 32 + i, b)) {
            if b.is_ascii_digit() && word_start(i) {
                out.extend(before(i));
                out.push(i);
            } else if may_lead_digit(b) && text.get(i..).and_then(|t| t.chars().next()).is_some_and(char::is_numeric) {
                return None;
            }
        }
    }
    for found in anchors()?.find_iter(text) {
        let mut start = text.get(..found.start()).map(|head| head.trim_end_matches(word_chars).len());
        for _ in 0..4 {
            let Some(at) = start else { break };
            out.push(at);
            start = before(at);
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// The date a match names.
fn value(text: &str, caps: &Captures, published: Option<NaiveDate>) -> Option<DateValue> {
    let group = |name: &str| caps.get_group_by_name(name).and_then(|s| text.get(s.start..s.end));
    let num = |name: &str| group(name).and_then(|m| m.parse::<u32>().ok());
    if let Some(m) = group("dm_month") {
        match (month_number(m), num("dm_day"), num("dm_year")) {
            (Some(mo), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateValue::day),
            (Some(mo), Some(d), None) => anchor_year(mo, d, published),
            _ => None,
        }
    } else if let Some(m) = group("md_month") {
        let ranged = group("md_range").is_some();
        let value = match (month_number(m), num("md_day"), num("md_year")) {
            (Some(mo), Some(d), Some(y)) => NaiveDate::from_ymd_opt(y as i32, mo, d).map(DateValue::day),
            (Some(mo), Some(d), None) => anchor_year(mo, d, published),
            _ => None,
        };
        // Talks over several days are dated by their month.
        value.map(|v| if ranged { DateValue { day: None, ..v } } else { v })
    } else if let Some(m) = group("my_month") {
        month_number(m).zip(num("my_year")).map(|(mo, y)| DateValue { year: y as i32, month: Some(mo), day: None })
    } else if let Some(y) = num("y_year") {
        Some(DateValue { year: y as i32, month: None, day: None })
    } else if let Some(w) = group("weekday") {
        let ahead = caps.get_match().is_some_and(|m| looks_ahead(text, m.start()));
        published.zip(weekday(w)).and_then(|(p, wd)| {
            let (from, to) = (p.weekday().num_days_from_monday(), wd.num_days_from_monday());
            if ahead {
                p.checked_add_days(Days::new(((7 + to - from) % 7) as u64)).map(DateValue::day)
            } else {
                p.checked_sub_days(Days::new(((7 + from - to) % 7) as u64)).map(DateValue::day)
            }
        })
    } else {
        group("rel").and_then(|r| published.and_then(|p| relative(&r.to_ascii_lowercase(), p)))
    }
}

/// Whether a weekday at `at` is still to come: its clause speaks of the future or of a
/// plan ("will travel to Washington on Monday", "is due to ... on Tuesday", "planned
/// for Wednesday", "ahead of a summit on Sunday", "next Friday"). Read back word by
/// word to the sentence start or to a verb in the past ("met", "said", "arrived"):
/// "said he would meet X on Thursday" looks ahead, "met X on Thursday" does not.
fn looks_ahead(text: &str, at: usize) -> bool {
    #[rustfmt::skip]
    const PAST: &[&str] = &[
        "met", "said", "says", "told", "was", "were", "had", "did", "held", "spoke", "came", "took", "left",
        "began", "went", "flew", "saw", "gave", "made",
    ];
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
            return true;
        }
        if k + 1 == n && matches!(w, "last" | "past" | "previous") {
            return false;
        }
        let plan = matches!(w, "will" | "shall" | "would" | "due" | "scheduled" | "planned" | "expected" | "set");
        if plan || (w == "ahead" && after == "of") || w.ends_with("'ll") || w.ends_with("\u{2019}ll") {
            return true;
        }
        // "will be held on Monday": a participle after "be" is no past tense.
        let past = PAST.contains(&w) || (w.ends_with("ed") && w.len() > 4);
        if past && !matches!(before, "be" | "been" | "being") {
            return false;
        }
    }
    false
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
            // A weekday in a clause about the future or a plan is the coming one.
            ("The envoy will travel to Rome on Tuesday.", "2025-05-15", &["2025-05-20"]),
            ("A visit planned for Saturday was put off.", "2025-05-15", &["2025-05-17"]),
            ("The envoy said he would meet them on Monday.", "2025-05-15", &["2025-05-19"]),
            ("They talked ahead of a summit on Sunday.", "2025-05-15", &["2025-05-18"]),
            ("The talks resume next Friday.", "2025-05-15", &["2025-05-16"]),
            ("He will say whether the envoys met on Monday.", "2025-05-15", &["2025-05-12"]),
            ("The talks went ahead on Monday.", "2025-05-15", &["2025-05-12"]),
            ("The summit will be held on Monday.", "2025-05-15", &["2025-05-19"]),
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

    /// The matches of a scan of the whole text, as the reference for `matches`.
    fn whole_scan(text: &str) -> Vec<(usize, usize)> {
        pattern().map_or_else(Vec::new, |re| re.find_iter(text).map(|m| (m.start(), m.end())).collect())
    }

    fn anchored_scan(text: &str) -> Vec<(usize, usize)> {
        let Some(re) = pattern() else { return Vec::new() };
        matches(re, text).iter().filter_map(Captures::get_match).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn candidates_hold_every_match_start() {
        let texts = [
            "Met on  Friday, then on\u{a0}Sunday; online Monday was quiet. Mondays differ.",
            "Signed in 1998, renewed since 2004 until 2031, within 2020, in 2101, in 19999, in 2020s.",
            "A 3 March 2021 memo, 21 Sept. 2019, 4 Sep. 2018, 7 Sept, 12 Jan.x and 5 Dec., 2020.",
            "From 123 May to May 123, Mayor May 2022, May 20256 and May 4th, 2022 or May 4thx.",
            "Talks June 2 - 5, July 9\u{2013}11,2020, Aug. 3 -12x, Oct. 1-123 and Nov. 30th-1, 1999z.",
            "Today, yesterday or Tomorrow; last  week, last weekend, earlier this month, this weekday.",
            "earlier in the\tday, earlier in the days, Yesterdays, todays, this\u{2003}month, x_May 5.",
            "16 May 2025 Mays 16 May, 2025 ,in 2015 \u{e9}on Tuesday _on Tuesday \u{2019}in 2001 caf\u{e9} 5 May",
        ];
        for text in texts {
            assert!(candidates(text).is_some(), "{text:?}");
            assert_eq!(anchored_scan(text), whole_scan(text), "{text:?}");
        }
        // Other digits are `\d` too: such text is scanned whole.
        assert!(candidates("In 2020 x\u{663} May 2021").is_none());
        let found = find_dates("x\u{663} May 2021, then on 4 June 2021", None);
        assert!(found.iter().any(|d| d.value.to_string() == "2021-06-04"), "{found:?}");
    }

    #[test]
    fn candidate_classes_are_the_pattern_classes() {
        let (space, digit) = (Regex::new(r"^\s$"), Regex::new(r"^\d$"));
        let (Ok(space), Ok(digit)) = (space, digit) else { panic!("classes") };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(space.is_match(&s), c.is_whitespace(), "{c:?}");
            let wide_digit = c.is_numeric() && s.bytes().next().is_some_and(may_lead_digit);
            assert!(!digit.is_match(&s) || c.is_ascii_digit() || wide_digit, "{c:?}");
        }
    }

    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "on", "in", "since", "until", "Tuesday", "Wednesday", "Sunday", "May", "Mayor", "March", "June", "Jan.", "Feb.",
        "Sept.", "Sep.", "Sept", "Dec", "0", "1", "5", "05", "16", "20", "2025", "1999", "2101", "123", "st", "nd", "rd",
        "th", "today", "Today", "yesterday", "Tomorrow", "morrow", "last", "week", "weekend", "month", "this", "earlier",
        "the", "day", "days", "x", "_", "\u{e9}", "\u{2019}",
    ];
    const GLUE: &[&str] = &["", " ", "  ", ", ", ",", ".", "-", " - ", "\u{2013}", "\u{a0}", "\n", "\t"];

    proptest::proptest! {
        #[test]
        fn anchored_scan_is_the_whole_scan(
            pieces in proptest::collection::vec((proptest::sample::select(WORDS), proptest::sample::select(GLUE)), 0..30),
        ) {
            let text: String = pieces.iter().flat_map(|(w, g)| [*w, *g]).collect();
            proptest::prop_assert_eq!(anchored_scan(&text), whole_scan(&text), "text {:?}", text);
        }
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
