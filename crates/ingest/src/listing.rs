//! From units to projects: which unit is a title, a heading, a kicker, a
//! date, a field or description — the layout rules.
//!
//! A title is recognised by what follows it, never by its wording:
//! 1. a title-like unit directly followed by a date line (the common case:
//!    `1. Title` / `1 June 2007 - 30 June 2009`, flattened table rows);
//! 2. when such titles are numbered or bulleted, every numbered (bulleted)
//!    title-like unit at their indentation, dated or not;
//! 3. in listings with no date lines at all, a title-like unit followed by a
//!    known field (`Objective:`, `Donor:`) or by a paragraph of prose.
//!
//! The first line of a file is the page's title unless it is itself a
//! project's; prose before the first project is the page's introduction;
//! short lines just above a title are group headings (`2009`, `Completed
//! projects`) or kickers (`Project`, `© ILO 2024`).

use crate::dates::{scan_date, trailing_parenthesised_date};
use crate::diagnostics::Diagnostic;
use crate::labels::{self, Column};
use crate::record::{DateOrigin, DateText, Field, RawProject, Segment, Span, Text};
use crate::source::{Chunks, SourceError, Validator};
use crate::units::{units, Unit, UnitKind, MAX_TITLE_CHARS};
use rayon::prelude::*;
use std::io::{Read, Seek, SeekFrom};

/// Everything read from one listing file.
#[derive(Debug, Clone)]
pub struct Listing {
    pub source: String,
    pub page_title: Option<String>,
    pub projects: Vec<RawProject>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
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
}

/// Parses one listing held in memory. `source` is the file name recorded in
/// every project. The same as [`read_listing`], all projects at once.
///
/// ```
/// let text = "Projects\n\n1. Decent work in Viet Nam\n\n1 June 2007 - 30 June 2009\n\nFunded by Japan.\n";
/// let listing = devcoop_ingest::parse_listing("p.txt", text.as_bytes()).unwrap();
/// assert_eq!(listing.page_title.as_deref(), Some("Projects"));
/// let project = &listing.projects[0];
/// assert_eq!(project.title_text(), "Decent work in Viet Nam");
/// assert_eq!(project.date_text().as_deref(), Some("1 June 2007 - 30 June 2009"));
/// assert_eq!(project.list_number, Some(1));
/// ```
pub fn parse_listing(source: &str, bytes: &[u8]) -> Result<Listing, SourceError> {
    parse_listing_in_pieces(source, bytes, DEFAULT_PIECE_BYTES)
}

/// [`parse_listing`] reading the text `piece_bytes` at a time: the result
/// never depends on the size of the pieces (tests cut listings into tiny
/// ones to prove it).
pub fn parse_listing_in_pieces(
    source: &str,
    bytes: &[u8],
    piece_bytes: usize,
) -> Result<Listing, SourceError> {
    let mut reader = std::io::Cursor::new(bytes);
    validate_listing::<_, std::convert::Infallible>(source, &mut reader, |_| ())
        .map_err(|err| into_source_error(source, err))?;
    // Learning the layout while reading is the fast way a run takes; when
    // the layout changes after the first pieces, the projects are read
    // again with it learnt first, as a run does.
    let mut projects = Vec::new();
    let mut read = |learning| {
        projects.clear();
        reader.set_position(0);
        read_checked_listing(source, &mut reader, piece_bytes, learning, |batch| {
            projects.extend(batch);
            Ok::<(), std::convert::Infallible>(())
        })
    };
    let end = match read(LayoutLearning::WhileReading) {
        Err(ReadError::LayoutChanged) => read(LayoutLearning::Ahead),
        other => other,
    }
    .map_err(|err| into_source_error(source, err))?;
    Ok(Listing {
        source: source.to_string(),
        page_title: end.page_title,
        projects,
        diagnostics: end.diagnostics,
    })
}

/// A listing held in memory is a listing or not: reading it cannot fail
/// otherwise.
fn into_source_error(source: &str, err: ReadError<std::convert::Infallible>) -> SourceError {
    let unreadable = |problem: String| SourceError {
        file: source.to_string(),
        line: 1,
        column: 1,
        problem: crate::source::SourceProblem::Unreadable(problem),
    };
    match err {
        ReadError::Source(err) => err,
        ReadError::Io(err) => unreadable(err.to_string()),
        ReadError::LayoutChanged => {
            unreadable("its layout changed although it was learnt first".to_string())
        }
        ReadError::Sink(never) => match never {},
    }
}

