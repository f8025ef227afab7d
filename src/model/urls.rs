//! Every permalink and output path of a site, relative to its root: the one place that knows
//! where a page lives, so links and the files they point to cannot disagree.
//!
//! Pages link relatively (templates prefix these paths with `""` or `"../"`), so a site works
//! under any sub-path and from `file://`.

use super::slug::slugify;
use super::{Country, EventType};

/// The timeline (home page).
pub(crate) const HOME: &str = "index.html";
/// The briefing builder: a briefing of events chosen in the browser.
pub(crate) const BUILDER: &str = "briefing.html";
/// The compact timeline of a view, for an `<iframe>` on another site (same query as the home page).
pub(crate) const EMBED: &str = "embed.html";
/// The page shown for a path that does not exist.
pub(crate) const NOT_FOUND: &str = "404.html";
/// Extracted events awaiting review.
pub(crate) const REVIEW: &str = "review.html";
/// Index of the articles events were extracted from.
pub(crate) const ARTICLES: &str = "articles/index.html";
/// Index of the countries and regions.
pub(crate) const COUNTRIES: &str = "countries/index.html";
/// Index of the people.
pub(crate) const ACTORS: &str = "actors/index.html";
/// Index of the types of engagement.
pub(crate) const TYPES: &str = "types/index.html";
/// Index of the tags.
pub(crate) const TAGS: &str = "tags/index.html";
/// Index of the years.
pub(crate) const YEARS: &str = "years/index.html";
/// Index of the briefings.
pub(crate) const BRIEFINGS: &str = "briefings/index.html";
/// Atom feed of the newest events.
pub(crate) const FEED: &str = "feed.atom";
/// iCalendar of every event.
pub(crate) const CALENDAR: &str = "events.ics";
/// CSV export of every event.
pub(crate) const CSV: &str = "events.csv";
/// JSON export of every event.
pub(crate) const JSON: &str = "events.json";
/// Sitemap (written only with a `base_url`).
pub(crate) const SITEMAP: &str = "sitemap.xml";
/// The browser's filter index: the taxonomies' names and the filter columns of every event.
pub(crate) const INDEX_EVENTS: &str = "index/events.js";
/// The browser's free-text index: every word and the events it occurs in.
pub(crate) const INDEX_TEXT: &str = "index/text.js";

/// One event's page.
pub(crate) fn event(id: &str) -> String {
    format!("events/{id}.html")
}

/// The Atom entry id of an event, after the feed's base: stable, and not a file.
pub(crate) fn event_entry(id: &str) -> String {
    format!("events/{id}")
}

/// One article's page.
pub(crate) fn article(id: &str) -> String {
    format!("articles/{id}.html")
}

/// One country's (or region's) page.
pub(crate) fn country(c: &Country) -> String {
    format!("countries/{}.html", c.slug())
}

/// The page name of a person or tag: its slug, except that `index` (each taxonomy's own list
/// page) becomes `index-x`, the way device names such as `con` do, so a tag "Index" gets a page
/// of its own instead of replacing the list of tags. Names with the same slug share a page.
pub(crate) fn term_slug(name: &str) -> String {
    let slug = slugify(name);
    if slug == "index" {
        "index-x".into()
    } else {
        slug
    }
}

/// One person's page.
pub(crate) fn actor(name: &str) -> String {
    format!("actors/{}.html", term_slug(name))
}

/// One tag's page.
pub(crate) fn tag(tag: &str) -> String {
    format!("tags/{}.html", term_slug(tag))
}

/// The page of one type of engagement.
pub(crate) fn event_type(kind: EventType) -> String {
    format!("types/{}.html", kind.as_str())
}

/// One year's page.
pub(crate) fn year(year: i32) -> String {
    format!("years/{year}.html")
}

/// One month's page, for years too large to list on one page; month `None` holds the events
/// known only to the year (`years/1985-00.html`).
pub(crate) fn year_month(year: i32, month: Option<u32>) -> String {
    format!("years/{year}-{:02}.html", month.unwrap_or(0))
}

/// Page `n` (1-based) of a paginated list whose first page is `first` (`countries/jm.html`):
/// later pages add `.n` before the extension (`countries/jm.2.html`). Slugs never contain a
/// dot, so a page can never take the name of another term.
pub(crate) fn nth_page(first: &str, n: usize) -> String {
    if n <= 1 {
        return first.to_string();
    }
    match first.strip_suffix(".html") {
        Some(stem) => format!("{stem}.{n}.html"),
        None => format!("{first}.{n}"),
    }
}

/// A Markdown page from `content/pages/`.
pub(crate) fn page(slug: &str) -> String {
    format!("{slug}.html")
}

/// A briefing's print-ready page.
pub(crate) fn briefing(slug: &str) -> String {
    format!("briefings/{slug}.html")
}

/// A briefing's page as linked from the briefings index, which sits beside it.
pub(crate) fn briefing_from_index(slug: &str) -> String {
    format!("{slug}.html")
}

/// A briefing's compact timeline for an `<iframe>`: a folder of its own beside the briefing's
/// files, so no briefing name can take it.
pub(crate) fn briefing_embed(slug: &str) -> String {
    format!("briefings/{slug}/embed.html")
}

/// A briefing's CSV export.
pub(crate) fn briefing_csv(slug: &str) -> String {
    format!("briefings/{slug}.csv")
}

/// Shard `n` of the events' rows (ids, ISO dates, titles), read when a row is drawn.
pub(crate) fn index_rows(n: usize) -> String {
    format!("index/rows-{n}.js")
}

/// Shard `n` of the events' details (places, plain summaries, sources) that exports and
/// briefings made in the browser read.
pub(crate) fn index_details(n: usize) -> String {
    format!("index/details-{n}.js")
}

/// A briefing's Markdown export.
pub(crate) fn briefing_markdown(slug: &str) -> String {
    format!("briefings/{slug}.md")
}
