use crate::test_support::{extract, extract_all, has_edge, meeting_date};

fn meetings(x: &crate::model::Extraction) -> Vec<String> {
    x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).collect()
}

fn meeting_labels(x: &crate::model::Extraction) -> Vec<&str> {
    x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.label.as_str()).collect()
}

/// Meetings that must stay apart: the one someone stayed away from and the one
/// they held that day; one that took place and one still to come.
#[test]
fn separate_meetings_stay_apart() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "The talks were held in Oslo on Tuesday. Anna Brown did not take part in the talks. \
             She met Ivan Petrov in Oslo on Monday, before leaving the negotiations to her team.",
            "person:anna-brown",
            "meeting:talks-oslo",
        ),
        (
            "Anna Brown met Tom Price in Oslo. Anna Brown will meet Ivan Petrov in Oslo on Friday.",
            "person:ivan-petrov",
            "meeting:meeting-oslo",
        ),
    ];
    for (text, person, meeting) in cases {
        let x = extract_all(text, "2025-03-05");
        let ids = meetings(&x);
        assert_eq!(ids.len(), 2, "{text}: {ids:?}");
        assert!(
            !x.relations.iter().any(|r| r.source == *person
                && r.kind.as_str() == "attends"
                && r.status == crate::model::Status::Occurred
                && (r.target == *meeting || r.target.starts_with(&format!("{meeting}@")))
                && !r.target.contains("petrov")),
            "{text}: {:?}",
            x.relations
        );
    }
}

/// "talks in Norway" and "the meeting in Oslo" are one event: the city is kept.
#[test]
fn country_and_city_mentions_merge() {
    let x = extract("Talks in Norway ended on Monday. Officials spoke after the meeting in Oslo.", "2025-03-05");
    let ids = meetings(&x);
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(has_edge(&x, &ids[0], "held_in", "location:oslo"), "{:?}", x.relations);
}

#[test]
fn described_cities_and_where() {
    let cases: &[(&str, &str)] = &[
        ("The summit in the Baltic Sea port city of Gdansk ended.", "location:gdansk"),
        ("Talks were held in the Norwegian city of Bergen on Monday.", "location:bergen"),
        ("Anna Brown flew from Oslo to Bergen, where Ivan Petrov hosted her for a summit.", "location:bergen"),
        ("Envoys arrived in Rijeka on Croatia's Adriatic coast, where they held a meeting.", "location:rijeka"),
        ("Anna Brown said the meeting in Norway on Monday, near Bergen, went well.", "location:bergen"),
    ];
    for (text, place) in cases {
        let x = extract(text, "2025-03-05");
        let ids = meetings(&x);
        assert_eq!(ids.len(), 1, "{text}: {ids:?}");
        assert!(has_edge(&x, &ids[0], "held_in", place), "{text}: {:?}", x.relations);
    }
}

#[test]
fn the_start_of_a_stretch_of_time_is_no_date() {
    let x = extract("It was the first visit to Norway by a Kenyan leader since 2018.", "2025-03-05");
    let ids = meetings(&x);
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(meeting_date(&x, &ids[0]), None);
}

/// A bare "the summit" is the meeting called a summit, not the last meeting named.
#[test]
fn the_summit_is_the_meeting_called_so() {
    let x = extract(
        "Anna Brown hosted a regional summit in Oslo on Monday. In a speech to the summit, Tom Price \
         recalled their meeting in Paris last month. Foreign Minister Greta Lind attended the summit.",
        "2025-03-05",
    );
    let summit = meetings(&x).into_iter().find(|m| m.contains("oslo")).unwrap_or_default();
    assert!(has_edge(&x, "person:greta-lind", "attends", &summit), "{:?}", x.relations);
    assert!(!x.relations.iter().any(|r| r.source == "person:greta-lind" && r.target.contains("paris")));
}

