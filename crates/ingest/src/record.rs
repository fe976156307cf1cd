//! The records ingestion produces: raw projects whose every piece of text
//! knows where it came from.

use crate::dates::NumericOrder;
use serde::Serialize;
use std::borrow::Cow;

/// A half-open byte range `start..end` in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A piece of one line of the file, exactly as printed there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The text exactly as in the file (so `&file[span] == text`), or,
    /// read from a saved page, as the page reads: character references
    /// decoded and tags left out, `span` covering all of it in the file.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
    pub span: Span,
    /// Read from a saved page: where the pieces of `text` lie in the file.
    /// Empty when `text` is `span`'s bytes.
    #[serde(skip_serializing_if = "TextMap::is_empty")]
    pub map: TextMap,
}

impl Segment {
    /// The span in the file of bytes `start..end` of the text.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        if self.map.is_empty() {
            let end = end.min(self.text.len());
            Span::new(self.span.start + start.min(end), self.span.start + end)
        } else {
            self.map.span(start, end)
        }
    }
}

/// Where the pieces of a text lie in a file whose bytes are not the text:
/// a saved page, where character references are decoded, tags left out
/// and runs of white space read as one space. A piece is either the
/// file's bytes (`literal`) or stands for all of `file` (a character
/// reference, a list number the browser would print).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TextMap {
    pieces: Vec<MapPiece>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct MapPiece {
    /// Where the piece starts in the text; it ends where the next starts.
    text: usize,
    file: Span,
    literal: bool,
}

impl TextMap {
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Text from `text` on is the file's bytes from `file` on, `len` of
    /// them.
    pub fn push_literal(&mut self, text: usize, len: usize, file: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.literal
                && last.file.end == file
                && last.text + (last.file.end - last.file.start) == text
            {
                last.file.end += len;
                return;
            }
        }
        self.pieces.push(MapPiece {
            text,
            file: Span::new(file, file + len),
            literal: true,
        });
    }

    /// Text from `text` on (up to the next piece) stands for `file`.
    pub fn push_mapped(&mut self, text: usize, file: Span) {
        if self.pieces.last().is_some_and(|last| last.text == text) {
            self.pieces.pop();
        }
        self.pieces.push(MapPiece {
            text,
            file,
            literal: false,
        });
    }

    /// The piece holding text offset `at`.
    fn piece(&self, at: usize) -> Option<&MapPiece> {
        let index = self.pieces.partition_point(|p| p.text <= at);
        self.pieces.get(index.checked_sub(1)?)
    }

    fn start(&self, at: usize) -> usize {
        match self.piece(at) {
            Some(p) if p.literal => (p.file.start + (at - p.text)).min(p.file.end),
            Some(p) => p.file.start,
            None => self.pieces.first().map_or(0, |p| p.file.start),
        }
    }

    fn end(&self, at: usize) -> usize {
        match at.checked_sub(1).and_then(|last| self.piece(last)) {
            Some(p) if p.literal => (p.file.start + (at - p.text)).min(p.file.end),
            Some(p) => p.file.end,
            None => self.start(at),
        }
    }

    /// The span in the file of text `start..end`: from where its first
    /// byte comes from to where its last does.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let from = self.start(start);
        if end <= start {
            return Span::new(from, from);
        }
        Span::new(from, self.end(end).max(from))
    }

    /// The map of text `start..end`, as a text of its own; empty when
    /// that text is the file's bytes of its span.
    pub fn slice(&self, start: usize, end: usize) -> TextMap {
        let first = self
            .pieces
            .partition_point(|p| p.text <= start)
            .saturating_sub(1);
        let mut pieces: Vec<MapPiece> = Vec::new();
        for piece in self.pieces.iter().skip(first) {
            if piece.text >= end && !pieces.is_empty() {
                break;
            }
            let mut piece = *piece;
            if piece.text < start {
                if piece.literal {
                    piece.file.start =
                        (piece.file.start + (start - piece.text)).min(piece.file.end);
                }
                piece.text = start;
            }
            piece.text -= start;
            pieces.push(piece);
        }
        if pieces.len() == 1 && pieces[0].literal {
            pieces.clear();
        }
        TextMap { pieces }
    }
}

/// Text that may run over several lines, such as a wrapped title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Text {
    pub segments: Vec<Segment>,
}

