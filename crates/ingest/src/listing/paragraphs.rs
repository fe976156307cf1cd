//! Rule P: records that are one paragraph or list item each, opening on
//! the project's name and telling the rest in prose:
//!
//! - the name, then its dates: `The Remittance Access Project
//!   (2020–2023), supported by …`, `Safe Migration in Laos, 2017–2020,
//!   funded by Australia.`;
//! - the name, then a colon: `Harvest Rights: A three-year project
//!   (2020–2023) financed by …` (a `<dt>` over its `<dd>` reads so too).
//!
//! The name is told by its shape alone: two to fifteen words, its longer
//! words capitalised, no verb or `by` in it, and a date range right after
//! it or, after a colon, somewhere in the paragraph.

use crate::dates::scan_date;
use crate::record::{Segment, Text};
use crate::units::{Unit, UnitKind, RECORD_WORDS};

/// Where a named paragraph's parts are, in bytes of the first segment of
/// [`Unit::headline`] (the range's bytes in the segment that holds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NamedParagraph {
    /// The name ends here.
    pub(super) name_end: usize,
    /// The prose after the name, its dates and separators starts here.
    pub(super) rest_start: usize,
    /// The record's date range: its segment, start and end.
    pub(super) dates: (usize, usize, usize),
    /// The range stands right after the name (`Name (2019–2021) …`), as
    /// a title's dates do; otherwise it was found in the prose.
    pub(super) dates_after_name: bool,
}

/// The shortest and longest name read.
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=15;

/// How far into a paragraph's first line its name may end.
const NAME_BYTES: usize = 200;

/// Rule P's reading of `unit`, if it is a named paragraph.
pub(super) fn named_paragraph(unit: &Unit) -> Option<NamedParagraph> {
    let readable = match unit.kind {
        UnitKind::Text | UnitKind::Bullet | UnitKind::Numbered(_) => true,
        UnitKind::Field { known, .. } => !known,
        _ => false,
    };
    // A headline is read by the other rules; a paragraph is not one.
    if !readable || unit.is_title_like() {
        return None;
    }
    let segments = &unit.headline().segments;
    let first = segments.first()?.text.as_str();
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    let head = &first[..first.floor_char_boundary(NAME_BYTES)];
    // The first separator after a name: a colon, a parenthesis or a comma.
    let (mut at, mut separator) = head
        .char_indices()
        .find(|&(i, c)| matches!(c, ':' | ',') || (c == '(' && head[..i].ends_with(' ')))?;
    // A place in brackets before the colon is the name's: `Sahel Solar
    // Schools (Niger): …`.
    if separator == '(' {
        let bracket = &head[at + 1..];
        let colon = bracket.find(')').and_then(|close| {
            let inside = &bracket[..close];
            let after = &bracket[close + 1..];
            let colon = after.len() - after.trim_start().len();
            (!inside.contains(|c: char| c.is_ascii_digit()) && after[colon..].starts_with(':'))
                .then_some(at + 1 + close + 1 + colon)
        });
        if let Some(colon) = colon {
            (at, separator) = (colon, ':');
        }
    }
    let name = first[..at].trim_end();
    if !is_name(name) {
        return None;
    }
    if separator == ':' {
        let rest_start = at + 1 + (first[at + 1..].len() - first[at + 1..].trim_start().len());
        let dates = segments.iter().enumerate().find_map(|(index, segment)| {
            let from = if index == 0 { rest_start } else { 0 };
            first_range(&segment.text, from).map(|(start, end)| (index, start, end))
        });
        // A name that says it is a project's (`Project CHOO: We spent a
        // week …`) needs no dates; an empty range stands for none.
        let dates = dates.or_else(|| names_a_project(name).then_some((0, 0, 0)))?;
        return Some(NamedParagraph {
            name_end: name.len(),
            rest_start,
            dates,
            dates_after_name: false,
        });
    }
    let date_at = at + 1;
    let date_at = date_at + (first[date_at..].len() - first[date_at..].trim_start().len());
    let expr = scan_date(&first[date_at..]).filter(|e| e.end.is_some() || e.open_end)?;
    let date_end = date_at
        + first[date_at..date_at + expr.len]
            .trim_end_matches([')', ' '])
            .len();
    let after = first[date_end..].trim_start();
    // `(2019–2021)` closed, then a comma or the prose.
    let after = match separator {
        '(' => after.strip_prefix(')')?,
        _ => after,
    };
    let rest = after.trim_start_matches([',', ';', '.', ' ']);
    Some(NamedParagraph {
        name_end: name.len(),
        rest_start: first.len() - rest.len(),
        dates: (0, date_at, date_end),
        dates_after_name: true,
    })
}

