//! Amounts of money in a project's text, with their currency, what they
//! are (budget, expenditure, a named donor's contribution), and their
//! value in US dollars at the project's start year.
//!
//! Listings print money in many ways: `Budget: US$ 750,000`, `250,000
//! EUR`, `EUR 12 million`, `€1.2m`, `CHF 1 234 567`, `1.234.567 EUR`, a
//! table cell `1,250,000` under `Budget (USD)`, "a USD 2.5 million
//! project", and in the vocabulary's other languages `2 millions d'euros`,
//! `€2 millones`, `2 Millionen Euro`. The same digits also print project codes (`RAF/10/55/USA`),
//! years, date ranges (`1.5.2017-30.4.2018`), phone numbers, percentages
//! and counts of people. So a number is an amount only where the text says
//! it is money:
//!
//! - in prose, a currency is printed before or after it (`USD`, `US$`,
//!   `€`, `euros` …);
//! - in a budget field or column (`Budget:`, `Budget (USD)`, `USD
//!   thousands`), any number is, in the label's currency and unit; a
//!   year-like number (`Budget: 2019 allocation`) is still not.
//!
//! A group separator separates groups of three digits (`1,234,567`,
//! `1.234.567`, `1 234 567`, `1'234'567`); a last group of another length
//! after a different separator, or after a lone `,` or `.`, is the
//! decimal part (`1.2 million`, `1,5 Mio.`, `1.234,56`). A lone `.` before
//! three digits is a group separator (`EUR 1.500`) unless a scale word
//! follows (`1.234 million`): amounts are not printed to a thousandth.
//!
//! `$` alone, or "dollars", is the US dollar only in a US context: the
//! project names the United States (or one of its bodies) as a funder, or
//! prints another of its amounts in `USD`/`US$`. Elsewhere it could be any
//! of some twenty dollars, and the currency is left empty with a warning.

use crate::extract::{Evidence, OrgRole, OrganisationFact};
use crate::text::{is_one_of, passages, sentences, CitedSentences, Passage, PassageKind};
use ingest::labels::{self, Meaning};
use ingest::source::first_byte_where;
use ingest::{Diagnostic, RawProject, Segment};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The currency an amount is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// An ISO 4217 code.
    Code(&'static str),
    /// `$` or "dollars" with nothing saying whose.
    Dollar,
}

/// Currencies as printed, before or after the number. Longer forms first,
/// so `US$` is read before `$`. Codes match only in capitals; words in any
/// case.
const CURRENCY_SIGNS: &[(&str, Mark)] = &[
    ("U.S.$", Mark::Code("USD")),
    ("US$", Mark::Code("USD")),
    ("US $", Mark::Code("USD")),
    ("USD", Mark::Code("USD")),
    ("CAN$", Mark::Code("CAD")),
    ("CA$", Mark::Code("CAD")),
    ("C$", Mark::Code("CAD")),
    ("AU$", Mark::Code("AUD")),
    ("A$", Mark::Code("AUD")),
    ("NZ$", Mark::Code("NZD")),
    ("$", Mark::Dollar),
    ("EUR", Mark::Code("EUR")),
    ("€", Mark::Code("EUR")),
    ("GBP", Mark::Code("GBP")),
    ("£", Mark::Code("GBP")),
    ("CHF", Mark::Code("CHF")),
    ("SFr.", Mark::Code("CHF")),
    ("SEK", Mark::Code("SEK")),
    ("NOK", Mark::Code("NOK")),
    ("DKK", Mark::Code("DKK")),
    ("JPY", Mark::Code("JPY")),
    ("¥", Mark::Code("JPY")),
    ("CAD", Mark::Code("CAD")),
    ("AUD", Mark::Code("AUD")),
    ("NZD", Mark::Code("NZD")),
];

/// Currency words after a number ("2 million US dollars", "300,000
/// euros"), matched in any case. The Scandinavian krona/krone and the franc
/// count only with the country's name: alone they name several currencies.
const CURRENCY_WORDS: &[(&str, Mark)] = &[
    ("united states dollars", Mark::Code("USD")),
    ("u.s. dollars", Mark::Code("USD")),
    ("us dollars", Mark::Code("USD")),
    ("canadian dollars", Mark::Code("CAD")),
    ("australian dollars", Mark::Code("AUD")),
    ("new zealand dollars", Mark::Code("NZD")),
    ("dollars", Mark::Dollar),
    ("euros", Mark::Code("EUR")),
    ("euro", Mark::Code("EUR")),
    ("pounds sterling", Mark::Code("GBP")),
    ("british pounds", Mark::Code("GBP")),
    ("swiss francs", Mark::Code("CHF")),
    ("swedish kronor", Mark::Code("SEK")),
    ("swedish krona", Mark::Code("SEK")),
    ("norwegian kroner", Mark::Code("NOK")),
    ("norwegian krone", Mark::Code("NOK")),
    ("danish kroner", Mark::Code("DKK")),
    ("danish krone", Mark::Code("DKK")),
    ("japanese yen", Mark::Code("JPY")),
    ("yen", Mark::Code("JPY")),
    // The same in the other languages of the vocabulary.
    ("dólares estadounidenses", Mark::Code("USD")),
    ("dollars américains", Mark::Code("USD")),
    ("us-dollar", Mark::Code("USD")),
    ("dólares", Mark::Dollar),
    ("dollar", Mark::Dollar),
    ("francs suisses", Mark::Code("CHF")),
    ("francos suizos", Mark::Code("CHF")),
    ("schweizer franken", Mark::Code("CHF")),
    ("libras esterlinas", Mark::Code("GBP")),
];

