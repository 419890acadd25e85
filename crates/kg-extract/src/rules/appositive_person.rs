//! **appositive_person** — persons whose title stands beside their name, set off by
//! commas.
//!
//! Matches: "Name, [a|an|the|its|his|her|their] title phrase" and "the title phrase,
//! Name"; and "her Rwandan counterpart, Name", "X's Cambodian counterpart Name": the
//! holder, for that country, of the office the possessor holds.
//! Example: "Olena Kovalenko, director of the National Bank, said ..." → Kovalenko,
//! director, official of the National Bank; "the head of Kenya's delegation, Amina
//! Odhiambo" → Odhiambo leads the Kenyan delegation.
//! A title that owns the common noun after it ("Winfield House, the US ambassador's
//! residence") is no title of the name; "Jonas, the president's special envoy" is the
//! envoy's.
//! Known false positives: a list of places and titles ("Paris, capital of France") when
//! the first item looks like a personal name.

use super::titled_person::record;
use super::Rule;
use crate::analysis::{Analysis, Form, TitleFact};
use crate::model::{EntityKind, Span};
use crate::names::{name_at, person_for_name};

pub const RULE: Rule = Rule { name: "appositive_person", apply, triggers: &["counterpart"] };

fn apply(a: &mut Analysis) {
    // Phrases already read as "title Name" need no appositive.
    let taken: rustc_hash::FxHashSet<crate::model::Span> = a.titles.iter().map(|t| t.span).collect();
    for pi in 0..a.phrases.len() {
        // Only the span is read until a person is found: the phrase (with its title) is
        // copied only then (no rule changes the phrases past `titled_person`).
        let span = a.phrases[pi].span;
        if taken.contains(&span) {
            continue;
        }
        // "India's Narendra Modi, Saudi Crown Prince Mohammed bin Salman and ...": a
        // title right before a name introduces that name, not the one before the comma.
        // (A known name may overlap the title: "Crown Prince" and "Prince Mohammed bin
        // Salman".)
        let is_person = |m: &&crate::analysis::MentionRec| m.kind == EntityKind::Person;
        let introduces = a.text.get(span.end..span.end + 1) == Some(" ")
            && a.mentions_starting(span.end + 1).any(|m| is_person(&m))
            || a.mentions_overlapping(span).any(|(_, m)| is_person(&m) && m.span.end > span.end);
        // "Winfield House, the US ambassador's residence": a title that owns the common
        // noun after it is no title of the name ("Iran's Supreme Leader" is a title).
        // (Not "the head of Ukraine's presidential office": the affiliation owns it.)
        let ends_with_title = a.tok_before(span.end).is_some_and(|t| a.title_at(a.toks[t].span));
        let owns = ends_with_title
            && ["'s ", "\u{2019}s "].iter().any(|pos| {
                a.text
                    .get(span.end..)
                    .and_then(|t| t.strip_prefix(pos))
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_lowercase()))
            });
        // "Mcebisi Jonas, the president's special envoy": the name before the owner's
        // title.
        let owner = ["'s ", "\u{2019}s "].iter().find_map(|pos| {
            let at = span.start.checked_sub(pos.len())?;
            (a.text.get(at..span.start) == Some(*pos))
                .then(|| a.phrases.iter().find(|q| q.span.end == at).map(|q| q.span.start))
                .flatten()
        });
        let before = if introduces || owns { None } else { name_before(a, owner.unwrap_or(span.start)) };
        let person = match before {
            // "Italy's prime minister, Giorgia Meloni, the President of the European
            // Commission, Ursula von der Leyen": a name with its title already between
            // two titles, the second title is the next name's.
            Some(b) if a.titles.iter().any(|f| f.person == b && f.span.end <= span.start) => {
                name_after(a, span.end).or(Some(b))
            }
            Some(b) => Some(b),
            None => name_after(a, span.end),
        };
        if let Some(person) = person {
            let p = a.phrases[pi].clone();
            record(a, person, &p, RULE.name);
        }
    }
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        counterpart(a, i);
    }
}

