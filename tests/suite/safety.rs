//! Never lose a user's files, never publish half a site (issue 13): who owns the output
//! directory, one build at a time, unreadable and reserved paths, limits that keep the output
//! linear, closed pipes, and the smaller cases of that issue. Cases that fit a fixture folder
//! are under `tests/fixtures/invalid/` (`unclear-yaml`, `control-characters`,
//! `reserved-and-colliding-names`, `ambiguous-aliases`, `source-urls`, `too-many-names`,
//! `questionable-dates`); the development server's cases are in `serve.rs`.

use crate::common::*;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Exit code, stdout and stderr of `entente args`.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = entente(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// The issue's `site` helper: one event.
fn site(dir: &Path) {
    fs::create_dir_all(dir.join("content/events")).unwrap();
    fs::write(dir.join("content/site.yaml"), "title: T\n").unwrap();
    fs::write(
        dir.join("content/events/e.yaml"),
        "id: ev\ndate: 2025-01-01\ntitle: T\ntype: call\ncountries: [US, JM]\n",
    )
    .unwrap();
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

/// Names in `dir` that a build leaves only while it runs (staging, lock, old site).
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".entente-"))
        .collect()
}

/// A command that runs `entente` as an unprivileged user when the tests run as root (whom
/// permissions do not stop), through `setpriv`; `None` when that is not possible.
fn unprivileged() -> Option<Command> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some(Command::new(env!("CARGO_BIN_EXE_entente")));
    }
    let probe = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .ok()?;
    if !probe.success() {
        return None;
    }
    let mut command = Command::new("setpriv");
    command.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_entente"),
    ]);
    Some(command)
}

/// Hands `dir` (and what is in it) to the unprivileged user when running as root.
fn give_away(dir: &Path) {
    let _ = Command::new("chown")
        .args(["-R", "65534:65534", s(dir)])
        .status();
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Whether `unshare -rm` can give a test a private mount namespace with a tmpfs in it.
#[cfg(target_os = "linux")]
fn can_mount() -> bool {
    let dir = tempfile::tempdir().unwrap();
    Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs \"$0\"",
            s(dir.path()),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

// ---------------------------------------------------------------------------------------
// 1. The output directory is Entente's only when Entente made it
// ---------------------------------------------------------------------------------------

/// Issue 13, case 1: `--out a/www` on a directory holding an index.html, photos and a git
/// repository deleted all of it.
#[test]
fn a_directory_entente_did_not_make_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    site(&a);
    let www = a.join("www");
    fs::create_dir_all(www.join("p")).unwrap();
    fs::write(www.join("index.html"), "<h1>hi</h1>\n").unwrap();
    fs::write(www.join("p/1.jpg"), "x").unwrap();
    let git = Command::new("git").args(["init", "-q", s(&www)]).status();
    if !git.is_ok_and(|s| s.success()) {
        fs::create_dir_all(www.join(".git/objects")).unwrap();
    }
    let before = snapshot(&www);
    let (code, _, err) = run(&["build", "--root", s(&a), "--out", s(&www)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("was not made by Entente") && err.contains("choose a new or empty directory"),
        "says why and how to proceed: {err}"
    );
    assert_eq!(snapshot(&www), before, "nothing touched");
    assert!(leftovers(&a).is_empty(), "{:?}", leftovers(&a));
}

/// Issue 13, case 1: a file a person added to `public/` after a build was deleted silently by
/// the next one.
#[test]
fn a_file_added_to_the_output_stops_the_next_build_and_survives() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    build(dir.path());
    let public = dir.path().join("public");
    assert!(public.join(".entente-manifest").is_file());
    fs::write(public.join("notes.txt"), "mine").unwrap();
    fs::create_dir_all(public.join("events/drafts")).unwrap();
    let (code, _, err) = run(&["build", "--root", s(dir.path())]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("notes.txt") && err.contains("events/drafts/"),
        "{err}"
    );
    assert!(
        err.contains("static/"),
        "says where such files belong: {err}"
    );
    assert_eq!(read(&public.join("notes.txt")), "mine");
    // Moved out, the build goes on.
    fs::remove_file(public.join("notes.txt")).unwrap();
    fs::remove_dir(public.join("events/drafts")).unwrap();
    build(dir.path());
}

// ---------------------------------------------------------------------------------------
// 2. One build at a time
// ---------------------------------------------------------------------------------------

/// Issue 13, case 2: two builds at once left a `public/` without `index.html`; two roots into
/// one `--out` gave a mixed site.
#[test]
fn concurrent_builds_of_two_sites_leave_one_whole_site() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    site(&a);
    site(&b);
    fs::write(b.join("content/site.yaml"), "title: Bee\n").unwrap();
    fs::write(
        b.join("content/events/e.yaml"),
        "id: bee\ndate: 2024-01-01\ntitle: B\ntype: visit\ncountries: [FR]\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    for round in 0..8 {
        let children: Vec<_> = [&a, &b]
            .iter()
            .map(|root| {
                Command::new(env!("CARGO_BIN_EXE_entente"))
                    .args(["build", "--quiet", "--root", s(root), "--out", s(&out)])
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let o = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                o.status.success() || err.contains("another build is writing"),
                "round {round}: {err}"
            );
        }
        let index = read(&out.join("index.html"));
        // Whole: the events of exactly one of the two sites.
        let (ev, bee) = (out.join("events/ev.html"), out.join("events/bee.html"));
        assert!(ev.is_file() != bee.is_file(), "round {round}: a mixed site");
        assert_eq!(index.contains("Bee"), bee.is_file(), "round {round}");
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }
}

