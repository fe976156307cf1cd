#![no_main]
//! Any bytes as a saved page: a listing or an error, never a panic, and
//! every span of every project in the file.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(listing) = devcoop_ingest::parse_listing("page.html", data) {
        for project in &listing.projects {
            assert!(project.span.start <= project.span.end && project.span.end <= data.len());
            let texts = std::iter::once(&project.title)
                .chain(project.kicker.iter())
                .chain(project.date.iter().map(|d| &d.text))
                .chain(project.fields.iter().map(|f| &f.value))
                .chain(project.description.iter());
            for segment in texts.flat_map(|t| &t.segments) {
                let span = segment.span;
                assert!(span.start <= span.end && span.end <= data.len());
                if segment.map.is_empty() {
                    assert_eq!(&data[span.start..span.end], segment.text.as_bytes());
                }
            }
        }
    }
});
