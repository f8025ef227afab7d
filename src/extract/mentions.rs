//! What a sentence names: countries (by name, demonym or capital), regions, places and people
//! with their titles.
//!
//! Country and region names and demonyms come from the shared [`Gazetteer`] (the same data as
//! the site). Capitals are added here because news uses them for governments ("Washington
//! said"), and the country crate has no capitals.

use crate::model::{Country, CountryKind, Gazetteer};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A word of the text with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Splits text into words (letters, digits and inner `.`, `'`, `-`), dropping a possessive
/// "'s" so that "Ukraine's" is "Ukraine".
pub fn words(text: &str, offset: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_inner = |c: char| matches!(c, '.' | '\'' | '-' | '\u{2019}');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next_is_word = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        let part =
            c.is_alphanumeric() || (start.is_some() && is_inner(c) && (next_is_word || c == '.'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .map(|(s, mut e)| {
            let w = &text[s..e];
            for suffix in ["'s", "\u{2019}s"] {
                if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
                    e -= suffix.len();
                }
            }
            // A trailing period belongs to the word only in abbreviations like "U.S.".
            let w = &text[s..e];
            if w.ends_with('.') && !w[..w.len() - 1].contains('.') {
                e -= 1;
            }
            Word {
                text: &text[s..e],
                start: s + offset,
                end: e + offset,
            }
        })
        .filter(|w| !w.text.is_empty())
        .collect()
}

/// Capitals and seats of government used as metonyms, and venues that place an event.
const CAPITALS: &[(&str, &str)] = &[
    ("Washington", "US"),
    ("White House", "US"),
    ("Camp David", "US"),
    ("Oval Office", "US"),
    ("Moscow", "RU"),
    ("Kremlin", "RU"),
    ("Beijing", "CN"),
    ("Kyiv", "UA"),
    ("Kiev", "UA"),
    ("London", "GB"),
    ("Downing Street", "GB"),
    ("Paris", "FR"),
    ("Elysee", "FR"),
    ("Berlin", "DE"),
    ("Tokyo", "JP"),
    ("Seoul", "KR"),
    ("Pyongyang", "KP"),
    ("Tehran", "IR"),
    ("Ankara", "TR"),
    ("Rome", "IT"),
    ("Madrid", "ES"),
    ("Ottawa", "CA"),
    ("Mexico City", "MX"),
    ("Brasilia", "BR"),
    ("New Delhi", "IN"),
    ("Islamabad", "PK"),
    ("Kabul", "AF"),
    ("Baghdad", "IQ"),
    ("Damascus", "SY"),
    ("Riyadh", "SA"),
    ("Jeddah", "SA"),
    ("Doha", "QA"),
    ("Abu Dhabi", "AE"),
    ("Dubai", "AE"),
    ("Cairo", "EG"),
    ("Amman", "JO"),
    ("Jerusalem", "IL"),
    ("Tel Aviv", "IL"),
    ("Beirut", "LB"),
    ("Kuwait City", "KW"),
    ("Manama", "BH"),
    ("Muscat", "OM"),
    ("Canberra", "AU"),
    ("Wellington", "NZ"),
    ("Jakarta", "ID"),
    ("Manila", "PH"),
    ("Hanoi", "VN"),
    ("Bangkok", "TH"),
    ("Kingston", "JM"),
    ("Georgetown", "GY"),
    ("Paramaribo", "SR"),
    ("Nassau", "BS"),
    ("Havana", "CU"),
    ("Caracas", "VE"),
    ("Bogota", "CO"),
    ("Lima", "PE"),
    ("Santiago", "CL"),
    ("Buenos Aires", "AR"),
    ("Warsaw", "PL"),
    ("Vienna", "AT"),
    ("Stockholm", "SE"),
    ("Oslo", "NO"),
    ("Helsinki", "FI"),
    ("Copenhagen", "DK"),
    ("Athens", "GR"),
    ("Lisbon", "PT"),
    ("Dublin", "IE"),
    ("The Hague", "NL"),
    ("Amsterdam", "NL"),
    ("Bern", "CH"),
    ("Geneva", "CH"),
    ("Pretoria", "ZA"),
    ("Johannesburg", "ZA"),
    ("Nairobi", "KE"),
    ("Addis Ababa", "ET"),
    ("Abuja", "NG"),
    ("Taipei", "TW"),
    ("Minsk", "BY"),
    ("Tbilisi", "GE"),
    ("Yerevan", "AM"),
    ("Baku", "AZ"),
    ("Astana", "KZ"),
    ("Tashkent", "UZ"),
    ("Kuala Lumpur", "MY"),
    ("Dhaka", "BD"),
    ("Colombo", "LK"),
    ("Kathmandu", "NP"),
    ("Brussels", "BE"),
    ("Budapest", "HU"),
    ("Prague", "CZ"),
    ("Bucharest", "RO"),
    ("Sofia", "BG"),
    ("Belgrade", "RS"),
    ("Zagreb", "HR"),
    ("Vilnius", "LT"),
    ("Riga", "LV"),
    ("Tallinn", "EE"),
    ("Chisinau", "MD"),
    ("Hiroshima", "JP"),
    ("Munich", "DE"),
    ("Davos", "CH"),
    ("Sharm el-Sheikh", "EG"),
    ("Panama City", "PA"),
    ("Port-au-Prince", "HT"),
    ("Santo Domingo", "DO"),
    ("Bridgetown", "BB"),
    ("Castries", "LC"),
    ("Port of Spain", "TT"),
    ("Tripoli", "LY"),
    ("Tunis", "TN"),
    ("Algiers", "DZ"),
    ("Rabat", "MA"),
    ("Khartoum", "SD"),
    ("Sanaa", "YE"),
    ("Ramallah", "PS"),
    ("Gaza", "PS"),
    ("Canberra", "AU"),
    ("New York", "US"),
    ("Vatican", "VA"),
];

/// Title words that introduce a person's name.
const TITLES: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "Deputy Prime Minister",
    "First Deputy Prime Minister",
    "Foreign Minister",
    "Minister",
    "Secretary of State",
    "Secretary",
    "Sec.",
    "Secretary-General",
    "Secretary General",
    "Chancellor",
    "King",
    "Queen",
    "Crown Prince",
    "Prince",
    "Emir",
    "Amir",
    "Sheikh",
    "Sultan",
    "Pope",
    "Premier",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Governor",
    "General",
    "Gen.",
    "Admiral",
    "Adviser",
    "Advisor",
    "National Security Advisor",
    "National Security Adviser",
    "Director",
    "Director-General",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Speaker",
    "Senator",
    "Sen.",
    "Rep.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Leader",
    "Supreme Leader",
    "Deputy",
    "Commissioner",
    "High Representative",
    "Mayor",
    "Chief",
    "Head",
    "Special Representative",
    "Representative",
    "Foreign Secretary",
    "Defense Minister",
    "Defence Minister",
    "Defense Secretary",
    "Trade Minister",
    "Finance Minister",
    "Taoiseach",
    "Grand Duke",
    "Governor-General",
];

