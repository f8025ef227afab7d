//! Engagement events in one article: triggers, participants, dates, and the rules of
//! `EVENTS.md` (a trip is one event with its meetings folded in; one-sided statements,
//! hypotheticals and denials are not events; background mentions keep their own dates).
//!
//! In: an [`Article`]. Out: [`Draft`]s, each with its evidence sentence, offsets, confidence
//! and where each field came from.

use super::mentions::{self, CountryMention, PersonMention, Source as MentionSource};
use super::sentences;
use crate::model::{Article, Country, EventDate, EventType, Gazetteer, PartialDate};
use crate::timex::{self, Timex, TimexType};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;

/// One engagement found in an article, before it becomes a model event.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub kind: EventType,
    pub date: EventDate,
    pub countries: Vec<Country>,
    pub actors: Vec<String>,
    pub places: Vec<String>,
    /// The sentence the event is taken from, and its byte range in the article file.
    pub evidence: String,
    pub start: usize,
    pub end: usize,
    pub other_evidence: Vec<(String, usize, usize)>,
    pub confidence: f32,
    pub field_origins: BTreeMap<String, String>,
    /// The summit's name when the event is a named summit.
    pub name: Option<String>,
    /// The country of the article's own officials (for titles: "X visits <the others>").
    pub home: Option<String>,
    /// Whether the date came from the sentence (not the article's date).
    date_from_text: bool,
    sentence_index: usize,
}

/// Words that make a sentence report an engagement, by type.
fn trigger(lower: &str) -> Option<(EventType, &'static str)> {
    const STATEMENT: &[&str] = &[
        "joint statement",
        "joint declaration",
        "joint communique",
        "joint communiqué",
        "issued a statement together",
    ];
    const CALL: &[&str] = &[
        "phone call",
        "telephone call",
        "spoke by phone",
        "spoke by telephone",
        "spoke on the phone",
        "call with",
        "called",
        "phone conversation",
        "telephone conversation",
        "spoke with",
        "spoke to",
        "speaks with",
        "video call",
        "by video",
        "via video",
        "video link",
        "by videoconference",
        "videoconference",
        "video conference",
        "virtual meeting",
        "met virtually",
        "held a call",
        "had a call",
        "on a call",
        "on the call",
        "joined the call",
        "by phone with",
    ];
    const TRAVEL: &[&str] = &[
        "toured",
        " tour ",
        "tour of",
        "tour to",
        "two-day tour",
        "visited",
        "visits",
        "will visit",
        "to visit",
        "visiting",
        "state visit",
        "official visit",
        "a visit",
        "his visit",
        "her visit",
        "the visit",
        "traveled to",
        "travelled to",
        "travels to",
        "will travel",
        "trip to",
        "arrived in",
        "arrives in",
        "trip through",
    ];
    const MEETING: &[&str] = &[
        " met ",
        " met with",
        "meets ",
        "to meet",
        "will meet",
        "meeting with",
        "meeting between",
        "held talks",
        "talks with",
        "welcomed",
        "hosted",
        "received",
        "sat down with",
        "bilateral meeting",
        "good to meet",
        " meet with",
        "meeting of",
        "met on the",
        "met in",
        "met at",
        "official meeting",
        "had a meeting",
        "held a meeting",
        "trilateral meeting",
        "hold a meeting",
        "hold a bilateral",
    ];
    const AGREEMENT_VERB: &[&str] = &["signed", "sign ", "signing of", "inked"];
    const AGREEMENT_NOUN: &[&str] = &[
        "agreement",
        "memorandum",
        "treaty",
        "accord",
        "deal",
        "declaration",
        "protocol",
        "mou",
    ];
    const SUMMIT: &[&str] = &[
        "summit",
        "g20",
        "g7 ",
        "ministerial",
        "conference",
        "leaders' meeting",
        "leaders’ meeting",
        "general assembly",
        "unga",
        "trilateral",
        "forum",
    ];
    let has = |list: &[&'static str]| list.iter().find(|w| lower.contains(*w)).copied();
    if let Some(w) = has(STATEMENT) {
        return Some((EventType::Statement, w));
    }
    if let Some(w) = has(AGREEMENT_VERB) {
        if AGREEMENT_NOUN.iter().any(|n| lower.contains(n)) {
            return Some((EventType::Agreement, w));
        }
    }
    if let Some(w) = has(CALL) {
        // "called for", "called on" are demands, not telephone calls.
        let demand = w == "called"
            && (lower.contains("called for")
                || lower.contains("called on")
                || lower.contains("so-called"));
        if !demand {
            return Some((EventType::Call, w));
        }
    }
    if let Some(w) = has(TRAVEL) {
        return Some((
            if w.contains("tour") {
                EventType::Tour
            } else {
                EventType::Visit
            },
            w,
        ));
    }
    if let Some(w) = has(MEETING) {
        return Some((EventType::Meeting, w));
    }
    if let Some(w) = has(SUMMIT) {
        // A summit must be a gathering that happened or is scheduled, not a noun in passing.
        let happening = [
            "attended",
            "participated",
            "took part",
            "held",
            "hosted",
            "hosting",
            "convened",
            "will host",
            "will attend",
            "at the",
            "gathered",
            "opened",
        ];
        if happening.iter().any(|h| lower.contains(h)) {
            return Some((EventType::Summit, w));
        }
    }
    None
}

/// Cues that the sentence is not an engagement that happened or is scheduled.
fn negated(lower: &str) -> bool {
    const CUES: &[&str] = &[
        " would ",
        " could ",
        " might ",
        " if ",
        "unless",
        "invited",
        "invitation",
        "hopes to",
        "hoped to",
        "hoping to",
        "wants to",
        "would like to",
        "hope to",
        "looks forward to",
        "look forward to",
        "expected to be invited",
        "cancel",
        "postpone",
        "called off",
        "did not meet",
        "didn't meet",
        "no plans",
        "declined to",
        "refused to",
        "denied",
        "rejected a meeting",
        "has not met",
        "never met",
        "proposed",
        "offered to",
        "intent to",
        "intends to",
        "at the earliest",
        "tweet",
        "posted on",
        "on x,",
        "on x.",
        "on social media",
        "told reporters",
        "press briefing",
        "press conference",
        "in an interview",
    ];
    CUES.iter().any(|c| lower.contains(c))
}

/// Titles of people who speak for a state.
const HEAD_TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Chancellor",
    "King",
    "Queen",
    "Crown Prince",
    "Emir",
    "Amir",
    "Sultan",
    "Premier",
    "Foreign Minister",
    "Secretary of State",
    "Sheikh",
];

/// Words after which countries are the topic of talks, not participants.
const TOPIC_CUTS: &[&str] = &[
    " to discuss",
    " discussed",
    " to review",
    " to underscore",
    " to coordinate",
    " to consult",
    " about ",
    " regarding ",
    " to address",
    " reaffirmed",
    " condemned",
    " underscored",
    " stressed",
    " to strengthen",
    " to advance",
    " to deepen",
    " on the situation",
    " on efforts",
    " on support",
    " on their ",
    " on issues",
    " on a number",
    " on global",
    " against ",
    " following ",
    " with illegal",
    " to combat",
    " amid ",
    " to congratulate",
    " to express",
    " to thank",
    " in support of",
    " to ensure",
    " to help",
    " to reinforce",
];

