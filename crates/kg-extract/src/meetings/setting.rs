//! Where and when a clause sets a meeting: the place after a trigger ("in X", "on the
//! sidelines of" a meeting), a place described ("the port city of X") and the first
//! date of a token range that is no start of a stretch of time.

use crate::analysis::Analysis;
use crate::model::{EntityKind, Span};

/// The place a clause gives after token `from`: "in X", "at X", "outside X", "near X",
/// or the place of a meeting it is "on the sidelines of".
pub fn place_after(a: &Analysis, from: usize, to: usize) -> Option<usize> {
    let first = first_place_after(a, from, to)?;
    // "in Turkey on Thursday on the sidelines of a meeting in Antalya": the city.
    if a.ents[first].kind == EntityKind::Country {
        let mut k = from;
        while let Some(p) = first_place_after(a, k, to) {
            if a.ents[p].kind == EntityKind::Location && a.ents[p].iso.is_some() && a.ents[p].iso == a.ents[first].iso {
                return Some(p);
            }
            k = (k..to).find(|&t| a.mention_at_tok(t).is_some_and(|m| m.ent == p)).map_or(to, |t| t + 1);
        }
    }
    Some(first)
}

/// "flew to Saudi Arabia on Sunday and held talks there": for a "there" among tokens
/// `from..to`, the place the sentence took its subject to before it ("to", "in", "at"
/// or "into" the place).
pub fn there_place(a: &Analysis, from: usize, to: usize) -> Option<usize> {
    let there = (from..to.min(a.toks.len())).find(|&k| a.lower(k) == "there")?;
    let first = a.sents[a.sent_of(a.toks[there].span.start)].tokens.start;
    (first + 1..there).rev().find_map(|k| {
        let m = a.mention_at_tok(k).filter(|m| a.toks[k].span.start == m.span.start)?;
        let place = matches!(m.kind, EntityKind::Location | EntityKind::Country);
        (place && matches!(a.lower(k - 1), "to" | "in" | "at" | "into")).then_some(m.ent)
    })
}

fn first_place_after(a: &Analysis, from: usize, to: usize) -> Option<usize> {
    for i in from..to.min(a.toks.len()) {
        let w = a.lower(i);
        // "a meeting with Milei, whose inauguration in Buenos Aires he attended": a
        // clause about a person is not where the meeting was.
        if matches!(w, "who" | "whose") {
            return None;
        }
        // "opened the meeting by offering condolences over an attack near Ankara": what
        // the meeting was used for is told with places of its own.
        if w == "by" && a.lower(i + 1).ends_with("ing") {
            return None;
        }
        if !matches!(w, "in" | "at" | "outside" | "near" | "of") {
            continue;
        }
        // "the Summit on Peace in Ukraine", "talks on ending the war in Gaza": the
        // place of the topic, not of the meeting.
        if w == "in" && i > 0 && TOPIC_NOUNS.contains(a.lower(i - 1)) {
            continue;
        }
        if w == "of" {
            if i > 0 && matches!(a.lower(i - 1), "sidelines" | "margins") {
                // The summit's head noun is a few words on: "of a NATO ministers' meeting".
                let summit = (i + 1..(i + 10).min(a.toks.len()))
                    .find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Meeting));
                if let Some(place) = summit.and_then(|m| a.ents[m.ent].meeting.as_ref().and_then(|x| x.place)) {
                    return Some(place);
                }
            }
            continue;
        }
        let mut k = i + 1;
        // "in the Turkish capital": a place named by a role noun starts at "the".
        let role_place = a.toks.get(k).and_then(|t| {
            a.mentions_starting(t.span.start)
                .find(|m| m.form == crate::analysis::Form::RoleNoun && m.kind == EntityKind::Location)
        });
        if a.lower(k) == "the" {
            k += 1;
            if let Some(city) = described_place(a, k) {
                return Some(city);
            }
        }
        let Some(m) = role_place.or_else(|| a.mention_at_tok(k)) else {
            continue;
        };
        let e = &a.ents[m.ent];
        // A venue the gazetteers do not know ("the Itamaraty Palace") places a meeting
        // only by the city told after it: news and its readers know meetings by their
        // city.
        if e.attrs.get("kind").is_some_and(|k| k == "venue") {
            if let Some(city) = city_of_building(a, m.ent, m.span) {
                return Some(city);
            }
            continue;
        }
        if matches!(e.kind, EntityKind::Location | EntityKind::Country) && !is_vague(e) {
            return Some(city_of_building(a, m.ent, m.span).unwrap_or(m.ent));
        }
    }
    None
}

