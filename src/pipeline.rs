//! The whole build, top to bottom: load -> extract -> merge -> render -> write.
//!
//! [`build`] is the one-shot build behind `entente build`: every file rendered, written to a
//! staging directory, swapped in whole. A [`Session`] is the state `entente serve` keeps
//! between rebuilds: the parsed event files, the rendered views and page keys, and a
//! manifest of the output, so that after one edit only what changed is parsed, rendered and
//! written.

use crate::diagnostics::Diagnostics;
use crate::{extract, load, merge, render, write};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
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
    /// Files rendered, and files skipped because their inputs had not changed.
    pub rendered: usize,
    pub reused: usize,
    /// Files written to disk, and files deleted because the site no longer has them.
    pub written: usize,
    pub removed: usize,
    /// Wall time of each stage, in pipeline order (`build --timings`).
    pub stages: Vec<(&'static str, Duration)>,
    /// Content worth a look that did not stop the build.
    pub warnings: Vec<crate::diagnostics::Diagnostic>,
}

/// Why a build stopped; the previous output is untouched in every case.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content, each with file, line and column.
    Content(Diagnostics),
    /// The output directory was refused or could not be written.
    Output(String),
}

/// State kept between builds of the same site (by `entente serve`).
#[derive(Default)]
pub struct Session {
    load: load::LoadCache,
    render: render::RenderCache,
    /// What is in the output directory, once a first build has put the site there.
    manifest: Option<write::Manifest>,
}

/// Loads, extracts and merges: everything but rendering. Used by `check` and `build`.
pub fn prepare(root: &Path) -> Result<(merge::Site, usize), Diagnostics> {
    prepare_with(root, None, &mut Stages::default())
}

fn prepare_with(
    root: &Path,
    cache: Option<&mut load::LoadCache>,
    stages: &mut Stages,
) -> Result<(merge::Site, usize), Diagnostics> {
    let content = load::load_with(root, cache)?;
    stages.end("load");
    let extracted = extract::extract_articles(&content.articles);
    let count = extracted.len();
    stages.end("extract");
    let site = merge::merge(content, extracted);
    stages.end("merge");
    Ok((site, count))
}

/// Stage timings: each [`end`](Stages::end) closes the stage that began where the last one
/// ended.
struct Stages {
    last: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            last: Instant::now(),
            done: Vec::new(),
        }
    }
}

impl Stages {
    fn end(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, now - self.last));
        self.last = now;
    }
}

/// Builds the site at `root` into `out` (default `root/public`).
pub fn build(root: &Path, out: Option<&Path>) -> Result<BuildReport, BuildError> {
    run(root, out, None, &Progress::hidden())
}

/// [`build`] with a progress bar on stderr when it is a terminal and `show` is set.
pub fn build_with_progress(
    root: &Path,
    out: Option<&Path>,
    show: bool,
) -> Result<BuildReport, BuildError> {
    let progress = if show {
        Progress::on_terminal()
    } else {
        Progress::hidden()
    };
    run(root, out, None, &progress)
}

/// Builds into `out` reusing `session`: the first build is a normal staged build, later ones
/// render only pages whose inputs changed and update `out` in place. A failed build leaves
/// the output and the session as they were, so the last good site keeps being served.
pub fn rebuild(
    root: &Path,
    out: Option<&Path>,
    session: &mut Session,
) -> Result<BuildReport, BuildError> {
    run(root, out, Some(session), &Progress::hidden())
}

fn run(
    root: &Path,
    out: Option<&Path>,
    session: Option<&mut Session>,
    progress: &Progress,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"));
    write::check_output_dir(root, &out).map_err(BuildError::Output)?;
    // A build killed mid-swap left the last good site aside: put it back before anything else.
    write::recover_interrupted_swap(&out)
        .map_err(|e| BuildError::Output(format!("cannot restore {}: {e}", out.display())))?;
    progress.stage("loading content");
    let mut stages = Stages::default();
    let output_error =
        |e: std::io::Error| BuildError::Output(format!("cannot write {}: {e}", out.display()));
    let (site, extracted, stats, outcome) = match session {
        None => {
            let (site, extracted) =
                prepare_with(root, None, &mut stages).map_err(BuildError::Content)?;
            progress.stage("rendering and writing");
            let writer = write::SiteWriter::staged(&out, false)
                .map_err(output_error)?
                .with_progress(progress.bar.clone());
            let stats = render::render_into(&site, None, &writer);
            stages.end("render and write");
            progress.stage("copying static files");
            let outcome = writer
                .finish(Some(&root.join("static")))
                .map_err(output_error)?;
            stages.end("static files and swap");
            (site, extracted, stats, outcome)
        }
        Some(session) => {
            // Work on copies of the caches so a failed build cannot leave them describing
            // output that was never written.
            let (site, extracted) = prepare_with(root, Some(&mut session.load), &mut stages)
                .map_err(BuildError::Content)?;
            let in_place = session.manifest.clone().filter(|_| out.is_dir());
            let mut render_cache = std::mem::take(&mut session.render);
            let writer = match in_place {
                Some(manifest) => write::SiteWriter::in_place(&out, manifest),
                None => {
                    // Nothing on disk to compare with: render everything.
                    render_cache = render::RenderCache::default();
                    write::SiteWriter::staged(&out, true)
                }
            }
            .map_err(output_error)?;
            let stats = render::render_into(&site, Some(&mut render_cache), &writer);
            stages.end("render and write");
            match writer.finish(Some(&root.join("static"))) {
                Ok(outcome) => {
                    stages.end("static files and swap");
                    session.render = render_cache;
                    session.manifest = outcome.manifest.clone();
                    (site, extracted, stats, outcome)
                }
                Err(e) => {
                    // What is on disk is now uncertain: start over with a full build.
                    session.manifest = None;
                    return Err(output_error(e));
                }
            }
        }
    };
    progress.finish();
    let pages = stats.html_pages;
    Ok(BuildReport {
        events: site.events.len(),
        extracted,
        pages,
        out,
        elapsed: started.elapsed(),
        rendered: stats.rendered,
        reused: stats.reused,
        written: outcome.written,
        removed: outcome.removed,
        stages: stages.done,
        warnings: site.warnings,
    })
}

/// A progress bar on stderr, drawn only on a terminal: long builds show they are alive,
/// logs and pipes stay clean.
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
        }
    }

    fn on_terminal() -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}: {pos} files written ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    fn stage(&self, message: &'static str) {
        self.bar.set_message(message);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
