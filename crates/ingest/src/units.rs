//! Lines grouped into units: a paragraph, a numbered or bulleted item, a
//! date line, a labelled field. A unit is what the layout rules reason about.
//! A rule across the text, or a line of a page's furniture standing on
//! its own (a pager, a count of results, a dateline, a bar of buttons:
//! [`crate::furniture`]), parts units as a blank line does.

use crate::dates::{
    has_project_years, scan_date, scan_end_date, trailing_title_date, DateExpr, DatePart,
};
use crate::furniture::{furniture_blocks, is_page_furniture, is_web_address, is_web_address_alone};
use crate::labels::{self, is_known_label, Column, Meaning};
use crate::record::{Segment, Span, Text};
use crate::source::Line;
use crate::spaced_table;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub enum UnitKind {
    /// `1. Title` or `2) Title`: the printed number.
    Numbered(u32),
    /// `• Title`, `- Title`, `* Title`.
    Bullet,
    /// A line that starts with a date or date range; `rest` is the other
    /// text of the line: the facts before the dates on a line of facts
    /// (`Kenya | 2019 – 2021`), the text after them (`, Manila,
    /// Philippines`), in the line's order.
    Date {
        expr: DateExpr,
        rest: Vec<Segment>,
    },
    /// `Label: value` or `Label – value`. `known` says the label is in the
    /// field vocabulary; an unknown label may still be a title (`Asia: …`).
    Field {
        label: String,
        known: bool,
    },
    /// `- 31.12.2013`, `to June 2009`: the end of the dates on the line
    /// above, on a line of its own; `date_at` is where the date starts in
    /// the line.
    EndDate {
        date_at: usize,
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
    /// A list item that would be title-like but for its final full stop.
    item_title_with_period: bool,
    /// A line of tags ([`is_tag_line`]), worked out once.
    tag_line: bool,
    /// One more fact of the block of fields above it ([`blocks_of_fields`]).
    continues_fields: bool,
    /// The level of the heading the unit is, where the listing marks its
    /// headings (Markdown's `###`, as a saved page's lines are written).
    heading_level: Option<u8>,
    /// A one-line headline that carries its own dates, found once the unit
    /// is complete.
    own_dates: Option<OwnDates>,
    /// The cells of a table row flattened to one line, if the unit is one.
    cells: Vec<Segment>,
    /// A blank line (or the start of the file) comes right before the
    /// unit. Pieces start after blank lines, so this is the same however
    /// the listing is cut.
    pub after_blank: bool,
    /// The unit stands right under a field, no blank line between
    /// (`Duration: …` / `Target groups:`): one more of a record's facts.
    /// Known when the unit is made, as `after_blank` is.
    under_a_field: bool,
    /// The unit stands right under a date line, no blank line between
    /// (`2019 – 2020` / `World Bank`). Known when the unit is made.
    under_a_date_line: bool,
    /// The unit is the rest of a line of a run that opens each line on its
    /// year ([`year_led_items`]): its record's headline, in a sentence or
    /// not.
    year_led: bool,
    /// A list's item indented deeper than the item right above it, no
    /// blank line between, or than that item's parent: a part of the
    /// parent item (`- Teaching aids:` / `    - 14 dictionaries`). The
    /// parent's indentation. Known when the unit is made.
    nested_under: Option<u16>,
}

/// Where a one-line unit holds a headline and its dates (`Title, 1.5.2017 -
/// 30.4.2018, 10 000 €`, `Title. 01/01/2021 - 31/12/2024`, `Title
/// (2023-ongoing)`): byte offsets into the headline's text ([`Unit::headline`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnDates {
    /// The headline ends here (its separator and any parenthesis that holds
    /// the dates left out).
    pub title_end: usize,
    pub date_start: usize,
    pub date_end: usize,
}

impl UnitKind {
    /// Both numbered, or both bulleted.
    pub fn same_marker(&self, other: &UnitKind) -> bool {
        matches!(
            (self, other),
            (UnitKind::Numbered(_), UnitKind::Numbered(_)) | (UnitKind::Bullet, UnitKind::Bullet)
        )
    }
}

/// The words of `text` (as `split_whitespace` parts them), counted up to
/// `limit`. Every unit is asked, paragraphs among them: a block of ASCII
/// is counted whole, its words' starts (a byte that is no white space
/// after one that is) at once, and a character beyond ASCII is decoded
/// alone.
fn words_up_to(text: &str, limit: usize) -> usize {
    const BLOCK: usize = 64;
    // `|` and not `||`, for the compiler to compare a block's bytes
    // together.
    let is_space = |byte: u8| (byte == b' ') | crate::record::is_ascii_blank_but_space(byte);
    let bytes = text.as_bytes();
    let (mut words, mut after_space, mut at) = (0, true, 0);
    while at < bytes.len() && words < limit {
        let block = &bytes[at..bytes.len().min(at + BLOCK)];
        if block.is_ascii() {
            let first = usize::from(after_space && !is_space(block[0]));
            // Counted in a byte: a block holds fewer than 256 pairs, and
            // bytes are summed sixteen or more at a time.
            let starts = block
                .iter()
                .zip(&block[1..])
                .fold(0u8, |n, (&byte, &next)| {
                    n + u8::from(is_space(byte) & !is_space(next))
                });
            words += first + usize::from(starts);
            after_space = is_space(block[block.len() - 1]);
            at += block.len();
            continue;
        }
        // Character by character to the end of the block, or just past it
        // (a character is not cut).
        let end = at + block.len();
        while at < end {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                return words.min(limit);
            };
            let space = c.is_whitespace();
            words += usize::from(after_space && !space);
            after_space = space;
            at += c.len_utf8();
        }
    }
    words.min(limit)
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
        let mut words = 0;
        self.content.segments.iter().all(|s| {
            words += words_up_to(&s.text, max + 1 - words);
            words <= max
        })
    }

    /// A year alone on its line: a group heading such as `2009`, or the
    /// date of the project above it.
    pub fn is_lone_year(&self) -> bool {
        matches!(&self.kind, UnitKind::Date { expr, rest }
            if rest.is_empty() && expr.end.is_none() && !expr.open_end && expr.start.month.is_none())
    }

    /// What the unit's label means, if it is a labelled field the
    /// vocabulary knows.
    pub fn meaning(&self) -> Option<Meaning> {
        match &self.kind {
            UnitKind::Field { label, known: true } => labels::meaning(label),
            _ => None,
        }
    }

    /// A labelled field that names the project: `Project title: …`.
    pub fn is_title_field(&self) -> bool {
        self.meaning() == Some(Meaning::Title)
    }

    /// A labelled field of the project's dates, whatever its value:
    /// `Duration: …`, `End date: …`.
    pub fn is_dates_field(&self) -> bool {
        matches!(
            self.meaning(),
            Some(Meaning::Dates | Meaning::Start | Meaning::End)
        )
    }

    /// A labelled field whose value starts with the project's dates or its
    /// start: `Date: 1 May 2019 – 30 April 2021`, `Start date: 2019`.
    pub fn is_date_field(&self) -> bool {
        matches!(self.meaning(), Some(Meaning::Dates | Meaning::Start))
            && self
                .content
                .segments
                .first()
                .is_some_and(|s| scan_date(&s.text).is_some())
    }

    /// A dates field that gives a length instead of dates: `Duration: 36
    /// months`, `Durée : 3 ans`. It stands where a date line would, though
    /// no dates can be read from it.
    pub fn is_duration_field(&self) -> bool {
        self.meaning() == Some(Meaning::Dates)
            && self
                .content
                .segments
                .first()
                .is_some_and(|s| is_duration(&s.text))
    }

    pub fn is_date(&self) -> bool {
        matches!(self.kind, UnitKind::Date { .. })
    }

    /// A bulleted line, whatever it holds: a date or a field printed as a
    /// list item keeps its bullet in [`Unit::whole`].
    pub fn is_bulleted(&self) -> bool {
        self.kind == UnitKind::Bullet
            || self
                .whole
                .segments
                .first()
                .is_some_and(|s| bullet(&s.text).is_some())
    }

    /// A project's status alone on its line under a bare headline
    /// (`Ongoing`), read as a `Status` field: it stands where the dates
    /// would.
    pub fn is_status_alone(&self) -> bool {
        matches!(&self.kind, UnitKind::Field { label, known: true } if label == "Status")
            && self.whole == self.content
    }

    /// A line that says who wrote an entry or when it was posted (`By Maria
    /// Lopez`, `Posted on 3 March 2021`, `Last updated: 12 April 2023`,
    /// `Par Claire Dubois`): a news page's byline, never a project's title.
    pub fn is_byline(&self) -> bool {
        let [segment] = self.whole.segments.as_slice() else {
            return false;
        };
        // Most lines neither open on an opener's first letter nor have
        // cells: told without lowering them.
        let text = segment.text.trim_start();
        let first = text.chars().next().and_then(|c| c.to_lowercase().next());
        let may_open = first.is_some_and(|c| BYLINE_OPENERS.iter().any(|o| o.starts_with(c)))
            || text.contains(['·', '|']);
        if !may_open {
            return false;
        }
        // The longest opener has 20 letters: the line's first 24, lowered
        // once, hold any.
        let head: String = text.chars().take(24).flat_map(char::to_lowercase).collect();
        // Any of its cells may open so: `Active · Updated 4 April 2023`.
        let opens = head.split(['·', '|']).any(|cell| {
            BYLINE_OPENERS.iter().any(|opener| {
                cell.trim_start()
                    .strip_prefix(opener)
                    .is_some_and(|after| after.starts_with([' ', ':']))
            })
        });
        opens && self.has_at_most_words(12)
    }

    /// A range's end alone, after a word (`Until 2023`, `bis 2024`): under
    /// a title, the date line of a project that gives only its end.
    pub fn is_worded_end(&self) -> bool {
        matches!(self.kind, UnitKind::EndDate { .. })
            && self
                .whole
                .segments
                .first()
                .is_some_and(|s| s.text.starts_with(char::is_alphabetic))
    }

    /// Could this unit be a headline? Short, starting with a capital (or a
    /// digit, quote or ©), not ending like a sentence or a lead-in.
    pub fn is_title_like(&self) -> bool {
        self.title_like
    }

    /// Whether the unit is one more fact of the record's block of fields
    /// printed above it: a field the vocabulary does not list under its
    /// fields (`Role: Team leader`), or the value of a label printed over
    /// it (`Lieu` / `Département de Podor`). Never a headline or heading.
    pub fn continues_fields(&self) -> bool {
        self.continues_fields
    }

    /// A numbered or bulleted item of one line that reads as a title but
    /// for its final full stop (`• Clean water for two schools.`): a
    /// title in a list that a lead-in sentence announces.
    pub fn is_item_title_with_period(&self) -> bool {
        self.item_title_with_period
    }

    /// The level of the heading the unit is (`### Title` is 3), where the
    /// listing marks its headings: a saved page's `<h3>`, Markdown's.
    pub fn heading_level(&self) -> Option<u8> {
        self.heading_level
    }

    /// A line of a card's tags or keywords (`Health · Malawi · Youth`):
    /// neither a headline nor a record's prose.
    pub fn is_tag_line(&self) -> bool {
        self.tag_line
    }

    /// The text a headline would be read from: an unknown label is part of
    /// it (`Asia: Decent work`), a number, bullet or known label is not.
    pub fn headline(&self) -> &Text {
        match self.kind {
            UnitKind::Field { known: false, .. } => &self.whole,
            _ => &self.content,
        }
    }

    /// The cells of a one-line table row (`P-1234\tWater supply\tKenya\t
    /// 2019-01-01\t2021-12-31`): empty unless the unit is one.
    pub fn cells(&self) -> &[Segment] {
        &self.cells
    }

    /// Works out what the layout rules ask of a unit once it is complete.
    /// A one-line headline but for its final stop (`Better jobs at
    /// home.`, `Safe journeys!`), a blank line above it: over a date line
    /// it is a title, as a headline is.
    pub fn is_headline_with_stop(&self) -> bool {
        self.after_blank && self.has_at_most_words(12) && self.is_title_but_for_its_stop()
    }

    /// A one-line text that reads as a headline but for its final stop
    /// (`Quality assessment of evaluation products.`).
    pub fn is_title_but_for_its_stop(&self) -> bool {
        self.kind == UnitKind::Text
            && !self.title_like
            && self.whole.segments.len() == 1
            && self
                .whole
                .segments
                .first()
                .is_some_and(|s| s.text.trim_end().ends_with(['.', '!']) && !s.text.contains(". "))
            && self.compute_title_like(true)
    }

    /// A one-line headline written as a sentence, ending in its one full
    /// stop, a blank line above it (`Safe water for the families of Alta,
    /// Potosí, Bolivia.`): over a record's fields it is the title.
    pub fn is_titled_sentence(&self) -> bool {
        self.kind == UnitKind::Text
            && self.after_blank
            && !self.title_like
            && self.whole.segments.len() == 1
            && self
                .whole
                .segments
                .first()
                .is_some_and(|s| s.text.trim_end().ends_with('.') && !s.text.contains(". "))
            && self.compute_title_like(true)
    }

    fn complete(&mut self) {
        self.cells = self.compute_cells();
        self.own_dates = self.compute_own_dates();
        self.tag_line = self.kind == UnitKind::Text
            && matches!(self.whole.segments.as_slice(), [line] if is_tag_line(&line.text));
        self.title_like = self.compute_title_like(false);
        self.item_title_with_period = !self.title_like
            && matches!(self.kind, UnitKind::Numbered(_) | UnitKind::Bullet)
            && self.whole.segments.len() == 1
            && self.compute_title_like(true);
    }

    fn compute_cells(&self) -> Vec<Segment> {
        match (&self.kind, self.whole.segments.as_slice()) {
            // A key-facts row is a field, not a table's record.
            (UnitKind::Field { known: true, .. }, [line]) if labelled_row(&line.text).is_some() => {
                Vec::new()
            }
            (UnitKind::Text | UnitKind::Date { .. } | UnitKind::Field { .. }, [line]) => {
                row_cells(line)
            }
            // A table's row whose first cell is numbered (`1. Wells⇥Valley
            // Trust⇥1999`): its cells, after the number, are parted by tabs.
            (UnitKind::Numbered(_), [line]) if line.text.contains('\t') => {
                match self.content.segments.as_slice() {
                    [content] => row_cells(content),
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// Whether the unit stands right under a date line, no blank line
    /// between: a line of that record's.
    pub fn is_under_a_date_line(&self) -> bool {
        self.under_a_date_line
    }

    /// Whether the unit is what follows the year on a line of a list that
    /// opens each line on its year (`• 2003-2004 : school fees for 41
    /// pupils.`): the record's headline, a sentence or not.
    pub fn is_year_led(&self) -> bool {
        self.year_led
    }

    /// Whether the unit reads as a headline, a final full stop allowed
    /// (`Feasibility study for an irrigation scheme.`): worked out when
    /// asked, for the few units a rule asks.
    pub fn reads_as_a_title(&self) -> bool {
        self.title_like || self.compute_title_like(true)
    }

    /// Whether the unit is an item of a list nested in the item above it
    /// (`Unit::nested_under`): a part of that item, never a record.
    pub fn is_nested_item(&self) -> bool {
        self.nested_under.is_some()
    }

    /// The headline and dates of a one-line unit that carries both.
    pub fn own_dates(&self) -> Option<OwnDates> {
        self.own_dates
    }

    /// A field the vocabulary does not list whose value is its dates alone
    /// (`Date of financing decision: 17 June 2021`): the headline it would
    /// be read as is its label.
    pub fn dates_its_label(&self) -> bool {
        let (
            UnitKind::Field {
                label,
                known: false,
            },
            Some(own),
            Some(segment),
        ) = (&self.kind, self.own_dates, self.headline().segments.first())
        else {
            return false;
        };
        segment
            .text
            .get(..own.title_end)
            .is_some_and(|head| head.trim().trim_end_matches(':').trim_end() == label.as_str())
            && segment
                .text
                .get(own.date_end..)
                .is_some_and(|rest| rest.trim().is_empty())
    }

    fn compute_own_dates(&self) -> Option<OwnDates> {
        let text_kind = matches!(
            self.kind,
            UnitKind::Numbered(_)
                | UnitKind::Bullet
                | UnitKind::Text
                | UnitKind::Field { known: false, .. }
        );
        match self.headline().segments.as_slice() {
            [segment] if text_kind => own_dates(&segment.text),
            _ => None,
        }
    }

    /// `final_period`: a title may end in one full stop (a list item
    /// written as a sentence).
    fn compute_title_like(&self, final_period: bool) -> bool {
        let text_kind = match &self.kind {
            UnitKind::Numbered(_) | UnitKind::Bullet | UnitKind::Text => true,
            UnitKind::Field { known, .. } => !known,
            _ => false,
        };
        if !text_kind || self.whole.segments.len() > 4 || self.tag_line {
            return false;
        }
        // A web address alone is a page's link (a printed page's header
        // prints it), never a headline.
        if self.whole.segments.len() == 1
            && self
                .content
                .segments
                .first()
                .is_some_and(|line| is_web_address_alone(&line.text))
        {
            return false;
        }
        // `Amount Paid: 347.119,00 DKK`, `Phone: 555 0123`, `Investment
        // value: $78 million`: a label over a number or an amount is a
        // field whatever its label, never a headline.
        if let UnitKind::Field { known: false, .. } = self.kind {
            // A key-facts table's row (`Scheme⇥Grant aid`) is a fact.
            if printed_shape(self) == Some(FieldShape::Row) {
                return false;
            }
            let value = self.content.clean();
            let letters = value.chars().filter(|c| c.is_alphabetic()).count();
            if value.chars().any(|c| c.is_ascii_digit()) && letters <= 3 || opens_on_amount(&value)
            {
                return false;
            }
        }
        if let (Some(own), Some(segment)) = (self.own_dates, self.headline().segments.first()) {
            if !final_period && ends_a_clause(segment.text.get(own.date_end..).unwrap_or_default())
            {
                return false;
            }
        }
        let headline = match (self.own_dates, self.headline().segments.first()) {
            (Some(own), Some(segment)) => Cow::Owned(
                Text::from_segment(Segment {
                    text: segment
                        .text
                        .get(..own.title_end)
                        .unwrap_or_default()
                        .to_string(),
                    ..segment.clone()
                })
                .clean()
                .into_owned(),
            ),
            _ => self.headline().clean(),
        };
        let text = match labelled_bracket(&headline) {
            Some(at) => headline.get(..at).unwrap_or_default().trim_end(),
            None => &headline,
        };
        // A quoted name before its credits is read as the name alone.
        let text = match quoted_name_before_credits(text) {
            Some(end) => &text[..end],
            None => text,
        };
        // A brand name may start in lower case (`ePEStemology: …`) but
        // holds a capital.
        let first_word_capitalised = text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().any(char::is_uppercase));
        let starts_well = text
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '©')
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '©')
            || first_word_capitalised;
        // `… the “Skills Map.”`: a sentence inside its closing quotes.
        let unquoted = text.trim_end_matches(['"', '”', '’', '»', '\'']);
        let unquoted = match final_period {
            true => match unquoted.strip_suffix('.') {
                Some(rest) if !rest.ends_with('.') => rest,
                _ => return false,
            },
            false => unquoted,
        };
        let ends_well = !unquoted.ends_with(['.', ':', ';', ',']) || unquoted.ends_with("...");
        // The checks of ends and starts come first: they settle most
        // paragraphs (every unit is asked) without counting their words.
        if !(starts_well && ends_well) {
            return false;
        }
        let words = text.split_whitespace().count();
        // A reference alone (`IP/18/6790`) names nothing.
        let reference = words == 1
            && text.contains('/')
            && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().filter(|c| c.is_alphabetic()).take(3).count() < 3;
        // A number alone (a table's cell of counts, `34239`) names nothing.
        let no_letter = !text.chars().any(char::is_alphabetic);
        // A teaser a page cut off (`… un po' di tempo fa, si rese di...`)
        // runs longer than a headline cut off does.
        const LONGEST_CUT_HEADLINE: usize = 24;
        let cut_teaser = || {
            words > LONGEST_CUT_HEADLINE && (unquoted.ends_with("...") || unquoted.ends_with('…'))
        };
        let reads_as_sentence = || {
            has_sentence_break(text)
                || (words >= 12 && has_finite_verb(text))
                || speaks_of_its_record(text)
                || cut_teaser()
        };
        !reference
            && !no_letter
            && (1..=40).contains(&words)
            && text.chars().count() <= MAX_TITLE_CHARS
            && !reads_as_sentence()
    }
}

/// Whether `text` opens as a sentence about the record it stands in: a
/// word pointing at the record, a word naming it, then a verb (`This
/// project is now completed`, `The programme was extended`). Short and
/// without a stop, it still reads as no headline.
fn speaks_of_its_record(text: &str) -> bool {
    const POINTING: &[&str] = &[
        "this", "the", "our", "these", "ce", "le", "notre", "este", "el",
    ];
    let mut words = text.split_whitespace();
    let (Some(first), Some(second), Some(third)) = (words.next(), words.next(), words.next())
    else {
        return false;
    };
    let names_record = || {
        let singular = second.strip_suffix('s').unwrap_or(second);
        RECORD_WORDS
            .iter()
            .any(|w| second.eq_ignore_ascii_case(w) || singular.eq_ignore_ascii_case(w))
    };
    POINTING.iter().any(|w| first.eq_ignore_ascii_case(w))
        && names_record()
        && has_finite_verb(third)
}

