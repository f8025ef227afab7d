//! Heads of state and government known by name, so that a leader the text names without a
//! country ("President Ramaphosa received ...", as his own presidency writes; "spoke with
//! Chancellor Scholz") is still placed in a state.
//!
//! The table is `data/leaders.tsv`: the foreign leaders who visited the United States since
//! 1874, and U.S. presidents and secretaries of state, from the Office of the Historian
//! (public domain; `scripts/make-leaders` rewrites it). A leader who never came is not
//! known: the reader then falls back on the text, as before.

use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

const DATA: &str = include_str!("data/leaders.tsv");

/// Years either side of those the source shows a person in office, for choosing between
/// two states' leaders of one name: terms begin before and end after a first and last visit.
const TERM_SLACK: i32 = 4;

struct Leader {
    title: &'static str,
    /// Folded name words, hyphenated ones also in their parts ("Al-Sabah": "al", "sabah").
    words: Vec<String>,
    country: &'static str,
    first: i32,
    last: i32,
}

struct Leaders {
    all: Vec<Leader>,
    /// Name word -> the leaders whose name has it.
    by_word: HashMap<String, Vec<usize>>,
}

/// English short first names that do not begin as the full one does.
const NICKNAMES: &[(&str, &str)] = &[
    ("bill", "william"),
    ("bob", "robert"),
    ("dick", "richard"),
    ("ted", "edward"),
    ("ned", "edward"),
    ("jack", "john"),
    ("peggy", "margaret"),
    ("betty", "elizabeth"),
    ("hank", "henry"),
    ("chuck", "charles"),
    ("jim", "james"),
    ("tony", "anthony"),
];

/// Lower case without accents or periods: "Lâm" and "lam", "Jr." and "jr", as the table is
/// folded.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

impl Leader {
    /// Whether a word of a mention fits the name: the surname itself; other words as they
    /// are, or a shortened first name ("Joe" of "Joseph"); suffixes and initials
    /// ("Jr.", "R.") whether the source wrote them or not.
    fn has_word(&self, word: &str, surname: &str) -> bool {
        if self.words.iter().any(|w| w == word) {
            return true;
        }
        // (A regnal number is no suffix: it tells kings apart.)
        if word != surname && (matches!(word, "jr" | "sr") || word.chars().count() == 1) {
            return true;
        }
        let prefix: String = word.chars().take(2).collect();
        let shortened =
            word.chars().count() >= 3 && self.words.first().is_some_and(|w| w.starts_with(&prefix));
        // "Bill Clinton" is "William J. Clinton": the short forms that share no letters.
        let nickname = NICKNAMES
            .iter()
            .any(|(short, full)| *short == word && self.words.first().is_some_and(|w| w == full));
        word != surname && (shortened || nickname)
    }
}

fn leaders() -> &'static Leaders {
    static LEADERS: OnceLock<Leaders> = OnceLock::new();
    LEADERS.get_or_init(|| {
        let mut all = Vec::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [title, name, country, first, last] = cols[..] else {
                continue;
            };
            let mut words: Vec<String> = Vec::new();
            for w in name
                .split_whitespace()
                .map(|w| fold(w.trim_end_matches(',')))
            {
                if w.contains('-') {
                    words.extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_string));
                }
                words.push(w);
            }
            let index = all.len();
            for w in &words {
                let entry = by_word.entry(w.clone()).or_default();
                if entry.last() != Some(&index) {
                    entry.push(index);
                }
            }
            all.push(Leader {
                title,
                words,
                country,
                first: first.parse().unwrap_or(0),
                last: last.parse().unwrap_or(9999),
            });
        }
        Leaders { all, by_word }
    })
}

/// The head of a title as the table writes it, for the offices it holds: "Prime Minister"
/// and "Premier" are one office in translation; a "Vice President" or "Foreign Minister" is
/// not in the table.
fn office(title: &[&str]) -> Option<&'static [&'static str]> {
    const PRIME: &[&str] = &["prime minister", "premier"];
    let words: Vec<String> = title.iter().map(|w| fold(w)).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // Modifiers that keep the office ("former President", "Acting Prime Minister").
    let start = words
        .iter()
        .position(|w| !matches!(*w, "former" | "acting" | "interim" | "then" | "late" | "ex"))
        .unwrap_or(words.len());
    Some(match &words[start..] {
        ["president" | "president-elect"] => &["president"],
        ["prime", "minister"] | ["premier"] => PRIME,
        ["chancellor"] | ["federal", "chancellor"] => &["chancellor"],
        ["king"] => &["king"],
        ["queen"] => &["queen"],
        ["emir" | "amir"] => &["emir"],
        ["sultan"] => &["sultan"],
        ["crown", "prince"] => &["crown prince"],
        ["taoiseach"] => &["taoiseach"],
        ["secretary"] | ["secretary", "of", "state"] => &["secretary"],
        _ => return None,
    })
}

/// The state of the leader with this title and name, in a text of `year`: only when every
/// word of the name is one of theirs ("President Lula" is Luiz Inacio Lula da Silva), and
/// only when the leaders who fit serve one state (of those in office near `year`, when
/// they do not).
pub(crate) fn country_of(title: &[&str], name: &[&str], year: Option<i32>) -> Option<&'static str> {
    let offices = office(title)?;
    let words = name_words(name);
    // The surname: "King Abdullah II" and "Ferdinand Marcos Jr." are looked up by the word
    // before the numeral or suffix.
    let roman = |w: &str| w.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let suffix = |(k, w): &(usize, &String)| *k > 0 && (roman(w) || w.as_str() == "jr");
    let (_, last) = words.iter().enumerate().rev().find(|kw| !suffix(kw))?;
    let table = leaders();
    let fits: Vec<&Leader> = table
        .by_word
        .get(last)?
        .iter()
        .map(|&k| &table.all[k])
        .filter(|l| offices.contains(&l.title) && words.iter().all(|w| l.has_word(w, last)))
        .collect();
    one_state_near(&fits, year)
}

