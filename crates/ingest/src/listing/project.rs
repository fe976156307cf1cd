//! One project from its units: title, dates, fields and description.

use super::layout::{is_date_cell, is_quoted_line};
use super::paragraphs::{
    client_year, client_years_heading, dash_named, named_paragraph, piece, split_client_year,
    split_named_paragraph,
};
use super::roles::{Builder, Record};
use crate::dates::{scan_date, scan_end_date, trailing_parenthesised_date, DateExpr, NumericOrder};
use crate::diagnostics::Diagnostic;
use crate::labels::{self, Column, Meaning};
use crate::record::{DateOrigin, DateText, Field, RawProject, Segment, Span, Text};
use crate::units::{
    dates_before_dash, dates_opening_paragraph, field, is_duration, quoted_name_before_credits,
    run_together_fields, OwnDates, Unit, UnitKind, RECORD_WORDS,
};

impl Builder<'_> {
    pub(super) fn project(
        &mut self,
        record: Record,
        section: Option<Text>,
        mut kicker: Option<Text>,
        cut_off: bool,
    ) -> Option<RawProject> {
        let (title_index, end) = (record.title, record.end);
        let title_unit = &self.units[title_index];
        // An unknown label is part of a title (`Asia: Decent work`); a
        // title field's label is not (`Project title: Decent work`), nor a
        // grantee's name before a quoted title (`Peace Now: "Settlement
        // Watch"`).
        let mut title = match title_unit.kind {
            UnitKind::Field { .. }
                if !super::roles::is_labelled_title(title_unit, self.title_label.as_deref()) =>
            {
                title_unit.whole.clone()
            }
            // A headline printed as a label (rule LH) is read without its
            // colon.
            UnitKind::LoneLabel(_) | UnitKind::Text if self.label_heads => {
                let mut whole = title_unit.whole.clone();
                if let Some(segment) = whole.segments.last_mut() {
                    let kept = segment
                        .text
                        .trim_end()
                        .trim_end_matches(':')
                        .trim_end()
                        .len();
                    segment.span = segment.span_of(0, kept);
                    segment.text.truncate(kept);
                }
                whole
            }
            _ => title_unit.content.clone(),
        };
        // An amount ending the title, before any rule cuts the title at a
        // stop (`…, ca. 2.500 €`).
        let title_amount = split_title_amount(&mut title);
        // Rule P: the paragraph's name is the title, its prose the
        // description, its range the dates; so too for a list item or a
        // record of one sentence that opens on a name (`• Safe Births
        // Nepal: £32,500 to …, 2024–2026.`).
        // Rule CY: the work done is the title, the client a field, the
        // year the dates; in a listing of references, a reference's client
        // is no project's name.
        let reference = self.client_years.then(|| client_year(title_unit)).flatten();
        let item = matches!(title_unit.kind, UnitKind::Bullet | UnitKind::Numbered(_));
        let named = (reference.is_none()
            && (self.named_paragraphs || item || self.is_sentence_record(title_unit)))
        .then(|| named_paragraph(title_unit))
        .flatten();
        let mut client = None;
        let (named_rest, named_dates) = match named {
            None if reference.is_some() => {
                let (read_client, dates) = reference
                    .map(|read| split_client_year(&mut title, read))
                    .unwrap_or_default();
                client = read_client;
                (None, dates.map(|segment| (segment, DateOrigin::Title)))
            }
            Some(named) => {
                let (rest, dates) = split_named_paragraph(&mut title, named);
                let origin = if named.dates_after_name {
                    DateOrigin::Title
                } else {
                    DateOrigin::Description
                };
                (rest, dates.map(|segment| (segment, origin)))
            }
            None => (None, None),
        };
        // Rule RL: a record of several sentences listed under a heading
        // opens on its name (`Remote jobs. What keeps graduates out of …?
        // Funder: …`).
        let listed = self
            .listed_records
            .iter()
            .chain(&self.more_listed_records)
            .find(|listed| {
                listed.first_line <= title_unit.first_line()
                    && title_unit.last_line() <= listed.last_line
            })
            .copied();
        let dash_named = (self.dash_named && named.is_none())
            .then(|| dash_named(title_unit))
            .flatten();
        let mut opening_dates = None;
        let listed_rest = if let Some((name_end, rest_start)) = dash_named {
            // Rule ND: the name is the title, the prose after the dash the
            // record's text.
            title
                .segments
                .first_mut()
                .and_then(|first| cut_segment(first, name_end, rest_start))
                .map(|rest| {
                    let mut text = Text::from_segment(rest);
                    text.segments.extend(title.segments.drain(1..));
                    text
                })
        } else if listed.is_some_and(|l| l.items_named) && named.is_none() {
            match listed.filter(|l| l.for_want_of_others) {
                Some(_) => quoted_name_within(&mut title)
                    .or_else(|| split_name_sentence(&mut title))
                    .or_else(|| {
                        opening_dates = split_opening_dates(&mut title);
                        split_first_sentence(&mut title)
                    }),
                None => split_name_sentence(&mut title),
            }
        } else if title_unit.is_year_led() {
            split_first_sentence(&mut title)
        } else {
            None
        };
        let own_dates = title_unit.own_dates().filter(|_| named.is_none());
        // Rule QL: the quoted name is the title, the line its description.
        let mut quoted_line = None;
        let mut quoted_line_date = None;
        if self.quoted_lines && is_quoted_line(title_unit) {
            if let Some(segment) = title.segments.first().cloned() {
                if let Some((open, close)) = crate::units::quoted_span(&segment.text) {
                    quoted_line_date = dates_after_quoted_name(&segment, close);
                    quoted_line = Some(Text::from_segment(segment.clone()));
                    title = Text::from_segment(Segment {
                        text: segment.text[open..close].to_string(),
                        line: segment.line,
                        span: Span::new(segment.span.start + open, segment.span.start + close),
                        map: Default::default(),
                    });
                }
            }
        }
        // A line over the headline names its kind (`Feature` / `Water for
        // …`); a list item's first line is its own, and a line in lower
        // case goes on the one above (`Water for schools` / `in Kenya`).
        let kicker_above = match title.segments.as_slice() {
            [first, second, ..] => {
                !item
                    && is_kicker_line(&first.text)
                    && !second.text.trim_start().starts_with(char::is_lowercase)
            }
            _ => false,
        };
        if kicker_above {
            kicker = Some(Text::from_segment(title.segments.remove(0)));
        }
        let list_number = match title_unit.kind {
            UnitKind::Numbered(n) => Some(n),
            _ => None,
        };
        let body = &self.units[title_index + 1..end];
        // A record of one line is whole even where the page is cut after it.
        let one_line_record = self.rows
            || listed.is_some()
            || self.numbered_lists
            || self.quoted_lines
            || self.sentence_lines.is_some()
            || self.headline_lines.is_some()
            || named.is_some()
            || title_unit.own_dates().is_some();
        // Nor is one whose dates lead it (`2018` / `Title`).
        let dated_above = record.leads.iter().any(|&k| self.units[k].is_date());
        if cut_off && body.is_empty() && !one_line_record && !dated_above {
            self.diagnostics.push(Diagnostic::warning(
                self.source,
                title_unit.first_line(),
                1,
                format!(
                    "ignored `{}`: the listing ends after this title, with no dates or text (a page cut off)",
                    title.clean()
                ),
            ));
            return None;
        }
        let mut project = RawProject {
            source: self.source.to_string(),
            ordinal: 0,
            section: section.as_ref().map(|heading| heading.clean().into_owned()),
            section_heading: section,
            list_number,
            kicker,
            title: Text::default(),
            date: None,
            fields: Vec::new(),
            description: Vec::new(),
            first_line: title_unit.first_line(),
            last_line: self.units[end - 1].last_line(),
            span: title_unit.span().cover(self.units[end - 1].span()),
            anchor: None,
        };
        if let Some(client) = client {
            self.add_field(&mut project, "Client".into(), client);
        }
        if self.rows && !title_unit.cells().is_empty() {
            for (label, value) in self.row_cells(&mut project, title_unit.cells(), &mut title) {
                self.add_field(&mut project, label, value);
            }
        }
        let item_text = item.then(|| split_item_headline(&mut title)).flatten();
        strip_footnote_mark(&mut title);
        strip_markdown_link(&mut title);
        let title_date = match own_dates.filter(|_| !self.rows) {
            Some(own) => split_own_dates(&mut title, own),
            None => strip_title_date(&mut title),
        }
        .or(opening_dates);
        if let Some(amount) = title_amount {
            self.add_field(&mut project, "Budget".into(), Text::from_segment(amount));
        }
        if let Some(status) = split_status_mark(&mut title) {
            self.add_field(&mut project, "Status".into(), Text::from_segment(status));
        }
        if let Some((label, funder)) = split_funding_clause(&mut title) {
            self.add_field(&mut project, label, Text::from_segment(funder));
        }
        if let Some(field) = split_labelled_bracket(&mut title) {
            project.fields.push(field);
        }
        strip_record_code(&mut title);
        strip_project_number(&mut title);
        strip_name_before_quote(&mut title);
        if self.name_slash_titles {
            if let Some(name) = split_name_before_slash(&mut title) {
                self.add_field(&mut project, "Organisation".into(), name);
            }
        }
        let credits = split_quoted_name(&mut title);
        end_quoted_title(&mut title);
        let after_lone_quote = end_at_a_lone_closing_quote(&mut title);
        if self.is_sentence_record(title_unit) {
            if let Some(name) = sentence_title(&mut title) {
                self.add_field(&mut project, "Organisation".into(), name);
            }
        }
        project.title = title;
        project.description.extend(item_text);
        project.description.extend(credits.map(Text::from_segment));
        project
            .description
            .extend(after_lone_quote.map(Text::from_segment));
        project.description.extend(quoted_line);
        project.description.extend(named_rest);
        project.description.extend(listed_rest);
        self.add_leads(&mut project, record.leads);
        let cells = self.table_cells(&mut project, body, cut_off);
        self.body(&mut project, &body[cells..], cut_off);
        // Where no date line or field gave the record's dates, they are
        // read where it printed them otherwise, the most specific first. A
        // line right under the headline may end on the record's range
        // (`Professor A. Lee, funded by the Science Fund, December
        // 2018–November 2019.`) or open on its dates before a dash and a
        // sentence (`November 2007 - The council received …`).
        if project.date.is_none() {
            let printed = |segment: Segment, origin: DateOrigin| DateText {
                text: Text::from_segment(segment),
                origin,
                order: NumericOrder::default(),
            };
            let under_headline = || {
                let line = body
                    .first()
                    .filter(|u| u.kind == UnitKind::Text)
                    .and_then(|u| u.whole.segments.first())?;
                range_ending_line(line).or_else(|| dates_opening_line(line))
            };
            project.date = named_dates
                .map(|(segment, origin)| printed(segment, origin))
                .or_else(|| quoted_line_date.map(|segment| printed(segment, DateOrigin::Title)))
                .or_else(|| title_date.map(|segment| printed(segment, DateOrigin::Title)))
                .or_else(|| {
                    under_headline().map(|segment| printed(segment, DateOrigin::Description))
                })
                .or_else(|| dates_in_short_fields(&project))
                .or_else(|| dates_in_unlisted_fields(&body[cells..]))
                .or_else(|| labelled_dates_in_prose(&project));
        }
        if project.date.is_none() {
            self.diagnostics.push(Diagnostic::warning(
                self.source,
                project.first_line,
                1,
                format!(
                    "no dates for `{}`: expected a date line under the title or a `Duration:` field",
                    project.title_text()
                ),
            ));
        }
        Some(project)
    }

    /// A table row flattened to one line (rule R): the title cell, the
    /// date cells and the other cells as fields named by the header (or
    /// `Cell 2`, `Cell 3` … where the table has none). Without a header,
    /// the title is the first cell of words that is no date and no code.
    /// The cells of a table row: the title, the dates, and fields; the
    /// labelled fields a cell holds are returned, for [`Self::add_field`].
    pub(super) fn row_cells(
        &self,
        project: &mut RawProject,
        cells: &[Segment],
        title: &mut Text,
    ) -> Vec<(String, Text)> {
        let mut cell_fields = Vec::new();
        let columns: Vec<(Column, String)> = match &self.row_header {
            Some((_, columns)) => columns.clone(),
            None => {
                let title_at = cells
                    .iter()
                    .position(|c| {
                        !is_date_cell(&c.text)
                            && !is_code(&c.text)
                            && c.text.chars().any(char::is_alphabetic)
                    })
                    .unwrap_or(0);
                (0..cells.len())
                    .map(|k| {
                        let column = if k == title_at {
                            Column::Title
                        } else if is_date_cell(&cells[k].text) {
                            Column::Dates
                        } else {
                            Column::Field
                        };
                        (column, format!("Cell {}", k + 1))
                    })
                    .collect()
            }
        };
        let mut dates = Vec::new();
        for (cell, (column, header)) in cells.iter().zip(&columns) {
            match column {
                Column::Title => match split_trailing_amount(cell) {
                    // `Clean wells $12,000` in a title cell: the amount is a cell
                    // the copy ran into the title.
                    Some((name, amount)) => {
                        *title = Text::from_segment(name);
                        project.fields.push(Field {
                            label: "Budget".into(),
                            value: Text::from_segment(amount),
                        });
                    }
                    None => *title = Text::from_segment(cell.clone()),
                },
                Column::StartDate | Column::EndDate | Column::Dates if is_date_cell(&cell.text) => {
                    dates.push(cell.clone())
                }
                // `Unknown`, `Ongoing`: no date in that cell.
                Column::StartDate | Column::EndDate | Column::Dates => {}
                Column::Field => {
                    let parts = run_together_fields(&cell.text);
                    if parts.len() < 2 {
                        project.fields.push(Field {
                            label: header.clone(),
                            value: Text::from_segment(cell.clone()),
                        });
                        continue;
                    }
                    // A cell of labelled fields (`Dates: 2020–2022<br>Donor:
                    // Denmark`): each is a field of the record.
                    for (start, end) in parts {
                        let part = &cell.text[start..end];
                        let Some((label, Some(value_at), _)) = field(part) else {
                            continue;
                        };
                        let value = Segment {
                            text: part[value_at..].to_string(),
                            line: cell.line,
                            span: cell.span_of(start + value_at, end),
                            map: Default::default(),
                        };
                        cell_fields.push((label, Text::from_segment(value)));
                    }
                }
            }
        }
        if !dates.is_empty() {
            project.date = Some(DateText {
                text: Text { segments: dates },
                origin: DateOrigin::TableCells,
                order: NumericOrder::default(),
            });
        }
        cell_fields
    }

    /// The cells of a rule-Q record above its title (the numbered line
    /// with the donor and amount): one field, named by the listing's header
    /// where it has one.
    pub(super) fn add_leads(&mut self, project: &mut RawProject, leads: &[usize]) {
        // Labelled fields above a title field are fields of the record,
        // a date line above a head its dates.
        let (dates, leads): (Vec<usize>, Vec<usize>) =
            leads.iter().partition(|&&i| self.units[i].is_date());
        if let Some(unit) = dates.first().map(|&i| &self.units[i]) {
            if project.date.is_none() {
                if let (UnitKind::Date { expr, .. }, Some(line)) =
                    (&unit.kind, unit.content.segments.first())
                {
                    let text = line.text.get(..expr.len).unwrap_or(&line.text).trim_end();
                    project.date = Some(DateText {
                        text: Text::from_segment(Segment {
                            text: text.to_string(),
                            line: line.line,
                            span: Span::new(line.span.start, line.span.start + text.len()),
                            map: Default::default(),
                        }),
                        origin: DateOrigin::DateLine,
                        order: NumericOrder::default(),
                    });
                }
            }
        }
        // Rule CH: a client and its years over the work done.
        let (client_heads, leads): (Vec<usize>, Vec<usize>) = leads
            .into_iter()
            .partition(|&i| self.client_heads && client_years_heading(&self.units[i]).is_some());
        for i in client_heads {
            let unit = &self.units[i];
            let (Some(((client_start, client_end), (date_start, date_end))), Some(line)) =
                (client_years_heading(unit), unit.whole.segments.first())
            else {
                continue;
            };
            if let Some(client) = piece(line, client_start, client_end) {
                self.add_field(project, "Client".into(), Text::from_segment(client));
            }
            if project.date.is_none() {
                project.date = piece(line, date_start, date_end).map(|dates| DateText {
                    text: Text::from_segment(dates),
                    origin: DateOrigin::Title,
                    order: NumericOrder::default(),
                });
            }
        }
        // Where the listing names its titles with a label of its own, the
        // fields above a title keep their labels, listed or not.
        let any_label = self.title_label.is_some();
        let (fields, cells): (Vec<usize>, Vec<usize>) = leads.iter().partition(
            |&&i| matches!(self.units[i].kind, UnitKind::Field { known, .. } if known || any_label),
        );
        for &i in fields.iter().rev() {
            let unit = &self.units[i];
            if let UnitKind::Field { label, .. } = &unit.kind {
                let (label, value) = (label.clone(), unit.content.clone());
                self.add_field(project, label, value);
                if let Some(field) = project.fields.pop() {
                    project.fields.insert(0, field);
                }
            }
        }
        let value: Vec<Segment> = cells
            .iter()
            .flat_map(|&i| self.units[i].content.segments.iter().cloned())
            .collect();
        if let Some(&first) = leads.first() {
            let unit = &self.units[first];
            project.first_line = unit.first_line();
            project.span = unit.span().cover(project.span);
        }
        if value.is_empty() {
            return;
        }
        if let Some(&first) = cells.first() {
            if let UnitKind::Numbered(n) = self.units[first].kind {
                project.list_number = Some(n);
            }
        }
        project.fields.insert(
            0,
            Field {
                label: self.lead_label.clone().unwrap_or_else(|| "Record".into()),
                value: Text { segments: value },
            },
        );
    }

    /// Consumes the cells of a flattened table row after its title cell.
    pub(super) fn table_cells(
        &mut self,
        project: &mut RawProject,
        body: &[Unit],
        cut_off: bool,
    ) -> usize {
        if self.columns.is_empty() {
            return 0;
        }
        let mut date_segments = Vec::new();
        let mut used = 0;
        let columns = self.columns.clone();
        let mut cells = body.iter().enumerate();
        for (column, header) in columns.iter().skip(1) {
            let Some((mut k, mut unit)) = cells.next() else {
                break;
            };
            if !Self::is_table_cell_text(unit) {
                break;
            }
            // A title's cell wrapped onto the next line, where a date
            // was due: the rest of the title, as long as the date
            // follows.
            let is_date_column =
                matches!(column, Column::StartDate | Column::EndDate | Column::Dates);
            if is_date_column && used == 0 && !unit.is_date() && unit.kind == UnitKind::Text {
                if let Some((next_k, next)) = body.get(k + 1).map(|n| (k + 1, n)) {
                    if next.is_date() {
                        project
                            .title
                            .segments
                            .extend(unit.whole.segments.iter().cloned());
                        used += 1;
                        cells.next();
                        (k, unit) = (next_k, next);
                    }
                }
            }
            used += 1;
            if cut_off && k + 1 == body.len() {
                self.cut_off_value(header, unit);
                break;
            }
            let cell = unit.whole.clone();
            match column {
                Column::StartDate | Column::EndDate | Column::Dates => {
                    date_segments.extend(cell.segments)
                }
                Column::Field | Column::Title => project.fields.push(Field {
                    label: header.clone(),
                    value: cell,
                }),
            }
        }
        if !date_segments.is_empty() {
            project.date = Some(DateText {
                text: Text {
                    segments: date_segments,
                },
                origin: DateOrigin::TableCells,
                order: NumericOrder::default(),
            });
        }
        used
    }

    pub(super) fn body(&mut self, project: &mut RawProject, body: &[Unit], cut_off: bool) {
        let mut previous_was_date = false;
        let mut pending_label: Option<String> = None;
        for (k, unit) in body.iter().enumerate() {
            // A card's link printed with its headline's words is no text
            // of the record (rule LK).
            if self.linked_titles
                && unit.kind == UnitKind::Text
                && unit.whole.clean() == project.title.clean()
            {
                continue;
            }
            let is_last = k + 1 == body.len();
            let unit_cut_off = cut_off && is_last;
            if let Some(label) = pending_label.take() {
                if unit.kind == UnitKind::Text && !unit_cut_off {
                    self.add_field(project, label, unit.whole.clone());
                    continue;
                }
            }
            let was_date = previous_was_date;
            previous_was_date = false;
            match &unit.kind {
                UnitKind::Date { expr, rest } => {
                    // `1 June 2019 (24 months)`: the length is part of
                    // the dates, for the normaliser to tell the end by.
                    let length_follows = !rest.is_empty()
                        && unit.content.segments[0]
                            .text
                            .get(expr.len..)
                            .and_then(crate::lengths::length_after_date)
                            .is_some();
                    // The content: a bulleted date line's starts after its bullet.
                    let date_len = if rest.is_empty() || length_follows {
                        unit.content.segments[0].text.len()
                    } else {
                        expr.len
                    };
                    let mut date_segment = unit.content.segments[0].clone();
                    date_segment.text.truncate(date_len);
                    let trimmed_len = date_segment.text.trim_end().len();
                    date_segment.text.truncate(trimmed_len);
                    date_segment.span.end = date_segment.span.start + trimmed_len;
                    match &mut project.date {
                        None => {
                            project.date = Some(DateText {
                                text: Text::from_segment(date_segment),
                                origin: DateOrigin::DateLine,
                                order: NumericOrder::default(),
                            });
                            previous_was_date = true;
                        }
                        // An end date on a line of its own.
                        Some(date)
                            if was_date && expr.end.is_none() && date.text.segments.len() == 1 =>
                        {
                            date.text.segments.push(date_segment);
                            date.origin = DateOrigin::TableCells;
                        }
                        // `By Maria Lopez | 12 May 2021`, then `2020 – 2023`:
                        // a day alone is when the entry was written; the
                        // range after it is when the project runs.
                        Some(date) if is_range(expr) && is_day_alone(date) => {
                            date.text = Text::from_segment(date_segment);
                            previous_was_date = true;
                        }
                        Some(_) => project.description.push(unit.whole.clone()),
                    }
                    for rest in rest.iter().filter(|_| !length_follows) {
                        let rest_text = Text::from_segment(rest.clone());
                        match crate::units::field(&rest.text) {
                            Some((label, Some(value_at), _)) => {
                                let mut value = rest.clone();
                                value.text.drain(..value_at);
                                value.span.start += value_at;
                                self.add_field(project, label, Text::from_segment(value));
                            }
                            // `, Manila, Philippines`: names alone say where.
                            _ if names_only(&rest.text) => project.fields.push(Field {
                                label: "Location".into(),
                                value: rest_text,
                            }),
                            _ => project.description.push(rest_text),
                        }
                    }
                }
                UnitKind::EndDate { .. } => {
                    match (&mut project.date, unit.content.segments.first()) {
                        (Some(date), Some(end)) if was_date && date.text.segments.len() == 1 => {
                            date.text.segments.push(end.clone());
                            date.origin = DateOrigin::TableCells;
                        }
                        // `Until 2023` under the title or among its fields:
                        // the end alone, its word kept to say so.
                        (None, _) if unit.is_worded_end() => {
                            project.date = Some(DateText {
                                text: unit.whole.clone(),
                                origin: DateOrigin::DateLine,
                                order: NumericOrder::default(),
                            });
                        }
                        _ => project.description.push(unit.whole.clone()),
                    }
                }
                UnitKind::Field { label, known: true } => {
                    if unit_cut_off {
                        self.cut_off_value(label, unit);
                        continue;
                    }
                    let (value, remainder) = split_run_in_value(label, &unit.content);
                    self.add_field(project, label.clone(), value);
                    if let Some(remainder) = remainder {
                        project.description.push(remainder);
                    }
                }
                UnitKind::LoneLabel(label) => pending_label = Some(label.clone()),
                // A subheading that opens on the record's dates
                // (`#### 2017–2021: East Africa`) under its headline dates
                // it.
                UnitKind::Text
                    if project.date.is_none()
                        && unit.heading_level().is_some()
                        && unit.content.segments.len() == 1
                        && super::roles::opens_on_dates(&unit.content.clean()) =>
                {
                    project.date = Some(DateText {
                        text: unit.content.clone(),
                        origin: DateOrigin::DateLine,
                        order: NumericOrder::default(),
                    });
                    // Its places are read with the record's text.
                    project.description.push(unit.whole.clone());
                }
                _ => project.description.push(unit.whole.clone()),
            }
        }
        if cut_off {
            if let Some(last) = body.last() {
                self.diagnostics.push(Diagnostic::warning(
                    self.source,
                    last.last_line(),
                    1,
                    format!(
                        "`{}` looks cut off: the listing ends mid-sentence",
                        project.title_text()
                    ),
                ));
            }
        }
    }

    pub(super) fn cut_off_value(&mut self, label: &str, unit: &Unit) {
        self.diagnostics.push(Diagnostic::warning(
            self.source,
            unit.first_line(),
            1,
            format!(
                "ignored the `{label}` value `{}`: the listing ends in the middle of it",
                unit.whole.clean()
            ),
        ));
    }

    pub(super) fn add_field(&mut self, project: &mut RawProject, label: String, value: Text) {
        // A single date read first (`Decision date: 14.6.2019`) gives way
        // to a range in a later dates field (`Implementation period:
        // 1.9.2019–31.8.2023`): the range is when the project runs.
        let single_date_so_far = project.date.as_ref().is_some_and(|date| {
            matches!(date.origin, DateOrigin::Field | DateOrigin::TableCells)
                && date.text.segments.len() == 1
                && scan_date(&date.text.clean()).is_some_and(|e| e.end.is_none() && !e.open_end)
        });
        let range_within = |value: &Text| {
            date_within(value).filter(|dates| {
                scan_date(&dates.clean()).is_some_and(|e| e.end.is_some() || e.open_end)
            })
        };
        // Years alone read first (`Year: 2022-2023`) give way to a later
        // range that names months (`Start and End date: July 2022 – April
        // 2023`): the exacter dates are the project's.
        let years_so_far = project.date.as_ref().is_some_and(|date| {
            date.origin == DateOrigin::Field
                && scan_date(&date.text.clean()).is_some_and(|e| e.start.month.is_none())
        });
        let months_within = |value: &Text| {
            range_within(value)
                .filter(|dates| scan_date(&dates.clean()).is_some_and(|e| e.start.month.is_some()))
        };
        let exacter = (labels::meaning(&label) == Some(Meaning::Dates))
            .then(|| {
                single_date_so_far
                    .then(|| range_within(&value))
                    .flatten()
                    .or_else(|| years_so_far.then(|| months_within(&value)).flatten())
            })
            .flatten();
        if let Some(dates) = exacter {
            project.date = Some(DateText {
                text: dates,
                origin: DateOrigin::Field,
                order: NumericOrder::default(),
            });
        }
        if labels::meaning(&label) == Some(Meaning::Dates) && project.date.is_none() {
            match date_within(&value) {
                Some(dates) => {
                    project.date = Some(DateText {
                        text: dates,
                        origin: DateOrigin::Field,
                        order: NumericOrder::default(),
                    })
                }
                // `Duration: 36 months`: a length, no dates to read.
                None if is_duration(&value.clean()) => {}
                None => self.diagnostics.push(Diagnostic::warning(
                    self.source,
                    value.first_line().unwrap_or(project.first_line),
                    1,
                    format!(
                        "cannot read the dates in `{label}: {}`: expected e.g. `1 June 2007 - 30 June 2009`",
                        value.clean()
                    ),
                )),
            }
        }
        // `Start date: 1 June 2007` and `End date: 30 June 2009`: two
        // fields that make one range, shown like table cells.
        let starts = labels::meaning(&label) == Some(Meaning::Start);
        let ends = labels::meaning(&label) == Some(Meaning::End);
        if (starts || ends) && value.segments.len() == 1 && scan_date(&value.clean()).is_some() {
            let segment = value.segments[0].clone();
            match &mut project.date {
                None if starts => {
                    project.date = Some(DateText {
                        text: Text::from_segment(segment),
                        origin: DateOrigin::TableCells,
                        order: NumericOrder::default(),
                    })
                }
                // A printed end takes the place of a length read beside
                // the start (`Duration: 36 months` before `End: …`).
                Some(date)
                    if ends
                        && date.origin == DateOrigin::TableCells
                        && (date.text.segments.len() == 1
                            || date.text.segments.len() == 2
                                && crate::lengths::length(&date.text.segments[1].text)
                                    .is_some()) =>
                {
                    date.text.segments.truncate(1);
                    date.text.segments.push(segment)
                }
                _ => {}
            }
        }
        project.fields.push(Field { label, value });
        join_start_and_length(project);
    }
}

