use crate::test_support::{extract, extract_all, has_edge};

#[test]
fn a_pattern_is_not_read_across_a_line_break() {
    let x = extract_all("Farid Osman declined to meet\nwith Greta Lind in Oslo.", "2025-03-05");
    assert!(!x.relations.iter().any(|r| r.kind == crate::RelationKind::MetWith), "{:?}", x.relations);
}

#[test]
fn a_meeting_of_a_second_infinitive_is_not_the_meetings() {
    let x = extract(
        "Anna Brown is scheduled to meet with Tom Price and Paul Okello, and to attend a trade summit in Oslo on May 11.",
        "2025-05-01",
    );
    assert!(
        !x.relations.iter().any(|r| r.kind == crate::RelationKind::Attends && r.source == "person:tom-price"),
        "{:?}",
        x.relations
    );
}

#[test]
fn the_antecedent_of_who_holds_the_talks() {
    let x =
        extract("The plan was announced by Anna Brown, who spent seven hours in talks with Tom Price.", "2025-05-24");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
}

#[test]
fn a_meeting_in_the_presence_of_a_third() {
    let x = extract("Anna Brown and Tom Price met in Oslo on Monday in the presence of Paul Okello.", "2025-05-24");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    assert!(has_edge(&x, "person:tom-price", "met_with", "person:paul-okello"), "{:?}", x.relations);
}

#[test]
fn talks_there_are_where_the_journey_went() {
    let x = extract(
        "OSLO, March 3 - Anna Brown flew secretly to Riyadh on Sunday and held talks there with Tom Price.",
        "2025-03-03",
    );
    let held: Vec<&str> =
        x.relations.iter().filter(|r| r.kind.as_str() == "held_in").map(|r| r.target.as_str()).collect();
    assert_eq!(held, ["location:riyadh"], "{:?}", x.relations);
}

#[test]
fn met_and_hosted_make_edges_and_a_meeting() {
    let x = extract("Kenyan President Amos Kiprono hosted Tanzanian President Rose Mwakasege and Ugandan President Paul Okello at State House in Nairobi.", "2025-03-01");
    assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:rose-mwakasege"));
    assert!(has_edge(&x, "person:amos-kiprono", "met_with", "person:paul-okello"));
    let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
    assert!(has_edge(&x, "person:paul-okello", "attends", &m), "{:?}", x.entities);
}

#[test]
fn other_ways_to_say_they_met() {
    let cases = [
        "Anna Brown sat down with Ivan Petrov in Geneva.",
        "Anna Brown held talks with Ivan Petrov on Monday.",
        "Anna Brown met Ivan Petrov on the sidelines of the summit.",
        "A meeting between Anna Brown and Ivan Petrov took place in Vienna.",
        "Anna Brown and Ivan Petrov met in Vienna on Monday.",
        "Anna Brown received Ivan Petrov in Ankara.",
    ];
    for text in cases {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
    }
}

#[test]
fn cancelled_and_denied_meetings_are_not_meetings() {
    for text in ["Talks between Anna Brown and Ivan Petrov were cancelled.", "Anna Brown denied meeting Ivan Petrov."] {
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
    }
}

#[test]
fn relative_clause_does_not_steal_the_subject() {
    let x = extract("Anna Brown, who was due to see Tom Price, met with Ivan Petrov on Monday.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"));
    assert!(!has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"));
}

#[test]
fn refusals_plans_and_hypotheticals_are_not_meetings() {
    for text in [
        "Anna Brown refused to meet Ivan Petrov.",
        "Anna Brown will meet Ivan Petrov next week.",
        "Nothing will change until Anna Brown and Ivan Petrov meet.",
        "Anna Brown offered to meet Ivan Petrov face-to-face.",
        "Anna Brown said she would only meet Ivan Petrov.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
    }
    let all = extract_all("Anna Brown refused to meet Ivan Petrov.", "2025-03-05");
    assert!(all.relations.iter().any(|r| r.kind.as_str() == "met_with" && r.status.as_str() == "declined"));
}

