//! `entente serve`: development server with rebuild on change and live reload.
//!
//! One thread watches `content/` and `static/` and rebuilds (debounced) through a
//! [`pipeline::Session`], so an edit re-parses, re-renders and rewrites only what it touched.
//! A few threads answer HTTP from the output directory (`http`: bounded threads, header
//! timeouts, and a `Host` check against DNS rebinding), each file read while no rebuild is
//! moving files in, so every response comes from one whole build. Pages get a small script, injected
//! into the response only (never into the built files), that polls `/__entente/status` and
//! reloads the page after a rebuild, or shows the build's errors over the page. A broken
//! edit leaves the last good site on disk and being served.

mod http;

use super::{errln, CmdError};
use crate::model::urls;
use crate::pipeline::Refusal as OutputRefusal;
use crate::pipeline::{self, BuildError, Session};
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// URL prefix of the server's own endpoints; no built page can live there.
const RESERVED: &str = "/__entente/";
/// Quiet time after the last change before rebuilding: editors save in several steps.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// The live-reload script pages get (in responses only, never in built files).
const RELOAD_JS: &str = include_str!("reload.js");

/// What the HTTP threads need to know about the builds.
struct State {
    out: PathBuf,
    /// Bumped by every successful build; open pages reload when it changes.
    generation: AtomicU64,
    /// The last build's errors, empty when it succeeded.
    error: Mutex<String>,
    stop: AtomicBool,
    /// Taken for reading around every file served: rebuilds move files in under its write side.
    publish: crate::pipeline::PublishLock,
}

/// Serves the site at `root` until Ctrl-C.
pub(super) fn run(root: &Path, out: Option<&Path>, bind: &str, port: u16) -> Result<(), CmdError> {
    serve(root, out, bind, port).map_err(|e| match e {
        // The first build's failure was printed as it happened.
        ServeError::Build(_) => CmdError::Reported,
        e if e.is_content() => CmdError::ServeContent(e.to_string()),
        e => CmdError::Serve(e.to_string()),
    })
}

/// Why the server could not start (or keep going).
#[derive(Debug, thiserror::Error)]
enum ServeError {
    /// The output directory is one the build must not replace.
    #[error(transparent)]
    Refused(#[from] OutputRefusal),
    /// The root holds no site.
    #[error("{} has no content/ directory: run serve in a site (or give --root DIR)", .root.display())]
    NoContent {
        /// The site root given.
        root: PathBuf,
    },
    /// The first build could not write its output (already reported).
    #[error(transparent)]
    Build(BuildError),
    /// The address is taken or not allowed.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// `bind:port`.
        address: String,
        /// What the network layer reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The file watcher could not start.
    #[error("cannot watch {what}: {source}")]
    Watch {
        /// "for changes" or the directory.
        what: String,
        /// What the watcher reported.
        #[source]
        source: notify::Error,
    },
}

impl ServeError {
    /// Whether the problem is the site's content (exit code 1) rather than the environment.
    fn is_content(&self) -> bool {
        matches!(self, ServeError::NoContent { .. })
    }
}

/// Serves the site until Ctrl-C.
fn serve(root: &Path, out: Option<&Path>, bind: &str, port: u16) -> Result<(), ServeError> {
    let out = pipeline::output_dir(root, out);
    pipeline::check_output_dir(root, &out)?;
    let mut session = Session::default();
    let session_lock = session.publish_lock();
    let state = Arc::new(State {
        out: out.clone(),
        generation: AtomicU64::new(0),
        error: Mutex::new(String::new()),
        stop: AtomicBool::new(false),
        publish: session_lock.clone(),
    });
    // Without content/ there is nothing to watch: most likely a mistyped --root.
    if !root.join("content").is_dir() {
        return Err(ServeError::NoContent {
            root: root.to_path_buf(),
        });
    }
    rebuild(root, &out, &mut session, &state).map_err(ServeError::Build)?;

    let handler = {
        let state = Arc::clone(&state);
        Arc::new(move |request: http::Request| handle(&request, &state))
    };
    let server =
        http::Server::start(bind, port, http::HostCheck::new(bind), handler).map_err(|source| {
            ServeError::Listen {
                address: format!("{bind}:{port}"),
                source: Box::new(source),
            }
        })?;
    let address = server.address().to_string();
    let loopback = bind
        .parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(bind == "localhost");
    if !loopback {
        errln!("warning: listening on {bind}: anyone who can reach this machine can read the site, drafts included");
    }

    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let ctrlc_tx = stop_tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = ctrlc_tx.send(());
    }) {
        errln!("warning: cannot handle Ctrl-C cleanly: {e}");
    }

    let (events_tx, events_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = events_tx.send(event);
    })
    .map_err(|source| ServeError::Watch {
        what: "for changes".into(),
        source,
    })?;
    let mut watched = Vec::new();
    for dir in ["content", "static"] {
        let path = root.join(dir);
        if path.is_dir() {
            // Absolute, so notifications name absolute paths comparable with `out`.
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|source| ServeError::Watch {
                    what: path.display().to_string(),
                    source,
                })?;
            watched.push(path.display().to_string());
        }
    }

    let rebuilder = {
        let state = Arc::clone(&state);
        let root = root.to_path_buf();
        let out = out.clone();
        thread::spawn(move || watch_loop(&root, &out, session, &state, &events_rx))
    };
    // Output that nobody reads (stdout closed) must not stop the server.
    let _ = super::outln!("serving {} at http://{address}/", out.display());
    let _ = super::outln!("watching {} (Ctrl-C to stop)", watched.join(" and "));
    let _ = stop_rx.recv();
    drop(stop_tx);
    state.stop.store(true, Ordering::Relaxed);
    drop(watcher);
    server.stop();
    // A rebuild in progress finishes first, so the output is never left half-updated.
    let _ = rebuilder.join();
    let _ = super::outln!("stopped");
    Ok(())
}

