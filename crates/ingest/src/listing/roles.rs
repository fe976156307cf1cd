//! Which unit is a title, a heading, a kicker, a table header or body
//! text: the layout rules.

use super::layout::{
    is_client_head, is_grant_item, is_headline_line, is_headline_over_short_line, is_linked_title,
    is_page_title_field, is_quoted_line, is_record_row, is_sentence_line, item_marker, label_head,
    mentions_the_listing, Layout, ListedRecords,
};
use super::paragraphs::{client_year, dash_named, named_paragraph};
use crate::dates::NumericOrder;
use crate::diagnostics::Diagnostic;
use crate::furniture::{is_back_matter_heading, is_document_heading, is_events_heading};
use crate::labels::{self, Column, Meaning};
use crate::record::{RawProject, Text};
use crate::units::{
    date_label, dates_opening_paragraph, quoted_name_before_credits, Unit, UnitKind,
    MAX_TITLE_CHARS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Body,
    Title,
    /// The date line right under a title.
    TitleDate,
    Heading,
    Kicker,
    PageTitle,
    TableHeader,
    /// A `Country:` with no value just above a title.
    StrayLabel,
    /// A record's cells before its title (rule Q): the numbered line that
    /// names the donor and amount above a quoted title.
    Lead,
    /// A sentence that ends with a colon right above a title (`We have
    /// four projects in Mozambique:`): it introduces the records under
    /// it, and ends the record above.
    LeadIn,
}

pub(super) struct Builder<'a> {
    pub(super) source: &'a str,
    pub(super) units: &'a [Unit],
    pub(super) roles: Vec<Role>,
    /// Column headers of a flattened table, if the listing is one.
    pub(super) columns: Vec<(Column, String)>,
    pub(super) header_lines: &'a [usize],
    pub(super) marked_indents: [Option<(usize, usize)>; 2],
    pub(super) dated_titles: bool,
    pub(super) title_fields: bool,
    /// The listing's own label of its titles (rule TL), lower case.
    pub(super) title_label: Option<String>,
    pub(super) subtitled_dates: bool,
    pub(super) opening_label: Option<String>,
    pub(super) head_lines: usize,
    pub(super) dated_lines: bool,
    pub(super) lead_in_line: Option<usize>,
    pub(super) listed_records: Option<ListedRecords>,
    pub(super) more_listed_records: Vec<ListedRecords>,
    pub(super) numeric_order: NumericOrder,
    pub(super) quoted_titles: bool,
    pub(super) numbered_lists: bool,
    pub(super) period_list_items: bool,
    pub(super) name_slash_titles: bool,
    pub(super) quoted_lines: bool,
    pub(super) sentence_lines: Option<(usize, usize)>,
    pub(super) headline_lines: Option<(usize, usize)>,
    pub(super) linked_titles: bool,
    pub(super) dash_named: bool,
    pub(super) headlines_over_short_lines: bool,
    pub(super) client_years: bool,
    pub(super) grant_items: bool,
    pub(super) client_heads: bool,
    pub(super) named_paragraphs: bool,
    pub(super) label_heads: bool,
    pub(super) rows: bool,
    pub(super) row_header: Option<(usize, Vec<(Column, String)>)>,
    pub(super) lead_label: Option<String>,
    pub(super) head_signature: Option<HeadSignature>,
    pub(super) usual_head_level: Option<u8>,
    pub(super) constant_head_lines: Vec<String>,
    pub(super) subheading_lines: Vec<String>,
    pub(super) dates_lead_heads: bool,
    pub(super) dates_lead_titles: bool,
    pub(super) dates_lead_apart: bool,
    pub(super) constant_date_heads: Vec<String>,
    /// A record of the usual shape was given out in an earlier window.
    pub(super) dominant_head_given: bool,
    /// Where rule 3's records of the usual shape start in this window.
    pub(super) dominant_heads: Vec<usize>,
    /// Rule 3's titles and where their heads start: a window that stops
    /// at such a title carries its whole head, so that the next window
    /// chooses the same headline in it.
    pub(super) head_starts: Vec<(usize, usize)>,
    /// Titles a unit above decides (rule 1b's undated titles, under a
    /// dated one; an item announcing its parts, under a sibling record;
    /// rule HR's headings, under the listing's name): a window is not cut
    /// at one, since the next would not hold the unit that decides it.
    pub(super) titles_decided_above: Vec<usize>,
    /// The window holds the file's first unit.
    pub(super) starts_file: bool,
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// Whether `unit` is a title field: labelled as one in the vocabulary, or
/// with the listing's own label of its titles (rule TL).
pub(super) fn is_labelled_title(unit: &Unit, title_label: Option<&str>) -> bool {
    unit.is_title_field()
        || title_label.is_some_and(|title_label| {
            matches!(&unit.kind, UnitKind::Field { label, known: false }
                if label.to_lowercase() == title_label)
        })
}

/// The most words of a table's header cell printed on a line of its own:
/// a label, spelt out with whose it is (`Fecha de inicio del proyecto`).
const HEADER_CELL_WORDS: usize = 6;

/// Whether the listing's table has a column of dates: its header names
/// one, or it has no header (its rows are told by their date cells). A
/// table without one, in a listing whose headlines carry their dates, is
/// a record's own (its sites, its activities), not the listing's records.
fn dated_columns(layout: &Layout) -> bool {
    layout.row_header.as_ref().is_none_or(|(_, columns)| {
        columns
            .iter()
            .any(|(c, _)| matches!(c, Column::StartDate | Column::EndDate | Column::Dates))
    })
}

impl<'a> Builder<'a> {
    pub(super) fn new(source: &'a str, units: &'a [Unit], layout: &'a Layout) -> Self {
        Builder {
            source,
            units,
            roles: vec![Role::Body; units.len()],
            columns: layout.columns.clone(),
            header_lines: &layout.header_lines,
            marked_indents: layout.marked_indents,
            dated_titles: layout.dated_titles,
            title_fields: layout.titles_labelled(),
            title_label: layout.title_label.clone(),
            subtitled_dates: layout.subtitled_dates,
            opening_label: layout.opening_label.clone(),
            head_lines: layout.head_lines,
            dated_lines: layout.dated_lines,
            lead_in_line: layout.lead_in_line,
            listed_records: layout.listed_records,
            more_listed_records: layout.more_listed_records.clone(),
            numeric_order: layout.numeric_order,
            quoted_titles: layout.quoted_titles,
            numbered_lists: layout.numbered_lists,
            period_list_items: layout.period_list_items,
            name_slash_titles: layout.name_slash_titles,
            quoted_lines: layout.quoted_lines,
            sentence_lines: layout.sentence_lines,
            headline_lines: layout.headline_lines,
            linked_titles: layout.linked_titles,
            dash_named: layout.dash_named,
            headlines_over_short_lines: layout.headlines_over_short_lines,
            client_years: layout.client_years,
            grant_items: layout.grant_items,
            client_heads: layout.client_heads,
            named_paragraphs: layout.named_paragraphs,
            label_heads: layout.label_heads,
            rows: layout.rows && (!layout.dated_lines || dated_columns(layout)),
            row_header: layout.row_header.clone(),
            lead_label: layout.lead_label.clone(),
            head_signature: layout.head_signature,
            usual_head_level: layout.usual_head_level,
            constant_head_lines: layout.constant_head_lines.clone(),
            subheading_lines: layout.subheading_lines.clone(),
            dates_lead_heads: layout.dates_lead_heads,
            dates_lead_titles: layout.dates_lead_titles,
            dates_lead_apart: layout.dates_lead_apart,
            constant_date_heads: layout.constant_date_heads.clone(),
            dominant_head_given: false,
            dominant_heads: Vec::new(),
            head_starts: Vec::new(),
            titles_decided_above: Vec::new(),
            starts_file: false,
            diagnostics: Vec::new(),
        }
    }

    /// Whether `unit` is one of rule LL's records.
    pub(super) fn is_sentence_record(&self, unit: &Unit) -> bool {
        self.sentence_lines.is_some_and(|(first, last)| {
            first <= unit.first_line() && unit.last_line() <= last && is_sentence_line(unit)
        })
    }

    pub(super) fn unit(&self, i: usize) -> Option<&Unit> {
        self.units.get(i)
    }

    pub(super) fn is_table_cell_text(unit: &Unit) -> bool {
        unit.whole.segments.len() == 1
            && match &unit.kind {
                UnitKind::Text | UnitKind::Date { .. } => true,
                // A header cell is a known label without a colon.
                UnitKind::LoneLabel(label) => {
                    !unit.whole.clean().ends_with(':') && !label.is_empty()
                }
                _ => false,
            }
    }

    pub(super) fn could_be_header_cell(unit: &Unit) -> bool {
        Self::is_table_cell_text(unit)
            && unit.has_at_most_words(HEADER_CELL_WORDS)
            && labels::column(&unit.whole.clean()).is_some()
    }

    /// `Project title` / `Start date` / `End date` / `Donor`, one per line:
    /// the first such run starting before `before`, and its columns.
    pub(super) fn table_header(&self, before: usize) -> Option<(usize, Vec<(Column, String)>)> {
        for start in 0..before {
            let run: Vec<(Column, String)> = self.units[start..]
                .iter()
                .take_while(|u| {
                    Self::is_table_cell_text(u) && u.has_at_most_words(HEADER_CELL_WORDS)
                })
                .map_while(|u| {
                    let text = u.whole.clean().into_owned();
                    labels::column(&text).map(|c| (c, text))
                })
                .collect();
            if run.len() >= 2 && run[0].0 == Column::Title {
                return Some((start, run));
            }
        }
        None
    }

