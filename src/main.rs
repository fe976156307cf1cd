//! `devcoop`: development-cooperation listings → tidy tables.
//!
//! The binary only reads the command line and the config, calls the stages
//! in order and reports; the work is done by the `devcoop-*` crates.

mod cmd;
mod config;
mod listings;
mod memory;
mod output;
mod progress;

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
