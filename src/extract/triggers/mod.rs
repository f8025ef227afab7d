//! The words that report an engagement, and what the clause around them says of it: which
//! type of event, whether it is denied, only possible, or still to come.
//!
//! In: a sentence's tokens and mentions. Out: [`Trigger`]s, one per reported engagement.

use super::document::Sent;
use super::lexicon::{self as lex};
use super::mentions::Via;
use crate::model::EventType;
pub(crate) use wordings::endorsed_by_many;
use wordings::match_at;

mod call_wordings;
mod senses;
mod sittings;
mod trip_wordings;
mod wordings;

/// A word or phrase that reports an engagement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Trigger {
    pub(crate) kind: EventType,
    /// Token range (inclusive) of the trigger words.
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// A noun ("the visit", "talks") rather than a verb ("visited", "met").
    pub(crate) noun: bool,
    /// The clause the trigger belongs to, as a token range (inclusive).
    pub(crate) clause: (usize, usize),
    /// "did not meet", "cancelled the visit".
    pub(crate) negated: bool,
    /// "would like to visit", "proposed talks": only real when a date schedules it.
    pub(crate) hypothetical: bool,
    /// "will visit", "is due in": scheduled or expected, after the reporting day.
    pub(crate) future: bool,
    /// "had met": recounted from before the story.
    pub(crate) perfect: bool,
    /// A plural trip noun ("visits", "trips"): trips in general unless a date is beside it.
    pub(crate) plural: bool,
    /// The token the trigger's head word is (for distances).
    pub(crate) head: usize,
    /// "He hosted X on Wednesday, held talks with Y": where the first of the predicates this
    /// one is coordinated with begins. The words before it are the shared subject; those from
    /// it to this predicate are the earlier predicate's own (its guests, its places).
    pub(crate) coordinated_after: Option<usize>,
}

impl Trigger {
    /// The "where" that opens a relative clause just before the trigger ("flew here from
    /// Laos, where he was on a three-day visit").
    pub(crate) fn relative_where(&self, s: &Sent) -> Option<usize> {
        (self.first.saturating_sub(8)..self.first).rfind(|&k| lower(s, k) == "where")
    }

    /// "the summit", "the two-day summit", "this week's talks", "Li's visit": a noun that can
    /// point at an engagement already named. (A traveller's trip is one, whatever stop the
    /// text is at; "Hu's talks with Michel" names its own sides.)
    pub(crate) fn definite(&self, s: &Sent) -> bool {
        let before = || {
            (self.first.saturating_sub(5)..self.first)
                .rev()
                .take_while(|&k| s.toks[k].word || s.toks[k].is("-"))
        };
        // "Putin's only other foreign trip", "his previous visit": another one.
        let another = before().any(|k| {
            matches!(
                s.toks[k].lower.as_str(),
                "other" | "previous" | "earlier" | "prior" | "next"
            )
        });
        self.noun
            && !another
            && before().any(|k| {
                matches!(
                    s.toks[k].lower.as_str(),
                    "the" | "this" | "that" | "his" | "her" | "their" | "its"
                ) || s.toks[k].possessive
                    && s.toks[k].cap
                    && matches!(self.kind, EventType::Visit | EventType::Tour)
            })
    }
}

/// The clause around token `at`: bounded by the sentence, semicolons, colons, dashes,
/// quotation marks, and commas that open another clause ("..., which", "..., said").
pub(crate) fn clause_of(s: &Sent, at: usize) -> (usize, usize) {
    let toks = &s.toks;
    let boundary = |k: usize| -> bool {
        let t = &toks[k];
        if t.is(";") || t.is(":") || t.is_dash() && t.text != "-" || t.is_quote() {
            return true;
        }
        if t.is(",") {
            if let Some(next) = toks.get(k + 1) {
                if lex::CLAUSE_OPENERS.contains(&next.lower.as_str()) {
                    return true;
                }
                // ", officials said", ", he added": a reporting tail.
                if toks[k + 1..]
                    .iter()
                    .take(4)
                    .take_while(|t| t.word)
                    .any(|t| {
                        matches!(
                            t.lower.as_str(),
                            "said" | "says" | "told" | "added" | "according" | "reported"
                        )
                    })
                {
                    return true;
                }
            }
        }
        false
    };
    let mut first = at;
    while first > 0 && !boundary(first - 1) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < toks.len() && !boundary(last + 1) {
        last += 1;
    }
    // A few quoted words inside a sentence ("the 'important visit'") are not a clause of
    // their own: the clause is the one around the quotation.
    let quoted_phrase = last - first < 4
        && first > 0
        && toks[first - 1].is_quote()
        && toks.get(last + 1).is_some_and(|t| t.is_quote());
    if quoted_phrase {
        let (outer_first, _) = clause_of(s, first - 1);
        let (_, outer_last) = if last + 2 < toks.len() {
            clause_of(s, last + 2)
        } else {
            (last, last)
        };
        return (outer_first.min(first), outer_last.max(last));
    }
    (first, last)
}