/// Appends the words of `text` to `out`, one space between words and after
/// any word already in `out` past byte `from`. Most text is ASCII: its white
/// space is then found byte by byte; other text is decoded, since
/// `char::is_whitespace` also knows no-break and wide spaces (and the
/// vertical tab, which `split_ascii_whitespace` does not).
fn push_words(out: &mut String, from: usize, text: &str) {
    let mut push = |word: &str| {
        if !word.is_empty() {
            if out.len() > from {
                out.push(' ');
            }
            out.push_str(word);
        }
    };
    if is_one_spaced_ascii(text) {
        // Most text already reads as it is printed: words one space apart.
        push(text);
    } else if text.is_ascii() && !text.contains('\u{b}') {
        text.split_ascii_whitespace().for_each(&mut push);
    } else {
        text.split(char::is_whitespace).for_each(&mut push);
    }
}

/// `text` without Markdown's marks of strong emphasis: `**` opening on a
/// word and `**` closing on one, in pairs.
fn without_emphasis(text: &str) -> String {
    const MARK: &str = "**";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(MARK) {
        let inner = &rest[open + MARK.len()..];
        let close = inner.find(MARK).filter(|&close| {
            close > 0 && !inner.starts_with(' ') && !inner[..close].ends_with(' ')
        });
        let Some(close) = close else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&inner[..close]);
        rest = &inner[close + MARK.len()..];
    }
    out.push_str(rest);
    out
}

/// Whether `byte` is ASCII white space other than a space: `\t`, `\n`,
/// the vertical tab, the form feed or `\r`, the bytes 9 to 13. One
/// comparison, so that a block of bytes is told at once.
pub(crate) fn is_ascii_blank_but_space(byte: u8) -> bool {
    byte.wrapping_sub(b'\t') < 5
}

/// ASCII whose only white space is single spaces between words. Every
/// text is asked each time it is read clean, most of it prose: its bytes
/// are looked at a block at a time with no exit inside a block (each byte
/// and its next one, `|` not `||`), which the compiler makes a few vector
/// instructions.
fn is_one_spaced_ascii(text: &str) -> bool {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    // Beyond ASCII, or white space other than a space.
    let other_byte = |byte: u8| (byte >= 0x80) | is_ascii_blank_but_space(byte);
    let pairs_ok = |here: &[u8], next: &[u8]| {
        !here.iter().zip(next).fold(false, |any, (&byte, &after)| {
            any | other_byte(byte) | ((byte == b' ') & (after == b' '))
        })
    };
    let pairs = bytes.len() - 1;
    first != b' '
        && last != b' '
        && !other_byte(last)
        && (0..pairs)
            .step_by(BLOCK)
            .all(|at| pairs_ok(&bytes[at..pairs.min(at + BLOCK)], &bytes[at + 1..]))
}

impl Text {
    pub fn from_segment(segment: Segment) -> Self {
        Text {
            segments: vec![segment],
        }
    }

    /// The segments as one, each printed as it is and one space between
    /// two (so that segment `i` starts at the sum of the lengths of those
    /// before it, plus one for each): a wrapped name or sentence read
    /// whole (`Ministry of Foreign Affairs of the` / `Netherlands`). Its
    /// map keeps every byte's place in the file, the space standing for
    /// the line break; `line` is the first segment's. `None` for a text of
    /// one segment or none, which is its own.
    pub fn joined(&self) -> Option<Segment> {
        let [first, .., last] = self.segments.as_slice() else {
            return None;
        };
        let mut text = String::with_capacity(
            self.segments
                .iter()
                .map(|s| s.text.len() + 1)
                .sum::<usize>(),
        );
        let mut map = TextMap::default();
        let mut previous: Option<&Segment> = None;
        for segment in &self.segments {
            if let Some(previous) = previous {
                let gap = Span::new(previous.span.end, segment.span.start.max(previous.span.end));
                map.push_mapped(text.len(), gap);
                text.push(' ');
            }
            let at = text.len();
            if segment.map.is_empty() {
                map.push_literal(at, segment.text.len(), segment.span.start);
            } else {
                for piece in &segment.map.pieces {
                    let mut piece = *piece;
                    piece.text += at;
                    map.pieces.push(piece);
                }
            }
            text.push_str(&segment.text);
            previous = Some(segment);
        }
        Some(Segment {
            text,
            line: first.line,
            span: first.span.cover(last.span),
            map,
        })
    }

    /// The text with white space (no-break spaces included) collapsed to
    /// single spaces: how the text reads, not how it was laid out. A text
    /// of one segment that already reads so (most lines) is borrowed, not
    /// copied: finding a listing's layout asks for every line's text
    /// several times.
    pub fn clean(&self) -> Cow<'_, str> {
        if let [segment] = self.segments.as_slice() {
            if is_one_spaced_ascii(&segment.text) {
                return Cow::Borrowed(&segment.text);
            }
        }
        let mut out = String::with_capacity(self.segments.iter().map(|s| s.text.len()).sum());
        for segment in &self.segments {
            push_words(&mut out, 0, &segment.text);
        }
        Cow::Owned(out)
    }

    pub fn first_line(&self) -> Option<usize> {
        self.segments.first().map(|s| s.line)
    }

    pub fn last_line(&self) -> Option<usize> {
        self.segments.last().map(|s| s.line)
    }

    pub fn span(&self) -> Option<Span> {
        let first = self.segments.first()?.span;
        Some(self.segments.iter().fold(first, |acc, s| acc.cover(s.span)))
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}

