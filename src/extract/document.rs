//! An article made ready for extraction: its anchor date, its dateline place, and each
//! sentence with its tokens, dates, countries and people.
//!
//! In: an [`Article`]. Out: a [`Doc`] that the later phases (triggers, dates, participants,
//! folding) read without going back to the raw text.

use super::datelines::{
    closing_place, closing_signature, dateline_here, opening_place, place_and_dash,
};
use super::leaders;
use super::lexicon as lex;
use super::mentions::{self, CountryRef, PersonRef, Via};
use super::places::{named_states, reread_towns, same_town_same_state};
use super::sentences;
use super::tokens::{tokenize, Tok};
use crate::model::{Article, Country, CountryKind, EventDate, Gazetteer, PartialDate};
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
        let home = home_country(
            article,
            &sentences_out,
            dateline.is_some() || bare_place.is_some(),
            dct.year(),
        );
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
            agency_home: dateline
                .and_then(|d| d.agency.as_deref())
                .or_else(|| closing_signature(text))
                .and_then(crate::timex::agency_state)
                .map(str::to_string),
            dominant,
            lead_day: lead_day.map(|d| d.first_day()),
        })
    }
}

/// The state whose officials a text speaks for when it names them without their country
/// ("The President spoke today with ..."): a government's own readout has no dateline and
/// names its seat ("the White House") or, in English, its country by name. Agency copy has
/// a dateline and reports on others: it has none.
fn home_country(
    article: &Article,
    sentences: &[Sent],
    has_dateline: bool,
    year: i32,
) -> Option<String> {
    if has_dateline || article.place.is_some() || newspaper_byline(sentences) {
        return None;
    }
    // "Prime Minister Shri ...", "Smt. ...": the honorifics of India's government texts.
    let honorific = sentences
        .iter()
        .flat_map(|s| &s.toks)
        .any(|t| t.cap && matches!(t.lower.as_str(), "shri" | "smt"));
    if honorific {
        return Some("IN".to_string());
    }
    // "New Delhi / October 11, 2008" closing the text: a ministry signs its release with the
    // place it was issued.
    if let Some(place) =
        closing_place(sentences).or_else(|| opening_place(sentences).map(|(code, _)| code))
    {
        return Some(place);
    }
    // The seat of its government named ("the White House", "the Kremlin").
    // Not a seat visited: "an Official Arrival Ceremony at the White House".
    let visited = |s: &Sent, c: &CountryRef| {
        let before =
            |k: usize| k > 0 && matches!(s.toks[k - 1].lower.as_str(), "at" | "to" | "in" | "into");
        before(c.first) || c.first > 0 && s.toks[c.first - 1].lower == "the" && before(c.first - 1)
    };
    let seat = sentences
        .iter()
        .flat_map(|s| s.countries.iter().map(move |c| (s, c)))
        .find(|(s, c)| c.via == Via::Seat && !visited(s, c))
        .map(|(_, c)| c.country.code.clone());
    if seat.is_some() {
        return seat;
    }
    // "The Brazilian Government learned ...", "The Government of Japan welcomes ...": a
    // government that names itself as its text's first subject.
    let government = sentences.first().and_then(|s| {
        let word = |k: usize| s.toks.get(k).map_or("", |t| t.lower.as_str());
        let c = s.countries.iter().find(|c| c.first <= 4 && c.is_state())?;
        // The mention may take in its article ("The Brazilian" at 0) or follow it.
        let the_before = c.first <= 1 && word(0) == "the";
        let own = (the_before && is_government(word(c.last + 1)))
            || (c.first == 3 && word(0) == "the" && is_government(word(1)) && word(2) == "of");
        own.then(|| c.country.code.clone())
    });
    if government.is_some() {
        return government;
    }
    // "The Albanese Government has made clear ...": a Westminster government styled after
    // its leader, as a sentence's subject near the top.
    let styled = sentences.iter().take(3).find_map(|s| {
        let toks = &s.toks;
        let k = toks.iter().position(|t| t.word)?;
        let leader = toks.get(k + 1)?;
        let styled = toks[k].lower == "the"
            && leader.cap
            && toks.get(k + 2)?.text == "Government"
            && s.countries.iter().all(|c| c.first != k + 1);
        if !styled {
            return None;
        }
        let titles: [&[&str]; 2] = [&["Prime", "Minister"], &["President"]];
        titles
            .iter()
            .find_map(|title| leaders::country_of(title, &[leader.text], Some(year)))
            .map(str::to_string)
    });
    if styled.is_some() {
        return styled;
    }
    // "I will visit China from 4 to 7 November, at the invitation of Premier Li": a leader's
    // or minister's own release. Everyone it names is someone else, so its state is the
    // one it names most ("Australian businesses", "in Australia's interest") that is not a
    // named person's.
    if speaks_in_first_person(sentences) {
        return own_state_named_most(sentences, true)
            .or_else(|| capital_welcomed_to(sentences))
            .map(|c| c.code.clone());
    }
    // The person a text opens with as its subject: before them, only when and how long, no
    // other name or title ("Today, the President met Prime Minister X of Japan" opens with
    // the President).
    // An opening phrase set off by a comma is passed over: "At the invitation of their
    // counterparts, the President of the Republic, X, will travel ...".
    let subject = sentences.first().and_then(|s| {
        let opening = matches!(
            s.toks.first()?.lower.as_str(),
            "at" | "on" | "in" | "following" | "after" | "upon" | "during"
        );
        let from = if opening {
            s.toks.iter().position(|t| t.is(",")).map_or(0, |c| c + 1)
        } else {
            0
        };
        let p = s.people.iter().find(|p| p.first >= from)?;
        (from..p.first)
            .all(|k| {
                let t = &s.toks[k];
                !t.word
                    || !t.cap
                    || k == from
                    || s.times.iter().any(|x| x.first <= k && k <= x.last)
            })
            .then_some((s, p))
    });
    // "President Cyril Ramaphosa today held a telephone conversation with ...": a
    // presidency names its own leader bare; a leader known by name gives the state.
    // Not when the sentence names the state too: "Prime Minister X of India and President
    // Y met today" may be anyone's readout.
    let leader = subject.and_then(|(s, p)| {
        let country = p.country.as_ref().filter(|_| p.by_name)?;
        let bare = !s.countries.iter().any(|c| c.country == *country);
        bare.then(|| country.code.clone())
    });
    if leader.is_some() {
        return leader;
    }
    // "On 6 May, Mr. X, Prime Minister of Japan, held a meeting with ...": a text that
    // opens with an official of a state, named with the state, as its subject.
    let opener = subject.and_then(|(s, p)| {
        let country = p.country.as_ref()?;
        // Named after the person, as a role ("..., Prime Minister of Japan,"): news opens
        // with foreign leaders too, but names their state first ("Israeli Prime Minister").
        let word = |k: usize| s.toks[k].lower.as_str();
        let role_after = s.countries.iter().any(|c| {
            c.country == *country
                && c.first > p.last
                && c.first <= p.last + 7
                && (word(c.first - 1) == "of"
                    || word(c.first - 1) == "the" && word(c.first - 2) == "of")
        });
        (role_after && country.kind == CountryKind::State).then(|| country.code.clone())
    });
    if opener.is_some() {
        return opener;
    }
    // "The Prime Minister" or "the President" with no name or state after it: a
    // government's own leader, as its text names them.
    let unattributed = |title: &[&str], subject: bool| {
        sentences.iter().enumerate().find_map(|(i, s)| {
            s.toks
                .windows(title.len() + 2)
                .take(if subject { 1 } else { usize::MAX })
                .position(|w| {
                    w[0].lower == "the"
                        && w[1].cap
                        && w[1..=title.len()]
                            .iter()
                            .zip(title)
                            .all(|(t, x)| t.lower == *x)
                        && !w[title.len() + 1].cap
                        && w[title.len() + 1].lower != "of"
                })
                .map(|k| (i, k))
        })
    };
    // As the subject of a sentence: "urged the Prime Minister to" is the one spoken to.
    let prime_minister = unattributed(&["prime", "minister"], true);
    let president = unattributed(&["president"], false);
    // "The Prime Minister spoke to President Biden this evening.": a readout that opens with
    // its own leader unnamed is that government's, and the leader named is the other side.
    if prime_minister == Some((0, 0)) {
        return named_in_apposition(sentences)
            .or_else(|| own_state_named_most(sentences, false).map(|c| c.code.clone()));
    }
    // "At the invitation of President Xi Jinping, President of the Russian Federation X
    // will pay a state visit": a government names its own leader without the state every
    // time, and foreign leaders with theirs at least once; its text names its own first.
    let people = || sentences.iter().flat_map(|s| &s.people);
    let surname = super::cast::surname;
    // The first person named, past those who only speak for a ministry.
    let never_attributed = people().find(|p| !p.speaker).filter(|p| {
        p.by_name
            && !people()
                .any(|q| !q.by_name && q.country.is_some() && surname(&q.name) == surname(&p.name))
    });
    if let Some(country) = never_attributed.and_then(|p| p.country.as_ref()) {
        if country.kind == CountryKind::State {
            return Some(country.code.clone());
        }
    }
    // "The Prime Minister spoke to President X" before any "the President": a government
    // led by a prime minister, whose country is the one its text names on its own ("the UK
    // will continue ..."), not after a foreign leader ("President X of Ukraine").
    if prime_minister.is_some() && (president.is_none() || prime_minister < president) {
        return own_state_named_most(sentences, false).map(|c| c.code.clone());
    }
    // Only a text with an American mark is taken for a U.S. one: the European Council's or
    // the UN's texts name their own people bare too. The marks: the United States or one of
    // its people named, the White House's "Readout of ...", its "National Security
    // Advisor" (others spell "Adviser"). An unnamed "the President" is no mark: every
    // presidency writes it.
    let names_us = sentences.iter().any(|s| {
        s.countries.iter().any(|c| c.country.code == "US")
            || s.people
                .iter()
                .any(|p| p.country.as_ref().is_some_and(|c| c.code == "US"))
            || s.toks.windows(3).any(|w| {
                w[0].lower == "national" && w[1].lower == "security" && w[2].lower == "advisor"
            })
    });
    let readout = article.headline.starts_with("Readout");
    (names_us || readout).then(|| "US".to_string())
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

/// "From Our Political Staff, at Castle Leslie", "From Our Correspondent in Geneva", or a
/// news site's stamp ("PUBLISHED : 2 MAR 2015 AT 08:40", "Updated: ..."): a newspaper's
/// byline. A newspaper reports on governments, its own among them, and speaks for none.
fn newspaper_byline(sentences: &[Sent]) -> bool {
    sentences.first().is_some_and(|s| {
        let word = |k: usize| s.toks.get(k).map_or("", |t| t.lower.as_str());
        let stamp = matches!(word(0), "published" | "updated" | "posted")
            && word(1) == ":"
            && s.times.first().is_some_and(|t| t.first <= 4);
        stamp
            || word(0) == "from"
                && word(1) == "our"
                && s.toks.iter().skip(2).take(3).any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "correspondent" | "correspondents" | "staff" | "reporter" | "editor"
                    )
                })
    })
}

