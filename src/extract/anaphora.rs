//! Sentences that point back: "They signed two pacts", "The two sides agreed", "The meeting
//! endorsed the plan". Such a sentence takes the parties, and when it has none the date, of
//! the report it points back to.

use super::dates::{DateSource, Dated};
use super::document::{Doc, Sent};
use super::folding::Mention;
use super::lexicon as lex;
use super::mentions::Via;
use super::participants::Parties;
use super::triggers::Trigger;
use crate::model::{Country, CountryKind, EventDate, EventType, PartialDate, Precision};

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
    trig: &Trigger,
    parties: &mut Parties,
    dated: &mut Dated,
) {
    if s.index == 0 {
        return;
    }
    let (kind, planned) = (trig.kind, trig.future);
    after_the_meeting(doc, s, earlier, trig, parties, dated);
    same_series(s, earlier, trig, parties);
    let same_occasion = names_the_same_occasion(s);
    // A trip "then" goes on is a later leg, and a plan's "then" a later step: neither shares
    // the day before.
    let next_step =
        then_of_the_story(s) && !planned && !matches!(kind, EventType::Visit | EventType::Tour);
    if next_step || same_occasion {
        date_of_the_report_before(doc, s, earlier, planned, dated);
    }
    if parties.states().count() >= 2 {
        return;
    }
    let opening: Vec<&str> = s.toks.iter().take(3).map(|t| t.lower.as_str()).collect();
    // "This morning we had a long conversation", "Afterwards we put our names to five
    // accords": in a leader's own words, "we" are the sides of the occasion told before.
    // (A venue is no side: "We will meet again in Brussels".)
    let sides_named = s
        .countries
        .iter()
        .any(|c| matches!(c.via, Via::Name | Via::Demonym));
    let we_subject = !sides_named
        && s.toks
            .iter()
            .take(8.min(trig.first))
            .enumerate()
            .any(|(k, t)| t.lower == "we" && s.people.iter().all(|p| p.first > k));
    let points_back = matches!(opening.first(), Some(&"they") | Some(&"both"))
        || we_subject
        || opening.len() >= 2
            && opening[0] == "the"
            && (matches!(opening[1], "leaders" | "sides" | "ministers" | "countries")
                || count_word(opening[1]).is_some());
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
            && (!counted || matches!(c, "countries" | "sides" | "nations" | "governments" | "leaders" | "heads" | "presidents" | "states"))
            // "a meeting with these leaders".
            || matches!(a, "these" | "those")
                && matches!(b, "leaders" | "officials" | "countries" | "partners" | "counterparts" | "nations")
    });
    if !points_back && !pair_anywhere && !same_occasion && !counted_roles(s) {
        return;
    }
    let before = &doc.sentences[s.index - 1];
    // "The two leaders will meet again": the nearest earlier report with as many states as
    // it counts, a little further back than any other.
    let pair_counted = s.toks.windows(2).find_map(|w| {
        let n = count_word(&w[0].lower)?;
        matches!(
            w[1].lower.as_str(),
            "leaders" | "presidents" | "sides" | "heads" | "ministers"
        )
        .then_some(n)
    });
    // (Leaders are people: a report that names them comes first.)
    let as_many_as_counted = pair_counted.and_then(|n| {
        let recent = || {
            earlier
                .iter()
                .rev()
                .take_while(|m| m.sentence + 6 >= s.index)
                .filter(move |m| m.parties.states().count() == n)
        };
        recent()
            .find(|m| m.parties.actors.len() >= n)
            .or_else(|| recent().next())
    });
    // The nearest earlier report, within a few sentences, that names both sides.
    let from_mention = as_many_as_counted.or_else(|| {
        earlier
            .iter()
            .rev()
            .take_while(|m| m.sentence + 3 >= s.index)
            .find(|m| m.parties.states().count() >= 2)
            .or_else(|| earlier.last().filter(|m| m.sentence + 1 == s.index))
    });
    // "the foreign ministers of the three countries": as many states as it counts, current
    // ones before those that no longer exist ("ending the Soviet domination of ...").
    let counted = s.toks.windows(2).find_map(|w| {
        let n = count_word(&w[0].lower)?;
        matches!(
            w[1].lower.as_str(),
            "countries" | "nations" | "governments" | "states"
        )
        .then_some(n)
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
        // The engagement of the sentence right before dates it first, then that sentence's
        // own date ("... boosted their ties last year. They signed two pacts"), then the
        // report it points back to.
        date_of_the_report_before(doc, s, earlier, planned, dated);
    }
    if dated.source != DateSource::Text {
        if let Some(m) = from_mention.filter(|m| m.date_source == DateSource::Text) {
            carry(
                doc,
                planned,
                dated,
                m.date,
                &m.date_words,
                "the sentence before",
            );
        }
    }
}

