//! The people of an engagement and the state each serves: those named in the trigger's
//! clause, those known from earlier in the article, "he" for someone named before, the
//! subject a relative clause hangs on, and the state of officials the text never
//! attributes (a readout's own, or the dateline's).

use super::super::cast::{surname, Cast};
use super::super::document::{Doc, Sent};
use super::super::mentions::{CountryRef, PersonRef, Via};
use super::super::triggers::Trigger;
use super::{lower, topic_cut};
use crate::model::{Country, Gazetteer};

/// The people of a trigger's clause with their states: named in scope, known from earlier
/// in the article, "he" for the subject of the sentence before, and the subject a relative
/// clause hangs on. In order of position.
pub(super) fn people_of(
    doc: &Doc,
    cast: &Cast,
    s: &Sent,
    trig: &Trigger,
    first: usize,
    relative: bool,
    in_scope: &impl Fn(usize, usize) -> bool,
) -> Vec<(usize, String, Option<Country>, bool)> {
    let mut people: Vec<(usize, String, Option<Country>, bool)> = Vec::new();
    for person in &s.people {
        if person.speaker || !in_scope(person.first, person.last) {
            continue;
        }
        let known = cast.find(&person.name);
        let name = known.map_or(person.name.clone(), |k| k.0.clone());
        let country = person
            .country
            .clone()
            .or_else(|| known.and_then(|k| k.1.clone()))
            .or_else(|| unattributed(doc, s, person.first, person.visiting, trig));
        people.push((person.first, name, country, person.visiting));
    }
    for (k, entry) in cast.bare(s) {
        if in_scope(k, k) && !people.iter().any(|(_, n, _, _)| *n == entry.0) {
            let country = entry
                .1
                .clone()
                .or_else(|| unattributed(doc, s, k, false, trig));
            people.push((k, entry.0.clone(), country, false));
        }
    }
    // "He held talks with ...": the subject of the sentence before.
    let pronoun =
        (first..trig.first).find(|&k| matches!(lower(s, k), "he" | "she" | "his" | "her"));
    if let Some(k) = pronoun {
        // "Recalling his visit to Kenya, Hu said": a sentence that opens with a participle
        // hangs on the subject after it.
        // So does "In his meeting with Kagame, Hu said".
        let participle = first == 0 && opens_with_subordinate_clause(s);
        let after_clause = opening_clause_end(s, trig).unwrap_or(trig.clause.1);
        let main_subject = participle
            .then(|| {
                s.people
                    .iter()
                    .find(|x| x.first > after_clause)
                    .map(|x| (x.first, x.name.clone(), x.country.clone()))
                    .or_else(|| {
                        cast.bare(s)
                            .into_iter()
                            .find(|(j, _)| *j > after_clause)
                            .map(|(j, e)| (j, e.0.clone(), e.1.clone()))
                    })
            })
            .flatten();
        if let Some((j, name, country)) = main_subject {
            if !people.iter().any(|(pk, ..)| *pk < trig.first) {
                let known = cast.find(&name);
                let name = known.map_or(name, |x| x.0.clone());
                let country = country
                    .or_else(|| known.and_then(|x| x.1.clone()))
                    .or_else(|| unattributed(doc, s, j, false, trig));
                people.push((k, name, country, false));
            }
        } else if !people.iter().any(|(pk, ..)| *pk < trig.first)
            && s.index > 0
            && !(relative && names_before(cast, s, first))
        {
            // "He will visit Spain ... He will visit Peru": past sentences that are about
            // "he" too, to the one that names him.
            // So is "In Valletta he met President X and ...": its subject is "he", and
            // whoever it names comes after.
            let about_him = |b: &&Sent| {
                let Some(p) = b
                    .toks
                    .iter()
                    .take(5)
                    .position(|t| matches!(t.lower.as_str(), "he" | "she"))
                else {
                    return false;
                };
                b.toks[..p].iter().all(|t| !t.is(","))
                    && b.people.iter().all(|x| x.first > p)
                    && cast.bare(b).iter().all(|(j, _)| *j > p)
            };
            // ("It has been a busy week for him. He hosted ...": past sentences that name
            // no one.)
            let names_someone = |b: &&Sent| !b.people.is_empty() || !cast.bare(b).is_empty();
            let before = (1..=s.index.min(4))
                .map(|d| &doc.sentences[s.index - d])
                .find(|b| !about_him(b) && names_someone(b))
                .unwrap_or(&doc.sentences[s.index - 1]);
            // Whoever that sentence names first: "Royal, who ..., party spokesman Dray
            // said" is about Royal.
            // "A has invited B to visit ... He will then travel": the one invited.
            let invited = before
                .toks
                .iter()
                .position(|t| matches!(t.lower.as_str(), "invited" | "invites"));
            let named = before
                .people
                .iter()
                .filter(|x| !x.speaker)
                .find(|x| invited.is_none_or(|i| x.first > i))
                .or_else(|| before.people.iter().find(|x| !x.speaker))
                .map(|x| (x.first, x.name.clone(), x.country.clone()));
            let bare = cast
                .bare(before)
                .first()
                .map(|(j, e)| (*j, e.0.clone(), e.1.clone()));
            let unofficial = cast.unofficial_in(before).map(|(j, n)| (j, n, None));
            let subject = [named, bare, unofficial]
                .into_iter()
                .flatten()
                .min_by_key(|(j, ..)| *j)
                .map(|(_, name, country)| (name, country));
            if let Some((name, country)) = subject {
                let known = cast.find(&name);
                let name = known.map_or(name, |x| x.0.clone());
                let country = country.or_else(|| known.and_then(|x| x.1.clone()));
                people.push((k, name, country, false));
            }
        }
    }
    // "In the evening, at the embassy, they also saw President X": "they" for the people the
    // sentence before had as its subject ("A and B held talks with C" -> A and B).
    // (The subject of its own clause, not of a relative one: "..., where they will".)
    // (Told as done: what "they can" or "will" do is too loose a reference.)
    let modal = |k: usize| {
        matches!(
            lower(s, k),
            "can" | "could" | "may" | "might" | "will" | "would" | "should" | "must" | "to"
        )
    };
    let they = (first..trig.first).any(|k| {
        lower(s, k) == "they"
            && (k == 0 || s.toks[k - 1].is(","))
            && !(k + 1..trig.first).any(modal)
    });
    let done = !trig.future && !trig.hypothetical;
    if they && done && s.index > 0 && !people.iter().any(|(pk, ..)| *pk < trig.first) {
        let before = (1..=s.index.min(3))
            .map(|d| &doc.sentences[s.index - d])
            .find(|b| b.people.iter().any(|p| !p.speaker));
        for p in before.map(subject_group).unwrap_or_default() {
            let known = cast.find(&p.name);
            let name = known.map_or(p.name.clone(), |x| x.0.clone());
            if people.iter().any(|(_, n, ..)| *n == name) {
                continue;
            }
            let country = p
                .country
                .clone()
                .or_else(|| known.and_then(|x| x.1.clone()));
            people.push((first, name, country, false));
        }
    }
    // The subject of a relative clause.
    if relative || people.iter().all(|(k, ..)| *k > trig.first) {
        // The sentence's subject is whoever comes first: "Pompeo met with President X in
        // Kyiv and traveled to Minsk, where he held talks" hangs on Pompeo, named bare.
        let bare_subject = cast.bare(s).into_iter().find(|(k, _)| *k < first);
        let named_subject = s.people.iter().find(|x| x.first < first && !x.speaker);
        let named_subject = named_subject.filter(|x| bare_subject.is_none_or(|(k, _)| x.first < k));
        if let Some(subject) = named_subject {
            let known = cast.find(&subject.name);
            let name = known.map_or(subject.name.clone(), |k| k.0.clone());
            let country = subject
                .country
                .clone()
                .or_else(|| known.and_then(|k| k.1.clone()))
                .or_else(|| unattributed(doc, s, subject.first, subject.visiting, trig));
            if !people.iter().any(|(_, n, _, _)| *n == name) {
                people.push((subject.first, name, country, subject.visiting));
            }
        } else if let Some((k, entry)) = bare_subject {
            let country = entry
                .1
                .clone()
                .or_else(|| unattributed(doc, s, k, false, trig));
            people.push((k, entry.0.clone(), country, false));
        }
    }
    if let Some(subject) = subject_after_opening_clause(doc, cast, s, trig, first) {
        if !people.iter().any(|(_, n, ..)| *n == subject.1) {
            people.push(subject);
        }
    }
    people.sort_by_key(|(k, ..)| *k);
    people
}

