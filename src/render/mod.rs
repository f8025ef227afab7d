//! Stage 4: render the merged [`Site`] into files (HTML through Askama templates, feeds,
//! exports), handed one by one to a [`Sink`] (`write` puts them on disk as they come, so a
//! large site never sits in memory whole). With a [`RenderCache`] kept from the previous
//! build, pages whose inputs have not changed are not rendered again.
//!
//! [`render`] reads as the list of what a site is made of: one `render_*` step per kind of
//! output. Every page links relatively (`root` is `""` or `"../"`), so the site works under
//! any sub-path and straight from disk. Output is sorted and free of timestamps: the same
//! content always renders to the same bytes.

mod archive;
mod articles;
mod briefing_exports;
mod briefings;
mod browse;
mod cache;
mod chart;
mod embed;
mod exports;
mod feeds;
mod home;
mod map;
mod markdown;
mod rows;
mod taxonomies;
mod views;

pub(crate) use cache::RenderCache;

use crate::model::{urls, OutputFile, Sink, Site};
use askama::Template;
use cache::{Incremental, Noting};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use views::{EventView, Link};

/// A page or file that could not be rendered.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RenderError {
    /// A briefing's Word document or graphic could not be made.
    #[error("cannot make {path}: {source}")]
    Export {
        /// The file's path in the output directory.
        path: String,
        /// What went wrong.
        #[source]
        source: briefing_exports::ExportError,
    },
    /// A template failed to render a page.
    #[error("cannot render {path}: {source}")]
    Page {
        /// The page's path in the output directory.
        path: String,
        /// What the template engine reported.
        #[source]
        source: askama::Error,
    },
    /// An event's list entry, shared by many pages, failed to render.
    #[error("cannot render the list entry of {event} on {path}: {source}")]
    Entry {
        /// The page listing the event.
        path: String,
        /// The event's page.
        event: String,
        /// What the template engine reported.
        #[source]
        source: Arc<askama::Error>,
    },
}

/// How much of the site a build rendered.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct RenderStats {
    /// Files rendered this time.
    pub(crate) rendered: usize,
    /// Files left as the previous build wrote them.
    pub(crate) reused: usize,
    /// HTML pages in the site, rendered or reused.
    pub(crate) html_pages: usize,
}

/// Renders the site into `sink`. With a cache, event and list pages whose inputs are unchanged
/// since the cached build are reported as unchanged instead of rendered.
pub(crate) fn render(
    site: &Site,
    mut cache: Option<&mut RenderCache>,
    sink: &dyn Sink,
) -> Result<RenderStats, RenderError> {
    let (views, view_hashes) = cache::event_views(site, cache.as_deref_mut());
    let nav = navigation(site);
    let browse = browse::render(site, &views);
    let r = Renderer {
        site,
        views: &views,
        nav: &nav,
        index_version: &browse.version,
        as_of: site.config.as_of.map(|d| (d.iso(), d.human())),
        sink: Noting::new(sink),
        incremental: Incremental::new(cache.as_ref().map(|c| c.pages()), view_hashes.as_deref()),
    };
    // Independent of each other: run side by side on every core (the home page, one long
    // serial render, is the longest).
    r.files(browse.files);
    all_of(&[
        &|| r.render_home(),
        &|| r.render_builder(),
        &|| r.render_archive(),
        &|| r.render_event_pages(),
        &|| r.render_taxonomies(),
        &|| r.render_term_indexes(),
        &|| r.render_articles_and_review(),
        &|| r.render_briefings(),
        &|| r.render_embeds(),
        &|| r.render_feeds(),
        &|| r.render_exports(),
        &|| r.render_markdown_pages(),
        &|| r.render_not_found(),
    ])?;
    // Lists every page rendered above.
    r.render_sitemap()?;
    let (stats, keys) = r.finish();
    if let Some(cache) = cache {
        cache.keep(site, views, view_hashes.unwrap_or_default(), keys);
    }
    Ok(stats)
}

type Step<'s> = &'s (dyn Fn() -> Result<(), RenderError> + Sync);

/// Runs every step in parallel; the first error (in the order given) wins.
fn all_of(steps: &[Step<'_>]) -> Result<(), RenderError> {
    let results: Vec<Result<(), RenderError>> = steps.par_iter().map(|step| step()).collect();
    results.into_iter().collect()
}

/// The site's navigation: the taxonomies, articles and review when there are any, the pages.
fn navigation(site: &Site) -> Vec<Link> {
    let link = |href: &str, label: &str| Link {
        href: href.into(),
        label: label.into(),
    };
    let mut nav = vec![
        link(urls::HOME, "Timeline"),
        link(urls::COUNTRIES, "Countries"),
        link(urls::ACTORS, "People"),
        link(urls::TYPES, "Types"),
        link(urls::TAGS, "Tags"),
        link(urls::YEARS, "Years"),
    ];
    if !site.articles.is_empty() {
        nav.push(link(urls::ARTICLES, "Articles"));
    }
    if !site.review.is_empty() {
        nav.push(link(urls::REVIEW, "Review"));
    }
    for p in &site.pages {
        nav.push(link(&urls::page(&p.slug), &p.title));
    }
    nav
}

/// Page furniture shared by every HTML page (the base layout's fields).
#[derive(Hash)]
pub(crate) struct Chrome<'a> {
    pub(crate) lang: &'a str,
    pub(crate) site_title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) page_title: String,
    pub(crate) root: &'static str,
    pub(crate) current: String,
    pub(crate) canonical: String,
    pub(crate) nav: &'a [Link],
    pub(crate) as_of: Option<(String, String)>,
    pub(crate) event_count: usize,
    pub(crate) publisher: &'a str,
    pub(crate) license: &'a str,
}

