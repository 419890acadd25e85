//! Counting one document: score.py's `score_doc()`. True positives, spurious items
//! (unmatched nodes, duplicates, edges that map onto nothing required or optional) and
//! misses, per entity type and per relation, plus the edges that contradict the text.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::{Map, Value};

use super::gold::{GoldDoc, RelKey};
use super::mapping::{map_nodes, relation_name, Node};
use super::norm::{is_relation, ENTITY_TYPES, RELATIONS};
use super::py::{self, get, or, py_str};

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Counts per entity type or per relation name, in name order.
pub type TypeCounts = BTreeMap<&'static str, Counts>;

pub fn zero_counts(names: &[&'static str]) -> TypeCounts {
    names.iter().map(|n| (*n, Counts::default())).collect()
}

/// One document's result.
#[derive(Debug, Clone, Default)]
pub struct DocScores {
    pub entities: Counts,
    pub entity_types: TypeCounts,
    pub relations: Counts,
    pub relation_types: TypeCounts,
    /// Edges that match a gold negative.
    pub negatives_violated: Vec<String>,
    /// Edges whose relation name is not one of the scored relations.
    pub ignored_edges: usize,
    pub misses: Vec<String>,
    pub spurious: Vec<String>,
}

/// `counts[name]`, or Python's KeyError for a name that is not counted.
fn slot<'a>(counts: &'a mut TypeCounts, name: &str) -> Result<&'a mut Counts, String> {
    counts.get_mut(name).ok_or_else(|| py::repr_str(name))
}

/// Scores the system output `data` (a node-link graph) against `doc`. An error is
/// where score.py would raise: the document then scores zero.
pub fn score_doc(doc: &GoldDoc, data: &Value) -> Result<DocScores, String> {
    let data = py::as_dict(data)?;
    let empty = Value::Array(Vec::new());
    let nodes_value = data.get("nodes").unwrap_or(&empty);
    let edges_value = data.get("edges").unwrap_or_else(|| data.get("links").unwrap_or(&empty));
    let node_values = py::iterate(nodes_value)?;
    let objects = node_values.iter().map(py::as_dict).collect::<Result<Vec<_>, _>>()?;
    let nodes: Vec<Node> = objects.iter().map(|o| Node::new(o)).collect();
    let by_id: HashMap<&str, &Map<String, Value>> = nodes.iter().map(|n| (n.id.as_str(), n.obj)).collect();
    let (mapping, edges) = map_nodes(doc, &nodes, edges_value)?;
    let mapped = |id: &Value| mapping.get(&py_str(id)).copied().flatten();

    let mut res = DocScores {
        entity_types: zero_counts(&ENTITY_TYPES),
        relation_types: zero_counts(&RELATIONS),
        ..DocScores::default()
    };

    // entities
    let mut seen: HashMap<usize, String> = HashMap::new();
    for n in nodes.iter().filter(|n| n.is_entity()) {
        let label = py_str(or(&[get(n.obj, "label"), get(n.obj, "name"), get(n.obj, "id")]));
        match mapping.get(&n.id).copied().flatten() {
            None => {
                res.entities.fp += 1;
                slot(&mut res.entity_types, &n.kind)?.fp += 1;
                res.spurious.push(format!("node {}: {label}", n.kind));
            }
            Some(key) => {
                if let Some(first) = seen.get(&key) {
                    res.entities.fp += 1;
                    slot(&mut res.entity_types, &n.kind)?.fp += 1;
                    res.spurious.push(format!("duplicate {}: {label} (same as {first})", n.kind));
                } else {
                    seen.insert(key, label);
                }
            }
        }
    }
    for (i, e) in doc.entities.iter().enumerate() {
        if e.optional {
            continue;
        }
        if seen.contains_key(&i) {
            res.entities.tp += 1;
            slot(&mut res.entity_types, &e.kind)?.tp += 1;
        } else {
            res.entities.fn_ += 1;
            slot(&mut res.entity_types, &e.kind)?.fn_ += 1;
            res.misses.push(format!("entity {}: {}", e.kind, e.name));
        }
    }

    // relations
    let mut gold_req: Vec<RelKey> = Vec::new();
    let mut req_set: HashSet<RelKey> = HashSet::new();
    let mut gold_opt: HashSet<RelKey> = HashSet::new();
    for r in &doc.relations {
        let k = GoldDoc::rel_key(&r.source, &r.relation, &r.target);
        if r.optional {
            gold_opt.insert(k);
        } else if req_set.insert(k.clone()) {
            gold_req.push(k);
        }
    }
    gold_opt.retain(|k| !req_set.contains(k));
    let negatives: HashSet<RelKey> =
        doc.negatives.iter().map(|r| GoldDoc::rel_key(&r.source, &r.relation, &r.target)).collect();

    let mut found: HashSet<RelKey> = HashSet::new();
    let mut counted_fp: HashSet<RelKey> = HashSet::new();
    for e in edges {
        let r = relation_name(e);
        if !is_relation(&r) {
            res.ignored_edges += 1;
            continue;
        }
        let (source, target) = (get(e, "source"), get(e, "target"));
        let k = match (mapped(source), mapped(target)) {
            (Some(s), Some(t)) if s == t => continue,
            (Some(s), Some(t)) => Some(GoldDoc::rel_key(&doc.entities[s].key, &r, &doc.entities[t].key)),
            _ => None,
        };
        if let Some(k) = &k {
            if req_set.contains(k) {
                found.insert(k.clone());
                continue;
            }
            if gold_opt.contains(k) {
                continue;
            }
        }
        let fp_key = k.clone().unwrap_or_else(|| (py_str(source), r.clone(), py_str(target)));
        if !counted_fp.insert(fp_key) {
            continue;
        }
        res.relations.fp += 1;
        slot(&mut res.relation_types, &r)?.fp += 1;
        let end_label = |end: &Value| {
            let node = by_id.get(py_str(end).as_str()).copied();
            py_str(node.and_then(|n| n.get("label")).unwrap_or(end))
        };
        let (sl, tl) = (end_label(source), end_label(target));
        res.spurious.push(format!("edge {sl} -[{r}]-> {tl}"));
        if k.is_some_and(|k| negatives.contains(&k)) {
            res.negatives_violated.push(format!("{sl} -[{r}]-> {tl}"));
        }
    }
    for k in &gold_req {
        let counts = slot(&mut res.relation_types, &k.1)?;
        if found.contains(k) {
            res.relations.tp += 1;
            counts.tp += 1;
        } else {
            res.relations.fn_ += 1;
            counts.fn_ += 1;
            let (s, t) = (doc.entity(&k.0)?, doc.entity(&k.2)?);
            res.misses.push(format!("relation {} -[{}]-> {}", s.name, k.1, t.name));
        }
    }
    Ok(res)
}

/// What a document that could not be scored counts: every required entity and
/// required relation missed (relations counted as written, direction included).
pub fn failed_counts(doc: &GoldDoc) -> (Counts, Counts) {
    let entities = doc.entities.iter().filter(|e| !e.optional).count();
    let relations: HashSet<(&str, &str, &str)> = doc
        .relations
        .iter()
        .filter(|r| !r.optional)
        .map(|r| (r.source.as_str(), r.relation.as_str(), r.target.as_str()))
        .collect();
    (Counts { fn_: entities, ..Counts::default() }, Counts { fn_: relations.len(), ..Counts::default() })
}
