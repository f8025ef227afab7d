//! Briefings in the forms they are published in (issue 17): the Word document, checked
//! against the OOXML package rules and, where LibreOffice is installed, converted to PDF and
//! read back; the timeline graphic and its PNG; the embed pages (`embed.html`,
//! `briefings/<id>/embed.html`) and their `<iframe>` code. Builds the sample site and a
//! generated 40-event briefing with the real binary.

use crate::common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's sample site (`content/`), copied into a temporary directory.
fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    dir
}

/// One generated event: (id, date, end, title, type, source URL).
struct Gen {
    id: String,
    date: String,
    end: Option<String>,
    title: String,
    kind: &'static str,
    url: String,
}

/// 40 events over 2025: a cluster of nine on one day, months, ranges and a year; sources
/// shared between events; titles with characters XML and Word must escape.
fn forty_events() -> Vec<Gen> {
    let kinds = [
        "meeting",
        "visit",
        "tour",
        "call",
        "summit",
        "statement",
        "agreement",
        "other",
    ];
    let mut out = Vec::new();
    for n in 0..40usize {
        let (date, end) = match n {
            0..=8 => ("2025-03-14".to_string(), None),
            9..=13 => (format!("2025-{:02}", n - 3), None),
            14..=18 => (
                format!("2025-{:02}-{:02}", n - 6, 3 + n),
                Some(format!("2025-{:02}-{:02}", n - 6, 5 + n)),
            ),
            19 => ("2025".to_string(), None),
            _ => (
                format!("2025-{:02}-{:02}", 1 + (n - 20) % 12, 1 + (n * 7) % 27),
                None,
            ),
        };
        let title = match n {
            3 => "Talks on \"tariffs\" & <quotas> between delegations".to_string(),
            _ => format!("Delegation talks number {n} on trade, security and climate"),
        };
        out.push(Gen {
            id: format!("gen-{n:02}"),
            date,
            end,
            title,
            kind: kinds[n % kinds.len()],
            url: format!("https://example.org/source/{}?a=1&b=2", n % 13),
        });
    }
    out
}

/// A site holding [`forty_events`] and one briefing of all of them.
fn forty_site(paper: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let c = dir.path().join("content");
    fs::create_dir_all(c.join("events")).unwrap();
    fs::create_dir_all(c.join("briefings")).unwrap();
    let mut site = String::from(
        "title: Publishing test site\nbase_url: https://example.org/pub/\nas_of: 2025-12-31\n",
    );
    if let Some(p) = paper {
        let _ = writeln!(site, "paper: {p}");
    }
    fs::write(c.join("site.yaml"), site).unwrap();
    let mut yaml = String::new();
    for e in forty_events() {
        let _ = writeln!(yaml, "- id: {}", e.id);
        let _ = writeln!(yaml, "  date: {}", e.date);
        if let Some(end) = &e.end {
            let _ = writeln!(yaml, "  end: {end}");
        }
        let _ = writeln!(yaml, "  title: '{}'", e.title.replace('\'', "''"));
        let _ = writeln!(yaml, "  type: {}", e.kind);
        let _ = writeln!(yaml, "  countries: [NO, SE]");
        let _ = writeln!(yaml, "  actors: [Test Person]");
        let _ = writeln!(
            yaml,
            "  summary: Summary with *emphasis* and [a link](https://example.org/x)."
        );
        let _ = writeln!(yaml, "  sources:");
        let _ = writeln!(
            yaml,
            "    - title: Source for {}",
            e.url.replace("?a=1&b=2", "")
        );
        let _ = writeln!(yaml, "      publisher: Test Agency");
        let _ = writeln!(yaml, "      url: \"{}\"", e.url);
        let _ = writeln!(yaml, "      date: 2026-01-02");
    }
    fs::write(c.join("events/generated.yaml"), yaml).unwrap();
    fs::write(
        c.join("briefings/forty.yaml"),
        "title: Forty engagements of 2025\nintro: |\n  # Background\n\n  Why this *matters*, with [a link](https://example.org/why).\n\n  - first point\n  - second point\n\n  1. one\n  2. two\nfrom: 2025\n",
    )
    .unwrap();
    dir
}

