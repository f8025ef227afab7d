//! The browser's index: what the timeline's filters and search read, written once as
//! JavaScript files (`index/events.js`, `index/rows-N.js`, `index/text.js`,
//! `index/details-N.js`) that a page loads with `<script src>` only when a filter, a search or
//! an export first needs them. Plain `<script src>` works from `file://`, where `fetch` does not.
//!
//! Each file calls `(window.EntenteIndex = window.EntenteIndex || []).push([kind, data])`, so
//! it can load before or after `entente.js`, which reads the queue.
//!
//! `events.js` is what the first filter needs and no more, as small and as cheap to read as
//! we could make it: the taxonomies (countries, UN regions with their members, people with
//! their aliases, tags, types), `rowsPer` (events per `rows-N.js`) and `cols`, the filter
//! columns of every event in the site's chronological order, as little-endian arrays in base64
//! that the browser views in place as typed arrays instead of parsing them:
//!
//! | array | content |
//! |---|---|
//! | `i32` x n | first day covered, in days since 1970-01-01 |
//! | `i32` x n | last day covered |
//! | `u8` x n | type: its position in `types` |
//! | `u8` x n | flags: 1 approximate, 2 unreviewed, 4 the start has a month, 8 it has a day |
//! | `u8` x n, three times | how many countries, people and tags the event lists (at most 255) |
//! | three lists | those countries', people's and tags' positions in their lists, 1, 2 or 4 bytes each (the fewest that hold the list's length) |
//!
//! Every array starts at a multiple of four bytes. At 50,000 generated events this is 1.4 MB,
//! against 6.3 MB when it also held the titles: loading and reading it took most of a first
//! filter change's 220 ms.
//!
//! `rows-N.js` holds what a drawn row shows beyond the columns: for `ROWS_SHARD` events, from
//! the newest back (part 0 holds the newest, so the browser asks for it beside `events.js`,
//! before it knows how many events there are), `from` (the first event's position) and
//! `rows`, one record per event. Records end with U+001E and fields with U+001F, written as
//! they are inside the string (a string without escapes is read about twice as fast):
//!
//! | field | content |
//! |---|---|
//! | 0 | id: empty when it is the slug of the title, `~N` and the rest of the id when it starts with the first N characters of that slug (`~57`, `~43-2`; the rest never starts with a digit), else the id |
//! | 1, 2 | start and end (ISO at their precision; end may be empty) |
//! | 3 | title |
//!
//! `details-N.js` holds, for events `N * 1000` to `N * 1000 + 999`, what exports and briefings
//! made in the browser need beyond the rows and the columns (places, plain-text summary,
//! sources, and people and tags where the event spells them otherwise than the index; nothing
//! the browser can make from what it has, such as a source's date in words): a JSON array
//! deflated (raw deflate, which the browser's
//! `DecompressionStream` inflates) and in base64, as `z`. Deflate takes the generator's text
//! to a fifth; these files were 100 MB of the 50,000-event site's 902 MB.
//!
//! `text.js` is an inverted index for the free-text search: every word of the titles,
//! summaries, people, places and country names (lower case, split at anything that is not a
//! letter or digit; words end with U+001E), and the events it occurs in. A word's events are
//! written as gaps between event numbers in a base-32 variable-length code, or, where that is
//! longer, as a bitmap of all events; both use the 64 characters `0-9A-Za-z-_`, and the codes
//! are separated by spaces. The browser folds the words (diacritics removed) when it reads
//! them, so search folds words exactly as it folds queries.

use super::views::EventView;
use crate::model::{slug::slugify, urls, Country, Gazetteer, OutputFile, Site, SiteIndex, Term};
use base64::Engine as _;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

mod text;
use text::{text_data, Fnv};

/// The index files and the version the home page names them by.
pub(crate) struct BrowseIndex {
    pub(crate) files: Vec<OutputFile>,
    /// A hash of the index: the home page asks for `index/events.js?v=...`, so a browser never
    /// pairs a cached index with a newer page, and the two files can check they belong together.
    pub(crate) version: String,
}

