//! The one pipeline every command takes: find the listings, check each is a
//! UTF-8 text listing before anything is written, read them in pieces into
//! normalised projects batch by batch ([`read_projects`]); a run writes
//! every batch to the tables and then the analyses, charts and report
//! ([`write_run`]), `check` prints the batches, `eval` scores them.

mod inputs;
mod read;
mod run;

pub use inputs::{check_inputs, corrections, input_files, Checked, InputFile, InputPaths};
pub use read::{
    collect_projects, read_projects, read_with_layout_retry, stream_listing, Batch, LayoutChanged,
    Projects, ReadOptions, DEFAULT_BATCH_PROJECTS,
};
pub use run::{write_run, RunSettings, RunSummary};

/// The repository's `analyses/*.sql` as `(file name, text)`, built in
/// (`build.rs`): a run without an `analyses` folder runs these.
pub const BUILTIN_ANALYSES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/builtin_analyses.rs"));
