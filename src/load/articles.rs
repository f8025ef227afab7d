//! `content/articles/**`: news articles that events are extracted from.
//!
//! Three formats, told apart by their first line:
//! - the plain-text article format: `date YYYY-MM-DD N`, then the headline, then the body;
//! - Markdown or text with YAML front matter (`title`, `date`, `publisher`, `url`, `place`);
//! - plain text whose first line is the headline and whose body may open with a dateline
//!   ("WASHINGTON, May 7 (KUNA) --"), which then gives place, agency and date.

use super::pages::split_front_matter;
use super::yaml::{self, Scalar};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::slug::slugify;
use crate::model::{Article, Dateline, PartialDate, Precision};
use crate::timex;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;

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
    let body = &text[article.body_start..];
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
    article.text = text;
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

pub(crate) fn load_articles(dir: &Path, problems: &mut Diagnostics) -> Vec<Article> {
    let mut articles: Vec<Article> = Vec::new();
    for path in super::content_files(dir, &["txt", "md", "markdown", "text"]) {
        let rel = path.strip_prefix(dir).unwrap_or(&path).with_extension("");
        let hint = rel.to_string_lossy().replace(['/', '\\'], "-");
        match super::read_text(&path).and_then(|text| parse_article(&path, text, &hint)) {
            Ok(article) => {
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
            Err(d) => problems.push(d),
        }
    }
    articles
}
