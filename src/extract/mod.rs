//! Stage 2: extract dated engagement events from news articles.
//!
//! In: articles loaded from `content/articles/`. Out: unreviewed [`Event`]s, each with its
//! evidence sentence, byte offsets, confidence and where every field came from.
//! The dates tagger (`crate::timex`, shared with `load`) finds and normalises dates,
//! [`sentences`] splits text, [`mentions`] finds countries and people, [`engagements`]
//! applies the rules of `EVENTS.md`.

mod anaphora;
mod cast;
mod datelines;
mod dates;
mod debug;
mod document;
pub(crate) mod engagements;
mod folding;
mod home;
mod leaders;
mod lexicon;
mod mentions;
mod participants;
mod places;
mod sentences;
mod titles;
mod tokens;
mod triggers;

use crate::model::slug::slugify;
use crate::model::{Article, Event, Evidence, Origin, Source};
use engagements::Draft;
use rayon::prelude::*;

/// FNV-1a: a stable, dependency-free hash so ids do not change between runs or platforms.
fn stable_hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Turns an article's drafts into unreviewed events with the article as their source.
pub(crate) fn to_events(article: &Article, drafts: Vec<Draft>) -> Vec<Event> {
    drafts
        .into_iter()
        .map(|d| {
            let title = d.title.clone();
            let base = slugify(&format!("{} {}", d.date.start.iso(), title));
            let base: String = base.chars().take(60).collect();
            let id = format!(
                "x-{}-{:06x}",
                base.trim_end_matches('-'),
                stable_hash(&format!("{}:{}", article.id, d.start)) & 0xff_ffff
            );
            let mut evidence = vec![Evidence {
                article: article.id.clone(),
                sentence: d.evidence.clone(),
                start: d.start,
                end: d.end,
            }];
            evidence.extend(d.other_evidence.iter().map(|(s, a, b)| Evidence {
                article: article.id.clone(),
                sentence: s.clone(),
                start: *a,
                end: *b,
            }));
            Event {
                id,
                date: d.date,
                title,
                kind: d.kind,
                host: None,
                actors: d.actors,
                countries: d.countries,
                places: d.places,
                tags: vec!["extracted".into()],
                summary: format!("> {}", d.evidence.replace('\n', " ")),
                sources: vec![Source {
                    title: article.headline.clone(),
                    publisher: article.publisher.clone(),
                    url: article.url.clone(),
                    date: article.date,
                    article: Some(article.id.clone()),
                }],
                origin: Origin::Extracted {
                    evidence,
                    confidence: d.confidence,
                    field_origins: d.field_origins,
                },
                reviewed: false,
            }
        })
        .collect()
}

/// The events of one article, unreviewed, each with its evidence: what a build adds to the
/// site for it.
///
/// The rules are many and articles unforeseen: should one fail on an article, that
/// article's events are left out with a warning naming it, and the build goes on with the
/// rest rather than stopping on text the user cannot fix.
pub fn extract_article(article: &Article) -> Vec<Event> {
    let drafts = std::panic::catch_unwind(|| engagements::extract(article));
    match drafts {
        Ok(drafts) => to_events(article, drafts),
        Err(_) => {
            let warning = crate::diagnostics::Diagnostic::warning(
                &article.path,
                1,
                1,
                "extraction failed on this article (a fault in Entente, not in the article: \
                 please report it with the file); no events were taken from it",
            );
            eprintln!("{warning}");
            Vec::new()
        }
    }
}

/// Extracts events from every article (in parallel; the result is in article order).
pub(crate) fn extract_articles(articles: &[Article]) -> Vec<Event> {
    articles
        .par_iter()
        .map(extract_article)
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}
