//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything that could run
//! script (tags, event-handler attributes, `javascript:` and `data:` links).

use pulldown_cmark::{html, Event, Options, Parser};
use std::sync::OnceLock;

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"))
            // An <img> written as HTML keeps only a local source: opening the page must never
            // fetch anything from elsewhere.
            .attribute_filter(|element, attribute, value| {
                if element == "img" && matches!(attribute, "src" | "srcset") && is_remote(value) {
                    None
                } else {
                    Some(value.into())
                }
            });
        b
    })
}

/// Whether a URL would be fetched from another host: it has a scheme, or starts with two
/// slashes (either way round, as browsers read them) once what browsers ignore is removed.
pub(crate) fn is_remote(url: &str) -> bool {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if url.starts_with(['/', '\\']) && url[1..].starts_with(['/', '\\']) {
        return true;
    }
    let scheme_end = url.find(':');
    let first_other = url.find(['/', '?', '#', '\\']);
    match scheme_end {
        Some(colon) => {
            colon > 0
                && first_other.is_none_or(|o| colon < o)
                && url[..colon]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Markdown images of remote files become links to them, with their text: nothing is fetched
/// when a page opens, and the reader can still follow the link.
fn remote_images_as_links(event: Event<'_>) -> Event<'_> {
    use pulldown_cmark::{LinkType, Tag, TagEnd};
    match event {
        Event::Start(Tag::Image {
            dest_url,
            title,
            id,
            ..
        }) if is_remote(&dest_url) => Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    }
}

pub(crate) fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options
}

/// Renders Markdown to sanitised HTML.
pub(crate) fn to_html(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    sanitise(
        images_checked(Parser::new_ext(markdown, options())),
        markdown.len(),
    )
}

/// Turns each remote image into a link, and ends only those images as links.
fn images_checked<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    use pulldown_cmark::{Tag, TagEnd};
    // Images nest (an image's text can hold another image): one entry per open image.
    let mut open: Vec<bool> = Vec::new();
    events.map(move |event| match event {
        Event::Start(Tag::Image { ref dest_url, .. }) => {
            let remote = is_remote(dest_url);
            open.push(remote);
            if remote {
                remote_images_as_links(event)
            } else {
                event
            }
        }
        Event::End(TagEnd::Image) => {
            if open.pop().unwrap_or(false) {
                remote_images_as_links(event)
            } else {
                event
            }
        }
        other => other,
    })
}

fn sanitise<'a>(events: impl Iterator<Item = Event<'a>>, size: usize) -> String {
    let mut raw = String::with_capacity(size * 3 / 2);
    html::push_html(&mut raw, events);
    sanitiser().clean(&raw).to_string()
}

/// [`to_html`] and [`to_plain_text`] of the same Markdown from one parse: every event's
/// summary needs both, and parsing is a tenth of a build.
pub(crate) fn to_html_and_plain_text(markdown: &str) -> (String, String) {
    if markdown.trim().is_empty() {
        return (String::new(), String::new());
    }
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let plain = plain_text(events.iter().cloned());
    (
        sanitise(images_checked(events.into_iter()), markdown.len()),
        plain,
    )
}

/// Plain text of Markdown (for excerpts, feeds, CSV and search): formatting dropped, HTML
/// dropped, whitespace collapsed.
pub(crate) fn to_plain_text(markdown: &str) -> String {
    plain_text(Parser::new_ext(markdown, options()))
}

fn plain_text<'a>(events: impl Iterator<Item = Event<'a>>) -> String {
    let mut out = String::new();
    // Collapsing as we go (rather than splitting and joining afterwards) matters: this runs
    // for every event on every build.
    let mut pending_space = false;
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => {
                let mut words = t.split_whitespace();
                if let Some(first) = words.next() {
                    if (pending_space || t.starts_with(char::is_whitespace)) && !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(first);
                    for word in words {
                        out.push(' ');
                        out.push_str(word);
                    }
                    pending_space = t.ends_with(char::is_whitespace);
                } else if !t.is_empty() {
                    pending_space = true;
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => pending_space = true,
            _ => {}
        }
    }
    out
}

