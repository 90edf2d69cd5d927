"""How names are compared: one folding rule for the index and for queries."""

from __future__ import annotations

import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_APOSTROPHES = "'\u2019\u2018`\u00b4"
_FOLD_TABLE = str.maketrans(
    {**{c: " " for c in _DASHES + ",;:/()[]\"\u201c\u201d"}, **{c: "" for c in _APOSTROPHES + "."}}
)
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Key under which a name is indexed: no case, accents, periods, apostrophes
    or dashes ("Ciudad Juárez" and "CIUDAD JUAREZ" → "ciudad juarez",
    "N.M." → "nm", "Arizona–Sonora" → "arizona sonora")."""
    text = strip_accents(text).casefold().translate(_FOLD_TABLE)
    return _SPACES.sub(" ", text).strip()


def is_latin_name(text: str) -> bool:
    """True for names written in the Latin script (the ones news here uses)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in text if c.isalpha())
