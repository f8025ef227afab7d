//! Stage 4: render the merged [`Site`] into files (HTML through Askama templates, feeds,
//! exports), handed one by one to a [`Sink`] (`write` puts them on disk as they come, so a
//! large site never sits in memory whole). With a [`RenderCache`] kept from the previous
//! build, pages whose inputs have not changed are not rendered again.
//!
//! Every page links relatively (`root` is `""` or `"../"`), so the site works under any
//! sub-path and straight from disk. Output is sorted and free of timestamps: the same
//! content always renders to the same bytes.

pub mod articles;
pub mod briefing_exports;
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
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use views::{EventView, Link};

/// One rendered file, its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Page furniture shared by every HTML page (the base layout's fields).
#[derive(Hash)]
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
    /// The events' list entries, already rendered (see [`ItemCache`]).
    pub events: Vec<&'a str>,
}

/// The link prefix of a page, for templates rendered outside a full page.
pub struct ItemRoot {
    pub root: &'static str,
}

#[derive(Template)]
#[template(path = "event_item.html")]
struct EventItem<'a> {
    c: ItemRoot,
    e: &'a EventView,
    hl: u8,
    /// Taxonomy pages list events without places, excerpt and sources (the event page has
    /// them): those pages repeat every event several times over and dominate the output.
    compact: bool,
}

/// Each event's list entry, rendered once per link depth and reused by every page that lists
/// the event: the home page and a dozen taxonomy pages would otherwise each escape and format
/// the same entry again. Entries are rendered on first use, so an incremental rebuild renders
/// only the entries of the pages it re-renders.
pub struct ItemCache<'a> {
    views: &'a [EventView],
    root: &'static str,
    compact: bool,
    items: Vec<std::sync::OnceLock<String>>,
}

impl<'a> ItemCache<'a> {
    pub fn new(views: &'a [EventView], root: &'static str, compact: bool) -> Self {
        ItemCache {
            views,
            root,
            compact,
            items: (0..views.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        }
    }

    pub fn get(&self, i: usize) -> &str {
        self.items[i].get_or_init(|| {
            EventItem {
                c: ItemRoot { root: self.root },
                e: &self.views[i],
                hl: 4,
                compact: self.compact,
            }
            .render()
            .unwrap_or_default()
        })
    }
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
fn years_of<'a>(site: &Site, items: &'a ItemCache<'_>, indexes: &[usize]) -> Vec<YearView<'a>> {
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
                    events: m
                        .events
                        .into_iter()
                        .map(|i| items.get(indexes[i]))
                        .collect(),
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
    render_html_sized(path, page, T::SIZE_HINT)
}

/// [`render_html`] into a buffer of `capacity` bytes: a list page of thousands of entries
/// would otherwise grow by doubling, copying itself and touching fresh memory each time.
fn render_html_sized<T: Template>(path: String, page: &T, capacity: usize) -> OutputFile {
    let mut html = String::with_capacity(capacity);
    if let Err(e) = page.render_into(&mut html) {
        html = format!("<!DOCTYPE html><title>Render error</title><p>{e}</p>");
    }
    OutputFile {
        path,
        bytes: html.into_bytes(),
    }
}

/// Room for a page listing the entries `indexes` of `items`, plus its chrome.
fn list_capacity(items: &ItemCache<'_>, indexes: impl Iterator<Item = usize>) -> usize {
    indexes.map(|i| items.get(i).len() + 1).sum::<usize>() + 32 * 1024
}

/// Receives rendered files as they are produced, from several threads at once.
pub trait Sink: Sync {
    fn file(&self, file: OutputFile);
    /// A file of the previous build that is still up to date (incremental builds only).
    fn unchanged(&self, path: &str);
}

/// What the previous build rendered, kept by `entente serve` between rebuilds.
#[derive(Default)]
pub struct RenderCache {
    article_titles: BTreeMap<String, String>,
    /// By event id: the event as last rendered, its view and the view's hash.
    events: HashMap<String, (crate::model::Event, EventView, u64)>,
    /// Event and list pages by path: a hash of everything the template was given.
    pages: HashMap<String, u64>,
}

/// How much of the site a build rendered.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub rendered: usize,
    pub reused: usize,
    /// HTML pages in the site, rendered or reused.
    pub html_pages: usize,
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Collects everything in memory, for callers that want the whole site at once.
struct Collect(Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn file(&self, file: OutputFile) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
    }
    fn unchanged(&self, _path: &str) {}
}

/// Passes files on, noting the HTML pages for the sitemap.
struct Noting<'s> {
    inner: &'s dyn Sink,
    pages: Mutex<Vec<String>>,
    rendered: std::sync::atomic::AtomicUsize,
    reused: std::sync::atomic::AtomicUsize,
}