/// The status of the met_with edge between two persons, if any, in every status.
fn met_status(text: &str, p: &str, q: &str) -> Option<String> {
    let x = extract_all(text, "2025-03-05");
    let (p, q) = (format!("person:{p}"), format!("person:{q}"));
    x.relations
        .iter()
        .find(|r| {
            r.kind.as_str() == "met_with" && ((r.source == p && r.target == q) || (r.source == q && r.target == p))
        })
        .map(|r| r.status.as_str().to_string())
}

#[test]
fn every_subject_meets_every_object() {
    let text = "Anna Brown, Ivan Petrov and Maria Lopez met Omar Haddad and Ravi Kumar.";
    let x = extract(text, "2025-03-05");
    for s in ["anna-brown", "ivan-petrov", "maria-lopez"] {
        for o in ["omar-haddad", "ravi-kumar"] {
            assert!(has_edge(&x, &format!("person:{s}"), "met_with", &format!("person:{o}")), "{s} {o}");
        }
    }
    // Members of one side are not said to meet each other.
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"));
    // A title before the second object: "and foreign policy adviser X".
    let x = extract("Anna Brown met Ivan Petrov and foreign policy adviser Omar Haddad.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:omar-haddad"));
}

#[test]
fn reciprocal_verbs_pair_the_subjects() {
    for text in [
        "Anna Brown and Ivan Petrov held talks in Geneva.",
        "Anna Brown and Ivan Petrov held their first direct talks on Monday.",
        "Anna Brown and Ivan Petrov shook hands before the summit.",
        "Anna Brown and Ivan Petrov spoke directly for a few minutes.",
    ] {
        assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some("occurred"), "{text}");
    }
}

#[test]
fn more_ways_to_say_they_met() {
    for text in [
        "Anna Brown was greeted at the airport by Ivan Petrov.",
        "Anna Brown shook hands with Ivan Petrov.",
        "Anna Brown had dinner with Ivan Petrov on Friday.",
        "Anna Brown had a working lunch with Ivan Petrov.",
        "Anna Brown called on Ivan Petrov at his residence.",
        "Anna Brown held a summit with Ivan Petrov.",
        "Anna Brown held talks on trade with Ivan Petrov.",
        "Anna Brown hosted Ivan Petrov for talks.",
        "Anna Brown held months of talks with Ivan Petrov.",
        "Anna Brown flew to Oslo on Monday to meet Ivan Petrov.",
    ] {
        assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some("occurred"), "{text}");
    }
}

#[test]
fn calls_urging_and_remote_exchanges_are_not_meetings() {
    for text in [
        "Anna Brown called on Ivan Petrov to end the war.",
        "Anna Brown spoke with Ivan Petrov.",
        "Anna Brown held phone talks with Ivan Petrov.",
        "Anna Brown held talks with Ivan Petrov by phone.",
        "Anna Brown and Ivan Petrov spoke directly by phone.",
        "Anna Brown had planned a trip with Ivan Petrov.",
    ] {
        assert_eq!(met_status(text, "anna-brown", "ivan-petrov"), None, "{text}");
    }
}

#[test]
fn new_verbs_keep_their_modality() {
    let cases = [
        ("Anna Brown refused to shake hands with Ivan Petrov.", "declined"),
        ("Anna Brown will have dinner with Ivan Petrov on Friday.", "planned"),
        ("Anna Brown and Ivan Petrov did not hold talks.", "declined"),
        ("Anna Brown and Ivan Petrov will hold talks next week.", "planned"),
        ("Anna Brown is ready to hold talks with Ivan Petrov.", "proposed"),
    ];
    for (text, want) in cases {
        assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some(want), "{text}");
    }
}

