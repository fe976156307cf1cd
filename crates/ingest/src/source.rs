//! Turning the bytes of a listing file into lines with their byte spans.
//!
//! Spans always index the file's original bytes (a UTF-8 BOM and CR of CRLF
//! included), so any later stage can quote the exact text it used.

use crate::diagnostics::{Diagnostic, Severity};
use crate::record::Span;

/// Why a file cannot be read as a listing at all, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {problem}")]
pub struct SourceError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: SourceProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceProblem {
    #[error("the file is empty, expected a listing of projects")]
    Empty,
    #[error("binary data (byte 0x{0:02x}), expected a plain-text listing")]
    Binary(u8),
    #[error("not valid UTF-8 (byte 0x{0:02x}); save the listing as UTF-8 and run again")]
    NotUtf8(u8),
    #[error("cannot read: {0}")]
    Unreadable(String),
    /// A saved page in an encoding other than UTF-8 or a one-byte one
    /// such as Windows-1252.
    #[error("the page is in {0}, which is not read; save it as UTF-8 and run again")]
    UnsupportedEncoding(String),
    /// A byte the page's declared encoding does not define.
    #[error("not valid {encoding} as the page declares (byte 0x{byte:02x}); save it as UTF-8 and run again")]
    NotInEncoding { encoding: String, byte: u8 },
}

impl SourceError {
    /// The error as a diagnostic row, for `diagnostics.csv` and `devcoop check`.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            severity: Severity::Error,
            message: self.problem.to_string(),
        }
    }
}

/// One physical line of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line without its line ending.
    pub text: &'a str,
    /// Byte offset of `text` in the file.
    pub offset: usize,
}

impl<'a> Line<'a> {
    /// The line with leading and trailing white space (including no-break
    /// spaces) removed, and its span in the file.
    pub fn trimmed(&self) -> (&'a str, Span) {
        let text = self.text;
        let start = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        (
            trimmed,
            Span::new(self.offset + start, self.offset + start + trimmed.len()),
        )
    }

    /// Width of the leading white space, a tab counting as four columns.
    pub fn indent(&self) -> usize {
        self.text
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum()
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A decoded listing: its text and lines.
///
/// Whole-buffer decoding is the reference the piecewise [`Validator`] and
/// [`Chunks`] are tested against; runs use those.
#[cfg(test)]
#[derive(Debug)]
pub struct SourceText<'a> {
    pub lines: Vec<Line<'a>>,
    /// Whether the file ends without a line ending: a copied page that stops
    /// mid-sentence often does, which helps to tell a project cut off.
    pub ends_without_newline: bool,
}

/// Checks that `bytes` are a plain-text UTF-8 listing and splits it into lines.
#[cfg(test)]
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<SourceText<'a>, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError {
            file: file.to_string(),
            line: 1,
            column: 1,
            problem: SourceProblem::Empty,
        });
    }
    if let Some(pos) = first_binary_byte(bytes) {
        let (line, column) = line_and_column(bytes, pos);
        return Err(SourceError {
            file: file.to_string(),
            line,
            column,
            problem: SourceProblem::Binary(bytes[pos]),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let pos = err.valid_up_to();
        let (line, column) = line_and_column(bytes, pos);
        SourceError {
            file: file.to_string(),
            line,
            column,
            problem: SourceProblem::NotUtf8(bytes[pos]),
        }
    })?;
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    Ok(SourceText {
        lines: lines_in(&text[body_start..], body_start, 1),
        ends_without_newline: !text.ends_with('\n'),
    })
}

/// The lines of `text`, which starts at byte `offset` of its file on line
/// `first_line`. A final line ending does not start another line.
pub fn lines_in(text: &str, offset: usize, first_line: usize) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut offset = offset;
    for (index, raw) in text.split('\n').enumerate() {
        let without_cr = raw.strip_suffix('\r').unwrap_or(raw);
        lines.push(Line {
            number: first_line + index,
            text: without_cr,
            offset,
        });
        offset += raw.len() + 1;
    }
    // `split` yields an empty last piece after a final newline: not a line.
    if text.ends_with('\n') || text.is_empty() {
        lines.pop();
    }
    lines
}

/// Checks a file given piece by piece, and finds the error checking it
/// whole would find, at the same place: empty, else the first binary
/// byte, else the first byte that is not UTF-8 (the tests compare it with
/// a whole-file check, `decode`).
pub struct Validator {
    file: String,
    /// Lines ended so far.
    newlines: usize,
    /// The bytes of the line under way (for the column of an error).
    line: Vec<u8>,
    /// The start of a character cut by the end of the last piece.
    pending: Vec<u8>,
    all_white_space: bool,
    binary: Option<SourceError>,
    not_utf8: Option<SourceError>,
}

