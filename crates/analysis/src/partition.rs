//! Hive-style partitioned Parquet (`NAME/source=FILE/part-0.parquet`), the
//! layout distributed SQL engines (DataFusion, Spark, Trino) read as one
//! table and prune by source.

use crate::frame::column_texts;
use crate::tables::NamedTable;
use crate::write::{write_parquet, TableError};
use polars::prelude::{DataFrame, IdxCa, IdxSize, PolarsError};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A value as a directory name: letters, digits, `.`, `_` and `-` as they
/// are, every other byte as `%XX`, so no value can leave its directory.
pub fn partition_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'_' | b'-')
            || (byte == b'.' && !out.is_empty())
        {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push_str("%00");
    }
    out
}

fn build_error(table: &str) -> impl Fn(PolarsError) -> TableError + '_ {
    move |source| TableError::Build {
        table: table.to_string(),
        source,
    }
}

/// Rows of `frame` grouped by the source file of their project, in the
/// order sources first appear.
fn rows_by_source(
    name: &str,
    frame: &DataFrame,
    source_of: &HashMap<String, String>,
) -> Result<BTreeMap<String, Vec<IdxSize>>, TableError> {
    let key = |message: String| TableError::Build {
        table: name.to_string(),
        source: PolarsError::ColumnNotFound(message.into()),
    };
    let sources: Vec<String> = if name == "projects" {
        column_texts(frame, "source").map_err(key)?
    } else {
        column_texts(frame, "project_id")
            .map_err(key)?
            .into_iter()
            .map(|id| source_of.get(&id).cloned().unwrap_or_default())
            .collect()
    };
    let mut groups: BTreeMap<String, Vec<IdxSize>> = BTreeMap::new();
    for (row, source) in sources.into_iter().enumerate() {
        groups.entry(source).or_default().push(row as IdxSize);
    }
    Ok(groups)
}

/// Writes every table under `dir/NAME/source=FILE/part-0.parquet`.
pub fn write_partitioned_by_source(dir: &Path, tables: &[NamedTable]) -> Result<(), TableError> {
    let Some((_, projects)) = tables.iter().find(|(name, _)| *name == "projects") else {
        return Ok(());
    };
    let ids = column_texts(projects, "id").unwrap_or_default();
    let sources = column_texts(projects, "source").unwrap_or_default();
    let source_of: HashMap<String, String> = ids.into_iter().zip(sources).collect();
    for (name, frame) in tables {
        for (source, rows) in rows_by_source(name, frame, &source_of)? {
            let indices = IdxCa::from_vec("".into(), rows);
            let mut part = frame.take(&indices).map_err(build_error(name))?;
            let folder = dir
                .join(name)
                .join(format!("source={}", partition_value(&source)));
            std::fs::create_dir_all(&folder).map_err(|source| TableError::Io {
                path: folder.clone(),
                source,
            })?;
            write_parquet(&folder.join("part-0.parquet"), &mut part)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_values_never_leave_their_directory() {
        assert_eq!(
            partition_value("labour-migration.txt"),
            "labour-migration.txt"
        );
        assert_eq!(partition_value("../etc/passwd"), "%2E.%2Fetc%2Fpasswd");
        assert_eq!(partition_value("a b/c"), "a%20b%2Fc");
        assert_eq!(partition_value(""), "%00");
    }
}
