//! The whole build, top to bottom: load -> extract -> merge -> render -> write.

use crate::diagnostics::Diagnostics;
use crate::{extract, load, merge, render, write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a build did, for the summary line.
#[derive(Debug)]
pub struct BuildReport {
    pub events: usize,
    pub extracted: usize,
    pub pages: usize,
    pub out: PathBuf,
    pub elapsed: Duration,
}

/// Why a build stopped; the previous output is untouched in every case.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content, each with file, line and column.
    Content(Diagnostics),
    /// The output directory was refused or could not be written.
    Output(String),
}

/// Loads, extracts and merges: everything but rendering. Used by `check` and `build`.
pub fn prepare(root: &Path) -> Result<(merge::Site, usize), Diagnostics> {
    let content = load::load(root)?;
    let extracted = extract::extract_articles(&content.articles);
    let count = extracted.len();
    Ok((merge::merge(content, extracted), count))
}

/// Builds the site at `root` into `out` (default `root/public`).
pub fn build(root: &Path, out: Option<&Path>) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"));
    write::check_output_dir(root, &out).map_err(BuildError::Output)?;
    let (site, extracted) = prepare(root).map_err(BuildError::Content)?;
    let files = render::render_site(&site);
    let static_dir = root.join("static");
    write::write_site(&out, &files, Some(&static_dir))
        .map_err(|e| BuildError::Output(format!("cannot write {}: {e}", out.display())))?;
    Ok(BuildReport {
        events: site.events.len(),
        extracted,
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        out,
        elapsed: started.elapsed(),
    })
}
