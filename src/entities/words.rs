//! Small closed word classes the rules read, by name. The words themselves
//! are data: one list per class in `assets/lexicon/`, packed by `build.rs`
//! into the one lexicon table with the name gazetteers (`gazetteer.rs`), so
//! each question here is a bit of one probe. Every class matches the word
//! exactly as written, case and all. Open classes (names, places,
//! organisations) live in `assets/gazetteer/`.

use super::gazetteer::is;
use super::lexicon_flags::class;

/// Lowercase words that may sit inside a name: "Bank of England",
/// "Abu Bakr al-Baghdadi", "Ursula von der Leyen", "Bosnia and Herzegovina".
pub fn is_connector(w: &str) -> bool {
    is(w, class::CONNECTOR)
}

/// Connectors that may only join when an organisation or place head word
/// is on their left ("Ministry of ...", "Gulf of ..."); name particles join freely.
#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_weak_connector(w: &str) -> bool {
    is(w, class::WEAK_CONNECTOR)
}

/// Last words that make a capitalised sequence an organisation.
pub fn is_org_head(w: &str) -> bool {
    is(w, class::ORG_HEAD)
}

/// First words that, followed by "of", make an organisation:
/// "Ministry of Finance", "University of Oxford".
pub fn is_org_lead(w: &str) -> bool {
    is(w, class::ORG_LEAD)
}

/// Last words that make a capitalised sequence a place.
pub fn is_place_head(w: &str) -> bool {
    is(w, class::PLACE_HEAD)
}

/// Words that, just before a capitalised name, say it is a person:
/// roles ("envoy Kirill Dmitriev") and speech ("said Umerov").
#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_person_cue_before(w: &str) -> bool {
    is(w, class::PERSON_CUE_BEFORE)
}

/// Verbs after a name that say a person is speaking or acting:
/// "Witkoff confirmed", "Umerov said".
#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_person_cue_after(w: &str) -> bool {
    is(w, class::PERSON_CUE_AFTER)
}

/// First words of organisations' names in other languages: "Grupo Bimbo",
/// "Institut Pasteur", "Banco Santander", "Partido Colorado".
pub fn is_org_opener(w: &str) -> bool {
    is(w, class::ORG_OPENER)
}

/// Words that end a club's name after its town: "Dundee United",
/// "Blackburn Rovers", "Inverness Thistle".
pub fn is_club_word(w: &str) -> bool {
    is(w, class::CLUB_WORD)
}

/// Nouns naming a kind of organisation, written just before one's name:
/// "pollster Datafolha", "carmaker General Motors", "daily Kommersant".
pub fn is_org_cue_before(w: &str) -> bool {
    is(w, class::ORG_CUE_BEFORE)
}

/// Words just after a name that say it is an organisation: "Kaveri
/// shares fell", "Datafolha poll", "Telkom spokesman".
pub fn is_org_cue_after(w: &str) -> bool {
    is(w, class::ORG_CUE_AFTER)
}

/// A word with a capital inside after two or more lowercase letters
/// (`VodafoneThree`, `SoftBank`, `PlazaCenter`): a brand's spelling. Name
/// prefixes (`McDonald`, `MacArthur`, `DiCaprio`, `LeBron`) are not.
pub fn is_camel_case_brand(w: &str) -> bool {
    let mut chars = w.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_uppercase()) {
        return false;
    }
    let mut lower_run = 0;
    for (at, c) in chars {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() && lower_run > 0 {
            return lower_run >= 2 && !is(&w[..at], class::CAMEL_CASE_NAME_PREFIX);
        } else {
            lower_run = 0;
        }
    }
    false
}

/// A team's people, written right after its name: "Marseille coach Roberto
/// De Zerbi", "Leeds fans".
pub fn is_team_role(w: &str) -> bool {
    is(w, class::TEAM_ROLE)
}

/// Adjectives of politics that open a body's name ("Republican Guard",
/// "Democratic Forces for the Liberation of Rwanda"), unlike a nationality,
/// which stands apart from the body it qualifies ("Russian Army").
#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_political_adjective(w: &str) -> bool {
    is(w, class::POLITICAL_ADJECTIVE)
}

/// Nouns that, with "of", "in", "for" or "with", put a company after them:
/// "shares in X", "chief executive of X", "a bid for X", "a merger with X".
#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_org_cue_of(w: &str) -> bool {
    is(w, class::ORG_CUE_OF)
}

/// The noun of a definition ("X is a village in", "X was an American
/// singer", "X is a rock band"): what kind of thing X is. The three lists
/// are disjoint (`tests/lexicon_lists.rs`).
pub fn kind_by_definition(noun: &str) -> Option<super::EntityKind> {
    use super::EntityKind::{Org, Person, Place};
    let c = super::gazetteer::classes(
        noun,
        class::DEFINES_PLACE | class::DEFINES_ORG | class::DEFINES_PERSON,
    );
    if c & class::DEFINES_PLACE != 0 {
        Some(Place)
    } else if c & class::DEFINES_ORG != 0 {
        Some(Org)
    } else if c & class::DEFINES_PERSON != 0 {
        Some(Person)
    } else {
        None
    }
}

