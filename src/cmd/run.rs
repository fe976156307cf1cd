//! `devcoop run`: read the listings, write every table into the output
//! directory, replacing it only when everything succeeded.
//!
//! Example: `devcoop run --input data/raw --out output`

use crate::config::Config;
use crate::listings::{self, InputFile};
use crate::output::StagedOutput;
use crate::progress::Progress;
use analysis::TableSummary;
use anyhow::{bail, Context, Result};
use ingest::Severity;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Regenerate the output directory from the listings.
///
/// Reads every `.txt` under the inputs (default: `inputs` in devcoop.toml),
/// writes tables/, diagnostics.csv and manifest.json into a staging
/// directory and swaps it in for the output directory only when all
/// succeeded. Any input that is not a listing fails the run and leaves the
/// previous output as it was.
#[derive(Debug, Default, clap::Args)]
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
    /// No progress bar and no warnings on stderr (they stay in
    /// diagnostics.csv); errors and the summary line are still printed.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PartitionBy {
    /// The listing file a project was read from.
    Source,
}

#[derive(Serialize)]
struct Manifest<'a> {
    tool: &'static str,
    version: &'static str,
    inputs: &'a [InputFile],
    tables: &'a [TableSummary],
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let files = listings::input_files(&config, &args.inputs)?;
    let out = args.out.clone().unwrap_or_else(|| config.output.clone());
    let mut read: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    read.extend([
        config.reference.as_path(),
        config.analyses.as_path(),
        config.overrides.as_path(),
    ]);
    if let Some(config_file) = args.config.as_deref() {
        read.push(config_file);
    }
    crate::output::check_output_is_separate(&out, &read)?;

    let input_bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let progress = Progress::new(6, input_bytes, args.quiet);
    progress.stage("reading listings");
    let mut loaded = listings::load(&config, &files)?;
    if !loaded.errors.is_empty() {
        progress.finish();
        for error in &loaded.errors {
            eprintln!("{error}");
        }
        bail!(
            "{} of {} input files are not listings; {} left as it was",
            loaded.errors.len(),
            files.len(),
            out.display()
        );
    }
    progress.stage("finding funders, places and dates");
    let mut diagnostics: Vec<_> = loaded.diagnostics().cloned().collect();
    let projects = listings::normalised_projects(&config, &mut loaded, &mut diagnostics, true)?;
    let written = write_output(
        &out,
        &config,
        &loaded.files,
        &projects,
        &diagnostics,
        args.partition_by,
        &progress,
    );
    progress.finish();
    written?;
    let warnings = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if !args.quiet {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
    }
    eprintln!(
        "devcoop: {} {}, {} projects, {} {} → {}",
        files.len(),
        plural(files.len(), "file", "files"),
        projects.len(),
        warnings,
        plural(warnings, "warning", "warnings"),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Every file of a run, staged and swapped in for `out` at the end.
fn write_output(
    out: &Path,
    config: &Config,
    files: &[InputFile],
    projects: &[normalise::Project],
    diagnostics: &[ingest::Diagnostic],
    partition_by: Option<PartitionBy>,
    progress: &Progress,
) -> Result<()> {
    let staged = StagedOutput::new(out)?;
    progress.stage("writing tables");
    let mut tables = analysis::build_tables(projects)?;
    let counts = analysis::write_tables(&staged.subdir("tables")?, &mut tables)?;
    if let Some(PartitionBy::Source) = partition_by {
        analysis::write_partitioned_by_source(&staged.subdir("tables/partitioned")?, &tables)?;
    }
    progress.stage("running analyses and drawing charts");
    let caption = caption(files, projects.len());
    let AnalysisOutput { results, charts } = write_analyses(&staged, config, &tables, &caption)?;
    progress.stage("writing the report");
    analysis::write_diagnostics(&staged.dir().join("diagnostics.csv"), diagnostics)?;
    let report = charts::report::render_report(&charts::report::ReportInput {
        caption: &caption,
        projects,
        diagnostics,
        charts: &charts,
        analyses: &results,
    })
    .map_err(|message| anyhow::anyhow!("cannot write the report: {message}"))?;
    let report_path = staged.dir().join("report.html");
    std::fs::write(&report_path, report)
        .with_context(|| format!("{}: cannot write", report_path.display()))?;
    let package = analysis::datapackage(&tables, &results);
    write_json(&staged.dir().join("datapackage.json"), &package)?;
    write_manifest(staged.dir(), files, &counts)?;
    progress.stage("putting the new output in place");
    staged.commit()
}

/// Runs every analysis: its table, and its chart as SVG and PNG.
fn write_analyses(
    staged: &StagedOutput,
    config: &Config,
    tables: &[analysis::NamedTable],
    caption: &str,
) -> Result<AnalysisOutput> {
    let analyses = analysis::load_analyses(&config.analyses)?;
    let named: Vec<(&str, &analysis::DataFrame)> = tables.iter().map(|(n, f)| (*n, f)).collect();
    let mut results = analysis::run_analyses(&analyses, &named)?;
    let analysis_dir = staged.subdir("tables/analysis")?;
    let charts_dir = staged.subdir("charts")?;
    let mut charts = Vec::new();
    for result in &mut results {
        let name = result.analysis.name.clone();
        analysis::write_csv(&analysis_dir.join(format!("{name}.csv")), &result.frame)?;
        analysis::write_parquet(
            &analysis_dir.join(format!("{name}.parquet")),
            &mut result.frame,
        )?;
        let chart = charts::chart_for(result, caption)
            .map_err(|message| anyhow::anyhow!("{}: {message}", result.analysis.path.display()))?;
        if let Some(chart) = chart {
            let svg = charts::write_chart(&charts_dir, &name, &chart)?;
            charts.push((name, svg));
        }
    }
    Ok(AnalysisOutput { results, charts })
}

/// The analyses that ran, and the SVG of each chart by analysis name.
struct AnalysisOutput {
    results: Vec<analysis::AnalysisResult>,
    charts: Vec<(String, String)>,
}

/// Under every chart: which listings, how many projects.
fn caption(files: &[InputFile], projects: usize) -> String {
    let names: Vec<&str> = files
        .iter()
        .map(|f| f.path.rsplit('/').next().unwrap_or(&f.path))
        .collect();
    format!(
        "Source: {} · {} projects · devcoop {}",
        names.join(", "),
        projects,
        env!("CARGO_PKG_VERSION")
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn write_manifest(dir: &Path, inputs: &[InputFile], tables: &[TableSummary]) -> Result<()> {
    let manifest = Manifest {
        tool: "devcoop",
        version: env!("CARGO_PKG_VERSION"),
        inputs,
        tables,
    };
    write_json(&dir.join("manifest.json"), &manifest)
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
}
