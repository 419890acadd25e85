use crate::test_support::{extract, has_edge, meeting_date};

#[test]
fn talks_with_place_and_date_then_a_bare_reference() {
    let x = extract("Peace talks will take place in Doha on June 3. The talks are expected to be hard.", "2024-05-30");
    let meetings: Vec<_> = x.entities.iter().filter(|e| e.id.starts_with("meeting:")).collect();
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    assert!(has_edge(&x, &meetings[0].id, "held_in", "location:doha"));
    assert_eq!(meeting_date(&x, &meetings[0].id).as_deref(), Some("2024-06-03"));
}

fn meetings(x: &crate::model::Extraction) -> Vec<String> {
    x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.id.clone()).collect()
}

/// Nouns that make a meeting only in some phrases, and those they make none in.
#[test]
fn meeting_nouns() {
    let cases: &[(&str, usize)] = &[
        ("Anna Brown told a news conference in Oslo that the plan was dead.", 0),
        ("The press conference in Oslo was cancelled.", 0),
        ("A wreath-laying ceremony in Oslo opened the day.", 0),
        ("A signing ceremony in Oslo on Monday sealed the deal.", 1),
        ("A gathering of envoys in Oslo on Monday ended without a deal.", 1),
        ("A gathering of envoys in Oslo ended without a deal.", 0),
        ("The visit followed Anna Brown's historic trip to Oslo.", 1),
        ("She will end the trip in Bergen on Friday.", 0),
        ("Envoys met for the 24th round of talks in Oslo on Monday.", 1),
        ("Anna Brown and Tom Price signed the accord at a ceremony in Oslo.", 1),
        ("Anna Brown attended the funeral of the king in Oslo on Monday.", 1),
        ("The conference centre in Oslo was full on Monday.", 0),
        ("Tom Price flew to Oslo for the inauguration of Anna Brown.", 1),
        // A numbered session is a meeting, not a body.
        ("The 38th Ordinary Session of the Assembly of the Union closed in Oslo on Sunday.", 1),
        ("The session in Oslo on Sunday ran late.", 0),
        // A numbered round in a story of talks; not one of voting.
        ("Envoys held talks again. The first round took place in Oslo on April 12.", 1),
        ("The first round of voting took place in Oslo on April 12.", 0),
        ("The first round took place in Oslo on April 12.", 0),
        // ... or one named by its city.
        ("Envoys held talks again. The Oslo round, held on April 12, produced a truce.", 1),
        // Rounds of other numbers are other meetings, in one place.
        ("Talks resumed. The first round was held in Oslo on May 2. The second round, in Oslo, went badly.", 2),
    ];
    for (text, want) in cases {
        let x = extract(text, "2025-03-05");
        assert_eq!(meetings(&x).len(), *want, "{text}: {:?}", meetings(&x));
    }
}

/// A verb still to come before the noun makes the meeting a plan.
#[test]
fn a_coming_verb_before_the_noun_is_a_plan() {
    for text in [
        "Anna Brown leaves for Oslo, where she is due to attend a forum on trade and to hold talks in Oslo.",
        "Anna Brown will hold talks in Oslo.",
    ] {
        let x = crate::test_support::extract_all(text, "2025-03-05");
        let found = x.entities.iter().find(|e| e.id.starts_with("meeting:"));
        let status = found.and_then(|e| e.attributes.get("status")).map(String::as_str);
        assert_eq!(status, Some("planned"), "{text}: {:?}", found);
    }
}

/// A comparison with the plan ("than expected", "as planned") is no plan; a summit
/// that collapsed took place.
#[test]
fn compared_with_the_plan_took_place() {
    for text in [
        "The summit in Oslo was over faster than anyone had expected.",
        "The summit in Oslo went ahead as planned.",
        "The summit in Oslo collapsed on Thursday without a deal.",
        // The relative clause of another meeting is that meeting's.
        "The summit in Oslo, and the Bergen talks that never happened.",
    ] {
        let x = extract(text, "2025-03-05");
        let found = x.entities.iter().find(|e| e.id.starts_with("meeting:"));
        let status = found.and_then(|e| e.attributes.get("status")).map(String::as_str);
        assert_eq!(status, Some("occurred"), "{text}: {:?}", found);
    }
}

