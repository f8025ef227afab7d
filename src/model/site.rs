//! The merged site: what `merge` hands to `render`, events in their final order.

use super::{Actor, Article, Briefing, Event, Page, SiteConfig, SiteIndex};
use crate::diagnostics::Diagnostic;

/// Everything the renderer needs, in final order.
#[derive(Debug, Default)]
pub(crate) struct Site {
    /// `site.yaml`.
    pub(crate) config: SiteConfig,
    /// Events shown in the timeline, chronological.
    pub(crate) events: Vec<Event>,
    /// Unreviewed extracted events kept off the timeline, for the review page.
    pub(crate) review: Vec<Event>,
    /// Markdown pages, in navigation order.
    pub(crate) pages: Vec<Page>,
    /// News articles events were extracted from.
    pub(crate) articles: Vec<Article>,
    /// Saved selections, by slug.
    pub(crate) briefings: Vec<Briefing>,
    /// People described in `actors.yaml`.
    pub(crate) actors: Vec<Actor>,
    /// Warnings from loading, printed by `check` and `build`.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Taxonomies and permalinks of `events`, computed once.
    pub(crate) index: SiteIndex,
}
