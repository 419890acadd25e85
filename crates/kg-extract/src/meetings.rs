//! Meeting coreference: which earlier meeting a new mention of talks, a summit or a
//! visit refers to, judged by name, organiser, place, date and participants.

mod compatible;
mod label;
mod setting;
#[cfg(test)]
mod tests;

use crate::analysis::{Analysis, Ent, Form, MeetingClass, MeetingInfo};
use crate::model::{EntityKind, Span};

use compatible::{compatible, compatible_as};
pub use label::meeting_label;
pub use setting::{date_in, described_place, is_vague, place_after, there_place};

/// Whether the text says one of `persons` stayed away from the meeting `m` ("X did
/// not take part in the talks"): then "X met Y" in the same city is another meeting.
///
/// Only the few sentences around byte `at` are read: absence is told next to the
/// meeting it bears on, and a search of every mention, for every meeting mention, would
/// make long documents quadratic. The subjects of each mention of the meeting are
/// found once for all the persons.
pub fn stayed_away(a: &Analysis, m: usize, persons: impl IntoIterator<Item = usize> + Clone, at: usize) -> bool {
    let Some(last) = a.sents.len().checked_sub(1) else { return false };
    if persons.clone().into_iter().next().is_none() {
        return false;
    }
    let sent = a.sent_of(at);
    let near = Span::new(a.sents[sent.saturating_sub(3)].span.start, a.sents[(sent + 3).min(last)].span.end);
    a.mentions_within(near).filter(|r| r.ent == m && r.form == Form::Anaphor).any(|r| {
        let tok = a.tok_at(r.span.start);
        let subjects = crate::clause::subjects_of(a, tok);
        persons.clone().into_iter().any(|person| {
            let Some(&(_, subject)) = subjects.iter().find(|&&(e, _)| e == person) else {
                return false;
            };
            crate::modality::status_at(a, tok, Some(subject)) == crate::model::Status::Declined
        })
    })
}

/// Whether a meeting is called by `noun` (lower-case) in its label or an alias: "a
/// regional summit", "G20 summit" for "summit".
pub(crate) fn is_called(e: &Ent, noun: &str) -> bool {
    // `s.to_ascii_lowercase().contains(noun)`, without the copy.
    let noun = noun.as_bytes();
    let lowered_contains = |s: &String| {
        noun.is_empty()
            || s.as_bytes().windows(noun.len()).any(|w| w.iter().zip(noun).all(|(x, y)| x.to_ascii_lowercase() == *y))
    };
    std::iter::once(&e.label).chain(e.aliases.iter()).any(lowered_contains)
}

/// "a regional summit in Tianjin ... the Shanghai Cooperation Organization summit": a
/// mention that names only the organiser names the organiser of a summit the story
/// told without one, when that one is called by the same noun and is no earlier one.
fn organiser_of(a: &Analysis, have_idx: usize, new: &MeetingInfo, head: &str) -> bool {
    let have_ent = &a.ents[have_idx];
    let Some(have) = &have_ent.meeting else { return false };
    let org_only = new.org.is_some() && new.is_bare();
    // "the summit between Biden and Putin" is no organisation's summit, nor are "A and B
    // held a summit in Seoul" and "he held a summit with B" (one or two told as its
    // participants) the G7 summit a later line names.
    org_only
        && !new.indefinite
        && !(1..=2).contains(&have.participants.len())
        && have.org.is_none()
        && !have.past
        && !new.past
        && have.class == new.class
        && have.status.is_default_visible() == new.status.is_default_visible()
        && is_called(have_ent, head)
        && compatible(a, have, &MeetingInfo { org: None, ..new.clone() })
}

/// "EU-China" of "the EU-China summit": the two sides a meeting is named by, which tell
/// it from a meeting of one of them with someone else ("an EU-Japan summit").
fn pair_of(surface: &str) -> Option<&str> {
    // Most surfaces have no dash (of either kind: U+2013 starts with 0xE2), which one
    // pass over the bytes tells.
    if !surface.bytes().any(|b| b == b'-' || b == 0xE2) {
        return None;
    }
    surface.split_whitespace().find(|w| {
        let mut sides = w.split(['-', '\u{2013}']);
        let capital = |s: Option<&str>| s.and_then(|s| s.chars().next()).is_some_and(char::is_uppercase);
        w.contains(['-', '\u{2013}']) && capital(sides.next()) && capital(sides.next())
    })
}

