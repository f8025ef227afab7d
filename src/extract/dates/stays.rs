//! How long a stay lasts: a length said with the trip ("arrived on Tuesday for a three-day
//! visit", "left on Saturday on a seven-day trip", "ending a two-day visit"), and a stay
//! from its arrival up to the report's day.

use super::lower;
use crate::extract::document::{Doc, Sent, TimeRef};
use crate::extract::lexicon as lex;
use crate::extract::triggers::Trigger;
use crate::model::{EventDate, EventType, PartialDate, Precision};
use chrono::Duration;

/// Turns a day into a range with the length stated beside the trigger.
pub(super) fn widen_by_length(
    s: &Sent,
    trig: &Trigger,
    t: &TimeRef,
    date: &EventDate,
) -> Option<(EventDate, String)> {
    if date.end.is_some() || date.start.precision() != Precision::Day {
        return None;
    }
    if !matches!(
        trig.kind,
        EventType::Visit | EventType::Tour | EventType::Summit | EventType::Meeting
    ) {
        return None;
    }
    let (cf, cl) = trig.clause;
    let lo = cf.min(trig.first.saturating_sub(8));
    let hi = cl.max(trig.last + 8).min(s.toks.len().saturating_sub(1));
    let length = s
        .times
        .iter()
        .filter(|d| d.days.is_some() && d.first >= lo && d.last <= hi)
        .min_by_key(|d| (d.first as i64 - trig.head as i64).abs())?;
    let days = length.days?;
    if days < 2 {
        return None;
    }
    // "the second meeting in less than three weeks", "within a month": the time between
    // events, or a bound, not how long this one lasts.
    let between = length.first > 0 && matches!(lower(s, length.first - 1), "in" | "within");
    // ("about three days" is still a length.)
    let bound = length
        .timex
        .modifier
        .as_deref()
        .is_some_and(|m| m != "APPROX");
    if between || bound {
        return None;
    }
    // The length must describe this trigger's event: "a three-day visit", "two-day summit",
    // "for three days".
    // The length must describe this trigger's event: "a three-day visit" (the trigger, or a
    // trip noun when the trigger is the arrival: "arrived ... for a three-day visit"), "for
    // three days".
    let arrival = !trig.noun && matches!(trig.kind, EventType::Visit | EventType::Tour);
    let describes = (length.last + 1..=(length.last + 4).min(hi)).any(|k| {
        (trig.first..=trig.last).contains(&k)
            || arrival
                && (lex::VISIT_NOUNS.contains(&lower(s, k))
                    || matches!(lower(s, k), "tour" | "mission"))
    }) || (length.first > 0
        && lower(s, length.first - 1) == "for"
        && length.first > trig.last
        && length.first <= trig.last + 6);
    if !describes {
        return None;
    }
    // Which end of the stay the date gives: an arrival or start gives the first day, an
    // end or departure the last.
    // ("shortly after noon": the "after" of the time itself says nothing of the stay.)
    let of_the_time = |k: usize| {
        k + 1 == t.first
            || k + 2 == t.first && matches!(lower(s, k + 1), "shortly" | "just" | "soon" | "right")
    };
    let around: Vec<&str> = (t.first.saturating_sub(6)..=(t.last + 3).min(s.toks.len() - 1))
        .chain(trig.first..=trig.last)
        .chain(trig.first.saturating_sub(6)..trig.first)
        .filter(|&k| !(of_the_time(k) && matches!(lower(s, k), "after" | "before")))
        .map(|k| lower(s, k))
        .collect();
    // "landed at ... International Airport here shortly before noon on a two-day state
    // visit": the verb the trip noun hangs on, however long the place between.
    let governing = (trig.clause.0.max(trig.first.saturating_sub(16))..trig.first)
        .map(|k| lower(s, k))
        .find(|w| {
            matches!(
                *w,
                "arrived" | "arrives" | "arriving" | "landed" | "lands" | "landing"
            )
        });

    let ends = around.iter().any(|w| {
        matches!(
            *w,
            "ended"
                | "ends"
                | "ending"
                | "concluded"
                | "concludes"
                | "wrapped"
                | "wraps"
                | "wrapping"
                | "left"
                | "leaves"
                | "leaving"
                | "winding"
                | "closed"
                | "closes"
                | "completed"
                | "after"
        )
    });
    let starts = around.iter().any(|w| {
        matches!(
            *w,
            "arrived"
                | "arrives"
                | "arriving"
                | "arrive"
                | "landed"
                | "lands"
                | "landing"
                | "started"
                | "starts"
                | "starting"
                | "start"
                | "began"
                | "begins"
                | "beginning"
                | "begin"
                | "kicked"
                | "kicks"
                | "kick"
                | "opened"
                | "opens"
                | "open"
                | "launched"
                | "from"
        )
    });
    // "left Taiwan on Saturday on a seven-day trip", "leaves for a three-day visit": a
    // departure onto the stay starts it.
    let onto = (length.first.saturating_sub(2)..length.first)
        .any(|k| matches!(lower(s, k), "on" | "for"))
        && around
            .iter()
            .any(|w| matches!(*w, "left" | "leaves" | "leaving" | "leave" | "departed"));
    // (The arrival far back counts only when nothing near tells which end the date is.)
    let starts = starts || onto || !ends && governing.is_some();
    let day = date.start.first_day();
    let span = Duration::days(days - 1);
    let (a, b) = if ends && !starts {
        (day - span, day)
    } else if starts || trig.future || t.first > trig.last {
        (day, day + span)
    } else {
        return None;
    };
    let widened = EventDate::new(PartialDate::day(a), Some(PartialDate::day(b))).ok()?;
    Some((widened, format!("{days} days")))
}

