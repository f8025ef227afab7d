//! `entente serve` end to end: the real binary on a free loopback port, spoken to over plain
//! HTTP/1.1 through std::net.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; loops end as soon as the condition holds.
const PATIENCE: Duration = Duration::from_secs(60);

struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start entente serve");
    // Owned by the guard at once, so a failed start still kills and reaps the child.
    let mut server = Server {
        child,
        address: String::new(),
    };
    let stdout = server.child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + PATIENCE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = rx
            .recv_timeout(left)
            .expect("server did not say where it listens");
        if let Some(rest) = line.split("http://").nth(1) {
            server.address = rest.trim_end_matches('/').to_string();
            // Keep draining stdout so the server never blocks on a full pipe.
            std::thread::spawn(move || while rx.recv().is_ok() {});
            return server;
        }
    }
}

/// Sends `path` verbatim (no normalisation, unlike real clients) and returns status and body.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Polls until `check` holds, failing after [`PATIENCE`].
fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

const EVENT_PAGE: &str = "/events/rubio-caribbean-meeting.html";

#[test]
fn serves_only_the_output_directory() {
    let site = common::copy_site("basic");
    let server = start(site.path());

    let (status, body) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(body.contains("/__entente/reload.js"), "script injected");
    let on_disk = common::read(&site.path().join("public/index.html"));
    assert!(
        !on_disk.contains("__entente"),
        "the built file itself stays clean"
    );
    assert_eq!(get(&server, EVENT_PAGE).0, 200);
    assert_eq!(
        get(&server, "/events").0,
        301,
        "directory without its slash"
    );

    let (status, body) = get(&server, "/no-such-page.html");
    assert_eq!(status, 404);
    assert!(
        body.contains("Page not found"),
        "the site's 404 page: {body}"
    );

    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.path().join("content/site.yaml"),
        site.path().join("public/leak.txt"),
    )
    .unwrap();
    for path in [
        "/../content/site.yaml",
        "/events/../../content/site.yaml",
        "/%2e%2e/content/site.yaml",
        "/%2E%2E%2Fcontent%2Fsite.yaml",
        "/..%2fcontent/site.yaml",
        "/events/..%5c..%5ccontent/site.yaml",
        "/leak.txt",
    ] {
        let (status, body) = get(&server, path);
        assert!(status == 403 || status == 404, "{path} answered {status}");
        assert!(!body.contains("title:"), "{path} leaked site.yaml");
    }
}

#[test]
fn edits_rebuild_and_broken_edits_keep_the_last_good_site() {
    let site = common::copy_site("basic");
    let server = start(site.path());
    let seed = site.path().join("content/events/seed.yaml");
    let original = common::read(&seed);
    assert!(original.contains("title: Rubio meets Caribbean heads of government"));

    let edited = original.replace(
        "title: Rubio meets Caribbean heads of government",
        "title: Rubio meets Caribbean leaders in Kingston",
    );
    std::fs::write(&seed, &edited).unwrap();
    wait_for("the edit to show", || {
        get(&server, EVENT_PAGE)
            .1
            .contains("Rubio meets Caribbean leaders in Kingston")
    });
    let (_, status) = get(&server, "/__entente/status");
    assert!(status.contains("\"error\":null"), "{status}");

    let broken = edited.replacen("type: meeting", "type: meetng", 1);
    assert_ne!(broken, edited);
    std::fs::write(&seed, &broken).unwrap();
    wait_for("the error to show", || {
        !get(&server, "/__entente/error").1.is_empty()
    });
    let (status, error) = get(&server, "/__entente/error");
    assert_eq!(status, 200);
    let line = error.lines().next().unwrap_or("");
    assert!(
        line.contains("seed.yaml:") && line.contains("meetng"),
        "file:line:col and the problem: {error}"
    );
    let position = line.split("seed.yaml:").nth(1).unwrap_or("");
    let mut numbers = position.split(':').take(2).map(|n| n.parse::<usize>());
    assert!(
        numbers.all(|n| n.is_ok()),
        "line and column after the file name: {line}"
    );
    let (_, status) = get(&server, "/__entente/status");
    assert!(status.contains("meetng"), "the overlay's data: {status}");
    let (status, page) = get(&server, EVENT_PAGE);
    assert_eq!(status, 200);
    assert!(
        page.contains("Rubio meets Caribbean leaders in Kingston"),
        "last good page still served"
    );

    std::fs::write(&seed, &edited).unwrap();
    wait_for("the error to clear", || {
        get(&server, "/__entente/error").1.is_empty()
    });
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let site = common::copy_site("basic");
    let mut server = start(site.path());
    assert_eq!(get(&server, "/").0, 200);
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(status.success());
    let deadline = Instant::now() + PATIENCE;
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    let leftovers: Vec<_> = common::files_under(site.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("entente-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_root_without_content_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .output()
        .expect("run entente serve");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no content/ directory"));
    assert!(!dir.path().join("public").exists(), "nothing written");
}
