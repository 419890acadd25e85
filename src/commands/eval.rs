//! `kg eval`: the scoring rules of the shared evaluation, in Rust.

use std::process::ExitCode;

use anyhow::{bail, Result};

use crate::cli::EvalArgs;

pub fn run(_args: &EvalArgs) -> Result<ExitCode> {
    bail!("kg eval is not implemented yet")
}
