//! The tense of the clause around an expression.
//!
//! In: the tokens and the span of a match. Out: [`Tense`]: the nearest verb
//! cue on either side within the sentence, then corrected by what the words
//! just before the expression say ("until Friday" lies ahead, "since
//! Tuesday" behind, "Friday's ruling" is past). The resolver picks the year
//! of a month or the week of a weekday by it.

use crate::timex::grammar::{Cand, Expr, Shift};
use crate::timex::lexicon::verbs::{self, Tense};
use crate::timex::scan::{Kind, Token};

/// How far (in tokens) to look for a verb that sets the tense.
const TENSE_WINDOW: usize = 12;
/// How far to look back for a verb when none is within [`TENSE_WINDOW`] on either side.
const FAR_TENSE_WINDOW: usize = 45;

/// Tense of the clause around `c`, corrected for deadlines ("until May"),
/// starting points ("since Tuesday") and weekdays naming an event
/// ("Wednesday's ruling").
pub(super) fn clause_tense(c: &Cand, toks: &[Token]) -> Tense {
    let mut tense = tense_around(toks, c.s, c.e);
    // "until May", "by Aug. 21", "through January": a deadline, which news
    // mostly gives ahead of time whatever the tense of the report.
    let prev = if c.s > 0 {
        toks[c.s - 1].lower.as_str()
    } else {
        ""
    };
    let calendar = matches!(
        c.expr,
        Expr::Ym { .. } | Expr::Ymd { .. } | Expr::Quarter { .. } | Expr::Season { .. }
    );
    // "Until Thursday, they had not called him a suspect", "by May the
    // firm had cut 500 jobs": a past perfect puts the deadline behind.
    let perfect = || past_perfect_near(toks, c.s, c.e);
    if calendar && matches!(prev, "until" | "till" | "by" | "through" | "effective") && !perfect() {
        tense = Tense::Future;
    }
    // "until Tuesday", "until 9 a.m. Tuesday", "postponed until Tuesday
    // morning": a weekday deadline lies ahead of the report too.
    let weekday = match &c.expr {
        Expr::Weekday { shift, .. } => *shift == Shift::None,
        Expr::Clock { day: Some(d), .. } | Expr::PartOfDay { day: d, .. } => {
            matches!(
                **d,
                Expr::Weekday {
                    shift: Shift::None,
                    ..
                }
            )
        }
        _ => false,
    };
    if weekday && matches!(prev, "until" | "till") && !perfect() {
        tense = Tense::Future;
    }
    // "since Tuesday", "since shortly after the Oct. 23 slaying": the start
    // of something still going on lies behind the report.
    let since = (1..=4)
        .take_while(|&k| k <= c.s)
        .map(|k| toks[c.s - k].lower.as_str())
        .take_while(|w| {
            matches!(
                *w,
                "since"
                    | "shortly"
                    | "just"
                    | "soon"
                    | "right"
                    | "after"
                    | "before"
                    | "the"
                    | "early"
                    | "late"
                    | "mid"
            )
        })
        .any(|w| w == "since");
    if (calendar || weekday) && since {
        tense = Tense::Past;
    }
    // "Wednesday's ruling", "Friday's attack": a weekday that names an
    // event is one the report looks back on; the clause's own tense ("they
    // would look for ways around Wednesday's ruling") is about something
    // else. Only "ahead of Sunday's vote" and the like look forward.
    if weekday && possessive(toks, c.e) {
        let ahead = c.s >= 2
            && matches!(
                (toks[c.s - 2].lower.as_str(), prev),
                ("ahead" | "advance", "of") | ("in", "advance")
            );
        // "arrived to attend Tuesday's conference", "will host Sunday's talks".
        let going_to = c.s >= 2
            && matches!(toks[c.s - 2].lower.as_str(), "to" | "will")
            && matches!(prev, "attend" | "join" | "host" | "chair" | "open");
        let ahead = ahead || going_to || matches!(prev, "upcoming" | "until" | "till");
        if ahead {
            tense = Tense::Future;
        } else if !matches!(prev, "before" | "after" | "for") {
            // "before Sunday's vote", "are expected to sign after Tuesday's talks" go either
            // way: the clause decides.
            tense = Tense::Past;
        }
    }
    tense
}

