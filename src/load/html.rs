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

use chrono::NaiveDate;
use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;

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

/// Decodes a page's bytes the way browsers do: a byte-order mark first, then the charset the
/// server declared (`declared`, from `Content-Type`), then `<meta charset>` or
/// `http-equiv="Content-Type"` in the first 1024 bytes, then UTF-8 if the bytes are UTF-8,
/// else Windows-1252 (the web's default for pages that say nothing).
///
/// A page declared UTF-8 whose bytes are not is read as Windows-1252: a page saved by an old
/// editor with a copied `<meta charset="utf-8">` is far more common than real UTF-8 damage.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    let label = declared
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    let encoding = match label {
        // A page in an ASCII-compatible file cannot be UTF-16 whatever it says (HTML spec).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
        Some(e) => e,
        None => encoding_rs::UTF_8,
    };
    if encoding == encoding_rs::UTF_8 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return text.to_string();
        }
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        return text.into_owned();
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// The encoding a `<meta>` in the first 1024 bytes names (the HTML prescan's window).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let tag_start = from + i;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..end]) {
                    return Some(e);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
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

/// The readability pass over a page stripped of its furniture, flattened into paragraphs.
fn main_text(doc: Document, headline: Option<&str>) -> Vec<String> {
    strip_furniture(&doc);
    let fallback = || {
        doc.body()
            .map(|b| paragraphs_of(&b, headline, true))
            .unwrap_or_default()
    };
    let cfg = dom_smoothie::Config {
        // Pages with millions of elements are not articles; readability is quadratic in places.
        max_elements_to_parse: 60_000,
        ..Default::default()
    };
    let fallback_paragraphs = fallback();
    let Ok(mut readability) = dom_smoothie::Readability::with_document(doc, None, Some(cfg)) else {
        return fallback_paragraphs;
    };
    match readability.parse() {
        Ok(article) => {
            let content = Document::from(article.content.as_ref());
            let found = content
                .body()
                .map(|b| paragraphs_of(&b, headline, true))
                .unwrap_or_default();
            // Readability keeps its best guess even when it found almost nothing: a short
            // press release is better read whole than cut to its biggest block.
            let words = |ps: &[String]| ps.iter().map(|p| p.split_whitespace().count()).sum();
            let (got, all): (usize, usize) = (words(&found), words(&fallback_paragraphs));
            if got * 3 < all && got < 80 {
                fallback_paragraphs
            } else {
                found
            }
        }
        Err(_) => fallback_paragraphs,
    }
}

/// Class and id words that mark page furniture rather than the article.
const FURNITURE: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "newsletters",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "recommended",
    "comments",
    "comment",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "subscribe",
    "subscription",
    "paywall",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "masthead",
    "popup",
    "modal",
    "banner",
    "trending",
    "popular",
    "mostread",
    "outbrain",
    "taboola",
    "caption",
    "byline",
    "tags",
    "topics",
    "toolbar",
    "skip",
];

/// Removes what is never the article: scripts, navigation, headers and footers, forms,
/// figures (their captions carry other days' dates), and elements whose class, id or role
/// says they are banners, share bars, related links or comments.
fn strip_furniture(doc: &Document) {
    // Readability takes an element marked "dateline" for a byline and drops it; the dateline
    // is the start of the article's first paragraph, so the mark goes instead.
    for node in doc
        .select(r#"[class*="dateline" i], [id*="dateline" i]"#)
        .nodes()
    {
        node.remove_attrs(&["class", "id"]);
    }
    doc.select(
        "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, \
         button, select, figure, figcaption, picture, img, video, audio, dialog, \
         [role=navigation], [role=banner], [role=contentinfo], [role=complementary], \
         [role=dialog], [role=alertdialog], [role=search], [aria-hidden=true], [hidden]",
    )
    .remove();
    let furniture: Vec<NodeRef> = doc
        .select("body *")
        .nodes()
        .iter()
        .filter(|n| {
            let words = |attr: &str| -> bool {
                n.attr(attr).is_some_and(|v| {
                    v.to_ascii_lowercase()
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| FURNITURE.contains(&w))
                })
            };
            // The article's own container sometimes carries such a word ("story-share-wrap"
            // around everything): only small blocks are cut.
            (words("class") || words("id")) && n.text().split_whitespace().count() < 400
        })
        .copied()
        .collect();
    for node in furniture {
        node.remove_from_parent();
    }
}

/// Elements whose start and end break a line.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "hr"
            | "address"
            | "center"
            | "body"
            | "html"
    )
}

/// Elements whose words are never the article's.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "figure"
            | "figcaption"
            | "img"
            | "picture"
            | "svg"
            | "button"
            | "iframe"
            | "form"
            | "select"
            | "nav"
            | "aside"
            | "head"
            | "title"
    )
}

