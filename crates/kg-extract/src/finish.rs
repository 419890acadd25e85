//! From the working state to an [`Extraction`]: stable ids derived from content,
//! labels, aliases and attributes, and evidence for every relation.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::{Analysis, Form};
use crate::meetings::meeting_label;
use crate::model::{Entity, EntityKind, Evidence, Extraction, Mention, Relation, RelationKind, Span};
use crate::text::slug;

/// The id of entity `e` before delegations are named. Meetings must come after the
/// other kinds: their keys reuse the slugs already made for their place and host.
fn base_key(a: &Analysis, e: usize, labels: &[Cow<str>], keys: &[String]) -> String {
    let ent = &a.ents[e];
    let label = &labels[e];
    match ent.kind {
        EntityKind::Country => format!("country:{}", ent.iso.as_deref().unwrap_or("xx").to_ascii_lowercase()),
        EntityKind::Person => format!("person:{}", slug(label)),
        EntityKind::Organization => format!("organization:{}", keys_of_org(ent, label)),
        EntityKind::Location => format!("location:{}", slug(label)),
        EntityKind::Meeting => {
            let info = ent.meeting.as_ref();
            let date = info.and_then(|m| m.date).map(|d| format!("@{d}")).unwrap_or_default();
            // Named meetings by name; others by kind and place, so that reports of one
            // meeting in different articles share an id.
            let place = info.and_then(|m| m.place).map(|p| match a.ents[p].kind {
                EntityKind::Location => key_suffix(&keys[p], "location:", || slug(&labels[p])),
                EntityKind::Person => key_suffix(&keys[p], "person:", || slug(&labels[p])),
                _ => Cow::Owned(slug(&labels[p])),
            });
            let kind = info.and_then(|m| m.class).map_or("meeting", |c| c.as_str());
            let org = info.and_then(|m| m.org).map(|o| match a.ents[o].kind {
                EntityKind::Organization => {
                    key_suffix(&keys[o], "organization:", || keys_of_org(&a.ents[o], &labels[o]))
                }
                _ => Cow::Owned(keys_of_org(&a.ents[o], &labels[o])),
            });
            match (info.and_then(|m| m.name.as_ref()), place) {
                (Some(name), _) => format!("meeting:{}{date}", slug(name)),
                (None, Some(place)) => match org {
                    Some(org) => format!("meeting:{org}-{kind}-{place}{date}"),
                    None => format!("meeting:{kind}-{place}{date}"),
                },
                (None, None) => format!("meeting:{}{date}", slug(label)),
            }
        }
        EntityKind::Delegation => String::new(),
    }
}

/// The part of an already made key after its kind, or (should the key not have that
/// form) the same part made afresh.
fn key_suffix<'k>(key: &'k str, prefix: &str, make: impl FnOnce() -> String) -> Cow<'k, str> {
    key.strip_prefix(prefix).map_or_else(|| Cow::Owned(make()), Cow::Borrowed)
}

fn keys_of_org(ent: &crate::analysis::Ent, label: &str) -> String {
    if ent.key.is_empty() {
        slug(label)
    } else {
        ent.key.clone()
    }
}

