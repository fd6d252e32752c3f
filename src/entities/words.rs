//! Small closed word classes the rules read. Open classes (names, places,
//! organisations) live in `assets/gazetteer/`.

/// Lowercase words that may sit inside a name: "Bank of England",
/// "Abu Bakr al-Baghdadi", "Ursula von der Leyen", "Bosnia and Herzegovina".
pub fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "for"
            | "and"
            | "de"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "di"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "bin"
            | "bint"
            | "ben"
            | "ibn"
            | "al"
            | "el"
            | "ul"
            | "y"
            | "e"
            | "on"
            | "upon"
            | "&"
    )
}

/// Connectors that may only join when an organisation or place head word
/// is on their left ("Ministry of ...", "Gulf of ..."); name particles join freely.
pub fn is_weak_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "for" | "and" | "on" | "upon" | "&" | "y" | "e")
}

/// Last words that make a capitalised sequence an organisation.
pub fn is_org_head(w: &str) -> bool {
    matches!(
        w,
        "Ministry"
            | "Council"
            | "Party"
            | "Bank"
            | "Agency"
            | "University"
            | "Inc"
            | "Inc."
            | "Corp"
            | "Corp."
            | "Ltd"
            | "Ltd."
            | "LLC"
            | "plc"
            | "PLC"
            | "AG"
            | "SA"
            | "GmbH"
            | "NV"
            | "Group"
            | "Holdings"
            | "Company"
            | "Co."
            | "Commission"
            | "Authority"
            | "Committee"
            | "Association"
            | "Institute"
            | "Foundation"
            | "Fund"
            | "Forces"
            | "Army"
            | "Navy"
            | "Court"
            | "Parliament"
            | "Assembly"
            | "Office"
            | "Department"
            | "Service"
            | "Services"
            | "Police"
            | "Guard"
            | "Airlines"
            | "Airways"
            | "Bureau"
            | "Corporation"
            | "Organization"
            | "Organisation"
            | "Union"
            | "Federation"
            | "League"
            | "Club"
            | "FC"
            | "Times"
            | "Post"
            | "News"
            | "Press"
            | "Media"
            | "Network"
            | "Partners"
            | "Motors"
            | "Systems"
            | "Technologies"
            | "Labs"
            | "Pharmaceuticals"
            | "Railways"
            | "Trust"
            | "Alliance"
            | "Consortium"
            | "Coalition"
            | "Movement"
            | "Front"
            | "Brigade"
            | "Battalion"
            | "Fleet"
            | "Hospital"
            | "School"
            | "College"
            | "Academy"
            | "Museum"
            | "Church"
            | "Board"
            | "Exchange"
            | "Secretariat"
            | "Cabinet"
            | "Senate"
            | "Congress"
            | "Duma"
            | "Rada"
            | "Knesset"
            | "Industries"
            | "Energy"
            | "Capital"
            | "Investments"
            | "Securities"
            | "Insurance"
            | "Logistics"
            | "Shipping"
            | "Mining"
            | "Telecom"
            | "Airport"
            | "Observatory"
            | "Centre"
            | "Center"
            | "Society"
            | "Brotherhood"
            | "Initiative"
            | "Programme"
            | "Program"
            | "Tribunal"
            | "Prosecutor's"
            | "Directorate"
            | "Command"
            | "Corps"
            | "Regiment"
            | "Division"
            | "Gazette"
            | "Herald"
            | "Journal"
            | "Tribune"
            | "Broadcasting"
            | "Television"
            | "Radio"
            | "Institution"
            | "Laboratory"
            | "Laboratories"
            | "Clinic"
            | "Enterprises"
            | "Ventures"
            | "Bancorp"
            | "Petroleum"
            | "Oil"
            | "Gas"
            | "Steel"
            | "Chemicals"
            | "Electric"
            | "Foods"
            | "Mobile"
            | "Software"
            | "Robotics"
            | "Semiconductors"
            | "Cooperative"
            | "Syndicate"
            | "Forum"
            | "Administration"
            | "Unit"
            | "Analytics"
            | "Research"
            | "Equities"
            | "Management"
            | "Advisors"
            | "Advisory"
            | "Consulting"
            | "Solutions"
            | "Digital"
            | "Pharma"
            | "Biotech"
            | "Therapeutics"
            | "Institut"
            | "Instituto"
            | "Stiftung"
            | "Handelsbank"
            | "Maritime"
            | "Partnership"
            | "Softworks"
            | "Works"
            | "Aerospace"
            | "Automotive"
            | "Resources"
            | "Minerals"
            | "Construction"
            | "Engineering"
            | "Hotels"
            | "Brands"
            | "Retail"
            | "Markets"
            | "Trading"
    )
}