/// Pieces of this size keep memory small and still give both cores work.
/// A group of pieces (one a core) is held as units and raw projects until
/// its batches are written, about 15 times its text in the flattened-table
/// layout: against 4 MiB, pieces of 1 MiB lowered the streaming peak of a
/// million projects from 273-296 to 220-235 MiB (numbered layout) and
/// from 352-372 to 231-242 MiB (three layouts) in the same time; 256 and
/// 512 KiB gained nothing more (BENCHMARKS.md).
pub const DEFAULT_PIECE_BYTES: usize = 1 << 20;

/// What reading a listing gives besides its projects.
#[derive(Debug, Clone)]
pub struct ListingEnd {
    pub page_title: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    pub projects: usize,
}

/// Why a listing could not be read to its end.
#[derive(Debug, thiserror::Error)]
pub enum ReadError<E> {
    /// Not a listing (empty, binary, not UTF-8).
    #[error(transparent)]
    Source(SourceError),
    #[error("cannot read: {0}")]
    Io(std::io::Error),
    /// What the receiver of the projects reported.
    #[error("{0}")]
    Sink(E),
    /// Only when the layout is learnt while reading
    /// ([`LayoutLearning::WhileReading`]): a piece after the first ones
    /// changed it, so the projects given out so far were read with rules
    /// the whole listing does not have. Read it again with
    /// [`LayoutLearning::Ahead`].
    #[error("the layout learnt from the first pieces changed further on")]
    LayoutChanged,
}

/// When a read learns the layout facts that depend on the whole listing
/// (a table header, the indentation of dated numbered titles, whether any
/// title has a date line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutLearning {
    /// In a pass of its own, before any project is given out: a file
    /// larger than one group of pieces is read twice.
    Ahead,
    /// From the first group of pieces, then checked against every later
    /// piece while the projects are read: the file is read once. The
    /// first pieces of a long listing nearly always show its layout; when
    /// they do not, the read fails with [`ReadError::LayoutChanged`] and
    /// the caller reads again with `Ahead`.
    WhileReading,
}

/// Reads a listing in pieces and gives its projects to `on_projects` a few
/// thousand at a time, in order, so that memory holds a piece and not the
/// file. The file is read three times: to check it is a UTF-8 text file
/// (nothing is given before that is known), to learn the layout rules that
/// depend on the whole listing (a table header, the indentation of dated
/// numbered titles, whether any title has a date line), and to find the
/// projects. The projects are the same as if the file were read whole. A
/// run, which has checked its files, reads each once with
/// [`read_checked_listing`] and [`LayoutLearning::WhileReading`].
pub fn read_listing<R: Read + Seek, E>(
    source: &str,
    mut reader: R,
    piece_bytes: usize,
    on_projects: impl FnMut(Vec<RawProject>) -> Result<(), E>,
) -> Result<ListingEnd, ReadError<E>> {
    validate_listing(source, &mut reader, |_| ())?;
    reader.seek(SeekFrom::Start(0)).map_err(ReadError::Io)?;
    read_checked_listing(
        source,
        reader,
        piece_bytes,
        LayoutLearning::Ahead,
        on_projects,
    )
}

/// [`read_listing`] for a file already checked with [`validate_listing`]
/// (a run checks every input before it writes anything). A file that is
/// not valid UTF-8 after all gives an `Io` error.
pub fn read_checked_listing<R: Read + Seek, E>(
    source: &str,
    reader: R,
    piece_bytes: usize,
    learning: LayoutLearning,
    mut on_projects: impl FnMut(Vec<RawProject>) -> Result<(), E>,
) -> Result<ListingEnd, ReadError<E>> {
    // Tasks of this scope free the units each window is done with; it ends
    // once they all have.
    rayon::in_place_scope(|scope| {
        let mut give = |(projects, spent): (Vec<RawProject>, Vec<Unit>)| {
            // Freeing units is work (their strings were allocated on the
            // pool's threads, which mimalloc frees slowly from another):
            // on the pool it overlaps with this thread reading on.
            scope.spawn(move |_| drop(spent));
            if projects.is_empty() {
                Ok(())
            } else {
                on_projects(projects).map_err(ReadError::Sink)
            }
        };
        read_windows(source, reader, piece_bytes, learning, &mut give)
    })
}