    /// The header found by the first pass, wherever it is in this window.
    pub(super) fn mark_table_header(&mut self) {
        if self.header_lines.is_empty() {
            return;
        }
        for (role, unit) in self.roles.iter_mut().zip(self.units) {
            if self.header_lines.contains(&unit.first_line()) {
                *role = Role::TableHeader;
            }
        }
    }
    /// A lone year is a heading when a group of projects starts under it:
    /// a first numbered item, a title with its own date line, or the next
    /// item of a list whose items above it have no dates between them
    /// (`1. …` / `2. …` / `2020` / `3. …`): the year is none of theirs.
    pub(super) fn lone_year_is_heading(&self, i: usize) -> bool {
        let Some(next) = self.unit(i + 1) else {
            return false;
        };
        if !next.is_title_like() {
            return false;
        }
        let undated_items_above = match (
            i.checked_sub(1).and_then(|k| self.unit(k)),
            i.checked_sub(2).and_then(|k| self.unit(k)),
        ) {
            (Some(above), Some(before)) => {
                above.kind.same_marker(&before.kind) && next.kind.same_marker(&above.kind)
            }
            _ => false,
        };
        matches!(next.kind, UnitKind::Numbered(1))
            || undated_items_above
            || self
                .unit(i + 2)
                .is_some_and(|u| u.is_date() && !u.is_lone_year())
    }

    /// Rule 1: a title-like unit right above a date line (or a range's end
    /// alone: `Until 2023`, or a status in its place: `Ongoing`) or a
    /// dates field.
    /// A dates field with more fields under it is the first field of a
    /// card, which rule 3 reads whatever field comes first: cards that
    /// start with `Duration:` and cards that start with `Donor:` are one
    /// listing.
    pub(super) fn dated_title_at(&self, i: usize) -> bool {
        // A page's headline over its date of publication is not a record;
        // over a range of dates it is the page's one project.
        let range_under = self.unit(i + 1).is_some_and(|d| {
            matches!(&d.kind, UnitKind::Date { expr, .. } if expr.end.is_some() || expr.open_end)
        });
        let lone_dated_headline = self.starts_file && i == 0 && !self.dated_titles && !range_under;
        !self.title_fields
            && !lone_dated_headline
            && self.roles[i] == Role::Body
            && !self.units[i].is_lone_year()
            && self.unit(i + 1).is_some_and(|d| {
                (d.is_date() && !(d.is_lone_year() && self.lone_year_is_heading(i + 1)))
                    || d.is_worded_end()
                    || d.is_status_alone()
                    || ((d.is_date_field() || d.is_duration_field())
                        && !self.fields_go_on_past_the_dates(i + 2))
            })
            // A byline may be no headline (`Last updated: 20 May 2021`) and
            // still stand over the date line, under the headline.
            && (self.units[i].is_title_like()
                || self.units[i].is_byline()
                || (self.units[i].is_headline_with_stop()
                    && self.unit(i + 1).is_some_and(|d| !d.after_blank)))
            && !self.date_leads_the_head_below(i + 1)
            && !self.is_constant_date_head(i)
    }

    /// Whether unit `i` is printed the same over most of the listing's
    /// date lines ([`super::layout::Layout::constant_date_heads`]).
    fn is_constant_date_head(&self, i: usize) -> bool {
        !self.constant_date_heads.is_empty()
            && self
                .constant_date_heads
                .iter()
                .any(|line| *line == self.units[i].whole.clean())
    }

    /// Whether the fields under a record's first dates field, from unit
    /// `k`, go on past its dates: a field besides dates follows them, or a
    /// third dates field (`Start` / `Duration` / `End`), past which rule 1
    /// does not see, makes them a block of fields, a card's, which rule 3
    /// reads.
    fn fields_go_on_past_the_dates(&self, k: usize) -> bool {
        let after = self.past_date_fields(k);
        self.unit(after)
            .is_some_and(|u| is_field_besides_dates(u) || (after > k && u.is_dates_field()))
    }

    /// `k`, or the unit after it where `k` is another of a record's date
    /// fields (`Start: 09/2018` after `Duration: 48 months`): the field
    /// there says whether a block of fields is the record. One at most, as
    /// rule 1 looks three units ahead ([`super::layout::LOOKAHEAD_UNITS`]).
    fn past_date_fields(&self, k: usize) -> usize {
        let date_field = self.unit(k).is_some_and(Unit::is_dates_field);
        k + usize::from(date_field)
    }

    /// Whether the date line `d` is set apart by a blank line from the line
    /// above it and runs straight into a headline below it (`2019–2022` /
    /// `Water for schools`): it opens the record below, as the page prints
    /// it, and is no date of the headline above.
    fn date_leads_the_head_below(&self, d: usize) -> bool {
        let (Some(date), Some(below)) = (self.unit(d), self.unit(d + 1)) else {
            return false;
        };
        // The record's text follows its headline, or its facts indented
        // under it (`2019–2021   Title` / `            Nepal · USAID`).
        let text_follows = self.unit(d + 2).is_some_and(|u| {
            u.kind == UnitKind::Text && (!u.is_title_like() || u.indent > date.indent)
        });
        // Where the listing's blocks open on their dates, no text need
        // follow (`Jun 2024` / `Wells for schools`, a list of headlines);
        // under a label printed over every date (a blog's category), the
        // headline under the date is the post's, set apart or not.
        let under_label = d > 0 && self.is_constant_date_head(d - 1);
        // A headline printed on its dates' line (`Jan – Mar 2018 Review of
        // evaluation products.`) is theirs, its stop or not.
        let beside_its_dates = below.first_line() == date.last_line()
            && (below.is_title_like() || below.is_title_but_for_its_stop() || below.is_year_led());
        // Cut from one line that opens on the dates, the two lead the
        // record however close the line above stands (a list of `2004
        // Title` items).
        let opens_its_line = d == 0 || self.units[d - 1].last_line() < date.first_line();
        (date.after_blank || (beside_its_dates && opens_its_line))
            && (!below.after_blank || under_label || self.dates_lead_apart)
            && below.kind == UnitKind::Text
            && (below.is_title_like() || beside_its_dates)
            && below.own_dates().is_none()
            && (text_follows || self.dates_lead_titles || under_label || beside_its_dates)
    }

    /// Records numbered in sequence, each over its text, are records all:
    /// where `2.` and `3.` head theirs, so does `4.` after `3.` (a short
    /// text under it, cut off), and `1.` before `2.` (a title with a full
    /// stop, `1. Building Communities. Guatemala`). An item is completed
    /// from its neighbour at its indentation that another rule made a
    /// title, no title between them: the next number after a title, or the
    /// first before one. An item with items right under it at its
    /// indentation is a list's, left to the list rules.
    fn complete_numbered_records(&mut self) {
        const LONGEST_ITEM: usize = 200;
        let units = self.units;
        let number = |k: usize| match units[k].kind {
            UnitKind::Numbered(n) => Some(n),
            _ => None,
        };
        let items: Vec<usize> = (0..units.len()).filter(|&k| number(k).is_some()).collect();
        let completable = |k: usize| {
            let unit = &units[k];
            let next_is_item = units
                .get(k + 1)
                .is_some_and(|next| number(k + 1).is_some() && next.indent == unit.indent);
            unit.whole.segments.len() == 1
                && unit.whole.clean().chars().count() <= LONGEST_ITEM
                && !unit.whole.clean().ends_with(':')
                && !next_is_item
        };
        for pair in items.windows(2) {
            let [a, b] = [pair[0], pair[1]];
            let (Some(n), Some(m)) = (number(a), number(b)) else {
                continue;
            };
            // Records one after the other: no title between the two.
            let between = (a + 1..b).any(|k| self.roles[k] == Role::Title);
            if units[a].indent != units[b].indent || m != n + 1 || between {
                continue;
            }
            let [role_a, role_b] = [self.roles[a], self.roles[b]];
            if role_a == Role::Title && role_b == Role::Body && completable(b) {
                self.roles[b] = Role::Title;
            } else if n == 1 && role_b == Role::Title && role_a == Role::Body && completable(a) {
                self.roles[a] = Role::Title;
            }
        }
    }

    /// Where the listing's records open on their dates over their text
    /// ([`super::layout::Layout::dates_lead_apart`]), a date line with its
    /// record's fields under it opens the headline's record below them,
    /// though it runs on from the text above (`On 6 November the meeting
    /// …` / `30 October 2017` / `Donor: WB` / `Cinema to museum`).
    fn headline_under_leading_dates_and_fields(&self, d: usize) -> Option<usize> {
        if !self.dates_lead_apart || self.roles[d] != Role::Body || !self.units[d].is_date() {
            return None;
        }
        let h = super::layout::headline_under_fields(self.units, d)?;
        (self.roles[d + 1..h].iter().all(|r| *r == Role::Body)
            && matches!(self.roles[h], Role::Body | Role::Title))
        .then_some(h)
    }

