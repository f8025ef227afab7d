//! When an engagement took place, where the words that date it are not simply beside it:
//! a day in a year counted from the report's, a noun after a possessive, the eve of a
//! gathering. Invented articles, as in `extraction_rules.rs`.

use crate::extraction_rules::{extract, extract_headed, has, has_range};

#[test]
fn the_eve_of_a_summit_a_possessive_visit_and_a_day_first_date_last_year_are_read_as_written() {
    // "on April 1 last year, on the eve of the ... summit": the meeting on the 1st, the
    // summit the day after; "during Abenov's visit ... in July" is last July (a noun after a
    // possessive is no present tense telling what is to come); "16 April last year" is one
    // date, in last year.
    let found = extract(
        "2010-03-26",
        "MOSCOW, March 26 (Agency) - Kazakh President Nurlan Abenov and Polish President Jan \
         Wisniewski first met in Warsaw on April 1 last year, on the eve of the European energy \
         summit.\nThey signed a joint declaration during Abenov's visit to Warsaw in July.\nIn \
         Astana on 16 April last year, together with Foreign Minister Aigul Serikova, I signed \
         the agreement with Polish Prime Minister Tomasz Nowak.",
    );
    assert!(
        has(&found, "meeting", "2009-04-01", &["KZ", "PL"]),
        "{found:?}"
    );
    assert!(
        has(&found, "summit", "2009-04-02", &["KZ", "PL"]),
        "{found:?}"
    );
    assert!(has(&found, "visit", "2009-07", &["KZ", "PL"]), "{found:?}");
    assert!(
        has(&found, "agreement", "2009-04-16", &["KZ", "PL"]),
        "{found:?}"
    );
    assert!(
        found.iter().all(|f| !f.date.starts_with("2010")),
        "{found:?}"
    );
}

#[test]
fn words_that_came_a_day_after_a_signing_date_it_the_day_before() {
    // "His remarks came a day after ... signed": the remarks are of Saturday, so the
    // signing was on Friday.
    let found = extract(
        "2019-06-15",
        "QUITO, June 15 (Agency) - Ecuadorean Foreign Minister Ana Lucero said on Saturday \
         that relations with Lima were on a sound footing.\nHer remarks came a day after \
         Ecuadorean Trade Minister Jorge Paz and Peruvian Trade Minister Rosa Vidal signed a \
         joint statement in Lima.",
    );
    assert!(
        has(&found, "statement", "2019-06-14", &["EC", "PE"]),
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.date != "2019-06-15"), "{found:?}");
}

#[test]
fn two_months_after_talks_dates_them_and_the_first_visit_in_a_decade_is_not_in_ten_years() {
    // "met ... in September, two months after their talks at the Andean summit": the summit
    // was in July; "the first visit ... in a decade" is no date ten years on.
    let found = extract(
        "2001-12-01",
        "LIMA, Dec 1 (Agency) - Bolivian President Carlos Mendez is to be received at the \
         border by Peruvian President Luis Ortega and will stay in Lima until Sunday, the first \
         visit to Peru by a Bolivian president in a decade.\nMendez and Ortega met on the \
         sidelines of the UN General Assembly in New York in September, two months after their \
         talks at the Andean summit in Quito.",
    );
    assert!(has(&found, "summit", "2001-07", &["BO", "PE"]), "{found:?}");
    assert!(
        found.iter().all(|f| !f.date.starts_with("2011")),
        "{found:?}"
    );
}

#[test]
fn an_agreement_signed_on_a_day_is_of_that_day_not_of_the_withdrawal_it_governs() {
    // "completed their withdrawal ... today, under an agreement signed by X and Y in Rome on
    // 12 March": the signing was on 12 March.
    let found = extract(
        "1996-09-30",
        "VIENNA, 30 September 1996 - The last Slovak units left Hungarian territory today, under \
         an agreement signed by President Imre Farkas and President Juraj Kral in Rome on 12 \
         March.",
    );
    assert!(
        has(&found, "agreement", "1996-03-12", &["HU", "SK"]),
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.date != "1996-09-30"), "{found:?}");
}

