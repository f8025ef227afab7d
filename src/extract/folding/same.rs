//! Whether two mentions report one engagement: kinds of one family, dates that agree, and
//! parties that fit.

use super::Mention;
use crate::extract::dates::DateSource;
use crate::model::{Country, EventType};

pub(super) fn family(kind: EventType) -> u8 {
    match kind {
        EventType::Visit | EventType::Tour => 0,
        EventType::Meeting => 1,
        EventType::Summit => 2,
        EventType::Call => 3,
        EventType::Statement => 4,
        EventType::Agreement => 5,
        EventType::Other => 6,
    }
}

/// Whether two dates can be the same engagement's: they overlap, or one of them is only the
/// reporting day.
pub(super) fn dates_agree(a: &Mention, b: &Mention) -> bool {
    // "Lavrov said at a joint press conference" (today) and "the working groups met early
    // this year": a year said in the text is not the report's day.
    let year_and_day = |x: &Mention, y: &Mention| {
        x.date_source == DateSource::Reported
            && !y.definite
            && y.date_source == DateSource::Text
            && y.date.start.precision() == crate::model::Precision::Year
            // "his recent visit" is dated to the year only for want of better.
            && y.date_words != "recent"
    };
    if year_and_day(a, b) || year_and_day(b, a) {
        return false;
    }
    a.date.overlaps(&b.date)
        || (a.date_source != DateSource::Text || b.date_source != DateSource::Text)
            && !reported_then_planned(a, b)
            && !reported_then_planned(b, a)
}

/// "Tang told the meeting" (held by the report) and "will attend a meeting on Nov. 18-19"
/// (still to come, on its own later date) are two engagements.
pub(super) fn reported_then_planned(held: &Mention, planned: &Mention) -> bool {
    held.date_source == DateSource::Reported
        && !held.planned
        && planned.date_source == DateSource::Text
        && planned.planned
        && !planned.definite
        && held.date.last_day() < planned.date.first_day()
        // ("arrangements have been made for the two-day visit of X, who will arrive here on
        // Saturday": one visit, told once.)
        && held.sentence != planned.sentence
}

/// Whether `m` reports the same engagement as `e`: same kind, dates that agree, and
/// parties that fit (one side's states among the other's; for trips, the same
/// destinations; a mention that names nobody is the nearest one of its kind).
pub(super) fn same_engagement(e: &Mention, m: &Mention) -> bool {
    let es = e.states();
    let ms = m.states();
    let shared = ms.iter().filter(|c| es.contains(c)).count();
    // "the Hong Kong meeting" after "the Hong Kong ministerial meeting": a meeting and a
    // gathering of the same place are one.
    let gathering_pair = family(e.kind) == 2 && m.kind == EventType::Meeting;
    // "The Sharm el-Sheikh Summit occurred in February 2005 when four leaders ... met": a
    // meeting of many in the sentence that reports a gathering is the gathering.
    let same_sentence = m.sentence == e.sentence || e.also.contains(&(m.start, m.end));
    let the_gathering_itself =
        gathering_pair && same_sentence && !m.aside && ms.len() >= 3 && shared >= 1;
    if family(e.kind) != family(m.kind)
        && !(gathering_pair && m.definite && shared >= 1 && shared == ms.len())
        && !the_gathering_itself
    {
        return false;
    }
    // "the summit" without a date of its own is the summit named before, unless each
    // names a side the other does not ("his meeting with Kagame" after one with Kufuor).
    // (Trips are told stop by stop: "his tour" is the tour, whatever stop the text is at.)
    let disjoint_sides = matches!(m.kind, EventType::Meeting | EventType::Call)
        && shared < ms.len()
        && shared < es.len()
        && ms.len().min(es.len()) >= 2;
    // ("Clinton, on his first trip to Europe" after "the visit of Yeltsin to Brussels".)
    let travellers_differ = family(m.kind) == 0
        && matches!((&e.parties.traveller, &m.parties.traveller), (Some(a), Some(b))
            if !ms.contains(&a) && !es.contains(&b));
    if m.definite && m.date_source != DateSource::Text && !disjoint_sides && !travellers_differ {
        return true;
    }
    // A gathering's opening and closing days, reported apart ("kicked off on Wednesday",
    // "wrapped up on Friday"), are one gathering, unless they are in different places.
    let hosts_differ = held_apart(e, m);
    if family(e.kind) == 2
        && e.kind == m.kind
        && (shared >= 1 || es.is_empty() || ms.is_empty())
        && !hosts_differ
        && e.date_source == DateSource::Text
        && m.date_source == DateSource::Text
    {
        let gap = (e.date.first_day() - m.date.first_day()).num_days().abs();
        if gap <= 5
            && e.date.start.precision() == crate::model::Precision::Day
            && m.date.start.precision() == crate::model::Precision::Day
        {
            return true;
        }
    }
    if !dates_agree(e, m) {
        return false;
    }
    if ms.is_empty() || es.is_empty() {
        // A mention that names nobody is the nearest one of its kind, unless its own date
        // says it is another.
        let own_date_differs =
            m.date_source == DateSource::Text && e.date_source != DateSource::Text;
        // "The fifth round will open on Nov. 9", far below "talks on Nov. 9": its own day.
        let same_day = m.date_source == DateSource::Text
            && e.date_source == DateSource::Text
            && m.date == e.date
            && m.date.start.precision() == crate::model::Precision::Day;
        return m.sentence <= e.sentence + 3 && !own_date_differs || same_day;
    }
    match family(e.kind) {
        0 => {
            let ed = &e.parties.destinations;
            let md = &m.parties.destinations;
            if is_dated_stop(m, e) || is_dated_stop(e, m) {
                return false;
            }
            // "the two-day visit of Indian Prime Minister X, who will arrive here on
            // Saturday": one sentence, one side's states among the other's, one trip.
            // (Not two travellers each going to the other: "Tayan's trip to Israel ...
            // coincides with Levy's visit to Ankara".)
            let unsure_part = |x: &Mention, y: &Mention, shared: usize| {
                x.parties.traveller.is_none() && shared >= 1 && shared == x.states().len()
                    || y.parties.traveller.is_none() && shared >= 1 && shared == y.states().len()
            };
            if same_sentence && unsure_part(e, m, shared) {
                return true;
            }
            if !ed.is_empty() && !md.is_empty() {
                return md.iter().any(|d| ed.contains(d))
                    && (e.parties.traveller.is_none()
                        || m.parties.traveller.is_none()
                        || e.parties.traveller == m.parties.traveller);
            }
            shared >= ms.len().min(es.len()).min(2)
        }
        // Gatherings are few in an article: one with the same dates is the same.
        // (Not when each is held in a state of its own on days of its own.)
        2 => {
            !(hosts_differ && e.date != m.date)
                && (shared >= 1
                    || e.date_source == DateSource::Text && m.date_source == DateSource::Text)
        }
        // One state in common is not enough to make two meetings one ("talks with the
        // Seychelles" and "a meeting with Sudan's president" the same day), unless they
        // are in one sentence.
        _ => {
            // "That evening two of the presidents held bilateral talks": two of the many who
            // met that day, apart from them.
            let pair_apart = |x: &Mention, xs: usize, ys: usize| x.aside && xs == 2 && ys >= 3;
            if pair_apart(m, ms.len(), es.len()) || pair_apart(e, es.len(), ms.len()) {
                return false;
            }
            let subset = shared == ms.len() || shared == es.len();
            subset && (ms.len().min(es.len()) >= 2 || e.sentence == m.sentence || m.definite)
        }
    }
}

