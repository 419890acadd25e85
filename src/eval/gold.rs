//! Gold annotations: finding `<doc>.gold.json` files and reading them (serde types),
//! with each entity's names normalised once, as score.py's `Doc` does.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::norm::{node_type, norm, SYMMETRIC};
use super::py;

/// One gold file as written.
#[derive(Debug, Deserialize)]
struct GoldFile {
    doc: String,
    text: String,
    #[serde(default)]
    date: Option<String>,
    entities: Vec<RawEntity>,
    relations: Vec<Relation>,
    #[serde(default)]
    negatives: Vec<Relation>,
}

#[derive(Debug, Deserialize)]
struct RawEntity {
    key: String,
    #[serde(rename = "type")]
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default, deserialize_with = "truthy")]
    optional: bool,
    #[serde(default)]
    iso: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// A gold relation (or negative): entity keys and a relation name.
#[derive(Debug, Clone, Deserialize)]
pub struct Relation {
    pub source: String,
    pub relation: String,
    pub target: String,
    #[serde(default, deserialize_with = "truthy")]
    pub optional: bool,
}

/// `optional` counts when Python would call it true (`1`, `"yes"`, ...).
fn truthy<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(py::truthy(&Value::deserialize(d)?))
}

/// A gold entity, with its type mapped through the synonyms and its names normalised.
#[derive(Debug, Clone)]
pub struct Entity {
    pub key: String,
    pub kind: String,
    pub name: String,
    /// `norm()` of the name and every alias, empty ones left out.
    pub aliases: HashSet<String>,
    pub optional: bool,
    pub iso: Option<String>,
    /// Key of the country a delegation represents.
    pub country: Option<String>,
    /// Key of the place a meeting is held in.
    pub location: Option<String>,
    pub date: Option<String>,
}

/// A relation key `(source, relation, target)`; symmetric relations sorted.
pub type RelKey = (String, String, String);

/// One gold document.
#[derive(Debug)]
pub struct GoldDoc {
    /// The document's name (`"doc"`).
    pub name: String,
    /// Path of the article: `"text"` joined to the gold file's folder.
    pub text: String,
    /// Publication date as written (empty when absent).
    pub date: String,
    /// Entities in file order; a repeated key keeps its first place and its last value,
    /// as a Python dict does.
    pub entities: Vec<Entity>,
    index: HashMap<String, usize>,
    pub relations: Vec<Relation>,
    pub negatives: Vec<Relation>,
}

impl GoldDoc {
    /// Reads and prepares one gold file; `path` is spelled as score.py spells it.
    pub fn load(path: &str) -> Result<Self> {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read gold file {path}"))?;
        let g: GoldFile =
            serde_json::from_slice(&bytes).with_context(|| format!("gold file {path} is not valid gold JSON"))?;
        let mut entities: Vec<Entity> = Vec::new();
        let mut index = HashMap::new();
        for e in g.entities {
            let aliases =
                std::iter::once(&e.name).chain(&e.aliases).map(|a| norm(a)).filter(|a| !a.is_empty()).collect();
            let entity = Entity {
                kind: node_type(&e.kind),
                key: e.key,
                name: e.name,
                aliases,
                optional: e.optional,
                iso: e.iso,
                country: e.country,
                location: e.location,
                date: e.date,
            };
            match index.get(&entity.key) {
                Some(&i) => entities[i] = entity,
                None => {
                    index.insert(entity.key.clone(), entities.len());
                    entities.push(entity);
                }
            }
        }
        Ok(GoldDoc {
            name: g.doc,
            text: python_join(&python_dirname(path), &g.text),
            date: g.date.unwrap_or_default(),
            entities,
            index,
            relations: g.relations,
            negatives: g.negatives,
        })
    }

    /// Index of the entity with this key.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// The entity with this key, or Python's KeyError message.
    pub fn entity(&self, key: &str) -> Result<&Entity, String> {
        self.find(key).map(|i| &self.entities[i]).ok_or_else(|| py::repr_str(key))
    }

    /// score.py's `rel_key`.
    pub fn rel_key(s: &str, r: &str, t: &str) -> RelKey {
        if SYMMETRIC.contains(&r) && t < s {
            (t.into(), r.into(), s.into())
        } else {
            (s.into(), r.into(), t.into())
        }
    }
}

/// The gold files named by `--gold`: the file itself, or the folder's `*.gold.json`
/// (hidden files left out, as Python's glob does), sorted.
pub fn gold_files(gold: &Path) -> Result<Vec<String>> {
    let spelled = gold.to_string_lossy().into_owned();
    if gold.is_file() {
        return Ok(vec![spelled]);
    }
    if !gold.exists() {
        bail!("gold annotations not found: {spelled}: no such file or directory");
    }
    let entries = match std::fs::read_dir(gold) {
        Ok(entries) => entries,
        Err(err) => bail!("cannot read gold folder {spelled}: {err}"),
    };
    let folder = {
        let trimmed = spelled.trim_end_matches('/');
        if trimmed.is_empty() {
            spelled.as_str()
        } else {
            trimmed
        }
    };
    let mut files: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".gold.json") && !name.starts_with('.'))
        .map(|name| python_join(folder, &name))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no *.gold.json under {spelled}");
    }
    Ok(files)
}

/// `os.path.join(a, b)` for two parts.
fn python_join(a: &str, b: &str) -> String {
    if a.is_empty() || b.starts_with('/') {
        b.to_string()
    } else if a.ends_with('/') {
        format!("{a}{b}")
    } else {
        format!("{a}/{b}")
    }
}

/// `os.path.dirname(p)`.
fn python_dirname(p: &str) -> String {
    let head = p.rfind('/').map_or("", |i| &p[..=i]);
    let trimmed = head.trim_end_matches('/');
    if trimmed.is_empty() {
        head.to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_python() {
        assert_eq!(python_dirname("a/b/c.gold.json"), "a/b");
        assert_eq!(python_dirname("c.gold.json"), "");
        assert_eq!(python_dirname("/c.gold.json"), "/");
        assert_eq!(python_dirname("a//c.gold.json"), "a");
        assert_eq!(python_join("", "x.txt"), "x.txt");
        assert_eq!(python_join("a", "x.txt"), "a/x.txt");
        assert_eq!(python_join("/", "x.txt"), "/x.txt");
        assert_eq!(python_join("a", "/abs/x.txt"), "/abs/x.txt");
    }

    #[test]
    fn symmetric_keys_are_sorted() {
        assert_eq!(GoldDoc::rel_key("b", "met_with", "a"), ("a".into(), "met_with".into(), "b".into()));
        assert_eq!(GoldDoc::rel_key("b", "attends", "a"), ("b".into(), "attends".into(), "a".into()));
    }
}
