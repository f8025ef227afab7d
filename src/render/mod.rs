//! Stage 4: render the merged [`Site`] into files (HTML through Askama templates, feeds,
//! exports), all in memory; `write` puts them on disk.
//!
//! Every page links relatively (`root` is `""` or `"../"`), so the site works under any
//! sub-path and straight from disk. Output is sorted and free of timestamps: the same
//! content always renders to the same bytes.

pub mod articles;
pub mod briefings;
pub mod chart;
pub mod exports;
pub mod feeds;
pub mod markdown;
pub mod views;

use crate::merge::Site;
use crate::model::slug::slugify;
use crate::model::{Country, EventType};
use askama::Template;
use rayon::prelude::*;
use std::collections::BTreeMap;
use views::{EventView, Link};

/// One rendered file, its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Page furniture shared by every HTML page (the base layout's fields).
pub struct Chrome<'a> {
    pub lang: &'a str,
    pub site_title: &'a str,
    pub description: &'a str,
    pub page_title: String,
    pub root: &'static str,
    pub current: String,
    pub canonical: String,
    pub nav: &'a [Link],
    pub as_of: Option<(String, String)>,
    pub event_count: usize,
    pub publisher: &'a str,
    pub license: &'a str,
}

pub struct MonthView<'a> {
    pub id: String,
    pub label: String,
    pub events: Vec<&'a EventView>,
}

pub struct YearView<'a> {
    pub year: i32,
    pub count: usize,
    pub months: Vec<MonthView<'a>>,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    c: Chrome<'a>,
    heading: String,
    intro: String,
    chart_svg: String,
    count: usize,
    years: Vec<YearView<'a>>,
    /// Choices of the filter form, from the data.
    filters: briefings::FilterChoices,
    /// Full summaries that list items only excerpt, as JSON for the search.
    search_json: String,
    /// Events per year, the chart's data as a table.
    year_counts: Vec<(Link, usize)>,
    briefings: Vec<Link>,
}

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

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage<'a> {
    c: Chrome<'a>,
    e: &'a EventView,
}

#[derive(Template)]
#[template(path = "page.html")]
struct MarkdownPage<'a> {
    c: Chrome<'a>,
    heading: String,
    body_html: String,
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage<'a> {
    c: Chrome<'a>,
}

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap {
    urls: Vec<String>,
}

/// The event indexes of one taxonomy term.
struct Term {
    link: Link,
    events: Vec<usize>,
}

/// Builds the chronological year/month groups for a subset of events (indexes into `views`).
fn years_of<'a>(site: &Site, views: &'a [EventView], indexes: &[usize]) -> Vec<YearView<'a>> {
    let events: Vec<&crate::model::Event> = indexes.iter().map(|&i| &site.events[i]).collect();
    views::group_by_month(&events)
        .into_iter()
        .map(|y| YearView {
            year: y.year,
            count: y.count,
            months: y
                .months
                .into_iter()
                .map(|m| MonthView {
                    id: m.id,
                    label: m.label,
                    events: m.events.into_iter().map(|i| &views[indexes[i]]).collect(),
                })
                .collect(),
        })
        .collect()
}

fn year_bars(site: &Site, indexes: &[usize], root: &str) -> Vec<chart::Bar> {
    let mut per_year: BTreeMap<i32, usize> = BTreeMap::new();
    for &i in indexes {
        *per_year.entry(site.events[i].date.start.year).or_default() += 1;
    }
    let (Some(&first), Some(&last)) = (per_year.keys().next(), per_year.keys().next_back()) else {
        return Vec::new();
    };
    // Every year in the span gets a bar, empty ones too, so gaps are visible.
    (first..=last)
        .map(|y| chart::Bar {
            label: y.to_string(),
            count: per_year.get(&y).copied().unwrap_or(0),
            href: format!("{root}years/{y}.html"),
        })
        .collect()
}

pub(crate) fn render_html<T: Template>(path: String, page: &T) -> OutputFile {
    let html = page
        .render()
        .unwrap_or_else(|e| format!("<!DOCTYPE html><title>Render error</title><p>{e}</p>"));
    OutputFile {
        path,
        bytes: html.into_bytes(),
    }
}