pub fn finish(mut a: Analysis, with_mentions: bool) -> Extraction {
    let n = a.ents.len();
    // Indexed by entity: walked in index order it gives the order a sorted set would.
    let mut mentioned = vec![false; n];
    for m in &a.mentions {
        mentioned[m.ent] = true;
    }
    // A country named only by its capital ("the team Moscow sent") is still the one
    // its delegation represents.
    let represented: Vec<usize> = (0..n).filter(|&e| mentioned[e]).filter_map(|e| a.ents[e].represents).collect();
    for r in represented {
        mentioned[r] = true;
    }
    // `finish` consumes the analysis and reads each of these once: moved, not cloned.
    let mut ent_aliases: Vec<BTreeSet<String>> = a.ents.iter_mut().map(|e| std::mem::take(&mut e.aliases)).collect();
    let mut ent_attrs: Vec<BTreeMap<String, String>> =
        a.ents.iter_mut().map(|e| std::mem::take(&mut e.attrs)).collect();
    let mut rel_attrs: Vec<BTreeMap<String, String>> =
        a.rels.iter_mut().map(|r| std::mem::take(&mut r.attrs)).collect();

    let labels: Vec<Cow<str>> = (0..n)
        .map(|e| {
            let ent = &a.ents[e];
            if ent.kind == EntityKind::Meeting {
                Cow::Owned(meeting_label(&a, e))
            } else {
                Cow::Borrowed(ent.label.as_str())
            }
        })
        .collect();
    let mut keys: Vec<String> = vec![String::new(); n];
    for meetings in [false, true] {
        for e in (0..n).filter(|&e| (a.ents[e].kind == EntityKind::Meeting) == meetings) {
            keys[e] = base_key(&a, e, &labels, &keys);
        }
    }
    // A delegation is named by what it represents and the meeting it attends.
    for e in 0..n {
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
    let mut by_key: BTreeMap<&str, Entity> = BTreeMap::new();
    for e in (0..n).filter(|&e| mentioned[e]) {
        let ent = &a.ents[e];
        let entry = by_key.entry(keys[e].as_str()).or_insert_with(|| Entity {
            id: keys[e].clone(),
            kind: ent.kind,
            label: labels[e].to_string(),
            aliases: BTreeSet::new(),
            attributes: BTreeMap::new(),
        });
        let aliases = std::mem::take(&mut ent_aliases[e]);
        if entry.aliases.is_empty() {
            entry.aliases = aliases;
        } else {
            entry.aliases.extend(aliases);
        }
        let attrs = attributes(&a, e, std::mem::take(&mut ent_attrs[e]));
        if entry.attributes.is_empty() {
            entry.attributes = attrs;
        } else {
            for (k, v) in attrs {
                entry.attributes.entry(k).or_insert(v);
            }
        }
    }
    for m in &a.mentions {
        if matches!(m.form, Form::RoleNoun) {
            if let Some(entity) = by_key.get_mut(keys[m.ent].as_str()) {
                let alias = a.slice(m.span).trim_start_matches("the ").trim_start_matches("The ");
                if !entity.aliases.contains(alias) {
                    entity.aliases.insert(alias.to_string());
                }
            }
        }
    }
    for entity in by_key.values_mut() {
        let Entity { label, aliases, .. } = entity;
        aliases.remove(label.as_str());
        if aliases.iter().any(|s| s.trim().is_empty()) {
            aliases.retain(|s| !s.trim().is_empty());
        }
    }

    let mut mentions: Vec<Mention> = if with_mentions {
        a.mentions
            .iter()
            .map(|m| Mention { entity: keys[m.ent].clone(), span: m.span, sentence: m.sent, rule: m.rule.to_string() })
            .collect()
    } else {
        Vec::new()
    };
    mentions.sort_by(|x, y| (x.span, &x.entity).cmp(&(y.span, &y.entity)));

    // One relation per (kind, source, target, status): the earliest evidence. Chosen
    // before any evidence is built, since most candidates are duplicates.
    let mut chosen: Vec<(RelationKind, &str, &str, crate::model::Status, usize, usize)> = Vec::new();
    for (i, r) in a.rels.iter().enumerate() {
        if !mentioned[r.src] || !mentioned[r.dst] {
            continue;
        }
        let (mut source, mut target) = (keys[r.src].as_str(), keys[r.dst].as_str());
        if source == target {
            continue;
        }
        if r.kind.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        chosen.push((r.kind, source, target, r.status, r.span.start, i));
    }
    chosen.sort();
    chosen.dedup_by(|x, y| (x.0, x.1, x.2, x.3) == (y.0, y.1, y.2, y.3));
    let date = a.doc.date.map(|d| d.to_string());
    let mut attendance = None;
    let mut relations: Vec<Relation> = Vec::with_capacity(chosen.len());
    for &(_, source, target, _, _, i) in &chosen {
        let r = &a.rels[i];
        // Each candidate survives the dedup at most once, so its attributes can move.
        let mut attributes = std::mem::take(&mut rel_attrs[i]);
        if r.kind == RelationKind::MetWith {
            let attendance = attendance.get_or_insert_with(|| Attendance::new(&a));
            attributes.extend(met_with_attributes(&a, attendance, r.src, r.dst, &labels));
        }
        let sentence = &a.sents[r.sent];
        relations.push(Relation {
            kind: r.kind,
            source: source.to_string(),
            target: target.to_string(),
            status: r.status,
            attributes,
            evidence: Evidence {
                doc: a.doc.id.clone(),
                sentence: r.sent,
                start: r.span.start,
                end: r.span.end,
                rule: r.rule.to_string(),
                text: a.slice(Span::new(sentence.span.start, sentence.span.end)).to_string(),
                date: date.clone(),
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

/// The entity's own attributes `attrs`, with those `finish` derives.
fn attributes(a: &Analysis, e: usize, mut attrs: BTreeMap<String, String>) -> BTreeMap<String, String> {
    let ent = &a.ents[e];
    match ent.kind {
        EntityKind::Person => {
            // The first office the article gives, else the first occupation.
            let facts = || a.titles.iter().filter(|t| t.person == e);
            let title = facts().find(|t| t.category.is_office() && !t.former).or_else(|| facts().next());
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

/// Who attends which meeting, indexed once per document that has a met-with relation
/// (each one otherwise scanned every relation for every meeting).
struct Attendance {
    /// (attendee, meeting), sorted.
    pairs: Vec<(usize, usize)>,
    /// Attendees per meeting, by entity.
    size: Vec<usize>,
}

impl Attendance {
    fn new(a: &Analysis) -> Self {
        let mut pairs: Vec<(usize, usize)> =
            a.rels.iter().filter(|r| r.kind == RelationKind::Attends).map(|r| (r.src, r.dst)).collect();
        let mut size = vec![0; a.ents.len()];
        for &(_, m) in &pairs {
            if let Some(s) = size.get_mut(m) {
                *s += 1;
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        Attendance { pairs, size }
    }

    /// The meetings `p` attends, in entity order.
    fn of(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.pairs.partition_point(|&(q, _)| q < p);
        self.pairs[from..].iter().take_while(move |&&(q, _)| q == p).map(|&(_, m)| m)
    }

    fn attends(&self, p: usize, m: usize) -> bool {
        self.pairs.binary_search(&(p, m)).is_ok()
    }
}

/// Date and place of the meeting both persons attend, if any.
fn met_with_attributes(
    a: &Analysis,
    attendance: &Attendance,
    x: usize,
    y: usize,
    labels: &[Cow<str>],
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    // The smallest meeting both attend: the bilateral, not the summit around it.
    let shared = attendance
        .of(x)
        .filter(|&m| a.ents.get(m).is_some_and(|ent| ent.kind == EntityKind::Meeting) && attendance.attends(y, m))
        .min_by_key(|&m| (attendance.size.get(m).copied().unwrap_or(0), m));
    if let Some(info) = shared.and_then(|m| a.ents[m].meeting.as_ref()) {
        if let Some(d) = info.date {
            out.insert("date".into(), d.to_string());
        }
        if let Some(p) = info.place {
            out.insert("place".into(), labels[p].to_string());
        }
    }
    out
}
