//! Organisations that the capitalised-name pattern of `org_pattern` cannot see, read
//! from their context:
//!
//! - a government body written in lower case after its country: "Iran's foreign
//!   ministry", "the Syrian presidency", "the Thai army" (the gazetteer's entry when it
//!   has one, else "<Demonym> <Body>"); later a bare "the foreign ministry" is that body
//!   when the article has named only one;
//! - a seat of government standing for the government: "The White House said", "White
//!   House press secretary" (the building stays a location where things happen in it);
//! - the U.S. services before their titles: "Army Secretary Dan Driscoll";
//! - a company before a corporate title: "Tesla chief executive Elon Musk".
//!
//! Known false positives: a lower-case body used as a modifier the stop list lacks
//! ("the Russian army's losses" is right; "Russian army veterans" is not a body).

use crate::analysis::{Analysis, Ent, Form};
use crate::gazetteer::Target;
use crate::model::{EntityKind, Span};

/// Lower-case bodies after a country, longest first (words as written).
const BODIES: &[&[&str]] = &[
    &["ministry", "of", "foreign", "affairs"],
    &["foreign", "ministry"],
    &["foreign", "office"],
    &["defence", "ministry"],
    &["defense", "ministry"],
    &["interior", "ministry"],
    &["finance", "ministry"],
    &["justice", "ministry"],
    &["armed", "forces"],
    &["air", "force"],
    &["coast", "guard"],
    &["central", "bank"],
    &["presidency"],
    &["army"],
    &["navy"],
    &["military"],
    &["parliament"],
];

/// The first words of [`BODIES`]: the rule's trigger words, so that the tokens that
/// start no body are passed over on the analysis's flag.
pub(super) const TRIGGERS: &[&str] = &{
    let mut first = [""; BODIES.len()];
    let mut i = 0;
    while i < BODIES.len() {
        first[i] = BODIES[i][0];
        i += 1;
    }
    first
};

/// Nouns after "army" or "military" that make it a modifier, not the body: "Russian
/// military aid", "Israeli army veterans".
const MODIFIED: &[&str] = &[
    "intelligence",
    "officials",
    "official",
    "aid",
    "operation",
    "operations",
    "exercises",
    "drills",
    "base",
    "bases",
    "equipment",
    "spending",
    "budget",
    "assistance",
    "support",
    "action",
    "campaign",
    "personnel",
    "analyst",
    "analysts",
    "experts",
    "expert",
    "sources",
    "source",
    "bloggers",
    "veterans",
    "units",
    "vehicles",
    "hardware",
    "cooperation",
    "ties",
    "presence",
    "build-up",
    "buildup",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "announced",
    "confirmed",
    "denied",
    "stated",
    "added",
    "insisted",
    "warned",
    "released",
    "issued",
];

pub(super) fn apply(a: &mut Analysis) {
    bodies_after_countries(a);
    bare_bodies(a);
    seats_of_government(a);
    services_before_titles(a);
    companies_before_titles(a);
}

/// The rule's bit in the tokens' trigger masks.
fn trigger_bit() -> u32 {
    super::super::trigger_bit(super::RULE.name)
}

/// The words of a body starting at token `k`, if one starts there: its length. `bit`
/// is [`trigger_bit`].
fn body_at(a: &Analysis, k: usize, bit: u32) -> Option<usize> {
    // The first words of bodies are the rule's trigger words: the token's trigger mask
    // turns most tokens away.
    if !a.triggers(k, bit) {
        return None;
    }
    // The first word read once; the rest only of the bodies it starts.
    let first = a.lower(k);
    let body =
        BODIES.iter().find(|b| b[0] == first && b.iter().enumerate().skip(1).all(|(n, w)| a.lower(k + n) == *w))?;
    let n = body.len();
    // A modifier ("Russian military aid") or part of a longer capitalised name.
    if matches!(body, [w] if matches!(*w, "army" | "military")) && MODIFIED.contains(&a.lower(k + n)) {
        return None;
    }
    if a.mention_at_tok(k).is_some() || (k..k + n).any(|t| a.title_at(a.toks[t].span)) {
        return None;
    }
    Some(n)
}

fn title_case(words: &[&str]) -> String {
    words.iter().map(|w| if *w == "of" { "of".to_string() } else { cap_word(w) }).collect::<Vec<_>>().join(" ")
}