/// Renders the whole site into memory.
pub fn render_site(site: &Site) -> Vec<OutputFile> {
    let config = &site.config;
    let article_titles: BTreeMap<String, String> = site
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.headline.clone()))
        .collect();
    let views: Vec<EventView> = site
        .events
        .par_iter()
        .map(|e| EventView::new(e, &article_titles))
        .collect();

    let mut nav = vec![
        Link {
            href: "index.html".into(),
            label: "Timeline".into(),
        },
        Link {
            href: "countries/index.html".into(),
            label: "Countries".into(),
        },
        Link {
            href: "actors/index.html".into(),
            label: "People".into(),
        },
        Link {
            href: "types/index.html".into(),
            label: "Types".into(),
        },
        Link {
            href: "tags/index.html".into(),
            label: "Tags".into(),
        },
        Link {
            href: "years/index.html".into(),
            label: "Years".into(),
        },
    ];
    if !site.articles.is_empty() {
        nav.push(Link {
            href: "articles/index.html".into(),
            label: "Articles".into(),
        });
    }
    if !site.review.is_empty() {
        nav.push(Link {
            href: "review.html".into(),
            label: "Review".into(),
        });
    }
    for p in &site.pages {
        nav.push(Link {
            href: format!("{}.html", p.slug),
            label: p.title.clone(),
        });
    }
    let as_of = config.as_of.map(|d| (d.iso(), d.human()));
    let chrome = |root: &'static str, current: &str, title: String| Chrome {
        lang: &config.language,
        site_title: &config.title,
        description: &config.description,
        page_title: title,
        root,
        current: current.to_string(),
        canonical: config
            .base_url_slash()
            .map(|b| format!("{b}{current}"))
            .unwrap_or_default(),
        nav: &nav,
        as_of: as_of.clone(),
        event_count: site.events.len(),
        publisher: config.publisher.as_deref().unwrap_or(""),
        license: config.license.as_deref().unwrap_or(""),
    };

    let all: Vec<usize> = (0..site.events.len()).collect();
    let mut files = Vec::new();

    // Home: the whole timeline.
    files.push(render_html(
        "index.html".into(),
        &IndexPage {
            c: chrome("", "index.html", String::new()),
            heading: config.title.clone(),
            intro: config.description.clone(),
            chart_svg: chart::bar_chart(&year_bars(site, &all, ""), "Engagements per year"),
            count: site.events.len(),
            years: years_of(site, &views, &all),
            filters: briefings::filter_choices(site),
            search_json: briefings::search_extra_json(site, &views),
            year_counts: year_bars(site, &all, "")
                .into_iter()
                .map(|b| {
                    (
                        Link {
                            href: b.href,
                            label: b.label,
                        },
                        b.count,
                    )
                })
                .collect(),
            briefings: briefings::links(site),
        },
    ));

    // One page per event, rendered in parallel: this is most of the site.
    let event_pages: Vec<OutputFile> = views
        .par_iter()
        .map(|e| {
            render_html(
                e.href.clone(),
                &EventPage {
                    c: chrome("../", &e.href, e.title.clone()),
                    e,
                },
            )
        })
        .collect();
    files.extend(event_pages);

    // Taxonomies: country, actor, type, tag, year.
    let mut countries: BTreeMap<String, (Country, Vec<usize>)> = BTreeMap::new();
    let mut actors: BTreeMap<String, Term> = BTreeMap::new();
    let mut types: BTreeMap<EventType, Vec<usize>> = BTreeMap::new();
    let mut tags: BTreeMap<String, Term> = BTreeMap::new();
    let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, e) in site.events.iter().enumerate() {
        for c in &e.countries {
            countries
                .entry(c.slug())
                .or_insert_with(|| (c.clone(), Vec::new()))
                .1
                .push(i);
        }
        for a in &e.actors {
            actors
                .entry(slugify(a))
                .or_insert_with(|| Term {
                    link: Link {
                        href: views::actor_href(a),
                        label: a.clone(),
                    },
                    events: Vec::new(),
                })
                .events
                .push(i);
        }
        for t in &e.tags {
            tags.entry(slugify(t))
                .or_insert_with(|| Term {
                    link: Link {
                        href: views::tag_href(t),
                        label: t.clone(),
                    },
                    events: Vec::new(),
                })
                .events
                .push(i);
        }
        types.entry(e.kind).or_default().push(i);
        years.entry(e.date.start.year).or_default().push(i);
    }
    let actor_info: BTreeMap<String, &crate::model::Actor> =
        site.actors.iter().map(|a| (slugify(&a.name), a)).collect();

    let mut term_pages: Vec<(String, Link, String, String, Vec<usize>, bool)> = Vec::new();
    let countries_link = Link {
        href: "countries/index.html".into(),
        label: "All countries".into(),
    };
    for (country, idx) in countries.values() {
        let kind = match country.kind {
            crate::model::CountryKind::State => String::new(),
            crate::model::CountryKind::Historical => format!(
                "{} is a historical state (code {}).",
                country.name, country.code
            ),
            crate::model::CountryKind::Region => {
                format!("{} is a region or grouping, not a state.", country.name)
            }
        };
        term_pages.push((
            views::country_href(country),
            countries_link.clone(),
            country.name.clone(),
            kind,
            idx.clone(),
            true,
        ));
    }
    let actors_link = Link {
        href: "actors/index.html".into(),
        label: "All people".into(),
    };
    for (slug, term) in &actors {
        let intro = actor_info
            .get(slug)
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
        term_pages.push((
            term.link.href.clone(),
            actors_link.clone(),
            term.link.label.clone(),
            intro,
            term.events.clone(),
            false,
        ));
    }
    let types_link = Link {
        href: "types/index.html".into(),
        label: "All types".into(),
    };
    for (kind, idx) in &types {
        term_pages.push((
            format!("types/{}.html", kind.as_str()),
            types_link.clone(),
            kind.plural().to_string(),
            String::new(),
            idx.clone(),
            false,
        ));
    }
    let tags_link = Link {
        href: "tags/index.html".into(),
        label: "All tags".into(),
    };
    for term in tags.values() {
        term_pages.push((
            term.link.href.clone(),
            tags_link.clone(),
            format!("Tag: {}", term.link.label),
            String::new(),
            term.events.clone(),
            false,
        ));
    }
    let years_link = Link {
        href: "years/index.html".into(),
        label: "All years".into(),
    };
    for (year, idx) in &years {
        term_pages.push((
            format!("years/{year}.html"),
            years_link.clone(),
            year.to_string(),
            String::new(),
            idx.clone(),
            false,
        ));
    }
    let rendered_terms: Vec<OutputFile> = term_pages
        .par_iter()
        .map(|(href, parent, heading, intro, idx, with_chart)| {
            render_html(
                href.clone(),
                &ListPage {
                    c: chrome("../", href, heading.clone()),
                    parent: parent.clone(),
                    heading: heading.clone(),
                    intro: intro.clone(),
                    chart_svg: if *with_chart {
                        chart::bar_chart(
                            &year_bars(site, idx, "../"),
                            &format!("Engagements per year: {heading}"),
                        )
                    } else {
                        String::new()
                    },
                    count: idx.len(),
                    years: years_of(site, &views, idx),
                },
            )
        })
        .collect();
    files.extend(rendered_terms);

    // Index pages with counts.
    let mut country_terms: Vec<(Link, usize)> = countries
        .values()
        .map(|(c, idx)| {
            (
                Link {
                    href: views::country_href(c),
                    label: c.name.clone(),
                },
                idx.len(),
            )
        })
        .collect();
    country_terms.sort_by(|a, b| a.0.label.cmp(&b.0.label));
    let mut actor_terms: Vec<(Link, usize)> = actors
        .values()
        .map(|t| (t.link.clone(), t.events.len()))
        .collect();
    actor_terms.sort_by(|a, b| a.0.label.cmp(&b.0.label));
    let type_terms: Vec<(Link, usize)> = types
        .iter()
        .map(|(k, idx)| {
            (
                Link {
                    href: format!("types/{}.html", k.as_str()),
                    label: k.plural().to_string(),
                },
                idx.len(),
            )
        })
        .collect();
    let tag_terms: Vec<(Link, usize)> = tags
        .values()
        .map(|t| (t.link.clone(), t.events.len()))
        .collect();
    let year_terms: Vec<(Link, usize)> = years
        .iter()
        .rev()
        .map(|(y, idx)| {
            (
                Link {
                    href: format!("years/{y}.html"),
                    label: y.to_string(),
                },
                idx.len(),
            )
        })
        .collect();
    for (path, heading, noun, terms) in [
        (
            "countries/index.html",
            "Countries",
            "countries and regions",
            country_terms,
        ),
        ("actors/index.html", "People", "people", actor_terms),
        (
            "types/index.html",
            "Types of engagement",
            "types",
            type_terms,
        ),
        ("tags/index.html", "Tags", "tags", tag_terms),
        ("years/index.html", "Years", "years", year_terms),
    ] {
        files.push(render_html(
            path.into(),
            &TermsPage {
                c: chrome("../", path, heading.into()),
                heading: heading.into(),
                noun,
                terms,
            },
        ));
    }

    for p in &site.pages {
        let path = format!("{}.html", p.slug);
        files.push(render_html(
            path.clone(),
            &MarkdownPage {
                c: chrome("", &path, p.title.clone()),
                heading: p.title.clone(),
                body_html: markdown::to_html(&p.body_markdown),
            },
        ));
    }
    files.push(render_html(
        "404.html".into(),
        &NotFoundPage {
            c: chrome("", "404.html", "Page not found".into()),
        },
    ));

    files.extend(articles::render(site, &views, &chrome));
    files.extend(briefings::render(site, &views));
    files.extend(feeds::render(site));
    files.extend(exports::render(site));

    // The sitemap lists pages by absolute URL, so it needs `base_url`.
    if let Some(base) = config.base_url_slash() {
        let mut urls: Vec<String> = files
            .iter()
            .filter(|f| f.path.ends_with(".html") && f.path != "404.html")
            .map(|f| format!("{base}{}", f.path))
            .collect();
        urls.sort();
        let xml = Sitemap { urls }.render().unwrap_or_default();
        files.push(OutputFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        });
    }
    files
}
