//! Tense cues.
//!
//! In: one lower-cased word. Out: the tense it gives the clause around an
//! expression, ignoring context (`verb_cue`), and the classes of verbs the
//! resolver weighs in context: timetable presents and verbs of attribution.

/// Tense of the clause around an expression, as far as nearby verbs tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "said", "-ed" forms, "was", "had".
    Past,
    /// "is", "says", "has": resolved like `Unknown`.
    Present,
    /// "will", "'ll", "is to", "plans to", "due to".
    Future,
    /// No cue in the clause.
    Unknown,
}

/// Tense cue of a single word, ignoring context.
pub(crate) fn verb_cue(w: &str) -> Option<Tense> {
    match w {
        "will" | "shall" | "ll" | "would" | "tomorrow" | "next" | "upcoming" | "coming"
        | "scheduled" | "due" | "planned" | "plans" | "plan" | "expects" | "expected"
        | "intends" | "later" => Some(Tense::Future),
        "said" | "was" | "were" | "had" | "did" | "told" | "met" | "held" | "went" | "came"
        | "made" | "took" | "gave" | "left" | "saw" | "began" | "won" | "lost" | "fell"
        | "rose" | "sold" | "bought" | "paid" | "found" | "got" | "kept" | "led" | "ran"
        | "sent" | "spent" | "struck" | "thought" | "wrote" | "spoke" | "broke" | "chose"
        | "drove" | "flew" | "grew" | "hit" | "knew" | "meant" | "put" | "quit" | "read"
        | "set" | "shot" | "shut" | "stood" | "stole" | "swore" | "threw" | "understood"
        | "withdrew" | "wore" | "ago" | "yesterday" | "last" | "earlier" | "became" | "brought"
        | "built" | "caught" | "fought" | "felt" | "heard" | "hung" | "lay" | "lent" | "rang"
        | "sank" | "slid" | "sought" | "taught" | "tore" | "woke" | "forecast" | "cut"
        | "posted" => Some(Tense::Past),
        "is" | "are" | "am" | "says" | "has" | "have" | "does" | "do" | "today" | "now" => {
            Some(Tense::Present)
        }
        // The present of a timetable: "the truce expires Friday", "the
        // minister travels to Paris on Thursday".
        _ if timetable_verb(w) => Some(Tense::Future),
        _ => {
            if w.len() >= 5 && w.ends_with("ed") && !not_past_ed(w) {
                Some(Tense::Past)
            } else {
                None
            }
        }
    }
}

/// Present-tense verbs of a timetable: "the truce expires Friday", "the
/// minister travels to Paris on Thursday".
pub(crate) fn timetable_verb(w: &str) -> bool {
    matches!(
        w,
        "begins"
            | "starts"
            | "opens"
            | "ends"
            | "expires"
            | "closes"
            | "resumes"
            | "arrives"
            | "departs"
            | "travels"
            | "heads"
            | "hosts"
            | "convenes"
            | "kicks"
            | "takes"
    )
}

/// Words ending in "-ed" that are not past-tense verbs.
fn not_past_ed(w: &str) -> bool {
    matches!(
        w,
        "need"
            | "speed"
            | "feed"
            | "seed"
            | "proceed"
            | "exceed"
            | "succeed"
            | "breed"
            | "bleed"
            | "greed"
            | "indeed"
            | "steed"
            | "tweed"
    ) || matches!(
        w,
        "hundred"
            | "united"
            | "limited"
            | "based"
            | "interested"
            | "related"
            | "concerned"
            | "advanced"
            | "detailed"
            | "sacred"
            | "wicked"
            | "naked"
            | "kindred"
            | "talented"
            | "scheduled"
            | "expected"
            | "planned"
            | "unprecedented"
            | "sophisticated"
            | "alleged"
            | "armed"
            | "infrared"
            | "biased"
            | "tired"
            | "beloved"
            | "rugged"
    ) || matches!(
        w,
        // Negated participles are adjectives far more often than verbs.
        "unspecified"
            | "unnamed"
            | "unidentified"
            | "unexpected"
            | "undisclosed"
            | "unconfirmed"
            | "unscheduled"
            | "unannounced"
            | "unexplained"
            | "unarmed"
            | "unmanned"
            | "unemployed"
            | "unresolved"
            | "unchanged"
            | "unrelated"
            | "unlimited"
    )
}

/// Verbs that attribute a statement to its source.
pub(crate) fn is_reporting(w: &str) -> bool {
    matches!(
        w,
        "said" | "says" | "told" | "added" | "stated" | "noted" | "announced" | "reported"
    )
}
