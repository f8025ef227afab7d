//! Tests of reading saved pages: charsets, dates, the saved-from comment, the main text
//! and where each fact comes from.

use super::metadata::date_in;
use super::*;

#[test]
fn charsets_from_bom_meta_header_and_sniffing() {
    let cafe_1252 = b"<html><head><meta charset=\"windows-1252\"></head><p>Caf\xe9</p>";
    assert!(decode(cafe_1252, None).contains("Café"));
    let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>C\xf4te</p>";
    assert!(decode(http_equiv, None).contains("Côte"));
    let undeclared = b"<p>\x93Quoted\x94</p>";
    assert!(decode(undeclared, None).contains("\u{201c}Quoted\u{201d}"));
    let lying = b"<meta charset=\"utf-8\"><p>Caf\xe9</p>";
    assert!(decode(lying, None).contains("Café"));
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "<p>Caf\u{e9}</p>".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    assert_eq!(decode(&utf16, None), "<p>Café</p>");
    // The server's word beats the page's.
    assert!(decode(
        b"<meta charset=\"utf-8\"><p>\xc3\xa9</p>",
        Some("windows-1252")
    )
    .contains("Ã©"));
}

#[test]
fn dates_in_the_forms_pages_write_them() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
    assert_eq!(parse_day("2024-11-05T20:14:32+08:00"), d(2024, 11, 5));
    assert_eq!(parse_day("2024/11/05 20:14"), d(2024, 11, 5));
    assert_eq!(parse_day("Tue, 05 Nov 2024 12:00:00 GMT"), d(2024, 11, 5));
    assert_eq!(parse_day("November 5, 2024"), d(2024, 11, 5));
    assert_eq!(parse_day("5 Nov. 2024 10:32 GMT"), d(2024, 11, 5));
    assert_eq!(parse_day("yesterday"), None);
    assert_eq!(
        date_in("Published: 5 November 2024, 10:32 GMT"),
        d(2024, 11, 5)
    );
    assert_eq!(date_in("Press release | November 5, 2024"), d(2024, 11, 5));
    assert_eq!(date_in("Updated 2024-11-05T10:00"), d(2024, 11, 5));
    assert_eq!(date_in("5 min read"), None);
}

#[test]
fn saved_from_comment() {
    let html =
        "<!DOCTYPE html>\n<!-- saved from url=(0035)https://news.example.org/a/1.html -->\n<html>";
    assert_eq!(
        saved_from(html).as_deref(),
        Some("https://news.example.org/a/1.html")
    );
    assert_eq!(
        saved_from("<!-- saved from url=(0014)about:internet -->"),
        None
    );
}

#[test]
fn a_lone_dateline_joins_its_paragraph_and_furniture_before_the_lead_goes() {
    let html = r#"<html><head><title>Talks held - Example News</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
        <article><h1>Talks held</h1><div class="meta">Updated 5 November 2024</div>
        <p class="dateline">BEIJING, Nov. 5 (Xinhua) --</p>
        <p>Chinese and visiting officials held talks here on Tuesday on trade, investment and
        the two countries' cooperation in several fields, officials said.</p>
        <figure><img src="x.jpg"><figcaption>Photo taken on Nov. 4, 2024 shows the venue.</figcaption></figure>
        <p>Both sides agreed to meet again next year.<br>A joint statement followed.</p>
        </article>
        <section class="related-stories"><h2>Related</h2><ul><li><a href="/b">Other story about a visit that happened long ago in another year</a></li></ul></section>
        <footer>Copyright Example News</footer></body></html>"#;
    let page = read_page(html);
    assert_eq!(page.headline.as_deref(), Some("Talks held"));
    assert_eq!(page.publisher.as_deref(), Some("Example News"));
    assert_eq!(
        page.paragraphs,
        vec![
            "BEIJING, Nov. 5 (Xinhua) -- Chinese and visiting officials held talks here on \
             Tuesday on trade, investment and the two countries' cooperation in several \
             fields, officials said."
                .to_string(),
            "Both sides agreed to meet again next year.".to_string(),
            "A joint statement followed.".to_string(),
        ]
    );
}

#[test]
fn json_ld_wins_then_meta_then_open_graph() {
    let html = r#"<html><head>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2024-11-05T09:00:00-05:00",
           "publisher":{"@type":"Organization","name":"LD Publisher"},
           "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}]}]}</script>
        <meta property="article:published_time" content="2024-11-04T09:00:00Z">
        <meta property="og:title" content="OG headline | OG Site">
        <meta property="og:site_name" content="OG Site">
        <meta property="og:url" content="https://og.example.org/story">
        <link rel="canonical" href="/news/story-1">
        </head><body><p>Nothing here.</p></body></html>"#;
    let page = read_page(html);
    assert_eq!(page.headline.as_deref(), Some("LD headline"));
    assert_eq!(page.publisher.as_deref(), Some("LD Publisher"));
    assert_eq!(page.author.as_deref(), Some("A. Writer and B. Writer"));
    assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 11, 5));
    // A relative canonical link with nothing to resolve it against is no URL.
    assert_eq!(page.url.as_deref(), Some("https://og.example.org/story"));

    let og_only = r#"<html><head><meta property="og:title" content="OG headline | OG Site">
        <meta property="og:site_name" content="OG Site"></head><body>
        <header><time datetime="2030-01-01">Today</time></header>
        <article><time datetime="2024-11-03T22:00:00+00:00">3 Nov</time></article></body></html>"#;
    let page = read_page(og_only);
    assert_eq!(page.headline.as_deref(), Some("OG headline"));
    assert_eq!(page.publisher.as_deref(), Some("OG Site"));
    assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 11, 3));
}
