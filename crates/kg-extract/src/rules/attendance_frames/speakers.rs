//! Meetings coverage: "Catherine Colonna, Minister for Europe and Foreign Affairs of
//! France, said ...", paragraph after paragraph. UN and parliamentary summaries open each
//! speaker's paragraph with the name, a comma and the office without an article, then
//! what the speaker said: a story told so, speaker after speaker, has them all at the
//! meeting it covers.
//!
//! Matches: three or more paragraphs (lines) that open with a person, a comma, an office
//! word ("Secretary", "Minister", "Prosecutor", "President", "Ambassador", ...) and an
//! "of" before the sentence's "said"; each of those speakers attends the meeting the
//! article is about, when it took place.
//! Known false positives: a story quoting three officials' statements made elsewhere, each
//! introduced as the UN summaries introduce speakers ("A, Minister of X, said").

use super::{principal_meeting, RULE};
use crate::analysis::Analysis;
use crate::model::{EntityKind, RelationKind, Span, Status};

/// The fewest speakers that make a story meetings coverage.
const MIN_SPEAKERS: usize = 3;

pub(super) fn speakers(a: &mut Analysis) {
    let found: Vec<(usize, Span)> = (0..a.sents.len()).filter_map(|s| speaker(a, s)).collect();
    if found.len() < MIN_SPEAKERS {
        return;
    }
    let Some(meeting) = principal_meeting(a, a.text.len()) else { return };
    for (person, span) in found {
        a.add_rel(RelationKind::Attends, person, meeting, Status::Occurred, span, RULE.name);
    }
}

/// The speaker that opens sentence `s`, if it opens a line as meetings coverage does,
/// with the span from the name to "said".
fn speaker(a: &Analysis, s: usize) -> Option<(usize, Span)> {
    let toks = a.sents[s].tokens.clone();
    let start = a.toks[toks.start].span.start;
    if start > 0 && a.text.as_bytes()[start - 1] != b'\n' {
        return None;
    }
    let m = a.mention_at_tok(toks.start).filter(|m| m.span.start == start)?;
    if m.kind != EntityKind::Person {
        return None;
    }
    let comma = a.tok_at(m.span.end);
    if !crate::clause::is_comma(a, comma) || !crate::text::opens_office(a.word(comma + 1)) {
        return None;
    }
    let said = (comma + 2..toks.end.min(comma + 30)).find(|&k| matches!(a.lower(k), "said" | "says"))?;
    (comma + 2..said).any(|k| a.lower(k) == "of").then(|| (m.ent, Span::new(start, a.toks[said].span.end)))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    const COVERAGE: &str = "The Council held a meeting in Oslo on Monday on the crisis.\n\
        Anna Brown, Minister for Foreign Affairs of Norland, said the crisis was grave.\n\
        Tom Price, Secretary of State of Southland, said talks must go on.\n\
        Paul Okello, Prosecutor of the Court, said evidence was being gathered.\n";

    #[test]
    fn speaker_after_speaker_attend_the_meeting_covered() {
        let x = extract(COVERAGE, "2025-03-04");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        for p in ["person:anna-brown", "person:tom-price", "person:paul-okello"] {
            assert!(has_edge(&x, p, "attends", &m), "{p}: {:?}", x.relations);
        }
    }

    #[test]
    fn two_statements_are_not_coverage() {
        let two: String = COVERAGE.lines().take(3).map(|l| format!("{l}\n")).collect();
        let x = extract(&two, "2025-03-04");
        assert!(!x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == "person:tom-price"));
    }
}
