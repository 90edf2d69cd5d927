"""Name lookup and ranking: twin cities, qualifiers, abbreviations, Spanish
names, ports, sectors and border segments.

Expected positions are real-world coordinates (town centres as published,
e.g. on Wikipedia / GNIS), not values read back from the data, with a ~3 km
tolerance (5 km for metropolises, whose "centre" is a matter of choice).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from testing import assert_near, assert_place, ids

from gazetteer.errors import NoMatchError

SETTLEMENT = {"city", "town", "village"}


class Where(NamedTuple):
    country: str
    admin1: str
    lat: float
    lon: float
    km: float = 3.0


NOGALES_AZ = Where("US", "Arizona", 31.3404, -110.9343)
NOGALES_SON = Where("MX", "Sonora", 31.309, -110.942)
NACO_AZ = Where("US", "Arizona", 31.3353, -109.9481)
NACO_SON = Where("MX", "Sonora", 31.325, -109.948)
SASABE_AZ = Where("US", "Arizona", 31.48861, -111.54194)
SASABE_SON = Where("MX", "Sonora", 31.47194, -111.54417)
SAN_LUIS_AZ = Where("US", "Arizona", 32.4870, -114.7822)
SLRC = Where("MX", "Sonora", 32.4561, -114.7717)
LAREDO = Where("US", "Texas", 27.5064, -99.5075)
NUEVO_LAREDO = Where("MX", "Tamaulipas", 27.4861, -99.5072)
PRESIDIO = Where("US", "Texas", 29.5607, -104.3722)
OJINAGA = Where("MX", "Chihuahua", 29.56444, -104.41639)
COLUMBUS = Where("US", "New Mexico", 31.8276, -107.6400)
PALOMAS = Where("MX", "Chihuahua", 31.775, -107.630)
EL_PASO = Where("US", "Texas", 31.7587, -106.4869, 5.0)
JUAREZ = Where("MX", "Chihuahua", 31.7333, -106.4833, 5.0)
REYNOSA = Where("MX", "Tamaulipas", 26.0922, -98.2778)
MONTERREY = Where("MX", "Nuevo León", 25.6667, -100.3000, 5.0)
PIEDRAS_NEGRAS = Where("MX", "Coahuila", 28.7000, -100.5236)
TIJUANA = Where("MX", "Baja California", 32.5250, -117.0333, 5.0)
LAS_CRUCES = Where("US", "New Mexico", 32.3194, -106.7630)
CALEXICO = Where("US", "California", 32.6789, -115.4989)

TWIN_QUERIES = [
    ("Nogales, Ariz.", NOGALES_AZ),
    ("Nogales, AZ", NOGALES_AZ),
    ("Nogales, Arizona", NOGALES_AZ),
    ("Nogales AZ", NOGALES_AZ),
    ("Nogales, Sonora", NOGALES_SON),
    ("Nogales, Son.", NOGALES_SON),
    ("Nogales Sonora", NOGALES_SON),
    ("Nogales, Sonora, Mexico", NOGALES_SON),
    ("Naco, Ariz.", NACO_AZ),
    ("Naco, Sonora", NACO_SON),
    ("Sásabe, Sonora", SASABE_SON),
    ("Sasabe, Sonora", SASABE_SON),
    ("San Luis, Ariz.", SAN_LUIS_AZ),
    ("San Luis, Arizona", SAN_LUIS_AZ),
    ("San Luis Río Colorado", SLRC),
    ("San Luis Rio Colorado", SLRC),
    ("San Luis Río Colorado, Sonora", SLRC),
    ("Laredo", LAREDO),
    ("Laredo, Tex.", LAREDO),
    ("Laredo, Texas", LAREDO),
    ("Nuevo Laredo", NUEVO_LAREDO),
    ("Nuevo Laredo, Tamps.", NUEVO_LAREDO),
    ("Presidio", PRESIDIO),
    ("Presidio, Tex.", PRESIDIO),
    ("Ojinaga", OJINAGA),
    ("Ojinaga, Chih.", OJINAGA),
    ("Columbus, N.M.", COLUMBUS),
    ("Columbus, New Mexico", COLUMBUS),
    ("Columbus New Mexico", COLUMBUS),
    ("Puerto Palomas", PALOMAS),
    ("Puerto Palomas, Chih.", PALOMAS),
    ("El Paso", EL_PASO),
    ("Ciudad Juárez", JUAREZ),
]


def _settlement(gaz, query):
    place = gaz.geocode(query).place
    assert place.kind in SETTLEMENT, f"{query!r} gave {place.id} ({place.kind})"
    return place


@pytest.mark.parametrize(("query", "where"), TWIN_QUERIES, ids=[q for q, _ in TWIN_QUERIES])
def test_twin_city_side_and_state(gaz, query, where):
    place = _settlement(gaz, query)
    assert_place(place, country=where.country, side=where.country, admin1=where.admin1)


@pytest.mark.parametrize(("query", "where"), TWIN_QUERIES, ids=[q for q, _ in TWIN_QUERIES])
def test_twin_city_position(gaz, query, where):
    place = _settlement(gaz, query)
    assert_near(place.lat, place.lon, where.lat, where.lon, km=where.km, what=f"{query!r} → {place.id}")


def test_bare_nogales_prefers_sonora_but_lists_arizona(gaz):
    found = gaz.search("Nogales")
    top = found[0].place
    assert_place(top, kind="city", country="MX", admin1="Sonora", near=NOGALES_SON[2:4])
    us = [c.place for c in found if c.place.country == "US" and c.place.admin1 == "Arizona"]
    assert us, f"Nogales, Arizona is not among {ids(found)}"
    assert_place(us[0], kind="city", side="US", near=NOGALES_AZ[2:4])


def test_bare_naco_lists_both_sides_first_with_reasons(gaz):
    top2 = gaz.search("Naco")[:2]
    assert {c.place.country for c in top2} == {"US", "MX"}
    for c in top2:
        assert c.place.kind in SETTLEMENT
        assert c.place.side == c.place.country
        assert c.reasons[0] == "name 'Naco'"
        assert any("km from the border" in r for r in c.reasons), c.reasons
    assert top2[0].score >= top2[1].score


@pytest.mark.parametrize(
    ("query", "qualifier", "admitted"),
    [("Naco, Ariz.", "Ariz.", "US"), ("Naco, Sonora", "Sonora", "MX"), ("Nogales, AZ", "AZ", "US")],
)
def test_qualifier_reason_is_given_first(gaz, query, qualifier, admitted):
    found = gaz.search(query)
    assert found, f"{query!r} gave no candidates"
    assert found[0].place.country == admitted
    # Only what the qualifier admits is a candidate, each with the qualifier as its first reason...
    assert all(c.place.country == admitted for c in found), ids(found)
    assert all(c.reasons[0] == f"in {qualifier!r}" for c in found)
    # ...so the twin across the line, a candidate for the bare name, is not one.
    bare = gaz.search(query.split(",")[0])
    twins = [c.place.id for c in bare if c.place.country != admitted and c.place.kind in SETTLEMENT]
    assert twins, f"no twin across the line among {ids(bare)}"
    assert not set(twins) & set(ids(found))
    assert found[0].place.id in ids(bare)


def test_qualifier_outweighs_population(gaz):
    # Nogales, Sonora has 13 times the people of Nogales, Arizona.
    bare = gaz.search("Nogales")
    qualified = gaz.search("Nogales, Ariz.")
    assert bare[0].place.country == "MX" and qualified[0].place.country == "US"
    assert_place(qualified[0].place, kind="city", admin1="Arizona", near=NOGALES_AZ[2:4])
    # The larger Nogales, Sonora is not a candidate once the qualifier is written...
    assert bare[0].place.id not in ids(qualified)
    assert all(c.place.country == "US" for c in qualified), ids(qualified)
    # ...and the qualifier's weight is more than the population that put it first.
    bare_us = next(c for c in bare if c.place.id == qualified[0].place.id)
    assert qualified[0].score > bare[0].score
    assert qualified[0].score - bare_us.score > 5


def test_sasabe_arizona(gaz):
    place = _settlement(gaz, "Sasabe, Ariz.")
    assert_place(place, country="US", side="US", admin1="Arizona", near=SASABE_AZ[2:4])
    assert_place(_settlement(gaz, "Sásabe, Sonora"), country="MX", near=SASABE_SON[2:4])


def test_palomas_alone_means_puerto_palomas(gaz):
    place = _settlement(gaz, "Palomas")
    assert_place(place, country="MX", side="MX", admin1="Chihuahua", near=PALOMAS[2:4])


@pytest.mark.parametrize("query", ["San Luis Río Colorado", "San Luis Rio Colorado", "SAN LUIS RIO COLORADO"])
def test_san_luis_rio_colorado_is_not_san_luis_arizona(gaz, query):
    found = gaz.search(query)
    assert all(c.place.country == "MX" for c in found), ids(found)


def test_bare_san_luis_lists_both_border_towns(gaz):
    top = [c.place for c in gaz.search("San Luis")[:3]]
    assert ("US", "Arizona") in {(p.country, p.admin1) for p in top}
    assert any(p.country == "MX" and p.admin1 == "Sonora" for p in top)


@pytest.mark.parametrize(
    "query",
    ["Nuevo Laredo", "NUEVO LAREDO", "nuevo laredo", "Nuevo Laredo, Tamps.", "Nuevo Laredo, Tamaulipas",
     "Nuevo Laredo Tamaulipas", "Nuevo Laredo, Mexico"],
)
def test_nuevo_laredo_never_resolves_to_laredo(gaz, query):
    laredo = gaz.geocode("Laredo, Texas").place
    assert laredo.country == "US"
    found = gaz.search(query)
    assert laredo.id not in ids(found)
    assert_place(gaz.geocode(query).place, country="MX", admin1="Tamaulipas", near=NUEVO_LAREDO[2:4])


def test_laredo_does_not_resolve_to_nuevo_laredo(gaz):
    found = gaz.search("Laredo")
    assert all("Nuevo" not in c.place.name for c in found), ids(found)


@pytest.mark.parametrize(
    ("query", "state_id"),
    [("Ojinaga, Tex.", "iso3166-2:US-TX"), ("Nogales, Calif.", "iso3166-2:US-CA"),
     ("Nuevo Laredo, Texas", "iso3166-2:US-TX")],
)
def test_qualifier_that_admits_nothing_does_not_cross_the_line(gaz, query, state_id):
    name, qualifier = query.split(", ")
    # The name and the qualifier are each known...
    assert any(c.place.kind in SETTLEMENT for c in gaz.search(name))
    assert gaz.geocode(qualifier).place.id == state_id
    # ...but no place of that name is in that state: no candidates, not the town across the line.
    assert gaz.search(query) == []
    assert gaz.search(query, limit=50) == []
    with pytest.raises(NoMatchError) as info:
        gaz.geocode(query)
    assert str(info.value).startswith(f"no match for {query!r}")
    assert info.value.exit_code == 1


# -- abbreviations ---------------------------------------------------------

STATE_IDS = {
    "Ariz.": "iso3166-2:US-AZ", "Calif.": "iso3166-2:US-CA", "N.M.": "iso3166-2:US-NM",
    "Tex.": "iso3166-2:US-TX", "Son.": "iso3166-2:MX-SON", "Chih.": "iso3166-2:MX-CHH",
    "B.C.": "iso3166-2:MX-BCN", "Tamps.": "iso3166-2:MX-TAM", "N.L.": "iso3166-2:MX-NLE",
    "Coah.": "iso3166-2:MX-COA",
}


@pytest.mark.parametrize(("abbr", "state_id"), list(STATE_IDS.items()))
def test_state_abbreviation_as_query(gaz, abbr, state_id):
    place = gaz.geocode(abbr).place
    assert place.id == state_id, f"{abbr!r} gave {place.id} ({place.label})"
    assert place.kind == "state"


@pytest.mark.parametrize("abbr", list(STATE_IDS))
def test_state_abbreviation_is_indexed(gaz, abbr):
    matches = [(m.form, m.how) for m in gaz.lookup(abbr) if m.place.id == STATE_IDS[abbr]]
    assert (abbr, "abbreviation") in matches


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("El Paso, Tex.", EL_PASO),
        ("Ciudad Juárez, Chih.", JUAREZ),
        ("Reynosa, Tamps.", REYNOSA),
        ("Monterrey, N.L.", MONTERREY),
        ("Piedras Negras, Coah.", PIEDRAS_NEGRAS),
        ("Tijuana, B.C.", TIJUANA),
        ("Las Cruces, N.M.", LAS_CRUCES),
        ("Calexico, Calif.", CALEXICO),
        ("Nogales, Son.", NOGALES_SON),
        ("Naco, Ariz.", NACO_AZ),
    ],
)
def test_abbreviation_as_qualifier(gaz, query, where):
    best = gaz.search(query)[0]
    qualifier = query.split(", ")[1]
    assert best.reasons[0] == f"in {qualifier!r}"
    assert_place(best.place, country=where.country, side=where.country, admin1=where.admin1,
                 near=(where.lat, where.lon), km=where.km)
    assert best.place.kind in SETTLEMENT


@pytest.mark.parametrize(
    ("name", "state_id"),
    [
        ("California", "iso3166-2:US-CA"),
        ("Arizona", "iso3166-2:US-AZ"),
        ("New Mexico", "iso3166-2:US-NM"),
        ("Texas", "iso3166-2:US-TX"),
        ("Baja California", "iso3166-2:MX-BCN"),
        ("Coahuila", "iso3166-2:MX-COA"),
        ("Sonora", "iso3166-2:MX-SON"),
        ("Tamaulipas", "iso3166-2:MX-TAM"),
        ("Nuevo León", "iso3166-2:MX-NLE"),
        ("Nuevo Leon", "iso3166-2:MX-NLE"),
    ],
)
def test_border_state_name_resolves_to_the_state(gaz, name, state_id):
    assert gaz.geocode(name).place.id == state_id


@pytest.mark.parametrize(
    ("code", "state_id"),
    [("AZ", "iso3166-2:US-AZ"), ("CA", "iso3166-2:US-CA"), ("TX", "iso3166-2:US-TX"),
     ("NM", "iso3166-2:US-NM")],
)
def test_usps_code_as_query(gaz, code, state_id):
    assert gaz.geocode(code).place.id == state_id


# -- Spanish names, countries and Mexico ----------------------------------

US_COUNTRY = "geonames:6252001"
MX_COUNTRY = "geonames:3996063"


@pytest.mark.parametrize(
    "query",
    ["Estados Unidos", "EE.UU.", "EE. UU.", "EEUU", "United States", "U.S.", "USA", "Unión Americana"],
)
def test_united_states_in_english_and_spanish(gaz, query):
    place = gaz.geocode(query).place
    assert place.id == US_COUNTRY
    assert_place(place, kind="country", country="US")


@pytest.mark.parametrize(
    "query", ["México", "Mexico", "MEXICO", "República Mexicana", "Estados Unidos Mexicanos"])
def test_mexico_is_the_country(gaz, query):
    place = gaz.geocode(query).place
    assert place.id == MX_COUNTRY
    assert_place(place, kind="country", country="MX")


@pytest.mark.parametrize("query", ["Mexico City", "Ciudad de México", "Ciudad de Mexico", "CIUDAD DE MEXICO"])
def test_mexico_city(gaz, query):
    place = gaz.geocode(query).place
    assert_place(place, kind="city", country="MX", near=(19.4326, -99.1332), km=5)


def test_mexico_new_mexico_and_mexico_city_are_three_places(gaz):
    country = gaz.geocode("Mexico").place
    state = gaz.geocode("New Mexico").place
    city = gaz.geocode("Mexico City").place
    assert len({country.id, state.id, city.id}) == 3
    assert_place(country, kind="country", country="MX")
    assert_place(state, kind="state", country="US", side="US")
    assert state.id == "iso3166-2:US-NM"
    assert city.name == "Mexico City" and city.country == "MX"
    # New Mexico's name must not make it a candidate for "Mexico", nor Mexico City's.
    assert state.id not in ids(gaz.search("Mexico", limit=50))
    assert state.id not in ids(gaz.search("Mexico City", limit=50))
    assert country.id not in ids(gaz.search("New Mexico", limit=50))


def test_mexico_city_the_city_is_a_candidate(gaz):
    cities = [c.place for c in gaz.search("Ciudad de México") if c.place.kind == "city"]
    assert cities
    assert_place(cities[0], country="MX", near=(19.4326, -99.1332), km=5)


def test_new_mexico_qualifier_is_not_mexico(gaz):
    place = gaz.geocode("Columbus, New Mexico").place
    assert_place(place, country="US", admin1="New Mexico")


@pytest.mark.parametrize(
    "query", ["Río Bravo", "Rio Bravo", "río Bravo", "Rio Bravo del Norte", "Río Grande"])
def test_rio_bravo_is_among_candidates_as_the_river(gaz, query):
    rivers = [c.place for c in gaz.search(query) if c.place.kind == "river"]
    assert [p.id for p in rivers] == ["river:rio-grande"]


def test_rio_grande_resolves_to_the_river(gaz):
    assert gaz.geocode("Rio Grande").place.id == "river:rio-grande"


def test_colorado_river(gaz):
    place = gaz.geocode("Colorado River").place
    assert place.id == "river:colorado" and place.kind == "river"


@pytest.mark.parametrize("query", ["Ciudad Juárez", "Ciudad Juarez", "CIUDAD JUAREZ", "ciudad juárez",
                                   "Juarez", "Juárez", "Juárez, Chihuahua"])
def test_ciudad_juarez_spellings(gaz, query):
    place = _settlement(gaz, query)
    assert_place(place, country="MX", side="MX", admin1="Chihuahua", near=JUAREZ[2:4], km=JUAREZ.km)


def test_leading_the_is_ignored(gaz):
    assert ids(gaz.search("the U.S.-Mexico border")) == ids(gaz.search("U.S.-Mexico border"))
    assert gaz.geocode("the U.S.-Mexico border").place.id == "border:us-mexico"


# -- ports, sectors, stations and border segments --------------------------

def test_mariposa_port_of_entry(gaz):
    place = gaz.geocode("Mariposa Port of Entry").place
    assert place.id == "poe:nogales-mariposa"
    assert place.kind == "port_of_entry"
    assert place.border_km is not None and place.border_km <= 1.0
    assert gaz.reverse(place.lat, place.lon).border_km <= 1.0
    assert_place(place, country="US", admin1="Arizona", near=(31.3326, -110.9661), km=1.5)


@pytest.mark.parametrize(
    ("query", "port_id"),
    [("San Ysidro Port of Entry", "poe:san-ysidro"), ("Garita de San Ysidro", "poe:san-ysidro"),
     ("PedWest", "poe:san-ysidro-pedwest"), ("Otay Mesa Port of Entry", "poe:otay-mesa"),
     ("McAllen-Hidalgo port of entry", "poe:hidalgo")],
)
def test_port_names_and_spanish_names(gaz, query, port_id):
    assert gaz.geocode(query).place.id == port_id


def test_by_kind_port_of_entry(gaz):
    ports = gaz.by_kind("port_of_entry")
    assert len(ports) >= 48
    found = {p.id for p in ports}
    for port_id in ("poe:san-ysidro", "poe:otay-mesa", "poe:calexico-west", "poe:nogales-deconcini",
                    "poe:nogales-mariposa", "poe:naco", "poe:columbus", "poe:el-paso-bota",
                    "poe:presidio", "poe:laredo-world-trade", "poe:brownsville-gateway"):
        assert port_id in found
    assert all(p.kind == "port_of_entry" for p in ports)


def _sectors(gaz):
    sectors = gaz.by_kind("sector")
    assert sectors, "no Border Patrol sectors in the data"
    return sectors


def test_nine_sectors(gaz):
    sectors = _sectors(gaz)
    assert len(sectors) == 9
    names = " ".join(p.name for p in sectors)
    for city in ("San Diego", "El Centro", "Yuma", "Tucson", "El Paso", "Big Bend", "Del Rio", "Laredo",
                 "Rio Grande Valley"):
        assert city in names
    assert all(p.country == "US" and p.has_shape for p in sectors)


def test_each_sector_has_stations(gaz):
    sectors = _sectors(gaz)
    stations = gaz.by_kind("station")
    assert stations, "no Border Patrol stations in the data"
    for sector in sectors:
        own = [s for s in stations if s.sector == sector.id]
        assert own, f"no station in {sector.name}"
    assert {s.sector for s in stations} <= {p.id for p in sectors}


def test_sector_by_name(gaz):
    sectors = _sectors(gaz)
    tucson = next(p for p in sectors if "Tucson" in p.name)
    assert gaz.geocode(tucson.name).place.id == tucson.id
    assert tucson.admin1 == "Arizona"


@pytest.mark.parametrize(
    "query", ["Arizona–Sonora border", "Arizona-Sonora border", "arizona sonora border",
              "Sonora-Arizona border", "Arizona/Sonora border", "frontera Arizona-Sonora"])
def test_arizona_sonora_border_segment(gaz, query):
    place = gaz.geocode(query).place
    assert place.id == "border:az-son"
    assert place.kind == "border_segment"
    assert place.codes == ("AZ", "SON")


@pytest.mark.parametrize(
    ("query", "segment"),
    [("U.S.-Mexico border", "border:us-mexico"), ("southern border", "border:us-mexico"),
     ("frontera México-Estados Unidos", "border:us-mexico"), ("Texas–Tamaulipas border", "border:tx-tamps"),
     ("California-Baja California border", "border:ca-bc"), ("Texas-Mexico border", "border:tx")],
)
def test_border_segments(gaz, query, segment):
    assert gaz.geocode(query).place.id == segment


# -- misses, suggestions and the search API ----------------------------------

def test_unknown_name_raises_with_suggestions(gaz):
    with pytest.raises(NoMatchError) as info:
        gaz.geocode("Nogalez")
    error = info.value
    assert error.query == "Nogalez"
    assert "Nogales, Sonora, MX" in error.suggestions[:2]
    assert "Nogales, Arizona, US" in error.suggestions[:2]
    assert str(error).startswith("no match for 'Nogalez'; did you mean: Nogales")
    assert error.exit_code == 1


def test_unknown_qualifier_gives_no_match(gaz):
    assert gaz.search("Nogales, Atlantis") == []
    with pytest.raises(NoMatchError):
        gaz.geocode("Nogales, Atlantis")


def test_gibberish_has_no_suggestions(gaz):
    with pytest.raises(NoMatchError) as info:
        gaz.geocode("Qxzzvbk Wqpt")
    assert info.value.suggestions == ()
    assert str(info.value) == "no match for 'Qxzzvbk Wqpt'"


@pytest.mark.parametrize("query", ["", "   ", ","])
def test_empty_query(gaz, query):
    assert gaz.search(query) == []


def test_search_limit_and_order(gaz):
    found = gaz.search("Nogales", limit=3)
    assert len(found) == 3
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)
    assert ids(found) == ids(gaz.search("Nogales", limit=10))[:3]
    assert len(set(ids(gaz.search("Nogales", limit=50)))) == len(gaz.search("Nogales", limit=50))


def test_lookup_reports_how_a_name_matched(gaz):
    how = {(m.place.id, m.how) for m in gaz.lookup("AZ")}
    assert ("iso3166-2:US-AZ", "code") in how
    how = {(m.place.id, m.form, m.how) for m in gaz.lookup("ARIZ")}
    assert ("iso3166-2:US-AZ", "Ariz.", "abbreviation") in how
    how = {(m.place.id, m.how) for m in gaz.lookup("ciudad juarez")}
    assert ("geonames:4013708", "name") in how


def test_get_and_contains(gaz):
    place = gaz["poe:san-ysidro"]
    assert place.name == "San Ysidro Port of Entry"
    assert "poe:san-ysidro" in gaz
    assert "poe:does-not-exist" not in gaz
    assert gaz.get("poe:does-not-exist") is None
    with pytest.raises(KeyError):
        gaz["poe:does-not-exist"]


def test_label_tells_twins_apart(gaz):
    labels = {c.place.label for c in gaz.search("Naco")[:2]}
    assert labels == {"Naco, Sonora, MX", "Naco, Arizona, US"}


@pytest.mark.parametrize(("query", "country"), [
    ("Santa Fe", ("US", "MX")),  # a town abroad gives way to a namesake in the two countries...
    ("Santa Fe, Argentina", ("AR",)),  # ...unless a qualifier names it
    ("Paris", ("FR",)),  # capitals and cities of a million keep their names
])
def test_towns_abroad_and_their_namesakes(gaz, query, country):
    assert gaz.geocode(query).place.country in country
