//! **org_pattern** — organisations (and venues) the gazetteers do not know, from the
//! nouns that head their names.
//!
//! Matches: a run of capitalised words (with "of", "the", "for", "and" inside) that
//! contains a head noun such as Ministry, Office, Directorate, Commission, Council,
//! Committee, Agency, Service, Forces.
//! A run that ends in a venue's noun (Palace, Castle, Square, Airport, Hotel ...) is a
//! place instead: "at the Itamaraty Palace".
//! Example: "Igor Petrov, director of the Federal Customs Service, said ..." →
//! organisation "Federal Customs Service".
//! Known false positives: headline case ("Office Workers Return") makes any
//! capitalised phrase with a head noun an organisation.

use super::Rule;
use crate::analysis::{Analysis, Ent, Form};
use crate::model::{EntityKind, Span};
pub(super) use heads::VENUES;
use heads::{Heads, HEADS};

mod context;
mod heads;

pub const RULE: Rule = Rule { name: "org_pattern", apply, triggers: context::TRIGGERS };

/// Words of a "Center" that is a building or a venue.
const VENUE_WORDS: &[&str] = &[
    "Convention",
    "Conference",
    "Exhibition",
    "Congress",
    "Shopping",
    "Medical",
    "Arts",
    "Sports",
    "Trade",
    "Press",
    "Media",
    "Cultural",
    "Community",
    "Performing",
];

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "for" | "and" | "on")
}

fn is_starter_to_drop(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "At"
            | "On"
            | "But"
            | "And"
            | "As"
            | "By"
            | "For"
            | "From"
            | "With"
            | "To"
            | "Of"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "Following"
            | "Until"
            | "Amid"
    )
}

/// Words that open the name of a text, not of a body: "the Treaty on Good-Neighbourliness
/// and Alliance".
fn names_a_text(w: &str) -> bool {
    matches!(
        w,
        "Treaty" | "Agreement" | "Convention" | "Declaration" | "Charter" | "Protocol" | "Accord" | "Memorandum"
    )
}

