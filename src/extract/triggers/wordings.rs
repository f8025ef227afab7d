//! The wordings that report an engagement, in families tried in order: calls (in
//! `call_wordings.rs`), agreements, joint documents, gatherings (the sittings of bodies of
//! states in `sittings.rs`), meetings (verbs, nouns, visitors), trips (verbs, motion, nouns,
//! presence; in `trip_wordings.rs`). Each decides whether the word at a token starts a
//! trigger.

use super::super::document::Sent;
use super::super::lexicon::{self as lex};
use super::call_wordings::calls;
use super::sittings::{
    attended_by_leaders, council_of_states_in, council_sitting, numbered_session,
    own_numbered_session,
};
use super::trip_wordings::{motion, presence, trip_nouns, trip_verbs, visitors};
use super::{lower, name_end, someone_at};
use crate::model::EventType;
use std::ops::ControlFlow::{self, Break, Continue};

/// A trigger's type, its last token, and whether it is a noun.
type Found = (EventType, usize, bool);

/// What one family of wordings says of a word: `Break(Some(_))` an event, `Break(None)`
/// certainly no event (a later family must not take the word), `Continue` not its word.
pub(super) type Decision = ControlFlow<Option<Found>>;

/// The families in the order they are tried: the first to decide wins.
const FAMILIES: &[fn(&Sent, usize) -> Decision] = &[
    calls,
    agreements,
    documents,
    gatherings,
    meeting_verbs,
    meeting_nouns,
    visitors,
    trip_verbs,
    motion,
    trip_nouns,
    presence,
];

pub(super) fn match_at(s: &Sent, k: usize) -> Option<Found> {
    FAMILIES.iter().find_map(|family| match family(s, k) {
        Break(found) => Some(found),
        Continue(()) => None,
    })?
}

