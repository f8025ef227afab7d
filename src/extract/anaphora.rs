//! Sentences that point back: "They signed two pacts", "The two sides agreed", "The meeting
//! endorsed the plan". Such a sentence takes the parties, and when it has none the date, of
//! the report it points back to.

use super::dates::{DateSource, Dated};
use super::document::{Doc, Sent};
use super::folding::Mention;
use super::lexicon as lex;
use super::participants::Parties;
use crate::model::{Country, CountryKind, EventDate, EventType};

/// The number a word counts parties with ("the three countries").
fn count_word(w: &str) -> Option<usize> {
    let n = ["two", "three", "four", "five", "six", "seven", "eight"]
        .iter()
        .position(|x| *x == w)?;
    Some(n + 2)
}

/// "They signed two pacts", "The two sides agreed": a sentence whose subject points back
/// takes the parties (and, when it has none, the date) of the sentence before.
pub(crate) fn anaphora(
    doc: &Doc,
    s: &Sent,
    earlier: &[Mention],
    planned: bool,
    parties: &mut Parties,
    dated: &mut Dated,
) {
    if s.index == 0 || parties.states().count() >= 2 {
        return;
    }
    let opening: Vec<&str> = s.toks.iter().take(3).map(|t| t.lower.as_str()).collect();
    let points_back = matches!(opening.first(), Some(&"they") | Some(&"both"))
        || opening.len() >= 2
            && opening[0] == "the"
            && (matches!(
                opening[1],
                "two" | "leaders" | "sides" | "ministers" | "countries"
            ));
    // "the bilateral contact between the two countries ... met": a pair named before.
    let pair_anywhere = s.toks.windows(3).any(|w| {
        let (a, b, c) = (w[0].lower.as_str(), w[1].lower.as_str(), w[2].lower.as_str());
        let counted = count_word(b).is_some();
        // "when the two met in Islamabad": a pair as the subject of the engagement.
        a == "the" && b == "two"
            && matches!(c, "met" | "meet" | "held" | "spoke" | "talked" | "signed" | "agreed" | "will")
        // ("the countries of the region" are any, not a pair.)
        || matches!(a, "the" | "both")
            && (counted || matches!(b, "countries" | "sides" | "nations") && c != "of")
            && (!counted || matches!(c, "countries" | "sides" | "nations" | "governments" | "leaders"))
            // "a meeting with these leaders".
            || matches!(a, "these" | "those")
                && matches!(b, "leaders" | "officials" | "countries" | "partners" | "counterparts" | "nations")
    });
    if !points_back && !pair_anywhere {
        return;
    }
    let before = &doc.sentences[s.index - 1];
    // The nearest earlier report, within a few sentences, that names both sides.
    let from_mention = earlier
        .iter()
        .rev()
        .take_while(|m| m.sentence + 3 >= s.index)
        .find(|m| m.parties.states().count() >= 2)
        .or_else(|| earlier.last().filter(|m| m.sentence + 1 == s.index));
    // "the foreign ministers of the three countries": as many states as it counts, current
    // ones before those that no longer exist ("ending the Soviet domination of ...").
    let counted = s.toks.windows(2).find_map(|w| {
        let n = count_word(&w[0].lower)?;
        matches!(w[1].lower.as_str(), "countries" | "nations" | "governments").then_some(n)
    });
    let mut states: Vec<Country> = match from_mention {
        Some(m) => m.parties.states().cloned().collect(),
        None => before
            .countries
            .iter()
            .filter(|c| c.is_state())
            .map(|c| c.country.clone())
            .fold(Vec::new(), |mut v, c| {
                if !v.contains(&c) {
                    v.push(c);
                }
                v
            }),
    };
    if counted.is_some_and(|n| states.len() > n) {
        states.retain(|c| c.kind == CountryKind::State);
    }
    for c in states {
        if !parties.countries.contains(&c) {
            parties.countries.push(c);
        }
    }
    if dated.source != DateSource::Text {
        // The sentence right before dates it first ("... boosted their ties last year. They
        // signed two pacts"); else the report it points back to.
        let own = before
            .times
            .iter()
            .rev()
            .find_map(|t| Some((t.date?, t.timex.text.clone())));
        let carried = own.or_else(|| match from_mention {
            Some(m) if m.date_source == DateSource::Text => Some((m.date, m.date_words.clone())),
            _ => before
                .times
                .iter()
                .rev()
                .find_map(|t| Some((t.date?, t.timex.text.clone()))),
        });
        // "The upcoming visits will be of great significance", after "..., Cui said
        // Tuesday": a plan is not dated by the day someone spoke of it.
        let spoke_of_plan = |date: &EventDate| planned && date.last_day() <= doc.dct;
        if let Some((date, words)) = carried.filter(|(date, _)| !spoke_of_plan(date)) {
            dated.date = date;
            dated.source = DateSource::Text;
            dated.words = format!("{words} (the sentence before)");
        }
    }
}

/// "The first Summit of the Americas was held in December, 1994 ... The meeting endorsed the
/// idea and approved a Plan of Action": a sentence whose subject is "the meeting" or "the
/// summit", with no date of its own, is about the gathering of the sentence before.
pub(crate) fn gathering_named_before(
    s: &Sent,
    earlier: &[Mention],
    parties: &mut Parties,
    dated: &mut Dated,
) {
    let opening = |k: usize| s.toks.get(k).map_or("", |t| t.lower.as_str());
    let gathering = |w: &str| lex::MEETING_NOUNS.contains(&w) || lex::SUMMIT_NOUNS.contains(&w);
    let subject = opening(0) == "the" && gathering(opening(1));
    if !subject || dated.source == DateSource::Text || s.index == 0 {
        return;
    }
    let Some(before) = earlier.iter().rev().find(|m| {
        m.sentence + 1 == s.index
            && matches!(m.kind, EventType::Summit | EventType::Meeting)
            && m.date_source == DateSource::Text
    }) else {
        return;
    };
    dated.date = before.date;
    dated.source = DateSource::Text;
    dated.words = format!(
        "{} (the gathering of the sentence before)",
        before.date_words
    );
    if parties.states().next().is_none() {
        for c in before.parties.states() {
            parties.countries.push(c.clone());
        }
    }
}
