//! The article's cast: everyone it names with a title, with their state, so that a later
//! bare surname ("Tayan") or title ("the premier") is the same person with the same country.
//!
//! In: the [`Doc`]. Out: a [`Cast`] that [`super::participants`] and [`super::titles`] ask.

use super::document::{dominant_state, Doc, Sent};
use super::lexicon as lex;
use super::mentions::Via;
use crate::model::Country;
/// Everyone the article names with a title, so that a later bare surname ("Tayan") is the
/// same person with the same country.
#[derive(Debug, Default)]
pub(crate) struct Cast {
    people: Vec<(String, Option<Country>)>,
    /// Title head word ("king", "pope", "premier"), index into `people` and where it was
    /// written (sentence, token), for each time a title is given.
    titles: Vec<(String, usize, (usize, usize))>,
    /// Full name -> the title first written with it ("Foreign Minister"), for event titles.
    roles: Vec<(String, String)>,
    /// People the article describes as holding no office ("the presidential candidate ...,
    /// Segolene Royal", "Bartholomew I, spiritual leader of ...").
    unofficials: Vec<String>,
    /// People introduced as the head of a body ("Commission President X").
    body_heads: Vec<String>,
    /// The state whose government wrote the text, if one did.
    home: Option<String>,
}

impl Cast {
    /// Collects the people of every sentence, first mention first.
    pub(crate) fn new(doc: &Doc) -> Cast {
        let mut cast = Cast {
            home: doc.home.clone(),
            ..Cast::default()
        };
        for s in &doc.sentences {
            cast.unofficials.extend(unofficial_names(s));
            for p in &s.people {
                if p.speaker {
                    continue;
                }
                cast.add(&p.name, p.country.clone());
                // "Commission President X", "IOC President X": a capitalised word before the
                // title that names no state is a body's name.
                let body = p.first > 0
                    && s.toks[p.first - 1].word
                    && s.toks[p.first - 1].cap
                    && !s.countries.iter().any(|c| c.last + 1 == p.first);
                if body {
                    cast.body_heads.push(p.name.clone());
                }
                if !p.title.is_empty() {
                    if let Some((full, _)) = cast.find(&p.name) {
                        let full = full.clone();
                        if !cast.roles.iter().any(|(n, _)| *n == full) {
                            cast.roles.push((full, p.title.clone()));
                        }
                    }
                }
                // "The Head of State, X, returned": the office set off before the name.
                // (The person's span may start at the office.)
                let office_before = head_of_office(s, p.first)
                    .or_else(|| {
                        (p.first >= 4 && s.toks[p.first - 1].is(","))
                            .then(|| head_of_office(s, p.first - 4))
                            .flatten()
                    })
                    .map(|office| office.word());
                let head = office_before.or(p.title.split_whitespace().last());
                if let Some(head) = head {
                    let head = head.to_lowercase();
                    if let Some(index) = cast
                        .people
                        .iter()
                        .position(|(n, _)| surname(n) == surname(&p.name))
                    {
                        cast.titles.push((head, index, (s.index, p.first)));
                    }
                }
            }
        }
        // "At the invitation of President X, Y will pay a state visit to Z": who invites
        // someone to visit a state is that state's.
        for s in &doc.sentences {
            for p in s.people.iter().filter(|p| p.country.is_none()) {
                if let Some(host) = invited_to(s, p.first) {
                    let last = surname(&p.name);
                    for entry in cast.people.iter_mut() {
                        if entry.1.is_none() && surname(&entry.0) == last {
                            entry.1 = Some(host.clone());
                        }
                    }
                }
            }
        }
        // "President X and his Kenyan counterpart Y": X serves another state than Y,
        // the one the text names most after Y's.
        for s in &doc.sentences {
            for p in &s.people {
                let Some(theirs) = counterpart_after(s, p.last) else {
                    continue;
                };
                let last = surname(&p.name);
                let other = dominant_state(&doc.sentences, Some(&theirs.code));
                for entry in cast.people.iter_mut() {
                    if entry.1.is_none() && surname(&entry.0) == last {
                        entry.1 = other.clone();
                    }
                }
            }
        }
        // A national agency's copy names its own state's leaders and ministers without the
        // state ("OSAKA (PTI) Prime Minister X held talks with ..."); the heads of bodies
        // ("Commission President", "Secretary-General") serve no state.
        let own = doc.agency_state();
        // A second holder of an office the state's own holder already has is the other
        // side's ("Andreou and Prime Minister Ilievski" in a Greek agency's copy): the first
        // named holds it.
        if let Some(own) = own {
            let single = |title: &str| {
                [
                    "president",
                    "prime minister",
                    "premier",
                    "chancellor",
                    "king",
                ]
                .iter()
                .any(|h| title.ends_with(h))
            };
            let title_of = |cast: &Cast, name: &str| {
                cast.roles
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, title)| title.to_lowercase())
            };
            let mut held: Vec<String> = cast
                .people
                .iter()
                .filter(|p| p.1.as_ref() == Some(own))
                .filter_map(|p| title_of(&cast, &p.0))
                .filter(|t| single(t))
                .collect();
            for i in 0..cast.people.len() {
                let name = cast.people[i].0.clone();
                if cast.people[i].1.is_some() {
                    continue;
                }
                let Some(title) = title_of(&cast, &name) else {
                    continue;
                };
                let body_head = cast.body_heads.iter().any(|n| surname(n) == surname(&name));
                if body_head || !is_state_office(&title) {
                    continue;
                }
                if held.contains(&title) {
                    // The other side of the story: the state it names most after its own.
                    cast.people[i].1 = dominant_state(&doc.sentences, Some(&own.code));
                    continue;
                }
                if single(&title) {
                    held.push(title);
                }
                cast.people[i].1 = Some(own.clone());
            }
        }
        cast
    }

    fn add(&mut self, name: &str, country: Option<Country>) {
        let last = surname(name);
        if let Some(entry) = self
            .people
            .iter_mut()
            .find(|(full, _)| full == name || surname(full) == last)
        {
            if entry.1.is_none() {
                entry.1 = country;
            }
            if name.len() > entry.0.len() && surname(name) == surname(&entry.0) {
                entry.0 = name.to_string();
            }
            return;
        }
        self.people.push((name.to_string(), country));
    }

    /// Whether the article describes someone as holding no office.
    pub(crate) fn is_unofficial(&self, name: &str) -> bool {
        let last = surname(name);
        self.unofficials
            .iter()
            .any(|u| u == name || surname(u) == last)
    }

    /// The first word of a sentence that names someone without office, with their name.
    pub(crate) fn unofficial_in(&self, s: &Sent) -> Option<(usize, String)> {
        s.toks.iter().enumerate().find_map(|(k, t)| {
            self.unofficials
                .iter()
                .find(|u| t.word && t.cap && surname(u) == t.text)
                .map(|u| (k, u.clone()))
        })
    }

    /// The title someone was first named with ("Foreign Minister").
    pub(crate) fn role(&self, name: &str) -> Option<&str> {
        self.roles
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r.as_str())
    }

    /// Everyone named with a title, with their state when known.
    pub(crate) fn officials(&self) -> impl Iterator<Item = (&String, &Option<Country>)> {
        self.people.iter().map(|(n, c)| (n, c))
    }

    /// The full name and country of someone named by full name or surname.
    pub(crate) fn find(&self, name: &str) -> Option<&(String, Option<Country>)> {
        let last = surname(name);
        self.people
            .iter()
            .find(|(full, _)| full == name || surname(full) == last)
    }

    /// Someone named by one word: the last word of a name, its first in names written
    /// family name first ("Hu" of "Hu Jintao"), or a part of a long name.
    fn by_word(&self, word: &str) -> Option<&(String, Option<Country>)> {
        self.people
            .iter()
            .find(|(full, _)| surname(full) == word)
            .or_else(|| {
                self.people.iter().find(|(full, _)| {
                    let parts: Vec<&str> = full.split_whitespace().collect();
                    parts.len() >= 2 && parts.len() <= 3 && parts[0] == word && word.len() >= 2
                })
            })
            // "Lula" of "Luiz Inacio Lula da Silva": long names are often shortened to a
            // middle part.
            .or_else(|| {
                self.people.iter().find(|(full, _)| {
                    let parts: Vec<&str> = full.split_whitespace().collect();
                    parts.len() >= 4 && word.len() >= 3 && parts[1..].contains(&word)
                })
            })
    }
}

