//! Who serves whom: `delegations` lists each delegation with its country, its
//! meeting, its head and its members; `officials` lists who holds which office of a
//! country or an organisation.

use kg_extract::{EntityKind, Evidence, RelationKind};
use serde::Serialize;

use super::{add_evidence, join_labels, visible_edges_of, Answer, NodeRef, Options, Parts};
use crate::{Graph, Node};

/// A delegation and the persons in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delegation {
    pub delegation: NodeRef,
    /// The country it represents (its `represents` edge, else its `country` code).
    pub country: Option<NodeRef>,
    /// The meetings it attends.
    pub meetings: Vec<NodeRef>,
    pub heads: Vec<NodeRef>,
    /// Members other than the heads.
    pub members: Vec<NodeRef>,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Delegation {
    const COLUMNS: &'static [&'static str] = &["delegation", "country", "meeting", "head", "members"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.delegation.label.clone(),
            self.country.as_ref().map(|c| c.label.clone()).unwrap_or_default(),
            join_labels(&self.meetings),
            join_labels(&self.heads),
            join_labels(&self.members),
        ]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// Every delegation (those at `scope` when given: a meeting they attend or the country
/// they represent), ordered by meeting, then by label.
pub fn delegations(graph: &Graph, scope: Option<&Node>, opts: Options) -> Vec<Delegation> {
    let mut out = Vec::new();
    for d in graph.nodes().filter(|n| n.kind == EntityKind::Delegation) {
        let mut row = Delegation {
            delegation: NodeRef::of(d),
            country: None,
            meetings: Vec::new(),
            heads: Vec::new(),
            members: Vec::new(),
            evidence: Vec::new(),
            parts: Parts::default(),
        };
        row.parts.node(&d.id);
        for (s, t, e) in visible_edges_of(graph, &d.id, opts) {
            let into = t.id == d.id;
            match e.relation {
                RelationKind::LeadsDelegation if into => row.heads.push(NodeRef::of(s)),
                RelationKind::MemberOf if into => row.members.push(NodeRef::of(s)),
                RelationKind::Represents if !into && row.country.is_none() => row.country = Some(NodeRef::of(t)),
                RelationKind::Attends if !into && t.kind == EntityKind::Meeting => row.meetings.push(NodeRef::of(t)),
                _ => continue,
            }
            row.parts.edge(s, t, e);
            if matches!(e.relation, RelationKind::LeadsDelegation | RelationKind::MemberOf) {
                add_evidence(&mut row.evidence, &e.evidence);
            }
        }
        if row.country.is_none() {
            let code = d.attributes.get("country").map(|c| format!("country:{}", c.to_ascii_lowercase()));
            if let Some(country) = code.as_deref().and_then(|id| graph.node(id)) {
                row.parts.node(&country.id);
                row.country = Some(NodeRef::of(country));
            }
        }
        if let Some(scope) = scope {
            let at_meeting = row.meetings.iter().any(|m| m.id == scope.id);
            let of_country = row.country.as_ref().is_some_and(|c| c.id == scope.id);
            if !at_meeting && !of_country {
                continue;
            }
        }
        row.members.retain(|m| !row.heads.contains(m));
        for list in [&mut row.heads, &mut row.members, &mut row.meetings] {
            list.sort_by(|a, b| (&a.label, &a.id).cmp(&(&b.label, &b.id)));
            list.dedup();
        }
        out.push(row);
    }
    out.sort_by(|a, b| {
        let key = |r: &Delegation| (r.meetings.first().map(|m| m.label.clone()), r.delegation.label.clone());
        key(a).cmp(&key(b))
    });
    out
}

/// A person in office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Official {
    pub person: NodeRef,
    /// The title on the `official_of` edge, else the person's.
    pub title: Option<String>,
    pub of: NodeRef,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Official {
    const COLUMNS: &'static [&'static str] = &["person", "title", "of"];

    fn cells(&self) -> Vec<String> {
        vec![self.person.label.clone(), self.title.clone().unwrap_or_default(), self.of.label.clone()]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// Who holds an office (of `of`, when given), ordered by country or organisation, then
/// by person.
pub fn officials(graph: &Graph, of: Option<&Node>, opts: Options) -> Vec<Official> {
    let edges: Vec<_> = match of {
        Some(o) => visible_edges_of(graph, &o.id, opts),
        None => graph.edges().filter(|(s, t, e)| opts.shows(e) && opts.shows_node(s) && opts.shows_node(t)).collect(),
    };
    let mut out: Vec<Official> = edges
        .into_iter()
        .filter(|(_, t, e)| e.relation == RelationKind::OfficialOf && of.is_none_or(|o| o.id == t.id))
        .map(|(s, t, e)| {
            let mut parts = Parts::default();
            parts.edge(s, t, e);
            Official {
                person: NodeRef::of(s),
                title: e.attributes.get("title").or_else(|| s.attributes.get("title")).cloned(),
                of: NodeRef::of(t),
                evidence: e.evidence.clone(),
                parts,
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.of.label, &a.person.label).cmp(&(&b.of.label, &b.person.label)));
    out
}
