//! The gazetteer's flag bits: what each bundled list says about a string.
//! `build.rs` packs them into the table and `gazetteer.rs` reads them back,
//! both from this one file, which therefore holds plain constants only.

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