/// Dates read around a meeting noun: the day before the clause's date for "a day
/// after", a coming weekday when the clause speaks of a plan, and none from a
/// relative clause's neighbour.
#[test]
fn meeting_dates() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("On Wednesday, a day after talks in Oslo, Anna Brown flew home.", "meeting:talks-oslo", Some("2025-03-04")),
        ("Anna Brown will attend a summit in Oslo on Monday.", "meeting:meeting-oslo", Some("2025-03-10")),
        ("Talks in Oslo are scheduled for Saturday.", "meeting:talks-oslo", Some("2025-03-08")),
        (
            "Anna Brown, who attended the summit in Oslo, said she would meet Ivan Petrov in Bergen on Friday.",
            "meeting:meeting-oslo",
            None,
        ),
        // A bare year before the noun: the summit of that year, not this month's.
        (
            "Leaders met at the Nordic summit in Oslo in May 2019. Anna Brown hosted the 2019 summit.",
            "meeting:meeting-oslo",
            Some("2019-05"),
        ),
    ];
    for (text, id, want) in cases {
        let x = extract(text, "2025-03-06");
        let found = x.entities.iter().find(|e| e.id == *id || e.id.starts_with(&format!("{id}@")));
        assert!(found.is_some(), "{text}: {:?}", meetings(&x));
        let date = found.and_then(|e| e.attributes.get("date")).map(String::as_str);
        assert_eq!(date, *want, "{text}");
    }
}

/// Talks that something follows took place, whatever is said of the thing; talks
/// only offered did not.
#[test]
fn talks_that_a_proposal_follows() {
    let x = extract("Norway said it was ready to accept a proposal after eight hours of talks in Oslo.", "2025-03-05");
    assert_eq!(meetings(&x).len(), 1, "{:?}", meetings(&x));
    let x = extract("Norway said it was ready to hold talks in Oslo.", "2025-03-05");
    assert!(meetings(&x).is_empty(), "{:?}", meetings(&x));
}

#[test]
fn named_summit_with_a_date_before_it() {
    let x = extract("They spoke at the November 2023 Lakeside Summit.", "2024-08-28");
    let m = x.entities.iter().find(|e| e.label == "Lakeside Summit");
    assert!(m.is_some(), "{:?}", x.entities);
    assert_eq!(m.and_then(|m| m.attributes.get("date")).map(String::as_str), Some("2023-11"));
}

/// A summit told by its organiser alone is a meeting; it is the story's summit placed
/// elsewhere, and another pair of sides makes another summit.
#[test]
fn summits_told_by_their_organiser() {
    let x = extract("Anna Brown attended the NATO summit.", "2025-03-05");
    assert_eq!(meetings(&x), ["meeting:nato-meeting"]);
    assert!(has_edge(&x, "person:anna-brown", "attends", "meeting:nato-meeting"), "{:?}", x.relations);

    let text = "Leaders met at a regional summit in Nairobi on Monday. The African Union summit adopted a declaration.";
    assert_eq!(meetings(&extract(text, "2025-03-05")).len(), 1, "{text}");

    let text = "NAIROBI, March 3 (Reuters) - The summit opened on Monday with a call for peace.\n\
                Anna Brown, attending her last African Union summit, spoke first.";
    let x = extract(text, "2025-03-03");
    let ids = meetings(&x);
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(has_edge(&x, &ids[0], "held_in", "location:nairobi"), "{:?}", x.relations);

    let text = "The EU-China summit was held in Beijing on Thursday. Officials met at an EU-Japan summit.";
    assert_eq!(meetings(&extract(text, "2025-03-05")).len(), 2, "{text}");
}

/// A clause about a person is not where the meeting took place.
#[test]
fn no_place_from_a_clause_about_a_person() {
    let x = extract("Anna Brown held a meeting with Tom Price, whose wedding in Oslo she attended.", "2025-03-05");
    assert!(!x.relations.iter().any(|r| r.kind.as_str() == "held_in"), "{:?}", x.relations);
}

/// A region in a summit's name is not where it was held.
#[test]
fn a_region_in_a_name_is_no_place() {
    let x = extract("Leaders gathered for the East Asia Summit in Jakarta on Thursday.", "2025-03-05");
    assert!(
        !x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.target == "location:east-asia"),
        "{:?}",
        x.relations
    );
}

