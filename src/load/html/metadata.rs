//! The publication facts of a page: dates in the forms metadata writes them, the URL, the
//! headline and outlet in the page title, and the article in its JSON-LD.

use super::clean;
use chrono::NaiveDate;
use dom_query::Document;

/// A day from a metadata date: ISO 8601 (`2025-05-07`, `2025-05-07T10:00:00Z`, `2025/05/07`),
/// RFC 2822 (`Wed, 07 May 2025 10:00:00 GMT`) or written out (`May 7, 2025`, `7 May 2025`).
/// A timestamp keeps the calendar day it was written in, not the day in UTC: that is the day
/// the article's own text counts from.
pub(crate) fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(head) = text.get(..10) {
        let iso = head.replace('/', "-");
        if let Ok(d) = NaiveDate::parse_from_str(&iso, "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(d.date_naive());
    }
    let words = text.replace(',', " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    for format in [
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %B %d %Y",
        "%A %d %B %Y",
    ] {
        let mut parts = words.split(' ').collect::<Vec<_>>();
        // "May 7 2025 10:00 EDT": the first words that parse.
        while !parts.is_empty() {
            if let Ok(d) = NaiveDate::parse_from_str(&parts.join(" ").replace('.', ""), format) {
                return Some(d);
            }
            parts.pop();
        }
    }
    None
}

/// The day of the article's own `<time datetime>`: one marked as the publication time, else
/// the first in the article, else the first outside the page's header, navigation and footer
/// (a site header often shows today's date).
pub(super) fn time_datetime(doc: &Document) -> Option<NaiveDate> {
    for selector in [
        r#"time[itemprop="datePublished"], time[pubdate], time.published, time.publish-date"#,
        "article time[datetime], main time[datetime]",
        "time[datetime]",
    ] {
        for s in doc.select(selector).iter() {
            let Some(node) = s.nodes().first().copied() else {
                continue;
            };
            let outside = node.ancestors_it(None).any(|a| {
                a.node_name()
                    .is_some_and(|n| matches!(n.as_ref(), "nav" | "footer" | "aside"))
            });
            if outside {
                continue;
            }
            if let Some(d) = s.attr("datetime").and_then(|d| parse_day(&d)) {
                return Some(d);
            }
        }
    }
    None
}

/// A date shown near the headline in a page with no date metadata: the first element marked
/// as a date, time, byline or article meta ("Published 5 November 2024", "November 5, 2024
/// | Press release") whose short text holds a written-out or ISO date.
pub(super) fn shown_date(doc: &Document) -> Option<NaiveDate> {
    let marked = r#"[class*="date" i], [id*="date" i], [class*="time" i], [class*="publish" i],
        [class*="posted" i], [class*="byline" i], [class*="meta" i], [itemprop="datePublished"]"#;
    doc.select(marked).iter().find_map(|s| {
        let text = clean(&s.text());
        if text.split_whitespace().count() > 20 {
            return None;
        }
        date_in(&text)
    })
}

/// The first date written in a short text: "Updated: 5 Nov 2024, 10:32" or "2024-11-05".
pub(super) fn date_in(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '|' || c == '\u{b7}')
        .filter(|w| !w.is_empty())
        .collect();
    for start in 0..words.len() {
        for len in [1, 3, 4] {
            if start + len > words.len() {
                continue;
            }
            let candidate = words[start..start + len].join(" ");
            let candidate = candidate.trim_end_matches([',', '.', ';']);
            // A lone number or month is not a date; four words only with a weekday.
            if len == 1 && candidate.len() < 10 {
                continue;
            }
            if let Some(d) = parse_day(candidate) {
                return Some(d);
            }
        }
    }
    None
}

/// The URL in the comment browsers put at the top of a saved page:
/// `<!-- saved from url=(0052)https://example.org/news/... -->`.
pub(super) fn saved_from(html: &str) -> Option<String> {
    let head = &html[..floor_boundary(html, 4096)];
    let at = head.find("saved from url=")?;
    let rest = &head[at + "saved from url=".len()..];
    let rest = match rest.strip_prefix('(') {
        Some(r) => r.split_once(')').map(|(_, after)| after)?,
        None => rest,
    };
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '>' || c == '"')
        .unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches("--");
    absolute(url, None)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `href` as an absolute http(s) URL, resolved against `base` when relative; `None` for
