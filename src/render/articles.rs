//! Article pages and the review page: a reader can check any extracted event against the
//! article it came from, and an editor sees what extraction found that no one has reviewed.

use super::views::EventView;
use super::{render_html, Chrome, ChromeFn, RenderError};
use crate::model::{urls, Article, Event, Origin, OutputFile, Site};
use askama::Template;
use std::collections::BTreeMap;
use std::collections::HashMap;

pub(crate) struct ArticleView {
    pub(crate) id: String,
    pub(crate) href: String,
    pub(crate) headline: String,
    pub(crate) publisher: String,
    pub(crate) date: String,
    pub(crate) date_iso: String,
    pub(crate) url: String,
    pub(crate) place: String,
    /// A feed item that gave only its title and link.
    pub(crate) without_text: bool,
}

/// One paragraph of an article's text, numbered, its evidence sentences marked.
pub(crate) struct ParagraphView {
    pub(crate) n: usize,
    /// Escaped text with `<mark>`s; built here, so the template prints it as it is.
    pub(crate) html: String,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage<'a> {
    c: Chrome<'a>,
    a: &'a ArticleView,
    paragraphs: Vec<ParagraphView>,
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

/// The byte ranges of an article's paragraphs, from where its body starts: separated by
/// blank lines where the text has any, else one per line (as wire copy is written).
pub(crate) fn paragraphs(article: &Article) -> Vec<(usize, usize)> {
    let start = article.body_start.min(article.text.len());
    let body = article.text.get(start..).unwrap_or("");
    let blank_lines = body.contains("\n\n") || body.contains("\n\r\n");
    let mut out = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut at = start;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let (from, to) = (at, at + content.len());
        at += line.len();
        if content.trim().is_empty() {
            out.extend(para.take());
            continue;
        }
        para = match para {
            Some((s, _)) if blank_lines => Some((s, to)),
            Some(p) => {
                out.push(p);
                Some((from, to))
            }
            None => Some((from, to)),
        };
    }
    out.extend(para);
    out
}

/// Each article's paragraph starts (bytes), for placing evidence ("paragraph 3").
pub(crate) fn paragraph_map(site: &Site) -> HashMap<String, Vec<usize>> {
    site.articles
        .iter()
        .map(|a| {
            (
                a.id.clone(),
                paragraphs(a).into_iter().map(|p| p.0).collect(),
            )
        })
        .collect()
}

/// The article's paragraphs with the evidence sentences (`marks`: start, end, event page,
/// event title) marked and linked to their events.
fn marked_paragraphs(
    article: &Article,
    marks: &[(usize, usize, String, String)],
) -> Vec<ParagraphView> {
    let esc = |t: &str| {
        askama::filters::escape(t, askama::filters::Html)
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    paragraphs(article)
        .into_iter()
        .enumerate()
        .map(|(k, (from, to))| {
            let mut html = String::new();
            let mut at = from;
            let mut inside: Vec<&(usize, usize, String, String)> =
                marks.iter().filter(|m| m.0 >= from && m.0 < to).collect();
            inside.sort_by_key(|m| m.0);
            let mut i = 0;
            while i < inside.len() {
                let start = inside[i].0;
                let end = inside[i].1.min(to);
                // Every event resting on the same sentence links from it.
                let same: Vec<_> = inside[i..].iter().take_while(|m| m.0 == start).collect();
                i += same.len();
                let (Some(before), Some(sentence)) =
                    (article.text.get(at..start), article.text.get(start..end))
                else {
                    continue;
                };
                if start < at {
                    continue;
                }
                html.push_str(&esc(before));
                html.push_str(&format!(r#"<mark id="s{start}">{}</mark>"#, esc(sentence)));
                for m in same {
                    html.push_str(&format!(
                        r#" <a class="ev-link" href="../{}">({})</a>"#,
                        esc(&m.2),
                        esc(&m.3)
                    ));
                }
                at = end;
            }
            html.push_str(&esc(article.text.get(at..to).unwrap_or("")));
            ParagraphView { n: k + 1, html }
        })
        .collect()
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
    let paragraph_starts = paragraph_map(site);
    let review_views: Vec<EventView> = site
        .review
        .iter()
        .map(|e| {
            let mut v = EventView::new(e, &titles).place_evidence(e, &paragraph_starts);
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
            without_text: a.provenance.without_text,
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
    // Evidence sentences by article: (start, end, event page, event title).
    let mut marks: BTreeMap<&str, Vec<(usize, usize, String, String)>> = BTreeMap::new();
    for e in site.events.iter().chain(&site.review) {
        if let Origin::Extracted { evidence, .. } = &e.origin {
            for ev in evidence {
                marks.entry(ev.article.as_str()).or_default().push((
                    ev.start,
                    ev.end,
                    urls::event(&e.id),
                    e.title.clone(),
                ));
            }
        }
    }
    for (a, article) in articles.iter().zip(&site.articles) {
        files.push(render_html(
            a.href.clone(),
            &ArticlePage {
                c: chrome("../", &a.href, a.headline.clone()),
                a,
                paragraphs: marked_paragraphs(
                    article,
                    marks.get(article.id.as_str()).map_or(&[], Vec::as_slice),
                ),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, body_start: usize) -> Article {
        Article {
            id: "a".into(),
            path: "a.txt".into(),
            headline: "A".into(),
            date: None,
            publisher: None,
            url: None,
            place: None,
            dateline: None,
            text: text.into(),
            text_start: 0,
            body_start,
            provenance: Default::default(),
        }
    }

    #[test]
    fn paragraphs_are_lines_or_blocks_between_blank_lines() {
        // Wire copy: one paragraph a line.
        let a = article("Headline\nFirst line.\nSecond line.\n", 9);
        let p = paragraphs(&a);
        assert_eq!(p.len(), 2);
        assert_eq!(&a.text[p[1].0..p[1].1], "Second line.");
        // Markdown: blocks between blank lines, their lines joined.
        let a = article("One\ntwo.\n\nThree.\n", 0);
        let p = paragraphs(&a);
        assert_eq!(p.len(), 2);
        assert_eq!(&a.text[p[0].0..p[0].1], "One\ntwo.");
    }

    #[test]
    fn evidence_is_marked_in_its_paragraph_and_escaped() {
        let a = article("Intro <b>.\nLeaders met. Then more.\n", 0);
        let start = a.text.find("Leaders").unwrap();
        let marks = [(
            start,
            start + 13,
            "events/x.html".to_string(),
            "X & Y".to_string(),
        )];
        let p = marked_paragraphs(&a, &marks);
        assert_eq!(p[0].html, "Intro &#60;b&#62;.");
        assert_eq!(
            p[1].html,
            format!(
                r#"<mark id="s{start}">Leaders met. </mark> <a class="ev-link" href="../events/x.html">(X &#38; Y)</a>Then more."#
            )
        );
    }
}
