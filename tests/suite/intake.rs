//! Articles as people have them: saved web pages, feeds and unknown files in
//! `content/articles/`, `entente extract` on a page, and `entente init` (issue 14).

use crate::common::*;
use std::fs;
use std::path::Path;

/// The events of a built site, without what names the article they came from.
fn events(root: &Path) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&read(&root.join("public/events.json"))).expect("events.json");
    let mut events: Vec<serde_json::Value> = json
        .as_array()
        .expect("array")
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let map = e.as_object_mut().expect("object");
            for key in ["id", "sources", "url", "summary"] {
                map.remove(key);
            }
            e
        })
        .collect();
    events.sort_by_key(|e| e.to_string());
    events
}

#[test]
fn saved_pages_give_the_same_events_as_their_plain_text() {
    let pages = copy_site("saved-pages");
    let out = build(pages.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = copy_site("saved-pages");
    let articles = text.path().join("content/articles");
    fs::remove_dir_all(&articles).expect("remove pages");
    copy_dir(&fixture("articles/saved-pages-text"), &articles);
    let out = build(text.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (from_pages, from_text) = (events(pages.path()), events(text.path()));
    assert!(from_pages.len() >= 5, "{from_pages:#?}");
    assert_eq!(from_pages, from_text);
}

#[test]
fn extract_reads_a_saved_page_with_offsets_into_its_text() {
    let page = fixture("sites/saved-pages/content/articles/ap-us-india-call.html");
    let out = entente(&["extract", "--format", "json", page.to_str().expect("utf-8")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &events[0];
    assert_eq!(first["date"], "2024-11-18");
    assert!(first["evidence"]
        .as_str()
        .expect("evidence")
        .contains("spoke by phone"));
    // The page's text is the plain text's without its `date` line: the same evidence at the
    // same offsets, less that line's 19 bytes.
    let text = fixture("articles/saved-pages-text/ap-us-india-call.txt");
    let out = entente(&["extract", "--format", "json", text.to_str().expect("utf-8")]);
    let from_text: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(first["evidence"], from_text[0]["evidence"]);
    for key in ["evidence_start", "evidence_end"] {
        assert_eq!(
            first[key].as_u64().expect("offset") + "date 2024-11-18 84\n".len() as u64,
            from_text[0][key].as_u64().expect("offset")
        );
    }
    // The Windows-1252 page's curly apostrophe arrives as one.
    let all = String::from_utf8_lossy(&out.stdout);
    assert!(!all.contains('\u{fffd}'));
}

#[test]
fn unknown_files_in_articles_are_warned_about_with_their_path() {
    let site = copy_site("saved-pages");
    let articles = site.path().join("content/articles");
    fs::write(articles.join("photo.jpg"), [0xff, 0xd8, 0xff, 0xe0]).expect("jpg");
    fs::create_dir_all(articles.join("reports")).expect("dir");
    fs::write(articles.join("reports/annual.pdf"), b"%PDF-1.7\n").expect("pdf");
    fs::write(articles.join("sitemap.xml"), b"<urlset></urlset>").expect("xml");
    fs::write(articles.join(".DS_Store"), b"\0").expect("hidden");
    let out = entente(&["check", "-r", site.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for name in ["photo.jpg", "reports/annual.pdf", "sitemap.xml"] {
        let path = articles.join(name);
        assert!(
            stderr.contains(&format!("{}:1:1: warning:", path.display())),
            "{name}: {stderr}"
        );
    }
    assert!(!stderr.contains(".DS_Store"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("(3 warnings)"), "{stdout}");
}

#[test]
fn an_undated_page_is_reported_with_how_to_date_it() {
    let site = copy_site("saved-pages");
    fs::write(
        site.path().join("content/articles/undated.html"),
        "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>\
         <p>The two foreign ministers met on Tuesday and discussed trade between the two \
         countries.</p></article></body></html>",
    )
    .expect("write");
    let out = entente(&["check", "-r", site.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("undated.html:1:1: error: the page gives no date"),
        "{stderr}"
    );
    assert!(stderr.contains("article:published_time"), "{stderr}");
}

#[test]
fn init_makes_a_site_that_builds_and_opens_from_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("demo");
    let out = entente(&["init", site.to_str().expect("utf-8")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("entente serve"), "{stdout}");
    assert!(stdout.contains("entente build"), "{stdout}");
    for file in [
        "content/site.yaml",
        "content/events/example-event.yaml",
        "content/articles/example-article.md",
        "content/pages/about.md",
        "content/briefings/example-briefing.yaml",
        ".gitignore",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let out = build(&site);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = read(&site.join("public/index.html"));
    assert_eq!(
        event_ids(&index),
        vec!["2025-03-03-norway-chile-foreign-ministers"]
    );
    // Opens from disk: nothing links to the network or to the root of a server.
    assert!(!index.contains("src=\"/") && !index.contains("href=\"/"));
    assert!(site.join("public/articles/example-article.html").is_file());
    assert!(site.join("public/about.html").is_file());
    assert!(site
        .join("public/briefings/example-briefing.html")
        .is_file());

    // A directory that holds anything is refused and left as it was.
    let out = entente(&["init", site.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not empty"));
}
