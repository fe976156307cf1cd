//! `devcoop check`: show what devcoop reads in listings, without writing.
//!
//! Example: `devcoop check data/raw/labour-migration-projects.txt`

use crate::config::Config;
use crate::listings;
use anyhow::Result;
use ingest::Severity;
use std::path::PathBuf;
use std::process::ExitCode;

/// Print the projects found in listings and every diagnostic.
///
/// Nothing is written. Exits with 1 if any file is not a listing (empty,
/// binary, not UTF-8).
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  devcoop check data/raw/labour-migration-projects.txt")]
pub struct Args {
    /// Listing files, or directories whose `.txt` files are read.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = Config::load(None)?;
    let inputs = listings::input_files(&config, &args.paths)?;
    let loaded = listings::load(&config, &inputs.files, |_| ())?;
    for listing in &loaded.listings {
        println!("{}: {} projects", listing.source, listing.projects.len());
        for project in &listing.projects {
            println!(
                "  {:>3}  line {:<4} {}",
                project.ordinal,
                project.first_line,
                project.title_text()
            );
            if let Some(date) = project.date_text() {
                println!("       dates  {date}");
            }
            for field in &project.fields {
                println!("       {}: {}", field.label, field.value.clean());
            }
        }
    }
    let mut errors = 0;
    for diagnostic in inputs.warnings.iter().chain(loaded.diagnostics()) {
        if diagnostic.severity == Severity::Error {
            errors += 1;
        }
        println!("{diagnostic}");
    }
    Ok(if errors > 0 {
        ExitCode::from(crate::cmd::EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    })
}
