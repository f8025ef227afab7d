//! Stage 5: write rendered files to the output directory, all or nothing.
//!
//! The site is written into a hidden staging directory beside the output directory
//! (`.public.entente-staging`), then swapped in with two renames. A build that fails or is
//! killed midway leaves the previous site in place; a stale staging directory from a killed
//! run is removed by the next build. Symlinks in `static/` are never followed.
//!
//! `entente serve` instead updates the output directory in place after its first build,
//! writing only files whose bytes changed and deleting those no longer produced.

use crate::model::{urls, OutputFile, Sink};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Why the site could not be written; the previous output is untouched in every case but the
/// last (an in-place update that failed midway, which the next build redoes in full).
#[derive(Debug, thiserror::Error)]
pub(crate) enum WriteError {
    /// The output directory is one the build must not replace.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// The previous site, set aside by a build that was killed, could not be put back.
    #[error("cannot restore {}: {source}", path.display())]
    Restore {
        /// The output directory.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
    /// Writing the output failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The output directory.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
}

/// An output directory the build refuses to replace, and why.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Refusal {
    /// `/` or a path without a parent.
    #[error("refusing to write the site to {}: choose a dedicated directory such as public/", .out.display())]
    NoParent {
        /// The output directory as given.
        out: PathBuf,
    },
    /// The site root or one of its source directories.
    #[error("refusing to use {} as the output directory: it is or contains {}, which the build would replace; choose a dedicated directory such as public/", .out.display(), .protected.display())]
    Protected {
        /// The output directory as given.
        out: PathBuf,
        /// The directory it would destroy.
        protected: PathBuf,
    },
    /// The user's home directory.
    #[error("refusing to use your home directory {} as the output directory", .out.display())]
    Home {
        /// The output directory as given.
        out: PathBuf,
    },
    /// A symbolic link.
    #[error("{} is a symbolic link: the build would replace the link, not what it points to; give the real directory as the output", .out.display())]
    Symlink {
        /// The output directory as given.
        out: PathBuf,
    },
    /// A file.
    #[error("{} is a file, not a directory: choose a directory for the site", .out.display())]
    File {
        /// The output directory as given.
        out: PathBuf,
    },
    /// A directory that cannot be listed.
    #[error("cannot read {}: {source}", .out.display())]
    Unreadable {
        /// The output directory as given.
        out: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
    /// A directory of other things.
    #[error("{} holds files but no site (no index.html): the build replaces the output directory as a whole, so choose a new or empty directory, or empty this one", .out.display())]
    NotASite {
        /// The output directory as given.
        out: PathBuf,
    },
}

/// Refuses output directories whose replacement would destroy sources, the system or files
/// that are not a site: the site root, `content/`, `static/`, `templates/`, anything containing
/// them, `/`, the home directory, a file, a symbolic link, a directory of other things.
pub(crate) fn check_output_dir(root: &Path, out: &Path) -> Result<(), Refusal> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists so that `public/..` or a symlink cannot disguise the root.
        let mut existing = p.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent.to_path_buf();
                }
                _ => break,
            }
        }
        let mut resolved = fs::canonicalize(&existing).unwrap_or(existing);
        for name in rest.into_iter().rev() {
            resolved.push(name);
        }
        normalise(&resolved)
    };
    let given = || out.to_path_buf();
    let out_abs = absolute(out);
    let root_abs = absolute(root);
    if out_abs.parent().is_none() {
        return Err(Refusal::NoParent { out: given() });
    }
    for protected in ["", "content", "static", "templates", "src", ".git"] {
        let p = if protected.is_empty() {
            root_abs.clone()
        } else {
            root_abs.join(protected)
        };
        if out_abs == p || p.starts_with(&out_abs) {
            return Err(Refusal::Protected {
                out: given(),
                protected: p,
            });
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        if out_abs == normalise(Path::new(&home)) {
            return Err(Refusal::Home { out: given() });
        }
    }
    // The build replaces the output directory as a whole, so it must be one that holds a site
    // (or nothing yet): never a file, a link to elsewhere, or a directory of other things.
    if let Ok(meta) = fs::symlink_metadata(out) {
        if meta.file_type().is_symlink() {
            return Err(Refusal::Symlink { out: given() });
        }
        if !meta.is_dir() {
            return Err(Refusal::File { out: given() });
        }
        let mut entries = fs::read_dir(out)
            .map_err(|source| Refusal::Unreadable {
                out: given(),
                source,
            })?
            .filter_map(Result::ok)
            .map(|e| e.file_name());
        let empty = entries.all(|name| name == ".gitkeep");
        if !empty && !out.join(urls::HOME).is_file() {
            return Err(Refusal::NotASite { out: given() });
        }
    }
    Ok(())
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Checks a rendered path is relative and stays inside the output directory.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    if path.is_empty() || p.is_absolute() {
        return None;
    }
    p.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| p.to_path_buf())
}

