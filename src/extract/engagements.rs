//! Engagement events in one article, by the rules of `EVENTS.md`, in four phases: find the
//! words that report an engagement ([`triggers`](super::triggers)), date each one
//! ([`dates`](super::dates)), find who took part and where
//! ([`participants`](super::participants)), and fold the reports of one engagement into one
//! event ([`folding`](super::folding)).
//!
//! In: an [`Article`]. Out: [`Draft`]s, each with its evidence sentence, offsets, confidence
//! and where each field came from.

use super::anaphora;
use super::cast::Cast;
use super::dates::{self, DateSource, Dated};
use super::debug;
use super::document::{Doc, Sent};
use super::folding::{self, Anchor, Mention};
use super::participants::{self, Parties};
use super::triggers::{self, endorsed_by_many, Trigger};
use crate::model::{Article, Country, EventDate, EventType};
use std::collections::BTreeMap;

/// One engagement found in an article, before it becomes a model event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub(crate) kind: EventType,
    pub(crate) date: EventDate,
    pub(crate) countries: Vec<Country>,
    pub(crate) actors: Vec<String>,
    pub(crate) places: Vec<String>,
    /// The sentence the event is taken from, and its byte range in the article file.
    pub(crate) evidence: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) other_evidence: Vec<(String, usize, usize)>,
    pub(crate) confidence: f32,
    pub(crate) field_origins: BTreeMap<String, String>,
    /// The gathering's name when the event is a named summit.
    pub(crate) name: Option<String>,
    /// A title as a person would write it ("Vo Minh Tan visits Indonesia").
    pub(crate) title: String,
}

/// Extracts the engagement events of one article.
pub(crate) fn extract(article: &Article) -> Vec<Draft> {
    let Some(doc) = Doc::new(article) else {
        return Vec::new();
    };
    let cast = Cast::new(&doc);
    let debug = std::env::var_os("ENTENTE_DEBUG_EXTRACT").is_some();
    if debug {
        debug::document(&doc);
    }
    let mut mentions: Vec<Mention> = Vec::new();
    // Kinds of engagement the article has shown held by private people: "the meeting" later
    // on, with no one of its own, is that one again.
    let mut private_kinds: Vec<EventType> = Vec::new();
    for s in &doc.sentences {
        let found = triggers::find(s);
        if debug {
            debug::sentence(&doc, s, &found);
        }
        for t in &found {
            if t.negated {
                continue;
            }
            let dated = dates::date_of(&doc, s, t, &found)
                .or_else(|| anaphora::onward_leg_date(&doc, s, t, &mentions));
            let Some(dated) = dated else {
                lend_length_to_gathering_named_before(s, t, &mut mentions);
                continue;
            };
            // "had invited her to talks in a message in June", "wanted to visit in 2019":
            // a wish dated wholly before the report was not fulfilled, or the text would
            // tell it as done.
            // ("was invited to the talks at the Lisbon Summit in June": the summit where the
            // wish was made was held.)
            let where_wished =
                t.noun && (t.first.saturating_sub(4)..t.first).any(|k| s.toks[k].lower == "at");
            let unfulfilled = t.hypothetical && !where_wished && dated.date.last_day() < doc.dct;
            if t.hypothetical && dated.source != DateSource::Text || unfulfilled {
                continue;
            }
            let mut parties = participants::parties_of(&doc, &cast, s, t);
            if parties.unofficial && t.kind != EventType::Summit {
                private_kinds.push(t.kind);
                continue;
            }
            let same_again = t.noun
                && t.first > 0
                && s.toks[t.first - 1].lower == "the"
                && parties.actors.is_empty()
                && private_kinds.contains(&t.kind);
            if same_again || attends_gathering(s, t) || record_of_the_trip_before(s, t, &found) {
                continue;
            }
            let mut dated = attended_gathering_date(&doc, s, t, &found).unwrap_or(dated);
            anaphora::anaphora(&doc, s, &mentions, t, &mut parties, &mut dated);
            anaphora::gathering_named_before(s, &mentions, &mut parties, &mut dated);
            for parties in participants::separate_meetings(s, &cast, t, parties) {
                mentions_of_trigger(s, t, parties, dated.clone(), &mut mentions);
            }
        }
        gatherings_dated_by_their_meetings(&mut mentions, s.index);
        anaphora::represented_at_gathering(s, &mut mentions);
    }
    if debug {
        debug::mentions(&mentions);
    }
    let mut events = folding::fold(mentions, doc.home.as_deref());
    folding::spread_over_length(&mut events);
    for e in &mut events {
        place_at_dateline(&doc, e.kind, e.date_source, &e.date, &mut e.parties);
        if e.kind == EventType::Summit {
            the_gathering_of_the_day(&doc, &cast, e);
        }
    }
    folding::fold_host_only_events(&mut events);
    folding::gatherings_during_trips(&mut events);
    folding::documents_of_gatherings(&mut events);
    events.retain(folding::stands_alone);
    events
        .into_iter()
        .map(|m| {
            let title = super::titles::title(&m, &cast, doc.home.as_deref());
            draft(&doc, m, title)
        })
        .collect()
}

