//! The header of an analysis file: its leading `--` comment lines, TOML
//! that names the analysis and says how its result is drawn.
//!
//! Each chart kind has keys of its own ([`ChartKind::keys`]). The header is
//! checked when the file is read, before any query runs: an unknown key, a
//! key of another kind, a missing key or a value of the wrong type is a
//! [`HeaderError`] naming the key, and the run stops there instead of after
//! the query when the chart is drawn.

use toml::{Table, Value};

/// The header of one analysis file.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub title: String,
    pub subtitle: Option<String>,
    /// Where the analysis comes in the report: lower first, then by name.
    pub order: i64,
    pub chart: ChartSpec,
}

/// Where the report puts an analysis whose header gives no `order`.
pub const DEFAULT_ORDER: i64 = 100;

/// Axis titles given in the header; each defaults to the name of the
/// column on its axis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Axes {
    pub x_title: Option<String>,
    pub y_title: Option<String>,
}

/// How an analysis is drawn, with the result columns each kind needs.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// A bar per row: categories in column `x`, values in `y`; horizontal
    /// (`hbar`) for long category names.
    Bars {
        horizontal: bool,
        x: String,
        y: String,
        axes: Axes,
    },
    /// Bars split by the column `series`, stacked.
    Stacked {
        x: String,
        y: String,
        series: String,
        axes: Axes,
    },
    /// Counts of the numbers in column `x`, in bins `bin` wide; each row
    /// counts as many times as its column `count` says (a query grouped by
    /// `x`), once without it.
    Histogram {
        x: String,
        bin: f64,
        count: Option<String>,
        axes: Axes,
    },
    /// One bar per row from `start` to `end` (dates), labelled by `label`
    /// and coloured by the group in `colour`.
    Timeline {
        label: String,
        start: String,
        end: String,
        colour: Option<String>,
        x_title: Option<String>,
    },
    /// Values in a grid: `x` columns, `y` rows, `value` cells.
    Matrix {
        x: String,
        y: String,
        value: String,
        axes: Axes,
    },
    /// A world map: territories keyed by the ISO 3166-1 alpha-3 codes in
    /// column `iso3`, shaded by `value`; `legend` titles the legend.
    Map {
        iso3: String,
        value: String,
        legend: Option<String>,
    },
    /// The report's headline: one row, each column a figure shown under
    /// its name; no chart.
    Figures,
    /// A table only.
    None,
}

/// The value of `chart = "…"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Bar,
    Hbar,
    Stacked,
    Histogram,
    Timeline,
    Matrix,
    Map,
    Figures,
    None,
}

/// Keys of every header, whatever its kind.
const COMMON_KEYS: [&str; 4] = ["title", "subtitle", "chart", "order"];

impl ChartKind {
    pub const ALL: [ChartKind; 9] = [
        ChartKind::Bar,
        ChartKind::Hbar,
        ChartKind::Stacked,
        ChartKind::Histogram,
        ChartKind::Timeline,
        ChartKind::Matrix,
        ChartKind::Map,
        ChartKind::Figures,
        ChartKind::None,
    ];

    /// As written after `chart =`.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::Hbar => "hbar",
            ChartKind::Stacked => "stacked",
            ChartKind::Histogram => "histogram",
            ChartKind::Timeline => "timeline",
            ChartKind::Matrix => "matrix",
            ChartKind::Map => "map",
            ChartKind::Figures => "figures",
            ChartKind::None => "none",
        }
    }

    fn from_name(name: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The keys a header of this kind may have besides [`COMMON_KEYS`].
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            ChartKind::Bar | ChartKind::Hbar => &["x", "y", "x_title", "y_title"],
            ChartKind::Stacked => &["x", "y", "series", "x_title", "y_title"],
            ChartKind::Histogram => &["x", "bin", "count", "x_title", "y_title"],
            ChartKind::Timeline => &["label", "start", "end", "colour", "x_title"],
            ChartKind::Matrix => &["x", "y", "value", "x_title", "y_title"],
            ChartKind::Map => &["iso3", "value", "legend"],
            ChartKind::Figures | ChartKind::None => &[],
        }
    }
}

