//! The layout facts that depend on the whole listing, learnt window by
//! window as pieces come.

use super::paragraphs::{client_year, client_years_heading, dash_named, named_paragraph};
use super::roles::{Builder, HeadBody, HeadSignature, NumberedRecord, Role};
use super::title_label::FieldLabels;
use crate::dates::{scan_date, scan_end_date, NumericOrder};
use crate::labels::{self, Column, Meaning};
use crate::record::Text;
use crate::units::{date_label, Unit, UnitKind, RECORD_WORDS};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// The layout facts that depend on the whole listing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Layout {
    /// The flattened table's header: the first line of each header unit,
    /// and its columns.
    pub(super) header_lines: Vec<usize>,
    pub(super) columns: Vec<(Column, String)>,
    /// Lowest and highest indentation of numbered, then bulleted, titles
    /// that have a date line.
    pub(super) marked_indents: [Option<(usize, usize)>; 2],
    pub(super) dated_titles: bool,
    /// Titles are labelled (`Project title: …`): then the labelled field
    /// is the title and no other rule finds one.
    pub(super) title_fields: bool,
    /// Where titles are labelled, the label of the field that opens a
    /// record when it stands above the title (`Year: 2022` / `Project
    /// title: …`), learnt from the first record with a line over its
    /// fields: records printed one under another with no line between them
    /// are cut at it.
    pub(super) opening_label: Option<String>,
    /// How many units make a record's head where titles have neither a
    /// date line nor a label (rule 3): the most common length of the runs
    /// of headline-like units above the records' bodies, the shorter on a
    /// tie (a caption or byline above one headline is not a second line
    /// of every head).
    pub(super) head_lines: usize,
    /// Records are one line each, the headline carrying its dates (rule
    /// S): two such lines at least.
    pub(super) dated_lines: bool,
    /// The first line of the sentence that introduces the listing (`The
    /// following projects were selected:`), if any: text above it is the
    /// page's, not the records'.
    pub(super) lead_in_line: Option<usize>,
    /// The first and last lines of a list under a heading that names the
    /// listing (`Our references` / `• UNDP – 2020. Study of …`,
    /// `Completed projects` / one sentence a line) or a sentence
    /// announcing it: its items are the records however they read (rule
    /// RL). Under a heading, an item of several sentences opens on its
    /// record's name; under a sentence, it is one more sentence about it.
    pub(super) listed_records: Option<ListedRecords>,
    /// Further lists of rule RL, each under a heading printed as the first
    /// list's is (`Projects under way` over each section's list).
    pub(super) more_listed_records: Vec<ListedRecords>,
    /// How the listing writes numeric dates: the order most of its dates
    /// whose numbers settle it (`15.06.2011`, `06/15/2020`) are in.
    pub(super) numeric_order: NumericOrder,
    /// The first numeric date either order could read (`01/06/2020`),
    /// its line and as printed, while no date of the listing settles the
    /// order.
    pub(super) unsettled_order: Option<(usize, String)>,
    /// Numbered records whose title is the quoted cell under the number
    /// line (rule Q): most numbered records hold one.
    pub(super) quoted_titles: bool,
    /// What the cells above a rule-Q title hold, from the listing's header
    /// (`Donor Budget Goals Years`).
    pub(super) lead_label: Option<String>,
    /// The usual shape of rule 3's records, once two share it.
    pub(super) head_signature: Option<HeadSignature>,
    /// The heading level of rule 3's usual headlines, where the listing
    /// marks its headings: two share it and no other level is as common.
    pub(super) usual_head_level: Option<u8>,
    /// Lines printed the same in several records' heads (a client's or
    /// programme's name): a label, never the headline.
    pub(super) constant_head_lines: Vec<String>,
    /// Heads of one line printed the same over many records: a card's
    /// subheading over its facts (`Partner & Funder`), never a record.
    pub(super) subheading_lines: Vec<String>,
    /// Rule 3's records start with the date line above their heads
    /// (`01/2019 – 12/2020` / client / headline / text): most heads have one
    /// right above them.
    pub(super) dates_lead_heads: bool,
    /// Date lines open their records: most blocks that hold a date line
    /// and a headline print the date first, set apart above, run into
    /// the headline below (`Jun 2024` / `Wells for schools`), two at
    /// least.
    pub(super) dates_lead_titles: bool,
    /// Date lines open their records though each line stands apart (a
    /// page's elements): most records' text follows a headline under its
    /// date line (`Jun 2024` / `Wells for schools` / text), or under the
    /// fields right under it (`Jun 2024` / `Donor: WB` / headline / text),
    /// two at least.
    pub(super) dates_lead_apart: bool,
    /// A line set apart, printed the same right above most date lines,
    /// three at least (a blog's category over each post's date: `Borehole
    /// wells` / `May 9, 2023` / headline): a label, never the headline.
    pub(super) constant_date_heads: Vec<String>,
    /// Records are numbered titles with nothing under them (rule 2b): a
    /// run of two or more under a heading or the sentence introducing
    /// them, in a listing without date lines.
    pub(super) numbered_lists: bool,
    /// Such a list, announced by a lead-in sentence, has items written as
    /// sentences (`• Clean water for two schools.`): they are titles too.
    pub(super) period_list_items: bool,
    /// Every item of the listing's lists is printed `Name / Title` (a
    /// grantee, then its project): the name is not part of the title.
    pub(super) name_slash_titles: bool,
    /// Records are lines or list items of prose, each naming its project
    /// in quotation marks (rule QL): two such in a row at least.
    pub(super) quoted_lines: bool,
    /// Records are lines of one or two sentences each, one under the
    /// other right under the sentence introducing the listing when it ends
    /// with a colon (`The chosen projects are as follows:`), in a listing
    /// no other rule reads (rule LL): two such lines at least. The first
    /// and last line of that run.
    pub(super) sentence_lines: Option<(usize, usize)>,
    /// Records are headlines of one line each, three or more one under the
    /// other right under the sentence introducing the listing (`Here is an
    /// overview of all our projects.` / `Library for the health centre` /
    /// `Technical equipment at schools` / …), in a listing no other rule
    /// reads (rule LT). The first and last line of that run.
    pub(super) headline_lines: Option<(usize, usize)>,
    /// Records are cards that print their headline again as their link,
    /// two units below, around a line of text (`Schools` / `Pupils of
    /// three villages learn …` / `Schools`), two such at least, in a
    /// listing no other rule reads (rule LK).
    pub(super) linked_titles: bool,
    /// Records are paragraphs or list items each opening on their
    /// project's name, a dash, then prose (`CERCI Maputo – School kits were
    /// given …`), three at least, in a listing no other rule reads (rule
    /// ND).
    pub(super) dash_named: bool,
    /// Records are headlines each over one short line, their place or
    /// client, with nothing else under them (`Study on rural roads` /
    /// `Tanzania`), three at least, in a listing no other rule reads (rule
    /// HS).
    pub(super) headlines_over_short_lines: bool,
    /// Records are references, each a client, its year, then the work
    /// done (`TSR – 2020. Advice on …`), three at least, in a listing no
    /// other rule reads (rule CY).
    pub(super) client_years: bool,
    /// Records are list items each a sentence granting an amount (`A
    /// Partnership with Africa will receive €750,000 over three years for
    /// …`), three at least, in a listing no other rule reads (rule GA).
    pub(super) grant_items: bool,
    /// Records are a client's name and years on a line over the work done,
    /// which reads as a title (`FAO, 2017-2018` / `Support to the ministry
    /// on …`): the work is the title, the line its client and dates (rule
    /// CH), three at least. They may follow records of another kind.
    pub(super) client_heads: bool,
    /// Records are paragraphs or list items each opening on their
    /// project's name, then its dates or a colon (rule P): two at least,
    /// not every one under a headline, in a listing no other rule reads.
    pub(super) named_paragraphs: bool,
    /// Records are headlines printed as a label, their colon after them,
    /// over their prose (`Vegetable garden :` / `We dug a well …`): three
    /// at least, each printed once, in a listing no other rule reads.
    pub(super) label_heads: bool,
    /// The header of a table whose rows are flattened to one line each
    /// (rule R): where it starts (a byte offset: a table run together on
    /// one line has its rows on the header's line) and its columns.
    pub(super) row_header: Option<(usize, Vec<(Column, String)>)>,
    /// Records are table rows on one line each: two at least.
    pub(super) rows: bool,
    /// Where records are runs of fields and no label the vocabulary knows
    /// names their titles, the listing's own label of its titles (lower
    /// case): an unlisted label in every record, its values the longest
    /// and nearly all different (`Activity nature: Boreholes for …`), rule
    /// TL.
    pub(super) title_label: Option<String>,
    /// Records print a headline over a subtitle over their date line
    /// (`Sarajevo Mindmap` / `An interdisciplinary project: …` / `July
    /// 2015`): more date lines, three at least, have two headline-like
    /// lines right above them and no third than have one. The upper is the
    /// headline.
    pub(super) subtitled_dates: bool,
}

impl Layout {
    /// Whether the listing labels its titles, with a label the vocabulary
    /// knows or its own (rule 0).
    pub(super) fn titles_labelled(&self) -> bool {
        self.title_fields || self.title_label.is_some()
    }

