"""English or Spanish? Counted from function words, which every article has
plenty of; no model to load for a choice between two languages."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[a-záéíóúñü]+")
ENGLISH = frozenset(
    "the of and to in is was that for on with as by at from are were be has have had it "
    "this an which said not but they their his her who will would been".split()
)
SPANISH = frozenset(
    "el la los las de del y en que por con para se un una es fue son al lo su sus como "
    "más pero dijo entre sobre también ha han fueron este esta".split()
)


def detect_language(text: str, default: str = "en") -> str:
    """"en" or "es" from the first few thousand characters."""
    counts = Counter(_WORD.findall(text[:4000].lower()))  # counted in C, looked up once a word
    en = sum(counts[word] for word in ENGLISH)
    es = sum(counts[word] for word in SPANISH)
    if en == es:
        return default
    return "en" if en > es else "es"
