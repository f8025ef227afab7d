//! Word lists of engagement extraction: what names an engagement (verbs and nouns by event
//! type), what makes one unreal (negation, hypotheticals), what reports rather than acts,
//! and what only names a topic. General English news wording only: no names of people or
//! places.
//!
//! Lists are lower case; multiword entries are matched token by token.

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
    ("go", &["to"]),
    ("going", &["to"]),
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
    "host",
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
    &["on", "the", "telephone"],
    &["over", "the", "telephone"],
    &["by", "video", "link"],
    &["via", "video", "link"],
    &["spoke", "today", "with"],
    &["spoke", "with"],
    &["spoke", "to"],
    &["spoke", "by"],
    &["speaks", "with"],
    &["called"],
    // "held a call with", "had a productive call with".
    &["call", "with"],
    &["calls", "with"],
];

/// Verbs that conclude an agreement.
/// Plural roles a text counts a pair by ("the two presidents", "both foreign ministers").
pub(crate) const PAIRED_ROLES: &[&str] = &[
    "presidents",
    "premiers",
    "ministers",
    "leaders",
    "heads",
    "chancellors",
    "secretaries",
    "monarchs",
    "kings",
    "delegations",
    "counterparts",
    "sides",
    "governments",
    "countries",
    "nations",
];

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
    "memorandums",
    "mou",
    "mous",
    "deal",
    "deals",
    "protocol",
    "protocols",
    "convention",
    "conventions",
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
/// Words that put talks beside something bigger: "on the sidelines of the summit".
pub(crate) const ASIDE: &[&str] = &["sidelines", "sideline", "margins", "margin", "fringes"];

/// Words that call off what they follow: "the visit was postponed", "talks were called off"
/// ("called" only with "off").
pub(crate) const CALLED_OFF: &[&str] = &[
    "cancelled",
    "canceled",
    "postponed",
    "scrapped",
    "delayed",
    "suspended",
    "shelved",
];

pub(crate) const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "refused",
    "refusing",
    "declining",
    "snubbing",
    "skipped",
    "skipping",
    "missed",
    "absence",
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
    "block",
    "blocked",
    "blocking",
    "prevent",
    "prevented",
    "preventing",
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
    "until",
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
    // "a meeting ahead of the summit in Riyadh": the summit is another engagement.
    "ahead",
];

/// Clause openers after a comma: what follows is another clause.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "while",
    "whereas",
    "but",
    "although",
    "though",
    "as",
    "adding",
    "saying",
    "according",
    "when",
    "after",
    "before",
    "because",
    "since",
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

/// Whether a lower-case word is a day of the week.
pub(crate) fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words for people who hold no state office (EVENTS.md R1): their trips and meetings are
/// not engagements between states.
pub(crate) const NON_OFFICIALS: &[&str] = &[
    "candidate",
    "candidates",
    "activist",
    "activists",
    "businessman",
    "businessmen",
    "businesspeople",
    "entrepreneurs",
    "executives",
    "investors",
    "tycoon",
    "students",
    "scholars",
    "academics",
    "experts",
    "reporters",
    "journalists",
    "astronauts",
    "taikonauts",
    "rebels",
    "rebel",
    "dissident",
    "dissidents",
    "exiled",
    "opposition",
    "singer",
    "actor",
    "athletes",
    "tourists",
    "pilgrims",
    "spiritual",
    "religious",
    "patriarch",
    "cardinal",
    "archbishop",
    "bishop",
    "imam",
    "rabbi",
    "cleric",
    "monk",
    "lama",
    // Firms (their deals and talks are not between states) and private people.
    "company",
    "companies",
    "firm",
    "firms",
    "airline",
    "airlines",
    "airliner",
    "carmaker",
    "automaker",
    "manufacturer",
    "corporation",
    "conglomerate",
    "shareholders",
    "lawyer",
    "lawyers",
    "relatives",
    "grandmother",
    "grandmothers",
    "grandparents",
    "father",
    "mother",
    "parents",
    "nun",
];

/// Whether a dateline's second part is a U.S. state, by name or by the abbreviations U.S.
/// news uses ("Mo.", "Calif.", "N.Y.").
pub(crate) fn is_us_state(part: &str) -> bool {
    const STATES: &[&str] = &[
        "alabama",
        "ala",
        "alaska",
        "arizona",
        "ariz",
        "arkansas",
        "ark",
        "california",
        "calif",
        "colorado",
        "colo",
        "connecticut",
        "conn",
        "delaware",
        "del",
        "florida",
        "fla",
        "georgia",
        "ga",
        "hawaii",
        "idaho",
        "illinois",
        "ill",
        "indiana",
        "ind",
        "iowa",
        "kansas",
        "kan",
        "kentucky",
        "ky",
        "louisiana",
        "la",
        "maine",
        "maryland",
        "md",
        "massachusetts",
        "mass",
        "michigan",
        "mich",
        "minnesota",
        "minn",
        "mississippi",
        "miss",
        "missouri",
        "mo",
        "montana",
        "mont",
        "nebraska",
        "neb",
        "nevada",
        "nev",
        "new hampshire",
        "nh",
        "new jersey",
        "nj",
        "new mexico",
        "nm",
        "new york",
        "ny",
        "north carolina",
        "nc",
        "north dakota",
        "nd",
        "ohio",
        "oklahoma",
        "okla",
        "oregon",
        "ore",
        "pennsylvania",
        "pa",
        "rhode island",
        "ri",
        "south carolina",
        "sc",
        "south dakota",
        "sd",
        "tennessee",
        "tenn",
        "texas",
        "tex",
        "utah",
        "vermont",
        "vt",
        "virginia",
        "va",
        "washington",
        "wash",
        "west virginia",
        "wva",
        "wisconsin",
        "wis",
        "wyoming",
        "wyo",
        "dc",
    ];
    let key: String = part.to_lowercase().chars().filter(|c| *c != '.').collect();
    STATES.contains(&key.trim())
}

/// Words between a preposition and the state it places something in: "in the Sudan", "to
/// southern Italy", "in neighbouring Laos".
pub(crate) fn qualifies_a_place(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "southern"
            | "northern"
            | "eastern"
            | "western"
            | "central"
            | "neighbouring"
            | "neighboring"
    )
}

/// The state of a national news agency, by the name it signs a dateline with ("PTI": India).
pub(crate) fn agency_state(signature: &str) -> Option<&'static str> {
    include_str!("data/agencies.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(name, _)| name.eq_ignore_ascii_case(signature.trim()))
        .map(|(_, code)| code)
}
