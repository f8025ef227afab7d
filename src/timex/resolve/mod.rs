//! Normalisation of matched expressions to TIMEX3 values.
//!
//! In: a [`Cand`] from the grammar, the tokens around it (for tense) and a
//! [`Ctx`] holding the document date and the last time mentioned. Out: the
//! TIMEX3 type and value (and the end value of a range). With no document
//! date, anything relative comes out with `X` placeholders, never a guess.
//!
//! Parts: [`tense`] reads the tense of the clause, [`calendar`] places
//! dates written without a year, [`days`] counts days and weekdays,
//! [`units`] counts weeks, months, quarters and years from the document
//! date or the last time mentioned. This module holds the state carried
//! through a document and sends each kind of expression to its part.

mod calendar;
mod days;
mod tense;
mod units;

use chrono::{Datelike, NaiveDate};

use super::grammar::{duration_value, Amount, Anchor, Cand, Expr};
use super::lexicon::verbs::Tense;
use super::lexicon::Unit;
use super::scan::Token;
use super::TimexType;

/// Precision of the last time mentioned, so "a year earlier" after "the
/// third quarter" means the same quarter a year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gran {
    Day,
    Month,
    Quarter,
    Year,
}

/// Resolution state carried through one document.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub(crate) dct: Option<NaiveDate>,
    /// Last concrete time mentioned, anchor of "the day before", "a year earlier".
    pub(crate) reference: Option<(NaiveDate, Gran)>,
}

/// What the resolver produced for one candidate.
pub(crate) struct Resolved {
    pub(crate) kind: TimexType,
    pub(crate) value: String,
    pub(crate) end_value: Option<String>,
}

/// Resolve `c` against the context; updates the context's reference time.
pub(crate) fn resolve(c: &Cand, toks: &[Token], ctx: &mut Ctx) -> Resolved {
    let tense = tense::clause_tense(c, toks);
    if let Some(r) = point_ahead(c, toks, tense, ctx) {
        return r;
    }
    if let Some(r) = paired_weekday(c, toks, tense, ctx) {
        return r;
    }
    let (kind, value, reference) = value_of(&c.expr, tense, ctx);
    let end_value = c
        .range_end
        .as_ref()
        .map(|e| value_of(e, tense, ctx).1)
        .map(|v| {
            // The end of "May 6-7" shares the start's year.
            if v.starts_with("XXXX") && value.len() >= 4 {
                format!("{}{}", &value[..4], &v[4..])
            } else {
                v
            }
        });
    if let Some(r) = reference {
        ctx.reference = Some(r);
    }
    Resolved {
        kind,
        value,
        end_value,
    }
}

/// "on Friday and Saturday": a weekday joined to the weekday just before it is the first
/// such day after it, whichever way the tense alone would point. (Ranges, "from Monday to
/// Friday", are read as a whole elsewhere.)
fn paired_weekday(c: &Cand, toks: &[Token], tense: Tense, ctx: &mut Ctx) -> Option<Resolved> {
    let Expr::Weekday {
        wd,
        shift: super::grammar::Shift::None,
        day: None,
    } = c.expr
    else {
        return None;
    };
    let joined = c.s >= 2
        && toks[c.s - 1].lower == "and"
        && super::lexicon::weekday(&toks[c.s - 2].lower).is_some();
    let Some((before, Gran::Day)) = ctx.reference.filter(|_| joined) else {
        return None;
    };
    let gap = (wd as i64 - before.weekday().num_days_from_monday() as i64).rem_euclid(7);
    // ("spoke Friday and Thursday" lists days, most recent first.)
    if !(1..=3).contains(&gap) {
        return None;
    }
    let day = calendar::add_days(before, gap)?;
    // (What is told as done is not after the story, unless its first day is already.)
    if tense == Tense::Past && ctx.dct.is_some_and(|dct| day > dct && before <= dct) {
        return None;
    }
    ctx.reference = Some((day, Gran::Day));
    Some(Resolved {
        kind: TimexType::Date,
        value: calendar::day_str(day),
        end_value: None,
    })
}

/// "will be redeemed in five years": a point that far ahead, as TimeBank
/// annotates it; in other tenses "in three years" is a span.
fn point_ahead(c: &Cand, toks: &[Token], tense: Tense, ctx: &Ctx) -> Option<Resolved> {
    let prev = if c.s > 0 {
        toks[c.s - 1].lower.as_str()
    } else {
        ""
    };
    if let (
        Expr::Duration {
            amount: Amount::N(n),
            unit,
        },
        "in",
        Tense::Future,
        None,
    ) = (&c.expr, prev, tense, c.modifier)
    {
        // "the lowest level in six years", "the first time in a decade":
        // a span reaching back to now, whatever the verb.
        let record = c.s >= 2
            && matches!(
                toks[c.s - 2].lower.as_str(),
                "level" | "levels" | "high" | "highs" | "low" | "lows" | "time" | "times"
            );
        if !record && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            let e = Expr::Offset {
                amount: Amount::N(*n),
                unit: *unit,
                sign: 1,
                anchor: Anchor::Dct,
            };
            let (kind, value, _) = value_of(&e, tense, ctx);
            return Some(Resolved {
                kind,
                value,
                end_value: None,
            });
        }
    }
    None
}

