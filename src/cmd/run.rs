//! `devcoop run`: read the listings, write every table into the output
//! directory, replacing it only when everything succeeded.
//!
//! Example: `devcoop run --input data/raw --out output`

use anyhow::{anyhow, bail, Result};
use devcoop::config::Config;
use devcoop::pipeline::{self, ReadOptions, RunSettings};
use devcoop::progress::Progress;
use ingest::Severity;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Regenerate the output directory from the listings.
///
/// Reads every `.txt` under the inputs (default: `inputs` in devcoop.toml),
/// writes tables/, diagnostics.csv and manifest.json into a staging
/// directory and swaps it in for the output directory only when all
/// succeeded. Any input that is not a listing fails the run and leaves the
/// previous output as it was.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  devcoop run --input data/raw --out output")]
pub struct Args {
    /// Settings file (default: devcoop.toml in the current directory, if any).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Listing files or directories; replaces `inputs` of the config.
    #[arg(long = "input", value_name = "PATH", num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// Output directory; replaces `output` of the config.
    #[arg(long = "out", value_name = "DIR")]
    out: Option<PathBuf>,
    /// Also write every table as Parquet partitioned by source listing
    /// (tables/partitioned/NAME/source=FILE/part-0.parquet), the layout
    /// distributed SQL engines read.
    #[arg(long, value_name = "COLUMN", value_enum)]
    partition_by: Option<PartitionBy>,
    /// Formats of the tables, comma-separated; replaces `table_formats` of
    /// the config: csv, jsonl, parquet (default: parquet alone). Parquet is
    /// required (the analyses read it); CSV and JSON Lines take fifteen
    /// times its bytes.
    #[arg(long, value_name = "FORMAT", value_delimiter = ',', num_args = 1..)]
    formats: Vec<analysis::TableFormat>,
    /// No progress bar and no warnings on stderr (they stay in
    /// diagnostics.csv); errors and the summary line are still printed.
    #[arg(long, short)]
    quiet: bool,
    /// Projects normalised and written at a time (tests use small batches
    /// to cross batch boundaries; the default suits every input size).
    #[arg(long, hide = true, default_value_t = pipeline::DEFAULT_BATCH_PROJECTS as u32, value_parser = clap::value_parser!(u32).range(1..))]
    batch_projects: u32,
    /// Bytes of a listing read at a time (tests use small pieces).
    #[arg(long, hide = true, default_value_t = ingest::DEFAULT_PIECE_BYTES as u64, value_parser = clap::value_parser!(u64).range(1..))]
    piece_bytes: u64,
}

impl Default for Args {
    /// What `devcoop` with no command runs: `devcoop run` with no options.
    fn default() -> Self {
        Args {
            config: None,
            inputs: Vec::new(),
            out: None,
            partition_by: None,
            formats: Vec::new(),
            quiet: false,
            batch_projects: pipeline::DEFAULT_BATCH_PROJECTS as u32,
            piece_bytes: ingest::DEFAULT_PIECE_BYTES as u64,
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PartitionBy {
    /// The listing file a project was read from.
    Source,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut config = Config::load(args.config.as_deref())?;
    if !args.formats.is_empty() {
        config.table_formats = analysis::TableFormats::new(&args.formats)
            .map_err(|message| anyhow!("--formats: {message}"))?;
    }
    let pipeline::InputPaths {
        files,
        warnings: input_warnings,
    } = pipeline::input_files(&config, &args.inputs)?;
    let out = args.out.clone().unwrap_or_else(|| config.output.clone());
    let mut read: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    read.extend(config.reference.as_deref());
    read.extend(config.analyses.as_deref());
    read.push(config.overrides.as_path());
    if let Some(config_file) = args.config.as_deref() {
        read.push(config_file);
    }
    devcoop::output::check_output_is_separate(&out, &read)?;

    let input_bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let progress = Progress::new(input_bytes, args.quiet);
    progress.reading("checking listings");
    let checked = pipeline::check_inputs(&config, &files, |bytes| progress.advance(bytes))?;
    if !checked.errors.is_empty() {
        progress.finish();
        if !args.quiet {
            for warning in &input_warnings {
                eprintln!("{warning}");
            }
        }
        for error in &checked.errors {
            eprintln!("{error}");
        }
        bail!(
            "{} of {} input files are not listings; {} left as it was",
            checked.errors.len(),
            files.len(),
            out.display()
        );
    }
    let settings = RunSettings {
        out: out.clone(),
        partition_by_source: matches!(args.partition_by, Some(PartitionBy::Source)),
        read: ReadOptions {
            piece_bytes: usize::try_from(args.piece_bytes).unwrap_or(usize::MAX),
            batch_projects: args.batch_projects as usize,
            corrections: true,
        },
    };
    let written = pipeline::write_run(
        &config,
        &settings,
        &files,
        &checked.files,
        &input_warnings,
        &progress,
    );
    progress.finish();
    let summary = written?;
    if let (Some(reason), false) = (&summary.read_again, args.quiet) {
        // Not a problem of the input: only why this run took longer.
        eprintln!("devcoop: {reason}: every listing was read again with its layout learnt first");
    }
    let warnings = summary
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if !args.quiet {
        for diagnostic in &summary.diagnostics {
            eprintln!("{diagnostic}");
        }
    }
    eprintln!(
        "devcoop: {} {}, {} {}, {} {} → {}",
        files.len(),
        crate::cmd::plural(files.len(), "file", "files"),
        summary.projects,
        crate::cmd::plural(summary.projects, "project", "projects"),
        warnings,
        crate::cmd::plural(warnings, "warning", "warnings"),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