/// The entries of a zip file, in order, with their bytes.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>, zip::DateTime)> {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("zip entry");
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read entry");
        let time = entry.last_modified().unwrap_or_default();
        out.push((entry.name().to_string(), bytes, time));
    }
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn attr<'a>(node: roxmltree::Node<'a, '_>, ns: &str, name: &str) -> Option<&'a str> {
    node.attribute((ns, name))
}

/// Where a relationship's target is, from the part whose `.rels` file names it.
fn resolve(rels_path: &str, target: &str) -> String {
    // `word/_rels/document.xml.rels` describes `word/document.xml`: targets are relative
    // to `word/`.
    let base = rels_path
        .rsplit_once("_rels/")
        .map(|(dir, _)| dir)
        .unwrap_or("");
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for seg in target.trim_start_matches('/').split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Checks a `.docx` against the package rules and what Word needs to open it cleanly;
/// returns the text of `word/document.xml` and `word/footnotes.xml`.
fn check_docx(path: &Path) -> (String, String) {
    let entries = unzip(path);
    let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
    let parts: BTreeMap<&str, &[u8]> = entries
        .iter()
        .map(|(n, b, _)| (n.as_str(), b.as_slice()))
        .collect();
    assert_eq!(names.first(), Some(&"[Content_Types].xml"), "{names:?}");
    assert_eq!(
        names.iter().collect::<BTreeSet<_>>().len(),
        names.len(),
        "duplicate entries"
    );
    for (name, _, time) in &entries {
        assert_eq!(
            (time.year(), time.month(), time.day(), time.hour()),
            (1980, 1, 1, 0),
            "{name}: the zip entry's time must be fixed"
        );
    }

    // Every XML part is well-formed.
    let text = |name: &str| -> String {
        String::from_utf8(
            parts
                .get(name)
                .unwrap_or_else(|| panic!("no {name}"))
                .to_vec(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    for name in &names {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let t = text(name);
            if let Err(e) = roxmltree::Document::parse(&t) {
                panic!("{name} is not well-formed XML: {e}");
            }
        }
    }

    // [Content_Types].xml gives every part a type.
    let ct_text = text("[Content_Types].xml");
    let ct = roxmltree::Document::parse(&ct_text).unwrap();
    let defaults: BTreeSet<String> = ct
        .descendants()
        .filter(|n| n.has_tag_name("Default"))
        .filter_map(|n| n.attribute("Extension").map(str::to_ascii_lowercase))
        .collect();
    let overrides: BTreeSet<String> = ct
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .filter_map(|n| n.attribute("PartName").map(str::to_string))
        .collect();
    for name in &names {
        if *name == "[Content_Types].xml" || name.ends_with('/') {
            continue;
        }
        let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        assert!(
            overrides.contains(&format!("/{name}")) || defaults.contains(&ext),
            "{name} has no content type"
        );
    }
    for o in &overrides {
        assert!(
            parts.contains_key(o.trim_start_matches('/')),
            "[Content_Types].xml overrides a missing part {o}"
        );
    }
    let main_type =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    assert!(ct
        .descendants()
        .any(|n| n.attribute("PartName") == Some("/word/document.xml")
            && n.attribute("ContentType") == Some(main_type)));

    // Relationships: the package points at the main document, and every internal target
    // exists.
    let mut rel_types: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in names.iter().filter(|n| n.ends_with(".rels")) {
        let t = text(name);
        let doc = roxmltree::Document::parse(&t).unwrap();
        for r in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
            if r.attribute("TargetMode") == Some("External") {
                continue;
            }
            let target = resolve(name, r.attribute("Target").unwrap_or(""));
            assert!(
                parts.contains_key(target.as_str()),
                "{name}: relationship to missing part {target}"
            );
            rel_types
                .entry(name.to_string())
                .or_default()
                .push(format!("{} {target}", r.attribute("Type").unwrap_or("")));
        }
    }
    let package_rels = rel_types.get("_rels/.rels").cloned().unwrap_or_default();
    assert!(
        package_rels
            .iter()
            .any(|r| r.ends_with("/officeDocument word/document.xml")),
        "_rels/.rels must point at word/document.xml: {package_rels:?}"
    );
    let doc_rels = rel_types
        .get("word/_rels/document.xml.rels")
        .cloned()
        .unwrap_or_default();
    for (kind, target) in [
        ("styles", "word/styles.xml"),
        ("numbering", "word/numbering.xml"),
        ("footnotes", "word/footnotes.xml"),
    ] {
        assert!(
            doc_rels
                .iter()
                .any(|r| r.ends_with(&format!("/{kind} {target}"))),
            "document.xml.rels lacks {kind}: {doc_rels:?}"
        );
    }

    // Styles and numbering used are defined; footnote references have their footnote; every
    // footnote shows its number; paragraph ids are unique.
    let document = text("word/document.xml");
    let footnotes = text("word/footnotes.xml");
    let styles_text = text("word/styles.xml");
    let numbering_text = text("word/numbering.xml");
    let styles = roxmltree::Document::parse(&styles_text).unwrap();
    let defined: BTreeSet<&str> = styles
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|n| attr(n, W, "styleId"))
        .collect();
    for required in [
        "Title",
        "Heading1",
        "Heading2",
        "ListBullet",
        "FootnoteText",
        "FootnoteReference",
    ] {
        assert!(defined.contains(required), "style {required} not defined");
    }
    let numbering = roxmltree::Document::parse(&numbering_text).unwrap();
    let nums: BTreeSet<&str> = numbering
        .descendants()
        .filter(|n| n.has_tag_name((W, "num")))
        .filter_map(|n| attr(n, W, "numId"))
        .collect();
    // Each definition once: Word takes a duplicate id as a broken document.
    let ids = |doc: &roxmltree::Document, tag: &str, at: &str| -> Vec<String> {
        doc.descendants()
            .filter(|n| n.has_tag_name((W, tag)))
            .filter_map(|n| attr(n, W, at).map(str::to_string))
            .collect()
    };
    for (doc, tag, at) in [
        (&styles, "style", "styleId"),
        (&numbering, "num", "numId"),
        (&numbering, "abstractNum", "abstractNumId"),
    ] {
        let all = ids(doc, tag, at);
        let unique: BTreeSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "duplicate {tag} ids: {all:?}");
    }
    let mut para_ids = BTreeSet::new();
    for (name, t) in [
        ("document.xml", &document),
        ("footnotes.xml", &footnotes),
        ("styles.xml", &styles_text),
    ] {
        let doc = roxmltree::Document::parse(t).unwrap();
        for n in doc.descendants() {
            if n.has_tag_name((W, "pStyle")) || n.has_tag_name((W, "rStyle")) {
                let v = attr(n, W, "val").unwrap_or("");
                assert!(
                    defined.contains(v),
                    "{name}: style {v} used but not defined"
                );
            }
            if n.has_tag_name((W, "numId")) {
                let v = attr(n, W, "val").unwrap_or("");
                assert!(
                    nums.contains(v),
                    "{name}: numbering {v} used but not defined"
                );
            }
            if n.has_tag_name((W, "p")) {
                if let Some(id) = n.attribute((
                    "http://schemas.microsoft.com/office/word/2010/wordml",
                    "paraId",
                )) {
                    assert!(para_ids.insert(id.to_string()), "paragraph id {id} twice");
                    let v = u32::from_str_radix(id, 16).expect("hex paraId");
                    assert!(v > 0 && v < 0x8000_0000, "paraId {id} out of range");
                }
            }
        }
    }
    let doc = roxmltree::Document::parse(&document).unwrap();
    let notes_doc = roxmltree::Document::parse(&footnotes).unwrap();
    let note_ids: BTreeSet<&str> = notes_doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "footnote")))
        .filter_map(|n| attr(n, W, "id"))
        .collect();
    let refs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "footnoteReference")))
        .filter_map(|n| attr(n, W, "id"))
        .collect();
    assert_eq!(
        refs.iter().collect::<BTreeSet<_>>().len(),
        refs.len(),
        "one reference per footnote"
    );
    for r in &refs {
        assert!(note_ids.contains(r), "footnote {r} referenced but missing");
    }
    for n in notes_doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "footnote")))
    {
        assert!(
            n.descendants().any(|d| d.has_tag_name((W, "footnoteRef"))),
            "a footnote without its number mark"
        );
    }
    // Fields are balanced: every begin has its separate and end.
    for (name, t) in [("document.xml", &doc), ("footnotes.xml", &notes_doc)] {
        let mut depth = 0i32;
        for n in t.descendants().filter(|n| n.has_tag_name((W, "fldChar"))) {
            match attr(n, W, "fldCharType") {
                Some("begin") => depth += 1,
                Some("end") => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "{name}: field ends before it begins");
        }
        assert_eq!(depth, 0, "{name}: unbalanced fields");
    }
    let _ = REL;
    (document, footnotes)
}

