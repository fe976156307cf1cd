//! `devcoop run`: read the listings, write every table into the output
//! directory, replacing it only when everything succeeded.
//!
//! Example: `devcoop run --input data/raw --out output`

use crate::config::Config;
use crate::listings::{self, InputFile};
use crate::memory;
use crate::output::StagedOutput;
use crate::progress::Progress;
use analysis::TableSummary;
use anyhow::{anyhow, bail, Context, Result};
use ingest::{LayoutLearning, Severity};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::SyncSender;
use std::sync::{Mutex, MutexGuard, PoisonError};

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
    /// the config: csv, jsonl, parquet. Parquet is required (the analyses
    /// read it); without CSV and JSON Lines a large run writes a
    /// twentieth of the bytes.
    #[arg(long, value_name = "FORMAT", value_delimiter = ',', num_args = 1..)]
    formats: Vec<analysis::TableFormat>,
    /// No progress bar and no warnings on stderr (they stay in
    /// diagnostics.csv); errors and the summary line are still printed.
    #[arg(long, short)]
    quiet: bool,
    /// Projects normalised and written at a time (tests use small batches
    /// to cross batch boundaries; the default suits every input size).
    #[arg(long, hide = true, default_value_t = DEFAULT_BATCH_PROJECTS, value_parser = clap::value_parser!(u32).range(1..))]
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
            batch_projects: DEFAULT_BATCH_PROJECTS,
            piece_bytes: ingest::DEFAULT_PIECE_BYTES as u64,
        }
    }
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
    let mut config = Config::load(args.config.as_deref())?;
    if !args.formats.is_empty() {
        config.table_formats = analysis::TableFormats::new(&args.formats)
            .map_err(|message| anyhow!("--formats: {message}"))?;
    }
    let listings::InputPaths {
        files,
        warnings: input_warnings,
    } = listings::input_files(&config, &args.inputs)?;
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
    let progress = Progress::new(input_bytes, args.quiet);
    progress.reading("checking listings");
    let checked = listings::check_inputs(&config, &files, |bytes| progress.advance(bytes))?;
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
    let mut diagnostics = Vec::new();
    // Each listing is read once, its layout learnt as it goes; in the rare
    // listing whose first pieces do not show its layout, the run starts
    // again with every layout learnt in a pass of its own.
    let mut write = |learning| {
        // The inputs' own warnings come first, as the files were found
        // before any was read.
        diagnostics.clone_from(&input_warnings);
        write_output(
            &Settings {
                out: &out,
                config: &config,
                args: &args,
            },
            &files,
            checked.files.clone(),
            &mut diagnostics,
            learning,
            &progress,
        )
    };
    let mut read_again = None;
    let written = match write(LayoutLearning::WhileReading) {
        Err(err) if err.downcast_ref::<listings::LayoutChanged>().is_some() => {
            read_again = Some(err);
            write(LayoutLearning::Ahead)
        }
        written => written,
    };
    progress.finish();
    if let (Some(reason), false) = (read_again, args.quiet) {
        // Not a problem of the input: only why this run took longer.
        eprintln!("devcoop: {reason}: every listing was read again with its layout learnt first");
    }
    let projects = written?;
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
        "devcoop: {} {}, {} {}, {} {} → {}",
        files.len(),
        plural(files.len(), "file", "files"),
        projects,
        plural(projects, "project", "projects"),
        warnings,
        plural(warnings, "warning", "warnings"),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Projects are normalised and written this many at a time: enough to keep
/// both cores busy and row groups large, few enough that memory holds two
/// batches (the one being written and the one read ahead) and not the
/// listing. Read ahead, batches of 8,192 took a million projects in every
/// format to 304-324 MiB, above their 308 MiB of input; 4,096 keep them at
/// 282-293 MiB, and in Parquet only they still took 27.4 s against 29.4 s
/// for 8,192 read in turn (BENCHMARKS.md).
const DEFAULT_BATCH_PROJECTS: u32 = 4_096;

/// What a run keeps while batches of projects go through: the tables
/// being written and the tallies for the report.
struct Batches<'a> {
    config: &'a Config,
    reference: normalise::Reference,
    corrections: normalise::Corrections,
    identities: normalise::Identities,
    sink: analysis::TableSink,
    /// Tallied on the pool, by the task that frees each batch.
    headline: &'a Mutex<charts::report::Headline>,
    /// The first projects, listed in the report.
    listed: Vec<normalise::Project>,
    /// Warnings of normalisation and corrections (after those of reading).
    diagnostics: Vec<ingest::Diagnostic>,
    progress: &'a Progress,
}

