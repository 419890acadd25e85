//! `kg extract`: articles in, one graph out.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kg_export::GraphMeta;
use kg_extract::{Document, Extraction, Extractor, Gazetteer, GazetteerBuilder, SourceKind};
use kg_graph::Graph;

use crate::cli::{ExtractArgs, Format};
use crate::input::read_documents;

pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let docs = read_documents(&args.input.files, args.input.date)?;
    let gazetteer = load_gazetteer(&args.gazetteers)?;
    let extractor = match &gazetteer {
        Some(g) => Extractor::new(g),
        None => Extractor::builtin(),
    };
    let graph = build_graph(&extractor, &docs, args.all_statuses);
    let format = args.format.unwrap_or(if args.output.is_none() && std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    });
    let meta = GraphMeta {
        generator: format!("kg {}", env!("CARGO_PKG_VERSION")),
        documents: docs.iter().map(|d| d.id.clone()).collect(),
    };
    crate::commands::export::write_graph(&graph, &meta, format, args.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// Extracts every document and merges the results into one graph.
pub fn build_graph(extractor: &Extractor<'_>, docs: &[Document], all_statuses: bool) -> Graph {
    let mut graph = Graph::new();
    for doc in docs {
        let mut x: Extraction = extractor.extract(doc);
        if !all_statuses {
            x = x.default_view();
        }
        graph.add_extraction(&x);
    }
    graph
}

/// The graph in `format`, as text. `neo4j` is a folder, not a text: it is written by
/// [`crate::commands::export::write_graph`], and asking for it here is an error.
pub fn render(graph: &Graph, meta: &GraphMeta, format: Format) -> Result<String> {
    Ok(match format {
        Format::Text => kg_export::to_text(graph),
        Format::Dot => kg_export::to_dot(graph),
        Format::Json => {
            let mut buf = Vec::new();
            kg_export::write_json(graph, meta, &mut buf).context("serialising JSON")?;
            String::from_utf8(buf).context("JSON output is not UTF-8")?
        }
        Format::NodeLink => kg_export::to_node_link(graph, meta),
        Format::Graphml => kg_export::to_graphml(graph),
        Format::Gexf => kg_export::to_gexf(graph),
        Format::Cytoscape => kg_export::to_cytoscape(graph),
        Format::Cypher => kg_export::to_cypher(graph),
        Format::Mermaid => kg_export::to_mermaid(graph),
        Format::Neo4j => bail!("--format neo4j writes a folder (nodes.csv, relationships.csv): give it with -o DIR"),
    })
}

/// The built-in gazetteer plus the user's files, or `None` when there are none.
fn load_gazetteer(specs: &[String]) -> Result<Option<Gazetteer>> {
    if specs.is_empty() {
        return Ok(None);
    }
    let mut builder = GazetteerBuilder::with_builtin();
    for spec in specs {
        let Some((kind, path)) = spec.split_once('=') else {
            bail!("--gazetteer expects KIND=FILE, got {spec:?}");
        };
        let Some(kind) = SourceKind::parse(kind) else {
            bail!("--gazetteer: unknown kind {kind:?} (countries, cities, places, organizations, titles, officials, given-names)");
        };
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read gazetteer {path}"))?;
        builder.add(kind, path, text);
    }
    Ok(Some(builder.build()?))
}