/// Whether the text after a line's dates ends a sentence that goes on
/// in words (`…for two years (2014–2016), with equipment from a German
/// firm.`): the line is prose that mentions its dates, not a headline
/// carrying them. What follows a headline's dates is a place, an amount or
/// a partner's name (`, Ghana`, `, 10 000 €`), not a clause ending in a
/// full stop.
fn ends_a_clause(after_dates: &str) -> bool {
    let text = after_dates
        .trim()
        .trim_end_matches(['"', '”', '’', '»', '\'', ')']);
    let full_stop = text.ends_with('.') && !text.ends_with("..");
    full_stop
        && text
            .split_whitespace()
            .any(|word| word.chars().next().is_some_and(char::is_lowercase))
}

/// Whether `text` starts with a length of time: a number and a unit of
/// time (`36 months`, `3 years (2019–2022)`).
pub fn is_duration(text: &str) -> bool {
    crate::lengths::length(text.trim_start()).is_some()
}

/// A long line with `is`, `are`, `will` … is a sentence cut short, not a
/// headline: `X (YGCA) is a mobility scheme between …`.
fn has_finite_verb(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "has"
                | "have"
                | "had"
                | "aims"
                | "seeks"
                | "est"
                | "sont"
                | "es"
                | "son"
        )
    })
}

/// Where a trailing bracket that holds a labelled field starts: `Title
/// (Partners: A, B and C)`, `Title [Implemented by: X]`. The field is not
/// part of the headline.
pub fn labelled_bracket(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    let close = trimmed.chars().next_back()?;
    let (open, inside_end) = match close {
        ')' => ('(', trimmed.len() - 1),
        ']' => ('[', trimmed.len() - 1),
        // A bracket the page cut off before it closed: `Title (Lead
        // Partner: Polissya F`.
        _ => ('(', trimmed.len()),
    };
    let at = trimmed.rfind(open)?;
    let inside = trimmed.get(at + open.len_utf8()..inside_end)?;
    if inside_end == trimmed.len() && inside.contains([')', ']']) {
        return None;
    }
    let (label, _) = inside.split_once(':')?;
    (at > 0 && is_known_label(label.trim())).then_some(at)
}

/// The first quoted span of three words or more near the start of a text
/// (`The Project "Monitoring Local Elections" funded by …`): its byte
/// range, the quotation marks included.
pub fn quoted_span(text: &str) -> Option<(usize, usize)> {
    const OPENING: &[char] = &['"', '“', '„', '«', '‘', '”'];
    // The first 200 characters; a text of 200 bytes at most is all of them.
    let head = if text.len() <= 200 {
        text.len()
    } else {
        text.char_indices().nth(200).map_or(text.len(), |(i, _)| i)
    };
    let head = &text[..head];
    // In ASCII the only opening mark is `"`, found without decoding.
    let open = if head.is_ascii() {
        memchr::memchr(b'"', head.as_bytes())?
    } else {
        head.find(OPENING)?
    };
    let opening = text[open..].chars().next()?;
    // The mark that pairs with the opening one: an apostrophe inside the
    // name (`Children’s`) does not close `“…”`.
    let closing: &[char] = match opening {
        '“' => &['”', '"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‘' => &['’'],
        // Swedish and Finnish open and close a name with one mark.
        '”' => &['”'],
        _ => &['"', '”', '“'],
    };
    let inside = open + opening.len_utf8();
    let close = inside + text[inside..].find(closing)?;
    let end = close + text[close..].chars().next().map_or(0, char::len_utf8);
    let words = text[inside..close].split_whitespace().count();
    (words >= 3 || (words >= 1 && named_before(&text[..open]))).then_some((open, end))
}

/// Words after which quotes hold a name, however short (`a project titled
/// “Kulima”`, `le projet « Tilonde »`): a verb of naming, or a word for a
/// record.
const NAMING_WORDS: &[&str] = &[
    "titled",
    "entitled",
    "called",
    "named",
    "intitulé",
    "intitulée",
    "dénommé",
    "dénommée",
    "appelé",
    "appelée",
    "titulado",
    "titulada",
    "denominado",
    "denominada",
    "llamado",
    "llamada",
    "intitolato",
    "intitolata",
    "denominato",
    "denominata",
    "chiamato",
    "chiamata",
    "genannt",
    "betitelt",
];

/// Whether the text before a quote ends on a word that names what the
/// quotes hold ([`NAMING_WORDS`], [`RECORD_WORDS`]).
pub(crate) fn named_before(before: &str) -> bool {
    let last = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    NAMING_WORDS
        .iter()
        .chain(RECORD_WORDS)
        .any(|w| last.eq_ignore_ascii_case(w))
}

/// Two sentences in one unit (`… on our website. Also see …`): a headline
/// has none. A full stop after a short or capitalised word is an
/// abbreviation (`Mr. Saadé`, `U.S. Department`, `Nos. 87`), not a break;
/// a question in a headline is common (`… conservation? Follow-up
/// research …`).
/// Whether a line is three or more short items of words (four at most,
/// no digits) parted by middle dots or bullets (`AMR · primary care ·
/// surveillance`, `Water • Kenya • Youth`): a card's tags, as pages print
/// them under or over its text. A headline is not parted so; a line of a
/// record's facts holds its dates or an amount (`Chad · 2018 – 2021 ·
/// Sida`) and stays the record's text.
fn is_tag_line(text: &str) -> bool {
    const LONGEST_TAG: usize = 4;
    let text = text.trim();
    if text.len() > 200 || !text.contains(['·', '•']) || text.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let mut items = 0;
    for item in text.split(['·', '•']) {
        let words = item.split_whitespace().count();
        if words == 0 || words > LONGEST_TAG {
            return false;
        }
        items += 1;
    }
    items >= 3
}

/// Abbreviations of four letters or more that a name or a title holds
/// (`Prof. Jane Mwangi`, `Dept. of Health`): no sentence ends at them.
const LONG_ABBREVIATIONS: [&str; 8] = [
    "Prof", "Dept", "Govt", "Corp", "Intl", "Univ", "Assoc", "Inst",
];

/// Whether a word of `text` ends a sentence: it ends in a full stop, is no
/// abbreviation, and a capital or a web address follows it. Every
/// headline-like unit is asked: most hold no full stop, told by `memchr`,
/// and the words are paired as they are split, not gathered first.
fn has_sentence_break(text: &str) -> bool {
    if !text.contains('.') {
        return false;
    }
    let words = text.split_whitespace();
    words.clone().zip(words.skip(1)).any(|(before, after)| {
        let Some(word) = before.strip_suffix('.') else {
            return false;
        };
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let abbreviation = letters <= 3
            || LONG_ABBREVIATIONS.contains(&word)
            || word.contains('.')
            || word.chars().filter(|c| c.is_uppercase()).count() > 1;
        // A web address after a word's full stop is a sentence of its own
        // (`… the groups vouch for. www.example.org`), however short the
        // word.
        let link = (after.starts_with("www.") || after.starts_with("http"))
            && letters >= 2
            && !word.contains('.');
        !abbreviation && after.starts_with(char::is_uppercase) || link
    })
}

/// Splits `line` into number and rest: `  1. Title` → (1, "Title").
fn numbered(text: &str) -> Option<(u32, usize)> {
    // `(1) Title` and `[1] Title`, as reports number their items, besides
    // `1. Title` and `1) Title`.
    let (open, close) = match text.as_bytes().first() {
        Some(b'(') => (1, ')'),
        Some(b'[') => (1, ']'),
        _ => (0, '.'),
    };
    let digits = text[open..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let after = &text[open + digits..];
    let mark = after.chars().next()?;
    let marks = if open == 1 {
        mark == close
    } else {
        mark == '.' || mark == ')'
    };
    if !marks {
        return None;
    }
    let rest = &after[1..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim().is_empty() {
        return None;
    }
    Some((
        text[open..open + digits].parse().ok()?,
        open + digits + 1 + gap,
    ))
}

/// A line numbered with the word naming its record (`Project 1: Two
/// bridges for the southern villages`, `Projet 3 – …`): its number and
/// where the rest starts.
fn record_numbered(text: &str) -> Option<(u32, usize)> {
    let (word, after_word) = text.split_once(' ')?;
    if !RECORD_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return None;
    }
    let digits = after_word.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let after_number = &after_word[digits..];
    let mark = [":", " :", " –", " -", " —", ".", ")"]
        .iter()
        .find(|mark| after_number.starts_with(**mark))?;
    let rest = &after_number[mark.len()..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim().is_empty() {
        return None;
    }
    let number = after_word[..digits].parse().ok()?;
    Some((number, text.len() - rest.len() + gap))
}

/// A line numbered as a report's subsection (`3.1 Title`, `2.4.1.
/// Title`): its place in the section (the last number) and where the
/// rest starts. The rest opens on a capital and is no amount (`2.5
/// Million people`).
fn section_numbered(text: &str) -> Option<(u32, usize)> {
    let number_len = text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let number = text[..number_len].trim_end_matches('.');
    let parts: Vec<&str> = number.split('.').collect();
    let well_formed =
        (2..=4).contains(&parts.len()) && parts.iter().all(|p| (1..=2).contains(&p.len()));
    if !well_formed {
        return None;
    }
    let rest = &text[number_len..];
    let gap = rest.len() - rest.trim_start().len();
    let first_word = rest.split_whitespace().next()?;
    let amount = AMOUNT_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first_word));
    if gap == 0
        || amount
        || !first_word.starts_with(char::is_uppercase)
        || rest.split_whitespace().count() < 2
    {
        return None;
    }
    let place = parts.last()?.parse().ok()?;
    Some((place, number_len + gap))
}

/// Words of a number's scale (`2.5 Million`): after a decimal number, an
/// amount, not a subsection's title.
const AMOUNT_WORDS: &[&str] = &[
    "million",
    "millions",
    "mio",
    "mio.",
    "millionen",
    "millones",
    "milhões",
    "milioni",
    "mrd",
    "mrd.",
    "billion",
    "bn",
    "m",
];

/// How much deeper than its section a subsection's numbered line stands
/// (`3.1 Title` one level, `2.4.1 Title` two), as an outline indents it:
/// the rules tell a list's items by their indentation, and `3. Projects`
/// is not an item of the list `3.1`, `3.2` is.
fn subsection_depth(text: &str, kind: &UnitKind) -> usize {
    if !matches!(kind, UnitKind::Numbered(_)) || section_numbered(text).is_none() {
        return 0;
    }
    let number = text.split_whitespace().next().unwrap_or_default();
    2 * number.trim_end_matches('.').matches('.').count()
}

/// Splits a line marked with a letter or a roman numeral into its place
/// in the list and the rest: `a. Title`, `(b) Title`, `c) Title`, `iv.
/// Title`, `IV. Title`, `D) Title` → (1, …), (2, …), (3, …), (4, …), (4,
/// …), (4, …). A capital letter only before a bracket: `A. Smith` opens
/// with an initial. A lone `i`, `v`
/// or `x` is a letter, as in a list that runs on from `h.`.
fn lettered(text: &str) -> Option<(u32, usize)> {
    if let Some(upper) = upper_roman(text) {
        return Some(upper);
    }
    // An upper-case letter before a bracket marks an item, never an
    // initial: `A) Title`, `(B) Title`.
    let bracketed = text.strip_prefix('(').unwrap_or(text);
    if let [letter @ b'A'..=b'Z', b')', ..] = bracketed.as_bytes() {
        let mark_len = text.len() - bracketed.len() + 2;
        let rest = text.get(mark_len..)?;
        let gap = rest.len() - rest.trim_start().len();
        let opened = text.len() == bracketed.len() || text.starts_with('(');
        return (opened && gap > 0 && !rest.trim().is_empty())
            .then_some((u32::from(letter - b'A') + 1, mark_len + gap));
    }
    let lower = |s: &str| s.bytes().take_while(u8::is_ascii_lowercase).count();
    let (inner, mark_len) = match text.strip_prefix('(') {
        Some(rest) => {
            let letters = lower(rest);
            rest.get(letters..)?.starts_with(')').then_some(())?;
            (rest.get(..letters)?, letters + 2)
        }
        None => {
            let letters = lower(text);
            text.get(letters..)?.starts_with(['.', ')']).then_some(())?;
            (text.get(..letters)?, letters + 1)
        }
    };
    let place = match inner.as_bytes() {
        [] => return None,
        [letter] => u32::from(letter - b'a') + 1,
        _ => roman(inner)?,
    };
    let rest = text.get(mark_len..)?;
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim().is_empty() {
        return None;
    }
    Some((place, mark_len + gap))
}

/// A line marked with an upper-case roman numeral and a full stop or a
/// bracket, as reports number their parts: `II. Title`, `IV) Title`.
fn upper_roman(text: &str) -> Option<(u32, usize)> {
    let letters = text
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
        .count();
    if letters == 0 || !text.get(letters..)?.starts_with(['.', ')']) {
        return None;
    }
    let place = roman(&text[..letters].to_ascii_lowercase())?;
    let rest = text.get(letters + 1..)?;
    let gap = rest.len() - rest.trim_start().len();
    (gap > 0 && !rest.trim().is_empty()).then_some((place, letters + 1 + gap))
}

/// The value of a lower-case roman numeral up to `xxxix`, as list items
/// are numbered.
fn roman(numeral: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let tens = numeral.bytes().take_while(|&b| b == b'x').count();
    let unit = UNITS.iter().position(|u| *u == &numeral[tens..])?;
    (tens <= 3).then_some(10 * tens as u32 + unit as u32)
}

fn bullet(text: &str) -> Option<usize> {
    let mark = text.chars().next()?;
    let mark_len = if matches!(
        mark,
        '•' | '·'
            | '▪'
            | '◦'
            | '‣'
            | '*'
            | '-'
            | '–'
            | '—'
            | '●'
            | '○'
            | '■'
            | '►'
            | '✓'
            | '✔'
    ) {
        mark.len_utf8()
    } else {
        // Pages mark list items with pictures too (`🤝 Title`): a run of
        // symbols and emoji, with their joiners and variation selectors.
        let symbols: usize = text
            .chars()
            .take_while(|&c| is_picture(c))
            .map(char::len_utf8)
            .sum();
        if symbols == 0 {
            return None;
        }
        symbols
    };
    let rest = &text[mark_len..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim().is_empty() {
        return None;
    }
    // A saved page's list item whose text types its own bullet (`<li>•
    // Title</li>`, printed `• • Title`): both marks are the item's.
    let content = mark_len + gap;
    let typed = text[content..]
        .strip_prefix('•')
        .filter(|after| after.starts_with(char::is_whitespace) && !after.trim().is_empty());
    Some(match typed {
        Some(after) => text.len() - after.trim_start().len(),
        None => content,
    })
}

/// A symbol or emoji, or what joins and styles them: arrows, dingbats,
/// pictographs (U+2190 up, outside the letters of any script there), the
/// zero-width joiner and variation selectors.
fn is_picture(c: char) -> bool {
    let code = u32::from(c);
    matches!(code, 0x200D | 0xFE0F | 0xFE0E)
        || (0x2190..=0x2BFF).contains(&code)
        || (0x1F000..=0x1FAFF).contains(&code)
}

/// Whether `next` is numbered on from `above` (`7.` then `8.`).
fn numbers_on(above: &UnitKind, next: &UnitKind) -> bool {
    matches!((above, next), (UnitKind::Numbered(a), UnitKind::Numbered(b)) if a.checked_add(1) == Some(*b))
}

/// A headline that opens on its project's name in quotes and goes on
/// after a comma with who paid and who did the work (`“Rural Women's
/// Access to Land”, financed by the Open Society Foundation`): where the
/// name ends, its closing quote included. The credits are the record's
/// text, not its title.
pub(crate) fn quoted_name_before_credits(text: &str) -> Option<usize> {
    const FEWEST_WORDS_AFTER: usize = 2;
    let opening = text
        .chars()
        .next()
        .filter(|c| ['"', '“', '„', '«'].contains(c))?;
    let inner = opening.len_utf8();
    let close = inner + text.get(inner..)?.find(['"', '”', '»', '“'])?;
    let end = close + text[close..].chars().next()?.len_utf8();
    let after = text[end..].strip_prefix(',')?;
    (after.starts_with(char::is_whitespace)
        && after
            .split_whitespace()
            .nth(FEWEST_WORDS_AFTER - 1)
            .is_some()
        && close > inner)
        .then_some(end)
}

/// Whether a unit of `kind` is a list's item, numbered or bulleted.
fn kind_is_item(kind: &UnitKind) -> bool {
    matches!(kind, UnitKind::Numbered(_) | UnitKind::Bullet)
}

/// `Label: value` or `Label – value`: the label and where the value starts.
/// A label is one to four words of letters, starting with a capital.
/// Little words between a label's words, in the languages listings are
/// in: a label is read by the others.
const LABEL_LINKING_WORDS: &[&str] = &[
    "of", "the", "de", "la", "le", "les", "du", "des", "d'", "del", "los", "las", "di", "da", "do",
    "dos", "das", "der", "die", "van", "von",
];

/// Whether `label` is printed as a label is: four words at most, not
/// counting the little words between them (`Contribution maximale de la
/// DGAM`, `Name of the partner`), of letters and the marks labels join
/// words with, or a data export's key.
fn is_label_shaped(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let content_words = words
        .iter()
        .filter(|w| {
            !LABEL_LINKING_WORDS
                .iter()
                .any(|l| w.eq_ignore_ascii_case(l))
        })
        .count();
    (1..=4).contains(&content_words)
        && words.len() <= 6
        && label.len() <= 48
        && (label.chars().all(|c| {
            c.is_alphabetic() || matches!(c, ' ' | '/' | '&' | '(' | ')' | '-' | '\'' | '’')
        }) || is_export_key(label))
}

pub fn field(text: &str) -> Option<(String, Option<usize>, bool)> {
    let (label, after, by_dash) = if let Some(colon) = text.find(':') {
        let dash = dash_label(text);
        match dash {
            Some((label, after)) if after < colon => (label, after, true),
            _ => (text[..colon].to_string(), colon + 1, false),
        }
    } else {
        let (label, after) = dash_label(text).or_else(|| spaced_label(text))?;
        (label, after, true)
    };
    let label = label.trim().to_string();
    if !is_label_shaped(&label) {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    // A label is printed capitalised; a known one with its colon may be
    // printed in lower case (`donor: Sweden`), which prose rarely starts
    // a line with.
    let capitalised = label.chars().next().is_some_and(char::is_uppercase);
    let known = (capitalised || !by_dash) && is_known_label(&label);
    // A data export's key (`activity-status:`, `start_date:`): words in
    // lower case joined by hyphens or underscores, which prose does not
    // open a line on.
    let export_key = !by_dash && words.len() == 1 && is_export_key(&label);
    let known = known || (export_key && is_known_label(&label.replace(['-', '_'], " ")));
    if !capitalised && !known && !export_key {
        return None;
    }
    if by_dash && !known {
        return None;
    }
    // `**Donor:** Sida`: the bold label's closing marks.
    let after = after
        + ["**", "__"]
            .iter()
            .find(|m| text[after..].starts_with(*m))
            .map_or(0, |m| m.len());
    let rest = &text[after..];
    let value_start = after + (rest.len() - rest.trim_start().len());
    // `http://…` and `12:30` are not labels; a colon must be followed by
    // white space or end the line, but where a page's markup runs a label
    // into its value (`Start Date:Mar 1, 2016`, `Date posted:Apr 8, 2019`).
    let run_into_value = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || (known && c.is_alphabetic()));
    if !by_dash && !rest.is_empty() && !rest.starts_with(char::is_whitespace) && !run_into_value {
        return None;
    }
    let value = (value_start < text.len()).then_some(value_start);
    // A longer label alone is a sentence introducing what follows
    // (`Titles of the funded projects:`).
    if words.len() > 4 && value.is_none() {
        return None;
    }
    Some((label, value, known))
}

/// `Project Title Oil for Development`, `Start and End date July 2022 –
/// Dec 2022`: a label of a title or of dates ([`labels::spaced_label`])
/// and its value with no colon between them; the value of dates is a date
/// and nothing more.
fn spaced_label(text: &str) -> Option<(String, usize)> {
    let (end, meaning) = labels::spaced_label(text)?;
    let rest = text.get(end..)?;
    let value = rest.trim_start();
    // A header copied with spaces between its cells (`Name of Project Year
    // Country`), or a label run on into more (`Name of the project and
    // Funding organization`), is no label and its value.
    let mut words = value.split_whitespace();
    let next = words.next().unwrap_or_default();
    let after_next = words.next();
    let joined = ["and", "or", "&", "/", "und", "et", "y", "e"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w));
    let another_label = || {
        labels::listed_meaning(next).is_some()
            || after_next.is_some_and(|w| labels::listed_meaning(&format!("{next} {w}")).is_some())
    };
    // A title opens on a word or a quote, not on a bracket (`Project title
    // (1990 - 1991)` is a headline with its dates).
    let opens_a_name = value
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '«' | '\''));
    if !opens_a_name || joined || another_label() {
        return None;
    }
    if meaning != Meaning::Title {
        let date = scan_date(value)?;
        if !value
            .get(date.len..)
            .is_some_and(|after| after.trim().is_empty())
        {
            return None;
        }
    }
    Some((text[..end].to_string(), text.len() - value.len()))
}

