//! **attendance_negation** — a stated refusal wins over attendance another rule read.
//!
//! Matches: a person who "did not take part in" / "declined to attend" / "skipped" a
//! meeting (an `attends` edge with status declined) and also attends it as a fact
//! through another pattern — typically a gathering ("X met Y in <city>") that meeting
//! coreference merged into that meeting. The fact is dropped; so are the other
//! attendances read from the same words (the gathering was another meeting, so Y was
//! not at it either). The refusal stays, with its status.
//! Example: "Ivan Petrov did not take part in the talks in Geneva. He met Anna Brown in
//! Geneva on Monday." → Petrov does not attend the talks, nor does Brown.
//! A planned attendance of a meeting later told as called off is called off too, and so
//! is a plan told just before a bare "the summit is off" ("A will meet B in Oslo. The
//! summit was cancelled.").
//! Known false positives: "X declined to attend at first, but later took part" loses
//! the later attendance.

use super::Rule;
use crate::analysis::Analysis;
use crate::model::{RelationKind, Status};

pub const RULE: Rule = Rule { name: "attendance_negation", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    plans_called_off(a);
    // A meeting called off ("the visit did not take place"): who was only to attend it
    // did not either.
    let called_off: Vec<usize> = (0..a.ents.len())
        .filter(|&m| a.ents[m].meeting.as_ref().is_some_and(|i| i.status == Status::Cancelled))
        .collect();
    for r in a.rels.iter_mut() {
        if r.kind == RelationKind::Attends && r.status == Status::Planned && called_off.contains(&r.dst) {
            r.status = Status::Cancelled;
        }
    }
    let declined: Vec<(usize, usize)> = a
        .rels
        .iter()
        .filter(|r| r.kind == RelationKind::Attends && r.status == Status::Declined)
        .map(|r| (r.src, r.dst))
        .collect();
    if declined.is_empty() {
        return;
    }
    let is_fact = |r: &crate::analysis::Rel| r.kind == RelationKind::Attends && r.status.is_default_visible();
    // The words each contradicted attendance was read from, with its meeting.
    let contradicted: Vec<(usize, crate::model::Span, &'static str)> = a
        .rels
        .iter()
        .filter(|r| is_fact(r) && declined.contains(&(r.src, r.dst)))
        .map(|r| (r.dst, r.span, r.rule))
        .collect();
    a.rels.retain(|r| {
        !(is_fact(r) && contradicted.iter().any(|&(m, s, rule)| r.dst == m && r.span == s && r.rule == rule))
    });
}

/// "Trump will meet Putin in Budapest. The summit is off.": a bare meeting noun told
/// as called off calls off the plan told just before it (the nearest meeting mentioned
/// before it, up to two sentences back), which the rule that read the plan could not
/// know of when it ran.
fn plans_called_off(a: &mut Analysis) {
    for k in 0..a.called_off.len() {
        let at = a.toks[a.called_off[k]].span.start;
        let sent = a.sent_of(at);
        let nearest = a.mentions_before(at).find(|m| a.ents[m.ent].meeting.is_some()).map(|m| (m.ent, m.span.start));
        let Some((m, from)) = nearest else { continue };
        if a.sent_of(from) + 2 < sent {
            continue;
        }
        if let Some(info) = a.ents[m].meeting.as_mut().filter(|i| i.status == Status::Planned) {
            info.status = Status::Cancelled;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, extract_all, has_edge};

    #[test]
    fn a_refusal_wins_over_a_merged_gathering() {
        let text = "Peace talks opened in Geneva on Monday. Ivan Petrov did not take part in the talks. \
                    He met Anna Brown in Geneva on Monday.";
        let x = extract(text, "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:talks")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(!has_edge(&x, "person:ivan-petrov", "attends", &m), "{:?}", x.relations);
        assert!(!has_edge(&x, "person:anna-brown", "attends", &m), "{:?}", x.relations);
        let all = extract_all(text, "2025-03-05");
        assert!(all.relations.iter().any(|r| r.kind.as_str() == "attends" && r.status.as_str() == "declined"));
    }

    /// A plan, then a bare "the summit" told as called off: no one attends it.
    #[test]
    fn a_plan_called_off_in_the_next_sentence() {
        for text in [
            "Anna Brown will meet Tom Price in Oslo. On Tuesday the summit was cancelled.",
            "Anna Brown said she would meet Tom Price in Oslo. The summit is off.",
        ] {
            let x = extract(text, "2025-03-05");
            assert!(!x.relations.iter().any(|r| r.kind.as_str() == "attends"), "{text}: {:?}", x.relations);
        }
        let x = extract("Anna Brown will meet Tom Price in Oslo. The summit in Bergen was cancelled.", "2025-03-05");
        assert!(x.relations.iter().any(|r| r.kind.as_str() == "attends"), "{:?}", x.relations);
    }

    #[test]
    fn attendance_without_a_refusal_stays() {
        let x = extract("Peace talks opened in Geneva on Monday. Ivan Petrov took part in the talks.", "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:talks")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, "person:ivan-petrov", "attends", &m), "{:?}", x.relations);
    }
}