/// Writes `index/events.js` and `index/text.js` for the site's events.
pub(crate) fn render(site: &Site, views: &[EventView]) -> BrowseIndex {
    let ((events, text), (rows, shards)) = rayon::join(
        || rayon::join(|| events_data(site), || text_data(site, views)),
        || {
            let n = site.events.len();
            let rows = site
                .events
                .par_rchunks(ROWS_SHARD)
                .enumerate()
                .map(|(k, events)| rows_data(n - k * ROWS_SHARD - events.len(), events))
                .collect::<Vec<String>>();
            // The browser asks for part 0 before it knows there are no events.
            let rows = if rows.is_empty() {
                vec![rows_data(0, &[])]
            } else {
                rows
            };
            let known = Known::of(&site.index);
            let shards = site
                .events
                .par_chunks(DETAILS_SHARD)
                .zip(views.par_chunks(DETAILS_SHARD))
                .enumerate()
                .map(|(k, (events, views))| details_data(k, events, views, &known))
                .collect::<Vec<String>>();
            (rows, shards)
        },
    );
    let version = {
        let mut h = Fnv::default();
        events.hash(&mut h);
        text.hash(&mut h);
        rows.hash(&mut h);
        shards.hash(&mut h);
        format!("{:x}", h.finish())
    };
    let file = |path: &str, kind: &str, data: String| {
        OutputFile {
        path: path.into(),
        bytes: format!(
            "(window.EntenteIndex=window.EntenteIndex||[]).push([\"{kind}\",{{\"v\":\"{version}\",{data}}}]);\n"
        )
        .into_bytes(),
    }
    };
    let mut files = vec![
        file(urls::INDEX_EVENTS, "events", events),
        file(urls::INDEX_TEXT, "text", text),
    ];
    for (k, data) in rows.into_iter().enumerate() {
        files.push(file(&urls::index_rows(k), &format!("rows-{k}"), data));
    }
    for (k, data) in shards.into_iter().enumerate() {
        files.push(file(&urls::index_details(k), &format!("details-{k}"), data));
    }
    BrowseIndex { files, version }
}

/// Events per `index/rows-N.js` file (5,000 rows are about 500 KB). Part 0 holds the newest
/// events, so the browser can start loading it with `events.js`, before it knows how many
/// events there are: a view opens at its newest events, and most views' are in part 0.
pub(crate) const ROWS_SHARD: usize = 5000;

/// Events per `index/details-N.js` file: an export of a few events loads a few files.
pub(crate) const DETAILS_SHARD: usize = 1000;

/// The `details-N.js` data: for each event of the shard, what exports and briefings made in
/// the browser need beyond `events.js` and `rows-N.js`: places, the summary as plain text (as
/// in `events.csv`), the sources `[title, publisher, url, article page, ISO date]` (the
/// browser words the date as the pages do, `humanPart` in entente.js), and the people and
/// tags as the event writes them, or `0` for either when they are the names `events.js`
/// lists for the event (the index's spelling, in the same order): a JSON array of one array
/// per event, deflated, in base64, as `z`.
fn details_data(
    k: usize,
    events: &[crate::model::Event],
    views: &[EventView],
    known: &Known,
) -> String {
    let mut data = String::with_capacity(events.len() * 2048);
    data.push('[');
    for (i, (e, v)) in events.iter().zip(views).enumerate() {
        if i > 0 {
            data.push(',');
        }
        data.push_str("[[");
        push_strings(&mut data, &e.places);
        data.push_str("],");
        data.push_str(&js_string(&v.plain_summary));
        data.push_str(",[");
        for (j, (src, sv)) in e.sources.iter().zip(&v.sources).enumerate() {
            if j > 0 {
                data.push(',');
            }
            let _ = write!(
                data,
                "[{},{},{},{},{}]",
                js_string(&src.title),
                js_string(src.publisher.as_deref().unwrap_or("")),
                js_string(src.url.as_deref().unwrap_or("")),
                js_string(&sv.article_href),
                js_string(&src.date.map(|d| d.iso()).unwrap_or_default()),
            );
        }
        data.push(']');
        for (written, terms, positions) in [
            (&e.actors, known.people, &known.person_ids),
            (&e.tags, known.tags, &known.tag_ids),
        ] {
            if as_listed(written, terms, positions) {
                data.push_str(",0");
            } else {
                data.push_str(",[");
                push_strings(&mut data, written);
                data.push(']');
            }
        }
        data.push(']');
    }
    data.push(']');
    format!(
        "\"from\":{},\"z\":\"{}\"",
        k * DETAILS_SHARD,
        base64::engine::general_purpose::STANDARD.encode(deflate(data.as_bytes()))
    )
}

/// The people and tags `events.js` lists, with their positions by slug.
struct Known<'a> {
    people: &'a [Term],
    person_ids: HashMap<String, usize>,
    tags: &'a [Term],
    tag_ids: HashMap<String, usize>,
}