fn cap_word(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// The gazetteer organisation whose whole name is `s`.
fn org_named_exactly(a: &Analysis, s: &str) -> Option<usize> {
    // A name that is the whole of `s` is the only one found in it.
    a.gaz.names().whole(s)?.iter().find_map(|t| match t {
        Target::Org(i) => Some(*i),
        _ => None,
    })
}

fn bodies_after_countries(a: &mut Analysis) {
    let bit = trigger_bit();
    let found: Vec<(usize, usize, usize)> = a
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Country)
        .filter_map(|m| {
            let mut k = a.tok_at(m.span.end);
            if matches!(a.word(k), "'s" | "\u{2019}s") {
                k += 1;
            }
            let n = body_at(a, k, bit)?;
            Some((m.ent, k, n))
        })
        .collect();
    for (country, k, n) in found {
        let words: Vec<String> = (k..k + n).map(|t| a.lower(t).to_string()).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let iso = a.ents[country].iso.clone().unwrap_or_default();
        let Some(c) = a.gaz.country_by_iso(&iso) else { continue };
        let (name, demonym) = (a.gaz.countries[c].name.clone(), a.gaz.countries[c].demonyms.first().cloned());
        let Some(demonym) = demonym else { continue };
        let titled = title_case(&words);
        let lower = words.join(" ");
        let known = [format!("{demonym} {titled}"), format!("{demonym} {lower}"), format!("{name}'s {titled}")]
            .iter()
            .find_map(|s| org_named_exactly(a, s));
        let org = match known {
            Some(i) => a.gaz_entity(Target::Org(i)),
            None => {
                let label = format!("{demonym} {titled}");
                let e = super::org_named(a, &label);
                a.ents[e].iso = Some(iso);
                e
            }
        };
        let span = Span::new(a.toks[k].span.start, a.toks[k + n - 1].span.end);
        a.add_mention(org, span, super::RULE.name, Form::Name);
    }
}

/// "the foreign ministry" with no country: the one body of that kind the article named.
fn bare_bodies(a: &mut Analysis) {
    let mut found = Vec::new();
    let bit = trigger_bit();
    for k in a.triggered_by(bit) {
        let Some(n) = body_at(a, k, bit) else { continue };
        // Only after "the" or before a title: "foreign ministry spokesman X".
        let before_title = a.toks.get(k + n).is_some_and(|t| a.title_at(t.span));
        if !(a.lower(k.wrapping_sub(1)) == "the" || before_title) {
            continue;
        }
        let titled = title_case(&(k..k + n).map(|t| a.lower(t)).collect::<Vec<_>>());
        let suffix = format!(" {titled}");
        let mut same = a
            .mentions
            .iter()
            .map(|m| m.ent)
            .filter(|&e| a.ents[e].kind == EntityKind::Organization && a.ents[e].label.ends_with(&suffix));
        let Some(first) = same.next() else { continue };
        if same.all(|e| e == first) {
            found.push((first, Span::new(a.toks[k].span.start, a.toks[k + n - 1].span.end)));
        }
    }
    for (e, span) in found {
        a.add_mention(e, span, super::RULE.name, Form::Anaphor);
    }
}

/// "The White House said", "White House press secretary": the seat of government as
/// the body that speaks from it.
fn seats_of_government(a: &mut Analysis) {
    let found: Vec<(Span, String, Option<String>)> = a
        .mentions
        .iter()
        // A gazetteer place is a location (the kind is at hand in the mention; the
        // entity is read only for one).
        .filter(|m| {
            m.kind == EntityKind::Location
                && matches!(a.ents[m.ent].gaz, Some(Target::Place(p)) if a.gaz.places[p].kind == "building" && a.gaz.places[p].iso.is_some())
        })
        .filter(|m| {
            let next = a.tok_at(m.span.end);
            let speaks = SPEECH.contains(&a.lower(next));
            let titled = a.toks.get(next).is_some_and(|t| a.title_at(t.span) && t.span.start == m.span.end + 1);
            // "White House national security spokesman": lower-case words, then the title.
            let titled_later = a.toks.get(next).is_some_and(|t| t.span.start == m.span.end + 1)
                && (next + 1..next + 4)
                    .take_while(|&k| {
                        let w = a.lower(k - 1);
                        a.toks.get(k - 1).is_some_and(|t| t.is_word && !t.is_cap)
                            && !crate::names::is_function_word(w)
                            && !matches!(w, "meeting" | "talks" | "summit" | "visit" | "lawn" | "office")
                    })
                    .any(|k| a.toks.get(k).is_some_and(|t| a.title_at(t.span) && !t.is_cap));
            speaks || titled || titled_later
        })
        .map(|m| (m.span, a.ents[m.ent].label.clone(), a.ents[m.ent].iso.clone()))
        .collect();
    for (span, label, iso) in found {
        a.remove_mentions_within(span);
        let e = super::org_named(a, &label);
        a.ents[e].iso = iso;
        a.add_mention(e, span, super::RULE.name, Form::Name);
    }
}