#[test]
fn the_subject_is_that_of_the_nearest_clause() {
    let cases = [
        ("Omar Haddad, whose aide Anna Brown met Ivan Petrov, said nothing.", "anna-brown", "omar-haddad"),
        (
            "Omar Haddad's envoy, retired General Anna Brown, is due to travel for talks with Ivan Petrov.",
            "anna-brown",
            "omar-haddad",
        ),
        (
            "Omar Haddad said it was good, and officials said Anna Brown was expected to meet Ivan Petrov.",
            "anna-brown",
            "omar-haddad",
        ),
    ];
    for (text, subject, not_subject) in cases {
        assert!(met_status(text, subject, "ivan-petrov").is_some(), "{text}");
        assert_eq!(met_status(text, not_subject, "ivan-petrov"), None, "{text}");
    }
}

#[test]
fn a_month_is_not_a_verb_that_ends_the_place_window() {
    let x = extract("Anna Brown met Ivan Petrov on May 14 in Oslo.", "2025-05-20");
    let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
    assert!(has_edge(&x, "person:ivan-petrov", "attends", &m), "{:?}", x.entities);
}

#[test]
fn objects_stop_at_a_new_clause() {
    let text = "Anna Brown met Ivan Petrov on Monday, and Maria Lopez visited on Thursday.";
    assert!(met_status(text, "anna-brown", "ivan-petrov").is_some());
    assert_eq!(met_status(text, "anna-brown", "maria-lopez"), None);
    // An appositive naming a possessor is not a second object.
    let text = "Anna Brown met Ivan Petrov, the head of Omar Haddad's office, on Monday.";
    assert!(met_status(text, "anna-brown", "ivan-petrov").is_some());
    assert_eq!(met_status(text, "anna-brown", "omar-haddad"), None);
}

#[test]
fn talks_that_collapsed_took_place() {
    let cases = [
        ("Talks between Anna Brown and Ivan Petrov collapsed on Friday.", "occurred"),
        ("Talks between Anna Brown and Ivan Petrov broke down before a planned signing.", "occurred"),
        ("Talks between Anna Brown and Ivan Petrov failed to take place.", "cancelled"),
        ("Talks between Anna Brown and Ivan Petrov were cancelled.", "cancelled"),
    ];
    for (text, want) in cases {
        assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some(want), "{text}");
    }
}

#[test]
fn floated_and_denied_meetings_did_not_happen() {
    for text in [
        "Officials have floated a meeting between Anna Brown and Ivan Petrov.",
        "Aides mooted a meeting between Anna Brown and Ivan Petrov, but there can be no such meeting yet.",
        "Anna Brown said she would meet Ivan Petrov. No such meeting has been scheduled.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
        assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some("proposed"), "{text}");
    }
}

#[test]
fn a_stance_before_an_adverbial_does_not_govern_its_talks() {
    let text = "Anna Brown was ready to accept a proposal for a truce, after hours of talks with Ivan Petrov.";
    assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some("occurred"));
    let text = "Anna Brown was ready to accept a proposal for talks with Ivan Petrov.";
    assert_eq!(met_status(text, "anna-brown", "ivan-petrov").as_deref(), Some("proposed"));
}

#[test]
fn talks_of_a_second_verb_are_not_the_first_meeting() {
    let x = extract_all(
        "Anna Brown held talks with Ivan Petrov on the sidelines, and is due to hold formal talks with Tom Price in Oslo on Friday.",
        "2025-03-05",
    );
    let occurred_in_oslo = x.relations.iter().any(|r| {
        r.kind == crate::RelationKind::Attends && r.status == crate::Status::Occurred && r.target.contains("oslo")
    });
    assert!(!occurred_in_oslo, "{:?}", x.relations);
    assert!(has_edge(&x.default_view(), "person:anna-brown", "met_with", "person:ivan-petrov"));
}

