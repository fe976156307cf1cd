//! Writing a table as CSV, Parquet and JSON Lines, all through polars.

use polars::prelude::*;
use polars_io::prelude::{CsvWriter, JsonFormat, JsonWriter, ParquetWriter, SerWriter};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("cannot build the {table} table: {source}")]
    Build { table: String, source: PolarsError },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write table: {source}")]
    Polars { path: PathBuf, source: PolarsError },
}

fn create(path: &Path) -> Result<BufWriter<File>, TableError> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|source| TableError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// Writes `NAME.csv`, `NAME.parquet` and `NAME.jsonl` into `dir`. In the CSV
/// a list cell is its items joined by `; `.
pub fn write_table(dir: &Path, name: &str, frame: &mut DataFrame) -> Result<(), TableError> {
    let polars_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TableError::Polars { path, source }
    };
    write_csv(&dir.join(format!("{name}.csv")), frame)?;

    let parquet_path = dir.join(format!("{name}.parquet"));
    ParquetWriter::new(create(&parquet_path)?)
        .finish(frame)
        .map_err(polars_error(&parquet_path))?;

    let jsonl_path = dir.join(format!("{name}.jsonl"));
    JsonWriter::new(create(&jsonl_path)?)
        .with_json_format(JsonFormat::JsonLines)
        .finish(frame)
        .map_err(polars_error(&jsonl_path))?;
    Ok(())
}

/// Writes one CSV file; a list cell is its items joined by `; `.
pub fn write_csv(path: &Path, frame: &DataFrame) -> Result<(), TableError> {
    let polars_error = |source| TableError::Polars {
        path: path.to_path_buf(),
        source,
    };
    let mut flat = flatten_lists(frame).map_err(polars_error)?;
    CsvWriter::new(create(path)?)
        .include_header(true)
        .finish(&mut flat)
        .map_err(polars_error)
}

/// CSV has no lists: join each list cell's strings with `; `.
fn flatten_lists(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let mut columns = Vec::with_capacity(frame.width());
    for column in frame.columns() {
        if let DataType::List(_) = column.dtype() {
            let lists = column.list()?;
            let joined: Vec<Option<String>> = (0..lists.len())
                .map(|row| -> PolarsResult<Option<String>> {
                    let Some(series) = lists.get_as_series(row) else {
                        return Ok(None);
                    };
                    let strings = series.cast(&DataType::String)?;
                    let items: Vec<&str> = strings.str()?.iter().flatten().collect();
                    Ok(Some(items.join("; ")))
                })
                .collect::<PolarsResult<_>>()?;
            columns.push(Column::new(column.name().clone(), joined));
        } else {
            columns.push(column.clone());
        }
    }
    DataFrame::new(frame.height(), columns)
}
