//! **delegation_attends** — a delegation attends the talks it was sent to.
//!
//! Matches: every delegation of the document; its meeting is the talks named in the
//! same sentence, else the meeting most of its head and members attend, else the last
//! talks named before it, else the talks the document names most often, else a meeting
//! of another kind ("the meeting in Riyadh") named in its sentence or the one before it
//! in its paragraph, else the meeting the story is about.
//! Example: "Talks open in Geneva on Friday. The Swiss delegation arrived." → the Swiss
//! delegation attends the Geneva talks.
//! Known false positives: an article about two rounds of talks assigns a delegation to
//! the round named nearest to it.

use std::collections::BTreeMap;

use super::Rule;
use crate::analysis::{Analysis, MeetingClass};
use crate::model::{EntityKind, RelationKind, Status};

pub const RULE: Rule = Rule { name: "delegation_attends", apply, triggers: &[] };

fn apply(a: &mut Analysis) {
    // Talks of the backstory ("talks in Beijing in 2018") are no delegation's of today.
    let is_talks = |a: &Analysis, e: usize| {
        a.ents[e]
            .meeting
            .as_ref()
            .is_some_and(|m| (m.class == Some(MeetingClass::Talks) || m.class.is_none()) && !earlier(a, m))
    };
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for m in &a.mentions {
        if m.kind == EntityKind::Meeting && is_talks(a, m.ent) {
            *counts.entry(m.ent).or_default() += 1;
        }
    }
    let salient = counts.iter().max_by_key(|(e, c)| (**c, std::cmp::Reverse(**e))).map(|(e, _)| *e);
    let delegations: Vec<usize> = (0..a.ents.len()).filter(|&e| a.ents[e].kind == EntityKind::Delegation).collect();
    for d in delegations {
        let Some(first) = a.mentions.iter().filter(|m| m.ent == d).min_by_key(|m| m.span.start).cloned() else {
            continue;
        };
        // "The Russian delegation has arrived at the palace": today's arrival is at no
        // talks of days before.
        let arriving_now = arrives_now(a, first.sent);
        let nearest = a
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Meeting && is_talks(a, m.ent))
            .filter(|m| m.sent == first.sent || m.span.start < first.span.start)
            .max_by_key(|m| (m.sent == first.sent, m.span.start))
            .map(|m| (m.ent, m.sent == first.sent));
        // Talks of its own sentence, else the meeting its head or members attend ("led
        // the Russian delegation in his place" after talks elsewhere were told), else
        // the talks told last before it.
        let own = nearest.filter(|n| n.1 && !of_another_clause(a, n.0, first.sent, first.span.start)).map(|n| n.0);
        // "The Greek delegation at the plenary session": the meeting it is placed at.
        let placed_at = || {
            let after = a.tok_at(first.span.end);
            matches!(a.lower(after), "at" | "to" | "for").then(|| named_near(a, d, first.sent)).flatten()
        };
        let meeting = own
            .or_else(placed_at)
            .or_else(|| stood_in(a, first.sent))
            .or_else(|| attended_by_members(a, d))
            .or(nearest.map(|n| n.0))
            // Not talks that are only a plan told after it ("is due to hold talks in
            // Beijing" at the end of a story of a summit).
            .or(salient.filter(|&m| {
                a.ents[m].meeting.as_ref().is_some_and(|i| i.status == Status::Occurred)
                    || a.mentions.iter().any(|r| r.ent == m && r.span.start < first.span.start)
            }))
            .or_else(|| named_near(a, d, first.sent))
            // "The American delegation included ..." in a story of one summit: that summit,
            // unless its sentence tells of other talks ("Hamas's delegation to those talks").
            .or_else(|| {
                let toks = a.sents[first.sent].tokens.clone();
                let other = toks.clone().any(|k| {
                    matches!(a.lower(k), "talks" | "negotiations" | "meeting" | "meetings" | "summit" | "round")
                });
                (!other).then(|| super::attends::principal_meeting(a, first.span.start)).flatten()
            });
        let Some(meeting) = meeting else {
            continue;
        };
        if arriving_now && days_before(a, meeting) >= 2 {
            continue;
        }
        let status = match a.ents[meeting].meeting.as_ref().map(|m| m.status) {
            Some(Status::Occurred) => Status::Occurred,
            _ => Status::Planned,
        };
        a.add_rel(RelationKind::Attends, d, meeting, status, first.span, RULE.name);
    }
}

/// The meeting, of any kind, named in the delegation's sentence (or the previous one of
/// its paragraph), or that took place with its head or members present (the one most
/// of them attend).
/// Dated in an earlier year than the story. (Neither `past` nor an earlier day is a
/// test: "the talks ended" is told in the past tense, and talks of the day before are
/// today's news.)
fn earlier(a: &Analysis, m: &crate::analysis::MeetingInfo) -> bool {
    use chrono::Datelike;
    matches!((m.date, a.doc.date), (Some(d), Some(p)) if d.year < p.year())
}

