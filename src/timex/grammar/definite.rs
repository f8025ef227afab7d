//! Phrases opened by "the": "the third quarter", "the 15th", "the past two
//! years", "the next day", "the previous Friday", "the weeks ahead", "the
//! same period last year", "the year-ago quarter", "the future", "the 1990s".
//!
//! In: the token position of "the". Out: a [`Cand`] whose span includes the
//! article when TimeML puts it in. The rules run in a fixed order and the
//! first that decides wins, so a rule may rely on the ones before it having
//! let the phrase through.

use std::ops::ControlFlow;

use super::{Amount, Cand, Expr, Shift, G};
use crate::timex::lexicon::{self, Unit};
use crate::timex::scan::Kind;

impl G<'_> {
    /// "the ..." phrases: the rules below in order, the first that decides wins.
    pub(super) fn the_phrase(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "the") {
            return None;
        }
        match self.the_rules(i) {
            ControlFlow::Break(c) => c,
            ControlFlow::Continue(()) => None,
        }
    }

    /// `Break` with the match (or with `None` to reject the phrase outright)
    /// as soon as one rule decides.
    fn the_rules(&self, i: usize) -> ControlFlow<Option<Cand>> {
        let lead = lexicon::context::span_lead(self.w(i + 1));
        decide(self.the_period(i))?;
        decide(self.the_count(i, lead))?;
        if lead {
            self.the_lead(i)?;
        }
        decide(self.the_stretch(i))?;
        decide(self.the_same_period(i))?;
        decide(self.the_part_of_day(i))?;
        // "the future of NATO" is a fate, not a time.
        if self.is(i + 1, "future") && self.is(i + 2, "of") {
            return ControlFlow::Break(None);
        }
        decide(self.the_unit(i))?;
        decide(self.the_era(i))
    }

    /// A quarter, a day of the month or a year's period after "the".
    fn the_period(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
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
        None
    }

    /// "the past two years", "the first nine months", "the next few days".
    fn the_count(&self, i: usize, lead: bool) -> Option<Cand> {
        let j = i + 1;
        let k = if lead { j + 1 } else { j };
        if let Some((e, amount, unit)) = self.duration(k) {
            let adjective = self.glued_hyphen(k + 1);
            // "the past two quarters" counts quarters; without a lead word
            // "the three quarters" is more likely a fraction.
            if !adjective && !matches!(self.w(k), "a" | "an") && (unit != Unit::Quarter || lead) {
                return self.cand(i, e, Expr::Duration { amount, unit });
            }
        }
        None
    }

    /// After a lead word ("next", "previous", ...): a part of the day, a unit
    /// or a weekday counted from the time last mentioned, or a shifted name.
    /// `Break(None)` rejects the whole phrase.
    fn the_lead(&self, i: usize) -> ControlFlow<Option<Cand>> {
        let j = i + 1;
        let w = self.w(j);
        let w1 = self.w(j + 1);
        // "the next morning", "the previous night": a part of the day
        // after or before the one last mentioned.
        if let Some(part) = lexicon::part_of_day(w1) {
            let offset = match w {
                "next" | "following" => Some(1),
                "previous" | "prior" => Some(-1),
                _ => None,
            };
            if let Some(k) = offset {
                return ControlFlow::Break(self.cand(
                    i,
                    j + 2,
                    Expr::PartOfDay {
                        part,
                        day: Box::new(Expr::AnaDay(k)),
                    },
                ));
            }
        }
        if let Some((u, plural)) = lexicon::unit(w1) {
            let e = j + 2;
            if plural {
                // "the coming weeks", "the past years"
                if matches!(w, "coming" | "past" | "next" | "last") {
                    return ControlFlow::Break(self.cand(
                        i,
                        e,
                        Expr::Duration {
                            amount: Amount::X,
                            unit: u,
                        },
                    ));
                }
                return ControlFlow::Break(None);
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
                return ControlFlow::Break(r);
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
                return ControlFlow::Break(self.cand(i, j + 2, Expr::AnaWeekday { wd, dir }));
            }
        }
        if let Some(c) = self.shifted(j) {
            return ControlFlow::Break(self.cand(i, c.e, c.expr));
        }
        ControlFlow::Continue(())
    }

    /// "the weeks ahead", "over the years": an unspecified stretch of a unit.
    fn the_stretch(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let w = self.w(j);
        let w1 = self.w(j + 1);
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
        None
    }

    fn the_same_period(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let w = self.w(j);
        let w1 = self.w(j + 1);
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
        None
    }

    fn the_part_of_day(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let w = self.w(j);
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
        None
    }

    /// "the year", "the day before", "the year-ago quarter", "the latest
    /// quarter": a unit, or a unit from the time last mentioned.
    fn the_unit(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let w = self.w(j);
        let w1 = self.w(j + 1);
        let rel = |e, unit| self.cand(i, e, Expr::RelUnit { unit, offset: 0 });
        match (w, w1) {
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
                let (unit, _) = lexicon::unit(w)?;
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
        None
    }

    /// "the 1990s", "the twentieth century", "the summer of 1998", "the year two thousand".
    fn the_era(&self, i: usize) -> Option<Cand> {
        let j = i + 1;
        let w = self.w(j);
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

    /// "the day" as the trading or news day in "to end the day", "later in
    /// the day", "for the day": the day last mentioned, else the DCT.
    pub(super) fn day_of_trading(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn period_noun(&self, i: usize) -> Option<(usize, bool)> {
        match self.w(i) {
            "quarter" => Some((i + 1, true)),
            "period" => Some((i + 1, false)),
            _ => None,
        }
    }
}

/// A rule's match decides the phrase; no match lets the next rule try.
fn decide(c: Option<Cand>) -> ControlFlow<Option<Cand>> {
    match c {
        Some(c) => ControlFlow::Break(Some(c)),
        None => ControlFlow::Continue(()),
    }
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::{tag, TimexType};

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
}