/// The dateline city is where the talks the lead reports were held.
#[test]
fn talks_in_the_lead_are_in_the_dateline_city() {
    let x = extract(
        "OSLO, Norway, March 5 (Reuters) - Norwegian Prime Minister Anna Brown said on Wednesday after hosting \
         talks between the two sides that a deal was near.\nTom Price attended the talks.",
        "2025-03-05",
    );
    assert!(meetings(&x).iter().any(|m| m.starts_with("meeting:talks-oslo")), "{:?}", meetings(&x));
    let x = extract(
        "OSLO, Norway, March 5 (Reuters) - Norwegian Prime Minister Anna Brown said peace talks had stalled.",
        "2025-03-05",
    );
    assert!(meetings(&x).is_empty(), "{:?}", meetings(&x));
}

/// "The summit" of a datelined story that never says where it was: the dateline city.
#[test]
fn an_unplaced_summit_is_in_the_dateline_city() {
    let text = "OSLO, June 4 (Reuters) - Leaders agreed on a plan on Wednesday.\n\
                The summit was the first since last year's summit in Rome.";
    assert!(meetings(&extract(text, "2025-06-04")).iter().any(|m| m.starts_with("meeting:meeting-oslo")));
    let text = "OSLO, June 4 (Reuters) - Leaders agreed on a plan on Wednesday.\n\
                The summit in Geneva ended. The summit was short.";
    assert!(!meetings(&extract(text, "2025-06-04")).iter().any(|m| m.contains("oslo")));
}

/// A bare "the summit" says nothing of whether one still planned took place, and one
/// told in the past tense is another.
#[test]
fn a_planned_summit_stays_planned() {
    let x = extract_all("Norway will host next year's summit in Oslo. The summit is seen as crucial.", "2025-06-04");
    let oslo = x.entities.iter().find(|e| e.id.starts_with("meeting:meeting-oslo"));
    assert!(oslo.is_some_and(|m| m.attributes.get("status").is_some_and(|s| s == "planned")), "{:?}", x.entities);
    let text = "ROME, June 4 (Reuters) - Leaders agreed on a plan on Wednesday.\n\
                Norway will host next year's summit in Oslo. The summit was the first in Rome.";
    assert!(meetings(&extract(text, "2025-06-04")).iter().any(|m| m.starts_with("meeting:meeting-rome")));
}

/// "the summit" is the story's summit, not one of its backstory named last.
#[test]
fn the_summit_is_the_story_summit() {
    let x = extract(
        "Leaders gathered at a regional summit in Oslo on Monday. The summit opened with a speech. \
         Anna Brown and Tom Price first met at a summit in Rome in 2019. \
         Foreign Minister Greta Lind attended the summit.",
        "2025-03-05",
    );
    assert!(
        x.relations.iter().any(|r| r.source == "person:greta-lind" && r.target.contains("oslo")),
        "{:?}",
        x.relations
    );
    assert!(!x.relations.iter().any(|r| r.source == "person:greta-lind" && r.target.contains("rome")));
}

/// "in <place>" after the topic of the talks is where the topic is, not the talks.
#[test]
fn the_place_of_the_topic_is_not_the_meeting_place() {
    let x = extract("The Summit on Peace in Norway opened at a lakeside resort in Oslo on Sunday.", "2025-03-05");
    let ids = meetings(&x);
    assert!(ids.iter().all(|m| !m.contains("norway")), "{ids:?}");
    let x = extract("Talks on the war in Norway were held in Oslo on Sunday.", "2025-03-05");
    assert!(meetings(&x).iter().any(|m| m.contains("oslo")), "{:?}", meetings(&x));
}

/// The places of what a meeting was used for are not where it was held.
#[test]
fn no_place_after_by_and_a_gerund() {
    let x = crate::test_support::extract(
        "Anna Brown opened her meeting with Tom Price by offering condolences over the attack near Oslo.",
        "2025-03-05",
    );
    assert!(!x.relations.iter().any(|r| r.kind.as_str() == "held_in"), "{:?}", x.relations);
}

/// The date of a "since" clause starts a stretch of time: it is not the meeting's.
#[test]
fn no_date_from_a_since_clause() {
    let x = extract("It was Anna Brown's first visit to Kenya since she won last week's election.", "2025-05-06");
    let dated = x.entities.iter().any(|e| e.id.starts_with("meeting:") && e.attributes.contains_key("date"));
    assert!(!dated, "{:?}", x.entities);
}