fn topic_cut(lower: &str) -> usize {
    TOPIC_CUTS
        .iter()
        .filter_map(|c| lower.find(c))
        .min()
        .unwrap_or(lower.len())
}

/// Turns a TIMEX3 value into an event date, if it names a resolvable period.
fn timex_date(t: &Timex, dct: NaiveDate) -> Option<EventDate> {
    let v = t.value.as_str();
    let day = |s: &str| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok();
    let start = match v {
        "PAST_REF" => Some(EventDate::new(PartialDate::year(dct.year()), None).ok()?),
        "PRESENT_REF" => Some(EventDate::new(PartialDate::day(dct), None).ok()?),
        _ if v.contains('X') || v.starts_with('P') || v.ends_with("_REF") => None,
        _ if v.len() >= 10 && day(v).is_some() => {
            let start = PartialDate::day(day(v)?);
            let end = t.end_value.as_deref().and_then(day).map(PartialDate::day);
            EventDate::new(start, end).ok()
        }
        _ if v.len() == 7
            && v.as_bytes()[4] == b'-'
            && v[5..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            let year = v[..4].parse().ok()?;
            let month = v[5..].parse().ok()?;
            let end = t
                .end_value
                .as_deref()
                .and_then(|e| PartialDate::parse(e).ok());
            EventDate::new(PartialDate::month(year, month), end).ok()
        }
        _ if v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()) => {
            EventDate::new(PartialDate::year(v.parse().ok()?), None).ok()
        }
        _ if v.len() >= 7 && v.as_bytes().get(5) == Some(&b'W') => {
            // ISO week: Monday to Sunday, as EVENTS.md asks for "last week" / "next week".
            let year: i32 = v[..4].parse().ok()?;
            let week: u32 = v[6..].trim_end_matches("-WE").parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
            EventDate::new(
                PartialDate::day(monday),
                Some(PartialDate::day(monday + Duration::days(6))),
            )
            .ok()
        }
        _ if v.len() == 7 && v.as_bytes()[5] == b'Q' => {
            let year: i32 = v[..4].parse().ok()?;
            let q: u32 = v[6..].parse().ok()?;
            EventDate::new(
                PartialDate::month(year, q * 3 - 2),
                Some(PartialDate::month(year, q * 3)),
            )
            .ok()
        }
        _ if v.len() == 7 && v.as_bytes()[4] == b'-' => {
            // Seasons and halves: the year is what we know.
            EventDate::new(PartialDate::year(v[..4].parse().ok()?), None).ok()
        }
        _ => None,
    };
    start
}

/// Number of days of a "two-day", "three-day" duration, if the value is one.
fn duration_days(t: &Timex) -> Option<i64> {
    if t.kind != TimexType::Duration {
        return None;
    }
    let v = t.value.strip_prefix('P')?.strip_suffix('D')?;
    v.parse::<i64>().ok().filter(|d| (2..=31).contains(d))
}

/// Whether byte `at` of `text` lies inside double quotes opened in `text[from..at]`.
fn inside_quotes(text: &str, from: usize, at: usize) -> bool {
    let piece = &text[from..at];
    let straight = piece.matches('"').count();
    let open = piece.matches('\u{201c}').count();
    let close = piece.matches('\u{201d}').count();
    straight % 2 == 1 || open > close
}

/// Everything known about the people of one article, so "Rubio" later is "Marco Rubio" and
/// keeps his country.
#[derive(Default)]
struct People {
    /// Full name -> country code, in first-seen order.
    known: Vec<(String, Option<String>)>,
}

impl People {
    fn canonical(&self, name: &str) -> Option<&(String, Option<String>)> {
        let last = name.split_whitespace().last()?;
        self.known.iter().find(|(full, _)| {
            full == name
                || (full.split_whitespace().last() == Some(last) && full.len() >= name.len())
        })
    }

    fn add(&mut self, name: &str, country: Option<String>) -> (String, Option<String>) {
        if let Some((full, c)) = self.canonical(name).cloned() {
            let country = c.or(country);
            if let Some(entry) = self.known.iter_mut().find(|(f, _)| *f == full) {
                entry.1 = country.clone();
            }
            return (full, country);
        }
        self.known.push((name.to_string(), country.clone()));
        (name.to_string(), country)
    }
}

/// The country of a titled person: a country or demonym right before the title ("Czech Prime
/// Minister"), or "of <country>" right after the name.
fn person_country(p: &PersonMention, countries: &[CountryMention], text: &str) -> Option<String> {
    for m in countries {
        let between = text.get(m.end..p.start).unwrap_or("x");
        if m.end <= p.start && between.trim().is_empty() && mentions::is_state(&m.country) {
            return Some(m.country.code.clone());
        }
        let after = text.get(p.end..m.start).unwrap_or("x");
        if m.start >= p.end
            && (after == " of "
                || after == " of the "
                || after == ", " && m.source == MentionSource::Name)
            && mentions::is_state(&m.country)
        {
            return Some(m.country.code.clone());
        }
    }
    None
}