/// First words that, followed by "of", make an organisation:
/// "Ministry of Finance", "University of Oxford".
pub fn is_org_lead(w: &str) -> bool {
    matches!(
        w,
        "Ministry"
            | "University"
            | "Bank"
            | "Department"
            | "Office"
            | "Institute"
            | "Council"
            | "Commission"
            | "Court"
            | "Federation"
            | "Union"
            | "Organization"
            | "Organisation"
            | "Association"
            | "Academy"
            | "Museum"
            | "Church"
            | "Board"
            | "Agency"
            | "Secretariat"
            | "League"
            | "Party"
            | "Chamber"
            | "College"
            | "School"
            | "Order"
            | "Society"
            | "Bureau"
            | "Government"
            | "Republic"
    )
}

/// Last words that make a capitalised sequence a place.
pub fn is_place_head(w: &str) -> bool {
    matches!(
        w,
        "Province"
            | "Region"
            | "Oblast"
            | "County"
            | "District"
            | "Island"
            | "Islands"
            | "Mountains"
            | "River"
            | "Sea"
            | "Ocean"
            | "Gulf"
            | "Bay"
            | "Valley"
            | "Desert"
            | "Strait"
            | "Peninsula"
            | "Lake"
            | "Coast"
            | "Basin"
            | "Plateau"
            | "Governorate"
            | "Prefecture"
            | "Krai"
            | "Canal"
            | "Straits"
            | "Highlands"
            | "Mount"
            | "Heights"
            | "Square"
            | "Street"
            | "Avenue"
    )
}

/// Words that, just before a capitalised name, say it is a person:
/// roles ("envoy Kirill Dmitriev") and speech ("said Umerov").
pub fn is_person_cue_before(w: &str) -> bool {
    matches!(
        w,
        "envoy"
            | "negotiator"
            | "minister"
            | "president"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "secretary"
            | "ambassador"
            | "leader"
            | "chief"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "governor"
            | "mayor"
            | "senator"
            | "commander"
            | "official"
            | "adviser"
            | "advisor"
            | "aide"
            | "analyst"
            | "economist"
            | "professor"
            | "journalist"
            | "correspondent"
            | "lawyer"
            | "attorney"
            | "judge"
            | "coach"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "captain"
            | "manager"
            | "founder"
            | "executive"
            | "premier"
            | "counterpart"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "brother"
            | "sister"
            | "father"
            | "mother"
            | "said"
            | "says"
            | "told"
            | "son-in-law"
            | "daughter-in-law"
            | "researcher"
            | "scientist"
            | "author"
            | "editor"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "colonel"
            | "general"
            | "sergeant"
            | "lieutenant"
            | "officer"
            | "activist"
            | "candidate"
            | "rival"
            | "opponent"
            | "deputy"
            | "lawmaker"
            | "legislator"
            | "diplomat"
            | "investor"
            | "billionaire"
            | "businessman"
            | "businesswoman"
            | "entrepreneur"
            | "writer"
            | "poet"
            | "artist"
            | "singer"
            | "actor"
            | "actress"
            | "player"
            | "champion"
            | "tycoon"
            | "banker"
            | "prosecutor"
            | "cleric"
            | "imam"
            | "rabbi"
            | "bishop"
            | "prince"
            | "princess"
            | "king"
            | "queen"
            | "sheikh"
            | "emir"
            | "sultan"
            | "dictator"
            | "warlord"
            | "commissioner"
            | "representative"
            | "strategist"
            | "physician"
            | "doctor"
            | "nurse"
            | "surgeon"
            | "epidemiologist"
            | "virologist"
            | "historian"
            | "colleague"
    )
}

