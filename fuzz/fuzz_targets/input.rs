//! kg's input layer (src/input/, compiled in here from its source files) on arbitrary
//! bytes: sniffing, lossy UTF-8 with its count, UTF-16 decoding, HTML stripping and the
//! cutting of large texts into parts.
#![no_main]

use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

#[path = "../../src/input/decode.rs"]
#[allow(dead_code)]
mod decode;
#[path = "../../src/input/entities.rs"]
mod entities;
#[path = "../../src/input/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../../src/input/text.rs"]
#[allow(dead_code)]
mod text;

fuzz_target!(|data: &[u8]| {
    let _ = decode::sniff(data);

    let (utf8, bad) = decode::lossy_utf8(data.to_vec());
    assert!(bad <= data.len());
    assert_eq!(bad == 0, std::str::from_utf8(data).is_ok());

    for big_endian in [false, true] {
        let count = Arc::new(AtomicUsize::new(0));
        let mut reader = decode::Utf16Reader::new(data, big_endian, count.clone());
        let mut out = String::new();
        reader.read_to_string(&mut out).expect("UTF-16 decoding always gives UTF-8");
        let units = data.len() / 2 + data.len() % 2;
        assert!(count.load(Ordering::Relaxed) <= units);
        assert!(out.chars().count() <= units);
    }

    let stripped = html::strip(&utf8);
    assert!(stripped.len() <= utf8.len(), "stripping made the text longer");
    assert!(!stripped.starts_with(char::is_whitespace) && !stripped.ends_with(char::is_whitespace));
    let _ = html::looks_like_html(&utf8);

    let limit = 8 + usize::from(data.first().copied().unwrap_or(0));
    let parts = text::split_text(utf8.clone(), limit);
    assert_eq!(parts.concat(), utf8);
    assert!(utf8.is_empty() || parts.iter().all(|p| !p.is_empty()));
    // A part is over the limit only when it is a single character (the limit is >= 8).
    assert!(parts.iter().all(|p| p.len() <= limit));
});
