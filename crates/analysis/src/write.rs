//! Writing and reading whole tables through polars (results of analyses,
//! diagnostics, `devcoop query`); the run's own tables go through
//! [`crate::TableSink`] batch by batch.

use polars::prelude::*;
use polars_io::parquet::write::ParquetCompression;
use polars_io::prelude::{CsvWriter, ParquetReader, ParquetWriter, SerReader, SerWriter};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("cannot build the {table} table")]
    Build { table: String, source: PolarsError },
    #[error("{path}: cannot write", path = path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    // The polars error is in the message, not the chain: its own source
    // would repeat it ("File too large: File too large").
    #[error("{path}: cannot write the table: {cause}", path = path.display())]
    Polars { path: PathBuf, cause: PolarsError },
    #[error("{path}: cannot read the table: {cause}", path = path.display())]
    Read { path: PathBuf, cause: String },
}

fn create(path: &Path) -> Result<BufWriter<File>, TableError> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|source| TableError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// A Parquet writer with devcoop's settings: pages in Snappy, the codec
/// every Parquet reader knows and among the fastest to write (the
/// dictionaries do most of the shrinking; zstd makes the files a third
/// smaller for about 5 % more time on the whole run, see BENCHMARKS.md),
/// and columns encoded one after the other, since the tables are already
/// written in parallel and encoding every column of a row group at once
/// holds all their pages together.
pub(crate) fn parquet_writer<W: std::io::Write>(out: W) -> ParquetWriter<W> {
    ParquetWriter::new(out)
        .with_compression(ParquetCompression::Snappy)
        .set_parallel(false)
}

/// Writes one Parquet file.
pub fn write_parquet(path: &Path, frame: &mut DataFrame) -> Result<(), TableError> {
    parquet_writer(create(path)?)
        .finish(frame)
        .map(|_| ())
        .map_err(|cause| TableError::Polars {
            path: path.to_path_buf(),
            cause,
        })
}

/// Writes one CSV file; a list cell is its items joined by `; `.
pub fn write_csv(path: &Path, frame: &DataFrame) -> Result<(), TableError> {
    let polars_error = |cause| TableError::Polars {
        path: path.to_path_buf(),
        cause,
    };
    let mut flat = flatten_lists(frame).map_err(polars_error)?;
    CsvWriter::new(create(path)?)
        .include_header(true)
        .finish(&mut flat)
        .map_err(polars_error)
}

/// Writes CSV to any writer (standard output for `devcoop query --csv`).
pub fn write_csv_to<W: std::io::Write>(out: &mut W, frame: &mut DataFrame) -> PolarsResult<()> {
    let mut flat = flatten_lists(frame)?;
    CsvWriter::new(out).include_header(true).finish(&mut flat)
}

/// CSV has no lists: join each list cell's strings with `; `.
pub(crate) fn flatten_lists(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let mut columns = Vec::with_capacity(frame.width());
    for column in frame.columns() {
        if let DataType::List(_) = column.dtype() {
            let lists = column.list()?;
            let mut joined: Vec<Option<String>> = Vec::with_capacity(lists.len());
            for cell in lists.amortized_iter() {
                joined.push(match cell {
                    Some(series) => {
                        let strings = series.as_ref().cast(&DataType::String)?;
                        let items: Vec<&str> = strings.str()?.iter().flatten().collect();
                        Some(items.join("; "))
                    }
                    None => None,
                });
            }
            columns.push(Column::new(column.name().clone(), joined));
        } else {
            columns.push(column.clone());
        }
    }
    DataFrame::new(frame.height(), columns)
}

/// Reads every `NAME.parquet` of `dir` back, sorted by name.
pub fn read_tables(dir: &Path) -> Result<Vec<(String, DataFrame)>, TableError> {
    let io_error = |source| TableError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "parquet"))
        .collect();
    paths.sort();
    let mut tables = Vec::new();
    for path in paths {
        let file = File::open(&path).map_err(|source| TableError::Io {
            path: path.clone(),
            source,
        })?;
        let frame = ParquetReader::new(file)
            .finish()
            .map_err(|cause| TableError::Polars {
                path: path.clone(),
                cause,
            })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        tables.push((name, frame));
    }
    Ok(tables)
}
