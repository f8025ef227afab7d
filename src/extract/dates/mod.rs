//! The date of one reported engagement: the date expression that belongs to its trigger,
//! widened by a stated length ("arrived Tuesday for a three-day visit" is Tuesday to
//! Thursday), never the date of a report ("said on Friday").
//!
//! In: a sentence and a [`Trigger`]. Out: a [`Dated`] event date and how it was found.

use super::document::{Doc, Sent, TimeRef};
use super::lexicon as lex;
use super::triggers::Trigger;
use crate::model::{EventDate, EventType, PartialDate, Precision};
use attachment::{
    after_destinations, another_verb_dates_it, dates_another_happening, fronted_phrase_of_time,
    opens_sentence,
};
use chrono::{Datelike, Duration};
use ranges::{coordinated, range_end, range_start};
use stays::{stay_before_arrival, stay_since_arrival, widen_by_length};
use undated::undated;

mod attachment;
mod ranges;
mod stays;
mod undated;
pub(crate) use ranges::stop_date;

/// How an event's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateSource {
    /// A date expression of the trigger's clause or sentence.
    Text,
    /// Nothing in the text: the day the article reports from.
    Reported,
    /// Recounted without a date: the month the article reports from (EVENTS.md R9).
    Recounted,
}

/// An event date with its source and the words it came from.
#[derive(Debug, Clone)]
pub(crate) struct Dated {
    pub(crate) date: EventDate,
    pub(crate) source: DateSource,
    pub(crate) words: String,
    /// Further dates coordinated with the first ("in August and December last year"): each
    /// is an engagement of its own (EVENTS.md R13).
    pub(crate) also: Vec<EventDate>,
}

fn lower<'s>(s: &'s Sent, k: usize) -> &'s str {
    s.toks.get(k).map_or("", |t| t.lower.as_str())
}

/// Whether the date expression is the time of a report: right after (or right before) a
/// reporting verb ("said Thursday", "told reporters on Monday", "Thursday's statement").
fn reports_date(s: &Sent, t: &TimeRef) -> bool {
    let mut k = t.first;
    // Skip "on", "late", "early", "here", and a short object ("told AFP on Monday").
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let w = lower(s, k);
        if lex::REPORTING.contains(&w)
            && !matches!(
                w,
                "agreed"
                    | "welcomed"
                    | "called"
                    | "expressed"
                    | "pledged"
                    | "vowed"
                    | "hailed"
                    | "praised"
            )
        {
            return true;
        }
        if !(matches!(
            w,
            "on" | "late"
                | "early"
                | "here"
                | "reporters"
                | "journalists"
                | "afp"
                | "xinhua"
                | "him"
                | "her"
                | "them"
                | "in"
                | "a"
                | "the"
                | "statement"
                | "interview"
                | "newspaper"
                | "radio"
                | "television"
        ) || s.toks[k].cap)
        {
            break;
        }
    }
    // "The Prime Minister today announced that he will travel ...": the date between the
    // speaker and the verb.
    let before_verb = matches!(
        lower(s, t.last + 1),
        "said" | "says" | "told" | "announced" | "announces" | "stated" | "confirmed"
    );
    if before_verb {
        return true;
    }
    // "Thursday, officials said" / "On Monday, the ministry said": a date that opens its
    // clause and is followed by the reporting verb.
    let opens_clause = t.first == 0
        || s.toks[t.first - 1].is(",")
        || s.toks[..t.first].iter().all(|x| {
            x.word
                && matches!(
                    x.lower.as_str(),
                    "on" | "also" | "and" | "but" | "late" | "early" | "earlier" | "later"
                )
        });
    let after: Vec<&str> = (t.last + 1..(t.last + 9).min(s.toks.len()))
        .map(|k| lower(s, k))
        .collect();
    opens_clause
        && after.first() == Some(&",")
        && after
            .iter()
            .skip(1)
            .any(|w| matches!(*w, "said" | "says" | "told" | "announced"))
}

