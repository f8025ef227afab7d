//! Builds fixture sites into temporary directories and checks the pages produced.

mod common;
use common::*;
use std::fs;

#[test]
fn timeline_lists_events_chronologically_at_their_precision() {
    let site = copy_fixture("basic");
    build(site.path());
    let index = read(&site.path().join("public/index.html"));
    let ids = event_ids(&index);
    // Newest first on the home page (issue 15).
    assert_eq!(
        ids,
        [
            "2025-05-06-two-day-talks-in-kingston",
            "rubio-caribbean-meeting",
            "rubio-caribbean-tour",
            "1985-talks-with-the-u-s-s-r",
            "yugoslav-visit",
        ]
    );
    assert!(
        index.contains(">March 2025</time>"),
        "month precision shown as a month"
    );
    assert!(
        !index.contains("1 March 2025"),
        "a month-only date is never shown as the 1st"
    );
    assert!(
        index.contains(">6\u{2013}7 May 2025</time>"),
        "ranges are compact"
    );
    assert!(index.contains(">c. 1985</time>"), "approximate year marked");
    assert!(index.contains(">6 May 2025</time>"));
    // The year's page lists its events chronologically under month headings.
    let year = read(&site.path().join("public/years/2025.html"));
    assert_eq!(
        event_ids(&year),
        [
            "rubio-caribbean-tour",
            "rubio-caribbean-meeting",
            "2025-05-06-two-day-talks-in-kingston"
        ]
    );
    let march = year.find("id=\"m2025-03\"").unwrap();
    let may = year.find("id=\"m2025-05\"").unwrap();
    assert!(march < may);
    assert!(
        index.contains("href=\"years/1971.html\""),
        "the home page links every year"
    );
}

#[test]
fn every_event_has_a_page_and_taxonomies_list_the_right_events() {
    let site = copy_fixture("basic");
    build(site.path());
    let public = site.path().join("public");
    let meeting = read(&public.join("events/rubio-caribbean-meeting.html"));
    assert!(
        meeting.contains("<strong>seven</strong>"),
        "summary Markdown rendered"
    );
    assert!(
        meeting.contains("href=\"https://example.org/kuna\""),
        "sources linked"
    );
    assert!(
        meeting.contains("Eastern Caribbean"),
        "regions kept as regions"
    );
    assert!(meeting.contains("Bahamas"));

    let jamaica = read(&public.join("countries/jm.html"));
    // Taxonomy pages list newest first.
    assert_eq!(
        event_ids(&jamaica),
        [
            "2025-05-06-two-day-talks-in-kingston",
            "rubio-caribbean-tour"
        ]
    );
    let ussr = read(&public.join("countries/suhh.html"));
    assert_eq!(event_ids(&ussr), ["1985-talks-with-the-u-s-s-r"]);
    assert!(ussr.contains("historical state"));

    // "Sec. Rubio" is an alias of Marco Rubio from actors.yaml.
    let rubio = read(&public.join("actors/marco-rubio.html"));
    assert_eq!(
        event_ids(&rubio),
        ["rubio-caribbean-meeting", "rubio-caribbean-tour"]
    );
    assert!(rubio.contains("Secretary of State"));
    let tours = read(&public.join("types/tour.html"));
    assert_eq!(event_ids(&tours), ["rubio-caribbean-tour"]);
    let tag = read(&public.join("tags/caribbean.html"));
    assert_eq!(event_ids(&tag).len(), 2);
    let year = read(&public.join("years/1971.html"));
    assert_eq!(event_ids(&year), ["yugoslav-visit"]);

    let countries = read(&public.join("countries/index.html"));
    assert!(countries.contains("Jamaica</a> <span class=\"count\">2</span>"));
    let about = read(&public.join("about.html"));
    assert!(
        about.contains("<strong>tests</strong>"),
        "page Markdown rendered at its file-name slug"
    );
    assert!(public.join("404.html").exists());
    assert_eq!(
        read(&public.join("style.css")),
        "/* fixture */ body{}\n",
        "static/ copied"
    );
}

#[test]
fn exports_hold_every_event() {
    let site = copy_fixture("basic");
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
    let site = copy_fixture("basic");
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
    let site = copy_fixture("basic");
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
    let site = copy_fixture("hostile");
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
    let site = copy_fixture("basic");
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
    let site = copy_fixture("basic");
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
    let site = copy_fixture("basic");
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
        (docs.clone(), "holds files but no site"),
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
