//! Envoys: "Turkey sent Foreign Minister A", "India is represented by A", and a leader's
//! envoy sent in their place ("Putin sent Lavrov to lead Russia's delegation"). A
//! country's envoy whose title names no country holds it for the sender.

use super::{add_all, list_after, meeting_for, named_meeting, RULE};
use crate::analysis::Analysis;
use crate::clause::{clause_of, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, Span, Status};
use crate::rules::attends::principal_meeting;

/// "Turkey sent Foreign Minister Hakan Fidan (to the summit)": a country or body sends
/// its envoy to the meeting being told. Not "sent Kim a letter": the envoy is all the
/// verb has, or is sent "to" somewhere.
pub(super) fn envoy_sent(a: &mut Analysis, i: usize) {
    if sender_before(a, i) {
        envoys_attend(a, i);
    } else if let Some((envoy, sender)) = sent_in_place(a, i) {
        // "Ishiba cancelled plans to attend, and Albanese sent Marles in his place": the
        // sender's own stretch of the sentence tells whether the sending happened.
        let status = status_at(a, i, Some(sender));
        let (_, end) = clause_of(a, i);
        // "Modi, who skipped last year's summit in Astana and sent Jaishankar in his
        // place": the meeting the sender stayed away from.
        let skipped = named_meeting(a, a.tok_at(sender.end), i);
        let Some(meeting) = skipped.or_else(|| meeting_for(a, i + 1, end, i, status)) else { return };
        add_all(a, &[envoy], meeting, status, a.toks[i].span, RULE.name);
    }
}

/// "Putin, citing a busy schedule, sent Foreign Minister Lavrov to lead Russia's
/// delegation", "Lopez Obrador, who sent his foreign minister, Marcelo Ebrard": a
/// leader's envoy, sent to stand in for them (not "sent Witkoff to Moscow"); with the
/// sender's span.
fn sent_in_place(a: &Analysis, verb: usize) -> Option<((usize, Span), Span)> {
    let sender = subjects_of(a, verb).first().copied()?;
    if a.ents[sender.0].kind != EntityKind::Person {
        return None;
    }
    // "his foreign minister, Marcelo Ebrard": the name after the title's comma.
    let appositive = || {
        matches!(a.lower(verb + 1), "his" | "her" | "their")
            .then(|| (verb + 2..verb + 7).find(|&k| crate::clause::is_comma(a, k)))
            .flatten()
            .and_then(|k| a.mention_at_tok(k + 1))
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.ent, m.span))
    };
    let envoy =
        list_after(a, verb).first().copied().filter(|&(_, s)| a.tok_at(s.start) <= verb + 6).or_else(appositive)?;
    let after = a.tok_at(envoy.1.end);
    let stands_in = match a.lower(after) {
        "." | "," | ";" | "instead" => true,
        "to" => matches!(a.lower(after + 1), "lead" | "represent" | "attend"),
        "in" => matches!(a.lower(after + 1), "his" | "her") && a.lower(after + 2) == "place",
        _ => false,
    };
    (stands_in && envoy.0 != sender.0).then_some((envoy, sender.1))
}

/// Whether a country or body is the subject right before the verb at `verb` ("Turkey
/// sent", "India is represented", "China has also sent").
pub(super) fn sender_before(a: &Analysis, verb: usize) -> bool {
    let mut k = verb;
    while k > 0 && matches!(a.lower(k - 1), "is" | "was" | "has" | "had" | "also" | "again" | "only") {
        k -= 1;
    }
    let sender_ends_at =
        |end: usize| a.mentions_ending(end).any(|m| matches!(m.kind, EntityKind::Country | EntityKind::Organization));
    // "Saudi Arabia, which has yet to join the bloc, was represented by", "Bolivia, a
    // member since July, was represented by": past the relative clause or apposition;
    // "IGAD, represented by its Executive Secretary": right before the comma.
    if k > 1 && crate::clause::is_comma(a, k - 1) {
        if sender_ends_at(a.toks[k - 2].span.end) {
            return true;
        }
        let sent_start = a.sents[a.sent_of(a.toks[k - 1].span.start)].tokens.start;
        let opening = (sent_start..k - 1).rev().take(20).find(|&j| crate::clause::is_comma(a, j));
        if let Some(j) = opening.filter(|&j| matches!(a.lower(j + 1), "which" | "who" | "a" | "an" | "the")) {
            k = j;
        }
    }
    let Some(prev) = k.checked_sub(1) else { return false };
    sender_ends_at(a.toks[prev].span.end)
}

/// The persons right after `verb` attend the meeting of the clause or the context,
/// when nothing but "to", "as" or the clause's end follows them.
pub(super) fn envoys_attend(a: &mut Analysis, verb: usize) {
    let persons = list_after(a, verb);
    let (Some(&(_, first)), Some(&(_, last))) = (persons.first(), persons.last()) else { return };
    if a.tok_at(first.start) > verb + 6 {
        return;
    }
    let (_, end) = clause_of(a, verb);
    let after = a.tok_at(last.end);
    if after < end && !matches!(a.lower(after), "," | "." | ";" | "to" | "as" | "for" | "and") {
        return;
    }
    let status = status_at(a, verb, None);
    let Some(mut meeting) = meeting_for(a, verb + 1, end, verb, status) else { return };
    // "China, which had stayed away from talks in Copenhagen, sent Li Hui": the meeting of
    // the sender's relative clause is not the one the envoy was sent to.
    let sent = a.sents[a.sent_of(a.toks[verb].span.start)].tokens.clone();
    let relative = crate::clause::relative_segments(a, sent.start, verb);
    let told_here: Vec<usize> =
        (sent.start..verb).filter(|&k| a.mention_at_tok(k).is_some_and(|m| m.ent == meeting)).collect();
    if !told_here.is_empty() && told_here.iter().all(|&k| relative.iter().any(|&(s, e)| (s..e).contains(&k))) {
        match principal_meeting(a, a.toks[verb].span.start).filter(|&m| m != meeting && status == Status::Occurred) {
            Some(m) => meeting = m,
            None => return,
        }
    }
    add_all(a, &persons, meeting, status, a.toks[verb].span, RULE.name);
    serve_the_sender(a, verb, &persons);
}

/// "Russia sent Deputy Prime Minister Alexei Overchuk", "the United States was
/// represented by Jake Sullivan, the national security adviser": an envoy whose title in
/// this sentence names no country holds it for the country that sent them.
fn serve_the_sender(a: &mut Analysis, verb: usize, envoys: &[(usize, Span)]) {
    let sent = a.sent_of(a.toks[verb].span.start);
    let from = a.sents[sent].tokens.start;
    let sender =
        (from..verb).rev().find_map(|k| a.mention_at_tok(k).filter(|m| m.kind == EntityKind::Country).map(|m| m.ent));
    let Some(country) = sender else { return };
    use crate::gazetteer::TitleCategory as C;
    for t in a.titles.iter_mut() {
        if t.sent == sent
            && t.affiliation.is_none()
            && !t.former
            && envoys.iter().any(|&(p, _)| p == t.person)
            && matches!(t.category, C::HeadOfState | C::HeadOfGovernment | C::Minister | C::Diplomat | C::Official)
        {
            t.affiliation = Some(country);
        }
    }
}