impl<'a> Known<'a> {
    fn of(index: &'a SiteIndex) -> Self {
        Known {
            people: &index.actors,
            person_ids: term_positions(&index.actors),
            tags: &index.tags,
            tag_ids: term_positions(&index.tags),
        }
    }
}

/// Whether the names `events.js` lists for an event (`terms` at the positions of the written
/// names' slugs, in order, at most [`MAX_LISTED`]) are exactly the names as written.
fn as_listed(written: &[String], terms: &[Term], positions: &HashMap<String, usize>) -> bool {
    written.len() <= MAX_LISTED
        && written.iter().all(|name| {
            positions
                .get(&slugify(name))
                .is_some_and(|&k| terms[k].label == *name)
        })
}

/// Raw deflate (no zlib or gzip header: the browser's `DecompressionStream("deflate-raw")`
/// reads it) at level 4: on a 2 MB shard of generator text, 421 KB in 21 ms, where the
/// default level 6 gives 396 KB in 40 ms and level 9 393 KB in 63 ms (zlib-rs, this machine).
fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut z = flate2::write::DeflateEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::new(4),
    );
    // Writing to a Vec cannot fail.
    let _ = z.write_all(bytes);
    z.finish().unwrap_or_default()
}

/// Strings as JSON, comma-separated.
fn push_strings(data: &mut String, list: &[String]) {
    for (j, x) in list.iter().enumerate() {
        if j > 0 {
            data.push(',');
        }
        data.push_str(&js_string(x));
    }
}

/// Ends a field of a record.
const FIELD: char = '\u{1f}';
/// Ends a record.
const RECORD: char = '\u{1e}';

/// A JSON string literal, which is also a JavaScript one.
fn js_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// A JavaScript string literal escaping only what must be (backslash, quote, line
/// terminators), so the separators stay single characters. Not JSON: JSON would escape them.
fn js_raw_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The slug the browser makes of a title, `slugOf` in entente.js: the title in NFD without the
/// combining accents U+0300-U+036F, lower case, runs of anything but ASCII letters and digits
/// as one `-`, none at either end. `None` for a title with characters outside ASCII, the Latin
/// blocks and general punctuation, where a browser's Unicode tables might not be ours. (What
/// this returns is only compared with the id: an id the browser would not make is written.)
fn browser_slug(title: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization as _;
    const ACCENTS: std::ops::RangeInclusive<char> = '\u{300}'..='\u{36f}';
    let mut slug = String::with_capacity(title.len());
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    };
    if title.is_ascii() {
        title.chars().for_each(&mut push);
    } else {
        let latin = |c: char| {
            c.is_ascii()
                || matches!(c, '\u{a0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2000}'..='\u{206f}')
                || ACCENTS.contains(&c)
        };
        if !title.chars().all(latin) {
            return None;
        }
        title
            .nfd()
            .filter(|c| !ACCENTS.contains(c))
            .for_each(&mut push);
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    Some(slug)
}

/// Field 0 of an event line: the id, or how to make it from the title: empty when it is the
/// title's slug, `~N` and the rest when it is the slug's first N characters and then the rest
/// (`~N` alone, or `~N-2` for the second event of that slug). The rest never starts with a
/// digit, which would read as part of N.
fn id_field(id: &str, title: &str) -> String {
    let Some(s) = browser_slug(title) else {
        return id.to_string();
    };
    if s == id {
        return String::new();
    }
    // Slugs and ids are ASCII: bytes are characters.
    let mut n = s
        .bytes()
        .zip(id.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while n > 0 && id.as_bytes().get(n).is_some_and(u8::is_ascii_digit) {
        n -= 1;
    }
    let field = format!("~{n}{}", &id[n..]);
    if n > 0 && field.len() < id.len() {
        field
    } else {
        id.to_string()
    }
}

/// Text without the characters that separate fields and records, nor line breaks.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    const BAD: [char; 6] = [FIELD, RECORD, '\n', '\r', '\u{2028}', '\u{2029}'];
    if text.contains(BAD) {
        text.replace(BAD, " ").into()
    } else {
        text.into()
    }
}

