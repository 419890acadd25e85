//! From the working state to an [`Extraction`]: stable ids derived from content,
//! labels, aliases and attributes, and evidence for every relation.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{Analysis, Form};
use crate::meetings::meeting_label;
use crate::model::{Entity, EntityKind, Evidence, Extraction, Mention, Relation, RelationKind, Span};
use crate::text::slug;

fn base_key(a: &Analysis, e: usize, labels: &[String]) -> String {
    let ent = &a.ents[e];
    let label = &labels[e];
    match ent.kind {
        EntityKind::Country => format!("country:{}", ent.iso.as_deref().unwrap_or("xx").to_ascii_lowercase()),
        EntityKind::Person => format!("person:{}", slug(label)),
        EntityKind::Organization => {
            let key = if ent.key.is_empty() { slug(label) } else { ent.key.clone() };
            format!("organization:{key}")
        }
        EntityKind::Location => format!("location:{}", slug(label)),
        EntityKind::Meeting => {
            let info = ent.meeting.as_ref();
            let date = info.and_then(|m| m.date).map(|d| format!("@{d}")).unwrap_or_default();
            // Named meetings by name; others by kind and place, so that reports of one
            // meeting in different articles share an id.
            let place = info.and_then(|m| m.place).map(|p| slug(&labels[p]));
            let kind = info.and_then(|m| m.class).map_or("meeting", |c| c.as_str());
            let org = info.and_then(|m| m.org).map(|o| format!("{}-", keys_of_org(&a.ents[o], &labels[o])));
            match (info.and_then(|m| m.name.as_ref()), place) {
                (Some(name), _) => format!("meeting:{}{date}", slug(name)),
                (None, Some(place)) => format!("meeting:{}{kind}-{place}{date}", org.unwrap_or_default()),
                (None, None) => format!("meeting:{}{date}", slug(label)),
            }
        }
        EntityKind::Delegation => String::new(),
    }
}

fn keys_of_org(ent: &crate::analysis::Ent, label: &str) -> String {
    if ent.key.is_empty() {
        slug(label)
    } else {
        ent.key.clone()
    }
}

pub fn finish(a: Analysis, with_mentions: bool) -> Extraction {
    let mut mentioned: BTreeSet<usize> = a.mentions.iter().map(|m| m.ent).collect();
    // A country named only by its capital ("the team Moscow sent") is still the one
    // its delegation represents.
    let represented: Vec<usize> = mentioned.iter().filter_map(|&e| a.ents[e].represents).collect();
    mentioned.extend(represented);
    let labels: Vec<String> = (0..a.ents.len())
        .map(|e| if a.ents[e].kind == EntityKind::Meeting { meeting_label(&a, e) } else { a.ents[e].label.clone() })
        .collect();
    let mut keys: Vec<String> = (0..a.ents.len()).map(|e| base_key(&a, e, &labels)).collect();
    // A delegation is named by what it represents and the meeting it attends.
    for e in 0..a.ents.len() {
        if a.ents[e].kind != EntityKind::Delegation {
            continue;
        }
        let who = a.ents[e]
            .represents
            .map(|r| match a.ents[r].iso.as_deref() {
                Some(iso) if a.ents[r].kind == EntityKind::Country => iso.to_ascii_lowercase(),
                _ => keys[r].split_once(':').map_or(String::new(), |(_, k)| k.to_string()),
            })
            .unwrap_or_else(|| slug(&labels[e]));
        let meeting = a
            .rels
            .iter()
            .filter(|r| r.kind == RelationKind::Attends && r.src == e)
            .min_by_key(|r| r.status)
            .map(|r| format!("@{}", keys[r.dst]))
            .unwrap_or_default();
        keys[e] = format!("delegation:{who}{meeting}");
    }

    // Entities that end up with one id are one entity.
    let mut by_key: BTreeMap<String, Entity> = BTreeMap::new();
    for &e in &mentioned {
        let ent = &a.ents[e];
        let entry = by_key.entry(keys[e].clone()).or_insert_with(|| Entity {
            id: keys[e].clone(),
            kind: ent.kind,
            label: labels[e].clone(),
            aliases: BTreeSet::new(),
            attributes: BTreeMap::new(),
        });
        entry.aliases.extend(ent.aliases.iter().cloned());
        for (k, v) in attributes(&a, e) {
            entry.attributes.entry(k).or_insert(v);
        }
    }
    for m in &a.mentions {
        if matches!(m.form, Form::RoleNoun) {
            if let Some(entity) = by_key.get_mut(&keys[m.ent]) {
                entity
                    .aliases
                    .insert(a.slice(m.span).trim_start_matches("the ").trim_start_matches("The ").to_string());
            }
        }
    }
    for entity in by_key.values_mut() {
        let label = entity.label.clone();
        entity.aliases.remove(&label);
        entity.aliases.retain(|s| !s.trim().is_empty());
    }

    let mut mentions: Vec<Mention> = a
        .mentions
        .iter()
        .filter(|_| with_mentions)
        .map(|m| Mention { entity: keys[m.ent].clone(), span: m.span, sentence: m.sent, rule: m.rule.to_string() })
        .collect();
    mentions.sort_by(|x, y| (x.span, &x.entity).cmp(&(y.span, &y.entity)));

    // One relation per (kind, source, target, status): the earliest evidence. Chosen
    // before any evidence is built, since most candidates are duplicates.
    let mut chosen: Vec<(RelationKind, &str, &str, crate::model::Status, usize, usize)> = Vec::new();
    for (n, r) in a.rels.iter().enumerate() {
        if !mentioned.contains(&r.src) || !mentioned.contains(&r.dst) {
            continue;
        }
        let (mut source, mut target) = (keys[r.src].as_str(), keys[r.dst].as_str());
        if source == target {
            continue;
        }
        if r.kind.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        chosen.push((r.kind, source, target, r.status, r.span.start, n));
    }
    chosen.sort();
    chosen.dedup_by(|x, y| (x.0, x.1, x.2, x.3) == (y.0, y.1, y.2, y.3));
    let mut relations: Vec<Relation> = Vec::with_capacity(chosen.len());
    for &(_, source, target, _, _, n) in &chosen {
        let r = &a.rels[n];
        let (source, target) = (source.to_string(), target.to_string());
        let mut attributes = r.attrs.clone();
        if r.kind == RelationKind::MetWith {
            attributes.extend(met_with_attributes(&a, r.src, r.dst, &labels));
        }
        let sentence = &a.sents[r.sent];
        relations.push(Relation {
            kind: r.kind,
            source,
            target,
            status: r.status,
            attributes,
            evidence: Evidence {
                doc: a.doc.id.clone(),
                sentence: r.sent,
                start: r.span.start,
                end: r.span.end,
                rule: r.rule.to_string(),
                text: a.slice(Span::new(sentence.span.start, sentence.span.end)).to_string(),
                date: a.doc.date.map(|d| d.to_string()),
            },
        });
    }

    Extraction {
        doc: a.doc.id.clone(),
        date: a.doc.date,
        entities: by_key.into_values().collect(),
        mentions,
        relations,
    }
}

