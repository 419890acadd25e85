//! `kg extract`: articles in, one graph out.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kg_export::GraphMeta;
use kg_extract::{Document, Extractor, Gazetteer, GazetteerBuilder, SourceKind};
use kg_graph::Graph;

use crate::cli::{ExtractArgs, Format};

pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    if let Some(n) = args.threads {
        // A second call fails harmlessly: the pool is already built.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let gazetteer = load_gazetteer(&args.gazetteers)?;
    let extractor = match &gazetteer {
        Some(g) => Extractor::new(g),
        None => Extractor::builtin(),
    }
    // The graph has no use for mentions.
    .with_mentions(false);
    let docs = crate::input::documents(&args.input)?;
    if args.per_document {
        return per_document(&extractor, unique(docs), args);
    }
    // --into: the existing graph is read first and replaced only when all went well.
    let (mut graph, mut documents) = match &args.into {
        Some(path) if path.exists() => {
            let (g, meta) = crate::source::read_graph_file(path)?;
            (g, meta.documents)
        }
        _ => (Graph::new(), Vec::new()),
    };
    let docs = unique(docs);
    documents.extend(crate::pipeline::extract_into(&mut graph, &extractor, docs, args.all_statuses)?);
    documents.sort();
    documents.dedup();
    let output = args.output.as_deref().or(args.into.as_deref());
    let format = args.format.unwrap_or(if output.is_none() && std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Json
    });
    let meta = GraphMeta { generator: generator(), documents };
    crate::commands::export::write_graph(&graph, &meta, format, output)?;
    Ok(ExitCode::SUCCESS)
}

/// The documents whose id is new in this run: one whose id came earlier is skipped with a
/// warning. Read twice, an article would count its evidence twice wherever an edge holds
/// more pieces than it stores, by an amount that depended on the number of threads.
///
/// Only within a run: the ids kg derives (a file's name, `stdin:<line>`) may recur in
/// another run for another article, so `--into` and `kg merge` take every document.
fn unique(docs: impl Iterator<Item = Result<Document>>) -> impl Iterator<Item = Result<Document>> {
    let mut seen = HashSet::new();
    docs.filter(move |doc| match doc {
        Ok(doc) if !seen.insert(doc.id.clone()) => {
            crate::input::warn(format_args!("document {} was read before, skipped", doc.id));
            false
        }
        _ => true,
    })
}

/// `kg` and its version, for the `graph.generator` field.
pub fn generator() -> String {
    format!("kg {}", env!("CARGO_PKG_VERSION"))
}

/// One graph per document, one compact JSON object per line: the map step of a
/// distributed run, reduced by `kg merge`.
fn per_document(
    extractor: &Extractor<'_>,
    docs: impl Iterator<Item = Result<Document>>,
    args: &ExtractArgs,
) -> Result<ExitCode> {
    let mut out = crate::output::Sink::open(args.output.as_deref())?;
    crate::pipeline::for_each_extraction(extractor, docs, args.all_statuses, |doc, x| {
        // Unresolved: corpus-level resolution belongs to the reduce (`kg merge`), so
        // that merging the parts equals one run over all the articles.
        let mut graph = Graph::new();
        graph.add_extraction_owned(x);
        let meta = GraphMeta { generator: generator(), documents: vec![doc.id.clone()] };
        let mut line = kg_export::to_json_value(&graph, &meta).to_string();
        line.push('\n');
        out.write(line.as_bytes())
    })?;
    out.commit()?;
    Ok(ExitCode::SUCCESS)
}

/// Extracts every document and merges the results into one graph.
pub fn build_graph(extractor: &Extractor<'_>, docs: &[Document], all_statuses: bool) -> Graph {
    let mut graph = Graph::new();
    for x in crate::pipeline::extract_all(extractor, docs, all_statuses) {
        graph.add_draft(x);
    }
    graph.resolve();
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
