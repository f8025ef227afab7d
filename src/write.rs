//! Stage 5: write rendered files to the output directory, all or nothing.
//!
//! The site is written into a hidden staging directory beside the output directory
//! (`.public.entente-staging`), then swapped in with two renames. A build that fails or is
//! killed midway leaves the previous site in place; a stale staging directory from a killed
//! run is removed by the next build. Symlinks in `static/` are never followed.
//!
//! The output directory belongs to Entente: every build leaves a manifest in it
//! (`.entente-manifest`, the files it wrote), and a build replaces only a directory that is
//! empty or holds exactly what its manifest lists. Anything else there (a file a person added,
//! a `.git`, a directory Entente never made) stops the build before anything is touched, since
//! replacing the directory would delete it. One build at a time writes an output directory: a
//! lock file beside it (`.public.entente-lock`, holding the pid) is held for the whole write.
//!
//! `entente serve` updates the output directory in place after its first build: the files that
//! changed are written beside it first (`.public.entente-next`), and only once every one of
//! them is there are they moved in, while the server is kept from reading (a
//! [`PublishLock`]), so it always serves one whole build; a full disk leaves the served site
//! as it was.

use crate::model::{OutputFile, Sink};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// The file in the output directory that says Entente made it and lists the files it wrote.
pub(crate) const MANIFEST: &str = ".entente-manifest";
/// A placeholder a repository may keep in an empty output directory; kept across builds.
const KEEP: &str = ".gitkeep";
/// Largest manifest read: a site of a million files lists about 60 MB.
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// Held (for writing) while a build moves files into the output directory, and (for reading)
/// by the development server while it reads a file to serve: a reader never sees half of an
/// update.
pub(crate) type PublishLock = Arc<RwLock<()>>;