/// The visible text of a WordprocessingML part, paragraph by paragraph.
fn paragraphs(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect::<String>()
        })
        .collect()
}

#[test]
fn sample_briefing_docx_is_a_clean_ooxml_package_with_footnoted_sources() {
    let site = sample_site();
    build(site.path());
    let public = site.path().join("public/briefings");
    let docx = public.join("caribbean-2025.docx");
    let (document, footnotes) = check_docx(&docx);
    let text = paragraphs(&document).join("\n");
    assert!(text.contains("U.S. engagements with the Caribbean, 2021\u{2013}2025"));
    assert!(text.contains("Information as of 7 May 2025"));
    assert!(text.contains("March 2025"), "month precision kept");
    assert!(!text.contains("1 March 2025"), "a month is never the 1st");
    // The introduction's Markdown became Word formatting, not asterisks.
    assert!(text.contains("security, migration and hurricane preparedness"));
    assert!(!text.contains("**"));
    let notes = paragraphs(&footnotes).join("\n");
    assert!(notes.contains("Office of the Historian"), "{notes}");
    assert!(notes.contains("https://history.state.gov/"), "{notes}");
    // Same source, one footnote: the sample's eight Summit-of-the-Americas visits share
    // one source.
    let note_count = footnotes.matches("<w:footnote ").count();
    assert!(note_count < document.matches("NOTEREF").count() + note_count);
    // A4 unless site.yaml says otherwise.
    assert!(document.contains("w:w=\"11906\""), "A4 page width");

    // The web page links to the exports, and they exist.
    let html = read(&public.join("caribbean-2025.html"));
    for ext in ["docx", "svg", "png"] {
        assert!(
            html.contains(&format!("href=\"caribbean-2025.{ext}\"")),
            "briefing page links the .{ext}"
        );
        assert!(public.join(format!("caribbean-2025.{ext}")).is_file());
    }
}

