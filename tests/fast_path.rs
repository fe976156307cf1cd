//! The scale work must not change what a run writes: every output file of a
//! fixed run is compared with a fingerprint recorded before the fast path
//! (`tests/snapshots/fast_path.txt`).
//!
//! CSV, JSON Lines, SVG, PNG, HTML and JSON files are compared byte for
//! byte. A Parquet file is compared by its content (decoded and printed as
//! CSV), because how rows are grouped inside the file is the writer's
//! business, not the table's.
//!
//! After an intended change of the outputs, record the new fingerprints
//! with `DEVCOOP_BLESS=1 cargo test --release --test fast_path` and say
//! why in the commit.

mod common;

use common::{project_folder, root};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::process::Command;

const SNAPSHOT: &str = "tests/snapshots/fast_path.txt";

/// What a file holds: its bytes, or for Parquet its rows printed as CSV.
fn content(path: &Path) -> Vec<u8> {
    if path.extension().is_some_and(|e| e == "parquet") {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let tables = analysis::read_tables(path.parent().unwrap()).unwrap();
        let (_, mut frame) = tables.into_iter().find(|(name, _)| *name == stem).unwrap();
        let mut csv = Vec::new();
        analysis::write_csv_to(&mut csv, &mut frame).unwrap();
        csv
    } else {
        std::fs::read(path).unwrap()
    }
}

fn fingerprints(out: &Path) -> String {
    let mut files = common::files_under(out);
    files.sort();
    let mut lines = String::new();
    for file in files {
        let digest = Sha256::digest(content(&file));
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        let relative = file.strip_prefix(out).unwrap().to_string_lossy();
        lines.push_str(&format!("{hex}  {}\n", relative.replace('\\', "/")));
    }
    lines
}

#[test]
fn every_output_is_what_it_was_before_the_fast_path() {
    let dir = tempfile::tempdir().unwrap();
    project_folder(dir.path());
    let run = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        // Small pieces and batches: units, rows, row groups and partitions
        // cross their boundaries, inside a listing and between listings,
        // and the shipped listing's second copy meets projects of the first
        // both in its own batch and already written (their sources are
        // added afterwards).
        .args([
            "run",
            "--quiet",
            "--partition-by",
            "source",
            "--batch-projects",
            "7",
            "--piece-bytes",
            "3000",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let actual = fingerprints(&dir.path().join("output"));
    let snapshot = root().join(SNAPSHOT);
    if std::env::var_os("DEVCOOP_BLESS").is_some() {
        std::fs::create_dir_all(snapshot.parent().unwrap()).unwrap();
        std::fs::write(&snapshot, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot)
        .expect("tests/snapshots/fast_path.txt: record it with DEVCOOP_BLESS=1");
    // Line by line, so that a failure names the files that changed.
    let changed: Vec<&str> = actual
        .lines()
        .filter(|line| !expected.lines().any(|e| e == *line))
        .chain(
            expected
                .lines()
                .filter(|line| !actual.lines().any(|a| a == *line)),
        )
        .collect();
    assert!(
        changed.is_empty(),
        "outputs differ from the recorded ones:\n{}",
        changed.join("\n")
    );
    assert!(actual.lines().count() > 40, "{actual}");
}
