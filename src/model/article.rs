//! News articles (`content/articles/**`), as load reads them once for every later stage.

use super::PartialDate;
use std::path::PathBuf;

/// A news article from `content/articles/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Slug naming the article's page (`articles/<id>.html`) and cited by events.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// The headline (the file name when the file names none).
    pub headline: String,
    /// Publication date: from the `date` line, the front matter or the dateline.
    pub date: Option<PartialDate>,
    /// Publisher, or the news agency of the dateline.
    pub publisher: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Where it was written: from the front matter or the dateline.
    pub place: Option<String>,
    /// The whole file as read; evidence offsets point into it.
    pub text: String,
    /// Byte offset where the body starts (after header line, headline or front matter).
    pub body_start: usize,
}
