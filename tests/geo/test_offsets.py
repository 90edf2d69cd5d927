"""Offsets (geo/offsets.py, geo/locate.py): "15 miles east of Sásabe" is a
point displaced from the resolved place along the geodesic, with an
uncertainty that grows with the distance. The texts are invented."""

from __future__ import annotations

import pytest
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic
from testing import assert_near, mention_at, parse

from geo.offsets import BARE_DISTANCE_KM, find_offset, uncertainty_km

MILE_KM = 1.609344


def distance_and_bearing(anchor, point) -> tuple[float, float]:
    """Geodesic km and initial bearing (0–360°) from anchor to point."""
    km = geodesic(anchor, point).km
    bearing = Geodesic.WGS84.Inverse(anchor[0], anchor[1], point[0], point[1])["azi1"] % 360
    return km, bearing


def offset_of(geoparser, text: str, name: str):
    m = mention_at(parse(geoparser, text), name)
    assert m.offset is not None, f"no offset on {name!r}: {m}"
    return m, m.offset


def test_miles_east_of_a_town(geoparser):
    text = "Migrants walked 15 miles east of Sásabe before agents found them."
    m, o = offset_of(geoparser, text, "Sásabe")
    assert o.text == "15 miles east of Sásabe" and (o.start, o.end) == (16, 39)
    assert o.anchor == m.place_id == "geonames:4019722"
    assert o.distance_km == pytest.approx(15 * MILE_KM, abs=0.01)
    assert o.bearing_deg == 90.0
    km, bearing = distance_and_bearing((m.lat, m.lon), (o.lat, o.lon))
    assert km == pytest.approx(24.14, abs=0.05)
    assert bearing == pytest.approx(90, abs=0.5)
    # the mention itself stays the town
    assert (m.start, m.end, m.text) == (33, 39, "Sásabe")


def test_spanish_kilometres_south(geoparser):
    text = "El cuerpo fue hallado a 20 km al sur de Nogales, Sonora, el domingo."
    m, o = offset_of(geoparser, text, "Nogales")
    assert m.place_id == "geonames:4004886"
    assert o.text == "a 20 km al sur de Nogales"
    assert (o.distance_km, o.bearing_deg) == (20.0, 180.0)
    km, bearing = distance_and_bearing((m.lat, m.lon), (o.lat, o.lon))
    assert km == pytest.approx(20.0, abs=0.01)
    assert bearing == pytest.approx(180, abs=0.5)
    assert o.lat < m.lat and o.lon == pytest.approx(m.lon, abs=1e-6)


def test_spanish_word_number(geoparser):
    text = "El grupo caminó unos cinco kilómetros al norte de Sásabe, Sonora."
    _m, o = offset_of(geoparser, text, "Sásabe")
    assert (o.distance_km, o.bearing_deg) == (5.0, 0.0)


def test_word_number_west_of_a_port(geoparser):
    text = "Agents stopped the car two miles west of the Lukeville port of entry."
    m, o = offset_of(geoparser, text, "Lukeville port of entry")
    assert m.place_id == "poe:lukeville" and m.feature == "port_of_entry"
    assert o.text == "two miles west of the Lukeville port of entry"
    assert o.distance_km == pytest.approx(2 * MILE_KM, abs=0.001) and o.bearing_deg == 270.0
    km, bearing = distance_and_bearing((m.lat, m.lon), (o.lat, o.lon))
    assert km == pytest.approx(3.219, abs=0.01)
    assert bearing == pytest.approx(270, abs=0.5)
    assert o.uncertainty_km < 1.5  # a port is a point