/// Agreements: a signing verb with its document, or an agreement noun dated in passing.
fn agreements(s: &Sent, k: usize) -> Decision {
    let toks = &s.toks;
    let w = s.toks[k].lower.as_str();
    // Agreements: a signing verb with an agreement noun after it.
    if lex::SIGN_VERBS.contains(&w) {
        // "signed papers of accession", "signed Sofia's accession document": the
        // instrument by which a state joins a treaty or a body.
        let instrument = |j: usize| {
            matches!(
                lower(s, j),
                "document" | "papers" | "instrument" | "instruments"
            ) && (j.saturating_sub(1)..(j + 3).min(toks.len()))
                .any(|x| matches!(lower(s, x), "accession" | "ratification"))
        };
        // ("after signing with his Peruvian counterpart Alan Garcia the Complementary
        // Protocol": the partner before the document.)
        let reach = if lower(s, k + 1) == "with" { 15 } else { 10 };
        let object = (k + 1..(k + reach).min(toks.len())).find(|&j| {
            lex::AGREEMENT_NOUNS.contains(&lower(s, j)) || lower(s, j) == "mou" || instrument(j)
        });
        // "the Treaty of Friendship, which the two states signed in Rome in 1947": the
        // document before a relative clause whose verb is the signing.
        // ("the border agreement that he and President X signed": with no comma, the
        // document right before the relative word.)
        // (Its verb told as done: not "the agreement that was prepared for signing".)
        // ("the rail treaty that President X and his Kenyan counterpart Y signed": a longer
        // subject of names and titles only.)
        let names_only = |j: usize| {
            (j + 1..k).all(|x| {
                toks[x].cap
                    || matches!(
                        lower(s, x),
                        "and" | "his" | "her" | "their" | "the" | "counterpart" | "counterparts"
                    )
            })
        };
        let relative = w.ends_with("ed")
            && (k.saturating_sub(16)..k)
                .rfind(|&j| matches!(lower(s, j), "which" | "that"))
                .filter(|&j| j > 0 && (j + 9 >= k || names_only(j)))
                .is_some_and(|j| {
                    let reach = if lower(s, j - 1) == "," { 9 } else { 1 };
                    (j.saturating_sub(reach)..j)
                        .any(|x| lex::AGREEMENT_NOUNS.contains(&lower(s, x)))
                });
        if object.is_some() || relative {
            return Break(Some((EventType::Agreement, k, false)));
        }
        // "signed a joint statement".
        if (k + 1..(k + 6).min(toks.len()))
            .any(|j| matches!(lower(s, j), "declaration" | "communique" | "statement"))
        {
            return Break(Some((EventType::Statement, k, false)));
        }
        return Break(None);
    }
    // "put their signatures to the border treaty": signing told as the act of the pen.
    if matches!(w, "put" | "puts" | "putting" | "affixed" | "affixing")
        && matches!(lower(s, k + 1), "his" | "her" | "their" | "its" | "the")
        && matches!(lower(s, k + 2), "signature" | "signatures")
        && matches!(lower(s, k + 3), "on" | "to")
        && (k + 4..(k + 10).min(toks.len())).any(|j| lex::AGREEMENT_NOUNS.contains(&lower(s, j)))
    {
        return Break(Some((EventType::Agreement, k, false)));
    }
    // "handed the instrument of Poland's accession to ...", "exchanged the instruments of
    // ratification": the act that brings a treaty into force for a state.
    if matches!(
        w,
        "deposited" | "depositing" | "handed" | "exchanged" | "delivered"
    ) {
        let instrument = (k + 1..(k + 6).min(toks.len()))
            .find(|&j| matches!(lower(s, j), "instrument" | "instruments"));
        let of_accession = instrument.is_some_and(|j| {
            (j + 1..(j + 5).min(toks.len()))
                .any(|x| matches!(lower(s, x), "accession" | "ratification"))
        });
        if of_accession {
            return Break(Some((EventType::Agreement, k, false)));
        }
    }
    // "reached a historic nuclear deal", "struck an accord": concluded, as signed. (Only
    // a deal or accord named as such: "reached agreement on" a point is part of talks.)
    if matches!(w, "reached" | "struck" | "clinched" | "sealed")
        && (k + 1..(k + 6).min(toks.len()))
            .take_while(|&j| toks[j].word && !matches!(lower(s, j), "on" | "with" | "to"))
            .any(|j| matches!(lower(s, j), "deal" | "accord" | "pact" | "treaty"))
    {
        return Break(Some((EventType::Agreement, k, false)));
    }
    // An agreement noun dated in passing: "the 1984 Joint Declaration agreement", "the
    // agreement signed in 1998", "a pact they signed last year".
    if lex::AGREEMENT_NOUNS.contains(&w)
        && !matches!(w, "documents" | "contracts" | "deal" | "deals")
    {
        // "the 1984 Joint Declaration agreement", "the 1953 armistice agreement": a year
        // that names the agreement.
        let dated_before = s.times.iter().any(|t| {
            t.last < k
                && k - t.last <= 4
                && t.date
                    .is_some_and(|d| d.start.precision() == crate::model::Precision::Year)
                && (t.last + 1..k).all(|j| {
                    toks[j].word && (toks[j].cap || j + 1 == k || toks[j].lower == "armistice")
                })
        });
        let signed_after =
            (k + 1..(k + 4).min(toks.len())).any(|j| lex::SIGN_VERBS.contains(&lower(s, j)));
        if dated_before || signed_after {
            return Break(Some((EventType::Agreement, k, true)));
        }
        return Break(None);
    }
    Continue(())
}

/// "the maritime statement last week, endorsed by nine countries": a text many governments put
/// their names to is a joint one, whoever of them the sentence names.
pub(crate) fn endorsed_by_many(s: &Sent, k: usize) -> bool {
    let toks = &s.toks;
    if !matches!(
        lower(s, k),
        "statement" | "declaration" | "communique" | "communiqué"
    ) {
        return false;
    }
    (k + 1..(k + 7).min(toks.len()))
        .find(|&j| {
            matches!(
                lower(s, j),
                "endorsed" | "signed" | "issued" | "adopted" | "backed"
            ) && lower(s, j + 1) == "by"
        })
        .is_some_and(|j| {
            (j + 2..(j + 5).min(toks.len())).any(|x| {
                matches!(
                    lower(s, x),
                    "countries" | "nations" | "governments" | "states" | "allies" | "partners"
                )
            })
        })
}

