//! `report.html`: one self-contained page with the headline figures, every
//! chart (SVG inline), the projects, the evidence behind each fact and the
//! diagnostics. Every text from the input is HTML-escaped by the template
//! engine; only the SVGs, which plotters has escaped, are inserted as is.

use analysis::{column_numbers, column_texts, AnalysisResult, ChartSpec, ListedProject};
use minijinja::{context, Environment, Value};
use serde::Serialize;

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
    /// Where the project is in its listing: `page.html#id` in a saved page
    /// that gives one, else the file; empty when the file is unknown.
    href: String,
    first_line: String,
    date_text: String,
    start: String,
    end: String,
    status: String,
    funders: String,
    countries: String,
    regions: String,
    evidence: Vec<EvidenceView>,
}

/// A warning of the run, as the report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticLine {
    pub file: String,
    pub line: usize,
    pub severity: String,
    pub message: String,
}

/// What the report shows; everything but the diagnostics comes from the
/// written tables and the analyses over them.
pub struct ReportInput<'a> {
    pub caption: &'a str,
    /// How many projects the run wrote.
    pub projects_total: usize,
    /// The first projects of the run with their evidence, as
    /// [`analysis::listed_projects`] reads them back from the tables (at
    /// most [`REPORT_MAX_PROJECTS`] are shown).
    pub projects: &'a [ListedProject],
    pub diagnostics: &'a [DiagnosticLine],
    /// `(analysis name, SVG)` of every chart, in order.
    pub charts: &'a [(String, String)],
    /// `(listing file name, its path relative to the report)`: the
    /// report links each project to its listing.
    pub listing_links: &'a [(String, String)],
    /// Every analysis that ran: the `figures` ones give the headline, the
    /// chart-less ones a table each.
    pub analyses: &'a [AnalysisResult],
    /// The formats the tables were written in: the report points to their
    /// files.
    pub table_formats: analysis::TableFormats,
}

/// A figure as printed: whole numbers without decimals and with thousands
/// separated (`12,500,000`), others with one decimal, "–" for none.
fn figure_text(number: Option<f64>) -> String {
    match number {
        None => "–".into(),
        Some(n) if n.fract() == 0.0 => {
            let digits = format!("{:.0}", n.abs());
            let mut grouped = String::new();
            for (i, digit) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(digit);
            }
            if n < 0.0 {
                grouped.insert(0, '-');
            }
            grouped
        }
        Some(n) => format!("{n:.1}"),
    }
}

/// The headline figures: the columns of the first row of every `figures`
/// analysis, labelled by their names.
fn figures(analyses: &[AnalysisResult]) -> Result<Vec<Figure>, String> {
    let mut figures = Vec::new();
    for result in analyses
        .iter()
        .filter(|a| a.analysis.header.chart == ChartSpec::Figures)
    {
        let frame = &result.frame;
        for column in frame.get_column_names() {
            let name = column.as_str();
            let numeric = frame
                .column(name)
                .is_ok_and(|c| c.dtype().is_primitive_numeric());
            let value = match numeric {
                true => figure_text(column_numbers(frame, name)?.first().copied().flatten()),
                false => column_texts(frame, name)?
                    .into_iter()
                    .next()
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "–".into()),
            };
            figures.push(Figure {
                label: name.to_string(),
                value,
            });
        }
    }
    Ok(figures)
}

fn project_view(project: &ListedProject, links: &[(String, String)]) -> ProjectView {
    let href = links
        .iter()
        .find(|(file, _)| *file == project.file)
        .map(|(_, path)| match project.anchor.is_empty() {
            true => path.clone(),
            false => format!("{path}#{}", project.anchor),
        })
        .unwrap_or_default();
    ProjectView {
        href,
        first_line: project.first_line.clone(),
        id: project.id.clone(),
        title: project.title.clone(),
        source: project.source.clone(),
        date_text: project.date_text.clone(),
        start: project.start.clone(),
        end: project.end.clone(),
        status: project.status.clone(),
        funders: project.funders.clone(),
        countries: project.countries.clone(),
        regions: project.regions.clone(),
        evidence: project
            .evidence
            .iter()
            .map(|e| EvidenceView {
                fact: e.fact.clone(),
                role: e.role.clone(),
                mention: e.mention.clone(),
                sentence: e.sentence.clone(),
                line: e.line,
            })
            .collect(),
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
        title: result.analysis.header.title.clone(),
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
        .map(|a| (a.analysis.name.clone(), a.analysis.header.title.clone()))
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
        .filter(|a| a.analysis.header.chart == ChartSpec::None)
        .map(table_view)
        .collect();
    let diagnostics: Vec<&DiagnosticLine> =
        input.diagnostics.iter().take(REPORT_MAX_PROJECTS).collect();
    template
        .render(context! {
            title => "Development cooperation projects",
            caption => input.caption,
            version => env!("CARGO_PKG_VERSION"),
            figures => figures(input.analyses)?,
            charts => charts,
            tables => tables,
            projects => input.projects.iter().take(REPORT_MAX_PROJECTS).map(|p| project_view(p, input.listing_links)).collect::<Vec<_>>(),
            table_extension => input.table_formats.primary_extension(),
            projects_left_out => input.projects_total.saturating_sub(REPORT_MAX_PROJECTS.min(input.projects.len())),
            diagnostics => diagnostics,
            diagnostics_left_out => input.diagnostics.len().saturating_sub(REPORT_MAX_PROJECTS),
        })
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_print_whole_numbers_without_decimals_and_none_as_a_dash() {
        assert_eq!(figure_text(Some(10.0)), "10");
        assert_eq!(figure_text(Some(999.0)), "999");
        assert_eq!(figure_text(Some(12_500_000.0)), "12,500,000");
        assert_eq!(figure_text(Some(-4_000.0)), "-4,000");
        assert_eq!(figure_text(Some(24.5)), "24.5");
        assert_eq!(figure_text(Some(36.25)), "36.2");
        assert_eq!(figure_text(None), "–");
    }
}
