//! Recognising printed dates and date ranges at the start of a text.
//!
//! Hand-written because no date crate finds a *range of partial dates* in
//! running text: listings print `1 August - 31 December 2010` (the start
//! takes the end's year), `MarchSeptember 2015` and `May 201415 January 2015`
//! (two dates run together), `(2015-)` (an open range). This module only says
//! what was printed (day, month, year as given); turning that into calendar
//! dates, checking `31 February`, and inheriting years is the normaliser's job.

use serde::Serialize;

/// One printed date; any part may be missing (`June 2007`, `2007`, `1 August`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct DatePart {
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
}

/// A date or a range of dates found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    pub start: DatePart,
    pub end: Option<DatePart>,
    /// `(2015-)`: a start and a dash with nothing after it.
    pub open_end: bool,
    /// Bytes of the text the expression covers.
    pub len: usize,
}

/// Month names in English, French and Spanish, then English abbreviations.
/// Longer names come first so that `marzo` is not read as `mar` + `zo`.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("september", 9),
    ("septiembre", 9),
    ("septembre", 9),
    ("noviembre", 11),
    ("diciembre", 12),
    ("novembre", 11),
    ("décembre", 12),
    ("november", 11),
    ("december", 12),
    ("february", 2),
    ("février", 2),
    ("febrero", 2),
    ("janvier", 1),
    ("january", 1),
    ("octubre", 10),
    ("octobre", 10),
    ("october", 10),
    ("juillet", 7),
    ("agosto", 8),
    ("august", 8),
    ("avril", 4),
    ("april", 4),
    ("abril", 4),
    ("enero", 1),
    ("marzo", 3),
    ("march", 3),
    ("junio", 6),
    ("julio", 7),
    ("mars", 3),
    ("mayo", 5),
    ("june", 6),
    ("juin", 6),
    ("july", 7),
    ("août", 8),
    ("sept", 9),
    ("may", 5),
    ("mai", 5),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Words that join the two dates of a range.
const RANGE_WORDS: &[&str] = &[
    "to", "until", "till", "through", "thru", "au", "al", "hasta",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits: value and how many digits were printed.
    Number(u32, usize),
    Month(u32),
    Iso(i32, u32, u32),
    Dash,
    RangeWord,
    /// `de` in `1 de junio de 2007`, an ordinal suffix, a dot after `Sept`.
    Filler,
    Comma,
    /// `From` opening a date line: `From 1 June 2007 to 30 June 2009`.
    From,
    Open,
    Close,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    end: usize,
}

/// The most tokens a date expression uses
/// (`( 1 de junio de 2007 - 30 de junio de 2009 )`).
const MAX_DATE_TOKENS: usize = 16;

fn lex(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut pos = 0;
    while pos < text.len() && tokens.len() < MAX_DATE_TOKENS {
        // Most lines do not start with a date: stop at the first word that
        // cannot begin one.
        if tokens.len() == 1 && tokens[0].kind == Kind::Other {
            break;
        }
        let rest = &text[pos..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if let Some(iso) = iso_date(rest) {
                tokens.push(Token {
                    kind: iso,
                    end: pos + 10,
                });
                pos += 10;
                continue;
            }
            push_digits(&mut tokens, &rest[..digits], pos);
            pos += digits;
            continue;
        }
        if c.is_alphabetic() {
            let run_len: usize = rest
                .chars()
                .take_while(|c| c.is_alphabetic())
                .map(char::len_utf8)
                .sum();
            let word = &rest[..run_len];
            let after_digit = pos > 0 && bytes[pos - 1].is_ascii_digit();
            push_word(&mut tokens, word, pos, after_digit);
            pos += run_len;
            continue;
        }
        let kind = match c {
            '-' | '–' | '—' | '‐' | '‑' | '−' => Kind::Dash,
            ',' => Kind::Comma,
            '.' => Kind::Filler,
            '(' | '[' => Kind::Open,
            ')' | ']' => Kind::Close,
            _ => Kind::Other,
        };
        tokens.push(Token {
            kind,
            end: pos + c.len_utf8(),
        });
        pos += c.len_utf8();
    }
    tokens
}

