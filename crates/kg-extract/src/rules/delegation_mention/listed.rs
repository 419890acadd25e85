//! Delegations named together: "the Armenian and Azerbaijani delegations",
//! "delegations from Russia and Ukraine".

use super::{delegation_of, represented_by, sender, ADJECTIVES, RULE};
use crate::analysis::{Analysis, Form};
use crate::model::Span;

/// "the Armenian and Azerbaijani delegations", "delegations from Russia and Ukraine": a
/// delegation of each sender listed, its mention running from its sender to the noun
/// (or from the noun to its sender), so the delegations are told apart by where they
/// start and end. One sender alone makes none: "the Russian delegations" may be many.
pub(super) fn coordinated(a: &mut Analysis, head: usize) {
    if a.mention_at_tok(head).is_some() {
        return;
    }
    let mut senders = listed_before(a, head);
    if senders.len() < 2 {
        senders = listed_after(a, head);
    }
    if senders.len() < 2 {
        return;
    }
    let noun = a.toks[head].span;
    for (ent, span) in senders {
        let Some(represented) = represented_by(a, ent) else { continue };
        let d = delegation_of(a, represented);
        // Over the senders' own mentions, as a longer name is over a country in it.
        a.add_nested_mention(d, span.cover(noun), RULE.name, Form::Anaphor);
    }
}

/// The senders listed right before the noun at `head`, past its adjectives, in the
/// order written: "Russian and Ukrainian", "the US, Chinese and EU".
fn listed_before(a: &Analysis, head: usize) -> Vec<(usize, Span)> {
    let mut k = head;
    while k > 0 && ADJECTIVES.contains(&a.lower(k - 1)) {
        k -= 1;
    }
    let mut out = Vec::new();
    // A comma joins only before the "and": "In Moscow, Russian delegations" lists nothing.
    let mut and_seen = false;
    while let Some(m) = k.checked_sub(1).and_then(|prev| a.mention_at_tok(prev)) {
        let Some(ent) = sender(a, m.ent) else { break };
        out.push((ent, m.span));
        // Back over the join: "and", ", and" or ",".
        k = match a.tok_at(m.span.start).checked_sub(1) {
            Some(j) if a.lower(j) == "and" => {
                and_seen = true;
                j - usize::from(j > 0 && crate::clause::is_comma(a, j - 1))
            }
            Some(j) if and_seen && crate::clause::is_comma(a, j) => j,
            _ => break,
        };
    }
    out.reverse();
    out
}

/// The senders listed after "delegations from" or "delegations of": "from Russia and
/// Ukraine", "of the United States, China and the EU".
fn listed_after(a: &Analysis, head: usize) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    if !matches!(a.lower(head + 1), "from" | "of") {
        return out;
    }
    let mut k = head + 2;
    // The list ends at the sender after the last "and": "from Russia, the Kremlin said"
    // lists one.
    let (mut kept, mut by_and) = (0, true);
    loop {
        if a.lower(k) == "the" {
            k += 1;
        }
        let Some(m) = a.toks.get(k).and_then(|t| a.mention_at(t.span.start)) else { break };
        let Some(ent) = sender(a, m.ent) else { break };
        out.push((ent, m.span));
        if by_and {
            kept = out.len();
        }
        let next = a.tok_at(m.span.end).max(k + 1);
        (k, by_and) = match (crate::clause::is_comma(a, next), a.lower(next), a.lower(next + 1)) {
            (true, _, "and") => (next + 2, true),
            (true, _, _) => (next + 1, false),
            (false, "and", _) => (next + 1, true),
            _ => break,
        };
    }
    out.truncate(kept);
    out
}
