//! The world map chart: a choropleth of a value per territory (ISO 3166-1
//! alpha-3), on the Equal Earth projection.
//!
//! Why it is drawn the way it is:
//! - Equal Earth (Šavrič, Patterson & Jenny 2018) keeps areas in
//!   proportion, so no country's colour weighs more for lying far from the
//!   equator (as Greenland's and Russia's do on Mercator), and its
//!   formulas are a few lines.
//! - Counts of projects per country are small (most countries 1 to 5), so
//!   the classes are few and their bounds round numbers: 1, 2–3, 4–10 …
//!   rather than quantiles that would read as 1–1.4.
//! - The sequential colours are ColorBrewer's YlGnBu, readable with the
//!   common colour-vision deficiencies; "no projects" is a light grey,
//!   lighter than the lightest class, so absence is not read as a value.
//! - At 1,000 pixels Singapore, Hong Kong or Malta would be a pixel or
//!   nothing: a territory smaller than [`SMALL_AREA`] square pixels, or
//!   absent from the 1:110m shapes, is also drawn as a dot.
//! - Shapes are Natural Earth's 1:110m countries (public domain),
//!   converted by `data/reference/world/convert.py` and compiled into the
//!   binary, so a run does not depend on its working directory.

use crate::draw::{bold, err, text_style, Area, INK, MUTED, WIDTH};
use crate::model::Chart;
use crate::text::width;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const SHAPES: &str = include_str!("../../../data/reference/world/countries_110m.csv");

/// One territory of the map: its polygons' outer rings and the point
/// where its dot goes, in degrees (longitude, latitude).
#[derive(Debug, Clone, PartialEq)]
pub struct Territory {
    /// ISO 3166-1 alpha-3 (XKX for Kosovo, as in the place tables).
    pub alpha3: String,
    /// Outer rings; empty for a territory the 1:110m set lacks.
    pub rings: Vec<Vec<(f64, f64)>>,
    pub point: (f64, f64),
}

fn parse_pairs(text: &str, line: usize) -> Result<Vec<(f64, f64)>, String> {
    let numbers = text
        .split(' ')
        .map(|n| {
            n.parse::<f64>()
                .map_err(|_| format!("world shapes, line {line}: `{n}` is not a number"))
        })
        .collect::<Result<Vec<f64>, String>>()?;
    if numbers.len() % 2 != 0 {
        return Err(format!(
            "world shapes, line {line}: an odd number of coordinates"
        ));
    }
    Ok(numbers.chunks(2).map(|p| (p[0], p[1])).collect())
}

/// Parses the shapes file: `#` comment lines, a header, then
/// `alpha3,ring|point,lon lat lon lat …` rows grouped by territory.
pub fn parse_territories(text: &str) -> Result<Vec<Territory>, String> {
    let mut territories: Vec<Territory> = Vec::new();
    let mut rows = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    match rows.next() {
        Some((_, "alpha3,kind,coordinates")) => {}
        other => return Err(format!("world shapes: unexpected header {other:?}")),
    }
    let mut rings = Vec::new();
    for (index, row) in rows {
        let line = index + 1;
        let mut fields = row.splitn(3, ',');
        let (Some(alpha3), Some(kind), Some(coordinates)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("world shapes, line {line}: not three fields"));
        };
        let pairs = parse_pairs(coordinates, line)?;
        match kind {
            "ring" if pairs.len() >= 3 => rings.push(pairs),
            // A territory's rows end with its point.
            "point" if pairs.len() == 1 => {
                if territories
                    .last()
                    .is_some_and(|t| t.alpha3.as_str() >= alpha3)
                {
                    return Err(format!(
                        "world shapes, line {line}: {alpha3} is out of order"
                    ));
                }
                territories.push(Territory {
                    alpha3: alpha3.to_string(),
                    rings: std::mem::take(&mut rings),
                    point: pairs[0],
                });
            }
            _ => return Err(format!("world shapes, line {line}: bad `{kind}` row")),
        }
    }
    if !rings.is_empty() {
        return Err("world shapes: rings after the last point".into());
    }
    Ok(territories)
}

/// The territories compiled into the binary, sorted by code.
pub fn territories() -> Result<&'static [Territory], String> {
    static PARSED: OnceLock<Result<Vec<Territory>, String>> = OnceLock::new();
    PARSED
        .get_or_init(|| parse_territories(SHAPES))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// The Equal Earth projection (Šavrič, Patterson & Jenny 2018) of a point