/// Joint documents and named declarations.
fn documents(s: &Sent, k: usize) -> Decision {
    let toks = &s.toks;
    let w = s.toks[k].lower.as_str();
    let next = lower(s, k + 1);
    // Joint documents.
    if matches!(w, "joint")
        && matches!(
            next,
            "statement" | "declaration" | "communique" | "communiqué" | "press"
        )
    {
        // "a joint press appearance / conference with X": the two met.
        if next == "press" {
            if matches!(lower(s, k + 2), "appearance" | "conference" | "briefing") {
                return Break(Some((EventType::Meeting, k + 2, true)));
            }
            return Break(None);
        }
        return Break(Some((EventType::Statement, k + 1, true)));
    }
    // "today jointly launched in Belfast 'A New Framework for Agreement'": a document two
    // governments put out together is their joint statement.
    let put_out = (w == "jointly")
        .then(|| {
            (k + 1..(k + 3).min(toks.len())).find(|&j| {
                matches!(
                    lower(s, j),
                    "launched" | "issued" | "released" | "published" | "unveiled" | "presented"
                )
            })
        })
        .flatten();
    if let Some(j) = put_out {
        return Break(Some((EventType::Statement, j, false)));
    }
    if matches!(
        w,
        "adopted"
            | "adopting"
            | "adopt"
            | "issued"
            | "issuing"
            | "passed"
            | "released"
            | "endorsed"
            | "approved"
    ) {
        if let Some(j) = (k + 1..(k + 8).min(toks.len())).find(|&j| {
            matches!(
                lower(s, j),
                "declaration" | "communique" | "communiqué" | "agenda" | "statement"
            ) || lower(s, j) == "plan" && matches!(lower(s, j.saturating_sub(1)), "action")
                || lower(s, j) == "action"
                    && lower(s, j.saturating_sub(1)) == "of"
                    && lower(s, j.saturating_sub(2)) == "plan"
                || lower(s, j) == "conduct" && lower(s, j.saturating_sub(1)) == "of"
        }) {
            // The document noun belongs to this trigger ("issued a joint statement").
            return Break(Some((EventType::Statement, j, false)));
        }
        // "The summit also passed three agreements": what a gathering passes, its states
        // concluded (EVENTS.md R7; a parliament passing a bill is not this).
        let by_gathering = (k.saturating_sub(4)..k).any(|j| {
            matches!(
                lower(s, j),
                "summit" | "conference" | "meeting" | "leaders" | "ministers" | "session"
            )
        });
        let agreements = (k + 1..(k + 5).min(toks.len())).any(|j| {
            lex::AGREEMENT_NOUNS.contains(&lower(s, j))
                && !matches!(lower(s, j), "deal" | "deals" | "contracts" | "documents")
        });
        if by_gathering && agreements && matches!(w, "adopted" | "passed" | "approved") {
            return Break(Some((EventType::Agreement, k, false)));
        }
    }
    // "the forum, which closed on Friday with a code of conduct on fisheries": what a
    // gathering ended with, it adopted.
    if w == "with"
        && (k.saturating_sub(5)..k).any(|j| {
            matches!(
                lower(s, j),
                "concluded" | "ended" | "closed" | "wrapped" | "ends" | "closes" | "concludes"
            )
        })
    {
        if let Some(j) = (k + 1..(k + 10).min(toks.len())).find(|&j| {
            matches!(
                lower(s, j),
                "declaration" | "communique" | "communiqué" | "agenda" | "statement"
            ) || lower(s, j) == "conduct" && lower(s, j - 1) == "of"
                || lower(s, j) == "plan" && lower(s, j - 1) == "action"
        }) {
            return Break(Some((EventType::Statement, j, false)));
        }
    }
    if endorsed_by_many(s, k) {
        return Break(Some((EventType::Statement, k, true)));
    }
    // "the Dhaka Declaration", "the Tunis Agenda" named with a capital.
    if matches!(w, "declaration" | "communique" | "communiqué")
        && toks[k].cap
        && k > 0
        && toks[k - 1].cap
        && toks[k - 1].word
    {
        return Break(Some((EventType::Statement, k, true)));
    }
    // "The summit's final communique called on ...": the document a gathering closes
    // with.
    if matches!(w, "communique" | "communiqué") && k > 0 && lower(s, k - 1) == "final" {
        return Break(Some((EventType::Statement, k, true)));
    }
    Continue(())
}

