//! Clock times: "10 p.m.", "10:35 a.m. EST", "3.30pm", "0800 UTC", "noon
//! Thursday", "4 in the morning", "5 p.m. EST, Nov. 9".
//!
//! In: the token position. Out: a [`Cand`] holding an `Expr::Clock`, with
//! the day written after it if there is one.

use super::{Cand, Expr, G};
use crate::timex::lexicon;
use crate::timex::scan::Kind;

impl G<'_> {
    /// "10 p.m.", "10:35 a.m. EST", "noon Thursday", "5 p.m. EST, Nov. 9".
    pub(super) fn clock(&self, i: usize) -> Option<Cand> {
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
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::TimexType;

    #[test]
    fn clock_times() {
        let t = seed_dct();
        let (k, v, _) = one(
            "The blast came at 10:35 a.m. on Tuesday, police said.",
            t,
            "10:35 a.m. on Tuesday",
        );
        assert_eq!((k, v.as_str()), (TimexType::Time, "2025-05-06T10:35"));
        assert_eq!(
            value(
                "The offer expires at 5 p.m. EST, May 9.",
                t,
                "5 p.m. EST, May 9"
            ),
            "2025-05-09T17:00"
        );
        assert_eq!(
            value("They met at noon Monday.", t, "noon Monday"),
            "2025-05-05T12:00"
        );
    }

    #[test]
    fn us_eastern_time_written_et() {
        // Wednesday 20 March 2013.
        let t = d(2013, 3, 20);
        let text = "The talks will resume at 10:30 a.m. ET Thursday.";
        assert_eq!(
            one(text, t, "10:30 a.m. ET Thursday"),
            (TimexType::Time, "2013-03-21T10:30".to_string(), None)
        );
    }
}
