//! The shared gold corpus (`../shared/corpus` beside the project root):
//! ingest must find exactly the projects the gold files list, with the same
//! titles, in the same order. Without the corpus these tests pass with
//! nothing compared, unless `DEVCOOP_REQUIRE_CORPUS` is set (as CI sets
//! it): then a missing corpus fails them.

mod pieces;

use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let present = dir.join("gold").is_dir();
    assert!(
        present || std::env::var_os("DEVCOOP_REQUIRE_CORPUS").is_none(),
        "{}: the shared corpus is missing and DEVCOOP_REQUIRE_CORPUS is set",
        dir.display()
    );
    present.then_some(dir)
}

#[test]
fn every_gold_project_is_found_with_its_title() {
    let Some(dir) = corpus_dir() else {
        eprintln!("shared corpus not present: nothing to compare");
        return;
    };
    let mut mistakes = Vec::new();
    let mut compared = 0;
    let mut gold_files: Vec<_> = std::fs::read_dir(dir.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    gold_files.sort();
    for gold_path in gold_files {
        let gold: Vec<serde_json::Value> = std::fs::read_to_string(&gold_path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let source = gold[0]["source"].as_str().unwrap().to_string();
        let bytes = std::fs::read(dir.join("raw").join(&source)).unwrap();
        let listing = pieces::parse_checked(&source, &bytes).unwrap();
        let found: Vec<String> = listing.projects.iter().map(|p| p.title_text()).collect();
        let expected: Vec<String> = gold
            .iter()
            .map(|g| g["title"].as_str().unwrap().to_string())
            .collect();
        compared += expected.len();
        if found != expected {
            mistakes.push(format!(
                "{source}:\n  expected {expected:#?}\n  found {found:#?}"
            ));
        }
    }
    assert!(compared > 0);
    assert!(mistakes.is_empty(), "{}", mistakes.join("\n"));
}
