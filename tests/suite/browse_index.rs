//! The browser's index files (`index/*.js`, formats in `src/render/browse/`), decoded here
//! the way `static/entente.js` reads them and checked against `events.json`: the filter
//! columns of `events.js`, the rows of `rows-N.js` and the deflated `details-N.js`.

use crate::common::*;
use base64::Engine as _;
use serde_json::Value;
use std::io::Read as _;
use std::path::Path;

/// The data of an index file: the second element of its one `push([kind, data])`.
fn index_data(public: &Path, file: &str) -> Value {
    let js = read(&public.join("index").join(file));
    let json = js
        .strip_prefix("(window.EntenteIndex=window.EntenteIndex||[]).push(")
        .and_then(|rest| rest.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{file}: not one push(): {js:.200}"));
    // Record separators are written raw, which JSON does not allow.
    let json = json
        .replace('\u{1e}', "\\u001e")
        .replace('\u{1f}', "\\u001f");
    let value: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{file}: {e}"));
    value[1].clone()
}

/// The browser's slug of a title (`slugOf` in entente.js): NFD without the accents, lower
/// case, runs of anything but ASCII letters and digits as one `-`.
fn slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut out = String::new();
    for c in title.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Days since 1970-01-01 of the first (or, with `last`, the last) day of an ISO date at its
/// precision.
fn day(iso: &str, last: bool) -> i64 {
    let parts: Vec<u32> = iso.split('-').map(|p| p.parse().unwrap()).collect();
    let y = parts[0] as i32;
    let (m0, m1) = parts.get(1).map_or((1, 12), |&m| (m, m));
    let m = if last { m1 } else { m0 };
    let first = chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let date = match (parts.get(2), last) {
        (Some(&d), _) => first.with_day0(d - 1).unwrap(),
        (None, false) => first,
        (None, true) => first
            .checked_add_months(chrono::Months::new(1))
            .unwrap()
            .pred_opt()
            .unwrap(),
    };
    (date - chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days()
}

use chrono::Datelike as _;

#[test]
fn the_index_files_decode_to_the_events_of_events_json() {
    let site = copy_site("basic");
    build(site.path());
    let public = site.path().join("public");
    let json: Value = serde_json::from_str(&read(&public.join("events.json"))).unwrap();
    let events = json.as_array().unwrap();
    let n = events.len();

    let ev = index_data(&public, "events.js");
    assert_eq!(ev["n"].as_u64(), Some(n as u64));
    let version = ev["v"].as_str().unwrap().to_string();
    let cols = base64::engine::general_purpose::STANDARD
        .decode(ev["cols"].as_str().unwrap())
        .unwrap();
    // The arrays in the order and widths browse/mod.rs writes them, each at a multiple of 4.
    let mut at = 0usize;
    let mut take = |count: usize, width: usize| {
        let slice = cols[at..at + count * width].to_vec();
        at = (at + count * width).next_multiple_of(4);
        slice
    };
    let int = |b: &[u8], i: usize| i32::from_le_bytes(b[i * 4..i * 4 + 4].try_into().unwrap());
    let first = take(n, 4);
    let last = take(n, 4);
    let types = take(n, 1);
    let flags = take(n, 1);
    let counts: Vec<Vec<u8>> = (0..3).map(|_| take(n, 1)).collect();
    let names = ["countries", "people", "tags"].map(|k| ev[k].as_array().unwrap().clone());
    let lists: Vec<Vec<usize>> = (0..3)
        .map(|f| {
            let width = if names[f].len() <= 256 { 1 } else { 2 };
            let total: usize = counts[f].iter().map(|&c| c as usize).sum();
            take(total, width)
                .chunks(width)
                .map(|c| c.iter().rev().fold(0usize, |v, &b| v * 256 + b as usize))
                .collect()
        })
        .collect();
    assert_eq!(at, cols.len(), "nothing after the tags' positions");

    // Rows: part 0 holds the newest events; with five events, all of them.
    let rows = index_data(&public, "rows-0.js");
    assert_eq!(rows["v"].as_str(), Some(version.as_str()));
    assert_eq!(rows["from"].as_u64(), Some(0));
    let records: Vec<&str> = rows["rows"].as_str().unwrap().split('\u{1e}').collect();
    assert_eq!(records.len(), n + 1, "every record ends with U+001E");
    assert!(!public.join("index/rows-1.js").exists());

    let details = index_data(&public, "details-0.js");
    let z = base64::engine::general_purpose::STANDARD
        .decode(details["z"].as_str().unwrap())
        .unwrap();
    let mut text = String::new();
    flate2::read::DeflateDecoder::new(&z[..])
        .read_to_string(&mut text)
        .expect("raw deflate");
    let details: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(details.as_array().unwrap().len(), n);
    assert!(
        z.len() < text.len(),
        "deflated: {} to {}",
        text.len(),
        z.len()
    );

    let mut offsets = [0usize; 3];
    for i in 0..n {
        let f: Vec<&str> = records[i].split('\u{1f}').collect();
        let id = match f[0] {
            "" => slug(f[3]),
            x if x.starts_with('~') => {
                let digits = x[1..].bytes().take_while(u8::is_ascii_digit).count();
                let n: usize = x[1..1 + digits].parse().unwrap();
                format!("{}{}", &slug(f[3])[..n], &x[1 + digits..])
            }
            x => x.to_string(),
        };
        let e = events
            .iter()
            .find(|e| e["id"] == id.as_str())
            .unwrap_or_else(|| panic!("row {i}: id {id} not in events.json"));
        assert_eq!(f[1], e["date"].as_str().unwrap(), "{id}");
        assert_eq!(f[2], e["end"].as_str().unwrap_or(""), "{id}");
        assert_eq!(f[3], e["title"].as_str().unwrap(), "{id}");
        let date = e["date"].as_str().unwrap();
        assert_eq!(i64::from(int(&first, i)), day(date, false), "{id}");
        let end = e["end"].as_str().unwrap_or(date);
        assert_eq!(i64::from(int(&last, i)), day(end, true), "{id}");
        let kind = &ev["types"][types[i] as usize][0];
        assert_eq!(kind, &e["type"], "{id}");
        let precision = match e["precision"].as_str().unwrap() {
            "day" => 12,
            "month" => 4,
            _ => 0,
        };
        let approximate = u8::from(e["approximate"] == true);
        let unreviewed = u8::from(e["reviewed"] == false) << 1;
        assert_eq!(flags[i], precision | approximate | unreviewed, "{id}");
        let listed = |f: usize, offsets: &mut [usize; 3]| {
            let k = counts[f][i] as usize;
            let out: Vec<usize> = lists[f][offsets[f]..offsets[f] + k].to_vec();
            offsets[f] += k;
            out
        };
        let codes: Vec<&str> = listed(0, &mut offsets)
            .iter()
            .map(|&k| names[0][k][0].as_str().unwrap())
            .collect();
        let want: Vec<&str> = e["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, want, "{id}");
        let people: Vec<&str> = listed(1, &mut offsets)
            .iter()
            .map(|&k| names[1][k][1].as_str().unwrap())
            .collect();
        assert_eq!(people.len(), e["actors"].as_array().unwrap().len(), "{id}");
        let tags: Vec<&str> = listed(2, &mut offsets)
            .iter()
            .map(|&k| names[2][k][1].as_str().unwrap())
            .collect();
        assert_eq!(tags.len(), e["tags"].as_array().unwrap().len(), "{id}");

        let d = &details[i];
        assert_eq!(d[0], e["places"], "{id}: places");
        // People and tags as written, or 0 when they are the index's names listed above.
        let people = Value::from(people);
        let tags = Value::from(tags);
        let as_written =
            |d: &Value, listed: &Value| if d == 0 { listed.clone() } else { d.clone() };
        assert_eq!(
            as_written(&d[3], &people),
            e["actors"],
            "{id}: people as written"
        );
        assert_eq!(as_written(&d[4], &tags), e["tags"], "{id}: tags as written");
        // Sources: [title, publisher, url, article page, ISO date], "" for what is not given.
        let text = |v: &Value| v.as_str().unwrap_or("").to_string();
        let sources: Vec<[String; 4]> = d[2]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| [&s[0], &s[1], &s[2], &s[4]].map(text))
            .collect();
        let want: Vec<[String; 4]> = e["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| [&s["title"], &s["publisher"], &s["url"], &s["date"]].map(text))
            .collect();
        assert_eq!(sources, want, "{id}: sources");
    }
}
