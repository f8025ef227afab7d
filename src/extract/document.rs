//! An article made ready for extraction: its anchor date, its dateline place, and each
//! sentence with its tokens, dates, countries and people.
//!
//! In: an [`Article`]. Out: a [`Doc`] that the later phases (triggers, dates, participants,
//! folding) read without going back to the raw text.

use super::datelines::{closing_signature, dateline_here, opening_place, place_and_dash};
use super::home::{home_country, speaker_state};
use super::lexicon as lex;
use super::mentions::{self, CountryRef, PersonRef, Via};
use super::places::{named_states, reread_towns, same_town_same_state};
use super::sentences;
use super::tokens::{tokenize, Tok};
use crate::model::{Article, Country, EventDate, Gazetteer, PartialDate};
use crate::timex::{self, Timex, TimexType};
use chrono::{Datelike, Duration, NaiveDate};

/// A date expression of a sentence, as tokens and as an event date.
#[derive(Debug, Clone)]
pub(crate) struct TimeRef {
    pub(crate) timex: Timex,
    /// Token range (inclusive) in the sentence.
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// The calendar period it names, if it names one.
    pub(crate) date: Option<EventDate>,
    /// The number of days of a length ("three-day", "48-hour"), if it is one.
    pub(crate) days: Option<i64>,
}

/// One sentence, analysed.
#[derive(Debug)]
pub(crate) struct Sent<'a> {
    pub(crate) index: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) toks: Vec<Tok<'a>>,
    pub(crate) times: Vec<TimeRef>,
    pub(crate) countries: Vec<CountryRef>,
    pub(crate) people: Vec<PersonRef>,
    /// Token indices of "here" that stand for the dateline's place.
    pub(crate) here: Vec<usize>,
}

impl Sent<'_> {
    /// Whether the person or title at token `k` is the one who invites ("at the invitation
    /// of President X", "on an invitation from X"): the host of a visit, not its traveller.
    pub(crate) fn invites(&self, k: usize) -> bool {
        (k.saturating_sub(6)..k).any(|j| {
            self.toks[j].lower == "invitation"
                && self
                    .toks
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "of" | "from"))
        })
    }
}

/// Where the dateline puts the reporter ("here").
#[derive(Debug, Clone)]
pub(crate) struct Here {
    pub(crate) place: String,
    pub(crate) country: Country,
}

/// The article, analysed.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    /// The day the body is written relative to: the dateline's, else the publication date.
    pub(crate) dct: NaiveDate,
    pub(crate) here: Option<Here>,
    pub(crate) sentences: Vec<Sent<'a>>,
    /// The state the article's own officials serve, when the text makes it plain (readouts
    /// of one government); `None` for news agencies reporting on others.
    pub(crate) home: Option<String>,
    /// The state of the national news agency that signs the dateline ("(PTI)": India),
    /// whose own officials its copy names without their state.
    pub(crate) agency_home: Option<String>,
    /// The state the article names most often, other than its home.
    pub(crate) dominant: Option<Country>,
    /// The recent past day the lead reports ("stressed late Tuesday" in a Wednesday
    /// dispatch): a quoted "today" is that day, when the quotes were said.
    pub(crate) lead_day: Option<NaiveDate>,
}

/// Turns a TIMEX3 value into an event date, if it names a resolvable period.
pub(crate) fn timex_date(t: &Timex, dct: NaiveDate) -> Option<EventDate> {
    let v = t.value.as_str();
    let day = |s: &str| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok();
    match v {
        "PAST_REF" | "PRESENT_REF" | "FUTURE_REF" => None,
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
        _ if v.len() >= 7 && v.as_bytes()[4] == b'-' => {
            // Seasons and halves: the year is what we know.
            EventDate::new(PartialDate::year(v[..4].parse().ok()?), None).ok()
        }
        _ => None,
    }
    .filter(|_| dct.year() > 0)
}

/// Days of a "two-day", "48-hour", "week-long" length, if the expression is one.
fn duration_days(t: &Timex) -> Option<i64> {
    if t.kind != TimexType::Duration {
        return None;
    }
    let v = t.value.strip_prefix('P')?;
    let days = if let Some(d) = v.strip_suffix('D') {
        d.parse::<f64>().ok()?
    } else if let Some(w) = v.strip_suffix('W') {
        w.parse::<f64>().ok()? * 7.0
    } else if let Some(h) = v.strip_prefix('T').and_then(|h| h.strip_suffix('H')) {
        (h.parse::<f64>().ok()? / 24.0).ceil()
    } else {
        return None;
    };
    let days = days.round() as i64;
    (1..=31).contains(&days).then_some(days)
}

