//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpus` beside the project root when it is there. Tests that
/// need it pass with nothing compared without it, unless
/// `DEVCOOP_REQUIRE_CORPUS` is set (as CI sets it): then they fail.
#[allow(dead_code)]
pub fn shared_corpus() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus");
    let present = dir.join("gold").is_dir();
    assert!(
        present || std::env::var_os("DEVCOOP_REQUIRE_CORPUS").is_none(),
        "{}: the shared corpus is missing and DEVCOOP_REQUIRE_CORPUS is set",
        dir.display()
    );
    present.then_some(dir)
}

pub fn devcoop(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_devcoop"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("devcoop runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn run_into(out: &Path, inputs: &[&Path]) -> Output {
    run_with(&[], out, inputs)
}

/// `devcoop run` with `options` (such as `--quiet`), into `out`.
pub fn run_with(options: &[&str], out: &Path, inputs: &[&Path]) -> Output {
    let mut args = vec!["run".to_string()];
    args.extend(options.iter().map(|o| o.to_string()));
    args.extend(["--out".into(), out.display().to_string(), "--input".into()]);
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    devcoop(&args)
}

pub fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The shipped listing's text.
pub fn shipped_listing() -> String {
    std::fs::read_to_string(root().join("data/raw/labour-migration-projects.txt")).unwrap()
}

/// A folder `dir/name` holding one listing per `(file name, text)`.
pub fn listings_in(dir: &Path, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for (file, text) in files {
        std::fs::write(folder.join(file), text).unwrap();
    }
    folder
}

/// Copies a file, or a folder with everything in it.
fn copy_tree(source: &Path, target: &Path) {
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    if source.is_dir() {
        std::fs::create_dir_all(target).unwrap();
        for entry in std::fs::read_dir(source).unwrap() {
            let path = entry.unwrap().path();
            copy_tree(&path, &target.join(path.file_name().unwrap()));
        }
    } else {
        std::fs::copy(source, target).unwrap();
    }
}

/// A project folder with its own settings, reference data, analyses and
/// corrections, so that every path in the outputs is relative to it, and
/// in `data/raw` the shipped listing twice and two synthetic listings
/// (2,500 and 400 projects).
pub fn project_folder(dir: &Path) {
    let copy = |from: &str| copy_tree(&root().join(from), &dir.join(from));
    for path in [
        "devcoop.toml",
        "data/reference",
        "data/overrides.csv",
        "analyses",
    ] {
        copy(path);
    }
    let raw = dir.join("data/raw");
    std::fs::create_dir_all(raw.join("again")).unwrap();
    std::fs::write(raw.join("labour-migration-projects.txt"), shipped_listing()).unwrap();
    // The same listing twice: its projects are merged, with both sources.
    std::fs::write(raw.join("again/copy.txt"), shipped_listing()).unwrap();
    for (file, projects, seed) in [
        ("synthetic-a.txt", "2500", "7"),
        ("synthetic-b.txt", "400", "8"),
    ] {
        let status = Command::new(env!("CARGO_BIN_EXE_devcoop"))
            .args(["synth", "--projects", projects, "--seed", seed, "--out"])
            .arg(raw.join(file))
            .status()
            .unwrap();
        assert!(status.success());
    }
}

/// Every file below `dir`, at any depth.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}
