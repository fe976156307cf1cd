//! Reference data: countries and M49 regions (from keshvar), plus the small
//! curated tables in `data/reference/` (organisations, country aliases,
//! demonyms, regional phrases, sub-national governments), compiled into one
//! multi-pattern automaton.

use crate::money::{ExchangeRates, RatesError, EXCHANGE_RATES_FILE};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use keshvar::{CountryIterator, Region, SubRegion};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{file}: cannot read")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: u64,
        message: String,
    },
    #[error(transparent)]
    Rates(#[from] RatesError),
}

/// A country or territory.
#[derive(Debug, Clone)]
pub struct Country {
    pub alpha3: &'static str,
    pub name: &'static str,
    /// M49 region (`Asia`), sub-region (`Southern Asia`) and intermediate
    /// region (`Western Africa`) where M49 has one.
    pub region: Option<&'static str>,
    pub subregion: Option<&'static str>,
    pub intermediate: Option<&'static str>,
    /// The name of the state as a funder or partner: every body of a state
    /// counts as the state, so there is one name for all of them
    /// (`Government of the Netherlands`).
    pub government: &'static str,
}

/// The name of the state called `name` as a funder or partner.
fn government_name(name: &str) -> String {
    // English puts "the" before these names ("the United Kingdom").
    const WITH_ARTICLE: &[&str] = &[
        "United ",
        "Netherlands",
        "Philippines",
        "Russian",
        "Czech",
        "Central African",
        "Dominican",
        "Democratic",
        "Gambia",
        "Bahamas",
        "Maldives",
        "Marshall",
        "Solomon",
        "Comoros",
        "Republic",
    ];
    let article = if WITH_ARTICLE.iter().any(|p| name.starts_with(p)) {
        "the "
    } else {
        ""
    };
    format!("Government of {article}{name}")
}

/// The names of a reference, each kept once for the rest of the process.
///
/// Every fact a project yields names its country, region or organisation
/// (tens a project): facts borrow these names instead of copying them, so
/// a name is a `&'static str`. A process loads its reference once (a run,
/// a check, an evaluation), and the names of all tables are some tens of
/// kilobytes.
#[derive(Default)]
struct Names(std::collections::HashSet<&'static str>);

impl Names {
    fn keep(&mut self, name: &str) -> &'static str {
        match self.0.get(name) {
            Some(kept) => kept,
            None => {
                let kept: &'static str = Box::leak(name.into());
                self.0.insert(kept);
                kept
            }
        }
    }
}

/// An organisation of `organisations.csv`.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
}

/// A regional phrase of `regions.csv`.
#[derive(Debug, Clone)]
pub struct RegionPhrase {
    pub phrase: &'static str,
    pub regions: Vec<&'static str>,
    pub subregion: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Country(usize),
    Demonym(usize),
    Organisation(usize),
    Region(usize),
    /// A regional or municipal government (`Flemish Government`, `City of
    /// Vienna`): a body of the state at this index of `countries`.
    SubnationalGovernment(usize),
}

#[derive(Debug, Clone)]
struct Pattern {
    entry: Entry,
    text: String,
    /// All-capital acronyms match only as printed (`EC`, not `ec`).
    exact_case: bool,
}

/// A match of a reference name in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    pub entry: Entry,
    pub start: usize,
    pub end: usize,
}

/// The curated tables of names, and the automaton that finds them.
///
/// Its names are `&'static str`, kept for the rest of the process once
/// loaded, so that facts borrow them: load a reference once and share it.
pub struct Reference {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    pub regions: Vec<RegionPhrase>,
    /// Annual average exchange rates to the US dollar.
    pub rates: ExchangeRates,
    patterns: Vec<Pattern>,
    /// Every pattern's text in ASCII lower case, searched in texts lowered
    /// so: the matches of an automaton ignoring ASCII case, whose states
    /// would hold each letter's transition twice, once in each case.
    automaton: AhoCorasick,
    by_alpha3: BTreeMap<String, usize>,
    /// The organisations' and the exchange rates' tables as messages name
    /// them: the files read, or, for built-in tables, the files that would
    /// take their place (in `data/reference` where devcoop runs): where a
    /// user adds what the tables lack.
    organisations_file: String,
    rates_file: String,
}

