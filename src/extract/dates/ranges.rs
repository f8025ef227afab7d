//! Ranges and lists of dates: a range written apart ("from Nov. 15 to 26", "28-29
//! October"), dates listed together ("in August and December"), and the dates a trip's
//! stops give themselves.

use super::lower;
use crate::extract::document::{Sent, TimeRef};
use crate::extract::lexicon as lex;
use crate::model::{EventDate, PartialDate, Precision};
use chrono::{Datelike, Duration};

/// Dates listed with the chosen one, of the same precision: "in August and December last
/// year" (the year said once holds for both), "pacts signed in 1996 and 1998".
pub(super) fn coordinated(s: &Sent, t: &TimeRef, date: EventDate) -> (EventDate, Vec<EventDate>) {
    let mut also = Vec::new();
    let mut date = date;
    let mut k = t.last + 1;
    while matches!(lower(s, k), "and" | ",") {
        let Some(u) = s.times.iter().find(|u| u.first == k + 1) else {
            break;
        };
        let Some(other) = u.date else { break };
        if other.start.precision() != date.start.precision()
            || other.end.is_some()
            || date.end.is_some()
        {
            break;
        }
        // "August and December last year": the bare month takes the year said after it.
        let bare_month = t.timex.text.split_whitespace().count() == 1
            && date.start.precision() == Precision::Month;
        if bare_month && other.start.year != date.start.year {
            if let Ok(d) = EventDate::new(
                PartialDate::month(other.start.year, date.start.month.unwrap_or(1)),
                None,
            ) {
                date = d;
            }
        }
        also.push(other);
        k = u.last + 1;
    }
    (date, also)
}

/// The date expression after "to", "and", "-", "through" that ends a range begun by `t`.
pub(super) fn range_end(s: &Sent, t: &TimeRef) -> Option<PartialDate> {
    let j = t.last + 1;
    let joiner = lower(s, j);
    if !matches!(
        joiner,
        "to" | "and" | "-" | "through" | "till" | "until" | "--"
    ) {
        return None;
    }
    let between = (t.first.saturating_sub(2)..t.first)
        .any(|k| matches!(lower(s, k), "from" | "between" | "on"));
    // "Nov. 15- 17", "Nov. 4 - 5": a bare day of the same month after a spaced dash.
    if matches!(joiner, "-" | "--" | "to" | "through") {
        let start = t.date.as_ref()?;
        let bare_day = lower(s, j + 1)
            .parse::<u32>()
            .ok()
            .filter(|_| !s.times.iter().any(|n| n.first == j + 1));
        if let (Some(day), Precision::Day) = (bare_day, start.start.precision()) {
            let first = start.first_day();
            if day > first.day() {
                return first.with_day(day).map(PartialDate::day);
            }
        }
    }
    let next = s
        .times
        .iter()
        .find(|n| n.first == j + 1 || n.first == j + 2)?;
    let end = next.date.as_ref()?;
    if end.start.precision() != Precision::Day {
        return None;
    }
    // "on Thursday and on Friday signed ...": a preposition of its own makes a second date.
    if joiner == "and" && next.first == j + 2 && matches!(lower(s, j + 1), "on" | "at" | "in") {
        return None;
    }
    let start = t.date.as_ref()?.first_day();
    if joiner == "and" && !between {
        // "next Tuesday and Wednesday": two weekdays in a row are one stretch of days,
        // counted from the first (the second alone may have been read as a past day).
        let weekday_of = |text: &str| {
            let last = text.split_whitespace().last()?.to_lowercase();
            lex::is_weekday(&last)
                .then_some(last)?
                .parse::<chrono::Weekday>()
                .ok()
        };
        let (Some(a), Some(b)) = (weekday_of(&t.timex.text), weekday_of(&next.timex.text)) else {
            return None;
        };
        if b != a.succ() || start.weekday() != a {
            return None;
        }
        return Some(PartialDate::day(start + Duration::days(1)));
    }
    // "on Monday and Tuesday" is a range only of days next to each other; "between April 7
    // and 9" of any.
    if joiner == "and"
        && lower(s, t.first.saturating_sub(1)) == "on"
        && end.first_day() - start > Duration::days(1)
    {
        return None;
    }
    Some(end.end.unwrap_or(end.start))
}

/// The date a trip's stop gives itself right after its place: "stopping in Tokyo from March
/// 20 to 22 and in Seoul on March 23" (EVENTS.md R3).
pub(crate) fn stop_date(s: &Sent, place_last: usize) -> Option<EventDate> {
    let t = s.times.iter().find(|t| {
        t.first > place_last
            && t.first <= place_last + 3
            && (place_last + 1..t.first).all(|k| matches!(lower(s, k), "from" | "on" | "between"))
    })?;
    let date = t.date?;
    if date.start.precision() != Precision::Day {
        return None;
    }
    match (range_end(s, t), range_start(s, t)) {
        (Some(end), _) if date.end.is_none() && end.first_day() >= date.first_day() => {
            EventDate::new(date.start, Some(end)).ok()
        }
        (_, Some(start)) => EventDate::new(start, Some(date.start)).ok(),
        _ => Some(date),
    }
}

/// The first day of a range written day first, before the date expression `t` that holds
/// its last day and the month: "28-29 October 2019", "from 7 to 9 December", "between 3 and
/// 5 May".
pub(super) fn range_start(s: &Sent, t: &TimeRef) -> Option<PartialDate> {
    let date = t.date.as_ref()?;
    if date.end.is_some() || date.start.precision() != Precision::Day {
        return None;
    }
    let opening = s.toks[t.first].lower.as_str();
    // "28-29 October": one token, the range's first day before the dash.
    let joined = opening
        .split_once(['-', '–'])
        .filter(|(_, b)| b.parse::<u32>().is_ok())
        .and_then(|(a, _)| a.parse::<u32>().ok());
    // "from 7 to 9 December": the expression must open with its day ("9 December", not
    // "December 9").
    let apart = || {
        let joiner = lower(s, t.first.checked_sub(1)?);
        let dash = matches!(joiner, "-" | "–" | "—" | "--");
        let worded = matches!(joiner, "to" | "and" | "until" | "till" | "through")
            && t.first >= 3
            && matches!(lower(s, t.first - 3), "from" | "between");
        if opening.parse::<u32>().is_err() || !(dash || worded) {
            return None;
        }
        s.toks[t.first.checked_sub(2)?].lower.parse::<u32>().ok()
    };
    let first = joined.or_else(apart)?;
    let last = date.first_day();
    if first == 0 || first >= last.day() {
        return None;
    }
    Some(PartialDate::day(last.with_day(first)?))
}
