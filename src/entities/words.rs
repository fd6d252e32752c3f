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
            | "binti"
            | "binte"
            | "para"
            | "por"
            | "es"
            | "ez"
            | "ash"
            | "az"
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
    matches!(
        w,
        "of" | "the" | "for" | "and" | "on" | "upon" | "&" | "y" | "e" | "para" | "por"
    )
}

/// Last words that make a capitalised sequence an organisation.
#[allow(clippy::too_many_lines)] // a word list: one `matches!`, long by nature
pub fn is_org_head(w: &str) -> bool {
    // Dispatched on the first byte: this runs for every name word, and a
    // match over all the heads at once compares each in turn.
    match w.as_bytes().first() {
        Some(b'A') => matches!(
            w,
            "AG" | "ASA"
                | "Academy"
                | "Administration"
                | "Advisors"
                | "Advisory"
                | "Aerospace"
                | "Agency"
                | "Air"
                | "Airlines"
                | "Airways"
                | "Alliance"
                | "Analytics"
                | "Archdiocese"
                | "Army"
                | "Assembly"
                | "Association"
                | "Authority"
                | "Automotive"
        ),
        Some(b'B') => matches!(
            w,
            "BV" | "Bancorp"
                | "Band"
                | "Bank"
                | "Battalion"
                | "Bhd"
                | "Biopharma"
                | "Bioscience"
                | "Biosciences"
                | "Biotech"
                | "Board"
                | "Brands"
                | "Breweries"
                | "Brewery"
                | "Brigade"
                | "Broadcasting"
                | "Bros"
                | "Bros."
                | "Brotherhood"
                | "Brothers"
                | "Bulletin"
                | "Bureau"
        ),
        Some(b'C') => matches!(
            w,
            "Cabinet"
                | "Capital"
                | "Center"
                | "Centre"
                | "Chemical"
                | "Chemicals"
                | "Chronicle"
                | "Church"
                | "Clinic"
                | "Club"
                | "Co"
                | "Co."
                | "Coalition"
                | "College"
                | "Command"
                | "Commission"
                | "Committee"
                | "Company"
                | "Confederation"
                | "Congress"
                | "Consortium"
                | "Constabulary"
                | "Construction"
                | "Consulting"
                | "Cooperative"
                | "Copper"
                | "Corp"
                | "Corp."
                | "Corporation"
                | "Corps"
                | "Cos"
                | "Council"
                | "Courier"
                | "Court"
        ),
        Some(b'D') => matches!(
            w,
            "Department"
                | "Diagnostics"
                | "Digital"
                | "Diocese"
                | "Directorate"
                | "Dispatch"
                | "Division"
                | "Duma"
        ),
        Some(b'E') => matches!(
            w,
            "Electric"
                | "Electronics"
                | "Energy"
                | "Engineering"
                | "Ensemble"
                | "Enterprises"
                | "Entertainment"
                | "Equities"
                | "Examiner"
                | "Exchange"
        ),
        Some(b'F') => matches!(
            w,
            "FC" | "Federation"
                | "Fleet"
                | "Foods"
                | "Force"
                | "Forces"
                | "Forum"
                | "Foundation"
                | "Front"
                | "Fund"
        ),
        Some(b'G') => matches!(w, "Gas" | "Gazette" | "Genomics" | "GmbH" | "Group" | "Guard"),
        Some(b'H') => matches!(
            w,
            "Handelsbank" | "Healthcare" | "Herald" | "Holdings" | "Hospital" | "Hotels"
        ),
        Some(b'I') => matches!(
            w,
            "Inc"
                | "Inc."
                | "Industries"
                | "Initiative"
                | "Inquirer"
                | "Institut"
                | "Institute"
                | "Institutet"
                | "Institution"
                | "Instituto"
                | "Insurance"
                | "Internacional"
                | "Investments"
        ),
        Some(b'J') => matches!(w, "Journal"),
        Some(b'K') => matches!(w, "KK" | "Knesset"),
        Some(b'L') => matches!(
            w,
            "LLC"
                | "Laboratories"
                | "Laboratory"
                | "Labs"
                | "League"
                | "Library"
                | "Lines"
                | "Logistics"
                | "Lottery"
                | "Ltd"
                | "Ltd."
        ),
        Some(b'M') => matches!(
            w,
            "Management"
                | "Maritime"
                | "Markets"
                | "Media"
                | "Metals"
                | "Minerals"
                | "Mining"
                | "Ministry"
                | "Mobile"
                | "Motor"
                | "Motors"
                | "Movement"
                | "Museum"
        ),
        Some(b'N') => matches!(w, "NV" | "Nacional" | "Navy" | "Network" | "News" | "Nickel"),
        Some(b'O') => matches!(
            w,
            "Observatory"
                | "Observer"
                | "Office"
                | "Oil"
                | "Orchestra"
                | "Organisation"
                | "Organization"
                | "Oyj"
        ),
        Some(b'P') => matches!(
            w,
            "PLC"
                | "Parliament"
                | "Partners"
                | "Partnership"
                | "Party"
                | "Petroleum"
                | "Pharma"
                | "Pharmaceutical"
                | "Pharmaceuticals"
                | "Pictures"
                | "Plc"
                | "Police"
                | "Popular"
                | "Post"
                | "Press"
                | "Productions"
                | "Program"
                | "Programme"
                | "Prosecutor's"
                | "Pty"
                | "Publishers"
                | "Publishing"
        ),
        Some(b'R') => matches!(
            w,
            "Rada"
                | "Radio"
                | "Railroad"
                | "Railway"
                | "Railways"
                | "Recordings"
                | "Records"
                | "Regiment"
                | "Research"
                | "Resources"
                | "Retail"
                | "Robotics"
        ),
        Some(b'S') => matches!(
            w,
            "SA" | "School"
                | "Secretariat"
                | "Securities"
                | "Semiconductor"
                | "Semiconductors"
                | "Senate"
                | "Sentinel"
                | "Service"
                | "Services"
                | "Shipping"
                | "Society"
                | "Software"
                | "Softworks"
                | "Solutions"
                | "SpA"
                | "Squadron"
                | "Steel"
                | "Stiftung"
                | "Studios"
                | "Syndicate"
                | "Systems"
        ),
        Some(b'T') => matches!(
            w,
            "TV" | "Tbk"
                | "Technologies"
                | "Telecom"
                | "Telegraph"
                | "Television"
                | "Therapeutics"
                | "Times"
                | "Trading"
                | "Transit"
                | "Treasury"
                | "Tribunal"
                | "Tribune"
                | "Trust"
        ),
        Some(b'U') => matches!(w, "Union" | "Unit" | "Universitet" | "University"),
        Some(b'V') => matches!(w, "Ventures"),
        Some(b'W') => matches!(w, "Wing" | "Works"),
        Some(b'p') => matches!(w, "plc"),
        _ => false,
    }
}

