//! The tables of a run, built from records.

use crate::frame::TableBuilder;
use crate::write::{write_csv, write_table, TableError};
use ingest::{Diagnostic, RawProject};
use polars::prelude::{DataFrame, PolarsResult};
use serde::Serialize;
use std::path::Path;

/// A table that was written, and its number of rows.
#[derive(Debug, Clone, Serialize)]
pub struct TableSummary {
    pub name: &'static str,
    pub rows: usize,
}

/// Writes every table of a run into `dir` (CSV, Parquet and JSON Lines each).
pub fn write_tables(dir: &Path, projects: &[RawProject]) -> Result<Vec<TableSummary>, TableError> {
    let tables: [(&'static str, PolarsResult<DataFrame>); 2] = [
        ("projects", raw_projects(projects)),
        ("project_fields", project_fields(projects)),
    ];
    let mut written = Vec::new();
    for (name, frame) in tables {
        let mut frame = frame.map_err(|source| TableError::Build {
            table: name.to_string(),
            source,
        })?;
        write_table(dir, name, &mut frame)?;
        written.push(TableSummary {
            name,
            rows: frame.height(),
        });
    }
    Ok(written)
}

/// Writes the diagnostics of a run as one CSV file.
pub fn write_diagnostics(path: &Path, rows: &[Diagnostic]) -> Result<(), TableError> {
    let frame = diagnostics(rows).map_err(|source| TableError::Build {
        table: "diagnostics".into(),
        source,
    })?;
    write_csv(path, &frame)
}

fn int(value: usize) -> Option<i64> {
    i64::try_from(value).ok()
}

/// One row per project as printed: where it is, and its text.
pub fn raw_projects(projects: &[RawProject]) -> PolarsResult<DataFrame> {
    let mut table = TableBuilder::default();
    table
        .text(
            "source",
            projects.iter().map(|p| Some(p.source.clone())).collect(),
        )
        .integer("ordinal", projects.iter().map(|p| int(p.ordinal)).collect())
        .integer(
            "list_number",
            projects
                .iter()
                .map(|p| p.list_number.map(i64::from))
                .collect(),
        )
        .text(
            "section",
            projects.iter().map(|p| p.section.clone()).collect(),
        )
        .text(
            "kicker",
            projects
                .iter()
                .map(|p| p.kicker.as_ref().map(|k| k.clean()))
                .collect(),
        )
        .text(
            "title",
            projects.iter().map(|p| Some(p.title_text())).collect(),
        )
        .text(
            "date_text",
            projects.iter().map(|p| p.date_text()).collect(),
        )
        .text(
            "date_origin",
            projects
                .iter()
                .map(|p| p.date.as_ref().map(|d| d.origin.as_str().to_string()))
                .collect(),
        )
        .text(
            "description",
            projects
                .iter()
                .map(|p| Some(p.description_text()))
                .collect(),
        )
        .integer(
            "first_line",
            projects.iter().map(|p| int(p.first_line)).collect(),
        )
        .integer(
            "last_line",
            projects.iter().map(|p| int(p.last_line)).collect(),
        )
        .integer(
            "span_start",
            projects.iter().map(|p| int(p.span.start)).collect(),
        )
        .integer(
            "span_end",
            projects.iter().map(|p| int(p.span.end)).collect(),
        );
    table.build()
}

/// One row per labelled field or table cell of a project.
pub fn project_fields(projects: &[RawProject]) -> PolarsResult<DataFrame> {
    let rows: Vec<_> = projects
        .iter()
        .flat_map(|p| p.fields.iter().map(move |f| (p, f)))
        .collect();
    let mut table = TableBuilder::default();
    table
        .text(
            "source",
            rows.iter().map(|(p, _)| Some(p.source.clone())).collect(),
        )
        .integer(
            "ordinal",
            rows.iter().map(|(p, _)| int(p.ordinal)).collect(),
        )
        .text(
            "label",
            rows.iter().map(|(_, f)| Some(f.label.clone())).collect(),
        )
        .text(
            "value",
            rows.iter().map(|(_, f)| Some(f.value.clean())).collect(),
        )
        .integer(
            "line",
            rows.iter()
                .map(|(_, f)| f.value.first_line().and_then(int))
                .collect(),
        )
        .integer(
            "span_start",
            rows.iter()
                .map(|(_, f)| f.value.span().and_then(|s| int(s.start)))
                .collect(),
        )
        .integer(
            "span_end",
            rows.iter()
                .map(|(_, f)| f.value.span().and_then(|s| int(s.end)))
                .collect(),
        );
    table.build()
}

/// One row per diagnostic.
pub fn diagnostics(diagnostics: &[Diagnostic]) -> PolarsResult<DataFrame> {
    let mut table = TableBuilder::default();
    table
        .text(
            "file",
            diagnostics.iter().map(|d| Some(d.file.clone())).collect(),
        )
        .integer("line", diagnostics.iter().map(|d| int(d.line)).collect())
        .integer(
            "column",
            diagnostics.iter().map(|d| int(d.column)).collect(),
        )
        .text(
            "severity",
            diagnostics
                .iter()
                .map(|d| Some(d.severity.to_string()))
                .collect(),
        )
        .text(
            "message",
            diagnostics
                .iter()
                .map(|d| Some(d.message.clone()))
                .collect(),
        );
    table.build()
}
