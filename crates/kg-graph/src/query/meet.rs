//! Who met whom, and which meetings took place: `met` reads the `met_with` edges and
//! completes their date and place from the meeting both persons attend; `meetings`
//! lists meeting nodes with their date, place, participants and status.

use std::collections::HashMap;

use kg_extract::{EntityKind, Evidence, RelationKind, Status};
use serde::Serialize;

use super::{
    add_evidence, join_labels, visible_edges_of, Answer, DateRange, EdgeKey, EdgeSource, NodeRef, Options, Parts,
};
use crate::{Graph, Node};

/// Two persons who met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Met {
    pub person: NodeRef,
    pub with: NodeRef,
    /// From the `met_with` edge, else from the meeting both attend.
    pub date: Option<String>,
    /// From the `met_with` edge, else where the meeting both attend was held.
    pub place: Option<String>,
    /// The meeting both attend, when the graph knows one.
    pub meeting: Option<NodeRef>,
    pub status: Status,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Met {
    const COLUMNS: &'static [&'static str] = &["person", "met", "date", "place", "meeting"];

    fn cells(&self) -> Vec<String> {
        let mut with = self.with.label.clone();
        if self.status != Status::Occurred {
            with = format!("{with} ({})", self.status);
        }
        vec![
            self.person.label.clone(),
            with,
            self.date.clone().unwrap_or_default(),
            self.place.clone().unwrap_or_default(),
            self.meeting.as_ref().map(|m| m.label.clone()).unwrap_or_default(),
        ]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// Whom `person` met (every pair that met, without a person), within `range`, ordered
/// by date (undated last), then by name.
pub fn met(graph: &Graph, person: Option<&Node>, range: &DateRange, opts: Options) -> Vec<Met> {
    let edges: Vec<_> = match person {
        Some(p) => visible_edges_of(graph, &p.id, opts),
        None => graph.edges().filter(|(s, t, e)| opts.shows(e) && opts.shows_node(s) && opts.shows_node(t)).collect(),
    };
    let source = match person {
        Some(_) => EdgeSource::sorted(graph, opts),
        None => EdgeSource::indexed(graph, opts),
    };
    let mut attendance = Attendance::new(source);
    let mut out = Vec::new();
    for (s, t, e) in edges.into_iter().filter(|(_, _, e)| e.relation == RelationKind::MetWith) {
        let (me, other) = match person {
            Some(p) if t.id == p.id => (t, s),
            _ => (s, t),
        };
        let mut parts = Parts::default();
        parts.node(&me.id);
        parts.edge(s, t, e);
        let edge_date = e.attributes.get("date");
        let edge_place = e.attributes.get("place");
        let shared = attendance.shared(me, other, edge_date.map(String::as_str));
        let mut date = edge_date.cloned();
        let mut place = edge_place.cloned();
        let meeting = shared.map(|(m, keys)| {
            parts.edges.extend(keys);
            let held = places(&attendance.edges, m);
            if date.is_none() {
                date = m.attributes.get("date").cloned();
            }
            if place.is_none() && !held.is_empty() {
                place = Some(held.iter().map(|(p, _)| p.label.as_str()).collect::<Vec<_>>().join(", "));
            }
            parts.edges.extend(held.into_iter().map(|(_, k)| k));
            NodeRef::of(m)
        });
        if !range.admits(date.as_deref()) {
            continue;
        }
        out.push(Met {
            person: NodeRef::of(me),
            with: NodeRef::of(other),
            date,
            place,
            meeting,
            status: e.status,
            evidence: e.evidence.clone(),
            parts,
        });
    }
    out.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.person.label, &a.with.label).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.person.label,
            &b.with.label,
        ))
    });
    out
}

/// A meeting with who took part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    pub meeting: NodeRef,
    pub date: Option<String>,
    pub places: Vec<NodeRef>,
    /// Persons attending, directly or in a delegation, then other attendees
    /// (organisations, countries, delegations without known members).
    pub participants: Vec<Participant>,
    pub delegations: Vec<NodeRef>,
    /// The meeting's own status (`occurred` when the graph does not say).
    pub status: String,
    pub evidence: Vec<Evidence>,
    #[serde(skip)]
    pub parts: Parts,
}

