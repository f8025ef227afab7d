//! Who met whom in agency copy: meetings "on separate occasions" with several leaders, a
//! clause that opens the sentence ("When meeting with X, Y said") and hangs on the subject
//! after it, and people named as "X of the Republic of Y". The articles are invented.

use crate::extraction_rules::{extract, extract_headed, first_of, has, has_range, Found};

#[test]
fn meetings_on_separate_occasions_are_one_meeting_per_counterpart() {
    let found = extract(
        "2009-05-12",
        "BRASILIA, May 12 (Agency) - Brazilian President Luiz Inacio Lula da Silva met, on \
         separate occasions, with four African leaders on Tuesday, including Jakaya Kikwete of \
         Tanzania, Armando Guebuza of Mozambique, Ellen Johnson Sirleaf of Liberia and John \
         Kufuor of Ghana.",
    );
    for other in ["TZ", "MZ", "LR", "GH"] {
        assert!(
            found.iter().any(|f| f.kind == "meeting"
                && f.date == "2009-05-12"
                && f.countries.len() == 2
                && f.countries.iter().any(|c| c == "BR")
                && f.countries.iter().any(|c| c == other)),
            "no meeting of BR and {other} alone: {found:?}"
        );
    }
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn met_separately_with_two_ministers_is_two_meetings() {
    let found = extract(
        "2010-02-03",
        "CANBERRA, Feb 3 (Agency) - Australian Foreign Minister Stephen Smith met separately \
         on Wednesday with Indonesian Foreign Minister Marty Natalegawa and Malaysian Foreign \
         Minister Anifah Aman.",
    );
    assert!(
        has(&found, "meeting", "2010-02-03", &["AU", "ID"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2010-02-03", &["AU", "MY"]),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.countries.len() > 2),
        "each meeting has its own two sides: {found:?}"
    );
}

#[test]
fn separate_talks_with_two_leaders_ahead_of_talks_the_host_holds_are_two_meetings() {
    // A national agency names its own president bare, the state hosting the talks after
    // them is not a third side met, and the dateline's place has a hyphen.
    let found = extract(
        "2012-03-06",
        "EL-TOR, March 6 (MENA) - President Adel Farouk held separate talks here on \
         Tuesday with Israeli Prime Minister Dan Ohrenstein and Palestinian President Karim \
         Nasser, ahead of a round of negotiations hosted by Egypt next week.",
    );
    assert!(
        has(&found, "meeting", "2012-03-06", &["EG", "IL"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2012-03-06", &["EG", "PS"]),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .filter(|f| f.date == "2012-03-06")
            .all(|f| f.countries.len() == 2),
        "each of Tuesday's meetings has its own two sides: {found:?}"
    );
}

#[test]
fn an_opening_clause_about_a_meeting_hangs_on_the_subject_after_it() {
    let found = extract(
        "2009-05-13",
        "BRASILIA, May 13 (Agency) - Brazilian President Luiz Inacio Lula da Silva received \
         four African leaders on Wednesday. When meeting with Tanzanian President Jakaya \
         Kikwete, Lula said trade would double. During a meeting with Mozambican President \
         Armando Guebuza, Lula praised the new railway. In his meeting with Liberian President \
         Ellen Johnson Sirleaf, Lula spoke of debt relief.",
    );
    for other in ["TZ", "MZ", "LR"] {
        assert!(
            has(&found, "meeting", "2009-05-13", &["BR", other]),
            "no meeting of BR and {other}: {found:?}"
        );
    }
    // "his meeting with" the third leader is not the meeting with the second.
    assert!(
        !found
            .iter()
            .any(|f| f.countries.iter().any(|c| c == "MZ") && f.countries.iter().any(|c| c == "LR")),
        "{found:?}"
    );
}

#[test]
fn a_leader_of_the_republic_of_a_country_serves_that_country() {
    let found = extract(
        "2009-05-14",
        "BEIJING, May 14 (Agency) - Chinese Premier Wen Jiabao met Joseph Kabila-Nkulu of the \
         Democratic Republic of Congo on Thursday. While meeting Kabila-Nkulu, Wen pledged \
         support for new roads.",
    );
    assert!(
        has(&found, "meeting", "2009-05-14", &["CN", "CD"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn the_second_and_final_day_of_a_summit_gives_its_first_day() {
    let found = extract(
        "2010-07-25",
        "KAMPALA, July 25 (Agency) - Trade and security dominated a second and final day of \
         a summit of African Union leaders here on Sunday.",
    );
    assert!(
        has_range(&found, "summit", "2010-07-24", "2010-07-25"),
        "{found:?}"
    );
}

#[test]
fn the_length_of_a_summit_said_in_a_plan_to_attend_it_spreads_its_opening_day() {
    let found = extract(
        "2010-10-16",
        "HANOI, Oct. 16 (Agency) - At the summit of the East Asian leaders that opened here \
         Saturday morning, Indonesian President Susilo Bambang Yudhoyono called for closer \
         cooperation with Japan. He is among 16 leaders to attend the two-day summit.",
    );
    assert!(
        has_range(&found, "summit", "2010-10-16", "2010-10-17"),
        "{found:?}"
    );
}

#[test]
fn a_round_of_talks_that_names_nobody_joins_the_talks_of_its_own_day() {
    let found = extract(
        "2009-02-16",
        "GENEVA, Feb. 16 (Agency) - Negotiators of Georgia and Russia will hold talks in \
         Geneva on Feb. 17 under UN mediation. The previous round ended without progress. \
         Diplomats said the gap remained wide. Observers expect little. Aid groups urged \
         calm. The border stayed quiet. The new round of talks will open on Feb. 17 and is \
         expected to last for two days.",
    );
    assert!(
        has_range(&found, "meeting", "2009-02-17", "2009-02-18"),
        "{found:?}"
    );
}

#[test]
fn a_document_named_twice_over_is_one_agreement() {
    let found = extract(
        "2001-06-08",
        "LONDON, June 8 (Agency) - A spokesman evoked the 1990 Joint Communique agreement \
         between Argentina and Britain, which restored diplomatic relations.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(has(&found, "agreement", "1990", &["AR", "GB"]), "{found:?}");
}

#[test]
fn leaders_who_met_at_a_gathering_are_the_gathering_dated_by_its_finer_date() {
    let found = extract(
        "2009-03-14",
        "CAIRO, March 14 (Agency) - The calm of 2008 and the success of the Aqaba Summit \
         were considered by many a turning point. The Aqaba Summit took place in June 2008 \
         when the leaders of Egypt, Jordan, Iraq and Syria met in Jordan's port city.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        has(&found, "summit", "2008-06", &["EG", "JO", "IQ", "SY"]),
        "{found:?}"
    );
}

#[test]
fn leaders_who_met_on_the_margins_of_a_gathering_are_a_meeting_of_their_own() {
    let found = extract(
        "2019-06-28",
        "OSAKA, June 28 (Agency) - On the margins of the G20 Summit, U.S. President Donald \
         Trump met today with the leaders of Japan, India and Australia.",
    );
    assert!(
        has(&found, "meeting", "2019-06-28", &["US", "JP", "IN", "AU"]),
        "{found:?}"
    );
}

#[test]
fn an_acronym_the_article_defines_for_a_states_party_serves_that_state() {
    let found = extract(
        "2008-03-12",
        "HAVANA, March 12 (Agency) - Vietnam will work with Cuba to deepen ties, a senior \
         official of the Communist Party of Vietnam (CPV) said here Wednesday. Nguyen Van \
         Minh, member of the Politburo of the CPV Central Committee, made the remark when \
         holding talks with Jose Ramon Machado, a party secretary. Minh said the two \
         countries share a long friendship. Minh arrived in Havana on Tuesday evening for a \
         three-day goodwill visit to Cuba.",
    );
    assert!(
        has(&found, "visit", "2008-03-11", &["VN", "CU"]),
        "{found:?}"
    );
}

#[test]
fn the_meeting_as_subject_is_the_gathering_of_the_sentence_before() {
    let found = extract(
        "2010-06-20",
        "LIMA, June 20 (Agency) - The fifth summit of the Andean leaders will open here on \
         June 22. The first Andean summit was held in May, 1989 at Cartagena, Colombia. The \
         meeting endorsed the idea of a customs union and approved a Declaration of \
         Principles on trade.",
    );
    assert!(has(&found, "summit", "1989-05", &["CO"]), "{found:?}");
    assert!(has(&found, "statement", "1989-05", &["CO"]), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|f| f.kind == "statement" && f.date != "1989-05"),
        "{found:?}"
    );
}

#[test]
fn a_gathering_set_for_a_city_takes_place_in_that_citys_state() {
    let found = extract(
        "2012-03-02",
        "BRUSSELS, March 2 (Agency) - Alliance members remain divided over the missile \
         shield. The issue is expected to dominate a NATO summit set for Chicago in May.",
    );
    assert!(has(&found, "summit", "2012-05", &["US"]), "{found:?}");
}

#[test]
fn receiving_a_states_money_is_no_meeting() {
    let found = extract(
        "2011-02-14",
        "Carmakers receive German loans amid French restructuring demands. Two carmakers \
         will receive bridge loans from the government of Germany, officials said on \
         Monday.",
    );
    assert!(!found.iter().any(|f| f.kind == "meeting"), "{found:?}");
}

#[test]
fn a_meeting_held_by_an_international_bodys_official_is_not_the_reporters_states() {
    // No dateline: read as a U.S. text, whose own officials meet in most of its sentences.
    let found = extract(
        "2004-07-02",
        "UN Secretary-General Lena Varga wrapped up a two-hour meeting with Sudanese \
         President Omar Halim in Khartoum today. Varga is expected to fly on to Chad.",
    );
    assert!(has(&found, "meeting", "2004-07-02", &["SD"]), "{found:?}");
    assert!(without_us(&found), "{found:?}");
}

#[test]
fn papers_of_accession_signed_by_two_presidents_are_an_agreement() {
    let found = extract(
        "2004-03-20",
        "SOFIA, March 20 (Agency) - The presidents of Bulgaria and Romania signed papers of \
         accession on Friday in simultaneous ceremonies, to become members of the alliance.",
    );
    assert!(
        has(&found, "agreement", "2004-03-19", &["BG", "RO"]),
        "{found:?}"
    );
}

#[test]
fn a_full_name_after_a_states_possessive_is_that_states_official_and_a_province_is_not() {
    let found = extract(
        "2013-04-30",
        "HARBIN, April 30 (Agency) - Russia's Ivan Morozov and Japan's Kenji Sato signed a \
         joint statement on Monday in China's Heilongjiang Province.",
    );
    let statement = first_of(&found, "statement");
    assert_eq!(
        statement.actors,
        ["Ivan Morozov", "Kenji Sato"],
        "{found:?}"
    );
}

#[test]
fn a_statement_endorsed_by_many_countries_is_joint_with_one_of_them_named() {
    let found = extract(
        "2019-03-12",
        "WELLINGTON, March 12 (Agency) - The two ministers discussed the maritime statement \
         last week, endorsed by nine countries, including Fiji, calling for free navigation.",
    );
    assert!(
        found
            .iter()
            .any(|f| f.kind == "statement" && f.countries.contains(&"FJ".to_string())),
        "{found:?}"
    );
}

#[test]
fn a_states_conference_that_other_countries_attend_takes_the_dates_of_the_trip_to_it() {
    let found = extract_headed(
        "2022-06-09",
        "Readout of Deputy Secretary Lane's Trip to Moldova",
        "Deputy Secretary Ruth Lane traveled to Chisinau on June 7 and 8 to reaffirm U.S. \
         support for Moldova. Lane took part in Moldova's conference on energy security, \
         which delegations from more than 40 countries attended. In her remarks at the \
         conference, Lane stressed the U.S. commitment to the region.",
    );
    assert!(
        found.iter().any(|f| f.kind == "summit"
            && f.date == "2022-06-07"
            && f.end.as_deref() == Some("2022-06-08")
            && f.countries.contains(&"MD".to_string())),
        "{found:?}"
    );
}

#[test]
fn the_code_a_summit_concluded_with_is_its_joint_text() {
    let found = extract(
        "2009-06-16",
        "LISBON, June 16, 2009 (Agency) - The Atlantic summit, which concluded on Monday with \
         a watered-down \"code of conduct\" on fisheries, showed how far apart its members \
         remain, an observer said.",
    );
    assert!(has(&found, "statement", "2009-06-15", &["PT"]), "{found:?}");
}

#[test]
fn talks_of_one_named_state_and_many_counted_ones_stand_and_a_federations_states_do_not() {
    let found = extract(
        "2012-07-20",
        "BRASILIA, July 20 (Agency) - Senior officials from Brazil and 30 Asian countries \
         concluded a two-day meeting in the Brazilian capital on Thursday. The minister's \
         travel to 20 states and meetings with 250 state legislators last year were praised.",
    );
    assert!(
        has(&found, "meeting", "2012-07-18", &["BR"])
            || has(&found, "meeting", "2012-07-19", &["BR"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_summit_in_the_demonym_capital_city_takes_place_in_that_state() {
    let found = extract(
        "2006-11-03",
        "ACCRA, Nov. 3 (Agency) - Ghanaian President Kofi Mensah, who was elected African \
         Union chairman at the sixth AU summit in the Ethiopian capital Addis Ababa in \
         January, spoke of his country's ties with Brazil.",
    );
    assert!(has(&found, "summit", "2006-01", &["ET", "GH"]), "{found:?}");
}

#[test]
fn talks_with_only_the_host_state_are_part_of_the_engagement_held_there() {
    let found = extract(
        "2005-12-16",
        "BRUSSELS, Dec 16 (Agency) - Britain was to present new proposals Friday aimed at \
         breaking the budget deadlock, a spokesman for the British prime minister said, \
         reporting progress in talks with the leaders of France, Germany and Italy at a \
         crunch Brussels summit.\n\
         \"There has been progress this morning,\" a spokesman said, with the prime minister \
         reporting back to a lunchtime session of all 25 EU leaders on the progress made in a \
         series of bilateral talks during the morning.",
    );
    assert!(found.iter().any(|f| f.kind == "summit"), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|f| f.kind == "meeting" && f.countries.len() < 2),
        "{found:?}"
    );
}

#[test]
fn a_visit_with_only_the_host_state_on_the_day_of_a_visit_there_is_that_visit() {
    let found = extract(
        "2005-11-23",
        "BRUSSELS, Nov. 23 (Agency) - German Chancellor Anna Vogt, who is in Brussels for a \
         get-to-know-each-other tour, held talks with European Commission President Luis \
         Abrantes on Wednesday.\n\
         In Brussels, before her meeting with Abrantes, he visited the NATO headquarters and \
         met NATO Secretary General Jan de Vries.",
    );
    assert!(
        has(&found, "visit", "2005-11-23", &["DE", "BE"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn agreements_a_summit_passes_are_its_states_agreement() {
    let found = extract(
        "2005-11-13",
        "COLOMBO, Nov. 13 (Agency) - The 9th Indian Ocean Rim Summit of Sri Lanka, India and \
         the Maldives ended here Sunday.\n\
         The summit also passed three agreements -- on double taxation, visas and arbitration.",
    );
    assert!(
        has(&found, "agreement", "2005-11-13", &["LK", "IN"]),
        "{found:?}"
    );
    // A parliament passing an agreement ratifies it at home.
    let found = extract(
        "2005-11-13",
        "COLOMBO, Nov. 13 (Agency) - Sri Lanka's parliament passed the agreement on double \
         taxation on Sunday.",
    );
    assert!(!found.iter().any(|f| f.kind == "agreement"), "{found:?}");
}

#[test]
fn a_season_still_to_come_is_the_coming_one_and_alternative_dates_give_what_they_share() {
    let found = extract(
        "2018-04-27",
        "OSLO, April 27 (Agency) - Finnish President Aino Lehto agreed to visit Oslo in the \
         fall, the two governments said.\n\
         Lehto is also expected to meet Swedish Prime Minister Nils Berg in late May or early \
         June.",
    );
    assert!(has(&found, "visit", "2018", &["FI", "NO"]), "{found:?}");
    assert!(has(&found, "meeting", "2018", &["FI", "SE"]), "{found:?}");
    assert!(
        !found.iter().any(|f| f.date.starts_with("2017")),
        "{found:?}"
    );
}

#[test]
fn the_to_of_a_motion_verb_far_back_does_not_make_a_gathering_a_plan() {
    let found = extract(
        "2021-06-16",
        "VIENNA, June 16 (Agency) - Chilean President Rosa Vidal came to Vienna after a \
         Mercosur summit in Asuncion on Monday.",
    );
    assert!(has(&found, "summit", "2021-06-14", &["PY"]), "{found:?}");
    assert!(!found.iter().any(|f| f.date == "2021-06-21"), "{found:?}");
}

#[test]
fn a_national_agency_names_its_own_leader_abroad_without_the_state() {
    // The agency signs with its own state's initials; its prime minister is named bare, in a
    // city of another state, beside a leader named with a demonym.
    let found = extract(
        "2017-09-14",
        "LIMA, Sept 14 (PTI) Prime Minister Ravi Anand held talks with Peruvian President \
         Carlos Huaman here on Thursday on trade and mining.",
    );
    assert!(
        has(&found, "meeting", "2017-09-14", &["IN", "PE"]),
        "{found:?}"
    );
    // A body's head in the same agency's copy serves no state.
    let found = extract(
        "2017-09-14",
        "LIMA, Sept 14 (PTI) Commission President Marta Ruiz held talks with Peruvian \
         President Carlos Huaman here on Thursday on trade and mining.",
    );
    assert!(
        !found.iter().any(|f| f.countries.iter().any(|c| c == "IN")),
        "{found:?}"
    );
}

#[test]
fn leaders_who_spoke_on_the_telephone_held_a_call() {
    let found = extract(
        "2025-02-07",
        "OSLO, Feb 7 (Agency) - Norwegian Prime Minister Eva Lund and Canadian Prime Minister \
         Paul Roy spoke on the telephone on 27 January.",
    );
    assert!(
        has(&found, "call", "2025-01-27", &["NO", "CA"]),
        "{found:?}"
    );
}

#[test]
fn a_government_text_that_opens_with_its_own_official_and_state_is_that_states() {
    // No dateline and no seat named: without the opening subject's state, the text would be
    // taken for a U.S. readout and the United States added to every meeting.
    let found = extract(
        "2016-05-07",
        "On May 6, for about three hours, Mr. Taro Sato, Prime Minister of Japan, held a \
         summit meeting with H.E. Mr. Ivan Petrov, President of the Russian Federation, in \
         Sochi. Prime Minister Sato thanked President Petrov for his hospitality.",
    );
    assert!(
        has(&found, "meeting", "2016-05-06", &["JP", "RU"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
    // "Mr." is how both are addressed, not an office they share.
    assert!(found.iter().all(|f| !f.title.contains("mrs")), "{found:?}");
}

#[test]
fn a_presidency_that_names_its_own_leader_bare_speaks_for_that_leaders_state() {
    // A State House release: its own President is named without his country, and no
    // dateline says where it comes from. Known by name, he is Kenya's, not a U.S. readout.
    let found = extract_headed(
        "2023-10-12",
        "President Ruto holds phone talks with British Prime Minister",
        "President William Ruto today held a telephone conversation with Prime Minister \
         Rishi Sunak of the United Kingdom on trade and climate finance. The two leaders \
         agreed to meet in London next month.",
    );
    assert!(
        has(&found, "call", "2023-10-12", &["KE", "GB"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
}

#[test]
fn the_president_after_a_foreign_president_is_named_is_that_president() {
    // "The Chancellor and the President" follows the Finnish President's arrival: a U.S.
    // President named later in the text is not the one in the talks.
    let found = extract_headed(
        "2023-06-14",
        "Chancellor receives the President of Finland",
        "Federal Chancellor Olaf Scholz will receive the new President of the Republic of \
         Finland, Sauli Niinisto, at the Federal Chancellery this afternoon. Berlin is the \
         destination of the President's first trip abroad since he took office. The President \
         will be welcomed with military honours at around 5.30 p.m. The Chancellor and the \
         President will then hold talks and speak to the press. Both will attend the NATO \
         summit in Vilnius next month, the first such meeting for the new U.S. President Joe \
         Biden.",
    );
    // Received on a first trip abroad: a visit, with the talks folded into it.
    assert!(
        has(&found, "visit", "2023-06-14", &["DE", "FI"]),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| f.date == "2023-06-14" && f.countries.iter().any(|c| c == "US")),
        "{found:?}"
    );
}

#[test]
fn states_listed_after_a_bodys_acronym_are_members_of_the_summit() {
    let found = extract_headed(
        "2023-09-08",
        "Readout of the Prime Minister's meeting with Pacific leaders",
        "Prime Minister Anthony Albanese met yesterday with leaders of the Melanesian \
         Spearhead Group (MSG) and Fiji at the Second Summit of the Pacific Rim to plan \
         their response to rising seas.",
    );
    assert!(
        has(&found, "summit", "2023-09-07", &["AU", "FJ"]),
        "{found:?}"
    );
}

#[test]
fn the_two_as_the_subject_of_a_meeting_are_the_pair_named_before() {
    let found = extract(
        "2011-05-10",
        "NAIROBI, May 10 (Agency) - Kenyan President Amani Odero and Tanzanian President Juma \
         Kombo on Monday signed a border accord at State House. Officials contrasted the mood \
         with that of a summit between Odero and Kombo in July 2009 that broke down over \
         grazing rights. Relations thawed when the two met in Kampala on the sidelines of a \
         regional summit in January 2010.",
    );
    assert!(
        has(&found, "meeting", "2010-01", &["KE", "TZ"]),
        "{found:?}"
    );
}

#[test]
fn a_ministry_that_never_gives_its_own_leader_a_state_is_that_leaders_state() {
    // A foreign ministry names its own President bare and foreign leaders with their
    // state; an official of its own, not known by name, then calls for that state.
    let found = extract_headed(
        "2023-10-10",
        "Spokesperson announces state visit",
        "Foreign Ministry Spokesperson Mao Ning announced: At the invitation of President Xi \
         Jinping, President William Ruto of Kenya will pay a state visit to China from \
         October 15 to 18.\n\
         On October 9, Vice Premier Ding Xuexiang held a video call with Foreign Minister \
         Musalia Mudavadi of Kenya to prepare the visit.",
    );
    assert!(
        has(&found, "call", "2023-10-09", &["CN", "KE"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
}

fn without_us(found: &[Found]) -> bool {
    !found.iter().any(|f| f.countries.iter().any(|c| c == "US"))
}

#[test]
fn a_government_that_names_itself_by_its_demonym_speaks_for_its_state() {
    // No dateline, no leader named: "The Norwegian Government" says whose text it is, and
    // its own minister takes part for Norway, not for the United States.
    let found = extract_headed(
        "2021-09-03",
        "Minister receives Ghanaian counterpart",
        "The Norwegian Government welcomed the Foreign Minister of Ghana, Shirley Ayorkor \
         Botchwey, to Oslo today. The Foreign Minister held talks with Minister Anniken \
         Huitfeldt on maritime security.",
    );
    assert!(
        has(&found, "meeting", "2021-09-03", &["NO", "GH"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
}

#[test]
fn a_westminster_government_styled_after_its_leader_speaks_for_that_leaders_state() {
    // "The Morrison Government": a leader known by name styles the government, and "the
    // Prime Minister" after it is that government's.
    let found = extract_headed(
        "2020-02-14",
        "Prime Minister visits Indonesia",
        "The Morrison Government has made the Indo-Pacific its first priority. The Prime \
         Minister met today with President Joko Widodo of Indonesia in Jakarta to sign a trade \
         agreement.",
    );
    assert!(
        has(&found, "meeting", "2020-02-14", &["AU", "ID"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
}

#[test]
fn a_text_that_never_names_the_united_states_is_not_taken_for_a_us_readout() {
    // An international organisation's readout names its own head bare, as the White House
    // does; nothing in it is American.
    let found = extract_headed(
        "2019-05-02",
        "Secretary-General meets leaders",
        "The Secretary-General met today with President Sebastian Pinera of Chile and Prime \
         Minister Justin Trudeau of Canada to discuss the climate summit. The \
         Secretary-General thanked Chile for its leadership.",
    );
    assert!(
        has(&found, "meeting", "2019-05-02", &["CL", "CA"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
}

#[test]
fn a_release_in_its_authors_own_voice_is_the_state_it_names_as_its_own() {
    // "I will travel": a minister's own release. Japan is the host (its Prime Minister is
    // named), so the state it otherwise names is the author's.
    let found = extract_headed(
        "2023-04-28",
        "Visit to Japan",
        "I will travel to Japan from 3 to 6 May at the invitation of Prime Minister Fumio \
         Kishida. Japan is New Zealand's fourth-largest trading partner, and New Zealand \
         exporters will travel with me.",
    );
    assert!(
        has_range(&found, "visit", "2023-05-03", "2023-05-06")
            && has(&found, "visit", "2023-05-03", &["NZ", "JP"]),
        "{found:?}"
    );
    assert!(without_us(&found), "{found:?}");
}

#[test]
fn a_release_signed_with_its_place_is_that_places_government_even_at_the_white_house() {
    // The place and date it closes with say whose release it is; the White House it names
    // is where the talks were, not its author.
    let found = extract_headed(
        "2015-10-23",
        "Foreign Secretary holds talks in Washington",
        "Foreign Secretary Aizaz Chaudhry held talks with Deputy Secretary of State Antony \
         Blinken at the White House on 22 October.\nThe two sides reviewed cooperation in \
         trade and energy.\nIslamabad\n23 October 2015",
    );
    assert!(
        has(&found, "meeting", "2015-10-22", &["PK", "US"]),
        "{found:?}"
    );
}

#[test]
fn a_readout_opening_with_its_unnamed_prime_minister_is_not_the_named_leaders() {
    // "The Prime Minister spoke to President Joe Biden": the President is the other side,
    // and the state paired with his is the readout's own.
    let found = extract_headed(
        "2021-01-23",
        "PM call with President Biden",
        "The Prime Minister spoke to President Joe Biden this evening. The leaders reaffirmed \
         the close relationship between New Zealand and the United States, and discussed \
         sanctions on Russia.",
    );
    assert!(
        has(&found, "call", "2021-01-23", &["NZ", "US"]),
        "{found:?}"
    );
}

#[test]
fn a_numbered_session_of_a_bodys_council_is_its_summit_and_a_delegation_sent_takes_part() {
    // "the 33rd session of the Council of the Arab League": a summit, held in Manama last
    // Thursday ("delegation to" is where the President went, not a plan), with Egypt there
    // because its delegation was.
    let found = extract_headed(
        "2024-05-19",
        "President returns from Arab summit",
        "CAIRO, May 19 (MENA) - President Abdel Fattah El Sisi returned to Cairo late Saturday \
         after leading Egypt's delegation to the 33rd session of the Council of the Arab \
         League, held on Thursday in Manama.",
    );
    assert!(
        has(&found, "summit", "2024-05-16", &["BH", "EG"]),
        "{found:?}"
    );
}

#[test]
fn hosting_someone_is_a_meeting_hosting_a_gathering_is_not_and_a_month_can_be_a_surname() {
    // "will host Prime Minister Helen May at State House": a meeting, and "May" is her name,
    // not a month. "will host the Regional Leaders' Summit" and "will host in Mombasa" host
    // no one. "Next week, ... will travel to Beijing for the summit": the summit is next week.
    let found = extract(
        "2018-08-27",
        "NAIROBI, Aug 27 (Agency) - On Thursday, Kenyan President Daniel Ndege will host \
         British Prime Minister Helen May at State House in Nairobi.\nKenya will host the \
         Regional Leaders' Summit in Mombasa in November, which Ndege will host in Mombasa \
         with the Ugandan President.\nNext week, Ndege will travel to Beijing for the summit \
         of the Forum on China-Africa Cooperation, where African leaders will discuss trade.",
    );
    let meeting = first_of(&found, "meeting");
    assert_eq!(meeting.date, "2018-08-30", "{found:?}");
    assert!(meeting.actors.iter().any(|a| a == "Helen May"), "{found:?}");
    assert_eq!(
        found.iter().filter(|f| f.kind == "meeting").count(),
        1,
        "{found:?}"
    );
    assert!(
        has_range(&found, "summit", "2018-09-03", "2018-09-09"),
        "{found:?}"
    );
}

#[test]
fn coordinated_predicates_keep_their_own_day_and_guest_and_a_gathering_that_wraps_up_sunday() {
    // "He hosted A on Wednesday, held talks with B on Thursday and on Friday signed an
    // agreement with C": three engagements, each with its own day and guest, and "He" is the
    // prime minister named two sentences back. "a two-day gathering that wraps up ... on
    // Sunday", written on a Saturday, is Saturday and Sunday. "Josaia V Kaloudrau" keeps his
    // initial.
    let found = extract(
        "2015-03-14",
        "CANBERRA, March 14 AAP - Prime Minister Tom Fraser spoke after opening the Pacific \
         Islands Forum Leaders' Meeting here, a two-day gathering that wraps up at Parliament \
         House on Sunday.\nIt has been a busy week. He hosted Fijian Prime Minister Josaia V \
         Kaloudrau on Wednesday, held talks with New Zealand Prime Minister Helen Brown on \
         Thursday and on Friday signed a fisheries agreement with Tongan Prime Minister Sione \
         Tupou.",
    );
    assert!(
        has_range(&found, "summit", "2015-03-14", "2015-03-15"),
        "{found:?}"
    );
    let on = |kind: &str, date: &str| {
        found
            .iter()
            .find(|f| f.kind == kind && f.date == date)
            .unwrap_or_else(|| panic!("no {kind} on {date}: {found:?}"))
    };
    let states = |kind: &str, date: &str| {
        let mut c = on(kind, date).countries.clone();
        c.sort();
        c
    };
    assert_eq!(states("meeting", "2015-03-11"), ["AU", "FJ"]);
    assert_eq!(states("meeting", "2015-03-12"), ["AU", "NZ"]);
    assert_eq!(states("agreement", "2015-03-13"), ["AU", "TO"]);
    assert!(
        on("meeting", "2015-03-11")
            .actors
            .iter()
            .any(|a| a == "Josaia V Kaloudrau"),
        "{found:?}"
    );
}

#[test]
fn a_call_on_a_leader_is_a_meeting_and_a_release_signed_by_a_city_state_is_its_own() {
    // "called on the Prime Minister" in person, not "called on all parties to ...";
    // "which will take place ... tomorrow" dates the meeting it hangs on; the release signs
    // off with the city-state's name alone on a line, so its bare Prime Minister is its own.
    let found = extract_headed(
        "2019-05-04",
        "Ministers to meet in Luxembourg",
        "Luxembourg is pleased to host the meeting between Foreign Minister Anna Kovacs of \
         Hungary and Foreign Minister Pavel Novak of the Czech Republic, which will take place \
         at the Cercle Hall tomorrow, 5 May 2019.\nForeign Minister Kovacs called on Prime \
         Minister Jean Weber at the Hotel Bourgogne today.\nThe Prime Minister called on all \
         parties to respect the ceasefire.\n. . . . .\nMINISTRY OF FOREIGN AFFAIRS\nLUXEMBOURG\n\
         4 MAY 2019",
    );
    assert!(
        has(&found, "meeting", "2019-05-05", &["HU", "CZ"]),
        "{found:?}"
    );
    assert!(
        has(&found, "meeting", "2019-05-04", &["HU", "LU"]),
        "{found:?}"
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn what_follows_the_meeting_takes_its_day_and_a_plan_postponed_far_along_is_none() {
    let found = extract(
        "2013-06-12",
        "LIMA, June 12 (Agency) - President Ana Rojas of Peru held talks with Prime Minister \
         Edem Kodjo of Togo at the Government Palace today.\nKodjo flew in on Monday evening; \
         on the way he had spent two days in Ecuador, where he held talks with President Luis \
         Vera.\nAfter the meeting, the ministers of both countries signed accords on fisheries \
         and mining.\nThe talks with Andean trade ministers that both sides had set for July in \
         Cusco have since been postponed.",
    );
    // The talks in Lima, not the Ecuadorian stop told in between.
    let agreement = first_of(&found, "agreement");
    assert_eq!(
        (agreement.date.as_str(), agreement.end.as_deref()),
        ("2013-06-12", None),
        "{found:?}"
    );
    assert!(!agreement.countries.iter().any(|c| c == "EC"), "{found:?}");
    assert!(
        found.iter().all(|f| !f.date.starts_with("2013-07")),
        "{found:?}"
    );
}

#[test]
fn a_bilateral_meeting_of_two_who_met_with_many_that_day_is_its_own() {
    let found = extract(
        "2019-12-10",
        "The presidents of Chile, Peru, Bolivia and Ecuador met in Quito on Monday, December \
         9, to agree on a water plan.\nThat evening the Chilean and Peruvian presidents held \
         bilateral talks on their border.",
    );
    let monday: Vec<_> = found.iter().filter(|f| f.date == "2019-12-09").collect();
    assert_eq!(monday.len(), 2, "{found:?}");
    assert!(monday.iter().any(|f| f.countries.len() == 2), "{found:?}");
}

#[test]
fn a_leader_meeting_his_compatriots_abroad_is_no_engagement() {
    let found = extract(
        "2022-06-11",
        "Lisbon, 11 June - The President of Cabo Verde held talks on Thursday with President \
         Marcelo Rebelo de Sousa on maritime cooperation.\nOn Friday, President Jose Maria \
         Neves met members of the Cabo Verdean community living in Portugal.",
    );
    assert!(
        has(&found, "meeting", "2022-06-09", &["CV", "PT"]),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|f| f.kind == "meeting").count(),
        1,
        "{found:?}"
    );
}

#[test]
fn spoke_separately_by_telephone_with_two_leaders_is_two_calls() {
    let found = extract(
        "2020-10-02",
        "ANKARA, Oct 2 (Agency) - Turkish President Recep Tayyip Erdogan said he had spoken \
         separately by telephone with Armenian Prime Minister Nikol Pashinyan and Azerbaijani \
         President Ilham Aliyev on Wednesday.",
    );
    for other in ["AM", "AZ"] {
        assert!(
            found.iter().any(|f| f.kind == "call"
                && f.date == "2020-09-30"
                && f.countries.len() == 2
                && f.countries.iter().any(|c| c == "TR")
                && f.countries.iter().any(|c| c == other)),
            "no call of TR and {other} alone: {found:?}"
        );
    }
}

#[test]
fn people_listed_after_a_relative_clause_on_relations_are_the_ones_met() {
    // "that have relations with Moscow" is a topic; "including ..." after it lists the
    // leaders met.
    let found = extract(
        "2016-06-24",
        "President Vladimir Putin of Russia made the remark this afternoon in Tashkent, where \
         he met the leaders of the countries that have strategic relations with Moscow, \
         including Kazakhstan's Nursultan Nazarbayev and Tajikistan's Emomali Rahmon.",
    );
    assert!(
        found.iter().any(|f| ["RU", "KZ", "TJ"]
            .iter()
            .all(|c| f.countries.contains(&c.to_string()))),
        "{found:?}"
    );
}
