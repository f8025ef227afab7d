//! Trips told in passing in agency copy: the stop a traveller came from ("flew here from
//! Laos, where he was on a three-day visit"), the place a relative "where" points back to,
//! and the stops a relative clause lists ("a tour, which has already taken him to ...").
//! The articles are invented.

use crate::extraction_rules::{extract, extract_headed, first_of, has, has_range, Found};

#[test]
fn the_stay_a_traveller_came_from_ends_on_the_day_of_arrival() {
    let found = extract(
        "2009-05-12",
        "HANOI, May 12 (Agency) - Thai Prime Minister Abhisit Vejjajiva arrived here Tuesday \
         for a two-day official visit to Vietnam. Abhisit, who flew here from neighbouring \
         Laos where he was on a three-day visit, was received at the airport by his \
         Vietnamese counterpart.",
    );
    assert!(
        has(&found, "visit", "2009-05-12", &["TH", "VN"]),
        "{found:?}"
    );
    let laos = found
        .iter()
        .find(|f| f.countries.iter().any(|c| c == "LA"))
        .unwrap_or_else(|| panic!("no stay in Laos: {found:?}"));
    assert_eq!(laos.kind, "visit");
    assert_eq!(
        (laos.date.as_str(), laos.end.as_deref()),
        ("2009-05-10", Some("2009-05-12"))
    );
    assert!(!laos.countries.iter().any(|c| c == "VN"), "{found:?}");
}

#[test]
fn where_points_back_to_the_place_of_the_trip() {
    let found = extract(
        "2012-03-19",
        "WASHINGTON, March 19 (Agency) - \"This attack must be condemned,\" U.S. Secretary of \
         State Hillary Clinton said aboard the plane bringing her to Ottawa, where she began \
         a four-day trip.",
    );
    // Ottawa is Canada's capital, not the small U.S. town, though the sentence names the
    // United States first; the dateline is not where the trip went.
    assert!(
        has(&found, "visit", "2012-03-19", &["US", "CA"]),
        "{found:?}"
    );
}

#[test]
fn the_stops_a_relative_clause_lists_belong_to_the_tour() {
    let found = extract(
        "2012-03-22",
        "SANTIAGO, March 22 (Agency) - Chile is the last leg of Mexican President Felipe \
         Calderon's three-nation Latin American tour, which has already taken him to Peru and \
         Bolivia.",
    );
    let tour = found
        .iter()
        .find(|f| f.kind == "tour")
        .unwrap_or_else(|| panic!("no tour: {found:?}"));
    for c in ["MX", "PE", "BO"] {
        assert!(tour.countries.iter().any(|x| x == c), "{c}: {found:?}");
    }
}

#[test]
fn a_length_given_in_another_sentence_spreads_a_gathering_from_its_opening_day() {
    let found = extract(
        "2008-11-15",
        "LIMA, Nov 15 (Agency) - The fifth summit of the Andean Community opened here Saturday \
         with a call for freer trade. Leaders from Bolivia, Colombia and Ecuador arrived in \
         Lima on Friday to join the two-day summit. The last summit was held in Quito in 2006.",
    );
    let summit = found
        .iter()
        .find(|f| f.kind == "summit" && f.date.starts_with("2008"))
        .unwrap_or_else(|| panic!("no summit: {found:?}"));
    assert_eq!(
        (summit.date.as_str(), summit.end.as_deref()),
        ("2008-11-15", Some("2008-11-16")),
        "{found:?}"
    );
    // The arrival to join it is no summit of its own on another day.
    assert_eq!(
        found
            .iter()
            .filter(|f| f.kind == "summit" && f.date.starts_with("2008"))
            .count(),
        1,
        "{found:?}"
    );
}

#[test]
fn a_tour_begun_on_the_report_day_runs_for_its_stated_length() {
    let found = extract(
        "2005-12-05",
        "BERLIN, Dec 5 (Agency) - U.S. Secretary of State Condoleezza Rice arrived in Berlin \
         on Monday, where she began a five-day European tour.",
    );
    let tour = found
        .iter()
        .find(|f| f.countries.iter().any(|c| c == "DE"))
        .unwrap_or_else(|| panic!("no trip: {found:?}"));
    assert_eq!(
        (tour.date.as_str(), tour.end.as_deref()),
        ("2005-12-05", Some("2005-12-09")),
        "{found:?}"
    );
}

