//! Ids derived from content: entity labels, keys by kind, their order, and dates as
//! ids and attributes write them.

use std::borrow::Cow;
use std::fmt::Write;

use crate::analysis::Analysis;
use crate::dates::DateValue;
use crate::meetings::meeting_label;
use crate::model::EntityKind;
use crate::text::{push_slug, slug};

/// Entity labels: a meeting's is made from its parts, any other's is its own. Kept
/// apart from the analysis so that its entities can be taken from while labels are read.
pub(super) struct Labels {
    meetings: Vec<Option<String>>,
}

impl Labels {
    pub(super) fn new(a: &Analysis) -> Self {
        let mut meetings: Vec<Option<String>> = a
            .ents
            .iter()
            .enumerate()
            .map(|(e, ent)| (ent.kind == EntityKind::Meeting).then(|| meeting_label(a, e)))
            .collect();
        // "a White House ceremony" today and "a White House ceremony in 1979": two
        // meetings called alike, told apart by the year of the one not of this year.
        let mut count: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for label in meetings.iter().flatten() {
            *count.entry(label.as_str()).or_default() += 1;
        }
        let shared: Vec<usize> = (0..meetings.len())
            .filter(|&e| meetings[e].as_deref().is_some_and(|l| count.get(l).is_some_and(|&n| n > 1)))
            .collect();
        for e in shared {
            let year = a.ents[e].meeting.as_ref().and_then(|m| m.date).map(|d| d.year);
            let this_year = a.doc.date.map(|p| chrono::Datelike::year(&p));
            if let (Some(year), Some(label)) = (year.filter(|&y| Some(y) != this_year), meetings[e].as_mut()) {
                if !label.contains(&year.to_string()) {
                    let _ = write!(label, " in {year}");
                }
            }
        }
        Labels { meetings }
    }

    pub(super) fn of<'x>(&'x self, a: &'x Analysis, e: usize) -> &'x str {
        self.meetings[e].as_deref().unwrap_or(a.ents[e].label.as_str())
    }
}

/// The id of entity `e` before delegations are named. Meetings must come after the
/// other kinds: their keys reuse the slugs already made for their place and host.
pub(super) fn base_key(a: &Analysis, e: usize, labels: &Labels, keys: &[String]) -> String {
    let ent = &a.ents[e];
    let label = labels.of(a, e);
    match ent.kind {
        EntityKind::Country => {
            let mut key = ["country:", ent.iso.as_deref().unwrap_or("xx")].concat();
            key["country:".len()..].make_ascii_lowercase();
            key
        }
        EntityKind::Person => prefixed_slug("person:", label),
        EntityKind::Organization => ["organization:", &keys_of_org(ent, label)].concat(),
        EntityKind::Location => prefixed_slug("location:", label),
        EntityKind::Meeting => {
            let info = ent.meeting.as_ref();
            let mut date = String::with_capacity(11);
            if let Some(d) = info.and_then(|m| m.date) {
                date.push('@');
                push_date(&mut date, d);
            }
            // Named meetings by name; others by kind and place, so that reports of one
            // meeting in different articles share an id.
            let place = info.and_then(|m| m.place).map(|p| match a.ents[p].kind {
                EntityKind::Location => key_suffix(&keys[p], "location:", || slug(labels.of(a, p))),
                EntityKind::Person => key_suffix(&keys[p], "person:", || slug(labels.of(a, p))),
                _ => Cow::Owned(slug(labels.of(a, p))),
            });
            let kind = info.and_then(|m| m.class).map_or("meeting", |c| c.as_str());
            let org = info.and_then(|m| m.org).map(|o| match a.ents[o].kind {
                EntityKind::Organization => {
                    key_suffix(&keys[o], "organization:", || keys_of_org(&a.ents[o], labels.of(a, o)))
                }
                _ => Cow::Owned(keys_of_org(&a.ents[o], labels.of(a, o))),
            });
            match (info.and_then(|m| m.name.as_ref()), place) {
                (Some(name), _) => ["meeting:", &slug(name), &date].concat(),
                (None, Some(place)) => match org {
                    Some(org) => ["meeting:", &org, "-", kind, "-", &place, &date].concat(),
                    None => ["meeting:", kind, "-", &place, &date].concat(),
                },
                // Told by its organiser alone: by organiser and kind, as with a place.
                (None, None) => match org {
                    Some(org) => ["meeting:", &org, "-", kind, &date].concat(),
                    None => ["meeting:", &slug(label), &date].concat(),
                },
            }
        }
        EntityKind::Delegation => String::new(),
    }
}

