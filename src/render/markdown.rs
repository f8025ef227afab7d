//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything that could run
//! script (tags, event-handler attributes, `javascript:` and `data:` links).

use pulldown_cmark::{html, Options, Parser};
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

/// Renders Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        return String::new();
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    sanitiser().clean(&raw).to_string()
}

/// Plain text of Markdown (for excerpts, feeds, CSV and search): formatting dropped, HTML
/// dropped, whitespace collapsed.
pub fn to_plain_text(markdown: &str) -> String {
    use pulldown_cmark::Event;
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// First `max_chars` characters of the plain text, cut at a word boundary with an ellipsis.
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    let text = to_plain_text(markdown);
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max_chars / 2 => &cut[..i],
        _ => &cut[..],
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
    fn markdown_formatting_survives() {
        let html = to_html("Met **Rubio** in [Kingston](https://example.org/k).");
        assert!(html.contains("<strong>Rubio</strong>"));
        assert!(html.contains("href=\"https://example.org/k\""));
    }

    #[test]
    fn excerpts_cut_on_words() {
        let e = excerpt("One two three four five six seven", 15);
        assert!(e.ends_with('\u{2026}'));
        assert!(e.len() < 20);
        assert_eq!(to_plain_text("a <b>bold</b> *x*"), "a bold x");
    }
}
