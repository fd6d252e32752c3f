//! The lexicon's flag bits: what each bundled list says about a string.
//! `build.rs` packs them into the table, `gazetteer.rs` and `words.rs` read
//! them back and `tests/lexicon_lists.rs` checks the lists, all from this
//! one file, which therefore holds plain constants only.

/// A place (`places.txt`).
pub const PLACE: u16 = 1;
/// An organisation (`orgs.txt`).
pub const ORG: u16 = 1 << 1;
/// A group: a nationality, an ethnic, religious or political group
/// (`demonyms.txt`).
pub const GROUP: u16 = 1 << 2;
/// A given name (`given_names.txt`).
pub const GIVEN: u16 = 1 << 3;
/// A given name that is also a common word or another entity
/// (`given_names_ambiguous.txt`).
pub const GIVEN_AMBIGUOUS: u16 = 1 << 4;
/// A surname (`surnames.txt`).
pub const SURNAME: u16 = 1 << 5;
/// A surname that is also a common word or another entity
/// (`surnames_ambiguous.txt`).
pub const SURNAME_AMBIGUOUS: u16 = 1 << 6;
/// A title, honorific or role before a name: "President" (`titles.txt`).
pub const TITLE: u16 = 1 << 7;
/// One of the most frequent English words, lowercase (`common_words.txt`).
pub const COMMON: u16 = 1 << 8;
/// A longer entry starts with this one and a space or hyphen ("United" for
/// "United States"): set by `build.rs`, not by a list.
pub const PREFIX: u16 = 1 << 9;
/// A country (also a place): a side named after it is its national team,
/// still the place; a city's club is an organisation (`countries.txt`).
pub const COUNTRY: u16 = 1 << 10;
/// A well-known person, in full or by the name used alone ("Yeltsin"): a
/// lone surname the press uses needs no first name to be a person
/// (`people.txt`).
pub const PERSON: u16 = 1 << 11;

