//! The article's text: page furniture cut away, readability's pick of the main content, and
//! the result flattened into clean paragraphs, one per line.

use dom_query::{Document, NodeRef};

/// The readability pass over a page stripped of its furniture, flattened into paragraphs.
pub(super) fn main_text(doc: Document, headline: Option<&str>) -> Vec<String> {
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