/// The meeting most recently mentioned before `at` that `info` may refer to.
fn recent_compatible(a: &Analysis, info: &MeetingInfo, at: usize, head: &str, surface: &str) -> Option<usize> {
    let pair = pair_of(surface);
    // Few entities are meetings, and often none fits: find those first, rather than
    // walk back through every mention of the document. The same pass finds the
    // first meeting named later in the text ("met in Budapest ... the talks in
    // Budapest" read in another order) whose name or place agrees, the fallback.
    let mut fitting: Vec<usize> = Vec::new();
    let mut named_alike = None;
    let mut backstory: Vec<usize> = Vec::new();
    // Only a reference that says nothing but its noun, told as a fact.
    let lone_reference = info.is_bare() && info.org.is_none() && info.status == crate::model::Status::Occurred;
    for (i, e) in a.ents.iter().enumerate() {
        let Some(have) = &e.meeting else { continue };
        let other_pair = || {
            pair.is_some_and(|p| {
                let differs = |s: &String| pair_of(s).is_some_and(|q| !q.eq_ignore_ascii_case(p));
                differs(&e.label) || e.aliases.iter().any(differs)
            })
        };
        // "talks that ran for two hours" before "he is due to hold talks with Xi" in
        // Beijing: a fact told first is no plan told later.
        let plan_told_later = || {
            have.status == crate::model::Status::Planned
                && info.status == crate::model::Status::Occurred
                && a.mentions.iter().filter(|m| m.ent == i).all(|m| m.span.start > at)
        };
        // "Sir Keir held talks with Trump in the Oval Office" ... "Trump's meeting with
        // Zelensky in the Oval Office": two meetings of two, not one.
        let persons = |m: &MeetingInfo| {
            m.participants.iter().copied().filter(|&p| a.ents[p].kind == EntityKind::Person).collect::<Vec<_>>()
        };
        let another_pair = || {
            let (new, old) = (persons(info), persons(have));
            new.len() == 2 && old.len() >= 2 && !new.iter().all(|p| old.contains(p))
        };
        let fits = (compatible(a, have, info) || organiser_of(a, i, info, head))
            && !other_pair()
            && !another_pair()
            && !stayed_away(a, i, info.participants.iter().copied(), at)
            && !plan_told_later();
        if fits {
            fitting.push(i);
        } else if lone_reference && !have.past && compatible_as(a, have, info, false) {
            // "The Lakeside Summit opened on March 3" in a November story, then "said
            // at the summit": the only summit told is the one referred to.
            backstory.push(i);
        }
        if named_alike.is_none() {
            let same_name = have.name.is_some() && have.name == info.name;
            let same_place = have.place.is_some() && have.place == info.place;
            if same_name || (same_place && fits) {
                named_alike = Some(i);
            }
        }
    }
    // A roundup of briefs: a bare noun refers only to meetings told in its own item
    // ("the summit"); a named one may be another item's ("this weekend's G20 summit").
    let bare = info.is_bare() && info.org.is_none();
    if let Some(&item) = a.item_starts.iter().rev().find(|&&s| bare && s <= at) {
        let here: Vec<usize> = a.mentions_within(Span::new(item, at)).map(|m| m.ent).collect();
        fitting.retain(|m| here.contains(m));
        backstory.retain(|m| here.contains(m));
    }
    if fitting.is_empty() {
        fitting = backstory;
    }
    // "attended the summit" after "their meeting in Alaska": a bare summit or
    // conference is one of the meetings called so, if any is.
    if info.is_bare() && matches!(head, "summit" | "conference") {
        if fitting.iter().any(|&m| is_called(&a.ents[m], head)) {
            fitting.retain(|&m| is_called(&a.ents[m], head));
        }
        // Of several, the story's own summit: the one told most often so far, not a
        // summit of the backstory named last ("met on the sidelines of a summit in
        // Kazan" ... "attended the summit").
        if fitting.len() > 1 {
            let mut told = vec![0usize; fitting.len()];
            // Salience among the recent mentions: a bounded walk back keeps long
            // documents linear.
            for m in a.mentions_before(at).take(4096) {
                if let Some(k) = fitting.iter().position(|&f| f == m.ent) {
                    told[k] += 1;
                }
            }
            let most = told.iter().copied().max().unwrap_or(0);
            if told.iter().filter(|&&t| t == most).count() == 1 {
                let k = told.iter().position(|&t| t == most).unwrap_or(0);
                fitting = vec![fitting[k]];
            }
        }
    }
    // The nearest mention of one of them before `at`: walking back stops at the first,
    // usually close by (a scan of every mention would make long documents quadratic).
    let nearest = || {
        // Of one, whether it has a mention before `at`: the mentions recorded last, a
        // meeting's among them, are read first, and the first found ends the search.
        if let [only] = fitting[..] {
            return a.mentions.iter().rev().any(|m| m.ent == only && m.span.start < at).then_some(only);
        }
        a.mentions_before(at).find(|m| fitting.contains(&m.ent)).map(|m| m.ent)
    };
    (if fitting.is_empty() { None } else { nearest() }).or(named_alike)
}

