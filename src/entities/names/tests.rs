//! The names stage's own tests: whole sentences through `find` and the
//! consistency pass, as the recogniser runs them.

use super::super::EntityKind;
use super::super::consistency::{Known, make_consistent};
use super::super::tokens::tokenize;
use super::{find, title_case};
use EntityKind::{Group, Org, Person, Place};

#[test]
fn organisations_told_by_their_words_and_neighbours() {
    let found = names("He studied at the University of Texas and worked for Grupo Bimbo.");
    assert_has(&found, "University of Texas", Org);
    assert_has(&found, "Grupo Bimbo", Org);
    let found = names("The Getulio Vargas Foundation said the survey by pollster Datafolha was late.");
    assert_has(&found, "Getulio Vargas Foundation", Org);
    assert_has(&found, "Datafolha", Org);
    let found = names("Kaveri rose early. Kaveri shares fell after the close.");
    assert_eq!(found, [("Kaveri", Org), ("Kaveri", Org)]);
    let found = names("Barrick Gold Corp rose. Output grew, Barrick said.");
    assert_has(&found, "Barrick", Org);
    let found = names("She joined the Boston Bruins, then wrote for The Guardian.");
    assert_has(&found, "Boston Bruins", Org);
    assert_has(&found, "The Guardian", Org);
    let found = names("Dundee United beat Hapoel Tel Aviv in Mexico City.");
    assert_has(&found, "Dundee United", Org);
    assert_has(&found, "Hapoel Tel Aviv", Org);
    assert_has(&found, "Mexico City", Place);
    let found = names("The People's Bank of China and the Workers' Party met after Putin's speech.");
    assert_has(&found, "People's Bank of China", Org);
    assert_has(&found, "Workers' Party", Org);
    // A country of the same shape stays a country.
    assert!(names("Talks with the Republic of Korea went on.").contains(&("Republic of Korea", Place)));
}

#[test]
fn definitions_and_settings_say_what_an_unknown_name_is() {
    let found = names("Aisby is a small village in England. Caloi is a Brazilian bicycle manufacturer.");
    assert_has(&found, "Aisby", Place);
    assert_has(&found, "Caloi", Org);
    let found = names("Linkin Park is an American rock band. Kory Lichtensteiger (born 1985) is here.");
    assert_has(&found, "Linkin Park", Org);
    assert_has(&found, "Kory Lichtensteiger", Person);
    let found = names("It serves the former village of Cosham and the town of Zorbly, Kent.");
    assert_has(&found, "Cosham", Place);
    assert!(names("He moved to Zorbly, Ohio in 1990.").contains(&("Zorbly", Place)));
    // Unknown two-letter acronyms that are not organisations.
    assert!(names("The DJ played the EP on FM radio.").is_empty());
}

#[test]
fn first_names_that_are_words_lead_only_real_names() {
    let found = names("He toured with The Ramones, joined the Boy Scouts and slept at Palmer House.");
    assert!(found.iter().all(|n| n.1 != Person), "{found:?}");
    assert_has(&found, "The Ramones", Org);
    assert_has(&found, "Palmer House", Place);
    let found = names("The talks were chaired by Rose Gottemoeller and Will Smith.");
    assert_has(&found, "Rose Gottemoeller", Person);
    assert_has(&found, "Will Smith", Person);
}

#[test]
fn unknown_runs_without_a_name_word_are_not_people() {
    let found = names("Fans of Classic Lotto marked Memorial Day.");
    assert!(found.iter().all(|n| n.1 != Person), "{found:?}");
    assert!(names("The talks were led by Nader Jokhadar.").contains(&("Nader Jokhadar", Person)));
}

#[test]
fn sides_in_results_lines_are_teams_but_countries_stay_places() {
    let found = names("Results on Sunday:\n\nBarcelona 3 Valencia 1\n\nJapan 2 Syria 1");
    assert_has(&found, "Barcelona", Org);
    assert_has(&found, "Valencia", Org);
    assert_has(&found, "Japan", Place);
    assert_has(&found, "Syria", Place);
    // A standings row, and a name no list knows between two scores.
    let found = names("Standings:\n\nMilan 14 8 3 3 25 12 27\n\nParma 2 Udinese 1");
    assert_has(&found, "Milan", Org);
    assert_has(&found, "Udinese", Org);
    // A city followed by an ordinary figure is still a city.
    let found = names("Prices rose in Valencia 3 times this year.");
    assert_has(&found, "Valencia", Place);
}

