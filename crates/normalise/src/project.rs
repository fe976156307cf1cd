//! A raw project made into facts: dates, organisations, places, an id.

use crate::dates::{duration_days, duration_months, parse_dates_in, status, DateRange, Status};
use crate::extract::{extract, Extracted, OrgRole, OrganisationFact};
use crate::money::{convert, AmountKind};
use crate::reference::Reference;
use chrono::Datelike;
use chrono::NaiveDate;
use ingest::{Diagnostic, RawProject};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

#[derive(Debug, Clone)]
pub struct Project {
    /// Stable id from the normalised title and start date.
    pub id: String,
    pub raw: RawProject,
    /// The title as it reads (a correction may change it; the id stays).
    pub title: String,
    /// Fields a user correction changed (`title`, `funders`, …).
    pub overridden: Vec<String>,
    /// Every `file#ordinal` this project was found at.
    pub sources: Vec<String>,
    pub dates: DateRange,
    pub duration_days: Option<i64>,
    pub duration_months: Option<i64>,
    pub status: Status,
    pub facts: Extracted,
}

impl Project {
    /// Sorted, distinct donor codes of the funders.
    pub fn funder_codes(&self) -> Vec<&str> {
        sorted_distinct(self.funders().map(|o| &*o.code))
    }

    /// Sorted, distinct types of the funders named (`government`, `EU
    /// institution`…): the analyses by funder type count a project once per
    /// type (`projects.funder_types`).
    pub fn funder_types(&self) -> Vec<&str> {
        sorted_distinct(self.funders().map(|o| o.kind))
    }

    fn funders(&self) -> impl Iterator<Item = &OrganisationFact> {
        self.facts
            .organisations
            .iter()
            .filter(|o| o.role == OrgRole::Funder)
    }

    /// Sorted, distinct alpha-3 codes of the places named.
    pub fn country_codes(&self) -> Vec<&str> {
        sorted_distinct(self.facts.places.iter().map(|p| p.alpha3))
    }

    /// Sorted, distinct names of the places named, as
    /// [`Project::region_names`] (`projects.country_names`): counting
    /// projects by country is then a count of rows, not a
    /// `COUNT(DISTINCT)` over every place row.
    pub fn country_names(&self) -> Vec<&str> {
        sorted_distinct(self.facts.places.iter().map(|p| p.name))
    }

    /// Sorted, distinct M49 regions covered: the analyses by region rely
    /// on each region appearing once (`projects.regions`).
    pub fn region_names(&self) -> Vec<&str> {
        sorted_distinct(self.facts.regions.iter().map(|r| &*r.region))
    }

    /// Sorted, distinct M49 sub-regions covered, as
    /// [`Project::region_names`] (`projects.subregions`).
    pub fn subregion_names(&self) -> Vec<&str> {
        sorted_distinct(self.facts.regions.iter().filter_map(|r| r.subregion))
    }

    /// The project's stated budget in US dollars: the largest amount it
    /// states as its budget or as a donor's contribution, converted
    /// ([`crate::money::AmountFact::amount_usd`]). The largest, because a total
    /// is never smaller than a share and a budget printed twice counts
    /// once; amounts spent are not a budget. `None` when no such amount has
    /// a rate (`projects.budget_usd`).
    pub fn stated_budget_usd(&self) -> Option<f64> {
        self.facts
            .amounts
            .iter()
            .filter(|a| matches!(a.kind, AmountKind::Budget | AmountKind::Contribution))
            .filter_map(|a| a.amount_usd)
            .reduce(f64::max)
    }
}

fn sorted_distinct<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut items: Vec<&str> = items.collect();
    items.sort_unstable();
    items.dedup();
    items
}

