//! What the words around a meeting noun say of its place, date and status: the
//! destination of a visit, the city "where" stands for, the place a clause went to
//! "for" talks, talks that something came "after", "a day after talks".

use crate::analysis::Analysis;
use crate::clause::clause_of;
use crate::meetings::{date_in, place_after};
use crate::model::EntityKind;

/// "after more than eight hours of talks", "following two days of negotiations": a
/// length of time the meeting took, after which something else happens.
pub(in crate::rules) fn after_hours_of(a: &Analysis, np_start: usize) -> bool {
    let mut k = np_start;
    let mut measured = false;
    while k > 0 && np_start - k < 7 {
        k -= 1;
        let w = a.lower(k);
        if matches!(w, "after" | "following") {
            return measured;
        }
        measured |= matches!(w, "hours" | "days" | "weeks" | "rounds");
        let filler = matches!(
            w,
            "of" | "more" | "than" | "about" | "nearly" | "almost" | "over" | "some" | "several" | "a" | "an" | "the"
        ) || w.chars().all(|c| c.is_ascii_digit())
            || matches!(w, "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "twelve")
            || matches!(w, "hours" | "days" | "weeks" | "rounds");
        if !filler {
            return false;
        }
    }
    false
}

/// "on Wednesday, a day after talks in Riyadh": the day before the clause's date.
pub(super) fn day_before(a: &Analysis, np_start: usize) -> Option<crate::dates::DateValue> {
    let k = np_start.checked_sub(3)?;
    let told = matches!(a.lower(k), "a" | "one") && a.lower(k + 1) == "day" && a.lower(k + 2) == "after";
    if !told {
        return None;
    }
    let sent_start = a.sents[a.sent_of(a.toks[k].span.start)].tokens.start;
    let d = date_in(a, sent_start, k)?;
    let day = chrono::NaiveDate::from_ymd_opt(d.year, d.month?, d.day?)?.pred_opt()?;
    Some(crate::dates::DateValue::from_date(day))
}

/// The "for" of a journey's purpose right before the noun phrase at `np_start`, past an
/// article and an ordinal ("for the 21st annual summit").
fn purpose_for(a: &Analysis, np_start: usize) -> Option<usize> {
    let mut k = np_start;
    if k > 0 && crate::text::is_ordinal(a.word(k - 1)) {
        k -= 1;
    }
    if k > 0 && matches!(a.lower(k - 1), "the" | "a" | "an") {
        k -= 1;
    }
    (k > 0 && a.lower(k - 1) == "for").then(|| k - 1)
}

/// "arrived in Jeddah on Sunday for talks", "went to Brussels for a NATO summit": the
/// place the clause went to before "for".
pub(super) fn purpose_place(a: &Analysis, np_start: usize) -> Option<usize> {
    let for_tok = purpose_for(a, np_start)?;
    let (clause_start, _) = clause_of(a, for_tok);
    // "had tea at Windsor Castle, and then went to Brussels for": the destination right
    // before "for" first, past a date ("flew to New Delhi on Monday for").
    let destination = (for_tok.saturating_sub(5).max(clause_start + 1)..for_tok)
        .rev()
        .take_while(|&t| !crate::clause::is_comma(a, t))
        .find_map(|t| {
            let m = a.mention_at_tok(t).filter(|m| a.toks[t].span.start == m.span.start)?;
            let place = matches!(m.kind, EntityKind::Location | EntityKind::Country);
            (place && t > clause_start && a.lower(t - 1) == "to").then_some(m.ent)
        });
    destination.or_else(|| place_after(a, clause_start, for_tok))
}

/// "traveled to Kyoto in December 2011 for talks": the date of the journey whose
/// purpose the meeting at `np_start` is, a few words before its "for".
pub(super) fn purpose_date(a: &Analysis, np_start: usize) -> Option<crate::dates::DateValue> {
    let for_tok = purpose_for(a, np_start)?;
    let from = (for_tok.saturating_sub(6)..for_tok).rev().take_while(|&t| !crate::clause::is_comma(a, t)).last()?;
    crate::meetings::date_in(a, from, for_tok)
}

/// "In November 1985, Reagan and Gorbachev held their first summit here": the date of
/// an adverbial that opens the sentence, before its comma.
pub(super) fn fronted_date(a: &Analysis, np_start: usize) -> Option<crate::dates::DateValue> {
    let sent_start = a.sents[a.sent_of(a.toks[np_start].span.start)].tokens.start;
    if !matches!(a.lower(sent_start), "in" | "on" | "during") {
        return None;
    }
    let comma = (sent_start + 1..(sent_start + 6).min(np_start)).find(|&k| crate::clause::is_comma(a, k))?;
    // The date ends the adverbial: "On Friday Steve Witkoff, Trump's envoy, ..." has
    // none.
    a.date_covering(a.toks[comma - 1].span)?;
    // "In an interview on Saturday, Lula said ... next year's summit": the date of
    // the saying, not of the meeting it speaks of.
    if reported(a, comma, np_start) {
        return None;
    }
    date_in(a, sent_start, comma)
}

/// "In Tel Aviv, Biden and Netanyahu hold talks", "Oct. 16 - Back in Tel Aviv, ...": the
/// place of an adverbial that opens the sentence, before its comma. Not that of a
/// saying ("In Moscow, Peskov said talks would resume").
pub(super) fn fronted_place(a: &Analysis, np_start: usize) -> Option<usize> {
    let sent_start = a.sents[a.sent_of(a.toks[np_start].span.start)].tokens.start;
    // Past a timeline's date and "Back": capitals, numbers and punctuation only.
    let opener = |k: usize| !a.toks[k].is_word || a.toks[k].is_cap || a.lower(k).bytes().all(|b| b.is_ascii_digit());
    let at = (sent_start..(sent_start + 6).min(np_start)).find(|&k| a.lower(k) == "in")?;
    if !(sent_start..at).all(opener) {
        return None;
    }
    let place = a.mention_at_tok(at + 1).filter(|m| matches!(m.kind, EntityKind::Location | EntityKind::Country))?;
    let comma = a.tok_at(place.span.end);
    if !crate::clause::is_comma(a, comma) || comma >= np_start {
        return None;
    }
    (!reported(a, comma, np_start)).then_some(place.ent)
}

/// Whether tokens `from..to`, between a fronted adverbial and the meeting noun, report
/// or foresee rather than tell ("said", "that", "would"): the adverbial is then the
/// saying's, not the meeting's.
fn reported(a: &Analysis, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        matches!(a.lower(k), "said" | "says" | "told" | "added" | "announced" | "that" | "would" | "will" | "could")
    })
}

