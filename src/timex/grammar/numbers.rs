//! Numbers: counts ("48", "1,000", "twenty-four", "a few") and years said
//! in words ("nineteen ninety-six", "two thousand").
//!
//! In: the token position. Out: the end of the number and its value, for
//! the duration, year and set rules to build on.

use super::{Amount, G};
use crate::timex::lexicon;

impl G<'_> {
    /// A count: digits, number words ("twenty-four"), "a few", "several".
    /// Returns the end token and the amount; "a"/"an" count only before a unit.
    pub(super) fn number(&self, i: usize) -> Option<(usize, Amount)> {
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

    /// A year said in words: "nineteen ninety-six", "two thousand".
    pub(super) fn spoken_year(&self, i: usize) -> Option<(usize, i32)> {
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
}
