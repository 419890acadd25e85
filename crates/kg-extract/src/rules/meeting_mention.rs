//! **meeting_mention** — talks, meetings, summits, negotiations and visits, with the
//! organiser, place, date and status the sentence gives them.
//!
//! Matches: "talks", "negotiations", "meeting", "summit", "conference", a named
//! "Dialogue" ("the Shangri-La Dialogue"), a dated signing at a place ("signed the
//! declaration at the White House on Friday", `signing.rs`), "visit" and
//! "trip" (as nouns, a trip only "to" a place), "signing ceremony", a funeral,
//! inauguration or coronation (where leaders gather), "gathering" (only
//! with a place and a date), named events ("Munich Security Conference", "NATO
//! Summit") and the UN climate conferences by number ("COP28"); not "news/press
//! conference". Attributes
//! come from the noun phrase ("NATO foreign ministers' meeting", "the November 2023
//! Woodside Summit", "Istanbul talks") and the rest of its clause ("in Doha on June
//! 3", "between A and B"). A mention that says nothing new refers to the last
//! compatible meeting. "the G20 summit" told without place or date is the story's
//! summit that "the summit" of a datelined story places in the dateline city.
//! Example: "Peace talks will take place in Doha on June 3. The talks ..." → one
//! meeting, planned, held in Doha, dated June 3.
//! Known false positives: a generic use ("talks are the only way") that follows a
//! specific meeting is taken as a reference to it; talks "after N hours of" which a
//! proposal came are taken as held even in a clause about the future without "will".

mod context;
mod noun_phrase;
mod nouns;
mod signing;
mod status;
#[cfg(test)]
mod tests;
mod travel;

use super::Rule;
use crate::analysis::{Analysis, MeetingClass, MeetingInfo};
use crate::clause::{clause_of, persons_in};
use crate::meetings::{date_in, place_after, resolve_meeting};
use crate::model::{EntityKind, Span, Status};
use crate::text::strip_all;
pub(super) use context::after_hours_of;
pub use context::visit_destination;
use context::{
    arrival_place, day_before, fronted_date, fronted_place, in_place_at, purpose_date, purpose_place, where_place,
    which_clause,
};
use noun_phrase::{noun_phrase, org_after};
use nouns::{class_of, is_verb_use, not_a_meeting};
pub(super) use signing::is_accord;
pub(super) use status::told_called_off;
use status::{clause_cues, meeting_status};

