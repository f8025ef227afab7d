//! Stage 1: load `content/` into the data model.
//!
//! In: a site root holding `content/` (and optionally `static/`). Out: a [`Content`] with the
//! site settings, hand-written events, actors, pages and articles, or every problem found in
//! every file. Nothing is written.

pub mod articles;
pub(crate) use articles::{document_date, read_document};
pub mod briefings;
pub(crate) mod config;
pub mod events;
pub(crate) mod feeds;
pub(crate) mod html;
pub mod pages;
pub(crate) mod yaml;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Actor, Article, Content, Event, Gazetteer};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// Largest content file read; beyond this a file is reported instead of loaded.
pub(crate) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file system refused (a missing file, a directory, no permission).
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: std::io::Error,
    },
    /// The file is there but unusable (too large, not UTF-8, not a valid article).
    #[error(transparent)]
    Content(#[from] Diagnostic),
}

impl ReadError {
    /// The problem as a content diagnostic, for a site's own files: a file in `content/`
    /// that cannot be read is a problem of the site.
    pub(crate) fn into_diagnostic(self) -> Diagnostic {
        match self {
            ReadError::Io { path, source } => {
                Diagnostic::file(&path, format!("cannot read file: {source}"))
            }
            ReadError::Content(d) => d,
        }
    }
}

/// Reads a file of the site as UTF-8 text (without a BOM), or says why it cannot be used.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    read_file(path).map_err(ReadError::into_diagnostic)
}

/// Reads a file as UTF-8 text (without a BOM), telling a file that cannot be read from one
/// that cannot be used.
fn read_file(path: &Path) -> Result<String, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            path,
            format!(
                "file is {} MB: the limit is {} MB; split it",
                meta.len() / 1_048_576,
                MAX_FILE_BYTES / 1_048_576
            ),
        )
        .into());
    }
    let bytes = std::fs::read(path).map_err(io)?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let valid = std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()])
                .unwrap_or_default();
            let (line, column) = crate::diagnostics::line_and_column(valid, valid.len());
            Err(Diagnostic::new(
                path,
                line,
                column,
                "file is not valid UTF-8: save it as UTF-8 (most editors have an \"encoding\" option)",
            )
            .into())
        }
    }
}

/// Reads one article file (named on the command line, not part of a site): its id is its
/// file name.
pub fn read_article(path: &Path) -> Result<Article, ReadError> {
    let hint = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "article".into());
    match articles::kind_of(path) {
        Some(articles::Kind::Page) => {
            let bytes = articles::read_bytes(path)?;
            Ok(articles::parse_page(path, &bytes, &hint)?)
        }
        Some(articles::Kind::Feed) if !path.is_dir() => Err(Diagnostic::file(
            path,
            "a feed holds one article per item: put it in a site's content/articles/, or \
             `entente fetch --feed URL` to save its items' pages",
        )
        .into()),
        _ => {
            let text = read_file(path)?;
            Ok(articles::parse_article(path, text, &hint)?)
        }
    }
}

/// Files under `dir` with one of `extensions`, sorted, never following symlinks (a link could
/// point outside the site).
pub(crate) fn content_files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = WalkDir::new(dir)
        .follow_links(false)
        // Not even `dir` itself: `content/events` linked to a directory elsewhere stays out.
        .follow_root_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x.to_ascii_lowercase().as_str()))
        })
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    name: String,
    role: Option<String>,
    country: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Parsed event files of the previous load, kept by `entente serve` so a rebuild re-reads
/// only the files that changed.
#[derive(Default)]
pub(crate) struct LoadCache {
    /// By path: size, modification time, the actor aliases it was parsed with, the result.
    files: HashMap<PathBuf, (FileStamp, u64, Arc<events::EventFile>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// Loads and validates a whole site; all problems of all files at once.
pub fn load(root: &Path) -> Result<Content, Diagnostics> {
    load_with(root, None)
}

/// [`load`], reusing (and refreshing) the parsed event files in `cache`.
pub(crate) fn load_with(
    root: &Path,
    cache: Option<&mut LoadCache>,
) -> Result<Content, Diagnostics> {
    let mut problems = Diagnostics::default();
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        problems.push(Diagnostic::file(
            &content_dir,
            format!(
                "no content directory: {} must hold site.yaml and events/",
                content_dir.display()
            ),
        ));
        return Err(problems);
    }
    let config = config::load_config(&content_dir.join("site.yaml"), &mut problems);
    let actors = load_actors(&content_dir.join("actors.yaml"), &mut problems);
    let mut aliases = HashMap::new();
    for actor in &actors {
        for alias in actor.aliases.iter().chain(std::iter::once(&actor.name)) {
            aliases.insert(alias.to_lowercase(), actor.name.clone());
        }
    }

    // Aliases change how actors are read, so a file parsed with other aliases is stale.
    let aliases_key = {
        let mut sorted: Vec<(&String, &String)> = aliases.iter().collect();
        sorted.sort();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&sorted, &mut h);
        std::hash::Hasher::finish(&h)
    };
    let files = content_files(&content_dir.join("events"), &["yaml", "yml"]);
    let previous = cache.as_deref().map(|c| &c.files);
    let parsed: Vec<(PathBuf, Option<FileStamp>, Arc<events::EventFile>)> = files
        .par_iter()
        .map(|path| {
            let stamp = previous.and_then(|_| FileStamp::of(path));
            if let (Some(stamp), Some((old_stamp, old_key, file))) =
                (stamp, previous.and_then(|p| p.get(path)))
            {
                if *old_stamp == stamp && *old_key == aliases_key {
                    return (path.clone(), Some(stamp), Arc::clone(file));
                }
            }
            let file = match read_text(path) {
                Ok(text) => events::parse_file(path, &text, &aliases),
                Err(d) => events::EventFile {
                    problems: vec![d],
                    ..Default::default()
                },
            };
            (path.clone(), stamp, Arc::new(file))
        })
        .collect();
    if let Some(cache) = cache {
        cache.files = parsed
            .iter()
            .filter_map(|(path, stamp, file)| {
                Some((path.clone(), ((*stamp)?, aliases_key, Arc::clone(file))))
            })
            .collect();
    }

