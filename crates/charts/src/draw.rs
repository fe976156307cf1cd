//! Drawing a `Chart` with plotters on any backend (the SVG one here).

use crate::model::{Chart, ChartBody, TimelineRow};
use crate::text::{chars_that_fit, shorten, width, wrap};
use chrono::{Datelike, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub const WIDTH: u32 = 1000;
const FONT: &str = "sans-serif";
pub(crate) const HEADER: u32 = 110;
const FOOTER: u32 = 56;
/// Above this many projects a timeline cannot label its bars and shows
/// projects active per year instead.
pub const TIMELINE_MAX_ROWS: usize = 60;

pub(crate) const INK: RGBColor = RGBColor(33, 33, 33);
pub(crate) const MUTED: RGBColor = RGBColor(96, 96, 96);
/// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

pub(crate) type Area<DB> = DrawingArea<DB, Shift>;

pub(crate) fn text_style(size: u32, colour: RGBColor) -> TextStyle<'static> {
    (FONT, size).into_font().color(&colour)
}

pub(crate) fn bold(size: u32) -> TextStyle<'static> {
    (FONT, size, FontStyle::Bold).into_font().color(&INK)
}

pub(crate) fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// Pixel height the chart needs at `WIDTH`.
pub fn height(chart: &Chart) -> u32 {
    let body = match &chart.body {
        ChartBody::Bars {
            horizontal: true,
            labels,
            ..
        } => 90 + 34 * labels.len().max(1) as u32,
        ChartBody::Timeline { rows } if rows.len() <= TIMELINE_MAX_ROWS => {
            130 + 24 * rows.len().max(1) as u32
        }
        ChartBody::Matrix { rows, .. } => 150 + 44 * rows.len().max(1) as u32,
        ChartBody::Map { .. } => crate::map::body_height(),
        _ => 460,
    };
    HEADER + body + FOOTER
}

/// A timeline of more projects than can be labelled becomes projects
/// active per year; every other chart is drawn as it is.
fn as_drawn(chart: &Chart) -> std::borrow::Cow<'_, Chart> {
    match &chart.body {
        ChartBody::Timeline { rows } if rows.len() > TIMELINE_MAX_ROWS => {
            std::borrow::Cow::Owned(years_instead(
                &chart.title,
                &chart.caption,
                rows.len(),
                rows.iter().map(|r| (r.start, r.end)),
            ))
        }
        _ => std::borrow::Cow::Borrowed(chart),
    }
}

/// The timeline titled `title` of `projects` projects, running `spans`
/// (start, end), as projects active in each year.
pub fn years_instead(
    title: &str,
    caption: &str,
    projects: usize,
    spans: impl Iterator<Item = (NaiveDate, NaiveDate)> + Clone,
) -> Chart {
    let (labels, values) = active_per_year(spans);
    Chart {
        title: title.to_string(),
        subtitle: Some(format!(
            "{projects} projects are too many to draw one by one: projects active in each year"
        )),
        caption: caption.to_string(),
        x_title: "Year".into(),
        y_title: "Active projects".into(),
        body: ChartBody::Bars {
            horizontal: false,
            labels,
            values,
        },
    }
}

