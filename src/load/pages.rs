//! `content/pages/*.md`: Markdown pages (About, Methodology) with YAML front matter.

use super::yaml;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::slug::slugify;
use crate::model::Page;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    #[serde(default)]
    order: i64,
    slug: Option<String>,
}

/// Splits `---`-delimited front matter from the body. Returns (front matter, body, line of the
/// first front-matter line, byte offset of the body).
pub fn split_front_matter(text: &str) -> Option<(&str, &str, usize, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let header_len = text.len() - rest.len();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let body_start = header_len + offset + line.len();
            return Some((&rest[..offset], &text[body_start..], 2, body_start));
        }
        offset += line.len();
    }
    None
}

/// Page names the site's own pages use at its root.
const RESERVED: [(&str, &str); 5] = [
    ("index", "the timeline (index.html)"),
    ("briefing", "the briefing builder (briefing.html)"),
    ("embed", "the embeddable timeline (embed.html)"),
    ("404", "the page shown for a missing page (404.html)"),
    ("review", "the review page (review.html)"),
];

/// Every page of `dir`, in navigation order; problems go to `problems`.
pub(crate) fn load_pages(dir: &Path, problems: &mut Diagnostics) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut sources: Vec<std::path::PathBuf> = Vec::new();
    for path in super::content_files(dir, &["md", "markdown"]) {
        let text = match super::read_text(&path) {
            Ok(t) => t,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let controls = crate::model::text::raw_controls(&text);
        if !controls.is_empty() {
            for (line, column, c) in controls {
                problems.push(Diagnostic::new(
                    &path,
                    line,
                    column,
                    crate::model::text::control_message(c),
                ));
            }
            continue;
        }
        let Some((front, body, first_line, _)) = split_front_matter(&text) else {
            problems.push(Diagnostic::file(
                &path,
                "page has no front matter: start it with\n---\ntitle: About\n---",
            ));
            continue;
        };
        match yaml::from_str::<FrontMatter>(front) {
            Ok(fm) => {
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
                let slug = slugify(fm.slug.as_deref().unwrap_or(stem));
                let place = |key: &str| {
                    yaml::locate(front, &[yaml::Step::Key(key)])
                        .map(|(l, c)| (l + first_line - 1, c))
                        .unwrap_or((1, 1))
                };
                if crate::model::text::is_blank(&fm.title) {
                    let (line, column) = place("title");
                    problems.push(Diagnostic::new(
                        &path,
                        line,
                        column,
                        "the page's `title` is empty: it is the heading and the navigation label",
                    ));
                    continue;
                }
                // Where the slug came from: the front matter's `slug`, or the file name.
                let (line, column, fix) = if fm.slug.is_some() {
                    let (l, c) = place("slug");
                    (l, c, "give the page another `slug:`")
                } else {
                    (1, 1, "rename the file, or give the page a `slug:`")
                };
                if let Some((_, owner)) = RESERVED.iter().find(|(name, _)| *name == slug) {
                    problems.push(Diagnostic::new(
                        &path,
                        line,
                        column,
                        format!("the page name \"{slug}\" is taken by {owner}: {fix}"),
                    ));
                    continue;
                }
                if let Some(i) = pages.iter().position(|p| p.slug == slug) {
                    problems.push(Diagnostic::new(
                        &path,
                        line,
                        column,
                        format!(
                            "the page name \"{slug}\" is taken by {} already: {fix}",
                            sources[i].display()
                        ),
                    ));
                    continue;
                }
                sources.push(path.clone());
                pages.push(Page {
                    slug,
                    title: fm.title,
                    body_markdown: body.to_string(),
                    order: fm.order,
                })
            }
            Err(e) => problems.push(Diagnostic::new(
                &path,
                e.line + first_line - 1,
                e.column,
                e.message,
            )),
        }
    }
    pages.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    pages
}
