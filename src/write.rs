//! Stage 5: write rendered files to the output directory, all or nothing.
//!
//! The site is written into a hidden staging directory beside the output directory
//! (`.public.entente-staging`), then swapped in with two renames. A build that fails or is
//! killed midway leaves the previous site in place; a stale staging directory from a killed
//! run is removed by the next build. Symlinks in `static/` are never followed.

use crate::render::OutputFile;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Refuses output directories whose replacement would destroy sources or the system: the
/// site root, `content/`, `static/`, `templates/`, anything containing them, or `/`.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), String> {
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
    let out_abs = absolute(out);
    let root_abs = absolute(root);
    if out_abs.parent().is_none() {
        return Err(format!(
            "refusing to write the site to {}: choose a dedicated directory such as public/",
            out.display()
        ));
    }
    for protected in ["", "content", "static", "templates", "src", ".git"] {
        let p = if protected.is_empty() {
            root_abs.clone()
        } else {
            root_abs.join(protected)
        };
        if out_abs == p || p.starts_with(&out_abs) {
            return Err(format!(
                "refusing to use {} as the output directory: it is or contains {}, which the build would replace; choose a dedicated directory such as public/",
                out.display(),
                p.display()
            ));
        }
    }
    if let Some(home) = std::env::var_os("HOME") {
        if out_abs == normalise(Path::new(&home)) {
            return Err(format!(
                "refusing to use your home directory {} as the output directory",
                out.display()
            ));
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
pub fn static_files(static_dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !static_dir.is_dir() {
        return Vec::new();
    }
    let mut files: Vec<(PathBuf, PathBuf)> = walkdir::WalkDir::new(static_dir)
        .follow_links(false)
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

/// Writes `files` and the contents of `static_dir` as the new contents of `out`.
pub fn write_site(out: &Path, files: &[OutputFile], static_dir: Option<&Path>) -> io::Result<()> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent)?;
    let staging = parent.join(format!(".{name}.entente-staging"));
    let old = parent.join(format!(".{name}.entente-old"));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    fs::create_dir_all(&staging)?;

    let mut dirs = BTreeSet::new();
    let mut planned: Vec<(PathBuf, &[u8])> = Vec::with_capacity(files.len());
    for f in files {
        let rel = safe_relative(&f.path)
            .ok_or_else(|| io::Error::other(format!("unsafe output path {:?}", f.path)))?;
        if let Some(d) = rel.parent() {
            dirs.insert(d.to_path_buf());
        }
        planned.push((rel, &f.bytes));
    }
    let statics = static_dir.map(static_files).unwrap_or_default();
    for (rel, _) in &statics {
        if let Some(d) = rel.parent() {
            dirs.insert(d.to_path_buf());
        }
    }
    for d in &dirs {
        fs::create_dir_all(staging.join(d))?;
    }
    planned
        .par_iter()
        .try_for_each(|(rel, bytes)| fs::write(staging.join(rel), bytes))?;
    statics
        .par_iter()
        .try_for_each(|(rel, src)| fs::copy(src, staging.join(rel)).map(|_| ()))?;
    // Keep a tracked placeholder such as public/.gitkeep across rebuilds.
    let keep = out.join(".gitkeep");
    if keep.is_file() {
        fs::write(staging.join(".gitkeep"), fs::read(&keep)?)?;
    }

    if out.exists() {
        fs::rename(out, &old)?;
        if let Err(e) = fs::rename(&staging, out) {
            // Put the previous site back before reporting.
            let _ = fs::rename(&old, out);
            return Err(e);
        }
        fs::remove_dir_all(&old)?;
    } else {
        fs::rename(&staging, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
