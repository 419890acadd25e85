//! The real consumers: Graphviz `dot`, and python3 with networkx and igraph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::{skip, Expected};

pub fn has_dot() -> bool {
    Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Runs `dot -Tsvg` on a file and returns the SVG.
fn dot_svg(path: &Path) -> String {
    let out = Command::new("dot").arg("-Tsvg").arg(path).output().expect("run dot");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("rror"), "dot rejected {}: {stderr}", path.display());
    String::from_utf8(out.stdout).expect("SVG is UTF-8")
}

/// Decodes the character references Graphviz writes into SVG text.
fn xml_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').and_then(|semi| {
            let entity = &rest[1..semi];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ")
}

/// The decoded contents of every `<text>` element of an SVG document.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let body = &chunk[chunk.find('>')? + 1..];
            Some(xml_unescape(&body[..body.find("</text>")?]))
        })
        .collect()
}

/// The full DOT drawing: one SVG node per node, one edge per edge, every label line.
pub fn check_dot(name: &str, expected: &Expected, path: &Path) {
    if !has_dot() {
        return skip("Graphviz `dot`");
    }
    let svg = dot_svg(path);
    assert_eq!(svg.matches("class=\"node\"").count(), expected.nodes.len(), "{name}: dot nodes");
    assert_eq!(svg.matches("class=\"edge\"").count(), expected.edges.len(), "{name}: dot edges");
    let texts = svg_texts(&svg);
    for (id, (label, _, _)) in &expected.nodes {
        let shown = if label.is_empty() { id } else { label };
        for line in shown.lines() {
            // DOT labels show other control characters (tabs) as spaces.
            let line: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            assert!(texts.iter().any(|t| t.trim() == line.trim()), "{name}: dot lost label line {line:?} of {id}");
        }
    }
}

/// The who-met-whom drawing of the sample: a cluster per delegation with members, every
/// person who met someone, no node without edges.
pub fn check_who_met_whom_svg(expected: &Expected, svg: &str) {
    let delegations: BTreeSet<&str> = expected
        .edges
        .iter()
        .filter(|(s, t, r, _)| {
            (r == "leads_delegation" || r == "member_of") && s.starts_with("person:") && t.starts_with("delegation:")
        })
        .map(|(_, t, _, _)| t.as_str())
        .collect();
    assert!(!delegations.is_empty(), "the sample has delegations with members");
    assert_eq!(svg.matches("class=\"cluster\"").count(), delegations.len());
    let texts = svg_texts(svg);
    for (s, t, r, _) in &expected.edges {
        if r == "met_with" {
            for id in [s, t] {
                let label = &expected.nodes[id].0;
                assert!(texts.iter().any(|x| x == label), "{label:?} met someone but is not drawn");
            }
        }
    }
    let drawn = svg.matches("class=\"node\"").count();
    assert!(drawn < expected.nodes.len(), "nodes without drawn edges must be left out");
}

/// What python3 on PATH can load.
#[derive(Debug)]
pub struct Python {
    networkx: bool,
    igraph: bool,
}

const HAS_NETWORKX: &str = "import inspect, networkx as nx; \
                            assert 'edges' in inspect.signature(nx.node_link_graph).parameters";

/// Loads each `format=path` argument and prints what it found as JSON.
const LOAD: &str = r#"
import json, sys
out = {}
for arg in sys.argv[1:]:
    fmt, path = arg.split("=", 1)
    if fmt == "igraph-graphml":
        import igraph
        g = igraph.Graph.Read_GraphML(path)
        names = g.vs.attributes()
        # igraph (libxml2 without entity substitution) hands back an `&` in the GraphML
        # id attribute as "&#38;"; labels and other data come back exactly.
        ids = [i.replace("&#38;", "&") for i in g.vs["id"]]
        out[fmt] = {
            "nodes": g.vcount(), "edges": g.ecount(), "directed": g.is_directed(),
            "labels": dict(zip(ids, g.vs["label"])),
            "titles": dict(zip(ids, g.vs["title"])) if "title" in names else {},
            "relations": sorted(g.es["relation"]) if g.ecount() else [],
        }
        continue
    import networkx as nx
    def load_json():
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    if fmt == "node-link-edges":
        G = nx.node_link_graph(load_json(), edges="edges")
    elif fmt == "node-link-links":
        G = nx.node_link_graph(load_json(), edges="links")
    elif fmt == "graphml":
        G = nx.read_graphml(path)
    elif fmt == "gexf":
        G = nx.read_gexf(path)
    elif fmt == "cytoscape":
        G = nx.cytoscape_graph(load_json())
        for n, d in G.nodes(data=True):
            assert d["name"] == d["label"], (n, d)
    else:
        raise SystemExit("unknown format " + fmt)
    out[fmt] = {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "directed": G.is_directed(),
        "labels": {str(n): d.get("label") for n, d in G.nodes(data=True)},
        "titles": {str(n): d["title"] for n, d in G.nodes(data=True) if "title" in d},
        "relations": sorted(d.get("relation") for _, _, d in G.edges(data=True)),
        # GEXF without parallel edges loads as a DiGraph, which has no keys.
        "keys": sorted([s, t, k] for s, t, k in G.edges(keys=True)) if G.is_multigraph()
                else sorted([s, t, None] for s, t in G.edges()),
    }
