//! Gatherings of many states: a bloc's ministers meeting as one, and sessions of a body
//! told in passing. The articles are invented.

use crate::extraction_rules::{extract, has};

#[test]
fn a_blocs_ministers_at_their_meeting_hold_a_summit() {
    let found = extract(
        "2011-03-12",
        "OSLO, March 12 (Agency) - The government approved the fisheries plan on Saturday.\n\
         The plan goes next to ASEAN economic ministers, who will take it up at their meeting \
         in Jakarta on Monday; the secretariat is also expected to report.",
    );
    assert!(has(&found, "summit", "2011-03-14", &["ID"]), "{found:?}");
    assert!(!found.iter().any(|f| f.kind == "meeting"), "{found:?}");
}

#[test]
fn a_town_that_names_a_summit_places_it() {
    // Neither town is a capital; only the gathering noun after it makes it a place.
    let found = extract(
        "2019-06-04",
        "NAIROBI, June 4 (Agency) - The bloc's envoys met on Tuesday to prepare the next \
         summit.\nThe bloc's current chair took over at the Mombasa summit last June, and its \
         charter dates from the Durban Summit of August 2015.",
    );
    assert!(has(&found, "summit", "2018-06", &["KE"]), "{found:?}");
    assert!(has(&found, "summit", "2015-08", &["ZA"]), "{found:?}");
    // Each is held in its own town, not in every town the sentence names.
    let durban = found.iter().find(|f| f.date == "2015-08").unwrap();
    assert_eq!(durban.places, ["Durban"], "{found:?}");
}

#[test]
fn a_bodys_council_of_heads_of_state_or_foreign_ministers_sits_as_a_summit() {
    let found = extract(
        "2003-03-04",
        "MOSCOW, March 4 (Agency) - Officials said today that the agenda for the meeting of \
         the Council of Heads of State of the Community, which will be held in Almaty on 20-21 \
         March, was agreed.\nThe Council of Foreign Ministers of the \
         Community will meet in Minsk on 12 March.\nThe Council of Ministers approved the \
         budget on Monday.",
    );
    assert!(has(&found, "summit", "2003-03-20", &["KZ"]), "{found:?}");
    assert!(has(&found, "summit", "2003-03-12", &["BY"]), "{found:?}");
    // A government's own Council of Ministers is its cabinet, not a gathering of states.
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn an_earlier_summit_of_the_same_series_has_the_reported_summits_states() {
    let found = extract(
        "1999-11-10",
        "ARUSHA, Nov 10 (Agency) - The presidents of Kenya, Uganda and Tanzania ended their \
         summit here on Tuesday with a call for a customs union.\nThe first summit of the \
         revived community took place in Nairobi in May 1996. Two years on, the leaders met \
         again in Kampala, in March 1998.",
    );
    assert!(
        has(&found, "summit", "1996-05", &["KE", "UG", "TZ"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.date == "1998-03" && f.countries.len() >= 3),
        "{found:?}"
    );
}

#[test]
fn a_summits_final_communique_is_its_statement() {
    let found = extract(
        "1990-05-12",
        "LOME, May 12 (Agency) - Leaders of Ghana, Niger and Benin ended their summit here on \
         Friday.\nThe summit's final communique, read out on Friday evening, called on the \
         coup leaders to step down.",
    );
    assert!(
        has(&found, "statement", "1990-05-11", &["GH", "NE", "BJ"]),
        "{found:?}"
    );
}

#[test]
fn a_state_represented_at_the_summit_just_told_took_part_in_it() {
    let found = extract(
        "2008-08-18",
        "GABORONE, Aug 18 (Agency) - Leaders launched the free trade area on Sunday.\nHeads \
         of state of the Community met for their Ordinary Summit in Johannesburg on 16 and 17 \
         August.\nMalawi was represented by its foreign minister.",
    );
    assert!(
        has(&found, "summit", "2008-08-16", &["ZA", "MW"]),
        "{found:?}"
    );
}
