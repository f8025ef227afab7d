//! Pattern grammar over tokens.
//!
//! In: the token vector of one text. Out: [`Cand`]idates, each a token span
//! with an unresolved meaning ([`Expr`]) and an optional TIMEX3 `mod`.
//! Nothing here knows the document date; [`super::resolve`] turns an `Expr`
//! into a value. The grammar is hand-written recursive matching: each rule
//! looks at a few tokens through `match` tables, so a token that cannot start
//! an expression costs one table lookup.
//!
//! This module holds what the rules share: the meanings ([`Expr`]), the
//! matches ([`Cand`]), the driver that tries every rule at each token and
//! keeps the longest match, and TIMEX3 `mod` phrases ("early", "about", "at
//! least"). The rules live by phase: [`numbers`], [`durations`],
//! [`calendar`] dates, [`periods`] of years, [`definite`] ("the ...")
//! phrases, [`relative`] words, [`clock`] times and [`sets`].

mod calendar;
mod clock;
mod definite;
mod durations;
mod numbers;
mod periods;
mod relative;
mod sets;

use super::lexicon::{self, Unit};
use super::scan::{Kind, Token};

pub(crate) use durations::duration_value;

/// Direction word in front of a name: "last Friday", "next March", "this fall".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    None,
    Last,
    This,
    Next,
}

/// A counted amount; `X` is TIMEX3's unspecified number ("several years").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    N(u32),
    X,
    /// `n` and a half ("two and a half years"); `Half(0)` is "half a year".
    Half(u32),
}

/// What a relative offset is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// "ago", "from now": the document date.
    Dct,
    /// "earlier", "later": the last time mentioned, else the document date.
    Reference,
}

/// Meaning of a matched span before normalisation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A calendar day; year missing when the text gives none.
    Ymd {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// A month; year missing when the text gives none.
    Ym {
        y: Option<i32>,
        m: u32,
        shift: Shift,
    },
    Year(i32),
    /// First three digits of the decade ("199" for the 1990s).
    Decade(i32),
    /// Two-digit century prefix ("19" for the twentieth century).
    Century(i32),
    Weekday {
        wd: u32,
        shift: Shift,
        /// Its day of the month when the text adds it: "Thursday (16)".
        day: Option<u32>,
    },
    /// today = 0, yesterday = -1, tomorrow = 1.
    DayOffset(i64),
    /// "last week" = (Week, -1), "this year" = (Year, 0).
    RelUnit {
        unit: Unit,
        offset: i64,
    },
    Weekend {
        offset: Option<i64>,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    /// "the latest quarter" (`own`): the last quarter that has ended;
    /// "the quarter": the quarter last mentioned, else the same.
    LatestQuarter {
        own: bool,
    },
    Half {
        h: u32,
        y: Option<i32>,
    },
    Season {
        s: &'static str,
        y: Option<i32>,
        shift: Shift,
    },
    /// "two days ago" (sign -1, Dct), "a year earlier" (sign -1, Reference).
    Offset {
        amount: Amount,
        unit: Unit,
        sign: i64,
        anchor: Anchor,
    },
    /// "the year-earlier quarter", "year-ago": the reference period a year
    /// back; `quarter` when the text says it is a quarter.
    YearBefore {
        quarter: bool,
    },
    /// "the following year" (+1), "the previous month" (-1): relative to the
    /// last time mentioned.
    AnaUnit {
        unit: Unit,
        offset: i64,
    },
    /// "that year", "that day": the last time mentioned, at this precision.
    That(Unit),
    /// "the 1988 quarter", "the 1989 period": the year, at the precision of
    /// the last quarter mentioned if there was one.
    YearPeriod(i32),
    /// "this year's third quarter" (q 3, offset 0), "last year's quarter" (no q, -1).
    QuarterRel {
        q: Option<u32>,
        year_offset: i64,
    },
    /// "July last year", "September 6 last year": a month (or a day of it) in a year
    /// relative to the document date.
    MonthRel {
        m: u32,
        d: Option<u32>,
        year_offset: i64,
    },
    /// "November that year", "in August of the same year": a month (or a day
    /// of it) in the year of the last time mentioned.
    MonthThatYear {
        m: u32,
        d: Option<u32>,
    },
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A fully formed SET value ("P1D", "XXXX-WXX-4").
    Set(String),
    /// Fixed-date holiday, year to be inferred.
    Holiday {
        m: u32,
        d: u32,
    },
    /// Thanksgiving: fourth Thursday of November.
    Thanksgiving,
    /// Clock time, optionally on a given day; `utc` when written in UTC/GMT.
    Clock {
        h: u32,
        min: u32,
        day: Option<Box<Expr>>,
        utc: bool,
    },
    /// Part of a day ("MO", "AF", "EV", "NI").
    PartOfDay {
        part: &'static str,
        day: Box<Expr>,
    },
    /// "on the 15th": a day of the month last mentioned, else of the
    /// document's month (or the month before or after, by tense).
    DayOfMonth(u32),
    /// "the day before" = -1, "the next day" = 1, relative to the reference day.
    AnaDay(i64),
    /// "the previous Friday" (-1), "the following Monday" (1): the nearest
    /// such weekday strictly before or after the day last mentioned.
    AnaWeekday {
        wd: u32,
        dir: i64,
    },
    /// "the same period last year", "the corresponding quarter a year ago":
    /// the last time mentioned (at the named unit, else at its own
    /// precision) one year back.
    SameYearBefore(Option<Unit>),
    /// A part of a year named relative to the document's year: "the first
    /// quarter of last year" (Quarter, -1), "the summer of next year".
    InRelYear {
        inner: Box<Expr>,
        year_offset: i64,
    },
}

/// A matched span: tokens `s..e` (exclusive) with their meaning.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) expr: Expr,
    pub(crate) modifier: Option<&'static str>,
    /// Last day of a range such as "May 6-7".
    pub(crate) range_end: Option<Expr>,
}

