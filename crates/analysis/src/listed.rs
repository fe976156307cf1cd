//! The first projects of a run with the evidence behind each of their
//! facts, read back from the written Parquet tables: what the report lists
//! one by one.
//!
//! Only the first rows of `projects` are read whole; of the fact tables,
//! the columns needed, a slice of rows at a time, up to the first row of a
//! project not listed; of `evidence`, the rows up to the last sentence the
//! listed projects cite (evidence ids count the rows in the order they
//! were written, from 1).
//!
//! Every table is appended to batch by batch, a batch's rows in the order
//! of its projects ([`crate::TableSink`]): a fact table holds the rows of
//! the first projects first, so the listed projects' facts are its first
//! rows, and a row of a later project ends them.

use crate::frame::{column_numbers, column_texts};
use crate::write::TableError;
use polars::prelude::*;
use polars_io::prelude::{ParquetReader, SerReader};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::path::Path;

/// One fact of a listed project and the sentence it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedEvidence {
    /// The fact as shown: `European Union (EU)`, `Tajikistan (TJK)`, `Asia`.
    pub fact: String,
    /// `funder`, `implementer`, `focus`, `origin`, `region` …
    pub role: String,
    /// The words of the sentence that name it.
    pub mention: String,
    pub sentence: String,
    /// The line of the listing the sentence starts on.
    pub line: usize,
}

/// A project as the report lists it; lists are joined with `, `.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedProject {
    pub id: String,
    pub title: String,
    /// `listing.txt#3`: the listing and the project's place in it.
    pub source: String,
    /// The listing's file name.
    pub file: String,
    /// The line its record starts on.
    pub first_line: String,
    /// In a saved page, the `id` of the element holding the project.
    pub anchor: String,
    pub date_text: String,
    pub start: String,
    pub end: String,
    pub status: String,
    pub funders: String,
    pub countries: String,
    pub regions: String,
    /// Funders first (they are what the charts count), then the other
    /// organisations, the places, and the regions named in words.
    pub evidence: Vec<ListedEvidence>,
}

/// The first `limit` projects of the tables in `dir`, in the order they
/// were written, each with its evidence.
pub fn listed_projects(dir: &Path, limit: usize) -> Result<Vec<ListedProject>, TableError> {
    let projects = read(
        dir,
        "projects",
        &[
            "id",
            "title",
            "source",
            "ordinal",
            "date_text",
            "start",
            "end",
            "status",
            "funders",
            "countries",
            "regions",
            "first_line",
            "anchor",
        ],
        Some(limit),
    )?;
    let text = |name: &str| texts(dir, "projects", &projects, name);
    let ids = text("id")?;
    let wanted: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut facts: HashMap<String, Vec<(i64, ListedEvidence)>> = HashMap::new();
    let mut cited = 0i64;
    for fact in read_facts(dir, &wanted)? {
        cited = cited.max(fact.evidence_id);
        facts
            .entry(fact.project_id)
            .or_default()
            .push((fact.evidence_id, fact.evidence));
    }
    let sentences = read_sentences(dir, cited)?;
    let (titles, sources, ordinals) = (text("title")?, text("source")?, text("ordinal")?);
    let (first_lines, anchors) = (text("first_line")?, text("anchor")?);
    let (date_texts, starts, ends, statuses) = (
        text("date_text")?,
        text("start")?,
        text("end")?,
        text("status")?,
    );
    let (funders, countries, regions) = (
        joined(dir, &projects, "funders")?,
        joined(dir, &projects, "countries")?,
        joined(dir, &projects, "regions")?,
    );
    let mut listed = Vec::with_capacity(ids.len());
    for (row, id) in ids.iter().enumerate() {
        let at = |column: &[String]| column.get(row).cloned().unwrap_or_default();
        let evidence = facts
            .remove(id)
            .unwrap_or_default()
            .into_iter()
            .map(|(evidence_id, mut evidence)| {
                if let Some((line, sentence)) = sentences.get(&evidence_id) {
                    evidence.line = *line;
                    evidence.sentence = sentence.clone();
                }
                evidence
            })
            .collect();
        let date_text = at(&date_texts);
        listed.push(ListedProject {
            id: id.clone(),
            title: at(&titles),
            source: format!("{}#{}", at(&sources), at(&ordinals)),
            file: at(&sources),
            first_line: at(&first_lines),
            anchor: at(&anchors),
            date_text: if date_text.is_empty() {
                "not stated".into()
            } else {
                date_text
            },
            start: at(&starts),
            end: at(&ends),
            status: at(&statuses),
            funders: at(&funders),
            countries: at(&countries),
            regions: at(&regions),
            evidence,
        });
    }
    Ok(listed)
}