/// Issue 13, case 2: the message names the output and the process that holds it.
#[test]
fn a_build_that_finds_the_output_locked_says_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let lock = fs::File::create(dir.path().join(".public.entente-lock")).unwrap();
    lock.try_lock().unwrap();
    fs::write(dir.path().join(".public.entente-lock"), "4242\n").unwrap();
    let (code, _, err) = run(&["build", "--root", s(dir.path())]);
    assert_eq!(code, 2);
    assert!(
        err.contains("another build is writing") && err.contains("public (pid 4242)"),
        "{err}"
    );
    assert!(!dir.path().join("public").exists());
    drop(lock);
    build(dir.path());
    assert!(
        !dir.path().join(".public.entente-lock").exists(),
        "removed after use"
    );
}

// ---------------------------------------------------------------------------------------
// 3. Unreadable inputs are errors with their path
// ---------------------------------------------------------------------------------------

/// Issue 13, case 3: `chmod 000 content/events` built 0 events and `check` said "no problems".
#[cfg(unix)]
#[test]
fn unreadable_directories_and_files_are_errors_with_their_path() {
    let Some(_) = unprivileged() else {
        eprintln!("skipped: running as root without setpriv, permissions cannot be tested");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let root = dir.path().join("site");
    site(&root);
    fs::create_dir_all(root.join("content/events/more")).unwrap();
    fs::create_dir_all(root.join("static/img")).unwrap();
    fs::write(root.join("static/img/a.png"), "png").unwrap();
    give_away(&root);
    for (locked, named) in [
        (
            "content/events",
            "content/events:1:1: error: cannot read this directory",
        ),
        (
            "content/events/more",
            "content/events/more:1:1: error: cannot read this directory",
        ),
        (
            "static/img/a.png",
            "static/img/a.png:1:1: error: cannot read this static file",
        ),
        (
            "static/img",
            "static/img:1:1: error: cannot read this directory of static files",
        ),
    ] {
        chmod(&root.join(locked), 0o000);
        for command in ["check", "build"] {
            let o = unprivileged()
                .unwrap()
                .args([command, "--root", s(&root)])
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{command} with {locked}: {err}");
            assert!(err.contains(named), "{command} with {locked}: {err}");
        }
        chmod(
            &root.join(locked),
            if locked.ends_with(".png") {
                0o644
            } else {
                0o755
            },
        );
        assert!(!root.join("public").exists());
    }
}

// ---------------------------------------------------------------------------------------
// 4. The output is never inside an input
// ---------------------------------------------------------------------------------------

/// Issue 13, case 4: `--out static/site` copied the site into itself on every build.
#[test]
fn the_output_cannot_be_inside_an_input_directory() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::create_dir_all(dir.path().join("static")).unwrap();
    fs::write(dir.path().join("static/x.css"), "x").unwrap();
    let before = snapshot(dir.path());
    for out in ["static/site", "content/articles/out", "content/events/x/y"] {
        let out = dir.path().join(out);
        let (code, _, err) = run(&["build", "--root", s(dir.path()), "--out", s(&out)]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("is inside") && err.contains("which the build reads"),
            "{err}"
        );
    }
    assert_eq!(snapshot(dir.path()), before, "nothing written");
}

// ---------------------------------------------------------------------------------------
// 5, 6. Output paths and output size
// ---------------------------------------------------------------------------------------

/// Issue 13, case 5: a tag `index` and a person "Index" lost their pages (or replaced the list
/// of tags and of people).
#[test]
fn a_tag_and_a_person_named_index_get_pages_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/index.yaml"),
        "id: named-index\ndate: 2025-02-01\ntitle: Indexed\ntype: call\ntags: [index, other]\nactors: [Index]\n",
    )
    .unwrap();
    build(dir.path());
    let public = dir.path().join("public");
    let tags = read(&public.join("tags/index.html"));
    assert!(
        tags.contains("tags/index-x.html") || tags.contains("index-x.html"),
        "{tags}"
    );
    assert_eq!(
        event_ids(&read(&public.join("tags/index-x.html"))),
        ["named-index"]
    );
    assert_eq!(
        event_ids(&read(&public.join("actors/index-x.html"))),
        ["named-index"]
    );
    assert!(
        event_ids(&tags).is_empty(),
        "the list of tags is still the list"
    );
}

