//! A short title for an extracted event that reads as a person would write it: both sides
//! named ("Japanese and Philippine foreign ministers meet in Manila", "Vo Minh Tan visits
//! Indonesia", "China and Pakistan sign agreement"), places once and cased as in running
//! text.
//!
//! In: the event's kind, parties and name, and the article's cast. Out: a title.

use super::cast::Cast;
use super::folding::Mention;
use crate::model::{Country, CountryKind, EventType, Gazetteer};

/// "A", "A and B", "A, B and C".
fn list(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// A country as running text names it: the short names news uses rather than the ISO ones
/// ("Russia", not "Russian Federation").
fn name(c: &Country) -> String {
    let short = match c.code.as_str() {
        "US" => "United States",
        "GB" => "United Kingdom",
        "RU" => "Russia",
        "VN" => "Vietnam",
        "KR" => "South Korea",
        "KP" => "North Korea",
        "IR" => "Iran",
        "SY" => "Syria",
        "TZ" => "Tanzania",
        "BO" => "Bolivia",
        "VE" => "Venezuela",
        "LA" => "Laos",
        "MD" => "Moldova",
        "TW" => "Taiwan",
        "VA" => "the Holy See",
        "PS" => "Palestine",
        "CD" => "DR Congo",
        "CG" => "Congo",
        "BN" => "Brunei",
        "FM" => "Micronesia",
        "MK" => "North Macedonia",
        "CZ" => "Czech Republic",
        "TR" => "Turkey",
        "NL" => "Netherlands",
        "PH" => "Philippines",
        "BS" => "Bahamas",
        "AE" => "United Arab Emirates",
        _ => return c.name.clone(),
    };
    short.to_string()
}

/// A person's state's demonym, for "Japanese and Philippine foreign ministers".
fn demonym(c: &Country) -> Option<String> {
    Gazetteer::get().demonym(&c.code).map(str::to_string)
}

/// The plural of a title's last word ("foreign minister" -> "foreign ministers").
fn plural(role: &str) -> String {
    let role = role.to_lowercase();
    if role.ends_with("ss") || role.ends_with('s') {
        format!("{role}es")
    } else if role.ends_with("ary") {
        format!("{}ies", &role[..role.len() - 1])
    } else {
        format!("{role}s")
    }
}

/// The title of one event.
pub(crate) fn title(m: &Mention, cast: &Cast, home: Option<&str>) -> String {
    let p = &m.parties;
    let states: Vec<&Country> = p
        .countries
        .iter()
        .filter(|c| c.kind != CountryKind::Region)
        .collect();
    let place = p.places.first().cloned();
    let at = |t: String| match &place {
        Some(place) if !t.contains(place.as_str()) => format!("{t} in {place}"),
        _ => t,
    };
    // The people of the event with their states, in the order the text names them.
    let people: Vec<(&str, Option<&Country>)> = p
        .actors
        .iter()
        .map(|a| (a.as_str(), cast.find(a).and_then(|x| x.1.as_ref())))
        .collect();
    match m.kind {
        EventType::Visit | EventType::Tour => {
            let traveller = people
                .iter()
                .find(|(_, c)| c.is_some() && *c == p.traveller.as_ref())
                .map(|(n, _)| n.to_string())
                .or_else(|| {
                    p.traveller
                        .as_ref()
                        .map(|c| format!("{} delegation", demonym(c).unwrap_or_else(|| name(c))))
                })
                .unwrap_or_else(|| "Delegation".into());
            let mut dests: Vec<String> = p
                .destinations
                .iter()
                .filter(|c| c.kind != CountryKind::Region && Some(*c) != p.traveller.as_ref())
                .map(name)
                .collect();
            if dests.is_empty() {
                dests = states
                    .iter()
                    .filter(|c| Some(**c) != p.traveller.as_ref())
                    .map(|c| name(c))
                    .collect();
            }
            if dests.is_empty() {
                dests = p.places.clone();
            }
            let verb = if m.kind == EventType::Tour {
                "tours"
            } else {
                "visits"
            };
            format!("{traveller} {verb} {}", list(&dests))
                .trim()
                .to_string()
        }
        EventType::Meeting | EventType::Call => {
            let sides: Vec<(&str, Option<&Country>)> =
                people.iter().filter(|(_, c)| c.is_some()).fold(
                    Vec::new(),
                    |mut acc: Vec<(&str, Option<&Country>)>, (n, c)| {
                        if !acc.iter().any(|(_, x)| x == c) {
                            acc.push((n, *c));
                        }
                        acc
                    },
                );
            let verb_pair = if m.kind == EventType::Call {
                "speak by phone"
            } else {
                "meet"
            };
            if sides.len() >= 2 {
                let roles: Vec<Option<String>> = sides
                    .iter()
                    .map(|(n, _)| cast.role(n).map(|r| r.to_lowercase()))
                    .collect();
                // ("Mr." is how they were addressed, not an office they share.)
                let office = |r: &str| {
                    !matches!(r.trim_end_matches('.'), "mr" | "mrs" | "ms" | "dr" | "h.e")
                };
                let same_role = roles
                    .iter()
                    .all(|r| r.as_deref().is_some_and(office) && *r == roles[0]);
                let demonyms: Vec<Option<String>> =
                    sides.iter().map(|(_, c)| c.and_then(demonym)).collect();
                if same_role && demonyms.iter().all(Option::is_some) {
                    let ds: Vec<String> = demonyms.into_iter().flatten().collect();
                    let role = roles[0].clone().unwrap_or_default();
                    return at(format!("{} {} {verb_pair}", list(&ds), plural(&role)));
                }
                let names: Vec<String> = sides.iter().map(|(n, _)| n.to_string()).collect();
                return at(format!("{} {verb_pair}", list(&names)));
            }
            // Otherwise by state: the first official named, with the other states.
            let who_state = people.first().and_then(|(_, c)| *c);
            let others: Vec<String> = states
                .iter()
                .filter(|c| Some(c.code.as_str()) != home && Some(**c) != who_state)
                .map(|c| name(c))
                .collect();
            let who = people.first().map(|(n, _)| n.to_string());
            match (who, others.is_empty()) {
                (Some(who), false) if m.kind == EventType::Call => {
                    format!("{who} call with {}", list(&others))
                }
                (Some(who), false) => at(format!("{who} meets {} officials", list(&others))),
                _ => {
                    let all: Vec<String> = states.iter().map(|c| name(c)).collect();
                    at(format!("{} officials {verb_pair}", list(&all))
                        .trim()
                        .to_string())
                }
            }
        }
        EventType::Summit => {
            // A name that is only a date after one word ("Meeting on Nov") names nothing.
            if let Some(name) = m.name.as_deref().map(without_date) {
                if name.contains(' ') {
                    return name;
                }
            }
            match (&p.host, place) {
                (_, Some(place)) => format!("Summit in {place}"),
                (Some(host), None) => format!("Summit in {}", name(host)),
                _ => {
                    let all: Vec<String> = states.iter().map(|c| name(c)).collect();
                    format!("Summit of {}", list(&all))
                }
            }
        }
        EventType::Statement => {
            let all: Vec<String> = states.iter().map(|c| name(c)).collect();
            format!("Joint statement by {}", list(&all))
        }
        EventType::Agreement => {
            let all: Vec<String> = states.iter().map(|c| name(c)).collect();
            format!("{} sign agreement", list(&all))
        }
        EventType::Other => {
            let all: Vec<String> = states.iter().map(|c| name(c)).collect();
            format!("Engagement of {}", list(&all))
        }
    }
}

/// A gathering's name without a date written after it ("U.N. General Assembly on Wednesday"
/// is titled "U.N. General Assembly").
fn without_date(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let dated = words.windows(2).position(|w| {
        let next = w[1].trim_end_matches('.').to_lowercase();
        let month = next.len() >= 3
            && next.chars().all(|c| c.is_ascii_alphabetic())
            && matches!(
                &next[..3],
                "jan"
                    | "feb"
                    | "mar"
                    | "apr"
                    | "may"
                    | "jun"
                    | "jul"
                    | "aug"
                    | "sep"
                    | "oct"
                    | "nov"
                    | "dec"
            );
        w[0] == "on" && (crate::extract::lexicon::is_weekday(&next) || month)
    });
    match dated {
        Some(k) if k > 0 => words[..k].join(" "),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::without_date;

    #[test]
    fn a_gathering_name_loses_the_date_written_after_it() {
        assert_eq!(
            without_date("U.N. General Assembly on Wednesday"),
            "U.N. General Assembly"
        );
        assert_eq!(without_date("Meeting on Nov"), "Meeting");
        assert_eq!(
            without_date("Summit of the Americas"),
            "Summit of the Americas"
        );
        // "on" before anything but a date stays: "Forum on China-Africa Cooperation".
        assert_eq!(
            without_date("Forum on China-Africa Cooperation"),
            "Forum on China-Africa Cooperation"
        );
    }
}