/// A date in a relative clause of taking place ("which will take place on ...", "that was
/// held in ...") whose antecedent is this trigger's noun: no other trigger between them.
fn happens_in_relative_clause(s: &Sent, trig: &Trigger, t: &TimeRef, others: &[Trigger]) -> bool {
    if !trig.noun || t.first <= trig.last {
        return false;
    }
    let Some(rel) = (trig.last + 1..t.first).find(|&j| matches!(lower(s, j), "which" | "that"))
    else {
        return false;
    };
    let words: Vec<&str> = (rel + 1..(rel + 5).min(t.first))
        .map(|k| lower(s, k))
        .collect();
    let happens = words.windows(2).any(|w| {
        matches!(
            w,
            ["take" | "takes" | "took", "place"] | ["be" | "was" | "is" | "were", "held"]
        )
    });
    let nothing_between = !others.iter().any(|o| o.first > trig.last && o.first < rel);
    happens && nothing_between
}

/// Distance-based score of a date expression for a trigger; lower is better.
fn score(s: &Sent, trig: &Trigger, t: &TimeRef, others: &[Trigger]) -> Option<i64> {
    let (cf, cl) = trig.clause;
    let distance = if t.last < trig.first {
        (trig.first - t.last) as i64
    } else if t.first > trig.last {
        (t.first - trig.last) as i64
    } else {
        0
    };
    let mut score = distance;
    // "occurred in February 2005 when four leaders met": the "when" clause happened at the
    // date of the clause it hangs on, whatever else is near that date.
    let when_clause = t.last < trig.first
        && trig.first - t.last <= 25
        && (t.last + 1..trig.first).any(|k| lower(s, k) == "when");
    if when_clause {
        // "On Friday, when she set aside other plans for the hastily planned trip": a
        // trip still planned at that date is not dated by it.
        let still_planned = trig.noun
            && (trig.first.saturating_sub(2)..trig.first).any(|k| {
                matches!(
                    lower(s, k),
                    "planned" | "proposed" | "scheduled" | "upcoming" | "forthcoming"
                )
            });
        return (!still_planned).then_some(distance.min(20));
    }
    if fronted_phrase_of_time(s, trig, t) {
        return None;
    }
    if departure_before_arrival(s, trig, t) {
        return None;
    }
    // "a bilateral meeting ahead of the NATO Summit that Madrid is hosting this week": a date
    // in a relative clause on a later noun is that noun's.
    let later_nouns_clause = t.first > trig.last
        && (trig.last + 2..t.first).any(|j| {
            // (Not "a four-day visit to China that ends tomorrow": the trip's own clause.)
            matches!(lower(s, j), "that" | "which") && lex::is_gathering_noun(lower(s, j - 1))
        });
    if later_nouns_clause {
        return None;
    }
    if dates_another_happening(s, trig, t) {
        return None;
    }
    // "the meeting between X and Y, which will take place at the Z Hotel tomorrow": a
    // clause that says when something takes place or is held says it of the last
    // happening named before it, however long the names between.
    if happens_in_relative_clause(s, trig, t, others) {
        return Some(2);
    }
    // "On Thursday, he would be briefed on ... and visit the board before leaving for
    // China": a date set before the sentence's comma is the time of all it tells.
    let opens_sentence = opens_sentence(s, t) && t.last < trig.first;
    if opens_sentence {
        score = distance.min(4);
    }
    let in_clause = t.first >= cf && t.last <= cl;
    if !in_clause {
        score += 12;
    }
    // "said President X this Tuesday, after signing with ... the Protocol": what was done
    // just before speaking shares the day of the words.
    let done_before_speaking = t.last < trig.first
        && trig.first >= 2
        && lower(s, trig.first - 1) == "after"
        && lower(s, trig.first - 2) == ","
        && s.toks[trig.first].lower.ends_with("ing")
        && (t.last + 1..trig.first - 2).all(|k| s.toks[k].word);
    if reports_date(s, t) && !done_before_speaking {
        score += 40;
    }
    // A date that belongs to another trigger nearer to it.
    for o in others {
        if o.first == trig.first {
            continue;
        }
        let od = if t.last < o.first {
            (o.first - t.last) as i64
        } else if t.first > o.last {
            (t.first - o.last) as i64
        } else {
            0
        };
        let o_in_clause = t.first >= o.clause.0 && t.last <= o.clause.1;
        // "met X in Rome on Monday and flew to Athens": a date that ends its conjunct is
        // that conjunct's, however near the next verb.
        let across_conjunction = trig.last < t.first
            && t.last < o.first
            && (t.last + 1..o.first).any(|k| matches!(lower(s, k), "and" | "but" | "then"));
        if od + 1 < distance
            && (o_in_clause || !in_clause)
            && !across_conjunction
            && !when_clause
            && !opens_sentence
        {
            score += 15;
        }
    }
    // "the first visit since 1979", "the highest-level visits since ... in 1989": the date
    // of a background fact, no event of its own. "has not visited since May 2001" dates a
    // visit.
    let (lo, hi) = if t.first > trig.last {
        (trig.last, t.first)
    } else {
        (t.last, trig.first)
    };
    if let Some(since) = (lo..hi).find(|&k| lower(s, k) == "since") {
        let superlative = (cf..since).any(|k| {
            let w = lower(s, k);
            matches!(w, "first" | "last" | "only" | "second" | "third")
                || w.starts_with("highest")
                || w.ends_with("est")
        });
        if superlative && t.first > since {
            return None;
        }
        // "the reforms launched since he took office in December": a clause of its own after
        // "since" that the date belongs to.
        let own_clause = t.first > since
            && (since + 1..t.first).any(|k| {
                let w = lower(s, k);
                matches!(
                    w,
                    "took"
                        | "taking"
                        | "became"
                        | "becoming"
                        | "assumed"
                        | "assuming"
                        | "won"
                        | "winning"
                        | "came"
                        | "coming"
                        | "returned"
                        | "returning"
                ) || w.len() > 4 && w.ends_with("ed")
            });
        if own_clause {
            return None;
        }
        score += 5;
    }
    // "the first visit by Chinese leaders in ten years": a length, not a date.
    // (Or after it: "a three-day visit to Peru, the first by a Bolivian president in 34
    // years".)
    let superlative_near = (trig.first.saturating_sub(3)..trig.first)
        .chain(trig.last + 1..t.first.max(trig.last + 1))
        .any(|k| matches!(lower(s, k), "first" | "last" | "only"));
    let text = t.timex.text.to_lowercase();
    if superlative_near
        && t.first > trig.last
        && t.first > 0
        && lower(s, t.first - 1) == "in"
        // (A count of years, tagged as a length or as the date it ends on; "last met ... in
        // February this year" is a date.)
        && (t.timex.kind == crate::timex::TimexType::Duration && text.contains("year")
            || text.contains("decade")
            || text.ends_with("years"))
    {
        return None;
    }
    // "with January 2005 as the deadline", "a deadline of June 30": a limit set, not the
    // time of an engagement.
    let deadline = (t.first.saturating_sub(3)..t.first)
        .chain(t.last + 1..(t.last + 4).min(s.toks.len()))
        .any(|k| matches!(lower(s, k), "deadline" | "deadlines"));
    if deadline {
        return None;
    }
    // "approved the Plan of Action of Arica for 2012": the years a document is for, not
    // when it was adopted.
    let period_covered = matches!(trig.kind, EventType::Statement | EventType::Agreement)
        && t.first > trig.last
        && lower(s, t.first - 1) == "for"
        && !t.timex.value.contains('-');
    if period_covered {
        return None;
    }
    // Another verb nearer the date than the trigger is what the date dates.
    if another_verb_dates_it(s, trig, t, lo, hi) {
        score += 15;
    }
    // "in the 1990s and at the first summit in 1994": a date before the trigger, across a
    // conjunction, belongs to the other conjunct; before a noun trigger it is rarely the
    // noun's unless it is right before it ("the 1994 summit").
    if t.last < trig.first {
        if (t.last + 1..trig.first).any(|k| matches!(lower(s, k), "and" | "or" | "but")) {
            score += 6;
        }
        if trig.noun && trig.first - t.last > 2 {
            score += 3;
        }
    }
    // Prepositions that attach a date to an event; "by January 2005", "until", "before"
    // set deadlines and limits, not the time of the engagement.
    if t.first > 0
        && matches!(
            lower(s, t.first - 1),
            "on" | "from" | "between" | "in" | "during" | "for" | "at"
        )
    {
        score -= 2;
    }
    if t.first > 0
        && matches!(
            lower(s, t.first - 1),
            "by" | "until" | "till" | "before" | "after"
        )
    {
        score += 8;
    }
    // "under an agreement signed by X and Y in Rome on 12 March": the participle that
    // follows a document carries the day it was signed.
    let signed_on = trig.noun
        && matches!(trig.kind, EventType::Agreement | EventType::Statement)
        && t.first > trig.last + 1
        && matches!(
            lower(s, trig.last + 1),
            "signed" | "concluded" | "initialled" | "initialed" | "adopted" | "issued"
        )
        && (trig.last + 1..t.first).all(|k| !s.toks[k].is(","));
    if signed_on {
        score -= 6;
    }
    // "next week's talks", "Wednesday's meeting", "the April summit".
    if trig.noun && (t.last + 1 == trig.first || t.last + 2 == trig.first) {
        score -= 4;
    }
    Some(score)
}

