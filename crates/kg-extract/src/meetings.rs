//! Meeting coreference: which earlier meeting a new mention of talks, a summit or a
//! visit refers to, judged by name, organiser, place, date and participants.

use crate::analysis::{Analysis, Ent, Form, MeetingClass, MeetingInfo};
use crate::model::{EntityKind, Span};

/// Whether a place entity lies in (or is) another.
fn place_within(a: &Analysis, inner: usize, outer: usize) -> bool {
    inner == outer
        || (a.ents[outer].kind == EntityKind::Country
            && a.ents[inner].iso.is_some()
            && a.ents[inner].iso == a.ents[outer].iso)
}

fn compatible(a: &Analysis, have: &MeetingInfo, new: &MeetingInfo) -> bool {
    let upcoming = |m: &MeetingInfo| {
        m.status == crate::model::Status::Planned
            || matches!((m.date, a.doc.date), (Some(d), Some(p)) if d > crate::dates::DateValue::from_date(p))
    };
    if (have.past && upcoming(new)) || (new.past && upcoming(have)) {
        return false;
    }
    // "met X in Riyadh" then "will meet Y ... on Thursday": a meeting that took place
    // is not one still to come that has its own place, date or participants. The
    // other way round, only a mention told as an event ("A met B", a date) stays
    // apart: a bare "the summit in Anchorage" after the preview of it is the same.
    let planned = |m: &MeetingInfo| m.status == crate::model::Status::Planned;
    let occurred = |m: &MeetingInfo| m.status == crate::model::Status::Occurred;
    let told = |m: &MeetingInfo| m.place.is_some() || m.date.is_some() || !m.participants.is_empty();
    let event = |m: &MeetingInfo| m.date.is_some() || !m.participants.is_empty();
    if (occurred(have) && planned(new) && told(new)) || (planned(have) && occurred(new) && event(new)) {
        return false;
    }
    // A meeting that happened is not the one that was only proposed or refused.
    let unreal = |m: &MeetingInfo| !m.status.is_default_visible();
    if (have.status == crate::model::Status::Occurred && unreal(new))
        || (new.status == crate::model::Status::Occurred && unreal(have))
    {
        return false;
    }
    if let (Some(x), Some(y)) = (&have.name, &new.name) {
        return x == y;
    }
    // "met in Budapest" and "the talks in Budapest" are one event; a visit stays apart.
    let same_place = match (have.place, new.place) {
        (Some(p), Some(q)) => place_within(a, p, q) || place_within(a, q, p),
        _ => false,
    };
    let talks_or_meeting = |c: Option<MeetingClass>| matches!(c, Some(MeetingClass::Talks | MeetingClass::Meeting));
    let classes_agree =
        have.class == new.class || (same_place && talks_or_meeting(have.class) && talks_or_meeting(new.class));
    if have.class.is_some() && new.class.is_some() && !classes_agree {
        return false;
    }
    // An organiser tells meetings apart, unless the new mention says nothing else.
    let bare = new.place.is_none() && new.date.is_none() && new.participants.is_empty() && new.name.is_none();
    if have.org != new.org && !(bare && new.org.is_none()) {
        return false;
    }
    if let (Some(p), Some(q)) = (have.place, new.place) {
        if !place_within(a, p, q) && !place_within(a, q, p) {
            return false;
        }
    }
    if let (Some(d), Some(e)) = (have.date, new.date) {
        if !d.compatible(e) {
            return false;
        }
    }
    if have.participants.len() >= 2 && new.participants.len() >= 2 && have.participants.is_disjoint(&new.participants) {
        return false;
    }
    true
}

/// Whether the text says `person` stayed away from the meeting `m` ("X did not take
/// part in the talks"): then "X met Y" in the same city is another meeting.
///
/// Only the few sentences around byte `at` are read: absence is told next to the
/// meeting it bears on, and a search of every mention, for every meeting mention, would
/// make long documents quadratic.
pub fn stayed_away(a: &Analysis, m: usize, person: usize, at: usize) -> bool {
    let Some(last) = a.sents.len().checked_sub(1) else { return false };
    let sent = a.sent_of(at);
    let near = Span::new(a.sents[sent.saturating_sub(3)].span.start, a.sents[(sent + 3).min(last)].span.end);
    a.mentions_within(near).filter(|r| r.ent == m && r.form == Form::Anaphor).any(|r| {
        let tok = a.tok_at(r.span.start);
        let Some((_, subject)) = crate::clause::subjects_of(a, tok).into_iter().find(|&(e, _)| e == person) else {
            return false;
        };
        crate::modality::status_at(a, tok, Some(subject)) == crate::model::Status::Declined
    })
}

