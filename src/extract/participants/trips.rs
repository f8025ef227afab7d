//! Trips: who travels (the person or state before the trigger, or whose trip it is) and
//! where to (the places after it, "here", or the stops a relative clause lists).

use super::people::home;
use super::{lower, official_word, place_where_points_back, Parties};
use crate::extract::document::{Doc, Sent};
use crate::extract::mentions::Via;
use crate::extract::triggers::Trigger;
use crate::model::{Country, CountryKind, EventType};

/// A trip's traveller (the person or state before the trigger, or whose trip it is) and
/// its destinations (the places after it, or "here").
pub(super) fn trip(
    doc: &Doc,
    s: &Sent,
    trig: &Trigger,
    people: &[(usize, String, Option<Country>, bool)],
    named: &[(usize, Country, Via, Option<String>)],
    here: Option<usize>,
    p: &mut Parties,
) {
    traveller(doc, s, trig, people, named, p);
    // "flew here from Laos, where he was on a three-day visit", "bringing her to Berlin,
    // where she began a tour": the place "where" points back to is where the trip was.
    let where_at = trig.relative_where(s);
    let pointed = where_at
        .and_then(|w| place_where_points_back(s, w))
        .map(|c| c.country.clone());
    let here = here.filter(|&h| where_at.is_none_or(|w| pointed.is_none() || h > w));
    if let Some(c) = pointed.filter(|c| Some(c) != p.traveller.as_ref()) {
        p.destinations.push(c);
    }
    // "a four-nation tour, which has already taken him to Vietnam, Laos and India".
    for c in stops_in_relative_clause(s, trig) {
        if Some(&c) != p.traveller.as_ref() && !p.destinations.contains(&c) {
            p.destinations.push(c);
        }
    }
    // Destinations: places after the trigger ("to China", "in Prague", "here"), or a
    // demonym right before a trip noun ("his China visit").
    for (k, c, via, _) in named {
        // "a visit to China's first national corporation": an owner, not the destination.
        let owner = s.toks[*k].possessive
            && s.toks
                .get(k + 1)
                .is_some_and(|t| t.word && !t.cap && t.lower != "capital");
        // "arrived in Rome on Monday, straight from Vienna": where the trip set out from.
        let origin = *k > 0 && lower(s, k - 1) == "from";
        if (*k > trig.last && *via != Via::Demonym && !owner && !origin
            || trig.noun && *k + 3 >= trig.first && *k < trig.first && *via == Via::Name)
            && Some(c) != p.traveller.as_ref()
            && !p.destinations.contains(c)
        {
            p.destinations.push(c.clone());
        }
    }
    if let (Some(_), Some(h)) = (here, &doc.here) {
        if Some(&h.country) != p.traveller.as_ref() && !p.destinations.contains(&h.country) {
            p.destinations.insert(0, h.country.clone());
        }
    }
    // People met there are the hosts.
    for (k, name, country, _) in people {
        if *k > trig.last {
            p.add_actor(name);
            if let Some(c) = country {
                if Some(c) != p.traveller.as_ref()
                    && !p.destinations.contains(c)
                    && c.kind != CountryKind::Region
                {
                    p.destinations.push(c.clone());
                }
            }
        }
    }
    // A trip whose text names no destination is to where the dateline is ("arrived for a
    // two-day visit", reported from the host's capital).
    let motion = !trig.noun
        && !lower(s, trig.first).starts_with("arriv")
        && !lower(s, trig.first).starts_with("visit");
    let elsewhere = goes_elsewhere(s, trig, named);
    if p.destinations.is_empty() && !motion && !elsewhere {
        if let Some(h) = &doc.here {
            if Some(&h.country) != p.traveller.as_ref() {
                p.destinations.push(h.country.clone());
                p.add_place(&h.place);
            }
        }
    }
    if let Some(t) = p.traveller.clone() {
        p.add_country(&t);
    }
    for d in p.destinations.clone() {
        p.add_country(&d);
    }
    if p.destinations.is_empty() {
        // The other states of the clause.
        for (_, c, _, _) in named {
            p.add_country(c);
        }
    }
}