/// The mention a trigger makes, and one more for each date listed with its own ("held in
/// August and December last year": one engagement per date).
fn mentions_of_trigger(
    s: &Sent,
    t: &Trigger,
    parties: Parties,
    mut dated: Dated,
    mentions: &mut Vec<Mention>,
) {
    let trigger = s.toks[t.first..=t.last]
        .iter()
        .map(|x| x.text)
        .collect::<Vec<_>>()
        .join(" ");
    let coordinated = std::mem::take(&mut dated.also);
    let stops = dated_stops(s, t, &parties);
    let first_mention = mentions.len();
    mentions.push(Mention {
        kind: t.kind,
        date: dated.date,
        date_source: dated.source,
        date_words: dated.words,
        parties,
        sentence: s.index,
        start: s.start,
        end: s.end,
        definite: t.definite(s),
        name: (t.kind == EventType::Summit)
            .then(|| gathering_name(s, t))
            .flatten(),
        also: Vec::new(),
        planned: t.future || t.hypothetical,
        trigger,
        days: stated_length(s, t),
        anchor: anchor_of(s, t),
        // ("held a bilateral meeting": apart from the many who met that day.)
        aside: s
            .toks
            .iter()
            .any(|x| super::lexicon::ASIDE.contains(&x.lower.as_str()))
            || t.first > 0
                && s.toks[t.first - 1].lower == "bilateral"
                && matches!(s.toks[t.first].lower.as_str(), "meeting" | "talks"),
        multilateral: t.kind == EventType::Statement && endorsed_by_many(s, t.head)
            || matches!(t.kind, EventType::Meeting | EventType::Summit) && counts_states(s, t),
    });
    if !stops.is_empty() {
        split_into_stops(mentions, first_mention, stops);
        return;
    }
    // "held in August and December last year": one engagement per date.
    for date in coordinated {
        let mut copy = mentions[first_mention].clone();
        copy.date = date;
        copy.date_words = format!("{} (listed with it)", copy.date_words);
        mentions.push(copy);
    }
}

/// "Senior officials from Peru and 30 Asian countries concluded a two-day meeting": many
/// states take part, most of them unnamed.
/// (The count is in the subject, before the trigger: "delegates from 170 countries" after "a
/// series of meetings" are the summit's; "states" may be a federation's own.)
fn counts_states(s: &Sent, t: &Trigger) -> bool {
    (t.clause.0..t.first).any(|k| {
        let count = s.toks[k].text.chars().all(|c| c.is_ascii_digit())
            || crate::timex::number_word(&s.toks[k].lower).is_some_and(|n| n >= 3);
        let noun = |j: usize| {
            s.toks
                .get(j)
                .is_some_and(|x| matches!(x.lower.as_str(), "countries" | "nations"))
        };
        count && (noun(k + 1) || noun(k + 2) && s.toks[k + 1].cap && k + 2 < t.first)
    })
}

/// "the summit that opened Saturday ... to attend the two-day summit": a reference that is no
/// event of its own (a plan with no date) still gives the length of the gathering it points
/// back to.
fn lend_length_to_gathering_named_before(s: &Sent, t: &Trigger, mentions: &mut [Mention]) {
    if t.kind != EventType::Summit || !t.definite(s) {
        return;
    }
    let Some(days) = stated_length(s, t) else {
        return;
    };
    if let Some(named) = mentions
        .iter_mut()
        .rev()
        .take_while(|m| m.sentence + 3 >= s.index)
        .find(|m| m.kind == EventType::Summit)
    {
        named.days.get_or_insert(days);
    }
}

