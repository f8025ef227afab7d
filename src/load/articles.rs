//! `content/articles/**`: news articles that events are extracted from.
//!
//! Saved web pages (`.html`, `.htm`, read by [`super::html`]) and feeds (`.rss`, `.atom`,
//! `.xml`, `.json`, read by [`super::feeds`]) become articles whose text is what a reader
//! sees: the headline, then one paragraph per line. Plain text and Markdown come in three
//! formats, told apart by their first line:
//! - the plain-text article format: `date YYYY-MM-DD N`, then the headline, then the body;
//! - Markdown or text with YAML front matter (`title`, `date`, `publisher`, `url`, `place`);
//! - plain text whose first line is the headline and whose body may open with a dateline
//!   ("WASHINGTON, May 7 (KUNA) --"), which then gives place, agency and date.

use super::pages::split_front_matter;
use super::yaml::{self, Scalar};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::slug::slugify;
use crate::model::{Article, ArticleFormat, Dateline, PartialDate, Precision, Provenance};
use crate::timex;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct FrontMatter {
    title: Option<String>,
    date: Option<Scalar>,
    publisher: Option<String>,
    url: Option<String>,
    place: Option<String>,
    id: Option<String>,
}

/// Parses one article file. `id_hint` is used when the file does not name its id. An article
/// must be dated: relative dates ("late Tuesday") mean nothing without the day they were
/// written.
pub fn parse_article(path: &Path, text: String, id_hint: &str) -> Result<Article, Diagnostic> {
    let article = read(path, text, id_hint)?;
    if article.date.is_some() {
        return Ok(article);
    }
    if let Some(dateline) = &article.dateline {
        // Relative dates cannot be resolved without a year; guessing one would put events in
        // the wrong year without a word.
        let (line, column) = crate::diagnostics::line_and_column(&article.text, dateline.start);
        return Err(Diagnostic::new(
            path,
            line,
            column,
            "the dateline gives no year and the article has no date: start the file with \
             `date YYYY-MM-DD N` or give front matter a `date:`",
        ));
    }
    Err(Diagnostic::new(
        path,
        1,
        1,
        "the article has no date (no `date YYYY-MM-DD N` first line, no front matter \
         `date:`, no dated dateline such as `WASHINGTON, May 7, 2025 (AP) --`): add one, \
         so its relative dates (\"late Tuesday\") can be resolved",
    ))
}

/// Reads any text as an article, dated or not: `entente timex` tags files that are not
/// articles of a site. Fails only on a header or front matter that is wrong.
pub(crate) fn read_document(text: &str) -> Result<Article, Diagnostic> {
    read(Path::new("-"), text.to_string(), "document")
}

/// The document date of an article for the dates tagger: its own day, else the day its
/// dateline names (the year coming from the article's month or year when it gives only those).
pub(crate) fn document_date(article: &Article) -> Option<NaiveDate> {
    match article.date {
        Some(d) if d.precision() == Precision::Day => Some(d.first_day()),
        _ => article.dateline.as_ref().and_then(|d| d.date).or_else(|| {
            // A plain text that opens with its dateline has no headline line before it.
            let opening = &article.text[article.text_start..];
            timex::find_dateline(opening, None).and_then(|d| d.date)
        }),
    }
}

/// The article's header (date line or front matter), headline and dateline.
fn read(path: &Path, text: String, id_hint: &str) -> Result<Article, Diagnostic> {
    let mut article = Article {
        id: slugify(id_hint),
        path: path.to_path_buf(),
        headline: String::new(),
        date: None,
        publisher: None,
        url: None,
        place: None,
        dateline: None,
        text: String::new(),
        text_start: 0,
        body_start: 0,
        provenance: Default::default(),
    };
    let first_line = text.lines().next().unwrap_or("");
    if let Some(rest) = first_line.trim_start().strip_prefix("date ") {
        // Article format: "date 2025-05-07 403\nHeadline\nBody..."
        let first_end = text.find('\n').unwrap_or(text.len());
        let date_text = rest.split_whitespace().next().unwrap_or("");
        article.date =
            Some(PartialDate::parse(date_text).map_err(|e| Diagnostic::new(path, 1, 6, e))?);
        let after = (first_end + 1).min(text.len());
        let headline_end = text[after..]
            .find('\n')
            .map(|i| after + i)
            .unwrap_or(text.len());
        article.headline = text[after..headline_end].trim().to_string();
        article.text_start = after;
        article.body_start = (headline_end + 1).min(text.len());
    } else if let Some((front, _body, first_line, body_start)) = split_front_matter(&text) {
        read_front_matter(path, front, first_line, &mut article)?;
        article.text_start = body_start;
        article.body_start = body_start;
    } else {
        let first_end = text.find('\n').unwrap_or(text.len());
        article.headline = text[..first_end].trim().to_string();
        article.body_start = (first_end + 1).min(text.len());
    }
    if article.headline.is_empty() {
        article.headline = id_hint.to_string();
    }
    article.text = text;
    find_dateline(&mut article);
    Ok(article)
}