/// Makes the chrome of a page from its link prefix, its path and its title.
pub(crate) type ChromeFn<'a> = dyn Fn(&'static str, &str, String) -> Chrome<'a> + Sync + 'a;

/// What every step shares: the site, the event views, the navigation, and the sink that
/// notes each page for the sitemap and incremental builds.
struct Renderer<'r> {
    site: &'r Site,
    views: &'r [EventView],
    nav: &'r [Link],
    /// The browser index's version, which the home page loads it by.
    index_version: &'r str,
    as_of: Option<(String, String)>,
    sink: Noting<'r>,
    incremental: Incremental<'r>,
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

impl<'r> Renderer<'r> {
    fn chrome(&self, root: &'static str, current: &str, title: String) -> Chrome<'r> {
        let config = &self.site.config;
        Chrome {
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
            nav: self.nav,
            as_of: self.as_of.clone(),
            event_count: self.site.events.len(),
            publisher: config.publisher.as_deref().unwrap_or(""),
            license: config.license.as_deref().unwrap_or(""),
        }
    }

    fn file(&self, file: OutputFile) {
        self.sink.file(file);
    }

    fn files(&self, files: Vec<OutputFile>) {
        for f in files {
            self.sink.file(f);
        }
    }

    /// One page per event, rendered in parallel: this is most of the site.
    fn render_event_pages(&self) -> Result<(), RenderError> {
        let permalinks = &self.site.index.permalinks;
        self.views
            .par_iter()
            .zip(permalinks.par_iter())
            .enumerate()
            .try_for_each(|(i, (e, path))| {
                let c = self.chrome("../", path, e.title.clone());
                if self
                    .incremental
                    .needs_render(path, || cache::hash_of(&c), &[i])
                {
                    self.file(render_html(path.clone(), &EventPage { c, e })?);
                } else {
                    self.sink.unchanged(path);
                }
                Ok(())
            })
    }

    fn render_articles_and_review(&self) -> Result<(), RenderError> {
        let chrome = |root, current: &str, title| self.chrome(root, current, title);
        self.files(articles::render(self.site, self.views, &chrome)?);
        Ok(())
    }

    fn render_briefings(&self) -> Result<(), RenderError> {
        self.files(briefings::render(self.site, self.views)?);
        Ok(())
    }

    fn render_feeds(&self) -> Result<(), RenderError> {
        self.files(feeds::render(self.site, self.views));
        Ok(())
    }

    fn render_exports(&self) -> Result<(), RenderError> {
        self.files(exports::render(self.site, self.views));
        Ok(())
    }

    fn render_markdown_pages(&self) -> Result<(), RenderError> {
        for p in &self.site.pages {
            let path = urls::page(&p.slug);
            self.file(render_html(
                path.clone(),
                &MarkdownPage {
                    c: self.chrome("", &path, p.title.clone()),
                    heading: p.title.clone(),
                    body_html: markdown::to_html(&p.body_markdown),
                },
            )?);
        }
        Ok(())
    }

    fn render_not_found(&self) -> Result<(), RenderError> {
        let c = self.chrome("", urls::NOT_FOUND, "Page not found".into());
        self.file(render_html(urls::NOT_FOUND.into(), &NotFoundPage { c })?);
        Ok(())
    }

    /// The sitemap lists pages by absolute URL, so it needs `base_url`.
    fn render_sitemap(&self) -> Result<(), RenderError> {
        let Some(base) = self.site.config.base_url_slash() else {
            return Ok(());
        };
        let mut urls: Vec<String> = self
            .sink
            .pages()
            .iter()
            .filter(|p| *p != urls::NOT_FOUND)
            .map(|p| format!("{base}{p}"))
            .collect();
        urls.sort();
        let path = urls::SITEMAP;
        let xml = Sitemap { urls }
            .render()
            .map_err(|source| RenderError::Page {
                path: path.into(),
                source,
            })?;
        self.file(OutputFile {
            path: path.into(),
            bytes: xml.into_bytes(),
        });
        Ok(())
    }

    /// What was rendered, and the keys of the pages for the next incremental build.
    fn finish(self) -> (RenderStats, Vec<(String, u64)>) {
        let html_pages = self.sink.pages().len();
        let (rendered, reused) = self.sink.counts();
        let stats = RenderStats {
            rendered,
            reused,
            html_pages,
        };
        (stats, self.incremental.into_keys())
    }
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
            href: format!("{root}{}", urls::year(y)),
        })
        .collect()
}

pub(crate) fn render_html<T: Template>(path: String, page: &T) -> Result<OutputFile, RenderError> {
    render_html_sized(path, page, T::SIZE_HINT)
}

/// [`render_html`] into a buffer of `capacity` bytes: a list page of thousands of entries
/// would otherwise grow by doubling, copying itself and touching fresh memory each time.
fn render_html_sized<T: Template>(
    path: String,
    page: &T,
    capacity: usize,
) -> Result<OutputFile, RenderError> {
    let mut html = String::with_capacity(capacity);
    match page.render_into(&mut html) {
        Ok(()) => Ok(OutputFile {
            path,
            bytes: html.into_bytes(),
        }),
        Err(source) => Err(RenderError::Page { path, source }),
    }
}
