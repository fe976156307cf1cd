//! `devcoop check`: show what devcoop reads in listings, without writing.
//!
//! Example: `devcoop check data/raw/labour-migration-projects.txt`

use anyhow::Result;
use devcoop::config::Config;
use devcoop::pipeline;
use ingest::Severity;
use std::io::Write;
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
    let inputs = pipeline::input_files(&config, &args.paths)?;
    // What devcoop reads, before any correction of the user's.
    let read = pipeline::collect_projects(&config, &inputs.files, false)?;
    let mut counts: Vec<(String, usize)> = Vec::new();
    for project in &read.projects {
        match counts.last_mut() {
            Some((source, n)) if *source == project.raw.source => *n += 1,
            _ => counts.push((project.raw.source.clone(), 1)),
        }
    }
    let mut out = std::io::stdout().lock();
    let mut shown = 0;
    for (source, count) in &counts {
        let noun = crate::cmd::plural(*count, "project", "projects");
        writeln!(out, "{source}: {count} {noun}")?;
        for project in &read.projects[shown..shown + count] {
            let raw = &project.raw;
            writeln!(
                out,
                "  {:>3}  line {:<4} {}",
                raw.ordinal,
                raw.first_line,
                raw.title_text()
            )?;
            if let Some(date) = raw.date_text() {
                writeln!(out, "       dates  {date}")?;
            }
            for field in &raw.fields {
                writeln!(out, "       {}: {}", field.label, field.value.clean())?;
            }
            for (what, codes) in [
                ("funders", project.funder_codes()),
                ("countries", project.country_codes()),
            ] {
                if !codes.is_empty() {
                    writeln!(out, "       {what}  {}", codes.join(", "))?;
                }
            }
        }
        shown += count;
    }
    let mut errors = 0;
    for diagnostic in inputs
        .warnings
        .iter()
        .chain(&read.errors)
        .chain(&read.diagnostics)
    {
        if diagnostic.severity == Severity::Error {
            errors += 1;
        }
        writeln!(out, "{diagnostic}")?;
    }
    Ok(if errors > 0 {
        ExitCode::from(crate::cmd::EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    })
}
