//! Events, their sources and where they came from.

use super::{Country, EventDate, PartialDate};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// The engagement vocabulary (see `EVENTS.md` and the README): CAMEO-like kinds of contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// Talks not framed as a trip (CAMEO 043/044).
    Meeting,
    /// A trip to one foreign country (CAMEO 042).
    Visit,
    /// One trip through several countries.
    Tour,
    /// A telephone or video call (CAMEO 041).
    Call,
    /// A multilateral meeting of leaders or ministers.
    Summit,
    /// A joint statement or communiqué.
    Statement,
    /// A signing (CAMEO 057).
    Agreement,
    /// Any other engagement.
    Other,
}

impl EventType {
    /// Every type, in the vocabulary's order.
    pub const ALL: [EventType; 8] = [
        EventType::Meeting,
        EventType::Visit,
        EventType::Tour,
        EventType::Call,
        EventType::Summit,
        EventType::Statement,
        EventType::Agreement,
        EventType::Other,
    ];

    /// The name as written in YAML and exports (`meeting`).
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Visit => "visit",
            EventType::Tour => "tour",
            EventType::Call => "call",
            EventType::Summit => "summit",
            EventType::Statement => "statement",
            EventType::Agreement => "agreement",
            EventType::Other => "other",
        }
    }

    /// Title-case label for headings.
    pub fn label(&self) -> &'static str {
        match self {
            EventType::Meeting => "Meeting",
            EventType::Visit => "Visit",
            EventType::Tour => "Tour",
            EventType::Call => "Call",
            EventType::Summit => "Summit",
            EventType::Statement => "Joint statement",
            EventType::Agreement => "Agreement",
            EventType::Other => "Other",
        }
    }

    /// Plural heading for lists ("Meetings").
    pub fn plural(&self) -> &'static str {
        match self {
            EventType::Meeting => "Meetings",
            EventType::Visit => "Visits",
            EventType::Tour => "Tours",
            EventType::Call => "Calls",
            EventType::Summit => "Summits",
            EventType::Statement => "Joint statements",
            EventType::Agreement => "Agreements",
            EventType::Other => "Other engagements",
        }
    }

    /// Reads a type as written (any case), or suggests the nearest one.
    pub fn parse(text: &str) -> Result<EventType, UnknownType> {
        let t = text.trim().to_ascii_lowercase();
        EventType::ALL
            .iter()
            .find(|k| k.as_str() == t)
            .copied()
            .ok_or_else(|| UnknownType {
                text: text.to_string(),
                suggestion: EventType::ALL
                    .iter()
                    .map(|k| (strsim::jaro_winkler(k.as_str(), &t), *k))
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .filter(|(s, _)| *s > 0.8)
                    .map(|(_, k)| k),
            })
    }
}

/// A type that is not in the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown type \"{text}\": {}", match .suggestion {
    Some(k) => format!("did you mean \"{k}\"?"),
    None => format!("use one of {}", EventType::ALL.map(|k| k.as_str()).join(", ")),
})]
pub struct UnknownType {
    /// The type as written.
    pub text: String,
    /// The nearest type, when one is near.
    pub suggestion: Option<EventType>,
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a statement about an event can be checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Source {
    /// Title of the source (or its publisher, URL or article when it has none).
    pub title: String,
    /// Who published it.
    pub publisher: Option<String>,
    /// Where to read it (http(s) or mailto).
    pub url: Option<String>,
    /// When it was published.
    pub date: Option<PartialDate>,
    /// Id of the article in `content/articles/` this source is, when it is one.
    pub article: Option<String>,
}

/// A sentence an extracted event rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Id of the article.
    pub article: String,
    /// The sentence, as in the article.
    pub sentence: String,
    /// UTF-8 byte offsets of the sentence in the article file.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// How an event came to be in the timeline.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// Written by a person in `content/events/`.
    HandWritten {
        /// The event file.
        file: PathBuf,
        /// The line the event starts on.
        line: usize,
    },
    /// Found by `extract` in one or more articles and not reviewed by a person.
    Extracted {
        /// The sentences the event rests on.
        evidence: Vec<Evidence>,
        /// How likely the event is real, 0 to 1.
        confidence: f32,
        /// Field name -> where its value came from ("dateline", "sentence", "headline"...).
        field_origins: BTreeMap<String, String>,
    },
}

/// One diplomatic engagement.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Permalink id (`events/<id>.html`): written, generated from date and title, or made by extraction.
    pub id: String,
    /// When it happened, at the precision known.
    pub date: EventDate,
    /// Short title.
    pub title: String,
    /// Kind of engagement.
    pub kind: EventType,
    /// For visits: the country receiving the visitor. The other countries are the guests'.
    pub host: Option<Country>,
    /// People taking part.
    pub actors: Vec<String>,
    /// States and regions taking part or hosting.
    pub countries: Vec<Country>,
    /// Cities or venues.
    pub places: Vec<String>,
    /// Free tags.
    pub tags: Vec<String>,
    /// Markdown, rendered and sanitised at render time.
    pub summary: String,
    /// Where each statement about it can be checked.
    pub sources: Vec<Source>,
    /// Written by a person or extracted.
    pub origin: Origin,
    /// False for extracted events no person has confirmed.
    pub reviewed: bool,
}

impl Event {
    /// Whether extraction found it (and no person wrote it).
    pub fn is_extracted(&self) -> bool {
        matches!(self.origin, Origin::Extracted { .. })
    }

    /// Sort key: chronological, then by title and id so output never depends on file order.
    pub fn sort_key(&self) -> (EventDate, &str, &str) {
        (self.date, self.title.as_str(), self.id.as_str())
    }
}

/// A person described in `content/actors.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical name, under which events are filed.
    pub name: String,
    /// Role shown on the person's page.
    pub role: Option<String>,
    /// Country the person serves.
    pub country: Option<Country>,
    /// Other names events may use.
    pub aliases: Vec<String>,
}

/// A Markdown page from `content/pages/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Page name (`<slug>.html`).
    pub slug: String,
    /// Heading and navigation label.
    pub title: String,
    /// The page, in Markdown.
    pub body_markdown: String,
    /// Position in the navigation.
    pub order: i64,
}
