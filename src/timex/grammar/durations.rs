//! Lengths of time: "two days", "48 hours", "a decade", "half an hour",
//! "two-day", "decades-long", "for years"; and offsets counted in them ("two
//! days ago", "a year earlier", "three weeks from now").
//!
//! In: the token position. Out: a [`Cand`] holding an `Expr::Duration` or
//! `Expr::Offset`, and the TIMEX3 duration values (`P2D`, `PT30M`) the
//! resolver and the set rules write.

use super::{Amount, Anchor, Cand, Expr, G};
use crate::timex::lexicon::{self, Unit};
use crate::timex::scan::Kind;

impl G<'_> {
    /// A plural unit without a count where it can only be a length of time:
    /// "for years", "within weeks", "for centuries", "lowest level in years."
    pub(super) fn bare_plural(&self, i: usize) -> Option<Cand> {
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
    pub(super) fn long_adjective(&self, i: usize) -> Option<Cand> {
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

    /// Count + unit: "two days", "48 hours", "a decade", "several years",
    /// "two more weeks", and the glued adjective "two-day".
    pub(super) fn duration(&self, i: usize) -> Option<(usize, Amount, Unit)> {
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

    pub(super) fn duration_phrase(&self, i: usize) -> Option<Cand> {
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
}

/// SET/duration period string for `n` units.
pub(super) fn set_value(n: u32, u: Unit) -> String {
    duration_value(Amount::N(n), u)
}

/// TIMEX3 duration value: P2D, PT48H, P10Y (decades and centuries in years).
pub(crate) fn duration_value(a: Amount, u: Unit) -> String {
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

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::{tag, TimexType};

    #[test]
    fn durations() {
        let t = seed_dct();
        let dur = |text: &str, span: &str| {
            let (k, v, _) = one(text, t, span);
            assert_eq!(k, TimexType::Duration, "{span}");
            v
        };
        assert_eq!(dur("A two-day tour ended.", "two-day"), "P2D");
        assert_eq!(dur("He served three years in jail.", "three years"), "P3Y");
        assert_eq!(dur("He was held for 48 hours.", "48 hours"), "PT48H");
        assert_eq!(dur("It took a decade to build.", "a decade"), "P10Y");
        assert_eq!(
            dur("Prices rose in the past few years.", "the past few years"),
            "PXY"
        );
        assert_eq!(
            dur(
                "Profit rose in the first nine months.",
                "the first nine months"
            ),
            "P9M"
        );
        assert_eq!(
            dur("It was a twenty-four hour strike.", "twenty-four hour"),
            "PT24H"
        );
    }

    #[test]
    fn ages_and_fractions_are_not_durations() {
        let all = tag(
            "Mr. Smith, 52 years old, owns a quarter of the firm.",
            Some(seed_dct()),
        );
        assert!(all.is_empty(), "{all:?}");
    }

    #[test]
    fn bare_plurals_trading_days_and_utc() {
        let t = seed_dct();
        assert_eq!(
            one("Troops will be sent within weeks.", t, "weeks"),
            (TimexType::Duration, "PXW".to_string(), None)
        );
        assert_eq!(
            one(
                "The mosque dominated the skyline for centuries.",
                t,
                "centuries"
            )
            .0,
            TimexType::Duration
        );
        assert!(tag("He has worked there for years.", Some(t)).is_empty());
        assert_eq!(
            value("The Dow rose 1.7% to end the day at 9505.96.", t, "the day"),
            "2025-05-07"
        );
        assert_eq!(
            value(
                "The Dow Jones was down 2.62% at 16:08 UTC on the news.",
                t,
                "16:08 UTC"
            ),
            "2025-05-07T16:08Z"
        );
        // A decimal point does not end the sentence that gives the tense.
        assert_eq!(
            value(
                "The economy contracted by 0.9% between April and June.",
                d(2008, 11, 18),
                "April"
            ),
            "2008-04"
        );
    }

    #[test]
    fn distance_between_events_is_not_a_rate() {
        let t = d(2009, 5, 15);
        assert_eq!(
            one("GM's move comes a day after Chrysler filed.", t, "a day"),
            (TimexType::Duration, "P1D".to_string(), None)
        );
        assert_eq!(
            value(
                "The deal came barely a month before the vote.",
                t,
                "a month"
            ),
            "P1M"
        );
        // A rate is still left alone.
        assert!(tag("Tolls cost $5 a day.", Some(t)).is_empty());
    }

    #[test]
    fn lengths_used_as_adjectives() {
        let t = d(2007, 2, 27);
        let text = "After a day-long meeting they ended a decades-long dispute.";
        assert_eq!(
            one(text, t, "day-long"),
            (TimexType::Duration, "P1D".to_string(), None)
        );
        assert_eq!(value(text, t, "decades-long"), "PXY");
        assert_eq!(
            value("It was the worst single-day decline.", t, "single-day"),
            "P1D"
        );
        // A count still makes its own adjective.
        assert_eq!(value("A three-day-long summit.", t, "three-day"), "P3D");
    }

    #[test]
    fn halves_of_units() {
        let t = d(2009, 12, 16);
        let text = "The jet is almost two and a half years late. Talks lasted a year and a half. \
                    The vote took half an hour, then took a half-hour break, and one and a half hours more.";
        assert_eq!(
            one(text, t, "almost two and a half years"),
            (
                TimexType::Duration,
                "P2.5Y".to_string(),
                Some("LESS_THAN".to_string())
            )
        );
        assert_eq!(value(text, t, "a year and a half"), "P1.5Y");
        assert_eq!(value(text, t, "half an hour"), "PT30M");
        assert_eq!(value(text, t, "a half-hour"), "PT30M");
        assert_eq!(value(text, t, "one and a half hours"), "PT1H30M");
        // A price or a share of something is no length of time.
        let other = tag(
            "Shares closed at sixty-one and a half. Half a dozen left.",
            Some(t),
        );
        assert!(other.is_empty(), "{other:?}");
    }
}
