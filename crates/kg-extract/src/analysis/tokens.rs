//! The token model of an analysis: the lower-case form of every token, whether it is
//! quoted or a trigger word, the quotations of the text, and the lookups from bytes to
//! tokens and sentences.

use super::Analysis;
use crate::model::Span;
use crate::text::Token;

impl<'a> Analysis<'a> {
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn word(&self, tok: usize) -> &'a str {
        self.toks.get(tok).map_or("", |t| self.slice(t.span))
    }

    /// Lower-case word at `tok`, or "" past the end.
    pub fn lower(&self, tok: usize) -> &str {
        self.lower_words.get(tok).copied().unwrap_or("")
    }

    /// Index of the token starting at or after byte `at`.
    pub fn tok_at(&self, at: usize) -> usize {
        self.index.first_tok(at)
    }

    /// Index of the last token ending at or before byte `at`, if any.
    pub fn tok_before(&self, at: usize) -> Option<usize> {
        // Tokens are in order, apart and not empty: those ending by `at` are those
        // starting before it, but for the one `at` falls inside.
        let started = self.tok_at(at);
        let inside = started.checked_sub(1).is_some_and(|k| self.toks[k].span.end > at);
        (started - usize::from(inside)).checked_sub(1)
    }

    /// The sentence before `sent`, when no line break parts them: the one before in
    /// its paragraph.
    pub fn previous_in_paragraph(&self, sent: usize) -> Option<usize> {
        let prev = sent.checked_sub(1)?;
        let gap = self.text.get(self.sents[prev].span.end..self.sents[sent].span.start).unwrap_or("\n");
        (!gap.contains('\n')).then_some(prev)
    }

    pub fn sent_of(&self, at: usize) -> usize {
        // The sentences ending at or before `at`: those whose last byte is below it.
        let ended = self.sents_below.below(at, self.sents.len(), |i| self.sents[i].span.end - 1);
        ended.min(self.sents.len().saturating_sub(1))
    }

    pub fn in_quote(&self, span: Span) -> bool {
        in_quote(&self.quotes, span)
    }

    /// Whether token `tok` is a trigger word of the rule whose `rules::trigger_bit`
    /// is `bit`.
    pub fn triggers(&self, tok: usize, bit: u32) -> bool {
        self.tok_rules.get(tok).is_some_and(|&r| r & bit != 0)
    }

    /// The tokens that are trigger words of the rule whose `rules::trigger_bit` is
    /// `bit`, in text order: what a rule that scans for its trigger words visits. A
    /// list, so that the rule may change the analysis as it goes.
    pub fn triggered_by(&self, bit: u32) -> Vec<usize> {
        if bit.is_power_of_two() {
            // One rule's: a run found once for all (see `by_rule`), copied.
            let r = bit.trailing_zeros() as usize;
            let (from, to) = (self.rule_starts[r] as usize, self.rule_starts[r + 1] as usize);
            self.trigger_toks.get(from..to).unwrap_or_default().iter().map(|&i| i as usize).collect()
        } else {
            (0..self.tok_rules.len()).filter(|&i| self.triggers(i, bit)).collect()
        }
    }

    /// The first token from `from` on that is capitalised or a particle name
    /// ("al-Hayya"): the tokens a name can start with or be, which the rules that look
    /// for names visit rather than every token. `cursor`, a place in their list, is
    /// kept by the caller from call to call (0 at first): a scan that moves forward
    /// walks the list once.
    pub fn next_name_tok(&self, from: usize, cursor: &mut usize) -> Option<usize> {
        if cursor.checked_sub(1).and_then(|c| self.name_toks.get(c)).is_some_and(|&k| k as usize >= from) {
            // The scan went back: found again.
            *cursor = self.name_toks.partition_point(|&k| (k as usize) < from);
        }
        while let Some(&k) = self.name_toks.get(*cursor) {
            *cursor += 1;
            if k as usize >= from {
                // Past it: the next ask, from the token after it, starts there.
                return Some(k as usize);
            }
        }
        None
    }

    /// The tokens [`Analysis::next_name_tok`] visits, in order.
    pub fn name_toks(&self) -> &[u32] {
        &self.name_toks
    }

    /// How many tokens [`Analysis::next_name_tok`] visits in all.
    pub fn name_tok_count(&self) -> usize {
        self.name_toks.len()
    }

    /// Whether token `tok` is inside a quotation.
    pub fn tok_in_quote(&self, tok: usize) -> bool {
        self.tok_quoted.get(tok).copied().unwrap_or(false)
    }

    /// Whether a title word overlaps the span.
    pub fn title_at(&self, span: Span) -> bool {
        let i = self.title_hits.partition_point(|t| t.span.end <= span.start);
        self.title_hits.get(i).is_some_and(|t| t.span.overlaps(span))
    }
}

