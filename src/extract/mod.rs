//! Stage 2: extract dated engagement events from news articles.
//!
//! In: articles loaded from `content/articles/`. Out: unreviewed [`Event`]s, each with its
//! evidence sentence, byte offsets, confidence and where every field came from.
//! `timex` finds and normalises dates in the text.

// Until the tagger lands (issue 3) datelines are not read.
pub mod timex {
    pub struct Dateline {
        pub place: String,
        pub date: Option<chrono::NaiveDate>,
        pub agency: Option<String>,
    }
    pub fn find_dateline(_text: &str, _publication: Option<chrono::NaiveDate>) -> Option<Dateline> {
        None
    }
}

use crate::model::{Article, Event};

/// Extracts events from every article.
pub fn extract_articles(articles: &[Article]) -> Vec<Event> {
    let _ = articles;
    Vec::new()
}
