//! From reported engagements to events: mentions of the same engagement become one event
//! ("the visit", "during his stay"), meetings held during a trip fold into the trip, a trip
//! through several countries is a tour, and what names no state twice is dropped.
//!
//! In: [`Mention`]s in text order. Out: the article's events as [`Mention`]s, merged.

mod same;

use super::dates::DateSource;
use super::participants::Parties;
use crate::model::{Country, CountryKind, EventDate, EventType};
use same::{abroad, family, is_dated_stop, reported_then_planned, same_engagement};

/// One reported engagement: a trigger with its date and parties.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub(crate) kind: EventType,
    pub(crate) date: EventDate,
    pub(crate) date_source: DateSource,
    pub(crate) date_words: String,
    pub(crate) parties: Parties,
    pub(crate) sentence: usize,
    /// Byte range of the evidence sentence.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// "the summit", "his visit": a noun that points at an engagement already named.
    pub(crate) definite: bool,
    /// Name of a gathering ("the APEC summit"), when the text gives one.
    pub(crate) name: Option<String>,
    /// Other sentences that report the same engagement.
    pub(crate) also: Vec<(usize, usize)>,
    /// The trigger words, for field origins.
    pub(crate) trigger: String,
    /// Told as still to come ("will attend", "is to meet").
    pub(crate) planned: bool,
    /// The length the text gives the engagement ("a two-day summit", "for three days").
    pub(crate) days: Option<i64>,
    /// Which day of the engagement its date is: the first ("opened on Saturday") or the
    /// last ("wrapped up on Friday").
    pub(crate) anchor: Anchor,
    /// Held "on the sidelines" or "on the margins" of something bigger.
    pub(crate) aside: bool,
    /// Held or adopted by many states, most unnamed (a gathering's declaration, a statement
    /// "endorsed by nine countries", talks of "officials from Peru and 30 Asian
    /// countries"): it stands with one state named.
    pub(crate) multilateral: bool,
}

/// Which end of a multi-day engagement a single date gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Anchor {
    Unknown,
    First,
    Last,
}

impl Mention {
    fn states(&self) -> Vec<&Country> {
        self.parties.states().collect()
    }
}

/// An international body ("the UN", "ASEAN", "the AU"), not a region of the map ("Asia",
/// "the Caribbean"): officials of bodies take part in engagements, regions do not.
fn is_body(c: &Country) -> bool {
    c.kind == CountryKind::Region
        && matches!(
            c.code.as_str(),
            "eu" | "un"
                | "nato"
                | "african-union"
                | "asean"
                | "oas"
                | "gcc"
                | "arab-league"
                | "caricom"
                | "pacific-islands-forum"
                | "eastern-caribbean"
                | "apec"
                | "saarc"
                | "osce"
                | "wto"
                | "sco"
                | "g7"
                | "g8"
                | "g20"
                | "iaea"
                | "opec"
                | "ecowas"
                | "sadc"
                | "igad"
                | "commonwealth"
                | "oic"
                | "brics"
                | "mercosur"
                | "euromed"
                | "world bank"
                | "imf"
        )
}

/// Whether a mention names enough parties to stand as an event on its own.
pub(crate) fn stands_alone(m: &Mention) -> bool {
    let states = m.states().len();
    let bodies = m.parties.countries.iter().any(is_body);
    match m.kind {
        EventType::Summit => states >= 1,
        EventType::Statement | EventType::Agreement if m.multilateral => states >= 1,
        EventType::Visit | EventType::Tour => states >= 2 || states == 1 && bodies,
        _ => states >= 2 || states == 1 && (bodies || m.multilateral),
    }
}

/// The smallest range that covers both dates.
fn span(a: &EventDate, b: &EventDate) -> EventDate {
    let start = if b.first_day() < a.first_day() {
        b.start
    } else {
        a.start
    };
    let end_a = a.end.unwrap_or(a.start);
    let end_b = b.end.unwrap_or(b.start);
    let end = if end_b.last_day() > end_a.last_day() {
        end_b
    } else {
        end_a
    };
    EventDate::new(start, Some(end)).unwrap_or(*a)
}

