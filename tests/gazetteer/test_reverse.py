"""Reverse look-ups: what a point means relative to the line, on either side."""

from __future__ import annotations

import math

import numpy as np
import pytest
from testing import km_between

from gazetteer.errors import InvalidCoordinateError
from gazetteer.model import BorderContext

NOGALES_AZ_DOWNTOWN = (31.3338, -110.9380)
NOGALES_SON = (31.30, -110.94)
EL_PASO = (31.7587, -106.4869)
JUAREZ = (31.72, -106.46)
TIJUANA = (32.52, -117.03)
SAN_DIEGO = (32.7157, -117.1611)
MEXICO_CITY = (19.43, -99.13)
GULF_OF_MEXICO = (25.0, -94.0)


def test_nogales_arizona_downtown(gaz):
    ctx = gaz.reverse(*NOGALES_AZ_DOWNTOWN)
    assert isinstance(ctx, BorderContext)
    assert (ctx.lat, ctx.lon) == NOGALES_AZ_DOWNTOWN
    assert ctx.side == "US" and ctx.country == "US"
    assert ctx.state == "Arizona"
    assert ctx.admin2 == "Santa Cruz County"
    assert ctx.border_km < 1
    assert ctx.border_segment == "border:az-son"
    assert ctx.sector == "sector:tucson"
    kms = [p.km for p in ctx.nearest_ports]
    assert len(kms) == 3
    assert kms == sorted(kms)
    assert all(p.port_id.startswith("poe:nogales") for p in ctx.nearest_ports)
    assert kms[0] < 1


def test_nogales_sonora(gaz):
    ctx = gaz.reverse(*NOGALES_SON)
    assert ctx.side == "MX" and ctx.country == "MX"
    assert ctx.state == "Sonora"
    assert ctx.admin2 == "Nogales"
    assert 2 < ctx.border_km < 6
    assert ctx.border_segment == "border:az-son"
    # Mexican points near the line get the sector facing them.
    assert ctx.sector == "sector:tucson"
    assert ctx.nearest_ports[0].port_id.startswith("poe:nogales")


@pytest.mark.parametrize(
    ("point", "side", "state", "admin2", "segment", "sector"),
    [
        (EL_PASO, "US", "Texas", "El Paso County", "border:tx-chih", "sector:el-paso"),
        (JUAREZ, "MX", "Chihuahua", "Juárez", "border:tx-chih", "sector:el-paso"),
        (TIJUANA, "MX", "Baja California", "Tijuana", "border:ca-bc", "sector:san-diego"),
        (SAN_DIEGO, "US", "California", "San Diego County", "border:ca-bc", "sector:san-diego"),
        ((29.5607, -104.3722), "US", "Texas", "Presidio County", "border:tx-chih", "sector:big-bend"),
        ((27.5064, -99.5075), "US", "Texas", "Webb County", "border:tx-tamps", "sector:laredo"),
        ((27.4861, -99.5072), "MX", "Tamaulipas", "Nuevo Laredo", "border:tx-tamps", "sector:laredo"),
        ((25.9017, -97.4975), "US", "Texas", "Cameron County", "border:tx-tamps", "sector:rio-grande-valley"),
        ((32.6789, -115.4989), "US", "California", "Imperial County", "border:ca-bc", "sector:el-centro"),
        ((32.6245, -115.4523), "MX", "Baja California", "Mexicali", "border:ca-bc", "sector:el-centro"),
        ((32.4870, -114.7822), "US", "Arizona", "Yuma County", "border:az-son", "sector:yuma"),
        ((31.8276, -107.6400), "US", "New Mexico", "Luna County", "border:nm-chih", "sector:el-paso"),
        ((29.3709, -100.8959), "US", "Texas", "Val Verde County", "border:tx-coah", "sector:del-rio"),
    ],
    ids=["el-paso", "juarez", "tijuana", "san-diego", "presidio", "laredo", "nuevo-laredo", "brownsville",
         "calexico", "mexicali", "san-luis-az", "columbus-nm", "del-rio"],
)
def test_border_towns(gaz, point, side, state, admin2, segment, sector):
    ctx = gaz.reverse(*point)
    assert (ctx.side, ctx.country, ctx.state, ctx.admin2) == (side, side, state, admin2)
    assert ctx.border_segment == segment
    assert ctx.sector == sector


def test_san_diego_distance_to_the_line(gaz):
    ctx = gaz.reverse(*SAN_DIEGO)
    assert 20 <= ctx.border_km <= 26


