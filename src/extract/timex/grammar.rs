//! Pattern grammar over tokens.
//!
//! In: the token vector of one text. Out: [`Cand`]idates, each a token span
//! with an unresolved meaning ([`Expr`]) and an optional TIMEX3 `mod`.
//! Nothing here knows the document date; [`super::resolve`] turns an `Expr`
//! into a value. The grammar is hand-written recursive matching: each rule
//! looks at a few tokens through `match` tables, so a token that cannot start
//! an expression costs one table lookup.

use super::lexicon::{self, Unit};
use super::scan::{Kind, Token};

/// Direction word in front of a name: "last Friday", "next March", "this fall".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    None,
    Last,
    This,
    Next,
}

/// A counted amount; `X` is TIMEX3's unspecified number ("several years").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    N(u32),
    X,
    /// `n` and a half ("two and a half years"); `Half(0)` is "half a year".
    Half(u32),
}

/// What a relative offset is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// "ago", "from now": the document date.
    Dct,
    /// "earlier", "later": the last time mentioned, else the document date.
    Reference,
}

/// Meaning of a matched span before normalisation.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
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
    /// "July last year": a month in a year relative to the document date.
    MonthRel {
        m: u32,
        year_offset: i64,
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
pub struct Cand {
    pub s: usize,
    pub e: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
    /// Last day of a range such as "May 6-7".
    pub range_end: Option<Expr>,
}

struct G<'a> {
    t: &'a [Token],
}

