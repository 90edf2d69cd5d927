"""Counts and invariants of the packaged data (gazetteer/data)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from importlib import resources

import numpy as np
import pytest
import shapely
from pyproj import Geod
from testing import BORDER_STATES, MX_BORDER_STATES, US_BORDER_STATES

from gazetteer import store
from gazetteer.model import AREA_KINDS, FEATURE_KINDS, LINE_KINDS
from gazetteer.projection import to_border_lcc

OFFICIAL_BORDER_KM = 3145.0
PAIR_SEGMENTS = {"border:ca-bc", "border:az-bc", "border:az-son", "border:nm-son", "border:nm-chih",
                 "border:tx-chih", "border:tx-coah", "border:tx-nl", "border:tx-tamps"}
FACTS = resources.files("gazetteer").joinpath("facts")


@pytest.fixture(scope="module")
def stats(gaz):
    return gaz.stats()


@pytest.fixture(scope="module")
def manifest(gaz):
    return json.loads((gaz.data_dir / store.MANIFEST_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def places(gaz):
    return list(gaz)


def geodesic_km(geom) -> float:
    return Geod(ellps="WGS84").geometry_length(geom) / 1000.0


def in_lcc(geom):
    """The geometry in the border's metric projection (metres)."""
    return shapely.transform(geom, lambda xy: np.column_stack(to_border_lcc(xy[:, 0], xy[:, 1])))


