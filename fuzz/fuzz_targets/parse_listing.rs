#![no_main]
//! Any bytes: the ingest parser returns a listing or an error, never panics,
//! and every span it reports points at the text it claims.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(listing) = devcoop_ingest::parse_listing("fuzz.txt", data) {
        for project in &listing.projects {
            for segment in &project.title.segments {
                assert_eq!(&data[segment.span.start..segment.span.end], segment.text.as_bytes());
            }
            let _ = project.date_text();
        }
    }
});
