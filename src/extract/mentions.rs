//! What a sentence names: countries (by name, demonym, capital or city), regions and
//! international bodies, and people with their titles and the state they serve.
//!
//! Country and region names and demonyms come from the shared [`Gazetteer`] (the same data
//! as the site); cities from [`Places`]. Capitals stand for their governments anywhere
//! ("Beijing said"); other cities place an event only where the wording places something
//! ("in Maastricht", "to Busan", "Mettlach, Germany").

use super::places::Places;
use super::tokens::Tok;
use crate::model::country::normalise_key;
use crate::model::{Country, CountryKind, Gazetteer};
use std::collections::HashMap;
use std::sync::OnceLock;

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

/// Demonyms and short names news uses that the country data lacks or spells otherwise.
const EXTRA_DEMONYMS: &[(&str, &str)] = &[
    ("america", "US"),
    ("american", "US"),
    ("americans", "US"),
    ("u.s", "US"),
    ("us", "US"),
    ("usa", "US"),
    ("britain", "GB"),
    ("great britain", "GB"),
    ("uk", "GB"),
    ("emirati", "AE"),
    ("saudi", "SA"),
    ("israeli", "IL"),
    ("palestinian", "PS"),
    ("palestinians", "PS"),
    ("palestinian territories", "PS"),
    ("filipino", "PH"),
    ("philippine", "PH"),
    ("dutch", "NL"),
    ("holland", "NL"),
    ("swiss", "CH"),
    ("czech", "CZ"),
    ("south korean", "KR"),
    ("south korea", "KR"),
    ("rok", "KR"),
    ("north korean", "KP"),
    ("north korea", "KP"),
    ("dprk", "KP"),
    ("taiwanese", "TW"),
    ("ukrainian", "UA"),
    ("chinese", "CN"),
    ("prc", "CN"),
    ("sino", "CN"),
    ("russian", "RU"),
    ("russia", "RU"),
    ("vietnamese", "VN"),
    ("viet nam", "VN"),
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
    ("indo", "IN"),
    ("pakistani", "PK"),
    ("japanese", "JP"),
    ("french", "FR"),
    ("franco", "FR"),
    ("german", "DE"),
    ("italian", "IT"),
    ("spanish", "ES"),
    ("polish", "PL"),
    ("canadian", "CA"),
    ("mexican", "MX"),
    ("brazilian", "BR"),
    ("argentine", "AR"),
    ("argentinian", "AR"),
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
    ("singapore", "SG"),
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
    ("serb", "RS"),
    ("croatian", "HR"),
    ("croat", "HR"),
    ("lithuanian", "LT"),
    ("latvian", "LV"),
    ("estonian", "EE"),
    ("slovak", "SK"),
    ("slovenian", "SI"),
    ("slovene", "SI"),
    ("portuguese", "PT"),
    ("new zealand", "NZ"),
    ("albanian", "AL"),
    ("macedonian", "MK"),
    ("bosnian", "BA"),
    ("montenegrin", "ME"),
    ("cypriot", "CY"),
    ("maltese", "MT"),
    ("icelandic", "IS"),
    ("luxembourg", "LU"),
    ("sudanese", "SD"),
    ("somali", "SO"),
    ("ugandan", "UG"),
    ("rwandan", "RW"),
    ("burundian", "BI"),
    ("tanzanian", "TZ"),
    ("zambian", "ZM"),
    ("zimbabwean", "ZW"),
    ("ghanaian", "GH"),
    ("senegalese", "SN"),
    ("malian", "ML"),
    ("nigerien", "NE"),
    ("congolese", "CD"),
    ("angolan", "AO"),
    ("algerian", "DZ"),
    ("moroccan", "MA"),
    ("tunisian", "TN"),
    ("libyan", "LY"),
    ("namibian", "NA"),
    ("botswanan", "BW"),
    ("mozambican", "MZ"),
    ("malagasy", "MG"),
    ("afghan", "AF"),
    ("bangladeshi", "BD"),
    ("nepali", "NP"),
    ("nepalese", "NP"),
    ("sri lankan", "LK"),
    ("bhutanese", "BT"),
    ("maldivian", "MV"),
    ("burmese", "MM"),
    ("myanmar", "MM"),
    ("cambodian", "KH"),
    ("lao", "LA"),
    ("laotian", "LA"),
    ("bruneian", "BN"),
    ("peruvian", "PE"),
    ("chilean", "CL"),
    ("bolivian", "BO"),
    ("ecuadorian", "EC"),
    ("paraguayan", "PY"),
    ("uruguayan", "UY"),
    ("panamanian", "PA"),
    ("costa rican", "CR"),
    ("nicaraguan", "NI"),
    ("honduran", "HN"),
    ("salvadoran", "SV"),
    ("guatemalan", "GT"),
    ("dominican", "DO"),
    ("belarusian", "BY"),
    ("belarussian", "BY"),
    ("kyrgyz", "KG"),
    ("tajik", "TJ"),
    ("turkmen", "TM"),
    ("saudi arabian", "SA"),
    ("vatican", "VA"),
    ("holy see", "VA"),
    ("kosovar", "XK"),
    ("ivorian", "CI"),
    ("ivory coast", "CI"),
    ("cameroonian", "CM"),
    ("gabonese", "GA"),
    ("chadian", "TD"),
    ("eritrean", "ER"),
    ("djiboutian", "DJ"),
    ("mauritanian", "MR"),
    ("liberian", "LR"),
    ("sierra leonean", "SL"),
    ("guinean", "GN"),
    ("beninese", "BJ"),
    ("togolese", "TG"),
    ("burkinabe", "BF"),
    ("seychellois", "SC"),
    ("mauritian", "MU"),
    ("fijian", "FJ"),
    ("papua new guinean", "PG"),
    ("east timorese", "TL"),
    ("east timor", "TL"),
    ("timorese", "TL"),
    ("north korea's", "KP"),
    ("european union", "eu"),
    ("eu", "eu"),
    ("e.u", "eu"),
    ("un", "un"),
    ("u.n", "un"),
    ("united nations", "un"),
    ("nato", "nato"),
    ("au", "african-union"),
    ("asean", "asean"),
];