/// Draws `chart` on `root`.
pub fn draw<DB: DrawingBackend>(root: &Area<DB>, chart: &Chart) -> Result<(), String> {
    let chart = &*as_drawn(chart);
    root.fill(&WHITE).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    root.draw(&Text::new(
        shorten(&chart.title, chars_that_fit(w - 48, 28)),
        (24, 16),
        bold(28),
    ))
    .map_err(err)?;
    if let Some(subtitle) = &chart.subtitle {
        for (i, line) in wrap(subtitle, chars_that_fit(w - 48, 17), 2)
            .iter()
            .enumerate()
        {
            root.draw(&Text::new(
                line.clone(),
                (24, 56 + 22 * i as i32),
                text_style(17, MUTED),
            ))
            .map_err(err)?;
        }
    }
    for (i, line) in wrap(&chart.caption, chars_that_fit(w - 48, 15), 2)
        .iter()
        .enumerate()
    {
        root.draw(&Text::new(
            line.clone(),
            (24, (h - FOOTER + 12 + 19 * i as u32) as i32),
            text_style(15, MUTED),
        ))
        .map_err(err)?;
    }
    let body = root.margin(HEADER, FOOTER, 10, 24);
    match &chart.body {
        ChartBody::Bars {
            horizontal: false,
            labels,
            values,
        } => vertical_bars(
            root,
            &body,
            chart,
            labels,
            &[(String::new(), values.clone())],
        ),
        ChartBody::Bars {
            horizontal: true,
            labels,
            values,
        } => horizontal_bars(root, &body, chart, labels, values),
        ChartBody::Stacked { labels, series } => vertical_bars(root, &body, chart, labels, series),
        ChartBody::Histogram { values, bin } => {
            let (labels, counts) = histogram_bins(values, *bin);
            vertical_bars(root, &body, chart, &labels, &[(String::new(), counts)])
        }
        ChartBody::Timeline { rows } => timeline(root, &body, chart, rows),
        ChartBody::Matrix {
            rows,
            columns,
            values,
        } => matrix(root, &body, chart, rows, columns, values),
        ChartBody::Map { values } => crate::map::draw(root, &body, chart, values),
    }
}

