//! The parties of a gathering: its host, the states of the people in its clause, and the
//! states listed or sent to take part.

use super::{lower, set_for, Parties};
use crate::extract::document::Sent;
use crate::extract::lexicon as lex;
use crate::extract::mentions::{CountryRef, Via};
use crate::extract::triggers::Trigger;
use crate::model::{Country, CountryKind};

/// A gathering's parties: its host (the place after it, "in Hanoi", or in its name: "the
/// Beijing Summit"), the states of the people in its clause, and states listed as taking
/// part; not the places people travel through to reach it.
pub(super) fn gathering(
    s: &Sent,
    trig: &Trigger,
    people: &[(usize, String, Option<Country>, bool)],
    named: &[(usize, Country, Via, Option<String>)],
    p: &mut Parties,
) {
    for (_, name, country, _) in people {
        p.add_actor(name);
        if let Some(c) = country {
            p.add_country(c);
        }
    }
    // The gathering's name: capitalised words around the trigger.
    let mut name_first = trig.first;
    while name_first > 0
        && s.toks[name_first - 1].word
        && (s.toks[name_first - 1].cap
            || s.toks[name_first - 1]
                .lower
                .chars()
                .any(|c| c.is_ascii_digit()))
    {
        name_first -= 1;
    }
    let mut name_last = trig.last;
    // ("the Summit of the Americas", "the 33rd session of the Council of the Arab League".)
    let capitalised_after = |k: usize| {
        s.toks.get(k).is_some_and(|t| t.cap)
            || lower(s, k) == "the" && s.toks.get(k + 1).is_some_and(|t| t.cap)
    };
    while name_last + 2 < s.toks.len()
        && matches!(lower(s, name_last + 1), "of" | "on" | "for")
        && capitalised_after(name_last + 2)
    {
        name_last += 2;
        while name_last + 1 < s.toks.len()
            && s.toks[name_last + 1].word
            && (s.toks[name_last + 1].cap
                || matches!(lower(s, name_last + 1), "and" | "of" | "the"))
        {
            name_last += 1;
        }
    }
    let mut placed_host = false;
    let mut sent: Vec<Country> = Vec::new();
    let named_after = |x: &Country| named.iter().any(|(k, c, ..)| c == x && *k > trig.last);
    for (k, c, via, place) in named {
        let in_name = *k >= name_first && *k <= name_last;
        // ("in Khartoum", "in the Sudanese capital Khartoum".)
        let after_in = |j: usize| matches!(lower(s, j), "in" | "at");
        let placed_after = *k > trig.last
            && *k > 1
            && (after_in(k - 1)
                || lex::qualifies_a_place(lower(s, k - 1)) && after_in(k - 2)
                || set_for(s, *k))
            && *k <= name_last + 12;
        // "the leaders invited Iceland and Denmark to join": asked in, not there.
        let addressed = (trig.last + 1..*k).any(|j| {
            matches!(
                lower(s, j),
                "invited" | "urged" | "asked" | "told" | "warned" | "called"
            )
        });
        let listed = *k > trig.last
            && !addressed
            && (lower(s, k.saturating_sub(1)) == ","
                || lower(s, k.saturating_sub(1)) == "and"
                || lower(s, k.saturating_sub(1)) == "from")
            && *via != Via::City;
        // "Mexico hosted a special summit", "Ghana will host the summit".
        let hosting = *k < trig.first
            && *via != Via::Demonym
            && trig.first - *k <= 6
            && (*k + 1..trig.first).any(|j| {
                matches!(lower(s, j), "hosted" | "hosts" | "host" | "hosting")
                    && !named.iter().any(|(o, ..)| *o > *k && *o < j)
            });
        // "flies to Switzerland for a peace conference": where the trip goes, it is held.
        let travelled_to = *k > 0
            && *k < trig.first
            && *via != Via::Demonym
            && trig.first - *k <= 8
            && lower(s, k - 1) == "to"
            && (*k + 1..trig.first).any(|j| matches!(lower(s, j), "for" | "attend"))
            && !named.iter().any(|(o, ..)| *o > *k && *o < trig.first);
        // "for Riga, where she will attend the summit": the place a
        // relative clause hangs on.
        let where_held = lower(s, trig.clause.0) == "where"
            && super::place_where_points_back(s, trig.clause.0).is_some_and(|c| c.first == *k);
        // "leading Egypt's delegation to the 33rd session": a state sent to it takes part.
        let delegated = *k < trig.first
            && trig.first - *k <= 8
            && (*k + 1..trig.first).any(|j| {
                matches!(lower(s, j), "delegation" | "delegations") && lower(s, j + 1) == "to"
            });
        if delegated {
            sent.push(c.clone());
        }
        if in_name && *via != Via::Demonym || placed_after || hosting || travelled_to || where_held
        {
            p.add_country(c);
            // "convened in Tunis ahead of the summit in Riyadh": the place after the
            // gathering is its own, before any place the clause gave earlier.
            let own_place = placed_after && !placed_host;
            if (p.host.is_none() || own_place) && c.kind != CountryKind::Region {
                if let (true, Some(earlier)) = (own_place, p.host.take()) {
                    p.countries.retain(|x| *x != earlier || named_after(x));
                }
                p.host = Some(c.clone());
                placed_host |= placed_after;
            }
            if let Some(place) = place {
                p.add_place(place);
            }
        } else if in_name
            || listed
            || members_listed(s, named, *k)
            || *via != Via::City && holders_listed_before(s, named, *k, trig.first)
            || *via == Via::Demonym && *k >= name_first.saturating_sub(3)
        {
            p.add_country(c);
        }
    }
    for c in &sent {
        p.add_country(c);
    }
    if let Some(h) = p.host.clone() {
        p.add_country(&h);
    }
}

