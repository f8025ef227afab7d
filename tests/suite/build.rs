//! Builds fixture sites into temporary directories and checks the pages produced. What a page
//! must contain is best written in the site's `expect.yaml` (see `fixture_sites`); the tests
//! here check what that format cannot say: exports parsed, links walked, two builds compared.

use crate::common::*;
use std::fs;

#[test]
fn exports_hold_every_event() {
    let site = copy_site("basic");
    build(site.path());
    let public = site.path().join("public");
    let json: serde_json::Value = serde_json::from_str(&read(&public.join("events.json"))).unwrap();
    let events = json.as_array().unwrap();
    assert_eq!(events.len(), 5);
    let tour = events
        .iter()
        .find(|e| e["id"] == "rubio-caribbean-tour")
        .unwrap();
    assert_eq!(tour["date"], "2025-03");
    assert_eq!(tour["precision"], "month");
    assert_eq!(tour["countries"][1]["code"], "JM");
    // A source names its article only where it is one: no `"article":null`.
    let meeting = events
        .iter()
        .find(|e| e["id"] == "rubio-caribbean-meeting")
        .unwrap();
    assert_eq!(meeting["sources"][0]["title"], "KUNA dispatch");
    assert_eq!(meeting["sources"][0]["date"], "2025-05-07");
    assert!(meeting["sources"][0].get("article").is_none());

    let csv = read(&public.join("events.csv"));
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("id,date,end,precision"));
    assert_eq!(csv.lines().count(), 6);

    let ics = read(&public.join("events.ics"));
    assert!(ics.contains("UID:rubio-caribbean-meeting@entente"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20250506"));
    // A month-precision event spans its whole month; DTEND is exclusive.
    assert!(ics.contains("DTSTART;VALUE=DATE:20250301"));
    assert!(ics.contains("DTEND;VALUE=DATE:20250401"));

    let feed = read(&public.join("feed.atom"));
    assert!(feed.contains("https://example.org/sub/path/events/rubio-caribbean-meeting.html"));
    let sitemap = read(&public.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/sub/path/index.html</loc>"));
}

#[test]
fn pages_link_relatively_so_the_site_works_from_disk_and_sub_paths() {
    let site = copy_site("basic");
    build(site.path());
    let public = site.path().join("public");
    for rel in files_under(&public) {
        if rel.extension().is_some_and(|e| e == "html") {
            let html = read(&public.join(&rel));
            for attr in ["href=\"/", "src=\"/"] {
                assert!(
                    !html.contains(attr),
                    "{} has a root-absolute link",
                    rel.display()
                );
            }
            // No page may load anything from the network: only local scripts, styles, images.
            let doc = scraper::Html::parse_document(&html);
            for node in doc.tree.nodes() {
                let Some(el) = node.value().as_element() else {
                    continue;
                };
                let loads = match el.name() {
                    "script" | "img" | "iframe" | "source" => el.attr("src"),
                    // canonical and alternate links name addresses; these rels fetch them.
                    "link"
                        if matches!(
                            el.attr("rel"),
                            Some("stylesheet" | "icon" | "preload" | "modulepreload")
                        ) =>
                    {
                        el.attr("href")
                    }
                    _ => None,
                };
                if let Some(url) = loads {
                    assert!(
                        !url.contains("//"),
                        "{} loads {url} from the network",
                        rel.display()
                    );
                }
            }
        }
    }
    let event = read(&public.join("events/rubio-caribbean-meeting.html"));
    assert!(event.contains("href=\"../style.css\""));
    assert!(
        event.contains("href=\"../countries/jm.html\"")
            || event.contains("href=\"../countries/us.html\"")
    );
}

#[test]
fn same_content_builds_byte_identical_sites() {
    let site = copy_site("basic");
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for out in [a.path(), b.path()] {
        let o = entente(&[
            "build",
            "--root",
            site.path().to_str().unwrap(),
            "--out",
            out.join("site").to_str().unwrap(),
        ]);
        assert!(o.status.success());
    }
    let files = files_under(&a.path().join("site"));
    assert_eq!(files, files_under(&b.path().join("site")));
    assert!(files.len() > 20);
    for f in files {
        assert_eq!(
            fs::read(a.path().join("site").join(&f)).unwrap(),
            fs::read(b.path().join("site").join(&f)).unwrap(),
            "{} differs between builds",
            f.display()
        );
    }
}

#[test]
fn hostile_text_comes_out_inert() {
    let site = copy_site("hostile");
    build(site.path());
    let public = site.path().join("public");
    let mut pages = 0;
    for rel in files_under(&public) {
        if rel.extension().is_some_and(|e| e == "html") {
            assert_inert_html(&read(&public.join(&rel)), &rel.display().to_string());
            pages += 1;
        }
    }
    assert!(pages > 5);
    let event = read(&public.join("events/hostile-one.html"));
    assert!(
        event.contains("&#60;script&#62;alert("),
        "title escaped, not dropped"
    );
    let csv = read(&public.join("events.csv"));
    for record in csv.lines().skip(1) {
        for cell in record.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "formula cell in CSV: {cell}"
            );
        }
    }
    assert!(
        csv.contains("'+SUM(1+1)"),
        "formula cell neutralised, not dropped"
    );
}