/// A project's id: the first six bytes, in hex, of the SHA-256 of
/// `normalised title|start` (the start as `2007-06-01`, or nothing). The
/// title is normalised to its words in lower case, one space apart:
/// `Capacity Building for Migration, in China` and `capacity building for
/// migration in china` are the same title. The words go to the hash one
/// by one, without joining them first: every project has its id made.
pub fn project_id(title: &str, start: Option<NaiveDate>) -> String {
    let lower = title.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut hasher = Sha256::new();
    if let Some(first) = words.next() {
        hasher.update(first);
        for word in words {
            hasher.update(b" ");
            hasher.update(word);
        }
    }
    hasher.update(b"|");
    if let Some(start) = start {
        hasher.update(start.to_string());
    }
    let mut id = String::with_capacity(12);
    for byte in hasher.finalize().iter().take(6) {
        // Writing to a String cannot fail.
        let _ = write!(id, "{byte:02x}");
    }
    id
}

/// A project whose dates and id are known, before its facts are extracted:
/// what merging duplicates needs, and no more.
#[derive(Debug, Clone)]
pub struct Identified {
    pub raw: RawProject,
    pub id: String,
    /// The title as printed, on one line (what the id is made from).
    pub title: String,
    pub dates: DateRange,
    /// Every `file#ordinal` this project was found at, the first first.
    pub sources: Vec<String>,
    /// Warnings about its dates.
    pub diagnostics: Vec<Diagnostic>,
}

fn identify_one(raw: RawProject) -> Identified {
    let mut diagnostics = Vec::new();
    let title = raw.title_text();
    let dates = match &raw.date {
        Some(date) => match parse_dates_in(&date.clean(), date.order) {
            Ok(range) => range,
            Err(err) => {
                diagnostics.push(Diagnostic::warning(
                    &raw.source,
                    date.text.first_line().unwrap_or(raw.first_line),
                    1,
                    format!("{err}: dates left empty"),
                ));
                DateRange::default()
            }
        },
        None => DateRange::default(),
    };
    if let (Some(start), Some(end)) = (dates.start, dates.end) {
        if end.date < start.date {
            diagnostics.push(Diagnostic::warning(
                &raw.source,
                raw.first_line,
                1,
                format!(
                    "`{}` ends ({}) before it starts ({}): kept as printed",
                    title, end.date, start.date
                ),
            ));
        }
    }
    let id = project_id(&title, dates.start.map(|d| d.date));
    let sources = vec![format!("{}#{}", raw.source, raw.ordinal)];
    Identified {
        raw,
        id,
        title,
        dates,
        sources,
        diagnostics,
    }
}

/// Merges the same project found again (same id) into its first reading,
/// batch after batch: within a batch the first reading gains the later
/// source; when the first reading was in an earlier batch (already
/// written), only its reading is new ([`Identities::take_readings`]).
#[derive(Debug, Default)]
pub struct Identities {
    /// The ids given out while reading earlier listings. An id is 12 hex
    /// digits, kept as a number.
    earlier_listings: HashSet<u64>,
    /// The ids given out in the listing being read, its current batch
    /// included: each id is in one set or the other, never both.
    this_listing: HashSet<u64>,
    /// For each title and start read more than once in the listing being
    /// read, the number of its last reading, so that the next is found at
    /// once however many there were.
    repeats: HashMap<u64, u32>,
    current_source: Option<u32>,
    /// The listings read so far, numbered in reading order.
    sources: HashMap<String, u32>,
    /// Every reading since the last call of [`Identities::take_readings`],
    /// in reading order: the project's id and `file#ordinal`.
    readings: Vec<(String, String)>,
}

fn id_key(id: &str) -> u64 {
    u64::from_str_radix(id, 16).unwrap_or_default()
}

