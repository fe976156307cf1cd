#![no_main]
//! Any text: date parsing gives dates or an error, never a panic, and a
//! range it accepts never claims more bytes than it was given.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(expr) = devcoop_ingest::dates::scan_date(text) {
            assert!(expr.len <= text.len());
        }
        let _ = devcoop_normalise::dates::parse_dates(text);
        let _ = devcoop_ingest::dates::trailing_parenthesised_date(text);
    }
});