/// Issue 13, case 6: one event with 10,000 tags wrote 10,018 files and 589 MB; at the limit
/// the output stays small, and beyond it the build says why.
#[test]
fn tags_per_event_are_capped_and_the_output_stays_linear() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let tags = |n: usize| {
        (0..n)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let actors = |n: usize| {
        (0..n)
            .map(|i| format!("Person Number {i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let event = |t: usize, a: usize| {
        format!(
            "id: many\ndate: 2025\ntitle: T\ntype: summit\ntags: [{}]\nactors: [{}]\n",
            tags(t),
            actors(a)
        )
    };
    let file = dir.path().join("content/events/many.yaml");
    fs::write(&file, event(50, 50)).unwrap();
    build(dir.path());
    let size: u64 = files_under(&dir.path().join("public"))
        .iter()
        .map(|p| {
            fs::metadata(dir.path().join("public").join(p))
                .unwrap()
                .len()
        })
        .sum();
    assert!(size < 8 << 20, "{size} bytes for one event at the limits");
    fs::write(&file, event(10_000, 1)).unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    assert!(
        err.contains("`tags` has 10000 entries: the limit is 50"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// 7. Nothing is fetched
// ---------------------------------------------------------------------------------------

/// Issue 13, case 7: `![x](https://tracker.example/p.png)` in a summary or a page was loaded
/// whenever the page was opened.
#[test]
fn remote_images_in_summaries_and_pages_become_links() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/img.yaml"),
        "id: img\ndate: 2025-02-01\ntitle: Pictured\ntype: call\nsummary: |\n  See ![the pixel](https://tracker.example/p.png) and ![proto](//tracker.example/q.png)\n  and <img src=\"https://tracker.example/r.png\" alt=\"r\"> and ![local](../img/map.png).\n",
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("content/pages")).unwrap();
    fs::write(
        dir.path().join("content/pages/about.md"),
        "---\ntitle: About\n---\n![banner](https://tracker.example/banner.png)\n",
    )
    .unwrap();
    build(dir.path());
    let public = dir.path().join("public");
    for page in files_under(&public)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = read(&public.join(&page));
        let doc = scraper::Html::parse_document(&html);
        let imgs = scraper::Selector::parse("img[src], source[src], img[srcset]").unwrap();
        for img in doc.select(&imgs) {
            let src = img.value().attr("src").unwrap_or("");
            assert!(
                !src.contains("tracker.example") && !src.starts_with("//"),
                "{}: {src}",
                page.display()
            );
        }
    }
    let event = read(&public.join("events/img.html"));
    assert!(
        event.contains("<a href=\"https://tracker.example/p.png\""),
        "{event}"
    );
    assert!(event.contains(">the pixel</a>"), "{event}");
    assert!(
        event.contains("<img src=\"../img/map.png\""),
        "local images stay: {event}"
    );
    let about = read(&public.join("about.html"));
    assert!(about.contains(">banner</a>"), "{about}");
}

// ---------------------------------------------------------------------------------------
// 10. Extraction never writes through a link
// ---------------------------------------------------------------------------------------

/// Issue 13, case 10: `extract --out-dir` and `--write` followed a symbolic link at the target
/// and overwrote what it pointed to.
#[cfg(unix)]
#[test]
fn extract_never_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("articles/kuna-2025-05-07-rubio-caribbean.txt");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();

    let out_dir = dir.path().join("json");
    fs::create_dir(&out_dir).unwrap();
    let link = out_dir.join("kuna-2025-05-07-rubio-caribbean.json");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let (code, _, err) = run(&["extract", "--out-dir", s(&out_dir), s(&article)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(read(&victim), "precious");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());

    let drafts = dir.path().join("drafts");
    let (code, stdout, err) = run(&["extract", "--write", s(&drafts), s(&article)]);
    assert_eq!(code, 0, "{err}");
    let first = stdout
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("wrote "))
        .map(PathBuf::from)
        .expect("a draft written");
    fs::remove_file(&first).unwrap();
    std::os::unix::fs::symlink(&victim, &first).unwrap();
    let (code, _, err) = run(&["extract", "--write", s(&drafts), s(&article)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(read(&victim), "precious");
    // No temporary files are left beside the drafts.
    assert!(fs::read_dir(&drafts).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains("entente-tmp")));
}

/// Two articles of the same file name (in two folders) would write one JSON file.
#[test]
fn two_articles_of_one_name_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let article = fs::read(fixture("articles/kuna-2025-05-07-rubio-caribbean.txt")).unwrap();
    for sub in ["a", "b"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("x.txt"), &article).unwrap();
    }
    let out = dir.path().join("out");
    let (a, b) = (dir.path().join("a/x.txt"), dir.path().join("b/x.txt"));
    let (code, _, err) = run(&["extract", "--out-dir", s(&out), s(&a), s(&b)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("x.json") && err.contains("a/x.txt"), "{err}");
}

// ---------------------------------------------------------------------------------------
// 11. Mount points and read-only parents
// ---------------------------------------------------------------------------------------

/// Issue 13, case 11: an output directory that is a mount point failed with "Device or
/// resource busy" and left `.mnt.entente-staging` behind; under a read-only parent the message
/// was misleading.
#[cfg(target_os = "linux")]
#[test]
fn a_mount_point_or_a_read_only_parent_fails_clearly_leaving_nothing() {
    if !can_mount() {
        eprintln!("skipped: cannot mount a tmpfs in a private namespace (unshare -rm)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    site(&root);
    let mnt = dir.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    let o = Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount -t tmpfs tmpfs \"$0\" && \"$1\" build --root \"$2\" --out \"$0\"; code=$?; ls -A \"$(dirname \"$0\")\"; exit $code",
            s(&mnt),
            env!("CARGO_BIN_EXE_entente"),
            s(&root),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("is a mount point") && err.contains("--out"),
        "{err}"
    );
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(!listed.contains("entente"), "left behind: {listed}");

    // A read-only file system holding the output directory.
    let o = Command::new("unshare")
        .args([
            "-rm",
            "sh",
            "-c",
            "mount -t tmpfs tmpfs \"$0\" && mount -o remount,ro \"$0\" && \"$1\" build --root \"$2\" --out \"$0/public\"",
            s(&mnt),
            env!("CARGO_BIN_EXE_entente"),
            s(&root),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("cannot write in {}", mnt.display()))
            && err.contains("must be writable"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// 13. The calendar passes a strict RFC 5545 check
// ---------------------------------------------------------------------------------------

/// Checks iCalendar text strictly: CRLF line ends, physical lines of at most 75 octets,
/// continuation lines starting with one space, property names and parameters well formed, no
/// control characters, components balanced, and dates of eight digits with the end after the
/// start.
fn assert_strict_ics(ics: &[u8]) {
    let text = std::str::from_utf8(ics).expect("UTF-8");
    assert!(text.ends_with("\r\n"));
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for line in &physical {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
        if let Some(rest) = line.strip_prefix(' ') {
            logical
                .last_mut()
                .expect("a continuation first")
                .push_str(rest);
        } else {
            assert!(!line.starts_with('\t'), "{line:?}");
            logical.push(line.to_string());
        }
    }
    let mut open: Vec<String> = Vec::new();
    let mut start: Option<String> = None;
    for line in &logical {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "control character in {line:?}"
        );
        let colon = line
            .find(':')
            .unwrap_or_else(|| panic!("no value: {line:?}"));
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let name = head.split(';').next().unwrap();
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'),
            "property name {name:?}"
        );
        match name {
            "BEGIN" => open.push(value.to_string()),
            "END" => assert_eq!(open.pop().as_deref(), Some(value), "unbalanced"),
            "DTSTART" | "DTEND" => {
                assert_eq!(head, format!("{name};VALUE=DATE"), "{line}");
                assert!(
                    value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()),
                    "{line}"
                );
                assert!(&value[..4] != "0000", "{line}");
                if name == "DTSTART" {
                    start = Some(value.to_string());
                } else {
                    assert!(
                        Some(value) > start.as_deref(),
                        "DTEND after DTSTART: {line}"
                    );
                }
            }
            "DURATION" => {
                let days = value.strip_prefix('P').and_then(|v| v.strip_suffix('D'));
                assert!(
                    days.is_some_and(|d| d.parse::<u32>().is_ok_and(|n| n > 0)),
                    "{line}"
                );
            }
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed {open:?}");
}

/// Issue 13, case 13: `end: 9999-12-31` gave `DTEND;VALUE=DATE:+100000101`, and lines of
/// multi-byte text exceeded 75 octets.
#[test]
fn the_calendar_passes_a_strict_rfc5545_check() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/site.yaml"),
        format!(
            "title: \"{}\"\nbase_url: https://example.org/{}/\n",
            "Ééé 日本 ".repeat(20),
            "long-path".repeat(12)
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("content/events/edges.yaml"),
        format!(
            "- id: from-the-first-year\n  date: 0001-01-01\n  end: 9999-12-31\n  title: \"{}\"\n  type: call\n  places: [\"{}\"]\n  summary: \"{}\"\n- id: to-the-last-day\n  date: 9999-12-31\n  title: Last\n  type: call\n- id: year-one\n  date: '0001'\n  title: \"a,b;c\\\\d\"\n  type: call\n",
            "日本語のタイトル".repeat(12),
            "Ünïcödé, place; name ".repeat(8),
            "Ё".repeat(300)
        ),
    )
    .unwrap();
    build(dir.path());
    let ics = fs::read(dir.path().join("public/events.ics")).unwrap();
    assert_strict_ics(&ics);
    let text = String::from_utf8(ics).unwrap();
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:00010101"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DURATION:P3652059D"), "{unfolded}");
    assert!(
        unfolded.contains(&"Ё".repeat(300)),
        "folding keeps every character"
    );
    assert!(!unfolded.contains("+1000"), "{unfolded}");
}

// ---------------------------------------------------------------------------------------
// 16, 18. Names that share a page, and the questionable cases
// ---------------------------------------------------------------------------------------

/// Issue 13, cases 16 and 18: `tags: [Security, security]` listed the event twice on one page,
/// and "Јane" (with a Cyrillic Ј) merged into "Jane" without a word.
#[test]
fn names_that_share_a_page_are_filed_once_and_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/case.yaml"),
        "- id: one\n  date: 2025-02-01\n  title: One\n  type: call\n  tags: [Security, security]\n  actors: [Jane Doe, jane doe]\n- id: two\n  date: 2025-02-02\n  title: Two\n  type: call\n  tags: [SECURITY]\n  actors: [\u{408}ane Doe]\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "case.yaml:5:9: warning: tag \"security\" is \"Security\" again (they differ only in case)",
        "case.yaml:6:11: warning: person \"jane doe\" is \"Jane Doe\" again",
        "warning: tag \"SECURITY\" differs only in case from \"Security\"",
        "warning: person \"\u{408}ane Doe\" is filed on the same page as \"Jane Doe\"",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    build(dir.path());
    let public = dir.path().join("public");
    // Listings run newest first: each event once.
    assert_eq!(
        event_ids(&read(&public.join("tags/security.html"))),
        ["two", "one"]
    );
    assert_eq!(
        event_ids(&read(&public.join("actors/jane-doe.html"))),
        ["two", "one"]
    );
}

