//! End-to-end tests in a real browser: builds the sample site, the browser fixture and (when
//! the data is there) the Office of the Historian travels with the real binary, then runs the
//! Node tests in `tests/browser/` against them in Debian's Chromium; one of them drives
//! `entente serve` on a copy of a fixture site.
//!
//! Needs `node`, Chromium and `tests/browser/node_modules` (`npm ci --prefix tests/browser`);
//! without them it prints why it skipped and passes, so `cargo test` works on a bare clone.
//! Run it alone with `cargo test --test suite browser:: -- --nocapture`.

use crate::common::{self, repo};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the browser tests cannot run here, if they cannot.
fn missing_prerequisite() -> Option<String> {
    let Ok(node) = Command::new("node").arg("--version").output() else {
        return Some("node is not installed".into());
    };
    // `node --test --test-concurrency` needs Node 20.10 or later.
    let version = String::from_utf8_lossy(&node.stdout);
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if !node.status.success() || major < 20 {
        return Some(format!("node {} is too old (20 or later)", version.trim()));
    }
    let chromium = std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/lib/chromium/chromium", "/usr/bin/chromium"].map(PathBuf::from))
        .any(|p| p.exists());
    if !chromium {
        return Some("Chromium is not installed (Debian: apt-get install chromium)".into());
    }
    for module in ["playwright-core", "axe-core"] {
        if !repo()
            .join("tests/browser/node_modules")
            .join(module)
            .is_dir()
        {
            return Some(format!(
                "tests/browser/node_modules/{module} is missing (run: npm ci --prefix tests/browser)"
            ));
        }
    }
    None
}

/// Builds `root` into `out` with the real binary.
fn build(root: &Path, out: &Path) {
    let result = common::entente(&[
        "build",
        "--root",
        root.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--quiet",
    ]);
    assert!(
        result.status.success(),
        "build of {} failed: {}",
        root.display(),
        String::from_utf8_lossy(&result.stderr)
    );
}

/// A site root in `dir` with `content` and the repository's own `static/` (style and script).
fn site_root(dir: &Path, content: &Path) -> PathBuf {
    let root = dir.join("site");
    common::copy_dir(content, &root.join("content"));
    common::copy_dir(&repo().join("static"), &root.join("static"));
    root
}

/// The shared synthetic-event generator, when `../shared/` is there.
fn generator() -> Option<PathBuf> {
    std::env::var_os("ENTENTE_GEN_EVENTS")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            PathBuf::from("/work/shared/bench/gen_events.py"),
            repo().join("../shared/bench/gen_events.py"),
        ])
        .find(|p| p.is_file())
}

