//! Title phrases: a title with what qualifies it. "Turkish Foreign Minister",
//! "US Secretary of State", "director of the Main Intelligence Directorate",
//! "Ambassador to Sweden", "head of Russia's delegation", "former President".

use crate::analysis::Analysis;
use crate::gazetteer::TitleCategory;
use crate::model::{EntityKind, Span};

#[derive(Debug, Clone)]
pub struct TitlePhrase {
    pub span: Span,
    /// The title as written, with its qualifiers ("Deputy Defense Minister",
    /// "Ambassador to Sweden").
    pub title: String,
    pub category: TitleCategory,
    pub plural: bool,
    /// The country or organisation the title belongs to.
    pub affiliation: Option<usize>,
    /// "head of the Russian delegation": the delegation led.
    pub delegation: Option<usize>,
    pub former: bool,
}

const QUALIFIERS: &[&str] = &[
    "deputy",
    "first",
    "acting",
    "vice",
    "senior",
    "interim",
    "chief",
    "special",
    "top",
    // "diplomatic adviser to the president": the adviser's field.
    "diplomatic",
    "economic",
    "political",
    "legal",
];

/// The mention (entity, span) that ends right before byte `at`, across blanks and an
/// optional possessive.
fn mention_ending_at(a: &Analysis, at: usize) -> Option<(usize, Span)> {
    // One space, in the same sentence: a name at the end of the previous line or
    // sentence ("... the U.S. Foreign Minister X", cut after "U.S.") does not qualify
    // a title at the start of the next.
    let before = a.text.get(..at)?.strip_suffix(' ')?;
    // "Russia's", and "the Marshall Islands'" (a name ending in s takes the apostrophe
    // alone).
    let before = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("\u{2019}s"))
        .or_else(|| before.strip_suffix('\'').or_else(|| before.strip_suffix('\u{2019}')).filter(|b| b.ends_with('s')))
        .unwrap_or(before);
    let end = before.len();
    // Most titles follow no mention: the sentence is looked up only for one.
    let mut ending = a.mentions_ending(end).peekable();
    ending.peek()?;
    let sent = a.sent_of(at);
    ending.find(|m| m.sent == sent).map(|m| (m.ent, m.span))
}

/// The mention starting at the first token at or after byte `at`, after an optional "the".
fn mention_starting_at(a: &Analysis, at: usize) -> Option<(usize, Span)> {
    let mut tok = a.tok_at(at);
    if a.lower(tok) == "the" {
        tok += 1;
    }
    let start = a.toks.get(tok)?.span.start;
    let mut starting = a.mentions_starting(start).peekable();
    starting.peek()?;
    let sent = a.sent_of(at);
    starting.find(|m| m.sent == sent).map(|m| (m.ent, m.span))
}

