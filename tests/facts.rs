//! The tables hold the facts extraction found: every funder, organisation,
//! place and region of every project, each with the sentence it was read
//! from. Compared as facts (sets of tuples), not bytes, so a change in how
//! the tables store them (evidence once, ids, formats) cannot lose or
//! change a fact unnoticed.

mod common;

use common::{jsonl, root, shipped_listing, text};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

/// `(project id, kind, what, role, printed as, sentence, line)`.
type Fact = (String, &'static str, String, String, String, String, u64);

/// The facts normalisation gives for `listing`, straight from the
/// projects.
fn expected(name: &str, listing: &str) -> BTreeSet<Fact> {
    let reference = normalise::Reference::builtin().unwrap();
    let parsed = ingest::parse_listing(name, listing.as_bytes()).unwrap();
    let projects = normalise::normalise(
        &reference,
        parsed.projects,
        "2026-01-01".parse().unwrap(),
        &mut Vec::new(),
    );
    let mut facts = BTreeSet::new();
    for p in &projects {
        for o in &p.facts.organisations {
            facts.insert((
                p.id.clone(),
                "organisation",
                o.code.to_string(),
                o.role.as_str().to_string(),
                o.mention.clone(),
                o.evidence.sentence.to_string(),
                o.evidence.line as u64,
            ));
        }
        for place in &p.facts.places {
            facts.insert((
                p.id.clone(),
                "place",
                place.alpha3.to_string(),
                place.role.as_str().to_string(),
                place.mention.clone(),
                place.evidence.sentence.to_string(),
                place.evidence.line as u64,
            ));
        }
        for r in &p.facts.regions {
            facts.insert((
                p.id.clone(),
                "region",
                r.region.to_string(),
                String::new(),
                r.via.to_string(),
                r.evidence.sentence.to_string(),
                r.evidence.line as u64,
            ));
        }
    }
    facts
}

/// The facts the run's JSON Lines tables hold, each joined with its
/// sentence.
fn written(out: &Path) -> BTreeSet<Fact> {
    let table = |name: &str| jsonl(&out.join(format!("tables/{name}.jsonl")));
    let sentences: HashMap<u64, (String, u64)> = table("evidence")
        .into_iter()
        .map(|e| {
            (
                e["evidence_id"].as_u64().unwrap(),
                (
                    e["text"].as_str().unwrap().to_string(),
                    e["line"].as_u64().unwrap(),
                ),
            )
        })
        .collect();
    let s = |row: &serde_json::Value, key: &str| row[key].as_str().unwrap_or("").to_string();
    let mut facts = BTreeSet::new();
    for (name, kind, what, role, mention) in [
        (
            "project_organisations",
            "organisation",
            "donor_code",
            "role",
            "mention",
        ),
        ("project_places", "place", "iso3", "role", "mention"),
        ("project_regions", "region", "region", "", "via"),
    ] {
        for row in table(name) {
            let (sentence, line) = sentences[&row["evidence_id"].as_u64().unwrap()].clone();
            facts.insert((
                s(&row, "project_id"),
                kind,
                s(&row, what),
                if role.is_empty() {
                    String::new()
                } else {
                    s(&row, role)
                },
                s(&row, mention),
                sentence,
                line,
            ));
        }
    }
    facts
}

fn run(dir: &Path, listing: &str, name: &str) -> std::path::PathBuf {
    std::fs::write(dir.join(name), listing).unwrap();
    // No corrections, the built-in tables: the facts as extracted.
    std::fs::write(
        dir.join("devcoop.toml"),
        "reference_date = \"2026-01-01\"\noverrides = \"none.csv\"\ntable_formats = [\"csv\", \"jsonl\", \"parquet\"]\n",
    )
    .unwrap();
    let result = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args(["run", "--quiet", "--input", name, "--out", "out"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", text(&result.stderr));
    dir.join("out")
}

fn synthetic(layout: &str, projects: &str) -> String {
    let result = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args([
            "synth",
            "--projects",
            projects,
            "--seed",
            "7",
            "--layout",
            layout,
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", text(&result.stderr));
    String::from_utf8(result.stdout).unwrap()
}

#[test]
fn the_tables_hold_exactly_the_facts_extraction_found() {
    let listings = [
        ("shipped.txt", shipped_listing()),
        ("numbered.txt", synthetic("numbered", "300")),
        ("fields.txt", synthetic("fields", "300")),
        ("table.txt", synthetic("table", "300")),
    ];
    for (name, listing) in listings {
        let dir = tempfile::tempdir().unwrap();
        let out = run(dir.path(), &listing, name);
        let expected = expected(name, &listing);
        assert!(expected.len() > 10, "{name}: facts to compare");
        let written = written(&out);
        let lost: Vec<_> = expected.difference(&written).take(5).collect();
        let added: Vec<_> = written.difference(&expected).take(5).collect();
        assert!(
            lost.is_empty() && added.is_empty(),
            "{name}: lost {lost:#?}\nadded {added:#?}"
        );
    }
}
