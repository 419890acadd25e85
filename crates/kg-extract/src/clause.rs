//! Clauses inside a sentence: where a clause starts and ends, who its subject is, who
//! follows a verb. What the wording says about whether the event happened is read by
//! `modality`.

use crate::analysis::Analysis;
use crate::model::{EntityKind, Span};

mod coordination;
mod flags;
mod nearest;
#[cfg(test)]
mod tests;

use coordination::coordinated;
use flags::{flags, BOUNDARY, COMMA, OPENER, QUOTE_MARK, RELATIVE, WHO_WHICH};
pub(crate) use flags::{is_comma, is_quote_mark, words_ahead, UNKNOWN};
pub(crate) use nearest::{finite_verb_at, is_possessor};
use nearest::{nearest_subject, possessor_of_next, starts_clause, whose_subject};

/// Token range of the clause containing `tok`.
pub fn clause_of(a: &Analysis, tok: usize) -> (usize, usize) {
    // Clauses depend only on the words, so each is found once; rules ask often.
    if let Some(&known) = a.clause_cache.borrow().get(tok) {
        if known != 0 {
            return ((known >> 32) as usize, (known as u32).wrapping_sub(1) as usize);
        }
    }
    let found = find_clause(a, tok);
    // The walk also tells which tokens around `tok` have the same clause (see
    // `Clause`): rules often ask of several words of one clause.
    let quoted = a.tok_in_quote(tok);
    let mut cache = a.clause_cache.borrow_mut();
    for k in found.alike.clone() {
        if k == tok || a.tok_in_quote(k) == quoted {
            if let Some(slot) = cache.get_mut(k) {
                // The end plus one: 0 stays "not asked yet".
                *slot = (found.start as u64) << 32 | u64::from((found.end as u32).wrapping_add(1));
            }
        }
    }
    (found.start, found.end)
}

/// A clause found from one of its tokens.
struct Clause {
    start: usize,
    end: usize,
    /// Tokens around the one asked whose clause is the same, when on the same side of
    /// the quotation marks: no boundary or opener lies between them and it, nor a
    /// comma (which could close a relative clause the walk from one of them skipped).
    alike: std::ops::Range<usize>,
}

fn find_clause(a: &Analysis, tok: usize) -> Clause {
    let sent = &a.sents[a.sent_of(a.toks[tok].span.start)];
    let quoted = a.tok_in_quote(tok);
    let same_side = |i: usize, f: u8| f & QUOTE_MARK != 0 || a.tok_in_quote(i) == quoted;
    // A token after `tok` shares its clause only if the walk back from it passes `tok`.
    let tok_flags = flags(a, tok);
    let tok_plain = tok_flags & (BOUNDARY | OPENER) == 0;
    let mut start = sent.tokens.start;
    // Tokens from `alike_from` to `tok` share the clause; `chain` says whether the
    // tokens walked so far allow the next one to.
    let (mut alike_from, mut chain) = (tok, tok_plain);
    for i in (sent.tokens.start..tok).rev() {
        let f = flags(a, i);
        if f & BOUNDARY != 0 || !same_side(i, f) {
            start = i + 1;
            break;
        }
        let opener = f & OPENER != 0;
        if opener {
            // ", who ... ," closed before the trigger is a parenthesis, not the clause.
            let relative = f & WHO_WHICH != 0 && i > 0 && is_comma(a, i - 1);
            if !(relative && (i + 1..tok).any(|j| is_comma(a, j))) {
                start = i;
                break;
            }
        }
        let comma = chain && f & COMMA != 0;
        if chain && !comma {
            alike_from = i;
        }
        chain = chain && !comma && !opener;
    }
    let mut end = sent.tokens.end;
    let (mut alike_to, mut chain) = (tok + 1, tok_plain && tok_flags & COMMA == 0);
    for i in tok + 1..sent.tokens.end {
        let f = flags(a, i);
        if f & (BOUNDARY | OPENER) != 0 || !same_side(i, f) {
            end = i;
            break;
        }
        if chain {
            alike_to = i + 1;
            chain = f & COMMA == 0;
        }
    }
    Clause { start, end, alike: alike_from..alike_to }
}

