//! Unit tests of the `dateline` rule.

use super::{dateline, spellings};
use crate::test_support::{entities, extract};

/// `first_lines` against the `split_inclusive` it replaced.
#[test]
fn first_lines_are_those_of_split_inclusive() {
    for text in ["", "\n", "a", "a\n", "\n\nOSLO, May 1\n\nb\r\nc", "x\ny\nz\nw\nv\n", " \n  \nq"] {
        let want: Vec<(usize, &str)> = text
            .split_inclusive('\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len();
                Some((start, line))
            })
            .filter(|(_, line)| !line.trim().is_empty())
            .take(super::MAX_LINE)
            .collect();
        assert_eq!(super::first_lines(text).collect::<Vec<_>>(), want, "{text:?}");
    }
}

#[test]
fn datelines_in_agency_styles() {
    for (text, want) in [
        ("OSLO, Norway, March 3 (Reuters) - Talks ended.", Some("OSLO")),
        ("LIMA (AP) \u{2014} The talks ended.", Some("LIMA")),
        ("THE HAGUE, June 5 - Leaders met.", Some("THE HAGUE")),
        ("  NAIROBI \u{2013} Envoys met on Friday.", Some("NAIROBI")),
        ("LIMA (Special correspondent) \u{2014} Talks ended.", Some("LIMA")),
        ("LIMA (from our correspondent in the south of the country) - Talks ended.", None),
        ("NATO said on Friday - in a statement - that it agreed.", None),
        ("Oslo, Norway - Talks ended.", None),
        ("OSLO officials said talks - which began Monday - ended.", None),
        ("UN - Talks ended.", None),
        // A label's shape; `apply` finds no city in it.
        ("ANCHOR: Good evening - and welcome.", Some("ANCHOR")),
        ("NEW DELHI: Talks ended.", Some("NEW DELHI")),
        ("ISLAMABAD, May 10: Talks ended.", Some("ISLAMABAD")),
        ("Talks at 10:30 - ended.", None),
        ("CORRESPONDENT (Oslo): Leaders met - briefly.", Some("CORRESPONDENT")),
        // Curly quotes share the dashes' lead byte; a dash inside a word is none.
        ("KYIV \u{201c}X\u{201d} PRE-WAR \u{2014} Talks began.", None),
        ("KYIV PRE-WAR \u{2014} Talks began.", Some("KYIV PRE-WAR")),
    ] {
        let got = dateline(text).map(|(c, _, _)| &text[c.start..c.end]);
        assert_eq!(got, want, "{text}");
    }
}

/// A colon ends a dateline only after a known city: a speaker's label is no place.
#[test]
fn colon_datelines_name_known_cities_only() {
    let x = extract("NEW DELHI: Indian officials met on Monday.", "2025-03-03");
    assert!(entities(&x).iter().any(|e| e == "location:new-delhi"), "{:?}", entities(&x));
    let x = extract("ANCHOR: Good evening.\nKAPSABET: Kenya is calm.", "2025-03-03");
    assert!(!entities(&x).iter().any(|e| e.starts_with("location:")), "{:?}", entities(&x));
}

#[test]
fn capitals_are_looked_up_in_title_case() {
    assert_eq!(spellings("ABU DHABI"), vec!["Abu Dhabi"]);
    assert_eq!(spellings("DAR ES SALAAM"), vec!["Dar Es Salaam", "Dar es Salaam"]);
    assert_eq!(spellings("SHARM EL-SHEIKH"), vec!["Sharm El-Sheikh", "Sharm el-Sheikh"]);
}

#[test]
fn the_dateline_city_is_a_place_of_the_story() {
    let x = extract("OSLO, Norway, March 3 (Reuters) - Norwegian officials spoke.", "2025-03-03");
    assert!(entities(&x).iter().any(|e| e == "location:oslo"), "{:?}", entities(&x));
    let x = extract("Leaders meet\nA day of talks.\nOSLO - Norwegian officials spoke.", "2025-03-03");
    assert!(entities(&x).iter().any(|e| e == "location:oslo"), "{:?}", entities(&x));
    let x = extract("NATO, the alliance, met - briefly.", "2025-03-03");
    assert!(!entities(&x).iter().any(|e| e.starts_with("location:")), "{:?}", entities(&x));
}

#[test]
fn an_unknown_town_of_a_named_country() {
    let text = "KAPSABET, Kenya (Reuters) - Leaders met at a hotel in Kapsabet on Tuesday.";
    let x = extract(text, "2025-03-04");
    assert!(entities(&x).iter().any(|e| e == "location:kapsabet"), "{:?}", entities(&x));
    assert!(
        x.relations.iter().any(|r| r.kind.as_str() == "located_in" && r.source == "location:kapsabet"),
        "{:?}",
        x.relations
    );
    // Without a country, capitals alone are no place.
    let x = extract("KAPSABET (Reuters) - Leaders met on Tuesday.", "2025-03-04");
    assert!(!entities(&x).iter().any(|e| e == "location:kapsabet"), "{:?}", entities(&x));
}

#[test]
fn a_story_filed_from_afar_places_nothing_in_its_dateline_city() {
    let text = "OSLO, Norway (AP) - The two leaders met at Kenya's new conference centre on Tuesday.\n\
                The summit ended with a joint statement.";
    let x = extract(text, "2025-03-04");
    assert!(
        !x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.target == "location:oslo"),
        "{:?}",
        x.relations
    );
}