/// Static files to copy: (relative path, source path); regular files only.
pub(crate) fn static_files(static_dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !static_dir.is_dir() {
        return Vec::new();
    }
    let mut files: Vec<(PathBuf, PathBuf)> = walkdir::WalkDir::new(static_dir)
        .follow_links(false)
        // Not even `static/` itself when it is a link to a directory elsewhere.
        .follow_root_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(static_dir).ok()?.to_path_buf();
            Some((rel, e.into_path()))
        })
        .collect();
    files.sort();
    files
}

/// Hashes of the files an in-place build left in the output directory, by relative path, so
/// the next one rewrites only what changed and deletes what is gone.
#[derive(Debug, Default, Clone)]
pub(crate) struct Manifest(HashMap<String, u64>);

#[cfg(test)]
impl Manifest {
    fn len(&self) -> usize {
        self.0.len()
    }
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// Static files are compared by size and modification time: reading every image on each
/// rebuild would cost more than copying the few that changed.
fn static_stamp(path: &Path) -> io::Result<u64> {
    let meta = fs::metadata(path)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    "static".hash(&mut h);
    meta.len().hash(&mut h);
    meta.modified().ok().hash(&mut h);
    Ok(h.finish())
}

/// What a finished write did.
#[derive(Debug, Default)]
pub(crate) struct WriteOutcome {
    /// Files written (created or replaced).
    pub(crate) written: usize,
    /// Files deleted because the build no longer produces them (in place only).
    pub(crate) removed: usize,
    /// Present when the writer was asked to keep one, for the next in-place build.
    pub(crate) manifest: Option<Manifest>,
}

enum Mode {
    /// Into a staging directory swapped in at the end: `entente build`.
    Staged { staging: PathBuf },
    /// Straight into the output directory, only what changed: `entente serve` rebuilds.
    InPlace { previous: Manifest },
}

/// Writes rendered files as the renderer hands them over (it implements [`Sink`]), so the
/// site never has to be held in memory whole.
pub(crate) struct SiteWriter {
    out: PathBuf,
    dir: PathBuf,
    mode: Mode,
    record: bool,
    dirs: Mutex<HashSet<PathBuf>>,
    error: Mutex<Option<io::Error>>,
    entries: Mutex<HashMap<String, u64>>,
    written: AtomicUsize,
    progress: Option<indicatif::ProgressBar>,
}

impl SiteWriter {
    fn new(out: &Path, dir: PathBuf, mode: Mode, record: bool) -> SiteWriter {
        SiteWriter {
            out: out.to_path_buf(),
            dir,
            mode,
            record,
            dirs: Mutex::new(HashSet::new()),
            error: Mutex::new(None),
            entries: Mutex::new(HashMap::new()),
            written: AtomicUsize::new(0),
            progress: None,
        }
    }

    /// A writer into a fresh staging directory beside `out`; [`finish`](Self::finish) swaps it
    /// in. With `record`, the outcome carries a manifest for later in-place builds.
    pub(crate) fn staged(out: &Path, record: bool) -> io::Result<SiteWriter> {
        let staging = beside(out, "entente-staging");
        if let Some(parent) = staging.parent() {
            fs::create_dir_all(parent)?;
        }
        recover_interrupted_swap(out)?;
        let old = beside(out, "entente-old");
        if staging.exists() {
            fs::remove_dir_all(&staging)?;
        }
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        fs::create_dir_all(&staging)?;
        Ok(SiteWriter::new(
            out,
            staging.clone(),
            Mode::Staged { staging },
            record,
        ))
    }

    /// A writer that updates `out` in place, given the manifest of what is there.
    pub(crate) fn in_place(out: &Path, previous: Manifest) -> io::Result<SiteWriter> {
        fs::create_dir_all(out)?;
        Ok(SiteWriter::new(
            out,
            out.to_path_buf(),
            Mode::InPlace { previous },
            true,
        ))
    }

    /// Counts written files on this progress bar.
    pub(crate) fn with_progress(mut self, bar: indicatif::ProgressBar) -> SiteWriter {
        self.progress = Some(bar);
        self
    }

    fn fail(&self, e: io::Error) {
        let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(e);
        }
    }

