//! Days counted from the document date or from the day last mentioned:
//! weekdays by tense, "yesterday", "the 15th", "the day before", "the
//! previous Friday", weekends, and the day a clock time falls on.
//!
//! In: the grammar's day expression, the clause's tense and the [`Ctx`].
//! Out: its TIMEX3 value and the day it names, which becomes the reference
//! for what follows.

use chrono::{Datelike, NaiveDate};

use super::calendar::{add_days, add_months, day_str, week_str};
use super::{date, Ctx, Gran, Out};
use crate::timex::grammar::{Expr, Shift};
use crate::timex::lexicon::verbs::Tense;
use crate::timex::TimexType;

/// Weekday from tense and "last/next/this". Past clauses never go forward.
pub(super) fn weekday_date(
    dct: NaiveDate,
    wd: u32,
    tense: Tense,
    shift: Shift,
) -> Option<NaiveDate> {
    let cur = dct.weekday().num_days_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    let off = match shift {
        Shift::Last => -(if back == 0 { 7 } else { back }),
        Shift::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Shift::This | Shift::None => match tense {
            Tense::Past => -back,
            Tense::Future => fwd,
            // News mostly reports what happened: without a future cue a
            // bare weekday is the most recent one (the DCT itself included).
            _ => -back,
        },
    };
    add_days(dct, off)
}

/// "Thursday (16)": the day nearest the document date that is both that weekday and that
/// day of the month, whatever the tense says.
pub(super) fn weekday_of_month(dct: NaiveDate, wd: u32, d: u32) -> Option<NaiveDate> {
    (-45..=45)
        .filter_map(|k| add_days(dct, k))
        .filter(|x| x.day() == d && x.weekday().num_days_from_monday() == wd)
        .min_by_key(|x| (*x - dct).num_days().abs())
}

/// `Expr::DayOfMonth`: "on the 15th".
pub(super) fn day_of_month_value(d: u32, tense: Tense, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let day = match ctx.reference {
        Some((r, Gran::Day | Gran::Month)) => r.with_day(d),
        _ => dct.and_then(|t| {
            // "said it happened on the 28th" early in May means April.
            let shift = match tense {
                Tense::Past if d > t.day() => -1,
                Tense::Future if d < t.day() => 1,
                _ => 0,
            };
            add_months(t.with_day(1)?, shift)?.with_day(d)
        }),
    };
    match day {
        Some(x) => (TimexType::Date, day_str(x), Some((x, Gran::Day))),
        None => date(format!("XXXX-XX-{d:02}")),
    }
}

/// `Expr::AnaDay`: "the day before", "the next day".
pub(super) fn ana_day_value(k: i64, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let base = match ctx.reference {
        Some((d, Gran::Day)) => Some(d),
        _ => dct,
    };
    match base.and_then(|b| add_days(b, k)) {
        Some(d) => (TimexType::Date, day_str(d), Some((d, Gran::Day))),
        None => date("XXXX-XX-XX".into()),
    }
}

/// `Expr::AnaWeekday`: "the previous Friday", "the following Monday".
pub(super) fn ana_weekday_value(wd: u32, dir: i64, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let base = match ctx.reference {
        Some((d, Gran::Day)) => Some(d),
        _ => dct,
    };
    let day = base.and_then(|b| {
        let cur = b.weekday().num_days_from_monday() as i64;
        let step = if dir < 0 {
            -(cur - wd as i64 - 1).rem_euclid(7) - 1
        } else {
            (wd as i64 - cur - 1).rem_euclid(7) + 1
        };
        add_days(b, step)
    });
    match day {
        Some(d) => (TimexType::Date, day_str(d), Some((d, Gran::Day))),
        None => date("XXXX-XX-XX".into()),
    }
}

/// `Expr::Weekend`: "the weekend", "last weekend".
pub(super) fn weekend_value(offset: Option<i64>, tense: Tense, dct: Option<NaiveDate>) -> Out {
    let Some(t) = dct else {
        return date("XXXX-WXX-WE".into());
    };
    let wd = t.weekday().num_days_from_monday();
    let weeks = match offset {
        Some(o) => o,
        None if tense == Tense::Past && wd < 5 => -1,
        None => 0,
    };
    match add_days(t, weeks * 7) {
        Some(d) => date(format!("{}-WE", week_str(d))),
        None => date("XXXX-WXX-WE".into()),
    }
}

/// `Expr::Clock`: the time on the day written with it, else on the day
/// last mentioned.
pub(super) fn clock_value(
    h: u32,
    min: u32,
    day: Option<&Expr>,
    utc: bool,
    tense: Tense,
    ctx: &Ctx,
) -> Out {
    let dct = ctx.dct;
    // A bare clock time belongs to the day last mentioned.
    let base = match day {
        Some(d) => super::value_of(d, tense, ctx).1,
        None => match ctx.reference {
            Some((d, Gran::Day)) => day_str(d),
            _ => dct.map(day_str).unwrap_or_else(|| "XXXX-XX-XX".into()),
        },
    };
    let zone = if utc { "Z" } else { "" };
    (
        TimexType::Time,
        format!("{base}T{h:02}:{min:02}{zone}"),
        None,
    )
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    use super::weekday_date;
    use crate::timex::grammar::Shift;
    use crate::timex::lexicon::verbs::Tense;
    use crate::timex::tests::{d, value};

    #[test]
    fn past_tense_weekday_never_after_dct() {
        // Every DCT over several years, every weekday: a past clause looks back.
        let mut day = d(2019, 12, 25);
        for _ in 0..1200 {
            for wd in 0..7 {
                let r = weekday_date(day, wd, Tense::Past, Shift::None).unwrap();
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
    fn a_weekday_with_its_day_of_the_month_is_that_day_whatever_the_tense() {
        // Tuesday 14 March 2017: "arrives on Thursday (16)", "met on Sunday (12)"; a day that
        // falls on no such weekday nearby leaves the weekday to the tense.
        let t = d(2017, 3, 14);
        let text = "The minister arrives on Thursday (16) and met the envoy on Sunday (12).";
        assert_eq!(value(text, t, "Thursday (16)"), "2017-03-16");
        assert_eq!(value(text, t, "Sunday (12)"), "2017-03-12");
        let text = "The minister arrived on Friday (13).";
        assert_eq!(value(text, t, "Friday (13)"), "2017-03-10");
    }

    #[test]
    fn a_weekday_joined_to_the_one_before_it_follows_it() {
        // Friday 10 April 2015: "on Friday and Saturday" is today and tomorrow, whatever the
        // present tense alone would make of Saturday.
        let t = d(2015, 4, 10);
        let text = "Leaders meet at the summit on Friday and Saturday.";
        assert_eq!(value(text, t, "Friday"), "2015-04-10");
        assert_eq!(value(text, t, "Saturday"), "2015-04-11");
        // Told as done, both are past: "met on Thursday and Saturday" is last Saturday.
        let text = "They met on Thursday and Saturday.";
        assert_eq!(value(text, t, "Saturday"), "2015-04-04");
        // Days listed latest first stay apart: "spoke Friday and Thursday".
        let text = "Ministers spoke to reporters Friday and Thursday.";
        assert_eq!(value(text, t, "Thursday"), "2015-04-09");
    }
}