/// "arrived in Dhaka on Friday to join the two-day summit": the day is the arrival's, not
/// the summit's, which takes the report's day and so joins the summit the article dates
/// elsewhere. None when the summit has a date of its own after it.
fn attended_gathering_date(
    doc: &Doc,
    s: &Sent,
    t: &Trigger,
    found: &[Trigger],
) -> Option<dates::Dated> {
    let trip = found
        .iter()
        .find(|x| x.last < t.first && attends_gathering(s, x))?;
    // A date of the gathering's own, not only the trip's day of arrival.
    let own_date = s.times.iter().any(|x| {
        x.date.as_ref().is_some_and(|d| {
            // (The trigger may hold its dates: "the Summit of the Americas on Friday".)
            x.first > t.first
                // "arrived on Monday evening to attend Tuesday's conference".
                || x.first > trip.last && x.last < t.first && s.toks[x.last].possessive
                // "travel to New York later this month for the Assembly", "Next week, the
                // President will travel to Beijing for the summit": a month or a week,
                // wherever the sentence says it, holds the gathering too.
                || d.start.precision() != crate::model::Precision::Day
                || d.end.is_some() && (d.last_day() - d.first_day()).num_days() >= 5
        })
    });
    if t.kind != EventType::Summit || own_date {
        return None;
    }
    Some(dates::Dated {
        date: EventDate::new(crate::model::PartialDate::day(doc.dct), None).ok()?,
        source: DateSource::Reported,
        words: "the gathering a trip went to, dated where the article dates it".into(),
        also: Vec::new(),
    })
}

/// The length the sentence gives the trigger's engagement: "a two-day summit", "a four-day
/// state visit", "for three days", "is expected to last for three days".
fn stated_length(s: &Sent, t: &Trigger) -> Option<i64> {
    let (_, last) = t.clause;
    s.times
        .iter()
        .find_map(|x| {
            let n = x.days?;
            // ("a five-day European tour": a demonym may stand between.)
            let before = x.last < t.first
                && x.last + 3 >= t.first
                && (x.last + 1..t.first).all(|k| s.toks[k].word && !s.toks[k].possessive);
            // "for three days", "is expected to last for three days".
            let for_after = x.first > t.last
                && x.first <= last
                && x.first > 0
                && s.toks[x.first - 1].lower == "for"
                && (x.first <= t.last + 8
                    || (x.first.saturating_sub(3)..x.first).any(|k| {
                        matches!(
                            s.toks[k].lower.as_str(),
                            "last" | "lasts" | "lasted" | "run"
                        )
                    }));
            // "the Leaders' Meeting here, a two-day gathering of 21 leaders": in apposition.
            let apposed = x.first > t.last
                && x.first <= t.last + 5
                && (t.last + 1..x.first).any(|k| s.toks[k].is(","))
                && (t.last + 1..x.first).all(|k| !s.toks[k].cap)
                && s.toks.get(x.last + 1).is_some_and(|n| {
                    let w = n.lower.as_str();
                    super::lexicon::is_gathering_noun(w)
                        || matches!(w, "gathering" | "event" | "session")
                });
            (before || for_after || apposed).then_some(n)
        })
        .or_else(|| days_so_far(s, t))
}

/// "a second and final day of a summit on Sunday", "on the third day of his visit": the
/// sentence's date is the engagement's last day so far, and this many days long ("the final
/// day of the talks": at least one).
fn days_so_far(s: &Sent, t: &Trigger) -> Option<i64> {
    let of = (t.first.saturating_sub(4)..t.first).rfind(|&k| s.toks[k].lower == "of")?;
    if of == 0 || s.toks[of - 1].lower != "day" {
        return None;
    }
    let before: Vec<&str> = (of.saturating_sub(5)..of - 1)
        .map(|k| s.toks[k].lower.as_str())
        .collect();
    // (The first day gives no range.)
    let ordinal = before
        .iter()
        .find_map(|w| crate::timex::ordinal(w))
        .filter(|&n| n >= 2)
        .map(i64::from);
    let last = before
        .last()
        .is_some_and(|w| matches!(*w, "final" | "last" | "closing"));
    ordinal.or(last.then_some(1))
}

