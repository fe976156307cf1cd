//! A page's tokens → the lines a copied page would give: each block
//! (heading, paragraph, list item, table row, `dt`/`dd` pair) a line of
//! its own with a blank line after it, `br` a line break, the cells of a
//! row joined by tabs, an ordered list's items numbered as a browser
//! prints them. What is not listing text (scripts, styles, navigation,
//! headers, footers, cookie banners, breadcrumbs, menus) is left out.
//!
//! There is no tree to build: the tokens are read once, with a stack of
//! the open elements (on the heap, so nesting as deep as a hostile page
//! likes costs memory, never the call stack) and the implied ends a
//! browser would add (`<li>` ends the item before it, a block ends a
//! paragraph).

use super::encoding::Decoded;
use super::tokens::{tokens, Token};
use crate::labels;
use crate::record::{Span, TextMap};
use std::collections::HashMap;

/// A heading of the page: its level, its text and where that is in the
/// lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    pub level: u8,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// An element with an `id`, and the bytes of the file it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Anchor {
    pub id: String,
    pub file: Span,
}

/// The lines of a page and what the reading needs besides.
#[derive(Debug, Default)]
pub(super) struct Lines {
    pub text: String,
    /// Offsets of `text` → bytes of the file.
    pub map: TextMap,
    pub headings: Vec<Heading>,
    pub anchors: Vec<Anchor>,
    /// Sibling elements the page repeats (`<article>`, `<div
    /// class="project-card">`): each group's members' ranges of `text`,
    /// in order, three or more to a group.
    pub repeated: Vec<Vec<std::ops::Range<usize>>>,
}

/// Elements whose content is never listing text: a form control's
/// `label` names what a reader types or ticks (a filter's `Sector`,
/// `Donor`).
const SKIPPED: [&[u8]; 10] = [
    b"script",
    b"style",
    b"template",
    b"noscript",
    b"nav",
    b"title",
    b"select",
    b"button",
    b"svg",
    b"label",
];

const HEADINGS: [&[u8]; 6] = [b"h1", b"h2", b"h3", b"h4", b"h5", b"h6"];

/// Elements that are the page's banner, footer or sidebar where they
/// stand for the page, and part of an entry inside the elements listed
/// with them (HTML's sectioning): `<article><header><h2>Title</h2>…` is
/// the entry's own head, an `<aside>` in an article its key facts.
const PAGE_FURNITURE: [(&[u8], &[&[u8]]); 3] = [
    (b"header", &[b"article", b"section", b"main"]),
    (b"footer", &[b"article", b"section", b"main"]),
    (b"aside", &[b"article"]),
];

/// Words of an `id`, `class` or `role` that mark page furniture: banners,
/// menus, a sidebar, a list's pager and filters, a sign-up box.
const FURNITURE: [&str; 31] = [
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "menu",
    "menubar",
    "nav",
    "navbar",
    "navigation",
    "banner",
    "contentinfo",
    "skip",
    "sidebar",
    "pagination",
    "pager",
    "facets",
    "facet",
    "filters",
    "newsletter",
    "tablist",
    "gnb",
    "lnb",
    "related",
    "recommended",
    "share",
    "sharing",
    "social",
];

/// Elements that end a line where they start and end.
const BLOCKS: [&[u8]; 32] = [
    b"address",
    b"article",
    b"blockquote",
    b"section",
    b"div",
    b"dl",
    b"dt",
    b"dd",
    b"fieldset",
    b"figure",
    b"figcaption",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"hr",
    b"li",
    b"main",
    b"ol",
    b"ul",
    b"p",
    b"pre",
    b"table",
    b"tr",
    b"caption",
    b"details",
    b"summary",
    b"body",
    b"center",
];

/// Elements that never have content or an end tag.
/// Inline elements a page sets a field's label in, ahead of its value
/// and without a colon (`<span>Donors</span> UNFPA`).
const LABEL_ELEMENTS: [&[u8]; 8] = [
    b"span", b"strong", b"b", b"em", b"i", b"u", b"small", b"font",
];

const VOID: [&[u8]; 15] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr", b"keygen",
];

/// How far down the stack an implied end is looked for: a `<li>` ends an
/// item a few elements down, not one a hostile page buried a million
/// elements deep.
const IMPLIED_END_DEPTH: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Line,
    Blank,
}

#[derive(Debug)]
struct Open {
    name: u32,
    /// Counts the elements opened before it: an element's parent is told
    /// by it.
    serial: u32,
    /// Where it stands in [`Walker::containers`], if it may be one of
    /// the records a page repeats.
    container: Option<usize>,
    /// An inline element of [`INLINE_SIBLINGS`]: where the text stood when
    /// it opened.
    inline_from: Option<usize>,
    skips: bool,
    /// It skips for what its `id`, `class` or `role` says, not for being
    /// hidden or an element that is never text.
    named_furniture: bool,
    /// It skips only for being named a sidebar.
    named_sidebar: bool,
    anchor: Option<usize>,
    list: bool,
    heading: Option<(u8, usize)>,
    dt: bool,
    pre: bool,
    block: bool,
    table: bool,
    /// A table cell: where its text starts, the rows it spans and its
    /// column.
    cell: Option<(usize, usize, usize)>,
    row: bool,
    /// An inline element opened at the start of a line: where its text
    /// starts, to tell whether it prints a field's label.
    line_label: Option<usize>,
}

/// An element that may be one of a record's repeated containers: what
/// tells it from its siblings, and the range of the text written in it.
#[derive(Debug)]
struct Container {
    parent: u32,
    name: u32,
    class: String,
    text: std::ops::Range<usize>,
}

