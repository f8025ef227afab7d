//! Who took part in an engagement and where: the states and bodies of the people and
//! countries its clause names (not those of its topic: "talks on the Iraq war"), the
//! traveller and destinations of a trip, and the place ("in Maastricht", "here").
//!
//! In: a sentence, a [`Trigger`] and the article's [`Cast`]. Out: [`Parties`].

use super::cast::Cast;
use super::document::{Doc, Sent};
use super::lexicon as lex;
use super::mentions::{CountryRef, Via};
use super::triggers::Trigger;
use crate::model::country::normalise_key;
use crate::model::{Country, CountryKind, EventType};
use gatherings::gathering;
use people::{home, people_of};

mod gatherings;
mod people;
mod separately;

pub(crate) use separately::separate_meetings;

/// The parties of one engagement.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parties {
    /// States and bodies taking part, plus the state where it takes place.
    pub(crate) countries: Vec<Country>,
    pub(crate) actors: Vec<String>,
    pub(crate) places: Vec<String>,
    /// For trips: the traveller's state, and the states travelled to.
    pub(crate) traveller: Option<Country>,
    pub(crate) destinations: Vec<Country>,
    /// The place's state when the text places the event ("in Rome", "here").
    pub(crate) host: Option<Country>,
    /// The clause's subject holds no office ("the presidential candidate", "an opposition
    /// leader"): no engagement between states (EVENTS.md R1).
    pub(crate) unofficial: bool,
}

impl Parties {
    /// States (not regions or bodies) among the countries.
    pub(crate) fn states(&self) -> impl Iterator<Item = &Country> {
        self.countries
            .iter()
            .filter(|c| c.kind != CountryKind::Region)
    }

    fn add_country(&mut self, c: &Country) {
        if !self.countries.contains(c) {
            self.countries.push(c.clone());
        }
    }

    fn add_actor(&mut self, name: &str) {
        if !self.actors.iter().any(|a| a == name) {
            self.actors.push(name.to_string());
        }
    }

    fn add_place(&mut self, place: &str) {
        if !self.places.iter().any(|p| same_place(p, place)) {
            self.places.push(place.to_string());
        }
    }
}

/// The same place however it is cased or accented ("Bogotá", "BOGOTA").
pub(crate) fn same_place(a: &str, b: &str) -> bool {
    normalise_key(a) == normalise_key(b)
}

fn lower<'s>(s: &'s Sent, k: usize) -> &'s str {
    s.toks.get(k).map_or("", |t| t.lower.as_str())
}

/// The first token after the trigger where the clause turns to the topic of the talks.
fn topic_cut(s: &Sent, trig: &Trigger) -> usize {
    let (_, last) = trig.clause;
    let mut k = trig.last + 1;
    while k <= last {
        let t = &s.toks[k];
        let w = t.lower.as_str();
        if t.word && !t.cap && lex::TOPIC_CUTS.contains(&w) {
            // "on Monday", "over the weekend" date the talks; they do not start a topic.
            let dated = s.times.iter().any(|x| x.first == k + 1 || x.first == k + 2);
            // "on the sidelines of", "on the eve of" place the talks.
            let placing = w == "on"
                && (matches!(lower(s, k + 1), "the" | "a")
                    && matches!(
                        lower(s, k + 2),
                        "sidelines" | "margins" | "eve" | "occasion"
                    )
                    // "met, on separate occasions, with": how, not what about.
                    || matches!(lower(s, k + 1), "separate" | "different" | "several")
                        && lower(s, k + 2) == "occasions");
            if !dated && !placing {
                return k;
            }
        }
        k += 1;
    }
    last + 1
}

