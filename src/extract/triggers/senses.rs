//! Other senses of the engagement words, in general news: meeting a need ("meeting the
//! needs of victims", "was met with outrage"), a word that only modifies a noun ("tour
//! operators", "conference room"), private gatherings ("the shareholders' meeting") and
//! trips no state makes ("a smuggling trip"). Such a word is no trigger, whatever family of
//! wordings would take it.

use super::super::document::Sent;
use super::super::lexicon as lex;
use super::lower;

/// Whether the word at `k` is used in a sense that reports no engagement.
pub(super) fn other_sense(s: &Sent, k: usize) -> bool {
    meets_a_thing(s, k)
        || meets_no_official(s, k)
        || modifies_a_noun(s, k)
        || private_gathering(s, k)
        || private_trip(s, k)
        || visit_to_a_site(s, k)
        || course_of_talks(s, k)
        || signed_by_a_firm(s, k)
}

/// "The airline, which is the largest in Vietnam, signed the agreement", "Air Chile has
/// signed a deal": a company's contract, no text of states (EVENTS.md R7).
fn signed_by_a_firm(s: &Sent, k: usize) -> bool {
    if !lex::SIGN_VERBS.contains(&s.toks[k].lower.as_str()) {
        return false;
    }
    let mut j = k;
    while j > 0
        && matches!(
            lower(s, j - 1),
            "has" | "have" | "had" | "also" | "recently" | "just" | "already" | "formally"
        )
    {
        j -= 1;
    }
    // Past a relative clause set off by commas.
    if j > 0 && lower(s, j - 1) == "," {
        if let Some(open) = (0..j - 1).rev().find(|&x| lower(s, x) == ",") {
            if matches!(lower(s, open + 1), "which" | "who" | "whose") {
                j = open;
            }
        }
    }
    if j == 0 {
        return false;
    }
    let head = j - 1;
    // ("The airline, which ...": the lexicon's firms and private people.)
    if lex::NON_OFFICIALS.contains(&lower(s, head)) {
        return true;
    }
    let mut start = head;
    while start > 0 && s.toks[start - 1].word && s.toks[start - 1].cap {
        start -= 1;
    }
    let name = &s.toks[start..j];
    // "Fabrikam has inked deals with two air forces": a one-word name opening the sentence
    // that is no state, city, body or person the article knows is a firm's.
    let unknown_name = start == 0
        && name.len() == 1
        && !s
            .countries
            .iter()
            .any(|c| c.first <= head && head <= c.last)
        && !s.people.iter().any(|x| x.first <= head && head <= x.last);
    let firm_like = name[0].word
        && name[0].cap
        && !crate::extract::mentions::common_capitalised(&name[0].lower)
        && !lex::NON_OFFICIALS.contains(&name[0].lower.as_str())
        && !matches!(
            name[0].lower.as_str(),
            "both"
                | "all"
                | "each"
                | "officials"
                | "leaders"
                | "ministers"
                | "delegates"
                | "delegations"
                | "negotiators"
                | "envoys"
                | "diplomats"
                | "representatives"
                | "governments"
                | "sides"
                | "parties"
                | "nations"
                | "countries"
        );
    if unknown_name && firm_like {
        return true;
    }
    name.len() >= 2 && name.iter().all(|t| t.word && t.cap) && {
        name[0].lower == "air"
            || name.iter().any(|t| {
                matches!(
                    t.lower.trim_end_matches('.'),
                    "corp"
                        | "co"
                        | "inc"
                        | "ltd"
                        | "plc"
                        | "ag"
                        | "gmbh"
                        | "airlines"
                        | "airways"
                        | "motors"
                        | "holdings"
                )
            })
    }
}

/// "disputes in the negotiations between A and B", "difficulties in negotiations with the
/// government": talks as a course of affairs that went well or badly, not an occasion.
fn course_of_talks(s: &Sent, k: usize) -> bool {
    if !matches!(
        s.toks[k].lower.as_str(),
        "negotiations" | "talks" | "dialogue"
    ) {
        return false;
    }
    let mut j = k;
    if j > 0 && !s.toks[j - 1].cap && !matches!(lower(s, j - 1), "in" | "the") {
        j -= 1; // "in the trade talks"
    }
    if j > 0 && lower(s, j - 1) == "the" {
        j -= 1;
    }
    j >= 2
        && lower(s, j - 1) == "in"
        && matches!(
            lower(s, j - 2),
            "difficulties"
                | "difficulty"
                | "dispute"
                | "disputes"
                | "deadlock"
                | "impasse"
                | "stalemate"
                | "progress"
                | "breakthrough"
                | "setback"
                | "setbacks"
                | "obstacles"
                | "problems"
                | "delays"
                | "gaps"
                | "differences"
                | "snag"
                | "snags"
                | "hitch"
                | "headway"
        )
}