/// The country the article's officials serve when nothing else says: where the dateline is,
/// else the White House's if it is mentioned, else the most mentioned state.
fn home_country(article: &Article, all_mentions: &[CountryMention]) -> Option<String> {
    let g = Gazetteer::get();
    if let Some(place) = &article.place {
        let words = mentions::words(place, 0);
        if let Some(m) = mentions::countries(&words)
            .into_iter()
            .find(|m| mentions::is_state(&m.country))
        {
            return Some(m.country.code);
        }
        if let Some(c) = g.lookup(place) {
            return Some(c.code.clone());
        }
    }
    if article.text.contains("White House") {
        return Some("US".into());
    }
    // English-language copy that names the United States at all is, absent a dateline, most
    // often reporting its officials.
    if all_mentions
        .iter()
        .any(|m| m.country.code == "US" && m.source != MentionSource::Demonym)
    {
        return Some("US".into());
    }
    // The most mentioned state; on a tie the first mentioned, as news names its own side first.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in all_mentions
        .iter()
        .filter(|m| mentions::is_state(&m.country))
    {
        match counts.iter_mut().find(|(c, _)| *c == m.country.code) {
            Some(entry) => entry.1 += 1,
            None => counts.push((m.country.code.as_str(), 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(c, _)| c.to_string())
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Untitled names right after "met with", "with", "and": "Finer met with Andriy Yermak".
fn untitled_people(words: &[mentions::Word], known: &[PersonMention]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !matches!(
            w.text,
            "with" | "and" | "met" | "welcomed" | "received" | "hosted"
        ) {
            continue;
        }
        let mut name = Vec::new();
        for x in &words[i + 1..] {
            let t = x.text;
            let cap = t.chars().next().is_some_and(char::is_uppercase)
                && t.chars().any(char::is_lowercase);
            if cap
                && !mentions::countries(std::slice::from_ref(x))
                    .iter()
                    .any(|_| true)
                && !NOT_PERSON.contains(&t)
            {
                name.push(t);
            } else {
                break;
            }
        }
        if (2..=4).contains(&name.len()) {
            let full = name.join(" ");
            if !known.iter().any(|p| p.name == full) {
                out.push(full);
            }
        }
    }
    out
}

const NOT_PERSON: &[&str] = &[
    "The",
    "President",
    "Prime",
    "Minister",
    "Secretary",
    "State",
    "Foreign",
    "Affairs",
    "His",
    "Her",
    "Their",
    "Majesty",
    "Highness",
    "Excellency",
    "Leaders",
    "Heads",
    "Government",
    "Today",
    "National",
    "Security",
    "Council",
    "Caribbean",
    "Eastern",
    "Basin",
    "Initiative",
    "Department",
    "Ministry",
    "Chinese",
    "Communist",
    "Party",
    "Congress",
    "Senate",
    "House",
    "White",
    "Office",
    "Union",
    "European",
    "Nations",
    "United",
    "Kingdom",
    "Republic",
    "Islamic",
    "Democratic",
    "Vice",
    "Deputy",
    "General",
    "Special",
    "Envoy",
    "Ambassador",
    "Chancellor",
    "King",
    "Queen",
    "Crown",
    "Prince",
    "Emir",
];

/// Extracts the engagement events of one article.
pub fn extract(article: &Article) -> Vec<Draft> {
    let text = article.text.as_str();
    let body_start = article.body_start.min(text.len());
    let publication = article.date.map(|d| d.first_day());
    let dateline = article.dateline.clone();
    // The body is written relative to its dateline when it has one.
    let dct = dateline
        .as_ref()
        .and_then(|d| d.date)
        .or(publication)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default());
    let dateline_span = dateline
        .as_ref()
        .map(|d| (d.start, d.end))
        .unwrap_or((0, 0));
    let mut timexes = timex::tag(&text[body_start..], Some(dct));
    for t in &mut timexes {
        t.start += body_start;
        t.end += body_start;
    }
    timexes.retain(|t| t.end <= dateline_span.0 || t.start >= dateline_span.1);
    let timexes_sorted = timexes.windows(2).all(|w| w[0].start <= w[1].start);
    let sentences = sentences::split(text, body_start, text.len());

    let all_words = mentions::words(&text[body_start..], body_start);
    let all_mentions = mentions::countries(&all_words);
    let home = home_country(article, &all_mentions);
    let g = Gazetteer::get();

    // A quoted "today" belongs to the day of the lead when the lead reports a recent past day
    // ("stressed late Tuesday"): quotes are what was said then.
    let lead_day = sentences.first().and_then(|s| {
        timexes
            .iter()
            .filter(|t| t.start >= s.start && t.end <= s.end)
            .filter_map(|t| timex_date(t, dct))
            .find(|d| {
                d.end.is_none()
                    && d.start.day.is_some()
                    && d.first_day() < dct
                    && dct - d.first_day() <= Duration::days(3)
            })
    });

    let mut people = People::default();
    let mut drafts: Vec<Draft> = Vec::new();
    for (index, s) in sentences.iter().enumerate() {
        let sentence = &text[s.start..s.end];
        let lower = format!(" {} ", sentence.to_lowercase());
        let words = mentions::words(sentence, s.start);
        let country_mentions = mentions::countries(&words);
        let titled = mentions::people(&words);
        // Register every titled person, even in sentences that are not events.
        let mut sentence_people: Vec<(String, Option<String>, usize)> = Vec::new();
        for p in &titled {
            let country = person_country(p, &country_mentions, text);
            let (name, country) = people.add(&p.name, country);
            sentence_people.push((name, country, p.start));
        }
        // Names met before, now without a title ("Rubio, back in March, ...").
        for w in &words {
            if sentence_people
                .iter()
                .any(|(n, _, _)| n.split_whitespace().any(|x| x == w.text))
            {
                continue;
            }
            if w.text.chars().next().is_some_and(char::is_uppercase) {
                if let Some((full, country)) = people
                    .known
                    .iter()
                    .find(|(full, _)| full.split_whitespace().last() == Some(w.text))
                    .cloned()
                {
                    sentence_people.push((full, country, w.start));
                }
            }
        }

        // The "The tour included Jamaica, Guyana, and Suriname." pattern adds countries to the
        // trip of the sentence before.
        let continuation = [
            "the tour ",
            "the trip ",
            "the visit ",
            "his tour ",
            "her tour ",
            "the journey ",
            "his trip ",
            "her trip ",
        ]
        .iter()
        .any(|p| lower.trim_start().starts_with(p))
            && [
                "included",
                "took in",
                "covered",
                "also included",
                "took him",
                "took her",
                "will include",
                "includes",
            ]
            .iter()
            .any(|v| lower.contains(v));
        if continuation {
            if let Some(last) = drafts
                .iter_mut()
                .rev()
                .find(|d| matches!(d.kind, EventType::Tour | EventType::Visit))
            {
                for m in &country_mentions {
                    push_unique(&mut last.countries, m.country.clone());
                    if m.source == MentionSource::Capital {
                        push_unique(&mut last.places, m.text.clone());
                    }
                }
                let foreign = last
                    .countries
                    .iter()
                    .filter(|c| mentions::is_state(c) && Some(&c.code) != home.as_ref())
                    .count();
                if foreign >= 2 {
                    last.kind = EventType::Tour;
                }
                last.field_origins.insert(
                    "countries".into(),
                    format!(
                        "the trip's sentence and the next one: \"{}\"",
                        sentence.trim()
                    ),
                );
                last.other_evidence
                    .push((sentence.to_string(), s.start, s.end));
            }
            continue;
        }

        // The tagger lists expressions left to right: start from the first one in the
        // sentence instead of scanning them all (a 50 MB article has ~10^5 of each).
        let first = if timexes_sorted {
            timexes.partition_point(|t| t.start < s.start)
        } else {
            0
        };
        let in_sentence: Vec<&Timex> = timexes[first..]
            .iter()
            .take_while(|t| !timexes_sorted || t.start <= s.end)
            .filter(|t| t.start >= s.start && t.end <= s.end)
            .collect();

        // Looking forward to a dated summit does not make the summit hypothetical.
        let gathering_lower = lower
            .replace("looks forward to", " ")
            .replace("look forward to", " ");
        if !negated(&gathering_lower) {
            for (at, date, name) in dated_gatherings(sentence, s.start, &in_sentence, dct) {
                let mut countries: Vec<Country> = Vec::new();
                if let Some(h) = home.as_ref().and_then(|h| g.by_code(h)) {
                    countries.push(h.clone());
                }
                for m in &country_mentions {
                    push_unique(&mut countries, m.country.clone());
                }
                let mut actors: Vec<String> = Vec::new();
                for (name, country, _) in &sentence_people {
                    push_unique(&mut actors, name.clone());
                    if let Some(c) = country.as_ref().and_then(|c| g.by_code(c)) {
                        push_unique(&mut countries, c.clone());
                    }
                }
                let foreign = |cs: &[Country]| cs.iter().any(|c| Some(&c.code) != home.as_ref());
                // "They also spoke about ... the APEC Leaders Meeting": the readout's parties
                // (a region in the gathering's name is no party).
                if !countries
                    .iter()
                    .any(|c| mentions::is_state(c) && Some(&c.code) != home.as_ref())
                {
                    if let Some(prev) = drafts.last() {
                        for c in &prev.countries {
                            push_unique(&mut countries, c.clone());
                        }
                    }
                }
                if !foreign(&countries) {
                    continue;
                }
                let mut field_origins = BTreeMap::new();
                field_origins.insert(
                    "type".into(),
                    "a multilateral gathering named with its own date".into(),
                );
                field_origins.insert(
                    "date".into(),
                    format!(
                        "the date attached to \"{}\"",
                        name.as_deref().unwrap_or("the gathering")
                    ),
                );
                let quoted = inside_quotes(text, s.start, at);
                drafts.push(Draft {
                    kind: EventType::Summit,
                    date,
                    countries,
                    actors,
                    places: Vec::new(),
                    evidence: sentence.to_string(),
                    start: s.start,
                    end: s.end,
                    other_evidence: Vec::new(),
                    confidence: if quoted { 0.5 } else { 0.6 },
                    field_origins,
                    name,
                    home: home.clone(),
                    date_from_text: true,
                    sentence_index: index,
                });
            }
        }

        // "spoke today with", "met separately with": adverbs between verb and object.
        let trigger_text = lower
            .replace(" today ", " ")
            .replace(" yesterday ", " ")
            .replace(" separately ", " ")
            .replace(" briefly ", " ")
            .replace(" also ", " ");
        let Some((mut kind, mut trigger_word)) = trigger(&trigger_text) else {
            continue;
        };
        // "welcomed the decision", "received the report": not a meeting unless a person follows.
        if matches!(trigger_word, "welcomed" | "received" | "hosted") {
            let next: String = sentence
                .get(
                    lower
                        .find(trigger_word)
                        .map(|i| i + trigger_word.len() - 1)
                        .unwrap_or(0)..,
                )
                .unwrap_or("")
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let rest_after = sentence
                .get(
                    lower
                        .find(trigger_word)
                        .map(|i| i + trigger_word.len() - 1)
                        .unwrap_or(0)..,
                )
                .unwrap_or("")
                .trim_start();
            let possessive = rest_after
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));

            let person_follows = next.chars().next().is_some_and(char::is_uppercase)
                && !matches!(next.as_str(), "The" | "A" | "An")
                && !possessive;
            if !person_follows {
                // Another trigger may still apply ("held a summit ..., hosted by").
                let without = trigger_text.replace(trigger_word, " ");
                match trigger(&without) {
                    Some((k, w)) if !matches!(w, "welcomed" | "received" | "hosted") => {
                        kind = k;
                        trigger_word = w;
                    }
                    _ => continue,
                }
            }
        };
        if negated(&lower) {
            continue;
        }
        let first_word = trigger_word
            .split_whitespace()
            .next()
            .unwrap_or(trigger_word);
        let trigger_at = lower
            .find(&format!(" {first_word}"))
            .or_else(|| lower.find(first_word))
            .map(|i| (s.start + i).min(s.end))
            .unwrap_or(s.start);
        // Participants are named before the topic of the talks; when the engagement itself is
        // mentioned inside the topic ("discussed Macron's recent trip to Europe"), its own
        // participants follow the trigger.
        let first_cut = topic_cut(&lower[1..]).min(sentence.len());
        let (scope_start, cut) = if s.start + first_cut < trigger_at {
            let rel = (trigger_at - s.start).min(lower.len() - 1);
            (
                trigger_at,
                (trigger_at + topic_cut(&lower[1 + rel..])).min(s.end),
            )
        } else {
            (s.start, s.start + first_cut)
        };
        let since = since_clause(&lower, s.start, s.end, trigger_at, &in_sentence, dct);
        // What follows "since" belongs to the earlier engagement, not to this one.
        let cut = since.as_ref().map_or(cut, |c| cut.min(c.since_at));
        // Participants: countries named before the topic of the talks, plus the people's.
        let mut countries: Vec<Country> = Vec::new();
        let mut places: Vec<String> = Vec::new();
        for m in &country_mentions {
            let in_scope = (m.start >= scope_start || m.source == MentionSource::Capital)
                && (m.start < cut
                    || (m.source == MentionSource::Capital && m.start < trigger_at + 60));
            if !in_scope {
                continue;
            }
            push_unique(&mut countries, m.country.clone());
            if m.source == MentionSource::Capital
                && !(m.text == "Washington" && sentence.contains("Washington cooperated"))
            {
                push_unique(&mut places, m.text.clone());
            }
        }
        let mut actors: Vec<String> = Vec::new();
        for (name, country, at) in &sentence_people {
            if *at < cut && *at >= scope_start {
                push_unique(&mut actors, name.clone());
                if let Some(code) = country.as_ref().and_then(|c| g.by_code(c)) {
                    push_unique(&mut countries, code.clone());
                }
            }
        }
        for name in untitled_people(&words, &titled) {
            if words
                .iter()
                .any(|w| name.starts_with(w.text) && w.start < cut)
            {
                push_unique(&mut actors, name);
            }
        }
        let foreign_states = |cs: &[Country]| {
            cs.iter()
                .filter(|c| mentions::is_state(c) && Some(&c.code) != home.as_ref())
                .count()
        };
        let foreign_actor = sentence_people
            .iter()
            .any(|(_, c, at)| *at < cut && c.as_ref().is_some_and(|c| Some(c) != home.as_ref()));
        // An official whose country the text does not give is another party when the only
        // state named is someone else's ("President Biden spoke with the Prime Minister of Japan").
        // "The three leaders issued a joint statement": the parties are those of the event before.
        let anaphoric = [
            "the two ",
            "the three ",
            "the four ",
            "the five ",
            "the leaders",
            "the ministers",
            "the sides",
            "both sides",
            "they ",
        ]
        .iter()
        .any(|p| lower.trim_start().starts_with(p));
        if anaphoric && countries.is_empty() && actors.is_empty() {
            if let Some(prev) = drafts.last() {
                countries = prev.countries.clone();
                if places.is_empty() {
                    places = prev.places.clone();
                }
            }
        }
        let has_foreign =
            foreign_states(&countries) > 0 || countries.iter().any(|c| !mentions::is_state(c));
        // Two heads of state or government named together are two parties even when the text
        // gives no country ("President Biden spoke by telephone with Prime Minister Netanyahu").
        let heads: Vec<&PersonMention> = titled
            .iter()
            .filter(|p| {
                HEAD_TITLES.contains(&p.title.as_str()) && p.start < cut && p.start >= scope_start
            })
            .collect();
        let heads_pair = heads.len() >= 2 && heads.iter().any(|p| p.name != heads[0].name);
        let placed_actor = sentence_people
            .iter()
            .any(|(_, c, at)| *at < cut && *at >= scope_start && c.is_some());
        let unplaced_actor = sentence_people
            .iter()
            .any(|(_, c, at)| *at < cut && *at >= scope_start && c.is_none());
        let other_state = countries.iter().any(|c| Some(&c.code) != home.as_ref());
        let two_parties = has_foreign
            || foreign_actor
            || heads_pair
            || (placed_actor && unplaced_actor && other_state);
        if !two_parties {
            // Domestic, or no one foreign named: not a diplomatic engagement.
            continue;
        }
        if let Some(h) = home.as_ref().and_then(|h| g.by_code(h)) {
            if !countries.contains(h) {
                countries.insert(0, h.clone());
            }
        }

        // Date: the expression nearest the trigger, else the article's day.
        let mut field_origins = BTreeMap::new();
        let mut date_from_text = false;
        let dated = in_sentence
            .iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .filter(|t| {
                since
                    .as_ref()
                    .is_none_or(|c| t.start < c.since_at || t.start >= c.end)
            })
            .filter_map(|t| timex_date(t, dct).map(|d| (t, d)))
            .min_by_key(|(t, _)| (t.start as i64 - trigger_at as i64).abs());
        let mut date = match dated {
            Some((t, d)) => {
                date_from_text = true;
                let quoted_today = t.value.get(..10) == Some(&dct.to_string()[..])
                    && inside_quotes(text, s.start, t.start);
                match lead_day {
                    Some(lead) if quoted_today => {
                        field_origins.insert(
                            "date".into(),
                            format!("\"{}\" in a quotation, read as the day of the lead", t.text),
                        );
                        lead
                    }
                    _ => {
                        field_origins.insert(
                            "date".into(),
                            format!("\"{}\" in the sentence, resolved against {dct}", t.text),
                        );
                        d
                    }
                }
            }
            None => {
                let quoted = inside_quotes(text, s.start, trigger_at);
                match lead_day {
                    Some(lead) if quoted => {
                        field_origins.insert(
                            "date".into(),
                            "no date in the quotation: the day of the lead".into(),
                        );
                        lead
                    }
                    _ => {
                        field_origins.insert(
                            "date".into(),
                            format!("no date in the sentence: the article's date {dct}"),
                        );
                        EventDate::new(PartialDate::day(dct), None).unwrap_or(EventDate {
                            start: PartialDate::day(dct),
                            end: None,
                            approximate: false,
                        })
                    }
                }
            }
        };
        // "the upcoming summit" with no date is not annotated (EVENTS.md: no date, no event).
        if !date_from_text && (lower.contains("upcoming") || lower.contains("forthcoming")) {
            continue;
        }
        // "a two-day tour" starting on a known day ends N-1 days later.
        if date.end.is_none() && date.start.day.is_some() {
            if let Some(days) = in_sentence.iter().find_map(|t| duration_days(t)) {
                let last = date.first_day() + Duration::days(days - 1);
                if let Ok(d) = EventDate::new(date.start, Some(PartialDate::day(last))) {
                    date = d;
                }
            }
        }

        if matches!(kind, EventType::Visit | EventType::Tour) && foreign_states(&countries) >= 2 {
            kind = EventType::Tour;
        }
        // "toured Southeast Asia, when he visited Indonesia": one foreign state is a visit.
        if kind == EventType::Tour && foreign_states(&countries) == 1 {
            kind = EventType::Visit;
        }
        // A trip to a region ("recent trip to Europe") covers several countries.
        if kind == EventType::Visit
            && foreign_states(&countries) == 0
            && countries
                .iter()
                .any(|c| c.kind == crate::model::CountryKind::Region)
        {
            kind = EventType::Tour;
        }
        // Three or more states meeting together is a summit (a trilateral, a leaders' meeting).
        let states_total = countries.iter().filter(|c| mentions::is_state(c)).count();
        if kind == EventType::Meeting
            && states_total >= 3
            && !lower.contains("sidelines")
            && !lower.contains("margins")
        {
            kind = EventType::Summit;
        }
        // Summits need a gathering of three or more states or a named multilateral meeting.
        let mut name = None;
        if let Some(i) = lower.find("summit") {
            let before = &sentence[..i.saturating_sub(1).min(sentence.len())];
            let start = before.rfind(" the ").map(|j| j + 5).unwrap_or(0);
            let candidate = sentence
                .get(start..(i + 5).min(sentence.len()))
                .unwrap_or("")
                .trim();
            if candidate.chars().next().is_some_and(char::is_uppercase) && candidate.len() < 80 {
                name = Some(candidate.to_string());
            }
        }
        let at_summit = lower.contains("at the") && name.is_some() && kind == EventType::Meeting;
        if (lower.contains("sidelines of") || lower.contains("margins of") || at_summit)
            && name.is_some()
        {
            // The bilateral meeting is one event, the summit another, on the same date.
            let mut summit = Draft {
                kind: EventType::Summit,
                date,
                countries: countries.clone(),
                actors: actors.iter().take(1).cloned().collect(),
                places: places.clone(),
                evidence: sentence.to_string(),
                start: s.start,
                end: s.end,
                other_evidence: Vec::new(),
                confidence: 0.5,
                field_origins: field_origins.clone(),
                name: name.clone(),
                home: home.clone(),
                date_from_text,
                sentence_index: index,
            };
            summit.field_origins.insert(
                "type".into(),
                "a meeting \"on the sidelines of\" a named summit".into(),
            );
            drafts.push(summit);
            if kind == EventType::Summit {
                kind = EventType::Meeting;
            }
        }

        // Where: a place named in the sentence, else the venue for meetings at home.
        if places.is_empty() {
            for venue in ["White House", "Camp David", "Oval Office"] {
                if sentence.contains(venue) {
                    places.push(venue.to_string());
                }
            }
        }
        if places.is_empty()
            && matches!(
                kind,
                EventType::Meeting | EventType::Summit | EventType::Statement
            )
        {
            if let Some(place) = dateline
                .as_ref()
                .map(|d| d.place.clone())
                .filter(|p| !p.is_empty())
            {
                let near = dateline
                    .as_ref()
                    .and_then(|d| d.date)
                    .is_none_or(|d| (date.first_day() - d).num_days().abs() <= 1);
                if near {
                    places.push(title_case(&place));
                    field_origins.insert("places".into(), "the dateline".into());
                }
            }
        }
        for p in &places {
            if let Some(c) = mentions::countries(&mentions::words(p, 0))
                .into_iter()
                .next()
            {
                push_unique(&mut countries, c.country);
            }
        }
        if kind == EventType::Call {
            places.clear();
        }

        let quoted = inside_quotes(text, s.start, trigger_at);
        let mut confidence: f32 = 0.55;
        if date_from_text {
            confidence += 0.2;
        }
        if foreign_actor || foreign_states(&countries) > 0 {
            confidence += 0.1;
        }
        if quoted {
            confidence -= 0.1;
        }
        field_origins.insert(
            "type".into(),
            format!("trigger \"{}\"", trigger_word.trim()),
        );
        field_origins.insert(
            "countries".into(),
            "named in the sentence, the participants' titles and the article's home country".into(),
        );
        if !actors.is_empty() {
            field_origins.insert(
                "actors".into(),
                "titled names in the sentence and earlier mentions of the same people".into(),
            );
        }
        drafts.push(Draft {
            kind,
            date,
            countries,
            actors,
            places,
            evidence: sentence.to_string(),
            start: s.start,
            end: s.end,
            other_evidence: Vec::new(),
            confidence: confidence.clamp(0.05, 0.95),
            field_origins,
            name,
            home: home.clone(),
            date_from_text,
            sentence_index: index,
        });
        let just_pushed = drafts.len() - 1;
        // "signed ... during a visit by the Saudi Foreign Minister": the visit is an event too.
        if matches!(kind, EventType::Agreement | EventType::Statement)
            && (lower.contains("during a visit")
                || lower.contains("during his visit")
                || lower.contains("during her visit")
                || lower.contains("during the visit"))
        {
            let mut visit = drafts[just_pushed].clone();
            visit.kind = EventType::Visit;
            visit.field_origins.insert(
                "type".into(),
                "\"during a visit\" beside the signing".into(),
            );
            drafts.push(visit);
        }
        // Separately dated stops of one trip are separate visits ("Brunei on September 3 and 4
        // and then ... Singapore on September 4 and 5").
        if matches!(kind, EventType::Tour) {
            let stops = dated_stops(&country_mentions, &in_sentence, dct, home.as_deref(), cut);
            if stops.len() >= 2 {
                let base = drafts.remove(just_pushed);
                for (country, date) in stops {
                    let mut visit = base.clone();
                    visit.kind = EventType::Visit;
                    visit.date = date;
                    visit
                        .countries
                        .retain(|c| !mentions::is_state(c) || Some(&c.code) == home.as_ref());
                    visit.countries.push(country);
                    visit.field_origins.insert(
                        "date".into(),
                        "the date given for this stop of the trip".into(),
                    );
                    drafts.push(visit);
                }
            }
        }
        if let Some(c) = since {
            let mut earlier = drafts[just_pushed].clone();
            earlier.kind = match c.kind {
                EventType::Meeting if states_total >= 3 => EventType::Summit,
                k => k,
            };
            earlier.date = c.date;
            earlier.date_from_text = true;
            earlier.name = None;
            earlier.places = country_mentions
                .iter()
                .filter(|m| m.source == MentionSource::Capital && m.start >= c.since_at)
                .filter(|m| m.end <= c.end)
                .map(|m| m.text.clone())
                .collect();
            earlier.actors = sentence_people
                .iter()
                .filter(|(_, _, at)| *at >= c.since_at && *at < c.end)
                .map(|(n, _, _)| n.clone())
                .collect();
            earlier.confidence = 0.6;
            earlier.field_origins.insert(
                "type".into(),
                "an earlier engagement in a \"since\" clause".into(),
            );
            earlier
                .field_origins
                .insert("date".into(), "the date in the \"since\" clause".into());
            drafts.push(earlier);
        }
    }
    fold_and_merge(drafts, home.as_deref())
}