/// `Donor – US Department of State`: a known label before a spaced dash
/// (the first spaced en dash, else em dash, else hyphen).
fn dash_label(text: &str) -> Option<(String, usize)> {
    const DASHES: [char; 3] = ['–', '—', '-'];
    // Where each dash is first spaced, in one pass over the line: every
    // line of a listing is asked.
    let mut first = [None; 3];
    // A hyphen is its byte and the en and em dashes start with 0xE2, a
    // byte that only starts a character: the bytes are searched, not the
    // characters decoded.
    for at in memchr::memchr2_iter(b'-', 0xE2, text.as_bytes()) {
        let (Some(before), Some(from)) = (text.get(..at), text.get(at..)) else {
            continue;
        };
        let Some(kind) = DASHES.iter().position(|d| from.starts_with(*d)) else {
            continue;
        };
        let after = at + DASHES[kind].len_utf8();
        let spaced = before.ends_with(' ') && text.get(after..).is_some_and(|r| r.starts_with(' '));
        if spaced {
            first[kind].get_or_insert((at - 1, after + 1));
        }
    }
    first.into_iter().flatten().find_map(|(label_end, after)| {
        let label = &text[..label_end];
        is_known_label(label).then(|| (label.to_string(), after))
    })
}

/// The cells of a table row copied as one line: cells a browser copies
/// with tabs between them, or three or more cells between ` | `, or
/// cells two spaces or more apart where one is a date or all but one name
/// columns (a table copied as aligned text, its header). A line of one
/// cell is no row. A Markdown table's rows
/// are read so too (`| Title | Donor | 2019–2021 |`).
fn row_cells(line: &Segment) -> Vec<Segment> {
    let text = line.text.as_str();
    if text.contains('\t') {
        let cells = cells_between(line, "\t");
        if cells.len() >= 2 {
            return cells;
        }
    }
    if text.contains(" | ") {
        let cells = cells_between(line, " | ");
        if cells.len() >= 3 {
            return cells;
        }
    }
    if text.contains("  ") {
        let cells = cells_between(line, "  ");
        let is_date_cell =
            |c: &Segment| scan_date(&c.text).is_some_and(|e| e.len >= c.text.trim_end().len());
        // A row holds a date cell, the last or another (`1  Title  Kenya
        // 2015-2019  45.0`); a header names its columns, one name the
        // vocabulary lacks at most.
        let dated = cells.iter().any(is_date_cell);
        let known = cells
            .iter()
            .filter(|c| is_known_label(c.text.trim_end_matches(':')))
            .count();
        let header = cells.len() >= 3 && known + 1 >= cells.len();
        if cells.len() >= 2 && (dated || header) {
            return cells;
        }
    }
    Vec::new()
}

/// The cells of `line` parted by `separator`, each without the white
/// space and the pipes around it (a Markdown table's row also has pipes
/// at its ends); empty cells left out.
fn cells_between(line: &Segment, separator: &str) -> Vec<Segment> {
    let text = line.text.as_str();
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices(separator) {
        if at >= from {
            parts.push((from, &text[from..at]));
            from = at + separator.len();
        }
    }
    parts.push((from, &text[from..]));
    parts
        .into_iter()
        .filter_map(|(at, part)| {
            let edge = |c: char| c.is_whitespace() || c == '|';
            let lead = part.len() - part.trim_start_matches(edge).len();
            let cell = part.trim_matches(edge);
            (!cell.is_empty()).then(|| Segment {
                text: cell.to_string(),
                line: line.line,
                span: Span::new(
                    line.span.start + at + lead,
                    line.span.start + at + lead + cell.len(),
                ),
                map: Default::default(),
            })
        })
        .collect()
}

/// Where a date may start in a headline: after white space, a digit or a
/// capital; any bracket, since a date may open one that goes on with an
/// amount (`Reform (2010-2013, EUR 4,7 million)`); a digit after a space
/// and a bracket. Every title is asked: its bytes are passed over, and
/// only a bracket, a digit or a capital (or a letter beyond ASCII, which
/// may be one) is looked at with the characters before it.
fn date_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    // Bytes from 0xC0 open a character beyond ASCII; at them, as at every
    // ASCII byte, a character starts.
    text.bytes()
        .enumerate()
        .filter(|&(_, byte)| {
            byte == b'(' || byte.is_ascii_digit() || byte.is_ascii_uppercase() || byte >= 0xc0
        })
        .filter(move |&(at, _)| date_may_start_at(text, at))
        .map(|(at, _)| at)
}

/// Whether a date may start at byte `at` of `text`, a character's start
/// (see [`date_starts`]).
fn date_may_start_at(text: &str, at: usize) -> bool {
    let (Some(head), Some(c)) = (
        text.get(..at),
        text.get(at..).and_then(|t| t.chars().next()),
    ) else {
        return false;
    };
    let mut back = head.chars().rev();
    let (before, before_that) = (back.next(), back.next());
    before.is_some_and(char::is_whitespace) && (c.is_ascii_digit() || c.is_uppercase())
        || c == '('
        || c.is_ascii_digit() && before == Some('(') && before_that == Some(' ')
}

/// Signs that may end a headline before the dates printed after it.
const BEFORE_OWN_DATES: &[char] = &[',', '.', ';', '|', '–', '—', '-', '(', '/', ':'];

/// A headline followed by its dates on the same line; the dates end the
/// line or come before a short rest (an amount, a place). What may stand
/// between is a separator (`, ` `. ` ` – ` ` (`, a tab or a closing quote):
/// a year after a mere space is part of the title (`Census 2011`,
/// `Local Governance 2014/2015`). A lone year needs a comma, a quote or a
/// parenthesis before it (`…, 2021`, `“Title” 1995`, `(2016)`).
pub fn own_dates(text: &str) -> Option<OwnDates> {
    if text.len() > MAX_TITLE_CHARS + 80 {
        return None;
    }
    for at in date_starts(text) {
        let head = text[..at].trim_end();
        let Some(sign) = head.chars().next_back() else {
            continue;
        };
        let tabbed = text[head.len()..at].contains('\t');
        let quoted = matches!(sign, '”' | '"' | '’' | '»' | ')');
        // `(projet 2018)`, `(Laufzeit 2019–2021)`: a word naming the
        // record or its dates opens the bracket that holds them.
        let bracket_word = || {
            head.rsplit(char::is_whitespace)
                .next()
                .and_then(|word| word.strip_prefix('('))
                .is_some_and(|word| {
                    RECORD_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
                        || labels::meaning(word) == Some(Meaning::Dates)
                })
        };
        let parenthesis = text[at..].starts_with('(') || bracket_word();
        let separated = tabbed || quoted || parenthesis || BEFORE_OWN_DATES.contains(&sign);
        // A whole date, day, month and year, that ends the line needs no
        // separator after a word (`Mapping wells along the river 12 Mar
        // 2020`, `… Nov 4, 2019`, as a list of results prints each
        // one's date): no name ends so. After a number it ends a table's
        // row, its cells parted by spaces alone.
        const LONGEST_WHOLE_DATE: usize = 20;
        if !separated && text.len() - at > LONGEST_WHOLE_DATE {
            continue;
        }
        let Some(expr) = scan_date(&text[at..]) else {
            continue;
        };
        let whole_date =
            |part: &DatePart| part.day.is_some() && part.month.is_some() && part.year.is_some();
        let ends_on_whole_date = sign.is_alphabetic()
            && whole_date(&expr.start)
            && expr.end.as_ref().is_none_or(whole_date)
            && text[at + expr.len..].trim().is_empty();
        // A range of years joined by a dash, or a year left open, that ends
        // the line (`Women's Empowerment Project 2013-2016`, `… Project 2017
        // (ongoing)`) is the headline's period; a fiscal year joined by a
        // slash is a name's (`Local Governance 2014/2015`).
        let ends_on_period = sign.is_alphabetic()
            && text[at + expr.len..].trim().is_empty()
            && expr.start.year.is_some()
            && (expr.open_end
                || expr.end.as_ref().is_some_and(|end| end.year.is_some())
                    && text[at..at + expr.len].contains(['-', '–', '—']));
        if !(separated || ends_on_whole_date || ends_on_period) {
            continue;
        }
        let lone_year = expr.end.is_none() && !expr.open_end && expr.start.month.is_none();
        if lone_year && !(quoted || parenthesis || matches!(sign, ',' | '(') || tabbed) {
            continue;
        }
        let date_end = at + expr.len;
        let rest = text[date_end..].trim();
        // Inside a bracket, an amount goes on after the dates.
        if head.ends_with('(') && !rest.starts_with([',', ';']) {
            continue;
        }
        // A colon alone after the dates: the headline introduces its
        // text (`Support to the green portal (2016-2017):`).
        let rest_ok = rest.is_empty()
            || rest == ":"
            || (rest.starts_with([',', ')', ';', '|', '('])
                && rest.split_whitespace().count() <= 8);
        if !rest_ok {
            continue;
        }
        // The headline ends before its separator, or before a parenthesis
        // left open that holds the dates (`Support ($20 million, 2016-2017)`).
        let mut title = head.trim_end_matches(|c: char| {
            BEFORE_OWN_DATES.contains(&c) && c != '(' || c.is_whitespace()
        });
        if title.matches('(').count() > title.matches(')').count() {
            if let Some(open) = title.rfind('(') {
                title = title[..open].trim_end();
            }
        }
        let mut title = title.trim_end_matches([',', ' ']);
        // Words announcing the date after the headline (`… La Esperanza on
        // date 16 November 2020`, `… publié le 3 mai 2021`) are not the
        // headline's.
        if !separated {
            for _ in 0..2 {
                match title.rsplit_once(' ') {
                    Some((rest, last)) if DATE_ANNOUNCING_WORDS.contains(&last) => {
                        title = rest.trim_end();
                    }
                    _ => break,
                }
            }
        }
        if title.split_whitespace().count() < 2 {
            continue;
        }
        return Some(OwnDates {
            title_end: title.len(),
            date_start: at,
            date_end,
        });
    }
    None
}

/// Words that announce a date after a headline with no separator, in the
/// listings' languages (`on date`, `publié le`, `vom`, `del`).
const DATE_ANNOUNCING_WORDS: &[&str] = &[
    "on",
    "date",
    "dated",
    "posted",
    "published",
    "publié",
    "le",
    "am",
    "vom",
    "el",
    "del",
    "il",
    "op",
    "em",
    "du",
];

/// Words naming a record, in the listings' languages: before its number
/// (`Project 2 – Title`, `Projet B : Titre`) or opening a bracket that
/// holds its dates (`(projet 2018)`).
pub(crate) const RECORD_WORDS: &[&str] = &[
    "project",
    "projet",
    "proyecto",
    "projeto",
    "projekt",
    "progetto",
    "programme",
    "program",
    "programa",
    "programm",
];

/// Whether a headline names one record by itself: a name ending on a word
/// naming the record (`Next Generation Project`, `Clean Water Programme`),
/// or such a word before a quoted name (`Progetto “100 pollai”`). A page's
/// title names its listing (`Our projects`, `Project portfolio`) instead.
pub(crate) fn names_one_record(headline: &str) -> bool {
    let words: Vec<&str> = headline.split_whitespace().collect();
    let is_record_word = |word: &str| RECORD_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w));
    let ends_on_record_word = match words.as_slice() {
        [.., before, last] => {
            is_record_word(last) && before.starts_with(|c: char| c.is_uppercase())
        }
        _ => false,
    };
    let quoted_after_record_word = match words.as_slice() {
        [first, second, ..] => {
            is_record_word(first) && second.starts_with(['“', '"', '«', '‘', '„'])
        }
        _ => false,
    };
    ends_on_record_word || quoted_after_record_word
}

/// Whether a paragraph describes one record: it opens on an article and a
/// word naming the record (`A project funded by …`, `The programme …`,
/// `Le projet …`, `Das Projekt …`) and speaks of no records in the plural.
/// A page's introduction speaks of its publisher or of its projects
/// (`We support projects in …`, `The programme funds twelve projects:`).
pub(crate) fn describes_one_record(paragraph: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "a", "an", "the", "this", "le", "ce", "un", "el", "este", "o", "das", "dieses", "ein",
        "il", "lo", "questo", "het", "dit",
    ];
    const PLURALS: &[&str] = &[
        "projects",
        "projets",
        "proyectos",
        "projetos",
        "projekte",
        "projekten",
        "progetti",
        "programmes",
        "programs",
        "programas",
    ];
    let mut words = paragraph
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty());
    let (Some(article), Some(record)) = (words.next(), words.next()) else {
        return false;
    };
    let is_one_of = |list: &[&str], word: &str| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    is_one_of(ARTICLES, article)
        && is_one_of(RECORD_WORDS, record)
        && !paragraph
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| is_one_of(PLURALS, w))
}

/// Whether a headline opens on a label naming its kind of record
/// (`Brunnenprojekt: Mihungani – Tansania`, `Project: Safe water`): one
/// word before a colon, ending on a word for a record.
pub(crate) fn labels_its_record(headline: &str) -> bool {
    let Some((label, _)) = headline.split_once(':') else {
        return false;
    };
    !label.contains(char::is_whitespace)
        && RECORD_WORDS.iter().any(|word| {
            label.len() >= word.len()
                && label.is_char_boundary(label.len() - word.len())
                && label[label.len() - word.len()..].eq_ignore_ascii_case(word)
        })
}

/// Text after the dates on a date line that still leaves it a date line:
/// nothing, a short place after a comma, or a labelled field.
fn acceptable_rest(rest: &str) -> bool {
    let trimmed = rest.trim();
    // `March 2020 – 3 years`: the project's length, part of its dates.
    if trimmed.is_empty() || crate::lengths::length_after_date(rest).is_some() {
        return true;
    }
    // A bar printed as a letter l or I, a space each side (`January–March
    // 2015 l Berlin`), as a font without one copies it, parts facts too.
    let letter_bar = rest
        .strip_prefix(' ')
        .and_then(|r| r.strip_prefix(['l', 'I']))
        .filter(|after| after.starts_with(' '));
    if let Some(after) = trimmed.strip_prefix(FACT_SEPARATORS).or(letter_bar) {
        // A place, or a few short facts: `· Funded by the European Union ·
        // Guatemala, El Salvador`.
        let mut cells = after.split(['|', '·', '•', ';']);
        return after.split_whitespace().count() <= 8
            || (cells.clone().count() <= 4 && cells.all(|c| c.split_whitespace().count() <= 6));
    }
    if trimmed.starts_with('(') {
        return trimmed.split_whitespace().count() <= 8;
    }
    // A place in the column after the dates (`2018–2021   Chad`); a
    // longer text there is a headline ([`dates_beside_headline`]).
    if rest.starts_with("  ") || rest.starts_with('\t') {
        return trimmed.split_whitespace().count() <= 3;
    }
    field(trimmed).is_some_and(|(_, value, _)| value.is_some())
}

/// A sentence set off after a date line's range: `2018–2021. Funded by
/// Norway in the Philippines.`, `2016–2020, Liberia. Funded by …` (a
/// page's card with its dates and summary in one paragraph). Prose that
/// opens on years runs on without a stop (`2018-2021 saw the office
/// grow`).
fn sentence_after(rest: &str) -> bool {
    // `2016–2020, Liberia. Funded by …`: a place, then the sentence.
    if let Some((place, sentence)) = rest.strip_prefix(',').and_then(|r| r.split_once(". ")) {
        let words: Vec<&str> = place.split_whitespace().collect();
        return (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase) || ["and", "et", "y", "und", "e"].contains(w)
            })
            && sentence.trim_start().starts_with(char::is_uppercase)
            && sentence.split_whitespace().count() >= 2;
    }
    // After a colon comes what the dates are of (`2019–2021: Skills for
    // returnees`), a headline.
    let Some(after) = rest.strip_prefix(['.', ';']).or_else(|| {
        rest.trim_start()
            .strip_prefix(['–', '—', '|', '·'])
            .filter(|_| rest.starts_with(' '))
    }) else {
        return false;
    };
    after.starts_with(' ')
        && after.trim_start().starts_with(char::is_uppercase)
        && after.split_whitespace().count() >= 2
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
        map: Default::default(),
    }
}

/// The date each slice of a piece's lines opens on, scanned once: a date
/// line is asked by the rule of year-led items, the rule of dates beside
/// a headline and its classification, each in full. Keyed by where the
/// slice lies in the piece's text, which outlives the reading of its units.
#[derive(Default)]
struct LineDates(std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), Option<DateExpr>>>);

impl LineDates {
    /// [`scan_date`] of `text`, a slice of the piece's lines.
    fn scan(&self, text: &str) -> Option<DateExpr> {
        let key = (text.as_ptr() as usize, text.len());
        if let Some(&expr) = self.0.borrow().get(&key) {
            return expr;
        }
        let expr = scan_date(text);
        self.0.borrow_mut().insert(key, expr);
        expr
    }
}

/// Characters that set the facts of a line apart: `2019 – 2021, Manila`,
/// `Kenya | 2019 – 2021 | EU`, `Uganda · 2019 – 2021`.
const FACT_SEPARATORS: [char; 6] = [',', ';', '|', '/', '·', '•'];

/// A date line whose dates start `from` bytes into the trimmed line (after
/// a bullet), its content starting there.
fn date_line(line: &Line, from: usize, dates: &LineDates) -> Option<(UnitKind, usize)> {
    let (text, _) = line.trimmed();
    let dated = text.get(from..)?;
    let expr = dates.scan(dated).filter(has_project_years)?;
    let rest = &dated[expr.len..];
    let range = expr.end.is_some() || expr.open_end;
    if !(acceptable_rest(rest) || (range && sentence_after(rest))) {
        return None;
    }
    let rest = (!rest.trim().is_empty())
        .then(|| sub_segment(&segment(line, 0), from + expr.len, text.len()))
        .into_iter()
        .collect();
    Some((UnitKind::Date { expr, rest }, from))
}

/// A line of facts that opens on the amount (`EUR 2.5 million |
/// 2019–2022`): a date line wherever it stands, never a headline.
fn amount_before_dates(line: &Line) -> Option<(UnitKind, usize)> {
    let (text, _) = line.trimmed();
    if !opens_on_amount(text) {
        return None;
    }
    let (date_at, expr) = facts_before_dates(text)?;
    let whole = segment(line, 0);
    let cells = text[..date_at]
        .split(['|', '·', '•'])
        .filter(|c| !c.trim().is_empty());
    if !cells.clone().all(opens_on_amount) {
        return None;
    }
    Some((facts_date_line(&whole, date_at, expr), date_at))
}

/// The date line a line of facts is (`whole`, its dates at `date_at`):
/// the cells before the dates, and any text after them, are its `rest`.
fn facts_date_line(whole: &Segment, date_at: usize, expr: DateExpr) -> UnitKind {
    let date_end = date_at + expr.len;
    // The dash before the dates (`Zambia — 2013`) sets them apart, as a bar
    // does.
    let cells_end = whole.text[..date_at]
        .trim_end()
        .trim_end_matches(['–', '—'])
        .len();
    let mut rest = vec![sub_segment(whole, 0, cells_end)];
    if !whole.text[date_end..].trim().is_empty() {
        rest.push(sub_segment(whole, date_end, whole.text.len()));
    }
    UnitKind::Date { expr, rest }
}

/// Whether `text` opens on an amount of money: a currency code or sign,
/// then a number (`EUR 2.5 million`, `USD 900,000`, `€2m`, `US$ 5,000`).
pub(crate) fn opens_on_amount(text: &str) -> bool {
    let text = text.trim_start();
    let code = text
        .get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()));
    let after = match code {
        Some(_) => &text[3..],
        None => text
            .strip_prefix("US$")
            .or_else(|| text.strip_prefix(['$', '€', '£', '¥']))
            .unwrap_or(""),
    };
    after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        && (code.is_none() || after.starts_with(' '))
}

/// Whether `text` holds an amount of money anywhere (`… will receive
/// €750,000 over three years …`).
pub(crate) fn holds_an_amount(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        (i == 0 || text[..i].ends_with(' '))
            && (matches!(c, '$' | '€' | '£' | '¥') || c.is_ascii_uppercase())
            && opens_on_amount(&text[i..])
    })
}

/// Whether `unit` is one line that reads as a headline with no dates of
/// its own: a line of facts under it is its date line (`Kenya | 2019 –
/// 2021`). Under prose, or as a record's first line, such a line is a
/// headline that carries its dates (`Water for schools | 2019 – 2021`).
/// A title's field is one (`Project title` / `Water for schools`):
/// whether the label over it is already read into the field depends on
/// where the listing was cut.
fn is_bare_headline(unit: &Unit) -> bool {
    let [line] = unit.whole.segments.as_slice() else {
        return false;
    };
    let text = unit.content.clean();
    // A title may hold a colon (`Bangui: a hospital for newborns`).
    (matches!(
        unit.kind,
        UnitKind::Text
            | UnitKind::Numbered(_)
            | UnitKind::Bullet
            | UnitKind::Field { known: false, .. }
    ) || unit.is_title_field())
        && unit.cells().is_empty()
        && !line
            .text
            .trim_end()
            .ends_with(['.', ':', ';', ',', '!', '?'])
        && text.split_whitespace().count() <= 30
        && own_dates(&text).is_none()
        && facts_before_dates(&line.text).is_none()
}