#[test]
fn a_surname_named_in_full_beats_a_place_of_the_same_spelling() {
    assert!(names("Manuel Belgrano led the army.").contains(&("Manuel Belgrano", Person)));
    let found = names("Brian Lara scored a century. Lara was out soon after, in Caracas.");
    assert_eq!(found.iter().filter(|n| n.1 == Person).count(), 2, "{found:?}");
    assert_has(&found, "Lara", Person);
    // Without the full name, Lara is the Venezuelan state.
    assert!(names("Floods hit Lara on Monday.").contains(&("Lara", Place)));
}

#[test]
fn capitals_outside_a_headline_are_read_in_title_case() {
    let found = names("NEW YORK 1996-12-06\n\nShares rose.");
    assert_has(&found, "NEW YORK", Place);
    // Capitals no list knows are not a person.
    let found = names("W L PCT GB\n\nBoston 10 4");
    assert!(found.iter().all(|n| n.1 != Person), "{found:?}");
}

#[test]
fn abbreviated_saints_teams_papers_and_titles_that_are_not_acting() {
    let found = names("He left St. Louis to play for the Tampa Bay Devil Rays.");
    assert_has(&found, "St. Louis", Place);
    assert_has(&found, "Tampa Bay Devil Rays", Org);
    let found = names("The Orlando Sentinel said the Washington Metropolitan Area Transit Authority won.");
    assert_has(&found, "Orlando Sentinel", Org);
    assert_has(&found, "Washington Metropolitan Area Transit Authority", Org);
}

#[test]
fn events_and_venues_are_not_people_and_a_band_is_an_organisation() {
    let found = names("They fought at the Second Battle of Bull Run, then played at Davis Gym.");
    assert!(found.iter().all(|n| n.1 != Person), "{found:?}");
    assert_has(&found, "Davis Gym", Place);
    assert_has(
        &names("The Dave Matthews Band played."),
        "Dave Matthews Band",
        Org,
    );
}

#[test]
fn appositions_define_and_deal_words_point_at_companies() {
    let found = names("Datecs, a Bulgarian company, sold it. Jokhadar, a Syrian footballer, won.");
    assert_has(&found, "Datecs", Org);
    assert_has(&found, "Jokhadar", Person);
    assert_has(
        &names("Killing Joke are an English rock band."),
        "Killing Joke",
        Org,
    );
    // The noun must end the description.
    let found = names("He met Smithers, a company spokesman.");
    assert!(!found.contains(&("Smithers", Org)), "{found:?}");
    assert_has(&names("The chief executive of Tambang resigned."), "Tambang", Org);
}

#[test]
fn one_body_across_and_and_a_state_before_its_court() {
    let found = names("The Mines and Energy Ministry and the Florida Supreme Court ruled.");
    assert_has(&found, "Mines and Energy Ministry", Org);
    assert!(names("CMOC and Zijin Mining bid.").contains(&("CMOC", Org)));
    assert_has(&found, "Florida Supreme Court", Org);
    let found = names("Shares of HDFC Bank and Axis Bank rose.");
    assert_has(&found, "HDFC Bank", Org);
    assert_has(&found, "Axis Bank", Org);
    let found = names("He joined the International Confederation of Free Trade Unions.");
    assert_has(&found, "International Confederation of Free Trade Unions", Org);
}

#[test]
fn lowercase_articles_possessive_firms_brands_and_scores_over_a_hundred() {
    let found = names("Attacks by al-Shabaab rose, Moody's said, and VodafoneThree agreed.");
    assert_has(&found, "al-Shabaab", Org);
    assert_has(&found, "Moody's", Org);
    assert_has(&found, "VodafoneThree", Org);
    let found = names("Marseille coach Roberto De Zerbi was pleased.");
    assert_has(&found, "Marseille", Org);
    let found = names("Denver beat Oklahoma City 112-104 as MacArthur watched.");
    assert_has(&found, "Denver", Org);
    assert_has(&found, "Oklahoma City", Org);
    assert!(!found.contains(&("MacArthur", Org)), "{found:?}");
    let found = names("The Republican Guard and the Democratic Forces for the Liberation of Rwanda met.");
    assert_has(&found, "Republican Guard", Org);
    assert_has(&found, "Democratic Forces for the Liberation of Rwanda", Org);
    assert_has(&names("The General Assembly voted."), "General Assembly", Org);
    // A country's own bodies are named with it, and so is a nationality
    // before a body's name (GUIDELINES.md).
    let found = names("The U.S. Food and Drug Administration and the Latvian Health Ministry met.");
    assert_has(&found, "U.S. Food and Drug Administration", Org);
    assert_has(&found, "Latvian Health Ministry", Org);
}