/// The stops of a trip that gives each its own date: each foreign state named in the sentence
/// paired with the first date after it (and before the next state).
fn dated_stops(
    mentions_in: &[CountryMention],
    timexes_in: &[&Timex],
    dct: NaiveDate,
    home: Option<&str>,
    cut: usize,
) -> Vec<(Country, EventDate)> {
    let states: Vec<&CountryMention> = mentions_in
        .iter()
        .filter(|m| {
            mentions::is_state(&m.country) && Some(m.country.code.as_str()) != home && m.start < cut
        })
        .collect();
    let mut stops = Vec::new();
    for (i, m) in states.iter().enumerate() {
        let next_start = states.get(i + 1).map_or(usize::MAX, |n| n.start);
        let date = timexes_in
            .iter()
            .filter(|t| {
                t.start > m.end && t.start < next_start && matches!(t.kind, TimexType::Date)
            })
            .find_map(|t| timex_date(t, dct));
        match date {
            Some(d) => stops.push((m.country.clone(), d)),
            None => return Vec::new(),
        }
    }
    stops
}

/// An earlier engagement named in a "since" clause after the trigger ("met ... for the second
/// meeting since their leaders met at Camp David in August 2023").
struct SinceClause {
    kind: EventType,
    date: EventDate,
    /// Byte offsets in the article: where "since" starts and the clause ends.
    since_at: usize,
    end: usize,
}