#[test]
fn a_range_written_with_a_spaced_dash_keeps_its_last_day() {
    let found = extract(
        "2006-11-07",
        "HANOI, Nov. 7 (Agency) - Indian Prime Minister Manmohan Singh is scheduled to pay a \
         state visit to Vietnam on Nov. 15- 17.",
    );
    assert!(
        has_range(&found, "visit", "2006-11-15", "2006-11-17"),
        "{found:?}"
    );
}

#[test]
fn talks_that_open_on_a_day_and_last_three_days_span_them() {
    let found = extract(
        "2005-11-07",
        "GENEVA, Nov. 7 (Agency) - Delegates from Iran and France arrived in Geneva for the \
         talks, scheduled for Nov. 9. The talks will open on Nov. 9 and are expected to last \
         for three days.",
    );
    assert!(
        found.iter().any(|f| f.date == "2005-11-09"
            && f.end.as_deref() == Some("2005-11-11")
            && f.countries.iter().any(|c| c == "IR")),
        "{found:?}"
    );
}

#[test]
fn a_visit_a_leader_will_host_from_one_weekday_to_another_is_still_to_come() {
    // 14 June 2023 was a Wednesday.
    let found = extract(
        "2023-06-14",
        "BEIJING, June 14 (Agency) - Chinese President Xi Jinping will host Brazilian President \
         Luiz Inacio Lula da Silva for a state visit from Wednesday to Saturday, the foreign \
         ministry said.",
    );
    assert!(
        has_range(&found, "visit", "2023-06-14", "2023-06-17"),
        "{found:?}"
    );
}

#[test]
fn a_travellers_visit_named_before_its_dates_is_that_visit_and_a_body_joined_is_a_topic() {
    let found = extract(
        "2011-06-09",
        "LJUBLJANA, June 9 (Agency) - Slovenia and Paraguay agreed here Thursday to expand \
         trade. Lugo's visit, coming soon after Paraguay's accession to the World Trade \
         Organization talks and Slovenia's entry into the European Union, will open a new \
         chapter, the Slovenian president said. Paraguayan President Fernando Lugo, starting \
         his two-day state visit to Slovenia on Thursday, said the two countries should \
         cooperate more closely.",
    );
    let visits: Vec<_> = found.iter().filter(|f| f.kind == "visit").collect();
    assert_eq!(visits.len(), 1, "{found:?}");
    assert!(
        has_range(&found, "visit", "2011-06-09", "2011-06-10"),
        "{found:?}"
    );
    assert_eq!(visits[0].countries, ["PY", "SI"], "{found:?}");
}

#[test]
fn a_stay_seen_so_far_runs_on_to_the_length_the_text_gives() {
    let found = extract(
        "2013-04-11",
        "ACCRA, April 11 (Agency) - Malawian President Joyce Banda is in Ghana for a five-day \
         state visit. Banda, who arrived here on Tuesday, held talks with Ghanaian President \
         John Mahama on Wednesday.",
    );
    assert!(
        has_range(&found, "visit", "2013-04-09", "2013-04-13"),
        "{found:?}"
    );
}

#[test]
fn a_coming_tour_spoken_of_today_is_not_dated_today() {
    let found = extract(
        "2014-07-08",
        "TOKYO, July 8 (Agency) - Ties between Japan and the three countries kept good \
         momentum, Japanese Deputy Foreign Minister Taro Sato said Tuesday. The upcoming \
         visits will be of great significance for Japan and the three nations, Sato said at a \
         news conference on Abe's visits. Abe's three-nation tour will first take him to \
         Chile. Prime Minister Shinzo Abe will visit Chile, Peru and Brazil from July 25 to \
         Aug. 2.",
    );
    assert!(
        has_range(&found, "tour", "2014-07-25", "2014-08-02"),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.date == "2014-07-08"), "{found:?}");
}

#[test]
fn an_envoys_mission_to_a_capital_is_a_trip_and_a_standing_mission_is_not() {
    let found = extract(
        "2011-03-10",
        "JAKARTA, March 10 (Agency) - The envoy warned that Indonesian Foreign Minister Adi \
         Santoso was unlikely to win concessions when he carries out his mission to Bangkok, \
         expected next month. The UN mission to Sudan was extended on Tuesday.",
    );
    assert!(has(&found, "visit", "2011-04", &["ID", "TH"]), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|f| f.countries.contains(&"SD".to_string())),
        "{found:?}"
    );
}

