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

/// A project read: its id and where it was read (`file#ordinal`), its
/// first reading or a later one (the same project in another listing).
pub type Reading = (String, String);

/// The listing of a reading: `file#ordinal` without its ordinal (the file
/// name may hold `#`, the ordinal cannot).
pub fn reading_source(reading: &Reading) -> &str {
    reading
        .1
        .rsplit_once('#')
        .map_or(reading.1.as_str(), |(source, _)| source)
}

/// What one batch of the tables is built from: the projects first read in
/// it, every reading in it in reading order, and the sentences the
/// projects' facts were read from, each once with its id.
pub struct Batch<'a> {
    pub projects: &'a [Project],
    pub readings: &'a [Reading],
    evidence: EvidenceIndex<'a>,
}

impl<'a> Batch<'a> {
    /// `first_evidence_id` is the id of the batch's first sentence: the
    /// ids run on from batch to batch (the sink counts them).
    pub fn new(projects: &'a [Project], readings: &'a [Reading], first_evidence_id: i64) -> Self {
        Batch {
            projects,
            readings,
            evidence: EvidenceIndex::new(projects, first_evidence_id),
        }
    }

    /// How many sentences the batch's facts were read from.
    pub fn evidence_rows(&self) -> usize {
        self.evidence.rows.len()
    }
}

/// Each sentence a project's facts were read from, once: a sentence names
/// several organisations and places, and its text is stored in the
/// `evidence` table only, the fact tables carrying its id. A sentence
/// belongs to one project (it lies within the project's text), so they
/// are told apart within each project.
struct EvidenceIndex<'a> {
    /// The project (index in the batch), the sentence and its id.
    rows: Vec<(usize, &'a Evidence, i64)>,
    /// For each project, where its sentences start in `rows`.
    first_row: Vec<usize>,
}