/// Words that join a scale to its currency: `2 millions d'euros`, `3
/// millones de euros`, `5 million of dollars`.
const SCALE_TO_CURRENCY: &[&str] = &["d'", "d’", "de ", "of "];

/// Words after a number that scale it: `EUR 12 million`, `€1.2m`, `US$
/// 3bn`, `45k`. A one-letter scale counts only when it is written against
/// the number or a currency is printed before it: "5 m" alone may be
/// metres.
const SCALES: &[(&str, f64, bool)] = &[
    ("millions", 1e6, false),
    ("million", 1e6, false),
    ("millones", 1e6, false),
    ("millón", 1e6, false),
    ("Millionen", 1e6, false),
    ("Million", 1e6, false),
    ("milioni", 1e6, false),
    ("milhões", 1e6, false),
    ("miljoner", 1e6, false),
    ("millioner", 1e6, false),
    ("milliards", 1e9, false),
    ("milliard", 1e9, false),
    ("Milliarden", 1e9, false),
    ("Milliarde", 1e9, false),
    ("Mrd.", 1e9, false),
    ("Mrd", 1e9, false),
    ("mln", 1e6, false),
    ("mn", 1e6, false),
    ("Mio.", 1e6, false),
    ("Mio", 1e6, false),
    ("mio", 1e6, false),
    ("billions", 1e9, false),
    ("billion", 1e9, false),
    ("bn", 1e9, false),
    ("thousand", 1e3, false),
    ("m", 1e6, true),
    ("M", 1e6, true),
    ("k", 1e3, true),
    ("K", 1e3, true),
];

/// The currency and unit a field's label or a column's header gives its
/// numbers: `Budget (USD)`, `USD thousands`, `Amount (EUR million)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub currency: Option<Mark>,
    pub factor: f64,
}

impl Default for Unit {
    fn default() -> Self {
        Unit {
            currency: None,
            factor: 1.0,
        }
    }
}

/// The unit a label names: a currency sign or word and a scale word
/// anywhere in it.
pub fn label_unit(label: &str) -> Unit {
    let mut unit = Unit::default();
    for word in label.split(|c: char| c.is_whitespace() || "()[],;:/".contains(c)) {
        if word.is_empty() {
            continue;
        }
        if unit.currency.is_none() {
            unit.currency = CURRENCY_SIGNS
                .iter()
                .find(|(sign, _)| *sign == word)
                .or_else(|| {
                    CURRENCY_WORDS
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(word))
                })
                .map(|&(_, mark)| mark);
        }
        let lower = word.to_lowercase();
        match lower.as_str() {
            "thousand" | "thousands" | "'000" | "000" | "000s" => unit.factor = 1e3,
            "million" | "millions" | "mn" | "mio" | "mio." => unit.factor = 1e6,
            _ => {}
        }
    }
    unit
}

/// An amount found in a text: `start..end` is the amount as printed, its
/// currency and scale words included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub currency: Option<Mark>,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_group_separator(c: char) -> bool {
    is_space(c) || matches!(c, ',' | '.' | '\'' | '’')
}

/// The text after `at`, with one space skipped.
fn after_space(text: &str, at: usize) -> usize {
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) if is_space(c) => at + c.len_utf8(),
        _ => at,
    }
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|before| before.chars().next_back())
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

fn ends_word(text: &str, at: usize) -> bool {
    !char_at(text, at).is_some_and(char::is_alphanumeric)
}

/// A currency printed just before byte `at` (one space allowed): its mark
/// and where it starts.
fn currency_before(text: &str, at: usize) -> Option<(Mark, usize)> {
    let before = text.get(..at)?;
    let trimmed = match before.chars().next_back() {
        Some(c) if is_space(c) => &before[..before.len() - c.len_utf8()],
        _ => before,
    };
    CURRENCY_SIGNS.iter().find_map(|&(sign, mark)| {
        let start = trimmed.len().checked_sub(sign.len())?;
        if trimmed.get(start..)? != sign {
            return None;
        }
        // `USD` inside a word is not a currency; `$` after letters other
        // than those of a longer sign (read first) is not either.
        let starts_word = !char_before(trimmed, start).is_some_and(char::is_alphanumeric);
        starts_word.then_some((mark, start))
    })
}

/// A scale letter written against a currency's sign just before byte `at`
/// (one space allowed): `US$M 1.2`, `€m 3`, `$bn 2`. Its factor and where
/// it starts, where the sign ends.
fn scale_after_a_sign(text: &str, at: usize) -> Option<(f64, usize)> {
    let before = text.get(..at)?;
    let trimmed = before.strip_suffix(is_space).unwrap_or(before);
    [("M", 1e6), ("m", 1e6), ("bn", 1e9), ("k", 1e3)]
        .iter()
        .find_map(|&(letters, factor)| {
            let scale_at = trimmed.strip_suffix(letters)?.len();
            trimmed[..scale_at]
                .ends_with(['$', '€', '£'])
                .then_some((factor, scale_at))
        })
}

/// A currency printed at byte `at` (one space allowed before it): its mark
/// and where it ends.
fn currency_after(text: &str, at: usize) -> Option<(Mark, usize)> {
    let from = after_space(text, at);
    let rest = text.get(from..)?;
    let sign = CURRENCY_SIGNS.iter().find_map(|&(sign, mark)| {
        let end = from + sign.len();
        (rest.starts_with(sign) && (!sign.ends_with(char::is_alphabetic) || ends_word(text, end)))
            .then_some((mark, end))
    });
    sign.or_else(|| {
        CURRENCY_WORDS.iter().find_map(|&(word, mark)| {
            let head = rest.get(..word.len())?;
            let end = from + word.len();
            (head.eq_ignore_ascii_case(word) && ends_word(text, end)).then_some((mark, end))
        })
    })
}