/// Whether a paragraph's name says it is a project's: a word for a record
/// opens it before a name (`Project CHOO`, `Projet Eau vive`).
fn names_a_project(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words
        .next()
        .is_some_and(|first| RECORD_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)))
        && words
            .next()
            .is_some_and(|second| second.starts_with(char::is_uppercase))
}

/// Rule ND's reading of `unit`, if it is a paragraph or list item that
/// opens on its project's name, then a dash and prose (`CERCI Maputo –
/// School kits were given to ninety children …`): where the name ends and
/// the prose starts in the first line of [`Unit::headline`].
pub(super) fn dash_named(unit: &Unit) -> Option<(usize, usize)> {
    const FEWEST_PROSE_WORDS: usize = 6;
    if unit.is_title_like() {
        return None;
    }
    let first = opening_line(unit)?;
    // The words up to the dash, each as a name's ([`is_name`]): prose
    // shows a word in lower case within its first few, and is turned away
    // there.
    let mut dash = None;
    for word in first.split(' ').take(*NAME_WORDS.end() + 1) {
        if matches!(word, "–" | "-" | "—") {
            let at = word.as_ptr() as usize - first.as_ptr() as usize;
            dash = Some((at.checked_sub(1)?, 1 + word.len() + 1));
            break;
        }
        if !in_a_name(word) {
            return None;
        }
    }
    let (at, mark) = dash?;
    let name = first.get(..at)?.trim_end();
    // A date before the dash dates the prose (`November 2007 - The
    // council …`): it names nothing.
    if scan_date(name).is_some_and(|expr| expr.len >= name.len()) {
        return None;
    }
    // The dash may end the line, with no space after it.
    let rest = first.get(at + mark..)?;
    let prose = rest.starts_with(char::is_alphabetic)
        && !unit.has_at_most_words(name.split_whitespace().count() + FEWEST_PROSE_WORDS);
    (is_name(name) && prose).then_some((name.len(), at + mark))
}

/// The first line of a paragraph or list item that opens on a capital, as
/// a name does (rules ND and CY read it).
fn opening_line(unit: &Unit) -> Option<&str> {
    let readable = matches!(
        unit.kind,
        UnitKind::Text | UnitKind::Bullet | UnitKind::Numbered(_)
    );
    let first = unit.headline().segments.first()?.text.as_str();
    (readable && first.starts_with(char::is_uppercase)).then_some(first)
}

/// Rule CY's reading of a reference: a client, its year, then the work
/// done for it (`TSR – 2020. Advice on the nickel mine …`, `National Bank
/// – 2019 : Strategic plan …`, `TSR SA 2019. Policy …`). Byte offsets in
/// the first line of [`Unit::headline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ClientYear {
    pub(super) client_end: usize,
    pub(super) dates: (usize, usize),
    pub(super) title_start: usize,
    /// Where the work's title ends, where the year follows it (`Commune
    /// de Koza : Plan for the district. 2015.`); else at the line's end.
    pub(super) title_end: Option<usize>,
}

/// Rule CY's reading of `unit`, if it is such a reference.
pub(super) fn client_year(unit: &Unit) -> Option<ClientYear> {
    let first = opening_line(unit)?;
    client_then_year(first).or_else(|| {
        // A client named before a spaced colon may be described in lower
        // case (`Perenco-Cameroon (entreprise pétrolière) : …`). Most
        // lines hold no colon after a space, found at once.
        const CLIENT_WORDS: usize = 12;
        let colon = first
            .match_indices(':')
            .map(|(at, _)| at)
            .find(|&at| first[..at].ends_with([' ', '\u{a0}']))?;
        if first[..colon].split([' ', '\u{a0}']).count() > CLIENT_WORDS + 1 {
            return None;
        }
        client_work_year(first, colon)
    })
}