#[test]
fn lists_appositions_and_place_words_after_known_places() {
    let found = names("The loan came from Standard Bank, Absa and BNP Paribas.");
    assert_has(&found, "Absa", Org);
    let found = names("They sued Suno, the Massachusetts company whose software sings.");
    assert_has(&found, "Suno", Org);
    let found = names("Veltrix, a Bengaluru cloud software company, lost money.");
    assert_has(&found, "Veltrix", Org);
    let found = names("The Sahel Women's Peace Network met in North-Western Province.");
    assert_has(&found, "Sahel Women's Peace Network", Org);
    assert_has(&found, "North-Western Province", Place);
    assert_has(
        &names("He flew from Brussels Airport."),
        "Brussels Airport",
        Place,
    );
}

#[test]
fn two_words_no_list_knows_and_group_words_that_are_given_names() {
    let found = names("Tributes came from Haruomi Hosono and Christian Fennesz.");
    assert_has(&found, "Haruomi Hosono", Person);
    assert_has(&found, "Christian Fennesz", Person);
    let found = names("The Christian Democrats met the Classic Lotto board.");
    assert_has(&found, "Christian Democrats", Group);
    assert!(found.iter().all(|n| n.1 != Person), "{found:?}");
}

#[test]
fn korean_given_names_airports_spanish_parties_and_plural_possessives() {
    let found = names("He met Yoon Hye-jin and Seo Dong-won at Sanaa International Airport.");
    assert_has(&found, "Yoon Hye-jin", Person);
    assert_has(&found, "Seo Dong-won", Person);
    assert_has(&found, "Sanaa International Airport", Place);
    let found = names("Votes for Alianza para el Progreso and Juntos por el Perú rose.");
    assert_has(&found, "Alianza para el Progreso", Org);
    assert_has(&found, "Juntos por el Perú", Org);
    let found = names("The Polish Airline Pilots' Union met Nurul Aina binti Hassan.");
    assert_has(&found, "Polish Airline Pilots' Union", Org);
    assert_has(&found, "Nurul Aina binti Hassan", Person);
    // A long word before a hyphen is no syllable of a name.
    let found = names("The Kremlin-backed group met.");
    assert_has(&found, "Kremlin", Org);
}

#[test]
fn names_that_word_lists_count_as_frequent_words_are_still_names() {
    // "putin" is among English's 20,000 most frequent words only as a name.
    assert_has(&names("Putin said talks had failed."), "Putin", Person);
    // The press's name for a well-known person needs no cue.
    let found = names("Later Yeltsin met Clinton and Lula.");
    for name in ["Yeltsin", "Clinton", "Lula"] {
        assert_has(&found, name, Person);
    }
}

/// Fails naming the mention that is missing and what was found.
#[track_caller]
fn assert_has(found: &[(&str, EntityKind)], name: &str, kind: EntityKind) {
    assert!(found.contains(&(name, kind)), "{name} ({kind}) not in {found:?}");
}

fn names(text: &str) -> Vec<(&str, EntityKind)> {
    let tokens = tokenize(text, &[]);
    let mut found = find(text, &tokens);
    let mut known = Known::default();
    known.learn(text, &found, 0);
    let _ = make_consistent(text, &tokens, &known, &mut found);
    found.sort();
    found
        .into_iter()
        .map(|e| (&text[e.start..e.end], e.kind))
        .collect()
}

#[test]
fn title_before_a_name() {
    assert_eq!(
        names("Special Envoy Steve Witkoff arrived."),
        [("Steve Witkoff", Person)]
    );
    assert_eq!(
        names("It was Russian President Vladimir Putin who spoke."),
        [("Russian", Group), ("Vladimir Putin", Person)]
    );
}

#[test]
fn role_and_speech_context() {
    assert_eq!(
        names("They met Russian envoy Kirill Dmitriev there."),
        [("Russian", Group), ("Kirill Dmitriev", Person)]
    );
    assert_eq!(names("The talks went well, said Umerov."), [("Umerov", Person)]);
    assert_eq!(names("Later, Zabrodin said no."), [("Zabrodin", Person)]);
}