/// A panic in a task reaches the scope that spawned it and ends the run:
/// a poisoned tally is never read.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<'a> Batches<'a> {
    /// Normalises, corrects and writes a batch; a task spawned in `scope`
    /// tallies it and frees what is left of it.
    fn process<'scope>(
        &mut self,
        scope: &rayon::Scope<'scope>,
        raw: Vec<ingest::RawProject>,
    ) -> Result<()>
    where
        'a: 'scope,
    {
        let batch = self.identities.identify_batch(raw);
        let readings = self.identities.take_readings();
        let mut projects = normalise::extract_facts(
            &self.reference,
            batch,
            self.config.reference_date,
            &mut self.diagnostics,
        );
        self.corrections
            .apply(&mut projects, &self.reference, &mut self.diagnostics);
        self.sink.write_batch(&projects, &readings)?;
        self.progress.advance(projects.len() as u64);
        let room = charts::report::REPORT_MAX_PROJECTS.saturating_sub(self.listed.len());
        let rest = projects.split_off(room.min(projects.len()));
        if !projects.is_empty() {
            lock(self.headline).add(&projects);
        }
        self.listed.extend(projects);
        // Tallying and freeing a batch are work this thread would do while
        // the other cores wait for the next batch (freeing strings
        // allocated on rayon's threads took 7% of a run's CPU, the tallies
        // 1%); on the pool they overlap with the next batch: 200,000
        // projects 6.26 -> 5.81 s on average for the freeing
        // (BENCHMARKS.md). The tallies are counts, sets and extremes: the
        // order the tasks run in does not change them.
        let headline = self.headline;
        scope.spawn(move |_| {
            lock(headline).add(&rest);
            drop(rest);
        });
        Ok(())
    }
}

/// Reads every listing in turn and hands its projects on in batches of
/// `--batch-projects`, in reading order; the listings' own warnings.
fn read_batches(
    paths: &[PathBuf],
    files: &mut [InputFile],
    args: &Args,
    learning: LayoutLearning,
    hand_on: SyncSender<Vec<ingest::RawProject>>,
) -> Result<Vec<ingest::Diagnostic>> {
    let batch_projects = args.batch_projects as usize;
    // The batches are taken until writing one fails; that error is told.
    let send = |batch| {
        hand_on
            .send(batch)
            .map_err(|_| anyhow!("reading stopped: writing the tables failed"))
    };
    let mut found = Vec::new();
    let mut pending: Vec<ingest::RawProject> = Vec::new();
    for (path, file) in paths.iter().zip(files.iter_mut()) {
        let end =
            listings::stream_listing(path, args.piece_bytes as usize, learning, |projects| {
                pending.extend(projects);
                while pending.len() >= batch_projects {
                    let rest = pending.split_off(batch_projects);
                    send(std::mem::replace(&mut pending, rest))?;
                }
                Ok(())
            })?;
        file.projects = end.projects;
        found.extend(end.diagnostics);
    }
    if !pending.is_empty() {
        send(pending)?;
    }
    Ok(found)
}

/// Where a run writes, and how.
struct Settings<'a> {
    out: &'a Path,
    config: &'a Config,
    args: &'a Args,
}

