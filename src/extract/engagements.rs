//! Engagement events in one article, by the rules of `EVENTS.md`, in four phases: find the
//! words that report an engagement ([`triggers`](super::triggers)), date each one
//! ([`dates`](super::dates)), find who took part and where
//! ([`participants`](super::participants)), and fold the reports of one engagement into one
//! event ([`folding`](super::folding)).
//!
//! In: an [`Article`]. Out: [`Draft`]s, each with its evidence sentence, offsets, confidence
//! and where each field came from.

use super::dates::{self, DateSource};
use super::document::Doc;
use super::folding::{self, Mention};
use super::participants::{self, Cast};
use super::triggers;
use crate::model::{Article, Country, EventDate, EventType};
use std::collections::BTreeMap;

/// One engagement found in an article, before it becomes a model event.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: EventType,
    pub date: EventDate,
    pub countries: Vec<Country>,
    pub actors: Vec<String>,
    pub places: Vec<String>,
    /// The sentence the event is taken from, and its byte range in the article file.
    pub evidence: String,
    pub start: usize,
    pub end: usize,
    pub other_evidence: Vec<(String, usize, usize)>,
    pub confidence: f32,
    pub field_origins: BTreeMap<String, String>,
    /// The gathering's name when the event is a named summit.
    pub name: Option<String>,
    /// The country of the article's own officials (for titles: "X visits <the others>").
    pub home: Option<String>,
}

/// Extracts the engagement events of one article.
pub fn extract(article: &Article) -> Vec<Draft> {
    let Some(doc) = Doc::new(article) else {
        return Vec::new();
    };
    let cast = Cast::new(&doc);
    let mut mentions: Vec<Mention> = Vec::new();
    for s in &doc.sentences {
        let found = triggers::find(s);
        for t in &found {
            if t.negated {
                continue;
            }
            let Some(dated) = dates::date_of(&doc, s, t, &found) else {
                continue;
            };
            if t.hypothetical && dated.source != DateSource::Text {
                continue;
            }
            let parties = participants::parties_of(&doc, &cast, s, t);
            let trigger = s.toks[t.first..=t.last]
                .iter()
                .map(|x| x.text)
                .collect::<Vec<_>>()
                .join(" ");
            mentions.push(Mention {
                kind: t.kind,
                date: dated.date,
                date_source: dated.source,
                date_words: dated.words,
                parties,
                sentence: s.index,
                start: s.start,
                end: s.end,
                noun: t.noun,
                future: t.future,
                name: None,
                also: Vec::new(),
                trigger,
            });
        }
    }
    let events = folding::fold(mentions, doc.home.as_deref());
    events
        .into_iter()
        .map(|m| draft(&doc, m))
        .collect()
}

fn draft(doc: &Doc, m: Mention) -> Draft {
    let mut field_origins = BTreeMap::new();
    field_origins.insert("type".into(), format!("the words \"{}\"", m.trigger));
    field_origins.insert(
        "date".into(),
        match m.date_source {
            DateSource::Text => format!("the date expression \"{}\"", m.date_words),
            DateSource::Reported => "no date in the sentence: the day the article reports from".into(),
            DateSource::Recounted => "recounted without a date: the month the article reports from".into(),
        },
    );
    let confidence = match m.date_source {
        DateSource::Text => 0.8,
        DateSource::Reported => 0.6,
        DateSource::Recounted => 0.4,
    };
    let evidence = doc.text[m.start..m.end].trim().to_string();
    let other_evidence = m
        .also
        .iter()
        .map(|&(a, b)| (doc.text[a..b].trim().to_string(), a, b))
        .collect();
    Draft {
        kind: m.kind,
        date: m.date,
        countries: m.parties.countries,
        actors: m.parties.actors,
        places: m.parties.places,
        evidence,
        start: m.start,
        end: m.end,
        other_evidence,
        confidence,
        field_origins,
        name: m.name,
        home: doc.home.clone(),
    }
}