/// The states a relative clause right after a trip names as its stops: "tour, which has
/// already taken him to A and B", "visit, which will take her to C".
fn stops_in_relative_clause(s: &Sent, trig: &Trigger) -> Vec<Country> {
    let end = trig.clause.1;
    let opens = s.toks.get(end + 1).is_some_and(|t| t.is(","))
        && matches!(lower(s, end + 2), "which" | "that")
        && end + 3 < s.toks.len();
    if !opens || !matches!(trig.kind, EventType::Tour | EventType::Visit) {
        return Vec::new();
    }
    let clause = crate::extract::triggers::clause_of(s, end + 3);
    let takes = (clause.0..=clause.1.min(clause.0 + 6)).any(|k| {
        matches!(
            lower(s, k),
            "taken" | "take" | "takes" | "took" | "taking" | "brought" | "bring" | "brings"
        )
    });
    if !takes {
        return Vec::new();
    }
    s.countries
        .iter()
        .filter(|c| c.is_state() && c.first >= clause.0 && c.last <= clause.1)
        .filter(|c| c.via != Via::Demonym)
        .map(|c| c.country.clone())
        .collect()
}

/// The traveller: "X visited", "X's visit", "the visit by X", "visiting X"; else the
/// article's one visiting official, or a state whose officials travel.
fn traveller(
    doc: &Doc,
    s: &Sent,
    trig: &Trigger,
    people: &[(usize, String, Option<Country>, bool)],
    named: &[(usize, Country, Via, Option<String>)],
    p: &mut Parties,
) {
    let by = (trig.last + 1..(trig.last + 4).min(s.toks.len()))
        .find(|&k| lower(s, k) == "by")
        .and_then(|k| people.iter().find(|(pk, ..)| *pk > k && *pk <= k + 6));
    // "X met Y on Monday and flew to Z": a verb coordinated with an earlier one shares its
    // subject, the first person of the sentence, not the person nearest before it.
    let coordinated = !trig.noun
        && trig.first > 0
        && matches!(lower(s, trig.first - 1), "and" | "then" | "later");
    // ("at the invitation of President X": X is the host, not the traveller.)
    let before = if coordinated {
        people
            .iter()
            .find(|(k, ..)| *k < trig.first && !s.invites(*k))
    } else {
        // "fishing quotas came up in her talks with Y during her visit to Berlin": no one visits their
        // own state, so the nearest official from the place the trip goes is its host.
        let goes_to = named
            .iter()
            .find(|(k, ..)| *k > trig.last && lower(s, k - 1) == "to")
            .map(|(_, c, ..)| c);
        let candidates = || {
            people
                .iter()
                .rev()
                .filter(|(k, ..)| *k < trig.first && !s.invites(*k))
        };
        candidates()
            .find(|(_, _, c, _)| goes_to.is_none() || c.as_ref() != goes_to)
            .or_else(|| candidates().next())
    };
    let traveller = by
        .or(before)
        .or_else(|| people.iter().find(|(_, _, _, visiting)| *visiting));
    if let Some((_, name, country, _)) = traveller {
        p.add_actor(name);
        p.traveller = country.clone();
    }
    if p.traveller.is_none() && traveller.is_none() {
        // The article's one "visiting" official ("visiting French Defense Minister X").
        let visitors: Vec<&Country> = doc
            .sentences
            .iter()
            .flat_map(|x| &x.people)
            .filter(|x| x.visiting)
            .filter_map(|x| x.country.as_ref())
            .collect();
        if let Some(first) = visitors.first() {
            if visitors.iter().all(|v| v == first)
                && doc.here.as_ref().is_none_or(|h| h.country != **first)
            {
                p.traveller = Some((*first).clone());
            }
        }
    }
    if p.traveller.is_none() {
        // "China's premier", "a Chinese delegation": a state named before the trigger, when
        // what it qualifies travels as an official ("Russian aircraft" do not).
        // "Egypt's foreign minister ... during his visit": the state of an official word
        // comes before a state the clause only mentions ("discussed Gaza").
        let before_trigger = |(k, c, via, _): &&(usize, Country, Via, Option<String>)| {
            *k < trig.first && c.kind != CountryKind::Region && *via != Via::City
        };
        let of_official = |(k, ..): &&(usize, Country, Via, Option<String>)| {
            (k + 1..(k + 4).min(trig.first)).any(|j| official_word(lower(s, j)))
        };
        // A verb coordinated with an earlier one shares the sentence's subject.
        let state = if coordinated {
            named.iter().filter(before_trigger).find(of_official)
        } else {
            named.iter().filter(before_trigger).rfind(of_official)
        }
        .or_else(|| named.iter().rev().find(before_trigger));
        if let Some((k, c, _, _)) = state {
            let official = (*k + 1..trig.first).any(|j| official_word(lower(s, j))) || trig.noun;
            if official {
                p.traveller = Some(c.clone());
            } else if !trig.noun {
                p.unofficial = true;
            }
        }
    }
    // "Arriving in Maputo on Sunday, where the Mozambican leader met him, the Portuguese
    // President went on to ...": a participle that opens the sentence hangs on the subject
    // of the main clause, an official of a state named after it (not in the "where" clause).
    if p.traveller.is_none() && traveller.is_none() && trig.first == 0 && !trig.noun {
        let opener = lower(s, 0).ends_with("ing");
        let relative = (trig.last + 1..s.toks.len())
            .find(|&k| matches!(lower(s, k), "where" | "who" | "when"))
            .map(|from| {
                let to = (from..s.toks.len())
                    .find(|&k| s.toks[k].is(","))
                    .unwrap_or(s.toks.len());
                from..to
            });
        // (Past the participle's own clause, so among all the sentence names.)
        let subject = s.countries.iter().find(|c| {
            let in_relative = relative.as_ref().is_some_and(|r| r.contains(&c.first));
            let k = c.last;
            let official = official_word(lower(s, k + 1))
                || lower(s, k + 1) == "head" && lower(s, k + 2) == "of";
            c.first > trig.last
                && !in_relative
                && c.via == Via::Demonym
                && c.is_state()
                && official
                && !matches!(
                    lower(s, c.first.saturating_sub(1)),
                    "his" | "her" | "their" | "its"
                )
        });
        if let (true, Some(c)) = (opener, subject) {
            p.traveller = Some(c.country.clone());
        }
    }
    // "The Prime Minister will travel to Japan" in a government's own text: its leader,
    // named by title alone.
    // (A national agency's copy quotes its own leader: "my visit to ..." is theirs.)
    if p.traveller.is_none() && traveller.is_none() && own_leader_before(s, trig) {
        p.traveller = home(doc).or_else(|| doc.agency_state().cloned());
    }
    // "the Head of our state paid a visit to ...": a national agency's own leader.
    if p.traveller.is_none() && traveller.is_none() && our_leader_before(s, trig) {
        p.traveller = home(doc).or_else(|| doc.agency_state().cloned());
    }
    if p.traveller.is_none() && traveller.is_none() && !trig.noun && private_subject(s, trig) {
        p.unofficial = true;
    }
    if vessel_subject(s, trig) {
        p.unofficial = true;
    }
}

