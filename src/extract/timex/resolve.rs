//! Normalisation of matched expressions to TIMEX3 values.
//!
//! In: a [`Cand`] from the grammar, the tokens around it (for tense) and a
//! [`Ctx`] holding the document date and the last time mentioned. Out: the
//! TIMEX3 type and value (and the end value of a range). With no document
//! date, anything relative comes out with `X` placeholders, never a guess.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::grammar::{duration_value, Amount, Anchor, Cand, Expr, Shift};
use super::lexicon::verbs::{self, Tense};
use super::lexicon::Unit;
use super::scan::{Kind, Token};
use super::TimexType;

/// Precision of the last time mentioned, so "a year earlier" after "the
/// third quarter" means the same quarter a year before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gran {
    Day,
    Month,
    Quarter,
    Year,
}

/// Resolution state carried through one document.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub dct: Option<NaiveDate>,
    /// Last concrete time mentioned, anchor of "the day before", "a year earlier".
    pub reference: Option<(NaiveDate, Gran)>,
}

/// How far (in tokens) to look for a verb that sets the tense.
const TENSE_WINDOW: usize = 12;

/// Tense of the clause around tokens `s..e`: the nearest verb cue on either
/// side within the sentence decides (left wins a tie, since English puts the
/// verb before its time adverbial more often than after). Two kinds of cue
/// on the right only count when nothing on the left does: an attribution
/// after a comma or a closing quote (", officials said" tells when
/// something was said, not when it happens), and the verb of a clause
/// joined by "and" or "but".
pub fn tense_around(toks: &[Token], s: usize, e: usize) -> Tense {
    let left = (1..=TENSE_WINDOW.min(s))
        .map(|d| s - d)
        .take_while(|&k| !toks[k].sent_end)
        .find_map(|k| cue_at(toks, k, false).map(|t| (s - k, t)));
    let mut right = None;
    let mut weak = None;
    let mut separated = false;
    let mut joined = false;
    for k in e..toks.len().min(e + TENSE_WINDOW) {
        let t = &toks[k];
        if t.kind == Kind::Punct && is_separator(toks, k) {
            separated = true;
        }
        if let Some(tense) = cue_at(toks, k, true) {
            if (separated && verbs::is_reporting(&t.lower)) || joined {
                weak = Some(tense);
            } else {
                right = Some((k + 1 - e, tense));
            }
            break;
        }
        // "a rally on Saturday and were planning ...": a verb after a
        // conjunction heads the next clause.
        if matches!(t.lower.as_str(), "and" | "but" | "while" | "whereas") {
            joined = true;
        }
        if t.sent_end {
            break;
        }
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            if dl <= dr {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => weak.unwrap_or(Tense::Unknown),
    }
}

/// Token `k` lies in a headline: a line set off by a blank line, or the
/// unpunctuated first line of the text. Headlines put past events in the
/// present ("Dow closes lower"), so a timetable verb there says nothing
/// about the future. Wrapped body lines end without a full stop too, hence
/// only those two shapes.
fn in_headline(toks: &[Token], k: usize) -> bool {
    let first_line = k < 30 && (0..k).all(|j| !toks[j].sent_end && !toks[j + 1].newline_before);
    for j in k..toks.len().min(k + 30) {
        if toks[j].sent_end {
            return toks[j].kind != Kind::Punct;
        }
        if toks.get(j + 1).is_none_or(|n| n.newline_before) {
            return first_line && toks[j].kind != Kind::Punct;
        }
    }
    false
}

/// Punctuation that closes the clause of an expression: a comma, a dash, a
/// bracket or a closing quote (an apostrophe only when not glued to a
/// clitic, as in "Friday's" or "he'll").
fn is_separator(toks: &[Token], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "," | "\"" | ")" | "-" | "_" | ";" | ":" => true,
        "'" => toks
            .get(k + 1)
            .is_none_or(|n| n.space_before || n.kind != Kind::Word),
        _ => false,
    }
}