#[test]
fn a_trip_in_an_opening_phrase_of_time_is_not_dated_by_the_main_clause() {
    // The caution was issued on Sunday, before the trip: no Sunday is the trip's day.
    let found = extract(
        "1999-03-15",
        "OTTAWA, March 15 (Agency) - Canadian Foreign Minister Paul Aubert said Monday he \
         would bring a message of friendship to Peru.\n\
         Just ahead of Aubert's one-day trip, the foreign ministry on Sunday issued an \
         updated caution to Canadian travellers in Peru and Bolivia.",
    );
    assert!(
        !found
            .iter()
            .any(|f| f.date == "1999-03-14" || f.date == "1999-03-21"),
        "{found:?}"
    );
    // The trip itself is still found, only not at the caution's date.
    assert!(
        found
            .iter()
            .any(|f| matches!(f.kind.as_str(), "visit" | "tour")
                && f.countries.contains(&"PE".to_string())),
        "{found:?}"
    );
}

#[test]
fn a_trip_still_planned_at_a_date_is_not_dated_by_it() {
    let found = extract(
        "1999-03-15",
        "OTTAWA, March 15 (Agency) - Canadian Foreign Minister Paul Aubert said Monday he \
         would bring a message of friendship to Peru.\n\
         On Friday, when Aubert set aside vacation plans for the hastily planned trip to \
         Peru, the ministry lifted a caution for Canadian travellers.",
    );
    assert!(
        !found
            .iter()
            .any(|f| f.date == "1999-03-12" || f.date == "1999-03-19"),
        "{found:?}"
    );
}

#[test]
fn a_warning_against_travel_is_no_trip() {
    let found = extract(
        "1999-03-15",
        "OTTAWA, March 15 (Agency) - On Friday, Canadian Foreign Minister Paul Aubert lifted \
         a warning against travel to Peru, whose economy relies heavily on foreign visitors.",
    );
    assert!(!found.iter().any(|f| f.kind == "visit"), "{found:?}");
}

#[test]
fn a_ships_port_call_is_no_visit() {
    let found = extract(
        "2006-11-15",
        "HANOI, Nov. 15 (Agency) - The USS Kestrel on Wednesday arrived in Vietnam for a \
         search-and-rescue exercise with the Vietnamese navy. In May, a training ship of the \
         Chinese navy visited Portugal.",
    );
    assert!(found.is_empty(), "{found:?}");
    // An official who sails in is still an official visiting.
    let found = extract(
        "2006-11-15",
        "LENTIA, Nov. 15 (Agency) - Chinese Defence Minister Cao Gang arrived in Portugal on \
         Wednesday for a three-day official visit.",
    );
    assert!(
        has(&found, "visit", "2006-11-15", &["CN", "PT"]),
        "{found:?}"
    );
}

#[test]
fn the_same_possible_visit_mentioned_again_is_still_only_possible() {
    let found = extract(
        "2005-11-29",
        "BEIJING, Nov. 29 (Agency) - Asked about Malaysian Interior Minister Kal Obo's \
         possible visit to China, the spokesman said the two countries have been discussing \
         details for the \"important visit\" on a date proper for both sides.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_date_opening_the_sentence_dates_a_trip_told_late_in_it() {
    let found = extract(
        "1997-04-15",
        "SINGAPORE, April 15 (Agency) - Egyptian Prime Minister Amr Said arrived here \
         Tuesday for a three-day official visit.\n\
         On Thursday, he would be briefed on the city's pension scheme at the fund's office \
         and visit the trade board and the port authority before leaving for China.",
    );
    assert!(
        has(&found, "visit", "1997-04-17", &["EG", "CN"]),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| f.countries.contains(&"CN".to_string()) && f.date == "1997-04-15"),
        "{found:?}"
    );
}

#[test]
fn a_trip_made_for_a_gathering_is_the_gathering_held_where_the_trip_goes() {
    let found = extract(
        "2024-06-14",
        "BARI, Italy, June 14 (dpa) - Moldovan President Ana Pruteanu signed a security \
         agreement with Canada on Thursday on the margins of the G7 summit in southern Italy.\n\
         Pruteanu then flies to Austria for a peace conference at a mountain resort on \
         Saturday and Sunday.\n\
         She is expected to travel to New York later this month for the UN General Assembly.",
    );
    // Three gatherings in three states, none of them a visit.
    assert!(
        has_range(&found, "summit", "2024-06-15", "2024-06-16")
            && has(&found, "summit", "2024-06-15", &["MD", "AT"]),
        "{found:?}"
    );
    assert!(has(&found, "summit", "2024-06", &["MD", "US"]), "{found:?}");
    assert!(
        has(&found, "summit", "2024-06-13", &["MD", "IT"]),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.kind == "visit"), "{found:?}");
}