/// in degrees, on a unit sphere: x east, y north, (0, 0) at the centre.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * theta.cos()
        / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// The latitudes shown: without Antarctica the 1:110m shapes lie between
/// Cape Horn (56° S) and northern Greenland (83.6° N); the southernmost
/// dot, South Georgia's, is at 54° S.
const NORTH: f64 = 84.0;
const SOUTH: f64 = -57.0;
/// Room under the map for the legend and the credit line.
const LEGEND: u32 = 68;
/// Space above the map.
const TOP: u32 = 8;
/// A territory drawn smaller than this (square pixels) also gets a dot.
pub const SMALL_AREA: f64 = 16.0;

/// Pixels per unit of the projection, so the map fills the chart's width.
fn scale() -> f64 {
    f64::from(WIDTH - 48) / (2.0 * equal_earth(180.0, 0.0).0)
}

/// Height of the map chart's body.
pub fn body_height() -> u32 {
    let map = scale() * (equal_earth(0.0, NORTH).1 - equal_earth(0.0, SOUTH).1);
    TOP + map.ceil() as u32 + LEGEND
}

/// The fill of territories with no value.
pub const NO_PROJECTS: RGBColor = RGBColor(229, 229, 229);
/// Dots of small territories with no value: darker than the fill, or they
/// would vanish on white.
const NO_PROJECTS_DOT: RGBColor = RGBColor(190, 190, 190);
const BORDER: RGBColor = WHITE;
const DOT_RING: RGBColor = RGBColor(64, 64, 64);

/// ColorBrewer YlGnBu, light to dark, for 1 to 5 classes.
fn palette(classes: usize) -> &'static [RGBColor] {
    const P1: [RGBColor; 1] = [RGBColor(29, 145, 192)];
    const P2: [RGBColor; 2] = [RGBColor(65, 182, 196), RGBColor(37, 52, 148)];
    const P3: [RGBColor; 3] = [
        RGBColor(127, 205, 187),
        RGBColor(29, 145, 192),
        RGBColor(37, 52, 148),
    ];
    const P4: [RGBColor; 4] = [
        RGBColor(127, 205, 187),
        RGBColor(65, 182, 196),
        RGBColor(34, 94, 168),
        RGBColor(8, 29, 88),
    ];
    const P5: [RGBColor; 5] = [
        RGBColor(127, 205, 187),
        RGBColor(65, 182, 196),
        RGBColor(29, 145, 192),
        RGBColor(34, 94, 168),
        RGBColor(8, 29, 88),
    ];
    match classes {
        0 | 1 => &P1,
        2 => &P2,
        3 => &P3,
        4 => &P4,
        _ => &P5,
    }
}

/// A class of values: those above the previous class's `upper` up to
/// this one's.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub upper: f64,
    pub label: String,
}

/// The nearest of 1, 2, 3, 5, 10, 20, 30, 50, 100 … to `target` (by ratio).
fn round_number(target: f64) -> f64 {
    let mut best = 1.0;
    let mut power = 1.0;
    while power <= target * 10.0 {
        for step in [1.0, 2.0, 3.0, 5.0] {
            let candidate = step * power;
            if (candidate / target).ln().abs() < (best / target).ln().abs() {
                best = candidate;
            }
        }
        power *= 10.0;
    }
    best
}

fn count(v: f64) -> String {
    format!("{:.0}", v.ceil())
}

/// The classes for values up to `max` (counts): up to a maximum of 5, a
/// class for each value; above, at most five classes whose bounds are
/// round numbers spaced evenly on a log scale, the first always 1 (a
/// single project), the last up to `max`.
pub fn classes(max: f64) -> Vec<Class> {
    let max = max.ceil().max(1.0);
    if max <= 5.0 {
        return (1..=max as u32)
            .map(|v| Class {
                upper: f64::from(v),
                label: v.to_string(),
            })
            .collect();
    }
    let mut uppers = vec![1.0];
    for i in 1..4 {
        let upper = round_number(max.powf(f64::from(i) / 4.0));
        if upper > *uppers.last().unwrap_or(&0.0) && upper < max {
            uppers.push(upper);
        }
    }
    uppers.push(max);
    let mut lower = 0.0;
    uppers
        .into_iter()
        .map(|upper| {
            let label = if upper == lower + 1.0 {
                count(upper)
            } else {
                format!("{}–{}", count(lower + 1.0), count(upper))
            };
            lower = upper;
            Class { upper, label }
        })
        .collect()
}