/// Whether the trigger's date is its engagement's first day ("opened", "arrived", "kicked
/// off") or its last ("concluded", "wrapped up", "left").
fn anchor_of(s: &Sent, t: &Trigger) -> Anchor {
    let (first, last) = t.clause;
    // (After the trigger, past a gathering's long name: "the 13th summit of the South Asian
    // Association for Regional Cooperation (SAARC) opened here Saturday".)
    // "on the second day of the summit": the date is the last day so far, if not the last.
    if days_so_far(s, t).is_some() {
        return Anchor::Last;
    }
    // "a two-day gathering ... that wraps up at the Opera House on Sunday": also the verb a
    // date of the clause hangs on, however far from the trigger.
    let before_dates = s
        .times
        .iter()
        .filter(|x| x.first > t.last + 12 && x.last <= last)
        .flat_map(|x| x.first.saturating_sub(9)..x.first);
    let near = (t.first.saturating_sub(6).max(first)..=(t.last + 12).min(last))
        .chain(before_dates)
        .map(|k| s.toks[k].lower.as_str());
    let mut anchor = Anchor::Unknown;
    for w in near {
        match w {
            "opened" | "opens" | "open" | "kicked" | "kicks" | "kick" | "began" | "begins"
            | "begin" | "started" | "starts" | "start" | "launched" | "inaugurated" => {
                anchor = Anchor::First
            }
            // An arrival starts a trip; it only comes before talks or a summit.
            "arrived" | "arrives" | "arrive" | "arriving"
                if matches!(t.kind, EventType::Visit | EventType::Tour) =>
            {
                anchor = Anchor::First
            }
            "ended" | "ends" | "end" | "concluded" | "concludes" | "conclude" | "wrapped"
            | "wraps" | "closed" | "closes" | "close" | "completed" => anchor = Anchor::Last,
            _ => {}
        }
    }
    anchor
}

/// "met yesterday with the leaders ... at the Ninth Summit of the Americas": a gathering
/// the sentence gives no date of its own takes the day of the meeting held at it.
fn gatherings_dated_by_their_meetings(mentions: &mut [Mention], sentence: usize) {
    let dated = mentions
        .iter()
        .rev()
        .take_while(|m| m.sentence == sentence)
        .find(|m| m.kind != EventType::Summit && m.date_source == DateSource::Text)
        .map(|m| (m.date, m.date_words.clone()));
    let Some((date, words)) = dated else { return };
    for m in mentions
        .iter_mut()
        .rev()
        .take_while(|m| m.sentence == sentence)
    {
        if m.kind == EventType::Summit && m.date_source != DateSource::Text {
            m.date = date;
            m.date_source = DateSource::Text;
            m.date_words = format!("{words} (the meeting held at it)");
        }
    }
}

