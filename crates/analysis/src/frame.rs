//! Building a data frame column by column from plain Rust values.

use polars::prelude::*;

/// Collects named columns of one table, in order.
#[derive(Default)]
pub struct TableBuilder {
    columns: Vec<Column>,
}

impl TableBuilder {
    pub fn text<S: AsRef<str>>(&mut self, name: &str, values: Vec<Option<S>>) -> &mut Self {
        self.columns.push(text_column(name, &values).into_column());
        self
    }

    pub fn integer(&mut self, name: &str, values: Vec<Option<i64>>) -> &mut Self {
        self.columns.push(Column::new(name.into(), values));
        self
    }

    /// Decimal numbers (amounts of money).
    pub fn number(&mut self, name: &str, values: Vec<Option<f64>>) -> &mut Self {
        self.columns.push(Column::new(name.into(), values));
        self
    }

    /// Calendar dates, stored as polars `Date`.
    pub fn date(&mut self, name: &str, values: Vec<Option<chrono::NaiveDate>>) -> &mut Self {
        use chrono::Datelike;
        // Days since 1970-01-01, the physical form of a polars Date.
        const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;
        let days: Vec<Option<i32>> = values
            .into_iter()
            .map(|d| d.map(|d| d.num_days_from_ce() - UNIX_EPOCH_DAYS_FROM_CE))
            .collect();
        let column = Series::new(name.into(), days)
            .cast(&DataType::Date)
            .map(Column::from)
            .unwrap_or_else(|_| Column::full_null(name.into(), 0, &DataType::Date));
        self.columns.push(column);
        self
    }

    /// A list of strings per row (funders, countries…).
    pub fn text_list<S: AsRef<str>>(&mut self, name: &str, values: Vec<Vec<S>>) -> &mut Self {
        let items: usize = values.iter().map(Vec::len).sum();
        let mut builder = ListStringChunkedBuilder::new(name.into(), values.len(), items);
        for row in &values {
            builder.append_values_iter(row.iter().map(AsRef::as_ref));
        }
        self.columns.push(builder.finish().into_column());
        self
    }

    pub fn build(self) -> PolarsResult<DataFrame> {
        DataFrame::new_infer_height(self.columns)
    }
}

fn text_column<S: AsRef<str>>(name: &str, values: &[Option<S>]) -> StringChunked {
    StringChunked::from_iter_options(
        name.into(),
        values.iter().map(|v| v.as_ref().map(AsRef::as_ref)),
    )
}

fn column<'a>(frame: &'a DataFrame, name: &str) -> Result<&'a Column, String> {
    frame
        .column(name)
        .map_err(|_| format!("no column `{name}` in the result"))
}

/// Checks that a result has the column `name`, for a chart that names it
/// without reading it.
pub fn require_column(frame: &DataFrame, name: &str) -> Result<(), String> {
    column(frame, name).map(|_| ())
}

/// A column as text, whatever its type (nulls become empty strings).
pub fn column_texts(frame: &DataFrame, name: &str) -> Result<Vec<String>, String> {
    let cast = column(frame, name)?
        .cast(&DataType::String)
        .map_err(|err| format!("column `{name}`: {err}"))?;
    let strings = cast
        .str()
        .map_err(|err| format!("column `{name}`: {err}"))?;
    Ok(strings
        .iter()
        .map(|v| v.unwrap_or("").to_string())
        .collect())
}

/// A numeric column as floats.
pub fn column_numbers(frame: &DataFrame, name: &str) -> Result<Vec<Option<f64>>, String> {
    let cast = column(frame, name)?
        .cast(&DataType::Float64)
        .map_err(|err| format!("column `{name}` is not numeric: {err}"))?;
    let floats = cast
        .f64()
        .map_err(|err| format!("column `{name}`: {err}"))?;
    Ok(floats.iter().collect())
}

/// A date column as calendar dates.
pub fn column_dates(
    frame: &DataFrame,
    name: &str,
) -> Result<Vec<Option<chrono::NaiveDate>>, String> {
    let cast = column(frame, name)?
        .cast(&DataType::Date)
        .and_then(|c| c.cast(&DataType::Int32))
        .map_err(|err| format!("column `{name}` is not a date: {err}"))?;
    let days = cast
        .i32()
        .map_err(|err| format!("column `{name}`: {err}"))?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    Ok(days
        .iter()
        .map(|d| d.and_then(|d| epoch.checked_add_signed(chrono::Duration::days(i64::from(d)))))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_columns_read_back_as_written_nulls_included() {
        let values = vec![
            Some("The project is funded by the EU."),
            None,
            Some(""),
            Some("EU"),
        ];
        let column = text_column("text", &values);
        assert_eq!(column.iter().collect::<Vec<_>>(), values);
        assert_eq!(column.null_count(), 1);
        assert_eq!(text_column::<&str>("empty", &[]).len(), 0);
    }
}
