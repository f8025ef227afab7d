//! Where a text says it was written: the agency dateline's place ("NUSA DUA, Indonesia"), a
//! city alone before a dash ("Rabat - ..."), the place a government's release opens or
//! closes with ("Madrid, Tuesday 28 June 2022", "New Delhi / October 11, 2008") and the
//! agency that signs at the end ("(PNA)").

use super::document::{Here, Sent};
use super::lexicon as lex;
use super::mentions::Via;
use super::places::Places;
use crate::model::Gazetteer;
use std::collections::HashMap;

/// "Rabat - ..." or "Accra: ..." at the start of the body: one to three words in ordinary
/// capitals that name a city large enough to file news from, then a dash between spaces or
/// a colon. The place and the byte span to the dash's end.
pub(super) fn place_and_dash(text: &str, body_start: usize) -> Option<(&str, (usize, usize))> {
    let body = text.get(body_start..)?;
    let line = body.lines().next()?;
    let (head, dash) = [" - ", " \u{2013} ", " \u{2014} ", ": "]
        .iter()
        .filter_map(|d| line.find(d).map(|at| (&line[..at], at + d.len())))
        .min_by_key(|(head, _)| head.len())?;
    let words: Vec<&str> = head.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.is_empty() || words.len() > 3 || !words.iter().all(capitalised) {
        return None;
    }
    let city = Places::get()
        .lookup(head)
        .iter()
        .any(|p| !p.alternate && p.population >= 100_000);
    city.then_some((head, (body_start, body_start + dash)))
}

/// The dateline's place and country.
/// `named`: how often the article names each state, for a town several states have.
pub(super) fn dateline_here(place: &str, named: &HashMap<String, usize>) -> Option<Here> {
    let g = Gazetteer::get();
    // "NUSA DUA, Indonesia": the last part that is a country decides.
    let parts: Vec<&str> = place.split(',').map(str::trim).collect();
    let title_case = |s: &str| -> String {
        s.split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(c) => c
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let city = title_case(parts.first()?);
    for part in parts.iter().rev() {
        // "INDEPENDENCE, Mo.", "ANCHORAGE, Alaska": a U.S. state, not a country's code.
        // ("TBILISI, Georgia" is the country: a state's name that is also a country's
        // needs a U.S. city before it.)
        let also_a_country = g
            .lookup(part)
            .is_some_and(|c| c.name.eq_ignore_ascii_case(part));
        let us_state = parts.len() > 1
            && lex::is_us_state(part)
            && (!also_a_country
                || Places::get()
                    .lookup(&city)
                    .iter()
                    .any(|p| p.country == "US"));
        if let Some(c) = if us_state {
            g.by_code("US").cloned()
        } else {
            g.lookup(part).cloned()
        }
        .filter(|c| c.kind != crate::model::CountryKind::Region)
        {
            let place = if parts.len() > 1 {
                // The table's spelling of the city ("Mar del Plata"), in that country.
                Places::get()
                    .lookup(&city)
                    .iter()
                    .find(|p| p.country == c.code && !p.alternate)
                    .map_or(city, |p| p.name.to_string())
            } else {
                c.name.clone()
            };
            return Some(Here {
                place,
                country: c.clone(),
            });
        }
    }
    let places = Places::get();
    let p = places
        .best_named(&city, named)
        .or_else(|| places.closest(&city).map(|(_, p)| p))?;
    let country = g.by_code(p.country)?.clone();
    // The table's spelling ("Mar del Plata"), unless only an alternate name matched.
    let place = if p.alternate {
        city
    } else {
        p.name.to_string()
    };
    Some(Here { place, country })
}

/// The agency that signs a dispatch at its end rather than in its dateline: "... to meet
/// Prime Minister Shinzo Abe. (PNA)".
pub(super) fn closing_signature(text: &str) -> Option<&str> {
    let inner = text.trim_end().strip_suffix(')')?;
    let (_, name) = inner.rsplit_once('(')?;
    (name.len() <= 24 && !name.contains('\n')).then_some(name)
}

/// The state of a place a text closes with on a line of its own ("New Delhi", then
/// perhaps the date): where a ministry issued it.
pub(super) fn closing_place(sentences: &[Sent]) -> Option<String> {
    let alone = |s: &Sent| {
        let c = s.countries.first()?;
        let words = s.toks.iter().filter(|t| t.word).count();
        let covers = s
            .toks
            .iter()
            .enumerate()
            .all(|(k, t)| !t.word || (c.first <= k && k <= c.last));
        // ("SINGAPORE" alone: a city-state's name is its city's.)
        (words > 0
            && covers
            && matches!(c.via, Via::Capital | Via::City | Via::Name)
            && c.is_state())
        .then(|| c.country.code.clone())
    };
    let dated_only = |s: &Sent| {
        !s.times.is_empty()
            && s.toks
                .iter()
                .enumerate()
                .all(|(k, t)| !t.word || s.times.iter().any(|x| x.first <= k && k <= x.last))
    };
    let mut last = sentences.iter().rev();
    let tail = last.next()?;
    if dated_only(tail) {
        last.next().and_then(alone)
    } else {
        alone(tail).or_else(|| place_then_date(tail).map(|(code, _)| code))
    }
}

/// The state of a place a text opens with on a line of its own with its date ("Madrid,
/// Tuesday 28 June 2022"): where a government issued it. The state's code, and the place as
/// the text writes it.
pub(super) fn opening_place(sentences: &[Sent]) -> Option<(String, Option<String>)> {
    place_then_date(sentences.first()?)
}

/// "Dublin, 22 February 1995", "Madrid, Tuesday 28 June 2022": the place and then only its
/// date on one line; the place's state.
fn place_then_date(s: &Sent) -> Option<(String, Option<String>)> {
    let c = s.countries.first()?;
    let t = s.times.first()?;
    let dated = |k: usize| s.times.iter().any(|x| x.first <= k && k <= x.last);
    let rest_dated = s
        .toks
        .iter()
        .enumerate()
        .all(|(k, tok)| !tok.word || (c.first <= k && k <= c.last) || dated(k));
    (c.first == 0 && t.first > c.last && rest_dated && matches!(c.via, Via::Capital | Via::City))
        .then(|| (c.country.code.clone(), c.place.clone()))
}
