//! Recognising printed dates and date ranges at the start of a text.
//!
//! Hand-written because no date crate finds a *range of partial dates* in
//! running text: listings print `1 August - 31 December 2010` (the start
//! takes the end's year), `MarchSeptember 2015` and `May 201415 January 2015`
//! (two dates run together), `(2015-)` (an open range). This module only says
//! what was printed (day, month, year as given); turning that into calendar
//! dates, checking `31 February`, and inheriting years is the normaliser's job.
//!
//! Numeric dates (`01.07.2011`, `1/6/2020`, `2020/06/01`) need a four-digit
//! year of 1900–2100, so that `12/30`, `3.5`, `Tel. 01/234 5678` and version
//! numbers stay text; only the start of a range may leave its year to the
//! end (`1.6-31.8.2017`). Which of the two numbers is the day shows only
//! where one passes 12: `06/15/2020` on a page of US dates, `15/06/2020` on
//! a European one. So each expression is read in an order it is given
//! ([`scan_date_in`]; [`scan_date`] reads day first), except where its own
//! numbers rule that order out, and it says what its numbers imply
//! ([`DateExpr::order_hint`]) and whether they leave the reading open
//! ([`DateExpr::ambiguous_order`]): the listing reader settles the order from
//! the listing's other dates, as a reader of the page does.
//!
//! An open range ends in a dash or a word: `(2015-)`, `2017 – onwards`,
//! `2019 – to date`, `2017 - en cours`, `2017–presente`. `Since 2017`
//! (`Depuis`, `Seit`, `Sinds`) opens one only alone on its line: with words after
//! it, it is prose (`Since March 2010, the ILO has been working in
//! Jordan`), and the gold reads dates only from date lines. So do
//! `Launched in 2018` (a start) and `Until 2023` (an end).
//! A two-digit end year is the first later year with those digits (`2019-21`,
//! `2019/20`); a `/` joins years only (`2014/2015`).
//!
//! The Swiss agency's pages print a range's end on a line of its own under
//! the start (`01.07.2011`, then `- 31.12.2013`). A line that starts with a
//! dash is a bullet everywhere else, so [`scan_date`] does not read it;
//! [`scan_end_date`] does, for a reader that has just seen a lone start.
//!
//! Titles end in dates too: `Decent work for migrants (2009–2010)`,
//! `…, 2021`, `TITLE 2015-2018`. [`trailing_title_date`] finds them, but not
//! a lone year after a space, which names rather than dates
//! (`Support to Albanian Census 2011`, `Agenda 2030`).

use serde::Serialize;

/// One printed date; any part may be missing (`June 2007`, `2007`, `1 August`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct DatePart {
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
}

/// Which number of a numeric date is the day: `01/06/2020` is 1 June day
/// first (most of the world) and 6 January month first (the US).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumericOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

impl NumericOrder {
    /// The only order two printed numbers can be in, when one passes 12.
    fn implied(first: u32, second: u32) -> Option<NumericOrder> {
        if first > 12 {
            Some(NumericOrder::DayFirst)
        } else if second > 12 {
            Some(NumericOrder::MonthFirst)
        } else {
            None
        }
    }
}

/// A date or a range of dates found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateExpr {
    pub start: DatePart,
    pub end: Option<DatePart>,
    /// An open range, with only a start: `(2015-)`, `2017 – onwards`,
    /// `(2017–present)`.
    pub open_end: bool,
    /// Bytes of the text the expression covers.
    pub len: usize,
    /// The order the expression's numeric dates must be in, because one of
    /// their numbers passes 12 (`31/05/2022` → day first); it was read in
    /// that order whatever order was asked for. `None` for expressions
    /// without numeric dates, with only ambiguous ones, or whose dates
    /// contradict each other (each is then read in the order it allows).
    pub order_hint: Option<NumericOrder>,
    /// The expression's numeric dates read differently day first and month
    /// first (`01/06/2020`, both numbers at most 12 and unequal) and nothing
    /// in it settles which: it was read in the order asked for, and the
    /// listing's other dates must settle it.
    pub ambiguous_order: bool,
}

/// A range's end printed on a line of its own: `- 31.12.2013`,
/// `to 30 June 2009`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EndDate {
    pub end: DatePart,
    /// Where the date starts, after the dash or word: `&text[date_at..len]`
    /// is the date as printed.
    pub date_at: usize,
    /// Bytes of the text the dash or word and the date cover.
    pub len: usize,
    /// As [`DateExpr::order_hint`].
    pub order_hint: Option<NumericOrder>,
    /// As [`DateExpr::ambiguous_order`].
    pub ambiguous_order: bool,
}

/// Month names in English, French, Spanish, German, Italian, Portuguese,
/// Dutch and the Scandinavian languages, then French and English
/// abbreviations. Longer names come first so that `marzo` is not read as
/// `mar` + `zo`.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("fevereiro", 2),
    ("desember", 12),
    ("augusti", 8),
    ("settembre", 9),
    ("febbraio", 2),
    ("augustus", 8),
    ("februari", 2),
    ("dezember", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("novembro", 11),
    ("setembro", 9),
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
    ("gennaio", 1),
    ("outubro", 10),
    ("ottobre", 10),
    ("oktober", 10),
    ("janeiro", 1),
    ("januari", 1),
    ("februar", 2),
    ("januar", 1),
    ("jänner", 1),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
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
    ("marts", 3),
    ("mars", 3),
    ("março", 3),
    ("maart", 3),
    ("märz", 3),
    ("junho", 6),
    ("julho", 7),
    ("maio", 5),
    ("juni", 6),
    ("juli", 7),
    ("mayo", 5),
    ("june", 6),
    ("juin", 6),
    ("july", 7),
    ("août", 8),
    ("sept", 9),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("juil", 7),
    ("may", 5),
    ("mai", 5),
    ("maj", 5),
    ("mei", 5),
    ("avr", 4),
    ("déc", 12),
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
    "to", "until", "till", "through", "thru", "au", "al", "hasta", "à", "a", "bis", "tot",
];

/// Words that end an open range, in lower case, and whether they carry
/// their own joiner (`2017 onwards`, `2019 to date`) or need a dash or a
/// range word before them (`2017 – present`, `2017 hasta la actualidad`).
const OPEN_ENDS: &[(&[&str], bool)] = &[
    (&["present"], false),
    (&["presente"], false),
    (&["ongoing"], false),
    (&["now"], false),
    (&["today"], false),
    (&["actualidad"], false),
    (&["la", "actualidad"], false),
    (&["en", "cours"], false),
    (&["heute"], false),
    (&["laufend"], false),
    (&["heden"], false),
    (&["oggi"], false),
    (&["hoy"], false),
    (&["in", "corso"], false),
    (&["en", "curso"], false),
    (&["em", "curso"], false),
    (&["onwards"], true),
    (&["onward"], true),
    (&["to", "date"], true),
    (&["à", "ce", "jour"], true),
    (&["a", "ce", "jour"], true),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits: value and how many digits were printed.
    Number(u32, usize),
    /// `01/06/2020`, `1.6`: the two numbers as printed (which is the day is
    /// settled for the whole expression) and the year if printed.
    Numeric(u32, u32, Option<i32>),
    Month(u32),
    /// `Q3`: a quarter of the year, its first month as a start and its
    /// last as an end.
    Quarter(u32),
    Iso(i32, u32, u32),
    Dash,
    /// `/`, which joins years: `2014/2015`, `2019/20`.
    Slash,
    RangeWord,
    /// `present`, `en cours`: the end of an open range; `joined` when the
    /// words need no dash before them (`onwards`, `to date`).
    OpenEnd {
        joined: bool,
    },
    /// `de` in `1 de junio de 2007`, an ordinal suffix, a dot after `Sept`.
    Filler,
    Comma,
    /// `From` opening a date line: `From 1 June 2007 to 30 June 2009`.
    From,
    /// `Since` opening a date line: `Since March 2018`, a range still open.
    Since,
    Open,
    Close,
    /// `:` after a date: what it dates follows (`Since 2011: Uganda, …`).
    Colon,
    Other,
}

impl Kind {
    /// Can a date expression start with this token?
    fn begins_date(self) -> bool {
        matches!(
            self,
            Kind::Number(..)
                | Kind::Numeric(..)
                | Kind::Month(_)
                | Kind::Quarter(_)
                | Kind::Iso(..)
                | Kind::From
                | Kind::Since
                | Kind::Open
        )
    }

    /// Can a lone end date (`- 31.12.2013`) start with this token?
    fn begins_end_date(self) -> bool {
        matches!(self, Kind::Dash | Kind::RangeWord)
    }
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: Kind,
    end: usize,
}

/// The most tokens a date expression uses
/// (`( 1 de junio de 2007 - 30 de junio de 2009 )`).
const MAX_DATE_TOKENS: usize = 16;

/// Tokens of `text`, stopping early when the first cannot begin what is
/// looked for (most lines do not start with a date), or two tokens after
/// the first [`Kind::Other`].
///
/// No date expression holds an `Other` token (a word that is no month,
/// range word or filler; a sign no date uses): after one, the parser asks
/// only whether anything follows the expression, and whether what follows
/// is exactly a length in brackets (`Since March 2023 (18 months)`:
/// `(`, number, `Other`, `)`). The two tokens after it answer both, so a
/// headline that opens on a number (`1. Reintegration of returning …`) is
/// not lexed to its sixteenth word.
fn lex(text: &str, begins: fn(Kind) -> bool) -> Vec<Token> {
    lex_until(text, begins, true)
}