/// Rule CY's reading of a reference whose year follows its client.
fn client_then_year(first: &str) -> Option<ClientYear> {
    // The client is a name ([`in_a_name`]); the dates open on the first
    // number after it (`2020`), or on the word before that (`May 1997`).
    // Prose shows a word in lower case within its first few, and is
    // turned away there.
    const CLIENT_WORDS: usize = 12;
    let mut number = None;
    for word in first.split([' ', '\u{a0}']).take(CLIENT_WORDS + 2) {
        let at = word.as_ptr() as usize - first.as_ptr() as usize;
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            number = Some(at);
            break;
        }
        if !(in_a_name(word) || matches!(word, "–" | "-" | "—")) {
            return None;
        }
    }
    let number = number.filter(|&at| at > 0)?;
    let bytes = first.as_bytes();
    // A year: four digits (`2020`, `1997-1998`), not an amount (`170,000`).
    let year = bytes.get(number..number + 4)?;
    let after_year = bytes.get(number + 4).copied();
    if !year.iter().all(u8::is_ascii_digit)
        || after_year.is_some_and(|b| b.is_ascii_digit() || b == b',')
    {
        return None;
    }
    // The word before the number, after white space of any width (a
    // no-break space is two bytes).
    let word_before = first[..number]
        .trim_end()
        .rfind(char::is_whitespace)
        .map(|space| space + first[space..].chars().next().map_or(1, char::len_utf8));
    let (date_at, expr) = word_before.into_iter().chain([number]).find_map(|at| {
        Some((
            at,
            scan_date(&first[at..]).filter(|e| e.start.year.is_some())?,
        ))
    })?;
    let client = first[..date_at]
        .trim_end()
        .trim_end_matches(['–', '-', '—', ','])
        .trim_end();
    let years_only = expr.start.day.is_none() && expr.start.year.is_some();
    let date_end = date_at + expr.len;
    let after = &first[date_end..];
    let title_at = [". ", ": ", " : "]
        .iter()
        .find_map(|mark| after.strip_prefix(mark))
        .map(|title| first.len() - title.trim_start().len())?;
    let title_opens =
        first[title_at..].starts_with(|c: char| c.is_uppercase() || "«“\"".contains(c));
    let client_words = client.split_whitespace().count();
    ((1..=CLIENT_WORDS).contains(&client_words)
        && !client.contains(". ")
        && years_only
        && title_opens)
        .then_some(ClientYear {
            client_end: client.len(),
            dates: (date_at, date_end),
            title_start: title_at,
            title_end: None,
        })
}

/// Rule CY's reading of a reference that names its client before a
/// spaced colon at `colon`, then the work done, then its year as a
/// sentence of its own, maybe more sentences after it (`Commune de Koza :
/// Plan for the district. 2015. Tasks as the team's expert …`, `Bank :
/// Study of the sector. 2016-2017`).
fn client_work_year(first: &str, colon: usize) -> Option<ClientYear> {
    let client = first[..colon].trim_end();
    if client.is_empty() || client.contains(". ") {
        return None;
    }
    let after_colon = &first[colon + 1..];
    let title_start = colon + 1 + (after_colon.len() - after_colon.trim_start().len());
    if !first[title_start..].starts_with(char::is_alphabetic) {
        return None;
    }
    // The first sentence after the work that is a year or a range of
    // years and nothing more.
    first[title_start..]
        .match_indices(". ")
        .map(|(at, _)| title_start + at)
        .find_map(|stop| {
            let date_at = stop + 2;
            let expr = scan_date(&first[date_at..])?;
            let date_end = date_at + expr.len;
            let years_only = expr.start.day.is_none() && expr.start.year.is_some();
            let alone = first[date_end..]
                .chars()
                .next()
                .is_none_or(|c| c == '.' || c.is_whitespace());
            (years_only && alone).then_some(ClientYear {
                client_end: client.len(),
                dates: (date_at, date_end),
                title_start,
                title_end: Some(stop),
            })
        })
}

