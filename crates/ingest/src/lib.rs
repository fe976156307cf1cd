//! Listing text → raw project records with provenance.
//!
//! A *listing* is text copied from a web page that lists development
//! cooperation projects: numbered or not, each with a title, usually a date
//! line, a description and sometimes labelled fields (`Donor:`,
//! `Duration:`), or a table flattened to one cell per line. This crate finds
//! the projects in it and records, for every piece of text it keeps, the line
//! and the byte span it came from. It interprets nothing: dates stay as
//! printed, organisations and places are left to `devcoop-normalise`.
//!
//! ```
//! use devcoop_ingest::parse_listing;
//!
//! let text = "Projects on labour migration\n\n\
//!   1. ILO/Japan Cross-border Movement of Labour Project\n\n\
//!   1 January 2007 - 31 January 2008\n\n\
//!   The project supports decent work.\n";
//! let listing = parse_listing("p10.txt", text.as_bytes()).unwrap();
//! let project = &listing.projects[0];
//! assert_eq!(project.ordinal, 1);
//! assert_eq!(project.title_text(), "ILO/Japan Cross-border Movement of Labour Project");
//! let date = project.date.as_ref().unwrap();
//! assert_eq!(date.text.segments[0].line, 5);
//! // Every span points at the exact bytes in the file.
//! let span = date.text.span().unwrap();
//! assert_eq!(&text[span.start..span.end], "1 January 2007 - 31 January 2008");
//! ```

pub mod dates;
pub mod diagnostics;
mod furniture;
pub mod html;
pub mod inputs;
pub mod labels;
pub mod lengths;
mod listing;
pub mod record;
pub mod source;
mod spaced_table;
pub mod synth;
mod units;

pub use diagnostics::{Diagnostic, Severity};
pub use inputs::{collect_inputs, InputError, Inputs, NotRegular, Skipped};
pub use listing::{
    parse_listing, parse_listing_in_pieces, read_checked_listing, read_listing, validate_listing,
    LayoutLearning, Listing, ListingEnd, ReadError, DEFAULT_PIECE_BYTES,
};
pub use record::{DateOrigin, DateText, Field, RawProject, Segment, Span, Text};
pub use source::{SourceError, SourceProblem};