#[test]
fn exports_are_byte_identical_across_builds_and_directories() {
    let a = forty_site(None);
    let b = forty_site(None);
    build(a.path());
    build(b.path());
    let first: Vec<Vec<u8>> = ["docx", "svg", "png"]
        .iter()
        .map(|ext| fs::read(a.path().join(format!("public/briefings/forty.{ext}"))).unwrap())
        .collect();
    // Again in the same directory, and in another one.
    build(a.path());
    for (i, ext) in ["docx", "svg", "png"].iter().enumerate() {
        let again = fs::read(a.path().join(format!("public/briefings/forty.{ext}"))).unwrap();
        let other = fs::read(b.path().join(format!("public/briefings/forty.{ext}"))).unwrap();
        assert!(first[i] == again, "forty.{ext} changed between two builds");
        assert!(
            first[i] == other,
            "forty.{ext} differs between two directories"
        );
    }
}

#[test]
fn letter_paper_from_site_yaml() {
    let site = forty_site(Some("letter"));
    build(site.path());
    let (document, _) = check_docx(&site.path().join("public/briefings/forty.docx"));
    assert!(document.contains("w:w=\"12240\""), "Letter page width");
    assert!(document.contains("w:h=\"15840\""), "Letter page height");
}

#[test]
fn forty_event_docx_holds_every_event_and_escapes_text() {
    let site = forty_site(None);
    build(site.path());
    let (document, footnotes) = check_docx(&site.path().join("public/briefings/forty.docx"));
    let text = paragraphs(&document);
    for e in forty_events() {
        assert!(text.contains(&e.title), "missing {:?}", e.title);
    }
    // 13 distinct URLs, 13 footnotes; the other 27 citations refer back to them.
    assert_eq!(footnotes.matches("<w:footnote ").count(), 13);
    assert_eq!(document.matches("NOTEREF").count(), 27);
    let notes = paragraphs(&footnotes).join("\n");
    assert!(
        notes.contains("https://example.org/source/3?a=1&b=2"),
        "{notes}"
    );
    assert!(
        notes.contains("2 January 2026"),
        "source date at its precision"
    );
    // Intro headings and lists in Word's styles.
    for style in ["Heading1", "ListBullet", "ListNumber", "Hyperlink"] {
        assert!(
            document.contains(&format!("w:val=\"{style}\"")),
            "{style} not used"
        );
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(program))
            .find(|p| p.is_file())
    })
}

