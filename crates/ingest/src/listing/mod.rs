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

mod layout;
mod paragraphs;
mod project;
mod reading;
mod roles;
mod title_label;

use crate::diagnostics::Diagnostic;
use crate::html::Page;
use crate::record::RawProject;
use crate::source::{Chunks, SourceError, Validator};
use crate::units::{
    labels_over_their_values, read_with_neighbours, units, waits_for_the_next, Unit,
};
use layout::LayoutLearner;
use rayon::prelude::*;
use reading::Reading;
use std::io::{Read, Seek, SeekFrom};

/// Everything read from one listing file.
#[derive(Debug, Clone)]
pub struct Listing {
    pub source: String,
    pub page_title: Option<String>,
    pub projects: Vec<RawProject>,
    pub diagnostics: Vec<Diagnostic>,
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

/// Pieces of this size keep memory small and still give every core work.
/// A group of pieces (one a core) is held as units and raw projects until
/// its batches are written, about 15 times its text, so the piece size
/// sets the streaming peak; smaller pieces gain no memory and cost time
/// (BENCHMARKS.md has the measurements).
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
/// [`read_checked_listing`] and [`LayoutLearning::WhileReading`]. A
/// listing in which no rule found a record (of at most a mebibyte) is
/// read once more, whole, a list of three items or more wherever it
/// stands being its records.
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
    mut reader: R,
    piece_bytes: usize,
    learning: LayoutLearning,
    mut on_projects: impl FnMut(Vec<RawProject>) -> Result<(), E>,
) -> Result<ListingEnd, ReadError<E>> {
    if crate::html::is_page(source) {
        // A page is read whole: its markup is no text to cut after blank
        // lines. Its lines are then read as a text listing's are, and
        // every project and warning mapped back to the page.
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(ReadError::Io)?;
        let mut page = Page::read(source, &bytes).map_err(ReadError::Source)?;
        drop(bytes);
        let mut read = Vec::new();
        let lines = std::io::Cursor::new(page.text().as_bytes());
        let mut end = read_text(source, lines, piece_bytes, learning, false, |projects| {
            read.extend(projects);
            Ok(())
        })?;
        if read.is_empty() && page.text().len() <= MOST_BYTES_READ_AGAIN {
            let lines = std::io::Cursor::new(page.text().as_bytes());
            let again = read_text(source, lines, usize::MAX, learning, true, |projects| {
                read.extend(projects);
                Ok(())
            })?;
            if again.projects > 0 {
                end = again;
            }
        }
        let mut projects = page.repeated_records(source, read);
        if !projects.is_empty() && end.projects == 0 {
            let none_found = reading::no_projects_found(source);
            end.diagnostics.retain(|d| *d != none_found);
        }
        end.projects = projects.len();
        for project in &mut projects {
            page.project(project);
        }
        if !projects.is_empty() {
            on_projects(projects).map_err(ReadError::Sink)?;
        }
        for diagnostic in &mut end.diagnostics {
            page.diagnostic(diagnostic);
        }
        end.diagnostics.extend(page.encoding_warning(source));
        return Ok(end);
    }
    let mut reader = reader;
    let end = read_text(
        source,
        &mut reader,
        piece_bytes,
        learning,
        false,
        &mut on_projects,
    )?;
    if end.projects > 0 {
        return Ok(end);
    }
    reader.seek(SeekFrom::Start(0)).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    (&mut reader)
        .take(MOST_BYTES_READ_AGAIN as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > MOST_BYTES_READ_AGAIN {
        // Read to its end all the same: a reader may be hashing the file
        // as it goes, from the start it was rewound to.
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(ReadError::Io)?;
        return Ok(end);
    }
    let whole = std::io::Cursor::new(bytes);
    let again = read_text(source, whole, usize::MAX, learning, true, &mut on_projects)?;
    Ok(if again.projects > 0 { again } else { end })
}

/// A listing in which no rule found a record is read again, whole, its
/// lists the records wherever they stand (`LayoutLearner::any_list`).
/// Whole, so that a list is seen whole however the file would be cut;
/// only a file this small, since a large file without a record is no
/// listing.
const MOST_BYTES_READ_AGAIN: usize = 1 << 20;

/// [`read_checked_listing`] of a text listing (or a page's lines).
fn read_text<R: Read + Seek, E>(
    source: &str,
    reader: R,
    piece_bytes: usize,
    learning: LayoutLearning,
    any_list: bool,
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
        read_windows(source, reader, piece_bytes, learning, any_list, &mut give)
    })
}

