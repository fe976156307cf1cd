//! The tables of a run, built from normalised projects.

use crate::frame::TableBuilder;
use crate::write::{write_csv, TableError};
use ingest::Diagnostic;
use normalise::extract::{Evidence, PlaceRole};
use normalise::Project;
use polars::prelude::{DataFrame, PolarsResult};
use serde::Serialize;
use std::borrow::Cow;
use std::path::Path;

/// A table that was written, and its number of rows.
#[derive(Debug, Clone, Serialize)]
pub struct TableSummary {
    pub name: &'static str,
    pub rows: usize,
}

fn int<T: TryInto<i64>>(value: T) -> Option<i64> {
    value.try_into().ok()
}

/// A table of the run: its name and frame.
pub type NamedTable = (&'static str, DataFrame);

/// Builds one table's rows for a batch of projects.
pub type BuildTable = fn(&[Project]) -> PolarsResult<DataFrame>;

/// Every table of a run, in a fixed order, with how its rows are built.
pub const TABLES: [(&str, BuildTable); 7] = [
    ("projects", projects_table),
    ("project_fields", project_fields),
    ("project_organisations", project_organisations),
    ("project_places", project_places),
    ("project_regions", project_regions),
    ("project_years", project_years),
    ("corridors", corridors),
];

/// Builds one table for a batch of projects, naming it in an error.
pub fn build_table(
    name: &'static str,
    build: BuildTable,
    projects: &[Project],
) -> Result<DataFrame, TableError> {
    build(projects).map_err(|source| TableError::Build {
        table: name.to_string(),
        source,
    })
}

/// Every table of `projects` as a frame, in the order of [`TABLES`].
pub fn build_tables(projects: &[Project]) -> Result<Vec<NamedTable>, TableError> {
    TABLES
        .iter()
        .map(|&(name, build)| Ok((name, build_table(name, build, projects)?)))
        .collect()
}

/// Writes the diagnostics of a run as one CSV file.
pub fn write_diagnostics(path: &Path, rows: &[Diagnostic]) -> Result<(), TableError> {
    let frame = diagnostics(rows).map_err(|source| TableError::Build {
        table: "diagnostics".into(),
        source,
    })?;
    write_csv(path, &frame)
}

/// A cell borrowing its text.
fn cell(text: &str) -> Option<Cow<'_, str>> {
    Some(Cow::Borrowed(text))
}

fn optional_cell(text: &Option<String>) -> Option<Cow<'_, str>> {
    text.as_deref().map(Cow::Borrowed)
}

/// A text column from rows; cells borrow from the rows where they can, so
/// building a table does not copy every string first.
fn texts<'a, T>(
    rows: &'a [T],
    f: impl Fn(&'a T) -> Option<Cow<'a, str>>,
) -> Vec<Option<Cow<'a, str>>> {
    rows.iter().map(f).collect()
}

fn borrowed(texts: &[String]) -> Vec<&str> {
    texts.iter().map(String::as_str).collect()
}

fn ints<T>(rows: &[T], f: impl Fn(&T) -> Option<i64>) -> Vec<Option<i64>> {
    rows.iter().map(f).collect()
}

