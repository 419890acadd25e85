use super::flags::{is_opener, short_parenthesis};
use super::*;
use crate::gazetteer::Gazetteer;
use crate::model::Document;

const WORDS: &[&str] = &[
    "Anna", "met", "who", "which", "but", "when", "saying", "the", "talks", "said", "and", ",", ",", ";", "(", ")",
    "\u{2014}", "\"", "\u{201c}", "\u{201d}", ".",
];

const FLAG_WORDS: &[&str] = &[
    "Who", "who", "WHICH", "whose", "Whom", "where", "Whereas", "although", "Because", "even", "saying", "but", "be",
    "w", "a", "tsar", "Émile", "éven", ",", ",,", ";", ":", "(", ")", "\u{2014}", "\u{2013}", "\u{2026}", "\"",
    "\u{201c}", "\u{201d}", "\u{2019}", ".",
];

/// The tests the bits replaced.
fn is_boundary_punct(w: &str) -> bool {
    matches!(w, ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}")
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{201d}")
}

proptest::proptest! {
    /// A token's bits say what the word tests said of it.
    #[test]
    fn flags_agree_with_the_words(words in proptest::collection::vec(proptest::sample::select(FLAG_WORDS), 1..40)) {
        let doc = Document::new("t", words.join(" "), None);
        let mut lower = String::new();
        let a = Analysis::new(Gazetteer::builtin(), &doc, &mut lower);
        for i in 0..a.toks.len() + 2 {
            let (w, f) = (a.lower(i), flags(&a, i));
            let comma =
                a.toks.get(i).is_some_and(|t| t.span.end == t.span.start + 1 && a.text.as_bytes()[t.span.start] == b',');
            proptest::prop_assert_eq!(f & COMMA != 0, comma);
            // A short bracket ("(PRC)") is no boundary.
            let bracket = matches!(w, "(" | ")") && short_parenthesis(&a, i);
            proptest::prop_assert_eq!(f & BOUNDARY != 0, is_boundary_punct(w) && !bracket);
            proptest::prop_assert_eq!(f & OPENER != 0, is_opener(w));
            proptest::prop_assert_eq!(f & QUOTE_MARK != 0, is_quote_mark(a.word(i)));
            proptest::prop_assert_eq!(f & RELATIVE != 0, matches!(w, "who" | "which" | "whose" | "whom" | "where"));
            proptest::prop_assert_eq!(f & WHO_WHICH != 0, matches!(w, "who" | "which"));
        }
    }

    /// The clauses `clause_of` records for the tokens around the one asked are
    /// those a walk from each token finds, whatever order they are asked in.
    #[test]
    fn shared_clauses_agree_with_a_walk_from_each_token(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 1..40),
        order in proptest::collection::vec(0usize..1000, 0..40),
    ) {
        let doc = Document::new("t", words.join(" "), None);
        let mut lower = String::new();
        let a = Analysis::new(Gazetteer::builtin(), &doc, &mut lower);
        let n = a.toks.len();
        for tok in order.iter().map(|k| k % n).chain(0..n) {
            let walk = find_clause(&a, tok);
            proptest::prop_assert_eq!(clause_of(&a, tok), (walk.start, walk.end), "token {} of {:?}", tok, doc.text);
        }
    }
}

#[test]
fn a_person_after_a_preposition_is_not_the_subject() {
    let x = crate::test_support::extract_all(
        "After the meeting with Anna Novak, Tom Price attended a summit in Oslo.",
        "2025-03-01",
    );
    let attends = |p: &str| x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == p);
    assert!(!attends("person:anna-novak"), "{:?}", x.relations);
}

#[test]
fn a_subordinate_clause_has_its_own_subject() {
    let x = crate::test_support::extract(
        "Anna Brown held talks with Ivan Petrov on Monday, the first such meeting since Foreign Minister \
         Greta Lind held talks with Petrov in Oslo in 2018.",
        "2025-03-05",
    );
    assert!(
        crate::test_support::has_edge(&x, "person:greta-lind", "met_with", "person:ivan-petrov"),
        "{:?}",
        x.relations
    );
    assert!(
        !x.relations.iter().any(|r| r.source == "person:anna-brown" && r.target.contains("oslo")),
        "{:?}",
        x.relations
    );
}

#[test]
fn the_subject_after_a_fronted_subordinate_clause() {
    let x = crate::test_support::extract(
        "While Tom Price was in Oslo, Anna Brown made an unannounced visit to Kenya.",
        "2025-03-05",
    );
    let attends = |p: &str| x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == p);
    assert!(attends("person:anna-brown") && !attends("person:tom-price"), "{:?}", x.relations);
}

/// "A and his American counterpart B held talks": the counterpart is coordinated.
#[test]
fn a_counterpart_in_a_coordinated_subject() {
    let x = crate::test_support::extract(
        "President William Otieno and his American counterpart Joe Harlan held talks at the White House.",
        "2024-05-24",
    );
    assert!(crate::test_support::has_edge(&x, "person:joe-harlan", "met_with", "person:william-otieno"));
}
