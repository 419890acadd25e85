use super::*;
use crate::analysis::{Ent, Form};
use crate::clause::subject_of;
use crate::gazetteer::Gazetteer;
use crate::model::{Document, EntityKind};

/// Marks the given names as persons and returns the status at `trigger`.
fn status(text: &str, persons: &[&str], trigger: &str) -> Status {
    let doc = Document::new("t", text, None);
    let mut lower = String::new();
    let mut a = Analysis::new(Gazetteer::builtin(), &doc, &mut lower);
    for p in persons {
        let at = text.find(p).unwrap_or(0);
        let e = a.new_entity(Ent::new(EntityKind::Person, *p));
        a.add_mention(e, Span::new(at, at + p.len()), "test", Form::Name);
    }
    let at = text.find(trigger).unwrap_or(0);
    let tok = a.tok_at(at);
    let subject = subject_of(&a, tok).map(|(_, s)| s);
    status_at(&a, tok, subject)
}

#[test]
fn reads_modality_from_wording() {
    let cases = [
        ("Lee met Park in Seoul.", "met", Status::Occurred),
        ("Lee will meet Park in Seoul.", "meet", Status::Planned),
        ("Lee decided not to attend the summit.", "attend", Status::Declined),
        ("Lee offered to meet Park.", "meet", Status::Proposed),
        ("Nothing happens until Lee and Park meet.", "meet", Status::Hypothetical),
        ("Lee said Park would attend the summit.", "attend", Status::Planned),
        ("Lee and Park agreed to hold a summit in Seoul.", "summit", Status::Planned),
        ("Lee and Park agreed at their summit in Seoul to talk again.", "summit", Status::Occurred),
        ("Lee would attend if invited.", "attend", Status::Hypothetical),
        ("Hopes that Lee would attend were dashed.", "attend", Status::Hypothetical),
        ("Lee, who was scheduled to attend the summit, met Park.", "met", Status::Occurred),
        ("Lee was scheduled to attend the summit.", "attend", Status::Proposed),
        ("Lee was to visit Seoul for talks with Park.", "talks", Status::Proposed),
        ("Lee met Park but will not attend the summit.", "attend", Status::Declined),
        ("Aides floated a plan for Lee to meet Park.", "meet", Status::Proposed),
        ("Lee was ready to accept a truce, after talks with Park.", "talks", Status::Occurred),
        ("Lee refused a truce, after talks with Park.", "talks", Status::Occurred),
        ("Lee will sign a truce, after talks with Park.", "talks", Status::Planned),
        ("Lee met Park sooner than expected.", "met", Status::Occurred),
        ("Lee responded by cancelling his trip to Seoul.", "trip", Status::Cancelled),
        ("As expected, Lee attended the summit.", "attended", Status::Occurred),
        ("Lee flew to Seoul on Monday to meet Park.", "meet", Status::Occurred),
        ("Lee came out to meet Park.", "meet", Status::Proposed),
        ("Lee is due to attend a forum and to hold talks with Park.", "talks", Status::Planned),
        ("Lee will fly to Seoul to meet Park.", "meet", Status::Planned),
        ("Lee hopes to meet Park.", "meet", Status::Proposed),
        ("And the meeting between Lee and Park?", "meeting", Status::Proposed),
        ("When do Lee and Park meet again?", "meet", Status::Occurred),
        ("CLAIM: Lee flew to Seoul and met Park.", "met", Status::Alleged),
        ("Posts shared on social media say that Lee met Park.", "met", Status::Alleged),
        ("Lee allegedly met Park in Seoul.", "met", Status::Alleged),
        ("Aides denied claims that Lee met Park.", "met", Status::Declined),
        ("Lee said that he met Park.", "met", Status::Occurred),
    ];
    for (text, trigger, want) in cases {
        let persons: Vec<&str> = ["Lee", "Park"].into_iter().filter(|p| text.contains(p)).collect();
        assert_eq!(status(text, &persons, trigger), want, "{text}");
    }
}