/// The text of `root` as paragraphs: a block element ends a line, `<br>` too, whitespace
/// runs become one space. A dateline standing alone ("BEIJING, Nov. 5 (Xinhua) --") is joined
/// to the paragraph after it, and the headline repeated in the body is dropped. On a whole
/// page (`page`), short lines before the first sentence are furniture and dropped too; a feed
/// item's text is all the article's.
pub(crate) fn paragraphs_of(root: &NodeRef, headline: Option<&str>, page: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    walk(root, &mut current, &mut lines);
    flush(&mut current, &mut lines);
    tidy(lines, headline, page)
}

fn walk(node: &NodeRef, current: &mut String, lines: &mut Vec<String>) {
    for child in node.children_it(false) {
        if child.is_text() {
            current.push_str(&child.text());
        } else if child.is_element() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if is_skipped(&name) {
                continue;
            }
            if name == "br" {
                flush(current, lines);
                continue;
            }
            let block = is_block(&name);
            if block {
                flush(current, lines);
            }
            walk(&child, current, lines);
            if block {
                flush(current, lines);
            }
        }
    }
}

fn flush(current: &mut String, lines: &mut Vec<String>) {
    let line = clean(current);
    if !line.is_empty() {
        lines.push(line);
    }
    current.clear();
}

/// Whitespace runs (non-breaking spaces and line breaks included) as one space, trimmed;
/// invisible format characters (zero-width spaces, soft hyphens) removed.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{ad}' | '\u{feff}'
        ) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn tidy(lines: Vec<String>, headline: Option<&str>, page: bool) -> Vec<String> {
    let same = |a: &str, b: &str| {
        let key = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        key(a) == key(b)
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut pending: Option<String> = None;
    for line in lines {
        if headline.is_some_and(|h| same(h, &line)) {
            continue;
        }
        // Before the first sentence, short lines without a full stop are page furniture the
        // stripping missed ("Updated 5 November 2024", "World | Asia", "3 min read"); a
        // dateline alone on its line waits for its paragraph.
        if out.is_empty() && pending.is_none() {
            if is_lone_dateline(&line) {
                pending = Some(line);
                continue;
            }
            if page && !is_sentence(&line) && !opens_with_dateline(&line) {
                continue;
            }
        }
        match pending.take() {
            Some(dateline) => out.push(format!("{dateline} {line}")),
            None => out.push(line),
        }
    }
    if let Some(dateline) = pending {
        out.push(dateline);
    }
    out
}

/// "BRASILIA, Nov. 5, 2005 (Xinhua) - by a correspondent": a dateline line, which extraction
/// needs even when it is not a sentence.
fn opens_with_dateline(line: &str) -> bool {
    crate::timex::find_dateline(line, None).is_some_and(|d| d.start == 0)
}

/// A line a reader would call prose: several words ending like a sentence.
fn is_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']);
    line.split_whitespace().count() >= 6 && trimmed.ends_with(['.', '!', '?', ':', ';'])
        || line.split_whitespace().count() >= 15
}