/// Reads the dateline the body opens with, and takes place, agency and date from it where the
/// article gave none.
fn find_dateline(article: &mut Article) {
    let body = &article.text[article.body_start.min(article.text.len())..];
    if let Some(found) = timex::find_dateline(body, article.date.map(anchor)) {
        if article.place.is_none() && !found.place.is_empty() {
            article.place = Some(found.place.clone());
        }
        if article.publisher.is_none() {
            article.publisher = found.agency.clone();
        }
        if article.date.is_none() {
            article.date = found.date.map(PartialDate::day);
        }
        article.dateline = Some(Dateline {
            place: found.place,
            agency: found.agency,
            date: found.date,
            start: article.body_start + found.start,
            end: article.body_start + found.end,
        });
    }
}

/// An article read out of a saved page or a feed item, before its dateline is read.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub(crate) headline: Option<String>,
    pub(crate) paragraphs: Vec<String>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) publisher: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) author: Option<String>,
}

/// Builds the article a reader sees from a page or feed item: the headline on the first line,
/// then one paragraph per line (the offsets of evidence point into this text), the dateline
/// read from the first paragraph as in a plain-text article.
pub(crate) fn from_parts(path: &Path, id: &str, parts: Parts, format: ArticleFormat) -> Article {
    let headline = parts
        .headline
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| id.to_string());
    let mut text = format!("{headline}\n");
    let body_start = text.len();
    for p in &parts.paragraphs {
        text.push_str(p);
        text.push('\n');
    }
    let mut article = Article {
        id: slugify(id),
        path: path.to_path_buf(),
        headline,
        date: parts.date.map(PartialDate::day),
        publisher: parts.publisher,
        url: parts.url,
        place: None,
        dateline: None,
        text,
        text_start: 0,
        body_start,
        provenance: Provenance {
            format,
            author: parts.author,
            without_text: parts.paragraphs.is_empty(),
        },
    };
    find_dateline(&mut article);
    article
}

/// Reads a saved web page as an article. Like every article it must be dated, unless it has
/// no text to extract from.
pub(crate) fn parse_page(path: &Path, bytes: &[u8], id_hint: &str) -> Result<Article, Diagnostic> {
    let html = super::html::decode(bytes, None);
    let page = super::html::read_page(&html);
    let parts = Parts {
        headline: page.headline,
        paragraphs: page.paragraphs,
        date: page.date,
        publisher: page.publisher,
        url: page.url,
        author: page.author,
    };
    let article = from_parts(path, id_hint, parts, ArticleFormat::Page);
    if article.date.is_none() && !article.provenance.without_text {
        return Err(Diagnostic::new(
            path,
            1,
            1,
            "the page gives no date (no JSON-LD datePublished, no article:published_time \
             meta, no <time datetime>, no dated dateline such as `BEIJING, Nov. 5, 2024 \
             (Xinhua) --`): add `<meta property=\"article:published_time\" \
             content=\"YYYY-MM-DD\">` to its <head>, so its relative dates can be resolved",
        ));
    }
    Ok(article)
}

/// The day a dateline's missing year is chosen around: the article's own date, or the
/// middle of its year when it gives only the year, so that any month and day of the dateline
/// fall in that year.
fn anchor(date: PartialDate) -> NaiveDate {
    match date.precision() {
        Precision::Year => NaiveDate::from_ymd_opt(date.year, 7, 1).unwrap_or(date.first_day()),
        _ => date.first_day(),
    }
}

