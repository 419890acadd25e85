//! `kg merge`.

use std::process::ExitCode;

use anyhow::{bail, Result};

#[derive(Debug, clap::Args)]
pub struct MergeArgs {}

pub fn run(_args: &MergeArgs) -> Result<ExitCode> {
    bail!("kg merge is not implemented yet")
}
