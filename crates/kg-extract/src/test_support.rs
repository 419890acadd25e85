//! Helpers for the rules' unit tests.

use chrono::NaiveDate;

use crate::model::{Document, Extraction};
use crate::Extractor;

/// Extraction with every status.
pub fn extract_all(text: &str, date: &str) -> Extraction {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    Extractor::builtin().extract(&Document::new("test", text, date))
}

/// Extraction as the default graph shows it: facts and firm plans only.
pub fn extract(text: &str, date: &str) -> Extraction {
    extract_all(text, date).default_view()
}

pub fn entities(x: &Extraction) -> Vec<String> {
    x.entities.iter().map(|e| e.id.clone()).collect()
}

fn same(id: &str, want: &str) -> bool {
    id == want || id.strip_prefix(want).is_some_and(|rest| rest.starts_with('@'))
}

pub fn has_edge(x: &Extraction, source: &str, relation: &str, target: &str) -> bool {
    x.relations.iter().any(|r| {
        r.kind.as_str() == relation
            && ((same(&r.source, source) && same(&r.target, target))
                || (r.kind.is_symmetric() && same(&r.source, target) && same(&r.target, source)))
    })
}

pub fn person_title(x: &Extraction, id: &str) -> Option<String> {
    x.entities.iter().find(|e| e.id == id).and_then(|e| e.attributes.get("title").cloned())
}

pub fn mentions_of(x: &Extraction, id: &str) -> usize {
    x.mentions.iter().filter(|m| m.entity == id).count()
}

pub fn meeting_date(x: &Extraction, id: &str) -> Option<String> {
    x.entities.iter().find(|e| e.id == id).and_then(|e| e.attributes.get("date").cloned())
}
