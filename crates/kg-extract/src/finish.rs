//! From the working state to a [`Draft`] of its extraction: stable ids derived from
//! content, labels, aliases and attributes, and where the evidence of every relation is.

mod ids;

use std::collections::BTreeMap;

use crate::analysis::{Analysis, Form};
use crate::dates::DateValue;
use crate::model::{Document, Draft, DraftRelation, Entity, EntityKind, EvidenceAt, Mention, Origin, RelationKind};
use crate::text::{slug, strip_all};

use ids::{base_key, date_string, in_key_order, Labels};

/// The extraction of the analysis `a` of its document.
#[cfg(test)]
pub fn finish(a: &mut Analysis, with_mentions: bool) -> crate::model::Extraction {
    let doc = a.doc;
    draft(a, doc, with_mentions).into_extraction()
}

/// The draft of the analysis `a` of `doc` (or of its reading: offsets are then the
/// reading's, sentences spans of the reading, until [`crate::text::OffsetMap::restore`]).
pub fn draft<'d>(a: &mut Analysis, doc: &'d Document, with_mentions: bool) -> Draft<'d> {
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

    let labels = Labels::new(a);
    let mut keys: Vec<String> = vec![String::new(); n];
    for meetings in [false, true] {
        for e in (0..n).filter(|&e| (a.ents[e].kind == EntityKind::Meeting) == meetings) {
            keys[e] = base_key(a, e, &labels, &keys);
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
            .unwrap_or_else(|| slug(labels.of(a, e)));
        let meeting = a
            .rels
            .iter()
            .filter(|r| r.kind == RelationKind::Attends && r.src == e)
            .min_by_key(|r| r.status)
            .map(|r| ["@", keys[r.dst].as_str()].concat())
            .unwrap_or_default();
        keys[e] = ["delegation:", &who, &meeting].concat();
    }

    // Entities that end up with one id are one entity: the mentioned ones sorted by id
    // (within an id in entity order) and grouped. `slot` maps an entity to its place in
    // the list, which is also its id's rank: relations compare slots, not ids.
    let order = in_key_order(&keys, (0..n).filter(|&e| mentioned[e]));
    let mut slot: Vec<Option<usize>> = vec![None; n];
    let mut entities: Vec<Entity> = Vec::with_capacity(order.len());
    for (_, e) in order {
        // The analysis is done with once finished, and these are read once: moved,
        // not cloned.
        let aliases = std::mem::take(&mut a.ents[e].aliases);
        let own = std::mem::take(&mut a.ents[e].attrs);
        let attrs = attributes(a, e, own);
        match entities.last_mut() {
            Some(entry) if entry.id == keys[e] => {
                if entry.aliases.is_empty() {
                    entry.aliases = aliases;
                } else {
                    entry.aliases.extend(aliases);
                }
                if entry.attributes.is_empty() {
                    entry.attributes = attrs;
                } else {
                    for (k, v) in attrs {
                        entry.attributes.entry(k).or_insert(v);
                    }
                }
            }
            _ => entities.push(Entity {
                // Ids are read through `slot` from here on, so the key moves.
                id: std::mem::take(&mut keys[e]),
                kind: a.ents[e].kind,
                label: labels.of(a, e).to_string(),
                aliases,
                attributes: attrs,
            }),
        }
        slot[e] = Some(entities.len() - 1);
    }
    let id = |e: usize| slot[e].and_then(|s| entities.get(s)).map_or("", |x| x.id.as_str());
    let mut mentions: Vec<Mention> = if with_mentions {
        a.mentions
            .iter()
            .map(|m| Mention {
                entity: id(m.ent).to_string(),
                span: m.span,
                sentence: m.sent,
                rule: m.rule.to_string(),
            })
            .collect()
    } else {
        Vec::new()
    };
    mentions.sort_by(|x, y| (x.span, &x.entity).cmp(&(y.span, &y.entity)));
    for m in &a.mentions {
        if matches!(m.form, Form::RoleNoun) {
            if let Some(entity) = slot[m.ent].and_then(|s| entities.get_mut(s)) {
                let alias = strip_all(strip_all(a.slice(m.span), "the "), "The ");
                if !entity.aliases.contains(alias) {
                    entity.aliases.insert(alias.to_string());
                }
            }
        }
    }
    for entity in &mut entities {
        let Entity { label, aliases, .. } = entity;
        aliases.remove(label.as_str());
        if aliases.iter().any(|s| s.trim().is_empty()) {
            aliases.retain(|s| !s.trim().is_empty());
        }
    }

    let chosen = chosen_relations(a, &slot);
    let date = a.doc.date.map(|d| date_string(DateValue::from_date(d)));
    let mut attendance = None;
    let mut relations: Vec<DraftRelation> = Vec::with_capacity(chosen.len());
    for (_, source, target, _, _, i) in chosen {
        // Each candidate survives the dedup at most once, so its attributes can move.
        let mut attributes = std::mem::take(&mut a.rels[i].attrs);
        let r = &a.rels[i];
        if r.kind == RelationKind::MetWith {
            let attendance = attendance.get_or_insert_with(|| Attendance::new(a));
            met_with_attributes(a, attendance, r.src, r.dst, &labels, &mut attributes);
        }
        relations.push(DraftRelation {
            kind: r.kind,
            source,
            target,
            status: r.status,
            attributes,
            evidence: EvidenceAt {
                sentence: r.sent,
                start: r.span.start,
                end: r.span.end,
                rule: r.rule,
                text: a.sents[r.sent].span,
            },
        });
    }

    let origin = Origin { doc: &doc.id, text: &doc.text, date };
    Draft { origin, date: a.doc.date, entities, mentions, relations }
}