    /// A title with a date line under it: the listing's records have date
    /// lines, unless the only one is the page's headline over its date of
    /// publication (the file's first unit). `seen` counts them.
    pub(super) fn note_dated_title(&mut self, unit: &Unit, starts_file: bool, seen: &mut usize) {
        *seen += 1;
        if starts_file && *seen == 1 {
            return;
        }
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

/// The most common of what was counted, if two share it and nothing else
/// is as common.
fn usual<T: Copy + Ord>(counts: &std::collections::BTreeMap<T, usize>) -> Option<T> {
    let (&most, &n) = counts.iter().max_by_key(|&(_, &n)| n)?;
    let tied = counts.values().filter(|&&m| m == n).count() > 1;
    (n >= 2 && !tied).then_some(most)
}

/// Rule 1 looks three units ahead (a date line, and whether a lone year
/// under it heads a group): a unit nearer the end of a window is decided in
/// the next one.
pub(super) const LOOKAHEAD_UNITS: usize = 3;

/// Learns the layout window by window, as pieces come: a unit near the end
/// of a window may need the next units to be decided, so those are seen
/// again with them.
#[derive(Default)]
pub(super) struct LayoutLearner {
    pub(super) layout: Layout,
    /// A list of three items or more is the listing's records wherever it
    /// stands, under whatever line: the reading of a listing in which no
    /// rule found a record, read again.
    pub(super) any_list: bool,
    /// Units seen, not yet decided.
    pub(super) carry: Vec<Unit>,
    /// Whether a window has been learnt from (the next does not start the
    /// file).
    started: bool,
    /// How many record heads of each length rule 3 found so far.
    head_lengths: std::collections::BTreeMap<usize, usize>,
    /// How many one-line headlines with their own dates were seen.
    dated_lines: usize,
    /// How many units were decided.
    seen: usize,
    /// The heading levels (a bit each, [`level_bit`]) of the headlines
    /// printed as they are among the units decided near the top of the
    /// page.
    headline_levels_above: u8,
    /// The units decided near the top of the page, where the lead-in is
    /// looked for: the records above a lead-in are counted among all of
    /// them, wherever the listing was cut into windows.
    decided_near_top: Vec<Unit>,
    /// How many records rule 3 found in them.
    records_seen: usize,
    /// Numeric dates that settle the order, day first and month first.
    order_hints: [usize; 2],
    /// The first numeric date either order could read: its line, and
    /// the date as printed.
    first_ambiguous: Option<(usize, String)>,
    /// Numbered records, and those with a quoted cell under the number.
    numbered_records: [usize; 2],
    /// Rule 3's records by shape.
    signatures: std::collections::BTreeMap<HeadSignature, usize>,
    /// Rule 3's marked headlines by heading level.
    head_levels: std::collections::BTreeMap<u8, usize>,
    /// Table rows on one line each that read as records.
    rows: usize,
    /// The last unit decided, the one above the next window's.
    last_decided: Option<Unit>,
    /// The label of the first field of the run of fields the last unit
    /// decided ends, if it is a field.
    field_run_opening: Option<String>,
    /// Whether a title field was decided (and the record's opening field
    /// learnt from the fields above it).
    title_field_seen: bool,
    /// The field label a header line names, before the first numbered
    /// record.
    header_label: Option<String>,
    /// Titles with a date line seen.
    dated_titles_seen: usize,
    /// How often each line of the first record heads was printed.
    head_line_counts: std::collections::BTreeMap<String, usize>,
    /// How often each head of one line was printed.
    one_line_heads: std::collections::BTreeMap<String, usize>,
    /// The heads of two or more lines counted in `head_line_counts`.
    heads_counted: usize,
    /// Rule 3's records seen, and those with a date line right above.
    dated_heads: [usize; 2],
    /// Whether the first of rule 3's records has a date line right above.
    first_head_dated: Option<bool>,
    /// Blocks that open on a headline over its date line, and blocks that
    /// open on a date line over a headline.
    block_openings: [usize; 2],
    /// Records whose text follows a headline under its date line and those
    /// whose text follows a date line under its headline, blank lines or
    /// not.
    orders_over_text: [usize; 2],
    /// The shapes of the last units decided, for [`Self::learn_block_openings`].
    shapes_above: ShapesAbove,
    /// How often each line right above a date line was printed, and how
    /// many date lines had a line above.
    date_heads: std::collections::BTreeMap<String, usize>,
    date_heads_seen: usize,
    /// List items that read as titles, and those printed `Name / Title`.
    list_items: [usize; 2],
    /// Rule LL's search for sentence lines under the lead-in, the lines
    /// found so far and how many.
    sentence_run: SentenceRun,
    sentence_span: Option<(usize, usize)>,
    sentence_count: usize,
    /// Of the lines found, the headlines (rule LT's), and whether the
    /// lead-in ends with a colon.
    headline_count: usize,
    lead_in_colon: bool,
    /// Rule P's paragraphs seen, and rule 3's heads right above one.
    named_paragraphs: usize,
    heads_over_named_paragraphs: usize,
    /// The last two units decided, while rule RL's list is not found: a
    /// heading and a short line under it may stand over the next window's
    /// list.
    decided_above: Vec<Unit>,
    /// Labels the vocabulary lacks seen alone over prose, and whether one
    /// was printed twice (then they are labels of fields).
    label_heads: std::collections::BTreeSet<String>,
    label_head_printed_twice: bool,
    /// Headlines printed again as their card's link ([`is_linked_title`]).
    linked_titles: usize,
    /// Rule TL's unlisted labels of fields, as the units come.
    field_labels: FieldLabels,
    /// The heading over rule RL's first list, and the last line of the
    /// last list found under it or a heading printed the same.
    listed_heading: Option<String>,
    listed_through_line: usize,
    /// Date lines under two headline-like lines (and no third), and those
    /// under one ([`Layout::subtitled_dates`]).
    subtitled: [usize; 2],
    /// The upper of two such lines, and whether one was printed twice.
    upper_lines: std::collections::BTreeSet<String>,
    upper_line_printed_twice: bool,
    /// Paragraphs opening on a name and a dash (rule ND).
    dash_named: usize,
    /// Headlines over a short line (rule HS).
    headlines_over_short_lines: usize,
    /// References of a client and its year (rule CY).
    client_years: usize,
    /// List items granting an amount (rule GA).
    grant_items: usize,
    /// Lines of a client and its years over the work done (rule CH).
    client_heads: usize,
}

/// Where the search for rule LL's lines under the lead-in stands.
#[derive(Debug, Default, Clone, Copy)]
enum SentenceRun {
    /// The lead-in is not decided yet.
    #[default]
    Waiting,
    /// The lead-in, then any sentence lines found, end on line `below`.
    Collecting { below: usize },
    /// The run has ended, or there is none.
    Done,
}

/// How many lines of record heads are remembered to find those printed
/// the same in several: the first heads show it.
const HEAD_LINES_REMEMBERED: usize = 400;

/// A headline printed as it is: a line of text that reads as a title.
fn is_plain_headline(unit: &Unit) -> bool {
    unit.kind == UnitKind::Text && unit.is_title_like()
}

/// The bit of a heading level (0 for a line the page does not mark) in a
/// set of levels.
fn level_bit(level: Option<u8>) -> u8 {
    1 << level.unwrap_or(0).min(7)
}

/// How near the top of a page the sentence introducing its listing is
/// looked for, in units.
const LEAD_IN_WITHIN_UNITS: usize = 40;

/// How many units a list under a heading is held for, seen again window
/// after window until it ends: a longer list is taken as far as it is
/// seen, so that memory holds a few windows, not the file.
const MOST_UNITS_HELD: usize = 1 << 14;

/// The most words of a heading over rule RL's further lists.
const RECORD_HEADING_WORDS: usize = 8;

impl LayoutLearner {
    /// Learns from the next `units` (the last ones when `!more`) and gives
    /// them back, for reading.
    pub(super) fn learn(&mut self, units: Vec<Unit>, more: bool) -> Vec<Unit> {
        let carried = self.carry.len();
        let mut window = std::mem::take(&mut self.carry);
        // Counted as they come, each unit once, however the listing is cut.
        self.field_labels.count(&units);
        let title_label = self.field_labels.title_label();
        if title_label != self.layout.title_label {
            // The record opens on the field that opened the first title's
            // run; where the vocabulary's title label is seen instead,
            // rule 0 learns it from that title ([`Self::learn_opening_label`]).
            self.layout.opening_label = title_label
                .as_ref()
                .and_then(|_| self.field_labels.opening_label());
            self.layout.title_label = title_label;
        }
        window.extend(units);
        let mut keep = learn_layout(
            &mut self.layout,
            &window,
            more,
            !self.started,
            &mut self.dated_titles_seen,
        );
        // A run of headline-like units reaching `keep` may be a record's
        // head whose body comes next: it is seen again, whole.
        while keep > 0 && more && is_head_candidate(&window[keep - 1]) {
            keep -= 1;
        }
        // A line after two items of a list starts a head
        // (`Builder::record_heads`): the last two items before the cut
        // are seen again with what follows them.
        let is_item = |u: &Unit| matches!(u.kind, UnitKind::Bullet | UnitKind::Numbered(_));
        for _ in 0..2 {
            if keep > 0 && more && is_item(&window[keep - 1]) {
                keep -= 1;
            }
        }
        self.learn_quoted_titles(&window, &mut keep, more);
        if self.layout.listed_records.is_none() {
            self.learn_listed_records(&window, &mut keep, more);
        }
        if self.layout.listed_records.is_some() {
            self.learn_more_listed_records(&window, &mut keep, more);
        }
        let decided = &window[..keep];
        // A page introduces its listing near its top; a sentence further
        // down that mentions "the following projects" is a description's.
        // Nor is one with records above it: then it is in a record.
        if self.layout.lead_in_line.is_none() && self.seen < LEAD_IN_WITHIN_UNITS {
            // A heading naming the projects introduces them where a
            // headline printed as it is stands above it (the page's own);
            // under a heading of a higher level it heads a section.
            let headline_levels_above = self.headline_levels_above;
            let headline_alike_above = |k: usize| {
                let level = decided[k].heading_level();
                headline_levels_above & level_bit(level) != 0
                    || decided[..k]
                        .iter()
                        .any(|u| is_plain_headline(u) && u.heading_level() == level)
            };
            let lead_in = (0..decided.len().min(LEAD_IN_WITHIN_UNITS - self.seen)).position(|k| {
                is_lead_in(&decided[k])
                    || window.get(k + 1).is_some_and(|below| {
                        heads_the_projects(&decided[k], below) && headline_alike_above(k)
                    })
            });
            if let Some(at) = lead_in {
                let units_above: Vec<Unit> = self
                    .decided_near_top
                    .iter()
                    .chain(&decided[..at])
                    .cloned()
                    .collect();
                let mut above = Builder::new("", &units_above, &self.layout);
                above.mark_dated_lines();
                if above.record_heads().len() <= 1 {
                    self.layout.lead_in_line = Some(decided[at].first_line());
                }
            }
        }
        if self.seen < LEAD_IN_WITHIN_UNITS {
            for unit in decided.iter().filter(|u| is_plain_headline(u)) {
                self.headline_levels_above |= level_bit(unit.heading_level());
            }
            if self.layout.lead_in_line.is_none() {
                let room = LEAD_IN_WITHIN_UNITS - self.seen;
                self.decided_near_top
                    .extend(decided.iter().take(room).cloned());
            }
        }
        self.seen += keep;
        if self.layout.listed_records.is_none() {
            const KEPT: usize = 2;
            self.decided_above
                .extend(window[keep.saturating_sub(KEPT)..keep].iter().cloned());
            let excess = self.decided_above.len().saturating_sub(KEPT);
            self.decided_above.drain(..excess);
        }
        self.dated_lines += decided
            .iter()
            .filter(|u| u.own_dates().is_some() && u.is_title_like())
            .count();
        self.layout.dated_lines = self.dated_lines >= 2;
        for unit in decided {
            if let Some((hint, ambiguous, printed)) = order_evidence(unit) {
                match hint {
                    Some(NumericOrder::DayFirst) => self.order_hints[0] += 1,
                    Some(NumericOrder::MonthFirst) => self.order_hints[1] += 1,
                    None => {}
                }
                if ambiguous && self.first_ambiguous.is_none() {
                    self.first_ambiguous = Some((unit.first_line(), printed));
                }
            }
        }
        let [day_first, month_first] = self.order_hints;
        self.layout.numeric_order = if month_first > day_first {
            NumericOrder::MonthFirst
        } else {
            NumericOrder::DayFirst
        };
        self.layout.unsettled_order = self
            .first_ambiguous
            .clone()
            .filter(|_| day_first + month_first == 0);
        self.learn_block_openings(&window, keep);
        self.learn_date_heads(&window, keep);
        self.learn_rows(decided);
        self.learn_sentence_lines(decided);
        // Two lines naming their projects in quotes, one under the other or
        // each over a paragraph of its own and opening on the same words
        // (`Project “Wells for Taounate”. Years 2003-2004.` / what it did).
        if !self.layout.quoted_lines {
            let quoted: Vec<usize> = (0..decided.len())
                .filter(|&i| is_quoted_line(&decided[i]))
                .collect();
            let opening = |i: usize| quoted_line_opening(&decided[i]);
            self.layout.quoted_lines = quoted.windows(2).any(|pair| {
                pair[1] - pair[0] == 1
                    || pair[1] - pair[0] == 2
                        && opening(pair[0]).is_some_and(|o| Some(o) == opening(pair[1]))
            });
        }
        for unit in &window[..keep] {
            let marked = matches!(unit.kind, UnitKind::Numbered(_) | UnitKind::Bullet);
            if marked && (unit.is_title_like() || unit.is_item_title_with_period()) {
                self.list_items[0] += 1;
                self.list_items[1] +=
                    usize::from(name_before_slash(&unit.content.clean()).is_some());
            }
        }
        let [items, named] = self.list_items;
        self.layout.name_slash_titles = named >= 2 && named == items;
        if !self.layout.numbered_lists {
            if let Some(period_items) =
                headed_numbered_list(self.last_decided.as_ref(), &window, keep)
            {
                self.layout.numbered_lists = true;
                self.layout.period_list_items = period_items;
            }
        }
        self.learn_opening_label(&window[..keep]);
        // The unit above this window's first, for what looks one unit up.
        let above = match keep.checked_sub(1).and_then(|k| window.get(k)) {
            Some(last) => self.last_decided.replace(last.clone()),
            None => self.last_decided.clone(),
        };
        if !self.layout.dated_titles && !self.layout.titles_labelled() && !self.layout.quoted_titles
        {
            // Heads ending before `keep` are settled; one starting at the
            // file's first unit may hold the page's title and is not
            // counted. They are counted as if the listing's records of one
            // dated line each were known from its start: that there are
            // such records is learnt once two are seen, and what is counted
            // must not depend on where the listing is cut.
            let mut builder = Builder::new("", decided, &self.layout);
            builder.dated_lines = true;
            builder.mark_dated_lines();
            for head in builder.record_heads() {
                self.dated_heads[0] += 1;
                let unit_above = match head.start.checked_sub(1) {
                    Some(k) => decided.get(k),
                    None => above.as_ref(),
                };
                let dated_above = unit_above.is_some_and(|u| u.is_date() && !u.is_lone_year());
                self.dated_heads[1] += usize::from(dated_above);
                self.first_head_dated.get_or_insert(dated_above);
                if head.len() >= 2 && self.head_line_counts.len() < HEAD_LINES_REMEMBERED {
                    // Each line counted once a head: printed again in the
                    // same head is not printed in several records.
                    let lines: std::collections::BTreeSet<String> = decided[head.start..head.body]
                        .iter()
                        .map(|u| u.whole.clean().into_owned())
                        .collect();
                    for line in lines {
                        *self.head_line_counts.entry(line).or_default() += 1;
                    }
                    self.heads_counted += 1;
                }
                // A one-line head printed a third time is a subheading: its
                // shape is not the records'.
                let mut printed_before = 0;
                if head.len() == 1 && self.one_line_heads.len() < HEAD_LINES_REMEMBERED {
                    let line = decided[head.start].whole.clean().into_owned();
                    let count = self.one_line_heads.entry(line).or_default();
                    printed_before = *count;
                    *count += 1;
                }
                self.records_seen += 1;
                self.heads_over_named_paragraphs += usize::from(
                    decided
                        .get(head.body)
                        .is_some_and(|u| named_paragraph(u).is_some()),
                );
                let signature = builder.signature(&head);
                let may_be_page_title = !self.started && head.start == 0;
                // A page's title stands over prose: over fields, the
                // file's first head is a record's.
                if (!may_be_page_title || signature.body == HeadBody::Fields) && printed_before < 2
                {
                    *self.signatures.entry(signature).or_default() += 1;
                    if let Some(level) = decided[head.body - 1].heading_level() {
                        *self.head_levels.entry(level).or_default() += 1;
                    }
                }
                if !may_be_page_title {
                    *self.head_lengths.entry(head.len()).or_default() += 1;
                }
            }
            self.layout.head_signature = usual(&self.signatures);
            self.layout.usual_head_level = usual(&self.head_levels);
            // A label is printed in every record, or in most of three or
            // more; a title printed in two records of several (two grants
            // under one programme name) is not a label.
            let heads_counted = self.heads_counted;
            self.layout.constant_head_lines = self
                .head_line_counts
                .iter()
                .filter(|&(_, &n)| {
                    n >= 2 && (n == heads_counted || (n >= 3 && 2 * n > heads_counted))
                })
                .map(|(line, _)| line.clone())
                .collect();
            // A head of one line printed the same over a third of the
            // records or more, three at least, is a card's subheading over
            // its facts (`Partner & Funder`), no record.
            let records_seen = self.records_seen;
            self.layout.subheading_lines = self
                .one_line_heads
                .iter()
                .filter(|&(_, &n)| n >= 3 && 3 * n >= records_seen)
                .map(|(line, _)| line.clone())
                .collect();
            // Records that open on their dates open so from the first; where
            // the first opens on its headline, each date line closes the
            // record above it (`Title` / client / text / `Sept 2024`), and
            // the next headline opens the next.
            let [heads, dated] = self.dated_heads;
            self.layout.dates_lead_heads =
                dated >= 2 && 3 * dated >= 2 * heads && self.first_head_dated != Some(false);
            self.layout.head_lines = self
                .head_lengths
                .iter()
                .max_by_key(|&(&len, &count)| (count, std::cmp::Reverse(len)))
                .map_or(1, |(&len, _)| len);
        }
        self.learn_named_paragraphs(decided);
        self.learn_label_heads(&window, keep);
        self.learn_linked_titles(&window, keep);
        self.learn_records_of_one_shape(decided);
        self.learn_subtitles(decided, above.as_ref());
        self.started |= keep > 0;
        // A few units (lookahead, or a header-like run): cheap to copy.
        self.carry = window[keep..].to_vec();
        window.drain(..carried);
        window
    }
}

/// What [`LayoutLearner::learn_block_openings`] keeps of a unit decided:
/// a date line, a field run on from the line above, or another unit.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum ShapeAbove {
    Date,
    FieldUnder,
    #[default]
    Other,
}

/// The shapes of the last three units decided, the latest last.
#[derive(Debug, Default, Clone)]
struct ShapesAbove([ShapeAbove; 3]);

impl ShapesAbove {
    fn push(&mut self, shape: ShapeAbove) {
        self.0.rotate_left(1);
        self.0[2] = shape;
    }

