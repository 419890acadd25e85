//! Unit tests of the `org_pattern` rule.

use crate::test_support::{entities, extract};

#[test]
fn no_body_from_a_treaty_or_after_a_preposition() {
    for text in
        ["They signed the Treaty on Friendship and Alliance in 2019.", "After the Oval Office meeting, he left."]
    {
        let x = extract(text, "2025-01-01");
        assert!(!entities(&x).iter().any(|e| e.starts_with("organization:")), "{text}: {:?}", entities(&x));
    }
}

/// A venue is a place, of two words at least, and a meeting there is held in the
/// city told after it.
/// "Anna Brown of the European Union" is a person and the body, not one name.
#[test]
fn a_person_of_a_body() {
    let x = extract("Iran refused, so Anna Brown of the European Union shuttled between them.", "2025-01-01");
    let ids = entities(&x);
    assert!(ids.contains(&"person:anna-brown".to_string()), "{ids:?}");
    assert!(ids.contains(&"organization:eu".to_string()), "{ids:?}");
}

#[test]
fn venues_are_places() {
    let x = extract("Anna Brown held talks with Tom Price at the Karlsen Palace in Oslo on Monday.", "2025-01-01");
    let ids = entities(&x);
    assert!(ids.contains(&"location:karlsen-palace".to_string()), "{ids:?}");
    let m = ids.iter().find(|e| e.starts_with("meeting:")).cloned().unwrap_or_default();
    assert!(crate::test_support::has_edge(&x, &m, "held_in", "location:oslo"), "{:?}", x.relations);
    let x = extract("The Palace said nothing on Monday.", "2025-01-01");
    assert!(!entities(&x).iter().any(|e| e.starts_with("location:")), "{:?}", entities(&x));
    // A weekday opens no venue's name.
    let x = extract("They held their first summit on Thursday on Karlsen Island.", "2025-01-01");
    assert!(entities(&x).contains(&"location:karlsen-island".to_string()), "{:?}", entities(&x));
}

#[test]
fn a_name_opening_with_a_compound_of_names() {
    let x = extract("The Kenya-Uganda Council met in Kampala.", "2025-01-01");
    assert!(entities(&x).contains(&"organization:kenya-uganda-council".to_string()), "{:?}", entities(&x));
}

#[test]
fn finds_organisations_by_head_noun() {
    let x = extract("Anna Petrova, director of the Federal Customs Service, spoke.", "2025-01-01");
    assert!(entities(&x).contains(&"organization:federal-customs-service".to_string()), "{:?}", entities(&x));
}

#[test]
fn an_acronym_in_parentheses_names_the_organisation_later() {
    let x = extract("The Congo Unity Front (CUF) signed. Paul Kamau, chairman of the CUF, spoke.", "2025-01-01");
    assert_eq!(crate::test_support::mentions_of(&x, "organization:congo-unity-front"), 3);
}

#[test]
fn names_end_at_dates_and_coordinations() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "The ruling by the Supreme Court on July 1 stood.",
            &["organization:supreme-court"],
            &["organization:supreme-court-on-july"],
        ),
        (
            "Senate and State Department officials met.",
            &["organization:state-department"],
            &["organization:senate-and-state-department"],
        ),
        (
            "The deal between the Government of Kenya and the Congo People's Liberation Front held.",
            &["organization:congo-people-s-liberation-front"],
            &["organization:government-of-kenya-and-the-congo-people-s-liberation-front"],
        ),
        (
            "The Congo Unity Front (CUF) signed. The chairman of the CUF spoke.",
            &["organization:congo-unity-front"],
            &["organization:cuf"],
        ),
        (
            "The Congo People's Liberation Front signed.",
            &["organization:congo-people-s-liberation-front"],
            &["organization:liberation-front"],
        ),
        (
            "He said the Congo River Alliance advanced.",
            &["organization:congo-river-alliance"],
            &["location:congo-river"],
        ),
    ];
    for (text, want, unwanted) in cases {
        let x = extract(text, "2025-01-01");
        let got = entities(&x);
        for w in *want {
            assert!(got.contains(&w.to_string()), "{text}: {got:?}");
        }
        for u in *unwanted {
            assert!(!got.contains(&u.to_string()), "{text}: {got:?}");
        }
    }
}

#[test]
fn ignores_phrases_without_a_head_noun() {
    let x = extract("Fighting Rages Along The Border.", "2025-01-01");
    assert!(!entities(&x).iter().any(|e| e.starts_with("organization:")));
}

#[test]
fn a_platform_is_a_body_and_a_convention_centre_a_venue() {
    let x = crate::test_support::extract(
        "The opposition Unitary Platform met at the Kuala Lumpur Convention Centre.",
        "2025-03-01",
    );
    let orgs: Vec<String> =
        crate::test_support::entities(&x).into_iter().filter(|e| e.starts_with("organization:")).collect();
    assert!(orgs.iter().any(|o| o.contains("unitary-platform")), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o.contains("convention")), "{orgs:?}");
}