/// `Start: March 2020` and `Duration: 36 months`, in either order: the
/// length goes beside the start as a table's end cell would
/// (`March 2020 – 36 months`), so that the normaliser can tell the end and
/// the end's evidence is the length as printed. Only a start that names
/// its month: `2020 – 3 years` does not say when in 2023 the project ends.
fn join_start_and_length(project: &mut RawProject) {
    let Some(date) = &mut project.date else {
        return;
    };
    let lone_start = matches!(date.origin, DateOrigin::Field | DateOrigin::TableCells)
        && date.text.segments.len() == 1
        && scan_date(&date.text.clean())
            .is_some_and(|e| e.end.is_none() && !e.open_end && e.start.month.is_some());
    if !lone_start {
        return;
    }
    let length = project.fields.iter().find_map(|field| {
        if labels::meaning(&field.label) != Some(Meaning::Dates) {
            return None;
        }
        let [segment] = field.value.segments.as_slice() else {
            return None;
        };
        let at = segment.text.len() - segment.text.trim_start().len();
        let found = crate::lengths::length(segment.text.get(at..)?)?;
        let end = at + found.len;
        Some(Segment {
            text: segment.text.get(at..end)?.to_string(),
            line: segment.line,
            span: segment.span_of(at, end),
            map: segment.map.slice(at, end),
        })
    });
    let Some(length) = length else {
        return;
    };
    // Unless the two would read as a range (`March 2020 – 2.3 years`,
    // whose `2.3` reads as a day and a month): the start alone is sure.
    let joined = format!("{} – {}", date.text.clean(), length.text);
    if scan_date(&joined).is_some_and(|e| e.end.is_none()) {
        date.origin = DateOrigin::TableCells;
        date.text.segments.push(length);
    }
}