/// One row per project: where it is, its text, dates, the codes of its
/// funders, countries and regions (the gold files' schema), and its funder
/// types, country names and sub-regions (each once, for the analyses).
pub fn projects_table(projects: &[Project]) -> PolarsResult<DataFrame> {
    let mut t = TableBuilder::default();
    t.text("id", texts(projects, |p| cell(&p.id)))
        .text("source", texts(projects, |p| cell(&p.raw.source)))
        .integer("ordinal", ints(projects, |p| int(p.raw.ordinal)))
        .text_list(
            "sources",
            projects.iter().map(|p| borrowed(&p.sources)).collect(),
        )
        .integer(
            "list_number",
            ints(projects, |p| p.raw.list_number.map(i64::from)),
        )
        .text(
            "section",
            texts(projects, |p| optional_cell(&p.raw.section)),
        )
        .text("title", texts(projects, |p| cell(&p.title)))
        .text(
            "date_text",
            texts(projects, |p| p.raw.date_text().map(Cow::Owned)),
        )
        .text(
            "date_origin",
            texts(projects, |p| {
                p.raw.date.as_ref().map(|d| d.origin.as_str().into())
            }),
        )
        .date(
            "start",
            projects
                .iter()
                .map(|p| p.dates.start.map(|d| d.date))
                .collect(),
        )
        .date(
            "end",
            projects
                .iter()
                .map(|p| p.dates.end.map(|d| d.date))
                .collect(),
        )
        .text(
            "start_precision",
            texts(projects, |p| {
                p.dates.start.map(|d| d.precision.as_str().into())
            }),
        )
        .text(
            "end_precision",
            texts(projects, |p| {
                p.dates.end.map(|d| d.precision.as_str().into())
            }),
        )
        .integer("duration_days", ints(projects, |p| p.duration_days))
        .integer("duration_months", ints(projects, |p| p.duration_months))
        .text("status", texts(projects, |p| cell(p.status.as_str())))
        .text_list(
            "funders",
            projects.iter().map(Project::funder_codes).collect(),
        )
        .text_list(
            "funder_types",
            projects.iter().map(Project::funder_types).collect(),
        )
        .text_list(
            "countries",
            projects.iter().map(Project::country_codes).collect(),
        )
        .text_list(
            "country_names",
            projects.iter().map(Project::country_names).collect(),
        )
        .text_list(
            "regions",
            projects.iter().map(Project::region_names).collect(),
        )
        .text_list(
            "subregions",
            projects.iter().map(Project::subregion_names).collect(),
        )
        .text_list(
            "overridden",
            projects.iter().map(|p| borrowed(&p.overridden)).collect(),
        )
        .text(
            "description",
            texts(projects, |p| Some(Cow::Owned(p.raw.description_text()))),
        )
        .integer("first_line", ints(projects, |p| int(p.raw.first_line)))
        .integer("last_line", ints(projects, |p| int(p.raw.last_line)))
        .integer("span_start", ints(projects, |p| int(p.raw.span.start)))
        .integer("span_end", ints(projects, |p| int(p.raw.span.end)));
    t.build()
}

/// Adds the evidence columns shared by every fact table.
fn evidence_columns<T>(t: &mut TableBuilder, rows: &[T], evidence: impl Fn(&T) -> &Evidence) {
    t.integer("line", ints(rows, |r| int(evidence(r).line)))
        .text("evidence", texts(rows, |r| cell(&evidence(r).sentence)))
        .integer("span_start", ints(rows, |r| int(evidence(r).span.start)))
        .integer("span_end", ints(rows, |r| int(evidence(r).span.end)))
        .text("evidence_origin", texts(rows, |r| cell(evidence(r).origin)));
}

/// One row per labelled field or table cell of a project.
pub fn project_fields(projects: &[Project]) -> PolarsResult<DataFrame> {
    let rows: Vec<_> = projects
        .iter()
        .flat_map(|p| p.raw.fields.iter().map(move |f| (p, f)))
        .collect();
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _)| cell(&p.id)))
        .text("label", texts(&rows, |(_, f)| cell(&f.label)))
        .text(
            "value",
            texts(&rows, |(_, f)| Some(Cow::Owned(f.value.clean()))),
        )
        .integer(
            "line",
            ints(&rows, |(_, f)| f.value.first_line().and_then(int)),
        )
        .integer(
            "span_start",
            ints(&rows, |(_, f)| f.value.span().and_then(|s| int(s.start))),
        )
        .integer(
            "span_end",
            ints(&rows, |(_, f)| f.value.span().and_then(|s| int(s.end))),
        );
    t.build()
}

/// One row per organisation named in a project, with its role.
pub fn project_organisations(projects: &[Project]) -> PolarsResult<DataFrame> {
    let rows: Vec<_> = projects
        .iter()
        .flat_map(|p| p.facts.organisations.iter().map(move |o| (p, o)))
        .collect();
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _)| cell(&p.id)))
        .text("organisation", texts(&rows, |(_, o)| cell(&o.name)))
        .text("donor_code", texts(&rows, |(_, o)| cell(&o.code)))
        .text("type", texts(&rows, |(_, o)| cell(&o.kind)))
        .text("role", texts(&rows, |(_, o)| cell(o.role.as_str())))
        .text("mention", texts(&rows, |(_, o)| cell(&o.mention)));
    evidence_columns(&mut t, &rows, |(_, o)| &o.evidence);
    t.build()
}