/// The `events.js` data (without the version): taxonomies and one line per event.
fn events_data(site: &Site) -> String {
    let index = &site.index;
    let mut data = String::with_capacity(site.events.len() * 24 + 64 * 1024);
    let _ = write!(
        data,
        "\"n\":{},\"home\":{},\"types\":[",
        site.events.len(),
        js_string(
            site.config
                .home_country
                .as_ref()
                .map_or("", |c| c.code.as_str())
        )
    );
    for (i, k) in crate::model::EventType::ALL.iter().enumerate() {
        if i > 0 {
            data.push(',');
        }
        let _ = write!(
            data,
            "[{},{},{}]",
            js_string(k.as_str()),
            js_string(k.label()),
            js_string(k.plural())
        );
    }
    data.push_str("],\"countries\":[");
    for (i, (c, _)) in index.countries.iter().enumerate() {
        if i > 0 {
            data.push(',');
        }
        let kind = match c.kind {
            crate::model::CountryKind::State => "s",
            crate::model::CountryKind::Historical => "h",
            crate::model::CountryKind::Region => "r",
        };
        let _ = write!(
            data,
            "[{},{},\"{kind}\"]",
            js_string(&c.code),
            js_string(&c.name)
        );
    }
    data.push_str("],\"regions\":[");
    for (k, (region, members)) in regions(index).iter().enumerate() {
        if k > 0 {
            data.push(',');
        }
        let _ = write!(
            data,
            "[{},{},[",
            js_string(&region.code),
            js_string(&region.name)
        );
        for (j, m) in members.iter().enumerate() {
            if j > 0 {
                data.push(',');
            }
            let _ = write!(data, "{m}");
        }
        data.push_str("]]");
    }
    data.push_str("],\"people\":[");
    let aliases: HashMap<String, &[String]> = site
        .actors
        .iter()
        .map(|a| (slugify(&a.name), a.aliases.as_slice()))
        .collect();
    for (i, t) in index.actors.iter().enumerate() {
        if i > 0 {
            data.push(',');
        }
        let slug = slugify(&t.label);
        let _ = write!(data, "[{},{}", js_string(&slug), js_string(&t.label));
        for alias in aliases.get(&slug).copied().unwrap_or_default() {
            let _ = write!(data, ",{}", js_string(alias));
        }
        data.push(']');
    }
    data.push_str("],\"tags\":[");
    for (i, t) in index.tags.iter().enumerate() {
        if i > 0 {
            data.push(',');
        }
        let _ = write!(
            data,
            "[{},{}]",
            js_string(&slugify(&t.label)),
            js_string(&t.label)
        );
    }
    let _ = write!(
        data,
        "],\"rowsPer\":{ROWS_SHARD},\"cols\":\"{}\"",
        base64::engine::general_purpose::STANDARD.encode(event_columns(site))
    );
    data
}

/// Bytes per position in a list of `len` names: 1, 2 or 4, the fewest that hold `len - 1`.
fn id_width(len: usize) -> usize {
    if len <= 1 << 8 {
        1
    } else if len <= 1 << 16 {
        2
    } else {
        4
    }
}

/// Names one event can list in one column; more are left out of the filter (not of its page).
const MAX_LISTED: usize = 255;

/// The filter columns of every event, in the site's order, as little-endian arrays that the
/// browser views in place (no loop over the bytes): first days, last days (`i32` each, days
/// since 1970-01-01), types, flags, then the counts of countries, people and tags (`u8` each),
/// then the three lists of positions, each [`id_width`] bytes a position. Every array starts
/// at a multiple of four bytes.
fn event_columns(site: &Site) -> Vec<u8> {
    let index = &site.index;
    let country_ids = country_positions(index);
    let person_ids = term_positions(&index.actors);
    let tag_ids = term_positions(&index.tags);
    let type_ids = |k: crate::model::EventType| {
        crate::model::EventType::ALL
            .iter()
            .position(|t| *t == k)
            .unwrap_or(0) as u8
    };
    let events = &site.events;
    let listed = |ids: &dyn Fn(&crate::model::Event) -> Vec<Option<usize>>| -> Vec<Vec<usize>> {
        let each = |e| ids(e).into_iter().flatten().take(MAX_LISTED).collect();
        events.iter().map(each).collect()
    };
    let lists = [
        listed(&|e| {
            e.countries
                .iter()
                .map(|c| country_ids.get(c.code.as_str()).copied())
                .collect()
        }),
        listed(&|e| {
            e.actors
                .iter()
                .map(|a| person_ids.get(&slugify(a)).copied())
                .collect()
        }),
        listed(&|e| {
            e.tags
                .iter()
                .map(|t| tag_ids.get(&slugify(t)).copied())
                .collect()
        }),
    ];
    let widths = [
        id_width(index.countries.len()),
        id_width(index.actors.len()),
        id_width(index.tags.len()),
    ];
    let mut out = Vec::with_capacity(events.len() * 24);
    let pad = |out: &mut Vec<u8>| out.resize(out.len().next_multiple_of(4), 0);
    for e in events {
        out.extend_from_slice(&(days(e.date.first_day()) as i32).to_le_bytes());
    }
    for e in events {
        out.extend_from_slice(&(days(e.date.last_day()) as i32).to_le_bytes());
    }
    out.extend(events.iter().map(|e| type_ids(e.kind)));
    pad(&mut out);
    out.extend(events.iter().map(flags));
    pad(&mut out);
    for list in &lists {
        out.extend(list.iter().map(|ids| ids.len() as u8));
        pad(&mut out);
    }
    for (list, width) in lists.iter().zip(widths) {
        for &id in list.iter().flatten() {
            out.extend_from_slice(&(id as u32).to_le_bytes()[..width]);
        }
        pad(&mut out);
    }
    out
}

