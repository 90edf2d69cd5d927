"""Events built by hand, as ``Event.to_dict()`` gives them, for the export
tests: a point near Nogales with many decimals and several amounts, a
polygon drawn the wrong way round with a hole, a self-intersecting polygon,
a river stretch, and an event whose place is unknown."""

from __future__ import annotations

import pytest

DOCUMENT = {"id": "hand-1", "title": "Seizure at the Line", "published": "2024-03-13",
            "source": "Test Desk", "url": "https://example.org/a"}
PLACE_KEYS = ("place_id", "place_name", "place_feature", "lat", "lon", "location_precision",
              "location_reason", "uncertainty_km", "side", "border_km", "sector", "nearest_port", "corridor")


def event(id, kind, geometry, *, lat=None, lon=None, quantities=(), actors=(), **place):
    base = dict.fromkeys(PLACE_KEYS)
    base.update({"location_precision": 3, "location_reason": "written by hand"})
    base.update(place)
    return {"id": id, "type": kind, "direction": None, "date": "2024-03-12", "date_precision": "day",
            "start": 0, "end": 10, "evidence": "Evidence sentence.", "quantities": list(quantities),
            "actors": list(actors), **base, "lat": lat, "lon": lon, "geometry": geometry,
            "document": dict(DOCUMENT)}


def quantity(kind, value, unit, text):
    return {"kind": kind, "value": value, "unit": unit, "text": text, "what": None}


# Exterior clockwise, hole counter-clockwise: both the wrong way for RFC 7946.
CLOCKWISE_SQUARE = [[-111.0, 31.0], [-111.0, 31.5], [-110.5, 31.5], [-110.5, 31.0], [-111.0, 31.0]]
CCW_HOLE = [[-110.9, 31.1], [-110.6, 31.1], [-110.6, 31.4], [-110.9, 31.4], [-110.9, 31.1]]
BOWTIE = [[-106.5, 31.7], [-106.4, 31.8], [-106.4, 31.7], [-106.5, 31.8], [-106.5, 31.7]]


@pytest.fixture
def event_dicts() -> list[dict]:
    return [
        event("ev-nogales", "drug_smuggling",
              {"type": "Point", "coordinates": (-110.942171234567, 31.308629876543)},
              lat=31.308629876543, lon=-110.942171234567, place_id="geonames:4004886", place_name="Nogales",
              place_feature="city", location_precision=1, side="MX", border_km=float("nan"),
              sector="sector:tucson", nearest_port="poe:nogales-deconcini",
              quantities=[quantity("weight", 54.431, "kg", "120 pounds of fentanyl"),
                          quantity("weight", 10.0, "kg", "10 kilos of meth"),
                          quantity("money", 2_000_000.0, "USD", "$2 million"),
                          quantity("money", 500_000.0, "MXN", "500 mil pesos"),
                          quantity("people", 3.0, "count", "three migrants")],
              actors=["U.S. Customs and Border Protection", "Homeland Security Investigations"]),
        event("ev-area", "humanitarian",
              {"type": "Polygon", "coordinates": [CLOCKWISE_SQUARE, CCW_HOLE]},
              lat=31.25, lon=-110.75, place_id="area:test", place_name="Área de prueba",
              place_feature="reservation", side="US", border_km=12.5),
        event("ev-bowtie", "violence", {"type": "Polygon", "coordinates": [BOWTIE]},
              lat=31.75, lon=-106.45, place_id="area:bowtie", place_name="Ciudad Juárez",
              quantities=[quantity("guns", 20.0, "count", "20 guns"),
                          quantity("rounds", 5000.0, "count", "5,000 rounds")]),
        event("ev-river", "drug_smuggling",
              {"type": "LineString", "coordinates": [(-99.1, 26.4), (-99.0, 26.41), (-98.9, 26.38)]},
              lat=26.405, lon=-99.016, place_id="river:rio-grande", place_name="Rio Grande",
              place_feature="river"),
        event("ev-nowhere", "corruption", None, location_reason="no place in the text"),
    ]



@pytest.fixture
def map_events() -> list[dict]:
    """Six events by the Nogales crossing (two flows north, one south), one
    in Mexico City (far outside any corridor) and one with no place."""
    from map_samples import located, unplaced

    return [
        located("m-drugs", "drug_smuggling", -110.94, 31.32, direction="northbound",
                evidence="Agents in Nogales found 40 pounds of fentanyl in a northbound truck."),
        located("m-walk", "migrant_crossing", -110.90, 31.34, direction="northbound", date="2024-04-02"),
        located("m-guns", "weapons_trafficking", -110.95, 31.30, direction="southbound", date="2024-05-20"),
        located("m-op", "enforcement_operation", -110.97, 31.33, date="2024-03-01", date_precision="month"),
        located("m-shot", "violence", -110.93, 31.29, place="Nogales, Sonora"),
        located("m-aid", "humanitarian", -111.05, 31.36, date=None, date_precision="unknown"),
        located("m-pact", "agreement", -99.13, 19.43, place="Mexico City", date="2024-03-14",
                evidence="The two governments signed the accord in Mexico City."),
        unplaced("m-lost", "corruption"),
    ]