fn region_label(region: Region) -> Option<&'static str> {
    Some(match region {
        Region::Africa => "Africa",
        Region::Americas => "Americas",
        Region::Asia => "Asia",
        Region::Europe => "Europe",
        Region::Oceania => "Oceania",
        Region::Antarctica => return None,
    })
}

/// keshvar gives the M49 intermediate region where there is one; M49 puts
/// those under a sub-region.
fn subregion_labels(sub: SubRegion) -> (&'static str, Option<&'static str>) {
    use SubRegion::*;
    let label = match sub {
        AustraliaAndNewZealand => "Australia and New Zealand",
        Caribbean => "Caribbean",
        CentralAmerica => "Central America",
        CentralAsia => "Central Asia",
        EasternAfrica => "Eastern Africa",
        EasternAsia => "Eastern Asia",
        EasternEurope => "Eastern Europe",
        Melanesia => "Melanesia",
        Micronesia => "Micronesia",
        MiddleAfrica => "Middle Africa",
        NorthernAfrica => "Northern Africa",
        NorthernAmerica => "Northern America",
        NorthernEurope => "Northern Europe",
        Polynesia => "Polynesia",
        SouthAmerica => "South America",
        SouthEasternAsia => "South-eastern Asia",
        SouthernAfrica => "Southern Africa",
        SouthernAsia => "Southern Asia",
        SouthernEurope => "Southern Europe",
        WesternAfrica => "Western Africa",
        WesternAsia => "Western Asia",
        WesternEurope => "Western Europe",
    };
    match sub {
        EasternAfrica | MiddleAfrica | SouthernAfrica | WesternAfrica => {
            ("Sub-Saharan Africa", Some(label))
        }
        Caribbean | CentralAmerica | SouthAmerica => {
            ("Latin America and the Caribbean", Some(label))
        }
        _ => (label, None),
    }
}

/// Countries whose M49 sub-region (and intermediate region) keshvar
/// gives otherwise: alpha-3, sub-region, intermediate region.
const M49_SUBREGIONS_KESHVAR_LACKS: &[(&str, &str, Option<&str>)] =
    &[("SSD", "Sub-Saharan Africa", Some("Eastern Africa"))];

/// The curated tables, as text (so tests can pass their own).
pub struct ReferenceTables<'a> {
    pub organisations: &'a str,
    pub country_aliases: &'a str,
    pub demonyms: &'a str,
    pub regions: &'a str,
    pub subnational_governments: &'a str,
}

/// The curated tables as shipped: the repository's `data/reference/`.
pub const BUILTIN: ReferenceTables<'static> = ReferenceTables {
    organisations: include_str!("../../../data/reference/organisations.csv"),
    country_aliases: include_str!("../../../data/reference/country_aliases.csv"),
    demonyms: include_str!("../../../data/reference/demonyms.csv"),
    regions: include_str!("../../../data/reference/regions.csv"),
    subnational_governments: include_str!("../../../data/reference/subnational_governments.csv"),
};

/// The exchange rates as shipped (`data/reference/exchange_rates.csv`).
pub const BUILTIN_EXCHANGE_RATES: &str = include_str!("../../../data/reference/exchange_rates.csv");

pub const ORGANISATIONS_FILE: &str = "organisations.csv";
/// Where devcoop looks for tables that take the place of the built-in
/// ones when the settings name no other folder.
pub const DEFAULT_REFERENCE_FOLDER: &str = "data/reference";
pub const COUNTRY_ALIASES_FILE: &str = "country_aliases.csv";
pub const DEMONYMS_FILE: &str = "demonyms.csv";
pub const REGIONS_FILE: &str = "regions.csv";
pub const SUBNATIONAL_GOVERNMENTS_FILE: &str = "subnational_governments.csv";

