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

use super::ExportError;
use crate::model::Paper;
use crate::model::{Event, PartialDate};
use crate::render::markdown;
use docx_rs::{
    AbstractNumbering, Docx, FieldCharType, Footnote, IndentLevel, InstrText, Level, LevelJc,
    LevelOverride, LevelText, LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId,
    PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
    VertAlignType,
};
use pulldown_cmark::{Event as Md, HeadingLevel, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::io::Write;

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

/// Ids of the bullet and numbered-list definitions in `numbering.xml`, clear of docx-rs's
/// own default definition (abstract 1, instance 1), which every document carries.
const BULLET_ABSTRACT: usize = 10;
const NUMBER_ABSTRACT: usize = 11;
const BULLET_NUM: usize = 10;

/// One run of text with its formatting.
#[derive(Debug, Clone, Default)]
struct Span {
    text: String,
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
}

/// What a paragraph holds, before it becomes docx-rs runs.
#[derive(Debug, Clone)]
enum Inline {
    Text(Span),
    Break,
    Link {
        url: String,
        children: Vec<Inline>,
    },
    /// Citation of source `n`; `first` is its footnote, later ones refer back to it.
    Note {
        n: usize,
        first: bool,
    },
}

/// A paragraph: its style, its list numbering (num id, level) and its content.
#[derive(Debug, Clone)]
struct Block {
    style: &'static str,
    numbering: Option<(usize, usize)>,
    inlines: Vec<Inline>,
}

impl Block {
    fn new(style: &'static str) -> Self {
        Block {
            style,
            numbering: None,
            inlines: Vec::new(),
        }
    }

    fn text(mut self, text: &str) -> Self {
        self.inlines.push(plain(text));
        self
    }

    fn bold(mut self, text: &str) -> Self {
        self.inlines.push(Inline::Text(Span {
            text: clean(text),
            bold: true,
            ..Span::default()
        }));
        self
    }
}

fn plain(text: &str) -> Inline {
    Inline::Text(Span {
        text: clean(text),
        ..Span::default()
    })
}

/// Text as XML can carry it: control characters (invalid in XML 1.0, or line breaks that
/// would not show) become spaces, and the footnote placeholder cannot be forged.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != FOOTNOTE_REF_MARK && c != '\u{FFFE}' && c != '\u{FFFF}')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A URL as a field argument: inside `HYPERLINK "..."` a quote or backslash would end or
/// escape the argument, and spaces or controls have no place in a URL.
fn field_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for ch in url.chars() {
        if ch == '"' || ch == '\\' || ch.is_whitespace() || ch.is_control() {
            let mut buf = [0u8; 4];
            for b in ch.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else if ch != FOOTNOTE_REF_MARK {
            out.push(ch);
        }
    }
    out
}

/// Only links a reader can follow become links: the site's sanitiser allows the same schemes.
fn linkable(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
}

/// Markdown (an introduction or a summary) as paragraphs in Word's styles. Headings keep
/// their level (`#` is Heading 1, a sibling of "Chronology"); lists become List Bullet or
/// List Number paragraphs, numbered lists each restarting at their own start.
struct MarkdownBlocks<'n> {
    blocks: Vec<Block>,
    current: Option<Block>,
    /// Open lists: the numbering id their items use.
    lists: Vec<usize>,
    quote: usize,
    bold: usize,
    italic: usize,
    strike: usize,
    /// Open links: URL and where their content starts in the current block.
    links: Vec<(String, usize)>,
    /// Numbered lists need their own numbering instance to restart; the document holds them.
    next_num: &'n mut usize,
    numbered_lists: &'n mut Vec<(usize, usize)>,
    in_code_block: bool,
}

impl<'n> MarkdownBlocks<'n> {
    fn convert(
        markdown: &str,
        next_num: &'n mut usize,
        numbered_lists: &'n mut Vec<(usize, usize)>,
    ) -> Vec<Block> {
        let mut m = MarkdownBlocks {
            blocks: Vec::new(),
            current: None,
            lists: Vec::new(),
            quote: 0,
            bold: 0,
            italic: 0,
            strike: 0,
            links: Vec::new(),
            next_num,
            numbered_lists,
            in_code_block: false,
        };
        for event in Parser::new_ext(markdown, markdown::options()) {
            m.event(event);
        }
        m.flush();
        m.blocks
    }

