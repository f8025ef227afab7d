//! What a sentence names: countries (by name, demonym, capital or city), regions and
//! international bodies, and people with their titles and the state they serve.
//!
//! Country and region names and demonyms come from the shared [`Gazetteer`] (the same data
//! as the site); cities from [`Places`]. Capitals stand for their governments anywhere
//! ("Beijing said"); other cities place an event only where the wording places something
//! ("in Maastricht", "to Busan", "Mettlach, Germany").

use super::leaders;
use super::places::Places;
use super::tokens::Tok;
use crate::model::country::normalise_key;
use crate::model::{Country, CountryKind, Gazetteer};
use std::collections::HashMap;
use std::sync::OnceLock;

mod lexicon;
mod people;

pub(crate) use lexicon::common_capitalised;
use lexicon::*;
pub(crate) use people::is_title_head;
pub(crate) use people::people;

/// How a country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// The seat of its government ("the White House", "the Kremlin").
    Seat,
    /// Its name ("China", "the United States").
    Name,
    /// A demonym or adjective ("Chinese", "Sino-").
    Demonym,
    /// Its capital or seat of government ("Beijing", "the White House").
    Capital,
    /// A city in it ("in Maastricht").
    City,
}

/// A country, region or international body named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CountryRef {
    pub(crate) country: Country,
    pub(crate) via: Via,
    /// Token range (inclusive) in the sentence.
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// The place's name when a city or capital names it.
    pub(crate) place: Option<String>,
}

impl CountryRef {
    /// A state (current or historical), not a region or body.
    pub(crate) fn is_state(&self) -> bool {
        self.country.kind != CountryKind::Region
    }
}

/// A person named with a title or introduced as an official.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PersonRef {
    pub(crate) name: String,
    pub(crate) title: String,
    /// The state (or body) the person serves, when the sentence says.
    pub(crate) country: Option<Country>,
    /// The state is the one of a leader known by name, the sentence not saying it.
    pub(crate) by_name: bool,
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// "visiting Romanian Foreign Minister ...".
    pub(crate) visiting: bool,
    /// A spokesperson or reporter: speaks, does not take part.
    pub(crate) speaker: bool,
}

/// Lower-cased name, demonym and capital keys -> country code and how it names it.
struct Lexicon {
    names: HashMap<String, (String, Via)>,
    max_words: usize,
}

impl Lexicon {
    fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let g = Gazetteer::get();
            let mut names = HashMap::new();
            for (key, code) in g.names() {
                // Two- and three-letter codes ("IN", "IT", "AM") are ordinary words in text.
                if key.len() <= 3 || !key.is_ascii() {
                    continue;
                }
                // Iceland's name in other languages is an English word ("Pacific Island leaders").
                if key == "island" {
                    continue;
                }
                names.insert(key.to_string(), (code.to_string(), Via::Name));
            }
            for (key, code) in g.demonyms() {
                names
                    .entry(key.to_string())
                    .or_insert((code.to_string(), Via::Demonym));
            }
            for (key, code) in EXTRA_DEMONYMS {
                // ("the European Commission" names its union, as "the European Union" does.)
                let named =
                    g.lookup(key).is_some() && !key.ends_with("an") || key.ends_with(" commission");
                let via = if named { Via::Name } else { Via::Demonym };
                names.insert(normalise_key(key), (code.to_string(), via));
            }
            for (key, code) in CONSTITUENT_COUNTRIES {
                names.insert(key.to_string(), (code.to_string(), Via::Name));
            }
            for key in HISTORICAL_ADJECTIVES {
                if let Some(entry) = names.get_mut(*key) {
                    entry.1 = Via::Demonym;
                }
            }
            for (seat, code) in SEATS {
                names.insert(normalise_key(seat), (code.to_string(), Via::Seat));
            }
            for (capital, code) in CAPITALS {
                names.insert(normalise_key(capital), (code.to_string(), Via::Capital));
            }
            let max_words = names
                .keys()
                .map(|k| k.split(' ').count())
                .max()
                .unwrap_or(1)
                .min(6);
            Lexicon { names, max_words }
        })
    }
}

