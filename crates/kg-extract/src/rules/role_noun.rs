//! **role_noun** — people, places and organisations referred to by their role: "the
//! Ukrainian leader", "the Russian president", "the Kremlin chief", "the top US
//! diplomat", "the King", "the Turkish capital", "Haiti's capital", "the capital" in
//! the lead of a story filed from one, "the (military) alliance".
//!
//! Matches: "the" + country or demonym + role noun. The person must already be named in
//! the document; the titles the article gives decide who it is, and dated knowledge of
//! office holders decides only where the article is silent.
//! Example: "Ruto met Museveni. The Kenyan leader said ..." → Ruto (if the article or
//! the office-holder table makes him Kenya's head of state).
//! Known false positives: "the leader" of a party or group read as the head of state.

use super::Rule;
use crate::analysis::{Analysis, Form};
use crate::gazetteer::{Role, Target, TitleCategory};
use crate::model::{EntityKind, Span};
use title_starts::TitleStarts;

mod title_starts;

pub const RULE: Rule = Rule { name: "role_noun", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["the", "prime", "president", "chancellor", "capital"];

#[derive(Clone, Copy, PartialEq)]
enum Wanted {
    Leader,
    President,
    PrimeMinister,
    ForeignMinister,
    SecretaryGeneral,
    /// "the King", "the Bhutanese monarch", "the Emir".
    Monarch,
    Capital,
}

fn wanted(word: &str, next: &str) -> Option<(Wanted, usize)> {
    Some(match (word, next) {
        ("leader", _) | ("chief", _) | ("head", "of") if next != "of" || word == "head" => (Wanted::Leader, 1),
        ("president", _) => (Wanted::President, 1),
        ("prime", "minister") | ("premier", _) | ("chancellor", _) => {
            (Wanted::PrimeMinister, if word == "prime" { 2 } else { 1 })
        }
        ("foreign", "minister") => (Wanted::ForeignMinister, 2),
        ("diplomat", _) => (Wanted::ForeignMinister, 1),
        ("monarch" | "king" | "queen" | "emir" | "sultan", _) => (Wanted::Monarch, 1),
        ("capital", _) => (Wanted::Capital, 1),
        _ => return None,
    })
}

fn apply(a: &mut Analysis) {
    let titled = TitleStarts::of(a);
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if a.lower(i) == "capital" {
            possessed_capital(a, i);
            continue;
        }
        if !matches!(a.lower(i).as_bytes(), [b't', b'h', b'e']) {
            bare_title(a, i);
            continue;
        }
        if same_title(a, i, &titled) {
            continue;
        }
        // "the top US diplomat": skip "top".
        let mut k = i + 1;
        if matches!(a.lower(k).as_bytes(), [b't', b'o', b'p']) {
            k += 1;
        }
        let Some(m) = a.mention_at_tok(k).cloned() else {
            alliance(a, i);
            the_title(a, i);
            continue;
        };
        let country = match m.kind {
            EntityKind::Country => m.ent,
            EntityKind::Organization if a.ents[m.ent].iso.is_some() => m.ent,
            _ => continue,
        };
        let after = a.tok_at(m.span.end);
        let Some((want, len)) = wanted(a.lower(after), a.lower(after + 1)) else {
            continue;
        };
        let last = after + len - 1;
        if last >= a.toks.len() || a.mention_at_tok(after).is_some() {
            continue;
        }
        let span = Span::new(a.toks[i].span.start, a.toks[last].span.end);
        let iso = a.ents[country].iso.clone();
        let target = if want == Wanted::Capital {
            capital(a, iso.as_deref())
        } else {
            person(a, country, iso.as_deref(), want, span.start)
        };
        if let Some(t) = target {
            // The demonym stays a mention of the country; the role noun covers it (and
            // for "the Turkish capital", place finders take the city that starts at "the").
            a.add_nested_mention(t, span, RULE.name, Form::RoleNoun);
        }
    }
}

/// The role a title names on its own ("Prime Minister", "President", "Chancellor")
/// starting at token `k`, with its length; none when a name follows it.
fn title_alone(a: &Analysis, k: usize) -> Option<(Wanted, usize)> {
    // The next word is read only after a first word that needs it.
    let (want, len) = match a.word(k) {
        "Prime" if a.word(k + 1) == "Minister" => (Wanted::PrimeMinister, 2),
        "President" => (Wanted::President, 1),
        "Chancellor" => (Wanted::PrimeMinister, 1),
        "Secretary-General" => (Wanted::SecretaryGeneral, 1),
        "Secretary" if a.word(k + 1) == "General" => (Wanted::SecretaryGeneral, 2),
        "King" | "Queen" | "Emir" | "Sultan" | "Monarch" => (Wanted::Monarch, 1),
        _ => return None,
    };
    let next = a.toks.get(k + len)?;
    (!next.is_cap && next.is_word && a.mention_at_tok(k).is_none()).then_some((want, len))
}

