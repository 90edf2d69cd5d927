"""Folding and word boundaries: the fast paths give what the character
tables say, character for character, so offsets in the folded text are
offsets in the original."""

import random
import re

from geo.matching import _NON_WORD, _SHORT_TOKEN, FOLD_TABLE, fold_text, word_boundaries

# Every character the tables know, some they do not (above U+2100, outside
# the Basic Multilingual Plane) and ASCII that folds ("`").
SAMPLE = [chr(i) for i in range(0x2200)] + ["™", "Ａ", "İ", "😀", "𝐀", "`"]


def by_table(text: str) -> str:
    return text.translate(FOLD_TABLE)


def test_every_character_folds_as_the_table_says():
    for c in SAMPLE:
        assert fold_text(c) == by_table(c), repr(c)
        assert word_boundaries(c) == _NON_WORD.sub(" ", c), repr(c)


def test_mixed_text_folds_as_the_table_says():
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(
            rng.choice(SAMPLE) if rng.random() < 0.3 else rng.choice("Nogales, `A-Z´ ")
            for _ in range(rng.randint(0, 30))
        )
        folded = fold_text(text)
        assert folded == by_table(text)
        assert len(folded) == len(text)
        assert word_boundaries(folded) == _NON_WORD.sub(" ", folded)


def test_examples():
    assert fold_text("Ciudad Juárez — “Río Bravo”’s") == "ciudad juarez - “rio bravo”'s"
    assert word_boundaries(fold_text("U.S.-México")) == "u s  mexico"


def test_short_codes_are_whole_words_in_capitals():
    whole_word = re.compile(r"\b[A-Z]{2,3}\b")
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(rng.choice("ABCab _1-éÉ.\n") for _ in range(rng.randint(0, 14)))
        found = [m.span() for m in _SHORT_TOKEN.finditer(text)]
        assert found == [m.span() for m in whole_word.finditer(text)], repr(text)
    codes = [m.group() for m in _SHORT_TOKEN.finditer("AZ, USA and RGVs near TX_1 or NM")]
    assert codes == ["AZ", "USA", "NM"]


def test_a_document_folds_its_text_once_and_again_when_the_text_changes():
    from geo.document import Document

    doc = Document(id="d", text="Ciudad Juárez")
    folded = doc.folded_text()
    assert folded == "ciudad juarez"
    assert doc.folded_text() is folded
    doc.text = "Río Bravo"
    assert doc.folded_text() == "rio bravo"
    assert "folded" not in str(doc.to_dict())
