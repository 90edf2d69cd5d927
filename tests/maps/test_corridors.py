"""maps.corridors: every sector, border segment and twin-city crossing has a
name that finds it, a stretch of the line and bands around it."""

from __future__ import annotations

import pytest
import shapely

from maps.corridors import BAND_KM, corridor_shape, corridors, find_corridor
from maps.errors import UnknownCorridorError


@pytest.fixture(scope="module")
def every(gaz):
    return corridors(gaz)


def test_every_kind_is_there(gaz, every):
    kinds = {c.kind for c in every}
    assert kinds == {"sector", "border_segment", "twin_cities"}
    assert sum(c.kind == "sector" for c in every) == len(gaz.by_kind("sector")) == 9
    assert sum(c.kind == "border_segment" for c in every) == len(gaz.by_kind("border_segment"))
    assert sum(c.kind == "twin_cities" for c in every) == len(gaz.twin_cities())
    assert len({c.key for c in every}) == len(every)


@pytest.mark.parametrize(("name", "place_id"), [
    ("Nogales", "twin:nogales"), ("nogales", "twin:nogales"),
    ("Arizona-Sonora", "border:az-son"), ("Arizona–Sonora border", "border:az-son"),
    ("arizona-sonora", "border:az-son"), ("Tucson", "sector:tucson"), ("Tucson Sector", "sector:tucson"),
    ("sector:yuma", "sector:yuma"), ("RGV", "sector:rio-grande-valley"),
    ("El Paso", "sector:el-paso"),  # the sector, not the twin cities that share the name
    ("Ciudad Juárez", "twin:juarez-el-paso"), ("ciudad juarez", "twin:juarez-el-paso"),
    ("Tijuana", "twin:tijuana-san-diego"), ("Texas", "border:tx"), ("U.S.-Mexico border", "border:us-mexico"),
])
def test_names_find_their_corridor(gaz, name, place_id):
    assert find_corridor(name, gaz).place_id == place_id


def test_every_corridor_is_found_by_its_name_and_key(gaz, every):
    for c in every:
        assert find_corridor(c.name, gaz) == c
        assert find_corridor(c.key, gaz) == c


def test_unknown_name_lists_the_valid_ones(gaz, every):
    with pytest.raises(UnknownCorridorError) as info:
        find_corridor("Atlantis", gaz)
    message = str(info.value)
    assert info.value.exit_code == 2 and "\n" not in message
    assert "unknown corridor 'Atlantis'" in message
    assert all(c.name in message for c in every)


@pytest.mark.parametrize("name", ["Tucson", "Nogales", "Arizona-Sonora", "Laredo", "Brownsville–Matamoros"])
def test_stretch_lies_on_the_line_and_bands_hold_it(gaz, name):
    shape = corridor_shape(name, gaz)
    line = gaz.geometry("border:us-mexico")
    assert shape.stretch.length > 0
    assert line.buffer(0.001).contains(shape.stretch)
    assert sorted(shape.bands) == list(BAND_KM)
    inner, outer = shape.bands[25.0], shape.bands[100.0]
    assert inner.contains(shape.stretch) and outer.contains(inner.buffer(-0.001))
    assert shape.zone is None


def test_twin_city_stretch_is_near_its_ports(gaz):
    shape = corridor_shape("Nogales", gaz)
    twin = next(t for t in gaz.twin_cities() if t.id == "twin:nogales")
    for port in twin.ports:
        place = gaz[port]
        assert shape.stretch.distance(shapely.Point(place.lon, place.lat)) < 0.02
    assert 0.1 < shape.stretch.length < 0.6  # tens of km, not a sector


def test_band_width_is_measured_in_km(gaz):
    from gazetteer.projection import haversine_km

    shape = corridor_shape("Arizona-Sonora", gaz)
    on_line = shapely.Point(-110.5, 31.333)  # where the line runs east-west
    assert shape.stretch.distance(on_line) < 0.01
    north = shapely.Point(on_line.x, on_line.y + 0.95)
    inside = shapely.Point(on_line.x, on_line.y + 0.85)
    assert 100 < haversine_km(on_line.y, on_line.x, north.y, north.x) < 110
    assert 90 < haversine_km(on_line.y, on_line.x, inside.y, inside.x) < 100
    assert shape.outer.contains(inside) and not shape.outer.contains(north)


def test_hundred_mile_zone_is_on_the_us_side(gaz):
    shape = corridor_shape("Tucson", gaz, zone_100_miles=True)
    us = gaz.geometry("geonames:6252001")
    assert shape.zone.area > shape.outer.area * 0.5
    assert shape.zone.difference(us.buffer(0.01)).area < 1e-6
    mexico = shapely.Point(-111.0, 30.8)  # 60 km south of the line
    assert shape.outer.contains(mexico) and not shape.zone.contains(mexico)
