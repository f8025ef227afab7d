//! `entente fetch` against a server on 127.0.0.1 started here (no internet in CI): pages,
//! redirects, failures of every kind, a wrongly declared charset, a feed with relative links,
//! skipping what is already saved, and nothing written outside `content/articles/`.

use crate::common::*;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server saw of each request: path, headers, when.
type Log = Arc<Mutex<Vec<(String, String, Instant)>>>;

fn page(headline: &str, date: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{headline} | Test Wire</title>\
         <meta property=\"og:site_name\" content=\"Test Wire\">\
         <meta property=\"article:published_time\" content=\"{date}T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>{headline}</h1>\
         <p>{body}</p><p>The talks covered trade and security, officials said.</p></article>\
         <footer>Copyright Test Wire</footer></body></html>"
    )
}

fn respond(mut stream: TcpStream, log: Log) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request).to_string();
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    log.lock()
        .expect("log")
        .push((path.clone(), request.clone(), Instant::now()));
    let ok = |ctype: &str, body: &[u8], extra: &str| {
        let mut r = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
             Date: Tue, 05 Nov 2024 12:00:00 GMT\r\n{extra}Connection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let redirect = |to: &str| {
        format!("HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes()
    };
    let response = match path.as_str() {
        "/page.html" => ok(
            "text/html; charset=utf-8",
            page(
                "Ministers meet in Lima",
                "2024-11-05",
                "LIMA, Nov. 5 (Test Wire) -- The foreign ministers of Chile and Peru met in Lima on Tuesday.",
            )
            .as_bytes(),
            "Set-Cookie: session=secret; Path=/\r\n",
        ),
        "/moved" => redirect("/page2.html"),
        "/page2.html" => ok(
            "text/html",
            page("Second story", "2024-11-06", "Officials of two countries met in a second story on Wednesday.").as_bytes(),
            "",
        ),
        "/loop" => redirect("/loop"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            ok("text/html", b"<p>late</p>", "")
        }
        "/big" => {
            // No length announced: the cap must hold while reading.
            let head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head);
            let chunk = vec![b'a'; 1024 * 1024];
            for _ in 0..11 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
            return;
        }
        "/latin1.html" => {
            // Declared UTF-8 by the server, written in Windows-1252.
            let text = page(
                "C\u{f4}te d\u{2019}Ivoire and Ghana hold talks",
                "2024-11-07",
                "The presidents of C\u{f4}te d\u{2019}Ivoire and Ghana met in Accra on Thursday.",
            );
            let bytes: Vec<u8> = text
                .chars()
                .map(|c| match c {
                    '\u{f4}' => 0xf4,
                    '\u{2019}' => 0x92,
                    c => c as u8,
                })
                .collect();
            ok("text/html; charset=utf-8", &bytes, "")
        }
        "/report.pdf" => ok("application/pdf", b"%PDF-1.7\n", ""),
        "/feed.xml" => ok(
            "application/rss+xml",
            br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Item with a page</title><link>/items/a.html</link><pubDate>Fri, 08 Nov 2024 09:00:00 GMT</pubDate></item>
<item><title>Item whose page is gone</title><link>items/b.html</link><pubDate>Sat, 09 Nov 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The prime ministers of Spain and Morocco met in Rabat on Saturday.&lt;/p&gt;</description></item>
<item><title>Old item</title><link>/items/old.html</link><pubDate>Mon, 07 Oct 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"#,
            "",
        ),
        "/items/a.html" => ok(
            "text/html",
            page("Item with a page", "2024-11-08", "The foreign ministers of Japan and Korea met in Seoul on Friday.").as_bytes(),
            "",
        ),
        _ => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response);
}

/// Starts the server; it serves until the test process ends.
fn serve() -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let log: Log = Arc::default();
    let server_log = Arc::clone(&log);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let log = Arc::clone(&server_log);
            std::thread::spawn(move || respond(stream, log));
        }
    });
    (base, log)
}

fn fetch(root: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
        .arg("fetch")
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_PROXY", "*")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .output()
        .expect("run entente fetch")
}

/// Every file of the site outside `content/articles/`, with its contents.
fn outside_articles(root: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    files_under(root)
        .into_iter()
        .filter(|p| !p.starts_with("content/articles"))
        .map(|p| {
            let bytes = std::fs::read(root.join(&p)).expect("read");
            (p, bytes)
        })
        .collect()
}

