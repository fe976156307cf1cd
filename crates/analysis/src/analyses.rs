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
//! Adding a file adds its table and chart on the next run. A subtitle may
//! name a column of the result in braces, `{projects_total}`: it reads that
//! column's value in the first row.

use crate::header::{parse_header, Header, HeaderError};
use crate::write::TableError;
use polars::prelude::*;
use polars::sql::SQLContext;
use polars_io::prelude::{ParquetReader, SerReader};
use std::collections::HashSet;
use std::fs::File;
use std::path::{Path, PathBuf};

/// One analysis file.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The file name without `.sql`: the name of its table and chart.
    pub name: String,
    pub path: PathBuf,
    pub sql: String,
    pub header: Header,
}

/// An analysis that ran.
#[derive(Debug, Clone)]
pub struct AnalysisResult {
    pub analysis: Analysis,
    /// The result, or once written only its first rows (see
    /// [`AnalysisResult::keep_first`]).
    pub frame: DataFrame,
    /// Rows of the whole result.
    pub rows: usize,
}

impl AnalysisResult {
    /// Keeps the first `rows` rows and the schema: once the result is
    /// written and drawn, that is all the report and data package use, and
    /// a result of a million rows need not stay in memory.
    pub fn keep_first(&mut self, rows: usize) {
        let first = self.frame.head(Some(rows));
        // A slice shares its columns' buffers with the whole result, which
        // would all stay in memory: the kept values are copied.
        self.frame = copy_values(&first).unwrap_or(first);
    }
}

/// A frame with the same values in buffers of its own.
fn copy_values(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let columns = frame
        .columns()
        .iter()
        .map(|column| {
            let series = column.as_materialized_series();
            let values: Vec<AnyValue> = series.iter().collect();
            Series::from_any_values_and_dtype(series.name().clone(), &values, series.dtype(), true)
                .map(Column::from)
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    DataFrame::new(frame.height(), columns)
}

/// What went wrong with one analysis file, and which file.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct AnalysisError {
    pub path: PathBuf,
    pub reason: Reason,
}

#[derive(Debug, thiserror::Error)]
pub enum Reason {
    #[error("cannot read: {0}")]
    Read(#[source] std::io::Error),
    #[error("analysis names may use only letters, digits, `_` and `-`")]
    UnsafeName,
    #[error(transparent)]
    Header(#[from] HeaderError),
    #[error("no SQL query after the header")]
    NoQuery,
    #[error("{0}")]
    Query(String),
    #[error(transparent)]
    Tables(#[from] TableError),
    /// A column the header names for the chart is not in the result.
    #[error(
        "the header's `{key}` names the column `{column}`, which the result does not have (its columns: {})",
        found.join(", ")
    )]
    MissingColumn {
        key: &'static str,
        column: String,
        found: Vec<String>,
    },
}

fn error(path: &Path, reason: impl Into<Reason>) -> AnalysisError {
    AnalysisError {
        path: path.to_path_buf(),
        reason: reason.into(),
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
        return Err(error(path, Reason::UnsafeName));
    }
    let header: String = text
        .lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .map(|l| l.trim_start().trim_start_matches("--").trim())
        .collect::<Vec<_>>()
        .join("\n");
    let header = parse_header(&header).map_err(|err| error(path, err))?;
    let sql: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    if sql.trim().is_empty() {
        return Err(error(path, Reason::NoQuery));
    }
    Ok(Analysis {
        name,
        path: path.to_path_buf(),
        sql,
        header,
    })
}

/// Every `*.sql` file of `dir`, by `order` then name.
pub fn load_analyses(dir: &Path) -> Result<Vec<Analysis>, AnalysisError> {
    let entries = std::fs::read_dir(dir).map_err(|err| error(dir, Reason::Read(err)))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    let mut analyses = paths
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|err| error(path, Reason::Read(err)))?;
            parse_analysis(path, &text)
        })
        .collect::<Result<Vec<_>, _>>()?;
    analyses.sort_by(|a, b| (a.header.order, &a.name).cmp(&(b.header.order, &b.name)));
    Ok(analyses)
}

/// The analyses `(file name, text)` built into the binary, by `order`
/// then name, as [`load_analyses`] orders a directory's.
pub fn parse_analyses(files: &[(&str, &str)]) -> Result<Vec<Analysis>, AnalysisError> {
    let mut analyses = files
        .iter()
        .map(|(name, text)| parse_analysis(&Path::new("analyses").join(name), text))
        .collect::<Result<Vec<_>, _>>()?;
    analyses.sort_by(|a, b| (a.header.order, &a.name).cmp(&(b.header.order, &b.name)));
    Ok(analyses)
}