/// "The first summit of the bloc took place in Arusha", "the previous summit took place in
/// Kampala", "two years on, the leaders met again": a gathering of the same series as the summit
/// the text reports, with its states (the largest summit told before, of three states or
/// more).
fn same_series(s: &Sent, earlier: &[Mention], trig: &Trigger, parties: &mut Parties) {
    let w = |k: usize| s.toks.get(k).map_or("", |t| t.lower.as_str());
    let in_series = trig.kind == EventType::Summit
        && trig.noun
        // (Lower case: "the Third Ministerial Conference" is a name of its own.)
        && (trig.first.saturating_sub(2)..trig.first).any(|k| {
            matches!(w(k), "first" | "previous" | "second" | "third" | "fourth" | "fifth")
                && !s.toks[k].cap
        });
    let met_again = matches!(w(trig.first), "met" | "meet")
        && w(trig.first + 1) == "again"
        && trig.first >= 2
        && w(trig.first - 1) == "leaders"
        && w(trig.first - 2) == "the";
    // (A summit whose sentence names two of its states already has its parties; "the
    // leaders" who met again are all of them.)
    if !(in_series && parties.states().count() < 2 || met_again) {
        return;
    }
    let reported = earlier
        .iter()
        .filter(|m| m.kind == EventType::Summit)
        .max_by_key(|m| m.parties.states().count())
        .filter(|m| m.parties.states().count() >= 3);
    for c in reported.into_iter().flat_map(|m| m.parties.states()) {
        if !parties.countries.contains(c) {
            parties.countries.push(c.clone());
        }
    }
}

/// "After the meeting, their ministers initialled a fisheries accord", "Following the
/// talks, ...": what follows the meeting the report is about (the latest day told, not talks of an
/// earlier stop recalled since) takes its day, and its sides when it names none.
fn after_the_meeting(
    doc: &Doc,
    s: &Sent,
    earlier: &[Mention],
    trig: &Trigger,
    parties: &mut Parties,
    dated: &mut Dated,
) {
    if dated.source == DateSource::Text || trig.future {
        return;
    }
    let word = |k: usize| s.toks.get(k).map_or("", |t| t.lower.as_str());
    let opens = matches!(word(0), "after" | "following")
        && word(1) == "the"
        && lex::is_gathering_noun(word(2));
    if !opens || trig.first <= 2 {
        return;
    }
    let before = earlier
        .iter()
        .filter(|m| {
            m.sentence < s.index
                && matches!(m.kind, EventType::Meeting | EventType::Summit)
                && m.date_source != DateSource::Recounted
                && !m.planned
                && m.date.end.is_none()
                && m.date.start.precision() == Precision::Day
                && m.date.first_day() <= doc.dct
                && m.parties.states().count() >= 2
        })
        // (On a day told twice, the one the text dates itself, then the one told first.)
        .max_by_key(|m| {
            let told = m.date_source == DateSource::Text;
            (m.date.first_day(), told, std::cmp::Reverse(m.sentence))
        });
    if let Some(m) = before {
        dated.date = m.date;
        dated.source = DateSource::Text;
        dated.words = format!("{} (the meeting it follows)", m.date_words);
        if parties.states().count() < 2 {
            for c in m.parties.states() {
                if !parties.countries.contains(c) {
                    parties.countries.push(c.clone());
                }
            }
        }
    }
}

/// Dates an engagement by an earlier one, unless it is a plan and that date has passed: "The
/// upcoming visits will be of great significance", after "..., Cui said Tuesday", is not
/// dated by the day someone spoke of it.
fn carry(doc: &Doc, planned: bool, dated: &mut Dated, date: EventDate, words: &str, why: &str) {
    if planned && date.last_day() <= doc.dct {
        return;
    }
    dated.date = date;
    dated.source = DateSource::Text;
    dated.words = format!("{words} ({why})");
}

/// "the two prime ministers would hold talks", "both foreign ministers": a pair counted by
/// the roles its members hold, with a modifier or two between.
fn counted_roles(s: &Sent) -> bool {
    let role_within = |from: usize, n: usize| {
        s.toks
            .iter()
            .skip(from)
            .take(n)
            .take_while(|x| !x.cap)
            .any(|x| lex::PAIRED_ROLES.contains(&x.lower.as_str()))
    };
    s.toks.iter().enumerate().any(|(k, x)| {
        let after_the = k > 0 && s.toks[k - 1].lower == "the";
        x.lower == "two" && after_the && role_within(k + 1, 3)
            || x.lower == "both" && role_within(k + 1, 2)
    })
}

