//! The archive: a page per year and, for a year with more events than one page should hold,
//! a page per month, plus the index of all years. With the home page's links to every year,
//! this is how every event stays reachable by plain links in at most three clicks.

use super::rows::{self, Group, Grouping, RowCache};
use super::views::Link;
use super::{cache, render_html, render_html_sized, Chrome, RenderError, Renderer};
use crate::model::{urls, Sink, Site};
use askama::Template;
use rayon::prelude::*;

/// A year with more events than this gets a page per month, the year's page listing the
/// months.
pub(crate) const YEAR_PAGE_MAX: usize = 200;

#[derive(Template)]
#[template(path = "archive.html")]
struct ArchivePage<'a> {
    c: Chrome<'a>,
    parent: Link,
    heading: String,
    count: usize,
    filter_href: String,
    /// Previous and next periods.
    neighbours: Vec<Link>,
    /// For a year divided into months: each month's page and count.
    months: Vec<(Link, usize)>,
    groups: Vec<Group<'a>>,
}

pub(crate) struct YearEntry {
    pub(crate) link: Link,
    pub(crate) count: usize,
    pub(crate) months: Vec<(Link, usize)>,
}

#[derive(Template)]
#[template(path = "years.html")]
struct YearsPage<'a> {
    c: Chrome<'a>,
    count: usize,
    years: Vec<YearEntry>,
}

/// One page of the archive, before rendering.
struct Period<'t> {
    href: String,
    heading: String,
    parent: Link,
    filter_href: String,
    neighbours: Vec<Link>,
    months: Vec<(Link, usize)>,
    /// The events listed (chronological); empty for a year divided into months.
    events: &'t [usize],
    /// Every event of the period, for the page's count.
    count: usize,
}

/// The months of a year's events (chronological): `None` for events known only to the year,
/// which sort first.
fn months_of(site: &Site, events: &[usize]) -> Vec<(Option<u32>, std::ops::Range<usize>)> {
    let mut out: Vec<(Option<u32>, std::ops::Range<usize>)> = Vec::new();
    for (k, &i) in events.iter().enumerate() {
        let m = site.events[i].date.start.month;
        match out.last_mut() {
            Some((last, range)) if *last == m => range.end = k + 1,
            _ => out.push((m, k..k + 1)),
        }
    }
    out
}

fn filter_query(year: i32, month: Option<u32>) -> String {
    match month {
        Some(m) => format!("{}?from={year}-{m:02}&to={year}-{m:02}", urls::HOME),
        None => format!("{}?from={year}&to={year}", urls::HOME),
    }
}

impl Renderer<'_> {
    /// Year pages, month pages of large years, and the index of years.
    pub(super) fn render_archive(&self) -> Result<(), RenderError> {
        let site = self.site;
        let years = &site.index.years;
        let mut periods: Vec<Period> = Vec::new();
        let mut entries: Vec<YearEntry> = Vec::new();
        for (k, (year, term)) in years.iter().enumerate() {
            let year = *year;
            let mut neighbours = Vec::new();
            if let Some((prev, t)) = k.checked_sub(1).and_then(|p| years.get(p)) {
                neighbours.push(rows::link(t.href.clone(), format!("\u{2190} {prev}")));
            }
            if let Some((next, t)) = years.get(k + 1) {
                neighbours.push(rows::link(t.href.clone(), format!("{next} \u{2192}")));
            }
            let split = term.events.len() > YEAR_PAGE_MAX;
            let mut months = Vec::new();
            if split {
                let ranges = months_of(site, &term.events);
                for (j, (month, range)) in ranges.iter().enumerate() {
                    let href = urls::year_month(year, *month);
                    let label = rows::month_label(year, *month);
                    months.push((rows::link(href.clone(), label.clone()), range.len()));
                    let mut near = vec![rows::link(term.href.clone(), format!("All of {year}"))];
                    if let Some((m, _)) = j.checked_sub(1).and_then(|p| ranges.get(p)) {
                        near.insert(
                            0,
                            rows::link(
                                urls::year_month(year, *m),
                                format!("\u{2190} {}", rows::month_label(year, *m)),
                            ),
                        );
                    }
                    if let Some((m, _)) = ranges.get(j + 1) {
                        near.push(rows::link(
                            urls::year_month(year, *m),
                            format!("{} \u{2192}", rows::month_label(year, *m)),
                        ));
                    }
                    periods.push(Period {
                        href,
                        heading: label,
                        parent: rows::link(term.href.clone(), year.to_string()),
                        filter_href: filter_query(year, *month),
                        neighbours: near,
                        months: Vec::new(),
                        events: &term.events[range.clone()],
                        count: range.len(),
                    });
                }
            }
            entries.push(YearEntry {
                link: rows::link(term.href.clone(), term.label.clone()),
                count: term.events.len(),
                months: months.clone(),
            });
            periods.push(Period {
                href: term.href.clone(),
                heading: term.label.clone(),
                parent: rows::link(urls::YEARS.into(), "All years".into()),
                filter_href: filter_query(year, None),
                neighbours,
                months,
                events: if split { &[] } else { &term.events },
                count: term.events.len(),
            });
        }
        let rows = RowCache::new(self.views, "../");
        periods
            .par_iter()
            .try_for_each(|p| self.render_period(p, &rows))?;
        entries.reverse();
        let page = YearsPage {
            c: self.chrome("../", urls::YEARS, "Years".into()),
            count: site.events.len(),
            years: entries,
        };
        self.file(render_html(urls::YEARS.into(), &page)?);
        Ok(())
    }

    fn render_period(&self, p: &Period, rows: &RowCache) -> Result<(), RenderError> {
        let href = p.href.as_str();
        let key = || {
            cache::hash_of(&(
                self.chrome("../", href, p.heading.clone()),
                &p.parent,
                &p.neighbours,
                &p.months,
                p.count,
            ))
        };
        if !self.incremental.needs_render(href, key, p.events) {
            self.sink.unchanged(href);
            return Ok(());
        }
        let entry = |e| rows::entry_error(href, e);
        let page = ArchivePage {
            c: self.chrome("../", href, p.heading.clone()),
            parent: p.parent.clone(),
            heading: p.heading.clone(),
            count: p.count,
            filter_href: p.filter_href.clone(),
            neighbours: p.neighbours.clone(),
            months: p.months.clone(),
            groups: rows::grouped(self.site, rows, p.events, Grouping::Month).map_err(entry)?,
        };
        let capacity = 16 * 1024 + rows.len_of(p.events).map_err(entry)?;
        self.file(render_html_sized(href.to_string(), &page, capacity)?);
        Ok(())
    }
}