/// Issue 13, case 18: a file whose lines end in a lone carriage return (old Mac) read as one
/// line, so an article gave 0 events.
#[test]
fn old_mac_line_ends_read_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = read(&fixture("articles/kuna-2025-05-07-rubio-caribbean.txt"));
    let (lf, cr) = (dir.path().join("lf.txt"), dir.path().join("cr.txt"));
    fs::write(&lf, &text).unwrap();
    fs::write(&cr, text.replace('\n', "\r")).unwrap();
    let (code, from_lf, _) = run(&["extract", "--format", "json", s(&lf)]);
    assert_eq!(code, 0);
    let (code, from_cr, err) = run(&["extract", "--format", "json", s(&cr)]);
    assert_eq!(code, 0, "{err}");
    let events = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        // Ids carry the article's name; what was found is dates, type and title.
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {} {} {}", e["date"], e["end"], e["type"], e["title"]))
            .collect()
    };
    assert!(!events(&from_lf).is_empty());
    assert_eq!(events(&from_cr), events(&from_lf));
}

/// Issue 13, case 18: UTF-16 without a byte order mark read as text full of NULs and said
/// "no date".
#[test]
fn utf16_files_are_named_as_utf16() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let event = "id: wide\ndate: 2025\ntitle: Wide\ntype: call\n";
    let le: Vec<u8> = event.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let with_bom: Vec<u8> = [vec![0xff, 0xfe], le.clone()].concat();
    for (name, bytes) in [("le.yaml", &le), ("bom.yaml", &with_bom)] {
        fs::write(dir.path().join("content/events").join(name), bytes).unwrap();
    }
    let article = dir.path().join("article.txt");
    let text = read(&fixture("articles/kuna-2025-05-07-rubio-caribbean.txt"));
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    fs::write(&article, be).unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    assert!(
        err.contains("le.yaml:1:1: error: file is UTF-16 (every other byte is zero)"),
        "{err}"
    );
    assert!(
        err.contains(
            "bom.yaml:1:1: error: file is UTF-16 (it starts with a UTF-16 byte order mark)"
        ),
        "{err}"
    );
    let (code, _, err) = run(&["extract", s(&article)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("file is UTF-16") && !err.contains("no date"),
        "{err}"
    );
}

