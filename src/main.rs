//! `devcoop`: development-cooperation listings → tidy tables.
//!
//! The binary only reads the command line, calls the pipeline of the
//! `devcoop` library and prints; the work is done by the library and the
//! `devcoop-*` crates.

mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(cmd::EXIT_FAILURE)
        }
    }
}
