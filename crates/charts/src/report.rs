//! `report.html`: one self-contained page with the headline figures, every
//! chart (SVG inline), the projects, the evidence behind each fact and the
//! diagnostics. Every text from the input is HTML-escaped by the template
//! engine; only the SVGs, which plotters has escaped, are inserted as is.

use analysis::{column_texts, AnalysisResult, ChartKind};
use chrono::NaiveDate;
use ingest::Diagnostic;
use minijinja::{context, Environment, Value};
use normalise::extract::OrgRole;
use normalise::Project;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

const TEMPLATE: &str = include_str!("../templates/report.html");

/// Projects listed one by one in the report; beyond this the page would
/// be too large to open, and the tables hold them all.
pub const REPORT_MAX_PROJECTS: usize = 1000;

#[derive(Serialize)]
struct Figure {
    label: String,
    value: String,
}

#[derive(Serialize)]
struct ChartView {
    name: String,
    title: String,
    svg: Value,
}

#[derive(Serialize)]
struct TableView {
    name: String,
    title: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    rows_left_out: usize,
}

#[derive(Serialize)]
struct EvidenceView {
    fact: String,
    role: String,
    mention: String,
    sentence: String,
    line: usize,
}

#[derive(Serialize)]
struct ProjectView {
    id: String,
    title: String,
    source: String,
    date_text: String,
    start: String,
    end: String,
    status: String,
    funders: String,
    countries: String,
    regions: String,
    evidence: Vec<EvidenceView>,
}

#[derive(Serialize)]
struct DiagnosticView {
    file: String,
    line: usize,
    severity: String,
    message: String,
}

/// What the report shows.
pub struct ReportInput<'a> {
    pub caption: &'a str,
    /// The figures at the top, over every project of the run.
    pub headline: &'a Headline,
    /// The first projects of the run, listed with their evidence (at most
    /// [`REPORT_MAX_PROJECTS`] are shown).
    pub projects: &'a [Project],
    pub diagnostics: &'a [Diagnostic],
    /// `(analysis name, SVG)` of every chart, in order.
    pub charts: &'a [(String, String)],
    pub analyses: &'a [AnalysisResult],
    /// The formats the tables were written in: the report points to their
    /// files.
    pub table_formats: analysis::TableFormats,
}

/// The middle of an even or odd number of values.
#[derive(Debug, PartialEq)]
enum Median {
    Value(i64),
    Between(i64, i64),
}

/// The median of values given as how many times each occurs.
fn median(counts: &BTreeMap<i64, usize>) -> Option<Median> {
    let n: usize = counts.values().sum();
    // The value at 0-based position `k` in sorted order.
    let at = |k: usize| {
        let mut seen = 0;
        counts.iter().find_map(|(&value, &count)| {
            seen += count;
            (seen > k).then_some(value)
        })
    };
    match n {
        0 => None,
        n if n % 2 == 1 => at(n / 2).map(Median::Value),
        n => Some(Median::Between(at(n / 2 - 1)?, at(n / 2)?)),
    }
}

/// The headline figures of a run, tallied batch by batch.
#[derive(Debug, Default)]
pub struct Headline {
    projects: usize,
    with_funder: usize,
    funders: BTreeSet<String>,
    countries: BTreeSet<String>,
    /// How many projects last each number of whole months: the median
    /// needs only these, and they do not grow with the listing as a
    /// month per project would (8 MB a million).
    months: BTreeMap<i64, usize>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

impl Headline {
    pub fn add(&mut self, projects: &[Project]) {
        for project in projects {
            self.projects += 1;
            let funders = project.funder_codes();
            if !funders.is_empty() {
                self.with_funder += 1;
            }
            // Most codes are already known: copy only the new ones.
            for (known, codes) in [
                (&mut self.funders, funders),
                (&mut self.countries, project.country_codes()),
            ] {
                for code in codes {
                    if !known.contains(code) {
                        known.insert(code.to_owned());
                    }
                }
            }
            if let Some(months) = project.duration_months {
                *self.months.entry(months).or_default() += 1;
            }
            let start = project.dates.start.map(|d| d.date);
            let end = project.dates.end.or(project.dates.start).map(|d| d.date);
            self.first = self.first.into_iter().chain(start).min();
            self.last = self.last.into_iter().chain(end).max();
        }
    }