/// "Turkmenistan, Kazakhstan and Tajikistan held a regional forum": the states that hold a
/// gathering, listed as the subject of the verb right before it.
fn holders_listed_before(
    s: &Sent,
    named: &[(usize, Country, Via, Option<String>)],
    k: usize,
    trigger: usize,
) -> bool {
    if k >= trigger {
        return false;
    }
    let verb = (k + 1..trigger).find(|&j| {
        matches!(
            lower(s, j),
            "held" | "hold" | "holds" | "convened" | "convene" | "attended" | "attend" | "opened"
        )
    });
    let Some(verb) = verb else { return false };
    let list_only = (k + 1..verb).all(|j| {
        named.iter().any(|(n, ..)| *n == j)
            || matches!(lower(s, j), "," | "and" | "the" | "will" | "also")
            || s.toks[j].cap
    });
    let near = trigger - verb <= 5 && (verb + 1..trigger).all(|j| s.toks[j].word);
    list_only && near
}

/// "Leaders of Norway, Sweden and Finland wrapped up a summit": states listed after a
/// word for the members ("leaders of", "ministers of") are its members, before the gathering
/// or after it ("Among the leaders at the summit were the presidents of Peru, Jorge Silva;
/// Chile, Rosa Diaz; ...").
fn members_listed(s: &Sent, named: &[(usize, Country, Via, Option<String>)], k: usize) -> bool {
    let mut j = k;
    while j > 0 {
        j -= 1;
        let w = lower(s, j);
        // ("the Kingdom of Lesotho, the State of Eritrea": the state's own style.)
        let styled = j > 0
            && matches!(
                lower(s, j - 1),
                "kingdom" | "state" | "republic" | "sultanate" | "emirate" | "principality"
            );
        if w == "of" && !styled {
            return j > 0
                && matches!(
                    lower(s, j - 1),
                    "leaders"
                        | "heads"
                        | "ministers"
                        | "presidents"
                        | "delegates"
                        | "representatives"
                        | "officials"
                        | "delegations"
                );
        }
        let a_state = named.iter().any(|(n, ..)| *n == j);
        // ("leaders of the Caribbean Community (CARICOM) and the Dominican Republic".)
        if !(a_state
            || styled
            || matches!(w, "," | ";" | "and" | "the" | "(" | ")")
            || s.toks[j].cap)
        {
            return false;
        }
    }
    false
}