impl Validator {
    pub fn new(file: &str) -> Self {
        Validator {
            file: file.to_string(),
            newlines: 0,
            line: Vec::new(),
            pending: Vec::new(),
            all_white_space: true,
            binary: None,
            not_utf8: None,
        }
    }

    fn error_at(&self, piece: &[u8], at: usize, problem: SourceProblem) -> SourceError {
        let before = &piece[..at];
        let newlines = count_newlines(before);
        let column = match before.iter().rposition(|&b| b == b'\n') {
            Some(p) => String::from_utf8_lossy(&before[p + 1..]).chars().count(),
            None => {
                let mut line = self.line.clone();
                line.extend_from_slice(before);
                String::from_utf8_lossy(&line).chars().count()
            }
        };
        SourceError {
            file: self.file.clone(),
            line: self.newlines + newlines + 1,
            column: column + 1,
            problem,
        }
    }

    /// Takes the next piece of the file.
    pub fn feed(&mut self, piece: &[u8]) {
        if self.binary.is_some() {
            return;
        }
        if self.all_white_space {
            self.all_white_space = piece.iter().all(u8::is_ascii_whitespace);
        }
        if let Some(at) = first_binary_byte(piece) {
            self.binary = Some(self.error_at(piece, at, SourceProblem::Binary(piece[at])));
            return;
        }
        if self.not_utf8.is_none() {
            let carried = self.pending.len();
            // Only a character cut by the last piece's end is carried: the
            // piece is checked where it lies unless it finishes one.
            let joined;
            let bytes: &[u8] = if carried == 0 {
                piece
            } else {
                let mut with_carried = std::mem::take(&mut self.pending);
                with_carried.extend_from_slice(piece);
                joined = with_carried;
                &joined
            };
            if let Err(err) = std::str::from_utf8(bytes) {
                match err.error_len() {
                    // A character cut by the end of the piece: wait for more.
                    None => self.pending = bytes[err.valid_up_to()..].to_vec(),
                    Some(_) => {
                        let at = err.valid_up_to();
                        // The error may lie in the carried bytes, which
                        // belong to the line under way.
                        let error = if at < carried {
                            let mut line = self.line.clone();
                            line.truncate(line.len() - (carried - at));
                            SourceError {
                                file: self.file.clone(),
                                line: self.newlines + 1,
                                column: String::from_utf8_lossy(&line).chars().count() + 1,
                                problem: SourceProblem::NotUtf8(bytes[at]),
                            }
                        } else {
                            self.error_at(piece, at - carried, SourceProblem::NotUtf8(bytes[at]))
                        };
                        self.not_utf8 = Some(error);
                    }
                }
            }
        }
        match piece.iter().rposition(|&b| b == b'\n') {
            Some(p) => {
                self.newlines += count_newlines(piece);
                self.line.clear();
                self.line.extend_from_slice(&piece[p + 1..]);
            }
            None => self.line.extend_from_slice(piece),
        }
    }

    /// The verdict once the whole file was fed.
    pub fn finish(self) -> Result<(), SourceError> {
        if self.all_white_space {
            return Err(SourceError {
                file: self.file,
                line: 1,
                column: 1,
                problem: SourceProblem::Empty,
            });
        }
        if let Some(error) = self.binary.or(self.not_utf8) {
            return Err(error);
        }
        if let Some(&byte) = self.pending.first() {
            // The file ends inside a character.
            let column =
                String::from_utf8_lossy(&self.line[..self.line.len() - self.pending.len()])
                    .chars()
                    .count();
            return Err(SourceError {
                file: self.file,
                line: self.newlines + 1,
                column: column + 1,
                problem: SourceProblem::NotUtf8(byte),
            });
        }
        Ok(())
    }
}

/// The text of a file in pieces that end after a blank line, so that no
/// unit (paragraph, item, field) is ever split between two pieces.
pub struct Chunks<R> {
    reader: R,
    /// Bytes read and not yet given out.
    buffer: Vec<u8>,
    at_end: bool,
    /// A piece ends at the first blank line after this many bytes.
    target: usize,
    /// Where the buffer starts in the file, and on which line.
    offset: usize,
    line: usize,
}

/// A piece of a file's text, where it starts, and on which line.
pub struct Chunk {
    pub text: String,
    pub offset: usize,
    pub first_line: usize,
}

impl Chunk {
    pub fn lines(&self) -> Vec<Line<'_>> {
        // A byte-order mark opens the file, not its first line.
        let bom = if self.offset == 0 && self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        lines_in(&self.text[bom..], self.offset + bom, self.first_line)
    }
}

impl<R: std::io::Read> Chunks<R> {
    /// Pieces of about `target` bytes (at least one line each).
    pub fn new(reader: R, target: usize) -> Self {
        Chunks {
            reader,
            buffer: Vec::new(),
            at_end: false,
            target: target.max(1),
            offset: 0,
            line: 1,
        }
    }

