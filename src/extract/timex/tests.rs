//! Unit tests: one group per kind of expression, each with its document
//! date, plus the seed article, a tense property test and robustness checks.

use chrono::{Datelike, NaiveDate};

use super::lexicon::verbs::Tense;
use super::resolve::weekday_date;
use super::{find_dateline, range_end, tag, tag_document, Timex, TimexType};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Seed article's document date: Wednesday 7 May 2025.
fn seed_dct() -> NaiveDate {
    d(2025, 5, 7)
}

/// The one expression whose text is `span`.
fn find<'a>(all: &'a [Timex], span: &str) -> &'a Timex {
    all.iter()
        .find(|t| t.text == span)
        .unwrap_or_else(|| panic!("no timex {span:?} in {all:#?}"))
}

/// Tag `text` and return (type, value, mod) of the expression `span`.
fn one(text: &str, dct: NaiveDate, span: &str) -> (TimexType, String, Option<String>) {
    let all = tag(text, Some(dct));
    let t = find(&all, span);
    assert_eq!(&text[t.start..t.end], t.text, "offsets must match the text");
    (t.kind, t.value.clone(), t.modifier.clone())
}

fn value(text: &str, dct: NaiveDate, span: &str) -> String {
    one(text, dct, span).1
}

#[test]
fn absolute_dates() {
    let t = seed_dct();
    assert_eq!(
        value("It opened on 7 May 2025 in Oslo.", t, "7 May 2025"),
        "2025-05-07"
    );
    assert_eq!(
        value("It opened on May 7, 2025 in Oslo.", t, "May 7, 2025"),
        "2025-05-07"
    );
    assert_eq!(
        value("The deal was signed May 7.", t, "May 7"),
        "2025-05-07"
    );
    assert_eq!(
        value("Filed on 2025-05-07 by the clerk.", t, "2025-05-07"),
        "2025-05-07"
    );
    assert_eq!(
        value("Filed on 05/17/2025 by the clerk.", t, "05/17/2025"),
        "2025-05-17"
    );
    assert_eq!(
        value("Filed on 17/05/2025 by the clerk.", t, "17/05/2025"),
        "2025-05-17"
    );
    assert_eq!(value("It happened in May 2025.", t, "May 2025"), "2025-05");
    assert_eq!(value("It happened in 2019.", t, "2019"), "2019");
    assert_eq!(value("It was born in the 1990s.", t, "the 1990s"), "199");
    assert_eq!(
        value("Profits rose in fiscal 2024.", t, "fiscal 2024"),
        "2024"
    );
    assert_eq!(
        value("Sept. 30 is the deadline.", t, "Sept. 30"),
        "2025-09-30"
    );
    assert_eq!(
        value("Sept. 30 was the deadline.", t, "Sept. 30"),
        "2024-09-30"
    );
}

#[test]
fn ambiguous_numeric_date_is_not_guessed() {
    let all = tag("Filed on 05/07/2025 by the clerk.", Some(seed_dct()));
    assert!(all.iter().all(|t| t.text != "05/07/2025"), "{all:?}");
}

