//! devcoop's tables: records become polars data frames, written as CSV,
//! Parquet and JSON Lines.
//!
//! ```
//! use devcoop_analysis::{write_table, TableBuilder};
//!
//! let mut table = TableBuilder::default();
//! table.text("title", vec![Some("Decent work".to_string())]);
//! table.integer("ordinal", vec![Some(1)]);
//! let mut frame = table.build().unwrap();
//! let dir = tempfile::tempdir().unwrap();
//! write_table(dir.path(), "example", &mut frame).unwrap();
//! let csv = std::fs::read_to_string(dir.path().join("example.csv")).unwrap();
//! assert_eq!(csv, "title,ordinal\nDecent work,1\n");
//! ```

pub mod analyses;
mod datapackage;
mod frame;
mod partition;
pub mod tables;
mod write;

pub use analyses::{
    load_analyses, run_analyses, run_query, sql_context, Analysis, AnalysisError, AnalysisResult,
    ChartConfig, ChartKind,
};
pub use datapackage::datapackage;
pub use frame::{column_dates, column_numbers, column_texts, TableBuilder};
pub use partition::{partition_value, write_partitioned_by_source};
pub use polars::prelude::DataFrame;
pub use tables::{build_tables, write_diagnostics, write_tables, NamedTable, TableSummary};
pub use write::{read_tables, write_csv, write_csv_to, write_parquet, write_table, TableError};
