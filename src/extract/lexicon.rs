//! Word lists of engagement extraction: what names an engagement (verbs and nouns by event
//! type), what makes one unreal (negation, hypotheticals), what reports rather than acts,
//! and what only names a topic. General English news wording only: no names of people or
//! places.
//!
//! Lists are lower case; multiword entries are matched token by token.

use crate::model::EventType;

/// Words that name a trip, as a verb (`visited`) or a noun (`visit`). Verbs that need a
/// preposition to mean travel ("flew to", "left for") are in [`TRAVEL_MOTION`].
pub(crate) const VISIT_VERBS: &[&str] = &[
    "visit", "visits", "visited", "arrive", "arrives", "arrived", "arriving", "tour", "tours",
    "toured", "touring",
];

/// Motion verbs that make a trip when a destination follows ("flew to Hanoi", "left for
/// Lima", "heads to Seoul").
pub(crate) const TRAVEL_MOTION: &[(&str, &[&str])] = &[
    ("flew", &["to", "into", "in"]),
    ("fly", &["to", "into", "in"]),
    ("flies", &["to", "into", "in"]),
    ("flying", &["to", "into", "in"]),
    ("travelled", &["to"]),
    ("traveled", &["to"]),
    ("travel", &["to"]),
    ("travels", &["to"]),
    ("travelling", &["to"]),
    ("traveling", &["to"]),
    ("left", &["for"]),
    ("leave", &["for"]),
    ("leaves", &["for"]),
    ("leaving", &["for"]),
    ("departed", &["for"]),
    ("departs", &["for"]),
    ("headed", &["to", "for"]),
    ("heads", &["to", "for"]),
    ("head", &["to", "for"]),
    ("heading", &["to", "for"]),
    ("landed", &["in"]),
    ("lands", &["in"]),
    ("went", &["to"]),
    ("goes", &["to"]),
    ("came", &["to"]),
    ("comes", &["to"]),
    ("proceed", &["to"]),
    ("proceeding", &["to"]),
    ("continue", &["to"]),
    ("stopped", &["in", "over"]),
];

/// Nouns that name a trip.
pub(crate) const VISIT_NOUNS: &[&str] = &[
    "visit", "visits", "trip", "trips", "tour", "journey", "stopover", "stay", "leg",
];

/// Verbs of meeting someone.
pub(crate) const MEETING_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "received",
    "receives",
    "receive",
    "receiving",
    "hosted",
    "hosts",
    "hosting",
    "welcomed",
    "welcomes",
    "welcoming",
    "conferred",
    "co-chaired",
    "huddled",
    "talked",
    "dined",
];

/// Nouns that name a meeting or a round of talks.
pub(crate) const MEETING_NOUNS: &[&str] = &[
    "talks",
    "meeting",
    "meetings",
    "consultations",
    "dialogue",
    "dialogues",
    "negotiations",
    "audience",
    "dinner",
    "luncheon",
    "banquet",
    "discussions",
    "tete-a-tete",
];

/// Nouns that name a multilateral gathering.
pub(crate) const SUMMIT_NOUNS: &[&str] = &[
    "summit",
    "summits",
    "conference",
    "ministerial",
    "forum",
    "assembly",
];

/// Calls: whole phrases, since "called" and "spoke" alone are not calls.
pub(crate) const CALL_PHRASES: &[&[&str]] = &[
    &["telephoned"],
    &["phoned"],
    &["telephone", "call"],
    &["telephone", "calls"],
    &["phone", "call"],
    &["phone", "calls"],
    &["telephone", "conversation"],
    &["phone", "conversation"],
    &["telephone", "talks"],
    &["phone", "talks"],
    &["video", "call"],
    &["video", "conference"],
    &["videoconference"],
    &["by", "telephone"],
    &["by", "phone"],
    &["on", "the", "phone"],
    &["over", "the", "phone"],
    &["spoke", "today", "with"],
    &["spoke", "with"],
    &["spoke", "by"],
    &["speaks", "with"],
    &["called"],
];

/// Documents two governments adopt together.
pub(crate) const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "agenda",
    "plan",
    "conduct",
];

/// Verbs that conclude an agreement.
pub(crate) const SIGN_VERBS: &[&str] = &[
    "signed",
    "sign",
    "signs",
    "signing",
    "inked",
    "ink",
    "concluded",
];

/// Nouns of agreements.
pub(crate) const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "pact",
    "pacts",
    "treaty",
    "treaties",
    "memorandum",
    "memoranda",
    "mou",
    "mous",
    "deal",
    "deals",
    "protocol",
    "protocols",
    "convention",
    "armistice",
    "documents",
    "contracts",
];

