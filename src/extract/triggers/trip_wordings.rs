//! Trip wordings and talks with visitors: "received the visiting", "arrived here for",
//! "flew to", "a three-day visit", "is in Hanoi for". Tried after the meeting wordings.

use super::super::document::Sent;
use super::super::lexicon::{self as lex};
use super::lower;
use super::wordings::Decision;
use crate::model::EventType;
use std::ops::ControlFlow::{Break, Continue};

/// Talks with someone who is visiting.
pub(super) fn visitors(s: &Sent, k: usize) -> Decision {
    let w = s.toks[k].lower.as_str();
    // "told visiting Kenyan President X", "assured the visiting minister": talks with a
    // visitor (EVENTS.md R2), the visit itself reported elsewhere or not at all.
    if w == "visiting"
        && (k.saturating_sub(3)..k).any(|j| {
            matches!(
                lower(s, j),
                "told" | "tells" | "assured" | "briefed" | "urged" | "thanked" | "with" | "to"
            )
        })
        && s.people
            .iter()
            .any(|p| p.first == k + 1 || p.first == k + 2)
    {
        let Some(person) = s
            .people
            .iter()
            .find(|p| p.first == k + 1 || p.first == k + 2)
        else {
            return Break(None);
        };
        return Break(Some((EventType::Meeting, person.last, true)));
    }
    Continue(())
}

/// "visited", "toured": trips told by their verb.
pub(super) fn trip_verbs(s: &Sent, k: usize) -> Decision {
    let w = s.toks[k].lower.as_str();
    let prev = if k > 0 { lower(s, k - 1) } else { "" };
    // Trips.
    if lex::VISIT_VERBS.contains(&w) {
        let tour = w.starts_with("tour");
        if matches!(w, "visits" | "tours") && visits_in_general(s, k) {
            return Break(None);
        }
        // "toured the flood damage": a tour of things, not of countries.
        if w.starts_with("arriv") {
            // "arrived in X", "arrived here", "arrived Tuesday for a visit".
            return Break(Some((EventType::Visit, k, false)));
        }
        if w == "visiting"
            && !(matches!(
                prev,
                "is" | "was"
                    | "were"
                    | "are"
                    | "been"
                    | "be"
                    | "while"
                    | "when"
                    | "after"
                    | "before"
            ) || s
                .countries
                .iter()
                .any(|c| c.first == k + 1 && c.via != super::super::mentions::Via::Demonym))
        {
            // "visiting Romanian minister": an adjective; the person is marked as a visitor.
            return Break(None);
        }
        // "a visit", "the tour", "his visits": nouns, which later sentences can point back to.
        let determiner = matches!(
            prev,
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "this"
                | "that"
                | "its"
                | "official"
                | "state"
                | "working"
                | "goodwill"
                | "two-day"
                | "three-day"
        ) || s.times.iter().any(|t| t.last + 1 == k && t.days.is_some());
        if determiner && matches!(w, "visit" | "visits" | "tour" | "tours") {
            let kind = if tour {
                EventType::Tour
            } else {
                EventType::Visit
            };
            return Break(Some((kind, k, true)));
        }
        return Break(Some((
            if tour {
                EventType::Tour
            } else {
                EventType::Visit
            },
            k,
            false,
        )));
    }
    Continue(())
}

/// "called for more visits", "regular exchanges of visits", "high-level French visits":
/// visits in general, not one.
fn visits_in_general(s: &Sent, k: usize) -> bool {
    // The word before, or before the demonym ("high-level French visits").
    let demonym_before = s
        .countries
        .iter()
        .any(|c| c.last + 1 == k && c.via == super::super::mentions::Via::Demonym);
    let before = match (demonym_before, k) {
        (false, k) if k >= 1 => lower(s, k - 1),
        (true, k) if k >= 2 => lower(s, k - 2),
        _ => "",
    };
    matches!(
        before,
        "more"
            | "regular"
            | "frequent"
            | "further"
            | "future"
            | "such"
            | "reciprocal"
            | "mutual"
            | "of"
            | "high-level"
    )
}

