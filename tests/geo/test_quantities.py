"""Amounts (geo/quantities.py): weights to kilograms, money to US dollars,
counts of people, guns and rounds. The sentences are invented for the test."""

from __future__ import annotations

import json

import pytest

from geo.quantities import Quantity, find_quantities

LB = 0.45359237


def one(sentence: str, kind: str) -> Quantity:
    found = [q for q in find_quantities(sentence) if q.kind == kind]
    assert len(found) == 1, (sentence, find_quantities(sentence))
    q = found[0]
    assert q.text in sentence
    return q


# -- weights -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "kg", "text", "what"),
    [
        ("Agents seized 400 pounds of marijuana at the port.", 181.437, "400 pounds of marijuana",
         "marijuana"),
        ("Agents seized 25 kilos of cocaine.", 25.0, "25 kilos of cocaine", "cocaine"),
        ("Agents seized 12 kilograms of fentanyl pills.", 12.0, "12 kilograms of fentanyl", "fentanyl"),
        ("Agents seized 3.5 kg of meth.", 3.5, "3.5 kg of meth", "meth"),
        ("Troopers found 2 tons of marijuana.", 1814.369, "2 tons of marijuana", "marijuana"),
        ("Soldados aseguraron 3 toneladas de marihuana.", 3000.0, "3 toneladas de marihuana", "marihuana"),
        ("Decomisaron 500 libras de mariguana.", 226.796, "500 libras de mariguana", "mariguana"),
        ("Se aseguraron 1.500 kilos de cocaína.", 1500.0, "1.500 kilos de cocaína", "cocaína"),
        ("Agents found 6.5 more tons of marijuana.", 5896.701, "6.5 more tons of marijuana", "marijuana"),
        ("Agents found 3 million pounds of marijuana.", 1360777.11, "3 million pounds of marijuana",
         "marijuana"),
        ("Agents found 1,200 pounds of marijuana.", 544.311, "1,200 pounds of marijuana", "marijuana"),
    ],
)
def test_weights_are_kilograms(sentence, kg, text, what):
    q = one(sentence, "weight")
    assert q == Quantity("weight", kg, "kg", text, what)


def test_pounds_use_the_exact_factor():
    assert one("Agents seized 100 pounds of cocaine.", "weight").value == pytest.approx(100 * LB, abs=1e-3)
    assert one("Agents seized 1 ton of marijuana.", "weight").value == pytest.approx(2000 * LB, abs=1e-3)


def test_two_weights_in_one_sentence():
    found = find_quantities("Agents found 20 pounds of meth and 3 kilos of fentanyl.")
    assert [(q.kind, q.value, q.what) for q in found] == [("weight", 9.072, "meth"),
                                                          ("weight", 3.0, "fentanyl")]


@pytest.mark.parametrize("sentence", ["The marijuana weighed 400 pounds.", "La droga pesaba 20 kilos."])
def test_a_weight_at_the_end_of_a_sentence(sentence):
    assert [q.kind for q in find_quantities(sentence)] == ["weight"]


def test_a_spanish_decimal_comma():
    assert one("Aseguraron 1,5 toneladas de marihuana.", "weight").value == 1500.0


# -- money ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "usd", "text"),
    [
        ("Agents found $1M in cash.", 1_000_000.0, "$1M"),
        ("Agents seized $1.2 million in cash.", 1_200_000.0, "$1.2 million"),
        ("Agents seized $2.5M hidden in tires.", 2_500_000.0, "$2.5M"),
        ("Officers seized $350,000 in a southbound truck.", 350_000.0, "$350,000"),
        ("Agents seized US$2 million.", 2_000_000.0, "US$2 million"),
        ("Aseguraron 3 millones de dólares en efectivo.", 3_000_000.0, "3 millones de dólares"),
        ("Se aseguraron 500 mil dólares.", 500_000.0, "500 mil dólares"),
        ("Agents found 10,000 dollars in cash.", 10_000.0, "10,000 dollars"),
    ],
)
def test_money_is_us_dollars(sentence, usd, text):
    assert one(sentence, "money") == Quantity("money", usd, "USD", text, None)


def test_pesos_are_not_dollars():
    assert [q for q in find_quantities("Aseguraron 300 mil pesos en efectivo.") if q.kind == "money"] == []


