//! An analysis result (a polars frame and its chart header) → a `Chart`.

use crate::draw::{years_instead, TIMELINE_MAX_ROWS};
use crate::model::{Chart, ChartBody, TimelineRow};
use analysis::{column_dates, column_numbers, column_texts, require_column, AnalysisResult};
use analysis::{Axes, ChartSpec};

/// The chart an analysis asks for, or `None` for a table-only analysis.
/// `caption` says where the data come from.
///
/// The header was checked when the file was read, and the result's
/// columns when the query ran; a column that cannot be read as the chart
/// needs (text where a number is due) is still an error here.
pub fn chart_for(result: &AnalysisResult, caption: &str) -> Result<Option<Chart>, String> {
    let header = &result.analysis.header;
    let frame = &result.frame;
    // Axis titles default to the column names.
    let titled =
        |given: &Option<String>, column: &str| given.clone().unwrap_or_else(|| column.to_string());
    let axes = |axes: &Axes, x: &str, y: &str| (titled(&axes.x_title, x), titled(&axes.y_title, y));
    let ((x_title, y_title), body) = match &header.chart {
        ChartSpec::None | ChartSpec::Figures => return Ok(None),
        ChartSpec::Bars {
            horizontal,
            x,
            y,
            axes: given,
        } => (
            axes(given, x, y),
            ChartBody::Bars {
                horizontal: *horizontal,
                labels: column_texts(frame, x)?,
                values: column_numbers(frame, y)?
                    .into_iter()
                    .map(|v| v.unwrap_or(0.0))
                    .collect(),
            },
        ),
        ChartSpec::Stacked {
            x,
            y,
            series,
            axes: given,
        } => (axes(given, x, y), stacked(result, x, y, series)?),
        ChartSpec::Histogram {
            x,
            bin,
            count,
            axes: given,
        } => {
            let numbers = column_numbers(frame, x)?;
            let times = match count {
                Some(count) => column_numbers(frame, count)?,
                None => vec![Some(1.0); numbers.len()],
            };
            (
                (
                    titled(&given.x_title, x),
                    given.y_title.clone().unwrap_or_default(),
                ),
                ChartBody::Histogram {
                    values: numbers
                        .into_iter()
                        .zip(times)
                        .filter_map(|(number, times)| Some((number?, times?)))
                        .collect(),
                    bin: *bin,
                },
            )
        }
        ChartSpec::Timeline {
            label,
            start,
            end,
            colour,
            x_title,
        } => {
            let starts = column_dates(frame, start)?;
            let ends = column_dates(frame, end)?;
            let dated = starts.iter().flatten().count();
            if dated > TIMELINE_MAX_ROWS {
                // Only the years are drawn (projects active per year):
                // labels and colours are not read, and no row is made for
                // each project, which keeps a million titles and rows out
                // of memory. A label or colour column that is not there is
                // still a mistake.
                require_column(frame, label)?;
                if let Some(colour) = colour {
                    require_column(frame, colour)?;
                }
                let spans = starts
                    .iter()
                    .zip(&ends)
                    .filter_map(|(start, end)| start.map(|start| (start, end.unwrap_or(start))));
                return Ok(Some(years_instead(&header.title, caption, dated, spans)));
            }
            let labels = column_texts(frame, label)?;
            let groups = match colour {
                Some(colour) => column_texts(frame, colour)?,
                None => vec![String::new(); starts.len()],
            };
            let rows = labels
                .into_iter()
                .zip(starts)
                .zip(ends)
                .zip(groups)
                .filter_map(|(((label, start), end), group)| {
                    let start = start?;
                    Some(TimelineRow {
                        label,
                        start,
                        end: end.unwrap_or(start),
                        group,
                    })
                })
                .collect();
            (
                (x_title.clone().unwrap_or_default(), String::new()),
                ChartBody::Timeline { rows },
            )
        }
        ChartSpec::Matrix {
            x,
            y,
            value,
            axes: given,
        } => (axes(given, x, y), matrix(result, x, y, value)?),
        ChartSpec::Map {
            iso3,
            value,
            legend,
        } => {
            let codes = column_texts(frame, iso3)?;
            let values = column_numbers(frame, value)?;
            (
                // The legend is titled by `legend`, else the value column.
                (String::new(), titled(legend, value)),
                ChartBody::Map {
                    values: codes
                        .into_iter()
                        .zip(values)
                        .filter_map(|(code, value)| Some((code, value?)))
                        .filter(|(code, _)| !code.is_empty())
                        .collect(),
                },
            )
        }
    };
    Ok(Some(Chart {
        title: header.title.clone(),
        subtitle: header.subtitle.clone(),
        caption: caption.to_string(),
        x_title,
        y_title,
        body,
    }))
}

/// Bars of `x` split by `series`, each row adding its `y`.
fn stacked(result: &AnalysisResult, x: &str, y: &str, series: &str) -> Result<ChartBody, String> {
    let frame = &result.frame;
    let xs = column_texts(frame, x)?;
    let ss = column_texts(frame, series)?;
    let ys = column_numbers(frame, y)?;
    let mut labels: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (xv, sv) in xs.iter().zip(&ss) {
        if !labels.contains(xv) {
            labels.push(xv.clone());
        }
        if !names.contains(sv) {
            names.push(sv.clone());
        }
    }
    let mut series: Vec<(String, Vec<f64>)> = names
        .iter()
        .map(|n| (n.clone(), vec![0.0; labels.len()]))
        .collect();
    for ((xv, sv), yv) in xs.iter().zip(&ss).zip(&ys) {
        let (Some(i), Some(k)) = (
            labels.iter().position(|l| l == xv),
            names.iter().position(|n| n == sv),
        ) else {
            continue;
        };
        series[k].1[i] += yv.unwrap_or(0.0);
    }
    Ok(ChartBody::Stacked { labels, series })
}