/// The body of [`read_checked_listing`]: every window of the listing,
/// given to `give` with the units it is done with.
fn read_windows<R: Read + Seek, E>(
    source: &str,
    mut reader: R,
    piece_bytes: usize,
    learning: LayoutLearning,
    any_list: bool,
    give: &mut impl FnMut((Vec<RawProject>, Vec<Unit>)) -> Result<(), ReadError<E>>,
) -> Result<ListingEnd, ReadError<E>> {
    let mut pieces = UnitPieces::new(&mut reader, piece_bytes);
    let first = pieces.next().map_err(ReadError::Io)?.unwrap_or_default();
    let mut learner = LayoutLearner::default();
    learner.any_list = any_list;
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

/// Checks that a file is a UTF-8 text listing, or a saved page in an
/// encoding devcoop reads, reading it in blocks and showing each block to
/// `on_bytes` (to hash it on the way).
pub fn validate_listing<R: Read, E>(
    source: &str,
    reader: &mut R,
    mut on_bytes: impl FnMut(&[u8]),
) -> Result<u64, ReadError<E>> {
    if crate::html::is_page(source) {
        // A page's encoding is declared in it: it is checked whole.
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(ReadError::Io)?;
        on_bytes(&bytes);
        crate::html::check_page(source, &bytes).map_err(ReadError::Source)?;
        return Ok(bytes.len() as u64);
    }
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

/// The most units of a block, or of a run of units waiting for the next,
/// held back for the next pieces: a block is a record's few lines; a
/// longer one holds back its last unit alone.
const MOST_HELD_UNITS: usize = 32;

/// The units of a file, a few pieces at a time: pieces are cut after blank
/// lines, so units never straddle two, and each piece's units are found on
/// its own core.
struct UnitPieces<R> {
    chunks: Chunks<R>,
    ends_without_newline: bool,
    /// The last block of units read (the units after its last blank line),
    /// when its last unit waits for the next pieces' first
    /// ([`waits_for_the_next`]): what they are depends on it.
    held: Vec<Unit>,
    /// The last unit given out, for the units read next to look up at.
    before: Option<Unit>,
}

impl<R: Read> UnitPieces<R> {
    /// Whether every piece has been given out.
    fn is_done(&mut self) -> std::io::Result<bool> {
        Ok(self.held.is_empty() && self.chunks.is_done()?)
    }

    fn new(reader: R, piece_bytes: usize) -> Self {
        UnitPieces {
            chunks: Chunks::new(reader, piece_bytes),
            ends_without_newline: false,
            held: Vec::new(),
            before: None,
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
            return Ok((!self.held.is_empty()).then(|| std::mem::take(&mut self.held)));
        }
        let units: Vec<Vec<Unit>> = pieces.par_iter().map(|c| units(&c.lines())).collect();
        // Joined into one allocation of the right size: a unit is large,
        // and growing the vector as it fills would copy them again.
        // The unit given out last goes first, for the others to look up
        // at, and is left out again after the reading.
        let context = usize::from(self.before.is_some());
        let held = self.held.len();
        let mut joined =
            Vec::with_capacity(context + held + units.iter().map(Vec::len).sum::<usize>());
        joined.extend(self.before.take());
        joined.append(&mut self.held);
        for mut piece in units {
            joined.append(&mut piece);
        }
        // The last block as it was read alone: where it is held back, it
        // is read again as if for the first time, with the next pieces.
        let last_block = joined
            .iter()
            .rposition(|unit| unit.after_blank)
            .filter(|&start| joined.len() - start <= MOST_HELD_UNITS)
            .unwrap_or(joined.len().saturating_sub(1));
        // Units that wait for the next read one another across blank lines
        // too (fields printed alike read as fields from a listed one at
        // either end of their run): the blocks of the last run of them go
        // back whole, as many as a hold takes.
        let waiting = joined
            .iter()
            .rev()
            .take_while(|unit| waits_for_the_next(unit))
            .take(MOST_HELD_UNITS)
            .count();
        let last_block = if waiting > 0 {
            let from = joined.len() - waiting;
            let run_block = joined[..=from]
                .iter()
                .rposition(|unit| unit.after_blank)
                .filter(|&start| joined.len() - start <= MOST_HELD_UNITS)
                .or_else(|| {
                    joined[from..]
                        .iter()
                        .position(|unit| unit.after_blank)
                        .map(|k| from + k)
                });
            run_block.map_or(last_block, |start| start.min(last_block))
        } else {
            last_block
        }
        .max(context);
        let unread_block = joined[last_block..].to_vec();
        read_with_neighbours(&mut joined);
        if joined.last().is_some_and(waits_for_the_next) && !self.chunks.is_done()? {
            // The whole block goes back: its units read one another.
            joined.truncate(last_block);
            self.held = unread_block;
        }
        labels_over_their_values(&mut joined, context);
        self.before = joined.last().cloned();
        joined.drain(..context);
        Ok(Some(joined))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_naming_the_projects_over_a_paragraph_introduces_them() {
        let text = "## Farm lab\n\n### Growing local leadership in farming\n\n\
                    The lab has worked with partners in Africa since 2015.\n\n\
                    ### Our research projects\n\n\
                    The projects below test new ideas with farmers and their families.\n\n\
                    ### Rainwater tanks for village schools\n\n\
                    The tanks hold water for twelve schools in the valley.\n";
        let source = crate::source::decode("p.txt", text.as_bytes()).unwrap();
        let mut learner = layout::LayoutLearner::default();
        learner.learn(crate::units::units(&source.lines), false);
        // The heading's line: the text above it is the page's.
        assert_eq!(learner.layout.lead_in_line, Some(7));
    }

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