/// An auxiliary "had" (past perfect) in the sentence around tokens `s..e`:
/// "had not called", "had agreed", "had been". "had until Friday to
/// decide" is possession, not an auxiliary, and does not count.
fn past_perfect_near(toks: &[Token], s: usize, e: usize) -> bool {
    let aux = |k: usize| {
        toks[k].lower == "had"
            && toks.get(k + 1).is_some_and(|n| {
                let w = n.lower.as_str();
                n.kind == Kind::Word
                    && (matches!(
                        w,
                        "not" | "been" | "already" | "never" | "just" | "long" | "since"
                    ) || verbs::verb_cue(w) == Some(Tense::Past)
                        && !matches!(w, "last" | "earlier" | "ago" | "yesterday"))
            })
    };
    let left = (1..=TENSE_WINDOW.min(s))
        .map(|d| s - d)
        .take_while(|&k| !toks[k].sent_end)
        .any(aux);
    let right = (e..toks.len().min(e + TENSE_WINDOW))
        .take_while(|&k| k == e || !toks[k - 1].sent_end)
        .any(aux);
    left || right
}

/// Tense cue of token `k`; `right` when it follows the expression.
fn cue_at(toks: &[Token], k: usize, right: bool) -> Option<Tense> {
    let t = &toks[k];
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let next = toks.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
    let prev = if k > 0 {
        toks[k - 1].lower.as_str()
    } else {
        ""
    };
    match w {
        "ll" if prev == "'" => return Some(Tense::Future),
        "won" if next == "'" => return Some(Tense::Future),
        "going" | "planning" | "preparing" if next == "to" => return Some(Tense::Future),
        "is" | "are" if next == "to" || next == "due" || next == "expected" => {
            return Some(Tense::Future)
        }
        // As nouns these say nothing: "the plan", "the expected loss".
        "plan" | "plans" | "planned" | "expected" | "expects" | "scheduled" | "set" | "due" => {
            let passive_or_present = matches!(prev, "is" | "are" | "be" | "been");
            // "had been due to expire Friday", "had been scheduled for
            // Monday": a timetable that was overtaken, so the day is past.
            if prev == "been" && k >= 2 && toks[k - 2].lower == "had" {
                return Some(Tense::Past);
            }
            // "as previously planned Saturday night": a plan already carried out.
            if w == "planned" && matches!(prev, "previously" | "originally" | "had") {
                return Some(Tense::Past);
            }
            // "On Friday, the government planned to ...": a past plan made
            // on that day; the day itself is not what was planned.
            if right && matches!(w, "planned" | "expected" | "scheduled") && !passive_or_present {
                return Some(Tense::Past);
            }
            // "has scheduled a news conference Thursday", "planned a rally
            // on Saturday": a timetable points ahead whatever the auxiliary.
            return if matches!(next, "to" | "for" | "on") || matches!(w, "scheduled" | "planned") {
                Some(Tense::Future)
            } else if w == "set" {
                Some(Tense::Past)
            } else {
                None
            };
        }
        // "as soon as Tuesday", "as early as next week"
        "soon" | "early" if prev == "as" && next == "as" => return Some(Tense::Future),
        "ll" | "s" | "d" | "t" => return None,
        _ => {}
    }
    // A participle after "be" is passive ("will be held"): the auxiliary
    // before it carries the tense.
    if k > 0 && matches!(prev, "be" | "been" | "being") {
        return None;
    }
    // Proper names ending in -ed ("Ahmed") are not verbs.
    if t.cap && w.ends_with("ed") && verbs::verb_cue(w).is_none() {
        return None;
    }
    if t.cap && k > 0 && !toks[k - 1].sent_end && w.ends_with("ed") {
        return None;
    }
    // After a determiner an -ed form is an adjective: "a revised estimate",
    // "the unexpected move", "its combined sales".
    if w.ends_with("ed")
        && matches!(
            prev,
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our"
        )
    {
        return None;
    }
    match verbs::verb_cue(w) {
        Some(Tense::Future) if verbs::timetable_verb(w) && in_headline(toks, k) => {
            Some(Tense::Present)
        }
        cue => cue,
    }
}

/// A possessive "'s" (or a bare "'" after an "s") glued to token `e - 1`.
fn possessive(toks: &[Token], e: usize) -> bool {
    let Some(q) = toks.get(e) else {
        return false;
    };
    if !q.is_punct('\'') || q.space_before {
        return false;
    }
    toks.get(e + 1)
        .is_some_and(|s| s.lower == "s" && !s.space_before)
}

fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn day_str(d: NaiveDate) -> String {
    ymd(d.year(), d.month(), d.day())
}

fn week_str(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let n32 = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(n32))
    } else {
        d.checked_sub_months(Months::new(n32))
    }
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

/// Weekday from tense and "last/next/this". Past clauses never go forward.
pub fn weekday_date(dct: NaiveDate, wd: u32, tense: Tense, shift: Shift) -> Option<NaiveDate> {
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

/// What the resolver produced for one candidate.
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub end_value: Option<String>,
}