/// A fact row of a listed project, its sentence still to be read.
struct FactRow {
    project_id: String,
    evidence_id: i64,
    evidence: ListedEvidence,
}

/// The facts of the projects `wanted`, in the order the report shows
/// them: organisations (funders first), places, then regions named in
/// words (a region reached through a country code is shown by its place).
fn read_facts(dir: &Path, wanted: &HashSet<&str>) -> Result<Vec<FactRow>, TableError> {
    let mut rows = Vec::new();
    let columns = [
        "project_id",
        "organisation",
        "donor_code",
        "role",
        "mention",
        "evidence_id",
    ];
    let mut organisations =
        matching_facts(dir, "project_organisations", &columns, wanted, |c, r| {
            format!("{} ({})", c["organisation"][r], c["donor_code"][r])
        })?;
    organisations.sort_by_key(|f| f.evidence.role != "funder");
    rows.extend(organisations);
    let columns = [
        "project_id",
        "name",
        "iso3",
        "role",
        "mention",
        "evidence_id",
    ];
    rows.extend(matching_facts(
        dir,
        "project_places",
        &columns,
        wanted,
        |c, r| format!("{} ({})", c["name"][r], c["iso3"][r]),
    )?);
    let columns = ["project_id", "region", "via", "evidence_id"];
    let regions = matching_facts(dir, "project_regions", &columns, wanted, |c, r| {
        c["region"][r].clone()
    })?;
    rows.extend(
        regions
            .into_iter()
            .filter(|f| f.evidence.mention.chars().any(char::is_lowercase)),
    );
    Ok(rows)
}

/// Rows of a fact table read at a time: a table of a million projects
/// has millions of rows, of which the listed projects own a few.
const FACT_ROWS_AT_A_TIME: usize = 1 << 16;

/// The rows of fact table `table` that belong to `wanted` projects (the
/// first projects written), read `FACT_ROWS_AT_A_TIME` rows at a time up
/// to the first row of another project, so that the table is never held
/// whole as text; `fact` names the fact from the row's columns.
fn matching_facts(
    dir: &Path,
    table: &str,
    columns: &[&str],
    wanted: &HashSet<&str>,
    fact: impl Fn(&HashMap<&str, Vec<String>>, usize) -> String,
) -> Result<Vec<FactRow>, TableError> {
    let path = dir.join(format!("{table}.parquet"));
    let open = || {
        File::open(&path).map_err(|source| TableError::Io {
            path: path.clone(),
            source,
        })
    };
    let total = ParquetReader::new(open()?)
        .num_rows()
        .map_err(|cause| read_error(dir, table, cause.to_string()))?;
    let mut rows = Vec::new();
    for offset in (0..total).step_by(FACT_ROWS_AT_A_TIME) {
        let frame = ParquetReader::new(open()?)
            .with_columns(Some(columns.iter().map(|c| c.to_string()).collect()))
            .with_slice(Some((offset, FACT_ROWS_AT_A_TIME)))
            .finish()
            .map_err(|cause| read_error(dir, table, cause.to_string()))?;
        let project_ids = texts(dir, table, &frame, "project_id")?;
        let listed = project_ids
            .iter()
            .take_while(|id| wanted.contains(id.as_str()))
            .count();
        rows.extend(fact_rows(dir, table, &frame.slice(0, listed), &fact)?);
        if listed < frame.height() {
            break;
        }
    }
    Ok(rows)
}

