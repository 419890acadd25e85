//! **dateline** — the city a wire story was filed from, written in capitals before the
//! first dash: "OSLO, Norway, March 3 (Reuters) -", "LIMA (AP) —", "THE HAGUE, June 5 -".
//!
//! Matches: at the start of one of the first four lines (a headline, a standfirst or a
//! byline, and a date may come first), one or more words in capitals that the gazetteers know as a city
//! once written in title case ("Oslo", "The Hague", "Sharm el-Sheikh"), followed by
//! nothing but a region or country, a date and an agency in parentheses up to a dash,
//! or up to a colon when the capitals are a known city ("NEW DELHI: ...", as South
//! Asian papers write it; a speaker's label in a transcript has that shape too).
//! The city becomes a mention, so the place the story is told from is an entity;
//! `meeting_mention` and `met_with` read it as the place of talks the lead reports
//! without naming one (see [`lead_place`]).
//! Example: "OSLO, Norway, March 3 (Reuters) - Talks ended." → Oslo.
//! A lead that places its news in another country ("met at Russia's spaceport" under
//! SEOUL) makes the dateline the place the story was filed from, and nothing more.
//! A roundup of briefs, each item with a dateline of its own, keeps a bare "the summit"
//! inside its item (`items.rs`).
//! Known false positives: an all-capitals headline run into the text that starts with
//! a city name and is followed by a dash ("PARIS - A GUIDE").

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::gazetteer::Target;
use crate::model::Span;

mod items;

pub const RULE: Rule = Rule { name: "dateline", apply, triggers: &[] };

/// A dateline is short: a city, a country, a date and an agency.
const MAX_LEN: usize = 120;

/// A headline, a standfirst or a byline, and a date may stand above the dateline.
const MAX_LINE: usize = 4;

fn apply(a: &mut Analysis) {
    a.item_starts = items::item_starts(a);
    // A line that a colon ends ("ANALYSIS: In Geneva ...") is a dateline only if its
    // capitals are a known city; otherwise a later line may hold the dateline.
    let found = first_lines(a.text).find_map(|(at, line)| {
        let (c, r, by_colon) = dateline(line)?;
        let (city, rest) = (Span::new(at + c.start, at + c.end), Span::new(at + r.start, at + r.end));
        let known = known_city(a, city, rest);
        (known.is_some() || !by_colon).then_some((city, rest, known))
    });
    let Some((city, rest, known)) = found else { return };
    let ent = match known {
        Some(t) => Some(a.gaz_entity(t)),
        None => {
            let named = countries_named(a, rest);
            unknown_town(a, &a.text[city.start..city.end], &named)
        }
    };
    if let Some(ent) = ent {
        // Not `Form::Name`: the capitals are no spelling of the name to keep as an alias.
        let sent = a.sent_of(city.start);
        if a.add_mention(ent, city, RULE.name, Form::Anaphor) && !told_elsewhere(a, ent, sent) {
            a.dateline = Some((ent, sent));
        }
    }
}

/// The countries the rest of the dateline names: ", Malaysia," or ", Texas".
fn countries_named<'g>(a: &Analysis<'g>, rest: Span) -> Vec<&'g str> {
    let gaz = a.gaz;
    gaz.names()
        .find(&a.text[rest.start..rest.end])
        .iter()
        .flat_map(|h| h.targets.iter())
        .filter_map(|t| match t {
            Target::Country(i) => Some(gaz.countries[*i].iso.as_str()),
            _ => None,
        })
        .collect()
}

/// The city (or city-state) the capitals at `city` name, the country named in the rest
/// of the dateline picking among cities of one name.
fn known_city(a: &Analysis, city: Span, rest: Span) -> Option<Target> {
    let gaz = a.gaz;
    let named = countries_named(a, rest);
    let caps = &a.text[city.start..city.end];
    let best = spellings(caps).into_iter().find_map(|written| {
        let hits = gaz.names().find(&written);
        let whole = hits.into_iter().find(|h| h.span.start == 0 && h.span.end == written.len())?;
        whole
            .targets
            .iter()
            .filter_map(|t| match t {
                Target::City(c) => Some(*c),
                _ => None,
            })
            .min_by_key(|&c| {
                let city = &gaz.cities[c];
                (!named.contains(&city.iso.as_str()), !city.capital, std::cmp::Reverse(city.population))
            })
    });
    best.map(Target::City).or_else(|| city_state(a, caps))
}