/// Verbs after a name that say a person is speaking or acting:
/// "Witkoff confirmed", "Umerov said".
pub fn is_person_cue_after(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "added"
            | "noted"
            | "argued"
            | "wrote"
            | "warned"
            | "insisted"
            | "confirmed"
            | "explained"
            | "stated"
            | "tweeted"
            | "asked"
            | "replied"
            | "recalled"
            | "acknowledged"
            | "admitted"
            | "claimed"
            | "believes"
            | "thinks"
            | "who"
            | "whose"
            | "urged"
            | "stressed"
            | "emphasised"
            | "emphasized"
            | "denied"
            | "recalls"
            | "smiled"
            | "laughed"
            | "resigned"
            | "died"
            | "himself"
            | "herself"
    )
}

/// Prepositions that point strongly to a place ("in X"): used for unknown
/// single words, where "to"/"from" are too often followed by people.
pub fn is_strong_place_cue(w: &str) -> bool {
    matches!(w, "in" | "near" | "outside" | "throughout" | "across")
}

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub fn is_month(w: &str) -> bool {
    // Months and weekdays start with a capital; most words do not.
    w.starts_with(|c: char| c.is_ascii_uppercase()) && MONTHS.contains(&w.trim_end_matches('.'))
}

pub fn is_weekday(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase()) && WEEKDAYS.contains(&w)
}

/// Number words that count on their own ("six sources", "two vessels").
/// "one" is left out: it is far more often a pronoun.
pub fn number_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "dozen"
            | "dozens"
            | "million"
            | "millions"
            | "billion"
            | "billions"
            | "Two"
            | "Three"
            | "Four"
            | "Five"
            | "Six"
            | "Seven"
            | "Eight"
            | "Nine"
            | "Ten"
            | "Twelve"
            | "Twenty"
            | "Thirty"
            | "Forty"
            | "Fifty"
            | "Hundreds"
            | "Thousands"
            | "Dozens"
    )
}

/// Words that multiply a number and belong to it: "4.2 billion".
pub fn is_scale(w: &str) -> bool {
    matches!(
        w,
        "hundred" | "thousand" | "million" | "billion" | "trillion" | "bn" | "mn" | "m" | "tn" | "k"
    )
}

/// Units and currencies that belong to a number: "40 km", "12 percent".
pub fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "cents"
            | "pence"
            | "reais"
            | "euro"
            | "dollar"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "m"
            | "tonnes"
            | "tons"
            | "tonne"
            | "barrels"
            | "kg"
            | "kilograms"
            | "dollars"
            | "euros"
            | "pounds"
            | "rubles"
            | "roubles"
            | "hryvnias"
            | "yuan"
            | "yen"
            | "rupees"
            | "francs"
            | "points"
            | "bpd"
            | "cubic"
            | "megawatts"
            | "MW"
            | "GW"
            | "gigawatts"
            | "hectares"
            | "acres"
            | "square"
            | "mph"
            | "degrees"
            | "litres"
            | "liters"
            | "bcm"
            | "USD"
            | "EUR"
    )
}

/// Units that make a number a duration, hence a DATE: "three days".
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "hour"
            | "hours"
            | "weekend"
            | "weekends"
            | "quarter"
            | "quarters"
            | "minute"
            | "minutes"
            | "night"
            | "nights"
    )
}

