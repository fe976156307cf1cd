//! Passages of a project's text and their sentences: the evidence unit.

use ingest::{RawProject, Segment, Span};

/// Where a passage sits in the project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassageKind {
    Title,
    /// A labelled field; the label in lower case.
    Field(String),
    Description,
}

/// One segment of a project's text, with the sentences it is made of.
#[derive(Debug, Clone)]
pub struct Passage<'a> {
    pub kind: PassageKind,
    pub segment: &'a Segment,
}

/// Every passage of a project, in document order of kind: title, fields,
/// description.
pub fn passages(project: &RawProject) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    for segment in &project.title.segments {
        out.push(Passage {
            kind: PassageKind::Title,
            segment,
        });
    }
    for field in &project.fields {
        for segment in &field.value.segments {
            out.push(Passage {
                kind: PassageKind::Field(field.key()),
                segment,
            });
        }
    }
    for paragraph in &project.description {
        for segment in &paragraph.segments {
            out.push(Passage {
                kind: PassageKind::Description,
                segment,
            });
        }
    }
    out
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
    // part of another, so the bytes can be scanned without decoding.
    let marks = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?'));
    for (at, mark) in marks {
        let c = char::from(mark);
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
        if c == '.'
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

/// The sentence (of `bounds`, from `sentences(&segment.text)`) holding
/// bytes `start..end` of the segment's text, and its span in the file.
pub fn sentence_around(
    segment: &Segment,
    bounds: &[(usize, usize)],
    start: usize,
    end: usize,
) -> (String, Span) {
    let index = bounds.partition_point(|&(_, e)| e < end);
    let (s, e) = bounds
        .get(index)
        .copied()
        .filter(|&(s, e)| s <= start && end <= e)
        .unwrap_or((0, segment.text.len()));
    // A page's text is not its bytes: the segment maps its own offsets.
    (segment.text[s..e].to_string(), segment.span_of(s, e))
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
