//! Synthetic listings for tests and benchmarks: realistic projects in three
//! of the layouts ingestion supports, with the entity mentions and traps of
//! real text (funders after cue phrases or in a `Donors:` field or a table
//! column, implementers that are not funders, demonyms, currencies,
//! cities), deterministic for a seed.
//!
//! ```
//! use devcoop_ingest::synth::{synthetic_listing, SynthLayout};
//!
//! let text = synthetic_listing(SynthLayout::Table, 3, 1);
//! let listing = devcoop_ingest::parse_listing("synthetic.txt", text.as_bytes()).unwrap();
//! assert_eq!(listing.projects.len(), 3);
//! ```

use std::str::FromStr;

/// SplitMix64: a few lines, and the same sequence on every platform and
/// every version, which a general-purpose RNG crate does not promise.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOPICS: &[&str] = &[
    "Decent work for migrant domestic workers",
    "Fair recruitment of migrant workers",
    "Skills recognition and labour mobility",
    "Protection of women migrant workers",
    "Labour migration governance",
    "Reintegration of returning migrants",
    "Social protection for migrant workers",
    "Combating forced labour and trafficking",
];
const COUNTRIES: &[&str] = &[
    "Nepal",
    "Bangladesh",
    "Viet Nam",
    "Indonesia",
    "the Philippines",
    "Senegal",
    "Mali",
    "Ethiopia",
    "Kenya",
    "Morocco",
    "Tajikistan",
    "Ukraine",
    "Guatemala",
    "Jordan",
    "Lebanon",
];
const DEMONYMS: &[&str] = &[
    "Nepali",
    "Afghan",
    "Filipino",
    "Ethiopian",
    "Indonesian",
    "Syrian",
];
const FUNDERS: &[&str] = &[
    "the European Union",
    "the Swiss Agency for Development and Cooperation",
    "the Government of Japan",
    "the US Department of State",
    "the Italian Ministry of Foreign Affairs",
    "the United Kingdom Border Agency",
    "Global Affairs Canada",
    "the Austrian Development Agency",
];
/// Funders as a `Donors:` field or a table cell names them: no article,
/// states by their name, `;` between two.
const DONORS: &[&str] = &[
    "European Union",
    "Swiss Agency for Development and Cooperation",
    "Japan",
    "United States",
    "Federal Republic of Germany, Ministry of Interior",
    "Netherlands",
    "Global Affairs Canada",
    "Austrian Development Agency",
];
const CUES: &[&str] = &[
    "supported by",
    "funded by",
    "financed by",
    "implemented with funding from",
];
const PARTNERS: &[&str] = &[
    "IOM",
    "UNHCR",
    "UN Women",
    "the International Organization for Migration",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The layouts `devcoop synth` writes: one layout a file, as in real
/// listings (the layout rules learn a file's header and title style from
/// the whole file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SynthLayout {
    /// Numbered titles, a date line, a paragraph (the shipped listing;
    /// about 320 bytes a project).
    #[default]
    Numbered,
    /// Unnumbered titles followed by labelled fields (`Objective:`,
    /// `Implementing Agency:`, `Donors:`, `Duration:`, `Country:`; about
    /// 460 bytes a project).
    Fields,
    /// A flattened table: a header of column names, then one cell a line
    /// (title, start date, end date, donor) and an objective (about 290
    /// bytes a project).
    Table,
}

impl SynthLayout {
    pub const ALL: [SynthLayout; 3] = [Self::Numbered, Self::Fields, Self::Table];

    pub fn name(self) -> &'static str {
        match self {
            Self::Numbered => "numbered",
            Self::Fields => "fields",
            Self::Table => "table",
        }
    }
}

impl FromStr for SynthLayout {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|layout| layout.name() == name)
            .ok_or_else(|| {
                format!("`{name}` is not a synth layout: expected numbered, fields or table")
            })
    }
}

/// A listing of `projects` projects in `layout`, the same text for the same
/// layout and seed.
pub fn synthetic_listing(layout: SynthLayout, projects: usize, seed: u64) -> String {
    let mut rng = SplitMix64(seed);
    match layout {
        SynthLayout::Numbered => numbered(&mut rng, projects),
        SynthLayout::Fields => fields(&mut rng, projects),
        SynthLayout::Table => table(&mut rng, projects),
    }
}

/// Where workers leave from and go to, and a start (`1 March 2004`) and an
/// end (`31 July 2007`) as printed, drawn in this order in every layout.
fn route_and_dates(rng: &mut SplitMix64) -> (&'static str, &'static str, String, String) {
    let country = rng.pick(COUNTRIES);
    let destination = rng.pick(COUNTRIES);
    let start_year = 1995 + rng.below(30) as i32;
    let start_month = rng.below(12);
    let end_year = start_year + 1 + rng.below(4) as i32;
    let end_month = rng.below(12);
    let start = format!("1 {} {start_year}", MONTHS[start_month]);
    let end = format!(
        "{} {} {end_year}",
        [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][end_month],
        MONTHS[end_month]
    );
    (country, destination, start, end)
}