/// The 50,000-event site of `gen_events.py --n 50000 --seed 1`, generated once into
/// `target/browser-scale/` (the generator is deterministic) and built fresh into `out`. The
/// generator's types `sanction` and `aid` are not engagements in our vocabulary: they become
/// `other`, as in `scripts/bench-build`.
fn scale_site(out: &Path) -> Option<PathBuf> {
    let generator = generator()?;
    let root = repo().join("target/browser-scale/site");
    let done = root.join(".complete");
    if !done.is_file() {
        let _ = fs::remove_dir_all(&root);
        let status = Command::new("python3")
            .arg(&generator)
            .args(["--n", "50000", "--seed", "1", "--out"])
            .arg(&root)
            .stdout(std::process::Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        let events = root.join("content/events");
        for entry in fs::read_dir(&events).expect("generated events") {
            let path = entry.expect("entry").path();
            let text = fs::read_to_string(&path).expect("generated event");
            if text.contains("type: sanction") || text.contains("type: aid") {
                let fixed = text
                    .replace("type: sanction\n", "type: other\n")
                    .replace("type: aid\n", "type: other\n");
                fs::write(&path, fixed).expect("write event");
            }
        }
        fs::write(
            root.join("content/site.yaml"),
            "title: Fifty thousand events\ndescription: Synthetic events from gen_events.py\nbase_url: https://example.org/\n",
        )
        .expect("site.yaml");
        fs::write(&done, "").expect("marker");
    }
    build(&root, out);
    Some(out.to_path_buf())
}

fn travels_data() -> Option<PathBuf> {
    [
        PathBuf::from("/work/shared/data/travels"),
        repo().join("../shared/data/travels"),
    ]
    .into_iter()
    .find(|p| p.join("secretary-travels.yaml").is_file())
}

#[test]
fn browser_end_to_end() {
    if let Some(why) = missing_prerequisite() {
        println!("skipped: browser tests: {why}");
        return;
    }
    let temp = tempfile::tempdir().expect("tempdir");

    let sample_out = temp.path().join("sample-public");
    let sample = site_root(&temp.path().join("sample"), &repo().join("content"));
    build(&sample, &sample_out);

    let fixture_out = temp.path().join("fixture-public");
    let fixture = site_root(
        &temp.path().join("fixture"),
        &common::fixture("browser/content"),
    );
    build(&fixture, &fixture_out);

    let mut travels_out = String::new();
    match travels_data() {
        Some(data) => {
            let root = temp.path().join("travels/site");
            let events = root.join("content/events");
            fs::create_dir_all(&events).expect("mkdir");
            fs::write(root.join("content/site.yaml"), "title: x\n").expect("site.yaml");
            for entry in fs::read_dir(&data).expect("read travels") {
                let path = entry.expect("entry").path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                // recent.yaml repeats the newest records of the other files (same ids).
                if name.ends_with(".yaml") && name != "recent.yaml" {
                    fs::copy(&path, events.join(name)).expect("copy travels");
                }
            }
            common::copy_dir(&repo().join("static"), &root.join("static"));
            let out = temp.path().join("travels-public");
            build(&root, &out);
            travels_out = out.to_string_lossy().into_owned();
        }
        None => println!("note: travels data not found; the large-data browser tests skip"),
    }

    let scale_out = match scale_site(&temp.path().join("scale-public")) {
        Some(out) => out.to_string_lossy().into_owned(),
        None => {
            println!("note: ../shared/bench/gen_events.py not found; the 50,000-event tests skip");
            String::new()
        }
    };

    // The sample with `home_country: US`, whose lists leave that country out.
    let home_out = temp.path().join("home-country-public");
    let home_root = site_root(&temp.path().join("home-country"), &repo().join("content"));
    let site_yaml = home_root.join("content/site.yaml");
    let mut yaml = fs::read_to_string(&site_yaml).expect("sample site.yaml");
    yaml.push_str("home_country: US\n");
    fs::write(&site_yaml, yaml).expect("write site.yaml");
    build(&home_root, &home_out);

    // Articles whose extracted events are published, for evidence in context.
    let articles_out = temp.path().join("articles-public");
    let articles_root = temp.path().join("articles");
    common::copy_dir(&common::fixture("sites/articles-site"), &articles_root);
    fs::write(
        articles_root.join("content/site.yaml"),
        "title: Articles\nunreviewed: publish\n",
    )
    .expect("site.yaml");
    build(&articles_root, &articles_out);

    // A site for `entente serve`, which the browser test edits while it is served.
    let serve_site = temp.path().join("serve");
    common::copy_dir(&common::fixture("sites/basic"), &serve_site);

    let screenshots = repo().join("target/screenshots");
    let status = Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/browser/"])
        .current_dir(repo())
        .env("ENTENTE_SAMPLE_SITE", &sample_out)
        .env("ENTENTE_FIXTURE_SITE", &fixture_out)
        .env("ENTENTE_TRAVELS_SITE", &travels_out)
        .env("ENTENTE_SCALE_SITE", &scale_out)
        .env("ENTENTE_SAMPLE_ROOT", &sample)
        .env("ENTENTE_HOME_COUNTRY_SITE", &home_out)
        .env("ENTENTE_ARTICLES_SITE", &articles_out)
        .env("ENTENTE_SCREENSHOTS", &screenshots)
        .env("ENTENTE_BIN", env!("CARGO_BIN_EXE_entente"))
        .env("ENTENTE_SERVE_SITE", &serve_site)
        .status()
        .expect("run node");
    assert!(status.success(), "browser tests failed (see output above)");
}
