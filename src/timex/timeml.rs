//! TimeML files (`.tml`, as in TimeBank and TempEval) given to the tagger as they are: the
//! document date comes from `<DCT>`, the text tagged is the character content of `<TEXT>`
//! (tags removed, entities decoded), and every span is mapped back to byte offsets in the file,
//! so a TimeML corpus can be tagged without converting it first.

use chrono::NaiveDate;

/// The taggable text of a TimeML file and where each of its bytes came from.
pub(crate) struct TimemlText {
    pub(crate) dct: Option<NaiveDate>,
    pub(crate) text: String,
    /// For each byte of `text`, the byte span in the file that produced it (an entity such as
    /// `&amp;` maps all the bytes it decodes to onto its whole span).
    origin: Vec<(u32, u32)>,
}

impl TimemlText {
    /// The file span of `text[start..end]`.
    pub(crate) fn file_span(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.origin.get(start).map(|o| o.0 as usize).unwrap_or(0);
        let last = end
            .checked_sub(1)
            .and_then(|i| self.origin.get(i))
            .map(|o| o.1 as usize)
            .unwrap_or(first);
        (first, last.max(first))
    }
}

/// `Some` when `file` is a TimeML document with a `<TEXT>` element.
pub(crate) fn read(file: &str) -> Option<TimemlText> {
    if !file.contains("<TimeML") || file.len() > u32::MAX as usize {
        return None;
    }
    let open = file.find("<TEXT>")? + "<TEXT>".len();
    let close = open + file[open..].find("</TEXT>")?;
    let mut text = String::with_capacity(close - open);
    let mut origin = Vec::with_capacity(close - open);
    let mut at = open;
    while at < close {
        let rest = &file[at..close];
        if rest.starts_with('<') {
            // A tag (`<TIMEX3 ...>`, `<EVENT ...>`, `</SIGNAL>`): no text of its own.
            at += rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
            continue;
        }
        if rest.starts_with('&') {
            if let Some((decoded, used)) = entity(rest) {
                let mut buf = [0u8; 4];
                for _ in decoded.encode_utf8(&mut buf).bytes() {
                    origin.push((at as u32, (at + used) as u32));
                }
                text.push(decoded);
                at += used;
                continue;
            }
        }
        let c = rest.chars().next()?;
        for _ in 0..c.len_utf8() {
            origin.push((at as u32, (at + c.len_utf8()) as u32));
        }
        text.push(c);
        at += c.len_utf8();
    }
    Some(TimemlText {
        dct: dct(file),
        text,
        origin,
    })
}

/// The `value` of the creation-time TIMEX3 inside `<DCT>`.
fn dct(file: &str) -> Option<NaiveDate> {
    let start = file.find("<DCT>")?;
    let inner = &file[start..start + file[start..].find("</DCT>")?];
    let value = inner.split("value=\"").nth(1)?;
    NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
}

/// The character an entity at the start of `s` stands for, and the entity's length.
pub fn entity(s: &str) -> Option<(char, usize)> {
    // Entities are short: looking further would make a file of bare `&`s quadratic.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => name
            .strip_prefix("#x")
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32)?,
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::{entity, read};

    #[test]
    fn entities_decode_and_stray_ampersands_stay_cheap() {
        assert_eq!(entity("&amp;x"), Some(('&', 5)));
        assert_eq!(entity("&#x41;"), Some(('A', 6)));
        assert_eq!(entity("&#65;"), Some(('A', 5)));
        assert_eq!(entity("& no entity; here"), None);
        // A TimeML text of bare ampersands (and no `;` anywhere) is read as itself; looking for
        // a `;` to the end of the file from each one would take minutes here.
        let body = "&".repeat(200_000);
        let file = format!("<TimeML><TEXT>{body}</TEXT></TimeML>");
        assert_eq!(read(&file).unwrap().text, body);
    }
}
