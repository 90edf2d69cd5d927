"""A geopy geocoder backed by the offline gazetteer.

It subclasses geopy's ``Geocoder`` and answers ``geocode`` and ``reverse``
with geopy ``Location`` objects, so code written for geopy (``RateLimiter``,
``partial(geocode, exactly_one=False)``...) works unchanged, with no network.
"""

from __future__ import annotations

from dataclasses import asdict

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .errors import NoMatchError
from .gazetteer import Gazetteer

__all__ = ("BorderGeocoder",)


class BorderGeocoder(Geocoder):
    """Geocode border place names and reverse-geocode points offline."""

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs):
        super().__init__(**kwargs)
        self.gazetteer = gazetteer or Gazetteer.default()

    def geocode(self, query, *, exactly_one=True, limit=None, timeout=DEFAULT_SENTINEL):
        """Places matching ``query`` ("Nogales, Sonora"), best first; None when
        nothing matches (geopy's convention)."""
        candidates = self.gazetteer.search(str(query), limit=limit or 10)
        if not candidates:
            return None
        locations = [self._location(c.place, score=c.score, reasons=list(c.reasons)) for c in candidates]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):
        """The place nearest ``query`` (a ``Point``, ``(lat, lon)`` or
        ``"lat, lon"``), its raw data carrying the border context."""
        point = query if isinstance(query, Point) else Point(query)
        context = self.gazetteer.reverse(point.latitude, point.longitude)
        settlements = []
        for kind in ("city", "town", "village"):
            settlements.extend(self.gazetteer.nearest(point.latitude, point.longitude, kind=kind, limit=3))
        settlements.sort(key=lambda pair: pair[1])
        if not settlements:
            return None
        locations = []
        for place, km in settlements[: 1 if exactly_one else 5]:
            raw = self._raw(place)
            raw.update(distance_km=km, context=asdict(context))
            address = f"{place.label} ({km:.1f} km)"
            locations.append(Location(address, Point(place.lat, place.lon), raw))
        return locations[0] if exactly_one else locations

    def _location(self, place, **extra) -> Location:
        raw = self._raw(place)
        raw.update(extra)
        return Location(place.label, Point(place.lat, place.lon), raw)

    @staticmethod
    def _raw(place) -> dict:
        return asdict(place)

    def geocode_or_raise(self, query) -> Location:
        """Like ``geocode`` but raises NoMatchError with suggestions."""
        location = self.geocode(query)
        if location is None:
            raise NoMatchError(str(query), self.gazetteer.suggest(str(query)))
        return location