impl Identities {
    /// Dates and ids of a batch of projects, on all cores, in input order,
    /// without the projects already seen.
    pub fn identify_batch(&mut self, raw_projects: Vec<RawProject>) -> Vec<Identified> {
        let readings: Vec<Identified> = raw_projects.into_par_iter().map(identify_one).collect();
        let mut unique: Vec<Identified> = Vec::with_capacity(readings.len());
        let mut in_batch: HashMap<u64, usize> = HashMap::new();
        for mut reading in readings {
            let next = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
            let source = *self
                .sources
                .entry(reading.raw.source.clone())
                .or_insert(next);
            if self.current_source != Some(source) {
                // Listings are read one after the other: the ids of the
                // one before are done with as repeats, not as projects.
                self.earlier_listings.extend(self.this_listing.drain());
                self.repeats.clear();
                self.current_source = Some(source);
            }
            // The same title and start twice in one listing are two
            // projects (two grants under one programme's name): the n-th
            // gets an id of its own, the first free of `TITLE#2`,
            // `TITLE#3` …, and matches the n-th in another listing.
            let mut key = id_key(&reading.id);
            if self.this_listing.contains(&key) {
                let seen = self.repeats.entry(key).or_insert(1);
                while self.this_listing.contains(&key) {
                    *seen += 1;
                    let repeat = format!("{}#{}", reading.title, seen);
                    reading.id = project_id(&repeat, reading.dates.start.map(|d| d.date));
                    key = id_key(&reading.id);
                }
            }
            self.this_listing.insert(key);
            self.readings.extend(
                reading
                    .sources
                    .iter()
                    .map(|source| (reading.id.clone(), source.clone())),
            );
            // An id new to this listing may have been read in an earlier
            // one: in this batch, where its first reading gains this
            // source, or in a batch given out, where only the reading is
            // new.
            match in_batch.get(&key) {
                Some(&index) => unique[index].sources.extend(reading.sources),
                None if self.earlier_listings.contains(&key) => {}
                None => {
                    in_batch.insert(key, unique.len());
                    unique.push(reading);
                }
            }
        }
        unique
    }

    /// Every project read since the last call, in reading order: its id
    /// and where it was read (`file#ordinal`), the first reading of a
    /// project or a later one. Rows of `project_sources`, appended as they
    /// come: the same whatever the batches.
    pub fn take_readings(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.readings)
    }
}

/// Dates and ids of every project, on all cores, in input order; the same
/// project found again (same id) is merged into its first reading, which
/// gains the later source.
pub fn identify(raw_projects: Vec<RawProject>) -> Vec<Identified> {
    Identities::default().identify_batch(raw_projects)
}

