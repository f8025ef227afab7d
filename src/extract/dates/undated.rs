//! Dates for engagements the words beside them do not date: a report of the day, a trip's
//! later stops, a "recent" visit, a lead dated by the sentence after it, and events dated by
//! their distance from something else ("a day after", "two months after").

use super::{lower, DateSource, Dated};
use crate::extract::document::{Doc, Sent};
use crate::extract::triggers::Trigger;
use crate::model::{EventDate, EventType, PartialDate, Precision};
use chrono::{Datelike, Duration};

/// "His remarks came a day after X and Y signed a statement", "met in New York in September,
/// two months after their talks in Colombo": the engagement is that many days or months from
/// the date the sentence gave before (else from the words reported, which are of the
/// report's day or of the day the sentence before gives them).
fn days_apart_from_the_words(doc: &Doc, s: &Sent, trig: &Trigger) -> Option<Dated> {
    let t = s.times.iter().find(|t| {
        t.timex.kind == crate::timex::TimexType::Duration
            && t.last < trig.first
            && matches!(lower(s, t.last + 1), "after" | "before")
    })?;
    let value = t.timex.value.strip_prefix('P')?;
    let (count, unit) = value.split_at(value.len().checked_sub(1)?);
    let count: i64 = count.parse().ok()?;
    let after = lower(s, t.last + 1) == "after";
    let date = match unit {
        "D" if t.first <= 4 => {
            // The words are of the day the sentence before gives them, else of the report's.
            let words_day = s
                .index
                .checked_sub(1)
                .and_then(|i| doc.sentences.get(i))
                .and_then(|b| {
                    b.times.iter().filter_map(|x| x.date).find(|d| {
                        d.end.is_none()
                            && d.start.precision() == Precision::Day
                            && d.first_day() <= doc.dct
                    })
                })
                .map_or(doc.dct, |d| d.first_day());
            let days = Duration::days(count);
            PartialDate::day(if after {
                words_day - days
            } else {
                words_day + days
            })
        }
        "M" => {
            let from = s
                .times
                .iter()
                .filter(|x| x.last < t.first)
                .filter_map(|x| x.date)
                .next_back()?;
            if from.end.is_some() || from.start.precision() != Precision::Month {
                return None;
            }
            let months = from.start.year as i64 * 12 + from.start.month? as i64 - 1;
            let months = if after {
                months - count
            } else {
                months + count
            };
            PartialDate::month(
                months.div_euclid(12) as i32,
                months.rem_euclid(12) as u32 + 1,
            )
        }
        _ => return None,
    };
    Some(Dated {
        date: EventDate::new(date, None).ok()?,
        source: DateSource::Text,
        words: t.timex.text.clone(),
        also: Vec::new(),
    })
}

