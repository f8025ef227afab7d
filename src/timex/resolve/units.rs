//! Units counted from the document date or from the time last mentioned:
//! "last week", "this year", "two days ago", "a year earlier", "the
//! following year", "that day", "the latest quarter", "the year-ago
//! quarter", "the same period last year".
//!
//! In: the grammar's unit expression and the [`Ctx`]. Out: its TIMEX3 value
//! at the unit's precision (a week `2025-W19`, a quarter `2025-Q1`), and for
//! some the time it names, as the next reference.

use chrono::{Datelike, NaiveDate};

use super::calendar::{add_days, add_months, day_str, quarter_of, quarter_str, week_str};
use super::{date, Ctx, Gran, Out};
use crate::timex::grammar::{Amount, Anchor};
use crate::timex::lexicon::Unit;
use crate::timex::TimexType;

/// The last quarter that has ended by the document date.
fn latest_quarter(dct: Option<NaiveDate>) -> Option<NaiveDate> {
    dct.and_then(|t| add_months(t, -3))
}

fn shift_unit(d: NaiveDate, unit: Unit, n: i64) -> Option<(NaiveDate, Gran)> {
    Some(match unit {
        Unit::Day => (add_days(d, n)?, Gran::Day),
        Unit::Week => (add_days(d, n * 7)?, Gran::Day),
        Unit::Month => (add_months(d, n)?, Gran::Month),
        Unit::Quarter => (add_months(d, n * 3)?, Gran::Quarter),
        Unit::Year => (add_months(d, n * 12)?, Gran::Year),
        Unit::Decade => (add_months(d, n * 120)?, Gran::Year),
        Unit::Century => (add_months(d, n * 1200)?, Gran::Year),
        _ => (d, Gran::Day),
    })
}

fn at_precision(d: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Week => week_str(d),
        Unit::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Unit::Quarter => quarter_str(d),
        Unit::Year => format!("{:04}", d.year()),
        Unit::Decade => format!("{:03}", d.year().div_euclid(10)),
        Unit::Century => format!("{:02}", d.year().div_euclid(100)),
        _ => day_str(d),
    }
}

fn unknown_at(unit: Unit) -> &'static str {
    match unit {
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
}

pub(super) fn rel_unit(dct: Option<NaiveDate>, unit: Unit, offset: i64) -> Out {
    let unknown = match unit {
        Unit::Week => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX",
    };
    let Some(t) = dct else {
        return date(unknown.into());
    };
    let shifted = match unit {
        Unit::Week => add_days(t, offset * 7).map(|d| (week_str(d), d, Gran::Day)),
        Unit::Month => add_months(t, offset)
            .map(|d| (format!("{:04}-{:02}", d.year(), d.month()), d, Gran::Month)),
        Unit::Quarter => add_months(t, offset * 3).map(|d| {
            (
                format!("{:04}-Q{}", d.year(), quarter_of(d.month())),
                d,
                Gran::Quarter,
            )
        }),
        Unit::Year => {
            add_months(t, offset * 12).map(|d| (format!("{:04}", d.year()), d, Gran::Year))
        }
        Unit::Decade => add_months(t, offset * 120)
            .map(|d| (format!("{:03}", d.year().div_euclid(10)), d, Gran::Year)),
        Unit::Century => add_months(t, offset * 1200)
            .map(|d| (format!("{:02}", d.year().div_euclid(100)), d, Gran::Year)),
        _ => add_days(t, offset).map(|d| (day_str(d), d, Gran::Day)),
    };
    match shifted {
        // A week is not a useful anchor for "the day before"; keep only coarser ones.
        Some((v, d, g)) if unit != Unit::Week => (TimexType::Date, v, Some((d, g))),
        Some((v, _, _)) => date(v),
        None => date(unknown.into()),
    }
}

/// A reference at granularity `g` can anchor an offset counted in `unit`.
fn fine_enough(g: Gran, unit: Unit) -> bool {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => g == Gran::Day,
        Unit::Month => matches!(g, Gran::Day | Gran::Month),
        Unit::Quarter => g != Gran::Year,
        Unit::Year | Unit::Decade | Unit::Century => true,
    }
}

pub(super) fn offset_value(
    amount: Amount,
    unit: Unit,
    sign: i64,
    anchor: Anchor,
    ctx: &Ctx,
) -> Out {
    let Amount::N(n) = amount else {
        let r = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return date(r.into());
    };
    let n = i64::from(n) * sign;
    // "a week earlier" after "in 2024" cannot count from a year: a reference
    // coarser than the unit says nothing about which week, so the document
    // date anchors it instead.
    let reference = match anchor {
        Anchor::Reference => ctx.reference.filter(|&(_, g)| fine_enough(g, unit)),
        Anchor::Dct => None,
    };
    // Earnings reports compare a quarter with the same quarter a year before.
    if unit == Unit::Year {
        if let Some((d, Gran::Quarter)) = reference.or(ctx.reference.filter(|_| n == -1)) {
            if let Some(x) = add_months(d, n * 12) {
                return date(format!("{:04}-Q{}", x.year(), quarter_of(x.month())));
            }
        }
    }
    let base = reference.map(|r| r.0).or(ctx.dct);
    let Some(base) = base else {
        let v = match unit {
            Unit::Year => "XXXX",
            Unit::Month => "XXXX-XX",
            Unit::Week => "XXXX-WXX",
            _ => "XXXX-XX-XX",
        };
        return date(v.into());
    };
    let v = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            add_days(base, if unit == Unit::Day { n } else { 0 }).map(day_str)
        }
        Unit::Week => add_days(base, n * 7).map(week_str),
        Unit::Month => add_months(base, n).map(|d| format!("{:04}-{:02}", d.year(), d.month())),
        Unit::Quarter => {
            add_months(base, n * 3).map(|d| format!("{:04}-Q{}", d.year(), quarter_of(d.month())))
        }
        Unit::Year => add_months(base, n * 12).map(|d| format!("{:04}", d.year())),
        Unit::Decade => add_months(base, n * 120).map(|d| format!("{:04}", d.year())),
        Unit::Century => add_months(base, n * 1200).map(|d| format!("{:02}", d.year() / 100)),
    };
    date(v.unwrap_or_else(|| "XXXX".into()))
}