/// Runs a query over `tables`, which it may only read: the statement must
/// be a `SELECT` or `WITH`; anything else (`CREATE`, `DROP`, `COPY`…) is
/// refused.
///
/// The tables are taken, not shared: once the query is planned the SQL
/// context is dropped, the plan holds the only reference to each table,
/// and polars frees an input column as soon as no later step needs it (a
/// timeline's million region lists once its one region a project is
/// computed) instead of keeping every input under the whole query.
pub fn run_query(tables: Vec<(String, DataFrame)>, sql: &str) -> Result<DataFrame, String> {
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
    let mut context = SQLContext::new();
    for (name, frame) in tables {
        context.register(&name, frame.lazy());
    }
    let plan = context
        .execute(sql)
        .map_err(|err| format!("SQL error: {err}"))?;
    drop(context);
    plan.collect().map_err(|err| format!("SQL error: {err}"))
}

/// Runs one analysis over the tables, which it consumes (see
/// [`run_query`]), and checks that the result has every column its chart
/// reads.
pub fn run_analysis(
    analysis: &Analysis,
    tables: Vec<(String, DataFrame)>,
) -> Result<AnalysisResult, AnalysisError> {
    let frame = run_query(tables, &analysis.sql)
        .map_err(|message| error(&analysis.path, Reason::Query(message)))?;
    for (key, column) in analysis.header.chart.columns() {
        if frame.column(column).is_err() {
            return Err(error(
                &analysis.path,
                Reason::MissingColumn {
                    key,
                    column: column.to_string(),
                    found: column_names(&frame),
                },
            ));
        }
    }
    let mut analysis = analysis.clone();
    if let Some(subtitle) = &analysis.header.subtitle {
        let filled = fill_subtitle(subtitle, &frame).map_err(|err| error(&analysis.path, err))?;
        analysis.header.subtitle = Some(filled);
    }
    Ok(AnalysisResult {
        analysis,
        rows: frame.height(),
        frame,
    })
}

/// The names of a result's columns, for an error that says what there is.
fn column_names(frame: &DataFrame) -> Vec<String> {
    frame
        .get_column_names()
        .iter()
        .map(|name| name.to_string())
        .collect()
}

