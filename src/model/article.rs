//! News articles (`content/articles/**`), as load reads them once for every later stage.

use super::PartialDate;
use chrono::NaiveDate;
use std::path::PathBuf;

/// A news dateline such as `WASHINGTON, May 7 (KUNA) --`, as the body of an article opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// Where the story was filed ("WASHINGTON", "NUSA DUA, Indonesia").
    pub place: String,
    /// The news agency in parentheses.
    pub agency: Option<String>,
    /// The date it names; `None` when it names none or no year can be had.
    pub date: Option<NaiveDate>,
    /// Byte offset of the dateline in the article's text, place to dash.
    pub start: usize,
    /// Byte offset one past its dash.
    pub end: usize,
}

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
    /// The news dateline the body opens with, if any.
    pub dateline: Option<Dateline>,
    /// The article's text; evidence offsets point into it. For the plain-text formats the
    /// whole file as read; for a saved page or a feed item the text a reader sees: the
    /// headline on the first line, then one paragraph per line.
    pub text: String,
    /// Byte offset where the article's own words start: after the `date` line or the front
    /// matter (a headline on a line of its own is part of them).
    pub text_start: usize,
    /// Byte offset where the body starts (after header line, headline or front matter).
    pub body_start: usize,
    /// What the article was read from and what it lacks.
    pub provenance: Provenance,
}

/// The form an article came in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArticleFormat {
    /// A plain-text or Markdown file.
    #[default]
    Text,
    /// A web page saved from a browser or by `entente fetch`.
    Page,
    /// One item of an RSS, Atom or JSON Feed file.
    FeedItem,
}

/// Where an article came from, beyond its publication facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    /// The form it was read from.
    pub format: ArticleFormat,
    /// The writer(s), when the page or feed names them.
    pub author: Option<String>,
    /// A feed item that carries only its title and link: nothing to extract from until the
    /// page itself is fetched.
    pub without_text: bool,
}