/// First `max_chars` characters of text made plain by [`to_plain_text`], cut at a word
/// boundary with an ellipsis.
pub(crate) fn excerpt_of_plain(text: &str, max_chars: usize) -> String {
    if text.len() <= max_chars || text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: &str = match text.char_indices().nth(max_chars) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let cut = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => &cut[..i],
        _ => cut,
    };
    format!("{}\u{2026}", cut.trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_html("Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [d](data:text/html,x)");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:text"), "{html}");
    }

    #[test]
    fn one_parse_gives_the_same_plain_text_as_its_own() {
        for md in [
            "",
            "   ",
            "**a** ~~b~~\n\n| x | y |\n|---|---|\n| 1 | 2 |",
            "a <i>b</i>\n\n- c",
        ] {
            let (html, plain) = to_html_and_plain_text(md);
            assert_eq!(plain, to_plain_text(md), "{md:?}");
            assert_eq!(html, to_html(md), "{md:?}");
            assert_eq!(html.is_empty(), md.trim().is_empty(), "{md:?}");
        }
        assert_eq!(to_plain_text("**a** ~~b~~"), "a b");
    }

    /// Issue 13, case 7: `![x](https://tracker.example/p.png)` in a summary was loaded when
    /// the page opened.
    #[test]
    fn remote_images_become_links_and_local_ones_stay() {
        let html = to_html(
            "![pixel](https://tracker.example/p.png) ![proto](//t.example/p.png) \
             ![back](/\\t.example/p.png) ![map](img/map.png) <img src=\"https://t.example/q.png\" alt=\"q\"> \
             <img src=\"img/x.png\">",
        );
        assert!(!html.contains("<img src=\"https:"), "{html}");
        assert!(!html.contains("<img src=\"//"), "{html}");
        assert!(!html.contains("t.example/p.png\" alt"), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://tracker.example/p.png\" rel=\"noopener noreferrer\">pixel</a>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"img/map.png\" alt=\"map\">"),
            "{html}"
        );
        assert!(html.contains("<img src=\"img/x.png\">"), "{html}");
        let (html2, _) = to_html_and_plain_text("![pixel](https://tracker.example/p.png)");
        assert!(!html2.contains("<img"), "{html2}");
        for remote in [
            "https://a.b/c",
            "HTTP://a",
            " //a/b",
            "\\\\a\\b",
            "/\\a",
            "data:x",
            "a\tb:c",
        ] {
            assert!(is_remote(remote), "{remote:?}");
        }
        for local in ["a.png", "/a.png", "./a:b.png", "../x/y.png", "#x", "?q=a:b"] {
            assert!(!is_remote(local), "{local:?}");
        }
    }

    #[test]
    fn markdown_formatting_survives() {
        let html = to_html("Met **Rubio** in [Kingston](https://example.org/k).");
        assert!(html.contains("<strong>Rubio</strong>"));
        assert!(html.contains("href=\"https://example.org/k\""));
    }

    #[test]
    fn excerpts_cut_on_words() {
        let e = excerpt_of_plain("One two three four five six seven", 15);
        assert!(e.ends_with('\u{2026}'));
        assert!(e.len() < 20);
        assert_eq!(to_plain_text("a <b>bold</b> *x*"), "a bold x");
    }

    #[test]
    fn plain_text_collapses_whitespace_like_split_and_join() {
        for md in [
            "",
            "  lead and trail  ",
            "One\ntwo\n\n- a\n- b\n\n**x**y *z* `c`",
            "a<br>b",
            "[link](https://e.org) end.\n\nNext   para\twith\u{a0}nbsp",
        ] {
            let mut slow = String::new();
            for event in Parser::new(md) {
                use pulldown_cmark::Event;
                match event {
                    Event::Text(t) | Event::Code(t) => slow.push_str(&t),
                    Event::SoftBreak | Event::HardBreak | Event::End(_) => slow.push(' '),
                    _ => {}
                }
            }
            let slow = slow.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(to_plain_text(md), slow, "{md:?}");
        }
    }
}