impl Answer for Meeting {
    const COLUMNS: &'static [&'static str] = &["meeting", "date", "place", "status", "participants"];

    fn cells(&self) -> Vec<String> {
        vec![
            self.meeting.label.clone(),
            self.date.clone().unwrap_or_default(),
            join_labels(&self.places),
            self.status.clone(),
            self.participants.iter().map(Participant::cell).collect::<Vec<_>>().join(", "),
        ]
    }

    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    fn parts(&self) -> &Parts {
        &self.parts
    }
}

/// Who took part in a meeting, and whether that happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    #[serde(flatten)]
    pub node: NodeRef,
    /// Not `occurred` only with [`Options::all_statuses`]: a declined invitation, say.
    pub status: Status,
}

impl Participant {
    fn new(node: &Node, status: Status) -> Self {
        Participant { node: NodeRef::of(node), status }
    }

    /// The label, with the status when it did not occur.
    fn cell(&self) -> String {
        match self.status {
            Status::Occurred => self.node.label.clone(),
            status => format!("{} ({status})", self.node.label),
        }
    }
}

/// Meetings held at `at` (the place itself, a place inside it, or a place of that
/// country) and attended by `with` (directly, through a delegation, or as the country
/// a delegation represents), ordered by date (undated last), then by label.
pub fn meetings(graph: &Graph, at: Option<&Node>, with: Option<&Node>, opts: Options) -> Vec<Meeting> {
    let mut out = Vec::new();
    for m in graph.nodes().filter(|n| n.kind == EntityKind::Meeting && opts.shows_node(n)) {
        let mut parts = Parts::default();
        parts.node(&m.id);
        let mut evidence = Vec::new();
        let held = places(&EdgeSource::sorted(graph, opts), m);
        if let Some(at) = at {
            if !held.iter().any(|(p, _)| is_within(graph, p, at, opts)) {
                continue;
            }
        }
        let mut persons = Vec::new();
        let mut others = Vec::new();
        let mut delegations = Vec::new();
        let mut involved = vec![m.id.clone()];
        for (s, t, e) in visible_edges_of(graph, &m.id, opts) {
            if e.relation != RelationKind::Attends || t.id != m.id {
                continue;
            }
            parts.edge(s, t, e);
            add_evidence(&mut evidence, &e.evidence);
            involved.push(s.id.clone());
            match s.kind {
                EntityKind::Person => persons.push(Participant::new(s, e.status)),
                EntityKind::Delegation => {
                    delegations.push(NodeRef::of(s));
                    let mut known = false;
                    for (ds, dt, de) in visible_edges_of(graph, &s.id, opts) {
                        match de.relation {
                            RelationKind::LeadsDelegation | RelationKind::MemberOf if dt.id == s.id => {
                                parts.edge(ds, dt, de);
                                let status = if e.status == Status::Occurred { de.status } else { e.status };
                                persons.push(Participant::new(ds, status));
                                involved.push(ds.id.clone());
                                known = true;
                            }
                            RelationKind::Represents if ds.id == s.id => {
                                parts.edge(ds, dt, de);
                                involved.push(dt.id.clone());
                            }
                            _ => {}
                        }
                    }
                    if !known {
                        others.push(Participant::new(s, e.status));
                    }
                }
                _ => others.push(Participant::new(s, e.status)),
            }
        }
        if with.is_some_and(|w| !involved.contains(&w.id)) {
            continue;
        }
        for (_, key) in &held {
            parts.edges.push(key.clone());
        }
        let order = |a: &Participant, b: &Participant| {
            (&a.node.label, &a.node.id, a.status).cmp(&(&b.node.label, &b.node.id, b.status))
        };
        persons.sort_by(order);
        persons.dedup_by(|a, b| a.node.id == b.node.id);
        others.sort_by(order);
        persons.extend(others);
        out.push(Meeting {
            meeting: NodeRef::of(m),
            date: m.attributes.get("date").cloned(),
            places: held.iter().map(|(p, _)| NodeRef::of(p)).collect(),
            participants: persons,
            delegations,
            status: m.attributes.get("status").cloned().unwrap_or_else(|| Status::Occurred.to_string()),
            evidence,
            parts,
        });
    }
    out.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.meeting.label).cmp(&(b.date.is_none(), &b.date, &b.meeting.label))
    });
    out
}