pub(crate) fn find(s: &Sent) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let toks = &s.toks;
    let mut k = 0;
    while k < toks.len() {
        if !toks[k].word || senses::other_sense(s, k) {
            k += 1;
            continue;
        }
        if let Some((kind, last, noun)) = match_at(s, k) {
            // "a news conference on Hu's visits": after a possessive, "visits" is a noun.
            let noun = noun
                || k == last
                    && k > 0
                    && toks[k - 1].possessive
                    && matches!(toks[k].lower.as_str(), "visits" | "trips" | "tours");
            let head = if noun { last } else { k };
            // "the 1984 Joint Declaration agreement": one document named twice over.
            let documents = |kind| matches!(kind, EventType::Statement | EventType::Agreement);
            if let Some(before) = out.last_mut().filter(|b| {
                b.noun && noun && b.last + 1 == k && documents(b.kind) && documents(kind)
            }) {
                before.kind = kind;
                before.last = last;
                before.head = head;
                k = last + 1;
                continue;
            }
            let clause = clause_of(s, head);
            out.push(Trigger {
                kind,
                first: k,
                last,
                noun,
                clause,
                negated: false,
                hypothetical: false,
                future: false,
                perfect: false,
                plural: noun && matches!(toks[last].lower.as_str(), "visits" | "trips" | "tours"),
                head,
                coordinated_after: None,
            });
            k = last + 1;
        } else {
            k += 1;
        }
    }
    split_coordinated_verbs(s, &mut out);
    drop_talks_discussed(s, &mut out);
    drop_meeting_at_gathering(s, &mut out);
    for t in &mut out {
        modality(s, t);
    }
    same_plan_again(s, &mut out);
    out
}

/// "on the minister's possible visit to Lentia, said details for the visit were being
/// discussed": "the visit" again in the sentence is the same plan, no more certain.
fn same_plan_again(s: &Sent, triggers: &mut [Trigger]) {
    for k in 1..triggers.len() {
        let (done, rest) = triggers.split_at_mut(k);
        let t = &mut rest[0];
        // ("the visit", "the \"important visit\"": a noun phrase, whatever the word class.)
        let definite = (t.first.saturating_sub(3)..t.first)
            .any(|j| matches!(lower(s, j), "the" | "this"))
            && t.first > 0
            && !matches!(lower(s, t.first - 1), "to" | "will" | "would");
        let plan = done
            .iter()
            .any(|b| b.kind == t.kind && b.hypothetical && !b.negated);
        if definite && plan && !t.future {
            t.hypothetical = true;
        }
    }
}

/// "met the foreign minister on Thursday to discuss the hostage talks": talks that are
/// what a meeting discussed are its topic, not another meeting ("the upcoming talks" and
/// "next week's talks" are still their own).
fn drop_talks_discussed(s: &Sent, triggers: &mut Vec<Trigger>) {
    let Some(verb) = triggers.iter().position(|t| !t.noun) else {
        return;
    };
    let verb_last = triggers[verb].last;
    triggers.retain(|t| {
        if !t.noun || t.first <= verb_last || t.kind != EventType::Meeting {
            return true;
        }
        let before = (t.first.saturating_sub(5)..t.first)
            .rev()
            .map(|k| lower(s, k));
        let mut discussed = false;
        for w in before {
            match w {
                "discuss" | "discussed" | "discussing" | "discusses" | "review" | "reviewed" => {
                    discussed = true;
                    break;
                }
                "upcoming" | "next" | "coming" | "planned" | "forthcoming" | "," | "and" => {
                    break;
                }
                _ => {}
            }
        }
        !discussed
    });
}

