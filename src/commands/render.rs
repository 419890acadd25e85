//! `kg render GRAPH.json|ARTICLE... [--date D] -o out.svg|out.png [--layout L]`: draws a
//! graph with Graphviz `dot`, which must be installed (the error says how when it is
//! not). The default layout, `who-met-whom`, groups persons by delegation, colours them
//! by country and puts the meetings between people first
//! ([`kg_export::to_dot_who_met_whom`]); `full` draws every node and relation
//! ([`kg_export::to_dot`]).

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::ValueEnum;

use crate::output::write_atomic;

/// What `kg render` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Layout {
    /// Persons clustered by delegation and coloured by country; met_with in front.
    WhoMetWhom,
    /// Every node and relation, coloured by entity type.
    Full,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// A graph JSON written by kg, or articles to extract (`-` reads standard input).
    #[arg(required = true, value_name = "GRAPH.json|ARTICLE")]
    pub inputs: Vec<PathBuf>,
    /// Publication date of the articles (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<NaiveDate>,
    /// The picture to write; its extension, .svg or .png, picks the format.
    #[arg(long, short = 'o')]
    pub output: PathBuf,
    /// What to draw.
    #[arg(long, value_enum, default_value = "who-met-whom")]
    pub layout: Layout,
}

/// How to get Graphviz, for the error when `dot` is missing.
pub const INSTALL_HINT: &str = "kg render needs Graphviz's `dot`, which is not on PATH. Install Graphviz: \
     `apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` (macOS), \
     `dnf install graphviz` (Fedora), `choco install graphviz` (Windows), or see https://graphviz.org/download/";

pub fn run(args: &RenderArgs) -> Result<ExitCode> {
    let format = picture_format(&args.output)?;
    let (graph, _meta) = crate::source::load(&args.inputs, args.date)?;
    let dot = match args.layout {
        Layout::WhoMetWhom => kg_export::to_dot_who_met_whom(&graph),
        Layout::Full => kg_export::to_dot(&graph),
    };
    let picture = run_dot(&dot, format)?;
    write_atomic(&args.output, &picture)?;
    Ok(ExitCode::SUCCESS)
}

/// `svg` or `png`, from the extension of `path`.
fn picture_format(path: &Path) -> Result<&'static str> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "svg" => Ok("svg"),
        "png" => Ok("png"),
        _ => bail!("{}: kg render writes .svg or .png files", path.display()),
    }
}

/// Runs `dot -T<format>` on `dot` and returns what it printed.
fn run_dot(dot: &str, format: &str) -> Result<Vec<u8>> {
    let mut child = match Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == ErrorKind::NotFound => bail!("{INSTALL_HINT}"),
        Err(e) => return Err(e).context("cannot run Graphviz `dot`"),
    };
    let mut stdin = child.stdin.take().context("no pipe to `dot`")?;
    // Feed dot from another thread so that a large picture cannot fill the output pipe
    // while the input is still being written.
    let output = std::thread::scope(|scope| {
        let writer = scope.spawn(move || stdin.write_all(dot.as_bytes()));
        let output = child.wait_with_output();
        (writer.join(), output)
    });
    let (written, output) = output;
    let output = output.context("waiting for Graphviz `dot`")?;
    if !output.status.success() {
        bail!("Graphviz `dot` failed ({}): {}", output.status, String::from_utf8_lossy(&output.stderr).trim());
    }
    match written {
        Ok(result) => result.context("writing to Graphviz `dot`")?,
        Err(_) => bail!("writing to Graphviz `dot` failed"),
    }
    Ok(output.stdout)
}
