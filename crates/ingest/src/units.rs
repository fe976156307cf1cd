//! Lines grouped into units: a paragraph, a numbered or bulleted item, a
//! date line, a labelled field. A unit is what the layout rules reason about.

use crate::dates::{scan_date, DateExpr};
use crate::labels::is_known_label;
use crate::record::{Segment, Span, Text};
use crate::source::Line;

#[derive(Debug, Clone, PartialEq)]
pub enum UnitKind {
    /// `1. Title` or `2) Title`: the printed number.
    Numbered(u32),
    /// `• Title`, `- Title`, `* Title`.
    Bullet,
    /// A line that starts with a date or date range; `rest` is the text
    /// after the dates on the same line (`, Manila, Philippines`).
    Date {
        expr: DateExpr,
        rest: Option<Segment>,
    },
    /// `Label: value` or `Label – value`. `known` says the label is in the
    /// field vocabulary; an unknown label may still be a title (`Asia: …`).
    Field {
        label: String,
        known: bool,
    },
    /// `Label:` with nothing after it.
    LoneLabel(String),
    Text,
}

/// The longest text read as a title.
pub const MAX_TITLE_CHARS: usize = 300;

#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UnitKind,
    /// The unit's text without its number, bullet or label, line by line.
    pub content: Text,
    /// The whole unit as printed (number and label included), line by line.
    pub whole: Text,
    pub indent: usize,
    /// `is_title_like`, worked out once the unit is complete: the layout
    /// rules ask it many times.
    title_like: bool,
}

impl Unit {
    pub fn first_line(&self) -> usize {
        self.whole.first_line().unwrap_or(0)
    }

    pub fn last_line(&self) -> usize {
        self.whole.last_line().unwrap_or(0)
    }

    pub fn span(&self) -> Span {
        self.whole.span().unwrap_or(Span::new(0, 0))
    }

    /// Whether the unit has at most `max` words. The layout rules ask this
    /// of every unit, and a unit can be a paragraph: counting stops at
    /// `max + 1`.
    pub fn has_at_most_words(&self, max: usize) -> bool {
        self.content
            .segments
            .iter()
            .flat_map(|s| s.text.split_whitespace())
            .nth(max)
            .is_none()
    }

    /// A year alone on its line: a group heading such as `2009`, or the
    /// date of the project above it.
    pub fn is_lone_year(&self) -> bool {
        matches!(&self.kind, UnitKind::Date { expr, rest: None }
            if expr.end.is_none() && !expr.open_end && expr.start.month.is_none())
    }

    pub fn is_date(&self) -> bool {
        matches!(self.kind, UnitKind::Date { .. })
    }

    /// Could this unit be a headline? Short, starting with a capital (or a
    /// digit, quote or ©), not ending like a sentence or a lead-in.
    pub fn is_title_like(&self) -> bool {
        self.title_like
    }

    fn compute_title_like(&self) -> bool {
        let text_kind = match &self.kind {
            UnitKind::Numbered(_) | UnitKind::Bullet | UnitKind::Text => true,
            UnitKind::Field { known, .. } => !known,
            _ => false,
        };
        if !text_kind || self.whole.segments.len() > 4 {
            return false;
        }
        let text = match self.kind {
            UnitKind::Field { .. } => self.whole.clean(),
            _ => self.content.clean(),
        };
        let words = text.split_whitespace().count();
        let starts_well = text
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '©')
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '©');
        let ends_well = !text.ends_with(['.', ':', ';', ',']) || text.ends_with("...");
        (1..=40).contains(&words)
            && text.chars().count() <= MAX_TITLE_CHARS
            && starts_well
            && ends_well
    }
}