/// The dates in a `Duration:` value: at its start, or after some words
/// (`24 months (2019–2021)`, `Ongoing since January 2020`).
pub(super) fn date_within(value: &Text) -> Option<Text> {
    let [segment] = value.segments.as_slice() else {
        return scan_date(&value.clean()).map(|_| value.clone());
    };
    let text = segment.text.as_str();
    let starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|&(i, c)| {
                i > 0
                    && !c.is_whitespace()
                    && text[..i].ends_with(|p: char| p.is_whitespace() || p == '(')
            })
            .map(|(i, _)| i),
    );
    for at in starts {
        let rest = &text[at..];
        let len = match scan_date(rest) {
            Some(expr) => expr.len,
            // `until March 2025`, `bis März 2026`, `24 months (until
            // 2027)`: the end alone, its word kept to say so (the date
            // after it is no start).
            None if rest.starts_with(char::is_alphabetic) => match scan_end_date(rest) {
                Some(end) => end.len,
                None => continue,
            },
            None => continue,
        };
        let found = rest.get(..len)?.trim_end();
        return Some(Text::from_segment(Segment {
            text: found.to_string(),
            line: segment.line,
            span: segment.span_of(at, at + found.len()),
            map: segment.map.slice(at, at + found.len()),
        }));
    }
    None
}

