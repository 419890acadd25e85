use crate::test_support::{extract, extract_all, has_edge};

fn meeting(x: &crate::model::Extraction) -> String {
    x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default()
}

#[test]
fn chaired_and_attended() {
    let x = extract("The summit opened in Nairobi on Monday. Amos Kiprono chaired the summit.", "2025-03-05");
    assert!(has_edge(&x, "person:amos-kiprono", "attends", &meeting(&x)));
}

#[test]
fn declining_to_attend_is_kept_only_with_its_status() {
    let text = "Peace talks open in Geneva on Friday. Ivan Petrov decided not to attend.";
    let x = extract(text, "2025-03-05");
    assert!(!has_edge(&x, "person:ivan-petrov", "attends", &meeting(&x)));
    let all = extract_all(text, "2025-03-05");
    assert!(all.relations.iter().any(|r| r.kind.as_str() == "attends" && r.status.as_str() == "declined"));
}

#[test]
fn skipping_is_declining() {
    let text = "The summit opened in Nairobi on Monday. Ivan Petrov skipped the summit.";
    assert!(!has_edge(
        &extract(text, "2025-03-05"),
        "person:ivan-petrov",
        "attends",
        &meeting(&extract(text, "2025-03-05"))
    ));
}

/// "stayed away", with or without the meeting after it, is a refusal of it.
#[test]
fn staying_away_is_declining() {
    for text in [
        "The summit opened in Nairobi on Monday. Ivan Petrov stayed away.",
        "The summit opened in Nairobi on Monday. Ivan Petrov stayed away from the summit.",
    ] {
        let all = extract_all(text, "2025-03-05");
        assert!(
            all.relations.iter().any(|r| r.kind.as_str() == "attends" && r.status.as_str() == "declined"),
            "{text}: {:?}",
            all.relations
        );
    }
}

#[test]
fn persons_at_a_named_summit() {
    let x = extract("The plan was discussed by Anna Brown and Tom Price at the 2023 Lakeside Summit.", "2024-08-28");
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)));
    assert!(has_edge(&x, "person:tom-price", "attends", &meeting(&x)));
}

#[test]
fn convening_sitting_in_and_meetings_between() {
    let cases = [
        ("Anna Brown convened a summit in Nairobi on Monday.", "person:anna-brown"),
        ("The summit opened in Nairobi on Monday. Tom Price sat in on the summit.", "person:tom-price"),
        ("A meeting between Anna Brown and Tom Price took place in Vienna on Monday.", "person:tom-price"),
    ];
    for (text, person) in cases {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, person, "attends", &meeting(&x)), "{text}: {:?}", x.relations);
    }
}

#[test]
fn an_attendance_without_its_meeting_stays_in_its_paragraph() {
    let cases = [
        // Another paragraph: no meeting to refer to.
        ("The summit opened in Nairobi on Monday.\nIvan Petrov decided not to attend.", false),
        // A refusal is not about a meeting long past.
        ("Talks were held in Geneva in 2019. Ivan Petrov will not attend.", false),
        // The meeting of its own sentence, named after the verb.
        ("Ivan Petrov is also expected to attend, said the organisers of the summit in Nairobi.", true),
        ("The summit opens in Nairobi on Friday. Ivan Petrov decided not to attend.", true),
    ];
    for (text, want) in cases {
        let all = extract_all(text, "2025-03-05");
        let m = meeting(&all);
        let found = all
            .relations
            .iter()
            .any(|r| r.kind.as_str() == "attends" && r.source == "person:ivan-petrov" && r.target == m);
        assert_eq!(found, want, "{text}: {:?}", all.relations);
    }
}