#[test]
fn a_meeting_in_the_lead_is_in_the_dateline_city() {
    let held = |text: &str| {
        let x = extract(text, "2025-03-05");
        has_edge(&x, "person:ivan-petrov", "attends", "meeting:meeting-oslo@2025-03-05")
    };
    assert!(held("OSLO (Reuters) - Foreign Minister Anna Brown met Foreign Minister Ivan Petrov on Wednesday."));
    // Another day, or a later paragraph, is no news from the dateline city.
    assert!(!held("OSLO (Reuters) - Foreign Minister Anna Brown met Foreign Minister Ivan Petrov in 2019."));
    assert!(!held(
        "OSLO (Reuters) - Talks ended. Nothing changed. Foreign Minister Anna Brown met Foreign Minister Ivan Petrov on Wednesday."
    ));
}

#[test]
fn talks_of_a_clause_after_the_objects_are_not_this_meeting() {
    let x = extract(
        "Anna Brown held talks with Ivan Petrov on Monday, the first since their talks were held in Oslo in 2018.",
        "2025-03-05",
    );
    assert!(!has_edge(&x, "person:anna-brown", "attends", "meeting:talks-oslo@2018"), "{:?}", x.relations);
}

#[test]
fn a_possessor_is_not_the_one_who_met() {
    for text in [
        "Ivan Petrov, Anna Brown's special envoy, spent three hours with Foreign Minister Greta Lind.",
        "Anna Brown's envoy met Foreign Minister Greta Lind on Monday.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:greta-lind"), "{text}: {:?}", x.relations);
    }
}

#[test]
fn a_subordinate_clause_without_a_named_subject_has_none() {
    let x = extract(
        "Anna Brown held talks with Tom Price, the first since a Nordic leader held talks with Ivan Petrov in 2018.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:ivan-petrov", "met_with", "person:tom-price"), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
}

#[test]
fn a_month_can_be_a_surname() {
    let x = extract("Theresa May met Tom Price in Oslo. The talks began in May 2018.", "2025-03-05");
    assert!(has_edge(&x, "person:theresa-may", "met_with", "person:tom-price"), "{:?}", x.relations);
}

#[test]
fn talks_with_a_place_before_with() {
    for text in [
        "Anna Brown held talks in Geneva with Ivan Petrov.",
        "Anna Brown had a meeting at the Kremlin with Ivan Petrov on Monday.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}");
    }
}

#[test]
fn the_guests_of_a_three_way_meeting_met_each_other() {
    let x = extract("Anna Brown held a trilateral meeting with Ivan Petrov and Lea Novak in Vienna.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:lea-novak"));
    assert!(has_edge(&x, "person:ivan-petrov", "met_with", "person:lea-novak"));
    let x = extract("Anna Brown held talks with Ivan Petrov and Lea Novak in Vienna.", "2025-03-05");
    assert!(!has_edge(&x, "person:ivan-petrov", "met_with", "person:lea-novak"));
}

#[test]
fn coordinated_subjects_at_their_meeting() {
    let x = extract("Anna Brown and Ivan Petrov agreed at their bilateral meeting to restore flights.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"));
    let x = extract("Anna Brown and Ivan Petrov will discuss trade at their next meeting.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"));
}

