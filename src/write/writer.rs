//! The writer the renderer hands files to: it writes them beside the output directory, skips
//! what an in-place update left unchanged, and publishes the whole when the build is done.

use super::manifest::{
    manifest_bytes, manifest_stamp, relative_key, Manifest, ManifestStamp, KEEP, MANIFEST,
};
use super::swap::{beside, prepare_beside, swap_in};
use super::{PublishLock, WriteError};
use crate::model::{OutputFile, Sink};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Checks a rendered path is relative and stays inside the output directory.
pub(super) fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    if path.is_empty() || p.is_absolute() {
        return None;
    }
    p.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| p.to_path_buf())
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
    /// The manifest file as written, to recognise this output later.
    pub(crate) stamp: Option<ManifestStamp>,
}

enum Mode {
    /// Into a staging directory swapped in at the end: `entente build`.
    Staged,
    /// Only what changed, into a directory beside the output, moved in at the end:
    /// `entente serve` rebuilds.
    InPlace { previous: Manifest },
}

/// Writes rendered files as the renderer hands them over (it implements [`Sink`]), so the
/// site never has to be held in memory whole.
pub(crate) struct SiteWriter {
    out: PathBuf,
    /// Where files are written: the staging directory, or the one beside the output that holds
    /// an in-place update until it is moved in.
    dir: PathBuf,
    mode: Mode,
    record: bool,
    dirs: Mutex<HashSet<PathBuf>>,
    error: Mutex<Option<WriteError>>,
    /// Every file of the new site, with its hash when `record`: the manifest, and the check
    /// that no two files share a path.
    entries: Mutex<HashMap<String, u64>>,
    /// In place: the files written into `dir`, to move into the output.
    changed: Mutex<Vec<String>>,
    written: AtomicUsize,
    progress: Option<indicatif::ProgressBar>,
    publish: Option<PublishLock>,
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
            changed: Mutex::new(Vec::new()),
            written: AtomicUsize::new(0),
            progress: None,
            publish: None,
        }
    }

    /// A writer into a fresh staging directory beside `out`; [`finish`](Self::finish) swaps it
    /// in. With `record`, the outcome carries a manifest for later in-place builds. The caller
    /// holds `out`'s [`OutputLock`](super::OutputLock).
    pub(crate) fn staged(out: &Path, record: bool) -> Result<SiteWriter, WriteError> {
        let staging = beside(out, "entente-staging");
        prepare_beside(out, &staging)?;
        Ok(SiteWriter::new(out, staging, Mode::Staged, record))
    }

    /// A writer that updates `out` in place, given the manifest of what is there. The caller
    /// holds `out`'s [`OutputLock`](super::OutputLock).
    pub(crate) fn in_place(out: &Path, previous: Manifest) -> Result<SiteWriter, WriteError> {
        let next = beside(out, "entente-next");
        prepare_beside(out, &next)?;
        Ok(SiteWriter::new(out, next, Mode::InPlace { previous }, true))
    }

    /// Counts written files on this progress bar.
    pub(crate) fn with_progress(mut self, bar: indicatif::ProgressBar) -> SiteWriter {
        self.progress = Some(bar);
        self
    }

    /// Holds `lock` for writing while files move into the output directory.
    pub(crate) fn with_publish_lock(mut self, lock: PublishLock) -> SiteWriter {
        self.publish = Some(lock);
        self
    }

    fn fail(&self, e: WriteError) {
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
            Mode::Staged => None,
        }
    }

    /// Whether `rel` is in the output directory as the previous build left it.
    fn unchanged_on_disk(&self, rel: &str, hash: u64) -> bool {
        self.previous(rel) == Some(hash)
            && safe_relative(rel).is_some_and(|r| self.out.join(r).is_file())
    }

    /// Claims `rel` for one file of the new site; a second claim is a collision.
    fn claim(&self, rel: &str, hash: u64) -> Result<(), WriteError> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.insert(rel.to_string(), hash).is_some() || rel == MANIFEST {
            return Err(WriteError::Collision { path: rel.into() });
        }
        Ok(())
    }

    /// Writes one file into the staging (or update) directory.
    fn put(
        &self,
        rel: &str,
        write: impl FnOnce(&Path) -> Result<(), WriteError>,
    ) -> Result<(), WriteError> {
        let relative = safe_relative(rel).ok_or_else(|| WriteError::Io {
            path: self.out.join(rel.replace(['/', '\\'], "_")),
            source: io::Error::other(format!("unsafe output path {rel:?}")),
        })?;
        let target = self.dir.join(&relative);
        self.ensure_parent(&target)
            .map_err(|source| WriteError::Io {
                path: self.out.join(&relative),
                source,
            })?;
        write(&target)?;
        if let Mode::InPlace { .. } = self.mode {
            self.changed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(rel.to_string());
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
        Ok(())
    }

    fn write_bytes(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.put(rel, |target| {
            fs::write(target, bytes).map_err(|source| WriteError::Io {
                path: self.out.join(rel),
                source,
            })
        })
    }

    /// Copies `static_dir`'s files (listed by `load`) and the built-in files they do not
    /// replace, then makes the result the output directory (staged) or moves the changed files
    /// into it and removes what the build no longer produces (in place). Reports the first
    /// error, if any, leaving the previous site as it was.
    pub(crate) fn finish(
        self,
        statics: Option<&[(PathBuf, PathBuf)]>,
    ) -> Result<WriteOutcome, WriteError> {
        let dir = self.dir.clone();
        let result = self.complete(statics);
        // Whatever is left of the staging (or update) directory after a failure goes.
        if result.is_err() {
            let _ = fs::remove_dir_all(&dir);
        }
        result
    }

    fn complete(self, statics: Option<&[(PathBuf, PathBuf)]>) -> Result<WriteOutcome, WriteError> {
        let first_error = self.error.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some(e) = first_error {
            return Err(e);
        }
        let files = statics.unwrap_or_default();
        files.par_iter().try_for_each(|(rel, src)| {
            let key = relative_key(rel);
            let stamp = static_stamp(src).map_err(|source| WriteError::Static {
                path: src.clone(),
                source,
            })?;
            self.claim(&key, stamp)
                .map_err(|_| WriteError::StaticCollision {
                    path: key.clone(),
                    source_file: src.clone(),
                })?;
            if !self.unchanged_on_disk(&key, stamp) {
                self.put(&key, |target| {
                    copy_static(src, target, &self.out.join(&key))
                })?;
            }
            Ok::<(), WriteError>(())
        })?;
        // Without a static directory at all (`None`) the caller wants only its own files.
        let builtins = if statics.is_some() {
            &BUILTIN_STATIC[..]
        } else {
            &[]
        };
        for &(name, bytes) in builtins {
            if files.iter().any(|(rel, _)| rel == Path::new(name)) {
                continue;
            }
            let hash = hash_bytes(bytes);
            self.claim(name, hash)?;
            if !self.unchanged_on_disk(name, hash) {
                self.write_bytes(name, bytes)?;
            }
        }
        let entries = std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        // Written last: a directory with a manifest is a whole site.
        let manifest = manifest_bytes(&entries);
        fs::write(self.dir.join(MANIFEST), &manifest).map_err(|source| WriteError::Io {
            path: self.out.join(MANIFEST),
            source,
        })?;
        let guard = self
            .publish
            .as_ref()
            .map(|lock| lock.write().unwrap_or_else(|e| e.into_inner()));
        let mut removed = 0;
        match &self.mode {
            Mode::Staged => {
                // Keep a tracked placeholder such as public/.gitkeep across rebuilds.
                let keep = self.out.join(KEEP);
                if keep.is_file() {
                    let _ = fs::copy(&keep, self.dir.join(KEEP));
                }
                swap_in(&self.dir, &self.out)?;
            }
            Mode::InPlace { previous } => {
                let mut changed =
                    std::mem::take(&mut *self.changed.lock().unwrap_or_else(|e| e.into_inner()));
                changed.push(MANIFEST.into());
                removed = match self.move_in(&changed, previous, &entries) {
                    Ok(removed) => removed,
                    Err(e) => {
                        // Halfway moved in: the directory now holds files of both builds. The
                        // manifest lists them all, so that the full build that follows may
                        // replace it.
                        let mut either = previous.0.clone();
                        either.extend(entries.iter().map(|(k, v)| (k.clone(), *v)));
                        let _ = fs::write(self.out.join(MANIFEST), manifest_bytes(&either));
                        return Err(e);
                    }
                };
                let _ = fs::remove_dir_all(&self.dir);
            }
        }
        drop(guard);
        Ok(WriteOutcome {
            written: self.written.into_inner(),
            removed,
            stamp: manifest_stamp(&self.out),
            manifest: self.record.then_some(Manifest(entries)),
        })
    }

    /// Moves an in-place update into the output directory (renames on one file system, which a
    /// full disk does not stop), then deletes the files the build no longer produces.
    fn move_in(
        &self,
        changed: &[String],
        previous: &Manifest,
        entries: &HashMap<String, u64>,
    ) -> Result<usize, WriteError> {
        let mut made: HashSet<PathBuf> = HashSet::new();
        for rel in changed {
            let Some(relative) = safe_relative(rel) else {
                continue;
            };
            let target = self.out.join(&relative);
            let io = |source| WriteError::Io {
                path: target.clone(),
                source,
            };
            if let Some(parent) = target.parent() {
                if made.insert(parent.to_path_buf()) {
                    fs::create_dir_all(parent).map_err(io)?;
                }
            }
            fs::rename(self.dir.join(&relative), &target).map_err(io)?;
        }
        let mut gone: Vec<&String> = previous
            .0
            .keys()
            .filter(|k| !entries.contains_key(*k))
            .collect();
        gone.sort();
        let mut removed = 0;
        for rel in gone {
            let Some(relative) = safe_relative(rel) else {
                continue;
            };
            let path = self.out.join(relative);
            match fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(WriteError::Io { path, source }),
            }
            // Only succeeds on directories the removal left empty.
            if let Some(parent) = path.parent().filter(|p| *p != self.out) {
                let _ = fs::remove_dir(parent);
            }
        }
        Ok(removed)
    }
}