/// The body of [`read_checked_listing`]: every window of the listing,
/// given to `give` with the units it is done with.
fn read_windows<R: Read + Seek, E>(
    source: &str,
    mut reader: R,
    piece_bytes: usize,
    learning: LayoutLearning,
    give: &mut impl FnMut((Vec<RawProject>, Vec<Unit>)) -> Result<(), ReadError<E>>,
) -> Result<ListingEnd, ReadError<E>> {
    let mut pieces = UnitPieces::new(&mut reader, piece_bytes);
    let first = pieces.next().map_err(ReadError::Io)?.unwrap_or_default();
    let mut learner = LayoutLearner::default();
    if pieces.is_done().map_err(ReadError::Io)? {
        // The whole file came in one go: learn from it, then read it.
        let units = learner.learn(first, false);
        let mut reading = Reading::new(source, learner.layout);
        reading.ends_without_newline = pieces.ends_without_newline;
        give(reading.window(units, true))?;
        return Ok(reading.finish());
    }
    let first_units = learner.learn(first, true);
    let mut reading = match learning {
        LayoutLearning::Ahead => {
            drop(first_units);
            while let Some(units) = pieces.next().map_err(ReadError::Io)? {
                learner.learn(units, true);
            }
            learner.learn(Vec::new(), false);
            drop(pieces);
            reader.seek(SeekFrom::Start(0)).map_err(ReadError::Io)?;
            pieces = UnitPieces::new(&mut reader, piece_bytes);
            Reading::new(source, learner.layout.clone())
        }
        LayoutLearning::WhileReading => {
            let mut reading = Reading::new(source, learner.layout.clone());
            give(reading.window(first_units, false))?;
            reading
        }
    };
    let learn_while_reading = learning == LayoutLearning::WhileReading;
    while let Some(mut units) = pieces.next().map_err(ReadError::Io)? {
        if learn_while_reading {
            units = learner.learn(units, true);
            // Checked before this piece's projects go out: a change found
            // early wastes less.
            if learner.layout != reading.layout {
                return Err(ReadError::LayoutChanged);
            }
        }
        give(reading.window(units, false))?;
    }
    if learn_while_reading {
        learner.learn(Vec::new(), false);
        if learner.layout != reading.layout {
            return Err(ReadError::LayoutChanged);
        }
    }
    reading.ends_without_newline = pieces.ends_without_newline;
    give(reading.window(Vec::new(), true))?;
    Ok(reading.finish())
}

/// Checks that a file is a UTF-8 text listing, reading it in blocks and
/// showing each block to `on_bytes` (to hash it on the way).
pub fn validate_listing<R: Read, E>(
    source: &str,
    reader: &mut R,
    mut on_bytes: impl FnMut(&[u8]),
) -> Result<u64, ReadError<E>> {
    let mut validator = Validator::new(source);
    let mut block = vec![0; 64 << 10];
    let mut total = 0u64;
    loop {
        let n = match reader.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(ReadError::Io(err)),
        };
        on_bytes(&block[..n]);
        validator.feed(&block[..n]);
        total += n as u64;
    }
    validator.finish().map_err(ReadError::Source)?;
    Ok(total)
}

/// The units of a file, a few pieces at a time: pieces are cut after blank
/// lines, so units never straddle two, and each piece's units are found on
/// its own core.
struct UnitPieces<R> {
    chunks: Chunks<R>,
    ends_without_newline: bool,
}

impl<R: Read> UnitPieces<R> {
    /// Whether every piece has been given out.
    fn is_done(&mut self) -> std::io::Result<bool> {
        self.chunks.is_done()
    }

    fn new(reader: R, piece_bytes: usize) -> Self {
        UnitPieces {
            chunks: Chunks::new(reader, piece_bytes),
            ends_without_newline: false,
        }
    }

    fn next(&mut self) -> std::io::Result<Option<Vec<Unit>>> {
        let group = rayon::current_num_threads().max(1);
        let mut pieces = Vec::with_capacity(group);
        while pieces.len() < group {
            match self.chunks.next_chunk()? {
                Some(chunk) => {
                    self.ends_without_newline = !chunk.text.ends_with('\n');
                    pieces.push(chunk);
                }
                None => break,
            }
        }
        if pieces.is_empty() {
            return Ok(None);
        }
        let units: Vec<Vec<Unit>> = pieces.par_iter().map(|c| units(&c.lines())).collect();
        Ok(Some(units.into_iter().flatten().collect()))
    }
}

/// The layout facts that depend on the whole listing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Layout {
    /// The flattened table's header: the first line of each header unit,
    /// and its columns.
    header_lines: Vec<usize>,
    columns: Vec<(Column, String)>,
    /// Lowest and highest indentation of numbered, then bulleted, titles
    /// that have a date line.
    marked_indents: [Option<(usize, usize)>; 2],
    dated_titles: bool,
}

impl Layout {
    fn note_dated_title(&mut self, unit: &Unit) {
        self.dated_titles = true;
        let slot = match unit.kind {
            UnitKind::Numbered(_) => 0,
            UnitKind::Bullet => 1,
            _ => return,
        };
        let (low, high) = self.marked_indents[slot].unwrap_or((unit.indent, unit.indent));
        self.marked_indents[slot] = Some((low.min(unit.indent), high.max(unit.indent)));
    }
}

