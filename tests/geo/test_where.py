"""Where an event happened (geo/where.py, through the geoparser): the most
specific place of its sentence, offsets and "near", border segments, river
stretches, the dateline when the sentence names no place, and the border
context of the point. The texts are invented for the test; the seed article
is only read, from ../shared/seed/, when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from testing import assert_near, km_between

PUB = "2024-10-17"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed" / "joint-effort-targets-border-crime.txt"

NOGALES_AZ = "geonames:5306611"
SASABE_AZ = "place:sasabe-az"
DECONCINI = "poe:nogales-deconcini"
AZ_SON = "border:az-son"
MEXICO_CITY = "geonames:3530597"
EAGLE_PASS = "geonames:5520677"
LAREDO = "geonames:4705349"


def only_event(geoparser, text: str, kind: str | None = None):
    doc = geoparser.parse_text(text, published=PUB)
    events = [e for e in doc.events if kind is None or e.type == kind]
    assert len(events) == 1, [(e.type, e.evidence) for e in doc.events]
    event = events[0]
    assert text[event.start:event.end] == event.evidence
    return event


# -- the most specific place ---------------------------------------------------------

def test_a_port_beats_its_city_and_state(geoparser, gaz):
    e = only_event(geoparser, "Agents seized 20 rifles at the DeConcini port of entry in Nogales, Arizona.")
    assert (e.place.place_id, e.place.feature, e.place.precision) == (DECONCINI, "port_of_entry", 1)
    port = gaz.get(DECONCINI)
    assert (e.lat, e.lon) == (port.lat, port.lon)
    assert e.place.geometry.geom_type == "Point"
    assert "DeConcini" in e.place.reason and "named in the sentence" in e.place.reason


def test_a_city_beats_its_state(geoparser):
    e = only_event(geoparser, "Agents seized 60 pounds of fentanyl in San Diego, California.")
    assert (e.place.place_id, e.place.name, e.place.feature, e.place.precision) == (
        "geonames:5391811", "San Diego", "city", 1)


def test_a_state_alone_is_precision_3(geoparser):
    e = only_event(geoparser, "Agents seized 60 pounds of fentanyl in California.")
    assert (e.place.place_id, e.place.feature, e.place.precision) == ("iso3166-2:US-CA", "state", 3)
    assert e.place.geometry.geom_type in ("Polygon", "MultiPolygon")


@pytest.mark.parametrize(("text", "place_id", "most_bytes"), [
    ("Agents seized 60 pounds of fentanyl in Pima County.", "census:04019", 2_000),
    ("Agents seized 60 pounds of fentanyl in Texas.", "iso3166-2:US-TX", 12_000),
    ("Gunmen opened fire somewhere in Mexico.", "geonames:3996063", 15_000),
])
def test_an_area_carries_an_outline_sized_for_a_map(geoparser, gaz, text, place_id, most_bytes):
    """A county keeps its detail; a country its shape, not its every island."""
    e = only_event(geoparser, text)
    assert e.place.place_id == place_id
    outline = e.place.geometry
    assert outline.is_valid and outline.geom_type in ("Polygon", "MultiPolygon")
    assert len(shapely.to_geojson(shapely.set_precision(outline, 1e-6))) < most_bytes
    whole = gaz.geometry(place_id)
    assert abs(outline.area - whole.area) / whole.area < 0.01
    assert whole.representative_point().within(outline.buffer(0.1))


def test_a_port_event_has_its_border_context(geoparser, gaz):
    e = only_event(geoparser, "Agents seized 20 rifles at the DeConcini port of entry in Nogales, Arizona.")
    port = gaz.get(DECONCINI)
    assert (e.place.side, e.place.sector) == ("US", "sector:tucson")
    assert e.place.border_km == port.border_km and e.place.border_km < 1
    assert e.place.corridor == "sector:tucson"


def test_a_mexican_city_is_on_the_mexican_side(geoparser):
    e = only_event(geoparser, "Gunmen opened fire in Reynosa, Tamaulipas.")
    assert (e.place.place_id, e.place.side, e.place.sector) == (
        "geonames:3520339", "MX", "sector:rio-grande-valley")


# -- offsets and "near" --------------------------------------------------------------

def test_an_offset_moves_the_point(geoparser, gaz):
    text = "Agents found 200 pounds of marijuana 15 miles east of Sasabe, Ariz., on Friday."
    e = only_event(geoparser, text)
    sasabe = gaz.get(SASABE_AZ)
    assert e.place.place_id == SASABE_AZ
    assert e.place.precision == 2
    assert e.place.uncertainty_km is not None and 0 < e.place.uncertainty_km < 15
    assert km_between(sasabe.lat, sasabe.lon, e.lat, e.lon) == pytest.approx(15 * 1.609344, abs=1.0)
    assert e.lon > sasabe.lon + 0.2 and abs(e.lat - sasabe.lat) < 0.02  # east
    assert e.place.geometry.geom_type == "Point"
    assert (e.place.geometry.x, e.place.geometry.y) == (e.lon, e.lat)
    assert "15 miles east of Sasabe" in e.place.reason
    assert e.place.side == "US"


def test_near_a_town_is_precision_2(geoparser, gaz):
    e = only_event(geoparser, "Agents caught 45 migrants who crossed near Sasabe, Ariz.")
    sasabe = gaz.get(SASABE_AZ)
    assert (e.place.place_id, e.place.precision) == (SASABE_AZ, 2)
    assert (e.lat, e.lon) == (sasabe.lat, sasabe.lon)
    assert "near" in e.place.reason
    assert e.place.uncertainty_km is None


def test_in_a_town_is_precision_1(geoparser):
    e = only_event(geoparser, "Officers seized $200,000 in cash in Douglas.")
    assert (e.place.name, e.place.precision) == ("Douglas", 1)


# -- border segments -----------------------------------------------------------------

def test_a_state_pair_border_is_its_segment(geoparser, gaz):
    e = only_event(geoparser, "Police launched an operation along the Arizona-Sonora border.")
    assert (e.place.place_id, e.place.feature, e.place.precision) == (AZ_SON, "border_segment", 3)
    assert e.place.geometry.geom_type == "LineString"
    assert e.place.geometry.equals(gaz.geometry(AZ_SON))
    assert "border" in e.place.reason
    assert e.place.geometry.distance(shapely.Point(e.lon, e.lat)) < 1e-3  # the point lies on it


# -- rivers --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("EAGLE PASS, Texas — Agents found the body of a man in the Rio Grande on Sunday.", EAGLE_PASS),
        ("LAREDO, Texas — Agents found a body floating in the Rio Grande.", LAREDO),
    ],
)
def test_a_river_near_a_town_is_a_stretch(geoparser, gaz, text, town):
    e = only_event(geoparser, text)
    assert (e.place.place_id, e.place.feature, e.place.precision) == ("river:rio-grande", "river", 2)
    geometry = e.place.geometry
    assert geometry.geom_type in ("LineString", "MultiLineString")
    place = gaz.get(town)
    assert_near(e.lat, e.lon, place.lat, place.lon, km=5, what="the river point")
    coords = shapely.get_coordinates(geometry)
    assert len(coords) > 2
    farthest = max(km_between(place.lat, place.lon, y, x) for x, y in coords)
    assert farthest < 35, f"the stretch reaches {farthest:.1f} km from the town"
    assert geometry.length < gaz.geometry("river:rio-grande").length / 10  # a stretch, not the river


# -- falling back --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "where"), [
    # where the speakers were
    ("Officials in Mexicali, the state capital, said police arrested two smugglers in San Luis Río Colorado "
     "on Monday.", "enforcement_operation", "San Luis Río Colorado"),
    # where a relative lives, where people come from, a suspect's home town
    ("Los migrantes fueron rescatados el martes en Matamoros tras la denuncia de un familiar en Houston.",
     "humanitarian", "Heroica Matamoros"),
    ("Agents rescued four women from the state of Hidalgo near Sasabe, Arizona, on Monday.", "humanitarian",
     "Sasabe"),
    ("Police arrested Juan Pérez, 44, of Chula Vista, at the Tecate port on Monday.",
     "enforcement_operation", "Tecate Port of Entry"),
    ("Officers at the Lukeville port on Monday seized 3,000 rounds of ammunition headed into Mexico.",
     "weapons_trafficking", "Lukeville Port of Entry"),
])
def test_where_people_are_from_or_speak_is_not_where_it_happened(geoparser, text, kind, where):
    """(Also: the country a load was headed into.)"""
    assert only_event(geoparser, text, kind).place.name == where


def test_a_sentence_with_no_place_takes_the_dateline(geoparser, gaz):
    text = "NOGALES, Ariz. — Agents seized 300 pounds of marijuana on Tuesday. The driver fled."
    e = only_event(geoparser, text)
    assert e.evidence == "Agents seized 300 pounds of marijuana on Tuesday."
    assert e.place.place_id == NOGALES_AZ
    assert e.place.precision == 2  # the dateline's town, not named in the sentence
    assert "dateline" in e.place.reason or "main place" in e.place.reason
    nogales = gaz.get(NOGALES_AZ)
    assert (e.lat, e.lon) == (nogales.lat, nogales.lon)
    assert e.place.side == "US"


def test_a_spanish_dateline(geoparser):
    text = "TIJUANA, Baja California.- Agentes aseguraron 200 kilos de cocaína."
    e = only_event(geoparser, text)
    assert (e.place.name, e.place.side, e.place.precision) == ("Tijuana", "MX", 2)


def test_an_article_with_no_place(geoparser):
    e = only_event(geoparser, "Officials said the agencies will sign an agreement next week.")
    assert e.place.geometry is None
    assert (e.place.precision, e.lat, e.lon, e.place.place_id) == (3, None, None, None)
    assert e.place.reason == "no place in the text"
    assert e.place.side is None and e.place.sector is None


# -- the seed article ----------------------------------------------------------------



def seed_events(doc, kind: str):
    return [e for e in doc.events if e.type == kind]


def test_seed_events_lie_in_the_body(seed_doc):
    assert seed_doc.published == "2010-02-17"
    assert seed_doc.events
    for e in seed_doc.events:
        assert e.start >= seed_doc.body_start
        assert seed_doc.text[e.start:e.end] == e.evidence


def test_seed_agreement_in_mexico_city_on_thursday(seed_doc):
    agreements = seed_events(seed_doc, "agreement")
    assert len(agreements) == 1
    (e,) = agreements
    assert "will sign a declaration Thursday" in e.evidence
    assert (e.date, e.date_precision) == ("2010-02-18", "day")
    assert (e.place.place_id, e.place.precision) == (MEXICO_CITY, 1)
    assert "Department of Homeland Security" in e.actors


def test_seed_training_and_operation_on_the_arizona_sonora_border(seed_doc, gaz):
    segment = gaz.geometry(AZ_SON)
    for kind in ("training", "enforcement_operation"):
        on_segment = [e for e in seed_events(seed_doc, kind) if e.place.place_id == AZ_SON]
        assert on_segment, kind
        e = on_segment[0]
        assert e.place.feature == "border_segment"
        assert e.place.geometry.geom_type == "LineString" and e.place.geometry.equals(segment)
    first = [e for e in seed_doc.events if e.evidence.startswith("In a politically sensitive operation")]
    assert {e.type for e in first} >= {"training", "enforcement_operation"}
    assert {e.place.place_id for e in first} == {AZ_SON}


def test_seed_flows_take_their_directions(seed_doc):
    flows = [e for e in seed_doc.events if "northbound flows" in e.evidence]
    assert {(e.type, e.direction) for e in flows} == {
        ("drug_smuggling", "northbound"), ("migrant_crossing", "northbound"),
        ("weapons_trafficking", "southbound"), ("cash_smuggling", "southbound")}
    assert len(flows) == 4
    assert len({(e.start, e.end) for e in flows}) == 1
    assert flows[0].evidence.endswith("southbound shipments of guns and cash.")


def test_guns_left_after_a_shootout_are_no_trafficking(geoparser):
    text = ("Militares repelieron una agresión armada el martes en Nuevo Laredo. "
            "En el lugar, los militares aseguraron cuatro rifles y dos camionetas.")
    doc = geoparser.parse_text(text, published=PUB)
    assert [e.type for e in doc.events] == ["violence"]


@pytest.mark.parametrize(("text", "km", "bearing"), [
    ("NACO, Son.- Los cuerpos de dos hombres fueron hallados el lunes a 20 km al poniente de esta ciudad.",
     20, 270),
    ("AJO, Ariz. — Agents found the body of a man Monday about 15 miles south of town.", 24.14, 180),
])
def test_an_offset_from_the_articles_own_town(geoparser, gaz, text, km, bearing):
    from geopy.distance import geodesic

    event = only_event(geoparser, text, "humanitarian")
    town = gaz.get(event.place.place_id)
    assert event.place.precision == 2
    assert geodesic((town.lat, town.lon), (event.place.lat, event.place.lon)).km == pytest.approx(km, abs=0.5)
    if bearing == 270:
        assert event.place.lon < town.lon and event.place.lat == pytest.approx(town.lat, abs=0.05)
    else:
        assert event.place.lat < town.lat and event.place.lon == pytest.approx(town.lon, abs=0.01)