/// An amount of money at the end of a cell (`… $12,000`, `… US$ 4 500`,
/// `… 10 000 €`, `… 200,000 EUR`): the cell before it and the amount.
fn split_trailing_amount(cell: &Segment) -> Option<(Segment, Segment)> {
    const SIGNS: &[&str] = &["US$", "USD", "EUR", "GBP", "CHF", "$", "€", "£"];
    let text = cell.text.as_str();
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let item = (*at, w);
            *at += w.len() + 1;
            Some(item)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is_number = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
    };
    let is_sign = |w: &str| SIGNS.contains(&w);
    // The amount's first word, scanning back over numbers and signs.
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1].1;
        let glued_sign = SIGNS
            .iter()
            .any(|s| w.strip_prefix(s).is_some_and(is_number));
        if is_number(w) || is_sign(w) || glued_sign || w == "million" {
            start -= 1;
        } else {
            break;
        }
    }
    let amount_words = &words[start..];
    let has_sign = amount_words
        .iter()
        .any(|(_, w)| SIGNS.iter().any(|s| w.starts_with(s)));
    let has_number = amount_words
        .iter()
        .any(|(_, w)| w.chars().any(|c| c.is_ascii_digit()));
    if start == 0 || !has_sign || !has_number {
        return None;
    }
    let at = amount_words.first()?.0;
    let name = text[..at].trim_end();
    let amount = text[at..].trim_end();
    Some((
        Segment {
            text: name.to_string(),
            line: cell.line,
            span: Span::new(cell.span.start, cell.span.start + name.len()),
            map: Default::default(),
        },
        Segment {
            text: amount.to_string(),
            line: cell.line,
            span: Span::new(cell.span.start + at, cell.span.start + at + amount.len()),
            map: Default::default(),
        },
    ))
}

/// A record code rather than words: `P-123456`, `RAF/10/55/USA`, `2019-03`.
fn is_code(text: &str) -> bool {
    !text.contains(' ') && text.chars().any(|c| c.is_ascii_digit())
}

/// Opening quotation marks, straight and curly.
const QUOTES: &[char] = &['"', '“', '„', '«', '‘'];