/// Runs one build and publishes its outcome. Only an unusable output directory (or a page
/// that cannot be rendered) is returned; content errors are shown and the last good site
/// stays.
fn rebuild(
    root: &Path,
    out: &Path,
    session: &mut Session,
    state: &State,
) -> Result<(), BuildError> {
    let started = Instant::now();
    match pipeline::rebuild(root, Some(out), session) {
        Ok(report) => {
            // Pages reload only when the site changed (an undone typo changes nothing).
            if report.written + report.removed > 0 || state.generation.load(Ordering::SeqCst) == 0 {
                state.generation.fetch_add(1, Ordering::SeqCst);
            }
            *state.error.lock().unwrap_or_else(|e| e.into_inner()) = String::new();
            let mut warnings = report.warnings.clone();
            warnings.sort();
            for w in warnings {
                errln!("{w}");
            }
            let _ = super::outln!(
                "built {} events in {:.3} s: {} files rendered, {} unchanged, {} written, {} removed",
                report.events,
                started.elapsed().as_secs_f64(),
                report.rendered,
                report.reused,
                report.written,
                report.removed
            );
            Ok(())
        }
        Err(BuildError::Content(problems)) => {
            let count = problems.len();
            let text: Vec<String> = problems.sorted().iter().map(|p| p.to_string()).collect();
            for line in &text {
                errln!("{line}");
            }
            errln!(
                "error: {count} problem{} found; still serving the last good site",
                if count == 1 { "" } else { "s" }
            );
            *state.error.lock().unwrap_or_else(|e| e.into_inner()) = text.join("\n");
            Ok(())
        }
        Err(e) => {
            let message = e.to_string();
            errln!("error: {message}");
            *state.error.lock().unwrap_or_else(|e| e.into_inner()) = message;
            Err(e)
        }
    }
}

/// Whether a change notification can affect the site (editor droppings cannot).
fn relevant(event: &notify::Event, out: &Path) -> bool {
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        !p.starts_with(out)
            && !name.ends_with('~')
            && !name.ends_with(".swp")
            && !name.ends_with(".swx")
            && !name.starts_with(".#")
    })
}