#[test]
fn the_first_visit_in_34_years_said_after_the_visit_is_no_date_34_years_on() {
    let found = extract(
        "2001-12-01",
        "LA PAZ, Dec 1 (Agency) - Bolivian President Carlos Mendez will leave for Lima on \
         Monday on a three-day official visit to Peru, the first by a Bolivian president in 34 \
         years.",
    );
    assert!(
        found.iter().all(|f| f.date.starts_with("2001")),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2001-12-03", &["BO", "PE"]),
        "{found:?}"
    );
}

#[test]
fn a_renewed_invitation_and_a_visit_that_was_postponed_are_no_engagements() {
    // Not the visit "at the invitation of" someone, which is one.
    let found = extract(
        "2022-08-27",
        "ALGIERS - Tunisian President Kamel Saidi renewed on Saturday his invitation to \
         President Omar Haddad to pay a state visit to Tunisia.\nA visit by then Tunisian Prime \
         Minister Leila Mansour, planned for April 2021, was postponed.\nAt the invitation of \
         President Haddad, Moroccan Prime Minister Aziz Benali will pay an official visit to \
         Algeria on Monday.",
    );
    assert!(
        has(&found, "visit", "2022-08-29", &["MA", "DZ"]),
        "{found:?}"
    );
    assert!(
        found.iter().all(|f| !f.countries.iter().any(|c| c == "TN")),
        "{found:?}"
    );
}

#[test]
fn a_wish_dated_in_the_past_was_not_fulfilled_and_a_modal_stops_at_that() {
    // The dateline ends its own line with the agency's name. "would never forget that ...
    // Nowak came to Kyiv": neither the modal nor the denial reaches into the clause after
    // "that". "had invited ... for the talks ... in May": a wish dated before the report,
    // no talks. "at the Emir's invitation he attended the summit": the summit was held.
    let found = extract_headed(
        "2021-06-15",
        "Presidents hold talks",
        "Rivne, June 15, UKRINFORM\nPresident of Poland Adam Nowak and President of Ukraine \
         Petro Kovalenko held talks here today.\nKovalenko said he would never forget that on \
         24 August last year Nowak came to Kyiv for the independence parade.\nNowak had \
         invited Kovalenko for the talks in Warsaw in a letter in May.\nKovalenko was in Doha \
         in May 2020 for talks, and at the Emir's invitation he attended the Gulf summit in \
         Doha in June 2020 as a guest.",
    );
    let today = found.iter().find(|f| f.date == "2021-06-15");
    assert!(
        today.is_some_and(|f| f.places.iter().any(|p| p == "Rivne")),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2020-08-24", &["PL", "UA"]),
        "{found:?}"
    );
    assert!(has(&found, "summit", "2020-06", &["UA", "QA"]), "{found:?}");
    assert!(found.iter().all(|f| f.date != "2021-05"), "{found:?}");
}

