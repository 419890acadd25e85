//! The who-met-whom layout of `kg render`: a Graphviz digraph that shows people, the
//! delegations they sit in, whom they met and which meetings they attended.
//!
//! * Each delegation is a cluster (`subgraph cluster_N`) holding a delegation node and
//!   the persons who lead it (drawn with a heavier outline) or are members of it.
//! * Persons, countries and delegations are coloured by country, from a fixed palette
//!   keyed by the country's ISO code ([`country_colour`]): the same country has the same
//!   colour in every drawing. A person's country is the country they are an official
//!   of, else that of their delegation; a delegation's is the country it represents.
//! * `met_with` edges are thick, red and without arrowheads, labelled with the place and
//!   date when known; `attends` and `official_of` edges are thin and grey. Relations
//!   that did not occur are dashed and say their status. Other relations are not drawn
//!   (memberships are the clusters).
//! * Nodes that no drawn edge or cluster touches are left out.

use std::collections::{BTreeMap, BTreeSet};

use dot_writer::{Attributes, DotWriter, RankDirection, Style};
use kg_extract::{EntityKind, RelationKind, Status};
use kg_graph::{Graph, Node};

use crate::dot::{escape, look, node_label};

/// Fill colours for countries (ColorBrewer Set3 and Paired tints, dark text stays
/// readable on each); [`country_colour`] picks one by ISO code.
const PALETTE: [&str; 16] = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#bc80bd", "#e78ac3",
    "#ffed6f", "#a6cee3", "#fb9a99", "#cab2d6", "#e5d8bd", "#66c2a5",
];
/// The fill of persons and delegations whose country is unknown.
const NO_COUNTRY: &str = "#e9ecef";

/// The preferred palette colour of a country, from its ISO code (case-insensitive): an
/// FNV-1a hash of the upper-case code picks one of 16 colours, so a country keeps its
/// colour across drawings.
pub fn country_colour(iso: &str) -> &'static str {
    PALETTE[palette_index(iso)]
}

fn palette_index(iso: &str) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for b in iso.trim().to_ascii_uppercase().bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % PALETTE.len()
}

/// The colour of each country of one drawing: its [`country_colour`], unless a country
/// earlier in ISO order has it, in which case the next free palette colour, so that up
/// to 16 countries in one drawing never share a colour.
fn assign_colours<'a>(isos: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, &'static str> {
    let isos: BTreeSet<String> = isos.into_iter().map(|i| i.trim().to_ascii_uppercase()).collect();
    let mut used = [false; PALETTE.len()];
    let mut out = BTreeMap::new();
    for iso in isos {
        let start = palette_index(&iso);
        let index = (0..PALETTE.len()).map(|k| (start + k) % PALETTE.len()).find(|&i| !used[i]).unwrap_or(start);
        used[index] = true;
        out.insert(iso, PALETTE[index]);
    }
    out
}