/// Whether a sentence opens with someone named, its subject, before a relative clause
/// ("Moreau leaves Santiago for Lima, where he ..."): the clause's "he" is that person, not
/// someone of the sentence before. (By name: "the president" is too loose a reference to
/// outrank the sentence before; and at the opening: "arrived from Ireland, where he met X,
/// and went on to London, where he will meet Y" is not about X.)
fn names_before(cast: &Cast, s: &Sent, first: usize) -> bool {
    let named = s.people.iter().filter(|x| !x.speaker).map(|x| x.first);
    let bare = cast
        .bare(s)
        .into_iter()
        .filter(|(j, entry)| s.toks[*j].cap && s.toks[*j].text == surname(&entry.0))
        .map(|(j, _)| j);
    named.chain(bare).min().is_some_and(|subject| {
        // ("Last week Moreau travelled to ...": a time may open the sentence.)
        let in_time = |k: usize| s.times.iter().any(|x| x.first <= k && k <= x.last);
        subject < first
            && (0..subject).all(|k| {
                s.toks[k].cap || s.toks[k].lower == "the" || s.toks[k].is(",") || in_time(k)
            })
    })
}

/// The people a sentence has as its subject: the first it names and those joined to them
/// by "and" or a comma, titles between ("President A and Federal Councillor B held talks
/// with C": A and B).
fn subject_group<'s>(s: &'s Sent) -> Vec<&'s PersonRef> {
    let mut named = s.people.iter().filter(|p| !p.speaker);
    let Some(head) = named.next() else {
        return Vec::new();
    };
    let mut group = vec![head];
    for p in named {
        let last = group.last().map_or(0, |x| x.last);
        let joined = (last + 1..p.first).all(|k| {
            let t = &s.toks[k];
            t.is(",") || t.lower == "and" || t.cap && t.word
        }) && (last + 1..p.first)
            .any(|k| s.toks[k].lower == "and" || s.toks[k].is(","));
        if !joined {
            break;
        }
        group.push(p);
    }
    group
}