/// The token range of a byte span, if it lies within `toks`.
fn token_span(toks: &[Tok], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.iter().position(|t| t.end > start)?;
    let last = toks.iter().rposition(|t| t.start < end)?;
    (first <= last).then_some((first, last))
}

impl<'a> Doc<'a> {
    /// The state of the national agency that filed the text, if it is one.
    pub(crate) fn agency_state(&self) -> Option<&'static Country> {
        self.agency_home
            .as_deref()
            .and_then(|h| Gazetteer::get().by_code(h))
    }

    /// Analyses an article. `None` when it has no usable date.
    pub(crate) fn new(article: &'a Article) -> Option<Doc<'a>> {
        let text = article.text.as_str();
        let body_start = article.body_start.min(text.len());
        let publication = article.date.map(|d| d.first_day());
        let dateline = article.dateline.as_ref();
        // The body is written relative to its dateline when it has one.
        let dct = dateline.and_then(|d| d.date).or(publication)?;
        // "Rabat - His Majesty the King received ...": a known city alone, then a dash.
        let bare_place = dateline
            .is_none()
            .then(|| place_and_dash(text, body_start))
            .flatten();
        let mut dateline_span = dateline
            .map(|d| (d.start, d.end))
            .or(bare_place.map(|(_, span)| span))
            .unwrap_or((body_start, body_start));
        let mut timexes = timex::tag(&text[body_start..], Some(dct));
        for t in &mut timexes {
            t.start += body_start;
            t.end += body_start;
        }
        // "OSLO (Agency) - 04.02.2016 - Peru and ...": a date set off by a dash after the
        // dateline (or opening the text) is the dispatch's, not its first sentence's.
        let dated_opener = timexes.iter().find_map(|t| {
            let before = text.get(dateline_span.1..t.start)?;
            let after = text.get(t.end..)?;
            let rest = after.trim_start();
            let dash = ["-", "\u{2013}", "\u{2014}"]
                .into_iter()
                .find(|d| rest.starts_with(d) && rest[d.len()..].starts_with(' '))?;
            let dash_end = t.end + (after.len() - rest.len()) + dash.len();
            before.trim().is_empty().then_some(dash_end)
        });
        if let Some(end) = dated_opener {
            dateline_span.1 = end;
        }
        timexes.retain(|t| t.end <= dateline_span.0 || t.start >= dateline_span.1);
        timexes.sort_by_key(|t| t.start);
        let spans = sentences::split(text, body_start, text.len());
        let mut sentences_out = Vec::with_capacity(spans.len());
        let mut next_timex = 0;
        // Acronyms the article defines for a state's bodies ("the Communist Party of China
        // (CPC)"), so that "member of the CPC Central Committee" is that state's.
        let mut acronyms: Vec<(String, Country)> = Vec::new();
        for (index, s) in spans.iter().enumerate() {
            // The dateline is not part of the first sentence's words.
            let start = if dateline_span.1 > s.start && dateline_span.1 <= s.end {
                dateline_span.1
            } else {
                s.start
            };
            let sentence_text = &text[start..s.end];
            let toks = tokenize(sentence_text, start);
            let mut times = Vec::new();
            while next_timex < timexes.len() && timexes[next_timex].start < s.end {
                let t = &timexes[next_timex];
                next_timex += 1;
                if t.start < start || t.end > s.end {
                    continue;
                }
                if let Some((first, last)) = token_span(&toks, t.start, t.end) {
                    // "the 1990's": a decade, not the year 1990.
                    let decade = toks[last].possessive
                        && toks[last].text.len() == 4
                        && toks[last].text.ends_with('0')
                        && toks[last].text.bytes().all(|b| b.is_ascii_digit());
                    times.push(TimeRef {
                        date: if decade { None } else { timex_date(t, dct) },
                        days: duration_days(t),
                        timex: t.clone(),
                        first,
                        last,
                    });
                }
            }
            let mut countries = mentions::countries(&toks);
            mentions::add_acronyms(&toks, &acronyms, &mut countries);
            mentions::learn_acronyms(&toks, &countries, &mut acronyms);
            let people = mentions::people(&toks, &countries, Some(dct.year()));
            let here_toks = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.lower == "here")
                .map(|(k, _)| k)
                .collect();
            sentences_out.push(Sent {
                index,
                start,
                end: s.end,
                toks,
                times,
                countries,
                people,
                here: here_toks,
            });
        }
        // A town's name shared by several states ("Freeport") means the one of the states
        // the article is about.
        let named = named_states(&sentences_out);
        let here = dateline
            .and_then(|d| {
                // The place runs from the dateline's start to its first comma: "XI'AN, Nov.
                // 26" (the dateline reader may stop at an apostrophe).
                let span = text.get(d.start..d.end).unwrap_or("");
                let head = span.split([',', '(']).next().unwrap_or(&d.place).trim();
                let place = if head.len() > d.place.len() {
                    head
                } else {
                    d.place.as_str()
                };
                dateline_here(place, &named).or_else(|| dateline_here(&d.place, &named))
            })
            .or_else(|| bare_place.and_then(|(place, _)| dateline_here(place, &named)))
            .or_else(|| {
                article
                    .place
                    .as_deref()
                    .and_then(|p| dateline_here(p, &named))
            });
        reread_towns(&mut sentences_out, &named);
        let agency_home = dateline
            .and_then(|d| d.agency.as_deref())
            .or_else(|| closing_signature(text))
            .and_then(crate::timex::agency_state)
            .map(str::to_string);
        let home = home_country(
            article,
            &sentences_out,
            dateline.is_some() || bare_place.is_some(),
            dct.year(),
        )
        .or_else(|| {
            agency_home
                .is_none()
                .then(|| speaker_state(&sentences_out))
                .flatten()
        });
        // "Madrid, Tuesday 28 June 2022" opening a release: its place is where "here" is.
        let here = here.or_else(|| {
            opening_place(&sentences_out)
                .and_then(|(_, place)| place)
                .and_then(|p| dateline_here(&p, &named))
        });
        if let Some(here) = &here {
            same_town_same_state(&mut sentences_out, here);
        }
        let own = home
            .as_deref()
            .or(here.as_ref().map(|h| h.country.code.as_str()));
        if let Some(kingdom) = own.filter(|c| lex::KINGDOMS.contains(c)) {
            the_kingdom_is(&mut sentences_out, kingdom);
        }
        let dominant = dominant_state(&sentences_out, home.as_deref());
        let lead_day = sentences_out.first().and_then(|s| {
            s.times.iter().filter_map(|t| t.date).find(|d| {
                d.end.is_none()
                    && d.start.precision() == crate::model::Precision::Day
                    && d.first_day() < dct
                    && dct - d.first_day() <= chrono::Duration::days(3)
            })
        });
        Some(Doc {
            text,
            dct,
            here,
            sentences: sentences_out,
            home,
            agency_home,
            dominant,
            lead_day: lead_day.map(|d| d.first_day()),
        })
    }
}

