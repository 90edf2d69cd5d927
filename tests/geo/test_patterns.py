"""Pattern leads (geo/patterns.py): a pattern led by ``word_lead`` finds
what the same pattern led by \\b finds."""

from __future__ import annotations

import random
import re

import pytest

from geo.patterns import initials, word_lead


def test_initials_are_the_first_letters():
    assert initials(["may", "March", "segund[oa]"]) == "Mms"
    with pytest.raises(ValueError):
        initials([r"\d+"])


def test_a_led_pattern_matches_where_the_plain_one_does():
    words = ["may", "march", "sept", "a new", "otr[oa]", "dozen"]
    body = "(?:" + "|".join(words) + r")\b|\d+\s+more\b"
    plain = re.compile(r"\b(?:" + body + ")", re.IGNORECASE)
    led = re.compile(word_lead(initials(words), r"\d") + "(?:" + body + ")", re.IGNORECASE)
    rng = random.Random(11)
    pieces = ["may", "MAY", "ſept", "Sept", "xmarch", "_may", "a new", "otra", "OTRO", "dozen", "12 more",
              "3", " ", ".", "-", "é", "K"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)], repr(text)
