//! `content/events/**/*.yaml`: hand-written events, one per file or a list per file.
//!
//! In: the text of one file. Out: validated [`Event`]s, or every problem found in the file
//! with its line and column. Duplicate ids across files are checked by the caller.
//!
//! `raw` is the format as serde reads it, `validate` checks each event, `url` the links of
//! its sources, and `draft` writes extracted events back in this format for review.

mod draft;
mod raw;
mod url;
mod validate;

pub(crate) use draft::draft;
use raw::RawEvent;
pub(crate) use url::check_url;
use validate::validate;

use super::yaml::{self, Step};
use crate::diagnostics::Diagnostic;
use crate::model::slug::{slugify, validate_id};
use crate::model::Event;
use std::collections::HashMap;
use std::path::Path;

/// A parsed event file: events, ids to suppress, and the problems found.
#[derive(Debug, Default, Clone)]
pub struct EventFile {
    /// The valid events, in file order.
    pub(crate) events: Vec<Event>,
    /// Ids (of extracted events) a person asked to remove, with their line.
    pub(crate) suppressed: Vec<(String, usize)>,
    /// Explicit ids with their position, for the duplicate check.
    pub(crate) id_positions: HashMap<String, (usize, usize)>,
    /// Every problem found, each with line and column.
    pub(crate) problems: Vec<Diagnostic>,
    /// Things worth a look that do not stop the build (a tag written twice in one event).
    pub(crate) warnings: Vec<Diagnostic>,
}
/// The fields of an event, in the order the README lists them.
const FIELDS: [&str; 15] = [
    "id",
    "date",
    "end",
    "approximate",
    "title",
    "type",
    "host",
    "actors",
    "countries",
    "places",
    "tags",
    "summary",
    "sources",
    "reviewed",
    "suppress",
];

/// Parses and validates one event file.
pub fn parse_file(path: &Path, text: &str, aliases: &HashMap<String, String>) -> EventFile {
    let mut out = EventFile::default();
    let controls = yaml::control_characters(text);
    if !controls.is_empty() {
        out.problems.extend(
            controls
                .into_iter()
                .map(|e| Diagnostic::new(path, e.line, e.column, e.message)),
        );
        return out;
    }
    let sequence = yaml::is_sequence(text);
    let raws: Vec<Option<RawEvent>> = if sequence {
        match parse_items(path, text, &mut out.problems) {
            Some(raws) => raws,
            None => return out,
        }
    } else if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
    {
        return out;
    } else {
        match yaml::from_str::<RawEvent>(text) {
            Ok(v) => vec![Some(v)],
            Err(e) => {
                let unknown = yaml::from_str::<yaml::Value>(text)
                    .ok()
                    .and_then(|item| yaml::unknown_key::<RawEvent>(&item, &FIELDS));
                let message = explain(unknown.as_deref(), e.message);
                out.problems
                    .push(Diagnostic::new(path, e.line, e.column, message));
                return out;
            }
        }
    };
    validate_items(path, text, sequence, raws, aliases, &mut out);
    out
}

/// The items of a file holding a list of events, `None` for each bad one; every bad item is
/// reported at its own position, so one run shows them all. `None` when the file is not YAML.
fn parse_items(
    path: &Path,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<Option<RawEvent>>> {
    let first = match yaml::from_str::<Vec<RawEvent>>(text) {
        Ok(v) => return Some(v.into_iter().map(Some).collect()),
        Err(first) => first,
    };
    let Ok(items) = yaml::values_from_str(text) else {
        problems.push(Diagnostic::new(
            path,
            first.line,
            first.column,
            first.message,
        ));
        return None;
    };
    let positions = yaml::top_level_positions(text);
    let mut reported_first = false;
    let raws = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let unknown = yaml::unknown_key::<RawEvent>(&item, &FIELDS);
            let error = match yaml::from_value::<RawEvent>(item) {
                Ok(raw) => return Some(raw),
                Err(error) => error,
            };
            let item_pos = positions.get(i).cloned().unwrap_or_default();
            let (line, column) = if !reported_first {
                // serde_yaml placed the first error exactly.
                (first.line, first.column)
            } else if let Some(field) = &unknown {
                item_pos
                    .key(field)
                    // Keys are stored at their value; step back to the key.
                    .map(|p| (p.0, p.1.saturating_sub(field.len() + 2).max(1)))
                    .unwrap_or(item_pos.start)
            } else {
                item_pos.start
            };
            reported_first = true;
            let message = explain(unknown.as_deref(), error.to_string());
            problems.push(Diagnostic::new(path, line, column, message));
            None
        })
        .collect();
    Some(raws)
}

/// Validates the items that deserialised, placing each problem at its field.
fn validate_items(
    path: &Path,
    text: &str,
    sequence: bool,
    raws: Vec<Option<RawEvent>>,
    aliases: &HashMap<String, String>,
    out: &mut EventFile,
) {
    let positions = yaml::Positions::new(text);
    for (index, raw) in raws.into_iter().enumerate() {
        let Some(raw) = raw else { continue };
        let item_start = positions.start(index);
        let prefix: Vec<Step> = if sequence {
            vec![Step::Index(index)]
        } else {
            vec![]
        };
        let at = |steps: &[Step]| -> (usize, usize) {
            match steps {
                [] => return item_start,
                [Step::Key(k)] => {
                    if let Some(p) = positions.key(index, k) {
                        return p;
                    }
                }
                _ => {}
            }
            let mut full = prefix.clone();
            full.extend_from_slice(steps);
            yaml::locate(text, &full).unwrap_or((1, 1))
        };
        let problems = &mut out.problems;
        let warnings = &mut out.warnings;
        let mut problem = |steps: &[Step], message: String| {
            let (line, column) = at(steps);
            problems.push(Diagnostic::new(path, line, column, message));
        };
        let mut warn = |steps: &[Step], message: String| {
            let (line, column) = at(steps);
            warnings.push(Diagnostic::warning(path, line, column, message));
        };
        if raw.suppress {
            match &raw.id {
                Some(id) => out.suppressed.push((id.clone(), at(&[]).0)),
                None => problem(
                    &[],
                    "`suppress: true` needs the `id` of the extracted event to remove".into(),
                ),
            }
            continue;
        }
        // Ids count for the duplicate check even when the rest of the event is wrong, so one
        // run reports both problems.
        if let Some(id) = raw.id.as_ref().filter(|id| validate_id(id).is_ok()) {
            out.id_positions.insert(id.clone(), at(&[Step::Key("id")]));
        }
        if let Some(event) = validate(raw, path, at(&[]).0, aliases, &mut problem, &mut warn) {
            out.events.push(event);
        }
    }
}

/// serde's message, or, for a field no event has (`unknown`, found from the keys themselves),
/// the field and the one it most likely meant.
fn explain(unknown: Option<&str>, message: String) -> String {
    let Some(field) = unknown else {
        return message;
    };
    let best = FIELDS
        .iter()
        .map(|k| (strsim::jaro_winkler(k, field), k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(s, _)| *s > 0.8);
    match best {
        Some((_, k)) => format!("unknown field `{field}`: did you mean `{k}`?"),
        None => format!(
            "unknown field `{field}`: event fields are {}",
            FIELDS.join(", ")
        ),
    }
}

/// Id made from date and title when none is written: stable as long as both are.
pub(crate) fn generated_id(event: &Event) -> String {
    slugify(&format!("{} {}", event.date.start.iso(), event.title))
}
