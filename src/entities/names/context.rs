//! The text and its tokens, with the questions every rule asks of them:
//! what a word is, what the lists say of it (looked up once per token),
//! what lies just before and after.

use super::super::gazetteer::{self, Flags, Lexeme};
use super::super::lexicon_flags::class;
use super::super::tokens::{Gap, Token};
use std::cell::Cell;

/// `Cx` methods with the names of `words.rs`' class questions, asked of a
/// token by its index instead of a string: `cx.is_org_head(k)` is
/// `words::is_org_head(cx.word(k))` from the token's lexeme.
macro_rules! word_classes {
    ($($name:ident: $class:ident),* $(,)?) => {
        $(
            #[doc = concat!("Token `k` is in the word class `", stringify!($class), "`.")]
            pub fn $name(&self, k: usize) -> bool {
                self.is(k, class::$class)
            }
        )*
    };
}

/// A piece of text, its tokens and the per-token facts.
pub(in crate::entities) struct Cx<'t> {
    pub text: &'t str,
    pub tokens: &'t [Token],
    /// Per token: could it be part of a name (computed once).
    namey: Vec<bool>,
    /// Per token: what the lexicon says of it as written (its gazetteer
    /// flags and word classes, probed once, asked many times), and its
    /// lowercase form's flags.
    exact: Vec<Cell<Option<Lexeme>>>,
    lower: Vec<Cell<Option<Flags>>>,
}

impl<'t> Cx<'t> {
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The text from token `i` to token `j` inclusive.
    pub fn span(&self, i: usize, j: usize) -> &'t str {
        &self.text[self.tokens[i].start..self.tokens[j].end]
    }

    /// Without the per-token answers that only the rules ask for (which
    /// names may be: `namey` is empty): all consistency needs.
    pub fn bare(text: &'t str, tokens: &'t [Token]) -> Self {
        Self {
            text,
            tokens,
            namey: Vec::new(),
            exact: Vec::new(),
            lower: Vec::new(),
        }
    }

    pub fn new(text: &'t str, tokens: &'t [Token]) -> Self {
        let exact = vec![Cell::new(None); tokens.len()];
        let mut namey = tokens
            .iter()
            .zip(&exact)
            .map(|(t, cell)| may_be_name(text, t, cell))
            .collect::<Vec<bool>>();
        // The lowercase half of a hyphenated given name inside a name
        // ("Lee Jae-myung", "Park Ji-hoon"), told from "Kremlin-backed" by
        // being a short word that is not English.
        for k in 2..tokens.len() {
            let t = &tokens[k];
            if t.gap == Gap::Hyphen
                && !t.cap
                && namey[k - 1]
                && namey[k - 2]
                && tokens[k - 1].gap == Gap::Space
            {
                let w = &text[t.start..t.end];
                // A syllable after a short one ("Hye-jin", "Dong-won") is a
                // name's even when it is also an English word.
                let syllables = w.len() <= 4 && tokens[k - 1].end - tokens[k - 1].start <= 5;
                if w.len() <= 6
                    && w.chars().all(|c| c.is_ascii_lowercase())
                    && (syllables || !gazetteer::lookup(w).has(Flags::COMMON))
                {
                    namey[k] = true;
                }
            }
        }
        let lower = vec![Cell::new(None); tokens.len()];
        Self {
            text,
            tokens,
            namey,
            exact,
            lower,
        }
    }

    /// What the lexicon says of token `k` as written (probed once).
    #[inline]
    pub fn lexeme(&self, k: usize) -> Lexeme {
        self.exact[k].get().unwrap_or_else(|| {
            let l = gazetteer::probe(self.word(k));
            self.exact[k].set(Some(l));
            l
        })
    }

    /// The lists' flags for token `k` as written (looked up once).
    #[inline]
    pub fn flags(&self, k: usize) -> Flags {
        self.lexeme(k).flags
    }

    /// Whether token `k`, exactly as written, is in a word class of `mask`
    /// (`lexicon_flags::class`): answered from the token's lexeme, probed
    /// at most once, and for most words by their shape without a probe. No
    /// token (`k` past the end) is in no class, like the empty word.
    #[inline]
    pub fn is(&self, k: usize, mask: u64) -> bool {
        let Some(cell) = self.exact.get(k) else {
            return self
                .tokens
                .get(k)
                .is_some_and(|_| gazetteer::is(self.word(k), mask));
        };
        if let Some(l) = cell.get() {
            return l.is(mask);
        }
        gazetteer::shape_allows(self.word(k), mask) && self.lexeme(k).is(mask)
    }

    /// Could token `i` be (part of) a name?
    #[inline]
    pub fn namey(&self, i: usize) -> bool {
        self.namey[i]
    }

    pub fn lower_flags(&self, i: usize) -> Flags {
        self.lower[i].get().unwrap_or_else(|| {
            let f = gazetteer::lookup_lower(self.word(i));
            self.lower[i].set(Some(f));
            f
        })
    }

    word_classes! {
        is_connector: CONNECTOR,
        is_weak_connector: WEAK_CONNECTOR,
        is_org_head: ORG_HEAD,
        is_org_lead: ORG_LEAD,
        is_place_head: PLACE_HEAD,
        is_org_opener: ORG_OPENER,
        is_political_adjective: POLITICAL_ADJECTIVE,
        is_org_cue_of: ORG_CUE_OF,
        is_function_word: FUNCTION_WORD,
        is_name_particle: NAME_PARTICLE,
    }

    /// An ordinary English word ("Despite", "Meanwhile"), not a surname.
    pub fn is_common(&self, i: usize) -> bool {
        !self.tokens[i].upper && self.lower_flags(i).has(Flags::COMMON) && !self.flags(i).has(Flags::SURNAME)
    }

    /// The lowercase word just before token `i`, if it follows with a space.
    pub fn word_before(&self, i: usize) -> Option<&'t str> {
        if i == 0 || self.tokens[i].gap != Gap::Space || self.tokens[i].sentence_start {
            return None;
        }
        let w = self.word(i - 1);
        w.starts_with(char::is_lowercase).then_some(w)
    }

    /// The lowercase word just after token `j` (inclusive end), if any.
    /// "Putin's view": a possessive ends the name and has no word after.
    pub fn word_after(&self, j: usize) -> Option<&'t str> {
        let t = self.tokens.get(j + 1)?;
        if self.tokens[j].possessive {
            return None;
        }
        let gap = &self.text[self.tokens[j].end..t.start];
        if gap != " " && gap != ", " {
            return None;
        }
        let w = self.word(j + 1);
        w.starts_with(char::is_lowercase).then_some(w)
    }

    /// The text between token `k - 1` and token `k`, if there is a token `k`.
    pub fn gap_before(&self, k: usize) -> Option<&'t str> {
        self.tokens
            .get(k)
            .map(|t| &self.text[self.tokens[k - 1].end..t.start])
    }

    /// The token of a word before `i` that calls what follows a person
    /// ("said", "envoy", "according to").
    pub fn person_cue_before(&self, i: usize) -> Option<usize> {
        let before = self.word_before(i);
        (before.is_some() && self.is(i - 1, class::PERSON_CUE_BEFORE)
            || (i >= 2 && before == Some("to") && self.word(i - 2) == "according"))
            .then(|| i - 1)
    }

    /// The token after `j` when it calls the name a person ("X said").
    pub fn person_cue_after(&self, j: usize) -> Option<usize> {
        (self.word_after(j).is_some() && self.is(j + 1, class::PERSON_CUE_AFTER)).then_some(j + 1)
    }

    /// Token `k` is a bare score or table figure: one or two digits after
    /// a single space ("Parma 1", "Lazio 14 8 3").
    pub fn small_number(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| {
            t.digit
                && t.gap == Gap::Space
                && t.end - t.start <= 2
                && self.text.as_bytes()[t.start..t.end]
                    .iter()
                    .all(u8::is_ascii_digit)
        })
    }

    /// The bytes of the name of tokens [i, e): "al-Assad" takes its
    /// particle, "OPEC+" its plus.
    pub fn bytes_of(&self, i: usize, e: usize) -> (usize, usize) {
        let mut start = self.tokens[i].start;
        if self.tokens[i].gap == Gap::Hyphen
            && i > 0
            && matches!(self.word(i - 1), "al" | "el" | "bin" | "ibn" | "ul")
        {
            start = self.tokens[i - 1].start;
        }
        let mut end = self.tokens[e - 1].end;
        if self.tokens[e - 1].upper && self.text[end..].starts_with('+') {
            end += 1;
        }
        (start, end)
    }

    /// The bytes of tokens [i, e) exactly, for evidence.
    pub fn bytes(&self, i: usize, e: usize) -> (usize, usize) {
        (self.tokens[i].start, self.tokens[e - 1].end)
    }
}

