//! Which occurrences of the rule's nouns name a meeting: the class of each noun, and the
//! phrases where one names none ("a news conference", "the Security Council", "after
//! meeting X", "the Special Representative for the Belgrade-Pristina Dialogue").

use crate::analysis::{Analysis, MeetingClass};
use crate::model::EntityKind;

/// The class of meeting a noun of the rule names.
pub(super) fn class_of(word: &str) -> Option<MeetingClass> {
    Some(match word {
        "talks" | "negotiations" | "round" => MeetingClass::Talks,
        "meeting" | "summit" | "conference" | "gathering" | "dialogue" => MeetingClass::Meeting,
        // Funerals, inaugurations and coronations gather heads of state: the
        // delegations' attendance is the news.
        "ceremony" | "funeral" | "inauguration" | "coronation" => MeetingClass::Ceremony,
        "visit" | "trip" => MeetingClass::Visit,
        w if is_cop(w) => MeetingClass::Meeting,
        _ => return None,
    })
}

/// "cop28": a UN climate conference (a Conference of the Parties), named by its number.
pub(super) fn is_cop(word: &str) -> bool {
    word.len() >= 4 && word.len() <= 5 && word.starts_with("cop") && word[3..].bytes().all(|b| b.is_ascii_digit())
}

/// Whether the capitalized name ending at token `i` follows "for (the)" after a
/// title: the domain of an office, not an event.
fn office_for(a: &Analysis, i: usize) -> bool {
    let Some(k) = (i.saturating_sub(6)..i).rev().find(|&k| a.lower(k) == "for") else { return false };
    k > 0 && (k + 1..i).all(|j| a.toks[j].is_cap || matches!(a.lower(j), "the" | "-")) && a.title_at(a.toks[k - 1].span)
}

/// Nouns of the list that name no diplomatic meeting in some phrases: "a news
/// conference" is someone speaking to reporters, a ceremony other than a signing is
/// no meeting of the parties. A signing ceremony is "the signing ceremony", "signed
/// the deal at a ceremony", or "the ceremony" once a signing ceremony was told.
pub(super) fn not_a_meeting(a: &Analysis, i: usize, lower: &str) -> bool {
    let prev = if i > 0 { a.lower(i - 1) } else { "" };
    // "the conference centre", "the summit venue": a place, not the meeting.
    if matches!(a.lower(i + 1), "centre" | "center" | "centres" | "centers" | "hall" | "venue" | "room") {
        return true;
    }
    match lower {
        "conference" => matches!(prev, "news" | "press" | "video" | "phone"),
        "round" => !round_of_talks(a, i),
        // Only a named forum ("the Shangri-La Dialogue", "this year's Dialogue" once
        // named), never dialogue the parties call for.
        // Nor the forum of an office: "the EU Special Representative for the
        // Belgrade-Pristina Dialogue".
        "dialogue" => !a.toks[i].is_cap || office_for(a, i),
        // Only a numbered session: "the 5th High-Level Cooperation Council".
        "council" | "committee" | "session" => !a.toks[i].is_cap || !numbered(a, i),
        "ceremony" if prev == "signing" => false,
        "ceremony" => {
            // "signed a declaration, which X called an accord, at a ceremony": past a
            // relative clause too, within the sentence.
            let sent_start = a.sents[a.sent_of(a.toks[i].span.start)].tokens.start;
            let signed_at = (sent_start..i).any(|k| matches!(a.lower(k), "signed" | "sign" | "signs"));
            let told_before = matches!(prev, "the" | "this")
                && (1..i).any(|k| a.lower(k) == "ceremony" && a.lower(k - 1) == "signing");
            !(signed_at || told_before)
        }
        _ => false,
    }
}

/// "The first round took place in Muscat", "after the fifth round in Rome", "the Doha
/// round": a numbered round, or one named by its city, standing alone, in a story of
/// talks. Not "the first round of
/// voting", "a new round of sanctions" nor "a round of talks" (whose "talks" is the
/// meeting), nor a round told before any talks or negotiations.
fn round_of_talks(a: &Analysis, i: usize) -> bool {
    // "The Doha round": named by its city.
    let city = i > 0
        && a.mention_at_tok(i - 1)
            .is_some_and(|m| m.kind == EntityKind::Location && m.span.end == a.toks[i - 1].span.end);
    let numbered = i > 0
        && (crate::text::is_ordinal(a.word(i - 1))
            || city
            || matches!(a.lower(i - 1), "next" | "new" | "latest" | "last" | "previous" | "another" | "final"));
    let sent = &a.sents[a.sent_of(a.toks[i].span.start)].tokens;
    let voting = sent.clone().any(|k| {
        matches!(a.lower(k), "vote" | "voting" | "votes" | "election" | "elections" | "ballot" | "runoff" | "polls")
    });
    let of_talks = (0..i)
        .any(|k| matches!(a.lower(k), "talks" | "negotiations" | "negotiators" | "negotiating" | "consultations"));
    numbered && a.lower(i + 1) != "of" && !voting && of_talks
}

/// Whether the capitalised name that ends at token `i` follows an ordinal.
fn numbered(a: &Analysis, i: usize) -> bool {
    let first = (i.saturating_sub(8)..=i)
        .rev()
        .take_while(|&k| a.toks[k].is_cap || a.mention_at_tok(k).is_some() || a.word(k) == "-")
        .last()
        .unwrap_or(i);
    crate::rules::org_pattern::numbered_session(a, first, i)
}

/// "after meeting X", "meeting with": the verb "meet", not the noun.
pub(super) fn is_verb_use(a: &Analysis, i: usize, lower: &str) -> bool {
    let next_is_person = a.mention_at_tok(i + 1).is_some_and(|m| m.kind == EntityKind::Person);
    let prev = if i > 0 { a.lower(i - 1) } else { "" };
    match lower {
        // "looks forward to meeting Prime Minister Kishida": the verb.
        "meeting" => {
            let next_cap = a.toks.get(i + 1).is_some_and(|t| t.is_cap && t.is_word);
            (next_is_person || next_cap)
                && !matches!(prev, "a" | "the" | "his" | "her" | "their" | "its" | "'s" | "\u{2019}s")
        }
        "visit" => matches!(prev, "to" | "will" | "would" | "could" | "may" | "might") || next_is_person,
        _ => false,
    }
}
