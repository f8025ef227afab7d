//! Briefings: saved selections of events (`content/briefings/*.yaml`), and which events each
//! selects. The home page's filter form selects the same way, so both live beside the data.

use super::slug::slugify;
use super::{Country, Event, EventType, PartialDate};

/// A saved selection of events from `content/briefings/*.yaml`, rendered as a print-ready
/// page with CSV and Markdown exports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Briefing {
    /// The file name as a slug: the briefing's pages are `briefings/<slug>.*`.
    pub slug: String,
    /// Heading of the briefing.
    pub title: String,
    /// Markdown shown before the chronology.
    pub intro_markdown: String,
    /// Events ending before this are left out.
    pub from: Option<PartialDate>,
    /// Events starting after this are left out.
    pub to: Option<PartialDate>,
    /// Any of these countries (empty: any country).
    pub countries: Vec<Country>,
    /// Any of these people (empty: anyone).
    pub actors: Vec<String>,
    /// Any of these types (empty: any type).
    pub types: Vec<EventType>,
    /// Any of these tags (empty: any tags).
    pub tags: Vec<String>,
    /// "Information as of" for this briefing; else the site's.
    pub as_of: Option<PartialDate>,
    /// Exactly these events (by id), when given: a selection made by hand, as the browser's
    /// briefing builder writes it. The criteria above still apply.
    pub events: Vec<String>,
}

impl Briefing {
    /// Whether a briefing selects an event: the event overlaps the date range and matches every
    /// criterion given (any of the listed values of that criterion).
    pub(crate) fn selects(&self, e: &Event) -> bool {
        let b = self;
        if !b.events.is_empty() && !b.events.contains(&e.id) {
            return false;
        }
        if let Some(from) = b.from {
            if e.date.last_day() < from.first_day() {
                return false;
            }
        }
        if let Some(to) = b.to {
            if e.date.first_day() > to.last_day() {
                return false;
            }
        }
        if !b.countries.is_empty() && !e.countries.iter().any(|c| b.countries.contains(c)) {
            return false;
        }
        if !b.types.is_empty() && !b.types.contains(&e.kind) {
            return false;
        }
        let any_slug = |wanted: &[String], have: &[String]| {
            wanted.is_empty() || {
                let have: Vec<String> = have.iter().map(|h| slugify(h)).collect();
                wanted.iter().any(|w| have.contains(&slugify(w)))
            }
        };
        any_slug(&b.actors, &e.actors) && any_slug(&b.tags, &e.tags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventDate, Gazetteer, Origin, Source};

    fn event(id: &str, date: &str, countries: &[&str], kind: EventType) -> Event {
        Event {
            id: id.into(),
            date: EventDate::new(PartialDate::parse(date).unwrap(), None).unwrap(),
            title: format!("Event {id}"),
            kind,
            host: None,
            actors: vec!["Marco Rubio".into()],
            countries: countries
                .iter()
                .map(|c| Gazetteer::get().normalise(c).unwrap())
                .collect(),
            places: vec![],
            tags: vec!["Caribbean".into()],
            summary: String::new(),
            sources: vec![Source {
                title: "Dispatch".into(),
                publisher: None,
                url: Some("https://example.org/a".into()),
                date: None,
                article: None,
            }],
            origin: Origin::HandWritten {
                file: "x.yaml".into(),
                line: 1,
            },
            reviewed: true,
        }
    }

    #[test]
    fn selection_combines_criteria_and_overlaps_dates() {
        let b = Briefing {
            slug: "b".into(),
            title: "B".into(),
            from: Some(PartialDate::month(2025, 3)),
            to: Some(PartialDate::month(2025, 5)),
            countries: vec![Gazetteer::get().normalise("JM").unwrap()],
            actors: vec!["marco rubio".into()],
            tags: vec!["caribbean".into()],
            ..Default::default()
        };
        assert!(b.selects(&event("a", "2025-03", &["US", "JM"], EventType::Tour)));
        assert!(!b.selects(&event("b", "2025-06-01", &["JM"], EventType::Visit)));
        assert!(!b.selects(&event("c", "2025-04-01", &["GY"], EventType::Visit)));
        // A year-precision event overlaps the range.
        assert!(b.selects(&event("d", "2025", &["JM"], EventType::Visit)));
        let typed = Briefing {
            types: vec![EventType::Meeting],
            ..b
        };
        assert!(!typed.selects(&event("e", "2025-04-01", &["JM"], EventType::Visit)));
        let chosen = Briefing {
            events: vec!["a".into()],
            ..Default::default()
        };
        assert!(chosen.selects(&event("a", "2025-03", &["US"], EventType::Tour)));
        assert!(!chosen.selects(&event("b", "2025-03", &["US"], EventType::Tour)));
    }
}