# -- counts --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "kind", "n", "what"),
    [
        ("Agents caught 45 migrants near the wall.", "people", 45, "migrants"),
        ("The 1,200 migrants waited at the bridge.", "people", 1200, "migrants"),
        ("Agents arrested two men.", "people", 2, "men"),
        ("Border Patrol rescued 12 people from the canal.", "people", 12, "people"),
        ("Rescatistas hallaron cinco migrantes.", "people", 5, "migrantes"),
        ("Se localizaron dos cuerpos en el río.", "people", 2, "cuerpos"),
        ("Agents found 12 bodies.", "people", 12, "bodies"),
        ("Officers found 1,400 rounds of ammunition.", "rounds", 1400, "rounds"),
        ("Aseguraron 300 cartuchos.", "rounds", 300, "cartuchos"),
        ("Aseguraron seis armas.", "guns", 6, "armas"),
        ("Agents seized 20 rifles headed south.", "guns", 20, "rifles"),
        ("Agents found half a dozen rifles.", "guns", 6, "rifles"),
        ("Agents seized 30 assault rifles.", "guns", 30, "rifles"),
    ],
)
def test_counts(sentence, kind, n, what):
    q = one(sentence, kind)
    assert (q.value, q.unit, q.what) == (float(n), "count", what)


def test_guns_and_rounds_in_one_sentence():
    found = find_quantities("They seized 10 guns and 2,000 rounds.")
    assert [(q.kind, q.value) for q in found] == [("guns", 10.0), ("rounds", 2000.0)]


@pytest.mark.parametrize(
    "sentence",
    ["In 2019 migrants crossed the river.", "Since 2021 migrants have waited.",
     "The 2020 migrants were few."],
)
def test_years_are_not_people(sentence):
    assert [q for q in find_quantities(sentence) if q.kind == "people"] == []


def test_a_year_beside_a_count():
    found = find_quantities("In 2019, 300 people crossed near the port.")
    assert [(q.kind, q.value) for q in found] == [("people", 300.0)]


@pytest.mark.parametrize("sentence", ["In 2019 guns seized at the ports rose.",
                                      "In 2021 rounds of talks failed."])
def test_years_are_not_guns_or_rounds(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "n"),
    [("Agents seized 2 million rounds of ammunition.", "rounds", 2_000_000),
     ("Llegaron 3 mil migrantes a la plaza.", "people", 3000)],
)
def test_counts_with_a_scale_word(sentence, kind, n):
    assert one(sentence, kind).value == n


def test_no_number_no_quantity():
    assert find_quantities("Agents seized marijuana and guns.") == []
    assert find_quantities("") == []


def test_to_dict_is_json():
    q = one("Agents seized 25 kilos of cocaine.", "weight")
    data = q.to_dict()
    assert data == {"kind": "weight", "value": 25.0, "unit": "kg", "text": "25 kilos of cocaine",
                    "what": "cocaine"}
    assert json.loads(json.dumps(data)) == data


def test_hyphenated_words_between_number_and_noun():
    (q,) = find_quantities("The haul included 540 assault-style rifles.")
    assert (q.kind, q.value, q.what) == ("guns", 540.0, "rifles")


# -- the fast paths find what the patterns find ----------------------------------------

def test_number_starts_are_those_the_number_pattern_finds():
    import random

    from geo.quantities import _NUMBER_START, _cues, _number_starts

    rng = random.Random(5)
    pieces = ["one", "ONE", "Two", "un", "una", "under", "a dozen", "half a dozen", "dozens", "ſix", "İ", "ı",
              "3", "12", "1,500", "2.5", " ", ",", ".", "-", "x", "é", "seis", "siete", "diez"]
    for _ in range(5000):
        sentence = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        _, number_words = _cues(sentence.lower())
        assert _number_starts(sentence, number_words) == [
            m.start() for m in _NUMBER_START.finditer(sentence)], repr(sentence)


def test_only_the_letters_left_out_of_the_lower_case_text_are_set_apart():
    """Outside these, a letter IGNORECASE takes for an ASCII one lower()
    turns into it, so number words are found in the lower-case sentence."""
    import re
    import string

    from geo.quantities import _CASE_APART

    letter = re.compile("[a-z]", re.IGNORECASE)
    apart = {c for c in map(chr, range(0x110000))
             if letter.fullmatch(c) and c.lower() not in string.ascii_lowercase}
    assert apart == set(_CASE_APART.pattern.strip("[]"))


@pytest.mark.parametrize(("sentence", "counts"), [
    ("Agents found three 9 mm pistols.", [("guns", 3.0)]),
    ("They seized two .50-caliber rifles.", [("guns", 2.0)]),
    ("Soldiers seized 20 AK-47 rifles and 3,000 rounds.", [("guns", 20.0), ("rounds", 3000.0)]),
    ("He carried ten 7.62x39 rounds.", [("rounds", 10.0)]),
    ("Los soldados repelieron una agresión con armas de fuego.", []),
    ("Rescataron a 45 migrantes centroamericanos.", [("people", 45.0)]),
])
def test_calibres_models_and_prepositions_are_not_counts(sentence, counts):
    assert [(q.kind, q.value) for q in find_quantities(sentence)] == counts