fn rows(file: &str, text: &str, columns: usize) -> Result<Vec<(u64, Vec<String>)>, ReferenceError> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(false)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|err| ReferenceError::Invalid {
            file: file.to_string(),
            line: err.position().map_or(0, |p| p.line()),
            message: err.to_string(),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != columns {
            return Err(ReferenceError::Invalid {
                file: file.to_string(),
                line,
                message: format!("expected {columns} columns, found {}", record.len()),
            });
        }
        out.push((line, record.iter().map(|f| f.trim().to_string()).collect()));
    }
    Ok(out)
}

impl Reference {
    /// Reads the curated tables from `dir` (the five of names and the
    /// exchange rates); every one must be there.
    pub fn load(dir: &Path) -> Result<Reference, ReferenceError> {
        Reference::load_over_builtin(dir, false)
    }

    /// The tables built into the binary (the repository's
    /// `data/reference/` when it was compiled), so that devcoop runs from
    /// any folder.
    pub fn builtin() -> Result<Reference, ReferenceError> {
        let mut reference = Reference::from_tables(&BUILTIN)?;
        reference.rates = ExchangeRates::parse(EXCHANGE_RATES_FILE, BUILTIN_EXCHANGE_RATES)?;
        Ok(reference)
    }

    /// The built-in tables, each replaced by the file of the same name in
    /// `dir` where `dir` has one (with `missing_is_builtin`; otherwise a
    /// missing file is an error). Errors name the file read.
    pub fn load_over_builtin(
        dir: &Path,
        missing_is_builtin: bool,
    ) -> Result<Reference, ReferenceError> {
        let read = |name: &str, builtin: &'static str| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok((text, true)),
                Err(err) if missing_is_builtin && err.kind() == std::io::ErrorKind::NotFound => {
                    Ok((builtin.to_string(), false))
                }
                Err(source) => Err(ReferenceError::Io {
                    file: path.display().to_string(),
                    source,
                }),
            }
        };
        let (organisations, country_aliases, demonyms, regions, subnational_governments) = (
            read(ORGANISATIONS_FILE, BUILTIN.organisations)?,
            read(COUNTRY_ALIASES_FILE, BUILTIN.country_aliases)?,
            read(DEMONYMS_FILE, BUILTIN.demonyms)?,
            read(REGIONS_FILE, BUILTIN.regions)?,
            read(
                SUBNATIONAL_GOVERNMENTS_FILE,
                BUILTIN.subnational_governments,
            )?,
        );
        let rates = read(EXCHANGE_RATES_FILE, BUILTIN_EXCHANGE_RATES)?;
        let from_dir = [
            (ORGANISATIONS_FILE, organisations.1),
            (COUNTRY_ALIASES_FILE, country_aliases.1),
            (DEMONYMS_FILE, demonyms.1),
            (REGIONS_FILE, regions.1),
            (SUBNATIONAL_GOVERNMENTS_FILE, subnational_governments.1),
        ];
        let mut reference = Reference::from_tables(&ReferenceTables {
            organisations: &organisations.0,
            country_aliases: &country_aliases.0,
            demonyms: &demonyms.0,
            regions: &regions.0,
            subnational_governments: &subnational_governments.0,
        })
        .map_err(|err| match err {
            // A table read from `dir` is named by its path.
            ReferenceError::Invalid {
                file,
                line,
                message,
            } if from_dir.contains(&(file.as_str(), true)) => ReferenceError::Invalid {
                file: dir.join(&file).display().to_string(),
                line,
                message,
            },
            other => other,
        })?;
        let rates_name = match rates.1 {
            true => dir.join(EXCHANGE_RATES_FILE).display().to_string(),
            false => EXCHANGE_RATES_FILE.to_string(),
        };
        reference.rates = ExchangeRates::parse(&rates_name, &rates.0)?;
        Ok(reference.shown_as(&dir.display().to_string()))
    }

    /// The same tables, their folder named in messages as `folder` (say,
    /// a path relative to the settings file rather than the one read).
    pub fn shown_as(mut self, folder: &str) -> Reference {
        self.organisations_file = format!("{folder}/{ORGANISATIONS_FILE}");
        self.rates_file = format!("{folder}/{EXCHANGE_RATES_FILE}");
        self
    }

    /// The organisations' table as messages name it (see [`Self::shown_as`]).
    pub fn organisations_file(&self) -> &str {
        &self.organisations_file
    }

    /// The exchange rates' table as messages name it.
    pub fn rates_file(&self) -> &str {
        &self.rates_file
    }

    pub fn from_tables(tables: &ReferenceTables) -> Result<Reference, ReferenceError> {
        let mut names = Names::default();
        let mut countries = Vec::new();
        let mut patterns = Vec::new();
        let mut by_alpha3 = BTreeMap::new();
        for country in CountryIterator::new() {
            let alpha3 = names.keep(&country.alpha3().to_string());
            let (subregion, intermediate) = country
                .maybe_subregion()
                .map(subregion_labels)
                .map_or((None, None), |(s, i)| (Some(s), i));
            let index = countries.len();
            let short = country.iso_short_name();
            countries.push(Country {
                alpha3,
                name: short,
                region: country.maybe_region().and_then(region_label),
                subregion,
                intermediate,
                // Named once the country's own name is final (aliases
                // below may replace ISO's).
                government: "",
            });
            by_alpha3.insert(alpha3.to_string(), index);
            patterns.push(name_pattern(Entry::Country(index), short));
            // `Bolivia (Plurinational State of)` → `Bolivia`, unless two
            // countries share the head (`Congo (…)` and `Congo`, `Korea (…)`
            // twice, `Virgin Islands (…)` twice): then it names neither.
            if let Some((head, _)) = short.split_once(" (") {
                let shared = CountryIterator::new().any(|other| {
                    let name = other.iso_short_name();
                    name != short
                        && (name == head || name.split_once(" (").is_some_and(|(h, _)| h == head))
                });
                if !shared {
                    patterns.push(name_pattern(Entry::Country(index), head));
                }
            }
            let long = country.iso_long_name();
            let long = long.strip_prefix("The ").unwrap_or(long);
            if long != short {
                patterns.push(name_pattern(Entry::Country(index), long));
            }
        }
        // Where keshvar's sub-region is not M49's (unstats.un.org/unsd/
        // methodology/m49): South Sudan is in Eastern Africa, not with
        // Sudan in Northern Africa.
        for (alpha3, subregion, intermediate) in M49_SUBREGIONS_KESHVAR_LACKS {
            if let Some(&index) = by_alpha3.get(*alpha3) {
                countries[index].subregion = Some(subregion);
                countries[index].intermediate = *intermediate;
            }
        }
        // Kosovo is missing from ISO 3166 and so from keshvar.
        for (alpha3, name, sub) in [("XKX", "Kosovo", "Southern Europe")] {
            if !by_alpha3.contains_key(alpha3) {
                by_alpha3.insert(alpha3.to_string(), countries.len());
                countries.push(Country {
                    alpha3,
                    name,
                    region: Some("Europe"),
                    subregion: Some(sub),
                    intermediate: None,
                    government: "",
                });
            }
        }
        let country_index = |file: &str, line: u64, code: &str| {
            by_alpha3
                .get(code)
                .copied()
                .ok_or_else(|| ReferenceError::Invalid {
                    file: file.to_string(),
                    line,
                    message: format!("`{code}` is not an ISO 3166-1 alpha-3 code devcoop knows"),
                })
        };
        let mut named_by_alias = vec![false; countries.len()];
        for (line, row) in rows(COUNTRY_ALIASES_FILE, tables.country_aliases, 2)? {
            let index = country_index(COUNTRY_ALIASES_FILE, line, &row[0])?;
            patterns.push(name_pattern(Entry::Country(index), &row[1]));
            // ISO's long forms (`Iran (Islamic Republic of)`, `United
            // Kingdom of Great Britain and Northern Ireland`) read badly in
            // tables and charts: the first alias names them instead.
            let name = countries[index].name;
            if !named_by_alias[index] && (name.contains(['(', ',']) || name.len() > 30) {
                countries[index].name = names.keep(&row[1]);
                named_by_alias[index] = true;
            }
        }
        for country in &mut countries {
            country.government = names.keep(&government_name(country.name));
        }
        for (line, row) in rows(DEMONYMS_FILE, tables.demonyms, 2)? {
            let index = country_index(DEMONYMS_FILE, line, &row[0])?;
            patterns.push(name_pattern(Entry::Demonym(index), &row[1]));
        }
        for (line, row) in rows(
            SUBNATIONAL_GOVERNMENTS_FILE,
            tables.subnational_governments,
            2,
        )? {
            let index = country_index(SUBNATIONAL_GOVERNMENTS_FILE, line, &row[0])?;
            patterns.push(name_pattern(Entry::SubnationalGovernment(index), &row[1]));
        }
        let mut organisations = Vec::new();
        for (_, row) in rows(ORGANISATIONS_FILE, tables.organisations, 4)? {
            let index = organisations.len();
            // A government body of organisations.csv (USAID, SDC) is its
            // state.
            let government = (row[2] == "government")
                .then(|| by_alpha3.get(&row[0]))
                .flatten()
                .map(|&state| countries[state].government);
            organisations.push(Organisation {
                code: names.keep(&row[0]),
                name: government.unwrap_or_else(|| names.keep(&row[1])),
                kind: names.keep(&row[2]),
            });
            for alias in row[3].split('|').map(str::trim).filter(|a| !a.is_empty()) {
                patterns.push(name_pattern(Entry::Organisation(index), alias));
            }
        }
        let mut regions = Vec::new();
        for (_, row) in rows(REGIONS_FILE, tables.regions, 3)? {
            let index = regions.len();
            patterns.push(name_pattern(Entry::Region(index), &row[0]));
            regions.push(RegionPhrase {
                phrase: names.keep(&row[0]),
                // No region: a phrase that spans regions ("Arab States",
                // "Global") names none, and is known so that its words
                // name nothing else.
                regions: row[1]
                    .split('|')
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(|r| names.keep(r))
                    .collect(),
                subregion: (!row[2].is_empty()).then(|| names.keep(&row[2])),
            });
        }
        // A blank cell names nothing (and would match everywhere).
        patterns.retain(|p| !p.text.is_empty());
        // Pages print the apostrophe curly as often as straight
        // ("Children’s Fund"): each name with one is found either way.
        let curly: Vec<Pattern> = patterns
            .iter()
            .filter(|p| p.text.contains('\''))
            .map(|p| Pattern {
                text: p.text.replace('\'', "’"),
                ..p.clone()
            })
            .collect();
        patterns.extend(curly);
        // Pages join a country's two words with a hyphen as often as they
        // part its hyphenated name with a space (`Burkina-Faso`, `Guinea
        // Bissau`): each country name is found either way, after the names
        // as the tables print them, which win a tie.
        let printed: std::collections::HashSet<&str> =
            patterns.iter().map(|p| p.text.as_str()).collect();
        let respelt: Vec<Pattern> = patterns
            .iter()
            .filter(|p| matches!(p.entry, Entry::Country(_)))
            .filter_map(|p| {
                let words = p.text.split(' ').count();
                let text = if p.text.contains('-') {
                    p.text.replace('-', " ")
                } else if words == 2 {
                    p.text.replace(' ', "-")
                } else {
                    return None;
                };
                (!printed.contains(text.as_str())).then(|| Pattern { text, ..p.clone() })
            })
            .collect();
        patterns.extend(respelt);
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.text.to_ascii_lowercase()))
            .map_err(|err| ReferenceError::Invalid {
                file: "reference data".into(),
                line: 0,
                message: err.to_string(),
            })?;
        Ok(Reference {
            countries,
            organisations,
            regions,
            rates: ExchangeRates::default(),
            patterns,
            automaton,
            by_alpha3,
            organisations_file: String::new(),
            rates_file: String::new(),
        }
        .shown_as(DEFAULT_REFERENCE_FOLDER))
    }

    /// Name and type of the organisation with this donor code, if any. A
    /// state's code names its government, by the name its bodies take when
    /// read from the text (`Government of the Philippines`).
    pub fn organisation_by_code(&self, code: &str) -> Option<(&'static str, &'static str)> {
        self.organisations
            .iter()
            .find(|o| o.code == code)
            .map(|o| (o.name, o.kind))
            .or_else(|| self.country(code).map(|c| (c.government, "government")))
    }

    pub fn country(&self, alpha3: &str) -> Option<&Country> {
        self.by_alpha3.get(alpha3).map(|&i| &self.countries[i])
    }

    /// Every reference name in `text`, longest first at each position, on
    /// word boundaries, with the case rules: acronyms exactly, names with a
    /// capital where the reference has one (a lower-case demonym such as
    /// `afghan workers` is still a demonym).
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        // A page copied from a browser often joins a name's words with a
        // no-break space (`European&nbsp;Union`): names are found in the
        // text with plain spaces, and their offsets mapped back.
        const NO_BREAK: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2007}'];
        // Most texts are ASCII, told at once without decoding a character.
        if text.is_ascii() || !text.contains(NO_BREAK) {
            return self.find_spaced(text);
        }
        let mut plain = String::with_capacity(text.len());
        // For each byte of `plain`, where its character starts in `text`.
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (at, c) in text.char_indices() {
            let c = if NO_BREAK.contains(&c) { ' ' } else { c };
            origin.extend(std::iter::repeat_n(at, c.len_utf8()));
            plain.push(c);
        }
        origin.push(text.len());
        let mut found = self.find_spaced(&plain);
        for m in &mut found {
            (m.start, m.end) = (origin[m.start], origin[m.end]);
        }
        found
    }

    fn find_spaced(&self, text: &str) -> Vec<NameMatch> {
        let mut found = Vec::new();
        let mut from = 0;
        let lowered = text.to_ascii_lowercase();
        while let Some(m) = self
            .automaton
            .find(Input::new(&lowered).span(from..text.len()))
        {
            // A longer name that fails the rules below may hide a shorter
            // one inside it: "the Netherlands" in "Government of the
            // Netherlands" matches the alias `The Netherlands` without its
            // capital, and `Netherlands` must still be found. After a
            // match that fails, the search goes on at its next word.
            let matched = &text[m.start()..m.end()];
            let next_word = matched
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(m.end(), |(at, c)| m.start() + at + c.len_utf8());
            if next_word <= from {
                // Only an empty pattern (a blank table cell) stays put.
                break;
            }
            from = next_word;
            let pattern = &self.patterns[m.pattern().as_usize()];
            // A demonym in the plural names the people: "Israelis and
            // Palestinians".
            let plural = matches!(pattern.entry, Entry::Demonym(_))
                && text[m.end()..].starts_with('s')
                && on_word_boundaries(text, m.start(), m.end() + 1);
            let end = m.end() + usize::from(plural);
            if !on_word_boundaries(text, m.start(), end) {
                continue;
            }
            // Cities and seas named after a country are not the country:
            // "a seminar in Mexico City", "the Indian Ocean", "the South
            // China Sea".
            let rest = &text[m.end()..];
            if matches!(pattern.entry, Entry::Country(_) | Entry::Demonym(_))
                && [" City", " Ocean", " Sea"].iter().any(|s| {
                    rest.starts_with(s) && !rest[s.len()..].starts_with(char::is_alphanumeric)
                })
            {
                continue;
            }
            let case_ok = if pattern.exact_case {
                matched == pattern.text
            } else {
                let first = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
                first(matched) == first(&pattern.text) || matches!(pattern.entry, Entry::Demonym(_))
            };
            if case_ok {
                found.push(NameMatch {
                    entry: pattern.entry,
                    start: m.start(),
                    end,
                });
                from = end;
            }
        }
        found
    }
}