/// "SINGAPORE -", "MONACO -": a city-state, whose capital bears its name, is filed from
/// as the country itself.
fn city_state(a: &Analysis, caps: &str) -> Option<Target> {
    let gaz = a.gaz;
    spellings(caps).into_iter().find_map(|written| {
        let hits = gaz.names().find(&written);
        let whole = hits.into_iter().find(|h| h.span.start == 0 && h.span.end == written.len())?;
        whole.targets.iter().copied().find(|t| match t {
            Target::Country(i) => gaz.countries[*i].capital == gaz.countries[*i].name,
            _ => false,
        })
    })
}

/// "NUSA DUA, Indonesia -": a town the gazetteers do not know, filed under the one
/// country its dateline names, is a place of that country. Its name in title case is
/// then read wherever the story writes it ("at a hotel in Nusa Dua").
fn unknown_town(a: &mut Analysis, caps: &str, named: &[&str]) -> Option<usize> {
    let [iso] = named else { return None };
    let iso = (*iso).to_string();
    let label = spellings(caps).pop()?;
    let mut town = crate::analysis::Ent::new(crate::model::EntityKind::Location, label.clone());
    town.attrs.insert("country".into(), iso.clone());
    town.iso = Some(iso);
    let ent = a.new_entity(town);
    super::place_in_region::later_uses(a, ent, &label, 0, RULE.name);
    Some(ent)
}

/// "SEOUL (AP) - ... as the two leaders met at Russia's most modern spaceport": the
/// lead places its news in another country than the dateline's, so the story was
/// filed from afar and the dateline city is no place of its events.
fn told_elsewhere(a: &Analysis, city: usize, sent: usize) -> bool {
    let last = (sent + 1).min(a.sents.len().saturating_sub(1));
    let lead = a.sents[sent].tokens.start..a.sents[last].tokens.end;
    lead.into_iter().any(|k| {
        matches!(a.lower(k), "at" | "in")
            && a.mention_at_tok(k + 1).is_some_and(|m| {
                let e = &a.ents[m.ent];
                e.kind == crate::model::EntityKind::Country
                    && e.iso != a.ents[city].iso
                    && matches!(a.word(a.tok_at(m.span.end)), "'s" | "\u{2019}s")
            })
    })
}

/// The first lines of the text, with their byte offsets.
fn first_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // Each line with its break, as `split_inclusive('\n')` gives them; the break is
    // found by memchr (`split_inclusive` looked for it byte by byte).
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        let rest = bytes.get(start..).filter(|rest| !rest.is_empty())?;
        at = memchr::memchr(b'\n', rest).map_or(bytes.len(), |n| start + n + 1);
        Some((start, text.get(start..at).unwrap_or("")))
    })
    .filter(|(_, line)| !line.trim().is_empty())
    .take(MAX_LINE)
}

/// The city of the dateline, if the story has one.
pub(super) fn story_place(a: &Analysis) -> Option<usize> {
    a.dateline.map(|(city, _)| city)
}

/// The place of talks the lead of a datelined story reports: the dateline city when
/// the talks have no place of their own ("said after hosting talks between ...", "A
/// met B on Thursday"), or when their place is the city's country ("after talks with X
/// in South Korea", filed from Busan). A wire story is filed from where its news
/// happened; later paragraphs tell of other places, so only the dateline's sentence
/// and the next are read, and only talks dated that day or the day before.
///
/// `head` is the meeting noun or verb; `held`, whether its words say the talks were
/// held (a place of their own is refined whatever the words).
pub(super) fn lead_place(
    a: &Analysis,
    head: usize,
    have: Option<usize>,
    date: Option<crate::dates::DateValue>,
    held: bool,
) -> Option<usize> {
    let (city, sent) = a.dateline?;
    let lead = sent..=sent + 1;
    if !lead.contains(&a.sent_of(a.toks[head].span.start)) {
        return None;
    }
    if let Some(p) = have {
        let refines = a.ents[p].kind == crate::model::EntityKind::Country && a.ents[p].iso == a.ents[city].iso;
        return refines.then_some(city);
    }
    let today = |d: crate::dates::DateValue| {
        a.doc.date.is_some_and(|p| {
            let yesterday = p.pred_opt().unwrap_or(p);
            d.compatible(crate::dates::DateValue::from_date(p))
                || d.compatible(crate::dates::DateValue::from_date(yesterday))
        })
    };
    (held && date.is_none_or(today)).then_some(city)
}