/// The proper name of a gathering ("the Summit of the Americas", "APEC Economic Leaders'
/// Meeting"), when its trigger word is capitalised as part of one.
fn gathering_name(s: &Sent, t: &triggers::Trigger) -> Option<String> {
    let toks = &s.toks;
    if !toks[t.first].cap {
        return None;
    }
    let mut first = t.first;
    while first > 0
        && toks[first - 1].word
        && (toks[first - 1].cap
            || toks[first - 1]
                .lower
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_alphabetic())
                && toks[first - 1].lower.ends_with("th"))
    {
        first -= 1;
    }
    let mut last = t.last;
    loop {
        let joiner = toks
            .get(last + 1)
            .is_some_and(|x| matches!(x.lower.as_str(), "of" | "on" | "for" | "the" | "and"));
        let next_cap = |k: usize| toks.get(k).is_some_and(|x| x.word && x.cap);
        if joiner
            && (next_cap(last + 2)
                || toks.get(last + 2).is_some_and(|x| x.lower == "the") && next_cap(last + 3))
        {
            last += 2;
            while next_cap(last)
                || toks
                    .get(last)
                    .is_some_and(|x| x.lower == "the" && next_cap(last + 1))
            {
                last += 1;
            }
            last -= 1;
        } else {
            break;
        }
    }
    // "The fourth Summit ...": the article is not part of the name.
    if toks[first].lower == "the" {
        first += 1;
    }
    let text = toks[first..=last]
        .iter()
        .map(|x| {
            if x.possessive {
                format!("{}'", x.text)
            } else {
                x.text.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    (last > first).then_some(text)
}

/// A trip made to attend a gathering is the gathering's (EVENTS.md R4): "arrived here to
/// attend the summit", "left for Dhaka to participate in the SAARC summit". A state or
/// official visit with its own programme stays a visit.
fn attends_gathering(s: &Sent, t: &triggers::Trigger) -> bool {
    if !matches!(t.kind, EventType::Visit | EventType::Tour) {
        return false;
    }
    let (_, mut last) = t.clause;
    // "left for Riga, where she will attend the summit": what is done where
    // the trip goes.
    let where_next = s.toks.get(last + 1).is_some_and(|x| x.is(","))
        && s.toks.get(last + 2).is_some_and(|x| x.lower == "where");
    let reach = if where_next {
        last = triggers::clause_of(s, last + 3).1;
        20
    } else {
        14
    };
    let window: Vec<&str> = (t.last + 1..=last.min(t.last + reach))
        .map(|k| s.toks[k].lower.as_str())
        .collect();
    let framed = (t.clause.0..=last).any(|k| {
        matches!(
            s.toks[k].lower.as_str(),
            "state" | "official" | "working" | "goodwill"
        ) && s.toks.get(k + 1).is_some_and(|n| n.lower == "visit")
    });
    let attend = window.windows(2).any(|w| {
        matches!(
            w[0],
            "attend"
                | "attends"
                | "attending"
                | "participate"
                | "participates"
                | "participating"
                | "join"
                | "joins"
                | "joining"
        ) || w[0] == "part" && w[1] == "in"
    }) || window.windows(2).enumerate().any(|(i, w)| {
        // "for the summit", "for a peace conference", "for the UN General Assembly"; not
        // "for a summit with the president", talks of its own.
        w[0] == "for"
            && matches!(w[1], "the" | "a" | "an")
            && window[i + 2..].iter().take(4).enumerate().any(|(j, x)| {
                window.get(i + 3 + j) != Some(&"with")
                    && matches!(
                        *x,
                        "summit"
                            | "talks"
                            | "conference"
                            | "meeting"
                            | "forum"
                            | "session"
                            | "ministerial"
                            | "assembly"
                    )
            })
    });
    attend && !framed
}

/// "visited India in March, the first visit by a prime minister since 2017": an apposition
/// that tells what the trip before it was a record of, not another trip.
fn record_of_the_trip_before(s: &Sent, t: &Trigger, found: &[Trigger]) -> bool {
    let is_trip = |k: EventType| matches!(k, EventType::Visit | EventType::Tour);
    if !is_trip(t.kind) {
        return false;
    }
    let Some(ordinal) = (t.first.saturating_sub(3)..t.first).find(|&k| {
        matches!(
            s.toks[k].lower.as_str(),
            "first" | "only" | "second" | "third" | "last"
        )
    }) else {
        return false;
    };
    let after_comma = ordinal >= 2
        && matches!(
            s.toks[ordinal - 1].lower.as_str(),
            "the" | "his" | "her" | "its"
        )
        && s.toks[ordinal - 2].is(",");
    after_comma && found.iter().any(|x| is_trip(x.kind) && x.last < t.first)
}

/// A gathering reported from its own city, with no other place named, is where the
/// dateline is; so is a meeting the report gives no second state for.
fn place_at_dateline(
    doc: &Doc,
    kind: EventType,
    source: DateSource,
    date: &EventDate,
    parties: &mut participants::Parties,
) {
    let Some(here) = &doc.here else { return };
    if parties.host.is_some() {
        return;
    }
    let today = EventDate::new(crate::model::PartialDate::day(doc.dct), None).ok();
    let near = (date.first_day() - doc.dct).num_days().abs() <= 3
        || source == DateSource::Text
            && today.as_ref().is_some_and(|t| {
                date.overlaps(t) && date.start.precision() != crate::model::Precision::Year
            });
    let applies = match kind {
        EventType::Summit => near,
        EventType::Meeting => near && parties.states().count() < 2,
        _ => false,
    };
    // The dateline state's own officials meeting visitors, with no place named: at the
    // dateline ("WASHINGTON -- ... met with the heads of government").
    if kind == EventType::Meeting
        && near
        && parties.places.is_empty()
        && parties.countries.contains(&here.country)
    {
        parties.places.push(here.place.clone());
    }
    if applies {
        if !parties.countries.contains(&here.country) {
            parties.countries.push(here.country.clone());
        }
        if parties.places.is_empty() {
            parties.places.push(here.place.clone());
        }
        parties.host = Some(here.country.clone());
    }
}

/// A gathering held where and when the article reports from is what the article is about:
/// the officials it names, with their states, are its participants.
fn the_gathering_of_the_day(doc: &Doc, cast: &Cast, e: &mut Mention) {
    let Some(here) = &doc.here else { return };
    let at_dateline = e.parties.host.as_ref().is_none_or(|h| *h == here.country)
        && e.parties.countries.contains(&here.country);
    let today = EventDate::new(crate::model::PartialDate::day(doc.dct), None).ok();
    let now = (e.date.first_day() - doc.dct).num_days().abs() <= 2
        || today.as_ref().is_some_and(|t| {
            e.date.overlaps(t) && e.date.start.precision() == crate::model::Precision::Day
        });
    if !(at_dateline && now) {
        return;
    }
    for (name, country) in cast.officials() {
        if let Some(c) = country {
            if !e.parties.countries.contains(c) {
                e.parties.countries.push(c.clone());
            }
        }
        if !e.parties.actors.iter().any(|a| a == name) {
            e.parties.actors.push(name.clone());
        }
    }
}

fn draft(doc: &Doc, m: Mention, title: String) -> Draft {
    let mut field_origins = BTreeMap::new();
    field_origins.insert("type".into(), format!("the words \"{}\"", m.trigger));
    field_origins.insert(
        "date".into(),
        match m.date_source {
            DateSource::Text => format!("the date expression \"{}\"", m.date_words),
            DateSource::Reported if m.date_words.is_empty() => {
                "no date in the sentence: the day the article reports from".into()
            }
            DateSource::Reported => m.date_words.clone(),
            DateSource::Recounted => {
                "recounted without a date: the month the article reports from".into()
            }
        },
    );
    let confidence = match m.date_source {
        DateSource::Text => 0.8,
        DateSource::Reported => 0.6,
        DateSource::Recounted => 0.4,
    };
    let evidence = doc.text[m.start..m.end].trim().to_string();
    let other_evidence = m
        .also
        .iter()
        .map(|&(a, b)| (doc.text[a..b].trim().to_string(), a, b))
        .collect();
    Draft {
        kind: m.kind,
        date: m.date,
        countries: m.parties.countries,
        actors: m.parties.actors,
        places: m.parties.places,
        evidence,
        start: m.start,
        end: m.end,
        other_evidence,
        confidence,
        field_origins,
        name: m.name,
        title,
    }
}

/// A stop of a trip: its state, its own date, and its place when the text names one.
type Stop = (Country, EventDate, Option<String>);

/// The destinations of a trip that the sentence dates each on its own ("will visit Japan and
/// South Korea, stopping in Tokyo from March 20 to 22 and in Seoul on March 23 and 24"), with
/// their dates. Empty unless at least two are dated.
fn dated_stops(s: &Sent, t: &Trigger, parties: &Parties) -> Vec<Stop> {
    if !matches!(t.kind, EventType::Visit | EventType::Tour) || parties.destinations.len() < 2 {
        return Vec::new();
    }
    let mut stops: Vec<Stop> = Vec::new();
    for c in &s.countries {
        if !parties.destinations.contains(&c.country)
            || stops.iter().any(|(d, ..)| *d == c.country)
            || c.first == 0
            || !matches!(s.toks[c.first - 1].lower.as_str(), "in" | "to" | "at")
        {
            continue;
        }
        if let Some(date) = dates::stop_date(s, c.last) {
            stops.push((c.country.clone(), date, c.place.clone()));
        }
    }
    if stops.len() < 2 {
        stops.clear();
    }
    stops
}

/// EVENTS.md R3: each dated stop is its own visit, with no trip over them; the stops left
/// undated stay one trip.
fn split_into_stops(mentions: &mut Vec<Mention>, at: usize, stops: Vec<Stop>) {
    let trip = mentions[at].clone();
    let undated: Vec<Country> = trip
        .parties
        .destinations
        .iter()
        .filter(|d| !stops.iter().any(|(s, ..)| s == *d))
        .cloned()
        .collect();
    let keep_only = |m: &mut Mention, keep: &[Country]| {
        let traveller = m.parties.traveller.clone();
        m.parties.destinations.retain(|d| keep.contains(d));
        m.parties
            .countries
            .retain(|c| keep.contains(c) || Some(c) == traveller.as_ref());
        m.parties.host = None;
    };
    let stop_places: Vec<String> = stops.iter().filter_map(|(.., p)| p.clone()).collect();
    for (country, date, place) in stops {
        let mut visit = trip.clone();
        visit.parties.places = place.into_iter().collect();
        visit.kind = EventType::Visit;
        visit.date = date;
        visit.date_source = DateSource::Text;
        visit.date_words = format!("{} (the stop's own date)", visit.date_words);
        keep_only(&mut visit, std::slice::from_ref(&country));
        mentions.push(visit);
    }
    if undated.is_empty() {
        mentions.remove(at);
    } else {
        keep_only(&mut mentions[at], &undated);
        mentions[at]
            .parties
            .places
            .retain(|p| !stop_places.contains(p));
    }
}