/// "visit to X", "visit in X": the place named right after the noun.
pub fn visit_destination(a: &Analysis, i: usize) -> Option<usize> {
    // "the visit of President Novak to Brazil": the destination after the visitor.
    if matches!(a.lower(i + 1), "by" | "of") {
        let (_, visitor) = crate::clause::objects_after(a, i + 1).first().copied()?;
        let after = a.tok_at(visitor.end);
        return (after <= i + 7 && a.lower(after) == "to").then(|| visit_destination(a, after - 1)).flatten();
    }
    if !matches!(a.lower(i + 1), "to" | "in") {
        return None;
    }
    let k = if a.lower(i + 2) == "the" { i + 3 } else { i + 2 };
    if k == i + 3 {
        // "a visit to the Red Sea city of Jeddah": the city.
        if let Some(city) = crate::meetings::described_place(a, k) {
            return Some(city);
        }
    }
    let m = a.mention_at_tok(k)?;
    let e = &a.ents[m.ent];
    let vague = e.attrs.get("kind").is_some_and(|k| k == "continent" || k == "region");
    (matches!(e.kind, EntityKind::Location | EntityKind::Country) && !vague).then_some(m.ent)
}

/// "..., where X chaired a meeting": the place "where" stands for, the place named
/// last before it ("flew from Tokyo to Gyeongju, where ..." → Gyeongju; "to Tokyo,
/// and then to South Korea, where" → South Korea), the city of "Antalya, Turkey,
/// where".
pub(super) fn where_place(a: &Analysis, start: usize) -> Option<usize> {
    if a.lower(start) != "where" {
        return None;
    }
    let at = a.toks[start].span.start;
    let places: Vec<_> = a
        .mentions
        .iter()
        .filter(|m| {
            m.span.end <= at
                && matches!(m.kind, EntityKind::Location | EntityKind::Country)
                && a.sent_of(m.span.start) == a.sent_of(at)
        })
        // "in Antalya on Turkey's Mediterranean coast, where": a sea or a region
        // describes the city, it is not where things are done.
        .filter(|m| {
            let kind = a.ents[m.ent].attrs.get("kind").map(String::as_str);
            !matches!(kind, Some("sea" | "gulf" | "river" | "strait" | "region" | "subregion" | "continent"))
        })
        .collect();
    let last = places.iter().max_by_key(|m| m.span.start)?;
    if last.kind == EntityKind::Country {
        // The country that only qualifies the city before it, or a demonym or
        // possessor ("the Russian city of Kazan, where").
        let first = a.tok_at(last.span.start);
        let city = places.iter().filter(|m| m.kind == EntityKind::Location).max_by_key(|m| m.span.start);
        let after = a.tok_at(last.span.end);
        if city.is_some_and(|c| a.tok_at(c.span.end) + 2 >= first) || !crate::clause::is_comma(a, after) {
            return city.map(|c| c.ent);
        }
    }
    Some(last.ent)
}

