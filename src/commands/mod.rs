//! One module per subcommand.

mod eval;
mod extract;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Rules => {
            for name in kg_extract::rules::names() {
                println!("{name}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