/// `(label, count)` per bin of width `bin` from the lowest value's bin;
/// `values` are each number with how many times it counts.
pub fn histogram_bins(values: &[(f64, f64)], bin: f64) -> (Vec<String>, Vec<f64>) {
    let bin = if bin > 0.0 { bin } else { 1.0 };
    let finite: Vec<(f64, f64)> = values
        .iter()
        .copied()
        .filter(|(v, times)| v.is_finite() && times.is_finite())
        .collect();
    let (Some(low), Some(high)) = (
        finite.iter().map(|&(v, _)| v).reduce(f64::min),
        finite.iter().map(|&(v, _)| v).reduce(f64::max),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let first = (low / bin).floor() as i64;
    let last = (high / bin).floor() as i64;
    let mut counts = vec![0.0; (last - first + 1).clamp(1, 1000) as usize];
    for (v, times) in finite {
        let index = ((v / bin).floor() as i64 - first).clamp(0, counts.len() as i64 - 1);
        counts[index as usize] += times;
    }
    let labels = (0..counts.len())
        .map(|i| {
            let from = (first + i as i64) as f64 * bin;
            let to = from + bin;
            if bin == 1.0 {
                format!("{from}")
            } else {
                format!("{from}–{}", to - 1.0)
            }
        })
        .collect();
    (labels, counts)
}

/// Projects active in each calendar year, from the (start, end) of each
/// project of a timeline.
pub fn active_per_year(
    spans: impl Iterator<Item = (NaiveDate, NaiveDate)> + Clone,
) -> (Vec<String>, Vec<f64>) {
    let years = spans.map(|(start, end)| (start.year(), end.year().max(start.year())));
    let (Some(first), Some(last)) = (
        years.clone().map(|(start, _)| start).min(),
        years.clone().map(|(_, end)| end).max(),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let mut counts = vec![0.0; (last - first + 1) as usize];
    for (start, end) in years {
        for year in start..=end {
            counts[(year - first) as usize] += 1.0;
        }
    }
    ((first..=last).map(|y| y.to_string()).collect(), counts)
}

/// How many ticks to ask for so that small counts get one tick per unit.
fn integer_ticks(top: f64) -> usize {
    (top.floor() as usize + 1).clamp(2, 11)
}

/// "Not stated" is drawn in grey: it is the absence of a value, not one.
pub const NOT_STATED: &str = "Not stated";
const GREY: RGBColor = RGBColor(153, 153, 153);

fn colour_for(name: &str, index: usize) -> RGBColor {
    if name == NOT_STATED {
        GREY
    } else {
        PALETTE[index % PALETTE.len()]
    }
}

fn integer_label(v: &f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

fn legend<DB: DrawingBackend>(
    root: &Area<DB>,
    x: i32,
    y: i32,
    names: &[String],
) -> Result<i32, String> {
    let mut cursor = x;
    let mut row = y;
    for (i, name) in names.iter().enumerate() {
        let label = shorten(name, 30);
        let needed = 24 + width(&label, 15) as i32 + 18;
        if cursor + needed > WIDTH as i32 - 24 {
            cursor = x;
            row += 24;
        }
        let colour = colour_for(name, i);
        root.draw(&Rectangle::new(
            [(cursor, row), (cursor + 16, row + 16)],
            colour.filled(),
        ))
        .map_err(err)?;
        root.draw(&Text::new(label, (cursor + 22, row), text_style(15, INK)))
            .map_err(err)?;
        cursor += needed;
    }
    Ok(row + 28)
}

fn vertical_bars<DB: DrawingBackend>(
    root: &Area<DB>,
    body: &Area<DB>,
    chart: &Chart,
    labels: &[String],
    series: &[(String, Vec<f64>)],
) -> Result<(), String> {
    let n = labels.len().max(1);
    let totals: Vec<f64> = (0..labels.len())
        .map(|i| {
            series
                .iter()
                .map(|(_, v)| v.get(i).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().fold(0.0, f64::max).max(1.0);
    let mut area = body.clone();
    if series.len() > 1 {
        let names: Vec<String> = series.iter().map(|(n, _)| n.clone()).collect();
        let (_, top) = body.get_pixel_range();
        let bottom = legend(root, 90, top.start, &names)?;
        area = body.margin((bottom - top.start) as u32, 0, 0, 0);
    }
    let plot_width = WIDTH.saturating_sub(140);
    let slot = (plot_width / n as u32).max(1);
    // With many narrow bars (years, say) label every k-th bar, so that no
    // two labels touch: k bars give a label the room it needs.
    let shortest_label = labels
        .iter()
        .map(|l| width(&shorten(l, 10), 15) + 8)
        .max()
        .unwrap_or(0);
    let every = shortest_label.div_ceil(slot).max(1) as usize;
    let label_chars = chars_that_fit((slot * every as u32).saturating_sub(6), 15).max(3);
    let label_lines = labels
        .iter()
        .map(|l| wrap(l, label_chars, 3).len())
        .max()
        .unwrap_or(1) as u32;
    let mut cc = ChartBuilder::on(&area)
        .margin_top(16)
        .margin_right(16)
        .x_label_area_size(30 + 19 * label_lines)
        .y_label_area_size(70)
        .build_cartesian_2d(0f64..n as f64, 0f64..max * 1.15)
        .map_err(err)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(integer_ticks(max * 1.15))
        .y_label_formatter(&integer_label)
        .y_desc(chart.y_title.clone())
        .x_desc(chart.x_title.clone())
        .axis_desc_style(text_style(17, INK))
        .label_style(text_style(15, INK))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    let mut base = vec![0.0; labels.len()];
    for (s, (name, values)) in series.iter().enumerate() {
        let single = series.len() == 1;
        cc.draw_series(values.iter().enumerate().map(|(i, v)| {
            let colour = if single {
                colour_for(&labels[i], 0)
            } else {
                colour_for(name, s)
            };
            let (x0, x1) = (i as f64 + 0.15, i as f64 + 0.85);
            let bar = Rectangle::new([(x0, base[i]), (x1, base[i] + v)], colour.filled());
            base[i] += v;
            bar
        }))
        .map_err(err)?;
    }
    // Values on every bar or on none: a value wider than its bar would run
    // into the next one.
    let show_values = totals
        .iter()
        .all(|t| width(&integer_or_decimal(*t), 15) + 2 <= slot);
    for (i, label) in labels.iter().enumerate() {
        let (x, y) = cc.backend_coord(&(i as f64 + 0.5, 0.0));
        if i % every == 0 {
            for (k, line) in wrap(label, label_chars, 3).iter().enumerate() {
                root.draw(&Text::new(
                    line.clone(),
                    (x, y + 8 + 19 * k as i32),
                    text_style(15, INK).pos(Pos::new(HPos::Center, VPos::Top)),
                ))
                .map_err(err)?;
            }
        }
        let value = integer_or_decimal(totals[i]);
        if !show_values || totals[i] == 0.0 {
            continue;
        }
        let (x, top) = cc.backend_coord(&(i as f64 + 0.5, totals[i]));
        root.draw(&Text::new(
            value,
            (x, top - 4),
            bold(15).pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

fn integer_or_decimal(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn horizontal_bars<DB: DrawingBackend>(
    root: &Area<DB>,
    body: &Area<DB>,
    chart: &Chart,
    labels: &[String],
    values: &[f64],
) -> Result<(), String> {
    let n = labels.len().max(1);
    let max = values.iter().copied().fold(0.0, f64::max).max(1.0);
    let label_chars = 42;
    let shown: Vec<String> = labels.iter().map(|l| shorten(l, label_chars)).collect();
    let label_area = shown
        .iter()
        .map(|l| width(l, 15))
        .max()
        .unwrap_or(60)
        .clamp(60, 380)
        + 20;
    let mut cc = ChartBuilder::on(body)
        .margin_top(10)
        .margin_right(40)
        .x_label_area_size(60)
        .y_label_area_size(label_area)
        .build_cartesian_2d(0f64..max * 1.12, 0f64..n as f64)
        .map_err(err)?;
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(integer_ticks(max * 1.12))
        .x_label_formatter(&integer_label)
        .x_desc(chart.y_title.clone())
        .axis_desc_style(text_style(17, INK))
        .label_style(text_style(15, INK))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    cc.draw_series(values.iter().enumerate().map(|(i, v)| {
        let y = (n - 1 - i) as f64;
        Rectangle::new(
            [(0.0, y + 0.18), (*v, y + 0.82)],
            colour_for(&labels[i], 0).filled(),
        )
    }))
    .map_err(err)?;
    for (i, (label, v)) in shown.iter().zip(values).enumerate() {
        let y = (n - 1 - i) as f64 + 0.5;
        let (x0, py) = cc.backend_coord(&(0.0, y));
        root.draw(&Text::new(
            label.clone(),
            (x0 - 10, py),
            text_style(15, INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        let (x1, _) = cc.backend_coord(&(*v, y));
        root.draw(&Text::new(
            integer_or_decimal(*v),
            (x1 + 6, py),
            bold(15).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

fn fractional_year(date: chrono::NaiveDate) -> f64 {
    let days = if date.leap_year() { 366.0 } else { 365.0 };
    f64::from(date.year()) + f64::from(date.ordinal0()) / days
}

fn timeline<DB: DrawingBackend>(
    root: &Area<DB>,
    body: &Area<DB>,
    chart: &Chart,
    rows: &[TimelineRow],
) -> Result<(), String> {
    let mut groups: Vec<String> = Vec::new();
    for row in rows {
        if !groups.contains(&row.group) {
            groups.push(row.group.clone());
        }
    }
    let (_, top) = body.get_pixel_range();
    let below_legend = legend(root, 24, top.start, &groups)?;
    let area = body.margin((below_legend - top.start) as u32, 0, 0, 0);
    let n = rows.len().max(1);
    let first = rows.iter().map(|r| r.start.year()).min().unwrap_or(2000);
    let last = rows
        .iter()
        .map(|r| r.end.year().max(r.start.year()))
        .max()
        .unwrap_or(first)
        + 1;
    let shown: Vec<String> = rows.iter().map(|r| shorten(&r.label, 48)).collect();
    let label_area = shown
        .iter()
        .map(|l| width(l, 14))
        .max()
        .unwrap_or(60)
        .clamp(60, 420)
        + 16;
    let mut cc = ChartBuilder::on(&area)
        .margin_right(20)
        .x_label_area_size(56)
        .y_label_area_size(label_area)
        .build_cartesian_2d(f64::from(first)..f64::from(last), 0f64..n as f64)
        .map_err(err)?;
    let years = (last - first) as usize;
    cc.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(years.min(20) + 1)
        .x_label_formatter(&integer_label)
        .x_desc(chart.x_title.clone())
        .axis_desc_style(text_style(17, INK))
        .label_style(text_style(15, INK))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    cc.draw_series(rows.iter().enumerate().map(|(i, row)| {
        let y = (n - 1 - i) as f64;
        let colour = colour_for(
            &row.group,
            groups.iter().position(|g| g == &row.group).unwrap_or(0),
        );
        let end = fractional_year(row.end).max(fractional_year(row.start) + 0.02);
        Rectangle::new(
            [(fractional_year(row.start), y + 0.2), (end, y + 0.8)],
            colour.filled(),
        )
    }))
    .map_err(err)?;
    for (i, label) in shown.iter().enumerate() {
        let (x0, py) = cc.backend_coord(&(f64::from(first), (n - 1 - i) as f64 + 0.5));
        root.draw(&Text::new(
            label.clone(),
            (x0 - 8, py),
            text_style(14, INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

fn matrix<DB: DrawingBackend>(
    root: &Area<DB>,
    body: &Area<DB>,
    chart: &Chart,
    rows: &[String],
    columns: &[String],
    values: &[Vec<f64>],
) -> Result<(), String> {
    let (xs, ys) = body.get_pixel_range();
    let (left, top) = (xs.start, ys.start);
    if rows.is_empty() || columns.is_empty() {
        return root
            .draw(&Text::new(
                "No origin → destination pairs are named in these listings.",
                (left + 14, top + 40),
                text_style(17, MUTED),
            ))
            .map_err(err);
    }
    let max = values
        .iter()
        .flatten()
        .copied()
        .fold(0.0, f64::max)
        .max(1.0);
    let label_w = rows
        .iter()
        .map(|r| width(&shorten(r, 24), 15))
        .max()
        .unwrap_or(40)
        .max(width(&chart.y_title, 15)) as i32
        + 24;
    let x0 = left + 14 + label_w;
    let y0 = top + 70;
    let cell_w = (((WIDTH as i32 - 24) - x0) / columns.len() as i32).clamp(40, 140);
    let cell_h = 44;
    root.draw(&Text::new(
        format!("{} →", chart.x_title),
        (x0, top + 8),
        bold(16),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        format!("{} ↓", chart.y_title),
        (left + 14, y0 - 26),
        bold(16),
    ))
    .map_err(err)?;
    for (c, column) in columns.iter().enumerate() {
        let cx = x0 + cell_w * c as i32 + cell_w / 2;
        root.draw(&Text::new(
            shorten(column, chars_that_fit(cell_w as u32 - 4, 15)),
            (cx, y0 - 8),
            text_style(15, INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))
        .map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let y = y0 + cell_h * r as i32;
        root.draw(&Text::new(
            shorten(row, 24),
            (x0 - 10, y + cell_h / 2),
            text_style(15, INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
        for (c, _) in columns.iter().enumerate() {
            let v = values
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .unwrap_or(0.0);
            let x = x0 + cell_w * c as i32;
            let t = v / max;
            let blend =
                |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
            let fill = RGBColor(blend(247, 0), blend(247, 114), blend(247, 178));
            root.draw(&Rectangle::new(
                [(x + 1, y + 1), (x + cell_w - 1, y + cell_h - 1)],
                fill.filled(),
            ))
            .map_err(err)?;
            if v > 0.0 {
                let ink = if t > 0.5 { WHITE } else { INK };
                root.draw(&Text::new(
                    integer_or_decimal(v),
                    (x + cell_w / 2, y + cell_h / 2),
                    (FONT, 16, FontStyle::Bold)
                        .into_font()
                        .color(&ink)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(err)?;
            }
        }
    }
    Ok(())
}
