"""The geopy Geocoder subclass: Location objects, geopy conventions, offline."""

from __future__ import annotations

from functools import partial

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point
from testing import assert_near

from gazetteer import BorderGeocoder
from gazetteer.errors import NoMatchError


@pytest.fixture(scope="module")
def geocoder(gaz):
    return BorderGeocoder(gaz)


def test_is_a_geopy_geocoder(geocoder, gaz):
    assert isinstance(geocoder, Geocoder)
    assert geocoder.gazetteer is gaz
    assert BorderGeocoder().gazetteer is gaz  # default: the shared packaged gazetteer


def test_geocode_returns_a_location(geocoder):
    location = geocoder.geocode("Nogales, Sonora")
    assert isinstance(location, Location)
    assert location.latitude == pytest.approx(31.31, abs=0.01)
    assert_near(location.latitude, location.longitude, 31.309, -110.942, km=3)
    assert location.address == "Nogales, Sonora, MX"
    assert location.raw["country"] == "MX"
    assert location.raw["side"] == "MX"
    assert location.raw["kind"] == "city"
    assert location.raw["reasons"][0] == "in 'Sonora'"
    assert location.raw["score"] > 0
    assert location.point == Point(location.latitude, location.longitude)


def test_geocode_us_twin(geocoder):
    location = geocoder.geocode("Nogales, Ariz.")
    assert_near(location.latitude, location.longitude, 31.3404, -110.9343, km=3)
    assert location.raw["country"] == "US"


def test_geocode_exactly_one_false_returns_a_list(geocoder):
    locations = geocoder.geocode("Nogales", exactly_one=False)
    assert isinstance(locations, list) and len(locations) >= 2
    assert all(isinstance(loc, Location) for loc in locations)
    assert {loc.raw["country"] for loc in locations[:2]} == {"MX", "US"}
    scores = [loc.raw["score"] for loc in locations]
    assert scores == sorted(scores, reverse=True)


def test_geocode_limit(geocoder):
    assert len(geocoder.geocode("Nogales", exactly_one=False, limit=2)) == 2


def test_geocode_unknown_is_none(geocoder):
    assert geocoder.geocode("Qxzzvbk Wqpt") is None
    assert geocoder.geocode("Qxzzvbk Wqpt", exactly_one=False) is None


def test_geocode_or_raise(geocoder):
    assert geocoder.geocode_or_raise("Naco, Ariz.").raw["country"] == "US"
    with pytest.raises(NoMatchError) as info:
        geocoder.geocode_or_raise("Nogalez")
    assert "Nogales, Sonora, MX" in info.value.suggestions


def test_reverse_string(geocoder):
    location = geocoder.reverse("31.3338, -110.9380")
    assert isinstance(location, Location)
    context = location.raw["context"]
    assert context["side"] == "US"
    assert context["state"] == "Arizona"
    assert context["admin2"] == "Santa Cruz County"
    assert context["nearest_ports"][0]["port_id"].startswith("poe:nogales")
    # The nearest settlement is Nogales, Arizona, under a kilometre away.
    assert location.raw["id"] == "geonames:5306611"
    assert location.raw["distance_km"] < 1.5
    assert location.address.startswith("Nogales, Arizona, US (")


@pytest.mark.parametrize("query", [(31.30, -110.94), Point(31.30, -110.94), "31.30, -110.94"])
def test_reverse_point_forms(geocoder, query):
    location = geocoder.reverse(query)
    assert location.raw["context"]["side"] == "MX"
    assert location.raw["context"]["state"] == "Sonora"
    assert location.raw["id"] == "geonames:4004886"


def test_reverse_exactly_one_false(geocoder):
    locations = geocoder.reverse("31.3338, -110.9380", exactly_one=False)
    assert 2 <= len(locations) <= 5
    kms = [loc.raw["distance_km"] for loc in locations]
    assert kms == sorted(kms)
    assert {loc.raw["id"] for loc in locations[:2]} == {"geonames:5306611", "geonames:4004886"}


def test_reverse_at_sea_has_no_side(geocoder):
    location = geocoder.reverse("25.0, -94.0")
    assert location.raw["context"]["side"] is None


def test_rate_limiter_works_unchanged(geocoder):
    geocode = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    location = geocode("Naco, Ariz.")
    assert isinstance(location, Location)
    assert_near(location.latitude, location.longitude, 31.3353, -109.9481, km=3)
    assert geocode("Qxzzvbk Wqpt") is None
    reverse = RateLimiter(geocoder.reverse, min_delay_seconds=0)
    assert reverse("31.7587, -106.4869").raw["context"]["state"] == "Texas"


def test_partial_exactly_one_false(geocoder):
    geocode_all = partial(geocoder.geocode, exactly_one=False)
    assert len(geocode_all("Naco")) >= 2