/// Splits `line` into number and rest: `  1. Title` → (1, "Title").
fn numbered(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let after = &text[digits..];
    let mark = after.chars().next()?;
    if mark != '.' && mark != ')' {
        return None;
    }
    let rest = &after[1..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim().is_empty() {
        return None;
    }
    Some((text[..digits].parse().ok()?, digits + 1 + gap))
}

fn bullet(text: &str) -> Option<usize> {
    let mark = text.chars().next()?;
    if !matches!(
        mark,
        '•' | '·' | '▪' | '◦' | '‣' | '*' | '-' | '–' | '—' | '●' | '○' | '■'
    ) {
        return None;
    }
    let rest = &text[mark.len_utf8()..];
    let gap = rest.len() - rest.trim_start().len();
    (gap > 0 && !rest.trim().is_empty()).then_some(mark.len_utf8() + gap)
}

/// `Label: value` or `Label – value`: the label and where the value starts.
/// A label is one to four words of letters, starting with a capital.
pub fn field(text: &str) -> Option<(String, Option<usize>, bool)> {
    let (label, after, by_dash) = if let Some(colon) = text.find(':') {
        let dash = dash_label(text);
        match dash {
            Some((label, after)) if after < colon => (label, after, true),
            _ => (text[..colon].to_string(), colon + 1, false),
        }
    } else {
        let (label, after) = dash_label(text)?;
        (label, after, true)
    };
    let label = label.trim().to_string();
    let words: Vec<&str> = label.split_whitespace().collect();
    let plausible = (1..=4).contains(&words.len())
        && label.len() <= 40
        && label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(|c| {
            c.is_alphabetic() || matches!(c, ' ' | '/' | '&' | '(' | ')' | '-' | '\'' | '’')
        });
    if !plausible {
        return None;
    }
    let known = is_known_label(&label);
    if by_dash && !known {
        return None;
    }
    let rest = &text[after..];
    let value_start = after + (rest.len() - rest.trim_start().len());
    // `http://…` and `12:30` are not labels; a colon must be followed by
    // white space or end the line.
    if !by_dash && !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let value = (value_start < text.len()).then_some(value_start);
    Some((label, value, known))
}

/// `Donor – US Department of State`: a known label before a spaced dash.
fn dash_label(text: &str) -> Option<(String, usize)> {
    for dash in [" – ", " — ", " - "] {
        if let Some(at) = text.find(dash) {
            let label = &text[..at];
            if is_known_label(label) {
                return Some((label.to_string(), at + dash.len()));
            }
        }
    }
    None
}

/// Text after the dates on a date line that still leaves it a date line:
/// nothing, a short place after a comma, or a labelled field.
fn acceptable_rest(rest: &str) -> bool {
    let trimmed = rest.trim();
    if trimmed.is_empty() {
        return true;
    }
    if let Some(after) = trimmed.strip_prefix([',', ';', '|', '/']) {
        return after.split_whitespace().count() <= 8;
    }
    if trimmed.starts_with('(') {
        return trimmed.split_whitespace().count() <= 8;
    }
    field(trimmed).is_some_and(|(_, value, _)| value.is_some())
}

fn segment(line: &Line, from: usize) -> Segment {
    let (trimmed, span) = line.trimmed();
    let skip = from.min(trimmed.len());
    let text = trimmed[skip..].trim();
    let start = span.start + skip + (trimmed[skip..].len() - trimmed[skip..].trim_start().len());
    Segment {
        text: text.to_string(),
        line: line.number,
        span: Span::new(start, start + text.len()),
    }
}

fn classify(line: &Line) -> (UnitKind, usize) {
    let (text, _) = line.trimmed();
    if let Some((number, content)) = numbered(text) {
        return (UnitKind::Numbered(number), content);
    }
    if let Some(expr) = scan_date(text) {
        let rest = &text[expr.len..];
        if acceptable_rest(rest) {
            let rest = (!rest.trim().is_empty()).then(|| {
                let mut seg = segment(line, expr.len);
                // Drop the separator: `, Manila` → `Manila`.
                let sep =
                    seg.text.len() - seg.text.trim_start_matches([',', ';', '|', '/', ' ']).len();
                seg.text.drain(..sep);
                seg.span.start += sep;
                seg
            });
            return (UnitKind::Date { expr, rest }, 0);
        }
    }
    if let Some(content) = bullet(text) {
        return (UnitKind::Bullet, content);
    }
    if let Some((label, value, known)) = field(text) {
        return match value {
            Some(start) => (UnitKind::Field { label, known }, start),
            None => (UnitKind::LoneLabel(label), text.len()),
        };
    }
    (UnitKind::Text, 0)
}

/// Groups lines into units. A blank line ends a unit; a numbered, bulleted,
/// date or field line starts one; a plain line under a text, numbered,
/// bulleted or field line continues it (a wrapped title or value).
pub fn units(lines: &[Line]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut open = false;
    for line in lines {
        if line.is_blank() {
            open = false;
            continue;
        }
        let (kind, content_start) = classify(line);
        let continues = open
            && kind == UnitKind::Text
            && units.last().is_some_and(|u| {
                matches!(
                    u.kind,
                    UnitKind::Text
                        | UnitKind::Numbered(_)
                        | UnitKind::Bullet
                        | UnitKind::Field { .. }
                )
            });
        let whole = segment(line, 0);
        let content = segment(line, content_start);
        if continues {
            if let Some(unit) = units.last_mut() {
                unit.whole.segments.push(whole);
                unit.content.segments.push(content);
            }
        } else {
            let content = if content.text.is_empty() {
                Text::default()
            } else {
                Text::from_segment(content)
            };
            units.push(Unit {
                kind,
                content,
                whole: Text::from_segment(whole),
                indent: line.indent(),
                title_like: false,
            });
        }
        open = true;
    }
    for unit in &mut units {
        unit.title_like = unit.compute_title_like();
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::decode;

    fn units_of(text: &str) -> Vec<Unit> {
        let source = decode("t.txt", text.as_bytes()).unwrap();
        units(&source.lines)
    }

    #[test]
    fn numbered_line_keeps_number_and_content() {
        let u = units_of("  12. Asia: Decent work\n");
        assert_eq!(u[0].kind, UnitKind::Numbered(12));
        assert_eq!(u[0].content.clean(), "Asia: Decent work");
        assert_eq!(u[0].indent, 2);
    }

    #[test]
    fn words_are_counted_across_lines_without_the_number() {
        let u = units_of("7. Skills for\n   migrant workers\n");
        // Four words over two lines; the `7.` is not one of them.
        assert!(u[0].has_at_most_words(4));
        assert!(!u[0].has_at_most_words(3));
        let date = units_of("2009 - 2010\n");
        assert!(date[0].has_at_most_words(3) && !date[0].has_at_most_words(2));
    }

    #[test]
    fn wrapped_lines_join_one_unit() {
        let u =
            units_of("1. Capacity building for\n   migration management in China\n\n2009 - 2010\n");
        assert_eq!(u.len(), 2);
        assert_eq!(
            u[0].content.clean(),
            "Capacity building for migration management in China"
        );
        assert!(u[1].is_date());
    }

    #[test]
    fn colon_and_known_dash_labels_are_fields() {
        let u = units_of(
            "Donor: Japan\n\nDonor – US Department of State\n\nMyanmar - Promoting Rights\n",
        );
        assert_eq!(
            u[0].kind,
            UnitKind::Field {
                label: "Donor".into(),
                known: true
            }
        );
        assert_eq!(u[0].content.clean(), "Japan");
        assert_eq!(u[1].content.clean(), "US Department of State");
        assert_eq!(u[2].kind, UnitKind::Text);
    }

    #[test]
    fn date_line_with_trailing_place_or_field() {
        let u = units_of("1 June 2007 - 30 June 2009, Manila, Philippines\n");
        match &u[0].kind {
            UnitKind::Date {
                rest: Some(rest), ..
            } => assert_eq!(rest.text, "Manila, Philippines"),
            other => panic!("{other:?}"),
        }
        let u = units_of(
            "In 2007, the project has been implementing its programme of many activities.\n",
        );
        assert_eq!(u[0].kind, UnitKind::Text);
    }

    #[test]
    fn url_and_times_are_not_labels() {
        assert!(field("See http://example.org").is_none());
        assert!(field("Meeting at 12:30").is_none());
        assert!(field("The specific objectives of this long sentence are: many").is_none());
    }

    #[test]
    fn lone_year_is_recognised() {
        let u = units_of("2009\n");
        assert!(u[0].is_lone_year());
        let u = units_of("2007 - 2009\n");
        assert!(!u[0].is_lone_year());
    }

    #[test]
    fn title_likeness() {
        let u = units_of("Prague Process\n\nThe specific objectives:\n\nThis is a sentence.\n\n• To enhance capacities;\n");
        assert!(u[0].is_title_like());
        assert!(!u[1].is_title_like());
        assert!(!u[2].is_title_like());
        assert!(!u[3].is_title_like());
    }
}