/// A scale word at byte `at`: its factor and where it ends. A one-letter
/// scale counts against the number, or after a space where a currency is
/// printed before the number (`currency_first`; see [`SCALES`]).
fn scale_at(text: &str, at: usize, currency_first: bool) -> Option<(f64, usize)> {
    let spaced = after_space(text, at);
    SCALES.iter().find_map(|&(word, factor, one_letter)| {
        let from = if one_letter && !currency_first {
            at
        } else {
            spaced
        };
        let end = from + word.len();
        (text.get(from..end) == Some(word) && (word.ends_with('.') || ends_word(text, end)))
            .then_some((factor, end))
    })
}

/// A printed number: its digit groups and the separator before each group
/// after the first.
struct Number {
    end: usize,
    first: String,
    groups: Vec<(char, String)>,
}

/// Reads the digits and separators of a number starting at byte `at`. A
/// space or apostrophe joins only a group of exactly three digits, so "in
/// 2019 250 000 EUR" does not read as one number.
fn read_number(text: &str, at: usize) -> Number {
    let digits_at = |from: usize| -> String {
        text.get(from..)
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect()
    };
    let first = digits_at(at);
    let mut end = at + first.len();
    let mut groups = Vec::new();
    while let Some(sep) = char_at(text, end).filter(|&c| is_group_separator(c)) {
        let group = digits_at(end + sep.len_utf8());
        if group.is_empty() {
            break;
        }
        if (is_space(sep) || sep == '\'' || sep == '’') && (group.len() != 3 || first.len() > 3) {
            break;
        }
        end += sep.len_utf8() + group.len();
        groups.push((sep, group));
    }
    Number { end, first, groups }
}

/// The value of a printed number, or `None` when its groups are not those
/// of an amount (a date `1.5.2017`, a version `2.10.3`). `scaled` says
/// whether a scale word follows.
fn number_value(number: &Number, scaled: bool) -> Option<f64> {
    let Number { first, groups, .. } = number;
    let parse = |digits: &str| digits.parse::<f64>().ok();
    let Some(((last_sep, last), rest)) = groups.split_last() else {
        return parse(first);
    };
    let thousands =
        |groups: &[(char, String)]| first.len() <= 3 && groups.iter().all(|(_, g)| g.len() == 3);
    let join = |groups: &[(char, String)]| {
        let mut digits = first.clone();
        for (_, g) in groups {
            digits.push_str(g);
        }
        digits
    };
    if rest.is_empty() {
        let lone_decimal = match last_sep {
            ',' => last.len() < 3 || first == "0",
            '.' => last.len() != 3 || scaled || first == "0",
            _ => false,
        };
        if lone_decimal {
            return parse(&format!("{first}.{last}"));
        }
        return thousands(groups).then(|| parse(&join(groups))).flatten();
    }
    let separator = rest.first().map(|(s, _)| *s)?;
    if rest.iter().any(|(s, _)| *s != separator) || first.len() > 3 {
        return None;
    }
    if *last_sep == separator {
        return thousands(groups).then(|| parse(&join(groups))).flatten();
    }
    // `1,234.56`, `1.234,56`, `1 234,5`: the last group is decimals.
    if !matches!(last_sep, '.' | ',') || !thousands(rest) {
        return None;
    }
    parse(&format!("{}.{last}", join(rest)))
}

/// Whether a number without separators reads as a year (1900–2100).
fn is_year(number: &Number) -> bool {
    number.groups.is_empty()
        && number.first.len() == 4
        && number
            .first
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Every amount in `text`. `unit` is the unit of a budget field or
/// column: there a number needs no printed currency; elsewhere it does.
pub fn find_amounts(text: &str, unit: Option<Unit>) -> Vec<Amount> {
    let mut out = Vec::new();
    // An amount is a number; and without a unit from its label, it prints
    // its currency: a text naming none (most titles, dates and sentences)
    // has no amount, and its numbers need not be read.
    // A digit is one byte, never part of another character: found by its
    // byte, a block of bytes at a time (most texts hold none).
    let next_digit = |from: usize| {
        let rest = text.as_bytes().get(from..)?;
        Some(from + first_byte_where(rest, |b| b.is_ascii_digit())?)
    };
    let Some(first_digit) = next_digit(0) else {
        return out;
    };
    if unit.is_none() && !names_a_currency(text) {
        return out;
    }
    let mut at = first_digit;
    while let Some(start) = next_digit(at) {
        let number = read_number(text, start);
        at = number.end.max(start + 1);
        if let Some(amount) = read_amount(text, start, &number, unit) {
            at = at.max(amount.end);
            out.push(amount);
        }
    }
    out
}

/// Whether `text` holds a currency sign or word anywhere, ignoring ASCII
/// case: what any amount without a unit needs.
fn names_a_currency(text: &str) -> bool {
    static CURRENCIES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        let marks = CURRENCY_SIGNS.iter().chain(CURRENCY_WORDS).map(|&(m, _)| m);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(marks)
            .expect("currency signs and words compile")
    });
    CURRENCIES.is_match(text)
}