/// "A and B last met at the Leaders' Summit in February": they met as the summit met, which
/// is the one engagement; talks of their own there are told as such ("held bilateral talks
/// on the sidelines of the summit").
fn drop_meeting_at_gathering(s: &Sent, triggers: &mut Vec<Trigger>) {
    let own_talks = s.toks.iter().any(|t| {
        let w = t.lower.as_str();
        matches!(w, "bilateral" | "talks") || lex::ASIDE.contains(&w)
    });
    if own_talks {
        return;
    }
    let gatherings: Vec<usize> = triggers
        .iter()
        .filter(|t| t.noun && t.kind == EventType::Summit)
        .map(|t| t.first)
        .collect();
    triggers.retain(|t| {
        let at = t.last + 1;
        let held_at = !t.noun
            && t.kind == EventType::Meeting
            && matches!(lower(s, t.first), "met" | "meet" | "meets")
            && matches!(lower(s, at), "at" | "during")
            && gatherings
                .iter()
                .any(|&g| g > at && g - at <= 10 && (at..g).all(|k| !s.toks[k].is(",")));
        !held_at
    });
}

/// "X met Y in Rome on Monday and flew to Athens for talks with Z": a verb after "and"
/// starts a clause of its own, so Y is not at the talks and Z was not met in Rome.
fn split_coordinated_verbs(s: &Sent, triggers: &mut [Trigger]) {
    // "He hosted X on Wednesday, held talks with Y on Thursday and on Friday signed ...": the
    // word that joins a predicate to the one before, past a date of its own in front.
    let joined = |k: usize| {
        let mut j = k;
        if let Some(x) = s.times.iter().find(|x| x.last + 1 == j) {
            j = x.first;
            if j > 0 && matches!(lower(s, j - 1), "on" | "in" | "at") {
                j -= 1;
            }
        }
        j > 0 && matches!(lower(s, j - 1), "and" | "then" | ",")
    };
    // "met in Lima last June and held talks in Santiago in December": a noun after its
    // support verb heads the verb's clause.
    let support_verb = |t: &Trigger| {
        (t.first.saturating_sub(3)..t.first).rev().find(|&k| {
            k > 0
                && matches!(
                    lower(s, k),
                    "held" | "hold" | "holds" | "had" | "has" | "paid" | "pays" | "made" | "makes"
                )
                && joined(k)
        })
    };
    let after_support_verb = triggers.iter().filter_map(|t| {
        let verb = support_verb(t)?;
        let split = triggers.iter().any(|o| o.last < verb && o.clause.1 >= verb);
        split.then_some(verb)
    });
    // "After touring Dar es Salaam Thursday and meeting police leaders Friday": "meeting" is
    // a verb there, like the "touring" it is coordinated with.
    let gerund = |x: &Trigger| s.toks[x.first].lower.ends_with("ing") && x.first == x.last;
    let after_conjunction = triggers
        .iter()
        .filter(|t| {
            (!t.noun || gerund(t))
                && joined(t.first)
                && triggers.iter().any(|o| {
                    (!o.noun || gerund(o) && gerund(t)) && o.last < t.first && o.clause.1 >= t.first
                })
        })
        .map(|t| t.first);
    let starts: Vec<usize> = after_support_verb.chain(after_conjunction).collect();
    let predicates_from: Vec<Option<usize>> = starts
        .iter()
        .map(|&start| {
            triggers
                .iter()
                .filter(|o| o.last < start && o.clause.1 >= start)
                .map(|o| o.first)
                .min()
        })
        .collect();
    for (start, from) in starts.into_iter().zip(predicates_from) {
        for t in triggers.iter_mut() {
            if t.last < start && t.clause.1 >= start {
                t.clause.1 = start - 2;
            } else if t.first >= start && t.clause.0 < start {
                t.clause.0 = start;
                t.coordinated_after = match (t.coordinated_after, from) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
    }
}

/// The trigger starting at token `k`: its type, last token, and whether it is a noun.
/// Sets negation, hypotheticals, future and perfect from the words before the trigger in
/// its clause (and a few after: "talks were cancelled").
fn modality(s: &Sent, t: &mut Trigger) {
    let (first, last) = t.clause;
    // (The words of a date are no modals: "On May 3, the Prime Minister will be in Tokyo".)
    let in_date = |k: usize| s.times.iter().any(|x| x.first <= k && k <= x.last);
    let before: Vec<&str> = (first..t.first)
        .filter(|&k| !in_date(k))
        .map(|k| lower(s, k))
        .collect();
    let near: Vec<&str> = before.iter().rev().take(7).copied().collect();
    let after: Vec<&str> = (t.last + 1..=last.min(t.last + 5))
        .map(|k| lower(s, k))
        .collect();
    // "talks were cancelled", "called off"; further along its clause only in the passive: "a
    // visit by then Prime Minister X, planned for April 2021, was postponed".
    let called_off = |k: usize| {
        lex::CALLED_OFF.contains(&lower(s, k))
            || lower(s, k) == "called" && k < last && lower(s, k + 1) == "off"
    };
    // "He will never forget that ... the President came to Kyiv": a denial does not reach into
    // a clause of its own after "that" ("that visit" is a determiner's, before its noun).
    let denied = near
        .iter()
        .enumerate()
        .take_while(|&(i, w)| i < 2 || *w != "that")
        .any(|(_, w)| lex::NEGATION.contains(w));
    t.negated = denied
        || (t.last + 1..=last.min(t.last + 4)).any(called_off)
        // (Not "delayed" or "suspended" that far: "to visit Libya after UN sanctions were
        // suspended".)
        // ("The first summit was held in Cairo, and a second meeting ... was postponed": the
        // second one.)
        || (t.last + 1..=last.min(t.last + 20)).any(|k| {
            let another = (t.last + 1..k).any(|j| {
                let w = lower(s, j);
                lex::is_gathering_noun(w) || matches!(w, "visit" | "trip")
            });
            called_off(k)
                && !another
                && !matches!(lower(s, k), "delayed" | "suspended")
                && matches!(lower(s, k - 1), "was" | "were" | "been")
        })
        // "The summit had been scheduled for July 5, the national day, but was
        // postponed": "but" turns the clause's plan into its cancellation, however far.
        || (t.last + 1..s.toks.len().saturating_sub(1).min(t.last + 30)).any(|k| {
            lower(s, k) == "but"
                && matches!(lower(s, k + 1), "was" | "were")
                && called_off(k + 2)
        });
    // "no", "not" after "whether" or in "not only" do not deny.
    if near.contains(&"only") && near.contains(&"not") {
        t.negated = false;
    }
    // "a joint declaration at the close of the summit is unlikely", "unlikely to meet".
    let doubted = (t.last + 1..=last.min(t.last + 20)).any(|k| {
        lower(s, k) == "unlikely"
            && matches!(
                lower(s, k - 1),
                "is" | "was"
                    | "seemed"
                    | "looked"
                    | "seems"
                    | "looks"
                    | "appeared"
                    | "remained"
                    | "remains"
            )
    }) || near.iter().take(3).any(|w| *w == "unlikely");
    // "renewed his invitation to President X to pay a state visit to Tunisia".
    // ("At the invitation of President X, Y will pay a visit" is the visit, and so is "at
    // the Chancellor's invitation".)
    let hosts_invitation =
        |i: usize| before[i].starts_with("invit") && before[i.saturating_sub(4)..i].contains(&"at");
    let invitation_to = before.iter().enumerate().rev().take(10).any(|(i, w)| {
        matches!(
            *w,
            "invitation" | "invitations" | "invited" | "invites" | "invite"
        ) && !hosts_invitation(i)
    });
    // ("he would never forget that ... X came to Kyiv": a modal does not reach into a clause
    // of its own after "that"; "hoped that they would meet" still wishes.)
    let that_after =
        |i: usize| (i + 1..before.len().saturating_sub(1)).any(|j| before[j] == "that");
    let modal = |w: &str| matches!(w, "would" | "could" | "might" | "should" | "may" | "can");
    let wished = before.iter().enumerate().rev().take(7).any(|(i, w)| {
        lex::HYPOTHETICAL.contains(w) && !hosts_invitation(i) && !(modal(w) && that_after(i))
    });
    t.hypothetical = wished || doubted || invitation_to;
    // "Officials said Clinton would meet Karzai on Monday night": "would" in reported
    // speech is the future of the time it was said, not a condition.
    let reported_would = near.iter().position(|w| *w == "would").is_some_and(|p| {
        near[p + 1..].iter().any(|w| {
            matches!(
                *w,
                "said" | "says" | "told" | "announced" | "added" | "confirmed"
            )
        }) && near
            .iter()
            .all(|w| *w == "would" || !lex::HYPOTHETICAL.contains(w))
    });
    if reported_would && !doubted {
        t.hypothetical = false;
    }
    // "at the invitation of" a dated visit is still the visit.
    if near.contains(&"invitation") && near.contains(&"at") {
        t.hypothetical = false;
    }
    // "to" marks a plan only as an infinitive ("to visit", "agreed to hold talks"), not
    // as the preposition of "flew to Athens for talks".
    let motion_before = near
        .iter()
        .take(5)
        .any(|w| lex::TRAVEL_MOTION.iter().any(|(v, _)| v == w));
    // ("came to Geneva after a summit": the "to" of a past motion verb however far back;
    // "flies to Vienna for a conference on Saturday" is still to come.)
    let preposition_to = |j: usize| {
        let verb = if j > 0 { lower(s, j - 1) } else { "" };
        lower(s, j) == "to"
            && (verb.ends_with("ed") || matches!(verb, "came" | "flew" | "went" | "left"))
            && lex::TRAVEL_MOTION.iter().any(|(v, _)| *v == verb)
    };
    // "leading the delegation to the 41st session": "to" after a noun of going is where,
    // not a plan.
    let noun_to = |j: usize| {
        j > 0
            && matches!(
                lower(s, j - 1),
                "delegation" | "delegations" | "mission" | "envoy" | "ambassador" | "journey"
            )
    };
    // "the first Soviet head of state to visit Japan", "the only leader to attend": the
    // infinitive of a record takes the tense of its clause, not the future.
    let record_to = |j: usize| {
        (j.saturating_sub(7)..j).any(|k| {
            k > 0
                && matches!(lower(s, k), "first" | "only" | "second" | "third" | "last")
                && matches!(lower(s, k - 1), "the" | "his" | "her" | "its" | "their")
        })
    };
    let last_to = (first..t.first).rev().find(|&k| !in_date(k));
    t.future = (first..t.first)
        .rev()
        .take(5)
        .any(|j| {
            let w = lower(s, j);
            lex::FUTURE.contains(&w)
                && !(w == "to"
                    && (motion_before || preposition_to(j) || noun_to(j) || record_to(j)))
        })
        || before.last().is_some_and(|w| *w == "to")
            && !last_to.is_some_and(|j| lower(s, j) == "to" && record_to(j))
        || after
            .first()
            .is_some_and(|w| matches!(*w, "scheduled" | "slated" | "planned" | "expected" | "due"))
        // "This will be the Prime Minister's first visit to ...".
        || before
            .windows(2)
            .rev()
            .take(8)
            .any(|w| matches!(w[0], "will" | "shall") && w[1] == "be")
        || near.contains(&"upcoming")
        || near.contains(&"forthcoming")
        // "will host X for a state visit from Wednesday": a noun takes the tense of the verb
        // that governs it, however long the names between.
        || t.noun
            && before
                .iter()
                .rev()
                .take(14)
                .take_while(|w| !matches!(**w, "said" | "says" | "and" | "after" | "when"))
                .any(|w| matches!(*w, "will" | "shall"))
        // "Hu's four-nation tour will first take him to Vietnam", "As the second leg of his
        // visit, Hu will visit Laos": a noun the subject of (or before) a "will".
        || after
            .iter()
            .take(3)
            .take_while(|w| !matches!(**w, "said" | "says" | "and" | "which" | "that"))
            .any(|w| matches!(*w, "will" | "shall"))
        // "is expected in Lima on Thursday", "is due in Hanoi": the trigger word itself.
        || matches!(lower(s, t.first), "expected" | "due" | "scheduled")
        // "the first summit, to be held on Thursday in Kyiv".
        || after
            .iter()
            .skip_while(|w| **w == ",")
            .take(2)
            .eq(["to", "be"].iter());
    t.perfect = near.iter().take(3).any(|w| *w == "had") && !near.contains(&"has");
}

pub(super) fn lower<'s>(s: &'s Sent, k: usize) -> &'s str {
    s.toks.get(k).map_or("", |t| t.lower.as_str())
}