    /// A date line with one or two fields under it, the last units decided.
    fn dates_over_fields(&self) -> bool {
        use ShapeAbove::{Date, FieldUnder};
        matches!(
            self.0,
            [_, Date, FieldUnder] | [Date, FieldUnder, FieldUnder]
        )
    }
}

/// The headline under the date line `d` and one or two fields right under
/// it, a blank line between the fields and the headline or not: the unit
/// after the fields where it reads as a headline.
pub(super) fn headline_under_fields(units: &[Unit], d: usize) -> Option<usize> {
    const MOST_FIELDS: usize = 2;
    let field = |k: usize| {
        units
            .get(k)
            .is_some_and(|u| matches!(u.kind, UnitKind::Field { .. }) && !u.after_blank)
    };
    let fields = (d + 1..=d + MOST_FIELDS).take_while(|&k| field(k)).count();
    let h = d + 1 + fields;
    let headline = units.get(h)?;
    (fields > 0
        && headline.kind == UnitKind::Text
        && headline.is_title_like()
        && headline.own_dates().is_none())
    .then_some(h)
}

impl LayoutLearner {
    /// Rule RL's list, wherever it stands. A list that may go on past the
    /// window is seen again, heading and all, with the next one, so that
    /// every cut of the listing finds it whole; past [`MOST_UNITS_HELD`]
    /// units it is taken as far as it is seen.
    fn learn_listed_records(&mut self, window: &[Unit], keep: &mut usize, more: bool) {
        // The heading may be among the units decided last, above this
        // window. Few units could head a list: the units are read from the
        // first that could, copied only where it stands above the window.
        let above = self.decided_above.len();
        let any_list = self.any_list;
        let Some(from) = self
            .decided_above
            .iter()
            .chain(window)
            .position(|u| any_list || names_a_listing(u) || is_lead_in(u))
        else {
            return;
        };
        let copied: Vec<Unit>;
        let with_above: &[Unit] = match from.checked_sub(above) {
            Some(in_window) => &window[in_window..],
            None => {
                copied = self.decided_above[from..]
                    .iter()
                    .chain(window)
                    .cloned()
                    .collect();
                &copied
            }
        };
        // `with_above[k]` is the window's unit `k + from - above`.
        let in_window = |k: usize| (k + from).checked_sub(above);
        let may_go_on = more && window.len() < MOST_UNITS_HELD;
        let found = match records_listed_under_their_heading(
            with_above,
            any_list,
            self.seen == 0 && from == 0,
            may_go_on,
        ) {
            ListedRun::Found(first, last, items_named) => {
                // The heading right over the list, or over a short line
                // over it.
                let heading =
                    (first.saturating_sub(2)..first).find(|&k| names_a_listing(&with_above[k]));
                self.listed_heading = heading.map(|k| with_above[k].whole.clean().into_owned());
                self.listed_through_line = with_above[last].last_line();
                Some((first, last, items_named))
            }
            ListedRun::MayGoOn(heading) => {
                *keep = (*keep).min(in_window(heading).unwrap_or(0));
                None
            }
            ListedRun::None => None,
        };
        self.layout.listed_records = found
            .filter(|&(first, _, _)| in_window(first).is_some())
            .map(|(first, last, items_named)| ListedRecords {
                first_line: with_above[first].first_line(),
                last_line: with_above[last].last_line(),
                items_named,
                for_want_of_others: any_list,
                marker: item_marker(&with_above[first].kind),
            });
    }