    let mut all_events = Vec::new();
    let mut suppressed = Vec::new();
    let mut explicit: BTreeMap<String, Vec<(PathBuf, usize, usize)>> = BTreeMap::new();
    for (path, _, file) in parsed {
        // Shared with the cache when there is one: copy then, move otherwise.
        let file = Arc::try_unwrap(file).unwrap_or_else(|shared| (*shared).clone());
        problems.extend(file.problems);
        for (id, (line, column)) in file.id_positions {
            explicit
                .entry(id)
                .or_default()
                .push((path.clone(), line, column));
        }
        suppressed.extend(file.suppressed.into_iter().map(|(id, _)| id));
        all_events.extend(file.events);
    }
    for (id, places) in &explicit {
        if places.len() > 1 {
            for (i, (path, line, column)) in places.iter().enumerate() {
                let others: Vec<String> = places
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, (p, l, c))| format!("{}:{l}:{c}", p.display()))
                    .collect();
                problems.push(Diagnostic::new(
                    path,
                    *line,
                    *column,
                    format!(
                        "duplicate id \"{id}\": also used at {}; ids must be unique, rename one",
                        others.join(", ")
                    ),
                ));
            }
        }
    }
    assign_generated_ids(&mut all_events, &explicit);

    let pages = pages::load_pages(&content_dir.join("pages"), &mut problems);
    let mut article_warnings = Vec::new();
    let articles = articles::load_articles(
        &content_dir.join("articles"),
        &mut problems,
        &mut article_warnings,
    );
    let briefings = briefings::load_briefings(&content_dir.join("briefings"), &mut problems);

    if !problems.is_empty() {
        return Err(problems);
    }
    let mut warnings = repeated_events(&all_events);
    warnings.extend(article_warnings);
    Ok(Content {
        warnings,
        root: root.to_path_buf(),
        config,
        events: all_events,
        suppressed,
        actors,
        pages,
        articles,
        briefings,
    })
}

/// Hand-written events that repeat an earlier one exactly (dates, type, countries and title):
/// most likely the same engagement entered twice, as in records copied from two sources. Not an
/// error, since two engagements can look alike; each repeat is pointed out once.
fn repeated_events(events: &[crate::model::Event]) -> Vec<Diagnostic> {
    let mut first_seen: HashMap<_, &crate::model::Event> = HashMap::new();
    let mut warnings = Vec::new();
    for event in events {
        let mut countries: Vec<&str> = event.countries.iter().map(|c| c.code.as_str()).collect();
        countries.sort_unstable();
        let key = (
            event.date,
            event.kind,
            countries,
            event
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        );
        match first_seen.get(&key) {
            None => {
                first_seen.insert(key, event);
            }
            Some(first) => {
                let (
                    crate::model::Origin::HandWritten { file, line },
                    crate::model::Origin::HandWritten {
                        file: first_file,
                        line: first_line,
                    },
                ) = (&event.origin, &first.origin)
                else {
                    continue;
                };
                warnings.push(Diagnostic::warning(
                    file,
                    *line,
                    1,
                    format!(
                        "event \"{}\" repeats \"{}\" ({}:{}): same dates, type, countries and \
                         title; delete one if they are the same engagement",
                        event.id,
                        first.id,
                        first_file.display(),
                        first_line
                    ),
                ));
            }
        }
    }
    warnings
}

/// Gives events without an `id` one made from date and title; clashes get `-2`, `-3`... in
/// a fixed order so the same content always gets the same ids.
fn assign_generated_ids(
    events: &mut [Event],
    explicit: &BTreeMap<String, Vec<(PathBuf, usize, usize)>>,
) {
    let mut order: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].id.is_empty())
        .collect();
    order.sort_by(|&a, &b| {
        let key = |e: &Event| match &e.origin {
            crate::model::Origin::HandWritten { file, line } => (file.clone(), *line),
            _ => (PathBuf::new(), 0),
        };
        key(&events[a]).cmp(&key(&events[b]))
    });
    let mut taken: std::collections::HashSet<String> = explicit.keys().cloned().collect();
    for i in order {
        let base = events::generated_id(&events[i]);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        events[i].id = id;
    }
}

fn load_actors(path: &Path, problems: &mut Diagnostics) -> Vec<Actor> {
    if !path.exists() {
        return Vec::new();
    }
    let text = match read_text(path) {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            return Vec::new();
        }
    };
    let raws: Vec<RawActor> = match yaml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            problems.push(Diagnostic::new(path, e.line, e.column, e.message));
            return Vec::new();
        }
    };
    let mut actors = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let country = match raw
            .country
            .as_deref()
            .map(|c| Gazetteer::get().normalise(c))
        {
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                let (line, column) =
                    yaml::locate(&text, &[yaml::Step::Index(i), yaml::Step::Key("country")])
                        .unwrap_or((1, 1));
                problems.push(Diagnostic::new(path, line, column, e));
                None
            }
            None => None,
        };
        actors.push(Actor {
            name: raw.name.trim().to_string(),
            role: raw.role,
            country,
            aliases: raw.aliases,
        });
    }
    actors
}
