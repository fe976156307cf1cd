//! A run: every table, analysis, chart and the report of the listings,
//! written into a staging directory that replaces the output directory
//! only when everything succeeded.

use super::inputs::InputFile;
use super::read::{read_projects, read_with_layout_retry, Batch, ReadOptions};
use crate::config::Config;
use crate::memory;
use crate::output::StagedOutput;
use crate::progress::Progress;
use analysis::TableSummary;
use anyhow::{Context, Result};
use ingest::LayoutLearning;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where and how a run writes.
#[derive(Debug, Clone)]
pub struct RunSettings {
    pub out: PathBuf,
    /// Every table also as Parquet partitioned by source listing.
    pub partition_by_source: bool,
    pub read: ReadOptions,
}

/// What a run did.
pub struct RunSummary {
    pub projects: usize,
    /// Warnings of finding, reading, normalising and correcting.
    pub diagnostics: Vec<ingest::Diagnostic>,
    /// Why every listing was read a second time, if it was (a listing
    /// whose first pieces did not show its layout).
    pub read_again: Option<anyhow::Error>,
}

#[derive(Serialize)]
struct Manifest<'a> {
    tool: &'static str,
    version: &'static str,
    inputs: &'a [InputFile],
    tables: &'a [TableSummary],
}

/// Writes every output of the listings `paths` (found and checked, their
/// manifest rows `files`); `warnings` are those of finding them.
pub fn write_run(
    config: &Config,
    settings: &RunSettings,
    paths: &[PathBuf],
    files: &[InputFile],
    warnings: &[ingest::Diagnostic],
    progress: &Progress,
) -> Result<RunSummary> {
    let mut diagnostics = Vec::new();
    let (projects, read_again) = read_with_layout_retry(|learning| {
        // The inputs' own warnings come first, as the files were found
        // before any was read.
        diagnostics = warnings.to_vec();
        write_output(
            config,
            settings,
            paths,
            files.to_vec(),
            &mut diagnostics,
            learning,
            progress,
        )
    })?;
    Ok(RunSummary {
        projects,
        diagnostics,
        read_again,
    })
}

/// Every file of a run, staged and swapped in for `out` at the end; the
/// number of projects written. Listings are read in pieces and their
/// projects normalised and written in batches, so memory holds a batch,
/// not the listings.
fn write_output(
    config: &Config,
    settings: &RunSettings,
    paths: &[PathBuf],
    mut files: Vec<InputFile>,
    diagnostics: &mut Vec<ingest::Diagnostic>,
    learning: LayoutLearning,
    progress: &Progress,
) -> Result<usize> {
    let staged = StagedOutput::new(&settings.out)?;
    let tables_dir = staged.subdir("tables")?;
    let partitioned = match settings.partition_by_source {
        true => Some(staged.subdir("tables/partitioned")?),
        false => None,
    };
    let mut sink =
        analysis::TableSink::create(&tables_dir, partitioned.as_deref(), config.table_formats)?;
    let mut written = 0usize;
    progress.projects("reading projects, finding funders, places and dates, writing tables");
    let found = read_projects(
        config,
        paths,
        &mut files,
        settings.read,
        learning,
        |batch: &mut Batch| {
            sink.write_batch(&batch.projects, &batch.readings)?;
            progress.advance(batch.projects.len() as u64);
            written += batch.projects.len();
            Ok(())
        },
    )?;
    diagnostics.extend(found);
    let counts = sink.finish()?;
    memory::return_freed_memory_at_once();
    progress.stage("running analyses and drawing charts");
    let caption = caption(&files, written);
    let AnalysisOutput { results, charts } = write_analyses(&staged, config, &caption)?;
    progress.stage("writing the report");
    analysis::write_diagnostics(&staged.dir().join("diagnostics.csv"), diagnostics)?;
    let listed = analysis::listed_projects(&tables_dir, charts::report::REPORT_MAX_PROJECTS)?;
    let diagnostic_lines: Vec<charts::report::DiagnosticLine> = diagnostics
        .iter()
        .map(|d| charts::report::DiagnosticLine {
            file: d.file.clone(),
            line: d.line,
            severity: d.severity.to_string(),
            message: d.message.clone(),
        })
        .collect();
    let report = charts::report::render_report(&charts::report::ReportInput {
        caption: &caption,
        projects_total: written,
        projects: &listed,
        diagnostics: &diagnostic_lines,
        charts: &charts,
        listing_links: &listing_links(&settings.out, paths),
        analyses: &results,
        table_formats: config.table_formats,
    })
    .map_err(|message| anyhow::anyhow!("cannot write the report: {message}"))?;
    let report_path = staged.dir().join("report.html");
    std::fs::write(&report_path, report)
        .with_context(|| format!("{}: cannot write", report_path.display()))?;
    let package = analysis::datapackage(
        &analysis::build_tables(&[])?,
        config.table_formats,
        &results,
    );
    write_json(&staged.dir().join("datapackage.json"), &package)?;
    write_manifest(staged.dir(), &files, &counts)?;
    progress.stage("putting the new output in place");
    staged.commit()?;
    Ok(written)
}

