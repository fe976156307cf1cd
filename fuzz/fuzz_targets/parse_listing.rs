#![no_main]
//! Any bytes: the ingest parser returns a listing or an error, never panics,
//! every span it reports points at the text it claims, and reading the
//! bytes in small pieces gives the same listing as reading them whole.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let whole = devcoop_ingest::parse_listing("fuzz.txt", data);
    if let Ok(listing) = &whole {
        for project in &listing.projects {
            for segment in &project.title.segments {
                assert_eq!(&data[segment.span.start..segment.span.end], segment.text.as_bytes());
            }
            let _ = project.date_text();
        }
    }
    // The piece size comes from the input, so that the fuzzer explores it.
    let piece_bytes = 1 + usize::from(data.first().copied().unwrap_or(0) % 64);
    let pieces = devcoop_ingest::parse_listing_in_pieces("fuzz.txt", data, piece_bytes);
    match (&whole, &pieces) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.projects, b.projects);
            assert_eq!(a.page_title, b.page_title);
            assert_eq!(a.diagnostics, b.diagnostics);
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("whole {whole:?}, in pieces of {piece_bytes}: {pieces:?}"),
    }
});