/// Issue 13, case 18: an article dated in the future, and a `suppress` naming no extracted
/// event, passed without a word.
#[test]
fn a_future_article_and_a_suppress_that_removes_nothing_are_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::create_dir_all(dir.path().join("content/articles")).unwrap();
    fs::write(
        dir.path().join("content/articles/future.txt"),
        "date 2999-05-07 9\nTalks\nWASHINGTON, May 7 (KUNA) -- The ministers met on Tuesday.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("content/events/suppress.yaml"),
        "# Removes an extracted event\nid: no-such-extracted-event\nsuppress: true\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("future.txt:1:1: warning: the article is dated 2999-05-07, after today"),
        "{err}"
    );
    assert!(
        err.contains("suppress.yaml:2:1: warning: `suppress` names \"no-such-extracted-event\""),
        "{err}"
    );
}

/// Issue 13, case 18: hidden directories in `events/` were read while hidden files were not.
#[test]
fn hidden_directories_in_content_are_skipped_like_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    for hidden in [".trash/old.yaml", ".hidden.yaml", "sub/.x/y.yaml"] {
        let path = dir.path().join("content/events").join(hidden);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "date: not even valid\n").unwrap();
    }
    let (code, stdout, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("ok: 1 events"), "{stdout}");
}

// ---------------------------------------------------------------------------------------
// 17. Errors that say what is wrong where
// ---------------------------------------------------------------------------------------

/// Issue 13, case 17: an unreadable static file was reported as "cannot write ./public".
#[cfg(unix)]
#[test]
fn an_unreadable_static_file_is_named_not_the_output() {
    let Some(mut command) = unprivileged() else {
        eprintln!("skipped: running as root without setpriv");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let root = dir.path().join("site");
    site(&root);
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/style.css"), "body{}").unwrap();
    give_away(&root);
    chmod(&root.join("static/style.css"), 0o000);
    let o = command
        .args(["build", "--root", s(&root)])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("static/style.css:1:1: error: cannot read this static file"),
        "{err}"
    );
    assert!(!err.contains("cannot write"), "{err}");
}

// ---------------------------------------------------------------------------------------
// 20. A closed pipe ends a command quietly
// ---------------------------------------------------------------------------------------

/// Runs `entente args`, reads one line of stdout and closes it, and returns the exit code
/// and stderr.
fn first_line_then_close(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "{args:?} printed nothing");
    // The reader is gone now, as `head -1` would be.
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), err)
}

/// Issue 13, case 20: `entente extract ... | head` panicked with "failed printing to stdout:
/// Broken pipe".
#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("articles/kuna-2025-05-07-rubio-caribbean.txt");
    let many: Vec<String> = (0..40).map(|_| s(&article).to_string()).collect();
    let mut extract = vec!["extract"];
    extract.extend(many.iter().map(String::as_str));
    let mut json = vec!["extract", "--format", "json"];
    json.extend(many.iter().map(String::as_str));
    site(dir.path());
    for args in [
        extract,
        json,
        vec!["completions", "bash"],
        vec!["completions", "fish"],
    ] {
        let (code, err) = first_line_then_close(&args);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
        assert_eq!(code, Some(0), "{:?}: {err}", &args[..2]);
    }
    // And a check that reports thousands of problems into a closed stderr.
    let bad: String = (0..5000)
        .map(|i| format!("- {{id: e{i}, date: nope, title: x, type: call}}\n"))
        .collect();
    fs::write(dir.path().join("content/events/bad.yaml"), bad).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["check", "--root", s(dir.path())])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "still the content's exit code");
}

// ---------------------------------------------------------------------------------------
// Beyond the issue: the same families, tried anew
// ---------------------------------------------------------------------------------------