/// How one territory is drawn, in pixels of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnTerritory {
    pub alpha3: String,
    pub fill: RGBColor,
    pub polygons: Vec<Vec<(i32, i32)>>,
    /// Centre and radius of its dot, when it is too small to see.
    pub dot: Option<((i32, i32), u32)>,
    /// Pixel area of its polygons, for the drawing order.
    area: f64,
}

/// What the map draws for `values` (alpha-3 code, value), the map's top
/// left corner at `origin`.
pub struct MapLayout {
    pub classes: Vec<Class>,
    /// Largest first, so an enclave (Lesotho in South Africa) is drawn
    /// over the territory around it.
    pub territories: Vec<DrawnTerritory>,
    /// Codes with a value that are not on the map, with their values.
    pub not_on_map: Vec<(String, f64)>,
}

fn shoelace(points: &[(i32, i32)]) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (x0, y0) = points[i];
            let (x1, y1) = points[(i + 1) % n];
            f64::from(x0) * f64::from(y1) - f64::from(x1) * f64::from(y0)
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

pub fn layout(values: &[(String, f64)], origin: (i32, i32)) -> Result<MapLayout, String> {
    let territories = territories()?;
    let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
    for (code, value) in values {
        if value.is_finite() && *value > 0.0 {
            *totals.entry(code.as_str()).or_default() += value;
        }
    }
    let max = totals.values().copied().fold(0.0, f64::max);
    let classes = classes(max);
    let colours = palette(classes.len());
    let s = scale();
    let top = equal_earth(0.0, NORTH).1;
    let pixel = |(lon, lat): (f64, f64)| {
        let (x, y) = equal_earth(lon, lat);
        (
            origin.0 + (f64::from(WIDTH - 48) / 2.0 + x * s).round() as i32,
            origin.1 + ((top - y) * s).round() as i32,
        )
    };
    let mut drawn: Vec<DrawnTerritory> = territories
        .iter()
        .map(|territory| {
            let value = totals.get(territory.alpha3.as_str()).copied();
            let fill = match value {
                Some(v) => {
                    let class = classes.iter().position(|c| v <= c.upper).unwrap_or(0);
                    colours[class.min(colours.len() - 1)]
                }
                None => NO_PROJECTS,
            };
            let polygons: Vec<Vec<(i32, i32)>> = territory
                .rings
                .iter()
                .map(|ring| {
                    let mut points: Vec<(i32, i32)> = Vec::with_capacity(ring.len());
                    for &p in ring {
                        let q = pixel(p);
                        if points.last() != Some(&q) {
                            points.push(q);
                        }
                    }
                    if points.len() > 1 && points.first() == points.last() {
                        points.pop();
                    }
                    points
                })
                // An islet rounded to pixels can be a line: nothing to fill.
                .filter(|points| points.len() >= 3 && shoelace(points) > 0.0)
                .collect();
            let area: f64 = polygons.iter().map(|p| shoelace(p)).sum();
            let dot = (area < SMALL_AREA).then(|| {
                let radius = if value.is_some() { 4 } else { 2 };
                (pixel(territory.point), radius)
            });
            DrawnTerritory {
                alpha3: territory.alpha3.clone(),
                fill,
                polygons,
                dot,
                area,
            }
        })
        .collect();
    drawn.sort_by(|a, b| b.area.total_cmp(&a.area).then(a.alpha3.cmp(&b.alpha3)));
    let not_on_map = totals
        .iter()
        .filter(|&(&code, _)| {
            territories
                .binary_search_by(|t| t.alpha3.as_str().cmp(code))
                .is_err()
        })
        .map(|(code, v)| (code.to_string(), *v))
        .collect();
    Ok(MapLayout {
        classes,
        territories: drawn,
        not_on_map,
    })
}