/// First words that, followed by "of", make an organisation:
/// "Ministry of Finance", "University of Oxford".
pub fn is_org_lead(w: &str) -> bool {
    matches!(
        w,
        "Ministry"
            | "Confederation"
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
            | "Road"
            | "Highway"
            | "Boulevard"
            | "Bridge"
            | "Pond"
            | "Brook"
            | "Creek"
            | "Beach"
            | "Harbor"
            | "Harbour"
            | "Reservoir"
            | "Falls"
            | "Springs"
            | "Canyon"
            | "Forest"
            | "Park"
            | "Hill"
            | "Hills"
            | "Mountain"
            | "Peak"
            | "Glacier"
            | "Junction"
            | "Village"
            | "Township"
            | "Borough"
            | "Parish"
            | "Stadium"
            | "Arena"
            | "Mall"
            | "House"
            | "Hall"
            | "Tower"
            | "Rink"
            | "Airport"
            | "Belt"
            | "Gym"
            | "Gymnasium"
            | "Playfield"
            | "Place"
            | "Way"
            | "Ave"
            | "Station"
            | "Dock"
            | "Docks"
            | "Cave"
            | "Caves"
            | "Hollow"
    )
}

/// Words that, just before a capitalised name, say it is a person:
/// roles ("envoy Kirill Dmitriev") and speech ("said Umerov").
#[allow(clippy::too_many_lines)] // a word list: one `matches!`, long by nature
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