    /// Rule RL's further lists: under each later heading printed as the
    /// first list's heading is, the marked list right under it, however
    /// short. A list that may go on past the window holds its heading for
    /// the next.
    fn learn_more_listed_records(&mut self, window: &[Unit], keep: &mut usize, more: bool) {
        let (Some(heading), Some(first_list)) = (&self.listed_heading, self.layout.listed_records)
        else {
            return;
        };
        let mut h = 0;
        while h < (*keep).min(window.len()) {
            let unit = &window[h];
            if unit.first_line() <= self.listed_through_line
                || !unit.has_at_most_words(RECORD_HEADING_WORDS)
                || unit.whole.clean() != heading.as_str()
            {
                h += 1;
                continue;
            }
            let Some(first) = window
                .get(h + 1)
                .filter(|u| matches!(u.kind, UnitKind::Numbered(_) | UnitKind::Bullet))
            else {
                if more && h + 1 >= window.len() {
                    *keep = (*keep).min(h);
                    return;
                }
                h += 1;
                continue;
            };
            let run = window[h + 1..]
                .iter()
                .take_while(|u| u.kind.same_marker(&first.kind) && u.indent == first.indent)
                .count();
            if more && h + 1 + run == window.len() {
                *keep = (*keep).min(h);
                return;
            }
            let last = &window[h + run];
            self.listed_through_line = last.last_line();
            self.layout.more_listed_records.push(ListedRecords {
                first_line: first.first_line(),
                last_line: last.last_line(),
                items_named: first_list.items_named,
                for_want_of_others: false,
                marker: item_marker(&first.kind),
            });
            h += 1 + run;
        }
    }

    /// Learns which field opens a record where titles are labelled: the
    /// first of the fields right above the first title field, from the
    /// line over them or the file's start (`Year: 2022` / `Project title:
    /// …`). The runs of fields are followed across windows, so that the
    /// listing's pieces learn the same.
    fn learn_opening_label(&mut self, decided: &[Unit]) {
        for unit in decided {
            if unit.is_title_field() {
                if !self.title_field_seen {
                    self.title_field_seen = true;
                    self.layout.opening_label = self.field_run_opening.take();
                }
                self.field_run_opening = None;
                continue;
            }
            match &unit.kind {
                UnitKind::Field { label, known: true } => {
                    if self.field_run_opening.is_none() {
                        self.field_run_opening = Some(label.to_lowercase());
                    }
                }
                _ => self.field_run_opening = None,
            }
        }
    }

    /// Counts the decided blocks that open on a headline over its date
    /// line and those that open on a date line over a headline (the unit
    /// under the last decided one is in the window's lookahead); and, blank
    /// lines or not, the records whose text follows the two in each order.
    fn learn_block_openings(&mut self, window: &[Unit], keep: usize) {
        let headline =
            |u: &Unit| u.kind == UnitKind::Text && u.is_title_like() && u.own_dates().is_none();
        let lone_date = |u: &Unit| u.is_date() && !u.is_lone_year();
        let prose = |u: &Unit| u.kind == UnitKind::Text && !u.is_title_like();
        for i in 0..keep {
            let (Some(first), Some(second)) = (window.get(i), window.get(i + 1)) else {
                break;
            };
            let date_first = if headline(first) && lone_date(second) {
                0
            } else if lone_date(first) && headline(second) {
                1
            } else {
                continue;
            };
            if first.after_blank && !second.after_blank {
                self.block_openings[date_first] += 1;
            }
            // Where every line stands apart (a page's elements), the
            // record's text tells the order: it follows the headline.
            if window.get(i + 2).is_some_and(prose) {
                self.orders_over_text[date_first] += 1;
            }
        }
        // A date over its record's fields, then the headline and its text
        // (`3 November 2017` / `Donor: WB` / `Road repairs` / what the
        // record is about), counted at the headline: the units above it may
        // have been decided with the window before.
        for i in 0..keep {
            let unit = &window[i];
            if self.shapes_above.dates_over_fields()
                && headline(unit)
                && window.get(i + 1).is_some_and(prose)
            {
                self.orders_over_text[1] += 1;
            }
            self.shapes_above.push(if lone_date(unit) {
                ShapeAbove::Date
            } else if matches!(unit.kind, UnitKind::Field { .. }) && !unit.after_blank {
                ShapeAbove::FieldUnder
            } else {
                ShapeAbove::Other
            });
        }
        let [headline_first, date_first] = self.block_openings;
        self.layout.dates_lead_titles = date_first >= 2 && date_first > headline_first;
        let [headline_over_text, date_over_text] = self.orders_over_text;
        self.layout.dates_lead_apart =
            date_over_text >= 2 && date_over_text > 2 * headline_over_text;
    }

    /// Counts the lines set apart right above the decided date lines, to
    /// learn one printed over most of them
    /// ([`Layout::constant_date_heads`]).
    fn learn_date_heads(&mut self, window: &[Unit], keep: usize) {
        for i in 0..keep {
            let (Some(above), Some(date)) = (window.get(i), window.get(i + 1)) else {
                break;
            };
            // The dates' own label (`Dates` / `2019–2022`) and a byline
            // are read as such; a tag printed between a headline and its dates
            // (`Wells for schools` / `Ghana` / `2019–2021`) is passed over
            // by the headline above it.
            if !(date.is_date() && !date.is_lone_year() && above.is_title_like())
                || date_label(above)
                || above.is_byline()
                || !above.after_blank
            {
                continue;
            }
            self.date_heads_seen += 1;
            if self.date_heads.len() < HEAD_LINES_REMEMBERED {
                *self
                    .date_heads
                    .entry(above.whole.clean().into_owned())
                    .or_default() += 1;
            }
        }
        let seen = self.date_heads_seen;
        self.layout.constant_date_heads = self
            .date_heads
            .iter()
            .filter(|&(_, &n)| n >= 3 && 2 * n > seen)
            .map(|(line, _)| line.clone())
            .collect();
    }

    /// Rules LL and LT: follow the lines under the lead-in, window after
    /// window, while each is a sentence line or a headline line right under
    /// the one before. Two sentence lines or more under a lead-in that ends
    /// with a colon are rule LL's records, three headline lines or more
    /// rule LT's, in a listing no other rule reads; of a run that holds
    /// both, the kind most lines are (a photo's caption may open it).
    fn learn_sentence_lines(&mut self, decided: &[Unit]) {
        let Some(lead_in_line) = self.layout.lead_in_line else {
            return;
        };
        for unit in decided {
            self.sentence_run = match self.sentence_run {
                SentenceRun::Waiting if unit.first_line() == lead_in_line => {
                    self.lead_in_colon = unit.whole.clean().ends_with(':');
                    SentenceRun::Collecting {
                        below: unit.last_line(),
                    }
                }
                SentenceRun::Collecting { below } if unit.first_line() > below => {
                    let found = self.sentence_count + self.headline_count;
                    let right_under = found == 0 || unit.first_line() == below + 1;
                    let sentence = is_sentence_line(unit);
                    if right_under && (sentence || is_headline_line(unit)) {
                        let first = self
                            .sentence_span
                            .map_or(unit.first_line(), |(first, _)| first);
                        self.sentence_span = Some((first, unit.last_line()));
                        match sentence {
                            true => self.sentence_count += 1,
                            false => self.headline_count += 1,
                        }
                        SentenceRun::Collecting {
                            below: unit.last_line(),
                        }
                    } else {
                        SentenceRun::Done
                    }
                }
                state => state,
            };
        }
        let other_records = self.other_records();
        let (sentences, headlines) = (self.sentence_count, self.headline_count);
        self.layout.sentence_lines = self.sentence_span.filter(|_| {
            self.lead_in_colon && sentences >= 2 && sentences >= headlines && !other_records
        });
        self.layout.headline_lines = self
            .sentence_span
            .filter(|_| headlines >= 3 && headlines > sentences && !other_records);
    }

    /// Whether a rule other than LL and P reads the listing's records.
    fn other_records(&self) -> bool {
        self.layout.dated_titles
            || self.layout.title_fields
            || self.layout.quoted_titles
            || self.layout.numbered_lists
            || self.layout.quoted_lines
            || self.layout.rows
            || self.layout.dated_lines
    }

    /// Rule LH: headlines printed as labels over prose
    /// ([`Layout::label_heads`]).
    fn learn_label_heads(&mut self, window: &[Unit], keep: usize) {
        const FEWEST: usize = 3;
        for i in 0..keep {
            let (Some(unit), Some(below)) = (window.get(i), window.get(i + 1)) else {
                break;
            };
            if let Some(head) = label_head(unit, below) {
                self.label_head_printed_twice |= !self.label_heads.insert(head);
            }
        }
        self.layout.label_heads = self.label_heads.len() >= FEWEST
            && !self.label_head_printed_twice
            && !self.other_records();
    }

