//! Property tests: extraction never panics, is deterministic, and every span it reports
//! (mentions, evidence) slices the original text on character boundaries; segmentation
//! keeps its offsets and the long-sentence limit.
//!
//! Two kinds of input: arbitrary Unicode, and "news-like" text assembled from names,
//! titles, verbs, dates and punctuation the rules react to, mixed with random words,
//! line breaks (CRLF too) and odd characters. `PROPTEST_CASES=5000 cargo test -p
//! kg-extract --test proptest` runs more cases.

use chrono::NaiveDate;
use kg_extract::text::{segment, MAX_SENTENCE_BYTES, MAX_SENTENCE_TOKENS};
use kg_extract::{Document, Extraction, Extractor};
use proptest::prelude::*;

/// Pieces the rules react to, separated by `|`.
const PIECES: &str = concat!(
    "Hakan Fidan|Sergey Lavrov|Vladimir Putin|Volodymyr Zelensky|Zelenskyy|Marco Rubio|Erdoğan|",
    "Recep Tayyip Erdogan|Rustem Umerov|Vladimir Medinsky|Ankara|Istanbul|Russia|Ukraine|Turkey|",
    "the United States|NATO|the Kremlin|the Russian delegation|Ukraine's delegation|the delegation|talks|",
    "summit|meeting|negotiations|visit|met|met with|held talks with|visited|led|headed|attended|",
    "declined to meet|would meet|refused|cancelled|plans to meet|did not meet|Foreign Minister|President|",
    "Defence Minister|spokesman|the Ukrainian leader|the minister|Mr.|Ms.|U.S.|he|she|his|their|they|",
    "on Tuesday|on May 16|May 16-17|16 May 2025|last week|today|in|and|of|with|who|said|told|that|,|.|!|",
    "?|\"|\u{201c}|\u{201d}|'s|\u{2019}s|\n|\r\n|\n\n|...|\u{2026}|\u{2014}|-|(|)|:|;|'",
);

fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES.split('|').collect::<Vec<_>>()).prop_map(str::to_string),
        1 => "\\PC{0,8}",
        1 => "[A-Z][a-z]{1,9}",
    ];
    (prop::collection::vec(piece, 0..120), prop::collection::vec(any::<bool>(), 120)).prop_map(|(pieces, glue)| {
        let mut text = String::new();
        for (piece, space) in pieces.iter().zip(glue) {
            text.push_str(piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![Just(None), (2000i32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))]
}

/// Extracts `text`, checking every property; returns the extraction.
fn check(text: &str, date: Option<NaiveDate>) -> Result<Extraction, TestCaseError> {
    let doc = Document::new("p", text, date);
    let extractor = Extractor::builtin();
    let x = extractor.extract(&doc);
    // The sentences of the text as kg reads it (a hard-wrapped text joined, runs of
    // blanks as one), with spans into the original.
    let sentences: Vec<kg_extract::Span> = match kg_extract::text::reading(text) {
        Some((read, offsets)) => segment(&read).0.iter().map(|s| offsets.span(s.span)).collect(),
        None => segment(text).0.iter().map(|s| s.span).collect(),
    };
    for m in &x.mentions {
        prop_assert!(
            text.get(m.span.start..m.span.end).is_some(),
            "mention {:?} of {} by {} does not slice the text",
            m.span,
            m.entity,
            m.rule
        );
    }
    for r in &x.relations {
        let ev = &r.evidence;
        prop_assert!(ev.start <= ev.end, "evidence {}..{} by {}", ev.start, ev.end, ev.rule);
        let words = text.get(ev.start..ev.end);
        prop_assert!(words.is_some(), "evidence {}..{} by {} does not slice the text", ev.start, ev.end, ev.rule);
        let sentence = sentences.get(ev.sentence).copied();
        prop_assert!(sentence.is_some(), "evidence sentence {} by {} does not exist", ev.sentence, ev.rule);
        let sentence = sentence.unwrap_or_default();
        prop_assert_eq!(&text[sentence.start..sentence.end], ev.text.as_str(), "evidence text by {}", &ev.rule);
        prop_assert!(
            sentence.start <= ev.start && ev.end <= sentence.end,
            "evidence {}..{} by {} is outside its sentence {:?}",
            ev.start,
            ev.end,
            ev.rule,
            sentence
        );
        prop_assert_eq!(&ev.doc, "p");
    }
    prop_assert_eq!(&extractor.extract(&doc), &x, "extraction is not deterministic");
    Ok(x)
}

/// 256 cases, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics_and_spans_slice(text in "\\PC{0,400}", date in date()) {
        check(&text, date)?;
    }

    #[test]
    fn arbitrary_chars_with_controls_never_panic(text in any::<String>(), date in date()) {
        check(&text, date)?;
    }

    #[test]
    fn news_like_text_never_panics_and_spans_slice(text in news_like(), date in date()) {
        check(&text, date)?;
    }

    #[test]
    fn segmentation_keeps_offsets_and_limits(text in prop_oneof![news_like(), "\\PC{0,400}".boxed()]) {
        let (sentences, tokens) = segment(&text);
        let mut last_end = 0;
        for t in &tokens {
            prop_assert!(text.get(t.span.start..t.span.end).is_some(), "token {:?}", t.span);
            prop_assert!(t.span.start >= last_end && t.span.start < t.span.end);
            last_end = t.span.end;
        }
        let mut next = 0;
        for s in &sentences {
            prop_assert_eq!(s.tokens.start, next);
            prop_assert!(s.tokens.start < s.tokens.end);
            next = s.tokens.end;
            prop_assert_eq!(s.span.start, tokens[s.tokens.start].span.start);
            prop_assert_eq!(s.span.end, tokens[s.tokens.end - 1].span.end);
            prop_assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
            prop_assert!(s.span.len() <= MAX_SENTENCE_BYTES || s.tokens.len() == 1);
        }
        prop_assert_eq!(next, tokens.len());
    }
}

/// The long-sentence limit on long generated input (a handful of cases: each is large).
#[test]
fn long_unpunctuated_text_is_cut_into_bounded_sentences() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 8, ..ProptestConfig::default() });
    let strategy =
        prop::collection::vec(prop_oneof!["[a-zA-Z]{1,12}", "\\PC{1,3}", Just(",".to_string())], 2_000..6_000)
            .prop_map(|words| words.join(" "));
    runner
        .run(&strategy, |text| {
            let (sentences, _) = segment(&text);
            for s in &sentences {
                prop_assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS);
                prop_assert!(s.span.len() <= MAX_SENTENCE_BYTES || s.tokens.len() == 1);
            }
            check(&text, None).map(|_| ())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}