fn attributes(a: &Analysis, e: usize) -> BTreeMap<String, String> {
    let ent = &a.ents[e];
    let mut attrs = ent.attrs.clone();
    match ent.kind {
        EntityKind::Person => {
            // The first office the article gives, else the first occupation.
            let facts: Vec<_> = a.titles.iter().filter(|t| t.person == e).collect();
            let title = facts.iter().find(|t| t.category.is_office() && !t.former).or(facts.first());
            if let Some(t) = title {
                attrs.insert("title".into(), t.title.clone());
            } else if let Some(k) = ent.known {
                let date = a.doc.date;
                let term =
                    a.gaz.persons[k].terms.iter().map(|&t| &a.gaz.terms[t]).find(|t| date.is_some_and(|d| t.covers(d)));
                if let Some(t) = term {
                    attrs.insert("title".into(), t.title.clone());
                }
            }
        }
        EntityKind::Meeting => {
            if let Some(m) = &ent.meeting {
                if let Some(d) = m.date {
                    attrs.insert("date".into(), d.to_string());
                }
                attrs.insert("status".into(), m.status.to_string());
                if let Some(c) = m.class {
                    attrs.insert("kind".into(), c.as_str().into());
                }
            }
        }
        EntityKind::Delegation => {
            if let Some(iso) = &ent.iso {
                attrs.insert("country".into(), iso.clone());
            }
        }
        _ => {}
    }
    attrs
}

/// Date and place of the meeting both persons attend, if any.
fn met_with_attributes(a: &Analysis, x: usize, y: usize, labels: &[String]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let attends =
        |p: usize, m: usize| a.rels.iter().any(|r| r.kind == RelationKind::Attends && r.src == p && r.dst == m);
    // The smallest meeting both attend: the bilateral, not the summit around it.
    let size = |m: usize| a.rels.iter().filter(|r| r.kind == RelationKind::Attends && r.dst == m).count();
    let shared = (0..a.ents.len())
        .filter(|&m| a.ents[m].kind == EntityKind::Meeting && attends(x, m) && attends(y, m))
        .min_by_key(|&m| (size(m), m));
    if let Some(info) = shared.and_then(|m| a.ents[m].meeting.as_ref()) {
        if let Some(d) = info.date {
            out.insert("date".into(), d.to_string());
        }
        if let Some(p) = info.place {
            out.insert("place".into(), labels[p].clone());
        }
    }
    out
}
