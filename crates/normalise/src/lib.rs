//! Raw project records → facts with evidence: calendar dates, durations and
//! status; organisations with their role (funder, implementer, partner);
//! countries with their M49 regions and role (origin, destination, focus);
//! regional phrases; a stable project id.
//!
//! ```
//! use devcoop_normalise::{normalise, Reference};
//! let reference = Reference::load(std::path::Path::new("../../data/reference")).unwrap();
//! let text = "Projects\n\n1. Decent work in Viet Nam\n\n1 June 2007 - 30 June 2009\n\n\
//!             This programme is supported by the European Union.\n";
//! let listing = ingest::parse_listing("p.txt", text.as_bytes()).unwrap();
//! let reference_date = "2026-01-01".parse().unwrap();
//! let projects = normalise(&reference, listing.projects, reference_date, &mut Vec::new());
//! assert_eq!(projects[0].funder_codes(), ["EU"]);
//! assert_eq!(projects[0].country_codes(), ["VNM"]);
//! assert_eq!(projects[0].region_names(), ["Asia"]);
//! let funder = &projects[0].facts.organisations[0];
//! assert_eq!(&*funder.evidence.sentence, "This programme is supported by the European Union.");
//! ```

pub mod dates;
pub mod extract;
pub mod money;
pub mod overrides;
mod project;
pub mod reference;
mod text;

pub use overrides::{parse_overrides, Corrections, Override, OverrideError};
pub use project::{
    extract_facts, identify, normalise, project_id, Identified, Identities, Project,
};
pub use reference::{Reference, ReferenceError, DEFAULT_REFERENCE_FOLDER};
