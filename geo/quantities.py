"""Amounts an event reports, normalised: weights to kilograms, money to US
dollars (pesos converted only when an exchange rate is given), and counts of
people, guns and rounds."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

KG = {"pounds": 0.45359237, "pound": 0.45359237, "lbs": 0.45359237, "lb": 0.45359237,
      "libras": 0.45359237, "kilograms": 1.0, "kilogram": 1.0, "kilos": 1.0, "kilo": 1.0, "kg": 1.0,
      "kilogramos": 1.0, "tons": 907.18474, "ton": 907.18474, "toneladas": 1000.0, "tonnes": 1000.0,
      "grams": 0.001, "gramos": 0.001, "g": 0.001, "ounces": 0.028349523125, "onzas": 0.028349523125}
SCALE = {"million": 1e6, "millones": 1e6, "m": 1e6, "billion": 1e9, "thousand": 1e3, "mil": 1e3,
         "k": 1e3}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "a dozen": 12, "half a dozen": 6,
         "hundreds": 200, "dozens": 24, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
         "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "quince": 15, "veinte": 20}
_NUM = (r"(\d{1,3}(?:[,.]\d{3})+|\d+(?:[.,]\d{1,2}(?!\d))?|\d+(?:\.\d+)?|"
        + "|".join(sorted(WORDS, key=len, reverse=True)) + r")")
WEIGHT = re.compile(_NUM + r"(?:\s+(million|thousand|mil))?(?:\s+(?:more|additional|metric|más))?\s*("
                    + "|".join(sorted(KG, key=len, reverse=True))
                    + r")\b(?:\s+(?:of|de))?(?:\s+(?:\w+\s+){0,2}?(\w+))?", re.IGNORECASE)
USD = re.compile(r"(?:US)?\$\s?(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|m|k)?\b|"
                 r"(\d[\d,]*(?:\.\d+)?)\s*(millones|mil|million)?\s*(?:de\s+)?(?:dólares|dollars|USD)\b",
                 re.IGNORECASE)
_SCALE = r"(?:\s+(million|millones|mil|thousand))?"
PEOPLE = re.compile(_NUM + _SCALE + r"\s+(?:[\w-]+\s+){0,2}?(migrants?|people|persons|immigrants?|adults|"
                    r"children|minors|men|women|migrantes|personas|extranjeros|menores|hombres|mujeres|bodies|cuerpos)\b",
                    re.IGNORECASE)
GUNS = re.compile(_NUM + _SCALE + r"\s+(?:[\w-]+\s+){0,2}?(guns|firearms|rifles|pistols|handguns|weapons|"
                  r"armas|fusiles|pistolas)\b", re.IGNORECASE)
ROUNDS = re.compile(_NUM + _SCALE + r"\s+(?:[\w-]+\s+){0,2}?(rounds|cartridges|cartuchos|bullets|balas)\b",
                    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str  # "weight", "money", "people", "guns", "rounds"
    value: float  # normalised: kg, USD or a count
    unit: str  # "kg", "USD", "count"
    text: str
    what: str | None = None  # the drug weighed, the people counted...

    def to_dict(self) -> dict:
        return asdict(self)


def _number(text: str) -> float | None:
    key = text.lower()
    if key in WORDS:
        return float(WORDS[key])
    cleaned = text.replace(",", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        cleaned = text.replace(".", "")  # "1.500" in Spanish
    elif re.fullmatch(r"\d+,\d{1,2}", text):
        cleaned = text.replace(",", ".")  # "1,5 toneladas"
    try:
        return float(cleaned)
    except ValueError:
        return None


_DIGIT = re.compile(r"\d")
# Cheap tests (one scan each) for whether a sentence can hold an amount of a kind.
_WEIGHT_KEYS = re.compile("pound|lb|libra|kilo|kg|ton|gram|ounce|onza")
_MONEY_KEYS = re.compile(r"\$|d[óo]lar|dollar|usd")
_COUNTED = (
    ("people", PEOPLE, re.compile("migrant|people|person|adult|child|minor|men|extranjero|menor|hombre|"
                                  "mujer|bod|cuerpo")),
    ("guns", GUNS, re.compile("gun|firearm|rifle|pistol|weapon|arma|fusil")),
    ("rounds", ROUNDS, re.compile("round|cartridge|cartucho|bullet|bala")),
)


# Where a number starts: every amount pattern is tried only there (anchored
# matches), not at every character of the sentence.
_NUMBER_START = re.compile(r"(?<![\w.,])(?:\d|(?:" + "|".join(
    sorted((re.escape(w) for w in WORDS), key=len, reverse=True)) + r")\b)", re.IGNORECASE)


def find_quantities(sentence: str) -> list[Quantity]:
    out: list[Quantity] = []
    low = sentence.lower()
    if not _DIGIT.search(sentence) and WORDS.keys().isdisjoint(low.split()):
        return out
    counted = [(kind, pattern) for kind, pattern, keys in _COUNTED if keys.search(low)]
    weighs = _WEIGHT_KEYS.search(low) is not None
    if weighs or counted:
        for start in _NUMBER_START.finditer(sentence):
            pos = start.start()
            m = WEIGHT.match(sentence, pos) if weighs else None
            if m:
                n = _number(m.group(1))
                if n is not None:
                    n *= SCALE.get((m.group(2) or "").lower(), 1.0)
                    out.append(Quantity("weight", round(n * KG[m.group(3).lower()], 3), "kg",
                                        m.group(0).strip(), m.group(4)))
                continue
            for kind, pattern in counted:
                m = pattern.match(sentence, pos)
                if not m:
                    continue
                n = _number(m.group(1))
                if n is None or (1900 <= n <= 2100 and not m.group(2) and "," not in m.group(1)):
                    break  # "In 2019 guns...": a year, not a count
                n *= SCALE.get((m.group(2) or "").lower(), 1.0)
                out.append(Quantity(kind, n, "count", m.group(0).strip(), m.group(3).lower()))
                break
    for m in USD.finditer(sentence) if _MONEY_KEYS.search(low) else ():
        raw, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = _number(raw)
        if n is None:
            continue
        n *= SCALE.get((scale or "").lower(), 1.0)
        out.append(Quantity("money", round(n, 2), "USD", m.group(0).strip()))
    return sorted(out, key=lambda q: sentence.find(q.text))
