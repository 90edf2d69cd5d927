"""English or Spanish (geo/language.py)."""

from __future__ import annotations

from geo.language import detect_language

ENGLISH = ("Heavy rain closed the low-water crossing near Presidio on Friday, and officials said "
           "that the bridge would stay open for trucks while the river was high.")
SPANISH = ("Las lluvias cerraron el cruce de Ojinaga el viernes, y las autoridades dijeron que el "
           "puente seguirá abierto para los camiones mientras el río esté crecido.")


def test_english_paragraph():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(ENGLISH, default="es") == "en"


def test_spanish_paragraph():
    assert detect_language(SPANISH) == "es"
    assert detect_language(SPANISH.upper()) == "es"


def test_no_function_words_gives_the_default():
    assert detect_language("") == "en"
    assert detect_language("Nogales, Naco, Sasabe", default="es") == "es"
