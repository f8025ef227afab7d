//! Data exports of all events: `events.csv` and `events.json` (columns in the README).
//!
//! CSV cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
//! or carriage return) get a leading apostrophe, so an exported title can never execute.

use super::markdown;
use super::views::EventView;
use crate::model::{urls, Event, OutputFile, Site};
use rayon::prelude::*;
use serde::Serialize;

/// Neutralises spreadsheet formula injection (OWASP's recommendation).
pub(crate) fn csv_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub(crate) const CSV_COLUMNS: [&str; 15] = [
    "id",
    "date",
    "end",
    "precision",
    "approximate",
    "type",
    "title",
    "countries",
    "country_names",
    "actors",
    "places",
    "tags",
    "summary",
    "sources",
    "reviewed",
];

fn csv_row(e: &Event, plain_summary: &str) -> Vec<String> {
    vec![
        e.id.clone(),
        e.date.start.iso(),
        e.date.end.map(|d| d.iso()).unwrap_or_default(),
        format!("{:?}", e.date.start.precision()).to_lowercase(),
        e.date.approximate.to_string(),
        e.kind.as_str().to_string(),
        e.title.clone(),
        e.countries
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        e.countries
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        e.actors.join("; "),
        e.places.join("; "),
        e.tags.join("; "),
        plain_summary.to_string(),
        e.sources
            .iter()
            .map(|s| match &s.url {
                Some(u) => format!("{} <{u}>", s.title),
                None => s.title.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        e.reviewed.to_string(),
    ]
}

/// CSV of the given events with the documented columns.
pub(crate) fn to_csv<'a>(events: impl Iterator<Item = &'a Event>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(CSV_COLUMNS);
    for e in events {
        let plain = markdown::to_plain_text(&e.summary);
        let row: Vec<String> = csv_row(e, &plain).iter().map(|c| csv_safe(c)).collect();
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

/// Events per parallel chunk of an export: big enough that joining is cheap.
const CHUNK: usize = 256;

/// [`to_csv`] of a slice, rows formatted in parallel (records are independent, so the
/// concatenated chunks are the same bytes).
fn to_csv_parallel(events: &[Event], views: &[EventView]) -> Vec<u8> {
    let header = to_csv(std::iter::empty());
    let chunks: Vec<Vec<u8>> = events
        .par_chunks(CHUNK)
        .zip(views.par_chunks(CHUNK))
        .map(|(chunk, chunk_views)| {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            for (e, v) in chunk.iter().zip(chunk_views) {
                let row: Vec<String> = csv_row(e, &v.plain_summary)
                    .iter()
                    .map(|c| csv_safe(c))
                    .collect();
                let _ = writer.write_record(&row);
            }
            writer.into_inner().unwrap_or_default()
        })
        .collect();
    let mut out = Vec::with_capacity(header.len() + chunks.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(&header);
    for c in chunks {
        out.extend_from_slice(&c);
    }
    out
}

/// JSON array of all events (compact: a third smaller than indented, and read by programs),
/// chunks serialised in parallel and joined exactly as `serde_json::to_vec` of the whole array
/// would write them.
fn to_json_parallel(events: &[Event]) -> Vec<u8> {
    let chunks: Vec<Vec<u8>> = events
        .par_chunks(CHUNK)
        .map(|chunk| {
            // Sized for the summaries plus the other fields, so the buffer rarely grows.
            let estimate = chunk.iter().map(|e| e.summary.len() + 1024).sum();
            let mut bytes = Vec::with_capacity(estimate);
            for (i, e) in chunk.iter().enumerate() {
                if i > 0 {
                    bytes.push(b',');
                }
                let _ = serde_json::to_writer(&mut bytes, &json_event(e));
            }
            bytes
        })
        .collect();
    let mut out = Vec::with_capacity(chunks.iter().map(Vec::len).sum::<usize>() + chunks.len() + 2);
    out.push(b'[');
    for (i, c) in chunks.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(c);
    }
    out.push(b']');
    out
}

#[derive(Serialize)]
struct JsonCountry<'a> {
    code: &'a str,
    name: &'a str,
    kind: crate::model::CountryKind,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    title: &'a str,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<String>,
    /// The article the source is, for extracted events; left out where there is none, as
    /// `end` and `host` are (`"article":null` was a tenth of the sources' bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct JsonEvent<'a> {
    id: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    precision: crate::model::Precision,
    approximate: bool,
    #[serde(rename = "type")]
    kind: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<&'a str>,
    countries: Vec<JsonCountry<'a>>,
    actors: &'a [String],
    places: &'a [String],
    tags: &'a [String],
    summary: &'a str,
    sources: Vec<JsonSource<'a>>,
    reviewed: bool,
    url: String,
}

pub(crate) fn json_event<'a>(e: &'a Event) -> JsonEvent<'a> {
    JsonEvent {
        id: &e.id,
        date: e.date.start.iso(),
        end: e.date.end.map(|d| d.iso()),
        precision: e.date.start.precision(),
        approximate: e.date.approximate,
        kind: e.kind.as_str(),
        title: &e.title,
        host: e.host.as_ref().map(|h| h.code.as_str()),
        countries: e
            .countries
            .iter()
            .map(|c| JsonCountry {
                code: &c.code,
                name: &c.name,
                kind: c.kind,
            })
            .collect(),
        actors: &e.actors,
        places: &e.places,
        tags: &e.tags,
        summary: &e.summary,
        sources: e
            .sources
            .iter()
            .map(|s| JsonSource {
                title: &s.title,
                publisher: s.publisher.as_deref(),
                url: s.url.as_deref(),
                date: s.date.map(|d| d.iso()),
                article: s.article.as_deref(),
            })
            .collect(),
        reviewed: e.reviewed,
        url: urls::event(&e.id),
    }
}