/// "Foreign Minister A and her Rwandan counterpart, B": B holds A's office for the
/// country the demonym names.
fn counterpart(a: &mut Analysis, i: usize) {
    let Some(demonym) = i.checked_sub(1).and_then(|k| a.mention_at_tok(k)).cloned() else { return };
    if demonym.kind != EntityKind::Country {
        return;
    }
    let owner_tok = a.tok_at(demonym.span.start).checked_sub(1);
    let Some(owner_tok) = owner_tok.filter(|&k| matches!(a.lower(k), "his" | "her" | "'s" | "\u{2019}s")) else {
        return;
    };
    // The possessor: the person named last before "his"/"her", or before "'s".
    let sent_start = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
    let before = a.toks[owner_tok].span.start;
    let owner = a
        .mentions_in(a.sent_of(before))
        .into_iter()
        .filter(|m| m.span.end <= before && m.kind == EntityKind::Person)
        .max_by_key(|m| m.span.end)
        .map(|m| m.ent);
    let Some(owner) = owner.filter(|_| owner_tok > sent_start) else { return };
    // The name right after, with or without a comma.
    let end = a.toks[i].span.end;
    let gap = if a.text.get(end..end + 2) == Some(", ") { 2 } else { 1 };
    if a.text.get(end..end + 1) != Some(if gap == 2 { "," } else { " " }) {
        return;
    }
    let start = end + gap;
    let named = a.mentions_starting(start).next().map(|m| m.ent);
    let person = match named {
        Some(e) => (a.ents[e].kind == EntityKind::Person).then_some(e),
        None => {
            let Some((span, _)) = name_at(a, a.tok_at(start), 4).filter(|(s, _)| a.slice(*s).contains(' ')) else {
                return;
            };
            attach(a, span)
        }
    };
    let Some(person) = person.filter(|&p| p != owner) else { return };
    let Some(office) = a.titles.iter().rev().find(|f| f.person == owner && !f.former).cloned() else { return };
    let span = a.toks[i].span;
    let sent = a.sent_of(span.start);
    a.titles.push(TitleFact { person, affiliation: Some(demonym.ent), span, sent, rule: RULE.name, ..office });
}

/// "Name, the title": the person whose name ends at the comma before the phrase.
fn name_before(a: &mut Analysis, start: usize) -> Option<usize> {
    let before = a.text.get(..start)?;
    // "Name, now deputy chairman of ...": the current office after a former one.
    let before = before.strip_suffix("now ").unwrap_or(before);
    // "Li Hui, its special envoy": a determiner or possessive before the title.
    let trimmed = ["a ", "an ", "the ", "its ", "his ", "her ", "their ", "A ", "The "]
        .iter()
        .find_map(|art| before.strip_suffix(art))
        .unwrap_or(before);
    let comma_at = trimmed.strip_suffix(", ")?.len();
    if let Some(m) = a.mentions_ending(comma_at).next() {
        return (m.kind == EntityKind::Person).then_some(m.ent);
    }
    let last = a.tok_before(comma_at)?;
    // The earliest start whose name ends exactly at the comma.
    let span = (last.saturating_sub(4)..=last)
        .filter_map(|s| name_at(a, s, 5))
        .find(|(span, _)| span.end == comma_at)
        .map(|(span, _)| span)?;
    if !a.slice(span).contains(' ') {
        return None;
    }
    attach(a, span)
}

/// "the title, Name": the name right after the comma that follows the phrase.
fn name_after(a: &mut Analysis, end: usize) -> Option<usize> {
    let rest = a.text.get(end..)?;
    let name_start = end + rest.strip_prefix(", ").map(|_| 2)?;
    let tok = a.tok_at(name_start);
    if let Some(m) = a.mentions_starting(name_start).next() {
        return (m.kind == EntityKind::Person).then_some(m.ent);
    }
    let (span, _) = name_at(a, tok, 4)?;
    if !a.slice(span).contains(' ') {
        return None;
    }
    attach(a, span)
}