/// The status of a meeting told again by `new`: the strongest evidence that it took
/// place wins, but a bare "the summit" is no evidence that one still planned took place;
/// a plan later told as called off ("the visit did not take place") is called off, and a
/// visit called off stays so when a later mention only says it is still wanted, with no
/// date ("remains on the agenda").
fn merged_status(have: crate::model::Status, new: &MeetingInfo) -> crate::model::Status {
    use crate::model::Status::{Cancelled, Planned};
    match (have, new.status) {
        (Cancelled, _) if new.date.is_none() => have,
        (Planned, Cancelled) => Cancelled,
        (_, s) if s < have && !(new.is_bare() && have == Planned) => s,
        _ => have,
    }
}

/// Records a meeting mention: merges it into the meeting it refers to, or creates a
/// new meeting when it says enough to tell it apart (a name, a place, or an
/// organiser: "the NATO summit"). Returns the meeting entity.
pub fn resolve_meeting(
    a: &mut Analysis,
    info: MeetingInfo,
    span: Span,
    surface: &str,
    rule: &'static str,
) -> Option<usize> {
    // Meeting nouns are written in lower case nearly always: copied only when not.
    let written = a.slice(span);
    let head: std::borrow::Cow<str> = if written.bytes().any(|b| b.is_ascii_uppercase()) {
        written.to_ascii_lowercase().into()
    } else {
        written.into()
    };
    let mut info = info;
    info.noun = match &*head {
        "summit" => Some("summit"),
        "conference" => Some("conference"),
        _ => None,
    };
    let existing = recent_compatible(a, &info, span.start, &head, surface);
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
                have.visitor = have.visitor.or(info.visitor);
                have.ordinal = have.ordinal.or(info.ordinal);
                // "summit" over "conference" (and either over none): `Option` and `str`
                // order them so.
                have.noun = have.noun.max(info.noun);
                have.status = merged_status(have.status, &info);
            }
            i
        }
        None => {
            // A signing ceremony is an event of its own even told by its date alone.
            let dated_ceremony = info.class == Some(MeetingClass::Ceremony) && info.date.is_some();
            // ... and so is a meeting told by its format and date ("a four-way meeting" on
            // Sunday), which its surface then names.
            let dated_format = info.date.is_some() && !surface.is_empty();
            let named_enough =
                info.name.is_some() || info.place.is_some() || info.org.is_some() || dated_ceremony || dated_format;
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
    /// Of a visit: who pays it ("Scholz visits Israel"), which keeps it apart from
    /// another visitor's visit to the same country.
    pub visitor: Option<usize>,
}

pub fn record_gathering(a: &mut Analysis, g: Gathering<'_>, rule: &'static str) {
    let info = MeetingInfo {
        class: Some(g.class),
        place: g.place,
        date: g.date,
        participants: g.participants.iter().copied().collect(),
        status: g.status,
        visitor: g.visitor,
        ..MeetingInfo::default()
    };
    if let Some(m) = resolve_meeting(a, info, g.trigger, "", rule) {
        for &p in g.participants {
            a.add_rel(crate::model::RelationKind::Attends, p, m, g.status, g.evidence, rule);
        }
    }
}