/// The amount a number at `start` prints, if it is one.
fn read_amount(text: &str, start: usize, number: &Number, unit: Option<Unit>) -> Option<Amount> {
    // A number inside a code, a date, a range or a phone number:
    // `RAF/10/55/USA`, `1.5.2017-30.4.2018`, `+41 22 …`, `A4`. Letters
    // against a number make a code unless they are a currency (`USD2.5m`).
    // A sign may carry the scale before the number (`US$M 1.2`, `€m 3`).
    let (prefix, sign_factor) = match currency_before(text, start) {
        Some(prefix) => (Some(prefix), 1.0),
        None => match scale_after_a_sign(text, start) {
            Some((factor, at)) => (currency_before(text, at), factor),
            None => (None, 1.0),
        },
    };
    if let Some(before) = char_before(text, start) {
        if before.is_alphanumeric() && prefix.is_none() {
            return None;
        }
        if matches!(before, '/' | '-' | '–' | '—' | '+' | '#' | '.' | ',' | '_') {
            return None;
        }
    }
    let mut end = number.end;
    let scale = scale_at(text, end, prefix.is_some());
    if let Some((_, e)) = scale {
        end = e;
    }
    let value = number_value(number, scale.is_some())?;
    let suffix = if prefix.is_none() {
        currency_after(text, end).or_else(|| {
            // `2 millions d'euros`: a scale's currency after a joining word.
            let spaced = after_space(text, scale?.1);
            let rest = text.get(spaced..)?;
            let joined = SCALE_TO_CURRENCY
                .iter()
                .find(|word| starts_with_ignore_case(rest, word))?;
            currency_after(text, spaced + joined.len())
        })
    } else {
        None
    };
    if let Some((_, e)) = suffix {
        end = e;
    }
    // What follows the amount: `%`, "per cent", `/`, a range.
    let rest = text.get(end..).unwrap_or("");
    let next = rest.chars().next();
    if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '%' | '/'))
        || rest.trim_start().starts_with('%')
        || starts_with_ignore_case(rest.trim_start(), "per cent")
        || starts_with_ignore_case(rest.trim_start(), "percent")
    {
        return None;
    }
    if matches!(next, Some('-' | '–' | '—' | '.' | ','))
        && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    // A year is never an amount, even beside a currency ("EUR 2019
    // programme"): the rare grant of exactly USD 2,000 printed without a
    // separator is lost.
    if is_year(number) && scale.is_none() {
        return None;
    }
    let printed = prefix.or(suffix).map(|(mark, _)| mark);
    let factor = scale.map_or(1.0, |(f, _)| f) * sign_factor;
    let (currency, factor) = match (printed, unit) {
        (Some(mark), _) => (Some(mark), factor),
        (None, Some(unit)) => (unit.currency, factor * unit.factor),
        (None, None) => return None,
    };
    // `4.1 million` is 4,100,000, not the float nearest 4.1 times a
    // million.
    let value = if factor == 1.0 {
        value
    } else {
        round_cents(value * factor)
    };
    (value.is_finite() && value > 0.0).then_some(Amount {
        start: prefix.map_or(start, |(_, s)| s),
        end,
        value,
        currency,
    })
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// What an amount is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AmountKind {
    /// The project's budget: a budget field, "a total budget of …", or an
    /// amount the text ties to nothing else.
    Budget,
    /// Money spent: "spent", "expenditure".
    Expenditure,
    /// A named donor's share: "Norway contributes EUR 2 million", "with
    /// EUR 3 million from Japan".
    Contribution,
}

impl AmountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AmountKind::Budget => "budget",
            AmountKind::Expenditure => "expenditure",
            AmountKind::Contribution => "contribution",
        }
    }
}

/// An amount of money a project states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmountFact {
    pub amount: f64,
    /// ISO 4217 code; `None` for a `$` outside a US context or a budget
    /// column with no currency.
    pub currency: Option<String>,
    pub kind: AmountKind,
    /// The donor code of the organisation a contribution is tied to.
    pub donor: Option<Cow<'static, str>>,
    /// The amount as printed.
    pub mention: String,
    /// The project's start year, the year of the rate (set by
    /// [`convert`]).
    pub year: Option<i32>,
    /// The amount in US dollars at the start year's rate (set by
    /// [`convert`]).
    pub amount_usd: Option<f64>,
    pub evidence: Evidence,
}

/// Words that say an amount was spent.
const EXPENDITURE_WORDS: &[&str] = &[
    "spent",
    "spend",
    "spending",
    "expenditure",
    "expenditures",
    "expended",
    "disbursed",
    "disbursement",
    "disbursements",
];

/// Words that make an amount someone's pay or a price, not the project's
/// money: "the average monthly wage for women is 314 Jordan dinars
/// (US$443)".
const NOT_PROJECT_MONEY: &[&str] = &[
    "wage", "wages", "salary", "salaries", "earn", "earns", "earning", "earnings", "income",
    "incomes", "monthly", "daily", "hourly", "price", "prices",
];

/// Words before an amount that make it the whole budget even where a
/// donor is named: "funded by the EU with a total budget of EUR 5 million".
const BUDGET_WORDS: &[&str] = &["budget", "total", "overall", "cost", "costs", "worth"];

/// The budget meaning of a field's label, or its table column's.
fn is_budget_label(label: &str) -> bool {
    labels::meaning(label) == Some(Meaning::Budget) || {
        let unit = label_unit(label);
        unit.currency.is_some() || unit.factor != 1.0
    }
}

/// The words of `text`: runs of letters, digits and hyphens.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
}

/// Whether a word of `text` is one of `list` (lower-case words).
fn has_word_of(list: &[&str], text: &str) -> bool {
    words(text).any(|w| is_one_of(list, w))
}

/// The funder a sentence ties an amount to: the only funder the sentence
/// names, or among several the one named within a few words of it
/// ("Norway contributes EUR 2 million and Sweden SEK 10 million").
fn tied_donor<'a>(
    sentence: &str,
    amount_at: (usize, usize),
    funders: &[&'a OrganisationFact],
) -> Option<&'a OrganisationFact> {
    /// How far (bytes) a donor named beside others may be from its amount.
    const NEAR: usize = 40;
    let placed: Vec<(usize, &OrganisationFact)> = funders
        .iter()
        .filter_map(|o| {
            let at = sentence.find(&o.mention)?;
            let end = at + o.mention.len();
            let gap = if end <= amount_at.0 {
                amount_at.0 - end
            } else {
                at.saturating_sub(amount_at.1)
            };
            Some((gap, *o))
        })
        .collect();
    let mut codes: Vec<&str> = placed.iter().map(|(_, o)| &*o.code).collect();
    codes.sort_unstable();
    codes.dedup();
    let nearest = placed.iter().min_by_key(|(gap, _)| *gap)?;
    (codes.len() == 1 || nearest.0 <= NEAR).then_some(nearest.1)
}

