//! Who takes part, when older news or a long sentence names the parties in its own way:
//! states that no longer exist, places named in a clause of their own. Invented articles,
//! as in `extraction_rules.rs`.

use crate::extraction_rules::{extract, extract_headed, first_of, has, has_range, Found};

#[test]
fn a_state_that_no_longer_exists_is_its_successor_and_one_country_with_its_capital() {
    // EVENTS.md: current codes for predecessor names. "the Soviet Union ... in Moscow" is one
    // country, so a visit, not a tour of two.
    let found = extract(
        "1989-06-14",
        "BONN (AP) _ West German Chancellor Kurt Lindemann arrived in the Soviet Union on \
         Tuesday for a four-day visit and held talks with Soviet Foreign Minister Pavel Orlov \
         in Moscow.\nYugoslav President Ante Kovac will visit Czechoslovakia in July, his \
         office said.",
    );
    assert!(
        has_range(&found, "visit", "1989-06-13", "1989-06-16"),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "1989-06-13", &["DE", "RU"]),
        "{found:?}"
    );
    assert!(has(&found, "visit", "1989-07", &["RS", "CZ"]), "{found:?}");
    assert!(!found.iter().any(|e| e.kind == "tour"), "{found:?}");
}

#[test]
fn a_government_names_its_leader_in_apposition_and_signs_with_its_place_and_date() {
    // Irish style: "The Taoiseach, Mr X, T.D.," and a closing "Dublin, 14 March 2019": the
    // text is Ireland's, so its unnamed "Prime Minister" is Ireland's.
    let found = extract_headed(
        "2019-03-14",
        "Prime Minister meets Norwegian counterpart",
        "The Prime Minister, Mr Declan Foley, T.D., today met the Prime Minister of Norway, \
         Ms Ingrid Haugen, at Government Buildings.\nThe two leaders discussed energy links \
         and fisheries.\nDublin, 14 March 2019",
    );
    assert!(
        has(&found, "meeting", "2019-03-14", &["IE", "NO"]),
        "{found:?}"
    );
}

