//! Property tests: dates round-trip, past-tense weekdays never land after the document date,
//! slugs and ids are always safe path segments, and builds are deterministic.

use crate::common;

use chrono::{Datelike, Duration, NaiveDate};
use entente::model::slug::{slugify, validate_id, MAX_SLUG_LEN};
use entente::model::PartialDate;
use entente::timex;
use proptest::prelude::*;
use std::fs;
use std::path::Path;

const WINDOWS_DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    "conin$", "conout$",
];

fn day_strategy() -> impl Strategy<Value = NaiveDate> {
    // 1000-01-01 .. 9999-12-31: the four-digit years the format allows.
    let min = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap();
    let max = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    (0..=(max - min).num_days()).prop_map(move |n| min + Duration::days(n))
}

fn partial_date_strategy() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (1000i32..=9999).prop_map(PartialDate::year),
        (1000i32..=9999, 1u32..=12).prop_map(|(y, m)| PartialDate::month(y, m)),
        day_strategy().prop_map(PartialDate::day),
    ]
}

/// Text that a hostile or careless author might use as a title or an id.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[./\\\\a-zA-Z0-9 \\-_:<>\"'|?*\u{0}-\u{1f}\u{202e}\u{200d}\u{feff}é漢]{0,300}",
        prop::sample::select(WINDOWS_DEVICES.to_vec()).prop_map(|s| s.to_uppercase()),
        "(\\.\\./){1,5}etc/passwd",
        "[a-z]{1,3}".prop_map(|s| s.repeat(4000)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn partial_dates_round_trip(date in partial_date_strategy()) {
        let iso = date.iso();
        let parsed = PartialDate::parse(&iso).expect("iso output parses");
        prop_assert_eq!(parsed, date);
        prop_assert_eq!(parsed.iso(), iso);
        prop_assert!(date.first_day() <= date.last_day());
    }

    #[test]
    fn parsing_never_panics_and_accepts_only_what_it_prints(text in "\\PC{0,16}|[0-9-]{0,12}") {
        if let Ok(date) = PartialDate::parse(&text) {
            prop_assert_eq!(date.iso(), text.trim());
        }
    }

    #[test]
    fn past_tense_weekdays_never_pass_the_document_date(
        dct in day_strategy().prop_filter("modern", |d| (1900..=2100).contains(&d.year())),
        weekday in 0usize..7,
        verb in prop::sample::select(vec!["met", "visited", "spoke with", "held talks with", "called"]),
        pair in prop::sample::select(vec![("Rubio", "Holness"), ("The president", "the prime minister"), ("Blinken", "Kishida")]),
    ) {
        const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let text = format!("{} {verb} {} on {}.", pair.0, pair.1, DAYS[weekday]);
        let found = timex::tag(&text, Some(dct));
        let t = found.iter().find(|t| t.text.contains(DAYS[weekday]));
        prop_assert!(t.is_some(), "weekday not tagged in {:?}: {:?}", text, found);
        let value = &t.unwrap().value;
        let date = NaiveDate::parse_from_str(value, "%Y-%m-%d");
        prop_assert!(date.is_ok(), "weekday not resolved to a day: {} in {:?}", value, text);
        let date = date.unwrap();
        prop_assert!(date <= dct, "{:?} with DCT {} resolved to {}", text, dct, date);
        prop_assert!(dct - date < Duration::days(7), "{:?} with DCT {} resolved to {}", text, dct, date);
        prop_assert_eq!(date.weekday().num_days_from_monday() as usize, weekday);
    }

    #[test]
    fn slugs_are_always_safe_path_segments(text in nasty_text()) {
        let slug = slugify(&text);
        prop_assert!(!slug.is_empty());
        prop_assert!(slug.len() <= MAX_SLUG_LEN, "{} bytes", slug.len());
        prop_assert!(
            slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{:?}", slug
        );
        prop_assert!(!WINDOWS_DEVICES.contains(&slug.as_str()), "{:?}", slug);
        prop_assert!(slug != "." && slug != "..");
        // A slug is always an acceptable id.
        prop_assert!(validate_id(&slug).is_ok(), "{:?}: {:?}", slug, validate_id(&slug));
    }

    #[test]
    fn ids_with_path_or_control_characters_are_rejected(
        prefix in "[a-z0-9-]{0,20}",
        bad in prop_oneof![
            Just("/".to_string()),
            Just("\\".to_string()),
            Just("..".to_string()),
            Just("\u{202e}".to_string()),
            Just("\u{200d}".to_string()),
            "[\u{0}-\u{1f}\u{7f}]",
        ],
        suffix in "[a-z0-9-]{0,20}",
    ) {
        let id = format!("{prefix}{bad}{suffix}");
        prop_assert!(validate_id(&id).is_err(), "{:?} accepted", id);
    }

    #[test]
    fn accepted_ids_are_safe(id in nasty_text()) {
        if validate_id(&id).is_ok() {
            prop_assert!(!id.is_empty() && id.len() <= MAX_SLUG_LEN);
            prop_assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'));
            prop_assert!(!WINDOWS_DEVICES.contains(&id.as_str()), "{:?}", id);
        }
    }
}

