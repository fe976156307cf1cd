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
#[derive(Debug)]
pub struct SourceText<'a> {
    pub lines: Vec<Line<'a>>,
    /// Whether the file ends without a line ending: a copied page that stops
    /// mid-sentence often does, which helps to tell a project cut off.
    pub ends_without_newline: bool,
}

/// Checks that `bytes` are a plain-text UTF-8 listing and splits it into lines.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<SourceText<'a>, SourceError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SourceError {
            file: file.to_string(),
            line: 1,
            column: 1,
            problem: SourceProblem::Empty,
        });
    }
    if let Some(pos) = bytes.iter().position(|&b| is_binary_byte(b)) {
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
    let mut lines = Vec::new();
    let mut offset = body_start;
    for (index, raw) in text[body_start..].split('\n').enumerate() {
        let without_cr = raw.strip_suffix('\r').unwrap_or(raw);
        lines.push(Line {
            number: index + 1,
            text: without_cr,
            offset,
        });
        offset += raw.len() + 1;
    }
    // `split` yields an empty last piece after a final newline: not a line.
    let ends_without_newline = !text.ends_with('\n');
    if !ends_without_newline {
        lines.pop();
    }
    Ok(SourceText {
        lines,
        ends_without_newline,
    })
}

/// NUL and the C0 controls that never occur in text (tab, LF, CR, FF are fine).
fn is_binary_byte(byte: u8) -> bool {
    matches!(byte, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f)
}

/// 1-based line and column (in characters) of byte `pos`.
fn line_and_column(bytes: &[u8], pos: usize) -> (usize, usize) {
    let before = &bytes[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
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
}
