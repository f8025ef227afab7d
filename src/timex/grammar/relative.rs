//! Words that point at a time from now or from the story: "today",
//! "yesterday", "tonight", "now", "recently", "that day", "year-end", "last
//! week", "next Monday", "this summer", "the coming weeks".
//!
//! In: the token position. Out: a [`Cand`] holding an `Expr::DayOffset`,
//! `RelUnit`, `Weekday`/`Ym`/`Season` with a [`Shift`], `That`, `Ref`, ...;
//! which day they name is the resolver's business.

use super::{Amount, Cand, Expr, Shift, G};
use crate::timex::lexicon::{self, Unit};

impl G<'_> {
    /// Single words and fixed phrases: "today", "now", "recently", "that
    /// day", "year-end", "one day", a bare season or part of the day.
    pub(super) fn word_phrase(&self, i: usize) -> Option<Cand> {
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
            ("recent", _) => self.recent(i),
            // "the current crisis", "his current wife" (not "current account").
            ("current", _)
                if self.attributive(i)
                    && !matches!(w1, "account" | "accounts" | "affairs" | "events") =>
            {
                c(i + 1, Expr::Ref("PRESENT_REF"))
            }
            ("weekend", _) => None,
            (_, _) if lexicon::season(w).is_some() => self.bare_season(i),
            ("overnight", _) => None,
            // "mid-afternoon", "mid-morning yesterday", "morning trading": a
            // part of the day without "this" or a day name before it.
            ("morning" | "afternoon" | "evening", _) if !self.title_case(i) => {
                self.bare_part_of_day(i)
            }
            ("year", "-") if self.glued_hyphen(i + 1) => self.year_hyphen(i),
            ("year", "end") => self.year_end(i, i + 2),
            ("year", "'") if self.is(i + 2, "s") && self.is(i + 3, "end") => {
                self.year_end(i, i + 4)
            }
            ("that" | "the", "same") if self.is(i + 2, "day") => c(i + 3, Expr::That(Unit::Day)),
            ("the", "same") if self.is(i + 2, "year") => c(i + 3, Expr::That(Unit::Year)),
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

    /// "recent weeks": a stretch; "the recent sale": the past.
    fn recent(&self, i: usize) -> Option<Cand> {
        let w1 = self.w(i + 1);
        let c = |e, x| self.cand(i, e, x);
        match lexicon::unit(w1) {
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
        }
    }

    /// A season named alone ("in summer"), optionally "of 1998".
    fn bare_season(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let c = |e, x| self.cand(i, e, x);
        // A bare season only after a word that introduces a time.
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let ok = matches!(
            prev,
            "in" | "during" | "early" | "late" | "mid" | "by" | "until" | "since" | "through"
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

    /// "mid-afternoon", "mid-morning yesterday", "morning trading": a part
    /// of the day without "this" or a day name before it.
    fn bare_part_of_day(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let w1 = self.w(i + 1);
        let c = |e, x| self.cand(i, e, x);
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

    /// "year-earlier", "year-ago" (the same period a year back), "year-end".
    fn year_hyphen(&self, i: usize) -> Option<Cand> {
        let c = |e, x| self.cand(i, e, x);
        match self.w(i + 2) {
            "earlier" | "ago" => match self.period_noun(i + 3) {
                Some((e, quarter)) => c(e, Expr::YearBefore { quarter }),
                None => c(i + 3, Expr::YearBefore { quarter: false }),
            },
            // "year-end": the end of the current year.
            "end" => self.year_end(i, i + 3),
            _ => None,
        }
    }

    /// "year-end", "year end", "year's end" (tokens `i..e`): the end of the
    /// current year.
    fn year_end(&self, i: usize, e: usize) -> Option<Cand> {
        let mut x = self.cand(
            i,
            e,
            Expr::RelUnit {
                unit: Unit::Year,
                offset: 0,
            },
        )?;
        x.modifier = Some("END");
        Some(x)
    }

    /// last/this/next/past/coming + unit, weekday, month or season.
    pub(super) fn shifted(&self, i: usize) -> Option<Cand> {
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
            return c(
                j + 1,
                Expr::Weekday {
                    wd,
                    shift,
                    day: None,
                },
            );
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
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::{tag, TimexType};

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
    fn parts_of_day_without_a_day_name() {
        // Friday 27 October 1989; the story's day is the one last mentioned.
        let t = d(1989, 10, 27);
        let text =
            "Stocks crashed on Thursday. Dealers placed buy orders in the morning to start. \
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
}