/// The meeting most recently mentioned before `at` that `info` may refer to.
fn recent_compatible(a: &Analysis, info: &MeetingInfo, at: usize) -> Option<usize> {
    // Few entities are meetings, and often none fits: find those first, rather than
    // walk back through every mention of the document. The same pass finds the
    // first meeting named later in the text ("met in Budapest ... the talks in
    // Budapest" read in another order) whose name or place agrees, the fallback.
    let mut fitting: Vec<usize> = Vec::new();
    let mut named_alike = None;
    for (i, e) in a.ents.iter().enumerate() {
        let Some(have) = &e.meeting else { continue };
        let fits = compatible(a, have, info) && !info.participants.iter().any(|&p| stayed_away(a, i, p, at));
        if fits {
            fitting.push(i);
        }
        if named_alike.is_none() {
            let same_name = have.name.is_some() && have.name == info.name;
            let same_place = have.place.is_some() && have.place == info.place;
            if same_name || (same_place && fits) {
                named_alike = Some(i);
            }
        }
    }
    // The nearest mention of one of them before `at`: walking back stops at the first,
    // usually close by (a scan of every mention would make long documents quadratic).
    let nearest = || a.mentions_before(at).find(|m| fitting.contains(&m.ent)).map(|m| m.ent);
    (if fitting.is_empty() { None } else { nearest() }).or(named_alike)
}

/// Records a meeting mention: merges it into the meeting it refers to, or creates a
/// new meeting when it says enough to tell it apart (a name, a place, or an
/// organiser with a date). Returns the meeting entity.
pub fn resolve_meeting(
    a: &mut Analysis,
    info: MeetingInfo,
    span: Span,
    surface: &str,
    rule: &'static str,
) -> Option<usize> {
    let existing = recent_compatible(a, &info, span.start);
    let ent = match existing {
        Some(i) => {
            let is_city = |a: &Analysis, e: Option<usize>| e.is_some_and(|e| a.ents[e].kind == EntityKind::Location);
            let new_is_city = is_city(a, info.place);
            let old_is_city = is_city(a, a.ents[i].meeting.as_ref().and_then(|m| m.place));
            if let Some(have) = a.ents[i].meeting.as_mut() {
                have.name = have.name.take().or(info.name.clone());
                have.org = have.org.or(info.org);
                have.place = match (have.place, info.place) {
                    // Keep the more precise place: a city over its country.
                    (Some(p), Some(q)) if p != q && new_is_city && !old_is_city => Some(q),
                    (p, q) => p.or(q),
                };
                have.date = match (have.date, info.date) {
                    (Some(d), Some(e)) => Some(d.finer(e)),
                    (d, e) => d.or(e),
                };
                have.participants.extend(info.participants.iter().copied());
                have.class = have.class.or(info.class);
                // The strongest evidence that it took place wins.
                if info.status < have.status {
                    have.status = info.status;
                }
            }
            i
        }
        None => {
            let named_enough =
                info.name.is_some() || info.place.is_some() || (info.org.is_some() && info.date.is_some());
            if !named_enough {
                return None;
            }
            let mut e = Ent::new(EntityKind::Meeting, surface);
            e.meeting = Some(info);
            a.new_entity(e)
        }
    };
    if !surface.is_empty() && existing.is_some() {
        a.ents[ent].aliases.insert(surface.to_string());
    }
    a.add_mention(ent, span, rule, Form::Anaphor);
    Some(ent)
}

