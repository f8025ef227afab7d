//! What `load` reads from a site's `content/` directory, before extraction and merging.

use super::{Actor, Article, Briefing, Event, Page, SiteConfig};
use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

/// Everything in a site's `content/` directory.
#[derive(Debug, Default)]
pub struct Content {
    /// The site directory `content/` is in.
    pub root: PathBuf,
    /// `site.yaml`.
    pub config: SiteConfig,
    /// Hand-written events, each with an id (written or generated).
    pub events: Vec<Event>,
    /// Ids of extracted events that hand-written files suppress, with the file and line of
    /// each `suppress`.
    pub suppressed: Vec<(String, PathBuf, usize)>,
    /// `actors.yaml`.
    pub actors: Vec<Actor>,
    /// Markdown pages, in navigation order.
    pub pages: Vec<Page>,
    /// News articles to extract events from.
    pub articles: Vec<Article>,
    /// Saved selections, by slug.
    pub briefings: Vec<Briefing>,
    /// Things worth a look that do not stop the build (events that repeat each other).
    pub warnings: Vec<Diagnostic>,
}
