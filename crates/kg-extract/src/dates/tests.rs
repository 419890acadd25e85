use regex_automata::meta::Regex;

use super::anchored::match_at;
use super::scan::{candidates, date_match, may_lead_digit, pattern, Group};
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
        // A weekday before its date is that date.
        ("Talks took place on Saturday, April 12.", "2025-05-24", &["2025-04-12"]),
        ("They meet on Sunday (May 11) and on Monday, 12 May 2025.", "2025-05-01", &["2025-05-11", "2025-05-12"]),
        // A weekday in a clause about the future or a plan is the coming one.
        ("The envoy will travel to Rome on Tuesday.", "2025-05-15", &["2025-05-20"]),
        ("A visit planned for Saturday was put off.", "2025-05-15", &["2025-05-17"]),
        ("The envoy said he would meet them on Monday.", "2025-05-15", &["2025-05-19"]),
        ("They talked ahead of a summit on Sunday.", "2025-05-15", &["2025-05-18"]),
        ("The talks resume next Friday.", "2025-05-15", &["2025-05-16"]),
        ("He will say whether the envoys met on Monday.", "2025-05-15", &["2025-05-12"]),
        ("The talks went ahead on Monday.", "2025-05-15", &["2025-05-12"]),
        ("The summit will be held on Monday.", "2025-05-15", &["2025-05-19"]),
        // A date that opens its sentence: the tense of the clause after it.
        ("On Saturday, the president is to host a summit.", "2025-05-15", &["2025-05-17"]),
        ("On Saturday, the president hosted a summit.", "2025-05-15", &["2025-05-10"]),
        ("The envoys are to meet on Monday.", "2025-05-15", &["2025-05-19"]),
        ("Today the two leaders signed it; talks last week failed.", "2025-08-08", &["2025-08-08", "2025-08"]),
        ("The deal was struck in 2015.", "2025-08-08", &["2015"]),
        // A month alone: this year's, the last one gone by, or the coming one.
        ("She paid a visit to Accra in February.", "2023-03-10", &["2023-02"]),
        ("They first met in December.", "2023-03-10", &["2022-12"]),
        ("The envoys will meet again in January.", "2025-11-20", &["2026-01"]),
        ("He visited in December last year and since mid-March.", "2023-05-01", &["2022-12", "2023-03"]),
        ("Talks resume next February; they met last May.", "2025-04-01", &["2026-02", "2024-05"]),
        // Not a date: a verb, a name, or a month with a day another pattern reads.
        ("Officials may meet. May Thomas spoke on March 3.", "2025-04-01", &["2025-03-03"]),
        // A stretch of time is dated by what its ends share.
        ("Talks ran from 25 October to 2 November 2022.", "2022-11-02", &["2022"]),
        ("They met last year and meet again next year.", "2025-05-01", &["2024", "2026"]),
        ("Talks ran from March 6 to March 10.", "2023-03-10", &["2023-03"]),
        ("They met on March 6 and on April 2.", "2023-04-10", &["2023-03-06", "2023-04-02"]),
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
    matches(text).iter().map(|m| (m.span.start, m.span.end)).collect()
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
    "the", "day", "days", "x", "_", "\u{e9}", "\u{2019}", "next", "year", "Monday", "December", "Aug.", "Oct.",
    "2-4", "30th", "1st", "22nd", "3rd", "11", "04", "19", "2030", "1900",
];
const GLUE: &[&str] =
    &["", " ", "  ", ", ", ",", ".", "-", " - ", "\u{2013}", "\u{a0}", "\n", "\t", ",\u{2003}", " \u{2013} ", "\u{85}"];

proptest::proptest! {
    #[test]
    fn anchored_scan_is_the_whole_scan(
        pieces in proptest::collection::vec((proptest::sample::select(WORDS), proptest::sample::select(GLUE)), 0..30),
    ) {
        let text: String = pieces.iter().flat_map(|(w, g)| [*w, *g]).collect();
        proptest::prop_assert_eq!(anchored_scan(&text), whole_scan(&text), "text {:?}", text);
    }

    /// The match by hand at every position, groups and all, against the regex's
    /// anchored search there.
    #[test]
    fn the_match_by_hand_is_the_regex_match(
        pieces in proptest::collection::vec((proptest::sample::select(WORDS), proptest::sample::select(GLUE)), 0..30),
    ) {
        let text: String = pieces.iter().flat_map(|(w, g)| [*w, *g]).collect();
        let re = pattern().expect("date pattern");
        let mut caps = re.create_captures();
        for s in (0..=text.len()).filter(|&s| text.is_char_boundary(s)) {
            let input = regex_automata::Input::new(&text).range(s..).anchored(regex_automata::Anchored::Yes);
            re.search_captures(&input, &mut caps);
            proptest::prop_assert_eq!(match_at(&text, s), date_match(&caps), "at {} of {:?}", s, text);
        }
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

#[test]
fn groups_are_numbered_as_named() {
    use regex_automata::PatternID;
    let re = pattern().expect("date pattern");
    let groups = [
        (Group::DmDay, "dm_day"),
        (Group::DmMonth, "dm_month"),
        (Group::DmYear, "dm_year"),
        (Group::MdMonth, "md_month"),
        (Group::MdDay, "md_day"),
        (Group::MdRange, "md_range"),
        (Group::MdYear, "md_year"),
        (Group::MyMonth, "my_month"),
        (Group::MyYear, "my_year"),
        (Group::YYear, "y_year"),
        (Group::Weekday, "weekday"),
        (Group::Rel, "rel"),
    ];
    for (g, name) in groups {
        assert_eq!(re.group_info().to_index(PatternID::ZERO, name), Some(g as usize), "{name}");
    }
    assert_eq!(re.group_info().group_len(PatternID::ZERO), groups.len() + 1);
}