#[test]
fn possessives_and_consistency() {
    assert_eq!(
        names("Steve Witkoff met them. Witkoff’s team left. Witkoff confirmed it."),
        [
            ("Steve Witkoff", Person),
            ("Witkoff", Person),
            ("Witkoff", Person)
        ]
    );
}

#[test]
fn gazetteer_places_orgs_groups() {
    assert_eq!(
        names("The Miami meetings with the BBC and European allies in Ukraine."),
        [
            ("Miami", Place),
            ("BBC", Org),
            ("European", Group),
            ("Ukraine", Place)
        ]
    );
    assert_eq!(
        names("Officials from the United States met."),
        [("United States", Place)]
    );
}

#[test]
fn organisation_suffixes_and_leads() {
    assert_eq!(
        names("a loan from Meridian Freight Holdings today"),
        [("Meridian Freight Holdings", Org)]
    );
    assert_eq!(
        names("officials at the Ministry of Finance agreed"),
        [("Ministry of Finance", Org)]
    );
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert_eq!(
        names("Despite the rhetoric, little changed. Meanwhile nothing."),
        []
    );
}

#[test]
fn hyphenated_modifiers_keep_only_the_name() {
    assert_eq!(
        names("a US-led plan and Kremlin-backed forces"),
        [("US", Place), ("Kremlin", Org)]
    );
}

#[test]
fn headlines_in_capitals_use_known_names_only() {
    assert_eq!(names("KYIV, Nov 26 — talks resumed"), [("KYIV", Place)]);
    assert_eq!(
        names("RUSSIA AND UKRAINE RESUME TALKS IN MIAMI"),
        [("RUSSIA", Place), ("UKRAINE", Place), ("MIAMI", Place)]
    );
}

#[test]
fn acronyms_defined_in_brackets() {
    assert_eq!(
        names("the European Union (EU) said. Later the EU agreed."),
        [("European Union", Org), ("EU", Org), ("EU", Org)]
    );
}

#[test]
fn abbreviated_titles_particles_and_korean_names() {
    assert_eq!(
        names("They met Gen. Abdel Fattah al-Burhan today."),
        [("Abdel Fattah al-Burhan", Person)]
    );
    assert_eq!(names("Van der Berg said no."), [("Van der Berg", Person)]);
    assert_eq!(names("Park Ji-hoon arrived."), [("Park Ji-hoon", Person)]);
    assert_eq!(
        names("a report by the Centre for Sahel Security Studies found"),
        [("Centre for Sahel Security Studies", Org)]
    );
}

#[test]
fn possessive_places_and_capitalised_function_words_do_not_join_names() {
    assert_eq!(
        names("a hydrologist with Nepal's Department of Hydrology and Meteorology said"),
        [("Nepal", Place), ("Department of Hydrology and Meteorology", Org)]
    );
    assert_eq!(
        names("Donors left. The Ministry of Health said so."),
        [("Ministry of Health", Org)]
    );
    assert_eq!(
        names("talks with the ECOWAS Commission today"),
        [("ECOWAS Commission", Org)]
    );
}

#[test]
fn plural_possessives_and_ampersands_inside_organisation_names() {
    assert_eq!(
        names("backed by the Workers' Party in May"),
        [("Workers' Party", Org)]
    );
    assert_eq!(
        names("analysts at Keller & Amadi Capital said"),
        [("Keller & Amadi Capital", Org)]
    );
    assert_eq!(names("the ministers' meeting"), []);
}

#[test]
fn place_words_elisions_arabic_articles_and_benchmarks() {
    assert_eq!(
        names("offices on Madison Avenue were shut"),
        [("Madison Avenue", Place)]
    );
    assert_eq!(
        names("Brent crude rose while Houston stocks fell"),
        [("Houston", Place)]
    );
    assert_eq!(
        names("ships left Dar es Salaam at dawn"),
        [("Dar es Salaam", Place)]
    );
    assert_eq!(names("cocoa from Côte d'Ivoire rose"), [("Côte d'Ivoire", Place)]);
}

#[test]
fn title_case_keeps_connectors_lower() {
    assert_eq!(title_case("BANK OF ENGLAND"), "Bank of England");
    assert_eq!(title_case("U.S."), "U.S.");
}

#[test]
fn a_given_name_knows_the_code_of_the_rule_it_overrides() {
    let code = super::rules::people::AFTER_CUE_CODE;
    assert_eq!(super::rule_of(code).id, "person.after-cue");
}