/// "On the same day, ... will sign", "A separate agreement signed at the same ceremony": the
/// sentence points at the occasion of the sentence before.
fn names_the_same_occasion(s: &Sent) -> bool {
    s.toks.windows(3).any(|w| {
        w[0].lower == "the"
            && w[1].lower == "same"
            && matches!(
                w[2].lower.as_str(),
                "day" | "ceremony" | "occasion" | "event" | "evening" | "morning" | "afternoon"
            )
    })
}

/// "The Russian leader then met Mr Bush", "The President will then hold talks": "then" as
/// the next step of the story (not "the then presidents", "since then", "until then").
fn then_of_the_story(s: &Sent) -> bool {
    s.toks.iter().enumerate().any(|(k, x)| {
        let before = k.checked_sub(1).map_or("", |j| s.toks[j].lower.as_str());
        x.lower == "then"
            && x.text == "then"
            && !matches!(
                before,
                "the"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "and"
                    | "but"
                    | "just"
                    | "even"
                    | "only"
            )
            && s.toks.get(k + 1).is_some_and(|n| !n.cap && n.lower != ",")
    })
}

/// The date of the engagement the sentence before reports (or of its own date words), for a
/// sentence with none of its own.
fn date_of_the_report_before(
    doc: &Doc,
    s: &Sent,
    earlier: &[Mention],
    planned: bool,
    dated: &mut Dated,
) {
    if dated.source == DateSource::Text {
        return;
    }
    // The first engagement the sentence before reports is its main one.
    let from_mention = earlier
        .iter()
        .find(|m| m.sentence + 1 == s.index && m.date_source == DateSource::Text)
        .map(|m| (m.date, m.date_words.clone()));
    let carried = from_mention.or_else(|| {
        doc.sentences[s.index - 1]
            .times
            .iter()
            .rev()
            .find_map(|t| Some((t.date?, t.timex.text.clone())))
    });
    if let Some((date, words)) = carried {
        carry(
            doc,
            planned,
            dated,
            date,
            &words,
            "the occasion of the sentence before",
        );
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
    let subject = opening(0) == "the" && lex::is_gathering_noun(opening(1));
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

/// "Clinton is due in Brussels on 9 January ... He will go on from Brussels to Prague,
/// Moscow and Minsk": an onward leg with no date of its own follows the trip of the
/// sentence before, some days later: that trip's month.
pub(crate) fn onward_leg_date(
    doc: &Doc,
    s: &Sent,
    t: &Trigger,
    earlier: &[Mention],
) -> Option<Dated> {
    if !matches!(t.kind, EventType::Visit | EventType::Tour) || t.noun || s.index == 0 {
        return None;
    }
    let onward = (t.first..=t.last.min(t.first + 2))
        .any(|k| matches!(s.toks[k].lower.as_str(), "on" | "onward" | "onwards"))
        || (t.first.saturating_sub(3)..t.first).any(|k| s.toks[k].lower == "then");
    if !onward {
        return None;
    }
    // The nearest engagement before it told in its own tense: an onward leg still to come
    // goes on from a trip still to come, not from a conference of last January.
    let before = earlier
        .iter()
        .rev()
        .take_while(|m| m.sentence + 3 >= s.index)
        .find(|m| {
            let to_come = m.planned || m.date.first_day() > doc.dct;
            m.date_source == DateSource::Text && m.date.start.month.is_some() && to_come == t.future
        })?;
    let start = before.date.start;
    let month = PartialDate::month(start.year, start.month?);
    Some(Dated {
        date: EventDate::new(month, None).ok()?,
        source: DateSource::Text,
        words: format!("{} (the trip it goes on from)", before.date_words),
        also: Vec::new(),
    })
}

/// "Malawi was represented by its foreign minister": a state that sent someone to the summit
/// just told (within two sentences) took part in it.
pub(crate) fn represented_at_gathering(s: &Sent, mentions: &mut [Mention]) {
    let represented = s.countries.iter().filter(|c| {
        c.is_state()
            && c.via == Via::Name
            && s.toks.get(c.last + 1).is_some_and(|t| t.lower == "was")
            && s.toks
                .get(c.last + 2)
                .is_some_and(|t| t.lower == "represented")
    });
    let summit = mentions
        .iter_mut()
        .rev()
        .take_while(|m| m.sentence + 2 >= s.index)
        .find(|m| m.kind == EventType::Summit && m.sentence < s.index);
    if let Some(m) = summit {
        for c in represented {
            m.parties.add_country(&c.country);
        }
    }
}