/// Extracts the facts of identified projects on all cores, keeping their
/// order. A run calls this batch by batch, so memory holds one batch.
pub fn extract_facts(
    reference: &Reference,
    identified: Vec<Identified>,
    reference_date: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Project> {
    // Each project is finished on the pool: the calling thread, which the
    // other cores wait for, only gathers the diagnostics in input order.
    let (projects, found): (Vec<Project>, Vec<Vec<Diagnostic>>) = identified
        .into_par_iter()
        .map(|project| {
            let mut found = project.diagnostics;
            let mut facts = extract(reference, &project.raw, &mut found);
            // Money is converted at its project's start year.
            convert(
                &reference.rates,
                reference.rates_file(),
                &mut facts.amounts,
                project.dates.start.map(|d| d.date.year()),
                &project.raw.source,
                &project.title,
                &mut found,
            );
            let finished = Project {
                id: project.id,
                title: project.title,
                overridden: Vec::new(),
                raw: project.raw,
                sources: project.sources,
                duration_days: duration_days(&project.dates),
                duration_months: duration_months(&project.dates),
                status: status(&project.dates, reference_date),
                dates: project.dates,
                facts,
            };
            (finished, found)
        })
        .unzip();
    diagnostics.extend(found.into_iter().flatten());
    projects
}

/// Normalises every project: [`identify`], then [`extract_facts`] in one
/// batch. The same project in two listings (same id) becomes one project
/// with both sources.
pub fn normalise(
    reference: &Reference,
    raw_projects: Vec<RawProject>,
    reference_date: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Project> {
    extract_facts(
        reference,
        identify(raw_projects),
        reference_date,
        diagnostics,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_the_digest_of_the_normalised_title_and_start() {
        let start = NaiveDate::from_ymd_opt(2007, 6, 1);
        let digest = |key: &str| -> String {
            Sha256::digest(key.as_bytes())
                .iter()
                .take(6)
                .map(|b| format!("{b:02x}"))
                .collect()
        };
        let id = project_id("  Capacity Building for Migration, in CHINA!", start);
        assert_eq!(
            id,
            digest("capacity building for migration in china|2007-06-01")
        );
        assert_eq!(id.len(), 12);
        assert_eq!(
            project_id("capacity building for migration in china", start),
            id
        );
        assert_eq!(project_id("Ποσειδώνας Σ", None), digest("ποσειδώνας σ|"));
        assert_eq!(project_id("", None), digest("|"));
    }

    fn raw(source: &str, text: &str) -> Vec<RawProject> {
        ingest::parse_listing(source, text.as_bytes())
            .expect("a listing")
            .projects
    }

    #[test]
    fn one_title_twice_in_a_listing_is_two_projects_and_once_in_another_is_the_same() {
        let listing = "Grants\n\nFair courts\n\nGrantee: Alpha\n\nFair courts\n\nGrantee: Beta\n";
        let mut identities = Identities::default();
        let first = identities.identify_batch(raw("a.txt", listing));
        assert_eq!(first.len(), 2);
        assert_ne!(first[0].id, first[1].id);
        identities.take_readings();
        // The same listing's projects found in another listing are merged
        // into the first readings, each with its own.
        let again = identities.identify_batch(raw("b.txt", listing));
        assert!(again.is_empty());
        assert_eq!(
            identities.take_readings(),
            [
                (first[0].id.clone(), "b.txt#1".to_string()),
                (first[1].id.clone(), "b.txt#2".to_string())
            ]
        );
        assert!(identities.take_readings().is_empty());
    }

    #[test]
    fn a_title_repeated_across_batches_of_a_listing_is_a_project_each_time() {
        let listing = "Grants\n\nFair courts\n\nGrantee: Alpha\n\nFair courts\n\nGrantee: Beta\n\n\
                       Fair courts\n\nGrantee: Gamma\n";
        let mut identities = Identities::default();
        let mut rest = raw("a.txt", listing);
        let first = identities.identify_batch(vec![rest.remove(0)]);
        let later = identities.identify_batch(rest);
        let ids: Vec<&str> = first.iter().chain(&later).map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), 3);
        assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2]);
        // The second and third are `Fair courts#2` and `#3`, as another
        // listing's second and third are: each merges with its own.
        identities.take_readings();
        let again = identities.identify_batch(raw("b.txt", listing));
        assert!(again.is_empty());
        let readings = identities.take_readings();
        let merged: Vec<&str> = readings.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(merged, ids);
    }

    fn normalised(listing: &str) -> Vec<Project> {
        let reference = crate::reference::tests::reference();
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        normalise(&reference, raw("a.txt", listing), today, &mut Vec::new())
    }

    #[test]
    fn the_stated_budget_is_the_largest_budget_or_contribution_in_dollars() {
        let projects = normalised(
            "Projects\n\n\
             1. Safer recruitment\n\
             1 March 2015 - 28 February 2018\n\
             Funded by Norway. Budget: US$ 400,000. Norway contributes US$ 650,000. \
             By the end, US$ 900,000 had been spent.\n\n\
             2. Skills for returnees\n\
             1 March 2015 - 28 February 2018\n\
             Funded by Norway. By the end, US$ 900,000 had been spent.\n\n\
             3. Fair wages\n\
             1 March 2015 - 28 February 2018\n\
             Funded by Norway.\n",
        );
        let budgets: Vec<Option<f64>> = projects.iter().map(Project::stated_budget_usd).collect();
        // The contribution outweighs the budget; money spent is no budget.
        assert_eq!(budgets, [Some(650_000.0), None, None]);
    }
}