/// Capitalised words that are never part of a person's name.
const NOT_NAME: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Of",
    "In",
    "On",
    "For",
    "To",
    "With",
    "At",
    "By",
    "From",
    "He",
    "She",
    "They",
    "Today",
    "Tuesday",
    "Monday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Minister",
    "President",
    "Secretary",
    "State",
    "Foreign",
    "Affairs",
    "Defense",
    "Defence",
    "Prime",
    "Government",
    "Office",
    "Council",
    "House",
    "Department",
    "Ministry",
    "Security",
    "National",
    "General",
    "Republic",
    "Kingdom",
    "Affairs",
    "Deputy",
    "Vice",
    "First",
    "Chief",
    "Special",
    "Trade",
    "Finance",
    "Commerce",
    "Treasury",
    "Homeland",
    "Advisor",
    "Adviser",
    "Principal",
    "Senior",
    "Acting",
    "Assistant",
    "Under",
    "Director",
    "Party",
    "Communist",
    "Committee",
    "Commission",
    "Union",
    "Leaders",
    "Leader",
    "Summit",
    "Minister's",
    "Administration",
    "Embassy",
    "Ambassador",
];

/// Name particles that may sit inside a name in lower case.
const PARTICLES: &[&str] = &[
    "bin", "bint", "al", "al-", "de", "da", "del", "van", "von", "der", "le", "la", "ibn", "abu",
    "el",
];

