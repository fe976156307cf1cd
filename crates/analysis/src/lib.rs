//! devcoop's tables: normalised projects become polars data frames, written
//! batch by batch as CSV, Parquet and JSON Lines ([`TableSink`]); analyses
//! are SQL files run over the written Parquet ([`analyses`]).
//!
//! ```
//! use devcoop_analysis::{write_csv, TableBuilder};
//!
//! let mut table = TableBuilder::default();
//! table.text("title", vec![Some("Decent work".to_string())]);
//! table.integer("ordinal", vec![Some(1)]);
//! let frame = table.build().unwrap();
//! let dir = tempfile::tempdir().unwrap();
//! write_csv(&dir.path().join("example.csv"), &frame).unwrap();
//! let csv = std::fs::read_to_string(dir.path().join("example.csv")).unwrap();
//! assert_eq!(csv, "title,ordinal\nDecent work,1\n");
//! ```

pub mod analyses;
mod datapackage;
mod formats;
mod frame;
pub mod header;
mod listed;
mod partition;
mod sink;
pub mod tables;
mod write;

pub use analyses::{
    explain_query_error, load_analyses, parse_analyses, run_analysis, run_analysis_on_parquet,
    run_query, tables_for_query, Analysis, AnalysisError, AnalysisResult, Reason,
};
pub use datapackage::datapackage;
pub use formats::{TableFormat, TableFormats};
pub use frame::{column_dates, column_numbers, column_texts, require_column, TableBuilder};
pub use header::{Axes, ChartKind, ChartSpec, Header, HeaderError};
pub use listed::{listed_projects, ListedEvidence, ListedProject};
pub use partition::partition_value;
pub use polars::prelude::DataFrame;
pub use sink::TableSink;
pub use tables::{
    build_tables, write_diagnostics, Batch, NamedTable, Reading, TableSummary, TABLES,
};
pub use write::{read_tables, write_csv, write_csv_to, write_parquet, TableError};