/// Bit 0: approximate; 1: unreviewed; 2: the start has a month; 3: the start has a day (the
/// chart counts an event in its month only when it knows the month).
fn flags(e: &crate::model::Event) -> u8 {
    let iso = e.date.start.iso();
    let len = iso.trim_start_matches('-').len();
    let precision = if len >= 10 {
        12
    } else if len >= 7 {
        4
    } else {
        0
    };
    precision | u8::from(e.date.approximate) | (u8::from(!e.reviewed) << 1)
}

/// The `rows-N.js` data: what a drawn row shows beyond the filter columns, for events `from`
/// on (in the site's order), one record per event (id field, start, end, title).
fn rows_data(from: usize, events: &[crate::model::Event]) -> String {
    let mut rows = String::with_capacity(events.len() * 96);
    for e in events {
        rows.push_str(&id_field(&e.id, &e.title));
        rows.push(FIELD);
        rows.push_str(&e.date.start.iso());
        rows.push(FIELD);
        if let Some(end) = e.date.end {
            rows.push_str(&end.iso());
        }
        rows.push(FIELD);
        rows.push_str(&one_line(&e.title));
        rows.push(RECORD);
    }
    format!("\"from\":{from},\"rows\":{}", js_raw_string(&rows))
}

/// Each country code's position in `index.countries`, as the index files number them.
fn country_positions(index: &SiteIndex) -> HashMap<&str, usize> {
    index
        .countries
        .iter()
        .enumerate()
        .map(|(i, (c, _))| (c.code.as_str(), i))
        .collect()
}

/// Each person's or tag's slug and its position in the list, as the index files number them.
fn term_positions(terms: &[Term]) -> HashMap<String, usize> {
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| (slugify(&t.label), i))
        .collect()
}

/// The UN regions and sub-regions (the country data's, keshvar's UN M49 geoscheme) that
/// take in at least one country of the site, each with those countries as positions in
/// `index.countries`. A region's own entity ("Caribbean") counts as a member, so
/// `region=caribbean` also finds the events filed under the region itself.
pub(crate) fn regions(index: &SiteIndex) -> Vec<(&'static Country, Vec<usize>)> {
    let position = country_positions(index);
    Gazetteer::get()
        .un_regions()
        .iter()
        .filter_map(|(region, members)| {
            let mut ids: Vec<usize> = members
                .iter()
                .chain(std::iter::once(&region.code))
                .filter_map(|code| position.get(code.as_str()).copied())
                .collect();
            ids.sort_unstable();
            (!ids.is_empty()).then_some((region, ids))
        })
        .collect()
}

/// Days since 1970-01-01.
fn days(d: chrono::NaiveDate) -> i64 {
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (d - epoch).num_days()
}

#[cfg(test)]
mod tests {
    use super::text::{encode_postings, DIGITS};
    use super::*;

    fn decode(code: &str, n: usize) -> Vec<u32> {
        if let Some(bits) = code.strip_prefix('~') {
            let mut out = Vec::new();
            for (k, c) in bits.bytes().enumerate() {
                let v = DIGITS.iter().position(|&d| d == c).unwrap();
                for b in 0..6 {
                    if v & (1 << b) != 0 && k * 6 + b < n {
                        out.push((k * 6 + b) as u32);
                    }
                }
            }
            return out;
        }
        let mut out = Vec::new();
        let mut v = 0u32;
        let mut prev: Option<u32> = None;
        for c in code.bytes() {
            let d = DIGITS.iter().position(|&d| d == c).unwrap() as u32;
            if d >= 32 {
                v = (v << 5) | (d - 32);
            } else {
                v = (v << 5) | d;
                let i = match prev {
                    None => v,
                    Some(p) => p + 1 + v,
                };
                out.push(i);
                prev = Some(i);
                v = 0;
            }
        }
        out
    }

