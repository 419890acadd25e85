//! The domain types every later stage reads: spans, entities, mentions, relations and
//! their evidence. Spans are byte ranges into the original article and are never
//! rewritten after the tokenizer produced them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod draft;

pub use draft::{Draft, DraftRelation, EvidenceAt, Origin};

/// A byte range `start..end` into the original text of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }
}

/// The six kinds of node in a kg graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Organization,
    Location,
    Delegation,
    Meeting,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Organization,
        EntityKind::Location,
        EntityKind::Delegation,
        EntityKind::Meeting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
            EntityKind::Delegation => "delegation",
            EntityKind::Meeting => "meeting",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The eight relations of the kg schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    LeadsDelegation,
    MemberOf,
    Represents,
    OfficialOf,
    MetWith,
    Attends,
    HeldIn,
    LocatedIn,
}

impl RelationKind {
    pub const ALL: [RelationKind; 8] = [
        RelationKind::LeadsDelegation,
        RelationKind::MemberOf,
        RelationKind::Represents,
        RelationKind::OfficialOf,
        RelationKind::MetWith,
        RelationKind::Attends,
        RelationKind::HeldIn,
        RelationKind::LocatedIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::LeadsDelegation => "leads_delegation",
            RelationKind::MemberOf => "member_of",
            RelationKind::Represents => "represents",
            RelationKind::OfficialOf => "official_of",
            RelationKind::MetWith => "met_with",
            RelationKind::Attends => "attends",
            RelationKind::HeldIn => "held_in",
            RelationKind::LocatedIn => "located_in",
        }
    }

    /// `met_with` has no direction; its endpoints are stored in id order.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::MetWith)
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the wording says about whether an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Occurred,
    Planned,
    Proposed,
    Declined,
    Cancelled,
    Hypothetical,
    /// Told as somebody's unverified claim ("CLAIM: ...", "posts say that ...",
    /// "allegedly met"): kept, with its evidence, but not as a fact.
    Alleged,
}

impl Status {
    /// Only facts and firm arrangements appear in the default graph.
    pub fn is_default_visible(self) -> bool {
        matches!(self, Status::Occurred | Status::Planned)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Proposed => "proposed",
            Status::Declined => "declined",
            Status::Cancelled => "cancelled",
            Status::Hypothetical => "hypothetical",
            Status::Alleged => "alleged",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a relation was read: the document, the sentence, the byte range of the
/// words that support it, and the rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub rule: String,
    /// The sentence as written, so a reader needs no copy of the article.
    pub text: String,
    /// Publication date of the document, when known (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Evidence {
    /// The evidence borrowed: what a list of it is searched with.
    pub fn view(&self) -> EvidenceRef<'_> {
        EvidenceRef {
            doc: &self.doc,
            sentence: self.sentence,
            start: self.start,
            end: self.end,
            rule: &self.rule,
            text: &self.text,
            date: self.date.as_deref(),
        }
    }
}

/// [`Evidence`] borrowed from where it was found, so that a graph copies only the
/// pieces it keeps. Fields in [`Evidence`]'s order, so the two order alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EvidenceRef<'a> {
    pub doc: &'a str,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub rule: &'a str,
    pub text: &'a str,
    pub date: Option<&'a str>,
}

impl From<EvidenceRef<'_>> for Evidence {
    fn from(e: EvidenceRef<'_>) -> Self {
        Evidence {
            doc: e.doc.to_string(),
            sentence: e.sentence,
            start: e.start,
            end: e.end,
            rule: e.rule.to_string(),
            text: e.text.to_string(),
            date: e.date.map(str::to_string),
        }
    }
}

/// One real-world thing named in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable, derived from content: `country:ua`, `person:vladimir-putin`.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    pub label: String,
    pub aliases: BTreeSet<String>,
    pub attributes: BTreeMap<String, String>,
}

/// One place in the text that refers to an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub entity: String,
    pub span: Span,
    pub sentence: usize,
    pub rule: String,
}

/// A typed, directed edge between two entities, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    pub source: String,
    pub target: String,
    pub status: Status,
    pub attributes: BTreeMap<String, String>,
    pub evidence: Evidence,
}

impl Relation {
    /// Whether the default graph shows this relation: facts, and firm plans — except
    /// that a planned meeting between two persons is not yet a `met_with`.
    pub fn is_default_visible(&self) -> bool {
        default_visible(self.kind, self.status)
    }
}

/// [`Relation::is_default_visible`] of a relation of `kind` and `status`.
pub(crate) fn default_visible(kind: RelationKind, status: Status) -> bool {
    match status {
        Status::Occurred => true,
        Status::Planned => kind != RelationKind::MetWith,
        _ => false,
    }
}

impl Extraction {
    /// The default view: facts and firm plans. Relations of other statuses go, and so
    /// do meetings that were only proposed, refused, cancelled or imagined.
    pub fn default_view(mut self) -> Extraction {
        let hidden: Vec<String> = self.entities.iter().filter(|e| hidden_by_default(e)).map(|e| e.id.clone()).collect();
        self.entities.retain(|e| !hidden.contains(&e.id));
        self.mentions.retain(|m| !hidden.contains(&m.entity));
        self.relations.retain(|r| r.is_default_visible() && !hidden.contains(&r.source) && !hidden.contains(&r.target));
        self
    }
}

/// Whether the default view leaves the entity out: a meeting that was only proposed,
/// refused, cancelled or imagined.
pub(crate) fn hidden_by_default(e: &Entity) -> bool {
    e.kind == EntityKind::Meeting
        && e.attributes.get("status").is_some_and(|s| !matches!(s.as_str(), "occurred" | "planned"))
}

/// A document to extract from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    /// Publication date; anchors "on Tuesday" and "May 16".
    pub date: Option<NaiveDate>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, date: Option<NaiveDate>) -> Self {
        Document { id: id.into(), text: text.into(), date }
    }
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    pub doc: String,
    pub date: Option<NaiveDate>,
    /// Sorted by id.
    pub entities: Vec<Entity>,
    /// Sorted by span.
    pub mentions: Vec<Mention>,
    pub relations: Vec<Relation>,
}
