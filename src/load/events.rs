//! `content/events/**/*.yaml`: hand-written events, one per file or a list per file.
//!
//! In: the text of one file. Out: validated [`Event`]s, or every problem found in the file
//! with its line and column. Duplicate ids across files are checked by the caller.

use super::yaml::{self, Scalar, Step};
use crate::diagnostics::Diagnostic;
use crate::model::date::DateError;
use crate::model::slug::{slugify, validate_id};
use crate::model::text::is_blank;
use crate::model::urls;
use crate::model::{Country, Event, Source};
use crate::model::{EventDate, EventType, Gazetteer, Origin, PartialDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// An event as written; every field is checked in [`validate`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    id: Option<String>,
    date: Option<Scalar>,
    end: Option<Scalar>,
    #[serde(default)]
    approximate: bool,
    title: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    host: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    actors: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    countries: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    places: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    tags: Vec<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    /// Set to false on an extracted draft until a person has checked it.
    #[serde(default)]
    reviewed: Option<bool>,
    /// `true` removes the extracted event with this id from the site.
    #[serde(default)]
    suppress: bool,
}

/// A list field written as a single value (`countries: Jamaica`) is a list of one: people
/// write it that way, and it can only mean that.
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a name or a list of names, such as [Jamaica, Bahamas]")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        // `tags:` with nothing after it is no tags.
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        // `tags: 2025` is a tag named 2025, as it would be inside a list.
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(item) = seq.next_element::<String>()? {
                out.push(item);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_any(OneOrMany)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    title: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    date: Option<Scalar>,
    /// Id of an article in `content/articles/`.
    article: Option<String>,
}

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

/// Most tags one event may have: every tag gets a page listing the event with all its tags,
/// so the output grows with the square of this number.
pub(crate) const MAX_TAGS: usize = 50;
/// Most people one event may name (each gets a page listing the event with all of them).
pub(crate) const MAX_ACTORS: usize = 50;
/// Most countries and regions one event may name; a larger gathering is better named by its
/// grouping ("European Union", "CARICOM").
pub(crate) const MAX_COUNTRIES: usize = 60;

/// Longest text field we accept; a title is a line, a summary a few paragraphs.
const MAX_FIELD_BYTES: usize = 100_000;

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

fn parse_date(scalar: &Scalar) -> Result<PartialDate, DateError> {
    PartialDate::parse(&scalar.as_text())
}

/// A link that could run script or take the reader somewhere unexpected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum UrlError {
    /// Control characters (a line break could start a header or a property elsewhere).
    #[error("URL contains control characters")]
    Control,
    /// White space, which no URL has (a space is written %20).
    #[error("URL \"{}\" contains white space: write a space as %20", short(.0))]
    Space(String),
    /// A scheme other than http(s) and mailto, or none.
    #[error("unsupported URL \"{}\": use a full http(s) address (https://example.org/page) or a mailto: link", short(.0))]
    Scheme(String),
    /// An http(s) address without a host (`https://`, `https:///x`).
    #[error("URL \"{}\" has no host: write the full address, such as https://example.org/page", short(.0))]
    NoHost(String),
    /// A mailto link without an address at a host.
    #[error("URL \"{}\" has no address: write it as mailto:name@example.org", short(.0))]
    NoAddress(String),
}

fn short(url: &str) -> String {
    url.chars().take(80).collect()
}

/// Accepts only what a source link can safely be: an absolute http(s) address with a host, or
/// a mailto link with an address. Relative links (`/x`, `../x`, `//host/x`) would point into
/// the site or wherever it is served from, and other schemes could run script.
pub(crate) fn check_url(url: &str) -> Result<(), UrlError> {
    if url.chars().any(|c| c.is_control()) {
        return Err(UrlError::Control);
    }
    let url = url.trim();
    if url.chars().any(char::is_whitespace) {
        return Err(UrlError::Space(url.to_string()));
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        // After any user info, before any port.
        let host_port = authority.rsplit('@').next().unwrap_or("");
        let host = if let Some(v6) = host_port.strip_prefix('[') {
            v6.split(']').next().unwrap_or("")
        } else {
            host_port.split(':').next().unwrap_or("")
        };
        if host.is_empty() || host.contains('\\') {
            return Err(UrlError::NoHost(url.to_string()));
        }
        return Ok(());
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let address = rest.split('?').next().unwrap_or("");
        let ok = address.split(',').all(|a| {
            let a = percent_decoded_at(a);
            a.split_once('@').is_some_and(|(local, host)| {
                !local.is_empty() && !host.is_empty() && !host.contains('@')
            })
        });
        if address.is_empty() || !ok {
            return Err(UrlError::NoAddress(url.to_string()));
        }
        return Ok(());
    }
    Err(UrlError::Scheme(url.to_string()))
}

/// `%40` is an `@` in a mailto address.
fn percent_decoded_at(address: &str) -> String {
    address.replace("%40", "@")
}

