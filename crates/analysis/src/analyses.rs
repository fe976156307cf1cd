//! Analyses are files: `analyses/NAME.sql` is a query over the run's tables
//! (polars SQL) whose leading `--` comment lines are TOML naming its chart.
//!
//! ```sql
//! -- title = "Projects by M49 region"
//! -- chart = "bar"
//! -- x = "region"
//! -- y = "projects"
//! SELECT region, COUNT(DISTINCT project_id) AS projects
//! FROM project_regions GROUP BY region ORDER BY projects DESC, region
//! ```
//!
//! Adding a file adds its table and chart on the next run.

use polars::prelude::*;
use polars::sql::SQLContext;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// How an analysis is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// Vertical bars: `x` categories, `y` values.
    Bar,
    /// Horizontal bars, for long category names.
    Hbar,
    /// Bars split by `series`.
    Stacked,
    /// Counts of the numeric column `x` in bins of width `bin`.
    Histogram,
    /// One bar per row from `start` to `end`, labelled by `label`,
    /// coloured by `colour`.
    Timeline,
    /// Counts in a grid: `x` columns, `y` rows, `value` cells.
    Matrix,
    /// A table only, no chart.
    None,
}

/// The header of an analysis file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartConfig {
    pub title: String,
    #[serde(default)]
    pub subtitle: Option<String>,
    pub chart: ChartKind,
    #[serde(default)]
    pub x: Option<String>,
    #[serde(default)]
    pub y: Option<String>,
    #[serde(default)]
    pub series: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub bin: Option<f64>,
    /// Where the chart comes in the report: lower first, then by name.
    #[serde(default = "default_order")]
    pub order: i64,
    /// Axis titles; default to the column names.
    #[serde(default)]
    pub x_title: Option<String>,
    #[serde(default)]
    pub y_title: Option<String>,
}

fn default_order() -> i64 {
    100
}

/// One analysis file.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The file name without `.sql`: the name of its table and chart.
    pub name: String,
    pub path: PathBuf,
    pub sql: String,
    pub chart: ChartConfig,
}

/// An analysis that ran.
#[derive(Debug, Clone)]
pub struct AnalysisResult {
    pub analysis: Analysis,
    pub frame: DataFrame,
}

#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct AnalysisError {
    pub path: PathBuf,
    pub message: String,
}