/// The rows of one fact table, each a fact of a listed project; `fact`
/// names the fact from the row's columns. A table without `role` or
/// `mention` (regions) takes `region` and its `via`.
fn fact_rows(
    dir: &Path,
    table: &str,
    frame: &DataFrame,
    fact: impl Fn(&HashMap<&str, Vec<String>>, usize) -> String,
) -> Result<Vec<FactRow>, TableError> {
    let mut columns: HashMap<&str, Vec<String>> = HashMap::new();
    for name in frame.get_column_names() {
        let name = name.as_str();
        if name != "evidence_id" {
            columns.insert(name, texts(dir, table, frame, name)?);
        }
    }
    let ids =
        column_numbers(frame, "evidence_id").map_err(|cause| read_error(dir, table, cause))?;
    let project_ids = columns.get("project_id").cloned().unwrap_or_default();
    let empty = Vec::new();
    let roles = columns.get("role").unwrap_or(&empty);
    let mentions = columns
        .get("mention")
        .or(columns.get("via"))
        .unwrap_or(&empty);
    let mut rows = Vec::new();
    for (r, project_id) in project_ids.into_iter().enumerate() {
        rows.push(FactRow {
            project_id,
            evidence_id: ids.get(r).copied().flatten().unwrap_or_default() as i64,
            evidence: ListedEvidence {
                fact: fact(&columns, r),
                role: roles.get(r).cloned().unwrap_or_else(|| "region".into()),
                mention: mentions.get(r).cloned().unwrap_or_default(),
                sentence: String::new(),
                line: 0,
            },
        });
    }
    Ok(rows)
}

/// Line and text of every sentence with an id up to `last`.
fn read_sentences(dir: &Path, last: i64) -> Result<BTreeMap<i64, (usize, String)>, TableError> {
    let rows = usize::try_from(last).unwrap_or(0);
    let frame = read(
        dir,
        "evidence",
        &["evidence_id", "line", "text"],
        Some(rows),
    )?;
    let ids = column_numbers(&frame, "evidence_id")
        .map_err(|cause| read_error(dir, "evidence", cause))?;
    let lines =
        column_numbers(&frame, "line").map_err(|cause| read_error(dir, "evidence", cause))?;
    let texts = texts(dir, "evidence", &frame, "text")?;
    Ok(ids
        .into_iter()
        .zip(lines)
        .zip(texts)
        .filter_map(|((id, line), text)| Some((id? as i64, (line.unwrap_or(0.0) as usize, text))))
        .collect())
}

/// The columns `columns` of `dir/TABLE.parquet`, only its first `rows`
/// rows when given.
fn read(
    dir: &Path,
    table: &str,
    columns: &[&str],
    rows: Option<usize>,
) -> Result<DataFrame, TableError> {
    let path = dir.join(format!("{table}.parquet"));
    let file = File::open(&path).map_err(|source| TableError::Io {
        path: path.clone(),
        source,
    })?;
    ParquetReader::new(file)
        .with_columns(Some(columns.iter().map(|c| c.to_string()).collect()))
        .with_slice(rows.map(|rows| (0, rows)))
        .finish()
        .map_err(|cause| read_error(dir, table, cause.to_string()))
}

fn texts(
    dir: &Path,
    table: &str,
    frame: &DataFrame,
    name: &str,
) -> Result<Vec<String>, TableError> {
    column_texts(frame, name).map_err(|cause| read_error(dir, table, cause))
}

/// A list column as text, its items joined with `, `.
fn joined(dir: &Path, frame: &DataFrame, name: &str) -> Result<Vec<String>, TableError> {
    let column = frame
        .column(name)
        .map_err(|cause| read_error(dir, "projects", cause.to_string()))?;
    let lists = column
        .list()
        .map_err(|cause| read_error(dir, "projects", cause.to_string()))?;
    let mut joined = Vec::with_capacity(lists.len());
    for row in 0..lists.len() {
        let items = match lists.get_as_series(row) {
            Some(series) => {
                let strings = series
                    .str()
                    .map_err(|cause| read_error(dir, "projects", cause.to_string()))?
                    .iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                strings
            }
            None => String::new(),
        };
        joined.push(items);
    }
    Ok(joined)
}

