//! The driver: the only module that calls the stages, in order: load -> extract -> merge ->
//! render -> write. The commands (`cmd/`) and the development server come through here.
//!
//! [`build`] is the one-shot build behind `entente build`: every file rendered, written to a
//! staging directory, swapped in whole. A [`Session`] is the state `entente serve` keeps
//! between rebuilds: the parsed event files, the rendered views and page keys, and a
//! manifest of the output, so that after one edit only what changed is parsed, rendered and
//! written.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Article, Event, Site};
use crate::render::RenderError;
use crate::write::WriteError;
#[cfg(feature = "serve")]
pub(crate) use crate::write::{PublishLock, Refusal};
use crate::{extract, load, merge, render, timex, write};
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub(crate) use crate::load::yaml::YamlWriteError;
pub(crate) use crate::load::ReadError;
/// What `fetch` needs of the load stage to name and file what it downloads: the same
/// readers a build uses, so a fetched page is judged as the build will read it.
#[cfg(feature = "fetch")]
pub(crate) use crate::load::{
    feeds::parse_feed_at,
    html::{decode as decode_page, read_page},
};
pub(crate) use crate::timex::Timex;

/// What a build did, for the summary line.
#[derive(Debug)]
// The development server reports what was rendered and written; `build` does not.
#[cfg_attr(not(feature = "serve"), allow(dead_code))]
pub(crate) struct BuildReport {
    /// Events in the timeline.
    pub(crate) events: usize,
    /// Events extraction found (before merging).
    pub(crate) extracted: usize,
    /// HTML pages in the site.
    pub(crate) pages: usize,
    /// The output directory.
    pub(crate) out: PathBuf,
    /// Wall time of the whole build.
    pub(crate) elapsed: Duration,
    /// Files rendered, and files skipped because their inputs had not changed.
    pub(crate) rendered: usize,
    pub(crate) reused: usize,
    /// Files written to disk, and files deleted because the site no longer has them.
    pub(crate) written: usize,
    pub(crate) removed: usize,
    /// Wall time of each stage, in pipeline order (`build --timings`).
    pub(crate) stages: Vec<(&'static str, Duration)>,
    /// Content worth a look that did not stop the build.
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Why a build stopped; the previous output is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BuildError {
    /// Problems in the content, each with file, line and column.
    #[error(transparent)]
    Content(Diagnostics),
    /// A page could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The output directory was refused or could not be written.
    #[error(transparent)]
    Output(#[from] WriteError),
}

/// State kept between builds of the same site (by `entente serve`).
#[derive(Default)]
pub(crate) struct Session {
    load: load::LoadCache,
    render: render::RenderCache,
    /// What is in the output directory, once a first build has put the site there.
    manifest: Option<write::Manifest>,
    /// The manifest file that build wrote: another build that replaced the directory since
    /// leaves another one, and the next rebuild is then a full one.
    stamp: Option<write::ManifestStamp>,
    /// Held for writing while a rebuild moves files into the output directory; the server holds
    /// it for reading while it reads a file.
    publish: write::PublishLock,
}

#[cfg(feature = "serve")]
impl Session {
    /// The lock the server takes (for reading) around every file it serves, so that it never
    /// reads the output directory halfway through an update.
    pub(crate) fn publish_lock(&self) -> write::PublishLock {
        std::sync::Arc::clone(&self.publish)
    }
}

/// Loads, extracts and merges: everything but rendering (`entente check`).
pub(crate) fn check(root: &Path) -> Result<Site, Diagnostics> {
    prepare(root, None, &mut Stages::default()).map(|(site, _, _)| site)
}

/// The merged site, how many events extraction found, and the static files to copy.
type Prepared = (Site, usize, Vec<(PathBuf, PathBuf)>);

fn prepare(
    root: &Path,
    cache: Option<&mut load::LoadCache>,
    stages: &mut Stages,
) -> Result<Prepared, Diagnostics> {
    // Static files are listed (and found readable) with the content, so that `check` reports
    // an unreadable one too, at its path.
    let content = load::load_with(root, cache);
    let statics = load::static_files(&root.join("static"));
    let (content, statics) = match (content, statics) {
        (Ok(content), Ok(statics)) => (content, statics),
        (content, statics) => {
            let mut problems = content.err().unwrap_or_default();
            problems.extend(statics.err().unwrap_or_default().0);
            return Err(problems);
        }
    };
    stages.end("load");
    let extracted = extract::extract_articles(&content.articles);
    let count = extracted.len();
    stages.end("extract");
    let site = merge::merge(content, extracted);
    stages.end("merge");
    Ok((site, count, statics))
}

/// The output directory: `out`, else `root/public`.
pub(crate) fn output_dir(root: &Path, out: Option<&Path>) -> PathBuf {
    out.map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"))
}

/// Refuses an output directory whose replacement would destroy something (see `write`).
#[cfg(feature = "serve")]
pub(crate) fn check_output_dir(root: &Path, out: &Path) -> Result<(), Refusal> {
    write::check_output_dir(root, out)
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

/// Builds the site at `root` into `out` (default `root/public`), with a progress bar on
/// stderr when it is a terminal and `show_progress` is set.
pub(crate) fn build(
    root: &Path,
    out: Option<&Path>,
    show_progress: bool,
) -> Result<BuildReport, BuildError> {
    let progress = if show_progress {
        Progress::on_terminal()
    } else {
        Progress::hidden()
    };
    run(root, out, None, &progress)
}

/// Builds into `out` reusing `session`: the first build is a normal staged build, later ones
/// render only pages whose inputs changed and update `out` in place. A failed build leaves
/// the output and the session as they were, so the last good site keeps being served.
#[cfg(feature = "serve")]
pub(crate) fn rebuild(
    root: &Path,
    out: Option<&Path>,
    session: &mut Session,
) -> Result<BuildReport, BuildError> {
    run(root, out, Some(session), &Progress::hidden())
}

/// How long a rebuild of `entente serve` waits for another build of the same output to end;
/// `entente build` does not wait: it says who holds the output and stops.
const REBUILD_WAIT: Duration = Duration::from_secs(60);

/// Takes `out`'s lock, and under it puts back a site a killed build left aside; a site put
/// back is checked again, as any directory the build will replace.
fn lock_output(
    root: &Path,
    out: &Path,
    wait: Duration,
    replacing: bool,
) -> Result<write::OutputLock, WriteError> {
    let lock = write::OutputLock::acquire(out, wait)?;
    let restored = write::recover_interrupted_swap(out).map_err(|source| WriteError::Restore {
        path: out.to_path_buf(),
        source,
    })?;
    if restored && replacing {
        write::check_output_dir(root, out)?;
    }
    Ok(lock)
}

fn run(
    root: &Path,
    out: Option<&Path>,
    mut session: Option<&mut Session>,
    progress: &Progress,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let out = output_dir(root, out);
    let wait = if session.is_some() {
        REBUILD_WAIT
    } else {
        Duration::ZERO
    };
    // An update in place replaces nothing it did not write, so only a build that replaces the
    // directory needs it to be Entente's whole; in place is only for the directory this
    // session wrote last, untouched since.
    let in_place = session.as_deref().and_then(|s| {
        let manifest = s.manifest.clone()?;
        (s.stamp.is_some() && s.stamp == write::manifest_stamp(&out)).then_some(manifest)
    });
    let check = || {
        if in_place.is_some() {
            write::check_location(root, &out)
        } else {
            write::check_output_dir(root, &out)
        }
    };
    // A build killed mid-swap left the last good site aside: put it back before anything else,
    // under the lock, so that another build's swap is never mistaken for a killed one. Without
    // a parent directory there is nothing to put back, and nothing is created until the
    // content is known to be good.
    let parent_exists = out
        .parent()
        .is_none_or(|p| p.as_os_str().is_empty() || p.is_dir());
    let mut lock = match check() {
        Ok(()) if parent_exists => Some(lock_output(root, &out, wait, in_place.is_none())?),
        Ok(()) => None,
        Err(refusal) if !parent_exists => return Err(WriteError::from(refusal).into()),
        // Looked at while another build was swapping its site in, the directory may have
        // seemed to hold both sites' files: ask again once no build is writing it (or say
        // which build is).
        Err(_) => {
            let lock = lock_output(root, &out, wait, in_place.is_none())?;
            check().map_err(WriteError::from)?;
            Some(lock)
        }
    };
    progress.stage("loading content");
    let mut stages = Stages::default();
    let load_cache = session.as_deref_mut().map(|s| &mut s.load);
    let (site, extracted, statics) =
        prepare(root, load_cache, &mut stages).map_err(BuildError::Content)?;
    if lock.is_none() {
        lock = Some(lock_output(root, &out, wait, in_place.is_none())?);
    }
    let (stats, outcome) = match session {
        None => {
            progress.stage("rendering and writing");
            let writer =
                write::SiteWriter::staged(&out, false)?.with_progress(progress.bar.clone());
            let stats = render::render(&site, None, &writer)?;
            stages.end("render and write");
            progress.stage("copying static files");
            let outcome = writer.finish(Some(&statics))?;
            stages.end("static files and swap");
            (stats, outcome)
        }
        Some(session) => {
            // Work on a copy of the render cache so a failed build cannot leave it describing
            // output that was never written.
            let mut render_cache = std::mem::take(&mut session.render);
            let writer = match in_place {
                Some(manifest) => write::SiteWriter::in_place(&out, manifest),
                None => {
                    // Nothing on disk to compare with: render everything.
                    render_cache = render::RenderCache::default();
                    write::SiteWriter::staged(&out, true)
                }
            }?
            .with_publish_lock(std::sync::Arc::clone(&session.publish));
            let stats = render::render(&site, Some(&mut render_cache), &writer)?;
            stages.end("render and write");
            match writer.finish(Some(&statics)) {
                Ok(outcome) => {
                    stages.end("static files and swap");
                    session.render = render_cache;
                    session.manifest = outcome.manifest.clone();
                    session.stamp = outcome.stamp;
                    (stats, outcome)
                }
                Err(e) => {
                    // The output is as it was, unless moving an update in failed: either way
                    // the next build starts over with a full one.
                    session.manifest = None;
                    session.stamp = None;
                    return Err(e.into());
                }
            }
        }
    };
    drop(lock);
    progress.finish();
    Ok(BuildReport {
        events: site.events.len(),
        extracted,
        pages: stats.html_pages,
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

/// Reads one article file given on the command line, as a site's articles are read.
pub(crate) fn read_article(path: &Path) -> Result<Article, ReadError> {
    load::read_article(path)
}

/// The events extraction finds in one article, as a build would add them to the site.
pub(crate) fn extract_events(article: &Article) -> Vec<Event> {
    extract::extract_article(article)
}

/// An extracted event as a reviewable YAML draft in the hand-written event format, with
/// comments saying why it was extracted: a mapping for a file of its own, or a list of one
/// to append to others.
pub(crate) fn event_draft(event: &Event, as_list: bool) -> Result<String, YamlWriteError> {
    load::events::draft(event, as_list)
}

/// The temporal expressions of a whole file's text (`entente timex FILE`), offsets into
/// `text`: a TimeML file's `<TEXT>` against its `<DCT>`; else the text after an article's
/// date line or front matter, read as every article is, against its date or dateline. `dct`
/// wins over what the file says. Returns the date used and the expressions.
pub(crate) fn tag_document(text: &str, dct: Option<NaiveDate>) -> (Option<NaiveDate>, Vec<Timex>) {
    if let Some(tagged) = timex::tag_timeml(text, dct) {
        return tagged;
    }
    // Offsets stay into the file as given, byte order mark included.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &text[bom..];
    let (start, found) = match load::read_document(text) {
        Ok(article) => (article.text_start, load::document_date(&article)),
        // A header or front matter that is wrong: plain text, dated by its dateline.
        Err(_) => (0, timex::find_dateline(text, dct).and_then(|d| d.date)),
    };
    let dct = dct.or(found);
    let mut timexes = timex::tag_resolved(&text[start..], dct);
    for t in &mut timexes {
        t.start += bom + start;
        t.end += bom + start;
    }
    (dct, timexes)
}

/// The temporal expressions of plain text, relative to `dct` (else to a dated dateline).
pub(crate) fn tag_text(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    timex::tag(text, dct)
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

/// A page that fails to render fails the build, naming the page (issue 13, case 8: pages used
/// to be written as a "Render error" page and the build went on).
#[cfg(test)]
mod render_errors {
    use super::BuildError;
    use askama::Template;

    /// What a template prints when its formatting fails, as a filter or a value's `Display` can.
    struct Broken;

    impl std::fmt::Display for Broken {
        fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            Err(std::fmt::Error)
        }
    }

    #[derive(Template)]
    #[template(source = "<p>{{ value }}</p>", ext = "html")]
    struct Failing {
        value: Broken,
    }

    #[test]
    fn a_page_that_fails_to_render_fails_the_build_with_its_path() {
        let failed = crate::render::render_html("events/x.html".into(), &Failing { value: Broken })
            .expect_err("a failed render is an error, not a page");
        let error = BuildError::from(failed);
        assert!(
            error.to_string().starts_with("cannot render events/x.html"),
            "{error}"
        );
        assert!(!matches!(error, BuildError::Content(_)));
    }
}

/// Whole documents through the driver: the article read as every article is, then tagged
/// (these tests were the tagger's while it read articles itself).
#[cfg(test)]
mod tests {
    use crate::timex::{Timex, TimexType};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The seed article's date: Wednesday 7 May 2025.
    fn seed_dct() -> NaiveDate {
        d(2025, 5, 7)
    }

    fn find<'a>(all: &'a [Timex], span: &str) -> &'a Timex {
        all.iter()
            .find(|t| t.text == span)
            .unwrap_or_else(|| panic!("no timex {span:?} in {all:#?}"))
    }

    struct Doc {
        dct: Option<NaiveDate>,
        timexes: Vec<Timex>,
    }

    fn document(text: &str, dct: Option<NaiveDate>) -> Doc {
        let (dct, timexes) = super::tag_document(text, dct);
        Doc { dct, timexes }
    }

    #[test]
    fn seed_article() {
        let text = std::fs::read_to_string("/work/shared/seed/kuna-2025-05-07-rubio-caribbean.txt")
            .unwrap_or_else(|_| SEED.to_string());
        let doc = document(&text, None);
        assert_eq!(doc.dct, Some(seed_dct()));
        let late = find(&doc.timexes, "late Tuesday");
        assert_eq!(late.value, "2025-05-06");
        assert_eq!(late.modifier.as_deref(), Some("END"));
        assert_eq!(&text[late.start..late.end], "late Tuesday");
        assert_eq!(find(&doc.timexes, "March").value, "2025-03");
        let two = find(&doc.timexes, "two-day");
        assert_eq!((two.kind, two.value.as_str()), (TimexType::Duration, "P2D"));
        assert_eq!(find(&doc.timexes, "May 7").value, "2025-05-07");
        // The header line is not tagged.
        assert!(doc
            .timexes
            .iter()
            .all(|t| t.start > text.find('\n').unwrap()));
    }

    /// The seed's opening, in case the shared folder is absent.
    const SEED: &str = " date 2025-05-07 403\nSec. Rubio: US, Caribbean Countries Urgently Need To Strengthen Partnerships\n(MENAFN- Kuwait News Agency (KUNA)) WASHINGTON, May 7 (KUNA) -- US Secretary of State Marco Rubio stressed late Tuesday the \"urgent\" need for his country to strengthen partnership with Caribbean nations.\nRubio, back in March, carried out a two-day tour to the Caribbean sea region.\n";

    #[test]
    fn front_matter_and_override() {
        let text = "---\ntitle: Talks\ndate: 2025-05-07\n---\nThe envoys met yesterday.\n";
        let doc = document(text, None);
        assert_eq!(doc.dct, Some(seed_dct()));
        let y = find(&doc.timexes, "yesterday");
        assert_eq!(&text[y.start..y.end], "yesterday");
        assert_eq!(y.value, "2025-05-06");
        let doc = document(text, Some(d(2020, 1, 1)));
        assert_eq!(find(&doc.timexes, "yesterday").value, "2019-12-31");
        // The front matter's own date is not tagged.
        assert!(doc.timexes.iter().all(|t| t.start > 30));
    }

    #[test]
    fn partial_front_matter_date_completes_the_dateline() {
        // The front matter knows only the month; the dateline gives the day.
        let text = "---\ntitle: Talks\ndate: 2025-05\n---\nWASHINGTON, May 7 (KUNA) -- The minister met his counterpart late Tuesday.\n";
        let doc = document(text, None);
        assert_eq!(doc.dct, Some(seed_dct()));
        let t = find(&doc.timexes, "late Tuesday");
        assert_eq!(
            (t.value.as_str(), t.modifier.as_deref()),
            ("2025-05-06", Some("END"))
        );
        // A year alone does too, and a full date still wins over the dateline.
        let text = "---\ndate: 2025\n---\nWASHINGTON, May 7 (KUNA) -- Talks ended.\n";
        assert_eq!(document(text, None).dct, Some(seed_dct()));
        let text = "---\ndate: 2025-05-08\n---\nWASHINGTON, May 7 (KUNA) -- Talks ended.\n";
        assert_eq!(document(text, None).dct, Some(d(2025, 5, 8)));
        // No date anywhere: nothing is guessed.
        let text = "---\ntitle: x\n---\nWASHINGTON, May 7 (KUNA) -- Talks ended late Tuesday.\n";
        let doc = document(text, None);
        assert_eq!(doc.dct, None);
        assert_eq!(find(&doc.timexes, "late Tuesday").value, "XXXX-XX-XX");
    }

    #[test]
    fn timeml_files_are_tagged_in_their_text_with_offsets_into_the_file() {
        let file = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n\
            <DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">08/07/1998</TIMEX3></DCT>\n\
            <TITLE>Blasts on 5 May 1990</TITLE>\n\
            <TEXT>\nNAIROBI, Kenya (AP) _\nBombs <EVENT eid=\"e1\">exploded</EVENT> at AT&amp;T offices \
            <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3>, and late \
            <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-08-06\">Thursday</TIMEX3> police said.\n</TEXT>\n</TimeML>\n";
        let doc = document(file, None);
        assert_eq!(doc.dct, Some(d(1998, 8, 7)), "the DCT comes from <DCT>");
        // Nothing outside <TEXT>: neither the DCT's own text nor the title's date.
        let found: Vec<(&str, &str)> = doc
            .timexes
            .iter()
            .map(|t| (&file[t.start..t.end], t.value.as_str()))
            .collect();
        assert!(found.contains(&("Friday", "1998-08-07")), "{found:?}");
        // A span that crosses a tag keeps the file's bytes between its ends and the plain text.
        let late = doc
            .timexes
            .iter()
            .find(|t| t.text == "late Thursday")
            .unwrap();
        assert_eq!(late.value, "1998-08-06");
        assert!(file[late.start..late.end].starts_with("late <TIMEX3"));
        assert!(file[late.start..late.end].ends_with("Thursday"));
        assert!(doc.timexes.iter().all(|t| !t.value.starts_with("1990")));
        // --dct still wins.
        let other = document(file, Some(d(2001, 1, 1)));
        assert_eq!(other.dct, Some(d(2001, 1, 1)));
    }

    #[test]
    fn seed_without_header_is_dated_only_by_a_publication_date() {
        let body = &SEED[SEED.find('\n').unwrap() + 1..];
        // Plain text: the dateline alone gives no year, so nothing is resolved.
        let doc = document(body, None);
        assert_eq!(doc.dct, None);
        assert_eq!(find(&doc.timexes, "late Tuesday").value, "XXXX-XX-XX");
        // With a publication date it does.
        let doc = document(body, Some(seed_dct()));
        assert_eq!(find(&doc.timexes, "late Tuesday").value, "2025-05-06");
    }

    #[test]
    fn odd_documents() {
        assert!(document("", None).timexes.is_empty());
        assert!(document("---\n", None).timexes.is_empty());
        assert_eq!(document("date 2025-13-45 9\n", None).dct, None);
    }
}