fn merge_into(target: &mut Mention, m: Mention) {
    // The more precise, text-given date wins.
    let both_text = m.date_source == DateSource::Text && target.date_source == DateSource::Text;
    // ("the summit ... during 2005", then "the summit occurred in February 2005".)
    let finer = m.date.start.precision() > target.date.start.precision()
        && target.date.end.is_none()
        && target.date.contains(&m.date);
    let better_date = target.date_source != DateSource::Text && m.date_source == DateSource::Text
        || both_text
            && (m.date.end.is_some() && target.date.end.is_none() || finer)
            && m.date.overlaps(&target.date);
    // Days of one gathering reported apart widen it into a range.
    let widen = target.kind == EventType::Summit
        && target.date_source == DateSource::Text
        && m.date_source == DateSource::Text
        && !target.date.overlaps(&m.date)
        && (target.date.first_day() - m.date.first_day())
            .num_days()
            .abs()
            <= 5;
    // Two reports of one trip with overlapping ranges ("kicked off his state visit on Nov. 1",
    // "started a 3-day visit to Hainan on Monday"): the trip is their union.
    let union = matches!(target.kind, EventType::Visit | EventType::Tour)
        && target.date_source == DateSource::Text
        && m.date_source == DateSource::Text
        && target.date.overlaps(&m.date)
        && (target.date.end.is_some() || m.date.end.is_some());
    if union || widen {
        target.date = span(&target.date, &m.date);
    } else if better_date {
        if target.date_source != DateSource::Text {
            // The sentence that dates the engagement is the better evidence.
            target.also.push((target.start, target.end));
            target.start = m.start;
            target.end = m.end;
            target.sentence = m.sentence;
        }
        target.date = m.date;
        target.date_source = m.date_source;
        target.date_words = m.date_words.clone();
        target.anchor = m.anchor;
    }
    if target.days.is_none() {
        target.days = m.days;
    }
    // "scheduled for Nov. 9", then "will open on Nov. 9": the same day, now known as the first.
    if target.anchor == Anchor::Unknown && m.date == target.date {
        target.anchor = m.anchor;
    }
    for c in &m.parties.countries {
        if !target.parties.countries.contains(c) {
            target.parties.countries.push(c.clone());
        }
    }
    for a in &m.parties.actors {
        if !target.parties.actors.contains(a) {
            target.parties.actors.push(a.clone());
        }
    }
    for pl in &m.parties.places {
        if !target
            .parties
            .places
            .iter()
            .any(|x| crate::extract::participants::same_place(x, pl))
        {
            target.parties.places.push(pl.clone());
        }
    }
    for d in &m.parties.destinations {
        if !target.parties.destinations.contains(d) && Some(d) != target.parties.traveller.as_ref()
        {
            target.parties.destinations.push(d.clone());
        }
    }
    if target.parties.traveller.is_none() {
        target.parties.traveller = m.parties.traveller.clone();
    }
    if target.name.is_none() {
        target.name = m.name.clone();
    }
    if m.sentence != target.sentence && !target.also.contains(&(m.start, m.end)) {
        target.also.push((m.start, m.end));
    }
}

/// "The summit opened on Saturday" and, in another sentence, "the two-day summit": a single
/// day that opens or closes an engagement whose length the text gives elsewhere is one end
/// of its range.
pub(crate) fn spread_over_length(events: &mut [Mention]) {
    for e in events {
        let Some(days) = e.days.filter(|&n| n > 1 && n <= 31) else {
            continue;
        };
        // A range shorter than the length is what the text had seen of it so far ("arrived
        // Tuesday" and still there on the report's day, of "a four-day state visit").
        let by_days = e.date.start.precision() == crate::model::Precision::Day
            && e.date_source != DateSource::Recounted
            && (e.date.last_day() - e.date.first_day()).num_days() < days - 1;
        if !by_days {
            continue;
        }
        let span = chrono::Duration::days(days - 1);
        let (first, last) = match e.anchor {
            Anchor::First => (e.date.first_day(), e.date.first_day() + span),
            Anchor::Last => (e.date.last_day() - span, e.date.last_day()),
            Anchor::Unknown => continue,
        };
        if let Ok(date) = EventDate::new(
            crate::model::PartialDate::day(first),
            Some(crate::model::PartialDate::day(last)),
        ) {
            e.date = date;
            e.date_words = format!("{} (one end of a stay of {days} days)", e.date_words);
        }
    }
}

