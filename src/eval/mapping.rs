//! Matching system nodes to gold entities: score.py's `map_nodes()`.
//!
//! Persons, countries, organisations and locations are matched by label, aliases and
//! ISO code (with the surname fallback for persons); delegations and meetings then by
//! label, or by their `represents` / `held_in` edge, or a delegation by its `country`
//! attribute. Gold entities are always visited in file order, which decides ties.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::gold::GoldDoc;
use super::norm::{is_entity_type, node_type, norm};
use super::py::{self, attr, get, or, py_str};

/// A system node as the scorer sees it.
#[derive(Debug)]
pub struct Node<'a> {
    pub obj: &'a Map<String, Value>,
    /// `str(n.get("id"))`.
    pub id: String,
    /// The node's type, synonyms mapped.
    pub kind: String,
}

impl<'a> Node<'a> {
    pub fn new(obj: &'a Map<String, Value>) -> Self {
        let t = or(&[get(obj, "type"), get(obj, "kind"), get(obj, "label_type")]);
        let t = if py::truthy(t) { py_str(t) } else { String::new() };
        Node { obj, id: py_str(get(obj, "id")), kind: node_type(&t) }
    }

    pub fn is_entity(&self) -> bool {
        is_entity_type(&self.kind)
    }
}

/// An edge's relation name, lower case (`relation`, else `type`, else `label`).
pub fn relation_name(edge: &Map<String, Value>) -> String {
    let r = or(&[get(edge, "relation"), get(edge, "type"), get(edge, "label")]);
    if py::truthy(r) {
        py_str(r).to_lowercase()
    } else {
        String::new()
    }
}

/// Node id → index of the gold entity it stands for (or `None`).
pub type Mapping = HashMap<String, Option<usize>>;

/// A system edge (a JSON object).
pub type Edge<'a> = &'a Map<String, Value>;

/// Python's truth value of a gold key held in a variable: an empty key is false.
fn is_set(doc: &GoldDoc, key: Option<usize>) -> bool {
    key.is_some_and(|i| !doc.entities[i].key.is_empty())
}

/// Maps every entity node to a gold entity. `edges` are checked only when the second
/// pass needs them, where score.py first reads them.
pub fn map_nodes<'a>(doc: &GoldDoc, nodes: &[Node<'_>], edges: &'a Value) -> Result<(Mapping, Vec<Edge<'a>>), String> {
    let mut mapping = Mapping::new();
    let (second, first): (Vec<&Node>, Vec<&Node>) =
        nodes.iter().filter(|n| n.is_entity()).partition(|n| n.kind == "delegation" || n.kind == "meeting");
    for n in first {
        let key = candidates(doc, n)?;
        mapping.insert(n.id.clone(), key);
    }

    let edge_list = edge_objects(edges)?;
    let mut out_edges: HashMap<String, Vec<Edge>> = HashMap::new();
    for e in &edge_list {
        out_edges.entry(py_str(get(e, "source"))).or_default().push(*e);
    }

    for n in second {
        let mut key = candidates(doc, n)?;
        if key.is_none() {
            key = by_edges(doc, n, &mapping, out_edges.get(&n.id))?;
        }
        if key.is_none() && n.kind == "delegation" {
            key = by_country(doc, n, &mapping)?;
        }
        mapping.insert(n.id.clone(), key);
    }
    Ok((mapping, edge_list))
}

/// The edges as objects (score.py calls `.get` on each).
fn edge_objects(edges: &Value) -> Result<Vec<Edge<'_>>, String> {
    match edges {
        Value::Array(items) => items.iter().map(py::as_dict).collect(),
        Value::Object(m) if m.is_empty() => Ok(Vec::new()),
        Value::String(s) if s.is_empty() => Ok(Vec::new()),
        Value::Object(_) | Value::String(_) => Err("'str' object has no attribute 'get'".into()),
        other => Err(format!("'{}' object is not iterable", py::type_name(other))),
    }
}