#[test]
fn a_definite_noun_takes_a_meeting_of_its_kind() {
    // "the talks" is no mention of the summit named before it.
    let text = "The summit in Nairobi ended on Monday. Anna Brown hosted the talks.";
    let x = extract(text, "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn a_passive_is_not_read_as_the_subject_attending() {
    let x = extract("The summit in Nairobi, attended by Anna Brown, was praised by Tom Price.", "2025-03-05");
    assert!(!has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// Who opens, closes or addresses a meeting is there; a verb whose object is
/// something else is no presence.
#[test]
fn opening_and_closing_a_meeting() {
    let present = [
        "Leaders gathered for a summit in Nairobi on Monday. Amos Kiprono, opening the two-day meeting, called for calm.",
        "Leaders gathered for a summit in Nairobi on Monday. Amos Kiprono wrapped up the summit on Tuesday.",
        "Leaders gathered for a summit in Nairobi on Monday. Amos Kiprono addressed the summit.",
    ];
    for text in present {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:amos-kiprono", "attends", &meeting(&x)), "{text}: {:?}", x.relations);
    }
    let text = "Leaders gathered for a summit in Nairobi on Monday. Amos Kiprono closed the border before the summit.";
    let x = extract(text, "2025-03-05");
    assert!(!has_edge(&x, "person:amos-kiprono", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// "the meeting" is any gathering the context names but a visit.
#[test]
fn the_meeting_can_be_talks() {
    let text =
        "Talks between the two sides were held in Vienna on Monday. Anna Brown attended the meeting as an observer.";
    let x = extract(text, "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// Who stood in for someone at a meeting attended it; the one stood in for did not.
#[test]
fn standing_in_for_someone() {
    let text =
        "Leaders met at the summit in Nairobi on Monday. Anna Brown stood in for President Tom Price at the summit.";
    let x = extract(text, "2025-03-05");
    assert!(!has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn company_together_with_the_subject_attends() {
    let x = extract(
        "Anna Brown participated in the summit in Oslo on Monday, together with Tom Price and Ivan Petrov.",
        "2025-03-05",
    );
    for p in ["anna-brown", "tom-price", "ivan-petrov"] {
        assert!(
            x.relations.iter().any(|r| r.source == format!("person:{p}") && r.kind.as_str() == "attends"),
            "{p}: {:?}",
            x.relations
        );
    }
}

#[test]
fn attended_as_a_guest_and_thanks_for_hosting() {
    let x = extract("The summit in Nairobi opened on Monday. President Anna Brown attended as a guest.", "2025-03-05");
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
    // The one thanked for hosting is no attendee told by the thanks.
    let x = extract(
        "The summit in Nairobi opened on Monday. Anna Brown thanked President Tom Price for hosting the summit.",
        "2025-03-05",
    );
    assert!(!has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn signers_attend_the_signing_ceremony() {
    let x = extract(
        "Kenya signed the accord at a ceremony in Nairobi on Monday. Anna Brown and Tom Price signed the documents \
         at a long table.",
        "2025-03-05",
    );
    for p in ["person:anna-brown", "person:tom-price"] {
        assert!(has_edge(&x, p, "attends", &meeting(&x)), "{p}: {:?}", x.relations);
    }
    let x = extract(
        "The accord was signed by Anna Brown and by Tom Price at a signing ceremony in Nairobi on Monday.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
    // A signature with no ceremony near is no attendance.
    let x = extract("The summit in Nairobi opened on Monday. Anna Brown signed a decree on Friday.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn company_of_a_signing_at_the_summit_attends() {
    let x = extract(
        "The summit in Nairobi opened on Monday. Anna Brown signed the pact at the summit with Foreign Minister \
         Tom Price.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn taking_part_from_afar_is_no_attendance() {
    for text in [
        "The summit opened in Nairobi on Monday. Ivan Petrov decided not to travel and addressed the summit by video.",
        "The summit opened in Nairobi on Monday. Ivan Petrov took part in the summit virtually.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(!has_edge(&x, "person:ivan-petrov", "attends", &meeting(&x)), "{text}");
    }
}

#[test]
fn host_and_guests_hosted_for_a_ceremony_attend_it() {
    let x = extract(
        "OSLO, Aug 8 (Reuters) - Foreign Minister Greta Lind hosted President Anna Brown and Prime Minister Tom Price for the signing ceremony on Friday.",
        "2025-08-09",
    );
    for p in ["person:greta-lind", "person:anna-brown", "person:tom-price"] {
        assert!(has_edge(&x, p, "attends", &meeting(&x)), "{p}: {:?}", x.relations);
    }
    // Signers at "a ceremony" past a relative clause, and who witnessed it.
    let x = extract(
        "On Sunday, Prime Minister Anna Brown and President Tom Price signed a joint declaration, which the host called an accord, at a ceremony witnessed by Foreign Minister Greta Lind.",
        "2025-08-12",
    );
    for p in ["person:greta-lind", "person:anna-brown", "person:tom-price"] {
        assert!(has_edge(&x, p, "attends", &meeting(&x)), "{p}: {:?}", x.relations);
    }
}

#[test]
fn counterparts_hosted_for_a_meeting_attend_and_meet_the_host() {
    let x = extract(
        "On Sunday, Defence Minister Anna Brown hosted her Kenyan and Ghanaian counterparts, Tom Price and Paul Okello, for a four-way meeting in Oslo.",
        "2025-03-05",
    );
    for p in ["person:anna-brown", "person:tom-price", "person:paul-okello"] {
        assert!(has_edge(&x, p, "attends", &meeting(&x)), "{p}: {:?}", x.relations);
    }
    assert!(has_edge(&x, "person:anna-brown", "met_with", "person:paul-okello"), "{:?}", x.relations);
}

#[test]
fn a_dated_four_way_meeting_is_one_event() {
    let x = extract(
        "On Sunday, Defence Minister Anna Brown hosted her Kenyan, Ghanaian and Nigerian counterparts, Tom Price, Paul Okello and Ruth Adams, for a four-way meeting of defence ministers.",
        "2025-03-05",
    );
    for p in ["person:anna-brown", "person:tom-price", "person:ruth-adams"] {
        assert!(has_edge(&x, p, "attends", &meeting(&x)), "{p}: {:?}", x.entities);
    }
    // Without a date, a format alone is talk of meetings in general.
    let x = extract("Brown favours a four-way meeting of defence ministers.", "2025-03-05");
    assert!(meeting(&x).is_empty(), "{:?}", x.entities);
}

/// Who agreed or spoke right after talks took part in them.
#[test]
fn agreed_after_hours_of_talks() {
    let x = crate::test_support::extract(
        "Serbian President Ivan Markovic and Kosovo Prime Minister Arben Hoxha agreed on Saturday after twelve \
         hours of talks in Geneva.",
        "2023-03-19",
    );
    assert!(
        crate::test_support::has_edge(&x, "person:ivan-markovic", "attends", "meeting:talks-geneva"),
        "{:?}",
        x.relations
    );
    assert!(crate::test_support::has_edge(&x, "person:arben-hoxha", "attends", "meeting:talks-geneva"));
    // "after" that belongs to what was said is no attendance.
    let x = crate::test_support::extract("Anna Brown said that the deal came after talks in Geneva.", "2023-03-19");
    assert!(
        !crate::test_support::has_edge(&x, "person:anna-brown", "attends", "meeting:talks-geneva"),
        "{:?}",
        x.relations
    );
}

/// "After attending the summit, he flew home": the subject after the comma.
#[test]
fn a_fronted_participle_of_attendance() {
    let x = crate::test_support::extract(
        "Prime Minister Anna Brown arrived on Thursday. After attending the NATO summit in Washington, she flew \
         to Florida.",
        "2024-07-16",
    );
    let summit = x.entities.iter().find(|e| e.id.starts_with("meeting:nato")).map(|e| e.id.clone());
    assert!(
        summit.is_some_and(|m| crate::test_support::has_edge(&x, "person:anna-brown", "attends", &m)),
        "{:?}",
        x.relations
    );
}

/// "At the summit, X told Y ...": both were there; a sentence that does not open
/// with the meeting tells no one's presence by it.
#[test]
fn a_sentence_opened_by_the_meeting() {
    let x = extract(
        "The NATO summit opened in Brussels on Wednesday. At the summit, Polish President Jan Kowal told Anna \
         Brown that Russia was a threat.",
        "2025-06-25",
    );
    let summit = "meeting:nato-meeting-brussels@2025-06-25";
    assert!(has_edge(&x, "person:jan-kowal", "attends", summit), "{:?}", x.relations);
    assert!(has_edge(&x, "person:anna-brown", "attends", summit), "{:?}", x.relations);
    let x = extract(
        "The NATO summit opened in Brussels on Wednesday. Jan Kowal, who was not at the summit, spoke.",
        "2025-06-25",
    );
    assert!(!has_edge(&x, "person:jan-kowal", "attends", summit), "{:?}", x.relations);
}

/// "the talks" of a later paragraph are the story's talks, if they are talks.
#[test]
fn a_definite_noun_in_a_later_paragraph() {
    let x = extract(
        "Anna Brown and Tom Price held talks in Oslo on Friday.\nOn the American side, Ivan Petrov joined the \
         conversation.",
        "2025-03-08",
    );
    assert!(has_edge(&x, "person:ivan-petrov", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// A dated signing of an accord in a town is a signing ceremony there; who signed it,
/// and who looked on, attend it.
#[test]
fn signers_and_onlookers_of_a_signing_in_a_town() {
    let x = extract(
        "Kenya and Ghana on Sunday signed a trade agreement in Nairobi. The agreement was signed by Amos Kiprono \
         and Kofi Mensah, as Anna Brown and Tom Price looked on.",
        "2025-03-10",
    );
    let ceremony = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
    assert!(ceremony.contains("nairobi"), "{:?}", x.entities);
    for p in ["amos-kiprono", "kofi-mensah", "anna-brown", "tom-price"] {
        assert!(has_edge(&x, &format!("person:{p}"), "attends", &ceremony), "{p}: {:?}", x.relations);
    }
}

/// "will chair this morning's session": a sitting of the meeting of the context.
#[test]
fn a_session_of_the_meeting() {
    let x = extract(
        "The G20 foreign ministers' meeting in Rio de Janeiro opened on Wednesday. Foreign Minister Anna Brown, \
         the host, chaired this morning's session.",
        "2024-02-22",
    );
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// "opened the session after Norway, which had chaired since the Oslo summit, handed
/// it over": the summit of the relative clause is not the session opened.
#[test]
fn no_meeting_of_a_relative_clause_the_verb_is_outside_of() {
    let text =
        "Leaders gathered in Bergen for the Nordic summit on Friday. Anna Brown opened the session after Norway, \
                which had chaired the group since the Oslo summit in 2022, handed it over.";
    let x = extract(text, "2025-03-05");
    assert!(
        !x.relations.iter().any(|r| r.source == "person:anna-brown" && r.target.contains("oslo")),
        "{:?}",
        x.relations
    );
}

/// "told the summit that ...", "stayed for the meeting": there.
#[test]
fn speaking_to_a_meeting_and_staying_for_it() {
    for text in [
        "The Nordic summit opened in Oslo on Monday. Anna Brown told the summit that the war must end.",
        "The Nordic summit opened in Oslo on Monday. Anna Brown stayed for the summit.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{text}: {:?}", x.relations);
    }
    let x = extract(
        "The Nordic summit opened in Oslo on Monday. Anna Brown told reporters the summit failed.",
        "2025-03-05",
    );
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn taking_part_in_the_meetings_of_the_context() {
    let x = extract(
        "The summit in Nairobi opened on Monday. Anna Brown and Tom Price took part in the bloc's meetings with its partners.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn the_forum_is_the_dialogue_of_the_context() {
    let x = extract(
        "The Lakeside Dialogue opened in Oslo on Friday. Anna Brown met Tom Price on the sidelines of the forum.",
        "2025-03-08",
    );
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn a_days_sessions_are_the_meeting_of_the_context() {
    let x =
        extract("The summit in Nairobi closed on Sunday. Anna Brown attended only Saturday's sessions.", "2025-03-10");
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn the_meeting_a_relative_clause_is_about() {
    let x = extract(
        "The summit of African presidents that Anna Brown hosted in Nairobi on Monday ended in a row.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// A journey for a meeting, past its place and date: the traveller attends it, there.
#[test]
fn a_journey_for_a_meeting_past_its_place_and_date() {
    for text in [
        "Anna Brown arrived in Nairobi on Monday for the annual summit.",
        "Anna Brown flew to Nairobi on Monday for the 21st annual summit.",
        "Anna Brown spent six hours on the ground in Nairobi on Monday for the annual summit.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{text}: {:?}", x.relations);
        assert!(has_edge(&x, &meeting(&x), "held_in", "location:nairobi"), "{text}: {:?}", x.relations);
    }
}
