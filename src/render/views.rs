//! View models: the data model turned into ready-to-print strings and links for templates.
//!
//! Templates only print; every decision (labels, links, excerpts, counts) is made here.

use super::markdown;
use crate::model::{urls, Event, Origin};
use std::collections::BTreeMap;

/// A link whose `href` is relative to the site root; templates prefix it with `root`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Link {
    pub(crate) href: String,
    pub(crate) label: String,
}

#[derive(Debug, Clone, PartialEq, Hash)]
pub(crate) struct SourceView {
    pub(crate) title: String,
    pub(crate) publisher: String,
    pub(crate) url: String,
    pub(crate) date: String,
    /// Link to the article page on this site, when the source is an article we hold.
    pub(crate) article_href: String,
}

#[derive(Debug, Clone, PartialEq, Hash)]
pub(crate) struct EvidenceView {
    pub(crate) sentence: String,
    pub(crate) article_href: String,
    pub(crate) article_label: String,
    pub(crate) offsets: String,
}

/// Everything a template shows about one event. `Hash` lets incremental builds tell which
/// pages showing it must be rendered again.
#[derive(Debug, Clone, PartialEq, Hash)]
pub(crate) struct EventView {
    pub(crate) id: String,
    pub(crate) href: String,
    pub(crate) title: String,
    pub(crate) date_human: String,
    pub(crate) date_iso: String,
    pub(crate) start_iso: String,
    pub(crate) end_iso: String,
    pub(crate) kind: &'static str,
    pub(crate) kind_label: &'static str,
    pub(crate) host: String,
    pub(crate) countries: Vec<Link>,
    pub(crate) actors: Vec<Link>,
    pub(crate) places: Vec<String>,
    pub(crate) tags: Vec<Link>,
    pub(crate) excerpt: String,
    pub(crate) summary_html: String,
    /// The summary as plain text, made once for the excerpt, exports, feeds and search.
    pub(crate) plain_summary: String,
    pub(crate) sources: Vec<SourceView>,
    pub(crate) unreviewed: bool,
    pub(crate) confidence: String,
    pub(crate) evidence: Vec<EvidenceView>,
    pub(crate) field_origins: Vec<(String, String)>,
    /// One line for list rows: country names, then people ("Jamaica, Guyana · Marco Rubio").
    pub(crate) who: String,
}

impl EventView {
    pub(crate) fn new(event: &Event, article_titles: &BTreeMap<String, String>) -> EventView {
        let (evidence, confidence, field_origins) = match &event.origin {
            Origin::Extracted {
                evidence,
                confidence,
                field_origins,
            } => (
                evidence
                    .iter()
                    .map(|e| EvidenceView {
                        sentence: e.sentence.clone(),
                        article_href: urls::article(&e.article),
                        article_label: article_titles
                            .get(&e.article)
                            .cloned()
                            .unwrap_or_else(|| e.article.clone()),
                        // Readers get a paragraph, once the article is known (place_evidence).
                        offsets: String::new(),
                    })
                    .collect(),
                format!("{:.2}", confidence),
                field_origins
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            Origin::HandWritten { .. } => (Vec::new(), String::new(), Vec::new()),
        };
        let (mut summary_html, plain_summary) = markdown::to_html_and_plain_text(&event.summary);
        // An extracted event's summary is often its evidence sentence: the page shows the
        // sentence once, as evidence in its article (the data keeps the summary).
        let repeats_evidence = evidence
            .iter()
            .any(|e| same_words(&e.sentence, &plain_summary));
        if repeats_evidence {
            summary_html.clear();
        }
        let end_iso = event
            .date
            .end
            .map(|e| e.last_day().to_string())
            .unwrap_or_else(|| event.date.last_day().to_string());
        EventView {
            id: event.id.clone(),
            href: urls::event(&event.id),
            title: event.title.clone(),
            date_human: event.date.human(),
            date_iso: event.date.start.iso(),
            start_iso: event.date.first_day().to_string(),
            end_iso,
            kind: event.kind.as_str(),
            kind_label: event.kind.label(),
            host: event
                .host
                .as_ref()
                .map(|h| h.name.clone())
                .unwrap_or_default(),
            countries: event
                .countries
                .iter()
                .map(|c| Link {
                    href: urls::country(c),
                    label: c.name.clone(),
                })
                .collect(),
            actors: event
                .actors
                .iter()
                .map(|a| Link {
                    href: urls::actor(a),
                    label: a.clone(),
                })
                .collect(),
            places: event.places.clone(),
            tags: event
                .tags
                .iter()
                .map(|t| Link {
                    href: urls::tag(t),
                    label: t.clone(),
                })
                .collect(),
            excerpt: if repeats_evidence {
                String::new()
            } else {
                markdown::excerpt_of_plain(&plain_summary, 220)
            },
            summary_html,
            plain_summary,
            sources: event
                .sources
                .iter()
                .map(|s| SourceView {
                    title: s.title.clone(),
                    publisher: s.publisher.clone().unwrap_or_default(),
                    url: s.url.clone().unwrap_or_default(),
                    date: s.date.map(|d| d.human()).unwrap_or_default(),
                    article_href: s.article.as_deref().map(urls::article).unwrap_or_default(),
                })
                .collect(),
            unreviewed: !event.reviewed,
            confidence,
            evidence,
            field_origins,
            who: who_line(event, None),
        }
    }

    /// Places each evidence sentence in its article: "paragraph 3", linking to the sentence
    /// on the article's page. `paragraphs` holds each article's paragraph starts (bytes).
    pub(crate) fn place_evidence(
        mut self,
        event: &Event,
        paragraphs: &std::collections::HashMap<String, Vec<usize>>,
    ) -> Self {
        if let Origin::Extracted { evidence, .. } = &event.origin {
            for (e, view) in evidence.iter().zip(&mut self.evidence) {
                let Some(starts) = paragraphs.get(&e.article) else {
                    continue;
                };
                let n = starts.partition_point(|&s| s <= e.start);
                if n > 0 {
                    view.offsets = format!("paragraph {n}");
                    view.article_href = format!("{}#s{}", urls::article(&e.article), e.start);
                }
            }
        }
        self
    }

    /// The view on a site whose own country (`home_country`, a code) list rows leave out.
    pub(crate) fn with_home(mut self, event: &Event, home: Option<&str>) -> Self {
        if home.is_some() {
            self.who = who_line(event, home);
        }
        self
    }
}

/// Whether two texts have the same words (case, spacing and punctuation aside).
fn same_words(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

/// Country names, then people, as list rows show them (the browser index builds the same
/// line), without the site's home country.
fn who_line(event: &Event, home: Option<&str>) -> String {
    let countries = event
        .countries
        .iter()
        .filter(|c| Some(c.code.as_str()) != home)
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let people = event.actors.join(", ");
    match (countries.is_empty(), people.is_empty()) {
        (false, false) => format!("{countries} \u{b7} {people}"),
        (false, true) => countries,
        _ => people,
    }
}
