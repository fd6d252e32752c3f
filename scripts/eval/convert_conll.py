#!/usr/bin/env python3
"""Convert CoNLL-format NER data into per-document labelled text files.

Sources (saved verbatim under raw/):
  raw/conll2003-test.txt   CoNLL-2003 English test set ("testb"), BIO tags
  raw/wikigold.conll.txt   WikiGold, IO tags

Output: one file per document, conll/NNN.md and wikigold/NNN.md, in which
every gold entity is written [[KIND:text]] with KIND in PERSON, ORG, PLACE
(PER -> PERSON, ORG -> ORG, LOC -> PLACE; MISC is left as plain text).
Each CoNLL sentence becomes one paragraph; paragraphs are separated by a
blank line.

Standard library only.  Usage:  python3 convert_conll.py DIR
(DIR holds raw/; the labelled folders are written beside it; see README.md).
Runs built-in verification and prints counts; exits non-zero on failure.
"""

import collections
import hashlib
import os
import re
import sys

HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()

SOURCES = [
    # (name, raw file, output dir, expected length in characters = the
    #  total_chars reported for the stored copy it was fetched from)
    ("conll", os.path.join(HERE, "raw", "conll2003-test.txt"), os.path.join(HERE, "conll"), 426136),
    ("wikigold", os.path.join(HERE, "raw", "wikigold.conll.txt"), os.path.join(HERE, "wikigold"), 318333),
]