/// Elements a page repeats for its records. A `div` is one only where its
/// `class` names what it is (`project-card`); the others are one by
/// their name.
const CONTAINERS: [&[u8]; 4] = [b"div", b"article", b"section", b"figure"];

/// Inline elements a card sets side by side, each a value of its own (a
/// title, an amount, a date).
const INLINE_SIBLINGS: [&[u8]; 9] = [
    b"span", b"a", b"time", b"strong", b"b", b"em", b"small", b"font", b"i",
];

/// Fewest siblings alike that make a group of records.
const FEWEST_REPEATED: usize = 3;

/// A table being read.
#[derive(Debug)]
struct OpenTable {
    /// It has a header cell (`th`) yet.
    has_header: bool,
    /// The cells open around it: a table inside a layout table's cell has
    /// rows of its own.
    cells_outside: usize,
    /// The row being read (counted from 1), and the column its next cell
    /// stands in.
    row: usize,
    column: usize,
    /// Cells that span rows below their own (`rowspan`), to be printed in
    /// those rows too, as the table shows them.
    spanning: Vec<SpanningCell>,
}

/// A cell with `rowspan`: its text, the bytes it came from, its column,
/// the rows below its own it covers and the last row it was printed in.
#[derive(Debug)]
struct SpanningCell {
    text: String,
    file: Span,
    column: usize,
    rows: std::ops::RangeInclusive<usize>,
    printed_in: usize,
}

/// The most rows a cell is carried into: a page's `rowspan="65534"` would
/// otherwise copy one cell into every row.
const MOST_SPANNED_ROWS: usize = 1000;

/// A table's cells carried into the rows below at once, and the longest
/// text carried: a table spans a few columns of short values (a donor, a
/// country), and a hostile page must not multiply its size.
const MOST_SPANNING_CELLS: usize = 32;
const LONGEST_SPANNING_TEXT: usize = 300;

struct Walker<'d> {
    page: &'d Decoded<'d>,
    lines: Lines,
    names: HashMap<Vec<u8>, u32>,
    open_counts: Vec<usize>,
    stack: Vec<Open>,
    skipping: usize,
    /// How many of the elements skipping are skipped only for being named a
    /// sidebar.
    skipping_sidebars: usize,
    /// Whether an element named a sidebar is read as the page's content.
    sidebars_are_content: bool,
    /// Characters of text written, and of text left out only because it
    /// stands in elements named a sidebar.
    written_chars: usize,
    sidebar_chars: usize,
    pre: usize,
    /// Open lists: ordered, and the number of the next item.
    lists: Vec<(bool, u64)>,
    /// Open tables, innermost last.
    tables: Vec<OpenTable>,
    pending: Break,
    line_has_text: bool,
    space: Option<usize>,
    marker: Option<String>,
    /// Written before the next text of the line instead of a space.
    joiner: Option<&'static str>,
    after_dt: bool,
    seen_tag: bool,
    /// The table about to open prints its header in its first row's
    /// `td` cells ([`first_row_names_columns`]).
    next_table_has_header: bool,
    /// Elements opened so far.
    opened: u32,
    containers: Vec<Container>,
    /// The inline element closed last with text in it: its parent, and
    /// where the text stood when it closed.
    closed_inline: Option<(u32, usize)>,
}

fn is(name: &[u8], set: &[&[u8]]) -> bool {
    set.contains(&name)
}

fn attribute<'a>(attributes: &'a [(Vec<u8>, String)], name: &[u8]) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Whether the element is hidden and no text of the page. `aria-hidden`:
/// what a screen reader skips, such as a carousel's copies of its slides.
/// A closed panel of an accordion or of tabs is hidden too, but it is the
/// text its button or tab opens: the entry's own.
fn is_hidden(attributes: &[(Vec<u8>, String)]) -> bool {
    (attribute(attributes, b"hidden").is_some()
        || attribute(attributes, b"aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true")))
        && !is_disclosure_panel(attributes)
}

/// Whether the element's `id`, `class` or `role` names page furniture
/// (`cookie-banner`, `breadcrumbs`, `main-menu`, `role="navigation"`);
/// a sidebar only where `sidebars` says so.
fn is_furniture(name: &[u8], attributes: &[(Vec<u8>, String)], sidebars: bool) -> bool {
    // A search or filter form (`role="search"`); a class named `search`
    // may be the results'.
    if attribute(attributes, b"role").is_some_and(|r| r.trim().eq_ignore_ascii_case("search")) {
        return true;
    }
    let words = |attribute_name: &str| {
        attribute(attributes, attribute_name.as_bytes())
            .into_iter()
            .flat_map(|value| value.split(|c: char| !c.is_ascii_alphanumeric()))
    };
    // A list of tabs is the bar of their names (`<ul class="nav-tabs">`);
    // an element of another kind so named may hold the panels too.
    let tab_bar =
        matches!(name, b"ul" | b"ol") && words("class").any(|w| w.eq_ignore_ascii_case("tabs"));
    // The page's own banner and footer as pages wrote them before HTML5
    // had elements for them (`<div id="footer">`, `class="site-footer"`,
    // `campl-global-header`); an entry's header or footer (`card-header`,
    // `entry-footer`) holds its title or facts, and so does a
    // `page-header`, which frameworks wrap a page's or an entry's title in
    // (a `page-footer` is the page's).
    let page_banner = ["id", "class"].iter().any(|attribute_name| {
        let is = |word: &str, of: &[&str]| of.iter().any(|o| word.eq_ignore_ascii_case(o));
        let mut header = false;
        let mut footer = false;
        let mut site_wide = false;
        let mut page = false;
        for word in words(attribute_name) {
            header |= is(word, &["header"]);
            footer |= is(word, &["footer"]);
            site_wide |= is(word, &["site", "global", "main"]);
            page |= is(word, &["page"]);
        }
        let banner = header || footer;
        let page_wide = site_wide || (footer && page);
        banner
            && (page_wide
                || attribute(attributes, attribute_name.as_bytes())
                    .is_some_and(|v| is(v.trim(), &["header", "footer"])))
    });
    tab_bar
        || page_banner
        || ["id", "class", "role"].iter().any(|attribute_name| {
            words(attribute_name).any(|word| {
                let word = word.to_ascii_lowercase();
                FURNITURE.contains(&word.as_str()) && (sidebars || word != "sidebar")
            })
        })
}

