//! Tables written while projects arrive: each batch of projects becomes rows
//! appended to `NAME.csv` and `NAME.jsonl` and a row group of
//! `NAME.parquet`, so a run holds one batch in memory, never the whole
//! listing.
//!
//! ```no_run
//! # fn demo(batches: Vec<Vec<normalise::Project>>) -> Result<(), devcoop_analysis::TableError> {
//! let dir = std::path::Path::new("output/tables");
//! let mut sink = devcoop_analysis::TableSink::create(dir, None)?;
//! for batch in &batches {
//!     sink.write_batch(batch)?;
//! }
//! let summaries = sink.finish()?; // rows per table, for the manifest
//! # Ok(()) }
//! ```

use crate::partition::partition_value;
use crate::tables::{build_table, TableSummary, TABLES};
use crate::write::{flatten_lists, TableError};
use normalise::Project;
use polars::prelude::*;
use polars_io::csv::write::{BatchedWriter as CsvBatch, CsvWriter};
use polars_io::json::BatchedWriter as JsonLinesBatch;
use polars_io::parquet::write::{BatchedWriter as ParquetBatch, ParquetWriter};
use rayon::prelude::*;
use std::fs::File;
use std::path::{Path, PathBuf};

// The writers get the bare file: each batch reaches them as a few large
// writes (polars serialises rows into its own buffer), and a `BufWriter`
// inside a polars writer could not be flushed with its error seen.