/// Every file of a run, staged and swapped in for `out` at the end; the
/// number of projects written. Listings are read in pieces and their
/// projects normalised and written in batches, so memory holds a batch,
/// not the listings.
fn write_output(
    settings: &Settings,
    paths: &[PathBuf],
    mut files: Vec<InputFile>,
    diagnostics: &mut Vec<ingest::Diagnostic>,
    learning: LayoutLearning,
    progress: &Progress,
) -> Result<usize> {
    let Settings { out, config, args } = *settings;
    let staged = StagedOutput::new(out)?;
    let tables_dir = staged.subdir("tables")?;
    let partitioned = match args.partition_by {
        Some(PartitionBy::Source) => Some(staged.subdir("tables/partitioned")?),
        None => None,
    };
    let headline = Mutex::new(charts::report::Headline::default());
    let mut batches = Batches {
        config,
        reference: normalise::Reference::load(&config.reference)?,
        corrections: listings::corrections(config)?,
        identities: normalise::Identities::default(),
        sink: analysis::TableSink::create(
            &tables_dir,
            partitioned.as_deref(),
            config.table_formats,
        )?,
        headline: &headline,
        listed: Vec::new(),
        diagnostics: Vec::new(),
        progress,
    };
    progress.projects("reading projects, finding funders, places and dates, writing tables");
    // The listings are read on a thread of their own, a batch ahead of
    // this one, which normalises and writes: reading (cutting windows into
    // projects, learning the layout) is work no other core can share, and
    // in turn the other cores waited for it. A million projects without
    // the analyses: 26.3 -> 24.5 s over four alternating pairs, the same
    // CPU; the batch waiting to be taken is why batches are smaller
    // (`DEFAULT_BATCH_PROJECTS`).
    let (hand_on, batches_read) = std::sync::mpsc::sync_channel(0);
    std::thread::scope(|threads| -> Result<()> {
        let files = &mut files;
        let reader = threads.spawn(move || read_batches(paths, files, args, learning, hand_on));
        // Every batch is tallied and freed on the pool before the scope
        // ends: the tables are finished and the analyses run with no batch
        // left behind.
        let written = rayon::in_place_scope(|scope| -> Result<()> {
            for batch in &batches_read {
                batches.process(scope, batch)?;
            }
            Ok(())
        });
        // Ends the reading if the writing stopped.
        drop(batches_read);
        let read = reader
            .join()
            .map_err(|_| anyhow!("the thread reading the listings panicked"))?;
        // A write that failed stopped the reading: its error is the one to
        // tell.
        written?;
        diagnostics.extend(read?);
        Ok(())
    })?;
    let Batches {
        reference,
        corrections,
        identities,
        sink,
        listed,
        diagnostics: found,
        ..
    } = batches;
    // Only the batches needed these; the analyses get their memory.
    drop(reference);
    drop(identities);
    diagnostics.extend(found);
    corrections.finish(diagnostics);
    let counts = sink.finish()?;
    let headline = headline
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    memory::return_freed_memory_at_once();
    progress.stage("running analyses and drawing charts");
    let caption = caption(&files, headline.projects());
    let AnalysisOutput { results, charts } = write_analyses(&staged, config, &caption)?;
    progress.stage("writing the report");
    analysis::write_diagnostics(&staged.dir().join("diagnostics.csv"), diagnostics)?;
    let report = charts::report::render_report(&charts::report::ReportInput {
        caption: &caption,
        headline: &headline,
        projects: &listed,
        diagnostics,
        charts: &charts,
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
    Ok(headline.projects())
}

/// Runs every analysis over the written tables: its table, and its chart
/// as SVG and PNG.
fn write_analyses(staged: &StagedOutput, config: &Config, caption: &str) -> Result<AnalysisOutput> {
    let analyses = analysis::load_analyses(&config.analyses)?;
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
        analysis::write_csv(&analysis_dir.join(format!("{name}.csv")), &result.frame)?;
        analysis::write_parquet(
            &analysis_dir.join(format!("{name}.parquet")),
            &mut result.frame,
        )?;
        let chart = charts::chart_for(&result, caption)
            .map_err(|message| anyhow::anyhow!("{}: {message}", result.analysis.path.display()))?;
        if let Some(chart) = chart {
            let svg = charts::write_chart(&charts_dir, &name, &chart)?;
            charts.push((name, svg));
        }
        // Written and drawn: the report shows at most this many rows.
        result.keep_first(charts::report::REPORT_MAX_PROJECTS);
        results.push(result);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path, name: &str, projects: usize) -> PathBuf {
        let text: String = std::iter::once("Projects\n\n".to_string())
            .chain((1..=projects).map(|n| {
                format!("{n}. Project {name} {n}\n2010 - 2012\nFunded by the European Union in Ghana.\n\n")
            }))
            .collect();
        let path = dir.join(name);
        std::fs::write(&path, text).expect("a listing can be written");
        path
    }

    fn input_file(path: &Path) -> InputFile {
        InputFile {
            path: path.display().to_string(),
            bytes: 0,
            sha256: String::new(),
            projects: 0,
        }
    }

    #[test]
    fn batches_are_handed_on_in_reading_order_across_listings() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let paths = [
            listing(dir.path(), "a.txt", 5),
            listing(dir.path(), "b.txt", 4),
        ];
        let mut files: Vec<InputFile> = paths.iter().map(|p| input_file(p)).collect();
        let args = Args {
            batch_projects: 4,
            piece_bytes: 64,
            ..Args::default()
        };
        let (hand_on, batches_read) = std::sync::mpsc::sync_channel(0);
        let (read, batches) = std::thread::scope(|threads| {
            let files = &mut files;
            let reader = threads.spawn(|| {
                read_batches(&paths, files, &args, LayoutLearning::WhileReading, hand_on)
            });
            let batches: Vec<Vec<String>> = batches_read
                .iter()
                .map(|batch| {
                    batch
                        .iter()
                        .map(|p| format!("{}#{}", p.source, p.ordinal))
                        .collect()
                })
                .collect();
            (reader.join().expect("the reader does not panic"), batches)
        });
        assert!(read.expect("both listings are read").is_empty());
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        assert_eq!(sizes, [4, 4, 1]);
        assert_eq!(batches[1], ["a.txt#5", "b.txt#1", "b.txt#2", "b.txt#3"]);
        assert_eq!(files.iter().map(|f| f.projects).collect::<Vec<_>>(), [5, 4]);
    }

    #[test]
    fn reading_stops_with_an_error_once_the_batches_are_no_longer_taken() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let paths = [listing(dir.path(), "a.txt", 20)];
        let mut files = vec![input_file(&paths[0])];
        let args = Args {
            batch_projects: 2,
            ..Args::default()
        };
        let (hand_on, batches_read) = std::sync::mpsc::sync_channel(0);
        let read = std::thread::scope(|threads| {
            let files = &mut files;
            let reader = threads.spawn(|| {
                read_batches(&paths, files, &args, LayoutLearning::WhileReading, hand_on)
            });
            // Writing failed after the first batch.
            assert_eq!(batches_read.recv().map(|b| b.len()), Ok(2));
            drop(batches_read);
            reader.join().expect("the reader does not panic")
        });
        let err = read.expect_err("the reading cannot go on");
        assert!(
            err.to_string().contains("writing the tables failed"),
            "{err}"
        );
    }
}