/// "the declaration that the Kingdom, Egypt and Iraq signed": in a text from a kingdom,
/// "the Kingdom" alone is that state.
fn the_kingdom_is(sentences: &mut [Sent], code: &str) {
    let Some(country) = Gazetteer::get().by_code(code).cloned() else {
        return;
    };
    for s in sentences.iter_mut() {
        let at: Vec<usize> = (1..s.toks.len())
            .filter(|&k| {
                s.toks[k].text == "Kingdom"
                    && s.toks[k - 1].lower == "the"
                    && s.toks.get(k + 1).is_none_or(|n| n.lower != "of")
                    && !s.countries.iter().any(|c| c.first <= k && k <= c.last)
            })
            .collect();
        if at.is_empty() {
            continue;
        }
        for k in at {
            s.countries.push(CountryRef {
                country: country.clone(),
                via: Via::Name,
                first: k,
                last: k,
                place: None,
            });
        }
        s.countries.sort_by_key(|c| c.first);
    }
}

/// The state named most often (first named on a tie), other than `home`.
pub(crate) fn dominant_state(sentences: &[Sent], home: Option<&str>) -> Option<Country> {
    most_named(
        sentences
            .iter()
            .flat_map(|s| &s.countries)
            .filter(|c| c.is_state() && Some(c.country.code.as_str()) != home)
            .map(|c| &c.country),
    )
    .cloned()
}

/// The country named most often (first named on a tie).
pub(crate) fn most_named<'a>(named: impl Iterator<Item = &'a Country>) -> Option<&'a Country> {
    let mut counts: Vec<(&Country, usize)> = Vec::new();
    for c in named {
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c)
}
