use crate::test_support::{extract_all, has_edge};

#[test]
fn the_body_after_a_country_possessive() {
    let cases: &[(&str, &str, &str)] = &[
        // The organisation right after the possessive.
        (
            "Lena Moss, the secretary of Russia's Security Council, spoke.",
            "person:lena-moss",
            "organization:russian-security-council",
        ),
        // A lower-case description, then the organisation's name in apposition.
        ("Lena Moss, head of Russia's main spy agency, the GRU, spoke.", "person:lena-moss", "organization:gru"),
        // An adviser to a leader serves the leader's country.
        ("Lena Moss, diplomatic adviser to the president of Peru, spoke.", "person:lena-moss", "country:pe"),
        ("Ukraine's ambassador to the United States, Lena Moss, spoke.", "person:lena-moss", "country:ua"),
    ];
    for (text, person, want) in cases {
        let x = extract_all(text, "2025-05-15");
        assert!(has_edge(&x, person, "official_of", want), "{text}: {:?}", x.relations);
    }
}

#[test]
fn no_body_without_its_name() {
    // A description with no organisation named: the country.
    let x = extract_all("Lena Moss, head of Russia's main spy agency, spoke.", "2025-05-15");
    assert!(has_edge(&x, "person:lena-moss", "official_of", "country:ru"), "{:?}", x.relations);
    // An adviser of the president's critics serves no country through the title.
    let x = extract_all("Lena Moss, adviser to critics of the president of Peru, spoke.", "2025-05-15");
    assert!(!has_edge(&x, "person:lena-moss", "official_of", "country:pe"), "{:?}", x.relations);
}

#[test]
fn a_name_ending_the_previous_sentence_is_no_affiliation() {
    // "U.S.U.S." is cut into a name and a full stop, which ends the sentence.
    let x = extract_all("Flags of the U.S.U.S. Foreign Minister Lena Moss spoke.", "2025-05-15");
    assert!(!has_edge(&x, "person:lena-moss", "official_of", "country:us"), "{:?}", x.relations);
    let x = extract_all("Flags flew. U.S. Foreign Minister Lena Moss spoke.", "2025-05-15");
    assert!(has_edge(&x, "person:lena-moss", "official_of", "country:us"), "{:?}", x.relations);
}

/// An official's portfolio the title list lacks: "Norway's Presidential Commissioner".
#[test]
fn an_officials_portfolio_after_a_possessive() {
    let x = crate::test_support::extract("Anna Brown, Norway's Presidential Commissioner, spoke.", "2024-05-24");
    assert!(has_edge(&x, "person:anna-brown", "official_of", "country:no"), "{:?}", x.relations);
}

/// "an adviser to Iran's Supreme Leader (Ali Khamenei)": the adviser serves Iran; a
/// leader named after the title keeps the leader's title.
#[test]
fn an_adviser_to_a_countrys_leader() {
    for text in [
        "Omid Rahimi, a senior adviser to Iran's Supreme Leader, came to Beirut.",
        "Omid Rahimi, a senior adviser to Iran's Supreme Leader Ali Khamenei, came to Beirut.",
    ] {
        let x = crate::test_support::extract(text, "2024-11-28");
        assert!(has_edge(&x, "person:omid-rahimi", "official_of", "country:ir"), "{text}: {:?}", x.relations);
    }
}

#[test]
fn a_portfolio_between_country_and_title() {
    let x = crate::test_support::extract("Kenyan Defence Cabinet Secretary Aden Duale spoke on Monday.", "2024-05-24");
    assert!(crate::test_support::has_edge(&x, "person:aden-duale", "official_of", "country:ke"), "{:?}", x.relations);
    assert_eq!(
        crate::test_support::person_title(&x, "person:aden-duale").as_deref(),
        Some("Defence Cabinet Secretary")
    );
}

/// A title found inside a glued token ("Fidan'spokesman", a proptest's find) has no
/// token of its own: no panic, and no portfolio read before it.
#[test]
fn a_title_inside_a_glued_token() {
    for text in ["Hakan Fidan'spokesman", "Hakan FidanHakan FidanHakan Fidan'spokesman"] {
        crate::test_support::extract(text, "2025-03-01");
    }
}