/// Every title phrase of the document, in text order.
pub fn title_phrases(a: &Analysis) -> Vec<TitlePhrase> {
    let mut out: Vec<TitlePhrase> = Vec::with_capacity(a.title_hits.len());
    for hit in &a.title_hits {
        // A title inside a longer name already found is not one; a name inside the
        // title ("Kremlin spokesman", "Politburo Member") is what it belongs to.
        // Most titles overlap no mention: the list of them only when one does.
        let mut inner = None;
        if a.covered(hit.span) {
            // The first recorded of the countries and bodies inside the title, found
            // without a sorted list of the mentions.
            let (mut longer, mut first_inner) = (false, None);
            for (i, m) in a.mentions_overlapping(hit.span) {
                longer |= m.span.contains(hit.span) && m.span != hit.span;
                let belongs =
                    hit.span.contains(m.span) && matches!(m.kind, EntityKind::Country | EntityKind::Organization);
                if belongs && first_inner.is_none_or(|(j, _)| i < j) {
                    first_inner = Some((i, m.ent));
                }
            }
            if longer {
                continue;
            }
            inner = first_inner.map(|(_, ent)| ent);
        }
        let t = &a.gaz.titles[hit.title];
        let mut start = hit.span.start;
        let mut end = hit.span.end;
        let mut title =
            if t.category == TitleCategory::Occupation { a.slice(hit.span).to_string() } else { t.canonical.clone() };
        // Qualifiers the title list lacks: "First Deputy", "Acting".
        let mut tok = a.tok_at(start);
        while tok > 0 && QUALIFIERS.contains(&a.lower(tok - 1)) && !title.to_lowercase().starts_with(a.lower(tok - 1)) {
            tok -= 1;
            start = a.toks[tok].span.start;
            title = format!("{} {}", cap(a.word(tok)), title);
        }
        let mut affiliation = inner;
        // "Kenyan Defence Cabinet Secretary", "Russia's Presidential Commissioner": a
        // portfolio the title list lacks, between the country and a minister's or an
        // official's title.
        // The mention right before the title, looked for once where the start stays.
        let mut before = mention_ending_at(a, start);
        if matches!(t.category, TitleCategory::Minister | TitleCategory::Official) && before.is_none() {
            if let Some(from) = portfolio_before(a, tok) {
                title = format!("{} {title}", a.slice(Span::new(a.toks[from].span.start, a.toks[tok - 1].span.end)));
                tok = from;
                start = a.toks[from].span.start;
                before = mention_ending_at(a, start);
            }
        }
        if let Some((ent, span)) = before {
            if matches!(a.ents[ent].kind, EntityKind::Country | EntityKind::Organization) {
                affiliation = Some(ent);
                start = span.start;
            }
        }
        // Unless an affiliation moved the start, its token is known.
        let first = if a.toks.get(tok).is_some_and(|t| t.span.start == start) { tok } else { a.tok_at(start) };
        let former = first > 0 && matches!(a.lower(first - 1), "former" | "ex" | "then" | "late" | "ex-" | "then-");
        let mut delegation = None;
        let next = a.tok_at(end);
        // "Ambassador to" may be the title itself, or the title plus "to".
        let title_to = ends_with_to(&t.title);
        let (to_word, to_end) =
            if title_to { ("to", hit.span.end) } else { (a.lower(next), a.toks.get(next).map_or(end, |x| x.span.end)) };
        if to_word == "to" && title_to {
            title = title.trim_end_matches(" to").to_string();
        }
        match if to_word == "to" { "to" } else { a.lower(next) } {
            "to" if matches!(t.category, TitleCategory::Diplomat) => {
                if let Some((ent, span)) = mention_starting_at(a, to_end) {
                    if a.ents[ent].kind == EntityKind::Country || a.ents[ent].kind == EntityKind::Organization {
                        title = format!("{title} to {}", a.slice(span));
                        end = span.end;
                    }
                }
            }
            // "adviser to the president of the United Arab Emirates": the leader's country.
            "to" if affiliation.is_none() => {
                if let Some((ent, span, leader)) = leader_served(a, next + 1) {
                    affiliation = Some(ent);
                    title = format!("{title} to the {leader}");
                    end = span.end;
                }
            }
            "of" | "for" => {
                // "head of Russia's delegation": a delegation a few words on wins.
                let delegation_near =
                    (next + 1..(next + 5).min(a.toks.len())).take_while(|&k| a.word(k) != ",").find_map(|k| {
                        a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Delegation).map(|m| (m.ent, m.span))
                    });
                if let Some((d, span)) = delegation_near {
                    delegation = Some(d);
                    end = span.end;
                } else if let Some((ent, span)) = mention_starting_at(a, a.toks[next].span.end) {
                    // "secretary of Ukraine's Security Council": the body, not the country.
                    let (ent, span) = body_of_country(a, ent, span).unwrap_or((ent, span));
                    // "senior director for China", "envoy for Ukraine": a country after
                    // "for" is the portfolio, not the employer.
                    let portfolio = a.lower(next) == "for" && a.ents[ent].kind == EntityKind::Country;
                    match a.ents[ent].kind {
                        EntityKind::Country | EntityKind::Organization if affiliation.is_none() && !portfolio => {
                            affiliation = Some(ent);
                            end = span.end;
                        }
                        EntityKind::Delegation => {
                            delegation = Some(ent);
                            end = span.end;
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        // "Britain's ambassador in Washington until last week": an office held until a
        // time told is one held no longer.
        let after = a.tok_at(end);
        let window = after..(after + 8).min(a.toks.len());
        // Most titles have no "until" after them, which one look at each word tells
        // before the walk that stops at a comma or a verb.
        let held_until = window.clone().any(|k| a.lower(k) == "until")
            && window
                .take_while(|&k| a.lower(k) != "," && a.lower(k) != "." && !crate::clause::finite_verb_at(a, k))
                .any(|k| a.lower(k) == "until" && !matches!(a.lower(k + 1), "now" | "further"));
        let former = former || held_until;
        out.push(TitlePhrase {
            span: Span::new(start, end),
            title,
            category: t.category,
            plural: hit.plural,
            affiliation,
            delegation,
            former,
        });
    }
    out
}

/// The first token of capitalised words before token `tok` ("Defence", "Trade,
/// Investments and Industry"), or of one or two lower-case words before a lower-case
/// title ("climate"), that a country, demonym or body precedes.
fn portfolio_before(a: &Analysis, tok: usize) -> Option<usize> {
    // A title found inside a glued token ("Fidan'spokesman") has no token of its own.
    let title_cap = a.toks.get(tok)?.is_cap;
    let mut k = tok;
    while k > 0 && tok - k < 6 {
        let t = &a.toks[k - 1];
        // "EU climate commissioner": a lower-case portfolio of a word or two, right
        // before a title in lower case (not "statement said" before "Deputy Minister").
        let lower_portfolio = tok - k < 2
            && !title_cap
            && !crate::clause::finite_verb_at(a, k - 1)
            && !t.is_cap
            && t.is_word
            && a.word(k - 1).bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(a.lower(k - 1), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "and" | "of" | "for");
        let word =
            t.is_word && (t.is_cap || lower_portfolio) && a.mention_at_tok(k - 1).is_none() && !a.title_at(t.span);
        if !(word || (k < tok && matches!(a.word(k - 1), "," | "and"))) {
            break;
        }
        k -= 1;
        // "Kenyan Defence Minister", "EU Trade Commissioner": a country's or a body's.
        let affiliated = mention_ending_at(a, t.span.start)
            .is_some_and(|(e, _)| matches!(a.ents[e].kind, EntityKind::Country | EntityKind::Organization));
        if word && affiliated {
            return Some(k);
        }
    }
    None
}

/// "the president of <country>" or "the Ukrainian president" from token `tok`: the
/// country, where its phrase ends, and the leader's title.
fn leader_served(a: &Analysis, tok: usize) -> Option<(usize, Span, String)> {
    let tok = if a.lower(tok) == "the" { tok + 1 } else { tok };
    let at = a.toks.get(tok)?.span.start;
    let country = |a: &Analysis, m: Option<(usize, Span)>| m.filter(|&(e, _)| a.ents[e].kind == EntityKind::Country);
    // "the Ukrainian president": a demonym, then the title; "Iran's Supreme Leader": a
    // possessive.
    let (lead_at, before) = match country(a, a.mentions_starting(at).next().map(|m| (m.ent, m.span))) {
        Some((e, span)) => {
            let mut next = a.tok_at(span.end);
            if matches!(a.word(next), "'s" | "\u{2019}s") {
                next += 1;
            }
            (a.toks.get(next)?.span.start, Some((e, span)))
        }
        None => (at, None),
    };
    let hit = a.title_hits.iter().find(|h| h.span.start == lead_at)?;
    let t = &a.gaz.titles[hit.title];
    if !t.category.is_leader() || hit.plural {
        return None;
    }
    let leader = t.canonical.to_lowercase();
    if let Some((e, country_span)) = before {
        // "adviser to Iran's Supreme Leader Ayatollah Ali Khamenei": the leader is named,
        // and the title before the name is his: the phrase ends at the country.
        let named = a.toks.get(a.tok_at(hit.span.end)).is_some_and(|n| n.is_cap && n.span.start == hit.span.end + 1);
        return Some((e, if named { country_span } else { hit.span }, leader));
    }
    let of = a.tok_at(hit.span.end);
    if a.lower(of) != "of" {
        return None;
    }
    let (e, span) = country(a, mention_starting_at(a, a.toks.get(of)?.span.end))?;
    Some((e, span, leader))
}

/// The body a country's possessive introduces after "of": "of Russia's Security
/// Council" (the organisation named right after "'s"), or "of Russia's sovereign wealth
/// fund, the Russian Direct Investment Fund" (a lower-case description, then the
/// organisation's name in apposition). Only an organisation qualifies: "of Russia's
/// delegation" and "of Russia's war" stay with the caller.
fn body_of_country(a: &Analysis, country: usize, span: Span) -> Option<(usize, Span)> {
    if a.ents[country].kind != EntityKind::Country {
        return None;
    }
    let rest = a.text.get(span.end..)?;
    let after = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("\u{2019}s "))?;
    let at = a.text.len() - after.len();
    let org = |a: &Analysis, at: usize| {
        mention_starting_at(a, at).filter(|&(e, _)| a.ents[e].kind == EntityKind::Organization)
    };
    if let Some(found) = org(a, at) {
        return Some(found);
    }
    // A short lower-case description, a comma, then the name, closed by a comma or the
    // end of the sentence (not the first item of a list).
    let first = a.tok_at(at);
    let sent_end = a.sents[a.sent_of(at)].tokens.end;
    let comma = (first..(first + 5).min(sent_end)).take_while(|&k| !a.toks[k].is_cap).find(|&k| a.word(k) == ",")?;
    if comma == first {
        return None;
    }
    let (e, name) = org(a, a.toks.get(comma + 1)?.span.start)?;
    let close = a.tok_at(name.end);
    matches!(a.word(close), "," | "." | "").then_some((e, name))
}

/// Whether the title ends in the word "to", in any case. The same as lower-casing it
/// first: no other character lower-cases to a space, "t" or "o".
fn ends_with_to(title: &str) -> bool {
    title.len() >= 3 && title.as_bytes()[title.len() - 3..].eq_ignore_ascii_case(b" to")
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests;
