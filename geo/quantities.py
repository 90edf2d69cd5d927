"""Amounts an event reports, normalised: weights to kilograms, money to US
dollars (pesos converted only when an exchange rate is given), and counts of
people, guns and rounds."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import ahocorasick

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
CALIBRE = re.compile(r"\s*(?:mm\b|-?mil[íi]metros\b|-?cal(?:iber|ibre)?\b|x\d)", re.IGNORECASE)
# Up to two words between a number and what it counts ("45 Central American
# migrants"), but no preposition: "una agresión con armas" counts no guns.
_BETWEEN = (r"(?:(?!(?:con|de|del|with|of|in|en|por|para|from|at|and|y|the|el|la|los|las)\s)"
            r"[\w.-]+\s+){0,2}?")
PEOPLE = re.compile(_NUM + _SCALE + r"\s+" + _BETWEEN + r"(migrants?|people|persons|immigrants?|adults|"
                    r"children|minors|men|women|migrantes|personas|extranjeros|menores|hombres|mujeres|bodies|cuerpos)\b",
                    re.IGNORECASE)
GUNS = re.compile(_NUM + _SCALE + r"\s+" + _BETWEEN + r"(guns|firearms|rifles|pistols|handguns|weapons|"
                  r"armas|fusiles|pistolas)\b", re.IGNORECASE)
ROUNDS = re.compile(_NUM + _SCALE + r"\s+" + _BETWEEN + r"(rounds|cartridges|cartuchos|bullets|balas)\b",
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
# Substrings of the sentence in lower case without which it holds no amount of
# a kind: cheap tests, found all at once (``_cues``).
CUES = {
    "weight": ("pound", "lb", "libra", "kilo", "kg", "ton", "gram", "ounce", "onza"),
    "money": ("$", "dólar", "dolar", "dollar", "usd"),
    "people": ("migrant", "people", "person", "adult", "child", "minor", "men", "extranjero", "menor",
               "hombre", "mujer", "bod", "cuerpo"),
    "guns": ("gun", "firearm", "rifle", "pistol", "weapon", "arma", "fusil"),
    "rounds": ("round", "cartridge", "cartucho", "bullet", "bala"),
}
_COUNTED = (("people", PEOPLE), ("guns", GUNS), ("rounds", ROUNDS))


# Where a number starts: every amount pattern is tried only there (anchored
# matches), not at every character of the sentence.
# Not inside another number, nor a model's name ("AK-47", "AR-15").
_NUMBER_START = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)(?:\d|(?:" + "|".join(
    sorted((re.escape(w) for w in WORDS), key=len, reverse=True)) + r")\b)", re.IGNORECASE)
# Its figures: a pattern that begins with the figure, so that re skips to them.
_FIGURE_START = re.compile(r"\d(?<![\w.,]\d)(?<![A-Za-z]-\d)")
# Letters that IGNORECASE takes for an ASCII letter but lower() does not turn
# into it: in a sentence with one, the lower-case text can miss a number word.
_CASE_APART = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ


def _cue_automaton():
    """Every cue of ``CUES`` and every number in words, for one pass over a
    sentence in lower case."""
    kinds: dict[str, set[str]] = {}
    for kind, keys in CUES.items():
        for key in keys:
            kinds.setdefault(key, set()).add(kind)
    automaton = ahocorasick.Automaton()
    for key in kinds.keys() | WORDS.keys():
        automaton.add_word(key, (len(key), frozenset(kinds.get(key, ())), key in WORDS))
    automaton.make_automaton()
    return automaton


_CUES = _cue_automaton()


def _cues(low: str) -> tuple[set[str], list[int]]:
    """The kinds whose cues the lower-case sentence holds, and where a
    number in words may start in it."""
    kinds: set[str] = set()
    number_words: list[int] = []
    for end, (length, cue_kinds, number) in _CUES.iter(low):
        kinds |= cue_kinds
        if number:
            number_words.append(end - length + 1)
    return kinds, number_words


def _number_starts(sentence: str, number_words: list[int]) -> list[int]:
    """Where ``_NUMBER_START.finditer`` finds a number: the figures, and the
    number words ``_cues`` found that it matches, after any number before."""
    if _CASE_APART.search(sentence):
        return [m.start() for m in _NUMBER_START.finditer(sentence)]
    figures = [m.start() for m in _FIGURE_START.finditer(sentence)]
    if not number_words:
        return figures
    starts = []
    after = 0  # where the last number found ends: finditer finds no number inside it
    for pos in sorted({*figures, *number_words}):
        if pos < after:
            continue
        m = _NUMBER_START.match(sentence, pos)
        if m:
            starts.append(pos)
            after = m.end()
    return starts


def find_quantities(sentence: str) -> list[Quantity]:
    out: list[Quantity] = []
    low = sentence.lower()
    if not _DIGIT.search(sentence) and WORDS.keys().isdisjoint(low.split()):
        return out
    cues, number_words = _cues(low)
    counted = [(kind, pattern) for kind, pattern in _COUNTED if kind in cues]
    weighs = "weight" in cues
    if weighs or counted:
        for pos in _number_starts(sentence, number_words):
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
                if CALIBRE.match(sentence, m.end(1)):
                    break  # "three 9 mm pistols": a calibre, not a count
                n *= SCALE.get((m.group(2) or "").lower(), 1.0)
                out.append(Quantity(kind, n, "count", m.group(0).strip(), m.group(3).lower()))
                break
    for m in USD.finditer(sentence) if "money" in cues else ():
        raw, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = _number(raw)
        if n is None:
            continue
        n *= SCALE.get((scale or "").lower(), 1.0)
        out.append(Quantity("money", round(n, 2), "USD", m.group(0).strip()))
    return sorted(out, key=lambda q: sentence.find(q.text))
