//! Checking one event as written, field by field, into an [`Event`], each problem placed at
//! its field.

use super::check_url;
use super::raw::RawEvent;
use crate::load::yaml::{Scalar, Step};
use crate::model::date::DateError;
use crate::model::slug::validate_id;
use crate::model::text::is_blank;
use crate::model::urls;
use crate::model::{Country, Event, Source};
use crate::model::{EventDate, EventType, Gazetteer, Origin, PartialDate};
use std::collections::HashMap;
use std::path::Path;

/// Most tags one event may have: every tag gets a page listing the event with all its tags,
/// so the output grows with the square of this number.
const MAX_TAGS: usize = 50;
/// Most people one event may name (each gets a page listing the event with all of them).
const MAX_ACTORS: usize = 50;
/// Most countries and regions one event may name; a larger gathering is better named by its
/// grouping ("European Union", "CARICOM").
const MAX_COUNTRIES: usize = 60;

/// Longest text field we accept; a title is a line, a summary a few paragraphs.
const MAX_FIELD_BYTES: usize = 100_000;

fn parse_date(scalar: &Scalar) -> Result<PartialDate, DateError> {
    PartialDate::parse(&scalar.as_text())
}
pub(super) fn validate(
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
fn close_bidi(text: &str) -> String {
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