/// The state a text names most on its own ("the UK will continue ..."), not after "of"
/// ("President X of Ukraine"), not before a name or title ("Ukrainian President X"), and not
/// the state of anyone it names: those are the other side. Demonyms count when `demonyms`
/// ("Australian businesses"): a first-person text calls its own people so.
fn own_state_named_most<'a>(sentences: &'a [Sent], demonyms: bool) -> Option<&'a Country> {
    // A former holder ("then Prime Minister X", "former President Y") is background, often
    // the text's own government's past leader, not the other side.
    let former = |s: &Sent, k: usize| {
        k > 0 && matches!(s.toks[k - 1].lower.as_str(), "then" | "former" | "late")
    };
    let others: Vec<&Country> = sentences
        .iter()
        .flat_map(|s| s.people.iter().filter(move |p| !former(s, p.first)))
        .filter_map(|p| p.country.as_ref())
        .collect();
    let on_its_own = sentences.iter().flat_map(|s| {
        s.countries.iter().filter(move |c| {
            let after_of = c.first > 0 && s.toks[c.first - 1].lower == "of";
            let before_someone = s.people.iter().any(|p| p.first == c.last + 1)
                || s.toks.get(c.last + 1).is_some_and(|t| t.cap);
            let by = match c.via {
                Via::Name => true,
                Via::Demonym => demonyms,
                _ => false,
            };
            c.country.kind == CountryKind::State && by && !after_of && !before_someone
        })
    });
    let own: Vec<&Country> = on_its_own
        .map(|c| &c.country)
        .filter(|c| !others.contains(c))
        .collect();
    // "between the United Kingdom and the United States": the state paired with the other
    // side's is the text's own.
    let paired = |c: &&Country| {
        sentences.iter().any(|s| {
            s.countries.windows(2).any(|w| {
                // Mentions may overlap ("Sino-" in a name): then nothing is between them.
                let between: Vec<&str> = s
                    .toks
                    .get(w[0].last + 1..w[1].first)
                    .unwrap_or_default()
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect();
                let coordinated = matches!(between.as_slice(), ["and"] | ["and", "the"]);
                coordinated
                    && (w[0].country == **c && others.contains(&&w[1].country)
                        || w[1].country == **c && others.contains(&&w[0].country))
            })
        })
    };
    let partners: Vec<&Country> = own.iter().copied().filter(|c| paired(c)).collect();
    let (pool, least) = if partners.is_empty() {
        (own, if demonyms { 2 } else { 1 })
    } else {
        (partners, 1)
    };
    let best = most_named(pool.iter().copied())?;
    (pool.iter().filter(|c| **c == best).count() >= least).then_some(best)
}