impl ChartSpec {
    pub fn kind(&self) -> ChartKind {
        match self {
            ChartSpec::Bars {
                horizontal: false, ..
            } => ChartKind::Bar,
            ChartSpec::Bars {
                horizontal: true, ..
            } => ChartKind::Hbar,
            ChartSpec::Stacked { .. } => ChartKind::Stacked,
            ChartSpec::Histogram { .. } => ChartKind::Histogram,
            ChartSpec::Timeline { .. } => ChartKind::Timeline,
            ChartSpec::Matrix { .. } => ChartKind::Matrix,
            ChartSpec::Map { .. } => ChartKind::Map,
            ChartSpec::Figures => ChartKind::Figures,
            ChartSpec::None => ChartKind::None,
        }
    }

    /// The result columns the chart reads, each with the header key that
    /// names it.
    pub fn columns(&self) -> Vec<(&'static str, &str)> {
        match self {
            ChartSpec::Bars { x, y, .. } => vec![("x", x), ("y", y)],
            ChartSpec::Stacked { x, y, series, .. } => {
                vec![("x", x), ("y", y), ("series", series)]
            }
            ChartSpec::Histogram { x, count, .. } => {
                let mut columns = vec![("x", x)];
                columns.extend(count.iter().map(|c| ("count", c)));
                columns
            }
            ChartSpec::Timeline {
                label,
                start,
                end,
                colour,
                ..
            } => {
                let mut columns = vec![("label", label), ("start", start), ("end", end)];
                columns.extend(colour.iter().map(|c| ("colour", c)));
                columns
            }
            ChartSpec::Matrix { x, y, value, .. } => {
                vec![("x", x), ("y", y), ("value", value)]
            }
            ChartSpec::Map { iso3, value, .. } => vec![("iso3", iso3), ("value", value)],
            ChartSpec::Figures | ChartSpec::None => Vec::new(),
        }
        .into_iter()
        .map(|(key, column)| (key, column.as_str()))
        .collect()
    }
}

/// What is wrong with a header; the file is named by
/// [`crate::AnalysisError`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HeaderError {
    #[error("the `--` header is not valid TOML: {0}")]
    Syntax(String),
    #[error("the header has no `chart` (one of {})", kind_names())]
    NoChart,
    #[error("`chart = \"{name}\"` is not a chart kind (one of {kinds})", kinds = kind_names())]
    UnknownKind { name: String },
    #[error("the header has no `{key}`, which a `{kind}` chart needs")]
    MissingKey {
        key: &'static str,
        kind: &'static str,
    },
    #[error("unknown key `{key}` in the header")]
    UnknownKey { key: String },
    #[error("key `{key}` is not one of a `{kind}` chart (it is for {})", others.join(", "))]
    KeyOfOtherKind {
        key: String,
        kind: &'static str,
        /// The kinds that have this key.
        others: Vec<&'static str>,
    },
    #[error("key `{key}` must be {expected}")]
    WrongType {
        key: &'static str,
        expected: &'static str,
    },
}

fn kind_names() -> String {
    ChartKind::ALL.map(ChartKind::name).join(", ")
}

