//! Feeds in `content/articles/` (`.rss`, `.atom`, `.xml`, `.json`): RSS 2.0 (and 0.9x/1.0),
//! Atom and JSON Feed, parsed by the `feed-rs` crate, one article per item.
//!
//! Each item gives its title, link (relative links resolved against the item's or the feed's
//! base), date and text (`content:encoded`, Atom `content`, JSON Feed `content_html` or
//! `content_text`, else the summary or `description`), its HTML flattened into paragraphs as
//! a saved page's is. An item without text keeps its title and link and is marked
//! [`crate::model::Provenance::without_text`]. The day is the one the feed wrote
//! (`Tue, 05 Nov 2024 23:30:00 -0500` is 5 November), not the day in UTC.

use super::articles::{from_parts, Parts};
use super::html;
use crate::diagnostics::Diagnostic;
use crate::model::slug::slugify;
use crate::model::{Article, ArticleFormat};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::Path;

/// The articles of a feed file. `Ok(Err(why))` when the file is no feed at all and its name
/// does not say it must be one (an `.xml` or `.json` file of some other kind).
pub(crate) fn parse_feed(
    path: &Path,
    bytes: &[u8],
    hint: &str,
) -> Result<Result<Vec<Article>, String>, Diagnostic> {
    parse(path, bytes, hint, None)
}

/// [`parse_feed`] for a feed fetched from `doc_url`, against which relative links resolve.
#[cfg(feature = "fetch")]
pub(crate) fn parse_feed_at(
    path: &Path,
    bytes: &[u8],
    hint: &str,
    doc_url: &str,
) -> Result<Result<Vec<Article>, String>, Diagnostic> {
    parse(path, bytes, hint, Some(doc_url))
}

fn parse(
    path: &Path,
    bytes: &[u8],
    hint: &str,
    doc_url: Option<&str>,
) -> Result<Result<Vec<Article>, String>, Diagnostic> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            let why = format!("not a feed (RSS, Atom or JSON Feed): {e}");
            return if matches!(ext.as_str(), "rss" | "atom") {
                Err(Diagnostic::file(path, why))
            } else {
                Ok(Err(format!("{why}; skipped")))
            };
        }
    };
    let written = written_days(bytes);
    let base = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(feed.links.first())
        .and_then(|l| html::absolute(&l.href, doc_url))
        .or_else(|| doc_url.map(String::from));
    let publisher = feed
        .title
        .as_ref()
        .map(|t| html::clean(&t.content))
        .filter(|t| !t.is_empty());
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let title = entry
            .title
            .as_ref()
            .map(|t| text_of(&t.content, t.content_type.subty().as_str()))
            .map(|ps| ps.join(" "))
            .filter(|t| !t.is_empty());
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .and_then(|l| html::absolute(&l.href, base.as_deref()));
        let body = entry
            .content
            .as_ref()
            .and_then(|c| Some((c.body.clone()?, c.content_type.subty().as_str() == "plain")))
            .or_else(|| {
                entry.summary.as_ref().map(|s| {
                    (
                        s.content.clone(),
                        s.content_type.subty().as_str() == "plain",
                    )
                })
            });
        let mut paragraphs = match body {
            Some((text, true)) => text
                .lines()
                .map(html::clean)
                .filter(|l| !l.is_empty())
                .collect(),
            Some((markup, false)) => text_of(&markup, "html"),
            None => Vec::new(),
        };
        // A description that only repeats the title is no text.
        if paragraphs.len() == 1 && title.as_deref() == Some(paragraphs[0].as_str()) {
            paragraphs.clear();
        }
        let date = written
            .get(i)
            .copied()
            .flatten()
            .or_else(|| entry.published.or(entry.updated).map(|d| d.date_naive()));
        let author = {
            let names: Vec<String> = entry
                .authors
                .iter()
                .filter_map(|a| a.name.as_deref().map(html::clean))
                .filter(|n| !n.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(" and "))
        };
        let slug = slugify(title.as_deref().unwrap_or("item"));
        let short: String = slug.chars().take(60).collect();
        let base_id = format!("{}-{}", slugify(hint), short.trim_end_matches('-'));
        let mut id = base_id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base_id}-{n}");
            n += 1;
        }
        let article = from_parts(
            path,
            &id,
            Parts {
                headline: title.clone(),
                paragraphs,
                date,
                publisher: publisher.clone(),
                url: link,
                author,
            },
            ArticleFormat::FeedItem,
        );
        if article.date.is_none() && !article.provenance.without_text {
            problems.push(format!(
                "item {} (\"{}\") has no date (no pubDate, published or date_published, no \
                 dated dateline): give it one, so its relative dates can be resolved",
                i + 1,
                article.headline
            ));
            continue;
        }
        articles.push(article);
    }
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more undated items)", n - 1),
        };
        return Err(Diagnostic::file(path, format!("{first}{more}")));
    }
    Ok(Ok(articles))
}

/// An item's text as paragraphs: HTML flattened as a saved page's body is, plain text by line.
fn text_of(content: &str, subtype: &str) -> Vec<String> {
    if subtype == "plain" {
        return content
            .lines()
            .map(html::clean)
            .filter(|l| !l.is_empty())
            .collect();
    }
    let doc = dom_query::Document::from(format!("<body>{content}</body>").as_str());
    doc.body()
        .map(|b| html::paragraphs_of(&b, None, false))
        .unwrap_or_default()
}