pub const RULE: Rule = Rule { name: "meeting_mention", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &[
    "talks",
    "negotiations",
    "meeting",
    "summit",
    "conference",
    "visit",
    "trip",
    "gathering",
    "ceremony",
    "funeral",
    "inauguration",
    "coronation",
    "dialogue",
    "round",
    "council",
    "committee",
    "session",
    "signed",
    // The UN climate conferences of 2015-2035 ("COP28"), which `nouns::is_cop` reads.
    "cop21",
    "cop22",
    "cop23",
    "cop24",
    "cop25",
    "cop26",
    "cop27",
    "cop28",
    "cop29",
    "cop30",
    "cop31",
    "cop32",
    "cop33",
    "cop34",
    "cop35",
    "cop36",
    "cop37",
    "cop38",
    "cop39",
    "cop40",
];

/// "held" of "held a summit", "hold talks": the verb right before the noun phrase that
/// starts at `np_start` (past an article).
fn holding_verb(a: &Analysis, np_start: usize) -> Option<usize> {
    let mut k = np_start.checked_sub(1)?;
    if matches!(a.lower(k), "a" | "an") {
        k = k.checked_sub(1)?;
    }
    matches!(a.lower(k), "held" | "hold" | "holds" | "holding").then_some(k)
}

fn apply(a: &mut Analysis) {
    // "the summit", "the talks" that no earlier mention introduced.
    let mut orphans: Vec<(MeetingInfo, Span)> = Vec::new();
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        let lower = a.lower(i);
        if lower == "signed" {
            signing::signing_event(a, i, RULE.name);
            continue;
        }
        // A council, committee or session is a meeting only when numbered (see
        // `not_a_meeting`); it ends no other meeting's phrase as the nouns of
        // `class_of` do.
        let class = match class_of(lower) {
            Some(class) => class,
            None if matches!(lower, "council" | "committee" | "session") => MeetingClass::Meeting,
            None => continue,
        };
        if a.mention_at_tok(i).is_some() || is_verb_use(a, i, lower) || not_a_meeting(a, i, lower) {
            continue;
        }
        let (np_start, name, org, place_before, date_before) = noun_phrase(a, i);
        // "COP28" names itself.
        let name = if nouns::is_cop(lower) { Some(a.word(i).to_string()) } else { name };
        let (clause_start, clause_end) = clause_of(a, i);
        // "Rubio, who sat in on the meeting in Riyadh, said he would meet ... on
        // Thursday": a meeting inside a relative clause takes its place and date there.
        let sent = &a.sents[a.sent_of(a.toks[i].span.start)].tokens;
        let clause_end =
            crate::clause::relative_segment_around(a, sent.start, sent.end, i).map_or(clause_end, |(_, e)| e);
        // "at their meeting in Alaska" after "the summit": a place or date after another
        // meeting noun is that meeting's.
        // Nor is one after a second verb: "held talks with X and laid a wreath in Bucha".
        // Nor one after ", repeating the format of April 2023": a participle that
        // brings in another event.
        let own_end = (i + 1..clause_end)
            .find(|&k| {
                // "their first talks since the failed uprising in Venezuela": the place
                // and date of the event "since" names are that event's.
                // Nor those of a clause "since" opens ("since then President Lee
                // traveled to Kyoto in December 2011 for talks").
                let since_event = a.lower(k) == "since"
                    && (matches!(a.lower(k + 1), "the" | "a" | "an" | "his" | "her" | "their" | "its")
                        || (k + 1..(k + 10).min(clause_end)).any(|j| crate::clause::finite_verb_at(a, j)));
                // "came eight years after his last one in 2016": so are those of the
                // earlier event a span of time goes back to.
                let years_after = matches!(a.lower(k), "after" | "before")
                    && k > 0
                    && matches!(a.lower(k - 1), "years" | "months" | "weeks" | "days" | "decades" | "year" | "month");
                // "for talks with A, before arriving in Manila": the participle is
                // another step of the journey.
                let next_step = matches!(a.lower(k), "after" | "before") && a.lower(k + 1).ends_with("ing");
                since_event
                    || years_after
                    || next_step
                    || k > i + 1
                        && (class_of(a.lower(k)).is_some()
                            || (a.lower(k) == "and" && crate::clause::finite_verb_at(a, k + 1))
                            || (crate::clause::is_comma(a, k)
                                && matches!(
                                    a.lower(k + 1),
                                    "repeating"
                                        | "recalling"
                                        | "echoing"
                                        | "mirroring"
                                        | "following"
                                        | "marking"
                                        | "reviving"
                                )))
            })
            .unwrap_or(clause_end);
        // "his meeting with Biden on the sidelines of the G20 summit in Indonesia last
        // November": the place and date of the meeting it sat beside are its own.
        let beside = (i + 1..own_end).any(|k| matches!(a.lower(k), "sidelines" | "margins") && a.lower(k + 1) == "of");
        let own_end = if beside { clause_end } else { own_end };
        // "the fifth round", "the 5th BRICS summit".
        let ordinal = [1, 2]
            .into_iter()
            .filter(|&back| i >= back && (back == 1 || a.toks[i - 1].is_cap))
            .find_map(|back| crate::text::ordinal_value(a.word(i - back)));
        let mut info = MeetingInfo { class: Some(class), name, org, ordinal, ..MeetingInfo::default() };
        info.org = info.org.or_else(|| org_after(a, i));
        // Only a named meeting: "talks, which ended in Geneva" is told by the clause.
        let which = info.name.as_ref().and_then(|_| which_clause(a, i));
        info.place = if class == MeetingClass::Visit {
            // "a visit to Russia since the war in Ukraine began": only the destination;
            // a trip is "to" a place ("end the trip in Abu Dhabi" is its last stop).
            visit_destination(a, i)
                .filter(|_| lower != "trip" || a.lower(i + 1) == "to")
                // "to the troubled Caribbean country": a region names no destination; the
                // city arrived in does.
                .filter(|&p| !crate::meetings::is_vague(&a.ents[p]))
                .or_else(|| arrival_place(a, np_start))
        } else {
            // "in Hiroshima, where they agreed to convene a summit in the United States":
            // a place in another country told after the noun is the meeting's; "to the
            // White House, where they met in the Oval Office" stays at the White House.
            place_before
                .or_else(|| {
                    let after = place_after(a, i + 1, own_end);
                    let elsewhere =
                        |w: usize| after.is_some_and(|p| a.ents[p].iso.is_some() && a.ents[p].iso != a.ents[w].iso);
                    // "for Japan, where he is to attend the G7 summit in Hiroshima": the
                    // city of the country "where" stands for.
                    let finer = |w: usize| a.ents[w].kind == EntityKind::Country && after.is_some();
                    where_place(a, clause_start).filter(|&w| !elsewhere(w) && !finer(w)).or(after)
                })
                .or_else(|| purpose_place(a, np_start))
                .or_else(|| in_place_at(a, np_start))
                .or_else(|| fronted_place(a, np_start))
                // "the Shangri-La Dialogue, which closed here on Sunday": "here" is where
                // the story was filed.
                .or_else(|| {
                    (i + 1..sent.end.min(i + 8))
                        .any(|k| a.lower(k) == "here")
                        .then(|| super::dateline::story_place(a))
                        .flatten()
                })
                .or_else(|| which.and_then(|(s, e)| place_after(a, s, e)))
                // "flew to Riyadh and held talks there".
                .or_else(|| crate::meetings::there_place(a, i + 1, (i + 3).min(own_end)))
        };
        info.date = date_before
            .or_else(|| date_in(a, i + 1, own_end))
            .or_else(|| when_date(a, clause_start))
            .or_else(|| day_before(a, np_start))
            .or_else(|| fronted_date(a, np_start))
            .or_else(|| purpose_date(a, np_start))
            .or_else(|| which.and_then(|(s, e)| date_in(a, s, e)));
        // "after talks", "hosting talks": talks someone held.
        let held = np_start > 0
            && matches!(
                a.lower(np_start - 1),
                "after" | "at" | "during" | "following" | "from" | "hosting" | "hosted" | "hosts" | "held" | "holding"
            )
            // "after almost twelve hours of talks".
            || after_hours_of(a, np_start);
        // "since Lee traveled to Kyoto in December 2011 for talks": a date elsewhere in
        // the clause is the talks' day too, for the dateline's test.
        let clause_date = || date_in(a, clause_start, clause_end);
        let lead_place = (class != MeetingClass::Visit)
            .then(|| super::dateline::lead_place(a, i, info.place, info.date.or_else(clause_date), held))
            .flatten();
        let place_told = info.place;
        info.place = lead_place.or(info.place);
        if a.lower(i + 1) == "between" {
            let ps = persons_in(a, i + 2, clause_end, false);
            info.participants = ps.iter().take(4).map(|&(e, _)| e).collect();
        }
        // "President Trump's meeting with President Zelensky": the owner and the one
        // after "with".
        let owner = (np_start.saturating_sub(1)..i)
            .find(|&k| k > 0 && matches!(a.word(k), "'s" | "\u{2019}s"))
            .and_then(|k| a.mentions_ending(a.toks[k - 1].span.end).find(|m| m.kind == EntityKind::Person))
            .map(|m| m.ent);
        if let Some(owner) = owner.filter(|_| info.participants.is_empty() && a.lower(i + 1) == "with") {
            info.participants = std::iter::once(owner)
                .chain(crate::clause::objects_after(a, i + 1).into_iter().map(|(e, _)| e))
                .take(4)
                .collect();
        }
        // Visits to a whole region are trips, not meetings; a bare "the visit" refers to
        // one told before (and makes none of its own: it names no place).
        let determiner = |k: usize| matches!(a.lower(k), "the" | "this" | "that");
        let bare_definite =
            (np_start + 1 == i && determiner(np_start)) || (np_start == i && i > 0 && determiner(i - 1));
        if class == MeetingClass::Visit && info.place.is_none() && !bare_definite {
            continue;
        }
        // "A will travel to Tel Aviv ... The visit was announced": the journey.
        if class == MeetingClass::Visit
            && info.place.is_none()
            && !a.ents.iter().any(|e| e.meeting.as_ref().is_some_and(|m| m.class == Some(MeetingClass::Visit)))
            && travel::visit_of_journey_before(a, i, RULE.name)
        {
            continue;
        }
        if class == MeetingClass::Visit {
            info.visitor = super::visitor::visitor_of(a, i, np_start).map(|(p, _)| p);
        }
        // "a gathering" is a meeting only where and when it is told.
        if a.lower(i) == "gathering" && (info.place.is_none() || info.date.is_none()) {
            continue;
        }
        // A bare "talks" is generic ("called for direct talks"); only a definite one
        // ("the talks", "Monday's talks") refers back to a meeting.
        // "a four-way meeting" on a given day, "a trilateral summit on Sunday": a meeting
        // told by its format and its date is one event, not talk of meetings in general.
        let format = (np_start..i).any(|k| {
            let w = a.lower(k);
            w.ends_with("-way") || matches!(w, "trilateral" | "quadrilateral" | "tripartite")
        });
        let specific =
            info.name.is_some() || info.org.is_some() || info.place.is_some() || (format && info.date.is_some());
        // A signing ceremony (`not_a_meeting` let no other through) is a one-off event:
        // "signed the accord at a ceremony" tells one.
        let says_something =
            specific || info.date.is_some() || !info.participants.is_empty() || class == MeetingClass::Ceremony;
        // "The first summit between A and B", "their first summit here": past an
        // ordinal.
        let det = match np_start.checked_sub(1).map(|k| a.lower(k)) {
            Some("first" | "second" | "third" | "fourth" | "fifth" | "latest") => np_start - 1,
            _ => np_start,
        };
        let definite = det > 0
            && matches!(
                a.lower(det - 1),
                "the" | "this" | "these" | "those" | "its" | "their" | "his" | "her" | "'s" | "\u{2019}s"
            )
            || matches!(a.lower(np_start), "the" | "this" | "these" | "those")
            || (np_start..i).any(|k| matches!(a.word(k), "'s" | "\u{2019}s"));
        if !says_something && !definite {
            continue;
        }
        // "A and B held a summit in Seoul": a meeting of the two, which no later "the
        // G7 summit" names. (Who held it says nothing of which meeting a bare "held
        // talks" is, so it is read only for a mention kept for what else it says.)
        if let Some(verb) = holding_verb(a, np_start).filter(|_| info.participants.is_empty()) {
            let mut ps = crate::clause::subjects_of(a, verb);
            // "he held a summit with Kishida".
            if a.lower(i + 1) == "with" {
                ps.extend(crate::clause::objects_after(a, i + 1));
            }
            if ps.len() >= 2 || a.lower(i + 1) == "with" {
                info.participants = ps.iter().take(4).map(|&(e, _)| e).collect();
            }
        }
        info.indefinite = det > 0 && matches!(a.lower(det - 1), "a" | "an");
        // "the first formal meeting between leaders of the two countries since 2016":
        // a description of the sentence's own event, no reference to an earlier one.
        if !specific && first_since(a, np_start, i, clause_end) {
            continue;
        }
        // The mention is kept: only now is its status read.
        // "a meeting on the sidelines of the G7 summit never took place": what the
        // clause tells after the noun is the subject's, not the summit's beside it.
        let beside_of =
            np_start >= 2 && a.lower(np_start - 1) == "of" && matches!(a.lower(np_start - 2), "sidelines" | "margins")
                || np_start >= 3
                    && matches!(a.lower(np_start - 1), "the" | "a")
                    && a.lower(np_start - 2) == "of"
                    && matches!(a.lower(np_start - 3), "sidelines" | "margins");
        // "a visit by Putin to Türkiye \"remains on the agenda\"": the quoted words that
        // end the clause are its own.
        let quote = |k: usize| crate::clause::is_quote_mark(a, k);
        let cue_end = if quote(clause_end) || (clause_end > i + 1 && quote(clause_end - 1)) {
            (clause_end + 1..(clause_end + 12).min(a.toks.len())).find(|&k| quote(k)).unwrap_or(clause_end)
        } else {
            clause_end
        };
        let cues = clause_cues(a, clause_start, i, if beside_of { i + 1 } else { cue_end });
        info.status = meeting_status(a, np_start, i, &cues, info.date);
        // "rejected a proposal to hold a summit": the clause speaks of the meeting
        // itself, unless its verb is someone's attendance ("is not expected to attend").
        if info.status == Status::Occurred && !cues.attendance {
            let clause = crate::modality::status_at(a, np_start, None);
            // "did not meet Ramaphosa at the BRICS summit", "allegedly met him at the
            // summit": what is denied or claimed is the meeting of the two; the summit
            // where it is placed took place. Read past the article and the capitals of
            // a name the phrase did not take in.
            let opening = (np_start.saturating_sub(4)..np_start)
                .rev()
                .take_while(|&k| a.toks[k].is_cap || matches!(a.lower(k), "the" | "a" | "an"))
                .last()
                .unwrap_or(np_start);
            let setting = opening > 0 && matches!(a.lower(opening - 1), "at" | "during");
            let of_others = setting && matches!(clause, Status::Declined | Status::Alleged);
            // "ready to accept a proposal after eight hours of talks": the talks the
            // proposal follows have been held, whatever the clause says of the proposal.
            if !(of_others || clause == Status::Proposed && after_hours_of(a, np_start)) {
                info.status = clause;
            }
        }
        // Only talks that took place are where the story was filed from.
        if lead_place.is_some() && info.status != Status::Occurred {
            info.place = place_told;
            if info.place.is_none() && info.name.is_none() && info.org.is_none() && !definite {
                continue;
            }
        }
        // "last year's summit", "since last July's 75th-anniversary summit".
        let earlier_one = (np_start.saturating_sub(4)..i).rev().take_while(|&k| a.toks[k].is_word).any(|k| {
            // Not "his last summit": after a possessive, "last" is the final one.
            matches!(a.lower(k), "last" | "previous" | "earlier" | "former" | "past")
                && !(k > 0 && matches!(a.lower(k - 1), "his" | "her" | "their" | "its" | "my" | "our" | "your"))
        }) || cues.ago;
        // "The summit was ...", "the talks ended ...": told in the past tense, so not a
        // meeting still to come.
        let told_past = matches!(a.lower(i + 1), "was" | "were" | "ended" | "closed" | "concluded" | "produced");
        info.past = earlier_one || told_past;
        let np = Span::new(a.toks[np_start].span.start, a.toks[i].span.end);
        // The mention is the head noun: names inside the phrase keep their own mentions.
        let span = a.toks[i].span;
        let surface =
            if specific { strip_all(strip_all(a.slice(np), "the "), "The ").to_string() } else { String::new() };
        // "Petrov's visit": the owner's name is no part of the phrase's own words.
        let surface = match surface.strip_prefix("'s ").or_else(|| surface.strip_prefix("\u{2019}s ")) {
            Some(rest) => rest.to_string(),
            None => surface,
        };
        if info.status == Status::Cancelled && info.is_bare() && info.org.is_none() {
            a.called_off.push(i);
        }
        let orphan = (definite && class != MeetingClass::Visit && info.status == Status::Occurred && !earlier_one)
            .then(|| info.clone());
        if resolve_meeting(a, info, span, &surface, RULE.name).is_none() {
            orphans.extend(orphan.map(|o| (o, span)));
        }
    }
    // A datelined story that calls its event "the summit" and never says where it
    // took place was filed from there.
    // ... but "the first summit between A and B" is no organisation's summit.
    let bilateral = orphans.first().is_some_and(|(info, _)| info.participants.len() >= 2);
    if let Some(((_, first), city)) = orphans.first().zip(super::dateline::story_place(a)) {
        // ... unless a meeting that took place was placed before it.
        let placed = |m: &MeetingInfo| {
            m.place.is_some() && !m.past && m.status == Status::Occurred && m.class != Some(MeetingClass::Visit)
        };
        let placed_before = a.mentions_before(first.start).any(|r| a.ents[r.ent].meeting.as_ref().is_some_and(placed));
        if !placed_before {
            // "the summit" ... "attending his last G20 summit": the story's summit told
            // by its organiser alone is the one the orphans speak of.
            let organised = story_summit(a).filter(|_| !bilateral);
            if let Some(m) = organised.and_then(|e| a.ents[e].meeting.as_mut()) {
                m.place = Some(city);
            }
            let org = organised.and_then(|e| a.ents[e].meeting.as_ref()).and_then(|m| m.org);
            // ... and "the summit", the summit the story names later in the dateline city
            // ("the Group of 20 summit ... at a resort in Nusa Dua").
            let summit_org =
                summit_in(a, city).and_then(|e| a.ents[e].meeting.as_ref()).and_then(|m| m.org).filter(|_| !bilateral);
            for (mut info, span) in orphans {
                info.place = Some(city);
                let summit = a.slice(span).eq_ignore_ascii_case("summit");
                info.org = info.org.or(org).or(summit_org.filter(|_| summit));
                resolve_meeting(a, info, span, "", RULE.name);
            }
        }
    }
}