/// The span of the capitals and the span of the rest of the dateline, up to the dash
/// or colon, and whether a colon ended it.
fn dateline(text: &str) -> Option<(Span, Span, bool)> {
    // Only a line that starts with two characters of a city in capitals ("OSLO", "U.S.",
    // "N'DJAMENA") can hold one (the city wants three capital letters before anything
    // else): prose, "The ...", is turned away before any search.
    if !capitals_open(text) {
        return None;
    }
    let start = text.len() - text.trim_start().len();
    let head = &text[start..];
    let head = &head[..floor_char_boundary(head, MAX_LEN)];
    // A dash between spaces ends the dateline: "OSLO (Reuters) - ". The dashes start
    // with '-' or the lead byte of U+2013 and U+2014: only those bytes are decoded.
    let mut chars_at =
        memchr::memchr2_iter(b'-', 0xE2, head.as_bytes()).filter_map(|i| Some((i, head.get(i..)?.chars().next()?)));
    let dash = chars_at
        .find(|&(i, c)| {
            matches!(c, '-' | '\u{2013}' | '\u{2014}')
                && head[..i].ends_with(char::is_whitespace)
                && head[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, _)| i);
    // "NEW DELHI: India and Pakistan ...", as South Asian papers write it: a colon
    // right after a word and before a space. A speaker's label in a transcript has the
    // same shape ("ANCHOR: Good evening"); `apply` takes it only for a known city.
    let colon = memchr::memchr(b':', head.as_bytes()).filter(|&i| {
        i > 0 && !head[..i].ends_with(char::is_whitespace) && head[i + 1..].starts_with(char::is_whitespace)
    });
    let (end, by_colon) = match (dash, colon) {
        (Some(d), Some(c)) if c < d => (c, true),
        (Some(d), _) => (d, false),
        (None, Some(c)) => (c, true),
        (None, None) => return None,
    };
    let upto = &head[..end];
    // The capitals: words of upper-case letters (with '.', '-', '\'') up to a comma,
    // a parenthesis or the dash.
    let city_len = upto.find([',', '(']).unwrap_or(upto.len());
    let city = upto[..city_len].trim_end();
    let letters = city.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = city.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '\u{2019}'));
    if letters < 3 || !capitals || !city.starts_with(char::is_uppercase) || city.contains("  ") {
        return None;
    }
    // The rest holds only capitalised words, numbers and a short parenthesis ("(Reuters)",
    // "(Special correspondent)"): no sentence has started yet.
    let rest = &upto[city_len..];
    let outside = match (rest.find('('), rest.find(')')) {
        (Some(open), Some(close)) if open < close && close - open <= 40 => {
            format!("{}{}", &rest[..open], &rest[close + 1..])
        }
        _ => rest.to_string(),
    };
    let plain = outside.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.'));
        w.is_empty() || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    if !plain {
        return None;
    }
    let city_span = Span::new(start, start + city.len());
    Some((city_span, Span::new(start + city_len, start + upto.len()), by_colon))
}

/// Whether the line, past its blanks, opens with a capital followed by a capital or
/// one of the other characters a dateline's city is written with.
fn capitals_open(line: &str) -> bool {
    let mut chars = line.trim_start().chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '\u{2019}'))
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

/// Particles written in lower case inside place names ("Sharm el-Sheikh", "Dar es
/// Salaam", "Rio de Janeiro").
const PARTICLES: &[&str] = &["el", "al", "es", "de", "da", "do", "du", "la", "le", "di", "del", "of", "on", "upon"];

/// How a city in capitals may be written in the gazetteers: every word in title case
/// ("Abu Dhabi", "The Hague"), then with lower-case particles after the first word.
fn spellings(caps: &str) -> Vec<String> {
    let title = |w: &str| {
        let mut out = String::with_capacity(w.len());
        let mut first = true;
        for c in w.chars() {
            if first {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            first = matches!(c, '-' | ' ' | '.');
        }
        out
    };
    let titled = title(caps);
    let mut lowered = String::with_capacity(titled.len());
    for (n, word) in titled.split(' ').enumerate() {
        if n > 0 {
            lowered.push(' ');
        }
        let parts: Vec<String> = word
            .split('-')
            .enumerate()
            .map(|(k, p)| {
                let lower = p.to_lowercase();
                if (n > 0 || k > 0) && PARTICLES.contains(&lower.as_str()) {
                    lower
                } else {
                    p.to_string()
                }
            })
            .collect();
        lowered.push_str(&parts.join("-"));
    }
    if lowered == titled {
        vec![titled]
    } else {
        vec![titled, lowered]
    }
}

#[cfg(test)]
mod tests;
