//! Recurrences: "daily", "every year", "each Thursday", "twice a week",
//! "10 times per day".
//!
//! In: the token position. Out: a [`Cand`] holding an `Expr::Set` with its
//! TIMEX3 value already written (`P1W`, `XXXX-WXX-4`).

use super::durations::set_value;
use super::{Amount, Cand, Expr, G};
use crate::timex::lexicon;

impl G<'_> {
    /// daily, weekly, every day, each Thursday, each July.
    pub(super) fn set_phrase(&self, i: usize) -> Option<Cand> {
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
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::TimexType;

    #[test]
    fn sets() {
        let t = seed_dct();
        let set = |text: &str, span: &str| {
            let (k, v, _) = one(text, t, span);
            assert_eq!(k, TimexType::Set, "{span}");
            v
        };
        assert_eq!(set("The fair is held every year.", "every year"), "P1Y");
        assert_eq!(set("Dues are paid annually.", "annually"), "P1Y");
        assert_eq!(set("The paper appears weekly.", "weekly"), "P1W");
        assert_eq!(
            set("They meet each Thursday.", "each Thursday"),
            "XXXX-WXX-4"
        );
    }

    #[test]
    fn counted_frequencies_are_sets() {
        let t = d(2013, 3, 20);
        assert_eq!(
            one("The council meets twice a week.", t, "twice a week"),
            (TimexType::Set, "P1W".to_string(), None)
        );
        assert_eq!(
            value(
                "Inspectors visit three times a year.",
                t,
                "three times a year"
            ),
            "P1Y"
        );
        assert_eq!(
            value("He calls 10 times per day.", t, "10 times per day"),
            "P1D"
        );
    }
}