fn watch_loop(
    root: &Path,
    out: &Path,
    mut session: Session,
    state: &State,
    events: &mpsc::Receiver<notify::Result<notify::Event>>,
) {
    let out_abs = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    while !state.stop.load(Ordering::Relaxed) {
        let first = match events.recv_timeout(Duration::from_millis(200)) {
            Ok(Ok(event)) => event,
            Ok(Err(e)) => {
                errln!("warning: watching: {e}");
                continue;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if !relevant(&first, &out_abs) {
            continue;
        }
        // Wait for the burst of notifications one save makes to end.
        loop {
            match events.recv_timeout(DEBOUNCE) {
                Ok(_) => continue,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        if state.stop.load(Ordering::Relaxed) {
            return;
        }
        // An unusable output directory was already reported; keep watching in case it is
        // fixed.
        let _ = rebuild(root, out, &mut session, state);
    }
}

/// Why a request path cannot be served.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    Forbidden,
    NotFound,
    /// A directory asked for without its trailing slash: relative links need it.
    Redirect(String),
}

/// Maps a URL path to a file inside `out`, refusing anything that could leave it: `..`
/// segments, encoded slashes or dots, backslashes, NULs, and symlinks that resolve outside.
fn resolve(out: &Path, url_path: &str) -> Result<PathBuf, Refusal> {
    if !url_path.starts_with('/') {
        return Err(Refusal::Forbidden);
    }
    let lower = url_path.to_ascii_lowercase();
    // An encoded separator or dot has no business in a static site's URLs, and decoding it
    // would let `%2e%2e%2f` walk out.
    if ["%2f", "%5c", "%2e", "%00"]
        .iter()
        .any(|e| lower.contains(e))
    {
        return Err(Refusal::Forbidden);
    }
    // A `%` that starts no escape stays as it is, as browsers send it.
    let decoded = percent_encoding::percent_decode_str(url_path)
        .decode_utf8()
        .map_err(|_| Refusal::NotFound)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return Err(Refusal::Forbidden);
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." {
            return Err(Refusal::Forbidden);
        }
        relative.push(segment);
    }
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(Refusal::Forbidden);
    }
    let mut candidate = out.join(&relative);
    if candidate.is_dir() {
        if !decoded.ends_with('/') {
            return Err(Refusal::Redirect(format!("{url_path}/")));
        }
        candidate.push(urls::HOME);
    }
    let real = std::fs::canonicalize(&candidate).map_err(|_| Refusal::NotFound)?;
    let base = std::fs::canonicalize(out).map_err(|_| Refusal::NotFound)?;
    if !real.starts_with(&base) {
        return Err(Refusal::Forbidden);
    }
    if !real.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok(real)
}

/// The media type of a file by its extension; text is declared UTF-8, which is what the
/// build writes.
fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    // Older tables call JavaScript "application/javascript"; HTML now says text/javascript.
    let essence = match mime.essence_str() {
        "application/javascript" => "text/javascript",
        other => other,
    };
    if essence.starts_with("text/") {
        format!("{essence}; charset=utf-8")
    } else {
        essence.to_string()
    }
}

/// Adds the live-reload script to an HTML page, just before `</body>` when there is one.
fn inject(mut html: Vec<u8>) -> Vec<u8> {
    const TAG: &[u8] = b"<script src=\"/__entente/reload.js\"></script>\n";
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, TAG.iter().copied());
    html
}

fn text(status: u16, body: &str) -> http::Response {
    http::Response::new(
        status,
        "text/plain; charset=utf-8",
        body.as_bytes().to_vec(),
    )
}

