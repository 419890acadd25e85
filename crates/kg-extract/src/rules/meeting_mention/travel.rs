//! "President A will travel to Tel Aviv on Wednesday ... The visit was announced on
//! Tuesday": a bare "the visit" (or "the trip") whose visit no noun told before is the
//! journey told just before it, in its sentence or the one before in its paragraph.
//! The traveller pays the visit, to the place, on the day, with the status the
//! journey's clause gives it.
//!
//! Known misses: a journey told two sentences before; a traveller named only by a
//! pronoun.

use crate::analysis::{Analysis, MeetingClass};
use crate::clause::{clause_of, subjects_of};
use crate::meetings::{date_in, record_gathering, Gathering};
use crate::model::{EntityKind, Span};

/// The verbs of a journey, each before "to <place>".
const JOURNEY: &[&str] =
    &["travel", "travels", "travelled", "traveled", "travelling", "traveling", "fly", "flies", "flew"];

/// For the bare "the visit" at token `i`: the journey told before it, made the visit
/// it names. Whether one was found.
pub(super) fn visit_of_journey_before(a: &mut Analysis, i: usize, rule: &'static str) -> bool {
    let sent = a.sent_of(a.toks[i].span.start);
    let from = a.sents[a.previous_in_paragraph(sent).unwrap_or(sent)].tokens.start;
    let Some(verb) = (from..i).rev().find(|&k| JOURNEY.contains(&a.lower(k)) && a.lower(k + 1) == "to") else {
        return false;
    };
    let (_, end) = clause_of(a, verb);
    let place = a
        .mention_at_tok(verb + 2)
        .filter(|m| matches!(m.kind, EntityKind::Location | EntityKind::Country))
        .map(|m| m.ent);
    let Some(place) = place else { return false };
    let Some(&(visitor, visitor_span)) =
        subjects_of(a, verb).iter().find(|&&(p, _)| a.ents[p].kind == EntityKind::Person)
    else {
        return false;
    };
    let status = crate::modality::status_at(a, verb, Some(visitor_span));
    let date = date_in(a, verb + 1, end);
    let gathering = Gathering {
        class: MeetingClass::Visit,
        place: Some(place),
        date,
        participants: &[visitor],
        status,
        trigger: a.toks[i].span,
        evidence: Span::new(visitor_span.start, a.toks[verb + 1].span.end),
        visitor: Some(visitor),
    };
    record_gathering(a, gathering, rule);
    true
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    #[test]
    fn the_visit_is_the_journey_told_before() {
        let x =
            extract("Anna Brown will travel to Oslo on Wednesday. The visit was announced on Tuesday.", "2025-03-04");
        let visit = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &visit, "held_in", "location:oslo"), "{:?}", x.relations);
        assert!(has_edge(&x, "person:anna-brown", "attends", &visit), "{:?}", x.relations);
        assert_eq!(crate::test_support::meeting_date(&x, &visit).as_deref(), Some("2025-03-05"));
    }

    #[test]
    fn no_visit_without_a_journey_or_a_traveller() {
        for text in [
            "Anna Brown spoke in Oslo on Wednesday. The visit was announced on Tuesday.",
            "Aid will travel to Oslo on Wednesday. The visit was announced on Tuesday.",
            "Anna Brown will travel to Oslo on Wednesday.\n\nThe visit was announced on Tuesday.",
        ] {
            let x = extract(text, "2025-03-04");
            assert!(!x.entities.iter().any(|e| e.id.starts_with("meeting:visit")), "{text}: {:?}", x.entities);
        }
    }
}