/// EVENTS.md R3, across sentences: a trip whose stops are dated on their own keeps only
/// the stops it does not date; the one left before the dated ones is a visit from the
/// trip's start to the first dated stop ("visits to Vietnam, Laos ... from Nov. 15 to 26",
/// then "Laos from Nov. 19 to 20": Vietnam from the 15th to the 19th).
fn split_trips_at_dated_stops(events: &mut Vec<Mention>) {
    let mut k = 0;
    while k < events.len() {
        let stops: Vec<(Country, EventDate)> = events
            .iter()
            .filter(|s| is_dated_stop(s, &events[k]))
            .filter(|s| {
                s.parties.traveller.is_none()
                    || events[k].parties.traveller.is_none()
                    || s.parties.traveller == events[k].parties.traveller
            })
            .map(|s| (abroad(s)[0].clone(), s.date))
            .collect();
        if stops.is_empty() {
            k += 1;
            continue;
        }
        let trip = &mut events[k];
        let dated = |c: &Country| stops.iter().any(|(d, _)| d == c);
        let undated: Vec<Country> = abroad(trip)
            .into_iter()
            .filter(|c| !dated(c))
            .cloned()
            .collect();
        if undated.is_empty() {
            events.remove(k);
            continue;
        }
        let first_stop = stops
            .iter()
            .map(|(_, d)| d.start)
            .min_by_key(|d| d.first_day());
        let listed_first = abroad(trip)
            .into_iter()
            .take(undated.len())
            .all(|c| undated.contains(c));
        let traveller = trip.parties.traveller.clone();
        trip.parties.destinations = undated;
        trip.parties
            .countries
            .retain(|c| !dated(c) || Some(c) == traveller.as_ref());
        if let Some(end) =
            first_stop.filter(|d| listed_first && d.first_day() > trip.date.first_day())
        {
            if let Ok(date) = EventDate::new(trip.date.start, Some(end)) {
                trip.date = date;
            }
        }
        k += 1;
    }
}

/// A declaration adopted or agreements signed at a gathering or during a visit, whose
/// sentence names no parties of its own, have the gathering's (EVENTS.md R7): "delegates
/// adopted the Tunis Agenda on the final day of the summit".
pub(crate) fn documents_of_gatherings(events: &mut [Mention]) {
    for k in 0..events.len() {
        if !matches!(events[k].kind, EventType::Statement | EventType::Agreement)
            || events[k].states().len() >= 2
        {
            continue;
        }
        let doc = &events[k];
        let host = events
            .iter()
            .enumerate()
            .find(|(j, g)| {
                *j != k
                    && matches!(
                        g.kind,
                        EventType::Summit | EventType::Visit | EventType::Meeting
                    )
                    && (g.sentence == doc.sentence || g.also.contains(&(doc.start, doc.end)))
                    // ("hosted X on Wednesday ... and on Friday signed an agreement with Y":
                    // a day of its own makes it another occasion.)
                    && (doc.date_source != DateSource::Text || g.date.overlaps(&doc.date))
            })
            .or_else(|| {
                events.iter().enumerate().find(|(j, g)| {
                    *j != k
                        && g.kind == EventType::Summit
                        && doc.date_source == DateSource::Text
                        && g.date.overlaps(&doc.date)
                })
            });
        if let Some((_, g)) = host {
            let countries: Vec<Country> = g.parties.countries.clone();
            let date = g.date;
            let of_summit = g.kind == EventType::Summit;
            let doc = &mut events[k];
            doc.multilateral |= of_summit;
            for c in countries {
                if !doc.parties.countries.contains(&c) {
                    doc.parties.countries.push(c);
                }
            }
            if doc.date_source != DateSource::Text {
                doc.date = date;
            }
        }
    }
}

/// Leaders arriving for a gathering ("15 African leaders arrived in Beijing Thursday,
/// including presidents of Zambia, Ghana and Kenya") come for it: their states join it.
fn fold_arrivals_into_gatherings(events: &mut Vec<Mention>) {
    let mut k = 0;
    while k < events.len() {
        let arrival = &events[k];
        let several = arrival.parties.traveller.is_none()
            && arrival.parties.destinations.len() >= 3
            || arrival.trigger.to_lowercase().starts_with("arriv") && arrival.states().len() >= 4;
        if !matches!(arrival.kind, EventType::Visit | EventType::Tour) || !several {
            k += 1;
            continue;
        }
        let gathering = events.iter().position(|g| {
            g.kind == EventType::Summit
                && (g.date.first_day() - arrival.date.last_day())
                    .num_days()
                    .abs()
                    <= 4
        });
        match gathering {
            Some(g) if g != k => {
                let m = events.remove(k);
                let g = if g > k { g - 1 } else { g };
                let (date, source) = (events[g].date, events[g].date_source);
                merge_into(&mut events[g], m);
                events[g].date = date;
                events[g].date_source = source;
            }
            _ => k += 1,
        }
    }
}