enum HeadOf {
    State,
    Government,
}

impl HeadOf {
    /// The title's last word, as the cast files it ("Head of State" -> "state").
    fn word(&self) -> &'static str {
        match self {
            HeadOf::State => "state",
            HeadOf::Government => "government",
        }
    }
}

const STATE_HEADS: &[&str] = &["president", "king", "queen", "emir", "amir", "sultan"];

/// "Head of State" or "Head of Government" starting at token `k`.
fn head_of_office(s: &Sent, k: usize) -> Option<HeadOf> {
    let w = |j: usize| s.toks.get(j).map_or("", |t| t.lower.as_str());
    if w(k) != "head" || w(k + 1) != "of" {
        return None;
    }
    match w(k + 2) {
        "state" => Some(HeadOf::State),
        "government" => Some(HeadOf::Government),
        _ => None,
    }
}

impl Cast {
    /// People of the cast named bare in a sentence (by surname, or by a title alone: "the
    /// King", "the Pope"), as token index and entry.
    pub(crate) fn bare<'c>(&'c self, s: &Sent) -> Vec<(usize, &'c (String, Option<Country>))> {
        let mut out = Vec::new();
        for (k, t) in s.toks.iter().enumerate() {
            if !t.word || s.people.iter().any(|p| p.first <= k && k <= p.last) {
                continue;
            }
            if t.cap {
                if let Some(entry) = self.by_word(t.text) {
                    out.push((k, entry));
                    continue;
                }
            }
            let definite = k > 0 && s.toks[k - 1].lower == "the";
            let next_is_name = s.toks.get(k + 1).is_some_and(|n| n.word && n.cap);
            if definite && !next_is_name {
                // A government's text calls its own leader "The President", whoever it
                // names since; in other text it is a holder of the sentence that last named
                // one ("the President" after the French one is the French one); of two
                // there, the one the article is about (named first in it), else the first
                // ("President A held talks with President B of C. The President will ..."
                // goes on about A).
                // "the Head of State" is whoever holds the state's head office ("President
                // X ... The Head of State also spoke"); "the Head of Government" its premier.
                let prime_minister = |index: usize| {
                    self.roles.iter().any(|(name, role)| {
                        *name == self.people[index].0
                            && role.to_lowercase().ends_with("prime minister")
                    })
                };
                let office = |h: &str, index: usize| match head_of_office(s, k) {
                    Some(HeadOf::State) => STATE_HEADS.contains(&h),
                    Some(HeadOf::Government) => {
                        matches!(h, "premier" | "chancellor") || prime_minister(index)
                    }
                    None => h == t.lower,
                };
                let holders = || self.titles.iter().filter(|(h, index, _)| office(h, *index));
                let own = |index: usize| {
                    t.cap
                        && self.people[index]
                            .1
                            .as_ref()
                            .is_some_and(|c| Some(&c.code) == self.home.as_ref())
                };
                let last_naming = holders()
                    .filter(|(.., at)| at.0 < s.index)
                    .map(|(.., at)| at.0)
                    .max();
                // The formal "the Head of State" is the one the text introduced so ("The Head
                // of State, X, returned"), else the one it is about, named first.
                let formal = head_of_office(s, k).map(|office| {
                    self.titles
                        .iter()
                        .find(|(h, ..)| h == office.word())
                        .or_else(|| holders().next())
                });
                let holder = formal
                    .flatten()
                    .or_else(|| holders().find(|(_, index, _)| own(*index)))
                    .or_else(|| holders().rfind(|(.., at)| at.0 == s.index && at.1 < k))
                    .or_else(|| {
                        let protagonist = holders().next().map(|(_, index, _)| *index);
                        let in_last = || holders().filter(|(.., at)| Some(at.0) == last_naming);
                        in_last()
                            .find(|(_, index, _)| Some(*index) == protagonist)
                            .or_else(|| in_last().next())
                    })
                    .or_else(|| holders().next());
                if let Some((_, index, _)) = holder {
                    out.push((k, &self.people[*index]));
                }
            } else if k > 1 && s.toks[k - 2].lower == "the" && !next_is_name && !t.cap {
                // "the prime minister": whoever was named with that whole title.
                let title = format!("{} {}", s.toks[k - 1].lower, t.lower);
                let holder = self
                    .roles
                    .iter()
                    .rev()
                    .find(|(_, r)| r.to_lowercase() == title);
                if let Some(entry) = holder.and_then(|(name, _)| self.find(name)) {
                    out.push((k - 1, entry));
                }
            }
        }
        out
    }
}