/// The date of an engagement the text does not date: today's news for a report of the
/// day, the month for one recounted from before (EVENTS.md R9), nothing for plans.
pub(super) fn undated(doc: &Doc, s: &Sent, trig: &Trigger) -> Option<Dated> {
    // The next stops of a trip under way ("and will visit Brazil and Panama
    // subsequently"): the month, as precise as the text allows (EVENTS.md R3).
    if trig.future && !trig.hypothetical && matches!(trig.kind, EventType::Visit | EventType::Tour)
    {
        let continuing = s.toks.iter().any(|t| {
            matches!(
                t.lower.as_str(),
                "subsequently"
                    | "then"
                    | "later"
                    | "afterwards"
                    | "returning"
                    | "leg"
                    | "continue"
                    | "continues"
                    | "proceed"
                    | "proceeding"
                    | "next"
            )
        });
        if continuing {
            let day = doc.dct;
            return Some(Dated {
                date: EventDate::new(PartialDate::month(day.year(), day.month()), None).ok()?,
                source: DateSource::Recounted,
                words: "later on the same trip".into(),
                also: Vec::new(),
            });
        }
    }
    // "China has opposed the visits by Japanese leaders": visits in general, of no day.
    if trig.future || trig.hypothetical || trig.plural {
        return None;
    }
    let day = doc.dct;
    if let Some(dated) = days_apart_from_the_words(doc, s, trig) {
        return Some(dated);
    }
    // "his recent visit", "recently visited": this year, at least.
    let recent = (trig.first.saturating_sub(5)..trig.first)
        .any(|k| matches!(lower(s, k), "recent" | "recently"));
    if recent {
        return Some(Dated {
            date: EventDate::new(PartialDate::year(day.year()), None).ok()?,
            source: DateSource::Text,
            words: "recent".into(),
            also: Vec::new(),
        });
    }
    if let Some(next) = dated_by_the_next_sentence(doc, s) {
        return Some(next);
    }
    if trig.perfect {
        let month = PartialDate::month(day.year(), day.month());
        return Some(Dated {
            date: EventDate::new(month, None).ok()?,
            source: DateSource::Recounted,
            words: String::new(),
            also: Vec::new(),
        });
    }
    // "The 1994 summit occurred just after the signing of NAFTA": a sentence about years
    // long past does not report an engagement of the report's day ("the summit" there is
    // still a reference to one named before).
    let long_ago = |d: &EventDate| (day - d.last_day()).num_days() > 365;
    let dates = || s.times.iter().filter_map(|t| t.date.as_ref());
    if !trig.definite(s) && dates().next().is_some() && dates().all(long_ago) {
        return None;
    }
    // "Scharping, ending a two-day visit, said": a stay that ends on the report's day; so
    // does one the traveller came from ("flew here from Laos, where he was on a three-day
    // visit").
    let came_from = trig
        .relative_where(s)
        .is_some_and(|w| (w.saturating_sub(6)..w).any(|k| lower(s, k) == "from"));
    let ending = came_from
        || (trig.first.saturating_sub(4)..trig.first).any(|k| {
            matches!(
                lower(s, k),
                "ending" | "concluding" | "wrapping" | "winding"
            )
        });
    let length = s
        .times
        .iter()
        .find(|t| t.last + 1 == trig.first)
        .and_then(|t| t.days);
    let (first, words) = match length {
        Some(n) if ending && n > 1 => (
            day - Duration::days(n - 1),
            format!("a stay of {n} days ending on the day the article reports from"),
        ),
        _ => (day, String::new()),
    };
    Some(Dated {
        date: EventDate::new(
            PartialDate::day(first),
            (first < day).then(|| PartialDate::day(day)),
        )
        .ok()?,
        source: DateSource::Reported,
        words,
        also: Vec::new(),
    })
}

/// "Turkey and Armenia have signed two protocols ..." leads, and the next sentence tells
/// the day: "The ministers put their signatures to the documents on Saturday evening." The
/// lead's undated event takes the one recent day the next sentence gives, when that
/// sentence opens with a state the lead names.
fn dated_by_the_next_sentence(doc: &Doc, s: &Sent) -> Option<Dated> {
    if s.index != 0 || s.times.iter().any(|t| t.date.is_some()) {
        return None;
    }
    let next = doc.sentences.get(1)?;
    let [t] = next.times.as_slice() else {
        return None;
    };
    let date = t.date?;
    let gap = doc.dct - date.first_day();
    let recent = date.end.is_none()
        && date.start.precision() == Precision::Day
        && gap >= Duration::zero()
        && gap <= Duration::days(6);
    // The next sentence opens with the lead's parties, as its subject ("The Armenian and
    // Azerbaijani ministers put their signatures ..."), not with something else that
    // happened ("The meeting cleared the air clouded by the disaster Friday").
    let shared = next.countries.iter().any(|c| {
        c.is_state()
            && c.first <= 8
            && c.first < t.first
            && s.countries.iter().any(|x| x.country == c.country)
    });
    (recent && shared).then(|| Dated {
        date,
        source: DateSource::Text,
        words: format!(
            "{} (the next sentence's, telling the lead's day)",
            t.timex.text
        ),
        also: Vec::new(),
    })
}