    fn body_style(&self) -> &'static str {
        if self.quote > 0 {
            "Quote"
        } else {
            "Normal"
        }
    }

    fn flush(&mut self) {
        // Links left open by malformed input still keep their text.
        while let Some((url, start)) = self.links.pop() {
            self.close_link(url, start);
        }
        if let Some(block) = self.current.take() {
            let has_text = block.inlines.iter().any(|i| match i {
                Inline::Text(s) => !s.text.trim().is_empty(),
                _ => true,
            });
            if has_text {
                self.blocks.push(block);
            }
        }
    }

    fn open(&mut self, style: &'static str) {
        self.flush();
        self.current = Some(Block::new(style));
    }

    fn push(&mut self, inline: Inline) {
        if self.current.is_none() {
            let style = self.body_style();
            self.current = Some(Block::new(style));
        }
        if let Some(block) = self.current.as_mut() {
            block.inlines.push(inline);
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        self.push(Inline::Text(Span {
            text: clean(text),
            bold: self.bold > 0,
            italic: self.italic > 0,
            strike: self.strike > 0,
            code,
        }));
    }

    fn close_link(&mut self, url: String, start: usize) {
        if let Some(block) = self.current.as_mut() {
            let start = start.min(block.inlines.len());
            let children: Vec<Inline> = block.inlines.drain(start..).collect();
            if linkable(&url) {
                block.inlines.push(Inline::Link { url, children });
            } else {
                block.inlines.extend(children);
            }
        }
    }

    fn event(&mut self, event: Md<'_>) {
        match event {
            Md::Start(Tag::Paragraph) => {
                // A tight list item's text arrives without a paragraph; a loose one's first
                // paragraph is the item's own.
                let item_is_empty = self
                    .current
                    .as_ref()
                    .is_some_and(|b| b.numbering.is_some() && b.inlines.is_empty());
                if !item_is_empty {
                    let style = if self.lists.is_empty() {
                        self.body_style()
                    } else {
                        "ListContinue"
                    };
                    self.open(style);
                }
            }
            Md::Start(Tag::Heading { level, .. }) => self.open(match level {
                HeadingLevel::H1 => "Heading1",
                HeadingLevel::H2 => "Heading2",
                HeadingLevel::H3 => "Heading3",
                _ => "Heading4",
            }),
            Md::Start(Tag::BlockQuote(_)) => {
                self.flush();
                self.quote += 1;
            }
            Md::End(TagEnd::BlockQuote(_)) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            Md::Start(Tag::CodeBlock(_)) => {
                self.open("Normal");
                self.in_code_block = true;
            }
            Md::End(TagEnd::CodeBlock) => {
                self.in_code_block = false;
                self.flush();
            }
            Md::Start(Tag::List(start)) => {
                self.flush();
                let num = match start {
                    None => BULLET_NUM,
                    Some(first) => {
                        let num = *self.next_num;
                        *self.next_num += 1;
                        self.numbered_lists
                            .push((num, usize::try_from(first).unwrap_or(1)));
                        num
                    }
                };
                self.lists.push(num);
            }
            Md::End(TagEnd::List(_)) => {
                self.flush();
                self.lists.pop();
            }
            Md::Start(Tag::Item) => {
                let num = self.lists.last().copied().unwrap_or(BULLET_NUM);
                let style = if num == BULLET_NUM {
                    "ListBullet"
                } else {
                    "ListNumber"
                };
                self.open(style);
                if let Some(block) = self.current.as_mut() {
                    block.numbering = Some((num, self.lists.len().saturating_sub(1).min(8)));
                }
            }
            Md::Start(Tag::TableHead | Tag::TableRow) => self.open("Normal"),
            Md::Start(Tag::TableCell) => {
                let has_cells = self.current.as_ref().is_some_and(|b| !b.inlines.is_empty());
                if has_cells {
                    self.text(" | ", false);
                }
            }
            Md::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => self.flush(),
            Md::Start(Tag::Emphasis) => self.italic += 1,
            Md::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Md::Start(Tag::Strong) => self.bold += 1,
            Md::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Md::Start(Tag::Strikethrough) => self.strike += 1,
            Md::End(TagEnd::Strikethrough) => self.strike = self.strike.saturating_sub(1),
            Md::Start(Tag::Link { dest_url, .. }) => {
                if self.current.is_none() {
                    let style = self.body_style();
                    self.current = Some(Block::new(style));
                }
                let start = self.current.as_ref().map_or(0, |b| b.inlines.len());
                self.links.push((dest_url.to_string(), start));
            }
            Md::End(TagEnd::Link) => {
                if let Some((url, start)) = self.links.pop() {
                    self.close_link(url, start);
                }
            }
            Md::Text(t) => {
                if self.in_code_block {
                    let mut lines = t.split('\n').peekable();
                    while let Some(line) = lines.next() {
                        self.text(line, true);
                        if lines.peek().is_some_and(|l| !l.is_empty()) {
                            self.push(Inline::Break);
                        }
                    }
                } else {
                    self.text(&t, false);
                }
            }
            Md::Code(t) => self.text(&t, true),
            Md::SoftBreak => self.text(" ", false),
            Md::HardBreak => self.push(Inline::Break),
            Md::Rule => self.flush(),
            // Raw HTML is dropped (its text, between the tags, is kept), as on the site.
            _ => {}
        }
    }
}

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

