//! Passages of a project's text and their sentences: the evidence unit.

use ingest::{RawProject, Segment, Span, Text};
use std::borrow::Cow;
use std::sync::Arc;

/// Where a passage sits in the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassageKind {
    Title,
    /// A labelled field; its label as printed (`Budget (USD)`: a
    /// currency's code is told by its capitals), which the vocabulary
    /// looks up whatever its case.
    Field(String),
    Description,
    /// The heading of the group the project is listed under.
    Section,
}

/// One piece of a project's text read as a whole: the title, a field's
/// value or a description paragraph, its lines joined
/// ([`ingest::Text::joined`]), so that a name or a sentence wrapped onto
/// the next line is read whole.
#[derive(Debug, Clone)]
pub struct Passage<'a> {
    pub kind: PassageKind,
    pub segment: Cow<'a, Segment>,
    /// Where each of its lines starts in the joined text, and the line's
    /// number: empty for a passage of one line.
    lines: Vec<(usize, usize)>,
}

impl<'a> Passage<'a> {
    fn new(kind: PassageKind, text: &'a Text) -> Option<Passage<'a>> {
        let first = text.segments.first()?;
        let Some(joined) = text.joined() else {
            return Some(Passage::of_line(kind, first));
        };
        // As `joined` lays the lines out: one space between two.
        let mut at = 0;
        let mut lines = Vec::with_capacity(text.segments.len());
        for segment in &text.segments {
            lines.push((at, segment.line));
            at += segment.text.len() + 1;
        }
        Some(Passage {
            kind,
            segment: Cow::Owned(joined),
            lines,
        })
    }

    /// A passage of one line.
    pub fn of_line(kind: PassageKind, segment: &'a Segment) -> Passage<'a> {
        Passage {
            kind,
            segment: Cow::Borrowed(segment),
            lines: Vec::new(),
        }
    }

    /// The line of the file that byte `at` of the passage's text is on.
    pub fn line_at(&self, at: usize) -> usize {
        let index = self.lines.partition_point(|&(start, _)| start <= at);
        match index.checked_sub(1) {
            Some(i) => self.lines[i].1,
            None => self.segment.line,
        }
    }

    /// The 1-based column, in characters, of byte `at` of the passage's
    /// text on its line.
    pub fn column_at(&self, at: usize) -> usize {
        let index = self.lines.partition_point(|&(start, _)| start <= at);
        let line_start = index.checked_sub(1).map_or(0, |i| self.lines[i].0);
        self.segment
            .text
            .get(line_start..at)
            .map_or(0, |before| before.chars().count())
            + 1
    }
}

/// Every passage of a project, in document order of kind: title, fields,
/// description.
/// The heading of the group the project is listed under, as a passage
/// (`Projects in Ghana`), where the listing printed one.
pub fn section_passage(project: &RawProject) -> Option<Passage<'_>> {
    Passage::new(PassageKind::Section, project.section_heading.as_ref()?)
}

pub fn passages(project: &RawProject) -> Vec<Passage<'_>> {
    let fields = project
        .fields
        .iter()
        .filter_map(|field| Passage::new(PassageKind::Field(field.label.clone()), &field.value));
    let paragraphs = project
        .description
        .iter()
        .filter_map(|paragraph| Passage::new(PassageKind::Description, paragraph));
    Passage::new(PassageKind::Title, &project.title)
        .into_iter()
        .chain(fields)
        .chain(paragraphs)
        .collect()
}

/// Whether `word` in lower case is one of `list` (lower-case words). Most
/// words are ASCII, compared without lower-casing a copy; any other is
/// lower-cased as Unicode says (the Kelvin sign is a `k`).
pub(crate) fn is_one_of(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        list.contains(&lower.as_str())
    }
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "No", "no", "St", "Mr", "Ms", "Dr", "Inc", "Ltd", "Co", "vs", "U.S",
    "U.K", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "approx",
];

