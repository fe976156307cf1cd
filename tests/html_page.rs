//! End-to-end: the shipped listing saved as a web page (written by this
//! test from data/raw/labour-migration-projects.txt, with year headings,
//! a navigation, a cookie banner, a footer and scripts) gives the same
//! projects and facts as the text, with its years as sections and its
//! evidence in the page's bytes.

mod common;

use common::{devcoop, jsonl, root, run_into, text};
use serde_json::Value;
use std::path::{Path, PathBuf};

const PAGE_NAME: &str = "labour-migration-projects.html";

/// The page's text as HTML: `&`, `<`, `>` escaped, and curly quotes and
/// apostrophes written as character references, as many sites do.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('‘', "&lsquo;")
        .replace('’', "&rsquo;")
        .replace('\'', "&#39;")
}

/// The shipped listing as its site would serve it: each group of numbered
/// projects (its numbers restart at 1) under a heading naming the year
/// its first project ends, each project an `<li>` with an `id`, inside
/// the furniture a saved page carries. Written into `dir`.
fn saved_page(dir: &Path) -> PathBuf {
    let listing =
        std::fs::read_to_string(root().join("data/raw/labour-migration-projects.txt")).unwrap();
    // Each project: title, date line, description.
    let mut groups: Vec<Vec<[String; 3]>> = Vec::new();
    let mut lines = listing
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .skip(1);
    while let Some(numbered) = lines.next() {
        let (number, title) = numbered.split_once(". ").expect("a numbered title");
        let dates = lines.next().expect("a date line").to_string();
        let description = lines.next().expect("a description").to_string();
        if number == "1" {
            groups.push(Vec::new());
        }
        groups
            .last_mut()
            .expect("a group")
            .push([title.to_string(), dates, description]);
    }
    let mut main = String::from("<main id=\"content\">\n<h1>Projects on labour migration</h1>\n");
    for group in &groups {
        let year = &group[0][1][group[0][1].len() - 4..];
        main += &format!("\n<h2 id=\"year-{year}\">{year}</h2>\n<ol>\n");
        for (k, [title, dates, description]) in group.iter().enumerate() {
            main += &format!(
                "  <li id=\"project-{year}-{}\">\n    <h3>{}</h3>\n    <p class=\"dates\">{}</p>\n    <p>{}</p>\n  </li>\n",
                k + 1,
                escape(title),
                escape(dates),
                escape(description)
            );
        }
        main += "</ol>\n";
    }
    main += "</main>\n";
    let page = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Projects on labour migration | Example <script>alert(1)</script> site</title>
<style>li {{ margin: 1em }} h2::before {{ content: "Year " }}</style>
<script>
  // Counts items: if (a < b && c > d) document.write("<li>1. Not a project</li>");
  var menu = "<ul><li>Home</li></ul>";
</script>
</head>
<body>
<div id="cookie-banner" class="cookie-notice">
  <p>This site keeps small files on your computer to remember your choices.</p>
  <button>Accept all</button>
</div>
<header class="site-header">
  <a href="/">Example Labour Office</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/topics">Topics</a></li>
      <li><a href="/projects">Projects</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/projects">Projects</a></li><li>Labour migration</li></ol></nav>
{main}<aside><h2>Related</h2><ul><li>Other projects on decent work</li></ul></aside>
<footer>
  <p>&copy; Example Labour Office. All rights reserved.</p>
  <ul class="footer-links"><li><a href="/contact">Contact</a></li></ul>
</footer>
<script src="/analytics.js"></script>
<script>document.querySelectorAll("li").forEach(function (li) {{ li.title = "1 January 2007 - 31 January 2008"; }});</script>
</body>
</html>
"#
    );
    let path = dir.join(PAGE_NAME);
    std::fs::write(&path, page).unwrap();
    path
}

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
    let page_path = saved_page(dir.path());
    let page_run = run_into(&from_page, &[&page_path]);
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
    let page = std::fs::read_to_string(&page_path).unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    let page = saved_page(dir.path());
    let result = devcoop(&["check", page.to_str().unwrap()]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let shown = text(&result.stdout) + &text(&result.stderr);
    assert!(
        shown.contains("labour-migration-projects.html: 10 projects"),
        "{shown}"
    );
}