/// The "since" clause of a sentence when it reports a dated engagement of its own; `lower` is
/// the sentence lower-cased with one space added at each end.
fn since_clause(
    lower: &str,
    s_start: usize,
    s_end: usize,
    trigger_at: usize,
    in_sentence: &[&Timex],
    dct: NaiveDate,
) -> Option<SinceClause> {
    let i = lower.find(" since ")?;
    let since_at = s_start + i;
    if since_at <= trigger_at {
        return None;
    }
    let rest = lower.get(i + 7..)?;
    let len = rest.find([',', ';']).unwrap_or(rest.len());
    let clause = &rest[..len];
    let (kind, _) = trigger(&format!(" {clause} "))?;
    if negated(&format!(" {clause} ")) {
        return None;
    }
    let end = (s_start + i + 6 + len).min(s_end);
    let date = in_sentence
        .iter()
        .filter(|t| t.start > since_at && t.end <= end && matches!(t.kind, TimexType::Date))
        .find_map(|t| timex_date(t, dct))?;
    Some(SinceClause {
        kind,
        date,
        since_at,
        end,
    })
}

/// "the May leaders' summit": a bare month name dating a gathering, which the tagger leaves
/// alone because "May" is also a verb. The most recent such month up to the article's.
fn month_before(before: &str, dct: NaiveDate) -> Option<EventDate> {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let mut words = before.split_whitespace().rev();
    let mut w = words.next()?;
    if matches!(
        w,
        "leaders'" | "leaders’" | "leaders" | "trilateral" | "ministerial"
    ) {
        w = words.next()?;
    }
    let month = MONTHS.iter().position(|m| *m == w)? as u32 + 1;
    if words.next() != Some("the") {
        return None;
    }
    let year = if month <= dct.month() {
        dct.year()
    } else {
        dct.year() - 1
    };
    EventDate::new(PartialDate::month(year, month), None).ok()
}

