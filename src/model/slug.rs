//! Safe path segments for ids and page names.
//!
//! In: any text (titles, names, user-written ids). Out: a segment of lower-case ASCII letters,
//! digits and hyphens that can never climb out of the output directory, name a device file on
//! Windows, or exceed file-system limits.

/// Longest segment we write; file systems allow 255 bytes and we keep room for suffixes.
pub const MAX_SLUG_LEN: usize = 96;

/// Windows device names that cannot be file names anywhere in a site published to Windows.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Turns text into a safe slug ("Sec. Rubio visits Jamaica" -> "sec-rubio-visits-jamaica").
/// Never empty: text with no letters or digits becomes "untitled".
pub fn slugify(text: &str) -> String {
    let mut slug = slug::slugify(text);
    if slug.len() > MAX_SLUG_LEN {
        slug.truncate(MAX_SLUG_LEN);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    if RESERVED.contains(&slug.as_str()) {
        slug.push('-');
        slug.push('x');
    }
    slug
}

/// An id that cannot be a directory name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// `id:` with nothing after it.
    #[error("empty `id`: remove the field to get one made from date and title")]
    Empty,
    /// Characters other than lower-case letters, digits, '-' and '_', or a leading '-' or '_'.
    #[error("invalid id \"{}\": use only lower-case letters, digits, '-' and '_' (e.g. \"{}\")", .id.chars().take(60).collect::<String>(), slugify(.id))]
    Characters {
        /// The id as written.
        id: String,
    },
    /// Longer than [`MAX_SLUG_LEN`].
    #[error("id is {0} characters long: keep it to {MAX_SLUG_LEN} or fewer")]
    TooLong(usize),
    /// A device name on Windows.
    #[error("id \"{0}\" is a reserved device name on Windows: choose another")]
    Reserved(String),
}

/// Checks a user-written id: it is used as a directory name, so it must already be a slug.
pub fn validate_id(id: &str) -> Result<(), IdError> {
    let ok_chars = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    if !ok_chars || id.starts_with(['-', '_']) {
        return Err(IdError::Characters { id: id.to_string() });
    }
    if id.len() > MAX_SLUG_LEN {
        return Err(IdError::TooLong(id.len()));
    }
    if RESERVED.contains(&id) {
        return Err(IdError::Reserved(id.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_segments() {
        assert_eq!(
            slugify("Sec. Rubio visits Jamaica"),
            "sec-rubio-visits-jamaica"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify(""), "untitled");
        assert_eq!(slugify("///"), "untitled");
        assert_eq!(slugify("CON"), "con-x");
        assert_eq!(slugify("COM0"), "com0-x", "COM0 and LPT0 are reserved too");
        assert_eq!(slugify("lpt0"), "lpt0-x");
        assert_eq!(slugify("São Tomé"), "sao-tome");
        let long = slugify(&"a".repeat(10_000));
        assert!(long.len() <= MAX_SLUG_LEN);
    }

    #[test]
    fn ids_must_already_be_safe() {
        assert!(validate_id("sec-2021-03-15-blinken-japan-3992").is_ok());
        assert!(validate_id("../../etc/passwd").is_err());
        assert!(validate_id("/abs").is_err());
        assert!(validate_id("").is_err());
        assert!(validate_id("con").is_err());
        assert!(validate_id(&"a".repeat(10_000)).is_err());
        assert!(validate_id("a\u{200d}b").is_err());
    }
}