#[test]
fn a_record_told_of_a_trip_in_apposition_is_that_trip() {
    let found = extract(
        "2023-05-22",
        "CANBERRA, May 22 (Agency) - Prime Minister Tom Ellery visited Chile in March, the \
         first visit by an Australian prime minister since 2017.\n\
         Ellery will travel to Lima in June for a summit with Peruvian President Rosa Quispe.",
    );
    assert!(has(&found, "visit", "2023-03", &["AU", "CL"]), "{found:?}");
    assert_eq!(
        found
            .iter()
            .filter(|f| f.countries.contains(&"CL".to_string()))
            .count(),
        1,
        "{found:?}"
    );
    // A summit with one counterpart is talks of the trip's own, not a gathering it goes to.
    assert!(has(&found, "visit", "2023-06", &["AU", "PE"]), "{found:?}");
}

#[test]
fn a_day_told_between_the_motion_verb_and_the_place_still_makes_a_trip() {
    let found = extract(
        "2020-02-01",
        "RIGA, Feb. 1 (Agency) - Canadian Foreign Minister Paul Okafor is on a tour of the \
         region.\n\
         Okafor met with Estonian \
         Prime Minister Kaja Tamm in Tallinn on Friday and traveled on Saturday to Vilnius, \
         where he held talks with Lithuanian President Jonas Petraitis.",
    );
    // "he" is the sentence's subject, not the last person named before "where".
    assert!(
        !found
            .iter()
            .any(|f| f.countries.contains(&"LT".to_string())
                && f.countries.contains(&"EE".to_string())),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2020-01-31", &["CA", "EE"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2020-02-01", &["CA", "LT"]),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| f.kind == "meeting" && f.countries.contains(&"LT".to_string())),
        "{found:?}"
    );
}

#[test]
fn the_prime_minister_flying_on_from_a_capital_is_the_one_named_with_that_title() {
    let found = extract(
        "2019-10-15",
        "DHAKA, Oct 15 (Agency) - Nepalese Prime Minister Ram Thapa left for Bangkok on \
         Sunday on a one-day visit to Thailand.\n\
         From Bangkok, the prime minister flew to Hanoi on Tuesday for talks with the \
         Vietnamese leadership.",
    );
    assert!(
        has(&found, "visit", "2019-10-13", &["NP", "TH"]),
        "{found:?}"
    );
    let hanoi = found
        .iter()
        .find(|f| f.date == "2019-10-15")
        .unwrap_or_else(|| panic!("no stop in Vietnam: {found:?}"));
    assert_eq!(
        (hanoi.kind.as_str(), hanoi.countries.clone()),
        ("visit", vec!["NP".to_string(), "VN".to_string()]),
        "{found:?}"
    );
}

#[test]
fn who_invites_a_visit_to_a_state_is_that_states() {
    // A ministry's statement that never names its own state's leader with the state.
    let found = extract(
        "2024-05-14",
        "Spokesperson Lin Mei announced: At the invitation of President Chen Wei, President \
         of the Republic of Kenya Daniel Mwangi will pay a state visit to China from May 16 \
         to 17.\nIn March last year, President Chen Wei paid a state visit to Kenya.",
    );
    assert!(
        has_range(&found, "visit", "2024-05-16", "2024-05-17")
            && has(&found, "visit", "2024-05-16", &["KE", "CN"]),
        "{found:?}"
    );
    assert!(has(&found, "visit", "2023-03", &["CN", "KE"]), "{found:?}");
    assert!(
        found
            .iter()
            .all(|f| f.countries.iter().all(|c| c == "CN" || c == "KE")),
        "nobody else took part: {found:?}"
    );
}