/// Word classes: the closed lists of `assets/lexicon/` the rules read
/// ("org head", "month", "person cue"). A word's classes and its gazetteer
/// flags come from the same entry of the one table, so one probe answers
/// every question about it.
pub mod class {
    /// `connectors.txt`: lowercase words inside a name ("Bank of England").
    pub const CONNECTOR: u64 = 1 << 0;
    /// `weak_connectors.txt`: connectors that join only after a head word.
    pub const WEAK_CONNECTOR: u64 = 1 << 1;
    /// `org_heads.txt`: last words that make an organisation ("... Council").
    pub const ORG_HEAD: u64 = 1 << 2;
    /// `org_leads.txt`: first words that with "of" make one ("Ministry of").
    pub const ORG_LEAD: u64 = 1 << 3;
    /// `place_heads.txt`: last words that make a place ("... River").
    pub const PLACE_HEAD: u64 = 1 << 4;
    /// `person_cues_before.txt`: words before a person's name ("envoy", "said").
    pub const PERSON_CUE_BEFORE: u64 = 1 << 5;
    /// `person_cues_after.txt`: verbs after a person's name ("confirmed").
    pub const PERSON_CUE_AFTER: u64 = 1 << 6;
    /// `org_openers.txt`: first words of foreign organisations' names ("Grupo").
    pub const ORG_OPENER: u64 = 1 << 7;
    /// `club_words.txt`: last words of a club's name ("Rovers").
    pub const CLUB_WORD: u64 = 1 << 8;
    /// `org_cues_before.txt`: nouns before an organisation's name ("pollster").
    pub const ORG_CUE_BEFORE: u64 = 1 << 9;
    /// `org_cues_after.txt`: words after an organisation's name ("shares").
    pub const ORG_CUE_AFTER: u64 = 1 << 10;
    /// `camel_case_name_prefixes.txt`: prefixes of names with an inner capital ("Mac").
    pub const CAMEL_CASE_NAME_PREFIX: u64 = 1 << 11;
    /// `team_roles.txt`: a team's people after its name ("coach").
    pub const TEAM_ROLE: u64 = 1 << 12;
    /// `political_adjectives.txt`: adjectives that open a body's name ("Republican").
    pub const POLITICAL_ADJECTIVE: u64 = 1 << 13;
    /// `org_cues_of.txt`: nouns that put a company after "of"/"in" ("shares").
    pub const ORG_CUE_OF: u64 = 1 << 14;
    /// `definition_places.txt`: definition nouns of a place ("village").
    pub const DEFINES_PLACE: u64 = 1 << 15;
    /// `definition_orgs.txt`: definition nouns of an organisation ("band").
    pub const DEFINES_ORG: u64 = 1 << 16;
    /// `definition_people.txt`: definition nouns of a person ("singer").
    pub const DEFINES_PERSON: u64 = 1 << 17;
    /// `strong_place_cues.txt`: prepositions before a place ("in").
    pub const STRONG_PLACE_CUE: u64 = 1 << 18;
    /// `months.txt`: months and their abbreviations.
    pub const MONTH: u64 = 1 << 19;
    /// `weekdays.txt`: days of the week.
    pub const WEEKDAY: u64 = 1 << 20;
    /// `number_words.txt`: number words that count ("six").
    pub const NUMBER_WORD: u64 = 1 << 21;
    /// `scales.txt`: words that multiply a number ("billion").
    pub const SCALE: u64 = 1 << 22;
    /// `units.txt`: units and currencies ("km", "percent").
    pub const UNIT: u64 = 1 << 23;
    /// `time_units.txt`: units of a duration ("days").
    pub const TIME_UNIT: u64 = 1 << 24;
    /// `approximators.txt`: words before an amount ("nearly").
    pub const APPROXIMATOR: u64 = 1 << 25;
    /// `relatives.txt`: words that make a relative date ("last").
    pub const RELATIVE: u64 = 1 << 26;
    /// `relatives_capitalised.txt`: the same, capitalised ("Last").
    pub const RELATIVE_CAPITALISED: u64 = 1 << 27;
    /// `period_words.txt`: periods after a relative word ("week").
    pub const PERIOD_WORD: u64 = 1 << 28;
    /// `standalone_dates.txt`: dates on their own ("yesterday").
    pub const STANDALONE_DATE: u64 = 1 << 29;
    /// `non_org_acronyms.txt`: abbreviations that are not organisations ("CEO").
    pub const NON_ORG_ACRONYM: u64 = 1 << 30;
    /// `sport_cues.txt`: words of a match report ("beat").
    pub const SPORT_CUE: u64 = 1 << 31;
    /// `name_particles.txt`: particles that open a name ("Van").
    pub const NAME_PARTICLE: u64 = 1 << 32;
    /// `title_abbreviations.txt`: abbreviations whose stop ends no sentence ("Gen").
    pub const TITLE_ABBREVIATION: u64 = 1 << 33;
    /// `function_words.txt`: capitalised function words, never a name ("The").
    pub const FUNCTION_WORD: u64 = 1 << 34;
    /// `event_words.txt`: words of events and prizes ("Cup").
    pub const EVENT_WORD: u64 = 1 << 35;
    /// `commodity_words.txt`: words of a price benchmark ("crude").
    pub const COMMODITY_WORD: u64 = 1 << 36;
    /// `articles.txt`: articles that open a duration ("a week").
    pub const ARTICLE: u64 = 1 << 37;
    /// `one.txt`: "one", a number only before a noun.
    pub const ONE: u64 = 1 << 38;
    /// `not_counted_after_one.txt`: words after "one" that make it a pronoun ("one of").
    pub const NOT_COUNTED_AFTER_ONE: u64 = 1 << 39;
    /// `article_durations.txt`: periods an article makes a duration of ("a week").
    pub const ARTICLE_DURATION: u64 = 1 << 40;
    /// `duration_ends.txt`: words that end a duration ("a week later").
    pub const DURATION_END: u64 = 1 << 41;
    /// `ambiguous_months.txt`: months too often a verb or name alone ("May").
    pub const AMBIGUOUS_MONTH: u64 = 1 << 42;
    /// `month_prepositions.txt`: prepositions that make an ambiguous month one ("in May").
    pub const MONTH_PREPOSITION: u64 = 1 << 43;
}