/// Why the site could not be written; the previous output is untouched in every case but an
/// in-place update that failed while moving its files in (which the next build redoes whole).
#[derive(Debug, thiserror::Error)]
pub(crate) enum WriteError {
    /// The output directory is one the build must not replace.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// Another process holds the output directory's lock.
    #[error("another build is writing {} ({}): wait for it to finish, or stop it", .out.display(), match .pid { Some(p) => format!("pid {p}"), None => "pid unknown".to_string() })]
    Locked {
        /// The output directory.
        out: PathBuf,
        /// The process holding the lock, as it wrote it in the lock file.
        pid: Option<u32>,
    },
    /// The directory holding the output directory cannot be written.
    #[error("cannot write in {} beside {}: {source}; the new site is written there and then swapped in, so that directory must be writable (or choose another --out)", .parent.display(), .out.display())]
    Parent {
        /// The output directory.
        out: PathBuf,
        /// Its parent directory.
        parent: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
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
        /// The file or directory that could not be written.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
    /// A file of `static/` could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Static {
        /// The file in `static/`.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
    /// Two files of the site would be written to the same path.
    #[error("two files of the site would be written to {path}: Entente stops rather than let one replace the other; rename the page, name or file that maps to it")]
    Collision {
        /// The path in the output directory.
        path: String,
    },
    /// A file of `static/` would replace a file the build renders.
    #[error("{} would replace the file Entente writes at {path}: rename or remove it", .source_file.display())]
    StaticCollision {
        /// The path in the output directory.
        path: String,
        /// The file in `static/`.
        source_file: PathBuf,
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
    /// A directory inside one the build reads.
    #[error("refusing to use {} as the output directory: it is inside {}, which the build reads, so every build would read its own output; choose a directory outside it such as public/", .out.display(), .input.display())]
    Inside {
        /// The output directory as given.
        out: PathBuf,
        /// The input directory it is in.
        input: PathBuf,
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
    /// A mount point, which cannot be renamed.
    #[error("{} is a mount point: the build writes the new site beside the output directory and renames it into place, which a mount point does not allow; give a directory inside it instead (--out {})", .out.display(), .out.join("site").display())]
    MountPoint {
        /// The output directory as given.
        out: PathBuf,
    },
    /// A directory (or something in it) that cannot be listed.
    #[error("cannot read {}: {source}", .path.display())]
    Unreadable {
        /// What could not be read.
        path: PathBuf,
        /// What the file system reported.
        #[source]
        source: io::Error,
    },
    /// A directory of other things, without Entente's manifest.
    #[error("{} is not empty and was not made by Entente (it has no {MANIFEST}): the build replaces its output directory as a whole, so it will not use this one; choose a new or empty directory with --out, or empty this one (if an older Entente built it, delete it and build again)", .out.display())]
    NotOurs {
        /// The output directory as given.
        out: PathBuf,
    },
    /// Entente's output directory, holding things it did not write.
    #[error("{} holds {}, which Entente did not write: the build replaces its output directory as a whole and would delete {}; move {} out (files to publish with the site belong in static/), or choose another --out", .out.display(), list(.found, *.more), if .found.len() + .more == 1 { "it" } else { "them" }, if .found.len() + .more == 1 { "it" } else { "them" })]
    Foreign {
        /// The output directory as given.
        out: PathBuf,
        /// The first few things found, relative to it.
        found: Vec<String>,
        /// How many more.
        more: usize,
    },
}

fn list(found: &[String], more: usize) -> String {
    let mut text = found.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

/// Makes a path absolute and resolves what exists of it, so that `public/..` or a symlink
/// cannot disguise the root.
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut existing = p.clone();
    let mut rest = Vec::new();
    while fs::symlink_metadata(&existing).is_err() {
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
}

/// Refuses output directories whose replacement would destroy sources, the system or files
/// that are not Entente's: the site root, `content/`, `static/`, `templates/`, anything
/// containing them or inside them, `/`, the home directory, a file, a symbolic link, a mount
/// point, a directory Entente did not make or that holds files it did not write.
pub(crate) fn check_output_dir(root: &Path, out: &Path) -> Result<(), Refusal> {
    check_location(root, out)?;
    check_ownership(out)
}

/// The checks of [`check_output_dir`] that do not look inside the output directory: where it
/// is, and what kind of thing it is.
pub(crate) fn check_location(root: &Path, out: &Path) -> Result<(), Refusal> {
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
        // Inside the root is where the output belongs; inside an input it feeds itself.
        if !protected.is_empty() && out_abs.starts_with(&p) {
            return Err(Refusal::Inside {
                out: given(),
                input: p,
            });
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        if out_abs == normalise(Path::new(&home)) {
            return Err(Refusal::Home { out: given() });
        }
    }
    if let Ok(meta) = fs::symlink_metadata(out) {
        if meta.file_type().is_symlink() {
            return Err(Refusal::Symlink { out: given() });
        }
        if !meta.is_dir() {
            return Err(Refusal::File { out: given() });
        }
        if is_mount_point(out) {
            return Err(Refusal::MountPoint { out: given() });
        }
    }
    Ok(())
}

/// Refuses a directory the build would replace when it holds anything Entente did not write:
/// only an empty directory (a `.gitkeep` aside) or one whose manifest lists everything in it
/// may be replaced.
pub(crate) fn check_ownership(out: &Path) -> Result<(), Refusal> {
    let unreadable = |path: &Path, source| Refusal::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let entries = match fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(unreadable(out, e)),
    };
    let mut empty = true;
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(out, e))?;
        if entry.file_name() != KEEP {
            empty = false;
            break;
        }
    }
    if empty {
        return Ok(());
    }
    let Some(files) = read_manifest(out) else {
        return Err(Refusal::NotOurs {
            out: out.to_path_buf(),
        });
    };
    let dirs: HashSet<&str> = files
        .iter()
        .flat_map(|f| f.match_indices('/').map(move |(i, _)| &f[..i]))
        .collect();
    let mut found = Vec::new();
    let mut count = 0usize;
    let mut walk = walkdir::WalkDir::new(out)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(out).to_path_buf();
            unreadable(
                &path,
                e.into_io_error()
                    .unwrap_or_else(|| io::Error::other("loop")),
            )
        })?;
        let rel = relative_key(entry.path().strip_prefix(out).unwrap_or(entry.path()));
        let is_dir = entry.file_type().is_dir();
        let ours = if is_dir {
            dirs.contains(rel.as_str())
        } else {
            rel == MANIFEST || rel == KEEP || files.contains(&rel)
        };
        if !ours {
            count += 1;
            if found.len() < 3 {
                found.push(if is_dir { format!("{rel}/") } else { rel });
            }
            if is_dir {
                walk.skip_current_dir();
            }
        }
    }
    if count > 0 {
        let more = count - found.len();
        return Err(Refusal::Foreign {
            out: out.to_path_buf(),
            found,
            more,
        });
    }
    Ok(())
}

/// A relative path as the manifest writes it: `/`-separated.
fn relative_key(rel: &Path) -> String {
    rel.to_string_lossy()
        .replace(std::path::MAIN_SEPARATOR, "/")
}

/// The manifest as written in the output directory.
#[derive(serde::Serialize, serde::Deserialize)]
struct ManifestFile {
    /// What the file is, for a person who finds it.
    #[serde(default)]
    about: String,
    /// Format version.
    entente: u32,
    /// Every file the build wrote, relative, sorted.
    files: Vec<String>,
}