/// Parses the header's TOML text (without the `--` marks).
pub fn parse_header(text: &str) -> Result<Header, HeaderError> {
    let table: Table = toml::from_str(text)
        .map_err(|err| HeaderError::Syntax(err.message().trim_end().to_string()))?;
    let kind = match table.get("chart") {
        None => return Err(HeaderError::NoChart),
        Some(Value::String(name)) => ChartKind::from_name(name)
            .ok_or_else(|| HeaderError::UnknownKind { name: name.clone() })?,
        Some(_) => {
            return Err(HeaderError::WrongType {
                key: "chart",
                expected: "a string",
            })
        }
    };
    for key in table.keys() {
        if COMMON_KEYS.contains(&key.as_str()) || kind.keys().contains(&key.as_str()) {
            continue;
        }
        let others: Vec<&'static str> = ChartKind::ALL
            .into_iter()
            .filter(|k| k.keys().contains(&key.as_str()))
            .map(ChartKind::name)
            .collect();
        return Err(if others.is_empty() {
            HeaderError::UnknownKey { key: key.clone() }
        } else {
            HeaderError::KeyOfOtherKind {
                key: key.clone(),
                kind: kind.name(),
                others,
            }
        });
    }
    let keys = Keys {
        table: &table,
        kind,
    };
    let axes = || -> Result<Axes, HeaderError> {
        Ok(Axes {
            x_title: keys.text("x_title")?,
            y_title: keys.text("y_title")?,
        })
    };
    let chart = match kind {
        ChartKind::Bar | ChartKind::Hbar => ChartSpec::Bars {
            horizontal: kind == ChartKind::Hbar,
            x: keys.column("x")?,
            y: keys.column("y")?,
            axes: axes()?,
        },
        ChartKind::Stacked => ChartSpec::Stacked {
            x: keys.column("x")?,
            y: keys.column("y")?,
            series: keys.column("series")?,
            axes: axes()?,
        },
        ChartKind::Histogram => ChartSpec::Histogram {
            x: keys.column("x")?,
            bin: keys.bin()?,
            count: keys.optional_column("count")?,
            axes: axes()?,
        },
        ChartKind::Timeline => ChartSpec::Timeline {
            label: keys.column("label")?,
            start: keys.column("start")?,
            end: keys.column("end")?,
            colour: keys.optional_column("colour")?,
            x_title: keys.text("x_title")?,
        },
        ChartKind::Matrix => ChartSpec::Matrix {
            x: keys.column("x")?,
            y: keys.column("y")?,
            value: keys.column("value")?,
            axes: axes()?,
        },
        ChartKind::Map => ChartSpec::Map {
            iso3: keys.column("iso3")?,
            value: keys.column("value")?,
            legend: keys.text("legend")?,
        },
        ChartKind::Figures => ChartSpec::Figures,
        ChartKind::None => ChartSpec::None,
    };
    let title = keys.text("title")?.ok_or(HeaderError::MissingKey {
        key: "title",
        kind: kind.name(),
    })?;
    let order = match table.get("order") {
        None => DEFAULT_ORDER,
        Some(Value::Integer(order)) => *order,
        Some(_) => {
            return Err(HeaderError::WrongType {
                key: "order",
                expected: "a whole number",
            })
        }
    };
    Ok(Header {
        title,
        subtitle: keys.text("subtitle")?,
        order,
        chart,
    })
}

/// Typed reads of a header's keys, for one chart kind.
struct Keys<'a> {
    table: &'a Table,
    kind: ChartKind,
}