/// A line of facts in cells, its dates after the first cells (`Kenya |
/// 2019 – 2021`, `Uganda · 2019 – 2021 · Sida`): where the dates start
/// and what they are. At most three short cells come before them, set
/// apart by ` | `, ` · `, ` • ` or a dash (`Zambia — 2013`).
fn facts_before_dates(text: &str) -> Option<(usize, DateExpr)> {
    const LONGEST_FACTS: usize = 80;
    // Most lines have no mark at all: `|`, and the last bytes of `·`, `•`,
    // `–` and `—` in UTF-8, are looked for first, byte by byte.
    let head = &text.as_bytes()[..text.len().min(LONGEST_FACTS + 3)];
    if !head
        .iter()
        .any(|&b| matches!(b, b'|' | 0xB7 | 0xA2 | 0x93 | 0x94))
    {
        return None;
    }
    const MARKS: [char; 5] = ['|', '·', '•', '–', '—'];
    let marks = text
        .char_indices()
        .take_while(|&(at, _)| at <= LONGEST_FACTS)
        .filter(|&(at, c)| {
            MARKS.contains(&c)
                && text[..at].ends_with(' ')
                && text[at + c.len_utf8()..].starts_with(' ')
        });
    for (cells, (at, mark)) in marks.enumerate() {
        let cell = text[..at].rsplit(MARKS).next().unwrap_or_default();
        // A cell, not a sentence: `EUR 2.5 million` has a point, not a stop.
        let short = (1..=4).contains(&cell.split_whitespace().count())
            && !cell.contains([';', '!', '?'])
            && !cell.contains(". ")
            && !cell.trim_end().ends_with('.');
        if cells >= 3 || !short {
            return None;
        }
        // A dash after a number joins a range (`1591 – 1998`, `Kenya 2019
        // – 2021`): it sets a cell apart only after a name.
        if matches!(mark, '–' | '—') && cell.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let after = &text[at + mark.len_utf8()..];
        let date_at = text.len() - after.trim_start().len();
        if let Some(expr) = scan_date(&text[date_at..]) {
            return acceptable_rest(&text[date_at + expr.len..]).then_some((date_at, expr));
        }
    }
    None
}

fn classify(line: &Line, dates: &LineDates) -> (UnitKind, usize) {
    let (text, _) = line.trimmed();
    if let Some((number, content)) = numbered(text)
        .or_else(|| section_numbered(text))
        .or_else(|| lettered(text))
        .or_else(|| record_numbered(text))
    {
        // `1. April 2017 bis 31. März 2020`: a day printed as an ordinal,
        // as German prints it, opens a date line, not a list item.
        let ordinal_day = date_line(line, 0, dates).filter(|(kind, _)| {
            matches!(kind, UnitKind::Date { expr, .. }
                if expr.start.day == Some(number) && expr.start.month.is_some())
        });
        // `2. Duration: March 2018 – February 2020`: a record's facts
        // printed as a numbered list under its headline, each under a
        // label the vocabulary lists. Not a title's label (`1. Project:
        // …` numbers its record), nor a headline's name before its colon
        // (`1. Rise for Impact: …`).
        let known_field = || {
            field(&text[content..]).and_then(|(label, value, known)| {
                let fact =
                    known && labels::listed_meaning(&label).is_some_and(|m| m != Meaning::Title);
                Some((UnitKind::Field { label, known }, content + value?)).filter(|_| fact)
            })
        };
        return ordinal_day
            .or_else(known_field)
            .unwrap_or((UnitKind::Numbered(number), content));
    }
    if let Some(date) = date_line(line, 0, dates) {
        return date;
    }
    if let Some(facts) = amount_before_dates(line) {
        return facts;
    }
    if let Some(end) = scan_end_date(text).filter(|end| text[end.len..].trim().is_empty()) {
        return (
            UnitKind::EndDate {
                date_at: end.date_at,
            },
            end.date_at,
        );
    }
    if let Some(content) = bullet(text) {
        // `• 2019–2022`: a date line printed as a list item (a page's
        // `<li>` of a project's facts) is a date line.
        // `• Donor: Sida`: a card's field printed as a list item.
        let known_field = field(&text[content..]).and_then(|(label, value, known)| {
            Some((UnitKind::Field { label, known }, content + value?)).filter(|_| known)
        });
        return date_line(line, content, dates)
            .or(known_field)
            .unwrap_or((UnitKind::Bullet, content));
    }
    if let Some((label, value_at)) = labelled_row(text) {
        return (UnitKind::Field { label, known: true }, value_at);
    }
    if let Some((label, value, known)) = field(text) {
        return match value {
            Some(start) => (UnitKind::Field { label, known }, start),
            None => (UnitKind::LoneLabel(label), text.len()),
        };
    }
    // A known label alone on its line labels what follows (`Abstract`,
    // `Partner Institutions`), as `Abstract:` would. Not those that name a
    // project or its dates: `Project` alone is a kicker over a headline,
    // and `End` or `Status` may be a title. Nor a line that carries its
    // own dates (`Budget (2004 - 2006)`): a label's bracket holds a unit
    // (`Budget (USD)`), a headline's its dates.
    let labels_text = matches!(
        labels::listed_meaning(text),
        Some(
            Meaning::Prose
                | Meaning::Partner
                | Meaning::Implementer
                | Meaning::Funder
                | Meaning::Places
                | Meaning::Budget
        )
    );
    // Words parted by a tab are a table's header cells (`Project⇥Description`).
    if labels_text && trailing_title_date(text).is_none() && !text.contains('\t') {
        return (UnitKind::LoneLabel(text.to_string()), text.len());
    }
    (UnitKind::Text, 0)
}

/// A row of two cells, a listed label and its value (`Period⇥2019–2022`):
/// a key-facts table's field. The label and where the value starts; not
/// a header row, whose second cell is a label too.
fn labelled_row(text: &str) -> Option<(String, usize)> {
    let (label, value) = text.split_once('\t')?;
    let value_at = text.len() - value.trim_start().len();
    let value = value.trim();
    let label = label.trim().trim_end_matches(':');
    // Only a label the vocabulary lists: `Lomé region⇥210,000` is a
    // breakdown line under a table's row. A label of dates read by its
    // last word labels a row of dates (`Cooperation Period⇥June 2020 –
    // May 2025`).
    let dates_row = || {
        matches!(
            labels::meaning(label),
            Some(Meaning::Dates | Meaning::Start | Meaning::End)
        ) && scan_date(value).is_some()
    };
    let is_row = !value.is_empty()
        && !value.contains('\t')
        && (labels::listed_meaning(label).is_some() || dates_row())
        && !is_known_label(value.trim_end_matches(':'));
    is_row.then(|| (label.to_string(), value_at))
}

/// A line that opens on its record's dates and goes on with the record's
/// headline: a reference list's column (`2020–2023   Teacher training
/// for host schools`, the rest of the record indented under it), or a
/// CV's or a timeline's line (`March 2018 – Present Review of a school
/// feeding project`, `2017: Baseline survey of youth employment`, `2009 –
/// Theatre against AIDS`). The dates and the headline are two lines, a
/// date line that opens the record below it. In a column or after a
/// space, a headline has four words at least (a place after its dates has
/// fewer) and no third column (a table's row has); without a column the
/// dates are a range or name their month, or a colon sets them off, or
/// the headline is a short name a dash sets off from its text (`2030
/// Agenda for Sustainable Development` is a title), and the
/// headline is one phrase: not a sentence and its text (a date line's
/// summary, `2018–2021. Funded by …`, is read by [`date_line`]), nor prose
/// running on from its dates in lower case (`2018–2021 saw the office
/// grow`). After a dash, two words will do.
fn dates_beside_headline<'a>(line: &Line<'a>, line_dates: &LineDates) -> Vec<Line<'a>> {
    let whole = vec![Line { ..*line }];
    let (text, span) = line.trimmed();
    // Every line is asked: most open on neither a digit nor a month, and a
    // month opens a date only with a number close after it (`September –
    // December 2018`).
    let number_soon = || {
        text.bytes()
            .take(MONTH_AND_NUMBER)
            .any(|b| b.is_ascii_digit())
    };
    const MONTH_AND_NUMBER: usize = 32;
    if !(text.starts_with(|c: char| c.is_ascii_digit())
        || text.starts_with(char::is_uppercase) && number_soon())
    {
        return whole;
    }
    let Some(expr) = line_dates.scan(text).filter(has_project_years) else {
        return whole;
    };
    let dates = text[..expr.len].trim_end();
    let after = &text[dates.len()..];
    let gap = after.len() - after.trim_start().len();
    let column = after.starts_with('\t') || gap >= 2;
    let range = expr.end.is_some() || expr.open_end;
    let (headline_at, headline_like) = if column {
        let headline = after.trim_start();
        let like = range
            && text.starts_with(|c: char| c.is_ascii_digit())
            && headline.starts_with(char::is_uppercase)
            && headline.split_whitespace().count() >= 4
            && !headline.contains('\t')
            && !headline.contains("  ")
            && scan_date(headline).is_none();
        (dates.len() + gap, like)
    } else if let Some(headline) = after
        .strip_prefix(' ')
        .and_then(|a| a.strip_prefix(['–', '—', '-']))
        .and_then(|a| a.strip_prefix(' '))
    {
        // `2009 – Theatre against AIDS`, `2008/2016 – Village wells`, as a
        // page of projects heads each by its years: a headline of a few
        // words, no sentence (`2018–2021 – Funded by Norway.` is a date
        // line's summary) nor a list of places (`2019 – Kenya, Uganda`).
        // A day's date there heads an event or a post (`5 December 2023 –
        // Webinar on clinics`).
        let headline = headline.trim_start();
        let words = headline.split_whitespace().count();
        let no_day = expr.start.day.is_none() && expr.end.as_ref().is_none_or(|e| e.day.is_none());
        let like = no_day
            && headline.starts_with(|c: char| c.is_uppercase() || "“\"«".contains(c))
            && (2..=12).contains(&words)
            && !headline.ends_with('.')
            && !headline.contains([',', '\t'])
            && !headline.contains("  ")
            && scan_date(headline).is_none();
        (text.len() - headline.len(), like)
    } else {
        let colon = after.starts_with(':');
        let rest = after.strip_prefix(':').unwrap_or(after);
        let headline = rest.trim_start();
        // A year alone heads a record whose headline is a name set off from
        // its text by a dash (`2015 Project Kalika – Rebuilt three schools.`),
        // as its neighbours headed by ranges are.
        let names_before_dash = || {
            let dash = [" – ", " — ", " - "]
                .iter()
                .filter_map(|d| headline.find(d).map(|at| (at, d.len())))
                .min();
            dash.is_some_and(|(at, len)| {
                let (name, text) = (&headline[..at], &headline[at + len..]);
                let words = name.split_whitespace().count();
                (2..=8).contains(&words)
                    && !name.contains(['.', ',', ':'])
                    && text.starts_with(char::is_uppercase)
            })
        };
        let dated_enough = range || expr.start.month.is_some() || colon || names_before_dash();
        let one_phrase = headline.chars().count() <= 200
            && !headline.contains(". ")
            && !headline.contains('\t')
            && !headline.contains("  ");
        // A headline reads on in words (`for`, `of`), or names a body by its
        // bracketed acronym (`Compassion 4 Humanity (C4H)`); a list of
        // places does neither (`2019: Kenya, Uganda, Tanzania`).
        let names_its_acronym = || {
            headline.split_whitespace().any(|w| {
                w.strip_prefix('(')
                    .and_then(|w| w.strip_suffix(')'))
                    .is_some_and(|inner| {
                        inner.len() >= 2
                            && inner.starts_with(|c: char| c.is_ascii_uppercase())
                            && inner
                                .chars()
                                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                    })
            })
        };
        let like = dated_enough
            && rest.starts_with(' ')
            && headline.starts_with(char::is_uppercase)
            && headline.split_whitespace().count() >= 4
            && (headline
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase))
                || names_its_acronym())
            && one_phrase
            && scan_date(headline).is_none()
            && date_line(line, 0, line_dates).is_none();
        (text.len() - headline.len(), like)
    };
    if !headline_like {
        return whole;
    }
    let base = span.start - line.offset;
    vec![
        Line {
            number: line.number,
            text: &line.text[base..base + dates.len()],
            offset: line.offset + base,
        },
        Line {
            number: line.number,
            text: &line.text[base + headline_at..base + text.len()],
            offset: line.offset + base + headline_at,
        },
    ]
}

/// The dates a paragraph opens on before a dash or a colon and its first
/// sentence (`November 2007 - The council received a grant …`, as a
/// record's text tells when it began): their length in `text`.
pub(crate) fn dates_opening_paragraph(text: &str) -> Option<usize> {
    let (dates, sentence) = dates_before_dash(text)?;
    let opens_sentence =
        sentence.starts_with(char::is_uppercase) && sentence.split_whitespace().count() >= 4;
    opens_sentence.then_some(dates)
}

/// The years (and months) `text` opens on before a dash or a colon and a
/// space (`July 2018 – £822 was donated …`): their length, and what
/// follows the dash.
pub(crate) fn dates_before_dash(text: &str) -> Option<(usize, &str)> {
    if !text.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let expr = scan_date(text)
        .filter(has_project_years)
        .filter(|e| e.start.year.is_some())?;
    let dates = text[..expr.len].trim_end();
    let rest = text[dates.len()..]
        .trim_start()
        .strip_prefix(['-', '–', '—', ':'])?
        .strip_prefix(' ')?;
    Some((dates.len(), rest))
}

/// Bullet marks a copied list prints before its items.
const ITEM_MARKS: [&str; 5] = ["- ", "• ", "* ", "– ", "— "];

/// A list item, or a line, that opens on its year before a headline after
/// a mere space (`- 2004 Slum Improvement for the Youth`), or before what
/// was done after a colon or a dash (`• 2003-2004 : school fees for 41
/// pupils.`): the year and the headline's offset in the trimmed text,
/// without the item's mark.
fn year_led(text: &str, dates: &LineDates) -> Option<YearLed> {
    let mark = ITEM_MARKS
        .iter()
        .find(|m| text.starts_with(**m))
        .map_or(0, |m| m.len());
    let rest = text.get(mark..)?;
    // Every line is asked: one opening on neither a digit nor, in a list
    // item, a word with a number soon after (`Von 2015 bis 2019`) is
    // turned away before its dates are looked for.
    const WORD_AND_NUMBER: usize = 12;
    let may_open_on_dates = rest.starts_with(|c: char| c.is_ascii_digit())
        || mark > 0
            && rest
                .bytes()
                .take(WORD_AND_NUMBER)
                .any(|b| b.is_ascii_digit());
    if !may_open_on_dates {
        return None;
    }
    let expr = dates.scan(rest).filter(has_project_years)?;
    // A list item opening on a range of years joined by a dash or a word
    // (`- 1981 bis 2006 wiederholte Untersuchungen …`, `- Von 2015 bis 2019
    // wird …`) is dated so alone, whatever follows after a space; a fiscal
    // year (`2017/18 Fiscal Year data`) names its item.
    let joined_by_dash_or_word = rest[..expr.len]
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .contains(|c: char| matches!(c, '-' | '–' | '—') || c.is_alphabetic());
    let item_range = mark > 0 && expr.end.is_some() && joined_by_dash_or_word;
    if !(rest.starts_with(|c: char| c.is_ascii_digit()) || item_range) {
        return None;
    }
    let dates = rest[..expr.len].trim_end();
    let after = &rest[dates.len()..];
    let separated = after
        .trim_start()
        .strip_prefix([':', '–', '—', '-'])
        .and_then(|a| a.strip_prefix(' '));
    let headline = match separated {
        Some(headline) => headline.trim_start(),
        None => after.strip_prefix(' ').filter(|h| {
            item_range || h.starts_with(|c: char| c.is_uppercase() || "“\"«".contains(c))
        })?,
    };
    let opens_words = headline.starts_with(|c: char| c.is_alphabetic() || "“\"«".contains(c));
    (opens_words && expr.start.day.is_none() && scan_date(headline).is_none()).then(|| YearLed {
        dates: mark..mark + dates.len(),
        headline_at: rest.len() - headline.len() + mark,
        alone: item_range,
    })
}

/// Where a line that opens on its years has them and its headline
/// ([`year_led`]), and whether it is dated so without a run of its kind.
struct YearLed {
    dates: std::ops::Range<usize>,
    headline_at: usize,
    alone: bool,
}

/// The lines of a run of three or more, one under the other (an item's
/// text may wrap onto the next line), each opening on its year before a
/// headline: a list of projects by year (`- 2001 Livable Streets` / `-
/// 2004 Slum Improvement` / …).
/// One line alone so opened is a title (`2030 Agenda for …`); the run says
/// the years are dates. A list item opening on a range of years is dated
/// alone.
fn year_led_items(lines: &[Line], dates: &LineDates) -> Vec<usize> {
    const FEWEST_ITEMS: usize = 3;
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for line in lines.iter().map(without_markup) {
        let text = line.trimmed().0;
        if let Some(led) = year_led(text, dates) {
            if led.alone {
                found.push(line.number);
            }
            run.push(line.number);
            continue;
        }
        // An item's text wrapped onto the next line goes on with it.
        let wrapped = !run.is_empty()
            && !text.is_empty()
            && !ITEM_MARKS.iter().any(|m| text.starts_with(m.trim_end()));
        if wrapped {
            continue;
        }
        if run.len() >= FEWEST_ITEMS {
            found.append(&mut run);
        }
        run.clear();
    }
    if run.len() >= FEWEST_ITEMS {
        found.append(&mut run);
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// A line of a run of [`year_led_items`] cut into its year and its
/// headline, both on its line.
fn year_before_headline<'a>(line: &Line<'a>, line_dates: &LineDates) -> Option<Vec<Line<'a>>> {
    let (text, span) = line.trimmed();
    let YearLed {
        dates, headline_at, ..
    } = year_led(text, line_dates)?;
    let base = span.start - line.offset;
    Some(vec![
        Line {
            number: line.number,
            text: &line.text[base + dates.start..base + dates.end],
            offset: line.offset + base + dates.start,
        },
        Line {
            number: line.number,
            text: &line.text[base + headline_at..base + text.len()],
            offset: line.offset + base + headline_at,
        },
    ])
}

/// Lines of a bullet or a dash alone that part a page's label-and-value
/// cells (`Rural Roads Project` / `-` / `Country` / `Lesotho` / `-` /
/// `Approval Date` / …): a mark alone right above a label of the
/// vocabulary, which a missing cell's dash in a table is not. They are
/// passed over, as if the page had printed its cells one under the other.
fn marks_between_fields(lines: &[Line]) -> Vec<usize> {
    let is_mark = |text: &str| matches!(text, "-" | "–" | "—" | "•" | "·" | "*");
    lines
        .windows(2)
        .filter(|pair| {
            is_mark(pair[0].trimmed().0)
                && is_known_label(pair[1].trimmed().0.trim_end_matches(':'))
        })
        .map(|pair| pair[0].number)
        .collect()
}

/// Lines printed the same as the line right above them, a headline of a
/// few words (a card's title printed again by its picture's link:
/// `09/2017 Well of Paulalè` / `09/2017 Well of Paulalè`): the second is
/// the same headline, no record of its own. A short value (`2019` /
/// `2019`, a start and an end) may repeat: two words at least, one of
/// them of letters.
fn printed_twice(lines: &[Line]) -> Vec<usize> {
    let headline = |text: &str| {
        text.split_whitespace().nth(1).is_some()
            && text
                .split_whitespace()
                .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
    };
    lines
        .windows(2)
        .filter(|pair| pair[0].text == pair[1].text && headline(pair[1].trimmed().0))
        .map(|pair| pair[1].number)
        .collect()
}

/// A spaced table run together on one line, its header first
/// ([`spaced_table::run_together_table`]): cut into a line for the header
/// and one for each row, which [`rows_under_a_spaced_header`] then reads.
fn run_together_table<'a>(line: &Line<'a>) -> Vec<Line<'a>> {
    let (text, span) = line.trimmed();
    let Some(pieces) = spaced_table::run_together_table(text) else {
        return vec![Line { ..*line }];
    };
    let base = span.start - line.offset;
    let cut: Option<Vec<Line<'a>>> = pieces
        .into_iter()
        .map(|(start, end)| {
            Some(Line {
                number: line.number,
                text: line.text.get(base + start..base + end)?,
                offset: line.offset + base + start,
            })
        })
        .collect();
    cut.unwrap_or_else(|| vec![Line { ..*line }])
}

/// A page copied as one line (breadcrumb, titles, dates and descriptions
/// run together): where a long line holds two date ranges or more, it is
/// cut into lines — before each range's headline, at the range, and after
/// it — so that it reads as the page did. A headline starts after the
/// last boundary before its dates: the end of a sentence, words glued
/// together (`relationsProjects`), or a word printed twice (`Projects
/// Projects`, a breadcrumb's last item and the page's heading).
fn run_together_records<'a>(line: &Line<'a>) -> Vec<Line<'a>> {
    let whole = vec![Line { ..*line }];
    let (text, span) = line.trimmed();
    if text.len() < 200 {
        return whole;
    }
    // Ranges with both ends, each after a space, none at the line's start.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        if at == 0 || !c.is_ascii_digit() || !text[..at].ends_with(' ') {
            continue;
        }
        if ranges.last().is_some_and(|&(_, end)| at < end) {
            continue;
        }
        if let Some(expr) = scan_date(&text[at..]) {
            if expr.end.is_some() && expr.start.month.is_some() {
                ranges.push((at, at + expr.len));
            }
        }
    }
    if ranges.len() < 2 {
        return whole;
    }
    let mut cuts = Vec::new();
    let mut previous_end = 0;
    for &(start, end) in &ranges {
        let head = &text[previous_end..start];
        let title_at = previous_end + headline_start(head);
        cuts.extend([title_at, start, end]);
        previous_end = end;
    }
    let base = span.start - line.offset;
    let mut parts = Vec::new();
    let mut at = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if cut > at && text.is_char_boundary(cut) {
            let piece = &text[at..cut];
            // A separator left at the start of a piece (`, The project`).
            let skip = piece.len() - piece.trim_start_matches([',', ';', ' ']).len();
            if !piece[skip..].trim().is_empty() {
                parts.push(Line {
                    number: line.number,
                    text: &line.text[base + at + skip..base + cut],
                    offset: line.offset + base + at + skip,
                });
            }
            at = cut;
        }
    }
    parts
}