/// A summit two leaders held is no organisation's: "the G7 summit" told later is
/// another meeting, and a summit planned beside it keeps its own status.
#[test]
fn an_organisations_summit_is_not_a_bilateral_one() {
    let text = "ACCRA, May 7 -- Anna Brown and Tom Price held a summit in Accra on Sunday. \
                A three-way summit with Ivan Petrov on the sidelines of the G7 summit is being arranged.";
    let x = extract(text, "2025-05-07");
    assert!(!has_edge(&x, "person:ivan-petrov", "attends", "meeting:meeting-accra"), "{:?}", x.relations);
    assert!(meetings(&x).iter().all(|m| !m.starts_with("meeting:g7-meeting-accra")), "{:?}", meetings(&x));
    let to_g7 = x.relations.iter().find(|r| r.source == "person:ivan-petrov" && r.target.starts_with("meeting:g7"));
    assert!(to_g7.is_none_or(|r| r.status == crate::model::Status::Planned), "{:?}", x.relations);
}

/// The place and date of the summit a meeting sat beside are its own; a sidelines
/// meeting that "never took place" leaves the summit held.
#[test]
fn a_meeting_beside_a_summit_takes_its_setting() {
    let x = extract(
        "Anna Brown recalled her meeting with Tom Price on the sidelines of the G20 summit in Oslo last November.",
        "2025-05-06",
    );
    assert!(meetings(&x).iter().any(|m| m.contains("oslo")), "{:?}", meetings(&x));
    assert_eq!(meeting_date(&x, "meeting:meeting-oslo@2024-11").as_deref(), Some("2024-11"), "{:?}", meetings(&x));
    let x = extract(
        "A meeting planned between the two on the sidelines of the G7 summit in Oslo in May never took place.",
        "2025-09-06",
    );
    assert!(meetings(&x).iter().any(|m| m.starts_with("meeting:g7-meeting-oslo")), "{:?}", meetings(&x));
}

/// "next year's summit" is called "summit in Oslo": the time is no part of its name.
#[test]
fn a_time_possessive_is_no_part_of_the_label() {
    let x = extract("Anna Brown said Tom Price would be welcome at next year's summit in Oslo.", "2025-05-06");
    let labels = meeting_labels(&x);
    assert_eq!(labels, ["summit in Oslo"]);
}

/// A meeting "at Lancaster House in London" is held in London.
#[test]
fn a_building_in_a_city_places_the_meeting_in_the_city() {
    let x = extract("Anna Brown hosted the summit at Lancaster House in London on Monday.", "2025-03-05");
    assert!(meetings(&x).iter().any(|m| m.contains("london")), "{:?}", meetings(&x));
}

/// Two meetings called alike are told apart by the year of the older one.
#[test]
fn meetings_called_alike_are_told_apart_by_year() {
    let x = extract(
        "Kenya and Ghana signed the deal at a White House ceremony on Tuesday. Their neighbours had signed \
         theirs at a White House ceremony in 1979.",
        "2025-03-05",
    );
    let mut labels = meeting_labels(&x);
    labels.sort_unstable();
    assert_eq!(labels, ["White House ceremony", "White House ceremony in 1979"]);
}

/// A summit "pencilled in" for next year is still to come.
#[test]
fn a_pencilled_in_summit_is_planned() {
    let x = extract_all("A second summit is pencilled in for next year, probably in Oslo.", "2025-03-05");
    let status = x.entities.iter().find(|e| e.id.starts_with("meeting:")).and_then(|e| e.attributes.get("status"));
    assert_eq!(status.map(String::as_str), Some("planned"), "{:?}", x.entities);
}

/// "the first UK-EU summit": the compound of the two sides is part of the label.
#[test]
fn a_compound_of_the_two_sides_is_part_of_the_name() {
    let x = extract("Anna Brown hosted the first Kenya-EU summit in Nairobi on Monday.", "2025-03-05");
    let labels = meeting_labels(&x);
    assert_eq!(labels, ["Kenya-EU summit in Nairobi"]);
}