    /// Counts the date lines decided by how many headline-like lines stand
    /// right above them ([`Layout::subtitled_dates`]); `above` is the unit
    /// over the window's first. A head's lines are never cut from their
    /// date line by a window ([`is_head_candidate`]).
    fn learn_subtitles(&mut self, decided: &[Unit], above: Option<&Unit>) {
        const FEWEST: usize = 3;
        let headline_like = |u: &Unit| u.is_title_like() && !u.is_date();
        for i in 1..decided.len() {
            let unit = &decided[i];
            if !unit.is_date() || unit.is_lone_year() || !headline_like(&decided[i - 1]) {
                continue;
            }
            // Set apart: a line run on from the record above's last
            // (`March 2019 - June 2020` / `Harbour Fund`) is that record's.
            let second = i >= 2 && headline_like(&decided[i - 2]) && decided[i - 2].after_blank;
            // The page's own title over the first record is no third line.
            let third = match i.checked_sub(3) {
                Some(k) => headline_like(&decided[k]) && (self.started || k > 0),
                None if i == 2 => above.is_some_and(headline_like),
                None => false,
            };
            match (second, third) {
                (true, false) => {
                    self.subtitled[0] += 1;
                    // A line printed over several records (`Project
                    // completed`) is the record above's, no headline.
                    if self.upper_lines.len() < HEAD_LINES_REMEMBERED {
                        let upper = decided[i - 2].whole.clean().into_owned();
                        self.upper_line_printed_twice |= !self.upper_lines.insert(upper);
                    }
                }
                (false, _) => self.subtitled[1] += 1,
                (true, true) => {}
            }
        }
        let [two, one] = self.subtitled;
        self.layout.subtitled_dates = two >= FEWEST && two > one && !self.upper_line_printed_twice;
    }

    /// Rule LK: cards whose headline is printed again as their link.
    fn learn_linked_titles(&mut self, window: &[Unit], keep: usize) {
        const FEWEST: usize = 2;
        self.linked_titles += (0..keep).filter(|&i| is_linked_title(window, i)).count();
        self.layout.linked_titles = self.linked_titles >= FEWEST && !self.other_records();
    }

    /// Rules ND, CY and GA: records of one shape each, three at least.
    fn learn_records_of_one_shape(&mut self, decided: &[Unit]) {
        const FEWEST: usize = 3;
        let count = |shape: fn(&Unit) -> bool| decided.iter().filter(|unit| shape(unit)).count();
        self.dash_named += count(|unit| dash_named(unit).is_some());
        self.headlines_over_short_lines += (0..decided.len())
            .filter(|&i| is_headline_over_short_line(decided, i))
            .count();
        self.client_years += count(|unit| client_year(unit).is_some());
        self.grant_items += count(is_grant_item);
        self.client_heads += (0..decided.len())
            .filter(|&i| is_client_head(decided, i))
            .count();
        self.layout.client_heads = self.client_heads >= FEWEST;
        let other_records = self.other_records();
        self.layout.dash_named = self.dash_named >= FEWEST && !other_records;
        self.layout.headlines_over_short_lines =
            self.headlines_over_short_lines >= FEWEST && !other_records && !self.layout.dash_named;
        self.layout.grant_items = self.grant_items >= FEWEST && !other_records;
        // References carry their year after the client: read as
        // headlines with their dates otherwise, they are this rule's.
        self.layout.client_years = self.client_years >= FEWEST
            && !(self.layout.title_fields || self.layout.rows || self.layout.quoted_titles);
    }

    /// Rule P: paragraphs opening on their project's name, two at least,
    /// where no other rule reads the listing. Where a headline stands over
    /// every one of them, each headline is its record's title (rule 3);
    /// where some stand without, the headlines head groups.
    fn learn_named_paragraphs(&mut self, decided: &[Unit]) {
        if self.other_records()
            || self.layout.sentence_lines.is_some()
            || self.layout.headline_lines.is_some()
        {
            self.layout.named_paragraphs = false;
            return;
        }
        self.named_paragraphs += decided
            .iter()
            .filter(|unit| named_paragraph(unit).is_some())
            .count();
        self.layout.named_paragraphs =
            self.named_paragraphs >= 2 && self.named_paragraphs > self.heads_over_named_paragraphs;
    }

    /// Rule R: a header row of column names (one of them the title's or a
    /// date's), and rows that read as records (under the header with as
    /// many cells, or with a date cell and next to another such row).
    fn learn_rows(&mut self, decided: &[Unit]) {
        if self.layout.row_header.is_none() && self.rows == 0 {
            self.layout.row_header = decided.iter().find_map(|u| {
                let columns = header_row(u)?;
                Some((u.span().start, columns))
            });
        }
        let header = self.layout.row_header.clone();
        let record_row: Vec<bool> = decided
            .iter()
            .map(|u| is_record_row(u, header.as_ref()))
            .collect();
        // Without a header, rows of a table stand next to each other; a
        // row between a title and its prose (`2019 – 2021 | Kenya | EU`)
        // is a record's line of facts.
        let next_to_a_row = |i: usize| {
            header.is_some()
                || (i > 0 && record_row[i - 1])
                || record_row.get(i + 1).copied().unwrap_or(false)
        };
        self.rows += (0..decided.len())
            .filter(|&i| record_row[i] && next_to_a_row(i))
            .count();
        self.layout.rows = self.rows >= 2;
    }