/// "BEIJING, Nov. 5 (Xinhua) --", "WASHINGTON (AP) —" on a line of its own.
fn is_lone_dateline(line: &str) -> bool {
    let first = line.split([',', ' ']).next().unwrap_or("");
    line.len() <= 80
        && first.len() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '\'' || c == '-')
        && ["--", "-", "\u{2014}", "\u{2013}", "_"]
            .iter()
            .any(|d| line.trim_end().ends_with(d))
}

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
fn time_datetime(doc: &Document) -> Option<NaiveDate> {
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
fn shown_date(doc: &Document) -> Option<NaiveDate> {
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
fn date_in(text: &str) -> Option<NaiveDate> {
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
pub(crate) fn saved_from(html: &str) -> Option<String> {
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
        .filter(|u| super::events::check_url(u).is_ok())
}

/// "Headline | Outlet", "Headline - Outlet": the headline and the outlet, told apart by which
/// side matches the page's `<h1>` (or `og:title`), else by which is longer.
fn split_title(title: &str, headline: Option<&str>) -> (Option<String>, Option<String>) {
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
fn strip_site(title: &str, site: Option<&str>) -> String {
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
struct LinkedData {
    headline: Option<String>,
    date: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

/// The first `NewsArticle`, `Article` (or other `*Article`, `BlogPosting`, `Report`) in the
/// page's JSON-LD, looking into arrays and `@graph`.
fn json_ld(doc: &Document) -> LinkedData {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_from_bom_meta_header_and_sniffing() {
        let cafe_1252 = b"<html><head><meta charset=\"windows-1252\"></head><p>Caf\xe9</p>";
        assert!(decode(cafe_1252, None).contains("Café"));
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>C\xf4te</p>";
        assert!(decode(http_equiv, None).contains("Côte"));
        let undeclared = b"<p>\x93Quoted\x94</p>";
        assert!(decode(undeclared, None).contains("\u{201c}Quoted\u{201d}"));
        let lying = b"<meta charset=\"utf-8\"><p>Caf\xe9</p>";
        assert!(decode(lying, None).contains("Café"));
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "<p>Caf\u{e9}</p>".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&utf16, None), "<p>Café</p>");
        // The server's word beats the page's.
        assert!(decode(
            b"<meta charset=\"utf-8\"><p>\xc3\xa9</p>",
            Some("windows-1252")
        )
        .contains("Ã©"));
    }

    #[test]
    fn dates_in_the_forms_pages_write_them() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_day("2024-11-05T20:14:32+08:00"), d(2024, 11, 5));
        assert_eq!(parse_day("2024/11/05 20:14"), d(2024, 11, 5));
        assert_eq!(parse_day("Tue, 05 Nov 2024 12:00:00 GMT"), d(2024, 11, 5));
        assert_eq!(parse_day("November 5, 2024"), d(2024, 11, 5));
        assert_eq!(parse_day("5 Nov. 2024 10:32 GMT"), d(2024, 11, 5));
        assert_eq!(parse_day("yesterday"), None);
        assert_eq!(
            date_in("Published: 5 November 2024, 10:32 GMT"),
            d(2024, 11, 5)
        );
        assert_eq!(date_in("Press release | November 5, 2024"), d(2024, 11, 5));
        assert_eq!(date_in("Updated 2024-11-05T10:00"), d(2024, 11, 5));
        assert_eq!(date_in("5 min read"), None);
    }

    #[test]
    fn saved_from_comment() {
        let html = "<!DOCTYPE html>\n<!-- saved from url=(0035)https://news.example.org/a/1.html -->\n<html>";
        assert_eq!(
            saved_from(html).as_deref(),
            Some("https://news.example.org/a/1.html")
        );
        assert_eq!(
            saved_from("<!-- saved from url=(0014)about:internet -->"),
            None
        );
    }

    #[test]
    fn a_lone_dateline_joins_its_paragraph_and_furniture_before_the_lead_goes() {
        let html = r#"<html><head><title>Talks held - Example News</title></head><body>
            <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
            <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
            <article><h1>Talks held</h1><div class="meta">Updated 5 November 2024</div>
            <p class="dateline">BEIJING, Nov. 5 (Xinhua) --</p>
            <p>Chinese and visiting officials held talks here on Tuesday on trade, investment and
            the two countries' cooperation in several fields, officials said.</p>
            <figure><img src="x.jpg"><figcaption>Photo taken on Nov. 4, 2024 shows the venue.</figcaption></figure>
            <p>Both sides agreed to meet again next year.<br>A joint statement followed.</p>
            </article>
            <section class="related-stories"><h2>Related</h2><ul><li><a href="/b">Other story about a visit that happened long ago in another year</a></li></ul></section>
            <footer>Copyright Example News</footer></body></html>"#;
        let page = read_page(html);
        assert_eq!(page.headline.as_deref(), Some("Talks held"));
        assert_eq!(page.publisher.as_deref(), Some("Example News"));
        assert_eq!(
            page.paragraphs,
            vec![
                "BEIJING, Nov. 5 (Xinhua) -- Chinese and visiting officials held talks here on \
                 Tuesday on trade, investment and the two countries' cooperation in several \
                 fields, officials said."
                    .to_string(),
                "Both sides agreed to meet again next year.".to_string(),
                "A joint statement followed.".to_string(),
            ]
        );
    }

    #[test]
    fn json_ld_wins_then_meta_then_open_graph() {
        let html = r#"<html><head>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2024-11-05T09:00:00-05:00",
               "publisher":{"@type":"Organization","name":"LD Publisher"},
               "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}]}]}</script>
            <meta property="article:published_time" content="2024-11-04T09:00:00Z">
            <meta property="og:title" content="OG headline | OG Site">
            <meta property="og:site_name" content="OG Site">
            <meta property="og:url" content="https://og.example.org/story">
            <link rel="canonical" href="/news/story-1">
            </head><body><p>Nothing here.</p></body></html>"#;
        let page = read_page(html);
        assert_eq!(page.headline.as_deref(), Some("LD headline"));
        assert_eq!(page.publisher.as_deref(), Some("LD Publisher"));
        assert_eq!(page.author.as_deref(), Some("A. Writer and B. Writer"));
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 11, 5));
        // A relative canonical link with nothing to resolve it against is no URL.
        assert_eq!(page.url.as_deref(), Some("https://og.example.org/story"));

        let og_only = r#"<html><head><meta property="og:title" content="OG headline | OG Site">
            <meta property="og:site_name" content="OG Site"></head><body>
            <header><time datetime="2030-01-01">Today</time></header>
            <article><time datetime="2024-11-03T22:00:00+00:00">3 Nov</time></article></body></html>"#;
        let page = read_page(og_only);
        assert_eq!(page.headline.as_deref(), Some("OG headline"));
        assert_eq!(page.publisher.as_deref(), Some("OG Site"));
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 11, 3));
    }
}
