//! GEXF 1.3, Gephi's own format (also read by networkx `nx.read_gexf`), written with
//! quick-xml.
//!
//! The graph is `static` with `defaultedgetype="directed"`. Nodes have the entity id as
//! `id` and its label as `label`; `type`, `aliases` (joined with `"; "`) and the entity
//! attributes are declared `<attribute>`s. Every edge has its own id (`e0, e1...`), the
//! relation (with its status when it did not occur) as `label`, the evidence count as
//! `weight`, and `kind` set to the edge key (`met_with`, `met_with:planned`): Gephi sums
//! parallel edges of the same kind, so two relations between the same nodes stay apart.
//! `relation`, `status`, `count`, `evidence`, `docs` and the relation attributes are
//! edge attributes; the edge key is the attribute `networkx_key`, which networkx takes
//! as the multigraph key (an attribute named `key` would make `read_gexf` fail).

use kg_graph::Graph;

use crate::props::{edge_ids, edge_label, edge_value, node_value, Column, Kind, Schema};
use crate::xml::Doc;

const NS: &str = "http://gexf.net/1.3";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// The graph as a GEXF 1.3 document.
pub fn to_gexf(graph: &Graph) -> String {
    let schema = Schema::of(graph);
    // The label is the node's own XML attribute, not a declared one.
    let node_columns: Vec<&Column> = schema.node.iter().filter(|c| c.name != "label").collect();
    let edge_columns: Vec<Column> = schema
        .edge
        .iter()
        .map(|c| if c.name == "key" { Column { name: "networkx_key".into(), kind: c.kind } } else { c.clone() })
        .collect();

    let mut doc = Doc::new();
    doc.open(
        "gexf",
        &[
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
            ("version", "1.3"),
        ],
    );
    doc.open("meta", &[]);
    doc.text("creator", &[], concat!("kg-export ", env!("CARGO_PKG_VERSION")));
    doc.text("description", &[], "kg knowledge graph: officials, delegations, meetings and who met whom");
    doc.close("meta");
    doc.open("graph", &[("mode", "static"), ("defaultedgetype", "directed")]);
    let edge_refs: Vec<&Column> = edge_columns.iter().collect();
    for (class, columns) in [("node", &node_columns), ("edge", &edge_refs)] {
        doc.open("attributes", &[("class", class), ("mode", "static")]);
        for (i, column) in columns.iter().enumerate() {
            let ty = if column.kind == Kind::Int { "integer" } else { "string" };
            doc.empty("attribute", &[("id", &i.to_string()), ("title", &column.name), ("type", ty)]);
        }
        doc.close("attributes");
    }

    doc.open("nodes", &[]);
    for node in graph.nodes() {
        doc.open("node", &[("id", &node.id), ("label", &node.label)]);
        let values =
            node_columns.iter().enumerate().filter_map(|(i, c)| Some((i, node_value(node, &c.name)?.joined())));
        attvalues(&mut doc, values);
        doc.close("node");
    }
    doc.close("nodes");

    doc.open("edges", &[]);
    for ((source, target, edge), id) in graph.edges().zip(edge_ids(graph)) {
        let weight = edge.count.max(1).to_string();
        let kind = crate::json::edge_key(edge);
        doc.open(
            "edge",
            &[
                ("id", &id),
                ("source", &source.id),
                ("target", &target.id),
                ("label", &edge_label(edge)),
                ("kind", &kind),
                ("weight", &weight),
            ],
        );
        let values = edge_columns.iter().enumerate().filter_map(|(i, c)| {
            let name = if c.name == "networkx_key" { "key" } else { c.name.as_str() };
            Some((i, edge_value(edge, name)?.joined()))
        });
        attvalues(&mut doc, values);
        doc.close("edge");
    }
    doc.close("edges");
    doc.close("graph");
    doc.close("gexf");
    doc.finish()
}

/// `<attvalues>` with one `<attvalue for=.. value=..>` per value.
fn attvalues(doc: &mut Doc, values: impl Iterator<Item = (usize, String)>) {
    doc.open("attvalues", &[]);
    for (i, value) in values {
        doc.empty("attvalue", &[("for", &i.to_string()), ("value", &value)]);
    }
    doc.close("attvalues");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn snapshot() {
        insta::assert_snapshot!(to_gexf(&fixture::graph()));
    }

    #[test]
    fn parallel_relations_have_their_own_kind_and_id() {
        let g = fixture::graph();
        let xml = to_gexf(&g);
        assert!(xml.contains(r#"version="1.3""#));
        assert!(xml.contains(r#"defaultedgetype="directed""#));
        assert!(xml.contains(r#"kind="met_with" weight="2""#));
        assert!(xml.contains(r#"kind="met_with:planned" weight="1""#));
        assert!(xml.contains(r#"<attribute id="0" title="networkx_key" type="string"/>"#));
        assert!(xml.contains(r#"<attvalue for="0" value="met_with:planned"/>"#));
        for i in 0..g.edge_count() {
            assert_eq!(xml.matches(&format!("<edge id=\"e{i}\" ")).count(), 1);
        }
    }
}