/// `Title (Partners: A, B)`: the bracket is a field, not part of the title.
fn split_labelled_bracket(title: &mut Text) -> Option<Field> {
    let segment = title.segments.last_mut()?;
    let at = crate::units::labelled_bracket(&segment.text)?;
    let inside_start = at + 1;
    let trimmed = segment.text.trim_end();
    let inside_end = match trimmed.ends_with([')', ']']) {
        true => trimmed.len() - 1,
        false => trimmed.len(),
    };
    let inside = segment.text.get(inside_start..inside_end)?;
    let (label, value) = inside.split_once(':')?;
    let value_at = inside_start + label.len() + 1;
    let value_at = value_at + (value.len() - value.trim_start().len());
    let value = value.trim();
    let field = Field {
        label: label.trim().to_string(),
        value: Text::from_segment(Segment {
            text: value.to_string(),
            line: segment.line,
            span: Span::new(
                segment.span.start + value_at,
                segment.span.start + value_at + value.len(),
            ),
            map: Default::default(),
        }),
    };
    let kept = segment.text[..at].trim_end().len();
    segment.text.truncate(kept);
    segment.span.end = segment.span.start + kept;
    Some(field)
}

/// A record code before a title is not part of it (convention 14):
/// `XAC/Z60 – Border control`. The code holds a slash and a digit, so
/// `HIV/AIDS – …` stays.
fn strip_record_code(title: &mut Text) {
    let Some(segment) = title.segments.first_mut() else {
        return;
    };
    let Some(code_end) = segment.text.find(' ') else {
        return;
    };
    let code = &segment.text[..code_end];
    if !(code.contains('/') && code.chars().any(|c| c.is_ascii_digit())) {
        return;
    }
    cut_before_title(segment, code_end, &[" – ", " - ", " — ", ": "]);
}

/// Cuts off the text of `segment` before byte `at` and the first of
/// `separators` that follows it, where a title follows them.
fn cut_before_title(segment: &mut Segment, at: usize, separators: &[&str]) {
    let Some(title) = segment.text.get(at..).and_then(|rest| {
        separators
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))
            .filter(|title| !title.trim().is_empty())
    }) else {
        return;
    };
    let cut = segment.text.len() - title.len();
    segment.text.drain(..cut);
    segment.span.start += cut;
}

/// A record's number before its title is not part of it: `Project 1 –
/// Title`, `Project A: Title`, `Proyecto 3. Título`. The number is a few
/// digits, one capital letter or a roman numeral.
fn strip_project_number(title: &mut Text) {
    let Some(segment) = title.segments.first_mut() else {
        return;
    };
    let mut words = segment.text.splitn(3, ' ');
    let (Some(word), Some(number)) = (words.next(), words.next()) else {
        return;
    };
    if !RECORD_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return;
    }
    let number = number.trim_end_matches([':', '.', ')']);
    let is_number = (1..=3).contains(&number.len())
        && (number.bytes().all(|b| b.is_ascii_digit())
            || number.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
            || (number.len() == 1 && number.bytes().all(|b| b.is_ascii_uppercase())));
    if !is_number {
        return;
    }
    let at = word.len() + 1 + number.len();
    cut_before_title(segment, at, &[" – ", " - ", " — ", ": ", " : ", ". ", ") "]);
}

/// `Name / Title` in a listing that prints every item so: the name, cut
/// off the title.
fn split_name_before_slash(title: &mut Text) -> Option<Text> {
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let at = super::layout::name_before_slash(&segment.text)?;
    let name = segment.text[..at - " / ".len()].trim_end().to_string();
    let name_span = Span::new(segment.span.start, segment.span.start + name.len());
    let name = Segment {
        text: name,
        line: segment.line,
        span: name_span,
        map: Default::default(),
    };
    segment.text.drain(..at);
    segment.span.start += at;
    Some(Text::from_segment(name))
}

/// The title in a record of rule LL: its first sentence, without the
/// name of the body that carries it out, printed before it with its
/// acronym (`Pro Development Network (PDN) – Promotion of safe water`) or
/// after `by` (`Hygiene promotion by Korah Great Hope Charity (KGHCO)`);
/// that name is returned.
fn sentence_title(title: &mut Text) -> Option<Text> {
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let first_sentence = segment
        .text
        .match_indices(". ")
        .find(|&(at, _)| segment.text[at + 2..].starts_with(|c: char| c.is_uppercase()))
        .map_or(segment.text.len(), |(at, _)| at);
    let kept = segment.text[..first_sentence]
        .trim_end_matches('.')
        .trim_end()
        .len();
    segment.text.truncate(kept);
    segment.span.end = segment.span.start + kept;
    let text = segment.text.as_str();
    let name_before = [" – ", " — ", " - "]
        .iter()
        .filter_map(|dash| text.find(dash).map(|at| (at, at + dash.len())))
        .min()
        .filter(|&(at, _)| {
            // `Decent Work – Phase 2` is a title: a body's name before a
            // dash ends with its acronym.
            let name = &text[..at];
            name.ends_with(')') && is_body_name(name)
        });
    let name_after = text
        .rfind(" by ")
        .filter(|&at| is_body_name(&text[at + " by ".len()..]))
        .map(|at| (at, at + " by ".len()));
    let (name, title_range) = match (name_before, name_after) {
        (Some((at, rest)), _) => (0..at, rest..text.len()),
        (None, Some((at, name))) => (name..text.len(), 0..at),
        (None, None) => return None,
    };
    let name_segment = Segment {
        text: text[name.clone()].to_string(),
        line: segment.line,
        span: Span::new(
            segment.span.start + name.start,
            segment.span.start + name.end,
        ),
        map: Default::default(),
    };
    segment.text = text[title_range.clone()].to_string();
    segment.span = Span::new(
        segment.span.start + title_range.start,
        segment.span.start + title_range.end,
    );
    Some(Text::from_segment(name_segment))
}

/// Whether `text` reads as the name of a body: two to twelve words, each
/// capitalised or a connector, or with its acronym in brackets at the end.
fn is_body_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.starts_with(|c: char| c.is_uppercase() || c == '(')
            || [
                "of", "for", "and", "the", "with", "in", "on", "to", "de", "du", "des", "la", "&",
            ]
            .contains(w)
    };
    (2..=12).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(capitalised)
}

/// A grantee's name before a quoted title (`Peace Now: "Settlement Watch
/// Project"`) is not part of it (convention 14).
fn strip_name_before_quote(title: &mut Text) {
    let [segment] = title.segments.as_mut_slice() else {
        return;
    };
    let Some(colon) = segment.text.find(": ") else {
        return;
    };
    let rest = segment.text[colon + 1..].trim_start();
    let name_words = segment.text[..colon].split_whitespace().count();
    if rest.starts_with(QUOTES) && (1..=8).contains(&name_words) {
        let cut = segment.text.len() - rest.len();
        segment.text.drain(..cut);
        segment.span.start += cut;
    }
}

/// A title of one line that opens on the project's name in quotes,
/// then credits after a comma ([`quoted_name_before_credits`]), is the
/// name; the credits are cut off and given back, the record's first text.
fn split_quoted_name(title: &mut Text) -> Option<Segment> {
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let end = quoted_name_before_credits(&segment.text)?;
    // The credits start after the comma and its white space.
    let after_comma = segment.text.get(end + 1..)?;
    let at = segment.text.len() - after_comma.trim_start().len();
    cut_segment(segment, end, at)
}

/// A quoted title ends with the sentence it is in: `“Youth House”
/// /extension/. The goal of the project was …` is `“Youth House”
/// /extension/`.
fn end_quoted_title(title: &mut Text) {
    let [segment] = title.segments.as_mut_slice() else {
        return;
    };
    if !segment.text.starts_with(QUOTES) {
        return;
    }
    let opening = segment.text.chars().next().map_or(0, char::len_utf8);
    let Some(close) = segment.text[opening..]
        .find(['"', '”', '»', '’', '“'])
        .map(|at| at + opening)
    else {
        return;
    };
    let after = &segment.text[close..];
    let Some(stop) = after
        .find(". ")
        .or_else(|| after.ends_with('.').then(|| after.len() - 1))
    else {
        return;
    };
    let end = close + stop;
    let kept = segment.text[..end].trim_end().len();
    segment.text.truncate(kept);
    segment.span.end = segment.span.start + kept;
}