/// The same roles written in lower case after "the": "the secretary-general said".
fn lower_title_alone(a: &Analysis, k: usize) -> Option<(Wanted, usize)> {
    let (want, len) = match a.word(k) {
        "prime" if a.word(k + 1) == "minister" => (Wanted::PrimeMinister, 2),
        "president" => (Wanted::President, 1),
        "chancellor" => (Wanted::PrimeMinister, 1),
        "secretary-general" => (Wanted::SecretaryGeneral, 1),
        "monarch" | "king" | "queen" | "emir" => (Wanted::Monarch, 1),
        _ => return None,
    };
    let next = a.toks.get(k + len)?;
    (!next.is_cap && a.mention_at_tok(k).is_none() && a.lower(k + len) != "of").then_some((want, len))
}

/// Whether a title the article gives is the role wanted.
fn title_fits(want: Wanted, title: &str, cat: TitleCategory) -> bool {
    match want {
        Wanted::Leader => cat.is_leader(),
        Wanted::President => contains_word_part(title, "president") && !contains_word_part(title, "vice"),
        Wanted::PrimeMinister => cat == TitleCategory::HeadOfGovernment,
        Wanted::ForeignMinister => {
            contains_word_part(title, "foreign") || contains_word_part(title, "secretary of state")
        }
        Wanted::SecretaryGeneral => {
            contains_word_part(title, "secretary-general") || contains_word_part(title, "secretary general")
        }
        Wanted::Monarch => {
            ["king", "queen", "emir", "sultan", "monarch"].iter().any(|w| contains_word_part(title, w))
                && !contains_word_part(title, "crown")
        }
        Wanted::Capital => false,
    }
}

/// The persons titled for the role in the text before byte `before`, in order of
/// their first title.
fn titled_before(a: &Analysis, want: Wanted, before: usize) -> Vec<usize> {
    let mut found = Vec::new();
    for f in a.titles.iter().filter(|f| f.span.end <= before && !f.former) {
        if title_fits(want, &f.title, f.category) && !found.contains(&f.person) {
            found.push(f.person);
        }
    }
    found
}

/// "The Prime Minister held talks" with no country: the one person the article has
/// titled so.
fn the_title(a: &mut Analysis, the: usize) {
    let Some((want, len)) = title_alone(a, the + 1).or_else(|| lower_title_alone(a, the + 1)) else { return };
    let span = Span::new(a.toks[the].span.start, a.toks[the + len].span.end);
    let person = match titled_before(a, want, span.start)[..] {
        [p] => Some(p),
        // "Bhutan's King Jigme ..." is one name of the gazetteer, title and all: the
        // office-holder table knows him a king.
        [] if want == Wanted::Monarch => holder_named_before(a, None, want, span.start, a.doc.date),
        _ => None,
    };
    if let Some(p) = person {
        a.add_mention(p, span, RULE.name, Form::RoleNoun);
    }
}