/// Seats of government that stand for their states in news ("the Kremlin said").
const SEATS: &[(&str, &str)] = &[
    ("White House", "US"),
    ("Camp David", "US"),
    ("Oval Office", "US"),
    ("State Department", "US"),
    ("Pentagon", "US"),
    ("Kremlin", "RU"),
    ("Downing Street", "GB"),
    ("Elysee", "FR"),
    ("Elysee Palace", "FR"),
    ("Zhongnanhai", "CN"),
    ("Great Hall of the People", "CN"),
    ("Blue House", "KR"),
    ("Quai d'Orsay", "FR"),
];

/// Capitals that stand for their states in news ("Washington said"), beyond those the city
/// table flags.
const CAPITALS: &[(&str, &str)] = &[
    ("Vatican", "VA"),
    ("Kiev", "UA"),
    ("Beijing", "CN"),
    ("Washington", "US"),
    ("New Delhi", "IN"),
    ("Tel Aviv", "IL"),
    ("Jerusalem", "IL"),
    ("Ramallah", "PS"),
    ("Gaza", "PS"),
    ("Geneva", "CH"),
    ("New York", "US"),
];

/// Gatherings and bodies named in news that are not in the country data; kept as regions so
/// they never count as states.
const BODIES: &[(&str, &str)] = &[
    ("apec", "APEC"),
    ("saarc", "SAARC"),
    ("osce", "OSCE"),
    ("wto", "WTO"),
    ("world trade organisation", "WTO"),
    ("world trade organization", "WTO"),
    ("sco", "SCO"),
    ("shanghai cooperation organisation", "SCO"),
    ("shanghai cooperation organization", "SCO"),
    ("g7", "G7"),
    ("g8", "G8"),
    ("g20", "G20"),
    ("g-7", "G7"),
    ("g-8", "G8"),
    ("g-20", "G20"),
    ("iaea", "IAEA"),
    ("opec", "OPEC"),
    ("ecowas", "ECOWAS"),
    ("sadc", "SADC"),
    ("igad", "IGAD"),
    ("commonwealth", "Commonwealth"),
    ("oic", "OIC"),
    ("brics", "BRICS"),
    ("mercosur", "Mercosur"),
    ("euromed", "Euromed"),
    ("world bank", "World Bank"),
    ("imf", "IMF"),
];

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
                names.insert(key.to_string(), (code.to_string(), Via::Name));
            }
            for (key, code) in g.demonyms() {
                names
                    .entry(key.to_string())
                    .or_insert((code.to_string(), Via::Demonym));
            }
            for (key, code) in EXTRA_DEMONYMS {
                let via = if g.lookup(key).is_some() && !key.ends_with("an") {
                    Via::Name
                } else {
                    Via::Demonym
                };
                names.insert(normalise_key(key), (code.to_string(), via));
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

/// Words before a city name that make it a place ("in", "to", "arrived in").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "to", "at", "from", "into", "near", "via", "for", "outside", "reach", "reached", "visit",
    "visited", "visiting", "visits", "toured", "tour",
];