/// Resolve `c` against the context; updates the context's reference time.
pub fn resolve(c: &Cand, toks: &[Token], ctx: &mut Ctx) -> Resolved {
    let mut tense = tense_around(toks, c.s, c.e);
    // "until May", "by Aug. 21", "through January": a deadline, which news
    // mostly gives ahead of time whatever the tense of the report.
    let prev = if c.s > 0 {
        toks[c.s - 1].lower.as_str()
    } else {
        ""
    };
    let calendar = matches!(
        c.expr,
        Expr::Ym { .. } | Expr::Ymd { .. } | Expr::Quarter { .. } | Expr::Season { .. }
    );
    // "Until Thursday, they had not called him a suspect", "by May the
    // firm had cut 500 jobs": a past perfect puts the deadline behind.
    let perfect = || past_perfect_near(toks, c.s, c.e);
    if calendar && matches!(prev, "until" | "till" | "by" | "through" | "effective") && !perfect() {
        tense = Tense::Future;
    }
    // "until Tuesday", "until 9 a.m. Tuesday", "postponed until Tuesday
    // morning": a weekday deadline lies ahead of the report too.
    let weekday = match &c.expr {
        Expr::Weekday { shift, .. } => *shift == Shift::None,
        Expr::Clock { day: Some(d), .. } | Expr::PartOfDay { day: d, .. } => {
            matches!(
                **d,
                Expr::Weekday {
                    shift: Shift::None,
                    ..
                }
            )
        }
        _ => false,
    };
    if weekday && matches!(prev, "until" | "till") && !perfect() {
        tense = Tense::Future;
    }
    // "since Tuesday", "since shortly after the Oct. 23 slaying": the start
    // of something still going on lies behind the report.
    let since = (1..=4)
        .take_while(|&k| k <= c.s)
        .map(|k| toks[c.s - k].lower.as_str())
        .take_while(|w| {
            matches!(
                *w,
                "since"
                    | "shortly"
                    | "just"
                    | "soon"
                    | "right"
                    | "after"
                    | "before"
                    | "the"
                    | "early"
                    | "late"
                    | "mid"
            )
        })
        .any(|w| w == "since");
    if (calendar || weekday) && since {
        tense = Tense::Past;
    }
    // "Wednesday's ruling", "Friday's attack": a weekday that names an
    // event is one the report looks back on; the clause's own tense ("they
    // would look for ways around Wednesday's ruling") is about something
    // else. Only "ahead of Sunday's vote" and the like look forward.
    if weekday && possessive(toks, c.e) {
        let ahead = c.s >= 2
            && matches!(
                (toks[c.s - 2].lower.as_str(), prev),
                ("ahead" | "advance", "of") | ("in", "advance")
            );
        let ahead = ahead || matches!(prev, "upcoming" | "until" | "till");
        if ahead {
            tense = Tense::Future;
        } else if !matches!(prev, "before" | "for") {
            // "before Sunday's vote" goes either way: the clause decides.
            tense = Tense::Past;
        }
    }
    // "will be redeemed in five years": a point that far ahead, as TimeBank
    // annotates it; in other tenses "in three years" is a span.
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
            return Resolved {
                kind,
                value,
                end_value: None,
            };
        }
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

type Out = (TimexType, String, Option<(NaiveDate, Gran)>);

fn date(v: String) -> Out {
    (TimexType::Date, v, None)
}