/// Whether a relative clause right after a gathering says it took place ("..., which the Vice
/// President co-hosted with ...").
fn hosted_after(after: &str) -> Option<()> {
    let end = (0..=after.len().min(120))
        .rev()
        .find(|&k| after.is_char_boundary(k))
        .unwrap_or(0);
    let after = &after[..end];
    let clause = after
        .trim_start_matches([',', ' '])
        .strip_prefix("which ")
        .or_else(|| after.trim_start_matches([',', ' ']).strip_prefix("that "))?;
    let clause = &clause[..clause.find([',', ';', '.']).unwrap_or(clause.len())];
    clause
        .split_whitespace()
        .take(6)
        .any(|w| {
            matches!(
                w,
                "hosted" | "co-hosted" | "attended" | "convened" | "chaired" | "co-chaired"
            )
        })
        .then_some(())
}

/// Nouns of multilateral gatherings (EVENTS.md `summit`).
const GATHERINGS: &[&str] = &[
    "summit",
    "leaders meeting",
    "leaders' meeting",
    "leaders’ meeting",
    "general assembly",
    "ministerial meeting",
    "ministers meeting",
    "ministers' meeting",
    "ministers’ meeting",
];

/// Words that may stand between a date and the gathering it dates ("last year's United
/// Nations General Assembly", "the May leaders' summit", "the Washington Summit next week",
/// "the Leaders Meeting in November"); anything else (a verb, a clause) means the date is
/// another's.
fn gathering_gap(gap: &str, after: bool) -> bool {
    const BEFORE: &[&str] = &[
        "the",
        "a",
        "an",
        "s",
        "annual",
        "leaders",
        "leaders'",
        "leaders’",
        "trilateral",
        "special",
        "first",
        "second",
        "third",
        "inaugural",
        "extraordinary",
        "virtual",
        "of",
    ];
    const AFTER: &[&str] = &[
        "in",
        "on",
        "at",
        "held",
        "scheduled",
        "for",
        "to",
        "be",
        "of",
    ];
    !gap.contains([',', ';', ':', '(', ')', '"', '“', '”'])
        && gap.split_whitespace().all(|w| {
            let bare = w.trim_start_matches(['\'', '’']);
            bare.is_empty()
                || bare.chars().next().is_some_and(char::is_uppercase)
                || if after { AFTER } else { BEFORE }.contains(&bare)
        })
}

