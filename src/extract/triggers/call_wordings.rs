//! Calls: "spoke by telephone", "called", "phone conversation"; and a visitor's call in
//! person ("called on the Prime Minister", "a courtesy call").

use super::super::document::Sent;
use super::super::lexicon::{self as lex};
use super::super::mentions::is_title_head;
use super::wordings::Decision;
use super::{lower, someone_at};
use crate::model::EventType;
use std::ops::ControlFlow::{Break, Continue};

/// "called South Korea a key partner", "called him 'a friend'": the naming sense of
/// "called", whose object is followed by what it is called.
fn names_as(s: &Sent, from: usize) -> bool {
    let after_object = (from..s.toks.len().min(from + 8)).find(|&j| {
        let t = &s.toks[j];
        !(t.word && (t.cap || matches!(t.lower.as_str(), "him" | "her" | "them" | "of")))
    });
    after_object.is_some_and(|j| {
        let t = &s.toks[j];
        t.is_quote() || matches!(t.lower.as_str(), "a" | "an")
    })
}

/// "called African and Chinese business people to play a larger role": called on a public
/// to do something, not on the telephone. (A leader "called President X to congratulate
/// him" names an official, not a public.)
fn urged(s: &Sent, object: usize) -> bool {
    let to = (object..(object + 9).min(s.toks.len())).find(|&k| lower(s, k) == "to");
    to.is_some_and(|to| {
        (object..to).any(|k| {
            matches!(
                lower(s, k),
                "people"
                    | "peoples"
                    | "public"
                    | "citizens"
                    | "business"
                    | "businesses"
                    | "companies"
                    | "firms"
                    | "investors"
                    | "entrepreneurs"
                    | "community"
                    | "communities"
                    | "everyone"
                    | "all"
            )
        })
    })
}

/// Calls: "spoke by telephone", "called", "phone conversation".
pub(super) fn calls(s: &Sent, k: usize) -> Decision {
    let toks = &s.toks;
    let next = lower(s, k + 1);
    let w = lower(s, k);
    // "paid a courtesy call on the King": a call in person.
    if w == "courtesy" && matches!(next, "call" | "calls") {
        return Break(Some((EventType::Meeting, k + 1, true)));
    }
    // "President X called on Prime Minister Y at the palace": a visitor's call in person.
    // Not "called on President Y to release ...": that urges.
    if matches!(w, "called" | "calls" | "calling" | "call") && matches!(next, "on" | "upon") {
        // The one called on: a name or a title, with what leads up to it.
        let after_object = (k + 2..s.toks.len())
            .find(|&j| {
                let t = &s.toks[j];
                !(t.word && t.cap
                    || matches!(
                        t.lower.as_str(),
                        "the" | "his" | "her" | "their" | "of" | "'s"
                    ))
            })
            .unwrap_or(s.toks.len());
        let official = s
            .people
            .iter()
            .any(|p| p.first >= k + 2 && p.last < after_object)
            || (k + 2..after_object).any(|j| is_title_head(lower(s, j)));
        if official && lower(s, after_object) != "to" {
            return Break(Some((EventType::Meeting, k + 1, false)));
        }
    }
    // Calls.
    for phrase in lex::CALL_PHRASES {
        if phrase
            .iter()
            .enumerate()
            .all(|(i, p)| lower(s, k + i) == *p)
        {
            let last = k + phrase.len() - 1;
            match phrase[0] {
                // "called" only with someone right after, and not "called for/on".
                "called" => {
                    if someone_at(s, k + 1)
                        && !matches!(
                            next,
                            "for" | "on" | "it" | "off" | "upon" | "the" | "a" | "an" | "this"
                        )
                        && !s.toks[k + 1].possessive
                        && !names_as(s, k + 1)
                        && !urged(s, k + 1)
                    {
                        return Break(Some((EventType::Call, last, false)));
                    }
                    continue;
                }
                // "spoke with" is a call in a readout; talks in person are met, visited.
                "spoke" | "speaks" => {
                    let in_person = toks.iter().any(|t| {
                        matches!(
                            t.lower.as_str(),
                            "met"
                                | "meeting"
                                | "visit"
                                | "visited"
                                | "sidelines"
                                | "summit"
                                | "person"
                                | "during"
                                | "arrived"
                                | "here"
                        )
                    });
                    // "The Prime Minister spoke to President X this afternoon" (a call, in
                    // British readouts); not "spoke to reporters", "spoke to the nation".
                    let to_official = s.people.iter().any(|p| p.first == k + 2)
                        || matches!(
                            lower(s, k + 2),
                            "president" | "prime" | "chancellor" | "king" | "queen" | "premier"
                        );
                    if in_person || phrase[1] == "to" && !to_official {
                        continue;
                    }
                    return Break(Some((EventType::Call, last, false)));
                }
                "by" | "on" | "over" => {
                    // "spoke by telephone", "talked on the phone": the call is the verb's.
                    return Break(Some((EventType::Call, last, false)));
                }
                _ => return Break(Some((EventType::Call, last, phrase.len() > 1))),
            }
        }
    }
    Continue(())
}