/// A body named in `BODIES`, as a region-kind country.
fn body(key: &str) -> Option<Country> {
    BODIES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, name)| Country {
            code: name.to_lowercase(),
            name: name.to_string(),
            kind: CountryKind::Region,
        })
}

/// The country a lower-cased key names, with how.
fn lookup(key: &str) -> Option<(Country, Via)> {
    let g = Gazetteer::get();
    if let Some((code, via)) = Lexicon::get().names.get(key) {
        return g.by_code(code).map(|c| (c.clone(), *via));
    }
    body(key).map(|c| (c, Via::Name))
}

/// EVENTS.md: an extracted event names a state that no longer exists by its successor's
/// code ("the Soviet Union", "Soviet President X" take part for Russia). Not the states of a
/// bygone order: "the former Soviet Union", "the Soviet domination of those nations",
/// "Soviet-style militaries": a demonym stands for the state only before a title or name,
/// or before its people in office ("Soviet officials").
fn successor_state(toks: &[Tok], first: usize, end: usize, via: Via, country: Country) -> Country {
    if country.kind != CountryKind::Historical {
        return country;
    }
    let former = first > 0 && toks[first - 1].lower == "former";
    let of_state = via != Via::Demonym
        || toks.get(end).is_some_and(|t| {
            t.cap
                || matches!(
                    t.lower.as_str(),
                    "leader"
                        | "leaders"
                        | "officials"
                        | "delegation"
                        | "side"
                        | "government"
                        | "counterpart"
                        | "counterparts"
                        | "diplomats"
                        | "envoy"
                )
        });
    let g = Gazetteer::get();
    match g.by_code(g.successor(&country.code)) {
        Some(current) if !former && of_state => current.clone(),
        _ => country,
    }
}

/// "the Communist Party of China (CPC)", "the Vietnam News Agency (VNA)": an acronym
/// defined right after a name that holds a state's name is that state's.
pub(crate) fn learn_acronyms(
    toks: &[Tok],
    countries: &[CountryRef],
    acronyms: &mut Vec<(String, Country)>,
) {
    for k in 1..toks.len().saturating_sub(2) {
        let acronym = &toks[k + 1];
        let defined = toks[k].is("(")
            && toks[k + 2].is(")")
            && (2..=6).contains(&acronym.text.len())
            && acronym.text.chars().all(|c| c.is_ascii_uppercase())
            && lookup(&normalise_key(acronym.text)).is_none();
        if !defined {
            continue;
        }
        // The name runs back over capitalised words and "of", "the", "and".
        let name_start = (0..k)
            .rev()
            .take_while(|&j| {
                toks[j].cap || matches!(toks[j].lower.as_str(), "of" | "the" | "and" | "for")
            })
            .last();
        let Some(start) = name_start else { continue };
        let state = countries
            .iter()
            .find(|c| c.is_state() && c.first >= start && c.last < k && c.via != Via::City);
        if let Some(c) = state {
            if !acronyms.iter().any(|(a, _)| a == acronym.text) {
                acronyms.push((acronym.text.to_string(), c.country.clone()));
            }
        }
    }
}

/// The acronyms learnt so far, where the sentence uses them, as the state's adjective.
pub(crate) fn add_acronyms(
    toks: &[Tok],
    acronyms: &[(String, Country)],
    countries: &mut Vec<CountryRef>,
) {
    for (k, t) in toks.iter().enumerate() {
        let Some((_, country)) = acronyms.iter().find(|(a, _)| a == t.text) else {
            continue;
        };
        // (Not the definition itself, in its brackets.)
        let defining = k > 0 && toks[k - 1].is("(");
        if defining || countries.iter().any(|c| c.first <= k && k <= c.last) {
            continue;
        }
        countries.push(CountryRef {
            country: country.clone(),
            via: Via::Demonym,
            first: k,
            last: k,
            place: None,
        });
    }
    countries.sort_by_key(|c| c.first);
}