/// The document being written: docx-rs's builder plus the ids this module hands out itself.
struct Writer {
    docx: Docx,
    next_para: u32,
    next_bookmark: usize,
    next_num: usize,
    numbered_lists: Vec<(usize, usize)>,
    /// Footnote content of each source, by number, filled at its first citation.
    footnotes: BTreeMap<usize, Vec<Inline>>,
}

impl Writer {
    fn paragraph(&mut self) -> Paragraph {
        let id = self.next_para;
        self.next_para += 1;
        Paragraph::new().id(format!("{id:08X}"))
    }

    fn block(&mut self, block: Block) {
        let p = self.block_paragraph(block);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn block_paragraph(&mut self, block: Block) -> Paragraph {
        let mut p = self.paragraph().style(block.style);
        if let Some((num, level)) = block.numbering {
            p = p.numbering(NumberingId::new(num), IndentLevel::new(level));
        }
        for inline in block.inlines {
            p = self.inline(p, inline, false);
        }
        p
    }

    fn inline(&mut self, mut p: Paragraph, inline: Inline, in_link: bool) -> Paragraph {
        match inline {
            Inline::Text(span) => p.add_run(run(&span, in_link)),
            Inline::Break => p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping)),
            Inline::Link { url, children } => {
                p = field_begin(p, &format!("HYPERLINK \"{}\"", field_url(&url)));
                for child in children {
                    p = self.inline(p, child, true);
                }
                p.add_run(Run::new().add_field_char(FieldCharType::End, false))
            }
            Inline::Note { n, first } => {
                let bookmark = format!("_RefSrc{n}");
                if first {
                    let id = self.next_bookmark;
                    self.next_bookmark += 1;
                    let content = self.footnotes.remove(&n).unwrap_or_default();
                    let mut note = self.paragraph().style("FootnoteText").add_run(
                        Run::new()
                            .style("FootnoteReference")
                            .add_text(FOOTNOTE_REF_MARK.to_string()),
                    );
                    note = note.add_run(Run::new().add_text(" "));
                    for inline in content {
                        note = self.inline(note, inline, false);
                    }
                    let footnote = Footnote {
                        id: n,
                        content: vec![note],
                    };
                    p.add_bookmark_start(id, bookmark)
                        .add_run(Run::new().add_footnote_reference(footnote))
                        .add_bookmark_end(id)
                } else {
                    // A cross-reference to the footnote, shown as its number in the same
                    // superscript style; the cached result is that number.
                    field_begin(p, &format!("NOTEREF {bookmark} \\f \\h"))
                        .add_run(
                            Run::new()
                                .style("FootnoteReference")
                                .add_text(n.to_string()),
                        )
                        .add_run(Run::new().add_field_char(FieldCharType::End, false))
                }
            }
        }
    }
}

/// The opening of a complex field: begin, instruction, separate; the caller adds the shown
/// result and the end. docx-rs writes an instruction as it is given, so it is escaped here.
fn field_begin(p: Paragraph, instruction: &str) -> Paragraph {
    let escaped = clean(instruction)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    p.add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported(format!(" {escaped} "))))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
}

fn run(span: &Span, in_link: bool) -> Run {
    let mut r = Run::new();
    if in_link {
        r = r.style("Hyperlink");
    }
    if span.bold {
        r = r.bold();
    }
    if span.italic {
        r = r.italic();
    }
    if span.strike {
        r = r.strike();
    }
    if span.code {
        r = r.fonts(
            RunFonts::new()
                .ascii("Courier New")
                .hi_ansi("Courier New")
                .cs("Courier New"),
        );
    }
    r.add_text(span.text.clone())
}

