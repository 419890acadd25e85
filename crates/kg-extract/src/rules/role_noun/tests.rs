use crate::test_support::{extract, mentions_of};

#[test]
fn role_noun_resolves_to_the_titled_person() {
    let x = extract("Kenyan President Amos Kiprono spoke. The Kenyan leader left.", "2025-03-01");
    assert_eq!(mentions_of(&x, "person:amos-kiprono"), 2);
}

#[test]
fn kremlin_chief_and_top_diplomat_by_dated_knowledge() {
    let x = extract("Putin spoke first. The Kremlin chief then left.", "2025-03-01");
    assert_eq!(mentions_of(&x, "person:vladimir-putin"), 2);
    let x = extract("Rubio arrived late. The top US diplomat said little.", "2025-03-01");
    assert_eq!(mentions_of(&x, "person:marco-rubio"), 2);
    // Before his term the same words do not make him the Secretary of State.
    let x = extract("Rubio arrived late. The top US diplomat said little.", "2023-03-01");
    assert!(mentions_of(&x, "person:marco-rubio") < 2);
}

/// A clause dated years before the story speaks of the holder of that time.
#[test]
fn a_role_in_a_dated_flashback_is_the_holder_of_then() {
    let text = "Emmanuel Macron received Ahmed al-Sharaa on Wednesday. In 2008 Nicolas Sarkozy hosted Bashar \
                al-Assad. Sarkozy received the Syrian president again in December 2010.";
    let x = extract(text, "2025-05-10");
    assert_eq!(mentions_of(&x, "person:bashar-al-assad"), 2);
    assert_eq!(mentions_of(&x, "person:ahmed-al-sharaa"), 1);
}

#[test]
fn a_title_alone_is_the_one_titled_so() {
    let x = extract("Prime Minister Anna Brown arrived. The Prime Minister met Tom Price.", "2025-03-01");
    assert_eq!(mentions_of(&x, "person:anna-brown"), 2);
    // A readout's bare title is its first holder.
    let x = extract(
        "Prime Minister Anna Brown hosted Prime Minister Tom Price. Prime Minister said the talks went well.",
        "2025-03-01",
    );
    assert_eq!(mentions_of(&x, "person:anna-brown"), 2);
    let x = extract(
        "Prime Minister Anna Brown hosted Prime Minister Tom Price. Prime Minister also met Ivan Petrov.",
        "2025-03-01",
    );
    assert_eq!(mentions_of(&x, "person:anna-brown"), 2);
    let x = extract("UN Secretary-General Anna Brown arrived. The secretary-general met Tom Price.", "2025-03-01");
    assert_eq!(mentions_of(&x, "person:anna-brown"), 2);
    // Two holders: "the Prime Minister" is neither.
    let x =
        extract("Prime Minister Anna Brown hosted Prime Minister Tom Price. The Prime Minister left.", "2025-03-01");
    assert_eq!(mentions_of(&x, "person:anna-brown"), 1);
}

#[test]
fn capital_of_a_country() {
    let x = extract("Talks were held in the Turkish capital.", "2025-03-01");
    assert!(x.entities.iter().any(|e| e.label == "Ankara"));
    // Of several capitals, the seat of government.
    let x = extract("Talks were held in the South African capital.", "2025-03-01");
    assert!(x.entities.iter().any(|e| e.label == "Pretoria"), "{:?}", x.entities);
}

#[test]
fn the_same_title_again_is_its_holder() {
    let x = crate::test_support::extract(
        "EU foreign policy chief Anna Brown arrived on Monday. Swiss President Tom Price received the EU foreign \
         policy chief in Bern.",
        "2025-03-01",
    );
    assert!(
        crate::test_support::has_edge(&x, "person:tom-price", "met_with", "person:anna-brown"),
        "{:?}",
        x.relations
    );
    // Two holders of the title: the words name neither.
    let x = crate::test_support::extract(
        "Foreign Minister Anna Brown met Foreign Minister Tom Price. The foreign minister said little.",
        "2025-03-01",
    );
    assert_eq!(crate::test_support::mentions_of(&x, "person:anna-brown"), 1);
}

#[test]
fn the_honorific_again_is_the_one_named_after_it() {
    let x = extract("Cardinal Mario Rossi flew to Kyiv. There the cardinal met Tom Price.", "2023-06-30");
    assert!(
        crate::test_support::has_edge(&x, "person:mario-rossi", "met_with", "person:tom-price"),
        "{:?}",
        x.relations
    );
}

#[test]
fn the_king_is_the_monarch_named_before() {
    for text in [
        "Prime Minister Anna Brown met Norway's Queen Mara Lind in Oslo. The Queen thanked her.",
        "Prime Minister Anna Brown met Norway's Queen Mara Lind in Oslo. The Norwegian monarch thanked her.",
    ] {
        let x = extract(text, "2025-03-01");
        assert_eq!(mentions_of(&x, "person:mara-lind"), 2, "{text}");
        assert_eq!(mentions_of(&x, "person:anna-brown"), 1, "{text}");
    }
}

/// A king the gazetteer names with his title ("King Abdullah II") is a king by the
/// office-holder table.
#[test]
fn the_king_of_the_office_holder_table() {
    let x = extract(
        "Prime Minister Anna Brown met Jordan's King Abdullah II in Amman. The King thanked her.",
        "2025-03-01",
    );
    let king =
        x.entities.iter().find(|e| e.id.starts_with("person:abdullah")).map(|e| e.id.clone()).unwrap_or_default();
    assert_eq!(mentions_of(&x, &king), 2, "{:?}", x.entities);
}

/// "arrived in the capital" in the lead of a story filed from a capital: that city.
#[test]
fn the_capital_of_a_story_filed_from_one() {
    let x = extract("OSLO - Anna Brown arrived in the capital on Monday for talks.", "2025-03-05");
    assert_eq!(mentions_of(&x, "location:oslo"), 2, "{:?}", x.mentions);
    let x = extract("BERGEN - Anna Brown arrived in the capital on Monday for talks.", "2025-03-05");
    assert!(!x.entities.iter().any(|e| e.id == "location:oslo"), "{:?}", x.entities);
}