/// Prepositions that point strongly to a place ("in X"): used for unknown
/// single words, where "to"/"from" are too often followed by people.
pub fn is_strong_place_cue(w: &str) -> bool {
    is(w, class::STRONG_PLACE_CUE)
}

/// A month or its abbreviation, with or without a full stop ("Nov.").
pub fn is_month(w: &str) -> bool {
    is(w.strip_suffix('.').unwrap_or(w), class::MONTH)
}

#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_weekday(w: &str) -> bool {
    is(w, class::WEEKDAY)
}

/// Number words that count on their own ("six sources", "two vessels").
/// "one" is left out: it is far more often a pronoun.
pub fn number_word(w: &str) -> bool {
    is(w, class::NUMBER_WORD)
}

/// Words that multiply a number and belong to it: "4.2 billion".
pub fn is_scale(w: &str) -> bool {
    is(w, class::SCALE)
}

/// Units and currencies that belong to a number: "40 km", "12 percent".
pub fn is_unit(w: &str) -> bool {
    is(w, class::UNIT)
}

/// Units that make a number a duration, hence a DATE: "three days".
pub fn is_time_unit(w: &str) -> bool {
    is(w, class::TIME_UNIT)
}

/// Words before a number or duration that belong to its span: "nearly four-year".
pub fn is_approximator(w: &str) -> bool {
    is(w, class::APPROXIMATOR)
}

/// A period a relative word makes a date of: "last week", "next Tuesday",
/// "this March".
pub fn is_period_word(w: &str) -> bool {
    is(w, class::PERIOD_WORD | class::WEEKDAY) || is_month(w)
}

/// Capitalised abbreviations that are not organisations.
pub fn is_non_org_acronym(w: &str) -> bool {
    is(w, class::NON_ORG_ACRONYM)
}

/// Verbs and prepositions of a match report: "Liverpool beat Girona 3-1".
pub fn is_sport_cue(w: &str) -> bool {
    is(w, class::SPORT_CUE)
}

/// Particles that open a name when capitalised at a sentence start.
#[allow(dead_code)] // the rules ask it of a token: `Cx::is`
pub fn is_name_particle(w: &str) -> bool {
    is(w, class::NAME_PARTICLE)
}

/// Titles and name words written as abbreviations with a full stop ("Gen.",
/// "Dr.", "St. Louis", "Mt. Everest"): the stop does not end the sentence.
pub fn is_title_abbreviation(w: &str) -> bool {
    is(w, class::TITLE_ABBREVIATION)
}

/// Capitalised function words: never the start of a name, whatever a name
/// list says ("The" is also a given name somewhere).
pub fn is_function_word(w: &str) -> bool {
    is(w, class::FUNCTION_WORD)
}

/// Words naming an event, a prize or a work rather than a bearer: a run
/// they end or open is no person's name ("Second Battle", "Davis Cup",
/// "Indie Chart").
pub fn is_event_word(w: &str) -> bool {
    is(w, class::EVENT_WORD)
}

/// Words after a place name that make it a price benchmark ("Brent crude").
pub fn is_commodity_word(w: &str) -> bool {
    is(w, class::COMMODITY_WORD)
}

/// A period an article makes a duration of: "a week later".
pub fn is_article_duration(w: &str) -> bool {
    is(w, class::ARTICLE_DURATION)
}

/// A word that ends a duration: "a week later", "a year ago".
pub fn is_duration_end(w: &str) -> bool {
    is(w, class::DURATION_END)
}

/// A word after "one" that makes it a pronoun: "one of them", "one said".
pub fn is_not_counted_after_one(w: &str) -> bool {
    is(w, class::NOT_COUNTED_AFTER_ONE)
}

/// A month that alone is too often a verb or a name: "May", "March".
pub fn is_ambiguous_month(w: &str) -> bool {
    is(w, class::AMBIGUOUS_MONTH)
}

/// A preposition that makes an ambiguous month a date: "in March".
pub fn is_month_preposition(w: &str) -> bool {
    is(w, class::MONTH_PREPOSITION)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::EntityKind;

    #[test]
    fn classes_match_case_exactly() {
        assert!(is_connector("of") && !is_connector("Of"));
        assert!(is_function_word("Of") && !is_function_word("of"));
        assert!(is_org_head("plc") && is_org_head("Bank") && !is_org_head("bank"));
    }

    #[test]
    fn months_read_with_a_stop() {
        assert!(is_month("Nov") && is_month("Nov.") && is_month("May"));
        assert!(!is_month("Nov..") && !is_month("nov"));
        assert!(is_period_word("week") && is_period_word("Tuesday") && is_period_word("Sept."));
    }

    #[test]
    fn definitions_give_a_kind() {
        assert_eq!(kind_by_definition("village"), Some(EntityKind::Place));
        assert_eq!(kind_by_definition("band"), Some(EntityKind::Org));
        assert_eq!(kind_by_definition("singer"), Some(EntityKind::Person));
        assert_eq!(kind_by_definition("Singer"), None);
    }

    #[test]
    fn camel_case_brands_are_not_name_prefixes() {
        assert!(is_camel_case_brand("SoftBank"));
        assert!(!is_camel_case_brand("MacArthur") && !is_camel_case_brand("DellaVigna"));
    }
}
