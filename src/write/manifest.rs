//! The manifest an output directory carries (`.entente-manifest`): the proof Entente made it,
//! the list of files a later build may replace, and the hashes an in-place update compares.

use std::collections::{HashMap, HashSet};
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
pub(super) fn read_manifest(out: &Path) -> Option<HashSet<String>> {
    let path = out.join(MANIFEST);
    let meta = fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_MANIFEST_BYTES {
        return None;
    }
    let manifest: ManifestFile = serde_json::from_slice(&fs::read(&path).ok()?).ok()?;
    (manifest.entente == 1).then(|| manifest.files.into_iter().collect())
}

pub(super) fn manifest_bytes(files: &HashMap<String, u64>) -> Vec<u8> {
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