/// `2007-06-01` at the start of `text`.
fn iso_date(text: &str) -> Option<Kind> {
    let b = text.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = text.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = digits(0..4)?;
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(Kind::Iso(year as i32, month, day))
}

/// Years a project can plausibly run in: where a bare number could be a
/// year or something else, only these are read as years.
const PROJECT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Digits, splitting `201415` (a year run into a day) into `2014` and `15`.
fn push_digits(tokens: &mut Vec<Token>, digits: &str, pos: usize) {
    let value = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    if (5..=6).contains(&digits.len()) {
        let (year, day) = digits.split_at(4);
        let is_year = i32::try_from(value(year)).is_ok_and(|y| PROJECT_YEARS.contains(&y));
        if is_year && (1..=31).contains(&value(day)) {
            tokens.push(Token {
                kind: Kind::Number(value(year), 4),
                end: pos + 4,
            });
            tokens.push(Token {
                kind: Kind::Number(value(day), day.len()),
                end: pos + digits.len(),
            });
            return;
        }
    }
    tokens.push(Token {
        kind: Kind::Number(value(digits), digits.len()),
        end: pos + digits.len(),
    });
}

/// A run of letters: month names (possibly several run together, as in
/// `MarchSeptember`), a range word, filler, or anything else.
fn push_word(tokens: &mut Vec<Token>, word: &str, pos: usize, after_digit: bool) {
    let lower = word.to_lowercase();
    if after_digit && matches!(lower.as_str(), "st" | "nd" | "rd" | "th" | "er") {
        tokens.push(Token {
            kind: Kind::Filler,
            end: pos + word.len(),
        });
        return;
    }
    if RANGE_WORDS.contains(&lower.as_str()) {
        tokens.push(Token {
            kind: Kind::RangeWord,
            end: pos + word.len(),
        });
        return;
    }
    if pos == 0 && (lower == "from" || lower == "du" || lower == "desde") {
        tokens.push(Token {
            kind: Kind::From,
            end: pos + word.len(),
        });
        return;
    }
    if lower == "de" || lower == "del" {
        tokens.push(Token {
            kind: Kind::Filler,
            end: pos + word.len(),
        });
        return;
    }
    // Lower-casing keeps byte lengths for the letters month names use, so
    // offsets into `lower` are offsets into `word`.
    if lower.len() == word.len() {
        if let Some(months) = split_months(&lower) {
            let mut offset = pos;
            for (month, len) in months {
                tokens.push(Token {
                    kind: Kind::Month(month),
                    end: offset + len,
                });
                offset += len;
            }
            return;
        }
    }
    tokens.push(Token {
        kind: Kind::Other,
        end: pos + word.len(),
    });
}

/// Splits a lower-case word made only of month names into them.
fn split_months(word: &str) -> Option<Vec<(u32, usize)>> {
    if word.is_empty() {
        return Some(Vec::new());
    }
    for &(name, month) in MONTH_NAMES {
        if let Some(rest) = word.strip_prefix(name) {
            if let Some(mut tail) = split_months(rest) {
                tail.insert(0, (month, name.len()));
                return Some(tail);
            }
        }
    }
    None
}

struct Parser<'t> {
    tokens: &'t [Token],
}

