//! Prints what kg-extract finds in a text, mention by mention: a debugging aid.
//! `cargo run -p kg-extract --example dump -- FILE [YYYY-MM-DD]`

use kg_extract::{Document, Extractor};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let date = args.next().and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let x = Extractor::builtin().extract(&Document::new("dump", text.clone(), date));
    for m in &x.mentions {
        println!(
            "{:>5}-{:<5} {:<20} {:<40} {}",
            m.span.start,
            m.span.end,
            m.rule,
            m.entity,
            &text[m.span.start..m.span.end]
        );
    }
    for r in &x.relations {
        println!("{} -[{} {}]-> {}  ({})", r.source, r.kind, r.status, r.target, r.evidence.rule);
    }
}
