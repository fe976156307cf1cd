//! Table speed: building the frames and writing CSV, Parquet and JSONL
//! (`cargo bench -p devcoop-analysis`).

use devcoop_analysis::{build_tables, Batch, TableFormat, TableFormats, TableSink, TABLES};
use ingest::{
    parse_listing,
    synth::{synthetic_listing, SynthLayout},
};
use normalise::{normalise, Reference};
use std::path::Path;

fn main() {
    divan::main();
}

fn projects(n: usize) -> Vec<normalise::Project> {
    let reference =
        Reference::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
            .expect("reference data");
    let text = synthetic_listing(SynthLayout::Numbered, n, 1);
    let listing = parse_listing("synthetic.txt", text.as_bytes()).expect("a listing");
    normalise(
        &reference,
        listing.projects,
        "2026-01-01".parse().expect("a date"),
        &mut Vec::new(),
    )
}

#[divan::bench(args = [1_000, 10_000])]
fn build(bencher: divan::Bencher, n: usize) {
    let projects = projects(n);
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| build_tables(&projects).expect("tables"));
}

/// Building each table on its own (10,000 projects): which costs most.
#[divan::bench(args = TABLES.map(|(name, _)| name))]
fn build_one(bencher: divan::Bencher, name: &str) {
    let projects = projects(10_000);
    let build = TABLES
        .iter()
        .find(|(table, _)| *table == name)
        .map(|(_, build)| *build)
        .expect("a table");
    bencher
        .counter(divan::counter::ItemsCount::new(projects.len()))
        .bench(|| build(&Batch::new(&projects, &[], 1)).expect("a table"));
}

/// Building and writing every table, as a run does it: one batch of
/// 10,000 projects, in every format or in Parquet only.
#[divan::bench(args = ["csv,jsonl,parquet", "parquet"])]
fn write(bencher: divan::Bencher, formats: &str) {
    let projects = projects(10_000);
    let formats: Vec<TableFormat> = formats
        .split(',')
        .map(|name| name.parse().expect("a format"))
        .collect();
    let formats = TableFormats::new(&formats).expect("formats");
    let dir = tempfile::tempdir().expect("a directory");
    bencher
        .counter(divan::counter::ItemsCount::new(projects.len()))
        .bench(|| {
            let mut sink = TableSink::create(dir.path(), None, formats).expect("files");
            sink.write_batch(&projects, &[]).expect("written");
            sink.finish().expect("finished")
        });
}