/// "met with Lazaro's lawyer and a nun": the one met holds no office (EVENTS.md R1), and
/// no official is named after the verb.
fn meets_no_official(s: &Sent, k: usize) -> bool {
    let official_after = s.people.iter().any(|p| p.first > k && !p.title.is_empty());
    if !matches!(s.toks[k].lower.as_str(), "meet" | "meets" | "met") {
        return false;
    }
    let mut j = k + 1;
    if lower(s, j) == "with" {
        j += 1;
    }
    // Past determiners and a possessive name ("his", "the boy's", "Lazaro Gonzalez's").
    while j < s.toks.len()
        && j < k + 6
        && (matches!(
            lower(s, j),
            "the" | "a" | "an" | "his" | "her" | "their" | "two"
        ) || s.toks[j].cap && s.toks[j..].iter().take(3).any(|t| t.possessive)
            || s.toks[j].possessive)
    {
        j += 1;
    }
    let unofficial = s
        .toks
        .get(j)
        .is_some_and(|t| lex::NON_OFFICIALS.contains(&t.lower.as_str()));
    unofficial && !official_after
}

/// Things one meets that are not people: "meet the targets", "meeting the immediate needs".
const THINGS_MET: &[&str] = &[
    "need",
    "needs",
    "demand",
    "demands",
    "criteria",
    "criterion",
    "target",
    "targets",
    "goal",
    "goals",
    "objective",
    "objectives",
    "standard",
    "standards",
    "requirement",
    "requirements",
    "deadline",
    "deadlines",
    "expectation",
    "expectations",
    "condition",
    "conditions",
    "obligation",
    "obligations",
    "commitment",
    "commitments",
    "challenge",
    "challenges",
    "threat",
    "threats",
    "contingency",
    "contingencies",
    "cost",
    "costs",
    "quota",
    "quotas",
    "benchmark",
    "benchmarks",
    "threshold",
    "thresholds",
    "payroll",
    "payments",
    "debts",
    "shortfall",
    "budget",
    "request",
    "requests",
];

/// How something is received: "the decision was met with outrage", "met by protests".
const REACTIONS: &[&str] = &[
    "outrage",
    "criticism",
    "skepticism",
    "scepticism",
    "resistance",
    "opposition",
    "approval",
    "disapproval",
    "indifference",
    "protest",
    "protests",
    "silence",
    "derision",
    "anger",
    "dismay",
    "applause",
    "enthusiasm",
    "success",
    "failure",
    "suspicion",
    "disbelief",
    "hostility",
    "condemnation",
    "praise",
    "acclaim",
    "caution",
    "concern",
    "concerns",
    "alarm",
    "ridicule",
    "cheers",
    "jeers",
    "fury",
    "rejection",
    "scorn",
    "contempt",
    "relief",
    "surprise",
];

/// "meet the targets", "meeting the immediate physical and emotional needs", "was met with
/// outrage": the object, within a few words and before any name, is a thing or a reaction.
fn meets_a_thing(s: &Sent, k: usize) -> bool {
    if !matches!(
        s.toks[k].lower.as_str(),
        "meet" | "meets" | "met" | "meeting"
    ) {
        return false;
    }
    let mut j = k + 1;
    let received = matches!(lower(s, j), "with" | "by");
    if received {
        j += 1;
    }
    // "a variety of contingencies": the quantity's noun is the one met.
    let quantity = |j: usize| QUANTITIES.contains(&lower(s, j)) && lower(s, j + 1) == "of";
    let after_quantity = |j: usize| j > 0 && lower(s, j) == "of" && quantity(j - 1);
    for j in j..(j + 7).min(s.toks.len()) {
        let t = &s.toks[j];
        let named = s.people.iter().any(|p| p.first <= j && j <= p.last)
            || s.countries.iter().any(|c| c.first <= j && j <= c.last);
        if !t.word || t.cap || named || STOPS.contains(&t.lower.as_str()) && !after_quantity(j) {
            return false;
        }
        let w = t.lower.as_str();
        if quantity(j) {
            continue;
        }
        // The noun must head its phrase: "budget officials" are people.
        let head = s
            .toks
            .get(j + 1)
            .is_none_or(|n| !n.word || STOPS.contains(&n.lower.as_str()) || n.lower == "and");
        if head && (THINGS_MET.contains(&w) || received && REACTIONS.contains(&w)) {
            return true;
        }
    }
    false
}

/// Words that count what follows "of": "a variety of contingencies".
const QUANTITIES: &[&str] = &[
    "variety", "range", "number", "host", "series", "all", "some",
];

/// Words that end the object of "meet" before any thing met is found, or that follow one.
const STOPS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "after", "before", "during", "who",
    "which", "that", "as", "since", "while", "when", "but", "or", "set", "this", "next", "last",
    "under", "over",
];

/// "tour operators", "visit visas", "conference room": the word names a kind of thing.
fn modifies_a_noun(s: &Sent, k: usize) -> bool {
    let w = s.toks[k].lower.as_str();
    let next = lower(s, k + 1);
    match w {
        "tour" | "tours" | "trip" | "visit" | "travel" => matches!(
            next,
            "operator"
                | "operators"
                | "guide"
                | "guides"
                | "bus"
                | "buses"
                | "company"
                | "companies"
                | "package"
                | "packages"
                | "agency"
                | "agencies"
                | "agent"
                | "agents"
                | "industry"
                | "firm"
                | "firms"
                | "visa"
                | "visas"
                | "permit"
                | "permits"
        ),
        "meeting" | "conference" | "summit" => matches!(
            next,
            "room" | "rooms" | "hall" | "halls" | "center" | "centre" | "venue" | "facilities"
        ),
        _ => false,
    }
}