/// A subtitle may name a column of the result in braces (`{projects_total}
/// projects`): each is replaced by that column's value in the first row,
/// so a chart states a count its query computes ("12 of 40 projects state
/// a budget"). An empty result or an empty cell gives `?`; a name that is
/// not a column of the result is an error.
fn fill_subtitle(subtitle: &str, frame: &DataFrame) -> Result<String, Reason> {
    let mut out = String::with_capacity(subtitle.len());
    let mut rest = subtitle;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        let column = frame.column(name).map_err(|_| Reason::MissingColumn {
            key: "subtitle",
            column: name.to_string(),
            found: column_names(frame),
        })?;
        let value = if frame.height() == 0 {
            None
        } else {
            column.get(0).ok()
        };
        match value {
            None | Some(AnyValue::Null) => out.push('?'),
            Some(value) => match value.get_str() {
                Some(text) => out.push_str(text),
                None => out.push_str(&value.to_string()),
            },
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Runs an analysis over the Parquet tables in `dir`, reading only what its
/// query names (see [`tables_for_query`]).
pub fn run_analysis_on_parquet(
    dir: &Path,
    analysis: &Analysis,
) -> Result<AnalysisResult, AnalysisError> {
    let tables = tables_for_query(dir, &analysis.sql).map_err(|err| error(&analysis.path, err))?;
    run_analysis(analysis, tables)
}

/// The words of a query that could name a table or a column: identifiers,
/// and the text of double-quoted identifiers, whole. Words inside string
/// literals (`'funder'`), comments and quoted names (`"countries and
/// territories"` names no column `countries`) name none, and reading the
/// columns they spell would only cost memory.
fn query_words(sql: &str) -> HashSet<&str> {
    let (unquoted, quoted) = words_and_quoted_names(sql);
    unquoted.into_iter().chain(quoted).collect()
}

/// The identifier-like words of SQL text outside quotes and comments, and
/// the names in double quotes (`"end"`).
fn words_and_quoted_names(sql: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut words, mut quoted) = (Vec::new(), Vec::new());
    let mut rest = sql;
    while let Some(at) = rest.find(['"', '\'', '-']) {
        words.extend(identifiers(&rest[..at]));
        let mark = &rest[at..];
        let skip = if mark.starts_with("--") {
            mark.find('\n').unwrap_or(mark.len())
        } else if let Some(quote) = mark.strip_prefix(['"', '\'']) {
            let close = quote.find(&mark[..1]).unwrap_or(quote.len());
            if mark.starts_with('"') {
                quoted.push(&quote[..close]);
            }
            (1 + close + 1).min(mark.len())
        } else {
            1
        };
        rest = &mark[skip..];
    }
    words.extend(identifiers(rest));
    (words, quoted)
}

/// Column names of the tables that are also SQL keywords: a query must
/// quote them (`SELECT "end" FROM projects`).
const KEYWORD_COLUMNS: &[&str] = &["end"];

/// A query's error said plainly where it names a column the tables lack:
/// polars reports it against the columns it was given, which are only
/// those the query names (or none, where a keyword such as `end` stands
/// unquoted for a column). The message then lists the columns of each
/// table the query reads, from the files' schemas, and says to quote a
/// keyword used as a column's name. Other errors are kept as they are.
pub fn explain_query_error(dir: &Path, sql: &str, error: &str) -> String {
    if !error.contains("unable to find column") {
        return error.to_string();
    }
    let (unquoted, _) = words_and_quoted_names(sql);
    let mut message = error
        .split_once("; valid columns")
        .map_or(error, |(head, _)| head)
        .to_string();
    let keyword = KEYWORD_COLUMNS
        .iter()
        .find(|k| unquoted.iter().any(|w| w.eq_ignore_ascii_case(k)));
    if let Some(keyword) = keyword {
        message.push_str(&format!(
            "\n`{keyword}` is an SQL keyword: name the column in double quotes, \"{keyword}\""
        ));
    }
    // A query the parser refuses (or reads no table from) names its
    // tables among its words.
    let mut tables: Vec<String> = match query_tables(sql).filter(|t| !t.is_empty()) {
        Some(tables) => tables.into_iter().collect(),
        None => unquoted.iter().map(|w| w.to_string()).collect(),
    };
    tables.sort();
    tables.dedup();
    for table in tables {
        let path = dir.join(format!("{table}.parquet"));
        let schema = File::open(&path)
            .ok()
            .and_then(|file| ParquetReader::new(file).schema().ok());
        // Words that name no table (`id`, `FROM`) have no file.
        if let Some(schema) = schema {
            let names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
            message.push_str(&format!("\n`{table}` has the columns {}", names.join(", ")));
        }
    }
    message
}

/// The identifier-like words of SQL text outside quotes and comments.
fn identifiers(sql: &str) -> impl Iterator<Item = &str> {
    sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// The tables a query reads (every relation in its `FROM` and `JOIN`
/// clauses, common table expressions included), as polars' SQL parser
/// reads it; `None` when it does not parse (polars then says why).
fn query_tables(sql: &str) -> Option<HashSet<String>> {
    polars::sql::extract_table_identifiers(sql, false, true)
        .ok()
        .map(|tables| tables.into_iter().collect())
}

/// Whether a query selects every column somewhere: a `*` that starts a
/// select list (`SELECT *`, `SELECT DISTINCT *`), follows a comma in one
/// (`SELECT a, *`) or qualifies a table (`t.*`). `COUNT(*)` and a
/// multiplication (`100.0 * n`) read no column.
fn selects_all_columns(sql: &str) -> bool {
    sql.match_indices('*').any(|(at, _)| {
        let before = sql[..at].trim_end();
        let last_word = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        before.ends_with(',')
            || before.ends_with('.')
            || ["SELECT", "DISTINCT", "ALL"]
                .iter()
                .any(|w| last_word.eq_ignore_ascii_case(w))
    })
}

/// The tables a query reads, from the `NAME.parquet` files of `dir`: only
/// the tables it reads from (a `projects` that is only a column alias is
/// not read), and of those only the columns it mentions (all of them when
/// it selects `*`). A column name that also
/// occurs as another word only means a column too many is read. This is
/// how an analysis of a million projects reads a few columns instead of
/// every evidence sentence.
pub fn tables_for_query(dir: &Path, sql: &str) -> Result<Vec<(String, DataFrame)>, TableError> {
    let words = query_words(sql);
    let tables_read = query_tables(sql);
    let all_columns = selects_all_columns(sql);
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TableError::Io { path, source }
    };
    let polars_error = |path: &Path| {
        let path = path.to_path_buf();
        move |cause| TableError::Polars { path, cause }
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "parquet"))
        .collect();
    paths.sort();
    let mut tables = Vec::new();
    for path in paths {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = match &tables_read {
            Some(tables) => tables.contains(&name),
            None => words.contains(name.as_str()),
        };
        if !read {
            continue;
        }
        let open = || File::open(&path).map_err(io_error(&path));
        let schema = ParquetReader::new(open()?)
            .schema()
            .map_err(polars_error(&path))?;
        let names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
        let mut wanted: Vec<String> = if all_columns {
            names.clone()
        } else {
            names
                .iter()
                .filter(|n| words.contains(n.as_str()))
                .cloned()
                .collect()
        };
        // `COUNT(*)` needs the rows, not their values: one column.
        if wanted.is_empty() {
            wanted.extend(names.into_iter().take(1));
        }
        // One column at a time, each made one chunk before the next is
        // read. A row group per batch makes many chunks, which polars
        // would otherwise join again in every operation; joining them
        // takes twice the column's size for a moment, and twice one column
        // is less than twice the table.
        let mut columns = Vec::with_capacity(wanted.len());
        for column in wanted {
            let mut frame = ParquetReader::new(open()?)
                .with_columns(Some(vec![column]))
                .finish()
                .map_err(polars_error(&path))?;
            frame.rechunk_mut_par();
            columns.extend(frame.into_columns());
        }
        let frame = DataFrame::new_infer_height(columns).map_err(polars_error(&path))?;
        tables.push((name, frame));
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::ChartKind;

    fn frame() -> DataFrame {
        df!("region" => ["Asia", "Asia", "Africa"], "project_id" => ["a", "b", "c"]).unwrap()
    }

    #[test]
    fn header_and_query_are_read() {
        let text = "-- title = \"By region\"\n-- chart = \"bar\"\n-- x = \"region\"\n-- y = \"projects\"\nSELECT region, COUNT(*) AS projects FROM t GROUP BY region ORDER BY region\n";
        let analysis = parse_analysis(Path::new("analyses/by_region.sql"), text).unwrap();
        assert_eq!(analysis.name, "by_region");
        assert_eq!(analysis.header.chart.kind(), ChartKind::Bar);
        let frame = frame();
        let result = run_analysis(&analysis, vec![("t".into(), frame.clone())]).unwrap();
        let out = &result.frame;
        assert_eq!(out.height(), 2);
        assert_eq!(
            out.column("region").unwrap().str().unwrap().get(0),
            Some("Africa")
        );
    }

    #[test]
    fn a_bad_header_names_the_file_and_the_key() {
        let text = "-- title = \"Map\"\n-- chart = \"map\"\n-- value = \"projects\"\nSELECT 1";
        let err = parse_analysis(Path::new("analyses/map.sql"), text).unwrap_err();
        assert!(matches!(
            err.reason,
            Reason::Header(HeaderError::MissingKey { key: "iso3", .. })
        ));
        assert_eq!(
            err.to_string(),
            "analyses/map.sql: the header has no `iso3`, which a `map` chart needs"
        );
        let text = "-- title = \"t\"\n-- chart = \"none\"\n-- colour = \"x\"\nSELECT 1";
        let err = parse_analysis(Path::new("analyses/t.sql"), text).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("analyses/t.sql: key `colour` is not one of a `none` chart"),
            "{err}"
        );
    }

    #[test]
    fn a_column_the_header_names_must_be_in_the_result() {
        let text = "-- title = \"By region\"\n-- chart = \"bar\"\n-- x = \"region\"\n\
                    -- y = \"projects\"\nSELECT region, COUNT(*) AS n FROM t GROUP BY region";
        let analysis = parse_analysis(Path::new("analyses/by_region.sql"), text).unwrap();
        let err = run_analysis(&analysis, vec![("t".into(), frame())]).unwrap_err();
        match &err.reason {
            Reason::MissingColumn { key, column, found } => {
                assert_eq!((*key, column.as_str()), ("y", "projects"));
                assert_eq!(found, &["region", "n"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            err.to_string(),
            "analyses/by_region.sql: the header's `y` names the column `projects`, \
             which the result does not have (its columns: region, n)"
        );
    }

    #[test]
    fn the_first_rows_kept_are_copied_with_their_types() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2020, 1, d);
        let mut table = crate::TableBuilder::default();
        table
            .text(
                "title",
                vec![Some("a"), None, Some("a title longer than twelve bytes")],
            )
            .integer("months", vec![Some(1), Some(2), None])
            .date("start", vec![day(1), None, day(3)])
            .text_list(
                "regions",
                vec![vec!["Asia", "Africa"], vec![], vec!["Europe"]],
            );
        let frame = table.build().unwrap();
        let analysis = parse_analysis(
            Path::new("a.sql"),
            "-- title = \"t\"\n-- chart = \"none\"\nSELECT * FROM t",
        )
        .unwrap();
        // Every type of the tables copies (else the slice would be kept).
        let copied = copy_values(&frame).unwrap();
        assert!(copied.equals_missing(&frame));
        let mut result = run_analysis(&analysis, vec![("t".into(), frame.clone())]).unwrap();
        result.keep_first(2);
        assert!(
            result.frame.equals_missing(&frame.head(Some(2))),
            "{:?}",
            result.frame
        );
        assert_eq!(result.frame.schema(), frame.schema());
        // The rows counted are the whole result's.
        assert_eq!(result.rows, 3);
    }

    #[test]
    fn a_subtitle_states_values_of_the_first_row() {
        let header = "-- title = \"t\"\n-- subtitle = \"{n} of {total} projects; {region} first\"\n-- chart = \"none\"\n";
        let sql = "SELECT region, COUNT(*) AS n, 3 AS total FROM t GROUP BY region ORDER BY n DESC";
        let analysis = parse_analysis(Path::new("a.sql"), &format!("{header}{sql}")).unwrap();
        let result = run_analysis(&analysis, vec![("t".into(), frame())]).unwrap();
        assert_eq!(
            result.analysis.header.subtitle.as_deref(),
            Some("2 of 3 projects; Asia first")
        );
        let empty = format!("{header}{sql} LIMIT 0");
        let analysis = parse_analysis(Path::new("a.sql"), &empty).unwrap();
        let result = run_analysis(&analysis, vec![("t".into(), frame())]).unwrap();
        assert_eq!(
            result.analysis.header.subtitle.as_deref(),
            Some("? of ? projects; ? first")
        );
        let unknown =
            "-- title = \"t\"\n-- subtitle = \"{nope}\"\n-- chart = \"none\"\nSELECT region FROM t";
        let analysis = parse_analysis(Path::new("a.sql"), unknown).unwrap();
        let err = run_analysis(&analysis, vec![("t".into(), frame())]).unwrap_err();
        assert!(
            matches!(&err.reason, Reason::MissingColumn { key: "subtitle", column, .. } if column == "nope"),
            "{err}"
        );
    }

    #[test]
    fn bad_sql_names_the_file_and_the_error() {
        let text = "-- title = \"x\"\n-- chart = \"none\"\nSELECT nope FROM missing_table\n";
        let analysis = parse_analysis(Path::new("analyses/broken.sql"), text).unwrap();
        let frame = frame();
        let err = run_analysis(&analysis, vec![("t".into(), frame.clone())]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("analyses/broken.sql: SQL error"),
            "{err}"
        );
    }

    #[test]
    fn bad_header_and_unsafe_names_are_refused() {
        let err = parse_analysis(Path::new("a/x.sql"), "-- chart = \"pie\"\nSELECT 1").unwrap_err();
        assert!(matches!(
            err.reason,
            Reason::Header(HeaderError::UnknownKind { .. })
        ));
        let err = parse_analysis(
            Path::new("a/../x y.sql"),
            "-- title=\"t\"\n-- chart=\"none\"\nSELECT 1",
        )
        .unwrap_err();
        assert!(matches!(err.reason, Reason::UnsafeName));
    }

    #[test]
    fn only_select_queries_run() {
        let frame = frame();
        let tables = || vec![("t".into(), frame.clone())];
        assert!(run_query(tables(), "DROP TABLE t")
            .unwrap_err()
            .contains("only SELECT"));
        assert!(run_query(tables(), "CREATE TABLE x AS SELECT * FROM t").is_err());
        assert_eq!(run_query(tables(), "SELECT * FROM t").unwrap().height(), 3);
    }

    #[test]
    fn a_query_reads_only_the_tables_and_columns_it_names() {
        let dir = tempfile::tempdir().unwrap();
        let mut regions = df!(
            "project_id" => ["a", "b", "c"],
            "region" => ["Asia", "Asia", "Africa"],
            "evidence" => ["long text", "long text", "long text"]
        )
        .unwrap();
        crate::write_parquet(&dir.path().join("project_regions.parquet"), &mut regions).unwrap();
        let mut projects = df!("id" => ["a", "b", "c"], "title" => ["x", "y", "z"]).unwrap();
        crate::write_parquet(&dir.path().join("projects.parquet"), &mut projects).unwrap();
        let columns = |sql: &str| -> Vec<(String, Vec<String>)> {
            tables_for_query(dir.path(), sql)
                .unwrap()
                .into_iter()
                .map(|(name, frame)| {
                    let names = frame
                        .get_column_names()
                        .iter()
                        .map(|n| n.to_string())
                        .collect();
                    (name, names)
                })
                .collect()
        };
        let by_region =
            "SELECT region, COUNT(DISTINCT project_id) AS n FROM project_regions GROUP BY region";
        assert_eq!(
            columns(by_region),
            [(
                "project_regions".to_string(),
                vec!["project_id".to_string(), "region".to_string()]
            )]
        );
        // `projects` as an alias of a count is not the projects table.
        let aliased = "SELECT region, COUNT(*) AS projects FROM project_regions GROUP BY region";
        let read: Vec<String> = columns(aliased).into_iter().map(|(name, _)| name).collect();
        assert_eq!(read, ["project_regions"]);
        // Tables in joins, subqueries and common table expressions are read.
        let nested = "WITH r AS (SELECT project_id FROM project_regions) \
                      SELECT p.title FROM projects p JOIN (SELECT * FROM r) x ON p.id = x.project_id";
        let read: Vec<String> = columns(nested).into_iter().map(|(name, _)| name).collect();
        assert_eq!(read, ["project_regions", "projects"]);
        // A query that does not parse falls back to every table it names,
        // and polars says what is wrong.
        let broken = "SELECT region FROM project_regions WHERE";
        assert_eq!(columns(broken).len(), 1);
        // COUNT(*) needs the rows: one column, every row.
        let counted = tables_for_query(dir.path(), "SELECT COUNT(*) AS n FROM projects").unwrap();
        assert_eq!(counted[0].1.width(), 1);
        assert_eq!(counted[0].1.height(), 3);
        // A `*` that multiplies selects no column.
        let share = "SELECT 100.0 * COUNT(*) / 3 AS share FROM projects";
        assert_eq!(tables_for_query(dir.path(), share).unwrap()[0].1.width(), 1);
        for every in [
            "SELECT * FROM projects",
            "select distinct * from projects",
            "SELECT id, * FROM projects",
            "SELECT p.* FROM projects p",
        ] {
            assert_eq!(
                columns(every),
                [(
                    "projects".to_string(),
                    vec!["id".to_string(), "title".to_string()]
                )],
                "{every}"
            );
        }
        // Words in a quoted name, a string or a comment name no column; a
        // quoted column is read.
        let quoted = "-- the title of each region\n\
                      SELECT COUNT(*) AS \"title\", 'evidence' AS \"region id\", \"region\" \
                      FROM project_regions GROUP BY \"region\"";
        assert_eq!(
            columns(quoted),
            [("project_regions".to_string(), vec!["region".to_string()])]
        );
        assert_eq!(
            query_words("SELECT a-b, 'it''s' FROM \"t"),
            HashSet::from(["SELECT", "a", "b", "FROM", "t"])
        );
        // `*` reads every column, in the file's order, with its values
        // (the columns are read one by one).
        let all = tables_for_query(dir.path(), "SELECT * FROM project_regions").unwrap();
        assert!(all[0].1.equals(&regions), "{:?}", all[0].1);
        let analysis = parse_analysis(
            Path::new("by_region.sql"),
            &format!("-- title = \"t\"\n-- chart = \"none\"\n{by_region} ORDER BY region"),
        )
        .unwrap();
        let result = run_analysis_on_parquet(dir.path(), &analysis).unwrap();
        assert_eq!(result.frame.height(), 2);
        assert_eq!(result.rows, 2);
    }
}
