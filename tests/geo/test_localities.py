"""Places the text names as places that the gazetteer does not know
(geo/localities.py, through the geoparser): found by the words before them,
placed by the sentence's best-located place. The texts are invented."""

from __future__ import annotations

import pytest
from testing import assert_near, mention_at, parse

from geo.localities import find_named_localities


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("Gunmen opened fire at a place called Plan de Alazán.", "Plan de Alazán", "a place called"),
    ("Agents searched a ranch known as La Gloria de Dios y Anexas.", "La Gloria de Dios y Anexas",
     "a ranch known as"),
    ("Los migrantes estaban en el área denominada 'El Centinela', cerca del río.", "El Centinela",
     "área denominada"),
    ("El cuerpo flotaba en el sector conocido como Santa Martha. Nadie lo reclamó.", "Santa Martha",
     "sector conocido como"),
])
def test_names_after_words_that_say_they_are_places(text, name, cue):
    (found,) = find_named_localities(text)
    assert (found.name, found.cue, text[found.start:found.end]) == (name, cue, name)


@pytest.mark.parametrize("text", ["They met in an area called downtown.", "A man called Juan Pérez left.",
                                  "the so-called Operation Lone Star"])
def test_no_place_without_a_capitalised_name_after_a_place_word(text):
    assert find_named_localities(text) == []


def test_placed_by_the_offset_of_its_sentence(geoparser):
    doc = parse(geoparser, "The shooting happened 20 miles south of the McAllen-Hidalgo port of entry, "
                           "at a place called Plan de Alazan.")
    plan = mention_at(doc, "Plan de Alazan")
    port = mention_at(doc, "McAllen-Hidalgo port of entry")
    assert (plan.place_id, plan.feature) == (None, "landmark")
    assert (plan.lat, plan.lon) == (port.offset.lat, port.offset.lon)
    assert plan.country == "MX" and plan.admin1 == "Tamaulipas"  # the point south of the line
    assert "not in the gazetteer" in plan.reason and "a place called" in plan.reason


def test_placed_by_the_dateline_when_its_sentence_names_no_place(geoparser):
    doc = parse(geoparser, "PIEDRAS NEGRAS, Coahuila.- Un cuerpo flotaba en el sector conocido como "
                           "Santa Martha.")
    santa = mention_at(doc, "Santa Martha")
    assert_near(santa.lat, santa.lon, 28.70, -100.52, km=5, what="Santa Martha by Piedras Negras")
    assert santa.country == "MX"


def test_a_name_the_gazetteer_knows_is_left_to_it(geoparser):
    doc = parse(geoparser, "Agents found a body at a place called Arivaca.")
    assert mention_at(doc, "Arivaca").place_id is not None
    assert len(doc.mentions) == 1