/// Tense of the clause around tokens `s..e`: the nearest verb cue on either
/// side within the sentence decides (left wins a tie, since English puts the
/// verb before its time adverbial more often than after). Two kinds of cue
/// on the right only count when nothing on the left does: an attribution
/// after a comma or a closing quote (", officials said" tells when
/// something was said, not when it happens), and the verb of a clause
/// joined by "and" or "but".
fn tense_around(toks: &[Token], s: usize, e: usize) -> Tense {
    let left = (1..=TENSE_WINDOW.min(s))
        .map(|d| s - d)
        .take_while(|&k| !toks[k].sent_end)
        .find_map(|k| cue_at(toks, k, false).map(|t| (s - k, t)));
    let mut right = None;
    let mut weak = None;
    let mut separated = false;
    let mut joined = false;
    // "On Thursday, the 40th anniversary of the 1976 coup, Obama will ...": an apposition
    // after the date puts the verb further off.
    let apposition = toks.get(e).is_some_and(|t| t.lower == ",");
    let window = if apposition {
        TENSE_WINDOW + 6
    } else {
        TENSE_WINDOW
    };
    for k in e..toks.len().min(e + window) {
        let t = &toks[k];
        if t.kind == Kind::Punct && is_separator(toks, k) {
            separated = true;
        }
        if let Some(tense) = cue_at(toks, k, true) {
            if (separated && verbs::is_reporting(&t.lower)) || joined {
                weak = Some(tense);
            } else {
                right = Some((k + 1 - e, tense));
            }
            break;
        }
        // "a rally on Saturday and were planning ...": a verb after a
        // conjunction heads the next clause.
        if matches!(t.lower.as_str(), "and" | "but" | "while" | "whereas") {
            joined = true;
        }
        if t.sent_end {
            break;
        }
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            if dl <= dr {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        // "will visit Nagasaki on Friday before flying on that evening to Cheju for an overnight
        // stop and talks on Saturday": with no verb near, the sentence's last finite verb
        // before still governs.
        // An attribution after the date (", officials said") matters less than such a verb.
        (None, None) => {
            let far = (1..=FAR_TENSE_WINDOW.min(s))
                .map(|d| s - d)
                .take_while(|&k| !toks[k].sent_end)
                .skip(TENSE_WINDOW)
                .find(|&k| cue_at(toks, k, false).is_some())
                .filter(|&k| {
                    // "He is to be received by the King on Wednesday, before attending the
                    // summit in Brussels on Thursday": "is to" governs as "will" does.
                    let is_to = matches!(toks[k].lower.as_str(), "is" | "are")
                        && toks.get(k + 1).is_some_and(|n| n.lower == "to");
                    is_to
                        || matches!(
                            toks[k].lower.as_str(),
                            "will" | "shall" | "expected" | "scheduled" | "due"
                        )
                        // "said the dispute would be raised once more with the ministers of
                        // the bloc at their talks in Lima from 3 to 5 May": what was said to
                        // come.
                        || toks[k].lower == "would"
                            && toks.get(k + 1).is_some_and(|n| {
                                matches!(n.lower.as_str(), "be" | "also" | "then")
                            })
                });
            far.map(|_| Tense::Future)
                .or(weak)
                .unwrap_or(Tense::Unknown)
        }
    }
}

/// Token `k` lies in a headline: a line set off by a blank line, or the
/// unpunctuated first line of the text. Headlines put past events in the
/// present ("Dow closes lower"), so a timetable verb there says nothing
/// about the future. Wrapped body lines end without a full stop too, hence
/// only those two shapes.
fn in_headline(toks: &[Token], k: usize) -> bool {
    let first_line = k < 30 && (0..k).all(|j| !toks[j].sent_end && !toks[j + 1].newline_before);
    for j in k..toks.len().min(k + 30) {
        if toks[j].sent_end {
            return toks[j].kind != Kind::Punct;
        }
        if toks.get(j + 1).is_none_or(|n| n.newline_before) {
            return first_line && toks[j].kind != Kind::Punct;
        }
    }
    false
}

/// Punctuation that closes the clause of an expression: a comma, a dash, a
/// bracket or a closing quote (an apostrophe only when not glued to a
/// clitic, as in "Friday's" or "he'll").
fn is_separator(toks: &[Token], k: usize) -> bool {
    match toks[k].lower.as_str() {
        "," | "\"" | ")" | "-" | "_" | ";" | ":" => true,
        "'" => toks
            .get(k + 1)
            .is_none_or(|n| n.space_before || n.kind != Kind::Word),
        _ => false,
    }
}

/// An auxiliary "had" (past perfect) in the sentence around tokens `s..e`:
/// "had not called", "had agreed", "had been". "had until Friday to
/// decide" is possession, not an auxiliary, and does not count.
fn past_perfect_near(toks: &[Token], s: usize, e: usize) -> bool {
    let aux = |k: usize| {
        toks[k].lower == "had"
            && toks.get(k + 1).is_some_and(|n| {
                let w = n.lower.as_str();
                n.kind == Kind::Word
                    && (matches!(
                        w,
                        "not" | "been" | "already" | "never" | "just" | "long" | "since"
                    ) || verbs::verb_cue(w) == Some(Tense::Past)
                        && !matches!(w, "last" | "earlier" | "ago" | "yesterday"))
            })
    };
    let left = (1..=TENSE_WINDOW.min(s))
        .map(|d| s - d)
        .take_while(|&k| !toks[k].sent_end)
        .any(aux);
    let right = (e..toks.len().min(e + TENSE_WINDOW))
        .take_while(|&k| k == e || !toks[k - 1].sent_end)
        .any(aux);
    left || right
}

/// Tense cue of token `k`; `right` when it follows the expression.
fn cue_at(toks: &[Token], k: usize, right: bool) -> Option<Tense> {
    let t = &toks[k];
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let next = toks.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
    let prev = if k > 0 {
        toks[k - 1].lower.as_str()
    } else {
        ""
    };
    match w {
        "ll" if prev == "'" => return Some(Tense::Future),
        "won" if next == "'" => return Some(Tense::Future),
        "going" | "planning" | "preparing" if next == "to" => return Some(Tense::Future),
        "is" | "are" if next == "to" || next == "due" || next == "expected" => {
            return Some(Tense::Future)
        }
        // "is also expected to", "are still due to": an adverb between.
        "is" | "are"
            if matches!(next, "also" | "still" | "now" | "widely" | "then")
                && toks
                    .get(k + 2)
                    .is_some_and(|t| matches!(t.lower.as_str(), "due" | "expected")) =>
        {
            return Some(Tense::Future)
        }
        // As nouns these say nothing: "the plan", "the expected loss".
        "plan" | "plans" | "planned" | "expected" | "expects" | "scheduled" | "set" | "due" => {
            let passive_or_present = matches!(prev, "is" | "are" | "be" | "been");
            // "had been due to expire Friday", "had been scheduled for
            // Monday": a timetable that was overtaken, so the day is past.
            if prev == "been" && k >= 2 && toks[k - 2].lower == "had" {
                return Some(Tense::Past);
            }
            // "as previously planned Saturday night": a plan already carried out.
            if w == "planned" && matches!(prev, "previously" | "originally" | "had") {
                return Some(Tense::Past);
            }
            // "On Friday, the government planned to ...": a past plan made
            // on that day; the day itself is not what was planned.
            if right && matches!(w, "planned" | "expected" | "scheduled") && !passive_or_present {
                return Some(Tense::Past);
            }
            // "has scheduled a news conference Thursday", "planned a rally
            // on Saturday": a timetable points ahead whatever the auxiliary.
            return if matches!(next, "to" | "for" | "on") || matches!(w, "scheduled" | "planned") {
                Some(Tense::Future)
            } else if w == "set" {
                Some(Tense::Past)
            } else {
                None
            };
        }
        // "as soon as Tuesday", "as early as next week"
        "soon" | "early" if prev == "as" && next == "as" => return Some(Tense::Future),
        "ll" | "s" | "d" | "t" => return None,
        _ => {}
    }
    // A participle after "be" is passive ("will be held"): the auxiliary
    // before it carries the tense.
    if k > 0 && matches!(prev, "be" | "been" | "being") {
        return None;
    }
    // Proper names ending in -ed ("Ahmed") are not verbs.
    if t.cap && w.ends_with("ed") && verbs::verb_cue(w).is_none() {
        return None;
    }
    if t.cap && k > 0 && !toks[k - 1].sent_end && w.ends_with("ed") {
        return None;
    }
    // After a determiner an -ed form is an adjective: "a revised estimate",
    // "the unexpected move", "its combined sales".
    if w.ends_with("ed")
        && matches!(
            prev,
            "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our"
        )
    {
        return None;
    }
    match verbs::verb_cue(w) {
        Some(Tense::Future) if verbs::timetable_verb(w) && in_headline(toks, k) => {
            Some(Tense::Present)
        }
        cue => cue,
    }
}

/// A possessive "'s" (or a bare "'" after an "s") glued to token `e - 1`.
fn possessive(toks: &[Token], e: usize) -> bool {
    let Some(q) = toks.get(e) else {
        return false;
    };
    if !q.is_punct('\'') || q.space_before {
        return false;
    }
    toks.get(e + 1)
        .is_some_and(|s| s.lower == "s" && !s.space_before)
}

#[cfg(test)]
mod tests {
    use crate::timex::tests::{d, one, seed_dct, value};
    use crate::timex::{tag, TimexType};

    #[test]
    fn an_adverb_inside_a_timetable_verb_still_looks_ahead() {
        let t = seed_dct(); // a Wednesday
        let text = "Envoys will review the text at a meeting in Oslo on Friday, when the panel is \
                    also expected to report.";
        assert_eq!(value(text, t, "Friday"), "2025-05-09");
        let text = "The ministers discuss it at their meeting in Rome on Monday, when the board \
                    is still due to vote.";
        assert_eq!(value(text, t, "Monday"), "2025-05-12");
    }

    #[test]
    fn a_full_month_name_ends_its_sentence_and_a_distant_would_looks_ahead() {
        let t = d(2025, 8, 1);
        // The verb of the next sentence is not this one's; the "would" far before governs.
        let text = "The envoy said the dispute would also be raised with the ministers of the \
                    regional bloc at their annual talks in Lima from 3 to 5 October. He added \
                    that the text had been shared.";
        assert_eq!(value(text, t, "5 October"), "2025-10-05");
        // An abbreviated month still does not end one.
        let text = "The talks open Oct. 5 in Lima.";
        assert_eq!(value(text, t, "Oct. 5"), "2025-10-05");
    }

    #[test]
    fn weekdays_follow_tense() {
        let t = seed_dct(); // a Wednesday
        assert_eq!(value("He met the king Monday.", t, "Monday"), "2025-05-05");
        assert_eq!(
            value("He will meet the king Friday.", t, "Friday"),
            "2025-05-09"
        );
        assert_eq!(
            value("The king is to arrive Friday.", t, "Friday"),
            "2025-05-09"
        );
        assert_eq!(
            value("He said Wednesday that talks failed.", t, "Wednesday"),
            "2025-05-07"
        );
        assert_eq!(
            value("He left last Friday.", t, "last Friday"),
            "2025-05-02"
        );
        assert_eq!(
            value("He leaves next Monday.", t, "next Monday"),
            "2025-05-12"
        );
        // "-eed" past forms are verbs too; the nearer cue beats the later "will".
        assert_eq!(
            value(
                "The truce, agreed on Monday, will last 60 days.",
                t,
                "Monday"
            ),
            "2025-05-05"
        );
        assert_eq!(
            value("He may come as soon as Friday.", t, "Friday"),
            "2025-05-09"
        );
        // A clause with no verb of its own ("before attending") takes the sentence's.
        assert_eq!(
            value(
                "He is to be received by the king at the palace on Thursday, before attending the \
                 regional summit in the capital on Friday.",
                t,
                "Friday"
            ),
            "2025-05-09"
        );
    }

    #[test]
    fn months_follow_tense() {
        let t = seed_dct();
        assert_eq!(
            value("The summit was held in September.", t, "September"),
            "2024-09"
        );
        assert_eq!(
            value("The summit will be held in September.", t, "September"),
            "2025-09"
        );
        assert_eq!(value("Rubio visited back in March.", t, "March"), "2025-03");
        assert_eq!(
            value("Talks will resume in January.", t, "January"),
            "2026-01"
        );
    }

    #[test]
    fn deadlines_and_timetables_look_ahead() {
        let t = seed_dct(); // a Wednesday
        assert_eq!(
            value("The deadline was extended until Friday.", t, "Friday"),
            "2025-05-09"
        );
        assert_eq!(
            value(
                "The relatives were given until 9 a.m. Tuesday to sign.",
                t,
                "9 a.m. Tuesday"
            ),
            "2025-05-13T09:00"
        );
        assert_eq!(
            value(
                "Police have scheduled a news conference Thursday.",
                t,
                "Thursday"
            ),
            "2025-05-08"
        );
        assert_eq!(
            value(
                "He joined the office of the chairman, effective Feb. 1.",
                d(1989, 10, 26),
                "Feb. 1"
            ),
            "1990-02-01"
        );
        // "since" points back even across "shortly after the".
        assert_eq!(
            value(
                "Police have searched for him since shortly after the Oct. 23 slaying.",
                d(1999, 5, 6),
                "Oct. 23"
            ),
            "1998-10-23"
        );
    }

    #[test]
    fn possessive_weekday_names_a_past_event() {
        // Friday 7 January 2000: the ruling came on the Wednesday before, even
        // inside a clause about what "would" happen.
        let t = d(2000, 1, 7);
        assert_eq!(
            value(
                "Relatives said they would look for ways to get around Wednesday's ruling.",
                t,
                "Wednesday"
            ),
            "2000-01-05"
        );
        assert_eq!(
            value("Friday's ceremony will be remembered.", t, "Friday"),
            "2000-01-07"
        );
        // "ahead of" looks forward whatever the verb.
        assert_eq!(
            value(
                "Ahead of Sunday's election, he campaigned hard.",
                seed_dct(),
                "Sunday"
            ),
            "2025-05-11"
        );
    }

    #[test]
    fn attribution_does_not_set_the_tense() {
        // ", the ministry said" reports the saying; "will visit" is the event.
        let t = seed_dct(); // a Wednesday
        assert_eq!(
            value(
                "The delegation will visit the harbour and the old city on Friday, the ministry said.",
                t,
                "Friday"
            ),
            "2025-05-09"
        );
        // With nothing on the left, the attribution is all there is.
        assert_eq!(
            value("On Monday, the ministry said, talks failed.", t, "Monday"),
            "2025-05-05"
        );
        assert_eq!(
            value(
                "The father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
                d(2000, 4, 5),
                "4 a.m. EDT Thursday"
            ),
            "2000-04-06T04:00"
        );
    }

    #[test]
    fn plans_look_ahead_from_the_plan() {
        // Friday 7 January 2000.
        let t = d(2000, 1, 7);
        assert_eq!(
            value(
                "Exiles planned a large demonstration on Saturday and were planning to drive around the airport on Monday.",
                t,
                "Saturday"
            ),
            "2000-01-08"
        );
        assert_eq!(
            value(
                "Exiles planned a large demonstration on Saturday and were planning to drive around the airport on Monday.",
                t,
                "Monday"
            ),
            "2000-01-10"
        );
        // The day of the planning itself lies behind.
        assert_eq!(
            value(
                "On Friday, the Kenyan government planned to distribute aid.",
                d(1998, 9, 30),
                "Friday"
            ),
            "1998-09-25"
        );
        assert_eq!(
            value(
                "Generals let the offensive begin as previously planned Saturday night.",
                d(1991, 2, 25),
                "Saturday night"
            ),
            "1991-02-23TNI"
        );
    }

    #[test]
    fn adjectival_participles_are_not_past_cues() {
        // "unspecified" is no verb: "would" sets the clause.
        assert_eq!(
            value(
                "The dividend would be paid on a still unspecified date in January.",
                d(1989, 10, 26),
                "January"
            ),
            "1990-01"
        );
        assert_eq!(
            value(
                "He will present a revised plan in September.",
                seed_dct(),
                "September"
            ),
            "2025-09"
        );
    }

    #[test]
    fn timetable_present_looks_ahead_except_in_headlines() {
        let t = seed_dct(); // a Wednesday
        assert_eq!(
            value("The 30-day truce expires on Friday.", t, "Friday"),
            "2025-05-09"
        );
        assert_eq!(
            value("The minister travels to Paris on Thursday.", t, "Thursday"),
            "2025-05-08"
        );
        // A headline reports the past in the present.
        let text = "Dow closes lower Monday\n\nStocks fell on Monday.";
        let all = tag(text, Some(t));
        assert_eq!(all[0].text, "Monday");
        assert_eq!(all[0].value, "2025-05-05");
        // "lowest level in six years" is a span back to now, not a point ahead.
        let (k, v, _) = one(
            "The index closes at its lowest level in six years.",
            d(2009, 2, 20),
            "six years",
        );
        assert_eq!((k, v.as_str()), (TimexType::Duration, "P6Y"));
    }

    #[test]
    fn past_perfect_puts_a_deadline_behind() {
        // Friday 7 May 1999.
        let t = d(1999, 5, 7);
        assert_eq!(
            value(
                "Until Thursday, they had not called Kopp a suspect.",
                t,
                "Thursday"
            ),
            "1999-05-06"
        );
        assert_eq!(
            value("By March the company had cut 500 jobs.", t, "March"),
            "1999-03"
        );
        // Without it, "until" still looks ahead.
        assert_eq!(
            value("The offer is open until Thursday.", t, "Thursday"),
            "1999-05-13"
        );
        assert_eq!(
            value(
                "The relatives have until Thursday to decide.",
                t,
                "Thursday"
            ),
            "1999-05-13"
        );
    }

    #[test]
    fn an_overtaken_timetable_is_past() {
        // Monday 30 October 1989.
        let t = d(1989, 10, 30);
        assert_eq!(
            value(
                "The offer was extended to Nov. 16. It had been due to expire Friday evening.",
                t,
                "Friday evening"
            ),
            "1989-10-27TEV"
        );
        assert_eq!(
            value(
                "It previously had been scheduled to expire at midnight Friday.",
                t,
                "midnight Friday"
            ),
            "1989-10-27T24:00"
        );
        // A timetable still standing points ahead.
        assert_eq!(
            value("The offer is due to expire Friday.", t, "Friday"),
            "1989-11-03"
        );
    }
}