/// A plural possessive inside a capitalised name is part of the name.
#[test]
fn a_possessive_inside_a_name() {
    let x = extract("The leaders met at the Nordic Leaders' Summit in Oslo on Monday.", "2025-03-05");
    assert!(x.entities.iter().any(|e| e.label == "Nordic Leaders' Summit"), "{:?}", x.entities);
}

/// A named meeting's "which" clause tells where it is held.
#[test]
fn a_which_clause_places_a_named_meeting() {
    let x = extract(
        "Anna Brown spoke at the Nordic Leaders' Summit, which Norway is hosting in Oslo this week.",
        "2025-03-05",
    );
    let m = x.entities.iter().find(|e| e.label == "Nordic Leaders' Summit").map(|e| e.id.clone()).unwrap_or_default();
    assert!(has_edge(&x, &m, "held_in", "location:oslo"), "{:?}", x.relations);
}

/// "the first meeting ... since 2016" describes its own sentence's event.
#[test]
fn the_first_meeting_since_is_no_reference() {
    let text = "Leaders met in Oslo on Monday. Anna Brown held talks with Tom Price, the first formal meeting between the two countries since 2016.";
    let x = extract(text, "2025-03-05");
    assert!(
        !x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == "person:tom-price"),
        "{:?}",
        x.relations
    );
}

/// "set the tone" is no plan; "set to open" is.
#[test]
fn set_the_tone_is_no_plan() {
    let x = extract("The summit in Oslo set the tone for the year.", "2025-03-05");
    assert!(x.entities.iter().any(|e| e.attributes.get("status").is_some_and(|s| s == "occurred")), "{:?}", x.entities);
    let x = extract("The summit in Oslo is set to open on Friday.", "2025-03-05");
    assert!(x.entities.iter().any(|e| e.attributes.get("status").is_some_and(|s| s == "planned")), "{:?}", x.entities);
}

/// "The summit" of a datelined story is the summit it names later in the dateline city.
#[test]
fn the_summit_is_the_one_named_later_in_the_dateline_city() {
    let text = "NAIROBI, Kenya (Reuters) - The summit adopted a declaration on Tuesday.\n\
                The African Union summit, held at a hotel in Nairobi, drew 40 leaders.";
    let x = extract(text, "2025-03-04");
    assert_eq!(meetings(&x).len(), 1, "{:?}", meetings(&x));
}

/// A place phrase that opens the sentence places talks held in its clause, not talks
/// someone there spoke of.
#[test]
fn a_fronted_place() {
    let x = extract("In Oslo, Anna Brown and Foreign Minister Greta Lind hold talks on Wednesday.", "2025-03-07");
    assert!(x.entities.iter().any(|e| e.id.starts_with("meeting:talks-oslo")), "{:?}", x.entities);
    let x = extract("Oct. 16 - Back in Oslo, Anna Brown and Foreign Minister Greta Lind hold talks.", "2025-10-20");
    assert!(x.entities.iter().any(|e| e.id.starts_with("meeting:talks-oslo")), "{:?}", x.entities);
    let x = extract("In Oslo, Foreign Minister Greta Lind said the talks would resume.", "2025-03-07");
    assert!(!x.entities.iter().any(|e| e.id.contains("oslo") && e.id.starts_with("meeting:")), "{:?}", x.entities);
}

/// A named forum is a meeting; a town's name that starts it, or a hotel's, names no town.
#[test]
fn a_named_dialogue_at_a_hotel() {
    let x = extract(
        "SINGAPORE, June 2 (Reuters) - The Shangri-La Dialogue, which closed here on Sunday, ended calmly. Leaders met at the Shangri-La Hotel. Both sides called for dialogue.",
        "2024-06-03",
    );
    let meetings: Vec<&str> =
        x.entities.iter().filter(|e| e.id.starts_with("meeting:")).map(|e| e.label.as_str()).collect();
    assert_eq!(meetings, ["Shangri-La Dialogue"], "{:?}", x.entities);
    assert!(!x.entities.iter().any(|e| e.id == "location:shangri-la"), "{:?}", x.entities);
    assert!(x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.target.ends_with(":sg")), "{:?}", x.relations);
}