type Out = (TimexType, String, Option<(NaiveDate, Gran)>);

fn date(v: String) -> Out {
    (TimexType::Date, v, None)
}

/// The value of `e`, and the time it names (the next reference) if any.
fn value_of(e: &Expr, tense: Tense, ctx: &Ctx) -> Out {
    let dct = ctx.dct;
    match e {
        Expr::Ymd { y, m, d } => calendar::ymd_value(*y, *m, *d, tense, dct),
        Expr::Ym { y, m, shift } => calendar::ym_value(*y, *m, *shift, tense, dct),
        Expr::Year(y) => {
            let r = NaiveDate::from_ymd_opt(*y, 1, 1).map(|x| (x, Gran::Year));
            (TimexType::Date, format!("{y:04}"), r)
        }
        Expr::Decade(d) => date(format!("{d:03}")),
        Expr::Century(c) => date(format!("{c:02}")),
        Expr::Weekday { wd, shift, day } => {
            let dated = |t| {
                day.and_then(|d| days::weekday_of_month(t, *wd, d))
                    .or_else(|| days::weekday_date(t, *wd, tense, *shift))
            };
            match dct.and_then(dated) {
                Some(d) => (TimexType::Date, calendar::day_str(d), Some((d, Gran::Day))),
                None => date("XXXX-XX-XX".into()),
            }
        }
        Expr::DayOffset(k) => match dct.and_then(|t| calendar::add_days(t, *k)) {
            Some(d) => (TimexType::Date, calendar::day_str(d), Some((d, Gran::Day))),
            None => date("XXXX-XX-XX".into()),
        },
        Expr::DayOfMonth(d) => days::day_of_month_value(*d, tense, ctx),
        Expr::AnaDay(k) => days::ana_day_value(*k, ctx),
        Expr::AnaWeekday { wd, dir } => days::ana_weekday_value(*wd, *dir, ctx),
        Expr::RelUnit { unit, offset } => units::rel_unit(dct, *unit, *offset),
        Expr::Weekend { offset } => days::weekend_value(*offset, tense, dct),
        Expr::Quarter { q, y } => calendar::quarter_value(*q, *y, tense, dct),
        Expr::LatestQuarter { own } => units::latest_quarter_value(*own, ctx),
        Expr::YearBefore { quarter } => units::year_before_value(*quarter, ctx),
        Expr::AnaUnit { unit, offset } => units::ana_unit_value(*unit, *offset, ctx),
        Expr::That(unit) => units::that_value(*unit, ctx),
        Expr::YearPeriod(y) => match ctx.reference {
            Some((d, Gran::Quarter)) => {
                date(format!("{y:04}-Q{}", calendar::quarter_of(d.month())))
            }
            _ => date(format!("{y:04}")),
        },
        Expr::QuarterRel { q, year_offset } => units::quarter_rel_value(*q, *year_offset, ctx),
        Expr::MonthRel { m, d, year_offset } => {
            calendar::month_rel_value(*m, *d, *year_offset, dct)
        }
        Expr::MonthThatYear { m, d } => calendar::month_that_year_value(*m, *d, ctx),
        Expr::Half { h, y } => calendar::half_year_value(*h, *y, tense, dct),
        Expr::Season { s, y, shift } => calendar::season_value(s, *y, *shift, tense, dct),
        Expr::Offset {
            amount,
            unit,
            sign,
            anchor,
        } => units::offset_value(*amount, *unit, *sign, *anchor, ctx),
        Expr::Duration { amount, unit } => {
            (TimexType::Duration, duration_value(*amount, *unit), None)
        }
        Expr::Ref(r) => date((*r).to_string()),
        Expr::Set(v) => (TimexType::Set, v.clone(), None),
        Expr::Holiday { m, d } => calendar::holiday_value(*m, *d, tense, dct),
        Expr::Thanksgiving => calendar::thanksgiving_value(tense, dct),
        Expr::Clock { h, min, day, utc } => {
            days::clock_value(*h, *min, day.as_deref(), *utc, tense, ctx)
        }
        Expr::SameYearBefore(unit) => units::same_year_before_value(*unit, ctx),
        Expr::InRelYear { inner, year_offset } => {
            calendar::in_rel_year_value(inner, *year_offset, tense, ctx)
        }
        Expr::PartOfDay { part, day } => {
            let (_, base, r) = value_of(day, tense, ctx);
            (TimexType::Time, format!("{base}T{part}"), r)
        }
    }
}