fn apply(a: &mut Analysis) {
    // The sentence of token `i`: sentences cover the tokens in order.
    let mut sent = 0;
    let mut i = 0;
    // A name starts capitalised: the other tokens are passed over unread.
    let mut cursor = 0;
    let mut acronyms: Vec<(usize, usize)> = Vec::new();
    let mut heads = Heads::of(a);
    while let Some(next) = a.next_name_tok(i, &mut cursor) {
        i = next;
        while a.sents.get(sent).is_some_and(|s| s.tokens.end <= i) {
            sent += 1;
        }
        let sent_end = a.sents.get(sent).map_or(a.toks.len(), |s| s.tokens.end);
        if heads.none_reachable(a, i, sent_end) {
            i = sent_end;
            continue;
        }
        if !starts_name(a, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_cap = i;
        while j < sent_end {
            let gap = |k: usize| a.text.get(a.toks[k - 1].span.end..a.toks[k].span.start);
            // "Tigray People's Liberation Front": a possessive inside the name.
            if gap(j) == Some("")
                && matches!(a.word(j), "'s" | "\u{2019}s")
                && j + 1 < sent_end
                && gap(j + 1) == Some(" ")
                && a.toks[j + 1].is_cap
            {
                j += 1;
                continue;
            }
            if gap(j) != Some(" ") {
                break;
            }
            // "the Constitutional Court on July 1": a date ends the name.
            if a.date_covering(a.toks[j].span).is_some() {
                break;
            }
            // "the Government of X and the Y Front": two bodies; an "and" inside a name
            // takes no article ("Ministry of Foreign Affairs and Trade").
            if a.word(j) == "and" && a.lower(j + 1) == "the" {
                break;
            }
            if is_connector(a.word(j)) {
                j += 1;
                continue;
            }
            let after_connector = is_connector(a.word(j - 1));
            let tok = a.toks[j];
            // Tokens start at distinct bytes: the mention covering the token's start.
            if let Some(m) = a.mention_at_tok(j) {
                // "... of the Russian Armed Forces": a name after "of" joins the organisation.
                if !after_connector {
                    break;
                }
                // "Treasury and State Department officials": two bodies, not one.
                if a.word(j - 1) == "and" && m.kind == EntityKind::Organization {
                    break;
                }
                let m_end = m.span.end;
                j = a.tok_at(m_end);
                last_cap = j - 1;
                continue;
            }
            if !(tok.is_word && tok.is_cap) || a.title_at(tok.span) {
                break;
            }
            last_cap = j;
            j += 1;
        }
        let is_head = |k: usize| HEADS.contains(a.word(k));
        let end_tok = match (i..=last_cap).find(|&k| is_head(k)) {
            Some(h) if h == last_cap || is_connector(a.word(h + 1)) => Some(last_cap),
            Some(_) => (i..=last_cap).rev().find(|&k| is_head(k)),
            None => None,
        };
        // "the Kuala Lumpur Convention Centre", "the Kennedy Center for the Performing
        // Arts": venues, not bodies.
        let venue = |e: usize| {
            (i..=last_cap).any(|k| matches!(a.word(k), "Center" | "Centre"))
                && (i..=e.max(last_cap)).any(|k| VENUE_WORDS.contains(&a.word(k)))
        };
        let Some(end_tok) = end_tok.filter(|&e| (e > i || place_before(a, i).is_some()) && !venue(e)) else {
            // "at the Itamaraty Palace": a venue's name, of two words at least.
            if end_tok.is_none() && last_cap > i && VENUES.contains(a.word(last_cap)) {
                add_venue(a, Span::new(a.toks[i].span.start, a.toks[last_cap].span.end));
            }
            i = last_cap + 1;
            continue;
        };
        // "Enrique Mora of the European Union": a person's name, then the body.
        if let Some(of) = person_of(a, i, end_tok) {
            i = of + 1;
            continue;
        }
        // A place that opens the name belongs to it: "the Congo River Alliance".
        let start = place_before(a, i).unwrap_or(a.toks[i].span.start);
        // "the 5th High-Level Cooperation Council": a numbered session of a council is a
        // meeting (`meeting_mention`), not the body; a treaty's name is no body either.
        if numbered_session(a, a.tok_at(start), end_tok) || names_a_text(a.word(a.tok_at(start))) {
            i = end_tok + 1;
            continue;
        }
        let span = Span::new(start, a.toks[end_tok].span.end);
        // A longer name swallows the demonyms and names inside it.
        a.remove_mentions_within(span);
        let label = a.slice(span).to_string();
        let e = org_named(a, &label);
        a.add_mention(e, span, RULE.name, Form::Name);
        i = end_tok + 1;
        if let Some(acronym) = acronym_after(a, end_tok) {
            acronyms.push((e, acronym));
        }
    }
    for (e, acronym) in acronyms {
        name_by_acronym(a, e, acronym);
    }
    context::apply(a);
}

/// "the Tigray People's Liberation Front (TPLF)": the acronym in parentheses right
/// after a name (its token), which later stands for the organisation alone.
fn acronym_after(a: &Analysis, end_tok: usize) -> Option<usize> {
    let (open, word, close) = (end_tok + 1, end_tok + 2, end_tok + 3);
    if a.word(open) != "(" || a.word(close) != ")" || a.mention_at_tok(word).is_some() {
        return None;
    }
    let w = a.word(word);
    (2..=8).contains(&w.len()).then_some(())?;
    w.bytes().all(|b| b.is_ascii_uppercase()).then_some(word)
}

/// Every token spelling the acronym at token `acronym` (the first one included) that no
/// other mention covers is a mention of organisation `e`.
fn name_by_acronym(a: &mut Analysis, e: usize, acronym: usize) {
    let word = a.word(acronym).to_string();
    a.ents[e].aliases.insert(word.clone());
    let at: Vec<Span> = (acronym..a.toks.len())
        .filter(|&k| a.word(k) == word && a.mention_at_tok(k).is_none())
        .map(|k| a.toks[k].span)
        .collect();
    for span in at {
        a.add_mention(e, span, RULE.name, Form::Name);
    }
}

/// The start of a city or place named right before token `i` (one space between), when
/// nothing but the start of a clause precedes it: the name then runs on into `i`.
fn place_before(a: &Analysis, i: usize) -> Option<usize> {
    let prev = i.checked_sub(1)?;
    let m = a.mention_at_tok(prev)?;
    if m.kind != EntityKind::Location || a.text.get(m.span.end..a.toks[i].span.start) != Some(" ") {
        return None;
    }
    Some(m.span.start)
}

/// Whether the name from token `first` to its head `head` is a numbered session: an
/// ordinal before it, and a council or committee for head, or a session in it ("the
/// 38th Ordinary Session of the Assembly").
pub(crate) fn numbered_session(a: &Analysis, first: usize, head: usize) -> bool {
    // Past the sides of the council: "the 5th Greece-Türkiye High-Level Cooperation Council".
    let before = if first > 1 && a.word(first - 1).contains('-') { first - 2 } else { first.wrapping_sub(1) };
    first > 0
        && a.toks.get(before).is_some_and(|_| crate::text::is_ordinal(a.word(before)))
        && (matches!(a.word(head), "Council" | "Committee" | "Commission")
            || (first..=head).any(|k| a.word(k) == "Session"))
}

fn starts_name(a: &Analysis, i: usize) -> bool {
    let t = a.toks[i];
    // "the NATO-Ukraine Council": a name may open with a compound of names.
    let free = a.mention_at_tok(i).is_none_or(|m| m.span.end < t.span.end);
    // Nor a weekday or month: "on Thursday on Russky Island".
    t.is_word
        && t.is_cap
        && free
        && !is_starter_to_drop(a.word(i))
        && !a.title_at(t.span)
        && a.date_covering(t.span).is_none()
}

/// The "of" after a person's name of two or three words (a given name first) that
/// opens the run from token `i` to the head at `end`: "Enrique Mora of the European
/// Union".
fn person_of(a: &Analysis, i: usize, end: usize) -> Option<usize> {
    let of = (i + 2..=(i + 3).min(end)).find(|&k| a.word(k) == "of")?;
    let name = a.gaz.is_given_name(a.word(i)) && (i..of).all(|k| a.toks[k].is_cap && !HEADS.contains(a.word(k)));
    name.then_some(of)
}

/// A venue the gazetteers do not know: a place of its own, which places a meeting only
/// by the city told after it (see `meetings::place_after`).
fn add_venue(a: &mut Analysis, span: Span) {
    let label = a.slice(span).to_string();
    let existing = a.ents.iter().position(|e| e.kind == EntityKind::Location && e.label == label && e.gaz.is_none());
    let e = existing.unwrap_or_else(|| {
        let mut ent = Ent::new(EntityKind::Location, &label);
        ent.attrs.insert("kind".into(), "venue".into());
        a.new_entity(ent)
    });
    a.remove_mentions_within(span);
    a.add_mention(e, span, RULE.name, Form::Name);
}

/// The organisation of the document with this label, created on first use.
pub(super) fn org_named(a: &mut Analysis, label: &str) -> usize {
    if let Some(i) = a.ents.iter().position(|e| e.kind == EntityKind::Organization && e.label == label) {
        return i;
    }
    a.new_entity(Ent::new(EntityKind::Organization, label))
}

#[cfg(test)]
mod tests;