/// Whether the element is the page's main content (`<main>`,
/// `role="main"`).
fn is_main(name: &[u8], attributes: &[(Vec<u8>, String)]) -> bool {
    name == b"main"
        || attribute(attributes, b"role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
}

/// Whether the element is the panel a button or tab shows and hides in
/// its place: it names its label (`aria-labelledby`), has a panel's role
/// or a class such as `accordion__panel`, `collapse` or `tab-pane`. A
/// dialog (`modal`) opened over the page repeats an entry shown already.
fn is_disclosure_panel(attributes: &[(Vec<u8>, String)]) -> bool {
    const PANEL_WORDS: [&str; 5] = ["panel", "pane", "collapse", "accordion", "tabpanel"];
    const DIALOG_WORDS: [&str; 4] = ["modal", "dialog", "popup", "lightbox"];
    let class_has = |list: &[&str]| {
        attribute(attributes, b"class").is_some_and(|class| {
            class
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| list.iter().any(|w| word.eq_ignore_ascii_case(w)))
        })
    };
    let role_is = |list: &[&str]| {
        attribute(attributes, b"role")
            .is_some_and(|role| list.iter().any(|r| role.trim().eq_ignore_ascii_case(r)))
    };
    if class_has(&DIALOG_WORDS) || role_is(&["dialog", "alertdialog"]) {
        return false;
    }
    attribute(attributes, b"aria-labelledby").is_some()
        || role_is(&["region", "tabpanel"])
        || class_has(&PANEL_WORDS)
}

impl<'d> Walker<'d> {
    fn name(&mut self, name: &[u8]) -> u32 {
        // A hostile page may use a million names: past a few thousand they
        // share one, which only makes their end tags less exact.
        let next = self.names.len().min(4096) as u32;
        let id = *self.names.entry(name.to_vec()).or_insert(next);
        if self.open_counts.len() <= id as usize {
            self.open_counts.resize(id as usize + 1, 0);
        }
        id
    }

    /// Whether `name` is page furniture here: outside every element that
    /// would make it part of an entry ([`PAGE_FURNITURE`]).
    fn is_page_furniture(&self, name: &[u8]) -> bool {
        PAGE_FURNITURE
            .iter()
            .find(|(furniture, _)| *furniture == name)
            .is_some_and(|(_, inside)| !inside.iter().any(|element| self.is_open(element)))
    }

    /// The page's main content opens inside elements whose names read as
    /// furniture: they were a wrapper of it and the sidebar
    /// (`content-sidebar-wrap`), since the main content is never inside a
    /// banner, menu or sidebar. They are kept from here on, unless one of
    /// them is hidden or never text.
    fn keep_main(&mut self) {
        if self
            .stack
            .iter()
            .any(|open| open.skips && !open.named_furniture)
        {
            return;
        }
        for open in &mut self.stack {
            open.skips = false;
            open.named_furniture = false;
            open.named_sidebar = false;
        }
        self.skipping = 0;
        self.skipping_sidebars = 0;
    }

    /// How many table cells are open.
    fn open_cells(&self) -> usize {
        [b"td".as_slice(), b"th"]
            .iter()
            .filter_map(|name| self.names.get(*name))
            .filter_map(|&id| self.open_counts.get(id as usize))
            .sum()
    }

    /// Whether an element of this name is open.
    fn is_open(&self, name: &[u8]) -> bool {
        self.names
            .get(name)
            .and_then(|&id| self.open_counts.get(id as usize))
            .is_some_and(|&open| open > 0)
    }

    fn file(&self, at: usize) -> usize {
        self.page.to_file(at)
    }

    /// Whether the text goes into a cell of a data table (one with a
    /// header cell): a cell is one value however its text is broken
    /// (`<td><p>Title</p></td>`, `2019<br>–2022`), so its blocks and line
    /// breaks are spaces. A table without header cells may be the page's
    /// layout, whose cells hold whole listings: there they stay lines.
    fn in_data_cell(&self) -> bool {
        self.tables
            .last()
            .is_some_and(|table| table.has_header && self.open_cells() > table.cells_outside)
    }

    fn in_heading(&self) -> bool {
        HEADINGS.iter().any(|h| self.is_open(h))
    }

    /// A break inside a data cell: a space before the cell's next text.
    fn cell_break(&mut self) {
        if self.line_has_text && self.joiner.is_none() {
            self.joiner = Some(" ");
        }
    }

    fn block_break(&mut self) {
        if self.in_data_cell() {
            return self.cell_break();
        }
        // A definition list's terms and descriptions are one block of
        // fields, a line each, as a card prints them.
        let between_terms = self
            .stack
            .last()
            .is_some_and(|open| self.names.get(b"dl".as_slice()) == Some(&open.name));
        let at_least = if between_terms {
            Break::Line
        } else {
            Break::Blank
        };
        if self.line_has_text || self.pending != Break::None {
            self.pending = self.pending.max(at_least);
        }
        self.after_dt = false;
        self.joiner = None;
    }

