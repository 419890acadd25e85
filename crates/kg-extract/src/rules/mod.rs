//! The extraction rules, one file each, run in the order of [`RULES`]. Every mention
//! and relation records the name of the rule that produced it.
//!
//! Order matters: names from the gazetteers first, then patterns that find what the
//! gazetteers do not know, then resolution of surnames, role nouns and pronouns, then
//! meetings and delegations, and last the relations between them.

use crate::analysis::Analysis;

mod appositive_person;
mod attendance_frames;
mod attendance_negation;
mod attends;
mod co_attendance;
mod dateline;
mod delegation_attends;
mod delegation_mention;
mod gazetteer_names;
mod given_name_person;
mod group_gathering;
mod held_in;
mod known_office;
mod leader_delegation;
mod leads_delegation;
mod located_in;
mod meeting_mention;
mod member_of;
mod met_with;
mod official_of;
mod org_pattern;
mod participant_list;
mod place_in_region;
mod pronoun;
mod represents;
mod role_noun;
mod sidelines;
mod speaker_person;
mod surname;
mod titled_person;
mod visit;
mod visitor;

/// One extraction rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub name: &'static str,
    pub apply: fn(&mut Analysis),
    /// For rules that scan the tokens for a pattern: the lower-case words a match can
    /// start with. The analysis marks, once, the tokens that are the trigger of some
    /// rule, and such rules visit only their own (see [`Analysis::triggered_by`]).
    /// Empty for rules that start elsewhere (names, mentions, entities).
    pub triggers: &'static [&'static str],
}

/// Every rule's trigger words, each with the [`trigger_bit`]s of the rules it
/// triggers.
pub(crate) fn trigger_words() -> &'static crate::text::Words {
    static WORDS: std::sync::OnceLock<crate::text::Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        crate::text::Words::with_bits(
            RULES.iter().enumerate().flat_map(|(r, rule)| rule.triggers.iter().map(move |&w| (w, trigger_bit_at(r)))),
        )
    })
}

// A rule's trigger bit is its place in `RULES`, in a `u32`.
const _: () = assert!(RULES.len() <= 32);

/// The bit of the rule named `name` in the tokens' trigger masks (0 for no rule): with
/// it a rule visits the tokens that trigger it, not every token (see
/// [`Analysis::triggered_by`]).
pub(crate) fn trigger_bit(name: &str) -> u32 {
    RULES.iter().position(|r| r.name == name).map_or(0, trigger_bit_at)
}

/// The trigger bit of the rule at `r` in [`RULES`].
pub(crate) fn trigger_bit_at(r: usize) -> u32 {
    1 << r
}

/// Every rule, in the order it runs.
pub const RULES: &[Rule] = &[
    gazetteer_names::RULE,
    dateline::RULE,
    org_pattern::RULE,
    delegation_mention::RULE,
    titled_person::RULE,
    appositive_person::RULE,
    given_name_person::RULE,
    speaker_person::RULE,
    surname::RULE,
    role_noun::RULE,
    pronoun::RULE,
    leader_delegation::RULE,
    place_in_region::RULE,
    group_gathering::RULE,
    meeting_mention::RULE,
    met_with::RULE,
    visit::RULE,
    visitor::RULE,
    attends::RULE,
    attendance_frames::RULE,
    participant_list::RULE,
    sidelines::RULE,
    leads_delegation::RULE,
    member_of::RULE,
    delegation_attends::RULE,
    official_of::RULE,
    known_office::RULE,
    represents::RULE,
    held_in::RULE,
    located_in::RULE,
    attendance_negation::RULE,
    co_attendance::RULE,
];

/// Names of all rules, for documentation and `kg rules`.
pub fn names() -> Vec<&'static str> {
    RULES.iter().map(|r| r.name).collect()
}
