"""Free-text location descriptions as incident datasets write them
(geo/freetext.py): one point, an uncertainty and what located it."""

from __future__ import annotations

import pytest
from testing import assert_near

from geo.freetext import COORDINATE_UNCERTAINTY_KM, DescriptionLocator, locate_description, readable_case


def test_distance_from_a_port_in_capitals(geoparser):
    found = locate_description("0.2 MILES WEST OF MARIPOSA PORT OF ENTRY", geoparser)
    assert found.place_id == "poe:nogales-mariposa"
    assert_near(found.lat, found.lon, 31.3324, -110.9690, km=1.0, what="Mariposa offset")
    assert found.uncertainty_km < 1.0
    assert "from Mariposa" in found.match and "270°" in found.match


def test_coordinates_win(geoparser):
    found = locate_description("N 32 19.938, W 113 00.169", geoparser)
    assert found.lat == pytest.approx(32 + 19.938 / 60, abs=1e-6)
    assert found.lon == pytest.approx(-(113 + 0.169 / 60), abs=1e-6)
    assert found.uncertainty_km == COORDINATE_UNCERTAINTY_KM and found.place_id is None
    assert found.match.startswith("coordinates")


def test_abbreviated_distance_and_direction(geoparser, gaz):
    found = locate_description("5 MI W OF LUKEVILLE", geoparser)
    assert found.place_id == "place:lukeville"
    town = gaz.get("place:lukeville")
    assert_near(found.lat, found.lon, town.lat, town.lon - 0.0851, km=0.5, what="5 mi west of Lukeville")
    assert found.lon < town.lon
    assert 1.0 < found.uncertainty_km < 5.0


def test_a_park_in_capitals(geoparser):
    found = locate_description("ORGAN PIPE NATIONAL MONUMENT", geoparser)
    assert found.place_id == "area:organ-pipe"
    assert_near(found.lat, found.lon, 32.0, -112.8, km=30, what="Organ Pipe")
    assert found.uncertainty_km >= 10  # an area, not a point
    assert "Organ Pipe" in found.match


@pytest.mark.parametrize(("text", "place_id"), [
    ("2 MI N OF LUKEVILLE POE", "poe:lukeville"),
    ("BUENOS AIRES NWR", "area:buenos-aires-nwr"),
    ("ARIVACA RD NEAR AMADO", "place:amado"),
])
def test_short_forms_of_name_words(geoparser, text, place_id):
    """"POE", "NWR", "RD": incident records' short forms are written out."""
    assert locate_description(text, geoparser).place_id == place_id


@pytest.mark.parametrize(("text", "lat", "lon"), [
    ("Ranch near Encino, Brooks County, Texas, USA", 27.03, -98.20),  # not Encino, California
    ("La India Ranch, Falfurrias, Brooks County, Texas", 27.23, -98.14),  # not India
    ("Río Bravo, near Ejido Los Cavazos, Reynosa, Tamaulipas", 26.08, -98.28),  # not Ejido, Venezuela
])
def test_the_areas_a_record_names_rule_out_places_elsewhere(geoparser, text, lat, lon):
    found = locate_description(text, geoparser)
    assert_near(found.lat, found.lon, lat, lon, km=30, what=text)


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty(geoparser, text):
    found = locate_description(text, geoparser)
    assert (found.lat, found.lon, found.uncertainty_km, found.place_id, found.match) == (
        None, None, None, None, "empty")


@pytest.mark.parametrize("text", ["XYZZY PLUGH QWERTY", "asdf 123", "unknown", "SEE NARRATIVE"])
def test_nonsense(geoparser, text):
    found = locate_description(text, geoparser)
    assert (found.lat, found.lon, found.place_id) == (None, None, None)
    assert found.match == "no place found"


def test_readable_case_keeps_lengths_and_road_prefixes():
    text = "2 MI N OF SR 86 NEAR SELLS"
    titled = readable_case(text)
    assert len(titled) == len(text)
    assert "SR 86" in titled and "Sells" in titled
    assert readable_case("near Sells, Ariz.") == "near Sells, Ariz."


def test_two_states_named_rule_out_neither(geoparser):
    found = locate_description("Died in hospital in El Paso, Texas, after crossing near Columbus, New Mexico",
                               geoparser)
    assert found.match != "country United States"
    assert found.place_id is not None and found.match.split()[0] in ("city", "town", "village")


@pytest.fixture(scope="module")
def locate(geoparser):
    return DescriptionLocator(geoparser)