/// A grid of `value` with a column per `x` and a row per `y`, both sorted.
fn matrix(result: &AnalysisResult, x: &str, y: &str, value: &str) -> Result<ChartBody, String> {
    let frame = &result.frame;
    let xs = column_texts(frame, x)?;
    let ys = column_texts(frame, y)?;
    let vs = column_numbers(frame, value)?;
    let mut columns: Vec<String> = xs.clone();
    columns.sort();
    columns.dedup();
    let mut rows: Vec<String> = ys.clone();
    rows.sort();
    rows.dedup();
    let mut values = vec![vec![0.0; columns.len()]; rows.len()];
    for ((xv, yv), vv) in xs.iter().zip(&ys).zip(&vs) {
        let (Some(c), Some(r)) = (
            columns.iter().position(|c| c == xv),
            rows.iter().position(|r| r == yv),
        ) else {
            continue;
        };
        values[r][c] += vv.unwrap_or(0.0);
    }
    Ok(ChartBody::Matrix {
        rows,
        columns,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use analysis::analyses::parse_analysis;
    use analysis::TableBuilder;
    use std::path::Path;

    /// A timeline analysis over `rows` projects; `with_labels` says whether
    /// the result has the `title` column its header names.
    fn timeline(rows: usize, with_labels: bool) -> AnalysisResult {
        let header = "-- title = \"Timeline\"\n-- chart = \"timeline\"\n\
                      -- label = \"title\"\n-- start = \"start\"\n-- end = \"end\"\n";
        let analysis = parse_analysis(
            Path::new("timeline.sql"),
            &format!("{header}SELECT title, start, \"end\" FROM projects"),
        )
        .unwrap();
        let day = |year| chrono::NaiveDate::from_ymd_opt(year, 1, 1);
        let mut table = TableBuilder::default();
        if with_labels {
            table.text("title", (0..rows).map(|i| Some(format!("P{i}"))).collect());
        }
        table
            .date("start", (0..rows).map(|_| day(2001)).collect())
            .date("end", (0..rows).map(|_| day(2003)).collect());
        let frame = table.build().unwrap();
        AnalysisResult {
            analysis,
            rows,
            frame,
        }
    }

    /// The histogram of `months`, each with how many projects last it
    /// when `counts` are given, a row per project otherwise.
    fn histogram(months: &[i64], counts: Option<&[i64]>) -> Chart {
        let count_key = if counts.is_some() {
            "-- count = \"n\"\n"
        } else {
            ""
        };
        let header = format!(
            "-- title = \"Durations\"\n-- chart = \"histogram\"\n-- x = \"months\"\n-- bin = 6\n{count_key}"
        );
        let analysis =
            parse_analysis(Path::new("durations.sql"), &format!("{header}SELECT 1")).unwrap();
        let mut table = TableBuilder::default();
        table.integer("months", months.iter().map(|&m| Some(m)).collect());
        if let Some(counts) = counts {
            table.integer("n", counts.iter().map(|&n| Some(n)).collect());
        }
        let result = AnalysisResult {
            analysis,
            rows: months.len(),
            frame: table.build().unwrap(),
        };
        chart_for(&result, "").unwrap().unwrap()
    }

    #[test]
    fn a_histogram_of_counted_rows_equals_one_of_a_row_each() {
        let bins = |chart: Chart| match chart.body {
            ChartBody::Histogram { values, bin } => crate::histogram_bins(&values, bin),
            other => panic!("not a histogram: {other:?}"),
        };
        let (labels, counts) = bins(histogram(&[2, 3, 3, 3, 8, 14], None));
        assert_eq!(labels, ["0–5", "6–11", "12–17"]);
        assert_eq!(counts, [4.0, 1.0, 1.0]);
        let counted = bins(histogram(&[2, 3, 8, 14], Some(&[1, 3, 1, 1])));
        assert_eq!(counted, (labels, counts));
    }

    fn rows_of(chart: Chart) -> Vec<TimelineRow> {
        match chart.body {
            ChartBody::Timeline { rows } => rows,
            other => panic!("not a timeline: {other:?}"),
        }
    }

    #[test]
    fn a_timeline_reads_labels_only_when_it_draws_them() {
        let few = chart_for(&timeline(TIMELINE_MAX_ROWS, true), "").unwrap();
        let few = rows_of(few.unwrap());
        assert_eq!(few.len(), TIMELINE_MAX_ROWS);
        assert_eq!(few[0].label, "P0");
        // A long timeline is made projects active per year at once, with
        // no row (nor label) for each project.
        let many = chart_for(&timeline(TIMELINE_MAX_ROWS + 1, true), "")
            .unwrap()
            .unwrap();
        let projects = (TIMELINE_MAX_ROWS + 1) as f64;
        assert_eq!(
            many.body,
            ChartBody::Bars {
                horizontal: false,
                labels: vec!["2001".into(), "2002".into(), "2003".into()],
                values: vec![projects; 3],
            }
        );
        assert_eq!(many.title, "Timeline");
        assert!(many
            .subtitle
            .unwrap()
            .starts_with(&format!("{} projects are too many", TIMELINE_MAX_ROWS + 1)));
    }

    #[test]
    fn a_missing_label_column_is_an_error_however_many_rows() {
        for rows in [3, TIMELINE_MAX_ROWS + 1] {
            let err = chart_for(&timeline(rows, false), "").unwrap_err();
            assert!(err.contains("no column `title`"), "{rows} rows: {err}");
        }
    }
}
