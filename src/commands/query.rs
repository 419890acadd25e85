//! `kg query SOURCE... QUESTION`: ask a graph (or articles, extracted on the fly) who
//! met whom, who led which delegation, who holds which office, which meetings took
//! place, what surrounds a node and how two nodes are connected. The answer is an
//! aligned table, CSV, JSON, or a diagram (DOT, Mermaid) of just the answer.
//!
//! Exit status: 0 with answers, 1 with none (an unknown or ambiguous name, a question
//! with no answer), 2 on error.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use kg_extract::{EntityKind, RelationKind};
use kg_graph::query::{self, Answer, DateRange, NameError, Options};
use kg_graph::Graph;

use crate::output::write_output;
use crate::source;
use crate::table;

const EXAMPLES: &str = "\
Examples:
  kg query examples/istanbul-talks.txt --date 2025-05-15 met Zelenskyy
  kg query graph.json met Rubio --since 2025-05 --until 2025-05 --evidence
  kg query graph.json delegations
  kg query graph.json path Fidan Umerov --format mermaid
  kg query graph.json neighbors Medinsky --depth 2 --format dot | dot -Tsvg > medinsky.svg

Names are matched as typed: label, alias or id, any case, with or without accents, a
surname alone, another transliteration (\"Zelensky\"). Quote names with spaces in `path`.";

#[derive(Debug, clap::Args)]
#[command(
    subcommand_precedence_over_arg = true,
    subcommand_value_name = "QUESTION",
    subcommand_help_heading = "Questions",
    after_help = EXAMPLES
)]
pub struct QueryArgs {
    /// Graph JSON files written by kg and/or articles to extract first (`-` reads an
    /// article from standard input); all are merged into one graph.
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// Publication date of the articles (YYYY-MM-DD); graph files carry their own.
    #[arg(long, global = true, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Output: an aligned table, CSV, JSON, or a diagram of the answer (DOT, Mermaid).
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// Add the supporting sentence and its document to each answer.
    #[arg(long, global = true)]
    pub evidence: bool,
    /// Also count relations and meetings that did not happen (proposed, declined,
    /// cancelled, hypothetical, alleged), when the graph has them.
    #[arg(long, global = true)]
    pub all_statuses: bool,
    #[command(subcommand)]
    pub question: Question,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// Columns aligned for reading.
    Table,
    /// Comma-separated values with a header; one line per evidence sentence.
    Csv,
    /// An array of answers, one object each.
    Json,
    /// Graphviz DOT of the nodes and edges the answer rests on.
    Dot,
    /// Mermaid flowchart of the nodes and edges the answer rests on.
    Mermaid,
}

/// The questions, one subcommand each.
#[derive(Debug, Subcommand)]
pub enum Question {
    /// Whom PERSON met, with date, place and meeting; every pair that met without PERSON.
    Met {
        /// The person, as typed ("Zelensky", "erdogan", "Hakan Fidan").
        #[arg(value_name = "PERSON")]
        person: Vec<String>,
        /// Only meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_bound)]
        since: Option<String>,
        /// Only meetings on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_bound)]
        until: Option<String>,
    },
    /// Each delegation with its country, meeting, head and members.
    Delegations {
        /// Only the delegations at this meeting, or of this country.
        #[arg(value_name = "MEETING|COUNTRY")]
        scope: Vec<String>,
    },
    /// Who holds which office, with titles.
    Officials {
        /// Only the officials of this country or organisation.
        #[arg(value_name = "COUNTRY|ORG")]
        of: Vec<String>,
    },
    /// Meetings with date, place, status and participants.
    Meetings {
        /// Only meetings held at this place, or in this country.
        #[arg(long, value_name = "PLACE")]
        at: Option<String>,
        /// Only meetings this person (or delegation, or country) took part in.
        #[arg(long, value_name = "NAME")]
        with: Option<String>,
    },
    /// The relations around a node, to a depth: its ego network.
    #[command(visible_alias = "neighbours")]
    Neighbors {
        #[arg(required = true, value_name = "NODE")]
        node: Vec<String>,
        /// Follow only this relation (repeatable): met_with, attends, leads_delegation,
        /// member_of, represents, official_of, held_in, located_in.
        #[arg(long, short = 'r', value_parser = parse_relation)]
        relation: Vec<RelationKind>,
        /// How many hops from NODE.
        #[arg(long, short = 'd', default_value_t = 1)]
        depth: usize,
    },
    /// The shortest chain of relations between A and B, edges taken either way.
    Path {
        #[arg(value_name = "A")]
        from: String,
        #[arg(value_name = "B")]
        to: String,
        /// Follow only this relation (repeatable).
        #[arg(long, short = 'r', value_parser = parse_relation)]
        relation: Vec<RelationKind>,
    },
    /// Every relation, or those of some types.
    Relations {
        /// Only this relation type (repeatable).
        #[arg(long = "type", short = 't', value_parser = parse_relation)]
        types: Vec<RelationKind>,
    },
    /// Entities whose name matches TEXT, best match first.
    Find {
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },
}

