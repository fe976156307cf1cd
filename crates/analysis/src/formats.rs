//! Which files each table is written as.
//!
//! Parquet is always written: the analyses and `devcoop query` read it,
//! and with its dictionaries and compression the tables take about the
//! input's own size. CSV and JSON Lines are for people and tools that do
//! not read Parquet, and are written when asked for: spelt out as text,
//! every project id, name and code on every row, they take five and ten
//! times the input.
//!
//! ```
//! use devcoop_analysis::{TableFormat, TableFormats};
//! let formats = TableFormats::new(&["parquet".parse().unwrap()]).unwrap();
//! assert!(!formats.csv && !formats.jsonl);
//! assert_eq!(formats.primary_extension(), "parquet");
//! assert!(TableFormats::new(&[TableFormat::Csv]).is_err());
//! ```

use serde::Deserialize;
use std::str::FromStr;

/// One file format of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum TableFormat {
    Csv,
    Jsonl,
    Parquet,
}

impl TableFormat {
    /// Every format, in the order the files are listed.
    pub const ALL: [TableFormat; 3] = [TableFormat::Csv, TableFormat::Jsonl, TableFormat::Parquet];

    /// The file extension, which is also the format's name.
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Jsonl => "jsonl",
            TableFormat::Parquet => "parquet",
        }
    }
}

impl FromStr for TableFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        TableFormat::ALL
            .into_iter()
            .find(|format| format.extension() == name)
            .ok_or_else(|| {
                format!("`{name}` is not a table format: expected csv, jsonl or parquet")
            })
    }
}

impl TryFrom<String> for TableFormat {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        name.parse()
    }
}

/// The formats a run writes its tables in: Parquet, and CSV and JSON Lines
/// when chosen (by default neither: the default is Parquet alone). Read
/// from a list of format names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<TableFormat>")]
pub struct TableFormats {
    pub csv: bool,
    pub jsonl: bool,
}

impl TryFrom<Vec<TableFormat>> for TableFormats {
    type Error = String;

    fn try_from(formats: Vec<TableFormat>) -> Result<Self, String> {
        TableFormats::new(&formats)
    }
}

impl TableFormats {
    /// The formats named; Parquet must be one of them, since the analyses
    /// read it.
    pub fn new(formats: &[TableFormat]) -> Result<Self, String> {
        if !formats.contains(&TableFormat::Parquet) {
            return Err(
                "the table formats must include parquet: the analyses and `devcoop query` read it"
                    .into(),
            );
        }
        Ok(TableFormats {
            csv: formats.contains(&TableFormat::Csv),
            jsonl: formats.contains(&TableFormat::Jsonl),
        })
    }

    /// Whether tables are written in `format`.
    pub fn has(self, format: TableFormat) -> bool {
        match format {
            TableFormat::Csv => self.csv,
            TableFormat::Jsonl => self.jsonl,
            TableFormat::Parquet => true,
        }
    }

    /// The formats written, in [`TableFormat::ALL`] order.
    pub fn written(self) -> impl Iterator<Item = TableFormat> {
        TableFormat::ALL
            .into_iter()
            .filter(move |&format| self.has(format))
    }

    /// The file a person opens first: CSV when it is written, else Parquet.
    pub fn primary_extension(self) -> &'static str {
        if self.csv {
            "csv"
        } else {
            "parquet"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_to_formats_and_unknown_names_say_what_is_expected() {
        assert_eq!("jsonl".parse::<TableFormat>(), Ok(TableFormat::Jsonl));
        let err = "xlsx".parse::<TableFormat>().unwrap_err();
        assert!(
            err.contains("`xlsx`") && err.contains("csv, jsonl or parquet"),
            "{err}"
        );
    }

    #[test]
    fn parquet_is_required_and_the_others_are_chosen() {
        let only_csv = TableFormats::new(&[TableFormat::Csv, TableFormat::Jsonl]);
        assert!(only_csv.unwrap_err().contains("must include parquet"));
        let formats = TableFormats::new(&[TableFormat::Parquet, TableFormat::Jsonl]).unwrap();
        assert_eq!(
            formats.written().collect::<Vec<_>>(),
            [TableFormat::Jsonl, TableFormat::Parquet]
        );
        assert_eq!(formats.primary_extension(), "parquet");
        assert_eq!(
            TableFormats::default().written().collect::<Vec<_>>(),
            [TableFormat::Parquet]
        );
        let all = TableFormats::new(&TableFormat::ALL).unwrap();
        assert_eq!(all.written().count(), 3);
        assert_eq!(all.primary_extension(), "csv");
    }
}