/// A participle bringing in another event, and a "when" clause dated by the date before it.
#[test]
fn dates_of_a_repeated_format() {
    let x = extract(
        "On Monday, President Anna Brown held a three-way meeting in Paris with Foreign Minister Tom Price, repeating the format of April 2023, when Price joined Brown's state visit to China.",
        "2024-05-08",
    );
    let date = |place: &str| {
        x.entities
            .iter()
            .find(|e| e.id.starts_with("meeting:") && e.id.contains(place))
            .and_then(|e| e.attributes.get("date").cloned())
    };
    assert_eq!(date("paris").as_deref(), Some("2024-05-06"), "{:?}", x.entities);
    assert_eq!(date("china").as_deref(), Some("2023-04"), "{:?}", x.entities);
}

/// Talks promised or "further" are not yet held.
#[test]
fn further_talks_are_not_yet_held() {
    for text in [
        "President Anna Brown left Oslo on Wednesday with a promise of further trade talks.",
        "Anna Brown said further talks in Oslo would follow.",
    ] {
        let x = extract(text, "2025-03-07");
        let found = x.entities.iter().find(|e| e.id.starts_with("meeting:"));
        let status = found.and_then(|e| e.attributes.get("status")).map(String::as_str);
        assert_ne!(status, Some("occurred"), "{text}: {:?}", found);
    }
}

/// A dated signing at a place is a signing ceremony there; "the signing ceremony" and
/// "the White House meeting" refer to it, not to the talks held that day.
#[test]
fn a_signing_at_a_place_is_a_ceremony() {
    let x = extract(
        "WASHINGTON, Aug 8 (Reuters) - The leaders of Ruritania and Freedonia signed a declaration at the White House on Friday.\n\
         President Anna Brown hosted Prime Minister Tom Price and President Paul Okello for the signing ceremony after holding separate talks with each of them earlier in the day.\n\
         Okello said the White House meeting had changed everything.",
        "2025-08-08",
    );
    let ceremonies: Vec<&str> = x
        .entities
        .iter()
        .filter(|e| e.attributes.get("kind").is_some_and(|k| k == "ceremony"))
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ceremonies.len(), 1, "{:?}", x.entities);
    assert!(has_edge(&x, ceremonies[0], "held_in", "location:white-house"), "{:?}", x.relations);
    assert!(has_edge(&x, "person:tom-price", "attends", ceremonies[0]), "{:?}", x.relations);
    let meetings = x.entities.iter().filter(|e| e.id.starts_with("meeting:")).count();
    assert!(meetings <= 2, "{:?}", x.entities);
    // An order signed by one is no ceremony of parties.
    let x = extract("President Anna Brown signed an executive order at the White House on Monday.", "2025-08-08");
    assert!(!x.entities.iter().any(|e| e.id.starts_with("meeting:")), "{:?}", x.entities);
}

/// Talks a clause tells as past "after almost twelve hours" are held where the
/// story was filed; the forum an office serves is no meeting.
#[test]
fn hours_of_talks_and_an_office_for_a_dialogue() {
    let x = crate::test_support::extract(
        "OHRID, North Macedonia — The two sides agreed late on Saturday, Anna Brown said after almost twelve hours \
         of talks.",
        "2023-03-19",
    );
    assert!(
        x.entities.iter().any(|e| e.id.starts_with("meeting:talks-ohrid")),
        "{:?}",
        crate::test_support::entities(&x)
    );
    let x = crate::test_support::extract(
        "Anna Brown is the EU Special Representative for the Belgrade-Pristina Dialogue.",
        "2023-03-19",
    );
    assert!(!x.entities.iter().any(|e| e.id.starts_with("meeting:")), "{:?}", crate::test_support::entities(&x));
}

/// "where" stands for the place named last before it: a country too, but a country
/// that only qualifies the city before it leaves the city.
#[test]
fn where_stands_for_the_last_place() {
    let cases = [
        ("Anna Brown flew to Oslo for talks, and then to Sweden, where she attended the Nordic summit.", "country:se"),
        ("Anna Brown flew to Bergen, Norway, where she attended the Nordic summit.", "location:bergen"),
        ("Anna Brown flew from Oslo to Bergen, where she attended the Nordic summit.", "location:bergen"),
    ];
    for (text, place) in cases {
        let x = extract(text, "2025-03-05");
        let summit =
            x.relations.iter().find(|r| r.kind.as_str() == "held_in" && !r.source.starts_with("meeting:talks"));
        assert_eq!(summit.map(|r| r.target.as_str()), Some(place), "{text}: {:?}", x.relations);
    }
}