/// score.py's `candidates()`: the best-scoring gold entity of the node's type.
fn candidates(doc: &GoldDoc, n: &Node<'_>) -> Result<Option<usize>, String> {
    let obj = n.obj;
    let default_id = Value::String(String::new());
    let label = or(&[get(obj, "label"), get(obj, "name"), obj.get("id").unwrap_or(&default_id)]);
    let label = norm(&py_str(label));
    let alias_value = match get(obj, "aliases") {
        v if py::truthy(v) => Some(v.clone()),
        _ => attr(obj, &["aliases"])?.filter(py::truthy),
    };
    let aliases: Vec<String> = match alias_value {
        Some(v) => {
            let mut set: Vec<String> =
                py::iterate(&v)?.iter().map(|a| norm(&py_str(a))).filter(|a| !a.is_empty()).collect();
            set.sort();
            set.dedup();
            set
        }
        None => Vec::new(),
    };
    // score.py looks the code up only while comparing with a gold country
    let iso = if n.kind == "country" && doc.entities.iter().any(|e| e.kind == "country") {
        attr(obj, &["iso", "code", "iso2", "country_code"])?.filter(py::truthy)
    } else {
        None
    };

    let mut best: Option<usize> = None;
    let mut best_score = 0;
    for (i, e) in doc.entities.iter().enumerate() {
        if e.kind != n.kind {
            continue;
        }
        let mut score = 0;
        if !label.is_empty() && e.aliases.contains(&label) {
            score += 10;
        }
        score += aliases.iter().filter(|a| e.aliases.contains(*a)).count();
        if let (Some(iso), Some(gold_iso)) = (&iso, &e.iso) {
            if !gold_iso.is_empty() && py_str(iso).to_uppercase() == gold_iso.to_uppercase() {
                score += 20;
            }
        }
        let prefer = score == best_score
            && score > 0
            && is_set(doc, best)
            && best.is_some_and(|b| doc.entities[b].optional)
            && !e.optional;
        if score > best_score || prefer {
            best = Some(i);
            best_score = score;
        }
    }
    if best.is_none() && n.kind == "person" && !label.is_empty() {
        // another spelling of a full name: the surname decides, when exactly one gold
        // person carries it as a one-word alias
        let last = label.rsplit(' ').next().unwrap_or(&label);
        let mut hits = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == "person" && e.aliases.contains(last) && last.chars().count() > 2);
        if let (Some((i, _)), None) = (hits.next(), hits.next()) {
            best = Some(i);
        }
    }
    Ok(best)
}

/// A delegation by its `represents` edge, a meeting by its `held_in` edge (and date).
fn by_edges(
    doc: &GoldDoc,
    n: &Node<'_>,
    mapping: &Mapping,
    out: Option<&Vec<Edge<'_>>>,
) -> Result<Option<usize>, String> {
    let mut key = None;
    for e in out.map(Vec::as_slice).unwrap_or_default() {
        let Some(Some(target)) = mapping.get(&py_str(get(e, "target"))) else {
            continue;
        };
        let target = doc.entities[*target].key.as_str();
        let rel = relation_name(e);
        for (gi, ge) in doc.entities.iter().enumerate() {
            if ge.kind != n.kind {
                continue;
            }
            if n.kind == "delegation" && rel == "represents" && ge.country.as_deref() == Some(target) {
                key = Some(gi);
            }
            if n.kind == "meeting" && rel == "held_in" && ge.location.as_deref() == Some(target) {
                let date = attr(n.obj, &["date", "start_date"])?.filter(py::truthy);
                let gold_date = ge.date.as_deref().filter(|d| !d.is_empty());
                let dated = match (date, gold_date) {
                    (Some(d), Some(g)) => {
                        let d = py_str(&d);
                        d.starts_with(g) || g.starts_with(d.as_str())
                    }
                    _ => true,
                };
                if dated {
                    key = Some(gi);
                }
            }
            if is_set(doc, key) {
                break;
            }
        }
        if is_set(doc, key) {
            break;
        }
    }
    Ok(key)
}

/// A delegation by its `country` attribute (name, ISO code or node id); the last
/// matching gold delegation wins.
fn by_country(doc: &GoldDoc, n: &Node<'_>, mapping: &Mapping) -> Result<Option<usize>, String> {
    let Some(c) = attr(n.obj, &["country"])?.filter(py::truthy) else {
        return Ok(None);
    };
    let c_str = py_str(&c);
    let c_norm = norm(&c_str);
    let c_upper = c_str.to_uppercase();
    let mapped = mapping.get(&c_str).copied().flatten();
    let mut key = None;
    for (gi, ge) in doc.entities.iter().enumerate() {
        let Some(country_key) = ge.country.as_deref().filter(|k| !k.is_empty()) else {
            continue;
        };
        if ge.kind != "delegation" {
            continue;
        }
        let country = doc.entity(country_key)?;
        let iso = country.iso.as_deref().unwrap_or("").to_uppercase();
        if country.aliases.contains(&c_norm)
            || c_upper == iso
            || mapped.is_some_and(|m| doc.entities[m].key == country_key)
        {
            key = Some(gi);
        }
    }
    Ok(key)
}
