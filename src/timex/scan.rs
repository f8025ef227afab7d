//! Single-pass tokeniser.
//!
//! In: any `&str`. Out: a vector of [`Token`]s with byte offsets. Words are
//! runs of ASCII letters, numbers runs of ASCII digits, every other ASCII
//! character is its own punctuation token, and any non-ASCII character is an
//! `Other` token covering the whole UTF-8 sequence, so every offset a caller
//! sees lies on a char boundary. Sentence ends are marked here once, so the
//! tense finder does not have to rediscover them.

use super::lexicon;

/// A run of ASCII letters, a run of ASCII digits, one ASCII punctuation
/// character, or one non-ASCII character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
    Other,
}

/// One token: its byte span in the text and what the grammar asks of it.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// Lower-cased word, or the punctuation character; empty for numbers.
    pub(crate) lower: String,
    /// Value of a digit run (saturating); 0 otherwise.
    pub(crate) num: u32,
    /// Number of digits of a digit run.
    pub(crate) digits: u8,
    /// First letter upper case.
    pub(crate) cap: bool,
    /// Whitespace (or nothing) separates it from the previous token.
    pub(crate) space_before: bool,
    /// A line break lies between it and the previous token.
    pub(crate) newline_before: bool,
    /// This token ends a sentence (`.`, `!`, `?`, `;` not after an abbreviation).
    pub(crate) sent_end: bool,
}

impl Token {
    /// The punctuation token `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.lower.len() == 1 && self.lower.starts_with(c)
    }
}

/// Tokenise `text`. Linear in its length; allocates one small string per word.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Token> = Vec::with_capacity(bytes.len() / 5 + 1);
    let mut i = 0;
    let mut space = true;
    let mut newline = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            if b == b'\n' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let (kind, lower, num, digits, cap) = if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let w = &text[start..i];
            (
                Kind::Word,
                w.to_ascii_lowercase(),
                0,
                0,
                b.is_ascii_uppercase(),
            )
        } else if b.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            let d = (i - start).min(255) as u8;
            (Kind::Num, String::new(), v, d, false)
        } else if b < 0x80 {
            i += 1;
            (Kind::Punct, (b as char).to_string(), 0, 0, false)
        } else {
            // Skip one whole UTF-8 scalar: lead byte then continuation bytes.
            i += 1;
            while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                i += 1;
            }
            (Kind::Other, String::new(), 0, 0, false)
        };
        toks.push(Token {
            start,
            end: i,
            kind,
            lower,
            num,
            digits,
            cap,
            space_before: space,
            newline_before: newline,
            sent_end: false,
        });
        space = false;
        newline = false;
    }
    mark_sentence_ends(text, &mut toks);
    toks
}

fn mark_sentence_ends(text: &str, toks: &mut [Token]) {
    for k in 0..toks.len() {
        let t = &toks[k];
        if t.kind != Kind::Punct {
            continue;
        }
        let end = match t.lower.as_str() {
            "!" | "?" | ";" => true,
            "." => {
                let prev_abbrev = k > 0
                    && toks[k - 1].kind == Kind::Word
                    && lexicon::abbreviation(&toks[k - 1].lower);
                let next_lower = toks
                    .get(k + 1)
                    .is_some_and(|n| n.kind == Kind::Word && !n.cap);
                // "0.9", "$42.875": a decimal point, glued between digits.
                let decimal = k > 0
                    && toks[k - 1].kind == Kind::Num
                    && !t.space_before
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.kind == Kind::Num && !n.space_before);
                !(prev_abbrev || next_lower || decimal)
            }
            _ => false,
        };
        toks[k].sent_end = end;
    }
    // A blank line also separates sentences (headlines, datelines).
    for k in 1..toks.len() {
        if toks[k].newline_before && !toks[k - 1].sent_end {
            let gap = &text.as_bytes()[toks[k - 1].end..toks[k].start];
            let gap_has_blank = gap.iter().filter(|&&b| b == b'\n').count() >= 2;
            if gap_has_blank {
                toks[k - 1].sent_end = true;
            }
        }
    }
}
