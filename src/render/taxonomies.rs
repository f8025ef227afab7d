//! Taxonomy pages from the site index: a page per country, person, type and tag listing its
//! events newest first, a hundred to a page, and an index page per taxonomy with counts.
//!
//! Rows are short (the event's page has the rest), so an event filed under a dozen terms
//! costs a dozen short rows, not a dozen copies of its summary.

use super::rows::{self, Group, Grouping, Pager, RowCache, PAGE_SIZE};
use super::views::Link;
use super::{
    cache, chart, render_html, render_html_sized, year_bars, Chrome, RenderError, Renderer,
};
use crate::model::slug::slugify;
use crate::model::{urls, CountryKind, Sink, Term};
use askama::Template;
use rayon::prelude::*;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage<'a> {
    c: Chrome<'a>,
    parent: Link,
    heading: String,
    intro: String,
    chart_svg: String,
    count: usize,
    page: usize,
    pages: usize,
    shown_from: usize,
    shown_to: usize,
    filter_href: String,
    pager: Option<Pager>,
    groups: Vec<Group<'a>>,
    /// A country's summary, on its first page.
    summary: Option<CountrySummary>,
}

/// What a country page opens with: the first and latest engagement, counts by type and by
/// direction (host or guest of a visit), and the people most involved.
pub(crate) struct CountrySummary {
    pub(crate) first: (Link, String),
    pub(crate) last: (Link, String),
    pub(crate) by_type: Vec<(Link, usize)>,
    pub(crate) hosted: usize,
    pub(crate) guest: usize,
    pub(crate) people: Vec<(Link, usize)>,
}

/// The summary of a country's events (chronological indexes into the site's events).
fn country_summary(
    site: &crate::model::Site,
    code: &str,
    events: &[usize],
) -> Option<CountrySummary> {
    let (&first, &last) = (events.first()?, events.last()?);
    let link = |i: usize| {
        let e = &site.events[i];
        (
            Link {
                href: urls::event(&e.id),
                label: e.title.clone(),
            },
            e.date.human(),
        )
    };
    let mut by_type: BTreeMap<crate::model::EventType, usize> = BTreeMap::new();
    let mut people: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let (mut hosted, mut guest) = (0, 0);
    for &i in events {
        let e = &site.events[i];
        *by_type.entry(e.kind).or_default() += 1;
        match &e.host {
            Some(h) if h.code == code => hosted += 1,
            Some(_) => guest += 1,
            None => {}
        }
        for a in &e.actors {
            people.entry(slugify(a)).or_insert_with(|| (a.clone(), 0)).1 += 1;
        }
    }
    let mut people: Vec<(String, (String, usize))> = people.into_iter().collect();
    people.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then_with(|| a.0.cmp(&b.0)));
    Some(CountrySummary {
        first: link(first),
        last: link(last),
        by_type: by_type
            .into_iter()
            .map(|(k, n)| {
                (
                    Link {
                        href: urls::event_type(k),
                        label: k.plural().to_string(),
                    },
                    n,
                )
            })
            .collect(),
        hosted,
        guest,
        people: people
            .into_iter()
            .take(5)
            .map(|(_, (name, n))| {
                (
                    Link {
                        href: urls::actor(&name),
                        label: name,
                    },
                    n,
                )
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "terms.html")]
struct TermsPage<'a> {
    c: Chrome<'a>,
    heading: String,
    noun: &'static str,
    terms: Vec<(Link, usize)>,
}

/// One term's pages, before rendering.
struct TermPage<'t> {
    href: &'t str,
    parent: Link,
    heading: String,
    intro: String,
    /// Chronological; pages list them newest first.
    events: &'t [usize],
    with_chart: bool,
    /// The home page's filter for this term (`index.html?country=JM`).
    filter_href: String,
    /// A country's code: its first page gets a summary.
    country: Option<&'t str>,
}

fn parent(href: &str, label: &str) -> Link {
    Link {
        href: href.into(),
        label: label.into(),
    }
}

