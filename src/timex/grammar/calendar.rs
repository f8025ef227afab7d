//! Calendar dates: "2025-05-07", "05/17/2025", "May 7, 2025", "7th of May",
//! "May 6-7", "April 24 and 25", "May 2025", "Thursday, April 6", and
//! fixed holidays.
//!
//! In: the token position. Out: a [`Cand`] holding an `Expr::Ymd`, `Ym`,
//! `Weekday`, `Holiday` or `Thanksgiving`, the year left out when the text
//! gives none.

use super::{Cand, Expr, Shift, G};
use crate::timex::lexicon;
use crate::timex::scan::Kind;

impl G<'_> {
    /// "2025-05-07", "05/07/2025" (only when day and month cannot be swapped), and
    /// "21.04.2016" (with periods, as in Europe and Central Asia: day first).
    pub(super) fn numeric_date(&self, i: usize) -> Option<Cand> {
        let (a, da) = self.num(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        if !self.is(i + 3, sep) || !self.adj(i + 3) || !self.adj(i + 4) {
            return None;
        }
        let (c, dc) = self.num(i + 4)?;
        // Further glued digits or separators: a phone number or an ID.
        // ("21.04.2016." closing a sentence is no fourth part.)
        let closing_period = sep == "." && !(self.adj(i + 6) && self.num(i + 6).is_some());
        if self.adj(i + 5) && (self.num(i + 5).is_some() || self.is(i + 5, sep) && !closing_period)
        {
            return None;
        }
        let valid = |m: u32, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d);
        let expr = if da == 4 && sep == "-" && valid(b, c) {
            Expr::Ymd {
                y: Some(a as i32),
                m: b,
                d: c,
            }
        } else if dc == 4 && sep == "." && da <= 2 && db <= 2 && valid(b, a) {
            Expr::Ymd {
                y: Some(c as i32),
                m: b,
                d: a,
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
        // ("14 march 2019" in a hurried dateline: lower case, but a day before it and a
        // year after it leave no other reading.)
        let between_day_and_year = i > 0
            && self
                .num(i - 1)
                .is_some_and(|(d, digits)| digits <= 2 && (1..=31).contains(&d))
            && self.num(i + 1).is_some_and(|(_, digits)| digits == 4);
        if !self.cap(i) && !between_day_and_year {
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
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
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

    /// "last year" (-1), "this year" (0) or "next year" (+1) at `i`.
    fn relative_year(&self, i: usize) -> Option<i64> {
        if !self.is(i + 1, "year") {
            return None;
        }
        match self.w(i) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        }
    }

    /// "that year", "of that year", "the same year", "of the same year" at `i`:
    /// the end of the phrase.
    fn that_year(&self, i: usize) -> Option<usize> {
        let k = if self.is(i, "of") { i + 1 } else { i };
        match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("that", "year", _) => Some(k + 2),
            ("the", "same", "year") => Some(k + 3),
            _ => None,
        }
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
    pub(super) fn month_phrase(&self, i: usize) -> Option<Cand> {
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
            // "September 6 last year": a day in a year relative to the document date.
            if let Some(year_offset) = self.relative_year(e).filter(|_| end_day.is_none()) {
                let d = Some(d);
                return self.cand(i, e + 2, Expr::MonthRel { m, d, year_offset });
            }
            if let Some(e) = self.that_year(e).filter(|_| end_day.is_none()) {
                return self.cand(i, e, Expr::MonthThatYear { m, d: Some(d) });
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
            return self.cand(
                i,
                e,
                Expr::MonthRel {
                    m,
                    d: None,
                    year_offset,
                },
            );
        }
        if let Some(e) = self.that_year(j) {
            return self.cand(i, e, Expr::MonthThatYear { m, d: None });
        }
        // "July last year"
        if let Some(year_offset) = self.relative_year(j) {
            return self.cand(
                i,
                j + 2,
                Expr::MonthRel {
                    m,
                    d: None,
                    year_offset,
                },
            );
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
    pub(super) fn coordinated_day(&self, c: &Cand) -> Option<Cand> {
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
    pub(super) fn day_month(&self, i: usize) -> Option<Cand> {
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
        // "Lisbon, 09 Dec (Lusa)": after a day, an abbreviated month needs no period.
        let after_day = || {
            let m = lexicon::month(self.w(k))?;
            (self.cap(k) && lexicon::month_is_abbrev(self.w(k))).then_some((m, k + 1, true))
        };
        let (m, j, _) = self.month_name(k).or_else(after_day)?;
        // "16 April last year": a day in a year relative to the document date.
        if let Some(year_offset) = self.relative_year(j) {
            let d = Some(d);
            return self.cand(i, j + 2, Expr::MonthRel { m, d, year_offset });
        }
        if let Some(e) = self.that_year(j) {
            return self.cand(i, e, Expr::MonthThatYear { m, d: Some(d) });
        }
        let (y, e) = match self.year_after(j) {
            Some((y, e)) => (Some(y), e),
            None => (None, j),
        };
        self.cand(i, e, Expr::Ymd { y, m, d })
    }

    /// "Friday", "Thursday, April 6", "Tuesday, May 6, 2025".
    pub(super) fn weekday_phrase(&self, i: usize) -> Option<Cand> {
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
        // "arrives on Thursday (16)": some agencies add the day of the month.
        let day = self
            .num(i + 2)
            .filter(|&(d, _)| self.is(i + 1, "(") && self.is(i + 3, ")") && (1..=31).contains(&d));
        self.cand(
            i,
            if day.is_some() { i + 4 } else { i + 1 },
            Expr::Weekday {
                wd,
                shift: Shift::None,
                day: day.map(|(d, _)| d),
            },
        )
    }

    pub(super) fn holiday(&self, i: usize) -> Option<Cand> {
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

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, find, seed_dct, value};
    use crate::timex::{range_end, tag};

    #[test]
    fn absolute_dates() {
        let t = seed_dct();
        assert_eq!(
            value("It opened on 7 May 2025 in Oslo.", t, "7 May 2025"),
            "2025-05-07"
        );
        assert_eq!(
            value("It opened on May 7, 2025 in Oslo.", t, "May 7, 2025"),
            "2025-05-07"
        );
        assert_eq!(
            value(
                "I signed it on 16 April last year.",
                t,
                "16 April last year"
            ),
            "2024-04-16"
        );
        assert_eq!(
            value("The deal was signed May 7.", t, "May 7"),
            "2025-05-07"
        );
        assert_eq!(
            value("Filed on 2025-05-07 by the clerk.", t, "2025-05-07"),
            "2025-05-07"
        );
        assert_eq!(
            value("Filed on 05/17/2025 by the clerk.", t, "05/17/2025"),
            "2025-05-17"
        );
        assert_eq!(
            value("Filed on 17/05/2025 by the clerk.", t, "17/05/2025"),
            "2025-05-17"
        );
        assert_eq!(value("It happened in May 2025.", t, "May 2025"), "2025-05");
        assert_eq!(value("It happened in 2019.", t, "2019"), "2019");
        assert_eq!(value("It was born in the 1990s.", t, "the 1990s"), "199");
        assert_eq!(
            value("Profits rose in fiscal 2024.", t, "fiscal 2024"),
            "2024"
        );
        assert_eq!(
            value("Sept. 30 is the deadline.", t, "Sept. 30"),
            "2025-09-30"
        );
        assert_eq!(
            value("Sept. 30 was the deadline.", t, "Sept. 30"),
            "2024-09-30"
        );
    }

    #[test]
    fn ambiguous_numeric_date_is_not_guessed() {
        let all = tag("Filed on 05/07/2025 by the clerk.", Some(seed_dct()));
        assert!(all.iter().all(|t| t.text != "05/07/2025"), "{all:?}");
    }

    #[test]
    fn dates_written_with_periods_put_the_day_first() {
        let all = tag("The treaty was signed on 03.11.2014.", Some(seed_dct()));
        assert_eq!(find(&all, "03.11.2014").value, "2014-11-03");
        // A version number or a fourth part is no date.
        let all = tag("Release 1.2.2014.5 is out.", Some(seed_dct()));
        assert!(all.iter().all(|t| !t.value.starts_with("2014")), "{all:?}");
    }

    #[test]
    fn ranges() {
        let t = seed_dct();
        let all = tag("Talks were held May 6-7 and March 26-27.", Some(t));
        let a = find(&all, "May 6-7");
        assert_eq!(a.value, "2025-05-06");
        assert_eq!(range_end(a).as_deref(), Some("2025-05-07"));
        let b = find(&all, "March 26-27");
        assert_eq!(b.value, "2025-03-26");
        assert_eq!(b.end_value.as_deref(), Some("2025-03-27"));
        assert!(all.iter().all(|x| !x.value.starts_with("2027")));
        let all = tag("The plan ran from March to June.", Some(t));
        assert_eq!(find(&all, "March").value, "2025-03");
        assert_eq!(find(&all, "June").value, "2025-06");
    }

    #[test]
    fn second_day_of_a_coordinated_pair() {
        // TimeML tags "25" of "April 24 and 25" on its own, in the first's month.
        let t = d(1999, 2, 10);
        let text = "The summit will be held in Washington on April 24 and 25.";
        assert_eq!(value(text, t, "April 24"), "1999-04-24");
        assert_eq!(value(text, t, "25"), "1999-04-25");
        // A year after the second day belongs to both.
        let t = seed_dct();
        let text = "Talks run from May 12 to 14, 2026 in Geneva.";
        assert_eq!(value(text, t, "May 12"), "2026-05-12");
        assert_eq!(value(text, t, "14, 2026"), "2026-05-14");
        // Day first: "24 and 25 April".
        assert_eq!(
            value("The 24 and 25 April meetings went well.", t, "24"),
            "2025-04-24"
        );
        // A count after a date is not a day.
        let all = tag("The storm hit on May 3 and 4 people died.", Some(t));
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].value, "2025-05-03");
        // Nor is a day that cannot exist in the month.
        let all = tag("It was held on Sept. 29 and 31.", Some(t));
        assert!(all.iter().all(|x| x.text != "31"), "{all:#?}");
    }
}
