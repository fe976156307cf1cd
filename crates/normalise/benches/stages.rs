//! Normalisation speed: dates, and organisation and place matching
//! (`cargo bench -p devcoop-normalise`).

use devcoop_normalise::{dates::parse_dates, normalise, Reference};
use ingest::{
    parse_listing,
    synth::{synthetic_listing, SynthLayout},
};
use std::path::Path;

fn main() {
    divan::main();
}

fn reference() -> Reference {
    Reference::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reference"))
        .expect("reference data")
}

#[divan::bench(args = [1_000, 10_000])]
fn normalise_projects(bencher: divan::Bencher, projects: usize) {
    let reference = reference();
    let text = synthetic_listing(SynthLayout::Numbered, projects, 1);
    let listing = parse_listing("synthetic.txt", text.as_bytes()).expect("a listing");
    let date = "2026-01-01".parse().expect("a date");
    bencher
        .counter(divan::counter::ItemsCount::new(projects))
        .with_inputs(|| listing.projects.clone())
        .bench_values(|raw| normalise(&reference, raw, date, &mut Vec::new()));
}

#[divan::bench]
fn dates() -> usize {
    [
        "1 June 2007 - 30 June 2009",
        "1 August - 31 December 2010",
        "(2015-)",
        "May 201415 January 2015",
    ]
    .iter()
    .filter(|t| parse_dates(divan::black_box(t)).is_ok())
    .count()
}

#[divan::bench]
fn reference_names(bencher: divan::Bencher) {
    let reference = reference();
    let sentence = "This project is principally financed by the European Commission, with co-funding from the Italian Ministry of Interior and the United Kingdom Border Agency, for workers from Senegal, Mauritania and Mali.";
    bencher.bench(|| reference.find(divan::black_box(sentence)).len());
}