/// Names set beside a word for someone without office: "The presidential candidate of
/// France's Socialist Party, Segolene Royal," or "Bartholomew I, spiritual leader of ...".
fn unofficial_names(s: &Sent) -> Vec<String> {
    let toks = &s.toks;
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !lex::NON_OFFICIALS.contains(&t.lower.as_str()) {
            continue;
        }
        // The name after the next comma ("candidate ..., Segolene Royal").
        if let Some(comma) = (k + 1..(k + 10).min(toks.len())).find(|&j| toks[j].is(",")) {
            let name: Vec<&str> = toks[comma + 1..]
                .iter()
                .take_while(|x| x.word && x.cap)
                .map(|x| x.text)
                .collect();
            if (2..=4).contains(&name.len()) {
                out.push(name.join(" "));
                continue;
            }
        }
        // The name right before ", spiritual leader".
        if k >= 2 && toks[k - 1].is(",") {
            let mut j = k - 1;
            let mut name: Vec<&str> = Vec::new();
            while j > 0 && toks[j - 1].word && toks[j - 1].cap {
                j -= 1;
                name.insert(0, toks[j].text);
            }
            if (1..=4).contains(&name.len()) {
                out.push(name.join(" "));
            }
        }
    }
    out
}

pub(crate) fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// Whether a title is a state's office (a head of state or government, a minister) rather
/// than a body's.
/// The state of "and his Kenyan counterpart" right after a person's name (token `last`).
fn counterpart_after(s: &Sent, last: usize) -> Option<Country> {
    let w = |k: usize| s.toks.get(k).map_or("", |t| t.lower.as_str());
    if w(last + 1) != "and" || !matches!(w(last + 2), "his" | "her") {
        return None;
    }
    let demonym = s.countries.iter().find(|c| {
        c.first == last + 3
            && c.via == Via::Demonym
            && c.is_state()
            && w(c.last + 1) == "counterpart"
    })?;
    Some(demonym.country.clone())
}