const MANIFEST_ABOUT: &str = "Entente built this directory and replaces it whole on every build: \
     these are the files it wrote, and a build stops rather than delete anything else found here.";

/// The files listed in `out`'s manifest, or `None` when it has none Entente wrote.
fn read_manifest(out: &Path) -> Option<HashSet<String>> {
    let path = out.join(MANIFEST);
    let meta = fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_MANIFEST_BYTES {
        return None;
    }
    let manifest: ManifestFile = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
    (manifest.entente == 1).then(|| manifest.files.into_iter().collect())
}

fn manifest_bytes(files: &HashMap<String, u64>) -> Vec<u8> {
    let mut list: Vec<String> = files.keys().cloned().collect();
    list.sort();
    let manifest = ManifestFile {
        about: MANIFEST_ABOUT.into(),
        entente: 1,
        files: list,
    };
    let mut bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// What identifies the manifest a build wrote, so that `entente serve` can tell its own output
/// from a directory another build has replaced since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ManifestStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

/// The stamp of `out`'s manifest, if it has one.
pub(crate) fn manifest_stamp(out: &Path) -> Option<ManifestStamp> {
    let meta = fs::symlink_metadata(out.join(MANIFEST)).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(ManifestStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

/// Whether `dir` is a mount point (another file system, or a bind mount): it cannot be
/// renamed, so it cannot be swapped for a new site.
fn is_mount_point(dir: &Path) -> bool {
    let Ok(canonical) = fs::canonicalize(dir) else {
        return false;
    };
    let Some(parent) = canonical.parent() else {
        return true;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(&canonical), fs::metadata(parent)) {
            if a.dev() != b.dev() {
                return true;
            }
        }
    }
    listed_mount_point(&canonical)
}

/// Whether the kernel lists `path` as a mount point: a bind mount of the same file system has
/// the same device as its parent.
#[cfg(target_os = "linux")]
fn listed_mount_point(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(info) = fs::read("/proc/self/mountinfo") else {
        return false;
    };
    let wanted = path.as_os_str().as_bytes();
    info.split(|&b| b == b'\n')
        .filter_map(|line| line.split(|&b| b == b' ').nth(4))
        .any(|field| unescape_mount(field) == wanted)
}

#[cfg(not(target_os = "linux"))]
fn listed_mount_point(_path: &Path) -> bool {
    false
}

/// Mount points in `/proc/self/mountinfo` write space, tab, newline and backslash as `\ooo`.
#[cfg(target_os = "linux")]
fn unescape_mount(field: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(field.len());
    let mut i = 0;
    while i < field.len() {
        if field[i] == b'\\'
            && i + 3 < field.len()
            && field[i + 1..i + 4]
                .iter()
                .all(|b| (b'0'..=b'7').contains(b))
        {
            out.push(
                (field[i + 1] - b'0') * 64 + (field[i + 2] - b'0') * 8 + (field[i + 3] - b'0'),
            );
            i += 4;
        } else {
            out.push(field[i]);
            i += 1;
        }
    }
    out
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

/// The lock on an output directory: a file beside it (`.public.entente-lock`) holding the pid
/// of the build that writes it, locked for as long as this value lives and removed with it.
pub(crate) struct OutputLock {
    path: PathBuf,
    _file: fs::File,
}

impl OutputLock {
    /// Takes the lock of `out`, waiting at most `wait` for another build to release it.
    /// `out`'s parent directory is created if need be.
    pub(crate) fn acquire(out: &Path, wait: Duration) -> Result<OutputLock, WriteError> {
        let path = beside(out, "entente-lock");
        let parent_error = |source| WriteError::Parent {
            out: out.to_path_buf(),
            parent: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            source,
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(parent_error)?;
        }
        let deadline = Instant::now() + wait;
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(parent_error)?;
            match file.try_lock() {
                // The build that held it may have removed the file meanwhile: then this lock is
                // on a file nobody else will find, and the one at the path must be taken.
                Ok(()) if !same_file(&file, &path) => continue,
                Ok(()) => {
                    let mut writer = &file;
                    let _ = file.set_len(0);
                    let _ = writeln!(writer, "{}", std::process::id());
                    return Ok(OutputLock { path, _file: file });
                }
                Err(fs::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    let pid = fs::read_to_string(&path)
                        .ok()
                        .and_then(|t| t.trim().parse().ok());
                    return Err(WriteError::Locked {
                        out: out.to_path_buf(),
                        pid,
                    });
                }
                Err(fs::TryLockError::Error(source)) => {
                    return Err(WriteError::Io { path, source });
                }
            }
        }
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked; the file is unlocked when it closes, right after.
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether the open `file` is still the one at `path`.
fn same_file(file: &fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
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
    /// holds `out`'s [`OutputLock`].
    pub(crate) fn staged(out: &Path, record: bool) -> Result<SiteWriter, WriteError> {
        let staging = beside(out, "entente-staging");
        prepare_beside(out, &staging)?;
        Ok(SiteWriter::new(out, staging, Mode::Staged, record))
    }

    /// A writer that updates `out` in place, given the manifest of what is there. The caller
    /// holds `out`'s [`OutputLock`].
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

/// Clears what a killed build may have left at `dir` beside `out` and creates it afresh, with
/// an error that names the parent directory when that is what cannot be written.
fn prepare_beside(out: &Path, dir: &Path) -> Result<(), WriteError> {
    let parent = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    let parent_error = |source| WriteError::Parent {
        out: out.to_path_buf(),
        parent: parent.clone(),
        source,
    };
    fs::create_dir_all(&parent).map_err(parent_error)?;
    recover_interrupted_swap(out).map_err(|source| WriteError::Restore {
        path: out.to_path_buf(),
        source,
    })?;
    for leftover in ["entente-staging", "entente-old", "entente-next"] {
        let path = beside(out, leftover);
        if fs::symlink_metadata(&path).is_ok() {
            fs::remove_dir_all(&path).map_err(parent_error)?;
        }
    }
    fs::create_dir(dir).map_err(parent_error)
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
/// the next build would delete the only copy of the last good site. Returns whether it did.
pub(crate) fn recover_interrupted_swap(out: &Path) -> io::Result<bool> {
    let old = beside(out, "entente-old");
    if old.is_dir() && fs::symlink_metadata(out).is_err() {
        fs::rename(&old, out)?;
        return Ok(true);
    }
    Ok(false)
}

/// Replaces `out` with `staging` by two renames; the previous site comes back if the second
/// fails.
fn swap_in(staging: &Path, out: &Path) -> Result<(), WriteError> {
    let old = beside(out, "entente-old");
    let fail = |source: io::Error| {
        // A mount point (or a bind mount) cannot be renamed: say so rather than "busy".
        if matches!(
            source.kind(),
            io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices
        ) {
            WriteError::Refused(Refusal::MountPoint {
                out: out.to_path_buf(),
            })
        } else {
            WriteError::Io {
                path: out.to_path_buf(),
                source,
            }
        }
    };
    if fs::symlink_metadata(out).is_ok() {
        fs::rename(out, &old).map_err(fail)?;
        if let Err(e) = fs::rename(staging, out) {
            let _ = fs::rename(&old, out);
            return Err(fail(e));
        }
        // The new site is in place; a leftover old one is removed by the next build.
        let _ = fs::remove_dir_all(&old);
    } else {
        fs::rename(staging, out).map_err(fail)?;
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

    fn f(p: &str, b: &str) -> OutputFile {
        OutputFile {
            path: p.into(),
            bytes: b.as_bytes().to_vec(),
        }
    }

    /// Writes `files` as the new contents of `out`.
    fn write_site(out: &Path, files: &[OutputFile]) -> Result<WriteOutcome, WriteError> {
        let writer = SiteWriter::staged(out, false)?;
        files.par_iter().for_each(|f| writer.file(f.clone()));
        writer.finish(None)
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
        // Inside an input directory, existing or not.
        for inside in [
            "static/site",
            "content/articles/out",
            "templates/x",
            ".git/x",
        ] {
            let refusal = check_output_dir(r, &r.join(inside)).unwrap_err();
            assert!(
                matches!(refusal, Refusal::Inside { .. }),
                "{inside}: {refusal}"
            );
        }
    }

    #[test]
    fn only_directories_entente_made_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("www");
        fs::create_dir_all(out.join("p")).unwrap();
        fs::write(out.join("index.html"), "<h1>hi</h1>").unwrap();
        fs::write(out.join("p/1.jpg"), "x").unwrap();
        let refusal = check_output_dir(dir.path(), &out).unwrap_err();
        assert!(matches!(refusal, Refusal::NotOurs { .. }), "{refusal}");
        // Emptied, it is fine, and once built it carries the manifest.
        fs::remove_dir_all(&out).unwrap();
        fs::create_dir(&out).unwrap();
        fs::write(out.join(KEEP), "").unwrap();
        check_output_dir(dir.path(), &out).unwrap();
        write_site(&out, &[f("index.html", "a"), f("d/b.html", "b")]).unwrap();
        assert!(out.join(MANIFEST).is_file());
        assert!(out.join(KEEP).is_file(), "the placeholder stays");
        check_output_dir(dir.path(), &out).unwrap();
        // Anything added afterwards stops the next build, and is named.
        fs::write(out.join("d/mine.txt"), "keep me").unwrap();
        fs::create_dir_all(out.join(".git/objects")).unwrap();
        let message = check_output_dir(dir.path(), &out).unwrap_err().to_string();
        assert!(
            message.contains(".git/") && message.contains("d/mine.txt"),
            "{message}"
        );
        assert!(message.contains("static/"), "{message}");
    }

    #[test]
    fn a_swap_killed_between_its_renames_gets_the_old_site_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[f("index.html", "first")]).unwrap();
        // As if killed right after `rename(out, old)`.
        fs::rename(&out, dir.path().join(".public.entente-old")).unwrap();
        assert!(recover_interrupted_swap(&out).unwrap());
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
        write_site(&out, &[f("a.html", "x"), f("d/b.html", "x")]).unwrap();
        write_site(&out, &[f("c.html", "x")]).unwrap();
        assert!(out.join("c.html").exists());
        assert!(!out.join("a.html").exists());
        assert!(!dir.path().join(".public.entente-staging").exists());
    }

    #[test]
    fn two_files_on_one_path_fail_the_build_and_leave_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[f("index.html", "home")]).unwrap();
        let e = write_site(&out, &[f("index.html", "home"), f("index.html", "page")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("index.html") && e.contains("two files"), "{e}");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "home");
        assert!(!dir.path().join(".public.entente-staging").exists());
        // The manifest's own name is taken too.
        assert!(write_site(&out, &[f(MANIFEST, "x")]).is_err());
    }

    #[test]
    fn in_place_writes_only_changes_and_removes_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
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
        assert!(!dir.path().join(".public.entente-next").exists());
        // The manifest on disk lists the new site only.
        assert_eq!(
            read_manifest(&out).unwrap(),
            ["a.html", "c.html"].map(String::from).into_iter().collect()
        );
    }

    /// Issue 13, case 12: a rebuild that failed midway (a full disk) served a mix of old and
    /// new pages and left temporary files in the site.
    #[test]
    fn a_failed_in_place_update_leaves_the_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = SiteWriter::staged(&out, true).unwrap();
        for file in [f("a.html", "a"), f("b.html", "b"), f("c.html", "c")] {
            first.file(file);
        }
        let manifest = first.finish(None).unwrap().manifest.unwrap();
        let before: Vec<PathBuf> = walkdir::WalkDir::new(&out)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .collect();

        // Two pages change, then the write fails (an unsafe path stands in for a full disk).
        let second = SiteWriter::in_place(&out, manifest.clone()).unwrap();
        second.file(f("a.html", "new a"));
        second.file(f("b.html", "new b"));
        second.file(f("../escape.html", "x"));
        second.file(f("c.html", "new c"));
        assert!(second.finish(None).is_err());
        for (name, text) in [("a.html", "a"), ("b.html", "b"), ("c.html", "c")] {
            assert_eq!(fs::read_to_string(out.join(name)).unwrap(), text);
        }
        let after: Vec<PathBuf> = walkdir::WalkDir::new(&out)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .collect();
        assert_eq!(before, after, "nothing added or left behind");
        assert!(!dir.path().join(".public.entente-next").exists());
        assert!(!dir.path().join("escape.html").exists());

        // The next update, with the same manifest, goes through.
        let third = SiteWriter::in_place(&out, manifest).unwrap();
        third.file(f("a.html", "new a"));
        third.file(f("b.html", "b"));
        third.file(f("c.html", "c"));
        third.finish(None).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "new a");
    }

    #[test]
    fn one_writer_at_a_time_and_the_other_is_told_who() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let lock = OutputLock::acquire(&out, Duration::ZERO).unwrap();
        let lock_file = dir.path().join(".public.entente-lock");
        assert!(lock_file.is_file());
        let e = OutputLock::acquire(&out, Duration::from_millis(120))
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains(&format!("another build is writing {}", out.display()))
                && e.contains(&format!("pid {}", std::process::id())),
            "{e}"
        );
        drop(lock);
        assert!(!lock_file.exists(), "released and removed");
        let again = OutputLock::acquire(&out, Duration::ZERO).unwrap();
        drop(again);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn mount_table_escapes_are_read() {
        assert_eq!(unescape_mount(br"/a\040b\134c"), b"/a b\\c");
        assert_eq!(unescape_mount(br"/x\04"), br"/x\04");
        assert!(listed_mount_point(Path::new("/proc")));
        assert!(!is_mount_point(
            &std::env::temp_dir().join("surely-not-a-mount")
        ));
    }
}
