//! Tests of whole documents: the seed article, datelines, front matter,
//! TimeML files, weekday ranges, robustness on odd and large input. The
//! tests of each kind of expression sit beside its grammar or resolver
//! part and share the helpers here: each tags a sentence against a
//! document date and looks up one expression by its text.

use chrono::NaiveDate;

use super::{find_dateline, tag, Timex, TimexType};

/// A date of the calendar; the tests' dates all exist.
pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Seed article's document date: Wednesday 7 May 2025.
pub(super) fn seed_dct() -> NaiveDate {
    d(2025, 5, 7)
}

/// The one expression whose text is `span`.
pub(super) fn find<'a>(all: &'a [Timex], span: &str) -> &'a Timex {
    all.iter()
        .find(|t| t.text == span)
        .unwrap_or_else(|| panic!("no timex {span:?} in {all:#?}"))
}

/// Tag `text` and return (type, value, mod) of the expression `span`.
pub(super) fn one(text: &str, dct: NaiveDate, span: &str) -> (TimexType, String, Option<String>) {
    let all = tag(text, Some(dct));
    let t = find(&all, span);
    assert_eq!(&text[t.start..t.end], t.text, "offsets must match the text");
    (t.kind, t.value.clone(), t.modifier.clone())
}

/// The value of the expression `span` in `text`.
pub(super) fn value(text: &str, dct: NaiveDate, span: &str) -> String {
    one(text, dct, span).1
}

/// The seed's opening.
const SEED: &str = " date 2025-05-07 403\nSec. Rubio: US, Caribbean Countries Urgently Need To Strengthen Partnerships\n(MENAFN- Kuwait News Agency (KUNA)) WASHINGTON, May 7 (KUNA) -- US Secretary of State Marco Rubio stressed late Tuesday the \"urgent\" need for his country to strengthen partnership with Caribbean nations.\nRubio, back in March, carried out a two-day tour to the Caribbean sea region.\n";

#[test]
fn seed_dateline_without_header() {
    let body = &SEED[SEED.find('\n').unwrap() + 1..];
    let dl = find_dateline(body, Some(seed_dct())).expect("dateline");
    assert_eq!(dl.place, "WASHINGTON");
    assert_eq!(dl.agency.as_deref(), Some("KUNA"));
    assert_eq!(dl.date, Some(seed_dct()));
    assert!(body[dl.start..dl.end].starts_with("WASHINGTON, May 7 (KUNA) --"));
}

#[test]
fn other_datelines() {
    let p = Some(d(2025, 3, 4));
    let dl = find_dateline("OSLO, March 3 (Reuters) - Norway said ...", p).unwrap();
    assert_eq!((dl.place.as_str(), dl.date), ("OSLO", Some(d(2025, 3, 3))));
    let dl = find_dateline("NEW YORK (AP) \u{2014} Stocks fell.", None).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("NEW YORK", None, Some("AP"))
    );
    let dl = find_dateline("NUSA DUA, Indonesia, Nov 16 (Wire) -- Leaders met", p).unwrap();
    assert_eq!(dl.place, "NUSA DUA, Indonesia");
    let dl = find_dateline("BEIJING, Dec. 30, 2024 (Xinhua) -- China said", None).unwrap();
    assert_eq!(dl.date, Some(d(2024, 12, 30)));
    assert!(find_dateline("Nothing here (really) - at all", None).is_none());
    // A full-date dateline supplies the DCT for plain text.
    let all = tag(
        "BEIJING, Dec. 30, 2024 (Xinhua) -- China said yesterday it would act.",
        None,
    );
    assert_eq!(find(&all, "yesterday").value, "2024-12-29");
}

#[test]
fn without_dct_values_stay_unresolved() {
    let all = tag("He left yesterday and returns next week, in March.", None);
    assert_eq!(find(&all, "yesterday").value, "XXXX-XX-XX");
    assert_eq!(find(&all, "next week").value, "XXXX-WXX");
    assert_eq!(find(&all, "March").value, "XXXX-03");
}

#[test]
fn robust_on_odd_input() {
    let dct = Some(seed_dct());
    assert!(tag("", dct).is_empty());
    // Multibyte text around and inside expressions: offsets on char boundaries.
    let text = "Le 7 mai — «May 7» 東京 yesterday ünd 2025年 Tuesday–Friday 😀 May 6-7😀";
    for t in tag(text, dct) {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(&text[t.start..t.end], t.text);
    }
    // Pseudo-random bytes made into a string (lossy), a long line, huge numbers.
    let mut x: u32 = 12345;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let junk = String::from_utf8_lossy(&bytes);
    for t in tag(&junk, dct) {
        assert!(junk.is_char_boundary(t.start) && junk.is_char_boundary(t.end));
    }
    let nums =
        "99999999999999999999 May 99999999999 9999-99-99 12/34/5678 fiscal 99999 ".repeat(50);
    let _ = tag(&nums, dct);
    let _ = tag(
        "in 99999 years ago, 4294967295 days ago, 4000000000 centuries later",
        dct,
    );
    let _ = tag("May 7", Some(NaiveDate::MAX));
    let _ = tag(
        "3 years ago last year next century yesterday",
        Some(NaiveDate::MIN),
    );
}