/// Rule CH's reading of a line that names a client and the years of the
/// work done for it, the work told in the paragraph under it (`FAO,
/// 2017-2018`, `EBRD 2009`, `2012 Afghanistan`): the byte ranges of the
/// client and of the years in the line.
pub(super) fn client_years_heading(unit: &Unit) -> Option<((usize, usize), (usize, usize))> {
    const CLIENT_WORDS: usize = 8;
    let [line] = unit.whole.segments.as_slice() else {
        return None;
    };
    let text = line.text.trim_end();
    // Short, and opening or closing on the years: most lines are turned
    // away by their ends.
    const LONGEST: usize = 120;
    let digit_at_an_end = text.ends_with(|c: char| c.is_ascii_digit())
        || text.starts_with(|c: char| c.is_ascii_digit());
    if text.len() > LONGEST
        || !digit_at_an_end
        || unit.kind != UnitKind::Text
        || !unit.has_at_most_words(CLIENT_WORDS + 1)
    {
        return None;
    }
    let years = |at: usize| {
        scan_date(&text[at..]).filter(|e| e.start.month.is_none() && e.start.year.is_some())
    };
    // The years close the line (`FAO, 2017-2018`) or open it (`2012
    // Afghanistan`).
    let closing = text
        .char_indices()
        .filter(|&(i, c)| c.is_ascii_digit() && i > 0 && text[..i].ends_with(' '))
        .find_map(|(i, _)| {
            years(i)
                .filter(|e| i + e.len == text.len())
                .map(|_| (i, text.len()))
        });
    let opening = || {
        let expr = years(0)?;
        text.get(expr.len..)?
            .starts_with(' ')
            .then_some((0, expr.len))
    };
    let dates = closing.or_else(opening)?;
    let client = if dates.0 == 0 {
        let rest = &text[dates.1..];
        let start = dates.1 + (rest.len() - rest.trim_start().len());
        (start, text.len())
    } else {
        let name = text[..dates.0]
            .trim_end()
            .trim_end_matches([',', '–', '-', '—'])
            .trim_end();
        (0, name.len())
    };
    let name = &text[client.0..client.1];
    let words = name.split_whitespace().count();
    // A date whose month the name ends on (`Published on July 2020`) is
    // a dateline's.
    let last_word = client.0 + name.rfind(' ').map_or(0, |space| space + 1);
    let month_before =
        dates.0 > 0 && scan_date(&text[last_word..]).is_some_and(|e| e.start.month.is_some());
    // A name ending on a word for a record (`Seed Bank Project`) is a
    // project's, not a client's.
    let names_a_record = name
        .rsplit(' ')
        .next()
        .is_some_and(|last| RECORD_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)));
    let named = (1..=CLIENT_WORDS).contains(&words)
        && name.starts_with(char::is_uppercase)
        && !name.contains(|c: char| c.is_ascii_digit())
        && !month_before
        && !names_a_record
        && name.split_whitespace().all(in_a_name);
    named.then_some((client, dates))
}

/// Splits a rule-CY reference read as `title`: `title` keeps the work
/// done; the client and the dates are returned.
pub(super) fn split_client_year(
    title: &mut Text,
    read: ClientYear,
) -> (Option<Text>, Option<Segment>) {
    let Some(first) = title.segments.first_mut() else {
        return (None, None);
    };
    let client = piece(first, 0, read.client_end).map(Text::from_segment);
    let dates = piece(first, read.dates.0, read.dates.1);
    if let Some(end) = read
        .title_end
        .filter(|&end| first.text.is_char_boundary(end))
    {
        first.text.truncate(end);
        first.span.end = first.span.start + end;
    }
    if first.text.is_char_boundary(read.title_start) {
        first.text.drain(..read.title_start);
        first.span.start += read.title_start;
    }
    (client, dates)
}

/// A project's name: two to fifteen words, the first and every word of
/// four letters or more capitalised but the small words that join them
/// (`with`, `pour`), and none of the words a sentence or a funder's cue
/// holds (`is`, `was`, `by`).
fn is_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    NAME_WORDS.contains(&words)
        && text.starts_with(char::is_uppercase)
        && text.split_whitespace().all(in_a_name)
        && !text.contains(". ")
}

