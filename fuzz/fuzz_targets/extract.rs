//! The engagement extractor: `extract::extract_article` on an article parsed from the input
//! (falling back to a plain-text article with a fixed date).
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("articles/fuzz.txt");
    let article = match entente::load::articles::parse_article(path, text.to_string(), "fuzz") {
        Ok(a) => a,
        Err(_) => {
            match entente::load::articles::parse_article(
                path,
                format!("date 2025-05-07 1\nHeadline\n{text}"),
                "fuzz",
            ) {
                Ok(a) => a,
                Err(_) => return,
            }
        }
    };
    let events = entente::extract::extract_article(&article);
    for e in &events {
        if let entente::model::Origin::Extracted { evidence, .. } = &e.origin {
            for ev in evidence {
                assert!(ev.start <= ev.end && ev.end <= article.text.len());
            }
        }
        assert!(
            entente::model::slug::validate_id(&e.id).is_ok(),
            "bad id {}",
            e.id
        );
    }
});