impl Parser<'_> {
    fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn skip_filler(&self, mut i: usize) -> usize {
        while self.kind(i) == Some(Kind::Filler) {
            i += 1;
        }
        i
    }

    fn year(&self, i: usize) -> Option<i32> {
        match self.kind(i)? {
            Kind::Number(value, 4) => Some(value as i32),
            _ => None,
        }
    }

    fn day(&self, i: usize) -> Option<u32> {
        match self.kind(i)? {
            Kind::Number(value, 1..=2) if (1..=31).contains(&value) => Some(value),
            _ => None,
        }
    }

    /// One date at token `i`: the part and the index after it.
    fn part(&self, i: usize) -> Option<(DatePart, usize)> {
        match self.kind(i)? {
            Kind::Iso(year, month, day) => Some((
                DatePart {
                    day: Some(day),
                    month: Some(month),
                    year: Some(year),
                },
                i + 1,
            )),
            Kind::Number(..) => {
                if let Some(year) = self.year(i) {
                    return Some((
                        DatePart {
                            year: Some(year),
                            ..DatePart::default()
                        },
                        i + 1,
                    ));
                }
                let day = self.day(i)?;
                let j = self.skip_filler(i + 1);
                let Kind::Month(month) = self.kind(j)? else {
                    return None;
                };
                let mut k = self.skip_filler(j + 1);
                if self.kind(k) == Some(Kind::Comma) {
                    k += 1;
                }
                let year = self.year(k);
                Some((
                    DatePart {
                        day: Some(day),
                        month: Some(month),
                        year,
                    },
                    if year.is_some() { k + 1 } else { j + 1 },
                ))
            }
            Kind::Month(month) => {
                let j = self.skip_filler(i + 1);
                // `June 1, 2007`
                if let Some(day) = self.day(j) {
                    let mut k = j + 1;
                    if self.kind(k) == Some(Kind::Comma) {
                        k += 1;
                    }
                    if let Some(year) = self.year(k) {
                        return Some((
                            DatePart {
                                day: Some(day),
                                month: Some(month),
                                year: Some(year),
                            },
                            k + 1,
                        ));
                    }
                }
                let mut k = j;
                if self.kind(k) == Some(Kind::Comma) {
                    k += 1;
                }
                let year = self.year(k);
                Some((
                    DatePart {
                        day: None,
                        month: Some(month),
                        year,
                    },
                    if year.is_some() { k + 1 } else { j },
                ))
            }
            _ => None,
        }
    }

    fn expression(&self) -> Option<DateExpr> {
        let mut i = 0;
        let parenthesised = self.kind(0) == Some(Kind::Open);
        if parenthesised {
            i += 1;
        }
        if self.kind(i) == Some(Kind::From) {
            i += 1;
        }
        let (start, after_start) = match self.part(i) {
            Some(found) => found,
            // `1-3 June 2010`: a day that takes the end's month and year.
            None => {
                let day = self.day(i)?;
                if !matches!(self.kind(i + 1), Some(Kind::Dash | Kind::RangeWord)) {
                    return None;
                }
                let (end, _) = self.part(i + 2)?;
                end.month?;
                (
                    DatePart {
                        day: Some(day),
                        ..DatePart::default()
                    },
                    i + 1,
                )
            }
        };
        let mut end = None;
        let mut open_end = false;
        let mut next = after_start;
        match self.kind(after_start) {
            Some(Kind::Dash | Kind::RangeWord) => {
                if let Some((part, after)) = self.part(after_start + 1) {
                    end = Some(part);
                    next = after;
                } else if self.kind(after_start) == Some(Kind::Dash)
                    && matches!(self.kind(after_start + 1), None | Some(Kind::Close))
                {
                    open_end = true;
                    next = after_start + 1;
                }
            }
            _ => {
                // Two dates with no separator: `January 2009December 2010`.
                if let Some((part, after)) = self.part(after_start) {
                    if part.year.is_some() && (start.month.is_some() || start.year.is_some()) {
                        end = Some(part);
                        next = after;
                    }
                }
            }
        }
        if parenthesised {
            if self.kind(next) != Some(Kind::Close) {
                return None;
            }
            next += 1;
        }
        // A start without a year must borrow the end's: `1 August - 31
        // December 2010`. Alone, `March` or `1 August` is not a date.
        let has_year = start.year.is_some() || end.is_some_and(|e| e.year.is_some());
        if !has_year {
            return None;
        }
        if end.is_some_and(|e| e.year.is_none()) {
            return None;
        }
        let len = self.tokens.get(next - 1).map_or(0, |t| t.end);
        Some(DateExpr {
            start,
            end,
            open_end,
            len,
        })
    }
}

