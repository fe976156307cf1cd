//! Building a data frame column by column from plain Rust values.

use polars::prelude::*;
use polars_arrow::array::{MutableBinaryViewArray, View};
use polars_buffer::Buffer;

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

/// A string column in which a value equal to the last one stored before it
/// shares its bytes (values of up to 12 bytes are never stored: they live
/// in their views). The fact tables repeat a project's sentence on each
/// row found in it (two or three rows a sentence in a typical listing),
/// and copying each cell was half the copying of a run (BENCHMARKS.md).
/// polars' builders copy every value, so the column's views are made
/// here: Arrow string views may point many times at the same bytes.
fn text_column<S: AsRef<str>>(name: &str, values: &[Option<S>]) -> StringChunked {
    let total: usize = values.iter().flatten().map(|v| v.as_ref().len()).sum();
    // A view's offset is 32 bits: a column this large (never a batch of
    // projects) gets polars' own buffers.
    if u32::try_from(total).is_err() {
        return StringChunked::from_iter_options(name.into(), values.iter().map(Option::as_ref));
    }
    let mut bytes: Vec<u8> = Vec::new();
    let mut offsets: Vec<u32> = Vec::with_capacity(values.len());
    let mut above: Option<(&str, u32)> = None;
    for value in values {
        let offset = match value.as_ref().map(AsRef::as_ref) {
            Some(text) if text.len() > View::MAX_INLINE_SIZE as usize => match above {
                Some((same, offset)) if same == text => offset,
                _ => {
                    // Below u32::MAX: `total` fits in 32 bits.
                    let offset = bytes.len() as u32;
                    bytes.extend_from_slice(text.as_bytes());
                    above = Some((text, offset));
                    offset
                }
            },
            // Short values live in their view; nulls have none.
            _ => 0,
        };
        offsets.push(offset);
    }
    let buffers = [Buffer::from(bytes)];
    let mut array = MutableBinaryViewArray::<str>::with_capacity(values.len());
    for (value, &offset) in values.iter().zip(&offsets) {
        match value {
            Some(text) => {
                let view = View::new_from_bytes(text.as_ref().as_bytes(), 0, offset);
                array.push_view(view, &buffers);
            }
            None => array.push_null(),
        }
    }
    StringChunked::with_chunk(name.into(), array.freeze())
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
    fn equal_neighbours_share_their_bytes_and_read_back_as_written() {
        let sentence = "The project is funded by the European Union in Morocco.";
        let values = vec![
            Some(sentence),
            Some(sentence),
            None,
            Some("Morocco"),
            Some(sentence),
            Some("Another sentence, long enough not to be inlined."),
            Some(""),
        ];
        let column = text_column("evidence", &values);
        let read: Vec<Option<&str>> = column.iter().collect();
        assert_eq!(read, values);
        assert_eq!(column.null_count(), 1);
        // The sentence is stored once: the fifth row, after a null and a
        // short value, shares it too; short values live in their views.
        let stored: usize = column
            .downcast_iter()
            .map(|array| array.total_buffer_len())
            .sum();
        assert_eq!(stored, sentence.len() + values[5].map_or(0, str::len));
    }

    #[test]
    fn a_column_of_short_values_or_nulls_only_needs_no_buffer() {
        let values: Vec<Option<String>> = vec![None, Some("EU".into()), None];
        let column = text_column("code", &values);
        assert_eq!(column.iter().collect::<Vec<_>>(), [None, Some("EU"), None]);
        assert_eq!(text_column::<&str>("empty", &[]).len(), 0);
    }
}