pub fn run(args: &QueryArgs) -> Result<ExitCode> {
    let graph = load(args)?;
    match ask(&graph, args) {
        Err(err) => match err.downcast_ref::<NameError>() {
            Some(name) => {
                eprintln!("kg: {name}");
                Ok(ExitCode::from(1))
            }
            None => Err(err),
        },
        ok => ok,
    }
}

/// Answers the question and writes the answer.
fn ask(graph: &Graph, args: &QueryArgs) -> Result<ExitCode> {
    use EntityKind::{Country, Delegation, Location, Meeting, Organization, Person};
    let opts = Options { all_statuses: args.all_statuses };
    let find = |name: &str, kinds: &[EntityKind]| query::resolve(graph, name, kinds);
    let optional = |words: &[String], kinds: &[EntityKind]| joined(words).map(|n| find(&n, kinds)).transpose();
    match &args.question {
        Question::Met { person, since, until } => {
            let person = optional(person, &[Person])?;
            let range = DateRange::parse(since.as_deref(), until.as_deref())?;
            let when = if range.is_bounded() { " between those dates" } else { "" };
            let none = match person {
                Some(p) => format!("no meeting of {} found{when}", p.label),
                None => format!("no meetings between persons found{when}"),
            };
            emit(graph, &query::met(graph, person, &range, opts), args, &none)
        }
        Question::Delegations { scope } => {
            let scope = optional(scope, &[Meeting, Country])?;
            emit(graph, &query::delegations(graph, scope, opts), args, "no delegations found")
        }
        Question::Officials { of } => {
            let of = optional(of, &[Country, Organization])?;
            emit(graph, &query::officials(graph, of, opts), args, "no officials found")
        }
        Question::Meetings { at, with } => {
            let at = at.as_deref().map(|n| find(n, &[Location, Country])).transpose()?;
            let with = with.as_deref().map(|n| find(n, &[Person, Delegation, Country, Organization])).transpose()?;
            emit(graph, &query::meetings(graph, at, with, opts), args, "no meetings found")
        }
        Question::Neighbors { node, relation, depth } => {
            let node = find(&joined(node).unwrap_or_default(), &[])?;
            let none = format!("no relations around {}", node.label);
            emit(graph, &query::neighbors(graph, node, relation, *depth, opts), args, &none)
        }
        Question::Path { from, to, relation } => {
            let (a, b) = (find(from, &[])?, find(to, &[])?);
            let none = format!("no path between {} and {}", a.label, b.label);
            emit(graph, &query::path(graph, a, b, relation, opts), args, &none)
        }
        Question::Relations { types } => emit(graph, &query::relations(graph, types, opts), args, "no relations found"),
        Question::Find { text } => {
            let text = joined(text).unwrap_or_default();
            let found = query::find(graph, &text, opts);
            if found.is_empty() {
                let suggestions =
                    query::suggestions(graph, &text, &[], 3).into_iter().map(query::NodeRef::of).collect();
                return Err(NameError::Unknown { name: text, suggestions }.into());
            }
            emit(graph, &found, args, "nothing found")
        }
    }
}