    /// The number of projects tallied.
    pub fn projects(&self) -> usize {
        self.projects
    }

    fn figures(&self) -> Vec<Figure> {
        let median = match median(&self.months) {
            None => "–".to_string(),
            Some(Median::Value(months)) => months.to_string(),
            Some(Median::Between(low, high)) => format!("{:.1}", (low + high) as f64 / 2.0),
        };
        let span = match (self.first, self.last) {
            (Some(a), Some(b)) => format!("{}–{}", a.format("%Y"), b.format("%Y")),
            _ => "–".into(),
        };
        let (projects, with_funder, funders, countries) = (
            self.projects,
            self.with_funder,
            self.funders.len(),
            self.countries.len(),
        );
        vec![
            Figure {
                label: "projects".into(),
                value: projects.to_string(),
            },
            Figure {
                label: "name a funder".into(),
                value: with_funder.to_string(),
            },
            Figure {
                label: "funders".into(),
                value: funders.to_string(),
            },
            Figure {
                label: "countries and territories".into(),
                value: countries.to_string(),
            },
            Figure {
                label: "median duration (months)".into(),
                value: median,
            },
            Figure {
                label: "years covered".into(),
                value: span,
            },
        ]
    }
}

fn project_view(project: &Project) -> ProjectView {
    let mut evidence: Vec<EvidenceView> = project
        .facts
        .organisations
        .iter()
        .map(|o| EvidenceView {
            fact: format!("{} ({})", o.name, o.code),
            role: o.role.as_str().into(),
            mention: o.mention.clone(),
            sentence: o.evidence.sentence.clone(),
            line: o.evidence.line,
        })
        .collect();
    // Funders first: they are what the charts count.
    evidence.sort_by_key(|e| e.role != OrgRole::Funder.as_str());
    evidence.extend(project.facts.places.iter().map(|p| EvidenceView {
        fact: format!("{} ({})", p.name, p.alpha3),
        role: p.role.as_str().into(),
        mention: p.mention.clone(),
        sentence: p.evidence.sentence.clone(),
        line: p.evidence.line,
    }));
    evidence.extend(
        project
            .facts
            .regions
            .iter()
            .filter(|r| r.via.chars().any(char::is_lowercase))
            .map(|r| EvidenceView {
                fact: r.region.clone(),
                role: "region".into(),
                mention: r.via.clone(),
                sentence: r.evidence.sentence.clone(),
                line: r.evidence.line,
            }),
    );
    ProjectView {
        id: project.id.clone(),
        title: project.title.clone(),
        source: format!("{}#{}", project.raw.source, project.raw.ordinal),
        date_text: project
            .raw
            .date_text()
            .unwrap_or_else(|| "not stated".into()),
        start: project
            .dates
            .start
            .map(|d| d.date.to_string())
            .unwrap_or_default(),
        end: project
            .dates
            .end
            .map(|d| d.date.to_string())
            .unwrap_or_default(),
        status: project.status.as_str().into(),
        funders: project.funder_codes().join(", "),
        countries: project.country_codes().join(", "),
        regions: project.region_names().join(", "),
        evidence,
    }
}

fn table_view(result: &AnalysisResult) -> TableView {
    let frame = &result.frame;
    let columns: Vec<String> = frame
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let values: Vec<Vec<String>> = columns
        .iter()
        .map(|c| column_texts(frame, c).unwrap_or_default())
        .collect();
    let shown = frame.height().min(REPORT_MAX_PROJECTS);
    let rows = (0..shown)
        .map(|r| {
            values
                .iter()
                .map(|col| col.get(r).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    TableView {
        name: result.analysis.name.clone(),
        title: result.analysis.chart.title.clone(),
        columns,
        rows,
        rows_left_out: result.rows.saturating_sub(shown),
    }
}

/// The report as HTML text.
pub fn render_report(input: &ReportInput) -> Result<String, String> {
    let mut env = Environment::new();
    env.add_template("report.html", TEMPLATE)
        .map_err(|e| e.to_string())?;
    let template = env.get_template("report.html").map_err(|e| e.to_string())?;
    let titles: Vec<(String, String)> = input
        .analyses
        .iter()
        .map(|a| (a.analysis.name.clone(), a.analysis.chart.title.clone()))
        .collect();
    let charts: Vec<ChartView> = input
        .charts
        .iter()
        .map(|(name, svg)| ChartView {
            name: name.clone(),
            title: titles
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t.clone())
                .unwrap_or_default(),
            svg: Value::from_safe_string(svg.clone()),
        })
        .collect();
    let tables: Vec<TableView> = input
        .analyses
        .iter()
        .filter(|a| a.analysis.chart.chart == ChartKind::None)
        .map(table_view)
        .collect();
    let diagnostics: Vec<DiagnosticView> = input
        .diagnostics
        .iter()
        .take(REPORT_MAX_PROJECTS)
        .map(|d| DiagnosticView {
            file: d.file.clone(),
            line: d.line,
            severity: d.severity.to_string(),
            message: d.message.clone(),
        })
        .collect();
    template
        .render(context! {
            title => "Development cooperation projects",
            caption => input.caption,
            version => env!("CARGO_PKG_VERSION"),
            figures => input.headline.figures(),
            charts => charts,
            tables => tables,
            projects => input.projects.iter().take(REPORT_MAX_PROJECTS).map(project_view).collect::<Vec<_>>(),
            table_extension => input.table_formats.primary_extension(),
            projects_left_out => input.headline.projects().saturating_sub(REPORT_MAX_PROJECTS.min(input.projects.len())),
            diagnostics => diagnostics,
            diagnostics_left_out => input.diagnostics.len().saturating_sub(REPORT_MAX_PROJECTS),
        })
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_counts_is_the_median_of_the_sorted_values() {
        let cases: [&[i64]; 7] = [
            &[],
            &[7],
            &[24, 48],
            &[24, 24],
            &[48, 1, 24, 24, 30],
            &[-3, 0, 0, 5, 5, 5, 9, 12],
            &[6, 6, 6, 6, 6, 18, 18, 60, 60, 60],
        ];
        for values in cases {
            let mut sorted = values.to_vec();
            sorted.sort_unstable();
            let expected = match sorted.len() {
                0 => None,
                n if n % 2 == 1 => Some(Median::Value(sorted[n / 2])),
                n => Some(Median::Between(sorted[n / 2 - 1], sorted[n / 2])),
            };
            let mut counts = BTreeMap::new();
            for &value in values {
                *counts.entry(value).or_default() += 1;
            }
            assert_eq!(median(&counts), expected, "{values:?}");
        }
    }

    fn projects() -> Vec<Project> {
        let reference = normalise::Reference::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"),
        )
        .unwrap();
        let text = "Projects\n\n1. Decent work in Nepal\n\n1 June 2007 - 31 May 2009\n\nFunded by Japan.\n\n\
                    2. Skills in Kenya\n\n2012 - 2015\n\nSupported by the European Union.\n\n\
                    3. Migrant rights\n\n2010\n\nNo funder named.\n";
        let listing = ingest::parse_listing("p.txt", text.as_bytes()).unwrap();
        normalise::normalise(
            &reference,
            listing.projects,
            "2026-01-01".parse().unwrap(),
            &mut Vec::new(),
        )
    }

    fn values(headline: &Headline) -> Vec<String> {
        headline.figures().into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn headline_tallied_in_batches_is_the_headline_of_all() {
        let projects = projects();
        let mut whole = Headline::default();
        whole.add(&projects);
        let mut batched = Headline::default();
        for batch in projects.chunks(1) {
            batched.add(batch);
        }
        assert_eq!(values(&whole), values(&batched));
        // 3 projects, 2 name a funder, 2 funders, 2 countries, median of
        // 24 and 48 months, 2007 to 2015.
        assert_eq!(values(&whole), ["3", "2", "2", "2", "36.0", "2007–2015"]);
    }
}