#[test]
fn the_host_of_a_visit_is_no_participant_of_it() {
    let x = extract("Anna Brown, on her first visit to Kenya, was received by Tom Price in Nairobi.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    let visit = x.entities.iter().find(|e| e.id.starts_with("meeting:visit")).map(|e| e.id.clone()).unwrap_or_default();
    assert!(has_edge(&x, "person:anna-brown", "attends", &visit), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:tom-price", "attends", &visit), "{:?}", x.relations);
}

#[test]
fn flanked_by_is_side_by_side() {
    let x = extract(
        "Anna Brown, flanked by Ivan Petrov and Lea Novak, told reporters in Oslo that talks went well.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    assert!(has_edge(&x, "person:ivan-petrov", "met_with", "person:lea-novak"), "{:?}", x.relations);
}

#[test]
fn the_two_leaders_are_the_two_named_before() {
    let x = extract(
        "Anna Brown and Tom Price arrived in Oslo on Sunday. The two leaders met for three hours on Monday.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    // Three persons before: no pair to stand for.
    let x = extract(
        "Anna Brown, Tom Price and Ivan Petrov arrived in Oslo. The two leaders met for three hours on Monday.",
        "2025-03-05",
    );
    assert!(!x.relations.iter().any(|r| r.kind.as_str() == "met_with"), "{:?}", x.relations);
}

#[test]
fn the_meeting_the_noun_names_is_theirs() {
    let x = extract(
        "Anna Brown and Tom Price arrived at the Kremlin, where the two leaders held a meeting in the Green Room.",
        "2025-03-05",
    );
    let meetings: Vec<_> = x.entities.iter().filter(|e| e.id.starts_with("meeting:")).collect();
    assert!(meetings.len() <= 1, "{meetings:?}");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
}

#[test]
fn talks_with_one_and_then_with_another() {
    let x = extract("Anna Brown held separate talks with Tom Price and then with Ivan Petrov.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
}

#[test]
fn whom_talks_were_with_holds_no_later_meeting() {
    let x = extract(
        "In between lay hours of talks with party leader Tom Price, a lunch with him, and a meeting with Foreign Minister Ivan Petrov.",
        "2025-03-05",
    );
    assert!(!has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
}

#[test]
fn a_qualified_title_inside_a_coordinated_subject() {
    let x = extract("Anna Brown and acting Foreign Minister Tom Price met Ivan Petrov in Oslo.", "2025-03-05");
    assert!(has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
}

#[test]
fn talks_with_each_of_a_list_repeating_with() {
    let x = extract(
        "He met Foreign Minister Anna Brown and held talks with Prime Minister Tom Price, with President Paul Okello and with Senator Grace Wanjiru.",
        "2025-03-05",
    );
    for p in ["person:paul-okello", "person:grace-wanjiru"] {
        assert!(
            x.relations.iter().any(|r| r.kind.as_str() == "met_with" && (r.source == p || r.target == p)),
            "{p}: {:?}",
            x.relations
        );
    }
}

/// "The three leaders met": the three persons of the paragraph before; a person
/// named after "by" in a later clause is nobody met.
#[test]
fn three_leaders_and_a_later_agent() {
    let x = crate::test_support::extract(
        "Anna Brown joined Tom Price and Ivan Petrov in Oslo.\nThe three leaders met in Oslo on Monday, months \
         after the pact was announced by President Paul Roy.",
        "2025-03-05",
    );
    for (p, q) in [("anna-brown", "tom-price"), ("anna-brown", "ivan-petrov"), ("tom-price", "ivan-petrov")] {
        assert!(
            crate::test_support::has_edge(&x, &format!("person:{p}"), "met_with", &format!("person:{q}")),
            "{p} {q}"
        );
    }
    assert!(!crate::test_support::has_edge(&x, "person:anna-brown", "met_with", "person:paul-roy"));
    // A passive "was met ... by" names who met.
    let x = crate::test_support::extract("Anna Brown was met at the airport by Tom Price.", "2025-03-05");
    assert!(
        crate::test_support::has_edge(&x, "person:tom-price", "met_with", "person:anna-brown"),
        "{:?}",
        x.relations
    );
}

/// "spent three hours with X" is a meeting; "spent millions with" is not.
#[test]
fn hours_spent_with_someone() {
    let x = crate::test_support::extract(
        "Anna Brown landed in Oslo and spent some three hours with Tom Price.",
        "2025-03-05",
    );
    assert!(
        crate::test_support::has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"),
        "{:?}",
        x.relations
    );
    let x = crate::test_support::extract("Anna Brown spent millions with Tom Price on the campaign.", "2025-03-05");
    assert!(!crate::test_support::has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"));
}

/// Leaders who sign an accord together met; deals signed separately, or a letter, tell
/// no meeting.
#[test]
fn signing_together() {
    let x = extract("Anna Brown and Tom Price later signed a joint statement in Oslo.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    let x = extract("Anna Brown and Tom Price signed separate deals with Turkey.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"));
    let x = extract("Anna Brown and Tom Price signed a letter to the council.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"));
}

/// "held <a meeting named at length> with X" and "paid a courtesy call on X".
#[test]
fn a_named_meeting_held_with_and_a_courtesy_call() {
    let x = extract(
        "TOKYO - Foreign Minister Anna Brown held the 16th Japan-India Foreign Ministers' Strategic Dialogue with \
         Minister Ravi Kumar on Sunday.",
        "2024-07-29",
    );
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ravi-kumar"), "{:?}", x.relations);
    let x = extract("Minister Ravi Kumar paid a courtesy call on Prime Minister Ken Sato on Sunday.", "2024-07-29");
    assert!(has_edge(&x, "person:ken-sato", "met_with", "person:ravi-kumar"), "{:?}", x.relations);
}

/// A participle after a comma belongs to the sentence's subject, past a clause that
/// names no one in between.
#[test]
fn a_participle_after_a_since_clause() {
    let x = extract(
        "Prime Minister Ravi Kumar on Friday became the first leader to visit Kenya since the two countries \
         established relations in 1963, holding talks with President Amos Kiprono in Nairobi.",
        "2024-08-24",
    );
    assert!(has_edge(&x, "person:ravi-kumar", "met_with", "person:amos-kiprono"), "{:?}", x.relations);
}

/// "ended talks with Norway over a report that quoted X": a person of a relative clause
/// on the talks' subject matter is nobody met.
#[test]
fn a_person_in_a_relative_clause_after_the_object_is_not_met() {
    let x = extract("Anna Brown ended trade talks with Norway over a report that quoted Ivan Petrov.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    let x = extract("Anna Brown held talks with Ivan Petrov, who chairs the council.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"));
}

/// "The day after he left, X met Y": the subject of the fronted clause met nobody.
#[test]
fn the_subject_of_a_fronted_clause_did_not_meet() {
    let x = extract("Tom Price spoke. The day after he left, Anna Brown met Ivan Petrov in Oslo.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:tom-price", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
}

/// "A and B held the <meeting named at length>": they met, at it.
#[test]
fn coordinated_subjects_held_a_named_meeting() {
    let x = extract("On Tuesday Anna Brown and Tom Price held the Annual Leaders' Meeting.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    assert!(has_edge(&x, "person:anna-brown", "attends", "meeting:annual-leaders-meeting"), "{:?}", x.relations);
}

/// "signed the security and defence partnership at the summit with A and B": the three
/// signers met, at the summit.
#[test]
fn co_signers_after_with() {
    let x = extract(
        "The Nordic summit opened in Oslo on Monday. Anna Brown signed the security and defence partnership at the \
         summit with Tom Price and Ivan Petrov.",
        "2025-03-05",
    );
    for (p, q) in [("anna-brown", "tom-price"), ("anna-brown", "ivan-petrov"), ("tom-price", "ivan-petrov")] {
        assert!(has_edge(&x, &format!("person:{p}"), "met_with", &format!("person:{q}")), "{p} {q}: {:?}", x.relations);
    }
}

/// "A, seated beside B", "sitting next to B": side by side, as in a meeting.
#[test]
fn seated_beside() {
    for text in [
        "Anna Brown, seated beside Ivan Petrov, did not raise her voice.",
        "Anna Brown was sitting next to Ivan Petrov in Oslo.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{text}: {:?}", x.relations);
    }
}

/// "held talks with A, as did his counterparts, B and C": B and C held talks with A too;
/// they are no objects of the first subject.
#[test]
fn as_did_names_others_who_did_the_same() {
    let x = extract(
        "In Oslo Anna Brown held talks with Tom Price, as did her counterparts, Ivan Petrov and Olga Smirnova.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:tom-price"), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:anna-brown", "met_with", "person:ivan-petrov"), "{:?}", x.relations);
}