/// Merges, folds and types the mentions of one article into its events.
pub(crate) fn fold(mentions: Vec<Mention>, home: Option<&str>) -> Vec<Mention> {
    let mut events: Vec<Mention> = Vec::new();
    for m in mentions {
        // Reports of one engagement are near each other; looking back a few events keeps a
        // long article linear.
        // Of the candidates, one whose dates overlap: "the two-day summit" in today's report
        // is today's summit, though a summit of 2004 was named since.
        let recent = events.len().saturating_sub(12);
        let candidates: Vec<usize> = (recent..events.len())
            .rev()
            .filter(|&k| same_engagement(&events[k], &m))
            .collect();
        let chosen = candidates
            .iter()
            .copied()
            .find(|&k| events[k].date.overlaps(&m.date))
            .or(candidates.first().copied());
        if let Some(k) = chosen {
            // "Throughout the trip, the President will ..." after the last of several dated
            // stops: the whole journey, not that stop; its states are not the stop's.
            let journey_after_a_stop = family(m.kind) == 0
                && m.definite
                && m.date_source != DateSource::Text
                && events[k].date_source == DateSource::Text
                && (recent..k).any(|j| family(events[j].kind) == 0)
                && !m.states().iter().all(|c| events[k].states().contains(c));
            if !journey_after_a_stop {
                merge_into(&mut events[k], m);
            }
            continue;
        }
        events.push(m);
    }
    events.retain(|e| {
        stands_alone(e)
            || matches!(
                e.kind,
                EventType::Summit
                    | EventType::Meeting
                    | EventType::Statement
                    | EventType::Agreement
            )
    });
    join_forward_references(&mut events);
    split_trips_at_dated_stops(&mut events);
    fold_meetings_into_trips(&mut events);
    fold_arrivals_into_gatherings(&mut events);
    for e in &mut events {
        if matches!(e.kind, EventType::Visit | EventType::Tour) {
            let foreign: Vec<&Country> = e
                .parties
                .destinations
                .iter()
                .filter(|c| c.kind != CountryKind::Region && Some(c.code.as_str()) != home)
                .filter(|c| Some(*c) != e.parties.traveller.as_ref())
                .collect();
            e.kind = if foreign.len() >= 2 {
                EventType::Tour
            } else {
                EventType::Visit
            };
        }
    }
    events
}

/// "his visit will have far-reaching impact ... Hu is scheduled to pay a state visit on Nov.
/// 15": an undated reference that comes before the dated report of the same engagement.
fn join_forward_references(events: &mut Vec<Mention>) {
    let mut k = 0;
    while k < events.len() {
        let m = &events[k];
        if !m.definite || m.date_source == DateSource::Text {
            k += 1;
            continue;
        }
        let target = (k + 1..events.len().min(k + 8)).find(|&j| {
            let e = &events[j];
            family(e.kind) == family(m.kind)
                && e.date_source == DateSource::Text
                && !reported_then_planned(m, e)
                && m.states().iter().all(|c| e.states().contains(c))
        });
        match target {
            Some(j) => {
                let m = events.remove(k);
                let (date, source) = (events[j - 1].date, events[j - 1].date_source);
                merge_into(&mut events[j - 1], m);
                events[j - 1].date = date;
                events[j - 1].date_source = source;
            }
            None => k += 1,
        }
    }
}

/// A gathering the text gives no date, held in a state a dated trip went to and within
/// that trip's days ("traveled to Chisinau on June 7 and 8 ... took part in Moldova's
/// conference on food security"), took place during the trip: it takes the trip's dates
/// (EVENTS.md R9).
pub(crate) fn gatherings_during_trips(events: &mut [Mention]) {
    for k in 0..events.len() {
        let g = &events[k];
        if g.kind != EventType::Summit || g.date_source == DateSource::Text {
            continue;
        }
        let trip = events[..k].iter().rev().find(|t| {
            matches!(t.kind, EventType::Visit | EventType::Tour)
                && t.date_source == DateSource::Text
                // (A readout issued the day after the trip dates what it leaves undated
                // by its own day.)
                && (t.date.overlaps(&g.date)
                    || (0..=2).contains(&(g.date.first_day() - t.date.last_day()).num_days()))
                && g.parties
                    .host
                    .iter()
                    .chain(g.states())
                    .any(|c| t.parties.destinations.contains(c))
        });
        if let Some(date) = trip.map(|t| t.date) {
            events[k].date = date;
            events[k].date_source = DateSource::Text;
        }
    }
}

