//! Charts (plotters, SVG and PNG) and the self-contained HTML report.
//!
//! A chart is drawn once, as SVG; its PNG is that SVG rendered by resvg,
//! so the two show the same picture. Text is drawn with DejaVu Sans
//! embedded in the binary, both when plotters lays it out and when resvg
//! renders it, so charts render the same on a machine with no fonts
//! installed. Output is deterministic: the same chart gives the same bytes.
//!
//! ```
//! use devcoop_charts::{render_svg, Chart, ChartBody};
//! let chart = Chart {
//!     title: "Projects by region".into(),
//!     subtitle: None,
//!     caption: "Source: listing.txt · 3 projects".into(),
//!     x_title: "Region".into(),
//!     y_title: "Projects".into(),
//!     body: ChartBody::Bars { horizontal: false, labels: vec!["Asia".into(), "Africa".into()], values: vec![2.0, 1.0] },
//! };
//! let svg = render_svg(&chart).unwrap();
//! assert!(svg.contains("Projects by region"));
//! ```

mod convert;
mod draw;
mod map;
mod model;
pub mod report;
mod text;

pub use convert::chart_for;
pub use draw::{active_per_year, histogram_bins, TIMELINE_MAX_ROWS};
pub use model::{Chart, ChartBody, TimelineRow};

use plotters::prelude::*;
use resvg::{tiny_skia, usvg};
use std::path::Path;
use std::sync::{Arc, Once, OnceLock};

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("{path}: cannot draw the chart: {message}")]
    Draw { path: String, message: String },
}

fn register_fonts() {
    static FONTS: Once = Once::new();
    FONTS.call_once(|| {
        // DejaVu's bytes are valid fonts; should registration ever fail,
        // drawing reports an error naming the chart instead of panicking.
        let _ = plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            dejavu::sans::regular(),
        );
        let _ = plotters::style::register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

/// The chart as an SVG document.
pub fn render_svg(chart: &Chart) -> Result<String, String> {
    register_fonts();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (draw::WIDTH, draw::height(chart)))
            .into_drawing_area();
        draw::draw(&root, chart)?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// The fonts resvg may use: DejaVu Sans regular and bold from the binary,
/// answering for "sans-serif" (the family plotters writes) and for text
/// that names none. No system fonts: a PNG must not depend on the machine.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut fonts = usvg::fontdb::Database::new();
            for face in [dejavu::sans::regular(), dejavu::sans::bold()] {
                fonts.load_font_source(usvg::fontdb::Source::Binary(Arc::new(face)));
            }
            fonts.set_sans_serif_family("DejaVu Sans");
            Arc::new(fonts)
        })
        .clone()
}

/// The SVG document `svg` (as [`render_svg`] gives it) rendered as a PNG
/// file's bytes, at the SVG's own size.
pub fn render_png(svg: &str) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot make a {}×{} picture", size.width(), size.height()))?;
    // On white, every pixel is opaque whatever the chart leaves uncovered.
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    encode_png(pixmap).map_err(|e| e.to_string())
}

/// The picture `pixmap`, opaque, as a PNG file's bytes: red, green and
/// blue without the alpha channel, each row told from the row above it
/// (PNG's "up" filter) and deflated at zlib's level 2. A chart is wide
/// areas of one colour and rows that repeat the row above, which this
/// packs to within a sixth of tiny-skia's `encode_png` (alpha kept, every
/// filter tried on every row, level 6) in about half the time.
fn encode_png(pixmap: tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    // Opaque, the premultiplied pixels are the pixels.
    let rgba = pixmap.take();
    let mut rgb = vec![0u8; rgba.len() / 4 * 3];
    for (to, from) in rgb.chunks_exact_mut(3).zip(rgba.chunks_exact(4)) {
        to.copy_from_slice(&from[..3]);
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(2));
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(bytes)
}

/// Writes `NAME.svg` into `dir`; returns the SVG text, for
/// [`write_png`] and the report.
pub fn write_svg(dir: &Path, name: &str, chart: &Chart) -> Result<String, ChartError> {
    let path = dir.join(format!("{name}.svg"));
    let failed = |message: String| ChartError::Draw {
        path: path.display().to_string(),
        message,
    };
    let svg = render_svg(chart).map_err(failed)?;
    std::fs::write(&path, &svg).map_err(|e| failed(e.to_string()))?;
    Ok(svg)
}