#[test]
fn the_years_a_plan_is_for_are_no_date_and_a_summit_that_was_postponed_is_none() {
    let found = extract(
        "2011-12-03",
        "SANTIAGO, Dec 3 (Agency) - The foreign ministers of Chile and Peru approved a joint \
         action plan for 2012.\nThe Arica summit of Chile and Peru had been planned for 9 \
         September, after the harvest and the elections, but was postponed because of the \
         floods.",
    );
    assert!(
        has(&found, "statement", "2011-12-03", &["CL", "PE"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_newspapers_dateline_with_a_weekday_dates_its_today() {
    // Published on Tuesday 13 March 1979; the story was written on the Monday.
    let found = extract_headed(
        "1979-03-13",
        "Border pact signed",
        "GABORONE, Monday\nPresident Kenneth Kaunda of Zambia and President Seretse Khama of \
         Botswana today signed a border agreement at State House.",
    );
    assert!(
        has(&found, "agreement", "1979-03-12", &["ZM", "BW"]),
        "{found:?}"
    );
}

#[test]
fn a_year_told_only_at_the_end_of_a_range_is_its_starts_too() {
    let found = extract(
        "2015-12-12",
        "TOKYO, Dec 12 (Agency) - President Ana Costa of Brazil spoke of her trip to Portugal \
         from October 28 to November 2 last year.\nShe also spoke of her trip to France from 3 \
         to 5 April last year.",
    );
    assert!(
        has_range(&found, "visit", "2014-10-28", "2014-11-02"),
        "{found:?}"
    );
    assert!(
        has_range(&found, "visit", "2014-04-03", "2014-04-05"),
        "{found:?}"
    );
}

#[test]
fn a_dateline_with_its_month_in_lower_case_still_dates_and_places_the_story() {
    let found = extract(
        "2019-03-15",
        "NAIROBI, 14 march 2019 (Agency)—Chilean President Rosa Diaz held talks here with \
         Prime Minister Ana Souza.",
    );
    assert!(
        has(&found, "meeting", "2019-03-14", &["CL", "KE"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.places.iter().any(|p| p == "Nairobi")),
        "{found:?}"
    );
}

#[test]
fn leaving_one_place_on_a_day_for_another_is_a_visit_there_that_day() {
    // "leaves Santiago on Friday for Lima, where he will hold talks": a visit to Peru on
    // Friday, made by the premier the sentence opens with, not by the host of the sentence
    // before; "where he opens a visit" is his too.
    let found = extract(
        "2018-10-10",
        "SANTIAGO, Oct 10 (Agency) - Canadian Prime Minister Paul Moreau held talks here on \
         Wednesday with Chilean President Elena Rojas.\nMoreau leaves Santiago on Friday for \
         Lima, where he will hold talks with Peruvian President Hugo Salas.\nRojas met \
         Uruguayan President Marta Diaz on Tuesday.\nMoreau then goes on from Lima to Quito, \
         where he opens a three-day official visit on Sunday.",
    );
    assert!(
        has(&found, "visit", "2018-10-12", &["CA", "PE"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2018-10-14", &["CA", "EC"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !(f.countries.contains(&"EC".to_string())
                && f.countries.contains(&"CL".to_string()))),
        "{found:?}"
    );
}

#[test]
fn leaving_for_a_city_where_a_summit_meets_on_two_named_days_is_the_summit_there() {
    // "for Riga, where she will attend the summit on Friday and Saturday": the trip is made
    // for the summit, so it is the summit's (EVENTS.md R4), held in Latvia, from Friday to
    // the Saturday after it (not the Saturday before). "Last week Einarsson went to Tallinn,
    // where he held talks ...": "he" is Einarsson, not the Norwegian of the sentence before;
    // and a forum's secretariat is an office, not a gathering.
    let found = extract(
        "2016-06-10",
        "OSLO, June 10 (Agency) - Norwegian Prime Minister Ingrid Lunde held talks here on \
         Thursday with Icelandic Prime Minister Jon Einarsson.\nLunde left the capital on \
         Thursday night for Riga, where she will attend the Baltic Sea Summit on Friday and \
         Saturday with eleven other heads of government.\nLast week Einarsson went to \
         Tallinn, where he held talks with Estonian Prime Minister Kalle Tamm before a lecture \
         at the Nordic Forum Secretariat.",
    );
    assert!(
        has(&found, "summit", "2016-06-10", &["NO", "LV"]),
        "{found:?}"
    );
    assert!(
        has_range(&found, "summit", "2016-06-10", "2016-06-11"),
        "{found:?}"
    );
    assert!(
        found.iter().all(
            |f| !(f.kind == "visit" && f.countries.contains(&"LV".to_string()))
                && f.date != "2016-06-04"
        ),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2016-05-30", &["IS", "EE"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !(f.countries.contains(&"NO".to_string())
                && f.countries.contains(&"EE".to_string()))),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|f| f.kind == "summit").count(),
        1,
        "{found:?}"
    );
}

#[test]
fn a_stay_told_after_an_arrival_from_there_ended_on_the_arrival_day() {
    // "landed in Madrid on Tuesday evening from Lisbon, after a three-day state visit to
    // Portugal": two trips, not one tour; the one to Portugal ran the three days up to
    // Tuesday (EVENTS.md R14), and the prime minister met on it is Portugal's, not the
    // dateline's.
    let found = extract(
        "2019-05-08",
        "MADRID, May 8 (Agency) - Brazilian President Ana Costa landed in Madrid on Tuesday \
         evening from Lisbon, after a three-day state visit to Portugal during which Prime \
         Minister Rui Lopes hosted her for talks.\nCosta will meet King Felipe on Thursday.",
    );
    assert!(
        has_range(&found, "visit", "2019-05-05", "2019-05-07")
            && has(&found, "visit", "2019-05-05", &["BR", "PT"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2019-05-07", &["BR", "ES"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !(f.countries.contains(&"ES".to_string())
                && f.countries.contains(&"PT".to_string()))),
        "{found:?}"
    );
}

#[test]
fn a_city_and_a_colon_opening_the_story_is_its_dateline() {
    // "Accra: ..." places the story, so "gathered here" is in Accra.
    let found = extract(
        "2018-03-21",
        "Accra: West African leaders gathered here on Wednesday for a summit of the Economic \
         Community of West African States, opened by Ghanaian President Kofi Mensah.\nGuinean \
         President Alpha Sow spoke at the summit.",
    );
    assert!(
        found
            .iter()
            .any(|f| f.kind == "summit" && f.places.iter().any(|p| p == "Accra")),
        "{found:?}"
    );
}

#[test]
fn an_official_who_brought_others_together_met_them_on_the_day_given() {
    // "brought together the foreign ministers of Chile and Peru in Cartagena on May 4": a
    // meeting of the three on May 4, not on the day the ministry spoke; a forum that
    // brought ministers together is no meeting of its chair's.
    let found = extract(
        "2019-06-12",
        "BOGOTA, June 12 (Agency) - Colombian Foreign Minister Ana Ruiz brought together the \
         foreign ministers of Chile and Peru in Cartagena on May 4 to ease their border \
         dispute, the ministry said on Wednesday.\nThe forum, chaired by President Luis Mora, \
         brought together ministers of 30 countries.",
    );
    assert!(
        has(&found, "meeting", "2019-05-04", &["CO", "CL", "PE"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn earlier_in_the_day_after_a_date_still_to_come_is_the_day_of_the_story() {
    // The sentence before names a day to come; "earlier in the day" with a past verb is the
    // report's day, not that one.
    let found = extract(
        "2016-12-30",
        "Today, President Emil Constantinescu of Romania held a telephone conversation with \
         President Georgi Parvanov of Bulgaria.\nParvanov accepted the invitation to come to \
         Bucharest on May 9, 2017.\nEarlier in the day, Constantinescu also spoke by telephone \
         with President Petru Lucinschi of Moldova.",
    );
    assert!(
        has(&found, "call", "2016-12-30", &["RO", "MD"]),
        "{found:?}"
    );
}

#[test]
fn a_visit_in_july_that_a_past_signing_happened_during_is_last_july() {
    // In March, "in July" of an event the text says already happened is last July, even
    // when the sentence ends on the month and the next one looks ahead.
    let found = extract(
        "2014-03-21",
        "President Jacob Zuma of South Africa and Chinese President Xi Jinping will open the \
         trade fair in Durban.\nThey signed a framework on port investment during Zuma's visit \
         to Beijing in July. Officials will sign more deals soon.",
    );
    assert!(has(&found, "visit", "2013-07", &["ZA", "CN"]), "{found:?}");
    assert!(!found.iter().any(|f| f.date == "2014-07"), "{found:?}");
}

#[test]
fn a_date_that_ends_the_meetings_conjunct_is_the_meetings_not_the_next_verbs() {
    // ", and issued a statement" follows the date; the meeting keeps it.
    let found = extract(
        "2019-06-29",
        "Nordic foreign ministers met their counterparts from Canada, Japan and Australia in \
         the Icelandic fishing town of Husavik on June 18, and issued a statement on Arctic \
         shipping.",
    );
    assert!(
        has(&found, "meeting", "2019-06-18", &["CA", "JP"]),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.date == "2019-06-29"), "{found:?}");
}
