//! What a run writes does not depend on how it reads and writes: small
//! pieces of text and small batches of projects give the files one piece
//! and the default batches give, Parquet only gives the same Parquet, and a
//! listing whose layout shows late gives what one piece gives. The shape of
//! the output (its files, the tables' columns, their first rows) is kept
//! in insta snapshots (`tests/snapshots/`): a change of shape shows in the
//! diff of a snapshot, reviewed with `cargo insta review` (or accepted with
//! `INSTA_UPDATE=always`).
//!
//! CSV, JSON Lines, SVG, PNG, HTML and JSON files are compared byte for
//! byte. A Parquet file is compared by its content (decoded and printed as
//! CSV), because how rows are grouped inside the file is the writer's
//! business, not the table's.

mod common;

use common::project_folder;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::process::Command;

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

/// Runs the fixed project folder with `more_args` (every table also
/// partitioned by source); the folder and the fingerprints of its output.
fn fixed_run(more_args: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    project_folder(dir.path());
    let run = Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args(["run", "--quiet", "--partition-by", "source"])
        .args(more_args)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let fingerprints = fingerprints(&dir.path().join("output"));
    (dir, fingerprints)
}

/// Small pieces and batches: units, rows, row groups and partitions cross
/// their boundaries, inside a listing and between listings, and the
/// shipped listing's second copy meets projects of the first both in its
/// own batch and already written.
const SMALL: [&str; 4] = ["--batch-projects", "7", "--piece-bytes", "3000"];

/// The names of the files under `out`, one a line.
fn file_names(out: &Path) -> String {
    let mut names: Vec<String> = common::files_under(out)
        .iter()
        .map(|f| {
            f.strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    names.sort();
    names.join("\n")
}

/// A CSV line with each cell cut to its first 24 characters: the shape of
/// a row, not the listing's sentences (the files themselves are compared
/// whole by their fingerprints).
fn cells_cut(line: &str) -> String {
    const KEEP: usize = 24;
    let mut out = String::new();
    let (mut quoted, mut in_cell) = (false, 0usize);
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => in_cell = 0,
            _ => in_cell += 1,
        }
        if c == '"' || (c == ',' && !quoted) || in_cell <= KEEP {
            out.push(c);
        } else if in_cell == KEEP + 1 {
            out.push('…');
        }
    }
    out
}

/// The header and first rows of every table's CSV: the tables' shape.
fn table_heads(out: &Path) -> String {
    let mut heads = String::new();
    let mut files = common::files_under(&out.join("tables"));
    files.retain(|f| f.extension().is_some_and(|e| e == "csv"));
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file
            .strip_prefix(out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        heads.push_str(&format!("== {name}\n"));
        let mut lines = text.lines();
        // The header whole, the first rows cut.
        heads.push_str(lines.next().unwrap_or_default());
        heads.push('\n');
        for line in lines.take(3) {
            heads.push_str(&cells_cut(line));
            heads.push('\n');
        }
    }
    heads
}

#[test]
fn small_pieces_and_batches_write_what_one_piece_and_the_default_batches_write() {
    let (dir, small) = fixed_run(&SMALL);
    let (_, default) = fixed_run(&[]);
    assert_eq!(small, default);
    assert!(small.lines().count() > 40, "{small}");
    let out = dir.path().join("output");
    insta::assert_snapshot!("output_files", file_names(&out));
    insta::assert_snapshot!("table_heads", table_heads(&out));
    insta::assert_snapshot!(
        "datapackage",
        std::fs::read_to_string(out.join("datapackage.json")).unwrap()
    );
}

#[test]
fn parquet_only_writes_the_same_parquet_and_no_csv_or_jsonl_tables() {
    let (dir, actual) = fixed_run(&["--formats", "parquet"]);
    let (_, every_format) = fixed_run(&[]);
    let out = dir.path().join("output");
    let is_table_text = |path: &str| {
        path.starts_with("tables/")
            && !path.starts_with("tables/analysis/")
            && (path.ends_with(".csv") || path.ends_with(".jsonl"))
    };
    // Only the package and the report name the files they point to.
    let points_to_files = |path: &str| path == "datapackage.json" || path == "report.html";
    let mut compared = 0;
    for line in every_format.lines() {
        let path = line.split_once("  ").unwrap().1;
        if is_table_text(path) {
            assert!(!out.join(path).exists(), "{path} is written");
        } else if !points_to_files(path) {
            assert!(actual.lines().any(|a| a == line), "{path} differs");
            compared += 1;
        }
    }
    assert!(compared > 30, "{compared} files compared");
    assert_eq!(
        actual.lines().count(),
        every_format
            .lines()
            .filter(|l| !is_table_text(l.split_once("  ").unwrap().1))
            .count()
    );

    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("datapackage.json")).unwrap())
            .unwrap();
    let projects = &package["resources"][0];
    assert_eq!(projects["name"], "projects");
    assert_eq!(projects["path"], "tables/projects.parquet");
    assert_eq!(projects["format"], "parquet");
    assert!(projects.get("encoding").is_none());
    for resource in package["resources"].as_array().unwrap() {
        let path = resource["path"].as_str().unwrap();
        assert!(out.join(path).is_file(), "{path} is not written");
    }
    // More projects than the report lists: it says which file holds them.
    let report = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        report.contains("more projects are in <code>tables/projects.parquet</code>"),
        "the report points to files that are not written"
    );
    assert!(report.contains("the sentence behind each in <code>tables/evidence.parquet</code>"));
    assert!(!report.contains("tables/projects.csv"));
}

/// A run learns each listing's layout from its first pieces while it
/// reads. A listing whose first pieces mislead (labelled titles with no
/// date line for 20 kB, then one dated numbered title) makes the run start
/// again with the layout learnt first: every output is the one a single
/// piece gives.
#[test]
fn a_layout_that_shows_late_gives_the_output_of_one_piece() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Projects on labour migration\n\n");
    for i in 1..=200 {
        text.push_str(&format!(
            "Labour migration statistics {i}\n\nDonor: Japan\n\nCountry: Nepal\n\n\
             Objective: better data on migrant workers.\n\n"
        ));
    }
    text.push_str("201. Fair recruitment\n\n1 June 2007 - 30 June 2009\n\nFunded by the EU.\n");
    let input = common::listings_in(dir.path(), "in", &[("late.txt", &text)]);
    let run = |out: &str, piece_bytes: &str| {
        let out = dir.path().join(out);
        let run = common::run_with(&["--piece-bytes", piece_bytes], &out, &[&input]);
        let stderr = common::text(&run.stderr);
        assert!(run.status.success(), "{stderr}");
        (fingerprints(&out), stderr)
    };
    let (one_piece, quiet) = run("one", "1000000");
    let (small_pieces, told) = run("small", "64");
    assert_eq!(small_pieces, one_piece);
    assert!(one_piece.lines().count() > 30, "{one_piece}");
    // Why the run took longer is said, and only when it did.
    let note = "late.txt: the layout learnt from its first pieces changed further on: \
                every listing was read again with its layout learnt first";
    assert!(told.contains(note), "{told}");
    assert!(!quiet.contains("read again"), "{quiet}");
}