#[test]
fn large_input_is_linear() {
    let para = "WASHINGTON, May 7 (KUNA) -- Rubio stressed late Tuesday the need, \
                and said two days ago that talks would resume next week. ";
    let line = para.repeat(10 * 1024 * 1024 / para.len());
    let start = std::time::Instant::now();
    let all = tag(&line, Some(seed_dct()));
    assert!(all.len() > 10_000);
    // Generous bound: debug builds on a shared machine; release does >10 MB/s.
    assert!(start.elapsed().as_secs() < 120);
}

#[test]
fn weekday_ranges_run_forward() {
    // Wednesday 7 May 2025.
    let t = seed_dct();
    let past = tag("The talks ran from Monday to Friday.", Some(t));
    assert_eq!(
        find(&past, "Monday").value,
        "2025-04-28",
        "last week's Monday"
    );
    assert_eq!(find(&past, "Friday").value, "2025-05-02");
    let future = tag("They will meet from Monday to Friday.", Some(t));
    assert_eq!(find(&future, "Monday").value, "2025-05-12");
    assert_eq!(
        find(&future, "Friday").value,
        "2025-05-16",
        "the Friday after that Monday"
    );
    // Days already in order, and days that are not a range, are left alone.
    let ordered = tag("The summit ran from Monday to Tuesday.", Some(t));
    assert_eq!(find(&ordered, "Monday").value, "2025-05-05");
    assert_eq!(find(&ordered, "Tuesday").value, "2025-05-06");
    let apart = tag("He left Monday and will return Friday.", Some(t));
    assert_eq!(find(&apart, "Friday").value, "2025-05-09");
}

