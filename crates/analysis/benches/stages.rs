//! Table speed: building the frames and writing CSV, Parquet and JSONL
//! (`cargo bench -p devcoop-analysis`).

use devcoop_analysis::{build_tables, TableFormats, TableSink};
use ingest::{parse_listing, synth::synthetic_listing};
use normalise::{normalise, Reference};
use std::path::Path;

fn main() {
    divan::main();
}

fn projects(n: usize) -> Vec<normalise::Project> {
    let reference =
        Reference::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
            .expect("reference data");
    let text = synthetic_listing(n, 1);
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

/// Building and writing every table, as a run does it: one batch.
#[divan::bench(args = [1_000, 10_000])]
fn write(bencher: divan::Bencher, n: usize) {
    let projects = projects(n);
    let dir = tempfile::tempdir().expect("a directory");
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| {
            let mut sink =
                TableSink::create(dir.path(), None, TableFormats::default()).expect("files");
            sink.write_batch(&projects).expect("written");
            sink.finish(&Default::default()).expect("finished")
        });
}