    fn line_break(&mut self) {
        // A heading broken over two lines (`<h2>Circular Migration<br>Pilot
        // for Nurses</h2>`) is one title, as a data cell is one value; a
        // date broken after its month (`Jun,<br>2024`) is one date.
        let line = self.lines.text.rsplit('\n').next().unwrap_or_default();
        let after_a_month = self.line_has_text && crate::dates::is_lone_month(line);
        if self.in_data_cell() || self.in_heading() || after_a_month {
            return self.cell_break();
        }
        if self.line_has_text {
            self.pending = self.pending.max(Break::Line);
        } else if self.pending == Break::Line {
            self.pending = Break::Blank;
        }
    }

    /// Remembers the cell in `column` whose text was written from `from`
    /// on, which spans `rows` rows: the `rows - 1` below get it too.
    fn remember_spanning_cell(&mut self, from: usize, rows: usize, column: usize) {
        let Some(written) = self.lines.text.get(from..) else {
            return;
        };
        let text = written.trim();
        if text.is_empty() || text.len() > LONGEST_SPANNING_TEXT || self.skipping > 0 {
            return;
        }
        let start = from + (written.len() - written.trim_start().len());
        let file = self.lines.map.span(start, start + text.len());
        let text = text.to_string();
        if let Some(table) = self
            .tables
            .last_mut()
            .filter(|table| table.spanning.len() < MOST_SPANNING_CELLS)
        {
            table.spanning.push(SpanningCell {
                text,
                file,
                column,
                rows: table.row + 1..=table.row + rows - 1,
                printed_in: table.row,
            });
        }
    }

    /// Writes the cells spanning into this row from rows above that stand
    /// where its next cell would (`row_end`: all those left, in column
    /// order).
    fn write_spanning_cells(&mut self, row_end: bool) {
        loop {
            let Some(table) = self.tables.last_mut() else {
                return;
            };
            let (row, column) = (table.row, table.column);
            let found = table
                .spanning
                .iter_mut()
                .filter(|cell| {
                    cell.rows.contains(&row)
                        && cell.printed_in != row
                        && if row_end {
                            cell.column >= column
                        } else {
                            cell.column == column
                        }
                })
                .min_by_key(|cell| cell.column);
            let Some(cell) = found else {
                return;
            };
            cell.printed_in = row;
            let (text, file) = (cell.text.clone(), cell.file);
            table.column = table.column.max(cell.column) + 1;
            if self.skipping > 0 {
                continue;
            }
            if self.line_has_text {
                self.joiner = Some("\t");
            }
            self.before_word(file.start);
            let at = self.lines.text.len();
            self.lines.text.push_str(&text);
            self.lines.map.push_mapped(at, file);
        }
    }

    /// Writes `text`, generated (it stands for no bytes: `file` is where
    /// it would be).
    fn write_generated(&mut self, text: &str, file: usize) {
        let at = self.lines.text.len();
        self.lines.text.push_str(text);
        self.lines.map.push_mapped(at, Span::new(file, file));
    }

    /// What goes before a word: line breaks, a list number, a space.
    fn before_word(&mut self, file: usize) {
        if self.pending != Break::None && !self.lines.text.is_empty() {
            let breaks = if self.pending == Break::Blank {
                "\n\n"
            } else {
                "\n"
            };
            self.write_generated(breaks, file);
            self.line_has_text = false;
        }
        self.pending = Break::None;
        if !self.line_has_text {
            if let Some(marker) = self.marker.take() {
                self.write_generated(&marker, file);
            }
            self.joiner = None;
        } else if let Some(joiner) = self.joiner.take() {
            self.write_generated(joiner, file);
        } else if let Some(space) = self.space {
            let at = self.lines.text.len();
            self.lines.text.push(' ');
            self.lines.map.push_mapped(at, Span::new(space, space + 1));
        }
        self.space = None;
        self.line_has_text = true;
    }

    /// Writes a word read at `start..end` of the decoded page; `literal`
    /// when the page's bytes there are the word.
    fn write_word(&mut self, word: &str, start: usize, end: usize, literal: bool) {
        let file_start = self.file(start);
        self.before_word(file_start);
        let at = self.lines.text.len();
        self.lines.text.push_str(word);
        if !literal {
            self.lines
                .map
                .push_mapped(at, Span::new(file_start, self.file(end)));
        } else if self.file(end) - file_start == word.len() {
            self.lines.map.push_literal(at, word.len(), file_start);
        } else {
            // A one-byte encoding: its ASCII runs are its bytes, each other
            // character stands for its byte.
            for (i, c) in word.char_indices() {
                let file = self.file(start + i);
                if c.is_ascii() {
                    self.lines.map.push_literal(at + i, 1, file);
                } else {
                    let next = self.file(start + i + c.len_utf8());
                    self.lines.map.push_mapped(at + i, Span::new(file, next));
                }
            }
        }
    }

