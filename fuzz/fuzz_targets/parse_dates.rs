#![no_main]
//! Any text: date parsing gives dates or an error, never a panic, and a
//! range it accepts never claims more bytes than it was given, nor ends
//! inside a character.

use devcoop_ingest::dates::{
    scan_date_in, scan_end_date_in, trailing_parenthesised_date, trailing_title_date, NumericOrder,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for order in [NumericOrder::DayFirst, NumericOrder::MonthFirst] {
            if let Some(expr) = scan_date_in(text, order) {
                assert!(expr.len <= text.len() && text.is_char_boundary(expr.len));
            }
            if let Some(end) = scan_end_date_in(text, order) {
                assert!(end.date_at <= end.len && end.len <= text.len());
                assert!(text.is_char_boundary(end.date_at) && text.is_char_boundary(end.len));
            }
            let _ = devcoop_normalise::dates::parse_dates_in(text, order);
        }
        if let Some(found) = trailing_title_date(text) {
            assert!(found.at <= found.date_at && found.date_at <= text.len());
            assert!(text.is_char_boundary(found.at) && text.is_char_boundary(found.date_at));
        }
        let _ = trailing_parenthesised_date(text);
    }
});
