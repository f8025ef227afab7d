//! `entente serve` end to end: the real binary on a free loopback port, spoken to over plain
//! HTTP/1.1 through std::net.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
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
    let mut command = Command::new(env!("CARGO_BIN_EXE_entente"));
    command.args(["serve", "--port", "0", "--root"]).arg(root);
    start_command(command)
}

/// Starts a server from a command line that ends up running `entente serve --port 0`.
fn start_command(mut command: Command) -> Server {
    let child = command
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
    get_as(server, path, "localhost")
}

/// [`get`] with another `Host` header.
fn get_as(server: &Server, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
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
        .filter(|p| p.to_string_lossy().contains("entente-") && !p.ends_with(".entente-manifest"))
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

/// Issue 13, case 19: a page on another site whose name resolves to 127.0.0.1 (DNS rebinding)
/// could read the server; its requests carry that name.
#[test]
fn only_this_machines_names_are_answered() {
    let site = common::copy_site("basic");
    let server = start(site.path());
    let port = server.address.rsplit(':').next().unwrap().to_string();
    for host in [
        "localhost".to_string(),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(get_as(&server, "/", &host).0, 200, "{host}");
    }
    for host in [
        format!("rebind.evil.example:{port}"),
        "localhost.evil.example".to_string(),
    ] {
        let (status, body) = get_as(&server, "/", &host);
        assert_eq!(status, 403, "{host}");
        assert!(!body.contains("<html"), "{host}: {body}");
    }
}

/// Threads of a running process, from /proc.
#[cfg(target_os = "linux")]
fn threads_of(pid: u32) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Issue 13, case 19: 1,500 slow sockets made 1,511 threads and 784 MB, and a client that
/// never finished its request held its thread for ever.
#[cfg(target_os = "linux")]
#[test]
fn slow_and_silent_clients_cannot_exhaust_the_server() {
    let site = common::copy_site("basic");
    let server = start(site.path());
    let pid = server.child.id();
    let before = threads_of(pid);
    // Sockets that open and send half a request, then nothing.
    let mut slow = Vec::new();
    for _ in 0..300 {
        let Ok(mut s) = TcpStream::connect(&server.address) else {
            break;
        };
        let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: local");
        slow.push(s);
    }
    std::thread::sleep(Duration::from_millis(500));
    let during = threads_of(pid);
    assert!(
        during <= before + 2 && during < 40,
        "{before} threads before, {during} with 300 slow clients"
    );
    // The server hangs up on a client that does not finish its request in time.
    let mut one = &slow[0];
    one.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let started = Instant::now();
    let mut reply = Vec::new();
    let _ = one.read_to_end(&mut reply);
    assert!(
        started.elapsed() < Duration::from_secs(25),
        "held for {:?}",
        started.elapsed()
    );
    drop(slow);
    // And answers everyone again once they are gone.
    wait_for("the server to answer again", || {
        std::panic::catch_unwind(|| get(&server, "/").0).ok() == Some(200)
    });
}

/// Whether this machine lets the tests mount a small file system of their own (a private
/// mount namespace through `unshare`, as root or in a user namespace).
#[cfg(target_os = "linux")]
fn can_mount_tmpfs() -> bool {
    let dir = tempfile::tempdir().unwrap();
    Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs \"$0\"",
            dir.path().to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Issue 13, case 12: after a full disk, `serve` served a mix of 125 new and 764 old pages,
/// left `index.html.entente-tmp` in the site, and kept failing after space was freed.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_served_site_whole_and_the_next_rebuild_recovers() {
    if !can_mount_tmpfs() {
        eprintln!("skipped: cannot mount a tmpfs in a private namespace (unshare -rm)");
        return;
    }
    let site = common::copy_site("basic");
    let mnt = tempfile::tempdir().unwrap();
    let mut command = Command::new("unshare");
    command.args([
        "-rm",
        "sh",
        "-c",
        "mount -t tmpfs -o size=1m tmpfs \"$0\" && exec \"$1\" serve --port 0 --root \"$2\" --out \"$0/public\"",
        mnt.path().to_str().unwrap(),
        env!("CARGO_BIN_EXE_entente"),
        site.path().to_str().unwrap(),
    ]);
    let server = start_command(command);
    // The server's own view of the small file system.
    let inside = PathBuf::from(format!(
        "/proc/{}/root{}",
        server.child.id(),
        mnt.path().display()
    ));
    let public = inside.join("public");
    let snapshot = || -> Vec<(PathBuf, Vec<u8>)> {
        common::files_under(&public)
            .into_iter()
            .map(|p| {
                let bytes = std::fs::read(public.join(&p)).unwrap();
                (p, bytes)
            })
            .collect()
    };
    let before = snapshot();
    assert!(before.len() > 20, "{}", before.len());
    let old_title = "Rubio meets Caribbean heads of government";
    assert!(get(&server, EVENT_PAGE).1.contains(old_title));

    // A title that changes many pages, and a static file that cannot fit.
    let seed = site.path().join("content/events/seed.yaml");
    let original = common::read(&seed);
    std::fs::write(
        &seed,
        original.replace(old_title, "Rubio meets Caribbean leaders"),
    )
    .unwrap();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::fs::write(site.path().join("static/big.bin"), vec![7u8; 3 << 20]).unwrap();
    wait_for("the write to fail", || {
        get(&server, "/__entente/error").1.contains("No space left")
    });
    for page in ["/", EVENT_PAGE, "/countries/jm.html"] {
        let (status, body) = get(&server, page);
        assert_eq!(status, 200, "{page}");
        assert!(
            !body.contains("Rubio meets Caribbean leaders"),
            "{page} is half new"
        );
    }
    assert_eq!(
        snapshot(),
        before,
        "the output is as the last good build left it"
    );
    let leftovers: Vec<String> = std::fs::read_dir(&inside)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "public")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Room again: the next rebuild goes through.
    std::fs::remove_file(site.path().join("static/big.bin")).unwrap();
    wait_for("the new title", || {
        get(&server, EVENT_PAGE)
            .1
            .contains("Rubio meets Caribbean leaders")
    });
    assert!(get(&server, "/")
        .1
        .contains("Rubio meets Caribbean leaders"));
    assert!(get(&server, "/__entente/error").1.is_empty());
}