/// Writes the answers in the chosen format; exit status 1 when there are none.
fn emit<A: Answer>(graph: &Graph, answers: &[A], args: &QueryArgs, none: &str) -> Result<ExitCode> {
    let mut header: Vec<&str> = A::COLUMNS.to_vec();
    if args.evidence {
        header.extend(["document", "sentence"]);
    }
    let text = match args.format {
        QueryFormat::Table => table::aligned(&header, &rows(answers, args.evidence, false)),
        QueryFormat::Csv => table::csv(&header, &rows(answers, args.evidence, true)),
        QueryFormat::Json => json(answers, args.evidence)?,
        QueryFormat::Dot => kg_export::to_dot(&query::subgraph(graph, answers)),
        QueryFormat::Mermaid => kg_export::to_mermaid(&query::subgraph(graph, answers)),
    };
    write_output(None, text.as_bytes())?;
    if answers.is_empty() {
        eprintln!("kg: {none}");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The table rows: one per answer, or with `evidence` one per supporting sentence —
/// later sentences of an answer on rows of their own, with the answer's cells blank
/// (`repeat`: repeated, for CSV).
fn rows<A: Answer>(answers: &[A], evidence: bool, repeat: bool) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for answer in answers {
        let cells = answer.cells();
        if !evidence {
            out.push(cells);
            continue;
        }
        let sentences = answer.evidence();
        if sentences.is_empty() {
            out.push(cells.iter().cloned().chain([String::new(), String::new()]).collect());
        }
        for (i, ev) in sentences.iter().enumerate() {
            let mut row = if i == 0 || repeat { cells.clone() } else { vec![String::new(); cells.len()] };
            row.extend([ev.doc.clone(), ev.text.clone()]);
            out.push(row);
        }
    }
    out
}

/// The answers as a JSON array, without their evidence unless asked for.
fn json<A: Answer>(answers: &[A], evidence: bool) -> Result<String> {
    let mut value = serde_json::to_value(answers).context("serialising the answers")?;
    if let Some(items) = value.as_array_mut().filter(|_| !evidence) {
        for item in items.iter_mut().filter_map(|i| i.as_object_mut()) {
            item.remove("evidence");
        }
    }
    let mut text = serde_json::to_string_pretty(&value).context("serialising the answers")?;
    text.push('\n');
    Ok(text)
}

/// The graph of all sources: graph files merged, plus the articles extracted.
fn load(args: &QueryArgs) -> Result<Graph> {
    let (graphs, articles): (Vec<PathBuf>, Vec<PathBuf>) =
        args.sources.iter().cloned().partition(|p| source::is_graph_file(p));
    if articles.is_empty() && args.date.is_some() {
        eprintln!("kg: warning: --date applies to articles; graph files keep the dates they were made with");
    }
    if !articles.is_empty() && args.all_statuses {
        eprintln!(
            "kg: warning: articles are read with the default view; for what did not happen, query a graph \
             made with `kg extract --all-statuses --format json`"
        );
    }
    let mut graph = if articles.is_empty() { Graph::new() } else { source::load(&articles, args.date)?.0 };
    for path in &graphs {
        let (more, _) = source::read_graph_file(path)?;
        if graph.node_count() == 0 && graphs.len() == 1 {
            graph = more;
            continue;
        }
        merge_into(&mut graph, &more);
    }
    Ok(graph)
}

/// Adds every node and edge of `other` to `graph`, merging by id and edge key.
fn merge_into(graph: &mut Graph, other: &Graph) {
    for node in other.nodes() {
        graph.add_node(node.clone());
    }
    for (s, t, e) in other.edges() {
        graph.add_edge(&s.id, &t.id, e.clone());
    }
}

/// Words typed for one name, joined; `None` when there are none.
fn joined(words: &[String]) -> Option<String> {
    let name = words.join(" ");
    (!name.trim().is_empty()).then_some(name)
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn parse_bound(s: &str) -> Result<String, String> {
    DateRange::parse(Some(s), None).map(|_| s.to_string()).map_err(|e| e.to_string())
}

fn parse_relation(s: &str) -> Result<RelationKind, String> {
    query::parse_relation(s).ok_or_else(|| {
        let names: Vec<&str> = RelationKind::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown relation (expected one of {})", names.join(", "))
    })
}