/// Multilateral gatherings named in a sentence with a date of their own: (byte offset of the
/// noun, its date, its name if capitalised). A summit is its own event whatever the sentence
/// says of it, so one met in passing ("in time for the APEC Leaders Meeting in November",
/// "since the May leaders' summit") counts when it is dated.
fn dated_gatherings(
    sentence: &str,
    s_start: usize,
    in_sentence: &[&Timex],
    dct: NaiveDate,
) -> Vec<(usize, EventDate, Option<String>)> {
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        return Vec::new();
    }
    let mut out: Vec<(usize, EventDate, Option<String>)> = Vec::new();
    for noun in GATHERINGS {
        for (i, _) in lower.match_indices(noun) {
            let j = i + noun.len();
            let bounded = !lower[..i].ends_with(|c: char| c.is_alphanumeric())
                && !lower[j..].starts_with(|c: char| c.is_alphanumeric());
            if !bounded {
                continue;
            }
            let (at, end) = (s_start + i, s_start + j);
            // Only the expressions near the noun: a sentence may be megabytes of hostile input.
            let near = in_sentence.partition_point(|t| t.start + 200 < at);
            let date = in_sentence[near..]
                .iter()
                .take_while(|t| t.start <= end + 30)
                .filter(|t| matches!(t.kind, TimexType::Date))
                .filter_map(|t| {
                    let (gap, after) = if t.end <= at && at - t.end <= 45 {
                        (sentence.get(t.end - s_start..i)?, false)
                    } else if t.start >= end && t.start - end <= 30 {
                        (sentence.get(j..t.start - s_start)?, true)
                    } else {
                        return None;
                    };
                    let distance = gap.len();
                    gathering_gap(gap, after).then_some(())?;
                    Some((distance, timex_date(t, dct)?))
                })
                .min_by_key(|(d, _)| *d)
                .map(|(_, d)| d)
                .or_else(|| month_before(&lower[..i], dct))
                .or_else(|| {
                    // "the Leaders Meeting, which the Vice President co-hosted": it took place
                    // on the day the sentence reports, else the article's.
                    hosted_after(&lower[j..])?;
                    in_sentence
                        .iter()
                        .filter(|t| matches!(t.kind, TimexType::Date))
                        .filter_map(|t| timex_date(t, dct))
                        .next()
                        .or_else(|| EventDate::new(PartialDate::day(dct), None).ok())
                });
            let Some(date) = date else { continue };
            let before = &sentence[..i];
            let from = before.rfind(" the ").map(|k| k + 5).unwrap_or(0);
            let name = sentence
                .get(from..j)
                .map(str::trim)
                .filter(|n| n.chars().next().is_some_and(char::is_uppercase) && n.len() < 80)
                .map(str::to_string);
            out.push((at, date, name));
        }
    }
    out
}

fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn foreign_codes<'a>(d: &'a Draft, home: Option<&str>) -> Vec<&'a str> {
    d.countries
        .iter()
        .filter(|c| mentions::is_state(c) && Some(c.code.as_str()) != home)
        .map(|c| c.code.as_str())
        .collect()
}

