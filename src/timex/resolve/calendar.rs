//! Calendar arithmetic and the year of a date written without one.
//!
//! In: a month, day, quarter, half or season as the grammar read it, the
//! clause's tense and the document date. Out: its TIMEX3 value, with the
//! year the document date and tense make most likely ("Sept. 30 was" looks
//! back, "is" the nearer); plus the date formatting and month/day
//! arithmetic the other resolver parts share.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::{date, Ctx, Gran, Out};
use crate::timex::grammar::{Expr, Shift};
use crate::timex::lexicon::verbs::Tense;
use crate::timex::TimexType;

fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

pub(super) fn day_str(d: NaiveDate) -> String {
    ymd(d.year(), d.month(), d.day())
}

pub(super) fn week_str(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(super) fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let n32 = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(n32))
    } else {
        d.checked_sub_months(Months::new(n32))
    }
}

pub(super) fn quarter_str(d: NaiveDate) -> String {
    format!("{:04}-Q{}", d.year(), quarter_of(d.month()))
}

/// Year of a month named without one: past clauses look back, future ones
/// forward, otherwise the nearest (ties go to the past: news reports).
fn month_year(dct: NaiveDate, m: u32, tense: Tense, shift: Shift) -> i32 {
    let y = dct.year();
    let cur = dct.month();
    match shift {
        Shift::Last => return if m < cur { y } else { y - 1 },
        Shift::Next => return if m > cur { y } else { y + 1 },
        Shift::This => return y,
        Shift::None => {}
    }
    let diff = m as i32 - cur as i32;
    match tense {
        Tense::Past => {
            if diff <= 2 {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if diff >= -2 {
                y
            } else {
                y + 1
            }
        }
        _ => {
            if diff > 6 {
                y - 1
            } else if diff < -6 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// Year of a day written without one ("May 7"): the nearest such day, with
/// the window shifted back in past clauses and forward in future ones.
fn day_year(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> i32 {
    let y = dct.year();
    let here = (dct.month(), dct.day());
    // Days apart, counted roughly. An explicit date is trusted to be near
    // the document date: tense only moves the cut-off, since a deadline
    // three weeks ahead is often mentioned in a past-tense sentence.
    let a = m as i32 * 31 + d as i32;
    let b = here.0 as i32 * 31 + here.1 as i32;
    let (ahead, behind) = match tense {
        Tense::Past => (62, 300),
        Tense::Future => (300, 62),
        _ => (186, 186),
    };
    if a - b > ahead {
        y - 1
    } else if b - a > behind {
        y + 1
    } else {
        y
    }
}

fn season_index(s: &str) -> i32 {
    match s {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

fn month_season(m: u32) -> i32 {
    match m {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

/// Ordinal within the year (quarter, half, season) resolved like a month.
fn period_year(y: i32, idx: i32, cur: i32, count: i32, tense: Tense, shift: Shift) -> i32 {
    match shift {
        Shift::Last => return if idx < cur { y } else { y - 1 },
        Shift::Next => return if idx > cur { y } else { y + 1 },
        Shift::This => return y,
        Shift::None => {}
    }
    match tense {
        Tense::Past => {
            if idx <= cur {
                y
            } else {
                y - 1
            }
        }
        Tense::Future => {
            if idx >= cur {
                y
            } else {
                y + 1
            }
        }
        _ => {
            let diff = idx - cur;
            if diff * 2 > count {
                y - 1
            } else if -diff * 2 > count {
                y + 1
            } else {
                y
            }
        }
    }
}

/// Year of a quarter named without one. Results are reported after a
/// quarter ends, so even a future clause may mean the quarter just ended.
fn quarter_year(y: i32, q: i32, cur: i32, tense: Tense) -> i32 {
    let (lo, hi) = match tense {
        Tense::Past => (-3, 0),
        Tense::Future => (-1, 2),
        _ => (-2, 1),
    };
    let d = q - cur;
    if d > hi {
        y - 1
    } else if d < lo {
        y + 1
    } else {
        y
    }
}

fn thanksgiving(y: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4)
}

/// `Expr::Ymd`: "May 7" takes the year that puts it nearest, by tense.
pub(super) fn ymd_value(
    y: Option<i32>,
    m: u32,
    d: u32,
    tense: Tense,
    dct: Option<NaiveDate>,
) -> Out {
    let y = y.or_else(|| dct.map(|t| day_year(t, m, d, tense)));
    match y {
        Some(y) => {
            let r = NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, Gran::Day));
            (TimexType::Date, ymd(y, m, d), r)
        }
        None => date(format!("XXXX-{m:02}-{d:02}")),
    }
}

/// `Expr::Ym`: a month, its year from the shift word or the tense.
pub(super) fn ym_value(
    y: Option<i32>,
    m: u32,
    shift: Shift,
    tense: Tense,
    dct: Option<NaiveDate>,
) -> Out {
    let y = y.or_else(|| dct.map(|t| month_year(t, m, tense, shift)));
    match y {
        Some(y) => {
            let r = NaiveDate::from_ymd_opt(y, m, 1).map(|x| (x, Gran::Month));
            (TimexType::Date, format!("{y:04}-{m:02}"), r)
        }
        None => date(format!("XXXX-{m:02}")),
    }
}

/// `Expr::Quarter`.
pub(super) fn quarter_value(q: u32, y: Option<i32>, tense: Tense, dct: Option<NaiveDate>) -> Out {
    let y = y.or_else(|| {
        dct.map(|t| {
            let cur = quarter_of(t.month()) as i32;
            quarter_year(t.year(), q as i32, cur, tense)
        })
    });
    match y {
        Some(y) => {
            let r = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1).map(|x| (x, Gran::Quarter));
            (TimexType::Date, format!("{y:04}-Q{q}"), r)
        }
        None => date(format!("XXXX-Q{q}")),
    }
}

/// `Expr::Half`: "the first half".
pub(super) fn half_year_value(h: u32, y: Option<i32>, tense: Tense, dct: Option<NaiveDate>) -> Out {
    let y = y.or_else(|| {
        dct.map(|t| {
            let cur = if t.month() <= 6 { 1 } else { 2 };
            period_year(t.year(), h as i32, cur, 2, tense, Shift::None)
        })
    });
    match y {
        Some(y) => date(format!("{y:04}-H{h}")),
        None => date(format!("XXXX-H{h}")),
    }
}

/// `Expr::Season`.
pub(super) fn season_value(
    s: &'static str,
    y: Option<i32>,
    shift: Shift,
    tense: Tense,
    dct: Option<NaiveDate>,
) -> Out {
    let y = y.or_else(|| {
        dct.map(|t| {
            let cur = month_season(t.month());
            // January and February belong to the winter that began
            // the year before, so seasons are counted from spring.
            let sy = if t.month() <= 2 {
                t.year() - 1
            } else {
                t.year()
            };
            period_year(sy, season_index(s), cur, 4, tense, shift)
        })
    });
    match y {
        Some(y) => date(format!("{y:04}-{s}")),
        None => date(format!("XXXX-{s}")),
    }
}

/// `Expr::MonthRel`: "July last year", "September 6 last year".
pub(super) fn month_rel_value(
    m: u32,
    d: Option<u32>,
    year_offset: i64,
    dct: Option<NaiveDate>,
) -> Out {
    match (dct, d) {
        (Some(t), None) => {
            let y = t.year() + year_offset as i32;
            let r = NaiveDate::from_ymd_opt(y, m, 1).map(|x| (x, Gran::Month));
            (TimexType::Date, format!("{y:04}-{m:02}"), r)
        }
        (Some(t), Some(d)) => {
            let y = t.year() + year_offset as i32;
            match NaiveDate::from_ymd_opt(y, m, d) {
                Some(x) => (
                    TimexType::Date,
                    format!("{y:04}-{m:02}-{d:02}"),
                    Some((x, Gran::Day)),
                ),
                None => date(format!("XXXX-{m:02}-{d:02}")),
            }
        }
        (None, None) => date(format!("XXXX-{m:02}")),
        (None, Some(d)) => date(format!("XXXX-{m:02}-{d:02}")),
    }
}

/// `Expr::MonthThatYear`: "November that year" takes the year of the last
/// time mentioned, whatever its precision; the document's year when none was.
pub(super) fn month_that_year_value(m: u32, d: Option<u32>, ctx: &Ctx) -> Out {
    let year = ctx
        .reference
        .map(|(x, _)| x.year())
        .or(ctx.dct.map(|t| t.year()));
    let Some(y) = year else {
        return match d {
            Some(d) => date(format!("XXXX-{m:02}-{d:02}")),
            None => date(format!("XXXX-{m:02}")),
        };
    };
    month_rel_value(m, d, 0, NaiveDate::from_ymd_opt(y, 1, 1))
}

/// `Expr::Holiday`: a fixed-date holiday in the nearest year.
pub(super) fn holiday_value(m: u32, d: u32, tense: Tense, dct: Option<NaiveDate>) -> Out {
    let y = dct.map(|t| day_year(t, m, d, tense));
    match y {
        Some(y) => date(ymd(y, m, d)),
        None => date(format!("XXXX-{m:02}-{d:02}")),
    }
}

/// `Expr::Thanksgiving`: the fourth Thursday of November nearest the document.
pub(super) fn thanksgiving_value(tense: Tense, dct: Option<NaiveDate>) -> Out {
    let day = dct.and_then(|t| {
        let this = thanksgiving(t.year())?;
        let y = day_year(t, this.month(), this.day(), tense);
        thanksgiving(y)
    });
    match day {
        Some(d) => date(day_str(d)),
        None => date("XXXX-11-XX".into()),
    }
}

/// `Expr::InRelYear`: "the first quarter of last year", with the year
/// filled in from the document's.
pub(super) fn in_rel_year_value(inner: &Expr, year_offset: i64, tense: Tense, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let y = dct.map(|t| t.year() + year_offset as i32);
    let e = match (inner, y) {
        (Expr::Quarter { q, .. }, Some(y)) => Expr::Quarter { q: *q, y: Some(y) },
        (Expr::Half { h, .. }, Some(y)) => Expr::Half { h: *h, y: Some(y) },
        (Expr::Season { s, .. }, Some(y)) => Expr::Season {
            s,
            y: Some(y),
            shift: Shift::None,
        },
        (other, _) => other.clone(),
    };
    super::value_of(&e, tense, ctx)
}