    /// Rule Q: numbered records whose number line is not the title but a
    /// quoted cell under it is, in two thirds of them and at least two;
    /// and what the cells above the title hold, from a header line before
    /// the first record whose words are field labels.
    fn learn_quoted_titles(&mut self, window: &[Unit], keep: &mut usize, more: bool) {
        let builder = Builder::new("", window, &self.layout);
        let records = builder.numbered_records();
        // A record is settled once its next record or its fifth unit is
        // seen (the quoted cell is looked for in its first four): one
        // that is not is seen again, whole, with the next units.
        let settled =
            |r: &NumberedRecord| !more || r.end < window.len() || r.start + 5 <= window.len();
        if let Some(open) = records.iter().find(|r| r.start < *keep && !settled(r)) {
            *keep = open.start;
        }
        let first_record = records.first().map_or(window.len(), |r| r.start);
        if self.numbered_records[0] == 0 {
            if let Some(label) = window[..first_record.min(*keep)]
                .iter()
                .rev()
                .find_map(header_label)
            {
                self.header_label = Some(label);
            }
        }
        for record in records.iter().filter(|r| r.start < *keep) {
            if self.numbered_records[0] == 0 {
                self.layout.lead_label = self.header_label.clone();
            }
            self.numbered_records[0] += 1;
            self.numbered_records[1] += usize::from(record.quoted.is_some());
        }
        let [all, quoted] = self.numbered_records;
        self.layout.quoted_titles = quoted >= 2 && 3 * quoted >= 2 * all;
    }
}

/// The text of `unit` where it may head a record as rule LH reads them:
/// a line of one phrase ending in its colon (a label the vocabulary lacks,
/// or longer), a blank line above it and prose right under it.
pub(super) fn label_head(unit: &Unit, below: &Unit) -> Option<String> {
    const MOST_WORDS: usize = 12;
    let head = match (&unit.kind, unit.whole.segments.as_slice()) {
        (UnitKind::LoneLabel(label), _) if !labels::is_known_label(label) => label.clone(),
        (UnitKind::Text, [line]) => {
            let text = line.text.trim_end();
            let head = text.strip_suffix(':')?.trim_end();
            let one_phrase = head.starts_with(char::is_uppercase)
                && !head.contains(['.', ':', ';'])
                && head.split_whitespace().count() <= MOST_WORDS;
            one_phrase.then(|| head.to_string())?
        }
        _ => return None,
    };
    (unit.after_blank && below.kind == UnitKind::Text && !below.is_title_like()).then_some(head)
}

/// A run of two or more numbered headline-like items right under a
/// heading (a short line, a lone year) or a sentence introducing a listing,
/// not under prose: objectives and activities are listed under prose, and
/// their items read as sentences anyway. Runs starting in `window[..decided]`
/// are looked at; `above` is the unit before the window (none at the
/// file's start, which may itself head a list). Under a lead-in sentence
/// the items may end in a full stop. `Some(whether they do)` when there
/// is such a list.
fn headed_numbered_list(above: Option<&Unit>, window: &[Unit], decided: usize) -> Option<bool> {
    let marked = |u: &Unit| matches!(u.kind, UnitKind::Numbered(_) | UnitKind::Bullet);
    let item = |u: &Unit, lead_in: bool| {
        marked(u) && (u.is_title_like() || (lead_in && u.is_item_title_with_period()))
    };
    // A heading is short; a longer one heads a list that starts at 1.
    let heading = |u: &Unit, lead_in: bool, first: &Unit| {
        let words = if matches!(first.kind, UnitKind::Numbered(1)) {
            16
        } else {
            8
        };
        u.is_lone_year()
            || lead_in
            || (u.kind == UnitKind::Text && u.is_title_like() && u.has_at_most_words(words))
    };
    (0..decided.min(window.len().saturating_sub(1))).find_map(|i| {
        let (first, second) = (&window[i], &window[i + 1]);
        // Two items of one list first, aligned (` 9.` over `10.` is): the
        // line above is looked at only under them.
        let aligned = first.indent.abs_diff(second.indent) <= 1;
        if !(marked(first) && marked(second) && first.kind.same_marker(&second.kind) && aligned) {
            return None;
        }
        let above_item = match i.checked_sub(1) {
            Some(k) => Some(&window[k]),
            None => above,
        };
        let lead_in = above_item.is_some_and(is_lead_in);
        let headed = above_item.is_none_or(|u| heading(u, lead_in, first));
        (headed && item(first, lead_in) && item(second, lead_in))
            .then(|| !(first.is_title_like() && second.is_title_like()))
    })
}

/// Where the title starts in `Name / Title`: one ` / ` after a name of at
/// most six words, before a longer title.
pub(super) fn name_before_slash(text: &str) -> Option<usize> {
    let mut parts = text.split(" / ");
    let (name, title) = (parts.next()?, parts.next()?);
    let name_words = name.split_whitespace().count();
    (parts.next().is_none()
        && (1..=6).contains(&name_words)
        && title.split_whitespace().count() > name_words)
        .then(|| name.len() + " / ".len())
}

/// A line or list item of prose that names a project in quotation marks
/// near its start: `The Project "…" funded by …`, `• A group – runs “…”
/// in …`.
/// The quoted name is part of the line, not all of it (a quoted title
/// alone on its line is a headline).
pub(super) fn is_quoted_line(unit: &Unit) -> bool {
    matches!(unit.kind, UnitKind::Text | UnitKind::Bullet)
        && unit.own_dates().is_none()
        && unit.content.segments.first().is_some_and(|s| {
            crate::units::quoted_span(&s.text).is_some_and(|(open, close)| {
                // `“The projects were reviewed …,” a statement reads`: words
                // quoted up to a comma or full stop are speech, not a name.
                let quoted = s.text[open..close].trim_end_matches(|c: char| !c.is_alphanumeric());
                // After a word that names it (`a project titled “… .”`),
                // a stop inside the quotes is the name's.
                let spoken = !crate::units::named_before(&s.text[..open])
                    && s.text[open..close]
                        .get(quoted.len()..)
                        .is_some_and(|tail| tail.contains([',', '.']));
                if spoken {
                    return false;
                }
                let outside = format!("{} {}", &s.text[..open], &s.text[close..]);
                outside
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    >= 2
            })
        })
}

/// The words before the quoted name of a line of rule QL, in lower case,
/// where they are a few (`Progetto “…”`, `Project “…”`): the same
/// opening on lines apart from each other says they are the records.
fn quoted_line_opening(unit: &Unit) -> Option<String> {
    const MOST_WORDS: usize = 3;
    let first = unit.content.segments.first()?;
    let (open, _) = crate::units::quoted_span(&first.text)?;
    let before = first.text.get(..open)?.trim();
    let words = before.split_whitespace().count();
    (1..=MOST_WORDS)
        .contains(&words)
        .then(|| before.to_lowercase())
}

/// Whether `units[i]` is a card's headline printed again as its link two
/// units below, a line of text between them (rule LK).
pub(super) fn is_linked_title(units: &[Unit], i: usize) -> bool {
    let (Some(headline), Some(between), Some(again)) =
        (units.get(i), units.get(i + 1), units.get(i + 2))
    else {
        return false;
    };
    let one_line_headline = |unit: &Unit| {
        unit.kind == UnitKind::Text
            && unit.whole.segments.len() == 1
            && unit.is_title_like()
            && !unit.is_byline()
    };
    // One line each: their texts are compared as printed.
    fn line(unit: &Unit) -> Option<&str> {
        match unit.whole.segments.as_slice() {
            [line] => Some(line.text.trim()),
            _ => None,
        }
    }
    between.kind == UnitKind::Text
        && line(again).is_some_and(|again| Some(again) == line(headline))
        && line(between) != line(headline)
        && one_line_headline(headline)
}

/// A record of rule GA: a list item of ten words or more that grants an
/// amount, or a paragraph that opens on it (`CA $2.9 million International
/// Development Research Centre Grant No. … for …`).
pub(super) fn is_grant_item(unit: &Unit) -> bool {
    const FEWEST_WORDS: usize = 10;
    // A paragraph's amount stands among its first bytes, after a country's
    // code at most (`UK £128,122.00`).
    const AMOUNT_OPENS_WITHIN: usize = 4;
    let item = matches!(unit.kind, UnitKind::Bullet | UnitKind::Numbered(_));
    if !(item || unit.kind == UnitKind::Text) || unit.has_at_most_words(FEWEST_WORDS - 1) {
        return false;
    }
    unit.content.segments.first().is_some_and(|line| {
        let text = line.text.trim_start();
        match item {
            true => crate::units::holds_an_amount(text),
            false => text
                .char_indices()
                .take_while(|&(i, _)| i <= AMOUNT_OPENS_WITHIN)
                .any(|(i, _)| crate::units::opens_on_amount(&text[i..])),
        }
    })
}

/// Rule CH: unit `i` of `units` names a client and its years (`FAO,
/// 2017-2018`) over the next, the work done, read as a title.
/// A plain line under a marked headline is that record's subheading
/// (`GirlTech Camp` / `Uganda — 2015` / text), no client's.
pub(super) fn is_client_head(units: &[Unit], i: usize) -> bool {
    const MOST_WORK_WORDS: usize = 40;
    let (Some(unit), Some(below)) = (units.get(i), units.get(i + 1)) else {
        return false;
    };
    // Most units are turned away by their own words, first.
    if client_years_heading(unit).is_none() {
        return false;
    }
    let under_a_headline =
        i > 0 && units[i - 1].heading_level().is_some() && unit.heading_level().is_none();
    // The work reads as a title (`Feasibility study for an irrigation
    // scheme.`), not as a sentence about a record (`The project trained
    // …`): under a headline that carries its years, that is its text.
    !under_a_headline
        && below.kind == UnitKind::Text
        && below.whole.segments.len() <= 2
        && below.has_at_most_words(MOST_WORK_WORDS)
        && !below.whole.clean().trim_end_matches('.').contains(". ")
        && below.reads_as_a_title()
        && client_years_heading(below).is_none()
}

/// Rule HS: unit `i` of `units` is a headline over one short line (a
/// place, a client: `Study on rural roads and their upkeep` / `Tanzania`)
/// with the next headline or nothing under the two, as a flattened table
/// of assignments and their countries prints them. A cell left empty
/// prints a dash (`--`).
pub(super) fn is_headline_over_short_line(units: &[Unit], i: usize) -> bool {
    const MOST_SHORT_WORDS: usize = 4;
    const FEWEST_HEADLINE_WORDS: usize = 4;
    let (Some(unit), Some(below)) = (units.get(i), units.get(i + 1)) else {
        return false;
    };
    // The checks on a unit's own flags come first: every unit is asked.
    let one_line = |u: &Unit| {
        u.kind == UnitKind::Text && u.whole.segments.len() == 1 && u.own_dates().is_none()
    };
    // A line opening on dates is a date line, whatever follows them; a
    // byline (`Published in July 2020`) names no place.
    let plain = |u: &Unit| !u.is_byline() && scan_date(&u.whole.clean()).is_none();
    let headline = |u: &Unit| {
        one_line(u)
            && u.is_title_like()
            && u.heading_level().is_none()
            && !u.has_at_most_words(FEWEST_HEADLINE_WORDS - 1)
            && plain(u)
    };
    let placeholder = |u: &Unit| {
        let text = u.whole.clean();
        !text.is_empty() && text.chars().all(|c| matches!(c, '-' | '–' | '—'))
    };
    let short = |u: &Unit| {
        one_line(u)
            && (u.is_title_like() && u.has_at_most_words(MOST_SHORT_WORDS) || placeholder(u))
            && !u.whole.clean().ends_with(':')
            && plain(u)
    };
    headline(unit) && short(below) && units.get(i + 2).is_none_or(headline)
}

/// A line of rule LT: one line of text that reads as a headline, with no
/// dates of its own.
pub(super) fn is_headline_line(unit: &Unit) -> bool {
    unit.kind == UnitKind::Text
        && unit.whole.segments.len() == 1
        && unit.is_title_like()
        && unit.own_dates().is_none()
        && !is_lead_in(unit)
}

/// A record of rule LL: one line of prose, one or two sentences
/// (`Hygiene and sanitation promotion by Korah Charity. The project costs
/// 10,314,255 birr.`), neither a heading nor a paragraph; or an item of an
/// enumeration that the lead-in's colon opens, each closed by a semicolon
/// (`Fair Trade, in the Middle East;`).
pub(super) fn is_sentence_line(unit: &Unit) -> bool {
    let text = unit.whole.clean();
    unit.kind == UnitKind::Text
        && unit.whole.segments.len() == 1
        && unit.own_dates().is_none()
        && text.starts_with(|c: char| c.is_uppercase())
        && text.ends_with(['.', ';'])
        && text.split_whitespace().count() >= 4
        && unit.has_at_most_words(80)
        && text.matches(". ").count() <= 1
        && !is_lead_in(unit)
}

/// The columns of a header row: every cell a column name, one of them the
/// title or a date.
pub(super) fn header_row(unit: &Unit) -> Option<Vec<(Column, String)>> {
    let cells = unit.cells();
    if cells.len() < 2 {
        return None;
    }
    // A header names its columns; one cell of three or more may be a
    // column name the vocabulary lacks, kept as a field, and more where
    // half the cells at least name theirs and one of them the title
    // (`Appeal No.⇥Country⇥Title⇥Date launched⇥…`).
    let known = cells
        .iter()
        .filter(|c| labels::column(&c.text).is_some())
        .count();
    let names_title = || {
        cells
            .iter()
            .any(|c| labels::column(&c.text) == Some(Column::Title))
    };
    let names_enough = known == cells.len()
        || (cells.len() >= 3 && known + 1 == cells.len())
        || (known >= 2 && 2 * known >= cells.len() && names_title());
    // A table of projects has a column of their names, dates, funders,
    // implementers or money; one that names places alone lists a
    // record's sites (`Region⇥Location⇥Cooperative activity`).
    let names_a_projects_column = cells.iter().any(|c| {
        !matches!(labels::column(&c.text), None | Some(Column::Field))
            || matches!(
                labels::meaning(&c.text),
                Some(Meaning::Funder | Meaning::Implementer | Meaning::Budget)
            )
    });
    if !names_enough || !names_a_projects_column {
        return None;
    }
    let mut columns: Vec<(Column, String)> = cells
        .iter()
        .map(|c| {
            (
                labels::column(&c.text).unwrap_or(Column::Field),
                c.text.clone(),
            )
        })
        .collect();
    // A header that names no title column names it in words the
    // vocabulary lacks: its column is the one not named.
    if !columns.iter().any(|(c, _)| *c == Column::Title) {
        if let Some(unnamed) = cells.iter().position(|c| labels::column(&c.text).is_none()) {
            columns[unnamed].0 = Column::Title;
        }
    }
    columns
        .iter()
        .any(|(c, _)| *c != Column::Field)
        .then_some(columns)
}

/// A row that reads as a record: under the header with as many cells (one
/// fewer if a cell was left empty), or with a date cell where the table
/// has no header.
pub(super) fn is_record_row(unit: &Unit, header: Option<&(usize, Vec<(Column, String)>)>) -> bool {
    let cells = unit.cells();
    match header {
        Some((at, columns)) => {
            unit.span().start > *at
                && cells.len() + 1 >= columns.len()
                && cells.len() <= columns.len()
                && cells.len() >= 2
        }
        None => cells.len() >= 2 && cells.iter().any(|c| is_date_cell(&c.text)),
    }
}

/// A cell that is a date or date range and nothing else.
pub(super) fn is_date_cell(text: &str) -> bool {
    scan_date(text).is_some_and(|e| e.len >= text.trim_end().len())
}

/// The first field label named by a header line of single words (`#
/// Donor Budget Goals and Objectives Years`), if the line names two.
fn header_label(unit: &Unit) -> Option<String> {
    if unit.whole.segments.len() != 1 || !unit.has_at_most_words(10) {
        return None;
    }
    let text = unit.whole.clean();
    let labels: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| labels::meaning(w).is_some())
        .collect();
    (labels.len() >= 2).then(|| labels[0].to_string())
}