@pytest.mark.parametrize(("phrase", "km", "bearing"), [
    ("about 3 MI SE OF", 3 * MILE_KM, 135.0),
    ("2 MI. NW OF", 2 * MILE_KM, 315.0),
    ("half a mile south of", 0.5 * MILE_KM, 180.0),
    ("12 km north-northeast of", 12.0, 22.5),
    ("approximately 4 kilometers southwest from", 4.0, 225.0),
    ("500 yards north of", 0.4572, 0.0),
])
def test_abbreviations_and_wordings(geoparser, phrase, km, bearing):
    text = f"The group was caught {phrase} Arivaca on Friday."
    m, o = offset_of(geoparser, text, "Arivaca")
    assert m.admin1 == "Arizona"
    assert o.text == f"{phrase} Arivaca"
    assert o.distance_km == pytest.approx(km, abs=0.001)
    assert o.bearing_deg == bearing
    got_km, got_bearing = distance_and_bearing((m.lat, m.lon), (o.lat, o.lon))
    assert got_km == pytest.approx(km, abs=0.01)
    assert abs((got_bearing - bearing + 180) % 360 - 180) < 0.5


def test_direction_without_distance(geoparser):
    m, o = offset_of(geoparser, "Agents found the group south of Roma on Tuesday.", "Roma")
    assert m.place_id == "geonames:8479429"
    assert o.text == "south of Roma"
    assert o.distance_km == BARE_DISTANCE_KM and o.bearing_deg == 180.0
    km, _ = distance_and_bearing((m.lat, m.lon), (o.lat, o.lon))
    assert km == pytest.approx(BARE_DISTANCE_KM, abs=0.01)
    with_distance = offset_of(geoparser, "Agents found the group 5 miles south of Roma.", "Roma")[1]
    # a missing distance is less certain than a written one of the same size
    assert o.uncertainty_km > with_distance.uncertainty_km
    assert o.uncertainty_km >= BARE_DISTANCE_KM


def test_point_snapped_onto_the_river(geoparser, gaz):
    import shapely

    text = "The raft capsized near the Rio Grande south of Roma, Texas, before dawn."
    doc = parse(geoparser, text)
    river = mention_at(doc, "Rio Grande")
    roma = mention_at(doc, "Roma")
    assert river.place_id == "river:rio-grande"
    o = roma.offset
    assert o is not None and o.text == "south of Roma"
    line = gaz.geometry("river:rio-grande")
    assert line.distance(shapely.Point(o.lon, o.lat)) < 0.01
    # without the river the same phrase is 8 km due south, off the river
    plain = offset_of(geoparser, "Agents found the group south of Roma, Texas.", "Roma")[1]
    assert (plain.lat, plain.lon) != (o.lat, o.lon)
    assert_near(o.lat, o.lon, roma.lat, roma.lon, km=15, what="snapped point")


def test_uncertainty_grows_with_distance(geoparser):
    sizes = []
    for miles in (1, 5, 15, 30):
        _m, o = offset_of(geoparser, f"Agents found them {miles} miles east of Sasabe, Ariz.", "Sasabe")
        sizes.append(o.uncertainty_km)
    assert sizes == sorted(sizes) and len(set(sizes)) == 4
    assert uncertainty_km(None, 1.0) == 1.0 + BARE_DISTANCE_KM
    assert uncertainty_km(10.0, 1.0) < uncertainty_km(50.0, 1.0)
    assert uncertainty_km(10.0, 1.0) < uncertainty_km(10.0, 5.0)  # a bigger anchor is less certain


@pytest.mark.parametrize("text", [
    "Agents drove east on Monday to Sasabe.",
    "Ten agents of Sasabe station",
    "the border fence south",
    "",
])
def test_no_offset_phrase(text):
    assert find_offset(text, len(text)) is None


def test_find_offset_units():
    text = "found 3 km west of "
    assert find_offset(text, len(text)) == (6, 3.0, 270.0)
    text = "hallado a 2,5 km al este de "
    start, km, bearing = find_offset(text, len(text))
    assert (text[start:], km, bearing) == ("a 2,5 km al este de ", 2.5, 90.0)


def test_plain_mentions_have_no_offset(geoparser):
    doc = parse(geoparser, "Agents in Sasabe, Ariz., and in Naco, Sonora, met on Friday.")
    assert all(m.offset is None for m in doc.mentions)
    assert all("offset" not in m.to_dict() for m in doc.mentions)