/// [`lex`]; `stop_after_other`: whether to stop two tokens after the
/// first [`Kind::Other`] (a test compares the parses without the stop).
fn lex_until(text: &str, begins: fn(Kind) -> bool, stop_after_other: bool) -> Vec<Token> {
    /// Tokens lexed after the first `Other` one.
    const AFTER_OTHER: usize = 2;
    let bytes = text.as_bytes();
    // A date line's tokens fill this once, without growing it step by step.
    let mut tokens: Vec<Token> = Vec::with_capacity(16);
    let mut pos = 0;
    let mut first_other: Option<usize> = None;
    while pos < text.len() && tokens.len() < MAX_DATE_TOKENS {
        if stop_after_other {
            // A step pushes at most one `Other` token, as its last: the
            // first is found by looking at the last token after each.
            if first_other.is_none() && tokens.last().is_some_and(|t| t.kind == Kind::Other) {
                first_other = Some(tokens.len() - 1);
            }
            if first_other.is_some_and(|at| tokens.len() > at + AFTER_OTHER) {
                break;
            }
        }
        if let [first] = tokens.as_slice() {
            if !begins(first.kind) {
                break;
            }
        }
        let Some(rest) = text.get(pos..) else { break };
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            if let Some(iso) = iso_date(rest) {
                tokens.push(Token {
                    kind: iso,
                    end: pos + 10,
                });
                pos += 10;
                continue;
            }
            if let Some((year, month, len)) = year_dot_month(rest) {
                // `2019.04`, as Japanese and Korean pages print a month.
                tokens.push(Token {
                    kind: Kind::Month(month),
                    end: pos + len,
                });
                tokens.push(Token {
                    kind: Kind::Number(year, 4),
                    end: pos + len,
                });
                pos += len;
                continue;
            }
            if let Some((month, year, month_len, len)) = numeric_month_year(rest) {
                // Read as the month's name and its year would be.
                tokens.push(Token {
                    kind: Kind::Month(month),
                    end: pos + month_len,
                });
                tokens.push(Token {
                    kind: Kind::Number(year, 4),
                    end: pos + len,
                });
                pos += len;
                continue;
            }
            if let Some((kind, len)) = numeric_date(rest) {
                tokens.push(Token {
                    kind,
                    end: pos + len,
                });
                pos += len;
                continue;
            }
            if let Some((day, month, year, len)) = day_month_name_year(rest) {
                // `12-Nov-2019`, as banks' tables print a day.
                for (kind, end) in [
                    (Kind::Number(day, 2), pos + 2),
                    (Kind::Month(month), pos + len - 5),
                    (Kind::Number(year, 4), pos + len),
                ] {
                    tokens.push(Token { kind, end });
                }
                pos += len;
                continue;
            }
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            push_digits(&mut tokens, &rest[..digits], pos);
            pos += digits;
            continue;
        }
        // `FY2019`, `FY 2019`: a fiscal year is read as its year.
        let fiscal = rest
            .get(..2)
            .is_some_and(|fy| fy.eq_ignore_ascii_case("fy"))
            && {
                let after = &rest.as_bytes()[2..];
                let after = after.strip_prefix(b" ").unwrap_or(after);
                after.iter().take_while(|b| b.is_ascii_digit()).count() == 4
            };
        // `FY19`: a fiscal year in two digits is this century's.
        let short_fiscal = rest
            .get(..2)
            .is_some_and(|fy| fy.eq_ignore_ascii_case("fy"))
            && {
                let after = &rest.as_bytes()[2..];
                after.iter().take_while(|b| b.is_ascii_digit()).count() == 2
                    && !after.get(2).is_some_and(u8::is_ascii_alphanumeric)
            };
        if short_fiscal {
            let year = 2000 + rest[2..4].parse::<u32>().unwrap_or_default();
            tokens.push(Token {
                kind: Kind::Number(year, 4),
                end: pos + 4,
            });
            pos += 4;
            continue;
        }
        if fiscal {
            pos += 2;
            continue;
        }
        if let Some(quarter) = quarter(rest) {
            tokens.push(Token {
                kind: Kind::Quarter(quarter),
                end: pos + 2,
            });
            pos += 2;
            continue;
        }
        if c.is_alphabetic() {
            let run_len = alphabetic_run(rest);
            let word = &rest[..run_len];
            // Most words are short and ASCII: lower-cased on the stack.
            let mut ascii = [0u8; 24];
            let lowered;
            let lower: &str = match ascii.get_mut(..word.len()) {
                Some(buffer) if word.is_ascii() => {
                    buffer.copy_from_slice(word.as_bytes());
                    buffer.make_ascii_lowercase();
                    std::str::from_utf8(buffer).unwrap_or(word)
                }
                _ => {
                    lowered = word.to_lowercase();
                    &lowered
                }
            };
            // Words ending an open range never start a text: prose lines
            // (most lines) are spared looking for them.
            let open_end = if tokens.is_empty() {
                None
            } else {
                open_end_words(rest, lower, run_len)
            };
            if let Some((len, joined)) = open_end {
                tokens.push(Token {
                    kind: Kind::OpenEnd { joined },
                    end: pos + len,
                });
                pos += len;
                continue;
            }
            // Dutch `t/m` (tot en met, "up to and including") joins a range.
            let to_and_including = lower == "t"
                && rest.as_bytes().get(1..3) == Some(b"/m".as_slice())
                && !rest[3..].starts_with(char::is_alphanumeric);
            if to_and_including && !tokens.is_empty() {
                tokens.push(Token {
                    kind: Kind::RangeWord,
                    end: pos + 3,
                });
                pos += 3;
                continue;
            }
            let after_digit = pos
                .checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_digit);
            push_word(&mut tokens, word, lower, pos, after_digit);
            pos += run_len;
            continue;
        }
        let kind = match c {
            // `2016-09-01 ~ 2017-06-30`, as pages in East Asia join a range;
            // `2019 > 2021` and `2019 → 2021`, as cards draw one.
            '-' | '–' | '—' | '‐' | '‑' | '−' | '~' | '〜' | '>' | '→' => Kind::Dash,
            '/' => Kind::Slash,
            ',' => Kind::Comma,
            '.' => Kind::Filler,
            '(' | '[' => Kind::Open,
            ')' | ']' => Kind::Close,
            ':' => Kind::Colon,
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

/// The quarter `Q1` … `Q4` at the start of `text`, alone (not `Q12`,
/// not `Q1a`).
fn quarter(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let q = match (b.first()?, b.get(1)?) {
        (b'Q' | b'q', digit @ b'1'..=b'4') => u32::from(digit - b'0'),
        _ => return None,
    };
    (!b.get(2).is_some_and(u8::is_ascii_alphanumeric)).then_some(q)
}

/// Bytes of the letters `text` starts with (whole characters).
fn alphabetic_run(text: &str) -> usize {
    text.chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum()
}

/// Words ending an open range at the start of `text`, whose first word (of
/// `first_len` bytes) is `first` in lower case: the bytes they cover and
/// whether they carry their own joiner.
fn open_end_words(text: &str, first: &str, first_len: usize) -> Option<(usize, bool)> {
    'phrases: for &(words, joined) in OPEN_ENDS {
        let Some((head, others)) = words.split_first() else {
            continue;
        };
        if *head != first {
            continue;
        }
        let mut end = first_len;
        for word in others {
            let rest = text.get(end..).unwrap_or("");
            let gap = rest.len() - rest.trim_start().len();
            let next = &rest[gap..];
            let len = alphabetic_run(next);
            if gap == 0 || next[..len].to_lowercase() != *word {
                continue 'phrases;
            }
            end += gap + len;
        }
        return Some((end, joined));
    }
    None
}