/// Where a meeting was held: the targets of its `held_in` edges, in id order.
fn places<'g>(edges: &EdgeSource<'g>, meeting: &Node) -> Vec<(&'g Node, EdgeKey)> {
    let mut out: Vec<(&Node, EdgeKey)> = edges
        .of(&meeting.id)
        .into_iter()
        .filter(|(s, _, e)| e.relation == RelationKind::HeldIn && s.id == meeting.id)
        .map(|(s, t, e)| (t, EdgeKey::of(s, t, e)))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Whether `place` is `area` or inside it: a `located_in` edge, or the country code
/// of a location matching the country's.
fn is_within(graph: &Graph, place: &Node, area: &Node, opts: Options) -> bool {
    if place.id == area.id {
        return true;
    }
    let located = visible_edges_of(graph, &place.id, opts)
        .into_iter()
        .any(|(s, t, e)| e.relation == RelationKind::LocatedIn && s.id == place.id && t.id == area.id);
    let same_country = area.kind == EntityKind::Country
        && matches!((place.attributes.get("country"), area.attributes.get("iso")), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b));
    located || same_country
}

/// The meetings a node attends, directly or through a delegation it leads or belongs
/// to, each with the edges that say so, in meeting id order.
fn attended<'g>(edges: &EdgeSource<'g>, node: &Node) -> Vec<(&'g Node, Vec<EdgeKey>)> {
    let mut out: Vec<(&Node, Vec<EdgeKey>)> = Vec::new();
    for (s, t, e) in edges.of(&node.id) {
        if s.id != node.id {
            continue;
        }
        match e.relation {
            RelationKind::Attends if t.kind == EntityKind::Meeting => out.push((t, vec![EdgeKey::of(s, t, e)])),
            RelationKind::LeadsDelegation | RelationKind::MemberOf if t.kind == EntityKind::Delegation => {
                for (ds, dt, de) in edges.of(&t.id) {
                    if ds.id == t.id && de.relation == RelationKind::Attends && dt.kind == EntityKind::Meeting {
                        out.push((dt, vec![EdgeKey::of(s, t, e), EdgeKey::of(ds, dt, de)]));
                    }
                }
            }
            _ => {}
        }
    }
    out.sort_by(|a, b| (&a.0.id, &a.1).cmp(&(&b.0.id, &b.1)));
    out.dedup_by(|a, b| a.0.id == b.0.id);
    out
}

/// The meetings of each node, computed once per question.
struct Attendance<'g> {
    edges: EdgeSource<'g>,
    memo: HashMap<&'g str, Vec<(&'g Node, Vec<EdgeKey>)>>,
}

impl<'g> Attendance<'g> {
    fn new(edges: EdgeSource<'g>) -> Self {
        Attendance { edges, memo: HashMap::new() }
    }

    /// The meeting two persons both attend, with the edges that say so: the one on
    /// the date of their `met_with` when there is such, else the earliest.
    fn shared(&mut self, a: &'g Node, b: &'g Node, date: Option<&str>) -> Option<(&'g Node, Vec<EdgeKey>)> {
        for node in [a, b] {
            if !self.memo.contains_key(node.id.as_str()) {
                self.memo.insert(node.id.as_str(), attended(&self.edges, node));
            }
        }
        let (ours, theirs) = (self.memo.get(a.id.as_str())?, self.memo.get(b.id.as_str())?);
        let mut shared: Vec<(&Node, Vec<EdgeKey>)> = ours
            .iter()
            .filter_map(|(m, keys)| {
                let (_, other) = theirs.iter().find(|(n, _)| n.id == m.id)?;
                Some((*m, keys.iter().chain(other).cloned().collect()))
            })
            .collect();
        let key = |m: &'g Node| {
            let d = m.attributes.get("date").map(String::as_str);
            (date.is_some() && d != date, d.is_none(), d, m.id.as_str())
        };
        shared.sort_by(|a, b| key(a.0).cmp(&key(b.0)));
        shared.into_iter().next()
    }
}