fn error(path: &Path, message: impl Into<String>) -> AnalysisError {
    AnalysisError {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// A name that is safe as a file name in the output: letters, digits, `_`
/// and `-` only, so no analysis can write outside the output directory.
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Parses one analysis file's text.
pub fn parse_analysis(path: &Path, text: &str) -> Result<Analysis, AnalysisError> {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_safe_name(&name) {
        return Err(error(
            path,
            "analysis names may use only letters, digits, `_` and `-`",
        ));
    }
    let header: String = text
        .lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .map(|l| l.trim_start().trim_start_matches("--").trim())
        .collect::<Vec<_>>()
        .join("\n");
    let chart: ChartConfig = toml::from_str(&header).map_err(|err| {
        error(
            path,
            format!("the `--` header is not a valid chart description: {err}"),
        )
    })?;
    let sql: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    if sql.trim().is_empty() {
        return Err(error(path, "no SQL query after the header"));
    }
    Ok(Analysis {
        name,
        path: path.to_path_buf(),
        sql,
        chart,
    })
}

/// Every `*.sql` file of `dir`, by `order` then name.
pub fn load_analyses(dir: &Path) -> Result<Vec<Analysis>, AnalysisError> {
    let entries =
        std::fs::read_dir(dir).map_err(|err| error(dir, format!("cannot read: {err}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    let mut analyses = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .map_err(|err| error(path, format!("cannot read: {err}")))?;
            parse_analysis(path, &text)
        })
        .collect::<Result<Vec<_>, _>>()?;
    analyses.sort_by(|a, b| (a.chart.order, &a.name).cmp(&(b.chart.order, &b.name)));
    Ok(analyses)
}

/// A SQL context holding `tables`; queries read them only.
pub fn sql_context(tables: &[(&str, &DataFrame)]) -> SQLContext {
    let context = SQLContext::new();
    for (name, frame) in tables {
        context.register(name, (*frame).clone().lazy());
    }
    context
}

/// Runs a query that may only read: the statement must be a `SELECT` or
/// `WITH`; anything else (`CREATE`, `DROP`, `COPY`…) is refused.
pub fn run_query(context: &mut SQLContext, sql: &str) -> Result<DataFrame, String> {
    let first = sql
        .trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    if first != "SELECT" && first != "WITH" {
        return Err(format!(
            "only SELECT queries are allowed (found `{first}`): queries read the tables, never change them"
        ));
    }
    context
        .execute(sql)
        .and_then(|lazy| lazy.collect())
        .map_err(|err| format!("SQL error: {err}"))
}

/// Runs every analysis over the tables.
pub fn run_analyses(
    analyses: &[Analysis],
    tables: &[(&str, &DataFrame)],
) -> Result<Vec<AnalysisResult>, AnalysisError> {
    let mut context = sql_context(tables);
    analyses
        .iter()
        .map(|analysis| {
            let frame = run_query(&mut context, &analysis.sql)
                .map_err(|message| error(&analysis.path, message))?;
            Ok(AnalysisResult {
                analysis: analysis.clone(),
                frame,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        df!("region" => ["Asia", "Asia", "Africa"], "project_id" => ["a", "b", "c"]).unwrap()
    }

    #[test]
    fn header_and_query_are_read() {
        let text = "-- title = \"By region\"\n-- chart = \"bar\"\n-- x = \"region\"\n-- y = \"projects\"\nSELECT region, COUNT(*) AS projects FROM t GROUP BY region ORDER BY region\n";
        let analysis = parse_analysis(Path::new("analyses/by_region.sql"), text).unwrap();
        assert_eq!(analysis.name, "by_region");
        assert_eq!(analysis.chart.chart, ChartKind::Bar);
        let frame = frame();
        let results = run_analyses(&[analysis], &[("t", &frame)]).unwrap();
        let out = &results[0].frame;
        assert_eq!(out.height(), 2);
        assert_eq!(
            out.column("region").unwrap().str().unwrap().get(0),
            Some("Africa")
        );
    }

    #[test]
    fn bad_sql_names_the_file_and_the_error() {
        let text = "-- title = \"x\"\n-- chart = \"none\"\nSELECT nope FROM missing_table\n";
        let analysis = parse_analysis(Path::new("analyses/broken.sql"), text).unwrap();
        let frame = frame();
        let err = run_analyses(&[analysis], &[("t", &frame)]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("analyses/broken.sql: SQL error"),
            "{err}"
        );
    }

    #[test]
    fn bad_header_and_unsafe_names_are_refused() {
        let err = parse_analysis(Path::new("a/x.sql"), "-- chart = \"pie\"\nSELECT 1").unwrap_err();
        assert!(err.message.contains("not a valid chart description"));
        let err = parse_analysis(
            Path::new("a/../x y.sql"),
            "-- title=\"t\"\n-- chart=\"none\"\nSELECT 1",
        )
        .unwrap_err();
        assert!(err.message.contains("only letters"));
    }

    #[test]
    fn only_select_queries_run() {
        let frame = frame();
        let mut context = sql_context(&[("t", &frame)]);
        assert!(run_query(&mut context, "DROP TABLE t")
            .unwrap_err()
            .contains("only SELECT"));
        assert!(run_query(&mut context, "CREATE TABLE x AS SELECT * FROM t").is_err());
        assert_eq!(
            run_query(&mut context, "SELECT * FROM t").unwrap().height(),
            3
        );
    }
}