#[test]
fn a_governments_own_leader_named_by_title_travels_from_the_state_it_sets_out_from() {
    let found = extract(
        "2019-06-28",
        "The Prime Minister spoke to President Anna Berg of Finland this morning from Downing \
         Street.\nFrom Japan, the Prime Minister will proceed to Singapore on 3 July on an \
         official visit.",
    );
    assert!(
        has(&found, "visit", "2019-07-03", &["GB", "SG"]),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| f.kind == "visit" && f.countries.iter().any(|c| c == "JP")),
        "Japan is where the trip sets out from: {found:?}"
    );
}

#[test]
fn this_will_be_a_first_visit_is_the_planned_visit_not_one_on_the_report_day() {
    // A ministry's announcement (India's honorific "Shri" makes it India's own text).
    let found = extract(
        "2025-02-07",
        "Prime Minister Shri Ravi Anand will visit Norway from 10 to 12 February 2025.\nFrom \
         Norway, the Prime Minister will proceed to the United States of America on 12-13 \
         February 2025 on an official working visit at the invitation of President Tom Reed. \
         This will be the Prime Minister's first visit to the United States since the new \
         Administration assumed office.",
    );
    assert!(
        has(&found, "visit", "2025-02-12", &["IN", "US"]),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.date == "2025-02-07"),
        "nothing on the report day: {found:?}"
    );
}

#[test]
fn datelines_of_newspapers_and_agencies_that_sign_first_make_the_text_not_a_us_readout() {
    // With no dateline read, a text is taken for a government's own (most often a U.S.
    // readout), and its visitor named without a state becomes American.
    for dateline in ["LAHORE, Feb 13:", "(Agency) - Lahore, Feb 13 -"] {
        let found = extract(
            "2011-02-14",
            &format!(
                "{dateline} President Omar Haddad arrived in Kabul on Sunday for a two-day \
                 visit, his first since taking office."
            ),
        );
        assert!(
            found
                .iter()
                .any(|f| f.kind == "visit" && f.countries.iter().any(|c| c == "AF")),
            "{dateline}: {found:?}"
        );
        assert!(
            found.iter().all(|f| f.countries.iter().all(|c| c != "US")),
            "{dateline}: nobody in the text is American: {found:?}"
        );
    }
}

#[test]
fn a_known_city_alone_before_a_dash_opens_the_body_as_a_dateline() {
    // "Rabat - His Majesty ...": an agency that signs nothing else. Without it the text is
    // taken for a U.S. readout, and its host named without a state becomes American.
    let found = extract_headed(
        "2021-03-09",
        "The President receives Ghana's foreign minister",
        "Kigali - President Jean Mugabo received on Tuesday at the presidency in Kigali the \
         visiting Ghanaian Foreign Minister Kofi Boateng.",
    );
    assert!(
        has(&found, "meeting", "2021-03-09", &["RW", "GH"])
            || has(&found, "visit", "2021-03-09", &["RW", "GH"]),
        "{found:?}"
    );
    assert!(
        found.iter().all(|f| f.countries.iter().all(|c| c != "US")),
        "nobody in the text is American: {found:?}"
    );
}

