"""Coordinates written in text (geo/coordinates.py), alone and as mentions
of a parsed document (geo/locate.py)."""

from __future__ import annotations

import pytest
from testing import parse

from geo.coordinates import find_coordinates


def one(text: str):
    found = find_coordinates(text)
    assert len(found) == 1, found
    c = found[0]
    return text[c.start:c.end], c.lat, c.lon


@pytest.mark.parametrize(("text", "written", "lat", "lon"), [
    ("31.3338, -110.9380", "31.3338, -110.9380", 31.3338, -110.938),
    ("31.3338 N, 110.9380 W", "31.3338 N, 110.9380 W", 31.3338, -110.938),
    ("31.3338,-110.9380", "31.3338,-110.9380", 31.3338, -110.938),
    ("31°20′02″N 110°56′17″W", "31°20′02″N 110°56′17″W", 31.333889, -110.938056),
    ("31°20'02\"N 110°56'17\"W", "31°20'02\"N 110°56'17\"W", 31.333889, -110.938056),
    ("N 31 50.773 / W 112 02.329", "N 31 50.773 / W 112 02.329", 31.846217, -112.038817),
    ("N 32 19.938, W 113 00.169", "N 32 19.938, W 113 00.169", 32.3323, -113.002817),
    ("N31 50.773 W112 02.329", "N31 50.773 W112 02.329", 31.846217, -112.038817),
    ("31° 20.5′ N, 110° 56.2′ W", "31° 20.5′ N, 110° 56.2′ W", 31.341667, -110.936667),
])
def test_formats(text, written, lat, lon):
    got_written, got_lat, got_lon = one(f"Found at {text}.")
    assert got_written.lstrip() == written  # the leading space of DMS spans: see the xfail below
    assert got_lat == pytest.approx(lat, abs=1e-6) and got_lon == pytest.approx(lon, abs=1e-6)


def test_decimal_minutes_by_hand():
    _, lat, lon = one("N 32 19.938, W 113 00.169")
    assert lat == pytest.approx(32 + 19.938 / 60, abs=1e-6)
    assert lon == pytest.approx(-(113 + 0.169 / 60), abs=1e-6)


def test_unsigned_longitude_is_west_by_default():
    _, lat, lon = one("31.3338, 110.9380")
    assert (lat, lon) == (31.3338, -110.938)
    (c,) = find_coordinates("31.3338, 110.9380", west_default=False)
    assert c.lon == 110.938


@pytest.mark.parametrize("text", [
    "N 31 75.000 / W 112 02.329",        # 75 minutes
    "31°20′75″N 110°56′17″W",            # 75 seconds
    "N 95 10.000 / W 112 02.329",        # latitude beyond 90
    "95.1234, -110.9380",                # latitude beyond 90
    "31.3338, -190.9380",                # longitude beyond 180
])
def test_invalid_values_rejected(text):
    assert find_coordinates(f"Found at {text} on Monday.") == []


@pytest.mark.parametrize("text", [
    "In 2018, 1,200 people crossed and 3.5 tons of marijuana were seized in 31 cases.",
    "The fence runs 110 miles; Route 86 at mile 12 is 2.5 km from the line.",
    "Agents made 31 arrests on March 20, 2019, at 10:45 p.m.",
    "The count fell from 1.234 million to 987,654 in fiscal 2020.",
    "Sentences of 31 to 110 months were handed down.",
    "",
])
def test_ordinary_numbers_are_not_coordinates(text):
    assert find_coordinates(text) == []


def test_coordinates_become_mentions(geoparser):
    text = "The tunnel exit, at 31.3338, -110.9380, was sealed near Nogales, Ariz."
    doc = parse(geoparser, text)
    coords = [m for m in doc.mentions if m.feature == "coordinates"]
    assert len(coords) == 1
    c = coords[0]
    assert (c.text, c.lat, c.lon, c.confidence, c.place_id) == (
        "31.3338, -110.9380", 31.3338, -110.938, 1.0, None)
    assert c.reason == "coordinates written in the text"
    assert [m.start for m in doc.mentions] == sorted(m.start for m in doc.mentions)
    assert any(m.place_id == "geonames:5306611" for m in doc.mentions)


def test_coordinates_in_a_header_are_ignored(geoparser):
    from geo.document import Document

    text = ("Posted on May 2, 2019\n\nPosition 31.3338, -110.9380\n\n"
            "A. Writer, Desert Ledger, May 1, 2019\n\nBody.")
    doc = geoparser(Document(id="h", text=text, body_start=text.index("Body")))
    assert doc.mentions == []


def test_dms_span_starts_at_the_number(geoparser):
    text = "A marker at 31°20′02″N 110°56′17″W was found."
    (c,) = find_coordinates(text)
    assert text[c.start:c.end] == "31°20′02″N 110°56′17″W"
    (m,) = parse(geoparser, text).mentions
    assert m.start == text.index("31")


@pytest.mark.parametrize(("text", "written", "lon"), [
    ("The drone flew over 31.3338, 110.9380 every night.", "31.3338, 110.9380", -110.938),
    ("The exit at 31.3338, -110.9380 was sealed.", "31.3338, -110.9380", -110.938),
])
def test_decimal_hemisphere_is_not_the_next_word(text, written, lon):
    (c,) = find_coordinates(text)
    assert (text[c.start:c.end], c.lon) == (written, lon)


def test_decimal_followed_by_another_word():
    (c,) = find_coordinates("The exit at 31.3338, -110.9380 sits in a wash.")
    assert (c.lat, c.lon) == (31.3338, -110.938)
