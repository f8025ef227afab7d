//! Whose text it is: the state a government's own readout speaks for, found from its
//! honorifics, its signature, the seat of government it names, its first subject or the
//! way it names its own leader. Agency copy and newspapers speak for no state.

use super::datelines::{closing_place, opening_place};
use super::document::{most_named, Sent};
use super::leaders;
use super::mentions::{CountryRef, Via};
use super::tokens::Tok;
use crate::model::{Article, Country, CountryKind};

/// The state whose officials a text speaks for when it names them without their country
/// ("The President spoke today with ..."): a government's own readout has no dateline and
/// names its seat ("the White House") or, in English, its country by name. Agency copy has
/// a dateline and reports on others: it has none.
pub(super) fn home_country(
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
    if let Some(body) = signed_by_a_body(sentences) {
        return Some(body);
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
    let named: Vec<&Country> = on_its_own.map(|c| &c.country).collect();
    let own: Vec<&Country> = named
        .iter()
        .copied()
        .filter(|c| !others.contains(c))
        .collect();
    // ("the Minister of Trade of Norway, X" in Norway's own text, which says "in Norway",
    // "Norway's ties", "to Norway": a state named on its own three times or more, and more
    // often than any other, is the text's own even though one of its people is named.)
    if let Some(most) = most_named(named.iter().copied()) {
        let times = |x: &Country| named.iter().filter(|c| **c == x).count();
        let rivals = own.iter().map(|c| times(c)).max().unwrap_or(0);
        // (A first-person text names its partner more than itself: "I will visit China".)
        if !demonyms && others.contains(&most) && times(most) >= 3 && times(most) > rivals {
            return Some(most);
        }
    }
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

/// "Ministry of Foreign Affairs of Norway", "Department of Foreign Affairs of Ireland",
/// "Government of the Republic of Chile": a government body that signs its text on a line of its own (in
/// the header after the last dash, or among the contacts) names the state it speaks for.
fn signed_by_a_body(sentences: &[Sent]) -> Option<String> {
    sentences.iter().find_map(|s| {
        let from = s.toks.iter().rposition(|t| t.is("-")).map_or(0, |d| d + 1);
        let line = &s.toks[from..];
        let words = line.iter().filter(|t| t.word).count();
        let only_a_name = (2..=8).contains(&words)
            && line.iter().all(|t| {
                t.cap || matches!(t.lower.as_str(), "of" | "the" | "and" | "for") || t.is("'s")
            });
        let body = line
            .iter()
            .any(|t| is_government(&t.lower) || matches!(t.lower.as_str(), "affairs" | "office"));
        if !only_a_name || !body {
            return None;
        }
        let mut states = s.countries.iter().filter(|c| {
            c.first >= from && c.is_state() && matches!(c.via, Via::Name | Via::Demonym)
        });
        let state = states.next()?;
        states
            .all(|c| c.country == state.country)
            .then(|| state.country.code.clone())
    })
}

/// The state of the official a text speaks as: "President X issued these remarks ... I
/// held talks this morning with ...". A release with a place-and-date line names no home of
/// its own, but when its body speaks in the first person outside quotation marks, in two
/// sentences or more, or names "our country", "I" is the official its first sentence names
/// first.
pub(super) fn speaker_state(sentences: &[Sent]) -> Option<String> {
    let quoted = |s: &Sent| s.toks.iter().any(|t| t.is_quote());
    let first_person = sentences
        .iter()
        .skip(1)
        .filter(|s| !quoted(s) && s.toks.iter().any(|t| t.text == "I"))
        .count();
    // "the leader of our nation", "our state's delegation": a presidency's own words.
    let our_state = sentences.iter().skip(1).any(|s| {
        !quoted(s)
            && s.toks.windows(2).any(|w| {
                w[0].lower == "our"
                    && matches!(
                        w[1].lower.as_str(),
                        "state" | "country" | "republic" | "nation"
                    )
            })
    });
    if first_person < 2 && !our_state {
        return None;
    }
    let opening = sentences.first()?;
    let speaker = opening.people.iter().find(|p| !p.speaker)?;
    let country = speaker.country.as_ref()?;
    (country.kind != CountryKind::Region).then(|| country.code.clone())
}