/// "at Lancaster House in London", "the Dolmabahçe Palace, Istanbul": a meeting is held
/// in the city a building is said to stand in (the building stays a place of its own).
fn city_of_building(a: &Analysis, building: usize, span: Span) -> Option<usize> {
    if a.ents[building].attrs.get("kind").is_none_or(|k| k != "building" && k != "venue") {
        return None;
    }
    let after = a.tok_at(span.end);
    let at = match a.lower(after) {
        "in" => after + 1,
        "," => after + 1,
        _ => return None,
    };
    let m = a.mention_at_tok(at)?;
    let city = &a.ents[m.ent];
    (city.kind == EntityKind::Location && city.attrs.get("kind").is_none_or(|k| k != "building" && k != "venue"))
        .then_some(m.ent)
}

/// Continents and vague regions ("East Asia") are not where a meeting is held.
pub fn is_vague(e: &crate::analysis::Ent) -> bool {
    e.attrs.get("kind").is_some_and(|k| k == "continent" || k == "region")
}

/// "the Red Sea port city of Jeddah", "the Russian city of Kazan", from the word after
/// "the": the place named after "<kind of place> of", not the sea, region or country
/// that describes it.
pub fn described_place(a: &Analysis, from: usize) -> Option<usize> {
    let end = (from + 7).min(a.toks.len());
    let head = (from..end).take_while(|&k| a.word(k) != ",").find(|&k| {
        matches!(a.lower(k), "city" | "town" | "resort" | "port" | "capital" | "village" | "enclave")
            && a.lower(k + 1) == "of"
    })?;
    let m = a.mention_at_tok(head + 2)?;
    (m.kind == EntityKind::Location).then_some(m.ent)
}

/// The first date expression in a token range.
pub fn date_in(a: &Analysis, from: usize, to: usize) -> Option<crate::dates::DateValue> {
    let to = to.min(a.toks.len());
    if from >= to {
        return None;
    }
    let span = Span::new(a.toks[from].span.start, a.toks[to - 1].span.end);
    let mut dates = a.dates_in(span).filter(|d| !since(a, d.span)).peekable();
    dates.peek()?;
    // "handed the gavel to Lula, whose country takes over in December": a date of a
    // relative clause is its own event's.
    let relative = crate::clause::relative_segments(a, from, to);
    dates.find(|d| !relative.iter().any(|&(s, e)| (s..e).contains(&a.tok_at(d.span.start)))).map(|d| d.value)
}

/// "the first visit since 2018", "talks since March 2022", "since he won last week's
/// election": the start of a stretch of time, not the date of the event.
fn since(a: &Analysis, span: Span) -> bool {
    let text = a.slice(span);
    if text.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("since ")) {
        return true;
    }
    let Some(before) = a.tok_before(span.start) else { return false };
    (before.saturating_sub(5)..=before)
        .rev()
        .take_while(|&k| !crate::clause::is_comma(a, k) && a.lower(k) != "and")
        .any(|k| a.lower(k) == "since")
}

/// Nouns of what talks are about, whose "in <place>" is where that happens.
static TOPIC_NOUNS: crate::text::WordSet = crate::text::WordSet::new(&[
    "peace",
    "war",
    "conflict",
    "ceasefire",
    "truce",
    "crisis",
    "fighting",
    "security",
    "stability",
    "violence",
    "hostilities",
    "situation",
    "reconstruction",
    "humanitarian",
]);
