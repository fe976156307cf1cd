//! `devcoop synth`: write a synthetic listing, for benchmarks and tests.
//!
//! Example: `devcoop synth --projects 100000 --seed 1 > /tmp/big.txt`

use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a synthetic listing of N projects (about 320 bytes each) in the
/// shipped layout, with realistic funders, partners, places and traps.
/// The same seed gives the same text.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  devcoop synth --projects 100000 --seed 1 --out /tmp/big.txt")]
pub struct Args {
    /// Number of projects.
    #[arg(long, default_value_t = 1000)]
    projects: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output file (default: standard output).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let text = ingest::synth::synthetic_listing(args.projects, args.seed);
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