#[test]
fn an_itinerary_announced_today_is_its_dated_stops_whatever_former_leaders_it_names() {
    // "today announced that she will travel": today dates the announcement, not a trip; the
    // stops are dated on their own (EVENTS.md R3). "On May 3" is a date, not the modal
    // "may". "then Prime Minister Erik Berg" is the text's own former leader, not the other
    // side, so the text is still Sweden's.
    let found = extract_headed(
        "2019-04-20",
        "Prime Minister to travel to Japan and Korea",
        "The Prime Minister, Anna Lindqvist, today announced that she will travel to Japan \
         and South Korea to deepen trade ties.\nOn May 3, the Prime Minister will be in \
         Tokyo, where she will meet the Prime Minister of Japan, Taro Sato.\nOn May 5, the \
         Prime Minister will travel to Seoul, where she will meet the President of South \
         Korea, Park Min-ho.\nThe visit follows the trade talks in Stockholm in March, which \
         were attended by then Prime Minister Erik Berg.\n\"Sweden is deepening its ties \
         with reliable partners,\" said Anna Lindqvist, Prime Minister of Sweden.",
    );
    assert!(
        has(&found, "visit", "2019-05-03", &["SE", "JP"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2019-05-05", &["SE", "KR"]),
        "{found:?}"
    );
    assert!(!found.iter().any(|e| e.date == "2019-04-20"), "{found:?}");
}

#[test]
fn instruments_handed_over_documents_put_out_jointly_and_the_parts_of_a_state() {
    let found = extract(
        "2004-05-01",
        "VILNIUS, May 1 (Agency) - Lithuania became a member of the alliance on Saturday, \
         when Foreign Minister Rokas Vaitkus handed the instrument of his country's accession \
         to the treaty to US Secretary of State Helen Carter.\nThe foreign ministers of Chile \
         and Peru jointly unveiled a roadmap for border trade on Friday.\nIrish Foreign \
         Minister Sean Daly visited Northern Ireland on Thursday for talks on the Anglo-Irish \
         accord.",
    );
    assert!(
        has(&found, "agreement", "2004-05-01", &["LT", "US"]),
        "{found:?}"
    );
    assert!(
        has(&found, "statement", "2004-04-30", &["CL", "PE"]),
        "{found:?}"
    );
    // Northern Ireland is the United Kingdom's, not Ireland's.
    assert!(
        has(&found, "visit", "2004-04-29", &["IE", "GB"]),
        "{found:?}"
    );
}

#[test]
fn a_first_name_that_names_a_country_elsewhere_and_would_in_reported_speech() {
    // "Mauricio" is Mauritius in Spanish: between a title and a surname it is a first name.
    // "Officials said Vidal would meet ..." is a plan told in reported speech, not a
    // condition. "since he took office in December" dates his taking office, not the press
    // conference.
    let found = extract(
        "2016-03-23",
        "SANTIAGO, March 23 (Agency) - Uruguayan President Mauricio Vidal and Chilean \
         President Ana Rojas held talks today at La Moneda.\nOfficials said Vidal would meet \
         Foreign Minister Pedro Soto on Friday ahead of the forum.\nAt a joint news \
         conference, Rojas praised the reforms launched by Vidal since he took office in \
         December.",
    );
    assert!(
        has(&found, "meeting", "2016-03-23", &["UY", "CL"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2016-03-25", &["UY", "CL"]),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|e| e.countries.iter().any(|c| c == "MU") || e.date == "2015-12"),
        "{found:?}"
    );
}

#[test]
fn the_gathering_a_trip_attends_by_its_possessive_weekday_and_a_weekday_before_an_apposition() {
    // "to attend Tuesday's conference" on a Monday: the coming Tuesday, and the summit's
    // own day, not the arrival's. "On Thursday, the 30th anniversary of ..., Mori will ...":
    // the verb that sets the weekday's tense comes after a long apposition.
    let found = extract(
        "2010-07-19",
        "KABUL, July 19 (Agency) - Japanese Foreign Minister Kenji Mori arrived in Kabul on \
         Monday evening to attend Tuesday's international conference on Afghanistan.\nOn \
         Thursday, the 30th anniversary of the first border treaty between the two \
         neighbours, Mori will lay a wreath at the war memorial and then travel to Islamabad \
         for talks with Pakistani Prime Minister Imran Qadir.",
    );
    assert!(
        has(&found, "summit", "2010-07-20", &["JP", "AF"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2010-07-22", &["JP", "PK"]),
        "{found:?}"
    );
}

#[test]
fn a_gathering_named_after_its_city_takes_place_in_that_citys_state() {
    let found = extract(
        "2022-07-01",
        "OSLO, July 1 (Agency) - Norway was invited to the talks by the leaders at the Lisbon \
         Summit in June, Foreign Minister Kari Dahl said.",
    );
    assert!(has(&found, "summit", "2022-06", &["PT"]), "{found:?}");
}

#[test]
fn talks_placed_where_a_trip_does_not_go_are_their_own_and_a_day_of_last_year() {
    // Talks "in Minsk" are no stop of a tour of France, Kazakhstan and Spain, though they
    // share its traveller and a state. "on September 6 last year" is that day a year back.
    let found = extract(
        "2009-10-11",
        "TBILISI, Oct 11 (Agency) - Earlier this month, Georgian President Levan Beridze \
         visited France, Kazakhstan and Spain to meet business leaders.\nOn Thursday, \
         Beridze held talks with Kazakh President Nurlan Tokayev in Minsk on transit \
         routes.\nBeridze and Tokayev first met in Astana on September 6 last year.",
    );
    assert!(
        has(&found, "meeting", "2009-10-08", &["GE", "KZ", "BY"]),
        "{found:?}"
    );
    let tour = found.iter().find(|f| f.kind == "tour").expect("the tour");
    assert!(!tour.countries.iter().any(|c| c == "BY"), "{found:?}");
    assert!(
        has(&found, "meeting", "2008-09-06", &["GE", "KZ"]),
        "{found:?}"
    );
}

#[test]
fn a_release_that_opens_with_its_place_and_date_is_placed_there() {
    // "Lisbon, Tuesday 16 May 2023" on a line of its own: where the government writes from,
    // so its meeting "this morning" is in Lisbon. "ahead of the Summit that Lisbon is
    // hosting next week": next week is the summit's, not the meeting's.
    let found = extract_headed(
        "2023-05-16",
        "Prime Minister receives the President of Chile",
        "Lisbon, Tuesday 16 May 2023\nThe Prime Minister received the President of Chile, \
         Gabriel Soto, this morning at the Palace of Sao Bento, where the two leaders held a \
         working meeting ahead of the Ibero-American Summit that Lisbon is hosting next \
         week.\nThe two leaders discussed trade and renewable energy.",
    );
    let meetings: Vec<&Found> = found.iter().filter(|f| f.kind == "meeting").collect();
    assert_eq!(meetings.len(), 1, "{found:?}");
    assert_eq!(meetings[0].date, "2023-05-16", "{found:?}");
    assert_eq!(meetings[0].places, ["Lisbon"], "{found:?}");
    assert!(
        meetings[0].countries.iter().any(|c| c == "PT")
            && meetings[0].countries.iter().any(|c| c == "CL"),
        "{found:?}"
    );
}

#[test]
fn a_pair_counted_by_its_roles_the_same_day_and_then_carry_the_sentence_before() {
    // "the two heads of state signed", "On the same day, the foreign ministers issued": the
    // pair and the Tuesday of the meeting before. "Mena then met": the same day. "Rosa
    // Vidal de la Madrid" is a name, not Spain.
    let found = extract(
        "2011-06-10",
        "BOGOTA, June 10 (Agency) - Ecuadorian President Pablo Mena met Colombian President \
         Juan Ortega in Bogota on Tuesday.\nOfficials said the two heads of state signed a \
         border accord.\nOn the same day, the foreign ministers issued a joint declaration on \
         migration.\nMena then met Venezuelan Foreign Minister Rosa Vidal de la Madrid at the \
         Ecuadorian embassy.",
    );
    assert!(
        has(&found, "agreement", "2011-06-07", &["CO", "EC"]),
        "{found:?}"
    );
    assert!(
        has(&found, "statement", "2011-06-07", &["CO", "EC"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2011-06-07", &["EC", "VE"]),
        "{found:?}"
    );
    assert!(
        found.iter().all(|f| !f.countries.iter().any(|c| c == "ES")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.actors.iter().any(|a| a == "Rosa Vidal de la Madrid")),
        "{found:?}"
    );
}

#[test]
fn a_town_several_states_share_is_the_one_in_the_state_the_story_is_about() {
    // Freeport and Dundalk are larger in the United States than in the Bahamas and Ireland;
    // a reader of a story about Bahamians and the Irish does not go to America.
    let found = extract(
        "1996-02-10",
        "FREEPORT, Feb. 10 (Agency) - Canadian Prime Minister Paul Tremblay arrived here on \
         Saturday for a two-day official visit and held talks with Bahamian Prime Minister \
         Hubert Knowles.\nOn Friday, Irish Prime Minister Sean Doyle met British Prime \
         Minister Alan Marsh in Dundalk.",
    );
    assert!(
        has(&found, "visit", "1996-02-10", &["CA", "BS"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "1996-02-09", &["IE", "GB"]),
        "{found:?}"
    );
    assert!(
        found.iter().all(|f| !f.countries.iter().any(|c| c == "US")),
        "{found:?}"
    );
}

#[test]
fn he_who_is_to_be_received_is_the_traveller_and_the_days_after_stay_ahead() {
    // "In Valletta he met ...": the subject is "he", so the next "He" is the traveller named
    // before, not the host met; "is to be received by" is a meeting; "before attending ...
    // on Thursday" and "on Friday and Saturday" are as far ahead as the Wednesday; "in less
    // than three weeks" is the time between two meetings, not the length of one.
    let found = extract(
        "2014-06-03",
        "VALLETTA, June 3 (Agency) - Chilean President Pablo Soto arrived in Malta on Monday \
         from Tunis, where he had attended the Mediterranean Forum on Sunday.\nIn Valletta he \
         met Maltese President Anton Borg and Prime Minister Karl Vella, and he leaves Malta \
         this afternoon.\nHe is to be received by King Albert Dupont of Belgium in Brussels on \
         Wednesday, before attending the NATO summit in Brussels on Thursday and the Group of \
         Seven summit in Rome, Italy, on Friday and Saturday.\nThe meeting was the second \
         between the two presidents in less than three weeks, after their talks in Santiago on \
         May 20.",
    );
    assert!(
        has(&found, "meeting", "2014-06-04", &["CL", "BE"]),
        "{found:?}"
    );
    assert!(has(&found, "summit", "2014-06-05", &["BE"]), "{found:?}");
    assert!(
        has_range(&found, "summit", "2014-06-06", "2014-06-07"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.date == "2014-05-20" && f.end.is_none()),
        "{found:?}"
    );
}

#[test]
fn leaders_who_last_met_at_a_summit_met_as_the_summit_did_in_its_month() {
    // "last met at the ... Summit in February this year": one engagement, the summit, in
    // February; not talks on the report's day ("last" and "this year" are no length).
    let found = extract(
        "2016-07-29",
        "OSLO, July 29 (Agency) - Norwegian Prime Minister Ola Berg will pay an official visit \
         to Kenya from 31 July to 5 August.\nBerg and Kenyan President John Kamau last met at \
         the Nordic-African Leaders' Summit in Copenhagen in February this year.",
    );
    assert!(has(&found, "summit", "2016-02", &["NO", "KE"]), "{found:?}");
    assert!(!found.iter().any(|f| f.kind == "meeting"), "{found:?}");
}

#[test]
fn a_president_of_the_republic_named_bare_is_the_texts_own_and_a_newspaper_speaks_for_none() {
    // "President of the Republic Tarja Halonen" opens a presidency's text: its state is
    // hers, so "the President" who spoke with the American is Finland's, and the text is no
    // U.S. one though it names a U.S. president.
    let found = extract_headed(
        "2005-05-15",
        "President Halonen: a new partnership",
        "President of the Republic Tarja Halonen and Prime Minister Anna Virtanen held a joint \
         press conference in Helsinki on Sunday 15 May 2005.\nOn Saturday the President spoke \
         by telephone with President George W. Bush.",
    );
    assert!(
        has(&found, "call", "2005-05-14", &["FI", "US"]),
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.kind != "meeting"), "{found:?}");
    // "From Our Diplomatic Staff": a newspaper's byline, so neither the White House it names
    // nor the place it files from takes part; "the British Prime Minister, Mrs Anne Hale."
    // closes with the sentence.
    let found = extract_headed(
        "1995-02-23",
        "Border accord signed at Castle Leslie",
        "From Our Diplomatic Staff, in Geneva\nThe border accord was signed at Castle Leslie \
         yesterday by the Taoiseach, Dr Sean Kelly, and the British Prime Minister, Mrs Anne \
         Hale.\nThe White House said President Clinton welcomed the accord.\nThe accord follows \
         talks at Farmleigh in 1993 between Mrs Hale and Mr Albert Reynolds, the then \
         Taoiseach.",
    );
    assert!(has(&found, "meeting", "1993", &["GB", "IE"]), "{found:?}");
    assert!(
        found
            .iter()
            .all(|f| !f.countries.iter().any(|c| c == "US" || c == "CH")),
        "{found:?}"
    );
}

#[test]
fn the_head_of_our_state_is_the_agencys_and_the_two_leaders_are_the_pair_named_with_them() {
    // A national agency's "Head of our state" is its own state's leader. "The two leaders"
    // are the two named leaders of the talks, not the states of the trip or the forum in
    // between (the forum, with three states, is the nearest report naming both sides).
    let found = extract(
        "2019-05-12",
        "BISHKEK (UzA) \u{2013} President of the Republic of Uzbekistan Anvar Tursunov and \
         President of the Kyrgyz Republic Bakyt Osmonov held talks here on 12 May.\nIn March \
         last year, the Head of our state paid a state visit to Armenia.\nIn April, \
         Turkmenistan, Kazakhstan and Tajikistan held a regional forum in Dushanbe.\nThe two \
         leaders will meet again in Astana on 20 May.",
    );
    assert!(
        found.iter().any(|f| f.date == "2018-03"
            && f.countries.iter().any(|c| c == "UZ")
            && f.countries.iter().any(|c| c == "AM")),
        "{found:?}"
    );
    let astana = found.iter().find(|f| f.date == "2019-05-20");
    assert!(
        astana.is_some_and(|f| f.countries.iter().any(|c| c == "UZ")
            && f.countries.iter().any(|c| c == "KG")
            && !f.countries.iter().any(|c| c == "AM" || c == "TM")),
        "{found:?}"
    );
}

#[test]
fn the_states_that_hold_a_gathering_and_the_presidents_listed_at_it_take_part() {
    let found = extract(
        "2019-04-20",
        "DUSHANBE, April 20 (Agency) - Turkmenistan, Kazakhstan and Tajikistan held a regional \
         water forum in Dushanbe on Saturday.",
    );
    assert!(
        has(&found, "summit", "2019-04-20", &["TM", "KZ", "TJ"]),
        "{found:?}"
    );
    // The members listed after the gathering: "were the presidents of Peru, ...".
    let found = extract(
        "2011-12-03",
        "LA PAZ, Dec 3 (Agency) - The Andean summit closed in La Paz on Saturday.\nAmong the \
         leaders at the summit, held at the Palacio Quemado, were the presidents of Peru, \
         Jorge Silva; Chile, Rosa Diaz; and Ecuador, Juan Mora.",
    );
    assert!(
        has(&found, "summit", "2011-12-03", &["BO", "PE"]),
        "{found:?}"
    );
}

#[test]
fn a_council_of_states_told_with_where_or_when_it_sits_is_a_summit() {
    let found = extract(
        "2014-05-20",
        "OSLO, May 20 (Agency) - Leaders will gather at the European Council in Dublin on 26 \
         and 27 June to settle the budget, the minister said.\nOn Monday she will brief her \
         colleagues at the General Affairs Council in Vienna.\nA further meeting of the \
         European Council will be held in Tallinn in October.\nThe European Council has long \
         backed the plan.",
    );
    assert!(has(&found, "summit", "2014-06-26", &["IE"]), "{found:?}");
    assert!(has(&found, "summit", "2014-05-26", &["AT"]), "{found:?}");
    assert!(has(&found, "summit", "2014-10", &["EE"]), "{found:?}");
    // The body named on its own sits nowhere: no more events than the three sittings.
    assert_eq!(found.len(), 3, "{found:?}");
    // "Both meetings" are ones already told: only the council they prepared is new.
    let found = extract(
        "2004-03-31",
        "ROME, March 31 (Agency) - The foreign ministers of Italy and Spain met in Rome on \
         Monday.\nBoth meetings prepared the ground for the European Council in Brussels on 12 \
         and 13 December 2003.",
    );
    assert!(
        has_range(&found, "summit", "2003-12-12", "2003-12-13"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| f.kind != "meeting" || f.date == "2004-03-29"),
        "{found:?}"
    );
}

#[test]
fn a_surname_may_open_with_a_particle_and_the_commissions_president_is_the_unions() {
    let found = extract(
        "2021-03-06",
        "Lisbon, 6 March 2021 - The Prime Minister and the President of the European \
         Commission, Greta van der Berg, on Saturday opened the new port terminal.\nPresident \
         van der Berg is in Lisbon on a two-day visit that began this morning.",
    );
    // She comes from the Union, not from the dateline's state: a visit to Portugal.
    let visit = found.iter().find(|f| f.kind == "visit");
    assert!(
        visit.is_some_and(|f| f.date == "2021-03-06"
            && f.countries == ["PT"]
            && f.actors.iter().any(|a| a == "Greta van der Berg")),
        "{found:?}"
    );
}

#[test]
fn a_ministry_that_signs_its_release_speaks_for_its_state() {
    let found = extract_headed(
        "2019-05-03",
        "Minister returns from Pacific Alliance meeting",
        "Press release\nMay 3, 2019 - Lima, Peru - Ministry of Foreign Affairs of Norway\nToday \
         the Honourable Kari Lunde, Foreign Minister, returned from the Pacific Alliance \
         Ministerial Meeting, which was held in Lima, Peru, from May 1 to 3, 2019.\nWhile in \
         Lima, Minister Lunde also had talks with Chile's Foreign Minister, Pablo Soto, on May \
         2.\nObservers at the Alliance include the United States and Canada.\nFor media \
         enquiries\nPress Office\nMinistry of Foreign Affairs of Norway",
    );
    // Norway's minister, at one meeting held where the clause after it says, and by her
    // name without the honorific.
    let summits: Vec<_> = found.iter().filter(|f| f.kind == "summit").collect();
    assert_eq!(summits.len(), 1, "{found:?}");
    assert!(
        has_range(&found, "summit", "2019-05-01", "2019-05-03")
            && summits[0].countries.contains(&"NO".to_string())
            && summits[0].countries.contains(&"PE".to_string())
            && summits[0].actors == ["Kari Lunde"],
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2019-05-02", &["NO", "CL"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !f.countries.contains(&"US".to_string())),
        "{found:?}"
    );
}

#[test]
fn a_treaty_the_counted_states_signed_in_a_clause_after_it_is_theirs() {
    let found = extract(
        "1991-10-08",
        "BAMAKO, Oct 8 (Agency) - President Amadou Keita of Mali, President Ibrahima Camara of \
         Guinea and President Moussa Ndiaye of Senegal met here on Tuesday.\nThe three \
         presidents signed a river basin accord.\nThe basin authority was founded under the \
         Treaty of Rosso, which the three governments signed in Nouakchott in March 1972.",
    );
    assert!(
        has(&found, "agreement", "1991-10-08", &["ML", "GN", "SN"]),
        "{found:?}"
    );
    assert!(
        has(&found, "agreement", "1972-03", &["ML", "GN", "SN"]),
        "{found:?}"
    );
    // With no comma, the document right before "that"; not one prepared for signing.
    let found = extract(
        "1994-07-06",
        "TALLINN, July 6 (Agency) - President Kalev Tamm said Estonia expected Moscow to honour \
         the border agreement that he and Russian President Pavel Orlov signed in Moscow on \
         April 30.\nPresident Orlov left unsigned the trade agreement that officials had readied \
         for signing.",
    );
    assert!(
        has(&found, "agreement", "1994-04-30", &["EE", "RU"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_kingdom_in_a_text_from_a_kingdom_is_that_state() {
    let found = extract_headed(
        "2023-06-08",
        "Minister receives US Secretary",
        "Amman, June 08, 2023 -- The Minister of Foreign Affairs affirmed today the depth of \
         relations with the United States.\nHe recalled the joint declaration that the \
         Kingdom, Egypt and Iraq signed in Baghdad on 25 March.",
    );
    assert!(
        has(&found, "statement", "2023-03-25", &["JO", "EG", "IQ"]),
        "{found:?}"
    );
}

#[test]
fn the_president_after_a_sentence_naming_two_is_the_one_the_article_is_about() {
    let found = extract(
        "2011-09-14",
        "ABUJA, Sept 14 (Agency) - President Aliyu Bakare returned on Wednesday from Accra, \
         where he held talks with President Kofi Mensah of Ghana on Tuesday.\nThe President \
         will receive Prime Minister Edem Kodjo of Togo at the State House on Friday.\nThe \
         President will also chair a meeting of the Federal Executive Council on Thursday.",
    );
    assert!(
        has(&found, "meeting", "2011-09-16", &["NG", "TG"]),
        "{found:?}"
    );
    // The council is his own cabinet: no engagement, and nothing more with Ghana.
    assert!(
        found
            .iter()
            .all(|f| f.date == "2011-09-13" || !f.countries.iter().any(|c| c == "GH")),
        "{found:?}"
    );
}

#[test]
fn they_after_an_opening_phrase_are_the_subjects_of_the_sentence_before() {
    let found = extract(
        "2019-10-02",
        "Vienna, 02.10.2019 - Austria is hosting a conference on climate finance this week, \
         attended by the heads of state of Chile and Ghana.\nPresident Anton Brandl and Foreign \
         Minister Klara Hofer received President Ana Rojas of Chile on Tuesday.\nIn the evening, \
         at the embassy, they also held a meeting with President Kwame Asante of Ghana.",
    );
    // "they" are Brandl and Hofer (Austria), not the Chilean guest of the sentence before.
    assert!(
        has(&found, "meeting", "2019-10-01", &["AT", "GH"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2019-10-01", &["AT", "CL"]),
        "{found:?}"
    );
}

#[test]
fn a_date_set_off_by_dashes_after_the_dateline_is_the_dispatchs() {
    // The signing was on the Saturday; the dispatch is dated Sunday.
    for date in ["09.03.2014", "March 9, 2014"] {
        let found = extract(
            "2014-03-09",
            &format!(
                "GENEVA (Agency) - {date} - Peru and Chile have signed a fisheries accord after a \
                 long dispute.\nThe Peruvian and Chilean negotiators signed it on Saturday at the \
                 Palais des Nations."
            ),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            has(&found, "agreement", "2014-03-08", &["PE", "CL"]),
            "{found:?}"
        );
    }
}

#[test]
fn in_a_leaders_own_words_we_are_the_sides_of_the_occasion_and_my_visit_is_theirs() {
    // A first-person release that names its own state only by the capital it welcomes to.
    let found = extract_headed(
        "2016-05-12",
        "Statement by the Prime Minister",
        "I was pleased to welcome President Tomas Varga of Slovakia to Wellington today.\nWe \
         held talks on trade, and afterwards we signed four agreements on education and \
         science.\nWe also adopted a joint declaration on climate.\nOur talks built on my \
         official visit to Bratislava on 3-4 October last year.",
    );
    for kind in ["meeting", "agreement", "statement"] {
        assert!(
            has(&found, kind, "2016-05-12", &["NZ", "SK"]),
            "{kind}: {found:?}"
        );
    }
    assert!(
        has_range(&found, "visit", "2015-10-03", "2015-10-04")
            && has(&found, "visit", "2015-10-03", &["NZ", "SK"]),
        "{found:?}"
    );
    // A national agency's copy of its own leader's words.
    let found = extract(
        "2016-05-12",
        "ASTANA, 12 May (Kazinform) - President Nursan Abenov spoke to journalists after the \
         talks.\n\"It is a pleasure to see my Kyrgyz colleague Almaz Turgunov in Astana \
         again.\nThis morning we held talks in a small circle.\nAfterwards we signed twelve \
         accords.\nLast October my own trip to Bishkek opened this new chapter.\"",
    );
    assert!(
        has(&found, "agreement", "2016-05-12", &["KZ", "KG"]),
        "{found:?}"
    );
    assert!(has(&found, "visit", "2015-10", &["KZ", "KG"]), "{found:?}");
    // A wish to welcome is no welcome.
    let found = extract(
        "2025-01-28",
        "WASHINGTON (Agency) - President Dana Hill spoke by telephone with Prime Minister Ravi \
         Menon of India on Monday, and said he hoped to welcome the Prime Minister to \
         Washington.",
    );
    assert!(
        !found.is_empty() && found.iter().all(|f| f.kind == "call"),
        "{found:?}"
    );
}

#[test]
fn capitals_are_known_with_or_without_accents_and_a_palace_is_no_town() {
    let found = extract(
        "2012-05-08",
        "BOGOTA, May 8 (Agency) - The Foreign Minister of Ghana, Kwame Asante, arrived in \
         Bogotá on Monday for a two-day official visit.\nOn Tuesday he held talks with Foreign \
         Minister Maria Restrepo of Colombia at the Palacio de San Carlos.",
    );
    let visit = first_of(&found, "visit");
    assert_eq!(visit.countries, ["GH", "CO"], "{found:?}");
    // One place, as the text writes it, not also the dateline's spelling.
    assert_eq!(visit.places, ["Bogotá"], "{found:?}");
    // "Palacio" is also a town in Spain; here it begins the palace's name.
    assert!(
        found.iter().all(|f| !f.countries.iter().any(|c| c == "ES")),
        "{found:?}"
    );
}

#[test]
fn a_news_sites_publishing_stamp_marks_a_newspaper_that_speaks_for_no_state() {
    let found = extract(
        "2015-03-02",
        "PUBLISHED : 2 MAR 2015 AT 08:40\nThai Prime Minister Somchai Wong held talks with \
         Indian Prime Minister Ravi Menon on Sunday.\nUS President Dana Hill skipped the \
         regional meetings this year.",
    );
    let meeting = first_of(&found, "meeting");
    assert_eq!(meeting.countries, ["TH", "IN"], "{found:?}");
}

#[test]
fn in_a_national_agencys_copy_a_second_prime_minister_is_the_other_sides() {
    let found = extract(
        "2019-02-10",
        "ZAGREB, Feb 10 (HINA) - The foreign ministers of Croatia and Slovenia signed a protocol \
         on fishing rights on Sunday, watched by Prime Minister Ivo Maric and Prime Minister \
         Luka Novak.\nMaric and Novak then had a working dinner at the government palace.",
    );
    assert!(
        has(&found, "meeting", "2019-02-10", &["HR", "SI"]),
        "{found:?}"
    );
}

#[test]
fn a_state_that_takes_part_in_a_gathering_is_one_of_its_parties() {
    let found = extract(
        "2016-03-02",
        "VILNIUS, March 2 (Agency) - Latvia will be represented at the Oslo summit of the \
         Baltic states on 23-25 April by its prime minister.\nKenyan President Samuel Kiprop \
         attended the donors conference on Sudan, held in Oslo in February.\nThe minister \
         flew on Monday to the regional forum in Accra, Ghana, where Norway took part as an \
         observer.",
    );
    // The state that is the subject attends; the host is the place after the gathering.
    assert!(
        has(&found, "summit", "2016-04-23", &["LV", "NO"]),
        "{found:?}"
    );
    // Where it was held is told after its topic ("on Sudan").
    assert!(has(&found, "summit", "2016-02", &["KE", "NO"]), "{found:?}");
    // ", where Norway took part": an observer at the gathering is one of its parties.
    assert!(
        has(&found, "summit", "2016-02-29", &["GH", "NO"]),
        "{found:?}"
    );
}

#[test]
fn a_release_in_its_officials_own_voice_speaks_for_the_official_it_opens_with() {
    let found = extract(
        "2019-05-15",
        "Lima, 15 May 2019 – Chilean President Rosa Diaz issued these remarks to reporters \
         at the palace after talks with President of Peru Jorge Silva.\nI held talks with \
         President Jorge Silva here this morning on trade and water.\nOn Tuesday I was in \
         Quito, where I had lunch with President Luis Mora of Ecuador.\nI will continue my \
         journey to Bogota on Thursday to meet President Ana Ruiz of Colombia.",
    );
    // "I" is the Chilean president the release opens with, not the place-line's Peru.
    assert!(
        has(&found, "visit", "2019-05-14", &["CL", "EC"]),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2019-05-16", &["CL", "CO"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2019-05-15", &["CL", "PE"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !(f.countries.contains(&"EC".to_string())
                && f.countries.contains(&"PE".to_string()))),
        "{found:?}"
    );
}

#[test]
fn officials_met_separately_by_name_alone_are_separate_meetings() {
    let found = extract(
        "2021-03-04",
        "BRASILIA, March 4 (Agency) - Chilean President Rosa Diaz and Peruvian President \
         Jorge Silva arrived here on Monday for the Amazon summit.\nOn Tuesday, Brazilian \
         President Ana Lima received Diaz and Silva separately at her office.",
    );
    let tuesday: Vec<_> = found
        .iter()
        .filter(|f| f.kind == "meeting" && f.date == "2021-03-02")
        .collect();
    // Known from the sentence before, "Diaz and Silva" are two sides met one by one.
    assert_eq!(tuesday.len(), 2, "{found:?}");
    assert!(
        has(&found, "meeting", "2021-03-02", &["BR", "CL"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2021-03-02", &["BR", "PE"]),
        "{found:?}"
    );
}

#[test]
fn a_presidency_that_says_our_country_speaks_for_its_president_and_between_names_a_treatys_parties()
{
    let found = extract(
        "2021-05-04",
        "President of the Republic of Chile Rosa Diaz began a state visit to Peru in Lima on \
         May 4.\nIt is the first trip abroad for the head of our state this year.\nPresident \
         of Peru Jorge Silva welcomed her at the airport.\nThe delegations then held talks at \
         the palace.\nAfterwards the heads of state signed a Treaty on Good Neighbourliness \
         between the Republic of Chile and Peru.\nPresident Silva was invited to come to \
         Chile, and accepted without fixing a date.\nThe President of our country will pay a \
         state visit to Bolivia on June 10-11.",
    );
    assert!(
        has(&found, "agreement", "2021-05-04", &["CL", "PE"]),
        "{found:?}"
    );
    // "Our country" is Chile, whose president the text opens with, not the host named last.
    assert!(
        has_range(&found, "visit", "2021-06-10", "2021-06-11"),
        "{found:?}"
    );
    assert!(
        has(&found, "visit", "2021-06-10", &["CL", "BO"]),
        "{found:?}"
    );
}

#[test]
fn a_councils_numbered_session_and_a_session_leaders_attend_are_summits() {
    let found = extract(
        "2011-11-20",
        "Lima, 20 November 2011 – The Andean Council ended its Ninth Session here today \
         after two days.\nThe session was attended by the leaders of the Republic of Chile, \
         the Plurinational State of Bolivia, the Republic of Ecuador and the Republic of \
         Colombia.\nAn earlier session, held in Quito in May 2010, was attended by the \
         President of the Federative Republic of Brazil, Ana Souza, as a guest.",
    );
    // Every state listed in its own style ("the Republic of ...") attends.
    assert!(
        has(
            &found,
            "summit",
            "2011-11-20",
            &["PE", "CL", "BO", "EC", "CO"]
        ),
        "{found:?}"
    );
    assert!(has(&found, "summit", "2010-05", &["EC", "BR"]), "{found:?}");
}

#[test]
fn an_agreement_signed_with_one_state_was_signed_by_the_sentences_subject() {
    let found = extract(
        "2001-06-13",
        "LIMA, June 13 (Agency) - For Peru, the quarrel ended long ago, after the peace \
         agreement signed with the Republic of Ecuador in 1998.",
    );
    assert!(has(&found, "agreement", "1998", &["PE", "EC"]), "{found:?}");
}

#[test]
fn a_government_that_names_its_own_state_most_speaks_for_it_though_it_names_one_of_its_ministers_with_it(
) {
    // No dateline: a government's own text. "the Minister of Trade of Norway, X" names one
    // of its own people with the state, but "in Norway", "Norway's ties" and "to Norway" make
    // Norway the text's own, not Sweden, named once as a place.
    let found = extract_headed(
        "2019-09-04",
        "Prime Minister receives Canadian minister",
        "Prime Minister Sigrid Dahl today received Paul Moreau, Foreign Minister of Canada, at \
         her office.\nMoreau is in Norway for two days of talks. On Tuesday he saw the Minister \
         of Trade of Norway, Erik Lund, in Bergen.\nThe Prime Minister said that Norway's ties \
         with Canada are strong. It is the first visit by a Canadian foreign minister to Norway \
         since 2011.\nLater today the Prime Minister travels to Gothenburg, Sweden, to address \
         a business congress.",
    );
    assert!(
        found.iter().any(|f| f.date == "2019-09-04"
            && f.countries.contains(&"NO".to_string())
            && f.countries.contains(&"CA".to_string())),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|f| !(f.countries.contains(&"SE".to_string())
                && f.countries.contains(&"CA".to_string()))),
        "{found:?}"
    );
}

#[test]
fn a_leader_and_his_foreign_counterpart_serve_different_states() {
    // Kitwana is named with no state; "his Kenyan counterpart" says he is not Kenya's, and
    // the state the text names most after Kenya is his.
    let found = extract(
        "1996-05-03",
        "NAIROBI, May 3 (Agency) - President Juma Kitwana and his Kenyan counterpart John \
         Kamau opened a new border post today, which Tanzania hopes will double its trade with \
         Kenya.\nKitwana held an hour-long meeting with Kamau at State House on Thursday.\n\
         Tanzania and Kenya have quarrelled over the road for years, and Tanzania has asked \
         for funds.",
    );
    assert!(
        has(&found, "meeting", "1996-05-02", &["TZ", "KE"]),
        "{found:?}"
    );
}

#[test]
fn the_head_of_state_is_the_one_the_text_introduced_so_not_the_last_president_named() {
    // "The Head of State, X," introduces him; a Chilean president named in between does
    // not become "the Head of State" of the later sentence.
    let found = extract(
        "2003-09-14",
        "Quito, 14/09 (Agency).- The Head of State, Rafael Ortiz, returned to Quito this \
         morning from Lima, Peru, where he attended the Andean summit on Saturday.\nThe \
         summit was chaired by the Chilean President, Ricardo Lagos.\nThe Head of State is \
         expected in Bogota on Tuesday for talks with President Alvaro Uribe.",
    );
    let talks = first_of(&found, "visit");
    assert_eq!(talks.date, "2003-09-16", "{found:?}");
    assert!(talks.countries.contains(&"CO".to_string()), "{found:?}");
    assert!(!talks.countries.contains(&"CL".to_string()), "{found:?}");
    assert!(
        talks.actors.contains(&"Rafael Ortiz".to_string()),
        "{found:?}"
    );
}

#[test]
fn the_head_of_state_also_spoke_is_the_president_named_before_in_a_second_call() {
    let found = extract(
        "2011-12-30",
        "Today, President of the Republic of Moldova Ion Rusu held a telephone conversation \
         with President of Romania Traian Basescu.\nEarlier in the day, the Head of State also \
         spoke by telephone with President of Ukraine Viktor Yanukovych.",
    );
    assert!(
        has(&found, "call", "2011-12-30", &["MD", "RO"]),
        "{found:?}"
    );
    assert!(
        has(&found, "call", "2011-12-30", &["MD", "UA"]),
        "{found:?}"
    );
}