impl<'a> EvidenceIndex<'a> {
    fn new(projects: &'a [Project], first_id: i64) -> Self {
        let mut rows: Vec<(usize, &'a Evidence, i64)> = Vec::new();
        let mut first_row = Vec::with_capacity(projects.len() + 1);
        for (index, project) in projects.iter().enumerate() {
            let start = rows.len();
            first_row.push(start);
            let facts = &project.facts;
            let all = facts
                .organisations
                .iter()
                .map(|o| &o.evidence)
                .chain(facts.places.iter().map(|p| &p.evidence))
                .chain(facts.regions.iter().map(|r| &r.evidence))
                .chain(facts.amounts.iter().map(|a| &a.evidence));
            for evidence in all {
                if !rows[start..]
                    .iter()
                    .any(|(_, e, _)| same_sentence(e, evidence))
                {
                    let id = first_id + rows.len() as i64;
                    rows.push((index, evidence, id));
                }
            }
        }
        first_row.push(rows.len());
        EvidenceIndex { rows, first_row }
    }

    /// The id of a project's sentence.
    fn id(&self, project: usize, evidence: &Evidence) -> Option<i64> {
        let range =
            self.first_row.get(project).copied()?..self.first_row.get(project + 1).copied()?;
        self.rows
            .get(range)?
            .iter()
            .find(|(_, e, _)| same_sentence(e, evidence))
            .map(|&(_, _, id)| id)
    }
}

fn same_sentence(a: &Evidence, b: &Evidence) -> bool {
    a.span == b.span && a.origin == b.origin && a.line == b.line
}

/// Builds one table's rows for a batch.
pub type BuildTable = fn(&Batch) -> PolarsResult<DataFrame>;

/// Every table of a run, in a fixed order, with how its rows are built.
pub const TABLES: [(&str, BuildTable); 10] = [
    ("projects", projects_table),
    ("project_sources", project_sources),
    ("evidence", evidence_table),
    ("project_fields", project_fields),
    ("project_organisations", project_organisations),
    ("project_places", project_places),
    ("project_regions", project_regions),
    ("project_years", project_years),
    ("corridors", corridors),
    ("project_budgets", project_budgets),
];

/// Builds one table for a batch, naming it in an error.
pub fn build_table(
    name: &'static str,
    build: BuildTable,
    batch: &Batch,
) -> Result<DataFrame, TableError> {
    build(batch).map_err(|source| TableError::Build {
        table: name.to_string(),
        source,
    })
}

/// Every table of `projects` as a frame, in the order of [`TABLES`]
/// (sentence ids from 1; the readings are each project's sources).
pub fn build_tables(projects: &[Project]) -> Result<Vec<NamedTable>, TableError> {
    let readings: Vec<Reading> = projects
        .iter()
        .flat_map(|p| p.sources.iter().map(move |s| (p.id.clone(), s.clone())))
        .collect();
    let batch = Batch::new(projects, &readings, 1);
    TABLES
        .iter()
        .map(|&(name, build)| Ok((name, build_table(name, build, &batch)?)))
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

fn optional_cell<T: std::ops::Deref<Target = str>>(text: &Option<T>) -> Option<Cow<'_, str>> {
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
/// types, country names, sub-regions (each once) and stated budget in US
/// dollars, for the analyses.
pub fn projects_table(batch: &Batch) -> PolarsResult<DataFrame> {
    let projects = batch.projects;
    let mut t = TableBuilder::default();
    t.text("id", texts(projects, |p| cell(&p.id)))
        .text("source", texts(projects, |p| cell(&p.raw.source)))
        .integer("ordinal", ints(projects, |p| int(p.raw.ordinal)))
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
        .number(
            "budget_usd",
            projects.iter().map(Project::stated_budget_usd).collect(),
        )
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
        .integer("span_end", ints(projects, |p| int(p.raw.span.end)))
        .text(
            "anchor",
            texts(projects, |p| p.raw.anchor.as_deref().map(Cow::Borrowed)),
        );
    t.build()
}

/// One row per reading of a project, in reading order: its first
/// reading and every later one (the same project in another listing). Rows
/// are appended as listings are read: a project found again adds a row,
/// nothing written is rewritten.
pub fn project_sources(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows = batch.readings;
    let ordinal = |reading: &Reading| -> Option<i64> {
        reading.1.rsplit_once('#').and_then(|(_, n)| n.parse().ok())
    };
    let mut t = TableBuilder::default();
    t.text("project_id", texts(rows, |(id, _)| cell(id)))
        .text("source", texts(rows, |r| cell(reading_source(r))))
        .integer("ordinal", rows.iter().map(ordinal).collect());
    t.build()
}

/// One row per sentence a fact was read from: where it is in its listing
/// (`file[span_start..span_end]` is the sentence) and its text.
pub fn evidence_table(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows = &batch.evidence.rows;
    let mut t = TableBuilder::default();
    t.integer(
        "evidence_id",
        rows.iter().map(|&(_, _, id)| Some(id)).collect(),
    )
    .text(
        "source",
        texts(rows, |&(p, _, _)| cell(&batch.projects[p].raw.source)),
    )
    .integer("line", ints(rows, |(_, e, _)| int(e.line)))
    .integer("span_start", ints(rows, |(_, e, _)| int(e.span.start)))
    .integer("span_end", ints(rows, |(_, e, _)| int(e.span.end)))
    .text("text", texts(rows, |(_, e, _)| cell(&e.sentence)))
    .text("origin", texts(rows, |(_, e, _)| cell(e.origin)));
    t.build()
}

/// The `evidence_id` column of a fact table: each row's sentence.
fn evidence_ids<T>(
    t: &mut TableBuilder,
    batch: &Batch,
    rows: &[(usize, T)],
    evidence: impl Fn(&T) -> &Evidence,
) {
    t.integer(
        "evidence_id",
        rows.iter()
            .map(|(p, row)| batch.evidence.id(*p, evidence(row)))
            .collect(),
    );
}

/// One row per labelled field or table cell of a project.
pub fn project_fields(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows: Vec<_> = batch
        .projects
        .iter()
        .flat_map(|p| p.raw.fields.iter().map(move |f| (p, f)))
        .collect();
    let mut t = TableBuilder::default();
    t.text("project_id", texts(&rows, |(p, _)| cell(&p.id)))
        .text("label", texts(&rows, |(_, f)| cell(&f.label)))
        .text("value", texts(&rows, |(_, f)| Some(f.value.clean())))
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
pub fn project_organisations(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows = fact_rows(batch.projects, |p| &p.facts.organisations);
    let mut t = TableBuilder::default();
    t.text(
        "project_id",
        texts(&rows, |(p, _)| cell(&batch.projects[*p].id)),
    )
    .text("organisation", texts(&rows, |(_, o)| cell(&o.name)))
    .text("donor_code", texts(&rows, |(_, o)| cell(&o.code)))
    .text("type", texts(&rows, |(_, o)| cell(o.kind)))
    .text("role", texts(&rows, |(_, o)| cell(o.role.as_str())))
    .text("mention", texts(&rows, |(_, o)| cell(&o.mention)));
    evidence_ids(&mut t, batch, &rows, |o| &o.evidence);
    t.build()
}

/// The facts of every project, each with its project's index in the batch.
fn fact_rows<'a, T>(
    projects: &'a [Project],
    facts: impl Fn(&'a Project) -> &'a Vec<T>,
) -> Vec<(usize, &'a T)> {
    projects
        .iter()
        .enumerate()
        .flat_map(|(i, p)| facts(p).iter().map(move |f| (i, f)))
        .collect()
}

/// One row per country or territory named in a project.
pub fn project_places(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows = fact_rows(batch.projects, |p| &p.facts.places);
    let mut t = TableBuilder::default();
    t.text(
        "project_id",
        texts(&rows, |(p, _)| cell(&batch.projects[*p].id)),
    )
    .text("iso3", texts(&rows, |(_, o)| cell(o.alpha3)))
    .text("name", texts(&rows, |(_, o)| cell(o.name)))
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
    evidence_ids(&mut t, batch, &rows, |o| &o.evidence);
    t.build()
}

/// One row per M49 region a project covers, and how it was found.
pub fn project_regions(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows = fact_rows(batch.projects, |p| &p.facts.regions);
    let mut t = TableBuilder::default();
    t.text(
        "project_id",
        texts(&rows, |(p, _)| cell(&batch.projects[*p].id)),
    )
    .text("region", texts(&rows, |(_, o)| cell(&o.region)))
    .text(
        "subregion",
        texts(&rows, |(_, o)| optional_cell(&o.subregion)),
    )
    .text("via", texts(&rows, |(_, o)| cell(o.via)));
    evidence_ids(&mut t, batch, &rows, |o| &o.evidence);
    t.build()
}

/// One row per calendar year a project runs in (from its start year to
/// its end year; a project without an end counts in its start year only).
pub fn project_years(batch: &Batch) -> PolarsResult<DataFrame> {
    use chrono::Datelike;
    let mut rows: Vec<(&Project, i32)> = Vec::new();
    for project in batch.projects {
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
pub fn corridors(batch: &Batch) -> PolarsResult<DataFrame> {
    let mut rows = Vec::new();
    for (index, project) in batch.projects.iter().enumerate() {
        let places = &project.facts.places;
        for origin in places.iter().filter(|p| p.role == PlaceRole::Origin) {
            for destination in places.iter().filter(|p| {
                p.role == PlaceRole::Destination && p.evidence.span == origin.evidence.span
            }) {
                rows.push((index, (origin, destination)));
            }
        }
    }
    let mut t = TableBuilder::default();
    t.text(
        "project_id",
        texts(&rows, |(p, _)| cell(&batch.projects[*p].id)),
    )
    .text("origin", texts(&rows, |(_, (o, _))| cell(o.alpha3)))
    .text("origin_name", texts(&rows, |(_, (o, _))| cell(o.name)))
    .text("destination", texts(&rows, |(_, (_, d))| cell(d.alpha3)))
    .text("destination_name", texts(&rows, |(_, (_, d))| cell(d.name)));
    evidence_ids(&mut t, batch, &rows, |(o, _)| &o.evidence);
    t.build()
}

/// One row per amount of money a project states: as printed (`amount`,
/// `currency`), in US dollars at the annual average rate of the project's
/// start year (`year`; empty where the currency or the year has no rate),
/// what it is (`budget`, `expenditure`, a donor's `contribution`) and the
/// donor code a contribution is tied to.
pub fn project_budgets(batch: &Batch) -> PolarsResult<DataFrame> {
    let rows = fact_rows(batch.projects, |p| &p.facts.amounts);
    let mut t = TableBuilder::default();
    t.text(
        "project_id",
        texts(&rows, |(p, _)| cell(&batch.projects[*p].id)),
    )
    .number("amount", rows.iter().map(|(_, a)| Some(a.amount)).collect())
    .text(
        "currency",
        texts(&rows, |(_, a)| optional_cell(&a.currency)),
    )
    .number(
        "amount_usd",
        rows.iter().map(|(_, a)| a.amount_usd).collect(),
    )
    .integer("year", ints(&rows, |(_, a)| a.year.map(i64::from)))
    .text("kind", texts(&rows, |(_, a)| cell(a.kind.as_str())))
    .text("donor", texts(&rows, |(_, a)| optional_cell(&a.donor)))
    .text("mention", texts(&rows, |(_, a)| cell(&a.mention)));
    evidence_ids(&mut t, batch, &rows, |a| &a.evidence);
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