/// A numbered council is a session, one per number; an unnumbered one is a body.
#[test]
fn a_numbered_council_is_a_session() {
    let x = extract(
        "The 4th Nordic Cooperation Council was held in Oslo in March 2016. The 5th Nordic Cooperation Council \
         opened in Bergen on Monday.",
        "2025-03-05",
    );
    let ms = meetings(&x);
    assert_eq!(ms.len(), 2, "{ms:?}");
    assert!(!x.entities.iter().any(|e| e.id.starts_with("organization:")), "{:?}", x.entities);
    let x = extract("The Nordic Cooperation Council met in Oslo on Monday.", "2025-03-05");
    assert!(x.entities.iter().any(|e| e.id == "organization:nordic-cooperation-council"), "{:?}", x.entities);
}

/// A visit in apposition to being somewhere: "was in Oslo, his first visit since".
#[test]
fn a_visit_in_apposition_to_being_there() {
    for (text, status) in [
        ("The next day Anna Brown was in Oslo, her first visit since the war.", "occurred"),
        ("Anna Brown is due in Oslo on Thursday, her first visit in the post.", "planned"),
    ] {
        let x = extract(text, "2025-03-05");
        let visit = x.entities.iter().find(|e| e.id.starts_with("meeting:visit"));
        assert!(
            visit.is_some_and(|v| v.attributes.get("status").map(String::as_str) == Some(status)),
            "{text}: {:?}",
            x.entities
        );
        let id = visit.map(|v| v.id.clone()).unwrap_or_default();
        assert!(has_edge(&x, &id, "held_in", "location:oslo"), "{text}: {:?}", x.relations);
        assert!(has_edge(&x, "person:anna-brown", "attends", &id), "{text}: {:?}", x.relations);
    }
}

/// "any meeting between A and B" is no meeting of the default graph.
#[test]
fn any_meeting_is_no_meeting() {
    let x = extract(
        "Officials in Oslo saw no sign that any meeting between Anna Brown and Tom Price was planned.",
        "2025-03-05",
    );
    assert!(meetings(&x).is_empty(), "{:?}", meetings(&x));
}

/// "No visit ... has been scheduled": no meeting at all.
#[test]
fn no_meeting_is_none() {
    for text in [
        "No visit by Anna Brown to Oslo has been scheduled.",
        "No public visit by Anna Brown to Oslo, or by Tom Price to Bergen, is planned.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(meetings(&x).is_empty(), "{text}: {:?}", meetings(&x));
    }
}

/// "The next round might not be held in Oslo": a meeting only spoken of.
#[test]
fn a_hedged_meeting_is_only_proposed() {
    for text in [
        "Envoys held talks on Monday. He said the next round might not be held in Oslo.",
        "Envoys held talks on Monday. The second round could take place in Oslo.",
    ] {
        let x = extract(text, "2025-03-05");
        assert!(!meetings(&x).iter().any(|m| m.contains("oslo")), "{text}: {:?}", meetings(&x));
    }
}

/// "their first talks since the failed uprising in Caracas": the place of the event
/// "since" names is not the talks'.
#[test]
fn the_place_of_the_event_since_is_not_the_meetings() {
    let x = extract(
        "Anna Brown and Tom Price met on Monday, their first face-to-face talks since the failed uprising in Caracas last week.",
        "2019-05-08",
    );
    assert!(!x.relations.iter().any(|r| r.kind.as_str() == "held_in"), "{:?}", x.relations);
}

/// "COP29": a UN climate conference named by its number is a meeting of that name.
#[test]
fn a_climate_conference_named_by_its_number() {
    let x = extract("Anna Brown attended COP29 in Baku on Monday.", "2024-11-12");
    assert!(meetings(&x).iter().any(|m| m.starts_with("meeting:cop29")), "{:?}", meetings(&x));
    assert!(
        x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.target == "location:baku"),
        "{:?}",
        x.relations
    );
}