/// First words of organisations' names in other languages: "Grupo Bimbo",
/// "Institut Pasteur", "Banco Santander", "Partido Colorado".
pub fn is_org_opener(w: &str) -> bool {
    // Dispatched on the first byte: asked of every name word.
    match w.as_bytes().first() {
        Some(b'A') => matches!(
            w,
            "AC" | "AS" | "Agence" | "Agencia" | "Alianza" | "Alliance" | "Athletic" | "Atlético"
        ),
        Some(b'B') => matches!(
            w,
            "Banca" | "Banco" | "Bankhaus" | "Banque" | "Beitar" | "Betar" | "Bnei"
        ),
        Some(b'C') => matches!(
            w,
            "Celta"
                | "Comité"
                | "Compagnie"
                | "Companhia"
                | "Compañía"
                | "Conseil"
                | "Consejo"
                | "Corporación"
        ),
        Some(b'D') => matches!(w, "Dinamo" | "Dynamo"),
        Some(b'E') => matches!(w, "Editora"),
        Some(b'F') => matches!(
            w,
            "FC" | "Fondation" | "Fondazione" | "Frente" | "Fuerza" | "Fundación" | "Fundação"
        ),
        Some(b'G') => matches!(w, "Groupe" | "Grupo" | "Gruppo"),
        Some(b'H') => matches!(w, "Hapoel"),
        Some(b'I') => matches!(w, "Institut" | "Instituto" | "Istituto"),
        Some(b'J') => matches!(w, "Juntos" | "Jurado"),
        Some(b'L') => matches!(w, "Laboratorios"),
        Some(b'M') => matches!(
            w,
            "Maccabi" | "Ministerio" | "Ministère" | "Mouvement" | "Movimiento"
        ),
        Some(b'O') => matches!(w, "Oficina" | "Olympique"),
        Some(b'P') => matches!(
            w,
            "Partei" | "Parti" | "Partido" | "Partito" | "Partizan" | "Pontificia"
        ),
        Some(b'R') => matches!(w, "Racing" | "Real" | "Renovación"),
        Some(b'S') => matches!(
            w,
            "SC" | "SV" | "Sociedad" | "Società" | "Société" | "Sporting" | "Steaua"
        ),
        Some(b'U') => matches!(
            w,
            "Universidad" | "Universidade" | "Universiteit" | "Università" | "Universität" | "Université"
        ),
        Some(b'V') => matches!(w, "VfB" | "VfL"),
        _ => false,
    }
}

/// Words that end a club's name after its town: "Dundee United",
/// "Blackburn Rovers", "Inverness Thistle".
pub fn is_club_word(w: &str) -> bool {
    matches!(
        w,
        "United"
            | "Rovers"
            | "Wanderers"
            | "Athletic"
            | "Albion"
            | "Thistle"
            | "Hotspur"
            | "Rangers"
            | "Celtic"
            | "Harriers"
            | "Argyle"
            | "Academical"
            | "FC"
            | "AFC"
            | "CF"
    )
}

/// Nouns naming a kind of organisation, written just before one's name:
/// "pollster Datafolha", "carmaker General Motors", "daily Kommersant".
pub fn is_org_cue_before(w: &str) -> bool {
    matches!(
        w,
        "firm"
            | "company"
            | "companies"
            | "carrier"
            | "airline"
            | "lender"
            | "insurer"
            | "carmaker"
            | "automaker"
            | "broker"
            | "brokerage"
            | "retailer"
            | "conglomerate"
            | "pollster"
            | "newspaper"
            | "daily"
            | "weekly"
            | "broadcaster"
            | "agency"
            | "club"
            | "clubs"
            | "rivals"
            | "outfit"
            | "studio"
            | "publisher"
            | "startup"
            | "start-up"
            | "subsidiary"
            | "unit"
            | "operator"
            | "miner"
            | "producer"
            | "refiner"
            | "developer"
            | "manufacturer"
            | "maker"
            | "giant"
            | "group"
            | "bank"
            | "bankers"
            | "fund"
            | "watchdog"
            | "regulator"
            | "charity"
            | "thinktank"
            | "think-tank"
    )
}

