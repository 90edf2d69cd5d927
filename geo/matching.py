"""Finding every gazetteer name in a text in one pass (Aho–Corasick).

Text and names are folded character for character (lower case, accents
off, typographic dashes and apostrophes made plain) so that offsets in the
folded text are offsets in the original. The automaton is built once per
gazetteer version and cached beside the gazetteer's index.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import unicodedata
from dataclasses import dataclass

from gazetteer.index import cache_dir

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


def fold_text(text: str) -> str:
    """Same length as ``text``: lower case, no accents, plain dashes/quotes."""
    return text.translate(FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class NameHit:
    """One gazetteer name found in the text, before any rule is applied."""

    start: int
    end: int
    entries: tuple  # (place_id, how, form, kind) for every place of that name


def _is_word(c: str) -> bool:
    return c.isalnum()


class NameMatcher:
    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.automaton = self._load()

    def _load(self):
        path = cache_dir() / f"names-{self.gazetteer.version}.automaton"
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
        except OSError:
            pass  # no writable cache: build every run
        return automaton

    def _build(self):
        import ahocorasick

        patterns: dict[str, list] = {}
        for form, how, place_id, kind in self.gazetteer.name_forms():
            if kind in UNMATCHED_KINDS or len(form) < 2:
                continue
            if kind == "county" and how == "alias" and " " not in form.strip():
                continue  # "Pima" alone is not "Pima County"
            patterns.setdefault(fold_text(form), []).append((place_id, how, form, kind))
        automaton = ahocorasick.Automaton()
        for key, entries in patterns.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        return automaton

    def find(self, text: str) -> list[NameHit]:
        """Every name occurrence that starts and ends at word boundaries."""
        folded = fold_text(text)
        hits = []
        n = len(text)
        for end_index, (length, entries) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_word(folded[start - 1]) and _is_word(folded[start]):
                continue
            if end < n and _is_word(folded[end]) and _is_word(folded[end - 1]):
                continue
            hits.append(NameHit(start, end, entries))
        return hits