/// Whether the token at `k` (or the phrase it starts) is a person, title, demonym,
/// country or delegation: someone who can be met, received or hosted.
pub(super) fn someone_at(s: &Sent, k: usize) -> bool {
    let mut k = k;
    while matches!(
        lower(s, k),
        "the"
            | "a"
            | "visiting"
            | "his"
            | "her"
            | "their"
            | "its"
            | "two"
            | "three"
            | "several"
            | "top"
            | "senior"
            | "new"
    ) {
        k += 1;
    }
    let Some(t) = s.toks.get(k) else { return false };
    if s.people.iter().any(|p| p.first <= k && k <= p.last) {
        return true;
    }
    if let Some(c) = s.countries.iter().find(|c| c.first == k) {
        // "received Canadian loans", "hosted Japanese investors' forum": a demonym before a
        // common noun is someone only when that noun is ("received Canadian officials").
        let noun_after =
            c.via == Via::Demonym && s.toks.get(c.last + 1).is_some_and(|n| n.word && !n.cap);
        return !noun_after || someone_at(s, c.last + 1);
    }
    matches!(
        t.lower.as_str(),
        "delegation"
            | "delegations"
            | "leaders"
            | "leader"
            | "president"
            | "premier"
            | "prime"
            | "minister"
            | "ministers"
            | "foreign"
            | "counterpart"
            | "counterparts"
            | "envoy"
            | "envoys"
            | "officials"
            | "king"
            | "queen"
            | "prince"
            | "emir"
            | "chancellor"
            | "secretary"
            | "ambassador"
            | "ambassadors"
            | "vice"
            | "deputy"
            | "heads"
            | "head"
            | "members"
            | "representatives"
            | "him"
            | "her"
            | "them"
            | "pope"
            | "sultan"
            | "sheikh"
            | "crown"
            | "chairman"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
    ) || t.cap && t.word && !matches!(t.lower.as_str(), "the" | "this" | "that")
}

