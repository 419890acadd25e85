//! **attends** — persons taking part in a meeting, with the status the wording gives.
//!
//! Matches: "attend", "take part in", "participate in", "chaired", "hosted",
//! "speaking at", "joined", "arrived for", "travelled to" followed by a meeting;
//! "on the sidelines of" a meeting; and persons named right before "at <meeting>"
//! ("discussed by A and B at the summit"). A refusal ("decided not to attend"), a
//! condition or a proposal gives the edge that status, so it stays out of the default
//! graph; an "attend" with no meeting after it refers to the last meeting named.
//! Example: "Amos Kiprono chaired the summit in Nairobi." → Kiprono attends it.
//! Known false positives: "at the summit" after a person who only commented on it.

use super::Rule;
use crate::analysis::Analysis;
use crate::clause::{clause_of, persons_in, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind, Span, Status};

pub const RULE: Rule = Rule { name: "attends", apply, triggers: TRIGGERS };

/// The words (lower-case) a pattern of this rule starts with; other tokens are skipped.
const TRIGGERS: &[&str] = &[
    "attend",
    "attends",
    "attended",
    "attending",
    "take",
    "takes",
    "took",
    "taking",
    "participate",
    "participates",
    "participated",
    "participating",
    "chaired",
    "chairs",
    "chairing",
    "chair",
    "hosted",
    "hosts",
    "skipped",
    "skips",
    "skip",
    "boycotted",
    "boycotts",
    "missed",
    "speaking",
    "spoke",
    "speaks",
    "joined",
    "joins",
    "join",
    "arrived",
    "arrives",
    "travelled",
    "traveled",
    "traveling",
    "travelling",
    "went",
    "go",
    "going",
    "sidelines",
    "at",
];

/// Length of the trigger starting at token `i`.
fn trigger(a: &Analysis, i: usize) -> Option<usize> {
    let w = a.lower(i);
    let n1 = a.lower(i + 1);
    let n2 = a.lower(i + 2);
    Some(match (w, n1, n2) {
        ("attend" | "attends" | "attended" | "attending", _, _) => 1,
        ("take" | "takes" | "took" | "taking", "part", "in") => 3,
        ("participate" | "participates" | "participated" | "participating", "in", _) => 2,
        ("chaired" | "chairs" | "chairing" | "chair" | "hosted" | "hosts", _, _) => 1,
        ("skipped" | "skips" | "skip" | "boycotted" | "boycotts" | "missed", _, _) => 1,
        ("speaking" | "spoke" | "speaks", "at", _) => 2,
        ("joined" | "joins" | "join", _, _) => 1,
        ("arrived" | "arrives", "for", _) => 2,
        ("travelled" | "traveled" | "traveling" | "travelling" | "went" | "go" | "going", "to", _) => 2,
        ("sidelines", "of", _) => 2,
        _ => return None,
    })
}

fn apply(a: &mut Analysis) {
    for i in 0..a.toks.len() {
        if !a.may_trigger(i) {
            continue;
        }
        // No verb pattern starts with "at", the commonest trigger.
        if a.lower(i) == "at" {
            persons_at(a, i);
        } else if let Some(len) = trigger(a, i) {
            verb(a, i, len);
        }
    }
}

/// The meeting named right after the trigger in its clause.
fn meeting_after(a: &Analysis, last: usize, clause_end: usize) -> Option<(usize, Span)> {
    (last + 1..clause_end.min(last + 8)).find_map(|k| {
        let m = a.mention_at_tok(k)?;
        (a.ents[m.ent].kind == EntityKind::Meeting).then_some((m.ent, m.span))
    })
}