/// "Recalling his visit", "When meeting with", "In his meeting with": a sentence that opens
/// with a participle or a subordinate clause, whose subject comes after it.
fn opens_with_subordinate_clause(s: &Sent) -> bool {
    s.toks.first().is_some_and(|t| {
        t.word
            && t.text.starts_with(|c: char| c.is_uppercase())
            && (t.lower.ends_with("ing")
                || matches!(
                    t.lower.as_str(),
                    "when" | "while" | "during" | "in" | "at" | "after" | "before"
                ))
    })
}

/// The last token of the clause that opens the sentence and holds the trigger ("When
/// meeting with Kufuor" in "When meeting with Kufuor, Hu said"): up to the first comma after
/// the trigger.
fn opening_clause_end(s: &Sent, trig: &Trigger) -> Option<usize> {
    if !opens_with_subordinate_clause(s) {
        return None;
    }
    let comma = (trig.last + 1..s.toks.len()).find(|&k| s.toks[k].is(","))?;
    // A clause of a few words, not a whole sentence with a list in it.
    (comma - trig.last <= 12).then(|| comma - 1)
}

/// "When meeting with Kufuor, Hu said", "During a meeting with Museveni, the president
/// said": a clause that opens the sentence hangs on the subject right after it, who is the
/// other side of the meeting.
fn subject_after_opening_clause(
    doc: &Doc,
    cast: &Cast,
    s: &Sent,
    trig: &Trigger,
    first: usize,
) -> Option<(usize, String, Option<Country>, bool)> {
    if first != 0 {
        return None;
    }
    let end = opening_clause_end(s, trig)?;
    let near = |j: usize| j > end && j <= end + 4;
    let named = s
        .people
        .iter()
        .find(|x| near(x.first) && !x.speaker)
        .map(|x| (x.first, x.name.clone(), x.country.clone()))
        .or_else(|| {
            cast.bare(s)
                .into_iter()
                .find(|(j, _)| near(*j))
                .map(|(j, e)| (j, e.0.clone(), e.1.clone()))
        })?;
    let (j, name, country) = named;
    let known = cast.find(&name);
    let name = known.map_or(name, |x| x.0.clone());
    let country = country
        .or_else(|| known.and_then(|x| x.1.clone()))
        .or_else(|| unattributed(doc, s, j, false, trig));
    Some((j, name, country, false))
}