/// Finds countries, regions, bodies, capitals and placed cities in a sentence's tokens.
pub(crate) fn countries(toks: &[Tok]) -> Vec<CountryRef> {
    let lex = Lexicon::get();
    let places = Places::get();
    let mut out: Vec<CountryRef> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word || !toks[i].cap && !is_all_caps_body(&toks[i]) {
            i += 1;
            continue;
        }
        let words_from = |n: usize| -> Option<String> {
            let span = toks.get(i..i + n)?;
            // Names run over words and inner "of", "and", "the" only.
            if span.iter().any(|t| !t.word) {
                return None;
            }
            // "Democratic People's Republic of Korea": a possessive inside a name is part
            // of it.
            let words: Vec<String> = span
                .iter()
                .enumerate()
                .map(|(j, t)| {
                    if t.possessive && j + 1 < n {
                        format!("{}'s", t.text)
                    } else {
                        t.text.to_string()
                    }
                })
                .collect();
            Some(normalise_key(&words.join(" ")))
        };
        let mut found: Option<(usize, Country, Via)> = None;
        for n in (1..=lex.max_words.min(toks.len() - i)).rev() {
            let Some(key) = words_from(n) else { continue };
            if let Some((country, via)) = lookup(&key) {
                // "Ri Song Un": a body's short acronym is written in capitals ("UN").
                let acronym_in_lower_case = n == 1
                    && country.kind == CountryKind::Region
                    && toks[i].text.chars().count() <= 3
                    && toks[i].text.chars().any(char::is_lowercase);
                if acronym_in_lower_case {
                    continue;
                }
                // A name's last word that goes on as a longer capitalised name is part of
                // that name ("Georgia Tech", "Jordan Peterson"): not here, since names
                // are looked up longest first; but a demonym before a capitalised noun
                // is still a demonym ("Chinese President").
                found = Some((n, country, via));
                break;
            }
        }
        if let Some((n, country, via)) = found {
            // "President Mauricio Macri": a first name that is a country's name in another
            // language, between a title and a surname.
            let first_name = n == 1
                && via == Via::Name
                && i > 0
                && people::is_title_word(&toks[i - 1].lower)
                && toks
                    .get(i + 1)
                    .is_some_and(|t| t.word && t.cap && lookup(&normalise_key(t.text)).is_none());
            if first_name || surname_after_particles(toks, i) {
                i += n;
                continue;
            }
            // "Palestinian American community leaders": people of a country, not its state.
            if via == Via::Demonym
                && toks.get(i + n).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "american" | "americans" | "community" | "diaspora" | "expatriates"
                    )
                })
            {
                i += n + 1;
                continue;
            }
            // "18 billion US dollars", "Hong Kong dollars": a currency, not its state.
            if toks.get(i + n).is_some_and(|t| is_currency(&t.lower)) {
                i += n + 1;
                continue;
            }
            let place = matches!(via, Via::Capital | Via::Seat).then(|| join(&toks[i..i + n]));
            let country = successor_state(toks, i, i + n, via, country);
            out.push(CountryRef {
                country,
                via,
                first: i,
                last: i + n - 1,
                place,
            });
            i += n;
            continue;
        }
        // A city where the wording places something.
        if let Some((n, city)) = city_at(toks, i, places, &out) {
            out.push(city);
            i += n;
            continue;
        }
        out.extend(compound_parts(&toks[i], i));
        i += 1;
    }
    // "the Turkish capital": the capital of the country named.
    for c in &mut out {
        if c.via == Via::Demonym && toks.get(c.last + 1).is_some_and(|t| t.lower == "capital") {
            if let Some(capital) = places.capital_of(&c.country.code) {
                c.via = Via::Capital;
                c.last += 1;
                c.place = Some(title_case(capital));
            }
        }
    }
    out
}