/// Capitalised words that are never place or person names on their own.
const COMMON_CAPITALISED: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "of",
    "in",
    "on",
    "for",
    "to",
    "with",
    "at",
    "by",
    "from",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "but",
    "as",
    "after",
    "before",
    "during",
    "while",
    "when",
    "where",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "police",
    "union",
    "mission",
    "independence",
    "victory",
    "unity",
    "concord",
    "progress",
    "hope",
    "providence",
    "liberty",
    "commerce",
    "friendship",
    "opportunity",
    "reading",
    "mobile",
    "split",
    "nice",
    "bath",
    "male",
    "bar",
    "media",
    "university",
    "college",
    "north",
    "south",
    "east",
    "west",
    "central",
    "republic",
    "kingdom",
    "state",
    "states",
    "city",
    "capital",
    "president",
    "minister",
    "prime",
    "general",
    "foreign",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "national",
    "international",
    "world",
    "summit",
    "council",
    "party",
    "people",
    "government",
    "ministry",
    "office",
    "house",
    "palace",
    "hall",
    "airport",
    "africa",
    "asia",
    "europe",
    "america",
    "americas",
    "pacific",
    "atlantic",
    "middle",
    "gulf",
    "sea",
    "ocean",
    "island",
    "islands",
    "bank",
    "san",
    "santa",
    "saint",
    "st",
    "st.",
    "new",
    "old",
    "la",
    "le",
    "el",
    "al",
];

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
            Some(normalise_key(
                &span.iter().map(|t| t.text).collect::<Vec<_>>().join(" "),
            ))
        };
        let mut found: Option<(usize, Country, Via)> = None;
        for n in (1..=lex.max_words.min(toks.len() - i)).rev() {
            let Some(key) = words_from(n) else { continue };
            if let Some((country, via)) = lookup(&key) {
                // A name's last word that goes on as a longer capitalised name is part of
                // that name ("Georgia Tech", "Jordan Peterson"): not here, since names
                // are looked up longest first; but a demonym before a capitalised noun
                // is still a demonym ("Chinese President").
                found = Some((n, country, via));
                break;
            }
        }
        if let Some((n, country, via)) = found {
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
            let place = matches!(via, Via::Capital | Via::Seat).then(|| join(&toks[i..i + n]));
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
    if COMMON_CAPITALISED.contains(&toks[i].lower.as_str()) {
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
        // A longer capitalised name goes on: "Victoria Nuland", "Kingston Road".
        if toks
            .get(i + n)
            .is_some_and(|t| t.word && t.cap && !t.possessive)
        {
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
        let place = places.best(&name, &preferred)?;
        let capital = place.capital && place.population >= 100_000;
        // Right after another capitalised word, a city's name is part of a longer name
        // ("Li Changchun", "Port Victoria").
        let after_name = i > 0
            && toks[i - 1].word
            && toks[i - 1].cap
            && !placed_before
            && !COMMON_CAPITALISED.contains(&toks[i - 1].lower.as_str());
        if after_name || !(placed_before || apposed.is_some() || capital) {
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

/// Words that make a title ("Vice", "Foreign", "Minister"), in lower case.
const TITLE_HEADS: &[&str] = &[
    "president",
    "vice-president",
    "premier",
    "minister",
    "secretary",
    "secretary-general",
    "under-secretary",
    "undersecretary",
    "councilor",
    "councillor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "amir",
    "sultan",
    "sheikh",
    "pope",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "chairman",
    "chairwoman",
    "chairperson",
    "speaker",
    "governor",
    "commissioner",
    "representative",
    "director",
    "director-general",
    "general",
    "leader",
    "ayatollah",
    "mayor",
    "senator",
    "congressman",
    "congresswoman",
    "chief",
    "head",
    "taoiseach",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "admiral",
    "marshal",
    "coordinator",
    "negotiator",
    "diplomat",
    "delegate",
    "official",
    "monarch",
    "duke",
    "lawmaker",
    "legislator",
    "deputy",
    "sec",
    "sen",
    "rep",
    "gen",
    "pm",
    "fm",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
];

/// Words that may stand before a title's head ("Vice Foreign Minister").
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "first",
    "acting",
    "assistant",
    "under",
    "senior",
    "chief",
    "special",
    "executive",
    "state",
    "prime",
    "foreign",
    "defence",
    "defense",
    "trade",
    "finance",
    "interior",
    "economy",
    "economic",
    "commerce",
    "energy",
    "health",
    "agriculture",
    "justice",
    "culture",
    "education",
    "labour",
    "labor",
    "industry",
    "transport",
    "environment",
    "security",
    "national",
    "home",
    "supreme",
    "crown",
    "grand",
    "high",
    "top",
    "policy",
    "affairs",
    "permanent",
    "principal",
    "general",
    "party",
    "communist",
    "opposition",
    "former",
    "then",
    "new",
    "incoming",
    "outgoing",
    "elected",
    "designate",
    "secretary",
];

/// Words never in a person's name.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "of",
    "in",
    "on",
    "for",
    "to",
    "with",
    "at",
    "by",
    "from",
    "he",
    "she",
    "they",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "government",
    "office",
    "council",
    "house",
    "department",
    "ministry",
    "republic",
    "kingdom",
    "affairs",
    "party",
    "committee",
    "commission",
    "union",
    "summit",
    "administration",
    "embassy",
    "state",
    "states",
    "excellency",
    "majesty",
    "highness",
    "holiness",
    "his",
    "her",
    "their",
    "who",
    "which",
    "said",
    "says",
    "also",
    "will",
    "would",
    "has",
    "had",
    "was",
    "is",
    "after",
    "before",
    "during",
    "when",
    "while",
    "but",
    "as",
    "here",
    "there",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "on",
    "not",
];

fn is_title_word(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    TITLE_HEADS.contains(&w) || TITLE_MODIFIERS.contains(&w)
}

fn is_title_head(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    let w = w
        .strip_suffix("-designate")
        .or_else(|| w.strip_suffix("-elect"))
        .unwrap_or(w);
    TITLE_HEADS.contains(&w)
}

/// Whether a token can be part of a person's name.
fn name_word(t: &Tok) -> bool {
    t.word
        && t.cap
        && !NOT_NAME.contains(&t.lower.as_str())
        && !is_title_word(&t.lower)
        && t.text.chars().any(char::is_alphabetic)
        && !t.text.chars().all(|c| c.is_ascii_uppercase() || c == '.') // "U.S.", "UN"
        || t.word && t.text.len() == 2 && t.text.ends_with('.') && t.cap // initials "W."
}

const PARTICLES: &[&str] = &[
    "bin", "bint", "al", "al-", "de", "da", "del", "van", "von", "der", "le", "la", "ibn", "abu",
    "el", "di", "du", "dos", "y",
];

/// Finds people introduced by a title, and their countries from the words around them.
pub(crate) fn people(toks: &[Tok], countries: &[CountryRef]) -> Vec<PersonRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A title: modifiers then a head, in any case ("foreign minister", "Foreign Minister").
        if !toks[i].word || !is_title_word(&toks[i].lower) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut head_at = None;
        while j < toks.len()
            && toks[j].word
            && (is_title_word(&toks[j].lower)
                || is_title_head(&toks[j].lower)
                || (j > i
                    && toks[j].lower == "of"
                    && toks.get(j + 1).is_some_and(|t| is_title_word(&t.lower))))
        {
            if is_title_head(&toks[j].lower) {
                head_at = Some(j);
            }
            j += 1;
        }
        // "Minister of Foreign Affairs", "Secretary of State".
        while toks.get(j).is_some_and(|t| t.lower == "of") {
            let mut k = j + 1;
            if toks.get(k).is_some_and(|t| t.lower == "the") {
                k += 1;
            }
            let mut m = k;
            while toks.get(m).is_some_and(|t| {
                t.word
                    && t.cap
                    && (is_title_word(&t.lower)
                        || matches!(
                            t.lower.as_str(),
                            "state" | "affairs" | "foreign" | "defense" | "defence"
                        ))
            }) {
                m += 1;
            }
            if m > k {
                j = m;
            } else {
                break;
            }
        }
        let Some(head) = head_at else {
            i = j.max(i + 1);
            continue;
        };
        // "Dr. Phil Gordon": the period of an abbreviated title.
        if toks.get(j).is_some_and(|t| t.is(".")) && toks[j - 1].text.len() <= 4 {
            j += 1;
        }
        // A lower-case title must be followed by a capitalised name to be one.
        let mut k = j;
        let mut name: Vec<&Tok> = Vec::new();
        while k < toks.len() {
            let t = &toks[k];
            let particle = !name.is_empty()
                && PARTICLES.contains(&t.lower.as_str())
                && toks.get(k + 1).is_some_and(name_word);
            if name_word(t) && lookup(&t.lower).is_none_or(|(_, via)| via == Via::City) || particle
            {
                name.push(t);
                k += 1;
                if t.possessive {
                    break;
                }
            } else {
                break;
            }
        }
        while name
            .last()
            .is_some_and(|t| PARTICLES.contains(&t.lower.as_str()))
        {
            name.pop();
            k -= 1;
        }
        if name.is_empty() || name.len() > 5 {
            i = j.max(i + 1);
            continue;
        }
        let title = toks[i..=head.max(i)]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        let speaker = matches!(
            toks[head].lower.as_str(),
            "spokesman" | "spokeswoman" | "spokesperson"
        );
        let visiting = i > 0
            && toks[..i]
                .iter()
                .rev()
                .take(3)
                .any(|t| t.lower == "visiting");
        let first = i;
        let last = k - 1;
        let country = person_country(toks, countries, first, last).or_else(|| {
            title_country(toks, i, head).and_then(|c| Gazetteer::get().by_code(c).cloned())
        });
        out.push(PersonRef {
            name: name.iter().map(|t| t.text).collect::<Vec<_>>().join(" "),
            title,
            country,
            first,
            last,
            visiting,
            speaker,
        });
        i = k;
    }
    // "Chinese President Jiang Zemin and Prime Minister Li Peng": the second shares the
    // first one's country.
    for k in 1..out.len() {
        if out[k].country.is_none()
            && out[k - 1].last + 2 == out[k].first
            && toks[out[k - 1].last + 1].lower == "and"
        {
            out[k].country = out[k - 1].country.clone();
        }
    }
    out.extend(untitled_with_country(toks, countries, &out));
    let apposed = apposed_roles(toks, countries, &out);
    out.extend(apposed);
    out.sort_by_key(|p| p.first);
    out
}

