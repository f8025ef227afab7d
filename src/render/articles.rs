//! Article pages and the review page: a reader can check any extracted event against the
//! article it came from, and an editor sees what extraction found that no one has reviewed.

use super::views::EventView;
use super::{render_html, Chrome, ChromeFn, RenderError};
use crate::model::{urls, Event, Origin, OutputFile, Site};
use askama::Template;
use std::collections::BTreeMap;

pub(crate) struct ArticleView {
    pub(crate) id: String,
    pub(crate) href: String,
    pub(crate) headline: String,
    pub(crate) publisher: String,
    pub(crate) date: String,
    pub(crate) date_iso: String,
    pub(crate) url: String,
    pub(crate) place: String,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage<'a> {
    c: Chrome<'a>,
    a: &'a ArticleView,
    published: Vec<&'a EventView>,
    in_review: Vec<&'a EventView>,
    review_listed: bool,
}

#[derive(Template)]
#[template(path = "articles.html")]
struct ArticlesPage<'a> {
    c: Chrome<'a>,
    articles: Vec<(&'a ArticleView, usize)>,
}

#[derive(Template)]
#[template(path = "review.html")]
struct ReviewPage<'a> {
    c: Chrome<'a>,
    events: Vec<&'a EventView>,
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage<'a> {
    c: Chrome<'a>,
    e: &'a EventView,
}

/// Articles an event draws on: its evidence and its article sources.
fn articles_of(event: &Event) -> Vec<String> {
    let mut ids: Vec<String> = event
        .sources
        .iter()
        .filter_map(|s| s.article.clone())
        .collect();
    if let Origin::Extracted { evidence, .. } = &event.origin {
        ids.extend(evidence.iter().map(|e| e.article.clone()));
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Renders article pages, the article index, the review page and pages for events awaiting
/// review (which are not in the timeline but must be reachable from their articles).
pub(crate) fn render<'a>(
    site: &'a Site,
    views: &'a [EventView],
    chrome: &ChromeFn<'a>,
) -> Result<Vec<OutputFile>, RenderError> {
    let mut files = Vec::new();
    let titles: BTreeMap<String, String> = site
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.headline.clone()))
        .collect();
    // Events awaiting review are in no taxonomy: a country, person or tag only they name has
    // no page, so it is shown without a link rather than with a broken one.
    let pages: std::collections::HashSet<&str> = site
        .index
        .countries
        .iter()
        .map(|(_, t)| t.href.as_str())
        .chain(site.index.actors.iter().map(|t| t.href.as_str()))
        .chain(site.index.tags.iter().map(|t| t.href.as_str()))
        .collect();
    let review_views: Vec<EventView> = site
        .review
        .iter()
        .map(|e| {
            let mut v = EventView::new(e, &titles);
            for link in v
                .countries
                .iter_mut()
                .chain(&mut v.actors)
                .chain(&mut v.tags)
            {
                if !pages.contains(link.href.as_str()) {
                    link.href.clear();
                }
            }
            v
        })
        .collect();
    for e in &review_views {
        files.push(render_html(
            e.href.clone(),
            &EventPage {
                c: chrome("../", &e.href, e.title.clone()),
                e,
            },
        )?);
    }
    if !site.review.is_empty() {
        files.push(render_html(
            urls::REVIEW.into(),
            &ReviewPage {
                c: chrome("", urls::REVIEW, "Awaiting review".into()),
                events: review_views.iter().collect(),
            },
        )?);
    }
    if site.articles.is_empty() {
        return Ok(files);
    }
    let articles: Vec<ArticleView> = site
        .articles
        .iter()
        .map(|a| ArticleView {
            id: a.id.clone(),
            href: urls::article(&a.id),
            headline: a.headline.clone(),
            publisher: a.publisher.clone().unwrap_or_default(),
            date: a.date.map(|d| d.human()).unwrap_or_default(),
            date_iso: a.date.map(|d| d.iso()).unwrap_or_default(),
            url: a.url.clone().unwrap_or_default(),
            place: a.place.clone().unwrap_or_default(),
        })
        .collect();
    let mut published: BTreeMap<&str, Vec<&EventView>> = BTreeMap::new();
    for (event, view) in site.events.iter().zip(views) {
        for id in articles_of(event) {
            if let Some(a) = articles.iter().find(|a| a.id == id) {
                published.entry(a.id.as_str()).or_default().push(view);
            }
        }
    }
    let mut in_review: BTreeMap<&str, Vec<&EventView>> = BTreeMap::new();
    for (event, view) in site.review.iter().zip(&review_views) {
        for id in articles_of(event) {
            if let Some(a) = articles.iter().find(|a| a.id == id) {
                in_review.entry(a.id.as_str()).or_default().push(view);
            }
        }
    }
    for a in &articles {
        files.push(render_html(
            a.href.clone(),
            &ArticlePage {
                c: chrome("../", &a.href, a.headline.clone()),
                a,
                published: published.get(a.id.as_str()).cloned().unwrap_or_default(),
                in_review: in_review.get(a.id.as_str()).cloned().unwrap_or_default(),
                review_listed: !site.review.is_empty(),
            },
        )?);
    }
    let index: Vec<(&ArticleView, usize)> = articles
        .iter()
        .map(|a| {
            (
                a,
                published.get(a.id.as_str()).map_or(0, Vec::len)
                    + in_review.get(a.id.as_str()).map_or(0, Vec::len),
            )
        })
        .collect();
    files.push(render_html(
        urls::ARTICLES.into(),
        &ArticlesPage {
            c: chrome("../", urls::ARTICLES, "Articles".into()),
            articles: index,
        },
    )?);
    Ok(files)
}