/// The one summit of the story that has an organiser and nothing else (no place,
/// date or name), took place and is no earlier one: "his last G20 summit".
fn story_summit(a: &Analysis) -> Option<usize> {
    // The words of an entity are read only for a meeting that fits.
    let mut found = a.ents.iter().enumerate().filter(|(_, e)| {
        e.meeting.as_ref().is_some_and(|m| {
            m.org.is_some()
                && m.is_bare()
                && !m.past
                && m.status == Status::Occurred
                && m.class == Some(MeetingClass::Meeting)
        }) && crate::meetings::is_called(e, "summit")
    });
    let (first, _) = found.next()?;
    found.next().is_none().then_some(first)
}

/// "the format of April 2023, when she joined Macron's state visit": a clause opened by
/// "when" after a date is dated by it.
fn when_date(a: &Analysis, clause_start: usize) -> Option<crate::dates::DateValue> {
    if a.lower(clause_start) != "when" || clause_start < 2 || !crate::clause::is_comma(a, clause_start - 1) {
        return None;
    }
    a.date_covering(a.toks[clause_start - 2].span).map(|d| d.value)
}

/// "the first (formal) meeting ... since": "first" before the noun at `i` and "since"
/// after it in the clause.
fn first_since(a: &Analysis, np_start: usize, i: usize, clause_end: usize) -> bool {
    let from = np_start.saturating_sub(1);
    (from..i).any(|k| a.lower(k) == "first") && (i + 1..clause_end).any(|k| a.lower(k) == "since")
}

/// The one summit of the story held in `city` that took place and is no earlier one.
fn summit_in(a: &Analysis, city: usize) -> Option<usize> {
    let mut found = a.ents.iter().enumerate().filter(|(_, e)| {
        e.meeting.as_ref().is_some_and(|m| {
            m.place == Some(city) && !m.past && m.status == Status::Occurred && m.class == Some(MeetingClass::Meeting)
        }) && crate::meetings::is_called(e, "summit")
    });
    let (first, _) = found.next()?;
    found.next().is_none().then_some(first)
}