impl Noting<'_> {
    fn note(&self, path: &str) {
        if path.ends_with(".html") {
            self.pages
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(path.to_string());
        }
    }
}

impl Sink for Noting<'_> {
    fn file(&self, file: OutputFile) {
        use std::sync::atomic::Ordering;
        self.note(&file.path);
        self.rendered.fetch_add(1, Ordering::Relaxed);
        self.inner.file(file);
    }
    fn unchanged(&self, path: &str) {
        use std::sync::atomic::Ordering;
        self.note(path);
        self.reused.fetch_add(1, Ordering::Relaxed);
        self.inner.unchanged(path);
    }
}

/// Renders the whole site into memory, sorted by path.
pub fn render_site(site: &Site) -> Vec<OutputFile> {
    let sink = Collect(Mutex::new(Vec::new()));
    render_into(site, None, &sink);
    let mut files = sink.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Views of all events, reusing the cached view of every event that has not changed; with a
/// cache, also the hash of each view.
fn event_views(site: &Site, cache: Option<&mut RenderCache>) -> (Vec<EventView>, Option<Vec<u64>>) {
    let article_titles: BTreeMap<String, String> = site
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.headline.clone()))
        .collect();
    let Some(cache) = cache else {
        let views = site
            .events
            .par_iter()
            .map(|e| EventView::new(e, &article_titles))
            .collect();
        return (views, None);
    };
    // Article headlines appear in views, so a changed headline invalidates them all.
    if cache.article_titles != article_titles {
        cache.events.clear();
        cache.article_titles = article_titles;
    }
    let previous = &cache.events;
    let titles = &cache.article_titles;
    let (views, hashes): (Vec<EventView>, Vec<u64>) = site
        .events
        .par_iter()
        .map(|e| match previous.get(&e.id) {
            Some((old, view, hash)) if old == e => (view.clone(), *hash),
            _ => {
                let view = EventView::new(e, titles);
                let hash = hash_of(&view);
                (view, hash)
            }
        })
        .unzip();
    (views, Some(hashes))
}

/// Renders the site into `sink`. With a cache, event and list pages whose inputs are unchanged
/// since the cached build are reported as unchanged instead of rendered.
pub fn render_into(
    site: &Site,
    mut cache: Option<&mut RenderCache>,
    sink: &dyn Sink,
) -> RenderStats {
    let config = &site.config;
    let (views, view_hashes) = event_views(site, cache.as_deref_mut());
    let previous_pages = cache.as_ref().map(|c| &c.pages);
    let noting = Noting {
        inner: sink,
        pages: Mutex::new(Vec::new()),
        rendered: Default::default(),
        reused: Default::default(),
    };
    let sink = &noting;
    let incremental = Incremental {
        previous: previous_pages,
        view_hashes: view_hashes.as_deref(),
        keys: Mutex::new(Vec::new()),
    };

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

    // The home page is one long serial render; the rest runs beside it on the other cores.
    rayon::join(
        || sink.file(render_home(site, &views, &chrome)),
        || render_rest(site, &views, &chrome, &incremental, sink),
    );

    let pages = std::mem::take(&mut *noting.pages.lock().unwrap_or_else(|e| e.into_inner()));
    let html_pages = pages.len();
    // The sitemap lists pages by absolute URL, so it needs `base_url`.
    if let Some(base) = config.base_url_slash() {
        let mut urls: Vec<String> = pages
            .iter()
            .filter(|p| *p != "404.html")
            .map(|p| format!("{base}{p}"))
            .collect();
        urls.sort();
        let xml = Sitemap { urls }.render().unwrap_or_default();
        sink.file(OutputFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        });
    }
    let keys = incremental
        .keys
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(cache) = cache {
        cache.pages = keys.into_iter().collect();
        // The views go to the cache now that rendering is done, rather than as copies.
        let hashes = view_hashes.unwrap_or_default();
        cache.events = site
            .events
            .iter()
            .zip(views.into_iter().zip(hashes))
            .map(|(e, (v, h))| (e.id.clone(), (e.clone(), v, h)))
            .collect();
    }
    RenderStats {
        rendered: noting.rendered.into_inner(),
        reused: noting.reused.into_inner(),
        html_pages,
    }
}