/// A meeting told by its participants ("A met B in C", "A visited C"): the meeting
/// they refer to, or a new one, and an `attends` edge for each of them.
pub struct Gathering<'p> {
    pub class: MeetingClass,
    pub place: Option<usize>,
    pub date: Option<crate::dates::DateValue>,
    pub participants: &'p [usize],
    pub status: crate::model::Status,
    /// The trigger word, where the meeting's mention goes.
    pub trigger: Span,
    /// The words that support the `attends` edges.
    pub evidence: Span,
}

pub fn record_gathering(a: &mut Analysis, g: Gathering<'_>, rule: &'static str) {
    let info = MeetingInfo {
        class: Some(g.class),
        place: g.place,
        date: g.date,
        participants: g.participants.iter().copied().collect(),
        status: g.status,
        ..MeetingInfo::default()
    };
    if let Some(m) = resolve_meeting(a, info, g.trigger, "", rule) {
        for &p in g.participants {
            a.add_rel(crate::model::RelationKind::Attends, p, m, g.status, g.evidence, rule);
        }
    }
}

/// The label of a meeting once all its mentions are in: its name, or what it was
/// called with its place.
pub fn meeting_label(a: &Analysis, ent: usize) -> String {
    let e = &a.ents[ent];
    let Some(info) = &e.meeting else {
        return e.label.clone();
    };
    if let Some(name) = &info.name {
        return name.clone();
    }
    let mut label = e
        .label
        .trim_start_matches(['\'', '\u{2019}'])
        .trim_start_matches("s ")
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_string();
    if label.is_empty() {
        if let Some(pair) = pair_label(a, ent, info) {
            return pair;
        }
        label = match info.class {
            Some(MeetingClass::Talks) => "talks".into(),
            Some(MeetingClass::Visit) => "visit".into(),
            _ => "meeting".into(),
        };
    }
    if let Some(p) = info.place {
        let place = &a.ents[p].label;
        if !label.contains(place.as_str()) {
            // One visits or travels "to" a place, meets "in" it.
            let to = if info.class == Some(MeetingClass::Visit) { "to" } else { "in" };
            label = format!("{label} {to} {place}");
        }
    }
    label
}

/// "Zelenskyy–Mohammed bin Salman meeting", as news names a meeting of two: a meeting
/// told only as "A met B in X", when another meeting of the article is held in X too
/// (the talks there), so that "meeting in Jeddah" would not say which.
fn pair_label(a: &Analysis, ent: usize, info: &MeetingInfo) -> Option<String> {
    let place = info.place?;
    let persons: Vec<usize> =
        info.participants.iter().copied().filter(|&p| a.ents[p].kind == EntityKind::Person).collect();
    let [p, q] = persons[..] else { return None };
    let shared =
        a.ents.iter().enumerate().any(|(i, e)| i != ent && e.meeting.as_ref().is_some_and(|m| m.place == Some(place)));
    shared.then(|| format!("{}\u{2013}{} meeting", short_name(&a.ents[p].label), short_name(&a.ents[q].label)))
}

/// The surname of a full name; an Arabic name with "bin" or "Al" stays whole
/// ("Mohammed bin Salman"), its last word is no surname.
fn short_name(label: &str) -> &str {
    let words: Vec<&str> = label.split_whitespace().collect();
    let patronymic = words.iter().any(|w| matches!(*w, "bin" | "bint" | "ibn" | "Al" | "Bin"));
    match words.last() {
        Some(last) if !patronymic && words.len() > 1 => last,
        _ => label,
    }
}

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

