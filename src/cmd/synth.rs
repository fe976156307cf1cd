//! `devcoop synth`: write a synthetic listing, for benchmarks and tests.
//!
//! Example: `devcoop synth --projects 100000 --seed 1 > /tmp/big.txt`

use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a synthetic listing of N projects in one of three layouts
/// (numbered titles with date lines as in the shipped listing, about 320
/// bytes a project; titles with labelled fields, about 460; a flattened
/// table, about 290), with realistic funders, partners, places and traps.
/// The same layout and seed give the same text.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  devcoop synth --projects 100000 --seed 1 --out /tmp/big.txt\n  devcoop synth --projects 1000 --layout table --out /tmp/table.txt"
)]
pub struct Args {
    /// Number of projects.
    #[arg(long, default_value_t = 1000)]
    projects: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Layout: numbered, fields or table.
    #[arg(long, default_value = "numbered")]
    layout: ingest::synth::SynthLayout,
    /// Output file (default: standard output).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = ingest::synth::synthetic_listing(args.layout, args.projects, args.seed);
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .context("cannot write to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}