/// A relation to make: (kind, source slot, target slot, status, start, index).
type Candidate = (RelationKind, usize, usize, crate::model::Status, usize, usize);

/// One relation per (kind, source, target, status): the earliest evidence, in
/// (kind, source id, target id, status) order. Chosen before any evidence is built,
/// since some candidates are duplicates. Slots order as the ids do, and are equal when
/// the ids are.
fn chosen_relations(a: &Analysis, slot: &[Option<usize>]) -> Vec<Candidate> {
    let mut chosen: Vec<Candidate> = Vec::with_capacity(a.rels.len());
    for (i, r) in a.rels.iter().enumerate() {
        let (Some(mut source), Some(mut target)) = (slot[r.src], slot[r.dst]) else { continue };
        if source == target {
            continue;
        }
        if r.kind.is_symmetric() && target < source {
            std::mem::swap(&mut source, &mut target);
        }
        chosen.push((r.kind, source, target, r.status, r.span.start, i));
    }
    chosen.sort_unstable();
    chosen.dedup_by(|x, y| (x.0, x.1, x.2, x.3) == (y.0, y.1, y.2, y.3));
    chosen
}

/// The entity's own attributes `attrs`, with those `finish` derives.
fn attributes(a: &Analysis, e: usize, mut attrs: BTreeMap<String, String>) -> BTreeMap<String, String> {
    let ent = &a.ents[e];
    match ent.kind {
        EntityKind::Person => {
            // The first office the article gives, else the first occupation; never a
            // title the article says was held before ("then President-elect X").
            let facts = || a.titles.iter().filter(|t| t.person == e && !t.former);
            let title = facts().find(|t| t.category.is_office()).or_else(|| facts().next());
            if let Some(t) = title {
                attrs.insert("title".into(), t.title.clone());
            } else if let (Some(k), false) = (ent.known, attrs.contains_key("title")) {
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
                    attrs.insert("date".into(), date_string(d));
                }
                attrs.insert("status".into(), m.status.as_str().into());
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

/// Date and place of the meeting both persons attend, if any, set in `out`.
fn met_with_attributes(
    a: &Analysis,
    attendance: &Attendance,
    x: usize,
    y: usize,
    labels: &Labels,
    out: &mut BTreeMap<String, String>,
) {
    // The smallest meeting both attend: the bilateral, not the summit around it.
    let shared = attendance
        .of(x)
        .filter(|&m| a.ents.get(m).is_some_and(|ent| ent.kind == EntityKind::Meeting) && attendance.attends(y, m))
        .min_by_key(|&m| (attendance.size.get(m).copied().unwrap_or(0), m));
    if let Some(info) = shared.and_then(|m| a.ents[m].meeting.as_ref()) {
        if let Some(d) = info.date {
            out.insert("date".into(), date_string(d));
        }
        if let Some(p) = info.place {
            out.insert("place".into(), labels.of(a, p).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn stripping_prefixes_is_trim_start_matches(s in "((the |The |th|e )){0,4}[a-z ]{0,6}") {
            proptest::prop_assert_eq!(
                strip_all(strip_all(&s, "the "), "The "),
                s.trim_start_matches("the ").trim_start_matches("The ")
            );
        }
    }
}