    fn text(&mut self, text: &str, start: usize, end: usize) {
        if !self.seen_tag {
            return;
        }
        if self.skipping > 0 {
            if self.skipping == self.skipping_sidebars {
                self.sidebar_chars += text.trim().len();
            }
            return;
        }
        self.written_chars += text.trim().len();
        let raw = self.page.text.get(start..end).unwrap_or_default();
        // The tokenizer gives plain text as the bytes it read (a CR of
        // CR LF before it left out); a character reference as what it
        // stands for.
        let literal = raw.ends_with(text);
        let base = if literal { end - text.len() } else { start };
        let mut word_start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            let white = c.is_ascii_whitespace();
            if !white {
                word_start.get_or_insert(i);
                continue;
            }
            if let Some(from) = word_start.take() {
                let word = &text[from..i];
                if literal {
                    self.write_word(word, base + from, base + i, true);
                } else {
                    self.write_word(word, start, end, false);
                }
            }
            if i == text.len() {
                break;
            }
            if self.pre > 0 && c == '\n' {
                self.line_break();
            } else if self.line_has_text && self.space.is_none() {
                let at = if literal { base + i } else { start };
                self.space = Some(self.file(at));
            }
        }
    }

    fn start(&mut self, name: &[u8], attributes: &[(Vec<u8>, String)], at: usize) {
        self.seen_tag = true;
        match name {
            b"br" => return self.line_break(),
            b"hr" => return self.block_break(),
            _ if is(name, &VOID) => return,
            _ => {}
        }
        self.implied_ends(name, at);
        if name == b"dd" && self.after_dt && self.line_has_text {
            let label_ends = self.lines.text.trim_end().ends_with(':');
            self.after_dt = false;
            self.joiner = Some(if label_ends { " " } else { ": " });
            self.pending = Break::None;
        } else if matches!(name, b"td" | b"th") {
            self.write_spanning_cells(false);
            if self.line_has_text {
                self.joiner = Some("\t");
            }
        } else if is(name, &BLOCKS) {
            self.block_break();
        }
        let id = self.name(name);
        self.open_counts[id as usize] += 1;
        // A button inside a heading, or one that opens a collapsed panel,
        // holds the title of what it opens (an accordion's); elsewhere a
        // button is a control.
        let opens_panel = || {
            attribute(attributes, b"aria-expanded").is_some()
                || [b"data-toggle".as_slice(), b"data-bs-toggle"]
                    .iter()
                    .any(|a| {
                        attribute(attributes, a)
                            .is_some_and(|v| v.trim().eq_ignore_ascii_case("collapse"))
                    })
        };
        let skipped =
            is(name, &SKIPPED) && !(name == b"button" && (self.in_heading() || opens_panel()));
        let hidden = is_hidden(attributes);
        let named_furniture =
            !skipped && !hidden && is_furniture(name, attributes, !self.sidebars_are_content);
        let page_furniture = self.is_page_furniture(name);
        let named_sidebar =
            named_furniture && !page_furniture && !is_furniture(name, attributes, false);
        let skips = named_furniture || skipped || hidden || page_furniture;
        if skips {
            self.skipping += 1;
        }
        if named_sidebar {
            self.skipping_sidebars += 1;
        }
        if self.skipping > 0 && !skips && is_main(name, attributes) {
            self.keep_main();
        }
        let anchor = attribute(attributes, b"id")
            .filter(|id| !id.trim().is_empty() && self.skipping == 0)
            .filter(|_| !matches!(name, b"html" | b"body" | b"main" | b"form"))
            .map(|id| {
                let file = self.file(at);
                self.lines.anchors.push(Anchor {
                    id: id.trim().to_string(),
                    file: Span::new(file, usize::MAX),
                });
                self.lines.anchors.len() - 1
            });
        let table = name == b"table";
        if table {
            let cells_outside = self.open_cells();
            self.tables.push(OpenTable {
                has_header: std::mem::take(&mut self.next_table_has_header),
                cells_outside,
                row: 0,
                column: 0,
                spanning: Vec::new(),
            });
        }
        if name == b"th" {
            if let Some(table) = self.tables.last_mut() {
                table.has_header = true;
            }
        }
        let list = matches!(name, b"ol" | b"ul");
        if list {
            let first = attribute(attributes, b"start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            self.lists.push((name == b"ol", first));
        }
        // An item of a list in a data cell is a value of the cell, not a
        // line of its own to mark.
        if name == b"li" && self.skipping == 0 && !self.in_data_cell() {
            if let Some((ordered, next)) = self.lists.last_mut() {
                if let Some(value) =
                    attribute(attributes, b"value").and_then(|v| v.trim().parse().ok())
                {
                    *next = value;
                }
                self.marker = Some(if *ordered {
                    format!("{next}. ")
                } else {
                    "• ".to_string()
                });
                *next = next.saturating_add(1);
            }
        }
        let heading = match name {
            [b'h', level @ b'1'..=b'6'] => Some((level - b'0', self.lines.text.len())),
            _ => None,
        };
        // A heading's line is marked as Markdown marks one (`### Title`), so
        // that the reading knows the page's headings from its other lines;
        // a list item's number goes first, but a card's heading in a list
        // not numbered is a heading before it is an item.
        if let Some((level, _)) = heading {
            let unnumbered_item = self.marker.as_deref() == Some("• ");
            if (self.marker.is_none() || unnumbered_item)
                && self.skipping == 0
                && !self.in_data_cell()
            {
                self.marker = Some(format!("{} ", "#".repeat(usize::from(level))));
            }
        }
        let pre = name == b"pre";
        if pre {
            self.pre += 1;
        }
        let cell = matches!(name, b"td" | b"th").then(|| {
            let rows = attribute(attributes, b"rowspan")
                .and_then(|r| r.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, MOST_SPANNED_ROWS);
            let columns = attribute(attributes, b"colspan")
                .and_then(|c| c.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, MOST_SPANNED_ROWS);
            let column = self.tables.last_mut().map_or(0, |table| {
                table.column += columns;
                table.column - columns
            });
            (self.lines.text.len(), rows, column)
        });
        let line_label = (is(name, &LABEL_ELEMENTS)
            && (!self.line_has_text || self.pending != Break::None)
            && self.skipping == 0
            && !self.in_heading()
            && !self.is_open(b"a"))
        .then_some(self.lines.text.len());
        let serial = self.opened;
        self.opened = self.opened.wrapping_add(1);
        // Inline elements side by side with nothing between them
        // (`<span>Wells for the valley</span><span class="amount">$16,000</span>`)
        // are set apart by the page's style, not run together: their
        // texts are parted as cells are.
        if is(name, &INLINE_SIBLINGS) && self.skipping == 0 {
            let parent = self.stack.last().map_or(u32::MAX, |open| open.serial);
            let touching = self.closed_inline == Some((parent, self.lines.text.len()));
            if touching && self.line_has_text && self.space.is_none() && self.joiner.is_none() {
                self.joiner = Some(if self.in_data_cell() { " " } else { "\t" });
            }
        }
        let class = attribute(attributes, b"class").map_or("", str::trim);
        let container =
            (is(name, &CONTAINERS) && (name != b"div" || !class.is_empty())).then(|| {
                let at = self.lines.text.len();
                self.containers.push(Container {
                    parent: self.stack.last().map_or(u32::MAX, |open| open.serial),
                    name: id,
                    class: class.split_ascii_whitespace().collect::<Vec<_>>().join(" "),
                    text: at..at,
                });
                self.containers.len() - 1
            });
        let row = name == b"tr";
        if row {
            if let Some(table) = self.tables.last_mut() {
                table.row += 1;
                table.column = 0;
                let row = table.row;
                table.spanning.retain(|cell| *cell.rows.end() >= row);
            }
        }
        let inline_from = is(name, &INLINE_SIBLINGS).then_some(self.lines.text.len());
        self.stack.push(Open {
            name: id,
            serial,
            container,
            inline_from,
            skips,
            named_furniture,
            named_sidebar,
            anchor,
            list,
            heading,
            dt: name == b"dt",
            pre,
            block: is(name, &BLOCKS),
            table,
            cell,
            row,
            line_label,
        });
    }

    /// Where an inline element that opened a line printed a label of the
    /// vocabulary and nothing else (`<span>Project Title</span> Oil for
    /// Development`, `<b>Website</b>unfpa`), the value after it follows a
    /// colon, as the page shows the two apart: the line reads as the field
    /// it is, not as a headline opening on the label's words.
    fn part_label_from_value(&mut self, from: usize) {
        let Some(written) = self.lines.text.get(from..) else {
            return;
        };
        let line = written.rsplit('\n').next().unwrap_or(written);
        let label = line.trim_start_matches(['•', ' ']).trim();
        let bare = label.strip_suffix(':').unwrap_or(label);
        if !self.line_has_text || bare.is_empty() || labels::listed_meaning(bare).is_none() {
            return;
        }
        self.joiner = Some(if label.ends_with(':') { " " } else { ": " });
    }

    /// The ends a browser implies before a start tag: an item before the
    /// next item, a cell before the next cell, a paragraph before a block.
    fn implied_ends(&mut self, name: &[u8], at: usize) {
        let (ends, stops): (&[&[u8]], &[&[u8]]) = match name {
            b"li" => (&[b"li"], &[b"ol", b"ul"]),
            b"dt" | b"dd" => (&[b"dt", b"dd"], &[b"dl"]),
            b"tr" => (&[b"tr"], &[b"table"]),
            b"td" | b"th" => (&[b"td", b"th"], &[b"tr", b"table"]),
            _ if is(name, &BLOCKS) => (&[b"p"], &[]),
            _ => return,
        };
        let ends: Vec<u32> = ends
            .iter()
            .filter_map(|n| self.names.get(*n).copied())
            .filter(|&id| self.open_counts[id as usize] > 0)
            .collect();
        if ends.is_empty() {
            return;
        }
        let stops: Vec<u32> = stops
            .iter()
            .filter_map(|n| self.names.get(*n).copied())
            .collect();
        let found = self
            .stack
            .iter()
            .rev()
            .take(IMPLIED_END_DEPTH)
            .position(|open| ends.contains(&open.name) || stops.contains(&open.name));
        if let Some(depth) = found {
            let index = self.stack.len() - 1 - depth;
            if ends.contains(&self.stack[index].name) {
                self.close_to(index, at);
            }
        }
    }

    fn end(&mut self, name: &[u8], at: usize) {
        if name == b"br" {
            return self.line_break();
        }
        let Some(&id) = self.names.get(name) else {
            return;
        };
        if self.open_counts[id as usize] == 0 {
            if name == b"p" {
                self.block_break();
            }
            return;
        }
        if let Some(index) = self.stack.iter().rposition(|open| open.name == id) {
            self.close_to(index, at);
        }
    }

    /// Closes the open elements from the top down to `index`, which the
    /// tag at `at` ends.
    fn close_to(&mut self, index: usize, at: usize) {
        let file = self.file(at);
        while self.stack.len() > index {
            let Some(open) = self.stack.pop() else { break };
            self.close(open, file);
        }
    }

    fn close(&mut self, open: Open, file: usize) {
        if let Some(count) = self.open_counts.get_mut(open.name as usize) {
            *count = count.saturating_sub(1);
        }
        if open.skips {
            self.skipping = self.skipping.saturating_sub(1);
        }
        if open.named_sidebar {
            self.skipping_sidebars = self.skipping_sidebars.saturating_sub(1);
        }
        if let Some(anchor) = open.anchor.and_then(|i| self.lines.anchors.get_mut(i)) {
            anchor.file.end = file.max(anchor.file.start);
        }
        let written = self.lines.text.len();
        if let Some(container) = open.container.and_then(|i| self.containers.get_mut(i)) {
            container.text.end = written;
        }
        if open.inline_from.is_some_and(|from| from < written) {
            let parent = self.stack.last().map_or(u32::MAX, |above| above.serial);
            self.closed_inline = Some((parent, written));
        }
        if open.list {
            self.lists.pop();
        }
        if let Some((from, rows, column)) = open.cell.filter(|&(_, rows, _)| rows > 1) {
            self.remember_spanning_cell(from, rows, column);
        }
        if open.row {
            self.write_spanning_cells(true);
        }
        if open.table {
            self.tables.pop();
        }
        if open.pre {
            self.pre = self.pre.saturating_sub(1);
        }
        if let Some((level, from)) = open.heading {
            let written = self.lines.text.get(from..).unwrap_or_default();
            let unmarked = written.trim_start().trim_start_matches('#');
            let text = unmarked.trim();
            if !text.is_empty() && self.skipping == 0 {
                let start = from + (written.len() - unmarked.trim_start().len());
                self.lines.headings.push(Heading {
                    level,
                    text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                    start,
                    end: start + text.len(),
                });
            }
        }
        if let Some(from) = open.line_label {
            self.part_label_from_value(from);
        }
        if open.dt {
            self.after_dt = true;
        } else if open.block {
            self.block_break();
        }
    }
}

