"""Finding every gazetteer name in a text in one pass (Aho–Corasick).

Text and names are folded character for character (lower case, accents
off, typographic dashes and apostrophes made plain) so that offsets in the
folded text are offsets in the original. The automaton is built once per
gazetteer version and cached beside the gazetteer's index.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
import unicodedata
from typing import NamedTuple

from gazetteer.index import cache_dir, prune_cache

from . import lexicon

MATCHER_VERSION = 4
SETTLEMENTS = frozenset({"city", "town", "village"})
# Countries whose towns border news names in English or Spanish under their
# other names too; elsewhere only the main name, or every name of a city of
# a million people.
AMERICAS = frozenset("US MX GT SV HN NI CR PA BZ CU HT DO JM PR VE CO EC PE BO CL AR UY PY BR CA".split())
WORLD_ALIAS_POPULATION = 1_000_000  # bump when what goes into the cached automaton changes
# Capital-letter codes of two or three letters ("US", "AZ", "RGV") are found
# token by token: as automaton patterns they would match inside every word.
_SHORT_FORM = re.compile(r"[A-Z]{2,3}")
# A leading \b would make the regex engine try every position; led by the
# letter class, it skips to capitals, and the look-behind after the first
# letter is the same word-start test.
_SHORT_TOKEN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,2}\b")

# Kinds never matched as text: the border is annotated as its place names.
UNMATCHED_KINDS = frozenset({"border_segment"})
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTES = "\u2019\u2018\u00b4`"


def _fold_char(c: str) -> str:
    if c in _DASHES:
        return "-"
    if c in _QUOTES:
        return "'"
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else c


FOLD_TABLE = {i: _fold_char(chr(i)) for i in range(0x2100) if _fold_char(chr(i)) != chr(i)}


_NON_WORD = re.compile(r"[^\w]")

# str.translate looks every character up in a dict; news is mostly ASCII, and
# bytes.translate does ASCII runs through a 256-byte table at C speed. Both
# tables are derived from FOLD_TABLE and _NON_WORD, so the results are the same.
_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")
_ASCII_FOLD = bytes(ord(FOLD_TABLE.get(i, chr(i))) for i in range(128)) + bytes(range(128, 256))
_ASCII_BOUNDARY = bytes(ord(" ") if _NON_WORD.match(chr(i)) else i for i in range(256))


def _by_runs(text: str, ascii_run, other_run) -> str:
    """``text`` with its ASCII runs and its other runs each transformed."""
    if text.isascii():
        return ascii_run(text)
    parts = _NON_ASCII_RUN.split(text)  # ASCII at even indexes, the rest at odd ones
    parts[0::2] = [ascii_run(p) for p in parts[0::2]]
    parts[1::2] = [other_run(p) for p in parts[1::2]]
    return "".join(parts)


def _fold_ascii(text: str) -> str:
    return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")


def _bound_ascii(text: str) -> str:
    return text.encode("ascii").translate(_ASCII_BOUNDARY).decode("ascii")


def _fold_other(text: str) -> str:
    return text.translate(FOLD_TABLE)


def _bound_other(text: str) -> str:
    return _NON_WORD.sub(" ", text)


def fold_text(text: str) -> str:
    """Same length as ``text``: lower case, no accents, plain dashes/quotes."""
    return _by_runs(text, _fold_ascii, _fold_other)


def word_boundaries(folded: str) -> str:
    """Same length as ``folded``: every character that is not part of a word
    made a space, so names can be matched between boundary marks."""
    return _by_runs(folded, _bound_ascii, _bound_other)


def _bounded(form: str) -> str:
    """An automaton key: the folded name, punctuation as boundaries, between
    two boundary marks (" u s  " for "U.S.")."""
    return " " + word_boundaries(fold_text(form)) + " "


class NameHit(NamedTuple):
    """One gazetteer name found in the text, before any rule is applied (a
    tuple: dozens are made per article, and a frozen dataclass costs three
    times as much to make)."""

    start: int
    end: int
    entries: tuple  # (place_id, how, form, kind) for every place of that name


# Folded first letters of the lower-case words that may open a name
# (lexicon.LOWER_OPENERS).
_LOWER_STARTS = frozenset(fold_text(word)[:3] for word in lexicon.LOWER_OPENERS)


_LOADED: dict[str, tuple] = {}  # one automaton per gazetteer version in a process


class NameMatcher:
    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        key = gazetteer.version
        if key not in _LOADED:
            _LOADED.clear()  # a new version replaces the old one
            _LOADED[key] = self._load()
        self.automaton, self.short_forms = _LOADED[key]

    def _load(self):
        path = cache_dir() / f"names-{self.gazetteer.version}-{MATCHER_VERSION}.automaton"
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
        automaton = self._build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".names-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(automaton, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            prune_cache(path.parent, "names-*.automaton")
        except OSError:
            pass  # no writable cache: build every run
        return automaton

    def _build(self):
        import ahocorasick

        patterns: dict[str, list] = {}
        short: dict[str, list] = {}
        for form, how, place_id, kind, country, population in self.gazetteer.name_forms():
            if kind in UNMATCHED_KINDS or len(form) < 2:
                continue
            if (how == "alias" and kind in SETTLEMENTS and country not in AMERICAS
                    and (population or 0) < WORLD_ALIAS_POPULATION):
                continue  # "Gerusalemme": other languages' names of far-off towns
            if kind == "county" and how == "alias" and " " not in form.strip():
                continue  # "Pima" alone is not "Pima County"
            entry = (place_id, how, form, kind)
            if _SHORT_FORM.fullmatch(form):
                short.setdefault(form, []).append(entry)  # "US", "AZ", "RGV": looked up by token
            elif len(form) >= 3:
                patterns.setdefault(_bounded(form), []).append(entry)
        automaton = ahocorasick.Automaton()
        for key, entries in patterns.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        return automaton, {k: tuple(v) for k, v in short.items()}

    def find(self, text: str, folded: str | None = None) -> list[NameHit]:
        """Every name occurrence that starts and ends at word boundaries and
        opens with a capital (or one of the few lower-case openers such as
        "río"): nothing else can be a name, so nothing else is kept.

        Patterns are stored between two boundary marks, and the text is
        scanned with every non-word character made a boundary, so the
        automaton only reports whole words (offsets are unchanged). A caller
        that has folded the text already passes ``folded``."""
        if folded is None:
            folded = fold_text(text)
        scanned = " " + word_boundaries(folded) + " "
        hits = []
        for end_index, (length, entries) in self.automaton.iter(scanned):
            start = end_index - length + 1  # the boundary before the name is at scanned[start]
            first = text[start]
            if not (first.isupper() or first.isdigit()) and folded[start:start + 3] not in _LOWER_STARTS:
                continue
            hits.append(NameHit(start, end_index - 1, entries))
        for m in _SHORT_TOKEN.finditer(text):
            entries = self.short_forms.get(m.group(0))
            if entries:
                hits.append(NameHit(m.start(), m.end(), entries))
        return hits