/// "Army Secretary Dan Driscoll", "Navy Secretary": the U.S. services, whose civilian
/// heads are titled so. A service after a country ("the British Army") is that
/// country's and left to the gazetteer.
fn services_before_titles(a: &mut Analysis) {
    const SERVICES: &[(&[&str], &str)] =
        &[(&["Army"], "US Army"), (&["Navy"], "US Navy"), (&["Air", "Force"], "US Air Force")];
    let mut found = Vec::new();
    let (mut cursor, mut from) = (0, 0);
    while let Some(k) = a.next_name_tok(from, &mut cursor) {
        from = k + 1;
        // Every service is written capitalised, starting "A" or "N": the other tokens
        // are passed over unread.
        if !a.toks[k].is_cap || !matches!(a.text.as_bytes().get(a.toks[k].span.start), Some(b'A' | b'N')) {
            continue;
        }
        let Some((words, key)) = SERVICES.iter().find(|(w, _)| w.iter().enumerate().all(|(n, x)| a.word(k + n) == *x))
        else {
            continue;
        };
        let n = words.len();
        if a.mention_at_tok(k).is_some() || k > 0 && a.toks[k - 1].is_cap && a.word(k - 1) != "The" {
            continue;
        }
        let Some(next) = a.toks.get(k + n) else { continue };
        if !(a.title_at(next.span) && a.lower(k + n) == "secretary") {
            continue;
        }
        found.push((key, Span::new(a.toks[k].span.start, a.toks[k + n - 1].span.end)));
    }
    for (key, span) in found {
        let Some(i) = a.gaz.org_by_key(key) else { continue };
        let e = a.gaz_entity(Target::Org(i));
        a.add_mention(e, span, super::RULE.name, Form::Name);
    }
}

/// "Tesla chief executive Elon Musk": a capitalised name right before a corporate title
/// written as such is a company.
fn companies_before_titles(a: &mut Analysis) {
    let mut found = Vec::new();
    for hit in &a.title_hits {
        let written = a.slice(hit.span);
        if !matches!(written, "chief executive" | "chief executive officer" | "CEO" | "founder" | "co-founder") {
            continue;
        }
        let Some(last) = a.tok_before(hit.span.start) else { continue };
        let mut first = last;
        while first > 0
            && first + 3 > last
            && a.toks[first - 1].is_cap
            && a.toks[first - 1].is_word
            && a.mention_at_tok(first - 1).is_none()
        {
            first -= 1;
        }
        let run_ok = (first..=last).all(|k| a.toks[k].is_cap && a.toks[k].is_word && a.mention_at_tok(k).is_none());
        // The run must be set off: not a sentence opener or a longer capitalised phrase.
        let opener = first == 0 || a.sents[a.sent_of(a.toks[first].span.start)].tokens.start == first;
        if !run_ok || opener || a.title_at(a.toks[first].span) {
            continue;
        }
        found.push(Span::new(a.toks[first].span.start, a.toks[last].span.end));
    }
    for span in found {
        let label = a.slice(span).to_string();
        let e = match a.ents.iter().position(|e| e.kind == EntityKind::Organization && e.label == label) {
            Some(e) => e,
            None => {
                let mut ent = Ent::new(EntityKind::Organization, label);
                ent.attrs.insert("kind".into(), "company".into());
                a.new_entity(ent)
            }
        };
        a.add_mention(e, span, super::RULE.name, Form::Name);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extract, has_edge};

    #[test]
    fn bodies_in_context() {
        let cases: &[(&str, &str)] = &[
            (
                "Peru's foreign ministry said on Monday that talks would resume.",
                "organization:peruvian-foreign-ministry",
            ),
            ("The Chilean presidency said the visit was postponed.", "organization:chilean-presidency"),
            ("The Thai army said troops had withdrawn.", "organization:thai-army"),
            ("The White House said the talks went well.", "organization:white-house"),
            ("Navy Secretary Jon Hale spoke to sailors.", "organization:us-navy"),
            ("Guests included Acme chief executive Lara Voss.", "organization:acme"),
        ];
        for (text, want) in cases {
            let x = extract(text, "2025-03-01");
            assert!(entities(&x).contains(&want.to_string()), "{text}: {:?}", entities(&x));
        }
    }

    #[test]
    fn offices_of_bodies_in_context() {
        let x = extract("White House press secretary Mara Lind said nothing.", "2025-03-01");
        assert!(has_edge(&x, "person:mara-lind", "official_of", "organization:white-house"), "{:?}", x.relations);
        let x = extract("White House deputy press secretary Tom Price said nothing.", "2025-03-01");
        assert!(has_edge(&x, "person:tom-price", "official_of", "organization:white-house"), "{:?}", x.relations);
        let x = extract("Guests included Acme chief executive Lara Voss.", "2025-03-01");
        assert!(has_edge(&x, "person:lara-voss", "official_of", "organization:acme"), "{:?}", x.relations);
    }

    #[test]
    fn look_alikes_are_no_bodies() {
        let cases: &[(&str, &str)] = &[
            ("Peru sent military aid to the region.", "organization:"),
            ("The Thai army veterans marched.", "organization:thai-army"),
            ("Trump met Macron at the White House on Monday.", "organization:white-house"),
            ("Chief executive Lara Voss spoke.", "organization:"),
        ];
        for (text, unwanted) in cases {
            let x = extract(text, "2025-03-01");
            assert!(!entities(&x).iter().any(|e| e.starts_with(unwanted)), "{text}: {:?}", entities(&x));
        }
    }
}