    fn fill(&mut self, wanted: usize) -> std::io::Result<()> {
        const READ_BYTES: usize = 1 << 20;
        while !self.at_end && self.buffer.len() < wanted {
            let want = READ_BYTES.max(wanted - self.buffer.len()) as u64;
            // `read_to_end` grows the buffer as bytes come: a small file
            // costs a small buffer.
            let read = std::io::Read::read_to_end(
                &mut std::io::Read::take(&mut self.reader, want),
                &mut self.buffer,
            )?;
            self.at_end = (read as u64) < want;
        }
        Ok(())
    }

    /// The end of the first blank line ending at or after `from`: a line of
    /// ASCII white space only, which ends any unit.
    fn cut_after(&self, from: usize) -> Option<usize> {
        let bytes = &self.buffer;
        let mut line_start = bytes[..from.min(bytes.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let mut search = line_start;
        while let Some(p) = bytes[search..].iter().position(|&b| b == b'\n') {
            let end = search + p;
            if end + 1 >= from && bytes[line_start..end].iter().all(u8::is_ascii_whitespace) {
                return Some(end + 1);
            }
            line_start = end + 1;
            search = end + 1;
        }
        None
    }

    /// Whether every piece has been given out.
    pub fn is_done(&mut self) -> std::io::Result<bool> {
        self.fill(1)?;
        Ok(self.buffer.is_empty())
    }

    /// The next piece, or `None` at the end of the file.
    pub fn next_chunk(&mut self) -> std::io::Result<Option<Chunk>> {
        let mut wanted = self.target;
        let cut = loop {
            self.fill(wanted)?;
            if let Some(cut) = self.cut_after(self.target) {
                break cut;
            }
            if self.at_end {
                break self.buffer.len();
            }
            wanted = self.buffer.len() * 2;
        };
        if cut == 0 {
            return Ok(None);
        }
        let rest = self.buffer.split_off(cut);
        let bytes = std::mem::replace(&mut self.buffer, rest);
        let text = String::from_utf8(bytes)
            .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidData, err.to_string()))?;
        let chunk = Chunk {
            offset: self.offset,
            first_line: self.line,
            text,
        };
        self.offset += chunk.text.len();
        self.line += count_newlines(chunk.text.as_bytes());
        Ok(Some(chunk))
    }
}

/// NUL and the C0 controls that never occur in text (tab, LF, CR, FF are fine).
fn is_binary_byte(byte: u8) -> bool {
    matches!(byte, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f)
}

/// Where the first binary byte of `bytes` is: every byte of a file is
/// checked.
pub(crate) fn first_binary_byte(bytes: &[u8]) -> Option<usize> {
    first_byte_where(bytes, is_binary_byte)
}

/// Where the first byte of `bytes` that `is` picks is. Blocks of 64 bytes
/// are looked at whole, without stopping at each byte, which the compiler
/// does many bytes at a time (with `is` written with `|` and `&`, not `||`
/// and `&&`); only a block holding one is searched byte by byte.
pub fn first_byte_where(bytes: &[u8], is: impl Fn(u8) -> bool) -> Option<usize> {
    const BLOCK: usize = 64;
    bytes
        .chunks(BLOCK)
        .enumerate()
        .find(|(_, block)| block.iter().fold(false, |any, &b| any | is(b)))
        .and_then(|(i, block)| {
            let at = block.iter().position(|&b| is(b))?;
            Some(i * BLOCK + at)
        })
}