    /// The title rules; `starts_file` says the window holds the file's
    /// first unit (never a title by rule 3). An item of a list nested in
    /// the item above it is a part of that item, whatever the rules found;
    /// and an item that announces its parts with a colon (`- Teaching
    /// aids:` / `    - 14 dictionaries`) is a record where the item before
    /// it at its level is one.
    pub(super) fn find_titles(&mut self, starts_file: bool) {
        self.find_titles_by_the_rules(starts_file);
        self.complete_numbered_records();
        // Rule CH: a client and its years over the work done for it; the
        // work is the title, whatever another rule made of the two.
        if self.client_heads {
            for i in 0..self.units.len().saturating_sub(1) {
                let free = |role: Role| matches!(role, Role::Body | Role::Title | Role::Heading);
                if free(self.roles[i])
                    && self.roles[i + 1] == Role::Body
                    && is_client_head(self.units, i)
                {
                    self.roles[i] = Role::Lead;
                    self.roles[i + 1] = Role::Title;
                }
            }
        }
        for i in 0..self.units.len() {
            if self.roles[i] == Role::Title && self.units[i].is_nested_item() {
                self.roles[i] = Role::Body;
            }
        }
        for i in 1..self.units.len().saturating_sub(1) {
            let unit = &self.units[i];
            let announces_parts = self.roles[i] == Role::Body
                && matches!(unit.kind, UnitKind::Bullet | UnitKind::Numbered(_))
                && !unit.is_nested_item()
                && unit.whole.clean().ends_with(':')
                && self.units[i + 1].is_nested_item();
            let sibling_is_a_record = self.units[..i]
                .iter()
                .zip(&self.roles)
                .rev()
                .find(|(u, _)| !u.is_nested_item())
                .is_some_and(|(u, role)| {
                    *role == Role::Title
                        && u.kind.same_marker(&unit.kind)
                        && u.indent == unit.indent
                });
            if announces_parts && sibling_is_a_record {
                self.roles[i] = Role::Title;
                self.titles_decided_above.push(i);
            }
        }
    }

    fn find_titles_by_the_rules(&mut self, starts_file: bool) {
        self.starts_file = starts_file;
        // Rule 0: where the listing labels its titles, the label says it.
        if self.title_fields {
            for (role, unit) in self.roles.iter_mut().zip(self.units) {
                if *role == Role::Body && is_labelled_title(unit, self.title_label.as_deref()) {
                    *role = Role::Title;
                }
            }
            self.mark_fields_before_titles();
            return;
        }
        // Rule R: a table whose rows are flattened to one line each.
        if self.rows {
            for i in 0..self.units.len() {
                let unit = &self.units[i];
                // A header printed again (after a page break) is the header.
                let header = self.row_header.as_ref().is_some_and(|(at, columns)| {
                    unit.span().start == *at
                        || (unit.cells().len() == columns.len()
                            && unit
                                .cells()
                                .iter()
                                .zip(columns)
                                .all(|(c, (_, h))| c.text == *h))
                });
                if header {
                    self.roles[i] = Role::TableHeader;
                } else if self.roles[i] == Role::Body
                    && is_record_row(unit, self.row_header.as_ref())
                {
                    self.roles[i] = Role::Title;
                }
            }
            return;
        }
        // Rule Q: numbered records whose title is the quoted cell.
        if self.quoted_titles {
            for record in self.numbered_records() {
                if let Some(title) = record.quoted {
                    for i in record.start..title {
                        self.roles[i] = Role::Lead;
                    }
                    self.roles[title] = Role::Title;
                }
            }
            return;
        }
        // Rule CY: references, each a client, its year and the work done.
        if self.client_years {
            self.mark_records_after_lead_in(|unit| client_year(unit).is_some());
            // A reference of the list that prints no year is one too.
            self.complete_lists_of_titles();
            return;
        }
        for i in 0..self.units.len() {
            if let Some(headline) = self.dated_headline(i) {
                self.roles[headline] = Role::Title;
                self.roles[i + 1] = Role::TitleDate;
            }
        }
        // Rule 1, dates first: a date line set apart above and run into the
        // headline below opens that headline's record.
        for d in 0..self.units.len().saturating_sub(1) {
            let leads = self.roles[d] == Role::Body
                && self.roles[d + 1] == Role::Body
                && self.units[d].is_date()
                && self.date_leads_the_head_below(d);
            if leads {
                self.roles[d] = Role::Lead;
                self.roles[d + 1] = Role::Title;
                // The label printed over every date (a blog's category)
                // opens the record with it.
                if d > 0 && self.roles[d - 1] == Role::Body && self.is_constant_date_head(d - 1) {
                    self.roles[d - 1] = Role::Lead;
                }
            } else if let Some(h) = self.headline_under_leading_dates_and_fields(d) {
                for role in &mut self.roles[d..h] {
                    *role = Role::Lead;
                }
                self.roles[h] = Role::Title;
            }
        }
        // Rule 2: numbered or bulleted titles without a date line, at the
        // indentation of those with one (anywhere in the listing).
        for (marker, indents) in [true, false].into_iter().zip(self.marked_indents) {
            let is_marked = |u: &Unit| {
                if marker {
                    matches!(u.kind, UnitKind::Numbered(_))
                } else {
                    u.kind == UnitKind::Bullet
                }
            };
            let Some((low, high)) = indents else {
                continue;
            };
            for i in 0..self.units.len() {
                let unit = &self.units[i];
                // A run of marked lines is a list inside a description
                // (objectives, activities); a project has text under it.
                let followed_by_list = self.unit(i + 1).is_some_and(&is_marked);
                // An item over the dates of the headline above it is one
                // of that record's facts (`## Title` / `• Client` / `•
                // 2019 – 2021`).
                let fact_of_headline_above = self.roles.get(i + 1) == Some(&Role::TitleDate);
                if self.roles[i] == Role::Body
                    && is_marked(unit)
                    && unit.is_title_like()
                    && !followed_by_list
                    && !fact_of_headline_above
                    && unit.indent + 1 >= low
                    && unit.indent <= high + 1
                {
                    self.roles[i] = Role::Title;
                }
            }
        }
        // Rule 1b reads listings of dated titles only: a page's headline
        // over its date (the file's first unit) is none.
        if self.dated_titles {
            self.find_undated_titles();
            return;
        }
        // Rule 2b: a listing of numbered or bulleted titles with nothing
        // under them (learnt from a list that a heading introduces): each
        // numbered or bulleted headline is a title.
        // Not where the listing's records are headlines over plain fields:
        // a list there is a record's (its results, its activities).
        let records_over_fields = self.head_signature.is_some_and(|signature| {
            signature.marker == HeadMarker::Plain && signature.body == HeadBody::Fields
        });
        if self.numbered_lists && !records_over_fields {
            for (role, unit) in self.roles.iter_mut().zip(self.units) {
                if *role == Role::Body
                    && matches!(unit.kind, UnitKind::Numbered(_) | UnitKind::Bullet)
                    && (unit.is_title_like()
                        || (self.period_list_items && unit.is_item_title_with_period()))
                {
                    *role = Role::Title;
                }
            }
            self.complete_lists_of_titles();
        }
        // Rule RL: the items of a list under a heading that names the
        // listing, or a sentence announcing it, however they read. The
        // sentence is none of them where a paragraph run together holds
        // it and its list on one line.
        let lists: Vec<ListedRecords> = self
            .listed_records
            .iter()
            .chain(&self.more_listed_records)
            .copied()
            .collect();
        for listed in lists {
            for i in 0..self.units.len() {
                let unit = &self.units[i];
                let part_of_an_item = listed
                    .marker
                    .is_some_and(|marker| item_marker(&unit.kind).is_some_and(|m| m != marker));
                if self.roles[i] == Role::Body
                    && listed.first_line <= unit.first_line()
                    && unit.last_line() <= listed.last_line
                    && !(unit.kind == UnitKind::Text && unit.whole.clean().ends_with(':'))
                    && !part_of_an_item
                {
                    self.roles[i] = Role::Title;
                }
            }
        }
        // Rule LK: cards whose headline is printed again as their link;
        // the other lines over prose are the page's.
        if self.linked_titles {
            for i in 0..self.units.len() {
                if self.roles[i] == Role::Body && is_linked_title(self.units, i) {
                    self.roles[i] = Role::Title;
                }
            }
            return;
        }
        // Rule LL: lines of one or two sentences under the lead-in.
        if self.sentence_lines.is_some() {
            for i in 0..self.units.len() {
                if self.roles[i] == Role::Body && self.is_sentence_record(&self.units[i]) {
                    self.roles[i] = Role::Title;
                }
            }
        }
        // Rule LT: headlines of one line under the lead-in.
        if let Some((first, last)) = self.headline_lines {
            for i in 0..self.units.len() {
                let unit = &self.units[i];
                let in_run = first <= unit.first_line() && unit.last_line() <= last;
                if self.roles[i] == Role::Body && in_run && is_headline_line(unit) {
                    self.roles[i] = Role::Title;
                }
            }
        }
        // Rule QL: lines of prose each naming its project in quotes.
        if self.quoted_lines {
            for i in 0..self.units.len() {
                if self.roles[i] == Role::Body && is_quoted_line(&self.units[i]) {
                    self.roles[i] = Role::Title;
                }
            }
        }
        // Rule LH: headlines printed as labels over prose (not the file's
        // first line, the page's own).
        if self.label_heads {
            for i in 0..self.units.len().saturating_sub(1) {
                let first_of_file = self.starts_file && i == 0;
                if self.roles[i] == Role::Body
                    && !first_of_file
                    && label_head(&self.units[i], &self.units[i + 1]).is_some()
                {
                    self.roles[i] = Role::Title;
                }
            }
        }
        // Rule P: paragraphs each opening on their project's name; the
        // headlines above them head groups.
        if self.named_paragraphs {
            self.mark_records_after_lead_in(|unit| named_paragraph(unit).is_some());
            return;
        }
        // Rule GA: list items each granting an amount.
        if self.grant_items {
            self.mark_records_after_lead_in(is_grant_item);
            return;
        }
        // Rule ND: paragraphs each opening on their project's name and a
        // dash; the headlines above them head groups.
        if self.dash_named {
            self.mark_records_after_lead_in(|unit| dash_named(unit).is_some());
            return;
        }
        // Rule HS: headlines each over one short line, their place.
        if self.headlines_over_short_lines {
            let units = self.units;
            for i in 0..units.len() {
                if self.roles[i] == Role::Body
                    && self.after_lead_in(i)
                    && is_headline_over_short_line(units, i)
                {
                    self.roles[i] = Role::Title;
                }
            }
            return;
        }
        self.mark_dated_lines();
        self.mark_heading_runs();
        // Rule 3: a listing of titles and fields or prose, without date
        // lines: the head of each record is the title.
        let mut dominant_seen = self.dominant_head_given;
        let heads = self.record_heads();
        for (k, &head) in heads.iter().enumerate() {
            let next_head = heads.get(k + 1).map_or(self.units.len(), |next| next.start);
            let signature = self.signature(&head);
            let is_dominant = Some(signature) == self.head_signature;
            let subheading = head.len() == 1
                && self
                    .subheading_lines
                    .iter()
                    .any(|line| *line == self.units[head.start].whole.clean());
            if subheading {
                continue;
            }
            // Before the first record of the listing's usual shape, a
            // headline over a paragraph is the page's introduction, unless
            // it labels itself a record (`Brunnenprojekt: …`).
            let introduction = !dominant_seen
                && !is_dominant
                && signature.body == HeadBody::Prose
                && self.head_signature.is_some()
                && !self.prose_runs_into_fields(head.body)
                && !self.units[head.start..head.body]
                    .iter()
                    .any(|unit| crate::units::labels_its_record(&unit.whole.clean()));
            dominant_seen |= is_dominant;
            if is_dominant {
                self.dominant_heads.push(head.start);
            }
            // A heading above the level of the listing's usual headlines
            // over a paragraph heads a section (`<h2>Current projects` /
            // its introduction / `<h3>` records), or is the page's title
            // (`<h1>`): no record either way.
            let above_the_records = self.units[head.body - 1]
                .heading_level()
                .zip(self.usual_head_level)
                .filter(|(level, usual)| level < usual && signature.body == HeadBody::Prose);
            if let Some((level, _)) = above_the_records {
                if level > 1 {
                    self.roles[head.body - 1] = Role::Heading;
                }
                continue;
            }
            // Where the listing marks its headlines as headings, a head
            // with no heading as deep is the page's (`Search criteria: …`
            // under the page's title, a button over the page's date).
            let unmarked = self.usual_head_level.is_some_and(|usual| {
                (head.start..head.body).all(|i| {
                    self.units[i]
                        .heading_level()
                        .is_none_or(|level| level < usual)
                })
            });
            // A head marked only deeper than the usual headlines, over a
            // paragraph, is a subheading of the record above (`### Cooperatives
            // supported` under `## Women's Empowerment Project 2013-2016`).
            let subheading = signature.body == HeadBody::Prose
                && self.usual_head_level.is_some_and(|usual| {
                    (head.start..head.body).all(|i| {
                        self.units[i]
                            .heading_level()
                            .is_none_or(|level| level > usual)
                    }) && (head.start..head.body).any(|i| self.units[i].heading_level().is_some())
                });
            // The last of a list's bullets over fields is that list's item,
            // a record's (`Interventions:` / `• Outreach` / `• Condoms` /
            // `Funder: …`), unless the listing's records are bullets.
            let ends_a_list = signature.marker == HeadMarker::Bullet
                && self
                    .head_signature
                    .is_none_or(|usual| usual.marker != HeadMarker::Bullet)
                && head.body >= 2
                && self.units[head.body - 2].kind == UnitKind::Bullet;
            if unmarked || subheading || ends_a_list {
                continue;
            }
            // Where the records are a list's items with nothing under
            // them (rule 2b), a headline over a paragraph that names
            // projects is the page's (`History of the projects` / its
            // story).
            let about_the_projects = || {
                self.numbered_lists
                    && signature.body == HeadBody::Prose
                    && (head.start..head.body).any(|k| names_projects(&self.units[k].whole.clean()))
            };
            // Where the records are a list its heading names (rule RL), a
            // headline over a paragraph above the list is the page's
            // (`Research focus` / what the publisher does).
            let above_the_listed_records = || {
                signature.body == HeadBody::Prose
                    && self.listed_records.is_some_and(|listed| {
                        self.units[head.start].first_line() < listed.first_line
                    })
            };
            // A head over the label of a record's name (`Nom du projet :`
            // over the name) stands over the record that label opens: the
            // page's heading, or the record above's last line.
            let over_a_name_label = matches!(
                &self.units[head.body].kind,
                UnitKind::LoneLabel(label) if labels::meaning(label) == Some(Meaning::Title)
            );
            if introduction
                || about_the_projects()
                || above_the_listed_records()
                || over_a_name_label
            {
                continue;
            }
            // A numbered line in a head is its headline; under a numbered
            // section's heading (`3. Projects` / `3.1 Title`), the last.
            let numbered = (head.start..head.body)
                .rev()
                .find(|&i| matches!(self.units[i].kind, UnitKind::Numbered(_)));
            // A file that opens on a head of the listing's own shape, a line
            // over the fields every record has, opens on its first record:
            // a page's title is followed by prose or by a record's head.
            // So does one whose text goes on to the record's dates
            // (`Duration: …` under its description) or opens on them
            // (`November 2007 - The council …`): a page's introduction
            // carries none. So does one whose head names one record
            // (`Next Generation Project`): a page's title names a listing;
            // and one whose text describes one record (`A project funded
            // by …`): a page's introduction speaks of its publisher or of
            // its projects.
            let opens_on_record = is_dominant && signature.body == HeadBody::Fields
                || self.prose_runs_into_fields(head.body)
                || self.units[head.body..next_head]
                    .iter()
                    .any(Unit::is_dates_field)
                || self.units.get(head.body).is_some_and(|text| {
                    text.kind == UnitKind::Text
                        && dates_opening_paragraph(&text.whole.clean()).is_some()
                })
                || self.units[head.start..head.body]
                    .iter()
                    .any(|unit| crate::units::names_one_record(&unit.content.clean()))
                || self.units.get(head.body).is_some_and(|text| {
                    text.kind == UnitKind::Text
                        && crate::units::describes_one_record(&text.whole.clean())
                });
            let page_title_first = starts_file && !opens_on_record;
            let Some(title) = numbered.or_else(|| head.title(self.head_lines, page_title_first))
            else {
                continue;
            };
            let title = self.headline_in_head(title, head.body);
            let title = match numbered {
                Some(_) => title,
                None => self.marked_heading_in_head(head, title),
            };
            self.roles[title] = Role::Title;
            self.head_starts.push((title, head.start));
            if self.dates_lead_heads {
                // The date line above the head and the head's lines above
                // its headline open the record.
                let dated = head
                    .start
                    .checked_sub(1)
                    .filter(|&k| self.roles[k] == Role::Body && self.units[k].is_date());
                if let Some(date) = dated {
                    for role in &mut self.roles[date..title] {
                        *role = Role::Lead;
                    }
                }
            }
        }
    }