/// Text with all whitespace removed: PDF text breaks lines (inside URLs too) where the
/// layout does.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Converts a .docx to PDF text with LibreOffice, or says why it cannot.
fn libreoffice_text(docx: &Path) -> Result<String, String> {
    let (Some(soffice), Some(pdftotext)) = (which("soffice"), which("pdftotext")) else {
        return Err(
            "soffice or pdftotext not installed (Debian: libreoffice-writer, poppler-utils)".into(),
        );
    };
    let out = tempfile::tempdir().expect("tempdir");
    let home = tempfile::tempdir().expect("tempdir");
    let status = Command::new(soffice)
        .env("HOME", home.path())
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out.path())
        .arg(docx)
        .output()
        .expect("run soffice");
    let pdf = out
        .path()
        .join(docx.file_stem().unwrap())
        .with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice made no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let text = Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    Ok(String::from_utf8_lossy(&text.stdout).into_owned())
}

#[test]
fn libreoffice_reads_every_event_date_and_source_of_the_docx() {
    let site = sample_site();
    build(site.path());
    let docx = site.path().join("public/briefings/caribbean-2025.docx");
    let text = match libreoffice_text(&docx) {
        Ok(t) => t,
        Err(why) => {
            println!("skipped: {why}");
            return;
        }
    };
    let pdf = squash(&text);
    // What the briefing selects, from its web page: each event's title and date, and each
    // cited source's title and URL.
    let html = scraper::Html::parse_document(&read(
        &site.path().join("public/briefings/caribbean-2025.html"),
    ));
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let text_of = |e: scraper::ElementRef| e.text().collect::<String>();
    let mut count = 0;
    for li in html.select(&sel("li.briefing-event")) {
        count += 1;
        let title = text_of(li.select(&sel("h3")).next().unwrap());
        let date = text_of(li.select(&sel(".meta time")).next().unwrap());
        assert!(pdf.contains(&squash(&title)), "PDF lacks {title:?}");
        assert!(pdf.contains(&squash(&date)), "PDF lacks date {date:?}");
    }
    assert!(count > 10, "the sample briefing selects its events");
    assert!(text.contains("March 2025") && !text.contains("1 March 2025"));
    let mut n = 0;
    for li in html.select(&sel("section.citations li")) {
        let title = text_of(li.select(&sel("cite")).next().unwrap());
        assert!(pdf.contains(&squash(&title)), "PDF lacks source {title:?}");
        if let Some(a) = li.select(&sel("a.url")).next() {
            let url = a.value().attr("href").unwrap();
            if url.starts_with("http") {
                assert!(pdf.contains(&squash(url)), "PDF lacks URL {url}");
            }
        }
        n += 1;
    }
    assert!(n >= 3, "sources found: {n}");
}