/// Reads a table's first row from `stream` (the tokens after `<table>`),
/// and gives them back with whether its cells name the table's columns: a
/// header written in `td` cells, as older pages write one (`Project
/// title` | `Funding institution` | `Start date` …), two cells at least,
/// each a label or column the vocabulary knows, one at most unknown where
/// there are three or more. Such a table holds data, not a page's layout:
/// its cells are values. A nested table, or a row longer than a header's,
/// stops the look.
fn first_row_names_columns(stream: &mut impl Iterator<Item = Token>) -> (Vec<Token>, bool) {
    const MOST_TOKENS: usize = 200;
    let mut row = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut in_cell = false;
    let mut in_row = false;
    let mut whole = false;
    for token in stream.by_ref() {
        let stop = match &token {
            Token::Start { name, .. } if name == b"table" => true,
            Token::Start { name, .. } if name == b"tr" => {
                let second = in_row;
                in_row = true;
                second
            }
            Token::Start { name, .. } if name == b"td" || name == b"th" => {
                in_cell = true;
                cells.push(String::new());
                false
            }
            Token::End { name, .. } if name == b"td" || name == b"th" => {
                in_cell = false;
                false
            }
            Token::End { name, .. } if name == b"tr" => {
                whole = in_row;
                true
            }
            Token::End { name, .. } if name == b"table" => true,
            Token::Text { text, .. } => {
                if in_cell {
                    if let Some(cell) = cells.last_mut() {
                        cell.push(' ');
                        cell.push_str(text);
                    }
                }
                false
            }
            _ => false,
        };
        row.push(token);
        if stop || row.len() >= MOST_TOKENS {
            break;
        }
    }
    let known = cells
        .iter()
        .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|cell| {
            let name = cell.trim_end_matches(':');
            labels::listed_meaning(name).is_some() || labels::column(name).is_some()
        })
        .count();
    let names = whole && cells.len() >= 2 && known + usize::from(cells.len() >= 3) >= cells.len();
    (row, names)
}