/// A date inside a relative clause after the meeting is that clause's event's.
#[test]
fn no_date_from_a_relative_clause() {
    let x = extract(
        "Anna Brown closed the summit in Oslo by handing the gavel to Tom Price, whose country takes over in December.",
        "2025-09-06",
    );
    let dated = x.entities.iter().any(|e| e.id.starts_with("meeting:") && e.attributes.contains_key("date"));
    assert!(!dated, "{:?}", x.entities);
}

/// A meeting of two is labelled by the surnames the text used: "Xi", not "Jinping".
#[test]
fn a_pair_label_uses_the_surname_the_text_used() {
    let x = extract(
        "The talks in Beijing ended on Monday. Xi Jinping met Anna Brown in Beijing on Tuesday. Xi praised her.",
        "2025-03-05",
    );
    let labels = meeting_labels(&x);
    assert!(labels.contains(&"Xi\u{2013}Brown meeting"), "{labels:?}");
}

/// A story told months after its summit: "the summit" is still that summit, and the
/// unnamed one is labelled by its noun.
#[test]
fn the_summit_of_a_story_told_months_later() {
    let x = extract(
        "The Lakeside Summit opened in Nairobi on March 3. Foreign Minister Greta Lind said at the summit that trade came first.",
        "2025-11-15",
    );
    let summit = meetings(&x).into_iter().next().unwrap_or_default();
    assert!(has_edge(&x, "person:greta-lind", "attends", &summit), "{:?}", x.relations);
    let x = extract("OSLO, March 3 (Reuters) - Greta Lind chaired the summit on Monday.", "2025-03-04");
    assert_eq!(meeting_labels(&x), ["summit in Oslo"]);
}

/// "in Brussels for the summit" names no organiser: it is the organiser's summit told
/// there, not a second one; "the meeting in Riyadh" is not the summit of another noun.
#[test]
fn a_summit_without_its_organiser_is_the_one_there() {
    let x = extract(
        "The NATO summit opened in Brussels on Wednesday. Polish President Jan Kowal, in Brussels for the summit, \
         said allies must pay more.",
        "2025-06-25",
    );
    assert_eq!(meetings(&x).len(), 1, "{:?}", meeting_labels(&x));
    let x = extract(
        "Anna Brown met Tom Price in Riyadh on Wednesday. Later Brown attended a summit of the Gulf Cooperation \
         Council in Riyadh. Ivan Petrov, who sat in on the meeting in Riyadh, said little.",
        "2025-05-14",
    );
    assert_eq!(meetings(&x).len(), 2, "{:?}", meeting_labels(&x));
}

/// Two meetings of two in one building, with different pairs, are two meetings; the
/// building takes its article in the label.
#[test]
fn two_pairs_in_one_building() {
    let text = "Anna Brown held talks with Tom Price in the Oval Office. The following day, Tom Price's meeting \
                with Ivan Petrov in the Oval Office ended in a row.";
    let x = extract(text, "2025-03-04");
    assert_eq!(meetings(&x).len(), 2, "{:?}", meetings(&x));
    assert!(meeting_labels(&x).contains(&"talks in the Oval Office"), "{:?}", meeting_labels(&x));
    assert!(!x
        .relations
        .iter()
        .any(|r| r.source == "person:ivan-petrov" && r.kind.as_str() == "attends" && r.target.contains("talks")));
}

/// `is_called` compares without copies what the lower-case copy of each name contains.
#[test]
fn called_as_the_lower_case_copy_contains() {
    let names = ["G20 Summit", "SUMMIT", "summit", "Sümmit summits", "", "sum", "ÜMIT Summit", "Ceremony"];
    for label in names {
        for alias in names {
            let mut e = crate::analysis::Ent::new(crate::model::EntityKind::Meeting, label);
            e.aliases.insert(alias.to_string());
            for noun in ["summit", "", "ümit", "Summit", "ceremony", "t summits"] {
                let copied =
                    std::iter::once(&e.label).chain(e.aliases.iter()).any(|s| s.to_ascii_lowercase().contains(noun));
                assert_eq!(super::is_called(&e, noun), copied, "{label} {alias} {noun}");
            }
        }
    }
}