/// "I was pleased to welcome President X to Wellington": where a first-person text welcomes,
/// hosts or receives a guest of another state is its own capital.
fn capital_welcomed_to<'a>(sentences: &'a [Sent]) -> Option<&'a Country> {
    sentences.iter().find_map(|s| {
        let host = s.toks.iter().position(|t| {
            let w = t.lower.as_str();
            w.starts_with("welcom") || w.starts_with("host") || w.starts_with("receiv")
        })?;
        let guests: Vec<&Country> = s.people.iter().filter_map(|p| p.country.as_ref()).collect();
        s.countries
            .iter()
            .find(|c| {
                c.via == Via::Capital
                    && c.first > host
                    && c.first > 0
                    && s.toks[c.first - 1].lower == "to"
                    && c.country.kind == CountryKind::State
                    && !guests.is_empty()
                    && !guests.contains(&&c.country)
            })
            .map(|c| &c.country)
    })
}

/// "The Prime Minister, Mark Carney, today announced ...", and elsewhere "Mark Carney, Prime
/// Minister of Canada": the state the text gives the leader it opens with, named there in
/// apposition.
fn named_in_apposition(sentences: &[Sent]) -> Option<String> {
    let toks = &sentences.first()?.toks;
    let comma = toks.iter().take(4).position(|t| t.is(","))?;
    let name: Vec<&Tok> = toks[comma + 1..].iter().take_while(|t| t.cap).collect();
    let closed = toks.get(comma + 1 + name.len()).is_some_and(|t| t.is(","));
    let last = name.last().filter(|_| closed && name.len() >= 2)?;
    sentences
        .iter()
        .flat_map(|s| &s.people)
        .filter(|p| super::cast::surname(&p.name) == last.text)
        .find_map(|p| p.country.as_ref())
        .filter(|c| c.kind == CountryKind::State)
        .map(|c| c.code.clone())
}

/// "I will visit ...", "We welcome ...": the text's voice is its author's, outside quotes,
/// within its first sentences.
fn speaks_in_first_person(sentences: &[Sent]) -> bool {
    sentences.iter().take(3).any(|s| {
        let quoted = s.toks.iter().position(Tok::is_quote);
        s.toks.iter().enumerate().any(|(k, t)| {
            matches!(t.text, "I" | "We")
                && quoted.is_none_or(|q| k < q)
                && s.toks.get(k + 1).is_some_and(|n| n.word && !n.cap)
        })
    })
}

/// A word a government's text names itself by ("the Brazilian Government").
fn is_government(word: &str) -> bool {
    matches!(
        word,
        "government" | "ministry" | "presidency" | "chancellery" | "embassy" | "cabinet"
    )
}

/// The state named most often (first named on a tie), other than `home`.
fn dominant_state(sentences: &[Sent], home: Option<&str>) -> Option<Country> {
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