/// "the EU foreign policy chief", "the bloc's High Representative for Foreign Affairs":
/// an office from the title list (by its canonical form) that the article gave exactly
/// one person before, of the same organisation or country when one is named.
fn same_title(a: &mut Analysis, the: usize, titled: &TitleStarts) -> bool {
    let hit_at = |k: usize| {
        if !titled.may_start(k) {
            return None;
        }
        let start = a.toks.get(k)?.span.start;
        let h = a.title_hits.partition_point(|t| t.span.start < start);
        a.title_hits.get(h).copied().filter(|t| t.span.start == start && !t.plural)
    };
    // "the EU foreign policy chief" may be one title of the list, or a body and a title.
    let mut affiliation = None;
    let hit = match hit_at(the + 1) {
        Some(hit) => hit,
        None => {
            let Some(m) = a.mention_at_tok(the + 1) else { return false };
            if !matches!(m.kind, EntityKind::Country | EntityKind::Organization) {
                return false;
            }
            affiliation = Some(m.ent);
            let mut k = a.tok_at(m.span.end);
            if a.lower(k) == "'s" {
                k += 1;
            }
            let Some(hit) = hit_at(k) else { return false };
            hit
        }
    };
    let start = hit.span.start;
    // A name after the title is introduced by it; "the president of the assembly" is
    // another office.
    let next = a.tok_at(hit.span.end);
    if a.toks.get(next).is_some_and(|t| t.is_cap) || a.lower(next) == "of" {
        return false;
    }
    let canonical = &a.gaz.titles[hit.title].canonical;
    let mut found = None;
    for f in a.titles.iter().filter(|f| f.span.end <= start && !f.former) {
        if !f.title.eq_ignore_ascii_case(canonical) || (affiliation.is_some() && f.affiliation != affiliation) {
            continue;
        }
        if found.is_some_and(|p| p != f.person) {
            return false;
        }
        found = Some(f.person);
    }
    // An honorific is no office the titles keep: "the cardinal" is the one person named
    // after "Cardinal" before.
    if found.is_none() && a.gaz.titles[hit.title].category == TitleCategory::Honorific {
        for h in a.title_hits.iter().filter(|h| h.span.end < start && a.gaz.titles[h.title].canonical == *canonical) {
            let named = a.mentions_starting(h.span.end + 1).find(|m| m.kind == EntityKind::Person);
            match (named.map(|m| m.ent), found) {
                (Some(q), Some(p)) if q != p => return false,
                (Some(q), _) => found = Some(q),
                _ => {}
            }
        }
    }
    let Some(p) = found else { return false };
    let span = Span::new(a.toks[the].span.start, hit.span.end);
    // The body named inside ("the EU foreign policy chief") keeps its own mention.
    if a.covered(span) {
        a.add_nested_mention(p, span, RULE.name, Form::RoleNoun);
    } else {
        a.add_mention(p, span, RULE.name, Form::RoleNoun);
    }
    true
}

/// "On 24 May, Prime Minister participated in the summit": a government readout's bare
/// title is its own head, the first person it titled so.
fn bare_title(a: &mut Analysis, k: usize) {
    if k > 0 && (a.toks[k - 1].is_cap || a.lower(k - 1) == "the") {
        return;
    }
    let Some((want, len)) = title_alone(a, k) else { return };
    // A verb follows: "Prime Minister held", "President said", "Prime Minister also met".
    let adverb = matches!(a.lower(k + len), "also" | "then" | "later" | "further" | "again" | "earlier");
    if !crate::clause::finite_verb_at(a, k + len + usize::from(adverb)) {
        return;
    }
    let span = Span::new(a.toks[k].span.start, a.toks[k + len - 1].span.end);
    if let Some(&p) = titled_before(a, want, span.start).first() {
        a.add_mention(p, span, RULE.name, Form::RoleNoun);
    }
}

/// "the alliance", "the military alliance": NATO, when the article names it.
fn alliance(a: &mut Analysis, the: usize) {
    let mut k = the + 1;
    if matches!(a.lower(k), "military" | "western" | "transatlantic" | "defence" | "defense") {
        k += 1;
    }
    if a.lower(k) != "alliance" || a.toks.get(k).is_none() {
        return;
    }
    let Some(nato) = a.ents.iter().position(|e| e.kind == EntityKind::Organization && e.key == "nato") else {
        return;
    };
    let span = Span::new(a.toks[the].span.start, a.toks[k].span.end);
    a.add_mention(nato, span, RULE.name, Form::RoleNoun);
}

/// "Haiti's capital": the capital city of the country before "'s".
fn possessed_capital(a: &mut Analysis, i: usize) {
    if i >= 1 && a.lower(i - 1) == "the" {
        return story_capital(a, i);
    }
    if i < 2 || !matches!(a.word(i - 1), "'s" | "\u{2019}s") {
        return;
    }
    let Some(m) = a.mention_at_tok(i - 2).cloned() else { return };
    if m.kind != EntityKind::Country || a.tok_at(m.span.end) != i - 1 {
        return;
    }
    let iso = a.ents[m.ent].iso.clone();
    if let Some(city) = capital(a, iso.as_deref()) {
        a.add_nested_mention(city, Span::new(m.span.start, a.toks[i].span.end), RULE.name, Form::RoleNoun);
    }
}

/// "NEW DELHI - The King arrived in the capital on Monday": in the first sentences of a
/// story filed from a capital, "the capital" is that city.
fn story_capital(a: &mut Analysis, i: usize) {
    let Some(city) = super::dateline::story_place(a) else { return };
    let is_capital = matches!(a.ents[city].gaz, Some(Target::City(c)) if a.gaz.cities[c].capital);
    let early = a.sent_of(a.toks[i].span.start) < 3;
    if is_capital && early && a.mention_at_tok(i).is_none() {
        a.add_mention(city, Span::new(a.toks[i - 1].span.start, a.toks[i].span.end), RULE.name, Form::RoleNoun);
    }
}

