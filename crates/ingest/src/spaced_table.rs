//! A table copied with single spaces between its cells (from a PDF, or a
//! parliament's answer): `Project title Start date Commitment (£)` over
//! `Police training 1 February 2000 650,000`. Spaces alone cannot cut such
//! a row, but its header can: where every column but the title's holds
//! dates or an amount, those cells are read off the row's ends and the
//! title is what stays between. Hand-written: no table crate reads cells
//! that nothing but their type sets apart.

use crate::dates::scan_date;
use crate::labels::{self, Column, Meaning};

/// What a column of a spaced table holds, as its header names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    /// The record's name: any words.
    Title,
    /// One date: the start's or the end's.
    Date,
    /// A date or a range of dates.
    Dates,
    /// An amount of money (`650,000`, `£1.2m`).
    Amount,
}

/// The most words one column's header has (`Date of first disbursement`).
const LONGEST_HEADER: usize = 5;

/// The columns of a spaced table's header line: each header's byte range
/// in `text` and what its cells hold. `None` unless every word belongs to
/// a header of the vocabulary, one of them the title's and the others of
/// dates or amounts, two columns at least.
pub(crate) fn spaced_header(text: &str) -> Option<Vec<(usize, usize, Cell)>> {
    if !opens_on_a_header(text) || text.contains('\t') || text.len() > 160 {
        return None;
    }
    let words: Vec<(usize, usize)> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let at = w.as_ptr() as usize - text.as_ptr() as usize;
            (at, at + w.len())
        })
        .collect();
    let mut columns = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (start, _) = words[i];
        // The longest run of words from here that names a column.
        let (taken, cell) = (1..=LONGEST_HEADER.min(words.len() - i))
            .rev()
            .find_map(|n| {
                let end = words[i + n - 1].1;
                header_cell(&text[start..end]).map(|cell| (n, cell))
            })?;
        columns.push((start, words[i + taken - 1].1, cell));
        i += taken;
    }
    let titles = columns.iter().filter(|c| c.2 == Cell::Title).count();
    (columns.len() >= 2 && titles == 1).then_some(columns)
}

/// Whether `text` opens on a capitalised word that may open a label: most
/// lines are turned away by it before a header is looked for.
fn opens_on_a_header(text: &str) -> bool {
    text.split(' ')
        .next()
        .is_some_and(|first| first.starts_with(char::is_uppercase) && labels::opens_a_label(first))
}

/// What the column a header names holds, if a spaced table's row can be
/// cut at it.
fn header_cell(header: &str) -> Option<Cell> {
    // A header the vocabulary lists, not one read by its last word: `Donor
    // Start date` is two headers.
    labels::listed_meaning(header)?;
    match labels::column(header)? {
        Column::Title => Some(Cell::Title),
        Column::StartDate | Column::EndDate => Some(Cell::Date),
        Column::Dates => Some(Cell::Dates),
        Column::Field => (labels::meaning(header) == Some(Meaning::Budget)).then_some(Cell::Amount),
    }
}

/// The cells of a row of a spaced table whose header has `columns`: each
/// cell's byte range in `text`, in the header's order. The cells before
/// the title's are read from the row's start, those after it from its
/// end; the title is what stays, and must hold a word.
pub(crate) fn spaced_row(
    columns: &[(usize, usize, Cell)],
    text: &str,
) -> Option<Vec<(usize, usize)>> {
    let title = columns.iter().position(|c| c.2 == Cell::Title)?;
    let mut cells = vec![(0, 0); columns.len()];
    let mut from = 0;
    for (k, column) in columns[..title].iter().enumerate() {
        let rest = text.get(from..)?;
        let skipped = rest.len() - rest.trim_start().len();
        let len = leading_cell(column.2, rest.trim_start())?;
        cells[k] = (from + skipped, from + skipped + len);
        from += skipped + len;
    }
    let mut to = text.trim_end().len();
    for (k, column) in columns.iter().enumerate().skip(title + 1).rev() {
        let rest = text.get(from..to)?;
        let start = from + trailing_cell(column.2, rest)?;
        cells[k] = (start, to);
        to = text[..start].trim_end().len();
    }
    let name = text.get(from..to)?;
    let skipped = name.len() - name.trim_start().len();
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    cells[title] = (from + skipped, to);
    Some(cells)
}

/// A whole spaced table run together on one line (`Project title Start
/// date Commitment (£) Wells 1 March 2000 41,000 Clinics 25 April 2000
/// 632,000 …`), its title's column first: the byte ranges of its header
/// and of each row, and of what follows the last row, if anything does.
/// A row ends where its typed cells do; its title is the words before
/// them. Two rows at least.
pub(crate) fn run_together_table(text: &str) -> Option<Vec<(usize, usize)>> {
    const SHORTEST: usize = 120;
    const MOST_HEADER_WORDS: usize = 12;
    if !opens_on_a_header(text) || text.len() < SHORTEST || text.contains('\t') {
        return None;
    }
    let word_ends: Vec<usize> = text
        .match_indices(' ')
        .map(|(at, _)| at)
        .filter(|&at| at > 0 && !text[..at].ends_with(' '))
        .take(MOST_HEADER_WORDS)
        .collect();
    // The header's words may run into the first row's (`… Commitment (£)
    // Budget Support …`, `Budget` a header too): the longest header whose
    // columns cut rows is the one.
    word_ends.iter().rev().find_map(|&end| {
        let columns = spaced_header(&text[..end])?;
        if columns.first().map(|c| c.2) != Some(Cell::Title) {
            return None;
        }
        let mut pieces = vec![(0, end)];
        let mut from = end + 1;
        while let Some(row_end) = next_row(&columns[1..], text, from) {
            pieces.push((from, row_end));
            from = row_end + (text[row_end..].len() - text[row_end..].trim_start().len());
        }
        if pieces.len() < 3 {
            return None;
        }
        if from < text.trim_end().len() {
            pieces.push((from, text.trim_end().len()));
        }
        Some(pieces)
    })
}