    /// A record whose dates are one field of a block of two or more fields
    /// over them (`Echo of Kindness` / `Initiative: IQan` / `Place:
    /// Ochamchira` / `Period: 2018 – 2019`), whatever their labels: the
    /// headline is the line of text over the block, a blank line between,
    /// not a field the vocabulary does not list.
    fn headline_over_fields(&self, i: usize) -> Option<usize> {
        let is_field = |k: usize| matches!(self.units[k].kind, UnitKind::Field { .. });
        let dates = self.unit(i + 1)?;
        if !matches!(dates.kind, UnitKind::Field { .. }) || dates.after_blank {
            return None;
        }
        let mut first = i;
        while is_field(first) && !self.units[first].after_blank && first > 0 && is_field(first - 1)
        {
            first -= 1;
        }
        // The block stands apart from its headline, as a card prints it.
        if first == i || !is_field(first) || !self.units[first].after_blank {
            return None;
        }
        let above = first.checked_sub(1)?;
        let headline = &self.units[above];
        (self.roles[above] == Role::Body
            && headline.kind == UnitKind::Text
            && headline.heading_level().is_none_or(|level| level > 1)
            && headline.is_title_like())
        .then_some(above)
    }

    /// Whether unit `k` is the file's first, where a page prints its title.
    fn is_files_first(&self, k: usize) -> bool {
        self.starts_file && k == 0
    }

    /// Rule 1's title where the line `i` stands right above a date line:
    /// `i` itself, or the headline above it ([`Self::headline_above`]).
    pub(super) fn dated_headline(&self, i: usize) -> Option<usize> {
        if !self.dated_title_at(i) {
            return None;
        }
        let headline = self.headline_above(i);
        let unit = &self.units[headline];
        (unit.is_title_like() || unit.is_headline_with_stop() || marked_with_stop(unit))
            .then(|| self.title_cell_of_the_row(i + 1).unwrap_or(headline))
    }