/// Writes `NAME.png` into `dir`: the chart `svg` ([`write_svg`]) rendered.
/// Rendering takes longer than drawing, and needs only the SVG text, so a
/// caller can render several charts at once.
pub fn write_png(dir: &Path, name: &str, svg: &str) -> Result<(), ChartError> {
    let path = dir.join(format!("{name}.png"));
    let failed = |message: String| ChartError::Draw {
        path: path.display().to_string(),
        message,
    };
    let png = render_png(svg).map_err(failed)?;
    std::fs::write(&path, png).map_err(|e| failed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn bars(title: &str) -> Chart {
        Chart {
            title: title.into(),
            subtitle: Some("A subtitle".into()),
            caption: "Source: test.txt · 2 projects".into(),
            x_title: "Region".into(),
            y_title: "Projects".into(),
            body: ChartBody::Bars {
                horizontal: true,
                labels: vec!["Asia".into(), "Not stated".into()],
                values: vec![2.0, 1.0],
            },
        }
    }

    #[test]
    fn rendering_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let a = write_svg(dir.path(), "a", &bars("Same")).unwrap();
        let b = write_svg(dir.path(), "b", &bars("Same")).unwrap();
        assert_eq!(a, b);
        write_png(dir.path(), "a", &a).unwrap();
        write_png(dir.path(), "b", &b).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("a.png")).unwrap(),
            std::fs::read(dir.path().join("b.png")).unwrap()
        );
    }

    /// The PNG decoded: width, height and RGBA pixels.
    fn decoded(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("a PNG")
    }

    #[test]
    fn png_is_byte_stable_and_as_large_as_the_svg() {
        let chart = bars("Same");
        let svg = render_svg(&chart).unwrap();
        let first = render_png(&svg).unwrap();
        assert_eq!(first, render_png(&svg).unwrap());
        assert_eq!(first, render_png(&render_svg(&chart).unwrap()).unwrap());
        let size = format!(
            "width=\"{}\" height=\"{}\"",
            draw::WIDTH,
            draw::height(&chart)
        );
        assert!(svg.starts_with(&format!("<svg {size}")), "{svg}");
        let picture = decoded(&first);
        assert_eq!(
            (picture.width(), picture.height()),
            (draw::WIDTH, draw::height(&chart))
        );
    }

    /// The SVG rendered by resvg onto white, pixel by pixel as RGBA.
    fn rendered_on_white(svg: &str) -> Vec<tiny_skia::ColorU8> {
        let options = usvg::Options {
            fontdb: font_database(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options).unwrap();
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::identity(),
            &mut pixmap.as_mut(),
        );
        pixmap.pixels().iter().map(|p| p.demultiply()).collect()
    }

    #[test]
    fn png_holds_exactly_the_rendered_pixels_on_white() {
        let chart_svg = render_svg(&bars("Projects by region")).unwrap();
        // Half-transparent shapes over nothing: where the alpha channel
        // would matter if the picture were not put on white first.
        let bare = r##"<svg width="40" height="30" xmlns="http://www.w3.org/2000/svg">
            <circle cx="12" cy="15" r="9" fill="#1f77b4" opacity="0.5"/>
            <rect x="20" y="4" width="15" height="21" fill="#d62728" opacity="0.3"/>
            </svg>"##;
        for svg in [chart_svg.as_str(), bare] {
            let expected = rendered_on_white(svg);
            let png = decoded(&render_png(svg).unwrap());
            let got: Vec<tiny_skia::ColorU8> =
                png.pixels().iter().map(|p| p.demultiply()).collect();
            assert_eq!(got.len(), expected.len());
            assert!(got == expected, "the PNG's pixels differ from resvg's");
            assert!(got.iter().all(|p| p.alpha() == 255));
        }
        // Not all white: the shapes are there.
        let bare_png = decoded(&render_png(bare).unwrap());
        assert!(bare_png.pixels().iter().any(|p| p.red() < 200));
    }

    /// Dark pixels in the band where the title is drawn (plotters puts it
    /// at x 24, y 16, about 23 px tall).
    fn dark_pixels_in_title_band(chart: &Chart) -> usize {
        let picture = decoded(&render_png(&render_svg(chart).unwrap()).unwrap());
        let width = picture.width() as usize;
        picture
            .pixels()
            .iter()
            .enumerate()
            .filter(|(i, _)| (12..44).contains(&(i / width)) && (20..400).contains(&(i % width)))
            .filter(|(_, p)| p.alpha() == 255 && p.red() < 100 && p.green() < 100 && p.blue() < 100)
            .count()
    }

    #[test]
    fn png_draws_the_title_text_with_the_embedded_font() {
        // With no usable font resvg draws no text at all: the band stays white.
        assert!(dark_pixels_in_title_band(&bars("Projects by region")) > 200);
        assert_eq!(dark_pixels_in_title_band(&bars("")), 0);
    }

    #[test]
    fn svg_text_is_escaped() {
        let svg = render_svg(&bars("<script>alert('x')</script> & co")).unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn histogram_bins_cover_every_value() {
        let once = |values: &[f64]| values.iter().map(|&v| (v, 1.0)).collect::<Vec<_>>();
        let (labels, counts) = histogram_bins(&once(&[8.0, 13.0, 17.0, 24.0, 25.0]), 6.0);
        assert_eq!(labels, ["6–11", "12–17", "18–23", "24–29"]);
        assert_eq!(counts, [1.0, 2.0, 0.0, 2.0]);
        assert!(histogram_bins(&[], 6.0).0.is_empty());
        // Rows grouped by value count as many times as they say; a row
        // with no number or no count counts for nothing.
        let grouped = [(8.0, 1.0), (13.0, 1.0), (17.0, 1.0), (24.0, 2.0)];
        assert_eq!(histogram_bins(&grouped, 6.0), (labels, counts));
        let gaps = [(8.0, f64::NAN), (13.0, 3.0), (f64::NAN, 4.0)];
        assert_eq!(histogram_bins(&gaps, 6.0).1, [3.0]);
    }

    #[test]
    fn timeline_with_too_many_projects_shows_active_per_year() {
        let rows: Vec<TimelineRow> = (0..TIMELINE_MAX_ROWS + 1)
            .map(|i| TimelineRow {
                label: format!("Project {i}"),
                start: day(2000 + (i % 5) as i32, 1, 1),
                end: day(2003 + (i % 5) as i32, 6, 30),
                group: "Asia".into(),
            })
            .collect();
        let (years, counts) = active_per_year(rows.iter().map(|r| (r.start, r.end)));
        assert_eq!(years.first().map(String::as_str), Some("2000"));
        assert_eq!(years.last().map(String::as_str), Some("2007"));
        assert_eq!(counts.iter().sum::<f64>(), 61.0 * 4.0);
        let chart = Chart {
            body: ChartBody::Timeline { rows },
            ..bars("Timeline")
        };
        let svg = render_svg(&chart).unwrap();
        assert!(svg.contains("Active projects"));
        assert!(!svg.contains("Project 60"), "too many to label");
    }
}
