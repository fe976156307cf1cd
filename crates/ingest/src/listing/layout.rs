//! The layout facts that depend on the whole listing, learnt window by
//! window as pieces come.

use super::roles::{Builder, Role};
use crate::labels::Column;
use crate::units::{Unit, UnitKind};

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
}

impl Layout {
    pub(super) fn note_dated_title(&mut self, unit: &Unit) {
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
pub(super) const LOOKAHEAD_UNITS: usize = 3;

/// Learns the layout window by window, as pieces come: a unit near the end
/// of a window may need the next units to be decided, so those are seen
/// again with them.
#[derive(Default)]
pub(super) struct LayoutLearner {
    pub(super) layout: Layout,
    /// Units seen, not yet decided.
    pub(super) carry: Vec<Unit>,
}

impl LayoutLearner {
    /// Learns from the next `units` (the last ones when `!more`) and gives
    /// them back, for reading.
    pub(super) fn learn(&mut self, units: Vec<Unit>, more: bool) -> Vec<Unit> {
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
pub(super) fn learn_layout(layout: &mut Layout, window: &[Unit], more: bool) -> usize {
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
