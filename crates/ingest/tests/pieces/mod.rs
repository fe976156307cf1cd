//! A listing read in pieces must read exactly as read whole: the checks the
//! other test files run on every listing they parse.

use devcoop_ingest::{
    parse_listing, parse_listing_in_pieces, read_listing, Listing, ReadError, SourceError,
};

/// Piece sizes from one byte (a piece per blank line) up.
const PIECE_BYTES: [usize; 7] = [1, 2, 3, 5, 16, 64, 1000];

/// Parses `bytes` whole, and fails unless every piece size gives the same
/// projects, page title and diagnostics, or the same error.
pub fn parse_checked(source: &str, bytes: &[u8]) -> Result<Listing, SourceError> {
    let whole = parse_listing(source, bytes);
    for piece_bytes in PIECE_BYTES {
        let pieces = parse_listing_in_pieces(source, bytes, piece_bytes);
        match (&whole, &pieces) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.projects, b.projects, "pieces of {piece_bytes} bytes");
                assert_eq!(a.page_title, b.page_title, "pieces of {piece_bytes} bytes");
                assert_eq!(
                    a.diagnostics, b.diagnostics,
                    "pieces of {piece_bytes} bytes"
                );
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "pieces of {piece_bytes} bytes"),
            _ => panic!("pieces of {piece_bytes} bytes: {whole:?} but {pieces:?}"),
        }
        // `parse_listing_in_pieces` learns the layout while reading and
        // learns it first only when it changes; `read_listing` always
        // learns it first. Both ways must read the same.
        if let Ok(whole) = &whole {
            let mut projects = Vec::new();
            let end = read_listing(source, std::io::Cursor::new(bytes), piece_bytes, |batch| {
                projects.extend(batch);
                Ok::<(), std::convert::Infallible>(())
            })
            .unwrap_or_else(|err: ReadError<_>| panic!("pieces of {piece_bytes} bytes: {err}"));
            let learnt_first = format!("pieces of {piece_bytes} bytes, layout learnt first");
            assert_eq!(whole.projects, projects, "{learnt_first}");
            assert_eq!(whole.page_title, end.page_title, "{learnt_first}");
            assert_eq!(whole.diagnostics, end.diagnostics, "{learnt_first}");
        }
    }
    whole
}