/// Rule 1 looks three units ahead (a date line, and whether a lone year
/// under it heads a group): a unit nearer the end of a window is decided in
/// the next one.
const LOOKAHEAD_UNITS: usize = 3;

/// Learns the layout window by window, as pieces come: a unit near the end
/// of a window may need the next units to be decided, so those are seen
/// again with them.
#[derive(Default)]
struct LayoutLearner {
    layout: Layout,
    /// Units seen, not yet decided.
    carry: Vec<Unit>,
}

impl LayoutLearner {
    /// Learns from the next `units` (the last ones when `!more`) and gives
    /// them back, for reading.
    fn learn(&mut self, units: Vec<Unit>, more: bool) -> Vec<Unit> {
        let carried = self.carry.len();
        let mut window = std::mem::take(&mut self.carry);
        window.extend(units);
        let keep = learn_layout(&mut self.layout, &window, more);
        // A few units (lookahead, or a header-like run): cheap to copy.
        self.carry = window[keep..].to_vec();
        window.drain(..carried);
        window
    }
}

/// Learns the table header and dated titles of `window` (the last one when
/// `!more`); returns how many of its units are decided, the rest to be
/// seen again with the next units.
fn learn_layout(layout: &mut Layout, window: &[Unit], more: bool) -> usize {
    let builder = Builder::new("", window, layout);
    let decided = if more {
        // A run of header-like lines reaching the end may go on.
        let header_like = window
            .iter()
            .rev()
            .take_while(|u| Builder::could_be_header_cell(u))
            .count();
        (window.len().saturating_sub(LOOKAHEAD_UNITS)).min(window.len() - header_like)
    } else {
        window.len()
    };
    let mut header = None;
    if layout.columns.is_empty() {
        header = builder.table_header(decided);
    }
    drop(builder);
    if let Some((start, columns)) = header {
        layout.header_lines = window[start..start + columns.len()]
            .iter()
            .map(Unit::first_line)
            .collect();
        layout.columns = columns;
    }
    let mut builder = Builder::new("", window, layout);
    builder.mark_table_header();
    let mut keep = decided;
    let mut dated = Vec::new();
    for i in 0..decided {
        if builder.dated_title_at(i) {
            builder.roles[i] = Role::Title;
            builder.roles[i + 1] = Role::TitleDate;
            dated.push(i);
            if i + 1 >= decided {
                // Its date line is decided with it, in the next window.
                keep = i;
            }
        }
    }
    drop(builder);
    for i in dated {
        layout.note_dated_title(&window[i]);
    }
    keep
}

