//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything that could run
//! script (tags, event-handler attributes, `javascript:` and `data:` links).

use pulldown_cmark::{html, Event, Options, Parser};
use std::sync::OnceLock;

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer"));
        b
    })
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
    sanitise(Parser::new_ext(markdown, options()), markdown.len())
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
    (sanitise(events.into_iter(), markdown.len()), plain)
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