fn styles(docx: Docx) -> Docx {
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        let mut s = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .bold()
            .size(size)
            .color("1F3864")
            .outline_lvl(level)
            .line_spacing(spacing(if level == 0 { 360 } else { 240 }, 80));
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        s
    };
    let list = |id: &str, name: &str, num: usize| {
        let mut s = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .q_format(true)
            .line_spacing(spacing(0, 60));
        s.paragraph_property = s
            .paragraph_property
            .numbering(NumberingId::new(num), IndentLevel::new(0));
        s
    };
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(10)
            .size(52)
            .color("1F3864")
            .line_spacing(spacing(0, 120)),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(11)
            .size(26)
            .color("595959")
            .line_spacing(spacing(0, 240)),
    )
    .add_style(heading("Heading1", "heading 1", 32, 0))
    .add_style(heading("Heading2", "heading 2", 26, 1))
    .add_style(heading("Heading3", "heading 3", 24, 2))
    .add_style(heading("Heading4", "heading 4", 22, 3))
    .add_style(list("ListBullet", "List Bullet", BULLET_NUM))
    .add_style(
        // Numbered lists set their own numbering on each paragraph (each restarts).
        Style::new("ListNumber", StyleType::Paragraph)
            .name("List Number")
            .based_on("Normal")
            .q_format(true)
            .line_spacing(spacing(0, 60)),
    )
    .add_style(
        Style::new("ListContinue", StyleType::Paragraph)
            .name("List Continue")
            .based_on("Normal")
            .indent(Some(720), None, None, None),
    )
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .italic()
            .color("404040")
            .indent(Some(720), None, Some(720), None),
    )
    .add_style(
        Style::new("FootnoteText", StyleType::Paragraph)
            .name("footnote text")
            .based_on("Normal")
            .size(18)
            .line_spacing(spacing(0, 40)),
    )
    .add_style({
        let mut s =
            Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
        s.run_property = s.run_property.vert_align(VertAlignType::SuperScript);
        s
    })
    .add_style(
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
    )
}

fn numbering(docx: Docx, numbered_lists: &[(usize, usize)]) -> Docx {
    let mut bullets = AbstractNumbering::new(BULLET_ABSTRACT);
    let mut numbers = AbstractNumbering::new(NUMBER_ABSTRACT);
    for level in 0..9usize {
        let indent = 720 + 360 * level as i32;
        let symbol = ["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3];
        bullets = bullets.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(symbol),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
        numbers = numbers.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(["decimal", "lowerLetter", "lowerRoman"][level % 3]),
                LevelText::new(format!("%{}.", level + 1)),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    let mut docx = docx
        .add_abstract_numbering(bullets)
        .add_abstract_numbering(numbers)
        .add_numbering(Numbering::new(BULLET_NUM, BULLET_ABSTRACT));
    for &(num, start) in numbered_lists {
        docx = docx.add_numbering(
            Numbering::new(num, NUMBER_ABSTRACT).add_override(LevelOverride::new(0).start(start)),
        );
    }
    docx
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

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in clean(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `docProps/core.xml`: title, author, language, and the "as of" date as both created and
/// modified (never the build's clock), or no dates at all.
fn core_xml(b: &DocxBriefing<'_>) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    xml.push_str(&format!("<dc:title>{}</dc:title>", xml_escape(b.title)));
    xml.push_str(&format!(
        "<dc:creator>{}</dc:creator>",
        xml_escape(b.publisher.unwrap_or(b.site_title))
    ));
    xml.push_str(&format!(
        "<dc:language>{}</dc:language>",
        xml_escape(b.language)
    ));
    if let Some(d) = b.as_of {
        let stamp = format!("{}T00:00:00Z", d.first_day());
        xml.push_str(&format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>"
        ));
    }
    xml.push_str("</cp:coreProperties>");
    xml.into_bytes()
}

/// Writes the parts into a zip in a fixed order with fixed timestamps.
fn package(parts: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options)
            .map_err(|source| ExportError::Zip {
                part: name.clone(),
                source,
            })?;
        zip.write_all(&bytes).map_err(|source| ExportError::Io {
            part: name.clone(),
            source,
        })?;
    }
    zip.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|source| ExportError::Zip {
            part: "the end of the package".into(),
            source,
        })
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