print(json.dumps(out))
"#;

fn python_ok(code: &str) -> bool {
    Command::new("python3").args(["-c", code]).stderr(Stdio::null()).output().is_ok_and(|o| o.status.success())
}

impl Python {
    pub fn detect() -> Python {
        Python { networkx: python_ok(HAS_NETWORKX), igraph: python_ok("import igraph") }
    }

    /// Loads the node-link, GraphML, GEXF and Cytoscape files in networkx and the
    /// GraphML file in igraph, and compares what they read with `expected`.
    pub fn check(&self, name: &str, expected: &Expected, files: &BTreeMap<&str, PathBuf>) {
        let mut args: Vec<String> = Vec::new();
        if self.networkx {
            let path = |f: &str| files[f].display().to_string();
            args.push(format!("node-link-edges={}", path("node-link")));
            args.push(format!("node-link-links={}", path("node-link")));
            for f in ["graphml", "gexf", "cytoscape"] {
                args.push(format!("{f}={}", path(f)));
            }
        } else {
            skip("python3 with networkx >= 3.4");
        }
        if self.igraph {
            args.push(format!("igraph-graphml={}", files["graphml"].display()));
        } else {
            skip("python3 with igraph");
        }
        if args.is_empty() {
            return;
        }
        let out = Command::new("python3").args(["-c", LOAD]).args(&args).output().expect("run python3");
        assert!(
            out.status.success(),
            "{name}: python could not load kg's files:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let seen: Value = serde_json::from_slice(&out.stdout).expect("python printed JSON");
        let labels = expected.labels();
        let titles: BTreeMap<&String, &String> =
            expected.nodes.iter().filter_map(|(id, (_, _, t))| Some((id, t.as_ref()?))).collect();
        for arg in &args {
            let format = arg.split('=').next().unwrap_or_default();
            let got = &seen[format];
            let what = format!("{name}: {format}");
            assert_eq!(got["nodes"].as_u64(), Some(expected.nodes.len() as u64), "{what}: nodes");
            assert_eq!(got["edges"].as_u64(), Some(expected.edges.len() as u64), "{what}: edges");
            assert_eq!(got["directed"], Value::Bool(true), "{what}: directed");
            let got_labels: BTreeMap<String, String> = serde_json::from_value(got["labels"].clone()).expect("labels");
            assert_eq!(got_labels, labels, "{what}: labels");
            for (id, title) in &titles {
                assert_eq!(got["titles"][id.as_str()].as_str(), Some(title.as_str()), "{what}: title of {id}");
            }
            let relations: Vec<String> = serde_json::from_value(got["relations"].clone()).expect("relations");
            assert_eq!(relations, expected.relations(), "{what}: relations");
            // networkx reads kg's edge keys from every format but GraphML (edge ids).
            if !format.contains("graphml") {
                let keys: Vec<(String, String, Option<String>)> =
                    serde_json::from_value(got["keys"].clone()).expect("keys");
                let keyed = keys.first().is_some_and(|k| k.2.is_some());
                let mut want: Vec<_> = expected
                    .edges
                    .iter()
                    .map(|(s, t, _, k)| (s.clone(), t.clone(), keyed.then(|| k.clone())))
                    .collect();
                want.sort();
                assert_eq!(keys, want, "{what}: edge keys");
            }
        }
    }
}