fn verb(a: &mut Analysis, i: usize, len: usize) {
    let last = i + len - 1;
    let bare_attend =
        matches!(a.lower(i), "attend" | "attends" | "attended" | "attending" | "participate" | "participated");
    // Most triggers ("joined", "went to") name no meeting: skip them before finding the clause.
    if !bare_attend && meeting_after(a, last, usize::MAX).is_none() {
        return;
    }
    let (_, clause_end) = clause_of(a, i);
    let meeting = match meeting_after(a, last, clause_end) {
        Some(m) => m,
        // "decided not to attend." — an attendance with nothing after it.
        None if bare_attend
            && !a
                .toks
                .get(last + 1)
                .is_some_and(|t| t.is_word && !matches!(a.lower(last + 1), "and" | "but" | "or")) =>
        {
            match last_meeting(a, a.toks[i].span.start) {
                Some(m) => (m, a.toks[i].span),
                None => return,
            }
        }
        None => return,
    };
    let subjects = subjects_of(a, i);
    let Some(&(_, subject_span)) = subjects.first() else { return };
    // "skipped the summit" is a refusal in the verb itself.
    let refusal = matches!(a.lower(i), "skipped" | "skips" | "skip" | "boycotted" | "boycotts" | "missed");
    let status = if refusal { Status::Declined } else { status_at(a, i, Some(subject_span)) };
    let span = subject_span.cover(meeting.1);
    for (subject, _) in subjects {
        a.add_rel(RelationKind::Attends, subject, meeting.0, status, span, RULE.name);
    }
}

/// "discussed by A and B at the summit": persons right before "at <meeting>".
fn persons_at(a: &mut Analysis, i: usize) {
    if meeting_after(a, i, usize::MAX).is_none() {
        return;
    }
    let (clause_start, clause_end) = clause_of(a, i);
    let Some((meeting, mspan)) = meeting_after(a, i, clause_end) else {
        return;
    };
    if a.tok_at(mspan.start) > i + 7 {
        return;
    }
    let persons = persons_in(a, clause_start, i, false);
    let Some(&(_, last_span)) = persons.last() else {
        return;
    };
    // Only the list that ends right before "at".
    let gap = a.text.get(last_span.end..a.toks[i].span.start).unwrap_or("x");
    if !gap.trim().is_empty() {
        return;
    }
    let status = status_at(a, i, Some(last_span));
    let list: Vec<(usize, Span)> = persons
        .iter()
        .rev()
        .scan(last_span.end + 1, |next_start, &(p, s)| {
            let gap = a.text.get(s.end..*next_start).unwrap_or("");
            let joined =
                *next_start == last_span.end + 1 || gap.len() < 40 && (gap.contains(" and ") || gap.contains(", "));
            *next_start = s.start;
            joined.then_some((p, s))
        })
        .collect();
    for (p, s) in list {
        a.add_rel(RelationKind::Attends, p, meeting, status, s.cover(mspan), RULE.name);
    }
}

/// The last meeting named before byte `at`.
fn last_meeting(a: &Analysis, at: usize) -> Option<usize> {
    // Nearest first, and the later recorded first at one start, as a search for the
    // greatest start would pick.
    a.mentions_before(at).find(|m| a.ents[m.ent].kind == EntityKind::Meeting).map(|m| m.ent)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, extract_all, has_edge};

    fn meeting(x: &crate::model::Extraction) -> String {
        x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default()
    }

    #[test]
    fn chaired_and_attended() {
        let x = extract("The summit opened in Nairobi on Monday. Amos Kiprono chaired the summit.", "2025-03-05");
        assert!(has_edge(&x, "person:amos-kiprono", "attends", &meeting(&x)));
    }

    #[test]
    fn declining_to_attend_is_kept_only_with_its_status() {
        let text = "Peace talks open in Geneva on Friday. Ivan Petrov decided not to attend.";
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:ivan-petrov", "attends", &meeting(&x)));
        let all = extract_all(text, "2025-03-05");
        assert!(all.relations.iter().any(|r| r.kind.as_str() == "attends" && r.status.as_str() == "declined"));
    }

    #[test]
    fn skipping_is_declining() {
        let text = "The summit opened in Nairobi on Monday. Ivan Petrov skipped the summit.";
        assert!(!has_edge(
            &extract(text, "2025-03-05"),
            "person:ivan-petrov",
            "attends",
            &meeting(&extract(text, "2025-03-05"))
        ));
    }

    #[test]
    fn persons_at_a_named_summit() {
        let x =
            extract("The plan was discussed by Anna Brown and Tom Price at the 2023 Lakeside Summit.", "2024-08-28");
        assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)));
        assert!(has_edge(&x, "person:tom-price", "attends", &meeting(&x)));
    }
}