fn in_quote(quotes: &[Span], span: Span) -> bool {
    // Quotations are disjoint and in text order.
    let i = quotes.partition_point(|q| q.end <= span.start);
    quotes.get(i).is_some_and(|q| q.contains(span))
}

/// Whether each token lies inside a quotation: inside the first quotation (in the
/// order of `quotes`) that ends after the token starts. Quotations of both kinds may
/// nest, so that need not be the one the token is in. The tokens of each quotation are
/// found by a search: the tokens outside quotations, most of them, cost nothing.
pub(super) fn quoted_tokens(quoted: &mut Vec<bool>, quotes: &[Span], toks: &[Token]) {
    quoted.clear();
    quoted.resize(toks.len(), false);
    // The tokens starting before the end of an earlier quotation belong to that one.
    let mut passed = 0;
    for q in quotes {
        let first = toks.partition_point(|t| t.span.start < q.start.max(passed));
        // Tokens are in order and do not overlap: once one ends past the quotation, so
        // do all after it.
        for (flag, t) in quoted[first..].iter_mut().zip(&toks[first..]) {
            if t.span.end > q.end {
                break;
            }
            *flag = true;
        }
        passed = passed.max(q.end);
    }
}

/// The tokens that are capitalised or a particle name (see `Analysis::next_name_tok`),
/// in order, into `out`, which is cleared first.
pub(super) fn name_tokens(text: &str, toks: &[Token], out: &mut Vec<u32>) {
    let bytes = text.as_bytes();
    // Every token is written and the count moves on by whether it is one: no branch
    // on the capital, which nearly every other token would mispredict.
    out.clear();
    out.resize(toks.len(), 0);
    let mut n = 0;
    for (i, t) in toks.iter().enumerate() {
        // A particle name has its hyphen within its first five bytes ("al-Hayya"): a
        // word without one there is turned away on eight bytes read at once.
        // Both tests are made for every token, and joined without a branch: a branch
        // on the capital first would go either way from one token to the next.
        let hyphen = bytes.get(t.span.start..).and_then(<[u8]>::first_chunk::<8>).is_none_or(|eight| {
            let x = u64::from_le_bytes(*eight) ^ 0x2d2d_2d2d_2d2d_2d2d;
            // The high bit of each zero byte among the first five: a hyphen there.
            (x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x80_8080_8080) != 0
        });
        let name = t.is_cap | (hyphen & !t.is_cap && crate::names::is_particle_name_in(text, t.span));
        if let Some(slot) = out.get_mut(n) {
            *slot = i as u32;
        }
        n += usize::from(name);
    }
    out.truncate(n);
}