/// Where the headline ends `head` (the text before a date range) starts:
/// after its last sentence end, glued words or doubled word.
fn headline_start(head: &str) -> usize {
    let mut start = 0;
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    for k in 1..chars.len() {
        let (i, c) = chars[k];
        let (_, before) = chars[k - 1];
        let glued = before.is_lowercase() && c.is_uppercase();
        let sentence = c.is_uppercase() && head[..i].ends_with(". ");
        if glued || sentence {
            start = i;
        }
    }
    // A word printed twice: the headline starts after the second.
    let words: Vec<(usize, &str)> = head
        .split(' ')
        .scan(0, |at, w| {
            let item = (*at, w);
            *at += w.len() + 1;
            Some(item)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // The last of glued words: `relationsProjects` → `Projects`.
    let last_glued = |word: &'_ str| -> String {
        let chars: Vec<char> = word.chars().collect();
        let from = (1..chars.len())
            .rev()
            .find(|&k| chars[k - 1].is_lowercase() && chars[k].is_uppercase())
            .unwrap_or(0);
        chars[from..].iter().collect()
    };
    for pair in words.windows(2) {
        let [(_, a), (b_at, b)] = pair else { continue };
        let doubled = last_glued(a) == *b;
        if doubled && b.chars().next().is_some_and(char::is_uppercase) && b_at + b.len() > start {
            start = (b_at + b.len() + 1).min(head.len());
        }
    }
    start
}

/// A line of labelled fields run together, as pages print a project's
/// A list copied into one paragraph, its items parted by bullets in the
/// line (`… three programmes: • Health Reform (2010-2013, EUR 4,7 million)
/// • Human Development I (2011-2014) • …`): cut before each bullet, so
/// that each item is read as the list item it was. A line of a card's
/// tags (`Health • Malawi • Youth`) holds no dates: two items at least must
/// hold a year.
fn inline_bullets<'a>(line: &Line<'a>) -> Vec<Line<'a>> {
    const BULLET: &str = " • ";
    let whole = || vec![Line { ..*line }];
    let (text, span) = line.trimmed();
    let mut cuts: Vec<usize> = text.match_indices(BULLET).map(|(at, _)| at + 1).collect();
    if cuts.len() < 2 {
        return whole();
    }
    let holds_year = |part: &str| {
        part.as_bytes()
            .windows(4)
            .any(|w| w.iter().all(u8::is_ascii_digit) && matches!(w[0], b'1' | b'2'))
    };
    let mut bounds = vec![0];
    bounds.append(&mut cuts);
    bounds.push(text.len());
    let dated_items = bounds[1..]
        .windows(2)
        .filter(|w| holds_year(&text[w[0]..w[1]]))
        .count();
    if dated_items < 2 {
        return whole();
    }
    let base = span.start - line.offset;
    bounds
        .windows(2)
        .filter_map(|w| {
            let part = text[w[0]..w[1]].trim_end();
            (!part.is_empty()).then(|| Line {
                number: line.number,
                text: &line.text[base + w[0]..base + w[0] + part.len()],
                offset: line.offset + base + w[0],
            })
        })
        .collect()
}

/// card (`Donor: European Commission Duration: 1 January, 2020 – 31
/// December, 2021 Budget: 200,000 EUR`), cut before each known label:
/// every part is read as a line of its own, its spans still in the file.
/// Only a line that starts with a field is cut, so prose that happens to
/// hold `Budget:` stays whole.
fn inline_fields<'a>(line: &Line<'a>) -> Vec<Line<'a>> {
    let (text, span) = line.trimmed();
    let parts = run_together_fields(text);
    if parts.len() < 2 && parts.first().is_none_or(|&(from, _)| from == 0) {
        return vec![Line { ..*line }];
    }
    let base = span.start - line.offset;
    parts
        .into_iter()
        .map(|(from, end)| Line {
            number: line.number,
            text: &line.text[base + from..base + end],
            offset: line.offset + base + from,
        })
        .collect()
}

/// The byte ranges of the labelled fields run together in `text`
/// (`Dates: 2020–2022 Donor: Denmark`), cut before each known label; one
/// range, the whole text, unless it starts with a field and holds
/// another.
pub fn run_together_fields(text: &str) -> Vec<(usize, usize)> {
    let whole = vec![(0, text.len())];
    let first = field(text);
    if first.is_none() {
        if let Some(label_at) = headline_run_into_fact(text) {
            let head_end = text[..label_at].trim_end().len();
            return std::iter::once((0, head_end))
                .chain(
                    run_together_fields(&text[label_at..])
                        .into_iter()
                        .map(|(from, end)| (from + label_at, end + label_at)),
                )
                .collect();
        }
    }
    // `Title: Client: IMF · Period: …`: a headline (no known label) run
    // into a known field, as a `<dt>` over its `<dd>` copies, is the first
    // part, without its colon.
    if first.as_ref().is_none_or(|(_, _, known)| !known) {
        let run_into_field = colon_and_space(text).filter(|&colon| {
            colon <= MAX_TITLE_CHARS
                && field(&text[colon + 2..])
                    .is_some_and(|(_, value, known)| known && value.is_some())
        });
        if let Some(colon) = run_into_field {
            // A data export's key over a field (`participating-org:
            // Funding - …`) labels nothing the field does not.
            return (!is_export_key(&text[..colon]))
                .then_some((0, colon))
                .into_iter()
                .chain(
                    run_together_fields(&text[colon + 2..])
                        .into_iter()
                        .map(|(from, end)| (from + colon + 2, end + colon + 2)),
                )
                .collect();
        }
    }
    if first.is_none_or(|(_, value, _)| value.is_none()) {
        return whole;
    }
    let mut cuts = Vec::new();
    for (colon, _) in text.match_indices(':').skip(1) {
        let head = &text[..colon];
        // The known label ending at this colon, of its last one to four
        // words.
        let words = word_starts(head);
        // The longest label the vocabulary lists (`End Date`, not `Date`),
        // else the shortest read by its head noun (`Sida Duration` is a
        // value and a label).
        let nearest: Vec<usize> = words.iter().rev().take(4).copied().collect();
        let could_start = |start: usize| start > 0 && head[start..].starts_with(char::is_uppercase);
        let label_start = nearest
            .iter()
            .rev()
            .copied()
            .find(|&start| could_start(start) && labels::listed_meaning(&head[start..]).is_some())
            .or_else(|| {
                nearest
                    .iter()
                    .copied()
                    .find(|&start| could_start(start) && is_known_label(&head[start..]))
            });
        // A label glued to the value before it, as a page's cells copy
        // without a space (`Diverse TrägerLand:`, `€ 300.000,00Beginn:`):
        // where a capital follows a small letter or a digit, a label the
        // vocabulary lists.
        let label_start = label_start.or_else(|| {
            let from = nearest.last().copied().unwrap_or(0);
            head[from..]
                .char_indices()
                .zip(head[from..].chars().skip(1))
                .filter(|&((_, before), after)| {
                    (before.is_lowercase() || before.is_ascii_digit()) && after.is_uppercase()
                })
                .map(|((i, before), _)| from + i + before.len_utf8())
                .find(|&start| labels::listed_meaning(&head[start..]).is_some())
        });
        let followed_by_space = text[colon + 1..].starts_with(char::is_whitespace);
        if let Some(start) = label_start.filter(|_| followed_by_space) {
            cuts.push(start);
        }
    }
    if cuts.is_empty() {
        return whole;
    }
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        // `Country: Uganda | Duration: …`: the mark between two fields is
        // neither's.
        let end = from
            + text[from..cut]
                .trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ',' | ';' | '|' | '·' | '•')
                })
                .len();
        if end > from {
            parts.push((from, end));
        }
        from = cut;
    }
    parts
}

/// Where each word of `text` starts.
fn word_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Where `text`'s first colon and space (`Label: value`) is. Every line is
/// asked, most without a colon: memchr finds the colons.
fn colon_and_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b':', bytes).find(|&at| bytes.get(at + 1) == Some(&b' '))
}

/// Where a record's fact starts that a headline runs into on its line, as
/// a CV or a list of assignments prints them (`Review of a school feeding
/// project Client: World Food Programme`): at the first colon, after a
/// label the vocabulary lists of a fact of the record (who pays, carries
/// out or takes part, where, when, how much), capitalised, after three
/// words at least of one phrase: a short one without commas or a final
/// stop, or one after its dates (`2017 Baseline survey. Client: …`).
/// Sentences that hold a label (`The office grew. Budget: …`) and a label
/// of the format (`Status:`) stay whole.
fn headline_run_into_fact(text: &str) -> Option<usize> {
    let colon = colon_and_space(text)?;
    let head = &text[..colon];
    if colon > MAX_TITLE_CHARS {
        return None;
    }
    let words = word_starts(head);
    let label_word = words.iter().rev().take(4).rev().position(|&start| {
        head[start..].starts_with(char::is_uppercase)
            && labels::listed_meaning(&head[start..]).is_some_and(|meaning| {
                matches!(
                    meaning,
                    Meaning::Dates
                        | Meaning::Start
                        | Meaning::End
                        | Meaning::Funder
                        | Meaning::Implementer
                        | Meaning::Partner
                        | Meaning::Places
                        | Meaning::Budget
                )
            })
    })?;
    let label_index = words.len().saturating_sub(4) + label_word;
    let label_at = *words.get(label_index)?;
    let headline = head[..label_at].trim_end();
    let one_phrase = !headline.contains(". ") && !headline.contains("; ");
    // A sentence of a record's text may end before a label (`Funded by
    // Japan, the project works in Senegal. Budget: …`); a headline is
    // short and unpunctuated, or comes after its dates on their line.
    let opens_on_dates = scan_date(headline).is_some_and(|e| has_project_years(&e));
    let headline_shaped = label_index <= 12 && !headline.contains(',') && !headline.ends_with('.');
    (label_index >= 3 && one_phrase && (opens_on_dates || headline_shaped)).then_some(label_at)
}

/// Whether `line`, right under `unit` with no blank line between, is the
/// rest of it (a wrapped title, value or paragraph) rather than a unit of
/// its own. Pages copied from a browser put each heading, field and
/// paragraph on a line of its own, often without blank lines between
/// (`Title` / `Date: …` / `Donors: …` / `The project …`); text wrapped by
/// hand or by a PDF reader breaks mid-phrase. So a line continues the unit
/// above only where the break is plainly inside a phrase: the line starts
/// in lower case, or the line above ends on a word or sign that cannot end
/// a phrase (`for`, `and`, `,`, `-`) or leaves a bracket open, or the line
/// is indented deeper than a numbered or bulleted line above it (a hanging
/// indent) that does not end in its dates, and is not a line of facts.
fn wraps_onto(unit: &Unit, line: &Line) -> bool {
    let (text, _) = line.trimmed();
    let Some(above) = unit.whole.segments.last() else {
        return false;
    };
    // Table rows keep their lines: a cell may start in lower case.
    if text.contains('\t') || above.text.contains('\t') {
        return false;
    }
    let above_text = above.text.trim_end();
    // A word or two in lower case under a finished sentence is a button's
    // or a toggle's (`more`, `show less`), not the sentence's rest.
    let toggle = above_text.ends_with(['.', '!', '?']) && text.split_whitespace().count() <= 2;
    // A web address under a headline is the entry's link, not its rest.
    let address = is_web_address(text);
    let starts_lower = !toggle
        && !address
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, '(' | '&'));
    // A bracket left open goes on (`European Union (Migration Partnership`
    // / `Facility), Government of Portugal`).
    let open_bracket = || above_text.matches('(').count() > above_text.matches(')').count();
    let ends_open = above_text.ends_with([',', '-', '–', '—', '/', '&', '(', '+'])
        || open_bracket()
        || above_text
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| CONTINUING_WORDS.contains(&w.to_lowercase().as_str()));
    // An item that ends in its dates (`• Title, 2019–2021`) is whole: the
    // indented line under it is its description, not the rest of it.
    let ends_in_dates = || {
        own_dates(above_text).is_some_and(|own| {
            above_text
                .get(own.date_end..)
                .is_some_and(|rest| rest.trim_matches([')', ']', '.', ' ']).is_empty())
        })
    };
    // A line of facts under the item (`Malawi | EU | 2021-2024`) is its
    // date line, not the rest of its title.
    let hanging = matches!(unit.kind, UnitKind::Numbered(_) | UnitKind::Bullet)
        && unit.whole.segments.len() == 1
        && line.indent() > unit.indent
        && !ends_in_dates()
        && facts_before_dates(text).is_none();
    // A field's value wrapped under itself, aligned on the value's column
    // (`Project title:    Oasis centres for` / `                  women`).
    // The column the unit's content starts at, after its label or marker.
    let content_column = || {
        let (first, value) = (unit.whole.segments.first()?, unit.content.segments.first()?);
        let offset = value.span.start.checked_sub(first.span.start)?;
        let before = first
            .text
            .get(..offset)
            .filter(|_| value.line == first.line)?;
        Some(unit.indent + before.chars().count())
    };
    let under_its_value = || {
        matches!(unit.kind, UnitKind::Field { .. })
            && line.indent() > unit.indent
            && content_column() == Some(line.indent())
    };
    // A Markdown list item goes on over every line indented to its text
    // (`- [KALA 2014](…)` / `  Jungwacht Blauring sind die` / `  Wurzeln
    // …`), whatever case each opens in.
    let item_goes_on = || {
        matches!(unit.kind, UnitKind::Numbered(_) | UnitKind::Bullet)
            && unit.whole.segments.len() > 1
            && line.indent() > unit.indent
            && content_column() == Some(line.indent())
    };
    starts_lower || ends_open || hanging || under_its_value() || item_goes_on()
}

/// Words a phrase does not end on, in the languages listings are in.
const CONTINUING_WORDS: &[&str] = &[
    "of", "for", "and", "the", "to", "in", "on", "with", "by", "a", "an", "or", "from", "at",
    "into", "through", "its", "their", "de", "des", "du", "la", "le", "les", "et", "en", "pour",
    "y", "del", "los", "las", "el", "para", "e", "und", "der", "die", "das", "für",
];

/// Whether `unit` is a known label alone on its line with its colon
/// (`Donor:`), waiting for its value on the next line.
fn awaits_its_value(unit: &Unit) -> bool {
    match (&unit.kind, unit.whole.segments.as_slice()) {
        (UnitKind::LoneLabel(label), [line]) => {
            line.text.trim_end().ends_with(':') && labels::meaning(label).is_some()
        }
        _ => false,
    }
}

/// Whether `unit` is a label of the start or the end alone on its line,
/// with no colon (`Start date`, `Fin`), which labels the date line under it.
fn labels_one_end(unit: &Unit) -> bool {
    matches!(
        lone_label_of_dates(unit),
        Some(Meaning::Start | Meaning::End)
    )
}

/// Whether `unit` is a known label alone on its line, with no colon (`Aim`,
/// `Budget`): what it is depends on the unit after it
/// ([`headlines_over_dates`]).
fn is_bare_label(unit: &Unit) -> bool {
    match (&unit.kind, unit.whole.segments.as_slice()) {
        (UnitKind::LoneLabel(text), [line]) => line.text.trim() == text,
        _ => false,
    }
}

/// A bare label ([`is_bare_label`]) labels what follows, except when what
/// follows is a date line: a label's value is never a span of dates, so
/// the line is a headline named like a label, over its project's dates.
/// (`Aim:` with its colon stays a label.) Units are made a piece at a time:
/// the caller runs this over units of consecutive pieces, a bare label
/// that ends a piece held back until the next piece's first unit is known.
fn headlines_over_dates(units: &mut [Unit]) {
    for i in 1..units.len() {
        if matches!(units[i].kind, UnitKind::Date { .. }) && is_bare_label(&units[i - 1]) {
            let label = &mut units[i - 1];
            label.kind = UnitKind::Text;
            label.content = label.whole.clone();
            label.complete();
        }
    }
}

/// A unit read once its neighbours are known: a bare label over a date
/// line is a headline ([`headlines_over_dates`]); a line of facts under a
/// bare headline is its date line ([`facts_under_headlines`]); fields and
/// labels read by the fields around them ([`fields_beside_listed_fields`],
/// [`unlisted_labels_over_values`], [`titles_under_their_label`],
/// [`blocks_of_fields`]). Units are made a piece at a time: the caller
/// runs this over units of consecutive pieces, after the unit given out
/// right before them; where the last unit may change or be changed by the
/// next piece's first ([`waits_for_the_next`]), its whole block (the units
/// after the last blank line) is held back, as it was before this
/// reading, and read again with the next pieces.
pub fn read_with_neighbours(units: &mut [Unit]) {
    numbers_run_into_their_items(units);
    rows_of_two_cells_between_bars(units);
    rows_under_a_spaced_header(units);
    rows_under_a_glued_header(units);
    headlines_over_dates(units);
    facts_under_headlines(units);
    fields_beside_listed_fields(units);
    unlisted_labels_over_values(units);
    titles_under_their_label(units);
    blocks_of_fields(units);
    fields_run_together_on_a_line(units);
    lists_under_waiting_labels(units);
}

/// An item whose number runs into its text (`3Special Conservation
/// Center …`, a copy that lost the full stop and the space) between the
/// items numbered one less and one more, at its indentation, no blank line
/// between: it is that item. Elsewhere a number before a capital names
/// something (`3D printing`).
fn numbers_run_into_their_items(units: &mut [Unit]) {
    for i in 1..units.len().saturating_sub(1) {
        let Some((number, digits)) = number_run_into_text(&units[i]) else {
            continue;
        };
        let numbered_at = |k: usize, n: u32| {
            let unit = &units[k];
            unit.kind == UnitKind::Numbered(n) && unit.indent == units[i].indent
        };
        let in_sequence = number > 1
            && numbered_at(i - 1, number - 1)
            && numbered_at(i + 1, number + 1)
            && !units[i].after_blank
            && !units[i + 1].after_blank;
        if !in_sequence {
            continue;
        }
        let unit = &mut units[i];
        let Some(first) = unit.whole.segments.first() else {
            continue;
        };
        let mut content = unit.whole.clone();
        content.segments[0] = Segment {
            text: first.text[digits..].to_string(),
            line: first.line,
            span: first.span_of(digits, first.text.len()),
            map: first.map.slice(digits, first.text.len()),
        };
        unit.kind = UnitKind::Numbered(number);
        unit.content = content;
        unit.complete();
    }
}

/// The number a plain line opens on when a capital follows its digits
/// right away (`3Special …`), and how many digits it has.
fn number_run_into_text(unit: &Unit) -> Option<(u32, usize)> {
    if unit.kind != UnitKind::Text {
        return None;
    }
    let text = &unit.whole.segments.first()?.text;
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !text[digits..].starts_with(char::is_uppercase) {
        return None;
    }
    Some((text[..digits].parse().ok()?, digits))
}

/// A table copied with single spaces between its cells
/// ([`crate::spaced_table`]): a header line naming a title's column and
/// columns of dates or amounts, then lines right under it (no blank line
/// between, so always in one piece) that its columns cut, two at least.
/// They are read as the cells a tab would have parted.
fn rows_under_a_spaced_header(units: &mut [Unit]) {
    const FEWEST_ROWS: usize = 2;
    // A row may read as a field the vocabulary lacks (`Police: Training
    // for … 1 February 2000 650,000`).
    fn one_line(u: &Unit) -> Option<&Segment> {
        match (&u.kind, u.whole.segments.as_slice()) {
            (
                UnitKind::Text | UnitKind::Date { .. } | UnitKind::Field { known: false, .. },
                [line],
            ) if u.cells.is_empty() => Some(line),
            _ => None,
        }
    }
    let mut i = 0;
    while i < units.len() {
        let header = one_line(&units[i])
            .and_then(|line| Some((spaced_table::spaced_header(&line.text)?, line)));
        let Some((columns, header_line)) = header else {
            i += 1;
            continue;
        };
        let header_cells: Vec<(usize, usize)> = columns.iter().map(|c| (c.0, c.1)).collect();
        let header_cells = cells_of(header_line, &header_cells);
        let mut rows = Vec::new();
        for unit in &units[i + 1..] {
            let Some(line) = one_line(unit).filter(|_| !unit.after_blank) else {
                break;
            };
            let Some(cells) = spaced_table::spaced_row(&columns, &line.text) else {
                break;
            };
            rows.push(cells_of(line, &cells));
        }
        if rows.len() < FEWEST_ROWS {
            i += 1;
            continue;
        }
        i += read_as_table(&mut units[i..], header_cells, rows);
    }
}

/// A table of two columns copied with ` | ` between its cells (`Name |
/// Countries` / `Solar kilns | Malawi`): one line of two such cells may be
/// a page's title and its site (`Our work | Oxfam`), so a line is a row
/// only in a run of three or more such lines with no blank line between
/// (always in one piece), each of exactly two cells. Three cells or more
/// make a row on their own ([`row_cells`]).
fn rows_of_two_cells_between_bars(units: &mut [Unit]) {
    const FEWEST_LINES: usize = 3;
    fn two_cells(u: &Unit) -> Option<Vec<Segment>> {
        match (&u.kind, u.whole.segments.as_slice()) {
            (UnitKind::Text | UnitKind::Field { .. } | UnitKind::Date { .. }, [line])
                if u.cells.is_empty() && line.text.contains(" | ") =>
            {
                let cells = cells_between(line, " | ");
                (cells.len() == 2).then_some(cells)
            }
            _ => None,
        }
    }
    let mut i = 0;
    while i < units.len() {
        let mut rows = Vec::new();
        for (k, unit) in units[i..].iter().enumerate() {
            if k > 0 && unit.after_blank {
                break;
            }
            match two_cells(unit) {
                Some(cells) => rows.push(cells),
                None => break,
            }
        }
        if rows.len() < FEWEST_LINES {
            i += rows.len().max(1);
            continue;
        }
        let found = rows.len();
        for (unit, cells) in units[i..].iter_mut().zip(rows) {
            unit.kind = UnitKind::Text;
            unit.content = unit.whole.clone();
            unit.cells = cells;
        }
        i += found;
    }
}

