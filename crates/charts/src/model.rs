//! What a chart shows, as plain data: no polars, no listings.

use chrono::NaiveDate;

/// A chart and its texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub subtitle: Option<String>,
    /// Under the chart: sources and number of projects.
    pub caption: String,
    pub x_title: String,
    pub y_title: String,
    pub body: ChartBody,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChartBody {
    /// One bar per category.
    Bars {
        horizontal: bool,
        labels: Vec<String>,
        values: Vec<f64>,
    },
    /// Bars split into series, stacked.
    Stacked {
        labels: Vec<String>,
        series: Vec<(String, Vec<f64>)>,
    },
    /// Counts of values in bins of `bin` width: each value with how many
    /// times it counts.
    Histogram { values: Vec<(f64, f64)>, bin: f64 },
    /// One bar per project from start to end, coloured by group.
    Timeline { rows: Vec<TimelineRow> },
    /// Counts in a grid.
    Matrix {
        rows: Vec<String>,
        columns: Vec<String>,
        /// `values[row][column]`
        values: Vec<Vec<f64>>,
    },
    /// A world map shaded by a value per territory: (ISO 3166-1 alpha-3
    /// code, value). Its legend is titled by the chart's `y_title`.
    Map { values: Vec<(String, f64)> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub group: String,
}
