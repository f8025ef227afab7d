//! What text a site may hold: no control characters, and no field that looks filled in but
//! shows nothing.

/// A control character that has no business in a site's text: C0 (but tab, line feed and
/// carriage return), DEL and C1. They would reach pages, feeds and exports as they are, where
/// they are invisible, break the file (XML forbids most of them) or drive a terminal.
pub(crate) fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Line, column (in characters) and character of every control character written raw in
/// `text`. Scans bytes, so the common case (none) costs one pass.
pub(crate) fn raw_controls(text: &str) -> Vec<(usize, usize, char)> {
    let bytes = text.as_bytes();
    let suspicious = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            // C1 in UTF-8: 0xC2 0x80..=0x9F.
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    };
    if !(0..bytes.len()).any(suspicious) {
        return Vec::new();
    }
    let (mut line, mut column) = (1, 1);
    let mut found = Vec::new();
    for c in text.chars() {
        if is_control(c) {
            found.push((line, column, c));
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    found
}

/// What to say about a control character.
pub(crate) fn control_message(c: char) -> String {
    let name = match c {
        '\0' => " (NUL)",
        '\u{1b}' => " (escape)",
        '\u{7f}' => " (DEL)",
        _ => "",
    };
    format!(
        "control character U+{:04X}{name} in the text: remove it (it is invisible, and would \
         reach the site's pages and exports as it is)",
        c as u32
    )
}

/// Whether `text` shows nothing: only white space and invisible format characters (zero-width
/// spaces and joiners, bidirectional marks, the byte order mark, soft hyphens, variation
/// selectors, tag characters). A title of a zero-width space is a missing title.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || is_control(c)
            || matches!(
                c,
                '\u{ad}'
                    | '\u{34f}'
                    | '\u{61c}'
                    | '\u{115f}'
                    | '\u{1160}'
                    | '\u{17b4}'
                    | '\u{17b5}'
                    | '\u{180b}'..='\u{180f}'
                    | '\u{200b}'..='\u{200f}'
                    | '\u{202a}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}'
                    | '\u{3164}'
                    | '\u{fe00}'..='\u{fe0f}'
                    | '\u{feff}'
                    | '\u{ffa0}'
                    | '\u{e0000}'..='\u{e0fff}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_their_places() {
        assert!(raw_controls("plain\ttext\r\nwith lines\n").is_empty());
        assert_eq!(
            raw_controls("ab\ncé\u{0}x\u{85}"),
            [(2, 3, '\0'), (2, 5, '\u{85}')]
        );
        assert!(is_control('\u{9f}') && !is_control('\u{a0}') && !is_control('\n'));
    }

    #[test]
    fn invisible_text_is_blank() {
        for blank in [
            "",
            " ",
            "\u{200b}",
            "\u{feff}\u{200d} \u{2060}",
            "\u{e0041}\u{fe0f}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for shown in ["a", "\u{200b}a", "·", "\u{1f600}"] {
            assert!(!is_blank(shown), "{shown:?}");
        }
    }
}