    /// In a table printed one cell a line under its header (`Title of the
    /// project` / `Donor` / `Start date` / …), the title's cell of the row
    /// whose dates start at unit `date`: as many cells above it as the
    /// header has columns between the two. The cell right above the dates
    /// is another column's (`Lakeside Fund`).
    fn title_cell_of_the_row(&self, date: usize) -> Option<usize> {
        let (first, _) = self.columns.first()?;
        let dates_column = self.columns.iter().position(|(column, _)| {
            matches!(column, Column::StartDate | Column::Dates | Column::EndDate)
        })?;
        if *first != Column::Title || dates_column < 2 {
            return None;
        }
        let title = date.checked_sub(dates_column)?;
        let one_cell_each = self.units[title..date].iter().all(|unit| {
            unit.whole.segments.len() == 1
                && (Self::is_table_cell_text(unit)
                    || matches!(unit.kind, UnitKind::Numbered(_) | UnitKind::Bullet))
        });
        let title_like = self.units[title].is_title_like();
        (one_cell_each && title_like && self.roles[title] == Role::Body).then_some(title)
    }

    /// Rule 1's headline, from the line `i` right above the date line up:
    /// a byline (`By Maria Lopez`, `Posted on 3 March 2021`) or a short tag
    /// (`Malawi`, `Phase II`) printed between a longer headline and the
    /// dates is not the title; the line above it, with no blank line
    /// between, is.
    fn headline_above(&self, i: usize) -> usize {
        if let Some(headline) = self.headline_over_fields(i) {
            return headline;
        }
        // A headline over its subtitle, where the listing prints them so
        // ([`Layout::subtitled_dates`]): the subtitle is the record's text.
        let headline_like = |k: usize| self.units[k].is_title_like() && !self.units[k].is_date();
        if self.subtitled_dates
            && i >= 1
            && headline_like(i - 1)
            && self.units[i - 1].after_blank
            && self.roles[i - 1] == Role::Body
            && (i < 2 || !headline_like(i - 2) || self.is_files_first(i - 2))
        {
            return i - 1;
        }
        const LONGEST_TAG: usize = 3;
        let words = |k: usize| self.units[k].whole.clean().split_whitespace().count();
        let content_words = |k: usize| self.units[k].content.clean().split_whitespace().count();
        let mut title = i;
        while title > 0 && i - title < 3 {
            let above = title - 1;
            let current = &self.units[title];
            let headline_above =
                self.units[above].is_title_like() || marked_with_stop(&self.units[above]);
            if self.roles[above] != Role::Body || !headline_above {
                break;
            }
            // A byline or the dates' own label is never a title: the
            // headline over it is, a blank line between or not (a page's
            // blocks each have one).
            // Nor is a field named by a label of two words or more
            // (`Collaborating organisations: …`) over the record's fields
            // of dates: one more field, the vocabulary's or not.
            let unlisted_field_over_fields = title == i
                && matches!(&current.kind, UnitKind::Field { label, known: false }
                    if label.split_whitespace().nth(1).is_some())
                && self
                    .unit(i + 1)
                    .is_some_and(|d| matches!(d.kind, UnitKind::Field { known: true, .. }))
                && !matches!(self.units[above].kind, UnitKind::Field { .. });
            let never_a_title = current.is_byline()
                || (title == i && date_label(current))
                || unlisted_field_over_fields;
            // A list item whose next item is the date (`• Zambia` / `• 2020
            // – 2023` under a card's heading) is one of the facts the
            // headline over the list owns, blank line or not.
            let fact_item = title == i
                && current.kind == UnitKind::Bullet
                && !matches!(
                    self.units[above].kind,
                    UnitKind::Bullet | UnitKind::Numbered(_)
                )
                && self
                    .unit(i + 1)
                    .is_some_and(|d| d.is_bulleted() && d.indent == current.indent);
            // Across a blank line, not up to the page's own title.
            let page_title = self.is_files_first(above);
            if current.after_blank && !fact_item && (!never_a_title || page_title) {
                break;
            }
            // Over a list of facts, a heading the page marks as one
            // (`<h2>`) is the headline, however long the facts' byline.
            let set_apart = never_a_title
                || (fact_item
                    && (content_words(above) > content_words(title)
                        || self.units[above].heading_level().is_some()))
                || (current.has_at_most_words(LONGEST_TAG) && words(above) > words(title));
            if !set_apart {
                break;
            }
            title = above;
        }
        // Bylines all the way up: no headline to take instead.
        if title != i && self.units[title].is_byline() {
            return i;
        }
        // A card that prints each fact as a label over its value (`Lieu` /
        // `Département de Podor` / `Dates` / `2019 > 2021`): the headline
        // stands over its facts.
        let mut above_facts = title;
        if date_label(&self.units[above_facts])
            && above_facts > 0
            && self.units[above_facts - 1].continues_fields()
        {
            above_facts -= 1;
        }
        while above_facts >= 2
            && self.units[above_facts].continues_fields()
            && matches!(self.units[above_facts - 1].kind, UnitKind::LoneLabel(_))
            && !self.units[above_facts - 1].after_blank
            && self.roles[above_facts - 2] == Role::Body
        {
            above_facts -= 2;
        }
        if above_facts != title && self.units[above_facts].is_title_like() {
            return above_facts;
        }
        self.marked_heading_above(title).unwrap_or(title)
    }

    /// A card's marked heading (a saved page's `<h3>`, Markdown's `###`) a
    /// few short lines above the line over the dates, those lines not
    /// marked: its tags, its countries (`Belgium / Morocco / Tunisia`), a
    /// byline. The heading is the title; the lines are its facts.
    fn marked_heading_above(&self, line: usize) -> Option<usize> {
        const MOST_FACT_LINES: usize = 3;
        const LONGEST_FACT_LINE: usize = 12;
        // Most units over a date line are a headline, and most units above
        // a title the record above's prose: turned away by their stop, or
        // their marks, before their words are counted.
        let is_line_of_text = |unit: &Unit| {
            unit.kind == UnitKind::Text
                && unit.heading_level().is_none()
                && unit.whole.segments.first().is_some_and(|line| {
                    let text = line.text.trim_end();
                    !text.ends_with('.') && !text.contains("://")
                })
                && unit.whole.segments.len() == 1
        };
        let is_fact_line =
            |unit: &Unit| is_line_of_text(unit) && unit.has_at_most_words(LONGEST_FACT_LINE);
        // The line over the dates may be long (its countries, a snippet).
        if !is_line_of_text(&self.units[line]) {
            return None;
        }
        let mut k = line;
        for _ in 0..MOST_FACT_LINES {
            k = k.checked_sub(1)?;
            let unit = &self.units[k];
            if !matches!(self.roles[k], Role::Body | Role::Heading | Role::Kicker) {
                return None;
            }
            if unit.heading_level().is_some_and(|level| level > 1) {
                let headline = matches!(
                    unit.kind,
                    UnitKind::Text | UnitKind::Field { known: false, .. }
                ) && unit.is_title_like()
                    && !names_a_group(&unit.whole.clean());
                return headline.then_some(k);
            }
            if !is_fact_line(unit) {
                return None;
            }
        }
        None
    }

    /// Rule 1b: among titles over date lines, a headline with no date line
    /// between one record's prose and its own prose, shaped as the title of
    /// the record it would end (its indentation, its capitals, at least
    /// half its words and three, a blank line under it where that title
    /// has one): a project whose page gives no dates. A description's
    /// subheading is shorter (`Results`), or in lower case where the titles
    /// are capitalised (`Results of the first phase`). Only the units
    /// around it decide, so every window decides alike.
    fn find_undated_titles(&mut self) {
        let text = |i: usize| self.units[i].whole.clean();
        let words = |i: usize| text(i).split_whitespace().count();
        let is_prose = |j: usize| {
            self.units[j].kind == UnitKind::Text
                && !self.units[j].is_title_like()
                && self.roles[j] == Role::Body
        };
        // Only a dated title's record may hold an undated one; its date
        // line may stand a byline below it.
        let mut title_above = None;
        let mut dated_title = None;
        let mut undated_titles = Vec::new();
        for i in 0..self.units.len().saturating_sub(1) {
            match self.roles[i] {
                Role::Title => (title_above, dated_title) = (Some(i), None),
                Role::TitleDate => dated_title = title_above,
                _ => {}
            }
            if i == 0 || self.roles[i] != Role::Body {
                continue;
            }
            let Some(title) = dated_title else {
                continue;
            };
            let unit = &self.units[i];
            let undated = unit.kind == UnitKind::Text
                && unit.whole.segments.len() == 1
                && unit.is_title_like()
                && unit.own_dates().is_none()
                && unit.indent == self.units[title].indent
                && is_prose(i - 1)
                && (is_prose(i + 1) || self.says_when(i + 1) || self.units[i + 1].is_byline())
                && self.units[i + 1].after_blank == self.units[title + 1].after_blank
                && words(i) >= 3
                && words(i) * 2 >= words(title)
                && (!is_title_case(&text(title)) || is_title_case(&text(i)));
            if undated {
                // The records after it are measured by the same title.
                undated_titles.push(i);
            }
        }
        for &i in &undated_titles {
            self.roles[i] = Role::Title;
        }
        self.titles_decided_above.extend(undated_titles);
    }

    /// Whether the body unit `i` is a line about when a project runs that
    /// no date rule reads (`Launched in 2018`, `Expected end: 2025`): a
    /// field, or a short line that names a year.
    fn says_when(&self, i: usize) -> bool {
        let unit = &self.units[i];
        let names_a_year = || {
            unit.whole
                .clean()
                .split(|c: char| !c.is_ascii_digit())
                .any(|digits| {
                    digits.len() == 4
                        && digits
                            .parse::<u32>()
                            .is_ok_and(|y| (1950..=2100).contains(&y))
                })
        };
        self.roles[i] == Role::Body
            && unit.whole.segments.len() == 1
            && (matches!(unit.kind, UnitKind::Field { .. })
                || (unit.kind == UnitKind::Text && unit.has_at_most_words(8) && names_a_year()))
    }

