//! Corpus-level resolution, once every document is in: one node per real-world entity
//! across the whole corpus. Each document's extraction already resolved names inside
//! it; here a bare surname joins the one person of the corpus it can be, spellings of
//! one full name join, and reports of one meeting (same place, same date) join —
//! with the delegations that attended it.
//!
//! Every merge is decided from the graph alone and applied in id order, so the result
//! does not depend on the order documents or graphs arrived in.

use std::collections::{BTreeMap, BTreeSet};

use kg_extract::text::{fold, translit_key};
use kg_extract::{EntityKind, RelationKind};

use crate::graph::Graph;

impl Graph {
    /// Runs every corpus-level merge.
    pub fn resolve(&mut self) {
        self.merge_spellings();
        self.merge_surnames();
        let moved = self.merge_meetings();
        self.follow_meetings(&moved);
    }

    fn persons(&self) -> Vec<(String, String)> {
        self.nodes().filter(|n| n.kind == EntityKind::Person).map(|n| (n.id.clone(), n.label.clone())).collect()
    }

    /// "Andriy Yermak" and "Andrii Yermak": one person, under the smaller id.
    fn merge_spellings(&mut self) {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (id, label) in self.persons() {
            if label.contains(' ') {
                let key: Vec<String> = label.split_whitespace().map(translit_key).collect();
                groups.entry(key.join(" ")).or_default().push(id);
            }
        }
        for ids in groups.into_values() {
            if let Some((first, rest)) = ids.split_first() {
                for other in rest {
                    self.merge_nodes(other, first);
                }
            }
        }
    }

    /// A person known only by a surname joins the one full-named person of the corpus
    /// with that surname; with two candidates, nothing is merged.
    fn merge_surnames(&mut self) {
        let persons = self.persons();
        // Candidates by surname key and by one-word alias, indexed once: an archive has
        // tens of thousands of persons. Full-named persons are never merged away here,
        // and only gain aliases, which are added to the index as they come.
        let mut by_last: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut by_alias: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (id, full) in persons.iter().filter(|(_, label)| label.contains(' ')) {
            let last = full.rsplit(' ').next().unwrap_or(full);
            by_last.entry(translit_key(last)).or_default().push(id.clone());
            self.index_aliases(id, &mut by_alias);
        }
        for (id, label) in &persons {
            if label.contains(' ') {
                continue;
            }
            let mut candidates: BTreeSet<&String> = by_last.get(&translit_key(label)).into_iter().flatten().collect();
            candidates.extend(by_alias.get(&fold(label)).into_iter().flatten());
            candidates.remove(id);
            if let [one] = candidates.into_iter().collect::<Vec<_>>().as_slice() {
                let one = (*one).clone();
                self.merge_nodes(id, &one);
                self.index_aliases(&one, &mut by_alias);
            }
        }
    }

    /// Adds the one-word aliases of node `id` to the alias index.
    fn index_aliases(&self, id: &str, by_alias: &mut BTreeMap<String, BTreeSet<String>>) {
        for alias in self.node(id).into_iter().flat_map(|n| &n.aliases).filter(|a| !a.contains(' ')) {
            by_alias.entry(fold(alias)).or_default().insert(id.to_string());
        }
    }

    /// Meetings held in the same place on the same day are one meeting, but a signing
    /// ceremony stays apart from the talks held there that day. Returns the ids that
    /// were merged away, with where they went.
    fn merge_meetings(&mut self) -> BTreeMap<String, String> {
        let mut groups: BTreeMap<(String, String, bool), Vec<String>> = BTreeMap::new();
        for (source, target, edge) in self.edges() {
            if source.kind != EntityKind::Meeting || edge.relation != RelationKind::HeldIn {
                continue;
            }
            let Some(date) = source.attributes.get("date").filter(|d| d.len() == 10) else { continue };
            let ceremony = source.attributes.get("kind").is_some_and(|k| k == "ceremony");
            groups.entry((target.id.clone(), date.clone(), ceremony)).or_default().push(source.id.clone());
        }
        let mut moved = BTreeMap::new();
        for mut ids in groups.into_values() {
            ids.sort();
            ids.dedup();
            if let Some((first, rest)) = ids.split_first() {
                for other in rest {
                    self.merge_nodes(other, first);
                    moved.insert(other.clone(), first.clone());
                }
            }
        }
        moved
    }

