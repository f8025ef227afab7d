//! Data-driven fixture sites: every folder under `tests/fixtures/sites/` must pass `check` and
//! build, and every folder under `tests/fixtures/invalid/` must fail with the diagnostics it
//! names. Each folder holds a site (`content/`, optional `static/`) and an `expect.yaml`; adding
//! a test is copying a folder and editing both. The format is in `tests/README.md`.
//!
//! One test per kind walks all its folders and reports every failing folder at once, so one
//! broken fixture does not hide another.

use crate::common::*;
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};

/// `sites/<name>/expect.yaml`: what `entente build` must write, as paths under `public/`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteExpect {
    #[serde(default)]
    files: Vec<FileExpect>,
    /// Files that must not be written.
    #[serde(default)]
    absent: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileExpect {
    path: String,
    /// Substrings that must appear.
    #[serde(default)]
    contains: Vec<String>,
    /// Substrings that must not appear.
    #[serde(default)]
    lacks: Vec<String>,
    /// Substrings whose first occurrences must come in this order.
    #[serde(default)]
    in_order: Vec<String>,
    /// The page's `data-event-id`s, exactly and in document order.
    event_ids: Option<Vec<String>>,
    /// How many `data-event-id`s the page has.
    event_count: Option<usize>,
    /// The whole file.
    equals: Option<String>,
}

/// `invalid/<name>/expect.yaml`: how `check` (and `build`) must fail.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InvalidExpect {
    exit_code: i32,
    /// The commands to run; each must fail the same way. `build` must also write nothing.
    #[serde(default = "check_and_build")]
    commands: Vec<String>,
    /// Lines (or parts of lines) that must appear on stderr; `{root}` is the site's directory.
    stderr: Vec<String>,
}

fn check_and_build() -> Vec<String> {
    vec!["check".into(), "build".into()]
}

/// The fixture folders of one kind, sorted so failures come in a stable order.
fn folders(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(fixture(kind))
        .unwrap_or_else(|e| panic!("read tests/fixtures/{kind}: {e}"))
        .map(|e| e.expect("read fixture entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        !dirs.is_empty(),
        "no fixture folders in tests/fixtures/{kind}"
    );
    dirs
}

fn load<T: for<'de> Deserialize<'de>>(folder: &Path) -> Result<T, String> {
    let path = folder.join("expect.yaml");
    let text = fs::read_to_string(&path).map_err(|e| format!("read {}: {e}", path.display()))?;
    serde_yaml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// `folder` as a path under `tests/fixtures/`.
fn relative(folder: &Path) -> String {
    let rel = folder.strip_prefix(fixture("")).expect("a fixture folder");
    rel.to_string_lossy().into_owned()
}

/// Runs `entente <command> --root <root>` and returns exit code and stderr.
fn run(command: &str, root: &Path) -> (Option<i32>, String) {
    let root = root.to_str().expect("utf-8 temp path");
    let out = entente(&[command, "--root", root]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code(), stderr)
}

/// Every failed expectation of one valid site, as messages.
fn check_site(folder: &Path) -> Vec<String> {
    let expect: SiteExpect = match load(folder) {
        Ok(e) => e,
        Err(e) => return vec![e],
    };
    let site = copy_fixture(&relative(folder));
    let mut failures = Vec::new();
    for command in ["check", "build"] {
        let (code, stderr) = run(command, site.path());
        if code != Some(0) {
            failures.push(format!("`{command}` exited with {code:?}:\n{stderr}"));
        }
    }
    if !failures.is_empty() {
        return failures;
    }
    let public = site.path().join("public");
    for file in &expect.files {
        let path = public.join(&file.path);
        match fs::read_to_string(&path) {
            Ok(text) => failures.extend(
                check_file(file, &text)
                    .into_iter()
                    .map(|f| format!("{}: {f}", file.path)),
            ),
            Err(e) => failures.push(format!("{}: not written ({e})", file.path)),
        }
    }
    for rel in &expect.absent {
        if public.join(rel).exists() {
            failures.push(format!("{rel}: written, but must not be"));
        }
    }
    failures
}

fn check_file(expect: &FileExpect, text: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for s in &expect.contains {
        if !text.contains(s.as_str()) {
            failures.push(format!("does not contain {s:?}"));
        }
    }
    for s in &expect.lacks {
        if text.contains(s.as_str()) {
            failures.push(format!("contains {s:?}"));
        }
    }
    let mut previous: Option<(&str, usize)> = None;
    for s in &expect.in_order {
        let Some(at) = text.find(s.as_str()) else {
            failures.push(format!("does not contain {s:?} (in_order)"));
            break;
        };
        if let Some((before, before_at)) = previous {
            if before_at >= at {
                failures.push(format!("{before:?} does not come before {s:?}"));
            }
        }
        previous = Some((s, at));
    }
    let ids = event_ids(text);
    if let Some(want) = &expect.event_ids {
        if &ids != want {
            failures.push(format!("event ids are {ids:?}, expected {want:?}"));
        }
    }
    if let Some(want) = expect.event_count {
        if ids.len() != want {
            failures.push(format!("{} events ({ids:?}), expected {want}", ids.len()));
        }
    }
    if let Some(want) = &expect.equals {
        if text != want {
            failures.push(format!("is {text:?}, expected {want:?}"));
        }
    }
    failures
}

/// Every failed expectation of one invalid site, as messages.
fn check_invalid(folder: &Path) -> Vec<String> {
    let expect: InvalidExpect = match load(folder) {
        Ok(e) => e,
        Err(e) => return vec![e],
    };
    let site = copy_fixture(&relative(folder));
    let root = site.path().display().to_string();
    let mut failures = Vec::new();
    for command in &expect.commands {
        let (code, stderr) = run(command, site.path());
        let mut problems = Vec::new();
        if code != Some(expect.exit_code) {
            problems.push(format!(
                "exited with {code:?}, expected {}",
                expect.exit_code
            ));
        }
        for line in &expect.stderr {
            let line = line.replace("{root}", &root);
            if !stderr.contains(&line) {
                problems.push(format!("did not print {line:?}"));
            }
        }
        if site.path().join("public").exists() {
            problems.push("wrote public/".into());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "`{command}` {}; its stderr:\n{stderr}",
                problems.join("; ")
            ));
        }
    }
    failures
}

/// Runs `check` over every folder of `kind` and fails with all the failures together.
fn walk(kind: &str, check: fn(&Path) -> Vec<String>) {
    let mut report = String::new();
    for folder in folders(kind) {
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        let failures = check(&folder);
        println!(
            "fixture {kind}/{name}: {}",
            if failures.is_empty() { "ok" } else { "FAILED" }
        );
        for f in failures {
            report.push_str(&format!("\ntests/fixtures/{kind}/{name}: {f}"));
        }
    }
    assert!(report.is_empty(), "fixture expectations not met:{report}");
}

#[test]
fn every_valid_fixture_site_builds_as_its_expect_yaml_says() {
    walk("sites", check_site);
}

#[test]
fn every_invalid_fixture_site_fails_as_its_expect_yaml_says() {
    walk("invalid", check_invalid);
}