/// What a prose amount is, from its sentence: a budget where budget words
/// come before it, a contribution where a funder is tied to it, an
/// expenditure where spending words are in the sentence, else a budget.
fn prose_kind<'a>(
    sentence: &str,
    amount_at: (usize, usize),
    funders: &[&'a OrganisationFact],
) -> (AmountKind, Option<&'a OrganisationFact>) {
    let before = sentence.get(..amount_at.0).unwrap_or("");
    if words(before)
        .rev()
        .take(6)
        .any(|w| is_one_of(BUDGET_WORDS, w))
    {
        return (AmountKind::Budget, None);
    }
    if let Some(donor) = tied_donor(sentence, amount_at, funders) {
        return (AmountKind::Contribution, Some(donor));
    }
    if has_word_of(EXPENDITURE_WORDS, sentence) {
        return (AmountKind::Expenditure, None);
    }
    (AmountKind::Budget, None)
}

/// A text of the project an amount may be read from: a passage, or the
/// date line (`2007 - 2009 Budget: US$ 4,791,000`).
struct Source<'a> {
    passage: Passage<'a>,
    /// The unit of a budget field or column.
    unit: Option<Unit>,
    /// The label says the amount is spent.
    spent: bool,
}

/// Every amount a project states, with its kind, its donor where the text
/// ties it to one, and its evidence sentence. `organisations` are the
/// project's organisations (a contribution's donor is one of its funders),
/// `cited` the sentences their facts cite.
pub fn read_amounts(
    project: &RawProject,
    organisations: &[OrganisationFact],
    cited: &mut CitedSentences,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<AmountFact> {
    let mut sources = Vec::new();
    for passage in passages(project) {
        let (unit, spent) = match &passage.kind {
            PassageKind::Field(label) if is_budget_label(label) => {
                let spent = has_word_of(EXPENDITURE_WORDS, label);
                (Some(label_unit(label)), spent)
            }
            // A donor's cell with an amount (`Northern Relief Fund $ 4
            // 500` under `Donor Budget …`) is read as prose: its currency
            // must be printed.
            _ => (None, false),
        };
        sources.push(Source {
            passage,
            unit,
            spent,
        });
    }
    if let Some(date) = &project.date {
        for segment in &date.text.segments {
            sources.push(Source {
                passage: Passage::of_line(PassageKind::Description, segment),
                unit: None,
                spent: false,
            });
        }
    }
    let funders: Vec<&OrganisationFact> = organisations
        .iter()
        .filter(|o| o.role == OrgRole::Funder)
        .collect();
    // Each amount with its currency's mark and where it is printed (line,
    // column), for the warnings about its currency.
    let mut found: Vec<(AmountFact, Option<Mark>, (usize, usize))> = Vec::new();
    for source in &sources {
        let segment: &Segment = &source.passage.segment;
        let text = segment.text.as_str();
        let amounts = find_amounts(text, source.unit);
        if amounts.is_empty() {
            continue;
        }
        let bounds = sentences(text);
        for amount in amounts {
            let (sentence, span, sentence_start) =
                cited.around(segment, &bounds, amount.start, amount.end);
            let at = (
                amount.start.saturating_sub(sentence_start),
                amount.end.saturating_sub(sentence_start),
            );
            if source.unit.is_none() && has_word_of(NOT_PROJECT_MONEY, &sentence) {
                continue;
            }
            let (kind, donor) = if source.unit.is_some() {
                let kind = if source.spent {
                    AmountKind::Expenditure
                } else {
                    AmountKind::Budget
                };
                (kind, None)
            } else {
                let in_sentence: Vec<&OrganisationFact> = funders
                    .iter()
                    .copied()
                    .filter(|o| o.evidence.span == span)
                    .collect();
                prose_kind(&sentence, at, &in_sentence)
            };
            let at_line = source.passage.line_at(amount.start);
            let column = source.passage.column_at(amount.start);
            found.push((
                AmountFact {
                    amount: amount.value,
                    currency: None,
                    kind,
                    donor: donor.map(|o| o.code.clone()),
                    mention: text.get(amount.start..amount.end).unwrap_or("").to_string(),
                    year: None,
                    amount_usd: None,
                    evidence: Evidence {
                        line: source.passage.line_at(sentence_start),
                        sentence,
                        span,
                        origin: "text",
                    },
                },
                amount.currency,
                (at_line, column),
            ));
        }
    }
    // `$` is the US dollar where the project is American-funded or prints
    // its other amounts in US dollars.
    let us_context = funders.iter().any(|o| o.code == "USA")
        || found
            .iter()
            .any(|(_, mark, _)| *mark == Some(Mark::Code("USD")));
    found
        .into_iter()
        .map(|(mut fact, mark, (line, column))| {
            fact.currency = match mark {
                Some(Mark::Code(code)) => Some(code.to_string()),
                Some(Mark::Dollar) if us_context => Some("USD".to_string()),
                Some(Mark::Dollar) => {
                    diagnostics.push(Diagnostic::warning(
                        &project.source,
                        line,
                        column,
                        format!(
                            "`{}`: `$` with no sign of whose dollar (no US funder, no other amount in USD): currency left empty",
                            fact.mention
                        ),
                    ));
                    None
                }
                None => {
                    diagnostics.push(Diagnostic::warning(
                        &project.source,
                        line,
                        column,
                        format!(
                            "`{}`: a budget with no currency printed in it or its label: currency left empty",
                            fact.mention
                        ),
                    ));
                    None
                }
            };
            fact
        })
        .collect()
}

/// Annual average exchange rates to the US dollar, by currency and year.
#[derive(Debug, Clone, Default)]
pub struct ExchangeRates {
    /// US dollars per unit of the currency.
    usd_per_unit: BTreeMap<(String, i32), f64>,
}

/// A bad row of the exchange-rate table.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct RatesError {
    pub file: String,
    pub line: u64,
    pub message: String,
}