#[test]
fn a_presidents_own_office_announcing_dated_stops_gives_one_visit_per_stop_and_no_umbrella() {
    // The office of a republic's president: its head of state "the President of the
    // Republic, X," after an opening phrase, then "The President" alone, whoever else is
    // a President; "will be in X from ... to ..." is a stop; "Throughout the trip" and
    // "the countries of the region" add no stop of their own, nor does "The visit to
    // Kazakhstan" named again after the last stop.
    let found = extract_headed(
        "2024-05-28",
        "State visits of the President of the Republic to Kazakhstan and Uzbekistan",
        "At the invitation of his counterparts, the President of the Republic, Sergio \
         Mattarella, will travel to Central Asia from 3 to 7 June 2024 for state visits to \
         Kazakhstan and Uzbekistan.\n\
         The President will be in Kazakhstan from 3 to 5 June. In Astana, he will hold talks \
         with President Kassym-Jomart Tokayev.\n\
         The President will then travel to Uzbekistan from 5 to 7 June, where he will be \
         received by President Shavkat Mirziyoyev.\n\
         Throughout the trip, the President will promote the partnership of Italy with the \
         countries of the region.\n\
         The visit to Kazakhstan comes after a decade of growing trade.",
    );
    assert!(
        has_range(&found, "visit", "2024-06-03", "2024-06-05"),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2024-06-03", &["IT", "KZ"]),
        "{found:?}"
    );
    assert!(
        has_range(&found, "visit", "2024-06-05", "2024-06-07"),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2024-06-05", &["IT", "UZ"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_record_to_visit_is_the_trip_it_describes_and_a_far_will_still_looks_ahead() {
    // "the first X to visit Y" records the trip the sentence reports: no second, later trip.
    // "will visit A on Wednesday before flying ... for talks on Thursday": the Thursday
    // ahead, though "will" is far back. "met in A last June and held talks in B in
    // December": each predicate has its own place, and a December told in the past, in an
    // April report, is last December.
    let found = extract(
        "2019-03-12",
        "ANKARA, March 12 (Agency) - Chilean President Rosa Ibarra, the first Chilean head of \
         state to visit Turkey, arrived in Ankara on Monday for a three-day state visit.\nShe \
         will visit Izmir on Wednesday before flying on that evening to Greece for an \
         overnight stop and talks with Greek Prime Minister Nikos Petrou on Thursday.\nIbarra \
         and Turkish President Emre Kaya first met in Lima last June and held talks in \
         Santiago in December, when Kaya became the first Turkish president to visit Chile.",
    );
    assert!(
        has_range(&found, "visit", "2019-03-11", "2019-03-13"),
        "{found:?}"
    );
    let to_turkey = |f: &&Found| f.kind == "visit" && f.countries.iter().any(|c| c == "TR");
    assert_eq!(
        found
            .iter()
            .filter(|f| to_turkey(f) && f.date.starts_with("2019"))
            .count(),
        1,
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.date == "2019-03-14" && f.countries.iter().any(|c| c == "GR")),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.date == "2019-03-07"), "{found:?}");
    let june = found
        .iter()
        .find(|f| f.date == "2018-06")
        .expect("the June meeting");
    assert_eq!(june.places, ["Lima"], "{found:?}");
    let december = found
        .iter()
        .find(|f| f.date == "2018-12")
        .expect("the December talks");
    assert!(
        december.places.iter().any(|p| p == "Santiago")
            && !december.countries.iter().any(|c| c == "PE"),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.date.starts_with("2019-12")),
        "{found:?}"
    );
}

#[test]
fn a_departure_onto_a_trip_and_a_landing_far_before_its_noun_start_the_stay() {
    // "landed ... here shortly after noon on a two-day state visit": the landing starts the
    // stay, however long the airport's name, and the "after" of "after noon" ends nothing.
    // "left Jakarta on Saturday morning on a five-day trip" starts the trip too. A
    // dateline with the city's state in parentheses is still "here". "are expected to sign
    // ... after Thursday's talks, officials said" looks ahead.
    let found = extract(
        "2021-03-03",
        "Kochi (Kerala) [India], Mar 3 (ANI): Vietnamese President Tran Van Long landed at \
         the city's international airport here shortly after noon on a two-day state visit \
         to India and was received by Prime Minister Arjun Mehta.\nIndonesian President Budi \
         Santoso left Jakarta on Saturday morning on a five-day trip to Japan and South Korea, \
         his office said.\nThe two sides are expected to sign four memorandums of \
         understanding, including on health and on the safety of medicines, after \
         Thursday's talks, officials said.",
    );
    assert!(
        has_range(&found, "visit", "2021-03-03", "2021-03-04"),
        "{found:?}"
    );
    let visit = found.iter().find(|f| f.kind == "visit").unwrap();
    assert_eq!(visit.places, ["Kochi"], "{found:?}");
    assert!(
        has_range(&found, "tour", "2021-02-27", "2021-03-03"),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.date == "2021-02-25"), "{found:?}");
}

