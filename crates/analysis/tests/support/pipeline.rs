//! The whole path from listing bytes to table rows, and what it promises
//! for any input: shared by the property test (`tests/pipeline.rs`) and
//! the fuzz target (`fuzz/fuzz_targets/pipeline.rs`), which includes this
//! file by path. The including crate names the crates `ingest`,
//! `normalise` and `analysis` at its root.

use crate::{analysis, ingest, normalise};
use std::collections::HashSet;

/// The reference date of every check: fixed, so a failure replays.
pub fn reference_date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date")
}

/// The shipped reference tables (`data/reference`).
pub fn load_reference(repository_root: &std::path::Path) -> normalise::Reference {
    normalise::Reference::load(&repository_root.join("data/reference"))
        .expect("the shipped reference tables load")
}

/// What one listing gave, for a caller that wants to look further.
#[allow(dead_code)]
pub struct Through {
    pub raw_projects: usize,
    pub projects: Vec<normalise::Project>,
}

/// Reads `data` as a listing, normalises its projects and builds every
/// table, checking on the way that
/// - nothing panics, and a listing either is refused (empty, binary, not
///   UTF-8) or gives projects;
/// - every project read is one `projects` row: projects merged as the
///   same one keep every source, and ids are distinct;
/// - every fact's evidence is a sentence of one segment, so its span
///   indexes the input and its bytes are the sentence, on the line named;
/// - each fact table has one row per fact (years and corridors as
///   counted from the projects), and its evidence cells are the bytes
///   their span columns point at.
///
/// `None` when the listing is refused.
pub fn check_listing(reference: &normalise::Reference, data: &[u8]) -> Option<Through> {
    let listing = ingest::parse_listing("input.txt", data).ok()?;
    let raw_projects = listing.projects.len();
    let mut diagnostics = Vec::new();
    let projects = normalise::normalise(
        reference,
        listing.projects,
        reference_date(),
        &mut diagnostics,
    );

    let sources: usize = projects.iter().map(|p| p.sources.len()).sum();
    assert_eq!(sources, raw_projects, "each project read is one source");
    let ids: HashSet<&str> = projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), projects.len(), "project ids are distinct");

    for project in &projects {
        let facts = &project.facts;
        let evidence = facts
            .organisations
            .iter()
            .map(|o| (&o.evidence, o.mention.as_str()))
            .chain(
                facts
                    .places
                    .iter()
                    .map(|p| (&p.evidence, p.mention.as_str())),
            )
            .chain(facts.regions.iter().map(|r| (&r.evidence, r.via)))
            .chain(
                facts
                    .amounts
                    .iter()
                    .map(|a| (&a.evidence, a.mention.as_str())),
            );
        for (evidence, mention) in evidence {
            check_evidence(data, evidence, mention);
        }
    }

    let tables = analysis::build_tables(&projects).expect("tables build");
    let names: Vec<&str> = tables.iter().map(|(name, _)| *name).collect();
    let expected: Vec<&str> = analysis::TABLES.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, expected);
    let sum = |count: fn(&normalise::Project) -> usize| projects.iter().map(count).sum::<usize>();
    for (name, frame) in &tables {
        let rows = match *name {
            "projects" => projects.len(),
            "project_sources" => raw_projects,
            "evidence" => sum(sentences),
            "project_fields" => sum(|p| p.raw.fields.len()),
            "project_organisations" => sum(|p| p.facts.organisations.len()),
            "project_places" => sum(|p| p.facts.places.len()),
            "project_regions" => sum(|p| p.facts.regions.len()),
            "project_years" => sum(years),
            "corridors" => sum(corridors),
            "project_budgets" => sum(|p| p.facts.amounts.len()),
            other => panic!("a table the check does not know: {other}"),
        };
        assert_eq!(frame.height(), rows, "rows of {name}");
        if *name == "projects" {
            let column = analysis::column_texts(frame, "id").expect("id column");
            let in_order: Vec<&str> = projects.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(column, in_order, "one projects row per project, in order");
        } else if *name != "evidence" {
            let column = analysis::column_texts(frame, "project_id").expect("project_id column");
            assert!(column.iter().all(|id| ids.contains(id.as_str())), "{name}");
        }
        if *name == "evidence" {
            check_evidence_table(frame, data);
        }
    }
    // Every fact names a sentence of the evidence table.
    let evidence_ids: HashSet<String> = tables
        .iter()
        .find(|(name, _)| *name == "evidence")
        .map(|(_, frame)| analysis::column_texts(frame, "evidence_id").expect("evidence_id"))
        .unwrap_or_default()
        .into_iter()
        .collect();
    for (name, frame) in &tables {
        if *name != "evidence" && frame.column("evidence_id").is_ok() {
            let ids = analysis::column_texts(frame, "evidence_id").expect("evidence_id");
            assert!(
                ids.iter().all(|id| evidence_ids.contains(id)),
                "{name}: a sentence not stored"
            );
        }
    }
    Some(Through {
        raw_projects,
        projects,
    })
}