/// Words just after a name that say it is an organisation: "Kaveri
/// shares fell", "Datafolha poll", "Telkom spokesman".
pub fn is_org_cue_after(w: &str) -> bool {
    matches!(
        w,
        "shares"
            | "stock"
            | "shareholders"
            | "stake"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "poll"
            | "survey"
            | "subsidiary"
            | "unit"
            | "executives"
            | "employees"
            | "staff"
    )
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
            let prefix = &w[..at];
            return lower_run >= 2 && !matches!(prefix, "Mac" | "Van" | "Von" | "Des" | "Del" | "Della");
        } else {
            lower_run = 0;
        }
    }
    false
}

/// A team's people, written right after its name: "Marseille coach Roberto
/// De Zerbi", "Leeds fans".
pub fn is_team_role(w: &str) -> bool {
    matches!(
        w,
        "coach"
            | "manager"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "keeper"
            | "winger"
            | "forward"
            | "captain"
            | "skipper"
            | "fans"
            | "supporters"
            | "squad"
            | "boss"
            | "playmaker"
            | "centre-back"
            | "full-back"
    )
}

/// Adjectives of politics that open a body's name ("Republican Guard",
/// "Democratic Forces for the Liberation of Rwanda"), unlike a nationality,
/// which stands apart from the body it qualifies ("Russian Army").
pub fn is_political_adjective(w: &str) -> bool {
    matches!(
        w,
        "Democratic"
            | "Republican"
            | "Socialist"
            | "Liberal"
            | "Conservative"
            | "Islamic"
            | "Popular"
            | "Revolutionary"
            | "Patriotic"
            | "Progressive"
            | "Federal"
            | "Communist"
    )
}

/// Nouns that, with "of", "in", "for" or "with", put a company after them:
/// "shares in X", "chief executive of X", "a bid for X", "a merger with X".
pub fn is_org_cue_of(w: &str) -> bool {
    matches!(
        w,
        "shares"
            | "stake"
            | "stakes"
            | "executive"
            | "executives"
            | "chairman"
            | "chairwoman"
            | "subsidiary"
            | "shareholders"
            | "takeover"
            | "acquisition"
            | "bid"
            | "merger"
            | "customers"
            | "analysts"
    )
}

/// The noun of a definition ("X is a village in", "X was an American
/// singer", "X is a rock band"): what kind of thing X is.
pub fn kind_by_definition(noun: &str) -> Option<super::EntityKind> {
    use super::EntityKind::{Org, Person, Place};
    Some(match noun {
        "village" | "town" | "city" | "municipality" | "suburb" | "hamlet" | "parish" | "county"
        | "district" | "region" | "province" | "river" | "lake" | "mountain" | "island" | "commune"
        | "settlement" | "neighbourhood" | "neighborhood" | "borough" | "township" | "port" | "capital"
        | "peninsula" | "valley" | "state" | "country" => Place,
        "company" | "band" | "organisation" | "organization" | "club" | "team" | "firm" | "corporation"
        | "party" | "university" | "newspaper" | "magazine" | "label" | "airline" | "bank" | "network"
        | "broadcaster" | "charity" | "agency" | "manufacturer" | "retailer" | "chain" | "duo" | "trio"
        | "quartet" | "orchestra" | "choir" | "conglomerate" => Org,
        "politician" | "footballer" | "player" | "singer" | "actor" | "actress" | "writer" | "author"
        | "journalist" | "painter" | "musician" | "composer" | "poet" | "director" | "producer"
        | "economist" | "lawyer" | "scientist" | "engineer" | "businessman" | "businesswoman"
        | "diplomat" | "officer" | "bishop" | "priest" | "athlete" | "cyclist" | "boxer" | "coach"
        | "rapper" | "songwriter" | "guitarist" | "drummer" | "architect" | "historian" | "philosopher"
        | "novelist" | "physician" | "entrepreneur" | "swimmer" | "sprinter" | "cricketer" | "golfer"
        | "wrestler" | "soldier" | "explorer" | "inventor" | "judge" | "professor" | "activist"
        | "comedian" | "presenter" | "model" | "dancer" | "artist" => Person,
        _ => return None,
    })
}

