//! A briefing as a Word document (`briefings/<id>.docx`).
//!
//! In: the briefing's title, criteria, introduction (Markdown) and selected events. Out: the
//! bytes of a `.docx` package that Word and LibreOffice open without repair prompts.
//!
//! Word's built-in styles only (Title, Subtitle, Heading 1-4, List Bullet, List Number,
//! Quote, footnote text, footnote reference, Hyperlink), so an organisation's template
//! restyles the document. Every distinct source (by URL, else by title, publisher and date)
//! becomes one real footnote at its first citation; later citations of it are `NOTEREF`
//! fields to that footnote, so the numbers match the web page's.
//!
//! `docx-rs` builds the XML parts; four of its habits would break "same content, same bytes"
//! or a clean open, so this module works around them:
//! - paragraph ids (`w14:paraId`) come from a per-thread counter that is never reset between
//!   documents: every paragraph gets an id from this document's own counter instead;
//! - footnote and hyperlink ids come from process-wide counters, and hyperlink relationships
//!   are written in `HashMap` order: footnote ids are set explicitly, and links are
//!   `HYPERLINK` fields, which need no relationship (and so also work inside footnotes);
//! - footnotes get no `w:footnoteRef` (the number in the footnote area): a placeholder run is
//!   replaced by one after the parts are built;
//! - the package would be zipped with the current time when the `zip` crate's `time` feature
//!   is on, and `docProps/core.xml` dated 1970: this module zips the parts itself, in a fixed
//!   order with fixed timestamps, and writes `core.xml` dated from the "as of" date (or
//!   undated).

mod blocks;
mod markdown;
mod package;
mod styles;
mod writer;

use super::ExportError;
use crate::model::Paper;
use crate::model::{Event, PartialDate};
use blocks::{clean, linkable, plain, Block, Inline, Span};
use docx_rs::{Docx, LineSpacing, LineSpacingType, PageMargin, RunFonts};
use markdown::MarkdownBlocks;
use package::{core_xml, package};
use std::collections::BTreeMap;
use styles::{numbering, styles, BULLET_NUM};
use writer::Writer;

/// Everything the document shows.
pub(crate) struct DocxBriefing<'a> {
    pub(crate) title: &'a str,
    pub(crate) site_title: &'a str,
    pub(crate) publisher: Option<&'a str>,
    pub(crate) language: &'a str,
    pub(crate) as_of: Option<PartialDate>,
    /// Label and value lines under the title ("Period", "Countries", "Events"...).
    pub(crate) criteria: &'a [(&'static str, String)],
    pub(crate) intro_markdown: &'a str,
    /// Absolute URL of the briefing's web page, when the site has a base URL.
    pub(crate) web_url: Option<String>,
    /// Base URL with a trailing slash, to link sources that are articles on the site.
    pub(crate) base_url: Option<String>,
    pub(crate) events: &'a [&'a Event],
    pub(crate) paper: Paper,
}

/// Stands for `<w:footnoteRef/>` until the parts are built (see the module header). A
/// private-use character, removed from every text the document shows.
const FOOTNOTE_REF_MARK: char = '\u{E000}';

/// Every distinct source of the events, numbered in order of first citation. Sources with
/// the same URL are one source; those without a URL are told apart by title, publisher and
/// date.
struct Sources {
    numbers: BTreeMap<(String, String, String), usize>,
}

impl Sources {
    fn new() -> Self {
        Sources {
            numbers: BTreeMap::new(),
        }
    }

    /// The number of a source and whether this is its first citation.
    fn cite(&mut self, s: &crate::model::Source) -> (usize, bool) {
        let key = match s.url.as_deref().filter(|u| !u.trim().is_empty()) {
            Some(url) => (url.trim().to_string(), String::new(), String::new()),
            None => (
                String::new(),
                format!(
                    "{}\u{1F}{}",
                    s.title,
                    s.publisher.clone().unwrap_or_default()
                ),
                s.date.map(|d| d.iso()).unwrap_or_default(),
            ),
        };
        let next = self.numbers.len() + 1;
        let n = *self.numbers.entry(key).or_insert(next);
        (n, n == next)
    }
}
/// The footnote of a source: title, publisher, date and URL.
fn citation(s: &crate::model::Source, base_url: Option<&str>) -> Vec<Inline> {
    let mut out = vec![Inline::Text(Span {
        text: clean(&s.title),
        italic: true,
        ..Span::default()
    })];
    if let Some(p) = s
        .publisher
        .as_deref()
        .filter(|p| *p != s.title && !p.is_empty())
    {
        out.push(plain(&format!(", {p}")));
    }
    if let Some(d) = s.date {
        out.push(plain(&format!(", {}", d.human())));
    }
    out.push(plain("."));
    let url = match (&s.url, &s.article, base_url) {
        (Some(url), _, _) if !url.trim().is_empty() => Some(url.trim().to_string()),
        (_, Some(article), Some(base)) => {
            Some(format!("{base}{}", crate::model::urls::article(article)))
        }
        _ => None,
    };
    if let Some(url) = url {
        out.push(plain(" "));
        let text = plain(&url);
        if linkable(&url) {
            out.push(Inline::Link {
                url,
                children: vec![text],
            });
        } else {
            out.push(text);
        }
    }
    out
}

