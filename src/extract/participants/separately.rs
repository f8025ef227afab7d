//! One meeting (or call) per counterpart when the text says the talks were held
//! "separately" or "on separate occasions" (EVENTS.md R13).

use super::Parties;
use crate::extract::cast::Cast;
use crate::extract::document::Sent;
use crate::extract::triggers::Trigger;
use crate::model::{Country, CountryKind, EventType};

/// "met, on separate occasions, with the presidents of Congo, Uganda and Ghana", "met
/// separately with": one meeting per counterpart state (EVENTS.md R13), each with the side
/// named before the verb. Otherwise the parties as they are.
pub(crate) fn separate_meetings(
    s: &Sent,
    cast: &Cast,
    t: &Trigger,
    parties: Parties,
) -> Vec<Parties> {
    let (first, last) = t.clause;
    let words = |k: usize| s.toks.get(k).map_or("", |x| x.lower.as_str());
    // ("spoke separately by telephone with X and Y": calls, one per counterpart, too.)
    let separately = matches!(t.kind, EventType::Meeting | EventType::Call)
        && (first..=last).any(|k| {
            words(k) == "separately"
                || words(k) == "separate"
                    && matches!(words(k + 1), "occasions" | "meetings" | "talks")
        });
    if !separately {
        return vec![parties];
    }
    // States by where the clause names them: a person's (titled, or known from earlier by
    // name alone: "Lima received Diaz and Silva separately") or a country's own.
    let people: Vec<(usize, Country)> = s
        .people
        .iter()
        .filter_map(|p| Some((p.first, p.country.clone()?)))
        .chain(
            cast.bare(s)
                .into_iter()
                .filter_map(|(k, e)| Some((k, e.1.clone()?))),
        )
        .collect();
    let mut named: Vec<(usize, Country)> = people
        .iter()
        .cloned()
        .chain(
            s.countries
                .iter()
                .filter(|c| c.is_state())
                .map(|c| (c.first, c.country.clone())),
        )
        .filter(|(k, c)| {
            *k <= last && c.kind != CountryKind::Region && parties.countries.contains(c)
        })
        .collect();
    named.sort_by_key(|(k, _)| *k);
    // The side before the verb: named there, or known from earlier sentences ("Hu met").
    let before = named.iter().find(|(k, _)| *k < t.first).map(|(_, c)| c);
    let mut counterparts: Vec<Country> = Vec::new();
    // People met, when the clause names them, are the counterparts: "held separate talks
    // with X and Y, ahead of negotiations hosted by Egypt" (the host is not one).
    let met_people = people.iter().filter(|(k, _)| *k > t.last && *k <= last);
    for (_, c) in met_people {
        if Some(c) != before && parties.countries.contains(c) && !counterparts.contains(c) {
            counterparts.push(c.clone());
        }
    }
    if counterparts.len() < 2 {
        counterparts.clear();
        for (k, c) in &named {
            if *k > t.last && Some(c) != before && !counterparts.contains(c) {
                counterparts.push(c.clone());
            }
        }
    }
    let subject = before.cloned().or_else(|| {
        parties
            .states()
            .find(|c| !counterparts.contains(c))
            .cloned()
    });
    let Some(subject) = subject else {
        return vec![parties];
    };
    if counterparts.len() < 2 {
        return vec![parties];
    }
    let actor_state = |name: &str| {
        s.people
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.country.clone())
            .or_else(|| cast.find(name).and_then(|e| e.1.clone()))
    };
    counterparts
        .into_iter()
        .map(|other| {
            let mut one = parties.clone();
            one.countries
                .retain(|c| *c == subject || *c == other || c.kind == CountryKind::Region);
            one.actors
                .retain(|a| actor_state(a).is_none_or(|c| c == subject || c == other));
            one
        })
        .collect()
}