/// `kind` followed by the slug of `label`, made in one buffer.
fn prefixed_slug(kind: &str, label: &str) -> String {
    let mut key = String::with_capacity(kind.len() + label.len());
    key.push_str(kind);
    push_slug(&mut key, label);
    key
}

/// The part of an already made key after its kind, or (should the key not have that
/// form) the same part made afresh.
fn key_suffix<'k>(key: &'k str, prefix: &str, make: impl FnOnce() -> String) -> Cow<'k, str> {
    key.strip_prefix(prefix).map_or_else(|| Cow::Owned(make()), Cow::Borrowed)
}

fn keys_of_org(ent: &crate::analysis::Ent, label: &str) -> String {
    if ent.key.is_empty() {
        slug(label)
    } else {
        ent.key.clone()
    }
}

/// The first 16 bytes of `s`, zero-padded, as a big-endian number: numbers that differ
/// order as their strings do, so a sort compares numbers and (rarely) strings.
fn prefix_rank(s: &str) -> u128 {
    // Most ids are longer: one load, not a copy of a length known only at run time
    // (a call to `memmove`).
    if let Some(first) = s.as_bytes().first_chunk::<16>() {
        return u128::from_be_bytes(*first);
    }
    let mut bytes = [0u8; 16];
    let n = s.len().min(16);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// The entities `es` in the order of their keys, and in index order where keys are
/// equal, each with its [`prefix_rank`]. Sorted by rank; keys that share their first 16
/// bytes (few do) are then ordered by the whole key.
pub(super) fn in_key_order(keys: &[String], es: impl Iterator<Item = usize>) -> Vec<(u128, usize)> {
    let mut order: Vec<(u128, usize)> = Vec::with_capacity(keys.len());
    order.extend(es.map(|e| (prefix_rank(&keys[e]), e)));
    order.sort_unstable_by_key(|&(rank, _)| rank);
    for run in order.chunk_by_mut(|x, y| x.0 == y.0).filter(|run| run.len() > 1) {
        run.sort_unstable_by(|x, y| keys[x.1].cmp(&keys[y.1]).then(x.1.cmp(&y.1)));
    }
    order
}

/// `d` as its `Display` writes it (for a day, as `NaiveDate`'s does).
pub(super) fn date_string(d: DateValue) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, d);
    s
}

/// Appends `d` as its `Display` writes it. The usual four-digit year is written by hand:
/// ids and attributes need thousands of dates per corpus, and the formatting machinery
/// cost more than the rest of making them.
fn push_date(out: &mut String, d: DateValue) {
    let small = |n: Option<u32>| n.is_none_or(|n| n < 100);
    if !(0..=9999).contains(&d.year) || !small(d.month) || !small(d.day) {
        let _ = write!(out, "{d}");
        return;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let year = d.year.unsigned_abs();
    let (month, day) = (d.month.unwrap_or(0), d.day.unwrap_or(0));
    let text = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    let len = match (d.month, d.day) {
        (None, _) => 4,
        (Some(_), None) => 7,
        (Some(_), Some(_)) => 10,
    };
    // Digits and dashes: ASCII, so the conversion cannot fail.
    out.push_str(std::str::from_utf8(&text[..len]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn dates_are_written_as_display_writes_them(
            year in -20_000i32..20_000,
            month in proptest::option::of(0u32..200),
            day in proptest::option::of(0u32..200),
        ) {
            let d = DateValue { year, month, day };
            proptest::prop_assert_eq!(date_string(d), d.to_string());
        }

        #[test]
        fn days_are_written_as_naive_date_writes_them(days in -1_000_000i32..1_000_000) {
            let d = chrono::NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default();
            if (0..=9999).contains(&chrono::Datelike::year(&d)) {
                proptest::prop_assert_eq!(date_string(DateValue::from_date(d)), d.to_string());
            }
        }

        #[test]
        fn key_order_is_string_order(keys in proptest::collection::vec("(person:|meeting:|)(ab|a|b|\u{e9}){0,12}", 0..40)) {
            let mut want: Vec<usize> = (0..keys.len()).collect();
            want.sort_by(|&x, &y| keys[x].cmp(&keys[y]).then(x.cmp(&y)));
            let got: Vec<usize> = in_key_order(&keys, 0..keys.len()).into_iter().map(|(_, e)| e).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