fn is_state_office(title: &str) -> bool {
    let t = title.to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    let office = [
        "president",
        "premier",
        "minister",
        "king",
        "emir",
        "amir",
        "chancellor",
    ];
    let body = [
        "commission",
        "council",
        "general",
        "secretary-general",
        "director-general",
    ];
    words.iter().any(|w| office.contains(w)) && !words.iter().any(|w| body.contains(w))
}

/// The state a person named at token `first` invites someone to visit: "at the invitation
/// of President X, ... will pay a state visit to China", "on an official visit to Japan at
/// the invitation of Prime Minister X". Only when the sentence names one destination.
fn invited_to(s: &Sent, first: usize) -> Option<Country> {
    if !s.invites(first) {
        return None;
    }
    let trip_word = |k: usize| {
        let w = s.toks[k].lower.as_str();
        lex::VISIT_NOUNS.contains(&w)
            || lex::VISIT_VERBS.contains(&w)
            || lex::TRAVEL_MOTION.iter().any(|(v, _)| *v == w)
    };
    let destinations: Vec<&Country> = s
        .countries
        .iter()
        .filter(|c| c.is_state() && c.via != Via::Demonym && c.first > 0)
        .filter(|c| {
            let before = if s.toks[c.first - 1].lower == "the" {
                c.first - 1
            } else {
                c.first
            };
            let prep = before > 0 && matches!(s.toks[before - 1].lower.as_str(), "to" | "in");
            prep && (before.saturating_sub(4)..before).any(trip_word)
                || before > 0 && lex::VISIT_VERBS.contains(&s.toks[before - 1].lower.as_str())
        })
        .map(|c| &c.country)
        .collect();
    match destinations.as_slice() {
        [one] => Some((*one).clone()),
        [one, rest @ ..] if rest.iter().all(|c| c == one) => Some((*one).clone()),
        _ => None,
    }
}