/// The day each item says it was published, in the order of the items, as written (with its
/// own offset): RSS `pubDate` or `dc:date`, Atom `published` (else `updated`), JSON Feed
/// `date_published` (else `date_modified`).
fn written_days(bytes: &[u8]) -> Vec<Option<NaiveDate>> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(&bytes[start..]);
    if bytes.first() == Some(&b'{') {
        return json_days(bytes);
    }
    xml_days(bytes)
}

fn json_days(bytes: &[u8]) -> Vec<Option<NaiveDate>> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Vec::new();
    };
    value
        .get("items")
        .and_then(|i| i.as_array())
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    ["date_published", "date_modified"]
                        .iter()
                        .find_map(|k| item.get(*k)?.as_str().and_then(html::parse_day))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn xml_days(bytes: &[u8]) -> Vec<Option<NaiveDate>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut days: Vec<Option<NaiveDate>> = Vec::new();
    // In an item: the best date so far and its rank (0 published, 1 updated).
    let mut item: Option<(Option<NaiveDate>, u8)> = None;
    let mut field: Option<u8> = None;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = e.local_name();
                match name.into_inner() {
                    "item" | "entry" => item = Some((None, u8::MAX)),
                    "pubDate" | "published" | "date" | "issued" if item.is_some() => {
                        field = Some(0)
                    }
                    "updated" | "modified" if item.is_some() => field = Some(1),
                    _ => field = None,
                }
            }
            Ok(Event::Text(t)) => {
                if let (Some(rank), Some((day, best))) = (field, item.as_mut()) {
                    if rank < *best {
                        let text = t.into_inner().to_string();
                        if let Some(d) = html::parse_day(&text) {
                            *day = Some(d);
                            *best = rank;
                        }
                    }
                }
            }
            Ok(Event::End(e)) => {
                field = None;
                if matches!(e.local_name().into_inner(), "item" | "entry") {
                    if let Some((day, _)) = item.take() {
                        days.push(day);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(name: &str, text: &str) -> Vec<Article> {
        match parse_feed(Path::new(name), text.as_bytes(), "feed") {
            Ok(Ok(a)) => a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rss_items_with_local_days_relative_links_and_no_text() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example.org/</link>
<item><title>Ministers meet</title><link>/news/1.html</link>
<pubDate>Tue, 05 Nov 2024 23:30:00 -0500</pubDate>
<content:encoded><![CDATA[<p>WASHINGTON, Nov. 5 (EW) -- Two ministers met on Tuesday.</p><p>They talked.</p>]]></content:encoded></item>
<item><title>Title only</title><link>https://wire.example.org/news/2.html</link>
<pubDate>Wed, 06 Nov 2024 08:00:00 GMT</pubDate></item>
</channel></rss>"#;
        let a = articles("f.rss", rss);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].headline, "Ministers meet");
        assert_eq!(
            a[0].url.as_deref(),
            Some("https://wire.example.org/news/1.html")
        );
        assert_eq!(a[0].date.map(|d| d.iso()).as_deref(), Some("2024-11-05"));
        assert_eq!(a[0].publisher.as_deref(), Some("Example Wire"));
        assert_eq!(
            &a[0].text[a[0].body_start..],
            "WASHINGTON, Nov. 5 (EW) -- Two ministers met on Tuesday.\nThey talked.\n"
        );
        assert!(a[0].dateline.is_some());
        assert!(a[1].provenance.without_text);
        assert_eq!(
            a[1].url.as_deref(),
            Some("https://wire.example.org/news/2.html")
        );
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry</title>
<link href="https://gov.example.org/"/>
<entry><title>Statement</title><link href="https://gov.example.org/s/1"/>
<updated>2024-11-07T10:00:00+01:00</updated><published>2024-11-06T10:00:00+01:00</published>
<content type="html">&lt;p&gt;The ministers issued a joint statement.&lt;/p&gt;</content></entry>
</feed>"#;
        let a = articles("f.atom", atom);
        assert_eq!(a[0].date.map(|d| d.iso()).as_deref(), Some("2024-11-06"));
        assert_eq!(
            &a[0].text,
            "Statement\nThe ministers issued a joint statement.\n"
        );
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"JF",
            "items":[{"id":"1","title":"One","url":"https://jf.example.org/1",
            "date_published":"2024-11-05T22:00:00-08:00","content_text":"Line one.\nLine two."}]}"#;
        let a = articles("f.json", json);
        assert_eq!(a[0].date.map(|d| d.iso()).as_deref(), Some("2024-11-05"));
        assert_eq!(&a[0].text, "One\nLine one.\nLine two.\n");
    }

    #[test]
    fn undated_items_with_text_are_reported_and_other_files_are_not_feeds() {
        let rss = r#"<rss version="2.0"><channel><title>T</title>
            <item><title>A</title><description>Officials met on Tuesday.</description></item>
            </channel></rss>"#;
        let undated = parse_feed(Path::new("f.rss"), rss.as_bytes(), "f");
        assert!(undated.is_err(), "{undated:?}");
        let other = br#"<urlset><url><loc>x</loc></url></urlset>"#;
        assert!(matches!(
            parse_feed(Path::new("sitemap.xml"), other, "s"),
            Ok(Err(_))
        ));
    }
}
