//! Helpers shared by every area of the suite: run the real binary, copy fixtures, read output.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root (`Cargo.toml`, `content/`, `static/`, `tests/`).
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/fixtures/`, e.g. `fixture("articles/x.txt")`.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    repo().join("tests/fixtures").join(rel)
}

/// Copies the site `tests/fixtures/sites/<name>` (one that must build) into a fresh temporary
/// directory, so tests never write into the repository.
pub(crate) fn copy_site(name: &str) -> tempfile::TempDir {
    copy_fixture(&format!("sites/{name}"))
}

/// Copies the site `tests/fixtures/invalid/<name>` (one that must fail `check` and `build`)
/// into a fresh temporary directory.
pub(crate) fn copy_invalid(name: &str) -> tempfile::TempDir {
    copy_fixture(&format!("invalid/{name}"))
}

/// Copies any folder under `tests/fixtures/` into a fresh temporary directory, leaving out a
/// fixture site's `expect.yaml` so the copy is the site alone.
pub(crate) fn copy_fixture(rel: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(rel), dir.path());
    let expect = dir.path().join("expect.yaml");
    if expect.is_file() {
        fs::remove_file(&expect).expect("remove the copied expect.yaml");
    }
    dir
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub(crate) fn entente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .output()
        .expect("run entente")
}

/// Runs `entente` in `dir` with colour off whatever the environment says, for output that a
/// snapshot compares whole.
pub(crate) fn entente_plain(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run entente")
}

/// Exit code, stdout and stderr as one text for a snapshot, with the temporary `root` written
/// as `[ROOT]` so the snapshot is the same on every machine.
pub(crate) fn transcript(out: &Output, root: &Path) -> String {
    let root = root.display().to_string();
    format!(
        "exit code: {}\n--- stdout\n{}--- stderr\n{}",
        out.status
            .code()
            .map_or("none (killed by a signal)".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout).replace(&root, "[ROOT]"),
        String::from_utf8_lossy(&out.stderr).replace(&root, "[ROOT]"),
    )
}

pub(crate) fn build(root: &Path) -> Output {
    let out = entente(&["build", "--root", root.to_str().unwrap(), "--quiet"]);
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub(crate) fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The `data-event-id` values in a page, in document order.
pub(crate) fn event_ids(html: &str) -> Vec<String> {
    html.split("data-event-id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or("").to_string())
        .collect()
}

/// All files under a directory, relative paths sorted.
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    files.sort();
    files
}

/// Fails if the page could run script: script elements other than our own local files or
/// JSON data, event-handler attributes, `javascript:`/`data:` URLs, or embedded frames.
pub(crate) fn assert_inert_html(html: &str, name: &str) {
    let doc = scraper::Html::parse_document(html);
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let tag = el.name();
        assert!(
            !matches!(tag, "iframe" | "object" | "embed" | "frame"),
            "{name}: <{tag}> present"
        );
        if tag == "script" {
            let local_src = el
                .attr("src")
                .is_some_and(|s| !s.contains(':') && s.ends_with(".js"));
            let json = el.attr("type") == Some("application/json");
            assert!(
                local_src || json,
                "{name}: inline or foreign <script> present: {:?}",
                el
            );
        }
        for (attr, value) in el.attrs() {
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "{name}: <{tag} {attr}=...> present"
            );
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) {
                let v: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:")
                        && !v.starts_with("data:")
                        && !v.starts_with("vbscript:"),
                    "{name}: {attr}={value}"
                );
            }
        }
    }
}