    #[test]
    fn postings_round_trip_as_gaps_and_as_bitmaps() {
        let sparse = vec![0, 5, 31, 32, 33, 1000, 40_000, 49_999];
        let code = encode_postings(&sparse, 50_000);
        assert!(!code.starts_with('~'));
        assert_eq!(decode(&code, 50_000), sparse);
        let dense: Vec<u32> = (0..1000).filter(|i| i % 3 != 0).collect();
        let code = encode_postings(&dense, 1000);
        assert!(code.starts_with('~'));
        assert_eq!(decode(&code, 1000), dense);
    }

    #[test]
    fn strings_keep_their_separators_and_escape_line_ends() {
        assert_eq!(
            js_raw_string("a\u{1f}b\\\"\n\u{2028}"),
            "\"a\u{1f}b\\\\\\\"\\n\\u2028\""
        );
        assert_eq!(one_line("a\u{1e}b\u{1f}c\nd"), "a b c d");
        assert_eq!(
            days(chrono::NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()),
            1
        );
        assert_eq!([id_width(256), id_width(257), id_width(70_000)], [1, 2, 4]);
    }

    #[test]
    fn names_as_the_index_lists_them_are_not_repeated() {
        let term = |label: &str| Term {
            label: label.into(),
            href: String::new(),
            events: vec![],
        };
        let terms = [term("Marco Rubio"), term("Ana Ruiz")];
        let positions = term_positions(&terms);
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(as_listed(
            &names(&["Ana Ruiz", "Marco Rubio"]),
            &terms,
            &positions
        ));
        assert!(as_listed(&[], &terms, &positions));
        // Another spelling of the same slug, or a name the index does not list, is written.
        assert!(!as_listed(&names(&["marco rubio"]), &terms, &positions));
        assert!(!as_listed(&names(&["Ana Ruiz", "Bo"]), &terms, &positions));
        let many = names(&["Ana Ruiz"; MAX_LISTED + 1]);
        assert!(!as_listed(&many, &terms, &positions));
    }

    #[test]
    fn ids_made_from_titles_are_not_repeated() {
        assert_eq!(id_field("rubio-visits-jamaica", "Rubio visits Jamaica"), "");
        assert_eq!(id_field("rubio-visits", "Rubio visits Jamaica"), "~12");
        assert_eq!(id_field("rubio-vis", "Rubio visits Jamaica"), "~9");
        assert_eq!(
            id_field("rubio-visits-jamaica-2", "Rubio visits Jamaica"),
            "~20-2"
        );
        assert_eq!(id_field("rubio-visits-2", "Rubio visits Jamaica"), "~12-2");
        // The rest starts where it is not a digit, so that it cannot lengthen N.
        assert_eq!(id_field("talks-2024-x", "Talks 2025"), "~5-2024-x");
        assert_eq!(id_field("x-1", "X 2"), "x-1");
        assert_eq!(id_field("ab", "Abc"), "ab");
        assert_eq!(id_field("x-1", "Bogotá talks"), "x-1");
        // Accents go as the browser folds them; letters without a decomposition separate.
        assert_eq!(id_field("bogota-talks", "Bogotá talks"), "");
        assert_eq!(
            browser_slug("Fernández’s visit to São Tomé – İzmir").as_deref(),
            Some("fernandez-s-visit-to-sao-tome-izmir")
        );
        assert_eq!(
            browser_slug("Straße Øresund").as_deref(),
            Some("stra-e-resund")
        );
        assert_eq!(
            id_field("strasse-oresund", "Straße Øresund"),
            "~4sse-oresund"
        );
        assert_eq!(
            browser_slug("U.S.–Cuba talks").as_deref(),
            Some("u-s-cuba-talks")
        );
        assert_eq!(browser_slug("Talks in 北京"), None);
        assert_eq!(browser_slug("Ελλάδα"), None);
        assert_eq!(
            browser_slug(" Sec. Rubio's  visit! ").as_deref(),
            Some("sec-rubio-s-visit")
        );
    }
}