@pytest.mark.parametrize(("text", "place_id"), [
    ("Drowned in the Rio Bravo near Cuidad Acunya, Cohauila", "geonames:4013728"),
    ("Found by the river in Pidras Negras, Coahuila, Mexico", "geonames:3992619"),
    ("Hwy 10 near Lordburg, New Mexico", "geonames:5476799"),
])
def test_misspelt_names_are_matched_by_likeness(locate, gaz, text, place_id):
    found = locate(text)
    assert found.place_id == place_id, found
    place = gaz.get(place_id)
    assert_near(found.lat, found.lon, place.lat, place.lon, km=1, what=text)


@pytest.mark.parametrize("text", ["Ranch Quibbler, Kinney County, Texas",
                                  "Tres Vacas Pasture, Brooks County, Texas"])
def test_unknown_names_are_not_forced_onto_places(locate, text):
    """A name the gazetteer lacks, like no border place, leaves the county."""
    assert locate(text).match.startswith("county ")


def test_what_follows_after_is_history(locate, gaz):
    found = locate("Died at a hospital in Yuma, Arizona, after crossing the border near Lukeville, Arizona")
    yuma = gaz.geocode("Yuma, Arizona").place
    assert_near(found.lat, found.lon, yuma.lat, yuma.lon, km=10, what="Yuma, not Lukeville")


def test_a_town_after_a_comma_holds_what_precedes_it(locate, gaz):
    """"El Barretal, Tijuana": the shelter in Tijuana, not a homonym far away."""
    found = locate("Near the shelter El Barretal, Tijuana, Baja California")
    tijuana = gaz.geocode("Tijuana").place
    assert_near(found.lat, found.lon, tijuana.lat, tijuana.lon, km=40, what="in Tijuana")


def test_an_offset_is_tested_where_it_lands(locate):
    """3 km south of a New Mexico port is in Chihuahua, as the record says."""
    found = locate("Ejido near the line, 3km south of the Santa Teresa Port of Entry, Chihuahua, Mexico")
    assert found.place_id == "poe:santa-teresa"
    assert_near(found.lat, found.lon, 31.7567, -106.6803, km=1, what="3 km south of Santa Teresa")


def test_a_town_far_from_its_county_centre_still_fits_it(locate, gaz):
    """Pima County is 280 km wide: Lukeville lies in it, far from its middle."""
    found = locate("16 miles west of Lukeville, Pima County, Arizona, USA")
    town = gaz.get("place:lukeville")
    assert found.place_id == "place:lukeville" and found.lon < town.lon - 0.2


def test_a_port_is_in_both_sides_states(locate):
    found = locate("Rio Bravo by the Donna Rio Bravo International Bridge, Tamaulipas, Mexico")
    assert found.place_id == "poe:donna"


def test_a_river_named_with_a_state_lies_on_that_states_stretch(locate, gaz):
    found = locate("Río Bravo, near an ejido the gazetteer lacks, Tamaulipas, Mexico")
    assert found.place_id == "river:rio-grande"
    tamaulipas = gaz.geometry("iso3166-2:MX-TAM")
    import shapely
    assert tamaulipas.distance(shapely.Point(found.lon, found.lat)) < 0.05


def test_a_town_across_the_line_beats_the_bare_country(locate, gaz):
    """"Canal near Calexico, Mexico": the record's country is the other side's,
    but Calexico is still a better place than Mexico's middle."""
    found = locate("Irrigation canal near Calexico, Mexico")
    calexico = gaz.geocode("Calexico, California").place
    assert_near(found.lat, found.lon, calexico.lat, calexico.lon, km=5, what="Calexico")


@pytest.mark.parametrize(("text", "port"), [
    ("Rio Bravo under International Bridge 1, Eagle Pass, Texas", "poe:eagle-pass-i"),
    ("Rio Bravo under International Bridge 1, Laredo, Texas", "poe:laredo-gateway"),
])
def test_numbered_bridges_by_the_town_named(locate, text, port):
    assert locate(text).place_id == port


def test_lower_case_feature_words_end_a_name(locate):
    assert locate("Otay mountain, San Diego County, California").place_id == "area:otay-mountain"


@pytest.mark.parametrize(("text", "town"), [
    ("Hospital General de Tijuana, Baja California, Mexico", "Tijuana"),
    ("Died at McAllen Medical Center, Hidalgo County, Texas", "McAllen"),
])
def test_an_institutions_town_is_where_the_record_is(locate, gaz, text, town):
    place = gaz.geocode(town).place
    found = locate(text)
    assert found.place_id == place.id, found