/// A `Label: value` (or `Label – value`) line, or a table cell under a
/// column header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The label as printed, without its colon or dash.
    pub label: String,
    pub value: Text,
}

impl Field {
    /// The label in lower case with single spaces, for comparing.
    pub fn key(&self) -> String {
        normalise_label(&self.label)
    }
}

/// Lower case, single-spaced form of a label. A data export's key
/// (`start_date`) reads as its words.
pub fn normalise_label(label: &str) -> String {
    label
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where a project's date text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// A line of its own under the title.
    DateLine,
    /// A `Duration:`, `Dates:` or `Period:` field.
    Field,
    /// Start and end date cells of a flattened table.
    TableCells,
    /// A trailing parenthesis of the title, such as `(2009–2010)`.
    Title,
    /// The first range in a record that is one paragraph opening on its
    /// name (`Harvest Rights: A project financed by the Netherlands from
    /// 2020 to 2023 …`): it has no date line.
    Description,
}

impl DateOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrigin::DateLine => "date_line",
            DateOrigin::Field => "field",
            DateOrigin::TableCells => "table_cells",
            DateOrigin::Title => "title",
            DateOrigin::Description => "description",
        }
    }
}

/// The printed dates of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateText {
    pub text: Text,
    pub origin: DateOrigin,
    /// How the listing writes numeric dates (`01/06/2020`): learnt from
    /// all its dates, since one alone rarely settles it.
    pub order: NumericOrder,
}

impl DateText {
    /// The dates as printed; table cells are joined with ` – `.
    pub fn clean(&self) -> String {
        match self.origin {
            DateOrigin::TableCells => self
                .text
                .segments
                .iter()
                .map(|s| Text::from_segment(s.clone()).clean().into_owned())
                .collect::<Vec<_>>()
                .join(" – "),
            _ => self.text.clean().into_owned(),
        }
    }
}

/// One project as printed in a listing, before any interpretation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RawProject {
    /// The listing's file name (no directories), as the gold files name it.
    pub source: String,
    /// 1-based position in the file, in document order.
    pub ordinal: usize,
    /// The group heading above the project (`2009`, `Completed projects`).
    pub section: Option<String>,
    /// The same heading as printed, with its lines and spans: where the
    /// project works when it names no place itself (`Projects in Ghana`).
    /// Read from a saved page, only its text is kept (`section`).
    pub section_heading: Option<Text>,
    /// The number printed before the title, if any (it may restart per group).
    pub list_number: Option<u32>,
    /// A short label line above the headline (`Project`, `© ILO 2024`).
    pub kicker: Option<Text>,
    pub title: Text,
    pub date: Option<DateText>,
    pub fields: Vec<Field>,
    /// The description paragraphs, in order.
    pub description: Vec<Text>,
    /// Lines `first..=last` the project occupies.
    pub first_line: usize,
    pub last_line: usize,
    /// Bytes the project occupies.
    pub span: Span,
    /// Read from a saved page: the `id` of the element the project is in
    /// (its item, its heading), so that `page.html#id` links to it.
    pub anchor: Option<String>,
}

impl RawProject {
    /// The title as it reads: white space collapsed, list number and a
    /// trailing parenthesised date removed.
    /// The title as it reads: a Markdown page's emphasis inside it
    /// (`Distribution of a **mosquito net** to each pupil`) is how it was
    /// printed, not its words, and so is the comma or semicolon a list's
    /// item ends on (`bouw waterput in Lupa, Zambia;`): no title ends on
    /// one. (A stop stays: a title written as a sentence ends on it.) The
    /// title's spans still cover the marks.
    pub fn title_text(&self) -> String {
        let mut title = without_emphasis(&self.title.clean());
        if title.ends_with([';', ',']) {
            title.pop();
            let words_end = title.trim_end().len();
            title.truncate(words_end);
        }
        title
    }

    pub fn date_text(&self) -> Option<String> {
        self.date.as_ref().map(DateText::clean)
    }

