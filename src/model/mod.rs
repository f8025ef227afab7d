//! The plain data model shared by every stage: events, dates, countries, sources, articles.
//!
//! Nothing here reads files or renders pages; the loader fills these types, extraction and
//! merging transform them, and the renderer reads them.

pub mod country;
pub mod date;
pub mod event;
pub mod slug;

pub use country::{Country, CountryKind, Gazetteer};
pub use date::{EventDate, PartialDate, Precision};
pub use event::*;