/// Whether the trip's clause names its traveller as "the Prime Minister", "the President" or
/// "the Chancellor", capitalised and with no name or state after it, or as "I" or "We": how
/// a government's text names its own leader.
fn own_leader_before(s: &Sent, trig: &Trigger) -> bool {
    (trig.clause.0..trig.first).any(|k| {
        // "I will visit China": a leader's or minister's release in their own voice.
        // So is "my state visit to ...", and "our visit" just before the noun.
        let own_noun = trig.noun && k + 3 >= trig.first && lower(s, k) == "our";
        if matches!(s.toks[k].text, "I" | "We") || lower(s, k) == "my" || own_noun {
            return true;
        }
        if lower(s, k) != "the" {
            return false;
        }
        let mut e = k + 1;
        if lower(s, e) == "prime" {
            e += 1;
        }
        let head = s.toks.get(e).filter(|t| t.cap);
        head.is_some_and(|t| matches!(t.lower.as_str(), "minister" | "president" | "chancellor"))
            && s.toks
                .get(e + 1)
                .is_none_or(|n| !(n.word && n.cap) && n.lower != "of")
    })
}

/// "the Head of our state", "our President": the leader of the state the text speaks for.
fn our_leader_before(s: &Sent, trig: &Trigger) -> bool {
    (trig.clause.0..trig.first).any(|k| {
        let headed = || (k.saturating_sub(3)..k).any(|j| matches!(lower(s, j), "head" | "leader"));
        lower(s, k) == "our"
            && match lower(s, k + 1) {
                "president" | "leader" => true,
                "state" | "country" | "republic" | "nation" => headed(),
                _ => false,
            }
    })
}

