use crate::test_support::{extract, extract_all, has_edge};

fn meeting(x: &crate::model::Extraction) -> String {
    x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default()
}

#[test]
fn frames_name_the_participants() {
    let cases: &[(&str, &[&str])] = &[
        ("The summit in Nairobi was attended by Anna Brown and Tom Price.", &["anna-brown", "tom-price"]),
        (
            "Amos Kiprono convened a summit in Nairobi on Monday, attended by Anna Brown, Tom Price and Paul Okello.",
            &["amos-kiprono", "anna-brown", "tom-price", "paul-okello"],
        ),
        (
            "The talks in Vienna were co-chaired by Anna Brown and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The talks were held in Vienna and were hosted by Foreign Minister Anna Brown.",
            &["anna-brown"],
        ),
        (
            "A summit opened in Nairobi on Monday, attended by dozens of leaders, including Anna Brown and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi brought together Anna Brown, Tom Price and Paul Okello.",
            &["anna-brown", "tom-price", "paul-okello"],
        ),
        (
            "The summit in Nairobi ended on Monday.\nThe retreat, the first of its kind, brought together nine of the ten \
             East African heads of state: besides Anna Brown, Tom Price and Paul Okello sat at the table.",
            &["anna-brown", "tom-price", "paul-okello"],
        ),
        (
            "The summit in Nairobi ended on Monday. Leaders who attended included Anna Brown, on her first trip \
             to Africa, and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi ended on Monday. Leaders who attended included Anna Brown and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi ended on Monday. Anna Brown and Tom Price were among those in the room.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The talks in Vienna lasted three hours. Anna Brown was joined by envoy Tom Price; Ivan Petrov brought his aide Paul Okello.",
            &["anna-brown", "tom-price", "ivan-petrov", "paul-okello"],
        ),
        (
            "The summit in Nairobi opened on Monday. Forty delegations are taking part, among them Anna Brown and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. The leaders were joined by guests including Anna Brown and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. Kenya sent Foreign Minister Anna Brown.",
            &["anna-brown"],
        ),
        (
            "The summit in Nairobi opened on Monday. Chile is represented by Tom Price, a senior diplomat.",
            &["tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. Chile, which joined last year, was represented by Tom Price.",
            &["tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. Chile's Lea Novak, who sent her foreign minister, Tom Price.",
            &["tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. Lea Novak, citing a busy schedule, sent Foreign Minister \
             Tom Price to lead Chile's delegation.",
            &["tom-price"],
        ),
        (
            "Lea Novak hosted the signing ceremony in Nairobi, where Anna Brown and Tom Price signed the accord.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. Among those taking part were Anna Brown and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
        (
            "The summit in Nairobi opened on Monday. The leaders were joined in the meeting by their advisers: \
             Anna Brown, Director of the Office; and Tom Price.",
            &["anna-brown", "tom-price"],
        ),
    ];
    for (text, persons) in cases {
        let x = extract(text, "2025-03-05");
        for p in *persons {
            assert!(has_edge(&x, &format!("person:{p}"), "attends", &meeting(&x)), "{p} in {text}: {:?}", x.relations);
        }
    }
}

#[test]
fn frames_keep_their_status_and_stay_in_their_frame() {
    let text = "A summit in Nairobi is planned for next week. Leaders expected to attend include Anna Brown.";
    let all = extract_all(text, "2025-03-05");
    assert!(all.relations.iter().all(|r| r.kind.as_str() != "attends" || r.status.as_str() != "occurred"));
    // A delegation's members are not a list of those present.
    let x = extract("The talks in Vienna lasted three hours. The delegation included Anna Brown.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
    // "brought up" is no company.
    let x = extract("The talks in Vienna lasted three hours. Anna Brown brought up Tom Price.", "2025-03-05");
    assert!(!has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
    // A leader sending someone somewhere: no envoy at the meeting.
    let x = extract("The summit in Nairobi opened on Monday. Lea Novak sent Anna Brown to Oslo.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
    // Sent something to someone: no envoy.
    let x = extract("The summit in Nairobi opened on Monday. Kenya sent Anna Brown a letter.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
    // The passive of a verb that is not attendance.
    let x = extract("The summit in Nairobi was criticised by Anna Brown.", "2025-03-05");
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn a_country_in_apposition_represented_by_its_envoy() {
    let x = extract(
        "The summit in Nairobi opened on Monday. Ghana, a member since July, was represented by Foreign Minister Anna Brown.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn an_envoy_sent_in_place_after_a_refusal() {
    for text in [
        "The summit in Nairobi opened on Monday. Lea Novak skipped it and sent Anna Brown in her place.",
        "The summit in Nairobi opened on Monday. Foreign Minister Ivo Marek cancelled plans to attend, and Foreign Minister Lea Novak sent Anna Brown in her place.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{text}: {:?}", x.relations);
        assert!(!has_edge(&x, "person:lea-novak", "attends", &meeting(&x)), "{text}: {:?}", x.relations);
    }
    // The meeting the sender stayed away from, not the one the story is about.
    let x = extract(
        "Lea Novak will attend the summit in Nairobi on Monday. Novak, who skipped last year's summit in Accra and sent Anna Brown in her place, arrives on Sunday.",
        "2025-03-05",
    );
    let accra = x
        .entities
        .iter()
        .find(|e| e.id.starts_with("meeting:") && e.id.contains("accra"))
        .map(|e| e.id.clone())
        .unwrap_or_default();
    assert!(has_edge(&x, "person:anna-brown", "attends", &accra), "{:?}", x.relations);
    assert!(
        x.relations.iter().filter(|r| r.kind.as_str() == "attends" && r.source == "person:anna-brown").count() == 1
    );
    // No one has been sent to next year's summit.
    let x = extract(
        "Leaders will meet at next year's summit in Lima. He hoped to see Lea Novak: she stayed away and sent Premier Anna Brown.",
        "2025-03-05",
    );
    assert!(
        !x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == "person:anna-brown"),
        "{:?}",
        x.relations
    );
    // A plan is still a plan for the second verb: no past tense after "and".
    let x = extract(
        "The summit in Nairobi opens on Monday. Lea Novak will skip it and send Anna Brown in her place.",
        "2025-03-05",
    );
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

#[test]
fn guests_and_leaders_sent_attend() {
    let x = extract(
        "The summit opened in Nairobi on Monday. Guests of the chair included Anna Brown and Tom Price.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
    let x = extract(
        "The summit opened in Nairobi on Monday. The governments sent their top leaders, among them Anna Brown and Tom Price.",
        "2025-03-05",
    );
    assert!(has_edge(&x, "person:tom-price", "attends", &meeting(&x)), "{:?}", x.relations);
    // Guests at a dinner are not at the summit.
    let x = extract(
        "The summit opened in Nairobi on Monday. Guests at the dinner included Anna Brown and Tom Price.",
        "2025-03-05",
    );
    assert!(!has_edge(&x, "person:anna-brown", "attends", &meeting(&x)), "{:?}", x.relations);
}

/// Presence told with "to be", and who "joined on the X side".
#[test]
fn present_at_the_table() {
    let lead = "President Tom Hill met Russian President Ivan Petrov for talks in Sochi on Monday. ";
    for (rest, persons) in [
        ("Also at the table were Sergei Orlov and Yuri Usov.", &["sergei-orlov", "yuri-usov"][..]),
        ("Also present were Sergei Orlov and Yuri Usov.", &["sergei-orlov", "yuri-usov"][..]),
        ("Sergei Orlov and Yuri Usov were also present.", &["sergei-orlov", "yuri-usov"][..]),
        ("Sergei Orlov sat in, while Anna Brown joined on the American side.", &["anna-brown"][..]),
        ("On the American side, Anna Brown and John Kerr joined the conversation.", &["anna-brown", "john-kerr"][..]),
    ] {
        let x = extract(&format!("{lead}{rest}"), "2023-09-04");
        for p in persons {
            assert!(has_edge(&x, &format!("person:{p}"), "attends", "meeting:talks-sochi@2023-09-04"), "{rest}: {p}");
        }
    }
    // "was not present" is no presence.
    let x = extract(&format!("{lead}Anna Brown was not present."), "2023-09-04");
    assert!(!has_edge(&x, "person:anna-brown", "attends", "meeting:talks-sochi@2023-09-04"), "{:?}", x.relations);
}

/// The meeting a sender stayed away from, in its relative clause, is not the one its
/// envoy was sent to.
#[test]
fn an_envoy_is_not_sent_to_the_meeting_stayed_away_from() {
    let x = extract(
        "Talks on peace opened in Jeddah on Saturday. China, which had stayed away from talks in Copenhagen in \
         June, sent Li Hui, its special representative.",
        "2023-08-07",
    );
    assert!(
        !x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.target.contains("copenhagen")),
        "{:?}",
        x.relations
    );
}

/// "A and B are at the table", "On the UK side is C": all three attend.
#[test]
fn at_the_table_and_on_a_side() {
    let x = crate::test_support::extract(
        "The Nordic summit opened in Oslo on Monday. Anna Brown and Tom Price are at the table with their teams. \
         On the Swedish side is Ivan Petrov, the trade minister.",
        "2025-03-05",
    );
    let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
    for p in ["person:anna-brown", "person:tom-price", "person:ivan-petrov"] {
        assert!(crate::test_support::has_edge(&x, p, "attends", &m), "{p}: {:?}", x.relations);
    }
}

/// "Norway sent Deputy Prime Minister A": the envoy's office is Norway's.
#[test]
fn an_envoy_holds_office_for_the_sender() {
    let x = crate::test_support::extract(
        "The Nordic summit opened in Oslo on Monday. Norway, a founding member, sent Deputy Prime Minister Anna Brown.",
        "2025-03-05",
    );
    assert!(crate::test_support::has_edge(&x, "person:anna-brown", "official_of", "country:no"), "{:?}", x.relations);
}

/// "with A and B in attendance": both attend the meeting the clause names.
#[test]
fn in_attendance() {
    let x = extract(
        "President Tom Hill hosted the summit in Oslo on Monday, with Prime Minister Anna Brown and Premier Ivan \
         Petrov in attendance.",
        "2024-05-27",
    );
    let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
    for p in ["person:anna-brown", "person:ivan-petrov"] {
        assert!(has_edge(&x, p, "attends", &m), "{p}: {:?}", x.relations);
    }
}

/// "A, host of the summit, received ...": the host is there; not "host of the podcast"
/// when no meeting is told.
#[test]
fn the_host_in_apposition() {
    let x = extract(
        "The Nordic summit opened in Oslo on Monday. Prime Minister Anna Brown, host of the summit, received the \
         leaders.",
        "2024-05-27",
    );
    let m = x.entities.iter().find(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).unwrap_or_default();
    assert!(has_edge(&x, "person:anna-brown", "attends", &m), "{:?}", x.relations);
}

/// Mourners are at a funeral: not at talks told last, at the funeral when it is told.
#[test]
fn mourners_are_at_a_funeral() {
    let text = "Anna Brown held talks with Tom Price in Nairobi on Monday. Among the mourners were Paul Okello and \
                Ivan Petrov.";
    let x = extract(text, "2025-03-03");
    assert!(!has_edge(&x, "person:paul-okello", "attends", &meeting(&x)), "{:?}", x.relations);
    let text = "The funeral was held in Nairobi on Monday. Among the mourners were Paul Okello and Ivan Petrov.";
    let x = extract(text, "2025-03-03");
    assert!(has_edge(&x, "person:paul-okello", "attends", &meeting(&x)), "{:?}", x.relations);
}