/// Where the row that starts at `from` ends: after the first run of cells
/// of `typed` columns, each after a space, that follows a word.
fn next_row(typed: &[(usize, usize, Cell)], text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let starts = rest
        .match_indices(' ')
        .map(|(at, _)| from + at + 1)
        .filter(|&at| text[..at].chars().rev().nth(1).is_some_and(|c| c != ' '));
    starts.into_iter().find_map(|start| {
        if !text[from..start].chars().any(char::is_alphabetic) {
            return None;
        }
        let mut at = start;
        for column in typed {
            let len = leading_cell(column.2, &text[at..])?;
            at += len;
            if !text[at..].is_empty() && column != typed.last()? {
                at += 1;
            }
        }
        Some(at)
    })
}

/// The length of a cell of `kind` that `text` opens on.
fn leading_cell(kind: Cell, text: &str) -> Option<usize> {
    let len = match kind {
        Cell::Title => return None,
        Cell::Date | Cell::Dates => {
            scan_date(text)
                .filter(|e| e.start.year.is_some() && (kind == Cell::Dates || e.end.is_none()))?
                .len
        }
        Cell::Amount => text.split(' ').next().filter(|w| is_amount(w))?.len(),
    };
    let after = &text[len..];
    (after.is_empty() || after.starts_with(' ')).then_some(len)
}

/// Where in `text` the cell of `kind` it ends on starts: for dates, the
/// longest run of whole words that reads as a date and nothing more (one
/// date where the column holds one: `… 2000 26 January 2000` is a title's
/// year, then the date).
fn trailing_cell(kind: Cell, text: &str) -> Option<usize> {
    let starts = text
        .char_indices()
        .filter(|&(i, _)| i == 0 || text[..i].ends_with(' '))
        .map(|(i, _)| i);
    match kind {
        Cell::Title => None,
        Cell::Amount => {
            let at = text.rfind(' ').map_or(0, |space| space + 1);
            is_amount(&text[at..]).then_some(at)
        }
        Cell::Date | Cell::Dates => starts.into_iter().find(|&at| {
            scan_date(&text[at..]).is_some_and(|e| {
                e.start.year.is_some()
                    && at + e.len == text.len()
                    && (kind == Cell::Dates || e.end.is_none())
            })
        }),
    }
}

/// A number with its separators, maybe a currency's sign before it:
/// `650,000`, `£1.2`, `24,555,000`.
fn is_amount(word: &str) -> bool {
    let digits = word.trim_start_matches(['£', '$', '€']);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_of_title_dates_and_amount_cuts_its_rows() {
        let header = "Project title Start date Commitment (£)";
        let columns = spaced_header(header).expect("a header");
        assert_eq!(
            columns
                .iter()
                .map(|c| (&header[c.0..c.1], c.2))
                .collect::<Vec<_>>(),
            [
                ("Project title", Cell::Title),
                ("Start date", Cell::Date),
                ("Commitment (£)", Cell::Amount)
            ]
        );
        let row = "Wells for the valley 2000 26 January 2000 5,500,000";
        let cells = spaced_row(&columns, row).expect("a row");
        let texts: Vec<&str> = cells.iter().map(|&(a, b)| &row[a..b]).collect();
        assert_eq!(
            texts,
            ["Wells for the valley 2000", "26 January 2000", "5,500,000"]
        );
        // Dates first, then the title.
        let columns = spaced_header("Year Project").expect("a header");
        let row = "2019-2021 Clinic on wheels";
        let cells = spaced_row(&columns, row).expect("a row");
        assert_eq!(&row[cells[1].0..cells[1].1], "Clinic on wheels");
    }

    #[test]
    fn a_table_run_together_on_one_line_is_cut_into_its_rows() {
        let text = "Project title Start date Commitment (£) Budget support for the valley 2000 \
                    26 January 2000 5,500,000 Police: training for the district 1 February 2000 650,000 \
                    Seeds and tools 31 May 2000 487,000 Further details are on the website.";
        let pieces = run_together_table(text).expect("a table");
        let texts: Vec<&str> = pieces.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            texts,
            [
                "Project title Start date Commitment (£)",
                "Budget support for the valley 2000 26 January 2000 5,500,000",
                "Police: training for the district 1 February 2000 650,000",
                "Seeds and tools 31 May 2000 487,000",
                "Further details are on the website."
            ]
        );
        // Prose is no table.
        let prose = "Project title and start date were agreed with the valley's council in \
                     January 2000, and the commitment of 5,500,000 was made then for the wells.";
        assert_eq!(run_together_table(prose), None);
    }

    #[test]
    fn lines_that_are_no_header_or_row() {
        for text in [
            "Project title Donor Start date",
            "Our projects and their dates",
            "Project title",
            "Project title\tStart date",
        ] {
            assert_eq!(spaced_header(text), None, "{text}");
        }
        let columns = spaced_header("Project title Start date Commitment (£)").unwrap();
        for row in [
            "Wells for the valley 26 January 2000",
            "26 January 2000 5,500,000",
            "Wells for the valley 26 January 2000 about half a million",
        ] {
            assert_eq!(spaced_row(&columns, row), None, "{row}");
        }
    }
}
