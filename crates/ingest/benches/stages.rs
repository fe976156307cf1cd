//! Ingest speed: parsing synthetic listings (`cargo bench -p devcoop-ingest`).

use devcoop_ingest::{
    dates::scan_date,
    parse_listing,
    synth::{synthetic_listing, SynthLayout},
};

fn main() {
    divan::main();
}

#[divan::bench(args = [1_000, 10_000])]
fn parse(bencher: divan::Bencher, projects: usize) {
    let text = synthetic_listing(SynthLayout::Numbered, projects, 1);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| parse_listing("synthetic.txt", divan::black_box(text.as_bytes())));
}

#[divan::bench]
fn scan_dates() -> usize {
    [
        "1 June 2007 - 30 June 2009",
        "MarchSeptember 2015",
        "The project aims to improve the overall security situation",
        "1 August - 31 December 2010, Dakar",
    ]
    .iter()
    .filter(|t| scan_date(divan::black_box(t)).is_some())
    .count()
}
