//! Where the date expressions of a text are: the pattern, and the scan that tries it,
//! anchored, only at the word starts where a match can begin.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;

use super::anchored::{match_at, DateMatch};

/// The date pattern. A match starts at a word start; `candidates` finds every word
/// start where one can.
pub(super) fn pattern() -> Option<&'static Regex> {
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
            | (?-u:\b)(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow|last\s+week|earlier\s+this\s+month|this\s+month|last\s+month|earlier\s+in\s+the\s+day|this\s+week|earlier\s+this\s+year|this\s+year|last\s+year|next\s+year)(?-u:\b)
            "
        );
        // A constant pattern: the tests would fail without it.
        Regex::new(&src).ok()
    })
    .as_ref()
}

/// The pattern's capture groups, numbered as they open in it (checked by a test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    DmDay = 1,
    DmMonth,
    DmYear,
    MdMonth,
    MdDay,
    MdRange,
    MdYear,
    MyMonth,
    MyYear,
    YYear,
    Weekday,
    Rel,
}

/// The pattern's matches, leftmost-first and not overlapping: what a scan of the whole
/// text finds. A whole-text scan gets no help from a literal prefilter (matches may
/// start with "in", "on" or any digit) and costs more than the rest of a document's
/// analysis, so the pattern is tried, anchored, only where `candidates` says a match
/// can start, and by hand (`anchored`) rather than by the regex.
pub(super) fn matches(text: &str) -> Vec<DateMatch> {
    let Some(starts) = candidates(text) else {
        // Compiled only for such a text: most runs never build it.
        let Some(re) = pattern() else { return Vec::new() };
        return re.captures_iter(text).filter_map(|caps| date_match(&caps)).collect();
    };
    let mut out: Vec<DateMatch> = Vec::new();
    let mut from = 0;
    for s in starts.into_iter().filter(|&s| s <= text.len()) {
        // Most candidates are numbers and the words before them ("40 countries", "of
        // 2020"): told apart by their first word, without a match.
        if s < from || !may_start(text, s) {
            continue;
        }
        if let Some(m) = match_at(text, s) {
            from = m.span.end;
            out.push(m);
        }
    }
    out
}

/// A match of the regex as [`DateMatch`].
pub(super) fn date_match(caps: &Captures) -> Option<DateMatch> {
    let m = caps.get_match()?;
    let mut groups = [None; 13];
    for (g, slot) in groups.iter_mut().enumerate() {
        *slot = caps.get_group(g).map(|s| (s.start, s.end));
    }
    Some(DateMatch { span: crate::model::Span::new(m.start(), m.end()), groups })
}

/// Whether `w` is a word a match can open with: a month (whole, or cut short before a
/// dot), a preposition of a year or a weekday, a weekday, or a relative phrase's first.
#[rustfmt::skip]
fn is_first_word(w: &[u8]) -> bool {
    // A `match` of byte strings compiles to a test of the length first, then of bytes.
    matches!(
        w,
        b"January" | b"February" | b"March" | b"April" | b"May" | b"June" | b"July" | b"August" | b"September"
            | b"October" | b"November" | b"December" | b"Jan" | b"Feb" | b"Aug" | b"Sep" | b"Sept" | b"Oct" | b"Nov"
            | b"Dec" | b"in" | b"since" | b"until" | b"on" | b"Monday" | b"Tuesday" | b"Wednesday" | b"Thursday"
            | b"Friday" | b"Saturday" | b"Sunday" | b"today" | b"Today" | b"yesterday" | b"Yesterday" | b"tomorrow"
            | b"Tomorrow" | b"last" | b"earlier" | b"this" | b"next"
    )
}

/// Whether a match can begin at `s`, judged from the first word there. Every branch of
/// the pattern opens with one of [`is_first_word`] (followed by a space, a dot or a word
/// boundary, never by another letter) or with a day of one or two digits followed by a
/// space and a month: a `false` here is a search that would find nothing.
fn may_start(text: &str, s: usize) -> bool {
    let rest = text.as_bytes().get(s..).unwrap_or_default();
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters > 0 {
        return is_first_word(&rest[..letters]);
    }
    let digits = rest.iter().take(3).take_while(|b| b.is_ascii_digit()).count();
    // The digits are ASCII, so `s + digits` is a character boundary.
    let Some(after) = text.get(s + digits..).filter(|_| (1..=2).contains(&digits)) else { return false };
    let month = after.trim_start_matches(char::is_whitespace);
    month.len() < after.len() && month.starts_with(['J', 'F', 'M', 'A', 'S', 'O', 'N', 'D'])
}

/// Words that end every date expression without digits: weekdays and the relative
/// phrases. Rare enough for the automaton's vector prefilter, unlike "in" or "on".
fn anchors() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(["day", "week", "month", "morrow", "year"])
            .ok()
    })
    .as_ref()
}

/// Leading bytes of the non-ASCII characters that `\d` accepts.
pub(super) fn may_lead_digit(b: u8) -> bool {
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
pub(super) fn candidates(text: &str) -> Option<Vec<usize>> {
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
