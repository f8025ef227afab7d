//! Words and punctuation of a sentence, with byte offsets into the article.
//!
//! Words keep inner periods, apostrophes and hyphens ("U.S.", "Sino-African", "three-day",
//! "co-chaired"); a possessive "'s" is cut off and remembered, so "Ukraine's" is the word
//! "Ukraine" with `possessive` set. Every other character that is not a space is a token of
//! its own, except runs of dashes ("--").

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    /// The token as written (without a possessive "'s").
    pub(crate) text: &'a str,
    /// Lower case of `text`, with curly apostrophes made straight.
    pub(crate) lower: String,
    /// Byte offsets into the article.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// A word (letters or digits), not punctuation.
    pub(crate) word: bool,
    /// Starts with an upper-case letter.
    pub(crate) cap: bool,
    /// Followed by a possessive "'s" (or a bare "'" after a plural).
    pub(crate) possessive: bool,
}

impl Tok<'_> {
    /// Whether this is the punctuation `p`.
    pub(crate) fn is(&self, p: &str) -> bool {
        !self.word && self.text == p
    }

    /// Whether this token closes or opens a quotation.
    pub(crate) fn is_quote(&self) -> bool {
        !self.word && matches!(self.text, "\"" | "\u{201c}" | "\u{201d}" | "''" | "``")
    }

    /// A dash that sets off a clause ("--", an em or en dash, a spaced hyphen).
    pub(crate) fn is_dash(&self) -> bool {
        !self.word
            && (self.text.starts_with("--") || matches!(self.text, "\u{2014}" | "\u{2013}" | "-"))
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '.' | '\'' | '-' | '\u{2019}' | '&')
}

/// Splits `text` (which starts at byte `offset` of the article) into tokens.
pub(crate) fn tokenize(text: &str, offset: usize) -> Vec<Tok<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = k + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                let next_word = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || (is_inner(d) && next_word) {
                    j += 1;
                } else if d == '.' && abbreviation_continues(&chars, k, j) {
                    // "U.S." keeps its last period; "Washington." does not.
                    j += 1;
                    break;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            out.push(word(text, i, end, offset));
            k = j;
            continue;
        }
        if c == '-' || c == '_' {
            let mut j = k + 1;
            while chars.get(j).is_some_and(|&(_, d)| d == '-' || d == '_') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            out.push(punct(&text[i..end], i + offset, end + offset));
            k = j;
            continue;
        }
        let end = i + c.len_utf8();
        out.push(punct(&text[i..end], i + offset, end + offset));
        k += 1;
    }
    out
}

/// Whether the period at `j` ends an abbreviation with inner periods ("U.S.", "U.N.") or an
/// initial ("Joseph R. Biden").
fn abbreviation_continues(chars: &[(usize, char)], from: usize, j: usize) -> bool {
    let word: String = chars[from..j].iter().map(|&(_, c)| c).collect();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)
}

fn word(text: &str, start: usize, end: usize, offset: usize) -> Tok<'_> {
    let mut end = end;
    let mut possessive = false;
    let raw = &text[start..end];
    for suffix in ["'s", "\u{2019}s", "'S"] {
        if raw.len() > suffix.len() + 1 && raw.ends_with(suffix) {
            end -= suffix.len();
            possessive = true;
            break;
        }
    }
    // "leaders' meeting": a bare apostrophe after a plural.
    let mut after = text[end..].chars();
    if !possessive
        && matches!(after.next(), Some('\'' | '\u{2019}'))
        && raw.ends_with('s')
        && !after.next().is_some_and(char::is_alphanumeric)
    {
        possessive = true;
    }
    let t = &text[start..end];
    Tok {
        text: t,
        lower: t.to_lowercase().replace('\u{2019}', "'"),
        start: start + offset,
        end: end + offset,
        word: true,
        cap: t.chars().next().is_some_and(char::is_uppercase),
        possessive,
    }
}

fn punct(t: &str, start: usize, end: usize) -> Tok<'_> {
    Tok {
        text: t,
        lower: t.to_string(),
        start,
        end,
        word: false,
        cap: false,
        possessive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_lose_possessives() {
        assert_eq!(
            texts("The U.S. and Ukraine's three-day talks -- co-chaired."),
            [
                "The",
                "U.S.",
                "and",
                "Ukraine",
                "three-day",
                "talks",
                "--",
                "co-chaired",
                "."
            ]
        );
        let t = tokenize("Ukraine's leaders' meeting", 0);
        assert!(t[0].possessive && t[1].possessive && !t[2].possessive);
    }

    #[test]
    fn offsets_point_into_the_article() {
        let t = tokenize("met Xi", 10);
        assert_eq!((t[1].start, t[1].end), (14, 16));
        assert_eq!(texts("Washington."), ["Washington", "."]);
    }
}