fn read_front_matter(
    path: &Path,
    front: &str,
    first_line: usize,
    article: &mut Article,
) -> Result<(), Diagnostic> {
    let fm: FrontMatter = yaml::from_str(front)
        .map_err(|e| Diagnostic::new(path, e.line + first_line - 1, e.column, e.message))?;
    if let Some(d) = &fm.date {
        let text = d.as_text();
        // Front matter dates may carry a time ("2025-05-07T10:00:00Z"); the day is enough.
        let day = text.get(..10).filter(|_| text.len() > 10).unwrap_or(&text);
        article.date =
            Some(PartialDate::parse(day).map_err(|e| Diagnostic::new(path, first_line, 1, e))?);
    }
    if let Some(url) = &fm.url {
        super::events::check_url(url).map_err(|e| Diagnostic::new(path, first_line, 1, e))?;
    }
    article.headline = fm.title.unwrap_or_default();
    article.publisher = fm.publisher;
    article.url = fm.url;
    article.place = fm.place;
    if let Some(id) = fm.id {
        article.id = slugify(&id);
    }
    Ok(())
}

/// What `content/articles/` holds, by file name extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Plain text or Markdown.
    Text,
    /// A saved web page.
    Page,
    /// A feed: RSS, Atom or JSON Feed (`.xml` and `.json` only when they are one).
    Feed,
}

/// The kind of article a file name says it holds, if any.
pub(crate) fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Some(Kind::Text),
        "html" | "htm" | "xhtml" => Some(Kind::Page),
        "rss" | "atom" | "xml" | "json" => Some(Kind::Feed),
        _ => None,
    }
}

/// Every file under `dir` (not following links, not hidden files), sorted.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Reads a file's bytes, refusing one too large to be an article or feed.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, super::ReadError> {
    let io = |source| super::ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > super::MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            path,
            format!(
                "file is {} MB: the limit is {} MB; split it",
                meta.len() / 1_048_576,
                super::MAX_FILE_BYTES / 1_048_576
            ),
        )
        .into());
    }
    std::fs::read(path).map_err(io)
}

/// The articles of one file: one for a text or page, one per item for a feed. `Ok(None)`:
/// not an article at all (an `.xml` or `.json` file that is no feed), with the reason.
pub(crate) fn read_file_articles(
    path: &Path,
    kind: Kind,
    hint: &str,
) -> Result<Result<Vec<Article>, String>, Diagnostic> {
    match kind {
        Kind::Text => {
            let text = super::read_text(path)?;
            Ok(Ok(vec![parse_article(path, text, hint)?]))
        }
        Kind::Page => {
            let bytes = read_bytes(path).map_err(super::ReadError::into_diagnostic)?;
            Ok(Ok(vec![parse_page(path, &bytes, hint)?]))
        }
        Kind::Feed => {
            let bytes = read_bytes(path).map_err(super::ReadError::into_diagnostic)?;
            super::feeds::parse_feed(path, &bytes, hint)
        }
    }
}

/// Loads every article under `dir`. Files that are no article (an image, a PDF, an `.xml`
/// that is no feed) are pointed out in `warnings`: skipping them in silence would leave an
/// analyst wondering why a story is missing.
pub(crate) fn load_articles(
    dir: &Path,
    problems: &mut Diagnostics,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    for path in all_files(dir) {
        let Some(kind) = kind_of(&path) else {
            warnings.push(Diagnostic::warning(
                &path,
                1,
                1,
                "not an article, skipped: articles are text (.txt, .md), saved web pages \
                 (.html, .htm) or feeds (.rss, .atom, .xml, .json)",
            ));
            continue;
        };
        let rel = path.strip_prefix(dir).unwrap_or(&path).with_extension("");
        let hint = rel.to_string_lossy().replace(['/', '\\'], "-");
        let found = match read_file_articles(&path, kind, &hint) {
            Ok(Ok(found)) => found,
            Ok(Err(why)) => {
                warnings.push(Diagnostic::warning(&path, 1, 1, why));
                continue;
            }
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        for article in found {
            if let Some(other) = articles.iter().find(|a| a.id == article.id) {
                problems.push(Diagnostic::file(
                    &path,
                    format!(
                        "duplicate article id \"{}\": also used by {}; rename one",
                        article.id,
                        other.path.display()
                    ),
                ));
            } else {
                articles.push(article);
            }
        }
    }
    articles
}
