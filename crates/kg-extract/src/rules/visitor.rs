//! **visitor** — the person whose visit a visit is: "Modi's first trip to Russia",
//! "the visit by President Novak to Brazil".
//!
//! Matches: a visit or trip that `meeting_mention` recorded, whose noun phrase is
//! owned by a named person ("X's (first state) visit"), followed by "by"/"of" and a
//! named person, the object of "made"/"paid"/"began"/"ended" or of "arrived ... for"
//! (the clause's subject pays it), or owned by "his"/"her" (the clause's subject, of
//! that sex when known: "Guterres, on his first visit to Russia, held talks"). The person
//! attends the visit, with the visit's status: a planned visit is a planned attendance.
//! Failing all these, of two subjects of the clause, one serving the visited country
//! and one another, both attend: the guest and the host.
//! `meeting_mention` keeps the visitor with the visit, so two persons' visits to one
//! country stay two meetings.
//! Example: "Prime Minister Anna Brown's visit to Kenya ended on Tuesday." → Brown
//! attends the visit to Kenya.
//! Known false positives: the possessor of a visit that someone else paid to them
//! ("Putin's visit by Kim", rare in news); "his visit" whose "his" is not the clause's
//! subject ("Xi praised Putin, recalling his visit").

use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::model::{EntityKind, RelationKind, Span};