/// "the shareholders' meeting", "a town hall meeting", "the Central Conference of American
/// Rabbis": gatherings of no state.
fn private_gathering(s: &Sent, k: usize) -> bool {
    let w = s.toks[k].lower.as_str();
    if !lex::is_gathering_noun(w) {
        return false;
    }
    let of_a_profession = lower(s, k + 1) == "of"
        && (k + 2..s.toks.len().min(k + 5)).any(|j| {
            matches!(
                lower(s, j),
                "rabbis"
                    | "bishops"
                    | "imams"
                    | "churches"
                    | "mayors"
                    | "physicians"
                    | "doctors"
                    | "lawyers"
                    | "jurists"
                    | "editors"
                    | "publishers"
                    | "scientists"
                    | "engineers"
                    | "economists"
                    | "teachers"
                    | "students"
                    | "employers"
                    | "entrepreneurs"
                    | "manufacturers"
                    | "workers"
            )
        });
    if of_a_profession {
        return true;
    }
    (k.saturating_sub(2)..k).any(|j| {
        matches!(
            lower(s, j),
            "shareholders"
                | "shareholder"
                | "stockholders"
                | "stockholder"
                | "creditors"
                | "staff"
                | "faculty"
                | "parish"
                | "church"
                | "club"
                | "fan"
                | "fans"
                // "the multiparty peace talks on the province": a state's parties, at home.
                | "multiparty"
                | "multi-party"
                | "all-party"
                | "cross-party"
                | "interparty"
                | "inter-party"
        )
    }) || k >= 2 && lower(s, k - 1) == "hall" && lower(s, k - 2) == "town"
        || business_forum(s, k)
}

/// "the China-ASEAN Business and Investment Summit", "a business forum": a gathering of
/// firms, however many ministers open it (EVENTS.md: trade fairs are no engagement).
fn business_forum(s: &Sent, k: usize) -> bool {
    // (In the gathering's own name: "unfinished business on Wednesday, meeting" is not.)
    (k.saturating_sub(4)..k).any(|j| {
        matches!(
            lower(s, j),
            "business" | "investment" | "investors" | "ceo" | "ceos" | "industry" | "trade-fair"
        ) && (j + 1..k).all(|x| s.toks[x].word && (s.toks[x].cap || lower(s, x) == "and"))
    }) && !(k.saturating_sub(4)..k).any(|j| {
        matches!(
            lower(s, j),
            "ministers" | "ministerial" | "leaders" | "heads" | "minister"
        )
    })
}

/// "a migrant smuggling trip", "a fishing trip": journeys no official makes as one.
fn private_trip(s: &Sent, k: usize) -> bool {
    // "a warning against travel to Kenya", "travel advisories for Nepal": the public's
    // travel, which governments warn about.
    let warned = matches!(
        s.toks[k].lower.as_str(),
        "travel" | "travelling" | "traveling"
    ) && (k > 0
        && matches!(
            lower(s, k - 1),
            "against" | "nonessential" | "non-essential"
        )
        || matches!(
            lower(s, k + 1),
            "warning" | "warnings" | "advisory" | "advisories" | "ban" | "bans" | "alert"
        ));
    warned
        || matches!(s.toks[k].lower.as_str(), "trip" | "trips" | "journey") && k > 0 && {
            matches!(
                lower(s, k - 1),
                "smuggling"
                    | "fishing"
                    | "shopping"
                    | "hunting"
                    | "camping"
                    | "skiing"
                    | "ski"
                    | "school"
                    | "boat"
                    | "honeymoon"
                    | "sightseeing"
            )
        }
}

/// "the visit to the Yasukuni Shrine", "visits to the Lincoln Memorial": a visit to a site, not
/// to a state, unless the text says where the site is ("to the Umayyad Mosque in Damascus").
fn visit_to_a_site(s: &Sent, k: usize) -> bool {
    if !matches!(
        s.toks[k].lower.as_str(),
        "visit" | "visits" | "visited" | "visiting"
    ) || lower(s, k + 1) != "to"
        || lower(s, k + 2) != "the"
    {
        return false;
    }
    let site = (k + 3..s.toks.len().min(k + 8)).find(|&j| {
        matches!(
            lower(s, j),
            "shrine"
                | "temple"
                | "mosque"
                | "cathedral"
                | "church"
                | "museum"
                | "memorial"
                | "cemetery"
                | "mausoleum"
                | "pagoda"
                | "factory"
                | "plant"
                | "exhibition"
        )
    });
    site.is_some_and(|j| {
        (k + 3..j).all(|i| s.toks[i].cap || s.toks[i].is("-"))
            && !(matches!(lower(s, j + 1), "in" | "at") && s.toks.get(j + 2).is_some_and(|t| t.cap))
    })
}