/// `events.csv` and `events.json`; `views` are the events' views, in the same order.
pub(crate) fn render(site: &Site, views: &[EventView]) -> Vec<OutputFile> {
    let (csv, json) = rayon::join(
        || to_csv_parallel(&site.events, views),
        || to_json_parallel(&site.events),
    );
    vec![
        OutputFile {
            path: urls::CSV.into(),
            bytes: csv,
        },
        OutputFile {
            path: urls::JSON.into(),
            bytes: json,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::csv_safe;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("+1"), "'+1");
        assert_eq!(csv_safe("-2"), "'-2");
        assert_eq!(csv_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_safe("Jamaica"), "Jamaica");
    }

    #[test]
    fn parallel_exports_match_serial_ones() {
        use super::*;
        use crate::model::{EventDate, EventType, Gazetteer, Origin, PartialDate, Source};
        // A title that needs quoting and neutralising in CSV and escaping in JSON.
        let event = |i: usize| Event {
            id: format!("e{i}"),
            date: EventDate::new(PartialDate::parse("2025-01-02").unwrap(), None).unwrap(),
            title: "=A, \"quoted\"".into(),
            kind: EventType::Call,
            host: None,
            actors: vec![],
            countries: vec![Gazetteer::get().normalise("JM").unwrap()],
            places: vec![],
            tags: vec![],
            summary: String::new(),
            sources: Vec::<Source>::new(),
            origin: Origin::HandWritten {
                file: "x.yaml".into(),
                line: 1,
            },
            reviewed: true,
        };
        let events: Vec<Event> = (0..(CHUNK * 2 + 3)).map(event).collect();
        let views: Vec<EventView> = events
            .iter()
            .map(|e| EventView::new(e, &Default::default()))
            .collect();
        assert_eq!(to_csv_parallel(&events, &views), to_csv(events.iter()));
        let json: Vec<JsonEvent> = events.iter().map(json_event).collect();
        assert_eq!(
            to_json_parallel(&events),
            serde_json::to_vec(&json).unwrap()
        );
        assert_eq!(
            to_json_parallel(&[]),
            serde_json::to_vec(&Vec::<JsonEvent>::new()).unwrap()
        );
    }
}
