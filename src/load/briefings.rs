//! `content/briefings/*.yaml`: saved selections rendered as print-ready briefings.
//!
//! In: one YAML mapping per file (title, intro, from, to, countries, actors, types, tags,
//! events, as_of). Out: [`Briefing`]s whose slug is the file name, or every problem with its line and
//! column. Which events a briefing selects is decided at render time, after merging.

use super::yaml::{self, Scalar, Step};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::slug::slugify;
use crate::model::{Briefing, EventType, Gazetteer, PartialDate};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBriefing {
    title: String,
    #[serde(default)]
    intro: String,
    from: Option<Scalar>,
    to: Option<Scalar>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    types: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    as_of: Option<Scalar>,
    #[serde(default)]
    events: Vec<String>,
}

/// Every briefing of `dir`, by slug; problems go to `problems`.
pub(crate) fn load_briefings(dir: &Path, problems: &mut Diagnostics) -> Vec<Briefing> {
    let mut briefings: Vec<Briefing> = Vec::new();
    for path in super::content_files(dir, &["yaml", "yml"]) {
        let text = match super::read_text(&path) {
            Ok(t) => t,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let (briefing, found) = parse_file(&path, &text);
        problems.extend(found);
        if let Some(b) = briefing {
            // `briefings/index.html` is the list of briefings.
            if b.slug == "index" {
                problems.push(Diagnostic::file(
                    &path,
                    "the name \"index\" is taken by the list of briefings \
                     (briefings/index.html): rename this file",
                ));
                continue;
            }
            // Two files whose names slugify alike would write the same output files.
            if briefings.iter().any(|o| o.slug == b.slug) {
                problems.push(Diagnostic::file(
                    &path,
                    format!(
                        "another briefing already uses the name \"{}\": rename this file",
                        b.slug
                    ),
                ));
                continue;
            }
            briefings.push(b);
        }
    }
    briefings.sort_by(|a, b| a.slug.cmp(&b.slug));
    briefings
}

/// Parses and validates one briefing file; the briefing is `None` when the YAML itself is
/// unusable, and comes with every field problem otherwise.
pub fn parse_file(path: &Path, text: &str) -> (Option<Briefing>, Vec<Diagnostic>) {
    let mut found: Vec<Diagnostic> = yaml::control_characters(text)
        .into_iter()
        .map(|e| Diagnostic::new(path, e.line, e.column, e.message))
        .collect();
    if !found.is_empty() {
        return (None, found);
    }
    let raw: RawBriefing = match yaml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let message = if e.message.contains("unknown field") {
                format!(
                    "{}; a briefing has title, intro, from, to, countries, actors, types, tags, events and as_of",
                    e.message
                )
            } else {
                e.message
            };
            found.push(Diagnostic::new(path, e.line, e.column, message));
            return (None, found);
        }
    };
    let positions = yaml::top_level_positions(text);
    let item = positions.first().cloned().unwrap_or_default();
    let at = |steps: &[Step]| -> (usize, usize) {
        if let [Step::Key(k)] = steps {
            if let Some(p) = item.key(k) {
                return p;
            }
        }
        yaml::locate(text, steps).unwrap_or(item.start)
    };
    let mut problem = |steps: &[Step], message: String| {
        let (line, column) = at(steps);
        found.push(Diagnostic::new(path, line, column, message));
    };

    let mut date = |key: &'static str, value: &Option<Scalar>| -> Option<PartialDate> {
        let scalar = value.as_ref()?;
        match PartialDate::parse(&scalar.as_text()) {
            Ok(d) => Some(d),
            Err(e) => {
                problem(&[Step::Key(key)], format!("{key}: {e}"));
                None
            }
        }
    };
    let from = date("from", &raw.from);
    let to = date("to", &raw.to);
    let as_of = date("as_of", &raw.as_of);
    if let (Some(f), Some(t)) = (from, to) {
        if f.first_day() > t.last_day() {
            problem(
                &[Step::Key("to")],
                format!("to ({}) is before from ({}): swap them", t.iso(), f.iso()),
            );
        }
    }

    let mut countries = Vec::new();
    for (i, name) in raw.countries.iter().enumerate() {
        match Gazetteer::get().normalise(name) {
            Ok(c) => {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
            Err(e) => problem(&[Step::Key("countries"), Step::Index(i)], e.to_string()),
        }
    }
    let mut types = Vec::new();
    for (i, name) in raw.types.iter().enumerate() {
        match EventType::parse(name) {
            Ok(t) => {
                if !types.contains(&t) {
                    types.push(t);
                }
            }
            Err(e) => problem(&[Step::Key("types"), Step::Index(i)], e.to_string()),
        }
    }
    for (key, values) in [
        ("actors", &raw.actors),
        ("tags", &raw.tags),
        ("events", &raw.events),
    ] {
        for (i, value) in values.iter().enumerate() {
            if crate::model::text::is_blank(value) {
                problem(
                    &[Step::Key(key), Step::Index(i)],
                    format!("{key}: empty entry: remove it or write a name"),
                );
            }
        }
    }
    if crate::model::text::is_blank(&raw.title) {
        problem(
            &[Step::Key("title")],
            "title is empty: give the briefing a title".into(),
        );
    }

    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("briefing");
    let briefing = Briefing {
        slug: slugify(stem),
        title: raw.title.trim().to_string(),
        intro_markdown: raw.intro,
        from,
        to,
        countries,
        actors: raw.actors.iter().map(|a| a.trim().to_string()).collect(),
        types,
        tags: raw.tags.iter().map(|t| t.trim().to_string()).collect(),
        as_of,
        events: raw.events.iter().map(|e| e.trim().to_string()).collect(),
    };
    (Some(briefing), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Briefing>, Vec<Diagnostic>) {
        parse_file(Path::new("content/briefings/caribbean-2025.yaml"), text)
    }

    #[test]
    fn parses_a_full_briefing() {
        let (b, problems) = parse(
            "title: Caribbean 2025\nintro: |\n  Some *text*.\nfrom: 2025-01\nto: 2025\ncountries: [JM, Bahamas, Eastern Caribbean]\nactors: [Marco Rubio]\ntypes: [visit, meeting]\ntags: [caribbean]\nas_of: 2025-05-07\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let b = b.unwrap();
        assert_eq!(b.slug, "caribbean-2025");
        assert_eq!(b.from, Some(PartialDate::month(2025, 1)));
        assert_eq!(b.to, Some(PartialDate::year(2025)));
        let codes: Vec<&str> = b.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["JM", "BS", "eastern-caribbean"]);
        assert_eq!(b.types, [EventType::Visit, EventType::Meeting]);
        assert_eq!(b.as_of.map(|d| d.iso()).as_deref(), Some("2025-05-07"));
    }

    #[test]
    fn chosen_events_are_read_and_checked() {
        // What the browser's briefing builder writes (issue 16).
        let (b, problems) = parse("title: Chosen\nevents:\n  - a-visit\n  - b-call\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(b.unwrap().events, ["a-visit", "b-call"]);
        let (_, problems) = parse("title: Chosen\nevents: [a, '']\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("events: empty entry"));
    }

    #[test]
    fn every_field_problem_has_its_position() {
        let (b, problems) =
            parse("title: X\nfrom: 2025-13\ncountries:\n  - JM\n  - Jamiaca\ntypes: [vist]\n");
        assert!(b.is_some());
        let at: Vec<(usize, usize)> = problems.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(2, 7), (5, 5), (6, 9)], "{problems:?}");
        assert!(problems[1].message.contains("did you mean"));
        assert!(problems[2].message.contains("did you mean \"visit\""));
    }

    #[test]
    fn unknown_fields_and_reversed_ranges_are_errors() {
        let (b, problems) = parse("title: X\ncountry: JM\n");
        assert!(b.is_none());
        assert_eq!((problems[0].line, problems[0].column), (2, 1));
        assert!(problems[0].message.contains("unknown field `country`"));
        let (_, problems) = parse("title: X\nfrom: 2025-06\nto: 2025-02-01\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].message.contains("before"));
    }
}