/// A table copied with its cells run together, no space or tab between
/// them (`JahrProjektRegion` / `2017Bau der SchuleMbale, Uganda`): a header
/// line of words each a column's header, each starting on a capital, over
/// lines right under it (no blank line between, so always in one piece)
/// that part as the header does where a capital, or a digit's end, follows
/// a letter or a digit with no space, two rows at least. They are read as
/// the cells a tab would have parted.
fn rows_under_a_glued_header(units: &mut [Unit]) {
    const FEWEST_ROWS: usize = 2;
    fn one_line(u: &Unit) -> Option<&Segment> {
        match (&u.kind, u.whole.segments.as_slice()) {
            (UnitKind::Text | UnitKind::Date { .. }, [line]) if u.cells.is_empty() => Some(line),
            _ => None,
        }
    }
    let mut i = 0;
    while i < units.len() {
        // Every unit is asked: most hold a space.
        let header = one_line(&units[i]).filter(|line| {
            !line.text.contains(char::is_whitespace) && !glued_cuts(&line.text).is_empty()
        });
        let Some(header_line) = header.cloned() else {
            i += 1;
            continue;
        };
        let header_cells = glued_cells(&header_line.text);
        let columns: Option<Vec<Column>> = header_cells
            .iter()
            .map(|&(start, end)| labels::column(&header_line.text[start..end]))
            .collect();
        let named = columns.is_some_and(|columns| {
            columns.contains(&Column::Title)
                && columns.iter().filter(|c| **c != Column::Field).count() >= 2
        });
        if !named {
            i += 1;
            continue;
        }
        let mut rows = Vec::new();
        for unit in &units[i + 1..] {
            let Some(line) = one_line(unit).filter(|_| !unit.after_blank) else {
                break;
            };
            let cells = glued_cells(&line.text);
            if cells.len() != header_cells.len() {
                break;
            }
            rows.push(cells_of(line, &cells));
        }
        if rows.len() < FEWEST_ROWS {
            i += 1;
            continue;
        }
        i += read_as_table(&mut units[i..], cells_of(&header_line, &header_cells), rows);
    }
}

/// Where cells run together in `text`: a capital right after a lower-case
/// letter or a digit, or a letter right after a digit that opens the line
/// (`SchoolMbale`, `2017Bau`). A capital after a capital is an acronym's.
fn glued_cuts(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut before: Option<char> = None;
    let mut digits_only = true;
    for (at, c) in text.char_indices() {
        if let Some(b) = before {
            let cell_starts = c.is_uppercase() && (b.is_lowercase() || b.is_ascii_digit())
                || c.is_alphabetic() && b.is_ascii_digit() && digits_only;
            if cell_starts {
                cuts.push(at);
            }
        }
        digits_only &= c.is_ascii_digit();
        before = Some(c);
    }
    cuts
}

/// The byte ranges of the cells [`glued_cuts`] parts `text` into.
fn glued_cells(text: &str) -> Vec<(usize, usize)> {
    let cuts = glued_cuts(text);
    let starts = std::iter::once(0).chain(cuts.iter().copied());
    let ends = cuts.iter().copied().chain(std::iter::once(text.len()));
    starts.zip(ends).collect()
}

/// Reads `units` as a table's header (the first) over its rows, each
/// given its cells as a tab would have parted them; how many units that
/// is.
fn read_as_table(units: &mut [Unit], header: Vec<Segment>, rows: Vec<Vec<Segment>>) -> usize {
    let found = rows.len();
    units[0].cells = header;
    units[0].title_like = false;
    for (unit, cells) in units[1..].iter_mut().zip(rows) {
        unit.kind = UnitKind::Text;
        unit.content = unit.whole.clone();
        unit.cells = cells;
    }
    1 + found
}

/// The cells at byte ranges `cells` of a line's segment.
fn cells_of(line: &Segment, cells: &[(usize, usize)]) -> Vec<Segment> {
    cells
        .iter()
        .filter_map(|&(start, end)| {
            Some(Segment {
                text: line.text.get(start..end)?.to_string(),
                line: line.line,
                span: Span::new(line.span.start + start, line.span.start + end),
                map: Default::default(),
            })
        })
        .collect()
}

/// A list right under a record's label that waits for its value (`Target
/// groups:` / `• Teachers` / `• Pupils`) is that value: its items are no
/// headlines. The label's block waits for the next piece
/// ([`waits_for_the_next`]), and the list's first block comes whole with
/// it.
fn lists_under_waiting_labels(units: &mut [Unit]) {
    let is_item = |u: &Unit| matches!(u.kind, UnitKind::Bullet | UnitKind::Numbered(_));
    for i in 0..units.len().saturating_sub(1) {
        let waits = matches!(
            (&units[i].kind, units[i].whole.segments.as_slice()),
            (UnitKind::LoneLabel(_), [line]) if line.text.trim_end().ends_with(':')
        );
        // A record's label: the vocabulary's, or one more under a field
        // (`Duration: …` / `Target groups:`). A lead-in (`Here they are:`)
        // introduces the records themselves.
        let records_label = || awaits_its_value(&units[i]) || units[i].under_a_field;
        if !waits || !records_label() {
            continue;
        }
        for (k, item) in units.iter_mut().enumerate().skip(i + 1) {
            if !is_item(item) || (k > i + 1 && item.after_blank) {
                break;
            }
            item.title_like = false;
        }
    }
}

/// A field the vocabulary does not list, run together on one line with
/// the next (`Zone : Dori · Période : 2021 – 2023`), is one of the
/// line's fields, never a headline. The parts of a line are always in
/// one piece.
fn fields_run_together_on_a_line(units: &mut [Unit]) {
    for i in 0..units.len().saturating_sub(1) {
        let shares_its_line = matches!(units[i + 1].kind, UnitKind::Field { .. })
            && units[i + 1].first_line() == units[i].last_line();
        if shares_its_line && matches!(units[i].kind, UnitKind::Field { known: false, .. }) {
            units[i].title_like = false;
        }
    }
}

/// A label of titles alone on its line (`Project title`, `Titre du
/// projet`) right over a line that reads as a title: that line is the
/// record's title field, as `Project title: …` would be. Not a kicker
/// (`Project` over a headline), nor a table's header printed a cell a line
/// (`Project title` / `Donor` / `Period`). The two lines stand without a
/// blank line between them, so they are always in one piece.
fn titles_under_their_label(units: &mut [Unit]) {
    for i in 0..units.len().saturating_sub(1) {
        // Most units are turned away by the line under them, without
        // looking a label up.
        let value = &units[i + 1];
        let could_be_value = value.kind == UnitKind::Text
            && !value.after_blank
            && value.whole.segments.len() == 1
            && value.is_title_like();
        if !could_be_value {
            continue;
        }
        let Some(label) = title_label(&units[i]) else {
            continue;
        };
        if labels::listed_meaning(&units[i + 1].whole.clean()).is_some() {
            continue;
        }
        let value = &mut units[i + 1];
        value.kind = UnitKind::Field { label, known: true };
        value.complete();
    }
}

/// A line that is only a label of titles that names a title or a name
/// (`Project title`, `Name of project`, `Titre`), its label.
fn title_label(unit: &Unit) -> Option<String> {
    let (UnitKind::Text, [line]) = (&unit.kind, unit.whole.segments.as_slice()) else {
        return None;
    };
    let label = line.text.trim().trim_end_matches(':').trim_end();
    // A label is a few words: a headline is turned away unread.
    if label.len() > 40 {
        return None;
    }
    let key = label.to_lowercase();
    let names_title = ["tit", "name", "nom", "naam", "intitul"]
        .iter()
        .any(|word| key.contains(word));
    (names_title && labels::listed_meaning(label) == Some(Meaning::Title))
        .then(|| label.to_string())
}

/// Marks the units that go on a record's block of fields
/// ([`Unit::continues_fields`]), and unmarks those of a block read again
/// ([`read_with_neighbours`]), so that every cut of the listing marks the
/// same ones:
/// - a field the vocabulary does not list (`Role: Team leader`) right under
///   a field, without a blank line or printed as the fields are (a table's
///   rows, list items: a saved page sets its blocks apart), unless it
///   stands right over known fields of its own, as the next record's
///   headline may (`Africa Programme: Skills` / `Donor: …`), and these
///   give dates where the fields above it gave theirs;
/// - the value right under a label printed alone on its line (`Lieu` /
///   `Département de Podor`), in a block of such pairs or of fields: a
///   pair or a field stands right above it, or a label or a field right
///   under it. A label set apart by a blank
///   line may head a section (`Activities`); one alone in a block may be
///   a menu's item (`Funding` / `Contact`); labels one after another are
///   a table's header printed a cell a line.
fn blocks_of_fields(units: &mut [Unit]) {
    for i in 1..units.len() {
        let unit = &units[i];
        let above = &units[i - 1];
        let joined = |k: usize| units.get(k).is_some_and(|u| !u.after_blank);
        let continues = match unit.kind {
            UnitKind::Field { known: false, .. } => {
                let printed_alike = |a: &Unit, b: &Unit| {
                    printed_shape(a).is_some_and(|shape| printed_shape(b) == Some(shape))
                };
                let under_fields = match above.kind {
                    UnitKind::Field { known: true, .. } => true,
                    UnitKind::Field { known: false, .. } => above.continues_fields,
                    _ => false,
                };
                // The next record's headline heads fields of its own, with
                // their dates where the fields above had theirs; a label
                // over a date alone (`Date of financing decision: 17 June
                // 2021`) is one more fact, not a headline.
                let over_known_fields = units.get(i + 1).is_some_and(|next| {
                    matches!(next.kind, UnitKind::Field { known: true, .. }) && !next.after_blank
                }) && (dated_fields_below(units, i + 1)
                    || !dated_fields_above(units, i - 1))
                    && !unit.dates_its_label();
                (joined(i) || printed_alike(unit, above)) && under_fields && !over_known_fields
            }
            UnitKind::Field { .. } => false,
            _ => {
                let is_label = |k: usize| {
                    units.get(k).is_some_and(|u| match &u.kind {
                        UnitKind::LoneLabel(_) => true,
                        UnitKind::Text => date_label(u),
                        _ => false,
                    })
                };
                let is_field = |k: usize| {
                    units
                        .get(k)
                        .is_some_and(|u| matches!(u.kind, UnitKind::Field { .. }))
                };
                // Labels and values take turns: a run of labels is a
                // table's header printed a cell a line.
                let pair_above = || {
                    i >= 2
                        && joined(i - 1)
                        && (is_field(i - 2)
                            || (i >= 3 && joined(i - 2) && is_label(i - 3) && !is_label(i - 2)))
                };
                let fact_below = || joined(i + 1) && (is_label(i + 1) || is_field(i + 1));
                // A label of prose (`Description`, `Objective`) set apart
                // above its paragraph is over it (in a menu, it is an item
                // among others).
                let prose_label = above.after_blank
                    && matches!(
                        &above.kind,
                        UnitKind::LoneLabel(label) if labels::listed_meaning(label) == Some(Meaning::Prose)
                    );
                joined(i)
                    && matches!(above.kind, UnitKind::LoneLabel(_))
                    && !is_label(i)
                    && (pair_above() || fact_below() || prose_label)
            }
        };
        // Units held back for the next pieces are read again, with more
        // of the listing around them.
        let unit = &mut units[i];
        if continues {
            unit.continues_fields = true;
            unit.title_like = false;
        } else if unit.continues_fields {
            unit.continues_fields = false;
            unit.title_like = unit.compute_title_like(false);
        }
    }
}

/// A label alone on its line: one that labels what follows, or a line the
/// vocabulary lists (`Dates`, `Project title`), which may stand over its
/// value as well as head a line. (A block of fields asks for labels of
/// dates alone: a value may be a listed word, `No`.)
fn is_label_line(unit: &Unit) -> bool {
    match &unit.kind {
        UnitKind::LoneLabel(_) => true,
        UnitKind::Text => {
            unit.whole.segments.len() == 1
                && labels::listed_meaning(unit.whole.clean().trim_end_matches(':')).is_some()
        }
        _ => false,
    }
}

/// A line that only names what the date line under it holds (`Dates`,
/// `Period`, `Laufzeit`): a card's label over its value.
pub fn date_label(unit: &Unit) -> bool {
    lone_label_of_dates(unit) == Some(Meaning::Dates)
}

/// What a line of at most three words without a colon labels, if it is
/// a label of dates (`Dates`, `Start date`, `Fin`).
fn lone_label_of_dates(unit: &Unit) -> Option<Meaning> {
    if unit.kind != UnitKind::Text || !unit.has_at_most_words(3) {
        return None;
    }
    labels::listed_meaning(&unit.whole.clean())
        .filter(|m| matches!(m, Meaning::Dates | Meaning::Start | Meaning::End))
}

/// Where a record prints each label alone over its value (`Lieu` /
/// `Département de Podor` / `Financeurs` / `Ville de Dijon`), a short line
/// right under such a value, over a line of its own that ends the block
/// or stands over another label, is one more label, though the
/// vocabulary does not list it (`Thématiques` / `Agriculture, jeunesse`):
/// not a headline. A table's cells printed one a line (`Country` /
/// `Programme` / `Period` / `Tanzania` / `Growth corridors` / `2018-2022`)
/// go on with more values. The lines stand without a blank line between
/// them, so they are always in one piece.
fn unlisted_labels_over_values(units: &mut [Unit]) {
    for i in 2..units.len().saturating_sub(1) {
        let joined = |k: usize| !units[k].after_blank;
        let label_like = || {
            matches!(
                (&units[i].kind, units[i].whole.segments.as_slice()),
                (UnitKind::Text, [line]) if is_label_word_run(line.text.trim())
            )
        };
        let value_ends = || {
            units
                .get(i + 2)
                .is_none_or(|next| next.after_blank || is_label_line(next))
        };
        // The labels around first: most units stand under no label.
        if !(matches!(units[i - 2].kind, UnitKind::LoneLabel(_))
            && joined(i - 1)
            && joined(i)
            && joined(i + 1)
            && units[i - 1].kind == UnitKind::Text
            && units[i + 1].kind == UnitKind::Text
            && label_like()
            && value_ends())
        {
            continue;
        }
        let unit = &mut units[i];
        let label = unit.whole.clean().trim().to_string();
        unit.kind = UnitKind::LoneLabel(label);
        unit.content = unit.whole.clone();
        unit.complete();
    }
}

/// Cards that print each fact as a label over its value, one element a
/// line (`Sponsoring` / `UNDP` / `Location` / `Khost` / `Activity nature` /
/// `Wells for …`): three pairs or more in a row, two of their labels
/// listed, the labels marked as headings of one level over unmarked values
/// (a page's `<h5>` over its `<p>`).
/// Each pair is one field, as `Label: value` would be, whatever its label,
/// so that the listing's records read as records of fields. Units from
/// `from` on are read (those before are the piece's context).
pub fn labels_over_their_values(units: &mut Vec<Unit>, from: usize) {
    const FEWEST_PAIRS: usize = 3;
    const FEWEST_LISTED: usize = 2;
    let mut labels = Vec::new();
    let mut i = from;
    while i + 1 < units.len() {
        let (mut k, mut listed, mut level) = (i, 0, None);
        while let Some((is_listed, label_level)) = label_over_value(units, k) {
            if k > i && label_level != level {
                break;
            }
            level = label_level;
            listed += usize::from(is_listed);
            k += 2;
        }
        let pairs = (k - i) / 2;
        if pairs >= FEWEST_PAIRS && listed >= FEWEST_LISTED {
            labels.extend((i..k).step_by(2));
            i = k;
        } else {
            i += 1;
        }
    }
    if labels.is_empty() {
        return;
    }
    let mut folded = Vec::with_capacity(units.len() - labels.len());
    let mut next_label = labels.into_iter().peekable();
    let mut drained = std::mem::take(units).into_iter().enumerate();
    while let Some((k, mut unit)) = drained.next() {
        if next_label.next_if_eq(&k).is_none() {
            folded.push(unit);
            continue;
        }
        let Some((_, value)) = drained.next() else {
            folded.push(unit);
            break;
        };
        let label = label_text(&unit).to_string();
        let known = is_known_label(&label);
        unit.kind = UnitKind::Field { label, known };
        unit.heading_level = None;
        unit.whole.segments.extend(value.whole.segments);
        unit.content = value.content;
        unit.complete();
        folded.push(unit);
    }
    *units = folded;
}

/// A label's text: its line without a colon after it.
fn label_text(unit: &Unit) -> &str {
    unit.whole
        .segments
        .first()
        .map_or("", |line| line.text.trim().trim_end_matches(':').trim_end())
}

/// Whether unit `k` is a label marked as a heading over its value in unit
/// `k + 1`, and if so whether the vocabulary lists the label and the
/// heading level it is marked at.
fn label_over_value(units: &[Unit], k: usize) -> Option<(bool, Option<u8>)> {
    let (label, value) = (units.get(k)?, units.get(k + 1)?);
    // The page marks its labels as headings and its values not: in plain
    // text a short line over another is as often a headline over its
    // text, and the rules that read a label over its value there do.
    // Asked first: most units are no heading.
    let level = label.heading_level?;
    let ([_], [_]) = (
        label.whole.segments.as_slice(),
        value.whole.segments.as_slice(),
    ) else {
        return None;
    };
    let text = label_text(label);
    let label_like = match &label.kind {
        UnitKind::LoneLabel(_) => true,
        UnitKind::Text => text.starts_with(char::is_uppercase) && is_label_shaped(text),
        _ => false,
    };
    let value_like = matches!(value.kind, UnitKind::Text | UnitKind::Date { .. })
        && value.heading_level.is_none()
        && !is_label_line(value);
    (label_like && value_like).then(|| (labels::listed_meaning(text).is_some(), Some(level)))
}

/// One to three words of letters, the first capitalised, as a label is
/// printed without its colon (`Thématiques`, `Target group`).
fn is_label_word_run(text: &str) -> bool {
    let mut words = 0;
    for word in text.split_whitespace() {
        words += 1;
        if words > 3
            || !word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        {
            return false;
        }
    }
    words >= 1 && text.starts_with(char::is_uppercase)
}

/// Whether the last unit of a piece waits for the first of the next
/// ([`read_with_neighbours`]).
pub fn waits_for_the_next(unit: &Unit) -> bool {
    is_bare_label(unit)
        || is_bare_headline(unit)
        || is_status_line(unit)
        || matches!(unit.kind, UnitKind::Field { .. } | UnitKind::LoneLabel(_))
        || unlisted_field(unit).is_some()
}

/// How a field is printed where a page prints its fields alike: as a row
/// of two cells (`Client⇥World Bank`), as a list item (`• Client: World
/// Bank`) or as a numbered one (`3. Client: World Bank`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldShape {
    Row,
    Item,
    NumberedItem,
}

/// How a one-line unit is printed, if as a row of cells or a list item.
fn printed_shape(unit: &Unit) -> Option<FieldShape> {
    let [line] = unit.whole.segments.as_slice() else {
        return None;
    };
    if line.text.contains('\t') {
        Some(FieldShape::Row)
    } else {
        let text = line.text.trim_start();
        match bullet(text) {
            Some(_) => Some(FieldShape::Item),
            None => numbered(text).map(|_| FieldShape::NumberedItem),
        }
    }
}

/// Whether `text` is a data export's key: words in lower case joined by
/// hyphens or underscores (`activity-status`, `start_date`).
fn is_export_key(text: &str) -> bool {
    text.contains(['-', '_'])
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
}

/// Whether the fields from `from` down, up to a blank line, give dates.
fn dated_fields_below(units: &[Unit], from: usize) -> bool {
    for (k, unit) in units.iter().enumerate().skip(from) {
        if !matches!(unit.kind, UnitKind::Field { .. }) || (k > from && unit.after_blank) {
            return false;
        }
        if unit.is_date_field() || unit.is_duration_field() {
            return true;
        }
    }
    false
}

/// Whether the fields from `from` up, up to a blank line, give dates.
fn dated_fields_above(units: &[Unit], from: usize) -> bool {
    for unit in units.get(..=from).unwrap_or_default().iter().rev() {
        if !matches!(unit.kind, UnitKind::Field { .. }) {
            return false;
        }
        if unit.is_date_field() || unit.is_duration_field() {
            return true;
        }
        if unit.after_blank {
            return false;
        }
    }
    false
}

/// The shape of a field whose label the vocabulary lists, printed as a
/// key-facts table's row or a list item.
fn listed_field_shape(unit: &Unit) -> Option<FieldShape> {
    matches!(unit.kind, UnitKind::Field { known: true, .. })
        .then(|| printed_shape(unit))
        .flatten()
}

