//! Synthetic listings for tests and benchmarks: realistic projects in the
//! layouts ingestion supports, with the entity mentions and traps of real
//! text (funders after cue phrases, implementers that are not funders,
//! demonyms, currencies, cities), deterministic for a seed.

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

/// A listing of `projects` projects in the numbered layout of the shipped
/// listing (about 320 bytes a project), the same text for the same seed.
pub fn synthetic_listing(projects: usize, seed: u64) -> String {
    let mut rng = SplitMix64(seed);
    let mut out = String::with_capacity(projects * 440 + 64);
    out.push_str("Projects on labour migration\n\n");
    for i in 0..projects {
        if i % 50 == 0 && i > 0 {
            out.push_str(&format!("\n{}\n\n", 2000 + (i / 50) % 25));
        }
        let number = i % 50 + 1;
        let country = rng.pick(COUNTRIES);
        let destination = rng.pick(COUNTRIES);
        let start_year = 1995 + rng.below(30) as i32;
        let start_month = rng.below(12);
        let end_year = start_year + 1 + rng.below(4) as i32;
        let end_month = rng.below(12);
        let dates = format!(
            "1 {} {start_year} - {} {} {end_year}",
            MONTHS[start_month],
            [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][end_month],
            MONTHS[end_month]
        );
        out.push_str(&format!(
            "  {number}. {} in {country}, P-{}\n\n    {dates}\n\n    The project, {} {}, helps {} workers moving from {country} to {destination} and is co-implemented by {}. Its budget is US$ {},000; a seminar was held in Geneva.\n\n\n",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_listing_and_every_project_parses() {
        let a = synthetic_listing(120, 7);
        assert_eq!(a, synthetic_listing(120, 7));
        assert_ne!(a, synthetic_listing(120, 8));
        let listing = crate::parse_listing("synthetic.txt", a.as_bytes()).unwrap();
        assert_eq!(listing.projects.len(), 120);
        assert!(listing.projects.iter().all(|p| p.date.is_some()));
        assert!(listing.diagnostics.is_empty(), "{:?}", listing.diagnostics);
    }
}