/// "the Economic Leaders' Meeting, which the United States is hosting in San Francisco
/// this week": the token range of a "which" clause right after the meeting noun at
/// `i`, where its place and date are told.
pub(super) fn which_clause(a: &Analysis, i: usize) -> Option<(usize, usize)> {
    if !(crate::clause::is_comma(a, i + 1) && a.lower(i + 2) == "which") {
        return None;
    }
    let sent_end = a.sents[a.sent_of(a.toks[i].span.start)].tokens.end;
    let end = (i + 3..sent_end).find(|&k| crate::clause::is_comma(a, k)).unwrap_or(sent_end);
    Some((i + 3, end))
}

/// "arrived in Moscow on Monday for a three-day state visit", "arrived in Haiti's capital
/// on his first visit", "was in Kyiv, his first visit since": the place of the arrival
/// is the destination of the visit whose noun phrase starts at `np_start`.
pub(super) fn arrival_place(a: &Analysis, np_start: usize) -> Option<usize> {
    let mut for_tok = np_start.checked_sub(1)?;
    // Past a determiner and an ordinal: "on his first visit".
    for _ in 0..2 {
        if matches!(a.lower(for_tok), "a" | "an" | "the" | "his" | "her" | "their" | "first" | "second" | "third") {
            for_tok = for_tok.checked_sub(1)?;
        }
    }
    // "... for a three-day state visit", "... on his first visit", and the apposition
    // "was in Kyiv, his first visit since the invasion".
    let apposition = crate::clause::is_comma(a, for_tok);
    if !matches!(a.lower(for_tok), "for" | "on") && !apposition {
        return None;
    }
    let arrived = (for_tok.saturating_sub(10)..for_tok).rev().take_while(|&k| !crate::clause::is_comma(a, k)).find(
        |&k| match a.lower(k) {
            "arrived" | "arrives" | "arriving" | "landed" | "lands" => true,
            // Being there is told with the noun in apposition: "is due in China on
            // Thursday, her first visit in the post".
            "was" | "is" | "due" => apposition,
            _ => false,
        },
    )?;
    if a.lower(arrived + 1) != "in" {
        return None;
    }
    // The longest name there: "Haiti's capital" over "Haiti".
    let m = a.mentions_starting(a.toks.get(arrived + 2)?.span.start).max_by_key(|m| m.span.end)?;
    let e = &a.ents[m.ent];
    (matches!(e.kind, EntityKind::Location | EntityKind::Country) && !crate::meetings::is_vague(e)).then_some(m.ent)
}

/// "met in Samarkand at the Shanghai Cooperation Organisation summit": the city told
/// right before "at" the meeting whose noun phrase starts at `np_start`.
pub(super) fn in_place_at(a: &Analysis, np_start: usize) -> Option<usize> {
    let mut at = np_start.checked_sub(1)?;
    if matches!(a.lower(at), "the" | "a" | "an") {
        at = at.checked_sub(1)?;
    }
    if a.lower(at) != "at" || at == 0 {
        return None;
    }
    let m = a.mentions_ending(a.toks[at - 1].span.end).find(|m| m.kind == EntityKind::Location)?;
    let first = a.tok_at(m.span.start);
    (first > 0 && a.lower(first - 1) == "in").then_some(m.ent)
}
