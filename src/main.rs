//! `kg`: turn diplomatic news articles into a knowledge graph.
//!
//! Exit status follows ripgrep: 0 when output was produced, 1 when a question had no
//! answer, 2 on error.

mod cli;
mod commands;
mod eval;
mod input;
mod output;
mod pipeline;
mod source;
mod table;

use std::process::ExitCode;

use clap::Parser;

// Extraction allocates many small strings per document; mimalloc serves them faster
// than the system allocator and keeps threads from contending on one heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kg: {err:#}");
            ExitCode::from(2)
        }
    }
}