/// Prepositions that point strongly to a place ("in X"): used for unknown
/// single words, where "to"/"from" are too often followed by people.
pub fn is_strong_place_cue(w: &str) -> bool {
    matches!(w, "in" | "near" | "outside" | "throughout" | "across")
}

pub fn is_month(w: &str) -> bool {
    // Dispatched on the first byte: asked of every capitalised word.
    let w = w.strip_suffix('.').unwrap_or(w);
    match w.as_bytes().first() {
        Some(b'A') => matches!(w, "Apr" | "April" | "Aug" | "August"),
        Some(b'D') => matches!(w, "Dec" | "December"),
        Some(b'F') => matches!(w, "Feb" | "February"),
        Some(b'J') => matches!(w, "Jan" | "January" | "Jul" | "July" | "Jun" | "June"),
        Some(b'M') => matches!(w, "Mar" | "March" | "May"),
        Some(b'N') => matches!(w, "Nov" | "November"),
        Some(b'O') => matches!(w, "Oct" | "October"),
        Some(b'S') => matches!(w, "Sep" | "Sept" | "September"),
        _ => false,
    }
}

pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
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

/// [`is_relative`] for a capitalised word ("Last week"), without allocating.
pub fn is_relative_capitalised(w: &str) -> bool {
    matches!(
        w,
        "Last" | "Next" | "This" | "Past" | "Previous" | "Coming" | "Earlier" | "Later" | "Same"
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
#[allow(clippy::too_many_lines)] // a word list: one `matches!`, long by nature
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
            | "VI"
            | "DJ"
            | "DJs"
            | "CD"
            | "CDs"
            | "DVD"
            | "EP"
            | "LP"
            | "OST"
            | "MVP"
            | "EST"
            | "PST"
            | "CET"
            | "FM"
            | "KO"
            | "ERA"
            | "MPP"
            | "MC"
            | "PC"
            | "PR"
            | "HR"
            | "IT"
            | "ATM"
            | "LED"
            | "LCD"
            | "CPU"
            | "GPU"
            | "RAM"
            | "ICBM"
            | "UAV"
            | "IED"
            | "POW"
            | "POWs"
            | "SWAT"
            | "RICO"
            | "NOK"
            | "SEK"
            | "CHF"
            | "POS"
            | "HQ"
            | "UFO"
            | "VR"
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

/// Titles and name words written as abbreviations with a full stop ("Gen.",
/// "Dr.", "St. Louis", "Mt. Everest"): the stop does not end the sentence.
pub fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "St" | "Ste"
            | "Mt"
            | "Ft"
            | "Gen"
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

/// Capitalised function words: never the start of a name, whatever a name
/// list says ("The" is also a given name somewhere).
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "Its"
            | "In"
            | "On"
            | "At"
            | "For"
            | "But"
            | "And"
            | "Or"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "With"
            | "By"
            | "From"
            | "To"
            | "Of"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "There"
            | "Here"
            | "So"
            | "Yet"
            | "Not"
            | "No"
            | "Then"
            | "Now"
            | "Some"
            | "All"
            | "One"
            | "Most"
            | "Many"
    )
}

/// Words naming an event, a prize or a work rather than a bearer: a run
/// they end or open is no person's name ("Second Battle", "Davis Cup",
/// "Indie Chart").
pub fn is_event_word(w: &str) -> bool {
    matches!(
        w,
        "Battle"
            | "Siege"
            | "War"
            | "Treaty"
            | "Accord"
            | "Accords"
            | "Agreement"
            | "Act"
            | "Revolution"
            | "Bowl"
            | "Cup"
            | "Trophy"
            | "Prize"
            | "Award"
            | "Awards"
            | "Championship"
            | "Championships"
            | "Champion"
            | "Games"
            | "Olympics"
            | "Festival"
            | "Chart"
            | "Masters"
            | "Book"
            | "Project"
            | "Register"
            | "Mix"
    )
}

/// Words after a place name that make it a price benchmark ("Brent crude").
pub fn is_commodity_word(w: &str) -> bool {
    matches!(
        w,
        "crude" | "oil" | "blend" | "futures" | "benchmark" | "contract" | "contracts" | "prices" | "price"
    )
}