/// "arrived in Cairo on Tuesday" in a Wednesday report: the stay runs from the arrival to
/// the day of the report (EVENTS.md: a stop is dated by its arrival day).
pub(super) fn stay_since_arrival(
    doc: &Doc,
    s: &Sent,
    trig: &Trigger,
    date: &EventDate,
) -> Option<EventDate> {
    if date.end.is_some()
        || date.start.precision() != Precision::Day
        || trig.kind != EventType::Visit
    {
        return None;
    }
    let started = (trig.first.saturating_sub(4)..trig.first).any(|k| {
        matches!(
            lower(s, k),
            "started" | "began" | "kicked" | "launched" | "opened"
        )
    });
    if !lower(s, trig.first).starts_with("arriv") && !started {
        return None;
    }
    let day = date.start.first_day();
    let gap = doc.dct - day;
    if gap <= Duration::zero() || gap > Duration::days(6) {
        return None;
    }
    // "arrived ... and left", "before leaving": the stay ended.
    if s.toks.iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "left" | "leaving" | "departed" | "ended" | "wrapped"
        )
    }) {
        return None;
    }
    EventDate::new(PartialDate::day(day), Some(PartialDate::day(doc.dct))).ok()
}

/// "arrived in A on Tuesday from B, after a three-day visit to B": the stay before the
/// arrival ended that day, and ran as long as it says (EVENTS.md R14).
pub(super) fn stay_before_arrival(
    s: &Sent,
    trig: &Trigger,
    others: &[Trigger],
) -> Option<EventDate> {
    if !trig.noun || !matches!(trig.kind, EventType::Visit | EventType::Tour) {
        return None;
    }
    let after = (trig.first.saturating_sub(6)..trig.first).find(|&k| lower(s, k) == "after")?;
    let length = s
        .times
        .iter()
        .find(|x| x.first > after && x.last < trig.first && x.days.is_some_and(|n| n >= 2))?;
    let arrival = others.iter().rfind(|a| {
        a.last < after
            && !a.noun
            && a.kind == EventType::Visit
            && matches!(
                lower(s, a.first),
                "arrived" | "arrives" | "returned" | "returns" | "came" | "flew" | "landed"
            )
    })?;
    let day = s.times.iter().find_map(|x| {
        let date = x.date.as_ref()?;
        (x.first > arrival.last && x.last < after && date.end.is_none())
            .then_some(date.start)
            .filter(|d| d.precision() == Precision::Day)
    })?;
    let last = day.first_day();
    let first = last - Duration::days(length.days? - 1);
    EventDate::new(PartialDate::day(first), Some(PartialDate::day(last))).ok()
}
