//! Text measured without a font: estimated widths (see the module header of
//! [`super`]), word wrapping and cutting to a width, and escaping for XML.

/// Advance widths in thousandths of an em of the characters U+0020 to U+007E: the larger of
/// Liberation Sans Regular and DejaVu Sans for each (see the module header).
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
    637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667,
    611, 778, 752, 295, 500, 667, 558, 863, 749, 788, 667, 788, 723, 667, 611, 732, 685, 989, 686,
    667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580,
    278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
];
/// The same for Liberation Sans Bold and DejaVu Sans Bold.
const BOLD: [u16; 95] = [
    349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 763, 734, 831, 684,
    684, 821, 837, 373, 557, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771,
    725, 726, 458, 366, 458, 838, 557, 500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666,
    343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
];

/// Estimated width in pixels of `text` at `size` pixels: never less than the real width in
/// Liberation Sans, Arial, Helvetica or DejaVu Sans.
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let table = if bold { &BOLD } else { &REGULAR };
    let thousandths: u32 = text
        .chars()
        .map(|c| match c as u32 {
            0x20..=0x7E => u32::from(table[(c as usize) - 0x20]),
            _ => 1000,
        })
        .sum();
    f64::from(thousandths) * size / 1000.0
}

/// `text` cut so that it and a trailing "…" fit in `max` pixels (unchanged if it fits).
pub(crate) fn truncate(text: &str, size: f64, bold: bool, max: f64) -> String {
    if text_width(text, size, bold) <= max {
        return text.to_string();
    }
    let room = max - text_width("\u{2026}", size, bold);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0u8; 4]), size, bold);
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}\u{2026}", out.trim_end())
}

/// `text` word-wrapped into at most `lines` lines of at most `max` pixels; the last line
/// ends with "…" when words are left over, and a word wider than a line is cut.
pub(crate) fn wrap(text: &str, size: f64, max: f64, lines: usize) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() && out.len() < lines {
        let mut line = String::new();
        while i < words.len() {
            let candidate = if line.is_empty() {
                words[i].to_string()
            } else {
                format!("{line} {}", words[i])
            };
            if text_width(&candidate, size, false) <= max {
                line = candidate;
                i += 1;
            } else {
                break;
            }
        }
        if line.is_empty() {
            // One word wider than a line.
            line = truncate(words[i], size, false, max);
            i += 1;
        }
        out.push(line);
    }
    if i < words.len() {
        if let Some(last) = out.last_mut() {
            let rest = format!("{last} {}", words[i..].join(" "));
            *last = truncate(&rest, size, false, max);
        }
    }
    out
}
/// Text for XML: markup characters escaped, characters XML cannot hold dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
