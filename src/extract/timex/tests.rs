//! Unit tests: one group per kind of expression, each with its document
//! date, plus the seed article, a tense property test and robustness checks.

use chrono::{Datelike, NaiveDate};

use super::lexicon::verbs::Tense;
use super::resolve::weekday_date;
use super::{find_dateline, tag, tag_document, Timex, TimexType};

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

pub(super) fn value(text: &str, dct: NaiveDate, span: &str) -> String {
    one(text, dct, span).1
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