/// Find all expressions, left to right, longest match at each start.
pub fn find(toks: &[Token]) -> Vec<Cand> {
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

    /// A plural unit without a count where it can only be a length of time:
    /// "for years", "within weeks", "for centuries", "lowest level in years."
    fn bare_plural(&self, i: usize) -> Option<Cand> {
        let (u, true) = lexicon::unit(self.w(i))? else {
            return None;
        };
        if i == 0 || self.title_case(i) || matches!(u, Unit::Second | Unit::Quarter) {
            return None;
        }
        let prev = self.w(i - 1);
        let next = self.t.get(i + 1);
        // "for years to come" is still a span; "for years of study" is not.
        let ends = next.is_none_or(|t| t.kind == Kind::Punct && t.lower != "-");
        let ok = match prev {
            // "for years" and "for months" are left out about as often as not.
            "within" => !self.is(i + 1, "of") && u != Unit::Day,
            "for" => {
                !self.is(i + 1, "of") && matches!(u, Unit::Week | Unit::Decade | Unit::Century)
            }
            "in" => ends && !matches!(u, Unit::Day | Unit::Hour),
            _ => false,
        };
        if !ok {
            return None;
        }
        self.cand(
            i,
            i + 1,
            Expr::Duration {
                amount: Amount::X,
                unit: u,
            },
        )
    }

    /// "a day-long meeting", "a decades-long dispute", "the worst
    /// single-day fall": a length of time used as an adjective.
    fn long_adjective(&self, i: usize) -> Option<Cand> {
        let (s, k) = if self.is(i, "single") && self.glued_hyphen(i + 1) {
            (i, i + 2)
        } else {
            (i, i)
        };
        let (u, plural) = lexicon::unit(self.w(k))?;
        if matches!(u, Unit::Second | Unit::Quarter) {
            return None;
        }
        let e = if s < k {
            if plural {
                return None;
            }
            k + 1
        } else if self.glued_hyphen(k + 1) && self.is(k + 2, "long") {
            k + 3
        } else {
            return None;
        };
        let amount = if plural { Amount::X } else { Amount::N(1) };
        // A count before it ("a three-day-long visit") belongs to `duration`.
        if k == i && i > 0 && (self.num(i - 1).is_some() || self.is(i - 1, "-")) {
            return None;
        }
        self.cand(s, e, Expr::Duration { amount, unit: u })
    }

    /// "the day" as the trading or news day in "to end the day", "later in
    /// the day", "for the day": the day last mentioned, else the DCT.
    fn day_of_trading(&self, i: usize) -> Option<Cand> {
        if !(self.is(i, "the") && self.is(i + 1, "day")) || i == 0 {
            return None;
        }
        if matches!(self.w(i + 2), "before" | "after" | "-" | "'") {
            return None;
        }
        let prev = self.w(i - 1);
        let ok = match prev {
            "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "finishing" | "close"
            | "closed" | "closing" | "start" | "started" | "starting" | "began" | "begin" => true,
            "for" => self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Punct),
            "in" => i >= 2 && matches!(self.w(i - 2), "later" | "earlier"),
            _ => false,
        };
        if !ok {
            return None;
        }
        self.cand(i, i + 2, Expr::AnaDay(0))
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

    // ---- numbers and durations ----

    /// A count: digits, number words ("twenty-four"), "a few", "several".
    /// Returns the end token and the amount; "a"/"an" count only before a unit.
    fn number(&self, i: usize) -> Option<(usize, Amount)> {
        if let Some((v, d)) = self.num(i) {
            if d > 6 {
                return None;
            }
            // "1,000": thousands separator glued on both sides.
            if self.is(i + 1, ",") && self.adj(i + 1) && self.adj(i + 2) {
                if let Some((v2, 3)) = self.num(i + 2) {
                    return Some((i + 3, Amount::N(v.saturating_mul(1000).saturating_add(v2))));
                }
            }
            return Some((i + 1, Amount::N(v)));
        }
        let w = self.w(i);
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") {
                    return Some((i + 2, Amount::X));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((i + 3, Amount::N(2)));
                }
                if self.is(i + 1, "hundred") {
                    return Some((i + 2, Amount::N(100)));
                }
                return Some((i + 1, Amount::N(1)));
            }
            "few" | "several" | "many" => return Some((i + 1, Amount::X)),
            "couple" if self.is(i + 1, "of") => return Some((i + 2, Amount::N(2))),
            _ => {}
        }
        let v = lexicon::number_word(w)?;
        let mut e = i + 1;
        let mut total = v;
        if (20..100).contains(&v) && v % 10 == 0 {
            // "twenty-four", "twenty four"
            let k = if self.glued_hyphen(e) { e + 1 } else { e };
            if let Some(u) = lexicon::number_word(self.w(k)) {
                if u < 10 {
                    total += u;
                    e = k + 1;
                }
            }
        }
        if self.is(e, "hundred") && total < 100 {
            total *= 100;
            e += 1;
        }
        Some((e, Amount::N(total)))
    }

    /// Count + unit: "two days", "48 hours", "a decade", "several years",
    /// "two more weeks", and the glued adjective "two-day".
    fn duration(&self, i: usize) -> Option<(usize, Amount, Unit)> {
        if let Some(r) = self.half_unit(i) {
            return Some(r);
        }
        let (e, amount) = self.number(i)?;
        // "two and a half years", "one and a half hours"
        if let Amount::N(n) = amount {
            if n > 0
                && self.is(e, "and")
                && matches!(self.w(e + 1), "a" | "one")
                && self.is(e + 2, "half")
            {
                if let Some((u, true)) = lexicon::unit(self.w(e + 3)) {
                    if u != Unit::Quarter && !self.is(e + 4, "old") && !self.is(e + 4, "-") {
                        return Some((e + 4, Amount::Half(n), u));
                    }
                }
            }
        }
        let a_word = matches!(self.w(i), "a" | "an") && e == i + 1;
        // Adjective form: "two-day", "30-year" (but not ages: "40-year-old").
        if self.glued_hyphen(e) {
            if let Some((u, false)) = lexicon::unit(self.w(e + 1)) {
                if !(self.is(e + 2, "-") && self.is(e + 3, "old")) {
                    return Some((e + 2, amount, u));
                }
            }
            return None;
        }
        let mut k = e;
        if matches!(
            self.w(k),
            "more" | "additional" | "straight" | "trading" | "business" | "working" | "consecutive"
        ) {
            k += 1;
        }
        let (u, plural) = lexicon::unit(self.w(k))?;
        // "a day-long meeting": the article is not part of the adjective.
        if a_word && self.glued_hyphen(k + 1) && self.is(k + 2, "long") {
            return None;
        }
        // A capitalised unit inside a sentence is a title: "60 Minutes".
        if self.title_case(k) {
            return None;
        }
        // "a quarter of the market", "three quarters of the vote" are
        // fractions; "two quarters of losses" still counts time.
        let fraction_of = self.is(k + 1, "of")
            && (matches!(
                self.w(k + 2),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "all"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "them"
                    | "it"
            ) || self.num(k + 2).is_some_and(|(_, d)| d != 4));
        if u == Unit::Quarter && (a_word || fraction_of) {
            return None;
        }
        // Ages ("37 years old") are not annotated as durations.
        if self.is(k + 1, "old") {
            return None;
        }
        match amount {
            Amount::N(1) if plural && !a_word => return None,
            Amount::X if !plural => return None,
            Amount::N(n) if n > 1 && !plural => {
                // "five year" is written in transcripts; accept singular after counts.
            }
            _ => {}
        }
        if a_word && plural {
            return None;
        }
        if self.is(k + 1, "-") && self.is(k + 2, "old") {
            return None;
        }
        // "a year and a half", "an hour and a half"
        if let Amount::N(n @ 1..) = amount {
            if self.is(k + 1, "and") && self.is(k + 2, "a") && self.is(k + 3, "half") {
                return Some((k + 4, Amount::Half(n), u));
            }
        }
        Some((k + 1, amount, u))
    }

    /// "half an hour", "a half-hour", "half a century": half of one unit.
    /// A bare "half" needs its article or hyphen ("half day" alone is too
    /// often a kind of shift or holiday).
    fn half_unit(&self, i: usize) -> Option<(usize, Amount, Unit)> {
        let h = if matches!(self.w(i), "a" | "an") {
            i + 1
        } else {
            i
        };
        if !self.is(h, "half") {
            return None;
        }
        let k = if matches!(self.w(h + 1), "a" | "an") || (h > i && !self.adj(h + 1)) {
            h + 1 + usize::from(h == i)
        } else if self.glued_hyphen(h + 1) {
            h + 2
        } else {
            return None;
        };
        let (u, false) = lexicon::unit(self.w(k))? else {
            return None;
        };
        if u == Unit::Quarter || self.title_case(k) {
            return None;
        }
        // "half an hour-long"/"half-year-old" are not lengths of their own.
        if self.is(k + 1, "-") {
            return None;
        }
        Some((k + 1, Amount::Half(0), u))
    }

    fn duration_phrase(&self, i: usize) -> Option<Cand> {
        let (e, amount, unit) = self.duration(i)?;
        let first = self.w(i);
        // Offsets: "two days ago", "a year earlier", "three weeks later".
        let (e, approx) = if self.is(e, "or") && self.is(e + 1, "so") && self.is(e + 2, "ago") {
            (e + 2, true)
        } else {
            (e, false)
        };
        let next = self.w(e);
        let (sign, anchor, len) = match next {
            "ago" => (-1, Anchor::Dct, 1),
            "earlier" | "before" if !self.is(e + 1, "than") => (-1, Anchor::Reference, 1),
            // TimeBank marks "three days later" as the duration alone.
            "after" if self.w(e + 1) != "that" => (1, Anchor::Reference, 1),
            "from" if self.is(e + 1, "now") => (1, Anchor::Dct, 2),
            "hence" => (1, Anchor::Dct, 1),
            _ => (0, Anchor::Dct, 0),
        };
        if sign != 0 && !matches!(next, "before" | "after") {
            let mut c = self.cand(
                i,
                e + len,
                Expr::Offset {
                    amount,
                    unit,
                    sign,
                    anchor,
                },
            )?;
            if approx {
                c.modifier = Some("APPROX");
            }
            return Some(c);
        }
        // "a year" after a rate ("$5 a year", "four flights a week") is a
        // frequency, and such rates are too often left unannotated to guess.
        // "comes a day after the vote", "barely a month before": a distance
        // between two events, never a rate.
        let distance = first == "a" && matches!(next, "after" | "before");
        if (first == "a" || first == "per") && i > 0 && !distance {
            let p = &self.t[i - 1];
            let rate = p.kind == Kind::Num
                || (p.kind == Kind::Word && !p.cap && !lexicon::context::measures_length(&p.lower));
            if rate {
                return None;
            }
        }
        // A bare "a day"/"one day" is too often not temporal; keep durations
        // of a single unit only when written with a count or a duration cue.
        if matches!(first, "a" | "an") && matches!(unit, Unit::Second | Unit::Minute) {
            return None;
        }
        self.cand(i, e, Expr::Duration { amount, unit })
    }

    // ---- phrases starting with "the" ----

    fn the_phrase(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") {
            return None;
        }
        let j = i + 1;
        let w = self.w(j);
        let w1 = self.w(j + 1);
        // "the third quarter", "the fiscal first quarter", "the 1988 second
        // quarter"; the adjective "third-quarter" leaves the article to its noun.
        if let Some(c) = self.quarter(j) {
            let adjective = (j..c.e).any(|k| self.is(k, "-"));
            return if adjective {
                Some(c)
            } else {
                self.cand(i, c.e, c.expr)
            };
        }
        // "the 15th of May" takes its article in; "on the 15th" alone is
        // a day of the month in the story.
        if let Some((d, k)) = self.day_num(j).filter(|_| self.num(j).is_some()) {
            let ordinal = k == j + 2 && matches!(self.w(j + 1), "st" | "nd" | "rd" | "th");
            // "The 24 and 25 April" leaves the first day to the pair rule.
            if let Some(c) = self.day_month(j).filter(|c| ordinal && c.e > k) {
                return self.cand(i, c.e, c.expr);
            }
            let prev_ok = matches!(
                self.w(i.wrapping_sub(1)),
                "on" | "by" | "until" | "till" | "since" | "before" | "after" | "from" | "through"
            );
            let next_ok = self.t.get(k).is_none_or(|t| {
                (t.kind == Kind::Punct && !matches!(t.lower.as_str(), "-" | "'"))
                    || matches!(t.lower.as_str(), "and" | "or" | "to" | "when")
            });
            if ordinal && prev_ok && next_ok {
                return self.cand(i, k, Expr::DayOfMonth(d));
            }
        }
        // "the 1988 quarter", "the 1989 period"
        if let Some((y, 4)) = self.num(j) {
            if matches!(w1, "quarter" | "period") && (1000..2100).contains(&y) {
                return self.cand(i, j + 2, Expr::YearPeriod(y as i32));
            }
        }
        // "the past two years", "the first nine months", "the next few days"
        let lead = matches!(
            w,
            "past"
                | "last"
                | "next"
                | "coming"
                | "first"
                | "latest"
                | "previous"
                | "following"
                | "preceding"
                | "final"
                | "remaining"
                | "initial"
                | "prior"
        );
        let k = if lead { j + 1 } else { j };
        if let Some((e, amount, unit)) = self.duration(k) {
            let adjective = self.glued_hyphen(k + 1);
            // "the past two quarters" counts quarters; without a lead word
            // "the three quarters" is more likely a fraction.
            if !adjective && !matches!(self.w(k), "a" | "an") && (unit != Unit::Quarter || lead) {
                return self.cand(i, e, Expr::Duration { amount, unit });
            }
        }
        if lead {
            // "the next morning", "the previous night": a part of the day
            // after or before the one last mentioned.
            if let Some(part) = lexicon::part_of_day(w1) {
                let offset = match w {
                    "next" | "following" => Some(1),
                    "previous" | "prior" => Some(-1),
                    _ => None,
                };
                if let Some(k) = offset {
                    return self.cand(
                        i,
                        j + 2,
                        Expr::PartOfDay {
                            part,
                            day: Box::new(Expr::AnaDay(k)),
                        },
                    );
                }
            }
            if let Some((u, plural)) = lexicon::unit(w1) {
                let e = j + 2;
                if plural {
                    // "the coming weeks", "the past years"
                    if matches!(w, "coming" | "past" | "next" | "last") {
                        return self.cand(
                            i,
                            e,
                            Expr::Duration {
                                amount: Amount::X,
                                unit: u,
                            },
                        );
                    }
                    return None;
                }
                let r = match (w, u) {
                    (_, Unit::Quarter) => None,
                    ("past" | "last", Unit::Year) => self.cand(
                        i,
                        e,
                        Expr::RelUnit {
                            unit: Unit::Year,
                            offset: -1,
                        },
                    ),
                    ("previous" | "prior" | "preceding", Unit::Day) => {
                        self.cand(i, e, Expr::AnaDay(-1))
                    }
                    ("following", Unit::Day) => self.cand(i, e, Expr::AnaDay(1)),
                    // "He returned the next day" names a day; "over the next
                    // day or two" measures one.
                    ("next", Unit::Day) if !self.span_before(i) && !self.is(e, "or") => {
                        self.cand(i, e, Expr::AnaDay(1))
                    }
                    ("previous" | "prior" | "preceding", _) => self.cand(
                        i,
                        e,
                        Expr::AnaUnit {
                            unit: u,
                            offset: -1,
                        },
                    ),
                    ("following", _) => self.cand(i, e, Expr::AnaUnit { unit: u, offset: 1 }),
                    ("past" | "last" | "next" | "coming", _) => self.cand(
                        i,
                        e,
                        Expr::Duration {
                            amount: Amount::N(1),
                            unit: u,
                        },
                    ),
                    _ => None,
                };
                if r.is_some() {
                    return r;
                }
            }
            // "the previous Friday", "the following Monday": counted from
            // the day the story is telling about, not from publication.
            if let Some(wd) = lexicon::weekday(w1).filter(|_| self.cap(j + 1)) {
                let dir = match w {
                    "previous" | "prior" | "preceding" => Some(-1),
                    "following" => Some(1),
                    _ => None,
                };
                if let Some(dir) = dir {
                    return self.cand(i, j + 2, Expr::AnaWeekday { wd, dir });
                }
            }
            if let Some(c) = self.shifted(j) {
                return self.cand(i, c.e, c.expr);
            }
        }
        if let Some((u, true)) = lexicon::unit(w) {
            // "the weeks ahead", "the months to come"
            let ahead = w1 == "ahead" || (w1 == "to" && self.is(j + 2, "come"));
            // "over the years", "in the years that followed", "in the
            // months since": an unspecified stretch. "the days before the
            // shooting" is left alone; it is sometimes a date.
            let prev = self.w(i.wrapping_sub(1));
            let stretch = !matches!(u, Unit::Second | Unit::Quarter)
                && !self.title_case(j)
                && match prev {
                    "over" | "through" | "throughout" => {
                        !matches!(w1, "of" | "-" | "'" | "before" | "after" | "when")
                    }
                    "in" => {
                        matches!(w1, "since" | "following")
                            || (w1 == "that" && self.is(j + 2, "followed"))
                    }
                    _ => false,
                };
            if stretch {
                return self.cand(
                    i,
                    j + 1,
                    Expr::Duration {
                        amount: Amount::X,
                        unit: u,
                    },
                );
            }
            if ahead {
                let e = if w1 == "ahead" { j + 2 } else { j + 3 };
                return self.cand(
                    i,
                    e,
                    Expr::Duration {
                        amount: Amount::X,
                        unit: u,
                    },
                );
            }
        }
        // "the same period last year", "the corresponding quarter a year ago"
        if matches!(w, "same" | "corresponding" | "comparable") {
            let unit = match w1 {
                "period" | "time" => Some(None),
                "day" => Some(Some(Unit::Day)),
                "month" => Some(Some(Unit::Month)),
                "quarter" => Some(Some(Unit::Quarter)),
                _ => None,
            };
            if let Some(unit) = unit {
                let k = j + 2;
                let k = if self.is(k, "of") { k + 1 } else { k };
                let end = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
                    ("last", "year", _) => Some(k + 2),
                    ("a" | "one", "year", "ago" | "earlier" | "before") => Some(k + 3),
                    ("the", "previous" | "prior", "year") => Some(k + 3),
                    ("the", "year", "before") => Some(k + 3),
                    _ => None,
                };
                if let Some(e) = end {
                    return self.cand(i, e, Expr::SameYearBefore(unit));
                }
            }
        }
        // "orders in the morning", "during the night": a part of the day
        // last mentioned; "the morning papers", "the evening of May 5" and
        // "the Morning Call" are something else.
        if let Some(part) = lexicon::part_of_day(w) {
            let prev_ok = matches!(
                self.w(i.wrapping_sub(1)),
                "in" | "during" | "through" | "throughout"
            );
            let next_ok = self.t.get(j + 1).is_none_or(|t| match t.kind {
                Kind::Punct => !matches!(t.lower.as_str(), "-" | "'"),
                Kind::Word => matches!(
                    t.lower.as_str(),
                    "and" | "but" | "when" | "as" | "while" | "to" | "at" | "before" | "after"
                ),
                _ => false,
            });
            if prev_ok && next_ok && !self.title_case(j) {
                return self.cand(
                    i,
                    j + 1,
                    Expr::PartOfDay {
                        part,
                        day: Box::new(Expr::AnaDay(0)),
                    },
                );
            }
        }
        let rel = |e, unit| self.cand(i, e, Expr::RelUnit { unit, offset: 0 });
        match (w, w1) {
            // "the future of NATO" is a fate, not a time.
            ("future", "of") => return None,
            ("future", _) => return self.cand(i, j + 1, Expr::Ref("FUTURE_REF")),
            ("near" | "short", "future" | "term") => {
                return self.cand(i, j + 2, Expr::Ref("FUTURE_REF"))
            }
            ("past", _) => return self.cand(i, j + 1, Expr::Ref("PAST_REF")),
            ("present", _) => return self.cand(i, j + 1, Expr::Ref("PRESENT_REF")),
            ("weekend", _) => return self.cand(i, j + 1, Expr::Weekend { offset: None }),
            ("day", "before") if self.is(j + 2, "yesterday") => {
                return self.cand(i, j + 3, Expr::DayOffset(-2))
            }
            ("day", "after") if self.is(j + 2, "tomorrow") => {
                return self.cand(i, j + 3, Expr::DayOffset(2))
            }
            ("day", "before") if !self.clause_follows(j + 2) => {
                return self.cand(i, j + 2, Expr::AnaDay(-1))
            }
            ("same", "day") => return self.cand(i, j + 2, Expr::AnaDay(0)),
            // "the week before", "the year after": like "the day before", one
            // unit from the time last mentioned.
            ("week" | "month" | "year", "before" | "earlier" | "after")
                if !self.clause_follows(j + 2) =>
            {
                let unit = lexicon::unit(w)?.0;
                let offset = if w1 == "after" { 1 } else { -1 };
                return self.cand(i, j + 2, Expr::AnaUnit { unit, offset });
            }
            ("day", "after") if !self.is(j + 2, "the") && !self.clause_follows(j + 2) => {
                return self.cand(i, j + 2, Expr::AnaDay(1))
            }
            ("year", "-") if self.glued_hyphen(j + 1) => {
                if matches!(self.w(j + 2), "earlier" | "ago") {
                    // The article belongs to the noun: only "the year-ago
                    // quarter" takes it in, "the year-ago results" does not.
                    return match self.period_noun(j + 3) {
                        Some((e, quarter)) => self.cand(i, e, Expr::YearBefore { quarter }),
                        None => self.cand(j, j + 3, Expr::YearBefore { quarter: false }),
                    };
                }
            }
            ("year", _) => {
                if matches!(w1, "ended" | "ending" | "ends") {
                    return self.cand(
                        i,
                        j + 1,
                        Expr::Duration {
                            amount: Amount::N(1),
                            unit: Unit::Year,
                        },
                    );
                }
                return rel(j + 1, Unit::Year);
            }
            ("month", _) => return rel(j + 1, Unit::Month),
            ("week", _) if !matches!(w1, "of" | "before" | "after" | "ahead") => {
                return rel(j + 1, Unit::Week)
            }
            ("full", "year") => return rel(j + 2, Unit::Year),
            ("current", "year") => return rel(j + 2, Unit::Year),
            ("current", "fiscal") if self.is(j + 2, "year") => return rel(j + 3, Unit::Year),
            ("fiscal", "year") if self.num(j + 2).is_none_or(|(_, d)| d != 4) => {
                return self.cand(
                    i,
                    j + 2,
                    Expr::Duration {
                        amount: Amount::N(1),
                        unit: Unit::Year,
                    },
                )
            }
            ("quarter", _) => return self.cand(i, j + 1, Expr::LatestQuarter { own: false }),
            ("latest" | "recent" | "last" | "most", _) => {
                let k = if w == "most" && w1 == "recent" {
                    j + 2
                } else {
                    j + 1
                };
                if self.is(k, "quarter") {
                    return self.cand(i, k + 1, Expr::LatestQuarter { own: true });
                }
                if self.is(k, "period") && w == "latest" {
                    return self.cand(i, k + 1, Expr::LatestQuarter { own: false });
                }
            }
            ("current", "quarter") => return rel(j + 2, Unit::Quarter),
            _ => {}
        }
        // "the 1990s", "the '80s", "the nineties", "the twentieth century"
        if let Some(c) = self.decade(j) {
            return self.cand(i, c.e, c.expr);
        }
        if let Some(c) = self.century(j) {
            return self.cand(i, c.e, c.expr);
        }
        // "the summer of 1998", "the winter"
        if let Some(s) = lexicon::season(w) {
            let (e, y) = self.of_year(j + 1);
            let expr = Expr::Season {
                s,
                y,
                shift: Shift::None,
            };
            // "the summer of last year"
            if let Some((e2, year_offset)) = self.of_rel_year(j + 1, false) {
                return self.cand(
                    i,
                    e2,
                    Expr::InRelYear {
                        inner: Box::new(expr),
                        year_offset,
                    },
                );
            }
            return self.cand(i, e, expr);
        }
        // "the year two thousand"
        if w == "year" {
            if let Some((e, y)) = self.spoken_year(j + 1) {
                return self.cand(i, e, Expr::Year(y));
            }
        }
        None
    }

    /// A preposition before `i` that makes what follows a span: "over the
    /// next day", "within the next week".
    fn span_before(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.w(i - 1),
                "over" | "within" | "for" | "during" | "in" | "throughout" | "through"
            )
    }

    /// A clause (subject and verb) starts at `i`: "the day before authorities
    /// issued ..." uses "before" as a conjunction, not as an anaphor.
    fn clause_follows(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// "period", "quarter", "nine months" after "year-earlier".
    fn period_noun(&self, i: usize) -> Option<(usize, bool)> {
        match self.w(i) {
            "quarter" => Some((i + 1, true)),
            "period" => Some((i + 1, false)),
            _ => None,
        }
    }

    /// A year said in words: "nineteen ninety-six", "two thousand".
    fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.w(i);
        if w == "two" && self.is(i + 1, "thousand") {
            let mut e = i + 2;
            let mut y = 2000;
            let k = if self.is(e, "and") { e + 1 } else { e };
            if let Some(u) = lexicon::number_word(self.w(k)) {
                if u < 20 {
                    y += u as i32;
                    e = k + 1;
                }
            }
            return Some((e, y));
        }
        let century = match lexicon::number_word(w)? {
            c @ 11..=20 => c as i32,
            _ => return None,
        };
        let (e, rest) = self.tens(i + 1)?;
        if !(10..100).contains(&rest) {
            return None;
        }
        Some((e, century * 100 + rest as i32))
    }

    /// "ninety-six", "ninety six", "seventy", "fifteen": 10 to 99 in words.
    fn tens(&self, i: usize) -> Option<(usize, u32)> {
        let v = lexicon::number_word(self.w(i))?;
        if !(10..100).contains(&v) {
            return None;
        }
        if v >= 20 && v % 10 == 0 {
            let k = if self.glued_hyphen(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(u) = lexicon::number_word(self.w(k)) {
                if (1..10).contains(&u) {
                    return Some((k + 1, v + u));
                }
            }
        }
        Some((i + 1, v))
    }

    /// "of last year", "of this year", "of next year" (the "of" optional
    /// when `bare`): returns the end and the year offset.
    fn of_rel_year(&self, i: usize, bare: bool) -> Option<(usize, i64)> {
        let k = if self.is(i, "of") {
            i + 1
        } else if bare {
            i
        } else {
            return None;
        };
        if !self.is(k + 1, "year") {
            return None;
        }
        let off = match self.w(k) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        Some((k + 2, off))
    }

    /// Optional "of 1998" / "1998" after a season or quarter.
    fn of_year(&self, i: usize) -> (usize, Option<i32>) {
        if self.is(i, "of") {
            if let Some((e, y)) = self.spoken_year(i + 1) {
                return (e, Some(y));
            }
            if let Some((y, 4)) = self.num(i + 1) {
                return (i + 2, Some(y as i32));
            }
        }
        if let Some((y, 4)) = self.num(i) {
            if (1000..2100).contains(&y) {
                return (i + 1, Some(y as i32));
            }
        }
        (i, None)
    }

    /// "third quarter", "third-quarter", "fiscal first quarter", "first half",
    /// optionally "of 1998" or preceded by a year ("1998 first quarter").
    fn quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut y = None;
        if let Some((v, 4)) = self.num(j) {
            if (1900..2100).contains(&v) && !self.adj(j + 1) {
                y = Some(v as i32);
                j += 1;
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // "the final quarter of 2009", "the last half of 1998": the last
        // one, but only with a year ("the last quarter" alone is the latest).
        let last = matches!(self.w(j), "final" | "last");
        let ord = match lexicon::ordinal(self.w(j)) {
            Some(o) => o,
            None if last => 0,
            None => return None,
        };
        let k = if self.glued_hyphen(j + 1) {
            j + 2
        } else {
            j + 1
        };
        let noun = self.w(k);
        let rel = self.of_rel_year(k + 1, y.is_none());
        let (e, y2) = self.of_year(k + 1);
        let y = y.or(y2);
        if ord == 0 && y.is_none() && rel.is_none() {
            return None;
        }
        let (e, expr) = match noun {
            "quarter" if ord <= 4 => {
                let q = if ord == 0 { 4 } else { ord };
                (e, Expr::Quarter { q, y })
            }
            "half" if ord <= 2 => {
                let h = if ord == 0 { 2 } else { ord };
                (e, Expr::Half { h, y })
            }
            _ => return None,
        };
        match rel {
            Some((e2, year_offset)) if y.is_none() => self.cand(
                i,
                e2,
                Expr::InRelYear {
                    inner: Box::new(expr),
                    year_offset,
                },
            ),
            _ => self.cand(i, e, expr),
        }
    }

    fn decade(&self, i: usize) -> Option<Cand> {
        if let Some(d) = lexicon::decade_word(self.w(i)) {
            return self.cand(i, i + 1, Expr::Decade(190 + d as i32));
        }
        // "1990s"
        if let Some((v, 4)) = self.num(i) {
            if self.is(i + 1, "s") && self.adj(i + 1) && v % 10 == 0 {
                return self.cand(i, i + 2, Expr::Decade((v / 10) as i32));
            }
        }
        // "the 70s and 80s": a bare two-digit decade, trusted only after an
        // article or next to another decade ("in his 80s" is an age).
        if let Some((v, 2)) = self.num(i) {
            let glued_s = self.is(i + 1, "s")
                && self.adj(i + 1)
                && !(self.adj(i + 2) && self.t.get(i + 2).is_some_and(|t| t.kind != Kind::Punct));
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let ok = prev == "the"
                || (matches!(prev, "and" | "or" | "to") && i >= 2 && self.is(i - 2, "s"));
            if glued_s && ok && v % 10 == 0 {
                return self.cand(i, i + 2, Expr::Decade(190 + (v / 10) as i32));
            }
        }
        // "'90s"
        if self.is(i, "'") {
            if let Some((v, 2)) = self.num(i + 1) {
                if self.adj(i + 1) && self.is(i + 2, "s") && self.adj(i + 2) && v % 10 == 0 {
                    return self.cand(i, i + 3, Expr::Decade(190 + (v / 10) as i32));
                }
            }
        }
        None
    }

    fn century(&self, i: usize) -> Option<Cand> {
        let ord = match self.num(i) {
            Some((v, 2)) if matches!(self.w(i + 1), "th" | "st") && self.adj(i + 1) => {
                if self.is(i + 2, "century") {
                    return self.cand(i, i + 3, Expr::Century(v as i32 - 1));
                }
                return None;
            }
            _ => lexicon::ordinal(self.w(i))?,
        };
        if self.is(i + 1, "century") && ord >= 10 {
            return self.cand(i, i + 2, Expr::Century(ord as i32 - 1));
        }
        None
    }

    // ---- calendar dates ----

    /// "2025-05-07", "05/07/2025" (only when day and month cannot be swapped).
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        let (a, da) = self.num(i)?;
        let sep = self.w(i + 1);
        if !(sep == "-" || sep == "/") || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let (b, _) = self.num(i + 2)?;
        if !self.is(i + 3, sep) || !self.adj(i + 3) || !self.adj(i + 4) {
            return None;
        }
        let (c, dc) = self.num(i + 4)?;
        // Further glued digits or separators: a phone number or an ID.
        if self.adj(i + 5) && (self.num(i + 5).is_some() || self.is(i + 5, sep)) {
            return None;
        }
        let valid = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
        let expr = if da == 4 && sep == "-" && valid(b, c) {
            Expr::Ymd {
                y: Some(a as i32),
                m: b,
                d: c,
            }
        } else if dc == 4 && sep == "/" {
            let (m, d) = if valid(a, b) && (b > 12 || a == b) {
                (a, b)
            } else if valid(b, a) && a > 12 {
                (b, a)
            } else {
                return None;
            };
            Expr::Ymd {
                y: Some(c as i32),
                m,
                d,
            }
        } else {
            return None;
        };
        self.cand(i, i + 5, expr)
    }

    /// A month name at `i`: returns month number and the token after it
    /// (an abbreviation's period is part of the name).
    fn month_name(&self, i: usize) -> Option<(u32, usize, bool)> {
        let w = self.w(i);
        let m = lexicon::month(w)?;
        if !self.cap(i) {
            return None;
        }
        let abbrev = lexicon::month_is_abbrev(w);
        if self.is(i + 1, ".") && self.adj(i + 1) && abbrev {
            return Some((m, i + 2, true));
        }
        if abbrev && w.len() < 5 && self.num(i + 1).is_none() {
            return None;
        }
        Some((m, i + 1, abbrev))
    }

    /// Day number 1-31 with optional ordinal suffix; returns (day, end).
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let (d, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&d) {
            return None;
        }
        // "7:30", "7.5", "7%" are not days.
        if self.adj(i + 1) {
            let glued_digit = self.num(i + 2).is_some() && self.adj(i + 2);
            match self.w(i + 1) {
                "%" => return None,
                ":" | "." | "," if glued_digit => return None,
                _ => {}
            }
        }
        if self.adj(i + 1) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
            return Some((d, i + 2));
        }
        Some((d, i + 1))
    }

    /// Four-digit year at `i` (1000-2099), optionally after a comma.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let k = if self.is(i, ",") { i + 1 } else { i };
        if let Some((e, y)) = self.spoken_year(k) {
            return Some((y, e));
        }
        let (y, d) = self.num(k)?;
        if d == 4 && (1000..2100).contains(&y) && !(self.adj(k + 1) && self.num(k + 2).is_some()) {
            return Some((y as i32, k + 1));
        }
        None
    }

    /// "May 7", "May 7, 2025", "Sept. 30", "May 6-7", "May 2025", "May".
    fn month_phrase(&self, i: usize) -> Option<Cand> {
        let (m, j, abbrev) = self.month_name(i)?;
        if let Some((d, k)) = self.day_num(j) {
            // "March 26-27": a range of days.
            let mut e = k;
            let mut end_day = None;
            if self.is(k, "-") && self.adj(k + 1) {
                if let Some((d2, k2)) = self.day_num(k + 1) {
                    if d2 > d && self.num(k + 1).is_some_and(|(_, dg)| dg <= 2) {
                        end_day = Some((m, d2));
                        e = k2;
                    }
                }
            }
            let (y, e) = match self.year_after(e) {
                Some((y, e2)) => (Some(y), e2),
                None => (None, e),
            };
            let mut c = self.cand(i, e, Expr::Ymd { y, m, d })?;
            c.range_end = end_day.map(|(m, d)| Expr::Ymd { y, m, d });
            return Some(c);
        }
        let k = if self.is(j, "of") { j + 1 } else { j };
        if let Some((y, e)) = self.year_after(k) {
            return self.cand(
                i,
                e,
                Expr::Ym {
                    y: Some(y),
                    m,
                    shift: Shift::None,
                },
            );
        }
        // "October of next year"
        if let Some((e, year_offset)) = self.of_rel_year(j, false) {
            return self.cand(i, e, Expr::MonthRel { m, year_offset });
        }
        // "July last year"
        if self.is(j + 1, "year") {
            let off = match self.w(j) {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if let Some(year_offset) = off {
                return self.cand(i, j + 2, Expr::MonthRel { m, year_offset });
            }
        }
        if abbrev && j == i + 1 {
            return None;
        }
        // "May" and "March" are also a verb; trust them only after a word
        // that introduces a time.
        if m == 5 || m == 3 {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let ok = lexicon::context::introduces_month(prev);
            if !ok {
                return None;
            }
        }
        self.cand(
            i,
            j,
            Expr::Ym {
                y: None,
                m,
                shift: Shift::None,
            },
        )
    }

    /// The second day of "April 24 and 25" or "from May 12 to 14": TimeML
    /// tags it on its own, in the month (and year) of the first.
    fn coordinated_day(&self, c: &Cand) -> Option<Cand> {
        let Expr::Ymd { y, m, d } = c.expr else {
            return None;
        };
        if c.range_end.is_some() || self.num(c.e - 1).is_none() {
            return None;
        }
        let k = c.e;
        if !matches!(
            self.w(k),
            "and" | "to" | "through" | "or" | "until" | "till"
        ) {
            return None;
        }
        let (d2, dg) = self.num(k + 1)?;
        let (_, e) = self.day_num(k + 1)?;
        let real = chrono::NaiveDate::from_ymd_opt(2000, m, d2).is_some();
        if dg > 2 || d2 <= d || !real || !self.day_ends(e) {
            return None;
        }
        let (y2, e) = match self.year_after(e) {
            Some((y2, e2)) if y.is_none() => (Some(y2), e2),
            _ => (y, e),
        };
        self.cand(k + 1, e, Expr::Ymd { y: y2, m, d: d2 })
    }

    /// A bare day number ends at `e`: what follows is not a unit, an amount,
    /// a clock or a month that would make the number something else.
    fn day_ends(&self, e: usize) -> bool {
        let Some(t) = self.t.get(e) else {
            return true;
        };
        match t.kind {
            Kind::Num | Kind::Other => false,
            Kind::Punct => {
                let glued_digit = !t.space_before && self.adj(e + 1) && self.num(e + 1).is_some();
                matches!(t.lower.as_str(), "," | "." | ";" | ")" | "\"" | "'" | ":") && !glued_digit
            }
            // Only words that close a noun phrase: "May 3 and 4 people"
            // counts people.
            Kind::Word => !t.cap && lexicon::context::closes_noun_phrase(&t.lower),
        }
    }

    /// "7 May 2025", "7th of May", and the first day of "24 and 25 April".
    fn day_month(&self, i: usize) -> Option<Cand> {
        let (d, k) = self.day_num(i)?;
        if matches!(self.w(k), "and" | "or" | "to") {
            // "24 and 25 April": the first day borrows the month after the second.
            let (d2, k2) = self.day_num(k + 1)?;
            let (m, j, _) = self.month_name(k2)?;
            if d2 <= d {
                return None;
            }
            let y = self.year_after(j).map(|(y, _)| y);
            return self.cand(i, k, Expr::Ymd { y, m, d });
        }
        let k = if self.is(k, "of") { k + 1 } else { k };
        let (m, j, _) = self.month_name(k)?;
        let (y, e) = match self.year_after(j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        self.cand(i, e, Expr::Ymd { y, m, d })
    }

    /// "Friday", "Thursday, April 6", "Tuesday, May 6, 2025".
    fn weekday_phrase(&self, i: usize) -> Option<Cand> {
        let wd = lexicon::weekday(self.w(i))?;
        if !self.cap(i) {
            return None;
        }
        let k = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        if let Some(c) = self.month_phrase(k) {
            if matches!(c.expr, Expr::Ymd { .. }) {
                return Some(Cand { s: i, ..c });
            }
        }
        self.cand(
            i,
            i + 1,
            Expr::Weekday {
                wd,
                shift: Shift::None,
            },
        )
    }

    /// A bare year "1998", "fiscal 1989", decades "the 1990s" without article.
    fn year_phrase(&self, i: usize) -> Option<Cand> {
        if let Some(c) = self.decade(i) {
            return Some(c);
        }
        // "since '82", "the class of '99": an elided century, read as the
        // nearer of 19xx and 20xx for news written around now.
        let after_preposition = i > 0
            && matches!(
                self.w(i - 1),
                "since"
                    | "in"
                    | "of"
                    | "from"
                    | "to"
                    | "until"
                    | "through"
                    | "by"
                    | "and"
                    | "before"
                    | "after"
            );
        if self.is(i, "'") && self.t[i].space_before && self.adj(i + 1) && after_preposition {
            if let Some((v, 2)) = self.num(i + 1) {
                let glued_after = self
                    .t
                    .get(i + 2)
                    .is_some_and(|t| !t.space_before && t.kind != Kind::Punct);
                if !glued_after {
                    let y = if v <= 30 { 2000 + v } else { 1900 + v };
                    return self.cand(i, i + 2, Expr::Year(y as i32));
                }
            }
        }
        // "in nineteen ninety-six" (transcripts); "two thousand" alone is too
        // often a count to trust without "the year".
        if self.is(i, "nineteen") {
            if let Some((e, y)) = self.spoken_year(i) {
                let unit_follows = lexicon::unit(self.w(e)).is_some() || self.is(e, "percent");
                if !unit_follows {
                    return self.cand(i, e, Expr::Year(y));
                }
            }
        }
        let (fiscal, k) = if self.is(i, "fiscal") {
            let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            (true, k)
        } else if self.is(i, "fy") && self.cap(i) {
            // "FY2024", "FY 2024"
            (true, i + 1)
        } else {
            (false, i)
        };
        let (y, d) = self.num(k)?;
        if d != 4 {
            return None;
        }
        let lo = if fiscal { 1000 } else { 1800 };
        if !(lo..2100).contains(&y) {
            return None;
        }
        // Money, percentages, parts of larger numbers, IDs and clock times.
        let after_mod =
            k >= 2 && self.is(k - 1, "-") && matches!(self.w(k - 2), "mid" | "early" | "late");
        if k > 0 && !after_mod {
            let p = &self.t[k - 1];
            if matches!(p.lower.as_str(), "$" | "#" | "," | "." | "-" | "/" | ":")
                && !p.space_before
            {
                return None;
            }
            if p.lower == "$" || p.lower == "#" {
                return None;
            }
        }
        let nx = self.w(k + 1);
        if matches!(nx, "%" | "percent" | "-" | "/" | ":")
            && (self.adj(k + 1) || nx == "percent" || nx == "%")
        {
            // "1998-99" is still the year 1998 (fiscal ranges are tagged by their start).
            if !(nx == "-" && self.num(k + 2).is_some_and(|(_, d)| d == 2)) {
                return None;
            }
        }
        if self.adj(k + 1) && (nx == "," || nx == ".") && self.num(k + 2).is_some() {
            return None;
        }
        self.cand(i, k + 1, Expr::Year(y as i32))
    }

    // ---- single words and fixed phrases ----

    fn word_phrase(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let w1 = self.w(i + 1);
        let c = |e, x| self.cand(i, e, x);
        match (w, w1) {
            ("today", _) if !self.title_case(i) => c(i + 1, Expr::DayOffset(0)),
            ("yesterday", _) => c(i + 1, Expr::DayOffset(-1)),
            ("tomorrow", _) => c(i + 1, Expr::DayOffset(1)),
            ("tonight", _) => c(
                i + 1,
                Expr::PartOfDay {
                    part: "NI",
                    day: Box::new(Expr::DayOffset(0)),
                },
            ),
            ("right", "now") => c(i + 2, Expr::Ref("PRESENT_REF")),
            ("now", _) => c(i + 1, Expr::Ref("PRESENT_REF")),
            ("currently", _) | ("nowadays", _) => c(i + 1, Expr::Ref("PRESENT_REF")),
            ("these", "days") => c(i + 2, Expr::Ref("PRESENT_REF")),
            ("recently", _) => c(i + 1, Expr::Ref("PAST_REF")),
            ("recent", _) => match lexicon::unit(w1) {
                Some((u, true)) => c(
                    i + 2,
                    Expr::Duration {
                        amount: Amount::X,
                        unit: u,
                    },
                ),
                Some(_) => None,
                // "the recent sale", "recent declines": TimeML marks the
                // adjective itself as a reference to the past.
                // "their most recent model" ranks; it does not date.
                None if self.attributive(i) && !(i > 0 && self.is(i - 1, "most")) => {
                    c(i + 1, Expr::Ref("PAST_REF"))
                }
                None => None,
            },
            // "the current crisis", "his current wife" (not "current account").
            ("current", _)
                if self.attributive(i)
                    && !matches!(w1, "account" | "accounts" | "affairs" | "events") =>
            {
                c(i + 1, Expr::Ref("PRESENT_REF"))
            }
            ("weekend", _) => None,
            (_, _) if lexicon::season(w).is_some() => {
                // A bare season only after a word that introduces a time.
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                let ok = matches!(
                    prev,
                    "in" | "during"
                        | "early"
                        | "late"
                        | "mid"
                        | "by"
                        | "until"
                        | "since"
                        | "through"
                );
                if !ok {
                    return None;
                }
                let s = lexicon::season(w)?;
                let (e, y) = self.of_year(i + 1);
                c(
                    e,
                    Expr::Season {
                        s,
                        y,
                        shift: Shift::None,
                    },
                )
            }
            ("overnight", _) => None,
            // "mid-afternoon", "mid-morning yesterday", "morning trading": a
            // part of the day without "this" or a day name before it.
            ("morning" | "afternoon" | "evening", _) if !self.title_case(i) => {
                let part = lexicon::part_of_day(w)?;
                let after_mid = i > 0
                    && (self.is(i - 1, "mid")
                        || (i > 1 && self.is(i - 2, "mid") && self.glued_hyphen(i - 1)));
                // "in morning trading", not "the afternoon session" of a game.
                let trading = matches!(w1, "trading" | "session" | "sessions" | "dealings")
                    && matches!(
                        self.w(i.wrapping_sub(1)),
                        "in" | "during" | "early" | "late"
                    );
                if !(after_mid || trading) {
                    return None;
                }
                let named = if trading {
                    None
                } else {
                    self.word_phrase(i + 1)
                        .filter(|c| matches!(c.expr, Expr::DayOffset(_)))
                        .or_else(|| {
                            self.weekday_phrase(i + 1)
                                .filter(|c| matches!(c.expr, Expr::Weekday { .. }))
                        })
                };
                let (day, e) = match named {
                    Some(d) => (d.expr, d.e),
                    None => (Expr::AnaDay(0), i + 1),
                };
                c(
                    e,
                    Expr::PartOfDay {
                        part,
                        day: Box::new(day),
                    },
                )
            }
            ("year", "-") if self.glued_hyphen(i + 1) => match self.w(i + 2) {
                "earlier" | "ago" => match self.period_noun(i + 3) {
                    Some((e, quarter)) => c(e, Expr::YearBefore { quarter }),
                    None => c(i + 3, Expr::YearBefore { quarter: false }),
                },
                // "year-end": the end of the current year.
                "end" => {
                    let mut x = c(
                        i + 3,
                        Expr::RelUnit {
                            unit: Unit::Year,
                            offset: 0,
                        },
                    )?;
                    x.modifier = Some("END");
                    Some(x)
                }
                _ => None,
            },
            ("year", "end") => {
                let mut x = c(
                    i + 2,
                    Expr::RelUnit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                )?;
                x.modifier = Some("END");
                Some(x)
            }
            ("year", "'") if self.is(i + 2, "s") && self.is(i + 3, "end") => {
                let mut x = c(
                    i + 4,
                    Expr::RelUnit {
                        unit: Unit::Year,
                        offset: 0,
                    },
                )?;
                x.modifier = Some("END");
                Some(x)
            }
            ("that" | "the", "same") if self.is(i + 2, "day") => c(i + 3, Expr::That(Unit::Day)),
            // "that night", "that morning": part of the day last mentioned
            // ("said that night raids ..." is a clause, not a time).
            ("that", _)
                if lexicon::part_of_day(w1).is_some()
                    && !self.is(i + 2, "-")
                    && !(i > 0 && lexicon::context::introduces_clause(self.w(i - 1))) =>
            {
                let part = lexicon::part_of_day(w1)?;
                c(
                    i + 2,
                    Expr::PartOfDay {
                        part,
                        day: Box::new(Expr::That(Unit::Day)),
                    },
                )
            }
            ("that", _) => match lexicon::unit(w1) {
                Some((
                    u @ (Unit::Day | Unit::Month | Unit::Year | Unit::Quarter | Unit::Week),
                    false,
                )) => c(i + 2, Expr::That(u)),
                _ => None,
            },
            ("earlier" | "later", "that") => {
                let x = self.word_phrase(i + 1)?;
                match x.expr {
                    Expr::That(_) => c(x.e, x.expr),
                    _ => None,
                }
            }
            ("one", "day")
                if i > 0
                    && matches!(
                        self.w(i - 1),
                        "will"
                            | "would"
                            | "may"
                            | "might"
                            | "could"
                            | "can"
                            | "shall"
                            | "he"
                            | "she"
                            | "they"
                            | "we"
                            | "i"
                    ) =>
            {
                c(i + 2, Expr::Ref("FUTURE_REF"))
            }
            _ => {
                // "third-quarter" adjective, "fiscal first quarter" without article.
                if let Some(q) = self.quarter(i) {
                    return Some(q);
                }
                self.century(i)
            }
        }
    }

    /// last/this/next/past/coming + unit, weekday, month or season.
    fn shifted(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let (shift, offset) = match w {
            "last" | "past" | "previous" => (Shift::Last, -1),
            "this" | "current" => (Shift::This, 0),
            "next" | "coming" | "upcoming" => (Shift::Next, 1),
            _ => return None,
        };
        let mut j = i + 1;
        if w == "this" && self.is(j, "past") {
            // "this past spring" = the most recent one.
            return self.shifted(j).map(|c| Cand { s: i, ..c });
        }
        // "This Week" (a programme), "Next Year" in a name: a capitalised
        // unit after the direction word is a title, not a time.
        if self.cap(j) && (lexicon::unit(self.w(j)).is_some() || self.w(j) == "weekend") {
            return None;
        }
        if w == "previous" || w == "past" {
            j = i + 1;
        }
        let n = self.w(j);
        let c = |e, x| self.cand(i, e, x);
        if let Some((u, true)) = lexicon::unit(n) {
            // "in coming weeks"
            if w == "coming" {
                return c(
                    j + 1,
                    Expr::Duration {
                        amount: Amount::X,
                        unit: u,
                    },
                );
            }
        }
        if let Some((u, false)) = lexicon::unit(n) {
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            if u == Unit::Day {
                return None;
            }
            // "this year's third quarter", "last year's quarter"
            if u == Unit::Year && self.is(j + 1, "'") && self.is(j + 2, "s") {
                if let Some(qc) = self.quarter(j + 3) {
                    if let Expr::Quarter { q, y: None } = qc.expr {
                        return c(
                            qc.e,
                            Expr::QuarterRel {
                                q: Some(q),
                                year_offset: offset,
                            },
                        );
                    }
                }
                if matches!(self.w(j + 3), "quarter" | "period") {
                    return c(
                        j + 4,
                        Expr::QuarterRel {
                            q: None,
                            year_offset: offset,
                        },
                    );
                }
            }
            return c(j + 1, Expr::RelUnit { unit: u, offset });
        }
        if n == "weekend" {
            return c(
                j + 1,
                Expr::Weekend {
                    offset: Some(offset),
                },
            );
        }
        if let Some(p) = lexicon::part_of_day(n) {
            let day = match (w, p) {
                ("last", "NI") => Expr::DayOffset(-1),
                ("this", _) => Expr::DayOffset(0),
                _ => return None,
            };
            return c(
                j + 1,
                Expr::PartOfDay {
                    part: p,
                    day: Box::new(day),
                },
            );
        }
        if matches!(w, "past" | "coming" | "current") {
            return None;
        }
        if let Some(wd) = lexicon::weekday(n) {
            return c(j + 1, Expr::Weekday { wd, shift });
        }
        if let Some(m) = lexicon::month(n) {
            if self.cap(j) && !lexicon::month_is_abbrev(n) {
                return c(j + 1, Expr::Ym { y: None, m, shift });
            }
        }
        if let Some(s) = lexicon::season(n) {
            return c(j + 1, Expr::Season { s, y: None, shift });
        }
        None
    }

    /// daily, weekly, every day, each Thursday, each July.
    fn set_phrase(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let simple = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "monthly" => Some("P1M"),
            "annually" | "yearly" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = simple {
            return self.cand(i, i + 1, Expr::Set(v.to_string()));
        }
        // "twice a week", "three times a year": TimeML's SET with the
        // period as value (the count is its `freq`, which we do not emit).
        if let Some(e) = self.times(i) {
            if matches!(self.w(e), "a" | "an" | "per" | "each" | "every") {
                if let Some((u, false)) = lexicon::unit(self.w(e + 1)) {
                    return self.cand(i, e + 2, Expr::Set(set_value(1, u)));
                }
            }
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let j = i + 1;
        if let Some((u, false)) = lexicon::unit(self.w(j)) {
            return self.cand(i, j + 1, Expr::Set(set_value(1, u)));
        }
        if w == "per" {
            return None;
        }
        if let Some(wd) = lexicon::weekday(self.w(j)) {
            return self.cand(i, j + 1, Expr::Set(format!("XXXX-WXX-{}", wd + 1)));
        }
        if let Some(m) = lexicon::month(self.w(j)) {
            if self.cap(j) {
                return self.cand(i, j + 1, Expr::Set(format!("XXXX-{m:02}")));
            }
        }
        if w == "every" {
            if let Some((e, Amount::N(n), u)) = self.duration(j) {
                return self.cand(i, e, Expr::Set(set_value(n, u)));
            }
        }
        None
    }

    /// "once", "twice", "three times", "10 times": the end of a count of
    /// occurrences.
    fn times(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "once" | "twice" | "thrice" => return Some(i + 1),
            _ => {}
        }
        let (e, amount) = self.number(i)?;
        if matches!(amount, Amount::N(_)) && e > i && self.is(e, "times") {
            // "a" alone counts only before a unit: "a times table" is nothing.
            if matches!(self.w(i), "a" | "an") && e == i + 1 {
                return None;
            }
            return Some(e + 1);
        }
        None
    }

    /// "10 p.m.", "10:35 a.m. EST", "noon Thursday", "5 p.m. EST, Nov. 9".
    fn clock(&self, i: usize) -> Option<Cand> {
        if matches!(self.w(i), "noon" | "midday" | "midnight")
            && (self.title_case(i) || (i > 0 && self.is(i - 1, "high")))
        {
            return None;
        }
        let (h, min, e) = if matches!(self.w(i), "noon" | "midday") {
            (12, 0, i + 1)
        } else if self.is(i, "midnight") {
            (24, 0, i + 1)
        } else if let Some((v, 4)) = self.num(i).filter(|_| lexicon::time_zone(self.w(i + 1))) {
            // "0800 UTC", "1430 GMT": wire-service clock times.
            let (h, min) = (v / 100, v % 100);
            if h > 23 || min > 59 {
                return None;
            }
            (h, min, i + 1)
        } else {
            let (h, hd) = self.num(i)?;
            if hd > 2 || h > 24 {
                return None;
            }
            let (min, k) = if self.is(i + 1, ":") && self.adj(i + 1) && self.adj(i + 2) {
                match self.num(i + 2) {
                    Some((m, 2)) if m < 60 => (m, i + 3),
                    _ => return None,
                }
            } else if self.is(i + 1, ".")
                && self.adj(i + 1)
                && self.adj(i + 2)
                && self.ampm(i + 3).is_some()
            {
                // "3.30pm", "10.15 a.m.": the British clock.
                match self.num(i + 2) {
                    Some((m, 2)) if m < 60 => (m, i + 3),
                    _ => return None,
                }
            } else {
                (0, i + 1)
            };
            let (pm, e) = match self.ampm(k) {
                Some(x) => x,
                None => {
                    // A 24-hour "14:30" needs a time zone to be trusted.
                    if k == i + 3 && lexicon::time_zone(self.w(k)) {
                        (None, k)
                    } else if self.is(k, "o") && self.is(k + 1, "'") && self.is(k + 2, "clock") {
                        (None, k + 3)
                    } else if (1..=12).contains(&h)
                        && self.is(k, "in")
                        && self.is(k + 1, "the")
                        && matches!(self.w(k + 2), "morning" | "afternoon" | "evening")
                        && !matches!(self.w(k + 3), "session" | "trading" | "news" | "-")
                        && i > 0
                        && matches!(
                            self.w(i - 1),
                            "at" | "about"
                                | "around"
                                | "by"
                                | "until"
                                | "till"
                                | "before"
                                | "after"
                                | "since"
                                | "from"
                                | "to"
                        )
                    {
                        // "leave at 4 in the morning"
                        (Some(!self.is(k + 2, "morning")), k + 3)
                    } else {
                        return None;
                    }
                }
            };
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            if h > 24 {
                return None;
            }
            (h, min, e)
        };
        let mut e = e;
        let mut utc = false;
        if lexicon::time_zone(self.w(e)) {
            utc = matches!(self.w(e), "utc" | "gmt");
            e += 1;
        }
        // An attached day: "noon Thursday", "5 p.m. EST, Nov. 9", "10 p.m. yesterday".
        let k = if self.is(e, ",") { e + 1 } else { e };
        let k = if self.is(k, "on") { k + 1 } else { k };
        let day = self
            .weekday_phrase(k)
            .or_else(|| {
                self.month_phrase(k)
                    .filter(|c| matches!(c.expr, Expr::Ymd { .. }))
            })
            .or_else(|| {
                self.word_phrase(k)
                    .filter(|c| matches!(c.expr, Expr::DayOffset(_)))
            });
        let (day, e) = match day {
            Some(c) => (Some(Box::new(c.expr)), c.e),
            None => (None, e),
        };
        self.cand(i, e, Expr::Clock { h, min, day, utc })
    }

    /// "a.m.", "p.m", "am", "pm"; returns (is_pm, end).
    fn ampm(&self, i: usize) -> Option<(Option<bool>, usize)> {
        let w = self.w(i);
        match w {
            "am" | "pm" => Some((Some(w == "pm"), i + 1)),
            "a" | "p" if self.is(i + 1, ".") && self.is(i + 2, "m") && self.adj(i + 2) => {
                let mut e = i + 3;
                // Keep the final period unless it also ends the sentence.
                if self.is(e, ".") && self.adj(e) {
                    let ends = self.t.get(e + 1).is_none_or(|t| {
                        let w = t.lower.as_str();
                        let joins = lexicon::time_zone(w)
                            || lexicon::weekday(w).is_some()
                            || lexicon::month(w).is_some()
                            || matches!(w, "today" | "yesterday" | "tomorrow" | "," | "(");
                        t.newline_before || (t.cap && t.kind == Kind::Word && !joins)
                    });
                    if !ends {
                        e += 1;
                    }
                }
                Some((Some(w == "p"), e))
            }
            _ => None,
        }
    }

    fn holiday(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let w1 = self.w(i + 1);
        let c = |e, m, d| self.cand(i, e, Expr::Holiday { m, d });
        if !self.cap(i) {
            return None;
        }
        match (w, w1) {
            ("christmas", "eve") => c(i + 2, 12, 24),
            ("christmas", "day") => c(i + 2, 12, 25),
            ("christmas", _) => c(i + 1, 12, 25),
            ("new", "year") if self.is(i + 2, "'") && self.is(i + 3, "s") => match self.w(i + 4) {
                "day" => c(i + 5, 1, 1),
                "eve" => c(i + 5, 12, 31),
                _ => None,
            },
            ("independence", "day") => c(i + 2, 7, 4),
            ("halloween", _) => c(i + 1, 10, 31),
            ("thanksgiving", _) => {
                let e = if self.is(i + 1, "day") { i + 2 } else { i + 1 };
                self.cand(i, e, Expr::Thanksgiving)
            }
            _ => None,
        }
    }
}

/// SET/duration period string for `n` units.
pub fn set_value(n: u32, u: Unit) -> String {
    duration_value(Amount::N(n), u)
}

/// TIMEX3 duration value: P2D, PT48H, P10Y (decades and centuries in years).
pub fn duration_value(a: Amount, u: Unit) -> String {
    let (n, mult) = match a {
        Amount::N(n) => (Some(n), 1u32),
        Amount::X => (None, 1),
        Amount::Half(n) => return half_value(n, u),
    };
    let (time, letter, factor) = match u {
        Unit::Second => (true, 'S', 1),
        Unit::Minute => (true, 'M', 1),
        Unit::Hour => (true, 'H', 1),
        Unit::Day => (false, 'D', 1),
        Unit::Week => (false, 'W', 1),
        Unit::Month => (false, 'M', 1),
        Unit::Quarter => (false, 'Q', 1),
        Unit::Year => (false, 'Y', 1),
        Unit::Decade => (false, 'Y', 10),
        Unit::Century => (false, 'Y', 100),
    };
    let count = match n {
        Some(n) => n.saturating_mul(factor * mult).to_string(),
        None => "X".to_string(),
    };
    let letter = match (n, u) {
        // "decades" counts years like "two decades" (P20Y) does.
        (None, Unit::Decade) => "Y".to_string(),
        (None, Unit::Century) => "CE".to_string(),
        _ => letter.to_string(),
    };
    if time {
        format!("PT{count}{letter}")
    } else {
        format!("P{count}{letter}")
    }
}

/// Value of `n` and a half units. Half of one unit is written in the next
/// smaller one where that is exact ("half an hour" PT30M, "half a year"
/// P6M); clock units keep whole numbers the way TimeBank writes "a minute
/// and a half" (PT1M30S); longer units take a decimal ("P2.5Y").
fn half_value(n: u32, u: Unit) -> String {
    match (n, u) {
        (_, Unit::Decade) => format!("P{}Y", n.saturating_mul(10).saturating_add(5)),
        (_, Unit::Century) => format!("P{}Y", n.saturating_mul(100).saturating_add(50)),
        (0, Unit::Minute) => "PT30S".into(),
        (0, Unit::Hour) => "PT30M".into(),
        (0, Unit::Day) => "PT12H".into(),
        (0, Unit::Year) => "P6M".into(),
        (_, Unit::Minute) => format!("PT{n}M30S"),
        (_, Unit::Hour) => format!("PT{n}H30M"),
        (_, Unit::Second) => format!("PT{n}.5S"),
        (_, Unit::Day) => format!("P{n}.5D"),
        (_, Unit::Week) => format!("P{n}.5W"),
        (_, Unit::Month) => format!("P{n}.5M"),
        (_, Unit::Quarter) => format!("P{n}.5Q"),
        (_, Unit::Year) => format!("P{n}.5Y"),
    }
}