/// Whether sentence `sent` tells an arrival as of now: "has arrived", "arrives".
fn arrives_now(a: &Analysis, sent: usize) -> bool {
    let toks = a.sents[sent].tokens.clone();
    toks.clone().any(|k| {
        matches!(a.lower(k), "arrives" | "arriving")
            || (a.lower(k) == "arrived" && (k.saturating_sub(2)..k).any(|j| matches!(a.lower(j), "has" | "have")))
    })
}

/// How many days before publication meeting `m` is dated (0 without a day or a date).
fn days_before(a: &Analysis, m: usize) -> i64 {
    let Some(d) = a.ents[m].meeting.as_ref().and_then(|i| i.date) else { return 0 };
    let (Some(month), Some(day), Some(p)) = (d.month, d.day, a.doc.date) else { return 0 };
    chrono::NaiveDate::from_ymd_opt(d.year, month, day).map_or(0, |date| (p - date).num_days())
}

/// "Putin stayed away. Lavrov led the Russian delegation in his place": the meeting
/// someone of this sentence or the one before declined, when the delegation's
/// sentence says it stood in.
fn stood_in(a: &Analysis, sent: usize) -> Option<usize> {
    let toks = a.sents[sent].tokens.clone();
    let stands_in = toks.clone().any(|k| {
        a.lower(k) == "instead"
            || (a.lower(k) == "in" && matches!(a.lower(k + 1), "his" | "her") && a.lower(k + 2) == "place")
    });
    if !stands_in {
        return None;
    }
    a.rels
        .iter()
        .find(|r| {
            r.kind == RelationKind::Attends && r.status == Status::Declined && (r.sent == sent || r.sent + 1 == sent)
        })
        .map(|r| r.dst)
}

/// Whether meeting `m`, named in sentence `sent`, is named there only outside the
/// clause of byte `at`: "the president was in Germany for the Munich conference, and
/// the delegation was led by the prime minister" (that clause's meeting, not the
/// delegation's).
fn of_another_clause(a: &Analysis, m: usize, sent: usize, at: usize) -> bool {
    let d = a.tok_at(at);
    // Clauses joined by ", and", ", but", ", while" or a semicolon, each with its verb.
    let toks = a.sents[sent].tokens.clone();
    let verb_in = |from: usize, to: usize| (from..to).any(|k| crate::clause::finite_verb_at(a, k));
    let joined = |from: usize, to: usize| {
        (from..to).any(|k| {
            let conj = (crate::clause::is_comma(a, k) && matches!(a.lower(k + 1), "and" | "but" | "while"))
                || a.word(k) == ";";
            conj && verb_in(toks.start, k) && verb_in(k + 1, toks.end)
        })
    };
    let here: Vec<usize> = a.mentions_in(sent).iter().filter(|x| x.ent == m).map(|x| a.tok_at(x.span.start)).collect();
    !here.is_empty() && here.iter().all(|&k| if k < d { joined(k, d) } else { joined(d, k) })
}

/// The meeting named near the delegation's first mention, in sentence `sent`: of its
/// clause, or else of the sentence before in its paragraph.
fn named_near(a: &Analysis, d: usize, sent: usize) -> Option<usize> {
    let at = a.mentions.iter().filter(|m| m.ent == d && m.sent == sent).map(|m| m.span.start).min()?;
    let found = super::attends::meeting_in_context(a, a.tok_at(at), None, Status::Occurred)?;
    if !of_another_clause(a, found, sent, at) {
        return Some(found);
    }
    let prev = a.previous_in_paragraph(sent)?;
    a.mentions_in(prev)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Meeting)
        .max_by_key(|m| m.span.start)
        .map(|m| m.ent)
}