fn first_place_after(a: &Analysis, from: usize, to: usize) -> Option<usize> {
    for i in from..to.min(a.toks.len()) {
        let w = a.lower(i);
        if !matches!(w, "in" | "at" | "outside" | "near" | "of") {
            continue;
        }
        if w == "of" {
            if i > 0 && a.lower(i - 1) == "sidelines" {
                // The summit's head noun is a few words on: "of a NATO ministers' meeting".
                let summit = (i + 1..(i + 10).min(a.toks.len()))
                    .find_map(|k| a.mention_at_tok(k).filter(|m| a.ents[m.ent].kind == EntityKind::Meeting));
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
                .find(|m| m.form == crate::analysis::Form::RoleNoun && a.ents[m.ent].kind == EntityKind::Location)
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
        if matches!(e.kind, EntityKind::Location | EntityKind::Country) {
            // Continents and vague regions are not where a meeting is held.
            let vague = e.attrs.get("kind").is_some_and(|k| k == "continent" || k == "region");
            if !vague {
                return Some(m.ent);
            }
        }
    }
    None
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
    (a.ents[m.ent].kind == EntityKind::Location).then_some(m.ent)
}

/// The first date expression in a token range.
pub fn date_in(a: &Analysis, from: usize, to: usize) -> Option<crate::dates::DateValue> {
    let to = to.min(a.toks.len());
    if from >= to {
        return None;
    }
    let span = Span::new(a.toks[from].span.start, a.toks[to - 1].span.end);
    a.dates_in(span).find(|d| !since(a, d.span)).map(|d| d.value)
}

/// "the first visit since 2018", "talks since March 2022": the start of a stretch of
/// time, not the date of the event.
fn since(a: &Analysis, span: Span) -> bool {
    let text = a.slice(span);
    text.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("since "))
        || a.tok_before(span.start).is_some_and(|k| a.lower(k) == "since")
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, extract_all, has_edge, meeting_date};

    fn meetings(x: &crate::model::Extraction) -> Vec<String> {
        x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).collect()
    }

    /// Meetings that must stay apart: the one someone stayed away from and the one
    /// they held that day; one that took place and one still to come.
    #[test]
    fn separate_meetings_stay_apart() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The talks were held in Oslo on Tuesday. Anna Brown did not take part in the talks. \
                 She met Ivan Petrov in Oslo on Monday, before leaving the negotiations to her team.",
                "person:anna-brown",
                "meeting:talks-oslo",
            ),
            (
                "Anna Brown met Tom Price in Oslo. Anna Brown will meet Ivan Petrov in Oslo on Friday.",
                "person:ivan-petrov",
                "meeting:meeting-oslo",
            ),
        ];
        for (text, person, meeting) in cases {
            let x = extract_all(text, "2025-03-05");
            let ids = meetings(&x);
            assert_eq!(ids.len(), 2, "{text}: {ids:?}");
            assert!(
                !x.relations.iter().any(|r| r.source == *person
                    && r.kind.as_str() == "attends"
                    && r.status == crate::model::Status::Occurred
                    && (r.target == *meeting || r.target.starts_with(&format!("{meeting}@")))
                    && !r.target.contains("petrov")),
                "{text}: {:?}",
                x.relations
            );
        }
    }

    /// "talks in Norway" and "the meeting in Oslo" are one event: the city is kept.
    #[test]
    fn country_and_city_mentions_merge() {
        let x = extract("Talks in Norway ended on Monday. Officials spoke after the meeting in Oslo.", "2025-03-05");
        let ids = meetings(&x);
        assert_eq!(ids.len(), 1, "{ids:?}");
        assert!(has_edge(&x, &ids[0], "held_in", "location:oslo"), "{:?}", x.relations);
    }

    #[test]
    fn described_cities_and_where() {
        let cases: &[(&str, &str)] = &[
            ("The summit in the Baltic Sea port city of Gdansk ended.", "location:gdansk"),
            ("Talks were held in the Norwegian city of Bergen on Monday.", "location:bergen"),
            ("Anna Brown flew from Oslo to Bergen, where Ivan Petrov hosted her for a summit.", "location:bergen"),
            ("Envoys arrived in Rijeka on Croatia's Adriatic coast, where they held a meeting.", "location:rijeka"),
            ("Anna Brown said the meeting in Norway on Monday, near Bergen, went well.", "location:bergen"),
        ];
        for (text, place) in cases {
            let x = extract(text, "2025-03-05");
            let ids = meetings(&x);
            assert_eq!(ids.len(), 1, "{text}: {ids:?}");
            assert!(has_edge(&x, &ids[0], "held_in", place), "{text}: {:?}", x.relations);
        }
    }

    #[test]
    fn the_start_of_a_stretch_of_time_is_no_date() {
        let x = extract("It was the first visit to Norway by a Kenyan leader since 2018.", "2025-03-05");
        let ids = meetings(&x);
        assert_eq!(ids.len(), 1, "{ids:?}");
        assert_eq!(meeting_date(&x, &ids[0]), None);
    }
}