fn value_of(e: &Expr, tense: Tense, ctx: &Ctx) -> Out {
    use TimexType::*;
    let dct = ctx.dct;
    match e {
        Expr::Ymd { y, m, d } => {
            let y = y.or_else(|| dct.map(|t| day_year(t, *m, *d, tense)));
            match y {
                Some(y) => {
                    let r = NaiveDate::from_ymd_opt(y, *m, *d).map(|x| (x, Gran::Day));
                    (Date, ymd(y, *m, *d), r)
                }
                None => date(format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Expr::Ym { y, m, shift } => {
            let y = y.or_else(|| dct.map(|t| month_year(t, *m, tense, *shift)));
            match y {
                Some(y) => {
                    let r = NaiveDate::from_ymd_opt(y, *m, 1).map(|x| (x, Gran::Month));
                    (Date, format!("{y:04}-{m:02}"), r)
                }
                None => date(format!("XXXX-{m:02}")),
            }
        }
        Expr::Year(y) => {
            let r = NaiveDate::from_ymd_opt(*y, 1, 1).map(|x| (x, Gran::Year));
            (Date, format!("{y:04}"), r)
        }
        Expr::Decade(d) => date(format!("{d:03}")),
        Expr::Century(c) => date(format!("{c:02}")),
        Expr::Weekday { wd, shift } => {
            match dct.and_then(|t| weekday_date(t, *wd, tense, *shift)) {
                Some(d) => (Date, day_str(d), Some((d, Gran::Day))),
                None => date("XXXX-XX-XX".into()),
            }
        }
        Expr::DayOffset(k) => match dct.and_then(|t| add_days(t, *k)) {
            Some(d) => (Date, day_str(d), Some((d, Gran::Day))),
            None => date("XXXX-XX-XX".into()),
        },
        Expr::DayOfMonth(d) => {
            let day = match ctx.reference {
                Some((r, Gran::Day | Gran::Month)) => r.with_day(*d),
                _ => dct.and_then(|t| {
                    // "said it happened on the 28th" early in May means April.
                    let shift = match tense {
                        Tense::Past if *d > t.day() => -1,
                        Tense::Future if *d < t.day() => 1,
                        _ => 0,
                    };
                    add_months(t.with_day(1)?, shift)?.with_day(*d)
                }),
            };
            match day {
                Some(x) => (Date, day_str(x), Some((x, Gran::Day))),
                None => date(format!("XXXX-XX-{d:02}")),
            }
        }
        Expr::AnaDay(k) => {
            let base = match ctx.reference {
                Some((d, Gran::Day)) => Some(d),
                _ => dct,
            };
            match base.and_then(|b| add_days(b, *k)) {
                Some(d) => (Date, day_str(d), Some((d, Gran::Day))),
                None => date("XXXX-XX-XX".into()),
            }
        }
        Expr::AnaWeekday { wd, dir } => {
            let base = match ctx.reference {
                Some((d, Gran::Day)) => Some(d),
                _ => dct,
            };
            let day = base.and_then(|b| {
                let cur = b.weekday().num_days_from_monday() as i64;
                let step = if *dir < 0 {
                    -(cur - *wd as i64 - 1).rem_euclid(7) - 1
                } else {
                    (*wd as i64 - cur - 1).rem_euclid(7) + 1
                };
                add_days(b, step)
            });
            match day {
                Some(d) => (Date, day_str(d), Some((d, Gran::Day))),
                None => date("XXXX-XX-XX".into()),
            }
        }
        Expr::RelUnit { unit, offset } => rel_unit(dct, *unit, *offset),
        Expr::Weekend { offset } => {
            let Some(t) = dct else {
                return date("XXXX-WXX-WE".into());
            };
            let wd = t.weekday().num_days_from_monday();
            let weeks = match offset {
                Some(o) => *o,
                None if tense == Tense::Past && wd < 5 => -1,
                None => 0,
            };
            match add_days(t, weeks * 7) {
                Some(d) => date(format!("{}-WE", week_str(d))),
                None => date("XXXX-WXX-WE".into()),
            }
        }
        Expr::Quarter { q, y } => {
            let y = y.or_else(|| {
                dct.map(|t| {
                    let cur = quarter_of(t.month()) as i32;
                    quarter_year(t.year(), *q as i32, cur, tense)
                })
            });
            match y {
                Some(y) => {
                    let r =
                        NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1).map(|x| (x, Gran::Quarter));
                    (Date, format!("{y:04}-Q{q}"), r)
                }
                None => date(format!("XXXX-Q{q}")),
            }
        }
        Expr::LatestQuarter { own } => {
            if let (false, Some((d, Gran::Quarter))) = (own, ctx.reference) {
                return date(quarter_str(d));
            }
            match latest_quarter(dct) {
                Some(d) => (Date, quarter_str(d), Some((d, Gran::Quarter))),
                None => date("XXXX-QX".into()),
            }
        }
        Expr::YearBefore { quarter } => {
            let q = match ctx.reference {
                Some((d, Gran::Quarter)) => Some(d),
                _ if *quarter => latest_quarter(dct),
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
        Expr::AnaUnit { unit, offset } => {
            let base = ctx
                .reference
                .filter(|&(_, g)| fine_enough(g, *unit))
                .map(|r| r.0)
                .or(dct);
            match base.and_then(|b| shift_unit(b, *unit, *offset)) {
                Some((d, g)) => (Date, at_precision(d, *unit), Some((d, g))),
                None => date(unknown_at(*unit).into()),
            }
        }
        // "that day" after "2022" names no day of 2022: a reference coarser than the unit
        // says nothing, so the document's date stands in.
        Expr::That(unit) => match ctx
            .reference
            .filter(|&(_, g)| fine_enough(g, *unit))
            .map(|r| r.0)
            .or(dct)
        {
            Some(d) => date(at_precision(d, *unit)),
            None => date(unknown_at(*unit).into()),
        },
        Expr::YearPeriod(y) => match ctx.reference {
            Some((d, Gran::Quarter)) => date(format!("{y:04}-Q{}", quarter_of(d.month()))),
            _ => date(format!("{y:04}")),
        },
        Expr::QuarterRel { q, year_offset } => {
            let Some(t) = dct else {
                return date("XXXX-QX".into());
            };
            let q = q.or_else(|| match ctx.reference {
                Some((d, Gran::Quarter)) => Some(quarter_of(d.month())),
                _ => latest_quarter(dct).map(|d| quarter_of(d.month())),
            });
            let y = t.year() + *year_offset as i32;
            match q {
                Some(q) => date(format!("{y:04}-Q{q}")),
                None => date(format!("{y:04}")),
            }
        }
        Expr::MonthRel { m, year_offset } => match dct {
            Some(t) => {
                let y = t.year() + *year_offset as i32;
                let r = NaiveDate::from_ymd_opt(y, *m, 1).map(|x| (x, Gran::Month));
                (Date, format!("{y:04}-{m:02}"), r)
            }
            None => date(format!("XXXX-{m:02}")),
        },
        Expr::Half { h, y } => {
            let y = y.or_else(|| {
                dct.map(|t| {
                    let cur = if t.month() <= 6 { 1 } else { 2 };
                    period_year(t.year(), *h as i32, cur, 2, tense, Shift::None)
                })
            });
            match y {
                Some(y) => date(format!("{y:04}-H{h}")),
                None => date(format!("XXXX-H{h}")),
            }
        }
        Expr::Season { s, y, shift } => {
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
                    period_year(sy, season_index(s), cur, 4, tense, *shift)
                })
            });
            match y {
                Some(y) => date(format!("{y:04}-{s}")),
                None => date(format!("XXXX-{s}")),
            }
        }
        Expr::Offset {
            amount,
            unit,
            sign,
            anchor,
        } => offset_value(*amount, *unit, *sign, *anchor, ctx),
        Expr::Duration { amount, unit } => (Duration, duration_value(*amount, *unit), None),
        Expr::Ref(r) => date((*r).to_string()),
        Expr::Set(v) => (Set, v.clone(), None),
        Expr::Holiday { m, d } => {
            let y = dct.map(|t| day_year(t, *m, *d, tense));
            match y {
                Some(y) => date(ymd(y, *m, *d)),
                None => date(format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Expr::Thanksgiving => {
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
        Expr::Clock { h, min, day, utc } => {
            // A bare clock time belongs to the day last mentioned.
            let base = match day {
                Some(d) => value_of(d, tense, ctx).1,
                None => match ctx.reference {
                    Some((d, Gran::Day)) => day_str(d),
                    _ => dct.map(day_str).unwrap_or_else(|| "XXXX-XX-XX".into()),
                },
            };
            let zone = if *utc { "Z" } else { "" };
            (Time, format!("{base}T{h:02}:{min:02}{zone}"), None)
        }
        Expr::SameYearBefore(unit) => {
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
        Expr::InRelYear { inner, year_offset } => {
            let y = dct.map(|t| t.year() + *year_offset as i32);
            let e = match (&**inner, y) {
                (Expr::Quarter { q, .. }, Some(y)) => Expr::Quarter { q: *q, y: Some(y) },
                (Expr::Half { h, .. }, Some(y)) => Expr::Half { h: *h, y: Some(y) },
                (Expr::Season { s, .. }, Some(y)) => Expr::Season {
                    s,
                    y: Some(y),
                    shift: Shift::None,
                },
                (other, _) => other.clone(),
            };
            value_of(&e, tense, ctx)
        }
        Expr::PartOfDay { part, day } => {
            let (_, base, r) = value_of(day, tense, ctx);
            (Time, format!("{base}T{part}"), r)
        }
    }
}

fn quarter_str(d: NaiveDate) -> String {
    format!("{:04}-Q{}", d.year(), quarter_of(d.month()))
}

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

fn rel_unit(dct: Option<NaiveDate>, unit: Unit, offset: i64) -> Out {
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

fn offset_value(amount: Amount, unit: Unit, sign: i64, anchor: Anchor, ctx: &Ctx) -> Out {
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