fn attach(a: &mut Analysis, span: Span) -> Option<usize> {
    let person = person_for_name(a, span, None)?;
    a.add_mention(person, span, RULE.name, Form::Name);
    Some(person)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge, person_title};

    /// A title that owns the noun after it ("the ambassador's residence", "the
    /// president's special envoy") is no title of the name before it.
    #[test]
    fn a_possessed_title_is_not_the_names() {
        let x = extract("They flew from Karlsen House, the US ambassador's residence, to Oslo.", "2025-03-01");
        assert!(!x.entities.iter().any(|e| e.id.starts_with("person:")), "{:?}", x.entities);
        let x = extract("Tom Price, the president's special envoy to Kenya, spoke.", "2025-03-01");
        assert_eq!(
            person_title(&x, "person:tom-price").as_deref(),
            Some("Special Envoy to Kenya"),
            "{:?}",
            x.relations
        );
    }

    #[test]
    fn name_then_title() {
        let x = extract("Olena Kovalenko, director of the National Security Service, spoke.", "2025-03-01");
        assert_eq!(person_title(&x, "person:olena-kovalenko").as_deref(), Some("Director"));
        assert!(has_edge(&x, "person:olena-kovalenko", "official_of", "organization:national-security-service"));
    }

    #[test]
    fn a_possessive_before_the_title() {
        let x = extract("Kenya sent Joseph Kamau, its special envoy, to the talks.", "2025-03-01");
        assert!(x.entities.iter().any(|e| e.id == "person:joseph-kamau"), "{:?}", x.entities);
    }

    #[test]
    fn title_then_name_leads_a_delegation() {
        let x = extract("The head of Kenya's delegation, Amina Odhiambo, arrived.", "2025-03-01");
        assert!(has_edge(&x, "person:amina-odhiambo", "leads_delegation", "delegation:ke"));
    }

    #[test]
    fn a_counterpart_holds_the_possessor_s_office() {
        let x = extract(
            "Kenyan Foreign Minister Amina Odhiambo and her Tanzanian counterpart, Juma Mwinyi, signed the accord.",
            "2025-03-01",
        );
        assert_eq!(person_title(&x, "person:juma-mwinyi").as_deref(), Some("Foreign Minister"));
        assert!(has_edge(&x, "person:juma-mwinyi", "official_of", "country:tz"), "{:?}", x.relations);
        // Without a comma.
        let x = extract("Kenyan Foreign Minister Tom Price and his Ugandan counterpart Paul Okello met.", "2025-03-01");
        assert!(has_edge(&x, "person:paul-okello", "official_of", "country:ug"), "{:?}", x.relations);
    }

    #[test]
    fn a_title_before_the_next_name_is_no_apposition() {
        let x = crate::test_support::extract(
            "The leaders sat with Kenya's Amos Kiprono, Ghanaian Foreign Minister Kofi Mensah and Tom Hill.",
            "2025-03-01",
        );
        assert!(crate::test_support::has_edge(&x, "person:kofi-mensah", "official_of", "country:gh"));
        assert!(!crate::test_support::has_edge(&x, "person:amos-kiprono", "official_of", "country:gh"));
    }

    #[test]
    fn a_title_between_two_titled_names_is_the_second_ones() {
        let x = crate::test_support::extract(
            "The deal was led by Italy's prime minister, Anna Rossi, the President of the European Commission, Eva \
             Stern, and the Dutch prime minister, Jan Vos.",
            "2023-07-18",
        );
        assert!(
            crate::test_support::has_edge(&x, "person:eva-stern", "official_of", "organization:european-commission"),
            "{:?}",
            x.relations
        );
        assert!(!crate::test_support::has_edge(
            &x,
            "person:anna-rossi",
            "official_of",
            "organization:european-commission"
        ));
    }
}