fn validate(
    raw: RawEvent,
    path: &Path,
    line: usize,
    aliases: &HashMap<String, String>,
    problem: &mut dyn FnMut(&[Step], String),
    warn: &mut dyn FnMut(&[Step], String),
) -> Option<Event> {
    let mut ok = true;
    let title = match raw.title.as_deref().map(str::trim) {
        // A title of zero-width spaces shows nothing: it is missing.
        Some(t) if !is_blank(t) => t.to_string(),
        _ => {
            problem(
                &[Step::Key("title")],
                "missing `title`: every event needs a short title".into(),
            );
            ok = false;
            String::new()
        }
    };
    for (field, text) in [
        ("title", &title),
        ("summary", &raw.summary.clone().unwrap_or_default()),
    ] {
        if text.len() > MAX_FIELD_BYTES {
            problem(
                &[Step::Key(field)],
                format!(
                    "`{field}` is {} bytes: keep it under {MAX_FIELD_BYTES}",
                    text.len()
                ),
            );
            ok = false;
        }
    }
    let date = event_date(&raw, problem, &mut ok);
    let kind = match &raw.kind {
        Some(k) => match EventType::parse(k) {
            Ok(k) => Some(k),
            Err(e) => {
                problem(&[Step::Key("type")], e.to_string());
                ok = false;
                None
            }
        },
        None => {
            problem(&[], "missing `type`: use meeting, visit, tour, call, summit, statement, agreement or other".into());
            ok = false;
            None
        }
    };
    let (countries, host) = event_countries(&raw, problem, &mut ok);
    let id = match &raw.id {
        Some(id) => match validate_id(id) {
            Ok(()) => id.clone(),
            Err(e) => {
                problem(&[Step::Key("id")], e.to_string());
                ok = false;
                String::new()
            }
        },
        None => String::new(),
    };
    let sources = event_sources(&raw, problem, &mut ok);
    if countries.len() > MAX_COUNTRIES {
        problem(
            &[Step::Key("countries")],
            format!(
                "`countries` names {} countries and regions: the limit is {MAX_COUNTRIES} per \
                 event; name the grouping of a larger gathering (\"European Union\", \"CARICOM\")",
                countries.len()
            ),
        );
        ok = false;
    }
    let actors = dedup(raw.actors.iter().map(|a| {
        let a = a.trim();
        aliases
            .get(&a.to_lowercase())
            .cloned()
            .unwrap_or_else(|| a.to_string())
    }));
    let actors = same_page_once("actors", "person", actors, warn);
    let tags = same_page_once(
        "tags",
        "tag",
        dedup(raw.tags.iter().map(|t| t.trim().to_string())),
        warn,
    );
    for (field, count, limit, what) in [
        (
            "tags",
            tags.len(),
            MAX_TAGS,
            "every tag gets a page that lists the event with all its tags",
        ),
        (
            "actors",
            actors.len(),
            MAX_ACTORS,
            "every person gets a page that lists the event with all of them",
        ),
    ] {
        if count > limit {
            problem(
                &[Step::Key(field)],
                format!(
                    "`{field}` has {count} entries: the limit is {limit} per event ({what}); \
                     keep the ones a reader would look for"
                ),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let date = date?;
    Some(Event {
        id,
        date,
        title: close_bidi(&title),
        kind: kind?,
        host,
        actors: actors.iter().map(|a| close_bidi(a)).collect(),
        countries,
        places: dedup(raw.places.iter().map(|p| close_bidi(p.trim()))),
        tags: tags.iter().map(|t| close_bidi(t)).collect(),
        summary: raw.summary.unwrap_or_default(),
        sources,
        origin: Origin::HandWritten {
            file: path.to_path_buf(),
            line,
        },
        reviewed: raw.reviewed.unwrap_or(true),
    })
}

fn event_date(
    raw: &RawEvent,
    problem: &mut dyn FnMut(&[Step], String),
    ok: &mut bool,
) -> Option<EventDate> {
    let start = match &raw.date {
        Some(d) => match parse_date(d) {
            Ok(d) => Some(d),
            Err(e) => {
                problem(&[Step::Key("date")], e.to_string());
                *ok = false;
                None
            }
        },
        None => {
            problem(
                &[],
                "missing `date`: write it as YYYY, YYYY-MM or YYYY-MM-DD".into(),
            );
            *ok = false;
            None
        }
    };
    let end = match &raw.end {
        Some(d) => match parse_date(d) {
            Ok(d) => Some(d),
            Err(e) => {
                problem(&[Step::Key("end")], e.to_string());
                *ok = false;
                None
            }
        },
        None => None,
    };
    if let (Some(s), Some(e)) = (start, end) {
        // "15 March 2025 – March 2025": an end that is the very period the start lies in (or a
        // start that is the period the end lies in) says nothing and reads as a mistake.
        let end_holds_start = e.precision() < s.precision()
            && e.first_day() <= s.first_day()
            && s.last_day() <= e.last_day();
        let start_holds_end = s.precision() < e.precision()
            && s.first_day() <= e.first_day()
            && e.last_day() <= s.last_day();
        if end_holds_start {
            problem(
                &[Step::Key("end")],
                format!(
                    "`end` {} is the period `date` {} falls in, so the range would read \"{} – {}\": \
                     write the last day (such as {}) or remove `end`",
                    e.iso(),
                    s.iso(),
                    s.human(),
                    e.human(),
                    PartialDate::day(e.last_day()).iso()
                ),
            );
            *ok = false;
            return None;
        }
        if start_holds_end {
            problem(
                &[Step::Key("date")],
                format!(
                    "`date` {} is the period `end` {} falls in: write the first day (such as {}) \
                     or remove `end`",
                    s.iso(),
                    e.iso(),
                    PartialDate::day(s.first_day()).iso()
                ),
            );
            *ok = false;
            return None;
        }
    }
    match start {
        Some(start) => match EventDate::new(start, end) {
            Ok(mut d) => {
                d.approximate = raw.approximate;
                Some(d)
            }
            Err(e) => {
                problem(&[Step::Key("end")], e.to_string());
                *ok = false;
                None
            }
        },
        None => None,
    }
}

fn event_countries(
    raw: &RawEvent,
    problem: &mut dyn FnMut(&[Step], String),
    ok: &mut bool,
) -> (Vec<Country>, Option<Country>) {
    let gazetteer = Gazetteer::get();
    let mut countries = Vec::new();
    for (i, c) in raw.countries.iter().enumerate() {
        match gazetteer.normalise(c) {
            Ok(country) => {
                if !countries.contains(&country) {
                    countries.push(country)
                }
            }
            Err(e) => {
                problem(&[Step::Key("countries"), Step::Index(i)], e.to_string());
                *ok = false;
            }
        }
    }
    let host = match &raw.host {
        Some(h) => match gazetteer.normalise(h) {
            Ok(country) => {
                if !countries.contains(&country) {
                    countries.push(country.clone());
                }
                Some(country)
            }
            Err(e) => {
                problem(&[Step::Key("host")], e.to_string());
                *ok = false;
                None
            }
        },
        None => None,
    };
    (countries, host)
}

fn event_sources(
    raw: &RawEvent,
    problem: &mut dyn FnMut(&[Step], String),
    ok: &mut bool,
) -> Vec<Source> {
    let mut sources = Vec::new();
    for (i, s) in raw.sources.iter().enumerate() {
        let date = match &s.date {
            Some(d) => match parse_date(d) {
                Ok(d) => Some(d),
                Err(e) => {
                    problem(
                        &[Step::Key("sources"), Step::Index(i), Step::Key("date")],
                        e.to_string(),
                    );
                    *ok = false;
                    None
                }
            },
            None => None,
        };
        if let Some(url) = &s.url {
            if let Err(e) = check_url(url) {
                problem(
                    &[Step::Key("sources"), Step::Index(i), Step::Key("url")],
                    e.to_string(),
                );
                *ok = false;
            }
        }
        let title = s
            .title
            .clone()
            .or_else(|| s.publisher.clone())
            .or_else(|| s.url.clone())
            .or_else(|| s.article.clone());
        let Some(title) = title else {
            problem(
                &[Step::Key("sources"), Step::Index(i)],
                "source has no `title`, `publisher`, `url` or `article`: give at least one".into(),
            );
            *ok = false;
            continue;
        };
        sources.push(Source {
            title,
            publisher: s.publisher.clone(),
            url: s.url.clone(),
            date,
            article: s.article.clone(),
        });
    }
    sources
}

/// Closes the bidirectional overrides and isolates a text leaves open (U+202A..U+202E need
/// U+202C, U+2066..U+2068 need U+2069), so a title or name shown inline cannot reverse the
/// text that follows it on the page ("Trojan Source" spoofing). Nothing is removed.
pub(crate) fn close_bidi(text: &str) -> String {
    let (mut embeddings, mut isolates) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => embeddings += 1,
            '\u{202c}' => embeddings = embeddings.saturating_sub(1),
            '\u{2066}' | '\u{2067}' | '\u{2068}' => isolates += 1,
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            _ => {}
        }
    }
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n('\u{202c}', embeddings));
    out.extend(std::iter::repeat_n('\u{2069}', isolates));
    out
}

/// The entries in order, without repeats and without entries that show nothing.
fn dedup(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !is_blank(&item) && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Keeps the first of entries that share a page (`Security` and `security`, `a b` and `a-b`),
/// with a warning for each other: listed twice, the event would show twice on that page.
fn same_page_once(
    field: &str,
    noun: &str,
    items: Vec<String>,
    warn: &mut dyn FnMut(&[Step], String),
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let slug = urls::term_slug(&item);
        match out.iter().find(|o| urls::term_slug(o) == slug) {
            Some(first) => warn(
                &[Step::Key(field)],
                format!(
                    "{noun} \"{item}\" is \"{first}\" again ({}): the event is filed once, \
                     under \"{first}\"",
                    if item.to_lowercase() == first.to_lowercase() {
                        "they differ only in case"
                    } else {
                        "they share one page"
                    }
                ),
            ),
            None => out.push(item),
        }
    }
    out
}

/// Id made from date and title when none is written: stable as long as both are.
pub(crate) fn generated_id(event: &Event) -> String {
    slugify(&format!("{} {}", event.date.start.iso(), event.title))
}

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