/// A symbolic link someone put in the output (`public/latest -> /etc`) is not Entente's: the
/// build stops, and neither the link nor what it points to is touched.
#[cfg(unix)]
#[test]
fn a_link_added_to_the_output_stops_the_build_and_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    build(dir.path());
    let target = dir.path().join("elsewhere");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), "keep").unwrap();
    let link = dir.path().join("public/latest");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _, err) = run(&["build", "--root", s(dir.path())]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds latest"), "{err}");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read(&target.join("keep.txt")), "keep");
}

/// A page of the last build replaced by a directory of someone's files is not Entente's.
#[test]
fn a_page_replaced_by_a_directory_stops_the_build() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    build(dir.path());
    let page = dir.path().join("public/404.html");
    fs::remove_file(&page).unwrap();
    fs::create_dir(&page).unwrap();
    fs::write(page.join("mine.txt"), "mine").unwrap();
    let (code, _, err) = run(&["build", "--root", s(dir.path())]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds 404.html/"), "{err}");
    assert_eq!(read(&page.join("mine.txt")), "mine");
}

/// A manifest written by hand that lists paths outside the output directory changes nothing
/// outside it: the manifest only decides what may be replaced inside.
#[test]
fn a_forged_manifest_cannot_reach_outside_the_output() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let public = dir.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(
        public.join(".entente-manifest"),
        r#"{"entente": 1, "files": ["../outside.txt", "/etc/passwd", "index.html"]}"#,
    )
    .unwrap();
    fs::write(dir.path().join("outside.txt"), "keep").unwrap();
    build(dir.path());
    assert_eq!(read(&dir.path().join("outside.txt")), "keep");
    assert!(public.join("index.html").is_file());
}

/// A build into a new, deep `--out` that fails on its content creates no directories at all.
#[test]
fn a_failed_build_into_a_new_path_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(dir.path().join("content/events/bad.yaml"), "date: nope\n").unwrap();
    let out = dir.path().join("deep/er/public");
    let (code, _, _) = run(&["build", "--root", s(dir.path()), "--out", s(&out)]);
    assert_eq!(code, 1);
    assert!(!dir.path().join("deep").exists());
}

/// A file of `static/` on the path of a rendered page, or of the manifest, would replace it
/// without a word: it is an error naming the static file.
#[test]
fn static_files_cannot_replace_pages_or_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    build(dir.path());
    let before = snapshot(&dir.path().join("public"));
    for name in ["index.html", "events/ev.html", ".entente-manifest"] {
        let path = dir.path().join("static").join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "mine").unwrap();
        let (code, _, err) = run(&["build", "--root", s(dir.path())]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(&format!(
                "static/{name} would replace the file Entente writes at {name}"
            )),
            "{err}"
        );
        fs::remove_file(&path).unwrap();
        assert_eq!(snapshot(&dir.path().join("public")), before);
    }
    // The built-in style sheet is the one file static/ may replace, by design.
    fs::write(dir.path().join("static/style.css"), "body{}").unwrap();
    build(dir.path());
}

/// A build killed while it holds the lock leaves the lock file; the next build takes it (the
/// lock died with the process) and removes it.
#[cfg(unix)]
#[test]
fn a_build_killed_holding_the_lock_does_not_block_the_next() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let events: String = (0..3000)
        .map(|i| format!("- {{id: e{i}, date: 2020-01-{:02}, title: Event {i}, type: call, countries: [US], tags: [t{}]}}\n", 1 + i % 28, i % 50))
        .collect();
    fs::write(dir.path().join("content/events/all.yaml"), events).unwrap();
    let lock = dir.path().join(".public.entente-lock");
    let mut killed = false;
    for delay in [30u64, 80, 150, 300] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(["build", "--quiet", "--root", s(dir.path())])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        if lock.exists() && child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            child.wait().unwrap();
            killed = true;
            break;
        }
        child.wait().unwrap();
    }
    if killed {
        assert!(lock.exists(), "a killed build cannot remove its lock file");
    }
    build(dir.path());
    assert!(!lock.exists());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// A directory where a draft goes is neither followed nor called "reviewed".
#[test]
fn extract_refuses_a_directory_where_a_draft_goes() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("articles/kuna-2025-05-07-rubio-caribbean.txt");
    let drafts = dir.path().join("drafts");
    let (_, stdout, _) = run(&["extract", "--write", s(&drafts), s(&article)]);
    let first = PathBuf::from(
        stdout
            .lines()
            .next()
            .unwrap()
            .strip_prefix("wrote ")
            .unwrap(),
    );
    fs::remove_file(&first).unwrap();
    fs::create_dir(&first).unwrap();
    fs::write(first.join("keep.txt"), "keep").unwrap();
    let (code, _, err) = run(&["extract", "--write", s(&drafts), s(&article)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("not a regular file") && !err.contains("reviewed"),
        "{err}"
    );
    assert_eq!(read(&first.join("keep.txt")), "keep");
}

/// `--out-dir` naming a file fails clearly and leaves the file.
#[test]
fn extract_into_a_file_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "mine").unwrap();
    let article = fixture("articles/kuna-2025-05-07-rubio-caribbean.txt");
    let (code, _, err) = run(&["extract", "--out-dir", s(&file), s(&article)]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("cannot create {}", file.display())),
        "{err}"
    );
    assert_eq!(read(&file), "mine");
}