    /// The description paragraphs joined by blank lines.
    pub fn description_text(&self) -> String {
        let mut out = String::new();
        for (i, paragraph) in self.description.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            let from = out.len();
            for segment in &paragraph.segments {
                push_words(&mut out, from, &segment.text);
            }
        }
        out
    }

    /// The first field with this label (case and spacing ignored).
    pub fn field(&self, label: &str) -> Option<&Field> {
        let wanted = normalise_label(label);
        self.fields.iter().find(|f| f.key() == wanted)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    #[test]
    fn a_titles_strong_emphasis_is_left_out() {
        use super::without_emphasis;
        assert_eq!(
            without_emphasis("Distribution of a **mosquito net** to each **pupil**"),
            "Distribution of a mosquito net to each pupil"
        );
        // Marks that open or close on a space, or stand alone, are text.
        for text in ["Rating ** of 5", "A ** b ** c", "Wells **", "**"] {
            assert_eq!(without_emphasis(text), text);
        }
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let expected = text
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let mut out = String::new();
        super::push_words(&mut out, 0, text);
        prop_assert_eq!(out, expected);
        Ok(())
    }

    #[test]
    fn a_joined_text_keeps_every_words_place_in_the_file() {
        use super::{Segment, Span, Text};
        let file = "Donor: Ministry of Foreign Affairs of the\n       Netherlands; Irish Aid\n";
        let line = |text: &str, line: usize| {
            let start = file.find(text).unwrap();
            Segment {
                text: text.to_string(),
                line,
                span: Span::new(start, start + text.len()),
                map: Default::default(),
            }
        };
        let text = Text {
            segments: vec![
                line("Ministry of Foreign Affairs of the", 1),
                line("Netherlands; Irish Aid", 2),
            ],
        };
        let joined = text.joined().unwrap();
        assert_eq!(
            joined.text,
            "Ministry of Foreign Affairs of the Netherlands; Irish Aid"
        );
        assert_eq!(joined.line, 1);
        let whole = joined.span_of(0, joined.text.find(';').unwrap());
        assert_eq!(
            &file[whole.start..whole.end],
            "Ministry of Foreign Affairs of the\n       Netherlands"
        );
        let irish = joined.text.find("Irish").unwrap();
        let span = joined.span_of(irish, irish + "Irish Aid".len());
        assert_eq!(&file[span.start..span.end], "Irish Aid");
        assert!(Text::from_segment(line("Irish Aid", 2)).joined().is_none());
    }

    /// What [`super::is_one_spaced_ascii`] answers, byte by byte.
    fn one_spaced_ascii_byte_by_byte(text: &str) -> bool {
        let mut after_space = true;
        for &byte in text.as_bytes() {
            let space = byte == b' ';
            if !byte.is_ascii()
                || (space && after_space)
                || (!space && byte.is_ascii_whitespace())
                || byte == 0x0b
            {
                return false;
            }
            after_space = space;
        }
        !after_space
    }

    #[test]
    fn one_spaced_ascii_is_told_at_a_blocks_edges() {
        let words = "ab ".repeat(40);
        let words = words.trim_end();
        assert!(super::is_one_spaced_ascii(words));
        // A double space, a tab or a letter beyond ASCII on either side of
        // the first block's end (byte 64), and at the text's ends.
        for at in [0, 62, 63, 64, 65, words.len() - 1] {
            for odd in ["  ", "\t", "é", "\u{b}"] {
                let mut text = words.to_string();
                text.replace_range(at..=at, odd);
                assert!(!super::is_one_spaced_ascii(&text), "{text:?}");
            }
        }
        for text in ["", " ", "a ", " a", "a  b"] {
            assert!(!super::is_one_spaced_ascii(text), "{text:?}");
        }
        assert!(super::is_one_spaced_ascii("a"));
    }

    proptest! {
        /// The ASCII fast path collapses white space exactly as
        /// `char::is_whitespace` does, the vertical tab included.
        #[test]
        fn ascii_words_are_split_like_char_is_whitespace(text in "[ a-z.\t\n\r\u{b}\u{c}]{0,40}") {
            check(&text)?;
        }

        /// Told a block at a time as byte by byte, across blocks' edges.
        #[test]
        fn one_spaced_ascii_is_told_as_byte_by_byte(
            text in "([a-z.]{1,70}| |  |\t|\n|\r|\u{b}|\u{c}|\u{1c}|é){0,12}"
        ) {
            prop_assert_eq!(super::is_one_spaced_ascii(&text), one_spaced_ascii_byte_by_byte(&text));
        }

        /// Text already one space apart is taken as it is.
        #[test]
        fn one_spaced_words_are_kept(text in "[a-z.]{1,6}( [a-z.\u{1c}]{1,6}){0,6}") {
            check(&text)?;
        }

        /// So does the general path, with no-break and wide spaces.
        #[test]
        fn other_words_are_split_like_char_is_whitespace(
            text in "[ a-z.\t\n\u{b}\u{a0}\u{3000}é]{0,40}"
        ) {
            check(&text)?;
        }
    }
}
