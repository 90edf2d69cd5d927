"""Places the text names as places but the gazetteer does not know: "at a
place called Plan de Alazán", "en el área denominada 'El Centinela'", "en
el sector conocido como Santa Martha". The words before the name say it is
a place; where it is comes from the place the same sentence locates best
(an offset first: "20 miles south of the port, at a place called..."), or
else from the article's dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = r"[\w-]*(?:['’]\w+)*"  # "Plan", "O'odham", "Ojo-Caliente"
_NAME = (rf"[\"'‘“«]?(?P<name>[A-ZÁÉÍÓÚÑ]{_WORD}(?:[ \t]+(?:de|del|la|las|los|el|y|"
         rf"[A-ZÁÉÍÓÚÑ0-9]{_WORD}))*)")
_PLACE_WORDS_ES = ("área", "zona", "sector", "paraje", "lugar", "sitio", "ejido", "rancho", "ranchería",
                   "colonia", "comunidad", "poblado", "predio")
CUE = re.compile(
    r"\b(?:(?:an?|the)\s+(?:place|area|spot|site|ranch|village|community|neighbou?rhood|settlement|"
    r"colonia|ejido)\s+(?:called|known\s+as|named)|"
    rf"(?:{'|'.join(_PLACE_WORDS_ES)})\s+"
    r"(?:denominad[oa]|conocid[oa]\s+como|llamad[oa]))\s+" + _NAME)
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:de|del|la|las|los|el|y))+$")


@dataclass(frozen=True, slots=True)
class NamedLocality:
    start: int
    end: int
    name: str
    cue: str  # the words that say it is a place


# Every cue holds one of these (CUE is case-sensitive): texts without any are not searched.
_NAMING = ("called", "known as", "named", "denominad", "conocid", "llamad")


def find_named_localities(text: str) -> list[NamedLocality]:
    out: list[NamedLocality] = []
    if not any(word in text for word in _NAMING):
        return out
    for m in CUE.finditer(text):
        name = _TRAILING_CONNECTOR.sub("", m.group("name"))
        start = m.start("name")
        cue = text[m.start():start].strip(" \"'‘“«")
        out.append(NamedLocality(start, start + len(name), name, cue))
    return out