    /// Whether the prose at `body` runs on, with no blank line, into the
    /// known fields of its record (`Wells for schools` / `Builds wells.` /
    /// `Donor: …`): a card that opens with a line of description, not a
    /// page's introduction.
    fn prose_runs_into_fields(&self, body: usize) -> bool {
        let (Some(prose), Some(next)) = (self.unit(body), self.unit(body + 1)) else {
            return false;
        };
        next.first_line() == prose.last_line() + 1
            && matches!(next.kind, UnitKind::Field { known: true, .. })
    }

    /// Where a listing marks its headings (a saved page's, Markdown's), the
    /// head's deepest heading, the nearest the body of those as deep, is
    /// its headline (`<h2>` section / tags / `<h3>` title); else `title`.
    /// Not a first-level heading: that is the page's title, over records
    /// whose headlines may be no headings (`<dt>`, a list item's text).
    fn marked_heading_in_head(&self, head: RecordHead, title: usize) -> usize {
        let mut deepest: Option<(u8, usize)> = None;
        for i in head.start..head.body {
            let Some(level) = self.units[i].heading_level().filter(|&l| l > 1) else {
                continue;
            };
            // A heading of projects (`Ongoing projects`) heads the
            // records under it, bold headlines or not; one that opens on
            // dates (`2017–2021: East Africa`) gives the record's dates
            // and places.
            let text = self.units[i].whole.clean();
            if names_projects(&text) || opens_on_dates(&text) {
                continue;
            }
            if deepest.is_none_or(|(deepest_level, _)| level >= deepest_level) {
                deepest = Some((level, i));
            }
        }
        // The same headline printed twice (a list item's, then its card's
        // heading): the record starts at the first.
        let same_text =
            |i: usize| self.units[i].content.clean() == self.units[title].content.clean();
        match deepest {
            Some((_, i)) if self.units[i].is_title_like() && !same_text(i) => i,
            _ => title,
        }
    }

    /// The headline among a head's lines from `title` on: not a line printed
    /// the same in other records (a label), and the full line where a
    /// later one starts with it (a teaser above the full title).
    fn headline_in_head(&self, title: usize, body: usize) -> usize {
        let text = |i: usize| self.units[i].whole.clean();
        let mut chosen = (title..body)
            .find(|&i| {
                let line = text(i);
                !self
                    .constant_head_lines
                    .iter()
                    .any(|constant| *constant == line)
            })
            .unwrap_or(title);
        let teaser = text(chosen);
        let teaser = teaser.trim_end_matches(['.', '…']).trim_end();
        if let Some(full) = (chosen + 1..body)
            .find(|&i| text(i).len() > teaser.len() && text(i).starts_with(teaser))
        {
            chosen = full;
        }
        // A heading of a few words in capitals over a headline that is not
        // (`ZIMBABWE` / `Safe water for clinics`, `SOUTH ASIA AND EUROPE` /
        // `PROMIS: Protecting …`) heads the group the record is in: a
        // country's, a region's, a theme's.
        const LONGEST_GROUP_HEADING: usize = 5;
        let capitals = |i: usize| {
            let line = text(i);
            line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
        };
        if chosen + 1 < body
            && capitals(chosen)
            && self.units[chosen].has_at_most_words(LONGEST_GROUP_HEADING)
            && matches!(
                self.units[chosen + 1].kind,
                UnitKind::Text | UnitKind::Field { known: false, .. }
            )
            && self.units[chosen + 1].is_title_like()
            && !capitals(chosen + 1)
        {
            chosen += 1;
        }
        chosen
    }

    /// The shape of a record found by rule 3: how its headline is marked
    /// and what its body starts with.
    pub(super) fn signature(&self, head: &RecordHead) -> HeadSignature {
        let marker = match self.units[head.body - 1].kind {
            UnitKind::Numbered(_) => HeadMarker::Numbered,
            UnitKind::Bullet => HeadMarker::Bullet,
            _ => HeadMarker::Plain,
        };
        let body = match self.units[head.body].kind {
            UnitKind::Text => HeadBody::Prose,
            _ => HeadBody::Fields,
        };
        HeadSignature { marker, body }
    }

    /// Fields above a title field belong to its record when a short line
    /// (a grantee's name) comes before them: `Hill Farmers Union` /
    /// `Donor: …` / `Project title: …`. Without such a line they end the
    /// record above.
    fn mark_fields_before_titles(&mut self) {
        // A field printed right above every title under one label
        // (`Country: Ghana` / `Project: …`) opens each record.
        let label_above = |t: usize| match t.checked_sub(1).map(|k| (k, &self.units[k].kind)) {
            Some((k, UnitKind::Field { label, known: true })) if self.roles[k] == Role::Body => {
                Some(label.to_lowercase())
            }
            _ => None,
        };
        let titles: Vec<usize> = (0..self.units.len())
            .filter(|&t| self.roles[t] == Role::Title)
            .collect();
        let shared_label_above = titles.len() >= 2
            && label_above(titles[0]).is_some()
            && titles
                .iter()
                .all(|&t| label_above(t) == label_above(titles[0]));
        // Where the listing names its titles with a label of its own, the
        // fields above one may have labels it lacks as well.
        let any_label = self.title_label.is_some();
        let fields_above = |t: usize| {
            let mut j = t;
            while j > 0
                && self.roles[j - 1] == Role::Body
                && match self.units[j - 1].kind {
                    UnitKind::Field { known, .. } => known || any_label,
                    UnitKind::LoneLabel(_) => true,
                    _ => false,
                }
            {
                j -= 1;
            }
            j
        };
        let label_of = |k: usize| match &self.units[k].kind {
            UnitKind::Field { label, .. } => Some(label.to_lowercase()),
            _ => None,
        };
        let mut leads = Vec::new();
        for &t in &titles {
            let j = fields_above(t);
            // Where records follow one another with no line between them,
            // the fields above a title run up into the record above: the
            // field that opens a record says where this one starts.
            if let Some(opening) = self.opening_label.as_deref() {
                if let Some(k) = (j..t)
                    .rev()
                    .find(|&k| label_of(k).as_deref() == Some(opening))
                {
                    leads.push(k..t);
                    continue;
                }
            }
            let opens_record = j < t
                && j > 0
                && self.roles[j - 1] == Role::Body
                && self.units[j - 1].kind == UnitKind::Text
                && self.units[j - 1].is_title_like()
                && self.units[j - 1].has_at_most_words(8);
            if opens_record || (shared_label_above && j < t) {
                leads.push(j..t);
            }
        }
        for lead in leads {
            for role in &mut self.roles[lead] {
                *role = Role::Lead;
            }
        }
    }