/// A name whose opening quotation mark the copy lost, its closing one
/// left before a comma (`Fair Trade – Fair Peace‘, in the Middle East;`):
/// the title ends at the mark, and what follows is the record's text. A
/// right single quotation mark is an apostrophe as often (`farmers’,`), so
/// only the marks that never are count, with no opening mark before them.
fn end_at_a_lone_closing_quote(title: &mut Text) -> Option<Segment> {
    const FEWEST_WORDS: usize = 2;
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let text = &segment.text;
    if text.starts_with(QUOTES) || text.contains(['“', '«', '„']) {
        return None;
    }
    let (at, mark) = text
        .char_indices()
        .find(|&(_, c)| matches!(c, '‘' | '”' | '»'))?;
    let after = text[at + mark.len_utf8()..].trim_start();
    if !after.starts_with([',', ';']) || text[..at].split_whitespace().count() < FEWEST_WORDS {
        return None;
    }
    let end = text[..at].trim_end().len();
    // The text after the separator.
    let rest = after[1..].trim_start();
    let rest_start = text.len() - rest.len();
    cut_segment(segment, end, rest_start)
}

/// A range of dates in a short field that is not about dates, for a
/// project that has no other: `Funding: $11.2 million (2018 to 2023)`. A
/// lone year there may be anything (`Budget: 2019 allocation`), so only a
/// range counts.
fn dates_in_short_fields(project: &RawProject) -> Option<DateText> {
    project
        .fields
        .iter()
        .filter(|f| labels::meaning(&f.label) != Some(Meaning::Prose))
        .filter(|f| f.value.segments.len() == 1 && f.value.clean().split_whitespace().count() <= 25)
        .find_map(|f| field_range(&f.value))
}

/// The range of dates in a field's value, as the record's dates.
fn field_range(value: &Text) -> Option<DateText> {
    let dates = date_within(value)?;
    let expr = scan_date(&dates.clean())?;
    (expr.end.is_some() || expr.open_end).then_some(DateText {
        text: dates,
        origin: DateOrigin::Field,
        order: NumericOrder::default(),
    })
}

/// A range of dates that is the whole value of a field the vocabulary
/// does not list, among the record's fields (`Life of activity: October
/// 2018 – September 2023`), for a project that has no other. A single date
/// there may be any event (an approval, a signature, the end).
fn dates_in_unlisted_fields(body: &[Unit]) -> Option<DateText> {
    body.iter()
        .filter(|unit| unit.continues_fields() && unit.dates_its_label())
        .find_map(|unit| field_range(&unit.content))
}

/// A dates label run into a sentence, with no colon: `Project Duration
/// 2023-2025.`, for a project that has no other dates. The label starts a
/// sentence, capitalised as labels are printed: the same words inside one
/// are prose (`trains returnees for two years (2014–2016)`, `during the
/// period 2016-2020`), and prose gives no dates.
fn labelled_dates_in_prose(project: &RawProject) -> Option<DateText> {
    for segment in project.description.iter().flat_map(|p| &p.segments) {
        let text = segment.text.as_str();
        let lower = text.to_lowercase();
        // Lower-casing may change byte lengths; only an ASCII-only head
        // keeps offsets comparable.
        if lower.len() != text.len() {
            continue;
        }
        for (label, meaning) in labels::VOCABULARY {
            if *meaning != Meaning::Dates || label.len() < 5 {
                continue;
            }
            for (at, _) in lower.match_indices(label) {
                let before = text[..at].trim_end();
                // A space at least after the sentence before it.
                let starts_sentence =
                    before.is_empty() || (before.ends_with(['.', '!', '?']) && before.len() < at);
                let capitalised = text[at..].starts_with(|c: char| c.is_uppercase());
                let before_ok = starts_sentence && capitalised;
                let after = &text[at + label.len()..];
                let gap = after.len() - after.trim_start().len();
                if !before_ok || gap == 0 || after.starts_with(':') {
                    continue;
                }
                let date_at = at + label.len() + gap;
                let Some(expr) = scan_date(&text[date_at..]) else {
                    continue;
                };
                let found = text[date_at..date_at + expr.len].trim_end();
                return Some(DateText {
                    text: Text::from_segment(Segment {
                        text: found.to_string(),
                        line: segment.line,
                        span: Span::new(
                            segment.span.start + date_at,
                            segment.span.start + date_at + found.len(),
                        ),
                        map: Default::default(),
                    }),
                    origin: DateOrigin::Field,
                    order: NumericOrder::default(),
                });
            }
        }
    }
    None
}

/// The first line of a title paragraph that is a label over it, not the
/// start of a wrapped title.
pub(super) fn is_kicker_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let connector = words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "of" | "for" | "and" | "in" | "the" | "to" | "on" | "a" | "an" | "with" | "by"
        )
    });
    line.starts_with('©') || (words.len() <= 3 && !connector && !line.ends_with(['-', '–', ':']))
}

/// Cuts a one-line headline that carries its dates into the title and the
/// dates (see [`crate::units::own_dates`]).
fn split_own_dates(title: &mut Text, own: OwnDates) -> Option<Segment> {
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let date_text = segment.text.get(own.date_start..own.date_end)?.trim_end();
    let date = Segment {
        text: date_text.to_string(),
        line: segment.line,
        span: Span::new(
            segment.span.start + own.date_start,
            segment.span.start + own.date_start + date_text.len(),
        ),
        map: Default::default(),
    };
    segment.text.truncate(own.title_end);
    segment.span.end = segment.span.start + own.title_end;
    Some(date)
}

/// A footnote's mark at the end of a title is not part of it: `Water for
/// schools¹`, `… (2015–2019)²`, `Title [3]`, `Title†`.
fn strip_footnote_mark(title: &mut Text) {
    let Some(last) = title.segments.last_mut() else {
        return;
    };
    let text = last.text.trim_end();
    let mut kept =
        text.trim_end_matches(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '†', '‡']);
    if kept.len() == text.len() {
        // `[3]`: a bracketed number of one or two digits.
        if let Some(open) = text.strip_suffix(']').and_then(|t| t.rfind('[')) {
            let inside = &text[open + 1..text.len() - 1];
            if (1..=2).contains(&inside.len()) && inside.bytes().all(|b| b.is_ascii_digit()) {
                kept = &text[..open];
            }
        }
    }
    let kept = kept.trim_end().len();
    if kept == 0 || kept == last.text.len() {
        return;
    }
    last.text.truncate(kept);
    last.span.end = last.span.start + kept;
}

/// A clause after a title's comma or semicolon that names who pays in
/// words the vocabulary lists as a funder's label (`Amrao Manush; Funded by
/// Concern World Wide.`, `…, financé par l'AFD`): not the title's, but
/// that funder's field, under the words as printed.
fn split_funding_clause(title: &mut Text) -> Option<(String, Segment)> {
    const MOST_LABEL_WORDS: usize = 3;
    let last = title.segments.last_mut()?;
    let text = last.text.as_str();
    // A quoted name's credits are its record's text, read with the name.
    if quoted_name_before_credits(text).is_some() {
        return None;
    }
    let (at, label, value_at) = text.match_indices([',', ';']).find_map(|(at, _)| {
        let clause = &text[at + 1..];
        let clause_at = at + 1 + (clause.len() - clause.trim_start().len());
        let clause = clause.trim_start();
        let words: Vec<(usize, &str)> = clause
            .split_whitespace()
            .take(MOST_LABEL_WORDS + 1)
            .map(|w| (w.as_ptr() as usize - clause.as_ptr() as usize, w))
            .collect();
        (2..=MOST_LABEL_WORDS.min(words.len().saturating_sub(1))).find_map(|n| {
            let (last_at, last_word) = words[n - 1];
            let label = &clause[..last_at + last_word.len()];
            (labels::listed_meaning(label) == Some(Meaning::Funder))
                .then(|| (at, label.to_string(), clause_at + words[n].0))
        })
    })?;
    // The title keeps two words at least.
    text[..at].split_whitespace().nth(1)?;
    let value = text[value_at..].trim_end();
    let funder = Segment {
        text: value.to_string(),
        line: last.line,
        span: last.span_of(value_at, value_at + value.len()),
        map: Default::default(),
    };
    let kept = text[..at].trim_end().len();
    last.span = last.span_of(0, kept);
    last.text.truncate(kept);
    Some((label, funder))
}