/// A draft that is a hard link to another file (an unreviewed one) is replaced as a directory
/// entry: the other file keeps its bytes.
#[cfg(unix)]
#[test]
fn a_hard_linked_draft_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("articles/kuna-2025-05-07-rubio-caribbean.txt");
    let drafts = dir.path().join("drafts");
    let (_, stdout, _) = run(&["extract", "--write", s(&drafts), s(&article)]);
    let first = PathBuf::from(
        stdout
            .lines()
            .next()
            .unwrap()
            .strip_prefix("wrote ")
            .unwrap(),
    );
    let other = dir.path().join("other.yaml");
    fs::write(&other, "mine\nreviewed: false\n").unwrap();
    fs::remove_file(&first).unwrap();
    fs::hard_link(&other, &first).unwrap();
    let (code, _, err) = run(&["extract", "--write", s(&drafts), s(&article)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(read(&other), "mine\nreviewed: false\n");
    assert!(read(&first).contains("reviewed: false") && read(&first).contains("date:"));
}

/// `extract --write DIR ... | head -1`: the list of written files stops, the writing does not.
#[test]
fn extract_write_into_a_closed_pipe_still_writes_every_draft() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        fixture("articles/kuna-2025-05-07-rubio-caribbean.txt"),
        fixture("articles/wire-talks-snapshot.txt"),
    ];
    let all = dir.path().join("all");
    let mut args = vec!["extract", "--write", s(&all)];
    args.extend(articles.iter().map(|p| s(p)));
    let (code, stdout, _) = run(&args);
    assert_eq!(code, 0);
    let expected = stdout.lines().count();
    assert!(expected >= 3, "{stdout}");
    let piped = dir.path().join("piped");
    let mut args = vec!["extract", "--write", s(&piped)];
    args.extend(articles.iter().map(|p| s(p)));
    let (code, err) = first_line_then_close(&args);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(fs::read_dir(&piped).unwrap().count(), expected);
}

/// The same article named twice writes its drafts and its JSON once, without an error.
#[test]
fn the_same_article_twice_is_no_collision() {
    let dir = tempfile::tempdir().unwrap();
    let article = fixture("articles/kuna-2025-05-07-rubio-caribbean.txt");
    for flag in ["--write", "--out-dir"] {
        let out = dir.path().join(flag.trim_start_matches('-'));
        let (code, _, err) = run(&["extract", flag, s(&out), s(&article), s(&article)]);
        assert_eq!(code, 0, "{flag}: {err}");
        assert!(!err.contains("error"), "{flag}: {err}");
    }
}

/// Names that only slugify to a reserved one (`slug: "../../Index"`, `id: "../index"`,
/// `Index.yaml`) are refused like the name itself.
#[test]
fn names_that_slugify_to_a_reserved_one_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    for (file, text) in [
        (
            "pages/x.md",
            "---\ntitle: X\nslug: \"../../Index\"\n---\nx\n",
        ),
        (
            "articles/a.md",
            "---\ntitle: A\nid: \"../index\"\ndate: 2025-01-02\n---\nBody.\n",
        ),
        ("briefings/Index.yaml", "title: B\n"),
    ] {
        let path = dir.path().join("content").join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    for expected in [
        "pages/x.md:3:7: error: the page name \"index\" is taken by the timeline",
        "articles/a.md:1:1: error: the article id \"index\" is taken",
        "briefings/Index.yaml:1:1: error: the name \"index\" is taken",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

/// The site's own root pages (the briefing builder, the embeddable timeline) cannot be
/// taken by a content page either.
#[test]
fn pages_named_like_the_builder_or_the_embed_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let pages = dir.path().join("content/pages");
    fs::create_dir_all(&pages).unwrap();
    fs::write(pages.join("briefing.md"), "---\ntitle: B\n---\nx\n").unwrap();
    fs::write(pages.join("embed.md"), "---\ntitle: E\n---\nx\n").unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1, "{err}");
    for expected in [
        "error: the page name \"briefing\" is taken by the briefing builder",
        "error: the page name \"embed\" is taken by the embeddable timeline",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

/// `index`, `INDEX` and `index x` on one event: one page (`tags/index-x.html`), the event on
/// it once, and a warning for each other spelling.
#[test]
fn spellings_of_index_share_one_page_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/q.yaml"),
        "- id: q\n  date: 2025\n  title: T\n  type: call\n  tags: [index, \"index x\", INDEX]\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 0);
    assert_eq!(err.matches("warning: tag").count(), 2, "{err}");
    build(dir.path());
    assert_eq!(
        event_ids(&read(&dir.path().join("public/tags/index-x.html"))),
        ["q"]
    );
}

/// One country written many ways is one country, and counts once toward the cap.
#[test]
fn one_country_spelled_many_ways_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let spellings = ["Jamaica", "JM", "jamaica", " JAMAICA "].repeat(30);
    let list = spellings
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    fs::write(
        dir.path().join("content/events/jm.yaml"),
        format!("id: jm\ndate: 2025\ntitle: T\ntype: call\ncountries: [{list}]\n"),
    )
    .unwrap();
    build(dir.path());
    let json = read(&dir.path().join("public/events.json"));
    assert_eq!(json.matches("\"code\":\"JM\"").count(), 2, "{json}");
}

