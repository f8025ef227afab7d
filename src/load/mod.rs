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

/// Reads a file of the site as UTF-8 text (without a BOM), or says why it cannot be used. Only
/// a regular file is read: a named pipe or a device as `site.yaml` would block or never end.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err(Diagnostic::file(
                path,
                "not a regular file (a directory, named pipe or device): a site's files must be \
                 plain files",
            ));
        }
    }
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
    if let Some(why) = utf16(&bytes) {
        return Err(Diagnostic::file(
            path,
            format!("file is UTF-16 ({why}): save it as UTF-8 (most editors have an \"encoding\" option)"),
        )
        .into());
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(old_mac_line_ends(text))
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

/// Why `bytes` look like UTF-16 rather than UTF-8: a UTF-16 byte order mark, or text in which
/// every other byte is zero (UTF-16 without a mark reads as UTF-8 full of NULs).
fn utf16(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("it starts with a UTF-16 byte order mark");
    }
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    (odd * 10 >= pairs * 4 && even * 20 < pairs || even * 10 >= pairs * 4 && odd * 20 < pairs)
        .then_some("every other byte is zero")
}

/// Line ends written as a lone carriage return (old Mac files) become line feeds, byte for
/// byte, so that every reader sees lines and every offset stays true.
fn old_mac_line_ends(text: String) -> String {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return text;
    }
    let mut out = text.into_bytes();
    for i in 0..out.len() {
        if out[i] == b'\r' && out.get(i + 1) != Some(&b'\n') {
            out[i] = b'\n';
        }
    }
    // Only ASCII bytes changed, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
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

/// Whether a directory entry is hidden (`.git`, `.trash`, an editor's backup folder): content
/// skips hidden files and hidden directories alike.
fn hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