pub struct Lexicon {
    /// Lower-cased multiword key -> country code, for names, demonyms and capitals.
    names: HashMap<String, (String, Source)>,
    max_words: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Name,
    Demonym,
    Capital,
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let g = Gazetteer::get();
            let mut names = HashMap::new();
            for (key, code) in g.names() {
                // Two- and three-letter codes ("IN", "IT", "AM") are ordinary words in text.
                let is_code = key.len() <= 3
                    && !matches!(
                        key,
                        "us" | "usa" | "uk" | "uae" | "eu" | "un" | "prc" | "rok" | "dprk"
                    );
                if is_code || !key.is_ascii() {
                    continue;
                }
                names.insert(key.to_string(), (code.to_string(), Source::Name));
            }
            for (key, code) in g.demonyms() {
                names
                    .entry(key.to_string())
                    .or_insert((code.to_string(), Source::Demonym));
            }
            for extra in [
                ("america", "US"),
                ("american", "US"),
                ("britain", "GB"),
                ("emirati", "AE"),
                ("saudi", "SA"),
                ("israeli", "IL"),
                ("palestinian", "PS"),
                ("filipino", "PH"),
                ("dutch", "NL"),
                ("swiss", "CH"),
                ("czech", "CZ"),
                ("south korean", "KR"),
                ("north korean", "KP"),
                ("taiwanese", "TW"),
                ("ukrainian", "UA"),
                ("chinese", "CN"),
                ("russian", "RU"),
                ("vietnamese", "VN"),
                ("british", "GB"),
                ("kuwaiti", "KW"),
                ("qatari", "QA"),
                ("bahraini", "BH"),
                ("omani", "OM"),
                ("jordanian", "JO"),
                ("egyptian", "EG"),
                ("iraqi", "IQ"),
                ("iranian", "IR"),
                ("turkish", "TR"),
                ("indian", "IN"),
                ("pakistani", "PK"),
                ("japanese", "JP"),
                ("french", "FR"),
                ("german", "DE"),
                ("italian", "IT"),
                ("spanish", "ES"),
                ("polish", "PL"),
                ("canadian", "CA"),
                ("mexican", "MX"),
                ("brazilian", "BR"),
                ("argentine", "AR"),
                ("colombian", "CO"),
                ("venezuelan", "VE"),
                ("cuban", "CU"),
                ("haitian", "HT"),
                ("jamaican", "JM"),
                ("guyanese", "GY"),
                ("surinamese", "SR"),
                ("bahamian", "BS"),
                ("kenyan", "KE"),
                ("nigerian", "NG"),
                ("ethiopian", "ET"),
                ("south african", "ZA"),
                ("australian", "AU"),
                ("indonesian", "ID"),
                ("malaysian", "MY"),
                ("thai", "TH"),
                ("singaporean", "SG"),
                ("mongolian", "MN"),
                ("lebanese", "LB"),
                ("syrian", "SY"),
                ("yemeni", "YE"),
                ("moldovan", "MD"),
                ("georgian", "GE"),
                ("armenian", "AM"),
                ("azerbaijani", "AZ"),
                ("kazakh", "KZ"),
                ("kazakhstani", "KZ"),
                ("uzbek", "UZ"),
                ("greek", "GR"),
                ("swedish", "SE"),
                ("finnish", "FI"),
                ("norwegian", "NO"),
                ("danish", "DK"),
                ("irish", "IE"),
                ("belgian", "BE"),
                ("austrian", "AT"),
                ("hungarian", "HU"),
                ("romanian", "RO"),
                ("bulgarian", "BG"),
                ("serbian", "RS"),
                ("croatian", "HR"),
                ("lithuanian", "LT"),
                ("latvian", "LV"),
                ("estonian", "EE"),
                ("slovak", "SK"),
                ("slovenian", "SI"),
                ("portuguese", "PT"),
                ("new zealand", "NZ"),
            ] {
                names.insert(extra.0.to_string(), (extra.1.to_string(), Source::Demonym));
            }
            for (city, code) in CAPITALS {
                names.insert(
                    crate::model::country::normalise_key(city),
                    (code.to_string(), Source::Capital),
                );
            }
            let max_words = names
                .keys()
                .map(|k| k.split(' ').count())
                .max()
                .unwrap_or(1)
                .min(8);
            Lexicon { names, max_words }
        })
    }
}

