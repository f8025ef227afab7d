//! Front matter of pages and articles: `load::pages::split_front_matter`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((front, body, line, body_start)) = entente::load::pages::split_front_matter(text) {
        assert!(line >= 1);
        assert!(body_start <= text.len());
        assert_eq!(&text[body_start..], body);
        assert!(front.len() < text.len());
    }
});