def test_mexico_city_is_far_from_the_line(gaz):
    ctx = gaz.reverse(*MEXICO_CITY)
    assert ctx.side == "MX" and ctx.country == "MX"
    assert ctx.border_km > 600
    # Too far for a facing sector.
    assert ctx.sector is None
    # The nearest port is in Brownsville, ~740 km away: beyond 300 km the
    # distance is great-circle and must agree with the port distances.
    assert ctx.nearest_ports[0].km == pytest.approx(ctx.border_km, abs=20)


def test_gulf_of_mexico_is_neither_side(gaz):
    ctx = gaz.reverse(*GULF_OF_MEXICO)
    assert ctx.side is None
    assert ctx.country is None and ctx.state is None and ctx.admin2 is None and ctx.sector is None
    assert 250 < ctx.border_km < 450


@pytest.mark.parametrize(("lat", "lon"), [(48.8566, 2.3522), (-33.45, -70.67), (0.0, 0.0), (52.0, -106.0)])
def test_abroad_is_neither_side(gaz, lat, lon):
    ctx = gaz.reverse(lat, lon)
    assert ctx.side is None and ctx.state is None and ctx.sector is None
    assert ctx.border_km > 2000


@pytest.mark.parametrize(
    ("lat", "lon", "side", "state"),
    [(39.0, -98.0, "US", "Kansas"), (39.7392, -104.9903, "US", "Colorado"),
     (20.6597, -103.3496, "MX", "Jalisco"), (28.6353, -106.0889, "MX", "Chihuahua")],
)
def test_inland_points_far_from_the_line(gaz, lat, lon, side, state):
    ctx = gaz.reverse(lat, lon)
    assert (ctx.side, ctx.country, ctx.state) == (side, side, state)
    assert ctx.border_km > 150


def test_either_side_of_the_line_near_nogales(gaz):
    # 31.3327 is about the line through Nogales: 400 m north and south of it.
    north = gaz.reverse(31.3367, -110.95)
    south = gaz.reverse(31.3287, -110.95)
    assert (north.side, north.state) == ("US", "Arizona")
    assert (south.side, south.state) == ("MX", "Sonora")
    assert north.border_km < 1 and south.border_km < 1


@pytest.mark.parametrize(
    ("lat", "lon", "state", "admin2", "sector"),
    [(31.33326, -108.53034, "New Mexico", "Hidalgo County", "sector:el-paso"),
     (26.36571, -98.80252, "Texas", "Starr County", "sector:rio-grande-valley")],
    ids=["antelope-wells", "rio-grande-city"],
)
def test_us_side_of_the_line_inside_mexican_polygon(gaz, lat, lon, state, admin2, sector):
    ctx = gaz.reverse(lat, lon)
    assert ctx.side == "US"
    assert (ctx.state, ctx.admin2, ctx.sector) == (state, admin2, sector)


def test_points_on_the_line_take_the_units_of_their_side(gaz):
    """Ports sit within metres of the line: whichever side the line puts each
    one on, its state, county or municipio and sector are of that side."""
    ports = gaz.by_kind("port_of_entry")
    states = {(p.country, p.name) for p in gaz.by_kind("state")}
    admin2 = {(p.country, p.admin1, p.name) for p in gaz.by_kind("county") + gaz.by_kind("municipality")}
    us_sectors = {p.id for p in gaz.by_kind("sector")}
    contexts = gaz.reverse_many([p.lat for p in ports], [p.lon for p in ports])
    wrong = []
    for port, ctx in zip(ports, contexts):
        ok = (ctx.border_km <= 2.0 and ctx.side in ("US", "MX") and ctx.country == ctx.side
              and (ctx.side, ctx.state) in states and (ctx.side, ctx.state, ctx.admin2) in admin2
              and ctx.sector in us_sectors)
        if not ok:
            wrong.append((port.id, ctx.side, ctx.state, ctx.admin2, ctx.sector))
    assert wrong == []
    assert {c.side for c in contexts} == {"US", "MX"}  # the check above saw both cases


def test_distance_to_line_grows_away_from_it(gaz):
    kms = [gaz.reverse(31.3338 + d, -110.9380).border_km for d in (0.0, 0.1, 0.3, 0.6)]
    assert kms == sorted(kms)
    # 0.6° of latitude is ~67 km north of the line.
    assert kms[-1] == pytest.approx(67, abs=3)


def test_ports_option(gaz):
    assert len(gaz.reverse(*EL_PASO, ports=5).nearest_ports) == 5
    assert len(gaz.reverse(*EL_PASO, ports=1).nearest_ports) == 1
    assert gaz.reverse(*EL_PASO, ports=0).nearest_ports == ()


def test_port_distances_are_great_circle(gaz):
    ctx = gaz.reverse(*EL_PASO, ports=3)
    for port in ctx.nearest_ports:
        place = gaz[port.port_id]
        assert port.name == place.name
        assert port.km == pytest.approx(km_between(*EL_PASO, place.lat, place.lon), abs=0.01)


