//! devcoop as a library: the pipeline from listing files to tables,
//! analyses, charts and a report, which every command of the `devcoop`
//! binary runs ([`pipeline`]), with its settings ([`config`]), its staged
//! output ([`output`]), its progress bar ([`progress`]) and its allocator
//! ([`memory`]).
//!
//! ```no_run
//! use devcoop::{config::Config, pipeline};
//! # fn main() -> anyhow::Result<()> {
//! let config = Config::load(None)?;
//! let found = pipeline::input_files(&config, &[])?;
//! let mut checked = pipeline::check_inputs(&config, &found.files, |_| ())?;
//! let options = pipeline::ReadOptions::default();
//! let mut titles = Vec::new();
//! pipeline::read_with_layout_retry(|learning| {
//!     titles.clear();
//!     pipeline::read_projects(&config, &found.files, &mut checked.files, options, learning, |batch| {
//!         titles.extend(batch.projects.iter().map(|p| p.title.clone()));
//!         Ok(())
//!     })
//! })?;
//! # Ok(()) }
//! ```

pub mod config;
pub mod memory;
pub mod output;
pub mod pipeline;
pub mod progress;