/// A field whose label the vocabulary does not list, printed as a row of
/// two cells whose first reads as a label (`Role⇥Team leader`: a few
/// words, no digits) or as a list item (`• Role: Team leader`): its shape,
/// label and where its value starts.
fn unlisted_field(unit: &Unit) -> Option<(FieldShape, String, usize)> {
    let [line] = unit.whole.segments.as_slice() else {
        return None;
    };
    let text = line.text.as_str();
    match unit.kind {
        UnitKind::Text => {
            let (label, value) = text.split_once('\t')?;
            let label = label.trim().trim_end_matches(':');
            let value_at = text.len() - value.trim_start().len();
            let is_row = !value.trim().is_empty()
                && !value.contains('\t')
                && label.starts_with(char::is_alphabetic)
                && label.split_whitespace().count() <= 3
                && !label.contains(|c: char| c.is_ascii_digit())
                && !is_known_label(value.trim().trim_end_matches(':'));
            is_row.then(|| (FieldShape::Row, label.to_string(), value_at))
        }
        UnitKind::Bullet | UnitKind::Numbered(_) => {
            let item_at = text.len() - text.trim_start().len();
            let item = &text[item_at..];
            let (shape, mark) = match unit.kind {
                UnitKind::Bullet => (FieldShape::Item, bullet(item)?),
                _ => (FieldShape::NumberedItem, numbered(item)?.1),
            };
            let content = item_at + mark;
            let (label, value, _) = field(&text[content..])?;
            Some((shape, label, content + value?))
        }
        _ => None,
    }
}

/// A field beside a record's fields printed alike — rows of a key-facts
/// table (`Client⇥World Bank`, `Period⇥2017–2019`), or list items (`•
/// Client: World Bank`) — is one more of them, though the vocabulary does
/// not list its label (`Role⇥Team leader`, `• Role: Team leader`): not a
/// record of a table, a list item or a headline.
fn fields_beside_listed_fields(units: &mut [Unit]) {
    // Down the units, then up: a run of such fields reads as fields from
    // the listed field at either end (`Commitment⇥€ 14,500,000` /
    // `Spend⇥€ 12,118,402` under `End Date⇥2024-06-30`).
    for i in (0..units.len()).chain((0..units.len()).rev()) {
        if matches!(units[i].kind, UnitKind::Field { .. }) {
            continue;
        }
        let Some((shape, label, value_at)) = unlisted_field(&units[i]) else {
            continue;
        };
        let alike = |k: usize| {
            listed_field_shape(&units[k]) == Some(shape)
                || (matches!(units[k].kind, UnitKind::Field { known: false, .. })
                    && printed_shape(&units[k]) == Some(shape))
        };
        let beside = (i > 0 && alike(i - 1)) || (i + 1 < units.len() && alike(i + 1));
        if !beside {
            continue;
        }
        let unit = &mut units[i];
        let Some(line) = unit.whole.segments.first().cloned() else {
            continue;
        };
        unit.kind = UnitKind::Field {
            label,
            known: false,
        };
        unit.content = Text::from_segment(sub_segment(&line, value_at, line.text.len()));
        unit.complete();
    }
}

/// A line of facts whose dates come after its first cells (`Kenya | 2019
/// – 2021`), right under a bare headline, is a date line: the cells before
/// the dates, and any text after them, are its `rest`. A status alone
/// (`Ongoing`) between a bare headline and the record's text is a
/// `Status` field.
fn facts_under_headlines(units: &mut [Unit]) {
    for i in 1..units.len() {
        // Over a record's own text; over a title, `Completed` heads a group.
        let over_text = units.get(i + 1).is_some_and(|next| match next.kind {
            UnitKind::Text => !next.is_title_like(),
            UnitKind::Field { known, .. } => known,
            _ => false,
        });
        if is_status_line(&units[i]) && over_text && is_bare_headline(&units[i - 1]) {
            let unit = &mut units[i];
            unit.kind = UnitKind::Field {
                label: "Status".into(),
                known: true,
            };
            unit.content = unit.whole.clone();
            unit.complete();
            continue;
        }
        let facts = match (&units[i].kind, units[i].whole.segments.as_slice()) {
            (UnitKind::Text, [line]) => facts_before_dates(&line.text).map(|f| (line.clone(), f)),
            _ => None,
        };
        let Some((line, (date_at, expr))) = facts else {
            continue;
        };
        if !is_bare_headline(&units[i - 1]) {
            continue;
        }
        let unit = &mut units[i];
        unit.content = Text::from_segment(sub_segment(&line, date_at, line.text.len()));
        unit.kind = facts_date_line(&line, date_at, expr);
        unit.complete();
    }
}

/// The words a byline opens with ([`Unit::is_byline`]), in the languages
/// listings are in.
const BYLINE_OPENERS: &[&str] = &[
    "by",
    "posted",
    "published",
    "updated",
    "last updated",
    "last modified",
    "written by",
    "par",
    "publié le",
    "mis à jour",
    "dernière mise à jour",
    "por",
    "publicado",
    "actualizado",
    "última actualización",
    "última atualização",
    "von",
    "veröffentlicht",
    "aktualisiert",
    "zuletzt aktualisiert",
    "pubblicato",
    "aggiornato",
    "ultimo aggiornamento",
];

/// Where a project stands, printed alone on a line under its title in the
/// place of its dates (`Ongoing`, `Completed`), in the languages listings
/// are in.
const STATUS_VALUES: &[&str] = &[
    "ongoing",
    "on-going",
    "active",
    "current",
    "completed",
    "complete",
    "closed",
    "finished",
    "ended",
    "suspended",
    "cancelled",
    "canceled",
    "planned",
    "proposed",
    "in preparation",
    "in progress",
    "in pipeline",
    "pipeline",
    "en cours",
    "en préparation",
    "prévu",
    "terminé",
    "terminée",
    "achevé",
    "achevée",
    "clôturé",
    "clôturée",
    "en curso",
    "en ejecución",
    "en preparación",
    "planificado",
    "en marcha",
    "finalizado",
    "finalizada",
    "terminado",
    "terminada",
    "completado",
    "completada",
    "cerrado",
    "concluido",
    "concluida",
    "em curso",
    "em andamento",
    "em preparação",
    "encerrado",
    "concluído",
    "concluída",
    "laufend",
    "abgeschlossen",
    "beendet",
    "in planung",
    "in vorbereitung",
    "geplant",
    "in corso",
    "in preparazione",
    "previsto",
    "concluso",
    "conclusa",
    "terminato",
    "completato",
    "completata",
];

/// A line that is a project's status alone ([`STATUS_VALUES`]), whatever
/// its case and a final full stop.
fn is_status_line(unit: &Unit) -> bool {
    let (UnitKind::Text, [line]) = (&unit.kind, unit.whole.segments.as_slice()) else {
        return false;
    };
    is_status_value(&line.text)
}

/// Whether `text` is one of [`STATUS_VALUES`] (`Ongoing`, `Terminado.`).
pub(crate) fn is_status_value(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    text.len() <= 16 && STATUS_VALUES.contains(&text.to_lowercase().as_str())
}

/// The text of `line` from `start` to `end` without the separators and
/// spaces around it: `, Manila` → `Manila`.
fn sub_segment(line: &Segment, start: usize, end: usize) -> Segment {
    let is_glue = |c: char| c.is_whitespace() || FACT_SEPARATORS.contains(&c);
    // A sentence after the dates is set off by a stop or a dash too.
    let leads = |c: char| is_glue(c) || matches!(c, '.' | '–' | '—');
    let piece = line.text.get(start..end).unwrap_or_default();
    let text = piece.trim_start_matches(leads).trim_end_matches(is_glue);
    let at = line.span.start + start + (piece.len() - piece.trim_start_matches(leads).len());
    Segment {
        text: text.to_string(),
        line: line.line,
        span: Span::new(at, at + text.len()),
        map: Default::default(),
    }
}

/// `line` without the marks of plain-text formats around its text: a
/// quoted e-mail's `>` (`> > 1. Title`), a Markdown heading's `#`s (`##
/// Title`), and Markdown's bold or italic marks around the whole line
/// (`**Title**`, `*2019 – 2021*`) or a label (`**Donor:** Sida`, whose
/// closing marks [`field`] passes over). The line's spans stay in the file.
/// The lines marked as headings the Markdown way (`## Title`: one to six
/// `#` and a space), and their levels.
fn marked_headings(lines: &[Line]) -> Vec<(usize, u8)> {
    lines
        .iter()
        .filter_map(|line| Some((line.number, heading_mark(line.text.trim_start())?)))
        .collect()
}

/// The level of the Markdown heading `text` opens on (`### Title` is 3):
/// one to six `#` and a space. The mark's bytes are the level and one.
fn heading_mark(text: &str) -> Option<u8> {
    if !text.starts_with('#') {
        return None;
    }
    let hashes = text.len() - text.trim_start_matches('#').len();
    let level = u8::try_from(hashes).ok().filter(|l| (1..=6).contains(l))?;
    text[hashes..].starts_with(' ').then_some(level)
}

fn without_markup<'a>(line: &Line<'a>) -> Line<'a> {
    let text = line.text;
    // A quoted e-mail: each level a `>` and the space after it; the
    // indentation after them is the line's own.
    let mut start = 0;
    while let Some(after) = text[start..].trim_start().strip_prefix('>') {
        start = text.len() - after.len();
        if after.starts_with(' ') {
            start += 1;
        }
    }
    let content = text.len() - text[start..].trim_start().len();
    let mut from = content;
    let mut end = text.trim_end().len().max(from);
    if let Some(level) = heading_mark(&text[from..end]) {
        from += usize::from(level) + 1;
        // Its closing hashes, after a space (`#### Wells ####`), are no
        // words of it.
        let closed = text[from..end].trim_end_matches('#');
        if closed.len() < end - from && closed.ends_with(' ') && !closed.trim().is_empty() {
            end = from + closed.trim_end().len();
        }
    }
    for mark in ["**", "__", "*", "_"] {
        let rest = &text[from..end];
        // `* Title` is a bullet: a mark of emphasis holds its text tight.
        let Some(inner) = rest
            .strip_prefix(mark)
            .filter(|inner| inner.len() > mark.len() && !inner.starts_with([' ', '*', '_']))
        else {
            continue;
        };
        if let Some(whole) = inner.strip_suffix(mark).filter(|w| !w.contains(mark)) {
            from += mark.len();
            end = from + whole.len();
        } else if inner
            .find(mark)
            .is_some_and(|at| inner[..at].ends_with(':'))
        {
            from += mark.len();
        }
        break;
    }
    // Where no mark was taken off the text, its indentation stays.
    let start = if from == content { start } else { from };
    if start == 0 && end == text.len() {
        return line.clone();
    }
    Line {
        number: line.number,
        text: &text[start..end],
        offset: line.offset + start,
    }
}

/// A line drawn across the text, which parts what is above it from what
/// is below as a blank line does: `---`, `* * *`, `=====`, a Markdown
/// table's rule under its header (`--- | :---: | ---`).
fn is_rule(text: &str) -> bool {
    // Most lines start with a letter: turned away at once.
    if !text.starts_with(['-', '=', '_', '*', '|']) {
        return false;
    }
    let strokes = text
        .chars()
        .filter(|c| matches!(c, '-' | '=' | '_' | '*'))
        .count();
    strokes >= 3
        && text
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '=' | '_' | '*' | '|' | ':' | '+'))
}