pub const EXCHANGE_RATES_FILE: &str = "exchange_rates.csv";

impl ExchangeRates {
    /// Reads `currency,year,units_per_usd,usd_per_unit,source` rows (`#`
    /// lines are comments). Each row gives its rate one way, as its source
    /// prints it: currency units per US dollar, or US dollars per unit
    /// (the pound, euro, Australian and New Zealand dollars); `source`
    /// names the publication it is taken from.
    pub fn parse(file: &str, text: &str) -> Result<ExchangeRates, RatesError> {
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .flexible(false)
            .from_reader(text.as_bytes());
        let invalid = |line: u64, message: String| RatesError {
            file: file.to_string(),
            line,
            message,
        };
        let headers = reader
            .headers()
            .map_err(|err| invalid(err.position().map_or(0, |p| p.line()), err.to_string()))?
            .clone();
        let expected = [
            "currency",
            "year",
            "units_per_usd",
            "usd_per_unit",
            "source",
        ];
        if headers.iter().map(str::trim).ne(expected) {
            return Err(invalid(
                headers.position().map_or(1, |p| p.line()),
                format!("the header must be `{}`", expected.join(",")),
            ));
        }
        let mut rates = ExchangeRates::default();
        for record in reader.records() {
            let record = record
                .map_err(|err| invalid(err.position().map_or(0, |p| p.line()), err.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(i).map(str::trim).unwrap_or("");
            let currency = field(0);
            if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(invalid(
                    line,
                    format!("`{currency}` is not an ISO 4217 code"),
                ));
            }
            let year: i32 = field(1)
                .parse()
                .map_err(|_| invalid(line, format!("`{}` is not a year", field(1))))?;
            let number = |i: usize| -> Result<Option<f64>, RatesError> {
                if field(i).is_empty() {
                    return Ok(None);
                }
                field(i)
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v > 0.0)
                    .map(Some)
                    .ok_or_else(|| invalid(line, format!("`{}` is not a positive rate", field(i))))
            };
            if field(4).is_empty() {
                return Err(invalid(line, "a rate needs its source".to_string()));
            }
            let usd_per_unit = match (number(2)?, number(3)?) {
                (Some(per_usd), None) => 1.0 / per_usd,
                (None, Some(usd)) => usd,
                _ => {
                    return Err(invalid(
                        line,
                        "give exactly one of units_per_usd and usd_per_unit".to_string(),
                    ))
                }
            };
            if rates
                .usd_per_unit
                .insert((currency.to_string(), year), usd_per_unit)
                .is_some()
            {
                return Err(invalid(line, format!("{currency} {year} twice")));
            }
        }
        Ok(rates)
    }

    /// US dollars per unit of `currency` in `year`; the dollar is 1.
    pub fn usd_per_unit(&self, currency: &str, year: i32) -> Option<f64> {
        if currency == "USD" {
            return Some(1.0);
        }
        self.usd_per_unit
            .get(&(currency.to_string(), year))
            .copied()
    }

    /// The currencies and years the table holds.
    pub fn coverage(&self) -> impl Iterator<Item = (&str, i32)> {
        self.usd_per_unit.keys().map(|(c, y)| (c.as_str(), *y))
    }
}

/// Converts a project's amounts to US dollars at the annual average rate
/// of its start year. An amount with no currency, no start year, or a
/// currency and year the table lacks keeps `amount_usd` empty, with a
/// warning naming the project.
pub fn convert(
    rates: &ExchangeRates,
    rates_file: &str,
    amounts: &mut [AmountFact],
    start_year: Option<i32>,
    source: &str,
    title: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for fact in amounts {
        fact.year = start_year;
        let Some(currency) = fact.currency.as_deref() else {
            continue;
        };
        // A dollar amount is in dollars whatever the year.
        if currency == "USD" {
            fact.amount_usd = Some(round_cents(fact.amount));
            continue;
        }
        let Some(year) = start_year else {
            diagnostics.push(Diagnostic::warning(
                source,
                fact.evidence.line,
                1,
                format!(
                    "`{title}`: {} has no start year to take an exchange rate from: amount_usd left empty",
                    fact.mention
                ),
            ));
            continue;
        };
        match rates.usd_per_unit(currency, year) {
            Some(rate) => fact.amount_usd = Some(round_cents(fact.amount * rate)),
            None => diagnostics.push(Diagnostic::warning(
                source,
                fact.evidence.line,
                1,
                format!(
                    "`{title}`: no exchange rate for {currency} in {year} ({rates_file}): amount_usd of {} left empty",
                    fact.mention
                ),
            )),
        }
    }
}