/// The state of unattributed officials in a government's own text.
pub(super) fn home(doc: &Doc) -> Option<Country> {
    doc.home
        .as_deref()
        .and_then(|h| Gazetteer::get().by_code(h))
        .cloned()
}

/// The state of an official the article never attributes: in a government's readout, its
/// own when the official is the sentence's subject, else the foreign state it names most;
/// in agency copy, the dateline's state (officials quoted there are mostly local), unless
/// the official is visiting.
fn unattributed(
    doc: &Doc,
    s: &Sent,
    first: usize,
    visiting: bool,
    trig: &Trigger,
) -> Option<Country> {
    // Legislators, party leaders and local officials named without a country are the
    // text's own ("Speaker Pelosi", "Leader Schumer", "Governor ...").
    let domestic = s.people.iter().find(|p| p.first == first).is_some_and(|p| {
        let t = p.title.to_lowercase();
        [
            "speaker",
            "leader",
            "senator",
            "sen",
            "rep",
            "representative",
            "congressman",
            "congresswoman",
            "governor",
            "mayor",
            "lawmaker",
        ]
        .iter()
        .any(|w| t.split_whitespace().any(|x| x.trim_end_matches('.') == *w))
    });
    if doc.home.is_some() {
        // The subject, before the trigger, is the readout's own official; the one met is
        // the foreign state the readout is about.
        // ("At the invitation of President X, Prime Minister Y will visit": X invites.)
        let subject = first < trig.first
            && s.people
                .iter()
                .filter(|p| p.first < trig.first && !s.invites(p.first))
                .all(|p| p.first >= first);
        if subject || domestic {
            return home(doc);
        }
        // The one met: the foreign state the sentence names before its topic ("her
        // appointment as Kenya's ..."), else the one the readout names most.
        let cut = topic_cut(s, trig);
        return s
            .countries
            .iter()
            .filter(|c| {
                c.is_state()
                    && c.first < cut
                    && Some(c.country.code.as_str()) != doc.home.as_deref()
            })
            .map(|c| c.country.clone())
            .next()
            // "to congratulate her on her appointment as Kenya's adviser": past the topic,
            // but a role it names is hers.
            .or_else(|| {
                s.countries
                    .iter()
                    .find(|c| {
                        c.is_state()
                            && c.first > 0
                            && lower(s, c.first - 1) == "as"
                            && s.toks[c.last].possessive
                    })
                    .map(|c| c.country.clone())
            })
            .or_else(|| doc.dominant.clone());
    }
    if visiting {
        return None;
    }
    // "will go on to Bogota to meet President X", "in Quito, she met President Y": an
    // official met at a foreign place just named serves that place's state.
    // (So is a state a trip is said to go to: "after a visit to Portugal in which she held
    // talks with Prime Minister X".)
    let trip_to = |c: &CountryRef| {
        c.via == Via::Name
            && c.first > 1
            && lower(s, c.first - 1) == "to"
            && crate::extract::lexicon::VISIT_NOUNS.contains(&lower(s, c.first - 2))
    };
    let met_there = s.countries.iter().rfind(|c| {
        (matches!(c.via, Via::City | Via::Capital) || trip_to(c))
            && c.is_state()
            && c.last < first
            && c.last + 8 >= first
            && c.first > 0
            && matches!(lower(s, c.first - 1), "to" | "in")
            && !s.people.iter().any(|p| p.first > c.last && p.first < first)
    });
    if let Some(c) = met_there {
        if doc.here.as_ref().is_none_or(|h| h.country != c.country) {
            return Some(c.country.clone());
        }
    }
    doc.here
        .as_ref()
        .map(|h| h.country.clone())
        .or_else(|| doc.dominant.clone())
}