impl Renderer<'_> {
    /// Every term's page: what it lists comes from the site index.
    pub(super) fn render_taxonomies(&self) -> Result<(), RenderError> {
        let index = &self.site.index;
        let actor_info: BTreeMap<String, &crate::model::Actor> = self
            .site
            .actors
            .iter()
            .map(|a| (crate::model::slug::slugify(&a.name), a))
            .collect();
        let mut pages: Vec<TermPage> = Vec::new();
        for (country, term) in &index.countries {
            let intro = match country.kind {
                CountryKind::State => String::new(),
                CountryKind::Historical => format!(
                    "{} is a historical state (code {}).",
                    country.name, country.code
                ),
                CountryKind::Region => {
                    format!("{} is a region or grouping, not a state.", country.name)
                }
            };
            pages.push(TermPage {
                href: &term.href,
                parent: parent(urls::COUNTRIES, "All countries"),
                heading: country.name.clone(),
                intro,
                events: &term.events,
                with_chart: true,
                filter_href: filter_href("country", &country.code),
                country: Some(&country.code),
            });
        }
        for term in &index.actors {
            let intro = actor_info
                .get(&crate::model::slug::slugify(&term.label))
                .map(|a| {
                    let mut parts = Vec::new();
                    if let Some(r) = &a.role {
                        parts.push(r.clone());
                    }
                    if let Some(c) = &a.country {
                        parts.push(c.name.clone());
                    }
                    parts.join(", ")
                })
                .unwrap_or_default();
            pages.push(plain(
                term,
                (urls::ACTORS, "All people"),
                term.label.clone(),
                intro,
                filter_href("person", &slugify(&term.label)),
            ));
        }
        for (kind, term) in &index.types {
            pages.push(plain(
                term,
                (urls::TYPES, "All types"),
                term.label.clone(),
                String::new(),
                filter_href("type", kind.as_str()),
            ));
        }
        for term in &index.tags {
            let heading = format!("Tag: {}", term.label);
            pages.push(plain(
                term,
                (urls::TAGS, "All tags"),
                heading,
                String::new(),
                filter_href("tag", &slugify(&term.label)),
            ));
        }
        let rows = RowCache::new(self.views, "../");
        // Every page of every term, so that a term with thousands of events does not hold up
        // the others on one core.
        let jobs: Vec<(&TermPage, usize)> = pages
            .iter()
            .flat_map(|p| (1..=p.events.len().div_ceil(PAGE_SIZE).max(1)).map(move |n| (p, n)))
            .collect();
        jobs.par_iter()
            .try_for_each(|&(page, n)| self.render_term_page(page, n, &rows))
    }

    /// Page `n` (1-based) of a term: the events newest first, grouped by year.
    fn render_term_page(
        &self,
        page: &TermPage,
        n: usize,
        rows: &RowCache,
    ) -> Result<(), RenderError> {
        let total = page.events.len();
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let href = urls::nth_page(page.href, n);
        // Newest first: page 1 holds the last PAGE_SIZE events.
        let end = total - (n - 1) * PAGE_SIZE;
        let start = end.saturating_sub(PAGE_SIZE);
        let shown: Vec<usize> = page.events[start..end].iter().rev().copied().collect();
        let with_chart = page.with_chart && n == 1;
        let key = || {
            cache::hash_of(&(
                self.chrome("../", &href, page.heading.clone()),
                &page.parent,
                &page.intro,
                with_chart.then_some(page.events),
                total,
            ))
        };
        // A country's first page sums up all its events, so any of them changes it.
        let keyed: &[usize] = if page.country.is_some() && n == 1 {
            page.events
        } else {
            &shown
        };
        if !self.incremental.needs_render(&href, key, keyed) {
            self.sink.unchanged(&href);
            return Ok(());
        }
        let entry = |e| rows::entry_error(&href, e);
        let chart_svg = if with_chart {
            chart::bar_chart(
                &year_bars(self.site, page.events, "../"),
                &format!("Engagements per year: {}", page.heading),
            )
        } else {
            String::new()
        };
        let title = if n > 1 {
            format!("{} (page {n})", page.heading)
        } else {
            page.heading.clone()
        };
        let list = ListPage {
            c: self.chrome("../", &href, title),
            parent: page.parent.clone(),
            heading: page.heading.clone(),
            intro: page.intro.clone(),
            chart_svg,
            count: total,
            page: n,
            pages,
            shown_from: (n - 1) * PAGE_SIZE + 1,
            shown_to: (n - 1) * PAGE_SIZE + shown.len(),
            filter_href: page.filter_href.clone(),
            pager: Pager::new(page.href, n, pages),
            groups: rows::grouped(self.site, rows, &shown, Grouping::Year).map_err(entry)?,
            summary: page
                .country
                .filter(|_| n == 1)
                .and_then(|code| country_summary(self.site, code, page.events)),
        };
        let capacity = 24 * 1024 + rows.len_of(&shown).map_err(entry)?;
        self.file(render_html_sized(href.clone(), &list, capacity)?);
        Ok(())
    }

    /// The index page of each taxonomy, every term with its count.
    pub(super) fn render_term_indexes(&self) -> Result<(), RenderError> {
        let index = &self.site.index;
        let counted = |t: &Term| {
            (
                Link {
                    href: t.href.clone(),
                    label: t.label.clone(),
                },
                t.events.len(),
            )
        };
        let by_label = |mut terms: Vec<(Link, usize)>| {
            terms.sort_by(|a, b| a.0.label.cmp(&b.0.label));
            terms
        };
        let countries = by_label(index.countries.iter().map(|(_, t)| counted(t)).collect());
        let actors = by_label(index.actors.iter().map(counted).collect());
        let types = index.types.iter().map(|(_, t)| counted(t)).collect();
        let tags = index.tags.iter().map(counted).collect();
        for (path, heading, noun, terms) in [
            (
                urls::COUNTRIES,
                "Countries",
                "countries and regions",
                countries,
            ),
            (urls::ACTORS, "People", "people", actors),
            (urls::TYPES, "Types of engagement", "types", types),
            (urls::TAGS, "Tags", "tags", tags),
        ] {
            let page = TermsPage {
                c: self.chrome("../", path, heading.into()),
                heading: heading.into(),
                noun,
                terms,
            };
            self.file(render_html(path.into(), &page)?);
        }
        Ok(())
    }
}

fn plain<'t>(
    term: &'t Term,
    (parent_href, parent_label): (&str, &str),
    heading: String,
    intro: String,
    filter_href: String,
) -> TermPage<'t> {
    TermPage {
        href: &term.href,
        parent: parent(parent_href, parent_label),
        heading,
        intro,
        events: &term.events,
        with_chart: false,
        filter_href,
        country: None,
    }
}

/// The home page filtered to one term; values are codes and slugs, which need no escaping.
fn filter_href(param: &str, value: &str) -> String {
    format!("{}?{param}={value}", urls::HOME)
}