/// The tokens that trigger each rule, given the rules of each token (`tok_rules`),
/// into `out`: rule after rule, each rule's in text order. Rule `r`'s are
/// `out[starts[r]..starts[r + 1]]` for the `starts` returned. A counting sort: each
/// rule's list is then a copy, not a pass over every trigger word of the text.
pub(super) fn by_rule(tok_rules: &[u32], out: &mut Vec<u32>) -> [u32; 33] {
    let mut starts = [0u32; 33];
    // Most tokens trigger nothing: the passes after this one visit only those that
    // do. Every token is written and the count moved by whether it triggers: no
    // branch on that, which goes either way from one token to the next.
    let mut triggering = vec![0u32; tok_rules.len()];
    let mut n = 0;
    for (i, &rules) in tok_rules.iter().enumerate() {
        if let Some(slot) = triggering.get_mut(n) {
            *slot = i as u32;
        }
        n += usize::from(rules != 0);
    }
    triggering.truncate(n);
    for &i in &triggering {
        let mut bits = tok_rules.get(i as usize).copied().unwrap_or(0);
        while bits != 0 {
            starts[bits.trailing_zeros() as usize + 1] += 1;
            bits &= bits - 1;
        }
    }
    for r in 0..32 {
        starts[r + 1] += starts[r];
    }
    out.clear();
    out.resize(starts[32] as usize, 0);
    let mut next = starts;
    for &i in &triggering {
        let mut bits = tok_rules.get(i as usize).copied().unwrap_or(0);
        while bits != 0 {
            let r = bits.trailing_zeros() as usize;
            if let Some(slot) = out.get_mut(next[r] as usize) {
                *slot = i;
            }
            next[r] += 1;
            bits &= bits - 1;
        }
    }
    starts
}

/// The lower-case forms of the tokens (see `Analysis::lower_words`), and the rules
/// each is a trigger word of: one pass, while the word is at hand. Into buffers that
/// are cleared first.
pub(super) fn lower_case_tokens(
    text: &str,
    toks: &[Token],
    lower: &mut String,
    spans: &mut Vec<Span>,
    trigger: &mut Vec<u32>,
) {
    let bytes = text.as_bytes();
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    // The first byte of a multi-byte char at or after the last token's start (tokens
    // are in order): a token that ends before it is ASCII, which one comparison tells
    // for most tokens.
    let mut wide = next_wide(bytes, 0);
    // Extended from maps over slices, which know their length: no capacity test per
    // token, as pushes would make.
    spans.clear();
    spans.extend(toks.iter().map(|t| {
        if wide < t.span.start {
            wide = next_wide(bytes, t.span.start);
        }
        // Bytes: tokens lie on char boundaries, and most are ASCII.
        if t.span.end <= wide && t.span.start <= t.span.end {
            t.span
        } else {
            let start = lower.len();
            lower.push_str(&text.get(t.span.start..t.span.end).unwrap_or("").to_lowercase());
            Span::new(start, lower.len())
        }
    }));
    let triggers = crate::rules::trigger_words();
    let lowered = lower.as_bytes();
    trigger.clear();
    trigger.extend(spans.iter().map(|s| triggers.bits_in(lowered, s.start, s.end)));
}

/// The first byte from `at` on that is not ASCII, or the length of `bytes`: eight
/// bytes at a time.
fn next_wide(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let high = u64::from_le_bytes(*chunk) & 0x8080_8080_8080_8080;
        if high != 0 {
            return at + high.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len())
}