/// Files under `dir` with one of `extensions`, sorted, never following symlinks (a link could
/// point outside the site) and skipping hidden files and directories. Directories that cannot
/// be read are reported once for the whole of `content/` by [`unreadable_directories`].
pub(crate) fn content_files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = WalkDir::new(dir)
        .follow_links(false)
        // Not even `dir` itself: `content/events` linked to a directory elsewhere stays out.
        .follow_root_links(false)
        .into_iter()
        .filter_entry(|e| !hidden(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| extensions.contains(&x.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    files
}

/// Every directory under `content/` that cannot be read, as a problem at its path: a directory
/// the build cannot list would otherwise drop its events without a word.
fn unreadable_directories(content_dir: &Path) -> Vec<Diagnostic> {
    WalkDir::new(content_dir)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .filter_entry(|e| !hidden(e))
        .filter_map(Result::err)
        .map(|e| {
            let path = e.path().unwrap_or(content_dir).to_path_buf();
            let why = e
                .io_error()
                .map(|io| io.to_string())
                .unwrap_or_else(|| e.to_string());
            Diagnostic::file(
                &path,
                format!("cannot read this directory: {why}; its files would be left out"),
            )
        })
        .collect()
}

/// The files of `static/` to copy into the site as (path relative to `static/`, file), sorted;
/// regular files only (symlinks are never followed), each checked readable, or every one that
/// cannot be read, at its path.
pub(crate) fn static_files(static_dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, Diagnostics> {
    let mut files = Vec::new();
    let mut problems = Diagnostics::default();
    if std::fs::symlink_metadata(static_dir).is_err() {
        return Ok(files);
    }
    for entry in WalkDir::new(static_dir)
        .follow_links(false)
        // Not even `static/` itself when it is a link to a directory elsewhere.
        .follow_root_links(false)
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(static_dir).to_path_buf();
                let why = e
                    .io_error()
                    .map(|io| io.to_string())
                    .unwrap_or_else(|| e.to_string());
                problems.push(Diagnostic::file(
                    &path,
                    format!("cannot read this directory of static files: {why}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if let Err(e) = std::fs::File::open(entry.path()) {
            problems.push(Diagnostic::file(
                entry.path(),
                format!("cannot read this static file: {e}"),
            ));
            continue;
        }
        if let Ok(rel) = entry.path().strip_prefix(static_dir) {
            files.push((rel.to_path_buf(), entry.path().to_path_buf()));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    files.sort();
    Ok(files)
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
    problems.extend(unreadable_directories(&content_dir));
    let config = config::load_config(&content_dir.join("site.yaml"), &mut problems);
    let (actors, aliases) = load_actors(&content_dir.join("actors.yaml"), &mut problems);

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
    let mut warnings = Vec::new();
    let mut suppressed = Vec::new();
    let mut explicit: BTreeMap<String, Vec<(PathBuf, usize, usize)>> = BTreeMap::new();
    for (path, _, file) in parsed {
        // Shared with the cache when there is one: copy then, move otherwise.
        let file = Arc::try_unwrap(file).unwrap_or_else(|shared| (*shared).clone());
        problems.extend(file.problems);
        warnings.extend(file.warnings);
        for (id, (line, column)) in file.id_positions {
            explicit
                .entry(id)
                .or_default()
                .push((path.clone(), line, column));
        }
        suppressed.extend(
            file.suppressed
                .into_iter()
                .map(|(id, line)| (id, path.clone(), line)),
        );
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
    let mut articles = articles::load_articles(
        &content_dir.join("articles"),
        &mut problems,
        &mut article_warnings,
    );
    warnings.extend(article_warnings);
    articles.retain(|a| {
        // `articles/index.html` is the list of articles.
        if a.id != "index" {
            return true;
        }
        problems.push(Diagnostic::file(
            &a.path,
            "the article id \"index\" is taken by the list of articles (articles/index.html): \
             rename the file, or give the article another `id:`",
        ));
        false
    });
    warnings.extend(articles_from_the_future(&articles));
    let briefings = briefings::load_briefings(&content_dir.join("briefings"), &mut problems);

    if !problems.is_empty() {
        return Err(problems);
    }
    warnings.extend(repeated_events(&all_events));
    warnings.extend(names_sharing_a_page(&all_events));
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

/// `actors.yaml`: the people, and every name that resolves to one of them (lower-cased name or
/// alias -> canonical name). A name that would resolve to two people is an error naming both.
fn load_actors(path: &Path, problems: &mut Diagnostics) -> (Vec<Actor>, HashMap<String, String>) {
    let mut aliases = HashMap::new();
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Vec::new(), aliases),
        _ => {}
    }
    let text = match read_text(path) {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            return (Vec::new(), aliases);
        }
    };
    let controls = yaml::control_characters(&text);
    if !controls.is_empty() {
        for e in controls {
            problems.push(Diagnostic::new(path, e.line, e.column, e.message));
        }
        return (Vec::new(), aliases);
    }
    let raws: Vec<RawActor> = match yaml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            problems.push(Diagnostic::new(path, e.line, e.column, e.message));
            return (Vec::new(), aliases);
        }
    };
    let at = |steps: &[yaml::Step]| yaml::locate(&text, steps).unwrap_or((1, 1));
    let mut actors = Vec::new();
    // Lower-cased name or alias -> (the person it names, their index).
    let mut owners: HashMap<String, (String, usize)> = HashMap::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let country = match raw
            .country
            .as_deref()
            .map(|c| Gazetteer::get().normalise(c))
        {
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                let (line, column) = at(&[yaml::Step::Index(i), yaml::Step::Key("country")]);
                problems.push(Diagnostic::new(path, line, column, e));
                None
            }
            None => None,
        };
        let name = raw.name.trim().to_string();
        if crate::model::text::is_blank(&name) {
            let (line, column) = at(&[yaml::Step::Index(i), yaml::Step::Key("name")]);
            problems.push(Diagnostic::new(
                path,
                line,
                column,
                "missing `name`: every person needs the name events are filed under",
            ));
            continue;
        }
        let names = std::iter::once((name.as_str(), vec![yaml::Step::Key("name")])).chain(
            raw.aliases.iter().enumerate().map(|(j, a)| {
                (
                    a.trim(),
                    vec![yaml::Step::Key("aliases"), yaml::Step::Index(j)],
                )
            }),
        );
        for (written, steps) in names {
            let key = written.to_lowercase();
            if crate::model::text::is_blank(&key) {
                continue;
            }
            match owners.get(&key) {
                Some((other, j)) if *j != i => {
                    let mut full = vec![yaml::Step::Index(i)];
                    full.extend(steps);
                    let (line, column) = at(&full);
                    let message = if other == &name {
                        format!("{name} is listed twice: keep one entry for each person")
                    } else {
                        format!(
                            "\"{written}\" would name both {other} and {name}: a name or alias \
                             must name one person; remove it from one of them"
                        )
                    };
                    problems.push(Diagnostic::new(path, line, column, message));
                }
                Some(_) => {}
                None => {
                    owners.insert(key, (name.clone(), i));
                }
            }
        }
        actors.push(Actor {
            name,
            role: raw.role,
            country,
            aliases: raw.aliases,
        });
    }
    for (key, (name, _)) in owners {
        aliases.insert(key, name);
    }
    (actors, aliases)
}

/// Articles dated after today: most likely a typo in the date, which would date their events
/// wrongly too.
fn articles_from_the_future(articles: &[Article]) -> Vec<Diagnostic> {
    let today = chrono::Local::now().date_naive();
    articles
        .iter()
        .filter_map(|a| {
            let date = a.date?;
            // A day's grace for time zones.
            (date.first_day() > today.succ_opt()?).then(|| {
                Diagnostic::warning(
                    &a.path,
                    1,
                    1,
                    format!(
                        "the article is dated {}, after today ({today}): check its date, which \
                         also dates the events found in it",
                        date.iso()
                    ),
                )
            })
        })
        .collect()
}

/// Tags and people written differently across events but filed on one page (`Security` and
/// `security`; `Jane` and `Јane`, whose `Ј` is Cyrillic): each other spelling is pointed out
/// once, at the first event using it.
fn names_sharing_a_page(events: &[Event]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for (noun, names) in [
        ("tag", (|e: &Event| &e.tags) as fn(&Event) -> &Vec<String>),
        ("person", |e: &Event| &e.actors),
    ] {
        // Page slug -> the first spelling and where it was seen.
        let mut first: HashMap<String, (&str, &Event)> = HashMap::new();
        let mut told: std::collections::HashSet<(String, &str)> = Default::default();
        for event in events {
            for name in names(event) {
                let slug = crate::model::urls::term_slug(name);
                let Some((spelled, seen)) = first.get(&slug) else {
                    first.insert(slug, (name, event));
                    continue;
                };
                if *spelled == name.as_str() || !told.insert((slug, name.as_str())) {
                    continue;
                }
                let (
                    crate::model::Origin::HandWritten { file, line },
                    crate::model::Origin::HandWritten {
                        file: first_file,
                        line: first_line,
                    },
                ) = (&event.origin, &seen.origin)
                else {
                    continue;
                };
                let how = if name.to_lowercase() == spelled.to_lowercase() {
                    "differs only in case from"
                } else {
                    "is filed on the same page as"
                };
                warnings.push(Diagnostic::warning(
                    file,
                    *line,
                    1,
                    format!(
                        "{noun} \"{name}\" {how} \"{spelled}\" ({}:{first_line}): both are shown \
                         as \"{spelled}\"; write them alike, or tell them apart",
                        first_file.display()
                    ),
                ));
            }
        }
    }
    warnings
}
