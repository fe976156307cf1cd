//! A raw project made into facts: dates, organisations, places, an id.

use crate::dates::{duration_days, duration_months, parse_dates, status, DateRange, Status};
use crate::extract::{extract, Extracted, OrgRole};
use crate::reference::Reference;
use chrono::NaiveDate;
use ingest::{Diagnostic, RawProject};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct Project {
    /// Stable id from the normalised title and start date.
    pub id: String,
    pub raw: RawProject,
    /// The title as it reads (a correction may change it; the id stays).
    pub title: String,
    /// Fields a user correction changed (`title`, `funders`, …).
    pub overridden: Vec<String>,
    /// Every `file#ordinal` this project was found at.
    pub sources: Vec<String>,
    pub dates: DateRange,
    pub duration_days: Option<i64>,
    pub duration_months: Option<i64>,
    pub status: Status,
    pub facts: Extracted,
}

impl Project {
    /// Sorted, distinct donor codes of the funders.
    pub fn funder_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self
            .facts
            .organisations
            .iter()
            .filter(|o| o.role == OrgRole::Funder)
            .map(|o| o.code.clone())
            .collect();
        codes.sort();
        codes.dedup();
        codes
    }

    pub fn country_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.facts.places.iter().map(|p| p.alpha3.clone()).collect();
        codes.sort();
        codes.dedup();
        codes
    }

    pub fn region_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .facts
            .regions
            .iter()
            .map(|r| r.region.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// `Capacity Building for Migration, in China` and `capacity building for
/// migration in china` are the same title.
fn normalised_title(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn project_id(title: &str, start: Option<NaiveDate>) -> String {
    let key = format!(
        "{}|{}",
        normalised_title(title),
        start.map(|d| d.to_string()).unwrap_or_default()
    );
    let digest = Sha256::digest(key.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// A project whose dates and id are known, before its facts are extracted:
/// what merging duplicates needs, and no more.
#[derive(Debug, Clone)]
pub struct Identified {
    pub raw: RawProject,
    pub id: String,
    pub dates: DateRange,
    /// Every `file#ordinal` this project was found at, the first first.
    pub sources: Vec<String>,
    /// Warnings about its dates.
    pub diagnostics: Vec<Diagnostic>,
}

fn identify_one(raw: RawProject) -> Identified {
    let mut diagnostics = Vec::new();
    let dates = match &raw.date {
        Some(date) => match parse_dates(&date.clean()) {
            Ok(range) => range,
            Err(err) => {
                diagnostics.push(Diagnostic::warning(
                    &raw.source,
                    date.text.first_line().unwrap_or(raw.first_line),
                    1,
                    format!("{err}: dates left empty"),
                ));
                DateRange::default()
            }
        },
        None => DateRange::default(),
    };
    if let (Some(start), Some(end)) = (dates.start, dates.end) {
        if end.date < start.date {
            diagnostics.push(Diagnostic::warning(
                &raw.source,
                raw.first_line,
                1,
                format!(
                    "`{}` ends ({}) before it starts ({}): kept as printed",
                    raw.title_text(),
                    end.date,
                    start.date
                ),
            ));
        }
    }
    let id = project_id(&raw.title_text(), dates.start.map(|d| d.date));
    let sources = vec![format!("{}#{}", raw.source, raw.ordinal)];
    Identified {
        raw,
        id,
        dates,
        sources,
        diagnostics,
    }
}

/// Dates and ids of every project, on all cores, in input order; the same
/// project found again (same id) is merged into its first reading, which
/// gains the later source. Cheap next to extraction, and it must see every
/// project before any is written: a project's row lists all its sources.
pub fn identify(raw_projects: Vec<RawProject>) -> Vec<Identified> {
    let readings: Vec<Identified> = raw_projects.into_par_iter().map(identify_one).collect();
    let mut unique: Vec<Identified> = Vec::with_capacity(readings.len());
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(readings.len());
    for reading in readings {
        match by_id.get(&reading.id) {
            Some(&first) => unique[first].sources.extend(reading.sources),
            None => {
                by_id.insert(reading.id.clone(), unique.len());
                unique.push(reading);
            }
        }
    }
    unique
}

/// Extracts the facts of identified projects on all cores, keeping their
/// order. A run calls this batch by batch, so memory holds one batch.
pub fn extract_facts(
    reference: &Reference,
    identified: Vec<Identified>,
    reference_date: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Project> {
    let extracted: Vec<(Identified, Extracted, Vec<Diagnostic>)> = identified
        .into_par_iter()
        .map(|project| {
            let mut found = Vec::new();
            let facts = extract(reference, &project.raw, &mut found);
            (project, facts, found)
        })
        .collect();
    extracted
        .into_iter()
        .map(|(project, facts, found)| {
            diagnostics.extend(project.diagnostics);
            diagnostics.extend(found);
            Project {
                id: project.id,
                title: project.raw.title_text(),
                overridden: Vec::new(),
                raw: project.raw,
                sources: project.sources,
                duration_days: duration_days(&project.dates),
                duration_months: duration_months(&project.dates),
                status: status(&project.dates, reference_date),
                dates: project.dates,
                facts,
            }
        })
        .collect()
}

/// Normalises every project: [`identify`], then [`extract_facts`] in one
/// batch. The same project in two listings (same id) becomes one project
/// with both sources.
pub fn normalise(
    reference: &Reference,
    raw_projects: Vec<RawProject>,
    reference_date: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Project> {
    extract_facts(
        reference,
        identify(raw_projects),
        reference_date,
        diagnostics,
    )
}
