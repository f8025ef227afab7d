//! An extracted event written as a draft event file, for a person to review and keep.

use crate::load::yaml;
use crate::model::{Event, Origin};
use serde::Serialize;

#[derive(Serialize)]
struct YamlSource<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
}

/// The hand-written event shape (see README), so drafts load like any other event file.
#[derive(Serialize)]
struct YamlEvent<'a> {
    id: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    actors: &'a [String],
    countries: Vec<&'a str>,
    places: &'a [String],
    tags: &'a [String],
    summary: &'a str,
    sources: Vec<YamlSource<'a>>,
    reviewed: bool,
}

fn yaml_event(e: &Event) -> YamlEvent<'_> {
    YamlEvent {
        id: &e.id,
        date: e.date.start.iso(),
        end: e.date.end.map(|d| d.iso()),
        title: &e.title,
        kind: e.kind.as_str(),
        actors: &e.actors,
        countries: e.countries.iter().map(|c| c.code.as_str()).collect(),
        places: &e.places,
        tags: &e.tags,
        summary: &e.summary,
        sources: e
            .sources
            .iter()
            .map(|s| YamlSource {
                title: &s.title,
                publisher: s.publisher.as_deref(),
                url: s.url.as_deref(),
                date: s.date.map(|d| d.iso()),
                article: s.article.as_deref(),
            })
            .collect(),
        reviewed: false,
    }
}

/// Comment lines placed above a draft so a reviewer sees why it was extracted.
fn review_comment(e: &Event) -> String {
    let mut out = String::new();
    if let Origin::Extracted {
        evidence,
        confidence,
        field_origins,
    } = &e.origin
    {
        out.push_str(&format!("# Extracted automatically (confidence {confidence:.2}); set `reviewed: true` once checked.\n"));
        for ev in evidence {
            out.push_str(&format!(
                "# Evidence ({} bytes {}-{}): {}\n",
                ev.article,
                ev.start,
                ev.end,
                ev.sentence.replace('\n', " ")
            ));
        }
        for (field, origin) in field_origins {
            out.push_str(&format!("# {field}: {origin}\n"));
        }
    }
    out
}

/// An extracted event as a reviewable draft: comments saying why it was extracted, then the
/// event as a mapping (a file of its own) or as a list of one (to append to others).
pub(crate) fn draft(event: &Event, as_list: bool) -> Result<String, yaml::YamlWriteError> {
    let body = if as_list {
        yaml::to_string(&vec![yaml_event(event)])?
    } else {
        yaml::to_string(&yaml_event(event))?
    };
    Ok(format!("{}{body}", review_comment(event)))
}
