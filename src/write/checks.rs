//! The refusals made before anything is written: an output directory whose replacement would
//! destroy sources, the system, or files Entente did not write.

use super::manifest::{read_manifest, relative_key, KEEP, MANIFEST};
use super::Refusal;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

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
fn check_ownership(out: &Path) -> Result<(), Refusal> {
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
/// Whether `dir` is a mount point (another file system, or a bind mount): it cannot be
/// renamed, so it cannot be swapped for a new site.
pub(super) fn is_mount_point(dir: &Path) -> bool {
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
pub(super) fn listed_mount_point(path: &Path) -> bool {
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
pub(super) fn listed_mount_point(_path: &Path) -> bool {
    false
}

/// Mount points in `/proc/self/mountinfo` write space, tab, newline and backslash as `\ooo`.
#[cfg(target_os = "linux")]
pub(super) fn unescape_mount(field: &[u8]) -> Vec<u8> {
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