/// The meeting that most of the delegation's head and members attended.
fn attended_by_members(a: &Analysis, d: usize) -> Option<usize> {
    let people: Vec<usize> = a
        .rels
        .iter()
        .filter(|r| matches!(r.kind, RelationKind::LeadsDelegation | RelationKind::MemberOf) && r.dst == d)
        .map(|r| r.src)
        .collect();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for r in &a.rels {
        if r.kind == RelationKind::Attends
            && r.status == Status::Occurred
            && people.contains(&r.src)
            && a.ents[r.dst].kind == EntityKind::Meeting
        {
            *counts.entry(r.dst).or_default() += 1;
        }
    }
    counts.iter().max_by_key(|(e, c)| (**c, std::cmp::Reverse(**e))).map(|(e, _)| *e)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extract, has_edge};

    /// Talks told only as a plan, after the delegation, are not the ones it attended.
    #[test]
    fn not_talks_planned_later() {
        let text = "The Kenyan delegation included Foreign Minister Joseph Kamau. Kenyan President Amos Kiprono \
                    leaves on Friday for Oslo, where he is due to hold talks.";
        let x = extract(text, "2025-03-05");
        assert!(!x.relations.iter().any(|r| r.source.starts_with("delegation:") && r.kind.as_str() == "attends"));
    }

    #[test]
    fn an_arrival_today_is_at_no_talks_of_days_before() {
        let x = extract(
            "Talks were held in Geneva on March 1. The Swiss delegation has arrived at the palace.",
            "2025-03-10",
        );
        assert!(!x.relations.iter().any(|r| r.source.starts_with("delegation:") && r.kind.as_str() == "attends"));
    }

    #[test]
    fn delegation_attends_the_talks() {
        let x = extract("Talks open in Geneva on Friday. The Swiss delegation arrived.", "2025-03-05");
        let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
        let d = x.entities.iter().find(|e| e.id.starts_with("delegation:ch")).map(|e| e.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &d, "attends", &m), "{:?}", x.relations);
    }

    #[test]
    fn a_delegation_does_not_attend_talks_of_the_backstory() {
        let x = extract(
            "Foreign Minister Anna Brown led the Swiss delegation. The two sides first held talks in Geneva in 2018.",
            "2025-03-05",
        );
        assert!(!x.relations.iter().any(|r| r.source.starts_with("delegation:") && r.target.contains("geneva")));
    }

    /// The talks told last are another pair's: the delegation is at the meeting its
    /// head attends, or at the one that a leader it stands in for stayed away from.
    #[test]
    fn the_delegation_at_oslo_not_at_the_talks_told_last() {
        for text in [
            "Anna Brown attended the Nordic summit in Oslo on Monday. Tom Price held talks with Ivan Petrov in \
             Geneva on Sunday. Anna Brown led the Swiss delegation.",
            "Tom Price held talks with Ivan Petrov in Geneva on Sunday. The Nordic summit opened in Oslo on \
             Monday. Anna Brown stayed away. Foreign Minister Eva Lund led the Swiss delegation in her place.",
        ] {
            let x = extract(text, "2025-03-05");
            let d = x.entities.iter().find(|e| e.id.starts_with("delegation:ch")).map(|e| e.id.clone());
            let d = d.unwrap_or_default();
            assert!(
                x.relations.iter().any(|r| r.source == d && r.kind.as_str() == "attends" && r.target.contains("oslo")),
                "{text}: {:?}",
                x.relations
            );
        }
    }

    /// In a story of one summit, a delegation no sentence places attends that summit;
    /// not when its sentence tells of other talks.
    #[test]
    fn a_delegation_of_the_story_attends_its_summit() {
        let x = extract(
            "The Nordic summit in Oslo ended on Monday. The summit produced a declaration. The Swiss delegation \
             included Tom Price.",
            "2025-03-05",
        );
        assert!(x.relations.iter().any(|r| r.source.starts_with("delegation:ch") && r.kind.as_str() == "attends"));
        let x = extract(
            "The Nordic summit in Oslo ended on Monday. The summit produced a declaration.\nThe truce held. The \
             Swiss delegation to those talks was led by Tom Price.",
            "2025-03-05",
        );
        assert!(!x.relations.iter().any(|r| r.source.starts_with("delegation:ch") && r.kind.as_str() == "attends"));
    }

    #[test]
    fn a_meeting_of_another_clause_is_not_the_delegations() {
        let text = "Tom Price attended the meeting in Vienna on Monday. The president did not: he was in Oslo for \
                    the summit in Oslo, and the Swiss delegation was led by Anna Brown.";
        let x = extract(text, "2025-03-05");
        let d = x.entities.iter().find(|e| e.id.starts_with("delegation:ch")).map(|e| e.id.clone()).unwrap_or_default();
        let attended: Vec<&str> = x
            .relations
            .iter()
            .filter(|r| r.source == d && r.kind.as_str() == "attends")
            .map(|r| r.target.as_str())
            .collect();
        assert!(attended.iter().all(|m| m.contains("vienna")), "{attended:?}");
    }

    #[test]
    fn a_delegation_at_a_meeting_its_head_attends() {
        let cases = [
            ("Anna Brown led the Swiss delegation. Anna Brown attended the meeting in Vienna on Monday.", true),
            ("The Swiss delegation arrived for the meeting in Vienna on Monday.", true),
            // A meeting nobody of the delegation is said to attend.
            ("Anna Brown led the Swiss delegation. Tom Price attended the meeting in Vienna on Monday.", false),
        ];
        for (text, want) in cases {
            let x = extract(text, "2025-03-05");
            let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
            let d =
                x.entities.iter().find(|e| e.id.starts_with("delegation:ch")).map(|e| e.id.clone()).unwrap_or_default();
            assert_eq!(has_edge(&x, &d, "attends", &m), want, "{text}: {:?}", x.relations);
        }
    }
}