/// Groups lines into units. A blank line ends a unit; a numbered, bulleted,
/// date or field line starts one; a plain line under a text, numbered,
/// bulleted or field line continues it when it is plainly the rest of it
/// ([`wraps_onto`]), else starts a unit of its own.
pub fn units(lines: &[Line]) -> Vec<Unit> {
    // Not sized by the lines: most pieces have far fewer units than lines,
    // and the larger blocks stayed resident longer (BENCHMARKS.md).
    let mut units: Vec<Unit> = Vec::new();
    let mut open = false;
    let mut furniture = furniture_blocks(lines);
    furniture.extend(printed_twice(lines));
    let marks_between_fields = marks_between_fields(lines);
    let heading_lines = marked_headings(lines);
    let dates = LineDates::default();
    let year_led = year_led_items(lines, &dates);
    for line in lines
        .iter()
        .map(without_markup)
        .flat_map(|l| run_together_table(&l))
        .flat_map(|l| run_together_records(&l))
        .flat_map(|l| inline_bullets(&l))
        .flat_map(|l| inline_fields(&l))
        .flat_map(|l| match year_led.contains(&l.number) {
            true => year_before_headline(&l, &dates).unwrap_or_else(|| vec![l]),
            false => dates_beside_headline(&l, &dates),
        })
    {
        let line = &line;
        if marks_between_fields.contains(&line.number) {
            continue;
        }
        if line.is_blank() || is_rule(line.trimmed().0) || furniture.contains(&line.number) {
            open = false;
            continue;
        }
        let (kind, content_start) = classify(line, &dates);
        // `Donor:` / `Sweden`: a known label with its colon over its value
        // on the next line (a page's label and value cells, copied) is one
        // field. Pieces end at blank lines, so the two are in one piece.
        // `Start date` / `01 Jan 2022`: a label of one end of the dates,
        // colon or not, over a date line is that end's field.
        let value_of_label = open
            && (matches!(kind, UnitKind::Text | UnitKind::Date { .. })
                && units.last().is_some_and(awaits_its_value)
                || matches!(kind, UnitKind::Date { .. })
                    && units.last().is_some_and(labels_one_end));
        if value_of_label {
            if let Some(unit) = units.last_mut() {
                let label = match &unit.kind {
                    UnitKind::LoneLabel(label) => Some(label.clone()),
                    UnitKind::Text => Some(unit.whole.clean().trim().to_string()),
                    _ => None,
                };
                if let Some(label) = label {
                    unit.kind = UnitKind::Field { label, known: true };
                }
                let value = segment(line, 0);
                unit.whole.segments.push(value.clone());
                unit.content = Text::from_segment(value);
            }
            open = true;
            continue;
        }
        let continues = open
            && kind == UnitKind::Text
            && units.last().is_some_and(|u| {
                matches!(
                    u.kind,
                    UnitKind::Text
                        | UnitKind::Numbered(_)
                        | UnitKind::Bullet
                        | UnitKind::Field { .. }
                ) && wraps_onto(u, line)
            });
        // A page's button may print an arrow or a bullet before its words
        // (`↑ Back to top`, `• Read more`): read as a list item, still
        // furniture.
        let plain = matches!(
            kind,
            UnitKind::Text | UnitKind::Bullet | UnitKind::Field { known: false, .. }
        );
        if !continues && plain && is_page_furniture(line.trimmed().0) {
            open = false;
            continue;
        }
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
            let indent = line.indent() + subsection_depth(line.trimmed().0, &kind);
            let year_led_here = !matches!(kind, UnitKind::Date { .. })
                && year_led.contains(&line.number)
                && units
                    .last()
                    .is_some_and(|u| u.is_date() && u.last_line() == line.number);
            // Two columns deeper at least: a page's stray space before an
            // item is no nesting, nor is the next number of the list.
            let nested_under = units
                .last()
                .filter(|_| open && kind_is_item(&kind))
                .filter(|above| kind_is_item(&above.kind))
                .filter(|above| !numbers_on(&above.kind, &kind))
                .map(|above| {
                    above
                        .nested_under
                        .unwrap_or(u16::try_from(above.indent).unwrap_or(u16::MAX))
                })
                .filter(|&parent| indent > usize::from(parent) + 1);
            units.push(Unit {
                kind,
                content,
                whole: Text::from_segment(whole),
                indent,
                title_like: false,
                item_title_with_period: false,
                tag_line: false,
                continues_fields: false,
                heading_level: heading_lines
                    .iter()
                    .find(|(number, _)| *number == line.number)
                    .map(|&(_, level)| level),
                own_dates: None,
                cells: Vec::new(),
                after_blank: !open,
                under_a_field: open
                    && units
                        .last()
                        .is_some_and(|u| matches!(u.kind, UnitKind::Field { .. })),
                under_a_date_line: open && units.last().is_some_and(Unit::is_date),
                year_led: year_led_here,
                nested_under,
            });
        }
        open = true;
    }
    for unit in &mut units {
        unit.complete();
    }
    units
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_paragraph_about_one_record_opens_on_it() {
        for text in [
            "A project funded by Norway brings tanks to schools.",
            "The programme, financed by the EU, trains nurses.",
            "Le projet, financé par la Suisse, construit des puits.",
            "Das Projekt baut Brunnen.",
        ] {
            assert!(describes_one_record(text), "{text}");
        }
        for text in [
            "The programme funds three projects in the Sahel.",
            "We support projects in twelve countries.",
            "A projection of the costs follows.",
            "Project",
        ] {
            assert!(!describes_one_record(text), "{text}");
        }
    }

    #[test]
    fn a_name_in_quotes_is_found_in_the_marks_of_each_language() {
        for (text, name) in [
            (
                "for the project “Wells for the valley” in 2019",
                "“Wells for the valley”",
            ),
            (
                "för projektet ”Brunnar i dalen nu” och",
                "”Brunnar i dalen nu”",
            ),
            (
                "le projet « Puits pour la vallée » à",
                "« Puits pour la vallée »",
            ),
            (
                "das Projekt „Brunnen für das Tal“ in",
                "„Brunnen für das Tal“",
            ),
        ] {
            let (open, end) = quoted_span(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(&text[open..end], name);
        }
        assert_eq!(quoted_span("a ”short” one"), None);
    }

    use super::*;

    #[test]
    fn cells_run_together_part_where_a_capital_follows_a_small_letter_or_a_year() {
        let cells = |text: &str| -> Vec<String> {
            glued_cells(text)
                .into_iter()
                .map(|(start, end)| text[start..end].to_string())
                .collect()
        };
        assert_eq!(cells("JahrProjektRegion"), ["Jahr", "Projekt", "Region"]);
        assert_eq!(
            cells("2017Bau der SchuleMbale, Uganda"),
            ["2017", "Bau der Schule", "Mbale, Uganda"]
        );
        // An acronym, a name with a hyphen, a number inside the text.
        assert_eq!(
            cells("UNDP-Support for 2 Towns"),
            ["UNDP-Support for 2 Towns"]
        );
    }

    #[test]
    fn a_slice_scanned_once_gives_what_a_scan_gives_and_its_prefix_its_own() {
        let line = "March 2019 to June 2021, Ghana";
        let dates = LineDates::default();
        let whole = dates.scan(line);
        assert_eq!(whole, scan_date(line));
        assert_eq!(dates.scan(line), whole, "asked again");
        // The same start, a shorter slice: scanned on its own.
        let month = &line[..10];
        assert_eq!(dates.scan(month), scan_date(month));
        assert_ne!(dates.scan(month), whole);
    }

    #[test]
    fn the_first_colon_with_a_space_after_it_is_found() {
        assert_eq!(colon_and_space("Time 10:30: Donor: Sida"), Some(10));
        assert_eq!(colon_and_space("http://example.org"), None);
        assert_eq!(colon_and_space("Ends with a colon:"), None);
    }
    use crate::source::decode;

    /// The parts [`run_together_fields`] cuts `text` into.
    fn field_parts(text: &str) -> Vec<String> {
        run_together_fields(text)
            .into_iter()
            .map(|(from, end)| text[from..end].to_string())
            .collect()
    }

    fn units_of(text: &str) -> Vec<Unit> {
        let source = decode("t.txt", text.as_bytes()).unwrap();
        let mut units = units(&source.lines);
        read_with_neighbours(&mut units);
        units
    }

    #[test]
    fn a_field_beside_listed_fields_printed_alike_is_a_field() {
        let u = units_of(
            "Water Study\nClient\tWorld Bank\nRole\tTeam leader\n\n\
             Health Review\n• Donor: Sida\n• Role: Health economist\n\n\
             Notes\tLater\n\n• Next steps: a survey\n",
        );
        let fields: Vec<_> = u
            .iter()
            .filter_map(|u| match &u.kind {
                UnitKind::Field { label, known } => {
                    Some((label.clone(), *known, u.content.clean()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            fields,
            [
                ("Client".into(), true, "World Bank".into()),
                ("Role".into(), false, "Team leader".into()),
                ("Donor".into(), true, "Sida".into()),
                ("Role".into(), false, "Health economist".into()),
            ]
        );
        // A row or an item beside no listed field stays what it was.
        let kinds: Vec<_> = u[u.len() - 2..].iter().map(|u| u.kind.clone()).collect();
        assert_eq!(kinds, [UnitKind::Text, UnitKind::Bullet]);
    }

    #[test]
    fn values_under_labels_in_a_block_of_facts_go_on_the_block() {
        let continuing = |text: &str| -> Vec<String> {
            units_of(text)
                .iter()
                .filter(|u| u.continues_fields())
                .map(|u| u.whole.clean().into_owned())
                .collect()
        };
        assert_eq!(
            continuing("Water Study\nLocation\nPodor\nDates\n2019 > 2021\nFunders\nDijon\n"),
            ["Podor", "Dijon"]
        );
        assert_eq!(
            continuing("Water Study\nDonor: Sida\nRole: Team leader\nNotes: Later\n"),
            ["Role: Team leader", "Notes: Later"]
        );
        // A header printed a cell a line; a menu's items; a field set
        // apart by a blank line; a headline over fields of its own.
        assert!(continuing("Project\nDonor\nPeriod\nCountry\nWells\nSida\n").is_empty());
        assert!(continuing("Home\nAbout\nFunding\nContact\n\nNews\n").is_empty());
        assert!(continuing("Water Study\nDonor: Sida\n\nRole: Team leader\n").is_empty());
        assert!(
            continuing("Water Study\nDonor: Sida\nAfrica Programme: Skills\nDonor: EU\n")
                .is_empty()
        );
    }

    #[test]
    fn a_bare_label_over_a_date_line_is_a_headline() {
        let u = units_of("Aim\n\n3 May 2004 - 2 June 2006\n\nTeachers train nurses.\n");
        assert_eq!(u[0].kind, UnitKind::Text);
        assert_eq!(u[0].content.clean(), "Aim");
        assert!(u[0].is_title_like());
        assert!(matches!(u[1].kind, UnitKind::Date { .. }));
    }

    #[test]
    fn a_label_word_with_its_own_dates_is_a_headline() {
        let u = units_of("Budget (2004 - 2006)\n\nTeachers train nurses.\n");
        assert_eq!(u[0].kind, UnitKind::Text);
        let u = units_of("Budget (USD)\n\n1,000,000\n");
        assert_eq!(u[0].kind, UnitKind::LoneLabel("Budget (USD)".into()));
    }

    #[test]
    fn a_label_keeps_labelling_prose_and_with_its_colon_dates() {
        let u = units_of("Summary\n\nTeachers train nurses.\n");
        assert_eq!(u[0].kind, UnitKind::LoneLabel("Summary".into()));
        let u = units_of("Aim:\n\n3 May 2004 - 2 June 2006\n");
        assert_eq!(u[0].kind, UnitKind::LoneLabel("Aim".into()));
        let u = units_of("Aim\nTeachers train nurses.\n3 May 2004 - 2 June 2006\n");
        assert_eq!(u[0].kind, UnitKind::LoneLabel("Aim".into()));
    }

    #[test]
    fn numbered_line_keeps_number_and_content() {
        let u = units_of("  12. Asia: Decent work\n");
        assert_eq!(u[0].kind, UnitKind::Numbered(12));
        assert_eq!(u[0].content.clean(), "Asia: Decent work");
        assert_eq!(u[0].indent, 2);
    }

    #[test]
    fn a_number_in_brackets_or_parentheses_numbers_an_item() {
        for (line, place, content) in [
            (
                "[7] Aflatoxin control in Kenya",
                7,
                "Aflatoxin control in Kenya",
            ),
            ("(9) Rural roads in Laos", 9, "Rural roads in Laos"),
        ] {
            let u = units_of(line);
            assert_eq!(u[0].kind, UnitKind::Numbered(place), "{line}");
            assert_eq!(u[0].content.clean(), content);
        }
        for line in [
            "(2019) Rural roads",
            "[7]Aflatoxin",
            "(9] Roads",
            "[1234] Roads",
        ] {
            assert!(
                !matches!(units_of(line)[0].kind, UnitKind::Numbered(_)),
                "{line}"
            );
        }
    }

    #[test]
    fn an_item_that_ends_in_its_dates_is_whole() {
        // The indented line under it is a unit of its own...
        let u = units_of("* Wells for schools, 2019–2021\n  The fund digs wells.\n");
        assert_eq!(u.len(), 2);
        let u =
            units_of("1. Wells for schools (Harbour Fund, 2019-2021)\n   The fund digs wells.\n");
        assert_eq!(u.len(), 2);
        // ...while a title without dates still wraps onto it.
        let u = units_of("1. Wells for schools in the\n   Coastal Villages\n");
        assert_eq!(u.len(), 1);
        assert_eq!(
            u[0].content.clean(),
            "Wells for schools in the Coastal Villages"
        );
    }

    #[test]
    fn a_length_of_time_in_a_dates_field_is_a_duration() {
        let u = units_of("Duration: 36 months\n\nDurée : 3 ans (2019-2021)\n\nDuration: 2019-2021\n\nDonor: 36 months\n\nDuration: 36 monkeys\n");
        let durations: Vec<bool> = u.iter().map(Unit::is_duration_field).collect();
        assert_eq!(durations, [true, true, false, false, false]);
    }

    #[test]
    fn a_label_with_its_colon_over_its_value_is_one_field() {
        let u = units_of("Donor:\nHarbour Fund\nDuration:\n2019-2021\n");
        assert_eq!(u.len(), 2);
        assert_eq!(
            u[0].kind,
            UnitKind::Field {
                label: "Donor".into(),
                known: true
            }
        );
        assert_eq!(u[0].content.clean(), "Harbour Fund");
        assert!(u[1].is_date_field());
        // A blank line between, an unknown label, or no colon: apart.
        assert_eq!(units_of("Donor:\n\nHarbour Fund\n").len(), 2);
        assert_eq!(units_of("Favourite colour:\nGreen\n").len(), 2);
        assert_eq!(units_of("Budget\nSchools collect rain.\n").len(), 2);
    }

    #[test]
    fn a_label_counts_its_words_without_the_little_ones() {
        let (label, value, _) =
            field("Contribution maximale de la DGAM : 19 500 000 $").expect("a field");
        assert_eq!(label, "Contribution maximale de la DGAM");
        assert!(value.is_some());
        // Alone on its line, as long a label introduces what follows.
        assert_eq!(field("Titles of the funded projects:"), None);
        assert_eq!(field("The results of the first phase of work: good"), None);
    }

    #[test]
    fn a_known_label_in_lower_case_is_a_field() {
        let u = units_of(
            "donor: Harbour Fund\n\nduration: 2019-2021\n\nsee also: the annex\n\nin short: wells\n",
        );
        assert_eq!(
            u[0].kind,
            UnitKind::Field {
                label: "donor".into(),
                known: true
            }
        );
        assert!(u[1].is_date_field());
        assert_eq!(u[2].kind, UnitKind::Text);
        assert_eq!(u[3].kind, UnitKind::Text);
    }

    #[test]
    fn letters_and_roman_numerals_mark_list_items() {
        for (line, place) in [
            ("a. Wells for schools", 1),
            ("(b) Wells for schools", 2),
            ("c) Wells for schools", 3),
            ("iv. Wells for schools", 4),
            ("(xii) Wells for schools", 12),
            ("i) Wells for schools", 9),
            ("D) Wells for schools", 4),
            ("(B) Wells for schools", 2),
        ] {
            let u = units_of(&format!("{line}\n"));
            assert_eq!(u[0].kind, UnitKind::Numbered(place), "{line}");
            assert_eq!(u[0].content.clean(), "Wells for schools", "{line}");
        }
        // An initial, a word, a word with a full stop, a mark with nothing
        // after it: no list item.
        for line in [
            "A. Smith reports",
            "and. Wells",
            "etc. and more",
            "e.g. wells",
            "b.\n",
            "(ab Wells",
            "B)",
            "(C Wells",
        ] {
            let u = units_of(&format!("{line}\n"));
            assert!(!matches!(u[0].kind, UnitKind::Numbered(_)), "{line}");
        }
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
    fn fields_run_together_are_cut_before_their_longest_label() {
        assert_eq!(
            field_parts("Start Date: 2021-07-01        End Date: 2026-06-30"),
            ["Start Date: 2021-07-01", "End Date: 2026-06-30"]
        );
        // A value's last word is not part of the next label.
        assert_eq!(
            field_parts("Donor: Sida Duration: 2019-2021"),
            ["Donor: Sida", "Duration: 2019-2021"]
        );
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
    fn a_dash_label_is_before_the_first_spaced_dash_en_dash_first() {
        // Each kind of dash at its first spaced place; the en dash is tried
        // before the hyphen, whichever comes first in the line.
        assert_eq!(
            dash_label("Co-funded - by Japan – Donor – Norway"),
            None,
            "`Co-funded - by Japan` is no label"
        );
        assert_eq!(
            dash_label("Partner - NGO – Donor"),
            Some(("Partner".into(), "Partner - ".len()))
        );
        assert_eq!(
            dash_label("Donor – Norway - Oslo"),
            Some(("Donor".into(), "Donor – ".len()))
        );
        // Unspaced dashes, a dash at either end and a lone dash: none.
        for text in [
            "Donor–Norway",
            "Donor -Norway",
            "– Donor",
            "Donor –",
            "-",
            "",
        ] {
            assert_eq!(dash_label(text), None, "{text}");
        }
        assert_eq!(
            dash_label("Budget — EUR 2 million"),
            Some(("Budget".into(), "Budget — ".len()))
        );
        // Other characters that start with the en dash's first byte (a
        // thin space, a curly apostrophe) are no dashes.
        assert_eq!(dash_label("Donor\u{2009}– Norway"), None);
        assert_eq!(
            dash_label("Donor – Norway’s aid"),
            Some(("Donor".into(), "Donor – ".len()))
        );
    }

    #[test]
    fn a_dash_sets_a_cell_of_facts_apart_only_after_a_name() {
        let dates_at = |text: &str| facts_before_dates(text).map(|(at, _)| text[at..].to_string());
        assert_eq!(dates_at("Zambia — 2013").as_deref(), Some("2013"));
        assert_eq!(
            dates_at("Malawi – 2015, 2016").as_deref(),
            Some("2015, 2016")
        );
        assert_eq!(dates_at("Kenya and Uganda 2019 – 2021"), None);
        assert_eq!(dates_at("Phase 2 – 2019"), None);
    }

    #[test]
    fn a_number_beyond_the_years_projects_run_in_is_no_date_line() {
        let u = units_of("3423\n\n1591 – 1998\n\n2012 to 2017\n");
        assert_eq!(u[0].kind, UnitKind::Text);
        assert_eq!(u[1].kind, UnitKind::Text);
        assert!(u[2].is_date());
    }

    #[test]
    fn a_line_opening_on_its_dates_and_a_headline_is_two_lines() {
        let texts = |text: &str| -> Vec<(bool, String)> {
            units_of(text)
                .iter()
                .map(|u| (u.is_date(), u.whole.clean().into_owned()))
                .collect()
        };
        let cut = |dates: &str, headline: &str| {
            vec![(true, dates.to_string()), (false, headline.to_string())]
        };
        assert_eq!(
            texts("March 2018 – Present Review of a school feeding project\n"),
            cut("March 2018 – Present", "Review of a school feeding project")
        );
        assert_eq!(
            texts("2017: Baseline survey of youth employment\n"),
            cut("2017", "Baseline survey of youth employment")
        );
        assert_eq!(
            texts("2020–2023   Teacher training for host schools\n"),
            cut("2020–2023", "Teacher training for host schools")
        );
        assert_eq!(
            texts("2009 – Theatre against AIDS\n"),
            cut("2009", "Theatre against AIDS")
        );
        // A title that opens on a year, prose that runs on from its dates,
        // a date line's places and its summary stay one line.
        for whole in [
            "2030 Agenda for Sustainable Development in the Sahel",
            "2018–2021 saw the office grow in three regions",
            "2019 – 2021 Kenya and Uganda",
            "2018–2021. Funded by Norway in the Philippines.",
            "2018–2021 – Funded by Norway in the Philippines.",
            "2019 – Kenya, Uganda",
            "5 December 2023 – Webinar on mobile clinics",
            "May 2019 Review of the programme. It covered three districts of Malawi.",
        ] {
            assert_eq!(texts(&format!("{whole}\n")).len(), 1, "{whole}");
        }
    }

    #[test]
    fn a_headline_run_into_a_fact_of_its_record_is_cut_before_it() {
        assert_eq!(
            field_parts("Review of a school feeding project Client: World Food Programme"),
            [
                "Review of a school feeding project",
                "Client: World Food Programme"
            ]
        );
        assert_eq!(
            field_parts("2017 Baseline survey of youth employment. Donor: Swiss Confederation Duration: 2017"),
            [
                "2017 Baseline survey of youth employment.",
                "Donor: Swiss Confederation",
                "Duration: 2017"
            ]
        );
        // Sentences before the label, a label of the format, too few
        // words before it: the line stays whole.
        for whole in [
            "The office grew in two years. It opened a branch. Budget: USD 5,000",
            "Funded by Japan, the project works in Senegal. Budget: US$ 300,000.",
            "Review of a school feeding project Status: Ongoing",
            "Water Donor: Sida",
        ] {
            assert_eq!(field_parts(whole), [whole], "{whole}");
        }
    }

    #[test]
    fn date_line_with_trailing_place_or_field() {
        let u = units_of("1 June 2007 - 30 June 2009, Manila, Philippines\n");
        let rest_of = |unit: &Unit| match &unit.kind {
            UnitKind::Date { rest, .. } => rest.iter().map(|s| s.text.clone()).collect(),
            other => panic!("{other:?}"),
        };
        let rest: Vec<String> = rest_of(&u[0]);
        assert_eq!(rest, ["Manila, Philippines"]);
        let u = units_of(
            "In 2007, the project has been implementing its programme of many activities.\n",
        );
        assert_eq!(u[0].kind, UnitKind::Text);
    }

    #[test]
    fn a_line_of_facts_under_a_headline_is_its_date_line() {
        let rest_of = |unit: &Unit| match &unit.kind {
            UnitKind::Date { rest, .. } => rest.iter().map(|s| s.text.clone()).collect(),
            other => panic!("{other:?}"),
        };
        let text = "Water for schools\nKenya | 2019 – 2021\n\n\
                    Clinics\n\nUganda · Health · 2020 – 2023 · Sida\n\n\
                    Seeds\nMali • 2018\n";
        let u = units_of(text);
        let rest: Vec<String> = rest_of(&u[1]);
        assert_eq!(rest, ["Kenya"]);
        let rest: Vec<String> = rest_of(&u[3]);
        assert_eq!(rest, ["Uganda · Health", "Sida"]);
        let rest: Vec<String> = rest_of(&u[5]);
        assert_eq!(rest, ["Mali"]);
        // Each fact's span is its text in the file.
        for unit in [&u[1], &u[3], &u[5]] {
            if let UnitKind::Date { rest, .. } = &unit.kind {
                for fact in rest {
                    assert_eq!(&text[fact.span.start..fact.span.end], fact.text);
                }
            }
            let date = &unit.content.segments[0];
            assert!(date.text.starts_with("20"), "{date:?}");
            assert_eq!(&text[date.span.start..date.span.end], date.text);
        }
        // Under prose, or first, such a line is a headline with its dates;
        // long cells or a sentence before the mark are no facts.
        for text in [
            "Water for schools | 2019 – 2021\n",
            "Tanks were built.\n\nWater for schools | 2019 – 2021\n",
            "Water\nThe tanks of the five village schools | 2019 – 2021\n",
            "Water\nTanks were built. | 2019 – 2021\n",
            "Water\nKenya | 2019 – 2021 and more words after the dates go on here\n",
        ] {
            let u = units_of(text);
            assert!(
                u.iter().all(|u| !matches!(u.kind, UnitKind::Date { .. })),
                "{text}: {u:?}"
            );
        }
    }

    #[test]
    fn url_and_times_are_not_labels() {
        assert!(field("See http://example.org").is_none());
        assert!(field("Meeting at 12:30").is_none());
        assert!(field("The specific objectives of this long sentence are: many").is_none());
        assert!(field("Note:see the annex").is_none());
    }

    #[test]
    fn a_label_run_into_its_value_is_a_field() {
        for (text, label, value) in [
            ("Start Date:Mar 1, 2019", "Start Date", 11),
            ("Date posted:Apr 8, 2019", "Date posted", 12),
            (
                "Bailleurs de fonds :Fondation Soleil",
                "Bailleurs de fonds",
                20,
            ),
            ("donor:sweden", "donor", 6),
        ] {
            let (found, at, _) = field(text).expect(text);
            assert_eq!((found.as_str(), at), (label, Some(value)), "{text}");
        }
    }

    #[test]
    fn a_label_of_titles_or_dates_without_its_colon_is_a_field() {
        for (text, label, value) in [
            ("Project Title Wells for the valley", "Project Title", 14),
            ("Project name clinic on wheels", "Project name", 13),
            (
                "Start and End date July 2022 – Dec 2022",
                "Start and End date",
                19,
            ),
            ("Project duration 2019-2021", "Project duration", 17),
        ] {
            let (found, at, known) = field(text).expect(text);
            assert_eq!(
                (found.as_str(), at, known),
                (label, Some(value), true),
                "{text}"
            );
        }
        for text in [
            // A label of one word opens headlines.
            "Project Wells for the valley",
            "Year 2022-2023",
            // Dates labels hold a date and nothing more.
            "Project duration was cut to 2019",
            "Project period 2019-2021 saw the wells dug",
            // A header copied with spaces, a label run on, a row's cells.
            "Name of Project Year Country Recipient",
            "Name of the project and Funding organization",
            "Project Title\tLocation\tYear",
        ] {
            assert_eq!(field(text), None, "{text}");
        }
    }

    #[test]
    fn lone_year_is_recognised() {
        let u = units_of("2009\n");
        assert!(u[0].is_lone_year());
        let u = units_of("2007 - 2009\n");
        assert!(!u[0].is_lone_year());
    }

    #[test]
    fn a_line_whose_dates_a_clause_follows_is_prose() {
        let u = units_of(
            "A workshop trains young returnees as mechanics for two years (2014–2016), with tools from a local firm.\n\n\
             Repair workshop for returnees (2014–2016), Ghana\n\n\
             Repair workshop for returnees (2014–2016), 10 000 EUR.\n",
        );
        assert!(u[0].own_dates().is_some());
        assert!(!u[0].is_title_like());
        assert!(u[1].is_title_like());
        assert!(u[2].is_title_like());
    }

    #[test]
    fn a_number_alone_is_no_headline() {
        let u = units_of("34239\n\n0+\n\n1325 Women in Peace Talks\n");
        assert!(!u[0].is_title_like());
        assert!(!u[1].is_title_like());
        assert!(u[2].is_title_like());
    }

    #[test]
    fn a_line_of_three_short_tags_is_a_tag_line() {
        for tags in [
            "AMR · primary care · surveillance",
            "Water • Kenya • Youth",
            "air quality · child health · India · Bangladesh",
        ] {
            assert!(is_tag_line(tags), "{tags}");
        }
        for line in [
            "Chad · 2018 – 2021 · Sida",
            "Health · Malawi",
            "Clean water · for the schools of five districts in the north · Kenya",
            "Water and sanitation for schools",
            "Health ·  · Malawi",
        ] {
            assert!(!is_tag_line(line), "{line}");
        }
        let u = units_of("Health · Malawi · Youth\n\nProf. Jane Banda\n");
        assert!(u[0].is_tag_line() && !u[0].is_title_like());
        assert!(u[1].is_title_like());
    }

    #[test]
    fn a_markdown_heading_keeps_its_level() {
        let u = units_of("## Projects\n\n### Rain tanks\n\n####### Seven\n\n#hashtag\n\nPlain\n");
        let levels: Vec<Option<u8>> = u.iter().map(Unit::heading_level).collect();
        assert_eq!(levels, [Some(2), Some(3), None, None, None]);
        assert_eq!(u[1].content.clean(), "Rain tanks");
    }

    #[test]
    fn a_sentence_breaks_at_a_full_stop_before_a_capital_not_after_an_abbreviation() {
        assert!(has_sentence_break("Wells for the villages. The work began"));
        assert!(has_sentence_break("Wells for the villages.\u{a0}Then more"));
        for text in [
            "Wells for the villages",
            "Wells for the villages.",
            "Wells for the villages. then more",
            "A talk by Prof. Jane Mwangi",
            "Support to the U.S. Mission",
            "Phase II of St. Mary's clinic",
            "",
        ] {
            assert!(!has_sentence_break(text), "{text:?}");
        }
    }

    #[test]
    fn a_web_address_after_a_full_stop_starts_a_sentence() {
        assert!(has_sentence_break(
            "A fund for loans the groups vouch for. www.example.org/loans/"
        ));
        assert!(has_sentence_break(
            "Seed for the farmers. https://example.org"
        ));
        assert!(!has_sentence_break("See e.g. www.example.org"));
        let u = units_of(
            "Loans for the groups that the members vouch for. www.example.org
",
        );
        assert!(!u[0].is_title_like());
    }

    #[test]
    fn title_likeness() {
        let u = units_of("Prague Process\n\nThe specific objectives:\n\nThis is a sentence.\n\n• To enhance capacities;\n");
        assert!(u[0].is_title_like());
        assert!(!u[1].is_title_like());
        assert!(!u[2].is_title_like());
        assert!(!u[3].is_title_like());
    }

    proptest::proptest! {
        /// Words are counted as `split_whitespace` parts them, whatever
        /// the white space (vertical tab, no-break and wide spaces), in
        /// text of ASCII alone over several blocks too, and wherever the
        /// count stops.
        #[test]
        fn words_are_counted_as_split_whitespace_parts_them(
            text in "[ a-z.\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2009}\u{3000}é]{0,40}|([ a-z]{0,70}[\u{a0}é ]){0,4}|[ a-z.\t\n\r\u{b}\u{c}\u{1c}]{0,150}",
            limit in 0usize..60,
        ) {
            let expected = text.split_whitespace().count().min(limit);
            proptest::prop_assert_eq!(super::words_up_to(&text, limit), expected);
        }

        /// A headline's possible date starts are those its characters,
        /// read one by one with the two before each, give.
        #[test]
        fn date_starts_are_found_as_the_characters_give_them(
            text in "[ a-zA-Z0-9(),\t\u{a0}\u{3000}éÉßΣ–]{0,30}",
        ) {
            let (mut before, mut before_that) = (None, None);
            let expected: Vec<usize> = text
                .char_indices()
                .filter(|&(_, c)| {
                    let start = before.is_some_and(char::is_whitespace)
                        && (c.is_ascii_digit() || c.is_uppercase())
                        || c == '('
                        || c.is_ascii_digit() && before == Some('(') && before_that == Some(' ');
                    (before_that, before) = (before, Some(c));
                    start
                })
                .map(|(at, _)| at)
                .collect();
            let found: Vec<usize> = super::date_starts(&text).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
