//! The plain data model shared by every stage: events, dates, countries, sources, articles,
//! the loaded content, the merged site with its index, where every page lives, and the files
//! render hands to write.
//!
//! Nothing here reads files or renders pages; the loader fills these types, extraction and
//! merging transform them, and the renderer reads them.

pub mod article;
pub mod briefing;
pub mod config;
pub mod content;
pub mod country;
pub mod date;
pub mod event;
pub(crate) mod index;
pub(crate) mod output;
pub(crate) mod site;
pub mod slug;
pub(crate) mod urls;

pub use article::{Article, ArticleFormat, Dateline, Provenance};
pub use briefing::Briefing;
pub use config::{Paper, SiteConfig, UnreviewedPolicy};
pub use content::Content;
pub use country::{Country, CountryKind, Gazetteer};
pub use date::{EventDate, PartialDate, Precision};
pub use event::*;
pub(crate) use index::{SiteIndex, Term};
pub(crate) use output::{OutputFile, Sink};
pub(crate) use site::Site;