/// Could this token be (part of) a name, by itself? A capitalised word's
/// lexeme, when probed to tell, is kept in `exact`.
#[inline]
fn may_be_name(text: &str, t: &Token, exact: &Cell<Option<Lexeme>>) -> bool {
    if !t.cap {
        // French elision inside a name: "Côte d'Ivoire" (checked only for
        // words that start with d or l, by their first byte: this runs for
        // every word).
        if !matches!(text.as_bytes().get(t.start), Some(b'd' | b'l')) {
            return false;
        }
        let w = &text[t.start..t.end];
        return ["d'", "d\u{2019}", "l'", "l\u{2019}"].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        });
    }
    if t.digit {
        return false;
    }
    let w = &text[t.start..t.end];
    if w == "I" {
        return false;
    }
    // One probe answers both classes (and is kept for the rules); a month
    // with a full stop ("Nov.") is asked without it, as `words::is_month`.
    let dated = if gazetteer::shape_allows(w, class::WEEKDAY | class::MONTH) {
        let l = gazetteer::probe(w);
        exact.set(Some(l));
        let month = if t.caps_line || w.ends_with('.') {
            0
        } else {
            class::MONTH
        };
        l.classes & (class::WEEKDAY | month)
    } else {
        0
    };
    let stopped_month =
        !t.caps_line && w.ends_with('.') && gazetteer::is(w.strip_suffix('.').unwrap_or(w), class::MONTH);
    !(dated != 0 || stopped_month)
}