fn facts(e: &Event) -> Option<Block> {
    let mut block = Block::new("Normal");
    let mut any = false;
    let mut add = |label: &str, values: Vec<&str>| {
        if values.is_empty() {
            return;
        }
        if any {
            block.inlines.push(plain(" "));
        }
        any = true;
        block = std::mem::replace(&mut block, Block::new("Normal"))
            .bold(&format!("{label}: "))
            .text(&format!("{}.", values.join(", ")));
    };
    add(
        "Countries",
        e.countries.iter().map(|c| c.name.as_str()).collect(),
    );
    add("People", e.actors.iter().map(String::as_str).collect());
    add("Places", e.places.iter().map(String::as_str).collect());
    any.then_some(block)
}

/// Page size and margins in twentieths of a point.
fn page(paper: Paper) -> (u32, u32, i32) {
    match paper {
        Paper::A4 => (11906, 16838, 1134),
        Paper::Letter => (12240, 15840, 1080),
    }
}
/// Builds the `.docx` bytes of a briefing.
pub(crate) fn to_docx(b: &DocxBriefing<'_>) -> Result<Vec<u8>, ExportError> {
    let (width, height, margin) = page(b.paper);
    let docx = Docx::new()
        .page_size(width, height)
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin)
                .header(708)
                .footer(708),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri")
                .east_asia("Calibri"),
        )
        .default_size(22)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        );
    let mut w = Writer {
        docx: styles(docx),
        next_para: 1,
        next_bookmark: 1,
        next_num: BULLET_NUM + 1,
        numbered_lists: Vec::new(),
        footnotes: BTreeMap::new(),
    };

    w.block(Block::new("Title").text(b.title));
    let mut subtitle = format!("Briefing from {}", b.site_title);
    if let Some(d) = b.as_of {
        subtitle.push_str(&format!(" \u{00B7} Information as of {}", d.human()));
    }
    w.block(Block::new("Subtitle").text(&subtitle));
    for (label, value) in b.criteria {
        w.block(Block::new("Normal").bold(&format!("{label}: ")).text(value));
    }
    if let Some(url) = &b.web_url {
        let mut block = Block::new("Normal").bold("Web version: ");
        if linkable(url) {
            block.inlines.push(Inline::Link {
                url: url.clone(),
                children: vec![plain(url)],
            });
        }
        w.block(block);
    }

    if !b.intro_markdown.trim().is_empty() {
        for block in
            MarkdownBlocks::convert(b.intro_markdown, &mut w.next_num, &mut w.numbered_lists)
        {
            w.block(block);
        }
    }

    w.block(Block::new("Heading1").text("Chronology"));
    if b.events.is_empty() {
        w.block(Block::new("Normal").text("No events match this selection."));
    }
    let mut sources = Sources::new();
    for e in b.events {
        w.block(Block::new("Heading2").text(&e.title));
        let mut meta = Block::new("Normal")
            .bold(&e.date.human())
            .text(&format!(" \u{00B7} {}", e.kind.label()));
        if !e.reviewed {
            meta = meta.text(" \u{00B7} Unreviewed");
        }
        w.block(meta);
        if let Some(block) = facts(e) {
            w.block(block);
        }
        let mut notes = Vec::new();
        for s in &e.sources {
            let (n, first) = sources.cite(s);
            if notes
                .iter()
                .any(|i| matches!(i, Inline::Note { n: m, .. } if *m == n))
            {
                continue;
            }
            if first {
                w.footnotes.insert(n, citation(s, b.base_url.as_deref()));
            }
            notes.push(Inline::Note { n, first });
        }
        let mut summary = if e.summary.trim().is_empty() {
            Vec::new()
        } else {
            MarkdownBlocks::convert(&e.summary, &mut w.next_num, &mut w.numbered_lists)
        };
        // Citations follow the summary's last paragraph, or stand in their own.
        let attach = summary
            .last()
            .is_some_and(|last| last.style == "Normal" && last.numbering.is_none());
        if !notes.is_empty() && !attach {
            summary.push(Block::new("Normal").text("Sources:"));
        }
        if let Some(last) = summary.last_mut() {
            last.inlines.extend(notes);
        }
        for block in summary {
            w.block(block);
        }
    }

    let numbered_lists = std::mem::take(&mut w.numbered_lists);
    let mut docx = numbering(w.docx, &numbered_lists);
    // The List Bullet style refers to the numbering part, whether or not a paragraph does.
    docx.document_rels.has_numberings = true;
    let xml = docx.build();

    let footnotes = String::from_utf8(xml.footnotes)?.replace(
        &format!("<w:t xml:space=\"preserve\">{FOOTNOTE_REF_MARK}</w:t>"),
        "<w:footnoteRef/>",
    );
    package(vec![
        ("[Content_Types].xml".into(), xml.content_type),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), core_xml(b)),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), xml.document_rels),
        ("word/document.xml".into(), xml.document),
        ("word/styles.xml".into(), xml.styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), footnotes.into_bytes()),
    ])
}