/// "departs Maputo tonight for Harare, where she is due on Sunday": the day of leaving is not
/// the day of the visit the "where" clause dates.
fn departure_before_arrival(s: &Sent, trig: &Trigger, t: &TimeRef) -> bool {
    let departs = matches!(
        lower(s, trig.first),
        "leaves" | "left" | "leaving" | "departs" | "departed" | "departing"
    );
    if !departs || trig.noun || t.first > trig.last + 1 {
        return false;
    }
    s.times.iter().any(|later| {
        later.first > trig.last
            && later.date.is_some()
            && (trig.last + 1..later.first).any(|k| lower(s, k) == "where")
            && (later.first.saturating_sub(5)..later.first).any(|k| {
                matches!(
                    lower(s, k),
                    "expected" | "due" | "arrives" | "arrive" | "arriving" | "arrived"
                )
            })
    })
}

/// Finds the date of a trigger. `None` when the event cannot be dated (undated plans).
pub(crate) fn date_of(doc: &Doc, s: &Sent, trig: &Trigger, others: &[Trigger]) -> Option<Dated> {
    if let Some(date) = stay_before_arrival(s, trig, others) {
        return Some(Dated {
            date,
            source: DateSource::Text,
            words: "the stay before an arrival, which ended that day".into(),
            also: Vec::new(),
        });
    }
    let mut best: Option<(i64, &TimeRef)> = None;
    for t in &s.times {
        if t.date.is_none() {
            continue;
        }
        // An invitation or a wish is scheduled by a date that follows it ("invited him to
        // visit in 2008"), not by the day it was made ("On Oct. 29, Egypt invited him").
        if trig.hypothetical && t.last < trig.first {
            continue;
        }
        // "hope to sign a deal by June": a deadline for a wish schedules nothing.
        if trig.hypothetical
            && t.first > 0
            && matches!(lower(s, t.first - 1), "by" | "until" | "before")
        {
            continue;
        }
        // "the visits by Japanese leaders" are visits in general: only a date right beside
        // them makes them particular ("his visits in May and June").
        if trig.plural
            && (t.first > trig.last + 3 || t.last + 3 < trig.first)
            && !after_destinations(s, trig, t)
        {
            continue;
        }
        let Some(sc) = score(s, trig, t, others) else {
            continue;
        };
        if best.is_none_or(|(b, _)| sc < b) {
            best = Some((sc, t));
        }
    }
    // A date too far from the trigger and outside its clause belongs to something else.
    let best = best.filter(|(sc, _)| *sc < 30);
    let Some((_, t)) = best else {
        return undated(doc, s, trig);
    };
    let mut date = t.date?;
    // "Later in the day, she also phoned ...": the day the story tells, never one still to
    // come that the sentence before named (a state visit set for next spring).
    let day_of_story = t.timex.text.eq_ignore_ascii_case("the day")
        && t.first >= 2
        && matches!(lower(s, t.first - 2), "earlier" | "later")
        && lower(s, t.first - 1) == "in";
    if day_of_story && !trig.future && !trig.hypothetical && date.first_day() > doc.dct {
        date = EventDate::new(PartialDate::day(doc.dct), None).ok()?;
    }
    // "last week" in a Sunday article is the week that ends that day (EVENTS.md R10).
    if t.timex.text.eq_ignore_ascii_case("last week") && doc.dct.weekday() == chrono::Weekday::Sun {
        let monday = doc.dct - Duration::days(6);
        date = EventDate::new(PartialDate::day(monday), Some(PartialDate::day(doc.dct))).ok()?;
    }
    // A bare weekday of an engagement still to come is the coming one ("to be held on
    // Thursday", "opening here Saturday"), whatever tense the report's verb has.
    let weekday = bare_weekday(&t.timex.text);
    // "is on a three-day visit starting Monday": under way, so its Monday has passed.
    let under_way = (trig.first.saturating_sub(5)..trig.first)
        .any(|k| matches!(lower(s, k), "is" | "are") && lower(s, k + 1) == "on");
    // "He and Arafat meet separately Monday": a report's present tense with a weekday tells
    // what is to come (what has happened is told in the past tense).
    let present = !trig.noun
        && matches!(
            lower(s, trig.first),
            "meet" | "meets" | "visit" | "visits" | "arrive" | "arrives" | "tour" | "tours"
        )
        && (trig.first == 0
            || !matches!(
                lower(s, trig.first - 1),
                "did" | "didn't" | "not" | "to" | "would" | "could" | "should" | "might"
            )
            // ("during Abenov's visit to Warsaw in July", "his visit": a noun.)
            && !s.toks[trig.first - 1].possessive
            && !matches!(
                lower(s, trig.first - 1),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that"
            ));
    let coming = trig.future
        || present
        || !under_way
            && (trig.first..=(trig.last + 4).min(s.toks.len() - 1)).any(|k| {
                matches!(
                    lower(s, k),
                    "opening" | "opens" | "starting" | "begins" | "beginning"
                )
            })
        || (trig.first.saturating_sub(6)..trig.first).any(|k| lower(s, k) == "ahead")
        || (trig.last + 1..(trig.last + 6).min(s.toks.len())).any(|k| {
            matches!(
                lower(s, k),
                "holds" | "convenes" | "gathers" | "opens" | "starts" | "begins"
            )
        })
        // "a two-day gathering ... that wraps up at the Opera House on Sunday": the present
        // tense of the verb the weekday hangs on.
        || t.first > trig.last
            && (t.first.saturating_sub(9)..t.first).any(|k| {
                matches!(
                    lower(s, k),
                    "opens" | "starts" | "begins" | "ends" | "closes" | "wraps" | "concludes"
                )
            });
    let mut shifted = Duration::zero();
    if weekday && coming && date.start.precision() == Precision::Day && date.first_day() < doc.dct {
        shifted = Duration::days(7);
        let day = date.first_day() + shifted;
        date = EventDate::new(PartialDate::day(day), None).ok()?;
    }
    // "met in London on April 1, on the eve of the G20 summit": the gathering is the next
    // day.
    let eve_of = t.last < trig.first
        && (trig.first.saturating_sub(7)..trig.first)
            .any(|k| lower(s, k) == "eve" && lower(s, k + 1) == "of");
    if eve_of && date.start.precision() == Precision::Day && date.end.is_none() {
        let day = date.first_day() + Duration::days(1);
        date = EventDate::new(PartialDate::day(day), None).ok()?;
    }
    // Likewise a bare month ("ahead of the April summit" in November is next April).
    let month_name = t.timex.text.split_whitespace().count() == 1
        && date.start.precision() == Precision::Month
        && date.end.is_none();
    if month_name && coming && date.last_day() < doc.dct {
        let m = date.start;
        date = EventDate::new(PartialDate::month(m.year + 1, m.month.unwrap_or(1)), None).ok()?;
    }
    // "The ministers agreed the fisheries protocol during the premier's stay in the capital in
    // August": an event that a past verb puts behind the report is dated by the last such
    // month, not the coming one.
    // ("the premier's visit": a noun after a possessive or a determiner, too.)
    let noun = trig.noun
        || trig.first > 0
            && (s.toks[trig.first - 1].possessive
                || matches!(
                    lower(s, trig.first - 1),
                    "the" | "a" | "his" | "her" | "their"
                ));
    if month_name && !coming && noun && !trig.future && date.first_day() > doc.dct {
        let clause = (trig.first.saturating_sub(10)..trig.first)
            .rev()
            .take_while(|&k| !s.toks[k].is(","));
        let behind_by = clause
            .clone()
            .find(|&k| matches!(lower(s, k), "during" | "after"));
        let past_verb = behind_by.is_some_and(|p| {
            (p.saturating_sub(20)..p).any(|k| {
                matches!(
                    lower(s, k),
                    "signed" | "met" | "agreed" | "held" | "reached" | "concluded" | "adopted"
                )
            })
        });
        if past_verb {
            let m = date.start;
            date =
                EventDate::new(PartialDate::month(m.year - 1, m.month.unwrap_or(1)), None).ok()?;
        }
    }
    // "agreed to visit Pyongyang in the fall" in April: the coming autumn.
    let season = matches!(
        t.timex
            .text
            .to_lowercase()
            .trim_start_matches("the ")
            .trim(),
        "spring" | "summer" | "fall" | "autumn" | "winter"
    );
    if season
        && coming
        && date.start.precision() == Precision::Year
        && date.start.year < doc.dct.year()
    {
        date = EventDate::new(PartialDate::year(date.start.year + 1), None).ok()?;
    }
    // "in late May or early June": what the alternatives share (EVENTS.md R11).
    if let Some(other) = alternative_date(s, t) {
        if other != date {
            let year = date.start.year;
            if other.start.year != year || other.last_day().year() != year {
                return None;
            }
            date = EventDate::new(PartialDate::year(year), None).ok()?;
        }
    }
    // A second date of a range written apart ("from Nov. 15 to 26", "between April 7 and 9").
    if date.end.is_none() {
        // ("from Wednesday to Saturday": the end moves with the start to the coming week.)
        let moved = |end: PartialDate| {
            if shifted.is_zero() || end.precision() != Precision::Day {
                end
            } else {
                PartialDate::day(end.first_day() + shifted)
            }
        };
        if let Some(end) = range_end(s, t).map(moved) {
            // "from October 28 to November 2 last year": a year told only at the end is the
            // start's too.
            let words = || t.timex.text.split_whitespace();
            // (A month's day, or a bare day before the month: "from 3 to 5 April last year".)
            let yearless = (words().any(|w| w.trim_matches('.').parse::<chrono::Month>().is_ok())
                || t.timex.text.len() <= 2 && t.timex.text.chars().all(|c| c.is_ascii_digit()))
                && !words().any(|w| w.len() == 4 && w.parse::<u32>().is_ok())
                && !t.timex.text.to_lowercase().contains("year");
            if end.first_day() < date.first_day()
                && yearless
                && date.start.precision() == Precision::Day
            {
                let end_day = end.first_day();
                let start = date.first_day();
                let moved_back = start
                    .with_year(end_day.year())
                    .filter(|d| *d <= end_day)
                    .or_else(|| start.with_year(end_day.year() - 1))
                    .filter(|d| end_day - *d <= Duration::days(62));
                if let Some(start) = moved_back {
                    date = EventDate::new(PartialDate::day(start), None).ok()?;
                }
            }
            if end.first_day() >= date.first_day() {
                date = EventDate::new(date.start, Some(end)).ok()?;
            }
        } else if let Some(start) = range_start(s, t) {
            date = EventDate::new(start, Some(date.start)).ok()?;
        }
    }
    let mut words = t.timex.text.clone();
    // "... said in a statement, 'Today, the Secretary met ...'" in a dispatch that leads
    // with "late Tuesday": the quoted day is the lead's.
    if let Some(lead) = doc.lead_day {
        let today = t.timex.text.eq_ignore_ascii_case("today") && date.first_day() == doc.dct;
        let quoted = s.toks[..t.first].iter().filter(|x| x.is_quote()).count() % 2 == 1;
        if today && quoted && s.index > 0 {
            date = EventDate::new(PartialDate::day(lead), None).ok()?;
            words = format!("{words} (quoted; the day the lead reports)");
        }
    }
    if let Some((widened, how)) = widen_by_length(s, trig, t, &date) {
        date = widened;
        words = format!("{words}; {how}");
    } else if let Some(stay) = stay_since_arrival(doc, s, trig, &date) {
        date = stay;
        words = format!("{words}; arrived then and still there on the day of the report");
    }
    let (date, also) = coordinated(s, t, date);
    Some(Dated {
        date,
        source: DateSource::Text,
        words,
        also,
    })
}

/// The date of "X or Y" after the date `t` ("late May or early June").
fn alternative_date(s: &Sent, t: &TimeRef) -> Option<EventDate> {
    if lower(s, t.last + 1) != "or" {
        return None;
    }
    s.times
        .iter()
        .find(|x| x.first == t.last + 2)
        .and_then(|x| x.date)
}

/// A weekday alone or with a part of the day ("Thursday", "early Thursday", "Friday
/// evening"): a day that the tense of the sentence places, not the words themselves.
fn bare_weekday(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut weekdays = 0;
    for w in lower.split_whitespace() {
        if lex::is_weekday(w) {
            weekdays += 1;
        } else if !matches!(
            w,
            "early" | "late" | "on" | "morning" | "afternoon" | "evening" | "night"
        ) {
            return false;
        }
    }
    weekdays == 1
}