/// Evidence is always a sentence of one passage (a title, a field's value,
/// a paragraph or a group's heading, its lines joined by one space): its span's bytes are
/// the sentence but for each line break and the white space around it,
/// and it starts on `line`.
fn check_evidence(data: &[u8], evidence: &normalise::extract::Evidence, mention: &str) {
    let span = evidence.span;
    assert!(
        span.start <= span.end && span.end <= data.len(),
        "span {span:?} of `{}` outside {} bytes",
        evidence.sentence,
        data.len()
    );
    assert_eq!(
        lines_joined(&data[span.start..span.end]),
        evidence.sentence.as_bytes(),
        "the span's bytes are the sentence"
    );
    assert!(!evidence.sentence.contains('\n'), "one line: {evidence:?}");
    let line = 1 + data[..span.start].iter().filter(|&&b| b == b'\n').count();
    assert_eq!(evidence.line, line, "the line of {evidence:?}");
    // Read from the project's own text, or from the heading of its group
    // (its places, where it names none).
    assert!(
        matches!(evidence.origin, "text" | "section"),
        "{evidence:?}"
    );
    assert!(
        !mention.is_empty(),
        "a fact names what it read: {evidence:?}"
    );
}

/// The sentences a project's facts were read from, each once.
fn sentences(project: &normalise::Project) -> usize {
    let facts = &project.facts;
    let spans: HashSet<(usize, usize)> = facts
        .organisations
        .iter()
        .map(|o| &o.evidence)
        .chain(facts.places.iter().map(|p| &p.evidence))
        .chain(facts.regions.iter().map(|r| &r.evidence))
        .chain(facts.amounts.iter().map(|a| &a.evidence))
        .map(|e| (e.span.start, e.span.end))
        .collect();
    spans.len()
}

fn check_evidence_table(frame: &analysis::DataFrame, data: &[u8]) {
    let name = "evidence";
    let texts = analysis::column_texts(frame, "text").expect("text");
    let starts = analysis::column_numbers(frame, "span_start").expect("span_start");
    let ends = analysis::column_numbers(frame, "span_end").expect("span_end");
    for ((text, start), end) in texts.iter().zip(&starts).zip(&ends) {
        let (start, end) = (
            start.expect("a span start") as usize,
            end.expect("a span end") as usize,
        );
        assert_eq!(
            data.get(start..end).map(lines_joined),
            Some(text.as_bytes().to_vec()),
            "{name}: evidence cell and its span"
        );
    }
}

/// Calendar years a project runs in, as `project_years` counts them.
fn years(project: &normalise::Project) -> usize {
    use chrono::Datelike;
    let Some(start) = project.dates.start else {
        return 0;
    };
    let first = start.date.year();
    let last = project
        .dates
        .end
        .map_or(first, |e| e.date.year())
        .max(first);
    (last - first + 1) as usize
}

/// Origin and destination pairs read from the same sentence.
fn corridors(project: &normalise::Project) -> usize {
    use normalise::extract::PlaceRole;
    let places = &project.facts.places;
    places
        .iter()
        .filter(|o| o.role == PlaceRole::Origin)
        .map(|o| {
            places
                .iter()
                .filter(|d| d.role == PlaceRole::Destination && d.evidence.span == o.evidence.span)
                .count()
        })
        .sum()
}

/// `bytes` with each line break, and the white space around it (any that
/// a line's trimming removes: a carriage return or a vertical tab too),
/// read as one space: how a passage's lines are joined.
fn lines_joined(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    let last = lines.len() - 1;
    let trimmed: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| match (i == 0, i == last) {
            (true, true) => line,
            (true, false) => line.trim_end(),
            (false, true) => line.trim_start(),
            (false, false) => line.trim(),
        })
        .collect();
    trimmed.join(" ").into_bytes()
}
