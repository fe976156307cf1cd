//! The vocabulary of field labels and table column headers.
//!
//! This is the grammar of the listing format, not facts about the world, so
//! it lives beside the parser. Any `Label: value` line is a field; these
//! lists say which labels may also be written `Label – value`, which carry
//! dates, and which words make a row of table headers.

/// Labels recognised before a dash as well as before a colon. A dash after
/// any other words (`Myanmar - Promoting Rights at Work`) is part of a title.
pub const KNOWN_LABELS: &[&str] = &[
    "beneficiaries",
    "development partner",
    "development partners",
    "donor partner",
    "financing",
    "funding partner",
    "funding partners",
    "funding source",
    "implemented by",
    "lead agency",
    "implementing organisations",
    "implementing organizations",
    "source of funds",
    "budget",
    "countries",
    "country",
    "date",
    "dates",
    "description",
    "development objective",
    "donor",
    "donors",
    "duration",
    "end date",
    "executing agency",
    "financed by",
    "funded by",
    "funder",
    "funders",
    "funding",
    "immediate objective",
    "immediate objectives",
    "implementing agency",
    "implementing organisation",
    "implementing organization",
    "implementing partner",
    "implementing partners",
    "location",
    "objective",
    "objectives",
    "partner",
    "partners",
    "period",
    "project code",
    "project duration",
    "region",
    "regions",
    "sector",
    "start date",
    "status",
    "summary",
    "target group",
    "target groups",
    "time frame",
    "timeframe",
    "total budget",
];

/// Fields whose value is the project's date range.
pub const DATE_LABELS: &[&str] = &[
    "date",
    "dates",
    "duration",
    "period",
    "project duration",
    "time frame",
    "timeframe",
];

/// Fields holding only the start, or only the end, of the dates.
pub const START_DATE_LABELS: &[&str] = &["start date", "starting date", "start", "starts"];
pub const END_DATE_LABELS: &[&str] = &["end date", "ending date", "completion date", "end", "ends"];

/// Column headers of a flattened table, by what the column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    StartDate,
    EndDate,
    /// Both dates in one cell.
    Dates,
    /// Anything else becomes a field named after the header.
    Field,
}

/// What a table header cell names, if it is a header word at all.
pub fn column(header: &str) -> Option<Column> {
    let key = crate::record::normalise_label(header);
    Some(match key.as_str() {
        "project title" | "title" | "project" | "project name" | "name" => Column::Title,
        "start date" | "start" | "starting date" | "from" => Column::StartDate,
        "end date" | "end" | "ending date" | "to" | "completion date" => Column::EndDate,
        "dates" | "duration" | "period" => Column::Dates,
        _ if KNOWN_LABELS.contains(&key.as_str()) => Column::Field,
        _ => return None,
    })
}

pub fn is_known_label(label: &str) -> bool {
    KNOWN_LABELS.contains(&crate::record::normalise_label(label).as_str())
}

pub fn is_start_date_label(label: &str) -> bool {
    START_DATE_LABELS.contains(&crate::record::normalise_label(label).as_str())
}

pub fn is_end_date_label(label: &str) -> bool {
    END_DATE_LABELS.contains(&crate::record::normalise_label(label).as_str())
}

pub fn is_date_label(label: &str) -> bool {
    DATE_LABELS.contains(&crate::record::normalise_label(label).as_str())
}
