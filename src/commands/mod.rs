//! One module per subcommand.

mod eval;
pub mod export;
pub mod extract;
pub mod merge;
pub mod query;
pub mod render;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Rules => {
            for name in kg_extract::rules::names() {
                println!("{name}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