fn handle(request: &http::Request, state: &State) -> http::Response {
    let path = request
        .target
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if let Some(endpoint) = path.strip_prefix(RESERVED) {
        let error = state
            .error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        return match endpoint {
            "reload.js" => {
                http::Response::new(200, "text/javascript; charset=utf-8", RELOAD_JS.into())
            }
            "status" => {
                let body = serde_json::json!({
                    "generation": state.generation.load(Ordering::SeqCst),
                    "error": if error.is_empty() { None } else { Some(error) },
                });
                http::Response::new(200, "application/json", body.to_string().into())
            }
            "error" => http::Response::new(200, "text/plain; charset=utf-8", error.into()),
            _ => text(404, "not found\n"),
        };
    }
    // No rebuild moves files in while this one is found and read.
    let read = {
        let _reading = state.publish.read().unwrap_or_else(|e| e.into_inner());
        match resolve(&state.out, &path) {
            Ok(file) => std::fs::read(&file)
                .map(|bytes| (file, bytes))
                .map_err(|_| Refusal::NotFound),
            Err(refusal) => Err(refusal),
        }
    };
    match read {
        Ok((file, bytes)) => {
            let kind = content_type(&file);
            let body = if kind.starts_with("text/html") {
                inject(bytes)
            } else {
                bytes
            };
            http::Response::new(200, &kind, body)
        }
        Err(Refusal::Forbidden) => text(403, "forbidden\n"),
        Err(Refusal::Redirect(to)) => {
            let mut response = http::Response::new(301, "text/plain; charset=utf-8", Vec::new());
            response.headers.push(("Location", to));
            response
        }
        Err(Refusal::NotFound) => not_found(state),
    }
}

fn not_found(state: &State) -> http::Response {
    // Without a built 404 page (the first build failed), a bare page still carries the script,
    // so the error overlay shows and the page reloads once the site builds.
    let page = {
        let _reading = state.publish.read().unwrap_or_else(|e| e.into_inner());
        std::fs::read(state.out.join(urls::NOT_FOUND))
    }
    .unwrap_or_else(|_| {
        b"<!DOCTYPE html><title>Not found</title><body><p>Not found.</p></body>".to_vec()
    });
    http::Response::new(404, "text/html; charset=utf-8", inject(page))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("events")).unwrap();
        std::fs::write(out.join("index.html"), "<body>home</body>").unwrap();
        std::fs::write(out.join("events/index.html"), "x").unwrap();
        std::fs::write(out.join("events/a b.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        dir
    }

    #[test]
    fn paths_stay_inside_the_output_directory() {
        let dir = site();
        let out = dir.path().join("public");
        assert!(resolve(&out, "/").unwrap().ends_with("index.html"));
        assert!(resolve(&out, "/events/")
            .unwrap()
            .ends_with("events/index.html"));
        assert!(resolve(&out, "/events/a%20b.html").is_ok());
        assert_eq!(
            resolve(&out, "/events"),
            Err(Refusal::Redirect("/events/".into()))
        );
        for bad in [
            "/../secret.txt",
            "/events/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/events/..%5csecret.txt",
            "relative",
            "/a\\..\\secret.txt",
        ] {
            assert_eq!(resolve(&out, bad), Err(Refusal::Forbidden), "{bad}");
        }
        assert_eq!(resolve(&out, "//etc/passwd"), Err(Refusal::NotFound));
        assert_eq!(resolve(&out, "/nope.html"), Err(Refusal::NotFound));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_output_directory_are_refused() {
        let dir = site();
        let out = dir.path().join("public");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt")).unwrap();
        assert_eq!(resolve(&out, "/link.txt"), Err(Refusal::Forbidden));
    }

    #[test]
    fn the_script_goes_before_the_end_of_body() {
        let html = String::from_utf8(inject(b"<body>x</body></html>".to_vec())).unwrap();
        assert!(html.contains("x<script src=\"/__entente/reload.js\"></script>\n</body>"));
        assert!(String::from_utf8(inject(b"plain".to_vec()))
            .unwrap()
            .ends_with("</script>\n"));
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("a.css")), "text/css; charset=utf-8");
        assert_eq!(content_type(Path::new("feed.atom")), "application/atom+xml");
        assert_eq!(
            content_type(Path::new("x.unknown")),
            "application/octet-stream"
        );
    }
}