/// Titles only one state uses, for officials the text names without their country: the
/// Pope heads the Holy See (EVENTS.md R1); "Secretary of State" alone, in English news, is
/// the United States' (the British one is "Secretary of State for ...").
fn title_country(toks: &[Tok], first: usize, head: usize) -> Option<&'static str> {
    let words: Vec<&str> = toks[first..=head]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    match words.as_slice() {
        [.., "pope"] => Some("VA"),
        [.., "taoiseach"] => Some("IE"),
        [.., "secretary"]
            if toks.get(head + 1).is_some_and(|t| t.lower == "of")
                && toks.get(head + 2).is_some_and(|t| t.lower == "state")
                && toks.get(head + 3).is_none_or(|t| t.lower != "for") =>
        {
            Some("US")
        }
        _ => None,
    }
}

/// The country of a person from the words around the mention at tokens `first..=last`:
/// a demonym or country just before ("Chinese Vice Premier", "China's President",
/// "visiting Romanian"), or "of <country>" just after ("President Hu Jintao of China").
fn person_country(
    toks: &[Tok],
    countries: &[CountryRef],
    first: usize,
    last: usize,
) -> Option<Country> {
    // Just before: allow "visiting", "then", "former", "new", "the" in between.
    let mut k = first;
    while k > 0
        && matches!(
            toks[k - 1].lower.as_str(),
            "visiting"
                | "then"
                | "former"
                | "new"
                | "the"
                | "incoming"
                | "outgoing"
                | "top"
                | "senior"
        )
    {
        k -= 1;
    }
    if let Some(c) = countries
        .iter()
        .find(|c| c.last + 1 == k && c.via != Via::City)
    {
        return Some(c.country.clone());
    }
    // "Minister of Foreign Affairs of Japan ..." or "... Hu Jintao of China".
    let after = last + 1;
    if toks.get(after).is_some_and(|t| t.lower == "of") {
        let mut k = after + 1;
        if toks.get(k).is_some_and(|t| t.lower == "the") {
            k += 1;
        }
        if let Some(c) = countries
            .iter()
            .find(|c| c.first == k && c.via != Via::City)
        {
            return Some(c.country.clone());
        }
    }
    // Inside the title: "Minister of Foreign Affairs of Japan Taro Aso".
    countries
        .iter()
        .find(|c| c.first > first && c.last < last && c.via != Via::City)
        .map(|c| c.country.clone())
}