fn capital(a: &mut Analysis, iso: Option<&str>) -> Option<usize> {
    let iso = iso?;
    // Every city is compared: the first byte before the whole code.
    let same_iso = |code: &str| code.as_bytes().first() == iso.as_bytes().first() && code == iso;
    let country = &a.gaz.countries[*a.gaz.countries_with_iso(iso).first()?];
    // The first of several capitals is the seat of government news means ("the South
    // African capital" is Pretoria, not Bloemfontein).
    let first = country.capital.split('|').next().unwrap_or_default();
    let city = a
        .gaz
        .cities
        .iter()
        .position(|c| same_iso(&c.iso) && c.name == first)
        .or_else(|| a.gaz.cities.iter().position(|c| same_iso(&c.iso) && c.capital))?;
    Some(a.gaz_entity(Target::City(city)))
}

/// The person of the document holding the role, by the article's titles first and by
/// the office-holder table second.
fn person(a: &Analysis, country: usize, iso: Option<&str>, want: Wanted, before: usize) -> Option<usize> {
    // "received the Syrian president at the Élysée in December 2010": the holder of
    // that year, when the clause is dated years before the story.
    let tok = a.tok_at(before);
    let (start, end) = crate::clause::clause_of(a, tok);
    let then = crate::meetings::date_in(a, start, end)
        .and_then(|d| chrono::NaiveDate::from_ymd_opt(d.year, d.month.unwrap_or(7), d.day.unwrap_or(15)))
        .filter(|&d| a.doc.date.is_some_and(|p| (p - d).num_days() > 365));
    if let Some(then) = then {
        if let Some(p) = holder_named_before(a, Some(iso?), want, before, Some(then)) {
            return Some(p);
        }
    }
    let by_text: Vec<usize> = a
        .titles
        .iter()
        .filter(|f| f.affiliation == Some(country) && !f.former && title_fits(want, &f.title, f.category))
        .map(|f| f.person)
        .collect();
    if let Some(&p) = by_text.first() {
        return by_text.iter().all(|&q| q == p).then_some(p);
    }
    holder_named_before(a, Some(iso?), want, before, a.doc.date)
}

/// The one person named before `before` who held the role on `date` (on any date
/// for a story without one).
fn holder_named_before(
    a: &Analysis,
    iso: Option<&str>,
    want: Wanted,
    before: usize,
    date: Option<chrono::NaiveDate>,
) -> Option<usize> {
    let role_ok = |role: Role, title: &str| match want {
        Wanted::Leader => role.is_leader(),
        Wanted::President => contains_word_part(title, "president") && role.is_leader(),
        Wanted::PrimeMinister => role == Role::HeadOfGovernment,
        Wanted::ForeignMinister => role == Role::ForeignMinister,
        Wanted::Monarch => title_fits(want, title, crate::gazetteer::TitleCategory::HeadOfState),
        Wanted::Capital | Wanted::SecretaryGeneral => false,
    };
    let holds_role = |e: usize| {
        a.ents[e].known.is_some_and(|k| {
            a.gaz.persons[k].terms.iter().any(|&t| {
                let term = &a.gaz.terms[t];
                iso.is_none_or(|iso| term.target == iso)
                    && role_ok(term.role, &term.title)
                    && date.is_none_or(|d| term.covers(d))
            })
        })
    };
    // The persons holding the role are few: each is checked once, and only those
    // looked up among the mentions before the role noun.
    let mut found = None;
    for &p in &a.persons {
        if holds_role(p) && a.mentions_before(before).any(|m| m.ent == p) {
            if found.is_some_and(|f| f != p) {
                return None;
            }
            found = Some(p);
        }
    }
    found
}

/// Whether `part` (lower-case ASCII) occurs in `text` in any case, without a
/// lower-cased copy. The same answer: of the other characters only "İ" (to "i" and a
/// combining dot) and the Kelvin sign (to "k") lower-case to ASCII letters, and
/// neither can complete the parts asked for.
fn contains_word_part(text: &str, part: &str) -> bool {
    text.as_bytes().windows(part.len()).any(|w| w.eq_ignore_ascii_case(part.as_bytes()))
}

#[cfg(test)]
mod tests;