fn is_currency(word: &str) -> bool {
    matches!(
        word.trim_end_matches('s'),
        "dollar"
            | "cent"
            | "yuan"
            | "yen"
            | "euro"
            | "pound"
            | "rupee"
            | "ruble"
            | "rouble"
            | "peso"
            | "riyal"
            | "rial"
            | "dinar"
            | "dirham"
            | "franc"
            | "lira"
            | "rand"
            | "ringgit"
            | "baht"
            | "shilling"
            | "naira"
            | "taka"
            | "hryvnia"
    )
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_all_caps_body(t: &Tok) -> bool {
    t.text.len() >= 2
        && t.text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn join(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

/// A city name starting at token `i` that the context makes a place.
fn city_at(
    toks: &[Tok],
    i: usize,
    places: &Places,
    known: &[CountryRef],
) -> Option<(usize, CountryRef)> {
    if common_capitalised(&toks[i].lower) {
        return None;
    }
    let before = i.checked_sub(1).map(|k| toks[k].lower.as_str());
    let placed_before = before.is_some_and(|b| PLACE_PREPOSITIONS.contains(&b));
    for n in (1..=places.max_words.min(toks.len() - i)).rev() {
        let span = &toks[i..i + n];
        if span.iter().any(|t| {
            !t.word
                || !t.cap && !matches!(t.lower.as_str(), "de" | "del" | "el" | "es" | "al" | "la")
        }) {
            continue;
        }
        // A longer capitalised name goes on: "Victoria Nuland", "Kingston Road". Not a
        // gathering or document named after its city: "the Madrid Summit", "the Geneva
        // Conference".
        let named_after = toks.get(i + n).is_some_and(|t| {
            let w = t.lower.as_str();
            crate::extract::lexicon::is_gathering_noun(w)
                || crate::extract::lexicon::AGREEMENT_NOUNS.contains(&w)
                || matches!(w, "declaration" | "communique")
        });
        if !named_after
            && toks
                .get(i + n)
                .is_some_and(|t| t.word && t.cap && !t.possessive)
        {
            continue;
        }
        // So does one joined by a particle: "Palacio de San Carlos", "Casa da Música".
        let particle_name = toks.get(i + n).is_some_and(|t| {
            matches!(
                t.text,
                "do" | "da" | "dos" | "das" | "de" | "del" | "della" | "di" | "du" | "des"
            )
        }) && toks.get(i + n + 1).is_some_and(|t| t.word && t.cap);
        if particle_name {
            continue;
        }
        let name = join(span);
        let found = places.lookup(&name);
        if found.is_empty() {
            continue;
        }
        // "Mettlach, Germany": the country after the comma decides.
        let apposed = toks.get(i + n).filter(|t| t.is(",")).and_then(|_| {
            let next = toks.get(i + n + 1)?;
            let key = normalise_key(next.text);
            lookup(&key).filter(|(c, _)| c.kind != CountryKind::Region)
        });
        let preferred: Vec<&str> = apposed
            .iter()
            .map(|(c, _)| c.code.as_str())
            .chain(known.iter().map(|k| k.country.code.as_str()))
            .collect();
        let mut place = places.best(&name, &preferred)?;
        // A state already named in the sentence does not move a large capital to a small
        // town of the same name ("U.S. Secretary ... to Ottawa"), unless a comma says so.
        if let Some(top) = found
            .first()
            .filter(|t| t.capital && t.population >= 500_000)
        {
            if apposed.is_none() && !place.capital && place.population < 100_000 {
                place = *top;
            }
        }
        let capital = place.capital && place.population >= 100_000;
        // Right after another capitalised word, a city's name is part of a longer name
        // ("Li Changchun", "Port Victoria").
        let after_name = i > 0
            && toks[i - 1].word
            && toks[i - 1].cap
            && !placed_before
            && !common_capitalised(&toks[i - 1].lower);
        // "the Mombasa summit", "last year's Durban conference": a town that names a
        // gathering held there.
        let names_a_gathering = toks
            .get(i + n)
            .is_some_and(|t| crate::extract::lexicon::SUMMIT_NOUNS.contains(&t.lower.as_str()))
            && before.is_some_and(|b| matches!(b, "the" | "s" | "last" | "next" | "this"));
        if after_name
            || surname_after_particles(toks, i)
            || !(placed_before || apposed.is_some() || capital || names_a_gathering)
        {
            return None;
        }
        let country = Gazetteer::get().by_code(place.country)?.clone();
        return Some((
            n,
            CountryRef {
                country,
                via: if capital { Via::Capital } else { Via::City },
                first: i,
                last: i + n - 1,
                place: Some(name),
            },
        ));
    }
    None
}

/// The parties of a hyphenated compound whose every part is a country or region ("U.S.-China
/// relations", "Sino-African", "the U.S.-ASEAN Summit"). "Indo-Pacific" has a part that is no
/// country, so it names none.
fn compound_parts(tok: &Tok, index: usize) -> Vec<CountryRef> {
    if !tok.word || !tok.text.contains('-') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for part in tok.text.split('-') {
        let key = normalise_key(part.trim_end_matches(['\'', '\u{2019}']));
        let Some((country, _)) = lookup(&key) else {
            return Vec::new();
        };
        out.push(CountryRef {
            country,
            via: Via::Demonym,
            first: index,
            last: index,
            place: None,
        });
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out
}

/// "Miguel de la Madrid", "De la Madrid said": a place's name after a name's particles is
/// part of a surname.
fn surname_after_particles(toks: &[Tok], i: usize) -> bool {
    let mut k = i;
    while k > 0 && PARTICLES.contains(&toks[k - 1].lower.as_str()) {
        k -= 1;
    }
    if k == i {
        return false;
    }
    let opens_the_name = toks[k].cap;
    let after_a_name =
        k > 0 && toks[k - 1].word && toks[k - 1].cap && lookup(&toks[k - 1].lower).is_none();
    opens_the_name || after_a_name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn codes(text: &str) -> Vec<String> {
        countries(&tokenize(text, 0))
            .into_iter()
            .map(|m| m.country.code)
            .collect()
    }

    #[test]
    fn a_currency_is_not_its_state() {
        assert_eq!(
            codes("Indonesia pledged 18 billion US dollars and 2 billion Hong Kong dollars"),
            ["ID"]
        );
        assert!(codes("a summit with Pacific Island leaders").is_empty());
    }

    #[test]
    fn a_bodys_acronym_is_written_in_capitals() {
        assert_eq!(
            codes("Vice-Chairman Ri Song Un of Laos met UN envoys"),
            ["LA", "un"]
        );
        assert_eq!(
            codes("Vice-Chairman Ri Song Un spoke"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_state_that_no_longer_exists_is_its_successor_only_where_it_acts() {
        assert_eq!(codes("Soviet President Pavel Orlov"), ["RU"]);
        assert_eq!(codes("a visit to the Soviet Union"), ["RU"]);
        assert_eq!(codes("the former Soviet Union"), ["SUHH"]);
        assert_eq!(
            codes("ending the Soviet domination of those nations"),
            ["SUHH"]
        );
        assert_eq!(codes("talks in Northern Ireland"), ["GB"]);
    }

    #[test]
    fn event_nouns_and_foreign_first_names_are_not_names() {
        let names = |text: &str| {
            let toks = tokenize(text, 0);
            people::people(&toks, &countries(&toks), Some(2016))
                .into_iter()
                .map(|p| p.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Prime Minister Anan Chai will make an Official Visit to France"),
            ["Anan Chai"]
        );
        // "Mauricio" is Mauritius in Spanish.
        assert_eq!(
            names("President Mauricio Vidal met them"),
            ["Mauricio Vidal"]
        );
        assert!(codes("President Mauricio Vidal met them").is_empty());
    }

    #[test]
    fn finds_names_demonyms_capitals_and_regions() {
        assert_eq!(
            codes("The tour included Jamaica, Guyana, and Suriname."),
            ["JM", "GY", "SR"]
        );
        assert_eq!(codes("holding accountable Cuban regime officials"), ["CU"]);
        assert_eq!(
            codes("heads of government from the Eastern Caribbean and the Bahamas"),
            ["eastern-caribbean", "BS"]
        );
        assert_eq!(codes("the U.S. and Ukraine's president"), ["US", "UA"]);
        assert_eq!(codes("turkey in the oven, chad"), Vec::<String>::new());
        assert_eq!(codes("U.S.-China relations"), ["US", "CN"]);
        assert_eq!(codes("the Indo-Pacific"), Vec::<String>::new());
    }

    #[test]
    fn cities_count_where_the_wording_places_something() {
        assert_eq!(codes("talks in Maastricht next month"), ["NL"]);
        // The country after the comma picks among places of one name.
        assert_eq!(codes("met in Victoria, Seychelles"), ["SC", "SC"]);
        assert_eq!(codes("met in Victoria, Canada"), ["CA", "CA"]);
        // A city name that is a person's name is not a place.
        assert_eq!(codes("Victoria Nuland said"), Vec::<String>::new());
    }

    #[test]
    fn people_carry_the_country_of_their_title() {
        let toks = tokenize(
            "Visiting Romanian Foreign Minister Ana Pop met Chinese Vice Premier Wu Yi and President Hu Jintao of China.",
            0,
        );
        let cs = countries(&toks);
        let ps = people(&toks, &cs, None);
        let got: Vec<(String, Option<String>, bool)> = ps
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.country.as_ref().map(|c| c.code.clone()),
                    p.visiting,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Ana Pop".to_string(), Some("RO".to_string()), true),
                ("Wu Yi".to_string(), Some("CN".to_string()), false),
                ("Hu Jintao".to_string(), Some("CN".to_string()), false),
            ]
        );
    }

    #[test]
    fn untitled_people_with_their_country() {
        let toks = tokenize(
            "five presidents, including Dan Ruiz of Peru, and Ola Kaur, Kenya's president",
            0,
        );
        let cs = countries(&toks);
        let ps = people(&toks, &cs, None);
        let got: Vec<(&str, &str)> = ps
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.country.as_ref().map_or("", |c| c.code.as_str()),
                )
            })
            .collect();
        assert_eq!(got, [("Dan Ruiz", "PE"), ("Ola Kaur", "KE")]);
    }

    #[test]
    fn a_title_of_a_state_then_a_comma_and_honorifics_names_the_person_after_them() {
        let toks = tokenize(
            "At the invitation of the President of the French Republic, H.E. Mr. Jean Dupont, \
             Prime Minister Ravi Anand will visit France.",
            0,
        );
        let found = people(&toks, &countries(&toks), None);
        let dupont = found.iter().find(|p| p.name == "Jean Dupont").unwrap();
        assert_eq!(dupont.country.as_ref().map(|c| c.code.as_str()), Some("FR"));
    }

    #[test]
    fn a_role_of_a_state_set_off_after_the_name_is_the_persons_own() {
        let toks = tokenize(
            "Mr. Taro Sato, Prime Minister of Japan, held a meeting with H.E. Mr. Ivan \
             Petrov, President of the Russian Federation, in Sochi.",
            0,
        );
        let found = people(&toks, &countries(&toks), None);
        let state = |name: &str| {
            let p = found.iter().find(|p| p.name == name).unwrap();
            p.country.as_ref().map(|c| c.code.clone())
        };
        assert_eq!(state("Taro Sato").as_deref(), Some("JP"));
        assert_eq!(state("Ivan Petrov").as_deref(), Some("RU"));
        // A role followed by another name is that one's: a list of people.
        let toks = tokenize(
            "At the invitation of President Li Wei, President of the Russian Federation Ivan \
             Petrov will visit China.",
            0,
        );
        let found = people(&toks, &countries(&toks), None);
        let li = found.iter().find(|p| p.name == "Li Wei").unwrap();
        assert!(li.country.is_none(), "{li:?}");
    }
}
