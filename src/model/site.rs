//! The merged site: what `merge` hands to `render`, events in their final order.

use super::{Actor, Article, Briefing, Event, Page, SiteConfig, SiteIndex};
use crate::diagnostics::Diagnostic;

/// Everything the renderer needs, in final order.
#[derive(Debug, Default)]
pub struct Site {
    /// `site.yaml`.
    pub config: SiteConfig,
    /// Events shown in the timeline, chronological.
    pub events: Vec<Event>,
    /// Unreviewed extracted events kept off the timeline, for the review page.
    pub review: Vec<Event>,
    /// Markdown pages, in navigation order.
    pub pages: Vec<Page>,
    /// News articles events were extracted from.
    pub articles: Vec<Article>,
    /// Saved selections, by slug.
    pub briefings: Vec<Briefing>,
    /// People described in `actors.yaml`.
    pub actors: Vec<Actor>,
    /// Warnings from loading, printed by `check` and `build`.
    pub warnings: Vec<Diagnostic>,
    /// Taxonomies and permalinks of `events`, computed once.
    pub index: SiteIndex,
}