/// How many times the text written the text of elements named a sidebar
/// must hold for those to be the page's content.
const SIDEBAR_TO_CONTENT: usize = 3;

/// The lines of a decoded page. A sidebar holds links and notices beside
/// the content, far less text than it: where the elements named a sidebar
/// hold several times the text of the rest, the page's layout named its
/// content column after the sidebar beside it (`pbf-sidebar-content`),
/// and the page is read again with them as its content.
pub(super) fn lines(page: &Decoded<'_>, file_len: usize) -> Lines {
    let walker = walk(page, file_len, false);
    if walker.sidebar_chars > SIDEBAR_TO_CONTENT * walker.written_chars {
        return walk(page, file_len, true).lines;
    }
    walker.lines
}

fn walk<'d>(page: &'d Decoded<'d>, file_len: usize, sidebars_are_content: bool) -> Walker<'d> {
    let mut walker = Walker {
        page,
        lines: Lines::default(),
        names: HashMap::new(),
        open_counts: Vec::new(),
        stack: Vec::new(),
        skipping: 0,
        skipping_sidebars: 0,
        sidebars_are_content,
        written_chars: 0,
        sidebar_chars: 0,
        pre: 0,
        lists: Vec::new(),
        tables: Vec::new(),
        pending: Break::None,
        line_has_text: false,
        space: None,
        marker: None,
        joiner: None,
        after_dt: false,
        seen_tag: false,
        next_table_has_header: false,
        opened: 0,
        containers: Vec::new(),
        closed_inline: None,
    };
    let mut stream = tokens(&page.text);
    let mut ahead: std::collections::VecDeque<Token> = std::collections::VecDeque::new();
    while let Some(token) = ahead.pop_front().or_else(|| stream.next()) {
        // A table's first row is read ahead, to know whether its cells
        // name the columns before any of them is written.
        if ahead.is_empty() && matches!(&token, Token::Start { name, .. } if name == b"table") {
            let (row, names_columns) = first_row_names_columns(&mut stream);
            walker.next_table_has_header = names_columns;
            ahead.extend(row);
        }
        match token {
            Token::Start {
                name,
                attributes,
                at,
                ..
            } => walker.start(&name, &attributes, at),
            Token::End { name, at } => walker.end(&name, at),
            Token::Text { text, start, end } => walker.text(&text, start, end),
        }
    }
    walker.close_to(0, page.text.len());
    let lines = &mut walker.lines;
    if !lines.text.is_empty() {
        let at = lines.text.len();
        lines.text.push('\n');
        lines.map.push_mapped(at, Span::new(file_len, file_len));
    }
    lines.repeated = repeated(&walker.containers, &lines.text);
    walker
}

