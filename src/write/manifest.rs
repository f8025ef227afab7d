//! The manifest an output directory carries (`.entente-manifest`): the proof Entente made it,
//! the list of files a later build may replace, and the hashes an in-place update compares.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The file in the output directory that says Entente made it and lists the files it wrote.
pub(super) const MANIFEST: &str = ".entente-manifest";
/// A placeholder a repository may keep in an empty output directory; kept across builds.
pub(super) const KEEP: &str = ".gitkeep";
/// Largest manifest read: a site of a million files lists about 60 MB.
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// A relative path as the manifest writes it: `/`-separated.
pub(super) fn relative_key(rel: &Path) -> String {
    rel.to_string_lossy()
        .replace(std::path::MAIN_SEPARATOR, "/")
}

/// The manifest as written in the output directory.
///
/// Format 2 (written since 2026-12-05) groups the files by directory, one directory a line:
/// `{"about":"...","entente":2,"files":{\n"":["404.html",...],\n"events":["a.html",...]\n}}`.
/// Format 1 (still read: output directories built before carry it) was pretty-printed with
/// every path in full under `files`; at 10,000 events it took 0.76 MB, format 2 0.62 MB.
#[derive(serde::Deserialize)]
struct ManifestFile {
    /// Format version: 1 or 2.
    entente: u32,
    /// Every file the build wrote.
    files: Listed,
}

/// The files of a manifest, as either format lists them.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Listed {
    /// Format 1: relative paths.
    Paths(Vec<String>),
    /// Format 2: each directory (relative, `""` for the top) with the names of its files.
    Dirs(BTreeMap<String, Vec<String>>),
}

/// The format [`manifest_bytes`] writes.
const FORMAT: u32 = 2;

const MANIFEST_ABOUT: &str = "Entente built this directory and replaces it whole on every build: \
     these are the files it wrote, by directory, and a build stops rather than delete anything \
     else found here.";

/// The files listed in `out`'s manifest, or `None` when it has none Entente wrote.
pub(super) fn read_manifest(out: &Path) -> Option<HashSet<String>> {
    let path = out.join(MANIFEST);
    let meta = fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_MANIFEST_BYTES {
        return None;
    }
    let manifest: ManifestFile = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
    match (manifest.entente, manifest.files) {
        (1, Listed::Paths(paths)) => Some(paths.into_iter().collect()),
        (2, Listed::Dirs(dirs)) => Some(
            dirs.into_iter()
                .flat_map(|(dir, names)| {
                    names.into_iter().map(move |name| {
                        if dir.is_empty() {
                            name
                        } else {
                            format!("{dir}/{name}")
                        }
                    })
                })
                .collect(),
        ),
        _ => None,
    }
}

/// The manifest of `files` (relative paths), in format 2.
pub(super) fn manifest_bytes(files: &HashMap<String, u64>) -> Vec<u8> {
    let mut dirs: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for path in files.keys() {
        let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
        dirs.entry(dir).or_default().push(name);
    }
    let mut out = String::with_capacity(files.keys().map(|k| k.len() + 3).sum::<usize>() + 512);
    let _ = write!(
        out,
        "{{\"about\":{},\"entente\":{FORMAT},\"files\":{{",
        json(MANIFEST_ABOUT)
    );
    for (k, (dir, names)) in dirs.iter_mut().enumerate() {
        names.sort_unstable();
        out.push_str(if k == 0 { "\n" } else { ",\n" });
        let _ = write!(out, "{}:{}", json(dir), json(names));
    }
    out.push_str("\n}}\n");
    out.into_bytes()
}

/// `value` as compact JSON.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
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
/// Hashes of the files an in-place build left in the output directory, by relative path, so
/// the next one rewrites only what changed and deletes what is gone.
#[derive(Debug, Default, Clone)]
pub(crate) struct Manifest(pub(super) HashMap<String, u64>);

#[cfg(test)]
impl Manifest {
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }
}