KIND = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}  # MISC -> unmarked
TAG_RE = re.compile(r"^([BI])-(PER|ORG|LOC|MISC)$")
MARK_RE = re.compile(r"\[\[(PERSON|ORG|PLACE):(.*?)\]\]")

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%"}
NO_SPACE_BEFORE_CI = {"'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}  # compared lower-cased
NO_SPACE_AFTER = {"(", "[", "$"}
CLOSING_PUNCT = NO_SPACE_BEFORE | {'"', "'"}
TOKEN_MAP = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")",
             "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
MD_LEAD = set("#>-*+|")          # characters that would start Markdown blocks
MD_PUNCT_TOKEN = set("#>-*+|=_")  # a token made only of these carries no text


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------
def read_conll(path, notes):
    """Return list of documents; document = list of sentences;
    sentence = list of [token, tag] (tag is the last column)."""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.split()
            if not parts:
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    docs.append(doc)
                doc = []
                continue
            if len(parts) < 2:
                notes["malformed line (no tag)"].append((lineno, line.rstrip("\n")))
                continue
            tok, tag = parts[0], parts[-1]
            if tag != "O" and not TAG_RE.match(tag):
                notes["unknown tag treated as O"].append((lineno, tok, tag))
                tag = "O"
            sent.append([tok, tag])
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


# --------------------------------------------------------------------------
# Token normalisation (quotes, brackets)
# --------------------------------------------------------------------------
def normalise_sentence(sent, notes):
    out = []
    i = 0
    while i < len(sent):
        tok, tag = sent[i]
        # CoNLL-2003 writes some double quotes as two single-quote tokens ' '
        if (tok == "'" and i + 1 < len(sent) and sent[i + 1][0] == "'"
                and tag == "O" and sent[i + 1][1] == "O"):
            out.append(['"', "O"])
            notes["' ' pair -> \""] += 1
            i += 2
            continue
        if tok in TOKEN_MAP:
            notes["%s -> %s" % (tok, TOKEN_MAP[tok])] += 1
            tok = TOKEN_MAP[tok]
        out.append([tok, tag])
        i += 1
    return out


# --------------------------------------------------------------------------
# Entities (BIO and IO)
# --------------------------------------------------------------------------
def entity_spans(sent):
    """Return list of (start, end_exclusive, type). B-X starts an entity;
    I-X continues an entity of type X, otherwise (after O or another type,
    i.e. IO-style or IOB1) it starts a new one."""
    spans = []
    cur = None
    for i, (_, tag) in enumerate(sent):
        m = TAG_RE.match(tag)
        if not m:
            if cur:
                spans.append(tuple(cur))
                cur = None
            continue
        bi, typ = m.groups()
        if bi == "B" or cur is None or cur[2] != typ:
            if cur:
                spans.append(tuple(cur))
            cur = [i, i + 1, typ]
        else:
            cur[1] = i + 1
    if cur:
        spans.append(tuple(cur))
    return spans


# --------------------------------------------------------------------------
# Detokenisation
# --------------------------------------------------------------------------
def is_wordlike(tok):
    return any(ch.isalnum() for ch in tok)


def spacing(tokens, dq_state):
    """Return (space_before list, new dq_state).  space_before[i] tells
    whether a space separates tokens[i-1] and tokens[i].  dq_state is True
    while a double quotation is open (carried across paragraphs of a
    document, since a quote may close in a later sentence)."""
    n = len(tokens)
    sp = [True] * n
    if n:
        sp[0] = False
    nospace_after = [False] * n
    sq_open = False
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if tok == '"':
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is not None and nxt in NO_SPACE_BEFORE:
                opening = False          # '" ,'  '" .'  closes a quotation
            elif prev is not None and prev in {"(", "[", ":"}:
                opening = True           # ': "'  opens one
            elif i == 0:
                # a paragraph normally opens a quotation with '"'; it closes
                # one only if a quotation is open and the text runs on in
                # lower case ('" he said')
                opening = not (dq_state and nxt is not None and nxt[:1].islower())
            else:
                # otherwise alternate; a '"' ending a paragraph while no
                # quotation is open opens one that continues in the next
                # CoNLL sentence ('... third . "' / 'I think ... , " he told')
                opening = not dq_state
            if opening:
                nospace_after[i] = True
                dq_state = True
            else:
                sp[i] = False
                dq_state = False
        elif tok == "'":
            prev = tokens[i - 1] if i > 0 else None
            nxt = tokens[i + 1] if i + 1 < n else None
            if i > 0 and sq_open:
                sp[i] = False           # closing single quote
                sq_open = False
            elif prev is not None and is_wordlike(prev) and prev[-1] in "sSzZ":
                sp[i] = False           # plural possessive: players ' -> players'
            elif i > 0 and (nxt is None or nxt in CLOSING_PUNCT):
                sp[i] = False           # trailing quote
            elif nxt is not None and is_wordlike(nxt):
                nospace_after[i] = True  # opening single quote
                sq_open = True
            else:
                sp[i] = False
        else:
            if tok in NO_SPACE_BEFORE or low in NO_SPACE_BEFORE_CI:
                sp[i] = False
            if tok in NO_SPACE_AFTER:
                nospace_after[i] = True
    for i in range(1, n):
        if nospace_after[i - 1]:
            sp[i] = False
    return sp, dq_state


def render_paragraph(tokens, spans, sp):
    """Render tokens with [[KIND:text]] marks.  Returns (text, marks) where
    marks is a list of (KIND, entity_text)."""
    start_at = {s: (e, t) for s, e, t in spans}
    out = []
    marks = []
    i = 0
    n = len(tokens)
    while i < n:
        if sp[i]:
            out.append(" ")
        if i in start_at:
            e, typ = start_at[i]
            ent = tokens[i]
            for j in range(i + 1, e):
                ent += (" " if sp[j] else "") + tokens[j]
            if typ in KIND:
                # keep [[ / ]] unambiguous next to literal brackets
                if out and "".join(out).endswith("["):
                    out.append(" ")
                out.append("[[%s:%s]]" % (KIND[typ], ent))
                marks.append((KIND[typ], ent))
                if e < n and not sp[e] and tokens[e].startswith("]"):
                    sp[e] = True
            else:
                out.append(ent)
            i = e
            continue
        out.append(tokens[i])
        i += 1
    return "".join(out), marks


# --------------------------------------------------------------------------
# Conversion of one source
# --------------------------------------------------------------------------
def convert(name, path, outdir):
    notes = collections.defaultdict(list)
    counters = collections.Counter()
    docs = read_conll(path, notes)
    os.makedirs(outdir, exist_ok=True)
    for fn in os.listdir(outdir):
        if fn.endswith(".md"):
            os.remove(os.path.join(outdir, fn))

    width = max(3, len(str(len(docs))))
    stats = collections.Counter()
    failures = []
    md_left = []
    for dno, doc in enumerate(docs, 1):
        paragraphs = []
        gold_marks = []
        src_chars = collections.Counter()   # non-space chars of raw tokens
        kept_chars = collections.Counter()  # after normalisation and drops
        dq_state = False
        for sent in doc:
            for tok, _ in sent:
                src_chars.update(tok)
            sent = normalise_sentence(sent, counters)
            # Avoid accidental Markdown: drop leading punctuation-only tokens
            # such as "-" / "--" / "#" / "*" that would start a list, rule,
            # heading or quote block (never inside an entity).
            spans = entity_spans(sent)
            ent_tokens = {k for s, e, _ in spans for k in range(s, e)}
            drop = 0
            while (drop < len(sent) and sent[drop][0][0] in MD_LEAD
                   and set(sent[drop][0]) <= MD_PUNCT_TOKEN
                   and drop not in ent_tokens):
                counters["leading Markdown token dropped: %r" % sent[drop][0]] += 1
                drop += 1
            if drop:
                sent = sent[drop:]
                spans = [(s - drop, e - drop, t) for s, e, t in spans]
            if not sent:
                continue
            tokens = [t for t, _ in sent]
            for t in tokens:
                kept_chars.update(t)
            sp, dq_state = spacing(tokens, dq_state)
            text, marks = render_paragraph(tokens, spans, sp)
            if text[:1] in MD_LEAD:
                md_left.append((name, dno, text[:40]))
            # ---- per-paragraph verification ----
            plain = MARK_RE.sub(lambda m: m.group(2), text)
            if "[[" in plain or "]]" in plain or "\n" in text:
                failures.append((dno, "stray [[/]] or newline", text[:80]))
            if re.sub(r"\s+", "", plain) != "".join(tokens):
                failures.append((dno, "re-tokenisation mismatch", text[:80]))
            found = [(m.group(1), m.group(2)) for m in MARK_RE.finditer(text)]
            gold = [(KIND[t], None, tokens[s:e]) for s, e, t in spans if t in KIND]
            if len(found) != len(gold) or any(
                    f[0] != g[0] or f[1].replace(" ", "") != "".join(g[2])
                    for f, g in zip(found, gold)):
                failures.append((dno, "marks differ from gold", text[:80]))
            for k, t in found:
                stats[k] += 1
                if "[" in t or "]" in t:
                    failures.append((dno, "bracket inside entity", t))
            gold_marks.extend(found)
            paragraphs.append(text)
        body = "\n\n".join(paragraphs) + "\n"
        fn = os.path.join(outdir, "%0*d.md" % (width, dno))
        with open(fn, "w", encoding="utf-8") as fh:
            fh.write(body)
        # ---- per-document verification (re-read what was written) ----
        with open(fn, encoding="utf-8") as fh:
            written = fh.read()
        plain = MARK_RE.sub(lambda m: m.group(2), written)
        out_chars = collections.Counter(ch for ch in plain if not ch.isspace())
        if out_chars != kept_chars:
            failures.append((dno, "non-space character multiset changed", ""))
        diff_removed = src_chars - out_chars
        diff_added = out_chars - src_chars
        # the only permitted differences: ' ' pairs -> ", `` / '' -> ",
        # -LRB-/-RRB- -> ( ), and dropped leading Markdown punctuation
        if set(diff_removed) - set("'`-LRBSCD#>*+|=_") or set(diff_added) - set('"()[]{}'):
            failures.append((dno, "unexpected char change", (diff_removed, diff_added)))
        if [(m.group(1), m.group(2)) for m in MARK_RE.finditer(written)] != gold_marks:
            failures.append((dno, "marks in file differ", ""))
        stats["documents"] += 1
        stats["paragraphs"] += len(paragraphs)
    return stats, counters, notes, failures, md_left


def main():
    ok = True
    for name, path, outdir, expected_len in SOURCES:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        stats, counters, notes, failures, md_left = convert(name, path, outdir)
        print("== %s  (%s -> %s/)" % (name, os.path.relpath(path, HERE), os.path.relpath(outdir, HERE)))
        print("   raw: %d chars (expected %d), sha256 %s" % (len(raw), expected_len, digest))
        if len(raw) != expected_len:
            failures.append((0, "raw file length differs from source total_chars", len(raw)))
        print("   documents: %d   paragraphs: %d" % (stats["documents"], stats["paragraphs"]))
        print("   gold PERSON: %d   ORG: %d   PLACE: %d   (total %d)" % (
            stats["PERSON"], stats["ORG"], stats["PLACE"],
            stats["PERSON"] + stats["ORG"] + stats["PLACE"]))
        for k in sorted(counters):
            print("   normalised: %s x%d" % (k, counters[k]))
        for k, v in notes.items():
            print("   source note: %s x%d %s" % (k, len(v), v[:5]))
        for item in md_left:
            print("   paragraph still starting with Markdown char:", item)
        if failures:
            ok = False
            print("   VERIFICATION FAILURES: %d" % len(failures))
            for f in failures[:20]:
                print("     ", f)
        else:
            print("   verification: OK (re-tokenisation, char multiset, marks == gold)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