    /// Numbered records: from each numbered unit to the next, with the
    /// first unit in it that opens with a quotation mark (within four
    /// units), unless the numbered unit itself does.
    pub(super) fn numbered_records(&self) -> Vec<NumberedRecord> {
        let starts: Vec<usize> = (0..self.units.len())
            .filter(|&i| {
                self.roles[i] == Role::Body && matches!(self.units[i].kind, UnitKind::Numbered(_))
            })
            .collect();
        let mut records = Vec::with_capacity(starts.len());
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(self.units.len());
            let quoted = (!opens_with_quote(&self.units[start].content))
                .then(|| {
                    (start + 1..end.min(start + 5))
                        .find(|&j| opens_with_quote(self.units[j].headline()))
                })
                .flatten();
            records.push(NumberedRecord { start, end, quoted });
        }
        records
    }

    /// Whether unit `i` comes after the sentence that introduces the
    /// listing, if the page has one: the weaker rules (3 and S) find no
    /// title above it.
    fn after_lead_in(&self, i: usize) -> bool {
        self.lead_in_line
            .is_none_or(|line| self.units[i].first_line() > line)
    }

    /// Rule S: in a listing whose records are one line each, a headline
    /// that carries its own dates (`Title, 1.5.2017-30.4.2018, 10 000 €`).
    pub(super) fn mark_dated_lines(&mut self) {
        if !self.dated_lines || self.dated_titles || self.title_fields {
            return;
        }
        for i in 0..self.units.len() {
            let unit = &self.units[i];
            if self.roles[i] == Role::Body
                && unit.own_dates().is_some()
                && unit.is_title_like()
                && self.after_lead_in(i)
            {
                self.roles[i] = Role::Title;
            }
        }
    }

    /// Rule HR: three headings or more of one level, one under the other
    /// with nothing between, right under a line that names the listing (a
    /// grid of cards that print their titles alone: `# Past projects` /
    /// `### Solar pumps, Tanzania` / `### School roofs, Uganda` / …), are
    /// records. Under another heading they are the page's menu of topics.
    fn mark_heading_runs(&mut self) {
        const FEWEST: usize = 3;
        let heading = |unit: &Unit| {
            unit.heading_level()
                .filter(|_| unit.whole.segments.len() == 1 && unit.is_title_like())
        };
        let mut start = 0;
        while start < self.units.len() {
            let Some(level) = heading(&self.units[start]) else {
                start += 1;
                continue;
            };
            let end = (start..self.units.len())
                .find(|&i| heading(&self.units[i]) != Some(level) || self.roles[i] != Role::Body)
                .unwrap_or(self.units.len());
            let under_the_listings_name = start > 0 && mentions_the_listing(&self.units[start - 1]);
            if end - start >= FEWEST && under_the_listings_name {
                for role in &mut self.roles[start..end] {
                    *role = Role::Title;
                }
                self.titles_decided_above.extend(start..end);
            }
            start = end.max(start + 1);
        }
    }

    /// Whether a unit can be part of a record's head: a line or two of
    /// headline, a subtitle, a grantee's name.
    fn is_head_like(&self, i: usize) -> bool {
        let unit = &self.units[i];
        // A title stands right on its fields; a paragraph is set apart.
        let over_fields = || {
            self.unit(i + 1).is_some_and(|next| {
                matches!(next.kind, UnitKind::Field { known: true, .. }) && !next.after_blank
            })
        };
        // A sentence under a headline is that headline's text; under the
        // page's own title (the file's first unit) it is a record's title.
        let under_headline =
            || i > 0 && self.units[i - 1].is_title_like() && !self.is_files_first(i - 1);
        // A table's row of three cells or more is data (a record's sites, its
        // activities), never a headline.
        self.roles[i] == Role::Body
            && (unit.is_title_like()
                || (over_fields() && !under_headline() && unit.is_titled_sentence()))
            && unit.whole.segments.len() <= 3
            && unit.cells().len() < 3
            && !unit.is_date()
    }

    /// Rule 3's records: each run of head-like units right above the start
    /// of a body (a known field, or a paragraph of prose), in a listing
    /// without date lines. A run may hold headings above the record, the
    /// headline, and label lines under it (`Submitted by …`, a grantee);
    /// how many of its units make the head is learnt from the listing
    /// ([`super::layout::Layout::head_lines`]).
    pub(super) fn record_heads(&self) -> Vec<RecordHead> {
        let mut heads = Vec::new();
        if self.dated_titles || self.title_fields {
            return heads;
        }
        let mut run_start = None;
        for i in 0..self.units.len() {
            if self.is_head_like(i) && self.after_lead_in(i) {
                // A plain line after a list of items starts the head: the
                // list ended the record above (its results, its
                // activities). One item alone may be the headline itself.
                let is_item = |k: usize| {
                    matches!(self.units[k].kind, UnitKind::Bullet | UnitKind::Numbered(_))
                };
                let after_list = i > 1
                    && self.units[i].kind == UnitKind::Text
                    && is_item(i - 1)
                    && is_item(i - 2);
                if after_list && run_start.is_some() {
                    run_start = Some(i);
                }
                // Where the records' headlines are marked at one level, a
                // heading of that level ends the run of the one above it
                // once a line stands under that one: it was a card with a
                // teaser that reads as a headline (`### Wells` / `Clean
                // water for three villages` / `### Schools`).
                if let Some(start) = run_start.filter(|_| self.at_usual_level(i)) {
                    let card = (start..i)
                        .rev()
                        .find(|&k| self.at_usual_level(k))
                        .filter(|&k| k + 1 < i && self.units[k + 1].heading_level().is_none());
                    if let Some(heading) = card {
                        heads.push(RecordHead {
                            start,
                            body: heading + 1,
                        });
                        run_start = Some(i);
                        continue;
                    }
                }
                run_start.get_or_insert(i);
                continue;
            }
            let unit = &self.units[i];
            let fielded = matches!(
                unit.kind,
                UnitKind::Field { known: true, .. } | UnitKind::LoneLabel(_)
            );
            let prose = matches!(
                unit.kind,
                UnitKind::Text | UnitKind::Field { known: false, .. }
            ) && !unit.is_title_like()
                && !unit.is_tag_line();
            if let Some(start) = run_start.take() {
                if fielded || prose {
                    heads.push(RecordHead { start, body: i });
                }
            }
        }
        heads
    }

    /// Makes a title of every unit after the lead-in that `is_record` reads
    /// as a record of the listing's one kind and no other rule has taken.
    fn mark_records_after_lead_in(&mut self, is_record: impl Fn(&Unit) -> bool) {
        for i in 0..self.units.len() {
            if self.roles[i] == Role::Body && self.after_lead_in(i) && is_record(&self.units[i]) {
                self.roles[i] = Role::Title;
            }
        }
    }

    /// Whether unit `k` is a heading of the level the listing marks its
    /// records' headlines at.
    fn at_usual_level(&self, k: usize) -> bool {
        self.usual_head_level.is_some() && self.units[k].heading_level() == self.usual_head_level
    }

    /// A headline is short; text far longer above a date line is said to
    /// be ignored rather than silently dropped. Each warning with the
    /// index of its unit.
    pub(super) fn overlong_titles(&self) -> Vec<(usize, Diagnostic)> {
        let mut found = Vec::new();
        for i in 0..self.units.len() {
            let unit = &self.units[i];
            let dated = self
                .unit(i + 1)
                .is_some_and(|d| d.is_date() && !d.is_lone_year());
            if self.roles[i] != Role::Body || !dated {
                continue;
            }
            let text = unit.content.clean();
            let name = quoted_name_before_credits(&text).map_or(&*text, |end| &text[..end]);
            let length = name.chars().count();
            if length > MAX_TITLE_CHARS {
                found.push((i, Diagnostic::warning(
                    self.source,
                    unit.first_line(),
                    1,
                    format!(
                        "the text above the date line is {length} characters long, too long for a title (at most {MAX_TITLE_CHARS}): not read as a project"
                    ),
                )));
            }
        }
        found
    }

    pub(super) fn find_page_title(&mut self) {
        if let Some(first) = self.units.first() {
            let headline = first.kind == UnitKind::Text && first.is_title_like();
            if self.roles[0] == Role::Body && (headline || is_page_title_field(self.units, 0)) {
                self.roles[0] = Role::PageTitle;
            }
        }
    }

    /// A list is of one kind: where most items of a run of three or more
    /// (one marker, one indentation) are titles, so is an item among them
    /// that reads as a sentence (`• Yearly celebrations where the poor are
    /// given help`), one line of a title's length.
    fn complete_lists_of_titles(&mut self) {
        const FEWEST_ITEMS: usize = 3;
        let mut start = 0;
        while start < self.units.len() {
            let first = &self.units[start];
            let marked = matches!(first.kind, UnitKind::Numbered(_) | UnitKind::Bullet);
            let mut end = start + 1;
            while marked
                && end < self.units.len()
                && self.units[end].kind.same_marker(&first.kind)
                && self.units[end].indent == first.indent
                && matches!(self.roles[end], Role::Body | Role::Title)
            {
                end += 1;
            }
            let titles = (start..end)
                .filter(|&i| self.roles[i] == Role::Title)
                .count();
            let items = end - start;
            if marked && items >= FEWEST_ITEMS && 3 * titles >= 2 * items {
                for i in start..end {
                    let unit = &self.units[i];
                    let one_line_title = unit.whole.segments.len() == 1
                        && unit.content.clean().chars().count() <= crate::units::MAX_TITLE_CHARS
                        && !unit.content.clean().ends_with(':');
                    if self.roles[i] == Role::Body && one_line_title {
                        self.roles[i] = Role::Title;
                    }
                }
            }
            start = end;
        }
    }

    /// Short lines just above a title: headings or a kicker.
    pub(super) fn find_headings_and_kickers(&mut self) {
        let titles: Vec<usize> = (0..self.units.len())
            .filter(|&i| self.roles[i] == Role::Title)
            .collect();
        for t in titles {
            let mut i = t;
            // The record's own cells above its title come first.
            while i > 0 && self.roles[i - 1] == Role::Lead {
                i -= 1;
            }
            let first = i;
            while i > 0 {
                i -= 1;
                if self.roles[i] != Role::Body {
                    break;
                }
                let unit = &self.units[i];
                // The value of a label printed over it is the record
                // above's (`Funders` / `City of Dijon`).
                if unit.continues_fields() {
                    break;
                }
                // Where each headline stands over one short line (rule
                // HS), the line is its place, not the next one's kicker.
                if self.headlines_over_short_lines && i > 0 && self.roles[i - 1] == Role::Title {
                    break;
                }
                if let UnitKind::LoneLabel(label) = &unit.kind {
                    // A label the vocabulary lacks, set apart above the
                    // records, names their group (`Kenya:`, `Burkina
                    // Faso :`); a known one waits for a value it lacks.
                    let heads_a_group = labels::meaning(label).is_none()
                        && unit.after_blank
                        && unit.has_at_most_words(4);
                    if heads_a_group {
                        self.roles[i] = Role::Heading;
                        continue;
                    }
                    self.roles[i] = Role::StrayLabel;
                    continue;
                }
                if unit.is_lone_year() {
                    self.roles[i] = Role::Heading;
                    continue;
                }
                // A heading stands no deeper than the records it heads: a
                // line indented under the record above is that record's, and
                // so is a line run on from its date line (`2019 – 2020` /
                // `World Bank`).
                let under_dates_above = unit.is_under_a_date_line();
                if unit.indent > self.units[first].indent || under_dates_above {
                    break;
                }
                // A line right under a record's headline marked at the
                // records' level is that record's text (a card's teaser).
                if i > 0 && self.roles[i - 1] == Role::Title && self.at_usual_level(i - 1) {
                    break;
                }
                let lead_in = i + 1 == first
                    && unit.kind == UnitKind::Text
                    && !unit.is_title_like()
                    && unit
                        .whole
                        .segments
                        .last()
                        .is_some_and(|line| line.text.trim_end().ends_with(':'));
                if lead_in {
                    self.roles[i] = Role::LeadIn;
                    break;
                }
                // A line marked as a place (`📍 Kajiado, Kenya`, as a
                // card prints where it works) is the record above's.
                if opens_on_a_place_mark(&unit.whole.clean()) {
                    break;
                }
                // A table row's cells are data, never a heading.
                let short_line = unit.kind == UnitKind::Text
                    && unit.is_title_like()
                    && unit.has_at_most_words(8)
                    && unit.cells().is_empty();
                if !short_line {
                    break;
                }
                let directly_above =
                    i + 1 == first || (i + 2 == first && self.roles[i + 1] == Role::StrayLabel);
                self.roles[i] = if directly_above && is_kicker(unit, &self.units[t]) {
                    Role::Kicker
                } else {
                    Role::Heading
                };
            }
        }
    }

    /// Whether the record titled by the list item `title` ends on its
    /// line: the item above it is a record of the same list, right above
    /// it (the items stand one under the other, nothing under them), and
    /// a paragraph set apart by a blank line, no deeper than the item,
    /// follows. That paragraph is the page's (`Voor 2023 hebben we …`
    /// after the list), not the last item's text.
    fn ends_a_list_of_bare_items(&self, title: usize) -> bool {
        let Some(above) = title.checked_sub(1) else {
            return false;
        };
        let item = &self.units[title];
        let is_item = matches!(item.kind, UnitKind::Numbered(_) | UnitKind::Bullet);
        is_item
            && self.roles[above] == Role::Title
            && self.units[above].kind.same_marker(&item.kind)
            && !item.after_blank
            && self.unit(title + 1).is_some_and(|next| {
                self.roles[title + 1] == Role::Body
                    && next.kind == UnitKind::Text
                    && next.after_blank
                    && next.indent <= item.indent
            })
    }

    /// Why the record titled by unit `title` is no project, its section's
    /// reason aside ([`section_reason`]): a document's own section.
    fn not_a_project(&self, title: usize) -> Option<String> {
        // A record dated as projects are is one, whatever its name.
        let dated = self.units[title].own_dates().is_some()
            || self.unit(title + 1).is_some_and(Unit::is_date);
        let name = self.units[title].content.clean();
        (!dated && is_document_heading(&name))
            .then(|| "a section of the document, not a project".to_string())
    }

    /// The projects of the units before `given`, with the group heading and
    /// kicker in force carried in and out.
    pub(super) fn projects(
        &mut self,
        given: usize,
        cut_off: bool,
        section: &mut Option<Text>,
        kicker: &mut Option<Text>,
    ) -> Vec<RawProject> {
        let mut projects = Vec::new();
        let mut leads = Vec::new();
        // The section's reason, read once for each section.
        let mut section_read: Option<(String, Option<String>)> = None;
        let mut i = 0;
        while i < given {
            match self.roles[i] {
                Role::Heading => {
                    *section = Some(self.units[i].whole.clone());
                    *kicker = None;
                }
                Role::Kicker => *kicker = Some(self.units[i].whole.clone()),
                Role::Lead => leads.push(i),
                Role::Title => {
                    let end = (i + 1..self.units.len())
                        .find(|&j| !matches!(self.roles[j], Role::Body | Role::TitleDate))
                        .unwrap_or(self.units.len());
                    let end = if self.ends_a_list_of_bare_items(i) {
                        i + 1
                    } else {
                        end
                    };
                    let is_last = end == self.units.len();
                    let record = Record {
                        title: i,
                        end,
                        leads: &leads,
                    };
                    // A newsletter's or a page's calendar lists events, each
                    // dated as a record is, and a document's own sections
                    // (`License`, `See also`) read as records too: none is a
                    // project.
                    let heading = section.as_ref().map(|heading| heading.clean());
                    let under_section = match (heading.as_deref(), &section_read) {
                        (Some(heading), Some((read, reason))) if read == heading => reason.clone(),
                        (Some(heading), _) => {
                            let reason = section_reason(heading);
                            section_read = Some((heading.to_string(), reason.clone()));
                            reason
                        }
                        (None, _) => None,
                    };
                    let in_a_section = under_section.is_some();
                    if let Some(reason) = under_section.or_else(|| self.not_a_project(i)) {
                        // A record named as the document's back matter
                        // (`Leave a Reply`, `See also`) heads what follows
                        // it to the end, as the heading it is.
                        let name = self.units[i].whole.clean();
                        if !in_a_section && is_back_matter_heading(&name) {
                            *section = Some(self.units[i].whole.clone());
                            *kicker = None;
                        }
                        self.diagnostics.push(Diagnostic::warning(
                            self.source,
                            self.units[i].first_line(),
                            1,
                            format!("ignored `{}`: {reason}", self.units[i].whole.clean()),
                        ));
                        leads.clear();
                        i = end;
                        continue;
                    }
                    if let Some(mut project) =
                        self.project(record, section.clone(), kicker.take(), cut_off && is_last)
                    {
                        if let Some(date) = &mut project.date {
                            date.order = self.numeric_order;
                        }
                        projects.push(project);
                    }
                    leads.clear();
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        projects
    }
}

/// How a record's headline is marked, and whether its body starts with
/// prose or labelled fields: records of one listing mostly share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct HeadSignature {
    pub(super) marker: HeadMarker,
    pub(super) body: HeadBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum HeadMarker {
    Numbered,
    Bullet,
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum HeadBody {
    Prose,
    Fields,
}

/// The units of one project: its title, where it ends, and its cells
/// above the title.
#[derive(Debug, Clone, Copy)]
pub(super) struct Record<'l> {
    pub(super) title: usize,
    pub(super) end: usize,
    pub(super) leads: &'l [usize],
}

/// A numbered record of rule Q: units `start..end`, and its quoted cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NumberedRecord {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) quoted: Option<usize>,
}

/// Whether a text opens with a quotation mark: a quoted title.
pub(super) fn opens_with_quote(text: &Text) -> bool {
    text.segments
        .first()
        .is_some_and(|s| s.text.starts_with(['"', '“', '„', '«', '‘']))
}

/// The head of a record found by rule 3: units `start..body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RecordHead {
    pub(super) start: usize,
    pub(super) body: usize,
}