/// Byte ranges of the sentences of `text`: a sentence ends at `.`, `!` or
/// `?` followed by white space and a capital, a digit or a quote — not after
/// an abbreviation or a single initial.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // The marks are ASCII: a byte equal to one is that character, never
    // part of another, so the bytes can be searched without decoding.
    for at in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let end = at + 1;
        let rest = &text[end..];
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let following = rest.trim_start().chars().next();
        if !following.is_some_and(|f| f.is_uppercase() || f.is_numeric() || "\"“‘'(".contains(f))
        {
            continue;
        }
        let word = text[start..at].split_whitespace().next_back().unwrap_or("");
        let word = word.trim_start_matches(['(', '"', '“']);
        if text.as_bytes().get(at) == Some(&b'.')
            && (ABBREVIATIONS.contains(&word)
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)))
        {
            continue;
        }
        out.push((start, end));
        start = end + (rest.len() - rest.trim_start().len());
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The sentences a project's facts cite, each copied out of its segment
/// once however many facts cite it (a sentence often names a funder, two
/// countries and their regions). A sentence is told by its line and its
/// span in the file, as the `evidence` table tells them.
#[derive(Debug, Default)]
pub struct CitedSentences(Vec<((usize, Span), Arc<str>)>);

impl CitedSentences {
    /// The sentence (of `bounds`, from `sentences(&segment.text)`) holding
    /// bytes `start..end` of the segment's text, its span in the file, and
    /// where it starts in the segment's text.
    pub fn around(
        &mut self,
        segment: &Segment,
        bounds: &[(usize, usize)],
        start: usize,
        end: usize,
    ) -> (Arc<str>, Span, usize) {
        let index = bounds.partition_point(|&(_, e)| e < end);
        let (s, e) = bounds
            .get(index)
            .copied()
            .filter(|&(s, e)| s <= start && end <= e)
            .unwrap_or((0, segment.text.len()));
        // A page's text is not its bytes: the segment maps its own offsets.
        let span = segment.span_of(s, e);
        let key = (segment.line, span);
        if let Some((_, text)) = self.0.iter().find(|(cited, _)| *cited == key) {
            return (Arc::clone(text), span, s);
        }
        let text: Arc<str> = Arc::from(segment.text.get(s..e).unwrap_or_default());
        self.0.push((key, Arc::clone(&text)));
        (text, span, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sentences_are_ordered_char_aligned_and_end_at_a_mark(
            text in "([A-Za-zé“(0-9]{0,6}[ .!?\u{a0}\n]{0,2}){0,12}",
        ) {
            let bounds = sentences(&text);
            let mut last_end = 0;
            for (i, &(start, end)) in bounds.iter().enumerate() {
                prop_assert!(last_end <= start && start < end && end <= text.len());
                prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                if i + 1 < bounds.len() {
                    prop_assert!(text[..end].ends_with(['.', '!', '?']));
                }
                last_end = end;
            }
        }
    }

    #[test]
    fn a_sentence_cited_twice_is_copied_once() {
        let text = "Funded by Japan. Workers from Nepal and India.";
        let segment = Segment {
            text: text.to_string(),
            line: 7,
            span: Span::new(100, 100 + text.len()),
            map: Default::default(),
        };
        let bounds = sentences(text);
        let mut cited = CitedSentences::default();
        let (nepal, nepal_span, nepal_start) = cited.around(&segment, &bounds, 30, 35);
        let (india, _, _) = cited.around(&segment, &bounds, 40, 45);
        assert_eq!(nepal_start, 17);
        assert_eq!(&*nepal, "Workers from Nepal and India.");
        assert_eq!(nepal_span, Span::new(117, 100 + text.len()));
        assert!(Arc::ptr_eq(&nepal, &india));
        let (japan, japan_span, _) = cited.around(&segment, &bounds, 10, 15);
        assert_eq!(
            (&*japan, japan_span),
            ("Funded by Japan.", Span::new(100, 116))
        );
        // A match across two sentences cites the whole text.
        let (across, _, _) = cited.around(&segment, &bounds, 10, 25);
        assert_eq!(&*across, text);
    }

    #[test]
    fn sentences_split_after_full_stops_but_not_abbreviations() {
        let text = "The ILO works e.g. with the U.S. Department. It began in 2007. (More) follows";
        let parts: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            parts,
            [
                "The ILO works e.g. with the U.S. Department.",
                "It began in 2007.",
                "(More) follows"
            ]
        );
    }
}