struct G<'a> {
    t: &'a [Token],
}

/// Find all expressions, left to right, longest match at each start.
pub(crate) fn find(toks: &[Token]) -> Vec<Cand> {
    let g = G { t: toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            i += 1;
            continue;
        }
        match g.at(i) {
            Some(mut c) if c.e > i => {
                i = c.e;
                let second = g.coordinated_day(&c);
                if let Some(second) = second {
                    // "April 24 and 25, 1999": the year written after the
                    // second day belongs to the first as well.
                    if let (Expr::Ymd { y: y1 @ None, .. }, Expr::Ymd { y: y2, .. }) =
                        (&mut c.expr, &second.expr)
                    {
                        *y1 = *y2;
                    }
                    i = second.e;
                    out.push(c);
                    out.push(second);
                } else {
                    out.push(c);
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Cheap filter: can an expression start at this token at all?
fn may_start(t: &Token) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => t.lower == "'",
        Kind::Other => false,
        Kind::Word => {
            let w = t.lower.as_str();
            lexicon::context::starts_expression(w)
        }
    }
}

/// Whether a `mod` suits the kind of expression it precedes.
fn mod_fits(m: &str, e: &Expr) -> bool {
    let is_dur = matches!(e, Expr::Duration { .. });
    match m {
        "START" | "MID" | "END" => !is_dur && !matches!(e, Expr::Ref(_) | Expr::Set(_)),
        "APPROX" => !matches!(
            e,
            Expr::Ref(_)
                | Expr::Set(_)
                | Expr::Weekday { .. }
                | Expr::DayOffset(_)
                | Expr::PartOfDay { .. }
                | Expr::That(_)
        ),
        _ => is_dur || matches!(e, Expr::Offset { .. }),
    }
}

impl<'a> G<'a> {
    fn w(&self, i: usize) -> &'a str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Word || t.kind == Kind::Punct => t.lower.as_str(),
            _ => "",
        }
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Num => Some((t.num, t.digits)),
            _ => None,
        }
    }

    /// Token `i` touches token `i - 1` (no space between).
    fn adj(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }

    /// Capitalised inside a sentence: part of a title ("VOA Today", "This Week").
    fn title_case(&self, i: usize) -> bool {
        if !self.cap(i) || i == 0 {
            return false;
        }
        let p = &self.t[i - 1];
        let starts = p.sent_end
            || self.t[i].newline_before
            || matches!(p.lower.as_str(), "\"" | "`" | "'" | ":" | "(" | "-" | "_");
        !starts
    }

    /// An adjective at `i` that qualifies the lower-case word after it (not
    /// a title such as "Current Affairs", not the noun "the current").
    fn attributive(&self, i: usize) -> bool {
        !self.title_case(i)
            && self.t.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && !n.cap
                    && !matches!(
                        n.lower.as_str(),
                        "of" | "and" | "or" | "is" | "was" | "in" | "to"
                    )
            })
    }

    /// Hyphen glued on both sides: "two-day", "mid-November".
    fn glued_hyphen(&self, i: usize) -> bool {
        self.is(i, "-") && self.adj(i) && self.adj(i + 1)
    }

    fn at(&self, i: usize) -> Option<Cand> {
        let mut c = self.at_inner(i)?;
        // "the next year or so", "a week or so ago" (the latter handled by durations)
        let open_end = match (self.w(c.e), self.w(c.e + 1)) {
            ("or", "so") => Some("APPROX"),
            ("and", "beyond") | ("or", "later") => Some("ON_OR_AFTER"),
            ("or", "earlier") => Some("ON_OR_BEFORE"),
            _ => None,
        };
        if let Some(m) = open_end {
            c.e += 2;
            if c.modifier.is_none() {
                c.modifier = Some(m);
            }
        }
        Some(c)
    }

    fn at_inner(&self, i: usize) -> Option<Cand> {
        // "the early summer", "the late 1980s": the article stays in the span.
        if self.is(i, "the") && matches!(self.w(i + 1), "early" | "late" | "mid") {
            if let Some(mut c) = self.at_inner(i + 1) {
                if c.modifier.is_some() && c.s == i + 1 {
                    c.s = i;
                    return Some(c);
                }
            }
        }
        if let Some((len, m)) = self.modifier(i) {
            if let Some(mut c) = self.core(i + len) {
                if mod_fits(m, &c.expr) && c.modifier.is_none() {
                    c.s = i;
                    c.modifier = Some(m);
                    return Some(c);
                }
            }
            // "at" and "no" are ordinary words when no expression follows.
            if matches!(
                self.w(i),
                "at" | "no" | "up" | "more" | "less" | "over" | "under"
            ) {
                return None;
            }
        }
        self.core(i)
    }

    /// A TIMEX3 `mod` phrase: returns its token length and value.
    fn modifier(&self, i: usize) -> Option<(usize, &'static str)> {
        let w = self.w(i);
        let w1 = self.w(i + 1);
        let r = match (w, w1) {
            ("at", "least") => (2, "EQUAL_OR_MORE"),
            ("at", "most") => (2, "EQUAL_OR_LESS"),
            ("no", "more") if self.is(i + 2, "than") => (3, "EQUAL_OR_LESS"),
            ("up", "to") => (2, "EQUAL_OR_LESS"),
            ("more", "than") => (2, "MORE_THAN"),
            ("less", "than") => (2, "LESS_THAN"),
            ("the", "end") if self.is(i + 2, "of") => (3, "END"),
            ("the", "beginning") | ("the", "start") if self.is(i + 2, "of") => (3, "START"),
            ("the", "middle") if self.is(i + 2, "of") => (3, "MID"),
            ("end", "of") => (2, "END"),
            ("mid", "-") if self.glued_hyphen(i + 1) => (2, "MID"),
            ("early", "-") if self.glued_hyphen(i + 1) => (2, "START"),
            ("late", "-") if self.glued_hyphen(i + 1) => (2, "END"),
            ("early", _) => (1, "START"),
            ("late", _) => (1, "END"),
            ("mid", _) => (1, "MID"),
            ("earlier" | "later", _) => {
                // "earlier this month", "later yesterday", "earlier Sunday"
                let day = matches!(w1, "this" | "today" | "yesterday" | "tomorrow" | "tonight")
                    || lexicon::weekday(w1).is_some();
                if !day {
                    return None;
                }
                (1, if w == "earlier" { "START" } else { "END" })
            }
            ("about", _) | ("around", _) | ("approximately", _) | ("roughly", _) => (1, "APPROX"),
            ("nearly", _) | ("almost", _) => (1, "LESS_THAN"),
            ("under", _) => (1, "LESS_THAN"),
            // "over 20 years", "over a week" mean more than; "over three years"
            // and "over the summer" are a span, which TimeBank leaves out.
            ("over", _) if self.num(i + 1).is_some() || matches!(w1, "a" | "an") => {
                (1, "MORE_THAN")
            }
            _ => return None,
        };
        // "under" only modifies a bare count ("under a week"), not "under the
        // agreement".
        if w == "under" && self.is(i + 1, "the") {
            return None;
        }
        Some(r)
    }

    fn cand(&self, s: usize, e: usize, expr: Expr) -> Option<Cand> {
        Some(Cand {
            s,
            e,
            expr,
            modifier: None,
            range_end: None,
        })
    }

    /// Longest of all rules that match at `i`, with day suffixes attached.
    fn core(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut take = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.e > b.e) {
                    best = Some(c);
                }
            }
        };
        take(self.the_phrase(i));
        take(self.numeric_date(i));
        take(self.month_phrase(i));
        take(self.day_month(i));
        take(self.weekday_phrase(i));
        take(self.year_phrase(i));
        take(self.word_phrase(i));
        take(self.shifted(i));
        take(self.duration_phrase(i));
        take(self.set_phrase(i));
        take(self.clock(i));
        take(self.holiday(i));
        take(self.bare_plural(i));
        take(self.day_of_trading(i));
        take(self.long_adjective(i));
        let c = best?;
        Some(self.day_suffix(c))
    }

    /// "Friday morning", "yesterday afternoon": a day followed by a part of it.
    fn day_suffix(&self, mut c: Cand) -> Cand {
        let dayish = matches!(
            c.expr,
            Expr::Weekday { .. } | Expr::DayOffset(_) | Expr::Ymd { .. }
        );
        if dayish && c.modifier.is_none() && c.range_end.is_none() {
            if let Some(p) = lexicon::part_of_day(self.w(c.e)) {
                c.expr = Expr::PartOfDay {
                    part: p,
                    day: Box::new(c.expr),
                };
                c.e += 1;
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{one, seed_dct};

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
}
