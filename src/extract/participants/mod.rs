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
use trips::trip;

mod gatherings;
mod people;
mod separately;
mod trips;

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

    pub(crate) fn add_country(&mut self, c: &Country) {
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
            // "met the heads of the states that have ties with Moscow, including
            // Kazakhstan's A and Tajikistan's B": the people listed after the topic are the
            // ones met.
            let listed = (k + 1..last).find(|&j| {
                s.toks[j].is(",")
                    && lower(s, j + 1) == "including"
                    && s.people
                        .iter()
                        .any(|p| p.first >= j + 2 && p.first <= j + 4)
            });
            if let Some(j) = listed.filter(|_| !dated && !placing) {
                k = j + 2;
                continue;
            }
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

    // "the Mombasa summit": a gathering named after its town is held there, whatever
    // other towns the sentence names.
    let named_after_town = s.countries.iter().find(|c| {
        trig.kind == EventType::Summit
            && trig.noun
            && c.last + 1 == trig.first
            && matches!(c.via, Via::City | Via::Capital)
    });
    if let Some(town) = named_after_town {
        if let Some(name) = &town.place {
            p.add_place(name);
            p.host = Some(town.country.clone());
        }
    }
    // Places: cities and capitals the clause puts the event in, and "here".
    for (k, c, via, place) in named.iter().filter(|_| named_after_town.is_none()) {
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
        // "met members of the Cabo Verdean community in Lisbon": a leader abroad meeting
        // compatriots, no other state's official.
        || trig.kind == EventType::Meeting
            && !trig.noun
            && (trig.last + 1..=last.min(trig.last + 6))
                .take_while(|&k| !s.people.iter().any(|p| p.first == k))
                // (Lower case: "the East African Community Secretary General" is a body's.)
                .any(|k| matches!(s.toks[k].text, "community" | "diaspora" | "compatriots"))
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