/// Whether `word` may stand in a project's name ([`is_name`]); an article
/// elided before it counts for nothing (`d’Ivoire`, `l'Eau`).
fn in_a_name(word: &str) -> bool {
    let mut chars = word.char_indices();
    let word = match (chars.next(), chars.next()) {
        (Some((_, article)), Some((at, mark @ ('’' | '\'')))) if article.is_lowercase() => {
            &word[at + mark.len_utf8()..]
        }
        _ => word,
    };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitalised = word
        .chars()
        .find(|c| c.is_alphabetic())
        .is_none_or(char::is_uppercase);
    (capitalised || letters < 4 || CONNECTORS.contains(&word)) && !NOT_IN_NAMES.contains(&word)
}

/// Longer small words a capitalised name keeps in lower case (`School
/// Feeding with Local Produce`).
const CONNECTORS: &[&str] = &[
    "with", "from", "into", "through", "against", "among", "across", "within", "without", "avec",
    "pour", "dans", "entre", "sans", "contra", "para", "desde", "hacia", "sobre", "durch", "gegen",
    "über", "nach", "unter", "verso", "contro",
];

/// Short words that put a phrase in a sentence, not a name.
const NOT_IN_NAMES: &[&str] = &["by", "is", "are", "was", "were", "has", "have", "will"];

/// The first date range in `text` from byte `from`: its bytes.
fn first_range(text: &str, from: usize) -> Option<(usize, usize)> {
    let tail = text.get(from..)?;
    tail.char_indices()
        .filter(|&(i, c)| {
            (c.is_ascii_digit() || c.is_uppercase()) && (i == 0 || tail[..i].ends_with([' ', '(']))
        })
        .find_map(|(i, _)| {
            let expr = scan_date(&tail[i..]).filter(|e| e.end.is_some() || e.open_end)?;
            let found = tail[i..i + expr.len].trim_end_matches([')', ' ', ',', '.']);
            Some((from + i, from + i + found.len()))
        })
}

/// Splits a named paragraph read as `title` (the text of
/// [`Unit::headline`]): `title` keeps the name; the prose after it and the
/// date range are returned.
pub(super) fn split_named_paragraph(
    title: &mut Text,
    named: NamedParagraph,
) -> (Option<Text>, Option<Segment>) {
    let (index, start, end) = named.dates;
    let dates = title
        .segments
        .get(index)
        .and_then(|segment| piece(segment, start, end));
    let mut rest = title.segments.split_off(1.min(title.segments.len()));
    if let Some(first) = title.segments.first_mut() {
        if let Some(prose) = piece(first, named.rest_start, first.text.len()) {
            rest.insert(0, prose);
        }
        first.text.truncate(named.name_end);
        first.span.end = first.span.start + named.name_end;
    }
    let rest = (!rest.is_empty()).then_some(Text { segments: rest });
    (rest, dates)
}