#[test]
fn money_and_counts_are_not_years() {
    let all = tag(
        "It cost $2025 and 1999 percent more, said 1,998 people.",
        Some(seed_dct()),
    );
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn quarters_halves_and_seasons() {
    let dct = d(1998, 5, 20);
    let (k, v, _) = one(
        "Profit fell in the first quarter.",
        dct,
        "the first quarter",
    );
    assert_eq!((k, v.as_str()), (TimexType::Date, "1998-Q1"));
    assert_eq!(
        value(
            "The third-quarter loss widened.",
            d(1989, 11, 2),
            "third-quarter"
        ),
        "1989-Q3"
    );
    assert_eq!(
        value(
            "Results for the fourth quarter fell.",
            d(1998, 1, 26),
            "the fourth quarter"
        ),
        "1997-Q4"
    );
    assert_eq!(
        value("Sales rose in the first half.", dct, "the first half"),
        "1998-H1"
    );
    assert_eq!(
        value("It rained a lot last summer.", dct, "last summer"),
        "1997-SU"
    );
    assert_eq!(
        value("They will visit this summer.", dct, "this summer"),
        "1998-SU"
    );
    // In February the past autumn belongs to the year before.
    assert_eq!(
        value("Hiring began last fall.", d(1998, 2, 6), "last fall"),
        "1997-FA"
    );
}

#[test]
fn relative_days() {
    let t = seed_dct();
    assert_eq!(value("He spoke today.", t, "today"), "2025-05-07");
    assert_eq!(value("He spoke yesterday.", t, "yesterday"), "2025-05-06");
    assert_eq!(
        value("He will speak tomorrow.", t, "tomorrow"),
        "2025-05-08"
    );
    let (k, v, _) = one("He will speak tonight.", t, "tonight");
    assert_eq!((k, v.as_str()), (TimexType::Time, "2025-05-07TNI"));
    assert_eq!(
        value("Troops left two days ago.", t, "two days ago"),
        "2025-05-05"
    );
    assert_eq!(
        value(
            "They met on May 2. The day before, he left.",
            t,
            "The day before"
        ),
        "2025-05-01"
    );
}

#[test]
fn relative_units() {
    let t = seed_dct();
    assert_eq!(value("Prices rose last week.", t, "last week"), "2025-W18");
    assert_eq!(
        value("Prices will rise next week.", t, "next week"),
        "2025-W20"
    );
    assert_eq!(value("Prices rose this week.", t, "this week"), "2025-W19");
    assert_eq!(value("Prices rose last month.", t, "last month"), "2025-04");
    assert_eq!(
        value("Prices will rise next month.", t, "next month"),
        "2025-06"
    );
    assert_eq!(value("Prices rose last year.", t, "last year"), "2024");
    assert_eq!(value("Prices will rise next year.", t, "next year"), "2026");
    assert_eq!(value("Prices rose this year.", t, "this year"), "2025");
    let (_, v, m) = one(
        "The firm was listed earlier this month.",
        t,
        "earlier this month",
    );
    assert_eq!((v.as_str(), m.as_deref()), ("2025-05", Some("START")));
    let (_, v, m) = one("The firm will list later this year.", t, "later this year");
    assert_eq!((v.as_str(), m.as_deref()), ("2025", Some("END")));
    assert_eq!(
        value("The deal will close in three weeks.", t, "three weeks"),
        "2025-W22"
    );
}

#[test]
fn reference_values() {
    let t = seed_dct();
    assert_eq!(value("He recently resigned.", t, "recently"), "PAST_REF");
    assert_eq!(value("He is now in Oslo.", t, "now"), "PRESENT_REF");
    assert_eq!(
        value("He is currently in Oslo.", t, "currently"),
        "PRESENT_REF"
    );
    assert_eq!(
        value("They discussed the future.", t, "the future"),
        "FUTURE_REF"
    );
}

#[test]
fn weekdays_follow_tense() {
    let t = seed_dct(); // a Wednesday
    assert_eq!(value("He met the king Monday.", t, "Monday"), "2025-05-05");
    assert_eq!(
        value("He will meet the king Friday.", t, "Friday"),
        "2025-05-09"
    );
    assert_eq!(
        value("The king is to arrive Friday.", t, "Friday"),
        "2025-05-09"
    );
    assert_eq!(
        value("He said Wednesday that talks failed.", t, "Wednesday"),
        "2025-05-07"
    );
    assert_eq!(
        value("He left last Friday.", t, "last Friday"),
        "2025-05-02"
    );
    assert_eq!(
        value("He leaves next Monday.", t, "next Monday"),
        "2025-05-12"
    );
    // "-eed" past forms are verbs too; the nearer cue beats the later "will".
    assert_eq!(
        value(
            "The truce, agreed on Monday, will last 60 days.",
            t,
            "Monday"
        ),
        "2025-05-05"
    );
    assert_eq!(
        value("He may come as soon as Friday.", t, "Friday"),
        "2025-05-09"
    );
}

#[test]
fn months_follow_tense() {
    let t = seed_dct();
    assert_eq!(
        value("The summit was held in September.", t, "September"),
        "2024-09"
    );
    assert_eq!(
        value("The summit will be held in September.", t, "September"),
        "2025-09"
    );
    assert_eq!(value("Rubio visited back in March.", t, "March"), "2025-03");
    assert_eq!(
        value("Talks will resume in January.", t, "January"),
        "2026-01"
    );
}

#[test]
fn past_tense_weekday_never_after_dct() {
    // Every DCT over several years, every weekday: a past clause looks back.
    let mut day = d(2019, 12, 25);
    for _ in 0..1200 {
        for wd in 0..7 {
            let r = weekday_date(day, wd, Tense::Past, super::grammar::Shift::None).unwrap();
            assert!(r <= day, "{r} after {day}");
            assert!((day - r).num_days() < 7);
            assert_eq!(r.weekday().num_days_from_monday(), wd);
        }
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        let name = names[(day.ordinal() % 5) as usize];
        let text = format!("The minister said {name} that the talks had failed.");
        let v = value(&text, day, name);
        let got = NaiveDate::parse_from_str(&v, "%Y-%m-%d").unwrap();
        assert!(got <= day, "{text} at {day} gave {got}");
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn modifiers() {
    let t = seed_dct();
    let m = |text: &str, span: &str| one(text, t, span).2;
    assert_eq!(
        m("The vote came in early March.", "early March").as_deref(),
        Some("START")
    );
    assert_eq!(
        m("The vote came in mid-March.", "mid-March").as_deref(),
        Some("MID")
    );
    assert_eq!(
        m("The vote came late Tuesday.", "late Tuesday").as_deref(),
        Some("END")
    );
    assert_eq!(
        m("It lasted about two weeks.", "about two weeks").as_deref(),
        Some("APPROX")
    );
    assert_eq!(
        m("It lasted around two weeks.", "around two weeks").as_deref(),
        Some("APPROX")
    );
    assert_eq!(
        m(
            "It lasted approximately two weeks.",
            "approximately two weeks"
        )
        .as_deref(),
        Some("APPROX")
    );
    assert_eq!(
        m("It lasted at least 72 hours.", "at least 72 hours").as_deref(),
        Some("EQUAL_OR_MORE")
    );
    assert_eq!(
        m("It lasted more than four hours.", "more than four hours").as_deref(),
        Some("MORE_THAN")
    );
    assert_eq!(
        m("It lasted over 20 years.", "over 20 years").as_deref(),
        Some("MORE_THAN")
    );
    assert_eq!(
        m("It lasted less than one hour.", "less than one hour").as_deref(),
        Some("LESS_THAN")
    );
    assert_eq!(
        m("It lasted under a week.", "under a week").as_deref(),
        Some("LESS_THAN")
    );
    assert_eq!(
        m("It lasted nearly three years.", "nearly three years").as_deref(),
        Some("LESS_THAN")
    );
    assert_eq!(
        m("It lasted almost two years.", "almost two years").as_deref(),
        Some("LESS_THAN")
    );
}

#[test]
fn durations() {
    let t = seed_dct();
    let dur = |text: &str, span: &str| {
        let (k, v, _) = one(text, t, span);
        assert_eq!(k, TimexType::Duration, "{span}");
        v
    };
    assert_eq!(dur("A two-day tour ended.", "two-day"), "P2D");
    assert_eq!(dur("He served three years in jail.", "three years"), "P3Y");
    assert_eq!(dur("He was held for 48 hours.", "48 hours"), "PT48H");
    assert_eq!(dur("It took a decade to build.", "a decade"), "P10Y");
    assert_eq!(
        dur("Prices rose in the past few years.", "the past few years"),
        "PXY"
    );
    assert_eq!(
        dur(
            "Profit rose in the first nine months.",
            "the first nine months"
        ),
        "P9M"
    );
    assert_eq!(
        dur("It was a twenty-four hour strike.", "twenty-four hour"),
        "PT24H"
    );
}

#[test]
fn ages_and_fractions_are_not_durations() {
    let all = tag(
        "Mr. Smith, 52 years old, owns a quarter of the firm.",
        Some(seed_dct()),
    );
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn ranges() {
    let t = seed_dct();
    let all = tag("Talks were held May 6-7 and March 26-27.", Some(t));
    let a = find(&all, "May 6-7");
    assert_eq!(a.value, "2025-05-06");
    assert_eq!(range_end(a).as_deref(), Some("2025-05-07"));
    let b = find(&all, "March 26-27");
    assert_eq!(b.value, "2025-03-26");
    assert_eq!(b.end_value.as_deref(), Some("2025-03-27"));
    assert!(all.iter().all(|x| !x.value.starts_with("2027")));
    let all = tag("The plan ran from March to June.", Some(t));
    assert_eq!(find(&all, "March").value, "2025-03");
    assert_eq!(find(&all, "June").value, "2025-06");
}

#[test]
fn sets() {
    let t = seed_dct();
    let set = |text: &str, span: &str| {
        let (k, v, _) = one(text, t, span);
        assert_eq!(k, TimexType::Set, "{span}");
        v
    };
    assert_eq!(set("The fair is held every year.", "every year"), "P1Y");
    assert_eq!(set("Dues are paid annually.", "annually"), "P1Y");
    assert_eq!(set("The paper appears weekly.", "weekly"), "P1W");
    assert_eq!(
        set("They meet each Thursday.", "each Thursday"),
        "XXXX-WXX-4"
    );
}

#[test]
fn clock_times() {
    let t = seed_dct();
    let (k, v, _) = one(
        "The blast came at 10:35 a.m. on Tuesday, police said.",
        t,
        "10:35 a.m. on Tuesday",
    );
    assert_eq!((k, v.as_str()), (TimexType::Time, "2025-05-06T10:35"));
    assert_eq!(
        value(
            "The offer expires at 5 p.m. EST, May 9.",
            t,
            "5 p.m. EST, May 9"
        ),
        "2025-05-09T17:00"
    );
    assert_eq!(
        value("They met at noon Monday.", t, "noon Monday"),
        "2025-05-05T12:00"
    );
}

#[test]
fn anaphora_follows_last_mention() {
    let t = d(1989, 11, 2);
    let text = "Net rose in the third quarter. A year earlier, it fell.";
    assert_eq!(value(text, t, "A year earlier"), "1988-Q3");
    let text = "Smith arrived in 1995. He left the following year.";
    assert_eq!(value(text, t, "the following year"), "1996");
}

#[test]
fn seed_article() {
    let text = std::fs::read_to_string("/work/shared/seed/kuna-2025-05-07-rubio-caribbean.txt")
        .unwrap_or_else(|_| SEED.to_string());
    let doc = tag_document(&text, None);
    assert_eq!(doc.dct, Some(seed_dct()));
    let late = find(&doc.timexes, "late Tuesday");
    assert_eq!(late.value, "2025-05-06");
    assert_eq!(late.modifier.as_deref(), Some("END"));
    assert_eq!(&text[late.start..late.end], "late Tuesday");
    assert_eq!(find(&doc.timexes, "March").value, "2025-03");
    let two = find(&doc.timexes, "two-day");
    assert_eq!((two.kind, two.value.as_str()), (TimexType::Duration, "P2D"));
    assert_eq!(find(&doc.timexes, "May 7").value, "2025-05-07");
    // The header line is not tagged.
    assert!(doc
        .timexes
        .iter()
        .all(|t| t.start > text.find('\n').unwrap()));
}

/// The seed's opening, in case the shared folder is absent.
const SEED: &str = " date 2025-05-07 403\nSec. Rubio: US, Caribbean Countries Urgently Need To Strengthen Partnerships\n(MENAFN- Kuwait News Agency (KUNA)) WASHINGTON, May 7 (KUNA) -- US Secretary of State Marco Rubio stressed late Tuesday the \"urgent\" need for his country to strengthen partnership with Caribbean nations.\nRubio, back in March, carried out a two-day tour to the Caribbean sea region.\n";

#[test]
fn seed_dateline_without_header() {
    let body = &SEED[SEED.find('\n').unwrap() + 1..];
    let dl = find_dateline(body, Some(seed_dct())).expect("dateline");
    assert_eq!(dl.place, "WASHINGTON");
    assert_eq!(dl.agency.as_deref(), Some("KUNA"));
    assert_eq!(dl.date, Some(seed_dct()));
    assert!(body[dl.start..dl.end].starts_with("WASHINGTON, May 7 (KUNA) --"));
    // Plain text: the dateline alone gives no year, so nothing is resolved.
    let doc = tag_document(body, None);
    assert_eq!(doc.dct, None);
    assert_eq!(find(&doc.timexes, "late Tuesday").value, "XXXX-XX-XX");
    // With a publication date it does.
    let doc = tag_document(body, Some(seed_dct()));
    assert_eq!(find(&doc.timexes, "late Tuesday").value, "2025-05-06");
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
fn front_matter_and_override() {
    let text = "---\ntitle: Talks\ndate: 2025-05-07\n---\nThe envoys met yesterday.\n";
    let doc = tag_document(text, None);
    assert_eq!(doc.dct, Some(seed_dct()));
    let y = find(&doc.timexes, "yesterday");
    assert_eq!(&text[y.start..y.end], "yesterday");
    assert_eq!(y.value, "2025-05-06");
    let doc = tag_document(text, Some(d(2020, 1, 1)));
    assert_eq!(find(&doc.timexes, "yesterday").value, "2019-12-31");
    // The front matter's own date is not tagged.
    assert!(doc.timexes.iter().all(|t| t.start > 30));
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
    assert!(tag_document("", None).timexes.is_empty());
    assert!(tag_document("---\n", None).timexes.is_empty());
    assert_eq!(tag_document("date 2025-13-45 9\n", None).dct, None);
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
fn deadlines_and_timetables_look_ahead() {
    let t = seed_dct(); // a Wednesday
    assert_eq!(
        value("The deadline was extended until Friday.", t, "Friday"),
        "2025-05-09"
    );
    assert_eq!(
        value(
            "The relatives were given until 9 a.m. Tuesday to sign.",
            t,
            "9 a.m. Tuesday"
        ),
        "2025-05-13T09:00"
    );
    assert_eq!(
        value(
            "Police have scheduled a news conference Thursday.",
            t,
            "Thursday"
        ),
        "2025-05-08"
    );
    assert_eq!(
        value(
            "He joined the office of the chairman, effective Feb. 1.",
            d(1989, 10, 26),
            "Feb. 1"
        ),
        "1990-02-01"
    );
    // "since" points back even across "shortly after the".
    assert_eq!(
        value(
            "Police have searched for him since shortly after the Oct. 23 slaying.",
            d(1999, 5, 6),
            "Oct. 23"
        ),
        "1998-10-23"
    );
}

#[test]
fn periods_of_a_relative_year() {
    let t = seed_dct();
    assert_eq!(
        value(
            "GM had lost $381 million in the first quarter of last year.",
            t,
            "the first quarter of last year"
        ),
        "2024-Q1"
    );
    assert_eq!(
        value(
            "Ford made a profit in the final quarter of 2009.",
            t,
            "the final quarter of 2009"
        ),
        "2009-Q4"
    );
    assert_eq!(
        value(
            "Dealers will be paid after October of next year.",
            t,
            "October of next year"
        ),
        "2026-10"
    );
    assert_eq!(
        value(
            "Sales slumped in the summer of last year.",
            t,
            "the summer of last year"
        ),
        "2024-SU"
    );
    // The same period a year back, at the precision of the last mention.
    assert_eq!(
        value(
            "Sales rose 43% in February compared to the same period last year.",
            t,
            "the same period last year"
        ),
        "2024-02"
    );
    assert_eq!(
        value(
            "Sales fell in January, compared to the same month a year ago.",
            d(2009, 2, 3),
            "the same month a year ago"
        ),
        "2008-01"
    );
}

#[test]
fn bare_plurals_trading_days_and_utc() {
    let t = seed_dct();
    assert_eq!(
        one("Troops will be sent within weeks.", t, "weeks"),
        (TimexType::Duration, "PXW".to_string(), None)
    );
    assert_eq!(
        one(
            "The mosque dominated the skyline for centuries.",
            t,
            "centuries"
        )
        .0,
        TimexType::Duration
    );
    assert!(tag("He has worked there for years.", Some(t)).is_empty());
    assert_eq!(
        value("The Dow rose 1.7% to end the day at 9505.96.", t, "the day"),
        "2025-05-07"
    );
    assert_eq!(
        value(
            "The Dow Jones was down 2.62% at 16:08 UTC on the news.",
            t,
            "16:08 UTC"
        ),
        "2025-05-07T16:08Z"
    );
    // A decimal point does not end the sentence that gives the tense.
    assert_eq!(
        value(
            "The economy contracted by 0.9% between April and June.",
            d(2008, 11, 18),
            "April"
        ),
        "2008-04"
    );
}

#[test]
fn possessive_weekday_names_a_past_event() {
    // Friday 7 January 2000: the ruling came on the Wednesday before, even
    // inside a clause about what "would" happen.
    let t = d(2000, 1, 7);
    assert_eq!(
        value(
            "Relatives said they would look for ways to get around Wednesday's ruling.",
            t,
            "Wednesday"
        ),
        "2000-01-05"
    );
    assert_eq!(
        value("Friday's ceremony will be remembered.", t, "Friday"),
        "2000-01-07"
    );
    // "ahead of" looks forward whatever the verb.
    assert_eq!(
        value(
            "Ahead of Sunday's election, he campaigned hard.",
            seed_dct(),
            "Sunday"
        ),
        "2025-05-11"
    );
}

#[test]
fn attribution_does_not_set_the_tense() {
    // ", the ministry said" reports the saying; "will visit" is the event.
    let t = seed_dct(); // a Wednesday
    assert_eq!(
        value(
            "The delegation will visit the harbour and the old city on Friday, the ministry said.",
            t,
            "Friday"
        ),
        "2025-05-09"
    );
    // With nothing on the left, the attribution is all there is.
    assert_eq!(
        value("On Monday, the ministry said, talks failed.", t, "Monday"),
        "2025-05-05"
    );
    assert_eq!(
        value(
            "The father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
            d(2000, 4, 5),
            "4 a.m. EDT Thursday"
        ),
        "2000-04-06T04:00"
    );
}

#[test]
fn plans_look_ahead_from_the_plan() {
    // Friday 7 January 2000.
    let t = d(2000, 1, 7);
    assert_eq!(
        value(
            "Exiles planned a large demonstration on Saturday and were planning to drive around the airport on Monday.",
            t,
            "Saturday"
        ),
        "2000-01-08"
    );
    assert_eq!(
        value(
            "Exiles planned a large demonstration on Saturday and were planning to drive around the airport on Monday.",
            t,
            "Monday"
        ),
        "2000-01-10"
    );
    // The day of the planning itself lies behind.
    assert_eq!(
        value(
            "On Friday, the Kenyan government planned to distribute aid.",
            d(1998, 9, 30),
            "Friday"
        ),
        "1998-09-25"
    );
    assert_eq!(
        value(
            "Generals let the offensive begin as previously planned Saturday night.",
            d(1991, 2, 25),
            "Saturday night"
        ),
        "1991-02-23TNI"
    );
}

#[test]
fn adjectival_participles_are_not_past_cues() {
    // "unspecified" is no verb: "would" sets the clause.
    assert_eq!(
        value(
            "The dividend would be paid on a still unspecified date in January.",
            d(1989, 10, 26),
            "January"
        ),
        "1990-01"
    );
    assert_eq!(
        value(
            "He will present a revised plan in September.",
            seed_dct(),
            "September"
        ),
        "2025-09"
    );
}

#[test]
fn timetable_present_looks_ahead_except_in_headlines() {
    let t = seed_dct(); // a Wednesday
    assert_eq!(
        value("The 30-day truce expires on Friday.", t, "Friday"),
        "2025-05-09"
    );
    assert_eq!(
        value("The minister travels to Paris on Thursday.", t, "Thursday"),
        "2025-05-08"
    );
    // A headline reports the past in the present.
    let text = "Dow closes lower Monday\n\nStocks fell on Monday.";
    let all = tag(text, Some(t));
    assert_eq!(all[0].text, "Monday");
    assert_eq!(all[0].value, "2025-05-05");
    // "lowest level in six years" is a span back to now, not a point ahead.
    let (k, v, _) = one(
        "The index closes at its lowest level in six years.",
        d(2009, 2, 20),
        "six years",
    );
    assert_eq!((k, v.as_str()), (TimexType::Duration, "P6Y"));
}

#[test]
fn current_and_recent_refer_to_now_and_the_past() {
    let t = seed_dct();
    assert_eq!(
        one("He cited current market conditions.", t, "current"),
        (TimexType::Date, "PRESENT_REF".to_string(), None)
    );
    assert_eq!(
        value("The recent sale of the unit helped.", t, "recent"),
        "PAST_REF"
    );
    // Not time: a ranking, an account, a noun, a title.
    for text in [
        "Their most recent model sold well.",
        "The current account deficit widened.",
        "The current of the river was strong.",
        "He hosts Current Affairs on Sundays.",
    ] {
        let all = tag(text, Some(t));
        assert!(
            all.iter()
                .all(|x| x.text != "current" && x.text != "recent"),
            "{text}: {all:?}"
        );
    }
}

#[test]
fn short_years_decades_and_clock_styles() {
    let t = d(2008, 10, 27);
    assert_eq!(
        value("The Nikkei is at its lowest level since '82.", t, "'82"),
        "1982"
    );
    assert_eq!(
        value(
            "It rid Detroit of the boxy cars of the 70s and 80s.",
            t,
            "80s"
        ),
        "198"
    );
    // An age is not a decade.
    assert!(tag("She is in her 80s.", Some(t)).is_empty());
    assert_eq!(
        value("At 0800 UTC, the banks acted.", t, "0800 UTC"),
        "2008-10-27T08:00Z"
    );
    assert_eq!(
        one("The session opened at 3.30pm.", t, "3.30pm"),
        (TimexType::Time, "2008-10-27T15:30".to_string(), None)
    );
    // A product name is not a year.
    assert!(tag("Apple released iLife '11 today.", Some(t))
        .iter()
        .all(|x| x.text != "'11"));
}

#[test]
fn partial_front_matter_date_completes_the_dateline() {
    // The front matter knows only the month; the dateline gives the day.
    let text = "---\ntitle: Talks\ndate: 2025-05\n---\nWASHINGTON, May 7 (KUNA) -- The minister met his counterpart late Tuesday.\n";
    let doc = tag_document(text, None);
    assert_eq!(doc.dct, Some(seed_dct()));
    let t = find(&doc.timexes, "late Tuesday");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2025-05-06", Some("END"))
    );
    // A year alone does too, and a full date still wins over the dateline.
    let text = "---\ndate: 2025\n---\nWASHINGTON, May 7 (KUNA) -- Talks ended.\n";
    assert_eq!(tag_document(text, None).dct, Some(seed_dct()));
    let text = "---\ndate: 2025-05-08\n---\nWASHINGTON, May 7 (KUNA) -- Talks ended.\n";
    assert_eq!(tag_document(text, None).dct, Some(d(2025, 5, 8)));
    // No date anywhere: nothing is guessed.
    let text = "---\ntitle: x\n---\nWASHINGTON, May 7 (KUNA) -- Talks ended late Tuesday.\n";
    let doc = tag_document(text, None);
    assert_eq!(doc.dct, None);
    assert_eq!(find(&doc.timexes, "late Tuesday").value, "XXXX-XX-XX");
}

#[test]
fn second_day_of_a_coordinated_pair() {
    // TimeML tags "25" of "April 24 and 25" on its own, in the first's month.
    let t = d(1999, 2, 10);
    let text = "The summit will be held in Washington on April 24 and 25.";
    assert_eq!(value(text, t, "April 24"), "1999-04-24");
    assert_eq!(value(text, t, "25"), "1999-04-25");
    // A year after the second day belongs to both.
    let t = seed_dct();
    let text = "Talks run from May 12 to 14, 2026 in Geneva.";
    assert_eq!(value(text, t, "May 12"), "2026-05-12");
    assert_eq!(value(text, t, "14, 2026"), "2026-05-14");
    // Day first: "24 and 25 April".
    assert_eq!(
        value("The 24 and 25 April meetings went well.", t, "24"),
        "2025-04-24"
    );
    // A count after a date is not a day.
    let all = tag("The storm hit on May 3 and 4 people died.", Some(t));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].value, "2025-05-03");
    // Nor is a day that cannot exist in the month.
    let all = tag("It was held on Sept. 29 and 31.", Some(t));
    assert!(all.iter().all(|x| x.text != "31"), "{all:#?}");
}

#[test]
fn distance_between_events_is_not_a_rate() {
    let t = d(2009, 5, 15);
    assert_eq!(
        one("GM's move comes a day after Chrysler filed.", t, "a day"),
        (TimexType::Duration, "P1D".to_string(), None)
    );
    assert_eq!(
        value(
            "The deal came barely a month before the vote.",
            t,
            "a month"
        ),
        "P1M"
    );
    // A rate is still left alone.
    assert!(tag("Tolls cost $5 a day.", Some(t)).is_empty());
}

#[test]
fn next_morning_that_night_next_day() {
    let t = d(2000, 2, 24);
    let text = "He was arrested on Feb. 22 and appeared in court the next morning.";
    assert_eq!(
        one(text, t, "the next morning"),
        (TimexType::Time, "2000-02-23TMO".to_string(), None)
    );
    let text = "The rally began on Monday. Police arrived that night.";
    assert_eq!(
        one(text, t, "that night"),
        (TimexType::Time, "2000-02-21TNI".to_string(), None)
    );
    let text = "They met on Feb. 20 and signed the deal the next day.";
    assert_eq!(
        one(text, t, "the next day"),
        (TimexType::Date, "2000-02-21".to_string(), None)
    );
    // A span stays a span, and "said that night raids" is a clause.
    assert_eq!(
        one("Rain is likely over the next day.", t, "the next day").0,
        TimexType::Duration
    );
    assert!(tag("He said that night raids would stop.", Some(t)).is_empty());
}

#[test]
fn lengths_used_as_adjectives() {
    let t = d(2007, 2, 27);
    let text = "After a day-long meeting they ended a decades-long dispute.";
    assert_eq!(
        one(text, t, "day-long"),
        (TimexType::Duration, "P1D".to_string(), None)
    );
    assert_eq!(value(text, t, "decades-long"), "PXY");
    assert_eq!(
        value("It was the worst single-day decline.", t, "single-day"),
        "P1D"
    );
    // A count still makes its own adjective.
    assert_eq!(value("A three-day-long summit.", t, "three-day"), "P3D");
}

#[test]
fn unit_before_or_after_the_reference() {
    let t = seed_dct();
    let text = "Prices rose in March. The month before, they fell.";
    assert_eq!(value(text, t, "The month before"), "2025-02");
    let text = "He took office in 2019. The year after, he resigned.";
    assert_eq!(value(text, t, "The year after"), "2020");
    // Followed by a clause, "before" is a conjunction.
    let all = tag("The week before the vote was calm.", Some(t));
    assert!(all.iter().all(|x| x.text != "The week before"), "{all:#?}");
}

#[test]
fn offsets_ignore_a_reference_coarser_than_their_unit() {
    // "a week earlier" cannot count back from "2024": no week is named.
    let t = seed_dct();
    let text = "In 2024 it earned $5. The central bank had met a week earlier.";
    assert_eq!(value(text, t, "a week earlier"), "2025-W18");
    let text = "In 2024 it earned $5. The week before, he quit.";
    assert_eq!(value(text, t, "The week before"), "2025-W18");
    // A day reference still anchors it.
    let text = "The talks opened on March 10. A week earlier, envoys met.";
    assert_eq!(value(text, t, "A week earlier"), "2025-W10");
}

#[test]
fn previous_and_following_weekdays_count_from_the_story_day() {
    // Monday 30 October 1989: "Friday" is the 27th, the Friday before it the 20th.
    let t = d(1989, 10, 30);
    let text = "Stocks fell Friday. They were down 4.5% from the previous Friday.";
    assert_eq!(value(text, t, "Friday"), "1989-10-27");
    assert_eq!(value(text, t, "the previous Friday"), "1989-10-20");
    // Wednesday 5 May 1999: met on Sunday the 2nd, so the Thursday after is the 6th.
    let t = d(1999, 5, 5);
    let text = "They met Sunday and agreed to meet again the following Thursday.";
    assert_eq!(value(text, t, "Sunday"), "1999-05-02");
    assert_eq!(value(text, t, "the following Thursday"), "1999-05-06");
    // With no day mentioned, the document date anchors it.
    assert_eq!(
        value(
            "He had resigned the preceding Monday.",
            t,
            "the preceding Monday"
        ),
        "1999-05-03"
    );
}

#[test]
fn past_perfect_puts_a_deadline_behind() {
    // Friday 7 May 1999.
    let t = d(1999, 5, 7);
    assert_eq!(
        value(
            "Until Thursday, they had not called Kopp a suspect.",
            t,
            "Thursday"
        ),
        "1999-05-06"
    );
    assert_eq!(
        value("By March the company had cut 500 jobs.", t, "March"),
        "1999-03"
    );
    // Without it, "until" still looks ahead.
    assert_eq!(
        value("The offer is open until Thursday.", t, "Thursday"),
        "1999-05-13"
    );
    assert_eq!(
        value(
            "The relatives have until Thursday to decide.",
            t,
            "Thursday"
        ),
        "1999-05-13"
    );
}

#[test]
fn an_overtaken_timetable_is_past() {
    // Monday 30 October 1989.
    let t = d(1989, 10, 30);
    assert_eq!(
        value(
            "The offer was extended to Nov. 16. It had been due to expire Friday evening.",
            t,
            "Friday evening"
        ),
        "1989-10-27TEV"
    );
    assert_eq!(
        value(
            "It previously had been scheduled to expire at midnight Friday.",
            t,
            "midnight Friday"
        ),
        "1989-10-27T24:00"
    );
    // A timetable still standing points ahead.
    assert_eq!(
        value("The offer is due to expire Friday.", t, "Friday"),
        "1989-11-03"
    );
}

#[test]
fn counted_quarters_after_a_lead_word() {
    let t = d(1989, 10, 27);
    let text = "The maker has had substantial losses in the past two quarters.";
    assert_eq!(
        one(text, t, "the past two quarters"),
        (TimexType::Duration, "P2Q".to_string(), None)
    );
    // Without a lead word it is a fraction.
    let all = tag("It sold three quarters of its stake.", Some(t));
    assert!(all.is_empty(), "{all:#?}");
    // Quarters "of" something other than a share are still time.
    assert_eq!(
        value(
            "Japan entered a recession after two consecutive quarters of negative growth.",
            t,
            "two consecutive quarters"
        ),
        "P2Q"
    );
}

#[test]
fn the_future_of_something_is_not_a_time() {
    let t = d(1998, 2, 13);
    let all = tag("It is important to the future of our peoples.", Some(t));
    assert!(all.is_empty(), "{all:#?}");
    assert_eq!(
        value("Prices may rise in the future.", t, "the future"),
        "FUTURE_REF"
    );
}

#[test]
fn counted_frequencies_are_sets() {
    let t = d(2013, 3, 20);
    assert_eq!(
        one("The council meets twice a week.", t, "twice a week"),
        (TimexType::Set, "P1W".to_string(), None)
    );
    assert_eq!(
        value(
            "Inspectors visit three times a year.",
            t,
            "three times a year"
        ),
        "P1Y"
    );
    assert_eq!(
        value("He calls 10 times per day.", t, "10 times per day"),
        "P1D"
    );
}

#[test]
fn us_eastern_time_written_et() {
    // Wednesday 20 March 2013.
    let t = d(2013, 3, 20);
    let text = "The talks will resume at 10:30 a.m. ET Thursday.";
    assert_eq!(
        one(text, t, "10:30 a.m. ET Thursday"),
        (TimexType::Time, "2013-03-21T10:30".to_string(), None)
    );
}

#[test]
fn timeml_files_are_tagged_in_their_text_with_offsets_into_the_file() {
    let file = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n\
        <DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">08/07/1998</TIMEX3></DCT>\n\
        <TITLE>Blasts on 5 May 1990</TITLE>\n\
        <TEXT>\nNAIROBI, Kenya (AP) _\nBombs <EVENT eid=\"e1\">exploded</EVENT> at AT&amp;T offices \
        <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3>, and late \
        <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-08-06\">Thursday</TIMEX3> police said.\n</TEXT>\n</TimeML>\n";
    let doc = tag_document(file, None);
    assert_eq!(doc.dct, Some(d(1998, 8, 7)), "the DCT comes from <DCT>");
    // Nothing outside <TEXT>: neither the DCT's own text nor the title's date.
    let found: Vec<(&str, &str)> = doc
        .timexes
        .iter()
        .map(|t| (&file[t.start..t.end], t.value.as_str()))
        .collect();
    assert!(found.contains(&("Friday", "1998-08-07")), "{found:?}");
    // A span that crosses a tag keeps the file's bytes between its ends and the plain text.
    let late = doc
        .timexes
        .iter()
        .find(|t| t.text == "late Thursday")
        .unwrap();
    assert_eq!(late.value, "1998-08-06");
    assert!(file[late.start..late.end].starts_with("late <TIMEX3"));
    assert!(file[late.start..late.end].ends_with("Thursday"));
    assert!(doc.timexes.iter().all(|t| !t.value.starts_with("1990")));
    // --dct still wins.
    let other = tag_document(file, Some(d(2001, 1, 1)));
    assert_eq!(other.dct, Some(d(2001, 1, 1)));
}

#[test]
fn entities_decode_and_stray_ampersands_stay_cheap() {
    use super::timeml::entity;
    assert_eq!(entity("&amp;x"), Some(('&', 5)));
    assert_eq!(entity("&#x41;"), Some(('A', 6)));
    assert_eq!(entity("&#65;"), Some(('A', 5)));
    assert_eq!(entity("& no entity; here"), None);
    // A TimeML text of bare ampersands (and no `;` anywhere) is read as itself; looking for
    // a `;` to the end of the file from each one would take minutes here.
    let body = "&".repeat(200_000);
    let file = format!("<TimeML><TEXT>{body}</TEXT></TimeML>");
    assert_eq!(super::timeml::read(&file).unwrap().text, body);
}

#[test]
fn halves_of_units() {
    let t = d(2009, 12, 16);
    let text = "The jet is almost two and a half years late. Talks lasted a year and a half. \
                The vote took half an hour, then took a half-hour break, and one and a half hours more.";
    assert_eq!(
        one(text, t, "almost two and a half years"),
        (
            TimexType::Duration,
            "P2.5Y".to_string(),
            Some("LESS_THAN".to_string())
        )
    );
    assert_eq!(value(text, t, "a year and a half"), "P1.5Y");
    assert_eq!(value(text, t, "half an hour"), "PT30M");
    assert_eq!(value(text, t, "a half-hour"), "PT30M");
    assert_eq!(value(text, t, "one and a half hours"), "PT1H30M");
    // A price or a share of something is no length of time.
    let other = tag(
        "Shares closed at sixty-one and a half. Half a dozen left.",
        Some(t),
    );
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn parts_of_day_without_a_day_name() {
    // Friday 27 October 1989; the story's day is the one last mentioned.
    let t = d(1989, 10, 27);
    let text = "Stocks crashed on Thursday. Dealers placed buy orders in the morning to start. \
                By mid afternoon, prices were up in morning trading.";
    assert_eq!(
        one(text, t, "the morning"),
        (TimexType::Time, "1989-10-26TMO".to_string(), None)
    );
    assert_eq!(
        one(text, t, "mid afternoon"),
        (
            TimexType::Time,
            "1989-10-26TAF".to_string(),
            Some("MID".to_string())
        )
    );
    assert_eq!(value(text, t, "morning"), "1989-10-26TMO");
    assert_eq!(
        value(
            "In London at mid-afternoon yesterday, shares rose.",
            t,
            "mid-afternoon yesterday"
        ),
        "1989-10-26TAF"
    );
    // A clock hour given with its part of the day.
    let c = one(
        "He will leave at 4 in the morning, aides said.",
        t,
        "4 in the morning",
    );
    assert_eq!((c.0, c.1.as_str()), (TimexType::Time, "1989-10-27T04:00"));
    assert_eq!(
        value(
            "The plane lands at 8 in the evening.",
            t,
            "8 in the evening"
        ),
        "1989-10-27T20:00"
    );
    // Not times: a newspaper, a title, a session score.
    for s in [
        "He read it in the morning papers.",
        "She hosts In the Morning on radio.",
        "He scored 4 in the afternoon session.",
    ] {
        let all = tag(s, Some(t));
        assert!(all.is_empty(), "{s}: {all:?}");
    }
}

#[test]
fn unspecified_stretches_of_years() {
    let t = d(2000, 4, 1);
    let text = "In the years that followed, the movement grew. He thanked staff for their \
                work over the years. Prices may rise in the months to come, as in the weeks since.";
    let all = tag(text, Some(t));
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|x| (x.text.as_str(), x.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("the years", "PXY"),
            ("the years", "PXY"),
            ("the months to come", "PXM"),
            ("the weeks", "PXW"),
        ]
    );
    // "over the years of his rule", "in the days before the shooting": not bare stretches.
    let other = tag(
        "It changed over the years of his rule; he was seen in the days before the shooting.",
        Some(t),
    );
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn ordinal_day_of_the_month() {
    // Wednesday 7 May 2025.
    let t = seed_dct();
    assert_eq!(
        one("The summit opens on the 15th.", t, "the 15th"),
        (TimexType::Date, "2025-05-15".to_string(), None)
    );
    // Past tense before the day comes: the month before.
    assert_eq!(
        value("The deal was signed on the 28th.", t, "the 28th"),
        "2025-04-28"
    );
    // A month mentioned before gives the month.
    assert_eq!(
        value(
            "In March the talks stalled, and on the 3rd, they collapsed.",
            t,
            "the 3rd"
        ),
        "2025-03-03"
    );
    assert_eq!(
        value("It ended on the 15th of May.", t, "the 15th of May"),
        "2025-05-15"
    );
    // Ordinals that are not days.
    let other = tag(
        "The 11th Circuit ruled on the 25th anniversary; he came in the 2nd round.",
        Some(t),
    );
    assert!(other.is_empty(), "{other:?}");
}

#[test]
fn day_before_yesterday() {
    let t = seed_dct();
    assert_eq!(
        value(
            "The day before yesterday he left.",
            t,
            "The day before yesterday"
        ),
        "2025-05-05"
    );
    assert_eq!(
        value(
            "They vote the day after tomorrow.",
            t,
            "the day after tomorrow"
        ),
        "2025-05-09"
    );
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
fn that_day_after_a_bare_year_is_the_document_day() {
    let t = d(2022, 11, 12);
    let all = tag(
        "As the 2022 ASEAN Chair, Cambodia hosted. Later that day he flew to Bali.",
        Some(t),
    );
    assert_eq!(find(&all, "Later that day").value, "2022-11-12");
    // A day that was named still anchors it.
    let all = tag("They met on March 3. Later that day they signed.", Some(t));
    assert_eq!(find(&all, "Later that day").value, "2022-03-03");
    // And a year still anchors "that year".
    let all = tag("In 2019 the talks failed. That year, trade fell.", Some(t));
    assert_eq!(find(&all, "That year").value, "2019");
}