/// Summits, conferences and named meetings of groups.
fn gatherings(s: &Sent, k: usize) -> Decision {
    let toks = &s.toks;
    let w = s.toks[k].lower.as_str();
    let next = lower(s, k + 1);
    let prev = if k > 0 { lower(s, k - 1) } else { "" };
    // "the 41st session of the Supreme Council of the GCC", "the Fourth Ordinary Session
    // of the Assembly of ...": a numbered session of a body's council or assembly is its
    // summit.
    if matches!(w, "session" | "sessions") && next == "of" && numbered_session(s, k) {
        return Break(Some((EventType::Summit, k, true)));
    }
    if w == "session" && (own_numbered_session(s, k) || attended_by_leaders(s, k)) {
        return Break(Some((EventType::Summit, k, true)));
    }
    if w == "council" && council_sitting(s, k) {
        return Break(Some((EventType::Summit, k, true)));
    }
    // Summits and conferences.
    if lex::SUMMIT_NOUNS.contains(&w) {
        // "a joint press conference with the Pakistani minister": they met.
        // "held the annual summit with Prime Minister X", "a summit meeting between A and
        // B": a bilateral summit is a meeting (EVENTS.md R5).
        let after = if next == "meeting" {
            lower(s, k + 2)
        } else {
            next
        };
        let partner = if next == "meeting" { k + 3 } else { k + 2 };
        if matches!(w, "summit" | "summits")
            && (after == "with" && someone_at(s, partner) || after == "between")
        {
            let last = if next == "meeting" { k + 1 } else { k };
            return Break(Some((EventType::Meeting, last, true)));
        }
        // "at a news conference with US Vice President Gore": the same.
        if matches!(prev, "press" | "news")
            && (k >= 2 && lower(s, k - 2) == "joint" || next == "with" && someone_at(s, k + 2))
        {
            return Break(Some((EventType::Meeting, k, true)));
        }
        // "the Cabinda Forum for Dialogue": an organisation; "Private Enterprise Summit": a
        // business event.
        if toks[k].cap && matches!(next, "for") && w != "summit" {
            return Break(None);
        }
        if toks[k].cap
            && (k.saturating_sub(4)..k).any(|j| {
                matches!(
                    lower(s, j),
                    "enterprise"
                        | "business"
                        | "private"
                        | "investment"
                        | "investors"
                        | "industry"
                        | "ceo"
                        | "media"
                        | "film"
                        | "youth"
                )
            })
        {
            return Break(None);
        }
        // "our next summit in 2008": a summit of no one yet (EVENTS.md R14).
        if (k.saturating_sub(2)..k).any(|j| lower(s, j) == "next")
            && (k.saturating_sub(3)..k).any(|j| matches!(lower(s, j), "our" | "their" | "its"))
        {
            return Break(None);
        }
        if matches!(prev, "press" | "news")
            || matches!(
                next,
                "call"
                    | "room"
                    | "centre"
                    | "center"
                    | "hall"
                    | "secretariat"
                    | "headquarters"
                    | "process"
                    | "venue"
                    | "preparations"
                    | "site"
                    | "organisers"
                    | "organizers"
            )
        {
            return Break(None);
        }
        // A national body's name ("the People's Political Consultative Conference", "the
        // National Assembly") is no gathering of states.
        if matches!(w, "conference" | "assembly" | "forum") && toks[k].cap {
            let name_start = (0..k)
                .rev()
                .take_while(|&j| {
                    toks[j].word
                        && (toks[j].cap || matches!(toks[j].lower.as_str(), "of" | "and" | "the"))
                })
                .last()
                .unwrap_or(k);
            let domestic = (name_start..k).any(|j| {
                matches!(
                    toks[j].lower.as_str(),
                    "people's"
                        | "people"
                        | "national"
                        | "consultative"
                        | "rabbinical"
                        | "church"
                        | "churches"
                        | "synod"
                        | "episcopal"
                        | "party"
                        | "congress"
                        | "parliamentary"
                        | "constitutional"
                )
            });
            // "the Riverside Assembly of Riverside, Ohio": a capitalised assembly of states
            // is a general or world one; others are plants, churches and legislatures.
            let of_states = w != "assembly"
                || (name_start..k).any(|j| matches!(toks[j].lower.as_str(), "general" | "world"))
                || toks.get(k + 1).is_some_and(|t| t.lower == "of")
                    && toks.get(k + 2).is_some_and(|t| t.lower == "heads");
            if domestic || !of_states {
                return Break(None);
            }
        }
        // A conference, forum or assembly counts when it is one of states: named with
        // capitals, ministerial, or of a body.
        if matches!(w, "conference" | "forum" | "assembly") && !toks[k].cap {
            let qualified = (k.saturating_sub(4)..k).any(|j| {
                lex::GATHERING_QUALIFIERS.contains(&lower(s, j))
                    || matches!(
                        lower(s, j),
                        "international" | "donor" | "donors" | "ministerial" | "peace"
                    )
                    || s.countries.iter().any(|c| c.first == j && !c.is_state())
            });
            // "Moldova's conference on energy security, which delegations from 40
            // countries attended": a state's conference of states.
            let hosted_for_states = k > 0
                && toks[k - 1].possessive
                && s.countries.iter().any(|c| c.last + 1 == k && c.is_state())
                && s.toks.iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "countries" | "nations" | "states" | "governments" | "delegations"
                    )
                });
            if !qualified && !hosted_for_states {
                return Break(None);
            }
        }
        return Break(Some((EventType::Summit, name_end(s, k), true)));
    }
    // "the G8 meeting", "EU foreign ministers' meeting", "Economic Leaders' Meeting".
    if matches!(w, "meeting" | "meetings" | "talks" | "session") {
        let before: Vec<&str> = (k.saturating_sub(3)..k).map(|j| lower(s, j)).collect();
        let leaders = before.iter().any(|b| {
            matches!(
                *b,
                "ministers" | "ministers'" | "leaders" | "leaders'" | "ministerial" | "heads"
            )
        }) || (k.saturating_sub(3)..k).any(|j| {
            s.countries.iter().any(|c| {
                c.first == j && !c.is_state() && !matches!(c.country.code.as_str(), "eu" | "un")
            })
        });
        // "a further meeting of the European Council": a sitting of a council of states.
        let of_council = next == "of" && council_of_states_in(s, k + 2..k + 6);
        // "ASEAN economic ministers will take it up at their meeting in Jakarta": a
        // bloc's ministers or leaders meeting as one.
        let bloc_members = prev == "their" && (0..k).any(|j| bloc_officials(s, j));
        if (leaders || of_council || bloc_members) && !before.contains(&"summit") {
            return Break(Some((EventType::Summit, name_end(s, k), true)));
        }
    }
    Continue(())
}