fn name_pattern(entry: Entry, text: &str) -> Pattern {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let exact_case = letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase());
    Pattern {
        entry,
        text: text.to_string(),
        exact_case,
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word_char = |c: char| c.is_alphanumeric();
    !before.is_some_and(word_char) && !after.is_some_and(word_char)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn reference() -> Reference {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference");
        Reference::load(&dir).expect("reference data loads")
    }

    #[test]
    fn messages_name_the_tables_where_a_user_would_add_to_them() {
        let builtin = Reference::builtin().unwrap();
        assert_eq!(
            builtin.organisations_file(),
            "data/reference/organisations.csv"
        );
        assert_eq!(builtin.rates_file(), "data/reference/exchange_rates.csv");
        let dir = tempfile::tempdir().unwrap();
        let over = Reference::load_over_builtin(dir.path(), true).unwrap();
        assert_eq!(
            over.organisations_file(),
            format!("{}/organisations.csv", dir.path().display())
        );
        let shown = over.shown_as("tables");
        assert_eq!(shown.organisations_file(), "tables/organisations.csv");
        assert_eq!(shown.rates_file(), "tables/exchange_rates.csv");
    }

    #[test]
    fn built_in_tables_load_and_a_file_in_the_folder_takes_the_place_of_its_table() {
        let builtin = Reference::builtin().expect("the built-in tables load");
        assert!(builtin.organisation_by_code("IOM").is_some());
        assert_eq!(
            builtin.organisation_by_code("PHL"),
            Some(("Government of the Philippines", "government"))
        );
        let dir = tempfile::tempdir().unwrap();
        // No file: the built-in tables; a missing file is an error only
        // when every table must be in the folder.
        let empty = Reference::load_over_builtin(dir.path(), true).unwrap();
        assert!(empty.organisation_by_code("IOM").is_some());
        assert!(matches!(
            Reference::load(dir.path()),
            Err(ReferenceError::Io { .. })
        ));
        std::fs::write(
            dir.path().join(ORGANISATIONS_FILE),
            "# made up\ncode,name,type,aliases\nXF,Example Fund,foundation,Example Fund\n",
        )
        .unwrap();
        let replaced = Reference::load_over_builtin(dir.path(), true).unwrap();
        assert!(replaced.organisation_by_code("XF").is_some());
        assert!(replaced.organisation_by_code("IOM").is_none());
        assert!(
            replaced.country("SEN").is_some(),
            "other tables stay built in"
        );
        std::fs::write(
            dir.path().join(ORGANISATIONS_FILE),
            "code,name,type,aliases\nXF,Example Fund\n",
        )
        .unwrap();
        let error = Reference::load_over_builtin(dir.path(), true)
            .err()
            .expect("a short row is an error")
            .to_string();
        let path = dir.path().join(ORGANISATIONS_FILE).display().to_string();
        assert!(error.starts_with(&format!("{path}:")), "{error}");
    }

    /// The names `reference` finds in `text`, as printed there, in order.
    fn names_found<'t>(reference: &Reference, text: &'t str) -> Vec<&'t str> {
        reference
            .find(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn countries_have_m49_regions() {
        let reference = reference();
        let india = reference.country("IND").unwrap();
        assert_eq!(india.region, Some("Asia"));
        assert_eq!(india.subregion, Some("Southern Asia"));
        let senegal = reference.country("SEN").unwrap();
        assert_eq!(senegal.subregion, Some("Sub-Saharan Africa"));
        assert_eq!(senegal.intermediate, Some("Western Africa"));
        // M49 where keshvar differs: South Sudan is not with Sudan.
        let south_sudan = reference.country("SSD").unwrap();
        assert_eq!(
            (south_sudan.subregion, south_sudan.intermediate),
            (Some("Sub-Saharan Africa"), Some("Eastern Africa"))
        );
        assert_eq!(
            reference.country("SDN").unwrap().subregion,
            Some("Northern Africa")
        );
        assert_eq!(reference.country("XKX").unwrap().region, Some("Europe"));
        assert_eq!(reference.country("RUS").unwrap().region, Some("Europe"));
        assert_eq!(reference.country("TUR").unwrap().region, Some("Asia"));
    }

    #[test]
    fn names_aliases_and_demonyms_are_found_on_word_boundaries() {
        let reference = reference();
        let text = "Workers from Viet Nam, Hong Kong and Côte d'Ivoire; afghan and Brazilian suppliers in Romania, not Mexico City, the Indian Ocean or the South China Sea";
        let found = names_found(&reference, text);
        assert_eq!(
            found,
            [
                "Viet Nam",
                "Hong Kong",
                "Côte d'Ivoire",
                "afghan",
                "Brazilian",
                "Romania"
            ]
        );
    }

    #[test]
    fn national_research_councils_are_their_states() {
        let reference = reference();
        let text = "Grants of CONICET, FONCyT and the Economic and Social Research Council (ESRC)";
        let codes = organisation_codes(&reference, text);
        assert_eq!(codes, ["ARG", "ARG", "GBR", "GBR"]);
    }

    #[test]
    fn a_longer_name_failing_the_case_rule_does_not_hide_a_name_inside_it() {
        let reference = reference();
        // The aliases `The Netherlands` and `The Gambia` match "the
        // Netherlands" without their capital.
        let text = "Government of the Netherlands, Embassy of the Gambia";
        let found = names_found(&reference, text);
        assert_eq!(found, ["Netherlands", "Gambia"]);
    }

    #[test]
    fn a_subnational_government_is_a_body_of_its_state() {
        let reference = reference();
        let text = "funded by the Flemish Government and the City of Vienna";
        let states: Vec<&str> = reference
            .find(text)
            .iter()
            .filter_map(|m| match m.entry {
                Entry::SubnationalGovernment(i) => Some(reference.countries[i].alpha3),
                _ => None,
            })
            .collect();
        assert_eq!(states, ["BEL", "AUT"]);
    }

    /// The codes of the organisations `reference` finds in `text`, in order.
    fn organisation_codes(reference: &Reference, text: &str) -> Vec<&'static str> {
        reference
            .find(text)
            .iter()
            .filter_map(|m| match m.entry {
                Entry::Organisation(i) => Some(reference.organisations[i].code),
                _ => None,
            })
            .collect()
    }

    /// The codes of the countries `reference` finds in `text`, in order.
    fn country_codes(reference: &Reference, text: &str) -> Vec<String> {
        reference
            .find(text)
            .iter()
            .filter_map(|m| match m.entry {
                Entry::Country(i) => Some(reference.countries[i].alpha3.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_name_two_countries_share_names_neither() {
        let reference = reference();
        let codes = |text: &str| country_codes(&reference, text);
        assert_eq!(
            codes("Bolivia and Democratic Republic of the Congo"),
            ["BOL", "COD"]
        );
        assert!(codes("Korea").is_empty());
        assert_eq!(codes("South Korea and Congo"), ["KOR", "COG"]);
    }

    #[test]
    fn a_country_is_found_with_a_hyphen_or_a_space_between_its_words() {
        let reference = reference();
        let codes = |text: &str| country_codes(&reference, text);
        assert_eq!(
            codes("wells in Burkina-Faso and Sierra-Leone, schools in Guinea Bissau"),
            ["BFA", "SLE", "GNB"]
        );
        // Printed as the tables print them, names are found as before.
        assert_eq!(
            codes("Burkina Faso, Guinea-Bissau and Guinea"),
            ["BFA", "GNB", "GIN"]
        );
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let reference = reference();
        let text = "the EC and the ec; US aid and us";
        let found = names_found(&reference, text);
        assert_eq!(found, ["EC", "US"]);
    }

    #[test]
    fn names_are_found_in_capitals_and_offsets_point_into_the_text_as_printed() {
        let reference = reference();
        let text = "Funded by the EUROPEAN UNION in ROMANIA and the eUROPEAN uNION";
        let found = names_found(&reference, text);
        // A name's first letter keeps its case rule: `eUROPEAN` is not one.
        assert_eq!(found, ["EUROPEAN UNION", "ROMANIA"]);
    }

    #[test]
    fn the_world_bank_is_found_by_its_usual_acronym() {
        let reference = reference();
        let text = "Donor: WB; the wb";
        let found = organisation_codes(&reference, text);
        assert_eq!(found, ["WB"]);
    }

    #[test]
    fn bad_reference_row_names_file_and_line() {
        let tables = ReferenceTables {
            organisations: "code,name,type,aliases\n",
            country_aliases: "# source\nalpha3,alias\nZZZ,Atlantis\n",
            demonyms: "alpha3,demonym\n",
            regions: "phrase,regions,subregion\n",
            subnational_governments: "alpha3,name\n",
        };
        let err = Reference::from_tables(&tables).err().unwrap();
        assert_eq!(
            err.to_string(),
            "country_aliases.csv:3: `ZZZ` is not an ISO 3166-1 alpha-3 code devcoop knows"
        );
    }
}