/// anything else (`javascript:`, `file:`, a relative link with no base).
pub(crate) fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    let parsed = match url::Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            url::Url::parse(base?).ok()?.join(href).ok()?
        }
        Err(_) => return None,
    };
    matches!(parsed.scheme(), "http" | "https")
        .then(|| parsed.to_string())
        .filter(|u| crate::load::events::check_url(u).is_ok())
}

/// "Headline | Outlet", "Headline - Outlet": the headline and the outlet, told apart by which
/// side matches the page's `<h1>` (or `og:title`), else by which is longer.
pub(super) fn split_title(title: &str, headline: Option<&str>) -> (Option<String>, Option<String>) {
    // "Headline-Outlet", "Headline_Outlet": whatever follows the known headline.
    if let Some(h) = headline.filter(|h| !h.is_empty()) {
        if let Some(rest) = title.strip_prefix(h) {
            let site = rest.trim_start_matches(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '-' | '|' | '_' | ':' | '\u{2013}' | '\u{2014}' | '\u{b7}'
                    )
            });
            if !site.is_empty() && site.len() < rest.len() {
                return (Some(h.to_string()), Some(site.trim().to_string()));
            }
        }
    }
    for sep in [
        " | ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        " :: ",
        " \u{00b7} ",
    ] {
        let Some((left, right)) = title.rsplit_once(sep) else {
            continue;
        };
        let (left, right) = (left.trim(), right.trim());
        if let Some(h) = headline {
            if h.eq_ignore_ascii_case(right) {
                return (Some(right.to_string()), Some(left.to_string()));
            }
            if h.eq_ignore_ascii_case(left) {
                return (Some(left.to_string()), Some(right.to_string()));
            }
        }
        // The outlet is the short side.
        return if right.len() <= left.len() {
            (Some(left.to_string()), Some(right.to_string()))
        } else {
            (Some(right.to_string()), Some(left.to_string()))
        };
    }
    (Some(title.to_string()), None)
}

/// `og:title` without a trailing " | Outlet" when the outlet is the site's name.
pub(super) fn strip_site(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// What JSON-LD says about the page's article.
#[derive(Debug, Default)]
pub(super) struct LinkedData {
    pub(super) headline: Option<String>,
    pub(super) date: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) author: Option<String>,
    pub(super) url: Option<String>,
}

/// The first `NewsArticle`, `Article` (or other `*Article`, `BlogPosting`, `Report`) in the
/// page's JSON-LD, looking into arrays and `@graph`.
pub(super) fn json_ld(doc: &Document) -> LinkedData {
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let text = script.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return linked_data(found);
        }
    }
    LinkedData::default()
}

fn is_article_type(value: &serde_json::Value) -> bool {
    let is = |t: &str| t.ends_with("Article") || matches!(t, "BlogPosting" | "Report");
    match value {
        serde_json::Value::String(t) => is(t),
        serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).any(is),
        _ => false,
    }
}

fn find_article(value: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
    if depth > 4 {
        return None;
    }
    match value {
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        serde_json::Value::Object(map) => {
            if map.get("@type").is_some_and(is_article_type) {
                return Some(value);
            }
            map.get("@graph")
                .or_else(|| map.get("mainEntity"))
                .and_then(|v| find_article(v, depth + 1))
        }
        _ => None,
    }
}

/// A name from JSON-LD: a string, `{"name": ...}`, or a list of either (joined with "and").
fn name_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty()),
        serde_json::Value::Object(map) => map.get("name").and_then(name_of),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(" and "))
        }
        _ => None,
    }
}

fn linked_data(article: &serde_json::Value) -> LinkedData {
    let text = |key: &str| {
        article
            .get(key)
            .and_then(|v| v.as_str())
            .map(clean)
            .filter(|s| !s.is_empty())
    };
    LinkedData {
        headline: text("headline").or_else(|| text("name")),
        date: text("datePublished").or_else(|| text("dateCreated")),
        publisher: article
            .get("publisher")
            .or_else(|| article.get("sourceOrganization"))
            .and_then(name_of),
        author: article.get("author").and_then(name_of),
        url: text("url").or_else(|| {
            article.get("mainEntityOfPage").and_then(|m| match m {
                serde_json::Value::String(s) => Some(s.clone()),
                other => other.get("@id").and_then(|v| v.as_str()).map(String::from),
            })
        }),
    }
}