/// "the Pacific Alliance Ministerial Meeting, which was held in Lima, Peru, from ...": where
/// a gathering named by a noun was held, told in the relative clause right after it, past
/// the comma that closes the trigger's own clause.
pub(super) fn held_in_after<'s>(s: &'s Sent, trig: &Trigger) -> Vec<&'s CountryRef> {
    let mut k = trig.last + 1;
    // ("the donors conference on Sudan, held in Oslo": past the gathering's topic; "the
    // meeting of the Council of Heads of State of the Union, which will be held in ...": past
    // its body.)
    if matches!(lower(s, k), "on" | "of" | "for") {
        let topic_end = (k + 1..s.toks.len().min(k + 10))
            .take_while(|&j| s.toks[j].cap || matches!(lower(s, j), "the" | "and" | "of"))
            .last();
        if let Some(end) = topic_end {
            k = end + 1;
        }
    }
    if lower(s, k) != "," {
        return Vec::new();
    }
    k += 1;
    if matches!(lower(s, k), "which" | "that") {
        k += 1;
    }
    let verb: &[&str] = match (lower(s, k), lower(s, k + 1)) {
        ("took" | "takes", _) => &["place"],
        ("was" | "is", _) => &["held"],
        ("will", "take") => &["take", "place"],
        ("will", _) => &["be", "held"],
        ("held", _) => &[],
        _ => return Vec::new(),
    };
    k += 1;
    for w in verb {
        if lower(s, k) != *w {
            return Vec::new();
        }
        k += 1;
    }
    if !matches!(lower(s, k), "in" | "at") {
        return Vec::new();
    }
    // The place and the state after it: "in Lima, Peru".
    let at = k + 1;
    s.countries
        .iter()
        .filter(|c| c.first == at || c.first == at + 2 && lower(s, at + 1) == ",")
        .take(2)
        .collect()
}

/// States the clause makes the gathering's attendees by their own action: a state that is
/// the subject ("Latvia will be represented at the Oslo summit", "Peru and Chile attended
/// the forum"), "we" or "I" in a government's own text, and a state told in the relative
/// clause after it ("the regional forum in Accra, where Norway took part as an observer").
pub(super) fn attendees(
    s: &Sent,
    trig: &Trigger,
    clause_first: usize,
    home: Option<&Country>,
) -> Vec<Country> {
    let mut found = Vec::new();
    let declined = |from: usize, to: usize| {
        (from..to).any(|j| {
            matches!(
                lower(s, j),
                "not"
                    | "never"
                    | "boycott"
                    | "boycotted"
                    | "boycotting"
                    | "skip"
                    | "skipped"
                    | "excluded"
                    | "barred"
                    | "discussed"
                    | "criticised"
                    | "criticized"
                    | "condemned"
                    | "abstained"
                    | "voted"
            )
        })
    };
    // The subject: states listed from the clause's first word, then a verb.
    let mut k = clause_first;
    let mut subjects = Vec::new();
    while k < trig.first {
        if matches!(lower(s, k), "the" | "," | "and") {
            k += 1;
            continue;
        }
        match s.countries.iter().find(|c| c.first == k) {
            Some(c) if c.via == Via::Name && c.is_state() => {
                subjects.push(c.country.clone());
                k = c.last + 1;
            }
            _ => break,
        }
    }
    let verb_follows = s
        .toks
        .get(k)
        .is_some_and(|t| t.word && !t.cap && !matches!(t.lower.as_str(), "'s" | "s"));
    if !subjects.is_empty() && verb_follows && k < trig.first && !declined(k, trig.first) {
        found.extend(subjects);
    }
    // "we" or "I" as the subject, in a text that speaks for its own state.
    let first_person = (clause_first..trig.first).any(|j| matches!(lower(s, j), "we" | "i"))
        && !declined(clause_first, trig.first);
    if let (true, Some(h)) = (first_person, home) {
        found.push(h.clone());
    }
    // ", where Norway took part": the relative clause right after the gathering's place.
    if let Some(w) = (trig.last + 1..s.toks.len().min(trig.last + 10))
        .find(|&j| lower(s, j) == "where" && lower(s, j - 1) == ",")
    {
        if let Some(c) = s
            .countries
            .iter()
            .find(|c| c.first == w + 1 && c.via == Via::Name && c.is_state())
        {
            let verb = c.last + 1;
            let part = matches!(lower(s, verb), "took" | "takes" | "will")
                && (verb..verb + 3).any(|j| lower(s, j) == "part")
                || matches!(
                    lower(s, verb),
                    "participated" | "participates" | "attended" | "was" | "is"
                ) && !declined(verb, verb + 3);
            if part {
                found.push(c.country.clone());
            }
        }
    }
    found
}