/// What a unit's dates say of the listing's numeric order: the order its
/// numbers force, if any, and whether either order could read them.
fn order_evidence(unit: &Unit) -> Option<(Option<NumericOrder>, bool, String)> {
    let head = |text: &Text| text.segments.first().map(|s| s.text.clone());
    let printed = |text: &str, from: usize, to: usize| {
        text.get(from..to).unwrap_or_default().trim().to_string()
    };
    let (expr, text, from) = match &unit.kind {
        UnitKind::Date { expr, .. } => (*expr, head(&unit.content)?, 0),
        UnitKind::EndDate { .. } => {
            let text = head(&unit.whole)?;
            let end = scan_end_date(&text)?;
            let date = printed(&text, end.date_at, end.len);
            return Some((end.order_hint, end.ambiguous_order, date));
        }
        _ if unit.is_date_field() => {
            let text = head(&unit.content)?;
            (scan_date(&text)?, text, 0)
        }
        _ => {
            let own = unit.own_dates()?;
            let text = head(unit.headline())?;
            let expr = text.get(own.date_start..).and_then(scan_date)?;
            (expr, text, own.date_start)
        }
    };
    let date = printed(&text, from, from + expr.len);
    Some((expr.order_hint, expr.ambiguous_order, date))
}

/// Where rule RL's records are and what introduces them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ListedRecords {
    pub(super) first_line: usize,
    pub(super) last_line: usize,
    /// Its items open on their names, a sentence or more after them: a
    /// heading that names the listing (not a sentence) stands above, or
    /// the list was taken for want of any other record
    /// (`LayoutLearner::any_list`).
    pub(super) items_named: bool,
    /// Taken for the records for want of any other (`any_list`): an item
    /// naming its project in quotes is titled by that name.
    pub(super) for_want_of_others: bool,
    /// The items' marker; an item of another marker right under one of
    /// them is a part of it (`• Programme …` / `a) …` / `b) …`).
    pub(super) marker: Option<ItemMarker>,
}

/// The mark a list's items open on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemMarker {
    Bullet,
    Number,
}

/// The marker a unit of `kind` opens on, if it is a list's item.
pub(super) fn item_marker(kind: &UnitKind) -> Option<ItemMarker> {
    match kind {
        UnitKind::Bullet => Some(ItemMarker::Bullet),
        UnitKind::Numbered(_) => Some(ItemMarker::Number),
        _ => None,
    }
}

/// Words of a heading that names a listing of records besides
/// [`PROJECTS`]: a page of a consultancy's references, an organisation's
/// achievements or initiatives, a research group's research or grants.
/// Without their accents
/// ([`without_accents`]).
const LISTING_NAMES: &[&str] = &[
    "references",
    "referencias",
    "referenze",
    "referenzen",
    "referenties",
    "realisations",
    "realizaciones",
    "realizacoes",
    "realizzazioni",
    "achievements",
    "assignments",
    "portfolio",
    "initiatives",
    "iniciativas",
    "initiativen",
    "iniziative",
    "research",
    "investigaciones",
    "investigacoes",
    "recherches",
    "ricerche",
    "grants",
];

/// Projects, in the plural, in the listings' languages.
const PROJECTS: &[&str] = &[
    "projects",
    "projets",
    "proyectos",
    "projetos",
    "progetti",
    "projekte",
    "projecten",
];

/// Whether `unit` is a short line naming a listing of records (`Nos
/// références`, `COMPLETED PROJECTS`).
fn names_a_listing(unit: &Unit) -> bool {
    const MOST_WORDS: usize = 5;
    if unit.whole.segments.len() != 1
        || !matches!(unit.kind, UnitKind::Text | UnitKind::LoneLabel(_))
    {
        return false;
    }
    let text = unit.whole.clean();
    let text = text.trim_end_matches(':');
    text.split_whitespace().nth(MOST_WORDS).is_none() && has_a_listings_name(text)
}

/// Whether a word of `text` names a listing of records (`références`,
/// `projects`).
fn has_a_listings_name(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let word = without_accents(&word.to_lowercase());
        LISTING_NAMES.contains(&word.as_str())
            || PROJECTS.contains(&word.as_str())
            || is_projects_compound(&word)
    })
}

/// A compound naming projects of a kind, as German and Dutch write it
/// (`Forschungsprojekte`, `Waterprojecten`).
fn is_projects_compound(word: &str) -> bool {
    ["projekte", "projecten"]
        .iter()
        .any(|projects| word.len() > projects.len() + 2 && word.ends_with(projects))
}

/// Whether `unit` is a line of a dozen words at most that names a listing
/// of records among them (`Past Projects Take a look at what we've
/// done!`, a heading run into its tagline).
pub(super) fn mentions_the_listing(unit: &Unit) -> bool {
    const MOST_WORDS: usize = 12;
    unit.whole.segments.len() == 1
        && unit.has_at_most_words(MOST_WORDS)
        && has_a_listings_name(&unit.whole.clean())
}

/// `word` without its accents (`réferences`, as a page may misspell it,
/// reads as `references`): its canonical decomposition without the
/// combining marks.
fn without_accents(word: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Rule RL: where a run of three items or more starts right under a
/// heading that names the listing (a short line between them at most, a
/// page's counter of views or the money raised so far), or a list right
/// under a sentence announcing it, the indexes of its first and last
/// items. The items are one list's (one marker, one indentation), or short plain
/// lines, three in four of them a sentence (`Baseline survey for the
/// water consortium.`), the others a headline: where headlines and
/// sentences take turns, each sentence is its headline's text. With
/// `any_list`, a marked list under any line will do, but for a sentence
/// about one record introducing its parts, and so does one that opens the
/// listing (`window` opens it where `opens_listing`). Where `more` units
/// follow the window, a heading whose list reaches its end may go on.
fn records_listed_under_their_heading(
    window: &[Unit],
    any_list: bool,
    opens_listing: bool,
    more: bool,
) -> ListedRun {
    const FEWEST_ITEMS: usize = 3;
    if any_list && opens_listing {
        if let Some(first) = window
            .first()
            .filter(|u| matches!(u.kind, UnitKind::Numbered(_) | UnitKind::Bullet))
        {
            let run = window
                .iter()
                .take_while(|u| u.kind.same_marker(&first.kind) && u.indent == first.indent)
                .count();
            if run >= FEWEST_ITEMS {
                return ListedRun::Found(0, run - 1, true);
            }
        }
    }
    for h in 0..window.len() {
        let named = names_a_listing(&window[h]);
        let under_any_line = any_list && !introduces_parts(&window[h]);
        if !named && !under_any_line && !is_lead_in(&window[h]) {
            continue;
        }
        for start in [h + 1, h + 2] {
            let Some(first) = window.get(start) else {
                if more {
                    return ListedRun::MayGoOn(h);
                }
                continue;
            };
            let between_short = (h + 1..start).all(|k| window[k].has_at_most_words(6));
            let marked = matches!(first.kind, UnitKind::Numbered(_) | UnitKind::Bullet);
            // Under a sentence announcing the list (rule LL reads lines of
            // sentences there), a marked list.
            if !between_short || !named && !any_list && !marked {
                continue;
            }
            // An item's own list of another marker, right under it, is
            // part of the item (a programme over its studies `a)`, `b)`).
            let part_of_an_item = |u: &Unit| {
                !u.after_blank
                    && item_marker(&u.kind).is_some_and(|m| Some(m) != item_marker(&first.kind))
            };
            // Taken for want of other records, plain lines name their
            // projects in quotes, as a record does in a paragraph of news
            // (`… receives 5 million for the project ”…”.`); an
            // introduction names none.
            let names_in_quotes = |u: &Unit| crate::units::quoted_span(&u.whole.clean()).is_some();
            let run = window[start..]
                .iter()
                .take_while(|u| {
                    if marked {
                        (u.kind.same_marker(&first.kind) && u.indent == first.indent)
                            || part_of_an_item(u)
                    } else if any_list && !named {
                        is_short_line(u) && names_in_quotes(u) || is_dated_paragraph(u)
                    } else {
                        is_short_line(u)
                    }
                })
                .count();
            if more && start + run == window.len() {
                return ListedRun::MayGoOn(h);
            }
            let sentences = window[start..start + run]
                .iter()
                .filter(|u| is_record_sentence(u))
                .count();
            let dated = window[start..start + run]
                .iter()
                .filter(|u| any_list && is_dated_paragraph(u))
                .count();
            let enough =
                run >= FEWEST_ITEMS && (marked || 4 * sentences >= 3 * run || dated == run);
            if !enough && any_list && !marked {
                if let Some(run) = timeline(&window[start..]) {
                    return ListedRun::Found(start, start + run - 1, true);
                }
            } else if enough {
                return ListedRun::Found(start, start + run - 1, named || any_list);
            }
        }
    }
    ListedRun::None
}

/// What [`records_listed_under_their_heading`] found.
enum ListedRun {
    /// The indexes of the first and last items, and whether the items
    /// open on their names.
    Found(usize, usize, bool),
    /// The heading at this index may stand over a list that goes on past
    /// the window: it is decided with the next units.
    MayGoOn(usize),
    None,
}

/// A timeline taken for want of other records: paragraphs from the first
/// of `units` to the last that tells of a year in its opening words,
/// most of them so ([`is_dated_paragraph`]), three at least; a paragraph
/// set apart between two of them is one more step (`£554 was also donated
/// …` under `March 2018 – £500 was donated …`). How many units it holds.
fn timeline(units: &[Unit]) -> Option<usize> {
    const FEWEST_DATED: usize = 3;
    // A paragraph run on from the one above, no blank line between, is
    // that step's text, not a step: the timeline stops there.
    let paragraphs = units
        .iter()
        .take_while(|u| {
            u.kind == UnitKind::Text
                && !u.is_title_like()
                && (u.after_blank || is_dated_paragraph(u))
        })
        .count();
    let run = units[..paragraphs].iter().rposition(is_dated_paragraph)? + 1;
    let dated = units[..run]
        .iter()
        .filter(|u| is_dated_paragraph(u))
        .count();
    (dated >= FEWEST_DATED && 2 * dated > run && is_dated_paragraph(&units[0])).then_some(run)
}

/// A paragraph of one line that tells of a year in its opening words
/// (`In 2003 the association dug …`, `March 2018: a well for …`), as a
/// timeline of what a publisher did prints each of its steps.
fn is_dated_paragraph(unit: &Unit) -> bool {
    const OPENING_BYTES: usize = 40;
    if unit.kind != UnitKind::Text || unit.whole.segments.len() != 1 || unit.is_title_like() {
        return false;
    }
    let text = unit.whole.clean();
    let mut head = text.len().min(OPENING_BYTES);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    text[..head]
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4 && matches!(digits.get(..2), Some("19" | "20")))
}