/// The last token of a gathering's proper name that starts at its capitalised trigger word
/// ("Summit of the Americas", "Beijing Summit of the Forum on China-Africa Cooperation"), so
/// that words inside the name are not triggers of their own.
pub(super) fn name_end(s: &Sent, k: usize) -> usize {
    let toks = &s.toks;
    if !toks[k].cap {
        return k;
    }
    let cap = |j: usize| toks.get(j).is_some_and(|x| x.word && x.cap);
    let mut last = k;
    // "the Pacific Alliance Ministerial Meeting": one gathering, not two.
    while cap(last + 1) && lex::is_gathering_noun(&toks[last + 1].lower) {
        last += 1;
    }
    loop {
        let joiner = toks
            .get(last + 1)
            .is_some_and(|x| matches!(x.lower.as_str(), "of" | "on" | "for" | "and"));
        let mut next = last + 2;
        if toks.get(next).is_some_and(|x| x.lower == "the") {
            next += 1;
        }
        if !(joiner && cap(next)) {
            break;
        }
        last = next;
        while cap(last + 1) {
            last += 1;
        }
    }
    last
}

/// Finds every trigger in a sentence.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::document::Doc;
    use crate::model::{Article, PartialDate};

    fn triggers(body: &str) -> Vec<(EventType, String, bool, bool, bool)> {
        let article = Article {
            id: "t".into(),
            path: "t.txt".into(),
            headline: "H".into(),
            date: PartialDate::parse("2006-11-07").ok(),
            publisher: None,
            url: None,
            place: None,
            dateline: None,
            text: body.to_string(),
            text_start: 0,
            body_start: 0,
            provenance: Default::default(),
        };
        let doc = Doc::new(&article).expect("dated");
        doc.sentences
            .iter()
            .flat_map(|s| {
                find(s).into_iter().map(move |t| {
                    let words = s.toks[t.first..=t.last]
                        .iter()
                        .map(|x| x.text)
                        .collect::<Vec<_>>()
                        .join(" ");
                    (t.kind, words, t.negated, t.hypothetical, t.future)
                })
            })
            .collect()
    }

    #[test]
    fn trip_wording_with_modifiers_and_motion() {
        let got = triggers("The premier arrived here Friday for a three-day official visit. He will fly to Hanoi on Sunday.");
        let kinds: Vec<EventType> = got.iter().map(|g| g.0).collect();
        assert_eq!(
            kinds,
            [EventType::Visit, EventType::Visit, EventType::Visit]
        );
        assert!(got[2].4, "flying on Sunday is to come");
    }

    #[test]
    fn press_conferences_and_receiving_things_are_not_engagements() {
        let got = triggers(
            "He told a press conference that he received a letter and welcomed the decision.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn denials_and_wishes_are_marked() {
        let got = triggers("She did not want to meet the envoy. He hopes to visit Chile.");
        assert!(got[0].2, "{got:?}");
        assert!(got[1].3, "{got:?}");
    }

    #[test]
    fn calls_documents_and_gatherings() {
        let got = triggers("The leaders spoke by telephone. They signed three agreements and issued a joint statement at the APEC summit.");
        let kinds: Vec<EventType> = got.iter().map(|g| g.0).collect();
        assert_eq!(
            kinds,
            [
                EventType::Call,
                EventType::Agreement,
                EventType::Statement,
                EventType::Summit
            ]
        );
    }
}
