//! The dates tagger: `timex::tag` and, for TimeML input, `timex::tag_timeml`. The first byte
//! chooses a document date (or none); the rest is the document.
#![no_main]
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let dct = (first & 1 == 1).then(|| {
        NaiveDate::from_ymd_opt(
            1990 + i32::from(first >> 3),
            1 + u32::from(first >> 1 & 3) * 3,
            28,
        )
        .unwrap()
    });
    let timexes = match entente::timex::tag_timeml(text, dct) {
        Some((_, timexes)) => {
            for t in &timexes {
                assert!(t.start <= t.end && t.end <= text.len(), "span out of range");
            }
            return;
        }
        None => entente::timex::tag(text, dct),
    };
    for t in &timexes {
        assert!(t.start <= t.end && t.end <= text.len(), "span out of range");
        assert_eq!(&text[t.start..t.end], t.text);
    }
});