/// The who-met-whom drawing of `graph` as DOT.
pub fn to_dot_who_met_whom(graph: &Graph) -> String {
    let drawn: Vec<_> = graph
        .edges()
        .filter(|(_, _, e)| {
            matches!(e.relation, RelationKind::MetWith | RelationKind::Attends | RelationKind::OfficialOf)
        })
        .collect();
    // Delegation id → its persons (leaders first), each person in one delegation only.
    let mut members: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    let mut leaders: BTreeSet<&str> = BTreeSet::new();
    for relation in [RelationKind::LeadsDelegation, RelationKind::MemberOf] {
        for (person, delegation, _) in graph.edges().filter(|(s, t, e)| {
            e.relation == relation && s.kind == EntityKind::Person && t.kind == EntityKind::Delegation
        }) {
            if relation == RelationKind::LeadsDelegation {
                leaders.insert(&person.id);
            }
            if placed.insert(&person.id) {
                members.entry(&delegation.id).or_default().push(person);
            }
        }
    }
    let mut shown: BTreeSet<&str> = drawn.iter().flat_map(|(s, t, _)| [s.id.as_str(), t.id.as_str()]).collect();
    shown.extend(placed.iter().copied());
    shown.extend(members.keys().copied());

    let countries = countries(graph);
    let palette = assign_colours(countries.values().map(String::as_str));
    let colour = |node: &Node| {
        countries
            .get(node.id.as_str())
            .and_then(|iso| palette.get(&iso.trim().to_ascii_uppercase()))
            .copied()
            .unwrap_or(NO_COUNTRY)
    };
    let mut ids: BTreeMap<&str, String> = BTreeMap::new();
    for (i, node) in graph.nodes().filter(|n| shown.contains(n.id.as_str())).enumerate() {
        ids.insert(node.id.as_str(), format!("n{i}"));
    }

    let mut bytes = Vec::new();
    {
        let mut writer = DotWriter::from(&mut bytes);
        writer.set_pretty_print(true);
        let mut digraph = writer.digraph();
        digraph.set_rank_direction(RankDirection::LeftRight);
        digraph.set("newrank", "true", false);
        digraph.node_attributes().set_style(Style::Filled).set("fontsize", "12", false);
        digraph.edge_attributes().set("fontsize", "10", false);

        for node in graph.nodes() {
            let Some(id) = ids.get(node.id.as_str()) else { continue };
            if placed.contains(node.id.as_str()) {
                continue; // drawn inside its delegation's cluster
            }
            if node.kind == EntityKind::Delegation {
                let mut cluster = digraph.cluster();
                let fill = colour(node);
                cluster.set("style", "filled,rounded", true).set("color", "#868e96", true);
                cluster.set("fillcolor", &format!("{fill}55"), true);
                cluster.set("tooltip", &escape(&node.id), true);
                cluster
                    .node_named(id.as_str())
                    .set_label(&escape(&node.label))
                    .set("shape", "folder", false)
                    .set("fillcolor", fill, true)
                    .set("tooltip", &escape(&node.id), true);
                for person in members.get(node.id.as_str()).into_iter().flatten() {
                    let Some(pid) = ids.get(person.id.as_str()) else { continue };
                    let mut attrs = cluster.node_named(pid.as_str());
                    attrs
                        .set_label(&node_label(person))
                        .set("shape", "ellipse", false)
                        .set("fillcolor", colour(person), true)
                        .set("tooltip", &escape(&person.id), true);
                    if leaders.contains(person.id.as_str()) {
                        attrs.set("penwidth", "2.5", false);
                    }
                }
                continue;
            }
            let (shape, kind_fill) = look(node.kind);
            let fill = match node.kind {
                EntityKind::Person | EntityKind::Country => colour(node),
                _ => kind_fill,
            };
            digraph
                .node_named(id.as_str())
                .set_label(&node_label(node))
                .set("shape", shape, false)
                .set("fillcolor", fill, true)
                .set("tooltip", &escape(&node.id), true);
        }

        for (source, target, edge) in drawn {
            let (Some(s), Some(t)) = (ids.get(source.id.as_str()), ids.get(target.id.as_str())) else { continue };
            let mut label: Vec<&str> = Vec::new();
            if edge.relation == RelationKind::MetWith {
                label.extend(["place", "date"].iter().filter_map(|k| edge.attributes.get(*k).map(String::as_str)));
            }
            if edge.status != Status::Occurred {
                label.push(edge.status.as_str());
            }
            let mut attrs = digraph.edge(s, t).attributes();
            if edge.relation == RelationKind::MetWith {
                attrs.set("dir", "none", false).set("penwidth", "3", false).set("color", "#c92a2a", true);
            } else {
                attrs.set("penwidth", "0.8", false).set("arrowsize", "0.6", false).set("color", "#adb5bd", true);
                attrs.set("tooltip", edge.relation.as_str(), true);
            }
            if !label.is_empty() {
                attrs.set_label(&escape(&label.join(", ")));
            }
            if edge.status != Status::Occurred {
                attrs.set_style(Style::Dashed);
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The ISO code of the country of each country, person and delegation that has one.
fn countries(graph: &Graph) -> BTreeMap<&str, String> {
    let iso = |n: &Node| {
        n.attributes.get("iso").cloned().unwrap_or_else(|| n.id.rsplit(':').next().unwrap_or_default().to_uppercase())
    };
    let mut out: BTreeMap<&str, String> = BTreeMap::new();
    for node in graph.nodes() {
        match node.kind {
            EntityKind::Country => {
                out.insert(&node.id, iso(node));
            }
            EntityKind::Delegation => {
                if let Some(c) = node.attributes.get("country") {
                    out.insert(&node.id, c.clone());
                }
            }
            _ => {}
        }
    }
    for (source, target, edge) in graph.edges() {
        let country = target.kind == EntityKind::Country;
        if country && matches!(edge.relation, RelationKind::OfficialOf | RelationKind::Represents) {
            out.entry(&source.id).or_insert_with(|| iso(target));
        }
    }
    for (person, delegation, edge) in graph.edges() {
        if matches!(edge.relation, RelationKind::LeadsDelegation | RelationKind::MemberOf) {
            if let Some(c) = out.get(delegation.id.as_str()).cloned() {
                out.entry(&person.id).or_insert(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_dot_who_met_whom(&fixture::graph()));
    }

    #[test]
    fn palette_is_keyed_by_iso() {
        assert_eq!(country_colour("ua"), country_colour("UA"));
        assert_eq!(country_colour("RU"), country_colour(" ru "));
        let distinct: BTreeSet<_> = ["RU", "UA", "US", "TR", "CN", "FR", "DE", "GB"].map(country_colour).into();
        assert!(distinct.len() >= 5, "too many palette collisions: {distinct:?}");
        let assigned = assign_colours(["RU", "UA", "US", "TR", "CN", "FR", "DE", "GB", "ua"]);
        assert_eq!(assigned.len(), 8);
        assert_eq!(assigned.values().collect::<BTreeSet<_>>().len(), 8);
        assert_eq!(assigned.get("CN"), Some(&country_colour("CN")), "the first in ISO order gets its own colour");
    }

    #[test]
    fn clusters_delegations_and_omits_isolated_nodes() {
        let dot = to_dot_who_met_whom(&fixture::graph());
        assert_eq!(dot.matches("subgraph cluster_").count(), 1);
        // Istanbul has only held_in and located_in edges, which are not drawn.
        assert!(!dot.contains("tooltip=\"location:istanbul\""));
        assert!(dot.contains("penwidth=3"));
        assert!(dot.contains("label=\"planned\""));
    }
}
