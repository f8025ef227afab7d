//! `entente extract FILE... [--format yaml|json] [--write DIR] [--out-dir DIR]`: the events
//! of the given articles, as JSON for tools or as YAML that can be pasted into
//! `content/events/` (every event marked `reviewed: false`, with its evidence).

use crate::extract;
use crate::load::articles::parse_article;
use crate::load::{read_text, yaml};
use crate::model::{Event, Origin};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Serialize)]
struct JsonEvent<'a> {
    id: &'a str,
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    /// ISO 3166-1 alpha-2 codes of the states taking part or hosting.
    countries: Vec<&'a str>,
    /// Regions and groupings named as participants ("eastern-caribbean"), never expanded.
    regions: Vec<&'a str>,
    actors: &'a [String],
    places: &'a [String],
    evidence: &'a str,
    evidence_start: usize,
    evidence_end: usize,
    article: String,
    confidence: f32,
    field_origins: &'a BTreeMap<String, String>,
}

fn json_event<'a>(e: &'a Event, path: &Path) -> Option<JsonEvent<'a>> {
    let Origin::Extracted {
        evidence,
        confidence,
        field_origins,
    } = &e.origin
    else {
        return None;
    };
    let first = evidence.first()?;
    let is_alpha2 = |c: &str| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
    Some(JsonEvent {
        id: &e.id,
        date: e.date.start.iso(),
        end: e.date.end.map(|d| d.iso()),
        kind: e.kind.as_str(),
        title: &e.title,
        countries: e
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .filter(|c| is_alpha2(c))
            .collect(),
        regions: e
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .filter(|c| !is_alpha2(c))
            .collect(),
        actors: &e.actors,
        places: &e.places,
        evidence: &first.sentence,
        evidence_start: first.start,
        evidence_end: first.end,
        article: path.display().to_string(),
        confidence: (*confidence * 100.0).round() / 100.0,
        field_origins,
    })
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

fn load_events(path: &Path) -> Result<Vec<Event>, String> {
    let text = read_text(path).map_err(|d| d.to_string())?;
    let hint = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "article".into());
    let article = parse_article(path, text, &hint).map_err(|d| d.to_string())?;
    Ok(extract::to_events(
        &article,
        extract::engagements::extract(&article),
    ))
}

/// Whether an existing draft may be replaced: only if a person has not reviewed it.
fn may_overwrite(path: &Path) -> bool {
    match std::fs::read_to_string(path) {
        Ok(text) => text.lines().any(|l| l.trim() == "reviewed: false"),
        Err(_) => !path.exists(),
    }
}

/// Runs over this many articles end with a summary line; a single article's output stays
/// just the events.
const SUMMARY_FROM: usize = 2;

/// Counts articles on stderr when it is a terminal and the run is long enough to need it;
/// hidden otherwise, so pipes and logs stay clean.
fn progress_bar(articles: usize) -> ProgressBar {
    if articles < 50 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(articles as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} articles ({elapsed}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

pub struct Options {
    pub files: Vec<PathBuf>,
    pub json: bool,
    pub write: Option<PathBuf>,
    pub out_dir: Option<PathBuf>,
}

/// Runs the command; returns the exit code.
pub fn run(options: Options) -> i32 {
    let mut code = 0;
    let started = std::time::Instant::now();
    let progress = progress_bar(options.files.len());
    // Articles are independent: extract them on every core, report in the order given.
    let loaded: Vec<(PathBuf, Result<Vec<Event>, String>)> = options
        .files
        .par_iter()
        .map(|path| {
            let events = load_events(path);
            progress.inc(1);
            (path.clone(), events)
        })
        .collect();
    progress.finish_and_clear();
    let mut all: Vec<(PathBuf, Vec<Event>)> = Vec::new();
    for (path, result) in loaded {
        match result {
            Ok(events) => all.push((path, events)),
            Err(message) => {
                eprintln!("{message}");
                code = 1;
            }
        }
    }
    if options.files.len() >= SUMMARY_FROM {
        // On stderr: stdout carries the events themselves.
        eprintln!(
            "extracted {} events from {} of {} articles in {:.2} s",
            all.iter().map(|(_, events)| events.len()).sum::<usize>(),
            all.len(),
            options.files.len(),
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(dir) = &options.out_dir {
        // One JSON file per article, named after it (for scorers that read DIR/NNN.json).
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return 2;
        }
        for (path, events) in &all {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let json: Vec<JsonEvent> = events.iter().filter_map(|e| json_event(e, path)).collect();
            let target = dir.join(format!("{stem}.json"));
            if let Err(e) = std::fs::write(
                &target,
                serde_json::to_vec_pretty(&json).unwrap_or_default(),
            ) {
                eprintln!("error: cannot write {}: {e}", target.display());
                code = 2;
            }
        }
        return code;
    }
    if let Some(dir) = &options.write {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return 2;
        }
        for event in all.iter().flat_map(|(_, events)| events) {
            let target = dir.join(format!("{}.yaml", event.id));
            if !may_overwrite(&target) {
                eprintln!(
                    "skipped {}: it has been reviewed (no `reviewed: false`), so it is kept as is",
                    target.display()
                );
                continue;
            }
            let body = match yaml::to_string(&yaml_event(event)) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("error: {e}");
                    code = 2;
                    continue;
                }
            };
            match std::fs::write(&target, format!("{}{body}", review_comment(event))) {
                Ok(()) => println!("wrote {}", target.display()),
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", target.display());
                    code = 2;
                }
            }
        }
        return code;
    }
    if options.json {
        let json: Vec<JsonEvent> = all
            .iter()
            .flat_map(|(p, events)| events.iter().filter_map(move |e| json_event(e, p)))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_else(|_| "[]".into())
        );
    } else {
        let mut out = String::new();
        for event in all.iter().flat_map(|(_, events)| events) {
            match yaml::to_string(&vec![yaml_event(event)]) {
                Ok(body) => {
                    out.push_str(&review_comment(event));
                    out.push_str(&body);
                    out.push('\n');
                }
                Err(e) => eprintln!("error: {e}"),
            }
        }
        if out.is_empty() {
            out.push_str("# No engagement events found.\n[]\n");
        }
        print!("{out}");
    }
    code
}