/// Token ranges of relative clauses (", who ... ,") inside `range`, which a subject
/// search and a modality scope skip.
pub(crate) fn relative_segments(a: &Analysis, from: usize, to: usize) -> Vec<(usize, usize)> {
    relative_segments_from(a, from, to).collect()
}

/// [`relative_segments`] one by one, in order and apart, found as they are asked for:
/// for a caller that walks the range once.
pub(crate) fn relative_segments_from<'s>(
    a: &'s Analysis<'_>,
    from: usize,
    to: usize,
) -> impl Iterator<Item = (usize, usize)> + 's {
    let mut i = from;
    std::iter::from_fn(move || {
        while i + 1 < to {
            if is_comma(a, i) && flags(a, i + 1) & RELATIVE != 0 {
                let close = (i + 2..to).find(|&j| is_comma(a, j)).unwrap_or(to);
                let segment = (i, close);
                i = close;
                return Some(segment);
            }
            i += 1;
        }
        None
    })
}

/// The relative clause of [`relative_segments`] of `from..to` that holds token `i`
/// strictly inside (`s < i < e`), found without reading the range past it.
pub(crate) fn relative_segment_around(a: &Analysis, from: usize, to: usize, i: usize) -> Option<(usize, usize)> {
    let mut k = from;
    // The segments come in order and apart: one that starts at `i` or later holds no
    // earlier token.
    while k + 1 < to && k < i {
        if is_comma(a, k) && flags(a, k + 1) & RELATIVE != 0 {
            let close = (k + 2..to).find(|&j| is_comma(a, j)).unwrap_or(to);
            if i < close {
                return Some((k, close));
            }
            k = close;
        } else {
            k += 1;
        }
    }
    None
}

/// Person mentions (entity, span) in a token range, in text order, skipping
/// relative clauses and — unless `quoted` — quotations.
pub fn persons_in(a: &Analysis, from: usize, to: usize, quoted: bool) -> Vec<(usize, Span)> {
    if from >= to || to > a.toks.len() {
        return Vec::new();
    }
    let span = Span::new(a.toks[from].span.start, a.toks[to - 1].span.end);
    let mut out: Vec<(usize, Span)> = a
        .mentions_within_toks(from, to)
        .filter(|m| m.kind == EntityKind::Person && span.contains(m.span))
        .filter(|m| quoted || !a.in_quote(m.span))
        .map(|m| (m.ent, m.span))
        .collect();
    // The relative clauses are looked for only when there is someone to skip.
    if !out.is_empty() {
        let skip = relative_segments(a, from, to);
        if !skip.is_empty() {
            out.retain(|&(_, s)| {
                let t = a.tok_at(s.start);
                !skip.iter().any(|&(x, e)| x <= t && t < e)
            });
        }
    }
    out.sort_by_key(|&(_, s)| s);
    out
}