/// Issue 13, case 2: `build` while `serve` runs on the same output left a `public/` with no
/// `index.html`, and serve's rebuilds then failed until it was deleted by hand.
#[test]
fn a_build_beside_serve_leaves_one_whole_site_and_serve_goes_on() {
    let site = common::copy_site("basic");
    let server = start(site.path());
    let root = site.path().to_str().unwrap();
    let seed = site.path().join("content/events/seed.yaml");
    let original = common::read(&seed);
    for round in 0..6 {
        let title = format!("Rubio meets Caribbean heads, round {round}");
        std::fs::write(
            &seed,
            original.replace("Rubio meets Caribbean heads of government", &title),
        )
        .unwrap();
        let o = common::entente(&["build", "--quiet", "--root", root]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            o.status.success() || err.contains("another build is writing"),
            "{err}"
        );
        assert!(
            site.path().join("public/index.html").is_file(),
            "round {round}"
        );
        wait_for("serve to show the edit", || {
            get(&server, EVENT_PAGE).1.contains(&title)
        });
    }
    let (_, status) = get(&server, "/__entente/status");
    assert!(status.contains("\"error\":null"), "{status}");
}

/// Sends raw bytes and returns the status of the answer (0 when the server just closed).
fn raw(server: &Server, request: &[u8]) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let status = String::from_utf8_lossy(&answer)
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, answer)
}

/// Requests a browser never sends, tried on the server: an absolute URL as the target, a head
/// larger than the limit, a body-less HEAD, two requests in one packet.
#[test]
fn odd_requests_get_plain_refusals() {
    let site = common::copy_site("basic");
    let server = start(site.path());
    let (status, _) = raw(
        &server,
        b"GET http://evil.example/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert_eq!(status, 403);
    let huge = format!(
        "GET / HTTP/1.1\r\nHost: localhost\r\nX-Pad: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    assert_eq!(raw(&server, huge.as_bytes()).0, 431);
    let (status, answer) = raw(&server, b"HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(status, 200);
    let text = String::from_utf8_lossy(&answer);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(
        head.contains("Content-Length: ") && body.is_empty(),
        "{text}"
    );
    let (status, answer) = raw(
        &server,
        b"GET /404.html HTTP/1.1\r\nHost: localhost\r\n\r\nGET /../content/site.yaml HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert_eq!(status, 200);
    assert_eq!(
        String::from_utf8_lossy(&answer)
            .matches("HTTP/1.1 ")
            .count(),
        1
    );
    assert_eq!(
        raw(&server, b"DELETE / HTTP/1.1\r\nHost: localhost\r\n\r\n").0,
        405
    );
}