fn numbered(rng: &mut SplitMix64, projects: usize) -> String {
    let mut out = String::with_capacity(projects * 440 + 64);
    out.push_str("Projects on labour migration\n\n");
    for i in 0..projects {
        if i % 50 == 0 && i > 0 {
            out.push_str(&format!("\n{}\n\n", 2000 + (i / 50) % 25));
        }
        let number = i % 50 + 1;
        let (country, destination, start, end) = route_and_dates(rng);
        out.push_str(&format!(
            "  {number}. {} in {country}, P-{}\n\n    {start} - {end}\n\n    The project, {} {}, helps {} workers moving from {country} to {destination} and is co-implemented by {}. Its budget is US$ {},000; a seminar was held in Geneva.\n\n\n",
            rng.pick(TOPICS),
            i + 1,
            rng.pick(CUES),
            rng.pick(FUNDERS),
            rng.pick(DEMONYMS),
            rng.pick(PARTNERS),
            100 + rng.below(900),
        ));
    }
    out
}

/// One or two donors, `;` between them, as a `Donors:` field lists them.
fn donors(rng: &mut SplitMix64) -> String {
    let first = rng.pick(DONORS);
    match rng.below(3) {
        0 => {
            let second = rng.pick(DONORS);
            if second == first {
                first.to_string()
            } else {
                format!("{first}; {second}")
            }
        }
        _ => first.to_string(),
    }
}

fn fields(rng: &mut SplitMix64, projects: usize) -> String {
    let mut out = String::with_capacity(projects * 470 + 64);
    out.push_str("Ongoing Projects\n\n");
    for i in 0..projects {
        let (country, destination, start, end) = route_and_dates(rng);
        let topic = rng.pick(TOPICS);
        let demonym = rng.pick(DEMONYMS);
        let partner = rng.pick(PARTNERS);
        let donors = donors(rng);
        out.push_str(&format!(
            "{topic} in {country} (MIG-{})\n\n\
             Objective: The overall objective is to support {demonym} workers on their way from {country} to {destination}, working with the Ministry of Labour in the capital and with employers in Dubai. A study costing EUR {},000 will be published.\n\n\
             Implementing Agency: ICMPD (lead), {partner} (partner)\n\n\
             Donors: {donors}\n\n\
             Duration: {start} – {end}\n\n\
             Country: {}\n\n\n",
            i + 1,
            20 + rng.below(400),
            country.trim_start_matches("the "),
        ));
    }
    out
}

fn table(rng: &mut SplitMix64, projects: usize) -> String {
    let mut out = String::with_capacity(projects * 300 + 64);
    out.push_str("Projects\n\nProject title\n\nStart date\n\nEnd date\n\nDonor\n\n");
    for i in 0..projects {
        let (country, destination, start, end) = route_and_dates(rng);
        out.push_str(&format!(
            "{} in {country}, T-{}\n\n{start}\n\n{end}\n\n{}\n\n\
             Objective: The project aims to reduce the risks faced by {} workers who leave {country} for {destination}. It works with {} and with trade unions in Beirut.\n\n \n\n",
            rng.pick(TOPICS),
            i + 1,
            rng.pick(DONORS),
            rng.pick(DEMONYMS),
            rng.pick(PARTNERS),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_listing_and_every_project_parses() {
        for layout in SynthLayout::ALL {
            let a = synthetic_listing(layout, 120, 7);
            assert_eq!(a, synthetic_listing(layout, 120, 7));
            assert_ne!(a, synthetic_listing(layout, 120, 8));
            let listing = crate::parse_listing("synthetic.txt", a.as_bytes()).unwrap();
            assert_eq!(listing.projects.len(), 120, "{layout:?}");
            assert!(
                listing.projects.iter().all(|p| p.date.is_some()),
                "{layout:?}"
            );
            assert!(
                listing.diagnostics.is_empty(),
                "{layout:?}: {:?}",
                listing.diagnostics
            );
        }
    }

    #[test]
    fn titles_stay_distinct_past_numbers_that_read_as_years() {
        // A title ending `(1011)` lost its number as a printed year, and
        // projects of the same topic, country and start were merged.
        for layout in SynthLayout::ALL {
            let text = synthetic_listing(layout, 2_100, 1);
            let listing = crate::parse_listing("synthetic.txt", text.as_bytes()).unwrap();
            let titles: std::collections::HashSet<String> = listing
                .projects
                .iter()
                .map(|p| p.title.clean().into_owned())
                .collect();
            assert_eq!(titles.len(), 2_100, "{layout:?}");
        }
    }

    #[test]
    fn layouts_are_named() {
        for layout in SynthLayout::ALL {
            assert_eq!(layout.name().parse::<SynthLayout>(), Ok(layout));
        }
        let err = "tabular".parse::<SynthLayout>().unwrap_err();
        assert_eq!(
            err,
            "`tabular` is not a synth layout: expected numbered, fields or table"
        );
    }
}
