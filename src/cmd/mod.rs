//! The subcommands, one file each.

mod check;
mod eval;
mod query;
mod run;
mod synth;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit status of a run that failed: bad input, an unreadable file, or an
/// output that could not be written.
pub const EXIT_FAILURE: u8 = 1;

/// `one` for one of something, `many` otherwise.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "devcoop",
    version,
    about = "Turn free-text listings of development-cooperation projects into tidy tables",
    long_about = "Turn free-text listings of development-cooperation projects into tidy tables.\n\n\
        With no command, `devcoop` means `devcoop run`: read the listings named in devcoop.toml \
        and regenerate output/.",
    after_help = "Exit status: 0 success; 1 bad input or a failed run (the message names the file \
        and line); 2 a command-line usage error.\n\nExamples:\n  devcoop\n  devcoop run --input \
        data/raw --out output\n  devcoop check data/raw/labour-migration-projects.txt"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Run(run::Args),
    Check(check::Args),
    Eval(eval::Args),
    Query(query::Args),
    Synth(synth::Args),
}

pub fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => run::run(run::Args::default()),
        Some(Command::Run(args)) => run::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Eval(args)) => eval::run(args),
        Some(Command::Query(args)) => query::run(args),
        Some(Command::Synth(args)) => synth::run(args),
    }
}

/// A project in the gold files' schema: what `projects.jsonl` carries for
/// comparison and what `eval` scores.
pub fn gold_row(project: &normalise::Project) -> serde_json::Value {
    serde_json::json!({
        "source": project.raw.source,
        "ordinal": project.raw.ordinal,
        "title": project.title,
        "start": project.dates.start.map(|d| d.date.to_string()),
        "end": project.dates.end.map(|d| d.date.to_string()),
        "funders": project.funder_codes(),
        "countries": project.country_codes(),
        "regions": project.region_names(),
    })
}