/// "EU foreign ministers", "ASEAN leaders": the plural officials of a body of states, not
/// "the two ministers".
fn bloc_officials(s: &Sent, j: usize) -> bool {
    let from = j.saturating_sub(3);
    matches!(lower(s, j), "ministers" | "leaders")
        && (from..j).any(|i| s.countries.iter().any(|c| c.first == i && !c.is_state()))
        && !(from..j).any(|i| matches!(lower(s, i), "two" | "both"))
}

/// "met", "held talks", "received": meetings told by their verb.
fn meeting_verbs(s: &Sent, k: usize) -> Decision {
    let toks = &s.toks;
    let w = s.toks[k].lower.as_str();
    let next = lower(s, k + 1);
    // An envoy presenting credentials to a head of state meets that head of state.
    if matches!(w, "presented" | "presents" | "present" | "presenting") {
        let mut j = k + 1;
        if matches!(lower(s, j), "his" | "her" | "their" | "the") {
            j += 1;
        }
        if matches!(lower(s, j), "letter" | "letters") && lower(s, j + 1) == "of" {
            j += 2;
        }
        if matches!(lower(s, j), "credentials" | "credence") && lower(s, j + 1) == "to" {
            return Break(Some((EventType::Meeting, k, false)));
        }
    }
    // "Minister X brought together her Chilean and Peruvian counterparts": someone who
    // brings officials together meets them. ("The forum, chaired by X, brought together 40
    // leaders" is the forum's own.)
    if matches!(w, "brought" | "brings" | "bringing")
        && lower(s, k + 1) == "together"
        // ("her Chilean and Peruvian counterparts": the officials may come after a list.)
        && (k + 2..k + 7).any(|j| someone_at(s, j))
        && s.people.iter().any(|p| p.last < k && p.last + 4 >= k)
        && !(0..k).any(|j| lex::is_gathering_noun(lower(s, j)))
    {
        return Break(Some((EventType::Meeting, k + 1, false)));
    }
    // Meetings.
    if lex::MEETING_VERBS.contains(&w) {
        // "received a call/letter", "welcomed the decision", "hosted the summit": only
        // someone received, welcomed or hosted is a meeting.
        if matches!(
            w,
            "received"
                | "receives"
                | "receive"
                | "receiving"
                | "welcome"
                | "welcomed"
                | "welcomes"
                | "welcoming"
                | "hosted"
                | "hosts"
                | "hosting"
                | "host"
        ) {
            let mut j = k + 1;
            // ("will host in London": where, not whom.)
            while w != "host" && matches!(lower(s, j), "here" | "on" | "today" | "yesterday" | "in")
            {
                j += 1;
            }
            // "is to be received by the King", "was welcomed by the President": the one
            // who receives is after "by".
            let passive = k > 0
                && matches!(
                    lower(s, k - 1),
                    "be" | "been" | "being" | "was" | "were" | "is" | "are"
                )
                && lower(s, j) == "by";
            if passive {
                j += 1;
            }
            if !someone_at(s, j) || matches!(lower(s, j), "news" | "word" | "reports") {
                return Break(None);
            }
            // "will host the G7 Leaders' Summit": a gathering hosted, not someone.
            let mut n = j;
            while n < toks.len() && (s.toks[n].cap || matches!(lower(s, n), "the" | "'" | "'s")) {
                n += 1;
            }
            let gathering =
                (j..=n.min(toks.len() - 1)).any(|x| lex::is_gathering_noun(lower(s, x)));
            if gathering {
                return Break(None);
            }
            // "was pleased to welcome X" tells a welcome; "hopes to welcome X", "looks forward
            // to welcome X" only wish one.
            let infinitive = w == "welcome" && k > 0 && lower(s, k - 1) == "to";
            let pleased = k > 1
                && matches!(
                    lower(s, k - 2),
                    "pleased" | "delighted" | "honoured" | "honored" | "happy" | "glad" | "proud"
                );
            if infinitive && !pleased {
                return Break(None);
            }
            // "welcomed Finland and Sweden moving closer", "welcomed Japan's decision": a
            // country welcomed is a decision welcomed; a person welcomed is a meeting.
            // "welcomes Khalid to come for a visit": an invitation.
            if w.starts_with("welcom")
                && (j + 1..(j + 5).min(toks.len())).any(|x| lower(s, x) == "to")
                && (j + 1..(j + 7).min(toks.len()))
                    .any(|x| matches!(lower(s, x), "come" | "visit" | "attend"))
            {
                return Break(None);
            }
            if w.starts_with("welcom")
                && s.countries
                    .iter()
                    .any(|c| c.first == j || c.first == j + 1 && lower(s, j) == "the")
                && !s.people.iter().any(|p| p.first <= j + 1 && j <= p.last)
            {
                return Break(None);
            }
        }
        if matches!(w, "met" | "meet" | "meets")
            && matches!(next, "reporters" | "journalists" | "the")
            && matches!(lower(s, k + 2), "press" | "media" | "")
        {
            return Break(None);
        }
        if w == "talked" && !matches!(next, "with" | "to") {
            return Break(None);
        }
        // "met virtually", "met by video": a call.
        if matches!(next, "virtually" | "online")
            || next == "by" && matches!(lower(s, k + 2), "video" | "videoconference")
        {
            return Break(Some((EventType::Call, k + 1, false)));
        }
        // "The Council of Foreign Ministers will meet in Almaty": a council of states
        // sitting is a summit.
        let council_meets = matches!(w, "met" | "meet" | "meets")
            && council_of_states_in(s, k.saturating_sub(10)..k);
        if council_meets {
            return Break(Some((EventType::Summit, k, false)));
        }
        return Break(Some((EventType::Meeting, k, false)));
    }
    Continue(())
}