/// Bytes `start..end` of `segment` as a segment of their own, unless
/// empty.
pub(super) fn piece(segment: &Segment, start: usize, end: usize) -> Option<Segment> {
    let text = segment.text.get(start..end)?;
    (!text.trim().is_empty()).then(|| Segment {
        text: text.to_string(),
        line: segment.line,
        span: segment.span_of(start, end),
        map: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::decode;
    use crate::units::{read_with_neighbours, units};

    #[test]
    fn a_line_ending_on_its_dash_names_no_record() {
        let text = "Valley Trust –\nworks with the families of the upper valley on wells and seed.";
        let source = decode("t.txt", text.as_bytes()).unwrap();
        let units = units(&source.lines);
        assert_eq!(units.first().and_then(dash_named), None);
    }

    #[test]
    fn an_elided_article_counts_for_nothing_in_a_name() {
        for word in [
            "l’Administration",
            "d'Ivoire",
            "Côte",
            "du",
            "(UNEMAF)",
            "–",
        ] {
            assert!(in_a_name(word), "{word}");
        }
        for word in ["l’administration", "project", "d’éducation"] {
            assert!(!in_a_name(word), "{word}");
        }
    }

    /// The client, dates and title rule CY reads in a one-unit text.
    fn reference(text: &str) -> Option<(String, String, String)> {
        let source = decode("t.txt", text.as_bytes()).unwrap();
        let units = units(&source.lines);
        let unit = units.first()?;
        let read = client_year(unit)?;
        let first = &unit.headline().segments[0].text;
        Some((
            first[..read.client_end].to_string(),
            first[read.dates.0..read.dates.1].to_string(),
            first[read.title_start..read.title_end.unwrap_or(first.len())].to_string(),
        ))
    }

    #[test]
    fn a_reference_reads_as_client_year_and_title() {
        assert_eq!(
            reference("Ministère de l’Agriculture – 2019 : Plan for the farms"),
            Some((
                "Ministère de l’Agriculture".into(),
                "2019".into(),
                "Plan for the farms".into()
            ))
        );
        assert_eq!(
            reference("Valley Trust - May 1997 - May 1998. First assignment"),
            Some((
                "Valley Trust".into(),
                "May 1997 - May 1998".into(),
                "First assignment".into()
            ))
        );
        // A no-break space before the year (two bytes) is white space.
        assert_eq!(
            reference("- Harbour Trust\u{a0}2019. Wells for the valley"),
            Some((
                "Harbour Trust".into(),
                "2019".into(),
                "Wells for the valley".into()
            ))
        );
        // The client before a spaced colon, the year a sentence after the
        // work, more sentences after it.
        assert_eq!(
            reference(
                "- Valley council (a district) : plans for the wells. 2015. Tasks as expert."
            ),
            Some((
                "Valley council (a district)".into(),
                "2015".into(),
                "plans for the wells".into()
            ))
        );
        assert_eq!(
            reference("- Harbour Bank\u{a0}: Study of the sector. 2016-2017"),
            Some((
                "Harbour Bank".into(),
                "2016-2017".into(),
                "Study of the sector".into()
            ))
        );
        // Prose, an amount, a day's date, a colon without a year's
        // sentence: none is a reference.
        for text in [
            "The project, funded in 2019. It helps workers",
            "Harbour Trust – 170,000. Wells",
            "Harbour Trust – 3 May 2019. Wells",
            "- Note : the wells were dug in 2015 by the villages.",
            "- Harbour Trust : wells. 12 May 2015.",
        ] {
            assert_eq!(reference(text), None, "{text}");
        }
    }

    /// The name and the dates rule P reads in a one-unit text.
    fn read(text: &str) -> Option<(String, String, bool)> {
        let source = decode("t.txt", text.as_bytes()).unwrap();
        let mut units = units(&source.lines);
        read_with_neighbours(&mut units);
        let unit = units.first()?;
        let named = named_paragraph(unit)?;
        let first = &unit.headline().segments[0].text;
        let (index, start, end) = named.dates;
        let dates = &unit.headline().segments[index].text[start..end];
        Some((
            first[..named.name_end].to_string(),
            dates.to_string(),
            named.dates_after_name,
        ))
    }

    #[test]
    fn a_name_then_its_dates_or_a_colon_opens_a_named_paragraph() {
        let read_as = |name: &str, dates: &str, after: bool| {
            Some((name.to_string(), dates.to_string(), after))
        };
        assert_eq!(
            read("The Water Programme (2018–2022) was paid for by Norway.\n"),
            read_as("The Water Programme", "2018–2022", true)
        );
        assert_eq!(
            read("Clinics for Herders, 2019 – 2021, with money from Sweden.\n"),
            read_as("Clinics for Herders", "2019 – 2021", true)
        );
        assert_eq!(
            read("Seed Banks: Sweden pays for the seed banks, which\nrun from May 2020 to June 2023.\n"),
            read_as("Seed Banks", "May 2020 to June 2023", false)
        );
        assert_eq!(
            read("• Open Borders (2021 – ongoing), a network of shelters.\n"),
            read_as("Open Borders", "2021 – ongoing", true)
        );
    }

    #[test]
    fn sentences_and_undated_paragraphs_are_not_named_paragraphs() {
        for text in [
            // A sentence opens on words that are no name.
            "The office was opened (2018–2022) in Accra, with three staff.\n",
            "Funded by the European Union (2019–2023), the project trains nurses.\n",
            "In 2019 we began: work ran from 2019 to 2022.\n",
            // A name without a range.
            "Seed Banks: Sweden pays for the seed banks of Mali.\n",
            "The Water Programme (2018) was paid for by Norway.\n",
            // A headline is read by the other rules.
            "The Water Programme (2018–2022)\n",
            // One word is a label, not a name.
            "Note: the programme ran from 2018 to 2022.\n",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