/// What incremental rendering needs: the previous build's page keys and this build's.
struct Incremental<'c> {
    previous: Option<&'c HashMap<String, u64>>,
    view_hashes: Option<&'c [u64]>,
    keys: Mutex<Vec<(String, u64)>>,
}

impl Incremental<'_> {
    /// Whether the page at `path` needs rendering; `key` hashes the page's other inputs, and
    /// `events` are the events it shows.
    fn needs_render(&self, path: &str, key: impl FnOnce() -> u64, events: &[usize]) -> bool {
        let Some(view_hashes) = self.view_hashes else {
            return true;
        };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key().hash(&mut h);
        for &i in events {
            view_hashes[i].hash(&mut h);
        }
        let key = h.finish();
        self.keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_string(), key));
        self.previous.and_then(|p| p.get(path)) != Some(&key)
    }
}

type ChromeFn<'a> = dyn Fn(&'static str, &str, String) -> Chrome<'a> + Sync + 'a;

fn render_home<'a>(site: &'a Site, views: &'a [EventView], chrome: &ChromeFn<'a>) -> OutputFile {
    let config = &site.config;
    let home_items = ItemCache::new(views, "", false);
    // The home page itself renders serially; its entries can be rendered on every core first.
    (0..views.len()).into_par_iter().for_each(|i| {
        home_items.get(i);
    });
    let all: Vec<usize> = (0..site.events.len()).collect();
    let search_json = briefings::search_extra_json(site, views);
    let capacity = list_capacity(&home_items, 0..views.len()) + search_json.len();
    render_html_sized(
        "index.html".into(),
        &IndexPage {
            c: chrome("", "index.html", String::new()),
            heading: config.title.clone(),
            intro: config.description.clone(),
            chart_svg: chart::bar_chart(&year_bars(site, &all, ""), "Engagements per year"),
            count: site.events.len(),
            years: years_of(site, &home_items, &all),
            filters: briefings::filter_choices(site),
            search_json,
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
        capacity,
    )
}

fn render_rest<'a>(
    site: &'a Site,
    views: &'a [EventView],
    chrome: &ChromeFn<'a>,
    incremental: &Incremental,
    sink: &dyn Sink,
) {
    rayon::scope(|s| {
        s.spawn(|_| {
            for f in feeds::render(site, views) {
                sink.file(f);
            }
        });
        s.spawn(|_| {
            for f in exports::render(site, views) {
                sink.file(f);
            }
        });
        s.spawn(|_| {
            for f in articles::render(site, views, chrome) {
                sink.file(f);
            }
            for f in briefings::render(site, views) {
                sink.file(f);
            }
        });
        render_pages(site, views, chrome, incremental, sink);
    });
}

fn render_pages<'a>(
    site: &'a Site,
    views: &'a [EventView],
    chrome: &ChromeFn<'a>,
    incremental: &Incremental,
    sink: &dyn Sink,
) {
    let items = ItemCache::new(views, "../", true);
    // One page per event, rendered in parallel: this is most of the site.
    views.par_iter().enumerate().for_each(|(i, e)| {
        let c = chrome("../", &e.href, e.title.clone());
        if incremental.needs_render(&e.href, || hash_of(&c), &[i]) {
            sink.file(render_html(e.href.clone(), &EventPage { c, e }));
        } else {
            sink.unchanged(&e.href);
        }
    });

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
    term_pages
        .par_iter()
        .for_each(|(href, parent, heading, intro, idx, with_chart)| {
            let key = || {
                hash_of(&(
                    chrome("../", href, heading.clone()),
                    parent,
                    intro,
                    with_chart,
                ))
            };
            if !incremental.needs_render(href, key, idx) {
                sink.unchanged(href);
                return;
            }
            sink.file(render_html_sized(
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
                    years: years_of(site, &items, idx),
                },
                list_capacity(&items, idx.iter().copied()),
            ));
        });

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
        sink.file(render_html(
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
        sink.file(render_html(
            path.clone(),
            &MarkdownPage {
                c: chrome("", &path, p.title.clone()),
                heading: p.title.clone(),
                body_html: markdown::to_html(&p.body_markdown),
            },
        ));
    }
    sink.file(render_html(
        "404.html".into(),
        &NotFoundPage {
            c: chrome("", "404.html", "Page not found".into()),
        },
    ));
}