/// People named before a role set off by commas: "David Gross, coordinator of international
/// communication policy in the State Department, said", "Li Changchun, member of the
/// Standing Committee ...". The role's first state (a name, demonym or seat) is theirs.
fn apposed_roles(toks: &[Tok], countries: &[CountryRef], known: &[PersonRef]) -> Vec<PersonRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let taken = |k: usize| known.iter().any(|p| p.first <= k && k <= p.last);
        if taken(i) || !name_word(&toks[i]) || i > 0 && name_word(&toks[i - 1]) {
            i += 1;
            continue;
        }
        let mut k = i;
        while k < toks.len() && name_word(&toks[k]) && !taken(k) && lookup(&toks[k].lower).is_none()
        {
            k += 1;
        }
        let len = k - i;
        if !(2..=4).contains(&len) || !toks.get(k).is_some_and(|t| t.is(",")) {
            i = k.max(i + 1);
            continue;
        }
        // The role runs to the next comma; a title word must be in its first few words.
        let end = (k + 1..toks.len())
            .find(|&j| toks[j].is(",") || toks[j].is("."))
            .unwrap_or(toks.len());
        let role_head = (k + 1..end.min(k + 5))
            .find(|&j| is_title_head(&toks[j].lower) || toks[j].lower == "member");
        if let Some(head) = role_head {
            let country = countries
                .iter()
                .find(|c| c.first > k && c.last < end && c.via != Via::City && c.is_state())
                .map(|c| c.country.clone());
            let speaker = matches!(
                toks[head].lower.as_str(),
                "spokesman" | "spokeswoman" | "spokesperson"
            );
            out.push(PersonRef {
                name: join(&toks[i..k]),
                title: toks[k + 1..=head]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" "),
                country,
                first: i,
                last: k - 1,
                visiting: false,
                speaker,
            });
        }
        i = k.max(i + 1);
    }
    out
}

