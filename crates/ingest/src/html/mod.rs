//! Saved web pages (`.html`, `.htm`) as listings.
//!
//! A page is turned into the lines a person copying it would get (see
//! `blocks`), and those lines are read by the same layout learning as a
//! text listing. Every span the reading gives indexes those lines; this
//! module maps each back to the page's bytes before anything leaves the
//! crate, so that:
//! - a segment's `span` covers its text in the file, from the first byte
//!   its first character came from to the last byte its last one did
//!   (tags and character references inside included), and its `line` is
//!   the file's line of that first byte;
//! - a segment whose text is not its span's bytes carries the map of its
//!   pieces (`Segment::map`), so a sentence inside it still finds its
//!   own bytes;
//! - `RawProject::section` is the page's nearest heading above the
//!   project (not one inside an earlier project), and `anchor` the `id`
//!   of the element it sits in, where the page gives one.

mod blocks;
mod encoding;
mod records;
mod tokens;

use crate::diagnostics::Diagnostic;
use crate::record::{RawProject, Span, Text};
use crate::source::SourceError;
use blocks::{Heading, Lines};

/// Whether the file named `source` is read as a saved page: by its
/// extension, `.html` or `.htm` in any case.
pub fn is_page(source: &str) -> bool {
    std::path::Path::new(source)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Checks that `bytes` are a page devcoop can read (not empty, not
/// binary, in an encoding it reads), as a text listing is checked.
pub fn check_page(source: &str, bytes: &[u8]) -> Result<(), SourceError> {
    encoding::decode(source, bytes).map(|_| ())
}

/// A page read into lines, and what maps them back to its bytes.
pub(crate) struct Page {
    lines: Lines,
    /// Where each line of the file starts.
    file_lines: Vec<usize>,
    /// Where each of `lines.text`'s lines starts.
    text_lines: Vec<usize>,
    file_len: usize,
    /// The encoding read that the page does not declare, if any.
    assumed_encoding: Option<encoding::Assumption>,
    /// Whether the page's one `h1` is its title rather than a section.
    h1_is_title: bool,
    /// Headings not yet passed by a project, and the section in force.
    next_heading: usize,
    section: Option<String>,
    /// The last project seen, in the lines, and in the file.
    previous: Option<(Span, Span)>,
}

fn line_starts(text: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

impl Page {
    pub(crate) fn read(source: &str, bytes: &[u8]) -> Result<Page, SourceError> {
        let decoded = encoding::decode(source, bytes)?;
        let lines = blocks::lines(&decoded, bytes.len());
        let h1_is_title = lines.headings.iter().filter(|h| h.level == 1).count() == 1;
        let assumed_encoding = decoded.assumed;
        Ok(Page {
            assumed_encoding,
            file_lines: line_starts(bytes),
            text_lines: line_starts(lines.text.as_bytes()),
            lines,
            file_len: bytes.len(),
            h1_is_title,
            next_heading: 0,
            section: None,
            previous: None,
        })
    }

    /// The page as lines of text, which the layout learning reads (taken
    /// out: the page keeps only what maps them back).
    /// The page's lines, to be read as a text listing's.
    pub(crate) fn text(&self) -> &str {
        &self.lines.text
    }

    /// The projects the page's lines gave, read again by the records the
    /// page repeats ([`records`]).
    pub(crate) fn repeated_records(
        &self,
        source: &str,
        projects: Vec<RawProject>,
    ) -> Vec<RawProject> {
        records::one_record_per_container(source, &self.lines.repeated, &self.lines.text, projects)
    }

    /// The warning that the page was read in an encoding it does not
    /// declare, at the first byte that tells.
    pub(crate) fn encoding_warning(&self, source: &str) -> Option<Diagnostic> {
        let (at, message) = match self.assumed_encoding? {
            encoding::Assumption::Windows1252 { at } => (
                at,
                "the page declares no encoding and is not UTF-8: read as Windows-1252, as a \
                 browser reads such a page; save it with its charset if its letters look wrong"
                    .to_string(),
            ),
            encoding::Assumption::Utf8 { declared, at } => (
                at,
                format!(
                    "the page declares a one-byte encoding ({declared}) but is UTF-8 \
                     (re-encoded, its declaration kept): read as UTF-8; fix its charset if its \
                     letters look wrong"
                ),
            ),
        };
        let (line, column) = self.line_and_column(at);
        Some(Diagnostic::warning(source, line, column, message))
    }

    /// 1-based line and column of byte `at` of the file.
    fn line_and_column(&self, at: usize) -> (usize, usize) {
        let index = self.file_lines.partition_point(|&start| start <= at).max(1);
        let start = self.file_lines.get(index - 1).copied().unwrap_or(0);
        (index, at.saturating_sub(start) + 1)
    }

    fn span(&self, span: Span) -> Span {
        let mapped = self.lines.map.span(span.start, span.end);
        let end = mapped.end.min(self.file_len);
        Span::new(mapped.start.min(end), end)
    }

    fn text_spans(&self, text: &mut Text) {
        for segment in &mut text.segments {
            let (start, end) = (segment.span.start, segment.span.end);
            segment.map = self.lines.map.slice(start, end);
            segment.span = self.span(segment.span);
            segment.line = self.line_and_column(segment.span.start).0;
        }
    }

    /// Maps a project read from the lines to the page.
    pub(crate) fn project(&mut self, project: &mut RawProject) {
        let in_lines = project.span;
        self.pass_headings(in_lines);
        if self.section.is_some() {
            project.section.clone_from(&self.section);
        }
        if let Some(kicker) = &mut project.kicker {
            self.text_spans(kicker);
        }
        self.text_spans(&mut project.title);
        if let Some(date) = &mut project.date {
            self.text_spans(&mut date.text);
        }
        for field in &mut project.fields {
            self.text_spans(&mut field.value);
        }
        for paragraph in &mut project.description {
            self.text_spans(paragraph);
        }
        project.span = self.span(in_lines);
        project.first_line = self.line_and_column(project.span.start).0;
        project.last_line = self
            .line_and_column(project.span.end.saturating_sub(1).max(project.span.start))
            .0;
        let title_at = project.title.span().map_or(project.span.start, |s| s.start);
        project.anchor = self.anchor(title_at);
        self.previous = Some((in_lines, project.span));
    }

    /// Takes in the headings above the project starting at `project`
    /// (in the lines): the last one outside every project is its section.
    fn pass_headings(&mut self, project: Span) {
        while let Some(heading) = self.lines.headings.get(self.next_heading) {
            if heading.start >= project.start {
                break;
            }
            self.next_heading += 1;
            let inside_previous = self
                .previous
                .is_some_and(|(p, _)| p.start <= heading.start && heading.end <= p.end);
            if !inside_previous && (heading.level != 1 || !self.h1_is_title) {
                self.section = Some(section_text(heading));
            }
        }
    }

    /// The `id` of the innermost element holding byte `at` that holds
    /// nothing of the project before (an `id` on a wrapper of the whole
    /// listing is no place of one project).
    fn anchor(&self, at: usize) -> Option<String> {
        let after = self.previous.map_or(0, |(_, file)| file.end);
        let anchors = &self.lines.anchors;
        let upto = anchors.partition_point(|a| a.file.start <= at);
        anchors[..upto]
            .iter()
            .rev()
            .take_while(|a| a.file.start >= after)
            .find(|a| a.file.end > at)
            .map(|a| a.id.clone())
    }

    /// Maps a diagnostic's line (of the lines) to the page's.
    pub(crate) fn diagnostic(&self, diagnostic: &mut Diagnostic) {
        let Some(&start) = diagnostic
            .line
            .checked_sub(1)
            .and_then(|i| self.text_lines.get(i))
        else {
            return;
        };
        let at = self.span(Span::new(start, start)).start;
        (diagnostic.line, diagnostic.column) = self.line_and_column(at);
    }
}

fn section_text(heading: &Heading) -> String {
    heading.text.clone()
}