#[test]
fn a_trip_noun_with_its_length_and_the_arrival_of_its_relative_clause_are_one_visit() {
    // "the two-day visit of X, who will arrive here on Saturday": Saturday and Sunday.
    let found = extract(
        "2010-02-19",
        "KATHMANDU, Feb 19: Arrangements have been made in the capital for the two-day visit \
         of Indian Prime Minister Ravi Kumar, who will arrive here on Saturday.",
    );
    assert!(
        has_range(&found, "visit", "2010-02-20", "2010-02-21"),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn an_onward_leg_takes_the_month_of_the_trip_it_goes_on_from_and_another_trip_stays_apart() {
    // "who was in Brussels yesterday": a visit. "will go on from Brussels to Prague and
    // Vienna" after a summit on 22-23 March: a tour in March. "Her only other foreign trip"
    // is another trip, not this one.
    let found = extract(
        "2005-03-10",
        "BRUSSELS 10/03 (Agency) = The talks follow the visit of Mr. Tom Reed, Secretary of \
         Defense of the United States, who was in Brussels yesterday.\nFinnish President Anna \
         Lind is due in Brussels on 21 March for the EU summit of 22 and 23 March.\nLind, on \
         her first trip abroad as president, will go on from Brussels to Prague and \
         Vienna.\nHer only other foreign trip this year was a visit to Estonia and Latvia in \
         January.",
    );
    assert!(
        has(&found, "visit", "2005-03-09", &["US", "BE"]),
        "{found:?}"
    );
    assert!(
        has(&found, "tour", "2005-03", &["FI", "CZ", "AT"]),
        "{found:?}"
    );
    assert!(
        has(&found, "tour", "2005-01", &["FI", "EE", "LV"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !(f.countries.iter().any(|c| c == "CZ")
                && f.countries.iter().any(|c| c == "EE"))),
        "{found:?}"
    );
}

#[test]
fn no_one_visits_their_own_state_so_the_official_there_is_the_host() {
    let found = extract(
        "2009-06-10",
        "OSLO, June 10 (Agency) - Swedish Prime Minister Anna Berg told reporters on Wednesday \
         that fishing quotas had come up in her talks with German Chancellor Karl Weber during \
         her visit to Berlin in March.",
    );
    let visit = first_of(&found, "visit");
    assert!(
        visit.date == "2009-03"
            && visit.countries.iter().any(|c| c == "SE")
            && visit.countries.iter().any(|c| c == "DE")
            && !visit.countries.iter().any(|c| c == "NO"),
        "{found:?}"
    );
}

#[test]
fn an_official_met_at_a_foreign_place_just_named_serves_that_places_state() {
    let found = extract(
        "2019-05-15",
        "LIMA, May 15 (Agency) - Chilean President Rosa Diaz held talks here on Wednesday \
         with Peruvian President Jorge Silva.\nDiaz will continue her journey to Bogota on \
         Thursday to meet President Ana Ruiz.\nShe travels on to Quito on Friday to meet \
         President Luis Mora.",
    );
    // Each onward stop is a visit to its own state, not a tour that takes in the
    // dateline's Peru through the official met there.
    assert!(
        has(&found, "visit", "2019-05-16", &["CL", "CO"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2019-05-17", &["CL", "EC"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .filter(|f| f.date != "2019-05-15")
            .all(|f| !f.countries.contains(&"PE".to_string())),
        "{found:?}"
    );
}

#[test]
fn arriving_at_the_airport_where_a_counterpart_welcomed_him_is_the_main_subjects_visit() {
    // The participle that opens the sentence hangs on "the Portuguese Head of State", not on
    // the counterpart of the "where" clause.
    let found = extract(
        "2019-11-14",
        "Maputo, 14 November 2019 (Agency) - Arriving on Wednesday evening at Maputo \
         International Airport, where he was welcomed by his Mozambican counterpart, the \
         Portuguese Head of State held talks this morning with President Filipe Nyusi.",
    );
    assert!(
        has_range(&found, "visit", "2019-11-13", "2019-11-14"),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2019-11-13", &["PT", "MZ"]),
        "{found:?}"
    );
}

#[test]
fn leaves_for_a_capital_where_he_is_expected_on_friday_is_a_visit_on_friday() {
    let found = extract(
        "2019-11-13",
        "Mr. Rebelo de Sousa of Portugal leaves Maputo this evening for Harare, where he is \
         expected on Friday, the second stop of a tour of southern Africa.",
    );
    assert!(
        has(&found, "visit", "2019-11-15", &["PT", "ZW"]),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.date == "2019-11-13"), "{found:?}");
}

#[test]
fn arriving_where_the_host_leader_welcomed_him_is_still_the_main_subjects_visit() {
    // The demonym inside the "where" clause is the host's; the traveller is named after it.
    let found = extract(
        "2019-11-14",
        "Maputo, 14 November 2019 (Agency) - Arriving on Wednesday evening at Maputo \
         International Airport, where the Mozambican leader welcomed him, the Portuguese Head \
         of State held talks this morning with President Filipe Nyusi.",
    );
    assert!(
        has_range(&found, "visit", "2019-11-13", "2019-11-14"),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2019-11-13", &["PT", "MZ"]),
        "{found:?}"
    );
}
