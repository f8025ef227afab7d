//! Saved web pages (`.html`, `.htm`): the article a reader mode would show, with its metadata.
//!
//! In: the page's bytes as saved by a browser or by `entente fetch`. Out: a [`Page`] with the
//! headline, the body as clean paragraphs (one per line, the dateline kept at the start of the
//! first) and the publication facts, each taken from the first of these that has it:
//!
//! - JSON-LD `NewsArticle`/`Article` (`headline`, `datePublished`, `publisher`, `author`);
//! - `<meta property="article:published_time">` (and the `itemprop`/`name` date metas many
//!   sites use instead);
//! - Open Graph `og:title`, `og:site_name`, `og:url`;
//! - `<link rel="canonical">` for the URL, then the "saved from" comment browsers write;
//! - `<time datetime>` in the article;
//! - the page title's "Headline | Outlet" for headline and publisher;
//! - the dateline in the text, read later as in every other article format.
//!
//! The main text is found by readability.js's scoring (the `dom_smoothie` crate) after menus,
//! cookie banners, share bars, related links and comments are cut away, then flattened into
//! paragraphs here, so extraction sees the same text as a plain-text copy of the article.
//!
//! [`charset`] decodes the bytes, [`metadata`] reads the publication facts and
//! [`main_text`](mod@main_text) the article's paragraphs.

mod charset;
mod main_text;
mod metadata;
#[cfg(test)]
mod tests;

pub(crate) use charset::decode;
use main_text::main_text;
pub(crate) use main_text::{clean, paragraphs_of};
pub(crate) use metadata::{absolute, parse_day};
use metadata::{json_ld, saved_from, shown_date, split_title, strip_site, time_datetime};

use chrono::NaiveDate;
use dom_query::Document;

/// What a saved page says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Page {
    /// The headline, if the page names one.
    pub(crate) headline: Option<String>,
    /// The article's paragraphs, in order, each on one line.
    pub(crate) paragraphs: Vec<String>,
    /// The publication day from the page's metadata (not yet the dateline's).
    pub(crate) date: Option<NaiveDate>,
    /// The outlet.
    pub(crate) publisher: Option<String>,
    /// The writer(s), as the page names them.
    pub(crate) author: Option<String>,
    /// Where the article was published (http or https only).
    pub(crate) url: Option<String>,
}

/// Reads a page: metadata first (the readability pass rewrites the document), then the text.
pub(crate) fn read_page(html: &str) -> Page {
    let doc = Document::from(html);
    let mut page = Page::default();
    let ld = json_ld(&doc);
    let meta = |selector: &str| -> Option<String> {
        doc.select(selector)
            .iter()
            .filter_map(|s| s.attr("content"))
            .map(|c| clean(&c))
            .find(|c| !c.is_empty())
    };
    let h1 = doc
        .select("article h1, main h1, h1")
        .iter()
        .map(|s| clean(&s.text()))
        .find(|t| !t.is_empty());
    let title = doc
        .select("head title")
        .iter()
        .map(|s| clean(&s.text()))
        .find(|t| !t.is_empty());
    let og_title = meta(r#"meta[property="og:title"], meta[name="og:title"]"#);
    let site_name = meta(r#"meta[property="og:site_name"], meta[name="og:site_name"]"#);
    let (title_headline, title_site) = title
        .as_deref()
        .map(|t| split_title(t, h1.as_deref().or(og_title.as_deref())))
        .unwrap_or((None, None));

    page.headline = ld
        .headline
        .clone()
        .or(og_title.map(|t| strip_site(&t, site_name.as_deref())))
        .or(h1)
        .or(title_headline);
    page.publisher = ld
        .publisher
        .clone()
        .or(site_name)
        .or(meta(r#"meta[name="application-name"]"#))
        .or(title_site);
    page.author = ld
        .author
        .clone()
        .or(meta(r#"meta[name="author"]"#))
        .or(meta(r#"meta[property="article:author"]"#).filter(|a| !a.contains("://")));
    page.date = ld
        .date
        .as_deref()
        .and_then(parse_day)
        .or_else(|| {
            [
                r#"meta[property="article:published_time"], meta[name="article:published_time"]"#,
                r#"meta[itemprop="datePublished"]"#,
                r#"meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"], meta[name="date"], meta[name="dc.date"], meta[name="DC.date.issued"], meta[name="dcterms.created"]"#,
            ]
            .iter()
            .find_map(|s| meta(s).as_deref().and_then(parse_day))
        })
        .or_else(|| time_datetime(&doc))
        .or_else(|| shown_date(&doc));

    let saved_from = saved_from(html);
    let base = saved_from.clone();
    let link = |selector: &str| -> Option<String> {
        doc.select(selector)
            .iter()
            .filter_map(|s| s.attr("href"))
            .find_map(|h| absolute(&h, base.as_deref()))
    };
    page.url = link(r#"link[rel="canonical"]"#)
        .or_else(|| meta(r#"meta[property="og:url"]"#).and_then(|u| absolute(&u, None)))
        .or_else(|| ld.url.as_deref().and_then(|u| absolute(u, None)))
        .or(saved_from);

    page.paragraphs = main_text(doc, page.headline.as_deref());
    page
}
