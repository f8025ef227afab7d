//! Markdown (a briefing's introduction, an event's summary) as paragraphs in Word's styles.

use super::blocks::{clean, linkable, Block, Inline, Span};
use super::styles::BULLET_NUM;
use crate::render::markdown;
use pulldown_cmark::{Event as Md, HeadingLevel, Parser, Tag, TagEnd};

/// Markdown (an introduction or a summary) as paragraphs in Word's styles. Headings keep
/// their level (`#` is Heading 1, a sibling of "Chronology"); lists become List Bullet or
/// List Number paragraphs, numbered lists each restarting at their own start.
pub(super) struct MarkdownBlocks<'n> {
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
    pub(super) fn convert(
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