def test_nearest_agrees_with_reverse(gaz):
    ctx = gaz.reverse(*NOGALES_AZ_DOWNTOWN)
    nearest = gaz.nearest(*NOGALES_AZ_DOWNTOWN, kind="port_of_entry", limit=3)
    assert [p.id for p, _ in nearest] == [p.port_id for p in ctx.nearest_ports]
    assert [km for _, km in nearest] == [p.km for p in ctx.nearest_ports]


def test_nearest_settlements(gaz):
    found = gaz.nearest(*NOGALES_AZ_DOWNTOWN, kind="city", limit=2)
    assert {p.id for p, _ in found} == {"geonames:5306611", "geonames:4004886"}
    assert [km for _, km in found] == sorted(km for _, km in found)


POINTS = [NOGALES_AZ_DOWNTOWN, NOGALES_SON, EL_PASO, JUAREZ, TIJUANA, SAN_DIEGO, MEXICO_CITY, GULF_OF_MEXICO,
          (29.5607, -104.3722), (25.9017, -97.4975), (40.7128, -74.0060), (32.0, -114.0)]


def test_reverse_many_equals_reverse_one_by_one(gaz):
    lats = np.array([p[0] for p in POINTS])
    lons = np.array([p[1] for p in POINTS])
    many = gaz.reverse_many(lats, lons)
    assert many == [gaz.reverse(lat, lon) for lat, lon in POINTS]
    assert [c.side for c in many[:8]] == ["US", "MX", "US", "MX", "MX", "US", "MX", None]


def test_reverse_many_takes_lists_and_ports(gaz):
    many = gaz.reverse_many([p[0] for p in POINTS[:3]], [p[1] for p in POINTS[:3]], ports=1)
    assert [len(c.nearest_ports) for c in many] == [1, 1, 1]
    assert many == [gaz.reverse(*p, ports=1) for p in POINTS[:3]]


def test_reverse_many_rejects_a_bad_point(gaz):
    with pytest.raises(InvalidCoordinateError, match="latitude 91.0 is outside"):
        gaz.reverse_many([31.0, 91.0], [-110.0, -110.0])
    with pytest.raises(InvalidCoordinateError, match="finite"):
        gaz.reverse_many([31.0, math.nan], [-110.0, -110.0])


def test_reverse_accepts_numeric_strings(gaz):
    assert gaz.reverse("31.3338", "-110.9380") == gaz.reverse(*NOGALES_AZ_DOWNTOWN)


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        (91, 0, "latitude 91.0 is outside -90..90"),
        (-90.5, 0, "latitude -90.5 is outside -90..90"),
        (0, 181, "longitude 181.0 is outside -180..180"),
        (0, -180.01, "longitude -180.01 is outside -180..180"),
        ("abc", 5, "latitude and longitude must be numbers, got 'abc', 5"),
        (None, 5, "must be numbers"),
        (math.nan, 5, "must be finite"),
        ("nan", 5, "must be finite"),
        (5, "inf", "must be finite"),
    ],
)
def test_reverse_rejects_bad_coordinates(gaz, lat, lon, message):
    with pytest.raises(InvalidCoordinateError) as info:
        gaz.reverse(lat, lon)
    assert message in str(info.value)
    assert info.value.exit_code == 2


@pytest.mark.parametrize(("lat", "lon"), [(90, 0), (90, 180), (0, 180), (0, -180), (-89.9, 45)])
def test_reverse_at_the_edges_of_the_range(gaz, lat, lon):
    ctx = gaz.reverse(lat, lon)
    assert ctx.side is None and ctx.border_km > 5000


@pytest.mark.parametrize("lon", [0.0, -180.0])
def test_reverse_at_the_south_pole(gaz, lon):
    ctx = gaz.reverse(-90, lon)
    assert ctx.side is None and ctx.border_km > 10000


def test_the_line_is_cut_as_shapely_substring_cuts_it():
    import random

    import shapely
    from shapely.ops import substring

    from gazetteer.spatial import cut_in_pieces

    rng = random.Random(2)
    for _ in range(500):
        points = [(rng.uniform(-1e5, 1e5), rng.uniform(-1e5, 1e5)) for _ in range(rng.randint(2, 20))]
        points.insert(rng.randrange(len(points)), rng.choice(points))  # a vertex twice
        line = shapely.LineString(points)
        count = rng.randint(1, 12)
        expected = [substring(line, i / count, (i + 1) / count, normalized=True).wkb for i in range(count)]
        assert [piece.wkb for piece in cut_in_pieces(line, count)] == expected