    fn failed(&self) -> bool {
        self.error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    fn ensure_parent(&self, target: &Path) -> io::Result<()> {
        let Some(parent) = target.parent() else {
            return Ok(());
        };
        if self
            .dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(parent)
        {
            return Ok(());
        }
        fs::create_dir_all(parent)?;
        self.dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(parent.to_path_buf());
        Ok(())
    }

    fn previous(&self, rel: &str) -> Option<u64> {
        match &self.mode {
            Mode::InPlace { previous } => previous.0.get(rel).copied(),
            Mode::Staged { .. } => None,
        }
    }

    /// Writes one file; in place through a temporary name and a rename, so a reader (the
    /// development server) sees the old file or the new one, never half of one.
    fn put(&self, rel: &str, write: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
        let relative = safe_relative(rel)
            .ok_or_else(|| io::Error::other(format!("unsafe output path {rel:?}")))?;
        let target = self.dir.join(relative);
        self.ensure_parent(&target)?;
        match self.mode {
            Mode::Staged { .. } => write(&target)?,
            Mode::InPlace { .. } => {
                let mut tmp = target.clone().into_os_string();
                tmp.push(".entente-tmp");
                let tmp = PathBuf::from(tmp);
                write(&tmp)?;
                fs::rename(&tmp, &target)?;
            }
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
        Ok(())
    }

    fn note(&self, rel: &str, hash: u64) {
        if self.record {
            self.entries
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(rel.to_string(), hash);
        }
    }

    /// Copies `static_dir` (and the built-in files it does not replace), then makes the result
    /// the output directory (staged) or removes what the build no longer produces (in place).
    /// Reports the first write error, if any, leaving the previous site in place when staged.
    pub(crate) fn finish(self, static_dir: Option<&Path>) -> io::Result<WriteOutcome> {
        let first_error = self.error.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(e) = first_error {
            if let Mode::Staged { staging } = &self.mode {
                let _ = fs::remove_dir_all(staging);
            }
            return Err(e);
        }
        let statics = static_dir.map(static_files).unwrap_or_default();
        statics.par_iter().try_for_each(|(rel, src)| {
            let key = rel
                .to_string_lossy()
                .replace(std::path::MAIN_SEPARATOR, "/");
            let stamp = static_stamp(src)?;
            if self.previous(&key) != Some(stamp) || !self.dir.join(rel).is_file() {
                self.put(&key, |target| fs::copy(src, target).map(|_| ()))?;
            }
            self.note(&key, stamp);
            Ok::<(), io::Error>(())
        })?;
        // Without a static directory at all (`None`) the caller wants only its own files.
        let builtins = if static_dir.is_some() {
            &BUILTIN_STATIC[..]
        } else {
            &[]
        };
        for &(name, bytes) in builtins {
            if statics.iter().any(|(rel, _)| rel == Path::new(name)) {
                continue;
            }
            let hash = hash_bytes(bytes);
            if self.previous(name) != Some(hash) || !self.dir.join(name).is_file() {
                self.put(name, |target| fs::write(target, bytes))?;
            }
            self.note(name, hash);
        }
        let entries = self.entries.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut removed = 0;
        match self.mode {
            Mode::Staged { staging } => {
                // Keep a tracked placeholder such as public/.gitkeep across rebuilds.
                let keep = self.out.join(".gitkeep");
                if keep.is_file() {
                    fs::write(staging.join(".gitkeep"), fs::read(&keep)?)?;
                }
                swap_in(&staging, &self.out)?;
            }
            Mode::InPlace { previous } => {
                let mut gone: Vec<&String> = previous
                    .0
                    .keys()
                    .filter(|k| !entries.contains_key(*k))
                    .collect();
                gone.sort();
                for rel in gone {
                    let Some(relative) = safe_relative(rel) else {
                        continue;
                    };
                    let path = self.out.join(relative);
                    match fs::remove_file(&path) {
                        Ok(()) => removed += 1,
                        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                        Err(e) => return Err(e),
                    }
                    // Only succeeds on directories the removal left empty.
                    if let Some(parent) = path.parent().filter(|p| *p != self.out) {
                        let _ = fs::remove_dir(parent);
                    }
                }
            }
        }
        Ok(WriteOutcome {
            written: self.written.into_inner(),
            removed,
            manifest: self.record.then_some(Manifest(entries)),
        })
    }
}

impl Sink for SiteWriter {
    fn file(&self, file: OutputFile) {
        if self.failed() {
            return;
        }
        let hash = if self.record {
            hash_bytes(&file.bytes)
        } else {
            0
        };
        if self.previous(&file.path) == Some(hash) {
            self.note(&file.path, hash);
            return;
        }
        match self.put(&file.path, |target| fs::write(target, &file.bytes)) {
            Ok(()) => self.note(&file.path, hash),
            Err(e) => self.fail(e),
        }
    }

    fn unchanged(&self, path: &str) {
        match self.previous(path) {
            Some(hash) => self.note(path, hash),
            None => self.fail(io::Error::other(format!(
                "{path} was reported unchanged but the previous build did not write it"
            ))),
        }
    }
}

/// `.<name>.<suffix>` next to `out`: the staging directory and the previous site live beside
/// the output, on the same file system, so that swapping them is a rename.
fn beside(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    parent.join(format!(".{name}.{suffix}"))
}

/// Puts the previous site back when a build was killed between the two renames of the swap
/// (`out` moved aside to `.out.entente-old`, the new site not yet in place): without this,
/// the next build would delete the only copy of the last good site.
pub(crate) fn recover_interrupted_swap(out: &Path) -> io::Result<()> {
    let old = beside(out, "entente-old");
    if old.is_dir() && fs::symlink_metadata(out).is_err() {
        fs::rename(&old, out)?;
    }
    Ok(())
}

/// Replaces `out` with `staging` by two renames; the previous site comes back if the second
/// fails.
fn swap_in(staging: &Path, out: &Path) -> io::Result<()> {
    let old = beside(out, "entente-old");
    if out.exists() {
        fs::rename(out, &old)?;
        if let Err(e) = fs::rename(staging, out) {
            let _ = fs::rename(&old, out);
            return Err(e);
        }
        fs::remove_dir_all(&old)?;
    } else {
        fs::rename(staging, out)?;
    }
    Ok(())
}

/// The default style sheet and script, compiled in: a site without a `static/` directory of
/// its own (a new site, a generated one) still gets a styled page with working filters. A
/// file of the same name in the site's `static/` replaces each.
const BUILTIN_STATIC: [(&str, &[u8]); 2] = [
    ("style.css", include_bytes!("../static/style.css")),
    ("entente.js", include_bytes!("../static/entente.js")),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` and the contents of `static_dir` as the new contents of `out`.
    fn write_site(out: &Path, files: &[OutputFile], static_dir: Option<&Path>) -> io::Result<()> {
        let writer = SiteWriter::staged(out, false)?;
        files.par_iter().for_each(|f| writer.file(f.clone()));
        writer.finish(static_dir).map(|_| ())
    }

    #[test]
    fn output_dir_cannot_be_a_source_dir() {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        fs::create_dir_all(r.join("content")).unwrap();
        assert!(check_output_dir(r, r).is_err());
        assert!(check_output_dir(r, &r.join("content")).is_err());
        assert!(check_output_dir(r, &r.join("static")).is_err());
        assert!(check_output_dir(r, &r.join("public/..")).is_err());
        assert!(check_output_dir(r, Path::new("/")).is_err());
        assert!(check_output_dir(r, &r.join("public")).is_ok());
        assert!(check_output_dir(r, &r.join("..")).is_err());
    }

    #[test]
    fn a_swap_killed_between_its_renames_gets_the_old_site_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let f = |p: &str, b: &str| OutputFile {
            path: p.into(),
            bytes: b.as_bytes().to_vec(),
        };
        write_site(&out, &[f("index.html", "first")], None).unwrap();
        // As if killed right after `rename(out, old)`.
        fs::rename(&out, dir.path().join(".public.entente-old")).unwrap();
        recover_interrupted_swap(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "first");
        // And a staged writer does the same before clearing old leftovers.
        fs::rename(&out, dir.path().join(".public.entente-old")).unwrap();
        let writer = SiteWriter::staged(&out, false).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "first");
        drop(writer);
    }

    #[test]
    fn paths_cannot_escape() {
        assert!(safe_relative("../x").is_none());
        assert!(safe_relative("/etc/passwd").is_none());
        assert!(safe_relative("a/../../b").is_none());
        assert!(safe_relative("").is_none());
        assert!(safe_relative("events/x.html").is_some());
    }

    #[test]
    fn rewrite_replaces_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let f = |p: &str| OutputFile {
            path: p.into(),
            bytes: b"x".to_vec(),
        };
        write_site(&out, &[f("a.html"), f("d/b.html")], None).unwrap();
        write_site(&out, &[f("c.html")], None).unwrap();
        assert!(out.join("c.html").exists());
        assert!(!out.join("a.html").exists());
        assert!(!dir.path().join(".public.entente-staging").exists());
    }

    #[test]
    fn in_place_writes_only_changes_and_removes_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let f = |p: &str, b: &str| OutputFile {
            path: p.into(),
            bytes: b.as_bytes().to_vec(),
        };
        let first = SiteWriter::staged(&out, true).unwrap();
        for file in [f("a.html", "a"), f("d/b.html", "b"), f("c.html", "c")] {
            first.file(file);
        }
        let manifest = first.finish(None).unwrap().manifest.unwrap();
        assert_eq!(manifest.len(), 3);

        let second = SiteWriter::in_place(&out, manifest).unwrap();
        second.file(f("a.html", "a"));
        second.file(f("c.html", "changed"));
        let outcome = second.finish(None).unwrap();
        assert_eq!((outcome.written, outcome.removed), (1, 1));
        assert_eq!(fs::read_to_string(out.join("c.html")).unwrap(), "changed");
        assert!(!out.join("d").exists(), "emptied directories go too");
        assert_eq!(outcome.manifest.unwrap().len(), 2);
    }
}