pub const RULE: Rule = Rule { name: "visitor", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &["visit", "visits", "trip"];

/// Words that may stand between the owner and the noun: "X's first state visit".
const MODIFIERS: usize = 4;

fn apply(a: &mut Analysis) {
    for i in a.triggered_by(super::trigger_bit(RULE.name)) {
        let Some(visit) = a.mention_at_tok(i).map(|m| m.ent) else {
            continue;
        };
        let Some(status) =
            a.ents[visit].meeting.as_ref().filter(|m| m.class == Some(MeetingClass::Visit)).map(|m| m.status)
        else {
            continue;
        };
        // The phrase's first word is not known here: the noun stands in for it, which
        // the modifiers before it ("made an unannounced visit") still allow.
        let Some((person, span)) = visitor_of(a, i, i) else {
            for (person, span) in guest_and_host(a, i, visit) {
                a.add_rel(RelationKind::Attends, person, visit, status, span.cover(a.toks[i].span), RULE.name);
            }
            continue;
        };
        let evidence = span.cover(a.toks[i].span);
        a.add_rel(RelationKind::Attends, person, visit, status, evidence, RULE.name);
    }
}

/// "Ruto and his American counterpart Biden held talks at the White House at the
/// climax of a state visit to Washington": of two subjects of the visit's clause, one
/// serving the visited country and one serving another, the guest and the host.
fn guest_and_host(a: &Analysis, noun: usize, visit: usize) -> Vec<(usize, Span)> {
    let Some(iso) = a.ents[visit].meeting.as_ref().and_then(|m| m.place).and_then(|p| a.ents[p].iso.clone()) else {
        return Vec::new();
    };
    let subjects = crate::clause::subjects_of(a, noun);
    let [one, other] = subjects[..] else { return Vec::new() };
    let home = |(p, _): (usize, Span)| country_of(a, p).map(|c| c == iso);
    match (home(one), home(other)) {
        (Some(x), Some(y)) if x != y => vec![one, other],
        _ => Vec::new(),
    }
}

/// The ISO code of the country a person serves (`leader_delegation::leader_country`).
fn country_of(a: &Analysis, p: usize) -> Option<String> {
    match super::leader_delegation::leader_country(a, p)? {
        Ok(ent) => a.ents[ent].iso.clone(),
        Err(index) => Some(a.gaz.countries[index].iso.clone()),
    }
}

/// The person paying the visit named by the noun at `noun`, whose noun phrase starts at
/// `np_start`: a named owner, "by"/"of" a person, the subject of "made"/"paid" the
/// visit or "arrived for" it, or the subject "his"/"her" stands for ("Guterres, on his
/// first visit to Russia, held talks").
pub fn visitor_of(a: &Analysis, noun: usize, np_start: usize) -> Option<(usize, Span)> {
    if let Some(found) = owner(a, noun).or_else(|| visit_by(a, noun)) {
        return Some(found);
    }
    // "Kishida made an unannounced visit to Kyiv", "arrived on Monday for a state visit".
    let verb = (np_start.saturating_sub(6)..np_start).rev().take_while(|&k| a.toks[k].is_word).find(|&k| {
        matches!(
            a.lower(k),
            "made"
                | "makes"
                | "making"
                | "paid"
                | "pays"
                | "paying"
                | "began"
                | "begins"
                | "ended"
                | "ends"
                | "concluded"
        ) || (a.lower(k) == "for" && (k.saturating_sub(11)..k).any(|j| matches!(a.lower(j), "arrived" | "arrives")))
    });
    if let Some(k) = verb {
        let subject = crate::clause::subjects_of(a, k).first().copied();
        if let Some(found) = subject.filter(|&(e, _)| a.ents[e].kind == EntityKind::Person) {
            return Some(found);
        }
    }
    // "his first state visit": ordinals stop the noun phrase, not the owner.
    let pronoun = (np_start.saturating_sub(3)..np_start)
        .rev()
        .take_while(|&k| a.toks[k].is_word && !a.toks[k].is_cap || matches!(a.lower(k), "his" | "her"))
        .find(|&k| matches!(a.lower(k), "his" | "her"))?;
    let female = a.lower(pronoun) == "her";
    crate::clause::subjects_of(a, noun)
        .first()
        .copied()
        .filter(|&(e, _)| a.ents[e].kind == EntityKind::Person && a.ents[e].female.is_none_or(|f| f == female))
}

/// "Narendra Modi's first trip": the person before "'s", with only modifiers (lower-case
/// words, no verb or clause break) up to the noun.
fn owner(a: &Analysis, noun: usize) -> Option<(usize, Span)> {
    let apostrophe = (noun.saturating_sub(MODIFIERS + 1)..noun)
        .rev()
        .find(|&k| matches!(a.word(k), "'s" | "\u{2019}s" | "'" | "\u{2019}"))?;
    let modifiers_only = (apostrophe + 1..noun).all(|k| {
        let t = &a.toks[k];
        t.is_word && !t.is_cap && !crate::clause::finite_verb_at(a, k)
    });
    if !modifiers_only || apostrophe == 0 {
        return None;
    }
    person_ending(a, a.toks[apostrophe - 1].span.end)
}

/// "the state visit of Xi Jinping", "the visit by President Novak", "the first visit
/// to Kenya by Anna Brown".
fn visit_by(a: &Analysis, noun: usize) -> Option<(usize, Span)> {
    let by = if a.lower(noun + 1) == "of" {
        noun + 1
    } else {
        (noun + 1..noun + 6)
            .take_while(|&k| k < a.toks.len() && a.toks[k].is_word && !crate::clause::finite_verb_at(a, k))
            .find(|&k| a.lower(k) == "by")?
    };
    let (person, span) = crate::clause::objects_after(a, by).first().copied()?;
    (a.tok_at(span.start) <= by + 4 && a.ents[person].kind == EntityKind::Person).then_some((person, span))
}

fn person_ending(a: &Analysis, end: usize) -> Option<(usize, Span)> {
    a.mentions_ending(end).find(|m| m.kind == EntityKind::Person).map(|m| (m.ent, m.span))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, extract_all, has_edge};

    fn visit_id(x: &crate::Extraction) -> String {
        x.entities.iter().find(|e| e.id.starts_with("meeting:visit")).map(|e| e.id.clone()).unwrap_or_default()
    }

    #[test]
    fn the_owner_of_a_visit_attends_it() {
        for text in [
            "Prime Minister Anna Brown's first visit to Kenya ended on Tuesday.",
            "The state visit of President Anna Brown to Kenya ended on Tuesday.",
            "The first visit to Kenya by President Anna Brown ended on Tuesday.",
            "Anna Brown's trip to Kenya was meant to show resolve.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(has_edge(&x, "person:anna-brown", "attends", &visit_id(&x)), "{text}: {:?}", x.relations);
        }
    }

    #[test]
    fn a_planned_visit_is_a_planned_attendance() {
        let x = extract_all("Anna Brown's visit to Kenya will take place next month.", "2025-03-05");
        let attends: Vec<_> = x.relations.iter().filter(|r| r.kind == crate::RelationKind::Attends).collect();
        assert!(!attends.is_empty() && attends.iter().all(|r| r.status == crate::Status::Planned), "{attends:?}");
    }

    #[test]
    fn who_made_or_paid_a_visit_attends_it() {
        for text in [
            "Prime Minister Anna Brown made an unannounced visit to Kenya on Tuesday.",
            "Anna Brown arrived in Nairobi on Monday for a three-day state visit.",
            "Anna Brown arrived in Nairobi on Thursday night (9) for a visit of a day.",
            "Anna Brown arrived in Kenya's capital on Saturday on her first visit to the East African country.",
            "Anna Brown, on her first visit to Kenya, met Tom Price.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(has_edge(&x, "person:anna-brown", "attends", &visit_id(&x)), "{text}: {:?}", x.relations);
        }
    }

    #[test]
    fn two_visitors_two_visits() {
        let text = "Anna Brown, on her first visit to Kenya, met Tom Price. Ivan Petrov's visit to Nairobi followed.";
        let x = extract(text, "2025-03-05");
        let visits = x.entities.iter().filter(|e| e.id.starts_with("meeting:visit")).count();
        assert_eq!(visits, 2, "{:?}", x.entities);
    }

    #[test]
    fn a_pronoun_owner_is_left_alone() {
        let x = extract("Anna Brown spoke. His visit to Kenya ended on Tuesday.", "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "attends", &visit_id(&x)));
    }

    #[test]
    fn guest_and_host_of_a_visit_by_the_countries_they_serve() {
        let x = extract(
            "Kenyan President Amos Kiprono and US President Tom Hill held talks on Thursday at the climax of a state \
             visit to Washington.",
            "2024-05-24",
        );
        let visit = visit_id(&x);
        assert!(has_edge(&x, "person:amos-kiprono", "attends", &visit), "{:?}", x.relations);
        assert!(has_edge(&x, "person:tom-hill", "attends", &visit), "{:?}", x.relations);
        // Two guests from abroad: neither is told apart as the host.
        let x = extract(
            "Kenyan President Amos Kiprono and Ghanaian President Kofi Mensah held talks during a visit to Washington.",
            "2024-05-24",
        );
        assert!(!has_edge(&x, "person:amos-kiprono", "attends", &visit_id(&x)), "{:?}", x.relations);
    }
}
