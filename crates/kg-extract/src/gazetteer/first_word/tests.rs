use super::FirstWordIndex;

fn found(phrases: &[&str], text: &str) -> Vec<String> {
    let index = FirstWordIndex::new(phrases.iter().copied(), true);
    index.find(text).into_iter().map(|(_, s)| text[s.start..s.end].to_string()).collect()
}

#[test]
fn longest_phrase_at_each_word_start() {
    let phrases = ["minister", "foreign minister", "head", "head of state", "U.S. envoy"];
    let cases: &[(&str, &[&str])] = &[
        ("The Foreign Minister and the head of state met.", &["Foreign Minister", "head of state"]),
        ("Ministers administered ahead of the headcount.", &[]),
        ("A vice-minister and the u.s. envoy", &["minister", "u.s. envoy"]),
        // The longest match fails the boundary: no shorter one is tried there.
        ("head of stateless people", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(found(&phrases, text), *want, "{text}");
    }
}

#[test]
fn exact_case_when_asked() {
    let index = FirstWordIndex::new(["Iran", "Niger", "Nigeria", "'Aisake Eke"].into_iter(), false);
    let text = "Irani dishes; Iran, Nigeria and niger. 'Aisake Eke spoke. Niger'Aisake Eke";
    let found: Vec<&str> = index.find(text).iter().map(|(_, s)| &text[s.start..s.end]).collect();
    // No phrase starts just after a letter: "'Aisake" in "Niger'Aisake".
    assert_eq!(found, ["Iran", "Nigeria", "'Aisake Eke", "Niger"]);
}

/// The matches of a leftmost-longest automaton that keeps only matches on word
/// boundaries (what the gazetteers used before this index), as the reference.
fn reference(phrases: &[String], ignore_case: bool, text: &str) -> Vec<(usize, (usize, usize))> {
    let Ok(ac) = aho_corasick::AhoCorasickBuilder::new()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(ignore_case)
        .build(phrases)
    else {
        return Vec::new();
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = ac.find(aho_corasick::Input::new(text).range(pos..)) else { break };
        let before_ok = !word(text[..m.start()].chars().next_back());
        let after_ok = !word(text[m.end()..].chars().next()) || text[..m.end()].ends_with('.');
        if before_ok && after_ok {
            out.push((m.pattern().as_usize(), (m.start(), m.end())));
            pos = m.end();
        } else {
            pos = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

#[test]
fn many_phrases_of_one_first_word() {
    let mut phrases: Vec<String> = (0..40).map(|i| format!("minister of t{i}")).collect();
    phrases.extend(["minister".into(), "minister of t1 and t2".into(), "minister of".into()]);
    let text = "The minister of t7, the Minister of t1 and t2, a minister of t39x, minister of t40 and ministers.";
    for ignore_case in [false, true] {
        let index = FirstWordIndex::new(phrases.iter().map(String::as_str), ignore_case);
        let found: Vec<(usize, (usize, usize))> =
            index.find(text).into_iter().map(|(i, s)| (i, (s.start, s.end))).collect();
        assert_eq!(found, reference(&phrases, ignore_case, text), "ignore_case {ignore_case}");
    }
}

const VOCABULARY: &[&str] = &[
    "Niger",
    "Nigeria",
    "minister",
    "Foreign Minister",
    "foreign minister of",
    "U.S.",
    "U.S. envoy",
    "vice",
    "vice-president",
    "'Aisake Eke",
    "Ab",
    "Abc",
    "abc d",
    "\u{c9}lys\u{e9}e",
    "New",
    "New York",
    "New Delhi",
    "the Hague",
    "head",
    "head of state",
    "x",
    "Commonwealth",
    "Commonwealth of Nations",
];
const GLUE: &[&str] = &[" ", "  ", "-", ".", ",", "'", "\u{e9}", "\n", "", "s", "2"];

proptest::proptest! {
    #[test]
    fn matches_what_a_bounded_automaton_matches(
        phrases in proptest::collection::btree_set(proptest::sample::select(VOCABULARY), 1..10),
        pieces in proptest::collection::vec((proptest::sample::select(VOCABULARY), proptest::sample::select(GLUE), 0..3u8), 0..24),
        ignore_case: bool,
    ) {
        let phrases: Vec<String> = phrases.into_iter().map(str::to_string).collect();
        let text: String = pieces
            .iter()
            .map(|(w, glue, case)| {
                let w = match case { 1 => w.to_ascii_uppercase(), 2 => w.to_ascii_lowercase(), _ => w.to_string() };
                format!("{w}{glue}")
            })
            .collect();
        let index = FirstWordIndex::new(phrases.iter().map(String::as_str), ignore_case);
        let found: Vec<(usize, (usize, usize))> =
            index.find(&text).into_iter().map(|(i, s)| (i, (s.start, s.end))).collect();
        // Phrases equal but for case are one pattern to the automaton: compare spans.
        let spans = |v: &[(usize, (usize, usize))]| v.iter().map(|&(_, s)| s).collect::<Vec<_>>();
        proptest::prop_assert_eq!(spans(&found), spans(&reference(&phrases, ignore_case, &text)), "text {:?}", text);
    }
}
