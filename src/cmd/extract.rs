//! `entente extract FILE... [--format yaml|json] [--write DIR] [--out-dir DIR]`: the events
//! of the given articles, as JSON for tools or as YAML that can be pasted into
//! `content/events/` (every event marked `reviewed: false`, with its evidence).

use super::CmdError;
use super::{errln, outln};
use crate::model::{Event, Origin};
use crate::pipeline::{self, ReadError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
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

fn load_events(path: &Path) -> Result<Vec<Event>, ReadError> {
    let article = pipeline::read_article(path)?;
    Ok(pipeline::extract_events(&article))
}

/// Whether an existing draft (a regular file) may be replaced: only if a person has not
/// reviewed it.
fn may_overwrite(path: &Path) -> bool {
    match std::fs::read_to_string(path) {
        Ok(text) => text.lines().any(|l| l.trim() == "reviewed: false"),
        Err(_) => false,
    }
}

/// Why an output file was not written.
#[derive(Debug, thiserror::Error)]
enum WriteFileError {
    /// A symbolic link where the file goes: writing would change whatever it points to.
    #[error("it is a symbolic link, and Entente never writes through one: remove the link or choose another directory")]
    Symlink,
    /// Something other than a file where the file goes.
    #[error("it is not a regular file")]
    NotAFile,
    /// What the file system reported.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Writes `bytes` to `target` without following a symbolic link at any point: into a new file
/// beside it (created exclusively, so not through a link either), then renamed over it, which
/// replaces a directory entry and never writes into another file. A link already at `target`
/// is left alone and reported.
fn write_file(target: &Path, bytes: &[u8]) -> Result<(), WriteFileError> {
    match std::fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(WriteFileError::Symlink),
        Ok(meta) if !meta.is_file() => return Err(WriteFileError::NotAFile),
        _ => {}
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.{}.entente-tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temporary, target));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    Ok(written?)
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

/// What to extract and where to put it.
pub(super) struct Options {
    /// Article files, in the order given.
    pub(super) files: Vec<PathBuf>,
    /// JSON instead of YAML on stdout.
    pub(super) json: bool,
    /// Directory for one reviewable draft per event.
    pub(super) write: Option<PathBuf>,
    /// Directory for one JSON file per article.
    pub(super) out_dir: Option<PathBuf>,
}

/// Runs the command: every article's events, then one of the three outputs.
pub(super) fn run(options: Options) -> Result<(), CmdError> {
    let (all, failed) = extract_all(&options.files);
    let written = if let Some(dir) = &options.out_dir {
        write_json_files(dir, &all)?
    } else if let Some(dir) = &options.write {
        write_drafts(dir, &all)?
    } else {
        print_events(&all, options.json)?;
        0
    };
    if failed.count > 0 {
        return Err(CmdError::Articles {
            count: failed.count,
            total: options.files.len(),
            unreadable: failed.unreadable,
        });
    }
    if written > 0 {
        return Err(CmdError::Partial(written));
    }
    Ok(())
}

/// Articles that could not be used, each already reported.
#[derive(Default)]
struct Failed {
    count: usize,
    /// Whether one could not be read at all.
    unreadable: bool,
}

/// Extracts every article on every core, reporting problems in the order given, and ends a run
/// over several articles with a summary line on stderr (stdout carries the events).
fn extract_all(files: &[PathBuf]) -> (Vec<(PathBuf, Vec<Event>)>, Failed) {
    let started = std::time::Instant::now();
    let progress = progress_bar(files.len());
    let loaded: Vec<(PathBuf, Result<Vec<Event>, ReadError>)> = files
        .par_iter()
        .map(|path| {
            let events = load_events(path);
            progress.inc(1);
            (path.clone(), events)
        })
        .collect();
    progress.finish_and_clear();
    let mut all = Vec::new();
    let mut failed = Failed::default();
    for (path, result) in loaded {
        match result {
            Ok(events) => all.push((path, events)),
            Err(ReadError::Content(problem)) => {
                errln!("{problem}");
                failed.count += 1;
            }
            Err(e) => {
                errln!("{}error{:#}: {e}", super::ERROR, super::ERROR);
                failed.count += 1;
                failed.unreadable = true;
            }
        }
    }
    if files.len() >= SUMMARY_FROM {
        errln!(
            "extracted {} events from {} of {} articles in {:.2} s",
            all.iter().map(|(_, events)| events.len()).sum::<usize>(),
            all.len(),
            files.len(),
            started.elapsed().as_secs_f64()
        );
    }
    (all, failed)
}

/// One JSON file per article, named after it (for scorers that read DIR/NNN.json); returns
/// how many could not be written. Two articles of the same name (`a/x.txt`, `b/x.txt`) would
/// write the same file: the second is reported, not written.
fn write_json_files(dir: &Path, all: &[(PathBuf, Vec<Event>)]) -> Result<usize, CmdError> {
    create_dir(dir)?;
    let mut failed = 0;
    let mut taken: HashMap<PathBuf, (&Path, Vec<u8>)> = HashMap::new();
    for (path, events) in all {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let json: Vec<JsonEvent> = events.iter().filter_map(|e| json_event(e, path)).collect();
        let target = dir.join(format!("{stem}.json"));
        let bytes = serde_json::to_vec_pretty(&json).unwrap_or_default();
        if let Some((first, earlier)) = taken.get(&target) {
            if *earlier == bytes {
                continue;
            }
            cannot_write(
                &target,
                &format!(
                    "it holds the events of {} already: give the articles different names",
                    first.display()
                ),
            );
            failed += 1;
            continue;
        }
        if let Err(e) = write_file(&target, &bytes) {
            cannot_write(&target, &e.to_string());
            failed += 1;
        }
        taken.insert(target, (path, bytes));
    }
    Ok(failed)
}

fn cannot_write(target: &Path, why: &str) {
    errln!(
        "{}error{:#}: cannot write {}: {why}",
        super::ERROR,
        super::ERROR,
        target.display()
    );
}

/// One reviewable draft per event, never over a file a person has reviewed and never through a
/// symbolic link; returns how many could not be written.
fn write_drafts(dir: &Path, all: &[(PathBuf, Vec<Event>)]) -> Result<usize, CmdError> {
    create_dir(dir)?;
    let mut failed = 0;
    // What this run wrote where: the same article given twice writes the same drafts again,
    // which is nothing to report; two different drafts on one path are.
    let mut taken: HashMap<PathBuf, String> = HashMap::new();
    // The list of files written is a courtesy: a reader that stops reading it (`| head`) must
    // not stop the drafts being written.
    let mut listing = true;
    for event in all.iter().flat_map(|(_, events)| events) {
        let target = dir.join(format!("{}.yaml", event.id));
        let draft = match pipeline::event_draft(event, false) {
            Ok(draft) => draft,
            Err(e) => {
                cannot_write(&target, &e.to_string());
                failed += 1;
                continue;
            }
        };
        match taken.get(&target) {
            Some(earlier) if *earlier == draft => continue,
            Some(_) => {
                cannot_write(
                    &target,
                    "another event of this run has the same id and was written there",
                );
                failed += 1;
                continue;
            }
            None => {}
        }
        // Only a regular file can have been reviewed; a link or a directory there is refused by
        // `write_file`, with its own reason.
        let regular = std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_file());
        if regular && !may_overwrite(&target) {
            errln!(
                "skipped {}: it has been reviewed (no `reviewed: false`), so it is kept as is",
                target.display()
            );
            continue;
        }
        match write_file(&target, draft.as_bytes()) {
            Ok(()) => {
                if listing && outln!("wrote {}", target.display()).is_err() {
                    listing = false;
                }
                taken.insert(target, draft);
            }
            Err(e) => {
                cannot_write(&target, &e.to_string());
                failed += 1;
            }
        }
    }
    Ok(failed)
}

/// The events on stdout: a JSON array, or YAML drafts that can be pasted into
/// `content/events/`.
fn print_events(all: &[(PathBuf, Vec<Event>)], json: bool) -> Result<(), CmdError> {
    if json {
        let json: Vec<JsonEvent> = all
            .iter()
            .flat_map(|(p, events)| events.iter().filter_map(move |e| json_event(e, p)))
            .collect();
        return outln!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_else(|_| "[]".into())
        );
    }
    let mut out = String::new();
    for event in all.iter().flat_map(|(_, events)| events) {
        match pipeline::event_draft(event, true) {
            Ok(draft) => {
                out.push_str(&draft);
                out.push('\n');
            }
            Err(e) => errln!("{}error{:#}: {e}", super::ERROR, super::ERROR),
        }
    }
    if out.is_empty() {
        out.push_str("# No engagement events found.\n[]\n");
    }
    super::write_out_bytes(out.as_bytes())
}

fn create_dir(dir: &Path) -> Result<(), CmdError> {
    std::fs::create_dir_all(dir).map_err(|source| CmdError::Output {
        action: "create",
        path: dir.to_path_buf(),
        source,
    })
}