/// Runs every analysis over the written tables: its table, and its chart
/// as SVG and PNG.
fn write_analyses(staged: &StagedOutput, config: &Config, caption: &str) -> Result<AnalysisOutput> {
    let analyses = match &config.analyses {
        Some(dir) => analysis::load_analyses(dir)?,
        None => analysis::parse_analyses(super::BUILTIN_ANALYSES)?,
    };
    let tables_dir = staged.dir().join("tables");
    let analysis_dir = staged.subdir("tables/analysis")?;
    let charts_dir = staged.subdir("charts")?;
    let mut charts = Vec::new();
    let mut results = Vec::with_capacity(analyses.len());
    // One analysis at a time: its tables are read, its result written and
    // drawn, and only its first rows kept.
    for analysis in &analyses {
        // What the tables or the last analysis freed is not kept for this
        // one: the peak of a run is one analysis, not one plus the last.
        memory::release_free_memory();
        let mut result = analysis::run_analysis_on_parquet(&tables_dir, analysis)?;
        let name = result.analysis.name.clone();
        // The two files are independent: written on both cores.
        let frame = &result.frame;
        let (csv, parquet) = rayon::join(
            || analysis::write_csv(&analysis_dir.join(format!("{name}.csv")), frame),
            || {
                // Shares the columns: the writer may only rechunk its copy.
                let mut frame = frame.clone();
                analysis::write_parquet(&analysis_dir.join(format!("{name}.parquet")), &mut frame)
            },
        );
        csv?;
        parquet?;
        let chart = charts::chart_for(&result, caption)
            .map_err(|message| anyhow::anyhow!("{}: {message}", result.analysis.path.display()))?;
        if let Some(chart) = chart {
            let svg = charts::write_svg(&charts_dir, &name, &chart)?;
            charts.push((name, svg));
        }
        // Written and drawn: the report shows at most this many rows.
        result.keep_first(charts::report::REPORT_MAX_PROJECTS);
        results.push(result);
    }
    // The PNGs need only the SVGs: rendered together, on every core.
    charts
        .par_iter()
        .try_for_each(|(name, svg)| charts::write_png(&charts_dir, name, svg))?;
    Ok(AnalysisOutput { results, charts })
}

/// The analyses that ran, and the SVG of each chart by analysis name.
struct AnalysisOutput {
    results: Vec<analysis::AnalysisResult>,
    charts: Vec<(String, String)>,
}

/// `(file name, path from the output directory)` of every listing, for
/// the report's links; a listing whose path cannot be resolved has none.
fn listing_links(out: &Path, paths: &[PathBuf]) -> Vec<(String, String)> {
    // The output directory may not exist yet: resolve its parent.
    let out = out
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .and_then(|p| p.canonicalize().ok())
        .zip(out.file_name())
        .map(|(parent, name)| parent.join(name));
    let Some(out) = out else {
        return Vec::new();
    };
    paths
        .iter()
        .filter_map(|listed| {
            let path = listed.canonicalize().ok()?;
            let common = out
                .components()
                .zip(path.components())
                .take_while(|(a, b)| a == b)
                .count();
            let ups = out.components().count() - common;
            let mut relative: Vec<String> = vec!["..".to_string(); ups];
            relative.extend(
                path.components()
                    .skip(common)
                    .map(|c| c.as_os_str().to_string_lossy().into_owned()),
            );
            Some((super::inputs::source_name(listed), relative.join("/")))
        })
        .collect()
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
