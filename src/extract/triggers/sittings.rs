//! The sittings of bodies of states that are summits: a numbered session of a council or
//! assembly, a session leaders attend, and a council of states told with where or when it
//! sits.

use super::lower;
use crate::extract::document::Sent;

/// A session numbered by an ordinal ("41st", "Fourth Ordinary") of a body named with
/// capitals after it ("of the Supreme Council", "of the Assembly").
pub(super) fn numbered_session(s: &Sent, k: usize) -> bool {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    let ordinal = |j: usize| {
        let w = lower(s, j);
        ORDINALS.contains(&w)
            || w.starts_with(|c: char| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x))
    };
    let kind = |j: usize| {
        matches!(
            lower(s, j),
            "ordinary" | "extraordinary" | "regular" | "special" | "annual"
        )
    };
    let numbered = k >= 1 && ordinal(k - 1) || k >= 2 && kind(k - 1) && ordinal(k - 2);
    let name = if lower(s, k + 2) == "the" {
        k + 3
    } else {
        k + 2
    };
    let body = (name..name + 4).any(|j| {
        s.toks.get(j).is_some_and(|t| t.cap)
            && matches!(
                lower(s, j),
                "council" | "assembly" | "summit" | "conference" | "committee"
            )
    });
    numbered && body
}

/// "The Andean Council ended its Ninth Session": a council's or assembly's numbered
/// session, told with "its" after the body.
pub(super) fn own_numbered_session(s: &Sent, k: usize) -> bool {
    let Some(its) = (k.saturating_sub(4)..k).rfind(|&j| lower(s, j) == "its") else {
        return false;
    };
    let numbered = s.toks[k].cap && k > 0 && s.toks[k - 1].cap && its + 1 < k;
    let body = (its.saturating_sub(6)..its)
        .any(|j| s.toks[j].cap && matches!(lower(s, j), "council" | "assembly" | "conference"));
    numbered && body
}

/// "leaders of A, B and C attended the session", "an earlier session ... was attended by
/// the President of X": a session leaders attend is a gathering of states.
pub(super) fn attended_by_leaders(s: &Sent, k: usize) -> bool {
    let Some(by) = (k + 1..s.toks.len().min(k + 16)).find(|&j| {
        lower(s, j) == "by" && (j.saturating_sub(5)..j).any(|i| lower(s, i) == "attended")
    }) else {
        return false;
    };
    (by + 1..s.toks.len().min(by + 4)).any(|j| {
        matches!(
            lower(s, j),
            "leaders"
                | "heads"
                | "president"
                | "presidents"
                | "prime"
                | "king"
                | "kings"
                | "emir"
                | "ministers"
                | "minister"
        )
    })
}

/// Councils whose members are states and which sit as their leaders' or ministers'
/// meetings: the European Council, the EU's Foreign or General Affairs Council, NATO's
/// North Atlantic Council; and a body's "Council of Heads of State", "Council of Foreign
/// Ministers" or "Council of Ministers of Foreign Affairs". A national or city council is
/// none of them, nor is a government's "Council of Ministers".
pub(super) fn is_council_of_states(s: &Sent, k: usize) -> bool {
    let of_states = || {
        let of = |j: usize, w: &str| lower(s, j) == w && s.toks.get(j).is_some_and(|t| t.cap);
        lower(s, k + 1) == "of"
            && (of(k + 2, "heads")
                || of(k + 2, "foreign") && of(k + 3, "ministers")
                || of(k + 2, "ministers")
                    && lower(s, k + 3) == "of"
                    && of(k + 4, "foreign")
                    && of(k + 5, "affairs"))
    };
    s.toks[k].cap
        && (k > 0
            && s.toks[k - 1].cap
            && matches!(
                lower(s, k - 1),
                "european"
                    | "affairs"
                    | "atlantic"
                    | "ecofin"
                    | "arctic"
                    | "nordic"
                    | "ministerial"
            )
            || of_states())
}

/// A council of states named among tokens `range` ("a meeting of the European Council",
/// "the Council of Foreign Ministers will meet").
pub(super) fn council_of_states_in(s: &Sent, range: std::ops::Range<usize>) -> bool {
    range
        .take_while(|&j| j < s.toks.len())
        .any(|j| lower(s, j) == "council" && is_council_of_states(s, j))
}

/// "Leaders will gather at the European Council in Dublin on 26 and 27 June", "brief her
/// colleagues at the General Affairs Council in Vienna": a council of states told with where or when it sits is
/// its sitting. "The European Council decided" is the body.
pub(super) fn council_sitting(s: &Sent, k: usize) -> bool {
    if !is_council_of_states(s, k) {
        return false;
    }
    let placed = matches!(lower(s, k + 1), "in" | "at")
        && s.countries
            .iter()
            .any(|c| c.first == k + 2 || c.first == k + 3);
    let dated = s.times.iter().any(|t| t.first > k && t.first <= k + 2);
    placed || dated
}
