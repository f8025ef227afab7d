//! Function words around an expression.
//!
//! In: one lower-cased word. Out: whether it belongs to a class the grammar's
//! rules test before they accept a match: words that can start an
//! expression, words of a `mod` phrase, words after which "that" opens a
//! clause, "May" is a month, a bare day number ends, or "a week" is a length
//! rather than a rate.

/// Words an expression can start with; any other word is skipped after one
/// lookup.
pub(crate) fn starts_expression(w: &str) -> bool {
    super::month(w).is_some()
        || super::weekday(w).is_some()
        || super::number_word(w).is_some()
        || super::unit(w).is_some()
        || super::season(w).is_some()
        || super::ordinal(w).is_some()
        || modifier_word(w)
        || matches!(
            w,
            "the"
                | "a"
                | "an"
                | "fy"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "now"
                | "currently"
                | "current"
                | "recently"
                | "nowadays"
                | "these"
                | "right"
                | "last"
                | "this"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "fiscal"
                | "few"
                | "several"
                | "many"
                | "some"
                | "couple"
                | "daily"
                | "weekly"
                | "monthly"
                | "annually"
                | "yearly"
                | "hourly"
                | "quarterly"
                | "nightly"
                | "every"
                | "each"
                | "per"
                | "once"
                | "twice"
                | "thrice"
                | "noon"
                | "midnight"
                | "midday"
                | "christmas"
                | "new"
                | "thanksgiving"
                | "independence"
                | "halloween"
                | "labor"
                | "memorial"
                | "recent"
                | "future"
                | "earlier"
                | "later"
                | "weekend"
                | "single"
                | "mid"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "upcoming"
                | "overnight"
                | "that"
                | "two"
                | "nineteen"
                | "half"
                | "morning"
                | "afternoon"
                | "evening"
        )
}

/// Words that can open a TIMEX3 `mod` phrase ("early", "about", "at least").
pub(crate) fn modifier_word(w: &str) -> bool {
    matches!(
        w,
        "early"
            | "late"
            | "mid"
            | "about"
            | "around"
            | "approximately"
            | "roughly"
            | "nearly"
            | "almost"
            | "at"
            | "more"
            | "less"
            | "over"
            | "under"
            | "up"
            | "no"
            | "within"
    )
}

/// Words after which "that" opens a clause rather than pointing at a time:
/// "said that night raids ...".
pub(crate) fn introduces_clause(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tell"
            | "believe"
            | "believed"
            | "think"
            | "thought"
            | "know"
            | "knew"
            | "so"
            | "such"
            | "now"
            | "announced"
            | "reported"
            | "added"
            | "noted"
            | "warned"
            | "claimed"
            | "argued"
            | "insisted"
            | "stated"
            | "confirmed"
            | "denied"
            | "fear"
            | "feared"
            | "hope"
            | "hoped"
            | "means"
            | "meant"
    )
}

/// Words before "May" or "March" that make it the month, not the verb.
pub(crate) fn introduces_month(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "early"
            | "late"
            | "mid"
            | "of"
            | "through"
            | "during"
            | "from"
            | "to"
            | "before"
            | "after"
            | "between"
            | "-"
            | "last"
            | "next"
            | "this"
            | "and"
            | "or"
            | "on"
    )
}

/// Words that close a noun phrase, so a bare number before them can end a
/// date: "May 3 and 4 in Paris" but not "May 3 and 4 people".
pub(crate) fn closes_noun_phrase(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "and"
            | "when"
            | "as"
            | "with"
            | "for"
            | "to"
            | "of"
            | "the"
            | "respectively"
            | "but"
            | "or"
            | "before"
            | "after"
            | "during"
            | "while"
            | "will"
            | "would"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "from"
            | "this"
            | "that"
            | "next"
            | "last"
            | "because"
            | "since"
            | "until"
            | "by"
            | "between"
            | "where"
            | "which"
            | "who"
    )
}

/// Words before "a year", "a week" that make it a length of time, not
/// the period of a rate ("for a year" but "four flights a week").
pub(crate) fn measures_length(w: &str) -> bool {
    matches!(
        w,
        "in" | "for"
            | "about"
            | "than"
            | "over"
            | "within"
            | "of"
            | "after"
            | "nearly"
            | "almost"
            | "least"
            | "to"
            | "and"
            | "or"
            | "by"
            | "under"
            | "only"
            | "just"
            | "past"
            | "spent"
            | "took"
            | "take"
            | "lasted"
            | "last"
            | "wait"
            | "waited"
            | "around"
            | "roughly"
            | "approximately"
            | "during"
            | "is"
            | "was"
            | "be"
            | "been"
            | "until"
            | "through"
    )
}

/// Words between "the" and a count or unit that make a span of it: "the past
/// two years", "the first nine months", "the next few days", "the following
/// year".
pub(crate) fn span_lead(w: &str) -> bool {
    matches!(
        w,
        "past"
            | "last"
            | "next"
            | "coming"
            | "first"
            | "latest"
            | "previous"
            | "following"
            | "preceding"
            | "final"
            | "remaining"
            | "initial"
            | "prior"
    )
}