#[derive(Debug, Clone)]
struct RandomEvent {
    date: PartialDate,
    title: String,
    kind: &'static str,
    countries: Vec<&'static str>,
    tags: Vec<String>,
    summary: String,
    with_id: bool,
}

fn random_event() -> impl Strategy<Value = RandomEvent> {
    (
        partial_date_strategy().prop_filter("recent", |d| (1950..=2030).contains(&d.year)),
        // A blank title is (rightly) refused, so every title has a letter.
        "[A-Za-z][A-Za-z <>&\"'é]{0,39}",
        prop::sample::select(vec![
            "meeting",
            "visit",
            "tour",
            "call",
            "summit",
            "statement",
            "agreement",
            "other",
        ]),
        prop::sample::subsequence(vec!["US", "JM", "BS", "Caribbean", "FR", "JP"], 1..3),
        prop::collection::vec("[a-z]{1,8}", 0..3),
        "[A-Za-z *_<>\\n]{0,80}",
        any::<bool>(),
    )
        .prop_map(
            |(date, title, kind, countries, tags, summary, with_id)| RandomEvent {
                date,
                title,
                kind,
                countries,
                tags,
                summary,
                with_id,
            },
        )
}

fn write_site(root: &Path, events: &[RandomEvent]) {
    let content = root.join("content");
    fs::create_dir_all(content.join("events")).unwrap();
    fs::write(
        content.join("site.yaml"),
        "title: Random\nbase_url: https://example.org/r/\nas_of: 2025-01-01\n",
    )
    .unwrap();
    for (i, e) in events.iter().enumerate() {
        let mut y = String::new();
        if e.with_id {
            y.push_str(&format!("id: ev-{i}\n"));
        }
        y.push_str(&format!("date: \"{}\"\n", e.date.iso()));
        y.push_str(&format!(
            "title: {}\n",
            serde_json::to_string(&e.title).unwrap()
        ));
        y.push_str(&format!("type: {}\n", e.kind));
        y.push_str(&format!(
            "countries: {}\n",
            serde_json::to_string(&e.countries).unwrap()
        ));
        y.push_str(&format!(
            "tags: {}\n",
            serde_json::to_string(&e.tags).unwrap()
        ));
        y.push_str(&format!(
            "summary: {}\n",
            serde_json::to_string(&e.summary).unwrap()
        ));
        fs::write(content.join(format!("events/e{i:02}.yaml")), y).unwrap();
    }
}

proptest! {
    // Each case runs two real builds: keep the count low.
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn same_random_site_builds_byte_identical_output(events in prop::collection::vec(random_event(), 1..12)) {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        write_site(a.path(), &events);
        write_site(b.path(), &events);
        common::build(a.path());
        common::build(b.path());
        let (pa, pb) = (a.path().join("public"), b.path().join("public"));
        let files = common::files_under(&pa);
        prop_assert_eq!(&files, &common::files_under(&pb));
        prop_assert!(files.len() > 5);
        for f in &files {
            prop_assert!(fs::read(pa.join(f)).unwrap() == fs::read(pb.join(f)).unwrap(), "{} differs", f.display());
        }
    }
}
