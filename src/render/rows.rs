//! List rows: the one entry per event that every listing page shares (home, archives,
//! taxonomy pages), their grouping under headings, and the pager of long lists.
//!
//! A row is three short lines (date and type, the title as the one link, countries and
//! people), the same markup the browser draws for filtered views from the index, so a list
//! looks the same before and after the script takes over. Each row is rendered once per link
//! depth and reused by every page that lists the event.

use super::views::{EventView, Link};
use super::RenderError;
use crate::model::date::month_name;
use crate::model::{urls, Site};
use askama::Template;
use std::sync::{Arc, OnceLock};

#[derive(Template)]
#[template(path = "row.html")]
struct Row<'a> {
    root: &'static str,
    e: &'a EventView,
}

/// An entry that failed to render: the event's page, and why.
pub(crate) type EntryError = (String, Arc<askama::Error>);

/// Each event's row, rendered on first use (an incremental rebuild renders only the rows of
/// the pages it re-renders) and shared by every page at the same link depth.
pub(crate) struct RowCache<'a> {
    views: &'a [EventView],
    root: &'static str,
    rows: Vec<OnceLock<Result<String, Arc<askama::Error>>>>,
}

impl<'a> RowCache<'a> {
    pub(crate) fn new(views: &'a [EventView], root: &'static str) -> Self {
        RowCache {
            views,
            root,
            rows: (0..views.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    pub(crate) fn get(&self, i: usize) -> Result<&str, EntryError> {
        self.rows[i]
            .get_or_init(|| {
                Row {
                    root: self.root,
                    e: &self.views[i],
                }
                .render()
                .map_err(Arc::new)
            })
            .as_deref()
            .map_err(|e| (self.views[i].href.clone(), Arc::clone(e)))
    }

    /// The rows of `indexes`, in that order.
    pub(crate) fn rows(&self, indexes: &[usize]) -> Result<Vec<&str>, EntryError> {
        indexes.iter().map(|&i| self.get(i)).collect()
    }

    /// Bytes of the rows of `indexes`, to size a page's buffer once.
    pub(crate) fn len_of(&self, indexes: &[usize]) -> Result<usize, EntryError> {
        let mut total = 0;
        for &i in indexes {
            total += self.get(i)?.len();
        }
        Ok(total)
    }
}

pub(crate) fn entry_error(path: &str, (event, source): EntryError) -> RenderError {
    RenderError::Entry {
        path: path.to_string(),
        event,
        source,
    }
}

/// Rows under one heading (a year or a month); an empty label means no heading.
pub(crate) struct Group<'a> {
    pub(crate) id: String,
    pub(crate) label: String,
    /// The heading's link (a year's or a month's page), relative to the site root; may be empty.
    pub(crate) href: String,
    pub(crate) count: usize,
    pub(crate) rows: Vec<&'a str>,
}

/// How events are grouped under headings on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// By year, headings linking to the year's page.
    Year,
    /// By month, headings plain.
    Month,
}

/// Groups the events `indexes` (in the order they are to be shown) under year or month
/// headings, a new heading wherever the period changes.
pub(crate) fn grouped<'a>(
    site: &Site,
    rows: &'a RowCache<'_>,
    indexes: &[usize],
    by: Grouping,
) -> Result<Vec<Group<'a>>, EntryError> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut current: Option<(i32, Option<u32>)> = None;
    for &i in indexes {
        let start = site.events[i].date.start;
        let key = match by {
            Grouping::Year => (start.year, None),
            Grouping::Month => (start.year, start.month),
        };
        if current != Some(key) {
            current = Some(key);
            let (id, label, href) = match by {
                Grouping::Year => (
                    format!("y{}", start.year),
                    start.year.to_string(),
                    urls::year(start.year),
                ),
                Grouping::Month => (
                    format!("m{}-{:02}", start.year, start.month.unwrap_or(0)),
                    month_label(start.year, start.month),
                    String::new(),
                ),
            };
            groups.push(Group {
                id,
                label,
                href,
                count: 0,
                rows: Vec::new(),
            });
        }
        if let Some(g) = groups.last_mut() {
            g.count += 1;
            g.rows.push(rows.get(i)?);
        }
    }
    Ok(groups)
}

/// "May 2025", or "2025, month not known".
pub(crate) fn month_label(year: i32, month: Option<u32>) -> String {
    match month {
        Some(m) => format!("{} {year}", month_name(m)),
        None => format!("{year}, month not known"),
    }
}

/// Events per page of a paginated list.
pub(crate) const PAGE_SIZE: usize = 100;

/// One numbered link of a pager.
pub(crate) struct PageLink {
    pub(crate) n: usize,
    pub(crate) href: String,
    pub(crate) current: bool,
    /// Pages were skipped before this one (an ellipsis is shown).
    pub(crate) gap_before: bool,
}

/// Links between the pages of a long list: previous, next, the first and last pages and the
/// pages around the current one (every page stays one or two clicks from any other).
pub(crate) struct Pager {
    pub(crate) label: String,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    pub(crate) links: Vec<PageLink>,
}

impl Pager {
    /// The pager of page `n` (1-based) of `pages` whose first page is `first`; `None` for a
    /// list that fits on one page.
    pub(crate) fn new(first: &str, n: usize, pages: usize) -> Option<Pager> {
        if pages <= 1 {
            return None;
        }
        let shown =
            |p: usize| p <= 2 || p + 1 >= pages || p.abs_diff(n) <= 3 || p.is_multiple_of(25);
        let mut links = Vec::new();
        let mut last = 0;
        for p in (1..=pages).filter(|&p| shown(p)) {
            links.push(PageLink {
                n: p,
                href: urls::nth_page(first, p),
                current: p == n,
                gap_before: p > last + 1,
            });
            last = p;
        }
        Some(Pager {
            label: format!("Pages of this list, {pages} in all"),
            prev: (n > 1).then(|| urls::nth_page(first, n - 1)),
            next: (n < pages).then(|| urls::nth_page(first, n + 1)),
            links,
        })
    }
}

/// A link with a label, for lists of periods.
pub(crate) fn link(href: String, label: String) -> Link {
    Link { href, label }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_links_ends_and_neighbours() {
        assert!(Pager::new("countries/jm.html", 1, 1).is_none());
        let p = Pager::new("countries/jm.html", 10, 60).expect("pager");
        let shown: Vec<usize> = p.links.iter().map(|l| l.n).collect();
        assert_eq!(shown, [1, 2, 7, 8, 9, 10, 11, 12, 13, 25, 50, 59, 60]);
        assert!(p.links[2].gap_before && !p.links[1].gap_before);
        assert_eq!(p.prev.as_deref(), Some("countries/jm.9.html"));
        assert_eq!(p.next.as_deref(), Some("countries/jm.11.html"));
        assert_eq!(p.links[0].href, "countries/jm.html");
        let last = Pager::new("countries/jm.html", 60, 60).expect("pager");
        assert!(last.next.is_none());
    }
}