/// Two gatherings are held apart when their hosts or names differ, when each names a body
/// of its own ("the NATO summit in Brussels on Thursday and the Group of Seven summit in
/// Rome on Friday"), when one's name is not the other's body ("the Mediterranean Forum" and
/// "the NATO summit"), or when their places differ.
fn held_apart(e: &Mention, m: &Mention) -> bool {
    fn bodies(x: &Mention) -> Vec<&Country> {
        x.parties
            .countries
            .iter()
            .filter(|c| c.kind == crate::model::CountryKind::Region)
            .collect()
    }
    fn named_for_another_body(x: &Mention, bodies: &[&Country]) -> bool {
        let Some(n) = x.name.as_ref().map(|n| n.to_lowercase()) else {
            return false;
        };
        !bodies.is_empty()
            && !bodies
                .iter()
                .any(|b| n.contains(&b.name.to_lowercase()) || n.contains(&b.code.to_lowercase()))
    }
    let (eb, mb) = (bodies(e), bodies(m));
    let (ep, mp) = (&e.parties.places, &m.parties.places);
    matches!((&e.parties.host, &m.parties.host), (Some(a), Some(b)) if a != b)
        || matches!((&e.name, &m.name), (Some(a), Some(b)) if a != b)
        || !eb.is_empty() && !mb.is_empty() && !eb.iter().any(|b| mb.contains(b))
        || named_for_another_body(e, &mb)
        || named_for_another_body(m, &eb)
        || !ep.is_empty() && !mp.is_empty() && !ep.iter().any(|p| mp.contains(p))
}

/// "Hu will visit India from Nov. 20 to 23" within "state visits to Vietnam, Laos, India
/// and Pakistan from Nov. 15 to 26": a stop of the trip with its own dates (EVENTS.md R3).
pub(super) fn is_dated_stop(stop: &Mention, trip: &Mention) -> bool {
    let stop_at = abroad(stop);
    stop_at.len() == 1
        && abroad(trip).len() >= 2
        && trip.parties.destinations.contains(stop_at[0])
        && stop.date_source == DateSource::Text
        && trip.date_source == DateSource::Text
        && trip.date.end.is_some()
        && trip.date.contains(&stop.date)
        && stop.date != trip.date
        // A day of its own; the trip's first day alone may be only the trip's date again.
        && (stop.date.end.is_some() || stop.date.first_day() > trip.date.first_day())
}

/// Where a trip goes, without its traveller's own state.
pub(super) fn abroad(trip: &Mention) -> Vec<&Country> {
    let traveller = trip.parties.traveller.as_ref();
    trip.parties
        .destinations
        .iter()
        .filter(|d| Some(*d) != traveller)
        .collect()
}
