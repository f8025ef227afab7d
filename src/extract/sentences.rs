//! Sentence splitting for news text, with byte offsets.
//!
//! Periods after abbreviations ("U.S.", "Sec.", "St. Kitts", "Mr.", initials) do not end a
//! sentence; a line break always does (articles put one paragraph per line).

/// A sentence as a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Words whose trailing period is not a full stop.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sec", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "st", "ste", "mt", "ft", "jr", "sr", "rev", "hon", "rt", "amb", "pres",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "inc", "corp", "ltd", "co", "bros", "vs", "etc", "e.g", "i.e", "approx", "dept",
    "univ", "assn", "est", "fig", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "p.m", "a.m",
];

/// Words that, capitalised after "U.S." and similar, show a new sentence has begun.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "After",
    "Before",
    "During",
    "Meanwhile",
    "However",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
];

fn ends_with_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials: "Joseph R. Biden", "J.D. Vance".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || (lower.contains('.') && lower.len() <= 6)
}

/// Splits `text[range]` into sentences; offsets are into `text`.
pub(crate) fn split(text: &str, from: usize, to: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = from;
    let bytes = text.as_bytes();
    let mut i = from;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            out.push(Sentence {
                start: s + lead,
                end: e - trail,
            });
        }
    };
    while i < to {
        let b = bytes[i];
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            // Include closing quotes and brackets in the sentence.
            let mut end = i + 1;
            while end < to {
                let rest = &text[end..to];
                let Some(c) = rest.chars().next() else { break };
                if matches!(c, '"' | '\'' | ')' | '\u{201d}' | '\u{2019}') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let next = text[end..to].trim_start_matches([' ', '\t']);
            let gap = (to - end) - next.len();
            let next_char = next.chars().next();
            let boundary = match next_char {
                None => true,
                Some('\n') | Some('\r') => true,
                Some(c)
                    if gap > 0
                        && (c.is_uppercase()
                            || c.is_ascii_digit()
                            || matches!(c, '"' | '\u{201c}' | '(')) =>
                {
                    if b == b'.' && ends_with_abbreviation(text, i) {
                        // "U.S. The tour..." still ends a sentence.
                        let next_word: String =
                            next.chars().take_while(|c| c.is_alphabetic()).collect();
                        SENTENCE_STARTERS.contains(&next_word.as_str())
                            && text[..i].ends_with(['S', 'K', 'N'])
                            && text[..i].contains('.')
                    } else {
                        true
                    }
                }
                _ => false,
            };
            if boundary {
                push(&mut out, start, end);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start, to);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text, 0, text.len())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            texts("Sec. Rubio met Mr. Holness in St. Kitts on Monday. The U.S. envoy left."),
            [
                "Sec. Rubio met Mr. Holness in St. Kitts on Monday.",
                "The U.S. envoy left."
            ]
        );
        assert_eq!(
            texts("President Joseph R. Biden spoke with the U.S. ambassador. He left."),
            [
                "President Joseph R. Biden spoke with the U.S. ambassador.",
                "He left."
            ]
        );
    }

    #[test]
    fn us_at_the_end_of_a_sentence_still_ends_it() {
        assert_eq!(
            texts("He flew to the U.S. The tour included Jamaica."),
            ["He flew to the U.S.", "The tour included Jamaica."]
        );
    }

    #[test]
    fn lines_and_quotes() {
        assert_eq!(
            texts("\"We met,\" he said. \"It went well.\"\nNext line"),
            ["\"We met,\" he said.", "\"It went well.\"", "Next line"]
        );
    }

    #[test]
    fn offsets_are_on_char_boundaries_with_unicode() {
        let text = "Zelenskyy’s visit — “historic.” Next sentence é.";
        for s in split(text, 0, text.len()) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}
