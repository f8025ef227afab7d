//! Tests of the output writer: refusals, the atomic swap, in-place updates and the lock.

use super::manifest::{read_manifest, KEEP};
use super::writer::{safe_relative, WriteOutcome};
use super::*;
use crate::model::{OutputFile, Sink};
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn f(p: &str, b: &str) -> OutputFile {
    OutputFile {
        path: p.into(),
        bytes: b.as_bytes().to_vec(),
    }
}

/// Writes `files` as the new contents of `out`.
fn write_site(out: &Path, files: &[OutputFile]) -> Result<WriteOutcome, WriteError> {
    let writer = SiteWriter::staged(out, false)?;
    files.par_iter().for_each(|f| writer.file(f.clone()));
    writer.finish(None)
}

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
    // Inside an input directory, existing or not.
    for inside in [
        "static/site",
        "content/articles/out",
        "templates/x",
        ".git/x",
    ] {
        let refusal = check_output_dir(r, &r.join(inside)).unwrap_err();
        assert!(
            matches!(refusal, Refusal::Inside { .. }),
            "{inside}: {refusal}"
        );
    }
}

#[test]
fn only_directories_entente_made_are_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("www");
    fs::create_dir_all(out.join("p")).unwrap();
    fs::write(out.join("index.html"), "<h1>hi</h1>").unwrap();
    fs::write(out.join("p/1.jpg"), "x").unwrap();
    let refusal = check_output_dir(dir.path(), &out).unwrap_err();
    assert!(matches!(refusal, Refusal::NotOurs { .. }), "{refusal}");
    // Emptied, it is fine, and once built it carries the manifest.
    fs::remove_dir_all(&out).unwrap();
    fs::create_dir(&out).unwrap();
    fs::write(out.join(KEEP), "").unwrap();
    check_output_dir(dir.path(), &out).unwrap();
    write_site(&out, &[f("index.html", "a"), f("d/b.html", "b")]).unwrap();
    assert!(out.join(MANIFEST).is_file());
    assert!(out.join(KEEP).is_file(), "the placeholder stays");
    check_output_dir(dir.path(), &out).unwrap();
    // Anything added afterwards stops the next build, and is named.
    fs::write(out.join("d/mine.txt"), "keep me").unwrap();
    fs::create_dir_all(out.join(".git/objects")).unwrap();
    let message = check_output_dir(dir.path(), &out).unwrap_err().to_string();
    assert!(
        message.contains(".git/") && message.contains("d/mine.txt"),
        "{message}"
    );
    assert!(message.contains("static/"), "{message}");
}

/// The manifest lists the files by directory (format 2); output directories built before
/// carry format 1, every path in full, pretty-printed, and a build still replaces them.
#[test]
fn manifests_of_both_formats_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_site(
        &out,
        &[f("index.html", "a"), f("d/b.html", "b"), f("d/e/c.js", "c")],
    )
    .unwrap();
    let written = fs::read_to_string(out.join(MANIFEST)).unwrap();
    assert!(
        written.contains("\"entente\":2")
            && written.contains("\n\"d\":[\"b.html\"]")
            && written.contains("\n\"d/e\":[\"c.js\"]"),
        "{written}"
    );
    let listed = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        read_manifest(&out).unwrap(),
        listed(&["index.html", "d/b.html", "d/e/c.js"])
    );
    fs::write(
        out.join(MANIFEST),
        "{\n  \"about\": \"x\",\n  \"entente\": 1,\n  \"files\": [\n    \"d/b.html\",\n    \"d/e/c.js\",\n    \"index.html\"\n  ]\n}\n",
    )
    .unwrap();
    assert_eq!(
        read_manifest(&out).unwrap(),
        listed(&["index.html", "d/b.html", "d/e/c.js"])
    );
    check_output_dir(dir.path(), &out).unwrap();
    // A version that does not match its list's shape is no manifest of ours.
    fs::write(
        out.join(MANIFEST),
        r#"{"entente": 2, "files": ["index.html"]}"#,
    )
    .unwrap();
    assert!(read_manifest(&out).is_none());
}

#[test]
fn a_swap_killed_between_its_renames_gets_the_old_site_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_site(&out, &[f("index.html", "first")]).unwrap();
    // As if killed right after `rename(out, old)`.
    fs::rename(&out, dir.path().join(".public.entente-old")).unwrap();
    assert!(recover_interrupted_swap(&out).unwrap());
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "first");
    // And a staged writer does the same before clearing old leftovers.
    fs::rename(&out, dir.path().join(".public.entente-old")).unwrap();
    let writer = SiteWriter::staged(&out, false).unwrap();
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "first");
    drop(writer);
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
    write_site(&out, &[f("a.html", "x"), f("d/b.html", "x")]).unwrap();
    write_site(&out, &[f("c.html", "x")]).unwrap();
    assert!(out.join("c.html").exists());
    assert!(!out.join("a.html").exists());
    assert!(!dir.path().join(".public.entente-staging").exists());
}