fn create(path: &Path) -> Result<File, TableError> {
    File::create(path).map_err(|source| TableError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn polars_error(path: &Path) -> impl Fn(PolarsError) -> TableError + '_ {
    move |cause| TableError::Polars {
        path: path.to_path_buf(),
        cause,
    }
}

/// One Parquet file being written, a row group per batch.
struct ParquetFile {
    path: PathBuf,
    writer: ParquetBatch<File>,
}

impl ParquetFile {
    fn create(path: PathBuf, schema: &Schema) -> Result<Self, TableError> {
        let writer = ParquetWriter::new(create(&path)?)
            .batched(schema)
            .map_err(polars_error(&path))?;
        Ok(ParquetFile { path, writer })
    }

    fn write(&mut self, frame: &DataFrame) -> Result<(), TableError> {
        self.writer
            .write_batch(frame)
            .map_err(polars_error(&self.path))
    }

    fn finish(self) -> Result<(), TableError> {
        self.writer
            .finish()
            .map(|_| ())
            .map_err(polars_error(&self.path))
    }
}

/// The three files of one table.
struct TableFiles {
    name: &'static str,
    rows: usize,
    csv_path: PathBuf,
    csv: CsvBatch<File>,
    jsonl_path: PathBuf,
    jsonl: JsonLinesBatch<File>,
    parquet: ParquetFile,
}

impl TableFiles {
    fn create(dir: &Path, name: &'static str, schema: &Schema) -> Result<Self, TableError> {
        let csv_path = dir.join(format!("{name}.csv"));
        // The CSV has no list columns: its schema is the flattened one.
        let flat_schema = flat_schema(schema);
        let csv = CsvWriter::new(create(&csv_path)?)
            .include_header(true)
            .batched(&flat_schema)
            .map_err(polars_error(&csv_path))?;
        let jsonl_path = dir.join(format!("{name}.jsonl"));
        let jsonl = JsonLinesBatch::new(create(&jsonl_path)?);
        let parquet = ParquetFile::create(dir.join(format!("{name}.parquet")), schema)?;
        Ok(TableFiles {
            name,
            rows: 0,
            csv_path,
            csv,
            jsonl_path,
            jsonl,
            parquet,
        })
    }

    fn append(&mut self, frame: &DataFrame) -> Result<(), TableError> {
        if frame.height() == 0 {
            return Ok(());
        }
        // The three files are independent: write them on all cores.
        let (csv, (jsonl, parquet)) = rayon::join(
            || {
                let flat = flatten_lists(frame).map_err(polars_error(&self.csv_path))?;
                self.csv
                    .write_batch(&flat)
                    .map_err(polars_error(&self.csv_path))
            },
            || {
                rayon::join(
                    || {
                        self.jsonl
                            .write_batch(frame)
                            .map_err(polars_error(&self.jsonl_path))
                    },
                    || self.parquet.write(frame),
                )
            },
        );
        csv.and(jsonl).and(parquet)?;
        self.rows += frame.height();
        Ok(())
    }

    fn finish(mut self) -> Result<TableSummary, TableError> {
        // A table with no rows still gets its CSV header.
        self.csv.finish().map_err(polars_error(&self.csv_path))?;
        self.parquet.finish()?;
        Ok(TableSummary {
            name: self.name,
            rows: self.rows,
        })
    }
}

/// A list column is a string column in the CSV.
fn flat_schema(schema: &Schema) -> Schema {
    schema
        .iter()
        .map(|(name, dtype)| match dtype {
            DataType::List(_) => (name.clone(), DataType::String),
            dtype => (name.clone(), dtype.clone()),
        })
        .collect()
}

/// `NAME/source=FILE/part-0.parquet` for every table, the layout
/// distributed SQL engines read as one table and prune by source.
/// Projects arrive grouped by source (listings are read one after the
/// other), so only the current source's files are open.
struct Partitions {
    dir: PathBuf,
    source: Option<String>,
    files: Vec<Option<ParquetFile>>,
}

impl Partitions {
    fn write_batch(&mut self, projects: &[Project]) -> Result<(), TableError> {
        for run in projects.chunk_by(|a, b| a.raw.source == b.raw.source) {
            let source = &run[0].raw.source;
            if self.source.as_ref() != Some(source) {
                self.finish_source()?;
                self.source = Some(source.clone());
            }
            for (slot, (name, build)) in self.files.iter_mut().zip(TABLES) {
                let frame = build_table(name, build, run)?;
                if frame.height() == 0 {
                    continue;
                }
                let file = match slot {
                    Some(file) => file,
                    None => {
                        let folder = self
                            .dir
                            .join(name)
                            .join(format!("source={}", partition_value(source)));
                        std::fs::create_dir_all(&folder).map_err(|source| TableError::Io {
                            path: folder.clone(),
                            source,
                        })?;
                        slot.insert(ParquetFile::create(
                            folder.join("part-0.parquet"),
                            frame.schema(),
                        )?)
                    }
                };
                file.write(&frame)?;
            }
        }
        Ok(())
    }

    fn finish_source(&mut self) -> Result<(), TableError> {
        for file in self.files.iter_mut().filter_map(Option::take) {
            file.finish()?;
        }
        Ok(())
    }
}

/// Every table of a run, written batch by batch.
pub struct TableSink {
    tables: Vec<TableFiles>,
    partitions: Option<Partitions>,
}

impl TableSink {
    /// Creates the files of every table in `dir`, and when `partitioned` is
    /// given, Parquet partitioned by source listing under it.
    pub fn create(dir: &Path, partitioned: Option<&Path>) -> Result<Self, TableError> {
        let tables = TABLES
            .iter()
            .map(|&(name, build)| {
                let empty = build_table(name, build, &[])?;
                TableFiles::create(dir, name, empty.schema())
            })
            .collect::<Result<Vec<_>, _>>()?;
        let partitions = partitioned.map(|dir| Partitions {
            dir: dir.to_path_buf(),
            source: None,
            files: TABLES.iter().map(|_| None).collect(),
        });
        Ok(TableSink { tables, partitions })
    }

    /// Appends the rows of a batch of projects to every table.
    pub fn write_batch(&mut self, projects: &[Project]) -> Result<(), TableError> {
        // Tables are independent: build and write them on all cores.
        self.tables
            .par_iter_mut()
            .zip(TABLES.par_iter())
            .try_for_each(|(files, &(name, build))| {
                files.append(&build_table(name, build, projects)?)
            })?;
        if let Some(partitions) = &mut self.partitions {
            partitions.write_batch(projects)?;
        }
        Ok(())
    }

    /// Completes every file; the rows of each table, in table order.
    pub fn finish(self) -> Result<Vec<TableSummary>, TableError> {
        if let Some(mut partitions) = self.partitions {
            partitions.finish_source()?;
        }
        self.tables.into_iter().map(TableFiles::finish).collect()
    }
}
