//! The document's content as plain data (paragraphs of styled runs, links and citations),
//! built before any of it becomes docx-rs runs, and the cleaning every text goes through.

use super::FOOTNOTE_REF_MARK;

/// One run of text with its formatting.
#[derive(Debug, Clone, Default)]
pub(super) struct Span {
    pub(super) text: String,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) strike: bool,
    pub(super) code: bool,
}

/// What a paragraph holds, before it becomes docx-rs runs.
#[derive(Debug, Clone)]
pub(super) enum Inline {
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
pub(super) struct Block {
    pub(super) style: &'static str,
    pub(super) numbering: Option<(usize, usize)>,
    pub(super) inlines: Vec<Inline>,
}

impl Block {
    pub(super) fn new(style: &'static str) -> Self {
        Block {
            style,
            numbering: None,
            inlines: Vec::new(),
        }
    }

    pub(super) fn text(mut self, text: &str) -> Self {
        self.inlines.push(plain(text));
        self
    }

    pub(super) fn bold(mut self, text: &str) -> Self {
        self.inlines.push(Inline::Text(Span {
            text: clean(text),
            bold: true,
            ..Span::default()
        }));
        self
    }
}

pub(super) fn plain(text: &str) -> Inline {
    Inline::Text(Span {
        text: clean(text),
        ..Span::default()
    })
}

/// Text as XML can carry it: control characters (invalid in XML 1.0, or line breaks that
/// would not show) become spaces, and the footnote placeholder cannot be forged.
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != FOOTNOTE_REF_MARK && c != '\u{FFFE}' && c != '\u{FFFF}')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A URL as a field argument: inside `HYPERLINK "..."` a quote or backslash would end or
/// escape the argument, and spaces or controls have no place in a URL.
pub(super) fn field_url(url: &str) -> String {
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
pub(super) fn linkable(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
}