/// The classes a date or number may start with when it is not a digit
/// ("yesterday", "Tuesday", "Nov", "last", "a", "three", "one"): `build.rs`
/// lists their words for `numeric.rs`' filter, which reads them all with
/// one look-up.
#[allow(dead_code)] // read by build.rs and numeric.rs
pub const DATE_NUMBER_OPENERS: u64 = class::STANDALONE_DATE
    | class::WEEKDAY
    | class::MONTH
    | class::RELATIVE
    | class::RELATIVE_CAPITALISED
    | class::ARTICLE
    | class::NUMBER_WORD
    | class::ONE;

/// The gazetteer lists (`assets/gazetteer/`) and the flag each sets.
#[allow(dead_code)] // read by build.rs and tests/lexicon_lists.rs
pub const GAZETTEER_FILES: &[(&str, u16)] = &[
    ("places.txt", PLACE),
    ("orgs.txt", ORG),
    ("demonyms.txt", GROUP),
    ("given_names.txt", GIVEN),
    ("given_names_ambiguous.txt", GIVEN_AMBIGUOUS),
    ("surnames.txt", SURNAME),
    ("surnames_ambiguous.txt", SURNAME_AMBIGUOUS),
    ("titles.txt", TITLE),
    ("common_words.txt", COMMON),
    ("countries.txt", COUNTRY),
    ("people.txt", PERSON),
];

/// The word lists (`assets/lexicon/`) and the class each sets.
#[allow(dead_code)] // read by build.rs and tests/lexicon_lists.rs
pub const LEXICON_FILES: &[(&str, u64)] = &[
    ("connectors.txt", class::CONNECTOR),
    ("weak_connectors.txt", class::WEAK_CONNECTOR),
    ("org_heads.txt", class::ORG_HEAD),
    ("org_leads.txt", class::ORG_LEAD),
    ("place_heads.txt", class::PLACE_HEAD),
    ("person_cues_before.txt", class::PERSON_CUE_BEFORE),
    ("person_cues_after.txt", class::PERSON_CUE_AFTER),
    ("org_openers.txt", class::ORG_OPENER),
    ("club_words.txt", class::CLUB_WORD),
    ("org_cues_before.txt", class::ORG_CUE_BEFORE),
    ("org_cues_after.txt", class::ORG_CUE_AFTER),
    ("camel_case_name_prefixes.txt", class::CAMEL_CASE_NAME_PREFIX),
    ("team_roles.txt", class::TEAM_ROLE),
    ("political_adjectives.txt", class::POLITICAL_ADJECTIVE),
    ("org_cues_of.txt", class::ORG_CUE_OF),
    ("definition_places.txt", class::DEFINES_PLACE),
    ("definition_orgs.txt", class::DEFINES_ORG),
    ("definition_people.txt", class::DEFINES_PERSON),
    ("strong_place_cues.txt", class::STRONG_PLACE_CUE),
    ("months.txt", class::MONTH),
    ("weekdays.txt", class::WEEKDAY),
    ("number_words.txt", class::NUMBER_WORD),
    ("scales.txt", class::SCALE),
    ("units.txt", class::UNIT),
    ("time_units.txt", class::TIME_UNIT),
    ("approximators.txt", class::APPROXIMATOR),
    ("relatives.txt", class::RELATIVE),
    ("relatives_capitalised.txt", class::RELATIVE_CAPITALISED),
    ("period_words.txt", class::PERIOD_WORD),
    ("standalone_dates.txt", class::STANDALONE_DATE),
    ("non_org_acronyms.txt", class::NON_ORG_ACRONYM),
    ("sport_cues.txt", class::SPORT_CUE),
    ("name_particles.txt", class::NAME_PARTICLE),
    ("title_abbreviations.txt", class::TITLE_ABBREVIATION),
    ("function_words.txt", class::FUNCTION_WORD),
    ("event_words.txt", class::EVENT_WORD),
    ("commodity_words.txt", class::COMMODITY_WORD),
    ("articles.txt", class::ARTICLE),
    ("one.txt", class::ONE),
    ("not_counted_after_one.txt", class::NOT_COUNTED_AFTER_ONE),
    ("article_durations.txt", class::ARTICLE_DURATION),
    ("duration_ends.txt", class::DURATION_END),
    ("ambiguous_months.txt", class::AMBIGUOUS_MONTH),
    ("month_prepositions.txt", class::MONTH_PREPOSITION),
];