/// One row per country or territory named in a project.
pub fn project_places(projects: &[Project]) -> PolarsResult<DataFrame> {
    let rows: Vec<_> = projects
        .iter()
        .flat_map(|p| p.facts.places.iter().map(move |o| (p, o)))
        .collect();
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _)| cell(&p.id)))
        .text("iso3", texts(&rows, |(_, o)| cell(&o.alpha3)))
        .text("name", texts(&rows, |(_, o)| cell(&o.name)))
        .text("region", texts(&rows, |(_, o)| optional_cell(&o.region)))
        .text(
            "subregion",
            texts(&rows, |(_, o)| optional_cell(&o.subregion)),
        )
        .text(
            "intermediate_region",
            texts(&rows, |(_, o)| optional_cell(&o.intermediate)),
        )
        .text("role", texts(&rows, |(_, o)| cell(o.role.as_str())))
        .text("mention", texts(&rows, |(_, o)| cell(&o.mention)));
    evidence_columns(&mut t, &rows, |(_, o)| &o.evidence);
    t.build()
}

/// One row per M49 region a project covers, and how it was found.
pub fn project_regions(projects: &[Project]) -> PolarsResult<DataFrame> {
    let rows: Vec<_> = projects
        .iter()
        .flat_map(|p| p.facts.regions.iter().map(move |o| (p, o)))
        .collect();
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _)| cell(&p.id)))
        .text("region", texts(&rows, |(_, o)| cell(&o.region)))
        .text(
            "subregion",
            texts(&rows, |(_, o)| optional_cell(&o.subregion)),
        )
        .text("via", texts(&rows, |(_, o)| cell(&o.via)));
    evidence_columns(&mut t, &rows, |(_, o)| &o.evidence);
    t.build()
}

/// One row per calendar year a project runs in (from its start year to
/// its end year; a project without an end counts in its start year only).
pub fn project_years(projects: &[Project]) -> PolarsResult<DataFrame> {
    use chrono::Datelike;
    let mut rows: Vec<(&Project, i32)> = Vec::new();
    for project in projects {
        let Some(start) = project.dates.start else {
            continue;
        };
        let first = start.date.year();
        let last = project
            .dates
            .end
            .map_or(first, |e| e.date.year())
            .max(first);
        rows.extend((first..=last).map(|year| (project, year)));
    }
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _)| cell(&p.id)))
        .integer("year", ints(&rows, |(_, y)| Some(i64::from(*y))));
    t.build()
}

/// Origin → destination pairs named in the same sentence.
pub fn corridors(projects: &[Project]) -> PolarsResult<DataFrame> {
    let mut rows = Vec::new();
    for project in projects {
        let places = &project.facts.places;
        for origin in places.iter().filter(|p| p.role == PlaceRole::Origin) {
            for destination in places.iter().filter(|p| {
                p.role == PlaceRole::Destination && p.evidence.span == origin.evidence.span
            }) {
                rows.push((project, origin, destination));
            }
        }
    }
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _, _)| cell(&p.id)))
        .text("origin", texts(&rows, |(_, o, _)| cell(&o.alpha3)))
        .text("origin_name", texts(&rows, |(_, o, _)| cell(&o.name)))
        .text("destination", texts(&rows, |(_, _, d)| cell(&d.alpha3)))
        .text("destination_name", texts(&rows, |(_, _, d)| cell(&d.name)));
    evidence_columns(&mut t, &rows, |(_, o, _)| &o.evidence);
    t.build()
}

/// One row per diagnostic.
pub fn diagnostics(diagnostics: &[Diagnostic]) -> PolarsResult<DataFrame> {
    let mut t = TableBuilder::default();
    t.text("file", texts(diagnostics, |d| cell(&d.file)))
        .integer("line", ints(diagnostics, |d| int(d.line)))
        .integer("column", ints(diagnostics, |d| int(d.column)))
        .text(
            "severity",
            texts(diagnostics, |d| Some(Cow::Owned(d.severity.to_string()))),
        )
        .text("message", texts(diagnostics, |d| cell(&d.message)));
    t.build()
}