/// People named without a title but with their country: "Denis Sassou-Nguesso of the
/// Republic of Congo", "Lee Hae-chan, South Korea's prime minister".
fn untitled_with_country(
    toks: &[Tok],
    countries: &[CountryRef],
    titled: &[PersonRef],
) -> Vec<PersonRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if titled.iter().any(|p| p.first <= i && i <= p.last) || !name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut k = i;
        while k < toks.len()
            && (name_word(&toks[k])
                || k > i
                    && PARTICLES.contains(&toks[k].lower.as_str())
                    && toks.get(k + 1).is_some_and(name_word))
            && lookup(&toks[k].lower).is_none()
            && !titled.iter().any(|p| p.first <= k && k <= p.last)
        {
            k += 1;
            if toks[k - 1].possessive {
                break;
            }
        }
        let len = k - i;
        if !(2..=4).contains(&len) {
            i = k.max(i + 1);
            continue;
        }
        let of_country = toks.get(k).is_some_and(|t| t.lower == "of") && {
            let mut m = k + 1;
            if toks.get(m).is_some_and(|t| t.lower == "the") {
                m += 1;
            }
            countries
                .iter()
                .any(|c| c.first == m && c.is_state() && c.via == Via::Name)
        };
        // "X, Country's <title>" or "X, <demonym> <title>".
        let apposed = toks.get(k).is_some_and(|t| t.is(","))
            && countries
                .iter()
                .any(|c| c.first == k + 1 && c.is_state() && c.via != Via::City)
            && {
                let c = countries.iter().find(|c| c.first == k + 1);
                c.is_some_and(|c| {
                    toks.get(c.last + 1)
                        .is_some_and(|t| is_title_word(&t.lower))
                })
            };
        if of_country || apposed {
            let country = if of_country {
                let mut m = k + 1;
                if toks.get(m).is_some_and(|t| t.lower == "the") {
                    m += 1;
                }
                countries
                    .iter()
                    .find(|c| c.first == m)
                    .map(|c| c.country.clone())
            } else {
                countries
                    .iter()
                    .find(|c| c.first == k + 1)
                    .map(|c| c.country.clone())
            };
            out.push(PersonRef {
                name: join(&toks[i..k]),
                title: String::new(),
                country,
                first: i,
                last: k - 1,
                visiting: false,
                speaker: false,
            });
        }
        i = k.max(i + 1);
    }
    out
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
        let ps = people(&toks, &cs);
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
        let ps = people(&toks, &cs);
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
}
