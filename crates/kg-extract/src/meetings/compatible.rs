//! Whether a new meeting mention can be a meeting told before: tense and status, name,
//! class, organiser, place, date, ordinal, visitor and participants must not disagree.

use crate::analysis::{Analysis, MeetingClass, MeetingInfo};
use crate::model::EntityKind;

/// Whether a place entity lies in (or is) another.
fn place_within(a: &Analysis, inner: usize, outer: usize) -> bool {
    inner == outer
        || (a.ents[outer].kind == EntityKind::Country
            && a.ents[inner].iso.is_some()
            && a.ents[inner].iso == a.ents[outer].iso)
}

pub(super) fn compatible(a: &Analysis, have: &MeetingInfo, new: &MeetingInfo) -> bool {
    compatible_as(a, have, new, true)
}

/// [`compatible`], where `backstory` false lets an undated mention refer to a meeting
/// dated months before the story: for a bare "the summit" that no meeting of the
/// story's own time fits.
pub(super) fn compatible_as(a: &Analysis, have: &MeetingInfo, new: &MeetingInfo, backstory_apart: bool) -> bool {
    let upcoming = |m: &MeetingInfo| {
        m.status == crate::model::Status::Planned
            || matches!((m.date, a.doc.date), (Some(d), Some(p)) if d > crate::dates::DateValue::from_date(p))
    };
    // ... unless the past tells the plan called off: "the visit was called off".
    let called_off = |m: &MeetingInfo| m.status == crate::model::Status::Cancelled;
    if (have.past && upcoming(new) && !called_off(have)) || (new.past && upcoming(have) && !called_off(new)) {
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
    // "the White House meeting" and the signing ceremony at the White House are one.
    let ceremony_or_meeting =
        |c: Option<MeetingClass>| matches!(c, Some(MeetingClass::Ceremony | MeetingClass::Meeting));
    let classes_agree = have.class == new.class
        || (same_place && talks_or_meeting(have.class) && talks_or_meeting(new.class))
        || (have.place.is_some()
            && have.place == new.place
            && ceremony_or_meeting(have.class)
            && ceremony_or_meeting(new.class));
    if have.class.is_some() && new.class.is_some() && !classes_agree {
        return false;
    }
    // An organiser tells meetings apart, unless the new mention says nothing else, or
    // names none and calls it by the same noun: "in Brussels for the summit" is the
    // NATO summit there, but "the meeting in Riyadh" is not the GCC summit.
    let same_noun = new.noun.is_some()
        && new.noun == have.noun
        && new.participants.is_empty()
        && matches!((have.place, new.place), (Some(p), Some(q)) if place_within(a, q, p));
    // "the 2019 summit" says no more than its year: the organiser's summit of that year.
    let only_year = new.name.is_none()
        && new.place.is_none()
        && new.participants.is_empty()
        // A year before the story's: "this year" and "the next summit in 2026" tell
        // no earlier meeting.
        && new.date.is_some_and(|d| {
            d.month.is_none() && a.doc.date.is_some_and(|p| d.year < chrono::Datelike::year(&p))
        });
    if have.org != new.org && !(new.org.is_none() && (new.is_bare() || only_year || same_noun)) {
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
    if have.ordinal.is_some() && new.ordinal.is_some() && have.ordinal != new.ordinal {
        return false;
    }
    // "In April 2023, she held a three-way meeting in Beijing" in a story of a summit
    // there: a meeting dated months before the story is not its undated own.
    let backstory = |m: &MeetingInfo| matches!((m.date, a.doc.date), (Some(d), Some(p)) if d.months_before(p) >= 2);
    let undated_now = |m: &MeetingInfo| m.date.is_none() && !m.past;
    if backstory_apart && ((backstory(new) && undated_now(have)) || (backstory(have) && undated_now(new))) {
        return false;
    }
    if matches!((have.visitor, new.visitor), (Some(x), Some(y)) if x != y) {
        return false;
    }
    if have.participants.len() >= 2 && new.participants.len() >= 2 && have.participants.is_disjoint(&new.participants) {
        return false;
    }
    // "his meeting with Biden" and "Xi hosted Gates": two pairs, two meetings.
    if have.participants.len() == 2 && new.participants.len() == 2 && have.participants != new.participants {
        return false;
    }
    true
}