/// A country, region or capital found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryMention {
    pub country: Country,
    pub source: Source,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Finds country, region and capital mentions in a run of words, longest match first.
pub fn countries(words: &[Word]) -> Vec<CountryMention> {
    let lex = Lexicon::get();
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let first = words[i].text;
        // Names are capitalised in news text; this keeps "chad" and "turkey" out.
        if !first.chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut found = None;
        for n in (1..=lex.max_words.min(words.len() - i)).rev() {
            let key = crate::model::country::normalise_key(
                &words[i..i + n]
                    .iter()
                    .map(|w| w.text)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            if let Some((code, source)) = lex.names.get(&key) {
                if let Some(country) = g.by_code(code) {
                    found = Some((n, country.clone(), *source));
                    break;
                }
            }
        }
        match found {
            Some((n, country, source)) => {
                out.push(CountryMention {
                    country,
                    source,
                    text: words[i..i + n]
                        .iter()
                        .map(|w| w.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                    start: words[i].start,
                    end: words[i + n - 1].end,
                });
                i += n;
            }
            None => {
                out.extend(compound_parts(&words[i]));
                i += 1;
            }
        }
    }
    out
}

/// The parties of a hyphenated compound whose every part is a country or region ("U.S.-China
/// relations", "the U.S.-ASEAN Summit"): readouts name their own state mostly this way, and
/// without it the article's home country is guessed from the others. "Indo-Pacific" and
/// "EU-facilitated" have a part that is no country, so they name none.
fn compound_parts(word: &Word) -> Vec<CountryMention> {
    if !word.text.contains('-') {
        return Vec::new();
    }
    let lex = Lexicon::get();
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut offset = 0;
    for part in word.text.split('-') {
        let start = word.start + offset;
        offset += part.len() + 1;
        let part = part.trim_end_matches(['\'', '\u{2019}']);
        let found = part
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| lex.names.get(&crate::model::country::normalise_key(part)))
            .flatten()
            .and_then(|(code, source)| Some((g.by_code(code)?.clone(), *source)));
        let Some((country, source)) = found else {
            return Vec::new();
        };
        out.push(CountryMention {
            country,
            source,
            text: part.to_string(),
            start,
            end: start + part.len(),
        });
    }
    out
}

/// A person named with a title ("Secretary of State Marco Rubio").
#[derive(Debug, Clone, PartialEq)]
pub struct PersonMention {
    pub name: String,
    pub title: String,
    pub start: usize,
    pub end: usize,
}