/// Draws the map of `values` in `body`, with its legend below.
pub fn draw<DB: DrawingBackend>(
    root: &Area<DB>,
    body: &Area<DB>,
    chart: &Chart,
    values: &[(String, f64)],
) -> Result<(), String> {
    let (_, ys) = body.get_pixel_range();
    let origin = (24, ys.start + TOP as i32);
    let map = layout(values, origin)?;
    for territory in &map.territories {
        for polygon in &territory.polygons {
            root.draw(&Polygon::new(polygon.clone(), territory.fill.filled()))
                .map_err(err)?;
        }
    }
    for territory in &map.territories {
        for polygon in &territory.polygons {
            let closed: Vec<(i32, i32)> = polygon.iter().chain(polygon.first()).copied().collect();
            root.draw(&PathElement::new(closed, BORDER.stroke_width(1)))
                .map_err(err)?;
        }
    }
    // Dots with a value last, over every shape and grey dot.
    let dots = map.territories.iter().filter_map(|t| t.dot.map(|d| (t, d)));
    let (coloured, grey): (Vec<_>, Vec<_>) = dots.partition(|(t, _)| t.fill != NO_PROJECTS);
    for (_, (centre, radius)) in grey {
        root.draw(&Circle::new(centre, radius, NO_PROJECTS_DOT.filled()))
            .map_err(err)?;
    }
    for (territory, (centre, radius)) in coloured {
        root.draw(&Circle::new(centre, radius + 1, DOT_RING.filled()))
            .map_err(err)?;
        root.draw(&Circle::new(centre, radius, territory.fill.filled()))
            .map_err(err)?;
    }
    legend(root, ys.end - LEGEND as i32 + 14, chart, &map)
}