/// "The USS Kestrel arrived in Lentia", "a destroyer of the Valdoran navy visited", "warship
/// visits": a port call is a ship's, and a ship is no official (EVENTS.md R1).
fn vessel_subject(s: &Sent, trig: &Trigger) -> bool {
    let vessel = |k: usize| {
        let t = &s.toks[k];
        matches!(
            t.lower.as_str(),
            "ship"
                | "ships"
                | "warship"
                | "warships"
                | "vessel"
                | "vessels"
                | "destroyer"
                | "destroyers"
                | "frigate"
                | "frigates"
                | "fleet"
                | "flotilla"
                | "submarine"
                | "submarines"
                | "cruiser"
                | "tanker"
        ) || t.cap && matches!(t.text, "USS" | "HMS")
    };
    if trig.noun {
        return trig.first > 0 && vessel(trig.first - 1);
    }
    (trig.clause.0..trig.first).any(vessel)
        && !(trig.clause.0..trig.first).any(|k| official_word(lower(s, k)) && !vessel(k))
}

/// "Jan Novak has decided to travel to Prague": a clause whose subject is a full name the
/// article gives no title, office or state is a private person's trip.
fn private_subject(s: &Sent, trig: &Trigger) -> bool {
    let start = trig.clause.0;
    let name_len = (start..trig.first)
        .take_while(|&k| {
            let t = &s.toks[k];
            t.word
                && t.cap
                && !official_word(&t.lower)
                && !s.countries.iter().any(|c| c.first <= k && k <= c.last)
                && !s.people.iter().any(|x| x.first <= k && k <= x.last)
        })
        .count();
    name_len >= 2
        && (start + name_len..trig.first).all(|k| {
            let t = &s.toks[k];
            !t.cap && !s.countries.iter().any(|c| c.first == k)
        })
}

/// "visited the Yasukuni Shrine", "a visit to the flood zone": the trip goes somewhere that
/// is not a state, so the dateline's country is not its destination.
fn goes_elsewhere(
    s: &Sent,
    trig: &Trigger,
    named: &[(usize, Country, Via, Option<String>)],
) -> bool {
    let mut object = trig.last + 1;
    while matches!(
        lower(s, object),
        "to" | "the" | "a" | "an" | "its" | "his" | "her"
    ) {
        object += 1;
    }
    s.toks
        .get(object)
        .is_some_and(|t| t.word && !(t.cap && named.iter().any(|(k, ..)| *k == object)))
        && (lower(s, trig.last + 1) == "to"
            || !trig.noun && !lower(s, trig.first).starts_with("arriv"))
        && !matches!(
            lower(s, object),
            "here" | "on" | "in" | "from" | "at" | "last" | "next" | "this" | "today" | "yesterday"
        )
        && s.times.iter().all(|t| t.first != object)
}