impl Keys<'_> {
    /// A text key, if given.
    fn text(&self, key: &'static str) -> Result<Option<String>, HeaderError> {
        match self.table.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(HeaderError::WrongType {
                key,
                expected: "a string",
            }),
        }
    }

    /// A key naming a result column, if given: a string that is not empty.
    fn optional_column(&self, key: &'static str) -> Result<Option<String>, HeaderError> {
        match self.text(key)? {
            Some(column) if column.is_empty() => Err(HeaderError::WrongType {
                key,
                expected: "the name of a column",
            }),
            column => Ok(column),
        }
    }

    /// A key naming a result column that this kind needs.
    fn column(&self, key: &'static str) -> Result<String, HeaderError> {
        self.optional_column(key)?.ok_or(HeaderError::MissingKey {
            key,
            kind: self.kind.name(),
        })
    }

    /// A histogram's bin width: a number above zero, 1 when not given.
    fn bin(&self) -> Result<f64, HeaderError> {
        let bin = match self.table.get("bin") {
            None => return Ok(1.0),
            Some(Value::Integer(bin)) => *bin as f64,
            Some(Value::Float(bin)) => *bin,
            Some(_) => f64::NAN,
        };
        if bin.is_finite() && bin > 0.0 {
            Ok(bin)
        } else {
            Err(HeaderError::WrongType {
                key: "bin",
                expected: "a number above 0",
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(lines: &[&str]) -> Result<Header, HeaderError> {
        parse_header(&lines.join("\n"))
    }

    #[test]
    fn every_kind_reads_its_keys() {
        let bars = header(&[
            "title = \"By region\"",
            "chart = \"hbar\"",
            "x = \"region\"",
            "y = \"projects\"",
            "y_title = \"Projects\"",
            "# a comment",
        ])
        .unwrap();
        assert_eq!(bars.title, "By region");
        assert_eq!(bars.order, DEFAULT_ORDER);
        assert_eq!(
            bars.chart,
            ChartSpec::Bars {
                horizontal: true,
                x: "region".into(),
                y: "projects".into(),
                axes: Axes {
                    x_title: None,
                    y_title: Some("Projects".into())
                },
            }
        );
        assert_eq!(bars.chart.kind(), ChartKind::Hbar);
        let map = header(&[
            "title = \"Map\"",
            "chart = \"map\"",
            "order = 52",
            "iso3 = \"code\"",
            "value = \"projects\"",
        ])
        .unwrap();
        assert_eq!(map.order, 52);
        assert_eq!(
            map.chart.columns(),
            [("iso3", "code"), ("value", "projects")]
        );
        // Every kind accepts every key it lists.
        for kind in ChartKind::ALL {
            let mut lines = vec![
                "title = \"t\"".to_string(),
                "subtitle = \"s\"".to_string(),
                format!("chart = \"{}\"", kind.name()),
            ];
            for key in kind.keys() {
                lines.push(match *key {
                    "bin" => "bin = 6".to_string(),
                    key => format!("{key} = \"{key}\""),
                });
            }
            let parsed = parse_header(&lines.join("\n")).unwrap();
            assert_eq!(parsed.chart.kind(), kind);
            assert_eq!(parsed.subtitle.as_deref(), Some("s"));
        }
    }

    #[test]
    fn an_unknown_key_is_named() {
        let err = header(&[
            "title = \"t\"",
            "chart = \"bar\"",
            "x = \"a\"",
            "y = \"b\"",
            "colour_by = \"c\"",
        ]);
        assert_eq!(
            err,
            Err(HeaderError::UnknownKey {
                key: "colour_by".into()
            })
        );
    }

    #[test]
    fn a_key_of_another_kind_is_named_with_its_kinds() {
        let err = header(&[
            "title = \"t\"",
            "chart = \"bar\"",
            "x = \"a\"",
            "y = \"b\"",
            "bin = 5",
        ])
        .unwrap_err();
        assert_eq!(
            err,
            HeaderError::KeyOfOtherKind {
                key: "bin".into(),
                kind: "bar",
                others: vec!["histogram"],
            }
        );
        assert_eq!(
            err.to_string(),
            "key `bin` is not one of a `bar` chart (it is for histogram)"
        );
    }

    #[test]
    fn a_missing_key_is_named_with_the_kind_that_needs_it() {
        let err = header(&["title = \"t\"", "chart = \"map\"", "value = \"projects\""]);
        assert_eq!(
            err,
            Err(HeaderError::MissingKey {
                key: "iso3",
                kind: "map"
            })
        );
        let err = header(&["chart = \"none\""]);
        assert_eq!(
            err,
            Err(HeaderError::MissingKey {
                key: "title",
                kind: "none"
            })
        );
        assert_eq!(header(&["title = \"t\""]), Err(HeaderError::NoChart));
    }

    #[test]
    fn an_unknown_chart_kind_is_named() {
        let err = header(&["title = \"t\"", "chart = \"pie\""]).unwrap_err();
        assert_eq!(err, HeaderError::UnknownKind { name: "pie".into() });
        assert!(err.to_string().contains("bar, hbar"), "{err}");
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named() {
        let wrong = |lines: &[&str]| match header(lines) {
            Err(HeaderError::WrongType { key, .. }) => key,
            other => panic!("{other:?}"),
        };
        assert_eq!(wrong(&["title = \"t\"", "chart = 3"]), "chart");
        assert_eq!(
            wrong(&["title = \"t\"", "chart = \"none\"", "order = \"1\""]),
            "order"
        );
        assert_eq!(wrong(&["title = 1", "chart = \"none\""]), "title");
        let histogram =
            |bin: &str| header(&["title = \"t\"", "chart = \"histogram\"", "x = \"m\"", bin]);
        assert_eq!(
            histogram("bin = 0.5").unwrap().chart,
            ChartSpec::Histogram {
                x: "m".into(),
                bin: 0.5,
                count: None,
                axes: Axes::default(),
            }
        );
        assert_eq!(
            histogram("count = \"n\"").unwrap().chart,
            ChartSpec::Histogram {
                x: "m".into(),
                bin: 1.0,
                count: Some("n".into()),
                axes: Axes::default(),
            }
        );
        for bad in ["bin = 0", "bin = -6", "bin = \"6\"", "bin = nan"] {
            assert!(
                matches!(
                    histogram(bad),
                    Err(HeaderError::WrongType { key: "bin", .. })
                ),
                "{bad}"
            );
        }
        assert!(matches!(
            header(&["title = \"t\"", "chart = \"bar\"", "x = \"\"", "y = \"b\""]),
            Err(HeaderError::WrongType { key: "x", .. })
        ));
    }

    #[test]
    fn a_header_that_is_not_toml_says_so() {
        let err = header(&["title = \"t", "chart = \"none\""]).unwrap_err();
        assert!(matches!(err, HeaderError::Syntax(_)), "{err:?}");
    }
}
