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

mod frame;
pub mod tables;
mod write;

pub use frame::TableBuilder;
pub use tables::{write_diagnostics, write_tables, TableSummary};
pub use write::{write_table, TableError};