#[test]
fn datelines_of_outlets_that_sign_without_parentheses() {
    let p = Some(d(2024, 3, 6));
    let dl = find_dateline("WASHINGTON \u{2014} The president met ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency),
        ("WASHINGTON", None, None)
    );
    let dl = find_dateline("TOKYO, Jan. 13 Kyodo - Japan said ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("TOKYO", Some(d(2024, 1, 13)), Some("Kyodo"))
    );
    // No comma and no dash: a known agency's name after the date shows the dateline.
    let dl = find_dateline("DURBAN May 4 Sapa US President Bill said ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("DURBAN", Some(d(2024, 5, 4)), Some("Sapa"))
    );
    assert!(find_dateline("WASHINGTON May 4 President Bill said ...", p).is_none());
    // A period before the dash.
    let dl = find_dateline("Maracay, 14 Jan. AVN.- The ministers met ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("Maracay", Some(d(2024, 1, 14)), Some("AVN"))
    );
    // The agency's name ends its own line, with no dash after it.
    let dl = find_dateline(
        "Talks held\nGanja, June 15, AZERTAC\nThe presidents met ...",
        p,
    )
    .unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("Ganja", Some(d(2024, 6, 15)), Some("AZERTAC"))
    );
    let dl = find_dateline("MOSCOW, March 5. /TASS/. Russia said ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("MOSCOW", Some(d(2024, 3, 5)), Some("TASS"))
    );
    // A day-first date with periods, and an acronym beside the name that signs.
    let dl = find_dateline("BISHKEK, 21.04.2016. /NIA \"Kabar\"/. The president ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("BISHKEK", Some(d(2016, 4, 21)), Some("Kabar"))
    );
    // The day before an abbreviated month, which has no period.
    let dl = find_dateline("Maputo, 09 Nov (Agency) - The leaders met ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("Maputo", Some(d(2023, 11, 9)), Some("Agency"))
    );
    let dl = find_dateline("KUALA LUMPUR, Dec 15, 2005 - Asia's ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date),
        ("KUALA LUMPUR", Some(d(2005, 12, 15)))
    );
    let dl = find_dateline("New Delhi [India], June 5 (ANI): The minister ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("New Delhi, India", Some(d(2024, 6, 5)), Some("ANI"))
    );
    // The city's state in parentheses before its country in brackets.
    let dl = find_dateline(
        "Ahmedabad (Gujarat) [India], Feb 24 (ANI): The minister ...",
        p,
    )
    .unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.agency.as_deref()),
        ("Ahmedabad, India", Some("ANI"))
    );
    // A brand signed in lower case, after a city with its country.
    let dl = find_dateline("BARI, Italy, June 14 (dpa) - The leaders met ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("BARI, Italy", Some(d(2024, 6, 14)), Some("dpa"))
    );
    // Another calendar's date first, then the Gregorian one.
    let dl = find_dateline(
        "Riyadh, Rajab 9, 1445, January 21, 2024, SPA -- The Crown Prince received ...",
        p,
    )
    .unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("Riyadh", Some(d(2024, 1, 21)), Some("SPA"))
    );
    // No dash after the agency: the date before it and the line start make it a dateline.
    let dl = find_dateline("OSAKA, June 28 (PTI) Prime Minister Modi held talks.", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("OSAKA", Some(d(2024, 6, 28)), Some("PTI"))
    );
    // A newspaper's colon after the date; a ministry's place in ordinary capitals, a full
    // date and a dash.
    let dl = find_dateline("LAHORE, March 3: The two ministers met ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date),
        ("LAHORE", Some(d(2024, 3, 3)))
    );
    let dl = find_dateline("Hanoi, 20 July 2012 - The ministers met ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date),
        ("Hanoi", Some(d(2012, 7, 20)))
    );
    assert!(find_dateline("LAHORE: The two ministers met ...", p).is_none());
    assert!(find_dateline("Hanoi - The ministers met on 20 July.", p).is_none());
    assert!(find_dateline("Hanoi, the capital - The ministers met.", p).is_none());
    // A newspaper's period after the date, then the story.
    let dl = find_dateline("HANOI, JUNE 23. The two sides on Monday signed ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date),
        ("HANOI", Some(d(2024, 6, 23)))
    );
    assert!(find_dateline("HANOI, JUNE 23. Wire - The two sides ...", p)
        .is_some_and(|d| d.agency.as_deref() == Some("Wire")));
    // The agency first, then the place and the date.
    let dl = find_dateline("(ANSA) - Bari, August 30 - The two leaders signed ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date, dl.agency.as_deref()),
        ("Bari", Some(d(2024, 8, 30)), Some("ANSA"))
    );
    // A place with a hyphen inside one of its words.
    let dl = find_dateline("SHARM EL-SHEIKH, Sept 14 (Wire) - The talks ...", p).unwrap();
    assert_eq!(
        (dl.place.as_str(), dl.date),
        ("SHARM EL-SHEIKH", Some(d(2023, 9, 14)))
    );
    assert!(find_dateline("The talks in OSAKA (Japan) Went on.", p).is_none());
    assert!(find_dateline("OSAKA (PTI) Prime Minister Modi held talks.", p).is_none());
    // Places in ordinary capitals, when a date and an agency follow at a line's start.
    for (line, place, agency) in [
        (
            "Doha, January 06 (QNA) - The Amir received ...",
            "Doha",
            "QNA",
        ),
        (
            "Madrid, Nov 28 (EFE).- The governments ...",
            "Madrid",
            "EFE",
        ),
        (
            "Tehran, June 13, IRNA -- The Leader received ...",
            "Tehran",
            "IRNA",
        ),
        (
            "Baku. 12 November. APA. The summit opened ...",
            "Baku",
            "APA",
        ),
        (
            "ASTANA. October 12. KAZINFORM - Farmers ...",
            "ASTANA",
            "KAZINFORM",
        ),
        (
            "MOSCOW, May 16. /ITAR-TASS/. The President ...",
            "MOSCOW",
            "ITAR-TASS",
        ),
    ] {
        let dl = find_dateline(line, p).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            (dl.place.as_str(), dl.agency.as_deref()),
            (place, Some(agency))
        );
        assert!(dl.date.is_some(), "{line}");
    }
    // Not a sentence that names a place, a date and a body in capitals: the agency must
    // end with a dash or a period.
    assert!(find_dateline("Doha, June 13, NATO said the talks would resume.", p).is_none());
    assert!(find_dateline("Talks in Doha (QNA) - the envoy said.", p).is_none());
    // Only one short word: words in parentheses after a place in capitals are no agency.
    assert!(find_dateline("ROME (see below) - The talks resumed.", p).is_none());
    let dl = find_dateline("INDEPENDENCE, Mo. _ The alliance grew.", p).unwrap();
    assert_eq!((dl.place.as_str(), dl.date), ("INDEPENDENCE, Mo.", None));
    // Capitals that open a sentence are no dateline without a dash after them.
    assert!(find_dateline("NATO said on Friday it would act.", p).is_none());
    assert!(find_dateline("US, EU agree - on what?", p).is_none());
}

#[test]
fn a_day_in_a_year_named_relative_to_the_report() {
    let t = Some(d(2009, 10, 11));
    let all = tag("They first met in Yerevan on September 6 last year.", t);
    assert_eq!(find(&all, "September 6 last year").value, "2008-09-06");
    let all = tag("The summit is set for March 3 next year.", t);
    assert_eq!(find(&all, "March 3 next year").value, "2010-03-03");
    // Without the document's date the year stays open.
    let all = tag("on September 6 last year", None);
    assert_eq!(find(&all, "September 6 last year").value, "XXXX-09-06");
}