#[test]
fn fetch_saves_pages_reports_each_failure_and_skips_what_it_has() {
    let (base, log) = serve();
    let site = copy_site("minimal");
    let root = site.path();
    let before = outside_articles(root);
    let url = |p: &str| format!("{base}{p}");
    let urls: Vec<String> = [
        "/page.html",
        "/moved",
        "/loop",
        "/missing",
        "/slow",
        "/big",
        "/latin1.html",
        "/report.pdf",
        "ftp://127.0.0.1/x",
    ]
    .iter()
    .map(|p| {
        if p.starts_with('/') {
            url(p)
        } else {
            p.to_string()
        }
    })
    .collect();
    let mut args: Vec<&str> = vec!["--delay", "0", "--timeout", "1"];
    args.extend(urls.iter().map(String::as_str));
    let out = fetch(root, &args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for expected in [
        format!("{}: 404 Not Found", url("/missing")),
        format!("{}: more than 5 redirects", url("/loop")),
        format!("{}: timed out", url("/slow")),
        format!("{}: larger than 10 MB, not saved", url("/big")),
        format!("{}: not a web page (application/pdf)", url("/report.pdf")),
        "ftp://127.0.0.1/x: only http and https URLs are fetched".to_string(),
        "fetched 3, skipped 0 already saved, failed 6".to_string(),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    let articles = root.join("content/articles");
    let lima = read(&articles.join("2024-11-05-ministers-meet-in-lima.html"));
    assert!(lima.starts_with("<!-- saved by entente fetch\n"));
    assert!(lima.contains(&format!("source: {}", url("/page.html"))));
    let second = read(&articles.join("2024-11-06-second-story.html"));
    assert!(second.contains(&format!("source: {}", url("/moved"))));
    assert!(second.contains(&format!("final: {}", url("/page2.html"))));
    let names: Vec<String> = std::fs::read_dir(&articles)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let latin = read(&articles.join("2024-11-07-cote-d-ivoire-and-ghana-hold-talks.html"));
    assert!(latin.contains("C\u{f4}te d\u{2019}Ivoire"), "{latin}");

    // Polite: Entente names itself and never sends the cookie it was given.
    {
        let log = log.lock().expect("log");
        assert!(log
            .iter()
            .all(|(_, req, _)| req.to_ascii_lowercase().contains("user-agent: entente/")));
        assert!(log
            .iter()
            .all(|(_, req, _)| !req.to_ascii_lowercase().contains("cookie")));
    }

    // Again: what is saved is skipped, and nothing is asked of the server.
    let asked = log.lock().expect("log").len();
    let out = fetch(root, &["--delay", "0", &url("/page.html")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("fetched 0, skipped 1 already saved"));
    assert_eq!(log.lock().expect("log").len(), asked);
    // --refresh fetches it again into the same file.
    let out = fetch(root, &["--delay", "0", "--refresh", &url("/page.html")]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_dir(&articles).expect("dir").count(), 3);

    // The feed: relative links resolve against the feed's address, an item whose page is
    // gone keeps the feed's text, --since leaves the old item out, and requests to one host
    // are spaced by the delay.
    let started = log.lock().expect("log").len();
    let out = fetch(
        root,
        &[
            "--delay",
            "0.3",
            "--feed",
            &url("/feed.xml"),
            "--since",
            "2024-11-01",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("fetched 1, 1 kept from the feed"),
        "{stderr}"
    );
    assert!(articles.join("2024-11-08-item-with-a-page.html").is_file());
    let kept = read(&articles.join("2024-11-09-item-whose-page-is-gone.html"));
    assert!(kept.contains("Spain and Morocco"), "{kept}");
    let log = log.lock().expect("log");
    let feed_run = &log[started..];
    assert!(!feed_run.iter().any(|(p, _, _)| p == "/items/old.html"));
    assert!(feed_run.iter().any(|(p, _, _)| p == "/items/b.html"));
    for pair in feed_run.windows(2) {
        assert!(
            pair[1].2 - pair[0].2 >= Duration::from_millis(280),
            "{:?}",
            pair[1].0
        );
    }

    // Nothing but content/articles/ was touched, and the site builds with what was fetched.
    assert_eq!(outside_articles(root), before);
    build(root);
    assert!(root
        .join("public/articles/2024-11-05-ministers-meet-in-lima.html")
        .is_file());
}