/// A plain line of a headline or a sentence or two, short: as a list of
/// records without marks prints each.
fn is_short_line(unit: &Unit) -> bool {
    const MOST_WORDS: usize = 40;
    unit.kind == UnitKind::Text
        && unit.whole.segments.len() == 1
        && unit.has_at_most_words(MOST_WORDS)
        && unit.whole.clean().starts_with(char::is_uppercase)
        && unit.whole.clean().matches(". ").count() <= 1
}

/// A short plain line of one sentence or two, no headline (`Baseline
/// survey for the water consortium.`).
fn is_record_sentence(unit: &Unit) -> bool {
    is_short_line(unit) && !unit.is_title_like() && unit.whole.clean().ends_with('.')
}

/// A heading that names the listing's projects over a paragraph about
/// them (`ALL-IN Projects` / `The projects further the mission …`): it
/// introduces the listing as a lead-in sentence does; a headline and text
/// above it are the page's own. Its last word is projects in the plural.
fn heads_the_projects(unit: &Unit, below: &Unit) -> bool {
    const MOST_WORDS: usize = 6;
    unit.kind == UnitKind::Text
        && unit.is_title_like()
        && unit.has_at_most_words(MOST_WORDS)
        && unit
            .whole
            .clean()
            .split_whitespace()
            .next_back()
            .is_some_and(|last| PROJECTS.iter().any(|p| last.eq_ignore_ascii_case(p)))
        && below.kind == UnitKind::Text
        && !below.is_title_like()
}

/// The sentence that introduces a listing: it announces the projects that
/// follow (`The following projects were selected for funding:`, `Details
/// of each project can be found below.`, `… to support the following six
/// projects.`).
fn is_lead_in(unit: &Unit) -> bool {
    if unit.kind != UnitKind::Text || !unit.has_at_most_words(60) {
        return false;
    }
    // Most lines are told apart before they are lowercased: they hold no
    // word naming records, or neither end in a colon nor hold a word
    // announcing a list.
    let holds = |cores: &AhoCorasick| unit.whole.segments.iter().any(|s| cores.is_match(&s.text));
    let ends_in_colon = || {
        unit.whole
            .segments
            .last()
            .is_some_and(|s| s.text.trim_end().ends_with(':'))
    };
    if !holds(&RECORD_NAME_CORES) || !(ends_in_colon() || holds(&ANNOUNCING_WORD_CORES)) {
        return false;
    }
    let text = unit.whole.clean().to_lowercase();
    let names_records = RECORD_NAMES.iter().any(|w| text.contains(w));
    if !names_records {
        return false;
    }
    // Most lines name no projects: the words announcing a list are looked
    // for only in those that do.
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .collect();
    // A sentence announces the list; a heading of a few words without a
    // colon names a part of the page (`Project overview`).
    const FEWEST_WORDS: usize = 5;
    if words.len() >= FEWEST_WORDS && words.iter().any(|word| ANNOUNCING_WORDS.contains(word)) {
        return true;
    }
    text.ends_with(':') && !introduces_a_records_parts(&words)
}

/// Whether a line of `words` (in lower case) ending in a colon is a
/// sentence about one record (`… are implementing the project through four
/// key components:`): it introduces that record's parts, not a listing.
fn introduces_a_records_parts(words: &[&str]) -> bool {
    words
        .windows(2)
        .any(|pair| SINGULAR_POINTERS.contains(&pair[0]) && RECORD_WORDS.contains(&pair[1]))
}

/// Whether `unit` ends in a colon after a sentence about one record
/// ([`introduces_a_records_parts`]).
fn introduces_parts(unit: &Unit) -> bool {
    let text = unit.whole.clean().to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .collect();
    text.ends_with(':') && introduces_a_records_parts(&words)
}

/// Words (or their stems) naming records, in lower case, one of which a
/// sentence announcing a listing holds.
const RECORD_NAMES: [&str; 15] = [
    "project",
    "programme",
    "program",
    "initiative",
    "grant",
    "projet",
    "proyecto",
    "projekt",
    "progett",
    "vorhaben",
    "actions",
    "réalisation",
    "realizacion",
    "realização",
    "realizzazion",
];

/// The longest ASCII run of each of [`RECORD_NAMES`], found in any case: a
/// text holding none holds none of the names.
static RECORD_NAME_CORES: LazyLock<AhoCorasick> = LazyLock::new(|| ascii_cores(&RECORD_NAMES));

/// [`RECORD_NAME_CORES`] of [`ANNOUNCING_WORDS`].
static ANNOUNCING_WORD_CORES: LazyLock<AhoCorasick> =
    LazyLock::new(|| ascii_cores(&ANNOUNCING_WORDS));

/// Finds the longest ASCII run of each of `words` in any case.
fn ascii_cores(words: &[&str]) -> AhoCorasick {
    let cores = words.iter().map(|word| {
        word.split(|c: char| !c.is_ascii())
            .max_by_key(|run| run.len())
            .unwrap_or(word)
    });
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(cores)
        .expect("a few short ASCII patterns always build")
}

/// Words pointing at one thing (`the project`, `ce projet`).
const SINGULAR_POINTERS: &[&str] = &[
    "the", "this", "that", "le", "ce", "cet", "el", "este", "o", "das", "dieses", "il", "questo",
];

/// Words of a sentence announcing the list that follows it.
const ANNOUNCING_WORDS: [&str; 20] = [
    "following",
    "volgende",
    "below",
    "ci-dessous",
    "suivants",
    "siguientes",
    "folgende",
    "folgenden",
    "seguintes",
    "seguenti",
    "découvrez",
    "discover",
    "voici",
    "hereinafter",
    "overview",
    "übersicht",
    "aperçu",
    "present",
    "presents",
    "listed",
];

fn is_head_candidate(unit: &Unit) -> bool {
    (unit.is_title_like() || unit.is_titled_sentence())
        && !unit.is_date()
        && unit.whole.segments.len() <= 3
}

/// Whether unit `i` of the file's first window is a title field that
/// names the page, not a record: the file's first unit, no field under it
/// (`Title: our-achievements` / `Our achievements` / …, a page's metadata
/// as some site generators write it). A record's title field has its
/// record's other fields around it.
pub(super) fn is_page_title_field(window: &[Unit], i: usize) -> bool {
    i == 0
        && window.first().is_some_and(Unit::is_title_field)
        && !window.get(1).is_some_and(|below| {
            matches!(below.kind, UnitKind::Field { .. } | UnitKind::LoneLabel(_))
                || opens_on_a_label_set_apart(below)
        })
}

/// Whether a line of text opens on a label of the vocabulary, one to three
/// words, and goes on to its value with no colon between (`Country Viet
/// Nam`, `Project Number 51234-002`), as a page's cells copy.
fn opens_on_a_label_set_apart(unit: &Unit) -> bool {
    let Some(line) = unit.whole.segments.first() else {
        return false;
    };
    if unit.kind != UnitKind::Text || !line.text.starts_with(char::is_uppercase) {
        return false;
    }
    let ends: Vec<usize> = line
        .text
        .match_indices(' ')
        .map(|(at, _)| at)
        .take(3)
        .collect();
    ends.iter().any(|&end| {
        labels::listed_meaning(&line.text[..end]).is_some() && !line.text[end..].trim().is_empty()
    })
}

/// Learns the table header and dated titles of `window` (the last one when
/// `!more`); returns how many of its units are decided, the rest to be
/// seen again with the next units.
pub(super) fn learn_layout(
    layout: &mut Layout,
    window: &[Unit],
    more: bool,
    starts_file: bool,
    dated_titles_seen: &mut usize,
) -> usize {
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
    let record_title_field = |(i, unit): (usize, &Unit)| {
        unit.is_title_field() && !(starts_file && is_page_title_field(window, i))
    };
    if window[..decided].iter().enumerate().any(record_title_field) {
        layout.title_fields = true;
    }
    let mut builder = Builder::new("", window, layout);
    builder.mark_table_header();
    let mut keep = decided;
    let mut dated = Vec::new();
    for i in 0..decided {
        if let Some(headline) = builder.dated_headline(i) {
            builder.roles[headline] = Role::Title;
            builder.roles[i + 1] = Role::TitleDate;
            dated.push(headline);
            if i + 1 >= decided {
                // Its date line is decided with it, in the next window.
                keep = headline;
            }
        }
    }
    drop(builder);
    // A title whose date line is decided in the next window is noted
    // there, once.
    for i in dated.into_iter().filter(|&i| i < keep) {
        layout.note_dated_title(&window[i], starts_file && i == 0, dated_titles_seen);
    }
    keep
}