/// "flew to", "arrived in": travel with its destination.
pub(super) fn motion(s: &Sent, k: usize) -> Decision {
    let w = s.toks[k].lower.as_str();
    if let Some((_, preps)) = lex::TRAVEL_MOTION.iter().find(|(v, _)| *v == w) {
        let mut j = k + 1;
        loop {
            while matches!(
                lower(s, j),
                "here" | "back" | "on" | "today" | "later" | "early" | "directly" | "straight"
            ) {
                j += 1;
            }
            // "traveled on Saturday to Minsk": the day told between verb and place.
            if let Some(x) = s.times.iter().find(|x| x.first == j) {
                j = x.last + 1;
                continue;
            }
            // "will go on from Brussels to Prague": where the leg sets out from.
            // (Only a leg that goes "on": "the aircraft can fly from New York to Singapore"
            // is no one's trip.)
            let onward_from = (lower(s, j) == "from" && j > 0 && lower(s, j - 1) == "on")
                .then(|| s.countries.iter().find(|c| c.first == j + 1))
                .flatten();
            // "leaves Santiago on Friday for Lima": the place left, as the verb's object.
            let place_left = (j == k + 1 && preps.contains(&"for"))
                .then(|| {
                    s.countries
                        .iter()
                        .find(|c| c.first == j && c.via != super::super::mentions::Via::Demonym)
                })
                .flatten();
            let origin = onward_from.or(place_left);
            match origin {
                Some(c) => j = c.last + 1,
                None => break,
            }
        }
        if preps.contains(&lower(s, j)) {
            // The destination must be a place.
            // ... right after the preposition ("to Hanoi", "for the Philippines"), not
            // the object of another verb ("continue to urge Malaysia").
            let mut start = j + 1;
            while lex::qualifies_a_place(lower(s, start))
                || matches!(lower(s, start), "rebel-held" | "war-torn" | "nearby")
            {
                start += 1;
            }
            let place = s
                .countries
                .iter()
                .any(|c| c.first == start && c.via != super::super::mentions::Via::Demonym);
            if place {
                return Break(Some((EventType::Visit, j, false)));
            }
        }
        return Break(None);
    }
    Continue(())
}

/// "his visit to", "a tour of": trips told by a noun.
pub(super) fn trip_nouns(s: &Sent, k: usize) -> Decision {
    let w = s.toks[k].lower.as_str();
    let prev = if k > 0 { lower(s, k - 1) } else { "" };
    // "when he carries out his mission to Bangkok", "a fact-finding mission to Quito": an
    // envoy's trip ("the UN mission to Haiti", a standing body, is none).
    if w == "mission"
        && lower(s, k + 1) == "to"
        && matches!(
            prev,
            "his" | "her" | "their" | "fact-finding" | "goodwill" | "diplomatic"
        )
        && s.countries
            .iter()
            .any(|c| c.first == k + 2 && c.via != super::super::mentions::Via::Demonym)
    {
        return Break(Some((EventType::Visit, k, true)));
    }
    if lex::VISIT_NOUNS.contains(&w) {
        // "the dangerous journey" of migrants is no official trip.
        if w == "journey"
            && !matches!(
                prev,
                "his" | "her" | "their" | "my" | "our" | "official" | "the"
            )
        {
            return Break(None);
        }
        if matches!(w, "visits" | "trips") && visits_in_general(s, k) {
            return Break(None);
        }
        if matches!(w, "stay" | "leg")
            && !matches!(
                prev,
                "his" | "her" | "their" | "the" | "last" | "first" | "second" | "final"
            )
        {
            return Break(None);
        }
        if w == "trip" && matches!(prev, "field" | "road" | "business") {
            return Break(None);
        }
        return Break(Some((
            if w == "tour" {
                EventType::Tour
            } else {
                EventType::Visit
            },
            k,
            true,
        )));
    }
    Continue(())
}

/// "is in Brussels", "is due in Hanoi": presence somewhere, reported or expected.
pub(super) fn presence(s: &Sent, k: usize) -> Decision {
    let w = s.toks[k].lower.as_str();
    // "is in Brussels", "will be in Tokyo", "is due in Hanoi", "was expected in Lima".
    if matches!(
        w,
        "is" | "was" | "be" | "are" | "were" | "due" | "expected" | "arrives" | "now"
    ) {
        let mut j = k + 1;
        while matches!(
            lower(s, j),
            "now"
                | "currently"
                | "still"
                | "already"
                | "due"
                | "expected"
                | "also"
                | "to"
                | "arrive"
                | "be"
        ) {
            j += 1;
        }
        if lower(s, j) == "in"
            && s.countries
                .iter()
                .any(|c| c.first == j + 1 && c.via != super::super::mentions::Via::Demonym)
        {
            // Someone must be the subject: a person right before ("The President will be
            // in X": past a modal).
            let modal = k > 1 && matches!(lower(s, k - 1), "will" | "would" | "shall");
            let k = if modal { k - 1 } else { k };
            // ("..., Secretary of Defense of the United States, who was in Bangkok
            // yesterday": the relative clause's person.)
            let subject = s.people.iter().any(|p| p.last + 1 == k || p.last + 2 == k)
                || (k > 0 && s.toks[k - 1].cap && s.toks[k - 1].word)
                || k > 0 && lower(s, k - 1) == "who" && j == k + 1 && !s.people.is_empty();
            if subject || matches!(w, "due" | "expected") {
                return Break(Some((EventType::Visit, j, false)));
            }
        }
    }
    Continue(())
}