def facts_ids(table: str) -> set[str]:
    with FACTS.joinpath(f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return {row["id"] for row in csv.DictReader(f)}


# -- the line ------------------------------------------------------------------

def test_border_length_against_the_official_figure(stats):
    assert abs(stats["border_km"] - OFFICIAL_BORDER_KM) / OFFICIAL_BORDER_KM <= 0.02


def test_border_length_matches_its_geometry(gaz, stats):
    assert geodesic_km(gaz.geometry("border:us-mexico")) == pytest.approx(stats["border_km"], rel=0.002)


def test_nine_state_pair_segments_make_up_the_line(gaz, stats):
    segments = stats["border_segments_km"]
    assert set(segments) == PAIR_SEGMENTS
    assert sum(segments.values()) == pytest.approx(stats["border_km"], rel=0.005)
    pairs = [p for p in gaz.by_kind("border_segment") if len(p.codes) == 2]
    assert {p.id for p in pairs} == PAIR_SEGMENTS
    for place in pairs:
        assert geodesic_km(gaz.geometry(place.id)) == pytest.approx(segments[place.id], rel=0.002)


def test_segment_lengths_are_plausible(stats):
    km = stats["border_segments_km"]
    # Longest: Texas–Coahuila; shortest: Texas–Nuevo León (about 15 km in reality).
    assert max(km, key=km.get) == "border:tx-coah"
    assert min(km, key=km.get) == "border:tx-nl"
    assert 10 <= km["border:tx-nl"] <= 25
    assert 200 <= km["border:ca-bc"] <= 240


def test_river_lengths(stats):
    rivers = stats["rivers_km"]
    assert rivers["river:rio-grande"] == pytest.approx(2000, rel=0.05)
    assert rivers["river:colorado"] == pytest.approx(38, rel=0.15)
    texas = sum(v for k, v in stats["border_segments_km"].items() if k.startswith("border:tx-"))
    assert rivers["river:rio-grande"] == pytest.approx(texas, rel=0.005)


def test_line_runs_from_the_pacific_to_the_gulf(gaz):
    coords = shapely.get_coordinates(gaz.geometry("border:us-mexico"))
    west, east = sorted((tuple(coords[0]), tuple(coords[-1])))
    assert west == pytest.approx((-117.124, 32.534), abs=0.01)  # Monument 258 at the Pacific
    assert east == pytest.approx((-97.146, 25.957), abs=0.01)  # mouth of the Rio Grande


def test_arizona_and_sonora_touch_their_segment(gaz):
    segment = in_lcc(gaz.geometry("border:az-son"))
    for state in ("iso3166-2:US-AZ", "iso3166-2:MX-SON"):
        polygon = in_lcc(gaz.geometry(state))
        assert polygon.distance(segment) < 1000
        # Not just touching somewhere: the whole segment runs along the state's edge.
        far = shapely.distance(polygon.boundary, shapely.points(shapely.get_coordinates(segment))).max()
        assert far < 1000, f"{state}: a vertex of border:az-son is {far:.0f} m from its outline"


def test_every_pair_segment_runs_along_both_states(gaz):
    states = {code: p for p in gaz.by_kind("state") for code in p.codes}
    for place in gaz.by_kind("border_segment"):
        if len(place.codes) != 2:
            continue
        vertices = shapely.points(shapely.get_coordinates(in_lcc(gaz.geometry(place.id))))
        for code in place.codes:
            outline = in_lcc(gaz.geometry(states[code].id)).boundary
            far = shapely.distance(outline, vertices).max()
            assert far < 1000, f"{place.id}: a vertex is {far:.0f} m from {states[code].name}"


# -- counts ----------------------------------------------------------------------

def test_place_count_matches_the_manifest(gaz, places, manifest, stats):
    assert len(gaz) == len(places) == manifest["places"] == stats["places"]
    assert Counter(p.kind for p in places) == Counter(manifest["places_by_kind"])
    assert stats["by_kind"] == manifest["places_by_kind"]


def test_place_ids_are_unique(places):
    counts = Counter(p.id for p in places)
    assert [pid for pid, n in counts.items() if n > 1] == []


def test_states(gaz):
    states = gaz.by_kind("state")
    us = [p for p in states if p.country == "US"]
    mx = [p for p in states if p.country == "MX"]
    assert len(us) == 51  # 50 states and DC
    assert "District of Columbia" in {p.name for p in us}
    assert len(mx) == 32
    assert len(states) == 83
    assert set(BORDER_STATES) <= {p.name for p in states}
    assert all(p.has_shape for p in states)


def test_counties_and_municipios_of_the_border_states(gaz):
    counties = Counter(p.admin1 for p in gaz.by_kind("county"))
    assert counties == {"Texas": 254, "California": 58, "New Mexico": 33, "Arizona": 15}
    municipios = Counter(p.admin1 for p in gaz.by_kind("municipality"))
    assert set(municipios) == set(MX_BORDER_STATES)
    assert (municipios["Sonora"], municipios["Chihuahua"], municipios["Coahuila"], municipios["Nuevo León"],
            municipios["Tamaulipas"]) == (72, 67, 38, 51, 43)
    assert municipios["Baja California"] >= 5


def test_settlements_in_the_ten_border_states(gaz, stats):
    settlements = [p for kind in ("city", "town", "village") for p in gaz.by_kind(kind)
                   if p.admin1 in BORDER_STATES and p.country in ("US", "MX")]
    assert len(settlements) >= 2000
    assert stats["border_state_settlements"] == len(settlements)
    by_state = Counter(p.admin1 for p in settlements)
    assert all(by_state[s] >= 50 for s in BORDER_STATES), by_state


def test_settlements_lie_on_their_own_side(places):
    wrong = [(p.id, p.label, p.side) for p in places
             if p.kind in ("city", "town", "village") and p.country in ("US", "MX")
             and p.side is not None and p.side != p.country]
    assert wrong == []


def test_border_settlements_have_a_side(places):
    near = [p for p in places if p.kind in ("city", "town", "village") and p.admin1 in BORDER_STATES
            and p.country in ("US", "MX") and p.border_km < 100]
    assert len(near) > 500
    assert [p.id for p in near if p.side != p.country] == []


def test_every_place_is_well_formed(places):
    for p in places:
        assert p.kind in FEATURE_KINDS, p.id
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180, p.id
        assert p.side in (None, "US", "MX"), p.id
        assert p.border_km is not None and p.border_km >= 0, p.id
        assert p.name and "\t" not in p.name, p.id
        assert p.source, p.id


# -- ports, sectors, stations -------------------------------------------------

def test_ports_match_the_recorded_facts(gaz):
    assert {p.id for p in gaz.by_kind("port_of_entry")} == facts_ids("ports_of_entry"), (
        "gazetteer/data is out of date with facts/ports_of_entry.csv: run `make gazetteer`")


def test_ports_of_entry_lie_on_the_line(gaz):
    ports = gaz.by_kind("port_of_entry")
    assert len(ports) >= 48
    assert [(p.id, p.border_km) for p in ports if p.border_km > 2.0] == []
    # The same, computed now rather than read from the data.
    live = gaz.reverse_many([p.lat for p in ports], [p.lon for p in ports])
    assert max(c.border_km for c in live) <= 2.0


def test_ports_of_entry_are_us_facilities(gaz):
    ports = gaz.by_kind("port_of_entry")
    assert [p.id for p in ports if p.side != "US"] == []
    assert [p.id for p in ports if p.country != "US"] == []
    assert {p.admin1 for p in ports} == set(US_BORDER_STATES)


def test_ports_of_entry_are_in_a_us_county(gaz):
    counties = {(p.admin1, p.name) for p in gaz.by_kind("county")}
    wrong = [(p.id, p.admin2) for p in gaz.by_kind("port_of_entry") if (p.admin1, p.admin2) not in counties]
    assert wrong == []


def test_ports_of_entry_have_a_sector(gaz):
    sectors = {p.id for p in gaz.by_kind("sector")}
    assert [p.id for p in gaz.by_kind("port_of_entry") if p.sector not in sectors] == []


def test_sectors_cover_the_whole_line(gaz):
    sectors = gaz.by_kind("sector")
    assert len(sectors) == 9
    union = shapely.union_all([gaz.geometry(p.id) for p in sectors])
    line = gaz.geometry("border:us-mexico")
    # Every point of the line is within ~1 km of some sector (they are US counties).
    vertices = shapely.points(shapely.get_coordinates(line))
    assert shapely.distance(union, vertices).max() < 0.01


# Sector areas are unions of whole counties (gazetteer/README.md): Riverside County
# is given to El Centro and Hudspeth County to El Paso, so these three stations
# lie outside their own sector's shape, as the README says. Every other does not.
STATIONS_OUTSIDE_THEIR_SECTOR = {
    "station:san-diego:murrieta": "sector:el-centro",
    "station:yuma:blythe": "sector:el-centro",
    "station:big-bend:sierra-blanca": "sector:el-paso",
}


def test_stations_lie_in_their_sector(gaz):
    stations = gaz.by_kind("station")
    assert set(STATIONS_OUTSIDE_THEIR_SECTOR) <= {s.id for s in stations}
    outside = {s.id for s in stations if not gaz.geometry(s.sector).contains(shapely.Point(s.lon, s.lat))}
    assert outside == set(STATIONS_OUTSIDE_THEIR_SECTOR)
    for station_id, holder in STATIONS_OUTSIDE_THEIR_SECTOR.items():
        s = gaz[station_id]
        assert gaz.geometry(holder).contains(shapely.Point(s.lon, s.lat)), (station_id, holder)


def test_stations_and_checkpoints_are_on_the_us_side(gaz):
    for kind in ("station", "checkpoint"):
        places = gaz.by_kind(kind)
        assert places, f"no {kind}s in the data"
        assert {p.side for p in places} == {"US"}
        assert {p.sector for p in places} <= {p.id for p in gaz.by_kind("sector")}


# -- geometries ---------------------------------------------------------------

SHAPED_KINDS = sorted(AREA_KINDS | LINE_KINDS)


@pytest.mark.parametrize("kind", SHAPED_KINDS)
def test_geometries_are_valid(gaz, kind):
    shaped = [p for p in gaz.by_kind(kind) if p.has_shape]
    if not shaped:
        pytest.skip(f"no {kind} with a shape in the data")
    invalid = [p.id for p in shaped if not gaz.geometry(p.id).is_valid]
    assert invalid == []


def test_shapes_match_their_kind(gaz, places):
    for p in places:
        if not p.has_shape:
            continue
        geom_type = gaz.geometry(p.id).geom_type
        if p.kind in LINE_KINDS:
            assert geom_type in ("LineString", "MultiLineString"), (p.id, geom_type)
        elif p.kind in AREA_KINDS:
            assert geom_type in ("Polygon", "MultiPolygon"), (p.id, geom_type)
        else:
            assert geom_type != "Point", (p.id, geom_type)


def test_representative_points_lie_in_their_areas(gaz):
    for kind in ("state", "county", "municipality"):
        for p in gaz.by_kind(kind):
            if p.has_shape and p.country in ("US", "MX") and p.border_km < 400:
                polygon = gaz.geometry(p.id)
                assert polygon.distance(shapely.Point(p.lon, p.lat)) < 0.01, p.id


def test_only_the_us_and_mexico_have_country_shapes(gaz):
    shaped = {p.country for p in gaz.by_kind("country") if p.has_shape}
    assert shaped == {"US", "MX"}


# -- twin cities ----------------------------------------------------------------

def test_twin_cities(gaz, manifest):
    twins = gaz.twin_cities()
    assert len(twins) == manifest["twin_cities"] >= 20
    by_id = {t.id: t for t in twins}
    nogales = by_id["twin:nogales"]
    assert (nogales.us_place, nogales.mx_place) == ("geonames:5306611", "geonames:4004886")
    assert set(nogales.ports) == {"poe:nogales-deconcini", "poe:nogales-morley-gate", "poe:nogales-mariposa"}
    for twin in twins:
        assert all(gaz[port].kind == "port_of_entry" for port in twin.ports), twin.id
        if twin.us_place:
            assert gaz[twin.us_place].country == "US", twin.id
        if twin.mx_place:
            assert gaz[twin.mx_place].country == "MX", twin.id
        # The pair's position is the mean of its ports (Laredo's spread over 30 km of river).
        assert gaz.reverse(twin.lat, twin.lon).border_km < 10, twin.id


def test_every_twin_city_has_both_towns(gaz, manifest):
    assert [t.id for t in gaz.twin_cities() if not (t.us_place and t.mx_place)] == []
    assert manifest["warnings"] == []