fn legend<DB: DrawingBackend>(
    root: &Area<DB>,
    y: i32,
    chart: &Chart,
    map: &MapLayout,
) -> Result<(), String> {
    // Labels are centred on the swatches' middle line.
    let middle = y + 8;
    let beside = Pos::new(HPos::Left, VPos::Center);
    let mut x = 24;
    if !chart.y_title.is_empty() {
        root.draw(&Text::new(
            chart.y_title.clone(),
            (x, middle),
            bold(15).pos(beside),
        ))
        .map_err(err)?;
        x += width(&chart.y_title, 15) as i32 + 14;
    }
    let colours = palette(map.classes.len());
    let swatches = map
        .classes
        .iter()
        .zip(colours)
        .map(|(class, colour)| (class.label.clone(), *colour))
        .chain(std::iter::once(("No projects".to_string(), NO_PROJECTS)));
    for (label, colour) in swatches {
        root.draw(&Rectangle::new([(x, y), (x + 26, y + 16)], colour.filled()))
            .map_err(err)?;
        root.draw(&Text::new(
            label.clone(),
            (x + 32, middle),
            text_style(15, INK).pos(beside),
        ))
        .map_err(err)?;
        x += 32 + width(&label, 15) as i32 + 18;
    }
    // The dot's key, in the first class's colour: a dot takes the colour
    // of its territory's class.
    let centre = (x + 8, middle);
    root.draw(&Circle::new(centre, 5, DOT_RING.filled()))
        .map_err(err)?;
    root.draw(&Circle::new(centre, 4, colours[0].filled()))
        .map_err(err)?;
    root.draw(&Text::new(
        "Territory too small to see",
        (x + 20, middle),
        text_style(15, INK).pos(beside),
    ))
    .map_err(err)?;
    let mut note =
        "Equal Earth projection · Country shapes: Natural Earth 1:110m (public domain)".to_string();
    if !map.not_on_map.is_empty() {
        let codes: Vec<&str> = map.not_on_map.iter().map(|(c, _)| c.as_str()).collect();
        note = format!("Not on the map: {} · {note}", codes.join(", "));
    }
    root.draw(&Text::new(
        note,
        (24, y + 28),
        text_style(15, MUTED).pos(Pos::new(HPos::Left, VPos::Top)),
    ))
    .map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_shapes_load() {
        let territories = territories().unwrap();
        let with_shapes = territories.iter().filter(|t| !t.rings.is_empty()).count();
        assert!(with_shapes >= 170, "{with_shapes} territories with shapes");
        let known: Vec<String> = keshvar::CountryIterator::new()
            .map(|c| c.alpha3().to_string())
            .collect();
        for territory in territories {
            assert!(
                territory.alpha3 == "XKX" || known.contains(&territory.alpha3),
                "{} is not an ISO 3166-1 alpha-3 code",
                territory.alpha3
            );
            for &(lon, lat) in territory.rings.iter().flatten().chain([&territory.point]) {
                assert!((-180.0..=180.0).contains(&lon) && (SOUTH..=NORTH).contains(&lat));
            }
        }
        let code = |c: &str| territories.iter().find(|t| t.alpha3 == c);
        for shaped in ["FRA", "BRA", "IDN", "KEN", "ESP", "TJK"] {
            assert!(!code(shaped).unwrap().rings.is_empty(), "{shaped}");
        }
        // Too small for 1:110m: a point only.
        for dot in ["SGP", "HKG", "MLT", "BHR", "MUS", "TUV"] {
            assert!(code(dot).unwrap().rings.is_empty(), "{dot}");
        }
        // Every ISO country but Antarctica is on the map, and Kosovo.
        assert!(code("ATA").is_none());
        assert_eq!(territories.len(), known.len());
    }

    #[test]
    fn every_ring_projects_to_a_closed_polygon_inside_the_map() {
        let territories = territories().unwrap();
        let (left, right) = (equal_earth(-180.0, 0.0).0, equal_earth(180.0, 0.0).0);
        let (bottom, top) = (equal_earth(0.0, SOUTH).1, equal_earth(0.0, NORTH).1);
        for territory in territories {
            for ring in &territory.rings {
                assert!(ring.len() >= 3, "{}", territory.alpha3);
                for &(lon, lat) in ring {
                    let (x, y) = equal_earth(lon, lat);
                    assert!(x.is_finite() && y.is_finite(), "{}", territory.alpha3);
                    assert!((left..=right).contains(&x) && (bottom..=top).contains(&y));
                }
            }
        }
        let map = layout(&[], (0, 0)).unwrap();
        let height = (body_height() - TOP - LEGEND) as i32;
        for drawn in &map.territories {
            for polygon in &drawn.polygons {
                // Closed by the edge from the last point back to the first;
                // no edge crosses the map (a ring cut wrongly at the
                // antimeridian would run from one side to the other).
                let edges = polygon.iter().zip(polygon.iter().cycle().skip(1));
                for (&(x0, y0), &(x1, y1)) in edges {
                    assert!((x1 - x0).abs() < WIDTH as i32 / 4, "{}", drawn.alpha3);
                    assert!((y1 - y0).abs() < height / 4, "{}", drawn.alpha3);
                }
                for &(x, y) in polygon {
                    assert!((0..=WIDTH as i32).contains(&x) && (0..=height).contains(&y));
                }
                assert!(shoelace(polygon) > 0.0, "{}", drawn.alpha3);
            }
        }
    }

    #[test]
    fn a_bad_shapes_row_names_its_line() {
        let text = "# comment\nalpha3,kind,coordinates\nFRA,ring,1 2 3\n";
        let err = parse_territories(text).unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn equal_earth_centres_the_map_and_keeps_longitudes_in_order() {
        let (x, y) = equal_earth(0.0, 0.0);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-12);
        for lat in [-56.0, 0.0, 30.0, 83.0] {
            let xs: Vec<f64> = (-180..=180)
                .map(|lon| equal_earth(f64::from(lon), lat).0)
                .collect();
            assert!(xs.windows(2).all(|w| w[0] < w[1]), "latitude {lat}");
            // Symmetric about the central meridian and the equator.
            let (east, north) = equal_earth(100.0, lat);
            let (west, south) = equal_earth(-100.0, -lat);
            assert!((east + west).abs() < 1e-12 && (north + south).abs() < 1e-12);
        }
        // The published extent: x = ±2.7066 at the equator's ends, y = 1.3173 at the pole.
        assert!((equal_earth(180.0, 0.0).0 - 2.7066).abs() < 1e-4);
        assert!((equal_earth(0.0, 90.0).1 - 1.3173).abs() < 1e-4);
    }

    #[test]
    fn classes_have_round_bounds_that_cover_every_count() {
        let labels =
            |max: f64| -> Vec<String> { classes(max).into_iter().map(|c| c.label).collect() };
        assert_eq!(labels(1.0), ["1"]);
        assert_eq!(labels(3.0), ["1", "2", "3"]);
        assert_eq!(labels(8.0), ["1", "2", "3", "4–5", "6–8"]);
        assert_eq!(labels(100.0), ["1", "2–3", "4–10", "11–30", "31–100"]);
        assert_eq!(labels(1000.0), ["1", "2–5", "6–30", "31–200", "201–1000"]);
        for max in 1..300 {
            let classes = classes(f64::from(max));
            assert!(classes.len() <= 5, "{max}");
            assert_eq!(classes.last().unwrap().upper, f64::from(max));
            assert!(classes.windows(2).all(|w| w[0].upper < w[1].upper), "{max}");
        }
    }

    /// The countries of the shipped listing (`data/raw`), one project each.
    const SHIPPED: [&str; 13] = [
        "AFG", "CHN", "ESP", "HKG", "IDN", "IRN", "MLI", "MRT", "MYS", "PAK", "SEN", "SGP", "TJK",
    ];

    fn shipped_map() -> Chart {
        Chart {
            title: "Projects per country".into(),
            subtitle: Some("Where projects work".into()),
            caption: "Source: listing.txt · 10 projects".into(),
            x_title: String::new(),
            y_title: "Projects".into(),
            body: crate::ChartBody::Map {
                values: SHIPPED.iter().map(|c| (c.to_string(), 1.0)).collect(),
            },
        }
    }

    fn hex(colour: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
    }

    #[test]
    fn every_country_of_the_shipped_listing_is_drawn_in_its_class_colour() {
        let chart = shipped_map();
        let svg = crate::render_svg(&chart).unwrap();
        let crate::ChartBody::Map { values } = &chart.body else {
            unreachable!()
        };
        let origin = (24, (crate::draw::HEADER + TOP) as i32);
        let map = layout(values, origin).unwrap();
        assert_eq!(
            map.classes,
            [Class {
                upper: 1.0,
                label: "1".into()
            }]
        );
        assert!(map.not_on_map.is_empty());
        let class_colour = hex(palette(1)[0]);
        for code in SHIPPED {
            let drawn = map.territories.iter().find(|t| t.alpha3 == code).unwrap();
            assert_eq!(drawn.fill, palette(1)[0], "{code}");
            assert!(!drawn.polygons.is_empty() || drawn.dot.is_some(), "{code}");
            // Its shapes and its dot are in the SVG, in the class colour.
            for polygon in &drawn.polygons {
                let points: String = polygon.iter().map(|(x, y)| format!("{x},{y} ")).collect();
                assert!(
                    svg.contains(&format!("fill=\"{class_colour}\" points=\"{points}\"")),
                    "{code}: no polygon {points}"
                );
            }
            if let Some(((x, y), r)) = drawn.dot {
                assert!(
                    svg.contains(&format!("<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" opacity=\"1\" fill=\"{class_colour}\"")),
                    "{code}: no dot"
                );
            }
        }
        // Singapore and Hong Kong are too small for the shapes: dots.
        for code in ["SGP", "HKG"] {
            let drawn = map.territories.iter().find(|t| t.alpha3 == code).unwrap();
            assert!(drawn.polygons.is_empty() && drawn.dot.is_some(), "{code}");
        }
        // Every other territory is grey, and the legend names the classes.
        let grey = map
            .territories
            .iter()
            .filter(|t| t.fill == NO_PROJECTS)
            .count();
        assert_eq!(grey, map.territories.len() - SHIPPED.len());
        assert!(svg.contains("\nNo projects\n</text>") && svg.contains("\n1\n</text>"));
        assert!(svg.contains("Natural Earth"));
    }

    #[test]
    fn the_same_map_gives_the_same_bytes() {
        let a = crate::render_svg(&shipped_map()).unwrap();
        let b = crate::render_svg(&shipped_map()).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            crate::render_png(&a).unwrap(),
            crate::render_png(&b).unwrap()
        );
    }

    #[test]
    fn codes_not_on_the_map_are_named_and_values_are_summed() {
        let values = vec![
            ("FRA".to_string(), 2.0),
            ("FRA".to_string(), 5.0),
            ("EUR".to_string(), 3.0),
            ("KEN".to_string(), 0.0),
        ];
        let map = layout(&values, (0, 0)).unwrap();
        assert_eq!(map.not_on_map, [("EUR".to_string(), 3.0)]);
        let fill = |code: &str| {
            map.territories
                .iter()
                .find(|t| t.alpha3 == code)
                .unwrap()
                .fill
        };
        // FRA's 7 is in the top class; a zero is "no projects".
        assert_eq!(fill("FRA"), *palette(map.classes.len()).last().unwrap());
        assert_eq!(fill("KEN"), NO_PROJECTS);
    }
}