/// The date or date range that `text` starts with, if any.
///
/// ```
/// use devcoop_ingest::dates::{scan_date, DatePart};
/// let expr = scan_date("1 August - 31 December 2010, Dakar").unwrap();
/// assert_eq!(expr.start, DatePart { day: Some(1), month: Some(8), year: None });
/// assert_eq!(expr.end.unwrap().year, Some(2010));
/// assert_eq!(&"1 August - 31 December 2010, Dakar"[expr.len..], ", Dakar");
/// ```
pub fn scan_date(text: &str) -> Option<DateExpr> {
    // A date range never needs more than this: lexing only the head keeps
    // a 100 MB line as cheap as a short one.
    const LONGEST_DATE_TEXT: usize = 160;
    let mut head = text.len().min(LONGEST_DATE_TEXT);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let tokens = lex(&text[..head]);
    Parser { tokens: &tokens }.expression()
}

/// A trailing `(2009–2010)` or `(2015-)` at the end of a title: the byte
/// offset where the parenthesis starts, and the expression inside it. A
/// number that cannot be a project's year, such as the code in
/// `Fair recruitment (1011)`, stays in the title.
pub fn trailing_parenthesised_date(title: &str) -> Option<(usize, DateExpr)> {
    let trimmed = title.trim_end();
    if !trimmed.ends_with(')') {
        return None;
    }
    let open = trimmed.rfind('(')?;
    let expr = scan_date(&trimmed[open..])?;
    let plausible = |part: &DatePart| part.year.is_none_or(|y| PROJECT_YEARS.contains(&y));
    let is_date = plausible(&expr.start) && expr.end.as_ref().is_none_or(plausible);
    (open + expr.len == trimmed.len() && is_date).then_some((open, expr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(day: Option<u32>, month: Option<u32>, year: Option<i32>) -> DatePart {
        DatePart { day, month, year }
    }

    fn range(text: &str) -> (DatePart, Option<DatePart>) {
        let expr = scan_date(text).unwrap_or_else(|| panic!("no date in {text:?}"));
        (expr.start, expr.end)
    }

    #[test]
    fn day_month_year_range_with_hyphen() {
        assert_eq!(
            range("1 June 2007 - 30 June 2009"),
            (
                part(Some(1), Some(6), Some(2007)),
                Some(part(Some(30), Some(6), Some(2009)))
            )
        );
    }

    #[test]
    fn en_and_em_dashes_and_range_words_separate_dates() {
        for text in [
            "1 June 2007 – 30 June 2009",
            "1 June 2007—30 June 2009",
            "1 June 2007 to 30 June 2009",
            "1 June 2007 until 30 June 2009",
        ] {
            assert_eq!(
                range(text).1,
                Some(part(Some(30), Some(6), Some(2009))),
                "{text}"
            );
        }
    }

    #[test]
    fn month_year_and_year_ranges() {
        assert_eq!(
            range("June 2007 – May 2009"),
            (
                part(None, Some(6), Some(2007)),
                Some(part(None, Some(5), Some(2009)))
            )
        );
        assert_eq!(
            range("2007 - 2009"),
            (
                part(None, None, Some(2007)),
                Some(part(None, None, Some(2009)))
            )
        );
    }

    #[test]
    fn start_without_year_is_kept_without_year() {
        assert_eq!(
            range("1 August - 31 December 2010"),
            (
                part(Some(1), Some(8), None),
                Some(part(Some(31), Some(12), Some(2010)))
            )
        );
        assert_eq!(
            range("March–September 2015"),
            (
                part(None, Some(3), None),
                Some(part(None, Some(9), Some(2015)))
            )
        );
    }

    #[test]
    fn lone_date_has_no_end() {
        let expr = scan_date("07 October 2011").unwrap();
        assert_eq!(expr.start, part(Some(7), Some(10), Some(2011)));
        assert_eq!(expr.end, None);
        assert!(!expr.open_end);
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            range("2007-06-01 to 2009-06-30"),
            (
                part(Some(1), Some(6), Some(2007)),
                Some(part(Some(30), Some(6), Some(2009)))
            )
        );
    }

    #[test]
    fn dates_run_together() {
        assert_eq!(
            range("January 2009December 2010"),
            (
                part(None, Some(1), Some(2009)),
                Some(part(None, Some(12), Some(2010)))
            )
        );
        assert_eq!(
            range("MarchSeptember 2015"),
            (
                part(None, Some(3), None),
                Some(part(None, Some(9), Some(2015)))
            )
        );
        assert_eq!(
            range("May 201415 January 2015"),
            (
                part(None, Some(5), Some(2014)),
                Some(part(Some(15), Some(1), Some(2015)))
            )
        );
        assert_eq!(
            range("March 2011March 2015"),
            (
                part(None, Some(3), Some(2011)),
                Some(part(None, Some(3), Some(2015)))
            )
        );
    }

    #[test]
    fn trailing_text_is_not_part_of_the_expression() {
        let text = "1 June 2007 - 30 June 2009, Manila, Philippines";
        let expr = scan_date(text).unwrap();
        assert_eq!(&text[expr.len..], ", Manila, Philippines");
        let text = "2007 - 2009 Budget: US$ 4,791,000";
        let expr = scan_date(text).unwrap();
        assert_eq!(&text[expr.len..], " Budget: US$ 4,791,000");
    }

    #[test]
    fn us_order_abbreviations_and_ordinals() {
        assert_eq!(range("June 1, 2007").0, part(Some(1), Some(6), Some(2007)));
        assert_eq!(range("Sept. 2007").0, part(None, Some(9), Some(2007)));
        assert_eq!(range("1st Jun 2007").0, part(Some(1), Some(6), Some(2007)));
    }

    #[test]
    fn french_and_spanish_month_names() {
        assert_eq!(
            range("1er juin 2007 au 30 juin 2009").0,
            part(Some(1), Some(6), Some(2007))
        );
        assert_eq!(
            range("1 de junio de 2007 - 30 de junio de 2009").1,
            Some(part(Some(30), Some(6), Some(2009)))
        );
        assert_eq!(range("février 2010").0, part(None, Some(2), Some(2010)));
    }

    #[test]
    fn open_range_in_parentheses() {
        let expr = scan_date("(2015-)").unwrap();
        assert_eq!(expr.start, part(None, None, Some(2015)));
        assert!(expr.open_end);
        assert_eq!(expr.len, 7);
    }

    #[test]
    fn from_to_and_day_ranges() {
        assert_eq!(
            range("From 1 June 2007 to 30 June 2009"),
            (
                part(Some(1), Some(6), Some(2007)),
                Some(part(Some(30), Some(6), Some(2009)))
            )
        );
        assert_eq!(
            range("1-3 June 2010"),
            (
                part(Some(1), None, None),
                Some(part(Some(3), Some(6), Some(2010)))
            )
        );
        assert_eq!(scan_date("Fromage 2009"), None);
        assert_eq!(scan_date("12 - 15 workers"), None);
    }

    #[test]
    fn prose_is_not_a_date() {
        for text in [
            "n 2007, the project",
            "Since March 2010",
            "March",
            "1 August",
            "The project",
            "12345 workers",
            "",
        ] {
            assert_eq!(scan_date(text), None, "{text}");
        }
    }

    #[test]
    fn title_parenthesis_is_found_at_the_end_only() {
        let title = "Decent work for migrants (2009–2010)";
        let (at, expr) = trailing_parenthesised_date(title).unwrap();
        assert_eq!(&title[..at], "Decent work for migrants ");
        assert_eq!(expr.end.unwrap().year, Some(2010));
        assert!(trailing_parenthesised_date("Promoting decent work (PRODOC)").is_none());
        assert!(trailing_parenthesised_date("Phase II (Bridge II)").is_none());
        // A code is not a year; a year of the last century is.
        assert!(trailing_parenthesised_date("Fair recruitment in Nepal (1011)").is_none());
        assert!(trailing_parenthesised_date("Fair recruitment (2009-3011)").is_none());
        assert!(trailing_parenthesised_date("Child labour survey (1998)").is_some());
    }
}