/// The subject of the verb at `tok`: the first person of its clause who is not the
/// object of a preposition ("After talks with X, Y attended"), or — for a clause
/// opened by "who" — the person the relative clause hangs on. Within the clause, the
/// subject is that of the nearest clause: "whose aide X met", "Y's envoy X met", "A
/// said ..., and officials said X would meet" and "A met B on Monday, and X met" all
/// give X.
pub fn subject_of(a: &Analysis, tok: usize) -> Option<(usize, Span)> {
    let (start, _) = clause_of(a, tok);
    let quoted = a.tok_in_quote(tok);
    if let Some(whose) = whose_subject(a, start, tok, quoted) {
        return Some(whose);
    }
    let mut candidates = persons_in(a, start, tok, quoted);
    // "After the meeting with X, Y attended": a person after a preposition is none,
    // unless there is nobody else.
    let object_of_prep = |&(_, s): &(usize, Span)| {
        a.tok_before(s.start).is_some_and(|t| matches!(a.lower(t), "with" | "to" | "by" | "from" | "against"))
    };
    if !candidates.iter().all(object_of_prep) {
        candidates.retain(|p| !object_of_prep(p));
    }
    // "who attended as a guest of Prime Minister Carney and held talks with him": the
    // person a preposition governs, right before "and" and the verb, closes the first
    // verb's phrase; the second verb shares that verb's subject.
    if tok >= 1 && a.lower(tok - 1) == "and" {
        let governed = |&(_, s): &(usize, Span)| {
            a.tok_at(s.end) + 1 == tok
                && (start..a.tok_at(s.start)).rev().find(|&k| !a.toks[k].is_cap).is_some_and(|k| {
                    matches!(a.lower(k), "of" | "to" | "with" | "by" | "from" | "for" | "at" | "in" | "as")
                })
        };
        candidates.retain(|p| !governed(p));
    }
    if let Some(first) = nearest_subject(a, &candidates, start, tok) {
        return Some(first);
    }
    // The persons before the clause, looked for only after an opener that hands its
    // subject on.
    let before = || {
        let sent = a.sent_of(a.toks[tok].span.start);
        persons_in(a, a.sents[sent].tokens.start, start, quoted)
    };
    match a.lower(start) {
        // "Rubio, who ... " : the person the relative clause hangs on.
        "who" => {
            let before = before();
            // "Medinsky, an aide to Putin who ...": the relative hangs on the aide.
            let last = before.last().copied()?;
            let prep = a.tok_before(last.1.start).map(|t| a.lower(t));
            if matches!(prep, Some("to" | "of" | "for" | "with" | "by")) && before.len() >= 2 {
                Some(before[before.len() - 2])
            } else {
                Some(last)
            }
        }
        // "X met Y but will not attend": the subject of the sentence carries over.
        "but" | "while" | "saying" | "adding" | "even" => before().first().copied(),
        _ => None,
    }
}

/// The subject of the verb at `tok` and the persons coordinated with it ("A and B
/// met", "A, B and C attended").
pub fn subjects_of(a: &Analysis, tok: usize) -> Vec<(usize, Span)> {
    let Some(first) = subject_of(a, tok) else { return Vec::new() };
    let quoted = a.tok_in_quote(tok);
    let mut out = vec![first];
    for (ent, span) in persons_in(a, a.tok_at(first.1.end), tok, quoted) {
        let Some(&(_, prev)) = out.last() else { break };
        if span.start < prev.end {
            continue;
        }
        // A title and the name after it: one person (see `objects_after`).
        if let Some(last) = out.last_mut().filter(|(e, _)| *e == ent) {
            last.1 = last.1.cover(span);
            continue;
        }
        if !coordinated(a, prev.end, span.start) {
            break;
        }
        if !out.iter().any(|&(e, _)| e == ent) {
            out.push((ent, span));
        }
    }
    out
}

/// The persons right after `tok` in its clause: the first one and those coordinated
/// with it ("A, B and C"). The list ends where ", and" starts a clause of its own
/// ("met A on Monday, and B visited on Thursday").
pub fn objects_after(a: &Analysis, tok: usize) -> Vec<(usize, Span)> {
    let (_, end) = clause_of(a, tok);
    let quoted = a.tok_in_quote(tok);
    let found = persons_in(a, tok + 1, end, quoted);
    let mut out: Vec<(usize, Span)> = Vec::new();
    let mut i = 0;
    while i < found.len() {
        let (mut ent, mut span) = found[i];
        // "met Putin's aide Ushakov": the possessed person is the object.
        while i + 1 < found.len() && possessor_of_next(a, span, found[i + 1].1, end) {
            i += 1;
            (ent, span) = found[i];
        }
        // "the Canadian Prime Minister Justin Trudeau": the title and the name are two
        // mentions of one person, one object.
        if let Some(last) = out.last_mut().filter(|(e, _)| *e == ent) {
            last.1 = last.1.cover(span);
            i += 1;
            continue;
        }
        if let Some(&(_, prev)) = out.last() {
            // "..., the head of Zelenskyy's office": a possessor is no object.
            if is_possessor(a, span) || !coordinated(a, prev.end, span.start) || starts_clause(a, prev.end, span) {
                break;
            }
        }
        if !out.iter().any(|&(e, _)| e == ent) {
            out.push((ent, span));
        }
        i += 1;
    }
    out
}