#[test]
fn timeline_svg_shows_every_event_without_overlap_and_its_png_matches() {
    let site = forty_site(None);
    build(site.path());
    let dir = site.path().join("public/briefings");
    let svg = read(&dir.join("forty.svg"));
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    let width: f64 = root.attribute("width").unwrap().parse().unwrap();
    let height: f64 = root.attribute("height").unwrap().parse().unwrap();
    assert_eq!(width, 1600.0);
    assert!(height >= 900.0);

    let class = |n: &roxmltree::Node, c: &str| n.attribute("class") == Some(c);
    let texts = |n: roxmltree::Node| -> Vec<String> {
        n.descendants()
            .filter(|d| d.has_tag_name("text"))
            .map(|t| t.text().unwrap_or("").to_string())
            .collect()
    };
    let all_text = texts(root).join("\n");
    assert!(all_text.contains("Forty engagements of 2025"), "title");
    assert!(
        all_text.contains("Information as of 31 December 2025"),
        "as-of date"
    );
    assert!(all_text.contains("Publishing test site"), "credit");

    // Every event has a label with its date at its precision and its title (or the start
    // of it, cut with an ellipsis).
    let labels: Vec<roxmltree::Node> = doc.descendants().filter(|n| class(n, "tl-label")).collect();
    assert_eq!(labels.len(), 40);
    let mut boxes = Vec::new();
    for e in forty_events() {
        let label = labels
            .iter()
            .find(|l| l.attribute("data-event-id") == Some(e.id.as_str()))
            .unwrap_or_else(|| panic!("no label for {}", e.id));
        let t = texts(*label);
        let shown = t[1..].join(" ");
        let stem = shown.trim_end_matches('\u{2026}');
        assert!(
            e.title.starts_with(stem) && stem.len() >= 12,
            "{}: label {shown:?} for title {:?}",
            e.id,
            e.title
        );
        match (e.date.len(), &e.end) {
            (7, None) => assert!(
                t[0].ends_with(" 2025") && !t[0].starts_with(char::is_numeric),
                "{t:?}"
            ),
            (4, None) => assert_eq!(t[0], "2025"),
            _ => assert!(t[0].starts_with(char::is_numeric), "{t:?}"),
        }
        let r = label
            .descendants()
            .find(|n| class(n, "tl-label-box"))
            .unwrap();
        let num = |a: &str| r.attribute(a).unwrap().parse::<f64>().unwrap();
        boxes.push((
            e.id.clone(),
            num("x"),
            num("y"),
            num("width"),
            num("height"),
        ));
    }
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.1 >= 0.0 && a.1 + a.3 <= width && a.2 >= 0.0 && a.2 + a.4 <= height);
        for b in &boxes[i + 1..] {
            let overlap = a.1 < b.1 + b.3 && b.1 < a.1 + a.3 && a.2 < b.2 + b.4 && b.2 < a.2 + a.4;
            assert!(!overlap, "labels of {} and {} overlap", a.0, b.0);
        }
    }

    // A legend of every type (each a shape and a colour), and the precision marks.
    let legend = doc
        .descendants()
        .find(|n| class(n, "tl-legend"))
        .expect("a legend");
    let legend_text = texts(legend).join("|");
    for name in [
        "Meetings",
        "Visits",
        "Tours",
        "Calls",
        "Summits",
        "Joint statements",
        "Agreements",
        "Other engagements",
        "A day",
        "A month, year or range",
    ] {
        assert!(legend_text.contains(name), "legend lacks {name}");
    }
    let shapes: BTreeSet<&str> = legend
        .children()
        .filter(|n| n.has_tag_name("path"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(shapes.len(), 8, "one colour per type");

    // The PNG is the same picture: a PNG of the SVG's size.
    let png = fs::read(dir.join("forty.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!((f64::from(w), f64::from(h)), (width, height));
}

/// Every address an HTML page makes the browser fetch (style sheets, scripts, images,
/// frames) and every link, except the canonical address, which names the page and is never
/// fetched.
fn fetched_and_linked(html: &scraper::Html) -> Vec<String> {
    let sel = scraper::Selector::parse("[src], [href]").unwrap();
    html.select(&sel)
        .filter(|e| e.value().attr("rel") != Some("canonical"))
        .flat_map(|e| [e.value().attr("src"), e.value().attr("href")])
        .flatten()
        .map(str::to_string)
        .collect()
}

#[test]
fn embed_pages_are_written_escaped_and_ask_nothing_of_other_hosts() {
    let site = forty_site(None);
    // A briefing whose title is markup, of one event whose title is too.
    fs::write(
        site.path().join("content/briefings/hostile.yaml"),
        "title: 'Talks <script>alert(1)</script> & \"more\"'\nevents: [gen-03]\n",
    )
    .unwrap();
    build(site.path());
    let public = site.path().join("public");
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();

    // embed.html: no site navigation, the script and index of this site only, a link back.
    let text = read(&public.join("embed.html"));
    let page = scraper::Html::parse_document(&text);
    assert_eq!(page.select(&sel("nav")).count(), 0, "no site navigation");
    assert!(text.contains("<link rel=\"canonical\" href=\"https://example.org/pub/embed.html\">"));
    let full = page
        .select(&sel("#embed-full"))
        .next()
        .expect("a link back");
    assert_eq!(full.value().attr("href"), Some("index.html"));
    let addresses = fetched_and_linked(&page);
    assert!(
        addresses.contains(&"entente.js".to_string()),
        "{addresses:?}"
    );
    for a in &addresses {
        assert!(
            !a.contains(':') && !a.starts_with("//"),
            "embed.html names another host: {a}"
        );
    }

    // A briefing's embed: exactly the briefing's events, in its order, with no script.
    let briefing = read(&public.join("briefings/forty.html"));
    let embed = read(&public.join("briefings/forty/embed.html"));
    assert_eq!(event_ids(&embed), event_ids(&briefing));
    assert_eq!(event_ids(&embed).len(), 40);
    assert!(
        !embed.contains("<script"),
        "a briefing's embed needs no script"
    );
    assert!(!embed.contains("<quotas>"));
    let page = scraper::Html::parse_document(&embed);
    let titles: Vec<String> = page
        .select(&sel("a.embed-title"))
        .map(|a| a.text().collect())
        .collect();
    assert!(titles.contains(&"Talks on \"tariffs\" & <quotas> between delegations".to_string()));
    let addresses = fetched_and_linked(&page);
    assert!(addresses.contains(&"../../style.css".to_string()));
    assert!(addresses.contains(&"../../events/gen-03.html".to_string()));
    assert!(addresses.contains(&"../forty.html".to_string()));
    for a in &addresses {
        assert!(
            !a.contains(':'),
            "a briefing's embed names another host: {a}"
        );
    }

    let hostile = read(&public.join("briefings/hostile/embed.html"));
    assert!(!hostile.contains("<script>alert"), "the title is escaped");
    let page = scraper::Html::parse_document(&hostile);
    let h1: String = page.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(h1, "Talks <script>alert(1)</script> & \"more\"");
    assert_eq!(event_ids(&hostile), vec!["gen-03"]);

    // The briefing page's embed code: the iframe at the published address, shown as text.
    let page = scraper::Html::parse_document(&briefing);
    let code: String = page
        .select(&sel("textarea#embed-code"))
        .next()
        .expect("the embed code field")
        .text()
        .collect();
    assert!(
        code.starts_with("<iframe src=\"https://example.org/pub/briefings/forty/embed.html\" title=\"Forty engagements of 2025 \u{b7} Publishing test site\" width=\"100%\" height=\"480\""),
        "{code}"
    );
    let hostile_page = read(&public.join("briefings/hostile.html"));
    let page = scraper::Html::parse_document(&hostile_page);
    let code: String = page
        .select(&sel("textarea#embed-code"))
        .next()
        .unwrap()
        .text()
        .collect();
    // The title stays inside its attribute: one element, no script.
    assert!(
        code.contains("title=\"Talks &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"),
        "{code}"
    );
    assert!(!hostile_page.contains("<script>alert"));
}

#[test]
fn embed_code_is_relative_to_the_site_root_without_base_url() {
    let site = forty_site(None);
    let yaml = site.path().join("content/site.yaml");
    let text = read(&yaml).replace("base_url: https://example.org/pub/\n", "");
    fs::write(&yaml, text).unwrap();
    build(site.path());
    let briefing = read(&site.path().join("public/briefings/forty.html"));
    let page = scraper::Html::parse_document(&briefing);
    let sel = scraper::Selector::parse("textarea#embed-code").unwrap();
    let code: String = page.select(&sel).next().unwrap().text().collect();
    assert!(
        code.starts_with("<iframe src=\"briefings/forty/embed.html\" "),
        "{code}"
    );
    let embed = read(&site.path().join("public/embed.html"));
    assert!(!embed.contains("rel=\"canonical\""));
}

#[test]
fn a_page_cannot_take_the_embed_page_name() {
    let site = forty_site(None);
    let pages = site.path().join("content/pages");
    fs::create_dir_all(&pages).unwrap();
    fs::write(pages.join("embed.md"), "---\ntitle: Embed\n---\nText.\n").unwrap();
    let out = entente(&["check", "--root", site.path().to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the page name \"embed\" is taken by the embeddable timeline"),
        "{stderr}"
    );
}