/// Where the project stands, printed at the end of its headline in a
/// bracket or after a dash or a bar (`Girls' schooling (Ongoing)`, `Pozo en
/// Gurei - Terminado`), is its status, not part of its title: cut off and
/// given back.
fn split_status_mark(title: &mut Text) -> Option<Segment> {
    let last = title.segments.last_mut()?;
    let text = last.text.trim_end();
    // A status is a few words ([`crate::units::is_status_value`]): it and
    // its mark are looked for in the title's last bytes only.
    const LONGEST_MARKED_STATUS: usize = 24;
    let mut tail = text.len().saturating_sub(LONGEST_MARKED_STATUS);
    while !text.is_char_boundary(tail) {
        tail -= 1;
    }
    let bracketed = [('(', ')'), ('[', ']')].iter().find_map(|&(open, close)| {
        let inner = text.strip_suffix(close)?;
        let at = tail + inner.get(tail..)?.rfind(open)?;
        Some((at, at + 1, inner.len()))
    });
    let after_mark = || {
        [" - ", " – ", " — ", " | "].iter().find_map(|mark| {
            let at = tail + text[tail..].rfind(mark)?;
            Some((at, at + mark.len(), text.len()))
        })
    };
    let (cut, from, to) = bracketed.or_else(after_mark)?;
    let status = text[from..to].trim();
    let kept = text[..cut].trim_end().len();
    if kept == 0 || !crate::units::is_status_value(status) {
        return None;
    }
    let at = from + (text[from..to].len() - text[from..to].trim_start().len());
    let segment = Segment {
        text: status.to_string(),
        line: last.line,
        span: Span::new(last.span.start + at, last.span.start + at + status.len()),
        map: Default::default(),
    };
    last.text.truncate(kept);
    last.span.end = last.span.start + kept;
    Some(segment)
}

/// A title printed as a Markdown link (`[Open maps for Kathmandu](https://…)`,
/// a README's table) is the link's text.
fn strip_markdown_link(title: &mut Text) {
    let [segment] = title.segments.as_mut_slice() else {
        return;
    };
    if !segment.map.is_empty() {
        return;
    }
    let text = segment.text.trim_end();
    if !is_markdown_link(text) {
        return;
    }
    let Some((name, _)) = text.strip_prefix('[').and_then(|t| t.split_once("](")) else {
        return;
    };
    let (start, len) = (1, name.len());
    segment.text = name.to_string();
    segment.span = Span::new(segment.span.start + start, segment.span.start + start + len);
}

/// Removes `(2009–2010)` from the end of a title; returns it as a segment.
pub(super) fn strip_title_date(title: &mut Text) -> Option<Segment> {
    let last = title.segments.last_mut()?;
    let (at, _) = trailing_parenthesised_date(&last.text)?;
    let kept = last.text[..at].trim_end().len();
    if kept == 0 {
        return None;
    }
    let date_text = last.text[at..].trim_end().to_string();
    let date = Segment {
        line: last.line,
        span: Span::new(last.span.start + at, last.span.start + at + date_text.len()),
        text: date_text,
        map: Default::default(),
    };
    last.text.truncate(kept);
    last.span.end = last.span.start + kept;
    Some(date)
}

/// Words that start a sentence and never continue an organisation's name.
pub(super) const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "These",
    "That",
    "A",
    "An",
    "In",
    "It",
    "Its",
    "Since",
    "Under",
    "With",
    "As",
    "Following",
    "Through",
    "During",
    "After",
    "Building",
    "Our",
];

/// `Donor – US Department of State The recently initiated…`: a name run
/// into the description on one line. Splits before the capitalised word that
/// starts the sentence (the name's words are capitalised or connectors; the
/// sentence soon has a lower-case word).
pub(super) fn split_run_in_value(label: &str, value: &Text) -> (Text, Option<Text>) {
    let whole = (value.clone(), None);
    if value.segments.len() != 1 || labels::meaning(label) == Some(Meaning::Prose) {
        return whole;
    }
    let segment = &value.segments[0];
    let words: Vec<(usize, &str)> = segment
        .text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - segment.text.as_ptr() as usize, w))
        .collect();
    if words.len() <= 12 {
        return whole;
    }
    let connector = |w: &str| {
        matches!(
            w,
            "of" | "for"
                | "and"
                | "the"
                | "de"
                | "du"
                | "des"
                | "la"
                | "le"
                | "on"
                | "&"
                | "-"
                | "–"
        )
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let Some(first_lower) = words.iter().position(|(_, w)| lower(w) && !connector(w)) else {
        return whole;
    };
    if first_lower < 2 || !SENTENCE_STARTERS.contains(&words[first_lower - 1].1) {
        return whole;
    }
    let split_at = words[first_lower - 1].0;
    let name = segment.text[..split_at].trim_end();
    let name_segment = Segment {
        text: name.to_string(),
        line: segment.line,
        span: Span::new(segment.span.start, segment.span.start + name.len()),
        map: Default::default(),
    };
    let rest_segment = Segment {
        text: segment.text[split_at..].to_string(),
        line: segment.line,
        span: Span::new(segment.span.start + split_at, segment.span.end),
        map: Default::default(),
    };
    (
        Text::from_segment(name_segment),
        Some(Text::from_segment(rest_segment)),
    )
}

/// Whether `text` is names alone (`Manila, Philippines`, `Chad · Health`,
/// `Bosnia and Herzegovina`): every word capitalised but the words that
/// join names, no full stop at the end. Else it is prose (`Funded by
/// Norway.`), which goes to the description.
fn names_only(text: &str) -> bool {
    const JOINING: &[&str] = &[
        "and", "of", "the", "de", "du", "des", "la", "y", "et", "und", "e",
    ];
    // Numbers alone (`, 2014, 2015` after a year) name no place.
    !text.trim_end().ends_with('.')
        && text.chars().any(char::is_alphabetic)
        && text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|' | '·' | '•' | '/'))
            .filter(|w| !w.is_empty())
            .all(|w| {
                JOINING.contains(&w)
                    || w.chars()
                        .find(|c| c.is_alphanumeric())
                        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
            })
}

/// A range of dates, or one still open: `2020 – 2023`, `Since 2018`.
fn is_range(expr: &DateExpr) -> bool {
    expr.end.is_some() || expr.open_end
}

/// A date line's one date of a day: `12 May 2021`.
fn is_day_alone(date: &DateText) -> bool {
    match (date.origin, date.text.segments.as_slice()) {
        (DateOrigin::DateLine, [segment]) => {
            scan_date(&segment.text).is_some_and(|e| !is_range(&e) && e.start.day.is_some())
        }
        _ => false,
    }
}

/// A paragraph taken for want of other records that opens on its dates
/// before a dash and a sentence (`January 2018 – the trustees agreed to
/// …`): the dates, the title left to start after the dash.
/// The sentence may open in lower case or on an amount (`July 2018 – £822
/// was donated …`): the paragraph is a record already.
fn split_opening_dates(title: &mut Text) -> Option<Segment> {
    let first = title.segments.first_mut()?;
    let text = &first.text;
    let lead = text.len() - text.trim_start().len();
    let (dates_len, sentence) = dates_before_dash(&text[lead..])?;
    let sentence = sentence.trim_start();
    // A sentence of three words at least.
    sentence.split_whitespace().nth(2)?;
    let dates = Segment {
        text: text[lead..lead + dates_len].to_string(),
        line: first.line,
        span: first.span_of(lead, lead + dates_len),
        map: Default::default(),
    };
    let rest_start = text.len() - sentence.len();
    *first = cut_segment(first, 0, rest_start)?;
    Some(dates)
}

/// The dates a line opens on before a dash and a sentence
/// ([`dates_opening_paragraph`]).
fn dates_opening_line(segment: &Segment) -> Option<Segment> {
    let text = segment.text.trim_end();
    let lead = text.len() - text.trim_start().len();
    let len = dates_opening_paragraph(&text[lead..])?;
    Some(Segment {
        text: text[lead..lead + len].to_string(),
        line: segment.line,
        span: segment.span_of(lead, lead + len),
        map: Default::default(),
    })
}

/// The range of dates that ends a line after a comma, a stop or a
/// semicolon (`…, funded by the Science Fund, December 2018–November
/// 2019.`), a range with both ends or left open.
fn range_ending_line(segment: &Segment) -> Option<Segment> {
    let text = segment.text.trim_end().trim_end_matches('.');
    let mut starts = text
        .match_indices([',', '.', ';'])
        .map(|(at, _)| at + 1)
        .filter(|&at| text[at..].starts_with(' '));
    starts.find_map(|at| {
        let from = at + 1;
        let expr = scan_date(&text[from..]).filter(crate::dates::has_project_years)?;
        let ranged = expr.end.is_some() || expr.open_end;
        (ranged && from + expr.len >= text.len()).then(|| Segment {
            text: text[from..].to_string(),
            line: segment.line,
            span: segment.span_of(from, text.len()),
            map: Default::default(),
        })
    })
}