    /// A delegation's id names its meeting; when the meeting merged, so does it.
    fn follow_meetings(&mut self, moved: &BTreeMap<String, String>) {
        if moved.is_empty() {
            return;
        }
        let delegations: Vec<String> =
            self.nodes().filter(|n| n.kind == EntityKind::Delegation).map(|n| n.id.clone()).collect();
        for id in delegations {
            let Some((who, meeting)) = id.split_once('@') else { continue };
            if let Some(to) = moved.get(meeting) {
                let new_id = format!("{who}@{to}");
                self.merge_nodes(&id, &new_id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use kg_extract::{Entity, EntityKind, Evidence, Extraction, Relation, RelationKind, Status};

    use crate::Graph;

    fn person(id: &str, label: &str) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Person,
            label: label.into(),
            aliases: Default::default(),
            attributes: BTreeMap::new(),
        }
    }

    fn rel(s: &str, kind: RelationKind, t: &str, doc: &str) -> Relation {
        Relation {
            kind,
            source: s.into(),
            target: t.into(),
            status: Status::Occurred,
            attributes: BTreeMap::new(),
            evidence: Evidence {
                doc: doc.into(),
                sentence: 0,
                start: 0,
                end: 1,
                rule: "t".into(),
                text: "t".into(),
                date: None,
            },
        }
    }

    #[test]
    fn a_surname_joins_the_one_full_name() {
        let mut g = Graph::new();
        g.add_extraction(&Extraction {
            doc: "a".into(),
            entities: vec![person("person:musa-kamau", "Musa Kamau"), person("person:ann-lee", "Ann Lee")],
            relations: vec![rel("person:musa-kamau", RelationKind::MetWith, "person:ann-lee", "a")],
            ..Extraction::default()
        });
        g.add_extraction(&Extraction {
            doc: "b".into(),
            entities: vec![person("person:kamau", "Kamau"), person("person:ann-lee", "Ann Lee")],
            relations: vec![rel("person:kamau", RelationKind::MetWith, "person:ann-lee", "b")],
            ..Extraction::default()
        });
        g.resolve();
        assert!(g.node("person:kamau").is_none());
        assert_eq!(g.node("person:musa-kamau").map(|n| n.label.as_str()), Some("Musa Kamau"));
        let (_, _, e) = g.edges().next().expect("one edge");
        assert_eq!(e.count, 2);
    }

    /// Two reports of talks in one place on one day join; a ceremony there stays apart.
    #[test]
    fn meetings_of_one_place_and_day_join_but_a_ceremony() {
        let meeting = |id: &str, kind: &str| Entity {
            id: id.into(),
            kind: EntityKind::Meeting,
            label: id.into(),
            aliases: Default::default(),
            attributes: [("date".to_string(), "2025-08-08".to_string()), ("kind".to_string(), kind.to_string())]
                .into_iter()
                .collect(),
        };
        let place = Entity { kind: EntityKind::Location, ..person("location:oslo", "Oslo") };
        let mut g = Graph::new();
        g.add_extraction(&Extraction {
            doc: "a".into(),
            entities: vec![
                meeting("meeting:talks-a", "talks"),
                meeting("meeting:meeting-b", "meeting"),
                meeting("meeting:ceremony-c", "ceremony"),
                place,
            ],
            relations: ["meeting:talks-a", "meeting:meeting-b", "meeting:ceremony-c"]
                .into_iter()
                .map(|m| rel(m, RelationKind::HeldIn, "location:oslo", "a"))
                .collect(),
            ..Extraction::default()
        });
        g.resolve();
        let meetings: Vec<&str> = g.nodes().filter(|n| n.kind == EntityKind::Meeting).map(|n| n.id.as_str()).collect();
        assert_eq!(meetings.len(), 2, "{meetings:?}");
        assert!(meetings.contains(&"meeting:ceremony-c"), "{meetings:?}");
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let mut g = Graph::new();
        for (id, label) in
            [("person:musa-kamau", "Musa Kamau"), ("person:jane-kamau", "Jane Kamau"), ("person:kamau", "Kamau")]
        {
            g.add_entity(&person(id, label));
        }
        g.resolve();
        assert_eq!(g.node_count(), 3);
    }

    #[test]
    fn transliterations_of_one_full_name_join() {
        let mut g = Graph::new();
        g.add_entity(&person("person:andriy-yermak", "Andriy Yermak"));
        g.add_entity(&person("person:andrii-yermak", "Andrii Yermak"));
        g.resolve();
        assert_eq!(g.node_count(), 1);
    }
}
