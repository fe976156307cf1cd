//! Recognising a printed length of time: `36 months`, `3 years`, `18 mois`,
//! `2,5 Jahre`.
//!
//! Listings give a project's length beside or instead of its end
//! (`Start: March 2020` / `Duration: 36 months`). This module only says what
//! was printed, the number as written and its unit; what a length means for
//! the calendar is the normaliser's job.
//!
//! ```
//! use devcoop_ingest::lengths::{length, TimeUnit};
//! let found = length("36 months (extendable)").unwrap();
//! assert_eq!((found.number, found.unit), ("36", TimeUnit::Month));
//! assert_eq!(&"36 months (extendable)"[..found.len], "36 months");
//! assert_eq!(length("2,5 Jahre").unwrap().unit, TimeUnit::Year);
//! assert!(length("36 partners").is_none());
//! assert!(length("March 2020").is_none());
//! ```

/// What a length of time is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Week,
    Month,
    Year,
}

/// Words for a unit of time after a number, in the languages of the field
/// labels (`labels::VOCABULARY`), lower case.
const TIME_UNITS: &[(&str, TimeUnit)] = &[
    ("week", TimeUnit::Week),
    ("weeks", TimeUnit::Week),
    ("semaine", TimeUnit::Week),
    ("semaines", TimeUnit::Week),
    ("semana", TimeUnit::Week),
    ("semanas", TimeUnit::Week),
    ("woche", TimeUnit::Week),
    ("wochen", TimeUnit::Week),
    ("month", TimeUnit::Month),
    ("months", TimeUnit::Month),
    ("mois", TimeUnit::Month),
    ("mes", TimeUnit::Month),
    ("meses", TimeUnit::Month),
    ("monat", TimeUnit::Month),
    ("monate", TimeUnit::Month),
    ("monaten", TimeUnit::Month),
    ("year", TimeUnit::Year),
    ("years", TimeUnit::Year),
    ("an", TimeUnit::Year),
    ("ans", TimeUnit::Year),
    ("année", TimeUnit::Year),
    ("années", TimeUnit::Year),
    ("año", TimeUnit::Year),
    ("años", TimeUnit::Year),
    ("jahr", TimeUnit::Year),
    ("jahre", TimeUnit::Year),
    ("jahren", TimeUnit::Year),
];

/// A length of time found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length<'a> {
    /// The number as printed: digits, with at most one `.` or `,` between
    /// them (`36`, `2.5`, `1,5`).
    pub number: &'a str,
    pub unit: TimeUnit,
    /// Bytes of the text the number and its unit cover.
    pub len: usize,
}

/// The length of time `text` starts with: a number, white space and a
/// unit of time, the unit ending the word (`36 months.` and `3 years,`
/// are lengths; `36 monthsx` and `12 partners` are not).
pub fn length(text: &str) -> Option<Length<'_>> {
    let number_len = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let number = &text[..number_len];
    let separators = number.matches(['.', ',']).count();
    if !number.starts_with(|c: char| c.is_ascii_digit())
        || !number.ends_with(|c: char| c.is_ascii_digit())
        || separators > 1
    {
        return None;
    }
    let after_number = &text[number_len..];
    let unit_at = number_len + (after_number.len() - after_number.trim_start().len());
    if unit_at == number_len {
        return None;
    }
    let rest = &text[unit_at..];
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..word_len].to_lowercase();
    let unit = TIME_UNITS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, unit)| unit)?;
    Some(Length {
        number,
        unit,
        len: unit_at + word_len,
    })
}

/// A length printed right after a date, and all that follows the date:
/// `– 36 months`, ` (2 years)`, `, for 18 mois.` (a dash, a comma or a
/// bracket, and `for`, `pour`, `por` or `für`, before it; a closing
/// bracket or a stop after it). The length, and how many bytes of `rest`
/// it and its marks cover; `None` when anything else follows the date.
///
/// ```
/// use devcoop_ingest::lengths::length_after_date;
/// let (length, len) = length_after_date(" (24 months)").unwrap();
/// assert_eq!((length.number, len), ("24", 12));
/// assert!(length_after_date(" – 24 months of training").is_none());
/// ```
pub fn length_after_date(rest: &str) -> Option<(Length<'_>, usize)> {
    let marks = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | '(')
    });
    if marks.len() == rest.len() {
        return None;
    }
    let words = ["for ", "pour ", "por ", "für "]
        .iter()
        .find_map(|word| marks.strip_prefix(word))
        .unwrap_or(marks)
        .trim_start();
    let found = length(words)?;
    let after = words.get(found.len..)?;
    let trailing = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ')' | '.'));
    trailing
        .is_empty()
        .then_some((found, rest.trim_end().len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Texts near a length: numbers, units of time in several scripts of
    /// Latin, marks, and anything printable.
    fn length_like() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ –(,]{0,3}(for |für )?[0-9.,]{0,5}[ \t]{0,2}(months|mois|años|année|Jahre|weeks|x)?[ ).,a-zé]{0,4}",
            "\\PC{0,24}",
        ]
    }

    proptest! {
        #[test]
        fn what_a_length_covers_is_a_slice_of_the_text(text in length_like(), rest in length_like()) {
            if let Some(found) = length(&text) {
                prop_assert!(text.get(..found.len).is_some());
                prop_assert!(text[..found.len].starts_with(found.number));
            }
            if let Some((_, covered)) = length_after_date(&rest) {
                prop_assert!(rest.get(..covered).is_some());
            }
        }

        #[test]
        fn every_listed_unit_after_a_number_is_a_length(
            number in 1u32..1000,
            unit in proptest::sample::select(TIME_UNITS),
            after in "[ ,.;)]{0,3}",
        ) {
            let text = format!("{number} {}{after}", unit.0);
            let found = length(&text);
            prop_assert_eq!(found.map(|f| (f.number.to_string(), f.unit)), Some((number.to_string(), unit.1)));
        }
    }

    #[test]
    fn a_number_and_a_unit_of_time_in_any_listed_language() {
        for (text, unit) in [
            ("24 months", TimeUnit::Month),
            ("1 Year", TimeUnit::Year),
            ("18 mois", TimeUnit::Month),
            ("36 Monate", TimeUnit::Month),
            ("6 semanas", TimeUnit::Week),
            ("3 años (2019–2022)", TimeUnit::Year),
            ("1.5 years", TimeUnit::Year),
        ] {
            let found = length(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(found.unit, unit, "{text}");
        }
        let found = length("3 years, extendable").unwrap();
        assert_eq!((found.number, found.len), ("3", 7));
    }

    #[test]
    fn other_numbers_and_words_are_no_length() {
        for text in [
            "",
            "months",
            "36",
            "36months",
            "36 monthsx",
            "12 partners",
            "2019 – 2021",
            "1.2.3 months",
            ".5 years",
            "5. years",
            "March 2020",
        ] {
            assert!(length(text).is_none(), "{text}");
        }
    }
}