/// A trip's meetings fold into the trip; reports of the same engagement in several sentences
/// become one event with the richest sentence as evidence.
fn fold_and_merge(drafts: Vec<Draft>, home: Option<&str>) -> Vec<Draft> {
    // A meeting dated inside a later-reported trip, with the trip's countries, is part of it
    // ("met the President in Manila on Wednesday ... arrived on Tuesday for a two-day visit").
    // Trips are never folded themselves and folding does not change what the conditions look
    // at, so each meeting's trip can be found among the trips alone, in one pass: scanning every
    // draft for every meeting took minutes on a long (50 MB) article.
    let trips: Vec<usize> = (0..drafts.len())
        .filter(|&t| {
            matches!(drafts[t].kind, EventType::Visit | EventType::Tour)
                && drafts[t].date.end.is_some()
        })
        .collect();
    let targets: Vec<Option<usize>> = drafts
        .iter()
        .map(|d| {
            (d.kind == EventType::Meeting && d.date_from_text)
                .then(|| {
                    trips.iter().copied().find(|&ti| {
                        let t = &drafts[ti];
                        t.sentence_index > d.sentence_index
                            && t.date.first_day() <= d.date.first_day()
                            && d.date.last_day() <= t.date.last_day()
                            && foreign_codes(d, home)
                                .iter()
                                .all(|c| t.countries.iter().any(|x| x.code == *c))
                    })
                })
                .flatten()
        })
        .collect();
    let mut slots: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    for (i, target) in targets.into_iter().enumerate() {
        let Some(t) = target else { continue };
        let Some(d) = slots[i].take() else { continue };
        let Some(trip) = slots[t].as_mut() else {
            slots[i] = Some(d);
            continue;
        };
        for a in d.actors {
            push_unique(&mut trip.actors, a);
        }
        for p in d.places {
            push_unique(&mut trip.places, p);
        }
        trip.other_evidence.push((d.evidence, d.start, d.end));
    }
    let drafts: Vec<Draft> = slots.into_iter().flatten().collect();
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        // Meetings during a trip (undated, or dated within it) are part of it.
        if matches!(d.kind, EventType::Meeting | EventType::Call)
            || (d.kind == EventType::Visit && !d.date_from_text)
        {
            let trip = out.iter_mut().rev().find(|t| {
                matches!(t.kind, EventType::Visit | EventType::Tour)
                    && t.sentence_index < d.sentence_index
                    && (!d.date_from_text || t.date.overlaps(&d.date))
                    && d.kind != EventType::Call
                    && foreign_codes(&d, home).iter().all(|c| {
                        foreign_codes(t, home).contains(c)
                            || t.countries.iter().any(|x| !mentions::is_state(x))
                    })
            });
            if let Some(trip) = trip {
                for a in d.actors {
                    push_unique(&mut trip.actors, a);
                }
                for c in d.countries {
                    push_unique(&mut trip.countries, c);
                }
                trip.other_evidence.push((d.evidence, d.start, d.end));
                continue;
            }
        }
        let same = out.iter_mut().find(|o| {
            let compatible = o.kind == d.kind
                || matches!(
                    (o.kind, d.kind),
                    (EventType::Meeting, EventType::Visit) | (EventType::Visit, EventType::Meeting)
                );
            let fa = foreign_codes(o, home);
            let fb = foreign_codes(&d, home);
            let overlap = fa.is_empty() || fb.is_empty() || fa.iter().any(|c| fb.contains(c));
            compatible && o.date == d.date && overlap && !d.evidence.contains("separately")
        });
        match same {
            Some(o) => {
                // Keep the richer sentence as the main evidence.
                let richer =
                    d.countries.len() + d.actors.len() > o.countries.len() + o.actors.len();
                for c in d.countries.clone() {
                    push_unique(&mut o.countries, c);
                }
                for a in d.actors.clone() {
                    push_unique(&mut o.actors, a);
                }
                for p in d.places.clone() {
                    push_unique(&mut o.places, p);
                }
                if richer {
                    o.other_evidence.push((o.evidence.clone(), o.start, o.end));
                    o.evidence = d.evidence;
                    o.start = d.start;
                    o.end = d.end;
                } else {
                    o.other_evidence.push((d.evidence, d.start, d.end));
                }
                o.confidence = o.confidence.max(d.confidence);
            }
            None => out.push(d),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::articles::parse_article;
    use std::path::Path;

    const SEED: &str =
        include_str!("../../tests/fixtures/articles/kuna-2025-05-07-rubio-caribbean.txt");

    fn seed() -> Vec<Draft> {
        let article = parse_article(Path::new("seed.txt"), SEED.to_string(), "seed").unwrap();
        extract(&article)
    }

    fn codes(d: &Draft) -> Vec<&str> {
        d.countries.iter().map(|c| c.code.as_str()).collect()
    }

    #[test]
    fn seed_meeting_is_late_tuesday_in_washington() {
        let drafts = seed();
        let meeting = drafts
            .iter()
            .find(|d| d.kind == EventType::Meeting)
            .expect("meeting");
        assert_eq!(meeting.date.iso(), "2025-05-06");
        assert!(
            codes(meeting).contains(&"US") && codes(meeting).contains(&"BS"),
            "{:?}",
            codes(meeting)
        );
        assert!(codes(meeting).contains(&"eastern-caribbean"));
        assert_eq!(meeting.places, ["Washington"]);
        assert!(
            meeting
                .evidence
                .contains("met with the heads of government"),
            "{}",
            meeting.evidence
        );
        assert_eq!(meeting.actors, ["Marco Rubio"]);
    }

    #[test]
    fn seed_tour_is_march_with_three_countries() {
        let drafts = seed();
        let tour = drafts
            .iter()
            .find(|d| d.kind == EventType::Tour)
            .expect("tour");
        assert_eq!(tour.date.iso(), "2025-03");
        for c in ["US", "JM", "GY", "SR"] {
            assert!(
                codes(tour).contains(&c),
                "{c} missing from {:?}",
                codes(tour)
            );
        }
        assert!(tour.evidence.contains("back in March"));
    }

    #[test]
    fn seed_has_no_statement_or_hurricane_event() {
        let drafts = seed();
        assert_eq!(drafts.len(), 2, "{drafts:#?}");
        assert!(drafts
            .iter()
            .all(|d| !d.evidence.contains("hurricane season")));
        assert!(drafts
            .iter()
            .all(|d| !d.evidence.starts_with("In a statement on X")));
    }

    fn article(text: &str) -> Vec<Draft> {
        let a = parse_article(Path::new("t.txt"), text.to_string(), "t").unwrap();
        extract(&a)
    }

    #[test]
    fn past_weekday_and_future_visit() {
        let d = article("date 2024-03-13 40\nHeadline\nOSLO, March 13 (Reuters) - Norway's Prime Minister Jonas Gahr Store met Finnish President Alexander Stubb in Oslo on Tuesday. Store will visit Japan next week.\n");
        let meeting = d
            .iter()
            .find(|x| x.kind == EventType::Meeting)
            .expect("meeting");
        assert_eq!(meeting.date.iso(), "2024-03-12");
        assert!(codes(meeting).contains(&"FI") && codes(meeting).contains(&"NO"));
        let visit = d
            .iter()
            .find(|x| x.kind == EventType::Visit)
            .expect("visit");
        assert_eq!(visit.date.iso(), "2024-03-18/2024-03-24");
        assert!(codes(visit).contains(&"JP"));
    }

    #[test]
    fn hypotheticals_denials_and_domestic_meetings_are_not_events() {
        assert!(
            article("date 2024-03-13 10\nH\nThe President met with his Cabinet today.\n")
                .is_empty()
        );
        assert!(article("date 2024-03-13 10\nH\nHe said he would meet French President Emmanuel Macron if invited.\n").is_empty());
        assert!(article(
            "date 2024-03-13 10\nH\nThe minister did not meet Chinese officials during the trip.\n"
        )
        .is_empty());
    }

    #[test]
    fn calls_are_calls_without_places() {
        let d = article("date 2022-05-02 20\nReadout\nPresident Biden spoke today with Prime Minister Fumio Kishida of Japan to discuss Ukraine.\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].kind, EventType::Call);
        assert_eq!(d[0].date.iso(), "2022-05-02");
        assert!(codes(&d[0]).contains(&"JP"));
        assert!(
            !codes(&d[0]).contains(&"UA"),
            "topic countries are not participants"
        );
        assert!(d[0].places.is_empty());
    }

    #[test]
    fn a_gathering_named_with_its_own_date_is_a_summit() {
        let d = article("date 2023-09-11 20\nWhite House readout\nPresident Biden spoke today with Prime Minister Anthony Albanese of Australia. They also discussed trade ahead of the Asia Pacific Economic Cooperation (APEC) Leaders Meeting in November.\n");
        let summit = d
            .iter()
            .find(|x| x.kind == EventType::Summit)
            .expect("summit");
        assert_eq!(summit.date.iso(), "2023-11");
        assert!(
            codes(summit).contains(&"AU") && codes(summit).contains(&"US"),
            "{d:#?}"
        );
        assert_eq!(
            summit.name.as_deref(),
            Some("Asia Pacific Economic Cooperation (APEC) Leaders Meeting")
        );
        // Undated, the gathering is only a topic.
        let d = article("date 2023-09-11 20\nWhite House readout\nPresident Biden spoke today with Prime Minister Anthony Albanese of Australia. They also discussed the agenda of the G20 summit.\n");
        assert!(d.iter().all(|x| x.kind != EventType::Summit), "{d:#?}");
    }

    #[test]
    fn looking_forward_to_a_dated_summit_keeps_the_summit() {
        let d = article("date 2024-07-05 20\nReadout\nThe President looks forward to welcoming Prime Minister Keir Starmer of the United Kingdom to the NATO Summit in Washington next week.\n");
        assert_eq!(d.len(), 1, "{d:#?}");
        assert_eq!(d[0].kind, EventType::Summit);
        assert_eq!(d[0].date.iso(), "2024-07-08/2024-07-14");
        assert!(codes(&d[0]).contains(&"GB"));
    }

    #[test]
    fn a_bare_month_dates_a_gathering() {
        let d = article("date 2022-09-29 20\nWhite House readout\nVice President Harris met today with President Yoon Suk Yeol of the Republic of Korea. They reviewed progress since the May leaders' summit.\n");
        let summit = d
            .iter()
            .find(|x| x.kind == EventType::Summit)
            .expect("summit");
        assert_eq!(summit.date.iso(), "2022-05");
    }

    #[test]
    fn a_gathering_hosted_in_a_relative_clause_took_place() {
        let d = article("date 2023-06-08 20\nReadout\nVice President Kamala Harris today met with Prime Minister Philip Davis of the Bahamas in Nassau, ahead of the U.S.-Caribbean Leaders Meeting, which the Vice President co-hosted with Prime Minister Davis.\n");
        let summit = d
            .iter()
            .find(|x| x.kind == EventType::Summit)
            .expect("summit");
        assert_eq!(summit.date.iso(), "2023-06-08");
        assert!(d.iter().any(|x| x.kind == EventType::Meeting), "{d:#?}");
    }

    #[test]
    fn an_engagement_after_since_is_an_earlier_event() {
        let d = article("date 2024-10-25 20\nReadout\nOn Friday, October 25, Prime Minister Fumio Kishida of Japan, President Yoon Suk Yeol of the Republic of Korea and President Biden met in Washington for their third meeting since their foreign ministers met in Tokyo in August 2023.\n");
        let mut dates: Vec<String> = d.iter().map(|x| x.date.iso()).collect();
        dates.sort();
        assert_eq!(dates, ["2023-08", "2024-10-25"], "{d:#?}");
        let earlier = d.iter().find(|x| x.date.iso() == "2023-08").unwrap();
        assert_eq!(earlier.places, ["Tokyo"]);
        let now = d.iter().find(|x| x.date.iso() == "2024-10-25").unwrap();
        assert!(!now.places.contains(&"Tokyo".to_string()), "{now:#?}");
    }
}