fn read_error(dir: &Path, table: &str, cause: String) -> TableError {
    TableError::Read {
        path: dir.join(format!("{table}.parquet")),
        cause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{TableFormats, TableSink};
    use normalise::Project;

    fn projects() -> Vec<Project> {
        let reference = normalise::Reference::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"),
        )
        .unwrap();
        let text = "Projects\n\n1. Decent work in Nepal and Bhutan\n\n2007 - 2009\n\n\
                    Implemented by the ILO and funded by Japan in Nepal and Bhutan.\n\n\
                    2. Skills in Kenya\n\n2012 - 2015\n\nSupported by the European Union.\n\n\
                    3. Rights across West Africa\n\n2016 - 2018\n\nNo funder named.\n";
        let listing = ingest::parse_listing("a.txt", text.as_bytes()).unwrap();
        normalise::normalise(
            &reference,
            listing.projects,
            "2026-01-01".parse().unwrap(),
            &mut Vec::new(),
        )
    }

    /// The facts of a project as the report lists them, straight from the
    /// normalised project: what reading them back must give.
    fn expected(project: &Project) -> Vec<ListedEvidence> {
        let facts = &project.facts;
        let mut organisations: Vec<ListedEvidence> = facts
            .organisations
            .iter()
            .map(|o| ListedEvidence {
                fact: format!("{} ({})", o.name, o.code),
                role: o.role.as_str().into(),
                mention: o.mention.clone(),
                sentence: o.evidence.sentence.to_string(),
                line: o.evidence.line,
            })
            .collect();
        organisations.sort_by_key(|e| e.role != "funder");
        let places = facts.places.iter().map(|p| ListedEvidence {
            fact: format!("{} ({})", p.name, p.alpha3),
            role: p.role.as_str().into(),
            mention: p.mention.clone(),
            sentence: p.evidence.sentence.to_string(),
            line: p.evidence.line,
        });
        let regions = facts
            .regions
            .iter()
            .filter(|r| r.via.chars().any(char::is_lowercase))
            .map(|r| ListedEvidence {
                fact: r.region.to_string(),
                role: "region".into(),
                mention: r.via.to_string(),
                sentence: r.evidence.sentence.to_string(),
                line: r.evidence.line,
            });
        organisations
            .into_iter()
            .chain(places)
            .chain(regions)
            .collect()
    }

    #[test]
    fn listed_projects_read_back_the_facts_and_sentences_the_projects_hold() {
        let dir = tempfile::tempdir().unwrap();
        let projects = projects();
        assert_eq!(projects.len(), 3);
        let mut sink = TableSink::create(dir.path(), None, TableFormats::default()).unwrap();
        // Batches of one and two projects: evidence ids run on across them.
        for batch in [&projects[..1], &projects[1..]] {
            let readings: Vec<(String, String)> = batch
                .iter()
                .map(|p| (p.id.clone(), format!("a.txt#{}", p.raw.ordinal)))
                .collect();
            sink.write_batch(batch, &readings).unwrap();
        }
        sink.finish().unwrap();

        let listed = listed_projects(dir.path(), 2).unwrap();
        assert_eq!(listed.len(), 2, "only the first two are listed");
        for (project, listed) in projects.iter().zip(&listed) {
            assert_eq!(listed.id, project.id);
            assert_eq!(listed.title, project.title);
            assert_eq!(listed.funders, project.funder_codes().join(", "));
            assert_eq!(listed.countries, project.country_codes().join(", "));
            assert_eq!(listed.evidence, expected(project), "{}", project.title);
        }
        let first = &listed[0];
        assert_eq!(first.evidence[0].role, "funder", "funders come first");
        assert!(first.evidence[0].sentence.contains("funded by Japan"));
        assert_eq!(first.source, "a.txt#1");
        assert_eq!(first.start, "2007-01-01");
        assert!(listed[1]
            .evidence
            .iter()
            .any(|e| e.fact == "European Union (EU)"));
    }
}
