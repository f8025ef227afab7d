//! The document being written: paragraphs, runs, fields and footnotes handed to docx-rs,
//! with the ids this module numbers itself so that the same briefing gives the same bytes.

use super::blocks::{clean, field_url, Block, Inline, Span};
use super::FOOTNOTE_REF_MARK;
use docx_rs::{
    Docx, FieldCharType, Footnote, IndentLevel, InstrText, NumberingId, Paragraph, Run, RunFonts,
};
use std::collections::BTreeMap;

/// The document being written: docx-rs's builder plus the ids this module hands out itself.
pub(super) struct Writer {
    pub(super) docx: Docx,
    pub(super) next_para: u32,
    pub(super) next_bookmark: usize,
    pub(super) next_num: usize,
    pub(super) numbered_lists: Vec<(usize, usize)>,
    /// Footnote content of each source, by number, filled at its first citation.
    pub(super) footnotes: BTreeMap<usize, Vec<Inline>>,
}

impl Writer {
    fn paragraph(&mut self) -> Paragraph {
        let id = self.next_para;
        self.next_para += 1;
        Paragraph::new().id(format!("{id:08X}"))
    }

    pub(super) fn block(&mut self, block: Block) {
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