/// Verbs that report speech. A date right after one dates the report, not the engagement
/// ("said on Friday").
pub(crate) const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "reported",
    "reports",
    "stated",
    "added",
    "adding",
    "noted",
    "stressed",
    "confirmed",
    "disclosed",
    "revealed",
    "quoted",
    "urged",
    "warned",
    "declared",
    "indicated",
    "according",
    "insisted",
    "explained",
    "argued",
    "claimed",
    "denied",
    "commented",
    "remarked",
    "underlined",
    "emphasized",
    "emphasised",
    "pledged",
    "vowed",
    "called",
    "expressed",
    "hailed",
    "praised",
    "welcomed",
    "agreed",
    "voiced",
    "wrote",
    "write",
];

/// Words that deny an engagement in its clause.
pub(crate) const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "refused",
    "refuses",
    "declined",
    "cancelled",
    "canceled",
    "cancel",
    "canceling",
    "cancelling",
    "postponed",
    "postpone",
    "postponing",
    "scrapped",
    "shelved",
    "snubbed",
    "boycott",
    "boycotted",
    "boycotting",
    "without",
    "instead",
    "barred",
    "banned",
    "rejected",
];

/// Words that make an engagement possible rather than real: it counts only when a date
/// says it is scheduled.
pub(crate) const HYPOTHETICAL: &[&str] = &[
    "would",
    "could",
    "might",
    "may",
    "should",
    "if",
    "unless",
    "proposed",
    "proposes",
    "propose",
    "proposal",
    "suggested",
    "suggests",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "want",
    "wants",
    "wanted",
    "wish",
    "wishes",
    "consider",
    "considering",
    "considered",
    "possible",
    "possibility",
    "ready",
    "willing",
    "invited",
    "invite",
    "invites",
    "inviting",
    "invitation",
    "offered",
    "offer",
    "urged",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "try",
    "tried",
    "trying",
    "aim",
    "aims",
    "bid",
];

/// Words that put a verb in the future.
pub(crate) const FUTURE: &[&str] = &[
    "will",
    "would",
    "shall",
    "'ll",
    "to",
    "scheduled",
    "expected",
    "due",
    "planned",
    "plans",
    "plan",
    "slated",
    "set",
    "upcoming",
    "forthcoming",
    "next",
    "coming",
];

/// Words after which the rest of a clause is the topic of talks, not their parties ("talks
/// on the Iraq war", "discussed the situation in Ukraine").
pub(crate) const TOPIC_CUTS: &[&str] = &[
    "on",
    "about",
    "over",
    "regarding",
    "concerning",
    "discuss",
    "discussed",
    "discussing",
    "discusses",
    "situation",
    "issue",
    "issues",
    "crisis",
    "conflict",
    "war",
    "question",
    "problem",
    "dispute",
    "relations",
    "ties",
    "cooperation",
    "against",
    "condemned",
    "condemn",
    "criticising",
    "criticizing",
    "support",
    "toward",
    "towards",
    "programme",
    "program",
    "nuclear",
    "reconstruction",
    "peace",
    "aid",
    "troops",
    "membership",
    "entry",
];

/// Clause openers after a comma: what follows is another clause.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "which", "who", "whom", "whose", "where", "while", "whereas", "but", "although", "though",
    "as", "adding", "saying", "according", "when", "after", "before", "because", "since",
];

/// Nouns for officials that make a gathering one of states ("foreign ministers").
pub(crate) const LEADER_PLURALS: &[&str] = &[
    "leaders",
    "ministers",
    "heads",
    "presidents",
    "premiers",
    "counterparts",
    "chiefs",
    "delegates",
    "delegations",
    "officials",
    "envoys",
    "negotiators",
];

/// Words of a gathering's name that make it intergovernmental ("ASEAN Regional Forum",
/// "Economic Leaders' Meeting", "Ministerial Conference").
pub(crate) const GATHERING_QUALIFIERS: &[&str] = &[
    "summit",
    "ministerial",
    "leaders",
    "leaders'",
    "economic",
    "foreign",
    "ministers",
    "ministers'",
    "heads",
    "state",
    "government",
    "intergovernmental",
    "regional",
    "six-party",
    "four-party",
    "trilateral",
    "multilateral",
];

/// The event type a trigger word's lemma gives, if it is a trigger on its own.
pub(crate) fn single_word_type(lower: &str) -> Option<(EventType, bool)> {
    if VISIT_VERBS.contains(&lower) {
        let kind = if lower.starts_with("tour") {
            EventType::Tour
        } else {
            EventType::Visit
        };
        return Some((kind, false));
    }
    if VISIT_NOUNS.contains(&lower) {
        let kind = if lower == "tour" {
            EventType::Tour
        } else {
            EventType::Visit
        };
        return Some((kind, true));
    }
    if MEETING_VERBS.contains(&lower) {
        return Some((EventType::Meeting, false));
    }
    if MEETING_NOUNS.contains(&lower) {
        return Some((EventType::Meeting, true));
    }
    if SUMMIT_NOUNS.contains(&lower) {
        return Some((EventType::Summit, true));
    }
    None
}

/// Whether a lower-case word is a day of the week.
pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}
