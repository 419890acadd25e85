//! A kg graph JSON whose labels, ids, titles and attributes are chosen to break naive
//! XML, CSV, Cypher, Mermaid, DOT and JSON writers.

use serde_json::{json, Value};

/// (id, type, label)
pub const NODES: &[(&str, &str, &str)] = &[
    ("person:quote", "person", r#"Abdullah "Abu Ali" O'Neil"#),
    ("person:backslash", "person", r"C:\path\to\n \N \G \l \' and a trailing \"),
    ("organization:newline", "organization", "first line\nsecond line\r\nthird\ttabbed"),
    ("organization:markup", "organization", "<b>AT&T</b> & <i>co</i> &#x41; &amp; #quot; #35;"),
    ("location:arrow", "location", "a --> b -- c -> d; }"),
    ("country:end", "country", "end"),
    ("delegation:cyrillic", "delegation", "Делегация Российской Федерации"),
    ("meeting:arabic", "meeting", "اجتماع وزراء الخارجية العرب"),
    ("person:王毅<&>", "person", "王毅"),
    ("country:empty", "country", ""),
    ("location:id \"with\" {quotes}, commas", "location", "node { graph } digraph strict subgraph"),
    ("person:mermaid", "person", "style:#quot; classDef x:#1; ¶ß ﬂ° `md` [x](y) |pipe|"),
    ("meeting:cypher", "meeting", "') DETACH DELETE n // $param \\u0041 \u{1F600}"),
];

const TITLE: &str = "Minister \"of\" <Foreign> \\ Affairs\n& more";

/// (source, relation, target, status)
pub const EDGES: &[(&str, &str, &str, &str)] = &[
    ("person:quote", "met_with", "person:王毅<&>", "occurred"),
    ("person:quote", "met_with", "person:王毅<&>", "proposed"),
    ("person:backslash", "member_of", "organization:newline", "occurred"),
    ("person:王毅<&>", "leads_delegation", "delegation:cyrillic", "occurred"),
    ("person:mermaid", "member_of", "delegation:cyrillic", "occurred"),
    ("delegation:cyrillic", "attends", "meeting:arabic", "cancelled"),
    ("delegation:cyrillic", "represents", "country:end", "occurred"),
    ("meeting:arabic", "held_in", "location:arrow", "occurred"),
    ("location:arrow", "located_in", "country:end", "occurred"),
    ("organization:markup", "represents", "country:empty", "hypothetical"),
    ("person:quote", "official_of", "country:end", "occurred"),
    ("meeting:cypher", "held_in", "location:id \"with\" {quotes}, commas", "planned"),
];

/// The graph as kg's JSON.
pub fn graph_json() -> String {
    let nodes: Vec<Value> = NODES
        .iter()
        .map(|(id, kind, label)| {
            let mut attributes = json!({"note; odd-name": "x,y;z\n\"q\"", "iso": "E\"N<D>"});
            if *kind == "person" {
                attributes["title"] = json!(TITLE);
            }
            json!({
                "id": id,
                "type": kind,
                "label": label,
                "aliases": [format!("alias of {label}"), "semi;colon"],
                "attributes": attributes,
            })
        })
        .collect();
    let edges: Vec<Value> = EDGES
        .iter()
        .enumerate()
        .map(|(i, (source, relation, target, status))| {
            json!({
                "source": source,
                "target": target,
                "relation": relation,
                "status": status,
                "attributes": {"place": "say \"hi\"\n<&> -->", "odd key`": "`tick`"},
                "evidence": [{
                    "doc": "hostile \"doc\";1.txt",
                    "sentence": i,
                    "start": 0,
                    "end": 3,
                    "rule": "rule\\with\\backslashes",
                    "text": format!("Evidence {i}: \"quoted\" \\ <&> 北京 Москва\r\nnext line ' end"),
                }],
            })
        })
        .collect();
    let doc = json!({
        "directed": true,
        "multigraph": true,
        "graph": {"generator": "kg \"test\"", "documents": ["hostile \"doc\";1.txt"]},
        "nodes": nodes,
        "edges": edges,
    });
    serde_json::to_string_pretty(&doc).expect("serialise the hostile graph")
}
