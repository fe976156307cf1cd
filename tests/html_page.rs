//! End-to-end: the shipped listing saved as a web page (written for this
//! test from data/raw/labour-migration-projects.txt, with year headings,
//! a navigation, a cookie banner, a footer and scripts) gives the same
//! projects and facts as the text, with its years as sections and its
//! evidence in the page's bytes.

mod common;

use common::{devcoop, jsonl, root, run_into, text};
use serde_json::Value;
use std::path::Path;

const PAGE: &str = "tests/fixtures/labour-migration-projects.html";

/// Where a row was read from, which differs between the text and the page.
const PLACE_KEYS: [&str; 9] = [
    "source",
    "section",
    "line",
    "span_start",
    "span_end",
    "first_line",
    "last_line",
    "evidence_id",
    "anchor",
];

fn rows_without_places(out: &Path, table: &str) -> Vec<Value> {
    jsonl(&out.join(format!("tables/{table}.jsonl")))
        .into_iter()
        .map(|mut row| {
            if let Some(object) = row.as_object_mut() {
                object.retain(|key, _| !PLACE_KEYS.contains(&key.as_str()));
            }
            row
        })
        .collect()
}

#[test]
fn the_shipped_listing_saved_as_a_page_gives_the_same_projects_and_facts() {
    let dir = tempfile::tempdir().unwrap();
    let from_text = dir.path().join("text");
    let from_page = dir.path().join("page");
    let text_run = run_into(
        &from_text,
        &[&root().join("data/raw/labour-migration-projects.txt")],
    );
    assert!(text_run.status.success(), "{}", text(&text_run.stderr));
    let page_run = run_into(&from_page, &[&root().join(PAGE)]);
    assert!(page_run.status.success(), "{}", text(&page_run.stderr));
    for table in [
        "projects",
        "project_fields",
        "project_organisations",
        "project_places",
        "project_regions",
        "corridors",
    ] {
        let expected = rows_without_places(&from_text, table);
        let found = rows_without_places(&from_page, table);
        assert_eq!(found, expected, "{table}");
    }
    let projects = jsonl(&from_page.join("tables/projects.jsonl"));
    assert_eq!(projects.len(), 10);
    let sections: Vec<&str> = projects
        .iter()
        .map(|p| p["section"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        sections,
        ["2009", "2009", "2009", "2008", "2008", "2008", "2008", "2007", "2006", "2006"]
    );
    // Each project links to its place in the saved page.
    let page = std::fs::read_to_string(root().join(PAGE)).unwrap();
    let report = std::fs::read_to_string(from_page.join("report.html")).unwrap();
    for project in &projects {
        let anchor = project["anchor"].as_str().unwrap_or_default();
        assert!(page.contains(&format!("id=\"{anchor}\"")), "{project}");
        let link = format!("labour-migration-projects.html#{anchor}\"");
        assert!(report.contains(&link), "the report links to {link}");
    }
    let text_projects = jsonl(&from_text.join("tables/projects.jsonl"));
    assert!(text_projects.iter().all(|p| p["anchor"].is_null()));
    // Every piece of evidence lies in the page, and its first word is
    // there (the rest may be broken by character references).
    for row in jsonl(&from_page.join("tables/evidence.jsonl")) {
        let start = row["span_start"].as_u64().unwrap() as usize;
        let end = row["span_end"].as_u64().unwrap() as usize;
        let quoted = page.get(start..end).expect("a span in the page");
        let first_word: String = row["text"]
            .as_str()
            .unwrap()
            .chars()
            .skip_while(|c| !c.is_ascii_alphanumeric())
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(quoted.contains(&first_word), "{quoted:?} for {row}");
    }
}

#[test]
fn check_reads_a_saved_page() {
    let result = devcoop(&["check", PAGE]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let shown = text(&result.stdout) + &text(&result.stderr);
    assert!(
        shown.contains("labour-migration-projects.html: 10 projects"),
        "{shown}"
    );
}
