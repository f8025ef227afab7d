//! Taxonomy pages from the site index: a page per country, person, type, tag and year listing
//! its events, and an index page per taxonomy with counts.

use super::views::Link;
use super::{
    cache, chart, entry_error, list_capacity, render_html, render_html_sized, year_bars, years_of,
    Chrome, ItemCache, RenderError, Renderer, YearView,
};
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
    years: Vec<YearView<'a>>,
}

#[derive(Template)]
#[template(path = "terms.html")]
struct TermsPage<'a> {
    c: Chrome<'a>,
    heading: String,
    noun: &'static str,
    terms: Vec<(Link, usize)>,
}

/// One term's page, before rendering.
struct TermPage<'t> {
    href: &'t str,
    parent: Link,
    heading: String,
    intro: String,
    events: &'t [usize],
    with_chart: bool,
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
                urls::ACTORS,
                "All people",
                term.label.clone(),
                intro,
            ));
        }
        for (_, term) in &index.types {
            pages.push(plain(
                term,
                urls::TYPES,
                "All types",
                term.label.clone(),
                String::new(),
            ));
        }
        for term in &index.tags {
            let heading = format!("Tag: {}", term.label);
            pages.push(plain(term, urls::TAGS, "All tags", heading, String::new()));
        }
        for (_, term) in &index.years {
            pages.push(plain(
                term,
                urls::YEARS,
                "All years",
                term.label.clone(),
                String::new(),
            ));
        }
        let items = ItemCache::new(self.views, "../", true);
        pages
            .par_iter()
            .try_for_each(|page| self.render_term_page(page, &items))
    }

    fn render_term_page(&self, page: &TermPage, items: &ItemCache) -> Result<(), RenderError> {
        let href = page.href;
        let key = || {
            cache::hash_of(&(
                self.chrome("../", href, page.heading.clone()),
                &page.parent,
                &page.intro,
                page.with_chart,
            ))
        };
        if !self.incremental.needs_render(href, key, page.events) {
            self.sink.unchanged(href);
            return Ok(());
        }
        let entry = |e| entry_error(href, e);
        let chart_svg = if page.with_chart {
            chart::bar_chart(
                &year_bars(self.site, page.events, "../"),
                &format!("Engagements per year: {}", page.heading),
            )
        } else {
            String::new()
        };
        let list = ListPage {
            c: self.chrome("../", href, page.heading.clone()),
            parent: page.parent.clone(),
            heading: page.heading.clone(),
            intro: page.intro.clone(),
            chart_svg,
            count: page.events.len(),
            years: years_of(self.site, items, page.events).map_err(entry)?,
        };
        let capacity = list_capacity(items, page.events.iter().copied()).map_err(entry)?;
        self.file(render_html_sized(href.to_string(), &list, capacity)?);
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
        let years = index.years.iter().rev().map(|(_, t)| counted(t)).collect();
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
            (urls::YEARS, "Years", "years", years),
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
    parent_href: &str,
    parent_label: &str,
    heading: String,
    intro: String,
) -> TermPage<'t> {
    TermPage {
        href: &term.href,
        parent: parent(parent_href, parent_label),
        heading,
        intro,
        events: &term.events,
        with_chart: false,
    }
}