/// The states listed right after "between", past the topic cut: "a treaty on friendship
/// between the Republic of A and B".
fn parties_between<'s>(s: &'s Sent, cut: usize, last: usize) -> Vec<&'s CountryRef> {
    let Some(between) =
        (cut..=last.min(s.toks.len().saturating_sub(1))).find(|&k| lower(s, k) == "between")
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut k = between + 1;
    while k <= last && k < s.toks.len() {
        if let Some(c) = s.countries.iter().find(|c| c.first == k && c.is_state()) {
            out.push(c);
            k = c.last + 1;
        } else if matches!(lower(s, k), "the" | "and" | ",") {
            k += 1;
        } else {
            break;
        }
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

/// "at Vietnam's accession to the World Trade Organization", "Bulgaria's entry into the
/// EU": a body that a state joins is what the text is about, not a party to the engagement.
fn joined_body(s: &Sent, c: &CountryRef) -> bool {
    if c.country.kind != CountryKind::Region {
        return false;
    }
    let at = if c.first > 0 && lower(s, c.first - 1) == "the" {
        c.first - 1
    } else {
        c.first
    };
    let before = |n: usize| at.checked_sub(n).map_or("", |k| lower(s, k));
    matches!(before(1), "to" | "into" | "in" | "of")
        && matches!(
            before(2),
            "accession" | "entry" | "admission" | "membership" | "integration"
        )
        || matches!(before(1), "join" | "joining" | "joins" | "rejoin")
}

/// The parties of the engagement a trigger reports.
pub(crate) fn parties_of(doc: &Doc, cast: &Cast, s: &Sent, trig: &Trigger) -> Parties {
    let mut p = Parties::default();
    let (mut first, last) = trig.clause;
    // "met in Lima last June and held talks in Santiago": the places of the predicate
    // before "and" are not this one's, though its subject is.
    let own_first = first;
    let coordinated_predicate = first > 0 && matches!(lower(s, first - 1), "and" | "then");
    let earlier_place = |c: &CountryRef| {
        coordinated_predicate
            && c.last < own_first
            && matches!(c.via, Via::City | Via::Capital)
            && c.first > 0
            && matches!(lower(s, c.first - 1), "in" | "at" | "to" | "from" | "into")
    };
    let cut = topic_cut(s, trig);
    // A clause that opens with "who", "where" or a participle hangs on the sentence's
    // subject: "Kamal, who flew here from Malaysia, ...".
    let relative = first > 0
        && matches!(
            lower(s, first),
            "who" | "where" | "which" | "after" | "before" | "while" | "during"
        );
    // (Not for the second of two coordinated participles: "After touring X and meeting Y,
    // the minister said": their subject comes after them.)
    let coordinated = first > 0
        && matches!(lower(s, first - 1), "and" | "then")
        && s.toks[trig.first].lower.ends_with("ing");
    if first > 0 && !relative && !coordinated && s.toks[..first].iter().all(|t| t.word || t.is(","))
    {
        first = 0;
    }
    // "discussed Ukraine in a phone call": what the parties discussed before the trigger is
    // its topic too.
    let discussed_from = (first..trig.first).rfind(|&k| {
        matches!(
            lower(s, k),
            "discussed" | "discuss" | "discussing" | "discusses"
        )
    });
    let topic_before = |a: usize| discussed_from.is_some_and(|d| a > d && a < trig.first);
    // "He hosted X on Wednesday, held talks with Y": X is the earlier predicate's.
    let earlier_predicate = |a: usize| {
        trig.coordinated_after
            .is_some_and(|p| p <= a && a < own_first)
    };
    let in_scope = |a: usize, b: usize| {
        a >= first && b < cut && b <= last && !topic_before(a) && !earlier_predicate(a)
    };

    let mut people = people_of(doc, cast, s, trig, first, relative, &in_scope);

    // Countries named in scope.
    let mut named: Vec<(usize, Country, Via, Option<String>)> = Vec::new();
    for c in &s.countries {
        // "From Tehran, the prime minister flew to Riyadh": where a trip set out from.
        // So is "From France, the Prime Minister will proceed to ...": a state named so.
        let origin = c.first > 0
            && c.first < trig.first
            && lower(s, c.first - 1) == "from"
            && (matches!(c.via, Via::Capital | Via::City)
                || c.first == 1 && s.toks.get(c.last + 1).is_some_and(|t| t.is(",")));
        if in_scope(c.first, c.last) && !joined_body(s, c) && !origin && !earlier_place(c) {
            named.push((c.first, c.country.clone(), c.via, c.place.clone()));
        }
    }
    // "signed a Treaty on Good Neighbourliness between A and B": past the document's
    // topic, "between" names its parties.
    if trig.kind == EventType::Agreement {
        for c in parties_between(s, cut, last.min(trig.last + 12)) {
            named.push((c.first, c.country.clone(), c.via, c.place.clone()));
        }
    }
    if trig.kind == EventType::Summit && trig.noun {
        for c in gatherings::held_in_after(s, trig) {
            named.push((c.first, c.country.clone(), c.via, c.place.clone()));
        }
        // "..., where the summit opens": the place the clause hangs on.
        if lower(s, own_first) == "where" {
            if let Some(c) = place_where_points_back(s, own_first) {
                named.insert(0, (c.first, c.country.clone(), c.via, c.place.clone()));
            }
        }
    }
    // "Chile's foreign minister, who returned from a visit to Bolivia": a relative clause
    // about an official named by title alone hangs on that official's state.
    if relative && people.is_empty() {
        let head = s.countries.iter().rfind(|c| {
            c.is_state()
                && c.last + 4 >= first
                && c.last < first
                && (c.last + 1..first).any(|j| official_word(lower(s, j)))
        });
        if let Some(c) = head {
            named.insert(0, (c.first, c.country.clone(), c.via, c.place.clone()));
        }
    }
    let here = s
        .here
        .iter()
        .copied()
        .filter(|&k| in_scope(k, k))
        .min_by_key(|&k| (k as i64 - trig.head as i64).abs());

    // Places: cities and capitals the clause puts the event in, and "here".
    for (k, c, via, place) in &named {
        if matches!(via, Via::City | Via::Capital) {
            // "left for Washington", "headed for Paris": where a trip goes.
            // ("left Hanoi for Beijing" goes home, not on a trip.)
            let trip_for = matches!(trig.kind, EventType::Visit | EventType::Tour)
                && *k > 1
                && lower(s, k - 1) == "for"
                && matches!(
                    lower(s, k - 2),
                    "left" | "leave" | "leaves" | "leaving" | "departed" | "headed" | "heads"
                );
            let placed = *k > 0 && matches!(lower(s, k - 1), "in" | "at" | "to" | "into")
                || trip_for
                || set_for(s, *k);
            if let Some(name) = place {
                if placed || *via == Via::City {
                    p.add_place(name);
                    if p.host.is_none() && placed {
                        p.host = Some(c.clone());
                    }
                }
            }
        }
    }
    if let (Some(_), Some(h)) = (here, &doc.here) {
        p.add_place(&h.place);
        p.host = Some(h.country.clone());
    }

    // "The presidential candidate ..., X, arrived": no official, no engagement.
    p.unofficial = (first..trig.first).any(|k| lex::NON_OFFICIALS.contains(&lower(s, k)))
        && !people.iter().any(|(k, ..)| {
            *k < trig.first
                && s.people.iter().any(|x| {
                    x.first == *k
                        && !x.title.is_empty()
                        && !x.title.to_lowercase().contains("candidate")
                })
        })
        || people
            .iter()
            .rfind(|(k, ..)| *k < trig.first)
            .is_some_and(|(_, name, ..)| cast.is_unofficial(name))
        // "the meeting between the boy and his grandmothers": private people on a side.
        || trig.noun
            && lower(s, trig.last + 1) == "between"
            && (trig.last + 2..=last.min(trig.last + 8))
                .take_while(|&k| !matches!(lower(s, k), "at" | "in" | "on" | "," | "over" | "to"))
                .any(|k| lex::NON_OFFICIALS.contains(&lower(s, k)))
        // "who came to Beijing to cover a historical summit": a reporter's trip.
        || matches!(trig.kind, EventType::Visit | EventType::Tour)
            && (trig.last + 1..=last.min(trig.last + 6)).any(|k| {
                lower(s, k) == "to" && matches!(lower(s, k + 1), "cover" | "report")
            });
    // People described as holding no office ("Bartholomew I, spiritual leader of ...") are
    // not parties.
    people.retain(|(_, name, ..)| !cast.is_unofficial(name));
    // A government's readout reports its own officials' calls, meetings and trips, even
    // when the sentence names only "The President".
    // Not when its subject serves an international body: "Varga wrapped up a meeting with
    // Sudanese President Halim" is the UN's meeting, whoever reports it.
    if let Some(h) = home(doc) {
        let body_subject = people
            .iter()
            .find(|(k, ..)| *k < trig.first)
            .is_some_and(|(_, _, c, _)| c.as_ref().is_some_and(|c| c.kind == CountryKind::Region))
            // "The cartel will hold an emergency meeting": a body that is the subject of
            // its own meeting, with no state before the trigger, meets without the
            // reporting government.
            || people.iter().all(|(k, ..)| *k > trig.first)
                && named
                    .iter()
                    .find(|(k, ..)| *k < trig.first)
                    .is_some_and(|(_, c, ..)| c.kind == CountryKind::Region);
        if matches!(trig.kind, EventType::Call | EventType::Meeting) && !body_subject {
            p.add_country(&h);
        }
    }
    match trig.kind {
        EventType::Visit | EventType::Tour => trip(doc, s, trig, &people, &named, here, &mut p),
        EventType::Summit => {
            gathering(s, trig, &people, &named, &mut p);
            for c in gatherings::attendees(s, trig, first, home(doc).as_ref()) {
                p.add_country(&c);
            }
        }
        _ => {
            for (_, name, country, _) in &people {
                p.add_actor(name);
                if let Some(c) = country {
                    p.add_country(c);
                }
            }
            for (_, c, _, _) in &named {
                p.add_country(c);
            }
            if let Some(h) = p.host.clone() {
                p.add_country(&h);
            }
            if trig.kind == EventType::Agreement && p.states().count() == 1 {
                if let Some(c) = signed_with_subject(doc, s, trig) {
                    p.add_country(&c);
                }
            }
        }
    }
    p
}

/// "For Peru, the quarrel ended long ago, after the peace agreement signed with Ecuador":
/// an agreement signed "with" one state was signed by the sentence's subject, else by the
/// state the text speaks for.
fn signed_with_subject(doc: &Doc, s: &Sent, trig: &Trigger) -> Option<Country> {
    let k = trig.last + 1;
    let signed_with = matches!(lower(s, k), "signed" | "concluded") && lower(s, k + 1) == "with";
    if !signed_with {
        return None;
    }
    let subject = s
        .countries
        .iter()
        .find(|c| c.first < trig.clause.0 && c.via == Via::Name && c.is_state())
        .map(|c| c.country.clone());
    subject
        .or_else(|| home(doc))
        .or_else(|| doc.agency_state().cloned())
        .or_else(|| doc.here.as_ref().map(|h| h.country.clone()))
        .filter(|c| s.countries.iter().all(|x| x.first <= k || x.country != *c))
}

/// A trip's traveller (the person or state before the trigger, or whose trip it is) and
/// its destinations (the places after it, or "here").
fn trip(
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

/// The state a "where" at `w` points back to: the place right before it, past a comma or
/// the rest of the place's name ("Mexico City, where": the state is named by "Mexico").
fn place_where_points_back<'s>(s: &'s Sent, w: usize) -> Option<&'s CountryRef> {
    s.countries.iter().rfind(|c| {
        c.is_state()
            && c.via != Via::Demonym
            && c.last < w
            && c.last + 4 >= w
            && (c.last + 1..w).all(|j| s.toks[j].is(",") || s.toks[j].word && s.toks[j].cap)
    })
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
    let clause = super::triggers::clause_of(s, end + 3);
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

/// "a summit set for Washington", "talks scheduled for Geneva": a place a gathering is
/// planned for is where it takes place.
fn set_for(s: &Sent, k: usize) -> bool {
    k > 1
        && lower(s, k - 1) == "for"
        && matches!(
            lower(s, k - 2),
            "set" | "scheduled" | "planned" | "slated" | "due" | "called"
        )
}

/// Words for someone who travels as an official of a state ("China's premier", "a Chinese
/// delegation"; "Russian aircraft" do not).
fn official_word(w: &str) -> bool {
    matches!(
        w,
        "delegation"
            | "delegations"
            | "minister"
            | "ministers"
            | "president"
            | "premier"
            | "leader"
            | "leaders"
            | "officials"
            | "official"
            | "envoy"
            | "envoys"
            | "mission"
            | "team"
            | "government"
            | "king"
            | "queen"
            | "prince"
            | "emir"
            | "chancellor"
            | "secretary"
            | "ambassador"
            | "head"
            | "chief"
            | "side"
            | "parliamentarians"
            | "lawmakers"
            | "speaker"
    )
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