impl RecordHead {
    pub(super) fn len(&self) -> usize {
        self.body - self.start
    }

    /// The headline: the first of the head's last `head_lines` units.
    /// Where `page_title_first`, the file's first unit is the page's title
    /// unless the records' heads are several lines and this one is exactly
    /// as long (a page that starts with its first record).
    pub(super) fn title(&self, head_lines: usize, page_title_first: bool) -> Option<usize> {
        let head_lines = head_lines.max(1);
        let title = self.body - self.len().min(head_lines);
        if page_title_first && title == 0 && !(head_lines >= 2 && self.len() == head_lines) {
            return (self.len() >= 2).then_some(1);
        }
        Some(title)
    }
}

/// Whether a line opens on a mark a page sets before a place: a pin
/// (`📍`, `📌`) or a globe.
fn opens_on_a_place_mark(text: &str) -> bool {
    text.trim_start()
        .starts_with(['📍', '📌', '🌍', '🌎', '🌏', '🗺'])
}

/// A kicker is a label line over a headline: a photo credit, or a word or
/// two such as `Project` — unless it names a group (`Completed projects`,
/// `Upcoming events`) or a new numbered group starts under it.
pub(super) fn is_kicker(unit: &Unit, title: &Unit) -> bool {
    let text = unit.whole.clean();
    if text.starts_with('©') {
        return true;
    }
    !names_a_group(&text)
        && unit.has_at_most_words(4)
        && !matches!(title.kind, UnitKind::Numbered(1))
}

/// Why a record under the section `heading` is no project: an event in a
/// calendar, or a link in a document's back matter.
fn section_reason(heading: &str) -> Option<String> {
    if is_events_heading(heading) {
        Some(format!("an event under `{heading}`, not a project"))
    } else if is_back_matter_heading(heading) {
        Some(format!(
            "listed under `{heading}`, a section of the document, not a project"
        ))
    } else {
        None
    }
}

/// Whether a heading names a group of records (`Completed projects`,
/// `Related projects`, `Upcoming events`, `See also`), not one record.
fn names_a_group(text: &str) -> bool {
    names_projects(text) || is_events_heading(text) || is_document_heading(text)
}

/// Whether `text` opens on a date or a range of dates (`2017–2021: East
/// Africa`), its Markdown marks aside.
pub(super) fn opens_on_dates(text: &str) -> bool {
    let text = text.trim_start_matches('#').trim_start();
    text.starts_with(|c: char| c.is_ascii_digit())
        && crate::dates::scan_date(text).is_some_and(|expr| expr.end.is_some() || expr.open_end)
}

/// Whether a heading names projects in the plural (`Ongoing projects`):
/// it heads the projects under it.
fn names_projects(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "projects",
        "programmes",
        "programs",
        "activities",
        "projets",
        "proyectos",
        "projetos",
        "progetti",
        "projekte",
        "programas",
    ]
    .iter()
    .any(|w| lower.split_whitespace().any(|x| x == *w))
}

/// A labelled field of the vocabulary, or its label alone on its line,
/// other than one of the record's dates (`End: …` after `Start: …` is
/// the rest of its date line).
fn is_field_besides_dates(unit: &Unit) -> bool {
    let label = match &unit.kind {
        UnitKind::Field { label, known: true } | UnitKind::LoneLabel(label) => label,
        _ => return false,
    };
    !matches!(
        labels::meaning(label),
        Some(Meaning::Dates | Meaning::Start | Meaning::End)
    )
}

/// Whether every word of four letters or more starts with a capital:
/// `Market Access for Smallholders`, not `Market access for smallholders`.
fn is_title_case(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
}

/// A heading the page marks as one (`<h2>`) that reads as a headline but
/// for its final stop (`Risk models for credit scoring.`): a headline.
fn marked_with_stop(unit: &Unit) -> bool {
    unit.heading_level().is_some() && unit.is_title_but_for_its_stop()
}