/// "traveled to Oslo in May 2011 for talks": the journey's date is the talks'; a clause
/// "since" opens keeps its place and date from the meeting before it.
#[test]
fn the_date_of_a_journey_and_a_clause_opened_by_since() {
    let x = extract("In 2011 Anna Brown traveled to Oslo in May 2011 for talks with Tom Price.", "2025-03-05");
    assert!(meetings(&x).iter().any(|m| m.ends_with("@2011-05")), "{:?}", meetings(&x));
    let x = extract(
        "It was the first stand-alone summit since Anna Brown traveled to Oslo in May 2011 for talks with Tom Price.",
        "2025-03-05",
    );
    assert!(
        !x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.source.contains("summit")),
        "{:?}",
        x.relations
    );
}

/// "came eight years after his last one in 2016": the date is the earlier visit's.
#[test]
fn the_date_of_an_earlier_event_a_span_of_time_goes_back_to() {
    let x = extract("Anna Brown's state visit to Norway came eight years after her last one in 2016.", "2024-05-09");
    assert!(meetings(&x).iter().any(|m| m.starts_with("meeting:visit-norway")), "{:?}", meetings(&x));
    assert!(!meetings(&x).iter().any(|m| m.ends_with("@2016")), "{:?}", meetings(&x));
}

/// "met in Oslo at the Nordic summit": the city right before "at" the meeting.
#[test]
fn the_city_before_at_the_meeting() {
    let x = extract("The two men last met in person in Bergen at the Nordic Council summit in May 2022.", "2025-03-05");
    assert!(
        x.relations.iter().any(|r| r.kind.as_str() == "held_in" && r.target == "location:bergen"),
        "{:?}",
        x.relations
    );
}

/// "did not meet Y at the summit", "CLAIM: X met Y at the summit": what is denied or
/// claimed is the meeting of the two, not the summit where it is placed.
#[test]
fn a_summit_beside_a_denied_meeting_took_place() {
    for text in [
        "Anna Brown did not meet Tom Price at the Nordic summit in Oslo. Ivan Petrov chaired the summit.",
        "CLAIM: Anna Brown met Tom Price at the Nordic summit in Oslo. Ivan Petrov chaired the summit.",
    ] {
        let x = extract(text, "2025-03-05");
        let summit = x.entities.iter().find(|e| e.id.starts_with("meeting:"));
        assert_eq!(summit.and_then(|m| m.attributes.get("status")).map(String::as_str), Some("occurred"), "{text}");
        assert!(x.relations.iter().any(|r| r.kind.as_str() == "attends" && r.source == "person:ivan-petrov"), "{text}");
        let all = crate::test_support::extract_all(text, "2025-03-05");
        let met = all.relations.iter().find(|r| r.kind.as_str() == "met_with");
        assert!(met.is_some_and(|r| r.status != crate::model::Status::Occurred), "{text}: {:?}", all.relations);
    }
}

/// "flies to Oslo for talks with B, before arriving in Bergen": the next step of the
/// journey is no place of the talks.
#[test]
fn the_next_step_of_a_journey_is_not_the_talks_place() {
    let x = extract(
        "Anna Brown flew to Oslo for talks with Tom Price, before arriving in Bergen for a dialogue.",
        "2025-03-05",
    );
    assert!(meetings(&x).iter().any(|m| m.starts_with("meeting:talks-oslo")), "{:?}", meetings(&x));
    assert!(!meetings(&x).iter().any(|m| m.starts_with("meeting:talks-bergen")), "{:?}", meetings(&x));
}

/// "the Commonwealth Heads of Government Meeting": "of" between capitals is inside the
/// name, the organisation's article outside it, and "Meeting" after a title is nobody.
#[test]
fn a_name_with_of_between_capitals() {
    let x =
        extract("Tom Price will host the Commonwealth Heads of Government Meeting in Oslo in October.", "2025-03-05");
    assert!(
        meetings(&x).iter().any(|m| m.starts_with("meeting:commonwealth-heads-of-government-meeting")),
        "{:?}",
        meetings(&x)
    );
    assert!(!x.entities.iter().any(|e| e.id == "person:meeting"), "{:?}", x.entities);
}
