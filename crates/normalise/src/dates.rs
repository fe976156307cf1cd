//! Printed dates → calendar dates with their precision, durations and status.
//!
//! Rules (the gold annotation conventions, which are how a reader takes a
//! listing): a month-only start is the month's first day and a month-only
//! end its last day; a year-only start is 1 January and a year-only end
//! 31 December; a start printed without a year takes the end's year; a lone
//! date is a start with no end; an open range (`(2015-)`, `2017 – onwards`,
//! `2019 – to date`) has only a start.
//!
//! What the scanner reads is already whole years and settled numbers: a
//! two-digit end year (`2019-21`) comes as 2021, and a numeric date
//! (`01.07.2011`) as its day and month in the order the page uses. That
//! order is the page's, not the date's: `01/06/2020` is 1 June in Bern and
//! 6 January in Washington, and only the listing's other dates tell. So
//! [`parse_dates`] reads day first, as most listings do, and
//! [`parse_dates_in`] takes the order the listing reader settled.

use chrono::{Datelike, NaiveDate};
/// The order of day and month in numeric dates, which [`parse_dates_in`] takes.
pub use ingest::dates::NumericOrder;
use ingest::dates::{scan_date_in, scan_end_date_in, DateExpr, DatePart};
use ingest::lengths::TimeUnit;
use serde::Serialize;

/// How much of a date was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A calendar date and how precisely it was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProjectDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

/// A project's dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub start: Option<ProjectDate>,
    pub end: Option<ProjectDate>,
}

/// Why printed dates could not be turned into calendar dates.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date or date range")]
    NotADate(String),
    #[error("`{text}`: {day}/{month}/{year} is not a calendar date")]
    NoSuchDay {
        text: String,
        day: u32,
        month: u32,
        year: i32,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Start,
    End,
}

fn resolve(part: DatePart, year: i32, side: Side, text: &str) -> Result<ProjectDate, DateError> {
    let no_such_day = |day: u32, month: u32| DateError::NoSuchDay {
        text: text.to_string(),
        day,
        month,
        year,
    };
    let (date, precision) = match (part.day, part.month) {
        (Some(day), Some(month)) => (
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| no_such_day(day, month))?,
            Precision::Day,
        ),
        (None, Some(month)) => {
            let first =
                NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| no_such_day(1, month))?;
            let date = match side {
                Side::Start => first,
                Side::End => last_day_of_month(first).ok_or_else(|| no_such_day(1, month))?,
            };
            (date, Precision::Month)
        }
        _ => {
            let (month, day) = match side {
                Side::Start => (1, 1),
                Side::End => (12, 31),
            };
            (
                NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| no_such_day(day, month))?,
                Precision::Year,
            )
        }
    };
    Ok(ProjectDate { date, precision })
}

fn last_day_of_month(first: NaiveDate) -> Option<NaiveDate> {
    let (year, month) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)?.pred_opt()
}

/// Calendar dates of a recognised expression.
pub fn resolve_expr(expr: &DateExpr, text: &str) -> Result<DateRange, DateError> {
    let end = match expr.end {
        Some(part) => {
            let year = part
                .year
                .ok_or_else(|| DateError::NotADate(text.to_string()))?;
            Some(resolve(part, year, Side::End, text)?)
        }
        None => None,
    };
    let start_year = expr
        .start
        .year
        .or(end.map(|e| e.date.year()))
        .ok_or_else(|| DateError::NotADate(text.to_string()))?;
    // `1-3 June 2010`: a start printed as a day alone takes the end's month.
    let start_part = match (expr.start.day, expr.start.month, expr.end) {
        (Some(_), None, Some(end)) => DatePart {
            month: end.month,
            ..expr.start
        },
        _ => expr.start,
    };
    let start = resolve(start_part, start_year, Side::Start, text)?;
    Ok(DateRange {
        start: Some(start),
        end,
    })
}

/// Parses printed dates: a date line, a `Duration:` value, or table cells
/// joined by ` – `; numeric dates are read day first (see
/// [`parse_dates_in`]).
///
/// ```
/// use devcoop_normalise::dates::{parse_dates, Precision};
/// let range = parse_dates("1 August - 31 December 2010").unwrap();
/// assert_eq!(range.start.unwrap().date.to_string(), "2010-08-01");
/// assert_eq!(range.end.unwrap().precision, Precision::Day);
/// ```
pub fn parse_dates(text: &str) -> Result<DateRange, DateError> {
    parse_dates_in(text, NumericOrder::DayFirst)
}

