//! Years and the periods of a year: "1998", "fiscal 2024", "'82", "the
//! 1990s", "the twentieth century", "the third quarter of 1998", "the first
//! half", "the summer of last year".
//!
//! In: the token position. Out: a [`Cand`] holding an `Expr::Year`,
//! `Decade`, `Century`, `Quarter`, `Half` or `InRelYear`, and the "of 1998" /
//! "of last year" tails the season and month rules share.

use super::{Cand, Expr, G};
use crate::timex::lexicon;
use crate::timex::scan::Kind;

impl G<'_> {
    /// A bare year "1998", "fiscal 1989", decades "the 1990s" without article.
    pub(super) fn year_phrase(&self, i: usize) -> Option<Cand> {
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

    /// "of last year", "of this year", "of next year" (the "of" optional
    /// when `bare`): returns the end and the year offset.
    pub(super) fn of_rel_year(&self, i: usize, bare: bool) -> Option<(usize, i64)> {
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
    pub(super) fn of_year(&self, i: usize) -> (usize, Option<i32>) {
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
    pub(super) fn quarter(&self, i: usize) -> Option<Cand> {
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

    pub(super) fn decade(&self, i: usize) -> Option<Cand> {
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

    pub(super) fn century(&self, i: usize) -> Option<Cand> {
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
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::{tag, TimexType};

    #[test]
    fn money_and_counts_are_not_years() {
        let all = tag(
            "It cost $2025 and 1999 percent more, said 1,998 people.",
            Some(seed_dct()),
        );
        assert!(all.is_empty(), "{all:?}");
    }

    #[test]
    fn quarters_halves_and_seasons() {
        let dct = d(1998, 5, 20);
        let (k, v, _) = one(
            "Profit fell in the first quarter.",
            dct,
            "the first quarter",
        );
        assert_eq!((k, v.as_str()), (TimexType::Date, "1998-Q1"));
        assert_eq!(
            value(
                "The third-quarter loss widened.",
                d(1989, 11, 2),
                "third-quarter"
            ),
            "1989-Q3"
        );
        assert_eq!(
            value(
                "Results for the fourth quarter fell.",
                d(1998, 1, 26),
                "the fourth quarter"
            ),
            "1997-Q4"
        );
        assert_eq!(
            value("Sales rose in the first half.", dct, "the first half"),
            "1998-H1"
        );
        assert_eq!(
            value("It rained a lot last summer.", dct, "last summer"),
            "1997-SU"
        );
        assert_eq!(
            value("They will visit this summer.", dct, "this summer"),
            "1998-SU"
        );
        // In February the past autumn belongs to the year before.
        assert_eq!(
            value("Hiring began last fall.", d(1998, 2, 6), "last fall"),
            "1997-FA"
        );
    }

    #[test]
    fn periods_of_a_relative_year() {
        let t = seed_dct();
        assert_eq!(
            value(
                "GM had lost $381 million in the first quarter of last year.",
                t,
                "the first quarter of last year"
            ),
            "2024-Q1"
        );
        assert_eq!(
            value(
                "Ford made a profit in the final quarter of 2009.",
                t,
                "the final quarter of 2009"
            ),
            "2009-Q4"
        );
        assert_eq!(
            value(
                "Dealers will be paid after October of next year.",
                t,
                "October of next year"
            ),
            "2026-10"
        );
        assert_eq!(
            value(
                "Sales slumped in the summer of last year.",
                t,
                "the summer of last year"
            ),
            "2024-SU"
        );
        // The same period a year back, at the precision of the last mention.
        assert_eq!(
            value(
                "Sales rose 43% in February compared to the same period last year.",
                t,
                "the same period last year"
            ),
            "2024-02"
        );
        assert_eq!(
            value(
                "Sales fell in January, compared to the same month a year ago.",
                d(2009, 2, 3),
                "the same month a year ago"
            ),
            "2008-01"
        );
    }

    #[test]
    fn short_years_decades_and_clock_styles() {
        let t = d(2008, 10, 27);
        assert_eq!(
            value("The Nikkei is at its lowest level since '82.", t, "'82"),
            "1982"
        );
        assert_eq!(
            value(
                "It rid Detroit of the boxy cars of the 70s and 80s.",
                t,
                "80s"
            ),
            "198"
        );
        // An age is not a decade.
        assert!(tag("She is in her 80s.", Some(t)).is_empty());
        assert_eq!(
            value("At 0800 UTC, the banks acted.", t, "0800 UTC"),
            "2008-10-27T08:00Z"
        );
        assert_eq!(
            one("The session opened at 3.30pm.", t, "3.30pm"),
            (TimexType::Time, "2008-10-27T15:30".to_string(), None)
        );
        // A product name is not a year.
        assert!(tag("Apple released iLife '11 today.", Some(t))
            .iter()
            .all(|x| x.text != "'11"));
    }

    #[test]
    fn counted_quarters_after_a_lead_word() {
        let t = d(1989, 10, 27);
        let text = "The maker has had substantial losses in the past two quarters.";
        assert_eq!(
            one(text, t, "the past two quarters"),
            (TimexType::Duration, "P2Q".to_string(), None)
        );
        // Without a lead word it is a fraction.
        let all = tag("It sold three quarters of its stake.", Some(t));
        assert!(all.is_empty(), "{all:#?}");
        // Quarters "of" something other than a share are still time.
        assert_eq!(
            value(
                "Japan entered a recession after two consecutive quarters of negative growth.",
                t,
                "two consecutive quarters"
            ),
            "P2Q"
        );
    }
}