/// The state of a leader named in full without an office ("Mr Tony Blair", "Dr Mahathir
/// Mohamad"): every word of the name, two at least, is one of theirs as the table spells it.
pub(crate) fn country_by_full_name(name: &[&str], year: Option<i32>) -> Option<&'static str> {
    let words = name_words(name);
    let last = words.last().filter(|_| words.len() >= 2)?;
    let table = leaders();
    let fits: Vec<&Leader> = table
        .by_word
        .get(last)?
        .iter()
        .map(|&k| &table.all[k])
        .filter(|l| words.iter().all(|w| l.words.contains(w)))
        .collect();
    one_state_near(&fits, year)
}

/// A name's words as the table spells them, without possessives or honorifics.
fn name_words(name: &[&str]) -> Vec<String> {
    name.iter()
        .map(|w| fold(w.trim_end_matches("'s").trim_end_matches('\'')))
        .filter(|w| !matches!(w.as_str(), "mr" | "mrs" | "ms" | "dr" | "h e" | "he"))
        .collect()
}

/// The one state the leaders who fit serve; when they serve several, the one state of those
/// in office near `year`.
fn one_state_near(fits: &[&Leader], year: Option<i32>) -> Option<&'static str> {
    let one_state = |among: &mut dyn Iterator<Item = &&Leader>| {
        let mut countries = among.map(|l| l.country);
        let first = countries.next()?;
        countries.all(|c| c == first).then_some(first)
    };
    one_state(&mut fits.iter()).or_else(|| {
        let year = year?;
        one_state(
            &mut fits
                .iter()
                .filter(|l| l.first - TERM_SLACK <= year && year <= l.last + TERM_SLACK),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(title: &str, name: &str, year: i32) -> Option<&'static str> {
        let title: Vec<&str> = title.split(' ').collect();
        let name: Vec<&str> = name.split(' ').collect();
        country_of(&title, &name, Some(year))
    }

    #[test]
    fn a_leader_named_by_surname_and_title_is_placed_in_their_state() {
        assert_eq!(lookup("President", "Ramaphosa", 2024), Some("ZA"));
        assert_eq!(lookup("Chancellor", "Scholz", 2023), Some("DE"));
        // Any word of the name, in either order ("Kishida Fumio" in the source).
        assert_eq!(lookup("Prime Minister", "Fumio Kishida", 2023), Some("JP"));
        assert_eq!(lookup("President", "Lula", 2004), Some("BR"));
        assert_eq!(lookup("President", "Xi", 2021), Some("CN"));
        // "Joseph R. Biden" in the source: a short first name and a suffix still fit.
        assert_eq!(lookup("President", "Joe Biden", 2022), Some("US"));
        assert_eq!(lookup("President", "Joseph R. Biden Jr.", 2022), Some("US"));
        // "Robert J. L. Hawke" and "Edward R. G. Heath" in the source.
        assert_eq!(lookup("Prime Minister", "Bob Hawke", 1985), Some("AU"));
        assert_eq!(lookup("Prime Minister", "Ted Heath", 1972), Some("GB"));
        assert_eq!(lookup("President", "Hunter Biden", 2022), None);
        assert_eq!(lookup("former President", "Putin", 2004), Some("RU"));
        // Premier and Prime Minister are one office in translation.
        assert_eq!(lookup("Premier", "Modi", 2020), Some("IN"));
    }

    #[test]
    fn a_leader_named_in_full_without_an_office_is_placed_in_their_state() {
        let full = |name: &str| {
            let words: Vec<&str> = name.split(' ').collect();
            country_by_full_name(&words, Some(2015))
        };
        assert_eq!(full("Mr Xi Jinping"), Some("CN"));
        assert_eq!(full("Shinzo Abe"), Some("JP"));
        // A surname alone, or a first name that is not theirs, is anyone's.
        assert_eq!(full("Mr Abe"), None);
        assert_eq!(full("Hunter Biden"), None);
    }

    #[test]
    fn the_office_must_be_the_leaders_own() {
        assert_eq!(lookup("Foreign Minister", "Scholz", 2023), None);
        assert_eq!(lookup("Vice President", "Ramaphosa", 2016), None);
        assert_eq!(lookup("Mayor", "Macron", 2020), None);
    }

    #[test]
    fn a_name_two_states_leaders_share_needs_the_year_to_choose() {
        // Both Presidents Bush are American: one state, no year needed.
        assert_eq!(country_of(&["President"], &["Bush"], None), Some("US"));
        // Lyndon Johnson, or Liberia's Ellen Johnson Sirleaf.
        assert_eq!(lookup("President", "Johnson", 1966), Some("US"));
        assert_eq!(lookup("President", "Johnson Sirleaf", 2010), Some("LR"));
        // Herzog: Germany's president in 1999, Israel's in 2023.
        assert_eq!(lookup("President", "Herzog", 1999), Some("DE"));
        assert_eq!(lookup("President", "Herzog", 2023), Some("IL"));
        assert_eq!(country_of(&["President"], &["Herzog"], None), None);
        assert_eq!(lookup("King", "Abdullah II", 2010), Some("JO"));
        assert_eq!(lookup("President", "Nobodyknown", 2020), None);
    }

    #[test]
    fn accents_and_possessives_fold_as_the_table_does() {
        assert_eq!(lookup("President", "Macron's", 2020), Some("FR"));
        assert_eq!(lookup("President", "Erdoğan", 2020), Some("TR"));
    }
}
