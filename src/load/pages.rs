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

/// Every page of `dir`, in navigation order; problems go to `problems`.
pub(crate) fn load_pages(dir: &Path, problems: &mut Diagnostics) -> Vec<Page> {
    let mut pages = Vec::new();
    for path in super::content_files(dir, &["md", "markdown"]) {
        let text = match super::read_text(&path) {
            Ok(t) => t,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
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
                pages.push(Page {
                    slug: slugify(fm.slug.as_deref().unwrap_or(stem)),
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