/// Dollars to the cent: a rate's many digits are not precision.
fn round_cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The amounts of a prose text: value and currency code.
    fn prose(text: &str) -> Vec<(f64, Option<Mark>)> {
        find_amounts(text, None)
            .into_iter()
            .map(|a| (a.value, a.currency))
            .collect()
    }

    fn one(text: &str) -> (f64, Option<Mark>, &str) {
        let found = find_amounts(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let a = found[0];
        (a.value, a.currency, &text[a.start..a.end])
    }

    #[test]
    fn scale_words_in_the_vocabularys_languages() {
        assert_eq!(one("recibe €2 millones en"), (2e6, EUR, "€2 millones"));
        assert_eq!(
            one("un budget de 2 millions d'euros au Mali"),
            (2e6, EUR, "2 millions d'euros")
        );
        assert_eq!(
            one("3 millones de euros"),
            (3e6, EUR, "3 millones de euros")
        );
        assert_eq!(one("von 2 Millionen Euro"), (2e6, EUR, "2 Millionen Euro"));
        assert_eq!(one("1,5 Mrd. Euro"), (1.5e9, EUR, "1,5 Mrd. Euro"));
        assert_eq!(
            one("4 millions de francs suisses"),
            (4e6, Some(Mark::Code("CHF")), "4 millions de francs suisses")
        );
        // A joining word alone, without a scale, joins nothing.
        assert!(prose("2 d'euros").is_empty());
    }

    #[test]
    fn scaled_amounts_are_exact_to_the_cent() {
        assert_eq!(one("USD 4.1 million").0, 4_100_000.0);
        assert_eq!(one("EUR 0.7 million").0, 700_000.0);
        assert_eq!(one("€1.15m").0, 1_150_000.0);
    }

    const USD: Option<Mark> = Some(Mark::Code("USD"));
    const EUR: Option<Mark> = Some(Mark::Code("EUR"));

    #[test]
    fn words_are_matched_whole_and_in_any_case() {
        assert!(has_word_of(
            EXPENDITURE_WORDS,
            "Funds were DISBURSED in 2010"
        ));
        assert!(!has_word_of(EXPENDITURE_WORDS, "an unspent balance"));
        assert!(has_word_of(BUDGET_WORDS, "its co-financing; total:"));
        // Lower-cased as Unicode says, not only ASCII.
        assert!(is_one_of(&["k"], "\u{212A}"));
        assert!(!is_one_of(&["budget"], "budgét"));
        let before = "the budget of the new phase is worth";
        assert_eq!(
            words(before).rev().take(2).collect::<Vec<_>>(),
            ["worth", "is"]
        );
    }

    #[test]
    fn currency_before_the_number() {
        assert_eq!(one("Budget: US$ 750,000"), (750_000.0, USD, "US$ 750,000"));
        assert_eq!(
            one("a USD 2.5 million project"),
            (2.5e6, USD, "USD 2.5 million")
        );
        assert_eq!(one("EUR 12 million in all"), (12e6, EUR, "EUR 12 million"));
        assert_eq!(one("worth €1.2m."), (1.2e6, EUR, "€1.2m"));
        assert_eq!(
            one("£300,000 over two years"),
            (300_000.0, Some(Mark::Code("GBP")), "£300,000")
        );
        assert_eq!(
            one("CHF 1 234 567 from Bern"),
            (1_234_567.0, Some(Mark::Code("CHF")), "CHF 1 234 567")
        );
        assert_eq!(one("EUR 9m"), (9e6, EUR, "EUR 9m"));
        assert_eq!(one("US$45 million"), (45e6, USD, "US$45 million"));
        assert_eq!(
            one("JPY 300 million"),
            (300e6, Some(Mark::Code("JPY")), "JPY 300 million")
        );
        assert_eq!(
            one("CAD 1.5 million"),
            (1.5e6, Some(Mark::Code("CAD")), "CAD 1.5 million")
        );
        assert_eq!(
            one("A$ 800,000"),
            (800_000.0, Some(Mark::Code("AUD")), "A$ 800,000")
        );
        // The scale against the sign, before the number.
        assert_eq!(one("Budget: US$M 1.2"), (1.2e6, USD, "US$M 1.2"));
        assert_eq!(one("€m 3.5 in all"), (3.5e6, EUR, "€m 3.5"));
        assert!(prose("the M 5 motorway").is_empty());
    }

    #[test]
    fn currency_after_the_number() {
        assert_eq!(one("Budget: 250,000 EUR"), (250_000.0, EUR, "250,000 EUR"));
        assert_eq!(one("1.234.567 EUR"), (1_234_567.0, EUR, "1.234.567 EUR"));
        assert_eq!(
            one("SEK 10 million"),
            (10e6, Some(Mark::Code("SEK")), "SEK 10 million")
        );
        assert_eq!(
            one("4 000 000 NOK"),
            (4e6, Some(Mark::Code("NOK")), "4 000 000 NOK")
        );
        assert_eq!(
            one("2,5 Mio. DKK"),
            (2.5e6, Some(Mark::Code("DKK")), "2,5 Mio. DKK")
        );
        assert_eq!(one("10 000 €"), (10_000.0, EUR, "10 000 €"));
        assert_eq!(one("3 million euros"), (3e6, EUR, "3 million euros"));
        assert_eq!(
            one("2 million US dollars"),
            (2e6, USD, "2 million US dollars")
        );
        assert_eq!(
            one("1'500'000 Swiss francs"),
            (1.5e6, Some(Mark::Code("CHF")), "1'500'000 Swiss francs")
        );
        assert_eq!(one("1.234,50 EUR"), (1234.5, EUR, "1.234,50 EUR"));
    }

    #[test]
    fn a_dollar_sign_alone_is_a_dollar_of_no_country_yet() {
        assert_eq!(one("$12 000"), (12_000.0, Some(Mark::Dollar), "$12 000"));
        assert_eq!(
            one("some 40,000 dollars"),
            (40_000.0, Some(Mark::Dollar), "40,000 dollars")
        );
    }

    #[test]
    fn numbers_without_a_currency_are_not_amounts_in_prose() {
        assert!(prose("It reached 1.2 million people and 3,000 workers in 2019.").is_empty());
        assert!(prose("Project code RAF/10/55/USA, phase 2.").is_empty());
        assert!(prose("Call +41 22 799 6111 or 022 799 61 11.").is_empty());
        assert!(prose("From 1.5.2017-30.4.2018 and 2019–2021.").is_empty());
    }

    #[test]
    fn codes_years_ranges_and_percentages_are_not_amounts_even_near_a_currency() {
        assert!(prose("EUR 2019").is_empty());
        assert!(prose("a 15% cut in USD terms").is_empty());
        assert!(prose("USD 20 per cent").is_empty());
        assert!(prose("RAF/10/55/USA").is_empty());
        assert!(prose("EUR 2019-2021 programme").is_empty());
        assert!(prose("USD2019").is_empty());
    }

    #[test]
    fn a_budget_field_reads_bare_numbers_in_its_unit() {
        let budget = |label: &str, text: &str| {
            find_amounts(text, Some(label_unit(label)))
                .into_iter()
                .map(|a| (a.value, a.currency))
                .collect::<Vec<_>>()
        };
        assert_eq!(budget("Budget (USD)", "1,250,000"), [(1_250_000.0, USD)]);
        assert_eq!(budget("USD thousands", "4,791"), [(4_791_000.0, USD)]);
        assert_eq!(budget("Budget", "1.2 million"), [(1.2e6, None)]);
        assert_eq!(budget("Budget (EUR million)", "3.5"), [(3.5e6, EUR)]);
        // A printed currency wins over the label's.
        assert_eq!(budget("Budget (USD)", "EUR 2 million"), [(2e6, EUR)]);
        // A year is still not an amount.
        assert!(budget("Budget", "2019 allocation").is_empty());
    }

    #[test]
    fn several_amounts_in_one_sentence() {
        assert_eq!(
            prose("Norway contributes EUR 2 million and Sweden SEK 10 million."),
            [(2e6, EUR), (10e6, Some(Mark::Code("SEK")))]
        );
    }

    #[test]
    fn labels_name_their_unit() {
        assert_eq!(
            label_unit("USD thousands"),
            Unit {
                currency: USD,
                factor: 1e3
            }
        );
        assert_eq!(label_unit("Budget (EUR)").currency, EUR);
        assert_eq!(label_unit("Budget").currency, None);
    }

    #[test]
    fn rates_load_and_a_bad_row_names_its_line() {
        let text = "# source\ncurrency,year,units_per_usd,usd_per_unit,source\nJPY,2015,121.05,,G.5A\nEUR,2015,,1.1096,G.5A\n";
        let rates = ExchangeRates::parse("rates.csv", text).unwrap();
        assert_eq!(rates.usd_per_unit("EUR", 2015), Some(1.1096));
        assert!((rates.usd_per_unit("JPY", 2015).unwrap() - 1.0 / 121.05).abs() < 1e-12);
        assert_eq!(rates.usd_per_unit("USD", 1950), Some(1.0));
        assert_eq!(rates.usd_per_unit("EUR", 1995), None);
        let bad = "currency,year,units_per_usd,usd_per_unit,source\nJPY,2015,121.05,,G.5A\nEUR,2015,,-1,G.5A\n";
        let err = ExchangeRates::parse("rates.csv", bad).unwrap_err();
        assert_eq!(err.to_string(), "rates.csv:3: `-1` is not a positive rate");
        let both = "currency,year,units_per_usd,usd_per_unit,source\nJPY,2015,121.05,0.008,G.5A\n";
        let err = ExchangeRates::parse("rates.csv", both).unwrap_err();
        assert!(
            err.to_string().starts_with("rates.csv:2: give exactly one"),
            "{err}"
        );
    }

    #[test]
    fn the_shipped_exchange_rates_load() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/reference")
            .join(EXCHANGE_RATES_FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        let rates = ExchangeRates::parse(EXCHANGE_RATES_FILE, &text).unwrap();
        // The euro in 2015 was worth 1.1096 dollars (G.5A), the yen 1/121.05.
        assert_eq!(rates.usd_per_unit("EUR", 2015), Some(1.1096));
        assert!((rates.usd_per_unit("JPY", 2015).unwrap() * 121.05 - 1.0).abs() < 1e-12);
        // No euro before 1999.
        assert_eq!(rates.usd_per_unit("EUR", 1998), None);
        // Every currency the table holds has every year from 1990 (the
        // euro from 1999) to 2024: a listing's start year is never a gap.
        let currencies: std::collections::BTreeSet<&str> =
            rates.coverage().map(|(currency, _)| currency).collect();
        assert_eq!(currencies.len(), 10, "{currencies:?}");
        for currency in currencies {
            let first = if currency == "EUR" { 1999 } else { 1990 };
            for year in first..=2024 {
                let rate = rates.usd_per_unit(currency, year);
                assert!(
                    rate.is_some_and(|r| r > 0.0),
                    "no {currency} rate for {year}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panicking(text in "\\PC{0,80}") {
            for unit in [None, Some(label_unit("USD thousands"))] {
                for amount in find_amounts(&text, unit) {
                    prop_assert!(text.get(amount.start..amount.end).is_some());
                    prop_assert!(amount.value > 0.0);
                }
            }
        }

        #[test]
        fn money_like_text_reads_without_panicking(
            text in "[0-9 ,.'$€£¥%/\\-–USDEURmkbn\u{a0}\u{202f}]{0,40}"
        ) {
            for unit in [None, Some(Unit::default())] {
                for amount in find_amounts(&text, unit) {
                    prop_assert!(text.get(amount.start..amount.end).is_some());
                }
            }
        }
    }
}