/// Spans between matching quotation marks, per paragraph: curly pairs, and straight
/// double quotes taken two by two.
pub(super) fn find_quotes(out: &mut Vec<Span>, text: &str) {
    let bytes = text.as_bytes();
    out.clear();
    let (mut open_curly, mut open_straight): (Option<usize>, Option<usize>) = (None, None);
    // Only three bytes matter: `"`, the lead byte of curly quotes and the line break;
    // memchr skips the prose between them.
    for at in memchr::memchr3_iter(b'"', 0xE2, b'\n', bytes) {
        match (bytes[at], bytes.get(at + 1..at + 3)) {
            (b'\n', _) => (open_curly, open_straight) = (None, None),
            (b'"', _) => match open_straight.take() {
                Some(s) => out.push(Span::new(s, at + 1)),
                None => open_straight = Some(at),
            },
            // U+201C and U+201D.
            (_, Some([0x80, 0x9C])) => open_curly = Some(at),
            (_, Some([0x80, 0x9D])) => {
                if let Some(s) = open_curly.take() {
                    out.push(Span::new(s, at + 3));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    proptest::proptest! {
        /// `next_name_tok` against a search of its list, for asks that go forward,
        /// repeat and go back, the cursor kept from ask to ask.
        #[test]
        fn next_name_tok_is_the_first_name_token_from(
            text in "(Ab|cd|al-Ef| |, ){0,30}",
            asks in proptest::collection::vec(0usize..40, 0..30),
        ) {
            let doc = crate::Document::new("d", text.clone(), None);
            let mut lower = String::new();
            let a = Analysis::new(crate::Gazetteer::builtin(), &doc, &mut lower);
            let mut cursor = 0;
            for from in asks {
                let want = a.name_toks().iter().map(|&k| k as usize).find(|&k| k >= from);
                proptest::prop_assert_eq!(a.next_name_tok(from, &mut cursor), want);
            }
        }

        /// `name_tokens` against the filter of the tokens by the predicate it stands for.
        #[test]
        fn name_tokens_are_the_capitalised_and_particle_names(text in "(al-Hayya|el-sisi|ab-Cd|Ab|al|-|x| |\u{e9}){0,20}") {
            let toks = segment(&text).1;
            let want: Vec<u32> = (0..toks.len() as u32)
                .filter(|&i| {
                    let t = toks[i as usize];
                    t.is_cap || crate::names::is_particle_name_in(&text, t.span)
                })
                .collect();
            let mut got = Vec::new();
            name_tokens(&text, &toks, &mut got);
            proptest::prop_assert_eq!(got, want);
        }

        /// The lookups from bytes to tokens and sentences against the searches they
        /// replaced, at every byte and past the end.
        #[test]
        fn byte_lookups_are_the_searches(text in "[ab .,\n\u{e9}]{0,80}") {
            let doc = crate::Document::new("d", text.clone(), None);
            let mut lower = String::new();
            let a = Analysis::new(crate::Gazetteer::builtin(), &doc, &mut lower);
            for at in 0..text.len() + 3 {
                proptest::prop_assert_eq!(a.tok_at(at), a.toks.partition_point(|t| t.span.start < at));
                proptest::prop_assert_eq!(
                    a.tok_before(at),
                    a.toks.partition_point(|t| t.span.end <= at).checked_sub(1)
                );
                let sent = a.sents.partition_point(|s| s.span.end <= at).min(a.sents.len().saturating_sub(1));
                proptest::prop_assert_eq!(a.sent_of(at), sent);
            }
        }

        /// Each rule's run of `by_rule` against a filter of the tokens by its bit.
        #[test]
        fn runs_by_rule_are_the_tokens_with_the_bit(
            tok_rules in proptest::collection::vec(proptest::prelude::any::<u32>(), 0..40),
        ) {
            // Sparse, as trigger bits are.
            let tok_rules: Vec<u32> = tok_rules.iter().map(|b| b & 0x8000_0f31).collect();
            let mut out = Vec::new();
            let starts = by_rule(&tok_rules, &mut out);
            for r in 0..32 {
                let want: Vec<u32> =
                    (0..tok_rules.len() as u32).filter(|&i| tok_rules[i as usize] & (1 << r) != 0).collect();
                proptest::prop_assert_eq!(&out[starts[r] as usize..starts[r + 1] as usize], want.as_slice());
            }
        }

        /// `quoted_tokens` against the walk it replaced, on nested and crossing quotations.
        #[test]
        fn quoted_tokens_are_those_of_the_walk(text in "[a \"\u{201c}\u{201d}\n]{0,60}") {
            let toks = segment(&text).1;
            let mut quotes = Vec::new();
            find_quotes(&mut quotes, &text);
            let mut q = 0;
            let walk: Vec<bool> = toks
                .iter()
                .map(|t| {
                    while quotes.get(q).is_some_and(|s| s.end <= t.span.start) {
                        q += 1;
                    }
                    quotes.get(q).is_some_and(|s| s.contains(t.span))
                })
                .collect();
            let mut quoted = Vec::new();
            quoted_tokens(&mut quoted, &quotes, &toks);
            proptest::prop_assert_eq!(quoted, walk);
        }
    }

    #[test]
    fn quotes_pair_within_a_paragraph() {
        let text = "He said \"yes\" and “no”.\n\"open";
        let mut quotes = Vec::new();
        find_quotes(&mut quotes, text);
        let q: Vec<&str> = quotes.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(q, ["\"yes\"", "“no”"]);
    }
}