/// [`parse_dates`] with numeric dates read in `order`, the listing's,
/// unless their own numbers allow only the other (`06/15/2020`).
///
/// ```
/// use devcoop_normalise::dates::{parse_dates_in, NumericOrder};
/// let range = parse_dates_in("01/06/2020 - 05/31/2021", NumericOrder::DayFirst).unwrap();
/// assert_eq!(range.start.unwrap().date.to_string(), "2020-01-06");
/// let range = parse_dates_in("01/06/2020", NumericOrder::MonthFirst).unwrap();
/// assert_eq!(range.start.unwrap().date.to_string(), "2020-01-06");
/// ```
///
/// A range's end alone (`Until 2023`, `bis 2024`: a date line under a
/// title that gives only when the project ends) has no start.
///
/// ```
/// use devcoop_normalise::dates::parse_dates;
/// let range = parse_dates("Until March 2023").unwrap();
/// assert_eq!(range.start, None);
/// assert_eq!(range.end.unwrap().date.to_string(), "2023-03-31");
/// ```
///
/// A start followed by a length (`March 2020 – 36 months`, as a `Start:`
/// and a `Duration:` field are joined, or `1 June 2019 (24 months)` on a
/// date line) ends where the length does: see [`end_after_length`].
///
/// ```
/// use devcoop_normalise::dates::{parse_dates, Precision};
/// let range = parse_dates("March 2020 – 36 months").unwrap();
/// let end = range.end.unwrap();
/// assert_eq!((end.date.to_string(), end.precision), ("2023-02-28".to_string(), Precision::Month));
/// ```
pub fn parse_dates_in(text: &str, order: NumericOrder) -> Result<DateRange, DateError> {
    if let Some(expr) = scan_date_in(text, order) {
        let mut range = resolve_expr(&expr, text)?;
        if let (Some(start), None, false) = (range.start, range.end, expr.open_end) {
            range.end = text
                .get(expr.len..)
                .and_then(|rest| end_after_length(start, rest));
        }
        return Ok(range);
    }
    // A dash alone is a bullet's, not an end's (`- 31.12.2013`).
    let end = scan_end_date_in(text, order)
        .filter(|end| text[end.len..].trim().is_empty())
        .filter(|_| text.trim_start().starts_with(char::is_alphabetic))
        .ok_or_else(|| DateError::NotADate(text.to_string()))?;
    let year = end
        .end
        .year
        .ok_or_else(|| DateError::NotADate(text.to_string()))?;
    Ok(DateRange {
        start: None,
        end: Some(resolve(end.end, year, Side::End, text)?),
    })
}

/// The last day of a project that starts at `start` and lasts the length
/// printed after its start, `rest` (`– 36 months`, `(2 years)`, `, for
/// 18 mois`: [`ingest::lengths::length_after_date`]). The end is as precise as the start: a
/// month-precise start ends on the last day of its last month (`March 2020`
/// and 36 months: February 2023), a day-precise one the day before the
/// same day that many months on (`1 March 2020`: 28 February 2023). A
/// year-precise start, a length of weeks from a month, and a length that
/// is no whole number of months or weeks tell no end.
pub fn end_after_length(start: ProjectDate, rest: &str) -> Option<ProjectDate> {
    let (length, _) = ingest::lengths::length_after_date(rest)?;
    let number: f64 = length.number.replace(',', ".").parse().ok()?;
    let whole = |n: f64| {
        let rounded = n.round();
        ((n - rounded).abs() < 1e-9 && (1.0..=1200.0).contains(&rounded)).then_some(rounded as u32)
    };
    match (length.unit, start.precision) {
        (_, Precision::Year) => None,
        (TimeUnit::Week, Precision::Day) => {
            let days = whole(number * 7.0)?;
            let date = start
                .date
                .checked_add_days(chrono::Days::new(u64::from(days) - 1))?;
            Some(ProjectDate { date, ..start })
        }
        (TimeUnit::Week, _) => None,
        (unit, precision) => {
            let months = whole(match unit {
                TimeUnit::Year => number * 12.0,
                _ => number,
            })?;
            let date = match precision {
                Precision::Day => start
                    .date
                    .checked_add_months(chrono::Months::new(months))?
                    .pred_opt()?,
                _ => {
                    let first = start.date.with_day(1)?;
                    let last_month = first.checked_add_months(chrono::Months::new(months - 1))?;
                    last_day_of_month(last_month)?
                }
            };
            Some(ProjectDate { date, precision })
        }
    }
}

