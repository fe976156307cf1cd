#![no_main]
//! Any bytes, through the whole path from text to table rows: ingest,
//! normalise (the shipped reference tables, a fixed reference date) and
//! the polars tables. Nothing panics, every evidence span indexes the
//! input and its bytes are the evidence sentence, and there is one
//! `projects` row per project and one fact-table row per fact. The checks
//! are those of the property test, `crates/analysis/tests/pipeline.rs`.

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

// The names the shared checks use.
use devcoop_analysis as analysis;
use devcoop_ingest as ingest;
use devcoop_normalise as normalise;

#[path = "../../crates/analysis/tests/support/pipeline.rs"]
mod pipeline;

static REFERENCE: LazyLock<normalise::Reference> = LazyLock::new(|| {
    pipeline::load_reference(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.."
    )))
});

fuzz_target!(|data: &[u8]| {
    pipeline::check_listing(&REFERENCE, data);
});