/// `Expr::LatestQuarter`: "the latest quarter", "the quarter".
pub(super) fn latest_quarter_value(own: bool, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    if let (false, Some((d, Gran::Quarter))) = (own, ctx.reference) {
        return date(quarter_str(d));
    }
    match latest_quarter(dct) {
        Some(d) => (TimexType::Date, quarter_str(d), Some((d, Gran::Quarter))),
        None => date("XXXX-QX".into()),
    }
}

/// `Expr::YearBefore`: "year-earlier", "the year-ago quarter".
pub(super) fn year_before_value(quarter: bool, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let q = match ctx.reference {
        Some((d, Gran::Quarter)) => Some(d),
        _ if quarter => latest_quarter(dct),
        _ => None,
    };
    if let Some(d) = q.and_then(|d| add_months(d, -12)) {
        return date(quarter_str(d));
    }
    match dct {
        Some(t) => date(format!("{:04}", t.year() - 1)),
        None => date("XXXX".into()),
    }
}

/// `Expr::AnaUnit`: "the following year", "the month before".
pub(super) fn ana_unit_value(unit: Unit, offset: i64, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let base = ctx
        .reference
        .filter(|&(_, g)| fine_enough(g, unit))
        .map(|r| r.0)
        .or(dct);
    match base.and_then(|b| shift_unit(b, unit, offset)) {
        Some((d, g)) => (TimexType::Date, at_precision(d, unit), Some((d, g))),
        None => date(unknown_at(unit).into()),
    }
}

/// `Expr::That`: "that day", "that year". "that day" after "2022" names no
/// day of 2022: a reference coarser than the unit says nothing, so the
/// document's date stands in.
pub(super) fn that_value(unit: Unit, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    match ctx
        .reference
        .filter(|&(_, g)| fine_enough(g, unit))
        .map(|r| r.0)
        .or(dct)
    {
        Some(d) => date(at_precision(d, unit)),
        None => date(unknown_at(unit).into()),
    }
}

/// `Expr::QuarterRel`: "this year's third quarter", "last year's quarter".
pub(super) fn quarter_rel_value(q: Option<u32>, year_offset: i64, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let Some(t) = dct else {
        return date("XXXX-QX".into());
    };
    let q = q.or_else(|| match ctx.reference {
        Some((d, Gran::Quarter)) => Some(quarter_of(d.month())),
        _ => latest_quarter(dct).map(|d| quarter_of(d.month())),
    });
    let y = t.year() + year_offset as i32;
    match q {
        Some(q) => date(format!("{y:04}-Q{q}")),
        None => date(format!("{y:04}")),
    }
}

/// `Expr::SameYearBefore`: "the same period last year".
pub(super) fn same_year_before_value(unit: Option<Unit>, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    let (base, gran) = match ctx.reference {
        Some((d, g)) => (Some(d), g),
        None => (dct, Gran::Year),
    };
    let unit = unit.unwrap_or(match gran {
        Gran::Day => Unit::Day,
        Gran::Month => Unit::Month,
        Gran::Quarter => Unit::Quarter,
        Gran::Year => Unit::Year,
    });
    match base.and_then(|b| add_months(b, -12)) {
        Some(d) => date(at_precision(d, unit)),
        None => date(unknown_at(unit).into()),
    }
}

#[cfg(test)]
mod tests {
    use crate::timex::tag;
    use crate::timex::tests::{d, find, seed_dct, value};

    #[test]
    fn anaphora_follows_last_mention() {
        let t = d(1989, 11, 2);
        let text = "Net rose in the third quarter. A year earlier, it fell.";
        assert_eq!(value(text, t, "A year earlier"), "1988-Q3");
        let text = "Smith arrived in 1995. He left the following year.";
        assert_eq!(value(text, t, "the following year"), "1996");
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

    #[test]
    fn a_month_that_year_is_in_the_year_last_named() {
        let t = d(1990, 11, 10);
        let text = "The port opened in May 1981; a second berth followed in November that year.";
        assert_eq!(value(text, t, "November that year"), "1981-11");
        let text = "Output fell in May 2017. By August of the same year it had recovered.";
        assert_eq!(value(text, t, "August of the same year"), "2017-08");
        let text = "The pact came in 1985. On 3 March the same year, envoys met.";
        assert_eq!(value(text, t, "3 March the same year"), "1985-03-03");
        let text = "It opened in 1972. The same year, trade doubled.";
        assert_eq!(value(text, t, "The same year"), "1972");
        // With no time named before, it is the document's year.
        let text = "Talks resumed in June that year.";
        assert_eq!(value(text, t, "June that year"), "1990-06");
    }
}
