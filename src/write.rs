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
//!
//! The work is split by phase: [`checks`] refuses output directories the build must not
//! replace, [`lock`] keeps two builds from writing one directory, [`manifest`] records what a
//! build wrote, [`writer`] writes the files, and [`swap`] moves them into place.

mod checks;
mod lock;
mod manifest;
mod swap;
#[cfg(test)]
mod tests;
mod writer;

pub(crate) use checks::{check_location, check_output_dir};
pub(crate) use lock::OutputLock;
use manifest::MANIFEST;
pub(crate) use manifest::{manifest_stamp, Manifest, ManifestStamp};
pub(crate) use swap::recover_interrupted_swap;
pub(crate) use writer::SiteWriter;

use std::io;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

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