/// The groups of sibling containers alike (one parent, one name, one
/// class) that hold text, three or more each, in the order of their
/// first member. A member's range is its text without the blank lines
/// around it.
fn repeated(containers: &[Container], text: &str) -> Vec<Vec<std::ops::Range<usize>>> {
    let mut groups: std::collections::BTreeMap<(u32, u32, &str), Vec<std::ops::Range<usize>>> =
        std::collections::BTreeMap::new();
    for container in containers {
        let Some(written) = text.get(container.text.clone()) else {
            continue;
        };
        let start = container.text.start + (written.len() - written.trim_start().len());
        let end = container.text.start + written.trim_end().len();
        if start < end {
            groups
                .entry((container.parent, container.name, container.class.as_str()))
                .or_default()
                .push(start..end);
        }
    }
    let mut repeated: Vec<_> = groups
        .into_values()
        .filter(|members| members.len() >= FEWEST_REPEATED)
        .collect();
    repeated.sort_by_key(|members| members.first().map(|m| (m.start, usize::MAX - m.end)));
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::encoding::decode;

    fn text_of(html: &str) -> String {
        let page = decode("p.html", html.as_bytes()).expect("a page");
        lines(&page, html.len()).text
    }

    #[test]
    fn a_label_set_apart_in_its_own_element_is_parted_from_its_value() {
        let text = text_of(
            "<p><span> Project Title</span>\tWells for the valley</p>\
             <p><strong>Donors</strong> Valley Trust</p><p><b>Website</b>valleytrust</p>\
             <p><span>Geographical location</span> Upper valley</p>",
        );
        assert_eq!(
            text,
            "Project Title: Wells for the valley\n\nDonors: Valley Trust\n\n\
             Website: valleytrust\n\nGeographical location: Upper valley\n"
        );
        // Words set apart that are no label, a label in a link, and a label
        // with its colon stay as printed.
        let text = text_of(
            "<p><em>Clean water</em> for the valley</p><p><a href=\"/d\"><span>Donors</span> and partners</a></p>\
             <p><b>Donor:</b>Valley Trust</p>",
        );
        assert_eq!(
            text,
            "Clean water for the valley\n\nDonors and partners\n\nDonor: Valley Trust\n"
        );
    }

    #[test]
    fn a_first_row_of_td_cells_naming_the_columns_is_a_header() {
        let text = text_of(
            "<table><tr><td><p>Project title</p></td><td><p>Donor</p></td><td><p>Start date</p></td></tr>\
             <tr><td><p>Wells for the</p><p>valley</p></td><td><p>Valley Trust</p></td><td><p>1/3/1999</p></td></tr>\
             </table>",
        );
        assert_eq!(
            text,
            "Project title\tDonor\tStart date\n\nWells for the valley\tValley Trust\t1/3/1999\n"
        );
        // A layout table's cells hold the page's blocks, a line each.
        let text = text_of(
            "<table><tr><td><p>Our projects</p></td><td><p>Contact us</p></td></tr>\
             <tr><td><p>Wells for the</p><p>valley</p></td><td><p>Valley Trust</p></td></tr></table>",
        );
        assert!(text.contains("Wells for the\n"), "{text}");
    }

    #[test]
    fn a_spanning_cell_is_printed_in_each_row_it_covers() {
        let text = text_of(
            "<table><tr><th>Donor</th><th>Project</th></tr>\
             <tr><td rowspan=\"2\">Norway</td><td>Wells</td></tr><tr><td>Boats</td></tr></table>",
        );
        assert_eq!(text, "Donor\tProject\n\nNorway\tWells\n\nNorway\tBoats\n");
    }

    #[test]
    fn a_content_column_named_after_its_sidebar_is_read() {
        let entry = "<h4>Research Title: Soil bacteria and maize yields</h4>\
                     <div>Project Duration: 2019 - 2021</div>\
                     <div>Partners: Farmers' union of the district</div>";
        let page = format!(
            "<h1>Ongoing research</h1><div class=\"pb-sidebar-wrapper\">\
             <div class=\"pb-sidebar-content column-40\">{}</div>\
             <div class=\"pb-sidebar-right\"><p>Search</p></div></div>",
            entry.repeat(3)
        );
        let text = text_of(&page);
        assert_eq!(text.matches("Soil bacteria and maize yields").count(), 3);
        assert!(text.starts_with("# Ongoing research"));
    }

    #[test]
    fn a_sidebar_beside_the_content_is_left_out() {
        let text = text_of(
            "<div class=\"content\"><h2>Village wells</h2><p>2019 - 2021. Ten wells \
             dug with the district's water board and the villages' committees.</p></div>\
             <div class=\"sidebar\"><p>Recent posts</p><p>Archives</p></div>",
        );
        assert!(text.contains("Village wells"));
        assert!(!text.contains("Recent posts"), "{text}");
    }

    #[test]
    fn spanning_cells_cannot_multiply_a_hostile_pages_size() {
        let long = "x".repeat(400);
        let mut html = String::from("<table><tr>");
        for _ in 0..200 {
            html.push_str("<td rowspan=\"65534\">spanning cell</td>");
        }
        html.push_str(&format!("<td rowspan=\"65534\">{long}</td></tr>"));
        html.push_str(&"<tr><td>a</td></tr>".repeat(2_000));
        html.push_str("</table>");
        let text = text_of(&html);
        // Thirty-two short cells at most, in a thousand rows at most; the
        // long cell is never copied.
        assert!(text.len() < 32 * "spanning cell\t".len() * 1_001 + html.len());
        assert_eq!(text.matches(long.as_str()).count(), 1);
    }
}