#[test]
fn timings_name_every_stage_in_pipeline_order() {
    let site = copy_site("basic");
    let out = tempfile::tempdir().unwrap();
    let o = entente(&[
        "build",
        "--timings",
        "--root",
        site.path().to_str().unwrap(),
        "--out",
        out.path().join("site").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stages: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.trim_start().split_once(" s  ").map(|(_, s)| s))
        .collect();
    assert_eq!(
        stages,
        [
            "load",
            "extract",
            "merge",
            "render and write",
            "static files and swap"
        ],
        "{stdout}"
    );
}

#[test]
fn a_site_without_static_files_gets_the_built_in_style_and_script() {
    let site = copy_site("basic");
    fs::remove_dir_all(site.path().join("static")).unwrap();
    let out = build(site.path());
    assert!(out.status.success());
    let public = site.path().join("public");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static");
    for name in ["style.css", "entente.js"] {
        assert_eq!(
            fs::read(public.join(name)).unwrap(),
            fs::read(repo.join(name)).unwrap(),
            "{name} is the built-in one"
        );
    }

    // A file of the same name in static/ replaces the built-in one; the other stays.
    fs::create_dir(site.path().join("static")).unwrap();
    fs::write(site.path().join("static/entente.js"), "// mine\n").unwrap();
    assert!(build(site.path()).status.success());
    assert_eq!(read(&public.join("entente.js")), "// mine\n");
    assert_eq!(
        fs::read(public.join("style.css")).unwrap(),
        fs::read(repo.join("style.css")).unwrap()
    );
}

#[test]
fn an_output_that_is_not_a_site_directory_is_refused_and_left_alone() {
    let site = copy_site("basic");
    let root = site.path().to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "mine").unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("draft.md"), "keep me").unwrap();
    let built = dir.path().join("built");
    let mut cases = vec![
        (file.clone(), "is a file"),
        (docs.clone(), "not made by Entente"),
    ];
    #[cfg(unix)]
    {
        fs::create_dir(&built).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&built, &link).unwrap();
        cases.push((link, "is a symbolic link"));
    }
    for (out, why) in &cases {
        let o = entente(&["build", "--root", root, "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", out.display());
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(why), "{stderr}");
    }
    assert_eq!(read(&file), "mine");
    assert_eq!(read(&docs.join("draft.md")), "keep me");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("entente"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // An empty directory, and then the site it now holds, are fine.
    let fresh = dir.path().join("fresh");
    fs::create_dir(&fresh).unwrap();
    for _ in 0..2 {
        let o = entente(&["build", "--root", root, "--out", fresh.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert!(fresh.join("index.html").is_file());
}

/// The whole page of one event, so that any change to its markup is seen and approved in review
/// (`cargo insta review`). Nothing on it varies between builds or machines: the "as of" date
/// comes from site.yaml and links are relative.
#[test]
fn event_page_snapshot() {
    let site = copy_site("basic");
    build(site.path());
    let page = read(
        &site
            .path()
            .join("public/events/rubio-caribbean-meeting.html"),
    );
    insta::assert_snapshot!("basic_event_page", page);
}
