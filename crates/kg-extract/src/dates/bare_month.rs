//! A month named without day or year ("in February", "last December", "since
//! mid-March"), read against the publication date. News dates events of the year this
//! way: "Raisi paid a state visit to China in February".
//!
//! Only after a word that makes the month a time ("in", "since", "last", "early",
//! "mid-", ...): "May" alone is also a verb and a name. The year is the publication's,
//! or the one before for a month still to come that the clause tells as past ("in
//! December", read in March), or the one after for a month gone by that the clause
//! tells as future ("will meet in January", read in November); "last year", "next
//! year" right after the month decide.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate};

use super::relative::{ahead, Ahead};
use super::{DateMention, DateValue, MONTHS};
use crate::model::Span;

fn months() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    // The capitalised month names ("May", not the verb "may"), pattern k for month k + 1.
    AC.get_or_init(|| {
        let names = MONTHS.iter().map(|m| [&m[..1].to_ascii_uppercase(), &m[1..]].concat());
        AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(names).ok()
    })
    .as_ref()
}

/// Adds the bare months of `text` that no other date expression covers to `found`
/// (kept in text order).
pub(super) fn add_bare_months(text: &str, published: Option<NaiveDate>, found: &mut Vec<DateMention>) {
    let (Some(published), Some(ac)) = (published, months()) else { return };
    let mut added = Vec::new();
    // `found` is in text order, and so are the months: one walk through it tells which
    // month another expression covers, in linear time on texts dense with dates.
    let mut next = 0;
    for m in ac.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        while found.get(next).is_some_and(|d| d.span.end <= s) {
            next += 1;
        }
        let covered = found.get(next).is_some_and(|d| d.span.start <= s);
        let letter_at = |i: usize| text.as_bytes().get(i).is_some_and(u8::is_ascii_alphanumeric);
        if (s > 0 && letter_at(s - 1)) || letter_at(e) || covered {
            continue;
        }
        // A day or year after it is another pattern's ("March 10", "March 2023").
        let rest = &text[e..];
        if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let head = &text[..s];
        let mid = head.ends_with("mid-") || head.ends_with("Mid-");
        let before = head.trim_end();
        let word_start = before.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
        let word = before[word_start..].to_ascii_lowercase();
        let opener = matches!(
            word.as_str(),
            "in" | "since" | "until" | "till" | "by" | "last" | "next" | "this" | "early" | "late" | "during" | "from"
        );
        if !(opener || mid) {
            continue;
        }
        let month = m.pattern().as_u32() + 1;
        // Compared without a lower-case copy of the rest of the text, once per month.
        let after = rest.trim_start_matches([' ', ',']);
        let after_is = |p: &str| after.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
        let (pub_year, pub_month) = (published.year(), published.month());
        let year = if after_is("last year") || (word == "last" && month >= pub_month) {
            pub_year - 1
        } else if after_is("next year") || (word == "next" && month <= pub_month) {
            pub_year + 1
        } else if after_is("this year") || matches!(word.as_str(), "last" | "next" | "this") {
            pub_year
        } else if let ahead @ (Ahead::Yes | Ahead::FromThePast) = ahead(text, s) {
            // "would visit in August", read in September: the future of a past moment,
            // the August nearest the publication; "will visit in August": the next one.
            let back = (pub_month + 12 - month) % 12;
            if month < pub_month && !(ahead == Ahead::FromThePast && back <= 6) {
                pub_year + 1
            } else {
                pub_year
            }
        } else if month > pub_month {
            pub_year - 1
        } else {
            pub_year
        };
        // "December last year" is one date: the year phrase joins the month's span.
        let year_phrase = ["last year", "next year", "this year"].into_iter().find(|p| after_is(p));
        let end = year_phrase.map_or(e, |p| text.len() - after.len() + p.len());
        added.push(DateMention { span: Span::new(s, end), value: DateValue { year, month: Some(month), day: None } });
    }
    if !added.is_empty() {
        // Drop what a month's year phrase swallowed ("last year" of "December last
        // year"), then merge the two lists, both in text order.
        let mut k = 0;
        found.retain(|d| {
            while added.get(k).is_some_and(|m| m.span.end <= d.span.start) {
                k += 1;
            }
            !added.get(k).is_some_and(|m| m.span.start < d.span.start && d.span.start < m.span.end)
        });
        found.extend(added);
        found.sort_by_key(|d| d.span.start);
    }
}