/// "the meeting", "talks with": meetings told by a noun.
fn meeting_nouns(s: &Sent, k: usize) -> Decision {
    let toks = &s.toks;
    let w = s.toks[k].lower.as_str();
    let next = lower(s, k + 1);
    let prev = if k > 0 { lower(s, k - 1) } else { "" };
    if lex::MEETING_NOUNS.contains(&w) {
        // "Both meetings prepared the ground for ...": meetings already told.
        if w == "meetings" && matches!(prev, "both" | "these" | "those") {
            return Break(None);
        }
        if matches!(
            prev,
            "press" | "news" | "peace" | "board" | "cabinet" | "party" | "family" | "business"
        ) && w != "talks"
        {
            return Break(None);
        }
        if w == "dinner" || w == "luncheon" || w == "banquet" {
            // A dinner is a meeting when it is a working or state dinner with someone.
            if !matches!(prev, "working" | "state" | "official") {
                return Break(None);
            }
        }
        if w == "dialogue"
            && !(toks[k].cap
                || matches!(
                    prev,
                    "strategic" | "political" | "bilateral" | "security" | "economic"
                ))
        {
            return Break(None);
        }
        if w == "negotiations"
            && matches!(next, "on" | "over")
            && !matches!(prev, "the" | "bilateral" | "direct")
        {
            // "negotiations on the treaty" name a process more often than a meeting.
        }
        if matches!(prev, "virtual" | "video" | "online") {
            return Break(Some((EventType::Call, k, true)));
        }
        // "in favor of comprehensive negotiations", "peace talks": talks in general, with
        // no determiner, no one named with, and no date of their own.
        let determined = (k.saturating_sub(3)..k).any(|j| {
            let t = &toks[j];
            t.possessive
                || matches!(
                    t.lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "this"
                        | "that"
                        | "these"
                        | "held"
                        | "hold"
                        | "holds"
                        | "holding"
                        | "had"
                        | "have"
                        | "conducted"
                        | "began"
                        | "begin"
                        | "started"
                        | "resumed"
                        | "opened"
                        | "during"
                        | "after"
                        | "before"
                        | "at"
                        | "in"
                        | "two"
                        | "three"
                        | "four"
                        | "several"
                )
        });
        let with_someone = (k + 1..(k + 3).min(toks.len()))
            .any(|j| matches!(lower(s, j), "with" | "between" | "among"));
        // "launched negotiations on the trade agreement in March 2002": a dated launch of
        // negotiations is a meeting (EVENTS.md R8), its date a few words on.
        let launched = k > 0
            && matches!(
                lower(s, k - 1),
                "launched" | "launch" | "launches" | "began" | "opened" | "started" | "resumed"
            );
        let dated = s.times.iter().any(|t| {
            t.first > k && t.first <= k + if launched { 10 } else { 4 }
                || t.last + 2 >= k && t.last < k
        });
        if !determined
            && !with_someone
            && !dated
            && matches!(
                w,
                "negotiations" | "talks" | "consultations" | "discussions" | "dialogue"
            )
        {
            return Break(None);
        }
        return Break(Some((EventType::Meeting, k, true)));
    }
    Continue(())
}