#[test]
fn two_files_on_one_path_fail_the_build_and_leave_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write_site(&out, &[f("index.html", "home")]).unwrap();
    let e = write_site(&out, &[f("index.html", "home"), f("index.html", "page")])
        .unwrap_err()
        .to_string();
    assert!(e.contains("index.html") && e.contains("two files"), "{e}");
    assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "home");
    assert!(!dir.path().join(".public.entente-staging").exists());
    // The manifest's own name is taken too.
    assert!(write_site(&out, &[f(MANIFEST, "x")]).is_err());
}

#[test]
fn in_place_writes_only_changes_and_removes_what_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let first = SiteWriter::staged(&out, true).unwrap();
    for file in [f("a.html", "a"), f("d/b.html", "b"), f("c.html", "c")] {
        first.file(file);
    }
    let manifest = first.finish(None).unwrap().manifest.unwrap();
    assert_eq!(manifest.len(), 3);

    let second = SiteWriter::in_place(&out, manifest).unwrap();
    second.file(f("a.html", "a"));
    second.file(f("c.html", "changed"));
    let outcome = second.finish(None).unwrap();
    assert_eq!((outcome.written, outcome.removed), (1, 1));
    assert_eq!(fs::read_to_string(out.join("c.html")).unwrap(), "changed");
    assert!(!out.join("d").exists(), "emptied directories go too");
    assert_eq!(outcome.manifest.unwrap().len(), 2);
    assert!(!dir.path().join(".public.entente-next").exists());
    // The manifest on disk lists the new site only.
    assert_eq!(
        read_manifest(&out).unwrap(),
        ["a.html", "c.html"].map(String::from).into_iter().collect()
    );
}

/// Issue 13, case 12: a rebuild that failed midway (a full disk) served a mix of old and
/// new pages and left temporary files in the site.
#[test]
fn a_failed_in_place_update_leaves_the_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let first = SiteWriter::staged(&out, true).unwrap();
    for file in [f("a.html", "a"), f("b.html", "b"), f("c.html", "c")] {
        first.file(file);
    }
    let manifest = first.finish(None).unwrap().manifest.unwrap();
    let before: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .collect();

    // Two pages change, then the write fails (an unsafe path stands in for a full disk).
    let second = SiteWriter::in_place(&out, manifest.clone()).unwrap();
    second.file(f("a.html", "new a"));
    second.file(f("b.html", "new b"));
    second.file(f("../escape.html", "x"));
    second.file(f("c.html", "new c"));
    assert!(second.finish(None).is_err());
    for (name, text) in [("a.html", "a"), ("b.html", "b"), ("c.html", "c")] {
        assert_eq!(fs::read_to_string(out.join(name)).unwrap(), text);
    }
    let after: Vec<PathBuf> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .collect();
    assert_eq!(before, after, "nothing added or left behind");
    assert!(!dir.path().join(".public.entente-next").exists());
    assert!(!dir.path().join("escape.html").exists());

    // The next update, with the same manifest, goes through.
    let third = SiteWriter::in_place(&out, manifest).unwrap();
    third.file(f("a.html", "new a"));
    third.file(f("b.html", "b"));
    third.file(f("c.html", "c"));
    third.finish(None).unwrap();
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "new a");
}

#[test]
fn one_writer_at_a_time_and_the_other_is_told_who() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let lock = OutputLock::acquire(&out, Duration::ZERO).unwrap();
    let lock_file = dir.path().join(".public.entente-lock");
    assert!(lock_file.is_file());
    let e = OutputLock::acquire(&out, Duration::from_millis(120))
        .err()
        .unwrap()
        .to_string();
    assert!(
        e.contains(&format!("another build is writing {}", out.display()))
            && e.contains(&format!("pid {}", std::process::id())),
        "{e}"
    );
    drop(lock);
    assert!(!lock_file.exists(), "released and removed");
    let again = OutputLock::acquire(&out, Duration::ZERO).unwrap();
    drop(again);
}

#[cfg(target_os = "linux")]
#[test]
fn mount_table_escapes_are_read() {
    use super::checks::{is_mount_point, listed_mount_point, unescape_mount};
    assert_eq!(unescape_mount(br"/a\040b\134c"), b"/a b\\c");
    assert_eq!(unescape_mount(br"/x\04"), br"/x\04");
    assert!(listed_mount_point(Path::new("/proc")));
    assert!(!is_mount_point(
        &std::env::temp_dir().join("surely-not-a-mount")
    ));
}