/// A meeting held during a trip, with the trip's host state, is part of the trip.
fn fold_meetings_into_trips(events: &mut Vec<Mention>) {
    let mut k = 0;
    while k < events.len() {
        if events[k].kind != EventType::Meeting {
            k += 1;
            continue;
        }
        let meeting = &events[k];
        let lo = k.saturating_sub(10);
        let hi = (k + 10).min(events.len());
        let trip = (lo..hi).find(|&t| {
            let t = &events[t];
            // Talks held at home ("In Tokyo, ... during talks with") while a minister
            // leaves for abroad are not part of that minister's trip.
            // Nor are talks the text places in a state the trip does not go to ("held talks
            // with X in Chisinau" beside a tour of Paris and Beirut).
            let held_elsewhere = meeting.parties.host.as_ref().is_some_and(|h| {
                !t.parties.destinations.contains(h)
                    && t.parties
                        .destinations
                        .iter()
                        .any(|d| d.kind != CountryKind::Region)
            });
            matches!(t.kind, EventType::Visit | EventType::Tour)
                && !held_elsewhere
                && (t.date_source == DateSource::Text
                    // "went on to Warsaw for talks with Polish officials": one trip.
                    || t.sentence == meeting.sentence && t.date == meeting.date

                    // "arrived in Nairobi ... meet with President Moi": a trip of the
                    // report's day, and talks there that day.
                    || t.date == meeting.date && t.date.end.is_none())
                && (t.date.contains(&meeting.date)
                    || meeting.date_source != DateSource::Text && t.date.overlaps(&meeting.date)
                    // "travelled the same day to Hanoi for talks with ...": talks the
                    // sentence leaves undated are those of the trip it dates.
                    || meeting.date_source != DateSource::Text
                        && t.date_source == DateSource::Text
                        && t.sentence == meeting.sentence)
                && meeting
                    .states()
                    .iter()
                    .filter(|c| t.states().contains(c))
                    .count()
                    >= meeting.states().len().min(2)
        });
        match trip {
            Some(t) if t != k => {
                let m = events.remove(k);
                let t = if t > k { t - 1 } else { t };
                // The trip keeps its own date, and the words that gave it.
                let date = events[t].date;
                let source = events[t].date_source;
                let words = std::mem::take(&mut events[t].date_words);
                merge_into(&mut events[t], m);
                events[t].date = date;
                events[t].date_source = source;
                events[t].date_words = words;
            }
            _ => k += 1,
        }
    }
}

/// "bilateral talks during the morning" at a Brussels summit, "she visited the NATO
/// headquarters" on the day of her visit to Belgium: an engagement whose only state is where
/// another one that day takes place, with no other side of its own, is part of that one.
/// (After the dateline has placed the events: the host is often only the dateline's.)
pub(crate) fn fold_host_only_events(events: &mut Vec<Mention>) {
    let mut k = 0;
    while k < events.len() {
        let lone = &events[k];
        let states = lone.states();
        let only = match states.as_slice() {
            [only] if matches!(lone.kind, EventType::Meeting | EventType::Visit) => (*only).clone(),
            _ => {
                k += 1;
                continue;
            }
        };
        let target = (0..events.len()).find(|&t| {
            let e = &events[t];
            t != k
                && e.states().len() >= 2
                && e.date.contains(&lone.date)
                && (e.parties.host.as_ref() == Some(&only)
                    || matches!(e.kind, EventType::Visit | EventType::Tour)
                        && e.parties.destinations.contains(&only)
                        && e.parties.traveller.as_ref() != Some(&only))
        });
        match target {
            Some(t) => {
                let mut m = events.remove(k);
                let t = if t > k { t - 1 } else { t };
                // The engagement keeps its own date and evidence.
                m.date = events[t].date;
                m.date_source = events[t].date_source;
                merge_into(&mut events[t], m);
            }
            None => k += 1,
        }
    }
}