/// Inclusive length in days: a project from 1 to 1 June lasts one day.
pub fn duration_days(range: &DateRange) -> Option<i64> {
    let (start, end) = (range.start?.date, range.end?.date);
    Some((end - start).num_days() + 1)
}

/// Whole calendar months from the start to the day after the end: 1 June
/// 2007 – 30 June 2009 is 25 months, 1 June – 15 July is 1 month. Whole
/// months are what the listings' own ranges are made of, so month-precise
/// ranges come out exact.
pub fn duration_months(range: &DateRange) -> Option<i64> {
    let (start, end) = (range.start?.date, range.end?.date);
    let after_end = end.succ_opt()?;
    if after_end <= start {
        return Some(0);
    }
    let mut months = i64::from(after_end.year() - start.year()) * 12 + i64::from(after_end.month())
        - i64::from(start.month());
    if after_end.day() < start.day() {
        months -= 1;
    }
    Some(months)
}

/// Where a project stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Planned,
    Active,
    Closed,
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Closed => "closed",
            Status::Unknown => "unknown",
        }
    }
}

/// Status on `reference`: before the start, planned; after the end, closed;
/// in between (or started with no end given), active.
pub fn status(range: &DateRange, reference: NaiveDate) -> Status {
    match (range.start, range.end) {
        (Some(start), _) if reference < start.date => Status::Planned,
        (_, Some(end)) if reference > end.date => Status::Closed,
        (Some(_), _) => Status::Active,
        (None, _) => Status::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(range: &DateRange) -> (Option<String>, Option<String>) {
        (
            range.start.map(|d| d.date.to_string()),
            range.end.map(|d| d.date.to_string()),
        )
    }

    fn both(text: &str) -> (Option<String>, Option<String>) {
        iso(&parse_dates(text).unwrap())
    }

    fn some(a: &str, b: &str) -> (Option<String>, Option<String>) {
        (Some(a.into()), Some(b.into()))
    }

    #[test]
    fn german_italian_and_portuguese_dates() {
        for (text, start, end) in [
            (
                "1. April 2017 bis 31. März 2020",
                "2017-04-01",
                "2020-03-31",
            ),
            ("Juni 2022 – Mai 2025", "2022-06-01", "2025-05-31"),
            ("febbraio 2017 – gennaio 2020", "2017-02-01", "2020-01-31"),
            (
                "fevereiro de 2014 – janeiro de 2017",
                "2014-02-01",
                "2017-01-31",
            ),
            (
                "De 1 de abril de 2016 a 31 de março de 2019",
                "2016-04-01",
                "2019-03-31",
            ),
            ("Dal 2018 al 2021", "2018-01-01", "2021-12-31"),
            ("dicembre 2019 – settembre 2021", "2019-12-01", "2021-09-30"),
        ] {
            assert_eq!(both(text), some(start, end), "{text}");
        }
    }

    #[test]
    fn a_range_end_alone_has_no_start() {
        for (text, end) in [
            ("Until 2023", "2023-12-31"),
            ("until March 2023", "2023-03-31"),
            ("bis 30.06.2024", "2024-06-30"),
            ("hasta 2022", "2022-12-31"),
            ("Jusqu'à décembre 2024", "2024-12-31"),
            ("Fino al 2022", "2022-12-31"),
            ("Até 2023", "2023-12-31"),
        ] {
            assert_eq!(both(text), (None, Some(end.to_string())), "{text}");
        }
        assert!(parse_dates("Until further notice").is_err());
        assert!(parse_dates("Until 2023 the office").is_err());
    }

    #[test]
    fn month_only_start_is_first_day_and_end_is_last_day() {
        assert_eq!(
            both("June 2007 – February 2008"),
            some("2007-06-01", "2008-02-29")
        );
        assert_eq!(
            both("MarchSeptember 2015"),
            some("2015-03-01", "2015-09-30")
        );
    }

    #[test]
    fn months_in_numbers_are_months() {
        assert_eq!(both("02/2019 – 02/2020"), some("2019-02-01", "2020-02-29"));
        let range = parse_dates("02/2019 – 02/2020").unwrap();
        assert_eq!(range.start.unwrap().precision, Precision::Month);
    }

    #[test]
    fn year_only_is_first_of_january_to_last_of_december() {
        assert_eq!(both("2007 - 2009"), some("2007-01-01", "2009-12-31"));
        let range = parse_dates("2007 - 2009").unwrap();
        assert_eq!(range.start.unwrap().precision, Precision::Year);
    }

    #[test]
    fn start_without_year_takes_the_end_year() {
        assert_eq!(
            both("1 August - 31 December 2010"),
            some("2010-08-01", "2010-12-31")
        );
    }

    #[test]
    fn day_range_within_a_month() {
        assert_eq!(both("1-3 June 2010"), some("2010-06-01", "2010-06-03"));
        assert_eq!(
            both("From 1 June 2007 to 30 June 2009"),
            some("2007-06-01", "2009-06-30")
        );
    }

    #[test]
    fn lone_date_is_start_without_end() {
        assert_eq!(both("07 October 2011"), (Some("2011-10-07".into()), None));
    }

    #[test]
    fn open_range_has_only_a_start() {
        assert_eq!(both("(2015-)"), (Some("2015-01-01".into()), None));
    }

    #[test]
    fn impossible_day_is_an_error_not_a_panic() {
        assert!(matches!(
            parse_dates("31 February 2009"),
            Err(DateError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2009,
                ..
            })
        ));
        assert!(parse_dates("1 June 99999").is_err());
    }

    #[test]
    fn a_start_and_its_length_end_where_the_length_does() {
        let end = |text: &str| {
            parse_dates(text)
                .unwrap()
                .end
                .map(|e| (e.date.to_string(), e.precision))
        };
        let day = |date: &str| Some((date.to_string(), Precision::Day));
        let month = |date: &str| Some((date.to_string(), Precision::Month));
        assert_eq!(end("March 2020 – 36 months"), month("2023-02-28"));
        assert_eq!(end("1 March 2020 – 36 months"), day("2023-02-28"));
        assert_eq!(end("1 June 2019 (2 years)"), day("2021-05-31"));
        assert_eq!(end("15 January 2021, for 18 mois."), day("2022-07-14"));
        assert_eq!(end("July 2019 – 1,5 Jahre"), month("2020-12-31"));
        assert_eq!(end("1 May 2022 – 6 weeks"), day("2022-06-11"));
        // What tells no end: a year alone, weeks from a month, a length no
        // whole number of months, words after the length.
        for text in [
            "2019 (3 years)",
            "May 2022 – 6 weeks",
            "1 March 2020 (2.3 years)",
            "March 2020 – 36 months of training",
            "March 2020 – 0 months",
        ] {
            assert_eq!(end(text), None, "{text}");
        }
        let range = parse_dates("March 2020 – 36 months").unwrap();
        assert_eq!(duration_months(&range), Some(36));
    }

    #[test]
    fn durations_in_days_and_whole_months() {
        let range = parse_dates("1 June 2007 - 30 June 2009").unwrap();
        assert_eq!(duration_days(&range), Some(761));
        assert_eq!(duration_months(&range), Some(25));
        let range = parse_dates("1 October 2007 - 1 March 2009").unwrap();
        assert_eq!(duration_months(&range), Some(17));
        let range = parse_dates("1 June 2007 - 15 July 2007").unwrap();
        assert_eq!(duration_months(&range), Some(1));
        let lone = parse_dates("07 October 2011").unwrap();
        assert_eq!(duration_days(&lone), None);
    }

    #[test]
    fn status_against_a_reference_date() {
        let range = parse_dates("1 June 2007 - 30 June 2009").unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(status(&range, day("2007-01-01")), Status::Planned);
        assert_eq!(status(&range, day("2008-01-01")), Status::Active);
        assert_eq!(status(&range, day("2009-06-30")), Status::Active);
        assert_eq!(status(&range, day("2009-07-01")), Status::Closed);
        assert_eq!(
            status(&DateRange::default(), day("2009-07-01")),
            Status::Unknown
        );
    }

    fn start_only(text: &str) -> (Option<String>, Option<String>) {
        let range = parse_dates(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(range.end, None, "{text}");
        iso(&range)
    }

    #[test]
    fn us_and_comma_forms() {
        assert_eq!(both("March 3, 2019"), (Some("2019-03-03".into()), None));
        assert_eq!(both("15 May, 2018"), (Some("2018-05-15".into()), None));
        assert_eq!(
            both("April, 2011 – June, 2013"),
            some("2011-04-01", "2013-06-30")
        );
        assert_eq!(
            both("Sept. 2019 – Jan. 2021"),
            some("2019-09-01", "2021-01-31")
        );
    }

    #[test]
    fn open_ranges_with_words_have_only_a_start() {
        for text in [
            "2017 – onwards",
            "2017 - present",
            "2017 – ongoing",
            "2017 - en cours",
            "2017 à ce jour",
            "2017 - actualidad",
            "2017 – presente",
            "(2017–present)",
        ] {
            assert_eq!(start_only(text).0.as_deref(), Some("2017-01-01"), "{text}");
        }
        assert_eq!(
            start_only("2019 – to date").0.as_deref(),
            Some("2019-01-01")
        );
        assert_eq!(
            start_only("March 2019 - now").0.as_deref(),
            Some("2019-03-01")
        );
        // A date line that is only `Since 2017` opens its range there;
        // words after it are prose.
        assert_eq!(start_only("since 2017").0.as_deref(), Some("2017-01-01"));
        assert!(parse_dates("since 2017 the office has grown").is_err());
    }

    #[test]
    fn two_digit_end_years() {
        assert_eq!(both("2019-21"), some("2019-01-01", "2021-12-31"));
        assert_eq!(both("2019/20"), some("2019-01-01", "2020-12-31"));
        assert_eq!(both("2014/2015"), some("2014-01-01", "2015-12-31"));
        assert_eq!(both("2019/20 – 2021/22"), some("2019-01-01", "2022-12-31"));
        assert_eq!(both("2019 a 2022"), some("2019-01-01", "2022-12-31"));
        assert_eq!(both("Q2 2019 – Q3 2021"), some("2019-04-01", "2021-09-30"));
        assert_eq!(both("FY2019–FY2021"), some("2019-01-01", "2021-12-31"));
        let range = parse_dates("2019-21").unwrap();
        assert_eq!(range.end.unwrap().precision, Precision::Year);
    }

    #[test]
    fn numeric_dates_day_first_by_default() {
        for text in [
            "01/06/2020",
            "1/6/2020",
            "01.06.2020",
            "01-06-2020",
            "2020/06/01",
        ] {
            assert_eq!(start_only(text).0.as_deref(), Some("2020-06-01"), "{text}");
        }
        assert_eq!(
            both("01/06/2020 - 31/05/2022"),
            some("2020-06-01", "2022-05-31")
        );
        assert_eq!(
            both("01.07.2011 - 31.12.2013"),
            some("2011-07-01", "2013-12-31")
        );
        // Table cells of a start line and an end line, joined.
        assert_eq!(
            both("01.07.2011 – 31.12.2013"),
            some("2011-07-01", "2013-12-31")
        );
        let range = parse_dates("01.07.2011").unwrap();
        assert_eq!(range.start.unwrap().precision, Precision::Day);
    }

    #[test]
    fn numeric_start_without_year_takes_the_end_year() {
        assert_eq!(both("1.6-31.8.2017"), some("2017-06-01", "2017-08-31"));
    }

    #[test]
    fn numeric_dates_in_the_order_given_unless_impossible() {
        let us = |text: &str| iso(&parse_dates_in(text, NumericOrder::MonthFirst).unwrap());
        assert_eq!(us("01/06/2020"), (Some("2020-01-06".into()), None));
        assert_eq!(
            us("06/01/2020 - 05/31/2022"),
            some("2020-06-01", "2022-05-31")
        );
        // 31/05 can only be day first, and settles the whole range.
        assert_eq!(
            us("01/06/2020 - 31/05/2022"),
            some("2020-06-01", "2022-05-31")
        );
        // 06/15 can only be month first, even on a day-first page.
        assert_eq!(both("06/15/2020"), (Some("2020-06-15".into()), None));
    }

    #[test]
    fn impossible_numeric_day_is_an_error() {
        assert!(matches!(
            parse_dates("31.02.2020"),
            Err(DateError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2020,
                ..
            })
        ));
    }

    #[test]
    fn numbers_that_are_no_dates_are_errors() {
        for text in [
            "12/30",
            "3.5",
            "- 31.12.2013",
            "01/06/20",
            "Tel. 01/234 5678",
        ] {
            assert!(
                matches!(parse_dates(text), Err(DateError::NotADate(_))),
                "{text}"
            );
        }
    }
}