/// Copies one static file, telling a file that cannot be read from one that cannot be written.
fn copy_static(src: &Path, target: &Path, shown: &Path) -> Result<(), WriteError> {
    let mut from = fs::File::open(src).map_err(|source| WriteError::Static {
        path: src.to_path_buf(),
        source,
    })?;
    let mut to = fs::File::create(target).map_err(|source| WriteError::Io {
        path: shown.to_path_buf(),
        source,
    })?;
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = match io::Read::read(&mut from, &mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(WriteError::Static {
                    path: src.to_path_buf(),
                    source,
                })
            }
        };
        to.write_all(&buffer[..n])
            .map_err(|source| WriteError::Io {
                path: shown.to_path_buf(),
                source,
            })?;
    }
    Ok(())
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
        let result = self.claim(&file.path, hash).and_then(|()| {
            if self.unchanged_on_disk(&file.path, hash) {
                Ok(())
            } else {
                self.write_bytes(&file.path, &file.bytes)
            }
        });
        if let Err(e) = result {
            self.fail(e);
        }
    }

    fn unchanged(&self, path: &str) {
        let result = match self.previous(path) {
            Some(hash) => self.claim(path, hash),
            None => Err(WriteError::Io {
                path: self.out.join(path),
                source: io::Error::other(
                    "reported unchanged but the previous build did not write it",
                ),
            }),
        };
        if let Err(e) = result {
            self.fail(e);
        }
    }
}
/// The default style sheet and script, compiled in: a site without a `static/` directory of
/// its own (a new site, a generated one) still gets a styled page with working filters. A
/// file of the same name in the site's `static/` replaces each.
const BUILTIN_STATIC: [(&str, &[u8]); 2] = [
    ("style.css", include_bytes!("../../static/style.css")),
    ("entente.js", include_bytes!("../../static/entente.js")),
];
