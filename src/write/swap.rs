//! Moving a finished site into place: the directories beside the output that hold a build
//! until it is whole, and the two renames that swap it in.

use super::{Refusal, WriteError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Clears what a killed build may have left at `dir` beside `out` and creates it afresh, with
/// an error that names the parent directory when that is what cannot be written.
pub(super) fn prepare_beside(out: &Path, dir: &Path) -> Result<(), WriteError> {
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
pub(super) fn beside(out: &Path, suffix: &str) -> PathBuf {
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
pub(super) fn swap_in(staging: &Path, out: &Path) -> Result<(), WriteError> {
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
