//! `devcoop query`: ad-hoc SQL over the tables of the last run.
//!
//! Example: `devcoop query "SELECT region, COUNT(*) FROM project_regions GROUP BY region"`

use anyhow::{bail, Context, Result};
use devcoop::config::Config;
use std::io::Write;
use std::process::ExitCode;

/// Run a SELECT query over the tables of the last run (output/tables, or
/// those of `--out`) and print the result.
///
/// Every table of the last run is available under its name (projects,
/// project_organisations, project_places, project_regions, project_years,
/// corridors, project_budgets, project_fields, project_sources, evidence).
/// A fact row names its sentence by `evidence_id`: join `evidence` to read
/// it. A column named like an SQL keyword is written in double quotes
/// (`SELECT title, "end" FROM projects`). Queries can only read.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  devcoop query \"SELECT organisation, COUNT(*) AS n FROM project_organisations WHERE role = 'funder' GROUP BY organisation ORDER BY n DESC\" --csv\n  devcoop query \"SELECT o.project_id, o.donor_code, e.line, e.text FROM project_organisations o JOIN evidence e ON o.evidence_id = e.evidence_id WHERE o.role = 'funder'\""
)]
pub struct Args {
    /// The SQL query (SELECT or WITH … SELECT).
    sql: String,
    /// Print CSV instead of a table.
    #[arg(long)]
    csv: bool,
    /// Settings file (default: devcoop.toml in the current directory, if any).
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// The output directory of the run whose tables are queried (what
    /// `devcoop run --out` wrote); replaces `output` of the config.
    #[arg(long = "out", value_name = "DIR")]
    out: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let config = Config::load(args.config.as_deref())?;
    let dir = args.out.unwrap_or(config.output).join("tables");
    if !dir.is_dir() {
        bail!(
            "{}: no tables yet; run `devcoop run` first, or name the directory it wrote with --out",
            dir.display()
        );
    }
    // A query is one analysis: what each of its steps frees goes back to
    // the system at once, as in a run's analyses.
    devcoop::memory::return_freed_memory_at_once();
    // Only the tables and columns the query names are read.
    let tables = analysis::tables_for_query(&dir, &args.sql)?;
    let mut frame = match analysis::run_query(tables, &args.sql) {
        Ok(frame) => frame,
        Err(message) => bail!(
            "{}",
            analysis::explain_query_error(&dir, &args.sql, &message)
        ),
    };
    let mut stdout = std::io::stdout().lock();
    if args.csv {
        analysis::write_csv_to(&mut stdout, &mut frame).context("cannot print the result")?;
    } else {
        writeln!(stdout, "{frame}")?;
    }
    Ok(ExitCode::SUCCESS)
}