/// How many line feeds `bytes` holds. Every byte of every input is
/// counted twice (checking it, cutting it into pieces): `memchr` finds
/// them a vector of bytes at a time.
fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// 1-based line and column (in characters) of byte `pos`.
pub(crate) fn line_and_column(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos];
    let line = count_newlines(before) + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_first_binary_byte_or_digit_is_found_in_any_block(
            bytes in prop::collection::vec(prop::sample::select(vec![b'a', b'\n', b'\t', 0xc3, 0xa9, 0x00, 0x1b, 0x1f, 0x0c, b'7']), 0..300),
        ) {
            prop_assert_eq!(
                first_binary_byte(&bytes),
                bytes.iter().position(|&b| is_binary_byte(b))
            );
            prop_assert_eq!(
                first_byte_where(&bytes, |b| b.is_ascii_digit()),
                bytes.iter().position(u8::is_ascii_digit)
            );
        }
    }

    #[test]
    fn empty_and_whitespace_only_files_are_errors() {
        for bytes in [&b""[..], b" \r\n\t\n"] {
            let err = decode("a.txt", bytes).unwrap_err();
            assert_eq!(err.problem, SourceProblem::Empty);
            assert_eq!(
                err.to_string(),
                "a.txt:1:1: the file is empty, expected a listing of projects"
            );
        }
    }

    #[test]
    fn binary_file_names_line_and_column() {
        let err = decode("img.txt", b"first\nab\x00cd").unwrap_err();
        assert_eq!(
            err,
            SourceError {
                file: "img.txt".into(),
                line: 2,
                column: 3,
                problem: SourceProblem::Binary(0)
            }
        );
        assert!(err.to_string().starts_with("img.txt:2:3: binary data"));
    }

    #[test]
    fn windows_1252_text_is_refused_with_its_position() {
        // "café" in Windows-1252: é is 0xE9, not valid UTF-8.
        let err = decode("old.txt", b"Title\ncaf\xe9 2009").unwrap_err();
        assert_eq!(
            err,
            SourceError {
                file: "old.txt".into(),
                line: 2,
                column: 4,
                problem: SourceProblem::NotUtf8(0xe9)
            }
        );
        let diagnostic = err.to_diagnostic();
        assert_eq!((diagnostic.line, diagnostic.column), (2, 4));
        assert!(diagnostic.message.starts_with("not valid UTF-8"));
    }

    #[test]
    fn bom_and_crlf_are_outside_lines_but_inside_spans() {
        let bytes = "\u{feff}One\r\nTwo\r\n".as_bytes();
        let source = decode("a.txt", bytes).unwrap();
        assert_eq!(source.lines.len(), 2);
        assert_eq!(source.lines[0].text, "One");
        assert_eq!(source.lines[0].offset, 3);
        assert_eq!(source.lines[1].text, "Two");
        assert_eq!(
            &bytes[source.lines[1].offset..source.lines[1].offset + 3],
            b"Two"
        );
        assert!(!source.ends_without_newline);
    }

    #[test]
    fn trimmed_removes_no_break_spaces_and_keeps_span_exact() {
        let text = "\u{a0} Title\u{a0}  ";
        let line = Line {
            number: 1,
            text,
            offset: 10,
        };
        let (trimmed, span) = line.trimmed();
        assert_eq!(trimmed, "Title");
        assert_eq!(&text[span.start - 10..span.end - 10], "Title");
    }

    #[test]
    fn tab_indent_counts_as_four() {
        let line = Line {
            number: 1,
            text: "\t 1. x",
            offset: 0,
        };
        assert_eq!(line.indent(), 5);
    }

    /// `Validator` fed the bytes cut at `cut`.
    fn validate_in_two(name: &str, bytes: &[u8], cut: usize) -> Result<(), SourceError> {
        let mut validator = Validator::new(name);
        validator.feed(&bytes[..cut]);
        validator.feed(&bytes[cut..]);
        validator.finish()
    }

    #[test]
    fn validating_in_pieces_finds_what_decoding_whole_finds() {
        let samples: [&[u8]; 7] = [
            b"Title\ncaf\xe9 2009\n",
            b"first\nab\x00cd",
            b"  \r\n\t\n",
            "Caf\u{e9} \u{2013} na\u{ef}ve\nok\n".as_bytes(),
            b"ok\n\xe2\x80",
            b"x\xc3\n\x00",
            "\u{feff}One\r\nTwo\r\n".as_bytes(),
        ];
        for bytes in samples {
            let whole = decode("a.txt", bytes).map(|_| ());
            for cut in 0..=bytes.len() {
                assert_eq!(
                    validate_in_two("a.txt", bytes, cut),
                    whole,
                    "{bytes:?} cut at {cut}"
                );
            }
        }
    }

    #[test]
    fn pieces_end_after_blank_lines_and_keep_offsets_and_lines() {
        let text = "Title\n\n1. One\nwrapped\n\n2007\n \t\nText\n\n\nLast";
        for target in 1..=text.len() + 1 {
            let mut chunks = Chunks::new(text.as_bytes(), target);
            let mut joined = String::new();
            let mut lines = Vec::new();
            while let Some(chunk) = chunks.next_chunk().unwrap() {
                assert_eq!(chunk.offset, joined.len());
                // The last line of the piece (before its final newline).
                let ends_blank = chunk.text.strip_suffix('\n').is_some_and(|body| {
                    body.rsplit('\n')
                        .next()
                        .is_some_and(|l| l.trim().is_empty())
                });
                assert!(
                    ends_blank || joined.len() + chunk.text.len() == text.len(),
                    "piece {:?} of target {target}",
                    chunk.text
                );
                lines.extend(
                    chunk
                        .lines()
                        .iter()
                        .map(|l| (l.number, l.offset, l.text.to_string())),
                );
                joined.push_str(&chunk.text);
            }
            assert_eq!(joined, text);
            let whole: Vec<_> = decode("a.txt", text.as_bytes())
                .unwrap()
                .lines
                .iter()
                .map(|l| (l.number, l.offset, l.text.to_string()))
                .collect();
            assert_eq!(lines, whole, "target {target}");
        }
    }
}