/// `12-Nov-2019` at the start of `text`: the day, the month, the year and
/// the bytes they cover. The day has two digits and the month's name three
/// letters or more, so that `3-5-2019` and `12-May` stay what they were.
fn day_month_name_year(text: &str) -> Option<(u32, u32, u32, usize)> {
    let b = text.as_bytes();
    if !(b.len() >= 11 && b[..2].iter().all(u8::is_ascii_digit) && b[2] == b'-') {
        return None;
    }
    let letters = b[3..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let year_at = 3 + letters;
    let year = b.get(year_at + 1..year_at + 5)?;
    let ends = !b.get(year_at + 5).is_some_and(u8::is_ascii_alphanumeric);
    if letters < 3 || b.get(year_at) != Some(&b'-') || !year.iter().all(u8::is_ascii_digit) || !ends
    {
        return None;
    }
    let name = text.get(3..year_at)?.to_ascii_lowercase();
    let [(month, _)] = split_months(&name)?[..] else {
        return None;
    };
    let day: u32 = text.get(..2)?.parse().ok()?;
    let year: u32 = text.get(year_at + 1..year_at + 5)?.parse().ok()?;
    let known =
        (1..=31).contains(&day) && i32::try_from(year).is_ok_and(|y| PROJECT_YEARS.contains(&y));
    known.then_some((day, month, year, year_at + 5))
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
    // A digit right after is a longer number, unless another ISO date
    // starts there: two cells run together (`2019-01-012020-12-31`).
    if b.get(10).is_some_and(u8::is_ascii_digit) && text.get(10..).and_then(iso_date).is_none() {
        return None;
    }
    Some(Kind::Iso(year as i32, month, day))
}

/// Years a project can plausibly run in: where a bare number could be a
/// year or something else, only these are read as years.
const PROJECT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A numeric date at the start of `text` and the bytes it covers: day and
/// month in either order with a year (`01/06/2020`, `1.6.2020`,
/// `01-06-2020`), year first (`2020/06/01`, read as ISO), or day and month
/// alone (`1.6`, the start of `1.6-31.8.2017`; never with `-`, which is
/// the day range of `1-3 June 2010`). The two separators are the same; a
/// third (`1.2.2019.5`, `10.10.2010.1`) makes a version or an address.
fn numeric_date(text: &str) -> Option<(Kind, usize)> {
    let b = text.as_bytes();
    let digits_at = |from: usize| {
        b.get(from..)
            .map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let number =
        |from: usize, len: usize| -> Option<u32> { text.get(from..from + len)?.parse().ok() };
    let n1 = digits_at(0);
    let sep = *b.get(n1)?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let n2 = digits_at(n1 + 1);
    if !(1..=2).contains(&n2) {
        return None;
    }
    let after_second = n1 + 1 + n2;
    let n3 = if b.get(after_second) == Some(&sep) {
        digits_at(after_second + 1)
    } else {
        0
    };
    let end = if n3 > 0 {
        after_second + 1 + n3
    } else {
        after_second
    };
    if b.get(end) == Some(&sep) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let first = number(0, n1)?;
    let second = number(n1 + 1, n2)?;
    let day_and_month =
        |a: u32, b: u32| (1..=31).contains(&a) && (1..=31).contains(&b) && a.min(b) <= 12;
    match (n1, n3) {
        (4, 1..=2) => {
            let year = i32::try_from(first).ok()?;
            let day = number(after_second + 1, n3)?;
            let valid = PROJECT_YEARS.contains(&year)
                && (1..=12).contains(&second)
                && (1..=31).contains(&day);
            valid.then_some((Kind::Iso(year, second, day), end))
        }
        (1..=2, 4) => {
            let year = i32::try_from(number(after_second + 1, n3)?).ok()?;
            let valid = PROJECT_YEARS.contains(&year) && day_and_month(first, second);
            valid.then_some((Kind::Numeric(first, second, Some(year)), end))
        }
        (1..=2, 0) if sep != b'-' && day_and_month(first, second) => {
            Some((Kind::Numeric(first, second, None), end))
        }
        _ => None,
    }
}

/// A month and its year in numbers at the start of `text` (`06/2019`,
/// `6.2019`, `06-2019`): the month, the year, the bytes of the month's
/// digits, and the bytes of the whole. The year has four digits, and its
/// separator does not come again before more digits (`06/2019/1` is a
/// code).
fn numeric_month_year(text: &str) -> Option<(u32, u32, usize, usize)> {
    let b = text.as_bytes();
    let month_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let sep = *b.get(month_len)?;
    if !(1..=2).contains(&month_len) || !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let year_at = month_len + 1;
    let year_len = b[year_at..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let end = year_at + year_len;
    // The same separator again goes on with the same number.
    let numeric_after = b.get(end) == Some(&sep) && b.get(end + 1).is_some_and(u8::is_ascii_digit);
    if year_len != 4 || numeric_after {
        return None;
    }
    let month: u32 = text.get(..month_len)?.parse().ok()?;
    let year: u32 = text.get(year_at..end)?.parse().ok()?;
    let in_range = i32::try_from(year).is_ok_and(|y| PROJECT_YEARS.contains(&y));
    ((1..=12).contains(&month) && in_range).then_some((month, year, month_len, end))
}

/// A year, a full stop or a hyphen and a month in two digits at the start
/// of `text` (`2019.04`, `2021-05`), not a day after it (`2019.04.01` is a
/// date) nor more digits: the year, the month and the bytes of the whole.
/// `2004-05` and `2011-12`, the next year's last digits after a hyphen,
/// are a financial year.
fn year_dot_month(text: &str) -> Option<(u32, u32, usize)> {
    let b = text.as_bytes();
    let digits_from = |from: usize| {
        b.get(from..)
            .map_or(0, |s| s.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let mark = *b.get(4)?;
    if digits_from(0) != 4 || !matches!(mark, b'.' | b'-') || digits_from(5) != 2 {
        return None;
    }
    if b.get(7) == Some(&mark) && b.get(8).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year: u32 = text.get(..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    if mark == b'-' && month == (year + 1) % 100 {
        return None;
    }
    let in_range = i32::try_from(year).is_ok_and(|y| PROJECT_YEARS.contains(&y));
    ((1..=12).contains(&month) && in_range).then_some((year, month, 7))
}

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

/// A run of letters (`lower` is it in lower case): month names (possibly
/// several run together, as in `MarchSeptember`), a range word, filler, or
/// anything else.
fn push_word(tokens: &mut Vec<Token>, word: &str, lower: &str, pos: usize, after_digit: bool) {
    if after_digit && matches!(lower, "st" | "nd" | "rd" | "th" | "er") {
        tokens.push(Token {
            kind: Kind::Filler,
            end: pos + word.len(),
        });
        return;
    }
    if RANGE_WORDS.contains(&lower) {
        tokens.push(Token {
            kind: Kind::RangeWord,
            end: pos + word.len(),
        });
        return;
    }
    if pos == 0 && matches!(lower, "since" | "depuis" | "seit" | "sinds" | "vanaf") {
        tokens.push(Token {
            kind: Kind::Since,
            end: pos + word.len(),
        });
        return;
    }
    // `From`, `Du`, `Desde`, `De … a …`, `Del … al …`, `Dal … al …`,
    // `Von … bis …` opening a date line.
    if pos == 0
        && matches!(
            lower,
            "from" | "du" | "desde" | "de" | "del" | "dal" | "von" | "vom"
        )
    {
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
    if lower.len() == word.len() && may_begin_a_month(lower.as_bytes()) {
        // Most are one month's name, found without splitting.
        if let Some(month) = month_named(lower) {
            tokens.push(Token {
                kind: Kind::Month(month),
                end: pos + word.len(),
            });
            return;
        }
        if let Some(months) = split_months(lower) {
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

/// The first three bytes of every month name (each has at least three),
/// as numbers: most words begin with no month's, and are turned away
/// without comparing them with every name.
const MONTH_PREFIXES: [u32; MONTH_NAMES.len()] = {
    let mut prefixes = [0u32; MONTH_NAMES.len()];
    let mut i = 0;
    while i < MONTH_NAMES.len() {
        let name = MONTH_NAMES[i].0.as_bytes();
        prefixes[i] = u32::from_le_bytes([name[0], name[1], name[2], 0]);
        i += 1;
    }
    prefixes
};

fn may_begin_a_month(word: &[u8]) -> bool {
    match word {
        [a, b, c, ..] => MONTH_PREFIXES.contains(&u32::from_le_bytes([*a, *b, *c, 0])),
        _ => false,
    }
}

/// The month a lower-case word names whole. Every name is split by
/// [`split_months`] into itself alone (a test says so), so this is that
/// split's answer for a single name.
fn month_named(word: &str) -> Option<u32> {
    let prefix = match word.as_bytes() {
        [a, b, c, ..] => u32::from_le_bytes([*a, *b, *c, 0]),
        _ => return None,
    };
    // The prefixes by reference: by value the array is copied each call.
    MONTH_NAMES
        .iter()
        .zip(&MONTH_PREFIXES)
        .find(|&(&(name, _), &p)| p == prefix && name == word)
        .map(|(&(_, month), _)| month)
}

/// Splits a lower-case word made only of month names into them.
fn split_months(word: &str) -> Option<Vec<(u32, usize)>> {
    if word.is_empty() {
        return Some(Vec::new());
    }
    if !may_begin_a_month(word.as_bytes()) {
        return None;
    }
    let prefix = match word.as_bytes() {
        [a, b, c, ..] => u32::from_le_bytes([*a, *b, *c, 0]),
        _ => return None,
    };
    // Only the names that begin as the word does are compared whole: an
    // English word may begin as an Italian month does (`setting`, `settembre`).
    for (&(name, month), _) in MONTH_NAMES
        .iter()
        .zip(&MONTH_PREFIXES)
        .filter(|&(_, &p)| p == prefix)
    {
        if let Some(rest) = word.strip_prefix(name) {
            if let Some(mut tail) = split_months(rest) {
                tail.insert(0, (month, name.len()));
                return Some(tail);
            }
        }
    }
    None
}

/// One date as read, before the order of its numbers is settled.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// The year, and day and month unless `numbers` holds them.
    part: DatePart,
    /// A numeric date's day and month, in printed order.
    numbers: Option<(u32, u32)>,
}

impl Found {
    fn is_year_only(&self) -> bool {
        self.numbers.is_none() && self.part.day.is_none() && self.part.month.is_none()
    }

    /// The date, its numbers read in `order` unless they allow only the
    /// other (`06/15/2020` is 15 June whatever the page's order).
    fn in_order(self, order: NumericOrder) -> DatePart {
        let Some((first, second)) = self.numbers else {
            return self.part;
        };
        let (day, month) = match NumericOrder::implied(first, second).unwrap_or(order) {
            NumericOrder::DayFirst => (first, second),
            NumericOrder::MonthFirst => (second, first),
        };
        DatePart {
            day: Some(day),
            month: Some(month),
            ..self.part
        }
    }
}

/// What the numeric dates of one expression say of their order: the order
/// they imply (if they agree), and whether they leave it open.
fn settle(found: &[Option<Found>]) -> (Option<NumericOrder>, bool) {
    let mut hint = None;
    let mut contradiction = false;
    let mut open = false;
    for (first, second) in found.iter().flatten().filter_map(|f| f.numbers) {
        match (NumericOrder::implied(first, second), hint) {
            (Some(implied), None) => hint = Some(implied),
            (Some(implied), Some(settled)) => contradiction |= implied != settled,
            // `01/01/2020` reads the same in both orders.
            (None, _) => open |= first != second,
        }
    }
    let hint = hint.filter(|_| !contradiction);
    (hint, hint.is_none() && open)
}

/// The first year after `start` that ends in the two digits printed:
/// `2019-21` ends in 2021, `1999-00` in 2000.
fn later_year(start: i32, two_digits: u32) -> Option<i32> {
    if !PROJECT_YEARS.contains(&start) {
        return None;
    }
    let mut year = start - start.rem_euclid(100) + i32::try_from(two_digits).ok()?;
    if year <= start {
        year += 100;
    }
    PROJECT_YEARS.contains(&year).then_some(year)
}

struct Parser<'t> {
    tokens: &'t [Token],
}

impl Parser<'_> {
    fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Bytes covered by the tokens before index `next`.
    fn covered(&self, next: usize) -> usize {
        next.checked_sub(1)
            .and_then(|last| self.tokens.get(last))
            .map_or(0, |t| t.end)
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
    fn part(&self, i: usize) -> Option<(Found, usize)> {
        let named = |part: DatePart, next: usize| {
            Some((
                Found {
                    part,
                    numbers: None,
                },
                next,
            ))
        };
        match self.kind(i)? {
            Kind::Iso(year, month, day) => named(
                DatePart {
                    day: Some(day),
                    month: Some(month),
                    year: Some(year),
                },
                i + 1,
            ),
            Kind::Numeric(first, second, year) => Some((
                Found {
                    part: DatePart {
                        year,
                        ..DatePart::default()
                    },
                    numbers: Some((first, second)),
                },
                i + 1,
            )),
            Kind::Number(..) => {
                if let Some(year) = self.year(i) {
                    return named(
                        DatePart {
                            year: Some(year),
                            ..DatePart::default()
                        },
                        i + 1,
                    );
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
                named(
                    DatePart {
                        day: Some(day),
                        month: Some(month),
                        year,
                    },
                    if year.is_some() { k + 1 } else { j + 1 },
                )
            }
            Kind::Quarter(quarter) => {
                let j = self.skip_filler(i + 1);
                let year = self.year(j)?;
                named(
                    DatePart {
                        day: None,
                        month: Some(3 * quarter - 2),
                        year: Some(year),
                    },
                    j + 1,
                )
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
                        return named(
                            DatePart {
                                day: Some(day),
                                month: Some(month),
                                year: Some(year),
                            },
                            k + 1,
                        );
                    }
                    // `March 1 - April 15, 2021`: a start that takes the
                    // end's year.
                    if matches!(self.kind(j + 1), Some(Kind::Dash | Kind::RangeWord)) {
                        return named(
                            DatePart {
                                day: Some(day),
                                month: Some(month),
                                year: None,
                            },
                            j + 1,
                        );
                    }
                }
                let mut k = j;
                if self.kind(k) == Some(Kind::Comma) {
                    k += 1;
                }
                let year = self.year(k);
                named(
                    DatePart {
                        day: None,
                        month: Some(month),
                        year,
                    },
                    if year.is_some() { k + 1 } else { j },
                )
            }
            _ => None,
        }
    }

    /// What follows a start ending before token `at`: the end, whether the
    /// range is open, and the index after it all.
    fn range_end(&self, start: &Found, at: usize) -> (Option<Found>, bool, usize) {
        let year_only_start = start.part.year.filter(|_| start.is_year_only());
        match self.kind(at) {
            // `2017 onwards`, `2019 to date`
            Some(Kind::OpenEnd { joined: true }) => (None, true, at + 1),
            Some(separator @ (Kind::Dash | Kind::RangeWord | Kind::Slash)) => {
                let after = at + 1;
                // `2021-01-15/2023-01-14`: ISO 8601 joins the two days of an
                // interval with a slash.
                let iso_interval = separator == Kind::Slash
                    && matches!(self.kind(at.wrapping_sub(1)), Some(Kind::Iso(..)))
                    && matches!(self.kind(after), Some(Kind::Iso(..)));
                if separator == Kind::Slash && !iso_interval {
                    // `2014/2015`, `2019/20`: a slash joins years only.
                    let end_year = match (year_only_start, self.kind(after)) {
                        (Some(start), Some(Kind::Number(year, 4))) => {
                            i32::try_from(year).ok().filter(|&end| end > start)
                        }
                        (Some(start), Some(Kind::Number(digits, 2))) => later_year(start, digits),
                        _ => None,
                    };
                    // `2019/20 – 2021/22`: a range of such years (fiscal or
                    // school years) ends with the last year of its second.
                    let pair_after = |dash: usize| -> Option<(i32, usize)> {
                        if !matches!(self.kind(dash), Some(Kind::Dash | Kind::RangeWord)) {
                            return None;
                        }
                        let Some(Kind::Number(first, 4)) = self.kind(dash + 1) else {
                            return None;
                        };
                        let first = i32::try_from(first).ok()?;
                        if self.kind(dash + 2) != Some(Kind::Slash) {
                            return None;
                        }
                        let last = match self.kind(dash + 3)? {
                            Kind::Number(year, 4) => i32::try_from(year).ok(),
                            Kind::Number(digits, 2) => later_year(first, digits),
                            _ => None,
                        }?;
                        (last > first).then_some((last, dash + 4))
                    };
                    return match end_year {
                        Some(year) => {
                            match pair_after(after + 1).filter(|&(last, _)| last > year) {
                                Some((last, next)) => (Some(year_alone(last)), false, next),
                                None => (Some(year_alone(year)), false, after + 1),
                            }
                        }
                        None => (None, false, at),
                    };
                }
                if let Some(Kind::OpenEnd { .. }) = self.kind(after) {
                    return (None, true, after + 1);
                }
                if let Some((mut end, next)) = self.part(after) {
                    if let Some(Kind::Quarter(quarter)) = self.kind(after) {
                        end.part.month = Some(3 * quarter);
                    }
                    return (Some(end), false, next);
                }
                // `2019-21`
                let short_end = match (separator, year_only_start, self.kind(after)) {
                    (Kind::Dash, Some(start), Some(Kind::Number(digits, 2))) => {
                        later_year(start, digits)
                    }
                    _ => None,
                };
                if let Some(year) = short_end {
                    return (Some(year_alone(year)), false, after + 1);
                }
                if separator == Kind::Dash && matches!(self.kind(after), None | Some(Kind::Close)) {
                    // `(2015-)`
                    return (None, true, after);
                }
                (None, false, at)
            }
            _ => {
                // Two dates with no separator: `January 2009December 2010`
                // (copied from a page that set them apart by layout alone).
                if let Some((end, next)) = self.part(at) {
                    let named = start.numbers.is_none() && end.numbers.is_none();
                    let start_dated = start.part.month.is_some() || start.part.year.is_some();
                    if named && start_dated && end.part.year.is_some() {
                        return (Some(end), false, next);
                    }
                }
                (None, false, at)
            }
        }
    }

    fn expression(&self, order: NumericOrder) -> Option<DateExpr> {
        let mut i = 0;
        let parenthesised = self.kind(0) == Some(Kind::Open);
        if parenthesised {
            i += 1;
        }
        let since = self.kind(i) == Some(Kind::Since);
        if since || self.kind(i) == Some(Kind::From) {
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
                end.part.month?;
                (
                    Found {
                        part: DatePart {
                            day: Some(day),
                            ..DatePart::default()
                        },
                        numbers: None,
                    },
                    i + 1,
                )
            }
        };
        let (end, open_end, mut next) = self.range_end(&start, after_start);
        // `Since 2018` alone on its line is a start whose range is still
        // open. Words after it make it prose (`Since March 2010, the ILO
        // has…`), and `Since 2018 to 2020` is no date.
        // `Since 2019 (ongoing)` says the same twice.
        let more = self.tokens.get(next..).unwrap_or_default();
        let says_open = |kind: Kind| {
            matches!(
                kind,
                Kind::Filler | Kind::Open | Kind::Close | Kind::OpenEnd { .. }
            )
        };
        // `Since March 2023 (18 months)`: how long, in brackets after it.
        let length_in_brackets = matches!(
            more.iter().map(|t| t.kind).collect::<Vec<_>>().as_slice(),
            [Kind::Open, Kind::Number(..), Kind::Other, Kind::Close]
        );
        // `Since 2011: Uganda, …`: a colon ends the dates of what follows
        // it, as a label's does.
        let before_colon = more.first().is_some_and(|t| t.kind == Kind::Colon);
        if since
            && (end.is_some()
                || (!length_in_brackets
                    && !before_colon
                    && more.iter().any(|t| !says_open(t.kind))))
        {
            return None;
        }
        let open_end = open_end || since;
        if parenthesised {
            if self.kind(next) != Some(Kind::Close) {
                return None;
            }
            next += 1;
        }
        // A start without a year must borrow the end's: `1 August - 31
        // December 2010`. Alone, `March` or `1 August` is not a date.
        let has_year = start.part.year.is_some() || end.is_some_and(|e| e.part.year.is_some());
        if !has_year {
            return None;
        }
        if end.is_some_and(|e| e.part.year.is_none()) {
            return None;
        }
        // `1.6-31.8.2017`: numbers without a year are a date only as the
        // start of a range of numeric dates; `3.5 - 2019` is not one.
        if start.numbers.is_some()
            && start.part.year.is_none()
            && end.is_none_or(|e| e.numbers.is_none())
        {
            return None;
        }
        let (order_hint, ambiguous_order) = settle(&[Some(start), end]);
        let order = order_hint.unwrap_or(order);
        Some(DateExpr {
            start: start.in_order(order),
            end: end.map(|e| e.in_order(order)),
            open_end,
            len: self.covered(next),
            order_hint,
            ambiguous_order,
        })
    }

    /// `- 31.12.2013`: a dash or range word, then a date with a year.
    fn end_date(&self, order: NumericOrder) -> Option<EndDate> {
        if !self.kind(0)?.begins_end_date() {
            return None;
        }
        let (end, next) = self.part(1)?;
        end.part.year?;
        let (order_hint, ambiguous_order) = settle(&[Some(end)]);
        Some(EndDate {
            end: end.in_order(order_hint.unwrap_or(order)),
            // Moved past the white space by the caller, which has the text.
            date_at: self.covered(1),
            len: self.covered(next),
            order_hint,
            ambiguous_order,
        })
    }
}

fn year_alone(year: i32) -> Found {
    Found {
        part: DatePart {
            year: Some(year),
            ..DatePart::default()
        },
        numbers: None,
    }
}

/// The head of `text` a date can be in: lexing only the head keeps a
/// 100 MB line as cheap as a short one.
fn date_head(text: &str) -> &str {
    // A date range never needs more than this.
    const LONGEST_DATE_TEXT: usize = 160;
    let mut head = text.len().min(LONGEST_DATE_TEXT);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    &text[..head]
}

/// The date or date range that `text` starts with, if any, numeric dates
/// read day first (see [`scan_date_in`]).
///
/// ```
/// use devcoop_ingest::dates::{scan_date, DatePart};
/// let expr = scan_date("1 August - 31 December 2010, Dakar").unwrap();
/// assert_eq!(expr.start, DatePart { day: Some(1), month: Some(8), year: None });
/// assert_eq!(expr.end.unwrap().year, Some(2010));
/// assert_eq!(&"1 August - 31 December 2010, Dakar"[expr.len..], ", Dakar");
/// ```
pub fn scan_date(text: &str) -> Option<DateExpr> {
    scan_date_in(text, NumericOrder::DayFirst)
}

/// The date or date range that `text` starts with, numeric dates read in
/// `order` unless their numbers allow only the other.
///
/// ```
/// use devcoop_ingest::dates::{scan_date_in, NumericOrder};
/// let us = scan_date_in("01/06/2020 - 06/15/2020", NumericOrder::DayFirst).unwrap();
/// // 06/15 can only be month first, so the whole range is.
/// assert_eq!(us.order_hint, Some(NumericOrder::MonthFirst));
/// assert_eq!((us.start.day, us.start.month), (Some(6), Some(1)));
/// let open = scan_date_in("01/06/2020", NumericOrder::MonthFirst).unwrap();
/// assert!(open.ambiguous_order);
/// assert_eq!((open.start.day, open.start.month), (Some(6), Some(1)));
/// ```
pub fn scan_date_in(text: &str, order: NumericOrder) -> Option<DateExpr> {
    let tokens = lex(date_head(text), Kind::begins_date);
    Parser { tokens: &tokens }
        .expression(order)
        .or_else(|| start_after_phrase(text, order))
}

/// Where the date starts after one of `phrases` (in lower case, each
/// opening with an ASCII letter) that `text` opens with in any case, a
/// space between. Every line that is no date is asked: most are turned
/// away by their first letter, and none is lowered into a new string.
fn date_after_phrase(text: &str, phrases: &[&str]) -> Option<usize> {
    let first = text.as_bytes().first()?.to_ascii_lowercase();
    let phrase = phrases.iter().find(|phrase| {
        phrase.as_bytes().first() == Some(&first)
            && text
                .get(..phrase.len())
                .is_some_and(|head| head.chars().flat_map(char::to_lowercase).eq(phrase.chars()))
            && text[phrase.len()..].starts_with(' ')
    })?;
    let rest = &text[phrase.len()..];
    Some(text.len() - rest.trim_start().len())
}

/// Phrases that say a project began, before its date alone on a line.
const STARTED_PHRASES: &[&str] = &[
    "started in",
    "starting in",
    "started",
    "starting",
    "launched in",
    "launched",
    "began in",
    "commenced in",
];

/// A start after one of [`STARTED_PHRASES`], the date ending the text:
/// `Launched in 2018`, `Started in March 2019`. With more words after it
/// the line is prose (`Started in 2019, the project …`).
fn start_after_phrase(text: &str, order: NumericOrder) -> Option<DateExpr> {
    let date_at = date_after_phrase(text, STARTED_PHRASES)?;
    let tokens = lex(date_head(&text[date_at..]), Kind::begins_date);
    let expr = Parser { tokens: &tokens }.expression(order)?;
    let alone = text[date_at + expr.len..].trim().is_empty();
    (alone && expr.end.is_none() && !expr.open_end).then_some(DateExpr {
        len: date_at + expr.len,
        ..expr
    })
}

/// The end of a range printed on a line of its own (`- 31.12.2013`,
/// `– June 2009`, `to 30 June 2009`, `until 2013`), numeric dates read day
/// first. For a reader that has just seen a lone start date: at the head
/// of any other line, a dash is a bullet.
///
/// ```
/// use devcoop_ingest::dates::{scan_date, scan_end_date, DatePart};
/// let line = "- 31.12.2013";
/// assert_eq!(scan_date(line), None);
/// let end = scan_end_date(line).unwrap();
/// assert_eq!(end.end, DatePart { day: Some(31), month: Some(12), year: Some(2013) });
/// assert_eq!(&line[end.date_at..end.len], "31.12.2013");
/// ```
pub fn scan_end_date(text: &str) -> Option<EndDate> {
    scan_end_date_in(text, NumericOrder::DayFirst)
}

/// [`scan_end_date`], numeric dates read in `order` unless their numbers
/// allow only the other.
pub fn scan_end_date_in(text: &str, order: NumericOrder) -> Option<EndDate> {
    let head = date_head(text);
    let tokens = lex(head, Kind::begins_end_date);
    let Some(mut found) = Parser { tokens: &tokens }.end_date(order) else {
        return end_after_phrase(head, order);
    };
    // The date starts after the white space that follows the dash or word.
    let after_joiner = head.get(found.date_at..)?;
    found.date_at += after_joiner.len() - after_joiner.trim_start().len();
    Some(found)
}

/// Phrases of more than one word, or with an apostrophe, that say
/// "until" in the languages listings are in.
const UNTIL_PHRASES: &[&str] = &[
    "jusqu'à",
    "jusqu’à",
    "jusqu'au",
    "jusqu’au",
    "jusqu'en",
    "jusqu’en",
    "fino al",
    "fino a",
    "até",
    "bis zum",
    "bis ende",
];

/// An end after one of [`UNTIL_PHRASES`]: `Jusqu'à décembre 2024`, `Fino al
/// 2022`, `Até 2023`.
fn end_after_phrase(text: &str, order: NumericOrder) -> Option<EndDate> {
    let date_at = date_after_phrase(text, UNTIL_PHRASES)?;
    let expr = scan_date_in(&text[date_at..], order)?;
    (expr.end.is_none() && !expr.open_end).then_some(EndDate {
        end: expr.start,
        date_at,
        len: date_at + expr.len,
        order_hint: expr.order_hint,
        ambiguous_order: expr.ambiguous_order,
    })
}

/// How a title's trailing dates are set off from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrailingKind {
    /// `Decent work for migrants (2009–2010)`, `… (2015-)`.
    Parenthesised,
    /// `…, 2021`, `…, 2019-2021`.
    AfterComma,
    /// `… – 2019-2021`.
    AfterDash,
    /// `…: 2019-2021`.
    AfterColon,
    /// `TITLE 2015-2018`, `… 2014/2015`.
    AfterSpace,
}

/// Dates at the end of a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrailingDate {
    /// Where the title ends: `&title[..at]` is the title without the dates
    /// and their separator (`, `, ` – `, `: `, ` (`).
    pub at: usize,
    /// Where the printed dates start (at the parenthesis of a
    /// parenthesised date): `&title[date_at..]` is what [`scan_date`] read.
    pub date_at: usize,
    pub expr: DateExpr,
    pub kind: TrailingKind,
}

/// The most bytes of a title's end searched for unparenthesised dates
/// (`, September 2019 – December 2021` is 32).
const LONGEST_TRAILING_DATE: usize = 64;

/// Dates that end a title, with some title left before them.
///
/// In parentheses any date or range counts (`(2009–2010)`, `(2015-)`,
/// `(2017–present)`, `(1 June 2007 - 30 June 2009)`). Otherwise only years
/// and months with years: a range after a comma, a dash, a colon or a
/// space (`TITLE 2015-2018`, `Title 2014/2015`), and a lone year after a
/// comma (`…, 2021`, as the gold reads it). A lone year after a space names
/// (`Support to Albanian Census 2011`, `Agenda 2030`), and a number that
/// cannot be a project's year is not one (`Fair recruitment (1011)`).
///
/// ```
/// use devcoop_ingest::dates::{trailing_title_date, TrailingKind};
/// let title = "Skills for migrant workers, 2019-2021";
/// let found = trailing_title_date(title).unwrap();
/// assert_eq!(&title[..found.at], "Skills for migrant workers");
/// assert_eq!(&title[found.date_at..], "2019-2021");
/// assert_eq!(found.kind, TrailingKind::AfterComma);
/// assert!(trailing_title_date("Support to Albanian Census 2011").is_none());
/// ```
pub fn trailing_title_date(title: &str) -> Option<TrailingDate> {
    let trimmed = title.trim_end();
    let found = if trimmed.ends_with(')') {
        parenthesised_title_date(trimmed)?
    } else {
        unparenthesised_title_date(trimmed)?
    };
    let keeps_title = trimmed
        .get(..found.at)
        .is_some_and(|t| !t.trim().is_empty());
    keeps_title.then_some(found)
}

/// Whether `text` is a month's name alone, maybe with a comma or stop
/// after it (`Jun,`, `Septembre`): a card that breaks its date's line
/// between the month and the year prints one.
pub(crate) fn is_lone_month(text: &str) -> bool {
    let word = text.trim().trim_end_matches([',', '.']).trim_end();
    let lower = word.to_lowercase();
    !lower.is_empty()
        && lower.len() == word.len()
        && lower.chars().all(char::is_alphabetic)
        && split_months(&lower).is_some_and(|months| months.len() == 1)
}

/// Whether every year `expr` names is one a project may run in
/// (1900–2100): `3423` in a table's column of counts is no year.
pub(crate) fn has_project_years(expr: &DateExpr) -> bool {
    let plausible = |part: &DatePart| part.year.is_none_or(|y| PROJECT_YEARS.contains(&y));
    plausible(&expr.start) && expr.end.as_ref().is_none_or(plausible)
}

fn parenthesised_title_date(trimmed: &str) -> Option<TrailingDate> {
    let open = trimmed.rfind('(')?;
    let expr = scan_date(trimmed.get(open..)?)?;
    if open + expr.len != trimmed.len() || !has_project_years(&expr) {
        return None;
    }
    Some(TrailingDate {
        at: trimmed.get(..open)?.trim_end().len(),
        date_at: open,
        expr,
        kind: TrailingKind::Parenthesised,
    })
}

fn unparenthesised_title_date(trimmed: &str) -> Option<TrailingDate> {
    let mut from = trimmed.len().saturating_sub(LONGEST_TRAILING_DATE);
    while !trimmed.is_char_boundary(from) {
        from += 1;
    }
    let mut after_space = trimmed
        .get(..from)?
        .chars()
        .next_back()
        .is_some_and(char::is_whitespace);
    for (offset, c) in trimmed.get(from..)?.char_indices() {
        let word_start = after_space && !c.is_whitespace();
        after_space = c.is_whitespace();
        if !word_start {
            continue;
        }
        let date_at = from + offset;
        let Some(expr) = trimmed.get(date_at..).and_then(scan_date) else {
            continue;
        };
        if date_at + expr.len != trimmed.len() {
            continue;
        }
        // The earliest word from which dates run to the end decides: a
        // later one would leave part of the dates in the title
        // (`Strategy 1 June 2019 - 2021` is not `Strategy 1`).
        return title_date_after(trimmed, date_at, expr);
    }
    None
}

/// Dates running from `date_at` to the end of a title, if they count as
/// the title's dates.
fn title_date_after(trimmed: &str, date_at: usize, expr: DateExpr) -> Option<TrailingDate> {
    let no_day = |part: &DatePart| part.day.is_none();
    if !has_project_years(&expr) || !no_day(&expr.start) || !expr.end.as_ref().is_none_or(no_day) {
        return None;
    }
    // `Title 2015-` is more likely a title broken at a hyphen than an open
    // range; an open range outside parentheses needs its word.
    let dash_ended = trimmed.ends_with(['-', '–', '—', '‐', '‑', '−']);
    if expr.open_end && dash_ended {
        return None;
    }
    let is_range = expr.end.is_some() || expr.open_end;
    let before = trimmed.get(..date_at)?.trim_end();
    let (kind, title) = if let Some(title) = before.strip_suffix(',') {
        (TrailingKind::AfterComma, title)
    } else if let Some(title) = before.strip_suffix(':') {
        (TrailingKind::AfterColon, title)
    } else if let Some(title) = before.strip_suffix(['-', '–', '—']) {
        (TrailingKind::AfterDash, title)
    } else {
        (TrailingKind::AfterSpace, before)
    };
    // A lone year after a comma is the gold's `…, 2021`; after anything
    // else, and a lone month, it is more likely part of the name.
    let lone_year_after_comma = kind == TrailingKind::AfterComma && expr.start.month.is_none();
    if !is_range && !lone_year_after_comma {
        return None;
    }
    Some(TrailingDate {
        at: title.trim_end().len(),
        date_at,
        expr,
        kind,
    })
}

/// A trailing `(2009–2010)` or `(2015-)` at the end of a title: the byte
/// offset where the parenthesis starts, and the expression inside it; the
/// [`TrailingKind::Parenthesised`] case of [`trailing_title_date`].
pub fn trailing_parenthesised_date(title: &str) -> Option<(usize, DateExpr)> {
    // Only a title ending in a bracket can end in one: the other kinds,
    // looked for at every word of the title's end, are not asked.
    if !title.trim_end().ends_with(')') {
        return None;
    }
    trailing_title_date(title)
        .filter(|found| found.kind == TrailingKind::Parenthesised)
        .map(|found| (found.date_at, found.expr))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_month_alone_is_told_from_words_that_begin_as_one() {
        for month in ["Jun,", "June", "Mars,", " Septembre. ", "Dezember"] {
            assert!(is_lone_month(month), "{month}");
        }
        for text in ["Junction", "Jun 2024", "", ",", "Setting", "MarchApril"] {
            assert!(!is_lone_month(text), "{text}");
        }
    }

    use super::*;
    use proptest::prelude::*;

    fn part(day: Option<u32>, month: Option<u32>, year: Option<i32>) -> DatePart {
        DatePart { day, month, year }
    }

    fn range(text: &str) -> (DatePart, Option<DatePart>) {
        let expr = scan_date(text).unwrap_or_else(|| panic!("no date in {text:?}"));
        (expr.start, expr.end)
    }

    #[test]
    fn a_year_dot_month_is_a_month() {
        assert_eq!(
            range("2019.04 - 2024.03"),
            (
                part(None, Some(4), Some(2019)),
                Some(part(None, Some(3), Some(2024)))
            )
        );
        assert_eq!(range("2019.04.01").0, part(Some(1), Some(4), Some(2019)));
        assert!(scan_date("2019.13").is_none_or(|e| e.start.month.is_none()));
    }

    #[test]
    fn a_year_hyphen_month_is_a_month_unless_it_is_a_financial_year() {
        assert_eq!(
            range("2021-05 → 2023-04"),
            (
                part(None, Some(5), Some(2021)),
                Some(part(None, Some(4), Some(2023)))
            )
        );
        // The next year's last two digits: the financial year 2004–05.
        assert_eq!(
            range("2004-05"),
            (
                part(None, None, Some(2004)),
                Some(part(None, None, Some(2005)))
            )
        );
        assert_eq!(range("2021-05-17").0, part(Some(17), Some(5), Some(2021)));
    }

    #[test]
    fn french_abbreviated_months_are_months() {
        assert_eq!(
            range("janv. 2021 – déc. 2022"),
            (
                part(None, Some(1), Some(2021)),
                Some(part(None, Some(12), Some(2022)))
            )
        );
        assert_eq!(range("févr. 2020").0, part(None, Some(2), Some(2020)));
        assert_eq!(range("juil. 2019").0, part(None, Some(7), Some(2019)));
        assert_eq!(range("avr. 2018").0, part(None, Some(4), Some(2018)));
    }

    #[test]
    fn scandinavian_month_names_are_months() {
        assert_eq!(
            range("Maj – december 2023"),
            (
                part(None, Some(5), None),
                Some(part(None, Some(12), Some(2023)))
            )
        );
        assert_eq!(
            range("1 marts 2021 – 31 augusti 2022"),
            (
                part(Some(1), Some(3), Some(2021)),
                Some(part(Some(31), Some(8), Some(2022)))
            )
        );
        assert_eq!(
            range("desember 2024"),
            (part(None, Some(12), Some(2024)), None)
        );
    }

    #[test]
    fn dutch_month_names_are_months() {
        assert_eq!(
            range("22 oktober 2018"),
            (part(Some(22), Some(10), Some(2018)), None)
        );
        assert_eq!(
            range("14 maart 2019 – 31 augustus 2021"),
            (
                part(Some(14), Some(3), Some(2019)),
                Some(part(Some(31), Some(8), Some(2021)))
            )
        );
        // `t/m`: tot en met, up to and including.
        assert_eq!(
            range("1 april 2019 t/m 31 maart 2022"),
            (
                part(Some(1), Some(4), Some(2019)),
                Some(part(Some(31), Some(3), Some(2022)))
            )
        );
        assert_eq!(scan_date("2019 t/md").map(|e| e.end.is_some()), Some(false));
        assert_eq!(
            range("januari 2020 tot mei 2022"),
            (
                part(None, Some(1), Some(2020)),
                Some(part(None, Some(5), Some(2022)))
            )
        );
    }

    #[test]
    fn words_are_split_into_month_names_only_when_made_of_them() {
        for &(name, month) in MONTH_NAMES {
            assert!(may_begin_a_month(name.as_bytes()), "{name}");
            assert_eq!(split_months(name), Some(vec![(month, name.len())]));
            assert_eq!(month_named(name), Some(month), "{name}");
        }
        assert_eq!(month_named("junejuly"), None);
        assert_eq!(split_months("junejuly"), Some(vec![(6, 4), (7, 4)]));
        assert_eq!(split_months("décembre"), Some(vec![(12, "décembre".len())]));
        for word in ["the", "project", "m", "ma", "junk", "décor"] {
            assert_eq!(split_months(word), None, "{word}");
        }
        assert_eq!(split_months(""), Some(Vec::new()));
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
            range("March 1 - April 15, 2021"),
            (
                part(Some(1), Some(3), None),
                Some(part(Some(15), Some(4), Some(2021)))
            )
        );
        assert_eq!(
            range("June 3 to July 30, 2020"),
            (
                part(Some(3), Some(6), None),
                Some(part(Some(30), Some(7), Some(2020)))
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
    fn iso_dates_run_together_are_a_range() {
        assert_eq!(
            range("2019-01-012020-12-31"),
            (
                part(Some(1), Some(1), Some(2019)),
                Some(part(Some(31), Some(12), Some(2020)))
            )
        );
        // A longer number after a date is no second date.
        assert_ne!(range("2019-01-0123").0.month, Some(1));
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
    fn a_month_and_year_in_numbers() {
        for text in ["06/2019 – 05/2022", "06.2019-05.2022", "6-2019 to 5-2022"] {
            let (start, end) = range(text);
            assert_eq!(start, part(None, Some(6), Some(2019)), "{text}");
            assert_eq!(end, Some(part(None, Some(5), Some(2022))), "{text}");
            assert_eq!(scan_date(text).unwrap().len, text.len(), "{text}");
        }
        // A thirteenth month, a year of five digits, a code that goes on.
        assert!(scan_date("13/2019").is_none());
        assert!(scan_date("06/20190").is_none());
        assert!(scan_date("06/2019/1").is_none());
        // Day, month and year are still a day.
        assert_eq!(range("01/06/2019").0, part(Some(1), Some(6), Some(2019)));
    }

    #[test]
    fn a_range_of_split_years_ends_with_the_last_year() {
        for text in [
            "2019/20 – 2021/22",
            "2019/2020 - 2021/2022",
            "2019/20 to 2021/22",
        ] {
            assert_eq!(range(text), (year(2019), Some(year(2022))), "{text}");
            assert_eq!(scan_date(text).unwrap().len, text.len(), "{text}");
        }
        assert_eq!(range("2019/20"), (year(2019), Some(year(2020))));
    }

    #[test]
    fn spanish_and_french_a_join_a_range() {
        assert_eq!(range("2019 a 2022"), (year(2019), Some(year(2022))));
        assert_eq!(range("2019 à 2022"), (year(2019), Some(year(2022))));
        // Not followed by a date, `a` is only a word after a year.
        assert_eq!(range("2019 a year of change").1, None);
    }

    #[test]
    fn quarters_start_on_their_first_month_and_end_on_their_last() {
        for text in ["Q1 2019 – Q4 2021", "q1 2019 to q4 2021"] {
            let (start, end) = range(text);
            assert_eq!(start, part(None, Some(1), Some(2019)), "{text}");
            assert_eq!(end, Some(part(None, Some(12), Some(2021))), "{text}");
            assert_eq!(scan_date(text).unwrap().len, text.len(), "{text}");
        }
        assert_eq!(range("Q3 2020").0, part(None, Some(7), Some(2020)));
        assert!(scan_date("Q5 2020").is_none());
        assert!(scan_date("Q12 report").is_none());
    }

    #[test]
    fn fiscal_years_are_their_years() {
        let text = "FY2019–FY2021";
        assert_eq!(range(text), (year(2019), Some(year(2021))));
        assert_eq!(scan_date(text).unwrap().len, text.len());
        assert_eq!(range("FY 2019 - FY 2021"), (year(2019), Some(year(2021))));
        assert!(scan_date("FYI 2019").is_none());
        assert_eq!(range("FY19-FY22"), (year(2019), Some(year(2022))));
        assert_eq!(range("FY19–21"), (year(2019), Some(year(2021))));
        assert!(scan_date("FY190").is_none());
    }

    #[test]
    fn a_day_with_the_months_name_between_dashes() {
        let expr = scan_date("12-Nov-2019 – 30-Jun-2023").unwrap();
        assert_eq!(
            expr.start,
            DatePart {
                day: Some(12),
                month: Some(11),
                year: Some(2019)
            }
        );
        assert_eq!(expr.end.and_then(|e| e.month), Some(6));
        assert_eq!(expr.len, "12-Nov-2019 – 30-Jun-2023".len());
        assert!(day_month_name_year("12-Nov-20199").is_none());
        assert!(day_month_name_year("12-Novel-2019").is_none());
    }

    #[test]
    fn an_iso_interval_joins_its_days_with_a_slash() {
        let expr = scan_date("2021-01-15/2023-01-14").unwrap();
        assert_eq!(expr.end.and_then(|e| e.year), Some(2023));
        assert_eq!(expr.len, "2021-01-15/2023-01-14".len());
        // A slash after a day and before a year is no interval.
        assert_eq!(scan_date("2021-01-15/2023").unwrap().end, None);
    }

    #[test]
    fn a_start_after_a_phrase_alone_on_its_line() {
        let launched = scan_date("Launched in 2018").unwrap();
        assert_eq!((launched.start.year, launched.end), (Some(2018), None));
        assert_eq!(launched.len, "Launched in 2018".len());
        assert_eq!(
            scan_date("Started in March 2019").unwrap().start.month,
            Some(3)
        );
        assert!(scan_date("Started in 2019, the project trained nurses.").is_none());
        assert!(scan_date("Started in 2019 – 2021").is_none());
        assert!(scan_date("Starter kits in 2019").is_none());
    }

    #[test]
    fn since_opens_a_range() {
        for text in [
            "Since 2018",
            "since March 2019",
            "Depuis 06/2017",
            "sinds 2015",
        ] {
            let expr = scan_date(text).unwrap();
            assert!(expr.open_end, "{text}");
            assert_eq!(expr.end, None, "{text}");
            assert_eq!(expr.len, text.len(), "{text}");
        }
        assert_eq!(
            scan_date("Since 2018").unwrap().start,
            part(None, None, Some(2018))
        );
        assert!(scan_date("Since 2018 to 2020").is_none());
        // Only a line that opens with it.
        assert!(scan_date("2018 since").is_none_or(|e| !e.open_end));
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
            "Since March 2010 the office",
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

    fn day(d: u32, m: u32, y: i32) -> DatePart {
        part(Some(d), Some(m), Some(y))
    }

    fn year(y: i32) -> DatePart {
        part(None, None, Some(y))
    }

    fn open_start(text: &str) -> DatePart {
        let expr = scan_date(text).unwrap_or_else(|| panic!("no date in {text:?}"));
        assert!(expr.open_end, "{text}: not open");
        assert_eq!(expr.end, None, "{text}");
        assert_eq!(expr.len, text.len(), "{text}");
        expr.start
    }

    #[test]
    fn us_day_after_month_and_comma_after_day_or_month() {
        assert_eq!(range("March 3, 2019"), (day(3, 3, 2019), None));
        assert_eq!(range("15 May, 2018"), (day(15, 5, 2018), None));
        assert_eq!(
            range("April, 2011 – June, 2013"),
            (
                part(None, Some(4), Some(2011)),
                Some(part(None, Some(6), Some(2013)))
            )
        );
        assert_eq!(
            range("Sept. 2019 – Jan. 2021"),
            (
                part(None, Some(9), Some(2019)),
                Some(part(None, Some(1), Some(2021)))
            )
        );
    }

    #[test]
    fn open_ranges_end_in_a_word() {
        for text in [
            "2017 – onwards",
            "2017 onwards",
            "2017 - present",
            "2017 – ongoing",
            "2017 to present",
            "2017 – Present",
            "2019 – to date",
            "2019 to date",
            "2019 - now",
            "2019 - today",
            "2019 – en cours",
            "2019 à ce jour",
            "2019 - actualidad",
            "2019 hasta la actualidad",
            "2019 – presente",
            "(2017–present)",
            "(2017 - ongoing)",
            "2019 – heute",
            "2019 - laufend",
            "2019 tot heden",
            "2019 – in corso",
            "2019 - en curso",
            "2019 – em curso",
            "2019 - hoy",
        ] {
            let start = open_start(text);
            assert_eq!(
                start.year,
                Some(if text.contains("2017") { 2017 } else { 2019 })
            );
        }
        assert_eq!(
            open_start("March 2017 – present"),
            part(None, Some(3), Some(2017))
        );
        // The word must end the range, not begin a longer one.
        assert_eq!(scan_date("2017 - presentation of results").unwrap().len, 4);
        // Without a dash only words that carry their joiner open a range.
        assert!(!scan_date("2017 ongoing").unwrap().open_end);
        assert!(!scan_date("2019 now").unwrap().open_end);
    }

    #[test]
    fn since_with_its_length_in_brackets_opens_a_range() {
        for text in ["seit März 2023 (18 Monate)", "since March 2023 (18 months)"] {
            let expr = scan_date(text).unwrap_or_else(|| panic!("{text}"));
            assert!(expr.open_end, "{text}");
            assert_eq!(expr.start.month, Some(3), "{text}");
        }
        assert_eq!(scan_date("since March 2023 (18 months) the team"), None);
    }

    #[test]
    fn since_before_a_colon_dates_what_follows() {
        for (text, dates) in [
            ("Since 2011: Uganda, a rural university", "Since 2011"),
            ("Vanaf 2014: Ghana, Compassion for Kids", "Vanaf 2014"),
        ] {
            let expr = scan_date(text).unwrap_or_else(|| panic!("{text}"));
            assert!(expr.open_end, "{text}");
            assert_eq!(&text[..expr.len], dates);
        }
    }

    #[test]
    fn since_before_words_is_prose_not_an_open_range() {
        assert_eq!(
            scan_date("since 2017, training has been offered in Dakar"),
            None
        );
        assert_eq!(
            scan_date("Since March 2010, the ILO has been working"),
            None
        );
        assert_eq!(scan_date("Ongoing since January 2020"), None);
        assert_eq!(scan_date("Present in 2019"), None);
    }

    #[test]
    fn two_digit_end_year_is_the_next_year_with_those_digits() {
        assert_eq!(range("2019-21"), (year(2019), Some(year(2021))));
        assert_eq!(range("2019 – 21"), (year(2019), Some(year(2021))));
        assert_eq!(range("2019/20"), (year(2019), Some(year(2020))));
        assert_eq!(range("1999-00"), (year(1999), Some(year(2000))));
        assert_eq!(scan_date("2019-21").unwrap().len, 7);
    }

    #[test]
    fn slash_joins_two_years() {
        assert_eq!(range("2014/2015"), (year(2014), Some(year(2015))));
        // An earlier year, a month or a day after the slash is no range.
        let text = "2015/2014";
        assert_eq!(range(text), (year(2015), None));
        assert_eq!(scan_date(text).unwrap().len, 4);
        assert_eq!(range("2019/June 2020"), (year(2019), None));
    }

    #[test]
    fn a_two_digit_number_that_makes_no_later_year_is_no_end() {
        // 2119 is no project's year; `2019-06` is June 2019 (ISO 8601's
        // year and month).
        assert_eq!(
            scan_date("2019-06").map(|e| (e.start, e.end, e.len)),
            Some((part(None, Some(6), Some(2019)), None, 7))
        );
        for text in ["2019-18", "2019 - 21 workers"] {
            let expr = scan_date(text).unwrap();
            if text == "2019 - 21 workers" {
                // Prose like this is read as a range: the reader looks
                // for dates on date lines only.
                assert_eq!(expr.end, Some(year(2021)));
            } else {
                assert_eq!((expr.end, expr.len), (None, 4), "{text}");
            }
        }
        assert_eq!(scan_date("2019-2").unwrap().end, None);
        assert_eq!(scan_date("2019-123").unwrap().end, None);
    }

    #[test]
    fn numeric_dates_day_first() {
        for text in [
            "01/06/2020",
            "1/6/2020",
            "01.06.2020",
            "01-06-2020",
            "1.6.2020",
        ] {
            let expr = scan_date(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(expr.start, day(1, 6, 2020), "{text}");
            assert_eq!(expr.end, None);
            assert_eq!(expr.len, text.len());
            assert!(expr.ambiguous_order, "{text}");
            assert_eq!(expr.order_hint, None);
        }
        let expr = scan_date("01.07.2011").unwrap();
        assert_eq!(expr.start, day(1, 7, 2011));
    }

    #[test]
    fn year_first_numeric_dates_are_iso_order() {
        for order in [NumericOrder::DayFirst, NumericOrder::MonthFirst] {
            let expr = scan_date_in("2020/06/01", order).unwrap();
            assert_eq!(expr.start, day(1, 6, 2020));
            assert!(!expr.ambiguous_order);
            assert_eq!(expr.order_hint, None);
        }
        assert_eq!(range("2020.6.1").0, day(1, 6, 2020));
        assert_eq!(range("2020-6-1").0, day(1, 6, 2020));
        // No thirteenth month: a year and what follows.
        assert_eq!(range("2020/13/01").0, year(2020));
    }

    #[test]
    fn numeric_ranges() {
        assert_eq!(
            range("01/06/2020 - 31/05/2022"),
            (day(1, 6, 2020), Some(day(31, 5, 2022)))
        );
        assert_eq!(
            range("01.07.2011 - 31.12.2013"),
            (day(1, 7, 2011), Some(day(31, 12, 2013)))
        );
        assert_eq!(
            range("01-06-2020 – 31-05-2022"),
            (day(1, 6, 2020), Some(day(31, 5, 2022)))
        );
        assert_eq!(
            range("01.07.2011 to 31.12.2013"),
            (day(1, 7, 2011), Some(day(31, 12, 2013)))
        );
        // The table cells of the Swiss pages, joined as the record joins them.
        assert_eq!(
            range("15.06.2011 – 31.12.2012"),
            (day(15, 6, 2011), Some(day(31, 12, 2012)))
        );
    }

    #[test]
    fn numeric_start_without_year_takes_the_end_year_later() {
        let expr = scan_date("1.6-31.8.2017").unwrap();
        assert_eq!(expr.start, part(Some(1), Some(6), None));
        assert_eq!(expr.end, Some(day(31, 8, 2017)));
        assert_eq!(expr.order_hint, Some(NumericOrder::DayFirst));
        assert!(!expr.ambiguous_order);
        assert_eq!(expr.len, "1.6-31.8.2017".len());
        // Alone, or before anything but a numeric date, two numbers are not a date.
        for text in [
            "1.6",
            "12/30",
            "3.5 million",
            "3.5 - 2019",
            "1.6 - June 2017",
        ] {
            assert_eq!(scan_date(text), None, "{text}");
        }
    }

    #[test]
    fn impossible_day_first_numbers_are_read_month_first() {
        let expr = scan_date("06/15/2020").unwrap();
        assert_eq!(expr.start, day(15, 6, 2020));
        assert_eq!(expr.order_hint, Some(NumericOrder::MonthFirst));
        assert!(!expr.ambiguous_order);
        let expr = scan_date_in("31/05/2022", NumericOrder::MonthFirst).unwrap();
        assert_eq!(expr.start, day(31, 5, 2022));
        assert_eq!(expr.order_hint, Some(NumericOrder::DayFirst));
    }

    #[test]
    fn one_settled_date_settles_the_whole_range() {
        let expr = scan_date_in("01/06/2020 - 31/05/2022", NumericOrder::MonthFirst).unwrap();
        assert_eq!(expr.start, day(1, 6, 2020));
        assert_eq!(expr.order_hint, Some(NumericOrder::DayFirst));
        assert!(!expr.ambiguous_order);
        let expr = scan_date("06/01/2020 - 05/31/2022").unwrap();
        assert_eq!(expr.start, day(1, 6, 2020));
        assert_eq!(expr.end, Some(day(31, 5, 2022)));
        assert_eq!(expr.order_hint, Some(NumericOrder::MonthFirst));
    }

    #[test]
    fn ambiguous_numbers_follow_the_order_asked_for() {
        let text = "01/06/2020 - 05/04/2021";
        let day_first = scan_date_in(text, NumericOrder::DayFirst).unwrap();
        assert_eq!(day_first.start, day(1, 6, 2020));
        assert_eq!(day_first.end, Some(day(5, 4, 2021)));
        assert!(day_first.ambiguous_order);
        assert_eq!(day_first.order_hint, None);
        let month_first = scan_date_in(text, NumericOrder::MonthFirst).unwrap();
        assert_eq!(month_first.start, day(6, 1, 2020));
        assert_eq!(month_first.end, Some(day(4, 5, 2021)));
        assert!(month_first.ambiguous_order);
        // The same number twice reads the same either way.
        let same = scan_date("01/01/2020 - 12/12/2020").unwrap();
        assert!(!same.ambiguous_order);
    }

    #[test]
    fn contradicting_numeric_dates_are_each_read_as_they_can_be() {
        let expr = scan_date("13/01/2020 - 01/13/2021").unwrap();
        assert_eq!(expr.start, day(13, 1, 2020));
        assert_eq!(expr.end, Some(day(13, 1, 2021)));
        assert_eq!(expr.order_hint, None);
        assert!(!expr.ambiguous_order);
    }

    #[test]
    fn named_months_say_nothing_of_numeric_order() {
        let expr = scan_date("1 June 2007 - 30 June 2009").unwrap();
        assert_eq!(expr.order_hint, None);
        assert!(!expr.ambiguous_order);
        let expr = scan_date("2007-06-01").unwrap();
        assert_eq!(expr.order_hint, None);
        assert!(!expr.ambiguous_order);
    }

    #[test]
    fn numbers_that_are_not_numeric_dates() {
        for text in [
            "12/30",
            "3.5",
            "13/13/2020",
            "32.01.2020",
            "00.01.2020",
            "01/06/20",
            "01/06/12345",
            "01.06.1850",
            "01.06.2150",
            "1.2.3",
            "1.2.2019.5",
            "10.10.2010.1",
            "01/234 5678",
            "2.500 workers",
            "2,500 workers",
            "192.168.1.1",
            "12.5%",
            "- 31.12.2013",
            "– 31.12.2013",
            "1/2",
        ] {
            assert_eq!(scan_date(text), None, "{text}");
        }
        // Separators must agree: `01/06.2020` is no date.
        assert_eq!(scan_date("01/06.2020"), None);
    }

    #[test]
    fn prose_and_numbers_at_the_head_of_a_line() {
        for text in [
            "In 2007, the project",
            "Phase 2 – 2019 workers",
            "Tel. 01/234 5678",
            "Version 1.2.2019",
            "Convention Nos. 87 and 98",
            "Now the project",
            "To date, 500 workers",
            "en cours",
            "present",
        ] {
            assert_eq!(scan_date(text), None, "{text}");
        }
        // A date after a list number is the number's business, not a date.
        assert_eq!(scan_date("1.1 Strengthening labour inspection"), None);
        // A numeric date inside a `Duration:` value is read where it starts.
        assert_eq!(range("1.2.2019").0, day(1, 2, 2019));
    }

    #[test]
    fn lone_end_date_after_a_dash_or_word() {
        let line = "- 31.12.2013";
        let end = scan_end_date(line).unwrap();
        assert_eq!(end.end, day(31, 12, 2013));
        assert_eq!(end.date_at, 2);
        assert_eq!(end.len, line.len());
        assert_eq!(end.order_hint, Some(NumericOrder::DayFirst));
        for (text, printed, wanted) in [
            ("– 30 June 2009", "30 June 2009", day(30, 6, 2009)),
            ("to 30 June 2009", "30 June 2009", day(30, 6, 2009)),
            (
                "until December 2013",
                "December 2013",
                part(None, Some(12), Some(2013)),
            ),
            ("-  2013, Tirana", "2013", year(2013)),
            ("- 2013-12-31", "2013-12-31", day(31, 12, 2013)),
        ] {
            let end = scan_end_date(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(end.end, wanted, "{text}");
            assert_eq!(&text[end.date_at..end.len], printed, "{text}");
        }
        let ambiguous = scan_end_date_in("- 05.04.2021", NumericOrder::MonthFirst).unwrap();
        assert_eq!(ambiguous.end, day(4, 5, 2021));
        assert!(ambiguous.ambiguous_order);
        for text in [
            "31.12.2013",
            "- Training of inspectors",
            "- 31 December",
            "- to date",
            "to date",
            "- present",
            "-",
            "",
        ] {
            assert_eq!(scan_end_date(text), None, "{text}");
        }
    }

    fn title_date(title: &str) -> Option<(&str, &str, TrailingKind)> {
        trailing_title_date(title).map(|found| {
            assert!(found.at <= found.date_at);
            let expr = scan_date(&title[found.date_at..]).unwrap();
            assert_eq!(expr, found.expr);
            (
                &title[..found.at],
                title[found.date_at..].trim_end(),
                found.kind,
            )
        })
    }

    #[test]
    fn titles_ending_in_parenthesised_dates() {
        use TrailingKind::Parenthesised;
        for (title, kept, dates) in [
            ("Decent work (2009–2010)", "Decent work", "(2009–2010)"),
            ("Decent work (2015-)", "Decent work", "(2015-)"),
            (
                "Decent work (2017–present)",
                "Decent work",
                "(2017–present)",
            ),
            ("Decent work  (2019/20) ", "Decent work", "(2019/20)"),
        ] {
            assert_eq!(
                title_date(title),
                Some((kept, dates, Parenthesised)),
                "{title}"
            );
        }
        let (_, expr) = trailing_parenthesised_date("Decent work (2017–present)").unwrap();
        assert!(expr.open_end);
        assert_eq!(trailing_title_date("(2009–2010)"), None);
        assert_eq!(trailing_title_date("Decent work (ILO – GIP)"), None);
        assert_eq!(trailing_title_date("Decent work, 2019 (Phase 2)"), None);
    }

    #[test]
    fn titles_ending_in_years_after_a_separator() {
        use TrailingKind::*;
        for (title, kept, dates, kind) in [
            ("Title, 2021", "Title", "2021", AfterComma),
            ("Title, 2019-2021", "Title", "2019-2021", AfterComma),
            ("Title, 2017–present", "Title", "2017–present", AfterComma),
            ("Title – 2019-2021", "Title", "2019-2021", AfterDash),
            ("Title - 2019-21", "Title", "2019-21", AfterDash),
            ("Title: 2019–2021", "Title", "2019–2021", AfterColon),
            ("TITLE 2015-2018", "TITLE", "2015-2018", AfterSpace),
            ("Title 2014/2015", "Title", "2014/2015", AfterSpace),
            (
                "Title, March 2019 – June 2021",
                "Title",
                "March 2019 – June 2021",
                AfterComma,
            ),
            (
                "Title March–September 2015",
                "Title",
                "March–September 2015",
                AfterSpace,
            ),
            ("Plan 2015-2018, 2019", "Plan 2015-2018", "2019", AfterComma),
        ] {
            assert_eq!(title_date(title), Some((kept, dates, kind)), "{title}");
        }
    }

    #[test]
    fn titles_whose_numbers_are_not_their_dates() {
        for title in [
            "Support to Albanian Census 2011",
            "Agenda 2030",
            "Title – 2019",
            "Title: 2019",
            "Phase 2",
            "Phase 2 – 2019 workers",
            "Convention Nos. 87 and 98",
            "Fair recruitment in Nepal (1011)",
            "Title, 1011-1012",
            "Title 2015-",
            "Title, 2015-",
            "Title, June 2021",
            "Title, 1 June 2019 - 30 June 2021",
            "Strategy 1 June 2019 - 2021",
            "Title, 01.06.2020",
            "2019-2021",
            ", 2021",
            "",
        ] {
            assert_eq!(trailing_title_date(title), None, "{title}");
        }
    }

    /// Text made of what dates are made of, and anything else.
    fn date_like() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9 ./\\-–—,()a-zA-Z]{0,40}",
            "[0-9]{1,5}[./\\-][0-9]{1,5}([./\\-][0-9]{1,5}){0,2}( ?[\\-–/] ?[0-9./\\-]{0,12})?",
            "(\\(|- |to )?[0-9]{1,4}( ?[\\-–/]? ?(present|en cours|à ce jour|to date|onwards|[0-9]{1,4}))?\\)?",
            "\\PC{0,80}",
            "[0-9é–à.\u{a0}/ ]{0,30}",
        ]
    }

    proptest! {
        #[test]
        fn scanning_never_panics_and_ends_on_a_char_boundary(text in date_like()) {
            for order in [NumericOrder::DayFirst, NumericOrder::MonthFirst] {
                if let Some(expr) = scan_date_in(&text, order) {
                    prop_assert!(expr.len > 0 && expr.len <= text.len());
                    prop_assert!(text.is_char_boundary(expr.len));
                }
                if let Some(end) = scan_end_date_in(&text, order) {
                    prop_assert!(end.date_at < end.len && end.len <= text.len());
                    prop_assert!(text.is_char_boundary(end.date_at));
                    prop_assert!(text.is_char_boundary(end.len));
                }
            }
            if let Some(found) = trailing_title_date(&text) {
                prop_assert!(found.at <= found.date_at && found.date_at < text.len());
                prop_assert!(text.is_char_boundary(found.at));
                prop_assert!(text.is_char_boundary(found.date_at));
            }
        }

        /// Lexing stops two tokens after the first `Other` one: every
        /// parse of a date, a lone end date or the rest of a line after
        /// it is what the whole line's tokens give.
        #[test]
        fn lexing_stopped_after_a_word_no_date_uses_parses_the_same(
            text in prop_oneof![
                date_like(),
                "(Since|From|since) ?[0-9]{0,2} ?(March|Jan\\.|June)? ?(20[0-9]{2})? ?(\\(|-|to|:)? ?[0-9]{0,2} ?(months|present|2021|years|and)?\\)? ?[a-z]{0,6} ?\\)?",
                "[0-9]{1,2}\\. [A-Z][a-z]{2,8} (of|in|de|to) [a-z]{0,8} [0-9]{0,4}",
                "(Since|since|From) (March |1 June )?20[0-9]{2} \\(([0-9]{1,2}|an) (months|years|and)( [a-z]{1,6})?\\)?( [a-z]{1,6})?",
            ],
        ) {
            for order in [NumericOrder::DayFirst, NumericOrder::MonthFirst] {
                let head = date_head(&text);
                let parse = |stop| {
                    let tokens = lex_until(head, Kind::begins_date, stop);
                    Parser { tokens: &tokens }.expression(order)
                };
                prop_assert_eq!(parse(true), parse(false));
                let end = |stop| {
                    let tokens = lex_until(head, Kind::begins_end_date, stop);
                    Parser { tokens: &tokens }.end_date(order)
                };
                prop_assert_eq!(end(true), end(false));
            }
        }

        #[test]
        fn printed_numeric_dates_read_back(
            d in 1u32..=31,
            m in 1u32..=12,
            y in 1900i32..=2100,
            sep in prop::sample::select(vec!['/', '.', '-']),
            pad in any::<bool>(),
            month_first in any::<bool>(),
        ) {
            let (a, b) = if month_first { (m, d) } else { (d, m) };
            let text = if pad {
                format!("{a:02}{sep}{b:02}{sep}{y}")
            } else {
                format!("{a}{sep}{b}{sep}{y}")
            };
            let order = if month_first { NumericOrder::MonthFirst } else { NumericOrder::DayFirst };
            let expr = scan_date_in(&text, order).unwrap();
            prop_assert_eq!(expr.start, day(d, m, y));
            prop_assert_eq!(expr.len, text.len());
            prop_assert_eq!(expr.ambiguous_order, d <= 12 && d != m);
        }
    }
}