/// The second pass: projects, window by window. A window is the units not
/// yet given out plus those of the next pieces; every project whose extent
/// is settled is given out, the rest carried to the next window, starting
/// at the title of the first project kept.
struct Reading<'a> {
    source: &'a str,
    layout: Layout,
    carry: Vec<Unit>,
    /// The carried units start the file.
    starts_file: bool,
    ends_without_newline: bool,
    /// The group heading and kicker in force at the start of the carry.
    section: Option<String>,
    kicker: Option<Text>,
    ordinal: usize,
    page_title: Option<String>,
    overlong: Vec<Diagnostic>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reading<'a> {
    fn new(source: &'a str, layout: Layout) -> Self {
        Reading {
            source,
            layout,
            carry: Vec::new(),
            starts_file: true,
            ends_without_newline: false,
            section: None,
            kicker: None,
            ordinal: 0,
            page_title: None,
            overlong: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Adds `units` to the carry and gives out the settled projects (all
    /// of them when `last`), and the units it is done with, for the caller
    /// to free.
    fn window(&mut self, units: Vec<Unit>, last: bool) -> (Vec<RawProject>, Vec<Unit>) {
        let mut window = std::mem::take(&mut self.carry);
        window.extend(units);
        let mut builder = Builder::new(self.source, &window, &self.layout);
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
            (0..settled)
                .rev()
                .find(|&i| builder.roles[i] == Role::Title)
                .unwrap_or(0)
        };
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
                .map(|_| window[0].whole.clean());
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

    fn finish(mut self) -> ListingEnd {
        if self.ordinal == 0 {
            self.diagnostics.push(Diagnostic::warning(
                self.source,
                1,
                1,
                "no projects found: expected titles followed by a date line, numbered titles, \
                 or titles followed by labelled fields such as `Donor:`",
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

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ')', '"', '”', '’', '»', ']', ';'])
}

struct Builder<'a> {
    source: &'a str,
    units: &'a [Unit],
    roles: Vec<Role>,
    /// Column headers of a flattened table, if the listing is one.
    columns: Vec<(Column, String)>,
    header_lines: &'a [usize],
    marked_indents: [Option<(usize, usize)>; 2],
    dated_titles: bool,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str, units: &'a [Unit], layout: &'a Layout) -> Self {
        Builder {
            source,
            units,
            roles: vec![Role::Body; units.len()],
            columns: layout.columns.clone(),
            header_lines: &layout.header_lines,
            marked_indents: layout.marked_indents,
            dated_titles: layout.dated_titles,
            diagnostics: Vec::new(),
        }
    }

    fn unit(&self, i: usize) -> Option<&Unit> {
        self.units.get(i)
    }

    fn is_table_cell_text(unit: &Unit) -> bool {
        unit.whole.segments.len() == 1
            && matches!(unit.kind, UnitKind::Text | UnitKind::Date { .. })
    }

    fn could_be_header_cell(unit: &Unit) -> bool {
        Self::is_table_cell_text(unit)
            && unit.has_at_most_words(4)
            && labels::column(&unit.whole.clean()).is_some()
    }

    /// `Project title` / `Start date` / `End date` / `Donor`, one per line:
    /// the first such run starting before `before`, and its columns.
    fn table_header(&self, before: usize) -> Option<(usize, Vec<(Column, String)>)> {
        for start in 0..before {
            let run: Vec<(Column, String)> = self.units[start..]
                .iter()
                .take_while(|u| Self::is_table_cell_text(u) && u.has_at_most_words(4))
                .map_while(|u| {
                    let text = u.whole.clean();
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
    fn mark_table_header(&mut self) {
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
    /// a first numbered item, or a title with its own date line.
    fn lone_year_is_heading(&self, i: usize) -> bool {
        let Some(next) = self.unit(i + 1) else {
            return false;
        };
        if !next.is_title_like() {
            return false;
        }
        matches!(next.kind, UnitKind::Numbered(1))
            || self
                .unit(i + 2)
                .is_some_and(|u| u.is_date() && !u.is_lone_year())
    }

    fn dated_title_at(&self, i: usize) -> bool {
        self.roles[i] == Role::Body
            && self.units[i].is_title_like()
            && !self.units[i].is_lone_year()
            && self.unit(i + 1).is_some_and(|d| {
                d.is_date() && !(d.is_lone_year() && self.lone_year_is_heading(i + 1))
            })
    }

    /// The three title rules; `starts_file` says the window holds the
    /// file's first unit (never a title by rule 3).
    fn find_titles(&mut self, starts_file: bool) {
        for i in 0..self.units.len() {
            if self.dated_title_at(i) {
                self.roles[i] = Role::Title;
                self.roles[i + 1] = Role::TitleDate;
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
                if self.roles[i] == Role::Body
                    && is_marked(unit)
                    && unit.is_title_like()
                    && !followed_by_list
                    && unit.indent + 1 >= low
                    && unit.indent <= high + 1
                {
                    self.roles[i] = Role::Title;
                }
            }
        }
        if self.dated_titles {
            return;
        }
        // Rule 3: a listing of titles and fields, without date lines.
        for i in usize::from(starts_file)..self.units.len() {
            let unit = &self.units[i];
            if self.roles[i] != Role::Body || !unit.is_title_like() || unit.is_date() {
                continue;
            }
            let Some(next) = self.unit(i + 1) else {
                continue;
            };
            let fielded = matches!(next.kind, UnitKind::Field { known: true, .. });
            let prose = next.kind == UnitKind::Text
                && !next.is_title_like()
                && unit.kind == UnitKind::Text
                && unit.whole.segments.len() == 1;
            if fielded || prose {
                self.roles[i] = Role::Title;
            }
        }
    }

    /// A headline is short; text far longer above a date line is said to
    /// be ignored rather than silently dropped. Each warning with the
    /// index of its unit.
    fn overlong_titles(&self) -> Vec<(usize, Diagnostic)> {
        let mut found = Vec::new();
        for i in 0..self.units.len() {
            let unit = &self.units[i];
            let dated = self
                .unit(i + 1)
                .is_some_and(|d| d.is_date() && !d.is_lone_year());
            if self.roles[i] != Role::Body || !dated {
                continue;
            }
            let length = unit.content.clean().chars().count();
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

    fn find_page_title(&mut self) {
        if let Some(first) = self.units.first() {
            if self.roles[0] == Role::Body && first.kind == UnitKind::Text && first.is_title_like()
            {
                self.roles[0] = Role::PageTitle;
            }
        }
    }

    /// Short lines just above a title: headings or a kicker.
    fn find_headings_and_kickers(&mut self) {
        let titles: Vec<usize> = (0..self.units.len())
            .filter(|&i| self.roles[i] == Role::Title)
            .collect();
        for t in titles {
            let mut i = t;
            while i > 0 {
                i -= 1;
                if self.roles[i] != Role::Body {
                    break;
                }
                let unit = &self.units[i];
                if let UnitKind::LoneLabel(_) = unit.kind {
                    self.roles[i] = Role::StrayLabel;
                    continue;
                }
                if unit.is_lone_year() {
                    self.roles[i] = Role::Heading;
                    continue;
                }
                let short_line = unit.kind == UnitKind::Text
                    && unit.is_title_like()
                    && unit.has_at_most_words(8);
                if !short_line {
                    break;
                }
                let directly_above =
                    i + 1 == t || (i + 2 == t && self.roles[i + 1] == Role::StrayLabel);
                self.roles[i] = if directly_above && is_kicker(unit, &self.units[t]) {
                    Role::Kicker
                } else {
                    Role::Heading
                };
            }
        }
    }

    /// The projects of the units before `given`, with the group heading and
    /// kicker in force carried in and out.
    fn projects(
        &mut self,
        given: usize,
        cut_off: bool,
        section: &mut Option<String>,
        kicker: &mut Option<Text>,
    ) -> Vec<RawProject> {
        let mut projects = Vec::new();
        let mut i = 0;
        while i < given {
            match self.roles[i] {
                Role::Heading => {
                    *section = Some(self.units[i].whole.clean());
                    *kicker = None;
                }
                Role::Kicker => *kicker = Some(self.units[i].whole.clone()),
                Role::Title => {
                    let end = (i + 1..self.units.len())
                        .find(|&j| !matches!(self.roles[j], Role::Body | Role::TitleDate))
                        .unwrap_or(self.units.len());
                    let is_last = end == self.units.len();
                    if let Some(project) =
                        self.project(i, end, section.clone(), kicker.take(), cut_off && is_last)
                    {
                        projects.push(project);
                    }
                    i = end;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        projects
    }

    fn project(
        &mut self,
        title_index: usize,
        end: usize,
        section: Option<String>,
        mut kicker: Option<Text>,
        cut_off: bool,
    ) -> Option<RawProject> {
        let title_unit = &self.units[title_index];
        let mut title = match title_unit.kind {
            UnitKind::Field { .. } => title_unit.whole.clone(),
            _ => title_unit.content.clone(),
        };
        if title.segments.len() >= 2 && is_kicker_line(&title.segments[0].text) {
            kicker = Some(Text::from_segment(title.segments.remove(0)));
        }
        let list_number = match title_unit.kind {
            UnitKind::Numbered(n) => Some(n),
            _ => None,
        };
        let body = &self.units[title_index + 1..end];
        if cut_off && body.is_empty() {
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
            section,
            list_number,
            kicker,
            title: Text::default(),
            date: None,
            fields: Vec::new(),
            description: Vec::new(),
            first_line: title_unit.first_line(),
            last_line: self.units[end - 1].last_line(),
            span: title_unit.span().cover(self.units[end - 1].span()),
        };
        let title_date = strip_title_date(&mut title);
        project.title = title;
        let cells = self.table_cells(&mut project, body, cut_off);
        self.body(&mut project, &body[cells..], cut_off);
        if project.date.is_none() {
            if let Some(segment) = title_date {
                project.date = Some(DateText {
                    text: Text::from_segment(segment),
                    origin: DateOrigin::Title,
                });
            }
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

    /// Consumes the cells of a flattened table row after its title cell.
    fn table_cells(&mut self, project: &mut RawProject, body: &[Unit], cut_off: bool) -> usize {
        if self.columns.is_empty() {
            return 0;
        }
        let mut date_segments = Vec::new();
        let mut used = 0;
        let columns = self.columns.clone();
        for (k, ((column, header), unit)) in columns.iter().skip(1).zip(body).enumerate() {
            if !Self::is_table_cell_text(unit) {
                break;
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
            });
        }
        used
    }

    fn body(&mut self, project: &mut RawProject, body: &[Unit], cut_off: bool) {
        let mut previous_was_date = false;
        let mut pending_label: Option<String> = None;
        for (k, unit) in body.iter().enumerate() {
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
                    let date_len = rest
                        .as_ref()
                        .map_or(unit.whole.segments[0].text.len(), |_| expr.len);
                    let mut date_segment = unit.whole.segments[0].clone();
                    date_segment.text.truncate(date_len);
                    let trimmed_len = date_segment.text.trim_end().len();
                    date_segment.text.truncate(trimmed_len);
                    date_segment.span.end = date_segment.span.start + trimmed_len;
                    match &mut project.date {
                        None => {
                            project.date = Some(DateText {
                                text: Text::from_segment(date_segment),
                                origin: DateOrigin::DateLine,
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
                        Some(_) => project.description.push(unit.whole.clone()),
                    }
                    if let Some(rest) = rest {
                        let rest_text = Text::from_segment(rest.clone());
                        match crate::units::field(&rest.text) {
                            Some((label, Some(value_at), _)) => {
                                let mut value = rest.clone();
                                value.text.drain(..value_at);
                                value.span.start += value_at;
                                self.add_field(project, label, Text::from_segment(value));
                            }
                            _ => project.fields.push(Field {
                                label: "Location".into(),
                                value: rest_text,
                            }),
                        }
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

    fn cut_off_value(&mut self, label: &str, unit: &Unit) {
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

    fn add_field(&mut self, project: &mut RawProject, label: String, value: Text) {
        if labels::is_date_label(&label) && project.date.is_none() {
            match date_within(&value) {
                Some(dates) => {
                    project.date = Some(DateText {
                        text: dates,
                        origin: DateOrigin::Field,
                    })
                }
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
        let starts = labels::is_start_date_label(&label);
        let ends = labels::is_end_date_label(&label);
        if (starts || ends) && value.segments.len() == 1 && scan_date(&value.clean()).is_some() {
            let segment = value.segments[0].clone();
            match &mut project.date {
                None if starts => {
                    project.date = Some(DateText {
                        text: Text::from_segment(segment),
                        origin: DateOrigin::TableCells,
                    })
                }
                Some(date)
                    if ends
                        && date.origin == DateOrigin::TableCells
                        && date.text.segments.len() == 1 =>
                {
                    date.text.segments.push(segment)
                }
                _ => {}
            }
        }
        project.fields.push(Field { label, value });
    }
}

/// The dates in a `Duration:` value: at its start, or after some words
/// (`24 months (2019–2021)`, `Ongoing since January 2020`).
fn date_within(value: &Text) -> Option<Text> {
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
        if let Some(expr) = scan_date(&text[at..]) {
            let found = text[at..at + expr.len].trim_end();
            return Some(Text::from_segment(Segment {
                text: found.to_string(),
                line: segment.line,
                span: Span::new(
                    segment.span.start + at,
                    segment.span.start + at + found.len(),
                ),
            }));
        }
    }
    None
}

/// A kicker is a label line over a headline: a photo credit, or a word or
/// two such as `Project` — unless it names a group (`Completed projects`) or
/// a new numbered group starts under it.
fn is_kicker(unit: &Unit, title: &Unit) -> bool {
    let text = unit.whole.clean();
    if text.starts_with('©') {
        return true;
    }
    let lower = text.to_lowercase();
    let names_group = ["projects", "programmes", "programs", "activities"]
        .iter()
        .any(|w| lower.split_whitespace().any(|x| x == *w));
    !names_group && unit.has_at_most_words(4) && !matches!(title.kind, UnitKind::Numbered(1))
}

/// The first line of a title paragraph that is a label over it, not the
/// start of a wrapped title.
fn is_kicker_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let connector = words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "of" | "for" | "and" | "in" | "the" | "to" | "on" | "a" | "an" | "with" | "by"
        )
    });
    line.starts_with('©') || (words.len() <= 3 && !connector && !line.ends_with(['-', '–', ':']))
}

/// Removes `(2009–2010)` from the end of a title; returns it as a segment.
fn strip_title_date(title: &mut Text) -> Option<Segment> {
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
    };
    last.text.truncate(kept);
    last.span.end = last.span.start + kept;
    Some(date)
}

/// Labels whose value is prose; their text is never split.
const PROSE_LABELS: &[&str] = &[
    "objective",
    "objectives",
    "development objective",
    "immediate objective",
    "immediate objectives",
    "summary",
    "description",
    "beneficiaries",
    "target group",
    "target groups",
];

/// Words that start a sentence and never continue an organisation's name.
const SENTENCE_STARTERS: &[&str] = &[
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
fn split_run_in_value(label: &str, value: &Text) -> (Text, Option<Text>) {
    let whole = (value.clone(), None);
    if value.segments.len() != 1
        || PROSE_LABELS.contains(&crate::record::normalise_label(label).as_str())
    {
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
    };
    let rest_segment = Segment {
        text: segment.text[split_at..].to_string(),
        line: segment.line,
        span: Span::new(segment.span.start + split_at, segment.span.end),
    };
    (
        Text::from_segment(name_segment),
        Some(Text::from_segment(rest_segment)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_pieces_give_projects_in_several_batches_in_order() {
        let text: String = (1..=40)
            .map(|k| {
                format!(
                    "{k}. Project {k}\n\n{} - 2010\n\nText {k}.\n\n",
                    2000 + k % 9
                )
            })
            .collect();
        let mut batches = Vec::new();
        let end = read_listing(
            "p.txt",
            std::io::Cursor::new(text.as_bytes()),
            64,
            |batch| {
                batches.push(batch);
                Ok::<(), std::convert::Infallible>(())
            },
        )
        .unwrap();
        assert!(batches.len() > 5, "{} batches", batches.len());
        let ordinals: Vec<usize> = batches.iter().flatten().map(|p| p.ordinal).collect();
        assert_eq!(ordinals, (1..=40).collect::<Vec<_>>());
        assert_eq!(end.projects, 40);
        let whole = parse_listing("p.txt", text.as_bytes()).unwrap();
        assert_eq!(whole.projects, batches.concat());
    }

    /// Titles with labelled fields and no date line for about 20 kB, then
    /// one numbered title with a date line: what the first pieces show of
    /// the layout (no title has a date line) is wrong for the whole.
    fn listing_whose_layout_shows_late() -> String {
        let mut text = String::from("Projects\n\n");
        for i in 1..=200 {
            text.push_str(&format!(
                "Labour migration statistics {i}\n\nDonor: Japan\n\nObjective: better data on migrant workers.\n\n"
            ));
        }
        text.push_str("201. Fair recruitment\n\n1 June 2007 - 30 June 2009\n\nFunded by the EU.\n");
        text
    }

    fn read_with(
        text: &str,
        piece_bytes: usize,
        learning: LayoutLearning,
    ) -> Result<Vec<RawProject>, ReadError<std::convert::Infallible>> {
        let mut projects = Vec::new();
        read_checked_listing(
            "p.txt",
            std::io::Cursor::new(text.as_bytes()),
            piece_bytes,
            learning,
            |batch| {
                projects.extend(batch);
                Ok(())
            },
        )?;
        Ok(projects)
    }

    #[test]
    fn a_layout_that_shows_late_stops_a_read_that_learns_it_while_reading() {
        let text = listing_whose_layout_shows_late();
        let whole = parse_listing_in_pieces("p.txt", text.as_bytes(), text.len() + 1).unwrap();
        // The late date line matters: with it, the labelled titles are not
        // all projects, as they are in the first pieces on their own.
        let first_part = &text[..text.find("201.").unwrap()];
        let first_only = parse_listing("p.txt", first_part.as_bytes()).unwrap();
        assert_eq!(first_only.projects.len(), 200);
        assert_ne!(whole.projects.len(), 201);
        let err = read_with(&text, 64, LayoutLearning::WhileReading).unwrap_err();
        assert!(matches!(err, ReadError::LayoutChanged), "{err}");
        // Learnt ahead, and as `parse_listing_in_pieces` reads it (learnt
        // while reading, then again ahead), it is what one piece gives.
        assert_eq!(
            read_with(&text, 64, LayoutLearning::Ahead).unwrap(),
            whole.projects
        );
        let pieces = parse_listing_in_pieces("p.txt", text.as_bytes(), 64).unwrap();
        assert_eq!(pieces.projects, whole.projects);
        assert_eq!(pieces.diagnostics, whole.diagnostics);
    }

    #[test]
    fn a_steady_layout_is_read_once_with_the_same_projects() {
        let text = "Projects\n\n1. Alpha\n\n2007 - 2008\n\nFunded by Japan.\n\n".repeat(300);
        let whole = parse_listing("p.txt", text.as_bytes()).unwrap();
        assert_eq!(whole.projects.len(), 300);
        // Pieces that hold a few projects: the first of them shows the
        // layout (in tinier ones, the first title is decided only in the
        // second group, and the read starts again).
        for piece_bytes in [200, 1000, 4096] {
            let learnt_while_reading =
                read_with(&text, piece_bytes, LayoutLearning::WhileReading).unwrap();
            assert_eq!(
                learnt_while_reading, whole.projects,
                "pieces of {piece_bytes}"
            );
        }
    }

    #[test]
    fn a_file_that_is_not_text_is_refused_before_any_project_is_given() {
        let mut text = "Projects\n\n1. Alpha\n\n2007 - 2008\n\n"
            .repeat(50)
            .into_bytes();
        text.extend_from_slice(b"\x00binary tail\n");
        let mut given = 0;
        let err = read_listing("p.txt", std::io::Cursor::new(&text), 16, |batch| {
            given += batch.len();
            Ok::<(), std::convert::Infallible>(())
        })
        .unwrap_err();
        assert_eq!(given, 0);
        let ReadError::Source(err) = err else {
            panic!("{err}")
        };
        assert_eq!(err.problem, crate::source::SourceProblem::Binary(0));
        assert_eq!(err.line, 301);
    }
}
