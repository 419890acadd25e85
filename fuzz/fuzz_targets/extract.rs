//! Extraction on arbitrary bytes: lossy UTF-8 decoding (as `kg extract` does), then every
//! rule. Nothing may panic, and every evidence span and mention span must slice the text
//! on character boundaries, inside the sentence the evidence quotes.
#![no_main]

use kg_extract::{Document, Extractor};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks whether the document has a publication date.
    let (date, body) = match data.split_first() {
        Some((&b, rest)) if b & 1 == 1 => (chrono::NaiveDate::from_ymd_opt(2025, 5, 15), rest),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(body).into_owned();
    let doc = Document::new("fuzz", text, date);
    let x = Extractor::builtin().extract(&doc);
    for m in &x.mentions {
        assert!(doc.text.get(m.span.start..m.span.end).is_some(), "mention span {:?} by {}", m.span, m.rule);
    }
    for r in &x.relations {
        let ev = &r.evidence;
        let words = doc.text.get(ev.start..ev.end);
        assert!(words.is_some(), "evidence {}..{} by {}", ev.start, ev.end, ev.rule);
        assert!(doc.text.contains(ev.text.as_str()), "evidence sentence not in the text, by {}", ev.rule);
    }
    // The default view only removes.
    let all = x.relations.len();
    assert!(x.default_view().relations.len() <= all);
});