/// Words before a number or duration that belong to its span: "nearly four-year".
pub fn is_approximator(w: &str) -> bool {
    matches!(
        w,
        "nearly" | "almost" | "about" | "around" | "roughly" | "approximately" | "some"
    )
}

/// Words that make the following period word a relative date: "last week".
pub fn is_relative(w: &str) -> bool {
    matches!(
        w,
        "last" | "next" | "this" | "past" | "previous" | "coming" | "earlier" | "later" | "same"
    )
}

pub fn is_period_word(w: &str) -> bool {
    matches!(
        w,
        "week"
            | "month"
            | "year"
            | "weekend"
            | "decade"
            | "century"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "quarter"
            | "season"
            | "morning"
            | "night"
            | "evening"
            | "afternoon"
    ) || is_weekday(w)
        || is_month(w)
}

pub fn is_standalone_date(w: &str) -> bool {
    matches!(
        w,
        "yesterday" | "today" | "tomorrow" | "Yesterday" | "Today" | "Tomorrow"
    )
}

/// Capitalised abbreviations that are not organisations.
pub fn is_non_org_acronym(w: &str) -> bool {
    matches!(
        w,
        "CEO"
            | "CFO"
            | "COO"
            | "CTO"
            | "MP"
            | "MPs"
            | "MEP"
            | "GDP"
            | "GNP"
            | "CPI"
            | "PM"
            | "AM"
            | "UTC"
            | "GMT"
            | "TV"
            | "OK"
            | "ID"
            | "PhD"
            | "VAT"
            | "IPO"
            | "AI"
            | "LNG"
            | "LPG"
            | "COVID"
            | "HIV"
            | "AIDS"
            | "DNA"
            | "RNA"
            | "CO2"
            | "EV"
            | "EVs"
            | "SUV"
            | "PDF"
            | "URL"
            | "FAQ"
            | "Q1"
            | "Q2"
            | "Q3"
            | "Q4"
            | "H1"
            | "H2"
            | "YoY"
            | "ETF"
            | "ETFs"
            | "M&A"
            | "R&D"
            | "ESG"
            | "SMS"
            | "GPS"
            | "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CNY"
            | "RUB"
            | "UAH"
            | "BPD"
            | "MW"
            | "GW"
            | "KM"
            | "NB"
            | "PS"
            | "VIP"
            | "DIY"
            | "FYI"
            | "ASAP"
            | "RIP"
            | "USB"
            | "WiFi"
            | "III"
            | "II"
            | "IV"
    )
}

/// Verbs and prepositions of a match report: "Liverpool beat Girona 3-1".
pub fn is_sport_cue(w: &str) -> bool {
    matches!(
        w,
        "beat"
            | "beats"
            | "drew"
            | "draw"
            | "lost"
            | "lose"
            | "defeated"
            | "edged"
            | "thrashed"
            | "hammered"
            | "overcame"
            | "routed"
            | "crushed"
            | "hosted"
            | "hosts"
            | "against"
            | "v"
            | "vs"
            | "over"
            | "to"
            | "trailed"
            | "led"
            | "held"
            | "stunned"
            | "downed"
            | "swept"
            | "won"
            | "play"
            | "played"
            | "face"
            | "faced"
            | "host"
    )
}

/// Particles that open a name when capitalised at a sentence start.
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "Van"
            | "Von"
            | "De"
            | "Da"
            | "Di"
            | "Du"
            | "La"
            | "Le"
            | "Del"
            | "Della"
            | "Al"
            | "El"
            | "Ibn"
            | "Bin"
            | "Abu"
            | "Ben"
    )
}

/// Titles written as abbreviations with a full stop ("Gen.", "Dr."): the
/// stop does not end the sentence.
pub fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Gen"
            | "Capt"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Dr"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Maj"
            | "Brig"
            | "Adm"
            | "Cmdr"
            | "Rev"
            | "Fr"
            | "Cpl"
            | "Pvt"
            | "Supt"
            | "Insp"
            | "Hon"
            | "Amb"
            | "Pres"
    )
}