/// The dates printed right after a quoted name on its line, after a comma
/// or a stop and their label if any (`Project “Wells for Taounate”.
/// Years 2003-2004. Co-funded by …`, `“Wells”, 2003-2004`), or alone in
/// brackets (`“Wells” (01/03/2012-30/06/2012) for …`), as a title's are.
fn dates_after_quoted_name(segment: &Segment, close: usize) -> Option<Segment> {
    const LONGEST_LABEL: usize = 2;
    let rest = segment.text.get(close..)?;
    let after_quote = rest.trim_start_matches(['”', '"', '’', '»', '\'']);
    if let Some(bracketed) = after_quote.trim_start().strip_prefix('(') {
        let inner = &bracketed[..bracketed.find(')')?];
        let dates = inner.trim();
        let expr = scan_date(dates).filter(crate::dates::has_project_years)?;
        if expr.len != dates.len() {
            return None;
        }
        let start = segment.text.len() - bracketed.len() + (inner.len() - inner.trim_start().len());
        return Some(Segment {
            text: dates.to_string(),
            line: segment.line,
            span: segment.span_of(start, start + dates.len()),
            map: Default::default(),
        });
    }
    let separated = after_quote
        .trim_start()
        .strip_prefix([',', '.', ';', '–', '-'])?;
    let words: Vec<&str> = separated
        .split_whitespace()
        .take(LONGEST_LABEL + 1)
        .collect();
    let candidates = (0..=LONGEST_LABEL.min(words.len())).filter(|&n| {
        n == 0
            || labels::meaning(words[..n].join(" ").trim_end_matches(':')) == Some(Meaning::Dates)
    });
    for n in candidates {
        let mut at = separated.len() - separated.trim_start().len();
        for word in &words[..n] {
            let from = separated[at..].find(word)? + at;
            at = from + word.len();
        }
        let text = separated[at..].trim_start_matches([' ', ':']);
        let Some(expr) = scan_date(text).filter(crate::dates::has_project_years) else {
            continue;
        };
        let start = segment.text.len() - text.len();
        let dates = text[..expr.len].trim_end_matches(['.', ',', ' ']);
        return Some(Segment {
            text: dates.to_string(),
            line: segment.line,
            span: segment.span_of(start, start + dates.len()),
            map: Default::default(),
        });
    }
    None
}

/// Cuts a title that is several sentences after its first, stop and all
/// (`school fees for 41 pupils. Exchange with the school of …`): what was
/// done is told in the first, the rest is the record's text.
fn split_first_sentence(title: &mut Text) -> Option<Text> {
    let first = title.segments.first_mut()?;
    // A sentence ends on a stop before a capital (`u.a. in` abbreviates).
    let stop = first
        .text
        .match_indices(". ")
        .find(|&(at, _)| first.text[at + 2..].starts_with(char::is_uppercase))?
        .0;
    let mut rest = Text::default();
    rest.segments.extend(cut_segment(first, stop + 1, stop + 2));
    rest.segments.extend(title.segments.drain(1..));
    (!rest.segments.is_empty()).then_some(rest)
}

/// An amount ending a title after a comma or in a cell of its own,
/// maybe with a word for the cost and one for its nearness before it
/// (`Schoolbooks and pens, cost approx. 10.000 €`, `Sewing machines, ca.
/// 2000 €`, `Wells, EUR 4,500`, `Wells⇥$16,000`): the record's budget, cut
/// off and given back.
fn split_title_amount(title: &mut Text) -> Option<Segment> {
    const COST_WORDS: &[&str] = &[
        "cost", "costs", "kosten", "coût", "coste", "costo", "custo", "budget", "total", "montant",
        "betrag",
    ];
    const NEAR_WORDS: &[&str] = &[
        "ca.", "ca", "approx.", "approx", "about", "around", "circa", "environ", "env.", "~",
        "etwa", "rund", "aprox.",
    ];
    let last = title.segments.last_mut()?;
    // An amount ends on a digit or a currency's sign or code.
    let ends_on_money = last
        .text
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase() || "€$£.".contains(c));
    if !ends_on_money {
        return None;
    }
    // A comma, or a tab: a cell of its own beside the title (a page's
    // amount in an element of its own); a table's row has more cells,
    // read as its columns.
    let tab = last
        .text
        .rfind('\t')
        .filter(|_| last.text.matches('\t').count() == 1);
    let (cut, after) = match (last.text.rfind(", "), tab) {
        (Some(comma), Some(tab)) if tab > comma => (tab, tab + 1),
        (Some(comma), _) => (comma, comma + 2),
        (None, Some(tab)) => (tab, tab + 1),
        (None, None) => return None,
    };
    let tail = last.text[after..].trim_end();
    let mut words = tail.split_whitespace().peekable();
    words.next_if(|w| COST_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)));
    words.next_if(|w| NEAR_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)));
    let rest: Vec<&str> = words.collect();
    let is_number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\''))
    };
    let is_currency = |w: &str| {
        matches!(
            w,
            "€" | "$" | "£" | "EUR" | "USD" | "GBP" | "CHF" | "Fr." | "CFA" | "FCFA"
        )
    };
    let with_sign = |w: &str| {
        w.strip_prefix(['€', '$', '£'])
            .or_else(|| w.strip_suffix(['€', '$', '£']))
            .is_some_and(is_number)
    };
    let amount = match rest.as_slice() {
        [first, second] => {
            (is_number(first) && is_currency(second)) || (is_currency(first) && is_number(second))
        }
        [word] => with_sign(word),
        _ => false,
    };
    let kept = last.text[..cut].trim_end().len();
    if !amount || kept == 0 {
        return None;
    }
    cut_segment(last, kept, after)
}

/// A list item of several lines whose first line is its name alone (a
/// Markdown link, `[SEPP-Pakistan](…)`, or a few words, `Moldawien`) and
/// whose other lines tell of it in sentences: the first line is the
/// title, the rest is given back, the record's text. A title wrapped over
/// two lines does not end on a sentence's stop after a dozen words.
fn split_item_headline(title: &mut Text) -> Option<Text> {
    const NAME_WORDS: usize = 4;
    const FEWEST_TEXT_WORDS: usize = 12;
    let (first, rest) = title.segments.split_first()?;
    if rest.is_empty() {
        return None;
    }
    let link = is_markdown_link(first.text.trim_end());
    let short = first.text.split_whitespace().count() <= NAME_WORDS
        && !first
            .text
            .trim_end()
            .ends_with(|c: char| c.is_ascii_punctuation());
    let told = rest.last()?.text.trim_end().ends_with(['.', '!', '?'])
        && rest
            .iter()
            .flat_map(|s| s.text.split_whitespace())
            .nth(FEWEST_TEXT_WORDS - 1)
            .is_some();
    if !(link || short) || !told {
        return None;
    }
    let rest = title.segments.split_off(1);
    Some(Text { segments: rest })
}

/// Whether `text` is one Markdown link and nothing more (`[Name](url)`).
fn is_markdown_link(text: &str) -> bool {
    text.strip_prefix('[')
        .and_then(|t| t.strip_suffix(')'))
        .and_then(|t| t.split_once("]("))
        .is_some_and(|(name, address)| {
            !name.trim().is_empty()
                && !name.contains(['[', ']'])
                && !address.is_empty()
                && !address.contains(char::is_whitespace)
        })
}

/// The quoted name a one-line title holds (`… receives 5 million for the
/// project ”Fishing in a complex sea”. …`) is the title, quotation marks
/// and all; the whole line is given back, the record's text.
fn quoted_name_within(title: &mut Text) -> Option<Text> {
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let (open, end) = crate::units::quoted_span(&segment.text)?;
    let name = segment.text.get(open..end)?.to_string();
    let line = segment.clone();
    segment.span = segment.span_of(open, end);
    segment.text = name;
    Some(Text::from_segment(line))
}

/// Cuts a one-line title that is several sentences after its first, where
/// that is a name (two to fifteen words, no stop of its own): the title is
/// the name without its stop, the rest is the record's text.
fn split_name_sentence(title: &mut Text) -> Option<Text> {
    const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=15;
    let [segment] = title.segments.as_mut_slice() else {
        return None;
    };
    let stop = segment.text.find(". ")?;
    let name = &segment.text[..stop];
    if !NAME_WORDS.contains(&name.split_whitespace().count()) {
        return None;
    }
    if segment.text.get(stop + 2..)?.trim_end().is_empty() {
        return None;
    }
    cut_segment(segment, stop, stop + 2).map(Text::from_segment)
}

/// Cuts `segment` at `end`, giving what stands from `rest_start` on (its
/// trailing white space left out), if anything does.
fn cut_segment(segment: &mut Segment, end: usize, rest_start: usize) -> Option<Segment> {
    let tail = segment.text.get(rest_start..)?.trim_end().to_string();
    let rest = (!tail.is_empty()).then(|| Segment {
        span: segment.span_of(rest_start, rest_start + tail.len()),
        text: tail,
        line: segment.line,
        map: Default::default(),
    });
    segment.span = segment.span_of(0, end);
    segment.text.truncate(end);
    rest
}
