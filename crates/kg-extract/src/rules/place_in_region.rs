//! **place_in_region** — towns the gazetteers do not know, placed by the region or
//! country written after them, as news places small towns: "in Kananaskis, Alberta",
//! "near Gimhae, South Korea".
//!
//! Matches: after "in", "at", "near", "outside" or "from", one to three capitalised
//! words that are no known name, title, month or weekday, then a comma and a country
//! or a region of the gazetteers that ends the phrase (a comma, a full stop or a
//! lower-case word follows, not "'s"). The town becomes a location in that country,
//! and every later use of the same words in the article is a mention of it.
//! Example: "Leaders met in Kananaskis, Alberta, on Monday." → Kananaskis, in Canada.
//! Known false positives: a capitalised word opening a phrase before a country
//! ("In Short, Canada ...").

use super::Rule;
use crate::analysis::{Analysis, Ent, Form};
use crate::model::{EntityKind, Span};

pub const RULE: Rule = Rule { name: "place_in_region", apply, triggers: &["in", "at", "near", "outside", "from"] };

/// A town is named in three words at most ("Rio Grande do Sul" is a known region).
const MAX_WORDS: usize = 3;

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        if !matches!(a.lower(i), "in" | "at" | "near" | "outside" | "from") {
            continue;
        }
        let Some((span, region_end, iso)) = town_before_region(a, i + 1) else { continue };
        let label = a.slice(span).to_string();
        let ent = match a.ents.iter().position(|e| e.kind == EntityKind::Location && e.label == label) {
            Some(e) => e,
            None => {
                let mut e = Ent::new(EntityKind::Location, &label);
                if let Some(iso) = &iso {
                    e.attrs.insert("country".into(), iso.clone());
                }
                e.iso = iso;
                a.new_entity(e)
            }
        };
        a.add_mention(ent, span, RULE.name, Form::Name);
        later_uses(a, ent, &label, region_end, RULE.name);
    }
}

/// The town's words from token `from`, the end of the region after it, and the
/// region's country.
fn town_before_region(a: &Analysis, from: usize) -> Option<(Span, usize, Option<String>)> {
    let mut end = from;
    while end < a.toks.len() && end < from + MAX_WORDS && is_town_word(a, end) {
        end += 1;
    }
    if end == from || a.word(end) != "," {
        return None;
    }
    let region = a.mentions_starting(a.toks.get(end + 1)?.span.start).find(|m| m.form == Form::Name)?;
    let e = &a.ents[region.ent];
    let is_region = match e.kind {
        EntityKind::Country => true,
        EntityKind::Location => e.attrs.get("kind").is_some_and(|k| k == "subregion" || k == "region"),
        _ => false,
    };
    let after = a.tok_at(region.span.end);
    let ends = a.toks.get(after).is_none_or(|t| {
        let w = a.word(after);
        matches!(w, "," | "." | ";" | ")" | ":") || (t.is_word && !t.is_cap && w != "'s" && w != "\u{2019}s")
    });
    (is_region && ends).then(|| (Span::new(a.toks[from].span.start, a.toks[end - 1].span.end), after, e.iso.clone()))
}

fn is_town_word(a: &Analysis, k: usize) -> bool {
    let t = a.toks[k];
    t.is_word
        && t.is_cap
        && a.mention_at_tok(k).is_none()
        && !a.title_at(t.span)
        // Months and weekdays are function words too: "In March, Canada said".
        && !crate::names::is_function_word(a.word(k))
        && a.word(k).chars().any(char::is_lowercase)
}

/// Later uses of the town's name, from token `from` on, on word boundaries: "at the
/// Kananaskis media centre". Also read by `dateline` for a town it does not know.
pub(super) fn later_uses(a: &mut Analysis, ent: usize, label: &str, from: usize, rule: &'static str) {
    let Some(start) = a.toks.get(from).map(|t| t.span.start) else { return };
    let found: Vec<Span> = memchr::memmem::find_iter(&a.text.as_bytes()[start..], label.as_bytes())
        .map(|at| Span::new(start + at, start + at + label.len()))
        .filter(|s| {
            let before = a.text[..s.start].chars().next_back();
            let after = a.text[s.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect();
    for span in found {
        a.add_mention(ent, span, rule, Form::Name);
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extract};

    #[test]
    fn towns_placed_by_their_region_or_country() {
        for (text, want) in [
            ("Leaders met in Banff Springs, Alberta, on Monday.", Some("location:banff-springs")),
            ("The talks were held near Tarvisio, Italy.", Some("location:tarvisio")),
            ("In March, Canada said it would not attend.", None),
            ("In Short, Canada's leaders agreed.", None),
            ("A summit in Berlin, Germany, ended.", Some("location:berlin")),
        ] {
            let found = entities(&extract(text, "2025-03-05"));
            let towns: Vec<&String> = found.iter().filter(|e| e.starts_with("location:")).collect();
            match want {
                Some(id) => assert!(found.iter().any(|e| e == id), "{text}: {found:?}"),
                None => assert!(towns.is_empty(), "{text}: {found:?}"),
            }
        }
    }

    #[test]
    fn later_uses_of_the_town_are_mentions() {
        let x = extract("Leaders met in Banff Springs, Alberta. The Banff Springs summit ended.", "2025-03-05");
        let uses = x.mentions.iter().filter(|m| m.entity == "location:banff-springs").count();
        assert_eq!(uses, 2, "{:?}", x.mentions);
    }
}
