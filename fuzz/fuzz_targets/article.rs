//! Article files (`content/articles/**`): `load::articles::parse_article`.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = entente::load::articles::parse_article(
        Path::new("articles/fuzz.txt"),
        text.to_string(),
        "fuzz",
    ) {
        assert!(article.body_start <= article.text.len());
        assert!(!article.id.is_empty());
        assert!(article
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }
});
