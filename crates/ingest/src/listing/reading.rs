//! The second pass: projects, window by window.

use super::layout::{Layout, LOOKAHEAD_UNITS};
use super::roles::{Builder, Role};
use super::ListingEnd;
use crate::diagnostics::Diagnostic;
use crate::record::{RawProject, Text};
use crate::units::Unit;

/// at the title of the first project kept.
/// The second pass: projects, window by window. A window is the units not
/// yet given out plus those of the next pieces; every project whose extent
/// is settled is given out, the rest carried to the next window, starting
pub(super) struct Reading<'a> {
    pub(super) source: &'a str,
    pub(super) layout: Layout,
    pub(super) carry: Vec<Unit>,
    /// The carried units start the file.
    pub(super) starts_file: bool,
    pub(super) ends_without_newline: bool,
    /// The group heading and kicker in force at the start of the carry.
    pub(super) section: Option<Text>,
    pub(super) kicker: Option<Text>,
    pub(super) ordinal: usize,
    /// A record of rule 3's usual shape has been given out.
    pub(super) dominant_head_given: bool,
    pub(super) page_title: Option<String>,
    pub(super) overlong: Vec<Diagnostic>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl<'a> Reading<'a> {
    pub(super) fn new(source: &'a str, layout: Layout) -> Self {
        Reading {
            source,
            layout,
            carry: Vec::new(),
            starts_file: true,
            ends_without_newline: false,
            section: None,
            kicker: None,
            ordinal: 0,
            dominant_head_given: false,
            page_title: None,
            overlong: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Adds `units` to the carry and gives out the settled projects (all
    /// of them when `last`), and the units it is done with, for the caller
    /// to free.
    pub(super) fn window(&mut self, units: Vec<Unit>, last: bool) -> (Vec<RawProject>, Vec<Unit>) {
        let mut window = std::mem::take(&mut self.carry);
        window.extend(units);
        let mut builder = Builder::new(self.source, &window, &self.layout);
        builder.dominant_head_given = self.dominant_head_given;
        builder.mark_table_header();
        builder.find_titles(self.starts_file);
        let overlong = builder.overlong_titles();
        if self.starts_file {
            builder.find_page_title();
        }
        builder.find_headings_and_kickers();
        // Up to `given`, every role is settled: the last title before the
        // units whose rules need more lookahead, or all at the end.
        let given = if last {
            window.len()
        } else {
            let settled = window.len().saturating_sub(LOOKAHEAD_UNITS + 1);
            // A title whose date line is not settled is not either: a
            // headline chosen above a byline stands a few lines over it.
            let date_settled = |i: usize| {
                (i + 1..window.len().min(i + 5))
                    .find(|&j| builder.roles[j] == Role::TitleDate)
                    .is_none_or(|j| j < settled)
            };
            let title = (0..settled)
                .rev()
                .find(|&i| {
                    builder.roles[i] == Role::Title
                        && !builder.titles_decided_above.contains(&i)
                        && date_settled(i)
                })
                .unwrap_or(0);
            // A record's cells above its title go with it, and so does
            // the rest of a head its headline was chosen from.
            let title = builder
                .head_starts
                .iter()
                .find(|&&(t, _)| t == title)
                .map_or(title, |&(_, start)| start);
            (0..title)
                .rev()
                .take_while(|&i| builder.roles[i] == Role::Lead)
                .last()
                .unwrap_or(title)
        };
        self.dominant_head_given |= builder.dominant_heads.iter().any(|&start| start < given);
        let cut_off = last
            && self.ends_without_newline
            && window
                .last()
                .is_some_and(|u| !ends_like_sentence(&u.whole.clean()));
        let mut projects = builder.projects(given, cut_off, &mut self.section, &mut self.kicker);
        for project in &mut projects {
            self.ordinal += 1;
            project.ordinal = self.ordinal;
        }
        if given > 0 && self.starts_file {
            self.page_title = builder
                .roles
                .first()
                .filter(|r| **r == Role::PageTitle)
                .map(|_| window[0].whole.clean().into_owned());
        }
        self.overlong.extend(
            overlong
                .into_iter()
                .filter(|(i, _)| *i < given)
                .map(|(_, d)| d),
        );
        self.diagnostics.append(&mut builder.diagnostics);
        drop(builder);
        if given > 0 {
            self.starts_file = false;
        }
        // The carry (a few units of lookahead) is moved; the rest stays.
        self.carry = window.split_off(given);
        (projects, window)
    }

    pub(super) fn finish(mut self) -> ListingEnd {
        if self.ordinal == 0 {
            self.diagnostics.push(no_projects_found(self.source));
        }
        if let Some((line, printed)) = &self.layout.unsettled_order {
            self.diagnostics.push(Diagnostic::warning(
                self.source,
                *line,
                1,
                format!(
                    "numeric dates such as `{printed}` are read day first: no date in the \
                     listing settles whether the day or the month comes first"
                ),
            ));
        }
        let mut diagnostics = self.overlong;
        diagnostics.append(&mut self.diagnostics);
        ListingEnd {
            page_title: self.page_title,
            diagnostics,
            projects: self.ordinal,
        }
    }
}

/// The warning of a listing in which no project was found.
pub(super) fn no_projects_found(source: &str) -> Diagnostic {
    Diagnostic::warning(
        source,
        1,
        1,
        "no projects found: expected titles followed by a date line, numbered titles, or titles \
         followed by labelled fields such as `Donor:`",
    )
}

pub(super) fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ')', '"', '”', '’', '»', ']', ';'])
}