/// C1 controls, raw or as YAML's `\N` (next line, U+0085), are control characters too.
#[test]
fn c1_controls_raw_or_escaped_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/nel.yaml"),
        "id: nel\ndate: 2025\ntitle: \"T\\N\"\ntype: call\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("content/events/raw.yaml"),
        "id: raw\ndate: 2025\ntitle: \"T\u{85}x\"\ntype: call\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    assert!(
        err.contains("nel.yaml:3:8: error: control character U+0085"),
        "{err}"
    );
    assert!(
        err.contains("raw.yaml:3:10: error: control character U+0085"),
        "{err}"
    );
}

/// Aliases that differ in case and spacing are the same alias, and still ambiguous.
#[test]
fn aliases_differing_in_case_and_spaces_are_still_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/actors.yaml"),
        "- name: Ann Smith\n  aliases: [\"  SMITH \"]\n- name: Bob Smith\n  aliases: [smith]\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    assert!(
        err.contains("actors.yaml:4:13: error: \"smith\" would name both Ann Smith and Bob Smith"),
        "{err}"
    );
}

/// URLs at the edges: no host after user info or before a port, backslashes for slashes, an
/// empty address in a mailto list, a `base_url` of just the scheme.
#[test]
fn urls_at_the_edges_are_judged_on_their_host() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/site.yaml"),
        "title: T\nbase_url: \"https://\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("content/events/u.yaml"),
        "id: u\ndate: 2025\ntitle: T\ntype: call\nsources:\n - url: HTTPS://EXAMPLE.ORG\n - url: \"https://user@/x\"\n - url: \"https://[::1]/x\"\n - url: \"https://:80/x\"\n - url: \"http:\\\\\\\\evil.example\"\n - url: \"mailto:a@b?subject=x\"\n - url: \"mailto:a@b,@c\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(": error:")).collect();
    for (at, what) in [
        ("site.yaml:2:11", "base_url: URL \"https://\" has no host"),
        ("u.yaml:7:9", "\"https://user@/x\" has no host"),
        ("u.yaml:9:9", "\"https://:80/x\" has no host"),
        ("u.yaml:10:9", "unsupported URL \"http:\\\\evil.example\""),
        ("u.yaml:12:9", "\"mailto:a@b,@c\" has no address"),
    ] {
        assert!(
            lines.iter().any(|l| l.contains(at) && l.contains(what)),
            "{at} {what}\n{err}"
        );
    }
    assert_eq!(lines.len(), 5, "{err}");
}

/// A named pipe or a directory where `site.yaml` should be: an error, not a build that waits
/// for ever on the pipe.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_directory_as_site_yaml_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    let config = dir.path().join("content/site.yaml");
    fs::remove_file(&config).unwrap();
    let fifo = Command::new("mkfifo").arg(&config).status();
    if !fifo.is_ok_and(|s| s.success()) {
        fs::create_dir(&config).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["check", "--root", s(dir.path())])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("check waits on a named pipe");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("site.yaml:1:1: error: not a regular file"),
        "{err}"
    );
}

/// Remote images in every Markdown spelling: reference style, inside a link, and raw HTML with
/// `srcset`; none is fetched.
#[test]
fn remote_images_in_any_spelling_are_not_fetched() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/refs.yaml"),
        "id: refs\ndate: 2025\ntitle: T\ntype: call\nsummary: |\n  ![ref][pixel] and [![nested](https://t.example/n.png)](https://example.org)\n  <img srcset=\"https://t.example/s.png 2x\" alt=\"s\"> <img src=\"  //t.example/w.png\">\n\n  [pixel]: https://t.example/r.png\n",
    )
    .unwrap();
    build(dir.path());
    let page = read(&dir.path().join("public/events/refs.html"));
    let doc = scraper::Html::parse_document(&page);
    let imgs = scraper::Selector::parse("img").unwrap();
    for img in doc.select(&imgs) {
        for attr in ["src", "srcset"] {
            let v = img.value().attr(attr).unwrap_or("");
            assert!(!v.contains("t.example"), "{attr}={v} in {page}");
        }
    }
    assert!(
        page.contains("https://t.example/r.png"),
        "kept as a link: {page}"
    );
}

/// A title of no-break spaces and a word joiner shows nothing: it is missing.
#[test]
fn a_title_of_no_break_spaces_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    fs::write(
        dir.path().join("content/events/nbsp.yaml"),
        "id: nbsp\ndate: 2025\ntitle: \"\u{a0}\u{a0}\u{2060}\"\ntype: call\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1);
    assert!(
        err.contains("nbsp.yaml:3:8: error: missing `title`"),
        "{err}"
    );
}

/// A directory too deep for the file system's path limit is reported at its path, not
/// skipped.
#[cfg(unix)]
#[test]
fn a_directory_too_deep_to_read_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path());
    // Built one level at a time from inside the last (a path this long cannot be used whole),
    // longer than the system's path limit.
    let segment = "d".repeat(200);
    let made = Command::new("sh")
        .args([
            "-c",
            "cd \"$0\" && i=0 && while [ $i -lt 30 ]; do mkdir \"$1\" && cd \"$1\" || exit 1; i=$((i+1)); done",
            s(&dir.path().join("content/events")),
            &segment,
        ])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: cannot make a directory tree deeper than the path limit here");
        return;
    }
    let (code, _, err) = run(&["check", "--root", s(dir.path())]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot read this directory"), "{err}");
    // Removed from the bottom up: the whole path is too long for one call.
    let _ = Command::new("rm")
        .args(["-rf", s(&dir.path().join("content/events").join(&segment))])
        .status();
}
