//! Whose a date is: clues that tie a date expression to the engagement or to something
//! else the sentence tells (a report, another verb, another happening, a phrase of time
//! that opens the sentence).

use super::lower;
use crate::extract::document::{Sent, TimeRef};
use crate::extract::lexicon as lex;
use crate::extract::triggers::Trigger;
use crate::model::EventType;

/// "Just ahead of the minister's trip, the ministry on Sunday issued a warning": an
/// engagement in a phrase of time that opens the sentence is not dated by the main clause
/// after its comma (which tells what happened before or after it).
pub(super) fn fronted_phrase_of_time(s: &Sent, trig: &Trigger, t: &TimeRef) -> bool {
    let opener = (0..trig.first.min(3)).find(|&k| {
        matches!(
            lower(s, k),
            "ahead" | "before" | "after" | "following" | "prior"
        )
    });
    let Some(opener) = opener else { return false };
    if (opener..trig.first).any(|k| lower(s, k) == ",") {
        return false;
    }
    let comma = (trig.last + 1..t.first).find(|&k| lower(s, k) == ",");
    comma.is_some_and(|c| !matches!(lower(s, c + 1), "which" | "who" | "where" | "when"))
}

/// "On Thursday, ...", "Late Tuesday, ...": a date that is the first thing in the sentence,
/// set off by a comma.
pub(super) fn opens_sentence(s: &Sent, t: &TimeRef) -> bool {
    t.first <= 2
        && s.toks[..t.first].iter().all(|x| {
            x.is_quote()
                || matches!(
                    x.lower.as_str(),
                    "on" | "late" | "early" | "earlier" | "later" | "also" | "and" | "but" | "then"
                )
        })
        && lower(s, t.last + 1) == ","
}

/// "The meeting cleared the air clouded by the disaster Friday": a date right after a noun
/// of something else that happened (news style puts a day after its noun) dates that.
pub(super) fn dates_another_happening(s: &Sent, trig: &Trigger, t: &TimeRef) -> bool {
    // "A ceasefire will take effect from midnight on 15 February, Putin said after 16 hours
    // of negotiations": a text's entry into force is no day of the talks that made it.
    let from = t.first.saturating_sub(6);
    let in_force = (from..t.first).any(|k| {
        let w = lower(s, k);
        w == "effect"
            && matches!(
                lower(s, k.saturating_sub(1)),
                "take" | "takes" | "took" | "taking"
            )
            || w == "force" && lower(s, k.saturating_sub(1)) == "into"
    });
    if in_force && !(from..t.first).contains(&trig.first) {
        return true;
    }
    if t.first < 2 || t.first <= trig.last {
        return false;
    }
    let noun = if lower(s, t.first - 1) == "on" {
        t.first - 2
    } else {
        t.first - 1
    };
    noun > trig.last
        && matches!(
            lower(s, noun),
            "disaster"
                | "attack"
                | "attacks"
                | "bombing"
                | "bombings"
                | "blast"
                | "blasts"
                | "explosion"
                | "crash"
                | "sinking"
                | "shooting"
                | "killing"
                | "killings"
                | "massacre"
                | "earthquake"
                | "quake"
                | "storm"
                | "floods"
                | "accident"
                | "collision"
                | "coup"
                | "raid"
                | "riot"
                | "riots"
                | "clashes"
                | "assassination"
                | "arrest"
                | "election"
                | "elections"
                | "referendum"
                | "vote"
                | "ruling"
                | "verdict"
        )
}

/// Another verb nearer the date than the trigger is what the date dates ("relations
/// established in 1964", "departed Washington early Thursday for ... the summit").
pub(super) fn another_verb_dates_it(
    s: &Sent,
    trig: &Trigger,
    t: &TimeRef,
    lo: usize,
    hi: usize,
) -> bool {
    let near_lo = t.first.saturating_sub(4).min(lo + 1);
    let near_hi = (t.last + 4).max(hi).min(s.toks.len());
    for k in near_lo..near_hi {
        if (trig.first..=trig.last).contains(&k) || (t.first..=t.last).contains(&k) {
            continue;
        }
        // "an agreement signed by X and Y on 12 March": the document's own signing.
        if k == trig.last + 1
            && trig.noun
            && matches!(trig.kind, EventType::Agreement | EventType::Statement)
        {
            continue;
        }
        let w = &s.toks[k];
        let lw = w.lower.as_str();
        let past = w.word
            && !w.cap
            && lw.len() > 4
            && lw.ends_with("ed")
            && !matches!(
                lw,
                "scheduled"
                    | "expected"
                    | "planned"
                    | "slated"
                    | "held"
                    | "hosted"
                    | "organised"
                    | "organized"
                    | "based"
                    | "related"
                    | "united"
                    | "proposed"
                    | "called"
                    | "aimed"
                    | "needed"
                    | "invited"
                    | "attended"
                    | "concluded"
                    | "opened"
                    | "started"
                    | "ended"
                    | "closed"
                    | "finished"
                    | "adjourned"
                    | "resumed"
                    | "wrapped"
                    | "kicked"
                    | "launched"
                    | "convened"
                    | "arrived"
            )
            && !lex::REPORTING.contains(&lw);
        let motion = lex::TRAVEL_MOTION.iter().any(|(v, _)| *v == lw)
            || matches!(
                lw,
                "returned" | "returns" | "return" | "returning" | "departure"
            );
        if !(past || motion) {
            continue;
        }
        // "met their partners in a northern port on 14 May, and issued a statement": a date
        // that ends the trigger's conjunct is that conjunct's, not the next verb's.
        if trig.last < t.first
            && k > t.last
            && (t.last + 1..k).any(|j| matches!(lower(s, j), "and" | "but" | "then"))
        {
            continue;
        }
        let to_date = if k < t.first { t.first - k } else { k - t.last };
        let trig_to_date = if trig.first > t.last {
            trig.first - t.last
        } else {
            t.first.saturating_sub(trig.last)
        };
        let between_date_and_trigger =
            (k > t.last && k < trig.first) || (k < t.first && k > trig.last);
        if to_date < trig_to_date && (between_date_and_trigger || to_date <= 3) {
            return true;
        }
    }
    false
}

/// "state visits to Vietnam, Laos, India and Pakistan from Nov. 15 to 26": a date right
/// after the list of places the visits go to is theirs.
pub(super) fn after_destinations(s: &Sent, trig: &Trigger, t: &TimeRef) -> bool {
    t.first > trig.last + 1
        && lower(s, trig.last + 1) == "to"
        && (trig.last + 2..t.first).all(|k| {
            matches!(lower(s, k), "," | "and" | "from" | "on" | "in" | "between")
                || s.countries.iter().any(|c| c.first <= k && k <= c.last)
        })
}