fn is_name_word(w: &str) -> bool {
    let first = w.chars().next();
    first.is_some_and(char::is_uppercase)
        && !NOT_NAME.contains(&w)
        && w.chars().any(char::is_lowercase)
        && Lexicon::get()
            .names
            .get(&crate::model::country::normalise_key(w))
            .is_none_or(|(_, s)| *s == Source::Capital && w == "Washington")
}

/// Finds people introduced by a title. Names of people met before in the article are matched
/// by the caller.
pub fn people(words: &[Word]) -> Vec<PersonMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut title_len = 0;
        let mut title = String::new();
        for t in TITLES {
            let parts: Vec<&str> = t.split(' ').collect();
            if i + parts.len() <= words.len()
                && parts.iter().zip(&words[i..]).all(|(p, w)| {
                    let word = w.text.trim_end_matches('.');
                    // "Prime Minister-Designate", "President-elect" carry the same title.
                    let word = word
                        .strip_suffix("-Designate")
                        .or_else(|| word.strip_suffix("-elect"))
                        .or_else(|| word.strip_suffix("-Elect"))
                        .unwrap_or(word);
                    word == p.trim_end_matches('.')
                })
                && parts.len() > title_len
            {
                title_len = parts.len();
                title = t.to_string();
            }
        }
        if title_len == 0 {
            i += 1;
            continue;
        }
        let mut j = i + title_len;
        let mut name = Vec::new();
        while j < words.len() {
            let w = words[j].text;
            if is_name_word(w)
                || (!name.is_empty()
                    && (PARTICLES.contains(&w)
                        || (w.len() <= 2 && w.ends_with('.'))
                        || w.len() == 1 && w.chars().all(char::is_uppercase)))
            {
                name.push(words[j]);
                j += 1;
            } else {
                break;
            }
        }
        // "Jr." or trailing particles are not a name on their own.
        while name.last().is_some_and(|w| PARTICLES.contains(&w.text)) {
            name.pop();
        }
        if !name.is_empty() {
            out.push(PersonMention {
                name: name.iter().map(|w| w.text).collect::<Vec<_>>().join(" "),
                title,
                start: words[i].start,
                end: name.last().map(|w| w.end).unwrap_or(words[i].end),
            });
            i = j;
        } else {
            i += title_len;
        }
    }
    out
}

/// Whether a country is a state (not a region or grouping).
pub fn is_state(c: &Country) -> bool {
    c.kind != CountryKind::Region
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        countries(&words(text, 0))
            .into_iter()
            .map(|m| m.country.code)
            .collect()
    }

    #[test]
    fn finds_names_demonyms_capitals_and_regions() {
        assert_eq!(
            codes("The tour included Jamaica, Guyana, and Suriname."),
            ["JM", "GY", "SR"]
        );
        assert_eq!(codes("holding accountable Cuban regime officials"), ["CU"]);
        assert_eq!(
            codes("Washington cooperated with the Caribbean"),
            ["US", "caribbean"]
        );
        assert_eq!(
            codes("heads of government from the Eastern Caribbean and the Bahamas"),
            ["eastern-caribbean", "BS"]
        );
        assert_eq!(codes("the U.S. and Ukraine's president"), ["US", "UA"]);
        assert_eq!(codes("turkey in the oven, chad"), Vec::<String>::new());
        assert_eq!(codes("U.S.-China relations"), ["US", "CN"]);
        assert_eq!(
            codes("the Indo-Pacific and EU-facilitated talks"),
            Vec::<String>::new()
        );
        assert_eq!(codes("the U.S.-ASEAN Summit"), ["US", "asean"]);
    }

    #[test]
    fn finds_titled_people() {
        let text = "US Secretary of State Marco Rubio met Czech Prime Minister Petr Fiala and President Biden.";
        let names: Vec<String> = people(&words(text, 0))
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Marco Rubio", "Petr Fiala", "Biden"]);
        let names: Vec<String> = people(&words("Sec. Rubio said", 0))
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Rubio"]);
    }
}
